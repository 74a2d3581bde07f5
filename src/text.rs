//! Server text made fit for a log line: bounded in length, control and layout characters
//! escaped. Every message or excerpt of a response that this crate shows goes through here.

use alloc::string::String;

/// The most bytes of a body a [`MalformedResponse`](crate::MalformedResponse) keeps, and of a server message an error's
/// `Display` shows.
pub const EXCERPT_LEN: usize = 64;

/// `s` made safe for one log line: control characters escaped (`\r`, `\u{1b}`), and cut to
/// at most `max` bytes at a character boundary, with `…` where it was cut. Reads at most about
/// `max` characters of `s`, whatever its length.
pub(crate) fn bounded(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(max.min(s.len()) + 8);
    for c in s.chars() {
        if out.len() > max {
            break;
        }
        if c.is_control() || is_layout_control(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if out.len() <= max {
        return out;
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out.push('…');
    out
}

/// `s` cut to at most `max` bytes at a character boundary, as it is (no escaping).
pub(crate) fn cut(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// Line and paragraph separators and bidirectional overrides: not `char::is_control`, but they
/// break or reorder a log line all the same.
fn is_layout_control(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The start of a body, at most [`EXCERPT_LEN`] bytes, as [`bounded`] text.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let head = body.get(..EXCERPT_LEN).unwrap_or(body);
    let text = String::from_utf8_lossy(head);
    bounded(&text, EXCERPT_LEN)
}
