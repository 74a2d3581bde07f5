//! Prints the JSON Schema document of every type the crate exports a schema for, each under
//! `$defs`: `cargo run --example schema --features schemars`.
//!
//! The request, response and error bodies are described as the crate reads them (schemars'
//! deserialize contract); run with `--serialize` for what the crate writes.

use schemars::generate::SchemaSettings;
use schemars::SchemaGenerator;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyBizUserId, AilyChannelContext,
    AilyCreateSessionRequest, AilyCreateSessionResponse, AilyDeleteSessionRequest,
    AilyDeleteSessionResponse, AilyGetSessionRequest, AilyGetSessionResponse, AilyMessageId,
    AilyMetadata, AilyRunId, AilyServiceError, AilySession, AilySessionId,
    AilyUpdateSessionRequest, AilyUpdateSessionResponse, FieldViolation, Help, LexBotAlias,
    LexBotName, LexDeleteSessionRequest, LexDeleteSessionResponse, LexRegion, LexServiceError,
    LexUserId, LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse,
    LexV2LocaleId, LexV2ServiceError, LexV2SessionId, PermissionViolation,
};

/// The whole document: the draft 2020-12 meta-schema, and every type under `$defs`.
pub fn document(serialize: bool) -> serde_json::Value {
    let settings = SchemaSettings::draft2020_12();
    let settings = if serialize {
        settings.for_serialize()
    } else {
        settings.for_deserialize()
    };
    let mut generator = SchemaGenerator::new(settings);
    macro_rules! every {
        ($($ty:ty),+ $(,)?) => {
            $(generator.subschema_for::<$ty>();)+
        };
    }
    every!(
        AilySessionId,
        AilyMessageId,
        AilyRunId,
        AilyAccessToken,
        AilyAuthorization,
        LexUserId,
        LexBotName,
        LexBotAlias,
        LexRegion,
        LexV2BotId,
        LexV2BotAliasId,
        LexV2LocaleId,
        LexV2SessionId,
        AilyChannelContext,
        AilyMetadata,
        AilyBizUserId,
        AilyCreateSessionRequest,
        AilyGetSessionRequest,
        AilyUpdateSessionRequest,
        AilyDeleteSessionRequest,
        LexDeleteSessionRequest,
        LexV2DeleteSessionRequest,
        AilySession,
        AilyCreateSessionResponse,
        AilyGetSessionResponse,
        AilyUpdateSessionResponse,
        AilyDeleteSessionResponse,
        AilyServiceError,
        FieldViolation,
        PermissionViolation,
        Help,
        LexDeleteSessionResponse,
        LexServiceError,
        LexV2DeleteSessionResponse,
        LexV2ServiceError,
    );
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "botsession",
        "$defs": generator.take_definitions(true),
    })
}

#[allow(dead_code)] // the schema test includes this file for `document`
fn main() -> Result<(), serde_json::Error> {
    let serialize = std::env::args().any(|a| a == "--serialize");
    println!("{}", serde_json::to_string_pretty(&document(serialize))?);
    Ok(())
}
