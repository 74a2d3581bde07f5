//! The server side of both operations: every response value renders to a `WireResponse` that
//! the crate's own classifier reads back equal (never as malformed), exact golden renderings,
//! JSON escaping checked by `serde_json`, and header values that cannot travel left out.
#![cfg(feature = "serde")]

mod common;
#[path = "common/strategies.rs"]
mod strategies;

use botsession::{
    AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError, FieldViolation, Help, LexBotAlias,
    LexBotName, LexDeleteSessionRequest, LexDeleteSessionResponse, LexErrorKind, LexServiceError,
    LexV2DeleteSessionResponse, LexV2ErrorKind, LexV2ServiceError, PermissionViolation,
    ResponseError, WireResponse, MAX_RETRY_AFTER_SECS,
};
use common::fixtures;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::json;
use strategies::{config, header_safe, header_unsafe, lex_requests, lex_v2_requests, text};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Reads a rendered Aily response back with the crate's classifier; a malformed reading fails.
#[track_caller]
fn aily_read(wire: &WireResponse) -> Result<AilyDeleteSessionResponse, AilyServiceError> {
    match AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()) {
        Ok(ok) => Ok(ok),
        Err(ResponseError::Service(e)) => Err(e),
        Err(e) => panic!("rendered Aily response read as {e:?}: {wire:?}"),
    }
}

/// Reads a rendered Lex response back with the crate's classifier; a malformed reading fails.
#[track_caller]
fn lex_read(wire: &WireResponse) -> Result<LexDeleteSessionResponse, LexServiceError> {
    match LexDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()) {
        Ok(ok) => Ok(ok),
        Err(ResponseError::Service(e)) => Err(e),
        Err(e) => panic!("rendered Lex response read as {e:?}: {wire:?}"),
    }
}

/// Reads a rendered Lex V2 response back with the crate's classifier; a malformed reading fails.
#[track_caller]
fn lex_v2_read(wire: &WireResponse) -> Result<LexV2DeleteSessionResponse, LexV2ServiceError> {
    match LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()) {
        Ok(ok) => Ok(ok),
        Err(ResponseError::Service(e)) => Err(e),
        Err(e) => panic!("rendered Lex V2 response read as {e:?}: {wire:?}"),
    }
}

/// The exact status, headers (in order) and body of a rendering.
#[track_caller]
fn assert_wire(wire: &WireResponse, status: u16, headers: &[(&str, &str)], body: &str) {
    let got: Vec<(&str, &str)> = wire
        .headers()
        .iter()
        .map(|(n, v)| (*n, v.as_str()))
        .collect();
    assert_eq!(
        (
            wire.status(),
            got.as_slice(),
            String::from_utf8_lossy(wire.body()).as_ref()
        ),
        (status, headers, body)
    );
}

/// The body as `serde_json` reads it.
#[track_caller]
fn body_json(wire: &WireResponse) -> serde_json::Value {
    serde_json::from_slice(wire.body())
        .unwrap_or_else(|e| panic!("body is not JSON ({e}): {:?}", wire.body()))
}

/// `value`, with `part` set through `with` where there is one.
fn maybe<T>(value: T, part: Option<String>, with: impl FnOnce(T, String) -> T) -> T {
    match part {
        Some(part) => with(value, part),
        None => value,
    }
}

fn lex_request(name: &'static str, alias: LexBotAlias, user: &str) -> LexDeleteSessionRequest {
    LexDeleteSessionRequest::new(LexBotName::from_static(name), alias, user.parse().unwrap())
}

const AILY_JSON: &str = "application/json; charset=utf-8";
const LEX_JSON: &str = "application/json";

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

fn aily_kinds() -> impl Strategy<Value = AilyErrorKind> {
    prop_oneof![
        select(AilyErrorKind::KNOWN),
        any::<i64>()
            .prop_filter("0 is success", |&c| c != 0)
            .prop_map(AilyErrorKind::Unknown),
    ]
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    option::of(text())
}

