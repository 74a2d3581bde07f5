//! Response classification for both delete-session operations: success bodies from the API
//! docs (as JSON fixtures), every documented and platform-wide error code, where request and
//! log ids come from, retry advice, malformed bodies of every kind, and the bounds every error
//! message keeps whatever the server sends.
#![cfg(feature = "serde")]

mod common;

use std::fmt::Display;
use std::time::Duration;

use botsession::{
    AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError, LexDeleteSessionResponse,
    LexErrorKind, LexServiceError, LexV2DeleteSessionResponse, LexV2ErrorKind, LexV2ServiceError,
    MalformedResponse, ResponseError, ServiceError, EXCERPT_LEN,
};
use proptest::prelude::*;
use proptest::test_runner::Config;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Headers<'a> = &'a [(&'a str, &'a str)];
const NO_HEADERS: Headers<'static> = &[];

const AILY_SUCCESS: &[u8] = include_bytes!("fixtures/aily_delete_session_success.json");
const AILY_PARAM_INVALID: &[u8] = include_bytes!("fixtures/aily_delete_session_param_invalid.json");
const AILY_FULL_ERROR: &[u8] = include_bytes!("fixtures/aily_scope_missing_full_error.json");
const LEX_SUCCESS: &[u8] = include_bytes!("fixtures/lex_delete_session_success.json");
const LEX_CONFLICT: &[u8] = include_bytes!("fixtures/lex_conflict_exception.json");

const MIB: usize = 1 << 20;

/// Every error message stays short, whatever the server sent.
#[track_caller]
fn assert_bounded(e: &impl Display) {
    let text = e.to_string();
    assert!(
        text.len() < 256,
        "message of {} bytes: {:?}",
        text.len(),
        &text[..text.len().min(300)]
    );
}

#[track_caller]
fn assert_malformed_shape(m: &MalformedResponse) {
    assert!(
        m.excerpt().len() <= EXCERPT_LEN,
        "excerpt {:?}",
        m.excerpt()
    );
    assert!(
        m.reason().len() <= 2 * EXCERPT_LEN,
        "reason {:?}",
        m.reason()
    );
    assert!(!m.reason().is_empty());
    assert_bounded(m);
}

#[track_caller]
fn aily_ok(status: u16, headers: Headers<'_>, body: &[u8]) -> AilyDeleteSessionResponse {
    AilyDeleteSessionResponse::from_http(status, headers, body)
        .unwrap_or_else(|e| panic!("expected success, got {e:?}"))
}

#[track_caller]
fn aily_err(status: u16, headers: Headers<'_>, body: &[u8]) -> ResponseError<AilyServiceError> {
    let e =
        AilyDeleteSessionResponse::from_http(status, headers, body).expect_err("expected an error");
    assert_eq!(e.http_status(), status);
    assert_bounded(&e);
    e
}

#[track_caller]
fn aily_service(status: u16, headers: Headers<'_>, body: &[u8]) -> AilyServiceError {
    match aily_err(status, headers, body) {
        ResponseError::Service(e) => {
            assert_eq!(e.http_status(), status);
            e
        }
        other => panic!("expected a service error, got {other:?}"),
    }
}

#[track_caller]
fn aily_malformed(status: u16, body: &[u8]) -> MalformedResponse {
    match aily_err(status, NO_HEADERS, body) {
        ResponseError::Malformed(m) => {
            assert_eq!(m.http_status(), status);
            assert_malformed_shape(&m);
            m
        }
        other => panic!("expected a malformed response, got {other:?}"),
    }
}

#[track_caller]
fn lex_ok(status: u16, headers: Headers<'_>, body: &[u8]) -> LexDeleteSessionResponse {
    LexDeleteSessionResponse::from_http(status, headers, body)
        .unwrap_or_else(|e| panic!("expected success, got {e:?}"))
}

#[track_caller]
fn lex_err(status: u16, headers: Headers<'_>, body: &[u8]) -> ResponseError<LexServiceError> {
    let e =
        LexDeleteSessionResponse::from_http(status, headers, body).expect_err("expected an error");
    assert_eq!(e.http_status(), status);
    assert_bounded(&e);
    e
}

#[track_caller]
fn lex_service(status: u16, headers: Headers<'_>, body: &[u8]) -> LexServiceError {
    match lex_err(status, headers, body) {
        ResponseError::Service(e) => {
            assert_eq!(e.http_status(), status);
            e
        }
        other => panic!("expected a service error, got {other:?}"),
    }
}

#[track_caller]
fn lex_malformed(status: u16, headers: Headers<'_>, body: &[u8]) -> MalformedResponse {
    match lex_err(status, headers, body) {
        ResponseError::Malformed(m) => {
            assert_eq!(m.http_status(), status);
            assert_malformed_shape(&m);
            m
        }
        other => panic!("expected a malformed response, got {other:?}"),
    }
}

