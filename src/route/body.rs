//! What the router hands an operation beside its labels: the request's headers and body, and
//! the checks every operation with a JSON body shares (one header, the content type, the
//! body's size and shape).

#[cfg(feature = "serde")]
use crate::route::error::{BodyError, FieldError};
use crate::Headers;
#[cfg(feature = "serde")]
use crate::RouteError;

/// How many times a header occurs.
// Without `serde` no typed operation reads a header or a body.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub(crate) enum Found<'a> {
    /// Not at all.
    None,
    /// Once, with this value.
    One(&'a [u8]),
    /// More than once.
    Many,
}

/// Headers looked up by name: what an operation's parser sees of any [`Headers`], behind one
/// pointer, so that the router's table holds plain functions.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub(crate) trait HeaderLookup {
    /// The occurrences of `name`, matched ASCII case-insensitively.
    fn find(&self, name: &str) -> Found<'_>;
}

/// Any [`Headers`] as a [`HeaderLookup`] (a slice of pairs is unsized: it is looked up through
/// this sized reference).
pub(crate) struct Lookup<'h, H: ?Sized>(pub(crate) &'h H);

impl<H: Headers + ?Sized> HeaderLookup for Lookup<'_, H> {
    fn find(&self, name: &str) -> Found<'_> {
        let mut found = Found::None;
        for (key, value) in self.0.pairs() {
            if key.eq_ignore_ascii_case(name.as_bytes()) {
                if let Found::One(_) = found {
                    return Found::Many;
                }
                found = Found::One(value);
            }
        }
        found
    }
}

/// The headers and body of a request, as the router passes them on.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub(crate) struct Incoming<'a> {
    headers: &'a dyn HeaderLookup,
    body: &'a [u8],
}

/// No headers: a request line alone.
const NO_HEADERS: Lookup<'static, [(&str, &str)]> = Lookup(&[]);

impl<'a> Incoming<'a> {
    pub(crate) fn new(headers: &'a dyn HeaderLookup, body: &'a [u8]) -> Self {
        Incoming { headers, body }
    }

    /// A request line with no headers and no body.
    pub(crate) fn none() -> Incoming<'static> {
        Incoming {
            headers: &NO_HEADERS,
            body: &[],
        }
    }

    /// The one value of the optional header `name`.
    ///
    /// # Errors
    ///
    /// [`RouteError::Header`] with [`FieldError::Repeated`] when it occurs more than once.
    #[cfg(feature = "serde")]
    pub(crate) fn header(&self, name: &'static str) -> Result<Option<&'a [u8]>, RouteError> {
        match self.headers.find(name) {
            Found::None => Ok(None),
            Found::One(value) => Ok(Some(value)),
            Found::Many => Err(RouteError::Header {
                name,
                error: FieldError::Repeated,
            }),
        }
    }

    /// Checks the `Content-Type` is JSON in UTF-8: exactly one header, `application/json`, with
    /// no parameter but `charset=utf-8` (quoted or not); media type, parameter name and charset
    /// compared ASCII case-insensitively, spaces around `;` and `=` allowed (RFC 9110, section
    /// 8.3.1). `expected` is the operation's documented value, for the error.
    #[cfg(feature = "serde")]
    pub(crate) fn require_json(&self, expected: &'static str) -> Result<(), RouteError> {
        let refused = RouteError::ContentType { expected };
        match self.headers.find("Content-Type") {
            Found::One(value) if is_json_utf8(value) => Ok(()),
            _ => Err(refused),
        }
    }

    /// The body, when it has at most `max` bytes and can be a JSON object: not empty, and not
    /// starting with anything but `{`.
    ///
    /// Nesting is not limited here: a typed field refuses a container at once, and
    /// `serde_json` skips an ignored value without recursion, on a stack the size limit bounds
    /// (the Go reader of the services allows 10,000 levels).
    #[cfg(feature = "serde")]
    pub(crate) fn json_body(&self, max: usize) -> Result<&'a [u8], RouteError> {
        let body = self.body;
        if body.len() > max {
            return Err(RouteError::BodyTooLarge {
                len: body.len(),
                max,
            });
        }
        match body.iter().find(|b| !b.is_ascii_whitespace()) {
            None => Err(RouteError::Body(BodyError::Empty)),
            // Anything else that opens a JSON value is not an object; the rest is no JSON,
            // which the parser locates.
            Some(b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
                Err(RouteError::Body(BodyError::NotObject))
            }
            Some(_) => Ok(body),
        }
    }
}

/// `application/json`, with no parameter but `charset=utf-8`.
#[cfg(feature = "serde")]
fn is_json_utf8(value: &[u8]) -> bool {
    // The documented spelling, which clients send, needs no parsing.
    if value == b"application/json; charset=utf-8" {
        return true;
    }
    let mut parts = value.split(|&b| b == b';');
    let media_type = parts.next().map(trim).unwrap_or_default();
    if !media_type.eq_ignore_ascii_case(b"application/json") {
        return false;
    }
    parts.all(|parameter| {
        let parameter = trim(parameter);
        let Some(eq) = parameter.iter().position(|&b| b == b'=') else {
            return false;
        };
        let (name, value) = parameter.split_at(eq);
        let value = trim(value.get(1..).unwrap_or_default());
        let value = value
            .strip_prefix(b"\"")
            .and_then(|v| v.strip_suffix(b"\""))
            .unwrap_or(value);
        trim(name).eq_ignore_ascii_case(b"charset") && value.eq_ignore_ascii_case(b"utf-8")
    })
}

/// `bytes` without spaces and tabs at either end.
#[cfg(feature = "serde")]
fn trim(bytes: &[u8]) -> &[u8] {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t');
    let start = bytes
        .iter()
        .position(|b| !is_space(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_space(b))
        .map_or(start, |i| i + 1);
    bytes.get(start..end).unwrap_or_default()
}

/// What `serde_json` refused in a body, when no field's own rule did first.
#[cfg(feature = "serde")]
pub(crate) fn json_error(error: &serde_json::Error) -> RouteError {
    use serde_json::error::Category;
    RouteError::Body(match error.classify() {
        Category::Eof => BodyError::Truncated,
        // The only data error left is the top level's type: a field's is the field's error.
        Category::Data => BodyError::NotObject,
        Category::Syntax | Category::Io => BodyError::Syntax {
            line: error.line(),
            column: error.column(),
        },
    })
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    #[test]
    fn json_in_utf8_is_the_one_content_type() {
        for ok in [
            "application/json; charset=utf-8",
            "application/json",
            "Application/JSON;charset=UTF-8",
            "application/json ; charset = \"utf-8\" ",
            "\tapplication/json;\tcharset=utf-8",
        ] {
            assert!(is_json_utf8(ok.as_bytes()), "{ok}");
        }
        for refused in [
            "",
            "text/plain",
            "application/json; charset=latin1",
            "application/json; charset",
            "application/json; boundary=x",
            "application/json;",
            "application/jsonx",
            "application/x-www-form-urlencoded",
            "application/json; charset=\"utf-8",
        ] {
            assert!(!is_json_utf8(refused.as_bytes()), "{refused}");
        }
    }

    #[test]
    fn trim_drops_spaces_and_tabs_at_either_end_only() {
        assert_eq!(trim(b" \t a b \t"), b"a b");
        assert_eq!(trim(b"   "), b"");
        assert_eq!(trim(b""), b"");
        assert_eq!(trim(b"x"), b"x");
    }
}
