//! The Aily delete-session request: building, rendering, and routing it back from a request
//! line.

use alloc::string::String;

use super::{AilyAuthorization, AilySessionId, AilyTokenKind};
use crate::route::{self, RouteError};

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

/// Aily delete session: `DELETE /open-apis/aily/v1/sessions/:aily_session_id`.
///
/// Built from an [`AilySessionId`], so building one cannot fail; rendered into the exact method,
/// path and URL; parsed back from a request line by [`from_route`](Self::from_route).
///
/// ```
/// use botsession::{AilyDeleteSessionRequest, AilyHost, AilySessionId};
///
/// let request = AilyDeleteSessionRequest::new(AilySessionId::from_static("session_4dfunz7sp1g8m"));
/// assert_eq!(AilyDeleteSessionRequest::METHOD, "DELETE");
/// assert_eq!(request.path(), "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m");
/// assert_eq!(
///     request.url(AilyHost::Lark),
///     "https://open.larksuite.com/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
/// );
///
/// let parsed = AilyDeleteSessionRequest::from_route("DELETE", &request.path())?;
/// assert_eq!(parsed, request);
/// # Ok::<(), botsession::RouteError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AilyDeleteSessionRequest {
    #[cfg_attr(feature = "serde", serde(rename = "aily_session_id"))]
    session_id: AilySessionId,
}

const PATH_PREFIX: &str = "/open-apis/aily/v1/sessions/";

/// The other operations the service serves on the session path: get and update session.
const SIBLINGS: [(&str, &str); 2] = [("GET", "GetSession"), ("PUT", "UpdateSession")];

impl AilyDeleteSessionRequest {
    /// The HTTP method.
    pub const METHOD: &'static str = "DELETE";
    /// The path template, as the docs write it.
    pub const PATH_TEMPLATE: &'static str = "/open-apis/aily/v1/sessions/:aily_session_id";
    /// The documented rate limit per second (50 requests).
    pub const RATE_LIMIT_PER_SECOND: u32 = 50;
    /// The documented rate limit per minute (1000 requests).
    pub const RATE_LIMIT_PER_MINUTE: u32 = 1000;
    /// The permission the app needs: "read and write session information".
    pub const REQUIRED_SCOPE: &'static str = "aily:session:write";
    /// The access tokens the operation accepts: `tenant_access_token` or `user_access_token`.
    pub const TOKEN_KINDS: &'static [AilyTokenKind] = &[AilyTokenKind::Tenant, AilyTokenKind::User];
    /// The app types that may call it: custom (self-built) apps only.
    pub const APP_TYPES: &'static [&'static str] = &["custom"];
    /// The `Authorization` header's name.
    pub const AUTHORIZATION: &'static str = "Authorization";
    /// Every method the service serves on the session path (delete, get and update session):
    /// the `Allow` header of a 405.
    pub const ALLOW: &'static str = "DELETE, GET, PUT";

    /// The request for a session.
    pub const fn new(session_id: AilySessionId) -> Self {
        AilyDeleteSessionRequest { session_id }
    }

    /// The session to delete.
    pub const fn session_id(&self) -> AilySessionId {
        self.session_id
    }

    /// The request path: `/open-apis/aily/v1/sessions/<id>` (the id alphabet needs no encoding).
    pub fn path(&self) -> String {
        let id = self.session_id.as_str();
        let mut path = String::with_capacity(PATH_PREFIX.len() + id.len());
        path.push_str(PATH_PREFIX);
        path.push_str(id);
        path
    }

    /// The full URL on `host`.
    pub fn url(&self, host: AilyHost) -> String {
        self.url_on(host.base_url())
    }

    /// The full URL on any base: a mock on loopback, a proxy, a private endpoint. `base` is a
    /// scheme and host with an optional path prefix; a trailing `/` is dropped.
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionRequest, AilySessionId};
    ///
    /// let request = AilyDeleteSessionRequest::new(AilySessionId::from_static("session_4dfunz7sp1g8m"));
    /// assert_eq!(
    ///     request.url_on("http://127.0.0.1:8080/"),
    ///     "http://127.0.0.1:8080/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
    /// );
    /// ```
    pub fn url_on(&self, base: &str) -> String {
        let base = base.strip_suffix('/').unwrap_or(base);
        let id = self.session_id.as_str();
        let mut url = String::with_capacity(base.len() + PATH_PREFIX.len() + id.len());
        url.push_str(base);
        url.push_str(PATH_PREFIX);
        url.push_str(id);
        url
    }

    /// The one header the operation requires, `Authorization: Bearer <token>`, with the raw
    /// token: the name says so because the value is a secret.
    pub fn expose_authorization_header<'a>(
        &self,
        auth: &'a AilyAuthorization,
    ) -> (&'static str, &'a str) {
        (Self::AUTHORIZATION, auth.expose_header_value())
    }

    /// Parses a request line: `method` (case-sensitive) and `path` (percent-encoded, any query
    /// string ignored).
    ///
    /// # Errors
    ///
    /// [`RouteError::NotFound`] for another path (`/open-apis/aily/v1/sessions/`,
    /// `/open-apis/aily/v1/sessions/x/`), [`RouteError::OtherOperation`] for `GET` and `PUT`
    /// (get and update session), [`RouteError::MethodNotAllowed`] for any other method on
    /// this path (`POST`, `delete`), [`RouteError::Escape`] or [`RouteError::Utf8`] for a label
    /// that does not percent-decode (`session_%4`, `%FF`), [`RouteError::Label`] for an invalid
    /// session id (`session_I`), and [`RouteError::PathTooLong`] past
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN).
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteError> {
        Self::route(method, route::path_only(path)?)
    }

    /// [`from_route`](Self::from_route) on a path already checked for length, without its
    /// query string.
    pub(crate) fn route(method: &str, path: &str) -> Result<Self, RouteError> {
        let label = match path.strip_prefix(PATH_PREFIX) {
            Some(label) if !label.is_empty() && !label.contains('/') => label,
            _ => return Err(RouteError::NotFound),
        };
        route::expect_method(method, Self::METHOD, &SIBLINGS)?;
        route::label(label, "aily_session_id").map(Self::new)
    }
}

impl From<AilySessionId> for AilyDeleteSessionRequest {
    fn from(session_id: AilySessionId) -> Self {
        Self::new(session_id)
    }
}
