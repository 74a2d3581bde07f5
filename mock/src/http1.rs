//! HTTP/1.1 on a TCP stream: request heads parsed by `httparse`, bodies read whole (by
//! `Content-Length` or chunked) up to [`MAX_BODY_LEN`], and responses written with their header
//! names exactly as given. Keep-alive as RFC 9112 has it; a connection whose request could not
//! be read whole is answered with `Connection: close` and closed.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The most body bytes read of one request (1 MiB, Lex V2's JSON limit and more than Aily's
/// 16 KiB): past it, the API's 413, and the connection is closed.
pub const MAX_BODY_LEN: usize = 1 << 20;

/// The most bytes of a request head (request line and headers): past it, 431.
pub const MAX_HEAD_LEN: usize = 64 * 1024;

/// The most header fields of a request: past it, 431.
pub const MAX_HEADERS: usize = 128;

/// How long a request may take to arrive (its head, then its body), and how long an idle
/// keep-alive connection is kept.
pub const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a connection closed after an unread body is drained before it is dropped, so that
/// the client reads the answer instead of a reset.
const LINGER: Duration = Duration::from_secs(2);

/// A request as read off the wire.
pub struct Request {
    /// The method, as sent.
    pub method: String,
    /// The request target, as sent (no normalisation).
    pub target: String,
    /// Every header field, in order, names as sent.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body, whole.
    pub body: Vec<u8>,
    /// Whether the connection stays open after the answer.
    pub keep_alive: bool,
    /// `HTTP/1.0` rather than `HTTP/1.1`.
    pub http10: bool,
}

impl Request {
    /// The headers as the crate reads them: name and value pairs.
    pub fn header_pairs(&self) -> Vec<(&str, &[u8])> {
        self.headers
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_slice()))
            .collect()
    }

    /// The path, without the query.
    pub fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(path, _)| path)
    }
}

/// A response to write: status, headers in order (names as the services spell them), body.
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header fields, names as they go out.
    pub headers: Vec<(&'static str, String)>,
    /// The body (not sent for `HEAD`; its length still is).
    pub body: Vec<u8>,
}

/// Why no request could be read whole.
pub enum ReadError {
    /// The peer closed (or went idle past [`READ_TIMEOUT`]) between requests: nothing to answer.
    Closed,
    /// The I/O failed: nothing to answer.
    Io(io::Error),
    /// The head could not be parsed: a plain 400, and close.
    Malformed(&'static str),
    /// The head is longer than [`MAX_HEAD_LEN`] or has more than [`MAX_HEADERS`] fields.
    HeadTooLarge,
    /// The head was read but the body cannot be: the framing headers are wrong (400), or the
    /// body is longer than [`MAX_BODY_LEN`] (413). Answered in the API's format, then close.
    Body {
        /// The request as far as it was read (its body empty).
        request: Request,
        /// What is wrong.
        problem: BodyProblem,
    },
}

/// What is wrong with a request's body framing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyProblem {
    /// `Content-Length` is not a number, or given twice with different values.
    ContentLength,
    /// `Transfer-Encoding` is not `chunked`, or is sent with `Content-Length`.
    TransferEncoding,
    /// The chunked body's framing is broken.
    Chunked,
    /// The body (its declared length, or what arrived of it) is longer than [`MAX_BODY_LEN`].
    TooLarge(usize),
    /// The connection ended, or stalled past [`READ_TIMEOUT`], before the body was whole.
    Truncated,
}

/// One HTTP/1 connection: its stream and the bytes read past the last request.
pub struct Connection {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Connection {
    /// A connection over `stream`.
    pub fn new(stream: TcpStream) -> Self {
        // Answers are written whole: no reason to wait for more before sending.
        let _ = stream.set_nodelay(true);
        Connection {
            stream,
            buf: Vec::with_capacity(4096),
        }
    }

    /// Whether bytes of a next request are already here (pipelined).
    pub fn has_buffered(&self) -> bool {
        !self.buf.is_empty()
    }

    /// Waits until the stream is readable (or closed), without reading.
    pub async fn readable(&self) -> io::Result<()> {
        self.stream.readable().await
    }

