//! The `proptest` feature: [`Arbitrary`] for every identifier and request, so downstream crates
//! can property-test their own code with valid values.
//!
//! Every strategy builds values of the documented shape and passes them through the same
//! validator as any other input, so it can only produce valid values. Identifiers span their
//! whole length range; tokens are 1–260 bytes (a realistic range, not the 8 KiB maximum), and
//! authorization values are in the canonical `Bearer ` form. The free texts (channel context,
//! metadata) are up to 255 characters of ASCII, multi-byte and 4-byte characters, quotes,
//! backslashes and controls (NUL included), often at or near the limit; a biz user id is up to
//! 255 of visible ASCII; a session's timestamps are any `i64`. The create and update requests
//! come with the `serde` feature, as the types do.
//!
//! The Lex V2 strings are 1 character to their limit (a non-empty string up to 100) of the same
//! mix, the two names letters and digits with single separators; an open enum is now and then
//! a value the model does not list; the ranged integers span their range; and a score is a
//! multiple of 10⁻⁶ from 0 to 1, which JSON carries exactly. With `serde`, the session values
//! nest at most 3 levels (well inside `MAX_DEPTH`), their lists are short
//! mostly and at the model's limit now and then, and PutSession's `ResponseContentType` is a
//! valid header value, so that every request renders and reads back equal.
//!
//! ```
//! use botsession::{LexDeleteSessionRequest, AilySessionId};
//! use proptest::prelude::*;
//!
//! proptest!(|(request in any::<LexDeleteSessionRequest>(), id in any::<AilySessionId>())| {
//!     let path = request.path();
//!     prop_assert_eq!(LexDeleteSessionRequest::from_route("DELETE", &path), Ok(request));
//!     prop_assert!(id.as_str().starts_with("session_"));
//! });
//! ```

use alloc::string::String;

use proptest::arbitrary::Arbitrary;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::BoxedStrategy;

use crate::id::{rules, Parse};
use crate::{
    AilyAccessToken, AilyAuthorization, AilyBizUserId, AilyChannelContext,
    AilyDeleteSessionRequest, AilyGetSessionRequest, AilyMessageId, AilyMetadata, AilyRunId,
    AilySession, AilySessionId, LexBotAlias, LexBotName, LexDeleteSessionRequest, LexRegion,
    LexUserId, LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2LocaleId,
    LexV2SessionId, TextError,
};
#[cfg(feature = "serde")]
use crate::{AilyCreateSessionRequest, AilyUpdateSessionRequest};
use crate::{
    LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl, LexV2ButtonText,
    LexV2ButtonValue, LexV2GetSessionRequest, LexV2NonEmptyString, LexV2ParameterName,
    LexV2RuntimeHintName, LexV2RuntimeHintPhrase, LexV2Text,
};

/// The rule's prefix, then bytes of its class up to its whole length range, validated as `T`.
fn shaped<T: Parse + core::fmt::Debug>() -> BoxedStrategy<T> {
    let rule = rules::rule_of(T::KIND);
    let prefix = rule.prefix;
    let body = rule.min_len - prefix.len()..=rule.max_len - prefix.len();
    vec(select(rule.body.members()), body)
        .prop_filter_map("outside the rule", move |body| {
            let mut s = String::from(prefix);
            s.extend(body.into_iter().map(char::from));
            T::parse_string(s).ok()
        })
        .boxed()
}

/// `([A-Za-z]_?)+` within the rule's length range, validated as `T`.
fn lex_name<T: Parse + core::fmt::Debug>() -> BoxedStrategy<T> {
    let rule = rules::rule_of(T::KIND);
    let (min, max) = (rule.min_len, rule.max_len);
    vec((select(rule.first.members()), any::<bool>()), min..=max)
        .prop_filter_map("outside the rule", move |parts| {
            let mut s = String::new();
            for (letter, underscore) in parts {
                s.push(char::from(letter));
                if underscore {
                    s.push('_');
                }
            }
            while s.len() > max {
                s.pop();
            }
            T::parse_string(s).ok()
        })
        .boxed()
}

