//! Amazon Lex V2 runtime DeleteSession:
//! `DELETE /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`.
//!
//! `ids.rs` (bot, alias, locale and session ids), `request.rs` (request, rendering, route),
//! `response.rs` (classifying and writing a response), `error.rs` (the documented exceptions
//! and the service error). The restJson1 reading and writing is shared with Lex V1
//! (`crate::response::rest_json`).

#[cfg(feature = "serde")]
mod error;
mod ids;
mod request;
#[cfg(feature = "serde")]
pub(crate) mod response;

#[cfg(feature = "serde")]
pub use error::{LexV2ErrorKind, LexV2ServiceError};
pub use ids::{LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2SessionId};
pub use request::LexV2DeleteSessionRequest;
#[cfg(feature = "serde")]
pub use response::LexV2DeleteSessionResponse;
