//! The instruction-count driver that `count.sh` runs under callgrind: every case is a function
//! `count::<group>::<case>::run` that performs its operation `n` times on `black_box`ed input, so
//! its inclusive instruction count divided by `n` is the cost of one call. A group is one input:
//! `botsession` and its baselines (the one marked `@base` is the reference of the ratios), side by
//! side in the same run.
//!
//! Before measuring, each selected case runs once through `warm` (another symbol), so that lazy
//! statics, regex caches and the allocator's first growth are not charged to `run`.
//!
//! Usage: `count --list [filter]` prints the groups having a `group/case` that contains `filter`,
//! one manifest line per case (`case <TAB> symbol <TAB> group <TAB> case <TAB> base|- <TAB> n`);
//! `count --group <group>` checks that group's inputs, then runs it alone and prints its manifest.
//! One group per process, so a count does not depend on which groups ran before it.

#[path = "common/samples.rs"]
mod samples;

use std::cell::RefCell;
use std::hint::black_box;
use std::io::{Read as _, Write as _};
use std::sync::LazyLock;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use botsession::{
    AilyAccessToken, AilyAuthorization, AilyDeleteSessionResponse, AilyErrorKind, AilyMessageId,
    AilyRunId, AilyServiceError, AilySessionId, LexBotAlias, LexBotName, LexDeleteSessionRequest,
    LexDeleteSessionResponse, LexRegion, LexUserId, LexV2BotAliasId, LexV2BotId,
    LexV2DeleteSessionRequest, LexV2DeleteSessionResponse, LexV2LocaleId, LexV2SessionId,
    LexV2SessionState,
};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde::de::IgnoredAny;
use serde::Deserialize;

use samples::*;

/// One measured case.
struct Case {
    group: &'static str,
    case: &'static str,
    /// `group::case`: the function is `count::<symbol>::run`.
    symbol: &'static str,
    base: bool,
    n: usize,
    run: fn(usize),
    warm: fn(),
}

/// A group of cases on one input: `group!(name, n, { items } { [@base] case = closure; ... })`
/// defines `mod name` holding the items (lazy statics: the inputs and compiled regexes, built by
/// `warm`) and one module per case (`run` and `warm`), and `name::CASES`. Each `closure` is an
/// expression evaluated once per `run` (cheap: no building there) that returns the operation.
macro_rules! group {
    ($group:ident, $n:expr, { $($item:item)* } { $( $(@$base:ident)? $case:ident = $op:expr; )* }) => {
        mod $group {
            #[allow(unused_imports)]
            use super::*;

            $($item)*

            $(
                pub mod $case {
                    #[allow(unused_imports)]
                    use super::*;

                    #[inline(never)]
                    pub fn run(n: usize) {
                        // A constant of its own, so that no two cases have the same code: LLVM
                        // would merge them into one symbol, and callgrind count both under it.
                        black_box(concat!(stringify!($group), "::", stringify!($case)));
                        let op = $op;
                        for _ in 0..n {
                            let _ = black_box(op());
                        }
                    }

                    #[inline(never)]
                    pub fn warm() {
                        let op = $op;
                        let _ = black_box(op());
                    }
                }
            )*

            pub const CASES: &[Case] = &[$(
                Case {
                    group: stringify!($group),
                    case: stringify!($case),
                    symbol: concat!(stringify!($group), "::", stringify!($case)),
                    base: !stringify!($($base)?).is_empty(),
                    n: $n,
                    run: $case::run,
                    warm: $case::warm,
                },
            )*];
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Group 1: every identifier's `is_valid` and `from_str` on its longest common value, against a
// plain hand-written loop over the same rule, `regex` (anchored, with the length bound where the
// pattern lacks it, as in `ids.rs`) and `regex-lite`.

const SESSION_32: &str = "session_4dfunz7sp1g8m4dfunz7sp1g";
const MESSAGE_32: &str = "message_4dfunz7sp1g8m4dfunz7sp1g";
const RUN_32: &str = "run_4dfunz7sp1g8m4dfunz7sp1g8m4d";
/// An 8 KiB token, the longest the rule takes, with padding.
static TOKEN_8K: LazyLock<String> = LazyLock::new(|| {
    let body = "u-7f1bcd13fc57d46bac21793a18e560".repeat(256);
    format!("{}==", &body[..8190])
});
/// A tenant token as Feishu issues them: `t-` and 41 symbols.
const TOKEN_43: &str = "t-g1044ab3ZXQ5MJKLNBG7RAF2SUDHW3PQ4YKE6O7X";
/// `Bearer ` and a 122-byte user token.
static AUTHORIZATION_129: LazyLock<String> =
    LazyLock::new(|| format!("Bearer u-{}", "7f1bcd13fc57d46bac21793a18e560".repeat(4)));
static USER_100: LazyLock<String> = LazyLock::new(|| {
    format!("user:{}", "6f1c2d4e-9b8a-4c3d-8e7f-0a1b2c3d4e5f.".repeat(3))[..100].to_owned()
});
/// 50 bytes, letters with single underscores.
const BOT_NAME_50: &str = "Order_Flowers_Bot_For_The_Spring_Campaign_In_Paris";
/// 100 bytes, letters with single underscores.
static BOT_ALIAS_100: LazyLock<String> =
    LazyLock::new(|| "Production_Alias_".repeat(6)[..100].to_owned());
const REGION: &str = "ap-southeast-2";
const V2_BOT_ID: &str = "ABCDE12345";
const V2_ALIAS_ID: &str = "TSTALIASID";
const V2_LOCALE: &str = "es_419";
static V2_SESSION_100: LazyLock<String> = LazyLock::new(|| USER_100.clone());

fn regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).unwrap()
}

fn regex_lite(pattern: &str) -> regex_lite::Regex {
    regex_lite::Regex::new(pattern).unwrap()
}

// The naive loops: what a careful user writes by hand for each rule, nothing cleverer.

#[inline(always)]
fn naive_aily(s: &str, prefix: &str, max_symbols: usize) -> bool {
    let b = s.as_bytes();
    b.len() > prefix.len()
        && b.len() <= prefix.len() + max_symbols
        && b.starts_with(prefix.as_bytes())
        && b[prefix.len()..].iter().all(
            |&c| matches!(c, b'0'..=b'9' | b'a'..=b'h' | b'j' | b'k' | b'm' | b'n' | b'p'..=b'z'),
        )
}

#[inline(always)]
fn naive_user(s: &str) -> bool {
    (2..=100).contains(&s.len())
        && s != ".."
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b':' | b'-'))
}

/// `^([A-Za-z]_?)+$` (or with digits, for the V2 locale) and a length bound.
#[inline(always)]
fn naive_name(s: &str, min: usize, max: usize, digits: bool) -> bool {
    if s.len() < min || s.len() > max {
        return false;
    }
    // No `_` first, none after another.
    let mut after_sep = true;
    for c in s.bytes() {
        if c.is_ascii_alphabetic() || (digits && c.is_ascii_digit()) {
            after_sep = false;
        } else if c == b'_' && !after_sep {
            after_sep = true;
        } else {
            return false;
        }
    }
    true
}

#[inline(always)]
fn naive_region(s: &str) -> bool {
    (1..=32).contains(&s.len())
        && s.bytes()
            .all(|c| matches!(c, b'a'..=b'z' | b'0'..=b'9' | b'-'))
}

#[inline(always)]
fn naive_v2_id(s: &str) -> bool {
    s.len() == 10 && s.bytes().all(|c| c.is_ascii_alphanumeric())
}

/// RFC 6750 `b64token`: one or more of the class, then any number of `=`.
#[inline(always)]
fn naive_token(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 8192 {
        return false;
    }
    let body = b
        .iter()
        .position(|&c| {
            !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~' | b'+' | b'/'))
        })
        .unwrap_or(b.len());
    body > 0 && b[body..].iter().all(|&c| c == b'=')
}

#[inline(always)]
fn naive_authorization(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() <= 8199
        && b.len() > 7
        && b[..6].eq_ignore_ascii_case(b"bearer")
        && b[6] == b' '
        && naive_token(&s[7..])
}

/// One identifier group: `is_valid`, `from_str`, the naive loop (the reference) and the naive
/// loop plus the `String` a `from_str` would make, `regex` and `regex-lite`.
macro_rules! id_group {
    ($group:ident, $ty:ty, $input:expr, $naive:expr, $pattern:expr, $len:expr) => {
        group!($group, 1000, {
            static RE: LazyLock<regex::Regex> = LazyLock::new(|| regex($pattern));
            static RE_LITE: LazyLock<regex_lite::Regex> = LazyLock::new(|| regex_lite($pattern));

            /// Every contender accepts the input: a count of a rejection would compare nothing.
            pub fn check() {
                let s: &str = &$input;
                assert!(<$ty>::is_valid(s), "{}: is_valid", stringify!($group));
                assert!(s.parse::<$ty>().is_ok(), "{}: from_str", stringify!($group));
                assert!($naive(s), "{}: naive loop", stringify!($group));
                assert!($len.contains(&s.len()) && RE.is_match(s), "{}: regex", stringify!($group));
                assert!(
                    $len.contains(&s.len()) && RE_LITE.is_match(s),
                    "{}: regex-lite",
                    stringify!($group)
                );
            }
        } {
            is_valid = {
                let s: &str = &$input;
                move || <$ty>::is_valid(black_box(s))
            };
            from_str = {
                let s: &str = &$input;
                move || black_box(s).parse::<$ty>()
            };
            @base naive_loop = {
                let s: &str = &$input;
                move || $naive(black_box(s))
            };
            naive_loop_owned = {
                let s: &str = &$input;
                move || {
                    let s = black_box(s);
                    $naive(s).then(|| s.to_owned())
                }
            };
            re_full = {
                let (s, re, len): (&str, &regex::Regex, _) = (&$input, &RE, $len);
                move || {
                    let s = black_box(s);
                    len.contains(&s.len()) && re.is_match(s)
                }
            };
            re_lite = {
                let (s, re, len): (&str, &regex_lite::Regex, _) = (&$input, &RE_LITE, $len);
                move || {
                    let s = black_box(s);
                    len.contains(&s.len()) && re.is_match(s)
                }
            };
        });
    };
}

