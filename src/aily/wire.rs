//! Aily on the wire: the hosts, the header names and the envelope every operation's response
//! has, written once for both directions.

/// The open-platform host a request goes to: Feishu (China) or Lark (international).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum AilyHost {
    /// `https://open.feishu.cn`.
    Feishu,
    /// `https://open.larksuite.com`.
    Lark,
}

impl AilyHost {
    /// The scheme and host, without a trailing slash.
    pub const fn base_url(self) -> &'static str {
        match self {
            AilyHost::Feishu => "https://open.feishu.cn",
            AilyHost::Lark => "https://open.larksuite.com",
        }
    }
}

/// The request header that carries the access token.
pub(crate) const AUTHORIZATION: &str = "Authorization";
/// The log id header the service sets.
#[cfg(feature = "serde")]
pub(crate) const LOG_ID: &str = "X-Tt-Logid";
/// The log id header some gateways set instead, read when [`LOG_ID`] is absent.
#[cfg(feature = "serde")]
pub(crate) const REQUEST_ID: &str = "X-Request-Id";
/// The content type of every Aily response: JSON, as the docs say, with the charset the Go
/// JSON renderers of Feishu's gateway add (its 404 is Go's own `404 page not found`).
#[cfg(feature = "serde")]
pub(crate) const CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// The limit the call hit, sent with code 99991400.
#[cfg(feature = "serde")]
pub(crate) const RATE_LIMIT_LIMIT: &str = "x-ogw-ratelimit-limit";
/// Seconds until the rate limit resets, sent with code 99991400.
#[cfg(feature = "serde")]
pub(crate) const RATE_LIMIT_RESET: &str = "x-ogw-ratelimit-reset";
/// The headers a response is read for, in this order.
#[cfg(feature = "serde")]
pub(crate) const HEADERS: [&str; 4] = [LOG_ID, REQUEST_ID, RATE_LIMIT_RESET, RATE_LIMIT_LIMIT];
/// The documented rate limit of the session operations, per app and operation: per second.
pub(crate) const RATE_LIMIT_PER_SECOND: u32 = 50;
/// The same, per minute.
pub(crate) const RATE_LIMIT_PER_MINUTE: u32 = 1000;
/// The `msg` of a success.
#[cfg(feature = "serde")]
pub(crate) const SUCCESS: &str = "success";

#[cfg(feature = "serde")]
pub(crate) use envelope::{Envelope, WireError};

#[cfg(feature = "serde")]
mod envelope {
    use alloc::string::String;
    use alloc::vec::Vec;

    use serde::de::IgnoredAny;
    use serde::Deserialize;

    use crate::response::Object;
    use crate::{FieldViolation, Help, PermissionViolation};

    /// The envelope every Aily response has: `code`, `msg`, the operation's `data` (read and
    /// dropped: delete session's is `{}`) and, on an
    /// error, the `error` object; unknown fields are ignored.
    #[derive(Deserialize)]
    pub(crate) struct Envelope {
        pub(crate) code: i64,
        #[serde(default)]
        pub(crate) msg: Option<String>,
        #[serde(default)]
        #[allow(dead_code)]
        pub(crate) data: Option<IgnoredAny>,
        #[serde(default)]
        pub(crate) error: Option<Object<WireError>>,
    }

    /// The envelope's `error` object.
    #[derive(Deserialize, Default)]
    pub(crate) struct WireError {
        #[serde(default)]
        pub(crate) log_id: Option<String>,
        #[serde(default)]
        pub(crate) troubleshooter: Option<String>,
        #[serde(default)]
        pub(crate) field_violations: Option<Vec<Object<FieldViolation>>>,
        #[serde(default)]
        pub(crate) permission_violations: Option<Vec<Object<PermissionViolation>>>,
        #[serde(default)]
        pub(crate) helps: Option<Vec<Object<Help>>>,
    }
}
