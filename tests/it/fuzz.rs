//! Property-based fuzzing with proptest (cargo-fuzz needs a nightly toolchain, which
//! kg's CI does not have). Each target runs `KG_FUZZ_CASES` cases (128 by default);
//! `scripts/fuzz.sh` runs many more. A failing input found here becomes a named
//! regression test at the bottom of this file.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use kg::claim::ClaimExtractor;
use kg::entry::{self, DocumentId, Entry, EntryKind, Format, Id, ReadOptions};
use kg::ontology::Ontology;
use kg::store::{Store, StoreError};

/// Cases per target: `KG_FUZZ_CASES`, else 128 (CI).
fn runner() -> TestRunner {
    let cases = std::env::var("KG_FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(128);
    // Failures are kept as named regression tests, not in proptest's files.
    TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
}

/// Runs `test` on `strategy` and fails with proptest's minimal failing input.
fn check<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    if let Err(e) = runner().run(&strategy, test) {
        panic!("{e}");
    }
}

/// Lines that look like parts of live blogs, articles and JSON Lines, and lines that
/// look like nothing: headers with bad times, odd spaces and quotes, broken JSON.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "\\PC{0,60}",
        "[ \u{a0}\t]{0,3}[•·*-]?[ \u{a0}]{0,2}[0-9]{1,3}[:.][0-9]{1,3}[ \u{a0}]?(GMT|CET|BST|ET|pm|am|a\\.m\\.|p\\.m\\. ET|XYZ)?",
        "[ •\u{a0}]{0,3}(Mon|Tuesday )?[0-9]{1,2}(st|th)? (January|Nov|November|Sept|Foo|May) [0-9]{1,5}",
        "(By|Published|Updated) [A-Za-z ]{0,20}",
        "[A-Z][a-z]{0,8}( [A-Za-z“”‘’\"'«»]{1,10}){0,12}[.!?”]?",
        "\\{\"time\": ?(\"2025-11-2[0-9](T[0-9]{2}:[0-9]{2}:00Z)?\"|[0-9]+|null|\\[\\]), ?\"text\": ?(\"[^\"\\\\]{0,30}\"|[0-9]|\\{\\})(, ?\"(url|source|title|id)\": ?\"[a-z:/.]{0,10}\")?\\}?",
        "[“”‘’\"'«»()\\[\\]{}]{1,30}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..40).prop_map(|lines| lines.join("\n"))
}

fn check_parsed(text: &str, parsed: &entry::Parsed) -> Result<(), TestCaseError> {
    prop_assert!(!parsed.entries.is_empty(), "Ok without entries");
    prop_assert!(!parsed.documents.is_empty(), "Ok without a document");
    let lines = text.lines().count().max(1);
    for e in &parsed.entries {
        prop_assert!(!e.text.trim().is_empty(), "empty entry text: {e:?}");
        prop_assert!(e.text.len() <= entry::MAX_ENTRY_BYTES);
        prop_assert!((1..=lines).contains(&e.line), "line {} of {lines}", e.line);
        prop_assert!(parsed.documents.iter().any(|d| d.id == e.document), "entry without its document");
    }
    Ok(())
}

#[test]
fn readers_never_panic_and_their_entries_are_sound() {
    let formats = [None, Some(Format::Liveblog), Some(Format::Article), Some(Format::Jsonl)];
    check(document(), |text| {
        for format in formats {
            for date in [None, chrono::NaiveDate::from_ymd_opt(2025, 11, 25)] {
                let options = ReadOptions { format, date, source: None };
                if let Ok(parsed) = entry::read("fuzz.txt", &text, &options) {
                    check_parsed(&text, &parsed)?;
                    // Reading is deterministic: the same ids again.
                    let again = entry::read("fuzz.txt", &text, &options).expect("read twice");
                    prop_assert_eq!(&parsed, &again);
                }
            }
        }
        Ok(())
    });
}

#[test]
fn readers_take_any_string() {
    check("\\PC{0,400}|.{0,400}", |text| {
        for format in [None, Some(Format::Liveblog), Some(Format::Article), Some(Format::Jsonl)] {
            if let Ok(parsed) = entry::read("fuzz.txt", &text, &ReadOptions { format, ..Default::default() }) {
                check_parsed(&text, &parsed)?;
            }
        }
        Ok(())
    });
}

