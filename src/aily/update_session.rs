//! Aily update session, `PUT /open-apis/aily/v1/sessions/:aily_session_id`: the request (built
//! from validated parts, rendered with its headers and JSON body, read back from an incoming
//! request) and the success response.

use alloc::string::String;

use super::session::read_fields;
use super::wire::{self};
use super::{AilyChannelContext, AilyMetadata, AilySessionId};
use crate::route::label::WritePath;
use crate::route::{self, Incoming, Labels, RouteError};
use crate::Headers;

/// Aily update session: `PUT /open-apis/aily/v1/sessions/:aily_session_id`, with `Content-Type:
/// application/json; charset=utf-8` and the JSON body `{"channel_context": …, "metadata": …}`
/// (each field optional).
///
/// A field the update leaves out is kept, and one it sends replaces the stored one (an empty
/// string included): the docs do not say, and this is how the crate's mock behaves (the README
/// says why). Built from validated parts, so building one cannot fail; read back from an
/// incoming request by [`from_request`](Self::from_request). Its serde form is
/// `{"aily_session_id", "channel_context"?, "metadata"?}`.
///
/// ```
/// use botsession::{AilyChannelContext, AilySessionId, AilyUpdateSessionRequest};
///
/// let id = AilySessionId::from_static("session_4dfunz7sp1g8m");
/// let request = AilyUpdateSessionRequest::new(id)
///     .with_channel_context(AilyChannelContext::new(r#"{"channel":"web"}"#)?);
/// assert_eq!(AilyUpdateSessionRequest::METHOD, "PUT");
/// assert_eq!(request.path(), "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m");
/// assert_eq!(request.body(), br#"{"channel_context":"{\"channel\":\"web\"}"}"#);
///
/// let headers: Vec<_> = request.headers().collect();
/// let read = AilyUpdateSessionRequest::from_request("PUT", &request.path(), &headers, &request.body());
/// assert_eq!(read, Ok(request));
/// # Ok::<(), botsession::TextError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct AilyUpdateSessionRequest {
    #[serde(rename = "aily_session_id")]
    session_id: AilySessionId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    channel_context: Option<AilyChannelContext>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    metadata: Option<AilyMetadata>,
}

impl AilyUpdateSessionRequest {
    /// The HTTP method.
    pub const METHOD: &'static str = "PUT";
    /// The path template, as the docs write it.
    pub const PATH_TEMPLATE: &'static str = "/open-apis/aily/v1/sessions/:aily_session_id";
    /// An update of the session that changes no field (the body `{}`): only its
    /// `modified_at` moves.
    pub fn new(session_id: AilySessionId) -> Self {
        AilyUpdateSessionRequest {
            session_id,
            channel_context: None,
            metadata: None,
        }
    }

    /// The session to update.
    pub fn session_id(&self) -> AilySessionId {
        self.session_id
    }

    /// The request path: `/open-apis/aily/v1/sessions/<id>`.
    pub fn path(&self) -> String {
        WritePath::path(self)
    }

    /// The headers the request sends besides `Authorization`: `Content-Type`.
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        [(wire::CONTENT_TYPE_HEADER, wire::CONTENT_TYPE)].into_iter()
    }

    /// Reads an incoming request: its request line, headers (any [`Headers`]) and body, read
    /// as [`AilyCreateSessionRequest::from_request`](crate::AilyCreateSessionRequest::from_request)
    /// reads them (no `X-Aily-BizUserID`: update takes none, and one sent is ignored).
    ///
    /// # Errors
    ///
    /// As a request line: as
    /// [`AilyDeleteSessionRequest::from_route`](crate::AilyDeleteSessionRequest::from_route),
    /// with [`RouteError::OtherOperation`] for `GET`, `HEAD` and `DELETE`. Then
    /// [`RouteError::ContentType`], [`RouteError::BodyTooLarge`], [`RouteError::Body`] and
    /// [`RouteError::Field`], as for create.
    pub fn from_request<H: Headers + ?Sized>(
        method: &str,
        target: &str,
        headers: &H,
        body: &[u8],
    ) -> Result<Self, RouteError> {
        let lookup = route::body::Lookup(headers);
        route::route_to(method, target, &Incoming::new(&lookup, body))
    }

    /// The request from its label, headers and body.
    pub(crate) fn from_parts(
        mut labels: Labels<'_>,
        incoming: &Incoming<'_>,
    ) -> Result<Self, RouteError> {
        let session_id = labels.next()?;
        incoming.require_json(wire::CONTENT_TYPE)?;
        let fields = read_fields(incoming)?;
        Ok(AilyUpdateSessionRequest {
            session_id,
            channel_context: fields.channel_context,
            metadata: fields.metadata,
        })
    }
}

super::request::aily_request!(
    AilyUpdateSessionRequest,
    scope wire::WRITE_SCOPE,
    "read and write session information"
);
super::request::body_fields!(AilyUpdateSessionRequest);

impl WritePath for AilyUpdateSessionRequest {
    fn write_path(&self, out: &mut String) {
        wire::write_session_path(out, self.session_id);
    }
}

crate::aily::session::session_response! {
    /// A successful Aily update-session response: `code` 0 and the session as updated in
    /// `data.session`.
    ///
    /// ```
    /// use botsession::{AilySession, AilySessionId, AilyUpdateSessionResponse};
    ///
    /// let session = AilySession::new(AilySessionId::from_static("session_1"), 1711975665710)
    ///     .with_modified_at(1711975699000);
    /// let wire = AilyUpdateSessionResponse::new(session.clone()).render();
    /// let read = AilyUpdateSessionResponse::from_http(wire.status(), wire.headers(), wire.body())?;
    /// assert_eq!(read.session(), &session);
    /// # Ok::<(), botsession::ResponseError<botsession::AilyServiceError>>(())
    /// ```
    AilyUpdateSessionResponse
}