const ANY: std::ops::RangeInclusive<usize> = 0..=usize::MAX;

id_group!(
    aily_session_32,
    AilySessionId,
    SESSION_32,
    |s| naive_aily(s, "session_", 24),
    SESSION_RE,
    ANY
);
id_group!(
    aily_message_32,
    AilyMessageId,
    MESSAGE_32,
    |s| naive_aily(s, "message_", 24),
    MESSAGE_RE,
    ANY
);
id_group!(
    aily_run_32,
    AilyRunId,
    RUN_32,
    |s| naive_aily(s, "run_", 28),
    RUN_RE,
    ANY
);
id_group!(
    aily_token_8k,
    AilyAccessToken,
    *TOKEN_8K,
    naive_token,
    TOKEN_RE,
    1..=8192
);
id_group!(
    aily_token_43,
    AilyAccessToken,
    TOKEN_43,
    naive_token,
    TOKEN_RE,
    1..=8192
);
id_group!(
    aily_authorization_129,
    AilyAuthorization,
    *AUTHORIZATION_129,
    naive_authorization,
    AUTHORIZATION_RE,
    8..=8199
);
id_group!(lex_user_100, LexUserId, *USER_100, naive_user, USER_RE, ANY);
id_group!(
    lex_bot_name_50,
    LexBotName,
    BOT_NAME_50,
    |s| naive_name(s, 2, 50, false),
    NAME_RE,
    2..=50
);
id_group!(
    lex_bot_alias_100,
    LexBotAlias,
    *BOT_ALIAS_100,
    |s: &str| s == "$LATEST" || naive_name(s, 1, 100, false),
    ALIAS_RE,
    1..=100
);
id_group!(lex_region, LexRegion, REGION, naive_region, REGION_RE, ANY);
id_group!(
    lex_v2_bot_id,
    LexV2BotId,
    V2_BOT_ID,
    naive_v2_id,
    V2_ID_RE,
    ANY
);
id_group!(
    lex_v2_bot_alias_id,
    LexV2BotAliasId,
    V2_ALIAS_ID,
    naive_v2_id,
    V2_ID_RE,
    ANY
);
id_group!(
    lex_v2_locale,
    LexV2LocaleId,
    V2_LOCALE,
    |s| naive_name(s, 5, 6, true),
    V2_LOCALE_RE,
    5..=6
);
id_group!(
    lex_v2_session_100,
    LexV2SessionId,
    *V2_SESSION_100,
    naive_user,
    USER_RE,
    ANY
);

// ---------------------------------------------------------------------------------------------
// Group 2: `from_http` against a plain derive into the same fields with `serde_json::from_slice`,
// checking nothing. Every baseline also reads the headers whose values the response keeps (found
// by name, in any case: the request or log id; for errors the code and the wait too), since
// those are fields of the same value; `body_only` shows the derive alone.

const AILY_OK: &[u8] = include_bytes!("../tests/fixtures/aily_delete_session_success.json");
const AILY_PARAM_INVALID: &[u8] =
    include_bytes!("../tests/fixtures/aily_delete_session_param_invalid.json");
const AILY_SCOPE_MISSING: &[u8] =
    include_bytes!("../tests/fixtures/aily_scope_missing_full_error.json");
const AILY_HEADERS: [(&str, &str); 1] = [("X-Tt-Logid", "202407081631120A1B2C3D4E5F60718293")];

