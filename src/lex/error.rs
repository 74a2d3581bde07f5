//! Lex V1 DeleteSession errors: the documented exceptions and the service error.

use alloc::string::String;
use core::fmt;
use core::time::Duration;

use crate::response::rest_json::{self, sanitize_code, MAX_CODE_LEN};
use crate::response::wire::WireResponse;
use crate::response::{is_transient_status, sealed::Sealed, ServiceError, MAX_RETRY_AFTER_SECS};
use crate::text::{bounded, EXCERPT_LEN};

/// Declares [`LexErrorKind`] from one table of `variant = code, status, description`.
macro_rules! lex_errors {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $status:literal, $desc:literal;)*) => {
        /// The DeleteSession errors Lex documents, with [`LexErrorKind::Unknown`] keeping any
        /// other code, so a new error never fails parsing.
        ///
        /// Kinds compare and hash by [`code`](LexErrorKind::code), so
        /// `Unknown("ConflictException")` equals `Conflict`; `from_code` never builds the former.
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub enum LexErrorKind {
            $($(#[$doc])* $variant,)*
            /// A code not listed here, kept as sent (sanitized).
            Unknown(String),
        }

        impl LexErrorKind {
            /// Every documented kind.
            pub const KNOWN: &'static [LexErrorKind] = &[$(LexErrorKind::$variant),*];

            /// The kind for an error code, sanitized first as [`LexServiceError::code`] is
            /// (`ConflictException:http://…` is `Conflict`); never fails.
            pub fn from_code(code: &str) -> LexErrorKind {
                LexErrorKind::from_sanitized(sanitize_code(code))
            }

            /// The kind for a code already sanitized.
            pub(crate) fn from_sanitized(code: String) -> LexErrorKind {
                match code.as_str() {
                    $($code => LexErrorKind::$variant,)*
                    _ => LexErrorKind::Unknown(code),
                }
            }

            /// The error code, e.g. `"ConflictException"`.
            pub fn code(&self) -> &str {
                match self {
                    $(LexErrorKind::$variant => $code,)*
                    LexErrorKind::Unknown(code) => code,
                }
            }

            /// The code of a known kind, as a constant.
            pub(crate) const fn static_code(&self) -> Option<&'static str> {
                match self {
                    $(LexErrorKind::$variant => Some($code),)*
                    LexErrorKind::Unknown(_) => None,
                }
            }

            /// The HTTP status the docs give for the error; `None` for an unknown code.
            pub const fn documented_status(&self) -> Option<u16> {
                match self {
                    $(LexErrorKind::$variant => Some($status),)*
                    LexErrorKind::Unknown(_) => None,
                }
            }

            /// What the docs say the error means.
            pub const fn description(&self) -> &'static str {
                match self {
                    $(LexErrorKind::$variant => $desc,)*
                    LexErrorKind::Unknown(_) => "unknown error code",
                }
            }
        }
    };
}

lex_errors! {
    /// `BadRequestException`, 400: request validation failed, or the bot is not built.
    BadRequest = "BadRequestException", 400, "request validation failed or the bot is not built";
    /// `ConflictException`, 409: two clients use the same account, bot and user id.
    Conflict = "ConflictException", 409, "two clients are using the same bot and user id";
    /// `InternalFailureException`, 500: internal service error; retry.
    InternalFailure = "InternalFailureException", 500, "internal service error";
    /// `LimitExceededException`, 429: a limit was exceeded; wait `Retry-After` seconds.
    LimitExceeded = "LimitExceededException", 429, "a limit was exceeded";
    /// `NotFoundException`, 404: the bot or alias does not exist.
    NotFound = "NotFoundException", 404, "the bot or alias was not found";
}

impl PartialEq for LexErrorKind {
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

impl Eq for LexErrorKind {}

impl core::hash::Hash for LexErrorKind {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.code().hash(state)
    }
}

impl LexErrorKind {
    /// Whether the same call may succeed later: throttling and internal failure, as the AWS
    /// SDKs retry them.
    pub const fn is_retryable(&self) -> bool {
        matches!(
            self,
            LexErrorKind::LimitExceeded | LexErrorKind::InternalFailure
        )
    }
}

/// A Lex error response: any status outside 2xx with an error code.
///
/// ```
/// use botsession::{LexDeleteSessionResponse, LexErrorKind, ResponseError};
/// use std::time::Duration;
///
/// let headers = [
///     ("x-amzn-ErrorType", "LimitExceededException:http://internal.amazon.com/coral/"),
///     ("x-amzn-RequestId", "5f1e2d3c-0000-4000-8000-000000000000"),
///     ("Retry-After", "3"),
/// ];
/// let err = LexDeleteSessionResponse::from_http(429, &headers, br#"{"message":"slow down"}"#)
///     .unwrap_err();
/// let ResponseError::Service(e) = &err else { panic!("{err}") };
/// assert_eq!(e.kind(), &LexErrorKind::LimitExceeded);
/// assert_eq!(e.message(), Some("slow down"));
/// assert!(err.is_retryable());
/// assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
/// assert_eq!(err.to_string(), "Lex LimitExceededException, HTTP 429: slow down");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LexServiceError {
    kind: LexErrorKind,
    message: Option<String>,
    request_id: Option<String>,
    http_status: u16,
    retry_after: Option<u64>,
}

