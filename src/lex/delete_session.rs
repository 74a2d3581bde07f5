//! Lex V1 DeleteSession, `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`: the
//! request (built, rendered with AWS label encoding, routed back from a request line) and the
//! success response.

use alloc::string::String;

use super::{LexBotAlias, LexBotName, LexRegion, LexUserId};
use crate::route::label::{encode_into, WritePath};
use crate::route::{self, Incoming, Labels, RouteError};

/// Lex runtime DeleteSession: `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`.
///
/// Built from validated labels, so building one cannot fail. Rendering percent-encodes each
/// label as the AWS SDKs do (only `A-Za-z0-9-._~` raw: `:` → `%3A`, `$LATEST` → `%24LATEST`);
/// [`from_route`](Self::from_route) decodes and validates them back.
///
/// ```
/// use botsession::{LexBotAlias, LexBotName, LexDeleteSessionRequest, LexRegion, LexUserId};
///
/// let request = LexDeleteSessionRequest::new(
///     LexBotName::from_static("OrderFlowers"),
///     LexBotAlias::LATEST,
///     "user:42".parse()?,
/// );
/// assert_eq!(request.path(), "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session");
/// let region: LexRegion = "us-east-1".parse()?;
/// assert_eq!(
///     request.url(&region),
///     "https://runtime.lex.us-east-1.amazonaws.com/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session"
/// );
/// assert_eq!(LexDeleteSessionRequest::from_route("DELETE", &request.path()), Ok(request));
/// # Ok::<(), botsession::IdError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct LexDeleteSessionRequest {
    bot_name: LexBotName,
    bot_alias: LexBotAlias,
    user_id: LexUserId,
}

impl LexDeleteSessionRequest {
    /// The HTTP method.
    pub const METHOD: &'static str = "DELETE";
    /// The path template, as the API reference writes it.
    pub const PATH_TEMPLATE: &'static str = "/bot/{botName}/alias/{botAlias}/user/{userId}/session";

    /// The request for one user's session with a bot alias.
    pub const fn new(bot_name: LexBotName, bot_alias: LexBotAlias, user_id: LexUserId) -> Self {
        LexDeleteSessionRequest {
            bot_name,
            bot_alias,
            user_id,
        }
    }

    /// The bot's name.
    pub fn bot_name(&self) -> &LexBotName {
        &self.bot_name
    }

    /// The bot alias.
    pub fn bot_alias(&self) -> &LexBotAlias {
        &self.bot_alias
    }

    /// The user whose session is deleted.
    pub fn user_id(&self) -> &LexUserId {
        &self.user_id
    }

    /// The request path, labels percent-encoded.
    pub fn path(&self) -> String {
        WritePath::path(self)
    }

    /// The full URL on the region's runtime endpoint, [`LexRegion::endpoint`]:
    /// `https://runtime.lex.<region>.amazonaws.com` (`.amazonaws.com.cn` for `cn-` regions).
    pub fn url(&self, region: &LexRegion) -> String {
        let mut url = region.endpoint();
        self.write_path(&mut url);
        url
    }

    /// The full URL on any base: a mock on loopback, LocalStack, a VPC or FIPS endpoint. `base`
    /// is a scheme and host with an optional path prefix; a trailing `/` is dropped.
    ///
    /// ```
    /// use botsession::{LexBotAlias, LexBotName, LexDeleteSessionRequest};
    ///
    /// let request = LexDeleteSessionRequest::new(
    ///     LexBotName::from_static("OrderFlowers"),
    ///     LexBotAlias::LATEST,
    ///     "user:42".parse()?,
    /// );
    /// assert_eq!(
    ///     request.url_on("http://localhost:4566"),
    ///     "http://localhost:4566/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session"
    /// );
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    pub fn url_on(&self, base: &str) -> String {
        WritePath::url_on(self, base)
    }

    /// Parses a request line: `method` (case-sensitive) and `path` (percent-encoded, any query
    /// string ignored but counted in [`MAX_PATH_LEN`](crate::MAX_PATH_LEN)).
    ///
    /// # Errors
    ///
    /// [`RouteError::NotFound`] for another path (missing, misnamed, extra or trailing
    /// segments: `/bot/Order/alias/prod/user/ab/session/` with any method but `GET` or `HEAD`),
    /// [`RouteError::OtherOperation`] for `POST` (PutSession) and for `GET` or `HEAD` on the
    /// path with a trailing slash (GetSession), [`RouteError::MethodNotAllowed`] for any other
    /// method on this path (`GET`, `delete`), [`RouteError::Escape`] or
    /// [`RouteError::Utf8`] for a label that does not percent-decode (`%4`, `%FF`),
    /// [`RouteError::Label`] for a label that breaks its rule (`user/a%2Fb`, `user/%2e%2e`,
    /// `alias/$latest`, and an empty label such as `/bot//alias/…`, which fails its length
    /// rule), and [`RouteError::PathTooLong`] past
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN).
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteError> {
        route::route_to(method, path, &Incoming::none())
    }

    /// The request from the labels of its path template.
    pub(crate) fn from_parts(mut labels: Labels<'_>, _: &Incoming<'_>) -> Result<Self, RouteError> {
        Ok(Self::new(labels.next()?, labels.next()?, labels.next()?))
    }
}

impl WritePath for LexDeleteSessionRequest {
    fn write_path(&self, out: &mut String) {
        out.push_str("/bot/");
        encode_into(out, self.bot_name.as_str());
        out.push_str("/alias/");
        encode_into(out, self.bot_alias.as_str());
        out.push_str("/user/");
        encode_into(out, self.user_id.as_str());
        out.push_str("/session");
    }
}

#[cfg(feature = "serde")]
pub use response::LexDeleteSessionResponse;

#[cfg(feature = "serde")]
mod response {
    use alloc::string::String;

    use super::LexDeleteSessionRequest;
    use crate::response::rest_json_types::rest_json_response;
    use crate::{LexErrorKind, LexServiceError};

    rest_json_response! {
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
        LexDeleteSessionResponse, LexServiceError, LexErrorKind {
            /// `botAlias`.
            bot_alias: "botAlias",
            /// `botName`.
            bot_name: "botName",
            /// `sessionId`: unconstrained in the model.
            session_id: "sessionId",
            /// `userId`, as received: the request's user id, unless the service broke its rule.
            user_id: "userId",
        }
    }

    impl LexDeleteSessionResponse {
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
            Self::ok(Body {
                bot_alias: Some(String::from(request.bot_alias().as_str())),
                bot_name: Some(String::from(request.bot_name().as_str())),
                session_id: Some(session_id.into()),
                user_id: Some(String::from(request.user_id().as_str())),
            })
        }
    }
}
