//! The reference for `scripts/bench.sh`: loads an N-Quads file into a fresh on-disk
//! Oxigraph store with Oxigraph's own bulk loader, the fastest way it has to fill a
//! store, and prints how long that took and the peak memory of this process.
//!
//! ```text
//! cargo bench --bench bulkload -- INPUT.nq STORE_DIR [MEMORY_MB]
//! cargo bench --bench bulkload -- dump STORE_DIR OUTPUT.nq
//! ```
//!
//! Loading prints one line: `bulkload quads=N seconds=S peak_rss_kb=K`. The memory
//! budget (default 256 MB) bounds the loader's batches; Oxigraph's default of 2 GB per
//! thread would use over a gigabyte on the 100 MB corpus.
//!
//! `dump` writes a store's quads as N-Quads in store order, streaming: the same quads
//! as `kg export --format nquads`, without the sort that makes the export
//! deterministic (and that holds every quad in memory, gigabytes on the 100 MB store).

use std::path::PathBuf;
use std::time::Instant;

use oxigraph::io::RdfFormat;
use oxigraph::store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `cargo bench` passes `--bench`; the other arguments are ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if let [mode, store, output] = args.as_slice() {
        if mode == "dump" {
            let store = Store::open_read_only(store)?;
            let out = std::io::BufWriter::new(std::fs::File::create(output)?);
            store.dump_to_writer(RdfFormat::NQuads, out)?;
            return Ok(());
        }
    }
    let [input, store, rest @ ..] = args.as_slice() else {
        eprintln!("usage: bulkload INPUT.nq STORE_DIR [MEMORY_MB]");
        // Run without arguments (as `cargo bench` does for every bench): nothing to do.
        return Ok(());
    };
    let memory: usize = rest.first().map(|m| m.parse()).transpose()?.unwrap_or(256);
    let store_dir = PathBuf::from(store);
    if store_dir.exists() {
        return Err(format!("{} exists: give a fresh directory", store_dir.display()).into());
    }
    let start = Instant::now();
    let file = std::fs::File::open(input)?;
    let store = Store::open(&store_dir)?;
    let mut loader = store.bulk_loader().with_max_memory_size_in_megabytes(memory);
    loader.load_from_reader(RdfFormat::NQuads, std::io::BufReader::new(file))?;
    loader.commit()?;
    store.flush()?;
    let seconds = start.elapsed().as_secs_f64();
    let quads = store.len()?;
    println!("bulkload quads={quads} seconds={seconds:.3} peak_rss_kb={}", peak_rss_kb());
    Ok(())
}

/// VmHWM of this process, in kB (0 where /proc is missing).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().trim_end_matches("kB").trim().parse().ok()))
        })
        .flatten()
        .unwrap_or(0)
}