const LEX_OK: &[u8] = include_bytes!("../tests/fixtures/lex_delete_session_success.json");
const LEX_CONFLICT: &[u8] = include_bytes!("../tests/fixtures/lex_conflict_exception.json");
const LEX_HEADERS: [(&str, &str); 1] =
    [("x-amzn-RequestId", "5f1e2d3c-0000-4000-8000-000000000000")];

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainLexOk {
    bot_alias: Option<String>,
    bot_name: Option<String>,
    session_id: Option<String>,
    user_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainLexV2Ok {
    bot_id: Option<String>,
    bot_alias_id: Option<String>,
    locale_id: Option<String>,
    session_id: Option<String>,
}

/// The fields of an AWS error body the crate reads (the code may be in the body, under one of
/// two names, and the message under one of three).
#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainAwsError {
    code: Option<String>,
    #[serde(rename = "__type")]
    type_: Option<String>,
    message: Option<String>,
    #[serde(rename = "Message")]
    message_upper: Option<String>,
    #[serde(rename = "errorMessage")]
    error_message: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainAily {
    code: i64,
    msg: String,
    data: Option<IgnoredAny>,
    error: Option<PlainAilyError>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainAilyError {
    log_id: Option<String>,
    troubleshooter: Option<String>,
    #[serde(default)]
    field_violations: Vec<PlainFieldViolation>,
    #[serde(default)]
    permission_violations: Vec<PlainPermissionViolation>,
    #[serde(default)]
    helps: Vec<PlainHelp>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainFieldViolation {
    field: Option<String>,
    value: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainPermissionViolation {
    #[serde(rename = "type")]
    kind: Option<String>,
    subject: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainHelp {
    url: Option<String>,
    description: Option<String>,
}

/// A header's value, its name matched in any case.
#[inline(always)]
fn header<'a>(headers: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
}

/// The fields of an AWS error, kept as received.
#[allow(dead_code)]
struct PlainAwsErrorFields {
    code: String,
    request_id: Option<String>,
    wait_ms: Option<u64>,
    message: Option<String>,
}

/// The AWS error the naive way: the code before the first `:` of `x-amzn-ErrorType`, the
/// request id, the wait in milliseconds, the body's message.
#[inline(always)]
fn plain_aws_error(headers: &[(&str, &str)], body: &[u8]) -> Option<PlainAwsErrorFields> {
    let error: PlainAwsError = serde_json::from_slice(body).ok()?;
    let code = header(headers, "x-amzn-ErrorType")?
        .split(':')
        .next()?
        .to_owned();
    let request_id = header(headers, "x-amzn-RequestId").map(str::to_owned);
    let wait_ms = header(headers, "x-amz-retry-after").and_then(|v| v.parse().ok());
    Some(PlainAwsErrorFields {
        code,
        request_id,
        wait_ms,
        message: error.message,
    })
}

group!(lex_from_http_success, 1000, {} {
    from_http = || LexDeleteSessionResponse::from_http(200, &LEX_HEADERS, black_box(LEX_OK));
    @base plain_derive = || {
        let request_id = header(&LEX_HEADERS, "x-amzn-RequestId").map(str::to_owned);
        (serde_json::from_slice::<PlainLexOk>(black_box(LEX_OK)).ok(), request_id)
    };
    body_only = || serde_json::from_slice::<PlainLexOk>(black_box(LEX_OK)).ok();
});
group!(lex_from_http_conflict, 1000, {} {
    from_http = || {
        LexDeleteSessionResponse::from_http(409, &LEX_CONFLICT_HEADERS, black_box(LEX_CONFLICT))
    };
    @base plain_derive = || plain_aws_error(&LEX_CONFLICT_HEADERS, black_box(LEX_CONFLICT));
});
group!(lex_v2_from_http_success, 1000, {} {
    from_http = || LexV2DeleteSessionResponse::from_http(200, &LEX_HEADERS, black_box(LEX_V2_OK));
    @base plain_derive = || {
        let request_id = header(&LEX_HEADERS, "x-amzn-RequestId").map(str::to_owned);
        (serde_json::from_slice::<PlainLexV2Ok>(black_box(LEX_V2_OK)).ok(), request_id)
    };
    body_only = || serde_json::from_slice::<PlainLexV2Ok>(black_box(LEX_V2_OK)).ok();
});
group!(lex_v2_from_http_throttled, 1000, {} {
    from_http = || {
        LexV2DeleteSessionResponse::from_http(
            429,
            &LEX_V2_THROTTLED_HEADERS,
            black_box(LEX_V2_THROTTLED),
        )
    };
    @base plain_derive = || plain_aws_error(&LEX_V2_THROTTLED_HEADERS, black_box(LEX_V2_THROTTLED));
});
group!(aily_from_http_success, 1000, {} {
    from_http = || AilyDeleteSessionResponse::from_http(200, &AILY_HEADERS, black_box(AILY_OK));
    @base plain_derive = || {
        let log_id = header(&AILY_HEADERS, "X-Tt-Logid").map(str::to_owned);
        (serde_json::from_slice::<PlainAily>(black_box(AILY_OK)).ok(), log_id)
    };
    body_only = || serde_json::from_slice::<PlainAily>(black_box(AILY_OK)).ok();
});
group!(aily_from_http_param_invalid, 1000, {} {
    from_http = || {
        AilyDeleteSessionResponse::from_http(400, &AILY_HEADERS, black_box(AILY_PARAM_INVALID))
    };
    @base plain_derive = || {
        let log_id = header(&AILY_HEADERS, "X-Tt-Logid").map(str::to_owned);
        (serde_json::from_slice::<PlainAily>(black_box(AILY_PARAM_INVALID)).ok(), log_id)
    };
});
group!(aily_from_http_scope_missing, 1000, {} {
    from_http = || {
        AilyDeleteSessionResponse::from_http(403, &AILY_HEADERS, black_box(AILY_SCOPE_MISSING))
    };
    @base plain_derive = || {
        let log_id = header(&AILY_HEADERS, "X-Tt-Logid").map(str::to_owned);
        (serde_json::from_slice::<PlainAily>(black_box(AILY_SCOPE_MISSING)).ok(), log_id)
    };
});

// ---------------------------------------------------------------------------------------------
// Group 3: `from_route` against a bare split on `/` that picks the labels (as `protocol.rs`'s
// `split_no_validation`: checks nothing, decodes nothing).

group!(lex_from_route, 1000, {} {
    from_route = || LexDeleteSessionRequest::from_route(black_box("DELETE"), black_box(LEX_PATH));
    @base split = || {
        let s: Vec<&str> = black_box(LEX_PATH).split('/').collect();
        (s.len() == 8 && s[1] == "bot" && s[3] == "alias" && s[5] == "user")
            .then(|| (s[2].to_owned(), s[4].to_owned(), s[6].to_owned()))
    };
});
group!(lex_v2_from_route, 1000, {} {
    from_route = || {
        LexV2DeleteSessionRequest::from_route(black_box("DELETE"), black_box(LEX_V2_PATH))
    };
    @base split = || {
        let s: Vec<&str> = black_box(LEX_V2_PATH).split('/').collect();
        (s.len() == 9
            && s[1] == "bots"
            && s[3] == "botAliases"
            && s[5] == "botLocales"
            && s[7] == "sessions")
            .then(|| {
                (
                    s[2].to_owned(),
                    s[4].to_owned(),
                    s[6].to_owned(),
                    s[8].to_owned(),
                )
            })
    };
});

// ---------------------------------------------------------------------------------------------
// Group 4: a request deserialized with an `AilySessionId` field against a `String` field.

const REQUEST_JSON: &str = r#"{"aily_session_id":"session_4dfunz7sp1g8m"}"#;

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainRequest {
    aily_session_id: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct TypedRequest {
    aily_session_id: AilySessionId,
}

group!(deserialize_request, 1000, {} {
    aily_session_id_field = || serde_json::from_str::<TypedRequest>(black_box(REQUEST_JSON)).ok();
    @base string_field = || serde_json::from_str::<PlainRequest>(black_box(REQUEST_JSON)).ok();
});

// ---------------------------------------------------------------------------------------------
// Group 4b: Aily's create body read (`from_request`: the request line, `Content-Type` and the
// body with its rules) against a plain derive of the same two fields with `serde_json`, checking
// nothing; and the session response written (`render`: the envelope with the session, its
// status and headers) against `serde_json::to_vec` of a plain derive of the same envelope.

const CREATE_PATH: &str = "/open-apis/aily/v1/sessions";
const CREATE_HEADERS: [(&str, &str); 2] = [
    ("Content-Type", "application/json; charset=utf-8"),
    ("Authorization", "Bearer t-g1044qeGEDXTB6NDJOGV4JQX"),
];
/// A typical body: short JSON texts, as the docs' examples send.
const CREATE_BODY: &[u8] = br#"{"channel_context":"{\"channel\":\"web\",\"tenant\":\"t-42\"}","metadata":"{\"lang\":\"zh\",\"user\":\"ou_5ad573a6411d72b8305fda3a9c15c70e\"}"}"#;

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainCreate {
    #[serde(default)]
    channel_context: Option<String>,
    #[serde(default)]
    metadata: Option<String>,
}

/// Both fields at their limit: 255 characters of Chinese each (765 bytes).
static CREATE_BODY_LONG: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let text = "会".repeat(255);
    format!(r#"{{"channel_context":"{text}","metadata":"{text}"}}"#).into_bytes()
});

group!(aily_create_body, 1000, {} {
    from_request = || botsession::AilyCreateSessionRequest::from_request(
        "POST", CREATE_PATH, black_box(&CREATE_HEADERS), black_box(CREATE_BODY),
    ).ok();
    @base plain_derive = || serde_json::from_slice::<PlainCreate>(black_box(CREATE_BODY)).ok();
});

group!(aily_create_body_255_chars, 1000, {} {
    from_request = || botsession::AilyCreateSessionRequest::from_request(
        "POST", CREATE_PATH, black_box(&CREATE_HEADERS), black_box(CREATE_BODY_LONG.as_slice()),
    ).ok();
    @base plain_derive = || serde_json::from_slice::<PlainCreate>(black_box(CREATE_BODY_LONG.as_slice())).ok();
});

/// The session of the docs' example.
fn sample_session() -> botsession::AilySession {
    botsession::AilySession::new(
        AilySessionId::from_static("session_4dfunz7sp1g8m"),
        1_711_975_665_710,
    )
    .with_created_by("1794840334557292")
    .with_channel_context("{}".parse().expect("short"))
    .with_metadata(r#"{"lang":"zh"}"#.parse().expect("short"))
}

static SESSION_RESPONSE: LazyLock<botsession::AilyGetSessionResponse> =
    LazyLock::new(|| botsession::AilyGetSessionResponse::new(sample_session()));

#[derive(serde::Serialize)]
struct PlainEnvelope<'a> {
    code: i64,
    msg: &'a str,
    data: PlainData<'a>,
}

#[derive(serde::Serialize)]
struct PlainData<'a> {
    session: PlainSession<'a>,
}

/// The session as a plain derive writes it: the timestamps as strings through `collect_str`,
/// as serde users write a string-encoded integer.
#[derive(serde::Serialize)]
struct PlainSession<'a> {
    id: &'a str,
    #[serde(serialize_with = "as_string")]
    created_at: i64,
    #[serde(serialize_with = "as_string")]
    modified_at: i64,
    created_by: &'a str,
    channel_context: &'a str,
    metadata: &'a str,
}

fn as_string<S: serde::Serializer>(n: &i64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(n)
}

static PLAIN_ENVELOPE: LazyLock<PlainEnvelope<'static>> = LazyLock::new(|| PlainEnvelope {
    code: 0,
    msg: "success",
    data: PlainData {
        session: PlainSession {
            id: "session_4dfunz7sp1g8m",
            created_at: 1_711_975_665_710,
            modified_at: 1_711_975_665_710,
            created_by: "1794840334557292",
            channel_context: "{}",
            metadata: r#"{"lang":"zh"}"#,
        },
    },
});

group!(aily_session_render, 1000, {} {
    render = || black_box(&*SESSION_RESPONSE).render();
    @base plain_to_vec = || serde_json::to_vec(black_box(&*PLAIN_ENVELOPE)).ok();
});

// ---------------------------------------------------------------------------------------------
// Group 5: constant time. Every kind's `from_str` on a 1 MiB value of its own alphabet, against
// the same value one byte past the rule's maximum: a ratio of 1 is a rejection by length alone.

const MIB: usize = 1 << 20;

/// `prefix` then `fill` up to `len` bytes.
fn filled(prefix: &str, fill: &str, len: usize) -> String {
    let mut s = String::from(prefix);
    while s.len() < len {
        s.push_str(fill);
    }
    s.truncate(len);
    s
}

macro_rules! too_long_group {
    ($group:ident, $ty:ty, $prefix:expr, $fill:expr, $max:expr) => {
        group!($group, 100, {
            static ONE_MIB: LazyLock<String> = LazyLock::new(|| filled($prefix, $fill, MIB));
            static MAX_PLUS_ONE: LazyLock<String> =
                LazyLock::new(|| filled($prefix, $fill, $max + 1));

            /// Both inputs are rejected, and only for their length: the same value at the
            /// maximum is valid.
            pub fn check() {
                assert!(ONE_MIB.parse::<$ty>().is_err(), "{}: 1 MiB", stringify!($group));
                assert!(MAX_PLUS_ONE.parse::<$ty>().is_err(), "{}: max + 1", stringify!($group));
                assert!(
                    MAX_PLUS_ONE[..$max].parse::<$ty>().is_ok(),
                    "{}: the same value at the maximum",
                    stringify!($group)
                );
            }
        } {
            one_mib = {
                let s = ONE_MIB.as_str();
                move || black_box(s).parse::<$ty>()
            };
            @base max_plus_one = {
                let s = MAX_PLUS_ONE.as_str();
                move || black_box(s).parse::<$ty>()
            };
        });
    };
}

