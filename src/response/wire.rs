//! The server side of a response: [`WireResponse`], the status, headers and body bytes a
//! response value renders to, and the small JSON writer the renderers share.

use alloc::string::String;
use alloc::vec::Vec;

/// A response as it goes on the wire: status, headers and body bytes, rendered by a response
/// value or a service error of either API (or a rejection), pure and exact.
///
/// Header names are the crate's constants, written as the service writes them
/// (`X-Tt-Logid`, `x-amzn-ErrorType`); values are visible ASCII. A value this crate cannot send
/// as a header (blank, with control bytes or non-ASCII, or with spaces at either end) is left
/// out, never altered: where the same fact also travels in the body (Aily's log id, a Lex error
/// code), the body carries it.
///
/// ```
/// use botsession::AilyDeleteSessionResponse;
///
/// let wire = AilyDeleteSessionResponse::new().with_log_id("2024abc").render();
/// assert_eq!(wire.status(), 200);
/// assert_eq!(wire.header("x-tt-logid"), Some("2024abc"));
/// assert_eq!(wire.body(), br#"{"code":0,"msg":"success","data":{}}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WireResponse {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl WireResponse {
    pub(crate) fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Self {
        let mut headers = Vec::with_capacity(4);
        headers.push((CONTENT_TYPE, String::from(content_type)));
        WireResponse {
            status,
            headers,
            body,
        }
    }

    /// Adds a header whose value is not known to be sendable: left out unless it is.
    pub(crate) fn header_if_safe(&mut self, name: &'static str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| is_header_safe(v)) {
            self.headers.push((name, String::from(value)));
        }
    }

    /// Adds a header whose value is known to be sendable.
    pub(crate) fn owned_header(&mut self, name: &'static str, value: String) {
        self.headers.push((name, value));
    }

    /// Adds a header from a static value.
    pub(crate) fn static_header(&mut self, name: &'static str, value: &'static str) {
        self.headers.push((name, String::from(value)));
    }

    /// Adds a header with a number as its value.
    pub(crate) fn number_header(&mut self, name: &'static str, value: u64) {
        let mut digits = Vec::with_capacity(20);
        write_u64(&mut digits, value);
        // Only ASCII digits were written.
        let text = String::from_utf8(digits).unwrap_or_default();
        self.headers.push((name, text));
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The headers, in the order the service sends them; `Content-Type` first.
    pub fn headers(&self) -> &[(&'static str, String)] {
        &self.headers
    }

    /// The value of the first header named `name`, matched ASCII case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body bytes.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The status, headers and body, by value.
    #[allow(clippy::type_complexity)] // the three parts, spelled out for the caller
    pub fn into_parts(self) -> (u16, Vec<(&'static str, String)>, Vec<u8>) {
        (self.status, self.headers, self.body)
    }
}

/// The content type header's name.
pub(crate) const CONTENT_TYPE: &str = "Content-Type";
/// The `Allow` header of a 405.
pub(crate) const ALLOW: &str = "Allow";

/// Whether `value` goes into a header unchanged and reads back the same: visible ASCII and
/// inner spaces only, not blank, no space at either end (the reader trims).
pub(crate) fn is_header_safe(value: &str) -> bool {
    let bytes = value.as_bytes();
    matches!((bytes.first(), bytes.last()), (Some(&first), Some(&last)) if first != b' ' && last != b' ')
        && bytes.iter().all(|&b| matches!(b, b' '..=b'~'))
}

/// Writes one JSON object, field by field, with the commas in between.
pub(crate) struct JsonObject<'a> {
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> JsonObject<'a> {
    /// Opens an object at the end of `out`.
    pub(crate) fn open(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        JsonObject { out, empty: true }
    }

    /// Writes `"key":` (the key is one of the crate's field names: no escaping needed), with the
    /// comma before it where one is due, and returns the buffer for the value.
    pub(crate) fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    /// A string field.
    pub(crate) fn string(&mut self, key: &str, value: &str) {
        write_string(self.key(key), value);
    }

    /// A string field, left out when `None`.
    pub(crate) fn optional(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.string(key, value);
        }
    }

    /// A field whose value is already JSON.
    pub(crate) fn raw(&mut self, key: &str, json: &[u8]) {
        self.key(key).extend_from_slice(json);
    }

    /// An array of objects, each written by `write`; left out when `items` is empty.
    pub(crate) fn array<T>(
        &mut self,
        key: &str,
        items: &[T],
        write: impl Fn(&mut JsonObject<'_>, &T),
    ) {
        if items.is_empty() {
            return;
        }
        let out = self.key(key);
        out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let mut object = JsonObject::open(out);
            write(&mut object, item);
            object.close();
        }
        out.push(b']');
    }

    /// Closes the object.
    pub(crate) fn close(self) {
        self.out.push(b'}');
    }
}

/// Writes `s` as a JSON string, escaped as `serde_json` escapes it: `"`, `\` and the control
/// characters below U+0020; everything else (non-ASCII included) as it is. Unescaped runs are
/// copied whole.
pub(crate) fn write_string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
        }
        start = i + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// Writes `n` in decimal.
pub(crate) fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        // `n % 10` is a single digit.
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(i..).unwrap_or_default());
}

/// Writes `n` in decimal, with its sign.
pub(crate) fn write_i64(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    write_u64(out, n.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut samples: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        samples.extend(
            [
                "",
                "plain",
                "a\"b\\c",
                "line\nbreak\r\t",
                "\u{0}\u{1f}\u{7f}",
                "é中🦀",
                "\u{2028}",
            ]
            .map(String::from),
        );
        for s in samples {
            let mut ours = Vec::new();
            write_string(&mut ours, &s);
            assert_eq!(ours, serde_json::to_vec(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for n in [
            0i64,
            1,
            -1,
            9,
            10,
            99,
            2700001,
            99991663,
            i64::MAX,
            i64::MIN,
            -10,
        ] {
            let mut ours = Vec::new();
            write_i64(&mut ours, n);
            assert_eq!(ours, serde_json::to_vec(&n).unwrap(), "{n}");
        }
        let mut ours = Vec::new();
        write_u64(&mut ours, u64::MAX);
        assert_eq!(ours, b"18446744073709551615");
    }

    #[test]
    fn header_safety() {
        for ok in ["a", "2024abc", "a b", "~!", "x-y_z:1"] {
            assert!(is_header_safe(ok), "{ok:?}");
        }
        for bad in ["", " ", " a", "a ", "a\tb", "a\nb", "é", "\u{7f}", "a\u{0}"] {
            assert!(!is_header_safe(bad), "{bad:?}");
        }
    }

    #[test]
    fn objects_put_commas_between_fields_only() {
        let mut out = Vec::new();
        let mut object = JsonObject::open(&mut out);
        object.optional("a", None);
        object.string("b", "1");
        object.optional("c", Some("2"));
        object.raw("d", b"{}");
        object.array("e", &[1, 2], |o, n| {
            o.raw("n", if *n == 1 { b"1" } else { b"2" })
        });
        object.array::<u8>("f", &[], |_, _| {});
        object.close();
        assert_eq!(out, br#"{"b":"1","c":"2","d":{},"e":[{"n":1},{"n":2}]}"#);
    }
}
