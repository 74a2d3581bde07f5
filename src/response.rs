//! What both operations share on the way back: reading the few headers that matter, and the
//! error for a response that cannot be classified at all.

use alloc::string::String;
use core::fmt;
use core::time::Duration;

/// The most bytes of a body a [`MalformedResponse`] keeps, and of a server message an error's
/// `Display` shows.
pub const EXCERPT_LEN: usize = 64;

/// A response whose body is not what the operation documents: not JSON, truncated, the wrong
/// types, or empty where a body is required.
///
/// It keeps the HTTP status (a 502 from a proxy is still worth retrying) and a bounded excerpt of
/// the body for logs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MalformedResponse {
    http_status: u16,
    reason: String,
    excerpt: String,
    retry_after: Option<u64>,
}

impl MalformedResponse {
    pub(crate) fn new(http_status: u16, reason: impl fmt::Display, body: &[u8]) -> Self {
        MalformedResponse {
            http_status,
            reason: bounded(&alloc::format!("{reason}"), 2 * EXCERPT_LEN),
            excerpt: excerpt(body),
            retry_after: None,
        }
    }

    /// The same, with the wait the response's headers asked for.
    pub(crate) fn with_retry_after(mut self, seconds: Option<u64>) -> Self {
        self.retry_after = seconds;
        self
    }

    /// The HTTP status of the response.
    pub fn http_status(&self) -> u16 {
        self.http_status
    }

    /// Why the body was rejected (at most 128 bytes, on one line).
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The start of the body, at most [`EXCERPT_LEN`] bytes: invalid UTF-8 replaced by `U+FFFD`,
    /// control characters escaped (`\r`, `\u{0}`), so that it fits on one log line.
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }
}

impl core::error::Error for MalformedResponse {}

impl fmt::Display for MalformedResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "malformed response (HTTP {}): {}",
            self.http_status, self.reason
        )
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::AilyServiceError {}
    impl Sealed for crate::LexServiceError {}
}

/// What a delete-session response can fail with: the service said no, or the response makes no
/// sense. `E` is the operation's service error.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponseError<E> {
    /// The service answered with a documented (or at least well-formed) error.
    #[error(transparent)]
    Service(E),
    /// The response could not be read.
    #[error("{0}")]
    Malformed(MalformedResponse),
}

/// What every service error can say about itself; implemented by
/// [`AilyServiceError`](crate::AilyServiceError) and [`LexServiceError`](crate::LexServiceError).
///
/// Sealed: only this crate's service errors implement it, so methods can be added.
pub trait ServiceError: sealed::Sealed {
    /// The HTTP status of the response.
    fn http_status(&self) -> u16;
    /// Whether sending the same request again may succeed.
    fn is_retryable(&self) -> bool;
    /// How long the service asked the caller to wait, where it said.
    fn retry_after(&self) -> Option<Duration>;
}

impl<E: ServiceError> ResponseError<E> {
    /// The HTTP status of the response.
    pub fn http_status(&self) -> u16 {
        match self {
            ResponseError::Service(e) => e.http_status(),
            ResponseError::Malformed(e) => e.http_status,
        }
    }

    /// Whether sending the same request again may succeed: the service error's own answer, or
    /// for an unreadable response, whether its status is a transient one (429, 500, 502, 503,
    /// 504).
    pub fn is_retryable(&self) -> bool {
        match self {
            ResponseError::Service(e) => e.is_retryable(),
            ResponseError::Malformed(e) => is_transient_status(e.http_status),
        }
    }

    /// How long the service asked the caller to wait, where it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ResponseError::Service(e) => e.retry_after(),
            ResponseError::Malformed(e) => e.retry_after.map(Duration::from_secs),
        }
    }

    /// The service error, if the service sent one.
    pub fn service_error(&self) -> Option<&E> {
        match self {
            ResponseError::Service(e) => Some(e),
            ResponseError::Malformed(_) => None,
        }
    }
}

