//! Inputs read from disk a line at a time, so that reading a large file costs the
//! memory of its longest line, not of its size.
//!
//! [`FileInput::scan`] reads the file through once and finds what reading the whole
//! text in memory would find before the first entry: invalid UTF-8, an input with
//! nothing in it, a NUL byte, and the format. [`FileInput::reader`] then reads it again
//! as often as needed, each time handing the same entries, in the same order, with the
//! same errors, as [`EntryReader::new`] over the whole text.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::{binary_content, Detector, EntryReader, Format, Lines, ReadError, ReadOptions};

/// Bytes read from disk at a time.
const BUFFER: usize = 1 << 20;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file checked by a first reading, ready to be read entry by entry.
#[derive(Debug, Clone)]
pub struct FileInput {
    path: PathBuf,
    origin: String,
    format: Format,
    /// Bytes in the file when it was scanned: a later reading that finds another
    /// number reports the file as changed instead of reading half of it.
    len: u64,
}

impl FileInput {
    /// Reads `path` through once (`origin` is the name used in documents and errors).
    /// Fails, as reading the whole text would, on invalid UTF-8 (with its byte offset),
    /// an input with nothing but white space in it, and a NUL byte ([`ScanError::Read`]);
    /// a file that cannot be read is a [`ScanError::Io`].
    pub fn scan(path: &Path, origin: &str, options: &ReadOptions) -> Result<FileInput, ScanError> {
        let mut lines = RawLines::open(path).map_err(ScanError::Io)?;
        let mut blank = true;
        let mut nul: Option<u64> = None;
        let mut detector = Detector::default();
        let mut end = 0;
        while let Some(line) = lines.next_line().map_err(ScanError::Io)? {
            let (start, terminated) = (line.start, line.terminated);
            let bytes = lines.bytes(&line);
            end = start + bytes.len() as u64 + u64::from(terminated);
            let text = std::str::from_utf8(bytes)
                .map_err(|e| ScanError::Read(ReadError::InvalidUtf8 { offset: start as usize + e.valid_up_to() }))?;
            if nul.is_none() {
                nul = bytes.iter().position(|&b| b == 0).map(|i| start + i as u64);
            }
            let text = strip_cr(text, terminated);
            blank &= text.trim().is_empty();
            if options.format.is_none() {
                detector.line(text);
            }
        }
        if blank {
            return Err(ScanError::Read(ReadError::Other("empty input".to_string())));
        }
        if let Some(offset) = nul {
            return Err(ScanError::Read(binary_content(offset)));
        }
        Ok(FileInput {
            path: path.to_path_buf(),
            origin: origin.to_string(),
            format: options.format.unwrap_or_else(|| detector.format()),
            len: end + lines.bom,
        })
    }

    /// The format given or detected.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Reads the file again, entry by entry. Should the file have changed since
    /// [`FileInput::scan`] (another length, invalid UTF-8) or fail to read, the reader
    /// ends with an error instead of handing out an entry it could not read whole.
    pub fn reader(&self, options: &ReadOptions) -> EntryReader<'static> {
        let failure = Rc::new(RefCell::new(None));
        let options = ReadOptions { format: Some(self.format), ..options.clone() };
        let lines: Lines<'static> = match RawLines::open(&self.path) {
            Ok(raw) => Box::new(FileLines { raw, len: self.len, failure: failure.clone() }),
            Err(e) => {
                *failure.borrow_mut() = Some(ReadError::Other(format!("cannot read: {e}")));
                Box::new(std::iter::empty())
            }
        };
        EntryReader::from_lines(&self.origin, lines, None, &options, Some(failure))
    }
}

/// Why [`FileInput::scan`] failed: the input is bad, or the file could not be read.
#[derive(Debug)]
pub enum ScanError {
    Read(ReadError),
    Io(std::io::Error),
}

/// `\r` before a `\n` is part of the line ending, as for [`str::lines`].
fn strip_cr(line: &str, terminated: bool) -> &str {
    if terminated {
        line.strip_suffix('\r').unwrap_or(line)
    } else {
        line
    }
}

/// A file's lines as bytes, without the byte-order mark; offsets count from after it.
struct RawLines {
    reader: BufReader<File>,
    /// The current line. Its capacity is set when the file is opened, for the longest
    /// line the file may hold (up to [`LINE_CAPACITY`]): a long line then costs its own
    /// length, not the copies a growing buffer makes (capacity not written to costs no
    /// memory). A long line takes the buffer with it; the next ones grow a new one.
    buf: Vec<u8>,
    /// Bytes read so far, the byte-order mark not included.
    offset: u64,
    /// Length of the byte-order mark (0 or 3).
    bom: u64,
    first: bool,
}

