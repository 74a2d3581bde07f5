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

use crate::id::engine::Rule;
use crate::id::rules::{self, BEARER};
use crate::id::Parse;
use crate::{AilyDeleteSessionRequest, IdKind, LexDeleteSessionRequest, LexV2DeleteSessionRequest};

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
    // At most two padding bytes, as base64 has, and never the whole value.
    let pad = match &rule.pad {
        Some(set) => Some((
            u.int_in_range(0..=rest.saturating_sub(1).min(2))?,
            pick(u, &set.members())?,
        )),
        None => None,
    };
    let first = rule.first.members();
    let body: Vec<u8> = rule
        .body
        .members()
        .into_iter()
        .filter(|&b| !matches!(&rule.pad, Some(pad) if pad.contains(b)))
        .collect();
    let mut s = String::with_capacity(len);
    s.push_str(rule.prefix);
    let mut need_first = true;
    for _ in 0..rest - pad.map_or(0, |(n, _)| n) {
        let c = pick(u, if need_first { &first } else { &body })?;
        need_first = matches!(rule.sep, Some(sep) if char::from(sep) == c);
        s.push(c);
    }
    if let Some((n, byte)) = pad {
        s.extend(core::iter::repeat(byte).take(n));
    }
    Ok(s)
}

/// An identifier from `u`: shaped by its rule, validated, and the value shaped from no input
/// in its place should the validator refuse it (a test checks that one is valid for every
/// rule, so the error is never returned).
pub(crate) fn identifier<T: Parse>(u: &mut Unstructured<'_>) -> Result<T> {
    let build = |u: &mut Unstructured<'_>| -> Result<String> {
        if matches!(T::KIND, IdKind::AilyAuthorization) {
            // The scheme, then a token: the one rule that is not a table of its own.
            let mut value = String::from(BEARER);
            value.push_str(&shaped(&rules::AILY_TOKEN, u)?);
            Ok(value)
        } else {
            shaped(rules::rule_of(T::KIND), u)
        }
    };
    match T::parse_string(build(u)?) {
        Ok(value) => Ok(value),
        Err(_) => T::parse_string(build(&mut Unstructured::new(&[]))?)
            .map_err(|_| arbitrary::Error::IncorrectFormat),
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

#[cfg(test)]
mod tests {
    use alloc::vec;

    use super::*;
    use crate::{
        AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, LexBotAlias,
        LexBotName, LexRegion, LexUserId, LexV2BotAliasId, LexV2BotId, LexV2LocaleId,
        LexV2SessionId,
    };

    /// From no input, from every short input and from longer pseudo-random ones, every
    /// identifier is built, valid, and of more than one value.
    fn always_valid<T: Parse + for<'a> Arbitrary<'a>>(text: fn(&T) -> &str) {
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new()];
        inputs.extend((0..=255u8).map(|b| vec![b]));
        inputs.extend((0..=255u8).map(|b| vec![b; 3]));
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for len in [8, 64, 300, 9000] {
            for _ in 0..16 {
                inputs.push(
                    (0..len)
                        .map(|_| {
                            state ^= state << 13;
                            state ^= state >> 7;
                            state ^= state << 17;
                            state as u8
                        })
                        .collect(),
                );
            }
        }
        let mut seen = alloc::collections::BTreeSet::new();
        for input in &inputs {
            let value = T::arbitrary(&mut Unstructured::new(input))
                .unwrap_or_else(|e| panic!("{:?} from {} bytes: {e}", T::KIND, input.len()));
            let s = text(&value);
            assert!(T::parse_str(s).is_ok(), "{:?}: {s:?}", T::KIND);
            seen.insert(String::from(s));
        }
        assert!(
            seen.len() > 16,
            "{:?}: {} distinct values",
            T::KIND,
            seen.len()
        );
    }

    #[test]
    fn every_identifier_is_always_valid() {
        always_valid::<AilySessionId>(AilySessionId::as_str);
        always_valid::<AilyMessageId>(AilyMessageId::as_str);
        always_valid::<AilyRunId>(AilyRunId::as_str);
        always_valid::<AilyAccessToken>(AilyAccessToken::expose_secret);
        always_valid::<AilyAuthorization>(AilyAuthorization::expose_header_value);
        always_valid::<LexUserId>(LexUserId::as_str);
        always_valid::<LexBotName>(LexBotName::as_str);
        always_valid::<LexBotAlias>(LexBotAlias::as_str);
        always_valid::<LexRegion>(LexRegion::as_str);
        always_valid::<LexV2BotId>(LexV2BotId::as_str);
        always_valid::<LexV2BotAliasId>(LexV2BotAliasId::as_str);
        always_valid::<LexV2LocaleId>(LexV2LocaleId::as_str);
        always_valid::<LexV2SessionId>(LexV2SessionId::as_str);
    }

    /// A shaped value is in its rule as built, at every length its rule allows, padding
    /// included: the fallback is for a reserved literal only.
    #[test]
    fn shaped_values_need_no_fallback() {
        for kind in rules::KINDS {
            if matches!(kind, IdKind::AilyAuthorization) {
                continue;
            }
            let rule = rules::rule_of(kind);
            for a in [0x00, 0x7f, 0xfe, 0xff] {
                for c in 0..=255u8 {
                    let input: Vec<u8> = [a, a, c, c, c].into_iter().cycle().take(9000).collect();
                    let s = shaped(rule, &mut Unstructured::new(&input)).unwrap();
                    let reserved = rule.reserve.iter().any(|r| r.literal == s);
                    assert!(
                        reserved || crate::id::validate(kind, &s).is_ok(),
                        "{kind:?}: {} bytes from {a:#x} {c:#x}",
                        s.len()
                    );
                }
            }
        }
    }

    /// What the fallback builds: the value from no input, valid for every rule, reserved
    /// literals included (`..` falls back to `--`).
    #[test]
    fn the_value_from_no_input_is_valid() {
        let minimal = |kind| shaped(rules::rule_of(kind), &mut Unstructured::new(&[])).unwrap();
        assert_eq!(minimal(IdKind::LexUserId), "--");
        assert_eq!(minimal(IdKind::AilySessionId), "session_0");
        assert_eq!(minimal(IdKind::LexBotAlias), "$LATEST");
        assert_eq!(minimal(IdKind::LexV2LocaleId), "00000");
        assert_eq!(minimal(IdKind::AilyAccessToken), "+");
        let dots = LexUserId::arbitrary(&mut Unstructured::new(&[0, 0, 1, 1])).unwrap();
        assert!(LexUserId::is_valid(dots.as_str()));
    }
}
