//! Lex V2 PutSession,
//! `POST /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`: the
//! request (built from a checked session state, rendered with its headers and JSON body, read
//! back from an incoming request) and, with `gzip`, the success response, whose session lives
//! in base64-of-gzip headers (`headers.rs`).

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::wire::{self, LEX_V2_MAX_JSON_LEN};
use super::{
    LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2Message, LexV2NonEmptyString, LexV2SessionId,
    LexV2SessionState,
};
use crate::route::body::json_error;
use crate::route::{self, Incoming, Labels, RouteError};
use crate::value::read::{from_json, JsonError};
use crate::FieldError;
use crate::{Headers, ValueError};

/// The JSON body, the model's `PutSessionRequest` members that are not labels or headers.
mod body {
    #![allow(unreachable_pub)]

    use alloc::collections::BTreeMap;
    use alloc::string::String;

    use crate::lex_v2::{LexV2Message, LexV2NonEmptyString, LexV2SessionState};
    use crate::value::read::{checked_object, List};

    checked_object! {
        /// PutSession's body.
        #[derive(Eq, Hash)]
        PutSessionBody {
            required {
                /// `sessionState`.
                session_state: LexV2SessionState = "sessionState",
            }
            rest {
                /// `messages`.
                messages: List<LexV2Message, 0, 10> = "messages",
                    many with_messages(LexV2Message) => [LexV2Message];
                /// `requestAttributes`.
                request_attributes: BTreeMap<LexV2NonEmptyString, String> = "requestAttributes",
                    many with_request_attributes((LexV2NonEmptyString, String)) => BTreeMap<LexV2NonEmptyString, String>;
            }
        }
    }
}

use body::PutSessionBody as Body;

super::request::session_request! {
    /// Lex V2 runtime PutSession:
    /// `POST /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`,
    /// which creates the session or replaces its state.
    ///
    /// Its JSON body is `{sessionState, messages, requestAttributes}` (the state required, at
    /// most 10 messages), sent with `Content-Type: application/json`; the optional
    /// `ResponseContentType` header asks for the response's format. Every part is a checked
    /// type, so a built request is one the model allows.
    ///
    /// ```
    /// use botsession::{
    ///     LexV2BotAliasId, LexV2BotId, LexV2Intent, LexV2LocaleId, LexV2PutSessionRequest,
    ///     LexV2SessionState,
    /// };
    ///
    /// let state = LexV2SessionState::new().with_intent(LexV2Intent::new("OrderPizza".parse()?));
    /// let request = LexV2PutSessionRequest::new(
    ///     LexV2BotId::from_static("ABCDE12345"),
    ///     LexV2BotAliasId::TEST,
    ///     LexV2LocaleId::from_static("en_US"),
    ///     "user:42".parse()?,
    ///     state,
    /// )
    /// .with_request_attributes([("channel".parse()?, String::from("web"))])?;
    /// assert_eq!(LexV2PutSessionRequest::METHOD, "POST");
    /// assert_eq!(
    ///     request.body(),
    ///     br#"{"sessionState":{"intent":{"name":"OrderPizza"}},"requestAttributes":{"channel":"web"}}"#
    /// );
    /// let headers: Vec<_> = request.headers().collect();
    /// assert_eq!(headers, [("Content-Type", "application/json")]);
    ///
    /// // A gateway reads it back from the wire.
    /// let read = LexV2PutSessionRequest::from_request("POST", &request.path(), &headers, &request.body())?;
    /// assert_eq!(read, request);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq, Hash)]
    LexV2PutSessionRequest, "POST" {
        // Boxed: the state is large, and `Operation` holds requests by value.
        body: alloc::boxed::Box<Body>,
        response_content_type: Option<LexV2NonEmptyString>,
    }
}

impl LexV2PutSessionRequest {
    /// The request that sets `session_state` for one session of a bot alias in a locale, with
    /// no messages, no request attributes and no `ResponseContentType`.
    pub fn new(
        bot_id: LexV2BotId,
        bot_alias_id: LexV2BotAliasId,
        locale_id: LexV2LocaleId,
        session_id: LexV2SessionId,
        session_state: LexV2SessionState,
    ) -> Self {
        LexV2PutSessionRequest {
            bot_id,
            bot_alias_id,
            locale_id,
            session_id,
            body: alloc::boxed::Box::new(Body::new(session_state)),
            response_content_type: None,
        }
    }

