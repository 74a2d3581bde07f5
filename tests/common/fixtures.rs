//! The sample requests the suites share, one of each API, and their paths spelled out by hand
//! (not rendered, so that a suite can check a rendering against them): the Aily session
//! `session_4dfunz7sp1g8m`; Lex bot `OrderFlowers`, alias `$LATEST`, user `user:42`; Lex V2 bot
//! `ABCDE12345`, alias `TSTALIASID`, locale `en_US`, session `user:42`.
//!
//! The requests are built from the constants and `from_static`; a suite that checks parsing
//! against them builds its own from strings.

use botsession::{
    AilyDeleteSessionRequest, AilySessionId, LexBotAlias, LexBotName, LexDeleteSessionRequest,
    LexUserId, LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2LocaleId,
    LexV2SessionId,
};

/// The Aily session id of [`aily_request`].
pub const AILY_SESSION: &str = "session_4dfunz7sp1g8m";
/// The path of [`aily_request`].
pub const AILY_PATH: &str = "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m";
/// The path of [`lex_request`]: `$` and `:` escaped.
pub const LEX_PATH: &str = "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session";
/// The path of [`lex_v2_request`]: `:` escaped.
pub const LEX_V2_PATH: &str =
    "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42";

/// A Lex path with the given raw (already encoded) labels.
pub fn lex_path(name: &str, alias: &str, user: &str) -> String {
    format!("/bot/{name}/alias/{alias}/user/{user}/session")
}

/// The Aily request for [`AILY_SESSION`].
pub fn aily_request() -> AilyDeleteSessionRequest {
    AilyDeleteSessionRequest::new(AilySessionId::from_static(AILY_SESSION))
}

/// The Lex request: bot `OrderFlowers`, alias `$LATEST` (the constant), user `user:42`.
pub fn lex_request() -> LexDeleteSessionRequest {
    LexDeleteSessionRequest::new(
        LexBotName::from_static("OrderFlowers"),
        LexBotAlias::LATEST,
        LexUserId::from_static("user:42"),
    )
}

/// The Lex V2 request: bot `ABCDE12345`, alias `TSTALIASID` (the constant), locale `en_US`,
/// session `user:42`.
pub fn lex_v2_request() -> LexV2DeleteSessionRequest {
    LexV2DeleteSessionRequest::new(
        LexV2BotId::from_static("ABCDE12345"),
        LexV2BotAliasId::TEST,
        LexV2LocaleId::from_static("en_US"),
        LexV2SessionId::from_static("user:42"),
    )
}