#[test]
fn decode_names_a_true_offset() {
    check(prop::collection::vec(any::<u8>(), 0..200), |bytes| {
        match entry::decode(&bytes) {
            Ok(text) => prop_assert!(bytes.ends_with(text.as_bytes())),
            Err(entry::ReadError::InvalidUtf8 { offset }) => {
                let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
                prop_assert!(offset < body.len());
                prop_assert!(std::str::from_utf8(&body[..offset]).is_ok());
                prop_assert!(std::str::from_utf8(body).is_err());
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
        Ok(())
    });
}

/// What reading `bytes` gives, as an ingest reads them: the format, every part and the
/// warnings, or the error that stops the ingest.
type Reading = Result<(Format, Vec<entry::Part>, Vec<String>), String>;

fn reading(mut reader: entry::EntryReader<'_>) -> Reading {
    let parts = reader.by_ref().collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())?;
    Ok((reader.format(), parts, reader.warnings().to_vec()))
}

fn read_in_memory(bytes: &[u8], options: &ReadOptions) -> Reading {
    let text = entry::decode(bytes).map_err(|e| e.to_string())?;
    if text.trim().is_empty() {
        return Err("empty input".to_string());
    }
    reading(entry::EntryReader::new("fuzz.txt", text, options))
}

fn read_from_file(path: &std::path::Path, options: &ReadOptions) -> Reading {
    let input = match entry::FileInput::scan(path, "fuzz.txt", options) {
        Ok(input) => input,
        Err(entry::file::ScanError::Read(e)) => return Err(e.to_string()),
        Err(entry::file::ScanError::Io(e)) => panic!("I/O error: {e}"),
    };
    reading(input.reader(options))
}

#[test]
fn reading_a_file_line_by_line_gives_what_reading_it_whole_gives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fuzz.txt");
    let bytes = prop_oneof![
        document().prop_map(String::into_bytes),
        // Odd line endings, byte-order marks, NULs and invalid UTF-8 among the lines.
        (prop::collection::vec((line(), prop::sample::select(vec!["\n", "\r\n", "\r", ""])), 0..30), any::<bool>())
            .prop_map(|(lines, bom)| {
                let body: String = lines.into_iter().map(|(l, end)| l + end).collect();
                let mut b = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
                b.extend(body.into_bytes());
                b
            }),
        prop::collection::vec(prop_oneof![any::<u8>(), Just(b'\n'), Just(b'{'), Just(0u8)], 0..200),
    ];
    check(bytes, |bytes| {
        std::fs::write(&path, &bytes).expect("write");
        for format in [None, Some(Format::Liveblog), Some(Format::Article), Some(Format::Jsonl)] {
            for date in [None, chrono::NaiveDate::from_ymd_opt(2025, 11, 25)] {
                let options = ReadOptions { format, date, source: None };
                prop_assert_eq!(read_from_file(&path, &options), read_in_memory(&bytes, &options));
            }
        }
        Ok(())
    });
}

/// Text the extractor has something to chew on: actors, cues, negations, quotes,
/// multi-byte letters and punctuation, in any order.
fn prose() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        prop::sample::select(vec![
            "Zelensky", "Putin", "Trump", "Macron", "Moscow", "Kyiv", "Kiev", "the EU", "Russia", "Ukraine", "NATO",
            "Yermak", "Axios", "rejected", "rejects", "supports", "backed", "proposed", "demands", "met", "will meet",
            "criticized", "sent", "will not accept", "hopes to", "reportedly", "said", "a 30-day ceasefire",
            "the peace plan", "NATO membership", "territorial concessions", "not", "no", "and", "with", "'s", "to",
        ])
        .prop_map(str::to_string),
        "[.,;:!?“”‘’\"'«»()—–-]",
        "[éüßøЁжπ日本🙂\u{301}\u{a0}\u{200b}]{1,3}",
        "\\PC{1,8}",
        Just("\n\n".to_string()),
        // Whole claims, so that the spans checked are not only mentions.
        (
            prop::sample::select(vec!["Zelensky", "Kyiv", "Russia", "The EU", "Macron", "Putin"]),
            prop::sample::select(vec!["rejected", "supports", "proposed", "demands", "will not accept"]),
            prop::sample::select(vec!["a 30-day ceasefire", "the peace plan", "NATO membership for Ukraine"]),
        )
            .prop_map(|(s, v, o)| format!("{s} {v} {o}.")),
    ];
    prop::collection::vec(word, 0..80).prop_map(|w| w.join(" "))
}

