//! The validation machinery every identifier shares: the rule tables, the engine that runs
//! them, the identifier error, inline storage, and the trait impls each newtype gets.

pub(crate) mod engine;
mod error;
#[cfg(feature = "serde")]
pub(crate) mod serde;

pub use error::{IdError, IdKind, IdRule};

use engine::{ByteSet, Rule};

/// The Aily id alphabet: digits and lowercase letters except `i`, `l` and `o` (33 symbols).
const AILY_ALPHABET: ByteSet = ByteSet::new("[0-9a-hjkmnp-z]")
    .range(b'0', b'9')
    .range(b'a', b'z')
    .without(b"ilo");

const fn aily_rule(prefix: &'static str, max_symbols: usize) -> Rule {
    Rule {
        prefix,
        ..Rule::class(prefix.len() + 1, prefix.len() + max_symbols, AILY_ALPHABET)
    }
}

/// `session_[0-9a-hjkmnp-z]{1,24}`: 9–32 bytes.
pub(crate) const AILY_SESSION: Rule = aily_rule("session_", 24);
/// `message_[0-9a-hjkmnp-z]{1,24}`: 9–32 bytes.
pub(crate) const AILY_MESSAGE: Rule = aily_rule("message_", 24);
/// `run_[0-9a-hjkmnp-z]{1,28}`: 5–32 bytes.
pub(crate) const AILY_RUN: Rule = aily_rule("run_", 28);

const LEX_USER_SET: ByteSet = ByteSet::new("[0-9a-zA-Z._:-]")
    .range(b'0', b'9')
    .range(b'a', b'z')
    .range(b'A', b'Z')
    .bytes(b"._:-");

/// `[0-9a-zA-Z._:-]{2,100}`, except the dot-segment `..`.
pub(crate) const LEX_USER: Rule = Rule {
    reserve: &[".."],
    ..Rule::class(2, 100, LEX_USER_SET)
};

const LETTERS: ByteSet = ByteSet::new("[A-Za-z]").range(b'A', b'Z').range(b'a', b'z');
// `_` is in the table only so that the message names it; the engine treats it as `sep` first.
const LETTERS_SEP: ByteSet = LETTERS.bytes(b"_").named("[A-Za-z_]");

const fn lex_name_rule(min_len: usize, max_len: usize, accept: &'static [&'static str]) -> Rule {
    Rule {
        body: LETTERS_SEP,
        sep: Some(b'_'),
        accept,
        ..Rule::class(min_len, max_len, LETTERS)
    }
}

/// `^([A-Za-z]_?)+$`, 2–50 bytes.
pub(crate) const LEX_BOT_NAME: Rule = lex_name_rule(2, 50, &[]);
/// `^([A-Za-z]_?)+$`, 1–100 bytes, or exactly `$LATEST`.
pub(crate) const LEX_BOT_ALIAS: Rule = lex_name_rule(1, 100, &["$LATEST"]);

const REGION_SET: ByteSet = ByteSet::new("[a-z0-9-]")
    .range(b'a', b'z')
    .range(b'0', b'9')
    .bytes(b"-");

/// `[a-z0-9-]{1,32}`: an AWS region as it stands in a host name (`eu-west-1`).
pub(crate) const LEX_REGION: Rule = Rule::class(1, 32, REGION_SET);

/// The RFC 6750 `b64token` set, without the trailing padding.
const B64TOKEN: ByteSet = ByteSet::new("[A-Za-z0-9-._~+/]")
    .range(b'A', b'Z')
    .range(b'a', b'z')
    .range(b'0', b'9')
    .bytes(b"-._~+/");
const B64TOKEN_PAD: ByteSet = B64TOKEN.bytes(b"=").named("[A-Za-z0-9-._~+/=]");

/// RFC 6750 `b64token`: `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`,
/// 1–8192 bytes.
pub(crate) const AILY_TOKEN: Rule = Rule {
    body: B64TOKEN_PAD,
    pad: Some(b'='),
    ..Rule::class(1, 8192, B64TOKEN)
};

/// The `Authorization` value `Bearer <token>`: only its lengths are used by the engine; the
/// scheme is matched by `AilyAuthorization` itself and the rest by [`AILY_TOKEN`].
pub(crate) const AILY_AUTHORIZATION: Rule = Rule {
    min_len: BEARER.len() + AILY_TOKEN.min_len,
    max_len: BEARER.len() + AILY_TOKEN.max_len,
    ..AILY_TOKEN
};

/// The scheme and its single space, as rendered.
pub(crate) const BEARER: &str = "Bearer ";

