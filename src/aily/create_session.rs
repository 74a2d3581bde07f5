//! Aily create session, `POST /open-apis/aily/v1/sessions`: the request (built from validated
//! parts, rendered with its headers and JSON body, read back from an incoming request) and the
//! success response.

use alloc::string::String;

use super::session::read_fields;
use super::wire::{self};
use super::{AilyBizUserId, AilyChannelContext, AilyMetadata};
use crate::route::label::WritePath;
use crate::route::{self, FieldError, Incoming, Labels, RouteError};
use crate::Headers;

/// Aily create session: `POST /open-apis/aily/v1/sessions`, with `Content-Type:
/// application/json; charset=utf-8`, the optional `X-Aily-BizUserID` header, and the JSON body
/// `{"channel_context": …, "metadata": …}` (each field optional).
///
/// Built from validated parts, so building one cannot fail; rendered into the exact method,
/// path, headers and body; read back from an incoming request by
/// [`from_request`](Self::from_request). Its serde form is
/// `{"biz_user_id"?, "channel_context"?, "metadata"?}`.
///
/// ```
/// use botsession::{AilyBizUserId, AilyCreateSessionRequest, AilyMetadata};
///
/// let request = AilyCreateSessionRequest::new()
///     .with_metadata(AilyMetadata::new("{}")?)
///     .with_biz_user_id(AilyBizUserId::new("ou_5ad573a6411d72b8305fda3a9c15c70e")?);
/// assert_eq!(AilyCreateSessionRequest::METHOD, "POST");
/// assert_eq!(request.path(), "/open-apis/aily/v1/sessions");
/// assert_eq!(request.body(), br#"{"metadata":"{}"}"#);
/// let headers: Vec<_> = request.headers().collect();
/// assert_eq!(
///     headers,
///     [
///         ("Content-Type", "application/json; charset=utf-8"),
///         ("X-Aily-BizUserID", "ou_5ad573a6411d72b8305fda3a9c15c70e"),
///     ]
/// );
///
/// let read = AilyCreateSessionRequest::from_request("POST", &request.path(), &headers, &request.body());
/// assert_eq!(read, Ok(request));
/// # Ok::<(), botsession::TextError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct AilyCreateSessionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    biz_user_id: Option<AilyBizUserId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    channel_context: Option<AilyChannelContext>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    metadata: Option<AilyMetadata>,
}

impl AilyCreateSessionRequest {
    /// The HTTP method.
    pub const METHOD: &'static str = "POST";
    /// The path, as the docs write it (it has no parameter).
    pub const PATH_TEMPLATE: &'static str = wire::SESSIONS_PATH;
    /// The optional header that carries the caller's own user id.
    pub const BIZ_USER_ID_HEADER: &'static str = wire::BIZ_USER_ID;
    /// A request with no field and no user id: the body `{}`.
    pub fn new() -> Self {
        Self::default()
    }

    /// The same, sent with `X-Aily-BizUserID`.
    #[must_use]
    pub fn with_biz_user_id(mut self, biz_user_id: AilyBizUserId) -> Self {
        self.biz_user_id = Some(biz_user_id);
        self
    }

    /// The caller's user id, where one is sent.
    pub fn biz_user_id(&self) -> Option<&AilyBizUserId> {
        self.biz_user_id.as_ref()
    }

    /// The request path: `/open-apis/aily/v1/sessions`.
    pub fn path(&self) -> String {
        String::from(wire::SESSIONS_PATH)
    }

