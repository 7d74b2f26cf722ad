//! JSON Lines → one entry a line.
//!
//! Each non-blank line is an object with `"time"` (RFC 3339, or a date) and `"text"`
//! (both required, strings) and optional strings `"id"`, `"source"`, `"url"`, `"title"`.
//! Lines that share a url (else a source and title) share a document. A line longer
//! than [`MAX_ENTRY_BYTES`] is skipped with a warning, unparsed.

use std::collections::HashSet;

use serde_json::Value;

use super::{
    document_id, parse_date_or_datetime, text_lines, too_large, Document, DocumentId, Entry, EntryKind, Format, Lines,
    Parsed, Part, ReadError, ReadOptions, MAX_ENTRY_BYTES,
};

fn field<'a>(obj: &'a serde_json::Map<String, Value>, key: &str, line: usize) -> Result<Option<&'a str>, ReadError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(ReadError::At { line, message: format!("\"{key}\" must be a string, not {}", kind(other)) }),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The entries of JSON Lines, read one line at a time. Each document is handed out just
/// before its first entry.
pub struct Entries<'a> {
    lines: std::iter::Enumerate<Lines<'a>>,
    origin: String,
    source: Option<String>,
    seen: HashSet<DocumentId>,
    /// An entry whose new document was handed out first.
    ready: Option<Entry>,
    warnings: Vec<String>,
    done: bool,
}

impl<'a> Entries<'a> {
    /// Starts reading `text`, the content of `origin`.
    pub fn new(origin: &str, text: &'a str, options: &ReadOptions) -> Entries<'a> {
        Entries::from_lines(origin, text_lines(text), options)
    }

    /// Starts reading `lines`, those of `origin`.
    pub(crate) fn from_lines(origin: &str, lines: Lines<'a>, options: &ReadOptions) -> Entries<'a> {
        Entries {
            lines: lines.enumerate(),
            origin: origin.to_string(),
            source: options.source.clone(),
            seen: HashSet::new(),
            ready: None,
            warnings: Vec::new(),
            done: false,
        }
    }

    /// Lines skipped for their size, complete once the iterator has ended.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Reads the next non-blank line of acceptable size into its document and entry.
    fn line(&mut self) -> Option<Result<(Document, Entry), ReadError>> {
        loop {
            let (i, raw) = self.lines.by_ref().find(|(_, raw)| !raw.trim().is_empty())?;
            // Checked before parsing, so a huge line costs no more memory than the input.
            // The text is never longer than its line: JSON escapes only lengthen it.
            if raw.len() > MAX_ENTRY_BYTES {
                self.warnings.push(too_large(i + 1, raw.len()));
                continue;
            }
            return Some(parse_line(&self.origin, self.source.as_deref(), i + 1, &raw));
        }
    }
}

fn parse_line(
    origin: &str,
    default_source: Option<&str>,
    line: usize,
    raw: &str,
) -> Result<(Document, Entry), ReadError> {
    let value: Value = serde_json::from_str(raw)
        .map_err(|e| ReadError::At { line, message: format!("invalid JSON at column {}: {e}", e.column()) })?;
    let Value::Object(obj) = value else {
        return Err(ReadError::At { line, message: format!("expected a JSON object, found {}", kind(&value)) });
    };
    let time_s =
        field(&obj, "time", line)?.ok_or_else(|| ReadError::At { line, message: "missing \"time\"".to_string() })?;
    let time = parse_date_or_datetime(time_s).ok_or_else(|| ReadError::At {
        line,
        message: format!("invalid time '{time_s}' (expected RFC 3339 such as 2025-11-25T20:41:00Z)"),
    })?;
    let text =
        field(&obj, "text", line)?.ok_or_else(|| ReadError::At { line, message: "missing \"text\"".to_string() })?;
    if text.trim().is_empty() {
        return Err(ReadError::At { line, message: "empty \"text\"".to_string() });
    }
    let _id = field(&obj, "id", line)?;
    let source = field(&obj, "source", line)?.or(default_source).map(str::to_string);
    let url = field(&obj, "url", line)?.map(str::to_string);
    let title = field(&obj, "title", line)?.map(str::to_string);
    let doc_id = document_id(url.as_deref(), source.as_deref(), title.as_deref(), origin, None);
    let document = Document {
        id: doc_id,
        origin: origin.to_string(),
        format: Format::Jsonl,
        title: title.clone(),
        source: source.clone(),
        url: url.clone(),
        published: None,
    };
    let text = text.replace('\u{a0}', " ").trim().to_string();
    Ok((document, Entry::new(doc_id, EntryKind::Line, Some(time), title, text, source, url, line)))
}

impl Iterator for Entries<'_> {
    type Item = Result<Part, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.ready.take() {
            return Some(Ok(Part::Entry(e)));
        }
        if self.done {
            return None;
        }
        match self.line() {
            None => {
                self.done = true;
                None
            }
            Some(Err(e)) => {
                self.done = true;
                Some(Err(e))
            }
            Some(Ok((document, entry))) => {
                if self.seen.insert(document.id) {
                    self.ready = Some(entry);
                    Some(Ok(Part::Document(document)))
                } else {
                    Some(Ok(Part::Entry(entry)))
                }
            }
        }
    }
}

/// Reads JSON Lines whole.
pub fn read(origin: &str, text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    let mut entries = Entries::new(origin, text, options);
    let mut parsed = super::gather(&mut entries)?;
    parsed.warnings = entries.warnings;
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Result<Parsed, ReadError> {
        read("x.jsonl", s, &ReadOptions::default())
    }

    #[test]
    fn reads_lines_and_documents() {
        let p = r("{\"time\":\"2025-11-25T20:41:00+01:00\",\"text\":\"A\u{a0}said.\",\"url\":\"http://a\"}\n\n{\"time\":\"2025-11-25\",\"text\":\"B.\",\"url\":\"http://a\"}\n{\"time\":\"2025-11-25T00:00:00Z\",\"text\":\"C.\",\"source\":\"Reuters\"}\n").unwrap();
        assert_eq!(p.entries.len(), 3);
        assert_eq!(p.documents.len(), 2);
        assert_eq!(p.entries[0].time.unwrap().to_rfc3339(), "2025-11-25T19:41:00+00:00");
        assert_eq!(p.entries[0].text, "A said.");
        assert_eq!(p.entries[1].line, 3);
        assert_eq!(p.entries[2].source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("{\"time\":\"2025-11-25\"}", "line 1: missing \"text\""),
            ("\n{\"time\":5,\"text\":\"x\"}", "line 2: \"time\" must be a string, not a number"),
            (
                "{\"time\":\"soon\",\"text\":\"x\"}",
                "line 1: invalid time 'soon' (expected RFC 3339 such as 2025-11-25T20:41:00Z)",
            ),
            ("[1]", "line 1: expected a JSON object, found an array"),
            ("{\"time\":\"2025-11-25\",\"text\":\"x\",\"url\":[]}", "line 1: \"url\" must be a string, not an array"),
        ];
        for (input, want) in cases {
            assert_eq!(r(input).unwrap_err().to_string(), want);
        }
        assert!(r("{\"time\": \"2025-11-25\", \"text\": \"x\"\n")
            .unwrap_err()
            .to_string()
            .starts_with("line 1: invalid JSON at column"));
    }
}
