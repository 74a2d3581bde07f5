//! The strings of the Lex V2 session state and messages, each a newtype that cannot hold what
//! the model (botocore `lexv2-runtime/2020-08-07/service-2.json`) forbids: its length in
//! characters (Unicode scalar values, as Smithy's `length` counts a string) and, for the two
//! names with one, its pattern. Message text and context attribute values are `sensitive` in
//! the model: [`LexV2Text`]'s `Debug` shows its length alone, and it has no `Display`.

use alloc::string::String;
use core::fmt;

use crate::text::check_chars;
use crate::TextError;

/// Declares a Lex V2 string newtype: its docs, name, most characters, pattern check, and
/// whether the model marks it sensitive.
macro_rules! lex_text {
    ($(#[$doc:meta])* $name:ident, max $max:expr, pattern $pattern:expr, $debug:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The fewest characters a value has.
            pub const MIN_CHARS: usize = 1;
            /// The most characters a value has.
            pub const MAX_CHARS: usize = $max;

            /// The value, checked against its rule.
            ///
            /// # Errors
            ///
            /// [`TextError::TooShort`] for an empty value, [`TextError::TooLong`] past
            /// [`MAX_CHARS`](Self::MAX_CHARS) characters, [`TextError::Pattern`] for a
            /// character the pattern refuses; the error never quotes the value.
            pub fn new(value: impl Into<String>) -> Result<Self, TextError> {
                let value = value.into();
                Self::check(&value)?;
                Ok($name(value))
            }

            /// Whether `value` is one.
            pub fn is_valid(value: &str) -> bool {
                Self::check(value).is_ok()
            }

            fn check(value: &str) -> Result<(), TextError> {
                check_len(value, $max)?;
                let pattern: fn(&str) -> Result<(), TextError> = $pattern;
                pattern(value)
            }

            /// The value.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The value, by value.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        lex_text!(@$debug $name);
        crate::text::text_impls!($name);

        #[cfg(feature = "serde")]
        impl crate::value::read::Read for $name {
            fn read<'de, D: serde::Deserializer<'de>>(
                de: D,
                cx: crate::value::read::Cx<'_>,
            ) -> Result<Self, D::Error> {
                crate::value::read::read_text(de, cx, Self::check, |s| $name(String::from(s)))
            }
        }

        /// Deserializing runs the same check: a value its rule refuses is an error.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
                crate::value::read::deserialize(de)
            }
        }
    };
    (@plain $name:ident) => {
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
    (@sensitive $name:ident) => {
        /// Redacted: the model marks the value sensitive, so only its length shows.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("len", &self.0.len())
                    .finish_non_exhaustive()
            }
        }
    };
}

/// 1 to `max` characters.
fn check_len(value: &str, max: usize) -> Result<(), TextError> {
    if value.is_empty() {
        return Err(TextError::TooShort { min: 1, chars: 0 });
    }
    check_chars(value, max)
}

/// No pattern.
fn any(_: &str) -> Result<(), TextError> {
    Ok(())
}

/// `^([A-Za-z0-9]_?)+$`: ASCII letters and digits, each followed by at most one `_`.
pub(crate) const CONTEXT_NAME_PATTERN: &str = "^([A-Za-z0-9]_?)+$";
/// `^([0-9a-zA-Z][_-]?)+$`: ASCII letters and digits, each followed by at most one `_` or `-`.
pub(crate) const HINT_NAME_PATTERN: &str = "^([0-9a-zA-Z][_-]?)+$";

/// Letters and digits, each followed by at most one of `seps` (so a value starts with a letter
/// or digit, and never has two separators in a row).
fn separated(value: &str, seps: &[u8], pattern: &'static str) -> Result<(), TextError> {
    let mut after_sep = true;
    for (index, b) in value.bytes().enumerate() {
        if b.is_ascii_alphanumeric() {
            after_sep = false;
        } else if !after_sep && seps.contains(&b) {
            after_sep = true;
        } else {
            return Err(TextError::Pattern { index, pattern });
        }
    }
    Ok(())
}

fn context_name(value: &str) -> Result<(), TextError> {
    separated(value, b"_", CONTEXT_NAME_PATTERN)
}

