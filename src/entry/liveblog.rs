//! Live-blog text → a lede entry and one entry per time header.
//!
//! The shape it expects (see `data/` for a real one):
//!
//! ```text
//! Read                                 ← navigation crumbs before the title: skipped
//! Title of the live blog               ← title
//!   • By Some Outlet                   ← byline lines (bullets, "By …")
//!   • Nov 26, 2025                     ← byline date: dates the lede
//! Intro paragraphs …                   ← lede
//!   • 25 November 2025                 ← date header
//!     20:41 GMT                        ← time header (bullet optional)
//!     Entry text …
//! Geopolitics                          ← trailing tag lines: dropped
//! ```
//!
//! Each timed entry is dated by the nearest date header above it, else by the byline
//! date, else by `--date`; a time header with none of these is an error naming its line.
//! An entry (or lede) over [`MAX_ENTRY_BYTES`] is skipped with a warning naming its line.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

use super::{
    clean_line, document_id, parse_date, parse_time_header, strip_bullet, text_lines, too_large, Document, Entry,
    EntryKind, Format, Lines, Parsed, Part, ReadError, ReadOptions, TimeHeader, MAX_ENTRY_BYTES,
};

/// Recognises a time-header line, bullets and odd spaces allowed.
pub fn time_header(line: &str) -> Option<Result<TimeHeader, String>> {
    // A header is short and starts with a digit: checking first spares copying every
    // line of text to clean it.
    if line.len() > 80 {
        return None;
    }
    let start = strip_bullet(line).trim_start();
    if !start.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    parse_time_header(&clean_line(start))
}

/// Recognises a date-header line ("  • 25 November 2025").
pub fn date_header(line: &str) -> Option<NaiveDate> {
    if line.len() > 120 {
        return None;
    }
    let l = clean_line(strip_bullet(line));
    if l.len() > 40 {
        return None;
    }
    parse_date(&l)
}

/// A short line without final punctuation: a trailing tag ("Geopolitics") when at most
/// `max_words` long.
fn is_short(line: &str, max_words: usize) -> bool {
    let words = line.split_whitespace().count();
    words <= max_words && !line.ends_with(['.', '!', '?', '"', '”', ':', ')'])
}

/// Navigation crumbs before the title ("Read", "Live"): one or two words.
fn is_crumb(line: &str) -> bool {
    is_short(line, 2)
}

fn is_byline(raw: &str, clean: &str) -> bool {
    let bulleted = strip_bullet(raw).len() != raw.trim_start().len();
    bulleted || clean.starts_with("By ") || clean.starts_with("Published") || clean.starts_with("Updated")
}

/// Collects lines into paragraphs: blank lines separate paragraphs, spaces are folded.
/// Past [`MAX_ENTRY_BYTES`] of input it only counts bytes, so a huge entry costs no
/// memory beyond the input.
#[derive(Default)]
struct TextBuf {
    paragraphs: Vec<String>,
    open: bool,
    /// Input bytes seen, newlines included.
    size: usize,
}

impl TextBuf {
    /// Adds an input line, cleaned by `clean` unless the entry is already too large.
    fn push_raw(&mut self, raw: &str, clean: impl Fn(&str) -> String) {
        self.size += raw.len() + 1;
        if self.too_large() {
            self.paragraphs = Vec::new();
            return;
        }
        self.push_line(&clean(raw));
    }
    fn too_large(&self) -> bool {
        self.size > MAX_ENTRY_BYTES
    }
    fn push_line(&mut self, line: &str) {
        if line.is_empty() {
            self.open = false;
            return;
        }
        match self.paragraphs.last_mut() {
            Some(p) if self.open => {
                p.push(' ');
                p.push_str(line);
            }
            _ => self.paragraphs.push(line.to_string()),
        }
        self.open = true;
    }
    fn finish(mut self, strip_tags: bool) -> String {
        if strip_tags {
            // Trailing tag lines ("Geopolitics", "Peace") are one short paragraph each.
            while self.paragraphs.len() > 1 && self.paragraphs.last().is_some_and(|p| is_short(p, 3)) {
                self.paragraphs.pop();
            }
        }
        self.paragraphs.join("\n\n")
    }
}

