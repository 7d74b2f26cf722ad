//! An HTML page → a [`Document`] and its entries, with a real HTML5 parser (`scraper`,
//! on html5ever: the parser of Servo, which repairs broken markup the way browsers do).
//!
//! Three readings, the first that yields entries wins:
//!
//! 1. schema.org JSON-LD: a `LiveBlogPosting` and its `liveBlogUpdate` items
//!    (`datePublished`, `headline`, `articleBody`, `url`), which most large outlets
//!    publish for search engines;
//! 2. the markup of live-blog platforms: two or more sibling blocks, each holding one
//!    `<time datetime>` (the block's `id` or permalink is the entry's anchor);
//! 3. an ordinary article: the main text (`<article>`, `<main>`, else the body) without
//!    navigation, asides, scripts, forms, related links, share bars and cookie banners,
//!    dated by JSON-LD `datePublished`, `article:published_time`, a `<time>` or a byline.
//!
//! The publisher (`--source`, else JSON-LD `publisher.name`, else `og:site_name`) and
//! the canonical URL (`<link rel=canonical>`, `og:url`, else where the page was fetched
//! from) name the document. Texts are plain: entities decoded, tags gone, one blank line
//! between paragraphs. Entries come out oldest first and their `line` is their place in
//! that order, so that a live blog growing at the top keeps its entries' numbers.
//!
//! Bytes are decoded by [`decode`] (byte-order mark, the HTTP charset, `<meta charset>`,
//! else UTF-8 or, when that fails, Windows-1252). This reader does no I/O.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeZone, Utc};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

mod tree;

pub use tree::MAX_DEPTH;

use super::{
    document_id, parse_date, parse_date_or_datetime, Document, Entry, EntryKind, Format, Parsed, ReadError,
    ReadOptions, MAX_ENTRY_BYTES,
};

/// The largest page kg reads, in bytes: a long live blog is a few megabytes of markup.
pub const MAX_PAGE_BYTES: usize = 32 << 20;

/// Decodes a page's bytes: a byte-order mark wins, then `charset` (from the HTTP
/// `Content-Type`), then a `<meta charset>` in the first 4 KiB; else UTF-8 when the
/// bytes are valid UTF-8, and Windows-1252 (what browsers read "Latin-1" as) when not.
pub fn decode<'a>(bytes: &'a [u8], charset: Option<&str>) -> Cow<'a, str> {
    let label = charset.map(str::to_string).or_else(|| meta_charset(bytes));
    let encoding = match label.as_deref().and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes())) {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    // Malformed sequences become U+FFFD: a page with a stray byte still reads.
    encoding.decode(bytes).0
}

/// The charset a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` in the
/// first 4 KiB names (the HTML standard's prescan, simplified: attributes are looked for
/// inside each `<meta …>` tag only).
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(i) = find(&lower[at..], b"<meta") {
        let start = at + i;
        let end = find(&lower[start..], b">").map_or(lower.len(), |j| start + j);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = rest.iter().skip_while(|b| b.is_ascii_whitespace()).copied().collect::<Vec<u8>>();
            if let Some(value) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = value
                    .iter()
                    .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                    .copied()
                    .collect();
                if !value.is_empty() {
                    return String::from_utf8(value).ok();
                }
            }
        }
        at = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Whether `text` looks like an HTML page (or fragment of one) rather than plain text:
/// it starts with a tag, and an HTML element is among the first 1,024 bytes.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('<') {
        return false;
    }
    let mut end = t.len().min(1024);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = t[..end].to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<div", "<p>", "<main"]
        .iter()
        .any(|tag| head.contains(tag))
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("the selectors in this file are valid CSS")
}

