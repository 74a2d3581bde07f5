//! Amazon Lex V2 runtime: the session operations under
//! `/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`.
//!
//! - `ids.rs`: the bot, alias, locale and session ids;
//! - `error.rs`: the documented exceptions and the service error;
//! - one file per operation: `delete_session.rs`.
//!
//! The restJson1 wire (header names, reading and writing) is shared with Lex V1:
//! `crate::response::rest_json`, and the types it declares `crate::response::rest_json_types`.

mod delete_session;
#[cfg(feature = "serde")]
mod error;
mod ids;

pub use delete_session::LexV2DeleteSessionRequest;
#[cfg(feature = "serde")]
pub use delete_session::LexV2DeleteSessionResponse;
#[cfg(feature = "serde")]
pub use error::{LexV2ErrorKind, LexV2ServiceError};
pub use ids::{LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2SessionId};