fn field_violations() -> impl Strategy<Value = Vec<FieldViolation>> {
    let one = (optional_text(), optional_text(), optional_text()).prop_map(|(f, v, d)| {
        let violation = maybe(FieldViolation::new(), f, FieldViolation::with_field);
        let violation = maybe(violation, v, FieldViolation::with_value);
        maybe(violation, d, FieldViolation::with_description)
    });
    vec(one, 0..=3)
}

fn permission_violations() -> impl Strategy<Value = Vec<PermissionViolation>> {
    let one = (optional_text(), optional_text(), optional_text()).prop_map(|(k, s, d)| {
        let violation = maybe(
            PermissionViolation::new(),
            k,
            PermissionViolation::with_kind,
        );
        let violation = maybe(violation, s, PermissionViolation::with_subject);
        maybe(violation, d, PermissionViolation::with_description)
    });
    vec(one, 0..=3)
}

fn helps() -> impl Strategy<Value = Vec<Help>> {
    let one = (optional_text(), optional_text()).prop_map(|(u, d)| {
        maybe(
            maybe(Help::new(), u, Help::with_url),
            d,
            Help::with_description,
        )
    });
    vec(one, 0..=3)
}

fn aily_errors() -> impl Strategy<Value = AilyServiceError> {
    let details = (
        optional_text(),
        optional_text(),
        field_violations(),
        permission_violations(),
        helps(),
    );
    let limits = (
        option::of(any::<u64>()),
        option::of(0..=MAX_RETRY_AFTER_SECS),
    );
    (aily_kinds(), text(), 100u16..=599, details, limits).prop_map(
        |(kind, msg, status, (log_id, troubleshooter, fields, perms, helps), (limit, reset))| {
            let mut e = AilyServiceError::new(kind)
                .with_message(msg)
                .with_http_status(status)
                .with_rate_limit(limit, reset);
            e = maybe(e, log_id, AilyServiceError::with_request_id);
            e = maybe(e, troubleshooter, AilyServiceError::with_troubleshooter);
            e = fields
                .into_iter()
                .fold(e, AilyServiceError::with_field_violation);
            e = perms
                .into_iter()
                .fold(e, AilyServiceError::with_permission_violation);
            helps.into_iter().fold(e, AilyServiceError::with_help)
        },
    )
}

/// Codes as a server may send them (`Foo:http://…`, `ns#Foo`, with `,`, unicode, controls),
/// kept only where the sanitized code is not empty.
fn lex_kinds() -> impl Strategy<Value = LexErrorKind> {
    let raw = prop_oneof![
        text(),
        "[A-Za-z]{1,20}(:[ -~]{0,10})?",
        "[a-z.]{0,8}#[A-Za-z#,]{1,12}",
        // Around the 128-byte cut, with spaces and multi-byte characters where it falls.
        "[A-Za-z]{120,127}[ é\u{3000}a]{1,4}[A-Za-z]{0,4}",
    ];
    prop_oneof![
        select(LexErrorKind::KNOWN),
        raw.prop_map(|s| LexErrorKind::from_code(&s))
            .prop_filter("no code once sanitized", |k| !k.code().is_empty()),
    ]
}

/// Codes as a server may send them, for either version: its documented kinds, or any raw code
/// with a code left once sanitized, or none at all (a message without a code).
fn raw_codes() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        "[A-Za-z]{1,20}(:[ -~]{0,10})?",
        "[a-z.]{0,8}#[A-Za-z#,]{1,12}",
        "[A-Za-z]{1,12}(,[A-Za-z ]{0,12}){1,3}",
        select(vec![
            "ThrottlingException",
            "RequestTimeout",
            "ExpiredToken",
            "RequestTimeTooSkewed",
            ""
        ])
        .prop_map(str::to_owned),
        "[A-Za-z]{120,127}[ é\u{3000}a]{1,4}[A-Za-z]{0,4}",
    ]
}

fn lex_v2_kinds() -> impl Strategy<Value = LexV2ErrorKind> {
    prop_oneof![
        select(LexV2ErrorKind::KNOWN),
        raw_codes().prop_map(|s| LexV2ErrorKind::from_code(&s)),
    ]
}

