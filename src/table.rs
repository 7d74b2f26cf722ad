//! Aligned plain-text tables for terminal output: query results and question answers.

use std::io::{self, Write};

use crate::store::{Solutions, Value, PREFIXES};

/// Shortens an IRI with the well-known prefixes (`kg:rejects`, `kgid:actor/ukraine`).
pub fn compact(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}:{rest}");
        }
    }
    format!("<{iri}>")
}

/// The text shown for a value: literals as they are, IRIs compacted.
pub fn show(v: &Value) -> String {
    match v {
        Value::Iri { value } => compact(value),
        Value::Literal { value, .. } => value.clone(),
        Value::Blank { value } => format!("_:{value}"),
    }
}

/// Writes rows under a header, columns padded to their widest cell (in characters).
/// Cells are flattened to one line; none is cut.
pub fn write_table(header: &[&str], rows: &[Vec<String>], out: &mut dyn Write) -> io::Result<()> {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| flat(c)).collect()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>, out: &mut dyn Write| -> io::Result<()> {
        let last = cells.len().saturating_sub(1);
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i < last {
                s.extend(std::iter::repeat_n(' ', widths[i] - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(header.to_vec(), out)?;
    line(widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().iter().map(String::as_str).collect(), out)?;
    for r in &rows {
        line(r.iter().map(String::as_str).collect(), out)?;
    }
    Ok(())
}

/// Writes SPARQL solutions as a table.
pub fn write_solutions(s: &Solutions, out: &mut dyn Write) -> io::Result<()> {
    let header: Vec<&str> = s.variables.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> =
        s.rows.iter().map(|r| r.iter().map(|v| v.as_ref().map(show).unwrap_or_default()).collect()).collect();
    write_table(&header, &rows, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns() {
        let mut out = Vec::new();
        write_table(&["a", "bb"], &[vec!["xxx".into(), "y\nz".into()], vec!["é".into(), "".into()]], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a    bb\n---  ---\nxxx  y z\né\n");
    }

    #[test]
    fn compacts_iris() {
        assert_eq!(compact("https://w3id.org/kg-news/ns#rejects"), "kg:rejects");
        assert_eq!(compact("http://example.org/x"), "<http://example.org/x>");
    }
}
