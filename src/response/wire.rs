//! The server side of a response: [`WireResponse`], the status, headers and body bytes a
//! response value renders to, and the small JSON writer the renderers share.

use alloc::borrow::Cow;
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
/// let wire = AilyDeleteSessionResponse::new().with_request_id("2024abc").render();
/// assert_eq!(wire.status(), 200);
/// assert_eq!(wire.header("x-tt-logid"), Some("2024abc"));
/// assert_eq!(wire.body(), br#"{"code":0,"msg":"success","data":{}}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WireResponse {
    status: u16,
    /// Inline: no response this crate writes has more than [`MAX_HEADERS`] headers, and a
    /// rendered response then costs one allocation for its body and one per header value that
    /// is not a constant.
    headers: [(&'static str, HeaderText); MAX_HEADERS],
    len: usize,
    body: Vec<u8>,
}

/// The most headers a rendered response has: Lex V2 PutSession's six (`Content-Type`, the
/// request id, `x-amz-lex-messages`, `x-amz-lex-session-state`, `x-amz-lex-request-attributes`,
/// `x-amz-lex-session-id`); any other has at most four (`Content-Type`, the log or request id,
/// two rate-limit headers or the error type and `Retry-After`, or `Allow`). One to spare.
const MAX_HEADERS: usize = 7;

impl WireResponse {
    pub(crate) fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Self {
        const EMPTY: (&str, HeaderText) = ("", HeaderText(Cow::Borrowed("")));
        let mut headers = [EMPTY; MAX_HEADERS];
        headers[0] = (CONTENT_TYPE, HeaderText(Cow::Borrowed(content_type)));
        WireResponse {
            status,
            headers,
            len: 1,
            body,
        }
    }

    fn push(&mut self, name: &'static str, value: Cow<'static, str>) {
        // Never full: every renderer writes at most `MAX_HEADERS - 1` (tested).
        if let Some(slot) = self.headers.get_mut(self.len) {
            *slot = (name, HeaderText(value));
            self.len += 1;
        }
    }

    /// Adds a header whose value is not known to be sendable: left out unless it is.
    pub(crate) fn header_if_safe(&mut self, name: &'static str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| is_header_safe(v)) {
            self.push(name, Cow::Owned(String::from(value)));
        }
    }

    /// Replaces the `Content-Type` with one whose value is not known to be sendable: kept as
    /// it was unless it is.
    #[cfg(feature = "gzip")]
    pub(crate) fn content_type_if_safe(&mut self, value: &str) {
        if is_header_safe(value) {
            self.headers[0].1 = HeaderText(Cow::Owned(String::from(value)));
        }
    }

    /// Adds a header whose value is known to be sendable.
    pub(crate) fn owned_header(&mut self, name: &'static str, value: Cow<'static, str>) {
        self.push(name, value);
    }

    /// Adds a header from a static value.
    pub(crate) fn static_header(&mut self, name: &'static str, value: &'static str) {
        self.push(name, Cow::Borrowed(value));
    }

    /// Adds a header with a number as its value.
    pub(crate) fn number_header(&mut self, name: &'static str, value: u64) {
        const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        let digit = usize::try_from(value).ok().and_then(|i| DIGITS.get(i));
        let text = match digit {
            Some(digit) => Cow::Borrowed(*digit),
            None => {
                let mut digits = Vec::with_capacity(20);
                write_u64(&mut digits, value);
                // Only ASCII digits were written.
                Cow::Owned(String::from_utf8(digits).unwrap_or_default())
            }
        };
        self.push(name, text);
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The headers, in the order the service sends them; `Content-Type` first. The pairs go
    /// straight into the crate's `from_http` classifiers.
    pub fn headers(&self) -> &[(&'static str, HeaderText)] {
        self.headers.get(..self.len).unwrap_or_default()
    }

    /// The value of the first header named `name`, matched ASCII case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers()
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body bytes.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The status, headers and body, by value.
    pub fn into_parts(self) -> (u16, Vec<(&'static str, HeaderText)>, Vec<u8>) {
        let headers = self.headers.into_iter().take(self.len).collect();
        (self.status, headers, self.body)
    }
}

/// A header value as this crate writes it: visible ASCII and inner spaces, never blank.
/// Derefs to `str`, and is `AsRef<[u8]>` so that a [`WireResponse`]'s headers go straight into
/// the `from_http` classifiers.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HeaderText(Cow<'static, str>);

impl HeaderText {
    /// The value.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value, by value.
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl core::ops::Deref for HeaderText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for HeaderText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl AsRef<[u8]> for HeaderText {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl core::borrow::Borrow<str> for HeaderText {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl core::fmt::Display for HeaderText {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::fmt::Debug for HeaderText {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for HeaderText {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for HeaderText {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<HeaderText> for str {
    fn eq(&self, other: &HeaderText) -> bool {
        *self == *other.0
    }
}

impl PartialEq<HeaderText> for &str {
    fn eq(&self, other: &HeaderText) -> bool {
        **self == *other.0
    }
}

impl From<HeaderText> for String {
    fn from(value: HeaderText) -> Self {
        value.into_string()
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

/// A JSON object key as [`JsonObject`] takes it: quoted, with its colon (`key!("code")` is
/// `"code":`), so that writing one is a single copy of a constant.
macro_rules! key {
    ($name:literal) => {
        concat!("\"", $name, "\":").as_bytes()
    };
}
pub(crate) use key;

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

    /// Writes a [`key!`], with the comma before it where one is due, and returns the buffer for
    /// the value.
    #[inline]
    pub(crate) fn key(&mut self, key: &[u8]) -> &mut Vec<u8> {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.extend_from_slice(key);
        self.out
    }

    /// A string field.
    #[inline]
    pub(crate) fn string(&mut self, key: &[u8], value: &str) {
        write_string(self.key(key), value);
    }

    /// A string field, left out when `None`.
    #[inline]
    pub(crate) fn optional(&mut self, key: &[u8], value: Option<&str>) {
        if let Some(value) = value {
            self.string(key, value);
        }
    }

    /// A field whose value is already JSON.
    #[inline]
    pub(crate) fn raw(&mut self, key: &[u8], json: &[u8]) {
        self.key(key).extend_from_slice(json);
    }

    /// An array of objects, each written by `write`; left out when `items` is empty.
    pub(crate) fn array<T>(
        &mut self,
        key: &[u8],
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
/// copied whole, found eight bytes at a time: 559 vs 1,383 instructions per call against the
/// byte loop for 128 bytes without an escape, 14,839 vs 41,455 for 4 KiB, 1,497 vs 1,670 for
/// 128 bytes with 4 escapes (`bash benches/count.sh trick_swar`).
pub(crate) fn write_string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut start, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        if let Some(word) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
            if !word_needs_escape(word) {
                i += 8;
                continue;
            }
        }
        if b >= 0x20 && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        if let Some(escape) = escape(b) {
            out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
            out.extend_from_slice(escape.0.get(..escape.1).unwrap_or_default());
            start = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// Whether any of the eight bytes of `word` is `"`, `\` or below 0x20 (the classic
/// "has a byte less than n" and "has a zero byte" tests: exact about whether one exists).
const fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let quote = word ^ (ONES * b'"' as u64);
    let quote = quote.wrapping_sub(ONES) & !quote & HIGH;
    let backslash = word ^ (ONES * b'\\' as u64);
    let backslash = backslash.wrapping_sub(ONES) & !backslash & HIGH;
    control | quote | backslash != 0
}

/// The escape for one byte, as bytes and length; `None` for a byte written as it is.
const fn escape(b: u8) -> Option<([u8; 6], usize)> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Some(match b {
        b'"' => (*b"\\\"    ", 2),
        b'\\' => (*b"\\\\    ", 2),
        b'\n' => (*b"\\n    ", 2),
        b'\r' => (*b"\\r    ", 2),
        b'\t' => (*b"\\t    ", 2),
        0x08 => (*b"\\b    ", 2),
        0x0c => (*b"\\f    ", 2),
        0..=0x1f => (
            [
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xf) as usize],
            ],
            6,
        ),
        _ => return None,
    })
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

    proptest::proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(
            s in "[\\x00-\\x22\\x5c\\x7f a-z\\u{e9}\\u{4e2d}\\u{1f980}]{0,40}",
        ) {
            let mut ours = Vec::new();
            write_string(&mut ours, &s);
            proptest::prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap());
        }

        #[test]
        fn the_word_test_finds_exactly_the_bytes_to_escape(bytes in proptest::array::uniform8(0u8..)) {
            let word = u64::from_le_bytes(bytes);
            let want = bytes.iter().any(|&b| escape(b).is_some());
            proptest::prop_assert_eq!(word_needs_escape(word), want);
        }
    }

    #[test]
    fn every_byte_alone_and_in_a_word() {
        for b in 0u8..=255 {
            let mut word = [b'a'; 8];
            for at in 0..8 {
                word[at] = b;
                let want = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(
                    word_needs_escape(u64::from_le_bytes(word)),
                    want,
                    "{b:#x} at {at}"
                );
                assert_eq!(escape(b).is_some(), want, "{b:#x}");
                word[at] = b'a';
            }
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
    fn no_renderer_fills_the_header_slots() {
        use crate::{
            AilyErrorKind, AilyServiceError, Api, LexErrorKind, LexServiceError, RouteError,
            RouteRejection,
        };
        let widest = [
            AilyServiceError::new(AilyErrorKind::RateLimited)
                .with_request_id("l")
                .render(),
            LexServiceError::new(LexErrorKind::LimitExceeded)
                .with_message("m")
                .with_request_id("r")
                .render(),
            RouteRejection::new(
                Some(Api::Aily),
                RouteError::MethodNotAllowed { allowed: "DELETE" },
            )
            .render(),
            RouteRejection::new(
                Some(Api::Lex),
                RouteError::MethodNotAllowed { allowed: "DELETE" },
            )
            .render(),
        ];
        for wire in widest {
            // The mock adds one id header to a rejection; one slot stays spare after that.
            assert!(wire.headers().len() < MAX_HEADERS, "{wire:?}");
        }
        // The parts by value are the parts by reference.
        let wire = AilyServiceError::new(AilyErrorKind::RateLimited).render();
        let (status, headers, body) = wire.clone().into_parts();
        assert_eq!(
            (status, headers.as_slice(), body.as_slice()),
            (429, wire.headers(), wire.body())
        );
        assert_eq!(headers.len(), 3);

        let mut full = WireResponse::new(200, "x", Vec::new());
        for _ in 0..MAX_HEADERS + 2 {
            full.static_header(ALLOW, "GET");
        }
        assert_eq!(full.headers().len(), MAX_HEADERS);
    }

    #[test]
    fn header_text_shows_and_compares_as_its_str() {
        use core::borrow::Borrow;
        let text = HeaderText(Cow::Owned(String::from("r-1")));
        let s: &str = &text;
        assert_eq!(s, "r-1");
        assert_eq!(AsRef::<str>::as_ref(&text), "r-1");
        assert_eq!(AsRef::<[u8]>::as_ref(&text), b"r-1");
        assert_eq!(Borrow::<str>::borrow(&text), "r-1");
        assert_eq!(text.as_str(), "r-1");
        assert_eq!(alloc::format!("{text} {text:?}"), "r-1 \"r-1\"");
        assert!(text == *"r-1");
        assert!(text == "r-1");
        assert!(*"r-1" == text);
        assert!("r-1" == text);
        assert!(text != "r-2");
        assert!("r-2" != text);
        assert_eq!(String::from(text.clone()), "r-1");
        assert_eq!(text.into_string(), "r-1");
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
        object.optional(key!("a"), None);
        object.string(key!("b"), "1");
        object.optional(key!("c"), Some("2"));
        object.raw(key!("d"), b"{}");
        object.array(key!("e"), &[1, 2], |o, n| {
            o.raw(key!("n"), if *n == 1 { b"1" } else { b"2" })
        });
        object.array::<u8>(key!("f"), &[], |_, _| {});
        object.close();
        assert_eq!(out, br#"{"b":"1","c":"2","d":{},"e":[{"n":1},{"n":2}]}"#);
    }
}
