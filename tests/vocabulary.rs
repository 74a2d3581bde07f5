//! One shape for every API: the service errors answer the same questions under the same names
//! (inherent and through `ServiceError`), every entry point takes the header lists users hold,
//! rejections carry a request id, a 405 says one thing in its error, message and `Allow` header,
//! and the path length counts the same everywhere.
#![cfg(feature = "serde")]

mod common;

use botsession::{
    AilyAuthorization, AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyErrorKind,
    AilyServiceError, Api, AuthorizationError, ErrorCode, LexDeleteSessionRequest,
    LexDeleteSessionResponse, LexErrorKind, LexServiceError, LexV2DeleteSessionRequest,
    LexV2DeleteSessionResponse, LexV2ErrorKind, LexV2ServiceError, MockService, Operation,
    ResponseError, RouteError, RouteRejection, ServiceError, MAX_PATH_LEN,
};
use common::fixtures::{
    aily_request, lex_request, lex_v2_request, AILY_PATH, LEX_PATH, LEX_V2_PATH,
};

/// Everything `ServiceError` says, read through the trait alone: generic code needs no other
/// bound.
fn surface<E: ServiceError>(e: &E) -> (String, Option<String>, Option<String>, u16, [bool; 4]) {
    (
        e.code().to_string(),
        e.message().map(String::from),
        e.request_id().map(String::from),
        e.http_status(),
        [
            e.is_retryable(),
            e.is_throttling(),
            e.needs_credentials_refresh(),
            e.is_clock_skew(),
        ],
    )
}

/// Reads what a server wrote, as a client does, and checks that the trait and the inherent
/// methods agree; gives the trait's view.
macro_rules! read_back {
    ($response:ty, $wire:expr) => {{
        let wire = $wire;
        let err = match <$response>::from_http(wire.status(), wire.headers(), wire.body()) {
            Err(ResponseError::Service(e)) => e,
            other => panic!("not a service error: {other:?}"),
        };
        assert_eq!(ServiceError::message(&err), err.message());
        assert_eq!(ServiceError::request_id(&err), err.request_id());
        assert_eq!(ServiceError::http_status(&err), err.http_status());
        assert_eq!(ServiceError::is_retryable(&err), err.is_retryable());
        assert_eq!(ServiceError::retry_after(&err), err.retry_after());
        assert_eq!(ServiceError::is_throttling(&err), err.is_throttling());
        assert_eq!(
            ServiceError::needs_credentials_refresh(&err),
            err.needs_credentials_refresh()
        );
        assert_eq!(ServiceError::is_clock_skew(&err), err.is_clock_skew());
        assert!(err
            .to_string()
            .contains(&ServiceError::code(&err).to_string()));
        surface(&err)
    }};
}

#[test]
fn throttling_reads_the_same_in_every_api() {
    let aily = read_back!(
        AilyDeleteSessionResponse,
        AilyServiceError::new(AilyErrorKind::RateLimited)
            .with_request_id("r-1")
            .render()
    );
    assert_eq!(
        aily,
        (
            "99991400".into(),
            Some("request trigger frequency limit".into()),
            Some("r-1".into()),
            429,
            [true, true, false, false]
        )
    );
    let lex = read_back!(
        LexDeleteSessionResponse,
        LexServiceError::new(LexErrorKind::LimitExceeded)
            .with_message("slow down")
            .with_request_id("r-1")
            .render()
    );
    assert_eq!(
        lex,
        (
            "LimitExceededException".into(),
            Some("slow down".into()),
            Some("r-1".into()),
            429,
            [true, true, false, false]
        )
    );
    let v2 = read_back!(
        LexV2DeleteSessionResponse,
        LexV2ServiceError::new(LexV2ErrorKind::Throttling)
            .with_message("slow down")
            .with_request_id("r-1")
            .render()
    );
    assert_eq!(v2.0, "ThrottlingException");
    assert_eq!(v2.3, 429);
    assert_eq!(v2.4, [true, true, false, false]);
}