fn aily_body(code: i64, msg: &str) -> Vec<u8> {
    serde_json::json!({ "code": code, "msg": msg, "data": {} })
        .to_string()
        .into_bytes()
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

// ---------------------------------------------------------------------------------------------
// Aily: success
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_success_example_from_the_docs() {
    let ok = aily_ok(200, NO_HEADERS, AILY_SUCCESS);
    assert_eq!(ok.http_status(), 200);
    assert_eq!(ok.message(), Some("success"));
    assert_eq!(ok.request_id(), None);

    let compact = aily_ok(200, NO_HEADERS, br#"{"code":0,"msg":"success","data":{}}"#);
    assert_eq!(compact, ok);
}

#[test]
fn aily_success_needs_only_the_code() {
    for body in [
        &br#"{"code":0}"#[..],
        br#"{"code":0,"msg":null,"data":null,"error":null}"#,
        br#"  {"code" : 0}  "#,
        b"{\"code\":0}\n",
    ] {
        let ok = aily_ok(200, NO_HEADERS, body);
        assert_eq!(ok.message(), None);
        assert_eq!(ok.request_id(), None);
    }
}

#[test]
fn aily_success_tolerates_unknown_fields() {
    let body =
        br#"{"code":0,"msg":"success","data":{"session":{"id":"session_1","n":[1,2.5,null]}},
        "error":{"log_id":"L","new_field":{"x":1}},"trace":"abc","version":2}"#;
    let ok = aily_ok(200, NO_HEADERS, body);
    assert_eq!(ok.message(), Some("success"));
    assert_eq!(ok.request_id(), Some("L"));
}

#[test]
fn aily_code_zero_is_success_whatever_the_status() {
    for status in [200, 201, 204, 400, 429, 500, 503] {
        let ok = aily_ok(status, NO_HEADERS, AILY_SUCCESS);
        assert_eq!(ok.http_status(), status);
        assert_eq!(ok.message(), Some("success"));
    }
}

/// Which header (or body field) the log id comes from, for success and error alike.
#[test]
fn aily_log_id_sources() {
    let body_log_id = br#"{"code":0,"msg":"success","error":{"log_id":"from-body"}}"#;
    let table: &[(Headers<'_>, &[u8], Option<&str>)] = &[
        (&[("X-Tt-Logid", "tt")], AILY_SUCCESS, Some("tt")),
        (&[("x-tt-logid", "tt")], AILY_SUCCESS, Some("tt")),
        (&[("X-TT-LOGID", "tt")], AILY_SUCCESS, Some("tt")),
        (&[("x-Tt-LogId", " tt ")], AILY_SUCCESS, Some("tt")),
        (&[("X-Request-Id", "req")], AILY_SUCCESS, Some("req")),
        (&[("x-request-id", "req")], AILY_SUCCESS, Some("req")),
        // `X-Tt-Logid` wins over `X-Request-Id` wherever each stands.
        (
            &[("X-Request-Id", "req"), ("X-Tt-Logid", "tt")],
            AILY_SUCCESS,
            Some("tt"),
        ),
        (
            &[("X-Tt-Logid", "tt"), ("X-Request-Id", "req")],
            AILY_SUCCESS,
            Some("tt"),
        ),
        // The first occurrence of a header wins.
        (
            &[("X-Tt-Logid", "first"), ("x-tt-logid", "second")],
            AILY_SUCCESS,
            Some("first"),
        ),
        // Headers win over the body; the body is the last resort.
        (&[("X-Tt-Logid", "tt")], body_log_id, Some("tt")),
        (&[("X-Request-Id", "req")], body_log_id, Some("req")),
        (&[], body_log_id, Some("from-body")),
        (
            &[("Content-Type", "application/json")],
            body_log_id,
            Some("from-body"),
        ),
        (
            &[("X-Tt-Logid-Extra", "no"), ("Logid", "no")],
            AILY_SUCCESS,
            None,
        ),
        (&[], AILY_SUCCESS, None),
    ];
    for &(headers, body, want) in table {
        assert_eq!(
            aily_ok(200, headers, body).request_id(),
            want,
            "{headers:?}"
        );
    }

    let error_body = br#"{"code":2700001,"msg":"param is invalid","error":{"log_id":"from-body"}}"#;
    let table: &[(Headers<'_>, Option<&str>)] = &[
        (&[("X-Tt-Logid", "tt"), ("X-Request-Id", "req")], Some("tt")),
        (&[("X-REQUEST-ID", "req")], Some("req")),
        (&[], Some("from-body")),
    ];
    for &(headers, want) in table {
        assert_eq!(
            aily_service(400, headers, error_body).request_id(),
            want,
            "{headers:?}"
        );
    }
    assert_eq!(
        aily_service(400, NO_HEADERS, &aily_body(1, "x")).request_id(),
        None
    );
}

#[test]
fn aily_headers_of_any_byte_type_and_non_utf8_values() {
    // A header value that is not UTF-8 is ignored, and the fallback used.
    let headers: &[(&[u8], &[u8])] = &[(b"X-Tt-Logid", b"\xff\xfe"), (b"X-Request-Id", b"req")];
    let ok = AilyDeleteSessionResponse::from_http(200, headers, AILY_SUCCESS).unwrap();
    assert_eq!(ok.request_id(), Some("req"));
    let owned = vec![("X-Tt-Logid".to_owned(), "tt".to_owned())];
    let ok = AilyDeleteSessionResponse::from_http(200, &owned, AILY_SUCCESS).unwrap();
    assert_eq!(ok.request_id(), Some("tt"));
}

#[test]
fn aily_empty_log_id_header_falls_back() {
    let headers = [("X-Tt-Logid", ""), ("X-Request-Id", "req")];
    assert_eq!(
        aily_ok(200, &headers, AILY_SUCCESS).request_id(),
        Some("req")
    );
}

// ---------------------------------------------------------------------------------------------
// Aily: errors
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_documented_error_2700001() {
    let headers = [("X-Tt-Logid", "tt-1")];
    let err = aily_err(400, &headers, AILY_PARAM_INVALID);
    assert!(!err.is_retryable());
    assert_eq!(err.retry_after(), None);
    assert_eq!(
        err.to_string(),
        "Aily error 2700001 (param is invalid), HTTP 400: param is invalid"
    );
    let e = err.service_error().expect("a service error");
    assert_eq!(e.kind(), &AilyErrorKind::ParamInvalid);
    assert_eq!(e.code(), 2_700_001);
    assert_eq!(e.message(), Some("param is invalid"));
    assert_eq!(e.http_status(), 400);
    assert_eq!(e.request_id(), Some("tt-1"));
    assert_eq!(e.troubleshooter(), None);
    assert!(e.field_violations().is_empty());
    assert!(e.permission_violations().is_empty());
    assert!(e.helps().is_empty());
    assert!(!e.needs_credentials_refresh());
    assert!(!e.is_retryable());
    assert_eq!(e.to_string(), err.to_string());

    // Without the header, the body's log id.
    let e = aily_service(400, NO_HEADERS, AILY_PARAM_INVALID);
    assert_eq!(e.request_id(), Some("202407081631120A1B2C3D4E5F60718293"));
}

/// Every code from the docs and the platform-wide list, with what it means for the caller:
/// (code, kind, description, retryable, refresh the token).
const AILY_CODES: &[(i64, AilyErrorKind, &str, bool, bool)] = &[
    (
        2700001,
        AilyErrorKind::ParamInvalid,
        "param is invalid",
        false,
        false,
    ),
    (
        99991400,
        AilyErrorKind::RateLimited,
        "request rate limit exceeded",
        true,
        false,
    ),
    (
        99991401,
        AilyErrorKind::IpDenied,
        "IP address denied",
        false,
        false,
    ),
    (
        99991403,
        AilyErrorKind::QuotaExceeded,
        "monthly quota exceeded",
        false,
        false,
    ),
    (
        99991661,
        AilyErrorKind::TokenMissing,
        "access token missing or malformed",
        false,
        false,
    ),
    (
        99991663,
        AilyErrorKind::TenantTokenInvalid,
        "tenant access token invalid or expired",
        false,
        true,
    ),
    (
        99991664,
        AilyErrorKind::AppTokenInvalid,
        "app access token invalid",
        false,
        true,
    ),
    (
        99991665,
        AilyErrorKind::InvalidTenantCode,
        "invalid tenant code",
        false,
        false,
    ),
    (
        99991668,
        AilyErrorKind::UserTokenInvalid,
        "user access token invalid",
        false,
        true,
    ),
    (
        99991671,
        AilyErrorKind::TokenPrefixInvalid,
        "access token must start with t- or u-",
        false,
        false,
    ),
    (
        99991672,
        AilyErrorKind::AppScopeMissing,
        "app lacks the required scope",
        false,
        false,
    ),
    (
        99991673,
        AilyErrorKind::AppUnauthorized,
        "app not authorized",
        false,
        false,
    ),
    (
        99991676,
        AilyErrorKind::TokenNoPermission,
        "access token has no permission",
        false,
        false,
    ),
    (
        99991677,
        AilyErrorKind::UserTokenExpired,
        "user access token expired",
        false,
        true,
    ),
    (
        99991679,
        AilyErrorKind::UserScopeNotGranted,
        "user has not granted the scope",
        false,
        false,
    ),
    (1500, AilyErrorKind::Internal, "internal error", true, false),
    (
        2200,
        AilyErrorKind::InternalServer,
        "internal server error",
        true,
        false,
    ),
    (
        99991201,
        AilyErrorKind::PathNotFound,
        "no API at this path",
        false,
        false,
    ),
    (
        99991301,
        AilyErrorKind::MethodMismatch,
        "request method does not match",
        false,
        false,
    ),
];

#[test]
fn aily_every_known_code_maps_to_its_kind() {
    let kinds: Vec<AilyErrorKind> = AILY_CODES.iter().map(|row| row.1).collect();
    assert_eq!(AilyErrorKind::KNOWN, kinds.as_slice());
    for &k in AilyErrorKind::KNOWN {
        assert_eq!(AilyErrorKind::from_code(k.code()), k);
        assert!(!matches!(k, AilyErrorKind::Unknown(_)));
    }
    for &(code, kind, description, retryable, refresh) in AILY_CODES {
        assert_eq!(AilyErrorKind::from_code(code), kind, "{code}");
        assert_eq!(kind.code(), code);
        assert_eq!(kind.description(), description, "{code}");
        assert_eq!(kind.is_retryable(), retryable, "{code}");
        assert_eq!(kind.needs_credentials_refresh(), refresh, "{code}");

        // Through a response, at a status that says nothing about retrying.
        let e = aily_service(400, NO_HEADERS, &aily_body(code, "m"));
        assert_eq!(e.kind(), &kind);
        assert_eq!(e.code(), code);
        assert_eq!(e.is_retryable(), retryable, "{code}");
        assert_eq!(e.needs_credentials_refresh(), refresh, "{code}");
        assert_eq!(
            e.to_string(),
            format!("Aily error {code} ({description}), HTTP 400: m")
        );
    }
}

#[test]
fn aily_token_refresh_codes() {
    for code in [99991663, 99991664, 99991668, 99991677] {
        assert!(aily_service(401, NO_HEADERS, &aily_body(code, "x")).needs_credentials_refresh());
    }
    for code in [2700001, 99991661, 99991671, 99991400, 12345, 1] {
        assert!(!aily_service(400, NO_HEADERS, &aily_body(code, "x")).needs_credentials_refresh());
    }
}

#[test]
fn aily_unknown_codes_are_kept_as_sent() {
    let table: &[i64] = &[
        12345,
        1,
        -1,
        9_000_000_000,
        i64::MAX,
        i64::MIN,
        99991662,
        2700002,
    ];
    for &code in table {
        let e = aily_service(400, NO_HEADERS, &aily_body(code, "boom"));
        assert_eq!(e.kind(), &AilyErrorKind::Unknown(code));
        assert_eq!(e.code(), code);
        assert_eq!(e.kind().description(), "unknown error code");
        assert!(!e.is_retryable());
        assert!(!e.needs_credentials_refresh());
        assert_eq!(
            e.to_string(),
            format!("Aily error {code} (unknown error code), HTTP 400: boom")
        );
    }
    assert_eq!(AilyErrorKind::from_code(-1), AilyErrorKind::Unknown(-1));
    assert_eq!(AilyErrorKind::Unknown(-1).code(), -1);
    // 99991663 does not fit 16 bits; nothing is truncated on the way.
    assert!(99991663 > i64::from(u16::MAX));
    assert_eq!(
        aily_service(401, NO_HEADERS, &aily_body(99991663, "x")).code(),
        99991663
    );
}

#[test]
fn aily_rate_limit() {
    let body = aily_body(99991400, "request trigger frequency limit");
    let headers = [
        ("x-ogw-ratelimit-limit", "50"),
        ("x-ogw-ratelimit-reset", "7"),
    ];
    let err = aily_err(429, &headers, &body);
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(
        err.to_string(),
        "Aily error 99991400 (request rate limit exceeded), HTTP 429: request trigger frequency limit"
    );
    let e = err.service_error().unwrap();
    assert_eq!(e.kind(), &AilyErrorKind::RateLimited);
    assert_eq!(e.retry_after(), Some(Duration::from_secs(7)));

    let table: &[(Headers<'_>, Option<u64>)] = &[
        (&[("X-Ogw-Ratelimit-Reset", "7")], Some(7)),
        (&[("X-OGW-RATELIMIT-RESET", " 0 ")], Some(0)),
        (&[("x-ogw-ratelimit-reset", "3600")], Some(3600)),
        (
            &[
                ("x-ogw-ratelimit-reset", "1"),
                ("x-ogw-ratelimit-reset", "9"),
            ],
            Some(1),
        ),
        (&[("x-ogw-ratelimit-reset", "soon")], None),
        (&[("x-ogw-ratelimit-reset", "-1")], None),
        (&[("x-ogw-ratelimit-reset", "1.5")], None),
        (&[("x-ogw-ratelimit-reset", "")], None),
        (&[("x-ogw-ratelimit-limit", "50")], None),
        (&[("Retry-After", "7")], None),
        (&[], None),
    ];
    for &(headers, secs) in table {
        let e = aily_service(429, headers, &body);
        assert_eq!(
            e.retry_after(),
            secs.map(Duration::from_secs),
            "{headers:?}"
        );
        assert!(e.is_retryable());
    }

    // Older APIs send the rate limit with HTTP 400, or even 200: the code decides.
    for status in [400, 200] {
        let err = aily_err(status, &headers, &body);
        assert!(err.is_retryable(), "{status}");
        assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
        assert_eq!(
            err.service_error().map(AilyServiceError::kind),
            Some(&AilyErrorKind::RateLimited)
        );
    }
}

#[test]
fn aily_retry_advice() {
    // (status, code, retryable): known codes decide; an unknown one retries on transient statuses.
    let table: &[(u16, i64, bool)] = &[
        (429, 99991400, true),
        (500, 1500, true),
        (200, 1500, true),
        (500, 2200, true),
        (400, 2700001, false),
        (500, 2700001, false),
        (503, 99991663, false),
        (500, 12345, true),
        (502, 12345, true),
        (503, 12345, true),
        (504, 12345, true),
        (501, 12345, false),
        (400, 12345, false),
        (429, 12345, true),
        (200, 12345, false),
    ];
    for &(status, code, retryable) in table {
        let err = aily_err(status, NO_HEADERS, &aily_body(code, "x"));
        assert_eq!(err.is_retryable(), retryable, "{status} {code}");
    }
}

#[test]
fn aily_business_error_with_http_200() {
    let err = aily_err(
        200,
        &[("X-Tt-Logid", "L")],
        br#"{"code":2700001,"msg":"param is invalid","data":{}}"#,
    );
    assert_eq!(err.http_status(), 200);
    assert_eq!(
        err.to_string(),
        "Aily error 2700001 (param is invalid), HTTP 200: param is invalid"
    );
    let e = err.service_error().unwrap();
    assert_eq!(e.kind(), &AilyErrorKind::ParamInvalid);
    assert_eq!(e.request_id(), Some("L"));
}

#[test]
fn aily_full_error_object_reads_back() {
    let e = aily_service(400, NO_HEADERS, AILY_FULL_ERROR);
    assert_eq!(e.kind(), &AilyErrorKind::AppScopeMissing);
    assert_eq!(e.code(), 99991672);
    assert_eq!(
        e.message(),
        Some("Access denied. One of the following scopes is required: [aily:session:write].")
    );
    assert_eq!(e.request_id(), Some("20240708163112FE3C4B6E3D8C4C5A1234"));
    assert_eq!(
        e.troubleshooter(),
        Some("https://open.feishu.cn/search?from=openapi&log_id=20240708163112FE3C4B6E3D8C4C5A1234&code=99991672")
    );

    let fv = e.field_violations();
    assert_eq!(fv.len(), 2);
    assert_eq!(fv[0].field(), Some("aily_session_id"));
    assert_eq!(fv[0].value(), Some("session_4dfunz7sp1g8m"));
    assert_eq!(
        fv[0].description(),
        Some("the session does not belong to this app")
    );
    assert_eq!(fv[1].field(), Some("user_id_type"));
    assert_eq!(fv[1].value(), None);
    assert_eq!(fv[1].description(), None);

    let pv = e.permission_violations();
    assert_eq!(pv.len(), 1);
    assert_eq!(pv[0].kind(), Some("action_scope_required"));
    assert_eq!(pv[0].subject(), Some("aily:session:write"));
    assert_eq!(pv[0].description(), Some("读写会话信息"));

    let helps = e.helps();
    assert_eq!(helps.len(), 1);
    assert_eq!(
        helps[0].url(),
        Some("https://open.feishu.cn/app/cli_a1b2c3d4e5f6/auth?q=aily:session:write")
    );
    assert_eq!(helps[0].description(), Some("apply for the scope"));

    // The 77-byte message is cut to 64 bytes in the Display, with an ellipsis.
    assert_eq!(
        e.to_string(),
        "Aily error 99991672 (app lacks the required scope), HTTP 400: \
         Access denied. One of the following scopes is required: [aily…"
    );
}

#[test]
fn aily_empty_violation_lists() {
    let body = br#"{"code":99991672,"msg":"m","error":{"field_violations":[],"permission_violations":null,"helps":[{}]}}"#;
    let e = aily_service(400, NO_HEADERS, body);
    assert!(e.field_violations().is_empty());
    assert!(e.permission_violations().is_empty());
    assert_eq!(e.helps().len(), 1);
    assert_eq!(e.helps()[0].url(), None);
    assert_eq!(e.helps()[0].description(), None);
    assert_eq!(e.request_id(), None);
    assert_eq!(e.troubleshooter(), None);
}

#[test]
fn aily_display_without_msg() {
    let e = aily_service(400, NO_HEADERS, br#"{"code":12345}"#);
    assert_eq!(e.message(), None);
    assert_eq!(
        e.to_string(),
        "Aily error 12345 (unknown error code), HTTP 400"
    );
}

// ---------------------------------------------------------------------------------------------
// Aily: malformed bodies
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_malformed_bodies() {
    // (body, start of the reason): the reason is serde_json's, passed on (bounded).
    let table: &[(&[u8], &str)] = &[
        (b"", "EOF while parsing a value at line 1 column 0"),
        (b"   ", "EOF while parsing a value at line 1 column 3"),
        (b"not json", "expected ident at line 1 column 2"),
        (
            b"<html>502 Bad Gateway</html>",
            "expected value at line 1 column 1",
        ),
        (
            br#"{"code":0"#,
            "EOF while parsing an object at line 1 column 9",
        ),
        (
            br#"{"code":0,"msg":"succ"#,
            "EOF while parsing a string at line 1 column 21",
        ),
        (
            br#"{"msg":"x"}"#,
            "missing field `code` at line 1 column 11",
        ),
        (br#"{}"#, "missing field `code` at line 1 column 2"),
        (
            br#"{"code":null}"#,
            "invalid type: null, expected i64 at line 1 column 12",
        ),
        (
            br#"{"code":"0"}"#,
            "invalid type: string \"0\", expected i64 at line 1 column 11",
        ),
        (
            br#"{"code":0.0}"#,
            "invalid type: floating point `0.0`, expected i64 at line 1 column 11",
        ),
        (
            br#"{"code":true}"#,
            "invalid type: boolean `true`, expected i64 at line 1 column 12",
        ),
        (
            br#"{"code":9223372036854775808}"#,
            "invalid value: integer `9223372036854775808`, expected i64 at line 1 column 27",
        ),
        (
            br#"{"code":0,"code":1}"#,
            "duplicate field `code` at line 1 column 16",
        ),
        (
            br#"{"code":0} trailing"#,
            "trailing characters at line 1 column 12",
        ),
        (b"null", "invalid type: null, expected struct "),
        (
            br#""code""#,
            "invalid type: string \"code\", expected struct ",
        ),
        (b"[]", "body is a JSON array, not an object"),
    ];
    for &(body, reason) in table {
        let m = aily_malformed(400, body);
        assert!(
            m.reason().starts_with(reason),
            "{:?}: {:?}",
            String::from_utf8_lossy(body),
            m.reason()
        );
        assert_eq!(m.excerpt().as_bytes(), body, "short bodies are kept whole");
        assert_eq!(
            m.to_string(),
            format!("malformed response (HTTP 400): {}", m.reason())
        );
    }
    assert_eq!(
        aily_malformed(502, b"").to_string(),
        "malformed response (HTTP 502): EOF while parsing a value at line 1 column 0"
    );
    assert_eq!(
        aily_malformed(200, b"not json").to_string(),
        "malformed response (HTTP 200): expected ident at line 1 column 2"
    );
    // Types inside the envelope count too.
    for body in [
        &br#"{"code":1,"msg":5}"#[..],
        br#"{"code":1,"error":"x"}"#,
        br#"{"code":1,"error":{"log_id":7}}"#,
        br#"{"code":1,"error":{"field_violations":{}}}"#,
        br#"{"code":1,"error":{"helps":[{"url":1}]}}"#,
        br#"{"code":1,"error":{"permission_violations":[1]}}"#,
        br#"{"code":-9223372036854775809}"#,
        br#"{"code":1e3}"#,
    ] {
        aily_malformed(500, body);
    }
    // A nested object of the wrong type says what was expected.
    assert_eq!(
        aily_malformed(500, br#"{"code":1,"error":"x"}"#).reason(),
        "invalid type: string \"x\", expected a JSON object at line 1 column 21"
    );
}

#[test]
fn aily_malformed_keeps_status_and_retry_advice() {
    for (status, retryable) in [
        (500, true),
        (502, true),
        (503, true),
        (504, true),
        (400, false),
        (200, false),
        (404, false),
        (429, true),
        (501, false),
    ] {
        let err = aily_err(
            status,
            &[("x-ogw-ratelimit-reset", "7")],
            b"<html>gateway</html>",
        );
        assert!(matches!(err, ResponseError::Malformed(_)), "{err:?}");
        assert_eq!(err.http_status(), status);
        assert_eq!(err.is_retryable(), retryable, "{status}");
        // The wait the headers asked for survives an unreadable body.
        assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
        assert!(err.service_error().is_none());
    }
}

#[test]
fn aily_deeply_nested_json_does_not_overflow_the_stack() {
    // Where a typed value is expected, the nesting is rejected at once.
    let typed = [
        nested(10_000),
        format!(r#"{{"code":{}}}"#, nested(10_000)),
        format!(r#"{{"code":1,"msg":{}}}"#, nested(10_000)),
        format!(r#"{{"code":1,"error":{{"helps":{}}}}}"#, nested(10_000)),
        format!(r#"{{"code":1,"error":{}}}"#, "{\"a\":".repeat(10_000)),
    ];
    for body in &typed {
        let m = aily_malformed(200, body.as_bytes());
        assert!(m.excerpt().len() <= EXCERPT_LEN);
    }
    // Where the value is skipped (`data`, unknown fields) it must at least not crash.
    for body in [
        format!(r#"{{"code":0,"msg":"success","data":{}}}"#, nested(10_000)),
        format!(r#"{{"code":0,"msg":"success","x":{}}}"#, nested(10_000)),
        format!(
            r#"{{"code":0,"msg":"success","data":{}1{}}}"#,
            "{\"a\":".repeat(10_000),
            "}".repeat(10_000)
        ),
    ] {
        match AilyDeleteSessionResponse::from_http(200, NO_HEADERS, body.as_bytes()) {
            Ok(ok) => assert_eq!(ok.message(), Some("success")),
            Err(ResponseError::Malformed(m)) => assert_malformed_shape(&m),
            Err(other) => panic!("{other:?}"),
        }
    }
}

#[test]
fn aily_deep_nesting_in_skipped_fields_is_malformed() {
    let body = format!(r#"{{"code":0,"msg":"success","data":{}}}"#, nested(10_000));
    aily_malformed(200, body.as_bytes());
    let body = format!(r#"{{"code":0,"msg":"success","data":{}}}"#, nested(129));
    aily_malformed(200, body.as_bytes());
}

#[test]
fn aily_array_body_is_malformed() {
    aily_malformed(200, b"[0]");
    aily_malformed(200, br#"[0,"success",{}]"#);
    aily_malformed(400, br#"[2700001,"param is invalid"]"#);
}

/// A JSON array `depth` levels deep (itself included), with an empty object and an empty array
/// beside the deeper value at every level: siblings at every depth, and about three opening
/// brackets per level, so the nesting guard has to walk the body rather than count.
fn deep_with_siblings(depth: usize) -> String {
    let mut value = String::from("[]");
    for _ in 1..depth {
        value = format!("[{{}},{value},[]]");
    }
    value
}

const TOO_DEEP: &str = "JSON nested deeper than 128 levels";

#[test]
fn aily_wide_shallow_body_is_read() {
    // 130 violation objects: more than 128 opening brackets, but only four levels.
    let violations: Vec<_> = (0..130)
        .map(|i| serde_json::json!({ "field": format!("f{i}"), "value": "v", "description": "d" }))
        .collect();
    let body = serde_json::json!({
        "code": 99991672,
        "msg": "m",
        "error": { "field_violations": violations, "helps": [{}, {}] },
    })
    .to_string();
    assert!(body.matches(['{', '[']).count() > 128);
    let e = aily_service(400, NO_HEADERS, body.as_bytes());
    assert_eq!(e.kind(), &AilyErrorKind::AppScopeMissing);
    let fv = e.field_violations();
    assert_eq!(fv.len(), 130);
    assert_eq!(fv[0].field(), Some("f0"));
    assert_eq!(fv[129].field(), Some("f129"));
    assert_eq!(e.helps().len(), 2);

    let wide = format!("[{}]", vec!["[{}]"; 200].join(","));
    let body = format!(r#"{{"code":0,"msg":"success","data":{{"items":{wide}}}}}"#);
    assert_eq!(
        aily_ok(200, NO_HEADERS, body.as_bytes()).message(),
        Some("success")
    );
    lex_ok(200, NO_HEADERS, format!(r#"{{"x":{wide}}}"#).as_bytes());
}

#[test]
fn nesting_is_counted_up_to_exactly_128_levels() {
    // The body's object is one level, so `data` may hold 127 more.
    let fits = deep_with_siblings(127);
    let body = format!(r#"{{"code":0,"msg":"success","data":{fits}}}"#);
    assert_eq!(
        aily_ok(200, NO_HEADERS, body.as_bytes()).message(),
        Some("success")
    );
    let body = format!(r#"{{"code":1,"msg":"m","data":{fits}}}"#);
    assert_eq!(aily_service(400, NO_HEADERS, body.as_bytes()).code(), 1);
    lex_ok(200, NO_HEADERS, format!(r#"{{"x":{fits}}}"#).as_bytes());

    let too_deep = deep_with_siblings(128);
    for body in [
        format!(r#"{{"code":0,"msg":"success","data":{too_deep}}}"#),
        format!(r#"{{"code":1,"msg":"m","x":{too_deep}}}"#),
    ] {
        assert_eq!(aily_malformed(200, body.as_bytes()).reason(), TOO_DEEP);
    }
    let m = lex_malformed(200, NO_HEADERS, format!(r#"{{"x":{too_deep}}}"#).as_bytes());
    assert_eq!(m.reason(), TOO_DEEP);
    // The same depth as a top-level array is an array first.
    assert_ne!(aily_malformed(200, too_deep.as_bytes()).reason(), TOO_DEEP);
}

#[test]
fn brackets_inside_strings_are_not_nesting() {
    let brackets = format!("{}{}", "[".repeat(200), "{".repeat(200));
    // (JSON string content, the string it decodes to)
    let strings = [
        (format!(r#"\"{brackets}"#), format!("\"{brackets}")),
        (
            format!(r#"{brackets}\"{brackets}"#),
            format!("{brackets}\"{brackets}"),
        ),
        (format!(r#"\\\"{brackets}"#), format!("\\\"{brackets}")),
        (format!(r#"\u0022{brackets}"#), format!("\"{brackets}")),
    ];
    for (json, text) in &strings {
        let body =
            format!(r#"{{"code":0,"msg":"success","data":{{"note":"{json}"}},"x":"{json}"}}"#);
        assert_eq!(
            aily_ok(200, NO_HEADERS, body.as_bytes()).message(),
            Some("success")
        );
        let body = format!(r#"{{"code":1,"msg":"{json}"}}"#);
        assert_eq!(
            aily_service(400, NO_HEADERS, body.as_bytes()).message(),
            Some(text.as_str())
        );
        let body = format!(r#"{{"message":"{json}"}}"#);
        let e = lex_service(
            409,
            &[("x-amzn-ErrorType", "ConflictException")],
            body.as_bytes(),
        );
        assert_eq!(e.message(), Some(text.as_str()));
    }
    // An escaped backslash does not escape the quote after it: the string ends there, so what
    // follows is read as JSON again, brackets and all.
    let body = format!(r#"{{"code":0,"msg":"a\\","x":"{brackets}"}}"#);
    assert_eq!(
        aily_ok(200, NO_HEADERS, body.as_bytes()).message(),
        Some("a\\")
    );
    let body = format!(
        r#"{{"code":0,"msg":"a\\","data":{}}}"#,
        deep_with_siblings(127)
    );
    assert_eq!(
        aily_ok(200, NO_HEADERS, body.as_bytes()).message(),
        Some("a\\")
    );
    let body = format!(
        r#"{{"code":0,"msg":"a\\","data":{}}}"#,
        deep_with_siblings(128)
    );
    assert_eq!(aily_malformed(200, body.as_bytes()).reason(), TOO_DEEP);
}

#[test]
fn aily_huge_garbage_is_excerpted() {
    let garbage = vec![b'x'; MIB];
    let m = aily_malformed(502, &garbage);
    assert_eq!(m.excerpt(), "x".repeat(EXCERPT_LEN));
    assert_eq!(m.reason(), "expected value at line 1 column 1");

    // Invalid UTF-8 is replaced, and the excerpt still fits in 64 bytes.
    let garbage = vec![0xFF; MIB];
    let m = aily_malformed(503, &garbage);
    assert_eq!(m.excerpt(), format!("{}…", "\u{FFFD}".repeat(20)));
    assert!(m.excerpt().len() <= EXCERPT_LEN);

    // A multi-byte character cut at byte 64 is not split.
    let mut body = vec![b'a'; 63];
    body.extend_from_slice("é".repeat(MIB / 2).as_bytes());
    let m = aily_malformed(500, &body);
    assert_eq!(m.excerpt(), format!("{}…", "a".repeat(61)));

    // A huge string where the code should be: the reason quotes it, bounded.
    let body = format!(r#"{{"code":"{}"}}"#, "s".repeat(MIB));
    let m = aily_malformed(400, body.as_bytes());
    assert!(m.reason().starts_with("invalid type: string \"sss"));
    assert!(m.reason().ends_with('…'));
    assert!(m.reason().len() <= 128);
}

#[test]
fn aily_huge_msg_is_bounded_in_display() {
    for code in [2700001, 99991400, 12345] {
        let msg = "m".repeat(MIB);
        let e = aily_service(400, NO_HEADERS, &aily_body(code, &msg));
        assert_eq!(
            e.message().map_or(0, str::len),
            MIB,
            "the message itself is kept"
        );
        let text = e.to_string();
        assert!(text.len() < 256);
        assert!(text.ends_with(&format!("{}…", "m".repeat(61))), "{text}");
    }
    // Multi-byte messages are cut on a character boundary.
    let e = aily_service(400, NO_HEADERS, &aily_body(1, &"界".repeat(MIB / 3)));
    let text = e.to_string();
    assert!(text.len() < 256);
    assert!(text.ends_with(&format!("{}…", "界".repeat(20))), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Lex: success
// ---------------------------------------------------------------------------------------------

#[test]
fn lex_success_response_syntax() {
    let ok = lex_ok(
        200,
        &[("x-amzn-RequestId", "5f1e2d3c-0000-4000-8000-000000000000")],
        LEX_SUCCESS,
    );
    assert_eq!(ok.http_status(), 200);
    assert_eq!(ok.bot_alias(), Some("$LATEST"));
    assert_eq!(ok.bot_name(), Some("OrderFlowers"));
    assert_eq!(ok.session_id(), Some("2024-07-08T16:31:12.345Z-AbCdEfGh"));
    assert_eq!(ok.user_id(), Some("user:42"));
    assert_eq!(
        ok.request_id(),
        Some("5f1e2d3c-0000-4000-8000-000000000000")
    );
}

#[test]
fn lex_success_fields_are_all_optional() {
    for (status, body) in [
        (200, &b"{}"[..]),
        (200, b""),
        (200, b"  \r\n\t"),
        (204, b""),
        (201, b"{}"),
        (299, b""),
        (
            200,
            br#"{"botAlias":null,"botName":null,"sessionId":null,"userId":null}"#,
        ),
    ] {
        let ok = lex_ok(status, NO_HEADERS, body);
        assert_eq!(ok.http_status(), status);
        assert_eq!(ok.bot_alias(), None);
        assert_eq!(ok.bot_name(), None);
        assert_eq!(ok.session_id(), None);
        assert_eq!(ok.user_id(), None);
        assert_eq!(ok.request_id(), None);
    }
    let ok = lex_ok(
        200,
        NO_HEADERS,
        br#"{"sessionId":"any shape at all / \u00e9"}"#,
    );
    assert_eq!(ok.session_id(), Some("any shape at all / é"));
    assert_eq!(ok.bot_name(), None);
}

#[test]
fn lex_success_tolerates_unknown_fields() {
    let body =
        br#"{"botName":"OrderFlowers","dialogState":"Fulfilled","sessionAttributes":{"a":"b"},
        "recentIntentSummaryView":[{"intentName":"x"}],"userId":"u1","n":1.5}"#;
    let ok = lex_ok(200, NO_HEADERS, body);
    assert_eq!(ok.bot_name(), Some("OrderFlowers"));
    assert_eq!(ok.user_id(), Some("u1"));
}

#[test]
fn lex_request_id_header_in_any_case() {
    for name in [
        "x-amzn-RequestId",
        "X-Amzn-RequestId",
        "x-amzn-requestid",
        "X-AMZN-REQUESTID",
    ] {
        let headers = [("Content-Type", "application/json"), (name, "req-1")];
        assert_eq!(
            lex_ok(200, &headers, b"{}").request_id(),
            Some("req-1"),
            "{name}"
        );
        let e = lex_service(
            409,
            &[(name, "req-2"), ("x-amzn-ErrorType", "ConflictException")],
            b"",
        );
        assert_eq!(e.request_id(), Some("req-2"), "{name}");
    }
    assert_eq!(
        lex_ok(200, &[("x-amz-request-id", "s3-style")], b"{}").request_id(),
        None
    );
}

/// A 2xx means the session is gone: a field that breaks its identifier's rule is kept as
/// received, not turned into a failure.
#[test]
fn lex_success_body_that_breaks_an_id_rule_is_kept() {
    let long = "a".repeat(101);
    for user in ["a/b", "..", "a", "", "a b", r"a\u0000b", long.as_str()] {
        let body = format!(r#"{{"userId":"{user}"}}"#);
        let ok = lex_ok(200, &[("x-amzn-RequestId", "r")], body.as_bytes());
        let want = user.replace("\\u0000", "\0");
        assert_eq!(ok.user_id(), Some(want.as_str()), "{body}");
        assert_eq!(ok.request_id(), Some("r"));
        assert!(
            want.parse::<botsession::LexUserId>().is_err(),
            "{want:?} is valid"
        );
    }
}

#[test]
fn lex_success_body_of_the_wrong_shape_is_malformed() {
    let table: &[(&[u8], &str)] = &[
        (br#"{"userId":5}"#, "invalid type: integer `5`"),
        (br#"{"userId":["a"]}"#, "invalid type: sequence"),
        (br#"{"botName":["x"]}"#, "invalid type: sequence"),
        (b"not json", "expected ident at line 1 column 2"),
        (b"null", "invalid type: null"),
        (br#"{"botName":"x""#, "EOF while parsing an object"),
        (br#"{} {}"#, "trailing characters"),
    ];
    for &(body, reason) in table {
        let m = lex_malformed(200, &[("x-amzn-RequestId", "r")], body);
        assert!(
            m.reason().starts_with(reason),
            "{:?}: {:?}",
            String::from_utf8_lossy(body),
            m.reason()
        );
        assert_eq!(m.excerpt().as_bytes(), body);
    }
    let long = format!(r#"{{"userId":{}}}"#, "1".repeat(1000));
    let m = lex_malformed(200, NO_HEADERS, long.as_bytes());
    assert_eq!(m.excerpt(), &long[..EXCERPT_LEN]);
}

#[test]
fn lex_success_array_body_is_malformed() {
    lex_malformed(200, NO_HEADERS, b"[]");
    lex_malformed(200, NO_HEADERS, br#"["a","b","c","u1"]"#);
}

// ---------------------------------------------------------------------------------------------
// Lex: errors
// ---------------------------------------------------------------------------------------------

/// (code, kind, documented status, description)
const LEX_ERRORS: &[(&str, LexErrorKind, u16, &str)] = &[
    (
        "BadRequestException",
        LexErrorKind::BadRequest,
        400,
        "request validation failed or the bot is not built",
    ),
    (
        "ConflictException",
        LexErrorKind::Conflict,
        409,
        "two clients are using the same bot and user id",
    ),
    (
        "InternalFailureException",
        LexErrorKind::InternalFailure,
        500,
        "internal service error",
    ),
    (
        "LimitExceededException",
        LexErrorKind::LimitExceeded,
        429,
        "a limit was exceeded",
    ),
    (
        "NotFoundException",
        LexErrorKind::NotFound,
        404,
        "the bot or alias was not found",
    ),
];

#[test]
fn lex_known_kinds() {
    let kinds: Vec<LexErrorKind> = LEX_ERRORS.iter().map(|row| row.1.clone()).collect();
    assert_eq!(LexErrorKind::KNOWN, kinds.as_slice());
    for k in LexErrorKind::KNOWN {
        assert_eq!(&LexErrorKind::from_code(k.code()), k);
    }
    for (code, kind, status, description) in LEX_ERRORS {
        assert_eq!(kind.code(), *code);
        assert_eq!(kind.documented_status(), Some(*status));
        assert_eq!(kind.description(), *description);
        assert_eq!(&LexErrorKind::from_code(code), kind);
    }
    let unknown = LexErrorKind::from_code("FooException");
    assert_eq!(unknown, LexErrorKind::Unknown("FooException".to_owned()));
    assert_eq!(unknown.code(), "FooException");
    assert_eq!(unknown.documented_status(), None);
    assert_eq!(unknown.description(), "unknown error code");
    assert!(!unknown.is_retryable());
}

/// Every documented exception, its code in each place and shape the AWS protocols use.
#[test]
fn lex_every_error_from_every_code_source() {
    for &(code, ref kind, status, _) in LEX_ERRORS {
        let coral = format!("{code}:http://internal.amazon.com/coral/com.amazon.coral.service/");
        let sources: Vec<(Vec<(&str, &str)>, String)> = vec![
            (
                vec![("x-amzn-ErrorType", code)],
                r#"{"message":"m"}"#.to_owned(),
            ),
            (
                vec![("x-amzn-ErrorType", &coral)],
                r#"{"message":"m"}"#.to_owned(),
            ),
            (
                vec![("X-Amzn-Errortype", &coral)],
                r#"{"message":"m"}"#.to_owned(),
            ),
            (
                vec![("X-AMZN-ERRORTYPE", code)],
                r#"{"message":"m"}"#.to_owned(),
            ),
            (vec![], format!(r#"{{"code":"{code}","message":"m"}}"#)),
            (vec![], format!(r#"{{"code":"{coral}","message":"m"}}"#)),
            (
                vec![],
                format!(r#"{{"__type":"aws.protocoltests#{code}","message":"m"}}"#),
            ),
            (
                vec![],
                format!(r#"{{"__type":"com.amazonaws.lex#{code}","message":"m"}}"#),
            ),
            (
                vec![],
                format!(r#"{{"__type":"com.amazonaws.lex#{code}:http://x","message":"m"}}"#),
            ),
            (vec![], format!(r#"{{"__type":"{code}","message":"m"}}"#)),
            (vec![], format!(r#"{{"code":" {code} ","message":"m"}}"#)),
        ];
        for (headers, body) in &sources {
            let e = lex_service(status, headers, body.as_bytes());
            assert_eq!(e.kind(), kind, "{headers:?} {body}");
            assert_eq!(e.code(), code);
            assert_eq!(e.message(), Some("m"));
            assert_eq!(e.to_string(), format!("Lex {code}, HTTP {status}: m"));
        }
    }
}

#[test]
fn lex_code_precedence() {
    // The header wins over the body, and `code` over `__type`.
    let e = lex_service(
        404,
        &[(
            "x-amzn-ErrorType",
            "NotFoundException:http://internal.amazon.com/coral/",
        )],
        br#"{"code":"ConflictException","__type":"com.amazonaws.lex#BadRequestException"}"#,
    );
    assert_eq!(e.kind(), &LexErrorKind::NotFound);
    let e = lex_service(
        409,
        NO_HEADERS,
        br#"{"__type":"com.amazonaws.lex#BadRequestException","code":"ConflictException"}"#,
    );
    assert_eq!(e.kind(), &LexErrorKind::Conflict);
    // First occurrence of the header wins.
    let e = lex_service(
        409,
        &[
            ("x-amzn-ErrorType", "ConflictException"),
            ("x-amzn-errortype", "NotFoundException"),
        ],
        b"{}",
    );
    assert_eq!(e.kind(), &LexErrorKind::Conflict);
}

#[test]
fn lex_empty_code_source_falls_back() {
    let e = lex_service(
        409,
        &[("x-amzn-ErrorType", "")],
        br#"{"code":"ConflictException"}"#,
    );
    assert_eq!(e.kind(), &LexErrorKind::Conflict);
    let e = lex_service(
        404,
        NO_HEADERS,
        br#"{"code":"","__type":"NotFoundException"}"#,
    );
    assert_eq!(e.kind(), &LexErrorKind::NotFound);
}

#[test]
fn lex_message_sources() {
    let header = [("x-amzn-ErrorType", "BadRequestException")];
    let table: &[(&[u8], Option<&str>)] = &[
        (br#"{"message":"lower"}"#, Some("lower")),
        (br#"{"Message":"upper"}"#, Some("upper")),
        (br#"{"errorMessage":"error"}"#, Some("error")),
        (
            br#"{"errorMessage":"error","Message":"upper","message":"lower"}"#,
            Some("lower"),
        ),
        (
            br#"{"errorMessage":"error","Message":"upper"}"#,
            Some("upper"),
        ),
        (br#"{"message":null,"Message":"upper"}"#, Some("upper")),
        (br#"{"message":""}"#, Some("")),
        (br#"{"msg":"aily-style"}"#, None),
        (br#"{}"#, None),
        (b"", None),
        (b"<html>Bad Request</html>", None),
        (br#"{"message":5}"#, None),
        (b"[1,2]", None),
    ];
    for &(body, want) in table {
        let e = lex_service(400, &header, body);
        assert_eq!(e.kind(), &LexErrorKind::BadRequest);
        assert_eq!(e.message(), want, "{:?}", String::from_utf8_lossy(body));
    }
}

#[test]
fn lex_unknown_codes_survive() {
    // (as sent, code kept, retryable: a throttling code is, whatever the status)
    let table: &[(&str, &str, bool)] = &[
        ("FooException", "FooException", false),
        ("aws.protocoltests#FooError", "FooError", false),
        (
            "FooException:http://internal.amazon.com/coral/",
            "FooException",
            false,
        ),
        ("conflictexception", "conflictexception", false),
        ("AccessDeniedException", "AccessDeniedException", false),
        ("ThrottlingException", "ThrottlingException", true),
        ("throttlingexception", "throttlingexception", false),
        ("FooException,BarException", "FooException", false),
    ];
    for &(raw, code, retryable) in table {
        let err = lex_err(
            418,
            &[("x-amzn-ErrorType", raw)],
            br#"{"message":"teapot"}"#,
        );
        assert_eq!(err.http_status(), 418);
        assert_eq!(err.is_retryable(), retryable, "{raw}");
        assert_eq!(err.to_string(), format!("Lex {code}, HTTP 418: teapot"));
        let e = err.service_error().unwrap();
        assert_eq!(e.kind(), &LexErrorKind::Unknown(code.to_owned()), "{raw}");
        assert_eq!(e.code(), code);
        assert_eq!(e.kind().documented_status(), None);
    }
}

#[test]
fn lex_limit_exceeded_with_retry_after() {
    let headers = [
        (
            "x-amzn-ErrorType",
            "LimitExceededException:http://internal.amazon.com/coral/com.amazon.coral.service/",
        ),
        ("Retry-After", "5"),
        ("x-amzn-RequestId", "r-429"),
    ];
    let err = lex_err(429, &headers, br#"{"message":"Rate exceeded"}"#);
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(5)));
    assert_eq!(
        err.to_string(),
        "Lex LimitExceededException, HTTP 429: Rate exceeded"
    );
    let e = err.service_error().unwrap();
    assert_eq!(e.kind(), &LexErrorKind::LimitExceeded);
    assert_eq!(e.retry_after(), Some(Duration::from_secs(5)));
    assert_eq!(e.request_id(), Some("r-429"));

    let table: &[(&str, &str, Option<u64>)] = &[
        ("retry-after", "5", Some(5)),
        ("RETRY-AFTER", " 12 ", Some(12)),
        ("Retry-After", "0", Some(0)),
        ("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT", None),
        ("Retry-After", "-5", None),
        ("Retry-After", "", None),
        ("x-ogw-ratelimit-reset", "5", None),
    ];
    for &(name, value, secs) in table {
        let headers = [
            ("x-amzn-ErrorType", "LimitExceededException"),
            (name, value),
        ];
        let e = lex_service(429, &headers, b"{}");
        assert_eq!(
            e.retry_after(),
            secs.map(Duration::from_secs),
            "{name}: {value}"
        );
        assert!(e.is_retryable());
    }
}

#[test]
fn lex_retry_advice() {
    // (status, code, retryable)
    let table: &[(u16, &str, bool)] = &[
        (429, "LimitExceededException", true),
        (500, "InternalFailureException", true),
        (400, "InternalFailureException", true),
        (400, "LimitExceededException", true),
        (400, "BadRequestException", false),
        (404, "NotFoundException", false),
        (409, "ConflictException", false),
        (500, "FooException", true),
        (502, "FooException", true),
        (503, "FooException", true),
        (504, "FooException", true),
        (501, "FooException", false),
        (400, "FooException", false),
        // 429 is not a transient status: throttling is known by its code.
        (429, "FooException", false),
        (429, "BadRequestException", false),
        (409, "ThrottlingException", true),
        (400, "RequestTimeout", true),
        (404, "RequestTimeoutException", true),
        (409, "FooException", false),
        (503, "BadRequestException", true),
    ];
    for &(status, code, retryable) in table {
        let err = lex_err(status, &[("x-amzn-ErrorType", code)], b"{}");
        assert_eq!(err.is_retryable(), retryable, "{status} {code}");
        assert_eq!(err.retry_after(), None);
    }
}

#[test]
fn lex_status_and_code_may_disagree() {
    let e = lex_service(
        400,
        &[(
            "x-amzn-ErrorType",
            "ConflictException:http://internal.amazon.com/coral/com.amazon.coral.service/",
        )],
        LEX_CONFLICT,
    );
    assert_eq!(e.kind(), &LexErrorKind::Conflict);
    assert_eq!(e.http_status(), 400);
    assert_eq!(e.kind().documented_status(), Some(409));
    assert!(!e.is_retryable());
    assert_eq!(
        e.to_string(),
        "Lex ConflictException, HTTP 400: Two clients are using the same bot and user id"
    );
}

#[test]
fn lex_error_body_not_json_with_a_header_code() {
    for body in [
        &b"<html>Conflict</html>"[..],
        b"",
        b"not json",
        b"{\"message\":",
    ] {
        let e = lex_service(
            409,
            &[(
                "x-amzn-ErrorType",
                "ConflictException:http://internal.amazon.com/coral/com.amazon.coral.service/",
            )],
            body,
        );
        assert_eq!(e.kind(), &LexErrorKind::Conflict);
        assert_eq!(e.message(), None);
        assert_eq!(e.to_string(), "Lex ConflictException, HTTP 409");
    }
}

#[test]
fn lex_error_without_any_code_is_malformed() {
    let table: &[(u16, &[u8], &str, bool)] = &[
        (404, b"{}", "error response with no error code", false),
        (
            400,
            br##"{"__type":"#"}"##,
            "error response with no error code",
            false,
        ),
        (
            400,
            br#"{"code":":http://x"}"#,
            "error response with no error code",
            false,
        ),
        (
            500,
            b"",
            "error response with no error code: EOF while parsing a value at line 1 column 0",
            true,
        ),
        (
            502,
            b"<html>Bad Gateway</html>",
            "error response with no error code: expected value at line 1 column 1",
            true,
        ),
        (
            503,
            b"not json",
            "error response with no error code: expected ident at line 1 column 2",
            true,
        ),
        (300, b"{}", "error response with no error code", false),
        (199, b"{}", "error response with no error code", false),
    ];
    for &(status, body, reason, retryable) in table {
        let err = lex_err(status, &[("x-amzn-RequestId", "r")], body);
        assert_eq!(err.is_retryable(), retryable, "{status}");
        assert_eq!(err.retry_after(), None);
        let ResponseError::Malformed(m) = err else {
            panic!("{err:?}")
        };
        assert_eq!(m.reason(), reason);
        assert_eq!(m.excerpt().as_bytes(), body);
        assert_eq!(
            m.to_string(),
            format!("malformed response (HTTP {status}): {reason}")
        );
    }
}

/// A JSON object with a message and no code anywhere is the service's error of an unknown kind
/// with an empty code, keeping the message and request id (the SDKs keep it too).
#[test]
fn lex_error_with_a_message_but_no_code_is_an_unknown_service_error() {
    let table: &[(u16, &[u8], &str, bool)] = &[
        (400, br#"{"message":"x"}"#, "x", false),
        (404, br#"{"Message":"gone"}"#, "gone", false),
        (409, br#"{"errorMessage":"busy"}"#, "busy", false),
        (400, br#"{"code":"","message":""}"#, "", false),
        (400, br#"{"__type":"ns#","message":"m"}"#, "m", false),
        (400, br#"{"code":":http://x","message":"m"}"#, "m", false),
        (429, br#"{"message":"slow"}"#, "slow", false),
        (503, br#"{"message":"down"}"#, "down", true),
    ];
    for &(status, body, message, retryable) in table {
        let err = lex_err(status, &[("x-amzn-RequestId", "r")], body);
        assert_eq!(err.is_retryable(), retryable, "{status}");
        let ResponseError::Service(e) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(e.kind(), &LexErrorKind::Unknown(String::new()));
        assert_eq!(e.code(), "");
        assert_eq!(e.message(), Some(message));
        assert_eq!(e.request_id(), Some("r"));
        assert_eq!(
            e.to_string(),
            format!("Lex error without a code, HTTP {status}: {message}")
        );
    }
}

#[test]
fn lex_success_status_with_garbage_is_malformed() {
    let m = lex_malformed(200, NO_HEADERS, b"not json");
    assert_eq!(m.reason(), "expected ident at line 1 column 2");
    assert_eq!(m.excerpt(), "not json");
    assert_eq!(
        m.to_string(),
        "malformed response (HTTP 200): expected ident at line 1 column 2"
    );
    let err = lex_err(200, NO_HEADERS, b"not json");
    assert!(!err.is_retryable());
}

// ---------------------------------------------------------------------------------------------
// Bounds: huge and deep input
// ---------------------------------------------------------------------------------------------

#[test]
fn lex_huge_message_and_code_are_bounded() {
    let message = "m".repeat(MIB);
    let body = serde_json::json!({ "message": message }).to_string();
    let e = lex_service(
        409,
        &[("x-amzn-ErrorType", "ConflictException")],
        body.as_bytes(),
    );
    assert_eq!(
        e.message().map(str::len),
        Some(MIB),
        "the message itself is kept"
    );
    assert_eq!(
        e.to_string(),
        format!("Lex ConflictException, HTTP 409: {}…", "m".repeat(61))
    );

    for key in ["message", "Message", "errorMessage"] {
        let body = serde_json::json!({ key: "é".repeat(MIB / 2) }).to_string();
        let e = lex_service(
            400,
            &[("x-amzn-ErrorType", "BadRequestException")],
            body.as_bytes(),
        );
        assert!(e.to_string().len() < 256);
    }

    // A huge code is cut to 128 bytes, and the Display stays short.
    let code = "A".repeat(MIB);
    let body =
        serde_json::json!({ "__type": format!("com.amazonaws.lex#{code}"), "message": message })
            .to_string();
    let e = lex_service(400, NO_HEADERS, body.as_bytes());
    assert_eq!(e.code(), "A".repeat(128));
    assert!(e.code().len() <= 128);
    assert!(e.to_string().len() < 256);
    let header_code = "B".repeat(MIB);
    let e = lex_service(400, &[("x-amzn-ErrorType", &header_code)], b"");
    assert!(e.code().len() <= 128);
    assert!(e.to_string().len() < 256);
}

#[test]
fn lex_code_is_cut_at_a_character_boundary() {
    // (code as sent, code as kept): at most 128 bytes, never half a character.
    let a = |n: usize| "A".repeat(n);
    let table = [
        (a(127) + "é", a(127)),
        (a(126) + "é", a(126) + "é"),
        (a(128) + "é", a(128)),
        (a(125) + "€", a(125) + "€"),
        (a(126) + "€", a(126)),
        (a(127) + "€", a(127)),
        (a(127) + "😀", a(127)),
        (a(124) + "😀", a(124) + "😀"),
    ];
    for (code, kept) in &table {
        let e = lex_service(400, &[("x-amzn-ErrorType", code)], b"{}");
        assert_eq!(e.code(), kept, "header {} bytes", code.len());
        let coral = format!("{code}:http://internal.amazon.com/coral/");
        let e = lex_service(400, &[("x-amzn-ErrorType", &coral)], b"{}");
        assert_eq!(e.code(), kept, "header {} bytes", code.len());
        let body = serde_json::json!({ "code": code, "message": "m" }).to_string();
        let e = lex_service(400, NO_HEADERS, body.as_bytes());
        assert_eq!(e.code(), kept, "body code {} bytes", code.len());
        let body = serde_json::json!({ "__type": format!("com.amazonaws.lex#{code}") }).to_string();
        let e = lex_service(400, NO_HEADERS, body.as_bytes());
        assert_eq!(e.code(), kept, "body __type {} bytes", code.len());
    }
}

#[test]
fn lex_huge_and_deep_bodies() {
    let garbage = vec![0xFFu8; MIB];
    for status in [200, 500] {
        let m = lex_malformed(status, NO_HEADERS, &garbage);
        assert!(m.excerpt().len() <= EXCERPT_LEN);
        assert!(m.excerpt().starts_with('\u{FFFD}'));
    }
    // Typed fields reject deep nesting; an error body that is too deep still leaves the header.
    let deep = nested(10_000);
    lex_malformed(200, NO_HEADERS, deep.as_bytes());
    lex_malformed(
        200,
        NO_HEADERS,
        format!(r#"{{"userId":{deep}}}"#).as_bytes(),
    );
    let e = lex_service(
        409,
        &[("x-amzn-ErrorType", "ConflictException")],
        deep.as_bytes(),
    );
    assert_eq!(e.kind(), &LexErrorKind::Conflict);
    assert_eq!(e.message(), None);
    lex_malformed(
        400,
        NO_HEADERS,
        format!(r#"{{"message":{deep}}}"#).as_bytes(),
    );
    // Skipped fields must at least not crash.
    match LexDeleteSessionResponse::from_http(
        200,
        NO_HEADERS,
        format!(r#"{{"x":{deep}}}"#).as_bytes(),
    ) {
        Ok(ok) => assert_eq!(ok.bot_name(), None),
        Err(ResponseError::Malformed(m)) => assert_malformed_shape(&m),
        Err(other) => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

fn config() -> Config {
    Config {
        cases: common::cases(256),
        failure_persistence: None,
        ..Config::default()
    }
}

fn header_sets() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = prop_oneof![
        Just("x-tt-logid".to_owned()),
        Just("X-Request-Id".to_owned()),
        Just("x-ogw-ratelimit-reset".to_owned()),
        Just("x-amzn-ErrorType".to_owned()),
        Just("x-amzn-RequestId".to_owned()),
        Just("Retry-After".to_owned()),
        "[A-Za-z-]{0,12}",
    ];
    let value = prop_oneof![
        "[0-9]{0,20}",
        "[A-Za-z]{1,20}Exception(:http://[a-z./]{0,20})?",
        "[a-z.]{1,10}#[A-Za-z]{1,20}",
        ".{0,40}",
    ];
    prop::collection::vec((name, value), 0..6)
}

fn bodies() -> impl Strategy<Value = Vec<u8>> {
    let json_like = prop_oneof![
        any::<i64>().prop_map(|c| format!(r#"{{"code":{c},"msg":"m"}}"#)),
        "[A-Za-z]{1,20}"
            .prop_map(|c| format!(r#"{{"code":"{c}","__type":"x#{c}","message":"m"}}"#)),
        r#"[\[\]{}",:0-9a-z ]{0,60}"#,
        ".{0,80}",
    ]
    .prop_map(String::into_bytes);
    prop_oneof![json_like, prop::collection::vec(any::<u8>(), 0..200)]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn classification_never_panics_and_stays_bounded(
        status in prop_oneof![100u16..600, any::<u16>()],
        headers in header_sets(),
        body in bodies(),
    ) {
        match AilyDeleteSessionResponse::from_http(status, &headers, &body) {
            Ok(ok) => prop_assert_eq!(ok.http_status(), status),
            Err(e) => {
                prop_assert_eq!(e.http_status(), status);
                prop_assert!(e.to_string().len() < 256);
                if let ResponseError::Malformed(m) = &e {
                    prop_assert!(m.excerpt().len() <= EXCERPT_LEN);
                    prop_assert!(m.reason().len() <= 2 * EXCERPT_LEN);
                }
                if let ResponseError::Service(s) = &e {
                    prop_assert_ne!(s.code(), 0);
                }
            }
        }
        match LexDeleteSessionResponse::from_http(status, &headers, &body) {
            Ok(ok) => {
                prop_assert!((200..300).contains(&status));
                prop_assert_eq!(ok.http_status(), status);
            }
            Err(e) => {
                prop_assert_eq!(e.http_status(), status);
                prop_assert!(e.to_string().len() < 256);
                if let ResponseError::Malformed(m) = &e {
                    prop_assert!(m.excerpt().len() <= EXCERPT_LEN);
                }
                if let ResponseError::Service(s) = &e {
                    prop_assert!(!(200..300).contains(&status));
                    prop_assert!(!s.code().is_empty() && s.code().len() <= 128);
                    // Sanitized like the SDKs: cut at the first ':', then the prefix up to and
                    // including the first '#' dropped; a later '#' stays (`##` gives `#`).
                    prop_assert!(!s.code().contains(':'));
                    prop_assert_eq!(s.code(), s.code().trim());
                }
            }
        }
    }

    #[test]
    fn aily_any_code_is_kept(code in any::<i64>(), status in 100u16..600, msg in ".{0,100}") {
        let body = serde_json::json!({ "code": code, "msg": msg }).to_string();
        match AilyDeleteSessionResponse::from_http(status, NO_HEADERS, body.as_bytes()) {
            Ok(ok) => {
                prop_assert_eq!(code, 0);
                prop_assert_eq!(ok.message(), Some(msg.as_str()));
            }
            Err(ResponseError::Service(e)) => {
                prop_assert_eq!(e.code(), code);
                prop_assert_eq!(e.kind(), &AilyErrorKind::from_code(code));
                prop_assert_eq!(e.message(), Some(msg.as_str()));
                prop_assert_eq!(e.http_status(), status);
            }
            Err(other) => prop_assert!(false, "{:?}", other),
        }
    }

    #[test]
    fn lex_any_exception_name_is_kept(name in "[A-Z][A-Za-z]{0,30}", status in 300u16..600) {
        let coral = format!("{name}:http://internal.amazon.com/coral/com.amazon.coral.service/");
        let e = lex_service(status, &[("x-amzn-ErrorType", &coral)], b"{}");
        prop_assert_eq!(e.code(), name.as_str());
        prop_assert_eq!(e.kind(), &LexErrorKind::from_code(&name));
        let body = format!(r#"{{"__type":"com.amazonaws.lex#{name}"}}"#);
        let e = lex_service(status, NO_HEADERS, body.as_bytes());
        prop_assert_eq!(e.code(), name.as_str());
    }
}

// ---------------------------------------------------------------------------------------------
// Both Lex versions: the restJson1 reading they share, and AWS retry classification
// ---------------------------------------------------------------------------------------------

/// A Lex response as read: the success's request id and id field (V1 `userId`, V2
/// `sessionId`), or the error.
type Read<E> = Result<(Option<String>, Option<String>), ResponseError<E>>;

/// One Lex version's response reading, so that every table below runs against both.
trait LexVersion {
    type Error: ServiceError + std::fmt::Debug + Display + PartialEq;
    type Kind: std::fmt::Debug + PartialEq;
    /// The prefix of the error's `Display`.
    const API: &'static str;
    /// The version's documented server-fault code, retried whatever the status.
    const SERVER_FAULT: &'static str;
    /// The documented errors: code, kind, status, description.
    fn documented() -> Vec<(&'static str, Self::Kind, u16, &'static str)>;
    /// The response `status`, `headers` and `body` give.
    fn read(status: u16, headers: Headers<'_>, body: &[u8]) -> Read<Self::Error>;
    fn from_code(code: &str) -> Self::Kind;
    fn kind(e: &Self::Error) -> &Self::Kind;
    fn code(e: &Self::Error) -> &str;
    fn message(e: &Self::Error) -> Option<&str>;
    fn request_id(e: &Self::Error) -> Option<&str>;
    /// The error's own `is_retryable`, `is_throttling`, `needs_credentials_refresh` and
    /// `is_clock_skew`.
    fn inherent(e: &Self::Error) -> [bool; 4];
}

struct V1;
struct V2;

macro_rules! lex_version {
    ($v:ident, $response:ident, $error:ident, $kind:ident, $api:literal, $fault:literal, $id:ident, [$($row:expr),* $(,)?]) => {
        impl LexVersion for $v {
            type Error = $error;
            type Kind = $kind;
            const API: &'static str = $api;
            const SERVER_FAULT: &'static str = $fault;
            fn documented() -> Vec<(&'static str, $kind, u16, &'static str)> {
                vec![$($row),*]
            }
            fn read(
                status: u16,
                headers: Headers<'_>,
                body: &[u8],
            ) -> Read<$error> {
                $response::from_http(status, headers, body).map(|ok| {
                    assert_eq!(ok.http_status(), status);
                    (ok.request_id().map(String::from), ok.$id().map(String::from))
                })
            }
            fn from_code(code: &str) -> $kind {
                $kind::from_code(code)
            }
            fn kind(e: &$error) -> &$kind {
                e.kind()
            }
            fn code(e: &$error) -> &str {
                e.code()
            }
            fn message(e: &$error) -> Option<&str> {
                e.message()
            }
            fn request_id(e: &$error) -> Option<&str> {
                e.request_id()
            }
            fn inherent(e: &$error) -> [bool; 4] {
                [
                    e.is_retryable(),
                    e.is_throttling(),
                    e.needs_credentials_refresh(),
                    e.is_clock_skew(),
                ]
            }
        }
    };
}

lex_version!(
    V1,
    LexDeleteSessionResponse,
    LexServiceError,
    LexErrorKind,
    "Lex",
    "InternalFailureException",
    user_id,
    [
        (
            "BadRequestException",
            LexErrorKind::BadRequest,
            400,
            "request validation failed or the bot is not built"
        ),
        (
            "ConflictException",
            LexErrorKind::Conflict,
            409,
            "two clients are using the same bot and user id"
        ),
        (
            "InternalFailureException",
            LexErrorKind::InternalFailure,
            500,
            "internal service error"
        ),
        (
            "LimitExceededException",
            LexErrorKind::LimitExceeded,
            429,
            "a limit was exceeded"
        ),
        (
            "NotFoundException",
            LexErrorKind::NotFound,
            404,
            "the bot or alias was not found"
        ),
    ]
);

lex_version!(
    V2,
    LexV2DeleteSessionResponse,
    LexV2ServiceError,
    LexV2ErrorKind,
    "Lex V2",
    "InternalServerException",
    session_id,
    [
        (
            "ValidationException",
            LexV2ErrorKind::Validation,
            400,
            "the input fails a constraint"
        ),
        (
            "AccessDeniedException",
            LexV2ErrorKind::AccessDenied,
            403,
            "access denied"
        ),
        (
            "ResourceNotFoundException",
            LexV2ErrorKind::ResourceNotFound,
            404,
            "the resource was not found"
        ),
        (
            "ConflictException",
            LexV2ErrorKind::Conflict,
            409,
            "a conflicting request is in progress"
        ),
        (
            "ThrottlingException",
            LexV2ErrorKind::Throttling,
            429,
            "the request was throttled"
        ),
        (
            "InternalServerException",
            LexV2ErrorKind::InternalServer,
            500,
            "internal service error"
        ),
        (
            "DependencyFailedException",
            LexV2ErrorKind::DependencyFailed,
            424,
            "a dependency failed"
        ),
        (
            "BadGatewayException",
            LexV2ErrorKind::BadGateway,
            502,
            "a dependency returned an invalid response"
        ),
    ]
);

/// The service error `A` reads from an error response, which must be one.
#[track_caller]
fn lex_error<A: LexVersion>(status: u16, headers: Headers<'_>, body: &[u8]) -> A::Error {
    match A::read(status, headers, body) {
        Err(ResponseError::Service(e)) => {
            assert_eq!(e.http_status(), status);
            assert_bounded(&e);
            e
        }
        other => panic!("{}: expected a service error, got {other:?}", A::API),
    }
}

/// Runs a generic check once per Lex version.
macro_rules! both_versions {
    ($($test:ident => $check:ident),* $(,)?) => {$(
        #[test]
        fn $test() {
            $check::<V1>();
            $check::<V2>();
        }
    )*};
}

both_versions! {
    lex_both_documented_errors => check_documented_errors,
    lex_both_smithy_rest_json1_error_tests => check_smithy_errors,
    lex_both_comma_separated_codes => check_comma_separated,
    lex_both_message_without_code => check_message_without_code,
    lex_both_retry_after_sources => check_retry_after,
    lex_both_aws_classification_of_every_code => check_classification,
    lex_both_conflict_is_not_retried => check_conflict,
    lex_both_success_with_an_id_that_breaks_its_rule => check_raw_id,
}

fn check_documented_errors<A: LexVersion>() {
    for (code, kind, status, _) in A::documented() {
        for (headers, body) in [
            (
                vec![("x-amzn-ErrorType", code.to_owned())],
                String::from(r#"{"message":"m"}"#),
            ),
            (
                vec![(
                    "x-amzn-ErrorType",
                    format!("{code}:http://internal.amazon.com/coral/com.amazon.coral.service/"),
                )],
                String::from(r#"{"message":"m"}"#),
            ),
            (vec![], format!(r#"{{"code":"{code}","message":"m"}}"#)),
            (
                vec![],
                format!(r#"{{"__type":"com.amazonaws.lex#{code}","message":"m"}}"#),
            ),
        ] {
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let e = lex_error::<A>(status, &headers, body.as_bytes());
            assert_eq!(A::kind(&e), &kind, "{} {headers:?} {body}", A::API);
            assert_eq!(A::code(&e), code);
            assert_eq!(A::message(&e), Some("m"));
            assert_eq!(
                e.to_string(),
                format!("{} {code}, HTTP {status}: m", A::API)
            );
        }
    }
}

#[test]
fn lex_v2_documented_kinds() {
    let kinds: Vec<LexV2ErrorKind> = V2::documented().into_iter().map(|row| row.1).collect();
    assert_eq!(LexV2ErrorKind::KNOWN, kinds.as_slice());
    for (code, kind, status, description) in V2::documented() {
        assert_eq!(kind.code(), code);
        assert_eq!(kind.documented_status(), Some(status));
        assert_eq!(kind.description(), description);
    }
    // V1's 400 is not V2's: V2 has no BadRequestException.
    let bad_request = LexV2ErrorKind::from_code("BadRequestException");
    assert_eq!(
        bad_request,
        LexV2ErrorKind::Unknown("BadRequestException".to_owned())
    );
    assert_eq!(bad_request.documented_status(), None);
    assert_eq!(bad_request.description(), "unknown error code");
}

/// One error test: its id, status, headers, body, expected code and message.
type SmithyRow<'a> = (
    &'a str,
    u16,
    Vec<(&'a str, &'a str)>,
    &'a str,
    &'a str,
    Option<&'a str>,
);

/// smithy-lang/smithy `smithy-aws-protocol-tests/model/restJson1/errors.smithy`: the code from
/// `X-Amzn-Errortype`, else body `code`, else `__type`; cut at the first `:`, keep what follows
/// a `#`; a nested `__type` is not the error's.
fn check_smithy_errors<A: LexVersion>() {
    const URI: &str = "http://internal.amazon.com/coral/com.amazon.coral.validate/";
    let json = ("Content-Type", "application/json");
    let et = "X-Amzn-Errortype";
    let with_uri = format!("FooError:{URI}");
    let ns_uri = format!("aws.protocoltests.restjson#FooError:{URI}");
    let other_ns_uri = format!("aws.different.namespace#FooError:{URI}");
    let code_ns_uri = format!(r#"{{"code":"aws.protocoltests.restjson#FooError:{URI}"}}"#);
    let type_ns_uri = format!(r#"{{"__type":"aws.protocoltests.restjson#FooError:{URI}"}}"#);
    let rows: Vec<SmithyRow<'_>> = vec![
        (
            "RestJsonInvalidGreetingError",
            400,
            vec![json, (et, "InvalidGreeting")],
            r#"{"Message":"Hi"}"#,
            "InvalidGreeting",
            Some("Hi"),
        ),
        (
            "RestJsonComplexErrorWithNoMessage",
            403,
            vec![json, ("X-Header", "Header"), (et, "ComplexError")],
            r#"{"TopLevel":"Top level","Nested":{"Fooooo":"bar"}}"#,
            "ComplexError",
            None,
        ),
        (
            "RestJsonEmptyComplexErrorWithNoMessage",
            403,
            vec![json, (et, "ComplexError")],
            "{}",
            "ComplexError",
            None,
        ),
        (
            "RestJsonFooErrorUsingXAmznErrorType",
            500,
            vec![(et, "FooError")],
            "",
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorUsingXAmznErrorTypeWithUri",
            500,
            vec![(et, &with_uri)],
            "",
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorUsingXAmznErrorTypeWithUriAndNamespace",
            500,
            vec![(et, &ns_uri)],
            "",
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorUsingXAmznErrorTypeWithUriAndDifferentNamespace",
            500,
            vec![(et, &other_ns_uri)],
            "",
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorUsingCode",
            500,
            vec![json],
            r#"{"code":"FooError"}"#,
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorUsingCodeAndNamespace",
            500,
            vec![json],
            r#"{"code":"aws.protocoltests.restjson#FooError"}"#,
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorUsingCodeUriAndNamespace",
            500,
            vec![json],
            &code_ns_uri,
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorWithDunderType",
            500,
            vec![json],
            r#"{"__type":"FooError"}"#,
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorWithDunderTypeAndNamespace",
            500,
            vec![json],
            r#"{"__type":"aws.protocoltests.restjson#FooError"}"#,
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorWithDunderTypeUriAndNamespace",
            500,
            vec![json],
            &type_ns_uri,
            "FooError",
            None,
        ),
        (
            "RestJsonFooErrorWithNestedTypeProperty",
            500,
            vec![json],
            r#"{"__type":"aws.protocoltests.restjson#FooError","ErrorDetails":[{"__type":"com.amazon.internal#ErrorDetails","reason":"Some reason"}]}"#,
            "FooError",
            None,
        ),
        // The precedence the tests' documentation states.
        (
            "header beats body code",
            500,
            vec![json, (et, "FooError")],
            r#"{"code":"BarError","__type":"BazError"}"#,
            "FooError",
            None,
        ),
        (
            "body code beats __type",
            500,
            vec![json],
            r#"{"__type":"BazError","code":"FooError"}"#,
            "FooError",
            None,
        ),
        (
            "nested code is not the error's",
            500,
            vec![json],
            r#"{"ErrorDetails":{"code":"BarError"},"__type":"FooError"}"#,
            "FooError",
            None,
        ),
    ];
    for (id, status, headers, body, code, message) in rows {
        let e = lex_error::<A>(status, &headers, body.as_bytes());
        assert_eq!(A::code(&e), code, "{} {id}", A::API);
        assert_eq!(A::kind(&e), &A::from_code(code), "{} {id}", A::API);
        assert_eq!(A::message(&e), message, "{} {id}", A::API);
        // 500 is a transient status; 400 and 403 with these codes are not retried.
        assert_eq!(e.is_retryable(), status == 500, "{} {id}", A::API);
    }
}

/// `x-amzn-ErrorType` may carry several comma-separated values (API Gateway adds one): the first
/// counts, in every source.
fn check_comma_separated<A: LexVersion>() {
    // (headers, body, code)
    let rows: &[(Headers<'_>, &str, &str)] = &[
        (
            &[("x-amzn-ErrorType", "ConflictException,FooException")],
            "{}",
            "ConflictException",
        ),
        (
            &[("x-amzn-ErrorType", "FooError:http://x/,BarError")],
            "{}",
            "FooError",
        ),
        (
            &[(
                "x-amzn-ErrorType",
                "ns#ThrottlingException:http://x/, BarError",
            )],
            "{}",
            "ThrottlingException",
        ),
        (
            &[("x-amzn-ErrorType", "ThrottlingException ,BarError")],
            "{}",
            "ThrottlingException",
        ),
        (
            &[("x-amzn-ErrorType", ",ConflictException")],
            r#"{"code":"BarError"}"#,
            "BarError",
        ),
        (&[], r#"{"code":"FooError,BarError"}"#, "FooError"),
        (&[], r#"{"__type":"ns#FooError,BarError"}"#, "FooError"),
        (&[], r#"{"code":",","__type":"FooError"}"#, "FooError"),
    ];
    for &(headers, body, code) in rows {
        let e = lex_error::<A>(400, headers, body.as_bytes());
        assert_eq!(A::code(&e), code, "{} {headers:?} {body}", A::API);
        assert_eq!(A::kind(&e), &A::from_code(code));
        assert_eq!(e.is_throttling(), code == "ThrottlingException");
    }
}

/// A JSON object with a message and no code is the service's error of an unknown kind with an
/// empty code; with neither, the response is malformed.
fn check_message_without_code<A: LexVersion>() {
    for (body, message) in [
        (r#"{"message":"m"}"#, "m"),
        (r#"{"Message":"M"}"#, "M"),
        (r#"{"errorMessage":"e"}"#, "e"),
        (r#"{"message":"","code":""}"#, ""),
        (r#"{"__type":"ns#","message":"m"}"#, "m"),
        (r#"{"code":":http://x","message":"m"}"#, "m"),
        (r#"{"code":",","message":"m"}"#, "m"),
    ] {
        let headers = [("x-amzn-RequestId", "r-1"), ("x-amzn-ErrorType", "")];
        let e = lex_error::<A>(400, &headers, body.as_bytes());
        assert_eq!(A::code(&e), "", "{} {body}", A::API);
        assert_eq!(A::kind(&e), &A::from_code(""));
        assert_eq!(A::message(&e), Some(message));
        assert_eq!(A::request_id(&e), Some("r-1"));
        assert!(!e.is_retryable());
        assert_eq!(
            e.to_string(),
            format!("{} error without a code, HTTP 400: {message}", A::API)
        );
    }
    for body in [
        &b"{}"[..],
        br#"{"message":5}"#,
        br#"{"message":null}"#,
        b"[]",
        b"",
        b"m",
    ] {
        match A::read(400, &[("x-amzn-RequestId", "r-1")], body) {
            Err(ResponseError::Malformed(m)) => {
                assert!(
                    m.reason().starts_with("error response with no error code"),
                    "{m}"
                )
            }
            other => panic!("{} {:?}: {other:?}", A::API, String::from_utf8_lossy(body)),
        }
    }
}

/// The wait: `x-amz-retry-after` in milliseconds first (aws-sdk-rust reads it), then
/// `Retry-After` in seconds; either capped at a day.
fn check_retry_after<A: LexVersion>() {
    let cap = Duration::from_secs(botsession::MAX_RETRY_AFTER_SECS);
    let max = u64::MAX.to_string();
    // (x-amz-retry-after, Retry-After, wait)
    let rows: Vec<(Option<&str>, Option<&str>, Option<Duration>)> = vec![
        (Some("1500"), None, Some(Duration::from_millis(1500))),
        (Some("1500"), Some("7"), Some(Duration::from_millis(1500))),
        (Some("0"), Some("7"), Some(Duration::ZERO)),
        (Some("1"), None, Some(Duration::from_millis(1))),
        (None, Some("7"), Some(Duration::from_secs(7))),
        (Some("abc"), Some("7"), Some(Duration::from_secs(7))),
        (Some("-1"), Some("7"), Some(Duration::from_secs(7))),
        (Some("1.5"), Some("2"), Some(Duration::from_secs(2))),
        (Some(""), Some("2"), Some(Duration::from_secs(2))),
        (Some("abc"), None, None),
        (Some("86400000"), None, Some(cap)),
        (Some("86400001"), None, Some(cap)),
        (Some(&max), Some("7"), Some(cap)),
        (None, Some("86400"), Some(cap)),
        (None, Some("86401"), Some(cap)),
        (None, Some(&max), Some(cap)),
        (None, None, None),
    ];
    for (amz, secs, wait) in rows {
        let mut headers = vec![("x-amzn-ErrorType", "ThrottlingException")];
        headers.extend(amz.map(|v| ("x-amz-retry-after", v)));
        headers.extend(secs.map(|v| ("Retry-After", v)));
        let err = A::read(429, &headers, b"{}").unwrap_err();
        assert_eq!(err.retry_after(), wait, "{} {amz:?} {secs:?}", A::API);
        let e = err.service_error().unwrap();
        assert_eq!(ServiceError::retry_after(e), wait);
        assert!(err.is_retryable() && err.is_throttling());
    }
    // The header names in any case; a malformed response keeps the wait too.
    let headers = [("X-AMZ-RETRY-AFTER", "250"), ("retry-after", "9")];
    let err = A::read(503, &headers, b"<html>").unwrap_err();
    assert!(matches!(err, ResponseError::Malformed(_)), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_millis(250)));
}

/// The AWS SDKs' lists, written here from their sources (see NOTES.md, "AWS retry
/// classification"), independent of the crate's.
const THROTTLING: [&str; 14] = [
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];
const TRANSIENT: [&str; 2] = ["RequestTimeout", "RequestTimeoutException"];
const TRANSIENT_STATUSES: [u16; 4] = [500, 502, 503, 504];
const CLOCK_SKEW: [&str; 6] = [
    "AuthFailure",
    "InvalidSignatureException",
    "RequestExpired",
    "RequestInTheFuture",
    "RequestTimeTooSkewed",
    "SignatureDoesNotMatch",
];
const EXPIRED_CREDENTIALS: [&str; 3] = ["ExpiredToken", "ExpiredTokenException", "RequestExpired"];
/// The codes AWS answers a key it does not know with (403, "The security token included in the
/// request is invalid." and "The X.509 certificate or AWS access key ID provided does not exist
/// in our records.").
const INVALID_CREDENTIALS: [&str; 2] = ["UnrecognizedClientException", "InvalidClientTokenId"];

/// `ServiceError`'s answers, asked generically.
fn trait_answers<E: ServiceError>(e: &E) -> [bool; 4] {
    [
        e.is_retryable(),
        e.is_throttling(),
        e.needs_credentials_refresh(),
        e.is_clock_skew(),
    ]
}

/// `ResponseError`'s answers.
fn response_answers<E: ServiceError>(e: &ResponseError<E>) -> [bool; 4] {
    [
        e.is_retryable(),
        e.is_throttling(),
        e.needs_credentials_refresh(),
        e.is_clock_skew(),
    ]
}

/// Every listed code (and the version's own, and some that are in no list) at every status
/// that matters: retryable, throttling, credentials refresh and clock skew, through the error's
/// own methods, the `ServiceError` trait and `ResponseError`, which must all agree.
fn check_classification<A: LexVersion>() {
    let mut codes: Vec<&str> = [
        &THROTTLING[..],
        &TRANSIENT,
        &CLOCK_SKEW,
        &EXPIRED_CREDENTIALS,
        &INVALID_CREDENTIALS,
    ]
    .concat();
    let documented = A::documented();
    codes.extend(documented.iter().map(|row| row.0));
    codes.extend([
        "AccessDeniedException",
        "TimeoutError",
        "throttlingexception",
        "Throttling2",
        "FooException",
    ]);
    let mut seen = 0;
    for &code in &codes {
        for status in [
            400, 401, 403, 404, 408, 409, 418, 429, 500, 501, 502, 503, 504, 599,
        ] {
            let throttling = THROTTLING.contains(&code);
            let want = [
                throttling
                    || TRANSIENT.contains(&code)
                    || TRANSIENT_STATUSES.contains(&status)
                    || code == A::SERVER_FAULT,
                throttling,
                EXPIRED_CREDENTIALS.contains(&code) || INVALID_CREDENTIALS.contains(&code),
                CLOCK_SKEW.contains(&code),
            ];
            let headers = [("x-amzn-ErrorType", code)];
            let err = A::read(status, &headers, br#"{"message":"m"}"#).unwrap_err();
            let e = err.service_error().expect("a service error");
            let at = format!("{} {code} {status}", A::API);
            assert_eq!(
                A::inherent(e),
                want,
                "{at}: [retryable, throttling, refresh, skew]"
            );
            assert_eq!(trait_answers(e), want, "{at}: ServiceError");
            assert_eq!(response_answers(&err), want, "{at}: ResponseError");
            seen += 1;
        }
    }
    assert!(seen >= 14 * 30, "{seen}");
    // An unreadable response: no code, so only its status can make it retryable.
    for status in [429, 500, 502, 503, 504] {
        let err = A::read(status, NO_HEADERS, b"<html>").unwrap_err();
        assert!(matches!(err, ResponseError::Malformed(_)));
        assert_eq!(
            response_answers(&err),
            [true, false, false, false],
            "{status}"
        );
    }
    for status in [400, 403, 409, 501] {
        let err = A::read(status, NO_HEADERS, b"<html>").unwrap_err();
        assert_eq!(response_answers(&err), [false; 4], "{status}");
    }
}

/// 409 Conflict is not retried, whatever the version calls it.
fn check_conflict<A: LexVersion>() {
    for headers in [
        &[("x-amzn-ErrorType", "ConflictException")][..],
        &[
            ("x-amzn-ErrorType", "ConflictException"),
            ("Retry-After", "1"),
        ],
        &[("x-amzn-ErrorType", "FooException")],
        &[],
    ] {
        let err = A::read(409, headers, br#"{"message":"busy"}"#).unwrap_err();
        assert!(!err.is_retryable(), "{} {headers:?}", A::API);
        assert!(!err.is_throttling());
    }
}

/// A 2xx is a success: the session is gone, so an id field that breaks its rule is kept as
/// received (V1 `userId`, V2 `sessionId`); a field of the wrong JSON type is still malformed.
fn check_raw_id<A: LexVersion>() {
    let field = if A::API == "Lex" {
        "userId"
    } else {
        "sessionId"
    };
    for (raw, kept) in [
        ("a b", "a b"),
        ("..", ".."),
        ("a", "a"),
        ("", ""),
        ("a/b", "a/b"),
        ("a\\u0000b", "a\0b"),
        ("ünïcödé", "ünïcödé"),
    ] {
        let body = format!(r#"{{"{field}":"{raw}"}}"#);
        let got = A::read(200, &[("x-amzn-RequestId", "r")], body.as_bytes());
        assert_eq!(
            got,
            Ok((Some("r".to_owned()), Some(kept.to_owned()))),
            "{} {body}",
            A::API
        );
    }
    let long = "x".repeat(1000);
    let body = format!(r#"{{"{field}":"{long}"}}"#);
    let got = A::read(200, NO_HEADERS, body.as_bytes());
    assert_eq!(got, Ok((None, Some(long))));
    for body in [
        format!(r#"{{"{field}":5}}"#),
        format!(r#"{{"{field}":["a"]}}"#),
    ] {
        let got = A::read(200, NO_HEADERS, body.as_bytes());
        assert!(
            matches!(got, Err(ResponseError::Malformed(_))),
            "{body}: {got:?}"
        );
    }
}

/// Aily's answers to the generic questions: throttling is `RateLimited`, a credentials refresh
/// is a token refresh, and there is no clock skew.
#[test]
fn aily_answers_the_service_error_questions() {
    const TOKEN_REFRESH: [i64; 4] = [99991663, 99991664, 99991668, 99991677];
    for kind in AilyErrorKind::KNOWN {
        let e = aily_service(400, NO_HEADERS, &aily_body(kind.code(), "m"));
        let refresh = TOKEN_REFRESH.contains(&kind.code());
        assert_eq!(e.needs_credentials_refresh(), refresh, "{kind:?}");
        let want = [e.is_retryable(), kind.code() == 99991400, refresh, false];
        assert_eq!(trait_answers(&e), want, "{kind:?}");
        let err =
            AilyDeleteSessionResponse::from_http(400, NO_HEADERS, &aily_body(kind.code(), "m"))
                .unwrap_err();
        assert_eq!(response_answers(&err), want, "{kind:?}");
    }
    assert_eq!(
        AilyErrorKind::KNOWN
            .iter()
            .filter(|k| k.needs_credentials_refresh())
            .count(),
        TOKEN_REFRESH.len()
    );
    let e = aily_service(429, NO_HEADERS, &aily_body(99991400, "slow"));
    assert_eq!(trait_answers(&e), [true, true, false, false]);
}

// ---------------------------------------------------------------------------------------------
// Lex V2: success
// ---------------------------------------------------------------------------------------------

#[test]
fn lex_v2_success_from_the_model() {
    let body = br#"{"botId":"ABCDE12345","botAliasId":"TSTALIASID","localeId":"en_US","sessionId":"user:42"}"#;
    let ok =
        LexV2DeleteSessionResponse::from_http(200, &[("X-Amzn-RequestId", "r-1")], body).unwrap();
    assert_eq!(ok.bot_id(), Some("ABCDE12345"));
    assert_eq!(ok.bot_alias_id(), Some("TSTALIASID"));
    assert_eq!(ok.locale_id(), Some("en_US"));
    assert_eq!(ok.session_id(), Some("user:42"));
    assert_eq!(ok.request_id(), Some("r-1"));
    assert_eq!(ok.http_status(), 200);
    // Every field optional in the model; unknown fields ignored; an empty body is all absent.
    for body in [
        &b""[..],
        b"{}",
        b" \r\n",
        br#"{"sessionState":{"x":[1,2]},"extra":null}"#,
    ] {
        let ok = LexV2DeleteSessionResponse::from_http(204, NO_HEADERS, body).unwrap();
        let fields = [
            ok.bot_id(),
            ok.bot_alias_id(),
            ok.locale_id(),
            ok.session_id(),
        ];
        assert_eq!(fields, [None; 4], "{:?}", String::from_utf8_lossy(body));
        assert_eq!(ok.request_id(), None);
    }
    // Fields that break their ids' rules are kept; a field of the wrong type is malformed.
    let body = br#"{"botId":"short","botAliasId":"a/b","localeId":"en US","sessionId":".."}"#;
    let ok = LexV2DeleteSessionResponse::from_http(200, NO_HEADERS, body).unwrap();
    assert_eq!(
        [
            ok.bot_id(),
            ok.bot_alias_id(),
            ok.locale_id(),
            ok.session_id()
        ],
        [Some("short"), Some("a/b"), Some("en US"), Some("..")]
    );
    for (body, reason) in [
        (&br#"{"botId":5}"#[..], "invalid type: integer `5`"),
        (br#"{"localeId":["en_US"]}"#, "invalid type: sequence"),
        (
            br#"{"sessionId":null,"sessionId":"a"}"#,
            "duplicate field `sessionId`",
        ),
        (b"[]", "body is a JSON array, not an object"),
        (b"null", "invalid type: null"),
    ] {
        match LexV2DeleteSessionResponse::from_http(200, NO_HEADERS, body) {
            Err(ResponseError::Malformed(m)) => {
                assert!(
                    m.reason().starts_with(reason),
                    "{:?}: {m}",
                    String::from_utf8_lossy(body)
                )
            }
            other => panic!("{other:?}"),
        }
    }
}
