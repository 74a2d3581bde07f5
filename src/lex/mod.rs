//! Amazon Lex runtime (V1): DeleteSession, `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`.
//! Its sibling operations stay untyped ("another operation"): V1 is past end of support.
//!
//! - `ids.rs`: the user id, bot name and alias, region;
//! - `error.rs`: the documented exceptions and the service error;
//! - one file per operation: `delete_session.rs`.
//!
//! The restJson1 wire (header names, reading and writing) is shared with Lex V2:
//! `crate::response::rest_json`, and the types it declares `crate::response::rest_json_types`.

mod delete_session;
#[cfg(feature = "serde")]
mod error;
mod ids;

pub use delete_session::LexDeleteSessionRequest;
#[cfg(feature = "serde")]
pub use delete_session::LexDeleteSessionResponse;
#[cfg(feature = "serde")]
pub use error::{LexErrorKind, LexServiceError};
pub use ids::{LexBotAlias, LexBotName, LexRegion, LexUserId};
