//! The `arbitrary` feature: [`Arbitrary`] for every identifier and request, for downstream
//! cargo-fuzz targets that need valid values to reach their own code (the crate's own fuzz
//! targets feed the parsers raw bytes instead).
//!
//! A value is built from the rule's own tables (`crate::id::rules`): the prefix, then bytes of
//! the rule's classes in its grammar, to a length in its range, or one of the rule's accepted
//! literals (`$LATEST`). It then goes through the same validator as any other input. Building
//! never fails: when the input runs short every choice falls to its first option, which the
//! rules all accept, and a value the validator refused anyway (a reserved literal such as `..`)
//! is replaced by the one built from no input at all.
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use botsession::{LexDeleteSessionRequest, LexUserId};
//!
//! let mut u = Unstructured::new(b"any bytes a fuzzer hands over");
//! let request = LexDeleteSessionRequest::arbitrary(&mut u)?;
//! assert_eq!(LexDeleteSessionRequest::from_route("DELETE", &request.path()), Ok(request));
//!
//! // Even from nothing: the shortest value the rule's first choices make.
//! let user = LexUserId::arbitrary(&mut Unstructured::new(&[]))?;
//! assert!(LexUserId::is_valid(user.as_str()));
//! # Ok::<(), arbitrary::Error>(())
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::id::engine::{ByteSet, Rule};
use crate::id::rules::{self, BEARER};
use crate::id::Parse;
use crate::{AilyDeleteSessionRequest, IdKind, LexDeleteSessionRequest, LexV2DeleteSessionRequest};

/// The bytes of a class, in order.
fn members(set: &ByteSet) -> Vec<u8> {
    (0..=u8::MAX).filter(|&b| set.contains(b)).collect()
}

/// One byte of `options` (never empty: every class has a member), the first when the input is
/// spent.
fn pick(u: &mut Unstructured<'_>, options: &[u8]) -> Result<char> {
    Ok(char::from(*u.choose(options)?))
}

/// A value in `rule`'s grammar, `prefix first (body | sep first)* pad*`, of a length in its
/// range; or one of its accepted literals.
fn shaped(rule: &Rule, u: &mut Unstructured<'_>) -> Result<String> {
    if !rule.accept.is_empty() && u.ratio(1, 10)? {
        return Ok(String::from(*u.choose(rule.accept)?));
    }
    let len = u.int_in_range(rule.min_len..=rule.max_len)?;
    let rest = len - rule.prefix.len();
    let pad = match &rule.pad {
        // At most two padding bytes, as base64 has, and never the whole value.
        Some(_) => u.int_in_range(0..=rest.saturating_sub(1).min(2))?,
        None => 0,
    };
    let first = members(&rule.first);
    let body: Vec<u8> = members(&rule.body)
        .into_iter()
        .filter(|&b| !matches!(&rule.pad, Some(pad) if pad.contains(b)))
        .collect();
    let mut s = String::with_capacity(len);
    s.push_str(rule.prefix);
    let mut need_first = true;
    for _ in 0..rest - pad {
        let c = pick(u, if need_first { &first } else { &body })?;
        need_first = matches!(rule.sep, Some(sep) if char::from(sep) == c);
        s.push(c);
    }
    s.extend(core::iter::repeat('=').take(pad));
    Ok(s)
}

/// An identifier from `u`: shaped by its rule, validated, and the value shaped from no input
/// in its place should the validator refuse it.
pub(crate) fn identifier<T: Parse>(u: &mut Unstructured<'_>) -> Result<T> {
    let rule = rules::rule_of(T::KIND);
    let minimal = || shaped(rule, &mut Unstructured::new(&[]));
    match T::KIND {
        IdKind::AilyAuthorization => {
            // The scheme, then a token: the one rule that is not a table of its own.
            let token = shaped(&rules::AILY_TOKEN, u)?;
            let mut value = String::from(BEARER);
            value.push_str(&token);
            T::parse_string(value).map_err(|_| arbitrary::Error::IncorrectFormat)
        }
        _ => T::parse_string(shaped(rule, u)?).or_else(|_| {
            T::parse_string(minimal()?).map_err(|_| arbitrary::Error::IncorrectFormat)
        }),
    }
}

impl<'a> Arbitrary<'a> for AilyDeleteSessionRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::new(u.arbitrary()?))
    }
}

impl<'a> Arbitrary<'a> for LexDeleteSessionRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::new(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?))
    }
}

impl<'a> Arbitrary<'a> for LexV2DeleteSessionRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::new(
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
        ))
    }
}
