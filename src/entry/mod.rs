//! Stage 1: raw text → [`Document`] and its [`Entry`]s.
//!
//! Three readers turn an input file into entries, each with a UTC timestamp and the
//! line it starts on:
//!
//! - [`liveblog`]: live-blog text (title, byline, lede, date headers, time headers);
//! - [`article`]: a plain article, one entry;
//! - [`jsonl`]: JSON Lines, one entry a line;
//! - [`html`]: a web page (JSON-LD live blog, entry blocks with `<time>`, or an article);
//! - [`feed`]: RSS, Atom or JSON Feed, one entry an item.
//!
//! Web pages and feeds are read from bytes ([`web::read`]: charsets, a size limit).
//!
//! [`Format::detect`] picks a reader from the content. Readers take `&str` and do no
//! I/O; decoding bytes (and rejecting invalid UTF-8 with a byte offset) is done by
//! [`decode`]. They do not look for actors or claims: that is the next stages' work.

pub mod article;
pub mod feed;
pub mod file;
pub mod html;
pub mod jsonl;
pub mod liveblog;
mod time;
pub mod web;

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

pub use file::FileInput;
pub use time::{parse_date, parse_date_or_datetime, parse_time_header, TimeHeader};

/// The lines of an input, without their line endings (as [`str::lines`] gives them):
/// borrowed from a text in memory, or read one at a time from a file.
pub(crate) type Lines<'a> = Box<dyn Iterator<Item = Cow<'a, str>> + 'a>;

/// The lines of a text in memory.
pub(crate) fn text_lines(text: &str) -> Lines<'_> {
    Box::new(text.lines().map(Cow::Borrowed))
}

/// A stable identifier: 128 bits of xxh3 over the identifying fields, as 32 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Id(pub u128);

impl Id {
    /// Hashes `parts`, each prefixed by its length so that ("ab","c") ≠ ("a","bc").
    pub fn of(parts: &[&str]) -> Id {
        // Streamed: the same digest as hashing the concatenation, without building it
        // (this runs several times per claim while writing).
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for p in parts {
            h.update(&(p.len() as u64).to_le_bytes());
            h.update(p.as_bytes());
        }
        Id(h.digest128())
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

/// Identifies a [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DocumentId(pub Id);

/// Identifies an [`Entry`]: derived from its document, time and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntryId(pub Id);

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The input formats kg reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Live-blog text with date and time headers.
    Liveblog,
    /// A plain article: one entry.
    Article,
    /// JSON Lines: one `{"time", "text", …}` object a line.
    Jsonl,
    /// An HTML page: a live blog (JSON-LD or entry blocks) or an article.
    Html,
    /// A feed: RSS 2.0, Atom or JSON Feed.
    Feed,
}

impl Format {
    /// All formats, in the order `--format` lists them.
    pub const ALL: [Format; 5] = [Format::Liveblog, Format::Article, Format::Jsonl, Format::Html, Format::Feed];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Liveblog => "liveblog",
            Format::Article => "article",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Feed => "feed",
        }
    }

    /// Guesses the format from the content: JSON Lines when the first non-blank line
    /// is a JSON object, a live blog when a time header ("20:41 GMT") stands on a line
    /// of its own, a plain article otherwise. Feeds and HTML pages are told by their
    /// markup first ([`feed::looks_like_feed`], [`html::looks_like_html`]).
    pub fn detect(text: &str) -> Format {
        if let Some(web) = web::detect(text) {
            return web;
        }
        let mut detector = Detector::default();
        for line in text.lines() {
            if detector.line(line).is_some() {
                break;
            }
        }
        detector.format()
    }
}

/// [`Format::detect`] fed a line at a time, for inputs read from disk.
#[derive(Debug, Default)]
pub(crate) struct Detector {
    seen_text: bool,
    found: Option<Format>,
}

