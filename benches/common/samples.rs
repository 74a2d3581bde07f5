//! Paths and response samples that `protocol.rs` (criterion) and `count.rs` (callgrind) both read, so the
//! two suites measure the same bytes. Each includes this file with `#[path]`.

/// A Lex V1 DeleteSession path, with the escaped `$LATEST` alias and `:` in the user id.
pub const LEX_PATH: &str = "/bot/OrderFlowers/alias/%24LATEST/user/user%3A6f1c2d4e-9b8a/session";
/// A Lex V2 DeleteSession path, with `:` in the session id.
pub const LEX_V2_PATH: &str =
    "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/es_419/sessions/user%3A6f1c2d4e-9b8a";

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
