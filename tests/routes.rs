//! Request rendering and route parsing for both delete-session operations.
//!
//! Rendering is checked against exact strings (paths, URLs, headers, constants from the API
//! docs); parsing against tables of request lines with the exact `RouteError` each must give,
//! its HTTP status and, for a few, its `Display` text; and both together by property tests:
//! every valid request survives `path()` → `from_route`, and `from_route` never panics.
//!
//! Builds with and without the `serde` feature; the serde checks sit in a gated module.

mod common;

use std::str::FromStr;

use botsession::{
    AilyAuthorization, AilyDeleteSessionRequest, AilyHost, AilySessionId, AilyTokenKind, IdError,
    IdKind, IdRule, LexBotAlias, LexBotName, LexDeleteSessionRequest, LexRegion, LexUserId,
    LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2LocaleId, LexV2SessionId,
    RouteError, MAX_PATH_LEN,
};
use common::fixtures::{lex_path, AILY_PATH, AILY_SESSION as SESSION, LEX_PATH, LEX_V2_PATH};
use common::re;
use once_cell::sync::Lazy;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError};
use regex_lite::Regex;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const AILY_PREFIX: &str = "/open-apis/aily/v1/sessions/";

#[track_caller]
fn parse<T: FromStr<Err = IdError>>(s: &str) -> T {
    s.parse()
        .unwrap_or_else(|e: IdError| panic!("{s:?} should be valid: {e}"))
}

/// The identifier error `T` gives for `s`: what a `RouteError::Label` must carry once the label
/// decodes to `s`.
#[track_caller]
fn id_err<T: FromStr<Err = IdError> + std::fmt::Debug>(s: &str) -> IdError {
    match s.parse::<T>() {
        Ok(v) => panic!("{s:?} should be invalid, parsed as {v:?}"),
        Err(e) => e,
    }
}

fn aily(id: &str) -> AilyDeleteSessionRequest {
    AilyDeleteSessionRequest::new(parse(id))
}

fn lex(name: &str, alias: &str, user: &str) -> LexDeleteSessionRequest {
    LexDeleteSessionRequest::new(parse(name), parse(alias), parse(user))
}

fn lex_example() -> LexDeleteSessionRequest {
    lex("OrderFlowers", "$LATEST", "user:42")
}

fn label(label: &'static str, source: IdError) -> RouteError {
    RouteError::Label { label, source }
}

#[track_caller]
fn assert_aily_route(method: &str, path: &str, want: Result<AilyDeleteSessionRequest, RouteError>) {
    let got = AilyDeleteSessionRequest::from_route(method, path);
    assert_eq!(got, want, "Aily {method} {path:?}");
    if let Err(e) = got {
        check_error_shape(&e);
    }
}

#[track_caller]
fn assert_lex_route(method: &str, path: &str, want: Result<LexDeleteSessionRequest, RouteError>) {
    let got = LexDeleteSessionRequest::from_route(method, path);
    assert_eq!(got, want, "Lex {method} {path:?}");
    if let Err(e) = got {
        check_error_shape(&e);
    }
}

/// What every route error must satisfy whatever the input: a status that follows from the
/// variant, a label exactly where one is at fault, and a short message.
#[track_caller]
fn check_error_shape(e: &RouteError) {
    let (status, has_label) = match e {
        RouteError::NotFound => (404, false),
        RouteError::MethodNotAllowed { allowed } => {
            // Every method the service serves on one of the three APIs' session paths.
            assert!(
                [
                    "DELETE, GET, PUT",
                    "DELETE, POST",
                    "DELETE, GET, POST",
                    "POST"
                ]
                .contains(allowed),
                "{allowed}"
            );
            (405, false)
        }
        RouteError::OtherOperation { operation } => {
            assert!(
                [
                    "CreateSession",
                    "GetSession",
                    "UpdateSession",
                    "DeleteSession",
                    "PutSession",
                    "ListMessages",
                    "CreateMessage",
                    "GetMessage",
                    "ListRuns",
                    "CreateRun",
                    "GetRun",
                    "CancelRun",
                    "RecognizeText",
                    "RecognizeUtterance",
                    "StartConversation"
                ]
                .contains(operation),
                "{e:?}"
            );
            assert_eq!(
                e.to_string(),
                format!("the request is another operation: {operation}")
            );
            (501, false)
        }
        RouteError::PathTooLong { len } => {
            assert!(*len > MAX_PATH_LEN, "{e:?}");
            (414, false)
        }
        RouteError::Escape { .. } | RouteError::Utf8 { .. } => (400, true),
        RouteError::Label { .. } => {
            assert!(e.id_error().is_some());
            (400, true)
        }
        other => panic!("unexpected variant {other:?}"),
    };
    assert_eq!(e.http_status(), status, "{e:?}");
    assert_eq!(e.label().is_some(), has_label, "{e:?}");
    assert_eq!(
        e.id_error().is_some(),
        matches!(e, RouteError::Label { .. })
    );
    let text = e.to_string();
    assert!(text.len() < 256, "message of {} bytes: {text}", text.len());
    assert!(!text.is_empty() && !text.ends_with('.'), "{text:?}");
}

#[track_caller]
fn lex_err(path: &str) -> RouteError {
    LexDeleteSessionRequest::from_route("DELETE", path)
        .expect_err(&format!("{path:?} should be rejected"))
}

#[track_caller]
fn aily_err(path: &str) -> RouteError {
    AilyDeleteSessionRequest::from_route("DELETE", path)
        .expect_err(&format!("{path:?} should be rejected"))
}

// ---------------------------------------------------------------------------------------------
// Aily: rendering
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_constants_match_the_docs() {
    assert_eq!(AilyDeleteSessionRequest::METHOD, "DELETE");
    assert_eq!(
        AilyDeleteSessionRequest::PATH_TEMPLATE,
        "/open-apis/aily/v1/sessions/:aily_session_id"
    );
    assert_eq!(AilyDeleteSessionRequest::RATE_LIMIT_PER_SECOND, 50);
    assert_eq!(AilyDeleteSessionRequest::RATE_LIMIT_PER_MINUTE, 1000);
    assert_eq!(
        AilyDeleteSessionRequest::REQUIRED_SCOPE,
        "aily:session:write"
    );
    assert_eq!(
        AilyDeleteSessionRequest::TOKEN_KINDS,
        &[AilyTokenKind::Tenant, AilyTokenKind::User]
    );
    assert_eq!(AilyDeleteSessionRequest::APP_TYPES, &["custom"]);
    assert_eq!(AilyDeleteSessionRequest::AUTHORIZATION, "Authorization");
}

#[test]
fn aily_path_and_urls_are_exact() {
    let request = aily(SESSION);
    assert_eq!(request.session_id(), SESSION);
    assert_eq!(request.path(), AILY_PATH);
    assert_eq!(
        request.url(AilyHost::Feishu),
        "https://open.feishu.cn/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
    );
    assert_eq!(
        request.url(AilyHost::Lark),
        "https://open.larksuite.com/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
    );
    assert_eq!(AilyHost::Feishu.base_url(), "https://open.feishu.cn");
    assert_eq!(AilyHost::Lark.base_url(), "https://open.larksuite.com");
    // The path is the template with the parameter substituted, nothing left of the placeholder.
    assert_eq!(
        AilyDeleteSessionRequest::PATH_TEMPLATE.replace(":aily_session_id", SESSION),
        request.path()
    );
    assert!(!request.path().contains(':') && !request.path().contains('{'));
}

#[test]
fn aily_path_at_the_length_bounds() {
    let shortest = "session_1";
    let longest = format!("session_{}", "z".repeat(24));
    assert_eq!(aily(shortest).path(), format!("{AILY_PREFIX}{shortest}"));
    assert_eq!(aily(&longest).path(), format!("{AILY_PREFIX}{longest}"));
    assert_eq!(
        AilyDeleteSessionRequest::from(AilySessionId::from_static("session_1")),
        aily(shortest)
    );
}