#[test]
fn credentials_and_clock_skew_read_the_same_in_every_api() {
    let aily = read_back!(
        AilyDeleteSessionResponse,
        AilyServiceError::new(AilyErrorKind::UserTokenExpired).render()
    );
    assert_eq!(aily.3, 401);
    assert_eq!(aily.4, [false, false, true, false]);
    let unknown = |code: &str| LexErrorKind::from_code(code);
    let lex = read_back!(
        LexDeleteSessionResponse,
        LexServiceError::new(unknown("ExpiredTokenException"))
            .with_http_status(403)
            .render()
    );
    assert_eq!(lex.4, [false, false, true, false]);
    let v2 = read_back!(
        LexV2DeleteSessionResponse,
        LexV2ServiceError::new(LexV2ErrorKind::from_code("InvalidSignatureException"))
            .with_http_status(403)
            .render()
    );
    assert_eq!(v2.4, [false, false, false, true]);
    // A kind answers for its code alone, as the error does.
    assert!(AilyErrorKind::TenantTokenInvalid.needs_credentials_refresh());
    assert!(AilyErrorKind::RateLimited.is_throttling());
    assert!(!AilyErrorKind::QuotaExceeded.is_throttling());
    assert!(LexErrorKind::LimitExceeded.is_throttling());
    assert!(unknown("ExpiredToken").needs_credentials_refresh());
    assert!(!LexV2ErrorKind::Conflict.needs_credentials_refresh());
}

#[test]
fn error_codes_show_as_sent() {
    assert_eq!(ErrorCode::Number(2700001).to_string(), "2700001");
    assert_eq!(ErrorCode::Number(-1).to_string(), "-1");
    assert_eq!(
        ErrorCode::Name("ConflictException").to_string(),
        "ConflictException"
    );
    // Server text on one bounded line.
    let long = "X".repeat(1000);
    assert!(ErrorCode::Name(&long).to_string().len() <= 130);
    assert_eq!(ErrorCode::Name("a\nb").to_string(), "a\\nb");
}

#[test]
fn the_kinds_and_constructors_speak_one_vocabulary() {
    // `new(kind)` everywhere; the message is its own setter, and absent until set on AWS.
    assert_eq!(
        AilyServiceError::new(AilyErrorKind::ParamInvalid).message(),
        Some("param is invalid")
    );
    assert_eq!(LexServiceError::new(LexErrorKind::Conflict).message(), None);
    assert_eq!(
        LexV2ServiceError::new(LexV2ErrorKind::Conflict)
            .with_message("m")
            .message(),
        Some("m")
    );
    // The catch-all is `Unknown` in every API, and keeps the code.
    assert_eq!(AilyErrorKind::from_code(7), AilyErrorKind::Unknown(7));
    assert_eq!(
        LexErrorKind::from_code("NewException"),
        LexErrorKind::Unknown("NewException".into())
    );
    // One status per kind, from the one table: documented where the docs say it.
    assert_eq!(AilyErrorKind::ParamInvalid.documented_status(), Some(400));
    assert_eq!(AilyErrorKind::RateLimited.documented_status(), Some(429));
    assert_eq!(AilyErrorKind::UserTokenExpired.documented_status(), None);
    assert_eq!(AilyErrorKind::UserTokenExpired.http_status(), 401);
    assert_eq!(LexErrorKind::NotFound.http_status(), 404);
    assert_eq!(LexErrorKind::from_code("X").http_status(), 400);
    for kind in AilyErrorKind::KNOWN {
        if let Some(status) = kind.documented_status() {
            assert_eq!(status, kind.http_status(), "{kind:?}");
        }
    }
}

#[test]
fn session_not_found_is_one_call_in_every_api() {
    let aily = AilyServiceError::session_not_found();
    assert_eq!(aily.kind(), &AilyErrorKind::ParamInvalid);
    assert_eq!(aily.http_status(), 400);
    let fields: Vec<_> = aily.field_violations().iter().map(|v| v.field()).collect();
    assert_eq!(fields, [Some("aily_session_id")]);
    let lex = LexServiceError::session_not_found();
    assert_eq!(
        (lex.kind(), lex.http_status()),
        (&LexErrorKind::NotFound, 404)
    );
    assert_eq!(
        lex.message(),
        Some("No session found for the bot, alias and user.")
    );
    let v2 = LexV2ServiceError::session_not_found();
    assert_eq!(
        (v2.kind(), v2.http_status()),
        (&LexV2ErrorKind::ResourceNotFound, 404)
    );
    assert_eq!(
        v2.message(),
        Some("No session found for the bot, alias, locale and session id.")
    );
    // Each is what the mock answers a deleted session with.
    let mut mock = MockService::new();
    let auth = [("Authorization", "Bearer t-g1044qeGEDXTB6NDJOGV4JQX")];
    let read = |wire: botsession::WireResponse| {
        AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
    };
    assert_eq!(
        read(mock.handle("DELETE", AILY_PATH, &auth, b"")),
        Err(ResponseError::Service(
            AilyServiceError::session_not_found().with_request_id("mock-1")
        ))
    );
    let wire = mock.handle("DELETE", LEX_PATH, &auth, b"");
    assert_eq!(
        LexDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()),
        Err(ResponseError::Service(
            LexServiceError::session_not_found().with_request_id("mock-2")
        ))
    );
    let wire = mock.handle("DELETE", LEX_V2_PATH, &auth, b"");
    assert_eq!(
        LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()),
        Err(ResponseError::Service(
            LexV2ServiceError::session_not_found().with_request_id("mock-3")
        ))
    );
}

