//! Feishu Aily: the session operations under `https://open.feishu.cn/open-apis/aily/v1/sessions`.
//!
//! - `ids.rs`: the session, message and run ids;
//! - `token.rs`: the secrets, the access token and `Authorization`, and `auth.rs` the
//!   `Authorization` header of an incoming request;
//! - `wire.rs`: the hosts, header names and envelope, for both directions;
//! - `codes.rs`: the error codes, `violations.rs` the entries of an error's `error` object, and
//!   `error.rs` the service error, written and read;
//! - one file per operation: `delete_session.rs`.

mod auth;
#[cfg(feature = "serde")]
mod codes;
mod delete_session;
#[cfg(feature = "serde")]
pub(crate) mod error;
mod ids;
mod token;
#[cfg(feature = "serde")]
mod violations;
pub(crate) mod wire;

pub use auth::AuthorizationError;
#[cfg(feature = "serde")]
pub use codes::AilyErrorKind;
pub use delete_session::AilyDeleteSessionRequest;
#[cfg(feature = "serde")]
pub use delete_session::AilyDeleteSessionResponse;
#[cfg(feature = "serde")]
pub use error::AilyServiceError;
pub use ids::{AilyMessageId, AilyRunId, AilySessionId};
pub use token::{AilyAccessToken, AilyAuthorization, AilyTokenKind};
#[cfg(feature = "serde")]
pub use violations::{FieldViolation, Help, PermissionViolation};
pub use wire::AilyHost;