impl Detector {
    /// Takes the next line; returns the format once the lines so far settle it.
    pub(crate) fn line(&mut self, line: &str) -> Option<Format> {
        if self.found.is_none() {
            let trimmed = line.trim();
            if !self.seen_text && !trimmed.is_empty() {
                self.seen_text = true;
                if trimmed.starts_with('{') {
                    self.found = Some(Format::Jsonl);
                }
            }
            if self.found.is_none() && liveblog::time_header(line).is_some() {
                self.found = Some(Format::Liveblog);
            }
        }
        self.found
    }

    /// The format of all the lines taken: a plain article when nothing else fits.
    pub(crate) fn format(&self) -> Format {
        self.found.unwrap_or(Format::Article)
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(s)).ok_or_else(|| {
            format!("unknown format '{s}' (expected liveblog, article or jsonl for text; html or feed for web pages)")
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What kind of part of a document an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A live blog's title and intro paragraphs, dated by the byline.
    Lede,
    /// A live-blog entry under a time header.
    Timed,
    /// A whole plain article.
    Article,
    /// One line of a JSON Lines file.
    Line,
}

/// A source document: one input file (or, for JSON Lines, one source/url).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub id: DocumentId,
    /// The file name it was read from (`-` for standard input).
    pub origin: String,
    pub format: Format,
    pub title: Option<String>,
    /// The outlet or publisher ("Reuters"), when known.
    pub source: Option<String>,
    pub url: Option<String>,
    /// Publication date from the byline, when there is one.
    pub published: Option<DateTime<Utc>>,
}

/// One timestamped piece of text: the unit kg extracts claims from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: EntryId,
    pub document: DocumentId,
    pub kind: EntryKind,
    /// When the entry was published, in UTC; `None` only for an undated plain article.
    pub time: Option<DateTime<Utc>>,
    pub title: Option<String>,
    /// The entry's text, with paragraphs separated by blank lines. Spans of mentions
    /// and claims are byte offsets into this string.
    pub text: String,
    pub source: Option<String>,
    pub url: Option<String>,
    /// 1-based line of the input where the entry starts.
    pub line: usize,
}

impl Entry {
    /// Builds an entry and derives its id from `document`, `time` and `text`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        document: DocumentId,
        kind: EntryKind,
        time: Option<DateTime<Utc>>,
        title: Option<String>,
        text: String,
        source: Option<String>,
        url: Option<String>,
        line: usize,
    ) -> Entry {
        let stamp = time.map(|t| t.to_rfc3339()).unwrap_or_default();
        let id = EntryId(Id::of(&[&document.to_string(), &stamp, &text]));
        Entry { id, document, kind, time, title, text, source, url, line }
    }
}

/// The documents and entries read from one input, in input order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parsed {
    /// One document, or for JSON Lines one per distinct source url/title.
    pub documents: Vec<Document>,
    pub entries: Vec<Entry>,
    /// Things that were skipped or guessed, worth a warning but not an error.
    pub warnings: Vec<String>,
}

/// Options shared by the readers.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Forces a format instead of detecting it.
    pub format: Option<Format>,
    /// Date for entries that have none (plain articles, live blogs without date headers).
    pub date: Option<NaiveDate>,
    /// Outlet to record as the source of every entry.
    pub source: Option<String>,
}

/// A reader error: what is wrong and the 1-based line (and column, where known).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("line {line}: {message}")]
    At { line: usize, message: String },
    #[error("{0}")]
    Other(String),
}

/// Decodes bytes as UTF-8, naming the byte offset of the first invalid sequence.
/// A leading byte-order mark is dropped.
pub fn decode(bytes: &[u8]) -> Result<&str, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 { offset: e.valid_up_to() })
}

/// The largest entry text kg reads, in bytes (1 MiB, some 150,000 words). A news
/// entry is a few kilobytes; anything this big is a scraping accident, and the later
/// stages would spend time and memory out of all proportion on it. Readers skip a
/// bigger entry with a warning (a plain article, being one entry, is an error).
pub const MAX_ENTRY_BYTES: usize = 1 << 20;