/// A request line of each kind of rejection on each API's path.
fn rejections() -> Vec<(Api, &'static str, String)> {
    let mut lines = Vec::new();
    for (api, path, bad_label) in [
        (
            Api::Aily,
            AILY_PATH,
            "/open-apis/aily/v1/sessions/session_I".to_string(),
        ),
        (Api::Lex, LEX_PATH, LEX_PATH.replace("user%3A42", "a%20b")),
        (Api::LexV2, LEX_V2_PATH, LEX_V2_PATH.replace("en_US", "e")),
    ] {
        lines.push((api, "PATCH", path.to_string()));
        lines.push((api, "DELETE", format!("{path}/x/y")));
        lines.push((api, "DELETE", bad_label));
        lines.push((
            api,
            "DELETE",
            format!("{path}?{}", "q".repeat(MAX_PATH_LEN)),
        ));
    }
    lines.push((Api::Aily, "GET", format!("{AILY_PATH}/messages")));
    lines.push((Api::Aily, "PUT", AILY_PATH.to_string()));
    lines.push((Api::Lex, "POST", LEX_PATH.to_string()));
    lines.push((Api::LexV2, "POST", format!("{LEX_V2_PATH}/text")));
    lines
}

#[test]
fn every_rejection_carries_its_request_id() {
    for (api, method, path) in rejections() {
        let rejection = Operation::from_route(method, &path).unwrap_err();
        assert_eq!(rejection.api(), Some(api), "{method} {path}");
        assert_eq!(rejection.request_id(), None);
        let rejection = rejection.with_request_id("req-7");
        assert_eq!(rejection.request_id(), Some("req-7"));
        let wire = rejection.render();
        assert_eq!(wire.status(), rejection.http_status(), "{method} {path}");
        let (status, headers, body) = (wire.status(), wire.headers(), wire.body());
        let id = match api {
            Api::Aily => {
                assert_eq!(wire.header("X-Tt-Logid"), Some("req-7"));
                let json: serde_json::Value = serde_json::from_slice(body).unwrap();
                assert_eq!(json["error"]["log_id"], "req-7", "{method} {path}");
                let e = AilyDeleteSessionResponse::from_http(status, headers, body).unwrap_err();
                e.service_error().unwrap().request_id().map(String::from)
            }
            Api::Lex => {
                assert_eq!(wire.header("x-amzn-RequestId"), Some("req-7"));
                let e = LexDeleteSessionResponse::from_http(status, headers, body).unwrap_err();
                e.service_error().unwrap().request_id().map(String::from)
            }
            _ => {
                assert_eq!(wire.header("x-amzn-RequestId"), Some("req-7"));
                let e = LexV2DeleteSessionResponse::from_http(status, headers, body).unwrap_err();
                e.service_error().unwrap().request_id().map(String::from)
            }
        };
        assert_eq!(id.as_deref(), Some("req-7"), "{method} {path}");
    }
    // A path under no API has no API's id header to carry it.
    let plain = RouteRejection::new(None, RouteError::NotFound).with_request_id("req-7");
    assert_eq!(plain.render().header("X-Tt-Logid"), None);
    assert_eq!(plain.render().header("x-amzn-RequestId"), None);
}

