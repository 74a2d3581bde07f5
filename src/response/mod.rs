//! What every operation shares on the way back: the error for a response that cannot be
//! classified at all, the error that wraps a service's own, and retry policy by status.
//!
//! - `headers.rs`: picking headers by name, reading a wait;
//! - `json.rs`: the shape guards and object-only reading of JSON bodies;
//! - `rest_json.rs`: the AWS restJson1 wire pieces both Lex versions share (header names, the
//!   error code, reading and writing), and `rest_json_types.rs` the macros that declare their
//!   error kinds, service errors and success responses;
//! - `aws.rs`: how the AWS SDKs classify an error (throttling, transient, clock skew, expired
//!   credentials);
//! - `wire.rs`: the other direction: [`WireResponse`] and the JSON writer the renderers share.

pub(crate) mod aws;
mod headers;
mod json;
pub(crate) mod rest_json;
pub(crate) mod rest_json_types;
pub(crate) mod wire;

pub(crate) use headers::{pick_headers, seconds};
pub(crate) use json::{parse_object, Object};
pub use wire::{HeaderText, WireResponse};

use alloc::string::String;
use core::fmt;
use core::time::Duration;

use crate::text::{bounded, excerpt, EXCERPT_LEN};

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
    /// Milliseconds.
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

    /// The same, with the wait the response's headers asked for, in seconds.
    pub(crate) fn with_retry_after(self, seconds: Option<u64>) -> Self {
        self.with_retry_after_millis(seconds.map(|s| s * 1000))
    }

    /// The same, with the wait the response's headers asked for, in milliseconds.
    pub(crate) fn with_retry_after_millis(mut self, millis: Option<u64>) -> Self {
        self.retry_after = millis;
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

/// Seals [`ServiceError`]: each service error implements `Sealed` in its own file.
pub(crate) mod sealed {
    #[allow(unreachable_pub)] // public in a private module: nameable only inside the crate
    pub trait Sealed {}
}

/// What a response can fail with: the service said no, or the response makes no sense. `E` is
/// the API's service error.
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

/// What every service error of every API can say about itself, in one vocabulary: implemented
/// by [`AilyServiceError`](crate::AilyServiceError), [`LexServiceError`](crate::LexServiceError)
/// and [`LexV2ServiceError`](crate::LexV2ServiceError), whose inherent methods of the same names
/// give the same answers (with the code typed: Aily's is a number, Lex's a name).
///
/// Generic code over every API needs no other bound:
///
/// ```
/// use botsession::{ResponseError, ServiceError};
///
/// fn log_and_decide<E: ServiceError>(err: &ResponseError<E>) -> bool {
///     if let Some(e) = err.service_error() {
///         // `Display` is bounded server text; `message()` and `request_id()` are raw.
///         eprintln!("{e} (code {})", e.code());
///     }
///     err.is_retryable()
/// }
/// ```
///
/// Sealed: only this crate's service errors implement it, so methods can be added.
pub trait ServiceError: fmt::Display + core::error::Error + sealed::Sealed {
    /// The error code: Aily's number, Lex's sanitized name.
    fn code(&self) -> ErrorCode<'_>;
    /// The service's message, for people: never to branch on. Raw server text, of any length:
    /// `Display` shows it bounded.
    fn message(&self) -> Option<&str>;
    /// The id the service gave the request, for support: Aily's log id, Lex's request id. Raw
    /// server text, as received.
    fn request_id(&self) -> Option<&str>;
    /// The HTTP status of the response.
    fn http_status(&self) -> u16;
    /// Whether sending the same request again may succeed.
    fn is_retryable(&self) -> bool;
    /// How long the service asked the caller to wait, where it said.
    fn retry_after(&self) -> Option<Duration>;
    /// Whether the service throttled the call: back off before retrying.
    fn is_throttling(&self) -> bool;
    /// Whether the call's credentials (Aily: the access token; AWS: the signing credentials)
    /// are invalid or expired: refresh them, then send again.
    fn needs_credentials_refresh(&self) -> bool;
    /// Whether the request's signing clock is off (AWS only): correct the offset, sign and send
    /// again.
    fn is_clock_skew(&self) -> bool;
}

/// A service error's code, as [`ServiceError::code`] gives it: Aily's codes are numbers, AWS's
/// are names. Shown as sent (`2700001`, `ConflictException`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode<'a> {
    /// A numeric code (Aily).
    Number(i64),
    /// A named code (Lex), sanitized; empty when the error had only a message.
    Name(&'a str),
}

impl fmt::Display for ErrorCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorCode::Number(n) => write!(f, "{n}"),
            ErrorCode::Name(name) => f.write_str(&bounded(name, rest_json::MAX_CODE_LEN)),
        }
    }
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
    /// for an unreadable response, whether its status is 429 or a transient one (500, 502, 503,
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
            ResponseError::Malformed(e) => e.retry_after.map(Duration::from_millis),
        }
    }

    /// Whether the service throttled the call; `false` for an unreadable response.
    pub fn is_throttling(&self) -> bool {
        self.service_error().is_some_and(E::is_throttling)
    }

    /// Whether the credentials need refreshing before the call is sent again (Aily's token
    /// codes, AWS's expired-credential codes); `false` for an unreadable response.
    pub fn needs_credentials_refresh(&self) -> bool {
        self.service_error()
            .is_some_and(E::needs_credentials_refresh)
    }

    /// Whether the request's signing clock is off; `false` for an unreadable response.
    pub fn is_clock_skew(&self) -> bool {
        self.service_error().is_some_and(E::is_clock_skew)
    }

    /// The service error, if the service sent one.
    pub fn service_error(&self) -> Option<&E> {
        match self {
            ResponseError::Service(e) => Some(e),
            ResponseError::Malformed(_) => None,
        }
    }
}

/// Whether a status alone says the call may succeed later, whatever the body: the throttling
/// status or one of the transient server statuses ([`aws::THROTTLING_STATUS`],
/// [`aws::TRANSIENT_STATUSES`]). For a response without a readable error code, and for an Aily
/// code this crate does not know. A Lex error (even one with only a message, whose code is
/// empty) is classified as aws-sdk-rust classifies it: by its code, and by the transient
/// statuses alone, so a 429 without a throttling code is not retried (aws-sdk-js-v3 would).
pub(crate) fn is_transient_status(status: u16) -> bool {
    status == aws::THROTTLING_STATUS || aws::TRANSIENT_STATUSES.contains(&status)
}

/// The longest wait `retry_after()` reports, in seconds: a day. A server's number is untrusted
/// input, and a caller adding `u64::MAX` seconds to an `Instant` would panic.
pub const MAX_RETRY_AFTER_SECS: u64 = 86_400;
