//! One router for every API: from a request line to the delete-session request of whichever
//! API's path it is, or a [`RouteRejection`] that knows whose path it was.

use crate::route::{self, RouteError, MAX_PATH_LEN};
use crate::{AilyDeleteSessionRequest, LexDeleteSessionRequest, LexV2DeleteSessionRequest};

/// The API a path belongs to, which decides the format of its answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Api {
    /// Feishu Aily, under `/open-apis/`.
    Aily,
    /// Amazon Lex runtime V1, under `/bot/`.
    Lex,
    /// Amazon Lex V2 runtime, under `/bots/`.
    LexV2,
}

impl Api {
    /// The API whose paths start like `path`: `/open-apis/` is Aily's, `/bot/` Lex V1's,
    /// `/bots/` Lex V2's.
    pub fn of_path(path: &str) -> Option<Api> {
        if path.starts_with("/open-apis/") {
            Some(Api::Aily)
        } else if path.starts_with("/bot/") {
            Some(Api::Lex)
        } else if path.starts_with("/bots/") {
            Some(Api::LexV2)
        } else {
            None
        }
    }
}

/// A delete-session request of either API, as a gateway in front of both receives it.
///
/// ```
/// use botsession::{Api, DeleteSession, RouteError};
///
/// let routed = DeleteSession::from_route("DELETE", "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m")?;
/// assert_eq!(routed.api(), Api::Aily);
///
/// let err = DeleteSession::from_route("POST", "/bot/Order/alias/prod/user/ab/session").unwrap_err();
/// assert_eq!(err.api(), Some(Api::Lex));
/// assert_eq!(err.error(), &RouteError::OtherOperation { operation: "PutSession" });
/// # Ok::<(), botsession::RouteRejection>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeleteSession {
    /// Feishu Aily delete session.
    Aily(AilyDeleteSessionRequest),
    /// Amazon Lex runtime V1 DeleteSession.
    Lex(LexDeleteSessionRequest),
    /// Amazon Lex V2 runtime DeleteSession.
    LexV2(LexV2DeleteSessionRequest),
}

impl DeleteSession {
    /// Routes a request line of either API: `method` (case-sensitive) and `path`
    /// (percent-encoded, any query string ignored). The length is checked once, then the path's
    /// prefix picks the API, whose own `from_route` rules apply.
    ///
    /// # Errors
    ///
    /// A [`RouteRejection`] with the API whose path it was (`None` for a path under neither
    /// prefix) and the [`RouteError`]: as [`AilyDeleteSessionRequest::from_route`] and
    /// [`LexDeleteSessionRequest::from_route`], and [`RouteError::NotFound`] for any other path.
    pub fn from_route(method: &str, path: &str) -> Result<Self, RouteRejection> {
        let api = Api::of_path(path);
        let reject = |error| RouteRejection { api, error };
        if path.len() > MAX_PATH_LEN {
            return Err(reject(RouteError::PathTooLong { len: path.len() }));
        }
        let path = route::without_query(path);
        match api {
            Some(Api::Aily) => AilyDeleteSessionRequest::route(method, path).map(Self::Aily),
            Some(Api::Lex) => LexDeleteSessionRequest::route(method, path).map(Self::Lex),
            Some(Api::LexV2) => LexV2DeleteSessionRequest::route(method, path).map(Self::LexV2),
            None => Err(RouteError::NotFound),
        }
        .map_err(reject)
    }

    /// Which API the request is for.
    pub fn api(&self) -> Api {
        match self {
            DeleteSession::Aily(_) => Api::Aily,
            DeleteSession::Lex(_) => Api::Lex,
            DeleteSession::LexV2(_) => Api::LexV2,
        }
    }

    /// The request path, as the API renders it.
    pub fn path(&self) -> alloc::string::String {
        match self {
            DeleteSession::Aily(r) => r.path(),
            DeleteSession::Lex(r) => r.path(),
            DeleteSession::LexV2(r) => r.path(),
        }
    }
}

impl From<AilyDeleteSessionRequest> for DeleteSession {
    fn from(request: AilyDeleteSessionRequest) -> Self {
        DeleteSession::Aily(request)
    }
}

impl From<LexDeleteSessionRequest> for DeleteSession {
    fn from(request: LexDeleteSessionRequest) -> Self {
        DeleteSession::Lex(request)
    }
}

impl From<LexV2DeleteSessionRequest> for DeleteSession {
    fn from(request: LexV2DeleteSessionRequest) -> Self {
        DeleteSession::LexV2(request)
    }
}

/// Why [`DeleteSession::from_route`] did not route a request line: the [`RouteError`], and the
/// API whose path it was, so that a gateway answers in that API's format (with the `serde`
/// feature, `render` writes the answer in that format).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{error}")]
pub struct RouteRejection {
    api: Option<Api>,
    error: RouteError,
}

impl RouteRejection {
    /// A rejection for `error` on a path of `api` (`None`: neither API's).
    pub fn new(api: Option<Api>, error: RouteError) -> Self {
        RouteRejection { api, error }
    }

    /// The API whose path it was: `None` for a path under neither API's prefix.
    pub fn api(&self) -> Option<Api> {
        self.api
    }

    /// What is wrong with the request line.
    pub fn error(&self) -> &RouteError {
        &self.error
    }

    /// The HTTP status to answer with, [`RouteError::http_status`].
    pub fn http_status(&self) -> u16 {
        self.error.http_status()
    }

    /// The route error, by value.
    pub fn into_error(self) -> RouteError {
        self.error
    }
}