/// `min` to `max` characters of `chars`: as often at the limit or one short of it as anywhere
/// else, and the fewest now and then, validated by `new`.
fn text<T: core::fmt::Debug + 'static>(
    min: usize,
    max: usize,
    chars: BoxedStrategy<char>,
    new: fn(String) -> Result<T, TextError>,
) -> BoxedStrategy<T> {
    prop_oneof![1 => Just(min), 2 => max - 1..=max, 3 => min..=max]
        .prop_flat_map(move |len| vec(chars.clone(), len))
        .prop_filter_map("outside the rule", move |chars| {
            new(chars.into_iter().collect()).ok()
        })
        .boxed()
}

/// The characters of a free text: ASCII mostly, then multi-byte (`é`, CJK), 4-byte (`😀`), what
/// JSON escapes (quotes, backslashes, controls, NUL), line separators, and any character.
fn free_char() -> BoxedStrategy<char> {
    const SPECIAL: &[char] = &[
        '元',
        '渠',
        'é',
        '😀',
        '𝄞',
        '"',
        '\\',
        '\0',
        '\n',
        '\r',
        '\t',
        '\u{1b}',
        '\u{7f}',
        '\u{2028}',
        '\u{feff}',
        '\u{10ffff}',
    ];
    prop_oneof![
        4 => proptest::char::range(' ', '~'),
        3 => select(SPECIAL),
        1 => any::<char>(),
    ]
    .boxed()
}

macro_rules! arbitrary {
    ($ty:ty, $strategy:expr) => {
        impl Arbitrary for $ty {
            type Parameters = ();
            type Strategy = BoxedStrategy<$ty>;

            fn arbitrary_with((): ()) -> Self::Strategy {
                $strategy
            }
        }
    };
}

arbitrary!(AilySessionId, shaped());
arbitrary!(AilyMessageId, shaped());
arbitrary!(AilyRunId, shaped());
arbitrary!(LexUserId, shaped());
arbitrary!(LexRegion, shaped());
arbitrary!(LexBotName, lex_name());
arbitrary!(
    LexBotAlias,
    prop_oneof![1 => Just(LexBotAlias::LATEST), 9 => lex_name()].boxed()
);
arbitrary!(
    AilyAccessToken,
    (
        select(&["t-", "a-", "u-", "eyJ", ""][..]),
        // A realistic length, not the 8 KiB maximum; no `=`, which only pads the end.
        vec(select(rules::AILY_TOKEN.first.members()), 1..=256),
        0..3usize
    )
        .prop_filter_map("outside the rule", |(prefix, body, pad)| {
            let mut s = String::from(prefix);
            s.extend(body.into_iter().map(char::from));
            s.extend(core::iter::repeat('=').take(pad));
            AilyAccessToken::parse_string(s).ok()
        })
        .boxed()
);
arbitrary!(
    AilyAuthorization,
    any::<AilyAccessToken>()
        .prop_map(|token| AilyAuthorization::from_token(&token))
        .boxed()
);
arbitrary!(LexV2BotId, shaped());
arbitrary!(
    LexV2BotAliasId,
    prop_oneof![1 => Just(LexV2BotAliasId::TEST), 9 => shaped()].boxed()
);
arbitrary!(LexV2LocaleId, select(LexV2LocaleId::DOCUMENTED).boxed());
arbitrary!(LexV2SessionId, shaped());
arbitrary!(
    LexV2DeleteSessionRequest,
    (
        any::<LexV2BotId>(),
        any::<LexV2BotAliasId>(),
        any::<LexV2LocaleId>(),
        any::<LexV2SessionId>()
    )
        .prop_map(|(bot, alias, locale, session)| {
            LexV2DeleteSessionRequest::new(bot, alias, locale, session)
        })
        .boxed()
);
arbitrary!(
    AilyDeleteSessionRequest,
    any::<AilySessionId>()
        .prop_map(AilyDeleteSessionRequest::new)
        .boxed()
);
arbitrary!(
    LexDeleteSessionRequest,
    (
        any::<LexBotName>(),
        any::<LexBotAlias>(),
        any::<LexUserId>()
    )
        .prop_map(|(name, alias, user)| LexDeleteSessionRequest::new(name, alias, user))
        .boxed()
);
arbitrary!(
    AilyChannelContext,
    text(
        0,
        AilyChannelContext::MAX_CHARS,
        free_char(),
        AilyChannelContext::new
    )
);
arbitrary!(
    AilyMetadata,
    text(0, AilyMetadata::MAX_CHARS, free_char(), AilyMetadata::new)
);
arbitrary!(
    AilyBizUserId,
    text(
        0,
        AilyBizUserId::MAX_CHARS,
        proptest::char::range('!', '~').boxed(),
        AilyBizUserId::new
    )
);
arbitrary!(
    AilySession,
    (
        any::<AilySessionId>(),
        any::<i64>(),
        any::<i64>(),
        option::of(any::<String>()),
        option::of(any::<AilyChannelContext>()),
        option::of(any::<AilyMetadata>()),
    )
        .prop_map(
            |(id, created_at, modified_at, created_by, context, metadata)| {
                let mut session = AilySession::new(id, created_at).with_modified_at(modified_at);
                if let Some(created_by) = created_by {
                    session = session.with_created_by(created_by);
                }
                if let Some(context) = context {
                    session = session.with_channel_context(context);
                }
                if let Some(metadata) = metadata {
                    session = session.with_metadata(metadata);
                }
                session
            }
        )
        .boxed()
);
arbitrary!(
    AilyGetSessionRequest,
    any::<AilySessionId>()
        .prop_map(AilyGetSessionRequest::new)
        .boxed()
);
#[cfg(feature = "serde")]
arbitrary!(
    AilyCreateSessionRequest,
    (
        option::of(any::<AilyBizUserId>()),
        option::of(any::<AilyChannelContext>()),
        option::of(any::<AilyMetadata>()),
    )
        .prop_map(|(user, context, metadata)| {
            let mut request = AilyCreateSessionRequest::new();
            if let Some(user) = user {
                request = request.with_biz_user_id(user);
            }
            if let Some(context) = context {
                request = request.with_channel_context(context);
            }
            if let Some(metadata) = metadata {
                request = request.with_metadata(metadata);
            }
            request
        })
        .boxed()
);
#[cfg(feature = "serde")]
arbitrary!(
    AilyUpdateSessionRequest,
    (
        any::<AilySessionId>(),
        option::of(any::<AilyChannelContext>()),
        option::of(any::<AilyMetadata>()),
    )
        .prop_map(|(id, context, metadata)| {
            let mut request = AilyUpdateSessionRequest::new(id);
            if let Some(context) = context {
                request = request.with_channel_context(context);
            }
            if let Some(metadata) = metadata {
                request = request.with_metadata(metadata);
            }
            request
        })
        .boxed()
);

