//! Aily get session, `GET /open-apis/aily/v1/sessions/:aily_session_id`: the request (built,
//! rendered, routed back from a request line) and the success response.

use alloc::string::String;

use super::wire::{self, AilyHost};
use super::{AilyAuthorization, AilySessionId, AilyTokenKind};
use crate::route::label::WritePath;
use crate::route::{self, Incoming, Labels, RouteError};

/// Aily get session: `GET /open-apis/aily/v1/sessions/:aily_session_id`.
///
/// Built from an [`AilySessionId`], so building one cannot fail; rendered into the exact method,
/// path and URL; parsed back from a request line by [`from_route`](Self::from_route) (`HEAD`
/// too, as `GET`). It has no body.
///
/// ```
/// use botsession::{AilyGetSessionRequest, AilySessionId};
///
/// let request = AilyGetSessionRequest::new(AilySessionId::from_static("session_4dfunz7sp1g8m"));
/// assert_eq!(AilyGetSessionRequest::METHOD, "GET");
/// assert_eq!(AilyGetSessionRequest::REQUIRED_SCOPE, "aily:session:read");
/// assert_eq!(request.path(), "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m");
/// assert_eq!(AilyGetSessionRequest::from_route("GET", &request.path()), Ok(request));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AilyGetSessionRequest {
    #[cfg_attr(feature = "serde", serde(rename = "aily_session_id"))]
    session_id: AilySessionId,
}

impl AilyGetSessionRequest {
    /// The HTTP method.
    pub const METHOD: &'static str = "GET";
    /// The path template, as the docs write it.
    pub const PATH_TEMPLATE: &'static str = "/open-apis/aily/v1/sessions/:aily_session_id";
    /// The documented rate limit per second (50 requests).
    pub const RATE_LIMIT_PER_SECOND: u32 = wire::RATE_LIMIT_PER_SECOND;
    /// The documented rate limit per minute (1000 requests).
    pub const RATE_LIMIT_PER_MINUTE: u32 = wire::RATE_LIMIT_PER_MINUTE;
    /// The permission the app needs: "read session information".
    pub const REQUIRED_SCOPE: &'static str = "aily:session:read";
    /// The access tokens the operation accepts: `tenant_access_token` or `user_access_token`.
    pub const TOKEN_KINDS: &'static [AilyTokenKind] = &[AilyTokenKind::Tenant, AilyTokenKind::User];
    /// The app types that may call it: custom (self-built) apps only.
    pub const APP_TYPES: &'static [&'static str] = &["custom"];
    /// The `Authorization` header's name.
    pub const AUTHORIZATION: &'static str = wire::AUTHORIZATION;

    /// The request for a session.
    pub const fn new(session_id: AilySessionId) -> Self {
        AilyGetSessionRequest { session_id }
    }

    /// The session to read.
    pub const fn session_id(&self) -> AilySessionId {
        self.session_id
    }

    /// The request path: `/open-apis/aily/v1/sessions/<id>`.
    pub fn path(&self) -> String {
        WritePath::path(self)
    }

    /// The full URL on `host`.
    pub fn url(&self, host: AilyHost) -> String {
        self.url_on(host.base_url())
    }

    /// The full URL on any base (a mock on loopback, a proxy): a scheme and host with an
    /// optional path prefix; a trailing `/` is dropped.
    pub fn url_on(&self, base: &str) -> String {
        WritePath::url_on(self, base)
    }

    /// The one header the operation requires, `Authorization: Bearer <token>`, with the raw
    /// token: the name says so because the value is a secret.
    pub fn expose_authorization_header<'a>(
        &self,
        auth: &'a AilyAuthorization,
    ) -> (&'static str, &'a str) {
        (Self::AUTHORIZATION, auth.expose_header_value())
    }

    /// Parses a request line: `method` (case-sensitive; `HEAD` is read as `GET`) and `path`
    /// (percent-encoded, any query string ignored but counted in
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN)).
    ///
    /// # Errors
    ///
    /// As [`AilyDeleteSessionRequest::from_route`](crate::AilyDeleteSessionRequest::from_route),
    /// with [`RouteError::OtherOperation`] for `DELETE` and `PUT`.
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteError> {
        route::route_to(method, path, &Incoming::none())
    }

    /// The request from the labels of its path template (it reads no header and no body).
    pub(crate) fn from_parts(mut labels: Labels<'_>, _: &Incoming<'_>) -> Result<Self, RouteError> {
        Ok(Self::new(labels.next()?))
    }
}

impl WritePath for AilyGetSessionRequest {
    fn write_path(&self, out: &mut String) {
        wire::write_session_path(out, self.session_id);
    }
}

impl From<AilySessionId> for AilyGetSessionRequest {
    fn from(session_id: AilySessionId) -> Self {
        Self::new(session_id)
    }
}

#[cfg(feature = "serde")]
crate::aily::session::session_response! {
    /// A successful Aily get-session response: `code` 0 and the session in `data.session`.
    ///
    /// A client reads one with [`from_http`](Self::from_http); a server builds one with
    /// [`new`](Self::new) and writes it with [`render`](Self::render).
    ///
    /// ```
    /// use botsession::AilyGetSessionResponse;
    ///
    /// let body = br#"{"code":0,"msg":"success","data":{"session":{"id":"session_4dfunz7sp1g8m",
    ///     "created_at":"1711975665710","modified_at":"1711975665710",
    ///     "created_by":"1794840334557292","channel_context":"{}","metadata":"{}"}}}"#;
    /// let ok = AilyGetSessionResponse::from_http(200, &[("X-Tt-Logid", "2024abc")], body)?;
    /// assert_eq!(ok.session().id(), "session_4dfunz7sp1g8m");
    /// assert_eq!(ok.session().created_at(), 1711975665710);
    /// assert_eq!(ok.session().created_by(), Some("1794840334557292"));
    /// assert_eq!(ok.request_id(), Some("2024abc"));
    ///
    /// let wire = ok.render();
    /// assert_eq!(AilyGetSessionResponse::from_http(wire.status(), wire.headers(), wire.body()), Ok(ok));
    /// # Ok::<(), botsession::ResponseError<botsession::AilyServiceError>>(())
    /// ```
    AilyGetSessionResponse
}