#[test]
fn a_405_says_one_thing() {
    for (path, allow) in [
        (AILY_PATH, "DELETE, GET, PUT"),
        (LEX_PATH, "DELETE, POST"),
        (LEX_V2_PATH, "DELETE, GET, POST"),
    ] {
        let rejection = Operation::from_route("PATCH", path).unwrap_err();
        assert_eq!(
            rejection.error(),
            &RouteError::MethodNotAllowed { allowed: allow }
        );
        assert_eq!(
            rejection.to_string(),
            format!("method not allowed: the route allows {allow}")
        );
        assert_eq!(rejection.render().header("Allow"), Some(allow));
        // No method the header lists is answered with a 405.
        for method in allow.split(", ") {
            let answer = Operation::from_route(method, path);
            assert!(
                !matches!(answer, Err(ref r) if r.http_status() == 405),
                "{method} {path}: {answer:?}"
            );
        }
    }
    // HEAD is GET without a body: where GET is served, so is HEAD; elsewhere a 405.
    assert_eq!(
        Operation::from_route("HEAD", AILY_PATH),
        Operation::from_route("GET", AILY_PATH)
    );
    assert_eq!(
        Operation::from_route("HEAD", LEX_V2_PATH),
        Operation::from_route("GET", LEX_V2_PATH)
    );
    assert_eq!(
        Operation::from_route("HEAD", &format!("{LEX_PATH}/"))
            .unwrap_err()
            .error(),
        &RouteError::OtherOperation {
            operation: "GetSession"
        }
    );
    assert_eq!(
        Operation::from_route("HEAD", LEX_PATH).unwrap_err().error(),
        &RouteError::MethodNotAllowed {
            allowed: "DELETE, POST"
        }
    );
    // A path with no typed operation is no route for another method, not a 405.
    assert_eq!(
        Operation::from_route("DELETE", &format!("{LEX_V2_PATH}/text"))
            .unwrap_err()
            .error(),
        &RouteError::NotFound
    );
}

#[test]
fn operations_name_themselves() {
    let all: [(Operation, Api, String); 3] = [
        (aily_request().into(), Api::Aily, AILY_PATH.into()),
        (lex_request().into(), Api::Lex, LEX_PATH.into()),
        (lex_v2_request().into(), Api::LexV2, LEX_V2_PATH.into()),
    ];
    for (operation, api, path) in all {
        assert_eq!(operation.api(), api);
        assert_eq!(operation.name(), "DeleteSession");
        assert_eq!(operation.method(), "DELETE");
        assert_eq!(operation.path(), path);
        assert_eq!(Operation::from_route("DELETE", &path), Ok(operation));
    }
}

/// A success read with another `msg`, or none, is written back as it was read.
#[test]
fn aily_successes_render_as_read() {
    for body in [
        &br#"{"code":0,"msg":"success","data":{}}"#[..],
        br#"{"code":0,"msg":"ok","data":{}}"#,
        br#"{"code":0,"data":{}}"#,
    ] {
        let read = AilyDeleteSessionResponse::from_http(200, &[("X-Tt-Logid", "l")], body).unwrap();
        let wire = read.render();
        assert_eq!(wire.body(), body);
        assert_eq!(
            AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()),
            Ok(read)
        );
    }
}

#[test]
fn header_lists_as_users_hold_them() {
    let body = br#"{"code":0,"msg":"success","data":{}}"#;
    let array = [("X-Tt-Logid", "l-1")];
    let slice: &[(&str, &str)] = &array;
    let owned = vec![(String::from("x-tt-logid"), String::from("l-1"))];
    let bytes: Vec<(&[u8], &[u8])> = vec![(b"X-TT-LOGID", b"l-1")];
    let want = AilyDeleteSessionResponse::new().with_request_id("l-1");
    assert_eq!(
        AilyDeleteSessionResponse::from_http(200, &array, body),
        Ok(want.clone())
    );
    assert_eq!(
        AilyDeleteSessionResponse::from_http(200, slice, body),
        Ok(want.clone())
    );
    // A reference to a list is a list too, as generic callers hold one.
    assert_eq!(
        AilyDeleteSessionResponse::from_http(200, &slice, body),
        Ok(want.clone())
    );
    assert_eq!(
        AilyDeleteSessionResponse::from_http(200, &owned, body),
        Ok(want.clone())
    );
    assert_eq!(
        AilyDeleteSessionResponse::from_http(200, &bytes, body),
        Ok(want)
    );

    let auth = vec![(String::from("authorization"), String::from("Bearer t-1"))];
    assert!(AilyAuthorization::from_request_headers(&auth).is_ok());
    let none: [(&str, &str); 0] = [];
    assert_eq!(
        AilyAuthorization::from_request_headers(&none),
        Err(AuthorizationError::Missing)
    );
}