/// The most a line buffer reserves up front.
const LINE_CAPACITY: u64 = 64 << 20;

/// Lines up to this length are copied out of the buffer; longer ones take it.
const COPY_UP_TO: usize = 64 << 10;

/// One line of a file.
struct Line {
    /// Offset of its first byte (after the byte-order mark).
    start: u64,
    /// Where the line lies in the buffer, without its `\n` (a `\r` before it stays).
    range: std::ops::Range<usize>,
    /// Whether it ended with `\n`.
    terminated: bool,
    /// Bytes of the file up to its end, the byte-order mark included.
    read: u64,
}

impl RawLines {
    fn open(path: &Path) -> std::io::Result<RawLines> {
        let file = File::open(path)?;
        let left = file.metadata()?.len();
        let reader = BufReader::with_capacity(BUFFER, file);
        Ok(RawLines { reader, buf: line_buffer(left), offset: 0, bom: 0, first: true })
    }

    /// The next line, or `None` at the end.
    fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        self.buf.clear();
        self.reader.read_until(b'\n', &mut self.buf)?;
        let mut from = 0;
        if std::mem::take(&mut self.first) && self.buf.starts_with(BOM) {
            from = BOM.len();
            self.bom = BOM.len() as u64;
        }
        if self.buf.len() == from {
            return Ok(None);
        }
        let start = self.offset;
        self.offset += (self.buf.len() - from) as u64;
        let terminated = self.buf.last() == Some(&b'\n');
        let to = self.buf.len() - usize::from(terminated);
        Ok(Some(Line { start, range: from..to, terminated, read: self.offset + self.bom }))
    }

    fn bytes(&self, line: &Line) -> &[u8] {
        &self.buf[line.range.clone()]
    }

    /// The line's bytes as a vector of their own: copied when short, else the buffer
    /// itself, replaced by a new one.
    fn take(&mut self, line: &Line) -> Vec<u8> {
        if line.range.len() <= COPY_UP_TO {
            return self.bytes(line).to_vec();
        }
        // The next lines get a buffer that grows as they need: a second long line is
        // rare, and reserving room for one now could land on memory still resident.
        let mut taken = std::mem::take(&mut self.buf);
        taken.truncate(line.range.end);
        taken.drain(..line.range.start);
        taken
    }
}

fn line_buffer(left: u64) -> Vec<u8> {
    let capacity = left.min(LINE_CAPACITY) as usize;
    if capacity > COPY_UP_TO {
        // A long line read before (by the scan, an earlier pass, or this pass) may have
        // been freed but still be resident: mimalloc returns freed memory after a delay,
        // and a new buffer filled meanwhile would hold a second copy of such a line.
        // Returning it first keeps a long line at one copy, whatever the timing.
        // SAFETY: mi_collect has no preconditions.
        unsafe { libmimalloc_sys::mi_collect(true) };
    }
    Vec::with_capacity(capacity)
}

/// The lines of a scanned file, for the readers; a failure ends them and is left in
/// `failure` for the [`EntryReader`] to report.
struct FileLines {
    raw: RawLines,
    len: u64,
    failure: Rc<RefCell<Option<ReadError>>>,
}

impl FileLines {
    fn fail(&mut self, message: String) -> Option<Cow<'static, str>> {
        self.failure.borrow_mut().get_or_insert(ReadError::Other(message));
        None
    }
}

impl Iterator for FileLines {
    type Item = Cow<'static, str>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failure.borrow().is_some() {
            return None;
        }
        let line = match self.raw.next_line() {
            Err(e) => return self.fail(format!("cannot read: {e}")),
            Ok(None) => {
                // More after the end, or an end before the scanned one: changed.
                let mut probe = [0u8; 1];
                let more = matches!(self.raw.reader.read(&mut probe), Ok(n) if n > 0);
                if more || self.raw.offset + self.raw.bom != self.len {
                    return self.fail(CHANGED.to_string());
                }
                return None;
            }
            Ok(Some(line)) => line,
        };
        if line.read > self.len {
            return self.fail(CHANGED.to_string());
        }
        match String::from_utf8(self.raw.take(&line)) {
            Ok(mut text) => {
                if line.terminated && text.ends_with('\r') {
                    text.pop();
                }
                Some(Cow::Owned(text))
            }
            Err(_) => self.fail(CHANGED.to_string()),
        }
    }
}

