//! Helpers the integration tests share (each test crate uses only some of them).
#![allow(dead_code)]

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, LexBotAlias,
    LexBotName, LexRegion, LexUserId,
};

/// A `Debug`-free view of a value's text, so that helpers also work for the secret types.
pub trait Text {
    fn text(&self) -> &str;
}

macro_rules! text_via {
    ($($ty:ident => $method:ident),* $(,)?) => {$(
        impl Text for $ty {
            fn text(&self) -> &str {
                self.$method()
            }
        }
    )*};
}

text_via!(
    AilySessionId => as_str,
    AilyMessageId => as_str,
    AilyRunId => as_str,
    LexUserId => as_str,
    LexBotName => as_str,
    LexBotAlias => as_str,
    LexRegion => as_str,
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

/// How many cases a property runs: `default`, unless `PROPTEST_CASES` asks for another number
/// (for a longer sweep; proptest's other variables, such as `PROPTEST_RNG_SEED`, work as usual).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}
