//! [`RouteRejection`]: a request line that names no operation, with whose path it was, and its
//! answer in that API's format.

use alloc::string::String;

use super::{Api, RouteError};

/// Why [`Operation::from_route`](crate::Operation::from_route) did not route a request line:
/// the [`RouteError`], the API whose path it was, so that a gateway answers in that API's
/// format, and the request id or log id to answer with, where the caller set one.
///
/// With the `serde` feature, `render` writes the answer:
///
/// | rejection | Aily (envelope) | Lex V1 (restJson1) | Lex V2 (restJson1) |
/// |---|---|---|---|
/// | [`RouteError::NotFound`] | 99991201 | `UnknownOperationException` | the same |
/// | [`RouteError::MethodNotAllowed`] | 99991301, `Allow` | `UnknownOperationException`, `Allow` | the same |
/// | [`RouteError::OtherOperation`] | 99991301 | `UnknownOperationException` | the same |
/// | [`RouteError::PathTooLong`] | 2700001 | `BadRequestException` | `ValidationException` |
/// | a bad label | 2700001, a field violation | `BadRequestException` | `ValidationException` |
/// | [`RouteError::ContentType`], [`RouteError::Header`], [`RouteError::Field`] | 2700001, a field violation naming it | `BadRequestException` | `ValidationException` |
/// | [`RouteError::Body`], [`RouteError::BodyTooLarge`] | 2700001, a field violation | `BadRequestException` | `ValidationException` |
/// | `RouteError::Value` (Lex V2 PutSession's body: the path and the rule) | 2700001, a field violation naming the top-level field | `BadRequestException` | `ValidationException` |
///
/// each with the status of [`RouteError::http_status`] and the request id set with
/// [`with_request_id`](Self::with_request_id) (Aily: `X-Tt-Logid` and `error.log_id`; Lex:
/// `x-amzn-RequestId`). The error's text is the Lex message; Aily sends its code's own `msg`
/// for 404 and 405, the error's text as `msg` for 501 and 414, and as the field violation's
/// description for a bad label. A path under no API gets a plain-text answer with the status and
/// the error's text, and no id: no API's header would carry it.
///
/// Sources: Aily's 2700001 with 400 is the delete-session docs' own; 99991201 ("resource not
/// find") and 99991301 ("request method doesn't match") are the generic error code page's
/// codes for these cases (the live gateway has also been seen to answer an unknown path with
/// Go's plain `404 page not found`, which no client could classify: the documented envelope is
/// written instead). Lex's `BadRequestException` is its documented 400, and Lex V2's is
/// `ValidationException`; `UnknownOperationException` is what AWS services answer for a request
/// that names no operation (smithy issue 1368: "the default behavior would be an
/// `UnknownOperationException` 404"; the smithy-rs restJson1 router sends it with 404 and
/// answers a wrong method with 405). No service documents a 414 or a 501: their bodies use the
/// API's parameter error. A 501 is what a gateway that does not pass another operation through
/// answers; the service itself would serve it. Nor does any service document its answer to a
/// wrong `Content-Type`, an oversized body or a bad body: each is the API's parameter error
/// (Aily's 2700001), sent with the HTTP status of the reason (415, 413, 400).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{error}")]
pub struct RouteRejection {
    api: Option<Api>,
    error: RouteError,
    request_id: Option<String>,
}

impl RouteRejection {
    /// A rejection for `error` on a path of `api` (`None`: no API's).
    pub fn new(api: Option<Api>, error: RouteError) -> Self {
        RouteRejection {
            api,
            error,
            request_id: None,
        }
    }

    /// The same, answered with a request id: Aily's log id, Lex's request id. A rejection on a
    /// path under no API keeps it but answers in plain text, without it.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The API whose path it was: `None` for a path under no API's prefix.
    pub fn api(&self) -> Option<Api> {
        self.api
    }

    /// What is wrong with the request line.
    pub fn error(&self) -> &RouteError {
        &self.error
    }

    /// The request id the answer carries, where one was set.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The HTTP status to answer with, [`RouteError::http_status`].
    pub fn http_status(&self) -> u16 {
        self.error.http_status()
    }

    /// The route error, by value.
    pub fn into_error(self) -> RouteError {
        self.error
    }
}

#[cfg(feature = "serde")]
impl RouteRejection {
    /// Writes the answer the API whose path it was gives, in its format (the table above).
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionResponse, Operation, ResponseError};
    ///
    /// let rejection = Operation::from_route("POST", "/open-apis/aily/v1/sessions/session_1")
    ///     .unwrap_err()
    ///     .with_request_id("2024abc");
    /// let wire = rejection.render();
    /// assert_eq!(wire.status(), 405);
    /// assert_eq!(wire.header("Allow"), Some("DELETE, GET, PUT"));
    /// assert_eq!(wire.header("X-Tt-Logid"), Some("2024abc"));
    /// let read = AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert!(matches!(read, Err(ResponseError::Service(e)) if e.code() == 99991301));
    /// ```
    pub fn render(&self) -> crate::WireResponse {
        use crate::response::wire::{WireResponse, ALLOW};
        use crate::{AilyServiceError, LexServiceError, LexV2ServiceError};
        use alloc::string::ToString;

        let id = self.request_id.as_deref();
        let mut wire = match self.api {
            Some(Api::Aily) => AilyServiceError::from_route_error(&self.error)
                .with_optional_request_id(id)
                .render(),
            Some(Api::Lex) => LexServiceError::from_route_error(&self.error)
                .with_optional_request_id(id)
                .render(),
            Some(Api::LexV2) => LexV2ServiceError::from_route_error(&self.error)
                .with_optional_request_id(id)
                .render(),
            None => {
                let body = self.error.to_string().into_bytes();
                return WireResponse::new(
                    self.error.http_status(),
                    "text/plain; charset=utf-8",
                    body,
                );
            }
        };
        if let RouteError::MethodNotAllowed { allowed } = self.error {
            wire.static_header(ALLOW, allowed);
        }
        wire
    }
}