    /// The headers the request sends besides `Authorization`: `Content-Type`, and
    /// `X-Aily-BizUserID` where a user id is set.
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let user = self.biz_user_id.as_ref();
        [(wire::CONTENT_TYPE_HEADER, wire::CONTENT_TYPE)]
            .into_iter()
            .chain(user.map(|u| (wire::BIZ_USER_ID, u.as_str())))
    }

    /// Reads an incoming request: its request line (`method`, case-sensitive, and `target`,
    /// any query string ignored but counted in [`MAX_PATH_LEN`](crate::MAX_PATH_LEN)), its
    /// headers (any [`Headers`]; `Authorization` is read apart, by
    /// [`AilyAuthorization::from_request_headers`](crate::AilyAuthorization::from_request_headers)) and its body.
    ///
    /// The body is read strictly: one JSON object of at most
    /// [`MAX_BODY_LEN`](Self::MAX_BODY_LEN) bytes, whose `channel_context` and `metadata` are
    /// strings of at most 255 characters, or `null` (read as absent), each at most once. Other
    /// fields are ignored, as the service ignores them.
    ///
    /// # Errors
    ///
    /// As a request line: [`RouteError::NotFound`], [`RouteError::MethodNotAllowed`] (any
    /// method but `POST`), [`RouteError::PathTooLong`]. Then, in this order:
    /// [`RouteError::ContentType`] for a missing, repeated or other `Content-Type`;
    /// [`RouteError::Header`] for an `X-Aily-BizUserID` that is repeated, longer than 255 or
    /// not visible ASCII; [`RouteError::BodyTooLarge`] past the limit; [`RouteError::Body`] for
    /// a body that is empty, not JSON, truncated or not an object; and [`RouteError::Field`]
    /// for a field that is not a string, is repeated, or is longer than 255 characters.
    pub fn from_request<H: Headers + ?Sized>(
        method: &str,
        target: &str,
        headers: &H,
        body: &[u8],
    ) -> Result<Self, RouteError> {
        let lookup = route::body::Lookup(headers);
        route::route_to(method, target, &Incoming::new(&lookup, body))
    }

    /// The request from its headers and body (the path has no label).
    pub(crate) fn from_parts(_: Labels<'_>, incoming: &Incoming<'_>) -> Result<Self, RouteError> {
        incoming.require_json(wire::CONTENT_TYPE)?;
        let biz_user_id = match incoming.header(wire::BIZ_USER_ID)? {
            None => None,
            Some(value) => Some(biz_user_id(value)?),
        };
        let fields = read_fields(incoming)?;
        Ok(AilyCreateSessionRequest {
            biz_user_id,
            channel_context: fields.channel_context,
            metadata: fields.metadata,
        })
    }
}

/// The `X-Aily-BizUserID` header's value, as a user id.
fn biz_user_id(value: &[u8]) -> Result<AilyBizUserId, RouteError> {
    let fail = |error| RouteError::Header {
        name: wire::BIZ_USER_ID,
        error: FieldError::Text(error),
    };
    let text = core::str::from_utf8(value).map_err(|e| {
        fail(crate::TextError::Character {
            index: e.valid_up_to(),
        })
    })?;
    AilyBizUserId::new(text).map_err(fail)
}

super::request::aily_request!(
    AilyCreateSessionRequest,
    scope wire::WRITE_SCOPE,
    "read and write session information"
);
super::request::body_fields!(AilyCreateSessionRequest);

impl WritePath for AilyCreateSessionRequest {
    fn write_path(&self, out: &mut String) {
        out.push_str(wire::SESSIONS_PATH);
    }
}

crate::aily::session::session_response! {
    /// A successful Aily create-session response: `code` 0 and the new session in
    /// `data.session`.
    ///
    /// ```
    /// use botsession::{AilyCreateSessionResponse, AilySession, AilySessionId};
    ///
    /// let session = AilySession::new(AilySessionId::from_static("session_1"), 1711975665710)
    ///     .with_created_by("1794840334557292");
    /// let sent = AilyCreateSessionResponse::new(session).with_request_id("2024abc");
    /// let wire = sent.render();
    /// assert_eq!(wire.status(), 200);
    /// assert_eq!(
    ///     wire.body(),
    ///     br#"{"code":0,"msg":"success","data":{"session":{"id":"session_1","created_at":"1711975665710","modified_at":"1711975665710","created_by":"1794840334557292"}}}"#
    /// );
    /// let read = AilyCreateSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert_eq!(read, Ok(sent));
    /// ```
    AilyCreateSessionResponse
}
