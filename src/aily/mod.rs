//! Feishu Aily: `DELETE https://open.feishu.cn/open-apis/aily/v1/sessions/:aily_session_id`.

mod ids;
mod token;

pub use ids::{AilyMessageId, AilyRunId, AilySessionId};
pub use token::{AilyAccessToken, AilyAuthorization, AilyTokenKind};
