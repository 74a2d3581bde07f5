//! The Lex V1 DeleteSession request: building, rendering with AWS label encoding, and routing
//! it back from a request line.

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
    /// Every method the service serves on the session path (DeleteSession, PutSession): the
    /// `Allow` header of a 405.
    pub const ALLOW: &'static str = "DELETE, POST";

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
        let base = base.strip_suffix('/').unwrap_or(base);
        let mut url = String::with_capacity(base.len() + 128);
        url.push_str(base);
        self.write_path(&mut url);
        url
    }

    /// Parses a request line: `method` (case-sensitive) and `path` (percent-encoded, any query
    /// string ignored).
    ///
    /// # Errors
    ///
    /// [`RouteError::NotFound`] for another path (missing, misnamed, extra or trailing
    /// segments: `/bot/Order/alias/prod/user/ab/session/` with any method but `GET`),
    /// [`RouteError::OtherOperation`] for `POST` (PutSession) and for `GET` on the path with a
    /// trailing slash (GetSession), [`RouteError::MethodNotAllowed`] for any other method on
    /// this path (`GET`, `delete`), [`RouteError::Escape`] or
    /// [`RouteError::Utf8`] for a label that does not percent-decode (`%4`, `%FF`),
    /// [`RouteError::Label`] for a label that breaks its rule (`user/a%2Fb`, `user/%2e%2e`,
    /// `alias/$latest`, and an empty label such as `/bot//alias/…`, which fails its length
    /// rule), and [`RouteError::PathTooLong`] past
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN).
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteError> {
        Self::route(method, route::path_only(path)?)
    }

    /// [`from_route`](Self::from_route) on a path already checked for length, without its
    /// query string.
    pub(crate) fn route(method: &str, path: &str) -> Result<Self, RouteError> {
        let mut segments = path.strip_prefix('/').unwrap_or("\u{0}").split('/');
        let mut next = || segments.next();
        let (Some("bot"), Some(name), Some("alias"), Some(alias), Some("user"), Some(user)) =
            (next(), next(), next(), next(), next(), next())
        else {
            return Err(RouteError::NotFound);
        };
        match (next(), next(), next()) {
            (Some("session"), None, _) => {}
            // GetSession's path: `…/session/`.
            (Some("session"), Some(""), None) if method == "GET" => {
                return Err(RouteError::OtherOperation {
                    operation: "GetSession",
                })
            }
            _ => return Err(RouteError::NotFound),
        }
        route::expect_method(method, Self::METHOD, &[("POST", "PutSession")])?;
        Ok(Self::new(
            route::label(name, "botName")?,
            route::label(alias, "botAlias")?,
            route::label(user, "userId")?,
        ))
    }
}
