//! [`AilyServiceError`]: everything an Aily error envelope carries, how the service writes it,
//! and how a client reads it back (with the success envelope it shares its reading with).

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::time::Duration;

use super::wire::{
    Envelope, WireError, CONTENT_TYPE, HEADERS, LOG_ID, RATE_LIMIT_LIMIT, RATE_LIMIT_PER_SECOND,
    RATE_LIMIT_RESET,
};
use super::{AilyErrorKind, AuthorizationError, FieldViolation, Help, PermissionViolation};
use crate::response::wire::{key, write_i64, JsonObject, WireResponse};
use crate::response::{
    is_transient_status, parse_object, pick_headers, sealed::Sealed, seconds, ErrorCode,
    ResponseError, ServiceError, MAX_RETRY_AFTER_SECS,
};
use crate::text::{bounded, EXCERPT_LEN};
use crate::{Headers, RouteError};

/// An Aily error response: a non-zero `code` in the envelope, whatever the HTTP status.
///
/// ```
/// use botsession::{AilyDeleteSessionResponse, AilyErrorKind, ResponseError};
///
/// let body = br#"{"code":2700001,"msg":"param is invalid","error":{"log_id":"2024abc"}}"#;
/// let headers = [("X-Tt-Logid", "2024xyz")];
/// let err = AilyDeleteSessionResponse::from_http(400, &headers, body).unwrap_err();
/// let ResponseError::Service(e) = &err else { panic!("{err}") };
/// assert_eq!(e.kind(), &AilyErrorKind::ParamInvalid);
/// assert_eq!(e.code(), 2700001);
/// assert_eq!(e.request_id(), Some("2024xyz"));
/// assert!(!err.is_retryable());
/// assert_eq!(err.to_string(), "Aily error 2700001 (param is invalid), HTTP 400: param is invalid");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AilyServiceError {
    kind: AilyErrorKind,
    http_status: u16,
    rate_limit_reset: Option<u64>,
    /// Boxed so that a `Result` carrying the error stays small.
    detail: Box<Detail>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Detail {
    message: Option<String>,
    request_id: Option<String>,
    rate_limit: Option<u64>,
    troubleshooter: Option<String>,
    field_violations: Vec<FieldViolation>,
    permission_violations: Vec<PermissionViolation>,
    helps: Vec<Help>,
}

