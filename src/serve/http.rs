//! HTTP/1.1 on a `TcpStream`, bounded: one request per connection, read with limits on
//! every part (request line and headers, body), answered, then the connection closes.
//!
//! It reads only what `kg serve` needs: a request line, headers, a body of
//! `Content-Length` bytes. Chunked bodies, `Expect: 100-continue` handshakes and
//! keep-alive are not spoken (answers say `Connection: close`), which keeps every
//! read bounded by a size and every connection by a deadline.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Most bytes of a request line and headers together. Long GET queries belong in a
/// POST body; this also bounds what one slow client can make the server hold.
pub const MAX_HEAD: usize = 64 * 1024;

/// Most bytes drained from a client after an error answer, so that it reads the answer
/// instead of a reset connection (a client still sending when the socket closes
/// gets a TCP reset, which can discard the answer).
const MAX_DRAIN: usize = 16 * 1024 * 1024;

/// A parsed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `POST` … as sent (methods are case-sensitive).
    pub method: String,
    /// The path, percent-decoded.
    pub path: String,
    /// The raw query string (after `?`), still percent-encoded; empty when none.
    pub query: String,
    /// Header names lower-cased, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body (`Content-Length` bytes).
    pub body: Vec<u8>,
}

impl Request {
    /// The value of the first header named `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The media type of the body, lower case, without parameters.
    pub fn content_type(&self) -> Option<String> {
        self.header("content-type").map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
    }
}

/// An answer, written whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body.
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response { status, content_type, headers: Vec::new(), body: body.into() }
    }

    /// A plain-text error: one line, the reason.
    pub fn error(status: u16, reason: impl std::fmt::Display) -> Response {
        Response::new(status, "text/plain; charset=utf-8", format!("{reason}\n"))
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    /// Writes the response; for `HEAD` requests without its body.
    pub fn write_to(&self, out: &mut dyn Write, head_only: bool) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
             X-Content-Type-Options: nosniff\r\n",
            self.status,
            reason_phrase(self.status),
            self.content_type,
            self.body.len()
        );
        for (name, value) in &self.headers {
            // Header values are built by the server; a line break would split them.
            let value: String = value.chars().filter(|c| *c != '\r' && *c != '\n').collect();
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

/// Why a request could not be read: the status to answer with and a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub reason: String,
}

impl Refusal {
    fn new(status: u16, reason: impl Into<String>) -> Refusal {
        Refusal { status, reason: reason.into() }
    }
}

/// Reads one request from `stream`, within `max_body` bytes of body and before
/// `deadline`. `Ok(None)` when the client closed the connection without sending
/// anything (a port probe).
pub fn read_request(stream: &mut TcpStream, max_body: usize, deadline: Instant) -> Result<Option<Request>, Refusal> {
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i;
        }
        if buf.len() > MAX_HEAD {
            return Err(if find(&buf, b"\r\n").is_none() {
                Refusal::new(
                    414,
                    format!("request line longer than {} KiB: send long queries by POST", MAX_HEAD / 1024),
                )
            } else {
                Refusal::new(431, format!("request headers longer than {} KiB", MAX_HEAD / 1024))
            });
        }
        match read_before(stream, &mut chunk, deadline)? {
            0 if buf.is_empty() => return Ok(None),
            0 => return Err(Refusal::new(400, "the request ended before its headers did")),
            n => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = std::str::from_utf8(&buf[..head_end]).map_err(|_| Refusal::new(400, "request head is not UTF-8"))?;
    let mut request = parse_head(head)?;
    if request.header("transfer-encoding").is_some() {
        return Err(Refusal::new(411, "chunked request bodies are not accepted: send Content-Length"));
    }
    let length = match request.header("content-length") {
        None => 0,
        Some(v) => v.trim().parse::<usize>().map_err(|_| Refusal::new(400, format!("invalid Content-Length '{v}'")))?,
    };
    if length > max_body {
        return Err(Refusal::new(
            413,
            format!("request body of {length} bytes is larger than the limit of {max_body} bytes"),
        ));
    }
    let mut body = buf[head_end + 4..].to_vec();
    body.truncate(length);
    while body.len() < length {
        let want = (length - body.len()).min(chunk.len());
        match read_before(stream, &mut chunk[..want], deadline)? {
            0 => return Err(Refusal::new(400, "the request body is shorter than its Content-Length")),
            n => body.extend_from_slice(&chunk[..n]),
        }
    }
    request.body = body;
    Ok(Some(request))
}

/// One read, failing with 408 once `deadline` has passed.
fn read_before(stream: &mut TcpStream, buf: &mut [u8], deadline: Instant) -> Result<usize, Refusal> {
    let timeout = || Refusal::new(408, "the request took too long to arrive");
    let left = deadline.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()).ok_or_else(timeout)?;
    stream.set_read_timeout(Some(left)).map_err(|e| Refusal::new(400, e.to_string()))?;
    loop {
        match stream.read(buf) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => return Err(timeout()),
            Err(e) => return Err(Refusal::new(400, format!("cannot read the request: {e}"))),
        }
    }
}

