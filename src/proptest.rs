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

/// Up to `max` characters of `chars`: as often at the limit or one short of it as anywhere
/// else, and empty now and then, validated by `new`.
fn text<T: core::fmt::Debug + 'static>(
    max: usize,
    chars: BoxedStrategy<char>,
    new: fn(String) -> Result<T, TextError>,
) -> BoxedStrategy<T> {
    prop_oneof![1 => Just(0), 2 => max - 1..=max, 3 => 0..=max]
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
        AilyChannelContext::MAX_CHARS,
        free_char(),
        AilyChannelContext::new
    )
);
arbitrary!(
    AilyMetadata,
    text(AilyMetadata::MAX_CHARS, free_char(), AilyMetadata::new)
);
arbitrary!(
    AilyBizUserId,
    text(
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
