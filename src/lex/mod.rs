//! Amazon Lex runtime (V1): `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`.

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
