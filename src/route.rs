//! The server side of a request line: from a method and a path to a typed request, or a
//! [`RouteError`] that says which part is wrong. Also the label encoding both operations share.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::id::{Fault, Parse};
use crate::IdError;

/// The longest request target (path and query string) that `from_route` reads; a longer one
/// is rejected by its length before any of it is decoded. The longest valid path, a
/// Lex path with every label at its maximum and fully percent-encoded, is under 700 bytes.
pub const MAX_PATH_LEN: usize = 4096;

/// Why a request line does not name a valid delete-session request.
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
    /// The path is not this operation's route: missing, misnamed or extra segments, or a
    /// trailing slash. (A Lex label position that is present but empty is the route with a bad
    /// label: [`RouteError::Label`].)
    #[error("no route matches the request path")]
    NotFound,
    /// The path is this operation's route but the method is not `allowed`. Methods are
    /// case-sensitive: `delete` is not `DELETE`.
    #[error("method not allowed: the route allows only {allowed}")]
    MethodNotAllowed {
        /// The method the route accepts.
        allowed: &'static str,
    },
    /// The path and method name an operation the service serves beside delete-session, on the
    /// same path: Aily `GET` and `PUT` `/open-apis/aily/v1/sessions/:aily_session_id` (get and
    /// update session), Lex `GET …/session/` (GetSession, note the slash) and `POST …/session`
    /// (PutSession). Not a 405: the service would answer it, so a gateway passes it through;
    /// one that does not answers 501.
    #[error("the request is {operation}, not delete-session")]
    OtherOperation {
        /// The operation's name in the service's docs: `"GetSession"`, `"UpdateSession"`,
        /// `"PutSession"`.
        operation: &'static str,
    },
    /// The path is longer than [`MAX_PATH_LEN`].
    #[error("request path of {len} bytes exceeds the limit of {MAX_PATH_LEN} bytes")]
    PathTooLong {
        /// The path's length in bytes.
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
    /// The HTTP status a server should answer with: 404, 405, 414, 400 for a bad label, and
    /// 501 for [another operation](RouteError::OtherOperation) it does not pass through.
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

/// The path of a request line, without its query string, once its length is checked.
pub(crate) fn path_only(path: &str) -> Result<&str, RouteError> {
    if path.len() > MAX_PATH_LEN {
        return Err(RouteError::PathTooLong { len: path.len() });
    }
    Ok(without_query(path))
}

/// The path of a request line without its query string.
pub(crate) fn without_query(path: &str) -> &str {
    path.split_once('?').map_or(path, |(p, _)| p)
}

/// Checks the method once the path has matched the route: `allowed`, else one of the
/// `siblings` (method, operation) the service serves on the same path, else a 405.
pub(crate) fn expect_method(
    method: &str,
    allowed: &'static str,
    siblings: &[(&str, &'static str)],
) -> Result<(), RouteError> {
    if method == allowed {
        return Ok(());
    }
    match siblings.iter().find(|(m, _)| *m == method) {
        Some(&(_, operation)) => Err(RouteError::OtherOperation { operation }),
        None => Err(RouteError::MethodNotAllowed { allowed }),
    }
}

/// Percent-decodes one path label and validates it as a `T`.
///
/// The decoded length is known from the number of `%` signs, so an oversized label is rejected
/// by its length before anything is decoded or copied.
pub(crate) fn label<T: Parse>(raw: &str, name: &'static str) -> Result<T, RouteError> {
    let fail = |source| RouteError::Label {
        label: name,
        source,
    };
    let escapes = raw.bytes().filter(|&b| b == b'%').count();
    let decoded_len = raw.len().saturating_sub(2 * escapes);
    let (_, max) = T::KIND.len_bounds();
    if decoded_len > max {
        return Err(fail(IdError::whole(T::KIND, Fault::LENGTH, decoded_len)));
    }
    match decode(raw, name)? {
        Cow::Borrowed(s) => T::parse_str(s),
        Cow::Owned(s) => T::parse_string(s),
    }
    .map_err(fail)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Strict percent-decoding: every `%` must start a two-hex-digit escape.
fn decode<'a>(raw: &'a str, name: &'static str) -> Result<Cow<'a, str>, RouteError> {
    if !raw.contains('%') {
        return Ok(Cow::Borrowed(raw));
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    // Each unescaped run is copied whole, up to the next `%`.
    while let Some(rest) = bytes.get(i..).filter(|r| !r.is_empty()) {
        let run = rest.iter().position(|&b| b == b'%').unwrap_or(rest.len());
        out.extend_from_slice(rest.get(..run).unwrap_or_default());
        i += run;
        if i >= bytes.len() {
            break;
        }
        let hi = bytes.get(i + 1).copied().and_then(hex);
        let lo = bytes.get(i + 2).copied().and_then(hex);
        match (hi, lo) {
            (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
            _ => {
                return Err(RouteError::Escape {
                    label: name,
                    index: i,
                })
            }
        }
        i += 3;
    }
    String::from_utf8(out)
        .map(Cow::Owned)
        .map_err(|_| RouteError::Utf8 { label: name })
}

/// Appends `label` percent-encoded as the AWS SDKs encode path labels: only `A-Z a-z 0-9 - . _ ~`
/// pass raw, every other byte becomes `%XX` (upper-case hex).
pub(crate) fn encode_into(out: &mut String, label: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in label.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    const L: &str = "label";

    /// Percent-decoding one byte at a time, as the spec reads: the oracle.
    fn reference(raw: &str) -> Result<Cow<'_, str>, RouteError> {
        let bytes = raw.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hi = bytes.get(i + 1).copied().and_then(hex);
                let lo = bytes.get(i + 2).copied().and_then(hex);
                match (hi, lo) {
                    (Some(hi), Some(lo)) => out.push(hi * 16 + lo),
                    _ => return Err(RouteError::Escape { label: L, index: i }),
                }
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        if !raw.contains('%') {
            return Ok(Cow::Borrowed(raw));
        }
        String::from_utf8(out)
            .map(Cow::Owned)
            .map_err(|_| RouteError::Utf8 { label: L })
    }

    /// The run-copying decoder decodes as the oracle: every escaped byte value in either hex
    /// case, before, between and after runs (ASCII and not), next to a broken escape, and a
    /// non-ASCII escape completing or breaking a character.
    #[test]
    fn decode_agrees_with_the_byte_oracle() {
        let mut inputs: Vec<String> = Vec::new();
        for b in 0..=255u8 {
            for esc in [format!("%{b:02X}"), format!("%{b:02x}")] {
                for (before, after) in [("", ""), ("ab", ""), ("", "cd"), ("é", "x"), ("a", "%3A")]
                {
                    inputs.push(format!("{before}{esc}{after}"));
                    inputs.push(format!("{before}{esc}{after}%"));
                    inputs.push(format!("{before}{esc}{after}%4"));
                    inputs.push(format!("{before}{esc}%g1{after}"));
                    inputs.push(format!("%C3{before}{esc}{after}"));
                }
            }
        }
        inputs.extend(
            [
                "",
                "plain",
                "%",
                "%%",
                "%%41",
                "%4",
                "%C3%A9",
                "%C3",
                "%C3%",
                "a%E2%82%ACb",
                "é%41é",
            ]
            .map(String::from),
        );
        for raw in &inputs {
            assert_eq!(decode(raw, L), reference(raw), "{raw:?}");
        }
    }
}
