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

use std::hint::black_box;
use std::sync::LazyLock;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyDeleteSessionResponse, AilyMessageId, AilyRunId,
    AilySessionId, LexBotAlias, LexBotName, LexDeleteSessionRequest, LexDeleteSessionResponse,
    LexRegion, LexUserId, LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest,
    LexV2DeleteSessionResponse, LexV2LocaleId, LexV2SessionId,
};
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
];

/// The protocol cases' inputs are what they claim: successes succeed, errors are errors, and
/// every baseline reads them.
fn check_protocol() {
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
