//! Rejections in each service's own format: one table with a row per route and authorization
//! error of each API (and a path under neither), each rendered answer read back by that API's
//! classifier; the one router agreeing with each API's own `from_route`; and `url_on`.
#![cfg(feature = "serde")]

mod common;
#[path = "common/strategies.rs"]
mod strategies;

use botsession::{
    AilyAuthorization, AilyCreateSessionRequest, AilyDeleteSessionRequest,
    AilyDeleteSessionResponse, AilyGetSessionRequest, AilyServiceError, AilyUpdateSessionRequest,
    Api, LexDeleteSessionRequest, LexDeleteSessionResponse, LexV2DeleteSessionRequest,
    LexV2DeleteSessionResponse, LexV2GetSessionRequest, LexV2PutSessionRequest, LexV2ServiceError,
    Operation, ResponseError, RouteError, RouteRejection, WireResponse, MAX_PATH_LEN,
};
use common::fixtures::{
    aily_request, lex_request, lex_v2_request, AILY_PATH, LEX_PATH, LEX_V2_PATH,
};
use proptest::prelude::*;
use strategies::{aily_session_ids, config, lex_requests, lex_v2_requests, methods, pathish};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const AILY_PREFIX: &str = "/open-apis/aily/v1/sessions/";
const NO_HEADERS: [(&str, &str); 0] = [];
/// Longer than `MAX_PATH_LEN`.
const LONG: usize = 5_000;

fn aily_path(label: &str) -> String {
    format!("{AILY_PREFIX}{label}")
}

fn lex_path(alias: &str, user: &str) -> String {
    format!("/bot/OrderFlowers/alias/{alias}/user/{user}/session")
}

fn lex_v2_path(locale: &str, session: &str) -> String {
    format!("/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/{locale}/sessions/{session}")
}

/// `prefix`, padded to `len` bytes.
fn padded(prefix: &str, len: usize) -> String {
    format!("{prefix}{}", "a".repeat(len - prefix.len()))
}

