//! Dates and times as live blogs write them: "25 November 2025", "Nov 26, 2025",
//! "2025-11-25", "20:41 GMT", "8.41pm BST", "14:05 CET".

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

/// A time header: wall-clock time and its zone offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeHeader {
    pub time: NaiveTime,
    /// Offset of the zone from UTC, in minutes (GMT 0, CET 60, EST -300).
    pub offset_minutes: i32,
}

impl TimeHeader {
    /// The UTC instant of this header on `date` (the date as the blog's zone sees it).
    pub fn on(&self, date: NaiveDate) -> DateTime<Utc> {
        let local = date.and_time(self.time);
        Utc.from_utc_datetime(&(local - chrono::Duration::minutes(self.offset_minutes as i64)))
    }
}

/// Zones live blogs use, with their offsets in minutes. Unknown zones are not headers.
const ZONES: &[(&str, i32)] = &[
    ("GMT", 0),
    ("UTC", 0),
    ("Z", 0),
    ("WET", 0),
    ("BST", 60),
    ("CET", 60),
    ("WEST", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("IST", 330),
    ("CST", -360),
    ("CDT", -300),
    ("EST", -300),
    ("EDT", -240),
    ("ET", -300),
    ("PST", -480),
    ("PDT", -420),
    ("PT", -480),
    ("JST", 540),
    ("AEDT", 660),
    ("AEST", 600),
];

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    w.len() >= 3 && WEEKDAYS.iter().any(|d| *d == w || d.starts_with(&w) && w.len() == 3)
}

/// Parses a date written as a whole line or phrase: "25 November 2025",
/// "Tuesday 25 November 2025", "Nov 26, 2025", "November 26 2025", "2025-11-25".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_end_matches('.');
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .skip_while(|w| is_weekday(w))
        .collect();
    if words.len() != 3 {
        return None;
    }
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 25th
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok())?
    };
    let (day, mon, year) = if let Some(m) = month(words[0]) {
        (num(words[1])?, m, num(words[2])?)
    } else {
        (num(words[0])?, month(words[1])?, num(words[2])?)
    };
    if !(1000..=9999).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, mon, day)
}

/// Parses `--date` style values: a date ("2025-11-25") or an RFC 3339 date-time.
pub fn parse_date_or_datetime(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s.trim()) {
        return Some(t.with_timezone(&Utc));
    }
    parse_date(s).map(|d| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)))
}

/// Recognises a time header line ("20:41 GMT", "8.41pm BST", "20:41").
///
/// Returns `None` when the line does not look like a time header at all, and
/// `Some(Err(why))` when it does but the time is impossible ("99:99 GMT").
pub fn parse_time_header(line: &str) -> Option<Result<TimeHeader, String>> {
    let s = line.trim();
    let bytes = s.as_bytes();
    // Hours: one or two digits, then ':' or '.', then exactly two digits.
    let hlen = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&hlen) || bytes.len() < hlen + 3 {
        return None;
    }
    let sep = bytes[hlen];
    if sep != b':' && sep != b'.' {
        return None;
    }
    let mins = &s[hlen + 1..];
    if mins.len() < 2 || !mins.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if mins.as_bytes().get(2).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let hour: u32 = s[..hlen].parse().ok()?;
    let minute: u32 = mins[..2].parse().ok()?;
    let mut rest = mins[2..].trim_start();
    let lower = rest.to_ascii_lowercase();
    let mut pm = None;
    for (tag, is_pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(tag) {
            pm = Some(is_pm);
            rest = rest[tag.len()..].trim_start();
            break;
        }
    }
    let zone = rest.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
    let offset = if zone.is_empty() {
        // Without a zone only "HH:MM" counts: "20.41" alone may be a number.
        if sep != b':' && pm.is_none() {
            return None;
        }
        0
    } else {
        ZONES.iter().find(|(z, _)| *z == zone).map(|(_, o)| *o)?
    };
    let hour = match pm {
        Some(_) if !(1..=12).contains(&hour) => return Some(Err(format!("invalid time '{s}'"))),
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    match NaiveTime::from_hms_opt(hour, minute, 0) {
        Some(time) => Some(Ok(TimeHeader { time, offset_minutes: offset })),
        None => Some(Err(format!("invalid time '{s}'"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 25);
        for s in [
            "25 November 2025", "Tuesday 25 November 2025", "Nov 25, 2025", "November 25 2025", "2025-11-25",
            "25th Nov 2025", "Tue, 25 Nov 2025",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        for s in ["25 Novembre 2025", "31 February 2025", "Peace", "20:41 GMT", "May the 4th be", "1 May 99999"] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn time_headers() {
        let t = |h, m, o| Some(Ok(TimeHeader { time: NaiveTime::from_hms_opt(h, m, 0).unwrap(), offset_minutes: o }));
        assert_eq!(parse_time_header("20:41 GMT"), t(20, 41, 0));
        assert_eq!(parse_time_header("8.41pm BST"), t(20, 41, 60));
        assert_eq!(parse_time_header("12:05 a.m. ET"), t(0, 5, -300));
        assert_eq!(parse_time_header("09:30 (CET)"), t(9, 30, 60));
        assert_eq!(parse_time_header("20:41"), t(20, 41, 0));
        assert!(matches!(parse_time_header("99:99 GMT"), Some(Err(_))));
        assert!(matches!(parse_time_header("13:00 pm GMT"), Some(Err(_))));
        for s in ["20.41", "2041 GMT", "20:41 GMT and more", "at 20:41 GMT", "1:234 GMT", "3.5 million"] {
            assert_eq!(parse_time_header(s), None, "{s}");
        }
    }

    #[test]
    fn header_to_utc() {
        let h = TimeHeader { time: NaiveTime::from_hms_opt(0, 30, 0).unwrap(), offset_minutes: 60 };
        let d = NaiveDate::from_ymd_opt(2025, 11, 25).unwrap();
        assert_eq!(h.on(d).to_rfc3339(), "2025-11-24T23:30:00+00:00");
    }
}
