//! Full compaction of a closed store on several threads.
//!
//! Oxigraph's `Store::optimize` compacts the column families one after the other,
//! and RocksDB runs each compaction on one background thread: on a 100 MB ingest that
//! was 15 s with one core idle. Oxigraph does not expose the RocksDB options that
//! would spread the work, so this module opens the store's RocksDB database itself,
//! after Oxigraph has closed it, with the options Oxigraph opens it with plus room
//! for parallel work, and compacts the column families from several threads at once.
//!
//! The options mirror oxigraph 0.5's `storage/rocksdb_wrapper.rs` and
//! `storage/rocksdb.rs` (compression, table format, per-family prefix extractors and
//! point-lookup tuning), so the files written are those Oxigraph's own compaction
//! writes. A family this module does not know is compacted with the base options.
//! RocksDB's lock file keeps this from running while a writer has the store open.

use std::ffi::{CStr, CString};
use std::path::Path;
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};

use oxrocksdb_sys as ffi;

use super::StoreError;

/// More threads than this find nothing to do: a store's data is in four column
/// families (strings and three triple indexes).
pub const MAX_THREADS: usize = 4;

/// Oxigraph's column families with a fixed key prefix length (a named or blank node
/// starts the key); the others have none.
const PREFIX_17: &[&str] = &["spog", "posg", "gspo", "gpos", "gosp", "dspo", "dpos", "graphs"];
/// Oxigraph's column family for point lookups (term id → string).
const POINT_LOOKUP: &str = "id2str";

/// Owns the raw RocksDB objects of one open, and frees them in order.
struct Db {
    db: *mut ffi::rocksdb_t,
    options: *mut ffi::rocksdb_options_t,
    table: *mut ffi::rocksdb_block_based_table_options_t,
    cf_options: Vec<*mut ffi::rocksdb_options_t>,
    handles: Vec<*mut ffi::rocksdb_column_family_handle_t>,
    names: Vec<String>,
}

// SAFETY: a RocksDB database and its column family handles are thread-safe; the
// options are only read after the open.
unsafe impl Send for Db {}
unsafe impl Sync for Db {}

impl Db {
    /// An integer property of family `i` (0 when RocksDB does not know it).
    fn property(&self, i: usize, name: &CStr) -> u64 {
        let mut v = 0u64;
        // SAFETY: valid database and handle; the property name is NUL-terminated.
        unsafe { ffi::rocksdb_property_int_cf(self.db, self.handles[i], name.as_ptr(), &mut v) };
        v
    }

    /// A property of family `i` that RocksDB gives as text only, read as a number
    /// (0 when it is unknown).
    fn text_property(&self, i: usize, name: &CStr) -> u64 {
        // SAFETY: valid database and handle; the result is malloc'ed or null, freed once.
        unsafe {
            let v = ffi::rocksdb_property_value_cf(self.db, self.handles[i], name.as_ptr());
            if v.is_null() {
                return 0;
            }
            let n = CStr::from_ptr(v).to_str().ok().and_then(|t| t.trim().parse().ok()).unwrap_or(0);
            ffi::rocksdb_free(v.cast());
            n
        }
    }

    /// Bytes of table files in family `i`.
    fn size(&self, i: usize) -> u64 {
        self.property(i, c"rocksdb.total-sst-files-size")
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        // SAFETY: every pointer was created by the matching rocksdb_*_create call and
        // is destroyed once, handles before the database they belong to.
        unsafe {
            for h in &self.handles {
                if !h.is_null() {
                    ffi::rocksdb_column_family_handle_destroy(*h);
                }
            }
            if !self.db.is_null() {
                ffi::rocksdb_close(self.db);
            }
            for o in &self.cf_options {
                ffi::rocksdb_options_destroy(*o);
            }
            ffi::rocksdb_block_based_options_destroy(self.table);
            ffi::rocksdb_options_destroy(self.options);
        }
    }
}

/// Takes RocksDB's error string, if any, and frees it.
fn take_error(err: *mut std::os::raw::c_char) -> Option<String> {
    if err.is_null() {
        return None;
    }
    // SAFETY: RocksDB hands out a malloc'ed NUL-terminated string, freed here once.
    let message = unsafe { CStr::from_ptr(err) }.to_string_lossy().into_owned();
    unsafe { ffi::rocksdb_free(err.cast()) };
    Some(message)
}

fn open_error(dir: &Path, message: String) -> StoreError {
    super::open_failure(dir, message)
}

/// Compacts every column family of the store in `dir` fully, `threads` at a time.
/// The store must not be open in this process; another process writing to it makes
/// this fail with RocksDB's lock error.
pub fn compact(dir: &Path, threads: usize) -> Result<(), StoreError> {
    let threads = threads.max(1);
    let path = c_path(dir)?;
    // SAFETY: plain FFI calls on objects created here; `Db` frees them.
    let db = unsafe { open(dir, &path, threads, false)? };
    // The largest families first, so that the threads finish together.
    let mut order: Vec<(u64, usize)> = (0..db.handles.len()).map(|i| (db.size(i), i)).collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    let next = AtomicUsize::new(0);
    let db = &db;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let Some(&(_, i)) = order.get(next.fetch_add(1, Ordering::Relaxed)) else { break };
                let handle = db.handles[i];
                // SAFETY: the handle and database live until the scope ends.
                unsafe {
                    let options = ffi::rocksdb_compactoptions_create();
                    // Other families' compactions may run beside this one.
                    ffi::rocksdb_compactoptions_set_exclusive_manual_compaction(options, 0);
                    ffi::rocksdb_compact_range_cf_opt(db.db, handle, options, ptr::null(), 0, ptr::null(), 0);
                    ffi::rocksdb_compactoptions_destroy(options);
                }
            });
        }
    });
    Ok(())
}

