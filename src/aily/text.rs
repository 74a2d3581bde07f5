//! The free-text fields of the session operations: `channel_context` and `metadata` (the bodies
//! of create and update) and the `X-Aily-BizUserID` header of create. Each is a newtype that
//! cannot hold a value its rule refuses; lengths are counted in characters, as the docs count
//! them (字符).

use alloc::string::String;
use core::fmt;

use crate::text::{check_chars, TextError};

/// Declares a text newtype: its doc, name, rule check and most characters.
macro_rules! text_type {
    ($(#[$doc:meta])* $name:ident, max $max:literal, check $check:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The most characters a value has.
            pub const MAX_CHARS: usize = $max;

            /// The value, checked against its rule.
            ///
            /// # Errors
            ///
            /// A [`TextError`] that says which rule failed, and where, without quoting the
            /// value.
            pub fn new(value: impl Into<String>) -> Result<Self, TextError> {
                let value = value.into();
                let check: fn(&str) -> Result<(), TextError> = $check;
                check(&value)?;
                Ok($name(value))
            }

            /// Whether `value` is one.
            pub fn is_valid(value: &str) -> bool {
                let check: fn(&str) -> Result<(), TextError> = $check;
                check(value).is_ok()
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

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        crate::text::text_impls!($name);

        /// Deserializing runs the same check: a value its rule refuses is an error.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                Self::new(value).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// Any text of at most `max` characters.
fn chars<const MAX: usize>(value: &str) -> Result<(), TextError> {
    check_chars(value, MAX)
}

text_type! {
    /// The `channel_context` of a session: opaque text of 0–255 characters (the docs'
    /// examples send `"{}"`; the crate does not parse it).
    ///
    /// ```
    /// use botsession::{AilyChannelContext, TextError};
    ///
    /// let context: AilyChannelContext = "{}".parse()?;
    /// assert_eq!(context.as_str(), "{}");
    /// assert!(AilyChannelContext::new("渠".repeat(255)).is_ok());
    /// assert_eq!(
    ///     AilyChannelContext::new("渠".repeat(256)),
    ///     Err(TextError::TooLong { max: 255, chars: 256 })
    /// );
    /// # Ok::<(), TextError>(())
    /// ```
    AilyChannelContext, max 255, check chars::<255>
}

text_type! {
    /// The `metadata` of a session: opaque text of 0–255 characters (the docs' examples send
    /// `"{}"`; the crate does not parse it).
    ///
    /// ```
    /// use botsession::AilyMetadata;
    ///
    /// // 255 characters in Chinese are 765 bytes, and valid.
    /// let metadata = AilyMetadata::new("元".repeat(255))?;
    /// assert_eq!(metadata.as_str().len(), 765);
    /// assert!(!AilyMetadata::is_valid(&"元".repeat(256)));
    /// # Ok::<(), botsession::TextError>(())
    /// ```
    AilyMetadata, max 255, check chars::<255>
}

text_type! {
    /// The `X-Aily-BizUserID` header of create session: the caller's own id for its user, 0–255
    /// characters (the docs' example is `ou_5ad573a6411d72b8305fda3a9c15c70e`).
    ///
    /// The value travels in a header, so it is held to what a header carries the same way
    /// everywhere: visible ASCII (`!` to `~`), no spaces. `http::HeaderValue::to_str` refuses
    /// anything else, and a reader trims spaces at either end, so no other value would read back
    /// the same. Every documented user id kind (`ou_…`, `on_…`, a user id) is visible ASCII.
    ///
    /// ```
    /// use botsession::{AilyBizUserId, TextError};
    ///
    /// let user: AilyBizUserId = "ou_5ad573a6411d72b8305fda3a9c15c70e".parse()?;
    /// assert_eq!(user, "ou_5ad573a6411d72b8305fda3a9c15c70e");
    /// assert_eq!("ou 1".parse::<AilyBizUserId>(), Err(TextError::Character { index: 2 }));
    /// # Ok::<(), TextError>(())
    /// ```
    AilyBizUserId, max 255, check visible_ascii::<255>
}

/// Visible ASCII (`!` to `~`), at most `MAX` of it.
fn visible_ascii<const MAX: usize>(value: &str) -> Result<(), TextError> {
    if let Some(index) = value.bytes().position(|b| !matches!(b, b'!'..=b'~')) {
        return Err(TextError::Character { index });
    }
    // ASCII: a byte is a character.
    if value.len() > MAX {
        return Err(TextError::TooLong {
            max: MAX,
            chars: value.len(),
        });
    }
    Ok(())
}