/// Reads an HTML page. `base_url` is where it was fetched from, the fallback for its
/// canonical URL.
pub fn read(origin: &str, text: &str, base_url: Option<&str>, options: &ReadOptions) -> Result<Parsed, ReadError> {
    if text.len() > MAX_PAGE_BYTES {
        return Err(ReadError::Other(format!("page of {} bytes is over the {MAX_PAGE_BYTES}-byte limit", text.len())));
    }
    let html = tree::parse_document(text);
    let mut warnings = Vec::new();
    let ld = json_ld(&html, &mut warnings);
    let meta = Meta::read(&html, &ld, base_url);
    let source = options.source.clone().or_else(|| meta.publisher.clone());
    let doc_id = document_id(meta.canonical.as_deref(), source.as_deref(), meta.title.as_deref(), origin, Some(text));

    let mut found = live_blog_updates(&ld, meta.canonical.as_deref());
    if found.is_empty() {
        found = time_blocks(&html, meta.canonical.as_deref());
    }
    let (kind, mut found) = if found.is_empty() {
        (EntryKind::Article, article(&html, &ld, &meta, options)?)
    } else {
        (EntryKind::Timed, found)
    };
    if kind == EntryKind::Article && found.iter().all(|f| f.time.is_none()) {
        warnings.push("no date found: pass --date YYYY-MM-DD to date this article".to_string());
    }
    // Oldest first, then in page order: the order a reader of the blog lived it.
    found.sort_by_key(|f| f.time);
    let mut entries = Vec::new();
    for (i, f) in found.into_iter().enumerate() {
        let body = f.text.trim();
        // Markup repaired into stray punctuation ("<<>>") is no text either.
        if !body.chars().any(char::is_alphanumeric) {
            continue;
        }
        if body.len() > MAX_ENTRY_BYTES {
            warnings.push(super::skipped_for_size(&format!("entry {}", i + 1), body.len()));
            continue;
        }
        let url = f.url.or_else(|| meta.canonical.clone());
        entries.push(Entry::new(doc_id, kind, f.time, f.title, body.to_string(), source.clone(), url, i + 1));
    }
    if entries.is_empty() {
        return Err(ReadError::Other("page without text".to_string()));
    }
    let document = Document {
        id: doc_id,
        origin: origin.to_string(),
        format: Format::Html,
        title: meta.title.clone(),
        source,
        url: meta.canonical.clone(),
        published: meta.published,
    };
    Ok(Parsed { documents: vec![document], entries, warnings })
}

/// An entry found in the page, before it is numbered.
struct Found {
    time: Option<DateTime<Utc>>,
    title: Option<String>,
    text: String,
    url: Option<String>,
}

/// What the page says about itself.
#[derive(Debug, Default)]
struct Meta {
    canonical: Option<String>,
    publisher: Option<String>,
    title: Option<String>,
    published: Option<DateTime<Utc>>,
}