/// The warning for an entry skipped for its size.
pub(crate) fn too_large(line: usize, bytes: usize) -> String {
    skipped_for_size(&format!("line {line}: entry"), bytes)
}

/// The warning for `what` ("item 3", "entry 2") skipped for its size.
pub(crate) fn skipped_for_size(what: &str, bytes: usize) -> String {
    format!("{what} of {bytes} bytes skipped (over the {MAX_ENTRY_BYTES}-byte limit)")
}

/// Reads `text` (the content of `origin`) whole, with the format given or detected.
///
/// Input that yields no entry at all is an error, so an ingest never succeeds silently
/// with nothing to show for it.
pub fn read(origin: &str, text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    let mut reader = EntryReader::new(origin, text, options);
    let mut parsed = gather(&mut reader)?;
    parsed.warnings = reader.warnings().to_vec();
    Ok(parsed)
}

/// Collects the parts an entry iterator hands out (warnings are the caller's to add).
pub(crate) fn gather(parts: &mut dyn Iterator<Item = Result<Part, ReadError>>) -> Result<Parsed, ReadError> {
    let mut parsed = Parsed { documents: Vec::new(), entries: Vec::new(), warnings: Vec::new() };
    for part in parts {
        match part? {
            Part::Document(d) => parsed.documents.push(d),
            Part::Entry(e) => parsed.entries.push(e),
        }
    }
    Ok(parsed)
}

/// The error for an input without entries, with the warnings that explain why.
fn no_entries(warnings: &[String]) -> ReadError {
    let why = match warnings {
        [] => String::new(),
        [w] => format!(": {w}"),
        [w, rest @ ..] => format!(": {w}, and {} more", rest.len()),
    };
    ReadError::Other(format!("no entries{why}"))
}

fn check_text(text: &str) -> Result<(), ReadError> {
    match text.find('\0') {
        Some(offset) => Err(binary_content(offset as u64)),
        None => Ok(()),
    }
}

/// The error for a NUL byte at `offset`: the input is not text.
pub(crate) fn binary_content(offset: u64) -> ReadError {
    ReadError::Other(format!("binary content (NUL byte at byte {offset})"))
}

/// One item an [`EntryReader`] hands out: a document, always before its first entry,
/// or an entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Document(Document),
    Entry(Entry),
}

/// Reads the entries of one input one at a time, in input order, with the same results
/// as [`read`]: a large input costs the memory of its text (or, read from a file by
/// [`FileInput`], of its longest line), not of its entries.
///
/// After an error the reader ends. An input without entries ends with an error too.
/// [`EntryReader::warnings`] is complete once the reader has ended.
pub struct EntryReader<'a> {
    format: Format,
    inner: Inner<'a>,
    entries: usize,
    ended: bool,
    /// Where a file's lines leave a failure to read them: it ends the reader.
    failure: Option<Rc<RefCell<Option<ReadError>>>>,
}

enum Inner<'a> {
    Liveblog(liveblog::Entries<'a>),
    Jsonl(jsonl::Entries<'a>),
    /// An article is one entry: read whole.
    Whole {
        parts: std::vec::IntoIter<Part>,
        warnings: Vec<String>,
    },
    Failed(Option<ReadError>),
}

impl Inner<'_> {
    /// The parts of an input read whole.
    fn whole(read: Result<Parsed, ReadError>) -> Self {
        match read {
            Ok(p) => {
                let parts = p.documents.into_iter().map(Part::Document).chain(p.entries.into_iter().map(Part::Entry));
                Inner::Whole { parts: parts.collect::<Vec<_>>().into_iter(), warnings: p.warnings }
            }
            Err(e) => Inner::Failed(Some(e)),
        }
    }
}