/// RocksDB's levels (0 to 6 by default).
const LEVELS: [&CStr; 7] = [
    c"rocksdb.num-files-at-level0", c"rocksdb.num-files-at-level1", c"rocksdb.num-files-at-level2",
    c"rocksdb.num-files-at-level3", c"rocksdb.num-files-at-level4", c"rocksdb.num-files-at-level5",
    c"rocksdb.num-files-at-level6",
];

/// Sorted runs of the store in `dir` beyond one per column family: every table file
/// of RocksDB's level 0, plus every further level that holds files. Each commit of a
/// bulk write adds some, a lookup reads every run, so questions slow down as they pile
/// up, until a compaction ([`super::Store::optimize`]) brings this to 0. Works while a
/// writer has the store open.
pub fn unmerged_files(dir: &Path) -> Result<u64, StoreError> {
    let path = c_path(dir)?;
    // SAFETY: as in `compact`.
    let db = unsafe { open(dir, &path, 1, true)? };
    Ok((0..db.handles.len())
        .map(|i| {
            let level0 = db.text_property(i, LEVELS[0]);
            let levels = LEVELS[1..].iter().filter(|l| db.text_property(i, l) > 0).count() as u64;
            (level0 + levels).saturating_sub(1)
        })
        .sum())
}

fn c_path(dir: &Path) -> Result<CString, StoreError> {
    CString::new(dir.as_os_str().as_encoded_bytes()).map_err(|_| open_error(dir, "the path holds a NUL byte".into()))
}

unsafe fn open(dir: &Path, path: &CString, threads: usize, read_only: bool) -> Result<Db, StoreError> {
    let options = ffi::rocksdb_options_create();
    // As Oxigraph: level-style compaction with a 512 MB memtable budget, LZ4, block
    // format 5 with index restart interval 16, warnings only in the log.
    ffi::rocksdb_options_optimize_level_style_compaction(options, 512 * 1024 * 1024);
    ffi::rocksdb_options_increase_parallelism(options, threads as i32);
    // One flush slot and a compaction slot per thread.
    ffi::rocksdb_options_set_max_background_jobs(options, threads as i32 + 1);
    ffi::rocksdb_options_set_info_log_level(options, 2);
    ffi::rocksdb_options_set_max_log_file_size(options, 1024 * 1024);
    ffi::rocksdb_options_set_recycle_log_file_num(options, 10);
    ffi::rocksdb_options_set_compression(options, ffi::rocksdb_lz4_compression as i32);
    let table = ffi::rocksdb_block_based_options_create();
    ffi::rocksdb_block_based_options_set_format_version(table, 5);
    ffi::rocksdb_block_based_options_set_index_block_restart_interval(table, 16);
    ffi::rocksdb_options_set_block_based_table_factory(options, table);

    let mut err = ptr::null_mut();
    let mut len = 0usize;
    let list = ffi::rocksdb_list_column_families(options, path.as_ptr(), &mut len, &mut err);
    if let Some(m) = take_error(err) {
        ffi::rocksdb_block_based_options_destroy(table);
        ffi::rocksdb_options_destroy(options);
        return Err(open_error(dir, m));
    }
    let mut names = Vec::with_capacity(len);
    for i in 0..len {
        names.push(CStr::from_ptr(*list.add(i)).to_string_lossy().into_owned());
    }
    ffi::rocksdb_list_column_families_destroy(list, len);

    let mut db = Db { db: ptr::null_mut(), options, table, cf_options: Vec::new(), handles: Vec::new(), names };
    for name in &db.names {
        let o = ffi::rocksdb_options_create_copy(options);
        if name == POINT_LOOKUP {
            ffi::rocksdb_options_optimize_for_point_lookup(o, 128);
            ffi::rocksdb_options_set_unordered_write(o, 1);
        } else if PREFIX_17.contains(&name.as_str()) {
            ffi::rocksdb_options_set_prefix_extractor(o, ffi::rocksdb_slicetransform_create_fixed_prefix(17));
        }
        db.cf_options.push(o);
    }
    let c_names: Vec<CString> = db.names.iter().map(|n| CString::new(n.as_str()).unwrap_or_default()).collect();
    let c_name_ptrs: Vec<*const std::os::raw::c_char> = c_names.iter().map(|n| n.as_ptr()).collect();
    db.handles = vec![ptr::null_mut(); db.names.len()];
    let mut err = ptr::null_mut();
    db.db = if read_only {
        ffi::rocksdb_open_for_read_only_column_families(
            options,
            path.as_ptr(),
            c_names.len() as i32,
            c_name_ptrs.as_ptr(),
            db.cf_options.as_ptr().cast(),
            db.handles.as_mut_ptr(),
            0,
            &mut err,
        )
    } else {
        ffi::rocksdb_open_column_families(
            options,
            path.as_ptr(),
            c_names.len() as i32,
            c_name_ptrs.as_ptr(),
            db.cf_options.as_ptr().cast(),
            db.handles.as_mut_ptr(),
            &mut err,
        )
    };
    if let Some(m) = take_error(err) {
        db.db = ptr::null_mut();
        db.handles.iter_mut().for_each(|h| *h = ptr::null_mut());
        return Err(open_error(dir, m));
    }
    Ok(db)
}