impl Meta {
    fn read(html: &Html, ld: &[Value], base_url: Option<&str>) -> Meta {
        let meta_content = |selectors: &[&str]| -> Option<String> {
            selectors.iter().find_map(|s| {
                html.select(&sel(s)).find_map(|e| e.value().attr("content")).map(clean).filter(|c| !c.is_empty())
            })
        };
        let main = ld.iter().find(|v| {
            is_type(v, &["LiveBlogPosting", "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "WebPage"])
        });
        let canonical = html
            .select(&sel("link[rel~=canonical]"))
            .find_map(|e| e.value().attr("href"))
            .map(str::trim)
            .filter(|h| h.starts_with("http"))
            .map(str::to_string)
            .or_else(|| meta_content(&["meta[property='og:url']"]).filter(|u| u.starts_with("http")))
            .or_else(|| main.and_then(|m| string(m, "url")).filter(|u| u.starts_with("http")))
            .or_else(|| base_url.map(str::to_string));
        let publisher = main
            .and_then(|m| m.get("publisher"))
            .and_then(|p| match p {
                Value::Array(a) => a.first().and_then(|p| string(p, "name")),
                p => string(p, "name"),
            })
            .or_else(|| meta_content(&["meta[property='og:site_name']", "meta[name='application-name']"]));
        let title = main
            .and_then(|m| string(m, "headline"))
            .or_else(|| meta_content(&["meta[property='og:title']"]))
            .or_else(|| html.select(&sel("h1")).map(|h| clean(&text_of(h))).find(|t| !t.is_empty()))
            .or_else(|| {
                html.select(&sel("title")).map(|t| clean(&t.text().collect::<String>())).find(|t| !t.is_empty())
            });
        let published = main.and_then(|m| string(m, "datePublished")).and_then(|d| parse_when(&d)).or_else(|| {
            meta_content(&[
                "meta[property='article:published_time']",
                "meta[name='article:published_time']",
                "meta[itemprop='datePublished']",
                "meta[name='date']",
                "meta[name='dc.date']",
                "meta[name='DC.date.issued']",
            ])
            .and_then(|d| parse_when(&d))
        });
        Meta { canonical, publisher, title, published }
    }
}

/// A date or time as pages write them: RFC 3339, ISO without a zone (read as UTC), a date.
fn parse_when(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    parse_date_or_datetime(s).or_else(|| {
        ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M:%S%z"]
            .iter()
            .find_map(|f| {
                DateTime::parse_from_str(s, f)
                    .map(|t| t.with_timezone(&Utc))
                    .ok()
                    .or_else(|| NaiveDateTime::parse_from_str(s, f).ok().map(|n| Utc.from_utc_datetime(&n)))
            })
    })
}

/// Every JSON-LD object of the page, `@graph` members and array items flattened; a
/// block that is not JSON is a warning naming it.
fn json_ld(html: &Html, warnings: &mut Vec<String>) -> Vec<Value> {
    let mut out = Vec::new();
    for (i, script) in html.select(&sel("script[type='application/ld+json']")).enumerate() {
        let raw: String = script.text().collect();
        match serde_json::from_str::<Value>(raw.trim()) {
            Ok(v) => flatten(v, &mut out, 0),
            Err(e) => warnings.push(format!("JSON-LD block {} is not JSON ({e}): skipped", i + 1)),
        }
    }
    out
}

fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(mut m) => {
            if let Some(g) = m.remove("@graph") {
                flatten(g, out, depth + 1);
            }
            out.push(Value::Object(m));
        }
        _ => {}
    }
}