struct Pending {
    line: usize,
    time: DateTime<Utc>,
    text: TextBuf,
}

/// The entries of a live blog, read one at a time: the document first, then the lede
/// (once its time is known), then one entry per time header.
///
/// Only the preamble (title, byline, lede) is held in memory; the body is read line by
/// line as entries are asked for, so a large file costs no more than its text.
pub struct Entries<'a> {
    /// Body lines with their index (from 0), starting at the first date or time header.
    lines: Box<dyn Iterator<Item = (usize, Cow<'a, str>)> + 'a>,
    doc_id: super::DocumentId,
    source: Option<String>,
    fallback_date: Option<NaiveDate>,
    current_date: Option<NaiveDate>,
    pending: Option<Pending>,
    /// The document, until it is handed out.
    document: Option<Document>,
    /// The lede, until the first timed entry (or the end) dates it.
    lede: Option<Entry>,
    /// Entries ready to hand out, at most two (the lede and the entry that dated it).
    ready: std::collections::VecDeque<Entry>,
    /// The warning for a lede too large to keep, given last (as `read` always did).
    lede_warning: Option<String>,
    orphan_lines: usize,
    warnings: Vec<String>,
    done: bool,
}

impl<'a> Entries<'a> {
    /// Reads the preamble of `text`; the body is read by iterating.
    pub fn new(origin: &str, text: &'a str, options: &ReadOptions) -> Entries<'a> {
        Entries::from_lines(origin, text_lines(text), Some(text), options)
    }

    /// Reads the preamble of `lines`, those of `origin`; `content` is the whole text
    /// when it is in memory (see [`document_id`]).
    pub(crate) fn from_lines(
        origin: &str,
        mut lines: Lines<'a>,
        content: Option<&str>,
        options: &ReadOptions,
    ) -> Entries<'a> {
        // The body starts at the first time header, or at the date header directly above
        // it (blank lines between allowed); a date before that is the byline's.
        let mut preamble: Vec<Cow<'a, str>> = Vec::new();
        let mut first_timed = None;
        for l in lines.by_ref() {
            if time_header(&l).is_some() {
                first_timed = Some(l);
                break;
            }
            preamble.push(l);
        }
        let first_time = preamble.len();
        let mut first_header = first_time;
        let mut k = first_time;
        while k > 0 {
            k -= 1;
            if preamble[k].trim().is_empty() {
                continue;
            }
            if date_header(&preamble[k]).is_some() {
                first_header = k;
            }
            break;
        }

        // Preamble: crumbs, title, byline, lede paragraphs.
        let mut title: Option<String> = None;
        let mut title_line = 0;
        let mut published: Option<NaiveDate> = None;
        let mut lede = TextBuf::default();
        for (i, raw) in preamble[..first_header].iter().map(|l| l.as_ref()).enumerate() {
            if raw.len() > MAX_ENTRY_BYTES || lede.too_large() {
                lede.push_raw(raw, clean_line);
                continue;
            }
            let clean = clean_line(raw);
            if title.is_none() {
                // A crumb ("Read") is skipped when a real title line follows it.
                let title_follows = preamble[i + 1..first_header].iter().any(|l| {
                    let c = clean_line(l);
                    !c.is_empty() && !is_byline(l, &c) && parse_date(&c).is_none()
                });
                if clean.is_empty() || (is_crumb(&clean) && title_follows) || is_byline(raw, &clean) {
                    continue;
                }
                lede.push_raw(raw, |_| clean.clone());
                title = Some(clean);
                title_line = i + 1;
                continue;
            }
            if is_byline(raw, &clean) || parse_date(&clean).is_some() {
                if let Some(d) = parse_date(&clean_line(strip_bullet(raw))) {
                    published.get_or_insert(d);
                }
                continue;
            }
            lede.push_raw(raw, |_| clean.clone());
        }
        let fallback_date = published.or(options.date);
        let doc_id = document_id(None, options.source.as_deref(), title.as_deref(), origin, content);
        let lede_warning = lede.too_large().then(|| too_large(title_line.max(1), lede.size));
        let lede = (title.is_some() && lede_warning.is_none()).then(|| {
            Entry::new(
                doc_id,
                EntryKind::Lede,
                fallback_date.map(midnight),
                title.clone(),
                lede.finish(false),
                options.source.clone(),
                None,
                title_line,
            )
        });
        let document = Document {
            id: doc_id,
            origin: origin.to_string(),
            format: Format::Liveblog,
            title,
            source: options.source.clone(),
            url: None,
            published: published.map(midnight),
        };
        // The body: the preamble's date header and blank lines above the first time
        // header, that header, and the lines after it.
        let body = preamble.split_off(first_header).into_iter().chain(first_timed).chain(lines);
        Entries {
            lines: Box::new(body.enumerate().map(move |(i, l)| (first_header + i, l))),
            doc_id,
            source: options.source.clone(),
            fallback_date,
            current_date: None,
            pending: None,
            document: Some(document),
            lede,
            ready: Default::default(),
            lede_warning,
            orphan_lines: 0,
            warnings: Vec::new(),
            done: false,
        }
    }

