//! The server side: rendering each response against `serde_json::to_vec` of a plain derived
//! struct with the same body fields, in one run, and what the mock costs per request.

mod common;

#[path = "common/samples.rs"]
mod samples;

use std::hint::black_box;

use botsession::{
    AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError, AilySessionId,
    LexDeleteSessionResponse, LexErrorKind, LexServiceError, LexV2DeleteSessionResponse,
    LexV2ErrorKind, LexV2ServiceError, MockService,
};
use criterion::{criterion_group, criterion_main, Criterion};
use serde::Serialize;

use samples::{lex_request, lex_v2_request, LEX_PATH};

#[derive(Serialize)]
struct AilyEnvelope<'a> {
    code: i64,
    msg: &'a str,
    data: Empty,
}

#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
struct AilyErrorEnvelope<'a> {
    code: i64,
    msg: &'a str,
    error: AilyErrorDetail<'a>,
}

#[derive(Serialize)]
struct AilyErrorDetail<'a> {
    log_id: &'a str,
    troubleshooter: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LexOk<'a> {
    bot_alias: &'a str,
    bot_name: &'a str,
    session_id: &'a str,
    user_id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LexV2Ok<'a> {
    bot_id: &'a str,
    bot_alias_id: &'a str,
    locale_id: &'a str,
    session_id: &'a str,
}

#[derive(Serialize)]
struct LexError<'a> {
    message: &'a str,
}

const LOG_ID: &str = "20241123abc";
const TROUBLESHOOTER: &str = "https://open.feishu.cn/search?log_id=20241123abc";
const SESSION: &str = "2024-11-23T07:00:00.000Z-abc";
const CONFLICT: &str = "Two clients are using the same AWS account, Amazon Lex bot, and user ID.";

const THROTTLED: &str = "Rate exceeded";

fn render(c: &mut Criterion) {
    let ok = AilyDeleteSessionResponse::new().with_request_id(LOG_ID);
    let mut g = c.benchmark_group("aily_success_render");
    g.bench_function("botsession_render", |b| b.iter(|| black_box(&ok).render()));
    g.bench_function("serde_json_to_vec", |b| {
        b.iter(|| {
            serde_json::to_vec(black_box(&AilyEnvelope {
                code: 0,
                msg: "success",
                data: Empty {},
            }))
        })
    });
    g.finish();

    let err = AilyServiceError::new(AilyErrorKind::ParamInvalid)
        .with_request_id(LOG_ID)
        .with_troubleshooter(TROUBLESHOOTER);
    let mut g = c.benchmark_group("aily_error_render");
    g.bench_function("botsession_render", |b| b.iter(|| black_box(&err).render()));
    g.bench_function("serde_json_to_vec", |b| {
        b.iter(|| {
            serde_json::to_vec(black_box(&AilyErrorEnvelope {
                code: 2700001,
                msg: "param is invalid",
                error: AilyErrorDetail {
                    log_id: LOG_ID,
                    troubleshooter: TROUBLESHOOTER,
                },
            }))
        })
    });
    g.finish();

    let request = lex_request();
    let ok = LexDeleteSessionResponse::new(&request, SESSION).with_request_id(LOG_ID);
    let mut g = c.benchmark_group("lex_success_render");
    g.bench_function("botsession_render", |b| b.iter(|| black_box(&ok).render()));
    g.bench_function("serde_json_to_vec", |b| {
        b.iter(|| {
            serde_json::to_vec(black_box(&LexOk {
                bot_alias: "$LATEST",
                bot_name: "OrderFlowers",
                session_id: SESSION,
                user_id: "user:6f1c2d4e-9b8a",
            }))
        })
    });
    g.finish();

    let err = LexServiceError::new(LexErrorKind::Conflict)
        .with_message(CONFLICT)
        .with_request_id(LOG_ID);
    let mut g = c.benchmark_group("lex_error_render");
    g.bench_function("botsession_render", |b| b.iter(|| black_box(&err).render()));
    g.bench_function("serde_json_to_vec", |b| {
        b.iter(|| serde_json::to_vec(black_box(&LexError { message: CONFLICT })))
    });
    g.finish();

    let ok = LexV2DeleteSessionResponse::new(&lex_v2_request()).with_request_id(LOG_ID);
    let mut g = c.benchmark_group("lex_v2_success_render");
    g.bench_function("botsession_render", |b| b.iter(|| black_box(&ok).render()));
    g.bench_function("serde_json_to_vec", |b| {
        b.iter(|| {
            serde_json::to_vec(black_box(&LexV2Ok {
                bot_id: "ABCDE12345",
                bot_alias_id: "TSTALIASID",
                locale_id: "es_419",
                session_id: "user:6f1c2d4e-9b8a",
            }))
        })
    });
    g.finish();

    let err = LexV2ServiceError::new(LexV2ErrorKind::Throttling)
        .with_message(THROTTLED)
        .with_request_id(LOG_ID);
    let mut g = c.benchmark_group("lex_v2_error_render");
    g.bench_function("botsession_render", |b| b.iter(|| black_box(&err).render()));
    g.bench_function("serde_json_to_vec", |b| {
        b.iter(|| serde_json::to_vec(black_box(&LexError { message: THROTTLED })))
    });
    g.finish();
}

fn mock(c: &mut Criterion) {
    let auth = [("Authorization", "Bearer t-g1044qeGEDXTB6NDJOGV4JQX")];
    let none: [(&str, &str); 0] = [];
    let aily = "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m";
    let lex = LEX_PATH;
    let mut g = c.benchmark_group("mock_handle");
    let mut mock = MockService::new();
    g.bench_function("aily_delete", |b| {
        b.iter(|| {
            mock.insert_aily_session(AilySessionId::from_static("session_4dfunz7sp1g8m"));
            mock.handle("DELETE", black_box(aily), &auth, b"")
        })
    });
    g.bench_function("lex_delete", |b| {
        b.iter(|| {
            mock.insert_lex_session(lex_request(), SESSION);
            mock.handle("DELETE", black_box(lex), &none, b"")
        })
    });
    let lex_v2 = lex_v2_request().path();
    g.bench_function("lex_v2_delete", |b| {
        b.iter(|| {
            mock.insert_lex_v2_session(lex_v2_request());
            mock.handle("DELETE", black_box(&lex_v2), &none, b"")
        })
    });
    g.bench_function("lex_bad_label", |b| {
        b.iter(|| {
            mock.handle(
                "DELETE",
                black_box("/bot/Order/alias/prod/user/%2e%2e/session"),
                &none,
                b"",
            )
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = render, mock
}
criterion_main!(benches);
