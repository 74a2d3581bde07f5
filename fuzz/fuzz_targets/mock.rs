//! `MockService` over arbitrary requests: whatever it is fed, the classifier of the path's API
//! reads every answer (never as malformed), a path under neither API gets a plain-text 404 or
//! 414, every status is one the mock can send, and only a request that routes succeeds.
//!
//! Input: one byte choosing the fault scripts, then requests as `fuzz_targets/common` splits
//! them (NUL-separated; a method line, a path line, `name:value` header lines, an empty line
//! and the body). Aily's create, get, update and delete all run, on the mock's sessions.
#![no_main]

mod common;

use botsession::{
    AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError, AilySessionId, Api, Operation,
    LexBotAlias, LexBotName, LexDeleteSessionRequest, LexDeleteSessionResponse, LexErrorKind,
    LexServiceError, LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest,
    LexV2DeleteSessionResponse, LexV2ErrorKind, LexV2LocaleId, LexV2ServiceError, MockService,
    ResponseError,
};
use libfuzzer_sys::fuzz_target;

/// Every status the mock can answer with: success, the rejections (400, 404, 405, 413, 414,
/// 415, 501), the not-found answers, and the statuses of the faults scripted below (Lex V2's
/// PutSession errors included: 424 and 502).
const STATUSES: [u16; 15] = [
    200, 400, 401, 403, 404, 405, 409, 413, 414, 415, 424, 429, 500, 501, 502,
];

fn seeded(faults: u8) -> MockService {
    let mut mock = MockService::new();
    mock.insert_aily_session(AilySessionId::from_static("session_4dfunz7sp1g8m"));
    mock.insert_lex_session(
        LexDeleteSessionRequest::new(
            LexBotName::from_static("OrderFlowers"),
            LexBotAlias::LATEST,
            "user:42".parse().expect("a valid user id"),
        ),
        "2024-abc",
    );
    let aily = AilyErrorKind::KNOWN[usize::from(faults) % AilyErrorKind::KNOWN.len()];
    mock.fail_next_aily(usize::from(faults >> 6), AilyServiceError::new(aily));
    let lex = &LexErrorKind::KNOWN[usize::from(faults >> 3) % LexErrorKind::KNOWN.len()];
    mock.fail_next_lex(
        usize::from((faults >> 2) & 1),
        LexServiceError::new(lex.clone()).with_message("m"),
    );
    mock.insert_lex_v2_session(LexV2DeleteSessionRequest::new(
        LexV2BotId::from_static("ABCDE12345"),
        LexV2BotAliasId::TEST,
        LexV2LocaleId::from_static("en_US"),
        "user:42".parse().expect("a valid session id"),
    ));
    let lex_v2 = &LexV2ErrorKind::KNOWN[usize::from(faults >> 1) % LexV2ErrorKind::KNOWN.len()];
    mock.fail_next_lex_v2(
        usize::from((faults >> 5) & 1),
        LexV2ServiceError::new(lex_v2.clone()).with_message("m"),
    );
    mock
}

fuzz_target!(|data: &[u8]| {
    let [faults, rest @ ..] = data else {
        return;
    };
    let mut mock = seeded(*faults);
    for (method, path, headers, body) in common::split_requests(rest) {
        let wire = mock.handle(&method, &path, &headers, body);
        assert!(
            STATUSES.contains(&wire.status()),
            "status {}",
            wire.status()
        );
        let ok = match Api::of_path(&path) {
            Some(Api::Aily) => {
                match AilyDeleteSessionResponse::from_http(
                    wire.status(),
                    wire.headers(),
                    wire.body(),
                ) {
                    Err(ResponseError::Malformed(m)) => panic!("Aily answer read as {m}"),
                    read => read.is_ok(),
                }
            }
            Some(Api::Lex) => {
                match LexDeleteSessionResponse::from_http(
                    wire.status(),
                    wire.headers(),
                    wire.body(),
                ) {
                    Err(ResponseError::Malformed(m)) => panic!("Lex answer read as {m}"),
                    read => read.is_ok(),
                }
            }
            Some(Api::LexV2) => {
                match LexV2DeleteSessionResponse::from_http(
                    wire.status(),
                    wire.headers(),
                    wire.body(),
                ) {
                    Err(ResponseError::Malformed(m)) => panic!("Lex V2 answer read as {m}"),
                    read => read.is_ok(),
                }
            }
            _ => {
                assert!(
                    matches!(wire.status(), 404 | 414),
                    "status {}",
                    wire.status()
                );
                assert_eq!(
                    wire.header("Content-Type"),
                    Some("text/plain; charset=utf-8")
                );
                false
            }
        };
        if ok {
            assert!(Operation::from_request(&method, &path, &headers, body).is_ok());
        }
    }
});
