//! A plain article → one entry.
//!
//! The first line is the title when it reads like one (short, no final full stop).
//! The date comes from `--date`, else from a byline date line near the top
//! ("Nov 26, 2025", "Published 25 November 2025"); an undated article is read with a
//! warning and its entry has no time. An article over [`MAX_ENTRY_BYTES`] is an error.

use chrono::{NaiveTime, TimeZone, Utc};

use super::{
    clean_line, document_id, parse_date, strip_bullet, text_lines, Document, Entry, EntryKind, Format, Lines, Parsed,
    ReadError, ReadOptions, MAX_ENTRY_BYTES,
};

/// Reads a plain article.
pub fn read(origin: &str, text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    read_lines(origin, text_lines(text), Some(text), options)
}

/// Reads a plain article from its lines; `content` is the whole text when it is in
/// memory (see [`document_id`]).
pub(crate) fn read_lines(
    origin: &str,
    lines: Lines<'_>,
    content: Option<&str>,
    options: &ReadOptions,
) -> Result<Parsed, ReadError> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    let mut first_line = 0;
    let mut byline_date = None;
    let mut size = 0;
    for (i, raw) in lines.enumerate() {
        // Checked before the line is copied, so a huge line costs no more memory than
        // the input.
        size += raw.len() + 1;
        if size > MAX_ENTRY_BYTES {
            return Err(ReadError::At {
                line: i + 1,
                message: format!("article text is over the {MAX_ENTRY_BYTES}-byte entry limit"),
            });
        }
        let clean = clean_line(strip_bullet(&raw));
        if clean.is_empty() {
            open = false;
            continue;
        }
        if paragraphs.len() < 6 {
            let stripped = clean.trim_start_matches("Published").trim_start_matches("Updated").trim_start_matches(':');
            if let Some(d) = parse_date(stripped) {
                byline_date.get_or_insert(d);
                continue;
            }
        }
        if first_line == 0 {
            first_line = i + 1;
        }
        match paragraphs.last_mut() {
            Some(p) if open => {
                p.push(' ');
                p.push_str(&clean);
            }
            _ => paragraphs.push(clean),
        }
        open = true;
    }
    if paragraphs.is_empty() {
        return Err(ReadError::Other("no text".to_string()));
    }
    let title = paragraphs.first().filter(|t| paragraphs.len() > 1 && t.len() <= 200 && !t.ends_with('.')).cloned();
    let mut warnings = Vec::new();
    let date = options.date.or(byline_date);
    if date.is_none() {
        warnings.push("no date found: pass --date YYYY-MM-DD to date this article".to_string());
    }
    let time = date.map(|d| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
    let doc_id = document_id(None, options.source.as_deref(), title.as_deref(), origin, content);
    let entry = Entry::new(
        doc_id,
        EntryKind::Article,
        time,
        title.clone(),
        paragraphs.join("\n\n"),
        options.source.clone(),
        None,
        first_line,
    );
    let document = Document {
        id: doc_id,
        origin: origin.to_string(),
        format: Format::Article,
        title,
        source: options.source.clone(),
        url: None,
        published: time,
    };
    Ok(Parsed { documents: vec![document], entries: vec![entry], warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn one_entry_with_title_and_date() {
        let p = read(
            "a.txt",
            "Talks stall\n\nPublished 3 March 2025\n\nThe minister\u{a0}said \u{201c}no\u{201d}.\nMore.\n\nEnd.",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(p.entries.len(), 1);
        let e = &p.entries[0];
        assert_eq!(e.title.as_deref(), Some("Talks stall"));
        assert_eq!(e.text, "Talks stall\n\nThe minister said \u{201c}no\u{201d}. More.\n\nEnd.");
        assert_eq!(e.time.unwrap().to_rfc3339(), "2025-03-03T00:00:00+00:00");
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn date_option_wins_and_undated_warns() {
        let opts = ReadOptions { date: NaiveDate::from_ymd_opt(2024, 1, 2), ..Default::default() };
        let p = read("a.txt", "Body only.", &opts).unwrap();
        assert_eq!(p.entries[0].time.unwrap().to_rfc3339(), "2024-01-02T00:00:00+00:00");
        let p = read("a.txt", "Body only.", &ReadOptions::default()).unwrap();
        assert_eq!(p.entries[0].time, None);
        assert_eq!(p.warnings.len(), 1);
        assert!(read("a.txt", " \n\u{a0}\n", &ReadOptions::default()).is_err());
    }
}