#[inline(always)]
pub(crate) const fn rule_of(kind: IdKind) -> &'static Rule {
    match kind {
        IdKind::AilySessionId => &AILY_SESSION,
        IdKind::AilyMessageId => &AILY_MESSAGE,
        IdKind::AilyRunId => &AILY_RUN,
        IdKind::AilyAccessToken => &AILY_TOKEN,
        IdKind::AilyAuthorization => &AILY_AUTHORIZATION,
        IdKind::LexUserId => &LEX_USER,
        IdKind::LexBotName => &LEX_BOT_NAME,
        IdKind::LexBotAlias => &LEX_BOT_ALIAS,
        IdKind::LexRegion => &LEX_REGION,
    }
}

/// Validates `s` as `kind`. Always inlined, so that each identifier's parser runs the engine
/// on its own rule as a constant (range compares folded, vector code specialised) rather than
/// on a rule looked up at run time.
#[inline(always)]
pub(crate) fn validate(kind: IdKind, s: &str) -> Result<(), IdError> {
    engine::check(rule_of(kind), s.as_bytes()).map_err(|fault| IdError::new(kind, fault, s))
}

/// Validates `s` as `kind` in a `const` context.
#[inline(always)]
pub(crate) const fn is_valid(kind: IdKind, s: &str) -> bool {
    is_valid_bytes(kind, s.as_bytes())
}

/// [`is_valid`] on bytes, for a part of a value split in a `const` context.
#[inline(always)]
pub(crate) const fn is_valid_bytes(kind: IdKind, s: &[u8]) -> bool {
    engine::check(rule_of(kind), s).is_ok()
}

/// The validating constructors of an identifier: every conversion, `Deserialize` included,
/// goes through these.
pub(crate) trait Parse: Sized {
    /// Which identifier this is.
    const KIND: IdKind;
    /// Validates `s` and builds the value from it.
    fn parse_str(s: &str) -> Result<Self, IdError>;
    /// Validates `s` and builds the value, reusing its allocation where the type stores one.
    fn parse_string(s: alloc::string::String) -> Result<Self, IdError>;
}

/// Capacity of [`Inline`]: the longest Aily id is 32 bytes.
const INLINE_CAP: usize = 32;

/// An identifier of at most 32 ASCII bytes, stored without a heap allocation.
#[derive(Clone, Copy)]
pub(crate) struct Inline {
    len: u8,
    buf: [u8; INLINE_CAP],
}

impl Inline {
    /// Copies an already validated value in a `const` context (at most [`INLINE_CAP`] bytes;
    /// longer values are cut, which no rule stored inline allows).
    pub(crate) const fn from_valid_const(s: &str) -> Inline {
        let bytes = s.as_bytes();
        let mut buf = [0u8; INLINE_CAP];
        let mut i = 0;
        while i < bytes.len() && i < INLINE_CAP {
            buf[i] = bytes[i];
            i += 1;
        }
        Inline { len: i as u8, buf }
    }

    /// [`Inline::from_valid_const`] at run time, as one `memcpy`.
    #[inline]
    pub(crate) fn from_valid(s: &str) -> Inline {
        let bytes = s.as_bytes();
        let len = bytes.len().min(INLINE_CAP);
        // The buffer is built as two 16-byte halves in registers and stored whole: no `memcpy`
        // call of variable length, and no partial stores for later full-width loads to trip on.
        let (lo, hi) = match (
            bytes.first_chunk::<16>(),
            bytes.get(..len).and_then(<[u8]>::split_last_chunk::<16>),
        ) {
            (Some(head), Some((_, tail))) => {
                // `tail` holds bytes `len - 16..len`; the high half wants `16..len`, which are
                // its top `len - 16` bytes (none when `len` is 16).
                let shift = 8 * (INLINE_CAP - len) as u32;
                let hi = u128::from_le_bytes(*tail).checked_shr(shift).unwrap_or(0);
                (u128::from_le_bytes(*head), hi)
            }
            _ => {
                let mut head = [0u8; 16];
                let short = &bytes[..len.min(16)];
                head[..short.len()].copy_from_slice(short);
                (u128::from_le_bytes(head), 0)
            }
        };
        let mut buf = [0u8; INLINE_CAP];
        buf[..16].copy_from_slice(&lo.to_le_bytes());
        buf[16..].copy_from_slice(&hi.to_le_bytes());
        Inline {
            len: len as u8,
            buf,
        }
    }

    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        let bytes = self.buf.get(..usize::from(self.len)).unwrap_or_default();
        // Validated values are ASCII, so this never falls back.
        core::str::from_utf8(bytes).unwrap_or_default()
    }
}

