//! Feishu Aily: `DELETE https://open.feishu.cn/open-apis/aily/v1/sessions/:aily_session_id`.

//!
//! `ids.rs` (session, message and run ids), `token.rs` (the secrets: access token and
//! `Authorization`), `request.rs` (request, rendering, route), `response.rs` (classifying and
//! writing a response), `error.rs` (error codes and the service error), `auth.rs` (the
//! `Authorization` header of an incoming request).

mod auth;
#[cfg(feature = "serde")]
mod error;
mod ids;
mod request;
#[cfg(feature = "serde")]
pub(crate) mod response;
mod token;

pub use auth::AuthorizationError;
#[cfg(feature = "serde")]
pub use error::{AilyErrorKind, AilyServiceError, FieldViolation, Help, PermissionViolation};
pub use ids::{AilyMessageId, AilyRunId, AilySessionId};
pub use request::{AilyDeleteSessionRequest, AilyHost};
#[cfg(feature = "serde")]
pub use response::AilyDeleteSessionResponse;
pub use token::{AilyAccessToken, AilyAuthorization, AilyTokenKind};