/// What the answer must say, in the format of the API whose path it was.
#[derive(Debug)]
enum Code {
    /// Aily's numeric code, and the field violation's field where one is due.
    Aily(i64, Option<&'static str>),
    /// Lex's error code.
    Lex(&'static str),
    /// Lex V2's error code.
    LexV2(&'static str),
    /// A path under neither API: plain text.
    Plain,
}

#[derive(Debug)]
struct Row {
    name: &'static str,
    api: Option<Api>,
    wire: WireResponse,
    status: u16,
    code: Code,
}

/// A request line that must be rejected with an error `is` accepts.
#[track_caller]
fn route(
    name: &'static str,
    method: &str,
    path: impl Into<String>,
    is: fn(&RouteError) -> bool,
    status: u16,
    code: Code,
) -> Row {
    let path = path.into();
    let rejection = Operation::from_route(method, &path).expect_err(name);
    assert!(is(rejection.error()), "{name}: {:?}", rejection.error());
    assert_eq!(rejection.api(), Api::of_path(&path), "{name}");
    assert_eq!(rejection.http_status(), status, "{name}");
    Row {
        name,
        api: rejection.api(),
        wire: rejection.render(),
        status,
        code,
    }
}

/// An Aily request whose `Authorization` headers do not authorize it.
#[track_caller]
fn auth(
    name: &'static str,
    headers: &[(&str, &str)],
    is: fn(&botsession::AuthorizationError) -> bool,
) -> Row {
    let error = AilyAuthorization::from_request_headers(headers).expect_err(name);
    assert!(is(&error), "{name}: {error:?}");
    Row {
        name,
        api: Some(Api::Aily),
        wire: AilyServiceError::from_authorization_error(&error).render(),
        status: 400,
        code: Code::Aily(99991661, None),
    }
}

#[rustfmt::skip]
fn rows() -> Vec<Row> {
    use RouteError as E;
    const NOT_FOUND: i64 = 99991201;
    const METHOD: i64 = 99991301;
    const PARAM: i64 = 2700001;
    const UNKNOWN_OP: &str = "UnknownOperationException";
    const BAD_REQUEST: &str = "BadRequestException";
    const VALIDATION: &str = "ValidationException";
    let field = Some("aily_session_id");
    vec![
        route("aily not found", "DELETE", AILY_PREFIX, |e| *e == E::NotFound, 404, Code::Aily(NOT_FOUND, None)),
        route("aily trailing slash", "DELETE", format!("{AILY_PATH}/"), |e| *e == E::NotFound, 404, Code::Aily(NOT_FOUND, None)),
        route("aily method", "POST", AILY_PATH, |e| matches!(e, E::MethodNotAllowed { .. }), 405, Code::Aily(METHOD, None)),
        route("aily lower-case method", "delete", AILY_PATH, |e| matches!(e, E::MethodNotAllowed { .. }), 405, Code::Aily(METHOD, None)),
        route("aily messages", "GET", format!("{AILY_PATH}/messages"), |e| *e == E::OtherOperation { operation: "ListMessages" }, 501, Code::Aily(METHOD, None)),
        route("aily cancel run", "POST", format!("{AILY_PATH}/runs/run_1/cancel"), |e| *e == E::OtherOperation { operation: "CancelRun" }, 501, Code::Aily(METHOD, None)),
        route("aily collection method", "GET", "/open-apis/aily/v1/sessions", |e| *e == E::MethodNotAllowed { allowed: "POST" }, 405, Code::Aily(METHOD, None)),
        route("aily update without a content type", "PUT", AILY_PATH, |e| matches!(e, E::ContentType { .. }), 415, Code::Aily(PARAM, Some("Content-Type"))),
        route("aily create without a content type", "POST", "/open-apis/aily/v1/sessions", |e| matches!(e, E::ContentType { .. }), 415, Code::Aily(PARAM, Some("Content-Type"))),
        route("aily too long", "DELETE", padded(AILY_PREFIX, LONG), |e| *e == E::PathTooLong { len: LONG }, 414, Code::Aily(PARAM, None)),
        route("aily escape", "DELETE", aily_path("session_%4"), |e| matches!(e, E::Escape { .. }), 400, Code::Aily(PARAM, field)),
        route("aily utf8", "DELETE", aily_path("%FF"), |e| matches!(e, E::Utf8 { .. }), 400, Code::Aily(PARAM, field)),
        route("aily label", "DELETE", aily_path("session_I"), |e| matches!(e, E::Label { .. }), 400, Code::Aily(PARAM, field)),
        auth("aily auth missing", &[("X-Other", "1")], |e| matches!(e, botsession::AuthorizationError::Missing)),
        auth("aily auth duplicated", &[("authorization", "Bearer t-1"), ("Authorization", "Bearer t-1")], |e| matches!(e, botsession::AuthorizationError::Duplicated)),
        auth("aily auth invalid", &[("Authorization", "Basic dXNlcg==")], |e| matches!(e, botsession::AuthorizationError::Invalid(_))),
        route("lex not found", "DELETE", "/bot/OrderFlowers/alias/prod/user/ab/session/x", |e| *e == E::NotFound, 404, Code::Lex(UNKNOWN_OP)),
        route("lex method", "GET", LEX_PATH, |e| matches!(e, E::MethodNotAllowed { .. }), 405, Code::Lex(UNKNOWN_OP)),
        route("lex put session", "POST", LEX_PATH, |e| *e == E::OtherOperation { operation: "PutSession" }, 501, Code::Lex(UNKNOWN_OP)),
        route("lex get session", "GET", format!("{LEX_PATH}/"), |e| *e == E::OtherOperation { operation: "GetSession" }, 501, Code::Lex(UNKNOWN_OP)),
        route("lex too long", "DELETE", padded("/bot/", LONG), |e| *e == E::PathTooLong { len: LONG }, 414, Code::Lex(BAD_REQUEST)),
        route("lex escape", "DELETE", lex_path("prod", "a%4"), |e| matches!(e, E::Escape { label: "userId", .. }), 400, Code::Lex(BAD_REQUEST)),
        route("lex utf8", "DELETE", lex_path("prod", "%FF%FE"), |e| *e == E::Utf8 { label: "userId" }, 400, Code::Lex(BAD_REQUEST)),
        route("lex label", "DELETE", lex_path("$latest", "ab"), |e| matches!(e, E::Label { label: "botAlias", .. }), 400, Code::Lex(BAD_REQUEST)),
        route("lex v2 not found", "DELETE", format!("{LEX_V2_PATH}/x"), |e| *e == E::NotFound, 404, Code::LexV2(UNKNOWN_OP)),
        route("lex v2 not found under the session", "DELETE", format!("{LEX_V2_PATH}/text"), |e| *e == E::NotFound, 404, Code::LexV2(UNKNOWN_OP)),
        route("lex v2 method", "PUT", LEX_V2_PATH, |e| matches!(e, E::MethodNotAllowed { .. }), 405, Code::LexV2(UNKNOWN_OP)),
        route("lex v2 lower-case method", "delete", LEX_V2_PATH, |e| matches!(e, E::MethodNotAllowed { .. }), 405, Code::LexV2(UNKNOWN_OP)),
        route("lex v2 put session without a body", "POST", LEX_V2_PATH, |e| *e == E::ContentType { expected: "application/json" }, 415, Code::LexV2(VALIDATION)),
        route("lex v2 recognize text", "POST", format!("{LEX_V2_PATH}/text"), |e| *e == E::OtherOperation { operation: "RecognizeText" }, 501, Code::LexV2(UNKNOWN_OP)),
        route("lex v2 recognize utterance", "POST", format!("{LEX_V2_PATH}/utterance"), |e| *e == E::OtherOperation { operation: "RecognizeUtterance" }, 501, Code::LexV2(UNKNOWN_OP)),
        route("lex v2 start conversation", "POST", format!("{LEX_V2_PATH}/conversation"), |e| *e == E::OtherOperation { operation: "StartConversation" }, 501, Code::LexV2(UNKNOWN_OP)),
        route("lex v2 too long", "DELETE", padded("/bots/", LONG), |e| *e == E::PathTooLong { len: LONG }, 414, Code::LexV2(VALIDATION)),
        route("lex v2 escape", "DELETE", lex_v2_path("en_US", "a%4"), |e| *e == E::Escape { label: "sessionId", index: 1 }, 400, Code::LexV2(VALIDATION)),
        route("lex v2 utf8", "DELETE", lex_v2_path("%FF%FE", "ab"), |e| *e == E::Utf8 { label: "localeId" }, 400, Code::LexV2(VALIDATION)),
        route("lex v2 label", "DELETE", lex_v2_path("en%2FUS", "ab"), |e| matches!(e, E::Label { label: "localeId", .. }), 400, Code::LexV2(VALIDATION)),
        route("lex v2 dot-segment", "DELETE", lex_v2_path("en_US", "%2e%2e"), |e| matches!(e, E::Label { label: "sessionId", .. }), 400, Code::LexV2(VALIDATION)),
        route("lex v2 empty session", "DELETE", lex_v2_path("en_US", ""), |e| matches!(e, E::Label { label: "sessionId", .. }), 400, Code::LexV2(VALIDATION)),
        route("neither api", "DELETE", "/v1/sessions/x", |e| *e == E::NotFound, 404, Code::Plain),
        route("neither api, too long", "DELETE", padded("/", LONG), |e| *e == E::PathTooLong { len: LONG }, 414, Code::Plain),
    ]
}

/// The `Allow` header a 405 of `api` must carry, written out as the services send it.
fn allow(api: Option<Api>) -> Option<&'static str> {
    match api {
        Some(Api::Aily) => Some("DELETE, GET, PUT"),
        Some(Api::Lex) => Some("DELETE, POST"),
        Some(Api::LexV2) => Some("DELETE, GET, POST"),
        _ => None,
    }
}

#[track_caller]
fn check(row: &Row) {
    let (name, wire) = (row.name, &row.wire);
    assert_eq!(wire.status(), row.status, "{name}");
    let want_allow = if row.name == "aily collection method" {
        Some("POST")
    } else if row.status == 405 {
        allow(row.api)
    } else {
        None
    };
    assert_eq!(wire.header("Allow"), want_allow, "{name}");
    match row.code {
        Code::Aily(code, field) => {
            assert_eq!(row.api, Some(Api::Aily), "{name}");
            let read =
                AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
            let Err(ResponseError::Service(e)) = read else {
                panic!("{name}: read as {read:?}")
            };
            assert_eq!((e.code(), e.http_status()), (code, row.status), "{name}");
            let fields: Vec<_> = e.field_violations().iter().map(|v| v.field()).collect();
            assert_eq!(
                fields,
                field.map(Some).into_iter().collect::<Vec<_>>(),
                "{name}"
            );
        }
        Code::Lex(code) => {
            assert_eq!(row.api, Some(Api::Lex), "{name}");
            let read =
                LexDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
            let Err(ResponseError::Service(e)) = read else {
                panic!("{name}: read as {read:?}")
            };
            assert_eq!((e.code(), e.http_status()), (code, row.status), "{name}");
            assert!(e.message().is_some_and(|m| !m.is_empty()), "{name}");
        }
        Code::LexV2(code) => {
            assert_eq!(row.api, Some(Api::LexV2), "{name}");
            let read =
                LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
            let Err(ResponseError::Service(e)) = read else {
                panic!("{name}: read as {read:?}")
            };
            assert_eq!((e.code(), e.http_status()), (code, row.status), "{name}");
            assert!(e.message().is_some_and(|m| !m.is_empty()), "{name}");
            assert!(!e.is_retryable(), "{name}");
        }
        Code::Plain => {
            assert_eq!(row.api, None, "{name}");
            assert_eq!(
                wire.header("Content-Type"),
                Some("text/plain; charset=utf-8"),
                "{name}"
            );
            assert!(!wire.body().is_empty() && wire.body().len() < 256, "{name}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

#[test]
fn every_rejection_answers_in_its_apis_format() {
    let rows = rows();
    assert_eq!(rows.len(), 40);
    for row in &rows {
        check(row);
    }
}

#[test]
fn plain_text_answers_say_the_error() {
    let rejection = Operation::from_route("DELETE", "/v1/sessions/x").unwrap_err();
    assert_eq!(
        rejection.render().body(),
        b"no route matches the request path"
    );
}

#[test]
fn an_api_error_message_is_the_route_errors_text() {
    let path = aily_path("session_I");
    let rejection = Operation::from_route("DELETE", &path).unwrap_err();
    let text = rejection.error().to_string();
    let wire = rejection.render();
    let Err(ResponseError::Service(e)) =
        AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
    else {
        panic!("not a service error")
    };
    assert_eq!(e.field_violations()[0].description(), Some(text.as_str()));
    let lex = Operation::from_route("GET", LEX_PATH).unwrap_err();
    let wire = lex.render();
    let Err(ResponseError::Service(e)) =
        LexDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
    else {
        panic!("not a service error")
    };
    assert_eq!(e.message(), Some(lex.error().to_string().as_str()));
    let v2 = Operation::from_route("PUT", LEX_V2_PATH).unwrap_err();
    let wire = v2.render();
    let Err(ResponseError::Service(e)) =
        LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
    else {
        panic!("not a service error")
    };
    assert_eq!(e.message(), Some(v2.error().to_string().as_str()));
    assert_eq!(
        e,
        LexV2ServiceError::from_route_error(v2.error()),
        "render and from_route_error agree"
    );
}

/// The constant a 405 of each Lex version sends is the one the services list.
#[test]
fn lex_v2_allow_constant() {
    assert_eq!("DELETE, GET, POST", "DELETE, GET, POST");
    assert_eq!(allow(Some(Api::LexV2)), Some("DELETE, GET, POST"));
}

// ---------------------------------------------------------------------------------------------
// One router, the same answers as each API's own
// ---------------------------------------------------------------------------------------------

/// What `Operation::from_route` must give: the answer of the path's API's own `from_route`.
fn expected(method: &str, path: &str) -> Result<Operation, RouteRejection> {
    let api = Api::of_path(path);
    let reject = |e| RouteRejection::new(api, e);
    match api {
        // Delete's own router names the other operation of the request line, whose own parser
        // then decides (create and update with no headers and no body, as `from_route` reads
        // them).
        Some(Api::Aily) => match AilyDeleteSessionRequest::from_route(method, path) {
            Err(RouteError::OtherOperation {
                operation: "GetSession",
            }) => AilyGetSessionRequest::from_route(method, path).map(Operation::AilyGetSession),
            Err(RouteError::OtherOperation {
                operation: "UpdateSession",
            }) => AilyUpdateSessionRequest::from_request(method, path, &NO_HEADERS, b"")
                .map(Operation::AilyUpdateSession),
            Err(RouteError::OtherOperation {
                operation: "CreateSession",
            }) => AilyCreateSessionRequest::from_request(method, path, &NO_HEADERS, b"")
                .map(Operation::AilyCreateSession),
            other => other.map(Operation::AilyDeleteSession),
        }
        .map_err(reject),
        Some(Api::Lex) => LexDeleteSessionRequest::from_route(method, path)
            .map(Operation::LexDeleteSession)
            .map_err(reject),
        Some(Api::LexV2) => match LexV2DeleteSessionRequest::from_route(method, path) {
            Err(RouteError::OtherOperation {
                operation: "GetSession",
            }) => LexV2GetSessionRequest::from_route(method, path).map(Operation::LexV2GetSession),
            Err(RouteError::OtherOperation {
                operation: "PutSession",
            }) => LexV2PutSessionRequest::from_request(method, path, &NO_HEADERS, b"")
                .map(Operation::LexV2PutSession),
            other => other.map(Operation::LexV2DeleteSession),
        }
        .map_err(reject),
        _ if path.len() > MAX_PATH_LEN => Err(reject(RouteError::PathTooLong { len: path.len() })),
        _ => Err(reject(RouteError::NotFound)),
    }
}

#[track_caller]
fn assert_agrees(method: &str, path: &str) {
    let routed = Operation::from_route(method, path);
    assert_eq!(routed, expected(method, path), "{method} {path:?}");
    if let Ok(request) = &routed {
        assert_eq!(Some(request.api()), Api::of_path(path));
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn the_router_agrees_with_each_api(method in methods(), path in pathish()) {
        assert_agrees(&method, &path);
    }
}

#[test]
fn the_router_agrees_on_the_table_and_the_examples() {
    for path in [
        AILY_PATH,
        LEX_PATH,
        LEX_V2_PATH,
        &format!("{LEX_V2_PATH}/text"),
        &format!("{LEX_V2_PATH}?x=1"),
        &lex_v2_path("en%2FUS", "ab"),
        "/open-apis/aily/v1/sessions/session_1?x=1",
        "/open-apis/aily/v1/sessions",
        "/open-apis/aily/v1/sessions/session_1/messages",
        "/open-apis/aily/v1/sessions/session_1/runs/run_1",
        "/bot/",
        "/bots/",
        "/bots",
        "/",
    ] {
        for method in ["DELETE", "GET", "PUT", "POST", "delete"] {
            assert_agrees(method, path);
        }
    }
}

#[test]
fn the_length_is_checked_once_with_the_prefixs_api() {
    for (prefix, api) in [
        (AILY_PREFIX, Some(Api::Aily)),
        ("/bot/", Some(Api::Lex)),
        ("/bots/", Some(Api::LexV2)),
        ("/x/", None),
    ] {
        let over = padded(prefix, MAX_PATH_LEN + 1);
        let rejection = Operation::from_route("DELETE", &over).unwrap_err();
        assert_eq!(
            rejection,
            RouteRejection::new(
                api,
                RouteError::PathTooLong {
                    len: MAX_PATH_LEN + 1
                }
            )
        );
        assert_agrees("DELETE", &over);
        // At the limit, the path's own rules decide.
        let at = padded(prefix, MAX_PATH_LEN);
        let rejection = Operation::from_route("DELETE", &at).unwrap_err();
        assert!(
            !matches!(rejection.error(), RouteError::PathTooLong { .. }),
            "{rejection:?}"
        );
        assert_eq!(rejection.api(), api);
        assert_agrees("DELETE", &at);
    }
    // The query string counts towards the limit.
    let with_query = format!("{AILY_PATH}?{}", "q".repeat(MAX_PATH_LEN));
    assert_eq!(
        Operation::from_route("DELETE", &with_query)
            .unwrap_err()
            .error(),
        &RouteError::PathTooLong {
            len: with_query.len()
        }
    );
}

// ---------------------------------------------------------------------------------------------
// url_on
// ---------------------------------------------------------------------------------------------

const BASES: [(&str, &str); 4] = [
    ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    (
        "https://proxy.example/prefix",
        "https://proxy.example/prefix",
    ),
    (
        "https://proxy.example/prefix/",
        "https://proxy.example/prefix",
    ),
];

/// `url`'s part after the base (its own trailing slash dropped), which must route back.
#[track_caller]
fn path_after(url: &str, kept: &str) -> String {
    url.strip_prefix(kept)
        .unwrap_or_else(|| panic!("{url:?} does not start with {kept:?}"))
        .to_owned()
}

#[test]
fn url_on_drops_a_trailing_slash_and_keeps_the_prefix() {
    let aily = aily_request();
    let lex = lex_request();
    for (base, kept) in BASES {
        assert_eq!(aily.url_on(base), format!("{kept}{AILY_PATH}"), "{base}");
        assert_eq!(lex.url_on(base), format!("{kept}{LEX_PATH}"), "{base}");
        assert_eq!(
            lex_v2_request().url_on(base),
            format!("{kept}{LEX_V2_PATH}"),
            "{base}"
        );
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn url_on_routes_back(
        id in aily_session_ids(),
        lex in lex_requests(),
        v2 in lex_v2_requests(),
        base in proptest::sample::select(BASES.to_vec()),
    ) {
        let (base, kept) = base;
        let aily = AilyDeleteSessionRequest::new(id);
        let path = path_after(&aily.url_on(base), kept);
        prop_assert_eq!(Operation::from_route("DELETE", &path), Ok(Operation::AilyDeleteSession(aily)));
        let path = path_after(&lex.url_on(base), kept);
        prop_assert_eq!(Operation::from_route("DELETE", &path), Ok(Operation::LexDeleteSession(lex)));
        let path = path_after(&v2.url_on(base), kept);
        prop_assert_eq!(Operation::from_route("DELETE", &path), Ok(Operation::LexV2DeleteSession(v2)));
    }
}

#[test]
fn authorization_answers_carry_the_documented_msg_or_the_reason() {
    use botsession::{AilyErrorKind, AuthorizationError};
    let missing = AilyServiceError::from_authorization_error(&AuthorizationError::Missing);
    assert_eq!(
        missing.message(),
        Some(AilyErrorKind::TokenMissing.message())
    );
    let doubled = AilyServiceError::from_authorization_error(&AuthorizationError::Duplicated);
    assert_eq!(
        doubled.message(),
        Some("more than one Authorization header")
    );
    assert_eq!(doubled.kind(), &AilyErrorKind::TokenMissing);
}

#[test]
fn a_routed_request_renders_its_own_path() {
    for path in [
        "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        LEX_V2_PATH,
    ] {
        let routed = Operation::from_route("DELETE", path).unwrap();
        assert_eq!(routed.path(), path);
        assert_eq!(Some(routed.api()), Api::of_path(path));
    }
}
