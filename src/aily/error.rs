//! Aily error codes and the service error: what a non-zero `code` means, and everything the
//! error envelope carries.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::time::Duration;

use super::response::{CONTENT_TYPE, LOG_ID, RATE_LIMIT_LIMIT, RATE_LIMIT_RESET};
use crate::response::wire::{key, write_i64, JsonObject, WireResponse};
use crate::response::{is_transient_status, sealed::Sealed, ServiceError, MAX_RETRY_AFTER_SECS};
use crate::text::{bounded, EXCERPT_LEN};
use crate::AilyDeleteSessionRequest;

/// Declares [`AilyErrorKind`] from one table of `variant = code, status, msg, description`.
macro_rules! aily_codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $status:literal, $msg:literal, $desc:literal;)*) => {
        /// What an Aily error code means: the delete-session code from its docs and every
        /// platform-wide code any call can return, with [`AilyErrorKind::Other`] keeping codes
        /// this crate does not know, so a new code never fails parsing.
        ///
        /// Kinds compare and hash by [`code`](AilyErrorKind::code), so `Other(2700001)` equals
        /// `ParamInvalid`; [`from_code`](AilyErrorKind::from_code) never builds the former.
        #[derive(Clone, Copy, Debug)]
        #[non_exhaustive]
        pub enum AilyErrorKind {
            $($(#[$doc])* $variant,)*
            /// A code not listed here, kept as sent.
            Other(i64),
        }

        impl AilyErrorKind {
            /// Every known kind: the operation's own code, then the platform codes.
            pub const KNOWN: &'static [AilyErrorKind] = &[$(AilyErrorKind::$variant),*];

            /// The kind for a numeric code; never fails.
            pub const fn from_code(code: i64) -> AilyErrorKind {
                match code {
                    $($code => AilyErrorKind::$variant,)*
                    other => AilyErrorKind::Other(other),
                }
            }

            /// The numeric code.
            pub const fn code(self) -> i64 {
                match self {
                    $(AilyErrorKind::$variant => $code,)*
                    AilyErrorKind::Other(code) => code,
                }
            }

            /// What the code means, in the docs' words where they give some.
            pub const fn description(self) -> &'static str {
                match self {
                    $(AilyErrorKind::$variant => $desc,)*
                    AilyErrorKind::Other(_) => "unknown error code",
                }
            }

            /// The HTTP status the service sends the code with: documented (400 for 2700001,
            /// 429 for rate limiting) or observed (400 for the token codes, 401 for an expired
            /// user token); 400 where neither is known, as for the other token and scope codes,
            /// and 500 for the internal errors. [`AilyServiceError::new`] answers with it.
            pub const fn http_status(self) -> u16 {
                match self {
                    $(AilyErrorKind::$variant => $status,)*
                    AilyErrorKind::Other(_) => 400,
                }
            }

            /// The `msg` the service sends with the code, where it is documented or observed;
            /// else the [`description`](Self::description). [`AilyServiceError::new`] sends it.
            pub const fn msg(self) -> &'static str {
                match self {
                    $(AilyErrorKind::$variant => $msg,)*
                    AilyErrorKind::Other(_) => "unknown error",
                }
            }
        }
    };
}