too_long_group!(too_long_aily_session, AilySessionId, "session_", "4d", 32);
too_long_group!(too_long_aily_message, AilyMessageId, "message_", "4d", 32);
too_long_group!(too_long_aily_run, AilyRunId, "run_", "4d", 32);
too_long_group!(too_long_aily_token, AilyAccessToken, "u-", "7f1b", 8192);
too_long_group!(
    too_long_aily_authorization,
    AilyAuthorization,
    "Bearer u-",
    "7f1b",
    8199
);
too_long_group!(too_long_lex_user, LexUserId, "user:", "6f1c", 100);
too_long_group!(too_long_lex_bot_name, LexBotName, "", "Order_", 50);
too_long_group!(too_long_lex_bot_alias, LexBotAlias, "", "Alias_", 100);
too_long_group!(too_long_lex_region, LexRegion, "", "eu-west-", 32);
too_long_group!(too_long_lex_v2_bot_id, LexV2BotId, "", "ABCDE12345", 10);
too_long_group!(
    too_long_lex_v2_bot_alias_id,
    LexV2BotAliasId,
    "",
    "TSTALIASID",
    10
);
too_long_group!(too_long_lex_v2_locale, LexV2LocaleId, "", "es_419", 6);
too_long_group!(
    too_long_lex_v2_session,
    LexV2SessionId,
    "user:",
    "6f1c",
    100
);

// ---------------------------------------------------------------------------------------------
// Group 6: what the vectorised path is worth: `is_valid` on the rules with neither separator nor
// padding, against the plain table loop the engine would otherwise run (a `[bool; 256]` lookup
// per byte, the `ByteSet` equivalent), with the same length and prefix checks.

const fn table(ranges: &[(u8, u8)], except: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut r = 0;
    while r < ranges.len() {
        let mut c = ranges[r].0;
        while c <= ranges[r].1 {
            t[c as usize] = true;
            c += 1;
        }
        r += 1;
    }
    let mut e = 0;
    while e < except.len() {
        t[except[e] as usize] = false;
        e += 1;
    }
    t
}

static AILY_TABLE: [bool; 256] = table(&[(b'0', b'9'), (b'a', b'z')], b"ilo");
static USER_TABLE: [bool; 256] = table(
    &[
        (b'0', b'9'),
        (b'a', b'z'),
        (b'A', b'Z'),
        (b'.', b'.'),
        (b'_', b'_'),
        (b':', b':'),
        (b'-', b'-'),
    ],
    b"",
);

#[inline(always)]
fn table_loop(s: &[u8], t: &[bool; 256]) -> bool {
    s.iter().all(|&c| t[c as usize])
}

/// `AilySessionId`'s rule with the table loop.
#[inline(always)]
fn table_session(s: &str) -> bool {
    let s = s.as_bytes();
    (9..=32).contains(&s.len()) && s.starts_with(b"session_") && table_loop(&s[8..], &AILY_TABLE)
}

/// `LexUserId`'s rule with the table loop.
#[inline(always)]
fn table_user(s: &str) -> bool {
    (2..=100).contains(&s.len()) && s != ".." && table_loop(s.as_bytes(), &USER_TABLE)
}

group!(vector_aily_session_32, 1000, {} {
    is_valid = || AilySessionId::is_valid(black_box(SESSION_32));
    @base table_loop = || table_session(black_box(SESSION_32));
});
group!(vector_lex_user_100, 1000, {} {
    is_valid = {
        let s = USER_100.as_str();
        move || LexUserId::is_valid(black_box(s))
    };
    @base table_loop = {
        let s = USER_100.as_str();
        move || table_user(black_box(s))
    };
});

// ---------------------------------------------------------------------------------------------
// Group 7: what the engine's separator and padding fast paths are worth. `is_valid` on the rules
// with a separator (`([A-Za-z]_?)+`) or padding (b64token `[…]+=*`), against the plain walk that
// `check` runs when its fast path says no. `check` is private, so both contenders are copies of
// `src/id/engine.rs` in `engine` below: `fast_path` is its `check` (through `accepts`, `doubled`
// and the block scans), `walk` the same `check` with the fast path taken out (the length, the
// listed literals, `walk`, the reserved literals). `is_valid` is the crate's own, to show that
// the copy counts what the crate runs.

/// A copy of `src/id/engine.rs` (its `ByteSet`, `Rule`, `check`, `accepts`, `doubled` and
/// `walk`, with the same attributes) and of the rules that have a separator or padding, from
/// `src/id/rules.rs`; `check_walk` is `check` without its fast path.
mod engine {
    use botsession::IdRule;

    #[derive(Clone, Copy)]
    pub struct ByteSet {
        table: [bool; 256],
        lo: [u8; MAX_RUNS],
        span: [u8; MAX_RUNS],
        desc: &'static str,
    }

    const MAX_RUNS: usize = 8;

    impl ByteSet {
        const fn new(desc: &'static str) -> Self {
            ByteSet {
                table: [false; 256],
                lo: [0; MAX_RUNS],
                span: [0; MAX_RUNS],
                desc,
            }
        }

        const fn named(mut self, desc: &'static str) -> Self {
            self.desc = desc;
            self
        }

        const fn range(mut self, lo: u8, hi: u8) -> Self {
            let mut b = lo as usize;
            while b <= hi as usize {
                self.table[b] = true;
                b += 1;
            }
            self.runs()
        }

        const fn bytes(mut self, bytes: &[u8]) -> Self {
            let mut i = 0;
            while i < bytes.len() {
                self.table[bytes[i] as usize] = true;
                i += 1;
            }
            self.runs()
        }

        const fn runs(mut self) -> Self {
            let mut n = 0;
            let mut b = 0;
            while b < 256 {
                if self.table[b] && (b == 0 || !self.table[b - 1]) {
                    let mut end = b;
                    while end + 1 < 256 && self.table[end + 1] {
                        end += 1;
                    }
                    assert!(n < MAX_RUNS, "byte set has too many runs");
                    self.lo[n] = b as u8;
                    self.span[n] = (end - b) as u8;
                    n += 1;
                }
                b += 1;
            }
            assert!(n > 0, "byte set is empty");
            while n < MAX_RUNS {
                self.lo[n] = self.lo[0];
                self.span[n] = self.span[0];
                n += 1;
            }
            self
        }

        #[inline(always)]
        const fn contains(&self, b: u8) -> bool {
            self.table[b as usize]
        }

        #[inline(always)]
        const fn contains_all(&self, s: &[u8]) -> bool {
            let mut ok = true;
            let mut rest = s;
            if s.len() < LANES {
                while let Some((&b, tail)) = rest.split_first() {
                    ok &= self.contains(b);
                    rest = tail;
                }
                return ok;
            }
            let mut lanes = [true; LANES];
            while let Some((block, tail)) = rest.split_first_chunk::<LANES>() {
                self.contains_block(block, &mut lanes);
                rest = tail;
            }
            if !rest.is_empty() {
                if let Some((_, last)) = s.split_last_chunk::<LANES>() {
                    self.contains_block(last, &mut lanes);
                }
            }
            let mut k = 0;
            while k < LANES {
                ok &= lanes[k];
                k += 1;
            }
            ok
        }

        #[inline(always)]
        const fn contains_block(&self, block: &[u8; LANES], lanes: &mut [bool; LANES]) {
            let mut k = 0;
            while k < LANES {
                lanes[k] &= self.contains_ranges(block[k]);
                k += 1;
            }
        }

        #[inline(always)]
        const fn contains_ranges(&self, b: u8) -> bool {
            let mut hit = false;
            let mut k = 0;
            while k < MAX_RUNS {
                hit |= b.wrapping_sub(self.lo[k]) <= self.span[k];
                k += 1;
            }
            hit
        }
    }

    const LANES: usize = 16;

