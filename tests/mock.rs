//! `MockService`: deletes, the not-found answers, `mock-<n>` ids, fault scripts and the order of
//! the checks, determinism, and that whatever it is fed, the classifier of the path's API reads
//! its answer (never as malformed).
#![cfg(feature = "serde")]

mod common;
#[path = "common/strategies.rs"]
mod strategies;

use botsession::{
    AilyChannelContext, AilyCreateSessionResponse, AilyDeleteSessionResponse, AilyErrorKind,
    AilyGetSessionResponse, AilyMetadata, AilyServiceError, AilySession, AilySessionId,
    AilyUpdateSessionResponse, Api, LexDeleteSessionResponse, LexErrorKind, LexServiceError,
    LexV2DeleteSessionResponse, LexV2ErrorKind, LexV2ServiceError, MockClock, MockService,
    ResponseError, WireResponse,
};
use common::fixtures::{
    lex_request, lex_v2_request, AILY_PATH, AILY_SESSION as SESSION, LEX_PATH, LEX_V2_PATH,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use strategies::{config, methods, pathish};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const LEX_SESSION: &str = "2024-abc";
const AUTH: [(&str, &str); 1] = [("Authorization", "Bearer t-g1044qeGEDXTB6NDJOGV4JQX")];
const NO_HEADERS: [(&str, &str); 0] = [];

/// A mock with one session of each API.
fn seeded() -> MockService {
    let mut mock = MockService::new();
    assert!(mock.insert_aily_session(AilySessionId::from_static(SESSION)));
    assert!(mock.insert_lex_session(lex_request(), LEX_SESSION));
    assert!(mock.insert_lex_v2_session(lex_v2_request()));
    mock
}

/// The answer read by Lex V2's classifier; malformed fails.
#[track_caller]
fn lex_v2(wire: &WireResponse) -> Result<LexV2DeleteSessionResponse, LexV2ServiceError> {
    match LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()) {
        Ok(ok) => Ok(ok),
        Err(ResponseError::Service(e)) => Err(e),
        Err(e) => panic!("Lex V2 answer read as {e:?}: {wire:?}"),
    }
}

/// The Lex V2 error code of an answer, or `""` for a success.
#[track_caller]
fn lex_v2_code(wire: &WireResponse) -> String {
    lex_v2(wire).map_or_else(|e| e.code().to_owned(), |_| String::new())
}

fn delete_lex_v2(mock: &mut MockService) -> WireResponse {
    mock.handle("DELETE", LEX_V2_PATH, &NO_HEADERS, b"")
}

/// The answer read by Aily's classifier; malformed fails.
#[track_caller]
fn aily(wire: &WireResponse) -> Result<AilyDeleteSessionResponse, AilyServiceError> {
    match AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()) {
        Ok(ok) => Ok(ok),
        Err(ResponseError::Service(e)) => Err(e),
        Err(e) => panic!("Aily answer read as {e:?}: {wire:?}"),
    }
}

/// The answer read by Lex's classifier; malformed fails.
#[track_caller]
fn lex(wire: &WireResponse) -> Result<LexDeleteSessionResponse, LexServiceError> {
    match LexDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()) {
        Ok(ok) => Ok(ok),
        Err(ResponseError::Service(e)) => Err(e),
        Err(e) => panic!("Lex answer read as {e:?}: {wire:?}"),
    }
}

/// The Aily error code of an answer, or 0 for a success.
#[track_caller]
fn aily_code(wire: &WireResponse) -> i64 {
    aily(wire).map_or_else(|e| e.code(), |_| 0)
}

/// The Lex error code of an answer, or `""` for a success.
#[track_caller]
fn lex_code(wire: &WireResponse) -> String {
    lex(wire).map_or_else(|e| e.code().to_owned(), |_| String::new())
}

fn delete_aily(mock: &mut MockService) -> WireResponse {
    mock.handle("DELETE", AILY_PATH, &AUTH, b"")
}

fn delete_lex(mock: &mut MockService) -> WireResponse {
    mock.handle("DELETE", LEX_PATH, &NO_HEADERS, b"")
}

