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
        let mut url = String::from(host.base_url());
        url.push_str(&self.path());
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
    /// `/open-apis/aily/v1/sessions/x/`), [`RouteError::MethodNotAllowed`] for another method on
    /// this path (`GET`, `delete`), [`RouteError::Escape`] or [`RouteError::Utf8`] for a label
    /// that does not percent-decode (`session_%4`, `%FF`), [`RouteError::Label`] for an invalid
    /// session id (`session_I`), and [`RouteError::PathTooLong`] past
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN).
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteError> {
        let path = route::path_only(path)?;
        let label = match path.strip_prefix(PATH_PREFIX) {
            Some(label) if !label.is_empty() && !label.contains('/') => label,
            _ => return Err(RouteError::NotFound),
        };
        route::expect_method(method, Self::METHOD)?;
        route::label(label, "aily_session_id").map(Self::new)
    }
}

impl From<AilySessionId> for AilyDeleteSessionRequest {
    fn from(session_id: AilySessionId) -> Self {
        Self::new(session_id)
    }
}

#[cfg(feature = "serde")]
pub use response::AilyDeleteSessionResponse;

#[cfg(feature = "serde")]
mod response {
    use alloc::boxed::Box;
    use alloc::string::String;
    use alloc::vec::Vec;

    use serde::de::IgnoredAny;
    use serde::Deserialize;

    use super::super::error::{AilyErrorDetail, AilyErrorKind, AilyServiceError};
    use super::super::error::{FieldViolation, Help, PermissionViolation};
    use crate::response::{parse_object, pick_headers, seconds, Object, ResponseError};

    /// A successful Aily delete-session response: `code` 0.
    ///
    /// The docs' example body is `{"code": 0, "msg": "success", "data": {}}`.
    ///
    /// ```
    /// use botsession::AilyDeleteSessionResponse;
    ///
    /// let body = br#"{"code":0,"msg":"success","data":{}}"#;
    /// let ok = AilyDeleteSessionResponse::from_http(200, &[("x-tt-logid", "2024abc")], body)?;
    /// assert_eq!(ok.msg(), "success");
    /// assert_eq!(ok.log_id(), Some("2024abc"));
    /// # Ok::<(), botsession::ResponseError<botsession::AilyServiceError>>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct AilyDeleteSessionResponse {
        http_status: u16,
        msg: String,
        log_id: Option<String>,
    }

    /// The envelope every Aily response has; `data` is read and dropped (the operation returns
    /// none), unknown fields are ignored.
    #[derive(Deserialize)]
    struct Envelope {
        code: i64,
        #[serde(default)]
        msg: Option<String>,
        #[serde(default)]
        #[allow(dead_code)]
        data: Option<IgnoredAny>,
        #[serde(default)]
        error: Option<Object<WireError>>,
    }

    #[derive(Deserialize, Default)]
    struct WireError {
        #[serde(default)]
        log_id: Option<String>,
        #[serde(default)]
        troubleshooter: Option<String>,
        #[serde(default)]
        field_violations: Option<Vec<Object<FieldViolation>>>,
        #[serde(default)]
        permission_violations: Option<Vec<Object<PermissionViolation>>>,
        #[serde(default)]
        helps: Option<Vec<Object<Help>>>,
    }

    fn objects<T>(list: Option<Vec<Object<T>>>) -> Vec<T> {
        list.unwrap_or_default().into_iter().map(|o| o.0).collect()
    }

    impl AilyDeleteSessionResponse {
        /// Classifies a response from its HTTP status, headers (names matched
        /// case-insensitively, first occurrence wins) and body.
        ///
        /// The body decides, whatever the status: Aily sends business errors with 4xx, 5xx and
        /// sometimes 200, so `code` 0 is success and any other code a
        /// [`AilyServiceError`].
        ///
        /// # Errors
        ///
        /// [`ResponseError::Service`] for a non-zero `code`; [`ResponseError::Malformed`] for a
        /// body that is not the envelope: empty, not JSON, truncated, `code` missing or not an
        /// integer that fits in 64 bits, a JSON array instead of an object, or JSON nested
        /// deeper than 128 levels anywhere, read or ignored.
        pub fn from_http<K, V>(
            status: u16,
            headers: &[(K, V)],
            body: &[u8],
        ) -> Result<Self, ResponseError<AilyServiceError>>
        where
            K: AsRef<[u8]>,
            V: AsRef<[u8]>,
        {
            let [tt_logid, request_id, reset] = pick_headers(
                headers.iter().map(|(k, v)| (k, v)),
                ["x-tt-logid", "x-request-id", "x-ogw-ratelimit-reset"],
            );
            Self::classify(status, tt_logid.or(request_id), reset, body)
        }

        /// [`from_http`](Self::from_http) once the headers are picked: the log id header
        /// (`X-Tt-Logid`, else `X-Request-Id`) and `x-ogw-ratelimit-reset`.
        pub(crate) fn classify(
            status: u16,
            log_id: Option<&str>,
            reset: Option<&str>,
            body: &[u8],
        ) -> Result<Self, ResponseError<AilyServiceError>> {
            let envelope: Envelope = parse_object(status, body)
                .map_err(|m| ResponseError::Malformed(m.with_retry_after(seconds(reset))))?;
            let header_log_id = log_id.map(String::from);
            let msg = envelope.msg.unwrap_or_default();
            if envelope.code == 0 {
                let log_id = header_log_id.or(envelope.error.and_then(|e| e.0.log_id));
                return Ok(AilyDeleteSessionResponse {
                    http_status: status,
                    msg,
                    log_id,
                });
            }
            let error = envelope.error.map(|e| e.0).unwrap_or_default();
            Err(ResponseError::Service(AilyServiceError {
                kind: AilyErrorKind::from_code(envelope.code),
                http_status: status,
                rate_limit_reset: seconds(reset),
                detail: Box::new(AilyErrorDetail {
                    msg,
                    log_id: header_log_id.or(error.log_id),
                    troubleshooter: error.troubleshooter,
                    field_violations: objects(error.field_violations),
                    permission_violations: objects(error.permission_violations),
                    helps: objects(error.helps),
                }),
            }))
        }

        /// The HTTP status of the response.
        pub fn http_status(&self) -> u16 {
            self.http_status
        }

        /// The service's `msg` (`"success"`).
        pub fn msg(&self) -> &str {
            &self.msg
        }

        /// The log id: header `X-Tt-Logid`, else `X-Request-Id`, else `error.log_id`.
        pub fn log_id(&self) -> Option<&str> {
            self.log_id.as_deref()
        }
    }
}
