//! Lex V2 DeleteSession,
//! `DELETE /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`:
//! the request (built, rendered with AWS label encoding, routed back from a request line) and
//! the success response.

use super::{LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2SessionId};
use crate::route::{self, Incoming, Labels, RouteError};

super::request::session_request! {
    /// Lex V2 runtime DeleteSession:
    /// `DELETE /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`.
    ///
    /// Built from validated labels, so building one cannot fail. Rendering percent-encodes each
    /// label as the AWS SDKs do (only `A-Za-z0-9-._~` raw: a session id's `:` becomes `%3A`, which
    /// the Rust SDK notes signing needs); [`from_route`](Self::from_route) decodes and validates them
    /// back.
    ///
    /// ```
    /// use botsession::{
    ///     LexRegion, LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2LocaleId,
    /// };
    ///
    /// let request = LexV2DeleteSessionRequest::new(
    ///     LexV2BotId::from_static("ABCDE12345"),
    ///     LexV2BotAliasId::TEST,
    ///     LexV2LocaleId::from_static("en_US"),
    ///     "user:42".parse()?,
    /// );
    /// assert_eq!(
    ///     request.path(),
    ///     "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42"
    /// );
    /// let region: LexRegion = "eu-west-2".parse()?;
    /// assert_eq!(
    ///     request.url(&region),
    ///     "https://runtime-v2-lex.eu-west-2.amazonaws.com/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42"
    /// );
    /// assert_eq!(LexV2DeleteSessionRequest::from_route("DELETE", &request.path()), Ok(request));
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
    #[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
    LexV2DeleteSessionRequest, "DELETE" {}
}

impl LexV2DeleteSessionRequest {
    /// The request for one session of a bot alias in a locale.
    pub const fn new(
        bot_id: LexV2BotId,
        bot_alias_id: LexV2BotAliasId,
        locale_id: LexV2LocaleId,
        session_id: LexV2SessionId,
    ) -> Self {
        LexV2DeleteSessionRequest {
            bot_id,
            bot_alias_id,
            locale_id,
            session_id,
        }
    }

    /// Parses a request line: `method` (case-sensitive) and `path` (percent-encoded, any query
    /// string ignored but counted in [`MAX_PATH_LEN`](crate::MAX_PATH_LEN)).
    ///
    /// # Errors
    ///
    /// [`RouteError::NotFound`] for another path (missing, misnamed, extra or trailing
    /// segments), [`RouteError::OtherOperation`] for `GET` and `HEAD` (GetSession) and `POST` (PutSession)
    /// on this path and `POST` on `…/text`, `…/utterance` and `…/conversation`,
    /// [`RouteError::MethodNotAllowed`] for any other method on this path (`PUT`, `delete`),
    /// [`RouteError::Escape`] or [`RouteError::Utf8`] for a label that does not percent-decode,
    /// [`RouteError::Label`] for a label that breaks its rule (`sessions/%2e%2e`,
    /// `botLocales/en%2FUS`, an empty label), and [`RouteError::PathTooLong`] past
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN).
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteError> {
        route::route_to(method, path, &Incoming::none())
    }

    /// The request from the labels of its path template.
    pub(crate) fn from_parts(mut labels: Labels<'_>, _: &Incoming<'_>) -> Result<Self, RouteError> {
        Ok(Self::new(
            labels.next()?,
            labels.next()?,
            labels.next()?,
            labels.next()?,
        ))
    }
}

#[cfg(feature = "serde")]
pub use response::LexV2DeleteSessionResponse;

#[cfg(feature = "serde")]
mod response {
    use alloc::string::String;

    use super::LexV2DeleteSessionRequest;
    use crate::response::rest_json_types::rest_json_response;
    use crate::{LexV2ErrorKind, LexV2ServiceError};

    rest_json_response! {
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
        LexV2DeleteSessionResponse, LexV2ServiceError, LexV2ErrorKind {
            /// `botId`, as received.
            bot_id: "botId",
            /// `botAliasId`, as received.
            bot_alias_id: "botAliasId",
            /// `localeId`, as received.
            locale_id: "localeId",
            /// `sessionId`, as received: the request's session id, unless the service broke its
            /// rule.
            session_id: "sessionId",
        }
    }

    impl LexV2DeleteSessionResponse {
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
            Self::ok(Body {
                bot_id: Some(String::from(request.bot_id().as_str())),
                bot_alias_id: Some(String::from(request.bot_alias_id().as_str())),
                locale_id: Some(String::from(request.locale_id().as_str())),
                session_id: Some(String::from(request.session_id().as_str())),
            })
        }
    }
}