#[test]
fn lengths_count_the_query_everywhere() {
    let target = format!("{AILY_PATH}?{}", "q".repeat(5_000));
    let too_long = RouteError::PathTooLong { len: target.len() };
    assert_eq!(
        AilyDeleteSessionRequest::from_route("DELETE", &target),
        Err(too_long.clone())
    );
    assert_eq!(
        Operation::from_route("DELETE", &target)
            .unwrap_err()
            .error(),
        &too_long
    );
    let mut mock = MockService::new();
    let auth = [("Authorization", "Bearer t-1")];
    assert_eq!(mock.handle("DELETE", &target, &auth, b"").status(), 414);
    // At the limit, the query is read past and the path routed.
    let at_limit = format!(
        "{AILY_PATH}?{}",
        "q".repeat(MAX_PATH_LEN - AILY_PATH.len() - 1)
    );
    assert_eq!(at_limit.len(), MAX_PATH_LEN);
    assert_eq!(
        AilyDeleteSessionRequest::from_route("DELETE", &at_limit),
        Ok(aily_request())
    );
    for path in [LEX_PATH, LEX_V2_PATH] {
        let target = format!("{path}?{}", "q".repeat(MAX_PATH_LEN));
        let err = Operation::from_route("DELETE", &target).unwrap_err();
        assert_eq!(err.http_status(), 414, "{path}");
        assert!(LexDeleteSessionRequest::from_route("DELETE", &target).is_err());
        assert!(LexV2DeleteSessionRequest::from_route("DELETE", &target).is_err());
    }
}

#[cfg(feature = "http")]
mod http_feature {
    use std::time::Duration;

    use super::*;

    #[test]
    fn header_maps_go_where_pairs_go() {
        let mut map = http::HeaderMap::new();
        map.insert("x-tt-logid", "l-1".parse().unwrap());
        map.insert("authorization", "Bearer t-1".parse().unwrap());
        let body = br#"{"code":0,"msg":"success","data":{}}"#;
        let ok = AilyDeleteSessionResponse::from_http(200, &map, body).unwrap();
        assert_eq!(ok.request_id(), Some("l-1"));
        assert!(AilyAuthorization::from_request_headers(&map).is_ok());
        map.append("authorization", "Bearer t-2".parse().unwrap());
        assert_eq!(
            AilyAuthorization::from_request_headers(&map),
            Err(AuthorizationError::Duplicated)
        );

        let mut mock = MockService::new();
        mock.insert_aily_session(aily_request().session_id());
        map.remove("authorization");
        map.insert("authorization", "Bearer t-1".parse().unwrap());
        assert_eq!(mock.handle("DELETE", AILY_PATH, &map, b"").status(), 200);
    }

    #[test]
    fn response_parts_and_collected_bodies() {
        let wire = LexServiceError::new(LexErrorKind::Conflict)
            .with_message("busy")
            .with_retry_after_secs(Some(2))
            .render();
        let response = wire.clone().into_http_response();
        let (parts, body) = response.into_parts();
        let read = LexDeleteSessionResponse::from_http_parts(&parts, &body).unwrap_err();
        assert_eq!(
            read,
            LexDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
                .unwrap_err()
        );
        assert_eq!(read.retry_after(), Some(Duration::from_secs(2)));
        let ok = AilyDeleteSessionResponse::new()
            .render()
            .into_http_response();
        let (parts, body) = ok.into_parts();
        assert!(AilyDeleteSessionResponse::from_http_parts(&parts, &body).is_ok());
        let v2 = LexV2ServiceError::session_not_found()
            .render()
            .into_http_response();
        let (parts, body) = v2.into_parts();
        assert_eq!(
            LexV2DeleteSessionResponse::from_http_parts(&parts, &body)
                .unwrap_err()
                .http_status(),
            404
        );
    }

    #[test]
    fn incoming_requests_count_the_query_too() {
        let target = format!("{AILY_PATH}?{}", "q".repeat(5_000));
        let request = http::Request::delete(target.as_str()).body(()).unwrap();
        let too_long = RouteError::PathTooLong { len: target.len() };
        assert_eq!(
            AilyDeleteSessionRequest::from_http_request(&request),
            Err(too_long.clone())
        );
        let with_body = http::Request::delete(target.as_str())
            .body(Vec::new())
            .unwrap();
        assert_eq!(
            Operation::from_http_request(&with_body)
                .unwrap_err()
                .error(),
            &too_long
        );
        let (parts, ()) = request.into_parts();
        assert_eq!(
            Operation::from_http_parts(&parts, b"").unwrap_err().error(),
            &too_long
        );
        assert_eq!(
            LexDeleteSessionRequest::from_http_parts(&parts),
            Err(too_long.clone())
        );
        let request = http::Request::delete(format!("{LEX_V2_PATH}?x=1"))
            .body(())
            .unwrap();
        assert_eq!(
            LexV2DeleteSessionRequest::from_http_request(&request),
            Ok(lex_v2_request())
        );
    }
}