/// 1 to `max` characters of [`free_char`], validated by `new`.
fn lex_v2_text<T: core::fmt::Debug + 'static>(
    max: usize,
    new: fn(String) -> Result<T, TextError>,
) -> BoxedStrategy<T> {
    text(1, max, free_char(), new)
}

/// ASCII letters and digits, each followed by at most one of `seps`, 1 to `max` characters,
/// validated by `new`.
fn separated<T: core::fmt::Debug + 'static>(
    seps: &'static [char],
    max: usize,
    new: fn(String) -> Result<T, TextError>,
) -> BoxedStrategy<T> {
    let alnum = prop_oneof![
        proptest::char::range('a', 'z'),
        proptest::char::range('A', 'Z'),
        proptest::char::range('0', '9'),
    ];
    let parts = prop_oneof![1 => 1..=2usize, 1 => max / 2..=max];
    parts
        .prop_flat_map(move |n| vec((alnum.clone(), option::weighted(0.3, select(seps))), n))
        .prop_filter_map("outside the rule", move |parts| {
            let mut s: String = parts
                .into_iter()
                .flat_map(|(c, sep)| core::iter::once(c).chain(sep))
                .collect();
            // Cut to the limit: whatever ends it, a letter, digit or one separator, is valid.
            s.truncate(max);
            new(s).ok()
        })
        .boxed()
}

/// A non-empty string: realistic lengths, not the model's unbounded one.
const NON_EMPTY_MAX: usize = 100;

