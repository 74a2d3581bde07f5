//! The macros that give every identifier type the same impls, each written once in terms of the
//! type's one validating constructor ([`Parse`](super::Parse)) and its text. A type is named
//! once per macro call: its [`IdKind`](crate::IdKind) variant has the same name.
//!
//! - [`inline_id!`] and [`string_id!`] declare a public identifier: the struct, `Parse`,
//!   `from_static`, `is_valid`, `as_str`, `into_string`, and [`id_impls!`].
//! - [`id_impls!`] is [`conversions!`] plus the impls that show or order the value (`AsRef`,
//!   `Borrow`, `Display`, `Debug`, comparisons, hashing).
//! - [`conversions!`] without a text method is what the secret types get: `FromStr`, `TryFrom`
//!   and `Deserialize`, but no `Serialize`; and the integrations every identifier has
//!   (`JsonSchema`, `ToSchema`, `arbitrary::Arbitrary`), each through its feature's module.
//! - [`cow_parse!`] is `Parse` for a type stored as `Cow<'static, str>` (string ids, tokens).

/// `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `Deserialize`, all through the type's `Parse`
/// impl, and `Serialize` through `$text`, the method that gives the value's text. Without
/// `$text` (the secret types), no `Serialize`: a secret is written only through its named
/// `serialize_exposed` helper.
macro_rules! conversions {
    ($ty:ident, $text:ident) => {
        $crate::id::conversions!($ty);

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.$text())
            }
        }
    };
    // Everything but `Serialize`: what the secret types get.
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

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::id::serde::IdVisitor::<$ty>::new())
            }
        }

        #[cfg(feature = "schemars")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> alloc::borrow::Cow<'static, str> {
                alloc::borrow::Cow::Borrowed(stringify!($ty))
            }

            fn schema_id() -> alloc::borrow::Cow<'static, str> {
                alloc::borrow::Cow::Borrowed(concat!("botsession::", stringify!($ty)))
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::schemars::id_schema(<$ty as $crate::id::Parse>::KIND)
            }
        }

        #[cfg(feature = "utoipa")]
        impl utoipa::PartialSchema for $ty {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::utoipa::id_schema(<$ty as $crate::id::Parse>::KIND).into()
            }
        }

        #[cfg(feature = "utoipa")]
        impl utoipa::ToSchema for $ty {
            fn name() -> alloc::borrow::Cow<'static, str> {
                alloc::borrow::Cow::Borrowed(stringify!($ty))
            }

            /// None: an identifier's schema refers to no other.
            fn schemas(
                _: &mut alloc::vec::Vec<(
                    alloc::string::String,
                    utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
                )>,
            ) {
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<'a> arbitrary::Arbitrary<'a> for $ty {
            fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
                $crate::arbitrary::identifier(u)
            }
        }
    };
}

/// The impls every non-secret identifier shares: [`conversions!`], and the ones that show,
/// compare or hash its text.
macro_rules! id_impls {
    ($ty:ident) => {
        $crate::id::conversions!($ty, as_str);

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
    };
}

/// `Parse` for a type stored as `Cow<'static, str>`: a `&str` is copied once, a `String` kept.
macro_rules! cow_parse {
    ($ty:ident) => {
        impl $crate::id::Parse for $ty {
            const KIND: $crate::IdKind = $crate::IdKind::$ty;

            #[inline]
            fn parse_str(s: &str) -> Result<Self, $crate::IdError> {
                $crate::id::validate(Self::KIND, s)?;
                Ok($ty(alloc::borrow::Cow::Owned(alloc::string::String::from(
                    s,
                ))))
            }

            fn parse_string(s: alloc::string::String) -> Result<Self, $crate::IdError> {
                $crate::id::validate(Self::KIND, &s)?;
                Ok($ty(alloc::borrow::Cow::Owned(s)))
            }
        }
    };
}

/// `from_static` and `is_valid`, for a type whose `IdKind` variant has its name: `$build` makes
/// the value from the validated literal `$s`. The panic names the type, never the literal.
macro_rules! const_constructors {
    ($ty:ident, |$s:ident| $build:expr, $(#[$doc:meta])*) => {
        $(#[$doc])*
        ///
        /// # Panics
        ///
        /// Panics if `s` breaks the rule; in a `const` item that is a compile error.
        pub const fn from_static($s: &'static str) -> Self {
            if !Self::is_valid($s) {
                panic!(concat!("invalid literal for ", stringify!($ty)));
            }
            $build
        }

        /// Whether `s` is a valid value, without building one; usable in `const` items.
        #[inline]
        pub const fn is_valid(s: &str) -> bool {
            $crate::id::is_valid($crate::IdKind::$ty, s)
        }
    };
}

/// Declares an identifier stored inline ([`Inline`](super::Inline)): `Copy`, and never
/// allocates.
macro_rules! inline_id {
    ($(#[$meta:meta])* $ty:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy)]
        pub struct $ty($crate::id::Inline);

        impl $crate::id::Parse for $ty {
            const KIND: $crate::IdKind = $crate::IdKind::$ty;

            #[inline]
            fn parse_str(s: &str) -> Result<Self, $crate::IdError> {
                $crate::id::validate(Self::KIND, s)?;
                Ok($ty($crate::id::Inline::from_valid(s)))
            }

            fn parse_string(s: alloc::string::String) -> Result<Self, $crate::IdError> {
                Self::parse_str(&s)
            }
        }

        impl $ty {
            $crate::id::const_constructors!(
                $ty,
                |s| $ty($crate::id::Inline::from_valid_const(s)),
                /// Builds the identifier from a literal, validated at compile time when used in
                /// a `const` item.
            );

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
    ($(#[$meta:meta])* $ty:ident) => {
        $(#[$meta])*
        #[derive(Clone)]
        pub struct $ty(alloc::borrow::Cow<'static, str>);

        $crate::id::cow_parse!($ty);

        impl $ty {
            $crate::id::const_constructors!(
                $ty,
                |s| $ty(alloc::borrow::Cow::Borrowed(s)),
                /// Builds the identifier from a literal, without allocating; validated at
                /// compile time when used in a `const` item.
            );

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

pub(crate) use {const_constructors, conversions, cow_parse, id_impls, inline_id, string_id};
