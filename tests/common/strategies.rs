//! Proptest strategies the wire, rejection and mock suites share. Not part of `common/mod.rs`
//! (the fuzz targets include that one and have no proptest): each suite includes this file by
//! path.
#![allow(dead_code)]

use botsession::{AilySessionId, LexDeleteSessionRequest, LexV2DeleteSessionRequest};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;

/// The case count of a property: `default`, unless `PROPTEST_CASES` asks for another number.
pub fn config(default: u32) -> Config {
    Config {
        cases: super::common::cases(default),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text a server or a caller may put in any string field: any `char` (controls included), and
/// runs heavy on what JSON must escape, what a header cannot carry, and multi-byte characters.
pub fn text() -> impl Strategy<Value = String> {
    let special = select(vec![
        '"', '\\', '\0', '\n', '\r', '\t', '\u{8}', '\u{c}', '\u{1f}', '\u{7f}', ' ', 'é', '中',
        '🦀', '\u{2028}', '\u{3000}', '#', ',', ':', '{', '[', 'a', 'Z', '0',
    ]);
    prop_oneof![
        vec(any::<char>(), 0..24).prop_map(String::from_iter),
        vec(special, 0..24).prop_map(String::from_iter),
        any::<String>(),
    ]
}

/// A value that survives a header unchanged: visible ASCII with inner spaces, no space at
/// either end, not empty.
pub fn header_safe() -> impl Strategy<Value = String> {
    "[!-~]([ -~]{0,30}[!-~])?"
}

/// A value no header can carry as it is: empty, blank, spaces at an end, a control byte,
/// non-ASCII.
pub fn header_unsafe() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_owned()),
        Just(" x".to_owned()),
        Just("x ".to_owned()),
        Just("é".to_owned()),
        Just("a\tb".to_owned()),
        Just("a\nb".to_owned()),
        Just("\u{7f}".to_owned()),
        "[a-z]{0,4}[\u{0}-\u{1f}\u{7f}-\u{10ffff}][a-z]{0,4}",
    ]
}

/// Valid Aily session ids.
pub fn aily_session_ids() -> impl Strategy<Value = AilySessionId> {
    "session_[0-9a-hjkmnp-z]{1,24}".prop_map(|s| s.parse().expect("valid by construction"))
}

/// Valid Lex requests: the crate's own strategy where the `proptest` feature is on.
#[cfg(feature = "proptest")]
pub fn lex_requests() -> impl Strategy<Value = LexDeleteSessionRequest> {
    any::<LexDeleteSessionRequest>()
}

/// Valid Lex requests, from simple patterns (every alias and user-id character class covered).
#[cfg(not(feature = "proptest"))]
pub fn lex_requests() -> impl Strategy<Value = LexDeleteSessionRequest> {
    let aliases = prop_oneof![Just("$LATEST".to_owned()), "([A-Za-z]_?){1,10}"];
    ("([A-Za-z]_?){2,10}", aliases, "[0-9a-zA-Z._:-]{2,20}").prop_filter_map(
        "outside the rules",
        |(name, alias, user)| {
            Some(LexDeleteSessionRequest::new(
                name.parse().ok()?,
                alias.parse().ok()?,
                user.parse().ok()?,
            ))
        },
    )
}

/// Valid Lex V2 requests: the crate's own strategy where the `proptest` feature is on.
#[cfg(feature = "proptest")]
pub fn lex_v2_requests() -> impl Strategy<Value = LexV2DeleteSessionRequest> {
    any::<LexV2DeleteSessionRequest>()
}

/// Valid Lex V2 requests, from simple patterns (every class of every label covered, any locale
/// shape the rule takes, not only the documented ones).
#[cfg(not(feature = "proptest"))]
pub fn lex_v2_requests() -> impl Strategy<Value = LexV2DeleteSessionRequest> {
    let aliases = prop_oneof![Just("TSTALIASID".to_owned()), "[0-9a-zA-Z]{10}"];
    let locales = prop_oneof![
        "[a-z]{2}_[A-Z]{2}",
        "[a-z]{2}_[0-9]{3}",
        "([0-9a-zA-Z]_?){5,6}"
    ];
    ("[0-9a-zA-Z]{10}", aliases, locales, "[0-9a-zA-Z._:-]{2,20}").prop_filter_map(
        "outside the rules",
        |(bot, alias, locale, session)| {
            Some(LexV2DeleteSessionRequest::new(
                bot.parse().ok()?,
                alias.parse().ok()?,
                locale.parse().ok()?,
                session.parse().ok()?,
            ))
        },
    )
}

/// Request methods: the ones the routes know, wrong-case ones, and any short word.
pub fn methods() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(vec!["DELETE", "GET", "PUT", "POST", "PATCH", "delete", ""])
            .prop_map(str::to_owned),
        1 => "[A-Za-z]{0,8}",
    ]
}

/// Strings built from the pieces both APIs' paths are made of, with a prefix of either API (or
/// neither) most of the time, so that every `RouteError` comes up.
pub fn pathish() -> impl Strategy<Value = String> {
    let prefix = select(vec![
        "/open-apis/aily/v1/sessions/",
        "/open-apis/",
        "/bot/",
        "/bot/Order/alias/prod/user/",
        "/bots/",
        "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/",
        "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/",
        "",
        "/",
    ]);
    let piece = select(vec![
        "/",
        "bot",
        "alias",
        "user",
        "session",
        "bots",
        "botAliases",
        "botLocales",
        "ABCDE12345",
        "TSTALIASID",
        "en_US",
        "es_419",
        "text",
        "utterance",
        "conversation",
        "open-apis",
        "aily",
        "v1",
        "sessions",
        "session_4dfunz7sp1g8m",
        "session_",
        "session_I",
        "Order",
        "prod",
        "$LATEST",
        "%24LATEST",
        "%",
        "%2",
        "%zz",
        "%FF",
        "%2F",
        "%2e%2e",
        "..",
        "?",
        "?x=1",
        "user:42",
        "ab",
        "é",
        " ",
        "a",
    ]);
    let tail = prop_oneof![
        4 => vec(piece, 0..12).prop_map(|p| p.concat()),
        1 => any::<String>(),
    ];
    (prefix, tail).prop_map(|(prefix, tail)| format!("{prefix}{tail}"))
}
