//! Feishu Aily: `DELETE https://open.feishu.cn/open-apis/aily/v1/sessions/:aily_session_id`.

mod delete_session;
#[cfg(feature = "serde")]
mod error;
mod ids;
mod token;

#[cfg(feature = "serde")]
pub use delete_session::AilyDeleteSessionResponse;
pub use delete_session::{AilyDeleteSessionRequest, AilyHost};
#[cfg(feature = "serde")]
pub use error::{AilyErrorKind, AilyServiceError, FieldViolation, Help, PermissionViolation};
pub use ids::{AilyMessageId, AilyRunId, AilySessionId};
pub use token::{AilyAccessToken, AilyAuthorization, AilyTokenKind};