    #[derive(Clone, Copy)]
    pub struct Rule {
        min_len: usize,
        max_len: usize,
        prefix: &'static str,
        first: ByteSet,
        body: ByteSet,
        sep: Option<u8>,
        pad: Option<ByteSet>,
        accept: &'static [&'static str],
        reserve: &'static [Reserved],
    }

    #[derive(Clone, Copy)]
    pub struct Reserved {
        literal: &'static str,
        reason: &'static str,
    }

    impl Rule {
        const fn class(min_len: usize, max_len: usize, set: ByteSet) -> Rule {
            Rule {
                min_len,
                max_len,
                prefix: "",
                first: set,
                body: set,
                sep: None,
                pad: None,
                accept: &[],
                reserve: &[],
            }
        }
    }

    #[allow(dead_code)]
    pub struct Fault {
        rule: IdRule,
        index: usize,
        expected: &'static str,
    }

    impl Fault {
        const LENGTH: Fault = Fault::whole(IdRule::Length, "");

        const fn whole(rule: IdRule, expected: &'static str) -> Fault {
            Fault {
                rule,
                index: 0,
                expected,
            }
        }
    }

    const fn eq_bytes(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    #[inline(always)]
    const fn same_bytes(mut a: &[u8], mut b: &[u8]) -> bool {
        let mut diff = 0u8;
        while let (Some((x, a_rest)), Some((y, b_rest))) = (a.split_first(), b.split_first()) {
            diff |= *x ^ *y;
            a = a_rest;
            b = b_rest;
        }
        diff == 0
    }

    const fn listed(list: &[&str], s: &[u8]) -> bool {
        let mut i = 0;
        while i < list.len() {
            if eq_bytes(list[i].as_bytes(), s) {
                return true;
            }
            i += 1;
        }
        false
    }

    const fn reserved(list: &[Reserved], s: &[u8]) -> Option<&'static str> {
        let mut i = 0;
        while i < list.len() {
            if eq_bytes(list[i].literal.as_bytes(), s) {
                return Some(list[i].reason);
            }
            i += 1;
        }
        None
    }

    const fn charset(index: usize, set: &ByteSet) -> Fault {
        Fault {
            rule: IdRule::Charset,
            index,
            expected: set.desc,
        }
    }

    /// The engine's `check`, fast path and all.
    #[inline(always)]
    pub const fn check(rule: &Rule, s: &[u8]) -> Result<(), Fault> {
        if s.len() < rule.min_len || s.len() > rule.max_len {
            return Err(Fault::LENGTH);
        }
        if !rule.accept.is_empty() && listed(rule.accept, s) {
            return Ok(());
        }
        let ok = match s.split_at_checked(rule.prefix.len()) {
            Some((head, rest)) => same_bytes(head, rule.prefix.as_bytes()) && accepts(rule, rest),
            None => false,
        };
        if !ok {
            if let Err(fault) = walk(rule, s) {
                return Err(fault);
            }
        }
        if let Some(reason) = reserved(rule.reserve, s) {
            return Err(Fault::whole(IdRule::Reserved, reason));
        }
        Ok(())
    }

    /// `check` with the fast path taken out: every value goes through the walk.
    #[inline(always)]
    pub const fn check_walk(rule: &Rule, s: &[u8]) -> Result<(), Fault> {
        if s.len() < rule.min_len || s.len() > rule.max_len {
            return Err(Fault::LENGTH);
        }
        if !rule.accept.is_empty() && listed(rule.accept, s) {
            return Ok(());
        }
        if let Err(fault) = walk(rule, s) {
            return Err(fault);
        }
        if let Some(reason) = reserved(rule.reserve, s) {
            return Err(Fault::whole(IdRule::Reserved, reason));
        }
        Ok(())
    }

    #[inline(always)]
    const fn accepts(rule: &Rule, rest: &[u8]) -> bool {
        match (rule.sep, &rule.pad) {
            (None, None) => rule.body.contains_all(rest),
            (Some(sep), None) => {
                rule.body.contains_all(rest)
                    && !matches!(rest.first(), Some(&b) if b == sep)
                    && !doubled(rest, sep)
            }
            (None, Some(pad)) => {
                let mut head = rest;
                while let Some((&last, init)) = head.split_last() {
                    if !pad.contains(last) {
                        break;
                    }
                    head = init;
                }
                !head.is_empty() && rule.first.contains_all(head)
            }
            (Some(_), Some(_)) => false,
        }
    }

    #[inline(always)]
    const fn doubled(s: &[u8], sep: u8) -> bool {
        let (Some((_, mut right)), Some((_, mut left))) = (s.split_first(), s.split_last()) else {
            return false;
        };
        let mut twice = false;
        while let (Some((a, a_rest)), Some((b, b_rest))) = (
            left.split_first_chunk::<LANES>(),
            right.split_first_chunk::<LANES>(),
        ) {
            let mut k = 0;
            while k < LANES {
                twice |= (a[k] == sep) & (b[k] == sep);
                k += 1;
            }
            left = a_rest;
            right = b_rest;
        }
        while let (Some((a, a_rest)), Some((b, b_rest))) = (left.split_first(), right.split_first())
        {
            twice |= (*a == sep) & (*b == sep);
            left = a_rest;
            right = b_rest;
        }
        twice
    }

    const fn walk(rule: &Rule, s: &[u8]) -> Result<(), Fault> {
        let prefix = rule.prefix.as_bytes();
        let mut i = 0;
        while i < prefix.len() {
            if i >= s.len() || s[i] != prefix[i] {
                return Err(Fault {
                    rule: IdRule::Prefix,
                    index: i,
                    expected: rule.prefix,
                });
            }
            i += 1;
        }
        if i >= s.len() {
            return Err(Fault::LENGTH);
        }
        let mut need_first = true;
        let mut padding = false;
        while i < s.len() {
            let b = s[i];
            if padding {
                if let Some(pad) = &rule.pad {
                    if !pad.contains(b) {
                        return Err(charset(i, pad));
                    }
                }
            } else if need_first {
                if !rule.first.contains(b) {
                    return Err(charset(i, &rule.first));
                }
                need_first = false;
            } else if matches!(&rule.pad, Some(pad) if pad.contains(b)) {
                padding = true;
            } else if matches!(rule.sep, Some(p) if p == b) {
                need_first = true;
            } else if !rule.body.contains(b) {
                return Err(charset(i, &rule.body));
            }
            i += 1;
        }
        Ok(())
    }

    // The rules, as `src/id/rules.rs` writes them.

    const LETTERS: ByteSet = ByteSet::new("[A-Za-z]").range(b'A', b'Z').range(b'a', b'z');

    const fn lex_name_rule(
        min_len: usize,
        max_len: usize,
        accept: &'static [&'static str],
    ) -> Rule {
        Rule {
            body: LETTERS.bytes(b"_").named("[A-Za-z_]"),
            sep: Some(b'_'),
            accept,
            ..Rule::class(min_len, max_len, LETTERS)
        }
    }

    pub const LEX_BOT_NAME: Rule = lex_name_rule(2, 50, &[]);
    pub const LEX_BOT_ALIAS: Rule = lex_name_rule(1, 100, &["$LATEST"]);

    const ALPHANUMERIC: ByteSet = ByteSet::new("[0-9a-zA-Z]")
        .range(b'0', b'9')
        .range(b'a', b'z')
        .range(b'A', b'Z');

    pub const LEX_V2_LOCALE: Rule = Rule {
        body: ALPHANUMERIC.bytes(b"_").named("[0-9a-zA-Z_]"),
        sep: Some(b'_'),
        ..Rule::class(5, 6, ALPHANUMERIC)
    };

    pub const AILY_TOKEN: Rule = {
        const B64TOKEN: ByteSet = ByteSet::new("[A-Za-z0-9-._~+/]")
            .range(b'A', b'Z')
            .range(b'a', b'z')
            .range(b'0', b'9')
            .bytes(b"-._~+/");
        Rule {
            body: B64TOKEN.bytes(b"=").named("[A-Za-z0-9-._~+/=]"),
            pad: Some(ByteSet::new("[=]").bytes(b"=")),
            ..Rule::class(1, 8192, B64TOKEN)
        }
    };

    /// Near-misses and edge values on which the copies must answer as the crate does.
    const PROBES: &[&str] = &[
        "",
        "a",
        "ab",
        "ab_",
        "_ab",
        "a__b",
        "a_b_c",
        "a1",
        "$LATEST",
        "$latest",
        "es_419",
        "en_US",
        "es__19",
        "_s_419",
        "en-US",
        "abc==",
        "abc=d",
        "==",
        "a=",
        "a b",
        "t-x/y+z~===",
        "Order_Flowers_Bot_For_The_Spring_Campaign_In_Paris_",
        "Order_Flowers_Bot_For_The_Spring_Campaign_In_Pa__s",
    ];

    /// Both copies agree with the crate's `is_valid` on the probes and on `input` with one byte
    /// changed at a few places.
    pub fn agree(rule: &Rule, is_valid: fn(&str) -> bool, input: &str) {
        let mut probes: Vec<String> = PROBES.iter().map(|s| s.to_string()).collect();
        for at in [0, 1, input.len() / 2, input.len() - 2, input.len() - 1] {
            for b in [b'_', b'=', b'.', b' ', b'a', b'0'] {
                let mut s = input.as_bytes().to_vec();
                s[at] = b;
                probes.push(String::from_utf8(s).unwrap());
            }
        }
        for s in &probes {
            let want = is_valid(s);
            assert_eq!(
                check(rule, s.as_bytes()).is_ok(),
                want,
                "fast path on {s:?}"
            );
            assert_eq!(
                check_walk(rule, s.as_bytes()).is_ok(),
                want,
                "walk on {s:?}"
            );
        }
    }
}

/// A 43-byte tenant token with `==` padding: `t-` and 39 symbols, then `==`.
const TOKEN_43_PADDED: &str = "t-g1044ab3ZXQ5MJKLNBG7RAF2SUDHW3PQ4YKE6O7==";