    /// The document all entries belong to.
    pub fn document_id(&self) -> super::DocumentId {
        self.doc_id
    }

    /// Things skipped on the way, complete once the iterator has ended.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Queues the entry of `p`, dating the lede with it when nothing else did.
    fn emit(&mut self, p: Pending, last: bool) {
        if p.text.too_large() {
            self.warnings.push(too_large(p.line, p.text.size));
            return;
        }
        let body = p.text.finish(last);
        if body.is_empty() {
            return;
        }
        let entry =
            Entry::new(self.doc_id, EntryKind::Timed, Some(p.time), None, body, self.source.clone(), None, p.line);
        if let Some(lede) = self.lede.take() {
            self.ready.push_back(dated_lede(lede, entry.time));
        }
        self.ready.push_back(entry);
    }

    /// Reads body lines until an entry is ready or the text ends.
    fn advance(&mut self) -> Result<(), ReadError> {
        while self.ready.is_empty() {
            let Some((i, raw)) = self.lines.next() else {
                if let Some(p) = self.pending.take() {
                    self.emit(p, true);
                }
                if let Some(lede) = self.lede.take() {
                    self.ready.push_back(dated_lede(lede, None));
                }
                if self.orphan_lines > 0 {
                    self.warnings.push(format!(
                        "{} line(s) between a date header and the first time header were skipped",
                        self.orphan_lines
                    ));
                }
                self.warnings.extend(self.lede_warning.take());
                self.done = true;
                return Ok(());
            };
            let lineno = i + 1;
            let raw: &str = &raw;
            if let Some(header) = time_header(raw) {
                let header = header.map_err(|message| ReadError::At { line: lineno, message })?;
                let Some(date) = self.current_date.or(self.fallback_date) else {
                    return Err(ReadError::At {
                        line: lineno,
                        message: format!(
                            "time header '{}' has no date: put a date header such as '25 November 2025' above it, or pass --date",
                            clean_line(strip_bullet(raw))
                        ),
                    });
                };
                if let Some(p) = self.pending.take() {
                    self.emit(p, false);
                }
                self.pending = Some(Pending { line: lineno, time: header.on(date), text: TextBuf::default() });
            } else if let Some(date) = date_header(raw) {
                if let Some(p) = self.pending.take() {
                    self.emit(p, false);
                }
                self.current_date = Some(date);
            } else {
                match self.pending.as_mut() {
                    Some(p) => p.text.push_raw(raw, |r| clean_line(strip_bullet(r))),
                    None if !raw.trim().is_empty() => self.orphan_lines += 1,
                    None => {}
                }
            }
        }
        Ok(())
    }
}

impl Iterator for Entries<'_> {
    type Item = Result<Part, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(d) = self.document.take() {
            return Some(Ok(Part::Document(d)));
        }
        if self.ready.is_empty() && !self.done {
            if let Err(e) = self.advance() {
                // An error ends the reading: nothing after it is trustworthy.
                self.done = true;
                self.ready.clear();
                return Some(Err(e));
            }
        }
        self.ready.pop_front().map(|e| Ok(Part::Entry(e)))
    }
}

