//! Live sources: a URL → [`fetch`](crate::fetch) → [`ingest`](crate::ingest), once
//! ([`ingest_url`], for `kg ingest https://…`) or again and again ([`Follower`], for
//! `kg follow`).
//!
//! ```text
//!  every source, each poll:  validators ─▶ GET ─▶ 304? nothing to do
//!                                               └▶ body ─▶ ingest_web ─▶ store validators
//!  a failure:  logged, the source waits base·2^n (capped, jittered) before its next poll
//! ```
//!
//! A poll ingests the whole page again: ids hash content, so the entries the store has
//! add nothing, and claims are extracted in the context of the whole page, as one ingest
//! of it would. Validators are stored only once the page's entries are, so a poll that
//! fails half-way is fetched again in full next time. This module prints nothing; the
//! caller gets one [`Poll`] per poll.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::claim::ClaimExtractor;
use crate::entry::{self, ReadOptions};
use crate::fetch::{FetchError, Fetched, Fetcher};
use crate::ingest::{self, IngestError, IngestOptions, IngestReport, WebInput};
use crate::ontology::Ontology;
use crate::store::{Store, StoreError};

/// Why a source could not be polled.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{0}")]
    Fetch(#[from] FetchError),
    #[error("{0}")]
    Ingest(#[from] IngestError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl SourceError {
    /// Whether polling again later may work (see [`FetchError::is_transient`]); a page
    /// that reads badly may be fixed by its outlet, so only the store's faults are not.
    pub fn is_transient(&self) -> bool {
        match self {
            SourceError::Fetch(e) => e.is_transient(),
            SourceError::Ingest(IngestError::Store(_)) | SourceError::Store(_) => false,
            SourceError::Ingest(_) => true,
        }
    }
}

/// What fetching a URL into the store did.
#[derive(Debug, Clone)]
pub enum Fetch {
    /// The server answered `304 Not Modified`.
    NotModified,
    /// The page or feed was read and stored.
    Ingested(IngestReport),
}

/// Fetches `url` (conditionally, on the validators stored for it) and ingests what it
/// brings; the document's origin is `url`. A body in a text format (a live blog or JSON
/// Lines served as text) is read as a file with that content would be.
pub fn ingest_url(
    store: &Store,
    extractor: &mut ClaimExtractor,
    fetcher: &Fetcher,
    url: &str,
    options: &ReadOptions,
    ingest: IngestOptions,
) -> Result<Fetch, SourceError> {
    let validators = store.validators(url)?;
    let body = match fetcher.get(url, &validators)? {
        Fetched::NotModified => return Ok(Fetch::NotModified),
        Fetched::Body(body) => body,
    };
    let mut progress = |_: usize, _: usize| {};
    let report = match entry::web::sniff(&body.bytes, options.format, body.content_type.as_deref()) {
        Some(format) => {
            let charset = body.content_type.as_deref().and_then(entry::web::charset_of);
            let page = WebInput { bytes: &body.bytes, format, charset: charset.as_deref(), base_url: Some(&body.url) };
            ingest::ingest_web(store, extractor, url, &page, options, ingest, &mut progress)?
        }
        None => ingest::ingest_bytes(store, extractor, url, &body.bytes, options, ingest, &mut progress)?,
    };
    store.set_validators(url, &body.validators)?;
    Ok(Fetch::Ingested(report))
}

/// One poll of one source.
#[derive(Debug)]
pub struct Poll {
    pub url: String,
    pub outcome: Result<Fetch, SourceError>,
    /// After a failure: how long the source waits before its next poll.
    pub retry_in: Option<Duration>,
}

/// Exponential backoff, capped, with jitter: the n-th failure in a row waits
/// `base·2^(n-1)` (at most `cap`), less up to a quarter at random, so that sources
/// failing together do not retry in lockstep.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
}

impl Backoff {
    /// The wait after `failures` failures in a row (1 for the first), `seed` varying it.
    pub fn delay(&self, failures: u32, seed: u64) -> Duration {
        let exp = failures.saturating_sub(1).min(20);
        let full = self.base.saturating_mul(1u32 << exp).min(self.cap);
        let jitter = (xxhash_rust::xxh3::xxh3_64(&seed.to_le_bytes()) % 1000) as f64 / 4000.0;
        full.mul_f64(1.0 - jitter)
    }
}

/// A source being followed.
#[derive(Debug, Clone)]
struct Source {
    url: String,
    failures: u32,
    next: Instant,
}

/// Polls sources into a store until told to stop.
pub struct Follower<'a> {
    store: &'a Store,
    ontology: &'a Ontology,
    fetcher: Fetcher,
    options: ReadOptions,
    ingest: IngestOptions,
    sources: Vec<Source>,
    /// The time between polls of a source that works.
    pub every: Duration,
    pub backoff: Backoff,
    polls: u64,
}

