//! Web inputs, as bytes: which of [`html`](super::html) and [`feed`](super::feed)
//! reads them, and reading them whole with their charset and a size limit.
//!
//! Pages and feeds come in the charset their server or their markup names, not always
//! UTF-8, so they are told apart and decoded here, before the text readers' UTF-8 check.

use super::{feed, html, Format, Parsed, ReadError, ReadOptions};

/// The format of a web input: HTML or a feed, detected from the text.
pub fn detect(text: &str) -> Option<Format> {
    if feed::looks_like_feed(text) {
        Some(Format::Feed)
    } else if html::looks_like_html(text) {
        Some(Format::Html)
    } else {
        None
    }
}

/// Whether `bytes` (the whole input or its first few KiB) are a page or a feed:
/// `forced` (`--format`) decides when given; else the HTTP `Content-Type` names a feed
/// or HTML; else the content says. `None` for the text formats.
pub fn sniff(bytes: &[u8], forced: Option<Format>, content_type: Option<&str>) -> Option<Format> {
    match forced {
        Some(f @ (Format::Html | Format::Feed)) => return Some(f),
        Some(_) => return None,
        None => {}
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let by_content = detect(&text);
    let mime = content_type.map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    match mime.as_deref() {
        Some("application/rss+xml" | "application/atom+xml" | "application/feed+json" | "application/rdf+xml") => {
            Some(Format::Feed)
        }
        Some("text/xml" | "application/xml") if by_content != Some(Format::Html) => Some(Format::Feed),
        Some("text/html" | "application/xhtml+xml") => Some(by_content.unwrap_or(Format::Html)),
        _ => by_content,
    }
}

/// Reads a page or a feed from its bytes. `charset` is the HTTP header's; `base_url`
/// where it was fetched from.
pub fn read(
    origin: &str,
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    base_url: Option<&str>,
    options: &ReadOptions,
) -> Result<Parsed, ReadError> {
    if bytes.len() > html::MAX_PAGE_BYTES {
        return Err(ReadError::Other(format!(
            "input of {} bytes is over the {}-byte limit for pages and feeds",
            bytes.len(),
            html::MAX_PAGE_BYTES
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Other("empty input".to_string()));
    }
    match format {
        Format::Feed => feed::read(origin, bytes, base_url, options),
        _ => {
            let text = html::decode(bytes, charset);
            if let Some(offset) = text.find('\0') {
                return Err(super::binary_content(offset as u64));
            }
            html::read(origin, &text, base_url, options)
        }
    }
}

/// The charset a `Content-Type` header names ("text/html; charset=ISO-8859-1").
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches('"').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs() {
        assert_eq!(sniff(b"<!doctype html><p>x", None, None), Some(Format::Html));
        assert_eq!(sniff(b"<?xml version='1.0'?><rss>", None, None), Some(Format::Feed));
        assert_eq!(sniff(b"Talks\n\n20:41 GMT", None, None), None);
        assert_eq!(sniff(b"whatever", None, Some("application/atom+xml")), Some(Format::Feed));
        assert_eq!(sniff(b"Talks", Some(Format::Liveblog), Some("text/html")), None);
        assert_eq!(sniff(b"{\"time\":1}", None, None), None);
        assert_eq!(charset_of("text/html; charset=\"ISO-8859-1\"").as_deref(), Some("ISO-8859-1"));
    }
}