/// A wait in milliseconds: whole seconds, any number up to the cap, or beyond it.
fn waits() -> impl Strategy<Value = Option<u64>> {
    option::of(prop_oneof![
        (0..=MAX_RETRY_AFTER_SECS).prop_map(|s| s * 1000),
        0..=MAX_RETRY_AFTER_SECS * 1000,
        any::<u64>(),
    ])
}

fn lex_v2_errors() -> impl Strategy<Value = LexV2ServiceError> {
    let statuses = (300u16..=599).prop_filter("2xx is success", |s| !(200..300).contains(s));
    (
        lex_v2_kinds(),
        text(),
        statuses,
        option::of(header_safe()),
        waits(),
    )
        .prop_map(|(kind, message, status, request_id, wait)| {
            let e = LexV2ServiceError::new(kind)
                .with_message(message)
                .with_http_status(status)
                .with_retry_after_millis(wait);
            maybe(e, request_id, LexV2ServiceError::with_request_id)
        })
}

fn lex_errors() -> impl Strategy<Value = LexServiceError> {
    let statuses = (300u16..=599).prop_filter("2xx is success", |s| !(200..300).contains(s));
    (
        lex_kinds(),
        text(),
        statuses,
        option::of(header_safe()),
        option::of(0..=MAX_RETRY_AFTER_SECS),
    )
        .prop_map(|(kind, message, status, request_id, wait)| {
            let e = LexServiceError::new(kind)
                .with_message(message)
                .with_http_status(status)
                .with_retry_after_secs(wait);
            maybe(e, request_id, LexServiceError::with_request_id)
        })
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn aily_success_reads_back_equal(log_id in option::of(header_safe())) {
        let sent = maybe(AilyDeleteSessionResponse::new(), log_id, AilyDeleteSessionResponse::with_request_id);
        prop_assert_eq!(aily_read(&sent.render()), Ok(sent));
    }

    #[test]
    fn aily_success_leaves_out_an_unsafe_log_id(log_id in header_unsafe()) {
        let wire = AilyDeleteSessionResponse::new().with_request_id(log_id).render();
        prop_assert_eq!(wire.header("X-Tt-Logid"), None);
        prop_assert_eq!(&wire, &AilyDeleteSessionResponse::new().render());
        prop_assert_eq!(aily_read(&wire), Ok(AilyDeleteSessionResponse::new()));
    }

    #[test]
    fn aily_errors_read_back_equal(sent in aily_errors()) {
        prop_assert_eq!(aily_read(&sent.render()), Err(sent));
    }

    #[test]
    fn lex_success_reads_back_equal(
        request in lex_requests(),
        session_id in text(),
        request_id in option::of(header_safe()),
    ) {
        let sent = maybe(
            LexDeleteSessionResponse::new(&request, session_id),
            request_id,
            LexDeleteSessionResponse::with_request_id,
        );
        prop_assert_eq!(lex_read(&sent.render()), Ok(sent));
    }

    #[test]
    fn lex_success_leaves_out_an_unsafe_request_id(request_id in header_unsafe()) {
        let request = fixtures::lex_request();
        let wire = LexDeleteSessionResponse::new(&request, "s").with_request_id(request_id).render();
        prop_assert_eq!(wire.header("x-amzn-RequestId"), None);
        prop_assert_eq!(lex_read(&wire), Ok(LexDeleteSessionResponse::new(&request, "s")));
    }

    #[test]
    fn lex_errors_read_back_equal(sent in lex_errors()) {
        prop_assert_eq!(lex_read(&sent.render()), Err(sent));
    }

    #[test]
    fn lex_errors_with_a_millisecond_wait_read_back_equal(
        sent in lex_errors(),
        wait in waits(),
        code in raw_codes(),
    ) {
        let sent = sent.with_retry_after_millis(wait);
        prop_assert_eq!(lex_read(&sent.render()), Err(sent.clone()));
        let kind = LexErrorKind::from_code(&code);
        let sent = LexServiceError::new(kind).with_message("m").with_retry_after_millis(wait);
        prop_assert_eq!(lex_read(&sent.render()), Err(sent));
    }

    #[test]
    fn lex_v2_success_reads_back_equal(
        request in lex_v2_requests(),
        request_id in option::of(header_safe()),
    ) {
        let sent = maybe(
            LexV2DeleteSessionResponse::new(&request),
            request_id,
            LexV2DeleteSessionResponse::with_request_id,
        );
        let read = lex_v2_read(&sent.render());
        prop_assert_eq!(&read, &Ok(sent));
        let read = read.unwrap();
        let (bot, alias, locale) = (request.bot_id(), request.bot_alias_id(), request.locale_id());
        prop_assert_eq!(read.bot_id(), Some(bot.as_str()));
        prop_assert_eq!(read.bot_alias_id(), Some(alias.as_str()));
        prop_assert_eq!(read.locale_id(), Some(locale.as_str()));
        prop_assert_eq!(read.session_id(), Some(request.session_id().as_str()));
    }

    #[test]
    fn lex_v2_success_leaves_out_an_unsafe_request_id(request_id in header_unsafe()) {
        let request = fixtures::lex_v2_request();
        let wire = LexV2DeleteSessionResponse::new(&request).with_request_id(request_id).render();
        prop_assert_eq!(wire.header("x-amzn-RequestId"), None);
        prop_assert_eq!(lex_v2_read(&wire), Ok(LexV2DeleteSessionResponse::new(&request)));
    }

    #[test]
    fn lex_v2_errors_read_back_equal(sent in lex_v2_errors()) {
        prop_assert_eq!(lex_v2_read(&sent.render()), Err(sent));
    }

    /// A wait goes out in whole seconds as `Retry-After` where it is whole seconds, else in
    /// milliseconds as `x-amz-retry-after`; never both; capped at a day.
    #[test]
    fn waits_travel_in_the_header_that_keeps_them(wait in waits()) {
        let cap = MAX_RETRY_AFTER_SECS * 1000;
        let capped = wait.map(|w| w.min(cap));
        let v1 = LexServiceError::new(LexErrorKind::Conflict).with_message("m").with_retry_after_millis(wait);
        let v2 = LexV2ServiceError::new(LexV2ErrorKind::Conflict).with_message("m").with_retry_after_millis(wait);
        let want = capped.map(std::time::Duration::from_millis);
        prop_assert_eq!(v1.retry_after(), want);
        prop_assert_eq!(v2.retry_after(), want);
        for wire in [v1.render(), v2.render()] {
            let (secs, millis) = match capped {
                Some(w) if w % 1000 == 0 => (Some((w / 1000).to_string()), None),
                Some(w) => (None, Some(w.to_string())),
                None => (None, None),
            };
            prop_assert_eq!(wire.header("Retry-After"), secs.as_deref());
            prop_assert_eq!(wire.header("x-amz-retry-after"), millis.as_deref());
        }
        prop_assert_eq!(lex_read(&v1.render()), Err(v1));
        prop_assert_eq!(lex_v2_read(&v2.render()), Err(v2));
    }
}

