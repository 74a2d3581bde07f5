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
use botsession::{
    LexV2ActiveContext, LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl,
    LexV2Button, LexV2ButtonText, LexV2ButtonValue, LexV2ConfidenceScore, LexV2ConfirmationState,
    LexV2ContextSeconds, LexV2ContextTurns, LexV2DialogAction, LexV2DialogActionType,
    LexV2ElicitSubSlot, LexV2GetSessionRequest, LexV2GetSessionResponse, LexV2ImageResponseCard,
    LexV2Intent, LexV2IntentState, LexV2Interpretation, LexV2InterpretationSource, LexV2Message,
    LexV2MessageContentType, LexV2NonEmptyString, LexV2ParameterName, LexV2PutSessionRequest,
    LexV2RuntimeHintDetails, LexV2RuntimeHintName, LexV2RuntimeHintPhrase, LexV2RuntimeHintValue,
    LexV2RuntimeHints, LexV2SentimentResponse, LexV2SentimentScore, LexV2SentimentType,
    LexV2Session, LexV2SessionState, LexV2Slot, LexV2SlotShape, LexV2SlotValue, LexV2StyleType,
    LexV2Text, LexV2TimeToLive,
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
        // Lex V2 GetSession and PutSession: the strings, enums and integers, then the values.
        LexV2NonEmptyString,
        LexV2Text,
        LexV2AttachmentTitle,
        LexV2AttachmentUrl,
        LexV2ButtonText,
        LexV2ButtonValue,
        LexV2ActiveContextName,
        LexV2ParameterName,
        LexV2RuntimeHintName,
        LexV2RuntimeHintPhrase,
        LexV2DialogActionType,
        LexV2StyleType,
        LexV2IntentState,
        LexV2ConfirmationState,
        LexV2SlotShape,
        LexV2MessageContentType,
        LexV2InterpretationSource,
        LexV2SentimentType,
        LexV2ContextSeconds,
        LexV2ContextTurns,
        LexV2GetSessionRequest,
        LexV2PutSessionRequest,
        LexV2SessionState,
        LexV2DialogAction,
        LexV2ElicitSubSlot,
        LexV2Intent,
        LexV2Slot,
        LexV2SlotValue,
        LexV2ActiveContext,
        LexV2TimeToLive,
        LexV2RuntimeHints,
        LexV2RuntimeHintDetails,
        LexV2RuntimeHintValue,
        LexV2Message,
        LexV2ImageResponseCard,
        LexV2Button,
        LexV2Interpretation,
        LexV2ConfidenceScore,
        LexV2SentimentResponse,
        LexV2SentimentScore,
        LexV2Session,
        LexV2GetSessionResponse,
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
