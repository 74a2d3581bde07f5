//! The Lex V2 DeleteSession request: building, rendering with AWS label encoding, and routing
//! it back from a request line.

use alloc::string::String;

use super::{LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2SessionId};
use crate::route::{self, encode_into, RouteError};
use crate::LexRegion;

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
pub struct LexV2DeleteSessionRequest {
    bot_id: LexV2BotId,
    bot_alias_id: LexV2BotAliasId,
    locale_id: LexV2LocaleId,
    session_id: LexV2SessionId,
}

/// The other operations the service serves on the session path, by method.
const SIBLINGS: [(&str, &str); 2] = [("GET", "GetSession"), ("POST", "PutSession")];

/// The operations under the session path, by their last segment (all `POST`).
const UNDER_SESSION: [(&str, &str); 3] = [
    ("text", "RecognizeText"),
    ("utterance", "RecognizeUtterance"),
    ("conversation", "StartConversation"),
];

impl LexV2DeleteSessionRequest {
    /// The HTTP method.
    pub const METHOD: &'static str = "DELETE";
    /// The path template, as the API reference writes it.
    pub const PATH_TEMPLATE: &'static str =
        "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}";
    /// Every method the service serves on the session path (DeleteSession, GetSession,
    /// PutSession): the `Allow` header of a 405.
    pub const ALLOW: &'static str = "DELETE, GET, POST";

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

    /// The bot.
    pub fn bot_id(&self) -> LexV2BotId {
        self.bot_id
    }

    /// The bot alias.
    pub fn bot_alias_id(&self) -> LexV2BotAliasId {
        self.bot_alias_id
    }

    /// The locale.
    pub fn locale_id(&self) -> LexV2LocaleId {
        self.locale_id
    }

    /// The session to delete.
    pub fn session_id(&self) -> &LexV2SessionId {
        &self.session_id
    }

    /// The request path, labels percent-encoded.
    pub fn path(&self) -> String {
        let mut path = String::with_capacity(
            "/bots//botAliases//botLocales//sessions/".len()
                + 10
                + 10
                + 6
                + 3 * self.session_id.as_str().len(),
        );
        self.write_path(&mut path);
        path
    }

    fn write_path(&self, out: &mut String) {
        out.push_str("/bots/");
        encode_into(out, self.bot_id.as_str());
        out.push_str("/botAliases/");
        encode_into(out, self.bot_alias_id.as_str());
        out.push_str("/botLocales/");
        encode_into(out, self.locale_id.as_str());
        out.push_str("/sessions/");
        encode_into(out, self.session_id.as_str());
    }

    /// The full URL on the region's V2 runtime endpoint, [`LexRegion::v2_endpoint`]:
    /// `https://runtime-v2-lex.<region>.amazonaws.com` (`.amazonaws.com.cn` for `cn-` regions).
    pub fn url(&self, region: &LexRegion) -> String {
        let mut url = region.v2_endpoint();
        self.write_path(&mut url);
        url
    }

    /// The full URL on any base: a mock on loopback, LocalStack, a VPC or FIPS endpoint. `base`
    /// is a scheme and host with an optional path prefix; a trailing `/` is dropped.
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
    /// segments), [`RouteError::OtherOperation`] for `GET` (GetSession) and `POST` (PutSession)
    /// on this path and `POST` on `…/text`, `…/utterance` and `…/conversation`,
    /// [`RouteError::MethodNotAllowed`] for any other method on this path (`PUT`, `delete`),
    /// [`RouteError::Escape`] or [`RouteError::Utf8`] for a label that does not percent-decode,
    /// [`RouteError::Label`] for a label that breaks its rule (`sessions/%2e%2e`,
    /// `botLocales/en%2FUS`, an empty label), and [`RouteError::PathTooLong`] past
    /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN).
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteError> {
        Self::route(method, route::path_only(path)?)
    }

    /// [`from_route`](Self::from_route) on a path already checked for length, without its
    /// query string.
    pub(crate) fn route(method: &str, path: &str) -> Result<Self, RouteError> {
        let mut segments = path.strip_prefix('/').unwrap_or("\u{0}").split('/');
        let mut next = || segments.next();
        let (
            Some("bots"),
            Some(bot),
            Some("botAliases"),
            Some(alias),
            Some("botLocales"),
            Some(locale),
            Some("sessions"),
            Some(session),
        ) = (
            next(),
            next(),
            next(),
            next(),
            next(),
            next(),
            next(),
            next(),
        )
        else {
            return Err(RouteError::NotFound);
        };
        match (next(), next()) {
            (None, _) => {}
            (Some(last), None) if method == "POST" => {
                return match UNDER_SESSION.iter().find(|(segment, _)| *segment == last) {
                    Some(&(_, operation)) => Err(RouteError::OtherOperation { operation }),
                    None => Err(RouteError::NotFound),
                }
            }
            _ => return Err(RouteError::NotFound),
        }
        route::expect_method(method, Self::METHOD, &SIBLINGS)?;
        Ok(Self::new(
            route::label(bot, "botId")?,
            route::label(alias, "botAliasId")?,
            route::label(locale, "localeId")?,
            route::label(session, "sessionId")?,
        ))
    }
}