    /// Reads the next request, whole.
    pub async fn read_request(&mut self) -> Result<Request, ReadError> {
        let (mut request, head_len, framing) =
            match tokio::time::timeout(READ_TIMEOUT, self.read_head()).await {
                Ok(head) => head?,
                Err(_) if self.buf.is_empty() => return Err(ReadError::Closed),
                Err(_) => {
                    return Err(ReadError::Malformed(
                        "the request head did not arrive in time",
                    ))
                }
            };
        self.buf.drain(..head_len);
        let framing = match framing {
            Ok(framing) => framing,
            Err(problem) => return Err(ReadError::Body { request, problem }),
        };
        if let Framing::Length(len) = framing {
            if len > MAX_BODY_LEN {
                return Err(ReadError::Body {
                    request,
                    problem: BodyProblem::TooLarge(len),
                });
            }
        }
        if framing != Framing::Length(0) && expects_continue(&request) {
            self.stream
                .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                .await
                .map_err(ReadError::Io)?;
        }
        let body = tokio::time::timeout(READ_TIMEOUT, self.read_body(framing)).await;
        match body {
            Ok(Ok(body)) => {
                request.body = body;
                Ok(request)
            }
            Ok(Err(problem)) => Err(ReadError::Body { request, problem }),
            Err(_) => Err(ReadError::Body {
                request,
                problem: BodyProblem::Truncated,
            }),
        }
    }

    /// Reads until a whole head is buffered, and parses it.
    async fn read_head(
        &mut self,
    ) -> Result<(Request, usize, Result<Framing, BodyProblem>), ReadError> {
        loop {
            if !self.buf.is_empty() {
                let mut fields = [httparse::EMPTY_HEADER; MAX_HEADERS];
                let mut parsed = httparse::Request::new(&mut fields);
                match parsed.parse(&self.buf) {
                    Ok(httparse::Status::Complete(len)) => {
                        let request = owned(&parsed);
                        let framing = framing(&request);
                        return Ok((request, len, framing));
                    }
                    Ok(httparse::Status::Partial) => {}
                    Err(httparse::Error::TooManyHeaders) => return Err(ReadError::HeadTooLarge),
                    Err(e) => return Err(ReadError::Malformed(malformed(e))),
                }
                if self.buf.len() >= MAX_HEAD_LEN {
                    return Err(ReadError::HeadTooLarge);
                }
            }
            if self.fill().await.map_err(ReadError::Io)? == 0 {
                return Err(if self.buf.is_empty() {
                    ReadError::Closed
                } else {
                    ReadError::Malformed("the connection closed inside the request head")
                });
            }
        }
    }

    /// Reads more bytes into the buffer: how many (0 at the end of the stream).
    async fn fill(&mut self) -> io::Result<usize> {
        self.buf.reserve(4096);
        self.stream.read_buf(&mut self.buf).await
    }

    /// Reads a body framed as `framing`, whole, taking it out of the buffer.
    async fn read_body(&mut self, framing: Framing) -> Result<Vec<u8>, BodyProblem> {
        match framing {
            // No body: nothing to take out, and the buffer keeps its capacity (taking an empty
            // body with `split_off` would allocate a new buffer for every such request).
            Framing::Length(0) => Ok(Vec::new()),
            Framing::Length(len) => {
                while self.buf.len() < len {
                    if self.fill().await.map_err(|_| BodyProblem::Truncated)? == 0 {
                        return Err(BodyProblem::Truncated);
                    }
                }
                let rest = self.buf.split_off(len);
                Ok(std::mem::replace(&mut self.buf, rest))
            }
            Framing::Chunked => self.read_chunked().await,
        }
    }

    /// A chunked body: chunks until the last (size 0), then trailers (read and dropped) until
    /// the empty line.
    async fn read_chunked(&mut self) -> Result<Vec<u8>, BodyProblem> {
        let mut body = Vec::new();
        loop {
            let line = self.line().await?;
            let size = chunk_size(&line).ok_or(BodyProblem::Chunked)?;
            if size == 0 {
                break;
            }
            if body.len().saturating_add(size) > MAX_BODY_LEN {
                return Err(BodyProblem::TooLarge(body.len().saturating_add(size)));
            }
            while self.buf.len() < size + 2 {
                if self.fill().await.map_err(|_| BodyProblem::Truncated)? == 0 {
                    return Err(BodyProblem::Truncated);
                }
            }
            if &self.buf[size..size + 2] != b"\r\n" {
                return Err(BodyProblem::Chunked);
            }
            body.extend_from_slice(&self.buf[..size]);
            self.buf.drain(..size + 2);
        }
        // Trailer fields, if any, up to the empty line; at most a head's worth of them.
        let mut trailers = 0;
        loop {
            let line = self.line().await?;
            if line.is_empty() {
                return Ok(body);
            }
            trailers += line.len() + 2;
            if trailers > MAX_HEAD_LEN {
                return Err(BodyProblem::Chunked);
            }
        }
    }

