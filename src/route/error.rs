//! [`RouteError`]: why an incoming request is not a valid request of an operation (its request
//! line, and for an operation with a body its headers and body), and the one table of the HTTP
//! statuses a server answers each reason with.

use crate::route::MAX_PATH_LEN;
use crate::{IdError, TextError};

/// Why an incoming request is not a valid request of an operation: its request line names
/// none, or (for an operation whose request has headers and a body: Aily create and update
/// session, Lex V2 PutSession) a header or the body breaks the operation's rules.
///
/// The message never quotes the path, a header or the body: at most the name of the label,
/// header or field, a length, a position and, through [`IdError`], one offending character.
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
    /// or that this crate does not type: from one operation's own `from_route`, its siblings on
    /// the same path (Aily get and update beside delete; Lex V2 GetSession and PutSession
    /// beside DeleteSession); from any, Lex V1's `GET …/session/` (GetSession, note the slash)
    /// and `POST …/session` (PutSession), and Lex V2's `POST …/text`, `…/utterance`,
    /// `…/conversation`, and the Aily messages and runs under a session.
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
    /// The request's `Content-Type` is missing, repeated or not the one the operation reads:
    /// Aily create and update and Lex V2 PutSession read `application/json`, with
    /// `charset=utf-8` or no charset (media type and charset in any case, as RFC 9110 compares
    /// them).
    #[error("Content-Type must be {expected}")]
    ContentType {
        /// The content type the operation documents: `"application/json; charset=utf-8"`.
        expected: &'static str,
    },
    /// A header the operation reads is repeated or breaks its rule.
    #[error("header {name}: {error}")]
    Header {
        /// The header's name, as the docs spell it: `"X-Aily-BizUserID"`.
        name: &'static str,
        /// What is wrong with it.
        error: FieldError,
    },
    /// The body is longer than the operation reads: nothing of it is parsed.
    #[error("request body of {len} bytes exceeds the limit of {max} bytes")]
    BodyTooLarge {
        /// The body's length in bytes.
        len: usize,
        /// The most bytes the operation reads.
        max: usize,
    },
    /// The body is not a JSON object.
    #[error("request body: {0}")]
    Body(BodyError),
    /// A value nested in the body breaks its rule (Lex V2 PutSession's session state,
    /// messages and request attributes): the path to it and the rule.
    #[cfg(feature = "serde")]
    #[error("request body: {0}")]
    Value(alloc::boxed::Box<crate::ValueError>),
    /// A field of the body breaks its rule.
    #[error("request body field {field}: {error}")]
    Field {
        /// The field's name: `"channel_context"`, `"metadata"`.
        field: &'static str,
        /// What is wrong with it.
        error: FieldError,
    },
}

/// What is wrong with one header or body field of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldError {
    /// Given more than once: which one counts is ambiguous, so none does (JSON keys compared
    /// after unescaping, header names case-insensitively).
    #[error("given more than once")]
    Repeated,
    /// A body field of the wrong JSON type: a number, boolean, array or object where a string
    /// (or `null`, read as absent) belongs.
    #[error("not a string")]
    NotString,
    /// The value breaks the field's text rule.
    #[error("{0}")]
    Text(TextError),
}

/// Why a request body is not a JSON object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BodyError {
    /// The body is empty.
    #[error("empty, not a JSON object")]
    Empty,
    /// Not JSON: a syntax error, or anything after the object, at this line and column (from
    /// 1).
    #[error("not JSON: syntax error at line {line}, column {column}")]
    Syntax {
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// The body ends before its JSON object does.
    #[error("truncated: the JSON ends early")]
    Truncated,
    /// JSON, but not an object: an array, string, number, boolean or `null`.
    #[error("JSON, but not an object")]
    NotObject,
}

impl RouteError {
    /// The HTTP status a server answers with: 404, 405, 414, 415 for the wrong `Content-Type`,
    /// 413 for a body past the limit, 400 for a bad label, header, body or field, and 501 for
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
            RouteError::ContentType { .. } => 415,
            RouteError::BodyTooLarge { .. } => 413,
            RouteError::Escape { .. }
            | RouteError::Utf8 { .. }
            | RouteError::Label { .. }
            | RouteError::Header { .. }
            | RouteError::Body(_)
            | RouteError::Field { .. } => 400,
            #[cfg(feature = "serde")]
            RouteError::Value(_) => 400,
        }
    }

    /// The name of what is at fault, where one thing is: a label, a header (`Content-Type`
    /// included) or a body field. Aily's answer names it in its field violation.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            RouteError::ContentType { .. } => Some("Content-Type"),
            RouteError::Header { name, .. } => Some(name),
            RouteError::Field { field, .. } => Some(field),
            #[cfg(feature = "serde")]
            RouteError::Value(error) => error.field(),
            _ => self.label(),
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

    /// The rule broken and its path, for a value nested in the body.
    #[cfg(feature = "serde")]
    pub fn value_error(&self) -> Option<&crate::ValueError> {
        match self {
            RouteError::Value(error) => Some(error),
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