#[test]
fn extractor_never_panics_and_spans_lie_on_char_boundaries() {
    let ontology = Ontology::bundled().expect("bundled ontology");
    let extractor = std::cell::RefCell::new(ClaimExtractor::new(&ontology));
    let claims = std::cell::Cell::new(0);
    check(prop_oneof![prose(), "\\PC{0,300}"], |text| {
        let entry = Entry::new(DocumentId(Id(0)), EntryKind::Line, None, None, text.clone(), None, None, 1);
        let out = extractor.borrow_mut().extract(&entry);
        let spans = out.claims.iter().map(|c| c.evidence).chain(out.mentions.iter().map(|m| m.span));
        for span in spans {
            prop_assert!(
                span.start <= span.end && span.end <= text.len(),
                "span {span:?} outside {} bytes",
                text.len()
            );
            prop_assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "span {span:?} splits a char"
            );
        }
        for c in &out.claims {
            prop_assert!(!c.evidence.of(&text).trim().is_empty(), "empty evidence for {c:?}");
        }
        claims.set(claims.get() + out.claims.len());
        Ok(())
    });
    assert!(claims.get() > 0, "the generated text never gave a claim: the property checked nothing");
}

/// An in-memory store holding a small live blog, for the query targets.
fn small_store() -> Store {
    let text = "Peace talks resume in Geneva\n\n25 November 2025\n\n20:41 GMT\n\nKyiv rejected the 30-day ceasefire.\n";
    crate::common::memory_store_with("blog.txt", text)
}

#[test]
fn bound_arguments_are_never_sparql_syntax() {
    let store = small_store();
    let question = "PREFIX kg: <https://w3id.org/kg-news/ns#>
        SELECT ?e ?q WHERE { ?e kg:text ?t FILTER(CONTAINS(LCASE(?t), LCASE(?q))) }";
    let value = prop_oneof![
        "\\PC{0,60}",
        ".{0,60}",
        "[\"'<>{}?$#\\\\.;]{0,20}",
        Just("\" } ; DROP ALL ; SELECT * WHERE { \"".to_string()),
        Just("Kyiv".to_string()),
    ];
    check((value, prop_oneof![Just("q".to_string()), "\\PC{0,10}"]), |(value, name)| {
        match store.select(question, &[(name.as_str(), value.as_str())]) {
            // The store holds two entries: the lede and one timed entry.
            Ok(rows) => prop_assert!(rows.rows.len() <= 2),
            Err(StoreError::Syntax { message, .. }) => prop_assert!(false, "a bound value became syntax: {message}"),
            Err(_) if name != "q" => {} // not a variable name: an argument error
            Err(e) => prop_assert!(false, "binding ?q failed: {e}"),
        }
        Ok(())
    });
    // Oxigraph binds only variables the query projects.
    let rows = store.select(question, &[("q", "kyiv")]).expect("select");
    assert_eq!(rows.rows.len(), 1, "the binding takes effect");
    assert_eq!(
        store.select(question, &[("q", "")]).expect("select").rows.len(),
        2,
        "the empty string is in every text"
    );
}

#[test]
fn any_query_text_gives_results_or_an_error() {
    let store = small_store();
    let token = prop::sample::select(vec![
        "SELECT",
        "ASK",
        "CONSTRUCT",
        "DESCRIBE",
        "INSERT DATA",
        "DELETE",
        "WHERE",
        "{",
        "}",
        "(",
        ")",
        "?x",
        "?y",
        "*",
        ".",
        ";",
        ",",
        "a",
        "<urn:x>",
        "kg:text",
        "\"lit\"",
        "FILTER",
        "OPTIONAL",
        "UNION",
        "LIMIT 1",
        "COUNT",
        "PREFIX kg: <https://w3id.org/kg-news/ns#>",
        "GROUP BY",
        "ORDER BY",
        "BIND",
        "AS",
        "1",
        "'",
        "#",
    ]);
    let query = prop_oneof![prop::collection::vec(token, 0..20).prop_map(|t| t.join(" ")), "\\PC{0,80}"];
    let timeout = Some(std::time::Duration::from_secs(10));
    check(query, |q| {
        for format in [kg::store::ResultFormat::Table, kg::store::ResultFormat::Json, kg::store::ResultFormat::Turtle] {
            let mut out = Vec::new();
            if let Err(e) = store.query_to_writer(&q, format, &mut out, Some(100), timeout) {
                prop_assert!(!e.to_string().contains('\n'), "a multi-line error: {e}");
            }
        }
        Ok(())
    });
}

