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
//! A Lex V2 string is the input's text cut to its limit (a non-empty string to 100 characters),
//! one character when the input has none; the two names letters and digits from the input's
//! bytes, each followed by at most one separator. With `serde`, an open enum is a listed value
//! mostly and the input's text now and then; a ranged integer anywhere in its range; a score a
//! multiple of 10⁻⁶ from 0 to 1 (finite, so JSON carries it); and the session values nest at
//! most 3 levels, their lists and maps at most the model's limit, so that building one never
//! fails (PutSession's `ResponseContentType` is visible ASCII, a valid header value).
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
use crate::{
    LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl, LexV2ButtonText,
    LexV2ButtonValue, LexV2GetSessionRequest, LexV2NonEmptyString, LexV2ParameterName,
    LexV2RuntimeHintName, LexV2RuntimeHintPhrase, LexV2Text,
};

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

impl<'a> Arbitrary<'a> for LexV2GetSessionRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::new(
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
        ))
    }
}

/// The most characters of a non-empty string: a realistic bound, not the model's (none).
const NON_EMPTY_MAX: usize = 100;

/// The input's text cut to `max` characters, or one character of the input when it has none.
fn text1(u: &mut Unstructured<'_>, max: usize) -> Result<String> {
    let mut text = free_text(u, max)?;
    if text.is_empty() {
        text.push(u.arbitrary()?);
    }
    Ok(text)
}

/// ASCII letters and digits from the input, each followed by at most one of `seps`, 1 to
/// `max` characters.
fn separated(u: &mut Unstructured<'_>, seps: &[u8], max: usize) -> Result<String> {
    const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let len = u.int_in_range(1..=max)?;
    let mut s = String::with_capacity(len);
    while s.len() < len {
        s.push(pick(u, ALNUM)?);
        if s.len() < len && u.ratio(1, 4)? {
            s.push(pick(u, seps)?);
        }
    }
    Ok(s)
}

/// The Lex V2 strings: built by `$make` within their rule, so the check cannot fail.
macro_rules! lex_v2_text {
    ($($ty:ident => $make:expr;)+) => {$(
        impl<'a> Arbitrary<'a> for $ty {
            fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
                let make: fn(&mut Unstructured<'a>) -> Result<String> = $make;
                Self::new(make(u)?).map_err(|_| arbitrary::Error::IncorrectFormat)
            }
        }
    )+};
}

lex_v2_text! {
    LexV2NonEmptyString => |u| text1(u, NON_EMPTY_MAX);
    LexV2Text => |u| text1(u, LexV2Text::MAX_CHARS);
    LexV2AttachmentTitle => |u| text1(u, LexV2AttachmentTitle::MAX_CHARS);
    LexV2AttachmentUrl => |u| text1(u, LexV2AttachmentUrl::MAX_CHARS);
    LexV2ButtonText => |u| text1(u, LexV2ButtonText::MAX_CHARS);
    LexV2ButtonValue => |u| text1(u, LexV2ButtonValue::MAX_CHARS);
    LexV2ParameterName => |u| text1(u, LexV2ParameterName::MAX_CHARS);
    LexV2RuntimeHintPhrase => |u| text1(u, LexV2RuntimeHintPhrase::MAX_CHARS);
    LexV2ActiveContextName => |u| separated(u, b"_", LexV2ActiveContextName::MAX_CHARS);
    LexV2RuntimeHintName => |u| separated(u, b"_-", LexV2RuntimeHintName::MAX_CHARS);
}

#[cfg(feature = "serde")]
mod lex_v2 {
    //! The Lex V2 session values, which come with `serde`.

    use alloc::collections::BTreeMap;
    use alloc::string::String;
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use crate::{
        LexV2ActiveContext, LexV2Button, LexV2ConfidenceScore, LexV2ConfirmationState,
        LexV2ContextSeconds, LexV2ContextTurns, LexV2DialogAction, LexV2DialogActionType,
        LexV2ElicitSubSlot, LexV2ImageResponseCard, LexV2Intent, LexV2IntentState,
        LexV2Interpretation, LexV2InterpretationSource, LexV2Message, LexV2MessageContentType,
        LexV2NonEmptyString, LexV2PutSessionRequest, LexV2RuntimeHintDetails, LexV2RuntimeHintName,
        LexV2RuntimeHintValue, LexV2RuntimeHints, LexV2SentimentResponse, LexV2SentimentScore,
        LexV2SentimentType, LexV2Session, LexV2SessionState, LexV2Slot, LexV2SlotShape,
        LexV2SlotValue, LexV2StyleType, LexV2TimeToLive,
    };

