//! Aily error codes and the service error: what a non-zero `code` means, and everything the
//! error envelope carries.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::time::Duration;

use crate::response::{is_transient_status, sealed::Sealed, ServiceError};
use crate::text::{bounded, EXCERPT_LEN};

/// Declares [`AilyErrorKind`] from one table of `variant = code, description`.
macro_rules! aily_codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $desc:literal;)*) => {
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
        }
    };
}

aily_codes! {
    /// 2700001, HTTP 400: a parameter is invalid (the delete-session docs' own code).
    ParamInvalid = 2700001, "param is invalid";
    /// 99991400, HTTP 429 (older APIs 400): rate limited; wait `x-ogw-ratelimit-reset` seconds.
    RateLimited = 99991400, "request rate limit exceeded";
    /// 99991401: the caller's IP address is denied.
    IpDenied = 99991401, "IP address denied";
    /// 99991403: the monthly call quota is used up.
    QuotaExceeded = 99991403, "monthly quota exceeded";
    /// 99991661: the `Authorization` header is missing or malformed.
    TokenMissing = 99991661, "access token missing or malformed";
    /// 99991663: the tenant access token is invalid or expired.
    TenantTokenInvalid = 99991663, "tenant access token invalid or expired";
    /// 99991664: the app access token is invalid.
    AppTokenInvalid = 99991664, "app access token invalid";
    /// 99991665: the tenant code is invalid.
    InvalidTenantCode = 99991665, "invalid tenant code";
    /// 99991668: the user access token is invalid.
    UserTokenInvalid = 99991668, "user access token invalid";
    /// 99991671: the token does not start with `t-` or `u-`.
    TokenPrefixInvalid = 99991671, "access token must start with t- or u-";
    /// 99991672: the app lacks the scope (see the permission violations).
    AppScopeMissing = 99991672, "app lacks the required scope";
    /// 99991673: the app is not authorized.
    AppUnauthorized = 99991673, "app not authorized";
    /// 99991676: the token has no permission for this call.
    TokenNoPermission = 99991676, "access token has no permission";
    /// 99991677: the user access token has expired.
    UserTokenExpired = 99991677, "user access token expired";
    /// 99991679: the user has not granted the scope.
    UserScopeNotGranted = 99991679, "user has not granted the scope";
    /// 1500: internal error, transient.
    Internal = 1500, "internal error";
    /// 2200: internal error, transient.
    InternalServer = 2200, "internal server error";
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
    pub(crate) troubleshooter: Option<String>,
    pub(crate) field_violations: Vec<FieldViolation>,
    pub(crate) permission_violations: Vec<PermissionViolation>,
    pub(crate) helps: Vec<Help>,
}

impl AilyServiceError {
    pub(crate) fn new(
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
