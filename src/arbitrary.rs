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
//! A free text (channel context, metadata) is the input's text, cut to its first 255
//! characters; a biz user id the input's bytes, at most 255, each mapped into `!`..=`~`; a
//! session's timestamps any `i64`. The create and update requests come with the `serde`
//! feature, as the types do.
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
use crate::{
    AilyBizUserId, AilyChannelContext, AilyDeleteSessionRequest, AilyGetSessionRequest,
    AilyMetadata, AilySession, IdKind, LexDeleteSessionRequest, LexV2DeleteSessionRequest,
};
#[cfg(feature = "serde")]
use crate::{AilyCreateSessionRequest, AilyUpdateSessionRequest};

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

/// The input's text, cut to its first `max` characters.
fn free_text(u: &mut Unstructured<'_>, max: usize) -> Result<String> {
    let text: &str = u.arbitrary()?;
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    Ok(String::from(text.get(..end).unwrap_or_default()))
}

impl<'a> Arbitrary<'a> for AilyChannelContext {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // At most the limit: the check cannot fail.
        Self::new(free_text(u, Self::MAX_CHARS)?).map_err(|_| arbitrary::Error::IncorrectFormat)
    }
}

impl<'a> Arbitrary<'a> for AilyMetadata {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // At most the limit: the check cannot fail.
        Self::new(free_text(u, Self::MAX_CHARS)?).map_err(|_| arbitrary::Error::IncorrectFormat)
    }
}

impl<'a> Arbitrary<'a> for AilyBizUserId {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        const VISIBLE: u8 = b'~' - b'!' + 1;
        let bytes: &[u8] = u.arbitrary()?;
        let text: String = bytes
            .iter()
            .take(Self::MAX_CHARS)
            .map(|b| char::from(b'!' + b % VISIBLE))
            .collect();
        // Visible ASCII, at most the limit: the check cannot fail.
        Self::new(text).map_err(|_| arbitrary::Error::IncorrectFormat)
    }
}

impl<'a> Arbitrary<'a> for AilySession {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut session =
            Self::new(u.arbitrary()?, u.arbitrary()?).with_modified_at(u.arbitrary()?);
        if let Some(created_by) = u.arbitrary::<Option<String>>()? {
            session = session.with_created_by(created_by);
        }
        if let Some(context) = u.arbitrary()? {
            session = session.with_channel_context(context);
        }
        if let Some(metadata) = u.arbitrary()? {
            session = session.with_metadata(metadata);
        }
        Ok(session)
    }
}

impl<'a> Arbitrary<'a> for AilyGetSessionRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::new(u.arbitrary()?))
    }
}

#[cfg(feature = "serde")]
impl<'a> Arbitrary<'a> for AilyCreateSessionRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut request = Self::new();
        if let Some(user) = u.arbitrary()? {
            request = request.with_biz_user_id(user);
        }
        if let Some(context) = u.arbitrary()? {
            request = request.with_channel_context(context);
        }
        if let Some(metadata) = u.arbitrary()? {
            request = request.with_metadata(metadata);
        }
        Ok(request)
    }
}

#[cfg(feature = "serde")]
impl<'a> Arbitrary<'a> for AilyUpdateSessionRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut request = Self::new(u.arbitrary()?);
        if let Some(context) = u.arbitrary()? {
            request = request.with_channel_context(context);
        }
        if let Some(metadata) = u.arbitrary()? {
            request = request.with_metadata(metadata);
        }
        Ok(request)
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

    /// No input, every short input and longer pseudo-random ones.
    fn inputs() -> Vec<Vec<u8>> {
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
        inputs
    }

    /// From every input of [`inputs`], every identifier is built, valid, and of more than one
    /// value.
    fn always_valid<T: Parse + for<'a> Arbitrary<'a>>(text: fn(&T) -> &str) {
        let mut seen = alloc::collections::BTreeSet::new();
        for input in &inputs() {
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

    /// From every input of [`inputs`], every text is built, valid (by its `is_valid`), of more
    /// than one value, and at its limit for some: a long input is cut to it, not refused.
    fn text_always_valid<T: for<'a> Arbitrary<'a>>(
        text: fn(&T) -> &str,
        is_valid: fn(&str) -> bool,
        max: usize,
    ) {
        let mut seen = alloc::collections::BTreeSet::new();
        let mut longest = 0;
        for input in &inputs() {
            let value = T::arbitrary(&mut Unstructured::new(input))
                .unwrap_or_else(|e| panic!("from {} bytes: {e}", input.len()));
            let s = text(&value);
            assert!(is_valid(s), "{s:?}");
            longest = longest.max(s.chars().count());
            seen.insert(String::from(s));
        }
        assert!(seen.len() > 16, "{} distinct values", seen.len());
        assert!(longest > 0);
        for c in ["a", "元", "😀"] {
            let long = c.repeat(9000);
            let cut = T::arbitrary(&mut Unstructured::new(long.as_bytes())).unwrap();
            assert_eq!(text(&cut).chars().count(), max, "{c} × 9000");
        }
    }

    #[test]
    fn every_text_is_always_valid() {
        text_always_valid::<AilyChannelContext>(
            AilyChannelContext::as_str,
            AilyChannelContext::is_valid,
            AilyChannelContext::MAX_CHARS,
        );
        text_always_valid::<AilyMetadata>(
            AilyMetadata::as_str,
            AilyMetadata::is_valid,
            AilyMetadata::MAX_CHARS,
        );
        text_always_valid::<AilyBizUserId>(
            AilyBizUserId::as_str,
            AilyBizUserId::is_valid,
            AilyBizUserId::MAX_CHARS,
        );
    }

    /// Sessions and the requests of the session operations are always built, from any input,
    /// and differ.
    #[test]
    fn every_session_value_is_always_built() {
        fn built<T: for<'a> Arbitrary<'a> + Ord>() {
            let mut seen = alloc::collections::BTreeSet::new();
            for input in &inputs() {
                seen.insert(T::arbitrary(&mut Unstructured::new(input)).unwrap());
            }
            assert!(seen.len() > 16, "{} distinct values", seen.len());
        }
        built::<AilyGetSessionRequest>();
        let sessions: Vec<AilySession> = inputs()
            .iter()
            .map(|input| AilySession::arbitrary(&mut Unstructured::new(input)).unwrap())
            .collect();
        assert!(sessions.iter().any(|s| s.created_at() < 0));
        assert!(sessions.iter().any(|s| s.metadata().is_some()));
        assert!(sessions.iter().any(|s| s.channel_context().is_none()));
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