/// Whether a JSON-LD object has one of `types` as (one of) its `@type`s.
fn is_type(v: &Value, types: &[&str]) -> bool {
    let matches = |t: &Value| t.as_str().is_some_and(|t| types.iter().any(|w| t.trim_start_matches("schema:") == *w));
    match v.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

fn string(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| x.as_str()).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// The updates of the page's `LiveBlogPosting`s.
fn live_blog_updates(ld: &[Value], canonical: Option<&str>) -> Vec<Found> {
    let mut out = Vec::new();
    for blog in ld.iter().filter(|v| is_type(v, &["LiveBlogPosting"])) {
        let updates = match blog.get("liveBlogUpdate") {
            Some(Value::Array(a)) => a.iter().collect::<Vec<_>>(),
            Some(v @ Value::Object(_)) => vec![v],
            _ => continue,
        };
        for u in updates {
            let body = string(u, "articleBody").or_else(|| string(u, "text")).or_else(|| string(u, "description"));
            let Some(body) = body else { continue };
            // Some outlets put markup in articleBody: read it as a fragment.
            let text = body_text(&body);
            let time = ["datePublished", "dateCreated", "dateModified"]
                .iter()
                .find_map(|k| string(u, k).and_then(|d| parse_when(&d)));
            let url = string(u, "url").or_else(|| string(u, "@id")).map(|u| absolute(&u, canonical));
            let title = string(u, "headline").map(|h| clean(&h));
            out.push(Found { time, title, text, url });
        }
    }
    out
}

/// Resolves `#anchor` and `/path` references against the canonical URL.
fn absolute(href: &str, canonical: Option<&str>) -> String {
    let href = href.trim();
    match canonical {
        Some(base) if href.starts_with('#') => format!("{}{href}", base.split('#').next().unwrap_or(base)),
        Some(base) if href.starts_with('/') && !href.starts_with("//") => {
            // scheme://host of the base, then the path.
            let after_scheme = base.find("://").map_or(0, |i| i + 3);
            let host_end = base[after_scheme..].find('/').map_or(base.len(), |i| after_scheme + i);
            format!("{}{href}", &base[..host_end])
        }
        _ => href.to_string(),
    }
}

/// Live-blog entry blocks: sibling elements that each hold one `<time datetime>`.
fn time_blocks(html: &Html, canonical: Option<&str>) -> Vec<Found> {
    let times: Vec<ElementRef> = html.select(&sel("body time[datetime]")).filter(|t| !in_boilerplate(*t)).collect();
    if let [time] = times.as_slice() {
        // A live blog's first entry: one block, marked as a post and anchored (an
        // article's byline time is not), so that the blog reads the same as it grows.
        let post =
            std::iter::successors(time.parent().and_then(ElementRef::wrap), |e| e.parent().and_then(ElementRef::wrap))
                .take_while(|e| !matches!(e.value().name(), "body" | "main"))
                .find(|e| {
                    let class = e.value().attr("class").unwrap_or("").to_ascii_lowercase();
                    e.value().attr("id").is_some()
                        && (e.value().name() == "article"
                            || ["post", "entry", "update", "block"].iter().any(|w| class.contains(w)))
                });
        return match post {
            Some(block) => vec![found_block(block, *time, canonical)],
            None => Vec::new(),
        };
    }
    if times.len() < 2 {
        return Vec::new();
    }
    // How many of the times each element holds: one climb from each time, so that a
    // page of many entries costs their number times the depth, not its square.
    let mut holds: HashMap<_, usize> = HashMap::new();
    for t in &times {
        for a in t.ancestors() {
            *holds.entry(a.id()).or_default() += 1;
        }
    }
    // Each time's block: its highest ancestor holding no other time.
    let mut blocks: Vec<(ElementRef, ElementRef)> = Vec::new();
    let mut seen = HashSet::new();
    for t in &times {
        let mut block = *t;
        while let Some(parent) = block.parent().and_then(ElementRef::wrap) {
            if holds.get(&parent.id()).is_some_and(|n| *n > 1) || parent.value().name() == "body" {
                break;
            }
            block = parent;
        }
        if block.id() != t.id() && seen.insert(block.id()) {
            blocks.push((block, *t));
        }
    }
    // Entries are siblings: keep the blocks under the parent most of them share (on a
    // tie, the one whose first block comes last).
    let mut parents: HashMap<_, (usize, usize)> = HashMap::new();
    for (i, (b, _)) in blocks.iter().enumerate() {
        if let Some(p) = b.parent() {
            parents.entry(p.id()).or_insert((0, i)).0 += 1;
        }
    }
    let Some((&parent, &(n, _))) = parents.iter().max_by_key(|(_, (n, first))| (*n, *first)) else {
        return Vec::new();
    };
    if n < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (block, time) in blocks.into_iter().filter(|(b, _)| b.parent().is_some_and(|p| p.id() == parent)) {
        out.push(found_block(block, time, canonical));
    }
    out
}

/// The entry of one block: its time, heading, text (without the time) and anchor.
fn found_block(block: ElementRef, time: ElementRef, canonical: Option<&str>) -> Found {
    let when = time.value().attr("datetime").and_then(parse_when);
    let title = block.select(&sel("h1, h2, h3, h4")).map(|h| clean(&text_of(h))).find(|t| !t.is_empty());
    let text = block_text(block, &[time]);
    let url = anchor(block, canonical);
    Found { time: when, title, text, url }
}

/// An entry block's own URL: its `id` (or the nearest inner one), or a permalink in it.
fn anchor(block: ElementRef, canonical: Option<&str>) -> Option<String> {
    let id = block
        .value()
        .attr("id")
        .or_else(|| block.value().attr("data-id"))
        .or_else(|| block.select(&sel("[id]")).find_map(|e| e.value().attr("id")));
    if let (Some(id), Some(base)) = (id, canonical) {
        return Some(format!("{}#{}", base.split('#').next().unwrap_or(base), id.trim()));
    }
    block
        .select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .find(|h| h.contains('#'))
        .map(|h| absolute(h, canonical))
}

/// An ordinary article: one entry, the page's main text.
fn article(html: &Html, ld: &[Value], meta: &Meta, options: &ReadOptions) -> Result<Vec<Found>, ReadError> {
    let main = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|s| html.select(&sel(s)).filter(|e| !in_boilerplate(*e)).max_by_key(|e| text_of(*e).len()));
    let mut text = main.map(|m| block_text(m, &[])).unwrap_or_default();
    if text.trim().is_empty() {
        // Some pages carry their text only in JSON-LD.
        let body = ld.iter().find_map(|v| string(v, "articleBody"));
        text = body.map(|b| body_text(&b)).unwrap_or_default();
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err(ReadError::Other("page without text".to_string()));
    }
    let time = meta
        .published
        .or_else(|| {
            main.and_then(|m| {
                m.select(&sel("time[datetime]")).find_map(|t| t.value().attr("datetime").and_then(parse_when))
            })
        })
        .or_else(|| {
            // A byline date ("Published 25 November 2025"): in a byline or dateline
            // block, or among the first paragraphs of the text.
            let bylines = html
                .select(&sel("[class*=byline], [class*=dateline], [class*=date], [class*=timestamp]"))
                .map(text_of)
                .collect::<Vec<_>>();
            bylines.iter().map(String::as_str).chain(text.split("\n\n").take(6)).find_map(|p| {
                let p = p.trim_start_matches("Published").trim_start_matches("Updated").trim_start_matches(':').trim();
                parse_date(p).map(|d| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)))
            })
        })
        .or_else(|| options.date.map(|d| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))));
    Ok(vec![Found { time, title: meta.title.clone(), text, url: None }])
}

