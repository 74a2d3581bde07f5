//! Hostile input against the surfaces that read untrusted data: identifier parsing,
//! request-line routing, response classification, and the bodies and headers that carry a
//! session (Aily's, and the Lex V2 session state: its JSON, PutSession's gzip headers, the mock).
//!
//! One table per surface. Every row names the exact error it must produce; on top of that no
//! row may panic (a panic fails the test), and every error's `Display` and `Debug` must stay
//! under 256 bytes however large or strange the input: 1, 10 and 100 MiB inputs (and 100 MiB
//! claimed by a header), NUL and control bytes, invalid UTF-8, percent-encoding tricks,
//! 10,000-deep JSON, integer overflow, duplicate keys and headers.

mod common;

use std::str::FromStr;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyDeleteSessionRequest, AilyMessageId, AilyRunId,
    AilySessionId, IdError, IdKind, IdRule, LexBotAlias, LexBotName, LexDeleteSessionRequest,
    LexRegion, LexUserId, LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2LocaleId,
    LexV2SessionId, RouteError, MAX_PATH_LEN,
};
#[cfg(feature = "serde")]
use botsession::{
    AilyDeleteSessionResponse, AilyErrorKind, LexDeleteSessionResponse, LexErrorKind,
    LexV2DeleteSessionResponse, LexV2ErrorKind, ResponseError, EXCERPT_LEN,
};

use common::fixtures::lex_path;

const MIB: usize = 1 << 20;

/// Every error message must fit one log line of this many bytes.
const MAX_MESSAGE: usize = 256;

/// The start of a possibly huge text, for assertion messages.
fn preview(s: &str) -> String {
    s.chars().take(160).collect()
}

#[track_caller]
fn assert_short(row: &str, what: &str, message: &str) {
    assert!(
        message.len() < MAX_MESSAGE,
        "{row}: {what} is {} bytes: {:?}",
        message.len(),
        preview(message)
    );
}

/// [`assert_short`], and on one line: no raw control character (a CR, LF or ESC from the input
/// would let it forge or rewrite log lines).
#[track_caller]
fn assert_line(row: &str, what: &str, message: &str) {
    assert_short(row, what, message);
    assert!(
        !message.chars().any(char::is_control),
        "{row}: {what} has a raw control character: {:?}",
        preview(message)
    );
}

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

const ALL_KINDS: [IdKind; 13] = [
    IdKind::AilySessionId,
    IdKind::AilyMessageId,
    IdKind::AilyRunId,
    IdKind::AilyAccessToken,
    IdKind::AilyAuthorization,
    IdKind::LexUserId,
    IdKind::LexBotName,
    IdKind::LexBotAlias,
    IdKind::LexRegion,
    IdKind::LexV2BotId,
    IdKind::LexV2BotAliasId,
    IdKind::LexV2LocaleId,
    IdKind::LexV2SessionId,
];

/// Parses `s` through `FromStr`, `TryFrom<&str>` and `TryFrom<String>`, which must agree.
fn every_conversion<T>(s: &str) -> Result<(), IdError>
where
    T: FromStr<Err = IdError> + TryFrom<String, Error = IdError> + for<'a> TryFrom<&'a str>,
    for<'a> <T as TryFrom<&'a str>>::Error: Into<IdError>,
{
    let from_str = s.parse::<T>().map(drop);
    let from_ref = <T as TryFrom<&str>>::try_from(s)
        .map(drop)
        .map_err(Into::into);
    let from_string = T::try_from(s.to_owned()).map(drop);
    assert_eq!(from_ref, from_str, "TryFrom<&str> and FromStr disagree");
    assert_eq!(
        from_string, from_str,
        "TryFrom<String> and FromStr disagree"
    );
    from_str
}

/// Deserializing must reject what parsing rejects, with the same message.
#[cfg(feature = "serde")]
fn serde_agrees<T: serde::de::DeserializeOwned>(s: &str, parsed: &Result<(), IdError>) {
    let via = serde_json::from_value::<T>(serde_json::Value::String(s.to_owned())).map(drop);
    match (parsed, via) {
        (Err(e), Err(d)) => assert_eq!(d.to_string(), e.to_string(), "serde message"),
        (Ok(()), Ok(())) => {}
        (p, v) => panic!("parse gave {p:?}, serde gave {v:?}"),
    }
}

fn parse_as(kind: IdKind, s: &str) -> Result<(), IdError> {
    macro_rules! go {
        ($ty:ty) => {{
            let parsed = every_conversion::<$ty>(s);
            #[cfg(feature = "serde")]
            serde_agrees::<$ty>(s, &parsed);
            parsed
        }};
    }
    match kind {
        IdKind::AilySessionId => go!(AilySessionId),
        IdKind::AilyMessageId => go!(AilyMessageId),
        IdKind::AilyRunId => go!(AilyRunId),
        IdKind::AilyAccessToken => go!(AilyAccessToken),
        IdKind::AilyAuthorization => go!(AilyAuthorization),
        IdKind::LexUserId => go!(LexUserId),
        IdKind::LexBotName => go!(LexBotName),
        IdKind::LexBotAlias => go!(LexBotAlias),
        IdKind::LexRegion => go!(LexRegion),
        IdKind::LexV2BotId => go!(LexV2BotId),
        IdKind::LexV2BotAliasId => go!(LexV2BotAliasId),
        IdKind::LexV2LocaleId => go!(LexV2LocaleId),
        IdKind::LexV2SessionId => go!(LexV2SessionId),
        other => panic!("no parser for {other:?}"),
    }
}

struct IdRow {
    name: String,
    kind: IdKind,
    input: String,
    rule: IdRule,
    /// `index()` and `character()`, for `Prefix` and `Charset`.
    at: Option<(usize, Option<char>)>,
}

fn length(name: impl Into<String>, kind: IdKind, input: impl Into<String>) -> IdRow {
    IdRow {
        name: name.into(),
        kind,
        input: input.into(),
        rule: IdRule::Length,
        at: None,
    }
}

fn charset(name: &str, kind: IdKind, input: &str, index: usize, c: Option<char>) -> IdRow {
    IdRow {
        name: name.into(),
        kind,
        input: input.into(),
        rule: IdRule::Charset,
        at: Some((index, c)),
    }
}

fn prefix(name: &str, kind: IdKind, input: &str, index: usize, c: char) -> IdRow {
    IdRow {
        name: name.into(),
        kind,
        input: input.into(),
        rule: IdRule::Prefix,
        at: Some((index, Some(c))),
    }
}

fn other_rule(name: &str, kind: IdKind, input: &str, rule: IdRule) -> IdRow {
    IdRow {
        name: name.into(),
        kind,
        input: input.into(),
        rule,
        at: None,
    }
}

#[rustfmt::skip]
fn identifier_rows() -> Vec<IdRow> {
    use IdKind::*;
    let mut rows = Vec::new();
    // 1 MiB of bytes that break every other part of every rule, so only a length-first check
    // reports `Length`; and 1 MiB of bytes each rule accepts.
    for kind in ALL_KINDS {
        rows.push(length(
            format!("{kind:?}: 1 MiB of NUL"),
            kind,
            "\0".repeat(MIB),
        ));
        rows.push(length(
            format!("{kind:?}: 1 MiB of two-byte characters"),
            kind,
            "é".repeat(MIB / 2),
        ));
        rows.push(length(format!("{kind:?}: empty"), kind, ""));
    }
    let valid_mib = [
        (AilySessionId, format!("session_{}", "a".repeat(MIB - 8))),
        (AilyMessageId, format!("message_{}", "a".repeat(MIB - 8))),
        (AilyRunId, format!("run_{}", "a".repeat(MIB - 4))),
        (AilyAccessToken, "a".repeat(MIB)),
        (AilyAuthorization, format!("Bearer {}", "a".repeat(MIB - 7))),
        (LexUserId, "a".repeat(MIB)),
        (LexBotName, "a".repeat(MIB)),
        (LexBotAlias, "a".repeat(MIB)),
        (LexRegion, "a".repeat(MIB)),
        (LexV2BotId, "a".repeat(MIB)),
        (LexV2BotAliasId, "a".repeat(MIB)),
        (LexV2LocaleId, "a".repeat(MIB)),
        (LexV2SessionId, "a".repeat(MIB)),
    ];
    for (kind, input) in valid_mib {
        rows.push(length(
            format!("{kind:?}: 1 MiB of the alphabet"),
            kind,
            input,
        ));
    }
    rows.push(length(
        "token: 1 MiB behind the scheme",
        AilyAuthorization,
        format!("Bearer {}", "a".repeat(MIB)),
    ));
    rows.push(length(
        "token: one past 8192",
        AilyAccessToken,
        "a".repeat(8193),
    ));
    rows.push(length(
        "session id: one past 32",
        AilySessionId,
        format!("session_{}", "a".repeat(25)),
    ));
    rows.push(length("user id: a single dot", LexUserId, "."));

    rows.extend([
        // NUL and control bytes.
        charset("session id: NUL", AilySessionId, "session_\0", 8, Some('\0')),
        prefix("session id: leading NUL", AilySessionId, "\0session_a", 0, '\0'),
        charset("session id: CRLF", AilySessionId, "session_a\r\n", 9, Some('\r')),
        prefix("session id: leading space", AilySessionId, " session_a", 0, ' '),
        prefix("session id: upper-case prefix", AilySessionId, "SESSION_a", 0, 'S'),
        charset("session id: Cyrillic a", AilySessionId, "session_\u{430}", 8, Some('\u{430}')),
        charset("message id: tab", AilyMessageId, "message_\t", 8, Some('\t')),
        charset("run id: DEL", AilyRunId, "run_\x7f", 4, Some('\x7f')),
        charset("user id: NUL", LexUserId, "user\u{0}42", 4, Some('\0')),
        charset("user id: ANSI escape", LexUserId, "ab\u{1b}[31m", 2, Some('\u{1b}')),
        charset("user id: bidi override", LexUserId, "ab\u{202e}cd", 2, Some('\u{202e}')),
        charset("user id: BOM", LexUserId, "\u{feff}ab", 0, Some('\u{feff}')),
        charset("user id: full-width letters", LexUserId, "ａｂ", 0, Some('ａ')),
        charset("user id: non-ASCII", LexUserId, "usér", 2, Some('é')),
        charset("user id: slash", LexUserId, "a/b", 1, Some('/')),
        charset("user id: percent", LexUserId, "a%2Fb", 1, Some('%')),
        other_rule("user id: dot-segment", LexUserId, "..", IdRule::Reserved),
        charset("bot name: tab", LexBotName, "Bot\tName", 3, Some('\t')),
        charset("bot name: NUL after separator", LexBotName, "Bot_\0", 4, Some('\0')),
        charset("bot alias: $LATEST with NUL", LexBotAlias, "$LATEST\0", 0, Some('$')),
        charset("bot alias: $latest", LexBotAlias, "$latest", 0, Some('$')),
        // A region must not end the host, add a path, a port, credentials or a domain.
        charset("region: .evil.com", LexRegion, "us-east-1.evil.com", 9, Some('.')),
        charset("region: leading dot", LexRegion, ".evil.com", 0, Some('.')),
        charset("region: slash", LexRegion, "us-east-1/", 9, Some('/')),
        charset("region: port", LexRegion, "us-east-1:443", 9, Some(':')),
        charset("region: credentials", LexRegion, "user@us-east-1", 4, Some('@')),
        charset("region: CRLF", LexRegion, "us-east-1\r\nHost: evil", 9, Some('\r')),
        charset("region: NUL", LexRegion, "us-east-1\0", 9, Some('\0')),
        // Tokens: never a character in the error, only the byte.
        charset("token: NUL", AilyAccessToken, "t-abc\0def", 5, None),
        charset("token: CRLF injection", AilyAccessToken, "t-abc\r\nX-Evil: 1", 5, None),
        charset("token: leading padding", AilyAccessToken, "=abc", 0, None),
        charset("token: byte after padding", AilyAccessToken, "t-ab=c", 5, None),
        charset("token: non-ASCII", AilyAccessToken, "t-é", 2, None),
        charset("authorization: CRLF injection", AilyAuthorization, "Bearer abc\r\nX-Evil: 1", 10, None),
        charset("authorization: NUL", AilyAuthorization, "Bearer abc\0", 10, None),
        charset("authorization: two spaces", AilyAuthorization, "Bearer  abc", 7, None),
        charset("authorization: non-ASCII token", AilyAuthorization, "Bearer é", 7, None),
        other_rule("authorization: NUL for the space", AilyAuthorization, "Bearer\0abc", IdRule::Scheme),
        other_rule("authorization: tab for the space", AilyAuthorization, "Bearer\tabc", IdRule::Scheme),
        other_rule("authorization: CRLF for the space", AilyAuthorization, "Bearer\r\n abc", IdRule::Scheme),
        other_rule("authorization: Basic", AilyAuthorization, "Basic dXNlcjpwYXNz", IdRule::Scheme),
        other_rule("authorization: no scheme", AilyAuthorization, "t-g1044qeGEDXTB6", IdRule::Scheme),
        other_rule("authorization: NUL scheme", AilyAuthorization, "\0\0\0\0\0\0\0abc", IdRule::Scheme),
    ]);
    rows.push(length("authorization: scheme alone", AilyAuthorization, "Bearer"));
    rows.extend(lex_v2_identifier_rows());
    rows
}

/// The V2 ids: one past each length bound, and every byte a path, a URL or a log line treats
/// specially, put in the middle of a valid value (its index and character reported).
fn lex_v2_identifier_rows() -> Vec<IdRow> {
    use IdKind::*;
    let valid = [
        (LexV2BotId, "ABCDE12345"),
        (LexV2BotAliasId, "TSTALIASID"),
        (LexV2LocaleId, "en_US"),
        (LexV2SessionId, "user-42"),
    ];
    let mut rows = Vec::new();
    for (kind, v) in valid {
        let (min, max) = kind.len_bounds();
        rows.push(length(
            format!("{kind:?}: one below the minimum"),
            kind,
            &v[..min - 1],
        ));
        rows.push(length(
            format!("{kind:?}: one past the maximum"),
            kind,
            format!("{v}{}", "a".repeat(max + 1 - v.len())),
        ));
        for c in [
            '/', '\\', ' ', '%', '.', '?', '#', '\0', '\r', '\n', '\u{7f}', '\u{1b}',
        ] {
            // Replace the byte at 2 (a `.` or `:` is a session id's own character: skip them).
            if kind == LexV2SessionId && c == '.' {
                continue;
            }
            let input = format!("{}{c}{}", &v[..2], &v[3..]);
            let mut row = charset("", kind, &input, 2, Some(c));
            row.name = format!("{kind:?}: {c:?} in the middle");
            rows.push(row);
        }
    }
    rows.extend([
        charset("bot id: dash", LexV2BotId, "ABCDE-1234", 5, Some('-')),
        charset("bot id: underscore", LexV2BotId, "ABCDE_1234", 5, Some('_')),
        charset(
            "bot alias id: colon",
            LexV2BotAliasId,
            "TSTALIAS:D",
            8,
            Some(':'),
        ),
        charset("locale: dash", LexV2LocaleId, "en-US", 2, Some('-')),
        charset(
            "locale: leading underscore",
            LexV2LocaleId,
            "_enUS",
            0,
            Some('_'),
        ),
        charset(
            "locale: doubled underscore",
            LexV2LocaleId,
            "en__US",
            3,
            Some('_'),
        ),
        charset("locale: colon", LexV2LocaleId, "en:US", 2, Some(':')),
        charset("session id: slash", LexV2SessionId, "a/b", 1, Some('/')),
        charset("session id: percent", LexV2SessionId, "a%2Fb", 1, Some('%')),
        other_rule(
            "session id: dot-segment",
            LexV2SessionId,
            "..",
            IdRule::Reserved,
        ),
        length("session id: a single dot", LexV2SessionId, "."),
    ]);
    rows
}

