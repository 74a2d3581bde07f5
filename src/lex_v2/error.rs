//! Lex V2 DeleteSession errors: the documented exceptions and the service error, declared by
//! the restJson1 macros both Lex versions share (`crate::response::rest_json_types`), and the answer for a session the
//! service does not know.

use crate::response::rest_json_types::{rest_json_kinds, rest_json_service_error};

rest_json_kinds! {
    /// The errors the Lex V2 runtime model documents for the session operations, with
    /// [`LexV2ErrorKind::Unknown`] keeping any other code, so a new error never fails parsing.
    /// Every operation can answer Validation, AccessDenied, ResourceNotFound, Throttling and
    /// InternalServer; DeleteSession and PutSession add Conflict, and PutSession adds
    /// DependencyFailed and BadGateway. (The operations' prose still mentions
    /// `BadRequestException`, which V2 does not have: its 400 is `ValidationException`.)
    LexV2ErrorKind {
        /// `ValidationException`, 400: the input fails a constraint.
        Validation = "ValidationException", 400, "the input fails a constraint";
        /// `AccessDeniedException`, 403: the caller lacks a permission.
        AccessDenied = "AccessDeniedException", 403, "access denied";
        /// `ResourceNotFoundException`, 404: the bot, alias, locale or session does not exist.
        ResourceNotFound = "ResourceNotFoundException", 404, "the resource was not found";
        /// `ConflictException`, 409: a conflicting request is in progress; not retried.
        Conflict = "ConflictException", 409, "a conflicting request is in progress";
        /// `ThrottlingException`, 429: too many requests; wait and retry.
        Throttling = "ThrottlingException", 429, "the request was throttled";
        /// `InternalServerException`, 500: internal service error; retry.
        InternalServer = "InternalServerException", 500, "internal service error";
        /// `DependencyFailedException`, 424 (PutSession): a dependency such as the bot's
        /// Lambda function failed; not retried.
        DependencyFailed = "DependencyFailedException", 424, "a dependency failed";
        /// `BadGatewayException`, 502 (PutSession): a dependency answered badly; retried, as
        /// every 502 is.
        BadGateway = "BadGatewayException", 502, "a dependency returned an invalid response";
    }
}

rest_json_service_error! {
    /// A Lex V2 error response: any status outside 2xx with an error code or a message.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use botsession::{LexV2DeleteSessionResponse, LexV2ErrorKind, LexV2ServiceError, ResponseError};
    ///
    /// let headers = [
    ///     ("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/"),
    ///     ("x-amzn-RequestId", "5f1e2d3c-0000-4000-8000-000000000000"),
    ///     ("x-amz-retry-after", "1500"),
    /// ];
    /// let err = LexV2DeleteSessionResponse::from_http(429, &headers, br#"{"message":"slow down"}"#)
    ///     .unwrap_err();
    /// let ResponseError::Service(e) = &err else { panic!("{err}") };
    /// assert_eq!(e.kind(), &LexV2ErrorKind::Throttling);
    /// assert!(e.is_throttling() && err.is_retryable());
    /// assert_eq!(err.retry_after(), Some(Duration::from_millis(1500)));
    /// assert_eq!(err.to_string(), "Lex V2 ThrottlingException, HTTP 429: slow down");
    ///
    /// // A server writes one as the service does, and a client reads it back equal.
    /// let sent = LexV2ServiceError::new(LexV2ErrorKind::ResourceNotFound)
    ///     .with_message("no such session")
    ///     .with_request_id("r-1");
    /// let wire = sent.render();
    /// assert_eq!(wire.status(), 404);
    /// assert_eq!(wire.header("x-amzn-ErrorType"), Some("ResourceNotFoundException"));
    /// let read = LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert_eq!(read, Err(ResponseError::Service(sent)));
    /// ```
    LexV2ServiceError,
    LexV2ErrorKind,
    Throttling,
    Validation,
    "Lex V2"
}

impl LexV2ServiceError {
    /// The service error of an error response as the restJson1 reader read it.
    pub(crate) fn from_read(e: crate::response::rest_json::ReadError<'_>) -> Self {
        Self::from_wire(
            LexV2ErrorKind::from_sanitized(&e.code),
            e.message,
            e.request_id,
            e.status,
            e.retry_after_millis,
        )
    }

    /// What the service answers a session it does not know: `LexV2ErrorKind::ResourceNotFound` with HTTP
    /// 404 and the message `"No session found for the bot, alias, locale and session id."` (the documented "not found" error; the service's answer
    /// for an unknown session is not documented).
    pub fn session_not_found() -> Self {
        Self::new(LexV2ErrorKind::ResourceNotFound)
            .with_message("No session found for the bot, alias, locale and session id.")
    }
}