/// Elements whose text is never an entry's.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "select", "svg", "iframe",
    "object", "embed", "canvas", "dialog", "menu", "figure", "picture", "video", "audio", "head", "input", "textarea",
];

/// Class or id words of boilerplate blocks.
const BOILERPLATE: &[&str] = &[
    "cookie", "consent", "gdpr", "related", "share", "social", "newsletter", "promo", "advert", "subscribe",
    "comments", "breadcrumb", "sidebar", "recommend", "most-read", "popular", "paywall", "signup", "banner", "skip",
    "menu", "nav", "navbar", "navigation", "masthead", "footer", "byline", "skip-link", "ad", "ads", "tags",
];

fn is_boilerplate(e: ElementRef) -> bool {
    let v = e.value();
    if SKIPPED.contains(&v.name()) || v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(v.attr("role"), Some("navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alert")) {
        return true;
    }
    let words = format!("{} {}", v.attr("class").unwrap_or(""), v.attr("id").unwrap_or("")).to_ascii_lowercase();
    words.split(|c: char| !c.is_ascii_alphanumeric() && c != '-').any(|w| {
        BOILERPLATE.iter().any(|b| {
            w == *b
                || w.strip_prefix(b).is_some_and(|rest| rest.starts_with('-'))
                || w.strip_suffix(b).is_some_and(|rest| rest.ends_with('-'))
        })
    })
}

/// Whether `e` or an ancestor is boilerplate.
fn in_boilerplate(e: ElementRef) -> bool {
    std::iter::successors(Some(e), |x| x.parent().and_then(ElementRef::wrap)).any(is_boilerplate)
}

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "pre", "table", "tr", "br", "hr", "address", "figcaption", "details", "summary",
];