// Statuses and messages: the delete-session docs (2700001), the frequency-control guide
// (99991400: 429, "request trigger frequency limit"), the generic error code page (99991201,
// 99991301, 1500, 99991401's "ip %s is denied by app setting", here without the address), and
// responses captured from open.feishu.cn: 99991661 "Need a token" / "Missing access token…" with
// 400 (go-lark/lark issue 28, and a credential-free probe of open.feishu.cn, 2026-09-11), 99991663
// and 99991668 "Invalid access token for authorization…" with 400 (multica-ai/multica issue 7611,
// sipeed/picoclaw issue 1307, the same probe), 99991672 "Access denied. One of the following
// scopes is required: […]" with 400 (m1heng/clawdbot-feishu issue 149, satorijs/satori issue
// 370), 99991677 "Authentication token expired…" with 401, 99991403 with 429. For the codes with
// no capture, 400 as for their siblings, and the crate's description as the message.
aily_codes! {
    /// 2700001, HTTP 400: a parameter is invalid (the delete-session docs' own code).
    ParamInvalid = 2700001, 400, "param is invalid", "param is invalid";
    /// 99991400, HTTP 429 (older APIs 400): rate limited; wait `x-ogw-ratelimit-reset` seconds.
    RateLimited = 99991400, 429, "request trigger frequency limit", "request rate limit exceeded";
    /// 99991401: the caller's IP address is denied.
    IpDenied = 99991401, 400, "ip is denied by app setting", "IP address denied";
    /// 99991403: the monthly call quota is used up.
    QuotaExceeded = 99991403, 429, "monthly quota exceeded", "monthly quota exceeded";
    /// 99991661: the `Authorization` header is missing or malformed.
    TokenMissing = 99991661, 400,
        "Missing access token for authorization. Please make a request with token attached.",
        "access token missing or malformed";
    /// 99991663: the tenant access token is invalid or expired.
    TenantTokenInvalid = 99991663, 400,
        "Invalid access token for authorization. Please make a request with token attached.",
        "tenant access token invalid or expired";
    /// 99991664: the app access token is invalid.
    AppTokenInvalid = 99991664, 400, "app access token invalid", "app access token invalid";
    /// 99991665: the tenant code is invalid.
    InvalidTenantCode = 99991665, 400, "invalid tenant code", "invalid tenant code";
    /// 99991668: the user access token is invalid.
    UserTokenInvalid = 99991668, 400,
        "Invalid access token for authorization. Please make a request with token attached.",
        "user access token invalid";
    /// 99991671: the token does not start with `t-` or `u-`.
    TokenPrefixInvalid = 99991671, 400,
        "access token must start with t- or u-", "access token must start with t- or u-";
    /// 99991672: the app lacks the scope (see the permission violations).
    AppScopeMissing = 99991672, 400,
        "Access denied. One of the following scopes is required: [aily:session:write].",
        "app lacks the required scope";
    /// 99991673: the app is not authorized.
    AppUnauthorized = 99991673, 400, "app not authorized", "app not authorized";
    /// 99991676: the token has no permission for this call.
    TokenNoPermission = 99991676, 400,
        "access token has no permission", "access token has no permission";
    /// 99991677, HTTP 401: the user access token has expired.
    UserTokenExpired = 99991677, 401,
        "Authentication token expired. Please request a new one.", "user access token expired";
    /// 99991679: the user has not granted the scope.
    UserScopeNotGranted = 99991679, 400,
        "Unauthorized. You do not have permission to perform the requested operation on the resource. Please request user re-authorization and try again.",
        "user has not granted the scope";
    /// 1500: internal error, transient.
    Internal = 1500, 500, "internal error", "internal error";
    /// 2200: internal error, transient.
    InternalServer = 2200, 500, "internal server error", "internal server error";
    /// 99991201, HTTP 404: no API at this path (the generic error code page; the live gateway
    /// has also been seen to answer a bare `404 page not found` in plain text).
    PathNotFound = 99991201, 404, "resource not find", "no API at this path";
    /// 99991301, HTTP 405: the path's API does not take this method.
    MethodMismatch = 99991301, 405, "request method doesn't match", "request method does not match";
}

impl PartialEq for AilyErrorKind {
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

impl Eq for AilyErrorKind {}

impl core::hash::Hash for AilyErrorKind {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.code().hash(state)
    }
}

impl AilyErrorKind {
    /// The HTTP status the docs give with the code: 400 for 2700001, 429 for rate limiting;
    /// `None` where they give none (the others arrive with 4xx, 5xx or 200).
    pub const fn documented_status(self) -> Option<u16> {
        match self {
            AilyErrorKind::ParamInvalid => Some(400),
            AilyErrorKind::RateLimited => Some(429),
            _ => None,
        }
    }

    /// Whether the same call may succeed later: rate limiting and the internal errors.
    pub const fn is_retryable(self) -> bool {
        matches!(
            self,
            AilyErrorKind::RateLimited | AilyErrorKind::Internal | AilyErrorKind::InternalServer
        )
    }