const CHANGED: &str = "the file changed while it was being read";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{Part, ReadOptions};

    const BLOG: &str = "Talks\n\n25 November 2025\n\n10:00 GMT\n\nZelensky rejected the plan.\n\n09:00 GMT\n\nPutin met Witkoff in Moscow.\n";

    fn file_with(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("blog.txt");
        std::fs::write(&path, bytes).expect("write");
        (dir, path)
    }

    fn texts(parts: impl Iterator<Item = Result<Part, ReadError>>) -> Vec<Result<String, String>> {
        parts
            .filter_map(|p| match p {
                Ok(Part::Entry(e)) => Some(Ok(e.text)),
                Ok(Part::Document(_)) => None,
                Err(e) => Some(Err(e.to_string())),
            })
            .collect()
    }

    #[test]
    fn reads_the_entries_the_whole_text_gives() {
        let (_dir, path) = file_with(BLOG.as_bytes());
        let options = ReadOptions::default();
        let input = FileInput::scan(&path, "blog.txt", &options).expect("scan");
        assert_eq!(input.format(), Format::Liveblog);
        let whole = texts(EntryReader::new("blog.txt", BLOG, &options));
        assert_eq!(whole.len(), 3, "{whole:?}");
        assert_eq!(texts(input.reader(&options)), whole);
        // And again: each reader reads the file anew.
        assert_eq!(texts(input.reader(&options)), whole);
    }

    #[test]
    fn long_lines_are_read_as_the_whole_text_reads_them() {
        let long = "word ".repeat(2 * COPY_UP_TO / 5);
        let jsonl = format!(
            "\u{feff}{{\"time\":\"2025-11-25\",\"text\":\"{long}\"}}\r\n{{\"time\":\"2025-11-25\",\"text\":\"Short.\"}}\n"
        );
        let blog = BLOG.replace("Zelensky rejected the plan.", &long);
        for text in [jsonl.as_str(), &blog] {
            let (_dir, path) = file_with(text.as_bytes());
            let options = ReadOptions::default();
            let input = FileInput::scan(&path, "blog.txt", &options).expect("scan");
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            let whole = texts(EntryReader::new("blog.txt", body, &options));
            assert!(whole.iter().any(|t| t.as_ref().is_ok_and(|t| t.len() > COPY_UP_TO)), "{}", whole.len());
            assert_eq!(texts(input.reader(&options)), whole);
        }
    }

    #[test]
    fn a_file_cut_short_after_the_scan_ends_with_an_error_not_a_cut_entry() {
        let (_dir, path) = file_with(BLOG.as_bytes());
        let options = ReadOptions::default();
        let input = FileInput::scan(&path, "blog.txt", &options).expect("scan");
        let cut = BLOG.find("Witkoff").expect("in the text");
        std::fs::write(&path, &BLOG.as_bytes()[..cut]).expect("truncate");
        let got = texts(input.reader(&options));
        assert_eq!(got.last(), Some(&Err(CHANGED.to_string())), "{got:?}");
        assert!(got.iter().all(|t| t.as_ref().map_or(true, |t| !t.starts_with("Putin"))), "{got:?}");
    }

    #[test]
    fn a_file_grown_after_the_scan_ends_with_an_error() {
        let (_dir, path) = file_with(BLOG.as_bytes());
        let options = ReadOptions::default();
        let input = FileInput::scan(&path, "blog.txt", &options).expect("scan");
        std::fs::write(&path, format!("{BLOG}\n08:00 GMT\n\nMore.\n")).expect("append");
        assert_eq!(texts(input.reader(&options)).last(), Some(&Err(CHANGED.to_string())));
    }

    #[test]
    fn scan_finds_what_decoding_the_whole_text_finds() {
        let cases: [(&[u8], &str); 4] = [
            (b"\xEF\xBB\xBFok\n\xff\n", "invalid UTF-8 at byte 3"),
            (b"a\0b\n\xff\n", "invalid UTF-8 at byte 4"),
            (b"a\0b\n", "binary content (NUL byte at byte 1)"),
            (b" \n\t\r\n", "empty input"),
        ];
        for (bytes, want) in cases {
            let (_dir, path) = file_with(bytes);
            match FileInput::scan(&path, "x.txt", &ReadOptions::default()) {
                Err(ScanError::Read(e)) => assert_eq!(e.to_string(), want),
                other => panic!("{bytes:?}: {other:?}"),
            }
        }
        let missing = std::path::Path::new("/nonexistent/kg/input.txt");
        assert!(matches!(FileInput::scan(missing, "input.txt", &ReadOptions::default()), Err(ScanError::Io(_))));
    }
}
