//! The Lex V1 DeleteSession response: the success body, and the one classifier from status,
//! headers and body (errors through the shared restJson1 reader).

use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;

use super::error::{LexErrorKind, LexServiceError};
use super::{LexDeleteSessionRequest, LexUserId};
use crate::response::rest_json::{self, read_error};
use crate::response::wire::{key, JsonObject, WireResponse};
use crate::response::{parse_object, pick_headers, seconds, MalformedResponse, ResponseError};

/// A successful Lex DeleteSession response (HTTP 2xx).
///
/// All four fields are optional in the service model; unknown fields are ignored. Only
/// `userId` is typed, because only it is constrained by the model: a server that starts
/// returning a new shape of session id breaks no client.
///
/// ```
/// use botsession::LexDeleteSessionResponse;
///
/// let body = br#"{"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-abc","userId":"user:42"}"#;
/// let ok = LexDeleteSessionResponse::from_http(200, &[("x-amzn-RequestId", "r-1")], body)?;
/// assert_eq!(ok.bot_name(), Some("OrderFlowers"));
/// assert_eq!(ok.user_id().map(|u| u.as_str()), Some("user:42"));
/// assert_eq!(ok.request_id(), Some("r-1"));
/// # Ok::<(), botsession::ResponseError<botsession::LexServiceError>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LexDeleteSessionResponse {
    bot_alias: Option<String>,
    bot_name: Option<String>,
    session_id: Option<String>,
    user_id: Option<LexUserId>,
    request_id: Option<String>,
    http_status: u16,
}

/// The success body on the wire; private, so that the public type has no `Deserialize`
/// that bypasses [`from_http`](LexDeleteSessionResponse::from_http).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct WireOk {
    #[serde(default)]
    bot_alias: Option<String>,
    #[serde(default)]
    bot_name: Option<String>,
    #[serde(default)]
    session_id: Option<String>,
    #[serde(default)]
    user_id: Option<LexUserId>,
}

impl WireOk {
    fn into_response(self) -> LexDeleteSessionResponse {
        LexDeleteSessionResponse {
            bot_alias: self.bot_alias,
            bot_name: self.bot_name,
            session_id: self.session_id,
            user_id: self.user_id,
            request_id: None,
            http_status: 0,
        }
    }
}

fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

impl LexDeleteSessionResponse {
    /// Classifies a response from its HTTP status, headers (names matched
    /// case-insensitively, first occurrence wins) and body.
    ///
    /// A 2xx status is success; an empty 2xx body means every field absent, as the AWS
    /// SDKs read it. Anything else is an error: its code from the `x-amzn-ErrorType`
    /// header, else the body's `code`, else its `__type`, sanitized as the SDKs do.
    ///
    /// # Errors
    ///
    /// [`ResponseError::Service`] for an error response with a code (known or not);
    /// [`ResponseError::Malformed`] for a 2xx body that is not the documented JSON (or whose
    /// `userId` breaks its rule), or an error response with no code anywhere.
    pub fn from_http<K, V>(
        status: u16,
        headers: &[(K, V)],
        body: &[u8],
    ) -> Result<Self, ResponseError<LexServiceError>>
    where
        K: AsRef<[u8]>,
        V: AsRef<[u8]>,
    {
        Self::read(status, headers.iter().map(|(k, v)| (k, v)), body)
    }

