//! Aily's whole session family, create, get and update beside delete: the text rules against
//! their documented patterns (counted in characters), the 255/256-character boundary at every
//! entry point, the strict body and header reading, requests and responses read back equal to
//! what the crate writes, and the success body's `data.session` checked as a malformed response
//! rather than a panic.
#![cfg(feature = "serde")]

mod common;
#[path = "common/strategies.rs"]
mod strategies;

use botsession::{
    AilyBizUserId, AilyChannelContext, AilyCreateSessionRequest, AilyCreateSessionResponse,
    AilyErrorKind, AilyGetSessionRequest, AilyGetSessionResponse, AilyMetadata, AilyServiceError,
    AilySession, AilySessionId, AilyUpdateSessionRequest, AilyUpdateSessionResponse, Api,
    BodyError, FieldError, Operation, ResponseError, RouteError, TextError, AILY_MAX_BODY_LEN,
};
use std::sync::OnceLock;

use common::fixtures::{AILY_PATH, AILY_SESSION};
use common::re;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use strategies::{aily_session_ids, config};

const COLLECTION: &str = "/open-apis/aily/v1/sessions";
const JSON: (&str, &str) = ("Content-Type", "application/json; charset=utf-8");

/// The documented rules, as patterns: any text of 0–255 characters, and the header's visible
/// ASCII.
fn text_rule() -> &'static regex_lite::Regex {
    static RULE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RULE.get_or_init(|| re(r"(?s)^.{0,255}$"))
}

fn header_rule() -> &'static regex_lite::Regex {
    static RULE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RULE.get_or_init(|| re(r"^[!-~]{0,255}$"))
}

/// Characters of every UTF-8 width, and the ones JSON escapes.
const CHARS: &[char] = &[
    'a',
    'Z',
    '0',
    ' ',
    '~',
    '!',
    '"',
    '\\',
    '/',
    '\n',
    '\t',
    '\0',
    '\u{1f}',
    '\u{7f}',
    'é',
    '元',
    '渠',
    '\u{2028}',
    '😀',
    '\u{10ffff}',
    '\u{feff}',
];

fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        vec(select(CHARS), 0..=8).prop_map(|c| c.into_iter().collect()),
        (250usize..=260, select(CHARS)).prop_map(|(n, c)| std::iter::repeat(c).take(n).collect()),
        (240usize..=258, vec(select(CHARS), 1..=4)).prop_map(|(n, cs)| cs
            .into_iter()
            .cycle()
            .take(n)
            .collect()),
    ]
}

fn chinese(n: usize) -> String {
    "元".repeat(n)
}

fn create(headers: &[(&str, &str)], body: &[u8]) -> Result<AilyCreateSessionRequest, RouteError> {
    AilyCreateSessionRequest::from_request("POST", COLLECTION, headers, body)
}

fn update(headers: &[(&str, &str)], body: &[u8]) -> Result<AilyUpdateSessionRequest, RouteError> {
    AilyUpdateSessionRequest::from_request("PUT", AILY_PATH, headers, body)
}

fn session_id() -> AilySessionId {
    AilySessionId::from_static(AILY_SESSION)
}

// ---------------------------------------------------------------------------------------------
// The text rules
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(512))]

    /// Each text type accepts exactly what its pattern does, by character count.
    #[test]
    fn text_types_agree_with_their_patterns(s in texts()) {
        let text = text_rule().is_match(&s);
        prop_assert_eq!(AilyChannelContext::new(s.as_str()).is_ok(), text);
        prop_assert_eq!(AilyMetadata::is_valid(&s), text);
        prop_assert_eq!(header_rule().is_match(&s), AilyBizUserId::is_valid(&s));
        if let Err(e) = AilyMetadata::new(s.as_str()) {
            prop_assert_eq!(e, TextError::TooLong { max: 255, chars: s.chars().count() });
        }
        if let Ok(m) = AilyMetadata::new(s.as_str()) {
            prop_assert_eq!(m.as_str(), s.as_str());
            let json = serde_json::to_string(&m).unwrap();
            prop_assert_eq!(serde_json::from_str::<AilyMetadata>(&json).unwrap(), m);
        }
    }
}

#[test]
fn lengths_are_characters_not_bytes() {
    for (n, ok) in [
        (0, true),
        (1, true),
        (254, true),
        (255, true),
        (256, false),
        (1000, false),
    ] {
        for s in [chinese(n), "a".repeat(n), "😀".repeat(n)] {
            assert_eq!(AilyMetadata::new(s.as_str()).is_ok(), ok, "{n}");
            assert_eq!(AilyChannelContext::new(s.as_str()).is_ok(), ok, "{n}");
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(
                serde_json::from_str::<AilyMetadata>(&json).is_ok(),
                ok,
                "{n}"
            );
        }
    }
    assert_eq!(chinese(255).len(), 765);
    assert_eq!(
        AilyMetadata::new(chinese(256)).unwrap_err().to_string(),
        "256 characters, more than the 255 allowed"
    );
}