/// One fast-path group: the crate's `is_valid`, the copy of its `check` (`fast_path`) and the
/// same `check` without the fast path (`walk`, the reference), on one valid input of `len` bytes.
macro_rules! engine_group {
    ($group:ident, $ty:ty, $rule:expr, $input:expr, $len:expr) => {
        group!($group, 1000, {
            /// The input has the length the group claims, and all three accept it; the copies
            /// answer as the crate does on near-misses too.
            pub fn check() {
                let s: &str = &$input;
                assert_eq!(s.len(), $len, "{}: length", stringify!($group));
                assert!(<$ty>::is_valid(s), "{}: is_valid", stringify!($group));
                assert!(engine::check(&$rule, s.as_bytes()).is_ok(), "{}: fast path", stringify!($group));
                assert!(engine::check_walk(&$rule, s.as_bytes()).is_ok(), "{}: walk", stringify!($group));
                engine::agree(&$rule, |s| <$ty>::is_valid(s), s);
            }
        } {
            is_valid = {
                let s: &str = &$input;
                move || <$ty>::is_valid(black_box(s))
            };
            fast_path = {
                let s: &[u8] = $input.as_bytes();
                move || engine::check(&$rule, black_box(s)).is_ok()
            };
            @base walk = {
                let s: &[u8] = $input.as_bytes();
                move || engine::check_walk(&$rule, black_box(s)).is_ok()
            };
        });
    };
}

engine_group!(
    trick_sep_bot_name_50,
    LexBotName,
    engine::LEX_BOT_NAME,
    BOT_NAME_50,
    50
);
engine_group!(
    trick_sep_bot_alias_100,
    LexBotAlias,
    engine::LEX_BOT_ALIAS,
    *BOT_ALIAS_100,
    100
);
engine_group!(
    trick_sep_v2_locale,
    LexV2LocaleId,
    engine::LEX_V2_LOCALE,
    V2_LOCALE,
    6
);
engine_group!(
    trick_pad_token_43,
    AilyAccessToken,
    engine::AILY_TOKEN,
    TOKEN_43_PADDED,
    43
);
engine_group!(
    trick_pad_token_8k,
    AilyAccessToken,
    engine::AILY_TOKEN,
    *TOKEN_8K,
    8192
);

// ---------------------------------------------------------------------------------------------
// Group 8: what the JSON string writer's word test is worth. `write_string` is private, so the
// contenders are copies in `json` below, each writing into a buffer reused across calls:
// `swar` is `src/response/wire.rs`'s `write_string` (eight bytes tested per word), `plain` (the
// reference) the same function with the word test taken out, one byte at a time. `render` is the
// crate's whole `AilyServiceError::render` of an error carrying the message: its allocations,
// envelope and headers included, so its ratio is to the plain copy alone and only shows what
// share of a render the escaping is.

/// Copies of `src/response/wire.rs`'s `write_string`, `word_needs_escape` and `escape`, and the
/// plain writer: `write_string` without the word test.
mod json {
    /// `write_string`, as the crate has it.
    pub fn write_string_swar(out: &mut Vec<u8>, s: &str) {
        let bytes = s.as_bytes();
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        let (mut start, mut i) = (0, 0);
        while let Some(&b) = bytes.get(i) {
            if let Some(word) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
                if !word_needs_escape(word) {
                    i += 8;
                    continue;
                }
            }
            if b >= 0x20 && b != b'"' && b != b'\\' {
                i += 1;
                continue;
            }
            if let Some(escape) = escape(b) {
                out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
                out.extend_from_slice(escape.0.get(..escape.1).unwrap_or_default());
                start = i + 1;
            }
            i += 1;
        }
        out.extend_from_slice(bytes.get(start..).unwrap_or_default());
        out.push(b'"');
    }

    /// `write_string` with the word test taken out: each byte tested alone.
    pub fn write_string_plain(out: &mut Vec<u8>, s: &str) {
        let bytes = s.as_bytes();
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        let (mut start, mut i) = (0, 0);
        while let Some(&b) = bytes.get(i) {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                i += 1;
                continue;
            }
            if let Some(escape) = escape(b) {
                out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
                out.extend_from_slice(escape.0.get(..escape.1).unwrap_or_default());
                start = i + 1;
            }
            i += 1;
        }
        out.extend_from_slice(bytes.get(start..).unwrap_or_default());
        out.push(b'"');
    }

    const fn word_needs_escape(word: u64) -> bool {
        const ONES: u64 = u64::from_le_bytes([1; 8]);
        const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
        let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
        let quote = word ^ (ONES * b'"' as u64);
        let quote = quote.wrapping_sub(ONES) & !quote & HIGH;
        let backslash = word ^ (ONES * b'\\' as u64);
        let backslash = backslash.wrapping_sub(ONES) & !backslash & HIGH;
        control | quote | backslash != 0
    }

    const fn escape(b: u8) -> Option<([u8; 6], usize)> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        Some(match b {
            b'"' => (*b"\\\"    ", 2),
            b'\\' => (*b"\\\\    ", 2),
            b'\n' => (*b"\\n    ", 2),
            b'\r' => (*b"\\r    ", 2),
            b'\t' => (*b"\\t    ", 2),
            0x08 => (*b"\\b    ", 2),
            0x0c => (*b"\\f    ", 2),
            0..=0x1f => (
                [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 0xf) as usize],
                ],
                6,
            ),
            _ => return None,
        })
    }
}

/// An error message of `len` bytes, ASCII with nothing to escape; with `escapes`, four bytes of
/// it replaced by ones that need escaping: a quoted word, a backslash and a line break.
fn message(len: usize, escapes: bool) -> String {
    let mut s = filled(
        "",
        "the value of aily_session_id is not a valid Aily session id; see the API reference. ",
        len,
    )
    .into_bytes();
    if escapes {
        s[len / 8] = b'"';
        s[len / 8 + 16] = b'"';
        s[len / 2] = b'\\';
        s[len - 2] = b'\n';
    }
    String::from_utf8(s).unwrap()
}

/// One writer group on the message `$msg` of `$len` bytes holding `$escapes` bytes to escape.
macro_rules! writer_group {
    ($group:ident, $msg:expr, $len:expr, $escapes:expr) => {
        group!($group, 1000, {
            static MSG: LazyLock<String> = LazyLock::new(|| $msg);
            static ERROR: LazyLock<AilyServiceError> = LazyLock::new(|| {
                AilyServiceError::new(AilyErrorKind::ParamInvalid).with_message(MSG.as_str())
            });

            /// The message is what the group claims; both copies write what `serde_json` writes,
            /// and the render carries the same bytes as its `msg`.
            pub fn check() {
                let msg = MSG.as_str();
                assert_eq!(msg.len(), $len, "{}: length", stringify!($group));
                let to_escape = msg.bytes().filter(|&b| b < 0x20 || b == b'"' || b == b'\\');
                assert_eq!(to_escape.count(), $escapes, "{}: escapes", stringify!($group));
                let want = serde_json::to_vec(msg).unwrap();
                let (mut swar, mut plain) = (Vec::new(), Vec::new());
                json::write_string_swar(&mut swar, msg);
                json::write_string_plain(&mut plain, msg);
                assert_eq!(swar, want, "{}: swar", stringify!($group));
                assert_eq!(plain, want, "{}: plain", stringify!($group));
                let tail = [&b",\"msg\":"[..], &want, b"}"].concat();
                let wire = ERROR.render();
                assert!(wire.body().ends_with(&tail), "{}: render", stringify!($group));
            }
        } {
            render = {
                let error: &AilyServiceError = &ERROR;
                move || error.render()
            };
            swar = {
                let msg = MSG.as_str();
                let buf = RefCell::new(Vec::with_capacity(2 * msg.len() + 64));
                move || {
                    let mut out = buf.borrow_mut();
                    out.clear();
                    json::write_string_swar(&mut out, black_box(msg));
                    black_box(out.len())
                }
            };
            @base plain = {
                let msg = MSG.as_str();
                let buf = RefCell::new(Vec::with_capacity(2 * msg.len() + 64));
                move || {
                    let mut out = buf.borrow_mut();
                    out.clear();
                    json::write_string_plain(&mut out, black_box(msg));
                    black_box(out.len())
                }
            };
        });
    };
}

writer_group!(trick_swar_msg_128, message(128, false), 128, 0);
writer_group!(trick_swar_msg_128_escapes, message(128, true), 128, 4);
writer_group!(trick_swar_msg_4k, message(4096, false), 4096, 0);
writer_group!(trick_swar_msg_4k_escapes, message(4096, true), 4096, 4);

// ---------------------------------------------------------------------------------------------
// Group 9: the Lex V2 session state on a realistic document: an intent with three slots (a
// scalar, a composite of two sub-slots and a list), two active contexts with their attributes,
// session attributes, a dialog action eliciting a sub-slot, and runtime hints. `LexV2SessionState`
// against `PlainState`, a plain derive of the same shapes (the same names, `String`s for every
// text and enum, `i64`s, no rule checked): read with `serde_json::from_slice`, written with
// `serde_json::to_vec` (absent and empty members left out, as the crate does), and the
// `x-amz-lex-session-state` header both ways with the same `flate2` and `base64` calls made
// directly.