// ---------------------------------------------------------------------------------------------
// Golden renderings
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_success_golden() {
    assert_wire(
        &AilyDeleteSessionResponse::new().render(),
        200,
        &[("Content-Type", AILY_JSON)],
        r#"{"code":0,"msg":"success","data":{}}"#,
    );
    assert_wire(
        &AilyDeleteSessionResponse::new()
            .with_request_id("2024abc")
            .render(),
        200,
        &[("Content-Type", AILY_JSON), ("X-Tt-Logid", "2024abc")],
        r#"{"code":0,"msg":"success","data":{}}"#,
    );
}

#[test]
fn aily_rate_limited_golden() {
    let sent = AilyServiceError::new(AilyErrorKind::RateLimited);
    let wire = sent.render();
    assert_wire(
        &wire,
        429,
        &[
            ("Content-Type", AILY_JSON),
            ("x-ogw-ratelimit-limit", "50"),
            ("x-ogw-ratelimit-reset", "1"),
        ],
        r#"{"code":99991400,"msg":"request trigger frequency limit"}"#,
    );
    let read = aily_read(&wire).unwrap_err();
    assert_eq!(read.rate_limit(), Some(50));
    assert_eq!(read.retry_after(), Some(std::time::Duration::from_secs(1)));
    assert_eq!(read, sent);
}

