//! Amazon Lex runtime (V1): `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`.

//!
//! `ids.rs` (user id, bot name and alias, region), `request.rs` (request, rendering, route),
//! `response.rs` (classifying and writing a response), `error.rs` (the exceptions and the service
//! error). The restJson1 reading and writing is shared with Lex V2
//! (`crate::response::rest_json`).

#[cfg(feature = "serde")]
mod error;
mod ids;
mod request;
#[cfg(feature = "serde")]
pub(crate) mod response;

#[cfg(feature = "serde")]
pub use error::{LexErrorKind, LexServiceError};
pub use ids::{LexBotAlias, LexBotName, LexRegion, LexUserId};
pub use request::LexDeleteSessionRequest;
#[cfg(feature = "serde")]
pub use response::LexDeleteSessionResponse;
