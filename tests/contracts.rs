//! Contract details of the response and error types: kind equality, code sanitizing, retry
//! bounds, and one-line error text.
#![cfg(feature = "serde")]

use botsession::{
    AilyDeleteSessionResponse, AilyErrorKind, LexDeleteSessionResponse, LexErrorKind,
    MalformedResponse, ResponseError, MAX_RETRY_AFTER_SECS,
};
use std::time::Duration;

fn hash_of<T: std::hash::Hash>(value: &T) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(value)
}

#[test]
fn kinds_compare_and_hash_by_code() {
    assert_eq!(AilyErrorKind::Unknown(2700001), AilyErrorKind::ParamInvalid);
    assert_ne!(AilyErrorKind::Unknown(1), AilyErrorKind::ParamInvalid);
    assert_ne!(LexErrorKind::NotFound, LexErrorKind::Conflict);
    assert_ne!(
        LexErrorKind::Unknown("ConflictExceptions".into()),
        LexErrorKind::Conflict
    );
    assert_eq!(
        LexErrorKind::Unknown("ConflictException".into()),
        LexErrorKind::Conflict
    );
    for kind in AilyErrorKind::KNOWN {
        assert_eq!(AilyErrorKind::from_code(kind.code()), *kind);
    }
    // Hashing agrees with equality, and tells codes apart (a map keyed by kinds stays a map).
    assert_eq!(
        hash_of(&AilyErrorKind::Unknown(2700001)),
        hash_of(&AilyErrorKind::ParamInvalid)
    );
    assert_ne!(
        hash_of(&AilyErrorKind::RateLimited),
        hash_of(&AilyErrorKind::ParamInvalid)
    );
    assert_eq!(
        hash_of(&LexErrorKind::Unknown("ConflictException".into())),
        hash_of(&LexErrorKind::Conflict)
    );
    assert_ne!(
        hash_of(&LexErrorKind::NotFound),
        hash_of(&LexErrorKind::Conflict)
    );
    assert_eq!(AilyErrorKind::ParamInvalid.documented_status(), Some(400));
    assert_eq!(AilyErrorKind::RateLimited.documented_status(), Some(429));
    assert_eq!(AilyErrorKind::Internal.documented_status(), None);
}

#[test]
fn lex_codes_are_sanitized_like_the_sdks() {
    // Everything from the first ':' is cut, then everything up to and including the first '#'.
    for (raw, code) in [
        (
            "ConflictException:http://internal.amazon.com/coral/",
            "ConflictException",
        ),
        ("aws.protocoltests#FooError", "FooError"),
        ("aws#ns#X", "ns#X"),
        ("##", "#"),
        ("a:b#c", "a"),
        (
            "com.amazonaws.lex#NotFoundException:extra",
            "NotFoundException",
        ),
    ] {
        assert_eq!(LexErrorKind::from_code(raw).code(), code, "{raw}");
    }
    assert_eq!(
        LexErrorKind::from_code("ConflictException:http://x"),
        LexErrorKind::Conflict
    );
}

#[test]
fn malformed_is_an_error_and_keeps_the_wait() {
    fn is_error<E: std::error::Error + Send + Sync + 'static>() {}
    is_error::<MalformedResponse>();
    is_error::<ResponseError<botsession::AilyServiceError>>();

    let err =
        LexDeleteSessionResponse::from_http(429, &[("Retry-After", "9")], b"<html>").unwrap_err();
    assert!(matches!(err, ResponseError::Malformed(_)));
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(9)));
}

#[test]
fn waits_are_capped() {
    let headers = [("x-ogw-ratelimit-reset", "18446744073709551615")];
    let err =
        AilyDeleteSessionResponse::from_http(429, &headers, br#"{"code":99991400}"#).unwrap_err();
    assert_eq!(
        err.retry_after(),
        Some(Duration::from_secs(MAX_RETRY_AFTER_SECS))
    );
    // A date is not read.
    let headers = [("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")];
    let err = LexDeleteSessionResponse::from_http(
        429,
        &[
            (headers[0].0, headers[0].1),
            ("x-amzn-ErrorType", "LimitExceededException"),
        ],
        b"{}",
    )
    .unwrap_err();
    assert_eq!(err.retry_after(), None);
    assert!(err.is_retryable());
}

#[test]
fn server_text_cannot_break_or_reorder_a_log_line() {
    let body = "{\"code\":1,\"msg\":\"ok\\u2028FAKE \\u202etxt.exe\\r\\nX\"}";
    let err = AilyDeleteSessionResponse::from_http(400, &[("x", "y")], body.as_bytes())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "Aily error 1 (unknown error code), HTTP 400: ok\\u{2028}FAKE \\u{202e}txt.exe\\r\\nX"
    );
}

#[cfg(feature = "http")]
#[test]
fn http_responses_pick_headers_exactly_like_from_http() {
    let body = br#"{"code":2700001,"msg":"m"}"#;
    let pairs = [
        ("X-Tt-Logid", ""),
        ("X-Tt-Logid", "real"),
        ("X-Request-Id", "req"),
    ];
    let mut response = http::Response::builder().status(400);
    for (k, v) in pairs {
        response = response.header(k, v);
    }
    let response = response.body(body.to_vec()).unwrap();
    let from_pairs = AilyDeleteSessionResponse::from_http(400, &pairs, body).unwrap_err();
    let from_http = AilyDeleteSessionResponse::from_http_response(&response).unwrap_err();
    assert_eq!(from_pairs, from_http);
    assert_eq!(
        from_http.service_error().and_then(|e| e.request_id()),
        Some("real")
    );
}

#[cfg(feature = "http")]
#[test]
fn non_utf8_authorization_reports_raw_lengths() {
    let mut headers = http::HeaderMap::new();
    let raw = b"Bearer \xe9abc def";
    headers.insert("authorization", http::HeaderValue::from_bytes(raw).unwrap());
    let Err(botsession::AuthorizationError::Invalid(err)) =
        botsession::AilyAuthorization::from_request_headers(&headers)
    else {
        panic!("accepted")
    };
    assert_eq!(err.found_len(), raw.len());
    // The same bytes through the header-pair reader.
    assert_eq!(
        botsession::AilyAuthorization::from_request_headers(&[(&b"Authorization"[..], &raw[..])]),
        Err(botsession::AuthorizationError::Invalid(err.clone()))
    );
    assert_eq!(err.index(), Some(7));
    assert_eq!(err.character(), None);
}
