//! The entry readers on odd but valid text, and on broken JSON Lines, through the
//! library API (`kg::entry::read`).

use kg::entry::{self, EntryKind, Format, ReadError, ReadOptions};

fn read(text: &str) -> entry::Parsed {
    entry::read("blog.txt", text, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn read_as(format: Format, text: &str) -> Result<entry::Parsed, ReadError> {
    entry::read("in.txt", text, &ReadOptions { format: Some(format), ..Default::default() })
}

fn times(p: &entry::Parsed) -> Vec<String> {
    p.entries.iter().map(|e| e.time.map(|t| t.to_rfc3339()).unwrap_or_default()).collect()
}

#[test]
fn odd_quotes_survive_verbatim() {
    let p = read(
        "Peace talks resume in Geneva today\n\n25 November 2025\n\n20:41 GMT\n\n\u{201c}No,\u{201d} said Kyiv\u{2019}s envoy \u{2018}firmly\u{2019}; \u{ab}non\u{bb} \"plain\" 'single' \u{201e}low\u{201c}.\n",
    );
    assert_eq!(p.entries.len(), 2);
    assert_eq!(
        p.entries[1].text,
        "\u{201c}No,\u{201d} said Kyiv\u{2019}s envoy \u{2018}firmly\u{2019}; \u{ab}non\u{bb} \"plain\" 'single' \u{201e}low\u{201c}."
    );
}

#[test]
fn non_breaking_and_odd_spaces_are_plain_spaces() {
    // NBSP, narrow NBSP, em space and a tab, in headers and in text.
    let p = read("Peace talks resume in Geneva today\n\n\u{a0}25\u{a0}November\u{a0}2025\u{a0}\n\n\t20:41\u{202f}GMT\u{2003}\n\nKyiv\u{a0}said\u{2003}no.\n");
    assert_eq!(times(&p), ["2025-11-25T20:41:00+00:00", "2025-11-25T20:41:00+00:00"]);
    assert_eq!(p.entries[1].text, "Kyiv said no.");
}

#[test]
fn bullets_before_headers_are_optional() {
    for bullet in ["", "\u{2022} ", "  \u{2022} ", "- ", "* ", "\u{b7} ", "\u{25aa} "] {
        let text = format!("Peace talks resume in Geneva today\n\n{bullet}25 November 2025\n\n{bullet}20:41 GMT\n\nFirst.\n\n{bullet}19:06 GMT\n\nSecond.\n");
        let p = read(&text);
        assert_eq!(p.entries.len(), 3, "bullet {bullet:?}");
        assert_eq!(p.entries[1].time.map(|t| t.to_rfc3339()).as_deref(), Some("2025-11-25T20:41:00+00:00"));
        assert_eq!(p.entries[2].text, "Second.", "bullet {bullet:?}");
    }
}

#[test]
fn missing_date_header_uses_the_byline_then_date_option_else_fails() {
    let byline = read("Peace talks resume in Geneva today\n  \u{2022} By Outlet\n  \u{2022} Nov 26, 2025\n\nIntro.\n\n10:00 GMT\n\nText.\n");
    assert_eq!(times(&byline), ["2025-11-26T00:00:00+00:00", "2025-11-26T10:00:00+00:00"]);

    let undated = "Peace talks resume in Geneva today\n\nIntro.\n\n10:00 GMT\n\nText.\n";
    let err = entry::read("blog.txt", undated, &ReadOptions::default()).unwrap_err();
    assert_eq!(err, ReadError::At {
        line: 5,
        message: "time header '10:00 GMT' has no date: put a date header such as '25 November 2025' above it, or pass --date"
            .into()
    });
    let opts = ReadOptions { date: chrono::NaiveDate::from_ymd_opt(2024, 2, 3), ..Default::default() };
    let p = entry::read("blog.txt", undated, &opts).expect("dated by --date");
    assert_eq!(times(&p)[1], "2024-02-03T10:00:00+00:00");
}

#[test]
fn entries_are_in_utc_whatever_the_zone() {
    let p = read("Peace talks resume in Geneva today\n\n25 November 2025\n\n00:30 CET\n\nA.\n\n8.41pm BST\n\nB.\n\n12:05 a.m. ET\n\nC.\n");
    assert_eq!(times(&p)[1..], ["2025-11-24T23:30:00+00:00", "2025-11-25T19:41:00+00:00", "2025-11-25T05:05:00+00:00"]);
}

#[test]
fn plain_article_and_format_detection() {
    let text = "Talks stall\n\nPublished 3 March 2025\n\nThe minister said no.\n";
    assert_eq!(Format::detect(text), Format::Article);
    let p = read(text);
    assert_eq!(p.entries.len(), 1);
    assert_eq!(p.entries[0].kind, EntryKind::Article);
    assert_eq!(times(&p), ["2025-03-03T00:00:00+00:00"]);
    assert_eq!(Format::detect("\n  {\"time\":\"2025-01-01\",\"text\":\"x\"}"), Format::Jsonl);
}

#[test]
fn json_lines_errors_name_the_line() {
    let ok = "{\"time\":\"2025-11-25T20:41:00Z\",\"text\":\"Fine.\"}";
    let cases = [
        (format!("{ok}\n{{\"time\":\"2025-11-25\",\"text\":\"x\"\n"), 2, "invalid JSON at column"),
        (format!("{ok}\n\n{{\"time\":1,\"text\":\"x\"}}"), 3, "\"time\" must be a string, not a number"),
        (format!("{{\"time\":\"2025-11-25\",\"text\":[\"x\"]}}"), 1, "\"text\" must be a string, not an array"),
        (format!("{ok}\n{{\"text\":\"x\"}}"), 2, "missing \"time\""),
        (format!("{ok}\n{{\"time\":\"2025-11-25\"}}"), 2, "missing \"text\""),
        (format!("{ok}\n{{\"time\":\"2025-11-25\",\"text\":\"  \"}}"), 2, "empty \"text\""),
        (format!("{ok}\n{{\"time\":\"25:99\",\"text\":\"x\"}}"), 2, "invalid time '25:99'"),
        (format!("{ok}\n\"just a string\""), 2, "expected a JSON object, found a string"),
        (
            format!("{ok}\n{{\"time\":\"2025-11-25\",\"text\":\"x\",\"source\":{{}}}}"),
            2,
            "\"source\" must be a string, not an object",
        ),
        (
            format!("{ok}\n{{\"time\":\"2025-11-25\",\"text\":\"x\",\"url\":true}}"),
            2,
            "\"url\" must be a string, not a boolean",
        ),
    ];
    for (input, line, message) in cases {
        match read_as(Format::Jsonl, &input) {
            Err(ReadError::At { line: l, message: m }) => {
                assert_eq!(l, line, "{input:?}");
                assert!(m.contains(message), "{m:?} should contain {message:?}");
            }
            other => panic!("{input:?}: expected an error at line {line}, got {other:?}"),
        }
    }
}

#[test]
fn json_lines_errors_on_the_command_line_name_file_and_line() {
    let dir = crate::util::tempdir();
    let file = dir.path().join("feed.jsonl");
    std::fs::write(&file, "{\"time\":\"2025-11-25T20:41:00Z\",\"text\":\"Fine.\"}\n{\"time\": 12, \"text\": \"x\"}\n")
        .expect("write");
    let out = crate::util::kg(&crate::util::store_in(&dir)).arg("ingest").arg(&file).output().expect("kg");
    crate::util::assert_one_line_error(&out, 1, &["feed.jsonl:2", "\"time\" must be a string, not a number"]);
}