#[test]
fn hostile_identifiers() {
    let rows = identifier_rows();
    for row in &rows {
        let name = &row.name;
        let err = match parse_as(row.kind, &row.input) {
            Ok(()) => panic!("{name}: accepted"),
            Err(err) => err,
        };
        assert_eq!(err.kind(), row.kind, "{name}: kind");
        assert_eq!(err.rule(), row.rule, "{name}: rule ({err})");
        assert_eq!(err.found_len(), row.input.len(), "{name}: found_len");
        match row.at {
            Some((index, character)) => {
                assert_eq!(err.index(), Some(index), "{name}: index ({err})");
                assert_eq!(err.character(), character, "{name}: character ({err})");
            }
            None => {
                assert_eq!(err.index(), None, "{name}: index");
                assert_eq!(err.character(), None, "{name}: character");
            }
        }
        if row.kind.is_secret() {
            assert_eq!(err.character(), None, "{name}: a secret's character");
        }
        assert_line(name, "Display", &err.to_string());
        assert_line(name, "Debug", &format!("{err:?}"));
        assert_short(name, "alternate Debug", &format!("{err:#?}"));
    }
    // The 1 MiB rows report the whole length, 1048576 bytes.
    let mib = rows.iter().filter(|r| r.input.len() == MIB).count();
    assert_eq!(mib, 3 * ALL_KINDS.len());
    assert!(rows.len() >= 80, "{} rows", rows.len());
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
enum Api {
    Aily,
    Lex,
    LexV2,
}

#[derive(Debug)]
enum RouteWant {
    NotFound,
    MethodNotAllowed,
    OtherOperation(&'static str),
    PathTooLong(usize),
    Escape(&'static str, usize),
    Utf8(&'static str),
    Label {
        label: &'static str,
        rule: IdRule,
        at: Option<(usize, Option<char>)>,
        found_len: usize,
    },
}

struct RouteRow {
    name: &'static str,
    api: Api,
    method: String,
    path: String,
    want: RouteWant,
}

fn aily_path(label: &str) -> String {
    format!("/open-apis/aily/v1/sessions/{label}")
}

fn lex_user(user: &str) -> String {
    lex_path("Order", "prod", user)
}

/// A V2 path with valid labels, except `labels[at]` replaced by `label`.
fn lex_v2_path_with(at: usize, label: &str) -> String {
    let mut labels = LEX_V2_VALID;
    labels[at] = label;
    let [bot, alias, locale, session] = labels;
    format!("/bots/{bot}/botAliases/{alias}/botLocales/{locale}/sessions/{session}")
}

/// A valid value of each V2 label, in path order.
const LEX_V2_VALID: [&str; 4] = ["ABCDE12345", "TSTALIASID", "en_US", "user-42"];
/// The V2 labels, in path order.
const LEX_V2_LABELS: [&str; 4] = ["botId", "botAliasId", "localeId", "sessionId"];

/// The route rows every V1 label goes through, for each V2 label: each hostile piece in place of
/// the byte at 2 of a valid value (so the decoded length stays valid) or of the whole label.
fn lex_v2_route_rows() -> Vec<RouteRow> {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let mut rows = Vec::new();
    for (at, (label, valid)) in LEX_V2_LABELS.into_iter().zip(LEX_V2_VALID).enumerate() {
        let with =
            |middle: &str| lex_v2_path_with(at, &format!("{}{middle}{}", &valid[..2], &valid[3..]));
        let dot_dot = if label == "sessionId" {
            RouteWant::Label {
                label,
                rule: IdRule::Reserved,
                at: None,
                found_len: 2,
            }
        } else {
            label_len(label, 2)
        };
        let n = valid.len();
        let frame = lex_v2_path_with(at, "").len();
        let cases: Vec<(&str, String, RouteWant)> = vec![
            ("%2e%2e", lex_v2_path_with(at, "%2e%2e"), dot_dot),
            (
                "%2E%2E",
                lex_v2_path_with(at, "%2E%2E"),
                match label {
                    "sessionId" => RouteWant::Label {
                        label,
                        rule: IdRule::Reserved,
                        at: None,
                        found_len: 2,
                    },
                    _ => label_len(label, 2),
                },
            ),
            (
                "raw ..",
                lex_v2_path_with(at, ".."),
                match label {
                    "sessionId" => RouteWant::Label {
                        label,
                        rule: IdRule::Reserved,
                        at: None,
                        found_len: 2,
                    },
                    _ => label_len(label, 2),
                },
            ),
            ("%2F", with("%2F"), label_charset(label, 2, '/', n)),
            ("%2f", with("%2f"), label_charset(label, 2, '/', n)),
            ("%5C", with("%5C"), label_charset(label, 2, '\\', n)),
            (
                "%252F not decoded twice",
                lex_v2_path_with(at, &format!("{}%252F{}", &valid[..2], &valid[5..])),
                label_charset(label, 2, '%', n),
            ),
            ("%20", with("%20"), label_charset(label, 2, ' ', n)),
            ("%3F", with("%3F"), label_charset(label, 2, '?', n)),
            ("%23", with("%23"), label_charset(label, 2, '#', n)),
            ("%00", with("%00"), label_charset(label, 2, '\0', n)),
            ("raw NUL", with("\0"), label_charset(label, 2, '\0', n)),
            (
                "raw CRLF",
                lex_v2_path_with(at, &format!("{}\r\n{}", &valid[..2], &valid[4..])),
                label_charset(label, 2, '\r', n),
            ),
            (
                "truncated %4",
                lex_v2_path_with(at, &format!("{}%4", &valid[..2])),
                RouteWant::Escape(label, 2),
            ),
            (
                "trailing %",
                lex_v2_path_with(at, &format!("{}%", &valid[..2])),
                RouteWant::Escape(label, 2),
            ),
            ("non-hex escape", with("%zz"), RouteWant::Escape(label, 2)),
            (
                "%FF%FE",
                lex_v2_path_with(at, "%FF%FE"),
                RouteWant::Utf8(label),
            ),
            (
                "overlong slash %C0%AF",
                lex_v2_path_with(at, "%C0%AF"),
                RouteWant::Utf8(label),
            ),
            (
                "surrogate %ED%A0%80",
                lex_v2_path_with(at, "%ED%A0%80"),
                RouteWant::Utf8(label),
            ),
            (
                "%C3%A9",
                lex_v2_path_with(at, &format!("{}%C3%A9{}", &valid[..2], &valid[4..])),
                label_charset(label, 2, 'é', n),
            ),
            ("empty", lex_v2_path_with(at, ""), label_len(label, 0)),
            (
                "one past the maximum",
                lex_v2_path_with(at, &"a".repeat(LEX_V2_MAX[at] + 1)),
                label_len(label, LEX_V2_MAX[at] + 1),
            ),
            (
                "escapes claiming a long label",
                lex_v2_path_with(at, &"%41".repeat((MAX_PATH_LEN - frame) / 3)),
                label_len(label, (MAX_PATH_LEN - frame) / 3),
            ),
            (
                "1 MiB label",
                lex_v2_path_with(at, &"a".repeat(MIB)),
                RouteWant::PathTooLong(frame + MIB),
            ),
        ];
        for (what, path, want) in cases {
            rows.push(row(
                leak(format!("lex v2 {label}: {what}")),
                Api::LexV2,
                path,
                want,
            ));
        }
    }
    let valid = lex_v2_path_with(0, LEX_V2_VALID[0]);
    rows.extend([
        row(
            "lex v2: trailing slash",
            Api::LexV2,
            format!("{valid}/"),
            RouteWant::NotFound,
        ),
        row(
            "lex v2: /bot/ is V1's prefix",
            Api::LexV2,
            valid.replacen("/bots/", "/bot/", 1),
            RouteWant::NotFound,
        ),
        row(
            "lex v2: doubled slash",
            Api::LexV2,
            valid.replacen("/botAliases/", "//botAliases/", 1),
            RouteWant::NotFound,
        ),
        row(
            "lex v2: extra segment",
            Api::LexV2,
            format!("{valid}/extra"),
            RouteWant::NotFound,
        ),
        row(
            "lex v2: DELETE …/text",
            Api::LexV2,
            format!("{valid}/text"),
            RouteWant::NotFound,
        ),
        row("lex v2: NUL path", Api::LexV2, "\0", RouteWant::NotFound),
        method_row("lex v2: delete", Api::LexV2, "delete", valid.clone()),
        method_row("lex v2: PUT", Api::LexV2, "PUT", valid.clone()),
        method_row(
            "lex v2: PATCH on a bad label",
            Api::LexV2,
            "PATCH",
            lex_v2_path_with(2, "%FF"),
        ),
        other_row(
            "lex v2: GET is GetSession",
            Api::LexV2,
            "GET",
            valid.clone(),
            "GetSession",
        ),
        other_row(
            "lex v2: POST is PutSession",
            Api::LexV2,
            "POST",
            valid.clone(),
            "PutSession",
        ),
        other_row(
            "lex v2: GetSession on a bad label",
            Api::LexV2,
            "GET",
            lex_v2_path_with(2, "%FF"),
            "GetSession",
        ),
        other_row(
            "lex v2: POST …/text",
            Api::LexV2,
            "POST",
            format!("{valid}/text"),
            "RecognizeText",
        ),
        other_row(
            "lex v2: POST …/utterance",
            Api::LexV2,
            "POST",
            format!("{valid}/utterance"),
            "RecognizeUtterance",
        ),
        other_row(
            "lex v2: POST …/conversation",
            Api::LexV2,
            "POST",
            format!("{valid}/conversation"),
            "StartConversation",
        ),
    ]);
    rows
}

/// The longest value of each V2 label, in path order.
const LEX_V2_MAX: [usize; 4] = [10, 10, 6, 100];

fn row(name: &'static str, api: Api, path: impl Into<String>, want: RouteWant) -> RouteRow {
    RouteRow {
        name,
        api,
        method: "DELETE".into(),
        path: path.into(),
        want,
    }
}

fn method_row(name: &'static str, api: Api, method: impl Into<String>, path: String) -> RouteRow {
    RouteRow {
        name,
        api,
        method: method.into(),
        path,
        want: RouteWant::MethodNotAllowed,
    }
}

fn other_row(
    name: &'static str,
    api: Api,
    method: &str,
    path: String,
    operation: &'static str,
) -> RouteRow {
    RouteRow {
        name,
        api,
        method: method.into(),
        path,
        want: RouteWant::OtherOperation(operation),
    }
}

fn label_len(label: &'static str, found_len: usize) -> RouteWant {
    RouteWant::Label {
        label,
        rule: IdRule::Length,
        at: None,
        found_len,
    }
}

fn label_charset(label: &'static str, index: usize, c: char, found_len: usize) -> RouteWant {
    RouteWant::Label {
        label,
        rule: IdRule::Charset,
        at: Some((index, Some(c))),
        found_len,
    }
}

fn route(api: Api, method: &str, path: &str) -> Result<(), RouteError> {
    match api {
        Api::Aily => AilyDeleteSessionRequest::from_route(method, path).map(drop),
        Api::Lex => LexDeleteSessionRequest::from_route(method, path).map(drop),
        Api::LexV2 => LexV2DeleteSessionRequest::from_route(method, path).map(drop),
    }
}

#[rustfmt::skip]
fn route_rows() -> Vec<RouteRow> {
    use Api::{Aily, Lex};
    use RouteWant::*;
    const S: &str = "aily_session_id";
    const U: &str = "userId";
    let aily_prefix = aily_path("").len();
    let lex_frame = lex_user("").len();
    // Escapes that fill the path to exactly MAX_PATH_LEN: the decoded length (a third of the
    // label) is known from the `%` count and rejected before anything is decoded.
    let aily_escapes = (MAX_PATH_LEN - aily_prefix) / 3;
    let lex_escapes = (MAX_PATH_LEN - lex_frame) / 3;
    let valid = aily_path("session_4dfunz7sp1g8m");
    let lex_valid = lex_user("user-42");
    vec![
        // Size.
        row("aily: 1 MiB path", Aily, aily_path(&"a".repeat(MIB - aily_prefix)), PathTooLong(MIB)),
        row("aily: 1 MiB of NUL", Aily, "\0".repeat(MIB), PathTooLong(MIB)),
        row("aily: one past the limit", Aily, aily_path(&"a".repeat(MAX_PATH_LEN + 1 - aily_prefix)), PathTooLong(MAX_PATH_LEN + 1)),
        row("aily: long query string counts", Aily, format!("{valid}?{}", "q".repeat(MAX_PATH_LEN)), PathTooLong(valid.len() + 1 + MAX_PATH_LEN)),
        row("aily: label at the limit", Aily, aily_path(&"a".repeat(MAX_PATH_LEN - aily_prefix)), label_len(S, MAX_PATH_LEN - aily_prefix)),
        row("aily: escapes claiming a long label", Aily, aily_path(&"%41".repeat(aily_escapes)), label_len(S, aily_escapes)),
        row("aily: a storm of bare %", Aily, aily_path(&format!("session_{}", "%".repeat(MAX_PATH_LEN - aily_prefix - 8))), Escape(S, 8)),
        row("lex: 1 MiB path", Lex, lex_user(&"a".repeat(MIB - lex_frame)), PathTooLong(MIB)),
        row("lex: escapes claiming a long label", Lex, lex_user(&"%41".repeat(lex_escapes)), label_len(U, lex_escapes)),
        row("lex: a storm of bare %", Lex, lex_user(&"%".repeat(MAX_PATH_LEN - lex_frame)), Escape(U, 0)),
        // Percent-encoding.
        row("aily: %2F", Aily, aily_path("session_%2F"), label_charset(S, 8, '/', 9)),
        row("aily: %2e%2e", Aily, aily_path("%2e%2e"), label_len(S, 2)),
        row("aily: %252F is not decoded twice", Aily, aily_path("session_%252F"), label_charset(S, 8, '%', 11)),
        row("aily: truncated %4", Aily, aily_path("session_%4"), Escape(S, 8)),
        row("aily: trailing %", Aily, aily_path("session_a%"), Escape(S, 9)),
        row("aily: non-hex escape", Aily, aily_path("session_%zz"), Escape(S, 8)),
        row("aily: %C3%A9", Aily, aily_path("session_%C3%A9"), label_charset(S, 8, 'é', 10)),
        row("aily: %FF%FE", Aily, aily_path("session_%FF%FE"), Utf8(S)),
        row("aily: overlong slash %C0%AF", Aily, aily_path("session_%C0%AF"), Utf8(S)),
        row("aily: surrogate %ED%A0%80", Aily, aily_path("session_%ED%A0%80"), Utf8(S)),
        row("aily: %00", Aily, aily_path("session_%00"), label_charset(S, 8, '\0', 9)),
        row("aily: %3F", Aily, aily_path("session_a%3F"), label_charset(S, 9, '?', 10)),
        row("lex: %2F", Lex, lex_user("a%2Fb"), label_charset(U, 1, '/', 3)),
        row("lex: %2e%2e", Lex, lex_user("%2e%2e"), RouteWant::Label { label: U, rule: IdRule::Reserved, at: None, found_len: 2 }),
        row("lex: %2E%2E", Lex, lex_user("%2E%2E"), RouteWant::Label { label: U, rule: IdRule::Reserved, at: None, found_len: 2 }),
        row("lex: %2e.", Lex, lex_user("%2e."), RouteWant::Label { label: U, rule: IdRule::Reserved, at: None, found_len: 2 }),
        row("lex: raw ..", Lex, lex_user(".."), RouteWant::Label { label: U, rule: IdRule::Reserved, at: None, found_len: 2 }),
        row("lex: %2e", Lex, lex_user("%2e"), label_len(U, 1)),
        row("lex: %252F", Lex, lex_user("a%252Fb"), label_charset(U, 1, '%', 5)),
        row("lex: truncated %4", Lex, lex_user("ab%4"), Escape(U, 2)),
        row("lex: trailing %", Lex, lex_user("ab%"), Escape(U, 2)),
        row("lex: %C3%A9", Lex, lex_user("us%C3%A9r"), label_charset(U, 2, 'é', 5)),
        row("lex: %FF%FE", Lex, lex_user("%FF%FE"), Utf8(U)),
        row("lex: %FF in botName", Lex, lex_path("%FF", "prod", "ab"), Utf8("botName")),
        row("lex: %24latest", Lex, lex_path("Order", "%24latest", "ab"), label_charset("botAlias", 0, '$', 7)),
        row("lex: %2F in botAlias", Lex, lex_path("Order", "a%2Fb", "ab"), label_charset("botAlias", 1, '/', 3)),
        // NUL and control bytes.
        row("aily: raw NUL", Aily, aily_path("session_\0"), label_charset(S, 8, '\0', 9)),
        row("aily: raw CRLF", Aily, aily_path("session_a\r\nX-Evil: 1"), label_charset(S, 9, '\r', 20)),
        row("aily: fragment", Aily, aily_path("session_a#x"), label_charset(S, 9, '#', 11)),
        row("lex: raw NUL", Lex, lex_user("ab\0"), label_charset(U, 2, '\0', 3)),
        row("lex: raw CRLF in botName", Lex, lex_path("Or\r\nder", "prod", "ab"), label_charset("botName", 2, '\r', 7)),
        row("lex: NUL path", Lex, "\0", NotFound),
        // Shape: empty labels, trailing and doubled slashes.
        row("aily: empty label", Aily, aily_path(""), NotFound),
        row("aily: query for a label", Aily, aily_path("?session_a"), NotFound),
        row("aily: trailing slash", Aily, aily_path("session_a/"), NotFound),
        row("aily: doubled slash before the label", Aily, aily_path("/session_a"), NotFound),
        row("aily: doubled slash in the prefix", Aily, "/open-apis/aily/v1//sessions/session_a", NotFound),
        row("aily: leading doubled slash", Aily, format!("/{valid}"), NotFound),
        row("aily: no leading slash", Aily, valid[1..].to_owned(), NotFound),
        row("aily: absolute URL", Aily, format!("https://open.feishu.cn{valid}"), NotFound),
        row("aily: empty path", Aily, "", NotFound),
        row("lex: empty path", Lex, "", NotFound),
        row("lex: trailing slash", Lex, format!("{lex_valid}/"), NotFound),
        row("lex: doubled slash after the name", Lex, "/bot/Order//alias/prod/user/ab/session", NotFound),
        row("lex: doubled slash at the end", Lex, format!("{lex_valid}//"), NotFound),
        row("lex: extra segment", Lex, format!("{lex_valid}/extra"), NotFound),
        row("lex: upper-case literal segment", Lex, "/BOT/Order/alias/prod/user/ab/session", NotFound),
        row("lex: missing session segment", Lex, "/bot/Order/alias/prod/user/ab", NotFound),
        // Methods: case-sensitive, checked once the path matches, before the labels.
        method_row("aily: delete", Aily, "delete", valid.clone()),
        method_row("aily: Delete", Aily, "Delete", valid.clone()),
        method_row("aily: POST", Aily, "POST", valid.clone()),
        other_row("aily: GET is get session", Aily, "GET", valid.clone(), "GetSession"),
        other_row("aily: PUT is update session", Aily, "PUT", valid.clone(), "UpdateSession"),
        other_row("aily: get session on a bad label", Aily, "GET", aily_path("%FF"), "GetSession"),
        method_row("aily: empty method", Aily, "", valid.clone()),
        method_row("aily: DELETE with a trailing space", Aily, "DELETE ", valid.clone()),
        method_row("aily: DELETE with NUL", Aily, "DELETE\0", valid.clone()),
        method_row("aily: DELETE with CRLF", Aily, "DELETE\r\n", valid.clone()),
        method_row("aily: 1 MiB method", Aily, "D".repeat(MIB), valid.clone()),
        method_row("aily: PATCH on a bad label", Aily, "PATCH", aily_path("%FF")),
        method_row("lex: delete", Lex, "delete", lex_valid.clone()),
        method_row("lex: PUT", Lex, "PUT", lex_valid.clone()),
        other_row("lex: POST is PutSession", Lex, "POST", lex_valid.clone(), "PutSession"),
        other_row("lex: GET …/session/ is GetSession", Lex, "GET", format!("{lex_valid}/"), "GetSession"),
        row("lex: DELETE …/session/", Lex, format!("{lex_valid}/"), RouteWant::NotFound),
        RouteRow {
            name: "aily: lower-case method on another path",
            api: Aily,
            method: "delete".into(),
            path: aily_path("session_a/"),
            want: NotFound,
        },
    ]
    .into_iter()
    .chain(lex_v2_route_rows())
    .collect()
}

#[test]
fn hostile_routes() {
    let rows = route_rows();
    for row in &rows {
        let name = row.name;
        let err = match route(row.api, &row.method, &row.path) {
            Ok(()) => panic!("{name}: accepted"),
            Err(err) => err,
        };
        match (&row.want, &err) {
            (RouteWant::NotFound, RouteError::NotFound) => {}
            (RouteWant::MethodNotAllowed, RouteError::MethodNotAllowed { allowed }) => {
                // Every method the service serves on the path, as the `Allow` header lists them.
                let every = match row.api {
                    Api::Aily => "DELETE, GET, PUT",
                    Api::Lex => "DELETE, POST",
                    Api::LexV2 => "DELETE, GET, POST",
                };
                assert_eq!(*allowed, every, "{name}");
            }
            (RouteWant::OtherOperation(want), RouteError::OtherOperation { operation }) => {
                assert_eq!(operation, want, "{name}");
            }
            (RouteWant::PathTooLong(want), RouteError::PathTooLong { len }) => {
                assert_eq!(len, want, "{name}: len");
            }
            (RouteWant::Escape(want_label, want_index), RouteError::Escape { label, index }) => {
                assert_eq!((label, index), (want_label, want_index), "{name}");
            }
            (RouteWant::Utf8(want_label), RouteError::Utf8 { label }) => {
                assert_eq!(label, want_label, "{name}");
            }
            (
                RouteWant::Label {
                    label: want_label,
                    rule,
                    at,
                    found_len,
                },
                RouteError::Label { label, source },
            ) => {
                assert_eq!(label, want_label, "{name}: label");
                assert_eq!(source.rule(), *rule, "{name}: rule ({err})");
                assert_eq!(source.found_len(), *found_len, "{name}: found_len ({err})");
                let (index, character) = match at {
                    Some((i, c)) => (Some(*i), *c),
                    None => (None, None),
                };
                assert_eq!(source.index(), index, "{name}: index ({err})");
                assert_eq!(source.character(), character, "{name}: character ({err})");
            }
            (want, got) => panic!("{name}: want {want:?}, got {got:?}"),
        }
        let status = match row.want {
            RouteWant::NotFound => 404,
            RouteWant::MethodNotAllowed => 405,
            RouteWant::OtherOperation(_) => 501,
            RouteWant::PathTooLong(_) => 414,
            _ => 400,
        };
        assert_eq!(err.http_status(), status, "{name}: status");
        assert_line(name, "Display", &err.to_string());
        assert_line(name, "Debug", &format!("{err:?}"));
        assert_short(name, "alternate Debug", &format!("{err:#?}"));
    }
    assert!(rows.len() >= 70 + 4 * 24, "{} rows", rows.len());
}

/// An empty Lex label sits where the route has a label: the route matches and the label fails
/// its length rule, as `LexDeleteSessionRequest::from_route` documents. (The Aily route's only
/// label is its last segment, so `/sessions/` is a trailing slash: `NotFound`.)
#[test]
fn lex_empty_label_names_the_label() {
    // An empty Lex label is the route's shape with a bad label: 400 naming the label, not 404.
    for (path, label) in [
        ("/bot//alias/prod/user/ab/session", "botName"),
        ("/bot/Order/alias//user/ab/session", "botAlias"),
        ("/bot/Order/alias/prod/user//session", "userId"),
    ] {
        let err = LexDeleteSessionRequest::from_route("DELETE", path).unwrap_err();
        assert_eq!(err.label(), Some(label), "{path}");
        assert_eq!(err.http_status(), 400, "{path}");
        let id = err.id_error().expect("a label error");
        assert_eq!((id.rule(), id.found_len()), (IdRule::Length, 0), "{path}");
    }
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod responses {
    use super::*;

    #[derive(Debug)]
    pub(super) enum RespWant {
        /// `ResponseError::Malformed` whose reason contains this text.
        Malformed(&'static str),
        AilyOk {
            log_id: Option<&'static str>,
        },
        AilyService {
            kind: AilyErrorKind,
            log_id: Option<&'static str>,
            retry_after: Option<u64>,
        },
        /// A success of either Lex version.
        LexOk {
            request_id: Option<&'static str>,
            /// V1 `userId`, V2 `sessionId`, as received: a 2xx is a success whatever its rule
            /// says.
            id: Option<String>,
        },
        /// A service error of either Lex version: its kind is the version's `from_code(code)`.
        LexService {
            code: String,
            request_id: Option<&'static str>,
            retry_after: Option<u64>,
        },
    }

    pub(super) struct RespRow {
        pub(super) name: &'static str,
        pub(super) api: Api,
        pub(super) status: u16,
        pub(super) headers: Vec<(Vec<u8>, Vec<u8>)>,
        pub(super) body: Vec<u8>,
        pub(super) want: RespWant,
    }

    fn h(name: impl AsRef<[u8]>, value: impl AsRef<[u8]>) -> (Vec<u8>, Vec<u8>) {
        (name.as_ref().to_vec(), value.as_ref().to_vec())
    }

    fn r(
        name: &'static str,
        api: Api,
        status: u16,
        headers: Vec<(Vec<u8>, Vec<u8>)>,
        body: impl Into<Vec<u8>>,
        want: RespWant,
    ) -> RespRow {
        RespRow {
            name,
            api,
            status,
            headers,
            body: body.into(),
            want,
        }
    }

    /// `depth` levels of `open` around `inner`, then as many `close`.
    pub(super) fn nested(
        prefix: &str,
        depth: usize,
        open: &str,
        close: &str,
        suffix: &str,
    ) -> Vec<u8> {
        let mut body = String::from(prefix);
        body.push_str(&open.repeat(depth));
        body.push_str(&close.repeat(depth));
        body.push_str(suffix);
        body.into_bytes()
    }

    fn aily_service(kind: AilyErrorKind) -> RespWant {
        RespWant::AilyService {
            kind,
            log_id: None,
            retry_after: None,
        }
    }

    fn lex_service(code: &str) -> RespWant {
        RespWant::LexService {
            code: code.to_owned(),
            request_id: None,
            retry_after: None,
        }
    }

    #[rustfmt::skip]
    pub(super) fn response_rows() -> Vec<RespRow> {
        use Api::{Aily, Lex};
        use RespWant::*;
        const TEN_MIB: usize = 10 * MIB;
        let ok = br#"{"code":0,"msg":"success","data":{}}"#.to_vec();
        let param_invalid = br#"{"code":2700001,"msg":"param is invalid"}"#.to_vec();
        let huge_msg = format!(r#"{{"code":2700001,"msg":"{}"}}"#, "m".repeat(TEN_MIB));
        let garbage: Vec<u8> = (0..TEN_MIB).map(|i| b"<html>\x00\x1b\xff"[i % 9]).collect();
        let unterminated = format!(r#"{{"code":0,"msg":"{}"#, "x".repeat(TEN_MIB));
        let lex_conflict = [h("x-amzn-ErrorType", "ConflictException")];
        vec![
            // Integers.
            r("aily: code overflows every integer", Aily, 200, vec![], r#"{"code":99999999999999999999999}"#, Malformed("expected i64")),
            r("aily: code one past i64::MAX", Aily, 200, vec![], r#"{"code":9223372036854775808}"#, Malformed("expected i64")),
            r("aily: code one below i64::MIN", Aily, 200, vec![], r#"{"code":-9223372036854775809}"#, Malformed("expected i64")),
            r("aily: code i64::MAX", Aily, 200, vec![], r#"{"code":9223372036854775807}"#, aily_service(AilyErrorKind::Unknown(i64::MAX))),
            r("aily: code i64::MIN", Aily, 200, vec![], r#"{"code":-9223372036854775808}"#, aily_service(AilyErrorKind::Unknown(i64::MIN))),
            r("aily: negative code", Aily, 400, vec![], r#"{"code":-1,"msg":"?"}"#, aily_service(AilyErrorKind::Unknown(-1))),
            r("aily: code 0.0", Aily, 200, vec![], r#"{"code":0.0}"#, Malformed("expected i64")),
            r("aily: code 1e3", Aily, 200, vec![], r#"{"code":1e3}"#, Malformed("expected i64")),
            r("aily: code as a string", Aily, 200, vec![], r#"{"code":"0"}"#, Malformed("expected i64")),
            r("aily: code null", Aily, 200, vec![], r#"{"code":null}"#, Malformed("expected i64")),
            r("aily: code missing", Aily, 200, vec![], r#"{"msg":"success"}"#, Malformed("missing field `code`")),
            // Duplicate keys.
            r("aily: duplicate code", Aily, 200, vec![], r#"{"code":0,"code":1}"#, Malformed("duplicate field `code`")),
            r("aily: duplicate msg", Aily, 400, vec![], r#"{"code":1,"msg":"a","msg":"b"}"#, Malformed("duplicate field `msg`")),
            // Depth: no stack overflow either way.
            r("aily: whole body 10,000 deep", Aily, 200, vec![], nested("", 10_000, "[", "]", ""), Malformed("body is a JSON array, not an object")),
            r("aily: whole body an array after whitespace", Aily, 200, vec![], " \r\n[0]", Malformed("body is a JSON array, not an object")),
            r("aily: data 10,000 deep", Aily, 200, vec![], nested(r#"{"code":0,"data":"#, 10_000, "[", "]", "}"), Malformed("JSON nested deeper than 128 levels")),
            r("aily: data objects 10,000 deep", Aily, 200, vec![], nested(r#"{"code":0,"data":"#, 10_000, "{\"a\":", "}", "}"), Malformed("JSON nested deeper than 128 levels")),
            r("aily: unknown field 10,000 deep", Aily, 200, vec![], nested(r#"{"code":0,"extra":"#, 10_000, "[", "]", "}"), Malformed("JSON nested deeper than 128 levels")),
            r("aily: error 10,000 deep", Aily, 400, vec![], nested(r#"{"code":1,"error":"#, 10_000, "[", "]", "}"), Malformed("JSON nested deeper than 128 levels")),
            r("aily: unclosed 10,000 deep", Aily, 200, vec![], nested(r#"{"code":0,"data":"#, 10_000, "[", "", ""), Malformed("JSON nested deeper than 128 levels")),
            r("aily: closers cannot pay for openers", Aily, 200, vec![], nested(&format!(r#"{}{{"code":0,"data":"#, "]".repeat(1000)), 200, "[", "]", "}"), Malformed("JSON nested deeper than 128 levels")),
            r("aily: depth 128", Aily, 200, vec![], nested(r#"{"code":0,"data":"#, 127, "[", "]", "}"), AilyOk { log_id: None }),
            r("aily: depth 129", Aily, 200, vec![], nested(r#"{"code":0,"data":"#, 128, "[", "]", "}"), Malformed("JSON nested deeper than 128 levels")),
            r("aily: brackets and escaped quotes inside a string", Aily, 200, vec![], format!(r#"{{"code":0,"msg":"{}\"[{{\\"}}"#, "[{".repeat(5000)), AilyOk { log_id: None }),
            // Size.
            r("aily: 10 MiB msg without its closing quote", Aily, 200, vec![], unterminated, Malformed("EOF while parsing a string")),
            r("aily: 10 MiB of garbage", Aily, 502, vec![], garbage.clone(), Malformed("expected value")),
            r("aily: 10 MiB of 0xFF", Aily, 500, vec![], vec![0xFF; TEN_MIB], Malformed("expected value")),
            r("aily: 10 MiB msg", Aily, 400, vec![], huge_msg.clone(), aily_service(AilyErrorKind::ParamInvalid)),
            // Bytes.
            r("aily: raw 0xFF in a string", Aily, 200, vec![], b"{\"code\":0,\"msg\":\"\xff\xfe\"}".to_vec(), Malformed("invalid unicode code point")),
            r("aily: raw 0xFF outside strings", Aily, 200, vec![], b"{\"code\":0\xff}".to_vec(), Malformed("expected")),
            r("aily: raw NUL in a string", Aily, 200, vec![], b"{\"code\":0,\"msg\":\"a\x00b\"}".to_vec(), Malformed("control character")),
            r("aily: raw CR in a string", Aily, 200, vec![], b"{\"code\":0,\"msg\":\"a\rb\"}".to_vec(), Malformed("control character")),
            r("aily: NUL body", Aily, 200, vec![], vec![0; 16], Malformed("expected value")),
            r("aily: escaped NUL", Aily, 400, vec![], r#"{"code":1,"msg":"a\u0000b"}"#, aily_service(AilyErrorKind::Unknown(1))),
            r("aily: lone surrogate escape", Aily, 200, vec![], r#"{"code":0,"msg":"\ud800"}"#, Malformed("hex escape")),
            r("aily: empty body", Aily, 200, vec![], "", Malformed("EOF while parsing a value")),
            r("aily: null body", Aily, 200, vec![], "null", Malformed("invalid type: null")),
            r("aily: BOM", Aily, 200, vec![], b"\xef\xbb\xbf{\"code\":0}".to_vec(), Malformed("expected value")),
            r("aily: two documents", Aily, 200, vec![], r#"{"code":0}{"code":1}"#, Malformed("trailing characters")),
            // Headers: names in any case, first occurrence wins, non-UTF-8 values ignored.
            r("aily: X-TT-LOGID", Aily, 200, vec![h("X-TT-LOGID", "log-1")], ok.clone(), AilyOk { log_id: Some("log-1") }),
            r("aily: two x-tt-logid", Aily, 200, vec![h("x-tt-logid", "first"), h("x-tt-logid", "second")], ok.clone(), AilyOk { log_id: Some("first") }),
            r("aily: non-UTF-8 x-tt-logid then a valid one", Aily, 200, vec![h("x-tt-logid", b"\xff\xfe"), h("X-Tt-Logid", "valid")], ok.clone(), AilyOk { log_id: Some("valid") }),
            r("aily: non-UTF-8 x-tt-logid alone", Aily, 200, vec![h("x-tt-logid", b"\xff\xfe"), h("x-request-id", "req")], ok.clone(), AilyOk { log_id: Some("req") }),
            r("aily: header name with NUL", Aily, 200, vec![h("x-tt-logid\0", "nul")], ok.clone(), AilyOk { log_id: None }),
            r("aily: header value with NUL", Aily, 200, vec![h("x-tt-logid", "a\0b")], ok.clone(), AilyOk { log_id: Some("a\0b") }),
            r("aily: blank x-tt-logid does not hide a later one", Aily, 200, vec![h("x-tt-logid", " \t "), h("x-tt-logid", "later")], ok.clone(), AilyOk { log_id: Some("later") }),
            r("aily: empty x-tt-logid does not hide x-request-id", Aily, 200, vec![h("x-tt-logid", ""), h("x-request-id", "req")], ok.clone(), AilyOk { log_id: Some("req") }),
            r("aily: header value padded", Aily, 200, vec![h("x-tt-logid", " \t log \r\n")], ok.clone(), AilyOk { log_id: Some("log") }),
            r("aily: 1 MiB header value", Aily, 400, vec![h("x-ogw-ratelimit-reset", "9".repeat(MIB))], param_invalid.clone(), aily_service(AilyErrorKind::ParamInvalid)),
            r("aily: reset overflows u64", Aily, 429, vec![h("x-ogw-ratelimit-reset", "18446744073709551616")], r#"{"code":99991400}"#, aily_service(AilyErrorKind::RateLimited)),
            r("aily: negative reset", Aily, 429, vec![h("x-ogw-ratelimit-reset", "-5")], r#"{"code":99991400}"#, aily_service(AilyErrorKind::RateLimited)),
            r("aily: reset with NUL", Aily, 429, vec![h("x-ogw-ratelimit-reset", "3\0")], r#"{"code":99991400}"#, aily_service(AilyErrorKind::RateLimited)),
            r("aily: two resets, u64::MAX first (capped)", Aily, 429, vec![h("X-OGW-RATELIMIT-RESET", "18446744073709551615"), h("x-ogw-ratelimit-reset", "1")], r#"{"code":99991400}"#, AilyService { kind: AilyErrorKind::RateLimited, log_id: None, retry_after: Some(botsession::MAX_RETRY_AFTER_SECS) }),
            // Lex success bodies.
            r("lex: whole body 10,000 deep", Lex, 200, vec![], nested("", 10_000, "[", "]", ""), Malformed("body is a JSON array, not an object")),
            r("lex: sessionId 10,000 deep", Lex, 200, vec![], nested(r#"{"sessionId":"#, 10_000, "[", "]", "}"), Malformed("JSON nested deeper than 128 levels")),
            r("lex: unknown field 10,000 deep", Lex, 200, vec![], nested("", 10_000, "{\"a\":", "}", ""), Malformed("JSON nested deeper than 128 levels")),
            r("lex: unclosed 10,000 deep", Lex, 200, vec![], nested("", 10_000, "{\"a\":", "", ""), Malformed("JSON nested deeper than 128 levels")),
            r("lex: raw 0xFF", Lex, 200, vec![], b"{\"sessionId\":\"\xff\"}".to_vec(), Malformed("invalid unicode code point")),
            r("lex: raw NUL", Lex, 200, vec![], b"{\"sessionId\":\"\x00\"}".to_vec(), Malformed("control character")),
            r("lex: NUL body", Lex, 200, vec![], "\0", Malformed("expected value")),
            r("lex: userId ..", Lex, 200, vec![], r#"{"userId":".."}"#, LexOk { request_id: None, id: Some("..".into()) }),
            r("lex: userId with NUL", Lex, 200, vec![], r#"{"userId":"a\u0000b"}"#, LexOk { request_id: None, id: Some("a\0b".into()) }),
            r("lex: 1 MiB userId", Lex, 200, vec![], format!(r#"{{"userId":"{}"}}"#, "a".repeat(MIB)), LexOk { request_id: None, id: Some("a".repeat(MIB)) }),
            r("lex: userId a number", Lex, 200, vec![], r#"{"userId":5}"#, Malformed("invalid type: integer `5`")),
            r("lex: duplicate userId", Lex, 200, vec![], r#"{"userId":"ab","userId":"cd"}"#, Malformed("duplicate field `userId`")),
            r("lex: 10 MiB sessionId without its closing quote", Lex, 200, vec![], format!(r#"{{"sessionId":"{}"#, "s".repeat(TEN_MIB)), Malformed("EOF while parsing a string")),
            r("lex: 10 MiB of garbage", Lex, 200, vec![], garbage.clone(), Malformed("expected value")),
            r("lex: whitespace body", Lex, 204, vec![h("X-AMZN-REQUESTID", "r-1")], " \r\n\t", LexOk { request_id: Some("r-1"), id: None }),
            // Lex error codes: header first (first occurrence), then body `code`, then `__type`.
            r("lex: two x-amzn-ErrorType", Lex, 409, vec![h("x-amzn-ErrorType", "ConflictException"), h("x-amzn-ErrorType", "NotFoundException")], "", lex_service("ConflictException")),
            r("lex: X-AMZN-ERRORTYPE", Lex, 404, vec![h("X-AMZN-ERRORTYPE", "NotFoundException:http://internal.amazon.com/coral/")], "", lex_service("NotFoundException")),
            r("lex: non-UTF-8 error type", Lex, 400, vec![h("x-amzn-errortype", b"\xffConflictException")], r#"{"code":"BadRequestException"}"#, lex_service("BadRequestException")),
            r("lex: empty error type does not hide the body code", Lex, 400, vec![h("x-amzn-errortype", "")], r#"{"code":"BadRequestException"}"#, lex_service("BadRequestException")),
            r("lex: error type of a colon does not hide __type", Lex, 400, vec![h("x-amzn-errortype", ":")], r#"{"__type":"ns#NotFoundException"}"#, lex_service("NotFoundException")),
            r("lex: error type with NUL", Lex, 400, vec![h("x-amzn-errortype", "Conflict\0Exception")], "", lex_service("Conflict\0Exception")),
            r("lex: 1 MiB error type", Lex, 400, vec![h("x-amzn-errortype", "E".repeat(MIB))], "", lex_service(&"E".repeat(128))),
            r("lex: 1 MiB body code", Lex, 400, vec![], format!(r#"{{"code":"{}"}}"#, "E".repeat(MIB)), lex_service(&"E".repeat(128))),
            r("lex: code only a colon", Lex, 400, vec![], r#"{"code":":"}"#, Malformed("error response with no error code")),
            r("lex: __type only a hash", Lex, 400, vec![], r#"{"__type":"ns#"}"#, Malformed("error response with no error code")),
            r("lex: numeric code", Lex, 400, vec![], r#"{"code":400}"#, Malformed("error response with no error code: invalid type")),
            r("lex: duplicate code", Lex, 400, vec![], r#"{"code":"A","code":"B"}"#, Malformed("duplicate field `code`")),
            r("lex: error body 10,000 deep", Lex, 400, vec![], nested("", 10_000, "[", "]", ""), Malformed("error response with no error code: body is a JSON array")),
            r("lex: error object 10,000 deep", Lex, 400, vec![], nested(r#"{"code":"ConflictException","x":"#, 10_000, "[", "]", "}"), Malformed("error response with no error code: JSON nested deeper")),
            r("lex: error body 10,000 deep with a header code", Lex, 400, lex_conflict.to_vec(), nested("", 10_000, "[", "]", ""), lex_service("ConflictException")),
            r("lex: 10 MiB garbage with a header code", Lex, 500, vec![h("x-amzn-ErrorType", "InternalFailureException")], garbage, lex_service("InternalFailureException")),
            r("lex: 10 MiB message", Lex, 400, vec![h("x-amzn-ErrorType", "BadRequestException")], format!(r#"{{"message":"{}"}}"#, "m".repeat(TEN_MIB)), lex_service("BadRequestException")),
            r("lex: status 65535", Lex, u16::MAX, vec![], r#"{"__type":"aws#NotFoundException"}"#, lex_service("NotFoundException")),
            r("lex: two request ids", Lex, 409, vec![h("x-amzn-requestid", "first"), h("X-Amzn-RequestId", "second"), lex_conflict[0].clone()], "", LexService { code: "ConflictException".into(), request_id: Some("first"), retry_after: None }),
            r("lex: Retry-After overflows u64", Lex, 429, vec![h("x-amzn-ErrorType", "LimitExceededException"), h("Retry-After", "99999999999999999999")], "", lex_service("LimitExceededException")),
            r("lex: Retry-After as a date", Lex, 429, vec![h("x-amzn-ErrorType", "LimitExceededException"), h("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")], "", lex_service("LimitExceededException")),
            r("lex: Retry-After padded", Lex, 429, vec![h("x-amzn-ErrorType", "LimitExceededException"), h("RETRY-AFTER", " 3 ")], "", LexService { code: "LimitExceededException".into(), request_id: None, retry_after: Some(3) }),
            r("lex: x-amz-retry-after beats Retry-After", Lex, 429, vec![h("Retry-After", "7"), h("x-amz-retry-after", "3000"), h("x-amzn-ErrorType", "ThrottlingException")], "", LexService { code: "ThrottlingException".into(), request_id: None, retry_after: Some(3) }),
            r("lex: x-amz-retry-after overflows u64", Lex, 429, vec![h("x-amz-retry-after", "99999999999999999999"), h("Retry-After", "2"), h("x-amzn-ErrorType", "ThrottlingException")], "", LexService { code: "ThrottlingException".into(), request_id: None, retry_after: Some(2) }),
            r("lex: x-amz-retry-after u64::MAX (capped)", Lex, 429, vec![h("x-amz-retry-after", "18446744073709551615"), h("x-amzn-ErrorType", "ThrottlingException")], "", LexService { code: "ThrottlingException".into(), request_id: None, retry_after: Some(botsession::MAX_RETRY_AFTER_SECS) }),
            r("lex: 1 MiB x-amz-retry-after", Lex, 429, vec![h("x-amz-retry-after", "9".repeat(MIB)), h("x-amzn-ErrorType", "ThrottlingException")], "", lex_service("ThrottlingException")),
            r("lex: comma-separated error type", Lex, 409, vec![h("x-amzn-ErrorType", "ConflictException,FooException")], "", lex_service("ConflictException")),
            r("lex: 1 MiB of commas", Lex, 400, vec![h("x-amzn-ErrorType", ",".repeat(MIB))], r#"{"code":"ConflictException"}"#, lex_service("ConflictException")),
            r("lex: message, no code", Lex, 400, vec![h("x-amzn-RequestId", "r")], r#"{"message":"m"}"#, LexService { code: String::new(), request_id: Some("r"), retry_after: None }),
            r("lex: 10 MiB message, no code", Lex, 400, vec![], format!(r#"{{"message":"{}"}}"#, "m".repeat(TEN_MIB)), lex_service("")),
            r("lex: message of the wrong type, no code", Lex, 400, vec![], r#"{"message":5}"#, Malformed("error response with no error code: invalid type")),
        ]
    }

    /// Every V1 row, as Lex V2 reads it: V1's `userId` becomes V2's `sessionId` (V2 has no
    /// user id), the error codes stay (each version's kind of the same code).
    pub(super) fn lex_v2_rows(rows: &[RespRow]) -> Vec<RespRow> {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        rows.iter()
            .filter(|row| matches!(row.api, Api::Lex))
            .map(|row| RespRow {
                name: leak(format!("v2 {}", row.name)),
                api: Api::LexV2,
                status: row.status,
                headers: row.headers.clone(),
                body: replace(&row.body, br#""userId""#, br#""sessionId""#),
                want: match &row.want {
                    RespWant::Malformed(reason) => {
                        RespWant::Malformed(leak(reason.replace("userId", "sessionId")))
                    }
                    RespWant::LexOk { request_id, id } => RespWant::LexOk {
                        request_id: *request_id,
                        id: id.clone(),
                    },
                    RespWant::LexService {
                        code,
                        request_id,
                        retry_after,
                    } => RespWant::LexService {
                        code: code.clone(),
                        request_id: *request_id,
                        retry_after: *retry_after,
                    },
                    other => unreachable!("{other:?}"),
                },
            })
            .collect()
    }

    /// `body` with every `from` replaced by `to`.
    fn replace(body: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(body.len());
        let mut i = 0;
        while i < body.len() {
            if body[i..].starts_with(from) {
                out.extend_from_slice(to);
                i += from.len();
            } else {
                out.push(body[i]);
                i += 1;
            }
        }
        out
    }

    pub(super) fn check(row: &RespRow) {
        let name = row.name;
        // Headers as `(&[u8], &[u8])` pairs: names and values need not be UTF-8.
        let headers: Vec<(&[u8], &[u8])> = row
            .headers
            .iter()
            .map(|(k, v)| (k.as_slice(), v.as_slice()))
            .collect();
        match row.api {
            Api::Aily => {
                let got = AilyDeleteSessionResponse::from_http(row.status, &headers, &row.body);
                match (&row.want, got) {
                    (RespWant::AilyOk { log_id }, Ok(ok)) => {
                        assert_eq!(ok.request_id(), *log_id, "{name}: log id");
                        assert_eq!(ok.http_status(), row.status, "{name}: status");
                    }
                    (RespWant::Malformed(reason), Err(err @ ResponseError::Malformed(_))) => {
                        malformed(row, reason, &err)
                    }
                    (
                        RespWant::AilyService {
                            kind,
                            log_id,
                            retry_after,
                        },
                        Err(err @ ResponseError::Service(_)),
                    ) => {
                        let e = err.service_error().unwrap();
                        assert_eq!(e.kind(), kind, "{name}: kind");
                        assert_eq!(e.http_status(), row.status, "{name}: status");
                        assert_eq!(e.request_id(), *log_id, "{name}: log id");
                        assert_eq!(
                            err.retry_after().map(|d| d.as_secs()),
                            *retry_after,
                            "{name}: retry after"
                        );
                        assert_short(name, "service error Display", &e.to_string());
                        assert_short(name, "Display", &err.to_string());
                    }
                    (want, got) => panic!("{name}: want {want:?}, got {}", describe(&got)),
                }
            }
            Api::Lex => lex_check!(
                row,
                headers,
                LexDeleteSessionResponse,
                LexErrorKind,
                user_id
            ),
            Api::LexV2 => {
                lex_check!(
                    row,
                    headers,
                    LexV2DeleteSessionResponse,
                    LexV2ErrorKind,
                    session_id
                )
            }
        }
    }

    /// The check of a Lex row, for either version: its response type, kind type and the
    /// getter of the id `RespWant::LexOk` names.
    macro_rules! lex_check {
        ($row:expr, $headers:expr, $response:ty, $kind:ty, $id:ident) => {{
            let row: &RespRow = $row;
            let name = row.name;
            let got = <$response>::from_http(row.status, &$headers, &row.body);
            match (&row.want, got) {
                (RespWant::LexOk { request_id, id }, Ok(ok)) => {
                    assert_eq!(ok.request_id(), *request_id, "{name}: request id");
                    assert!(ok.$id() == id.as_deref(), "{name}: {}", stringify!($id));
                    assert_eq!(ok.http_status(), row.status, "{name}: status");
                }
                (RespWant::Malformed(reason), Err(err @ ResponseError::Malformed(_))) => {
                    malformed(row, reason, &err)
                }
                (
                    RespWant::LexService {
                        code,
                        request_id,
                        retry_after,
                    },
                    Err(err @ ResponseError::Service(_)),
                ) => {
                    let e = err.service_error().unwrap();
                    assert_eq!(e.kind(), &<$kind>::from_code(code), "{name}: kind");
                    assert!(e.code() == code, "{name}: code");
                    assert_eq!(e.http_status(), row.status, "{name}: status");
                    assert_eq!(e.request_id(), *request_id, "{name}: request id");
                    assert_eq!(
                        err.retry_after().map(|d| d.as_secs()),
                        *retry_after,
                        "{name}: retry after"
                    );
                    assert!(e.code().len() <= 128, "{name}: code of {}", e.code().len());
                    assert_short(name, "service error Display", &e.to_string());
                    assert_short(name, "Display", &err.to_string());
                }
                (want, got) => panic!("{name}: want {want:?}, got {}", describe(&got)),
            }
        }};
    }
    use lex_check;

    fn describe<T, E: std::fmt::Display>(got: &Result<T, ResponseError<E>>) -> String {
        match got {
            Ok(_) => "Ok".into(),
            Err(e) => preview(&e.to_string()),
        }
    }

    fn malformed<E: std::fmt::Display>(row: &RespRow, reason: &str, err: &ResponseError<E>) {
        let name = row.name;
        let ResponseError::Malformed(m) = err else {
            unreachable!()
        };
        assert!(
            m.reason().contains(reason),
            "{name}: reason {:?} lacks {reason:?}",
            m.reason()
        );
        assert_eq!(m.http_status(), row.status, "{name}: status");
        assert!(m.reason().len() <= 2 * EXCERPT_LEN, "{name}: reason");
        assert!(
            m.excerpt().len() <= EXCERPT_LEN,
            "{name}: excerpt of {}",
            m.excerpt().len()
        );
        let head = &row.body[..row.body.len().min(EXCERPT_LEN)];
        // The excerpt is the body's start, lossily decoded, control characters escaped.
        let escaped: String = String::from_utf8_lossy(head)
            .chars()
            .flat_map(|c| {
                let piece: Vec<char> = if c.is_control() {
                    c.escape_default().collect()
                } else {
                    vec![c]
                };
                piece
            })
            .collect();
        let kept = m.excerpt().trim_end_matches('…');
        assert!(
            escaped.starts_with(kept),
            "{name}: excerpt {:?}",
            m.excerpt()
        );
        assert_line(name, "Display", &err.to_string());
        assert_line(name, "malformed Display", &m.to_string());
        assert_line(name, "reason", m.reason());
        assert_line(name, "Debug", &format!("{m:?}"));
    }
}

#[cfg(feature = "serde")]
#[test]
fn hostile_responses() {
    let mut rows = responses::response_rows();
    let v2 = responses::lex_v2_rows(&rows);
    assert!(v2.len() >= 45, "{} V2 rows", v2.len());
    rows.extend(v2);
    for row in &rows {
        responses::check(row);
    }
    assert!(rows.len() >= 120, "{} rows", rows.len());
}

/// A service error's `Display` quotes the server's `msg` / `message` and the error code, so a
/// CR, LF, NUL or ESC sent by the server (or a proxy) must come out escaped, on one log line.
#[cfg(feature = "serde")]
#[test]
fn service_error_display_is_one_line() {
    let aily = [
        br#"{"code":1,"msg":"ok\r\nERROR forged line"}"#.as_slice(),
        br#"{"code":1,"msg":"a\u0000b"}"#,
        br#"{"code":1,"msg":"\u001b[2Jcleared"}"#,
    ];
    for body in aily {
        let err =
            AilyDeleteSessionResponse::from_http(400, &[("x-tt-logid", "l")], body).unwrap_err();
        assert_line("aily service error", "Display", &err.to_string());
    }
    let lex: [(&[u8], &[u8]); 3] = [
        (
            b"ConflictException",
            br#"{"message":"ok\nERROR forged line"}"#,
        ),
        (b"Conflict\x00Exception", b""),
        (b"Conflict\r\nX-Forged: 1", b""),
    ];
    for (code, body) in lex {
        let err = LexDeleteSessionResponse::from_http(
            409,
            &[(b"x-amzn-ErrorType".as_slice(), code)],
            body,
        )
        .unwrap_err();
        assert_line("lex service error", "Display", &err.to_string());
    }
}

/// Objects inside the envelope (`error`, its violations and helps) must be objects: a derived
/// `Deserialize` would read an array by position.
#[cfg(feature = "serde")]
#[test]
fn aily_nested_arrays_are_malformed() {
    for body in [
        br#"{"code":0,"error":["from-array"]}"#.as_slice(),
        br#"{"code":1,"error":["from-array","https://example.com/ts"]}"#,
        br#"{"code":1,"error":{"field_violations":[["field","value","description"]]}}"#,
    ] {
        let got = AilyDeleteSessionResponse::from_http(400, &[("x-tt-logid", "l")], body);
        assert!(
            matches!(got, Err(ResponseError::Malformed(_))),
            "{}: {got:?}",
            String::from_utf8_lossy(body)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 100 MiB claims
// ---------------------------------------------------------------------------------------------

const HUNDRED_MIB: usize = 100 * MIB;

/// A 100 MiB value is rejected by its length before anything reads it: every identifier, and a
/// request path of that size, report the whole length in a short message.
#[test]
fn hundred_mib_inputs_are_rejected_by_length() {
    // Bytes every rule's alphabet accepts, so only the length check can reject them.
    let huge = "a".repeat(HUNDRED_MIB);
    for kind in ALL_KINDS {
        let err = parse_as(kind, &huge).unwrap_err();
        assert_eq!(
            (err.kind(), err.rule(), err.found_len()),
            (kind, IdRule::Length, HUNDRED_MIB)
        );
        assert_line(&format!("{kind:?}: 100 MiB"), "Display", &err.to_string());
    }
    let path = format!("/{huge}");
    for api in [Api::Aily, Api::Lex, Api::LexV2] {
        let err = route(api, "DELETE", &path).unwrap_err();
        assert_eq!(
            err,
            RouteError::PathTooLong {
                len: HUNDRED_MIB + 1
            },
            "{api:?}"
        );
        assert_eq!(err.http_status(), 414);
        assert_line(
            &format!("{api:?}: 100 MiB path"),
            "Display",
            &err.to_string(),
        );
    }
}

/// A response that claims 100 MiB (`Content-Length: 104857600`) but carries a few bytes is read
/// for what it carries: the classifiers never trust a length header, so nothing is reserved
/// for the claim and the real body decides.
#[cfg(feature = "serde")]
#[test]
fn hundred_mib_claimed_by_a_header_is_not_trusted() {
    let claim = HUNDRED_MIB.to_string();
    let headers = [("Content-Length", claim.as_str()), ("x-tt-logid", "log-1")];
    let ok = AilyDeleteSessionResponse::from_http(200, &headers, br#"{"code":0,"msg":"success"}"#)
        .expect("the body is a success");
    assert_eq!(ok.request_id(), Some("log-1"));
    let err = AilyDeleteSessionResponse::from_http(200, &headers, b"").unwrap_err();
    assert!(matches!(err, ResponseError::Malformed(_)), "{err}");
    assert_line("aily: claimed 100 MiB, empty", "Display", &err.to_string());

    let headers = [
        ("content-length", claim.as_str()),
        ("x-amzn-RequestId", "r-1"),
    ];
    let ok = LexDeleteSessionResponse::from_http(200, &headers, br#"{"userId":"ab"}"#)
        .expect("the body is a success");
    assert_eq!(ok.request_id(), Some("r-1"));
    let err = LexDeleteSessionResponse::from_http(
        409,
        &[
            ("Content-Length", claim.as_str()),
            ("x-amzn-ErrorType", "ConflictException"),
        ],
        b"{",
    )
    .unwrap_err();
    let ResponseError::Service(e) = &err else {
        panic!("{err}")
    };
    assert_eq!(e.kind(), &LexErrorKind::Conflict);
    assert_line(
        "lex: claimed 100 MiB, truncated",
        "Display",
        &err.to_string(),
    );
}

// ---------------------------------------------------------------------------------------------
// Request bodies and session responses (Aily create, get and update)
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod sessions {
    use super::*;
    use botsession::{
        AilyCreateSessionRequest, AilyGetSessionResponse, AilyUpdateSessionRequest, BodyError,
        FieldError, Operation, TextError, AILY_MAX_BODY_LEN,
    };

    const JSON: (&str, &str) = ("Content-Type", "application/json; charset=utf-8");
    const SESSION: &str = "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m";

    fn field(field: &'static str, error: FieldError) -> RouteError {
        RouteError::Field { field, error }
    }

    fn too_long(field: &'static str, chars: usize) -> RouteError {
        self::field(
            field,
            FieldError::Text(TextError::TooLong { max: 255, chars }),
        )
    }

    fn metadata(value: &str) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({ "metadata": value })).unwrap()
    }

    /// Each row: a body, and the error create and update must give (or `None`: read).
    #[rustfmt::skip]
    fn body_rows() -> Vec<(String, Vec<u8>, Option<RouteError>)> {
        let syntax = |line, column| Some(RouteError::Body(BodyError::Syntax { line, column }));
        let mut rows: Vec<(String, Vec<u8>, Option<RouteError>)> = vec![
            ("255 Chinese characters".into(), metadata(&"元".repeat(255)), None),
            ("256 Chinese characters".into(), metadata(&"元".repeat(256)), Some(too_long("metadata", 256))),
            ("255 four-byte characters".into(), metadata(&"😀".repeat(255)), None),
            ("256 four-byte characters".into(), metadata(&"😀".repeat(256)), Some(too_long("metadata", 256))),
            ("255 NULs".into(), metadata(&"\0".repeat(255)), None),
            ("control characters".into(), metadata("\u{1b}[2J\r\n\u{7f}\u{202e}"), None),
            ("a huge string".into(), metadata(&"x".repeat(AILY_MAX_BODY_LEN - 20)), Some(too_long("metadata", AILY_MAX_BODY_LEN - 20))),
            ("a huge escaped string".into(), format!(r#"{{"channel_context":"{}"}}"#, "\\u0000".repeat(2000)).into_bytes(), Some(too_long("channel_context", 2000))),
            ("a number".into(), br#"{"metadata":255}"#.to_vec(), Some(field("metadata", FieldError::NotString))),
            // Past `f64`'s range the JSON reader refuses the number itself, before the field
            // sees its type.
            ("a huge number".into(), format!(r#"{{"metadata":{}}}"#, "9".repeat(5000)).into_bytes(), syntax(1, 5012)),
            ("a deep array in a field".into(), format!(r#"{{"metadata":{}"#, "[".repeat(100)).into_bytes(), Some(field("metadata", FieldError::NotString))),
            ("a duplicate key".into(), br#"{"metadata":"a","channel_context":"b","metadata":"c"}"#.to_vec(), Some(field("metadata", FieldError::Repeated))),
            ("NUL outside strings".into(), b"{\"metadata\":\"a\"\0}".to_vec(), syntax(1, 16)),
            ("a control byte as a key".into(), b"{\x01:1}".to_vec(), syntax(1, 2)),
            ("a raw newline in a string".into(), b"{\"metadata\":\"a\nb\"}".to_vec(), syntax(2, 0)),
            // Skipped without recursion: the size limit bounds the depth.
            ("8,000-deep ignored JSON".into(), format!(r#"{{"x":{}{}}}"#, "[".repeat(8_000), "]".repeat(8_000)).into_bytes(), None),
            ("10,000-deep unclosed JSON".into(), format!(r#"{{"x":{}}}"#, "[".repeat(10_000)).into_bytes(), syntax(1, 10_006)),
            ("3,000-deep unclosed objects".into(), "{\"x\":".repeat(3_000).into_bytes(), Some(RouteError::Body(BodyError::Truncated))),
            ("10,000-deep objects".into(), "{\"x\":".repeat(10_000).into_bytes(), Some(RouteError::BodyTooLarge { len: 50_000, max: AILY_MAX_BODY_LEN })),
            ("invalid UTF-8 in a key".into(), b"{\"\xc3\x28\":1}".to_vec(), syntax(1, 3)),
            ("a BOM".into(), b"\xef\xbb\xbf{}".to_vec(), syntax(1, 1)),
            ("only a brace".into(), b"{".to_vec(), Some(RouteError::Body(BodyError::Truncated))),
        ];
        for len in [AILY_MAX_BODY_LEN + 1, MIB, 10 * MIB] {
            rows.push((
                format!("{len} bytes"),
                vec![b'{'; len],
                Some(RouteError::BodyTooLarge { len, max: AILY_MAX_BODY_LEN }),
            ));
        }
        rows
    }

    #[test]
    fn hostile_request_bodies() {
        for (name, body, want) in body_rows() {
            for (method, path) in [("POST", "/open-apis/aily/v1/sessions"), ("PUT", SESSION)] {
                let got = Operation::from_request(method, path, &[JSON], &body);
                match (&got, &want) {
                    (Ok(_), None) => {}
                    (Err(rejection), Some(want)) => {
                        assert_eq!(rejection.error(), want, "{name}: {method}");
                        assert_line(&name, "Display", &rejection.to_string());
                        assert_short(&name, "Debug", &format!("{rejection:?}"));
                        let wire = rejection.render();
                        assert!(
                            wire.body().len() < 512,
                            "{name}: {} bytes",
                            wire.body().len()
                        );
                        assert!(matches!(wire.status(), 400 | 413), "{name}");
                    }
                    _ => panic!("{name}: {method}: {got:?}, want {want:?}"),
                }
            }
            let create = AilyCreateSessionRequest::from_request(
                "POST",
                "/open-apis/aily/v1/sessions",
                &[JSON],
                &body,
            );
            assert_eq!(create.err(), want.clone(), "{name}: create");
            let update = AilyUpdateSessionRequest::from_request("PUT", SESSION, &[JSON], &body);
            assert_eq!(update.err(), want, "{name}: update");
        }
    }

    #[test]
    fn hostile_request_headers() {
        let huge = "u".repeat(MIB);
        let control = "ou\r\nX-Injected: 1";
        for (name, headers, want) in [
            (
                "a 1 MiB user id",
                vec![JSON, ("X-Aily-BizUserID", huge.as_str())],
                Some(RouteError::Header {
                    name: "X-Aily-BizUserID",
                    error: FieldError::Text(TextError::TooLong {
                        max: 255,
                        chars: MIB,
                    }),
                }),
            ),
            (
                "CR LF in a user id",
                vec![JSON, ("X-Aily-BizUserID", control)],
                Some(RouteError::Header {
                    name: "X-Aily-BizUserID",
                    error: FieldError::Text(TextError::Character { index: 2 }),
                }),
            ),
            (
                "a 1 MiB content type",
                vec![("Content-Type", huge.as_str())],
                Some(RouteError::ContentType {
                    expected: "application/json; charset=utf-8",
                }),
            ),
            (
                "a NUL in the content type",
                vec![("Content-Type", "application/json\0")],
                Some(RouteError::ContentType {
                    expected: "application/json; charset=utf-8",
                }),
            ),
            (
                "100 content types",
                vec![JSON; 100],
                Some(RouteError::ContentType {
                    expected: "application/json; charset=utf-8",
                }),
            ),
        ] {
            let got = AilyCreateSessionRequest::from_request(
                "POST",
                "/open-apis/aily/v1/sessions",
                &headers,
                b"{}",
            );
            assert_eq!(got.clone().err(), want, "{name}");
            if let Err(e) = got {
                assert_line(name, "Display", &e.to_string());
                assert_short(name, "Debug", &format!("{e:?}"));
            }
        }
    }

    /// Session responses that break the session's rules: malformed, with a short reason, at
    /// every size.
    #[rustfmt::skip]
    #[test]
    fn hostile_session_responses() {
        let session = |fields: String| format!(r#"{{"code":0,"data":{{"session":{{{fields}}}}}}}"#).into_bytes();
        let ok = |extra: &str| session(format!(r#""id":"session_1","created_at":"1","modified_at":"1"{extra}"#));
        for (name, body) in [
            ("timestamp past i64", session(r#""id":"session_1","created_at":"9223372036854775808","modified_at":"1""#.into())),
            ("timestamp of 1 MiB digits", session(format!(r#""id":"session_1","created_at":"{}","modified_at":"1""#, "9".repeat(MIB)))),
            ("number timestamp", session(r#""id":"session_1","created_at":1711975665710,"modified_at":"1""#.into())),
            ("NUL in a timestamp", session(r#""id":"session_1","created_at":"17\u0000","modified_at":"1""#.into())),
            ("256 characters of metadata", ok(&format!(r#","metadata":"{}""#, "元".repeat(256)))),
            ("1 MiB of channel context", ok(&format!(r#","channel_context":"{}""#, "x".repeat(MIB)))),
            ("a number for the creator", ok(r#","created_by":1794840334557292"#)),
            ("a duplicate key", ok(r#","metadata":"a","metadata":"b""#)),
            ("10,000-deep data", format!(r#"{{"code":0,"data":{}}}"#, "[".repeat(10_000)).into_bytes()),
            ("10 MiB of nothing", vec![b' '; 10 * MIB]),
        ] {
            let read = AilyGetSessionResponse::from_http(200, &[("X-Tt-Logid", "l")], &body);
            let Err(e) = read else { panic!("{name}: read") };
            assert!(matches!(e, ResponseError::Malformed(_)), "{name}: {e}");
            assert_line(name, "Display", &e.to_string());
            assert_short(name, "Debug", &format!("{e:?}"));
        }
        // Within the rules, however strange: read.
        for (name, body) in [
            ("NUL and controls in the metadata", ok(r#","metadata":"\u0000\u001b\r\n""#)),
            ("255 characters of metadata", ok(&format!(r#","metadata":"{}""#, "元".repeat(255)))),
            ("a huge creator", ok(&format!(r#","created_by":"{}""#, "1".repeat(MIB)))),
            ("unknown fields", ok(r#","x":[[[{"y":null}]]]"#)),
        ] {
            let read = AilyGetSessionResponse::from_http(200, &[("X-Tt-Logid", "l")], &body);
            assert!(read.is_ok(), "{name}: {read:?}");
            assert_short(name, "Debug", &format!("{:?}", read.map(|r| r.session().id())));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lex V2 session state: PutSession bodies, the state's JSON, PutSession's headers, the mock
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod lex_v2_sessions {
    use std::time::{Duration, Instant};

    use super::*;
    use botsession::{
        BodyError, FieldError, LexV2ErrorKind, LexV2JsonError, LexV2PutSessionRequest,
        LexV2ServiceError, LexV2SessionState, MockService, TextError, ValueError, ValueRule,
        LEX_V2_MAX_JSON_LEN, MAX_DEPTH,
    };
    use common::fixtures::LEX_V2_PATH;

    const JSON: (&str, &str) = ("Content-Type", "application/json");
    /// Stands for a secret in values (alphanumeric, so that it fits any rule's alphabet): no
    /// error message and no `Debug` may show it.
    const SECRET: &str = "Sekr1tQ9";
    const CONTEXT_NAME: &str = "^([A-Za-z0-9]_?)+$";
    const HINT_NAME: &str = "^([0-9a-zA-Z][_-]?)+$";
    /// Generous: a read of 1 MiB that is not linear takes minutes.
    const QUICK: Duration = Duration::from_secs(30);

    /// A session state and what reading it must give: `None`, read; or the path from the
    /// state's top and the rule.
    pub(super) struct StateRow {
        name: String,
        state: String,
        want: Option<(String, ValueRule)>,
    }

    fn ok(name: impl Into<String>, state: impl Into<String>) -> StateRow {
        StateRow {
            name: name.into(),
            state: state.into(),
            want: None,
        }
    }

    fn bad(
        name: impl Into<String>,
        state: impl Into<String>,
        path: impl Into<String>,
        rule: ValueRule,
    ) -> StateRow {
        StateRow {
            name: name.into(),
            state: state.into(),
            want: Some((path.into(), rule)),
        }
    }

    fn text(error: TextError) -> ValueRule {
        ValueRule::Text(error)
    }

    const EMPTY: ValueRule = ValueRule::Text(TextError::TooShort { min: 1, chars: 0 });
    const EMPTY_KEY: ValueRule = ValueRule::Key(TextError::TooShort { min: 1, chars: 0 });

    fn too_long(max: usize) -> ValueRule {
        text(TextError::TooLong {
            max,
            chars: max + 1,
        })
    }

    fn of_type(expected: &'static str) -> ValueRule {
        ValueRule::Type { expected }
    }

    /// `open` `depth` times, `leaf`, then `close` as many times.
    fn chain(open: &str, leaf: &str, close: &str, depth: usize) -> String {
        format!("{}{leaf}{}", open.repeat(depth), close.repeat(depth))
    }

    /// A state whose intent has the one slot `Size`, written `slot`.
    fn slot(slot: &str) -> String {
        format!(r#"{{"intent":{{"name":"OrderPizza","slots":{{"Size":{slot}}}}}}}"#)
    }
    const SLOT: &str = r#"intent.slots["Size"]"#;

    /// A state with one active context: its `name`, seconds, turns and attributes, as JSON.
    fn context(name: &str, seconds: &str, turns: &str, attributes: &str) -> String {
        format!(
            r#"{{"activeContexts":[{{"name":{name},"timeToLive":{{"timeToLiveInSeconds":{seconds},"turnsToLive":{turns}}},"contextAttributes":{attributes}}}]}}"#
        )
    }
    const CONTEXT: &str = "activeContexts[0]";

    /// A state with one runtime hint, for slot `Size` of intent `OrderPizza`, written `details`.
    fn hint(details: &str) -> String {
        format!(r#"{{"runtimeHints":{{"slotHints":{{"OrderPizza":{{"Size":{details}}}}}}}}}"#)
    }
    const HINT: &str = r#"runtimeHints.slotHints["OrderPizza"]["Size"]"#;

    /// A dialog action eliciting the sub-slot `sub`.
    fn elicit(sub: &str) -> String {
        format!(r#"{{"dialogAction":{{"type":"ElicitSlot","subSlotToElicit":{sub}}}}}"#)
    }

    /// `n` distinct keys of three characters: `"000"`, `"001"`, …
    fn keys(n: usize) -> impl Iterator<Item = String> {
        const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        (0..n).map(|i| {
            let d = |k: usize| char::from(DIGITS[(i / 62usize.pow(k as u32)) % 62]);
            [d(2), d(1), d(0)].iter().collect()
        })
    }

    /// `n` entries of a JSON object: each key of [`keys`] with `value`.
    fn entries(n: usize, value: &str) -> String {
        keys(n)
            .map(|k| format!(r#""{k}":{value}"#))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// `n` copies of `item` as a JSON list.
    fn list(n: usize, item: &str) -> String {
        format!("[{}]", vec![item; n].join(","))
    }

    /// A recursive member, nested as a chain of one entry per level.
    struct Chain {
        member: &'static str,
        /// The state around the chain.
        around: fn(&str) -> String,
        /// Each level's opening, the last level, and each level's closing.
        open: &'static str,
        leaf: &'static str,
        close: &'static str,
        /// The path to the first level, and the step to each level below.
        first: &'static str,
        step: &'static str,
    }

    const CHAINS: [Chain; 4] = [
        Chain {
            member: "subSlots",
            around: slot,
            open: r#"{"subSlots":{"a":"#,
            leaf: "{}",
            close: "}}",
            first: SLOT,
            step: r#".subSlots["a"]"#,
        },
        Chain {
            member: "values",
            around: slot,
            open: r#"{"values":["#,
            leaf: "{}",
            close: "]}",
            first: SLOT,
            step: ".values[0]",
        },
        Chain {
            member: "subSlotToElicit",
            around: elicit,
            open: r#"{"name":"a","subSlotToElicit":"#,
            leaf: r#"{"name":"a"}"#,
            close: "}",
            first: "dialogAction.subSlotToElicit",
            step: ".subSlotToElicit",
        },
        Chain {
            member: "subSlotHints",
            around: hint,
            open: r#"{"subSlotHints":{"a":"#,
            leaf: "{}",
            close: "}}",
            first: HINT,
            step: r#".subSlotHints["a"]"#,
        },
    ];

    /// The recursive members, each nested 10,000 deep (far past [`MAX_DEPTH`], and past the
    /// JSON reader's own limit of 128) and exactly as deep as allowed: the read stops at
    /// `MAX_DEPTH` levels and names each level it went through.
    fn depth_rows() -> Vec<StateRow> {
        let too_deep = ValueRule::TooDeep { max: MAX_DEPTH };
        let inner = MAX_DEPTH - 1;
        let mut rows = Vec::new();
        for c in CHAINS {
            let nest = |depth| (c.around)(&chain(c.open, c.leaf, c.close, depth));
            let path = format!("{}{}.{}", c.first, c.step.repeat(inner), c.member);
            rows.push(bad(
                format!("{} 10,000 deep", c.member),
                nest(10_000),
                &path,
                too_deep,
            ));
            rows.push(bad(
                format!("{} one level too deep", c.member),
                nest(MAX_DEPTH),
                &path,
                too_deep,
            ));
            rows.push(ok(format!("{} {MAX_DEPTH} levels", c.member), nest(inner)));
        }
        // Both recursive members of a slot count towards one bound.
        rows.push(bad(
            "values and subSlots alternating, 10,000 deep",
            slot(&chain(
                r#"{"values":[{"subSlots":{"a":"#,
                "{}",
                "}}]}",
                5_000,
            )),
            format!(
                r#"{SLOT}{}.values[0].subSlots"#,
                r#".values[0].subSlots["a"]"#.repeat((MAX_DEPTH - 2) / 2)
            ),
            too_deep,
        ));
        rows
    }

    #[rustfmt::skip]
    pub(super) fn state_rows() -> Vec<StateRow> {
        let secret = |n: usize| SECRET.repeat(n.div_ceil(SECRET.len()))[..n].to_owned();
        let seconds = format!("{CONTEXT}.timeToLive.timeToLiveInSeconds");
        let turns = format!("{CONTEXT}.timeToLive.turnsToLive");
        let attributes = format!("{CONTEXT}.contextAttributes");
        let seconds_range = ValueRule::Range { min: 5, max: 86_400 };
        let turns_range = ValueRule::Range { min: 1, max: 20 };
        let named = |name: &str| context(&format!("\"{name}\""), "5", "1", "{}");
        let hint_value = |phrase: &str| hint(&format!(r#"{{"runtimeHintValues":[{{"phrase":"{phrase}"}}]}}"#));
        let long_key = "k".repeat(1000);
        let control_key = r"a\u0000\r\n\u001b\u202e\u0085";
        let mut rows = depth_rows();
        rows.extend([
            // Numbers: seconds 5 to 86,400, turns 1 to 20, integers only.
            ok("seconds 5, turns 1", context(r#""c""#, "5", "1", "{}")),
            ok("seconds 86400, turns 20", context(r#""c""#, "86400", "20", "{}")),
            bad("seconds 4", context(r#""c""#, "4", "1", "{}"), &seconds, seconds_range),
            bad("seconds 86401", context(r#""c""#, "86401", "1", "{}"), &seconds, seconds_range),
            bad("seconds -1", context(r#""c""#, "-1", "1", "{}"), &seconds, seconds_range),
            bad("seconds 1e3", context(r#""c""#, "1e3", "1", "{}"), &seconds, seconds_range),
            bad("seconds 5.5", context(r#""c""#, "5.5", "1", "{}"), &seconds, seconds_range),
            bad("seconds 10.0", context(r#""c""#, "10.0", "1", "{}"), &seconds, seconds_range),
            bad("seconds 2^64", context(r#""c""#, "18446744073709551616", "1", "{}"), &seconds, seconds_range),
            bad("seconds i64::MIN", context(r#""c""#, "-9223372036854775808", "1", "{}"), &seconds, seconds_range),
            bad("seconds u64::MAX", context(r#""c""#, "18446744073709551615", "1", "{}"), &seconds, seconds_range),
            bad("seconds as a string", context(r#""c""#, r#""10""#, "1", "{}"), &seconds, of_type("an integer")),
            bad("seconds null", context(r#""c""#, "null", "1", "{}"), &seconds, ValueRule::Missing),
            bad("seconds true", context(r#""c""#, "true", "1", "{}"), &seconds, of_type("an integer")),
            bad("turns 0", context(r#""c""#, "5", "0", "{}"), &turns, turns_range),
            bad("turns 21", context(r#""c""#, "5", "21", "{}"), &turns, turns_range),
            bad("turns 256", context(r#""c""#, "5", "256", "{}"), &turns, turns_range),
            bad("turns missing", r#"{"activeContexts":[{"name":"c","timeToLive":{"timeToLiveInSeconds":5},"contextAttributes":{}}]}"#, &turns, ValueRule::Missing),
            bad("time to live missing", r#"{"activeContexts":[{"name":"c","contextAttributes":{}}]}"#, format!("{CONTEXT}.timeToLive"), ValueRule::Missing),
            bad("context attributes missing", r#"{"activeContexts":[{"name":"c","timeToLive":{"timeToLiveInSeconds":5,"turnsToLive":1}}]}"#, &attributes, ValueRule::Missing),
            // Context names: `^([A-Za-z0-9]_?)+$`, 1 to 100 characters.
            ok("context name a_b_", named("a_b_")),
            ok("context name of 100 characters", named(&secret(100))),
            bad("context name a__b", named("a__b"), format!("{CONTEXT}.name"), text(TextError::Pattern { index: 2, pattern: CONTEXT_NAME })),
            bad("context name _a", named("_a"), format!("{CONTEXT}.name"), text(TextError::Pattern { index: 0, pattern: CONTEXT_NAME })),
            bad("context name a-b", named("a-b"), format!("{CONTEXT}.name"), text(TextError::Pattern { index: 1, pattern: CONTEXT_NAME })),
            bad("context name with a secret and a space", named(&format!("{SECRET} {SECRET}")), format!("{CONTEXT}.name"), text(TextError::Pattern { index: SECRET.len(), pattern: CONTEXT_NAME })),
            bad("context name of 101 characters", named(&secret(101)), format!("{CONTEXT}.name"), too_long(100)),
            bad("context name empty", named(""), format!("{CONTEXT}.name"), EMPTY),
            bad("context name é", named("é"), format!("{CONTEXT}.name"), text(TextError::Pattern { index: 0, pattern: CONTEXT_NAME })),
            // Hint names are keys: `^([0-9a-zA-Z][_-]?)+$`.
            ok("hint names a-b_c-", r#"{"runtimeHints":{"slotHints":{"a-b_c-":{"x_":{}}}}}"#),
            bad("hint intent name -a", r#"{"runtimeHints":{"slotHints":{"-a":{}}}}"#, "runtimeHints.slotHints", ValueRule::Key(TextError::Pattern { index: 0, pattern: HINT_NAME })),
            bad("hint slot name a--b", r#"{"runtimeHints":{"slotHints":{"I":{"a--b":{}}}}}"#, r#"runtimeHints.slotHints["I"]"#, ValueRule::Key(TextError::Pattern { index: 2, pattern: HINT_NAME })),
            bad("hint sub-slot name a_-b", hint(r#"{"subSlotHints":{"a_-b":{}}}"#), format!("{HINT}.subSlotHints"), ValueRule::Key(TextError::Pattern { index: 2, pattern: HINT_NAME })),
            bad("hint name empty", r#"{"runtimeHints":{"slotHints":{"":{}}}}"#, "runtimeHints.slotHints", EMPTY_KEY),
            bad("hint name of 101 characters", format!(r#"{{"runtimeHints":{{"slotHints":{{"{}":{{}}}}}}}}"#, secret(101)), "runtimeHints.slotHints", ValueRule::Key(TextError::TooLong { max: 100, chars: 101 })),
            // Lists and maps past their bounds.
            ok("20 active contexts", format!(r#"{{"activeContexts":{}}}"#, list(20, r#"{"name":"c","timeToLive":{"timeToLiveInSeconds":5,"turnsToLive":1},"contextAttributes":{}}"#))),
            bad("21 active contexts", format!(r#"{{"activeContexts":{}}}"#, list(21, r#"{"name":"c","timeToLive":{"timeToLiveInSeconds":5,"turnsToLive":1},"contextAttributes":{}}"#)), "activeContexts", ValueRule::TooMany { max: 20 }),
            bad("5,000 active contexts", format!(r#"{{"activeContexts":{}}}"#, list(5_000, r#"{"name":"c","timeToLive":{"timeToLiveInSeconds":5,"turnsToLive":1},"contextAttributes":{}}"#)), "activeContexts", ValueRule::TooMany { max: 20 }),
            ok("10 context attributes", context(r#""c""#, "5", "1", &format!("{{{}}}", entries(10, r#""v""#)))),
            bad("11 context attributes", context(r#""c""#, "5", "1", &format!("{{{}}}", entries(11, r#""v""#))), &attributes, ValueRule::TooMany { max: 10 }),
            // The 11th's value is read before it is counted (a `null` one would be no entry):
            // its own fault comes first.
            bad("11 context attributes, the 11th broken", context(r#""c""#, "5", "1", &format!(r#"{{{},"x":1}}"#, entries(10, r#""v""#))), format!(r#"{attributes}["x"]"#), ValueRule::Type { expected: "a string" }),
            ok("10 context attributes and a null", context(r#""c""#, "5", "1", &format!(r#"{{{},"x":null}}"#, entries(10, r#""v""#)))),
            ok("100 hint phrases", hint(&format!(r#"{{"runtimeHintValues":{}}}"#, list(100, r#"{"phrase":"p"}"#)))),
            bad("101 hint phrases", hint(&format!(r#"{{"runtimeHintValues":{}}}"#, list(101, r#"{"phrase":"p"}"#))), format!("{HINT}.runtimeHintValues"), ValueRule::TooMany { max: 100 }),
            bad("no hint phrases", hint(r#"{"runtimeHintValues":[]}"#), format!("{HINT}.runtimeHintValues"), ValueRule::TooFew { min: 1 }),
            // Duplicates: a member twice, a key twice (after unescaping), cut and escaped in
            // the path.
            bad("intent twice", r#"{"intent":{"name":"a"},"intent":{"name":"b"}}"#, "intent", ValueRule::Repeated),
            bad("intent name twice", r#"{"intent":{"name":"a","name":"b"}}"#, "intent.name", ValueRule::Repeated),
            bad("intent twice, the second null", r#"{"intent":{"name":"a"},"intent":null}"#, "intent", ValueRule::Repeated),
            bad("dialog action type twice", r#"{"dialogAction":{"type":"Close","type":"Close"}}"#, "dialogAction.type", ValueRule::Repeated),
            bad("turns twice", context(r#""c""#, "5,\"turnsToLive\":1", "1", "{}"), &turns, ValueRule::Repeated),
            bad("slot key twice", r#"{"intent":{"name":"I","slots":{"Size":{},"Size":{}}}}"#, SLOT, ValueRule::Repeated),
            bad("slot key twice, once escaped", r#"{"intent":{"name":"I","slots":{"Size":{},"\u0053ize":{}}}}"#, SLOT, ValueRule::Repeated),
            bad("context attribute twice", context(r#""c""#, "5", "1", r#"{"k":"a","k":"b"}"#), format!(r#"{attributes}["k"]"#), ValueRule::Repeated),
            bad("session attribute of 1,000 bytes twice", format!(r#"{{"sessionAttributes":{{"{long_key}":"a","{long_key}":"b"}}}}"#), format!(r#"sessionAttributes["{}…"]"#, "k".repeat(61)), ValueRule::Repeated),
            bad("session attribute with controls twice", format!(r#"{{"sessionAttributes":{{"{control_key}":"a","{control_key}":"b"}}}}"#), r#"sessionAttributes["a\u{0}\r\n\u{1b}\u{202e}\u{85}"]"#, ValueRule::Repeated),
            bad("session attribute with controls, not a string", format!(r#"{{"sessionAttributes":{{"{control_key}":1}}}}"#), r#"sessionAttributes["a\u{0}\r\n\u{1b}\u{202e}\u{85}"]"#, of_type("a string")),
            bad("hint key twice", r#"{"runtimeHints":{"slotHints":{"I":{},"I":{}}}}"#, r#"runtimeHints.slotHints["I"]"#, ValueRule::Repeated),
            // Wrong JSON types, at each level.
            bad("state an array", "[]", "", of_type("an object")),
            bad("state a string", format!(r#""{SECRET}""#), "", of_type("an object")),
            bad("intent a string", format!(r#"{{"intent":"{SECRET}"}}"#), "intent", of_type("an object")),
            bad("intent name a number", r#"{"intent":{"name":1}}"#, "intent.name", of_type("a string")),
            bad("intent name an object", r#"{"intent":{"name":{}}}"#, "intent.name", of_type("a string")),
            bad("intent name missing", r#"{"intent":{}}"#, "intent.name", ValueRule::Missing),
            bad("intent name null", r#"{"intent":{"name":null}}"#, "intent.name", ValueRule::Missing),
            bad("slots a list", r#"{"intent":{"name":"I","slots":[]}}"#, "intent.slots", of_type("an object")),
            bad("a slot a string", slot(&format!(r#""{SECRET}""#)), SLOT, of_type("an object")),
            bad("slot value a list", slot(r#"{"value":[]}"#), format!("{SLOT}.value"), of_type("an object")),
            bad("interpreted value true", slot(r#"{"value":{"interpretedValue":true}}"#), format!("{SLOT}.value.interpretedValue"), of_type("a string")),
            bad("interpreted value missing", slot(r#"{"value":{"originalValue":"x"}}"#), format!("{SLOT}.value.interpretedValue"), ValueRule::Missing),
            bad("resolved values a string", slot(r#"{"value":{"interpretedValue":"x","resolvedValues":"x"}}"#), format!("{SLOT}.value.resolvedValues"), of_type("a list")),
            bad("a resolved value a number", slot(r#"{"value":{"interpretedValue":"x","resolvedValues":["a",1]}}"#), format!("{SLOT}.value.resolvedValues[1]"), of_type("a string")),
            bad("slot shape a number", slot(r#"{"shape":1}"#), format!("{SLOT}.shape"), of_type("a string")),
            bad("slot values an object", slot(r#"{"values":{}}"#), format!("{SLOT}.values"), of_type("a list")),
            bad("sub-slots a list", slot(r#"{"subSlots":[]}"#), format!("{SLOT}.subSlots"), of_type("an object")),
            bad("dialog action a list", r#"{"dialogAction":[]}"#, "dialogAction", of_type("an object")),
            bad("dialog action type a number", r#"{"dialogAction":{"type":0}}"#, "dialogAction.type", of_type("a string")),
            bad("dialog action type missing", r#"{"dialogAction":{}}"#, "dialogAction.type", ValueRule::Missing),
            bad("sub-slot to elicit a string", elicit(r#""x""#), "dialogAction.subSlotToElicit", of_type("an object")),
            bad("active contexts an object", r#"{"activeContexts":{}}"#, "activeContexts", of_type("a list")),
            bad("an active context a list", r#"{"activeContexts":[[]]}"#, CONTEXT, of_type("an object")),
            bad("time to live a number", r#"{"activeContexts":[{"name":"c","timeToLive":5}]}"#, format!("{CONTEXT}.timeToLive"), of_type("an object")),
            bad("context attributes a list", context(r#""c""#, "5", "1", "[]"), &attributes, of_type("an object")),
            bad("a context attribute a number", context(r#""c""#, "5", "1", r#"{"k":1}"#), format!(r#"{attributes}["k"]"#), of_type("a string")),
            bad("session attributes a string", r#"{"sessionAttributes":"x"}"#, "sessionAttributes", of_type("an object")),
            ok("a session attribute null (no entry)", r#"{"sessionAttributes":{"k":null}}"#),
            ok("an active context null (no entry)", r#"{"activeContexts":[null]}"#),
            bad("originating request id a number", r#"{"originatingRequestId":1}"#, "originatingRequestId", of_type("a string")),
            bad("runtime hints a list", r#"{"runtimeHints":[]}"#, "runtimeHints", of_type("an object")),
            bad("slot hints of an intent a list", r#"{"runtimeHints":{"slotHints":{"I":[]}}}"#, r#"runtimeHints.slotHints["I"]"#, of_type("an object")),
            bad("hint details a string", hint(r#""x""#), HINT, of_type("an object")),
            bad("hint phrases an object", hint(r#"{"runtimeHintValues":{}}"#), format!("{HINT}.runtimeHintValues"), of_type("a list")),
            bad("a hint phrase a number", hint(r#"{"runtimeHintValues":[{"phrase":1}]}"#), format!("{HINT}.runtimeHintValues[0].phrase"), of_type("a string")),
            // Every non-empty string, empty.
            ok("an empty session attribute value", r#"{"sessionAttributes":{"k":""}}"#),
            bad("empty intent name", r#"{"intent":{"name":""}}"#, "intent.name", EMPTY),
            bad("empty slot name", r#"{"intent":{"name":"I","slots":{"":{}}}}"#, "intent.slots", EMPTY_KEY),
            bad("empty interpreted value", slot(r#"{"value":{"interpretedValue":""}}"#), format!("{SLOT}.value.interpretedValue"), EMPTY),
            bad("empty original value", slot(r#"{"value":{"interpretedValue":"x","originalValue":""}}"#), format!("{SLOT}.value.originalValue"), EMPTY),
            bad("empty resolved value", slot(r#"{"value":{"interpretedValue":"x","resolvedValues":[""]}}"#), format!("{SLOT}.value.resolvedValues[0]"), EMPTY),
            bad("empty sub-slot name", slot(r#"{"subSlots":{"":{}}}"#), format!("{SLOT}.subSlots"), EMPTY_KEY),
            bad("empty slot to elicit", r#"{"dialogAction":{"type":"ElicitSlot","slotToElicit":""}}"#, "dialogAction.slotToElicit", EMPTY),
            bad("empty sub-slot to elicit", elicit(r#"{"name":""}"#), "dialogAction.subSlotToElicit.name", EMPTY),
            bad("empty session attribute key", r#"{"sessionAttributes":{"":"x"}}"#, "sessionAttributes", EMPTY_KEY),
            bad("empty originating request id", r#"{"originatingRequestId":""}"#, "originatingRequestId", EMPTY),
            bad("empty context attribute name", context(r#""c""#, "5", "1", r#"{"":"v"}"#), &attributes, EMPTY_KEY),
            bad("empty context attribute value", context(r#""c""#, "5", "1", r#"{"k":""}"#), format!(r#"{attributes}["k"]"#), EMPTY),
            bad("empty hint phrase", hint_value(""), format!("{HINT}.runtimeHintValues[0].phrase"), EMPTY),
            // Sensitive and bounded text: one past its length, never quoted.
            ok("context attribute value of 1,024 characters", context(r#""c""#, "5", "1", &format!(r#"{{"k":"{}"}}"#, secret(1024)))),
            bad("context attribute value of 1,025 characters", context(r#""c""#, "5", "1", &format!(r#"{{"k":"{}"}}"#, secret(1025))), format!(r#"{attributes}["k"]"#), too_long(1024)),
            bad("context attribute name of 101 characters", context(r#""c""#, "5", "1", &format!(r#"{{"{}":"v"}}"#, "n".repeat(101))), &attributes, ValueRule::Key(TextError::TooLong { max: 100, chars: 101 })),
            bad("hint phrase of 141 characters", hint_value(&secret(141)), format!("{HINT}.runtimeHintValues[0].phrase"), too_long(140)),
            bad("escaped hint phrase of 141 characters", hint_value(&r"\u00e9".repeat(141)), format!("{HINT}.runtimeHintValues[0].phrase"), too_long(140)),
            // Sizes: a map the model does not bound, read whole while it fits the limit.
            ok("100,000 slots", format!(r#"{{"intent":{{"name":"I","slots":{{{}}}}}}}"#, entries(100_000, "{}"))),
            // Unknown members are skipped, however strange (within the JSON reader's depth).
            ok("unknown members", format!(r#"{{"x":[[[{{"y":null}}]]],"intent":{{"name":"I","z":"{SECRET}"}},"{SECRET}":1}}"#)),
            ok("unknown member 100 deep", format!(r#"{{"x":{}}}"#, chain("[", "", "]", 100))),
        ]);
        rows
    }

    /// The body PutSession sends with `state`.
    fn body_of(state: &str) -> Vec<u8> {
        format!(r#"{{"sessionState":{state}}}"#).into_bytes()
    }

    /// The path in a PutSession body of `path` in its state.
    fn in_body(path: &str) -> String {
        if path.is_empty() {
            "sessionState".to_owned()
        } else {
            format!("sessionState.{path}")
        }
    }

    /// The most bytes of an error's `Display` or `Debug` here: a path through every level of
    /// [`MAX_DEPTH`], with its quotes escaped by `Debug`, takes most of a line.
    const MAX_TEXT: usize = 300;

    /// Short, on one line, and never the secret.
    #[track_caller]
    fn assert_quiet(row: &str, what: &str, text: &str) {
        assert!(
            text.len() < MAX_TEXT,
            "{row}: {what} is {} bytes: {:?}",
            text.len(),
            preview(text)
        );
        assert!(
            !text.chars().any(char::is_control),
            "{row}: {what} has a raw control character: {:?}",
            preview(text)
        );
        assert_secret_kept(row, what, text);
    }

    /// Never the secret.
    #[track_caller]
    fn assert_secret_kept(row: &str, what: &str, text: &str) {
        assert!(
            !text.contains(SECRET),
            "{row}: {what} shows the secret: {:?}",
            preview(text)
        );
    }

    #[track_caller]
    fn assert_value(row: &str, what: &str, got: &ValueError, path: &str, rule: &ValueRule) {
        assert_eq!((got.path(), got.rule()), (path, rule), "{row}: {what}");
        assert_eq!(
            got.to_string(),
            match path {
                "" => rule.to_string(),
                _ => format!("{path}: {rule}"),
            },
            "{row}: {what} Display"
        );
        assert_quiet(row, what, &got.to_string());
        assert_quiet(row, &format!("{what} Debug"), &format!("{got:?}"));
    }

    /// What the mock answers `body` with: `want`'s status and, for an error, a Lex V2
    /// `ValidationException` whose message is the error's.
    #[track_caller]
    fn assert_mock(row: &str, body: &[u8], want: Option<&RouteError>) {
        let mut mock = MockService::new();
        let wire = mock.handle("POST", LEX_V2_PATH, &[JSON], body);
        let read = LexV2ServiceError::new(LexV2ErrorKind::Validation);
        match want {
            None => assert_eq!(wire.status(), PUT_ANSWERED, "{row}: mock"),
            Some(want) => {
                assert_eq!(wire.status(), want.http_status(), "{row}: mock status");
                assert_eq!(
                    wire.header("x-amzn-ErrorType"),
                    Some(read.code()),
                    "{row}: mock"
                );
                assert!(
                    wire.body().len() < 512,
                    "{row}: mock body of {}",
                    wire.body().len()
                );
                let err = botsession::LexV2DeleteSessionResponse::from_http(
                    wire.status(),
                    wire.headers(),
                    wire.body(),
                )
                .expect_err("an error answer");
                let ResponseError::Service(e) = &err else {
                    panic!("{row}: mock: {err}")
                };
                assert_eq!(e.kind(), read.kind(), "{row}: mock kind");
                assert_eq!(
                    e.message(),
                    Some(want.to_string().as_str()),
                    "{row}: mock message"
                );
                assert_quiet(row, "mock error", &err.to_string());
            }
        }
    }

    fn check_state(row: &StateRow) {
        let name = row.name.as_str();
        let started = Instant::now();
        match (
            LexV2SessionState::from_json(row.state.as_bytes()),
            &row.want,
        ) {
            (Ok(state), None) => {
                let json = state.to_json();
                assert_eq!(
                    LexV2SessionState::from_json(&json).as_ref(),
                    Ok(&state),
                    "{name}: round trip"
                );
            }
            (Err(LexV2JsonError::Value(e)), Some((path, rule))) => {
                assert_value(name, "from_json", &e, path, rule)
            }
            (got, want) => panic!("{name}: from_json gave {:?}, want {want:?}", got.map(drop)),
        }
        let body = body_of(&row.state);
        let got = LexV2PutSessionRequest::from_request("POST", LEX_V2_PATH, &[JSON], &body);
        match (&got, &row.want) {
            (Ok(request), None) => {
                let again = LexV2PutSessionRequest::from_request(
                    "POST",
                    LEX_V2_PATH,
                    &[JSON],
                    &request.body(),
                );
                assert_eq!(again.as_ref(), Ok(request), "{name}: body round trip");
            }
            (Err(RouteError::Value(e)), Some((path, rule))) => {
                assert_value(name, "PutSession body", e, &in_body(path), rule);
                let err = got.as_ref().unwrap_err();
                assert_eq!(err.http_status(), 400, "{name}");
                assert_quiet(name, "route error", &err.to_string());
                assert_quiet(name, "route error Debug", &format!("{err:?}"));
            }
            (got, want) => panic!(
                "{name}: from_request gave {:?}, want {want:?}",
                got.as_ref().map(drop)
            ),
        }
        #[cfg(feature = "gzip")]
        gzip::check_state_header(row);
        assert_mock(name, &body, got.as_ref().err());
        assert!(started.elapsed() < QUICK, "{name}: {:?}", started.elapsed());
    }

    /// A PutSession body and what reading it must give.
    enum BodyWant {
        Read,
        Value(String, ValueRule),
        Route(RouteError),
    }

    struct BodyRow {
        name: String,
        headers: Vec<(&'static str, Vec<u8>)>,
        body: Vec<u8>,
        want: BodyWant,
    }

    fn body_row(name: impl Into<String>, body: impl Into<Vec<u8>>, want: BodyWant) -> BodyRow {
        BodyRow {
            name: name.into(),
            headers: vec![(JSON.0, JSON.1.into())],
            body: body.into(),
            want,
        }
    }

    fn at(path: &str, rule: ValueRule) -> BodyWant {
        BodyWant::Value(path.to_owned(), rule)
    }

    /// A body with the state `{}` and `members` after it.
    fn with(members: &str) -> Vec<u8> {
        format!(r#"{{"sessionState":{{}},{members}}}"#).into_bytes()
    }

    /// A body with one message, written `message`.
    fn message(message: &str) -> Vec<u8> {
        with(&format!(r#""messages":[{message}]"#))
    }

    /// A body with one message of one card, written `card`.
    fn card(card: &str) -> Vec<u8> {
        message(&format!(
            r#"{{"contentType":"ImageResponseCard","imageResponseCard":{card}}}"#
        ))
    }

    /// `body`, padded with spaces to `len` bytes.
    fn padded(body: &[u8], len: usize) -> Vec<u8> {
        let mut body = body.to_vec();
        body.resize(len, b' ');
        body
    }

    #[rustfmt::skip]
    fn body_rows() -> Vec<BodyRow> {
        use BodyWant::{Read, Route};
        let secret = |n: usize| SECRET.repeat(n.div_ceil(SECRET.len()))[..n].to_owned();
        let syntax = |line, column| Route(RouteError::Body(BodyError::Syntax { line, column }));
        let max = LEX_V2_MAX_JSON_LEN;
        let slots = |n: usize| body_of(&format!(r#"{{"intent":{{"name":"I","slots":{{{}}}}}}}"#, entries(n, "{}")));
        let header = |name: &'static str, value: &[u8], want| BodyRow {
            headers: vec![(JSON.0, JSON.1.into()), (name, value.to_vec())],
            ..body_row(format!("{name}: {}", String::from_utf8_lossy(value)), with(r#""messages":[]"#), want)
        };
        let response_type = |error| Route(RouteError::Header { name: "ResponseContentType", error });
        let button = r#"{"text":"t","value":"v"}"#;
        vec![
            // The members of the body beside the state.
            body_row("10 messages", with(&format!(r#""messages":{}"#, list(10, r#"{"contentType":"PlainText","content":"hi"}"#))), Read),
            body_row("11 messages", with(&format!(r#""messages":{}"#, list(11, r#"{"contentType":"PlainText","content":"hi"}"#))), at("messages", ValueRule::TooMany { max: 10 })),
            body_row("30,000 messages", with(&format!(r#""messages":{}"#, list(30_000, r#"{"contentType":"P"}"#))), at("messages", ValueRule::TooMany { max: 10 })),
            body_row("messages an object", with(r#""messages":{}"#), at("messages", of_type("a list"))),
            body_row("a message a string", message(&format!(r#""{SECRET}""#)), at("messages[0]", of_type("an object"))),
            body_row("a message without a content type", message(r#"{"content":"hi"}"#), at("messages[0].contentType", ValueRule::Missing)),
            body_row("an unknown content type", message(r#"{"contentType":"Hologram"}"#), Read),
            body_row("an empty content type", message(r#"{"contentType":""}"#), Read),
            body_row("content of 1,024 characters", message(&format!(r#"{{"contentType":"PlainText","content":"{}"}}"#, secret(1024))), Read),
            body_row("content of 1,024 four-byte characters", message(&format!(r#"{{"contentType":"PlainText","content":"{}"}}"#, "😀".repeat(1024))), Read),
            body_row("content of 1,025 characters", message(&format!(r#"{{"contentType":"PlainText","content":"{}"}}"#, secret(1025))), at("messages[0].content", too_long(1024))),
            body_row("content of 100,000 characters", message(&format!(r#"{{"contentType":"PlainText","content":"{}"}}"#, secret(100_000))), at("messages[0].content", text(TextError::TooLong { max: 1024, chars: 100_000 }))),
            body_row("empty content", message(r#"{"contentType":"PlainText","content":""}"#), at("messages[0].content", EMPTY)),
            body_row("content a number", message(r#"{"contentType":"PlainText","content":4242}"#), at("messages[0].content", of_type("a string"))),
            body_row("5 buttons", card(&format!(r#"{{"title":"t","buttons":{}}}"#, list(5, button))), Read),
            body_row("6 buttons", card(&format!(r#"{{"title":"t","buttons":{}}}"#, list(6, button))), at("messages[0].imageResponseCard.buttons", ValueRule::TooMany { max: 5 })),
            body_row("a card without a title", card("{}"), at("messages[0].imageResponseCard.title", ValueRule::Missing)),
            body_row("empty card title", card(r#"{"title":""}"#), at("messages[0].imageResponseCard.title", EMPTY)),
            body_row("empty card subtitle", card(r#"{"title":"t","subtitle":""}"#), at("messages[0].imageResponseCard.subtitle", EMPTY)),
            body_row("empty card image", card(r#"{"title":"t","imageUrl":""}"#), at("messages[0].imageResponseCard.imageUrl", EMPTY)),
            body_row("empty button text", card(r#"{"title":"t","buttons":[{"text":"","value":"v"}]}"#), at("messages[0].imageResponseCard.buttons[0].text", EMPTY)),
            body_row("empty button value", card(r#"{"title":"t","buttons":[{"text":"t","value":""}]}"#), at("messages[0].imageResponseCard.buttons[0].value", EMPTY)),
            body_row("card title of 251 characters", card(&format!(r#"{{"title":"{}"}}"#, secret(251))), at("messages[0].imageResponseCard.title", too_long(250))),
            body_row("button text of 51 characters", card(&format!(r#"{{"title":"t","buttons":[{{"text":"{}","value":"v"}}]}}"#, secret(51))), at("messages[0].imageResponseCard.buttons[0].text", too_long(50))),
            body_row("button value of 51 characters", card(&format!(r#"{{"title":"t","buttons":[{{"text":"t","value":"{}"}}]}}"#, secret(51))), at("messages[0].imageResponseCard.buttons[0].value", too_long(50))),
            body_row("buttons an object", card(r#"{"title":"t","buttons":{}}"#), at("messages[0].imageResponseCard.buttons", of_type("a list"))),
            body_row("empty request attribute key", with(r#""requestAttributes":{"":"x"}"#), at("requestAttributes", EMPTY_KEY)),
            body_row("request attribute twice", with(r#""requestAttributes":{"k":"a","k":"b"}"#), at(r#"requestAttributes["k"]"#, ValueRule::Repeated)),
            body_row("a request attribute a number", with(r#""requestAttributes":{"k":1}"#), at(r#"requestAttributes["k"]"#, of_type("a string"))),
            body_row("request attributes a list", with(r#""requestAttributes":[]"#), at("requestAttributes", of_type("an object"))),
            // The body itself.
            body_row("no state", b"{}".to_vec(), at("sessionState", ValueRule::Missing)),
            body_row("the state null", br#"{"sessionState":null}"#.to_vec(), at("sessionState", ValueRule::Missing)),
            body_row("the state twice", br#"{"sessionState":{},"sessionState":{}}"#.to_vec(), at("sessionState", ValueRule::Repeated)),
            body_row("messages twice", with(r#""messages":[],"messages":[]"#), at("messages", ValueRule::Repeated)),
            body_row("an empty body", b"".to_vec(), Route(RouteError::Body(BodyError::Empty))),
            body_row("only whitespace", b" \r\n\t".to_vec(), Route(RouteError::Body(BodyError::Empty))),
            body_row("a list", b"[]".to_vec(), Route(RouteError::Body(BodyError::NotObject))),
            body_row("a string", format!(r#""{SECRET}""#).into_bytes(), Route(RouteError::Body(BodyError::NotObject))),
            body_row("only a brace", b"{".to_vec(), Route(RouteError::Body(BodyError::Truncated))),
            body_row("something after the object", b"{\"sessionState\":{}} x".to_vec(), syntax(1, 21)),
            body_row("a BOM", b"\xef\xbb\xbf{\"sessionState\":{}}".to_vec(), syntax(1, 1)),
            body_row("invalid UTF-8 in a key", b"{\"sessionState\":{\"sessionAttributes\":{\"\xff\":\"x\"}}}".to_vec(), syntax(1, 40)),
            body_row("a lone surrogate in a key", br#"{"sessionState":{"sessionAttributes":{"\ud800":"x"}}}"#.to_vec(), syntax(1, 46)),
            body_row("a raw control character in a key", b"{\"sessionState\":{\"sessionAttributes\":{\"\x1b\":\"x\"}}}".to_vec(), syntax(1, 40)),
            body_row("a number past f64", body_of(&context(r#""c""#, &"9".repeat(400), "1", "{}")), syntax(1, 483)),
            // Skipped without recursion: the size limit bounds the depth.
            body_row("an unknown member 10,000 deep", with(&format!(r#""x":{}"#, chain("[", "", "]", 10_000))), Read),
            body_row("an unknown member 100,000 deep", with(&format!(r#""x":{}"#, chain(r#"{"x":"#, "0", "}", 100_000))), Read),
            body_row("an unknown member 10,000 deep, unclosed", format!(r#"{{"sessionState":{{}},"x":{}"#, "[".repeat(10_000)).into_bytes(), Route(RouteError::Body(BodyError::Truncated))),
            // Sizes: up to the limit read; past it refused before anything is parsed.
            body_row("exactly the limit", padded(br#"{"sessionState":{}}"#, max), Read),
            body_row("one byte past the limit", padded(br#"{"sessionState":{}}"#, max + 1), Route(RouteError::BodyTooLarge { len: max + 1, max })),
            body_row("120,000 slots", slots(120_000), Route(RouteError::BodyTooLarge { len: slots(120_000).len(), max })),
            body_row("10 MiB of braces", vec![b'{'; 10 * MIB], Route(RouteError::BodyTooLarge { len: 10 * MIB, max })),
            // Headers.
            header("ResponseContentType", b"", response_type(FieldError::Text(TextError::TooShort { min: 1, chars: 0 }))),
            header("ResponseContentType", b"text/plain; charset=utf-8", Read),
            header("ResponseContentType", b"audio/\xff", response_type(FieldError::Text(TextError::Character { index: 6 }))),
            BodyRow {
                headers: vec![(JSON.0, JSON.1.into()), ("ResponseContentType", b"a".to_vec()), ("responsecontenttype", b"b".to_vec())],
                ..body_row("ResponseContentType twice", with(r#""messages":[]"#), response_type(FieldError::Repeated))
            },
            BodyRow { headers: vec![], ..body_row("no Content-Type", with(r#""messages":[]"#), Route(RouteError::ContentType { expected: "application/json" })) },
            BodyRow {
                headers: vec![("Content-Type", b"text/plain".to_vec())],
                ..body_row("a text Content-Type", with(r#""messages":[]"#), Route(RouteError::ContentType { expected: "application/json" }))
            },
        ]
    }

    fn check_body(row: &BodyRow) {
        let name = row.name.as_str();
        let started = Instant::now();
        let got =
            LexV2PutSessionRequest::from_request("POST", LEX_V2_PATH, &row.headers, &row.body);
        match (&got, &row.want) {
            (Ok(request), BodyWant::Read) => {
                let headers: Vec<_> = request.headers().collect();
                let again = LexV2PutSessionRequest::from_request(
                    "POST",
                    LEX_V2_PATH,
                    &headers,
                    &request.body(),
                );
                assert_eq!(again.as_ref(), Ok(request), "{name}: round trip");
                assert_secret_kept(name, "Debug", &format!("{request:?}"));
            }
            (Err(RouteError::Value(e)), BodyWant::Value(path, rule)) => {
                assert_value(name, "body", e, path, rule)
            }
            (Err(e), BodyWant::Route(want)) => assert_eq!(e, want, "{name}"),
            (got, _) => panic!("{name}: got {:?}", got.as_ref().map(drop)),
        }
        if let Err(e) = &got {
            assert_quiet(name, "Display", &e.to_string());
            assert_quiet(name, "Debug", &format!("{e:?}"));
        }
        let mut mock = MockService::new();
        let wire = mock.handle("POST", LEX_V2_PATH, &row.headers, &row.body);
        match &got {
            Ok(_) => assert_eq!(wire.status(), PUT_ANSWERED, "{name}: mock"),
            Err(e) => {
                assert_eq!(wire.status(), e.http_status(), "{name}: mock status");
                let err = botsession::LexV2DeleteSessionResponse::from_http(
                    wire.status(),
                    wire.headers(),
                    wire.body(),
                )
                .expect_err("an error answer");
                let ResponseError::Service(s) = &err else {
                    panic!("{name}: mock: {err}")
                };
                assert_eq!(s.kind(), &LexV2ErrorKind::Validation, "{name}: mock kind");
                assert_eq!(
                    s.message(),
                    Some(e.to_string().as_str()),
                    "{name}: mock message"
                );
                assert_quiet(name, "mock error", &err.to_string());
            }
        }
        assert!(started.elapsed() < QUICK, "{name}: {:?}", started.elapsed());
    }

    #[test]
    fn hostile_put_session_bodies() {
        let rows = body_rows();
        assert!(rows.len() >= 55, "{} rows", rows.len());
        for row in &rows {
            check_body(row);
        }
    }

    /// Values the model does not list are kept as received, and written back unchanged.
    #[test]
    fn unknown_enum_values_are_kept() {
        use botsession::{
            LexV2ConfirmationState, LexV2DialogActionType, LexV2IntentState,
            LexV2MessageContentType, LexV2SlotShape, LexV2StyleType,
        };
        let state = br#"{"dialogAction":{"type":"Dance","slotElicitationStyle":"Loud"},"intent":{"name":"I","slots":{"Size":{"shape":"Blob"}},"state":"Sleeping","confirmationState":"Maybe"}}"#;
        let read = LexV2SessionState::from_json(state).expect("open sets");
        let action = read.dialog_action().expect("a dialog action");
        assert_eq!(
            action.action_type(),
            &LexV2DialogActionType::Unknown("Dance".into())
        );
        assert_eq!(
            action.slot_elicitation_style(),
            Some(&LexV2StyleType::Unknown("Loud".into()))
        );
        let intent = read.intent().expect("an intent");
        assert_eq!(
            intent.state(),
            Some(&LexV2IntentState::Unknown("Sleeping".into()))
        );
        assert_eq!(
            intent.confirmation_state(),
            Some(&LexV2ConfirmationState::Unknown("Maybe".into()))
        );
        assert_eq!(
            intent.slots()["Size"].shape(),
            Some(&LexV2SlotShape::Unknown("Blob".into()))
        );
        assert_eq!(read.to_json(), state);
        let body = format!(
            r#"{{"sessionState":{},"messages":[{{"contentType":"Hologram"}}]}}"#,
            String::from_utf8_lossy(state)
        );
        let request =
            LexV2PutSessionRequest::from_request("POST", LEX_V2_PATH, &[JSON], body.as_bytes())
                .expect("open sets");
        assert_eq!(
            request.messages()[0].content_type(),
            &LexV2MessageContentType::Unknown("Hologram".into())
        );
        assert_eq!(request.body(), body.as_bytes());
        #[cfg(feature = "gzip")]
        assert_eq!(LexV2SessionState::from_header(&read.to_header()), Ok(read));
    }

    /// Message content and context attribute values are sensitive: no `Debug` shows them, of
    /// the request, of the state, or of the responses that carry them.
    #[test]
    fn debug_never_shows_sensitive_text() {
        let state = context(r#""c""#, "5", "1", &format!(r#"{{"k":"{SECRET}"}}"#));
        let body = format!(
            r#"{{"sessionState":{state},"messages":[{{"contentType":"PlainText","content":"{SECRET}"}}]}}"#
        );
        let request =
            LexV2PutSessionRequest::from_request("POST", LEX_V2_PATH, &[JSON], body.as_bytes())
                .expect("a valid body");
        assert!(String::from_utf8_lossy(&request.body()).contains(SECRET));
        for (what, debug) in [
            ("request", format!("{request:?}")),
            ("state", format!("{:?}", request.session_state())),
            ("messages", format!("{:?}", request.messages())),
        ] {
            assert!(!debug.contains(SECRET), "{what}: {debug}");
        }
        let get = format!(
            r#"{{"sessionId":"user:42","messages":[{{"contentType":"PlainText","content":"{SECRET}"}}],"sessionState":{state}}}"#
        );
        let read = botsession::LexV2GetSessionResponse::from_http(
            200,
            &[("x-amzn-RequestId", "r")],
            get.as_bytes(),
        )
        .expect("a valid session");
        assert!(
            !format!("{read:?}").contains(SECRET),
            "GetSession: {read:?}"
        );
        #[cfg(feature = "gzip")]
        {
            let mut mock = MockService::new();
            let wire = mock.handle("POST", LEX_V2_PATH, &[JSON], body.as_bytes());
            assert_eq!(wire.status(), 200);
            let read = botsession::LexV2PutSessionResponse::from_http(
                wire.status(),
                wire.headers(),
                wire.body(),
            )
            .expect("the mock's answer");
            assert_eq!(read.session_state(), Some(request.session_state()));
            assert_eq!(read.messages(), request.messages());
            assert!(
                !format!("{read:?}").contains(SECRET),
                "PutSession: {read:?}"
            );
        }
    }

    #[test]
    fn hostile_session_states() {
        let rows = state_rows();
        assert!(rows.len() >= 120, "{} rows", rows.len());
        let null = LexV2SessionState::from_json(b"null").unwrap_err();
        assert_value(
            "state null",
            "from_json",
            null.value_error().expect("a value error"),
            "",
            &of_type("an object"),
        );
        for row in &rows {
            check_state(row);
        }
    }

    /// What the mock answers a valid PutSession: the session in its headers with `gzip`, and
    /// without it the 501 of an operation it does not serve.
    const PUT_ANSWERED: u16 = if cfg!(feature = "gzip") { 200 } else { 501 };

    /// A `null` entry is no entry; the entries around it keep their place in the path, and a
    /// key is given twice whichever of the two is `null`.
    #[test]
    fn null_entries_keep_their_place() {
        let resolved = slot(r#"{"value":{"interpretedValue":"x","resolvedValues":[null,"a",1]}}"#);
        let err = LexV2SessionState::from_json(resolved.as_bytes()).unwrap_err();
        assert_value(
            "null then a number",
            "from_json",
            err.value_error().expect("a value error"),
            &format!("{SLOT}.value.resolvedValues[2]"),
            &of_type("a string"),
        );
        for attributes in [r#"{"k":"v","k":null}"#, r#"{"k":null,"k":"v"}"#] {
            let state = format!(r#"{{"sessionAttributes":{attributes}}}"#);
            let err = LexV2SessionState::from_json(state.as_bytes())
                .map(drop)
                .unwrap_err();
            assert_value(
                attributes,
                "from_json",
                err.value_error().expect("a value error"),
                r#"sessionAttributes["k"]"#,
                &ValueRule::Repeated,
            );
        }
    }

    /// PutSession's response headers: base64 of gzip of JSON, read with every bound.
    #[cfg(feature = "gzip")]
    mod gzip {
        use std::io::Write as _;

        use base64::Engine as _;
        use botsession::{LexV2HeaderError, LexV2PutSessionResponse};

        use super::*;

        const SESSION_STATE: &str = "x-amz-lex-session-state";
        const MESSAGES: &str = "x-amz-lex-messages";
        const REQUEST_ATTRIBUTES: &str = "x-amz-lex-request-attributes";
        const HEADERS: [&str; 3] = [SESSION_STATE, MESSAGES, REQUEST_ATTRIBUTES];

        fn gzip(json: &[u8]) -> Vec<u8> {
            let mut gzip =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gzip.write_all(json).expect("a Vec");
            gzip.finish().expect("a Vec")
        }

        fn base64(bytes: &[u8]) -> String {
            base64::engine::general_purpose::STANDARD.encode(bytes)
        }

        /// `json` as a header carries it.
        fn header(json: &[u8]) -> String {
            base64(&gzip(json))
        }

        /// `len` bytes of `byte`, gzipped a MiB at a time (never held whole), as a header.
        fn bomb(byte: u8, len: usize) -> String {
            let piece = vec![byte; MIB];
            let mut gzip =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            for _ in 0..len / MIB {
                gzip.write_all(&piece).expect("a Vec");
            }
            base64(&gzip.finish().expect("a Vec"))
        }

        /// A 200 with the one header `name: value`.
        fn read(
            name: &str,
            value: &str,
        ) -> Result<LexV2PutSessionResponse, ResponseError<LexV2ServiceError>> {
            LexV2PutSessionResponse::from_http(
                200,
                &[("Content-Type", "text/plain; charset=utf-8"), (name, value)],
                b"",
            )
        }

        /// Reading `value` in `name` is malformed, with `reason`.
        #[track_caller]
        fn assert_malformed(row: &str, name: &str, value: &str, reason: &str) {
            let err = read(name, value).map(drop).expect_err(row);
            let ResponseError::Malformed(m) = &err else {
                panic!("{row}: {err}")
            };
            // The reason is cut at 128 bytes: a long path loses its end, and the rule.
            match m.reason().strip_suffix('…') {
                Some(kept) if reason.len() > 128 => {
                    assert!(reason.starts_with(kept), "{row}: {:?}", m.reason())
                }
                _ => assert_eq!(m.reason(), reason, "{row}: {name}"),
            }
            assert!(
                m.reason().contains(name),
                "{row}: the reason names the header"
            );
            assert_eq!(m.http_status(), 200, "{row}");
            assert_quiet(row, "Display", &err.to_string());
            assert_quiet(row, "Debug", &format!("{err:?}"));
        }

        pub(super) fn check_state_header(row: &StateRow) {
            let name = row.name.as_str();
            let value = header(row.state.as_bytes());
            match (&LexV2SessionState::from_header(&value), &row.want) {
                (Ok(state), None) => {
                    assert_eq!(
                        LexV2SessionState::from_header(&state.to_header()).as_ref(),
                        Ok(state),
                        "{name}: header round trip"
                    );
                    let read = read(SESSION_STATE, &value).expect(name);
                    assert_eq!(read.session_state(), Some(state), "{name}: from_http");
                }
                (
                    Err(
                        err @ LexV2HeaderError::Json {
                            header,
                            error: LexV2JsonError::Value(e),
                        },
                    ),
                    Some((path, rule)),
                ) => {
                    assert_eq!(*header, SESSION_STATE, "{name}");
                    assert_value(name, "header", e, path, rule);
                    assert_quiet(name, "header error", &err.to_string());
                    assert_malformed(name, SESSION_STATE, &value, &err.to_string());
                }
                (got, want) => panic!(
                    "{name}: from_header gave {:?}, want {want:?}",
                    got.as_ref().map(drop)
                ),
            }
        }

        /// What a header must read as: a value, or this error (its text, for the headers
        /// that only `from_http` reads).
        enum HeaderWant {
            Read,
            Error(LexV2HeaderError),
            Reason(String),
        }

        #[rustfmt::skip]
        #[test]
        fn hostile_put_session_headers() {
            use HeaderWant::{Error, Read, Reason};
            let max = LEX_V2_MAX_JSON_LEN;
            let valid = |name: &str| match name {
                MESSAGES => br#"[{"contentType":"PlainText","content":"hi"}]"#.as_slice(),
                _ => br#"{"k":"v"}"#,
            };
            let empty = |name: &str| match name {
                MESSAGES => b"[]".as_slice(),
                _ => b"{}",
            };
            let started = Instant::now();
            let bombs = [("50 MB of spaces", bomb(b' ', 50 * MIB)), ("50 MB of [", bomb(b'[', 50 * MIB))];
            eprintln!("gzip bombs of {} and {} bytes, made in {:?}", bombs[0].1.len(), bombs[1].1.len(), started.elapsed());
            let mut rows: Vec<(String, &str, String, HeaderWant)> = Vec::new();
            for name in HEADERS {
                let mut push = |row: &str, value: String, want| rows.push((format!("{name}: {row}"), name, value, want));
                let good = gzip(valid(name));
                let n = good.len();
                let with = |at: usize, byte: u8| {
                    let mut bad = good.clone();
                    bad[at] ^= byte;
                    base64(&bad)
                };
                push("valid", base64(&good), Read);
                push("empty JSON", header(empty(name)), Read);
                push("not base64", format!("{SECRET}!"), Error(LexV2HeaderError::Base64 { header: name }));
                push("base64 with a space inside", format!("{} {}", &base64(&good)[..4], &base64(&good)[4..]), Error(LexV2HeaderError::Base64 { header: name }));
                push("base64 with a line break", format!("{}\r\n{}", &base64(&good)[..4], &base64(&good)[4..]), Error(LexV2HeaderError::Base64 { header: name }));
                push("base64 without padding", base64(&good).trim_end_matches('=').to_owned(), Error(LexV2HeaderError::Base64 { header: name }));
                push("base64 of text", base64(SECRET.as_bytes()), Error(LexV2HeaderError::Gzip { header: name }));
                push("gzip without its trailer", base64(&good[..n - 8]), Error(LexV2HeaderError::Gzip { header: name }));
                push("gzip cut in half", base64(&good[..n / 2]), Error(LexV2HeaderError::Gzip { header: name }));
                push("gzip header only", base64(&good[..10]), Error(LexV2HeaderError::Gzip { header: name }));
                push("gzip with a bad CRC", with(n - 8, 1), Error(LexV2HeaderError::Gzip { header: name }));
                push("gzip with a bad size", with(n - 1, 1), Error(LexV2HeaderError::Gzip { header: name }));
                push("gzip with a bad magic", with(0, 1), Error(LexV2HeaderError::Gzip { header: name }));
                push("gzip with a corrupt block", with(10, 0xff), Error(LexV2HeaderError::Gzip { header: name }));
                for (row, value) in &bombs {
                    push(row, value.clone(), Error(LexV2HeaderError::TooLarge { header: name, max }));
                }
                push("exactly the limit inflated", header(&padded(empty(name), max)), Read);
                push("one byte past the limit inflated", header(&padded(empty(name), max + 1)), Error(LexV2HeaderError::TooLarge { header: name, max }));
                push("2 MiB of base64", "A".repeat(2 * MIB), Error(LexV2HeaderError::TooLarge { header: name, max }));
                push("not JSON", header(b"x"), Error(LexV2HeaderError::Json { header: name, error: LexV2JsonError::Syntax { line: 1, column: 1 } }));
                push("JSON, then more", header(&[empty(name), b" x"].concat()), Error(LexV2HeaderError::Json { header: name, error: LexV2JsonError::Syntax { line: 1, column: 4 } }));
            }
            let message = |content: &str| format!(r#"{{"contentType":"PlainText","content":"{content}"}}"#);
            let messages = |n: usize| list(n, &message("hi"));
            let m = |row: &str, json: String, want| (format!("{MESSAGES}: {row}"), MESSAGES, header(json.as_bytes()), want);
            let a = |row: &str, json: &str, want| (format!("{REQUEST_ATTRIBUTES}: {row}"), REQUEST_ATTRIBUTES, header(json.as_bytes()), want);
            let reason = |name: &str, text: &str| Reason(format!("header {name}: {text}"));
            rows.extend([
                m("10 messages", messages(10), Read),
                m("11 messages", messages(11), reason(MESSAGES, "more than 10 entries")),
                m("an object", "{}".into(), reason(MESSAGES, "not a list")),
                m("content of 1,025 characters", format!("[{}]", message(&SECRET.repeat(129)[..1025])), reason(MESSAGES, "[0].content: 1025 characters, more than the 1024 allowed")),
                m("10,000-deep lists", chain("[", "", "]", 10_000), reason(MESSAGES, "[0]: not an object")),
                a("an empty key", r#"{"":"v"}"#, reason(REQUEST_ATTRIBUTES, "a key: 0 characters, fewer than the 1 required")),
                a("a key twice", r#"{"k":"a","k":"b"}"#, reason(REQUEST_ATTRIBUTES, r#"["k"]: given more than once"#)),
                a("a value not a string", &format!(r#"{{"k":{{"{SECRET}":1}}}}"#), reason(REQUEST_ATTRIBUTES, r#"["k"]: not a string"#)),
                a("a list", "[]", reason(REQUEST_ATTRIBUTES, "not an object")),
            ]);
            rows.push((
                format!("{SESSION_STATE}: 120,000 slots inflated"),
                SESSION_STATE,
                header(format!(r#"{{"intent":{{"name":"I","slots":{{{}}}}}}}"#, entries(120_000, "{}")).as_bytes()),
                Error(LexV2HeaderError::TooLarge { header: SESSION_STATE, max }),
            ));
            // An empty header is no header; an empty value is no gzip.
            assert_eq!(LexV2SessionState::from_header(""), Err(LexV2HeaderError::Gzip { header: SESSION_STATE }));
            for name in HEADERS {
                let read = read(name, "").expect(name);
                assert_eq!((read.session_state(), read.messages(), read.request_attributes().len()), (None, &[][..], 0), "{name}");
            }
            assert!(rows.len() >= 60, "{} rows", rows.len());
            for (row, name, value, want) in &rows {
                let started = Instant::now();
                match want {
                    Read => {
                        let read = read(name, value).expect(row);
                        let wire = read.render();
                        let again = LexV2PutSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
                        assert_eq!(again.as_ref(), Ok(&read), "{row}: round trip");
                    }
                    Error(error) => {
                        assert_malformed(row, name, value, &error.to_string());
                        if *name == SESSION_STATE {
                            assert_eq!(LexV2SessionState::from_header(value).as_ref(), Err(error), "{row}");
                        }
                    }
                    Reason(reason) => assert_malformed(row, name, value, reason),
                }
                assert!(started.elapsed() < QUICK, "{row}: {:?}", started.elapsed());
            }
        }
    }
}