/// The request line and headers (without the blank line ending them).
pub fn parse_head(head: &str) -> Result<Request, Refusal> {
    let mut lines = head.split("\r\n");
    let line = lines.next().unwrap_or("");
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::new(400, "malformed request line"));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Refusal::new(400, "malformed request method"));
    }
    if !version.starts_with("HTTP/") {
        return Err(Refusal::new(400, "malformed request line"));
    }
    if !version.starts_with("HTTP/1.") {
        return Err(Refusal::new(505, format!("unsupported protocol '{version}': speak HTTP/1.1")));
    }
    // Absolute-form targets ("http://host/path") are for proxies; origin-form only.
    if !target.starts_with('/') {
        return Err(Refusal::new(400, "the request target must be a path starting with '/'"));
    }
    let (raw_path, query) = target.split_once('?').unwrap_or((target, ""));
    let path = percent_decode(raw_path, false).map_err(|e| Refusal::new(400, format!("{e} in the path")))?;
    let mut headers = Vec::new();
    for l in lines {
        let Some((name, value)) = l.split_once(':') else {
            return Err(Refusal::new(400, "malformed header line"));
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(Refusal::new(400, "malformed header name"));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    Ok(Request { method: method.to_string(), path, query: query.to_string(), headers, body: Vec::new() })
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`, as in forms).
/// Errors on a `%` not followed by two hex digits, or bytes that are not UTF-8.
pub fn percent_decode(s: &str, plus_is_space: bool) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) else {
                    return Err(format!("malformed percent-encoding at byte {i}"));
                };
                out.push(v);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| "percent-encoded bytes that are not UTF-8".to_string())
}

/// `a=1&b=2` (a query string or a form body) → decoded pairs, in order.
pub fn parse_form(s: &str) -> Result<Vec<(String, String)>, String> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Ok((percent_decode(k, true)?, percent_decode(v, true)?))
        })
        .collect()
}

/// After an error answer: stop writing, then read (and drop) what the client still
/// sends, up to [`MAX_DRAIN`] bytes or a second, so that it gets to read the answer.
pub fn drain(stream: &mut TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut chunk = [0u8; 65536];
    let mut drained = 0;
    while drained < MAX_DRAIN {
        match read_before(stream, &mut chunk, deadline) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The reason phrase of the statuses kg serve answers with.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// Compares two secrets in time that depends on their lengths only, not on where they
/// first differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_is_strict() {
        let cases = [
            ("a%20b", false, Ok("a b")),
            ("a+b", true, Ok("a b")),
            ("a+b", false, Ok("a+b")),
            ("%C3%A9", false, Ok("é")),
            ("%zz", false, Err(())),
            ("%2", false, Err(())),
            ("%", false, Err(())),
            ("%FF", false, Err(())),
        ];
        for (input, plus, want) in cases {
            let got = percent_decode(input, plus);
            match want {
                Ok(w) => assert_eq!(got.as_deref(), Ok(w), "{input}"),
                Err(()) => assert!(got.is_err(), "{input} should fail, got {got:?}"),
            }
        }
    }

    #[test]
    fn forms_decode_in_order() {
        assert_eq!(
            parse_form("query=SELECT+*&x=%3F&flag").unwrap(),
            vec![("query".into(), "SELECT *".into()), ("x".into(), "?".into()), ("flag".into(), String::new())]
        );
        assert!(parse_form("q=%G0").is_err());
    }

    #[test]
    fn heads_parse_and_malformed_ones_are_refused() {
        let r = parse_head("GET /api/who-rejects?position=NATO HTTP/1.1\r\nHost: x\r\nAccept: text/csv").unwrap();
        assert_eq!(
            (r.method.as_str(), r.path.as_str(), r.query.as_str()),
            ("GET", "/api/who-rejects", "position=NATO")
        );
        assert_eq!(r.header("accept"), Some("text/csv"));
        assert_eq!(parse_head("GET /%2e%2e/x HTTP/1.1").unwrap().path, "/../x");
        for (head, status) in [
            ("GET /a", 400),
            ("GET /a HTTP/2", 505),
            ("get /a HTTP/1.1", 400),
            ("GET http://x/a HTTP/1.1", 400),
            ("GET /%zz HTTP/1.1", 400),
            ("GET / HTTP/1.1\r\nno colon", 400),
        ] {
            assert_eq!(parse_head(head).unwrap_err().status, status, "{head:?}");
        }
    }

    #[test]
    fn secrets_compare() {
        assert!(constant_time_eq(b"token", b"token"));
        assert!(!constant_time_eq(b"token", b"tokem"));
        assert!(!constant_time_eq(b"token", b"token2"));
    }

    #[test]
    fn responses_cannot_split_headers() {
        let mut out = Vec::new();
        Response::error(400, "bad").with_header("X-A", "1\r\nSet-Cookie: x").write_to(&mut out, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{text}");
        assert!(text.contains("X-A: 1Set-Cookie: x\r\n"), "{text}");
        assert!(text.ends_with("\r\n\r\nbad\n"), "{text}");
    }
}