/// 429 (throttled) and 500, 502, 503, 504: the statuses the AWS SDKs retry whatever the body.
pub(crate) fn is_transient_status(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

/// The longest wait `retry_after()` reports, in seconds: a day. A server's number is untrusted
/// input, and a caller adding `u64::MAX` seconds to an `Instant` would panic.
pub const MAX_RETRY_AFTER_SECS: u64 = 86_400;

/// The values of the headers named in `wanted` (ASCII case-insensitively), trimmed; the first
/// occurrence wins. Values that are blank or not UTF-8 count as absent, so that an empty header
/// never hides a later one or a fallback.
pub(crate) fn pick_headers<'h, const N: usize, K, V>(
    headers: impl IntoIterator<Item = (&'h K, &'h V)>,
    wanted: [&str; N],
) -> [Option<&'h str>; N]
where
    K: AsRef<[u8]> + ?Sized + 'h,
    V: AsRef<[u8]> + ?Sized + 'h,
{
    let mut found = [None; N];
    for (name, value) in headers {
        let name = name.as_ref();
        for (slot, want) in found.iter_mut().zip(wanted) {
            if slot.is_none() && name.eq_ignore_ascii_case(want.as_bytes()) {
                *slot = core::str::from_utf8(value.as_ref())
                    .ok()
                    .map(str::trim)
                    .filter(|v| !v.is_empty());
            }
        }
    }
    found
}

/// The deepest nesting a response body may have, as `serde_json` allows for values it reads.
pub(crate) const MAX_DEPTH: usize = 128;

/// Why `body` is not a JSON object this crate will read, before `serde_json` sees it: it may not
/// be an array (a derived `Deserialize` would take one, by position), and no value in it, read
/// or ignored, may nest deeper than [`MAX_DEPTH`]. Anything else is left to `serde_json`.
pub(crate) fn object_shape(body: &[u8]) -> Result<(), &'static str> {
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err("body is a JSON array, not an object");
    }
    // Nesting deeper than the limit needs more opening brackets than the limit: most bodies
    // are settled by one vectorised count, without the string-aware walk below.
    let opening = body.iter().filter(|&&b| b == b'{' || b == b'[').count();
    if opening <= MAX_DEPTH {
        return Ok(());
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in body {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err("JSON nested deeper than 128 levels");
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses a body that must be a JSON object of type `T`.
pub(crate) fn parse_object<'a, T: serde::Deserialize<'a>>(
    status: u16,
    body: &'a [u8],
) -> Result<T, MalformedResponse> {
    object_shape(body).map_err(|reason| MalformedResponse::new(status, reason, body))?;
    serde_json::from_slice(body).map_err(|e| MalformedResponse::new(status, e, body))
}

/// A header value as whole seconds, for `Retry-After` and `x-ogw-ratelimit-reset`, capped at
/// [`MAX_RETRY_AFTER_SECS`]; the HTTP-date form of `Retry-After` is not read (`None`).
pub(crate) fn seconds(value: Option<&str>) -> Option<u64> {
    value
        .and_then(|v| v.parse::<u64>().ok())
        .map(|s| s.min(MAX_RETRY_AFTER_SECS))
}

/// `s` made safe for one log line: control characters escaped (`\r`, `\u{1b}`), and cut to
/// at most `max` bytes at a character boundary, with `…` where it was cut. Reads at most about
/// `max` characters of `s`, whatever its length.
pub(crate) fn bounded(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(max.min(s.len()) + 8);
    for c in s.chars() {
        if out.len() > max {
            break;
        }
        if c.is_control() || is_layout_control(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if out.len() <= max {
        return out;
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out.push('…');
    out
}

/// `s` cut to at most `max` bytes at a character boundary, as it is (no escaping).
pub(crate) fn cut(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// Line and paragraph separators and bidirectional overrides: not `char::is_control`, but they
/// break or reorder a log line all the same.
fn is_layout_control(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Reads a JSON object, and only an object, into `T`: a derived `Deserialize` would also read
/// an array by position (`["x"]` as the first field), which is not what the services send.
pub(crate) struct Object<T>(pub(crate) T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(core::marker::PhantomData<T>);

        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }

        deserializer
            .deserialize_map(Visit(core::marker::PhantomData))
            .map(Object)
    }
}

fn excerpt(body: &[u8]) -> String {
    let head = body.get(..EXCERPT_LEN).unwrap_or(body);
    let text = String::from_utf8_lossy(head);
    bounded(&text, EXCERPT_LEN)
}