/// The document, compact, its members in the model's order and its map keys sorted: what
/// `to_json` writes back byte for byte. [`STATE_JSON_LEN`] bytes.
const STATE_JSON: &str = concat!(
    r#"{"dialogAction":{"type":"ElicitSlot","slotToElicit":"DeliveryAddress","#,
    r#""slotElicitationStyle":"Default","subSlotToElicit":{"name":"Street"}},"#,
    r#""intent":{"name":"OrderPizza","slots":{"#,
    r#""Crust":{"value":{"interpretedValue":"thin","originalValue":"thin crust please","#,
    r#""resolvedValues":["thin","thin crust"]},"shape":"Scalar"},"#,
    r#""DeliveryAddress":{"shape":"Composite","subSlots":{"#,
    r#""City":{"value":{"interpretedValue":"Seattle","originalValue":"seattle","#,
    r#""resolvedValues":["Seattle"]},"shape":"Scalar"},"#,
    r#""Street":{"value":{"interpretedValue":"410 Terry Ave N","#,
    r#""originalValue":"four ten terry avenue north","resolvedValues":["410 Terry Ave N"]},"#,
    r#""shape":"Scalar"}}},"#,
    r#""Toppings":{"value":{"interpretedValue":"mushrooms, olives and extra cheese"},"#,
    r#""shape":"List","values":["#,
    r#"{"value":{"interpretedValue":"mushrooms","originalValue":"mushrooms","#,
    r#""resolvedValues":["mushrooms"]},"shape":"Scalar"},"#,
    r#"{"value":{"interpretedValue":"olives","originalValue":"olives","#,
    r#""resolvedValues":["black olives","green olives"]},"shape":"Scalar"},"#,
    r#"{"value":{"interpretedValue":"extra cheese"},"shape":"Scalar"}]}},"#,
    r#""state":"InProgress","confirmationState":"None"},"#,
    r#""activeContexts":[{"name":"order_in_progress","#,
    r#""timeToLive":{"timeToLiveInSeconds":600,"turnsToLive":5},"#,
    r#""contextAttributes":{"crust":"thin","orderId":"ord-7f1bcd13","size":"large"}},"#,
    r#"{"name":"returning_customer","timeToLive":{"timeToLiveInSeconds":86400,"turnsToLive":20},"#,
    r#""contextAttributes":{"customerId":"cust-000042","lastOrder":"2024-03-28T18:42:07Z","#,
    r#""loyaltyTier":"gold"}}],"#,
    r#""sessionAttributes":{"cartId":"cart-6f1c2d4e-9b8a-4c3d-8e7f-0a1b2c3d4e5f","#,
    r#""channel":"web","customerId":"42","locale":"en_US","promoCode":"SPRING24","#,
    r#""storeId":"store-seattle-017"},"#,
    r#""originatingRequestId":"6f1c2d4e-9b8a-4c3d-8e7f-0a1b2c3d4e5f","#,
    r#""runtimeHints":{"slotHints":{"OrderPizza":{"#,
    r#""Crust":{"runtimeHintValues":[{"phrase":"thin"},{"phrase":"deep dish"}]},"#,
    r#""DeliveryAddress":{"subSlotHints":{"Street":{"runtimeHintValues":["#,
    r#"{"phrase":"Terry Ave N"},{"phrase":"Westlake Ave N"}]}}},"#,
    r#""Toppings":{"runtimeHintValues":[{"phrase":"mushrooms"},{"phrase":"olives"}]}}}}}"#,
);

/// The size of [`STATE_JSON`], checked by the groups' `check`.
const STATE_JSON_LEN: usize = 2054;

