//! Paths, requests, response samples and baseline patterns that the criterion suites and
//! `count.rs` (callgrind) share, so that they measure the same bytes. Each includes this file
//! with `#[path]` and reads only some of it.
#![allow(dead_code)]

use botsession::{
    LexBotAlias, LexBotName, LexDeleteSessionRequest, LexUserId, LexV2BotAliasId, LexV2BotId,
    LexV2DeleteSessionRequest, LexV2LocaleId, LexV2SessionId,
};

/// A Lex V1 DeleteSession path, with the escaped `$LATEST` alias and `:` in the user id.
pub const LEX_PATH: &str = "/bot/OrderFlowers/alias/%24LATEST/user/user%3A6f1c2d4e-9b8a/session";
/// A Lex V2 DeleteSession path, with `:` in the session id.
pub const LEX_V2_PATH: &str =
    "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/es_419/sessions/user%3A6f1c2d4e-9b8a";

/// The Lex V1 request of [`LEX_PATH`].
pub fn lex_request() -> LexDeleteSessionRequest {
    LexDeleteSessionRequest::new(
        LexBotName::from_static("OrderFlowers"),
        LexBotAlias::LATEST,
        LexUserId::from_static("user:6f1c2d4e-9b8a"),
    )
}

/// The Lex V2 request of [`LEX_V2_PATH`].
pub fn lex_v2_request() -> LexV2DeleteSessionRequest {
    LexV2DeleteSessionRequest::new(
        LexV2BotId::from_static("ABCDE12345"),
        LexV2BotAliasId::TEST,
        LexV2LocaleId::from_static("es_419"),
        LexV2SessionId::from_static("user:6f1c2d4e-9b8a"),
    )
}

/// The headers of a Lex V1 `ConflictException`: the code with its namespace, and a request id.
pub const LEX_CONFLICT_HEADERS: [(&str, &str); 2] = [
    (
        "x-amzn-ErrorType",
        "ConflictException:http://internal.amazon.com/coral/com.amazon.coral.service/",
    ),
    ("x-amzn-RequestId", "5f1e2d3c-0000-4000-8000-000000000000"),
];

/// A Lex V2 success body.
pub const LEX_V2_OK: &[u8] = br#"{"botId":"ABCDE12345","botAliasId":"TSTALIASID","localeId":"es_419","sessionId":"user:6f1c2d4e-9b8a"}"#;
/// A Lex V2 `ThrottlingException` body, and its headers (a wait in milliseconds).
pub const LEX_V2_THROTTLED: &[u8] = br#"{"message":"Rate exceeded"}"#;
pub const LEX_V2_THROTTLED_HEADERS: [(&str, &str); 3] = [
    (
        "x-amzn-ErrorType",
        "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.service/",
    ),
    ("x-amzn-RequestId", "5f1e2d3c-0000-4000-8000-000000000000"),
    ("x-amz-retry-after", "1500"),
];

// The identifiers' rules as a user would write them for `regex` and `regex-lite`: the baselines
// of `ids.rs` and `count.rs`.
pub const SESSION_RE: &str = "^session_[0-9a-hjkmnp-z]{1,24}$";
pub const MESSAGE_RE: &str = "^message_[0-9a-hjkmnp-z]{1,24}$";
pub const RUN_RE: &str = "^run_[0-9a-hjkmnp-z]{1,28}$";
pub const USER_RE: &str = "^[0-9a-zA-Z._:-]{2,100}$";
// The name rules' length bounds are not in their documented patterns; the baselines check the
// length beside the match, as the crate does.
pub const NAME_RE: &str = "^([A-Za-z]_?)+$";
pub const ALIAS_RE: &str = r"^(\$LATEST|([A-Za-z]_?)+)$";
pub const REGION_RE: &str = "^[a-z0-9-]{1,32}$";
// Lex V2: the bot and alias ids' length is in their pattern; the locale's is not, as for the
// V1 names. The session id has V1 `userId`'s rule, `USER_RE`.
pub const V2_ID_RE: &str = "^[0-9a-zA-Z]{10}$";
pub const V2_LOCALE_RE: &str = "^([0-9a-zA-Z]_?)+$";
pub const TOKEN_RE: &str = "^[A-Za-z0-9._~+/-]+=*$";
pub const AUTHORIZATION_RE: &str = "^(?i:bearer) [A-Za-z0-9._~+/-]+=*$";