impl AilyServiceError {
    /// The error as the service sends it for `kind`: its [`http_status`](AilyErrorKind::http_status),
    /// its documented [`message`](AilyErrorKind::message), and for [`AilyErrorKind::RateLimited`]
    /// the rate-limit headers (`x-ogw-ratelimit-limit` 50, the session operations' documented
    /// limit per second, and `x-ogw-ratelimit-reset` 1 second). The `with_*` methods change any
    /// part.
    ///
    /// `AilyErrorKind::Unknown(0)` carries the success code: a response rendered from it reads
    /// back as a success.
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError, ResponseError};
    ///
    /// let sent = AilyServiceError::new(AilyErrorKind::RateLimited).with_request_id("2024abc");
    /// let wire = sent.render();
    /// assert_eq!(wire.status(), 429);
    /// assert_eq!(wire.header("x-ogw-ratelimit-reset"), Some("1"));
    /// assert_eq!(
    ///     wire.body(),
    ///     br#"{"code":99991400,"msg":"request trigger frequency limit","error":{"log_id":"2024abc"}}"#
    /// );
    /// let read = AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert_eq!(read, Err(ResponseError::Service(sent)));
    /// ```
    pub fn new(kind: AilyErrorKind) -> Self {
        let rate_limited = matches!(kind, AilyErrorKind::RateLimited);
        AilyServiceError {
            kind,
            http_status: kind.http_status(),
            rate_limit_reset: rate_limited.then_some(1),
            detail: Box::new(Detail {
                message: Some(String::from(kind.message())),
                request_id: None,
                rate_limit: rate_limited.then_some(u64::from(RATE_LIMIT_PER_SECOND)),
                troubleshooter: None,
                field_violations: Vec::new(),
                permission_violations: Vec::new(),
                helps: Vec::new(),
            }),
        }
    }

    /// What the service answers a session id it does not know: 2700001 "param is invalid"
    /// with HTTP 400 and a field violation for `aily_session_id`, the one code the session
    /// operations document (the service's answer for an unknown session is not documented).
    ///
    /// ```
    /// use botsession::{AilyErrorKind, AilyServiceError};
    ///
    /// let err = AilyServiceError::session_not_found().with_request_id("2024abc");
    /// assert_eq!(err.kind(), &AilyErrorKind::ParamInvalid);
    /// assert_eq!(err.field_violations()[0].field(), Some("aily_session_id"));
    /// assert_eq!(err.render().status(), 400);
    /// ```
    pub fn session_not_found() -> Self {
        let violation = FieldViolation::new()
            .with_field("aily_session_id")
            .with_description("session not found");
        Self::new(AilyErrorKind::ParamInvalid).with_field_violation(violation)
    }

    /// The error the Aily service answers a request line with that does not route, with the
    /// status of [`RouteError::http_status`] (see the table on
    /// [`RouteRejection`](crate::RouteRejection)). A 405 also needs the `Allow` header, which
    /// [`RouteRejection::render`](crate::RouteRejection::render) adds.
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionRequest, AilyErrorKind, AilyServiceError};
    ///
    /// let err = AilyDeleteSessionRequest::from_route("DELETE", "/open-apis/aily/v1/sessions/session_I")
    ///     .unwrap_err();
    /// let answer = AilyServiceError::from_route_error(&err);
    /// assert_eq!(answer.kind(), &AilyErrorKind::ParamInvalid);
    /// assert_eq!(answer.http_status(), 400);
    /// assert_eq!(answer.field_violations()[0].field(), Some("aily_session_id"));
    /// ```
    pub fn from_route_error(error: &RouteError) -> Self {
        let kind = match error {
            RouteError::NotFound => AilyErrorKind::PathNotFound,
            RouteError::MethodNotAllowed { .. } | RouteError::OtherOperation { .. } => {
                AilyErrorKind::MethodMismatch
            }
            _ => AilyErrorKind::ParamInvalid,
        };
        let answer = Self::new(kind).with_http_status(error.http_status());
        match error {
            // The codes' own messages say it all.
            RouteError::NotFound | RouteError::MethodNotAllowed { .. } => answer,
            RouteError::OtherOperation { .. } | RouteError::PathTooLong { .. } => {
                answer.with_message(error.to_string())
            }
            _ => {
                let mut violation = FieldViolation::new().with_description(error.to_string());
                if let Some(field) = error.field() {
                    violation = violation.with_field(field);
                }
                answer.with_field_violation(violation)
            }
        }
    }

    /// The error the Aily service answers a request with whose `Authorization` header is
    /// missing, doubled or invalid: 99991661 with HTTP 400, as captured from the service for a
    /// missing token and for a header without the `Bearer ` scheme.
    pub fn from_authorization_error(error: &AuthorizationError) -> Self {
        match error {
            AuthorizationError::Missing => Self::new(AilyErrorKind::TokenMissing),
            _ => Self::new(AilyErrorKind::TokenMissing).with_message(error.to_string()),
        }
    }

    /// The same, with another `msg`.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.detail.message = Some(message.into());
        self
    }

    /// The same, sent with another HTTP status.
    #[must_use]
    pub fn with_http_status(mut self, status: u16) -> Self {
        self.http_status = status;
        self
    }

    /// The same, with a log id (sent in `X-Tt-Logid` and `error.log_id`).
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.detail.request_id = Some(request_id.into());
        self
    }

    /// The same, with a log id where there is one.
    pub(crate) fn with_optional_request_id(self, request_id: Option<&str>) -> Self {
        match request_id {
            Some(id) => self.with_request_id(id),
            None => self,
        }
    }

    /// The same, with `error.troubleshooter`.
    #[must_use]
    pub fn with_troubleshooter(mut self, url: impl Into<String>) -> Self {
        self.detail.troubleshooter = Some(url.into());
        self
    }

    /// The same, with one more `error.field_violations` entry.
    #[must_use]
    pub fn with_field_violation(mut self, violation: FieldViolation) -> Self {
        self.detail.field_violations.push(violation);
        self
    }

    /// The same, with one more `error.permission_violations` entry.
    #[must_use]
    pub fn with_permission_violation(mut self, violation: PermissionViolation) -> Self {
        self.detail.permission_violations.push(violation);
        self
    }

    /// The same, with one more `error.helps` entry.
    #[must_use]
    pub fn with_help(mut self, help: Help) -> Self {
        self.detail.helps.push(help);
        self
    }

    /// The same, with the rate-limit headers: `x-ogw-ratelimit-limit` (`limit`) and
    /// `x-ogw-ratelimit-reset` (`reset_secs`, capped at
    /// [`MAX_RETRY_AFTER_SECS`](crate::MAX_RETRY_AFTER_SECS) as a reader caps it); `None` leaves
    /// a header out.
    #[must_use]
    pub fn with_rate_limit(mut self, limit: Option<u64>, reset_secs: Option<u64>) -> Self {
        self.detail.rate_limit = limit;
        self.rate_limit_reset = reset_secs.map(|s| s.min(MAX_RETRY_AFTER_SECS));
        self
    }

    /// Writes the error as the service sends it: the status, `Content-Type`, the log id in
    /// `X-Tt-Logid`, the rate-limit headers where set, and the envelope with `code`, `msg`
    /// (where set) and an `error` object holding whatever of the log id, troubleshooter,
    /// violations and helps is set. What it writes, every Aily response's `from_http` reads
    /// back equal.
    pub fn render(&self) -> WireResponse {
        let detail = &*self.detail;
        let mut body = Vec::with_capacity(64 + detail.message.as_ref().map_or(0, String::len));
        let mut envelope = JsonObject::open(&mut body);
        write_i64(envelope.key(key!("code")), self.code());
        envelope.optional(key!("msg"), detail.message.as_deref());
        let has_error = detail.request_id.is_some()
            || detail.troubleshooter.is_some()
            || !detail.field_violations.is_empty()
            || !detail.permission_violations.is_empty()
            || !detail.helps.is_empty();
        if has_error {
            let mut error = JsonObject::open(envelope.key(key!("error")));
            error.optional(key!("log_id"), detail.request_id.as_deref());
            error.optional(key!("troubleshooter"), detail.troubleshooter.as_deref());
            error.array(
                key!("field_violations"),
                &detail.field_violations,
                |o, v| {
                    o.optional(key!("field"), v.field());
                    o.optional(key!("value"), v.value());
                    o.optional(key!("description"), v.description());
                },
            );
            error.array(
                key!("permission_violations"),
                &detail.permission_violations,
                |o, v| {
                    o.optional(key!("type"), v.kind());
                    o.optional(key!("subject"), v.subject());
                    o.optional(key!("description"), v.description());
                },
            );
            error.array(key!("helps"), &detail.helps, |o, h| {
                o.optional(key!("url"), h.url());
                o.optional(key!("description"), h.description());
            });
            error.close();
        }
        envelope.close();
        let mut wire = WireResponse::new(self.http_status, CONTENT_TYPE, body);
        wire.header_if_safe(LOG_ID, detail.request_id.as_deref());
        if let Some(limit) = detail.rate_limit {
            wire.number_header(RATE_LIMIT_LIMIT, limit);
        }
        if let Some(reset) = self.rate_limit_reset {
            wire.number_header(RATE_LIMIT_RESET, reset);
        }
        wire
    }

    /// What the code means.
    pub fn kind(&self) -> &AilyErrorKind {
        &self.kind
    }
    /// The raw numeric code (wider than 16 bits: 99991663).
    pub fn code(&self) -> i64 {
        self.kind.code()
    }
    /// The service's `msg`: for people, never to branch on.
    pub fn message(&self) -> Option<&str> {
        self.detail.message.as_deref()
    }
    /// The HTTP status of the response (400, 429, 500, and sometimes 200).
    pub fn http_status(&self) -> u16 {
        self.http_status
    }
    /// The log id for support: header `X-Tt-Logid`, else `X-Request-Id`, else `error.log_id`.
    pub fn request_id(&self) -> Option<&str> {
        self.detail.request_id.as_deref()
    }
    /// `error.troubleshooter`: a link to the troubleshooting page for this log id.
    pub fn troubleshooter(&self) -> Option<&str> {
        self.detail.troubleshooter.as_deref()
    }
    /// `error.field_violations`.
    pub fn field_violations(&self) -> &[FieldViolation] {
        &self.detail.field_violations
    }
    /// `error.permission_violations`.
    pub fn permission_violations(&self) -> &[PermissionViolation] {
        &self.detail.permission_violations
    }
    /// `error.helps`.
    pub fn helps(&self) -> &[Help] {
        &self.detail.helps
    }
    /// Whether the same call may succeed later: rate limiting and the internal codes, and for an
    /// unknown code a transient HTTP status (429, 500, 502, 503, 504).
    pub fn is_retryable(&self) -> bool {
        self.kind.is_retryable()
            || (matches!(self.kind, AilyErrorKind::Unknown(_))
                && is_transient_status(self.http_status))
    }
    /// Whether the service throttled the call (99991400): wait
    /// [`retry_after`](Self::retry_after), then retry.
    pub fn is_throttling(&self) -> bool {
        self.kind.is_throttling()
    }
    /// Whether the token is invalid or expired: refresh it, then retry once.
    pub fn needs_credentials_refresh(&self) -> bool {
        self.kind.needs_credentials_refresh()
    }
    /// Always `false`: Aily's bearer tokens carry no signing time.
    pub fn is_clock_skew(&self) -> bool {
        false
    }
    /// The `x-ogw-ratelimit-limit` header: the limit the call hit, where the service sent it.
    pub fn rate_limit(&self) -> Option<u64> {
        self.detail.rate_limit
    }
    /// How long to wait: the `x-ogw-ratelimit-reset` seconds, where the service sent them.
    pub fn retry_after(&self) -> Option<Duration> {
        self.rate_limit_reset.map(Duration::from_secs)
    }
}

