//! Amazon Lex V2 runtime: the session operations under
//! `/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`.
//!
//! - `ids.rs`: the bot, alias, locale and session ids;
//! - `text.rs`: the strings of the session state and messages, with their lengths and patterns;
//! - `state.rs`: the session state and everything in it; `message.rs`: messages and
//!   interpretations;
//! - `error.rs`: the documented exceptions and the service error;
//! - one file per operation: `delete_session.rs`, `get_session.rs`, `put_session.rs`, and
//!   `headers.rs`, PutSession's gzip-and-base64 response headers.
//!
//! The restJson1 wire (header names, reading and writing) is shared with Lex V1:
//! `crate::response::rest_json`, and the types it declares `crate::response::rest_json_types`.

mod delete_session;
#[cfg(feature = "serde")]
mod error;
mod get_session;
#[cfg(feature = "gzip")]
mod headers;
mod ids;
#[cfg(feature = "serde")]
mod message;
#[cfg(feature = "serde")]
mod put_session;
mod request;
#[cfg(feature = "serde")]
mod state;
mod text;
#[cfg(feature = "serde")]
mod wire;

pub use delete_session::LexV2DeleteSessionRequest;
#[cfg(feature = "serde")]
pub use delete_session::LexV2DeleteSessionResponse;
#[cfg(feature = "serde")]
pub use error::{LexV2ErrorKind, LexV2ServiceError};
pub use get_session::LexV2GetSessionRequest;
#[cfg(feature = "serde")]
pub use get_session::{LexV2GetSessionResponse, LexV2Session};
#[cfg(feature = "gzip")]
pub use headers::LexV2HeaderError;
pub use ids::{LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2SessionId};
#[cfg(feature = "serde")]
pub use message::{
    LexV2Button, LexV2ConfidenceScore, LexV2ImageResponseCard, LexV2Interpretation,
    LexV2InterpretationSource, LexV2Message, LexV2MessageContentType, LexV2SentimentResponse,
    LexV2SentimentScore, LexV2SentimentType,
};
#[cfg(feature = "serde")]
pub use put_session::LexV2PutSessionRequest;
#[cfg(feature = "gzip")]
pub use put_session::LexV2PutSessionResponse;
#[cfg(feature = "serde")]
pub use state::{
    LexV2ActiveContext, LexV2ConfirmationState, LexV2ContextSeconds, LexV2ContextTurns,
    LexV2DialogAction, LexV2DialogActionType, LexV2ElicitSubSlot, LexV2Intent, LexV2IntentState,
    LexV2JsonError, LexV2RuntimeHintDetails, LexV2RuntimeHintValue, LexV2RuntimeHints,
    LexV2SessionState, LexV2Slot, LexV2SlotShape, LexV2SlotValue, LexV2StyleType, LexV2TimeToLive,
};
pub use text::{
    LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl, LexV2ButtonText,
    LexV2ButtonValue, LexV2NonEmptyString, LexV2ParameterName, LexV2RuntimeHintName,
    LexV2RuntimeHintPhrase, LexV2Text,
};
#[cfg(feature = "serde")]
pub use wire::LEX_V2_MAX_JSON_LEN;