fn full_aily_error() -> AilyServiceError {
    AilyServiceError::new(AilyErrorKind::AppScopeMissing)
        .with_http_status(403)
        .with_request_id("2024abc")
        .with_troubleshooter("https://open.feishu.cn/search?log_id=2024abc")
        .with_field_violation(
            FieldViolation::new()
                .with_field("aily_session_id")
                .with_value("session_x")
                .with_description("not found"),
        )
        .with_permission_violation(
            PermissionViolation::new()
                .with_kind("action_scope_required")
                .with_subject("aily:session:write")
                .with_description("scope missing"),
        )
        .with_help(
            Help::new()
                .with_url("https://open.feishu.cn/app")
                .with_description("grant the scope"),
        )
        .with_rate_limit(Some(1000), Some(30))
}

#[test]
fn aily_full_error_golden() {
    let sent = full_aily_error();
    let wire = sent.render();
    assert_wire(
        &wire,
        403,
        &[
            ("Content-Type", AILY_JSON),
            ("X-Tt-Logid", "2024abc"),
            ("x-ogw-ratelimit-limit", "1000"),
            ("x-ogw-ratelimit-reset", "30"),
        ],
        concat!(
            r#"{"code":99991672,"msg":"Access denied. One of the following scopes is required: [aily:session:write].","#,
            r#""error":{"log_id":"2024abc","troubleshooter":"https://open.feishu.cn/search?log_id=2024abc","#,
            r#""field_violations":[{"field":"aily_session_id","value":"session_x","description":"not found"}],"#,
            r#""permission_violations":[{"type":"action_scope_required","subject":"aily:session:write","description":"scope missing"}],"#,
            r#""helps":[{"url":"https://open.feishu.cn/app","description":"grant the scope"}]}}"#,
        ),
    );
    assert_eq!(aily_read(&wire), Err(sent));
}

#[test]
fn lex_limit_exceeded_golden() {
    let sent = LexServiceError::new(LexErrorKind::LimitExceeded).with_message("m");
    let wire = sent.render();
    assert_wire(
        &wire,
        429,
        &[
            ("Content-Type", LEX_JSON),
            ("x-amzn-ErrorType", "LimitExceededException"),
            ("Retry-After", "1"),
        ],
        r#"{"message":"m"}"#,
    );
    assert_eq!(lex_read(&wire), Err(sent));
}

#[test]
fn lex_v2_throttling_golden() {
    let sent = LexV2ServiceError::new(LexV2ErrorKind::Throttling)
        .with_message("m")
        .with_request_id("r-1");
    let wire = sent.render();
    assert_wire(
        &wire,
        429,
        &[
            ("Content-Type", LEX_JSON),
            ("x-amzn-ErrorType", "ThrottlingException"),
            ("x-amzn-RequestId", "r-1"),
            ("Retry-After", "1"),
        ],
        r#"{"message":"m"}"#,
    );
    assert_eq!(lex_v2_read(&wire), Err(sent.clone()));
    let wire = sent.with_retry_after_millis(Some(1500)).render();
    assert_eq!(wire.header("x-amz-retry-after"), Some("1500"));
    assert_eq!(wire.header("Retry-After"), None);
}

/// An error with a message and no code goes out with neither the header nor a body `code`,
/// and reads back as itself.
#[test]
fn lex_v2_message_without_code_golden() {
    let sent = LexV2ServiceError::new(LexV2ErrorKind::from_code("")).with_message("m");
    let wire = sent.render();
    assert_wire(
        &wire,
        400,
        &[("Content-Type", LEX_JSON)],
        r#"{"message":"m"}"#,
    );
    assert_eq!(lex_v2_read(&wire), Err(sent));
}

#[test]
fn lex_v2_success_golden() {
    assert_wire(
        &LexV2DeleteSessionResponse::new(&fixtures::lex_v2_request())
            .with_request_id("r-1")
            .render(),
        200,
        &[("Content-Type", LEX_JSON), ("x-amzn-RequestId", "r-1")],
        r#"{"botId":"ABCDE12345","botAliasId":"TSTALIASID","localeId":"en_US","sessionId":"user:42"}"#,
    );
}