#[test]
fn aily_authorization_header_is_exact() {
    let request = aily(SESSION);
    for (input, header) in [
        (
            "Bearer u-7f1bcd13fc57d46bac21793a18e560",
            "Bearer u-7f1bcd13fc57d46bac21793a18e560",
        ),
        // The scheme is case-insensitive on the way in and canonical on the way out.
        (
            "bearer t-g1044qeGEDXTB6NDJOGV4JQX",
            "Bearer t-g1044qeGEDXTB6NDJOGV4JQX",
        ),
        ("BEARER eyJhbGciOi.J9==", "Bearer eyJhbGciOi.J9=="),
    ] {
        let auth: AilyAuthorization = parse(input);
        assert_eq!(
            request.expose_authorization_header(&auth),
            ("Authorization", header),
            "{input:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Lex: rendering
// ---------------------------------------------------------------------------------------------

#[test]
fn lex_constants_match_the_docs() {
    assert_eq!(LexDeleteSessionRequest::METHOD, "DELETE");
    assert_eq!(
        LexDeleteSessionRequest::PATH_TEMPLATE,
        "/bot/{botName}/alias/{botAlias}/user/{userId}/session"
    );
}

#[test]
fn lex_path_encodes_labels_like_the_aws_sdks() {
    let table: &[(&str, &str, &str, &str)] = &[
        ("OrderFlowers", "$LATEST", "user:42", LEX_PATH),
        (
            "Order_Flowers",
            "prod",
            "a.b-c_d",
            "/bot/Order_Flowers/alias/prod/user/a.b-c_d/session",
        ),
        ("Ab", "B", "::", "/bot/Ab/alias/B/user/%3A%3A/session"),
        (
            "Bot_",
            "a_b_",
            "...",
            "/bot/Bot_/alias/a_b_/user/.../session",
        ),
        (
            "x_Y",
            "LATEST",
            "0123456789",
            "/bot/x_Y/alias/LATEST/user/0123456789/session",
        ),
        (
            "Ab",
            "Ab",
            "us-east-1:a1b2c3d4-0000-4000-8000-000000000000",
            "/bot/Ab/alias/Ab/user/us-east-1%3Aa1b2c3d4-0000-4000-8000-000000000000/session",
        ),
    ];
    for &(name, alias, user, path) in table {
        let request = lex(name, alias, user);
        assert_eq!(request.path(), path, "{name} {alias} {user}");
        assert_eq!(request.bot_name(), name);
        assert_eq!(request.bot_alias(), alias);
        assert_eq!(request.user_id(), user);
    }
}

#[test]
fn lex_latest_alias_constant_renders_encoded() {
    let request = LexDeleteSessionRequest::new(
        LexBotName::from_static("OrderFlowers"),
        LexBotAlias::LATEST,
        LexUserId::from_static("user:42"),
    );
    assert_eq!(request, lex_example());
    assert_eq!(request.path(), LEX_PATH);
    assert!(request.bot_alias().is_latest());
}

#[test]
fn lex_longest_request_stays_far_below_max_path_len() {
    let name = "Ab".repeat(25);
    let alias = "a_".repeat(50);
    let user = ":".repeat(100);
    let request = lex(&name, &alias, &user);
    let path = request.path();
    assert_eq!(
        path,
        format!(
            "/bot/{name}/alias/{alias}/user/{}/session",
            "%3A".repeat(100)
        )
    );
    assert_eq!(path.len(), 26 + 50 + 100 + 300);
    assert!(path.len() < 700 && path.len() < MAX_PATH_LEN);
    assert_eq!(
        LexDeleteSessionRequest::from_route("DELETE", &path),
        Ok(request)
    );
}

#[test]
fn lex_url_on_a_region() {
    let request = lex_example();
    let table = [
        (
            "us-east-1",
            "https://runtime.lex.us-east-1.amazonaws.com/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        ),
        (
            "eu-west-1",
            "https://runtime.lex.eu-west-1.amazonaws.com/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        ),
        (
            "ap-southeast-2",
            "https://runtime.lex.ap-southeast-2.amazonaws.com/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        ),
    ];
    for (region, url) in table {
        let region: LexRegion = parse(region);
        assert_eq!(request.url(&region), url);
        assert_eq!(
            region.endpoint(),
            format!("https://runtime.lex.{}.amazonaws.com", region.as_str())
        );
    }
}

/// The AWS SDKs build China-partition hosts on `amazonaws.com.cn` (aws-sdk-js-v3
/// `client-lex-runtime-service` endpoints: `runtime.lex.{region}.amazonaws.com.cn` for
/// `cn-north-1` and `cn-northwest-1`; botocore's `aws-cn` partition has the same dnsSuffix).
#[test]
fn lex_url_in_the_china_partition() {
    let region: LexRegion = parse("cn-north-1");
    assert_eq!(
        region.endpoint(),
        "https://runtime.lex.cn-north-1.amazonaws.com.cn"
    );
    assert_eq!(
        lex_example().url(&region),
        "https://runtime.lex.cn-north-1.amazonaws.com.cn/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session"
    );
}

#[test]
fn lex_region_accepts_host_labels_only() {
    for ok in ["us-east-1", "cn-north-1", "eu-west-1", "us-gov-west-1", "a"] {
        let region: LexRegion = parse(ok);
        assert_eq!(region.as_str(), ok);
    }
    let longest = "a".repeat(32);
    assert_eq!(parse::<LexRegion>(&longest).as_str(), longest);

    /// (input, rule, offending byte and character, message)
    type Row = (&'static str, IdRule, Option<(usize, char)>, &'static str);
    let table: &[Row] = &[
        (
            "EU-WEST-1",
            IdRule::Charset,
            Some((0, 'E')),
            "invalid Lex region: character 'E' at byte 0 is not in [a-z0-9-]",
        ),
        (
            "us-east-1.evil.com",
            IdRule::Charset,
            Some((9, '.')),
            "invalid Lex region: character '.' at byte 9 is not in [a-z0-9-]",
        ),
        (
            "us-east-1:443",
            IdRule::Charset,
            Some((9, ':')),
            "invalid Lex region: character ':' at byte 9 is not in [a-z0-9-]",
        ),
        (
            "us-east-1/",
            IdRule::Charset,
            Some((9, '/')),
            "invalid Lex region: character '/' at byte 9 is not in [a-z0-9-]",
        ),
        (
            "us-east-1@evil",
            IdRule::Charset,
            Some((9, '@')),
            "invalid Lex region: character '@' at byte 9 is not in [a-z0-9-]",
        ),
        (
            "",
            IdRule::Length,
            None,
            "invalid Lex region: length 0 is below the minimum of 1 byte",
        ),
        (
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            IdRule::Length,
            None,
            "invalid Lex region: length 33 exceeds the maximum of 32 bytes",
        ),
    ];
    for &(input, rule, at, text) in table {
        let e = id_err::<LexRegion>(input);
        assert_eq!(e.kind(), IdKind::LexRegion, "{input:?}");
        assert_eq!(e.rule(), rule, "{input:?}");
        assert_eq!(e.index().zip(e.character()), at, "{input:?}");
        assert_eq!(e.to_string(), text, "{input:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Aily: route parsing
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_valid_routes() {
    let want = aily(SESSION);
    for path in [
        AILY_PATH.to_owned(),
        format!("{AILY_PATH}?x=1"),
        format!("{AILY_PATH}?"),
        format!("{AILY_PATH}?a=/b/c&d=%zz"),
        // Percent-encoded unreserved bytes decode to the same id, either hex case.
        format!("{AILY_PREFIX}session%5F4dfunz7sp1g8m"),
        format!("{AILY_PREFIX}%73%65ssion_4dfunz7sp1g8m"),
        format!("{AILY_PREFIX}session_4dfunz7sp1g8%6d"),
        format!("{AILY_PREFIX}session_4dfunz7sp1g8%6D"),
    ] {
        assert_aily_route("DELETE", &path, Ok(want));
    }
    let longest = format!("session_{}", "0123456789abcdefghjkmnpq");
    assert_aily_route(
        "DELETE",
        &format!("{AILY_PREFIX}{longest}"),
        Ok(aily(&longest)),
    );
    assert_aily_route(
        "DELETE",
        "/open-apis/aily/v1/sessions/session_1",
        Ok(aily("session_1")),
    );
}

#[test]
fn aily_paths_that_are_not_the_route() {
    for path in [
        "",
        "/",
        "?x=1",
        "/open-apis/aily/v1/sessions/",
        "/open-apis/aily/v1/sessions/?x=1",
        "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m/",
        "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m/messages/",
        "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m/runs/run_1/",
        "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m/runs/run_1/cancel/x",
        "/open-apis/aily/v1/sessions//session_4dfunz7sp1g8m",
        "//open-apis/aily/v1/sessions/session_4dfunz7sp1g8m",
        "/open-apis//aily/v1/sessions/session_4dfunz7sp1g8m",
        "open-apis/aily/v1/sessions/session_4dfunz7sp1g8m",
        "/open-apis/aily/v2/sessions/session_4dfunz7sp1g8m",
        "/open-apis/aily/v1/session/session_4dfunz7sp1g8m",
        "/OPEN-APIS/aily/v1/sessions/session_4dfunz7sp1g8m",
        "/open-apis/aily/v1/sessions/:aily_session_id/x",
        "https://open.feishu.cn/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
    ] {
        assert_aily_route("DELETE", path, Err(RouteError::NotFound));
        // Not the route, so never a 405 either, whatever the method.
        assert_aily_route("GET", path, Err(RouteError::NotFound));
    }
}

/// The collection is create's (`POST` only), and the messages and runs under a session are
/// other operations, passed through; another method on them is no route.
#[test]
fn aily_paths_of_the_other_operations() {
    let collection = "/open-apis/aily/v1/sessions";
    // Create is typed with `serde` (its body is JSON): then its path answers another method
    // with a 405; without, the path has no typed operation, and another method is no route.
    let other_method = if cfg!(feature = "serde") {
        RouteError::MethodNotAllowed { allowed: "POST" }
    } else {
        RouteError::NotFound
    };
    for method in ["DELETE", "GET", "PUT", "post"] {
        assert_aily_route(method, collection, Err(other_method.clone()));
    }
    assert_aily_route(
        "POST",
        collection,
        Err(RouteError::OtherOperation {
            operation: "CreateSession",
        }),
    );
    let session = "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m";
    for (method, path, operation) in [
        ("GET", "/messages", "ListMessages"),
        ("HEAD", "/messages", "ListMessages"),
        ("POST", "/messages", "CreateMessage"),
        ("GET", "/messages/message_1", "GetMessage"),
        ("GET", "/runs", "ListRuns"),
        ("POST", "/runs", "CreateRun"),
        ("GET", "/runs/run_1", "GetRun"),
        ("POST", "/runs/run_1/cancel", "CancelRun"),
    ] {
        let path = format!("{session}{path}");
        assert_aily_route(method, &path, Err(RouteError::OtherOperation { operation }));
        assert_aily_route("DELETE", &path, Err(RouteError::NotFound));
    }
}

#[test]
fn aily_wrong_method_on_the_route() {
    let not_allowed = Err(RouteError::MethodNotAllowed {
        allowed: "DELETE, GET, PUT",
    });
    for method in [
        "POST", "PATCH", "delete", "Delete", "get", "head", "", "DELETE ", " DELETE",
    ] {
        assert_aily_route(method, AILY_PATH, not_allowed.clone());
        // The method is checked before the label: a bad label on the route is still a 405.
        assert_aily_route(
            method,
            "/open-apis/aily/v1/sessions/session_I",
            not_allowed.clone(),
        );
    }
    // Get and update session are the service's other operations on this path; HEAD is answered
    // as GET is.
    for (method, operation) in [
        ("GET", "GetSession"),
        ("HEAD", "GetSession"),
        ("PUT", "UpdateSession"),
    ] {
        let other = Err(RouteError::OtherOperation { operation });
        assert_aily_route(method, AILY_PATH, other.clone());
        assert_aily_route(method, "/open-apis/aily/v1/sessions/session_I", other);
    }
    let e = AilyDeleteSessionRequest::from_route("POST", AILY_PATH).unwrap_err();
    assert_eq!(e.http_status(), 405);
    assert_eq!(
        e.to_string(),
        "method not allowed: the route allows DELETE, GET, PUT"
    );
}

#[test]
fn aily_bad_labels() {
    const L: &str = "aily_session_id";
    let table: Vec<(String, RouteError)> = vec![
        (
            "session_%4".into(),
            RouteError::Escape { label: L, index: 8 },
        ),
        (
            "session_%zz".into(),
            RouteError::Escape { label: L, index: 8 },
        ),
        (
            "session_4dfunz7sp1g8m%".into(),
            RouteError::Escape {
                label: L,
                index: 21,
            },
        ),
        (
            "session_1%2".into(),
            RouteError::Escape { label: L, index: 9 },
        ),
        ("%".into(), RouteError::Escape { label: L, index: 0 }),
        ("session_%FF".into(), RouteError::Utf8 { label: L }),
        ("session_%C3".into(), RouteError::Utf8 { label: L }),
        (
            "session_%2F".into(),
            label(L, id_err::<AilySessionId>("session_/")),
        ),
        (
            "session_%2f1".into(),
            label(L, id_err::<AilySessionId>("session_/1")),
        ),
        (
            "session_%00".into(),
            label(L, id_err::<AilySessionId>("session_\0")),
        ),
        (
            "session_%C3%A9".into(),
            label(L, id_err::<AilySessionId>("session_é")),
        ),
        (
            "session_I".into(),
            label(L, id_err::<AilySessionId>("session_I")),
        ),
        (
            "Session_1".into(),
            label(L, id_err::<AilySessionId>("Session_1")),
        ),
        (
            "session_".into(),
            label(L, id_err::<AilySessionId>("session_")),
        ),
        (
            "session_%20".into(),
            label(L, id_err::<AilySessionId>("session_ ")),
        ),
        ("%2e%2e".into(), label(L, id_err::<AilySessionId>(".."))),
        (
            format!("session_{}", "a".repeat(25)),
            label(
                L,
                id_err::<AilySessionId>(&format!("session_{}", "a".repeat(25))),
            ),
        ),
    ];
    for (raw, want) in table {
        assert_aily_route("DELETE", &format!("{AILY_PREFIX}{raw}"), Err(want));
    }

    let e = aily_err("/open-apis/aily/v1/sessions/session_I");
    assert_eq!(e.label(), Some("aily_session_id"));
    assert_eq!(e.id_error().map(IdError::rule), Some(IdRule::Charset));
    assert_eq!(
        e.to_string(),
        "path label aily_session_id: invalid Aily session id: character 'I' at byte 8 is not in [0-9a-hjkmnp-z]"
    );
    assert_eq!(
        aily_err("/open-apis/aily/v1/sessions/session_%4").to_string(),
        "path label aily_session_id: '%' at byte 8 is not followed by two hex digits"
    );
    assert_eq!(
        aily_err("/open-apis/aily/v1/sessions/session_%FF").to_string(),
        "path label aily_session_id: percent-decoded bytes are not UTF-8"
    );
}

#[test]
fn aily_oversized_label_is_a_length_error_with_the_decoded_length() {
    // 3000 bytes of `%61` decode to 1000 bytes: rejected by length, reported as decoded.
    let e = aily_err(&format!("{AILY_PREFIX}{}", "%61".repeat(1000)));
    assert_eq!(e.label(), Some("aily_session_id"));
    let id = e.id_error().expect("a label error");
    assert_eq!(id.kind(), IdKind::AilySessionId);
    assert_eq!(id.rule(), IdRule::Length);
    assert_eq!(id.found_len(), 1000);
    assert_eq!(
        e.to_string(),
        "path label aily_session_id: invalid Aily session id: length 1000 exceeds the maximum of 32 bytes"
    );
}

#[test]
fn aily_path_too_long() {
    let mib = format!("{AILY_PREFIX}{}", "a".repeat((1 << 20) - AILY_PREFIX.len()));
    assert_eq!(mib.len(), 1 << 20);
    for method in ["DELETE", "GET"] {
        assert_aily_route(method, &mib, Err(RouteError::PathTooLong { len: 1 << 20 }));
    }
    assert_eq!(
        aily_err(&mib).to_string(),
        "request path of 1048576 bytes exceeds the limit of 4096 bytes"
    );
}

// ---------------------------------------------------------------------------------------------
// Lex: route parsing
// ---------------------------------------------------------------------------------------------

#[test]
fn lex_valid_routes() {
    let example = lex_example();
    let table: Vec<(String, LexDeleteSessionRequest)> = vec![
        (LEX_PATH.into(), example.clone()),
        // Raw `$` and `:` are accepted as well as their encodings, either hex case.
        (
            "/bot/OrderFlowers/alias/$LATEST/user/user:42/session".into(),
            example.clone(),
        ),
        (
            "/bot/OrderFlowers/alias/%24LATEST/user/user%3a42/session".into(),
            example.clone(),
        ),
        (
            "/bot/OrderFlowers/alias/$LATEST/user/user%3A42/session".into(),
            example.clone(),
        ),
        (format!("{LEX_PATH}?x=1"), example.clone()),
        (format!("{LEX_PATH}?"), example.clone()),
        (format!("{LEX_PATH}?a=/b//c/&d=%zz%FF"), example.clone()),
        // Needlessly encoded unreserved bytes decode to the same labels.
        (
            "/bot/%4Frder%46lowers/alias/%24%4C%41TEST/user/%75ser%3A42/session".into(),
            example,
        ),
        (
            "/bot/Order_Flowers/alias/prod/user/a.b-c_d/session".into(),
            lex("Order_Flowers", "prod", "a.b-c_d"),
        ),
        (
            "/bot/Ab/alias/B/user/.../session".into(),
            lex("Ab", "B", "..."),
        ),
        (
            "/bot/Ab/alias/B/user/.a/session".into(),
            lex("Ab", "B", ".a"),
        ),
        (
            "/bot/Ab/alias/B/user/%2E%2E%2E/session".into(),
            lex("Ab", "B", "..."),
        ),
        (
            "/bot/Ab/alias/LATEST/user/--/session".into(),
            lex("Ab", "LATEST", "--"),
        ),
    ];
    for (path, want) in table {
        assert_lex_route("DELETE", &path, Ok(want));
    }
}

#[test]
fn lex_paths_that_are_not_the_route() {
    for path in [
        "",
        "/",
        "?x=1",
        "bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/",
        "/bot/OrderFlowers/alias/%24LATEST/session",
        "/bot/OrderFlowers/alias/%24LATEST/user",
        "/bot/OrderFlowers/user/user%3A42/session",
        "/bot/OrderFlowers",
        "/bot",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session/",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session/extra",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session//",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/sessions",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/Session",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session#x",
        "//bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        "/bot/OrderFlowers//alias/%24LATEST/user/user%3A42/session",
        "/bot/OrderFlowers/alias/%24LATEST//user/user%3A42/session",
        "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42//session",
        "/bot/Order/Flowers/alias/%24LATEST/user/user%3A42/session",
        "/bot/OrderFlowers/alias/%24LATEST/user/user/42/session",
        "/Bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        "/bots/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        "/bot/OrderFlowers/aliases/%24LATEST/user/user%3A42/session",
        "/bot/OrderFlowers/alias/%24LATEST/users/user%3A42/session",
        "/v2/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        "https://runtime.lex.us-east-1.amazonaws.com/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
        "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m",
        "\0",
        "/bot\0/OrderFlowers/alias/%24LATEST/user/user%3A42/session",
    ] {
        assert_lex_route("DELETE", path, Err(RouteError::NotFound));
        let get = if path.ends_with("/session/") {
            // GetSession's own path.
            Err(RouteError::OtherOperation {
                operation: "GetSession",
            })
        } else {
            Err(RouteError::NotFound)
        };
        assert_lex_route("GET", path, get);
        assert_lex_route("delete", path, Err(RouteError::NotFound));
    }
    assert_eq!(
        lex_err("/bot").to_string(),
        "no route matches the request path"
    );
    assert_eq!(lex_err("").http_status(), 404);
}

#[test]
fn lex_wrong_method_on_the_route() {
    let not_allowed = Err(RouteError::MethodNotAllowed {
        allowed: "DELETE, POST",
    });
    for method in [
        "GET", "PUT", "PATCH", "HEAD", "delete", "Delete", "post", "", "DELETE ",
    ] {
        assert_lex_route(method, LEX_PATH, not_allowed.clone());
        assert_lex_route(method, &format!("{LEX_PATH}?x=1"), not_allowed.clone());
        // The method is checked before the labels are decoded.
        assert_lex_route(method, &lex_path("x", "%zz", "%FF"), not_allowed.clone());
    }
    // PutSession is the service's other operation on this path.
    let put = Err(RouteError::OtherOperation {
        operation: "PutSession",
    });
    assert_lex_route("POST", LEX_PATH, put.clone());
    assert_lex_route("POST", &lex_path("x", "%zz", "%FF"), put);
    let e = LexDeleteSessionRequest::from_route("delete", LEX_PATH).unwrap_err();
    assert_eq!(e.http_status(), 405);
    assert_eq!(e.label(), None);
    assert_eq!(
        e.to_string(),
        "method not allowed: the route allows DELETE, POST"
    );
}

#[test]
fn lex_labels_that_do_not_decode() {
    let table: &[(&str, RouteError)] = &[
        (
            "%4",
            RouteError::Escape {
                label: "userId",
                index: 0,
            },
        ),
        (
            "%zz",
            RouteError::Escape {
                label: "userId",
                index: 0,
            },
        ),
        (
            "ab%zz",
            RouteError::Escape {
                label: "userId",
                index: 2,
            },
        ),
        (
            "abc%",
            RouteError::Escape {
                label: "userId",
                index: 3,
            },
        ),
        (
            "abc%4",
            RouteError::Escape {
                label: "userId",
                index: 3,
            },
        ),
        (
            "a%3Ab%g1",
            RouteError::Escape {
                label: "userId",
                index: 5,
            },
        ),
        (
            "%%41",
            RouteError::Escape {
                label: "userId",
                index: 0,
            },
        ),
        (
            "%+1",
            RouteError::Escape {
                label: "userId",
                index: 0,
            },
        ),
        ("%FF", RouteError::Utf8 { label: "userId" }),
        ("ab%ff", RouteError::Utf8 { label: "userId" }),
        ("ab%C3", RouteError::Utf8 { label: "userId" }),
        ("%C0%AF", RouteError::Utf8 { label: "userId" }),
        ("%ED%A0%80", RouteError::Utf8 { label: "userId" }),
    ];
    for (raw, want) in table {
        assert_lex_route("DELETE", &lex_path("Order", "prod", raw), Err(want.clone()));
    }
    assert_lex_route(
        "DELETE",
        &lex_path("Order%", "prod", "u1"),
        Err(RouteError::Escape {
            label: "botName",
            index: 5,
        }),
    );
    assert_lex_route(
        "DELETE",
        &lex_path("Order", "%24LATEST%2", "u1"),
        Err(RouteError::Escape {
            label: "botAlias",
            index: 9,
        }),
    );
    assert_lex_route(
        "DELETE",
        &lex_path("Order", "%80", "u1"),
        Err(RouteError::Utf8 { label: "botAlias" }),
    );

    let e = lex_err(&lex_path("Order", "prod", "abc%"));
    assert_eq!(e.http_status(), 400);
    assert_eq!(e.label(), Some("userId"));
    assert_eq!(e.id_error(), None);
    assert_eq!(
        e.to_string(),
        "path label userId: '%' at byte 3 is not followed by two hex digits"
    );
    assert_eq!(
        lex_err(&lex_path("Order", "prod", "%FF")).to_string(),
        "path label userId: percent-decoded bytes are not UTF-8"
    );
}

#[test]
fn lex_labels_that_break_their_rule() {
    let user = |decoded: &str| label("userId", id_err::<LexUserId>(decoded));
    let name = |decoded: &str| label("botName", id_err::<LexBotName>(decoded));
    let alias = |decoded: &str| label("botAlias", id_err::<LexBotAlias>(decoded));
    let table: Vec<(String, RouteError)> = vec![
        // '/' smuggled in encoded.
        (lex_path("Order", "prod", "a%2Fb"), user("a/b")),
        (lex_path("Order", "prod", "a%2fb"), user("a/b")),
        // Dot-segments, raw or encoded in any case.
        (lex_path("Order", "prod", ".."), user("..")),
        (lex_path("Order", "prod", "%2e%2e"), user("..")),
        (lex_path("Order", "prod", "%2E%2E"), user("..")),
        (lex_path("Order", "prod", ".%2E"), user("..")),
        (lex_path("Order", "prod", "."), user(".")),
        // Decoded exactly once: `%252F` is the three characters `%2F`.
        (lex_path("Order", "prod", "%252F"), user("%2F")),
        (lex_path("Order", "prod", "a%20b"), user("a b")),
        (lex_path("Order", "prod", "a+b"), user("a+b")),
        (lex_path("Order", "prod", "us%C3%A9r"), user("usér")),
        (lex_path("Order", "prod", "usér"), user("usér")),
        (lex_path("Order", "prod", "a%00"), user("a\0")),
        (lex_path("Order", "prod", "a"), user("a")),
        (
            lex_path("Order", "prod", &"a".repeat(101)),
            user(&"a".repeat(101)),
        ),
        // Empty labels between the right slashes are labels, and too short.
        (lex_path("Order", "prod", ""), user("")),
        (lex_path("", "prod", "u1"), name("")),
        (lex_path("Order", "", "u1"), alias("")),
        // `$LATEST` is exact; anything else must be letters and single underscores.
        (lex_path("Order", "$latest", "u1"), alias("$latest")),
        (lex_path("Order", "%24latest", "u1"), alias("$latest")),
        (lex_path("Order", "$LATEST2", "u1"), alias("$LATEST2")),
        (lex_path("Order", "%24LATES", "u1"), alias("$LATES")),
        (lex_path("Order", "a__b", "u1"), alias("a__b")),
        (lex_path("Order", "_prod", "u1"), alias("_prod")),
        (
            lex_path("Order", &"a".repeat(101), "u1"),
            alias(&"a".repeat(101)),
        ),
        (
            lex_path("Order-Flowers", "prod", "u1"),
            name("Order-Flowers"),
        ),
        (
            lex_path("Order__Flowers", "prod", "u1"),
            name("Order__Flowers"),
        ),
        (lex_path("1Bot", "prod", "u1"), name("1Bot")),
        (lex_path("A", "prod", "u1"), name("A")),
        (lex_path("%24LATEST", "prod", "u1"), name("$LATEST")),
        (
            lex_path(&"a".repeat(51), "prod", "u1"),
            name(&"a".repeat(51)),
        ),
        // With several bad labels, the first in path order is reported.
        (lex_path("A", "$latest", ".."), name("A")),
        (lex_path("Order", "$latest", ".."), alias("$latest")),
    ];
    for (path, want) in table {
        assert_lex_route("DELETE", &path, Err(want));
    }
}

#[test]
fn lex_label_error_accessors_and_messages() {
    let e = lex_err("/bot/Order/alias/prod/user/a%2Fb/session");
    assert_eq!(e.label(), Some("userId"));
    assert_eq!(e.http_status(), 400);
    let id = e.id_error().expect("label error");
    assert_eq!(id.kind(), IdKind::LexUserId);
    assert_eq!(id.rule(), IdRule::Charset);
    assert_eq!(id.index(), Some(1));
    assert_eq!(id.character(), Some('/'));
    assert_eq!(
        e.to_string(),
        "path label userId: invalid Lex user id: character '/' at byte 1 is not in [0-9a-zA-Z._:-]"
    );

    let e = lex_err("/bot/Order/alias/prod/user/%2e%2e/session");
    assert_eq!(e.id_error().map(IdError::rule), Some(IdRule::Reserved));
    assert_eq!(
        e.to_string(),
        "path label userId: invalid Lex user id: \"..\" is a dot-segment, which no URL path can carry"
    );

    let e = lex_err("/bot/Order/alias/prod/user/%252F/session");
    assert_eq!(e.id_error().map(IdError::rule), Some(IdRule::Charset));
    assert_eq!(e.id_error().and_then(IdError::character), Some('%'));
    assert_eq!(e.id_error().and_then(IdError::index), Some(0));

    let e = lex_err("/bot/Order/alias/$latest/user/u1/session");
    assert_eq!(e.label(), Some("botAlias"));
    assert_eq!(
        e.to_string(),
        "path label botAlias: invalid Lex bot alias: character '$' at byte 0 is not in [A-Za-z]"
    );

    let e = lex_err("/bot//alias/prod/user/u1/session");
    assert_eq!(e.label(), Some("botName"));
    assert_eq!(e.id_error().map(IdError::rule), Some(IdRule::Length));
    assert_eq!(e.id_error().map(IdError::found_len), Some(0));
    assert_eq!(
        e.to_string(),
        "path label botName: invalid Lex bot name: length 0 is below the minimum of 2 bytes"
    );
}

#[test]
fn lex_oversized_label_is_rejected_by_its_decoded_length() {
    // A 3000-byte label of escapes: 1000 bytes once decoded, which is what the error reports.
    let raw = "%41".repeat(1000);
    assert_eq!(raw.len(), 3000);
    let path = lex_path("Order", "prod", &raw);
    assert!(path.len() <= MAX_PATH_LEN);
    let e = lex_err(&path);
    assert_eq!(e.label(), Some("userId"));
    let id = e.id_error().expect("label error");
    assert_eq!(id.kind(), IdKind::LexUserId);
    assert_eq!(id.rule(), IdRule::Length);
    assert_eq!(id.found_len(), 1000);
    assert_eq!(
        e.to_string(),
        "path label userId: invalid Lex user id: length 1000 exceeds the maximum of 100 bytes"
    );

    // Raw bytes count one each.
    let e = lex_err(&lex_path("Order", "prod", &"a".repeat(3000)));
    assert_eq!(e.id_error().map(IdError::found_len), Some(3000));
    // Mixed: 10 escapes and 190 raw bytes are 200 decoded bytes.
    let mixed = format!("{}{}", "%3A".repeat(10), "b".repeat(190));
    let e = lex_err(&lex_path("Order", "prod", &mixed));
    assert_eq!(e.id_error().map(IdError::found_len), Some(200));
}

#[test]
fn lex_path_length_limit() {
    let mib_user = "a".repeat((1 << 20) - lex_path("Order", "prod", "").len());
    let mib = lex_path("Order", "prod", &mib_user);
    assert_eq!(mib.len(), 1 << 20);
    for method in ["DELETE", "GET"] {
        assert_lex_route(method, &mib, Err(RouteError::PathTooLong { len: 1 << 20 }));
    }
    let e = lex_err(&mib);
    assert_eq!(e.http_status(), 414);
    assert_eq!(e.label(), None);
    assert_eq!(
        e.to_string(),
        "request path of 1048576 bytes exceeds the limit of 4096 bytes"
    );

    // Exactly at the limit the path is read (and its label rejected); one byte more is not.
    let base = lex_path("Order", "prod", "").len();
    let at_limit = lex_path("Order", "prod", &"a".repeat(MAX_PATH_LEN - base));
    assert_eq!(at_limit.len(), MAX_PATH_LEN);
    assert_eq!(
        lex_err(&at_limit).id_error().map(IdError::found_len),
        Some(MAX_PATH_LEN - base)
    );
    let over = lex_path("Order", "prod", &"a".repeat(MAX_PATH_LEN - base + 1));
    assert_eq!(
        lex_err(&over),
        RouteError::PathTooLong {
            len: MAX_PATH_LEN + 1
        }
    );
    // Not even a non-matching path is looked at past the limit.
    assert_eq!(
        lex_err(&"/".repeat(MAX_PATH_LEN + 1)),
        RouteError::PathTooLong {
            len: MAX_PATH_LEN + 1
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Lex V2
// ---------------------------------------------------------------------------------------------

fn lex_v2(bot: &str, alias: &str, locale: &str, session: &str) -> LexV2DeleteSessionRequest {
    LexV2DeleteSessionRequest::new(parse(bot), parse(alias), parse(locale), parse(session))
}

fn lex_v2_example() -> LexV2DeleteSessionRequest {
    lex_v2("ABCDE12345", "TSTALIASID", "en_US", "user:42")
}

/// A V2 path with the given raw (already encoded) labels.
fn lex_v2_path(bot: &str, alias: &str, locale: &str, session: &str) -> String {
    format!("/bots/{bot}/botAliases/{alias}/botLocales/{locale}/sessions/{session}")
}

#[test]
fn lex_v2_constants_match_the_docs() {
    assert_eq!(LexV2DeleteSessionRequest::METHOD, "DELETE");
    assert_eq!(
        LexV2DeleteSessionRequest::PATH_TEMPLATE,
        "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}"
    );
    assert_eq!("DELETE, GET, POST", "DELETE, GET, POST");
    assert_eq!(LexV2BotAliasId::TEST, "TSTALIASID");
    assert!(LexV2BotAliasId::TEST.is_test());
    assert!(!parse::<LexV2BotAliasId>("TSTALIASIE").is_test());
}

#[test]
fn lex_v2_path_encodes_labels_like_the_aws_sdks() {
    let table: &[(&str, &str, &str, &str, &str)] = &[
        ("ABCDE12345", "TSTALIASID", "en_US", "user:42", LEX_V2_PATH),
        ("abcdefghij", "0123456789", "es_419", "a.b-c_d", "/bots/abcdefghij/botAliases/0123456789/botLocales/es_419/sessions/a.b-c_d"),
        ("ABCDE12345", "TSTALIASID", "ja_JP", "::", "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/ja_JP/sessions/%3A%3A"),
        ("ABCDE12345", "TSTALIASID", "en_US", "...", "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/..."),
        (
            "ABCDE12345",
            "TSTALIASID",
            "en_GB",
            "us-east-1:a1b2c3d4-0000-4000-8000-000000000000",
            "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_GB/sessions/us-east-1%3Aa1b2c3d4-0000-4000-8000-000000000000",
        ),
    ];
    for &(bot, alias, locale, session, path) in table {
        let request = lex_v2(bot, alias, locale, session);
        assert_eq!(request.path(), path, "{bot} {alias} {locale} {session}");
        assert_eq!(request.bot_id(), bot);
        assert_eq!(request.bot_alias_id(), alias);
        assert_eq!(request.locale_id(), locale);
        assert_eq!(request.session_id(), session);
        assert_eq!(
            LexV2DeleteSessionRequest::from_route("DELETE", path),
            Ok(request)
        );
    }
    // The longest request.
    let request = lex_v2("ABCDE12345", "TSTALIASID", "es_419", &":".repeat(100));
    let path = request.path();
    assert_eq!(
        path,
        lex_v2_path("ABCDE12345", "TSTALIASID", "es_419", &"%3A".repeat(100))
    );
    assert_eq!(path.len(), 66 + 300);
    assert_eq!(
        LexV2DeleteSessionRequest::from_route("DELETE", &path),
        Ok(request)
    );
}

#[test]
fn lex_v2_url_on_a_region() {
    let request = lex_v2_example();
    for (region, host) in [
        (
            "us-east-1",
            "https://runtime-v2-lex.us-east-1.amazonaws.com",
        ),
        (
            "eu-west-2",
            "https://runtime-v2-lex.eu-west-2.amazonaws.com",
        ),
        (
            "ap-northeast-1",
            "https://runtime-v2-lex.ap-northeast-1.amazonaws.com",
        ),
        (
            "cn-north-1",
            "https://runtime-v2-lex.cn-north-1.amazonaws.com.cn",
        ),
        (
            "cn-northwest-1",
            "https://runtime-v2-lex.cn-northwest-1.amazonaws.com.cn",
        ),
    ] {
        let region: LexRegion = parse(region);
        assert_eq!(region.v2_endpoint(), host);
        assert_eq!(request.url(&region), format!("{host}{LEX_V2_PATH}"));
        assert_eq!(request.url_on(host), format!("{host}{LEX_V2_PATH}"));
    }
}

#[test]
fn lex_v2_valid_routes() {
    let want = Ok(lex_v2_example());
    for path in [
        LEX_V2_PATH.to_owned(),
        lex_v2_path("ABCDE12345", "TSTALIASID", "en_US", "user:42"),
        lex_v2_path("ABCDE12345", "TSTALIASID", "en_US", "user%3a42"),
        lex_v2_path("%41BCDE12345", "TSTALIASID", "en%5FUS", "%75ser:42"),
        format!("{LEX_V2_PATH}?x=1"),
        format!("{LEX_V2_PATH}?"),
        format!("{LEX_V2_PATH}?a/b/c"),
    ] {
        let got = LexV2DeleteSessionRequest::from_route("DELETE", &path);
        assert_eq!(got, want, "{path}");
    }
}

/// The other operations on the session path: each its own answer, by method and segment; the
/// router gives the same answer, naming V2 as the path's API.
#[test]
fn lex_v2_siblings() {
    let other = |operation| Err(RouteError::OtherOperation { operation });
    let not_allowed = Err(RouteError::MethodNotAllowed {
        allowed: "DELETE, GET, POST",
    });
    let table: Vec<(&str, String, Result<LexV2DeleteSessionRequest, RouteError>)> = vec![
        ("DELETE", LEX_V2_PATH.to_owned(), Ok(lex_v2_example())),
        ("GET", LEX_V2_PATH.to_owned(), other("GetSession")),
        ("POST", LEX_V2_PATH.to_owned(), other("PutSession")),
        ("PUT", LEX_V2_PATH.to_owned(), not_allowed.clone()),
        ("PATCH", LEX_V2_PATH.to_owned(), not_allowed.clone()),
        ("delete", LEX_V2_PATH.to_owned(), not_allowed.clone()),
        ("get", LEX_V2_PATH.to_owned(), not_allowed.clone()),
        (
            "POST",
            format!("{LEX_V2_PATH}/text"),
            other("RecognizeText"),
        ),
        (
            "POST",
            format!("{LEX_V2_PATH}/utterance"),
            other("RecognizeUtterance"),
        ),
        (
            "POST",
            format!("{LEX_V2_PATH}/conversation"),
            other("StartConversation"),
        ),
        (
            "DELETE",
            format!("{LEX_V2_PATH}/text"),
            Err(RouteError::NotFound),
        ),
        (
            "GET",
            format!("{LEX_V2_PATH}/utterance"),
            Err(RouteError::NotFound),
        ),
        (
            "POST",
            format!("{LEX_V2_PATH}/Text"),
            Err(RouteError::NotFound),
        ),
        (
            "POST",
            format!("{LEX_V2_PATH}/other"),
            Err(RouteError::NotFound),
        ),
        (
            "POST",
            format!("{LEX_V2_PATH}/text/"),
            Err(RouteError::NotFound),
        ),
        (
            "DELETE",
            format!("{LEX_V2_PATH}/"),
            Err(RouteError::NotFound),
        ),
        // A sibling is known by its method and shape before any label is read.
        (
            "GET",
            lex_v2_path("%FF", "TSTALIASID", "en_US", "ab"),
            other("GetSession"),
        ),
        (
            "POST",
            format!("{}/text", lex_v2_path("short", "TSTALIASID", "en_US", "ab")),
            other("RecognizeText"),
        ),
    ];
    for (method, path, want) in table {
        let got = LexV2DeleteSessionRequest::from_route(method, &path);
        assert_eq!(got, want, "{method} {path}");
        if let Err(e) = &got {
            check_error_shape(e);
        }
        let routed = botsession::Operation::from_route(method, &path);
        match (routed, got) {
            (Ok(botsession::Operation::LexV2DeleteSession(r)), Ok(g)) => assert_eq!(r, g),
            // GetSession and PutSession are typed: their own parsers decide (tests/lex_v2_sessions.rs).
            (
                _,
                Err(RouteError::OtherOperation {
                    operation: "GetSession" | "PutSession",
                }),
            ) => {}
            (Err(rejection), Err(e)) => {
                assert_eq!(
                    rejection.api(),
                    Some(botsession::Api::LexV2),
                    "{method} {path}"
                );
                assert_eq!(rejection.error(), &e);
            }
            (routed, got) => panic!("{method} {path}: router {routed:?}, V2 {got:?}"),
        }
    }
}

#[test]
fn lex_v2_labels_that_break_their_rule() {
    let v = ["ABCDE12345", "TSTALIASID", "en_US", "ab"];
    let path_with = |at: usize, label: &str| {
        let mut labels = v;
        labels[at] = label;
        lex_v2_path(labels[0], labels[1], labels[2], labels[3])
    };
    let long = "a".repeat(101);
    let table: Vec<(String, RouteError)> = vec![
        (
            path_with(0, "ABCDE1234"),
            label("botId", id_err::<LexV2BotId>("ABCDE1234")),
        ),
        (
            path_with(0, "ABCDE-1234"),
            label("botId", id_err::<LexV2BotId>("ABCDE-1234")),
        ),
        (
            path_with(1, "TSTALIASID0"),
            label("botAliasId", id_err::<LexV2BotAliasId>("TSTALIASID0")),
        ),
        (
            path_with(1, "%24LATEST00"),
            label("botAliasId", id_err::<LexV2BotAliasId>("$LATEST00")),
        ),
        (
            path_with(2, "en-US"),
            label("localeId", id_err::<LexV2LocaleId>("en-US")),
        ),
        (
            path_with(2, "en%20US"),
            label("localeId", id_err::<LexV2LocaleId>("en US")),
        ),
        (
            path_with(2, "en__US"),
            label("localeId", id_err::<LexV2LocaleId>("en__US")),
        ),
        (
            path_with(2, "en"),
            label("localeId", id_err::<LexV2LocaleId>("en")),
        ),
        (
            path_with(3, "a"),
            label("sessionId", id_err::<LexV2SessionId>("a")),
        ),
        (
            path_with(3, "a%20b"),
            label("sessionId", id_err::<LexV2SessionId>("a b")),
        ),
        (
            path_with(3, &long),
            label("sessionId", id_err::<LexV2SessionId>(&long)),
        ),
    ];
    for (path, want) in table {
        let got = LexV2DeleteSessionRequest::from_route("DELETE", &path);
        assert_eq!(got, Err(want), "{path}");
        check_error_shape(&got.unwrap_err());
    }
}

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

static SESSION_RE: Lazy<Regex> = Lazy::new(|| re("^session_[0-9a-hjkmnp-z]{1,24}$"));
static USER_RE: Lazy<Regex> = Lazy::new(|| re("^[0-9a-zA-Z._:-]{2,100}$"));
static NAME_RE: Lazy<Regex> = Lazy::new(|| re("^([A-Za-z]_?)+$"));
static ENCODED_PATH_RE: Lazy<Regex> = Lazy::new(|| re("^[A-Za-z0-9._~%/-]+$"));

fn config() -> Config {
    Config {
        cases: common::cases(512),
        failure_persistence: None,
        ..Config::default()
    }
}

/// `^([A-Za-z]_?)+$` cut to at most `max` bytes (any cut of such a string still matches).
fn name_like(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("([A-Za-z]_?){{1,{max}}}"))
        .expect("valid regex")
        .prop_map(move |s| s[..s.len().min(max)].to_owned())
        .prop_filter("too short", move |s| s.len() >= min)
}

fn session_ids() -> impl Strategy<Value = String> {
    "session_[0-9a-hjkmnp-z]{1,24}"
}

fn user_ids() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9a-zA-Z._:-]{2,100}",
        // Heavy on the bytes that need (or look like they need) encoding.
        "[.:_-]{2,8}",
        "[a-z]{1,10}:[0-9]{1,10}",
    ]
    .prop_filter("the dot-segment", |s| s != "..")
}

fn bot_aliases() -> impl Strategy<Value = String> {
    prop_oneof![1 => Just("$LATEST".to_owned()), 3 => name_like(1, 100)]
}

fn lex_requests() -> impl Strategy<Value = (String, String, String)> {
    (name_like(2, 50), bot_aliases(), user_ids())
}

/// Arbitrary strings built from the pieces a route is made of.
fn pathish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("/"),
        Just("bot"),
        Just("alias"),
        Just("user"),
        Just("session"),
        Just("sessions"),
        Just("bots"),
        Just("botAliases"),
        Just("botLocales"),
        Just("ABCDE12345"),
        Just("en_US"),
        Just("text"),
        Just("open-apis"),
        Just("aily"),
        Just("v1"),
        Just("session_"),
        Just("%"),
        Just("%2F"),
        Just("%2e"),
        Just("%FF"),
        Just("%C3"),
        Just("%A9"),
        Just("%4"),
        Just(".."),
        Just("."),
        Just("$LATEST"),
        Just(":"),
        Just("?"),
        Just("#"),
        Just("_"),
        Just("a"),
        Just("Z"),
        Just("4"),
        Just("é"),
        Just("\0"),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn methods() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("DELETE".to_owned()),
        1 => Just("GET".to_owned()),
        1 => Just("delete".to_owned()),
        1 => ".{0,8}",
    ]
}

/// Valid V2 labels: every class of each rule, heavy on what needs encoding.
fn lex_v2_requests() -> impl Strategy<Value = (String, String, String, String)> {
    (
        "[0-9a-zA-Z]{10}",
        prop_oneof![Just("TSTALIASID".to_owned()), "[0-9a-zA-Z]{10}".boxed()],
        "([0-9a-zA-Z]_?){5,6}".prop_filter_map("length", |s| {
            let s = &s[..s.len().min(6)];
            (s.len() >= 5).then(|| s.to_owned())
        }),
        user_ids(),
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn aily_round_trip(id in session_ids(), query in "[a-z=&/%?]{0,12}") {
        prop_assert!(SESSION_RE.is_match(&id));
        let request = aily(&id);
        let path = request.path();
        prop_assert_eq!(&path, &format!("{AILY_PREFIX}{id}"));
        prop_assert_eq!(AilyDeleteSessionRequest::from_route("DELETE", &path), Ok(request));
        let with_query = format!("{path}?{query}");
        prop_assert_eq!(AilyDeleteSessionRequest::from_route("DELETE", &with_query), Ok(request));
        prop_assert_eq!(
            AilyDeleteSessionRequest::from_route("POST", &with_query),
            Err(RouteError::MethodNotAllowed { allowed: "DELETE, GET, PUT" })
        );
    }

    #[test]
    fn lex_round_trip((name, alias, user) in lex_requests(), query in "[a-z=&/%?]{0,12}") {
        prop_assert!(NAME_RE.is_match(&name) && (2..=50).contains(&name.len()));
        prop_assert!(alias == "$LATEST" || (NAME_RE.is_match(&alias) && alias.len() <= 100));
        prop_assert!(USER_RE.is_match(&user));
        let request = lex(&name, &alias, &user);
        let path = request.path();
        prop_assert!(ENCODED_PATH_RE.is_match(&path), "{}", path);
        prop_assert!(path.starts_with("/bot/") && path.ends_with("/session"));
        prop_assert_eq!(path.matches('/').count(), 7);
        prop_assert_eq!(
            LexDeleteSessionRequest::from_route("DELETE", &path),
            Ok(request.clone())
        );
        prop_assert_eq!(
            LexDeleteSessionRequest::from_route("DELETE", &format!("{path}?{query}")),
            Ok(request.clone())
        );
        // The raw, unencoded labels name the same request.
        prop_assert_eq!(
            LexDeleteSessionRequest::from_route("DELETE", &lex_path(&name, &alias, &user)),
            Ok(request.clone())
        );
        prop_assert_eq!(
            LexDeleteSessionRequest::from_route("GET", &path),
            Err(RouteError::MethodNotAllowed { allowed: "DELETE, POST" })
        );
    }

    #[test]
    fn lex_encoding_is_exactly_the_aws_one((name, alias, user) in lex_requests()) {
        let path = lex(&name, &alias, &user).path();
        let mut want = String::new();
        for (i, part) in [name.as_str(), alias.as_str(), user.as_str()].into_iter().enumerate() {
            want.push_str(["/bot/", "/alias/", "/user/"][i]);
            for b in part.bytes() {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    want.push(char::from(b));
                } else {
                    want.push_str(&format!("%{b:02X}"));
                }
            }
        }
        want.push_str("/session");
        prop_assert_eq!(path, want);
    }

    #[test]
    fn lex_v2_round_trip(
        (bot, alias, locale, session) in lex_v2_requests(),
        query in "[a-z=&/%?]{0,12}",
    ) {
        let request = lex_v2(&bot, &alias, &locale, &session);
        let path = request.path();
        prop_assert!(ENCODED_PATH_RE.is_match(&path), "{}", path);
        prop_assert_eq!(path.matches('/').count(), 8);
        prop_assert_eq!(
            LexV2DeleteSessionRequest::from_route("DELETE", &path),
            Ok(request.clone())
        );
        prop_assert_eq!(
            LexV2DeleteSessionRequest::from_route("DELETE", &format!("{path}?{query}")),
            Ok(request.clone())
        );
        prop_assert_eq!(
            LexV2DeleteSessionRequest::from_route("DELETE", &lex_v2_path(&bot, &alias, &locale, &session)),
            Ok(request.clone())
        );
        prop_assert_eq!(
            botsession::Operation::from_route("DELETE", &path),
            Ok(botsession::Operation::LexV2DeleteSession(request.clone()))
        );
        prop_assert_eq!(
            LexV2DeleteSessionRequest::from_route("PUT", &path),
            Err(RouteError::MethodNotAllowed { allowed: "DELETE, GET, POST" })
        );
    }

    #[test]
    fn lex_v2_encoding_is_exactly_the_aws_one((bot, alias, locale, session) in lex_v2_requests()) {
        let path = lex_v2(&bot, &alias, &locale, &session).path();
        let mut want = String::new();
        let segments = ["/bots/", "/botAliases/", "/botLocales/", "/sessions/"];
        for (segment, part) in segments.into_iter().zip([&bot, &alias, &locale, &session]) {
            want.push_str(segment);
            for b in part.bytes() {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    want.push(char::from(b));
                } else {
                    want.push_str(&format!("%{b:02X}"));
                }
            }
        }
        prop_assert_eq!(path, want);
    }

    #[test]
    fn from_route_never_panics_on_arbitrary_text(method in methods(), path in ".*") {
        check_any(&method, &path)?;
    }

    #[test]
    fn from_route_never_panics_on_pathish_text(method in methods(), path in pathish()) {
        check_any(&method, &path)?;
    }

    #[test]
    fn from_route_never_panics_on_mutated_routes(
        (name, alias, user) in lex_requests(),
        method in methods(),
        cut in any::<prop::sample::Index>(),
        insert in pathish(),
    ) {
        let path = lex(&name, &alias, &user).path();
        let mut at = cut.index(path.len() + 1);
        while !path.is_char_boundary(at) {
            at -= 1;
        }
        check_any(&method, &format!("{}{insert}{}", &path[..at], &path[at..]))?;
        check_any(&method, &format!("{}{insert}", &path[..at]))?;
    }
}

/// Whatever the input: no panic, a well-formed error, and an accepted request that renders to
/// a path parsing back to itself.
fn check_any(method: &str, path: &str) -> Result<(), TestCaseError> {
    match AilyDeleteSessionRequest::from_route(method, path) {
        Ok(request) => {
            prop_assert_eq!(method, "DELETE");
            prop_assert_eq!(
                AilyDeleteSessionRequest::from_route("DELETE", &request.path()),
                Ok(request)
            );
        }
        Err(e) => check_error_shape(&e),
    }
    match LexDeleteSessionRequest::from_route(method, path) {
        Ok(request) => {
            prop_assert_eq!(method, "DELETE");
            prop_assert_eq!(
                LexDeleteSessionRequest::from_route("DELETE", &request.path()),
                Ok(request)
            );
        }
        Err(e) => check_error_shape(&e),
    }
    match LexV2DeleteSessionRequest::from_route(method, path) {
        Ok(request) => {
            prop_assert_eq!(method, "DELETE");
            prop_assert_eq!(
                LexV2DeleteSessionRequest::from_route("DELETE", &request.path()),
                Ok(request)
            );
        }
        Err(e) => check_error_shape(&e),
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// serde
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod serde_requests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn aily_request_serializes_as_the_path_parameter() {
        let request = aily(SESSION);
        let value = serde_json::to_value(request).unwrap();
        assert_eq!(value, json!({ "aily_session_id": SESSION }));
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            r#"{"aily_session_id":"session_4dfunz7sp1g8m"}"#
        );
        let back: AilyDeleteSessionRequest = serde_json::from_value(value).unwrap();
        assert_eq!(back, request);
    }

    #[test]
    fn lex_request_serializes_camel_case() {
        let request = lex_example();
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            r#"{"botName":"OrderFlowers","botAlias":"$LATEST","userId":"user:42"}"#
        );
        let back: LexDeleteSessionRequest =
            serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
        assert_eq!(back, request);
        // Unknown fields are ignored; field order does not matter.
        let back: LexDeleteSessionRequest = serde_json::from_value(json!({
            "userId": "user:42", "botAlias": "$LATEST", "botName": "OrderFlowers", "x": 1
        }))
        .unwrap();
        assert_eq!(back, request);
    }

    #[track_caller]
    fn rejects<T: serde::de::DeserializeOwned + std::fmt::Debug>(value: Value, needle: &str) {
        let e = serde_json::from_value::<T>(value.clone())
            .expect_err(&format!("{value} should be rejected"));
        let text = e.to_string();
        assert!(text.contains(needle), "{value}: {text:?} lacks {needle:?}");
    }

    #[test]
    fn deserializing_an_invalid_request_fails() {
        rejects::<AilyDeleteSessionRequest>(
            json!({ "aily_session_id": "session_I" }),
            "invalid Aily session id: character 'I' at byte 8 is not in [0-9a-hjkmnp-z]",
        );
        rejects::<AilyDeleteSessionRequest>(
            json!({ "aily_session_id": "session_" }),
            "invalid Aily session id: length 8 is below the minimum of 9 bytes",
        );
        rejects::<AilyDeleteSessionRequest>(json!({}), "missing field `aily_session_id`");
        rejects::<AilyDeleteSessionRequest>(json!({ "session_id": SESSION }), "missing field");
        rejects::<AilyDeleteSessionRequest>(json!({ "aily_session_id": 1 }), "invalid type");

        let ok = json!({ "botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "user:42" });
        let with = |key: &str, value: Value| {
            let mut v = ok.clone();
            v[key] = value;
            v
        };
        rejects::<LexDeleteSessionRequest>(
            with("userId", json!("..")),
            "invalid Lex user id: \"..\" is a dot-segment",
        );
        rejects::<LexDeleteSessionRequest>(
            with("userId", json!("a/b")),
            "invalid Lex user id: character '/' at byte 1",
        );
        rejects::<LexDeleteSessionRequest>(
            with("botAlias", json!("$latest")),
            "invalid Lex bot alias: character '$' at byte 0",
        );
        rejects::<LexDeleteSessionRequest>(
            with("botName", json!("A")),
            "invalid Lex bot name: length 1 is below the minimum of 2 bytes",
        );
        rejects::<LexDeleteSessionRequest>(
            json!({ "bot_name": "OrderFlowers", "bot_alias": "prod", "user_id": "u1" }),
            "missing field `botName`",
        );
    }

    #[test]
    fn lex_v2_request_serializes_camel_case() {
        let request = lex_v2_example();
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(
            text,
            r#"{"botId":"ABCDE12345","botAliasId":"TSTALIASID","localeId":"en_US","sessionId":"user:42"}"#
        );
        assert_eq!(
            serde_json::from_str::<LexV2DeleteSessionRequest>(&text).unwrap(),
            request
        );
        let ok = json!({
            "sessionId": "user:42", "localeId": "en_US", "botAliasId": "TSTALIASID",
            "botId": "ABCDE12345", "extra": [1]
        });
        assert_eq!(
            serde_json::from_value::<LexV2DeleteSessionRequest>(ok.clone()).unwrap(),
            request
        );
        let with = |key: &str, value: Value| {
            let mut v = ok.clone();
            v[key] = value;
            v
        };
        rejects::<LexV2DeleteSessionRequest>(
            with("sessionId", json!("..")),
            "invalid Lex V2 session id: \"..\" is a dot-segment",
        );
        rejects::<LexV2DeleteSessionRequest>(
            with("localeId", json!("en/US")),
            "invalid Lex V2 locale id: character '/' at byte 2 is not in [0-9a-zA-Z_]",
        );
        rejects::<LexV2DeleteSessionRequest>(
            with("botId", json!("ABCDE1234")),
            "invalid Lex V2 bot id: length 9 is below the minimum of 10 bytes",
        );
        rejects::<LexV2DeleteSessionRequest>(
            with("botAliasId", json!("TSTALIASID0")),
            "invalid Lex V2 bot alias id: length 11 exceeds the maximum of 10 bytes",
        );
        rejects::<LexV2DeleteSessionRequest>(
            json!({ "bot_id": "ABCDE12345", "bot_alias_id": "TSTALIASID", "locale_id": "en_US", "session_id": "ab" }),
            "missing field `botId`",
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn lex_v2_requests_round_trip_through_json((bot, alias, locale, session) in lex_v2_requests()) {
            let request = lex_v2(&bot, &alias, &locale, &session);
            let value = serde_json::to_value(&request).unwrap();
            prop_assert_eq!(
                &value,
                &json!({ "botId": bot, "botAliasId": alias, "localeId": locale, "sessionId": session })
            );
            prop_assert_eq!(serde_json::from_value::<LexV2DeleteSessionRequest>(value).unwrap(), request);
        }

        #[test]
        fn requests_round_trip_through_json(
            id in session_ids(),
            (name, alias, user) in lex_requests(),
        ) {
            let a = aily(&id);
            let text = serde_json::to_string(&a).unwrap();
            prop_assert_eq!(&text, &format!(r#"{{"aily_session_id":"{id}"}}"#));
            prop_assert_eq!(serde_json::from_str::<AilyDeleteSessionRequest>(&text).unwrap(), a);

            let l = lex(&name, &alias, &user);
            let value = serde_json::to_value(&l).unwrap();
            prop_assert_eq!(
                &value,
                &json!({ "botName": name, "botAlias": alias, "userId": user })
            );
            prop_assert_eq!(serde_json::from_value::<LexDeleteSessionRequest>(value).unwrap(), l);
        }
    }
}

/// Every API's typed operations, in the table's order; `identify` names the operation of a
/// request line as routing it does, typed or not, and nothing where it names none.
#[test]
fn operations_are_listed_and_identified_as_routed() {
    use botsession::{Api, Operation};

    let names = |api: Api| api.operations().collect::<Vec<_>>();
    #[cfg(feature = "serde")]
    assert_eq!(
        names(Api::Aily),
        [
            "CreateSession",
            "GetSession",
            "UpdateSession",
            "DeleteSession"
        ]
    );
    #[cfg(not(feature = "serde"))]
    assert_eq!(names(Api::Aily), ["GetSession", "DeleteSession"]);
    assert_eq!(names(Api::Lex), ["DeleteSession"]);
    #[cfg(feature = "serde")]
    assert_eq!(
        names(Api::LexV2),
        ["GetSession", "PutSession", "DeleteSession"]
    );
    #[cfg(not(feature = "serde"))]
    assert_eq!(names(Api::LexV2), ["GetSession", "DeleteSession"]);

    for (method, path) in [
        ("DELETE", AILY_PATH),
        ("GET", AILY_PATH),
        ("DELETE", LEX_PATH),
        ("DELETE", LEX_V2_PATH),
        ("GET", LEX_V2_PATH),
        ("HEAD", LEX_V2_PATH),
    ] {
        let routed = Operation::from_route(method, path).expect("routes");
        assert_eq!(
            Operation::identify(method, path),
            (Some(routed.api()), Some(routed.name())),
            "{method} {path}"
        );
    }
    let text = format!("{LEX_V2_PATH}/text");
    let long = format!("{AILY_PATH}{}", "a".repeat(MAX_PATH_LEN));
    for (method, path, want) in [
        (
            "POST",
            "/open-apis/aily/v1/sessions",
            (Some(Api::Aily), Some("CreateSession")),
        ),
        ("POST", LEX_PATH, (Some(Api::Lex), Some("PutSession"))),
        (
            "POST",
            text.as_str(),
            (Some(Api::LexV2), Some("RecognizeText")),
        ),
        ("PATCH", LEX_V2_PATH, (Some(Api::LexV2), None)),
        ("GET", "/open-apis/elsewhere", (Some(Api::Aily), None)),
        ("DELETE", long.as_str(), (Some(Api::Aily), None)),
        ("GET", "/favicon.ico", (None, None)),
        // Labels are not decoded: a bad one still names the operation.
        (
            "DELETE",
            "/open-apis/aily/v1/sessions/session_ILLEGAL",
            (Some(Api::Aily), Some("DeleteSession")),
        ),
    ] {
        assert_eq!(
            Operation::identify(method, path),
            want,
            "{method} {path:.60}"
        );
    }
}
