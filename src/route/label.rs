//! Path labels both ways: the strict percent-decoding and validation of a label, the AWS SDKs'
//! encoding of one, and the length limit of a request target.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::id::{Fault, Parse};
use crate::{IdError, RouteError};

/// The longest request target (path and query string, as the request line carries it) that
/// any `from_route` reads; a longer one is [`RouteError::PathTooLong`] before any of it is
/// decoded, whatever the entry point: `from_route`, `from_http_request` and the mock all count
/// the query string. The longest valid path, a Lex path with every label at its maximum and
/// fully percent-encoded, is under 700 bytes.
pub const MAX_PATH_LEN: usize = 4096;

/// The path of a request target, without its query string.
pub(crate) fn without_query(target: &str) -> &str {
    target.split_once('?').map_or(target, |(p, _)| p)
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

/// The capacity a path is written into: enough for every path but the longest fully escaped Lex
/// ones, so that one allocation is the rule.
const PATH_CAPACITY: usize = 128;

/// A request whose path is a template with its labels encoded: writes it, and from it the
/// path and the URL on any base, the same way for every operation.
pub(crate) trait WritePath {
    /// Appends the path, labels percent-encoded.
    fn write_path(&self, out: &mut String);

    /// The path alone.
    fn path(&self) -> String {
        let mut path = String::with_capacity(PATH_CAPACITY);
        self.write_path(&mut path);
        path
    }

    /// The path on `base`, a scheme and host with an optional path prefix; a trailing `/` is
    /// dropped.
    fn url_on(&self, base: &str) -> String {
        let base = base.strip_suffix('/').unwrap_or(base);
        let mut url = String::with_capacity(base.len() + PATH_CAPACITY);
        url.push_str(base);
        self.write_path(&mut url);
        url
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