#[test]
fn the_biz_user_id_is_visible_ascii() {
    assert!(AilyBizUserId::new("ou_5ad573a6411d72b8305fda3a9c15c70e").is_ok());
    assert!(AilyBizUserId::new("").is_ok());
    assert!(AilyBizUserId::new("!".repeat(255)).is_ok());
    assert_eq!(
        AilyBizUserId::new("~".repeat(256)),
        Err(TextError::TooLong {
            max: 255,
            chars: 256
        })
    );
    for (s, index) in [
        (" ou", 0),
        ("ou ", 2),
        ("o\tu", 1),
        ("元", 0),
        ("a\u{7f}", 1),
    ] {
        assert_eq!(
            AilyBizUserId::new(s),
            Err(TextError::Character { index }),
            "{s:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 255 and 256 characters, at every entry point
// ---------------------------------------------------------------------------------------------

fn body_with(field: &str, value: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ field: value })).unwrap()
}

#[test]
fn the_boundary_holds_at_every_entry_point() {
    for field in ["channel_context", "metadata"] {
        let ok = body_with(field, &chinese(255));
        let long = body_with(field, &chinese(256));
        let too_long = RouteError::Field {
            field: if field == "metadata" {
                "metadata"
            } else {
                "channel_context"
            },
            error: FieldError::Text(TextError::TooLong {
                max: 255,
                chars: 256,
            }),
        };
        // The typed requests.
        assert!(create(&[JSON], &ok).is_ok(), "{field}");
        assert_eq!(create(&[JSON], &long), Err(too_long.clone()));
        assert!(update(&[JSON], &ok).is_ok(), "{field}");
        assert_eq!(update(&[JSON], &long), Err(too_long.clone()));
        // The router.
        for (method, path) in [("POST", COLLECTION), ("PUT", AILY_PATH)] {
            assert!(Operation::from_request(method, path, &[JSON], &ok).is_ok());
            let rejection = Operation::from_request(method, path, &[JSON], &long).unwrap_err();
            assert_eq!(rejection.error(), &too_long);
            assert_eq!(rejection.api(), Some(Api::Aily));
            // Answered as Feishu answers a bad parameter, naming the field.
            let wire = rejection.render();
            let read =
                AilyGetSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
            let Err(ResponseError::Service(e)) = read else {
                panic!("{read:?}")
            };
            assert_eq!((e.code(), e.http_status()), (2700001, 400));
            assert_eq!(e.field_violations()[0].field(), Some(field));
        }
        // The serde forms.
        let serde = serde_json::to_vec(&serde_json::json!({ field: chinese(256) })).unwrap();
        assert!(serde_json::from_slice::<AilyCreateSessionRequest>(&serde).is_err());
        let session = serde_json::json!({
            "id": AILY_SESSION, "created_at": "1", "modified_at": "1", field: chinese(256)
        });
        assert!(serde_json::from_value::<AilySession>(session.clone()).is_err());
        // A response that carries one is malformed.
        let body = serde_json::to_vec(&serde_json::json!({
            "code": 0, "data": { "session": session }
        }))
        .unwrap();
        let read = AilyGetSessionResponse::from_http(200, &[("X-Tt-Logid", "1")], &body);
        assert!(matches!(read, Err(ResponseError::Malformed(_))), "{read:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Strict reading of headers and bodies
// ---------------------------------------------------------------------------------------------

/// A body's `channel_context` and `metadata`, as read.
type Fields<'a> = (Option<&'a str>, Option<&'a str>);

#[rustfmt::skip]
#[test]
fn bodies_are_read_strictly() {
    use BodyError as B;
    let field = |field, error| RouteError::Field { field, error };
    let cases: Vec<(&str, &[u8], Result<Fields<'_>, RouteError>)> = vec![
        ("empty object", b"{}", Ok((None, None))),
        ("both", br#"{"channel_context":"{}","metadata":"m"}"#, Ok((Some("{}"), Some("m")))),
        ("null is absent", br#"{"channel_context":null,"metadata":null}"#, Ok((None, None))),
        ("empty strings are kept", br#"{"channel_context":"","metadata":""}"#, Ok((Some(""), Some("")))),
        ("unknown fields are ignored", br#"{"x":[1,{"y":null}],"metadata":"m","z":true}"#, Ok((None, Some("m")))),
        ("escaped key", br#"{"meta\u0064ata":"m"}"#, Ok((None, Some("m")))),
        ("escapes and NUL", br#"{"metadata":"\u0000\"\\\ud83d\ude00"}"#, Ok((None, Some("\0\"\\😀")))),
        ("whitespace", b" \r\n\t{ \"metadata\" : \"m\" }\n", Ok((None, Some("m")))),
        ("empty", b"", Err(RouteError::Body(B::Empty))),
        ("blank", b"  \n", Err(RouteError::Body(B::Empty))),
        ("array", br#"[{"metadata":"m"}]"#, Err(RouteError::Body(B::NotObject))),
        ("string", br#""{}""#, Err(RouteError::Body(B::NotObject))),
        ("number", b"12", Err(RouteError::Body(B::NotObject))),
        ("null", b"null", Err(RouteError::Body(B::NotObject))),
        ("true", b"true", Err(RouteError::Body(B::NotObject))),
        ("not JSON", b"metadata=m", Err(RouteError::Body(B::Syntax { line: 1, column: 1 }))),
        ("truncated", br#"{"metadata":"m"#, Err(RouteError::Body(B::Truncated))),
        ("trailing", br#"{"metadata":"m"} {}"#, Err(RouteError::Body(B::Syntax { line: 1, column: 18 }))),
        ("trailing comma", br#"{"metadata":"m",}"#, Err(RouteError::Body(B::Syntax { line: 1, column: 17 }))),
        ("bad escape", br#"{"metadata":"\x"}"#, Err(RouteError::Body(B::Syntax { line: 1, column: 15 }))),
        ("lone surrogate", br#"{"metadata":"\ud800"}"#, Err(RouteError::Body(B::Syntax { line: 1, column: 20 }))),
        ("invalid UTF-8", b"{\"metadata\":\"\xff\"}", Err(RouteError::Body(B::Syntax { line: 1, column: 14 }))),
        ("number for a string", br#"{"metadata":1}"#, Err(field("metadata", FieldError::NotString))),
        ("object for a string", br#"{"channel_context":{}}"#, Err(field("channel_context", FieldError::NotString))),
        ("array for a string", br#"{"channel_context":["{}"]}"#, Err(field("channel_context", FieldError::NotString))),
        ("bool for a string", br#"{"metadata":false}"#, Err(field("metadata", FieldError::NotString))),
        ("float for a string", br#"{"metadata":1.5e3}"#, Err(field("metadata", FieldError::NotString))),
        ("negative for a string", br#"{"metadata":-1}"#, Err(field("metadata", FieldError::NotString))),
        ("u64 past i64 for a string", br#"{"channel_context":18446744073709551615}"#, Err(field("channel_context", FieldError::NotString))),
        ("duplicate", br#"{"metadata":"a","metadata":"b"}"#, Err(field("metadata", FieldError::Repeated))),
        ("duplicate, the second null", br#"{"metadata":"a","metadata":null}"#, Err(field("metadata", FieldError::Repeated))),
        ("duplicate, escaped", br#"{"metadata":"a","meta\u0064ata":"b"}"#, Err(field("metadata", FieldError::Repeated))),
    ];
    for (name, body, want) in cases {
        let got = create(&[JSON], body).map(|r| {
            (r.channel_context().map(|c| c.as_str().to_owned()), r.metadata().map(|m| m.as_str().to_owned()))
        });
        let want = want.map(|(c, m)| (c.map(String::from), m.map(String::from)));
        assert_eq!(got, want, "create: {name}");
        let got = update(&[JSON], body).map(|r| {
            (r.channel_context().map(|c| c.as_str().to_owned()), r.metadata().map(|m| m.as_str().to_owned()))
        });
        assert_eq!(got, want, "update: {name}");
    }
}

#[test]
fn deep_and_large_bodies_are_refused_before_they_are_read() {
    // Deep nesting in an ignored field is skipped without recursion, within the size limit
    // (the service's Go reader allows 10,000 levels).
    let deep = format!(
        r#"{{"x":{}1{},"metadata":"m"}}"#,
        "[".repeat(8_000),
        "]".repeat(8_000)
    );
    assert!(deep.len() < AILY_MAX_BODY_LEN);
    let read = create(&[JSON], deep.as_bytes()).unwrap();
    assert_eq!(read.metadata().map(AilyMetadata::as_str), Some("m"));
    let deep = format!(
        r#"{{"x":{}1{}}}"#,
        "{\"y\":".repeat(2_000),
        "}".repeat(2_000)
    );
    assert!(create(&[JSON], deep.as_bytes()).is_ok());
    // A typed field refuses a container at once, however deep.
    let deep = format!(
        r#"{{"metadata":{}1{}}}"#,
        "[".repeat(8_000),
        "]".repeat(8_000)
    );
    assert_eq!(
        create(&[JSON], deep.as_bytes()),
        Err(RouteError::Field {
            field: "metadata",
            error: FieldError::NotString
        })
    );
    // At the limit: read.
    let mut at = b"{}".to_vec();
    at.resize(AILY_MAX_BODY_LEN, b' ');
    assert!(create(&[JSON], &at).is_ok());
    let large = vec![b' '; AILY_MAX_BODY_LEN + 1];
    assert_eq!(
        create(&[JSON], &large),
        Err(RouteError::BodyTooLarge {
            len: AILY_MAX_BODY_LEN + 1,
            max: AILY_MAX_BODY_LEN
        })
    );
    assert_eq!(create(&[JSON], &large).unwrap_err().http_status(), 413);
    // The longest valid body, every character escaped as a surrogate pair, fits.
    let escaped = "\\ud83d\\ude00".repeat(255);
    let longest = format!(r#"{{"channel_context":"{escaped}","metadata":"{escaped}"}}"#);
    assert!(longest.len() < AILY_MAX_BODY_LEN);
    let read = create(&[JSON], longest.as_bytes()).unwrap();
    assert_eq!(read.metadata().unwrap().as_str(), "😀".repeat(255));
}

#[test]
fn the_content_type_is_checked_first() {
    let expected = "application/json; charset=utf-8";
    let refused = RouteError::ContentType { expected };
    for headers in [
        &[][..],
        &[("Content-Type", "text/plain")][..],
        &[("Content-Type", "application/json; charset=gbk")][..],
        &[JSON, JSON][..],
        &[("X-Content-Type", "application/json")][..],
    ] {
        // Before the body, whatever it holds.
        assert_eq!(
            create(headers, b"not json"),
            Err(refused.clone()),
            "{headers:?}"
        );
        assert_eq!(update(headers, b"{}"), Err(refused.clone()), "{headers:?}");
    }
    assert_eq!(refused.http_status(), 415);
    assert_eq!(refused.field(), Some("Content-Type"));
    assert_eq!(
        refused.to_string(),
        "Content-Type must be application/json; charset=utf-8"
    );
    for ok in [
        "application/json",
        "APPLICATION/JSON; CHARSET=UTF-8",
        "application/json;charset=\"utf-8\"",
    ] {
        assert!(create(&[("content-type", ok)], b"{}").is_ok(), "{ok}");
    }
}

#[test]
fn the_biz_user_id_header_is_one_valid_value() {
    let header = |name: &'static str, error| RouteError::Header { name, error };
    let name = "X-Aily-BizUserID";
    let read = create(&[JSON, ("x-aily-bizuserid", "ou_1")], b"{}").unwrap();
    assert_eq!(read.biz_user_id().map(AilyBizUserId::as_str), Some("ou_1"));
    assert_eq!(
        create(&[JSON, ("X-Aily-BizUserID", "")], b"{}")
            .unwrap()
            .biz_user_id()
            .map(AilyBizUserId::as_str),
        Some("")
    );
    assert_eq!(create(&[JSON], b"{}").unwrap().biz_user_id(), None);
    assert_eq!(
        create(&[JSON, (name, "a"), (name, "a")], b"{}"),
        Err(header(name, FieldError::Repeated))
    );
    let long = "u".repeat(256);
    assert_eq!(
        create(&[JSON, (name, &long)], b"{}"),
        Err(header(
            name,
            FieldError::Text(TextError::TooLong {
                max: 255,
                chars: 256
            })
        ))
    );
    assert!(create(&[JSON, (name, &long[..255])], b"{}").is_ok());
    assert_eq!(
        create(&[JSON, (name, "ou 1")], b"{}"),
        Err(header(
            name,
            FieldError::Text(TextError::Character { index: 2 })
        ))
    );
    // Bytes that are not UTF-8: the first one named, not quoted.
    let bytes: [(&[u8], &[u8]); 2] = [
        (b"Content-Type", JSON.1.as_bytes()),
        (b"X-Aily-BizUserID", b"ou\xff1"),
    ];
    assert_eq!(
        AilyCreateSessionRequest::from_request("POST", COLLECTION, &bytes, b"{}"),
        Err(header(
            name,
            FieldError::Text(TextError::Character { index: 2 })
        ))
    );
    // Update takes no such header: one sent is ignored.
    assert!(update(&[JSON, (name, "a b")], b"{}").is_ok());
    let err = create(&[JSON, (name, "ou 1")], b"{}").unwrap_err();
    assert_eq!(err.field(), Some(name));
    assert_eq!(
        err.to_string(),
        "header X-Aily-BizUserID: the byte at 2 is not visible ASCII"
    );
}

#[test]
fn the_request_line_is_checked_before_headers_and_body() {
    assert_eq!(
        AilyCreateSessionRequest::from_request("GET", COLLECTION, &[JSON], b"{}"),
        Err(RouteError::MethodNotAllowed { allowed: "POST" })
    );
    assert_eq!(
        AilyUpdateSessionRequest::from_request(
            "PUT",
            "/open-apis/aily/v1/sessions/session_I",
            &[] as &[(&str, &str)],
            b"x"
        ),
        Err(RouteError::Label {
            label: "aily_session_id",
            source: "session_I".parse::<AilySessionId>().unwrap_err()
        })
    );
    assert_eq!(
        AilyUpdateSessionRequest::from_request("DELETE", AILY_PATH, &[JSON], b"{}"),
        Err(RouteError::OtherOperation {
            operation: "DeleteSession"
        })
    );
    assert_eq!(
        AilyGetSessionRequest::from_route("PUT", AILY_PATH),
        Err(RouteError::OtherOperation {
            operation: "UpdateSession"
        })
    );
    assert_eq!(
        AilyGetSessionRequest::from_route("HEAD", AILY_PATH),
        Ok(AilyGetSessionRequest::new(session_id()))
    );
    // With a query string, which the path limit counts.
    assert!(AilyCreateSessionRequest::from_request(
        "POST",
        "/open-apis/aily/v1/sessions?x=1",
        &[JSON],
        b"{}"
    )
    .is_ok());
}

// ---------------------------------------------------------------------------------------------
// What the crate writes, it reads back equal
// ---------------------------------------------------------------------------------------------

fn optional<T: std::fmt::Debug>(
    inner: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(inner)
}

fn channel_contexts() -> impl Strategy<Value = AilyChannelContext> {
    texts().prop_filter_map("too long", |s| AilyChannelContext::new(s).ok())
}

fn metadatas() -> impl Strategy<Value = AilyMetadata> {
    texts().prop_filter_map("too long", |s| AilyMetadata::new(s).ok())
}

fn biz_user_ids() -> impl Strategy<Value = AilyBizUserId> {
    "[!-~]{0,255}".prop_map(|s| AilyBizUserId::new(s).unwrap())
}

fn sessions() -> impl Strategy<Value = AilySession> {
    (
        aily_session_ids(),
        any::<i64>(),
        any::<i64>(),
        optional("[0-9]{1,20}|\\PC{0,40}"),
        optional(channel_contexts()),
        optional(metadatas()),
    )
        .prop_map(|(id, created, modified, by, context, metadata)| {
            let mut session = AilySession::new(id, created).with_modified_at(modified);
            if let Some(by) = by {
                session = session.with_created_by(by);
            }
            if let Some(context) = context {
                session = session.with_channel_context(context);
            }
            if let Some(metadata) = metadata {
                session = session.with_metadata(metadata);
            }
            session
        })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn create_requests_read_back_equal(
        context in optional(channel_contexts()),
        metadata in optional(metadatas()),
        user in optional(biz_user_ids()),
    ) {
        let mut request = AilyCreateSessionRequest::new();
        if let Some(c) = context { request = request.with_channel_context(c); }
        if let Some(m) = metadata { request = request.with_metadata(m); }
        if let Some(u) = user { request = request.with_biz_user_id(u); }
        let headers: Vec<_> = request.headers().collect();
        let body = request.body();
        let read = AilyCreateSessionRequest::from_request(AilyCreateSessionRequest::METHOD, &request.path(), &headers, &body);
        prop_assert_eq!(read.as_ref(), Ok(&request));
        let routed = Operation::from_request("POST", &request.path(), &headers, &body);
        prop_assert_eq!(routed, Ok(Operation::AilyCreateSession(request.clone())));
        // The body is what `serde_json` writes for the same fields.
        let mut plain = serde_json::Map::new();
        if let Some(c) = request.channel_context() { plain.insert("channel_context".into(), c.as_str().into()); }
        if let Some(m) = request.metadata() { plain.insert("metadata".into(), m.as_str().into()); }
        prop_assert_eq!(body, serde_json::to_vec(&plain).unwrap());
        // The serde form reads back too.
        let json = serde_json::to_string(&request).unwrap();
        prop_assert_eq!(serde_json::from_str::<AilyCreateSessionRequest>(&json).unwrap(), request);
    }

    #[test]
    fn update_requests_read_back_equal(
        id in aily_session_ids(),
        context in optional(channel_contexts()),
        metadata in optional(metadatas()),
    ) {
        let mut request = AilyUpdateSessionRequest::new(id);
        if let Some(c) = context { request = request.with_channel_context(c); }
        if let Some(m) = metadata { request = request.with_metadata(m); }
        let headers: Vec<_> = request.headers().collect();
        let path = request.path();
        prop_assert_eq!(path.clone(), format!("{COLLECTION}/{id}"));
        let read = AilyUpdateSessionRequest::from_request("PUT", &path, &headers, &request.body());
        prop_assert_eq!(read.as_ref(), Ok(&request));
        let json = serde_json::to_string(&request).unwrap();
        prop_assert_eq!(serde_json::from_str::<AilyUpdateSessionRequest>(&json).unwrap(), request);
        let get = AilyGetSessionRequest::new(id);
        prop_assert_eq!(AilyGetSessionRequest::from_route("GET", &get.path()), Ok(get));
        prop_assert_eq!(get.path(), path);
    }

    #[test]
    fn session_responses_read_back_equal(session in sessions(), id in optional("[!-~]{1,40}")) {
        macro_rules! round_trip {
            ($ty:ident) => {{
                let mut sent = $ty::new(session.clone());
                if let Some(id) = &id { sent = sent.with_request_id(id.as_str()); }
                let wire = sent.render();
                prop_assert_eq!(wire.status(), 200);
                prop_assert_eq!(wire.header("Content-Type"), Some("application/json; charset=utf-8"));
                let read = $ty::from_http(wire.status(), wire.headers(), wire.body());
                prop_assert_eq!(read.as_ref(), Ok(&sent));
                wire
            }};
        }
        let created = round_trip!(AilyCreateSessionResponse);
        let got = round_trip!(AilyGetSessionResponse);
        let updated = round_trip!(AilyUpdateSessionResponse);
        prop_assert_eq!(created.body(), got.body());
        prop_assert_eq!(got.body(), updated.body());
        // The session in the body is the session's own serde form, byte for byte.
        let body: serde_json::Value = serde_json::from_slice(got.body()).unwrap();
        let written = serde_json::to_vec(&body["data"]["session"]).unwrap();
        let serde = serde_json::to_vec(&serde_json::to_value(&session).unwrap()).unwrap();
        prop_assert_eq!(written, serde);
        let json = serde_json::to_string(&session).unwrap();
        prop_assert_eq!(serde_json::from_str::<AilySession>(&json).unwrap(), session);
    }
}

#[test]
fn the_documented_example_reads() {
    let body = br#"{"code":0,"msg":"success","data":{"session":{"id":"session_4dfunz7sp1g8m","created_at":"1711975665710","modified_at":"1711975665710","created_by":"1794840334557292","channel_context":"{}","metadata":"{}"}}}"#;
    for read in [
        AilyCreateSessionResponse::from_http(200, &[("X-Tt-Logid", "2024")], body)
            .map(|r| r.into_session()),
        AilyGetSessionResponse::from_http(200, &[("X-Tt-Logid", "2024")], body)
            .map(|r| r.into_session()),
        AilyUpdateSessionResponse::from_http(200, &[("X-Tt-Logid", "2024")], body)
            .map(|r| r.into_session()),
    ] {
        let session = read.unwrap();
        assert_eq!(session.id(), session_id());
        assert_eq!(
            (session.created_at(), session.modified_at()),
            (1711975665710, 1711975665710)
        );
        assert_eq!(session.created_by(), Some("1794840334557292"));
        assert_eq!(
            session.channel_context().map(AilyChannelContext::as_str),
            Some("{}")
        );
        assert_eq!(session.metadata().map(AilyMetadata::as_str), Some("{}"));
    }
    // Rendered as the docs write it.
    let session = AilyGetSessionResponse::from_http(200, &[("X-Tt-Logid", "2024")], body).unwrap();
    assert_eq!(session.render().body(), body);
}

// ---------------------------------------------------------------------------------------------
// Responses: classified as delete's are, and `data.session` checked
// ---------------------------------------------------------------------------------------------

#[rustfmt::skip]
#[test]
fn a_broken_session_is_a_malformed_response_not_a_panic() {
    let session = |fields: &str| format!(r#"{{"code":0,"data":{{"session":{{{fields}}}}}}}"#);
    let ok = r#""id":"session_1","created_at":"1","modified_at":"2""#;
    assert!(AilyGetSessionResponse::from_http(200, &[("a", "b")], session(ok).as_bytes()).is_ok());
    for (name, body) in [
        ("no data", r#"{"code":0,"msg":"success"}"#.to_owned()),
        ("null data", r#"{"code":0,"data":null}"#.to_owned()),
        ("empty data", r#"{"code":0,"data":{}}"#.to_owned()),
        ("null session", r#"{"code":0,"data":{"session":null}}"#.to_owned()),
        ("session array", r#"{"code":0,"data":{"session":["session_1","1","2"]}}"#.to_owned()),
        ("data array", r#"{"code":0,"data":[{"session":{}}]}"#.to_owned()),
        ("no id", session(r#""created_at":"1","modified_at":"2""#)),
        ("bad id", session(r#""id":"session_I","created_at":"1","modified_at":"2""#)),
        ("no created_at", session(r#""id":"session_1","modified_at":"2""#)),
        ("number timestamp", session(r#""id":"session_1","created_at":1,"modified_at":"2""#)),
        ("text timestamp", session(r#""id":"session_1","created_at":"soon","modified_at":"2""#)),
        ("plus timestamp", session(r#""id":"session_1","created_at":"+1","modified_at":"2""#)),
        ("float timestamp", session(r#""id":"session_1","created_at":"1.5","modified_at":"2""#)),
        ("empty timestamp", session(r#""id":"session_1","created_at":"","modified_at":"2""#)),
        ("overflowing timestamp", session(r#""id":"session_1","created_at":"9223372036854775808","modified_at":"2""#)),
        ("underflowing timestamp", session(r#""id":"session_1","created_at":"-9223372036854775809","modified_at":"2""#)),
        ("huge timestamp", session(&format!(r#""id":"session_1","created_at":"{}","modified_at":"2""#, "9".repeat(5000)))),
        ("number creator", session(r#""id":"session_1","created_at":"1","modified_at":"2","created_by":1794840334557292"#)),
        ("duplicate id", session(r#""id":"session_1","id":"session_2","created_at":"1","modified_at":"2""#)),
        ("long metadata", session(&format!(r#""id":"session_1","created_at":"1","modified_at":"2","metadata":"{}""#, chinese(256)))),
    ] {
        for status in [200, 500] {
            let read = AilyGetSessionResponse::from_http(status, &[("X-Tt-Logid", "2024")], body.as_bytes());
            let Err(ResponseError::Malformed(m)) = &read else { panic!("{name}: {read:?}") };
            assert_eq!(m.http_status(), status, "{name}");
            assert!(m.reason().len() <= 128 && m.excerpt().len() <= 64, "{name}");
            assert!(!m.reason().contains('\n'), "{name}");
        }
    }
    // The reason says what was expected, never quoting the value.
    let body = session(r#""id":"session_1","created_at":1,"modified_at":"2""#);
    let Err(ResponseError::Malformed(m)) = AilyGetSessionResponse::from_http(200, &[("a", "b")], body.as_bytes()) else {
        panic!("a number timestamp read")
    };
    assert!(m.reason().contains("expected a timestamp string"), "{}", m.reason());
    let body = session(r#""id":"session_1","created_at":"123456789012345678901","modified_at":"2""#);
    let Err(ResponseError::Malformed(m)) = AilyGetSessionResponse::from_http(200, &[("a", "b")], body.as_bytes()) else {
        panic!("an overflowing timestamp read")
    };
    assert!(m.reason().starts_with("timestamp not an integer that fits in 64 bits"), "{}", m.reason());
    assert!(!m.reason().contains("123456789012345678901"));
    // The extremes of `i64` are timestamps.
    let extremes = session(r#""id":"session_1","created_at":"-9223372036854775808","modified_at":"9223372036854775807""#);
    let read = AilyGetSessionResponse::from_http(200, &[("a", "b")], extremes.as_bytes()).unwrap();
    assert_eq!((read.session().created_at(), read.session().modified_at()), (i64::MIN, i64::MAX));
    // `null` and unknown fields, as the reader takes them everywhere.
    let lenient = session(r#""id":"session_1","created_at":"1","modified_at":"2","created_by":null,"metadata":null,"x":{"y":[]}"#);
    let read = AilyGetSessionResponse::from_http(200, &[("a", "b")], lenient.as_bytes()).unwrap();
    assert_eq!(read.session(), &AilySession::new(AilySessionId::from_static("session_1"), 1).with_modified_at(2));
}

#[test]
fn an_error_is_the_error_whatever_its_data_holds() {
    for data in [
        "",
        r#","data":{}"#,
        r#","data":{"session":5}"#,
        r#","data":[1]"#,
        r#","data":"x""#,
    ] {
        let body = format!(r#"{{"code":2700001,"msg":"param is invalid"{data}}}"#);
        for read in [
            AilyCreateSessionResponse::from_http(400, &[("X-Tt-Logid", "l")], body.as_bytes())
                .map(|_| ()),
            AilyGetSessionResponse::from_http(400, &[("X-Tt-Logid", "l")], body.as_bytes())
                .map(|_| ()),
            AilyUpdateSessionResponse::from_http(400, &[("X-Tt-Logid", "l")], body.as_bytes())
                .map(|_| ()),
        ] {
            let Err(ResponseError::Service(e)) = &read else {
                panic!("{data}: {read:?}")
            };
            assert_eq!(e.kind(), &AilyErrorKind::ParamInvalid);
            assert_eq!(e.request_id(), Some("l"));
        }
    }
    // The platform codes apply to every operation, as to delete.
    let sent = AilyServiceError::new(AilyErrorKind::RateLimited).with_request_id("l");
    let wire = sent.render();
    let read = AilyUpdateSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    assert_eq!(read, Err(ResponseError::Service(sent)));
    let read = read.unwrap_err();
    assert!(read.is_retryable());
    assert_eq!(read.retry_after(), Some(std::time::Duration::from_secs(1)));
    let token = AilyServiceError::new(AilyErrorKind::TenantTokenInvalid).render();
    let read = AilyCreateSessionResponse::from_http(token.status(), token.headers(), token.body())
        .unwrap_err();
    assert!(read.service_error().unwrap().needs_credentials_refresh());
}

#[test]
fn update_keeps_what_it_leaves_out() {
    let context = AilyChannelContext::new("c").unwrap();
    let metadata = AilyMetadata::new("m").unwrap();
    let session = AilySession::new(session_id(), 1)
        .with_channel_context(context.clone())
        .with_metadata(metadata.clone());
    let kept = session.clone().updated(None, None, 5);
    assert_eq!(kept, session.clone().with_modified_at(5));
    let empty = AilyMetadata::new("").unwrap();
    let cleared = session.clone().updated(None, Some(&empty), 6);
    assert_eq!(cleared.metadata(), Some(&empty));
    assert_eq!(cleared.channel_context(), Some(&context));
    assert_eq!((cleared.created_at(), cleared.modified_at()), (1, 6));
}

// ---------------------------------------------------------------------------------------------
// With `http`: the same requests and responses as `http` types
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "http")]
#[test]
fn http_requests_render_and_read_back() {
    use botsession::{AilyHost, AilyMetadata};

    let auth = "Bearer t-g1044qeGEDXTB6NDJOGV4JQX".parse().unwrap();
    let base: http::Uri = "http://127.0.0.1:8080/prefix/".parse().unwrap();
    let create = AilyCreateSessionRequest::new()
        .with_metadata(AilyMetadata::new("元".repeat(255)).unwrap())
        .with_biz_user_id(AilyBizUserId::new("ou_1").unwrap());
    for request in [
        create.to_http_request(AilyHost::Lark, &auth),
        create.to_http_request_on(&base, &auth),
    ] {
        assert_eq!(request.method(), http::Method::POST);
        assert!(request.headers()["authorization"].is_sensitive());
        assert_eq!(request.headers()["x-aily-bizuserid"], "ou_1");
        assert_eq!(
            request.headers()["content-type"],
            "application/json; charset=utf-8"
        );
        assert_eq!(request.body(), &create.body());
    }
    // The request to the host routes back (one under a path prefix is the prefix's to strip).
    let request = create.to_http_request(AilyHost::Lark, &auth);
    assert_eq!(
        AilyCreateSessionRequest::from_http_request(&request),
        Ok(create.clone())
    );
    let routed = Operation::from_http_request(&request).unwrap();
    assert_eq!(routed, Operation::AilyCreateSession(create.clone()));
    assert_eq!(
        create.to_http_request_on(&base, &auth).uri(),
        "http://127.0.0.1:8080/prefix/open-apis/aily/v1/sessions"
    );
    let update =
        AilyUpdateSessionRequest::new(session_id()).with_metadata(AilyMetadata::new("").unwrap());
    let request = update.to_http_request(AilyHost::Feishu, &auth);
    assert_eq!(request.method(), http::Method::PUT);
    assert_eq!(
        request.uri(),
        "https://open.feishu.cn/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
    );
    let (parts, body) = request.into_parts();
    assert_eq!(
        AilyUpdateSessionRequest::from_http_parts(&parts, &body),
        Ok(update.clone())
    );
    assert_eq!(
        Operation::from_http_parts(&parts, &body),
        Ok(Operation::AilyUpdateSession(update))
    );
    // A body the operation refuses, through `http` too.
    let err = AilyUpdateSessionRequest::from_http_parts(&parts, br#"{"metadata":1}"#).unwrap_err();
    assert_eq!(err.field(), Some("metadata"));
    let get = AilyGetSessionRequest::new(session_id());
    let request = get.to_http_request(AilyHost::Feishu, &auth);
    assert_eq!(request.method(), http::Method::GET);
    assert!(request.headers()["authorization"].is_sensitive());
    assert_eq!(AilyGetSessionRequest::from_http_request(&request), Ok(get));
    assert_eq!(
        get.to_http_request_on(&base, &auth).uri(),
        "http://127.0.0.1:8080/prefix/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
    );
}

#[cfg(feature = "http")]
#[test]
fn http_responses_read_back() {
    let session = AilySession::new(session_id(), 5).with_created_by("1");
    let response = AilyUpdateSessionResponse::new(session.clone())
        .with_request_id("l")
        .render()
        .into_http_response();
    assert_eq!(response.headers()["x-tt-logid"], "l");
    let read = AilyUpdateSessionResponse::from_http_response(&response).unwrap();
    assert_eq!(read.session(), &session);
    let (parts, body) = response.into_parts();
    let read = AilyCreateSessionResponse::from_http_parts(&parts, &body).unwrap();
    assert_eq!(read.request_id(), Some("l"));
    assert!(AilyGetSessionResponse::from_http_parts(&parts, &body).is_ok());
}

/// Each builder sets its own part and keeps the others.
#[test]
fn builders_set_what_they_say() {
    let context = AilyChannelContext::new("c").unwrap();
    let metadata = AilyMetadata::new("m").unwrap();
    let user = AilyBizUserId::new("ou_1").unwrap();
    let create = AilyCreateSessionRequest::new()
        .with_biz_user_id(user.clone())
        .with_channel_context(context.clone())
        .with_metadata(metadata.clone());
    assert_eq!(create.biz_user_id(), Some(&user));
    assert_eq!(create.channel_context(), Some(&context));
    assert_eq!(create.metadata(), Some(&metadata));
    assert_eq!(create.body(), br#"{"channel_context":"c","metadata":"m"}"#);
    let only_user = AilyCreateSessionRequest::new().with_biz_user_id(user.clone());
    assert_eq!(
        (only_user.channel_context(), only_user.metadata()),
        (None, None)
    );
    assert_eq!(only_user.body(), b"{}");
    let update = AilyUpdateSessionRequest::new(session_id())
        .with_metadata(metadata.clone())
        .with_channel_context(context.clone());
    assert_eq!(update.session_id(), session_id());
    assert_eq!(update.channel_context(), Some(&context));
    assert_eq!(update.metadata(), Some(&metadata));
    let session = AilySession::new(session_id(), 1)
        .with_metadata(metadata.clone())
        .with_channel_context(context.clone())
        .with_created_by("7")
        .with_modified_at(2);
    assert_eq!(session.metadata(), Some(&metadata));
    assert_eq!(session.channel_context(), Some(&context));
    assert_eq!(
        (
            session.created_by(),
            session.created_at(),
            session.modified_at()
        ),
        (Some("7"), 1, 2)
    );
    assert_eq!(AilyCreateSessionRequest::METHOD, "POST");
    assert_eq!(AilyUpdateSessionRequest::METHOD, "PUT");
    assert_eq!(AilyGetSessionRequest::METHOD, "GET");
    assert_eq!(
        AilyCreateSessionRequest::REQUIRED_SCOPE,
        "aily:session:write"
    );
    assert_eq!(
        AilyUpdateSessionRequest::REQUIRED_SCOPE,
        "aily:session:write"
    );
    assert_eq!(AilyGetSessionRequest::REQUIRED_SCOPE, "aily:session:read");
    assert_eq!(AilyCreateSessionRequest::MAX_BODY_LEN, 16 * 1024);
    assert_eq!(
        AilyCreateSessionRequest::BIZ_USER_ID_HEADER,
        "X-Aily-BizUserID"
    );
    assert_eq!(create.path(), COLLECTION);
    assert_eq!(
        create.url(botsession::AilyHost::Feishu),
        "https://open.feishu.cn/open-apis/aily/v1/sessions"
    );
    assert_eq!(
        update.url_on("http://127.0.0.1:1/"),
        "http://127.0.0.1:1/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
    );
    let auth = "Bearer t-1".parse().unwrap();
    assert_eq!(
        create.expose_authorization_header(&auth),
        ("Authorization", "Bearer t-1")
    );
}
