//! The `proptest` feature: [`Arbitrary`] for every identifier and request, so downstream crates
//! can property-test their own code with valid values.
//!
//! Every strategy builds values of the documented shape and passes them through the same
//! validator as any other input, so it can only produce valid values. Identifiers span their
//! whole length range; tokens are 1–260 bytes (a realistic range, not the 8 KiB maximum), and
//! authorization values are in the canonical `Bearer ` form.
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
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::BoxedStrategy;

use crate::id::Parse;
use crate::{
    AilyAccessToken, AilyAuthorization, AilyDeleteSessionRequest, AilyMessageId, AilyRunId,
    AilySessionId, LexBotAlias, LexBotName, LexDeleteSessionRequest, LexRegion, LexUserId,
};

const AILY: &[u8] = b"0123456789abcdefghjkmnpqrstuvwxyz";
const LEX_USER: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._:-";
const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const REGION: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-";
const B64TOKEN: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

/// `prefix` then `len` bytes drawn from `alphabet`, validated as `T`.
fn shaped<T: Parse + core::fmt::Debug>(
    prefix: &'static str,
    alphabet: &'static [u8],
    len: core::ops::RangeInclusive<usize>,
) -> BoxedStrategy<T> {
    vec(select(alphabet), len)
        .prop_filter_map("outside the rule", move |body| {
            let mut s = String::from(prefix);
            s.extend(body.into_iter().map(char::from));
            T::parse_string(s).ok()
        })
        .boxed()
}

/// `([A-Za-z]_?)+` within `len` bytes, validated as `T`.
fn lex_name<T: Parse + core::fmt::Debug>(
    len: core::ops::RangeInclusive<usize>,
) -> BoxedStrategy<T> {
    let max = *len.end();
    let min = *len.start();
    vec((select(LETTERS), any::<bool>()), min..=max)
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

arbitrary!(AilySessionId, shaped("session_", AILY, 1..=24));
arbitrary!(AilyMessageId, shaped("message_", AILY, 1..=24));
arbitrary!(AilyRunId, shaped("run_", AILY, 1..=28));
arbitrary!(LexUserId, shaped("", LEX_USER, 2..=100));
arbitrary!(LexRegion, shaped("", REGION, 1..=32));
arbitrary!(LexBotName, lex_name(2..=50));
arbitrary!(
    LexBotAlias,
    prop_oneof![1 => Just(LexBotAlias::LATEST), 9 => lex_name(1..=100)].boxed()
);
arbitrary!(
    AilyAccessToken,
    (
        select(&["t-", "a-", "u-", "eyJ", ""][..]),
        vec(select(B64TOKEN), 1..=256),
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
