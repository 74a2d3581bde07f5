//! The Lex V1 DeleteSession response: the success body, and the one classifier from status,
//! headers and body (through the restJson1 reader both Lex versions share).

use alloc::string::String;

use serde::Deserialize;

use super::error::{LexErrorKind, LexServiceError};
use super::LexDeleteSessionRequest;
use crate::response::rest_json::{self, render_success};
use crate::response::wire::{key, WireResponse};
use crate::response::ResponseError;

/// A successful Lex DeleteSession response (HTTP 2xx): the session was deleted.
///
/// All four fields are optional in the service model; unknown fields are ignored. Each is kept
/// as received: a 2xx means the session is gone, whatever the body says, so a field that breaks
/// its identifier's rule (a `userId` of `"a b"`) does not turn the success into a failure. Parse
/// a field (`ok.user_id().map(str::parse::<LexUserId>)`) where its rule matters.
///
/// ```
/// use botsession::LexDeleteSessionResponse;
///
/// let body = br#"{"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-abc","userId":"user:42"}"#;
/// let ok = LexDeleteSessionResponse::from_http(200, &[("x-amzn-RequestId", "r-1")], body)?;
/// assert_eq!(ok.bot_name(), Some("OrderFlowers"));
/// assert_eq!(ok.user_id(), Some("user:42"));
/// assert_eq!(ok.request_id(), Some("r-1"));
/// # Ok::<(), botsession::ResponseError<botsession::LexServiceError>>(())
/// ```
///
/// [`LexUserId`]: crate::LexUserId
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LexDeleteSessionResponse {
    body: Body,
    request_id: Option<String>,
    http_status: u16,
}

/// The success body on the wire; private, so that the public type has no `Deserialize`
/// that bypasses [`from_http`](LexDeleteSessionResponse::from_http).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Body {
    #[serde(default)]
    bot_alias: Option<String>,
    #[serde(default)]
    bot_name: Option<String>,
    #[serde(default)]
    session_id: Option<String>,
    #[serde(default)]
    user_id: Option<String>,
}

impl LexDeleteSessionResponse {
    /// Classifies a response from its HTTP status, headers (names matched
    /// case-insensitively, first occurrence wins) and body.
    ///
    /// A 2xx status is success; an empty 2xx body means every field absent, as the AWS
    /// SDKs read it. Anything else is an error: its code from the `x-amzn-ErrorType`
    /// header (the first of several comma-separated values), else the body's `code`, else its
    /// `__type`, sanitized as the SDKs do; with none of them but a `message`, an error of an
    /// unknown kind with an empty code. The wait is `x-amz-retry-after` (milliseconds), else
    /// `Retry-After` (seconds).
    ///
    /// # Errors
    ///
    /// [`ResponseError::Service`] for an error response with a code (known or not) or a
    /// message; [`ResponseError::Malformed`] for a 2xx body that is not the documented JSON
    /// object (a field of the wrong type), or an error response with neither a code nor a
    /// message.
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
        let (body, request_id) = rest_json::read_response(status, headers, body, |e| {
            LexServiceError::from_wire(
                LexErrorKind::from_sanitized(&e.code),
                e.message,
                e.request_id,
                e.status,
                e.retry_after_millis,
            )
        })?;
        Ok(LexDeleteSessionResponse {
            body,
            request_id,
            http_status: status,
        })
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
            body: Body {
                bot_alias: Some(String::from(request.bot_alias().as_str())),
                bot_name: Some(String::from(request.bot_name().as_str())),
                session_id: Some(session_id.into()),
                user_id: Some(String::from(request.user_id().as_str())),
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
                (key!("botAlias"), b.bot_alias.as_deref()),
                (key!("botName"), b.bot_name.as_deref()),
                (key!("sessionId"), b.session_id.as_deref()),
                (key!("userId"), b.user_id.as_deref()),
            ],
        )
    }

    /// `botAlias`.
    pub fn bot_alias(&self) -> Option<&str> {
        self.body.bot_alias.as_deref()
    }
    /// `botName`.
    pub fn bot_name(&self) -> Option<&str> {
        self.body.bot_name.as_deref()
    }
    /// `sessionId`: unconstrained in the model.
    pub fn session_id(&self) -> Option<&str> {
        self.body.session_id.as_deref()
    }
    /// `userId`, as received: the request's user id, unless the service broke its rule.
    pub fn user_id(&self) -> Option<&str> {
        self.body.user_id.as_deref()
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