impl<'a> EntryReader<'a> {
    /// Starts reading `text` (the content of `origin`) with the format given or detected.
    pub fn new(origin: &str, text: &'a str, options: &ReadOptions) -> EntryReader<'a> {
        let format = options.format.unwrap_or_else(|| Format::detect(text));
        match check_text(text) {
            Err(e) => EntryReader { format, inner: Inner::Failed(Some(e)), entries: 0, ended: false, failure: None },
            Ok(()) => {
                let options = ReadOptions { format: Some(format), ..options.clone() };
                let lines = text_lines(text);
                EntryReader::from_lines(origin, lines, Some(text), &options, None)
            }
        }
    }

    /// Reads `lines` in the format of `options` (an article when none is given).
    /// `content` is the whole text when it is in memory, for the id of a document that
    /// has neither title nor file name; `failure` is where the lines leave an error
    /// that ended them.
    pub(crate) fn from_lines(
        origin: &str,
        lines: Lines<'a>,
        content: Option<&str>,
        options: &ReadOptions,
        failure: Option<Rc<RefCell<Option<ReadError>>>>,
    ) -> EntryReader<'a> {
        let format = options.format.unwrap_or(Format::Article);
        let inner = match format {
            Format::Liveblog => Inner::Liveblog(liveblog::Entries::from_lines(origin, lines, content, options)),
            Format::Jsonl => Inner::Jsonl(jsonl::Entries::from_lines(origin, lines, options)),
            Format::Article => Inner::whole(article::read_lines(origin, lines, content, options)),
            // Pages and feeds are read whole: their text, joined again.
            Format::Html | Format::Feed => {
                let text = match content {
                    Some(c) => c.to_string(),
                    None => lines.collect::<Vec<_>>().join("\n"),
                };
                Inner::whole(web::read(origin, text.as_bytes(), format, Some("utf-8"), None, options))
            }
        };
        EntryReader { format, inner, entries: 0, ended: false, failure }
    }

    /// Hands out what a reader of the whole input read (a page, a feed).
    pub(crate) fn from_parsed(format: Format, parsed: Parsed) -> EntryReader<'static> {
        EntryReader { format, inner: Inner::whole(Ok(parsed)), entries: 0, ended: false, failure: None }
    }

    /// The format being read.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Things that were skipped or guessed, worth a warning but not an error.
    pub fn warnings(&self) -> &[String] {
        match &self.inner {
            Inner::Liveblog(e) => e.warnings(),
            Inner::Jsonl(e) => e.warnings(),
            Inner::Whole { warnings, .. } => warnings,
            Inner::Failed(_) => &[],
        }
    }
}

impl Iterator for EntryReader<'_> {
    type Item = Result<Part, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ended {
            return None;
        }
        let next = match &mut self.inner {
            Inner::Liveblog(e) => e.next(),
            Inner::Jsonl(e) => e.next(),
            Inner::Whole { parts, .. } => parts.next().map(Ok),
            Inner::Failed(e) => e.take().map(Err),
        };
        // The lines stopped short: what they gave may be cut off, so it is not handed out.
        if let Some(e) = self.failure.as_ref().and_then(|f| f.borrow_mut().take()) {
            self.ended = true;
            return Some(Err(e));
        }
        match next {
            Some(Ok(Part::Entry(e))) => {
                self.entries += 1;
                Some(Ok(Part::Entry(e)))
            }
            Some(Err(e)) => {
                self.ended = true;
                Some(Err(e))
            }
            None => {
                self.ended = true;
                (self.entries == 0).then(|| Err(no_entries(self.warnings())))
            }
            other => other,
        }
    }
}

/// Replaces non-breaking and other exotic spaces by plain spaces and trims the ends:
/// what readers do to header lines before matching them.
pub(crate) fn clean_line(line: &str) -> String {
    line.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect::<String>().trim().to_string()
}

/// Strips a leading list bullet ("•", "-", "*", "·", "–") and the spaces around it.
pub(crate) fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    for b in ['•', '·', '*', '-', '–', '—', '▪', '●'] {
        if let Some(rest) = t.strip_prefix(b) {
            if rest.starts_with(char::is_whitespace) {
                return rest.trim_start();
            }
        }
    }
    t
}