arbitrary!(
    LexV2NonEmptyString,
    lex_v2_text(NON_EMPTY_MAX, LexV2NonEmptyString::new)
);
arbitrary!(LexV2Text, lex_v2_text(LexV2Text::MAX_CHARS, LexV2Text::new));
arbitrary!(
    LexV2AttachmentTitle,
    lex_v2_text(LexV2AttachmentTitle::MAX_CHARS, LexV2AttachmentTitle::new)
);
arbitrary!(
    LexV2AttachmentUrl,
    lex_v2_text(LexV2AttachmentUrl::MAX_CHARS, LexV2AttachmentUrl::new)
);
arbitrary!(
    LexV2ButtonText,
    lex_v2_text(LexV2ButtonText::MAX_CHARS, LexV2ButtonText::new)
);
arbitrary!(
    LexV2ButtonValue,
    lex_v2_text(LexV2ButtonValue::MAX_CHARS, LexV2ButtonValue::new)
);
arbitrary!(
    LexV2ParameterName,
    lex_v2_text(LexV2ParameterName::MAX_CHARS, LexV2ParameterName::new)
);
arbitrary!(
    LexV2RuntimeHintPhrase,
    lex_v2_text(
        LexV2RuntimeHintPhrase::MAX_CHARS,
        LexV2RuntimeHintPhrase::new
    )
);
arbitrary!(
    LexV2ActiveContextName,
    separated(
        &['_'],
        LexV2ActiveContextName::MAX_CHARS,
        LexV2ActiveContextName::new
    )
);
arbitrary!(
    LexV2RuntimeHintName,
    separated(
        &['_', '-'],
        LexV2RuntimeHintName::MAX_CHARS,
        LexV2RuntimeHintName::new
    )
);
arbitrary!(
    LexV2GetSessionRequest,
    (
        any::<LexV2BotId>(),
        any::<LexV2BotAliasId>(),
        any::<LexV2LocaleId>(),
        any::<LexV2SessionId>()
    )
        .prop_map(|(bot, alias, locale, session)| {
            LexV2GetSessionRequest::new(bot, alias, locale, session)
        })
        .boxed()
);

#[cfg(feature = "serde")]
mod lex_v2 {
    //! The Lex V2 session values, which come with `serde`.

    use alloc::collections::BTreeMap;
    use alloc::string::String;
    use alloc::vec::Vec;

    use proptest::arbitrary::Arbitrary;
    use proptest::collection::vec;
    use proptest::option;
    use proptest::prelude::*;
    use proptest::sample::select;
    use proptest::strategy::BoxedStrategy;

    use super::free_char;
    use crate::{
        LexV2ActiveContext, LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl,
        LexV2BotAliasId, LexV2BotId, LexV2Button, LexV2ButtonText, LexV2ButtonValue,
        LexV2ConfidenceScore, LexV2ConfirmationState, LexV2ContextSeconds, LexV2ContextTurns,
        LexV2DialogAction, LexV2DialogActionType, LexV2ElicitSubSlot, LexV2ImageResponseCard,
        LexV2Intent, LexV2IntentState, LexV2Interpretation, LexV2InterpretationSource,
        LexV2LocaleId, LexV2Message, LexV2MessageContentType, LexV2NonEmptyString,
        LexV2ParameterName, LexV2PutSessionRequest, LexV2RuntimeHintDetails, LexV2RuntimeHintName,
        LexV2RuntimeHintPhrase, LexV2RuntimeHintValue, LexV2RuntimeHints, LexV2SentimentResponse,
        LexV2SentimentScore, LexV2SentimentType, LexV2Session, LexV2SessionId, LexV2SessionState,
        LexV2Slot, LexV2SlotShape, LexV2SlotValue, LexV2StyleType, LexV2Text, LexV2TimeToLive,
    };

    /// How deep the recursive values nest, beyond their first level.
    const DEPTH: u32 = 2;

    /// How many entries a list or map has: none to two mostly, up to `max` now and then, and
    /// exactly `max` as often (for the model's limits).
    fn count(max: usize) -> BoxedStrategy<usize> {
        prop_oneof![6 => 0..=max.min(2), 1 => 0..=max, 1 => Just(max)].boxed()
    }

