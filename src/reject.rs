//! Rejections in the service's own format: what each API answers for a request line that does
//! not route ([`RouteError`]) and, for Aily, an `Authorization` header that does not authorize
//! ([`AuthorizationError`]). Every status and code chosen here is in this file.
//!
//! | rejection | Aily (envelope) | Lex V1 (restJson1) | Lex V2 (restJson1) |
//! |---|---|---|---|
//! | [`RouteError::NotFound`] | 404, 99991201 | 404, `UnknownOperationException` | the same |
//! | [`RouteError::MethodNotAllowed`] | 405, 99991301, `Allow` | 405, `UnknownOperationException`, `Allow` | the same |
//! | [`RouteError::OtherOperation`] | 501, 99991301 | 501, `UnknownOperationException` | the same |
//! | [`RouteError::PathTooLong`] | 414, 2700001 | 414, `BadRequestException` | 414, `ValidationException` |
//! | a bad label | 400, 2700001, a field violation | 400, `BadRequestException` | 400, `ValidationException` |
//! | [`AuthorizationError`] | 400, 99991661 | (SigV4: not modelled) | (SigV4: not modelled) |
//!
//! Sources: Aily's 2700001 with 400 is the delete-session docs' own; 99991201 ("resource not
//! find") and 99991301 ("request method doesn't match") are the generic error code page's codes
//! for these cases (the live gateway has also been seen to answer an unknown path with Go's plain
//! `404 page not found`, which no client could classify: the documented envelope is written
//! instead); 99991661 with 400 was captured for a missing token and for a header without the
//! `Bearer ` scheme (go-lark/lark issue 28; a credential-free probe of open.feishu.cn). Lex's
//! `BadRequestException` is its documented 400, and Lex V2's is `ValidationException`; `UnknownOperationException` is what AWS
//! services answer for a request that names no operation (smithy issue 1368: "the default
//! behavior would be an `UnknownOperationException` 404"; the smithy-rs restJson1 router sends
//! it with 404 and answers a wrong method with 405). No service documents a 414 or a 501: their
//! bodies use the API's parameter error. A 501 is what a gateway that does not pass another
//! operation through answers; the service itself would serve it.

use alloc::string::ToString;

use crate::response::wire::{WireResponse, ALLOW};
use crate::{
    AilyDeleteSessionRequest, AilyErrorKind, AilyServiceError, Api, AuthorizationError,
    FieldViolation, LexDeleteSessionRequest, LexErrorKind, LexServiceError,
    LexV2DeleteSessionRequest, LexV2ErrorKind, LexV2ServiceError, RouteError, RouteRejection,
};

/// The code AWS services answer a request that names no operation with.
const UNKNOWN_OPERATION: &str = "UnknownOperationException";

impl AilyServiceError {
    /// The error the Aily service answers a request line with that does not route (see the
    /// table on [`RouteRejection::render`]). A 405 also needs the `Allow` header, which
    /// [`RouteRejection::render`] adds.
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionRequest, AilyErrorKind, AilyServiceError};
    ///
    /// let err = AilyDeleteSessionRequest::from_route("DELETE", "/open-apis/aily/v1/sessions/session_I")
    ///     .unwrap_err();
    /// let answer = AilyServiceError::from_route_error(&err);
    /// assert_eq!(answer.kind(), AilyErrorKind::ParamInvalid);
    /// assert_eq!(answer.http_status(), 400);
    /// assert_eq!(answer.field_violations()[0].field(), Some("aily_session_id"));
    /// ```
    pub fn from_route_error(error: &RouteError) -> Self {
        let described = |e: Self| e.with_msg(error.to_string());
        match error {
            RouteError::NotFound => Self::new(AilyErrorKind::PathNotFound),
            RouteError::MethodNotAllowed { .. } => Self::new(AilyErrorKind::MethodMismatch),
            RouteError::OtherOperation { .. } => {
                described(Self::new(AilyErrorKind::MethodMismatch).with_http_status(501))
            }
            RouteError::PathTooLong { .. } => {
                described(Self::new(AilyErrorKind::ParamInvalid).with_http_status(414))
            }
            _ => {
                let mut violation = FieldViolation::new().with_description(error.to_string());
                if let Some(label) = error.label() {
                    violation = violation.with_field(label);
                }
                Self::new(AilyErrorKind::ParamInvalid).with_field_violation(violation)
            }
        }
    }

    /// The error the Aily service answers a request with whose `Authorization` header is
    /// missing, doubled or invalid: 99991661 with HTTP 400, as captured from the service for a
    /// missing token and for a header without the `Bearer ` scheme.
    pub fn from_authorization_error(error: &AuthorizationError) -> Self {
        match error {
            AuthorizationError::Missing => Self::new(AilyErrorKind::TokenMissing),
            _ => Self::new(AilyErrorKind::TokenMissing).with_msg(error.to_string()),
        }
    }
}

