//! Identifier validation against the crates a user would otherwise reach for, in one run.
//!
//! Each group holds `botsession` and its baselines on the same input, so the report reads as
//! ratios: `regex_lite` and `regex` matching the documented pattern, and for deserialization a
//! struct with a plain `String` field.

mod common;

#[path = "common/samples.rs"]
mod samples;

use std::hint::black_box;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, LexBotAlias,
    LexBotName, LexUserId, LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2SessionId,
};
use criterion::{criterion_group, criterion_main, Criterion};
use serde::Deserialize;

use samples::*;

/// One group: `ty`'s `FromStr` against the same rule in `regex-lite` and `regex` (plus the
/// rule's length bound where the pattern does not carry it). A macro rather than a generic
/// function, so that every contender is called the same direct way.
macro_rules! compare {
    ($c:expr, $group:expr, $input:expr, $pattern:expr, $ty:ty) => {
        compare!($c, $group, $input, $pattern, $ty, 0..=usize::MAX)
    };
    ($c:expr, $group:expr, $input:expr, $pattern:expr, $ty:ty, $len:expr) => {{
        let input: &str = $input;
        let len = $len;
        let lite = regex_lite::Regex::new($pattern).unwrap();
        let full = regex::Regex::new($pattern).unwrap();
        let mut g = $c.benchmark_group($group);
        g.bench_function("botsession", |b| {
            b.iter(|| black_box(input).parse::<$ty>().is_ok())
        });
        g.bench_function("regex_lite", |b| {
            b.iter(|| {
                let s = black_box(input);
                len.contains(&s.len()) && lite.is_match(s)
            })
        });
        g.bench_function("regex", |b| {
            b.iter(|| {
                let s = black_box(input);
                len.contains(&s.len()) && full.is_match(s)
            })
        });
        g.finish();
    }};
}

fn identifiers(c: &mut Criterion) {
    compare!(
        c,
        "session_id_32_valid",
        "session_4dfunz7sp1g8m4dfunz7sp1g",
        SESSION_RE,
        AilySessionId
    );
    compare!(
        c,
        "session_id_9_valid",
        "session_4",
        SESSION_RE,
        AilySessionId
    );
    compare!(
        c,
        "session_id_bad_last_byte",
        "session_4dfunz7sp1g8m4dfunz7sp1i",
        SESSION_RE,
        AilySessionId
    );
    compare!(
        c,
        "lex_user_36_valid",
        "6f1c2d4e-9b8a-4c3d-8e7f-0a1b2c3d4e5f",
        USER_RE,
        LexUserId
    );
    let user_100 = "u".repeat(100);
    compare!(c, "lex_user_100_valid", &user_100, USER_RE, LexUserId);
    compare!(
        c,
        "lex_user_with_space",
        "user:6f1c2d4e 9b8a",
        USER_RE,
        LexUserId
    );

    // The other identifiers, each on a typical valid value.
    compare!(
        c,
        "message_id_32_valid",
        "message_4dfunz7sp1g8m4dfunz7sp1g",
        MESSAGE_RE,
        AilyMessageId
    );
    compare!(
        c,
        "run_id_32_valid",
        "run_4dfunz7sp1g8m4dfunz7sp1g8m4d",
        RUN_RE,
        AilyRunId
    );
    compare!(
        c,
        "lex_bot_name_valid",
        "Order_Flowers_Bot",
        NAME_RE,
        LexBotName,
        2..=50
    );
    compare!(
        c,
        "lex_bot_alias_latest",
        "$LATEST",
        ALIAS_RE,
        LexBotAlias,
        1..=100
    );
    compare!(
        c,
        "lex_bot_alias_valid",
        "Production_Alias",
        ALIAS_RE,
        LexBotAlias,
        1..=100
    );
    let token = format!("u-{}", "7f1bcd13fc57d46bac21793a18e560".repeat(4));
    compare!(
        c,
        "aily_token_122_valid",
        &token,
        TOKEN_RE,
        AilyAccessToken,
        1..=8192
    );
    let header = format!("Bearer {token}");
    compare!(
        c,
        "aily_authorization_129_valid",
        &header,
        AUTHORIZATION_RE,
        AilyAuthorization,
        8..=8199
    );

    // Lex V2, each on its longest realistic value.
    compare!(c, "lex_v2_bot_id_valid", "ABCDE12345", V2_ID_RE, LexV2BotId);
    compare!(
        c,
        "lex_v2_bot_alias_id_test",
        "TSTALIASID",
        V2_ID_RE,
        LexV2BotAliasId
    );
    compare!(
        c,
        "lex_v2_locale_es_419",
        "es_419",
        V2_LOCALE_RE,
        LexV2LocaleId,
        5..=6
    );
    let session_100 =
        format!("user:{}", "6f1c2d4e-9b8a-4c3d-8e7f-0a1b2c3d4e5f.".repeat(3))[..100].to_owned();
    compare!(
        c,
        "lex_v2_session_100_valid",
        &session_100,
        USER_RE,
        LexV2SessionId
    );
    compare!(
        c,
        "lex_v2_locale_with_slash",
        "en/US",
        V2_LOCALE_RE,
        LexV2LocaleId,
        5..=6
    );

    // Constant time: a 1 MiB value is rejected by its length, as fast as a 33-byte one.
    let huge = format!("session_{}", "a".repeat((1 << 20) - 8));
    let just_over = format!("session_{}", "a".repeat(25));
    let mut g = c.benchmark_group("session_id_too_long");
    g.bench_function("botsession_33_bytes", |b| {
        b.iter(|| {
            black_box(just_over.as_str())
                .parse::<AilySessionId>()
                .is_ok()
        })
    });
    g.bench_function("botsession_1_mib", |b| {
        b.iter(|| black_box(huge.as_str()).parse::<AilySessionId>().is_ok())
    });
    let lite = regex_lite::Regex::new(SESSION_RE).unwrap();
    let full = regex::Regex::new(SESSION_RE).unwrap();
    g.bench_function("regex_lite_1_mib", |b| {
        b.iter(|| lite.is_match(black_box(&huge)))
    });
    g.bench_function("regex_1_mib", |b| {
        b.iter(|| full.is_match(black_box(&huge)))
    });
    g.finish();
}

#[derive(Deserialize)]
struct PlainRequest {
    #[allow(dead_code)]
    aily_session_id: String,
}

#[derive(Deserialize)]
struct TypedRequest {
    #[allow(dead_code)]
    aily_session_id: AilySessionId,
}

fn deserialize(c: &mut Criterion) {
    let json = r#"{"aily_session_id":"session_4dfunz7sp1g8m"}"#;
    let mut g = c.benchmark_group("deserialize_request");
    g.bench_function("string_field", |b| {
        b.iter(|| serde_json::from_str::<PlainRequest>(black_box(json)).unwrap())
    });
    g.bench_function("aily_session_id_field", |b| {
        b.iter(|| serde_json::from_str::<TypedRequest>(black_box(json)).unwrap())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = identifiers, deserialize
}
criterion_main!(benches);