/// The text of an element without boilerplate (nor the elements in `skip`), one blank
/// line between paragraphs. The tree is walked without recursion: its depth is capped
/// ([`MAX_DEPTH`]), but the stack need not pay for it either way.
fn block_text(root: ElementRef, skip: &[ElementRef]) -> String {
    let mut w = TextWriter::default();
    // The element whose subtree is being passed over.
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() && node.id() != root.id() => match node.value() {
                Node::Text(t) => w.text(t),
                Node::Element(e) => {
                    let Some(el) = ElementRef::wrap(node) else { continue };
                    if skip.iter().any(|s| s.id() == el.id()) || is_boilerplate(el) {
                        skipping = Some(node.id());
                    } else if BLOCKS.contains(&e.name()) {
                        w.paragraph();
                    }
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node) if skipping.is_none() && node.id() != root.id() => {
                if node.value().as_element().is_some_and(|e| BLOCKS.contains(&e.name())) {
                    w.paragraph();
                }
            }
            _ => {}
        }
    }
    w.finish()
}

/// Gathers text into paragraphs: runs of white space become one space, paragraph
/// breaks one blank line.
#[derive(Default)]
struct TextWriter {
    paragraphs: Vec<String>,
    current: String,
}

impl TextWriter {
    fn text(&mut self, t: &str) {
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.current.is_empty() && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
    }

    fn paragraph(&mut self) {
        let p = self.current.trim();
        if !p.is_empty() {
            self.paragraphs.push(p.to_string());
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.paragraph();
        self.paragraphs.join("\n\n")
    }
}

/// The plain text of an element, boilerplate included (for headings and sizes).
fn text_of(e: ElementRef) -> String {
    let mut w = TextWriter::default();
    for t in e.text() {
        w.text(t);
    }
    w.finish()
}

/// The text of an HTML fragment (a JSON-LD `articleBody` or a feed item with markup).
pub fn fragment_text(fragment: &str) -> String {
    let html = tree::parse_fragment(fragment);
    block_text(html.root_element(), &[])
}

/// A JSON-LD body as plain text: markup read as a fragment, entities decoded, line
/// breaks of plain text kept as paragraph breaks.
fn body_text(body: &str) -> String {
    if body.contains('<') {
        return fragment_text(body);
    }
    let text = paragraphs(body);
    if !text.contains('&') {
        return text;
    }
    text.split("\n\n").map(fragment_text).collect::<Vec<_>>().join("\n\n")
}

/// Plain text with its line breaks read as paragraph breaks, spaces normalised.
fn paragraphs(text: &str) -> String {
    text.split('\n').map(clean).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// One line of text: every run of white space (non-breaking spaces too) one space.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(page: &str) -> Parsed {
        read("page.html", page, None, &ReadOptions::default()).unwrap()
    }

