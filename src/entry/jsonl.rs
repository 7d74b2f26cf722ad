//! JSON Lines → one entry a line.
//!
//! Each non-blank line is an object with `"time"` (RFC 3339, or a date) and `"text"`
//! (both required, strings) and optional strings `"id"`, `"source"`, `"url"`, `"title"`.
//! Lines that share a url (else a source and title) share a document. A line longer
//! than [`MAX_ENTRY_BYTES`] is skipped with a warning, unparsed.

use indexmap::IndexMap;
use serde_json::Value;

use super::{
    document_id, parse_date_or_datetime, too_large, Document, DocumentId, Entry, EntryKind, Format, Parsed, ReadError,
    ReadOptions, MAX_ENTRY_BYTES,
};

fn field<'a>(obj: &'a serde_json::Map<String, Value>, key: &str, line: usize) -> Result<Option<&'a str>, ReadError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(ReadError::At {
            line,
            message: format!("\"{key}\" must be a string, not {}", kind(other)),
        }),
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

/// Reads JSON Lines.
pub fn read(origin: &str, text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    let mut documents: IndexMap<DocumentId, Document> = IndexMap::new();
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        // Checked before parsing, so a huge line costs no more memory than the input.
        // The text is never longer than its line: JSON escapes only lengthen it.
        if raw.len() > MAX_ENTRY_BYTES {
            warnings.push(too_large(line, raw.len()));
            continue;
        }
        let value: Value = serde_json::from_str(raw).map_err(|e| ReadError::At {
            line,
            message: format!("invalid JSON at column {}: {e}", e.column()),
        })?;
        let Value::Object(obj) = value else {
            return Err(ReadError::At { line, message: format!("expected a JSON object, found {}", kind(&value)) });
        };
        let time_s = field(&obj, "time", line)?
            .ok_or_else(|| ReadError::At { line, message: "missing \"time\"".to_string() })?;
        let time = parse_date_or_datetime(time_s)
            .ok_or_else(|| ReadError::At { line, message: format!("invalid time '{time_s}' (expected RFC 3339 such as 2025-11-25T20:41:00Z)") })?;
        let text = field(&obj, "text", line)?
            .ok_or_else(|| ReadError::At { line, message: "missing \"text\"".to_string() })?;
        if text.trim().is_empty() {
            return Err(ReadError::At { line, message: "empty \"text\"".to_string() });
        }
        let _id = field(&obj, "id", line)?;
        let source = field(&obj, "source", line)?.map(str::to_string).or_else(|| options.source.clone());
        let url = field(&obj, "url", line)?.map(str::to_string);
        let title = field(&obj, "title", line)?.map(str::to_string);
        let doc_id = document_id(url.as_deref(), source.as_deref(), title.as_deref(), origin, "");
        documents.entry(doc_id).or_insert_with(|| Document {
            id: doc_id,
            origin: origin.to_string(),
            format: Format::Jsonl,
            title: title.clone(),
            source: source.clone(),
            url: url.clone(),
            published: None,
        });
        let text = text.replace('\u{a0}', " ").trim().to_string();
        entries.push(Entry::new(doc_id, EntryKind::Line, Some(time), title, text, source, url, line));
    }
    Ok(Parsed { documents: documents.into_values().collect(), entries, warnings })
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
            ("{\"time\":\"soon\",\"text\":\"x\"}", "line 1: invalid time 'soon' (expected RFC 3339 such as 2025-11-25T20:41:00Z)"),
            ("[1]", "line 1: expected a JSON object, found an array"),
            ("{\"time\":\"2025-11-25\",\"text\":\"x\",\"url\":[]}", "line 1: \"url\" must be a string, not an array"),
        ];
        for (input, want) in cases {
            assert_eq!(r(input).unwrap_err().to_string(), want);
        }
        assert!(r("{\"time\": \"2025-11-25\", \"text\": \"x\"\n").unwrap_err().to_string().starts_with("line 1: invalid JSON at column"));
    }
}