    /// The next CRLF-terminated line of a chunked body, without its CRLF, at most 4 KiB.
    async fn line(&mut self) -> Result<Vec<u8>, BodyProblem> {
        loop {
            if let Some(end) = self.buf.windows(2).position(|w| w == b"\r\n") {
                let line = self.buf[..end].to_vec();
                self.buf.drain(..end + 2);
                return Ok(line);
            }
            if self.buf.len() > 4096 {
                return Err(BodyProblem::Chunked);
            }
            if self.fill().await.map_err(|_| BodyProblem::Truncated)? == 0 {
                return Err(BodyProblem::Truncated);
            }
        }
    }

    /// Writes `response` to a request with `method`: its status line, headers as given,
    /// `Content-Length`, `Date`, `Connection` when it closes (or keeps an HTTP/1.0 connection),
    /// and the body unless the method is `HEAD`.
    pub async fn write(
        &mut self,
        method: &str,
        response: &Response,
        keep_alive: bool,
        http10: bool,
    ) -> io::Result<()> {
        let mut head = String::with_capacity(256);
        let _ = write!(
            head,
            "HTTP/1.1 {} {}\r\n",
            response.status,
            reason(response.status)
        );
        for (name, value) in &response.headers {
            let _ = write!(head, "{name}: {value}\r\n");
        }
        let _ = write!(head, "Content-Length: {}\r\nDate: ", response.body.len());
        push_date(&mut head);
        head.push_str("\r\n");
        if !keep_alive {
            head.push_str("Connection: close\r\n");
        } else if http10 {
            head.push_str("Connection: keep-alive\r\n");
        }
        head.push_str("\r\n");
        let mut out = head.into_bytes();
        if method != "HEAD" {
            out.extend_from_slice(&response.body);
        }
        self.stream.write_all(&out).await
    }

    /// Ends the connection after an answer sent with `Connection: close` to a request whose
    /// body was not read: stops writing, then drains what the client still sends for a moment,
    /// so that closing does not reset the connection under the answer.
    pub async fn linger(mut self) {
        let _ = self.stream.shutdown().await;
        let mut sink = vec![0u8; 16 * 1024];
        let drain = async {
            while let Ok(n) = self.stream.read(&mut sink).await {
                if n == 0 {
                    break;
                }
            }
        };
        let _ = tokio::time::timeout(LINGER, drain).await;
    }
}

/// How a request's body is delimited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Framing {
    Length(usize),
    Chunked,
}

/// The parsed head as owned values.
fn owned(parsed: &httparse::Request<'_, '_>) -> Request {
    let headers: Vec<(String, Vec<u8>)> = parsed
        .headers
        .iter()
        .map(|h| (h.name.to_owned(), h.value.to_vec()))
        .collect();
    let http10 = parsed.version == Some(0);
    let connection = |token: &str| {
        headers.iter().any(|(name, value)| {
            name.eq_ignore_ascii_case("connection")
                && value
                    .split(|&b| b == b',')
                    .any(|t| t.trim_ascii().eq_ignore_ascii_case(token.as_bytes()))
        })
    };
    let keep_alive = if http10 {
        connection("keep-alive")
    } else {
        !connection("close")
    };
    Request {
        method: parsed.method.unwrap_or_default().to_owned(),
        target: parsed.path.unwrap_or_default().to_owned(),
        headers,
        body: Vec::new(),
        keep_alive,
        http10,
    }
}