fn hint_name(value: &str) -> Result<(), TextError> {
    separated(value, b"_-", HINT_NAME_PATTERN)
}

lex_text! {
    /// A string of at least one character: the model's `NonEmptyString`, which names intents
    /// and slots, holds slot values and attribute keys, and the originating request id.
    ///
    /// ```
    /// use botsession::{LexV2NonEmptyString, TextError};
    ///
    /// let name: LexV2NonEmptyString = "OrderPizza".parse()?;
    /// assert_eq!(name, "OrderPizza");
    /// assert_eq!("".parse::<LexV2NonEmptyString>(), Err(TextError::TooShort { min: 1, chars: 0 }));
    /// # Ok::<(), TextError>(())
    /// ```
    LexV2NonEmptyString, max usize::MAX, pattern any, plain
}

lex_text! {
    /// A message's text or a context attribute's value: 1–1024 characters, the model's `Text`,
    /// which it marks sensitive. Its `Debug` shows the length alone, and it has no `Display`:
    /// read it with [`as_str`](Self::as_str) where it is meant to be shown.
    ///
    /// ```
    /// use botsession::LexV2Text;
    ///
    /// let text = LexV2Text::new("Your card ends in 4242.")?;
    /// assert_eq!(text.as_str(), "Your card ends in 4242.");
    /// assert!(!format!("{text:?}").contains("4242"));
    /// assert!(LexV2Text::new("字".repeat(1024)).is_ok());
    /// assert!(LexV2Text::new("字".repeat(1025)).is_err());
    /// # Ok::<(), botsession::TextError>(())
    /// ```
    LexV2Text, max 1024, pattern any, sensitive
}

lex_text! {
    /// The title or subtitle of a response card: 1–250 characters, the model's
    /// `AttachmentTitle`.
    LexV2AttachmentTitle, max 250, pattern any, plain
}

lex_text! {
    /// The image URL of a response card: 1–250 characters, the model's `AttachmentUrl` (the
    /// model does not say it must be a URL, and the crate does not parse it).
    LexV2AttachmentUrl, max 250, pattern any, plain
}

lex_text! {
    /// The text a response card's button shows: 1–50 characters, the model's `ButtonText`.
    LexV2ButtonText, max 50, pattern any, plain
}

lex_text! {
    /// The value a response card's button sends: 1–50 characters, the model's `ButtonValue`.
    LexV2ButtonValue, max 50, pattern any, plain
}

lex_text! {
    /// The name of an active context: 1–100 characters matching `^([A-Za-z0-9]_?)+$`, the
    /// model's `ActiveContextName` (letters and digits, each followed by at most one `_`).
    ///
    /// ```
    /// use botsession::{LexV2ActiveContextName, TextError};
    ///
    /// assert!(LexV2ActiveContextName::is_valid("order_confirmed"));
    /// assert_eq!(
    ///     "order__confirmed".parse::<LexV2ActiveContextName>(),
    ///     Err(TextError::Pattern { index: 6, pattern: "^([A-Za-z0-9]_?)+$" })
    /// );
    /// # Ok::<(), TextError>(())
    /// ```
    LexV2ActiveContextName, max 100, pattern context_name, plain
}

lex_text! {
    /// The name of a context attribute: 1–100 characters, the model's `ParameterName`.
    LexV2ParameterName, max 100, pattern any, plain
}

lex_text! {
    /// The name of an intent or slot in runtime hints: 1–100 characters matching
    /// `^([0-9a-zA-Z][_-]?)+$`, the model's `Name` (letters and digits, each followed by at
    /// most one `_` or `-`).
    ///
    /// ```
    /// use botsession::LexV2RuntimeHintName;
    ///
    /// assert!(LexV2RuntimeHintName::is_valid("Pizza-Size_2"));
    /// assert!(!LexV2RuntimeHintName::is_valid("-Size"));
    /// ```
    LexV2RuntimeHintName, max 100, pattern hint_name, plain
}

lex_text! {
    /// A phrase of a runtime hint: 1–140 characters, the model's `RuntimeHintPhrase`.
    LexV2RuntimeHintPhrase, max 140, pattern any, plain
}
