use alloc::string::String;

use super::{LexBotAlias, LexBotName, LexRegion, LexUserId};
use crate::route::{self, encode_into, RouteError};

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
        let mut path = String::with_capacity(
            "/bot//alias//user//session".len()
                + self.bot_name.as_str().len()
                + 3 * (self.bot_alias.as_str().len() + self.user_id.as_str().len()),
        );
        self.write_path(&mut path);
        path
    }

    fn write_path(&self, out: &mut String) {
        out.push_str("/bot/");
        encode_into(out, self.bot_name.as_str());
        out.push_str("/alias/");
        encode_into(out, self.bot_alias.as_str());
        out.push_str("/user/");
        encode_into(out, self.user_id.as_str());
        out.push_str("/session");
    }

    /// The full URL on the region's runtime endpoint, [`LexRegion::endpoint`]:
    /// `https://runtime.lex.<region>.amazonaws.com` (`.amazonaws.com.cn` for `cn-` regions).
    pub fn url(&self, region: &LexRegion) -> String {
        let mut url = region.endpoint();
        self.write_path(&mut url);
        url
    }

    /// Parses a request line: `method` (case-sensitive) and `path` (percent-encoded, any query
    /// string ignored).
    ///
    /// # Errors
    ///
    /// [`RouteError::NotFound`] for another path (missing, misnamed, extra or trailing
    /// segments: `/bot/Order/alias/prod/user/ab/session/`), [`RouteError::MethodNotAllowed`] for
    /// another method on this path (`GET`, `delete`), [`RouteError::Escape`] or
    /// [`RouteError::Utf8`] for a label that does not percent-decode (`%4`, `%FF`),
    /// [`RouteError::Label`] for a label that breaks its rule (`user/a%2Fb`, `user/%2e%2e`,
    /// `alias/$latest`, and an empty label such as `/bot//alias/…`, which fails its length
    /// rule), and [`RouteError::PathTooLong`] past
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN).
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteError> {
        let path = route::path_only(path)?;
        let mut segments = path.strip_prefix('/').unwrap_or("\u{0}").split('/');
        let mut next = || segments.next();
        let (Some("bot"), Some(name), Some("alias"), Some(alias), Some("user"), Some(user)) =
            (next(), next(), next(), next(), next(), next())
        else {
            return Err(RouteError::NotFound);
        };
        if next() != Some("session") || next().is_some() {
            return Err(RouteError::NotFound);
        }
        route::expect_method(method, Self::METHOD)?;
        Ok(Self::new(
            route::label(name, "botName")?,
            route::label(alias, "botAlias")?,
            route::label(user, "userId")?,
        ))
    }
}

#[cfg(feature = "serde")]
pub use response::LexDeleteSessionResponse;

#[cfg(feature = "serde")]
mod response {
    use alloc::string::String;

    use serde::Deserialize;

    use super::super::error::{sanitize_code, LexErrorKind, LexServiceError};
    use super::LexUserId;
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

    /// The fields an error body may carry; every one optional.
    #[derive(Deserialize, Default)]
    struct WireError {
        #[serde(default)]
        code: Option<String>,
        #[serde(default, rename = "__type")]
        type_: Option<String>,
        #[serde(default)]
        message: Option<String>,
        #[serde(default, rename = "Message")]
        message_upper: Option<String>,
        #[serde(default, rename = "errorMessage")]
        error_message: Option<String>,
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
            let [error_type, request_id, retry_after] = pick_headers(
                headers.iter().map(|(k, v)| (k, v)),
                ["x-amzn-errortype", "x-amzn-requestid", "retry-after"],
            );
            Self::classify(status, error_type, request_id, retry_after, body)
        }

        /// [`from_http`](Self::from_http) once the headers are picked: `x-amzn-ErrorType`,
        /// `x-amzn-RequestId` and `Retry-After`.
        pub(crate) fn classify(
            status: u16,
            error_type: Option<&str>,
            request_id: Option<&str>,
            retry_after: Option<&str>,
            body: &[u8],
        ) -> Result<Self, ResponseError<LexServiceError>> {
            let wait = seconds(retry_after);
            let malformed =
                |m: MalformedResponse| ResponseError::Malformed(m.with_retry_after(wait));
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
            // An error body is read for what it offers; one that is not JSON still leaves the
            // header's code.
            let wire = parse_object::<WireError>(status, body);
            let body_error = wire.as_ref().err().map(|e| String::from(e.reason()));
            let wire = wire.unwrap_or_default();
            // The first source that yields a code: an empty one must not hide the next.
            let code = [error_type, wire.code.as_deref(), wire.type_.as_deref()]
                .into_iter()
                .flatten()
                .map(sanitize_code)
                .find(|code| !code.is_empty());
            let Some(code) = code else {
                let reason = match body_error {
                    Some(e) => alloc::format!("error response with no error code: {e}"),
                    None => String::from("error response with no error code"),
                };
                return Err(malformed(MalformedResponse::new(status, reason, body)));
            };
            Err(ResponseError::Service(LexServiceError {
                kind: LexErrorKind::from_sanitized(code),
                message: wire.message.or(wire.message_upper).or(wire.error_message),
                request_id,
                http_status: status,
                retry_after: wait,
            }))
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
}