/// The body's framing, from `Transfer-Encoding` and `Content-Length` (RFC 9112 §6.3): chunked
/// as the final coding, else one length; both at once, another coding, or lengths that differ
/// are refused.
fn framing(request: &Request) -> Result<Framing, BodyProblem> {
    let mut length: Option<usize> = None;
    let mut chunked = false;
    for (name, value) in &request.headers {
        if name.eq_ignore_ascii_case("transfer-encoding") {
            let last = value.rsplit(|&b| b == b',').next().unwrap_or_default();
            if chunked || !last.trim_ascii().eq_ignore_ascii_case(b"chunked") {
                return Err(BodyProblem::TransferEncoding);
            }
            chunked = true;
        } else if name.eq_ignore_ascii_case("content-length") {
            for part in value.split(|&b| b == b',') {
                let part = part.trim_ascii();
                if part.is_empty() || part.len() > 19 || !part.iter().all(u8::is_ascii_digit) {
                    return Err(BodyProblem::ContentLength);
                }
                let n = part.iter().fold(0usize, |n, &d| {
                    n.saturating_mul(10).saturating_add(usize::from(d - b'0'))
                });
                if length.is_some_and(|l| l != n) {
                    return Err(BodyProblem::ContentLength);
                }
                length = Some(n);
            }
        }
    }
    match (chunked, length) {
        (true, Some(_)) => Err(BodyProblem::TransferEncoding),
        (true, None) => Ok(Framing::Chunked),
        (false, length) => Ok(Framing::Length(length.unwrap_or(0))),
    }
}

/// Whether the client waits for `100 Continue` before sending the body.
fn expects_continue(request: &Request) -> bool {
    !request.http10
        && request.headers.iter().any(|(name, value)| {
            name.eq_ignore_ascii_case("expect") && value.eq_ignore_ascii_case(b"100-continue")
        })
}

/// A chunk-size line's size (hex digits, then any extensions after `;`); `None` if it is not
/// one, or is more than 8 hex digits.
fn chunk_size(line: &[u8]) -> Option<usize> {
    let digits = line.split(|&b| b == b';').next()?.trim_ascii();
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    digits.iter().try_fold(0usize, |n, &d| {
        let d = char::from(d).to_digit(16)?;
        Some(n * 16 + d as usize)
    })
}

/// What a parse error says, for the plain 400.
fn malformed(error: httparse::Error) -> &'static str {
    match error {
        httparse::Error::HeaderName => "invalid header name",
        httparse::Error::HeaderValue => "invalid header value",
        httparse::Error::NewLine | httparse::Error::Status => "invalid line ending",
        httparse::Error::Token => "invalid method or request target",
        httparse::Error::Version => "not HTTP/1.0 or HTTP/1.1",
        _ => "malformed request head",
    }
}

/// The reason phrase of a status the mock sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        424 => "Failed Dependency",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

thread_local! {
    /// The second the last `Date` on this thread was formatted for, and its text.
    static DATE: RefCell<(u64, String)> = const { RefCell::new((u64::MAX, String::new())) };
}

/// Appends the current time as an HTTP date, formatted at most once a second on each thread.
fn push_date(head: &mut String) {
    let now = SystemTime::now();
    let second = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    DATE.with_borrow_mut(|(formatted_for, date)| {
        if *formatted_for != second {
            *formatted_for = second;
            *date = http_date(now);
        }
        head.push_str(date);
    });
}

