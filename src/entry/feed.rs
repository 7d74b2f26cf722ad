//! A feed (RSS 2.0, Atom or JSON Feed) → a [`Document`] and one entry per item, with
//! `feed-rs`, which reads all three (and RSS 0.9/1.0) into one model, dates included.
//!
//! An item's entry: its title and its content (else its summary) as plain text (markup
//! read with the HTML reader's [`fragment_text`], entities decoded), dated by its
//! `pubDate`/`published` (else `updated`), with its link as the entry's URL. Items come
//! out oldest first, numbered in that order (see [`super::html`]). This reader does no I/O.

use chrono::{DateTime, Utc};

use super::html::fragment_text;
use super::{document_id, Document, Entry, EntryKind, Format, Parsed, ReadError, ReadOptions, MAX_ENTRY_BYTES};

/// Whether `text` looks like a feed: an XML document whose root is `<rss>`, `<feed>` or
/// `<rdf:RDF>`, or a JSON Feed (an object naming its jsonfeed.org version).
pub fn looks_like_feed(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let mut end = t.len().min(2048);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = t[..end].to_ascii_lowercase();
    if t.starts_with('<') {
        return ["<rss", "<feed", "<rdf:rdf"].iter().any(|r| head.contains(r)) && !head.contains("<html");
    }
    t.starts_with('{') && head.contains("jsonfeed.org/version")
}

/// Reads a feed from its bytes (XML declares its own encoding). `base_url` is where
/// it was fetched from, the document's URL when the feed names no page of its own.
pub fn read(origin: &str, bytes: &[u8], base_url: Option<&str>, options: &ReadOptions) -> Result<Parsed, ReadError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| ReadError::Other(format!("not a valid feed: {e}")))?;
    let url = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.trim().to_string())
        .filter(|h| h.starts_with("http"))
        .or_else(|| base_url.map(str::to_string));
    let title = feed.title.as_ref().map(|t| one_line(&t.content)).filter(|t| !t.is_empty());
    let source = options.source.clone();
    let doc_id = document_id(url.as_deref(), source.as_deref(), title.as_deref(), origin, None);
    let mut warnings = Vec::new();
    let mut items: Vec<(Option<DateTime<Utc>>, Option<String>, String, Option<String>)> = Vec::new();
    for (i, item) in feed.entries.iter().enumerate() {
        let heading = item.title.as_ref().map(|t| one_line(&plain(&t.content))).filter(|t| !t.is_empty());
        let body = item
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .or(item.summary.as_ref().map(|s| s.content.as_str()))
            .map(plain)
            .unwrap_or_default();
        let text = match (&heading, body.trim().is_empty()) {
            (Some(h), false) if !body.starts_with(h.as_str()) => format!("{h}\n\n{body}"),
            (Some(h), true) => h.clone(),
            _ => body,
        };
        if text.trim().is_empty() {
            warnings.push(format!("item {} has no text: skipped", i + 1));
            continue;
        }
        if text.len() > MAX_ENTRY_BYTES {
            warnings.push(super::skipped_for_size(&format!("item {}", i + 1), text.len()));
            continue;
        }
        let link = item
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.trim().to_string())
            .or_else(|| Some(item.id.clone()).filter(|id| id.starts_with("http")));
        items.push((item.published.or(item.updated), heading, text, link));
    }
    if items.is_empty() {
        let why = if feed.entries.is_empty() { "no items in the feed" } else { "no item of the feed has text" };
        return Err(ReadError::Other(why.to_string()));
    }
    if items.iter().any(|i| i.0.is_none()) {
        warnings.push("some items have no date".to_string());
    }
    items.sort_by_key(|i| i.0);
    let entries = items
        .into_iter()
        .enumerate()
        .map(|(n, (time, title, text, link))| {
            Entry::new(doc_id, EntryKind::Timed, time, title, text, source.clone(), link.or_else(|| url.clone()), n + 1)
        })
        .collect();
    let document = Document {
        id: doc_id,
        origin: origin.to_string(),
        format: Format::Feed,
        title,
        source,
        url,
        published: feed.published.or(feed.updated),
    };
    Ok(Parsed { documents: vec![document], entries, warnings })
}

/// Text that may hold markup or entities, as plain text.
fn plain(s: &str) -> String {
    if s.contains('<') || s.contains('&') {
        fragment_text(s)
    } else {
        s.split('\n').map(one_line).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire: Ukraine</title><link>https://wire.example/ukraine</link>
<item><title>Kyiv rejects plan</title><link>https://wire.example/a2</link><description>&lt;p&gt;Zelensky rejected the &lt;b&gt;plan&lt;/b&gt;.&lt;/p&gt;</description><pubDate>Tue, 25 Nov 2025 21:00:00 GMT</pubDate></item>
<item><title>Talks begin</title><link>https://wire.example/a1</link><description>Envoys met in Geneva.</description><pubDate>Tue, 25 Nov 2025 09:00:00 GMT</pubDate></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_entries() {
        assert!(looks_like_feed(RSS));
        let p = read("f.xml", RSS.as_bytes(), None, &ReadOptions::default()).unwrap();
        assert_eq!(p.documents[0].url.as_deref(), Some("https://wire.example/ukraine"));
        let got: Vec<_> = p.entries.iter().map(|e| (e.text.as_str(), e.url.as_deref().unwrap_or(""))).collect();
        assert_eq!(
            got,
            [
                ("Talks begin\n\nEnvoys met in Geneva.", "https://wire.example/a1"),
                ("Kyiv rejects plan\n\nZelensky rejected the plan.", "https://wire.example/a2")
            ]
        );
        assert_eq!(p.entries[1].time.unwrap().to_rfc3339(), "2025-11-25T21:00:00+00:00");
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2025-11-25T10:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><link href="https://a.example/1"/><updated>2025-11-25T10:00:00Z</updated><content type="html">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content></entry></feed>"#;
        assert!(looks_like_feed(atom));
        let p = read("a.xml", atom.as_bytes(), None, &ReadOptions::default()).unwrap();
        assert_eq!(p.entries[0].text, "One\n\nBody & more");
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","content_text":"Putin met Witkoff.","date_published":"2025-11-25T10:00:00Z"}]}"#;
        assert!(looks_like_feed(json));
        let p = read("j.json", json.as_bytes(), None, &ReadOptions::default()).unwrap();
        assert_eq!(p.entries[0].text, "Putin met Witkoff.");
        assert_eq!(p.entries[0].url.as_deref(), Some("https://j.example/1"));
    }

    #[test]
    fn not_a_feed_is_an_error() {
        let e = read("f.xml", b"<rss><channel><item>", None, &ReadOptions::default()).unwrap_err();
        assert!(e.to_string().starts_with("not a valid feed"), "{e}");
        let e = read(
            "f.xml",
            b"<rss version=\"2.0\"><channel><title>x</title></channel></rss>",
            None,
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "no items in the feed");
    }
}