impl LexServiceError {
    /// The error as the service sends it for `kind`, with `message` as its body's `message`:
    /// the kind's [`documented_status`](LexErrorKind::documented_status) (400 for an unknown
    /// code), and for [`LexErrorKind::LimitExceeded`] a `Retry-After` of 1 second. The `with_*`
    /// methods change any part.
    ///
    /// ```
    /// use botsession::{LexDeleteSessionResponse, LexErrorKind, LexServiceError, ResponseError};
    ///
    /// let sent = LexServiceError::new(LexErrorKind::Conflict, "two clients, one session")
    ///     .with_request_id("5f1e2d3c");
    /// let wire = sent.render();
    /// assert_eq!(wire.status(), 409);
    /// assert_eq!(wire.header("x-amzn-ErrorType"), Some("ConflictException"));
    /// assert_eq!(wire.body(), br#"{"message":"two clients, one session"}"#);
    /// let read = LexDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert_eq!(read, Err(ResponseError::Service(sent)));
    /// ```
    pub fn new(kind: LexErrorKind, message: impl Into<String>) -> Self {
        let retry_after = matches!(kind, LexErrorKind::LimitExceeded).then_some(1);
        let status = kind.documented_status().unwrap_or(400);
        Self::from_wire(kind, Some(message.into()), None, status, retry_after)
    }

    pub(crate) fn from_wire(
        kind: LexErrorKind,
        message: Option<String>,
        request_id: Option<String>,
        http_status: u16,
        retry_after: Option<u64>,
    ) -> Self {
        LexServiceError {
            kind,
            message,
            request_id,
            http_status,
            retry_after,
        }
    }

    /// The same, with a request id (sent in `x-amzn-RequestId`).
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The same, sent with another HTTP status.
    #[must_use]
    pub fn with_http_status(mut self, status: u16) -> Self {
        self.http_status = status;
        self
    }

    /// The same, with a `Retry-After` of `secs` seconds (capped at
    /// [`MAX_RETRY_AFTER_SECS`](crate::MAX_RETRY_AFTER_SECS) as a reader caps it), or none.
    #[must_use]
    pub fn with_retry_after_secs(mut self, secs: Option<u64>) -> Self {
        self.retry_after = secs.map(|s| s.min(MAX_RETRY_AFTER_SECS));
        self
    }

    /// Writes the error as the service sends it, restJson1: the status, `Content-Type:
    /// application/json`, `x-amzn-ErrorType` with the code, `x-amzn-RequestId`, `Retry-After`
    /// where set, and the body `{"message":…}`. What it writes,
    /// [`LexDeleteSessionResponse::from_http`](crate::LexDeleteSessionResponse::from_http)
    /// reads back equal: a code that cannot travel in a header (a character outside visible
    /// ASCII, or a `,`) goes in the body's `code` instead, and one with a `#` gets a leading `#`,
    /// so that the SDKs' sanitizing gives it back unchanged.
    pub fn render(&self) -> WireResponse {
        rest_json::render_error(
            self.http_status,
            self.code(),
            self.kind.static_code(),
            self.message.as_deref(),
            self.request_id.as_deref(),
            self.retry_after,
        )
    }

    /// What the code means.
    pub fn kind(&self) -> &LexErrorKind {
        &self.kind
    }
    /// The sanitized error code, e.g. `"ConflictException"`.
    pub fn code(&self) -> &str {
        self.kind.code()
    }
    /// The message: body `message`, `Message` or `errorMessage`.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    /// The `x-amzn-RequestId` header.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
    /// The HTTP status of the response (which may disagree with the documented one).
    pub fn http_status(&self) -> u16 {
        self.http_status
    }
    /// Whether the same call may succeed later: `LimitExceededException`,
    /// `InternalFailureException`, or a transient status (429, 500, 502, 503, 504).
    pub fn is_retryable(&self) -> bool {
        self.kind.is_retryable() || is_transient_status(self.http_status)
    }
    /// How long to wait: the `Retry-After` seconds, where the service sent them.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after.map(Duration::from_secs)
    }
}

impl Sealed for LexServiceError {}

impl ServiceError for LexServiceError {
    fn http_status(&self) -> u16 {
        self.http_status
    }
    fn is_retryable(&self) -> bool {
        LexServiceError::is_retryable(self)
    }
    fn retry_after(&self) -> Option<Duration> {
        LexServiceError::retry_after(self)
    }
}

impl fmt::Display for LexServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Lex {}, HTTP {}",
            bounded(self.code(), MAX_CODE_LEN),
            self.http_status
        )?;
        match &self.message {
            Some(m) => write!(f, ": {}", bounded(m, EXCERPT_LEN)),
            None => Ok(()),
        }
    }
}

impl core::error::Error for LexServiceError {}