/// Document id from the most stable key available: url, then source and title, then
/// title, then the file name, then the content.
pub(crate) fn document_id(
    url: Option<&str>,
    source: Option<&str>,
    title: Option<&str>,
    origin: &str,
    content: Option<&str>,
) -> DocumentId {
    let id = match (url, title) {
        (Some(u), _) => Id::of(&["url", u]),
        (None, Some(t)) => Id::of(&["title", source.unwrap_or(""), &clean_line(t)]),
        (None, None) => match content {
            Some(text) if origin == "-" => Id::of(&["content", text]),
            _ => {
                let name = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
                Id::of(&["file", name])
            }
        },
    };
    DocumentId(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        assert_eq!(Format::detect("{\"time\":\"2025-01-01T00:00:00Z\",\"text\":\"x\"}\n"), Format::Jsonl);
        assert_eq!(Format::detect("Title\n\n  • 20:41 GMT\n\nText."), Format::Liveblog);
        assert_eq!(Format::detect("Title\n\nJust an article at 20:41 GMT today."), Format::Article);
    }

    #[test]
    fn ids_separate_fields() {
        assert_ne!(Id::of(&["ab", "c"]), Id::of(&["a", "bc"]));
        assert_eq!(Id::of(&["x"]).to_string().len(), 32);
        // Ids are stored: they stay the xxh3-128 of the length-prefixed parts.
        let mut buf = Vec::new();
        for p in ["entry", "Kyiv rejected the plan."] {
            buf.extend_from_slice(&(p.len() as u64).to_le_bytes());
            buf.extend_from_slice(p.as_bytes());
        }
        assert_eq!(Id::of(&["entry", "Kyiv rejected the plan."]).0, xxhash_rust::xxh3::xxh3_128(&buf));
    }

    #[test]
    fn decode_names_offset() {
        assert_eq!(decode(b"ok\xffno"), Err(ReadError::InvalidUtf8 { offset: 2 }));
        assert_eq!(decode(b"\xEF\xBB\xBFhi"), Ok("hi"));
    }

    #[test]
    fn oversized_entries_are_skipped_and_nothing_left_is_an_error() {
        let huge = "word ".repeat(MAX_ENTRY_BYTES / 5 + 1);
        let blog =
            format!("Peace talks resume in Geneva\n\n25 November 2025\n\n20:41 GMT\n\n{huge}\n\n20:00 GMT\n\nKept.\n");
        let p = read("b.txt", &blog, &ReadOptions::default()).unwrap();
        assert_eq!(
            p.entries.iter().map(|e| e.text.as_str()).collect::<Vec<_>>(),
            ["Peace talks resume in Geneva", "Kept."]
        );
        // The size counts the entry's input lines: the blank ones around the text too.
        assert_eq!(p.warnings, [too_large(5, huge.len() + 3)]);

        let line = format!("{{\"time\":\"2025-11-25\",\"text\":\"{huge}\"}}");
        let err = read("f.jsonl", &line, &ReadOptions::default()).unwrap_err();
        assert_eq!(err, ReadError::Other(format!("no entries: {}", too_large(1, line.len()))));

        let err = read("a.txt", &huge, &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, ReadError::At { line: 1, .. }), "{err}");
        assert_eq!(
            read("z.bin", "a\0b", &ReadOptions::default()).unwrap_err().to_string(),
            "binary content (NUL byte at byte 1)"
        );
    }

    #[test]
    fn bullets_and_spaces() {
        assert_eq!(strip_bullet("  • 20:41 GMT"), "20:41 GMT");
        assert_eq!(strip_bullet("-5 degrees"), "-5 degrees");
        assert_eq!(clean_line("\u{a0} 25 November 2025 \u{a0}"), "25 November 2025");
    }
}
