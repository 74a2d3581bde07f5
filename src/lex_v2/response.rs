//! The Lex V2 DeleteSession response: the success body, and the one classifier from status,
//! headers and body (through the restJson1 reader both Lex versions share).

use alloc::string::String;

use serde::Deserialize;

use super::error::{LexV2ErrorKind, LexV2ServiceError};
use super::LexV2DeleteSessionRequest;
use crate::response::rest_json::{self, render_success};
use crate::response::wire::{key, WireResponse};
use crate::response::ResponseError;

/// A successful Lex V2 DeleteSession response (HTTP 2xx): the session was deleted.
///
/// All four fields are optional in the service model; unknown fields are ignored. Each is kept
/// as received: a 2xx means the session is gone, whatever the body says, so a field that breaks
/// its identifier's rule does not turn the success into a failure. Parse a field
/// (`ok.session_id().map(str::parse::<LexV2SessionId>)`) where its rule matters.
///
/// ```
/// use botsession::LexV2DeleteSessionResponse;
///
/// let body = br#"{"botId":"ABCDE12345","botAliasId":"TSTALIASID","localeId":"en_US","sessionId":"user:42"}"#;
/// let ok = LexV2DeleteSessionResponse::from_http(200, &[("x-amzn-RequestId", "r-1")], body)?;
/// assert_eq!(ok.bot_id(), Some("ABCDE12345"));
/// assert_eq!(ok.locale_id(), Some("en_US"));
/// assert_eq!(ok.session_id(), Some("user:42"));
/// assert_eq!(ok.request_id(), Some("r-1"));
/// # Ok::<(), botsession::ResponseError<botsession::LexV2ServiceError>>(())
/// ```
///
/// [`LexV2SessionId`]: crate::LexV2SessionId
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LexV2DeleteSessionResponse {
    body: Body,
    request_id: Option<String>,
    http_status: u16,
}

/// The success body on the wire; private, so that the public type has no `Deserialize`
/// that bypasses [`from_http`](LexV2DeleteSessionResponse::from_http).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Body {
    #[serde(default)]
    bot_id: Option<String>,
    #[serde(default)]
    bot_alias_id: Option<String>,
    #[serde(default)]
    locale_id: Option<String>,
    #[serde(default)]
    session_id: Option<String>,
}

impl LexV2DeleteSessionResponse {
    /// Classifies a response from its HTTP status, headers (names matched
    /// case-insensitively, first occurrence wins) and body, as
    /// [`LexDeleteSessionResponse::from_http`](crate::LexDeleteSessionResponse::from_http) does
    /// for V1: the same restJson1 rules, V2's error codes.
    ///
    /// # Errors
    ///
    /// [`ResponseError::Service`] for an error response with a code (known or not) or a
    /// message; [`ResponseError::Malformed`] for a 2xx body that is not the documented JSON
    /// object, or an error response with neither a code nor a message.
    pub fn from_http<K, V>(
        status: u16,
        headers: &[(K, V)],
        body: &[u8],
    ) -> Result<Self, ResponseError<LexV2ServiceError>>
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
    ) -> Result<Self, ResponseError<LexV2ServiceError>>
    where
        K: AsRef<[u8]> + ?Sized + 'h,
        V: AsRef<[u8]> + ?Sized + 'h,
    {
        let (body, request_id) = rest_json::read_response(status, headers, body, |e| {
            LexV2ServiceError::from_wire(
                LexV2ErrorKind::from_sanitized(&e.code),
                e.message,
                e.request_id,
                e.status,
                e.retry_after_millis,
            )
        })?;
        Ok(LexV2DeleteSessionResponse {
            body,
            request_id,
            http_status: status,
        })
    }

    /// The success the service sends for `request`: HTTP 200 and every field the request's.
    ///
    /// ```
    /// use botsession::{
    ///     LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse,
    ///     LexV2LocaleId,
    /// };
    ///
    /// let request = LexV2DeleteSessionRequest::new(
    ///     LexV2BotId::from_static("ABCDE12345"),
    ///     LexV2BotAliasId::TEST,
    ///     LexV2LocaleId::from_static("en_US"),
    ///     "user:42".parse()?,
    /// );
    /// let sent = LexV2DeleteSessionResponse::new(&request).with_request_id("r-1");
    /// let wire = sent.render();
    /// assert_eq!(
    ///     wire.body(),
    ///     br#"{"botId":"ABCDE12345","botAliasId":"TSTALIASID","localeId":"en_US","sessionId":"user:42"}"#
    /// );
    /// let read = LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert_eq!(read, Ok(sent));
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    pub fn new(request: &LexV2DeleteSessionRequest) -> Self {
        LexV2DeleteSessionResponse {
            body: Body {
                bot_id: Some(String::from(request.bot_id().as_str())),
                bot_alias_id: Some(String::from(request.bot_alias_id().as_str())),
                locale_id: Some(String::from(request.locale_id().as_str())),
                session_id: Some(String::from(request.session_id().as_str())),
            },
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
        let b = &self.body;
        render_success(
            self.http_status,
            self.request_id.as_deref(),
            [
                (key!("botId"), b.bot_id.as_deref()),
                (key!("botAliasId"), b.bot_alias_id.as_deref()),
                (key!("localeId"), b.locale_id.as_deref()),
                (key!("sessionId"), b.session_id.as_deref()),
            ],
        )
    }

    /// `botId`, as received.
    pub fn bot_id(&self) -> Option<&str> {
        self.body.bot_id.as_deref()
    }
    /// `botAliasId`, as received.
    pub fn bot_alias_id(&self) -> Option<&str> {
        self.body.bot_alias_id.as_deref()
    }
    /// `localeId`, as received.
    pub fn locale_id(&self) -> Option<&str> {
        self.body.locale_id.as_deref()
    }
    /// `sessionId`, as received: the request's session id, unless the service broke its rule.
    pub fn session_id(&self) -> Option<&str> {
        self.body.session_id.as_deref()
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
