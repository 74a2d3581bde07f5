//! [`RouteError`]: why a request line names no operation, and the one table of the HTTP
//! statuses a server answers each reason with.

use crate::route::MAX_PATH_LEN;
use crate::IdError;

/// Why a request line does not name a valid request of an operation.
///
/// The message never quotes the path: at most the name of the label and, through
/// [`IdError`], one offending character.
///
/// ```
/// use botsession::{LexDeleteSessionRequest, RouteError};
///
/// let err = LexDeleteSessionRequest::from_route("DELETE", "/bot/Order/alias/prod/user/a%2Fb/session")
///     .unwrap_err();
/// assert_eq!(err.label(), Some("userId"));
/// assert_eq!(err.http_status(), 400);
/// assert_eq!(
///     err.to_string(),
///     "path label userId: invalid Lex user id: character '/' at byte 1 is not in [0-9a-zA-Z._:-]"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RouteError {
    /// The path is not the route: missing, misnamed or extra segments, or a trailing slash.
    /// (A Lex label position that is present but empty is the route with a bad label:
    /// [`RouteError::Label`]; an empty Aily `:aily_session_id` is no route.)
    #[error("no route matches the request path")]
    NotFound,
    /// The path is the route but the service serves no operation with this method on it.
    /// Methods are case-sensitive: `delete` is not `DELETE`.
    #[error("method not allowed: the route allows {allowed}")]
    MethodNotAllowed {
        /// Every method the service serves on the path, as the `Allow` header of the 405 lists
        /// them: `"DELETE, GET, PUT"`.
        allowed: &'static str,
    },
    /// The path and method name an operation the service serves that is not the one asked for,
    /// or that this crate does not type: Aily `GET` and `PUT`
    /// `/open-apis/aily/v1/sessions/:aily_session_id` (get and update session), Lex `GET
    /// …/session/` (GetSession, note the slash) and `POST …/session` (PutSession), Lex V2 `GET`
    /// and `POST` on the session path and `POST …/text`, `…/utterance`, `…/conversation`.
    /// `HEAD` is answered as `GET` is (RFC 9110, section 9.3.2). Not a 405: the service would
    /// answer it, so a gateway passes it through; one that does not answers 501.
    #[error("the request is another operation: {operation}")]
    OtherOperation {
        /// The operation's name in the service's docs: `"GetSession"`, `"UpdateSession"`,
        /// `"PutSession"`, `"RecognizeText"`, `"RecognizeUtterance"`, `"StartConversation"`.
        operation: &'static str,
    },
    /// The request target (path and query string) is longer than [`MAX_PATH_LEN`].
    #[error("request path of {len} bytes exceeds the limit of {MAX_PATH_LEN} bytes")]
    PathTooLong {
        /// The request target's length in bytes.
        len: usize,
    },
    /// A label has a `%` not followed by two hex digits.
    #[error("path label {label}: '%' at byte {index} is not followed by two hex digits")]
    Escape {
        /// The label's name in the route template, e.g. `"userId"`.
        label: &'static str,
        /// The byte index of the `%` within the label.
        index: usize,
    },
    /// A label's percent-decoded bytes are not UTF-8.
    #[error("path label {label}: percent-decoded bytes are not UTF-8")]
    Utf8 {
        /// The label's name in the route template.
        label: &'static str,
    },
    /// A decoded label breaks its identifier's rule.
    #[error("path label {label}: {source}")]
    Label {
        /// The label's name in the route template.
        label: &'static str,
        /// Which rule it broke, and where.
        source: IdError,
    },
}

impl RouteError {
    /// The HTTP status a server answers with: 404, 405, 414, 400 for a bad label, and 501 for
    /// [another operation](RouteError::OtherOperation) it does not pass through. Every API's
    /// rejection is sent with this status (see [`RouteRejection::render`]).
    ///
    /// [`RouteRejection::render`]: crate::RouteRejection
    pub fn http_status(&self) -> u16 {
        match self {
            RouteError::NotFound => 404,
            RouteError::MethodNotAllowed { .. } => 405,
            RouteError::OtherOperation { .. } => 501,
            RouteError::PathTooLong { .. } => 414,
            RouteError::Escape { .. } | RouteError::Utf8 { .. } | RouteError::Label { .. } => 400,
        }
    }

    /// The name of the offending label, where one is at fault.
    pub fn label(&self) -> Option<&'static str> {
        match self {
            RouteError::Escape { label, .. }
            | RouteError::Utf8 { label }
            | RouteError::Label { label, .. } => Some(label),
            _ => None,
        }
    }

    /// The identifier error, for [`RouteError::Label`].
    pub fn id_error(&self) -> Option<&IdError> {
        match self {
            RouteError::Label { source, .. } => Some(source),
            _ => None,
        }
    }
}
