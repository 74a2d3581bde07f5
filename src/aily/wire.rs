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
/// The path of the session collection: create posts to it, and a session's path is it, `/`
/// and the id (whose alphabet needs no percent-encoding).
pub(crate) const SESSIONS_PATH: &str = "/open-apis/aily/v1/sessions";
/// Writes the path of the session `id`.
pub(crate) fn write_session_path(out: &mut alloc::string::String, id: crate::AilySessionId) {
    out.push_str(SESSIONS_PATH);
    out.push('/');
    out.push_str(id.as_str());
}

/// The request header of create session that carries the caller's own user id.
#[cfg(feature = "serde")]
pub(crate) const BIZ_USER_ID: &str = "X-Aily-BizUserID";
/// The request header that names the body's type.
#[cfg(feature = "serde")]
pub(crate) const CONTENT_TYPE_HEADER: &str = "Content-Type";
/// The most bytes of a create or update body the crate reads: 16 KiB. The longest valid body
/// is under 6.2 KB with every character of both fields escaped as a surrogate pair
/// (`\ud83d\ude00`, 12 bytes a character: 2 × 255 × 12 + 40), so the limit leaves room for
/// whitespace and fields the service ignores, and a larger body is refused before any of it is
/// parsed.
pub const AILY_MAX_BODY_LEN: usize = 16 * 1024;
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
/// The scope of the operations that change sessions.
pub(crate) const WRITE_SCOPE: &str = "aily:session:write";
/// The scope of get session.
pub(crate) const READ_SCOPE: &str = "aily:session:read";

#[cfg(feature = "serde")]
pub(crate) use envelope::{Envelope, WireError};

#[cfg(feature = "serde")]
mod envelope {
    use alloc::string::String;
    use alloc::vec::Vec;

    use serde::Deserialize;
    use serde_json::value::RawValue;

    use crate::response::Object;
    use crate::{FieldViolation, Help, PermissionViolation};

    /// The envelope every Aily response has: `code`, `msg`, the operation's `data` (kept as
    /// its JSON text, read as the operation's data only for a success, so that an error's
    /// `data`, whatever it holds, never hides its code) and, on an error, the `error` object;
    /// unknown fields are ignored.
    #[derive(Deserialize)]
    pub(crate) struct Envelope<'a> {
        pub(crate) code: i64,
        #[serde(default)]
        pub(crate) msg: Option<String>,
        #[serde(default, borrow)]
        pub(crate) data: Option<&'a RawValue>,
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
