//! Aily error codes: what a non-zero `code` means, the status it is sent with, and what a
//! caller should do about it. One table; every fact about a code is in its row.

/// `Some(status)` for a row whose status the docs give, else `None`.
macro_rules! documented {
    (documented, $status:literal) => {
        Some($status)
    };
    ($source:ident, $status:literal) => {
        None
    };
}

/// Declares [`AilyErrorKind`] from one table of
/// `variant = code, status, source of the status, message, description`.
macro_rules! aily_codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $status:literal $source:ident, $msg:literal, $desc:literal;)*) => {
        /// What an Aily error code means: the session operations' code from their docs and
        /// every platform-wide code any call can return, with [`AilyErrorKind::Unknown`]
        /// keeping codes this crate does not know, so a new code never fails parsing.
        ///
        /// Kinds compare and hash by [`code`](AilyErrorKind::code), so `Unknown(2700001)`
        /// equals `ParamInvalid`; [`from_code`](AilyErrorKind::from_code) never builds the
        /// former.
        #[derive(Clone, Copy, Debug)]
        #[non_exhaustive]
        pub enum AilyErrorKind {
            $($(#[$doc])* $variant,)*
            /// A code not listed here, kept as sent.
            Unknown(i64),
        }

        impl AilyErrorKind {
            /// Every known kind: the operation's own code, then the platform codes.
            pub const KNOWN: &'static [AilyErrorKind] = &[$(AilyErrorKind::$variant),*];

            /// The kind for a numeric code; never fails.
            pub const fn from_code(code: i64) -> AilyErrorKind {
                match code {
                    $($code => AilyErrorKind::$variant,)*
                    other => AilyErrorKind::Unknown(other),
                }
            }

            /// The numeric code.
            pub const fn code(self) -> i64 {
                match self {
                    $(AilyErrorKind::$variant => $code,)*
                    AilyErrorKind::Unknown(code) => code,
                }
            }

            /// What the code means, in the docs' words where they give some.
            pub const fn description(self) -> &'static str {
                match self {
                    $(AilyErrorKind::$variant => $desc,)*
                    AilyErrorKind::Unknown(_) => "unknown error code",
                }
            }

            /// The HTTP status the service sends the code with: documented (400 for 2700001,
            /// 429 for rate limiting) or observed (400 for the token codes, 401 for an expired
            /// user token); 400 where neither is known, as for the other token and scope codes,
            /// and 500 for the internal errors. [`AilyServiceError::new`](crate::AilyServiceError::new) answers with it.
            pub const fn http_status(self) -> u16 {
                match self {
                    $(AilyErrorKind::$variant => $status,)*
                    AilyErrorKind::Unknown(_) => 400,
                }
            }

            /// The HTTP status the docs give with the code: 400 for 2700001, 429 for rate
            /// limiting; `None` where they give none (the others arrive with 4xx, 5xx or 200,
            /// and [`http_status`](Self::http_status) is what was observed or assumed).
            pub const fn documented_status(self) -> Option<u16> {
                match self {
                    $(AilyErrorKind::$variant => documented!($source, $status),)*
                    AilyErrorKind::Unknown(_) => None,
                }
            }

            /// The `msg` the service sends with the code, where it is documented or observed;
            /// else the [`description`](Self::description). [`AilyServiceError::new`](crate::AilyServiceError::new)
            /// sends it.
            pub const fn message(self) -> &'static str {
                match self {
                    $(AilyErrorKind::$variant => $msg,)*
                    AilyErrorKind::Unknown(_) => "unknown error",
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
    ParamInvalid = 2700001, 400 documented, "param is invalid", "param is invalid";
    /// 99991400, HTTP 429 (older APIs 400): rate limited; wait `x-ogw-ratelimit-reset` seconds.
    RateLimited = 99991400, 429 documented, "request trigger frequency limit", "request rate limit exceeded";
    /// 99991401: the caller's IP address is denied.
    IpDenied = 99991401, 400 assumed, "ip is denied by app setting", "IP address denied";
    /// 99991403: the monthly call quota is used up.
    QuotaExceeded = 99991403, 429 observed, "monthly quota exceeded", "monthly quota exceeded";
    /// 99991661: the `Authorization` header is missing or malformed.
    TokenMissing = 99991661, 400 observed,
        "Missing access token for authorization. Please make a request with token attached.",
        "access token missing or malformed";
    /// 99991663: the tenant access token is invalid or expired.
    TenantTokenInvalid = 99991663, 400 observed,
        "Invalid access token for authorization. Please make a request with token attached.",
        "tenant access token invalid or expired";
    /// 99991664: the app access token is invalid.
    AppTokenInvalid = 99991664, 400 assumed, "app access token invalid", "app access token invalid";
    /// 99991665: the tenant code is invalid.
    InvalidTenantCode = 99991665, 400 assumed, "invalid tenant code", "invalid tenant code";
    /// 99991668: the user access token is invalid.
    UserTokenInvalid = 99991668, 400 observed,
        "Invalid access token for authorization. Please make a request with token attached.",
        "user access token invalid";
    /// 99991671: the token does not start with `t-` or `u-`.
    TokenPrefixInvalid = 99991671, 400 assumed,
        "access token must start with t- or u-", "access token must start with t- or u-";
    /// 99991672: the app lacks the scope (see the permission violations).
    AppScopeMissing = 99991672, 400 observed,
        "Access denied. One of the following scopes is required: [aily:session:write].",
        "app lacks the required scope";
    /// 99991673: the app is not authorized.
    AppUnauthorized = 99991673, 400 assumed, "app not authorized", "app not authorized";
    /// 99991676: the token has no permission for this call.
    TokenNoPermission = 99991676, 400 assumed,
        "access token has no permission", "access token has no permission";
    /// 99991677, HTTP 401: the user access token has expired.
    UserTokenExpired = 99991677, 401 observed,
        "Authentication token expired. Please request a new one.", "user access token expired";
    /// 99991679: the user has not granted the scope.
    UserScopeNotGranted = 99991679, 400 assumed,
        "Unauthorized. You do not have permission to perform the requested operation on the resource. Please request user re-authorization and try again.",
        "user has not granted the scope";
    /// 1500: internal error, transient.
    Internal = 1500, 500 assumed, "internal error", "internal error";
    /// 2200: internal error, transient.
    InternalServer = 2200, 500 assumed, "internal server error", "internal server error";
    /// 99991201, HTTP 404: no API at this path (the generic error code page; the live gateway
    /// has also been seen to answer a bare `404 page not found` in plain text).
    PathNotFound = 99991201, 404 assumed, "resource not find", "no API at this path";
    /// 99991301, HTTP 405: the path's API does not take this method.
    MethodMismatch = 99991301, 405 assumed, "request method doesn't match", "request method does not match";
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
    /// Whether the same call may succeed later: rate limiting and the internal errors.
    pub const fn is_retryable(self) -> bool {
        matches!(
            self,
            AilyErrorKind::RateLimited | AilyErrorKind::Internal | AilyErrorKind::InternalServer
        )
    }

    /// Whether the service throttled the call: rate limiting.
    pub const fn is_throttling(self) -> bool {
        matches!(self, AilyErrorKind::RateLimited)
    }

    /// Whether the token is invalid or expired: refresh it, then retry once.
    pub const fn needs_credentials_refresh(self) -> bool {
        matches!(
            self,
            AilyErrorKind::TenantTokenInvalid
                | AilyErrorKind::AppTokenInvalid
                | AilyErrorKind::UserTokenInvalid
                | AilyErrorKind::UserTokenExpired
        )
    }
}