/// The session state as a plain derive reads and writes it.
mod plain_state {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct PlainState {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub dialog_action: Option<DialogAction>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub intent: Option<Intent>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub active_contexts: Vec<ActiveContext>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub session_attributes: BTreeMap<String, String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub originating_request_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub runtime_hints: Option<RuntimeHints>,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct DialogAction {
        #[serde(rename = "type")]
        pub action_type: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub slot_to_elicit: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub slot_elicitation_style: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub sub_slot_to_elicit: Option<ElicitSubSlot>,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct ElicitSubSlot {
        pub name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub sub_slot_to_elicit: Option<Box<ElicitSubSlot>>,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct Intent {
        pub name: String,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub slots: BTreeMap<String, Slot>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub state: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub confirmation_state: Option<String>,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct Slot {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub value: Option<Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub shape: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub values: Vec<Slot>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub sub_slots: BTreeMap<String, Slot>,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct Value {
        pub interpreted_value: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub original_value: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub resolved_values: Vec<String>,
    }

    /// `contextAttributes` is required by the model: always written, as the crate does.
    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct ActiveContext {
        pub name: String,
        pub time_to_live: TimeToLive,
        pub context_attributes: BTreeMap<String, String>,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct TimeToLive {
        pub time_to_live_in_seconds: i64,
        pub turns_to_live: i64,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct RuntimeHints {
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub slot_hints: BTreeMap<String, BTreeMap<String, RuntimeHintDetails>>,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    pub struct RuntimeHintDetails {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub runtime_hint_values: Vec<RuntimeHintValue>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub sub_slot_hints: BTreeMap<String, RuntimeHintDetails>,
    }

    #[derive(Deserialize, Serialize, PartialEq, Debug)]
    pub struct RuntimeHintValue {
        pub phrase: String,
    }
}

use plain_state::PlainState;

static STATE: LazyLock<LexV2SessionState> = LazyLock::new(|| {
    LexV2SessionState::from_json(STATE_JSON.as_bytes()).expect("the sample state reads")
});
static PLAIN_STATE: LazyLock<PlainState> = LazyLock::new(|| {
    serde_json::from_slice(STATE_JSON.as_bytes()).expect("the plain derive reads the sample")
});
static STATE_HEADER: LazyLock<String> = LazyLock::new(|| STATE.to_header());

/// The header as the baseline writes it: the plain derive's JSON, gzipped at the default level,
/// in base64, each step called directly.
fn plain_to_header(state: &PlainState) -> String {
    let json = serde_json::to_vec(state).expect("the plain derive writes");
    let mut gzip = GzEncoder::new(Vec::new(), Compression::default());
    gzip.write_all(&json).expect("a Vec takes every byte");
    STANDARD.encode(gzip.finish().expect("a Vec takes every byte"))
}

/// The header as the baseline reads it: base64, gzip and the plain derive, no bound.
fn plain_from_header(header: &str) -> Option<PlainState> {
    let gzip = STANDARD.decode(header).ok()?;
    let mut json = Vec::new();
    GzDecoder::new(gzip.as_slice())
        .read_to_end(&mut json)
        .ok()?;
    serde_json::from_slice(&json).ok()
}

/// The sample is the size it claims, both sides read the same document and write it back byte
/// for byte, and each side's header reads back on the other.
fn check_state() {
    assert_eq!(STATE_JSON.len(), STATE_JSON_LEN, "the sample state's size");
    let (state, plain) = (&*STATE, &*PLAIN_STATE);
    assert_eq!(
        state.to_json(),
        STATE_JSON.as_bytes(),
        "to_json writes the sample back"
    );
    let plain_json = serde_json::to_vec(plain).expect("the plain derive writes");
    assert_eq!(
        plain_json,
        STATE_JSON.as_bytes(),
        "the plain derive writes the sample back"
    );
    assert_eq!(state.intent().map(|i| i.slots().len()), Some(3));
    assert_eq!(state.active_contexts().len(), 2);
    let plain_header = plain_to_header(plain);
    assert_eq!(
        *STATE_HEADER, plain_header,
        "both headers are the same bytes"
    );
    assert_eq!(
        LexV2SessionState::from_header(&plain_header).as_ref(),
        Ok(state)
    );
    assert_eq!(plain_from_header(&STATE_HEADER).as_ref(), Some(plain));
}

group!(lex_v2_state_parse, 1000, {
    pub fn check() {
        check_state();
    }
} {
    from_json = || LexV2SessionState::from_json(black_box(STATE_JSON.as_bytes())).ok();
    @base plain_derive = || serde_json::from_slice::<PlainState>(black_box(STATE_JSON.as_bytes())).ok();
});

group!(lex_v2_state_write, 1000, {
    pub fn check() {
        check_state();
    }
} {
    to_json = {
        let state: &LexV2SessionState = &STATE;
        move || black_box(state).to_json()
    };
    @base plain_to_vec = {
        let plain: &PlainState = &PLAIN_STATE;
        move || serde_json::to_vec(black_box(plain)).ok()
    };
});

group!(lex_v2_state_to_header, 200, {
    pub fn check() {
        check_state();
    }
} {
    to_header = {
        let state: &LexV2SessionState = &STATE;
        move || black_box(state).to_header()
    };
    @base plain_gzip_base64 = {
        let plain: &PlainState = &PLAIN_STATE;
        move || plain_to_header(black_box(plain))
    };
});

group!(lex_v2_state_from_header, 200, {
    pub fn check() {
        check_state();
    }
} {
    from_header = {
        let header = STATE_HEADER.as_str();
        move || LexV2SessionState::from_header(black_box(header)).ok()
    };
    @base plain_base64_gzip = {
        let header = STATE_HEADER.as_str();
        move || plain_from_header(black_box(header))
    };
});

// ---------------------------------------------------------------------------------------------

static GROUPS: &[&[Case]] = &[
    aily_session_32::CASES,
    aily_message_32::CASES,
    aily_run_32::CASES,
    aily_token_8k::CASES,
    aily_token_43::CASES,
    aily_authorization_129::CASES,
    lex_user_100::CASES,
    lex_bot_name_50::CASES,
    lex_bot_alias_100::CASES,
    lex_region::CASES,
    lex_v2_bot_id::CASES,
    lex_v2_bot_alias_id::CASES,
    lex_v2_locale::CASES,
    lex_v2_session_100::CASES,
    lex_from_http_success::CASES,
    lex_from_http_conflict::CASES,
    lex_v2_from_http_success::CASES,
    lex_v2_from_http_throttled::CASES,
    aily_from_http_success::CASES,
    aily_from_http_param_invalid::CASES,
    aily_from_http_scope_missing::CASES,
    lex_from_route::CASES,
    lex_v2_from_route::CASES,
    deserialize_request::CASES,
    too_long_aily_session::CASES,
    too_long_aily_message::CASES,
    too_long_aily_run::CASES,
    too_long_aily_token::CASES,
    too_long_aily_authorization::CASES,
    aily_create_body::CASES,
    aily_create_body_255_chars::CASES,
    aily_session_render::CASES,
    too_long_lex_user::CASES,
    too_long_lex_bot_name::CASES,
    too_long_lex_bot_alias::CASES,
    too_long_lex_region::CASES,
    too_long_lex_v2_bot_id::CASES,
    too_long_lex_v2_bot_alias_id::CASES,
    too_long_lex_v2_locale::CASES,
    too_long_lex_v2_session::CASES,
    vector_aily_session_32::CASES,
    vector_lex_user_100::CASES,
    trick_sep_bot_name_50::CASES,
    trick_sep_bot_alias_100::CASES,
    trick_sep_v2_locale::CASES,
    trick_pad_token_43::CASES,
    trick_pad_token_8k::CASES,
    trick_swar_msg_128::CASES,
    trick_swar_msg_128_escapes::CASES,
    trick_swar_msg_4k::CASES,
    trick_swar_msg_4k_escapes::CASES,
    lex_v2_state_parse::CASES,
    lex_v2_state_write::CASES,
    lex_v2_state_to_header::CASES,
    lex_v2_state_from_header::CASES,
];

/// The protocol cases' inputs are what they claim: successes succeed, errors are errors, and
/// every baseline reads them.
fn check_protocol() {
    for body in [CREATE_BODY, CREATE_BODY_LONG.as_slice()] {
        let read = botsession::AilyCreateSessionRequest::from_request(
            "POST",
            CREATE_PATH,
            &CREATE_HEADERS,
            body,
        )
        .expect("the create body reads");
        let plain = serde_json::from_slice::<PlainCreate>(body).expect("the plain derive reads");
        assert_eq!(
            read.metadata().map(|m| m.as_str()),
            plain.metadata.as_deref()
        );
        assert_eq!(
            read.channel_context().map(|c| c.as_str()),
            plain.channel_context.as_deref()
        );
    }
    // The same bytes, written both ways.
    assert_eq!(
        SESSION_RESPONSE.render().body(),
        serde_json::to_vec(&*PLAIN_ENVELOPE).expect("the plain derive writes")
    );
    assert!(LexDeleteSessionResponse::from_http(200, &LEX_HEADERS, LEX_OK).is_ok());
    assert!(serde_json::from_slice::<PlainLexOk>(LEX_OK).is_ok());
    assert!(LexDeleteSessionResponse::from_http(409, &LEX_CONFLICT_HEADERS, LEX_CONFLICT).is_err());
    assert!(plain_aws_error(&LEX_CONFLICT_HEADERS, LEX_CONFLICT).is_some());
    assert!(LexV2DeleteSessionResponse::from_http(200, &LEX_HEADERS, LEX_V2_OK).is_ok());
    assert!(serde_json::from_slice::<PlainLexV2Ok>(LEX_V2_OK).is_ok());
    assert!(LexV2DeleteSessionResponse::from_http(
        429,
        &LEX_V2_THROTTLED_HEADERS,
        LEX_V2_THROTTLED
    )
    .is_err());
    assert!(plain_aws_error(&LEX_V2_THROTTLED_HEADERS, LEX_V2_THROTTLED).is_some());
    assert!(AilyDeleteSessionResponse::from_http(200, &AILY_HEADERS, AILY_OK).is_ok());
    for body in [AILY_PARAM_INVALID, AILY_SCOPE_MISSING] {
        assert!(AilyDeleteSessionResponse::from_http(400, &AILY_HEADERS, body).is_err());
    }
    for body in [AILY_OK, AILY_PARAM_INVALID, AILY_SCOPE_MISSING] {
        assert!(serde_json::from_slice::<PlainAily>(body).is_ok());
    }
    assert!(LexDeleteSessionRequest::from_route("DELETE", LEX_PATH).is_ok());
    assert!(LexV2DeleteSessionRequest::from_route("DELETE", LEX_V2_PATH).is_ok());
    assert!(serde_json::from_str::<TypedRequest>(REQUEST_JSON).is_ok());
    assert!(table_session(SESSION_32));
    assert!(table_user(&USER_100));
    // The table loops reject what the rules reject.
    assert!(!table_session("session_4dfunz7sp1g8m4dfunz7sp1i"));
    assert!(!table_user("user 42") && !table_user(".."));
}

/// The naive loops reject what their rules reject: a baseline that accepts too much would be an
/// unfair one.
fn check_naive() {
    assert!(!naive_aily(
        "session_4dfunz7sp1g8m4dfunz7sp1i",
        "session_",
        24
    ));
    assert!(!naive_aily("session_", "session_", 24) && !naive_aily("sessio_4", "session_", 24));
    assert!(!naive_aily(
        "session_4dfunz7sp1g8m4dfunz7sp1g8",
        "session_",
        24
    ));
    assert!(!naive_user("..") && !naive_user("a") && !naive_user("user 42"));
    assert!(naive_name("ab_", 2, 50, false) && !naive_name("a__b", 2, 50, false));
    assert!(!naive_name("_ab", 2, 50, false) && !naive_name("a1", 2, 50, false));
    assert!(naive_name("es_419", 5, 6, true) && !naive_name("en/US", 5, 6, true));
    assert!(!naive_region("eu-west-1.") && !naive_region(""));
    assert!(!naive_v2_id("ABCDE1234") && !naive_v2_id("ABCDE1234_"));
    assert!(
        naive_token("abc==") && !naive_token("abc=d") && !naive_token("==") && !naive_token("")
    );
    assert!(naive_authorization("bearer abc") && !naive_authorization("Bearer  abc"));
    assert!(!naive_authorization("Bearer ") && !naive_authorization("Basic abc="));
}

/// Each group's input checks, by group name.
macro_rules! checks {
    ($($group:ident),* $(,)?) => {
        &[$((stringify!($group), $group::check as fn())),*]
    };
}

static CHECKS: &[(&str, fn())] = checks!(
    aily_session_32,
    aily_message_32,
    aily_run_32,
    aily_token_8k,
    aily_token_43,
    aily_authorization_129,
    lex_user_100,
    lex_bot_name_50,
    lex_bot_alias_100,
    lex_region,
    lex_v2_bot_id,
    lex_v2_bot_alias_id,
    lex_v2_locale,
    lex_v2_session_100,
    too_long_aily_session,
    too_long_aily_message,
    too_long_aily_run,
    too_long_aily_token,
    too_long_aily_authorization,
    too_long_lex_user,
    too_long_lex_bot_name,
    too_long_lex_bot_alias,
    too_long_lex_region,
    too_long_lex_v2_bot_id,
    too_long_lex_v2_bot_alias_id,
    too_long_lex_v2_locale,
    too_long_lex_v2_session,
    trick_sep_bot_name_50,
    trick_sep_bot_alias_100,
    trick_sep_v2_locale,
    trick_pad_token_43,
    trick_pad_token_8k,
    trick_swar_msg_128,
    trick_swar_msg_128_escapes,
    trick_swar_msg_4k,
    trick_swar_msg_4k_escapes,
    lex_v2_state_parse,
    lex_v2_state_write,
    lex_v2_state_to_header,
    lex_v2_state_from_header,
);

fn manifest(group: &[Case]) {
    for case in group {
        println!(
            "case\t{}\t{}\t{}\t{}\t{}",
            case.symbol,
            case.group,
            case.case,
            if case.base { "base" } else { "-" },
            case.n
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        // The groups with a `group/case` that contains the filter, whole, without running them.
        ["--list"] | ["--list", _] => {
            let filter = args.get(1).map_or("", String::as_str);
            for group in GROUPS {
                if group
                    .iter()
                    .any(|c| format!("{}/{}", c.group, c.case).contains(filter))
                {
                    manifest(group);
                }
            }
        }
        // One group, alone in its process: what ran before cannot change its allocator's state.
        ["--group", name] => {
            let group = GROUPS
                .iter()
                .find(|g| g.first().is_some_and(|c| c.group == name))
                .unwrap_or_else(|| panic!("no group {name}"));
            check_naive();
            check_protocol();
            for (_, check) in CHECKS.iter().filter(|(g, _)| *g == name) {
                check();
            }
            for case in group.iter() {
                (case.warm)();
            }
            for case in group.iter() {
                (case.run)(case.n);
            }
            manifest(group);
        }
        _ => {
            eprintln!("usage: count --list [filter] | count --group <group>");
            std::process::exit(2);
        }
    }
}