// ---------------------------------------------------------------------------------------------
// Deletes
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_delete_then_not_found() {
    let mut mock = seeded();
    assert!(mock.has_aily_session(AilySessionId::from_static(SESSION)));
    let deleted = delete_aily(&mut mock);
    assert_eq!(deleted.status(), 200);
    assert_eq!(deleted.body(), br#"{"code":0,"msg":"success","data":{}}"#);
    assert_eq!(
        aily(&deleted),
        Ok(AilyDeleteSessionResponse::new().with_request_id("mock-1"))
    );
    assert!(!mock.has_aily_session(AilySessionId::from_static(SESSION)));

    let again = delete_aily(&mut mock);
    let e = aily(&again).unwrap_err();
    assert_eq!(
        (e.kind(), e.http_status()),
        (&AilyErrorKind::ParamInvalid, 400)
    );
    assert_eq!(e.request_id(), Some("mock-2"));
    let fields: Vec<_> = e.field_violations().iter().map(|v| v.field()).collect();
    assert_eq!(fields, [Some("aily_session_id")]);
}

#[test]
fn lex_delete_then_not_found() {
    let mut mock = seeded();
    assert!(mock.has_lex_session(&lex_request()));
    let deleted = delete_lex(&mut mock);
    assert_eq!(deleted.status(), 200);
    assert_eq!(
        deleted.body(),
        br#"{"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-abc","userId":"user:42"}"#
    );
    assert_eq!(
        lex(&deleted),
        Ok(LexDeleteSessionResponse::new(&lex_request(), LEX_SESSION).with_request_id("mock-1"))
    );
    assert!(!mock.has_lex_session(&lex_request()));

    let again = delete_lex(&mut mock);
    let e = lex(&again).unwrap_err();
    assert_eq!((e.kind(), e.http_status()), (&LexErrorKind::NotFound, 404));
    assert_eq!(e.request_id(), Some("mock-2"));
}

#[test]
fn lex_v2_delete_then_not_found() {
    let mut mock = seeded();
    assert!(mock.has_lex_v2_session(&lex_v2_request()));
    let deleted = delete_lex_v2(&mut mock);
    assert_eq!(deleted.status(), 200);
    assert_eq!(
        deleted.body(),
        br#"{"botId":"ABCDE12345","botAliasId":"TSTALIASID","localeId":"en_US","sessionId":"user:42"}"#
    );
    assert_eq!(
        lex_v2(&deleted),
        Ok(LexV2DeleteSessionResponse::new(&lex_v2_request()).with_request_id("mock-1"))
    );
    assert!(!mock.has_lex_v2_session(&lex_v2_request()));
    // The V1 session of the same user is another API's.
    assert!(mock.has_lex_session(&lex_request()));

    let again = delete_lex_v2(&mut mock);
    let e = lex_v2(&again).unwrap_err();
    assert_eq!(
        (e.kind(), e.http_status()),
        (&LexV2ErrorKind::ResourceNotFound, 404)
    );
    assert_eq!(e.code(), "ResourceNotFoundException");
    assert_eq!(
        e.message(),
        Some("No session found for the bot, alias, locale and session id.")
    );
    assert_eq!(e.request_id(), Some("mock-2"));
    assert!(!e.is_retryable());
    // Another locale of the same bot, alias and session is another session.
    let other = mock.handle(
        "DELETE",
        &LEX_V2_PATH.replace("en_US", "es_419"),
        &NO_HEADERS,
        b"",
    );
    assert_eq!(lex_v2_code(&other), "ResourceNotFoundException");
}

#[test]
fn a_fault_for_no_calls_is_no_fault() {
    let mut mock = seeded();
    mock.fail_next_aily(0, AilyServiceError::new(AilyErrorKind::Internal));
    mock.fail_next_lex(
        0,
        LexServiceError::new(LexErrorKind::Conflict).with_message("busy"),
    );
    mock.fail_next_lex_v2(
        0,
        LexV2ServiceError::new(LexV2ErrorKind::Conflict).with_message("busy"),
    );
    assert_eq!(delete_aily(&mut mock).status(), 200);
    assert_eq!(delete_lex(&mut mock).status(), 200);
    assert_eq!(delete_lex_v2(&mut mock).status(), 200);
}

#[test]
fn inserting_twice_says_so() {
    let mut mock = seeded();
    assert!(!mock.insert_aily_session(AilySessionId::from_static(SESSION)));
    assert!(!mock.insert_lex_v2_session(lex_v2_request()));
    assert!(!mock.insert_lex_session(lex_request(), "other"));
    // The second Lex insert replaced the session id.
    assert_eq!(
        lex(&delete_lex(&mut mock)).unwrap().session_id(),
        Some("other")
    );
}

#[test]
fn ids_count_every_call() {
    let mut mock = seeded();
    let answers = [
        mock.handle("GET", LEX_PATH, &NO_HEADERS, b""),
        mock.handle("DELETE", "/elsewhere", &NO_HEADERS, b""),
        mock.handle("POST", AILY_PATH, &AUTH, b""),
        delete_aily(&mut mock),
        delete_lex(&mut mock),
    ];
    let ids: Vec<_> = answers
        .iter()
        .map(|w| w.header("x-amzn-RequestId").or(w.header("X-Tt-Logid")))
        .collect();
    // A path under neither API gets no id, but counts.
    assert_eq!(
        ids,
        [
            Some("mock-1"),
            None,
            Some("mock-3"),
            Some("mock-4"),
            Some("mock-5")
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Faults and the order of the checks
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_faults_are_consumed_in_order_by_routed_authorized_calls_only() {
    let mut mock = seeded();
    mock.fail_next_aily(0, AilyServiceError::new(AilyErrorKind::Internal));
    mock.fail_next_aily(2, AilyServiceError::new(AilyErrorKind::RateLimited));
    mock.fail_next_aily(1, AilyServiceError::new(AilyErrorKind::UserTokenExpired));
    let mut codes = vec![
        aily_code(&mock.handle("POST", AILY_PATH, &AUTH, b"")),
        aily_code(&mock.handle("DELETE", AILY_PATH, &NO_HEADERS, b"")),
    ];
    // A Lex call does not consume an Aily fault.
    assert_eq!(lex_code(&delete_lex(&mut mock)), "");
    codes.extend((0..5).map(|_| aily_code(&delete_aily(&mut mock))));
    assert_eq!(
        codes,
        [99991301, 99991661, 99991400, 99991400, 99991677, 0, 2700001]
    );
}

#[test]
fn lex_faults_are_consumed_in_order_by_routed_calls_only() {
    let mut mock = seeded();
    mock.fail_next_lex(
        1,
        LexServiceError::new(LexErrorKind::Conflict).with_message("c"),
    );
    mock.fail_next_lex(
        1,
        LexServiceError::new(LexErrorKind::LimitExceeded).with_message("l"),
    );
    let mut codes = vec![
        lex_code(&mock.handle("POST", LEX_PATH, &NO_HEADERS, b"")),
        lex_code(&mock.handle(
            "DELETE",
            "/bot/OrderFlowers/alias/$x/user/ab/session",
            &NO_HEADERS,
            b"",
        )),
    ];
    // An Aily call does not consume a Lex fault.
    assert_eq!(aily_code(&delete_aily(&mut mock)), 0);
    codes.extend((0..4).map(|_| lex_code(&delete_lex(&mut mock))));
    assert_eq!(
        codes,
        [
            "UnknownOperationException",
            "BadRequestException",
            "ConflictException",
            "LimitExceededException",
            "",
            "NotFoundException",
        ]
    );
}

#[test]
fn lex_v2_faults_are_consumed_in_order_by_routed_calls_only() {
    let mut mock = seeded();
    mock.fail_next_lex_v2(
        1,
        LexV2ServiceError::new(LexV2ErrorKind::Conflict).with_message("c"),
    );
    mock.fail_next_lex_v2(
        1,
        LexV2ServiceError::new(LexV2ErrorKind::Throttling).with_message("t"),
    );
    mock.fail_next_lex(
        1,
        LexServiceError::new(LexErrorKind::Conflict).with_message("v1"),
    );
    let mut codes = vec![
        lex_v2_code(&mock.handle("PUT", LEX_V2_PATH, &NO_HEADERS, b"")),
        lex_v2_code(&mock.handle(
            "POST",
            &format!("{LEX_V2_PATH}/utterance"),
            &NO_HEADERS,
            b"",
        )),
        lex_v2_code(&mock.handle("POST", &format!("{LEX_V2_PATH}/text"), &NO_HEADERS, b"")),
        lex_v2_code(&mock.handle(
            "DELETE",
            &LEX_V2_PATH.replace("en_US", "en%2FUS"),
            &NO_HEADERS,
            b"",
        )),
    ];
    // An Aily call does not consume a V2 fault; a V2 call does not consume a V1 one.
    assert_eq!(aily_code(&delete_aily(&mut mock)), 0);
    codes.extend((0..4).map(|_| lex_v2_code(&delete_lex_v2(&mut mock))));
    assert_eq!(
        codes,
        [
            "UnknownOperationException",
            "UnknownOperationException",
            "UnknownOperationException",
            "ValidationException",
            "ConflictException",
            "ThrottlingException",
            "",
            "ResourceNotFoundException",
        ]
    );
    assert_eq!(lex_code(&delete_lex(&mut mock)), "ConflictException");
    assert_eq!(lex_code(&delete_lex(&mut mock)), "");
}

/// A V2 fault goes out as the service sends it: its status, its wait (in milliseconds where
/// it is not whole seconds), the mock's request id; the session stays.
#[test]
fn lex_v2_fault_headers() {
    let mut mock = seeded();
    mock.fail_next_lex_v2(
        1,
        LexV2ServiceError::new(LexV2ErrorKind::Throttling).with_message("slow"),
    );
    mock.fail_next_lex_v2(
        1,
        LexV2ServiceError::new(LexV2ErrorKind::Throttling)
            .with_message("slow")
            .with_retry_after_millis(Some(1500)),
    );
    mock.fail_next_lex_v2(
        1,
        LexV2ServiceError::new(LexV2ErrorKind::InternalServer).with_message("oops"),
    );
    let throttled = delete_lex_v2(&mut mock);
    assert_eq!(throttled.status(), 429);
    assert_eq!(throttled.header("Retry-After"), Some("1"));
    let e = lex_v2(&throttled).unwrap_err();
    assert_eq!(e.request_id(), Some("mock-1"));
    assert!(e.is_throttling() && e.is_retryable());
    assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(1)));
    let throttled = delete_lex_v2(&mut mock);
    assert_eq!(throttled.header("x-amz-retry-after"), Some("1500"));
    assert_eq!(throttled.header("Retry-After"), None);
    assert_eq!(
        lex_v2(&throttled).unwrap_err().retry_after(),
        Some(std::time::Duration::from_millis(1500))
    );
    let fault = delete_lex_v2(&mut mock);
    assert_eq!(fault.status(), 500);
    let e = lex_v2(&fault).unwrap_err();
    assert!(e.is_retryable() && !e.is_throttling());
    assert_eq!(e.request_id(), Some("mock-3"));
    assert_eq!(lex_v2_code(&delete_lex_v2(&mut mock)), "");
}

#[test]
fn a_fault_keeps_its_headers_and_takes_the_mocks_id() {
    let mut mock = seeded();
    mock.fail_next_aily(1, AilyServiceError::new(AilyErrorKind::RateLimited));
    mock.fail_next_lex(
        1,
        LexServiceError::new(LexErrorKind::LimitExceeded).with_message("slow"),
    );
    let throttled = delete_aily(&mut mock);
    assert_eq!(throttled.status(), 429);
    assert_eq!(throttled.header("x-ogw-ratelimit-reset"), Some("1"));
    assert_eq!(aily(&throttled).unwrap_err().request_id(), Some("mock-1"));
    let throttled = delete_lex(&mut mock);
    assert_eq!(throttled.status(), 429);
    assert_eq!(throttled.header("Retry-After"), Some("1"));
    assert_eq!(lex(&throttled).unwrap_err().request_id(), Some("mock-2"));
    // The sessions are still there.
    assert_eq!(aily_code(&delete_aily(&mut mock)), 0);
    assert_eq!(lex_code(&delete_lex(&mut mock)), "");
}

#[test]
fn aily_authorization_is_checked_before_faults() {
    let duplicated = [AUTH[0], AUTH[0]];
    let invalid = [("authorization", "Basic dXNlcg==")];
    for headers in [&[][..], &duplicated[..], &invalid[..]] {
        let mut mock = seeded();
        mock.fail_next_aily(1, AilyServiceError::new(AilyErrorKind::Internal));
        let refused = mock.handle("DELETE", AILY_PATH, headers, b"");
        assert_eq!(
            (refused.status(), aily_code(&refused)),
            (400, 99991661),
            "{headers:?}"
        );
        // The fault is still queued, and the session still there.
        assert_eq!(aily_code(&delete_aily(&mut mock)), 1500, "{headers:?}");
        assert_eq!(aily_code(&delete_aily(&mut mock)), 0, "{headers:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Aily's whole session
// ---------------------------------------------------------------------------------------------

const COLLECTION: &str = "/open-apis/aily/v1/sessions";
const JSON: (&str, &str) = ("Content-Type", "application/json; charset=utf-8");

fn aily_json() -> [(&'static str, &'static str); 2] {
    [AUTH[0], JSON]
}

#[track_caller]
fn created(wire: &WireResponse) -> AilySession {
    AilyCreateSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
        .unwrap_or_else(|e| panic!("{e}"))
        .into_session()
}

#[track_caller]
fn got(wire: &WireResponse) -> Result<AilySession, AilyServiceError> {
    match AilyGetSessionResponse::from_http(wire.status(), wire.headers(), wire.body()) {
        Ok(ok) => Ok(ok.into_session()),
        Err(ResponseError::Service(e)) => Err(e),
        Err(e) => panic!("get read as {e:?}"),
    }
}

#[track_caller]
fn updated(wire: &WireResponse) -> AilySession {
    AilyUpdateSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
        .unwrap_or_else(|e| panic!("{e}"))
        .into_session()
}

fn session_path(id: AilySessionId) -> String {
    format!("{COLLECTION}/{id}")
}

#[test]
fn aily_sessions_live_create_get_update_delete() {
    let mut mock = MockService::new().with_clock(MockClock::Stepping {
        next: 1_000,
        step: 10,
    });
    let wire = mock.handle(
        "POST",
        COLLECTION,
        &aily_json(),
        br#"{"channel_context":"{}","metadata":"m"}"#,
    );
    assert_eq!(wire.header("X-Tt-Logid"), Some("mock-1"));
    let session = created(&wire);
    assert_eq!(session.id(), "session_1");
    assert_eq!(
        (session.created_at(), session.modified_at()),
        (1_000, 1_000)
    );
    assert_eq!(
        session.channel_context().map(AilyChannelContext::as_str),
        Some("{}")
    );
    assert_eq!(session.metadata().map(AilyMetadata::as_str), Some("m"));
    let path = session_path(session.id());
    assert_eq!(
        got(&mock.handle("GET", &path, &AUTH, b"")),
        Ok(session.clone())
    );
    assert_eq!(mock.aily_session(session.id()), Some(&session));

    // A field left out is kept; one sent replaces, an empty string included.
    let wire = mock.handle("PUT", &path, &aily_json(), br#"{"metadata":""}"#);
    let after = updated(&wire);
    assert_eq!(
        after.channel_context().map(AilyChannelContext::as_str),
        Some("{}")
    );
    assert_eq!(after.metadata().map(AilyMetadata::as_str), Some(""));
    assert_eq!((after.created_at(), after.modified_at()), (1_000, 1_010));
    assert_eq!(after.created_by(), session.created_by());
    assert_eq!(
        got(&mock.handle("GET", &path, &AUTH, b"")),
        Ok(after.clone())
    );
    let again = updated(&mock.handle("PUT", &path, &aily_json(), b"{}"));
    assert_eq!(again, after.clone().with_modified_at(1_020));

    assert_eq!(aily_code(&mock.handle("DELETE", &path, &AUTH, b"")), 0);
    // Gone: get, update and delete each answer as for a session never there.
    let not_found = AilyServiceError::session_not_found();
    for (method, headers, body) in [
        ("GET", &AUTH[..], &b""[..]),
        ("PUT", &aily_json()[..], &b"{}"[..]),
        ("DELETE", &AUTH[..], &b""[..]),
    ] {
        let wire = mock.handle(method, &path, headers, body);
        let Err(ResponseError::Service(e)) =
            AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
        else {
            panic!("{method}: {wire:?}")
        };
        assert_eq!(
            (e.kind(), e.field_violations()),
            (not_found.kind(), not_found.field_violations())
        );
        assert_eq!(e.http_status(), 400);
    }
    assert!(!mock.has_aily_session(session.id()));
}

#[test]
fn minted_ids_never_repeat_nor_collide() {
    let mut mock = MockService::new();
    // Seeded where the counter will pass: skipped.
    assert!(mock.insert_aily_session(AilySessionId::from_static("session_2")));
    let mut ids = Vec::new();
    for _ in 0..40 {
        let wire = mock.handle("POST", COLLECTION, &aily_json(), b"{}");
        ids.push(created(&wire).id());
    }
    let names: Vec<&str> = ids.iter().take(4).map(|id| id.as_str()).collect();
    assert_eq!(names, ["session_1", "session_3", "session_4", "session_5"]);
    assert_eq!(ids[30].as_str(), "session_z");
    assert_eq!(ids[31].as_str(), "session_10");
    // Deleted, never minted again.
    let first = ids[0];
    mock.handle("DELETE", &session_path(first), &AUTH, b"");
    let next = created(&mock.handle("POST", COLLECTION, &aily_json(), b"{}")).id();
    assert!(!ids.contains(&next) && next != AilySessionId::from_static("session_2"));
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn created_by_follows_the_token_and_never_shows_it() {
    let mut mock = MockService::new();
    let token = |t: &'static str| [("Authorization", t), JSON];
    let a1 = created(&mock.handle("POST", COLLECTION, &token("Bearer t-aaaa"), b"{}"));
    let a2 = created(&mock.handle("POST", COLLECTION, &token("bearer t-aaaa"), b"{}"));
    let b = created(&mock.handle("POST", COLLECTION, &token("Bearer t-bbbb"), b"{}"));
    let by = a1.created_by().unwrap();
    assert_eq!(by.len(), 16);
    assert!(by.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(a1.created_by(), a2.created_by());
    assert_ne!(a1.created_by(), b.created_by());
    assert!(!by.contains("aaaa"));
    // The same user id on every run and every machine: FNV-1a of the token, 16 digits.
    let fixed = created(&mock.handle("POST", COLLECTION, &aily_json(), b"{}"));
    assert_eq!(fixed.created_by(), Some("1369138656347443"));
}

#[test]
fn every_aily_operation_takes_the_fault_script_after_the_token() {
    let mut mock = seeded();
    let path = AILY_PATH;
    mock.fail_next_aily(4, AilyServiceError::new(AilyErrorKind::Internal));
    // No token: the token's error, and no fault consumed.
    assert_eq!(
        aily_code(&mock.handle("GET", path, &NO_HEADERS, b"")),
        99991661
    );
    for (method, path, headers, body) in [
        ("POST", COLLECTION, &aily_json()[..], &b"{}"[..]),
        ("GET", path, &AUTH[..], &b""[..]),
        ("PUT", path, &aily_json()[..], &b"{}"[..]),
        ("DELETE", path, &AUTH[..], &b""[..]),
    ] {
        let wire = mock.handle(method, path, headers, body);
        assert_eq!(aily_code(&wire), AilyErrorKind::Internal.code(), "{method}");
    }
    assert!(got(&mock.handle("GET", path, &AUTH, b"")).is_ok());
}

#[test]
fn a_bad_body_is_answered_after_the_token() {
    let mut mock = seeded();
    // No token: the token's error first, whatever the body.
    let wire = mock.handle("PUT", AILY_PATH, &[JSON], b"not json");
    assert_eq!(aily_code(&wire), 99991661);
    let wire = mock.handle("POST", COLLECTION, &NO_HEADERS, b"{}");
    assert_eq!(aily_code(&wire), 99991661);
    // A token: the body's error, naming the field; the session is unchanged.
    let wire = mock.handle("PUT", AILY_PATH, &aily_json(), br#"{"metadata":7}"#);
    let e = aily(&wire).unwrap_err();
    assert_eq!((e.code(), e.http_status()), (2700001, 400));
    assert_eq!(e.field_violations()[0].field(), Some("metadata"));
    let wire = mock.handle("POST", COLLECTION, &AUTH, b"{}");
    let e = aily(&wire).unwrap_err();
    assert_eq!((e.code(), e.http_status()), (2700001, 415));
    assert_eq!(e.field_violations()[0].field(), Some("Content-Type"));
    let session = AilySessionId::from_static(SESSION);
    assert_eq!(mock.aily_session(session).unwrap().metadata(), None);
    // A route error is the route's, token or not.
    assert_eq!(
        aily_code(&mock.handle("PATCH", AILY_PATH, &NO_HEADERS, b"")),
        99991301
    );
    // HEAD is get.
    let head = mock.handle("HEAD", AILY_PATH, &AUTH, b"");
    assert!(got(&head).is_ok());
}

#[test]
fn seeded_sessions_are_kept_as_given() {
    let mut mock = MockService::new().with_clock(MockClock::Fixed(7));
    let id = AilySessionId::from_static("session_abc");
    let session = AilySession::new(id, 1)
        .with_created_by("1794840334557292")
        .with_metadata(AilyMetadata::new("元".repeat(255)).unwrap());
    assert_eq!(mock.put_aily_session(session.clone()), None);
    assert_eq!(
        got(&mock.handle("GET", &session_path(id), &AUTH, b"")),
        Ok(session.clone())
    );
    assert!(!mock.insert_aily_session(id));
    assert_eq!(mock.aily_session(id), Some(&session));
    let fresh = AilySessionId::from_static("session_new");
    assert!(mock.insert_aily_session(fresh));
    assert_eq!(mock.aily_session(fresh), Some(&AilySession::new(fresh, 7)));
    mock.set_clock(MockClock::Fixed(9));
    let after = updated(&mock.handle("PUT", &session_path(id), &aily_json(), b"{}"));
    assert_eq!(after, session.with_modified_at(9));
}

// ---------------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------------

type Call = (String, String, Vec<(String, Vec<u8>)>);

fn run(calls: &[Call]) -> Vec<WireResponse> {
    let mut mock = seeded();
    mock.fail_next_aily(1, AilyServiceError::new(AilyErrorKind::RateLimited));
    mock.fail_next_lex(
        2,
        LexServiceError::new(LexErrorKind::InternalFailure).with_message("x"),
    );
    calls
        .iter()
        .map(|(method, path, headers)| mock.handle(method, path, headers, b""))
        .collect()
}

#[test]
fn two_mocks_given_the_same_calls_answer_byte_for_byte_alike() {
    let auth = vec![(AUTH[0].0.to_owned(), AUTH[0].1.as_bytes().to_vec())];
    let call = |m: &str, p: &str, h: &[(String, Vec<u8>)]| (m.to_owned(), p.to_owned(), h.to_vec());
    let calls: Vec<Call> = vec![
        call("DELETE", AILY_PATH, &auth),
        call("DELETE", AILY_PATH, &auth),
        call("DELETE", LEX_PATH, &[]),
        call("GET", LEX_PATH, &[]),
        call("DELETE", "/nowhere", &[]),
        call("DELETE", LEX_PATH, &[]),
        call("DELETE", LEX_PATH, &[]),
        call("DELETE", AILY_PATH, &auth),
    ];
    let first = run(&calls);
    assert_eq!(first, run(&calls));
    let statuses: Vec<_> = first.iter().map(WireResponse::status).collect();
    assert_eq!(statuses, [429, 200, 500, 405, 404, 500, 200, 400]);
}

// ---------------------------------------------------------------------------------------------
// Whatever it is fed
// ---------------------------------------------------------------------------------------------

fn paths() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => select(vec![AILY_PATH, COLLECTION, "/open-apis/aily/v1/sessions/session_1", LEX_PATH, "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session/", LEX_V2_PATH])
            .prop_map(str::to_owned),
        3 => pathish(),
    ]
}

fn headers() -> impl Strategy<Value = Vec<(String, Vec<u8>)>> {
    let name = select(vec![
        "Authorization",
        "authorization",
        "AUTHORIZATION",
        "Content-Type",
        "X-Aily-BizUserID",
        "X-Other",
    ]);
    let value = prop_oneof![
        "Bearer [tu]-[A-Za-z0-9]{1,12}".prop_map(String::into_bytes),
        select(vec![
            "Bearer",
            "Bearer ",
            "Basic x",
            "bearer t-1",
            "",
            "application/json; charset=utf-8",
            "text/plain"
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        vec(any::<u8>(), 0..16),
    ];
    vec((name.prop_map(str::to_owned), value), 0..4)
}

fn bodies() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        select(vec![
            r#"{}"#,
            r#"{"metadata":"{}"}"#,
            r#"{"channel_context":1}"#,
            r#"{"metadata":"a","metadata":"b"}"#,
            r#"[]"#,
            r#"{"metadata":"#,
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        vec(any::<u8>(), 0..32),
    ]
}

fn faults() -> impl Strategy<Value = (usize, usize)> {
    (0usize..3, 0usize..3)
}

/// Reads `wire` with the classifier of `path`'s API, which must not find it malformed; a path
/// under neither API gets a plain-text 404 or 414.
#[track_caller]
fn assert_readable(path: &str, wire: &WireResponse) {
    match Api::of_path(path) {
        Some(Api::Aily) => {
            let _ = aily(wire);
        }
        Some(Api::Lex) => {
            let _ = lex(wire);
        }
        Some(Api::LexV2) => {
            let _ = lex_v2(wire);
        }
        _ => {
            assert!(matches!(wire.status(), 404 | 414), "{path:?}: {wire:?}");
            assert_eq!(
                wire.header("Content-Type"),
                Some("text/plain; charset=utf-8")
            );
        }
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn every_answer_is_readable(
        calls in vec((methods(), paths(), headers(), bodies()), 1..5),
        (aily_faults, lex_faults) in faults(),
    ) {
        let mut mock = seeded();
        mock.fail_next_aily(aily_faults, AilyServiceError::new(AilyErrorKind::RateLimited));
        mock.fail_next_lex(lex_faults, LexServiceError::new(LexErrorKind::Conflict).with_message("c"));
        mock.fail_next_lex_v2(lex_faults, LexV2ServiceError::new(LexV2ErrorKind::Throttling).with_message("t"));
        for (method, path, headers, body) in &calls {
            let wire = mock.handle(method, path, headers, body);
            assert_readable(path, &wire);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// http
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "http")]
#[test]
fn handle_http_request_answers_as_handle() {
    let auth = [AUTH[0]];
    type Headers<'a> = &'a [(&'a str, &'a str)];
    let calls: &[(&str, &str, Headers<'_>)] = &[
        ("DELETE", AILY_PATH, &auth),
        ("DELETE", AILY_PATH, &auth),
        ("DELETE", AILY_PATH, &[]),
        ("DELETE", AILY_PATH, &[AUTH[0], AUTH[0]]),
        ("GET", AILY_PATH, &auth),
        ("DELETE", LEX_PATH, &[]),
        (
            "DELETE",
            "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session?x=1",
            &[],
        ),
        ("POST", LEX_PATH, &[]),
        ("DELETE", LEX_V2_PATH, &[]),
        ("DELETE", LEX_V2_PATH, &[]),
        (
            "POST",
            "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/ab/text",
            &[],
        ),
        ("DELETE", "/nowhere", &[]),
        ("DELETE", "/open-apis/aily/v1/sessions/session_I?q", &auth),
    ];
    let (mut by_parts, mut by_http) = (seeded(), seeded());
    for &(method, path, headers) in calls {
        let mut request = http::Request::builder().method(method).uri(path);
        for &(name, value) in headers {
            request = request.header(name, value);
        }
        let request = request.body(Vec::new()).unwrap();
        let want = by_parts
            .handle(method, path, headers, b"")
            .into_http_response();
        let got = by_http.handle_http_request(&request);
        assert_eq!(got.status(), want.status(), "{method} {path}");
        assert_eq!(got.headers(), want.headers(), "{method} {path}");
        assert_eq!(got.body(), want.body(), "{method} {path}");
    }
}

/// A fault for one operation answers that operation's calls only, in the order queued among
/// the faults that apply; an operation the API does not type is refused, and nothing queued.
#[test]
fn a_fault_for_one_operation_answers_that_operation_only() {
    use botsession::MockFault;

    let mut mock = seeded();
    let throttled = LexV2ServiceError::new(LexV2ErrorKind::Throttling);
    let conflict = LexV2ServiceError::new(LexV2ErrorKind::Conflict);
    assert!(!mock.fail_next_operation("RecognizeText", 1, throttled.clone()));
    assert!(!mock.fail_next_operation("CreateSession", 1, throttled.clone()));
    assert_eq!(mock.pending_faults(), 0);
    assert!(mock.fail_next_operation("GetSession", 2, throttled.clone()));
    mock.fail_next_lex_v2(1, conflict.clone());
    assert!(mock.fail_next_operation(
        "DeleteSession",
        1,
        LexServiceError::new(LexErrorKind::Conflict)
    ));
    assert_eq!(mock.pending_faults(), 4);
    assert_eq!(MockFault::from(throttled).api(), Api::LexV2);

    // The delete skips the GetSession fault and takes the API-wide one behind it.
    assert_eq!(lex_v2_code(&delete_lex_v2(&mut mock)), "ConflictException");
    let get =
        |mock: &mut MockService| lex_v2_code(&mock.handle("GET", LEX_V2_PATH, &NO_HEADERS, b""));
    assert_eq!(get(&mut mock), "ThrottlingException");
    assert_eq!(mock.pending_faults(), 2);
    assert_eq!(get(&mut mock), "ThrottlingException");
    assert_eq!(get(&mut mock), "");
    assert_eq!(lex_v2_code(&delete_lex_v2(&mut mock)), "");
    // The V1 fault waits for a V1 DeleteSession.
    assert_eq!(mock.pending_faults(), 1);
    assert_eq!(lex_code(&delete_lex(&mut mock)), "ConflictException");
    assert_eq!(lex_code(&delete_lex(&mut mock)), "");

    mock.fail_next_aily(3, AilyServiceError::new(AilyErrorKind::Internal));
    assert!(mock.fail_next_operation(
        "UpdateSession",
        1,
        AilyServiceError::new(AilyErrorKind::Internal)
    ));
    assert_eq!(mock.pending_faults(), 4);
    mock.clear_faults();
    assert_eq!(mock.pending_faults(), 0);
}

/// A request refused before the service: the API's answer with the next id, no session
/// touched; under no API, plain text.
#[test]
fn reject_answers_in_the_apis_format_and_touches_nothing() {
    use botsession::RouteError;

    let mut mock = seeded();
    let too_large = RouteError::BodyTooLarge {
        len: 5 << 20,
        max: 1 << 20,
    };
    let v2 = mock.reject(LEX_V2_PATH, too_large.clone());
    assert_eq!(v2.status(), 413);
    assert_eq!(lex_v2(&v2).unwrap_err().request_id(), Some("mock-1"));
    let refused = mock.reject(AILY_PATH, too_large.clone());
    assert_eq!(refused.status(), 413);
    assert_eq!(aily(&refused).unwrap_err().request_id(), Some("mock-2"));
    let refused = mock.reject(LEX_PATH, too_large.clone());
    assert_eq!(lex(&refused).unwrap_err().request_id(), Some("mock-3"));
    let nowhere = mock.reject("/elsewhere", too_large);
    assert_eq!(nowhere.status(), 413);
    assert!(nowhere
        .header("Content-Type")
        .is_some_and(|t| t.starts_with("text/plain")));
    assert!(mock.has_lex_v2_session(&lex_v2_request()));
    assert_eq!(aily_code(&delete_aily(&mut mock)), 0);
    assert_eq!(lex_code(&delete_lex(&mut mock)), "");
}