impl<'a> Follower<'a> {
    /// Follows `urls` into `store`, every `every`.
    pub fn new(
        store: &'a Store,
        ontology: &'a Ontology,
        fetcher: Fetcher,
        urls: &[String],
        every: Duration,
        options: ReadOptions,
    ) -> Follower<'a> {
        let now = Instant::now();
        let sources = urls.iter().map(|u| Source { url: u.clone(), failures: 0, next: now }).collect();
        // Failures back off from a tenth of the interval (at least a second) to ten intervals.
        let base = (every / 10).max(Duration::from_secs(1));
        let backoff = Backoff { base, cap: every.saturating_mul(10).max(base) };
        Follower {
            store,
            ontology,
            fetcher,
            options,
            ingest: IngestOptions::default(),
            sources,
            every,
            backoff,
            polls: 0,
        }
    }

    /// Polls every source once, in order, calling `report` after each.
    pub fn poll_all(&mut self, report: &mut dyn FnMut(&Poll)) {
        for i in 0..self.sources.len() {
            let poll = self.poll(i);
            report(&poll);
        }
    }

    /// Polls the sources whose time has come until `stop` is set, then returns (between
    /// polls: an ingest under way is finished first, so the store holds whole entries).
    pub fn run(&mut self, stop: &AtomicBool, report: &mut dyn FnMut(&Poll)) {
        while !stop.load(Ordering::SeqCst) {
            let now = Instant::now();
            let due = (0..self.sources.len()).find(|&i| self.sources[i].next <= now);
            match due {
                Some(i) => {
                    let poll = self.poll(i);
                    report(&poll);
                }
                None => {
                    let next = self.sources.iter().map(|s| s.next).min().unwrap_or(now + self.every);
                    // Short naps, so that Ctrl-C is seen within a fraction of a second.
                    let nap = next.saturating_duration_since(now).min(Duration::from_millis(200));
                    std::thread::sleep(nap);
                }
            }
        }
    }

    fn poll(&mut self, i: usize) -> Poll {
        self.polls += 1;
        let url = self.sources[i].url.clone();
        // A fresh extractor each poll, as each `kg ingest` has: what it carries from one
        // document to the next would otherwise grow with every poll.
        let mut extractor = ClaimExtractor::new(self.ontology);
        let outcome = self.store.actors().map_err(SourceError::from).and_then(|actors| {
            extractor.learn(&actors);
            ingest_url(self.store, &mut extractor, &self.fetcher, &url, &self.options, self.ingest)
        });
        let source = &mut self.sources[i];
        let retry_in = match &outcome {
            Ok(_) => {
                source.failures = 0;
                source.next = Instant::now() + self.every;
                None
            }
            Err(_) => {
                source.failures += 1;
                let seed = self.polls ^ xxhash_rust::xxh3::xxh3_64(url.as_bytes());
                let wait = self.backoff.delay(source.failures, seed);
                source.next = Instant::now() + wait;
                Some(wait)
            }
        };
        Poll { url, outcome, retry_in }
    }
}

/// Reads an interval: "90" or "90s" (seconds), "2m", "1h", "500ms".
pub fn parse_interval(s: &str) -> Option<Duration> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: f64 = n.parse().ok()?;
    let secs = match unit.trim() {
        "" | "s" | "sec" | "secs" => n,
        "ms" => n / 1000.0,
        "m" | "min" | "mins" => n * 60.0,
        "h" | "hr" | "hours" => n * 3600.0,
        _ => return None,
    };
    (secs.is_finite() && secs > 0.0 && secs < 1e9).then(|| Duration::from_secs_f64(secs))
}

/// The URLs of a sources file: one a line; blank lines and `#` comments skipped.
pub fn read_sources(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split(" #").next().unwrap_or(l).trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        assert_eq!(parse_interval("2m"), Some(Duration::from_secs(120)));
        assert_eq!(parse_interval("90"), Some(Duration::from_secs(90)));
        assert_eq!(parse_interval("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_interval("1h"), Some(Duration::from_secs(3600)));
        assert_eq!(parse_interval("0"), None);
        assert_eq!(parse_interval("soon"), None);
        assert_eq!(parse_interval("5 parsecs"), None);
    }

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        let b = Backoff { base: Duration::from_secs(2), cap: Duration::from_secs(60) };
        let d: Vec<Duration> = (1..=8).map(|n| b.delay(n, 7)).collect();
        for (n, d) in d.iter().enumerate() {
            let full = Duration::from_secs(2 << n).min(Duration::from_secs(60));
            assert!(*d <= full && *d >= full.mul_f64(0.75), "{n}: {d:?}");
        }
        assert!(d[7] <= Duration::from_secs(60));
        assert_ne!(b.delay(3, 1), b.delay(3, 2), "the seed varies the wait");
    }

    #[test]
    fn sources_file() {
        let text = "# live blogs\nhttps://a.example/live\n\n  https://b.example/feed.xml  # the wire\n";
        assert_eq!(read_sources(text), ["https://a.example/live", "https://b.example/feed.xml"]);
    }
}