    #[test]
    fn json_ld_live_blog_updates_become_entries_oldest_first() {
        let page = r#"<!doctype html><html><head>
<link rel="canonical" href="https://news.example/live/talks">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"LiveBlogPosting",
 "headline":"Talks live","publisher":{"@type":"Organization","name":"Example News"},
 "liveBlogUpdate":[
  {"@type":"BlogPosting","datePublished":"2025-11-25T21:00:00Z","headline":"Later","articleBody":"Kyiv rejected the plan &amp; more.","url":"https://news.example/live/talks#p2"},
  {"@type":"BlogPosting","datePublished":"2025-11-25T20:00:00+01:00","articleBody":"<p>First <b>para</b>.</p><p>Second.</p>"}]}
</script></head><body><p>Ignored body.</p></body></html>"#;
        let p = r(page);
        assert_eq!(p.documents[0].source.as_deref(), Some("Example News"));
        assert_eq!(p.documents[0].url.as_deref(), Some("https://news.example/live/talks"));
        let texts: Vec<_> = p.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["First para.\n\nSecond.", "Kyiv rejected the plan & more."]);
        assert_eq!(p.entries[0].time.unwrap().to_rfc3339(), "2025-11-25T19:00:00+00:00");
        assert_eq!(p.entries[0].url.as_deref(), Some("https://news.example/live/talks"));
        assert_eq!(p.entries[1].url.as_deref(), Some("https://news.example/live/talks#p2"));
        assert_eq!(p.entries[1].line, 2);
        assert_eq!(p.entries[1].kind, EntryKind::Timed);
    }

    #[test]
    fn time_blocks_become_entries_with_anchors() {
        let page = r#"<html><head><meta property="og:site_name" content="The Daily"><meta property="og:url" content="https://daily.example/blog"></head>
<body><nav>Home <time datetime="2025-01-01T00:00:00Z">x</time></nav><div class="feed">
<article id="post-2"><time datetime="2025-11-25T10:30:00Z">10.30</time><h2>Update</h2><p>Zelensky said &ldquo;no&rdquo;.</p></article>
<article id="post-1"><time datetime="2025-11-25T09:00:00Z">09.00</time><p>Putin met Witkoff.</p><div class="share-tools">Share</div></article>
</div></body></html>"#;
        let p = r(page);
        assert_eq!(p.documents[0].source.as_deref(), Some("The Daily"));
        let got: Vec<_> = p.entries.iter().map(|e| (e.text.as_str(), e.url.as_deref().unwrap_or(""))).collect();
        assert_eq!(
            got,
            [
                ("Putin met Witkoff.", "https://daily.example/blog#post-1"),
                ("Update\n\nZelensky said \u{201c}no\u{201d}.", "https://daily.example/blog#post-2")
            ]
        );
        assert_eq!(p.entries[1].title.as_deref(), Some("Update"));
    }

    #[test]
    fn an_article_drops_boilerplate_and_is_dated() {
        let page = r#"<html><head><meta property="article:published_time" content="2025-03-03T08:00:00Z"><title>T</title>
<style>p{}</style></head><body><header><nav><a href="/">Home</a></nav></header>
<div id="cookie-banner">We use cookies</div><article><h1>Talks stall</h1><p>The minister said no.</p>
<aside>Related: other</aside><script>var x = "<p>";</script><ul class="related-links"><li>More</li></ul><p>End.</p></article>
<footer>(c) 2025</footer></body></html>"#;
        let p = r(page);
        assert_eq!(p.entries.len(), 1);
        assert_eq!(p.entries[0].text, "Talks stall\n\nThe minister said no.\n\nEnd.");
        assert_eq!(p.entries[0].time.unwrap().to_rfc3339(), "2025-03-03T08:00:00+00:00");
        assert_eq!(p.entries[0].title.as_deref(), Some("Talks stall"));
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    }

    #[test]
    fn bad_json_ld_warns_and_empty_pages_fail() {
        let p = r("<html><head><script type=\"application/ld+json\">{not json</script></head><body><p>Text.</p></body></html>");
        assert!(p.warnings.iter().any(|w| w.starts_with("JSON-LD block 1 is not JSON")), "{:?}", p.warnings);
        let e = read(
            "x.html",
            "<html><body><script>x()</script><nav>menu</nav></body></html>",
            None,
            &ReadOptions::default(),
        );
        assert_eq!(e.unwrap_err().to_string(), "page without text");
    }

    #[test]
    fn charsets() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 d\xe9j\xe0</p></body></html>";
        assert!(decode(latin, None).contains("Café déjà"));
        let no_meta = b"<p>Caf\xe9</p>";
        assert!(decode(no_meta, None).contains("Café"));
        assert!(decode("<p>Café</p>".as_bytes(), None).contains("Café"));
        assert!(decode(b"<p>Caf\xe9</p>", Some("windows-1252")).contains("Café"));
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\x93q\x94</p>";
        assert!(decode(http_equiv, None).contains("\u{201c}q\u{201d}"));
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\n  <div><p>x</p></div>"));
        assert!(!looks_like_html("Talks\n\n<b>x"));
        assert!(!looks_like_html("<?xml version=\"1.0\"?><rss>"));
    }
}