    /// The same, with `messages`: the next messages for the user, at most 10.
    ///
    /// # Errors
    ///
    /// A [`ValueError`] at `messages` for more than 10
    /// ([`ValueRule::TooMany`](crate::ValueRule::TooMany)).
    pub fn with_messages(
        mut self,
        messages: impl IntoIterator<Item = LexV2Message>,
    ) -> Result<Self, ValueError> {
        self.body = alloc::boxed::Box::new((*self.body).with_messages(messages)?);
        Ok(self)
    }

    /// The same, with `requestAttributes`: key-value pairs for this request only.
    ///
    /// # Errors
    ///
    /// A [`ValueError`] at `requestAttributes` for a key given twice
    /// ([`ValueRule::Repeated`](crate::ValueRule::Repeated)).
    pub fn with_request_attributes(
        mut self,
        attributes: impl IntoIterator<Item = (LexV2NonEmptyString, String)>,
    ) -> Result<Self, ValueError> {
        self.body = alloc::boxed::Box::new((*self.body).with_request_attributes(attributes)?);
        Ok(self)
    }

    /// The same, with the `ResponseContentType` header: `text/plain; charset=utf-8`, or an
    /// audio format for a spoken answer. A value a header cannot carry (anything but visible
    /// ASCII and inner spaces) is not sent.
    #[must_use]
    pub fn with_response_content_type(mut self, content_type: LexV2NonEmptyString) -> Self {
        self.response_content_type = Some(content_type);
        self
    }

    /// The state to set.
    pub fn session_state(&self) -> &LexV2SessionState {
        self.body.session_state()
    }

    /// The messages, at most 10.
    pub fn messages(&self) -> &[LexV2Message] {
        self.body.messages()
    }

    /// The request attributes.
    pub fn request_attributes(&self) -> &BTreeMap<LexV2NonEmptyString, String> {
        self.body.request_attributes()
    }

    /// The `ResponseContentType` header.
    pub fn response_content_type(&self) -> Option<&LexV2NonEmptyString> {
        self.response_content_type.as_ref()
    }

    /// The request's headers beside `Host` and the signature: `Content-Type:
    /// application/json`, and `ResponseContentType` where it is set and a header can carry it
    /// (visible ASCII and spaces).
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let response = self
            .response_content_type
            .as_ref()
            .map(LexV2NonEmptyString::as_str)
            .filter(|v| crate::response::wire::is_header_safe(v))
            .map(|v| (wire::RESPONSE_CONTENT_TYPE, v));
        [(crate::response::wire::CONTENT_TYPE, wire::CONTENT_TYPE)]
            .into_iter()
            .chain(response)
    }

    /// The JSON body: `sessionState`, then `messages` and `requestAttributes` where there are
    /// any.
    pub fn body(&self) -> Vec<u8> {
        // Strings, numbers, lists and string-keyed maps: writing cannot fail.
        serde_json::to_vec(&self.body).unwrap_or_default()
    }

    /// Parses an incoming request: its request line as
    /// [`LexV2GetSessionRequest::from_route`](crate::LexV2GetSessionRequest::from_route) does,
    /// then its headers and body.
    ///
    /// # Errors
    ///
    /// The request line's errors first; then [`RouteError::ContentType`] (415) unless the
    /// `Content-Type` is `application/json` (a `charset=utf-8` allowed),
    /// [`RouteError::Header`] for a repeated or empty `ResponseContentType`,
    /// [`RouteError::BodyTooLarge`] past [`LEX_V2_MAX_JSON_LEN`] (nothing of it parsed),
    /// [`RouteError::Body`] for a body that is not a JSON object, and [`RouteError::Value`]
    /// for the first value that breaks a rule of the model, with its path
    /// (`sessionState.activeContexts[0].name`) and the rule. Each is 400 but the two named.
    pub fn from_request<H: Headers + ?Sized>(
        method: &str,
        target: &str,
        headers: &H,
        body: &[u8],
    ) -> Result<Self, RouteError> {
        let lookup = route::body::Lookup(headers);
        route::route_to(method, target, &Incoming::new(&lookup, body))
    }

    /// The request from the labels of its path template, its headers and its body.
    pub(crate) fn from_parts(
        mut labels: Labels<'_>,
        incoming: &Incoming<'_>,
    ) -> Result<Self, RouteError> {
        let (bot_id, bot_alias_id, locale_id, session_id) = (
            labels.next()?,
            labels.next()?,
            labels.next()?,
            labels.next()?,
        );
        incoming.require_json(wire::CONTENT_TYPE)?;
        let response_content_type = match incoming.header(wire::RESPONSE_CONTENT_TYPE)? {
            None => None,
            Some(value) => Some(read_response_content_type(value)?),
        };
        let json = incoming.json_body(LEX_V2_MAX_JSON_LEN)?;
        let body = from_json::<Body>(json).map_err(|e| match e {
            JsonError::Syntax(e) => json_error(&e),
            JsonError::Value(e) => RouteError::Value(alloc::boxed::Box::new(e)),
        })?;
        Ok(LexV2PutSessionRequest {
            bot_id,
            bot_alias_id,
            locale_id,
            session_id,
            body: alloc::boxed::Box::new(body),
            response_content_type,
        })
    }
}

