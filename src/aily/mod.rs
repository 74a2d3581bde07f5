//! Feishu Aily: the session operations under `https://open.feishu.cn/open-apis/aily/v1/sessions`.
//!
//! - `ids.rs`: the session, message and run ids;
//! - `token.rs`: the secrets, the access token and `Authorization`, and `auth.rs` the
//!   `Authorization` header of an incoming request;
//! - `wire.rs`: the hosts, header names and envelope, for both directions;
//! - `codes.rs`: the error codes, `violations.rs` the entries of an error's `error` object, and
//!   `error.rs` the service error, written and read;
//! - `request.rs`: what every request shares (limits, scope, URL, `Authorization`) and the
//!   body fields of create and update, declared for each request type;
//! - `text.rs`: the free-text fields (channel context, metadata, the biz user id header), and
//!   `session.rs` the session object, the body of create and update, and the success response
//!   of the operations that answer with a session;
//! - one file per operation: `create_session.rs`, `get_session.rs`, `update_session.rs`,
//!   `delete_session.rs`. Create and update have JSON bodies: they come with the `serde`
//!   feature.

mod auth;
#[cfg(feature = "serde")]
mod codes;
#[cfg(feature = "serde")]
mod create_session;
mod delete_session;
#[cfg(feature = "serde")]
pub(crate) mod error;
mod get_session;
mod ids;
mod request;
pub(crate) mod session;
mod text;
mod token;
#[cfg(feature = "serde")]
mod update_session;
#[cfg(feature = "serde")]
mod violations;
pub(crate) mod wire;

pub use auth::AuthorizationError;
#[cfg(feature = "serde")]
pub use codes::AilyErrorKind;
#[cfg(feature = "serde")]
pub use create_session::{AilyCreateSessionRequest, AilyCreateSessionResponse};
pub use delete_session::AilyDeleteSessionRequest;
#[cfg(feature = "serde")]
pub use delete_session::AilyDeleteSessionResponse;
#[cfg(feature = "serde")]
pub use error::AilyServiceError;
pub use get_session::AilyGetSessionRequest;
#[cfg(feature = "serde")]
pub use get_session::AilyGetSessionResponse;
pub use ids::{AilyMessageId, AilyRunId, AilySessionId};
pub use session::AilySession;
pub use text::{AilyBizUserId, AilyChannelContext, AilyMetadata};
pub use token::{AilyAccessToken, AilyAuthorization, AilyTokenKind};
#[cfg(feature = "serde")]
pub use update_session::{AilyUpdateSessionRequest, AilyUpdateSessionResponse};
#[cfg(feature = "serde")]
pub use violations::{FieldViolation, Help, PermissionViolation};
pub use wire::{AilyHost, AILY_MAX_BODY_LEN};