    /// [`from_http`](Self::from_http) on any header pairs: the one entry point, which the `http`
    /// feature calls too.
    pub(crate) fn read<'h, K, V>(
        status: u16,
        headers: impl IntoIterator<Item = (&'h K, &'h V)>,
        body: &[u8],
    ) -> Result<Self, ResponseError<LexServiceError>>
    where
        K: AsRef<[u8]> + ?Sized + 'h,
        V: AsRef<[u8]> + ?Sized + 'h,
    {
        let [error_type, request_id, retry_after] = pick_headers(headers, rest_json::HEADERS);
        let wait = seconds(retry_after);
        let malformed = |m: MalformedResponse| ResponseError::Malformed(m.with_retry_after(wait));
        let request_id = request_id.map(String::from);
        if (200..300).contains(&status) {
            let mut ok = if is_blank(body) {
                WireOk::default().into_response()
            } else {
                parse_object::<WireOk>(status, body)
                    .map_err(malformed)?
                    .into_response()
            };
            ok.request_id = request_id;
            ok.http_status = status;
            return Ok(ok);
        }
        let error = read_error(status, error_type, body).map_err(malformed)?;
        Err(ResponseError::Service(LexServiceError::from_wire(
            LexErrorKind::from_sanitized(error.code),
            error.message,
            request_id,
            status,
            wait,
        )))
    }

    /// The success the service sends for `request`: HTTP 200 and every field set, the bot,
    /// alias and user from the request (the alias as its name, `$LATEST` included) and
    /// `session_id`, the id of the session the service deleted.
    ///
    /// ```
    /// use botsession::{LexBotAlias, LexBotName, LexDeleteSessionRequest, LexDeleteSessionResponse};
    ///
    /// let request = LexDeleteSessionRequest::new(
    ///     LexBotName::from_static("OrderFlowers"),
    ///     LexBotAlias::LATEST,
    ///     "user:42".parse()?,
    /// );
    /// let sent = LexDeleteSessionResponse::new(&request, "2024-abc").with_request_id("r-1");
    /// let wire = sent.render();
    /// assert_eq!(wire.status(), 200);
    /// assert_eq!(wire.header("x-amzn-RequestId"), Some("r-1"));
    /// assert_eq!(
    ///     wire.body(),
    ///     br#"{"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-abc","userId":"user:42"}"#
    /// );
    /// let read = LexDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert_eq!(read, Ok(sent));
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    pub fn new(request: &LexDeleteSessionRequest, session_id: impl Into<String>) -> Self {
        LexDeleteSessionResponse {
            bot_alias: Some(String::from(request.bot_alias().as_str())),
            bot_name: Some(String::from(request.bot_name().as_str())),
            session_id: Some(session_id.into()),
            user_id: Some(request.user_id().clone()),
            request_id: None,
            http_status: 200,
        }
    }

    /// The same, with a request id (sent in `x-amzn-RequestId`).
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Writes the response as the service sends it: the status, `Content-Type:
    /// application/json`, `x-amzn-RequestId` (where it is a valid header value), and the body
    /// with the fields that are set, in the model's order. What it writes,
    /// [`from_http`](Self::from_http) reads back equal.
    pub fn render(&self) -> WireResponse {
        let len = |f: &Option<String>| f.as_ref().map_or(0, String::len);
        let mut body = Vec::with_capacity(
            64 + len(&self.bot_alias)
                + len(&self.bot_name)
                + len(&self.session_id)
                + self.user_id.as_ref().map_or(0, |u| u.as_str().len()),
        );
        let mut object = JsonObject::open(&mut body);
        object.optional(key!("botAlias"), self.bot_alias.as_deref());
        object.optional(key!("botName"), self.bot_name.as_deref());
        object.optional(key!("sessionId"), self.session_id.as_deref());
        object.optional(key!("userId"), self.user_id.as_ref().map(LexUserId::as_str));
        object.close();
        let mut wire = WireResponse::new(self.http_status, rest_json::CONTENT_TYPE, body);
        wire.header_if_safe(rest_json::REQUEST_ID, self.request_id.as_deref());
        wire
    }

    /// `botAlias`.
    pub fn bot_alias(&self) -> Option<&str> {
        self.bot_alias.as_deref()
    }
    /// `botName`.
    pub fn bot_name(&self) -> Option<&str> {
        self.bot_name.as_deref()
    }
    /// `sessionId`: unconstrained in the model, so a plain string.
    pub fn session_id(&self) -> Option<&str> {
        self.session_id.as_deref()
    }
    /// `userId`, validated.
    pub fn user_id(&self) -> Option<&LexUserId> {
        self.user_id.as_ref()
    }
    /// The `x-amzn-RequestId` header.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
    /// The HTTP status of the response.
    pub fn http_status(&self) -> u16 {
        self.http_status
    }
}