    /// Whether the token is invalid or expired: refresh it, then retry once.
    pub const fn needs_token_refresh(self) -> bool {
        matches!(
            self,
            AilyErrorKind::TenantTokenInvalid
                | AilyErrorKind::AppTokenInvalid
                | AilyErrorKind::UserTokenInvalid
                | AilyErrorKind::UserTokenExpired
        )
    }
}

/// One entry of `error.field_violations`: which request field was wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct FieldViolation {
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl FieldViolation {
    /// An entry with every field absent; the `with_*` methods set them.
    pub fn new() -> Self {
        Self::default()
    }
    /// The same, with `field` set.
    #[must_use]
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
    /// The same, with `value` set.
    #[must_use]
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
    /// The same, with `description` set.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// The field's name.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }
    /// The value the service saw.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }
    /// What is wrong with it.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

/// One entry of `error.permission_violations`: which scope or permission is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct PermissionViolation {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl PermissionViolation {
    /// An entry with every field absent; the `with_*` methods set them.
    pub fn new() -> Self {
        Self::default()
    }
    /// The same, with `type` set.
    #[must_use]
    pub fn with_kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }
    /// The same, with `subject` set.
    #[must_use]
    pub fn with_subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }
    /// The same, with `description` set.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// The violation's `type`.
    pub fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }
    /// What is missing, e.g. the scope `aily:session:write`.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }
    /// The service's description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

/// One entry of `error.helps`: a link to documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct Help {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl Help {
    /// An entry with every field absent; the `with_*` methods set them.
    pub fn new() -> Self {
        Self::default()
    }
    /// The same, with `url` set.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
    /// The same, with `description` set.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// The link.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    /// What it explains.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

/// An Aily error response: a non-zero `code` in the envelope, whatever the HTTP status.
///
/// ```
/// use botsession::{AilyDeleteSessionResponse, AilyErrorKind, ResponseError};
///
/// let body = br#"{"code":2700001,"msg":"param is invalid","error":{"log_id":"2024abc"}}"#;
/// let headers = [("X-Tt-Logid", "2024xyz")];
/// let err = AilyDeleteSessionResponse::from_http(400, &headers, body).unwrap_err();
/// let ResponseError::Service(e) = &err else { panic!("{err}") };
/// assert_eq!(e.kind(), AilyErrorKind::ParamInvalid);
/// assert_eq!(e.code(), 2700001);
/// assert_eq!(e.log_id(), Some("2024xyz"));
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
    detail: Box<AilyErrorDetail>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AilyErrorDetail {
    pub(crate) msg: String,
    pub(crate) log_id: Option<String>,
    pub(crate) rate_limit: Option<u64>,
    pub(crate) troubleshooter: Option<String>,
    pub(crate) field_violations: Vec<FieldViolation>,
    pub(crate) permission_violations: Vec<PermissionViolation>,
    pub(crate) helps: Vec<Help>,
}