/// `time` as an HTTP date (RFC 9110 §5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn http_date(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = secs / 86_400;
    let (h, m, s) = (secs % 86_400 / 3600, secs % 3600 / 60, secs % 60);
    // 1970-01-01 was a Thursday.
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    let (year, month, day) = crate::sigv4::civil_from_days(days as i64);
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(month - 1) as usize];
    format!("{weekday}, {day:02} {month} {year} {h:02}:{m:02}:{s:02} GMT")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_are_rfc_9110() {
        assert_eq!(http_date(UNIX_EPOCH), "Thu, 01 Jan 1970 00:00:00 GMT");
        let rfc_example = UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(http_date(rfc_example), "Sun, 06 Nov 1994 08:49:37 GMT");
        let leap_day = UNIX_EPOCH + Duration::from_secs(1_709_210_096);
        assert_eq!(http_date(leap_day), "Thu, 29 Feb 2024 12:34:56 GMT");
        // Era and century edges (the references are Python's `email.utils.formatdate`).
        for (secs, date) in [
            (951782400, "Tue, 29 Feb 2000 00:00:00 GMT"),
            (951955199, "Wed, 01 Mar 2000 23:59:59 GMT"),
            (946684799, "Fri, 31 Dec 1999 23:59:59 GMT"),
            (4107499200, "Sun, 28 Feb 2100 12:00:00 GMT"),
            (4107542400, "Mon, 01 Mar 2100 00:00:00 GMT"),
            (13574585228, "Tue, 29 Feb 2400 06:07:08 GMT"),
            (2147483648, "Tue, 19 Jan 2038 03:14:08 GMT"),
        ] {
            assert_eq!(
                http_date(UNIX_EPOCH + Duration::from_secs(secs)),
                date,
                "{secs}"
            );
        }
    }

    fn request(headers: &[(&str, &str)]) -> Request {
        Request {
            method: "POST".into(),
            target: "/".into(),
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), v.as_bytes().to_vec()))
                .collect(),
            body: Vec::new(),
            keep_alive: true,
            http10: false,
        }
    }

    #[test]
    fn framing_follows_rfc_9112() {
        let framing_of = |headers: &[(&str, &str)]| framing(&request(headers));
        assert_eq!(framing_of(&[]), Ok(Framing::Length(0)));
        assert_eq!(
            framing_of(&[("content-length", "12")]),
            Ok(Framing::Length(12))
        );
        assert_eq!(
            framing_of(&[("Content-Length", "3, 3")]),
            Ok(Framing::Length(3))
        );
        let nineteen = "9".repeat(19);
        assert_eq!(
            framing_of(&[("Content-Length", &nineteen)]),
            Ok(Framing::Length(
                usize::try_from(9_999_999_999_999_999_999_u64).unwrap_or(usize::MAX)
            ))
        );
        assert_eq!(
            framing_of(&[("Transfer-Encoding", "gzip, chunked")]),
            Ok(Framing::Chunked)
        );
        for bad in ["", " ", "1a", "-1", "+1", &"9".repeat(20), "3, 4"] {
            assert_eq!(
                framing_of(&[("Content-Length", bad)]),
                Err(BodyProblem::ContentLength),
                "{bad:?}"
            );
        }
        assert_eq!(
            framing_of(&[("Content-Length", "3"), ("content-length", "4")]),
            Err(BodyProblem::ContentLength)
        );
        for bad in [
            &[("Transfer-Encoding", "gzip")][..],
            &[("Transfer-Encoding", "chunked, gzip")],
            &[
                ("Transfer-Encoding", "chunked"),
                ("Transfer-Encoding", "chunked"),
            ],
            &[("Transfer-Encoding", "chunked"), ("Content-Length", "3")],
        ] {
            assert_eq!(
                framing_of(bad),
                Err(BodyProblem::TransferEncoding),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn only_expect_100_continue_asks_for_it() {
        assert!(expects_continue(&request(&[("Expect", "100-Continue")])));
        assert!(!expects_continue(&request(&[("X-Expect", "100-continue")])));
        assert!(!expects_continue(&request(&[("Expect", "nothing")])));
        let mut old = request(&[("Expect", "100-continue")]);
        old.http10 = true;
        assert!(!expects_continue(&old));
    }

    #[test]
    fn every_status_the_mock_sends_has_its_reason_phrase() {
        for status in [
            200, 204, 400, 401, 403, 404, 405, 409, 413, 414, 415, 424, 429, 431, 500, 501, 502,
            503, 504,
        ] {
            let canonical = axum::http::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason());
            assert_eq!(Some(reason(status)), canonical, "{status}");
        }
        assert_eq!(reason(299), "");
    }

    #[test]
    fn every_malformed_head_says_how() {
        use httparse::Error::*;
        let texts: Vec<&str> = [
            HeaderName,
            HeaderValue,
            NewLine,
            Status,
            Token,
            Version,
            TooManyHeaders,
        ]
        .into_iter()
        .map(malformed)
        .collect();
        assert_eq!(
            texts,
            [
                "invalid header name",
                "invalid header value",
                "invalid line ending",
                "invalid line ending",
                "invalid method or request target",
                "not HTTP/1.0 or HTTP/1.1",
                "malformed request head",
            ]
        );
    }

    #[test]
    fn chunk_sizes_are_hex_with_extensions() {
        assert_eq!(chunk_size(b"0"), Some(0));
        assert_eq!(chunk_size(b"1a"), Some(26));
        assert_eq!(chunk_size(b"FF;name=value"), Some(255));
        assert_eq!(chunk_size(b""), None);
        assert_eq!(chunk_size(b"x1"), None);
        assert_eq!(chunk_size(b"123456789"), None);
        assert_eq!(chunk_size(b"ffffffff"), Some(0xffff_ffff));
    }
}