/// The `ResponseContentType` header's value: a non-empty string a header can carry back
/// (visible ASCII and inner spaces), as [`LexV2PutSessionRequest::headers`] sends it.
fn read_response_content_type(value: &[u8]) -> Result<LexV2NonEmptyString, RouteError> {
    let header = |error| RouteError::Header {
        name: wire::RESPONSE_CONTENT_TYPE,
        error,
    };
    let text = core::str::from_utf8(value).map_err(|e| {
        header(FieldError::Text(crate::TextError::Character {
            index: e.valid_up_to(),
        }))
    })?;
    if let Some(index) = text.bytes().position(|b| !matches!(b, b' '..=b'~')) {
        return Err(header(FieldError::Text(crate::TextError::Character {
            index,
        })));
    }
    LexV2NonEmptyString::new(text.trim()).map_err(|e| header(FieldError::Text(e)))
}

#[cfg(feature = "gzip")]
pub use response::LexV2PutSessionResponse;

#[cfg(feature = "gzip")]
mod response {
    use alloc::collections::BTreeMap;
    use alloc::string::String;
    use alloc::vec::Vec;

    use super::LexV2PutSessionRequest;
    use crate::lex_v2::headers::{decode, encode_json};
    use crate::lex_v2::wire::{MESSAGES, REQUEST_ATTRIBUTES, SESSION_ID, SESSION_STATE};
    use crate::lex_v2::{LexV2Message, LexV2NonEmptyString, LexV2SessionId, LexV2SessionState};
    use crate::response::rest_json::{read_status, REQUEST_ID};
    use crate::response::{pick_headers, MalformedResponse, WireResponse};
    use crate::value::read::{Collect, List};
    use crate::{Headers, LexV2ServiceError, ResponseError, ValueError};

    /// The `Content-Type` the crate writes when none is set: text, as PutSession answers
    /// without `ResponseContentType` (the model does not say; the docs say text is
    /// `text/plain; charset=utf-8`).
    const TEXT: &str = "text/plain; charset=utf-8";