impl AilyServiceError {
    /// The error as the service sends it for `kind`: its [`http_status`](AilyErrorKind::http_status),
    /// its documented [`msg`](AilyErrorKind::msg), and for [`AilyErrorKind::RateLimited`] the
    /// rate-limit headers (`x-ogw-ratelimit-limit` 50, the operation's documented limit per
    /// second, and `x-ogw-ratelimit-reset` 1 second). The `with_*` methods change any part.
    ///
    /// `AilyErrorKind::Other(0)` carries the success code: a response rendered from it reads
    /// back as a success.
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError, ResponseError};
    ///
    /// let sent = AilyServiceError::new(AilyErrorKind::RateLimited).with_log_id("2024abc");
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
        Self::from_wire(
            kind,
            kind.http_status(),
            rate_limited.then_some(1),
            AilyErrorDetail {
                msg: String::from(kind.msg()),
                log_id: None,
                rate_limit: rate_limited
                    .then_some(u64::from(AilyDeleteSessionRequest::RATE_LIMIT_PER_SECOND)),
                troubleshooter: None,
                field_violations: Vec::new(),
                permission_violations: Vec::new(),
                helps: Vec::new(),
            },
        )
    }

    pub(crate) fn from_wire(
        kind: AilyErrorKind,
        http_status: u16,
        rate_limit_reset: Option<u64>,
        detail: AilyErrorDetail,
    ) -> Self {
        AilyServiceError {
            kind,
            http_status,
            rate_limit_reset,
            detail: Box::new(detail),
        }
    }

    /// The same, with another `msg`.
    #[must_use]
    pub fn with_msg(mut self, msg: impl Into<String>) -> Self {
        self.detail.msg = msg.into();
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
    pub fn with_log_id(mut self, log_id: impl Into<String>) -> Self {
        self.detail.log_id = Some(log_id.into());
        self
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
    /// `X-Tt-Logid`, the rate-limit headers where set, and the envelope with `code`, `msg` and
    /// an `error` object holding whatever of the log id, troubleshooter, violations and helps
    /// is set. What it writes, [`AilyDeleteSessionResponse::from_http`](crate::AilyDeleteSessionResponse::from_http)
    /// reads back equal.
    pub fn render(&self) -> WireResponse {
        let detail = &*self.detail;
        let mut body = Vec::with_capacity(64 + detail.msg.len());
        let mut envelope = JsonObject::open(&mut body);
        write_i64(envelope.key(key!("code")), self.code());
        envelope.string(key!("msg"), &detail.msg);
        let has_error = detail.log_id.is_some()
            || detail.troubleshooter.is_some()
            || !detail.field_violations.is_empty()
            || !detail.permission_violations.is_empty()
            || !detail.helps.is_empty();
        if has_error {
            let mut error = JsonObject::open(envelope.key(key!("error")));
            error.optional(key!("log_id"), detail.log_id.as_deref());
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
        wire.header_if_safe(LOG_ID, detail.log_id.as_deref());
        if let Some(limit) = detail.rate_limit {
            wire.number_header(RATE_LIMIT_LIMIT, limit);
        }
        if let Some(reset) = self.rate_limit_reset {
            wire.number_header(RATE_LIMIT_RESET, reset);
        }
        wire
    }

    /// What the code means.
    pub fn kind(&self) -> AilyErrorKind {
        self.kind
    }
    /// The raw numeric code (wider than 16 bits: 99991663).
    pub fn code(&self) -> i64 {
        self.kind.code()
    }
    /// The service's `msg`: for people, never to branch on.
    pub fn msg(&self) -> &str {
        &self.detail.msg
    }
    /// The HTTP status of the response (400, 429, 500, and sometimes 200).
    pub fn http_status(&self) -> u16 {
        self.http_status
    }
    /// The log id for support: header `X-Tt-Logid`, else `X-Request-Id`, else `error.log_id`.
    pub fn log_id(&self) -> Option<&str> {
        self.detail.log_id.as_deref()
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
    /// Whether the token is invalid or expired: refresh it, then retry once.
    pub fn needs_token_refresh(&self) -> bool {
        self.kind.needs_token_refresh()
    }
    /// Whether the same call may succeed later: rate limiting and the internal codes, and for an
    /// unknown code a transient HTTP status (429, 500, 502, 503, 504).
    pub fn is_retryable(&self) -> bool {
        self.kind.is_retryable()
            || (matches!(self.kind, AilyErrorKind::Other(_))
                && is_transient_status(self.http_status))
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

impl Sealed for AilyServiceError {}

impl ServiceError for AilyServiceError {
    fn http_status(&self) -> u16 {
        self.http_status
    }
    fn is_retryable(&self) -> bool {
        AilyServiceError::is_retryable(self)
    }
    fn retry_after(&self) -> Option<Duration> {
        AilyServiceError::retry_after(self)
    }
    fn is_throttling(&self) -> bool {
        self.kind == AilyErrorKind::RateLimited
    }
    fn needs_credentials_refresh(&self) -> bool {
        self.needs_token_refresh()
    }
    fn is_clock_skew(&self) -> bool {
        false
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
        match self.detail.msg.as_str() {
            "" => Ok(()),
            msg => write!(f, ": {}", bounded(msg, EXCERPT_LEN)),
        }
    }
}

impl core::error::Error for AilyServiceError {}
