//! Lex V1 DeleteSession errors: the documented exceptions and the service error, declared by
//! the restJson1 macros both Lex versions share (`crate::response::rest_json_types`), and the answer for a session the
//! service does not know.

use crate::response::rest_json_types::{rest_json_kinds, rest_json_service_error};

rest_json_kinds! {
    /// The DeleteSession errors Lex V1 documents, with [`LexErrorKind::Unknown`] keeping any
    /// other code, so a new error never fails parsing.
    LexErrorKind {
        /// `BadRequestException`, 400: request validation failed, or the bot is not built.
        BadRequest = "BadRequestException", 400, "request validation failed or the bot is not built";
        /// `ConflictException`, 409: two clients use the same account, bot and user id.
        Conflict = "ConflictException", 409, "two clients are using the same bot and user id";
        /// `InternalFailureException`, 500: internal service error; retry.
        InternalFailure = "InternalFailureException", 500, "internal service error";
        /// `LimitExceededException`, 429: a limit was exceeded; wait `Retry-After` seconds.
        LimitExceeded = "LimitExceededException", 429, "a limit was exceeded";
        /// `NotFoundException`, 404: the bot or alias does not exist.
        NotFound = "NotFoundException", 404, "the bot or alias was not found";
    }
}

rest_json_service_error! {
    /// A Lex error response: any status outside 2xx with an error code.
    ///
    /// ```
    /// use botsession::{LexDeleteSessionResponse, LexErrorKind, ResponseError};
    /// use std::time::Duration;
    ///
    /// let headers = [
    ///     ("x-amzn-ErrorType", "LimitExceededException:http://internal.amazon.com/coral/"),
    ///     ("x-amzn-RequestId", "5f1e2d3c-0000-4000-8000-000000000000"),
    ///     ("Retry-After", "3"),
    /// ];
    /// let err = LexDeleteSessionResponse::from_http(429, &headers, br#"{"message":"slow down"}"#)
    ///     .unwrap_err();
    /// let ResponseError::Service(e) = &err else { panic!("{err}") };
    /// assert_eq!(e.kind(), &LexErrorKind::LimitExceeded);
    /// assert_eq!(e.message(), Some("slow down"));
    /// assert!(err.is_retryable());
    /// assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
    /// assert_eq!(err.to_string(), "Lex LimitExceededException, HTTP 429: slow down");
    /// ```
    LexServiceError,
    LexErrorKind,
    LimitExceeded,
    BadRequest,
    "Lex"
}

impl LexServiceError {
    /// What the service answers a session it does not know: `LexErrorKind::NotFound` with HTTP
    /// 404 and the message `"No session found for the bot, alias and user."` (the documented "not found" error; the service's answer
    /// for an unknown session is not documented).
    pub fn session_not_found() -> Self {
        Self::new(LexErrorKind::NotFound)
            .with_message("No session found for the bot, alias and user.")
    }
}