fn midnight(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))
}

/// The lede keeps the byline's date; without one it takes the first entry's time.
fn dated_lede(lede: Entry, first: Option<DateTime<Utc>>) -> Entry {
    if lede.time.is_some() || first.is_none() {
        return lede;
    }
    Entry::new(lede.document, lede.kind, first, lede.title, lede.text, lede.source, lede.url, lede.line)
}

/// Reads a live blog whole. See the module docs for the shape.
pub fn read(origin: &str, text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    let mut entries = Entries::new(origin, text, options);
    let mut parsed = super::gather(&mut entries)?;
    parsed.warnings = entries.warnings;
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> Result<Parsed, ReadError> {
        read("t.txt", s, &ReadOptions::default())
    }

    const BLOG: &str = "Read\n\nPeace talks: LIVE\n\n  \u{2022} By Some Outlet\n  \u{2022} Nov 26, 2025\n\nIntro \u{201c}quoted\u{201d} text.\n\n  \u{2022} 25 November 2025\n\n    20:41\u{a0}GMT\n\n    First entry.\n\n    Second paragraph.\n\n  \u{2022} 20:03 GMT\n\n    Earlier entry.\n\nGeopolitics\nPeace\n";

    #[test]
    fn reads_lede_and_timed_entries() {
        let p = read_str(BLOG).unwrap();
        let e = &p.entries;
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].kind, EntryKind::Lede);
        assert_eq!(e[0].text, "Peace talks: LIVE\n\nIntro \u{201c}quoted\u{201d} text.");
        assert_eq!(e[0].time.unwrap().to_rfc3339(), "2025-11-26T00:00:00+00:00");
        assert_eq!(e[1].time.unwrap().to_rfc3339(), "2025-11-25T20:41:00+00:00");
        assert_eq!(e[1].text, "First entry.\n\nSecond paragraph.");
        assert_eq!(e[1].line, 12);
        assert_eq!(e[2].text, "Earlier entry.", "trailing tag lines are dropped");
        assert_eq!(p.documents[0].title.as_deref(), Some("Peace talks: LIVE"));
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = read_str(BLOG).unwrap();
        let b = read("elsewhere/t.txt", BLOG, &ReadOptions::default()).unwrap();
        assert_eq!(
            a.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            b.entries.iter().map(|e| e.id).collect::<Vec<_>>()
        );
        assert_ne!(a.entries[1].id, a.entries[2].id);
    }

    #[test]
    fn missing_date_header_uses_byline_or_fails() {
        let with_byline = "Title here\n  \u{2022} Nov 26, 2025\n\n10:00 GMT\nText.\n";
        let p = read_str(with_byline).unwrap();
        assert_eq!(p.entries[1].time.unwrap().to_rfc3339(), "2025-11-26T10:00:00+00:00");
        let without = "Title here\n\n10:00 GMT\nText.\n";
        let err = read_str(without).unwrap_err();
        assert!(matches!(err, ReadError::At { line: 3, .. }), "{err}");
        let opts = ReadOptions { date: NaiveDate::from_ymd_opt(2024, 2, 3), ..Default::default() };
        let p = read("t", without, &opts).unwrap();
        assert_eq!(p.entries[1].time.unwrap().to_rfc3339(), "2024-02-03T10:00:00+00:00");
    }

    #[test]
    fn invalid_time_is_an_error_with_line() {
        let err = read_str("Title here\n25 November 2025\n99:99 GMT\nText.\n").unwrap_err();
        assert_eq!(err.to_string(), "line 3: invalid time '99:99 GMT'");
    }

    #[test]
    fn zones_convert_to_utc() {
        let p = read_str("Title here\n25 November 2025\n00:30 CET\nText.\n").unwrap();
        assert_eq!(p.entries[1].time.unwrap().to_rfc3339(), "2025-11-24T23:30:00+00:00");
    }
}