    /// How many levels the recursive values have at most.
    const DEPTH: usize = 3;

    /// A builder's error, which bounded counts and depths never cause.
    fn never<E>(_: E) -> arbitrary::Error {
        arbitrary::Error::IncorrectFormat
    }

    /// Up to `max` values of `item`.
    fn list<'a, T>(
        u: &mut Unstructured<'a>,
        max: usize,
        mut item: impl FnMut(&mut Unstructured<'a>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let n = u.int_in_range(0..=max)?;
        (0..n).map(|_| item(u)).collect()
    }

    /// Up to `max` entries (fewer where a key comes twice).
    fn map<'a, K: Ord, V>(
        u: &mut Unstructured<'a>,
        max: usize,
        mut entry: impl FnMut(&mut Unstructured<'a>) -> Result<(K, V)>,
    ) -> Result<BTreeMap<K, V>> {
        Ok(list(u, max, |u| entry(u))?.into_iter().collect())
    }

    /// Up to `max` entries of arbitrary keys and values.
    fn entries<'a, K: Ord + Arbitrary<'a>, V: Arbitrary<'a>>(
        u: &mut Unstructured<'a>,
        max: usize,
    ) -> Result<BTreeMap<K, V>> {
        map(u, max, |u| Ok((u.arbitrary()?, u.arbitrary()?)))
    }

    /// A listed value mostly, the input's text now and then (which `From` makes a listed one
    /// should it be one).
    fn open<'a, T: From<String> + Clone>(u: &mut Unstructured<'a>, known: &[T]) -> Result<T> {
        if u.ratio(9, 10)? {
            Ok(u.choose(known)?.clone())
        } else {
            Ok(T::from(String::arbitrary(u)?))
        }
    }

    /// A multiple of 10⁻⁶ from 0 to 1: finite, and exact through JSON.
    fn score(u: &mut Unstructured<'_>) -> Result<Option<f64>> {
        if u.arbitrary()? {
            Ok(Some(f64::from(u.int_in_range(0..=1_000_000u32)?) / 1e6))
        } else {
            Ok(None)
        }
    }

    macro_rules! open_enum {
        ($($ty:ident: [$($variant:ident),+];)+) => {$(
            impl<'a> Arbitrary<'a> for $ty {
                fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
                    open(u, &[$($ty::$variant),+])
                }
            }
        )+};
    }

    open_enum! {
        LexV2DialogActionType: [Close, ConfirmIntent, Delegate, ElicitIntent, ElicitSlot, None];
        LexV2StyleType: [Default, SpellByLetter, SpellByWord];
        LexV2IntentState: [Failed, Fulfilled, InProgress, ReadyForFulfillment, Waiting,
            FulfillmentInProgress];
        LexV2ConfirmationState: [Confirmed, Denied, None];
        LexV2SlotShape: [Scalar, List, Composite];
        LexV2MessageContentType: [CustomPayload, ImageResponseCard, PlainText, Ssml];
        LexV2InterpretationSource: [Bedrock, Lex];
        LexV2SentimentType: [Mixed, Negative, Neutral, Positive];
    }

    impl<'a> Arbitrary<'a> for LexV2ContextSeconds {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Self::new(u.int_in_range(Self::MIN..=Self::MAX)?).map_err(never)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2ContextTurns {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Self::new(u.int_in_range(Self::MIN..=Self::MAX)?).map_err(never)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2TimeToLive {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self::new(u.arbitrary()?, u.arbitrary()?))
        }
    }

    impl<'a> Arbitrary<'a> for LexV2ActiveContext {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Self::new(u.arbitrary()?, u.arbitrary()?)
                .with_context_attributes(entries(u, 10)?)
                .map_err(never)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2SlotValue {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut value = Self::new(u.arbitrary()?);
            if let Some(original) = u.arbitrary()? {
                value = value.with_original_value(original);
            }
            value
                .with_resolved_values(list(u, 3, |u| u.arbitrary())?)
                .map_err(never)
        }
    }

    /// A slot of at most `depth` levels.
    fn slot(u: &mut Unstructured<'_>, depth: usize) -> Result<LexV2Slot> {
        let mut built = LexV2Slot::new();
        if let Some(value) = u.arbitrary()? {
            built = built.with_value(value);
        }
        if let Some(shape) = u.arbitrary()? {
            built = built.with_shape(shape);
        }
        if depth > 1 {
            let values = list(u, 3, |u| slot(u, depth - 1))?;
            let subs: BTreeMap<LexV2NonEmptyString, LexV2Slot> =
                map(u, 3, |u| Ok((u.arbitrary()?, slot(u, depth - 1)?)))?;
            built = built
                .with_values(values)
                .and_then(|s| s.with_sub_slots(subs))
                .map_err(never)?;
        }
        Ok(built)
    }

    impl<'a> Arbitrary<'a> for LexV2Slot {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            slot(u, DEPTH)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2Intent {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let slots: BTreeMap<LexV2NonEmptyString, LexV2Slot> =
                map(u, 3, |u| Ok((u.arbitrary()?, slot(u, DEPTH)?)))?;
            let mut intent = Self::new(u.arbitrary()?).with_slots(slots).map_err(never)?;
            if let Some(state) = u.arbitrary()? {
                intent = intent.with_state(state);
            }
            if let Some(confirmation) = u.arbitrary()? {
                intent = intent.with_confirmation_state(confirmation);
            }
            Ok(intent)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2ElicitSubSlot {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut sub = Self::new(u.arbitrary()?);
            for _ in 1..u.int_in_range(1..=DEPTH)? {
                sub = Self::new(u.arbitrary()?)
                    .with_sub_slot_to_elicit(sub)
                    .map_err(never)?;
            }
            Ok(sub)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2DialogAction {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut action = Self::new(u.arbitrary()?);
            if let Some(slot) = u.arbitrary()? {
                action = action.with_slot_to_elicit(slot);
            }
            if let Some(style) = u.arbitrary()? {
                action = action.with_slot_elicitation_style(style);
            }
            if let Some(sub) = u.arbitrary()? {
                action = action.with_sub_slot_to_elicit(sub);
            }
            Ok(action)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2RuntimeHintValue {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self::new(u.arbitrary()?))
        }
    }

    /// Runtime hint details of at most `depth` levels.
    fn details(u: &mut Unstructured<'_>, depth: usize) -> Result<LexV2RuntimeHintDetails> {
        // None, or 1 to 100: an empty list is absent.
        let values = list(u, 100, |u| u.arbitrary())?;
        let mut built = LexV2RuntimeHintDetails::new()
            .with_runtime_hint_values(values)
            .map_err(never)?;
        if depth > 1 {
            let subs: BTreeMap<LexV2RuntimeHintName, LexV2RuntimeHintDetails> =
                map(u, 2, |u| Ok((u.arbitrary()?, details(u, depth - 1)?)))?;
            built = built.with_sub_slot_hints(subs).map_err(never)?;
        }
        Ok(built)
    }

    impl<'a> Arbitrary<'a> for LexV2RuntimeHintDetails {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            details(u, DEPTH)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2RuntimeHints {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            type Slots = BTreeMap<LexV2RuntimeHintName, LexV2RuntimeHintDetails>;
            let hints: BTreeMap<LexV2RuntimeHintName, Slots> = map(u, 2, |u| {
                let slots: Slots = map(u, 2, |u| Ok((u.arbitrary()?, details(u, DEPTH)?)))?;
                Ok((u.arbitrary()?, slots))
            })?;
            Self::new().with_slot_hints(hints).map_err(never)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2SessionState {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let contexts = list(u, 20, |u| u.arbitrary())?;
            let attributes: BTreeMap<LexV2NonEmptyString, String> = entries(u, 4)?;
            let mut state = Self::new()
                .with_active_contexts(contexts)
                .and_then(|s| s.with_session_attributes(attributes))
                .map_err(never)?;
            if let Some(action) = u.arbitrary()? {
                state = state.with_dialog_action(action);
            }
            if let Some(intent) = u.arbitrary()? {
                state = state.with_intent(intent);
            }
            if let Some(origin) = u.arbitrary()? {
                state = state.with_originating_request_id(origin);
            }
            if let Some(hints) = u.arbitrary()? {
                state = state.with_runtime_hints(hints);
            }
            Ok(state)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2Button {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self::new(u.arbitrary()?, u.arbitrary()?))
        }
    }

    impl<'a> Arbitrary<'a> for LexV2ImageResponseCard {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut card = Self::new(u.arbitrary()?);
            if let Some(subtitle) = u.arbitrary()? {
                card = card.with_subtitle(subtitle);
            }
            if let Some(url) = u.arbitrary()? {
                card = card.with_image_url(url);
            }
            card.with_buttons(list(u, 5, |u| u.arbitrary())?)
                .map_err(never)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2Message {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut message = Self::new(u.arbitrary()?);
            if let Some(content) = u.arbitrary()? {
                message = message.with_content(content);
            }
            if let Some(card) = u.arbitrary()? {
                message = message.with_image_response_card(card);
            }
            Ok(message)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2ConfidenceScore {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match score(u)? {
                Some(score) => Self::new().with_score(score),
                None => Self::new(),
            })
        }
    }

    impl<'a> Arbitrary<'a> for LexV2SentimentScore {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut scores = Self::new();
            if let Some(v) = score(u)? {
                scores = scores.with_positive(v);
            }
            if let Some(v) = score(u)? {
                scores = scores.with_negative(v);
            }
            if let Some(v) = score(u)? {
                scores = scores.with_neutral(v);
            }
            if let Some(v) = score(u)? {
                scores = scores.with_mixed(v);
            }
            Ok(scores)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2SentimentResponse {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut response = Self::new();
            if let Some(sentiment) = u.arbitrary()? {
                response = response.with_sentiment(sentiment);
            }
            if let Some(score) = u.arbitrary()? {
                response = response.with_sentiment_score(score);
            }
            Ok(response)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2Interpretation {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut interpretation = Self::new();
            if let Some(confidence) = u.arbitrary()? {
                interpretation = interpretation.with_nlu_confidence(confidence);
            }
            if let Some(sentiment) = u.arbitrary()? {
                interpretation = interpretation.with_sentiment_response(sentiment);
            }
            if let Some(intent) = u.arbitrary()? {
                interpretation = interpretation.with_intent(intent);
            }
            if let Some(source) = u.arbitrary()? {
                interpretation = interpretation.with_interpretation_source(source);
            }
            Ok(interpretation)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2Session {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let messages = list(u, 10, |u| u.arbitrary())?;
            let interpretations = list(u, 5, |u| u.arbitrary())?;
            let mut session = Self::new()
                .with_messages(messages)
                .and_then(|s| s.with_interpretations(interpretations))
                .map_err(never)?;
            if let Some(id) = u.arbitrary()? {
                session = session.with_session_id(id);
            }
            if let Some(state) = u.arbitrary()? {
                session = session.with_session_state(state);
            }
            Ok(session)
        }
    }

    impl<'a> Arbitrary<'a> for LexV2PutSessionRequest {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut request = Self::new(
                u.arbitrary()?,
                u.arbitrary()?,
                u.arbitrary()?,
                u.arbitrary()?,
                u.arbitrary()?,
            )
            .with_messages(list(u, 10, |u| u.arbitrary())?)
            .map_err(never)?
            .with_request_attributes(entries::<LexV2NonEmptyString, String>(u, 4)?)
            .map_err(never)?;
            if u.arbitrary()? {
                // Visible ASCII: a valid header value, so that the request reads back equal.
                const VISIBLE: u8 = b'~' - b'!' + 1;
                let len = u.int_in_range(1..=40)?;
                let mut text = String::with_capacity(len);
                for _ in 0..len {
                    text.push(char::from(b'!' + u.arbitrary::<u8>()? % VISIBLE));
                }
                let content_type = LexV2NonEmptyString::new(text).map_err(never)?;
                request = request.with_response_content_type(content_type);
            }
            Ok(request)
        }
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
            // Long enough that even 4-byte characters fill the limit.
            let long = c.repeat(9000.max(max * 40));
            let cut = T::arbitrary(&mut Unstructured::new(long.as_bytes())).unwrap();
            assert_eq!(text(&cut).chars().count(), max, "{c} × many");
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

    #[test]
    fn every_lex_v2_text_is_always_valid() {
        macro_rules! texts {
            ($($ty:ident = $max:expr),+) => {$(
                text_always_valid::<crate::$ty>(crate::$ty::as_str, crate::$ty::is_valid, $max);
            )+};
        }
        texts!(
            LexV2NonEmptyString = NON_EMPTY_MAX,
            LexV2Text = LexV2Text::MAX_CHARS,
            LexV2AttachmentTitle = LexV2AttachmentTitle::MAX_CHARS,
            LexV2AttachmentUrl = LexV2AttachmentUrl::MAX_CHARS,
            LexV2ButtonText = LexV2ButtonText::MAX_CHARS,
            LexV2ButtonValue = LexV2ButtonValue::MAX_CHARS,
            LexV2ParameterName = LexV2ParameterName::MAX_CHARS,
            LexV2RuntimeHintPhrase = LexV2RuntimeHintPhrase::MAX_CHARS
        );
        // Even from no input: one character.
        let one = LexV2Text::arbitrary(&mut Unstructured::new(&[])).unwrap();
        assert_eq!(one.as_str().chars().count(), 1);
    }

    /// The two names: valid from every input, of many values, with separators in some, and
    /// at their limit for some.
    #[test]
    fn every_lex_v2_name_is_always_valid() {
        fn check<T: for<'a> Arbitrary<'a>>(text: fn(&T) -> &str, is_valid: fn(&str) -> bool) {
            let mut seen = alloc::collections::BTreeSet::new();
            let (mut separated, mut longest) = (0, 0);
            for input in &inputs() {
                let value = T::arbitrary(&mut Unstructured::new(input)).unwrap();
                let s = text(&value);
                assert!(is_valid(s), "{s:?}");
                separated += usize::from(s.contains(['_', '-']));
                longest = longest.max(s.len());
                seen.insert(String::from(s));
            }
            assert!(seen.len() > 16 && separated > 16, "{seen:?}");
            assert_eq!(longest, 100);
        }
        check::<LexV2ActiveContextName>(
            LexV2ActiveContextName::as_str,
            LexV2ActiveContextName::is_valid,
        );
        check::<LexV2RuntimeHintName>(LexV2RuntimeHintName::as_str, LexV2RuntimeHintName::is_valid);
    }

    /// The Lex V2 session values are always built, from any input, differ, and read back equal
    /// from the JSON they write; a PutSession request from its request line, headers and body.
    #[cfg(feature = "serde")]
    #[test]
    fn every_lex_v2_value_is_always_built_and_reads_back() {
        use crate::{LexV2PutSessionRequest, LexV2Session, LexV2SessionState};

        fn built<T: for<'a> Arbitrary<'a>>(json: fn(&T) -> Vec<u8>, check: fn(&T)) {
            let mut seen = alloc::collections::BTreeSet::new();
            for input in &inputs() {
                let value = T::arbitrary(&mut Unstructured::new(input)).unwrap();
                check(&value);
                seen.insert(json(&value));
            }
            assert!(seen.len() > 16, "{} distinct values", seen.len());
        }
        built::<LexV2SessionState>(LexV2SessionState::to_json, |s| {
            assert_eq!(LexV2SessionState::from_json(&s.to_json()).as_ref(), Ok(s));
        });
        built::<LexV2Session>(LexV2Session::to_json, |s| {
            assert_eq!(LexV2Session::from_json(&s.to_json()).as_ref(), Ok(s));
        });
        built::<LexV2PutSessionRequest>(LexV2PutSessionRequest::body, |r| {
            let headers: Vec<_> = r.headers().collect();
            let read = LexV2PutSessionRequest::from_request("POST", &r.path(), &headers, &r.body());
            assert_eq!(read.as_ref(), Ok(r));
        });
        built::<LexV2GetSessionRequest>(
            |r| r.path().into_bytes(),
            |r| {
                let read = LexV2GetSessionRequest::from_route("GET", &r.path());
                assert_eq!(read.as_ref(), Ok(r));
            },
        );
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
