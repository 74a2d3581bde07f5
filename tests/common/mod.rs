//! Helpers the integration tests share (each test crate uses only some of them). The fuzz
//! targets include this module by path too, so it needs nothing beyond `botsession`,
//! `regex_lite` and `std`.
#![allow(dead_code)]

pub mod fixtures;
pub mod spec;

use std::borrow::Borrow;
use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::str::FromStr;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, IdError, IdKind,
    LexBotAlias, LexBotName, LexRegion, LexUserId, LexV2BotAliasId, LexV2BotId, LexV2LocaleId,
    LexV2SessionId,
};

/// What the suites need from every identifier type, secret or not. `Debug` is fine for the
/// secrets too: theirs is redacted.
pub trait Ident:
    FromStr<Err = IdError>
    + TryFrom<String, Error = IdError>
    + for<'a> TryFrom<&'a str, Error = IdError>
    + Clone
    + PartialEq
    + Debug
{
    const KIND: IdKind;
    /// The type's name, as `Debug` and the `from_static` panics spell it.
    const NAME: &'static str;
    /// The stored value: `as_str`, or the raw secret for the secret types.
    fn text(&self) -> &str;
    /// The type's own `is_valid`.
    fn is_valid(s: &str) -> bool;
}

/// The extras of the non-secret identifiers: the `str`-compatible surface.
pub trait PublicIdent: Ident + Display + AsRef<str> + Borrow<str> + Hash + Eq + Ord {
    /// The type's own `into_string`.
    fn into_string(self) -> String;
    /// `self == s` through all four `str` impls (`T == str`, `T == &str`, `str == T`,
    /// `&str == T`), asserting they agree, and returns the answer.
    fn eq_str(&self, s: &str) -> bool;
}

/// Something to run once per identifier type (a closure cannot be generic).
pub trait ForEachIdent {
    fn run<T: Ident>(&mut self);
    /// What runs for a non-secret type: by default the same as for any other.
    fn run_public<T: PublicIdent>(&mut self) {
        self.run::<T>();
    }
}

/// Runs `f` for every identifier type the crate exports.
pub fn for_each_ident<F: ForEachIdent>(mut f: F) -> F {
    f.run_public::<AilySessionId>();
    f.run_public::<AilyMessageId>();
    f.run_public::<AilyRunId>();
    f.run::<AilyAccessToken>();
    f.run::<AilyAuthorization>();
    f.run_public::<LexUserId>();
    f.run_public::<LexBotName>();
    f.run_public::<LexBotAlias>();
    f.run_public::<LexRegion>();
    f.run_public::<LexV2BotId>();
    f.run_public::<LexV2BotAliasId>();
    f.run_public::<LexV2LocaleId>();
    f.run_public::<LexV2SessionId>();
    f
}

/// How many identifier types [`for_each_ident`] runs.
pub fn ident_count() -> usize {
    struct Count(usize);
    impl ForEachIdent for Count {
        fn run<T: Ident>(&mut self) {
            self.0 += 1;
        }
    }
    for_each_ident(Count(0)).0
}

macro_rules! ident {
    ($($ty:ident => $text:ident $(+ $public:ident)?),* $(,)?) => {$(
        impl Ident for $ty {
            const KIND: IdKind = IdKind::$ty;
            const NAME: &'static str = stringify!($ty);
            fn text(&self) -> &str {
                self.$text()
            }
            fn is_valid(s: &str) -> bool {
                $ty::is_valid(s)
            }
        }
        $(ident!(@$public $ty);)?
    )*};
    (@public $ty:ident) => {
        impl PublicIdent for $ty {
            fn into_string(self) -> String {
                $ty::into_string(self)
            }
            fn eq_str(&self, s: &str) -> bool {
                let answers = [*self == *s, *self == s, *s == *self, s == *self];
                assert!(
                    answers.iter().all(|&a| a == answers[0]),
                    "{}: str comparisons disagree for {s:?}: {answers:?}",
                    stringify!($ty),
                );
                answers[0]
            }
        }
    };
}

ident!(
    AilySessionId => as_str + public,
    AilyMessageId => as_str + public,
    AilyRunId => as_str + public,
    LexUserId => as_str + public,
    LexBotName => as_str + public,
    LexBotAlias => as_str + public,
    LexRegion => as_str + public,
    LexV2BotId => as_str + public,
    LexV2BotAliasId => as_str + public,
    LexV2LocaleId => as_str + public,
    LexV2SessionId => as_str + public,
    AilyAccessToken => expose_secret,
    AilyAuthorization => expose_header_value,
);

/// Asserts that no 4-byte window of `secret` occurs in `text`, so no longer substring does.
#[track_caller]
pub fn assert_no_secret_window(text: &str, secret: &str) {
    for window in secret.as_bytes().windows(4) {
        assert!(
            !text.as_bytes().windows(4).any(|w| w == window),
            "{text:?} leaks {:?} of the secret",
            String::from_utf8_lossy(window)
        );
    }
}

/// `pattern` compiled, or a panic that names it.
pub fn re(pattern: &str) -> regex_lite::Regex {
    regex_lite::Regex::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

/// How many cases a property runs: `default`, unless `PROPTEST_CASES` asks for another number
/// (for a longer sweep; proptest's other variables, such as `PROPTEST_RNG_SEED`, work as usual).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// A small deterministic generator (SplitMix64), so that a whole value derives from one
/// shrinkable seed: the same seed gives the same sequence.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A byte of the ASCII `alphabet`.
    pub fn pick(&mut self, alphabet: &str) -> char {
        char::from(alphabet.as_bytes()[self.below(alphabet.len())])
    }
}