    /// A successful Lex V2 PutSession response (HTTP 2xx): the session as the service set it,
    /// carried in headers (the state, request attributes and messages as base64 of gzip of
    /// their JSON, see [`LexV2SessionState::to_header`]), and a payload that is audio only when
    /// audio was asked for.
    ///
    /// ```
    /// use botsession::{LexV2Intent, LexV2PutSessionResponse, LexV2SessionState};
    ///
    /// let state = LexV2SessionState::new().with_intent(LexV2Intent::new("OrderPizza".parse()?));
    /// let sent = LexV2PutSessionResponse::new("user:42".parse()?, state.clone()).with_request_id("r-1");
    /// let wire = sent.render();
    /// assert_eq!(wire.header("x-amz-lex-session-id"), Some("user:42"));
    /// assert_eq!(wire.header("x-amz-lex-session-state"), Some(state.to_header().as_str()));
    /// let read = LexV2PutSessionResponse::from_http(wire.status(), wire.headers(), wire.body())?;
    /// assert_eq!(read, sent);
    /// assert_eq!(read.session_state(), Some(&state));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct LexV2PutSessionResponse {
        content_type: Option<String>,
        messages: List<LexV2Message, 0, 10>,
        session_state: Option<LexV2SessionState>,
        request_attributes: BTreeMap<LexV2NonEmptyString, String>,
        session_id: Option<LexV2SessionId>,
        audio_stream: Vec<u8>,
        request_id: Option<String>,
        http_status: u16,
    }

    impl LexV2PutSessionResponse {
        /// The success for `session_id` with `session_state`: HTTP 200, no messages, no
        /// request attributes, no payload, and `Content-Type: text/plain; charset=utf-8`.
        pub fn new(session_id: LexV2SessionId, session_state: LexV2SessionState) -> Self {
            LexV2PutSessionResponse {
                content_type: Some(String::from(TEXT)),
                messages: List::default(),
                session_state: Some(session_state),
                request_attributes: BTreeMap::new(),
                session_id: Some(session_id),
                audio_stream: Vec::new(),
                request_id: None,
                http_status: 200,
            }
        }

        /// What the service answers `request` with, as the mock does: its session id, state,
        /// messages and request attributes, and its `ResponseContentType` as the
        /// `Content-Type`.
        pub fn for_request(request: &LexV2PutSessionRequest) -> Self {
            LexV2PutSessionResponse {
                content_type: Some(String::from(
                    request.response_content_type().map_or(TEXT, |c| c.as_str()),
                )),
                messages: List::collect(request.messages().iter().cloned()).unwrap_or_default(),
                request_attributes: request.request_attributes().clone(),
                ..Self::new(
                    request.session_id().clone(),
                    request.session_state().clone(),
                )
            }
        }

        /// The same, with `messages`, at most 10.
        ///
        /// # Errors
        ///
        /// A [`ValueError`] at `messages` for more than 10.
        pub fn with_messages(
            mut self,
            messages: impl IntoIterator<Item = LexV2Message>,
        ) -> Result<Self, ValueError> {
            self.messages =
                List::collect(messages).map_err(|rule| ValueError::at(MESSAGES, rule))?;
            Ok(self)
        }

        /// The same, with request attributes.
        ///
        /// # Errors
        ///
        /// A [`ValueError`] for a key given twice.
        pub fn with_request_attributes(
            mut self,
            attributes: impl IntoIterator<Item = (LexV2NonEmptyString, String)>,
        ) -> Result<Self, ValueError> {
            self.request_attributes = BTreeMap::collect(attributes)
                .map_err(|rule| ValueError::at(REQUEST_ATTRIBUTES, rule))?;
            Ok(self)
        }

        /// The same, with this `Content-Type` (written where it is a valid header value).
        #[must_use]
        pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
            self.content_type = Some(content_type.into());
            self
        }

        /// The same, with this payload: the audio of the answer.
        #[must_use]
        pub fn with_audio_stream(mut self, audio: impl Into<Vec<u8>>) -> Self {
            self.audio_stream = audio.into();
            self
        }

        /// The same, with a request id (sent in `x-amzn-RequestId`).
        #[must_use]
        pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
            self.request_id = Some(request_id.into());
            self
        }

        /// Classifies a response as
        /// [`LexV2DeleteSessionResponse::from_http`](crate::LexV2DeleteSessionResponse::from_http)
        /// does; a 2xx is read from its headers, each decoded and checked, and its body is the
        /// payload.
        ///
        /// # Errors
        ///
        /// [`ResponseError::Service`] for an error response; [`ResponseError::Malformed`] for
        /// a 2xx whose `x-amz-lex-session-id` breaks the session id's rule or whose encoded
        /// headers do not decode to values the model allows (the reason names the header and
        /// what failed, never a value), or an error with neither a code nor a message.
        pub fn from_http<H: Headers + ?Sized>(
            status: u16,
            headers: &H,
            body: &[u8],
        ) -> Result<Self, ResponseError<LexV2ServiceError>> {
            let (request_id, wait) =
                read_status(status, headers, body, LexV2ServiceError::from_read)?;
            let malformed = |reason: &dyn core::fmt::Display| {
                ResponseError::Malformed(
                    MalformedResponse::new(status, reason, &[]).with_retry_after_millis(wait),
                )
            };
            let [content_type, messages, state, attributes, session_id] = pick_headers(
                headers.pairs(),
                [
                    crate::response::wire::CONTENT_TYPE,
                    MESSAGES,
                    SESSION_STATE,
                    REQUEST_ATTRIBUTES,
                    SESSION_ID,
                ],
            );
            let session_id = session_id
                .map(str::parse::<LexV2SessionId>)
                .transpose()
                .map_err(|e| malformed(&format_args!("header {SESSION_ID}: {e}")))?;
            let messages = messages
                .map(|v| decode(MESSAGES, v))
                .transpose()
                .map_err(|e| malformed(&e))?
                .unwrap_or_default();
            let session_state = state
                .map(|v| decode(SESSION_STATE, v))
                .transpose()
                .map_err(|e| malformed(&e))?;
            let request_attributes = attributes
                .map(|v| decode(REQUEST_ATTRIBUTES, v))
                .transpose()
                .map_err(|e| malformed(&e))?
                .unwrap_or_default();
            Ok(LexV2PutSessionResponse {
                content_type: content_type.map(String::from),
                messages,
                session_state,
                request_attributes,
                session_id,
                audio_stream: Vec::from(body),
                request_id,
                http_status: status,
            })
        }

        /// Writes the response as the service sends it: the status, `Content-Type` (text
        /// where none is set, as after reading a response that had none), `x-amzn-RequestId`, the encoded `x-amz-lex-messages` (when there are
        /// messages), `x-amz-lex-session-state`, `x-amz-lex-request-attributes` (when there
        /// are attributes) and `x-amz-lex-session-id`, and the payload. What it writes,
        /// [`from_http`](Self::from_http) reads back equal.
        pub fn render(&self) -> WireResponse {
            let mut wire = WireResponse::new(self.http_status, TEXT, self.audio_stream.clone());
            if let Some(content_type) = &self.content_type {
                wire.content_type_if_safe(content_type);
            }
            wire.header_if_safe(REQUEST_ID, self.request_id.as_deref());
            if !self.messages.is_empty() {
                wire.owned_header(MESSAGES, encode_json(&self.messages).into());
            }
            if let Some(state) = &self.session_state {
                wire.owned_header(SESSION_STATE, state.to_header().into());
            }
            if !self.request_attributes.is_empty() {
                wire.owned_header(
                    REQUEST_ATTRIBUTES,
                    encode_json(&self.request_attributes).into(),
                );
            }
            if let Some(session_id) = &self.session_id {
                wire.owned_header(SESSION_ID, String::from(session_id.as_str()).into());
            }
            wire
        }

        /// The `Content-Type` header: the payload's format.
        pub fn content_type(&self) -> Option<&str> {
            self.content_type.as_deref()
        }

        /// `x-amz-lex-messages`, decoded: at most 10.
        pub fn messages(&self) -> &[LexV2Message] {
            &self.messages
        }

        /// `x-amz-lex-session-state`, decoded.
        pub fn session_state(&self) -> Option<&LexV2SessionState> {
            self.session_state.as_ref()
        }

        /// `x-amz-lex-request-attributes`, decoded.
        pub fn request_attributes(&self) -> &BTreeMap<LexV2NonEmptyString, String> {
            &self.request_attributes
        }

        /// `x-amz-lex-session-id`.
        pub fn session_id(&self) -> Option<&LexV2SessionId> {
            self.session_id.as_ref()
        }

        /// The payload: audio, when audio was asked for; empty otherwise.
        pub fn audio_stream(&self) -> &[u8] {
            &self.audio_stream
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