/// Markup soup: tags (well-formed, unclosed, stray), attributes live blogs use, JSON-LD
/// blocks (valid, broken, of odd shapes), feed elements, entities and text.
fn markup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "<!doctype html>", "<html>", "<head>", "</head>", "<body>", "</body>", "<main>", "<article id=\"p1\">",
            "<article>", "</article>", "<div class=\"post\" id=\"x\">", "<div>", "</div>", "<p>", "</p>", "<br>",
            "<nav>", "</nav>", "<aside>", "<script>", "</script>", "<style>", "<h2>", "</h2>", "<li>", "<ul>",
            "<time datetime=\"2025-11-25T20:41:00Z\">", "<time datetime=\"soon\">", "<time datetime=\"2025-11-25\">",
            "</time>", "<meta charset=\"iso-8859-1\">", "<meta charset=\"bogus\">",
            "<meta property=\"og:site_name\" content=\"Wire\">", "<meta property=\"article:published_time\" content=\"2025-11-25T10:00:00+01:00\">",
            "<link rel=\"canonical\" href=\"https://a.example/live\">", "<link rel=canonical href=\"#x\">",
            "<script type=\"application/ld+json\">", "{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":[",
            "{\"@type\":\"BlogPosting\",\"datePublished\":\"2025-11-25T09:00:00Z\",\"articleBody\":\"Putin met Witkoff.\"}",
            "{\"articleBody\":5,\"url\":[1]}", "]}", "{\"@graph\":[", "{\"@type\":[\"LiveBlogPosting\"],\"liveBlogUpdate\":{}}",
            "<?xml version=\"1.0\"?>", "<rss version=\"2.0\">", "<channel>", "<item>", "</item>", "<title>", "</title>",
            "<link>https://a.example/1</link>", "<pubDate>Tue, 25 Nov 2025 09:00:00 GMT</pubDate>", "<description>",
            "</description>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "</entry>", "<![CDATA[<p>x</p>]]>",
            "&amp;", "&lt;p&gt;", "&#8220;", "&nbsp;", "&bogus;", "<", ">", "\"", "<!--", "-->", "\n", "\n\n",
            "Zelensky rejected the 30-day ceasefire.", "Putin met Witkoff in Moscow.",
        ])
        .prop_map(str::to_string),
        "\\PC{0,20}",
        "[éü“”\u{a0}\u{feff}]{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

#[test]
fn html_and_feed_readers_never_panic_and_their_entries_are_sound() {
    let bytes = prop_oneof![
        markup().prop_map(String::into_bytes),
        prop::collection::vec(prop_oneof![any::<u8>(), Just(b'<'), Just(b'>'), Just(0u8)], 0..300),
    ];
    check(bytes, |bytes| {
        for format in [Format::Html, Format::Feed] {
            for charset in [None, Some("iso-8859-1"), Some("nonsense")] {
                let Ok(parsed) = entry::web::read("fuzz.html", &bytes, format, charset, None, &ReadOptions::default())
                else {
                    continue;
                };
                prop_assert!(!parsed.entries.is_empty(), "Ok without entries");
                for e in &parsed.entries {
                    prop_assert!(e.text.chars().any(char::is_alphanumeric), "no text: {e:?}");
                    prop_assert!(e.text.len() <= entry::MAX_ENTRY_BYTES);
                    prop_assert!(parsed.documents.iter().any(|d| d.id == e.document), "entry without its document");
                }
                let again = entry::web::read("fuzz.html", &bytes, format, charset, None, &ReadOptions::default());
                prop_assert_eq!(Some(&parsed), again.as_ref().ok(), "reading is deterministic");
            }
        }
        // Detection never panics either, and the text readers take what it leaves them.
        let _ = entry::web::sniff(&bytes, None, Some("text/html; charset=x"));
        Ok(())
    });
}