    /// A list of up to `max` of `item`.
    fn list<T: core::fmt::Debug + 'static>(
        item: BoxedStrategy<T>,
        max: usize,
    ) -> BoxedStrategy<Vec<T>> {
        count(max)
            .prop_flat_map(move |n| vec(item.clone(), n))
            .boxed()
    }

    /// A map of up to `max` entries (fewer where a key comes twice).
    fn map<K: Ord + core::fmt::Debug + 'static, V: core::fmt::Debug + 'static>(
        key: BoxedStrategy<K>,
        value: BoxedStrategy<V>,
        max: usize,
    ) -> BoxedStrategy<BTreeMap<K, V>> {
        list((key, value).boxed(), max)
            .prop_map(|entries| entries.into_iter().collect())
            .boxed()
    }

    /// A listed value mostly, any other string now and then (which `From` makes a listed one
    /// should it be one).
    fn open<T: From<String> + Clone + core::fmt::Debug + 'static>(
        known: &'static [T],
    ) -> BoxedStrategy<T> {
        prop_oneof![
            8 => select(known),
            1 => any::<String>().prop_map(T::from),
            1 => "[A-Za-z]{1,12}".prop_map(T::from),
        ]
        .boxed()
    }

    /// An attribute's value: any string, of the characters of a free text.
    fn attribute() -> BoxedStrategy<String> {
        vec(free_char(), 0..=24).prop_map(String::from_iter).boxed()
    }

    /// A score: a multiple of 10⁻⁶ from 0 to 1, whose shortest decimal form reads back to the
    /// same `f64` whatever JSON parser reads it.
    fn score() -> BoxedStrategy<f64> {
        (0..=1_000_000u32).prop_map(|n| f64::from(n) / 1e6).boxed()
    }

    macro_rules! arbitrary {
        ($ty:ty, $strategy:expr) => {
            impl Arbitrary for $ty {
                type Parameters = ();
                type Strategy = BoxedStrategy<$ty>;

                fn arbitrary_with((): ()) -> Self::Strategy {
                    $strategy
                }
            }
        };
    }

    arbitrary!(
        LexV2DialogActionType,
        open(&[
            LexV2DialogActionType::Close,
            LexV2DialogActionType::ConfirmIntent,
            LexV2DialogActionType::Delegate,
            LexV2DialogActionType::ElicitIntent,
            LexV2DialogActionType::ElicitSlot,
            LexV2DialogActionType::None,
        ])
    );
    arbitrary!(
        LexV2StyleType,
        open(&[
            LexV2StyleType::Default,
            LexV2StyleType::SpellByLetter,
            LexV2StyleType::SpellByWord,
        ])
    );
    arbitrary!(
        LexV2IntentState,
        open(&[
            LexV2IntentState::Failed,
            LexV2IntentState::Fulfilled,
            LexV2IntentState::InProgress,
            LexV2IntentState::ReadyForFulfillment,
            LexV2IntentState::Waiting,
            LexV2IntentState::FulfillmentInProgress,
        ])
    );
    arbitrary!(
        LexV2ConfirmationState,
        open(&[
            LexV2ConfirmationState::Confirmed,
            LexV2ConfirmationState::Denied,
            LexV2ConfirmationState::None,
        ])
    );
    arbitrary!(
        LexV2SlotShape,
        open(&[
            LexV2SlotShape::Scalar,
            LexV2SlotShape::List,
            LexV2SlotShape::Composite,
        ])
    );
    arbitrary!(
        LexV2MessageContentType,
        open(&[
            LexV2MessageContentType::CustomPayload,
            LexV2MessageContentType::ImageResponseCard,
            LexV2MessageContentType::PlainText,
            LexV2MessageContentType::Ssml,
        ])
    );
    arbitrary!(
        LexV2InterpretationSource,
        open(&[
            LexV2InterpretationSource::Bedrock,
            LexV2InterpretationSource::Lex,
        ])
    );
    arbitrary!(
        LexV2SentimentType,
        open(&[
            LexV2SentimentType::Mixed,
            LexV2SentimentType::Negative,
            LexV2SentimentType::Neutral,
            LexV2SentimentType::Positive,
        ])
    );
    arbitrary!(
        LexV2ContextSeconds,
        (LexV2ContextSeconds::MIN..=LexV2ContextSeconds::MAX)
            .prop_filter_map("outside the range", |v| LexV2ContextSeconds::new(v).ok())
            .boxed()
    );
    arbitrary!(
        LexV2ContextTurns,
        (LexV2ContextTurns::MIN..=LexV2ContextTurns::MAX)
            .prop_filter_map("outside the range", |v| LexV2ContextTurns::new(v).ok())
            .boxed()
    );
    arbitrary!(
        LexV2TimeToLive,
        (any::<LexV2ContextSeconds>(), any::<LexV2ContextTurns>())
            .prop_map(|(seconds, turns)| LexV2TimeToLive::new(seconds, turns))
            .boxed()
    );
    arbitrary!(
        LexV2ActiveContext,
        (
            any::<LexV2ActiveContextName>(),
            any::<LexV2TimeToLive>(),
            map(any::<LexV2ParameterName>(), any::<LexV2Text>(), 10),
        )
            .prop_filter_map("more than the model allows", |(name, ttl, attributes)| {
                LexV2ActiveContext::new(name, ttl)
                    .with_context_attributes(attributes)
                    .ok()
            })
            .boxed()
    );
    arbitrary!(
        LexV2SlotValue,
        (
            any::<LexV2NonEmptyString>(),
            option::of(any::<LexV2NonEmptyString>()),
            list(any::<LexV2NonEmptyString>(), 3),
        )
            .prop_filter_map(
                "more than the model allows",
                |(value, original, resolved)| {
                    let mut slot_value = LexV2SlotValue::new(value);
                    if let Some(original) = original {
                        slot_value = slot_value.with_original_value(original);
                    }
                    slot_value.with_resolved_values(resolved).ok()
                }
            )
            .boxed()
    );
    arbitrary!(
        LexV2Slot,
        (
            option::of(any::<LexV2SlotValue>()),
            option::of(any::<LexV2SlotShape>())
        )
            .prop_map(|(value, shape)| slot(value, shape))
            .prop_recursive(DEPTH, 16, 3, |inner| {
                (
                    option::of(any::<LexV2SlotValue>()),
                    option::of(any::<LexV2SlotShape>()),
                    list(inner.clone(), 3),
                    map(name(), inner, 3),
                )
                    .prop_filter_map(
                        "nested too deep",
                        |(value, shape, values, subs)| {
                            slot(value, shape)
                                .with_values(values)
                                .and_then(|s| s.with_sub_slots(subs))
                                .ok()
                        },
                    )
            })
            .boxed()
    );

    /// A slot with `value` and `shape`.
    fn slot(value: Option<LexV2SlotValue>, shape: Option<LexV2SlotShape>) -> LexV2Slot {
        let mut slot = LexV2Slot::new();
        if let Some(value) = value {
            slot = slot.with_value(value);
        }
        if let Some(shape) = shape {
            slot = slot.with_shape(shape);
        }
        slot
    }

    /// A name: an intent's, slot's or attribute's.
    fn name() -> BoxedStrategy<LexV2NonEmptyString> {
        prop_oneof![
            1 => any::<LexV2NonEmptyString>(),
            3 => "[A-Za-z][A-Za-z0-9_]{0,15}"
                .prop_filter_map("empty", |s| LexV2NonEmptyString::new(s).ok()),
        ]
        .boxed()
    }

    arbitrary!(
        LexV2Intent,
        (
            name(),
            map(name(), any::<LexV2Slot>(), 3),
            option::of(any::<LexV2IntentState>()),
            option::of(any::<LexV2ConfirmationState>()),
        )
            .prop_filter_map("a key twice", |(name, slots, state, confirmation)| {
                let mut intent = LexV2Intent::new(name).with_slots(slots).ok()?;
                if let Some(state) = state {
                    intent = intent.with_state(state);
                }
                if let Some(confirmation) = confirmation {
                    intent = intent.with_confirmation_state(confirmation);
                }
                Some(intent)
            })
            .boxed()
    );
    arbitrary!(
        LexV2ElicitSubSlot,
        vec(name(), 1..=DEPTH as usize + 1)
            .prop_filter_map("nested too deep", |names| {
                let mut names = names.into_iter().rev();
                let mut sub = LexV2ElicitSubSlot::new(names.next()?);
                for name in names {
                    sub = LexV2ElicitSubSlot::new(name)
                        .with_sub_slot_to_elicit(sub)
                        .ok()?;
                }
                Some(sub)
            })
            .boxed()
    );
    arbitrary!(
        LexV2DialogAction,
        (
            any::<LexV2DialogActionType>(),
            option::of(name()),
            option::of(any::<LexV2StyleType>()),
            option::of(any::<LexV2ElicitSubSlot>()),
        )
            .prop_map(|(action, slot, style, sub)| {
                let mut action = LexV2DialogAction::new(action);
                if let Some(slot) = slot {
                    action = action.with_slot_to_elicit(slot);
                }
                if let Some(style) = style {
                    action = action.with_slot_elicitation_style(style);
                }
                if let Some(sub) = sub {
                    action = action.with_sub_slot_to_elicit(sub);
                }
                action
            })
            .boxed()
    );
    arbitrary!(
        LexV2RuntimeHintValue,
        any::<LexV2RuntimeHintPhrase>()
            .prop_map(LexV2RuntimeHintValue::new)
            .boxed()
    );
    arbitrary!(
        LexV2RuntimeHintDetails,
        list(any::<LexV2RuntimeHintValue>(), 100)
            .prop_filter_map("fewer than the model allows", |values| {
                LexV2RuntimeHintDetails::new()
                    .with_runtime_hint_values(values)
                    .ok()
            })
            .prop_recursive(DEPTH, 8, 2, |inner| {
                (
                    list(any::<LexV2RuntimeHintValue>(), 100),
                    map(any::<LexV2RuntimeHintName>(), inner, 2),
                )
                    .prop_filter_map("nested too deep", |(values, subs)| {
                        LexV2RuntimeHintDetails::new()
                            .with_runtime_hint_values(values)
                            .and_then(|d| d.with_sub_slot_hints(subs))
                            .ok()
                    })
            })
            .boxed()
    );
    arbitrary!(
        LexV2RuntimeHints,
        map(
            any::<LexV2RuntimeHintName>(),
            map(
                any::<LexV2RuntimeHintName>(),
                any::<LexV2RuntimeHintDetails>(),
                2
            ),
            2
        )
        .prop_filter_map("a key twice", |hints| {
            LexV2RuntimeHints::new().with_slot_hints(hints).ok()
        })
        .boxed()
    );
    arbitrary!(
        LexV2SessionState,
        (
            option::of(any::<LexV2DialogAction>()),
            option::of(any::<LexV2Intent>()),
            list(any::<LexV2ActiveContext>(), 20),
            map(name(), attribute(), 4),
            option::of(any::<LexV2NonEmptyString>()),
            option::of(any::<LexV2RuntimeHints>()),
        )
            .prop_filter_map(
                "more than the model allows",
                |(action, intent, contexts, attributes, origin, hints)| {
                    let mut state = LexV2SessionState::new()
                        .with_active_contexts(contexts)
                        .ok()?
                        .with_session_attributes(attributes)
                        .ok()?;
                    if let Some(action) = action {
                        state = state.with_dialog_action(action);
                    }
                    if let Some(intent) = intent {
                        state = state.with_intent(intent);
                    }
                    if let Some(origin) = origin {
                        state = state.with_originating_request_id(origin);
                    }
                    if let Some(hints) = hints {
                        state = state.with_runtime_hints(hints);
                    }
                    Some(state)
                },
            )
            .boxed()
    );
    arbitrary!(
        LexV2Button,
        (any::<LexV2ButtonText>(), any::<LexV2ButtonValue>())
            .prop_map(|(text, value)| LexV2Button::new(text, value))
            .boxed()
    );
    arbitrary!(
        LexV2ImageResponseCard,
        (
            any::<LexV2AttachmentTitle>(),
            option::of(any::<LexV2AttachmentTitle>()),
            option::of(any::<LexV2AttachmentUrl>()),
            list(any::<LexV2Button>(), 5),
        )
            .prop_filter_map(
                "more than the model allows",
                |(title, subtitle, url, buttons)| {
                    let mut card = LexV2ImageResponseCard::new(title);
                    if let Some(subtitle) = subtitle {
                        card = card.with_subtitle(subtitle);
                    }
                    if let Some(url) = url {
                        card = card.with_image_url(url);
                    }
                    card.with_buttons(buttons).ok()
                }
            )
            .boxed()
    );
    arbitrary!(
        LexV2Message,
        (
            any::<LexV2MessageContentType>(),
            option::of(any::<LexV2Text>()),
            option::of(any::<LexV2ImageResponseCard>()),
        )
            .prop_map(|(content_type, content, card)| {
                let mut message = LexV2Message::new(content_type);
                if let Some(content) = content {
                    message = message.with_content(content);
                }
                if let Some(card) = card {
                    message = message.with_image_response_card(card);
                }
                message
            })
            .boxed()
    );
    arbitrary!(
        LexV2ConfidenceScore,
        option::of(score())
            .prop_map(|score| {
                let confidence = LexV2ConfidenceScore::new();
                match score {
                    Some(score) => confidence.with_score(score),
                    None => confidence,
                }
            })
            .boxed()
    );
    arbitrary!(
        LexV2SentimentScore,
        (
            option::of(score()),
            option::of(score()),
            option::of(score()),
            option::of(score()),
        )
            .prop_map(|(positive, negative, neutral, mixed)| {
                let mut scores = LexV2SentimentScore::new();
                if let Some(v) = positive {
                    scores = scores.with_positive(v);
                }
                if let Some(v) = negative {
                    scores = scores.with_negative(v);
                }
                if let Some(v) = neutral {
                    scores = scores.with_neutral(v);
                }
                if let Some(v) = mixed {
                    scores = scores.with_mixed(v);
                }
                scores
            })
            .boxed()
    );
    arbitrary!(
        LexV2SentimentResponse,
        (
            option::of(any::<LexV2SentimentType>()),
            option::of(any::<LexV2SentimentScore>()),
        )
            .prop_map(|(sentiment, score)| {
                let mut response = LexV2SentimentResponse::new();
                if let Some(sentiment) = sentiment {
                    response = response.with_sentiment(sentiment);
                }
                if let Some(score) = score {
                    response = response.with_sentiment_score(score);
                }
                response
            })
            .boxed()
    );
    arbitrary!(
        LexV2Interpretation,
        (
            option::of(any::<LexV2ConfidenceScore>()),
            option::of(any::<LexV2SentimentResponse>()),
            option::of(any::<LexV2Intent>()),
            option::of(any::<LexV2InterpretationSource>()),
        )
            .prop_map(|(confidence, sentiment, intent, source)| {
                let mut interpretation = LexV2Interpretation::new();
                if let Some(confidence) = confidence {
                    interpretation = interpretation.with_nlu_confidence(confidence);
                }
                if let Some(sentiment) = sentiment {
                    interpretation = interpretation.with_sentiment_response(sentiment);
                }
                if let Some(intent) = intent {
                    interpretation = interpretation.with_intent(intent);
                }
                if let Some(source) = source {
                    interpretation = interpretation.with_interpretation_source(source);
                }
                interpretation
            })
            .boxed()
    );
    arbitrary!(
        LexV2Session,
        (
            option::of(any::<LexV2NonEmptyString>()),
            list(any::<LexV2Message>(), 10),
            list(any::<LexV2Interpretation>(), 5),
            option::of(any::<LexV2SessionState>()),
        )
            .prop_filter_map(
                "more than the model allows",
                |(id, messages, interpretations, state)| {
                    let mut session = LexV2Session::new()
                        .with_messages(messages)
                        .ok()?
                        .with_interpretations(interpretations)
                        .ok()?;
                    if let Some(id) = id {
                        session = session.with_session_id(id);
                    }
                    if let Some(state) = state {
                        session = session.with_session_state(state);
                    }
                    Some(session)
                }
            )
            .boxed()
    );

    /// A `ResponseContentType`: a documented one, or any valid header value (visible ASCII,
    /// inner spaces).
    fn response_content_type() -> BoxedStrategy<LexV2NonEmptyString> {
        const DOCUMENTED: &[&str] = &[
            "text/plain; charset=utf-8",
            "audio/*",
            "audio/mpeg",
            "audio/ogg",
            "audio/pcm",
            "audio/x-cbr-opus-with-preamble; preamble-size=0; bit-rate=256000; \
             frame-size-milliseconds=4",
        ];
        prop_oneof![
            select(DOCUMENTED).prop_map(String::from),
            "[!-~]([ -~]{0,40}[!-~])?",
        ]
        .prop_filter_map("empty", |s| LexV2NonEmptyString::new(s).ok())
        .boxed()
    }

    arbitrary!(
        LexV2PutSessionRequest,
        (
            (
                any::<LexV2BotId>(),
                any::<LexV2BotAliasId>(),
                any::<LexV2LocaleId>(),
                any::<LexV2SessionId>(),
            ),
            any::<LexV2SessionState>(),
            list(any::<LexV2Message>(), 10),
            map(name(), attribute(), 4),
            option::of(response_content_type()),
        )
            .prop_filter_map(
                "more than the model allows",
                |((bot, alias, locale, session), state, messages, attributes, content_type)| {
                    let mut request =
                        LexV2PutSessionRequest::new(bot, alias, locale, session, state)
                            .with_messages(messages)
                            .ok()?
                            .with_request_attributes(attributes)
                            .ok()?;
                    if let Some(content_type) = content_type {
                        request = request.with_response_content_type(content_type);
                    }
                    Some(request)
                }
            )
            .boxed()
    );
}