#[test]
fn every_known_lex_v2_kind_renders_its_status_and_code() {
    for kind in LexV2ErrorKind::KNOWN {
        let sent = LexV2ServiceError::new(kind.clone()).with_message("m");
        let wire = sent.render();
        assert_eq!(Some(wire.status()), kind.documented_status(), "{kind:?}");
        assert_eq!(
            wire.header("x-amzn-ErrorType"),
            Some(kind.code()),
            "{kind:?}"
        );
        let wait = matches!(kind, LexV2ErrorKind::Throttling).then_some("1");
        assert_eq!(wire.header("Retry-After"), wait, "{kind:?}");
        assert_eq!(lex_v2_read(&wire), Err(sent), "{kind:?}");
    }
}

#[test]
fn lex_success_golden() {
    let request = fixtures::lex_request();
    assert_wire(
        &LexDeleteSessionResponse::new(&request, "2024-abc")
            .with_request_id("r-1")
            .render(),
        200,
        &[("Content-Type", LEX_JSON), ("x-amzn-RequestId", "r-1")],
        r#"{"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-abc","userId":"user:42"}"#,
    );
}

/// Codes that cannot travel in `x-amzn-ErrorType` as they are: where each one goes instead.
#[test]
fn lex_codes_that_need_care_golden() {
    // (code as sent, code kept, header, body)
    let rows: &[(&str, &str, Option<&str>, &str)] = &[
        (
            "ConflictException:http://internal.amazon.com/coral/",
            "ConflictException",
            Some("ConflictException"),
            r#"{"message":"m"}"#,
        ),
        (
            "aws.protocoltests#FooError",
            "FooError",
            Some("FooError"),
            r#"{"message":"m"}"#,
        ),
        ("##x", "#x", Some("##x"), r#"{"message":"m"}"#),
        // Only the first of comma-separated values counts.
        ("ns#Foo,Bar", "Foo", Some("Foo"), r#"{"message":"m"}"#),
        ("a#b,c", "b", Some("b"), r#"{"message":"m"}"#),
        ("x#y#z,w", "y#z", Some("#y#z"), r#"{"message":"m"}"#),
        (
            "Fehlerà",
            "Fehlerà",
            None,
            r#"{"code":"Fehlerà","message":"m"}"#,
        ),
        (
            "a\u{0}b",
            "a\u{0}b",
            None,
            r#"{"code":"a\u0000b","message":"m"}"#,
        ),
        ("a b", "a b", Some("a b"), r#"{"message":"m"}"#),
    ];
    for &(raw, kept, header, body) in rows {
        let kind = LexErrorKind::from_code(raw);
        assert_eq!(kind.code(), kept, "{raw:?}");
        let sent = LexServiceError::new(kind).with_message("m");
        let wire = sent.render();
        assert_eq!(wire.header("x-amzn-ErrorType"), header, "{raw:?}");
        assert_eq!(String::from_utf8_lossy(wire.body()), body, "{raw:?}");
        let status = sent.kind().documented_status().unwrap_or(400);
        assert_eq!(wire.status(), status, "{raw:?}");
        assert_eq!(lex_read(&wire), Err(sent), "{raw:?}");
    }
}

/// A code of more than 128 bytes is cut: where the cut falls just after a space, what is kept
/// must still read back as itself.
#[test]
fn lex_code_cut_after_a_space_reads_back_equal() {
    for filler in [" ", "\u{3000}", " a"] {
        let raw = format!("{}{filler}Tail", "A".repeat(127));
        let sent = LexServiceError::new(LexErrorKind::from_code(&raw)).with_message("m");
        assert_eq!(sent.code(), "A".repeat(127), "{raw:?}");
        assert_eq!(lex_read(&sent.render()), Err(sent), "{raw:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// JSON escaping, checked by serde_json
// ---------------------------------------------------------------------------------------------

const HOSTILE: &str = "q\"b\\s/n\nr\rt\tnul\u{0}us\u{1f}del\u{7f}é中🦀\u{2028}{[";

#[test]
fn aily_bodies_parse_to_the_values_sent() {
    let wire = AilyServiceError::new(AilyErrorKind::ParamInvalid)
        .with_message(HOSTILE)
        .with_request_id(HOSTILE)
        .with_troubleshooter(HOSTILE)
        .with_field_violation(FieldViolation::new().with_value(HOSTILE))
        .with_permission_violation(PermissionViolation::new().with_kind(HOSTILE))
        .with_help(Help::new().with_description(HOSTILE))
        .render();
    assert_eq!(
        body_json(&wire),
        json!({
            "code": 2700001,
            "msg": HOSTILE,
            "error": {
                "log_id": HOSTILE,
                "troubleshooter": HOSTILE,
                "field_violations": [{"value": HOSTILE}],
                "permission_violations": [{"type": HOSTILE}],
                "helps": [{"description": HOSTILE}],
            },
        })
    );
    // The log id cannot be a header, so the body alone carries it.
    assert_eq!(wire.header("X-Tt-Logid"), None);
    assert_eq!(
        body_json(&AilyServiceError::new(AilyErrorKind::Unknown(-7)).render()),
        json!({"code": -7, "msg": "unknown error"})
    );
    assert_eq!(
        body_json(&full_aily_error().render())["error"]["permission_violations"][0]["type"],
        json!("action_scope_required")
    );
}

#[test]
fn lex_bodies_parse_to_the_values_sent() {
    let request = lex_request("Order_Flowers", LexBotAlias::LATEST, "a.b:c_d-e");
    assert_eq!(
        body_json(&LexDeleteSessionResponse::new(&request, HOSTILE).render()),
        json!({
            "botAlias": "$LATEST",
            "botName": "Order_Flowers",
            "sessionId": HOSTILE,
            "userId": "a.b:c_d-e",
        })
    );
    let code = format!("ns#{HOSTILE}");
    let wire = LexServiceError::new(LexErrorKind::from_code(&code))
        .with_message(HOSTILE)
        .render();
    assert_eq!(
        body_json(&wire),
        json!({"code": HOSTILE, "message": HOSTILE})
    );
}

#[test]
fn aily_escapes_byte_for_byte() {
    let wire = AilyServiceError::new(AilyErrorKind::ParamInvalid)
        .with_message("a\"b\\c\n\u{0}\u{1f}é\u{7f}")
        .render();
    assert_eq!(
        wire.body(),
        "{\"code\":2700001,\"msg\":\"a\\\"b\\\\c\\n\\u0000\\u001fé\u{7f}\"}".as_bytes()
    );
}

// ---------------------------------------------------------------------------------------------
// Defaults per kind
// ---------------------------------------------------------------------------------------------

#[test]
fn every_known_aily_kind_renders_its_status_code_and_msg() {
    assert!(AilyErrorKind::KNOWN.len() >= 19);
    for &kind in AilyErrorKind::KNOWN {
        let sent = AilyServiceError::new(kind);
        let wire = sent.render();
        assert_eq!(wire.status(), kind.http_status(), "{kind:?}");
        let body = body_json(&wire);
        assert_eq!(body["code"], json!(kind.code()), "{kind:?}");
        assert_eq!(body["msg"], json!(kind.message()), "{kind:?}");
        assert_eq!(aily_read(&wire), Err(sent), "{kind:?}");
    }
}

#[test]
fn every_known_lex_kind_renders_its_status_and_code() {
    for kind in LexErrorKind::KNOWN {
        let sent = LexServiceError::new(kind.clone()).with_message("m");
        let wire = sent.render();
        assert_eq!(Some(wire.status()), kind.documented_status(), "{kind:?}");
        assert_eq!(
            wire.header("x-amzn-ErrorType"),
            Some(kind.code()),
            "{kind:?}"
        );
        let wait = matches!(kind, LexErrorKind::LimitExceeded).then_some("1");
        assert_eq!(wire.header("Retry-After"), wait, "{kind:?}");
        assert_eq!(lex_read(&wire), Err(sent), "{kind:?}");
    }
}
