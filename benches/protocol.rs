//! Routing, rendering and response classification against what a user would write by hand, in
//! one run: each group holds `botsession` and its naive baseline on the same input.

mod common;

#[path = "common/samples.rs"]
mod samples;

use std::hint::black_box;

use botsession::{
    AilyDeleteSessionResponse, LexDeleteSessionRequest, LexDeleteSessionResponse,
    LexV2DeleteSessionRequest, LexV2DeleteSessionResponse,
};
use criterion::{criterion_group, criterion_main, Criterion};

use samples::*;

fn route(c: &mut Criterion) {
    let mut g = c.benchmark_group("lex_route_parse");
    g.bench_function("botsession_from_route", |b| {
        b.iter(|| LexDeleteSessionRequest::from_route(black_box("DELETE"), black_box(LEX_PATH)))
    });
    // The floor: find the three labels, check nothing, decode nothing.
    g.bench_function("split_no_validation", |b| {
        b.iter(|| {
            let path = black_box(LEX_PATH);
            let s: Vec<&str> = path.split('/').collect();
            (s.len() == 8 && s[1] == "bot" && s[3] == "alias" && s[5] == "user")
                .then(|| (s[2].to_owned(), s[4].to_owned(), s[6].to_owned()))
        })
    });
    g.finish();
}

fn route_v2(c: &mut Criterion) {
    let mut g = c.benchmark_group("lex_v2_route_parse");
    g.bench_function("botsession_from_route", |b| {
        b.iter(|| {
            LexV2DeleteSessionRequest::from_route(black_box("DELETE"), black_box(LEX_V2_PATH))
        })
    });
    // The floor: find the four labels, check nothing, decode nothing.
    g.bench_function("split_no_validation", |b| {
        b.iter(|| {
            let path = black_box(LEX_V2_PATH);
            let s: Vec<&str> = path.split('/').collect();
            (s.len() == 9
                && s[1] == "bots"
                && s[3] == "botAliases"
                && s[5] == "botLocales"
                && s[7] == "sessions")
                .then(|| {
                    (
                        s[2].to_owned(),
                        s[4].to_owned(),
                        s[6].to_owned(),
                        s[8].to_owned(),
                    )
                })
        })
    });
    g.finish();
}

fn render(c: &mut Criterion) {
    let request = lex_request();
    let mut g = c.benchmark_group("lex_path_render");
    g.bench_function("botsession_path", |b| b.iter(|| black_box(&request).path()));
    // What a hand-written client does, and gets wrong: no encoding of `$` or `:`.
    g.bench_function("format_no_encoding", |b| {
        b.iter(|| {
            let r = black_box(&request);
            format!(
                "/bot/{}/alias/{}/user/{}/session",
                r.bot_name(),
                r.bot_alias(),
                r.user_id()
            )
        })
    });
    g.finish();
}

const AILY_OK: &[u8] = br#"{"code":0,"msg":"success","data":{}}"#;
const AILY_ERR: &[u8] = br#"{"code":2700001,"msg":"param is invalid","error":{"log_id":"20241123abc","troubleshooter":"https://open.feishu.cn/search?log_id=20241123abc"}}"#;
const LEX_OK: &[u8] = br#"{"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-11-23T07:00:00.000Z-abc","userId":"user:6f1c2d4e-9b8a"}"#;
const LEX_ERR: &[u8] =
    br#"{"message":"Two clients are using the same AWS account, Amazon Lex bot, and user ID."}"#;

/// The naive Aily classification: a `Value` parse and a look at `code`.
fn naive_aily(body: &[u8]) -> Option<(i64, String)> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    Some((v.get("code")?.as_i64()?, v.get("msg")?.as_str()?.to_owned()))
}

fn responses(c: &mut Criterion) {
    let headers: [(&str, &str); 1] = [("X-Tt-Logid", "20241123abc")];
    let user_re = regex::Regex::new("^[0-9a-zA-Z._:-]{2,100}$").unwrap();

    for (name, body) in [("aily_success", AILY_OK), ("aily_error", AILY_ERR)] {
        let mut g = c.benchmark_group(name);
        g.bench_function("botsession_from_http", |b| {
            b.iter(|| AilyDeleteSessionResponse::from_http(200, &headers, black_box(body)))
        });
        g.bench_function("serde_json_value", |b| {
            b.iter(|| naive_aily(black_box(body)))
        });
        g.finish();
    }

    let mut g = c.benchmark_group("lex_success");
    g.bench_function("botsession_from_http", |b| {
        b.iter(|| LexDeleteSessionResponse::from_http(200, &headers, black_box(LEX_OK)))
    });
    g.bench_function("serde_json_value_and_regex", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_slice(black_box(LEX_OK)).ok()?;
            let user = v.get("userId")?.as_str()?;
            user_re.is_match(user).then(|| user.to_owned())
        })
    });
    g.finish();

    let mut g = c.benchmark_group("lex_error");
    g.bench_function("botsession_from_http", |b| {
        b.iter(|| {
            LexDeleteSessionResponse::from_http(409, &LEX_CONFLICT_HEADERS, black_box(LEX_ERR))
        })
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_slice(black_box(LEX_ERR)).ok()?;
            let code = LEX_CONFLICT_HEADERS[0].1.split(':').next()?.to_owned();
            Some((code, v.get("message")?.as_str()?.to_owned()))
        })
    });
    g.finish();

    let mut g = c.benchmark_group("lex_v2_success");
    g.bench_function("botsession_from_http", |b| {
        b.iter(|| LexV2DeleteSessionResponse::from_http(200, &headers, black_box(LEX_V2_OK)))
    });
    // The fields kept as received, as the crate does: no rule checked on a success.
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_slice(black_box(LEX_V2_OK)).ok()?;
            let field = |k: &str| v.get(k).and_then(|f| f.as_str()).map(str::to_owned);
            Some((
                field("botId"),
                field("botAliasId"),
                field("localeId"),
                field("sessionId"),
            ))
        })
    });
    g.finish();

    let mut g = c.benchmark_group("lex_v2_error");
    g.bench_function("botsession_from_http", |b| {
        b.iter(|| {
            LexV2DeleteSessionResponse::from_http(
                429,
                &LEX_V2_THROTTLED_HEADERS,
                black_box(LEX_V2_THROTTLED),
            )
        })
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_slice(black_box(LEX_V2_THROTTLED)).ok()?;
            let code = LEX_V2_THROTTLED_HEADERS[0].1.split(':').next()?.to_owned();
            let wait: u64 = LEX_V2_THROTTLED_HEADERS[2].1.parse().ok()?;
            Some((code, v.get("message")?.as_str()?.to_owned(), wait))
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = route, route_v2, render, responses
}
criterion_main!(benches);