impl LexServiceError {
    /// The error the Lex service answers a request line with that does not route (see the
    /// table on [`RouteRejection::render`]), with the route error's text as its message. A 405
    /// also needs the `Allow` header, which [`RouteRejection::render`] adds.
    pub fn from_route_error(error: &RouteError) -> Self {
        let (kind, status) = match error {
            RouteError::NotFound | RouteError::MethodNotAllowed { .. } => (
                LexErrorKind::from_code(UNKNOWN_OPERATION),
                error.http_status(),
            ),
            RouteError::OtherOperation { .. } => (LexErrorKind::from_code(UNKNOWN_OPERATION), 501),
            _ => (LexErrorKind::BadRequest, error.http_status()),
        };
        Self::new(kind, error.to_string()).with_http_status(status)
    }
}

impl LexV2ServiceError {
    /// The error the Lex V2 service answers a request line with that does not route, as
    /// [`LexServiceError::from_route_error`] with V2's parameter error, `ValidationException`.
    pub fn from_route_error(error: &RouteError) -> Self {
        let (kind, status) = match error {
            RouteError::NotFound | RouteError::MethodNotAllowed { .. } => (
                LexV2ErrorKind::from_code(UNKNOWN_OPERATION),
                error.http_status(),
            ),
            RouteError::OtherOperation { .. } => {
                (LexV2ErrorKind::from_code(UNKNOWN_OPERATION), 501)
            }
            _ => (LexV2ErrorKind::Validation, error.http_status()),
        };
        Self::new(kind, error.to_string()).with_http_status(status)
    }
}

impl RouteRejection {
    /// Writes the answer the API whose path it was gives, in its format:
    ///
    /// | rejection | Aily (envelope) | Lex V1 and V2 (restJson1) |
    /// |---|---|---|
    /// | [`RouteError::NotFound`] | 404, 99991201 | 404, `UnknownOperationException` |
    /// | [`RouteError::MethodNotAllowed`] | 405, 99991301, `Allow` | 405, `UnknownOperationException`, `Allow` |
    /// | [`RouteError::OtherOperation`] | 501, 99991301 | 501, `UnknownOperationException` |
    /// | [`RouteError::PathTooLong`] | 414, 2700001 | 414, `BadRequestException` (V2: `ValidationException`) |
    /// | a bad label | 400, 2700001, a field violation | 400, `BadRequestException` (V2: `ValidationException`) |
    ///
    /// `Allow` lists every method the service serves on the path:
    /// [`AilyDeleteSessionRequest::ALLOW`], [`LexDeleteSessionRequest::ALLOW`],
    /// [`LexV2DeleteSessionRequest::ALLOW`]. A path under no API gets a plain-text answer with
    /// the status and the error's text.
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionResponse, DeleteSession, ResponseError};
    ///
    /// let rejection = DeleteSession::from_route("POST", "/open-apis/aily/v1/sessions/session_1").unwrap_err();
    /// let wire = rejection.render();
    /// assert_eq!(wire.status(), 405);
    /// assert_eq!(wire.header("Allow"), Some("DELETE, GET, PUT"));
    /// let read = AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert!(matches!(read, Err(ResponseError::Service(e)) if e.code() == 99991301));
    /// ```
    pub fn render(&self) -> WireResponse {
        let (mut wire, allow) = match self.api() {
            Some(Api::Aily) => (
                AilyServiceError::from_route_error(self.error()).render(),
                AilyDeleteSessionRequest::ALLOW,
            ),
            Some(Api::Lex) => (
                LexServiceError::from_route_error(self.error()).render(),
                LexDeleteSessionRequest::ALLOW,
            ),
            Some(Api::LexV2) => (
                LexV2ServiceError::from_route_error(self.error()).render(),
                LexV2DeleteSessionRequest::ALLOW,
            ),
            None => {
                let body = self.error().to_string().into_bytes();
                let wire = WireResponse::new(
                    self.error().http_status(),
                    "text/plain; charset=utf-8",
                    body,
                );
                (wire, "")
            }
        };
        if matches!(self.error(), RouteError::MethodNotAllowed { .. }) && !allow.is_empty() {
            wire.static_header(ALLOW, allow);
        }
        wire
    }
}
