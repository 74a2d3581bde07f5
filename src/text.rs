//! Text both ways: the rules of the free-text fields of a request ([`TextError`], lengths in
//! characters), and server text made fit for a log line (bounded in length, control and layout
//! characters escaped), which every message or excerpt of a response this crate shows goes
//! through.

#[cfg(feature = "serde")]
use alloc::string::String;

/// Why a text field's value breaks its rule. The message never quotes the value: at most a
/// length or a byte position.
///
/// ```
/// use botsession::{AilyMetadata, TextError};
///
/// let long = "元".repeat(256);
/// let err = AilyMetadata::new(long).unwrap_err();
/// assert_eq!(err, TextError::TooLong { max: 255, chars: 256 });
/// assert_eq!(err.to_string(), "256 characters, more than the 255 allowed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// Longer than the rule allows, counted in characters (Unicode scalar values), as the
    /// docs count (字符), not in bytes.
    #[error("{chars} characters, more than the {max} allowed")]
    TooLong {
        /// The most characters the rule allows.
        max: usize,
        /// The value's length in characters.
        chars: usize,
    },
    /// Shorter than the rule allows, in characters: an empty value where one of at least 1
    /// belongs.
    #[error("{chars} characters, fewer than the {min} required")]
    TooShort {
        /// The fewest characters the rule allows.
        min: usize,
        /// The value's length in characters.
        chars: usize,
    },
    /// The character at `index` (a byte index) breaks the field's pattern.
    #[error("the character at byte {index} breaks the pattern {pattern}")]
    Pattern {
        /// The byte index of the first character the pattern refuses (the length, when the
        /// value ends where the pattern needs more).
        index: usize,
        /// The pattern, as the model writes it: `^([A-Za-z0-9]_?)+$`.
        pattern: &'static str,
    },
    /// A character the field does not take: a header value that is not visible ASCII.
    #[error("the byte at {index} is not visible ASCII")]
    Character {
        /// The byte index of the first character the rule refuses.
        index: usize,
    },
}

/// `s` has at most `max` characters. A value of at most `max` bytes has at most `max`
/// characters, so only a longer one is counted.
pub(crate) fn check_chars(s: &str, max: usize) -> Result<(), TextError> {
    if s.len() <= max {
        return Ok(());
    }
    let chars = s.chars().count();
    if chars > max {
        return Err(TextError::TooLong { max, chars });
    }
    Ok(())
}

/// The impls every text newtype (`struct Name(String)` with `Name::new`) shares: `AsRef<str>`,
/// `Borrow<str>` (a map keyed by it is looked up by `&str`), `FromStr`, `TryFrom<String>` and
/// `TryFrom<&str>`, `String::from`, comparison with `str`, and `Serialize` as the string.
macro_rules! text_impls {
    ($name:ident) => {
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::TextError;
            fn from_str(s: &str) -> Result<Self, $crate::TextError> {
                Self::new(s)
            }
        }

        impl TryFrom<alloc::string::String> for $name {
            type Error = $crate::TextError;
            fn try_from(s: alloc::string::String) -> Result<Self, $crate::TextError> {
                Self::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::TextError;
            fn try_from(s: &str) -> Result<Self, $crate::TextError> {
                Self::new(s)
            }
        }

        impl From<$name> for alloc::string::String {
            fn from(value: $name) -> alloc::string::String {
                value.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl core::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}
pub(crate) use text_impls;

/// The most bytes of a body a [`MalformedResponse`](crate::MalformedResponse) keeps, and of a server message an error's
/// `Display` shows.
#[cfg(feature = "serde")]
pub const EXCERPT_LEN: usize = 64;

/// `s` made safe for one log line: control characters escaped (`\r`, `\u{1b}`), and cut to
/// at most `max` bytes at a character boundary, with `…` where it was cut. Reads at most about
/// `max` characters of `s`, whatever its length.
#[cfg(feature = "serde")]
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
#[cfg(feature = "serde")]
pub(crate) fn cut(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// Line and paragraph separators and bidirectional overrides: not `char::is_control`, but they
/// break or reorder a log line all the same.
#[cfg(feature = "serde")]
fn is_layout_control(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The start of a body, at most [`EXCERPT_LEN`] bytes, as [`bounded`] text.
#[cfg(feature = "serde")]
pub(crate) fn excerpt(body: &[u8]) -> String {
    let head = body.get(..EXCERPT_LEN).unwrap_or(body);
    let text = String::from_utf8_lossy(head);
    bounded(&text, EXCERPT_LEN)
}