/// A success envelope as read: the status, `msg`, the log id, and `data` as its JSON text.
pub(crate) struct Success<'a> {
    pub(crate) http_status: u16,
    pub(crate) message: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) data: Option<&'a serde_json::value::RawValue>,
}

fn objects<T>(list: Option<Vec<crate::response::Object<T>>>) -> Vec<T> {
    list.unwrap_or_default().into_iter().map(|o| o.0).collect()
}

/// Classifies any Aily response from its status, headers and body: the body decides, whatever
/// the status, `code` 0 being a success and any other code an
/// [`AilyServiceError`].
pub(crate) fn read_envelope<'a, H: Headers + ?Sized>(
    status: u16,
    headers: &H,
    body: &'a [u8],
) -> Result<Success<'a>, ResponseError<AilyServiceError>> {
    let [tt_logid, request_id, reset, limit] = pick_headers(headers.pairs(), HEADERS);
    let header_id = tt_logid.or(request_id).map(String::from);
    let envelope: Envelope<'a> = parse_object(status, body)
        .map_err(|m| ResponseError::Malformed(m.with_retry_after(seconds(reset))))?;
    let error = envelope.error.map(|e| e.0);
    if envelope.code == 0 {
        return Ok(Success {
            http_status: status,
            message: envelope.msg,
            request_id: header_id.or(error.and_then(|e| e.log_id)),
            data: envelope.data,
        });
    }
    let error: WireError = error.unwrap_or_default();
    Err(ResponseError::Service(AilyServiceError {
        kind: AilyErrorKind::from_code(envelope.code),
        http_status: status,
        rate_limit_reset: seconds(reset),
        detail: Box::new(Detail {
            message: envelope.msg,
            request_id: header_id.or(error.log_id),
            rate_limit: limit.and_then(|l| l.parse().ok()),
            troubleshooter: error.troubleshooter,
            field_violations: objects(error.field_violations),
            permission_violations: objects(error.permission_violations),
            helps: objects(error.helps),
        }),
    }))
}

impl Sealed for AilyServiceError {}

impl ServiceError for AilyServiceError {
    fn code(&self) -> ErrorCode<'_> {
        ErrorCode::Number(self.code())
    }
    fn message(&self) -> Option<&str> {
        self.message()
    }
    fn request_id(&self) -> Option<&str> {
        self.request_id()
    }
    fn http_status(&self) -> u16 {
        self.http_status
    }
    fn is_retryable(&self) -> bool {
        self.is_retryable()
    }
    fn retry_after(&self) -> Option<Duration> {
        self.retry_after()
    }
    fn is_throttling(&self) -> bool {
        self.is_throttling()
    }
    fn needs_credentials_refresh(&self) -> bool {
        self.needs_credentials_refresh()
    }
    fn is_clock_skew(&self) -> bool {
        self.is_clock_skew()
    }
}

impl fmt::Display for AilyServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Aily error {} ({}), HTTP {}",
            self.code(),
            self.kind.description(),
            self.http_status,
        )?;
        match self.message() {
            None | Some("") => Ok(()),
            Some(msg) => write!(f, ": {}", bounded(msg, EXCERPT_LEN)),
        }
    }
}

impl core::error::Error for AilyServiceError {}
