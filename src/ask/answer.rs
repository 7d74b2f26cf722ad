//! Answers: rows under a header, written as an aligned table, JSON or CSV.

use std::io::{self, Write};

use serde_json::Value;

use super::ClaimEdge;

/// How an answer is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerFormat {
    /// An aligned plain-text table ([`crate::table::write_table`]).
    Table,
    /// A JSON array of objects keyed by the column names, in column order.
    Json,
    /// CSV (RFC 4180) with a header line.
    Csv,
}

/// Rows under a header. Cells are JSON values so that JSON output keeps booleans and
/// nulls; the table and CSV show `null` as an empty cell and `true` as "yes".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    /// Column names, snake_case (they are the JSON keys).
    pub header: Vec<&'static str>,
    /// One vector of cells per row, in header order.
    pub rows: Vec<Vec<Value>>,
}

/// The columns of an answer made of claims.
pub const CLAIM_COLUMNS: [&str; 9] =
    ["actor", "relation", "position", "time", "reported_by", "source", "modality", "hedged", "quote"];

impl Answer {
    /// An answer listing claims, one row each, in the given order.
    pub fn claims<'a>(claims: impl IntoIterator<Item = &'a ClaimEdge>) -> Answer {
        Answer { header: CLAIM_COLUMNS.to_vec(), rows: claims.into_iter().map(claim_cells).collect() }
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Writes the answer in `format`.
    pub fn write(&self, format: AnswerFormat, out: &mut dyn Write) -> io::Result<()> {
        match format {
            AnswerFormat::Table => {
                let header: Vec<&str> = self.header.iter().map(|h| table_header(h)).collect();
                let rows: Vec<Vec<String>> = self.rows.iter().map(|r| r.iter().map(text).collect()).collect();
                crate::table::write_table(&header, &rows, out)
            }
            AnswerFormat::Json => {
                // Written by hand so that keys keep the column order (serde_json's map
                // would sort them).
                if self.rows.is_empty() {
                    return writeln!(out, "[]");
                }
                writeln!(out, "[")?;
                for (i, r) in self.rows.iter().enumerate() {
                    writeln!(out, "  {{")?;
                    for (j, (h, v)) in self.header.iter().zip(r).enumerate() {
                        let comma = if j + 1 < self.header.len() { "," } else { "" };
                        writeln!(out, "    {}: {}{comma}", Value::from(*h), v)?;
                    }
                    writeln!(out, "  }}{}", if i + 1 < self.rows.len() { "," } else { "" })?;
                }
                writeln!(out, "]")
            }
            AnswerFormat::Csv => {
                let line = |cells: Vec<String>| cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",");
                writeln!(out, "{}", line(self.header.iter().map(|h| h.to_string()).collect()))?;
                for r in &self.rows {
                    writeln!(out, "{}", line(r.iter().map(text).collect()))?;
                }
                Ok(())
            }
        }
    }
}

fn claim_cells(c: &ClaimEdge) -> Vec<Value> {
    vec![
        Value::from(c.subject.label.as_str()),
        Value::from(c.relation.name()),
        Value::from(c.object.label.as_str()),
        c.time.as_deref().map_or(Value::Null, Value::from),
        if c.reported_by.is_empty() { Value::Null } else { Value::from(c.reported_by.as_str()) },
        if c.source.is_empty() { Value::Null } else { Value::from(c.source.as_str()) },
        Value::from(c.modality.as_str()),
        Value::from(c.hedged),
        Value::from(c.quote.as_str()),
    ]
}

/// The table header of a column: words, not snake_case.
fn table_header(h: &str) -> &str {
    match h {
        "reported_by" => "reported by",
        "binding_positions" => "binding positions",
        other => other,
    }
}

/// A cell as text: strings as they are, `true` as "yes", `false` and `null` empty.
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null | Value::Bool(false) => String::new(),
        Value::Bool(true) => "yes".into(),
        other => other.to_string(),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> Answer {
        Answer {
            header: vec!["actor", "reported_by", "hedged"],
            rows: vec![
                vec![Value::from("Russia"), Value::from("TASS, \"RT\""), Value::from(true)],
                vec![Value::from("EU"), Value::Null, Value::from(false)],
            ],
        }
    }

    fn written(a: &Answer, f: AnswerFormat) -> String {
        let mut out = Vec::new();
        a.write(f, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn formats() {
        let a = answer();
        assert_eq!(
            written(&a, AnswerFormat::Table),
            "actor   reported by  hedged\n------  -----------  ------\nRussia  TASS, \"RT\"   yes\nEU\n"
        );
        assert_eq!(written(&a, AnswerFormat::Csv), "actor,reported_by,hedged\nRussia,\"TASS, \"\"RT\"\"\",yes\nEU,,\n");
        let text = written(&a, AnswerFormat::Json);
        assert!(text.starts_with("[\n  {\n    \"actor\": \"Russia\",\n    \"reported_by\""), "{text}");
        let json: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json[0]["reported_by"], "TASS, \"RT\"");
        assert_eq!(json[1]["reported_by"], Value::Null);
        assert_eq!(json[1]["hedged"], false);
    }
}
