//! Amazon Lex runtime (V1): `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`.

mod ids;

pub use ids::{LexBotAlias, LexBotName, LexUserId};
