//! Hostile input against the three surfaces that read untrusted data: identifier parsing,
//! request-line routing and response classification.
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