/// The impls every non-secret identifier shares, written once in terms of its `as_str` and its
/// one validating constructor `parse_str`.
macro_rules! id_impls {
    ($ty:ident) => {
        impl core::str::FromStr for $ty {
            type Err = $crate::IdError;
            #[inline]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::id::Parse>::parse_str(s)
            }
        }

        impl<'a> TryFrom<&'a str> for $ty {
            type Error = $crate::IdError;
            #[inline]
            fn try_from(s: &'a str) -> Result<Self, Self::Error> {
                <$ty as $crate::id::Parse>::parse_str(s)
            }
        }

        impl TryFrom<alloc::string::String> for $ty {
            type Error = $crate::IdError;
            #[inline]
            fn try_from(s: alloc::string::String) -> Result<Self, Self::Error> {
                <$ty as $crate::id::Parse>::parse_string(s)
            }
        }

        impl AsRef<str> for $ty {
            #[inline]
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl core::borrow::Borrow<str> for $ty {
            #[inline]
            fn borrow(&self) -> &str {
                self.as_str()
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_tuple(stringify!($ty))
                    .field(&self.as_str())
                    .finish()
            }
        }

        // Equality, hashing and ordering are `str`'s, as `Borrow<str>` requires.
        impl PartialEq for $ty {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl Eq for $ty {}

        impl core::hash::Hash for $ty {
            fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
                self.as_str().hash(state)
            }
        }

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> core::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<$ty> for str {
            fn eq(&self, other: &$ty) -> bool {
                self == other.as_str()
            }
        }

        impl PartialEq<$ty> for &str {
            fn eq(&self, other: &$ty) -> bool {
                *self == other.as_str()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::id::serde::IdVisitor::<$ty>::new())
            }
        }
    };
}

/// Declares an identifier stored inline ([`Inline`]): `Copy`, and never allocates.
macro_rules! inline_id {
    ($(#[$meta:meta])* $ty:ident, $kind:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy)]
        pub struct $ty($crate::id::Inline);

        impl $crate::id::Parse for $ty {
            const KIND: $crate::IdKind = $crate::IdKind::$kind;

            #[inline]
            fn parse_str(s: &str) -> Result<Self, $crate::IdError> {
                $crate::id::validate($crate::IdKind::$kind, s)?;
                Ok($ty($crate::id::Inline::from_valid(s)))
            }

            fn parse_string(s: alloc::string::String) -> Result<Self, $crate::IdError> {
                Self::parse_str(&s)
            }
        }

        impl $ty {
            /// Builds the identifier from a literal, validated at compile time when used in a
            /// `const` item.
            ///
            /// # Panics
            ///
            /// Panics if `s` breaks the rule; in a `const` item that is a compile error.
            pub const fn from_static(s: &'static str) -> Self {
                if !$crate::id::is_valid($crate::IdKind::$kind, s) {
                    panic!(concat!("invalid literal for ", stringify!($ty)));
                }
                $ty($crate::id::Inline::from_valid_const(s))
            }

            /// Whether `s` is a valid value, without building one; usable in `const` items.
            #[inline]
            pub const fn is_valid(s: &str) -> bool {
                $crate::id::is_valid($crate::IdKind::$kind, s)
            }

            /// The identifier as a string slice.
            #[inline]
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// The identifier as an owned `String`.
            pub fn into_string(self) -> alloc::string::String {
                alloc::string::String::from(self.as_str())
            }
        }

        $crate::id::id_impls!($ty);
    };
}

/// Declares an identifier stored as a `Cow<'static, str>`: literals from `from_static` are
/// borrowed, parsed values owned.
macro_rules! string_id {
    ($(#[$meta:meta])* $ty:ident, $kind:ident) => {
        $(#[$meta])*
        #[derive(Clone)]
        pub struct $ty(alloc::borrow::Cow<'static, str>);

        impl $crate::id::Parse for $ty {
            const KIND: $crate::IdKind = $crate::IdKind::$kind;

            #[inline]
            fn parse_str(s: &str) -> Result<Self, $crate::IdError> {
                $crate::id::validate($crate::IdKind::$kind, s)?;
                Ok($ty(alloc::borrow::Cow::Owned(alloc::string::String::from(s))))
            }

            fn parse_string(s: alloc::string::String) -> Result<Self, $crate::IdError> {
                $crate::id::validate($crate::IdKind::$kind, &s)?;
                Ok($ty(alloc::borrow::Cow::Owned(s)))
            }
        }

        impl $ty {
            /// Builds the identifier from a literal, without allocating; validated at compile
            /// time when used in a `const` item.
            ///
            /// # Panics
            ///
            /// Panics if `s` breaks the rule; in a `const` item that is a compile error.
            pub const fn from_static(s: &'static str) -> Self {
                if !$crate::id::is_valid($crate::IdKind::$kind, s) {
                    panic!(concat!("invalid literal for ", stringify!($ty)));
                }
                $ty(alloc::borrow::Cow::Borrowed(s))
            }

            /// Whether `s` is a valid value, without building one; usable in `const` items.
            #[inline]
            pub const fn is_valid(s: &str) -> bool {
                $crate::id::is_valid($crate::IdKind::$kind, s)
            }

            /// The identifier as a string slice.
            #[inline]
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The identifier as an owned `String` (no copy when it was parsed from one).
            pub fn into_string(self) -> alloc::string::String {
                self.0.into_owned()
            }
        }

        $crate::id::id_impls!($ty);
    };
}

pub(crate) use {id_impls, inline_id, string_id};
