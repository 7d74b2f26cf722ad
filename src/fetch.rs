//! URLs → bytes: one HTTP(S) GET with `ureq` (blocking, rustls: no OpenSSL), before
//! the pipeline reads them.
//!
//! Every request says who it is (`kg/<version>`), gives up after a timeout, follows at
//! most a few redirects, accepts gzip, stops reading a body past a size limit, and sends
//! back the validators of the last stored response (`If-None-Match`,
//! `If-Modified-Since`) so that an unchanged page costs one `304 Not Modified`. It does
//! not read what it fetched: that is [`crate::entry::web`]'s work.

use std::time::Duration;

use ureq::ResponseExt;

use crate::entry::html::MAX_PAGE_BYTES;
use crate::store::Validators;

/// How requests are made.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The most a request may take, body included.
    pub timeout: Duration,
    /// The largest body read, in bytes (after decompression).
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions { timeout: Duration::from_secs(30), max_bytes: MAX_PAGE_BYTES as u64, max_redirects: 5 }
    }
}

/// The `User-Agent` kg sends.
pub const USER_AGENT: &str =
    concat!("kg/", env!("CARGO_PKG_VERSION"), " (news knowledge graph; +https://w3id.org/kg-news)");

/// A fetch that failed, naming the URL.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: HTTP status {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: no answer within {secs} s")]
    Timeout { url: String, secs: u64 },
    #[error("{url}: more than {max} redirects")]
    Redirects { url: String, max: u32 },
    #[error("{url}: body over the {limit}-byte limit")]
    TooLarge { url: String, limit: u64 },
    #[error("invalid URL '{url}': {message}")]
    BadUrl { url: String, message: String },
    #[error("{url}: {message}")]
    Network { url: String, message: String },
}

impl FetchError {
    /// Whether trying again later may work: timeouts, network faults, server errors
    /// (5xx), `408` and `429`. A `404` or an invalid URL will not mend by waiting, but
    /// `kg follow` keeps polling those too (slowly): pages come back.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status >= 500 || matches!(status, 408 | 425 | 429),
            FetchError::Timeout { .. } | FetchError::Network { .. } => true,
            FetchError::Redirects { .. } | FetchError::TooLarge { .. } | FetchError::BadUrl { .. } => false,
        }
    }
}

/// What a fetch brought.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// `304 Not Modified`: the stored version is current.
    NotModified,
    /// A body, whole.
    Body(Body),
}

/// A response body and what the server said about it.
#[derive(Debug, Clone)]
pub struct Body {
    /// The URL it came from, after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The validators to send back next time.
    pub validators: Validators,
}

/// Makes requests; one agent reuses connections across polls.
pub struct Fetcher {
    agent: ureq::Agent,
    options: FetchOptions,
}

impl Fetcher {
    /// A fetcher with `options`.
    pub fn new(options: FetchOptions) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .build();
        Fetcher { agent: config.into(), options }
    }

    /// GETs `url`, conditionally on `validators` when there are any.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(FetchError::BadUrl { url: url.to_string(), message: "not an http or https URL".to_string() });
        }
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let response = request.call().map_err(|e| self.error(url, e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status { url: url.to_string(), status });
        }
        let header =
            |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(|v| v.trim().to_string());
        let content_type = header("content-type");
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let final_url = response.get_uri().to_string();
        let mut body = response.into_body();
        let bytes = body.with_config().limit(self.options.max_bytes).read_to_vec().map_err(|e| self.error(url, e))?;
        Ok(Fetched::Body(Body { url: final_url, bytes, content_type, validators }))
    }

    fn error(&self, url: &str, e: ureq::Error) -> FetchError {
        let url = url.to_string();
        match e {
            ureq::Error::StatusCode(status) => FetchError::Status { url, status },
            ureq::Error::Timeout(_) => FetchError::Timeout { url, secs: self.options.timeout.as_secs() },
            ureq::Error::TooManyRedirects => FetchError::Redirects { url, max: self.options.max_redirects },
            ureq::Error::BodyExceedsLimit(limit) => FetchError::TooLarge { url, limit },
            ureq::Error::BadUri(message) => FetchError::BadUrl { url, message },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout { url, secs: self.options.timeout.as_secs() }
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
                FetchError::Network { url, message: "the connection closed before the body ended".to_string() }
            }
            other => FetchError::Network { url, message: other.to_string() },
        }
    }
}
