//! The validation machinery every identifier shares. What `"…".parse::<LexUserId>()` runs:
//! `FromStr` ([`macros`]) → [`Parse::parse_str`] → [`validate`] → [`engine::check`] on the
//! identifier's rule from [`rules`], and on failure an [`IdError`] ([`error`]).
//!
//! - `rules.rs`: every rule as a table, with its source.
//! - `engine.rs`: the one `const fn` that runs a rule.
//! - `error.rs`: `IdError`, `IdKind`, `IdRule`, and the engine's `Fault`.
//! - `inline.rs`: storage for the short ids; `macros.rs`: the impls every type shares;
//!   `serde.rs`: the one `Deserialize` visitor.

pub(crate) mod engine;
mod error;
mod inline;
mod macros;
pub(crate) mod rules;
#[cfg(feature = "serde")]
pub(crate) mod serde;

pub(crate) use error::Fault;
pub use error::{IdError, IdKind, IdRule};
pub(crate) use inline::Inline;
pub(crate) use macros::{
    const_constructors, conversions, cow_parse, id_impls, inline_id, string_id,
};

/// Validates `s` as `kind`. Always inlined, so that each identifier's parser runs the engine
/// on its own rule as a constant (range compares folded, vector code specialised) rather than
/// on a rule looked up at run time.
#[inline(always)]
pub(crate) fn validate(kind: IdKind, s: &str) -> Result<(), IdError> {
    engine::check(rules::rule_of(kind), s.as_bytes()).map_err(|fault| IdError::new(kind, fault, s))
}

/// Validates `s` as `kind` in a `const` context.
#[inline(always)]
pub(crate) const fn is_valid(kind: IdKind, s: &str) -> bool {
    is_valid_bytes(kind, s.as_bytes())
}

/// [`is_valid`] on bytes, for a part of a value split in a `const` context.
#[inline(always)]
pub(crate) const fn is_valid_bytes(kind: IdKind, s: &[u8]) -> bool {
    engine::check(rules::rule_of(kind), s).is_ok()
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
