//! Lex V2 GetSession,
//! `GET /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`: the
//! request (built, rendered, routed back from a request line) and, with `serde`, the session it
//! returns and the success response.

use super::{LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2SessionId};
use crate::route::{self, Incoming, Labels, RouteError};

super::request::session_request! {
    /// Lex V2 runtime GetSession:
    /// `GET /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`.
    ///
    /// Built from validated labels; no headers, no body. Errors the model lists:
    /// AccessDenied 403, ResourceNotFound 404, Validation 400, Throttling 429 and
    /// InternalServer 500 (no Conflict).
    ///
    /// ```
    /// use botsession::{LexV2BotAliasId, LexV2BotId, LexV2GetSessionRequest, LexV2LocaleId};
    ///
    /// let request = LexV2GetSessionRequest::new(
    ///     LexV2BotId::from_static("ABCDE12345"),
    ///     LexV2BotAliasId::TEST,
    ///     LexV2LocaleId::from_static("en_US"),
    ///     "user:42".parse()?,
    /// );
    /// assert_eq!(LexV2GetSessionRequest::METHOD, "GET");
    /// assert_eq!(
    ///     request.url_on("http://127.0.0.1:8080"),
    ///     "http://127.0.0.1:8080/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42"
    /// );
    /// assert_eq!(LexV2GetSessionRequest::from_route("GET", &request.path()), Ok(request));
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
    #[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
    LexV2GetSessionRequest, "GET" {}
}

impl LexV2GetSessionRequest {
    /// The request for one session of a bot alias in a locale.
    pub const fn new(
        bot_id: LexV2BotId,
        bot_alias_id: LexV2BotAliasId,
        locale_id: LexV2LocaleId,
        session_id: LexV2SessionId,
    ) -> Self {
        LexV2GetSessionRequest {
            bot_id,
            bot_alias_id,
            locale_id,
            session_id,
        }
    }

    /// Parses a request line: `method` (case-sensitive; `HEAD` is answered as `GET`) and
    /// `path` (percent-encoded, any query string ignored but counted in
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN)).
    ///
    /// # Errors
    ///
    /// As [`LexV2DeleteSessionRequest::from_route`](crate::LexV2DeleteSessionRequest::from_route),
    /// with [`RouteError::OtherOperation`] for `DELETE` (DeleteSession) and `POST` (PutSession).
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
pub use response::{LexV2GetSessionResponse, LexV2Session};

#[cfg(feature = "serde")]
mod response {
    use alloc::string::String;

    use crate::lex_v2::{
        LexV2Interpretation, LexV2Message, LexV2NonEmptyString, LexV2SessionState,
    };
    use crate::response::rest_json::{read_response, CONTENT_TYPE, REQUEST_ID};
    use crate::response::WireResponse;
    use crate::value::read::{checked_object, List};
    use crate::{Headers, LexV2ServiceError, ResponseError};

    checked_object! {
        /// A session as GetSession returns it: the model's `GetSessionResponse` body, every
        /// member checked. At most 10 messages and 5 interpretations.
        #[derive(Default)]
        LexV2Session {
            required {}
            rest {
                /// `sessionId`: the session.
                session_id: LexV2NonEmptyString = "sessionId", opt with_session_id;
                /// `messages`: the last messages sent to the user, at most 10.
                messages: List<LexV2Message, 0, 10> = "messages",
                    many with_messages(LexV2Message) => [LexV2Message];
                /// `interpretations`: how Lex understood the last utterance, at most 5.
                interpretations: List<LexV2Interpretation, 0, 5> = "interpretations",
                    many with_interpretations(LexV2Interpretation) => [LexV2Interpretation];
                /// `sessionState`: the state.
                session_state: LexV2SessionState = "sessionState", opt with_session_state;
            }
        }
    }

    crate::lex_v2::state::json_document!(LexV2Session);

    /// A successful Lex V2 GetSession response (HTTP 2xx): the session, every member checked.
    ///
    /// ```
    /// use botsession::{LexV2GetSessionResponse, LexV2Session, LexV2SessionState, LexV2Intent};
    ///
    /// let state = LexV2SessionState::new().with_intent(LexV2Intent::new("OrderPizza".parse()?));
    /// let session = LexV2Session::new().with_session_id("user:42".parse()?).with_session_state(state);
    /// let sent = LexV2GetSessionResponse::new(session).with_request_id("r-1");
    /// let wire = sent.render();
    /// assert_eq!(
    ///     wire.body(),
    ///     br#"{"sessionId":"user:42","sessionState":{"intent":{"name":"OrderPizza"}}}"#
    /// );
    /// let read = LexV2GetSessionResponse::from_http(wire.status(), wire.headers(), wire.body())?;
    /// assert_eq!(read, sent);
    /// assert_eq!(read.session().session_state().and_then(|s| s.intent()).map(|i| i.name().as_str()), Some("OrderPizza"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct LexV2GetSessionResponse {
        session: LexV2Session,
        request_id: Option<String>,
        http_status: u16,
    }

    impl LexV2GetSessionResponse {
        /// The success the service sends with `session`: HTTP 200, no request id.
        pub fn new(session: LexV2Session) -> Self {
            LexV2GetSessionResponse {
                session,
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

        /// Classifies a response as [`LexV2DeleteSessionResponse::from_http`] does: a 2xx is
        /// success, its body the session (empty: a session with nothing in it); anything
        /// else is the service's error, with the same retry decisions.
        ///
        /// # Errors
        ///
        /// [`ResponseError::Service`] for an error response;
        /// [`ResponseError::Malformed`] for a 2xx body that is not the documented object or
        /// breaks a rule of the model (the reason names the path and the rule, never the
        /// value), or an error with neither a code nor a message.
        ///
        /// [`LexV2DeleteSessionResponse::from_http`]: crate::LexV2DeleteSessionResponse::from_http
        pub fn from_http<H: Headers + ?Sized>(
            status: u16,
            headers: &H,
            body: &[u8],
        ) -> Result<Self, ResponseError<LexV2ServiceError>> {
            let (session, request_id) =
                read_response(status, headers, body, LexV2ServiceError::from_read)?;
            Ok(LexV2GetSessionResponse {
                session,
                request_id,
                http_status: status,
            })
        }

        /// Writes the response as the service sends it: the status, `Content-Type:
        /// application/json`, `x-amzn-RequestId` (where it is a valid header value) and the
        /// session as JSON. What it writes, [`from_http`](Self::from_http) reads back equal.
        pub fn render(&self) -> WireResponse {
            let mut wire =
                WireResponse::new(self.http_status, CONTENT_TYPE, self.session.to_json());
            wire.header_if_safe(REQUEST_ID, self.request_id.as_deref());
            wire
        }

        /// The session.
        pub fn session(&self) -> &LexV2Session {
            &self.session
        }

        /// The session, by value.
        pub fn into_session(self) -> LexV2Session {
            self.session
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
}
