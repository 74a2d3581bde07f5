//! Aily delete session, `DELETE /open-apis/aily/v1/sessions/:aily_session_id`: the request
//! (built, rendered, routed back from a request line) and the success response.

use super::wire;

super::request::session_request! {
    /// Aily delete session: `DELETE /open-apis/aily/v1/sessions/:aily_session_id`.
    ///
    /// Built from an [`AilySessionId`](crate::AilySessionId), so building one cannot fail;
    /// rendered into the exact method, path and URL; parsed back from a request line by
    /// [`from_route`](Self::from_route).
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionRequest, AilyHost, AilySessionId};
    ///
    /// let request = AilyDeleteSessionRequest::new(AilySessionId::from_static("session_4dfunz7sp1g8m"));
    /// assert_eq!(AilyDeleteSessionRequest::METHOD, "DELETE");
    /// assert_eq!(request.path(), "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m");
    /// assert_eq!(
    ///     request.url(AilyHost::Lark),
    ///     "https://open.larksuite.com/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
    /// );
    /// assert_eq!(
    ///     request.url_on("http://127.0.0.1:8080/"),
    ///     "http://127.0.0.1:8080/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
    /// );
    ///
    /// let parsed = AilyDeleteSessionRequest::from_route("DELETE", &request.path())?;
    /// assert_eq!(parsed, request);
    /// # Ok::<(), botsession::RouteError>(())
    /// ```
    AilyDeleteSessionRequest, "DELETE", "delete",
    errors "[`RouteError::NotFound`](crate::RouteError::NotFound) for another path \
    (`/open-apis/aily/v1/sessions/`, `/open-apis/aily/v1/sessions/x/`); \
    [`RouteError::OtherOperation`](crate::RouteError::OtherOperation) for `GET`, `HEAD` and \
    `PUT` (get and update session) and for `POST` on the collection (create), and for the \
    messages and runs under a session; \
    [`RouteError::MethodNotAllowed`](crate::RouteError::MethodNotAllowed) for any other method \
    on this path (`POST`, `delete`); [`RouteError::Escape`](crate::RouteError::Escape) or \
    [`RouteError::Utf8`](crate::RouteError::Utf8) for a label that does not percent-decode \
    (`session_%4`, `%FF`); [`RouteError::Label`](crate::RouteError::Label) for an invalid \
    session id (`session_I`); and [`RouteError::PathTooLong`](crate::RouteError::PathTooLong) \
    past [`MAX_PATH_LEN`](crate::MAX_PATH_LEN)."
}

super::request::aily_request!(
    AilyDeleteSessionRequest,
    scope wire::WRITE_SCOPE,
    "read and write session information"
);

#[cfg(feature = "serde")]
pub use response::AilyDeleteSessionResponse;

#[cfg(feature = "serde")]
mod response {
    use alloc::string::String;
    use alloc::vec::Vec;

    use crate::aily::error::read_envelope;
    use crate::aily::wire::{CONTENT_TYPE, LOG_ID, SUCCESS};
    use crate::response::wire::{key, JsonObject, WireResponse};
    use crate::{AilyServiceError, Headers, ResponseError};

    /// A successful Aily delete-session response: `code` 0.
    ///
    /// The docs' example body is `{"code": 0, "msg": "success", "data": {}}`. A client reads
    /// one with [`from_http`](Self::from_http); a server builds one with [`new`](Self::new) and
    /// writes it with [`render`](Self::render).
    ///
    /// ```
    /// use botsession::AilyDeleteSessionResponse;
    ///
    /// let body = br#"{"code":0,"msg":"success","data":{}}"#;
    /// let ok = AilyDeleteSessionResponse::from_http(200, &[("x-tt-logid", "2024abc")], body)?;
    /// assert_eq!(ok.message(), Some("success"));
    /// assert_eq!(ok.request_id(), Some("2024abc"));
    /// # Ok::<(), botsession::ResponseError<botsession::AilyServiceError>>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct AilyDeleteSessionResponse {
        http_status: u16,
        message: Option<String>,
        request_id: Option<String>,
    }

    /// The success body with the success `msg`, as the docs give it.
    const SUCCESS_BODY: &[u8] = br#"{"code":0,"msg":"success","data":{}}"#;

    impl Default for AilyDeleteSessionResponse {
        /// [`AilyDeleteSessionResponse::new`].
        fn default() -> Self {
            Self::new()
        }
    }

    impl AilyDeleteSessionResponse {
        /// Classifies a response from its HTTP status, headers (any [`Headers`]: pairs or, with
        /// the `http` feature, an `http::HeaderMap`; names matched case-insensitively, first
        /// occurrence wins) and body.
        ///
        /// The body decides, whatever the status: Aily sends business errors with 4xx, 5xx and
        /// sometimes 200, so `code` 0 is success and any other code a [`AilyServiceError`].
        ///
        /// # Errors
        ///
        /// [`ResponseError::Service`] for a non-zero `code`; [`ResponseError::Malformed`] for a
        /// body that is not the envelope: empty, not JSON, truncated, `code` missing or not an
        /// integer that fits in 64 bits, a JSON array instead of an object, or JSON nested
        /// deeper than 128 levels anywhere, read or ignored.
        pub fn from_http<H: Headers + ?Sized>(
            status: u16,
            headers: &H,
            body: &[u8],
        ) -> Result<Self, ResponseError<AilyServiceError>> {
            let ok = read_envelope(status, headers, body)?;
            Ok(AilyDeleteSessionResponse {
                http_status: ok.http_status,
                message: ok.message,
                request_id: ok.request_id,
            })
        }

        /// The success the service sends: HTTP 200, `msg` `"success"`, no log id.
        pub fn new() -> Self {
            AilyDeleteSessionResponse {
                http_status: 200,
                message: Some(String::from(SUCCESS)),
                request_id: None,
            }
        }

        /// The same, with a log id (sent in `X-Tt-Logid`).
        #[must_use]
        pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
            self.request_id = Some(request_id.into());
            self
        }

        /// Writes the response as the service sends it: the status, `Content-Type:
        /// application/json; charset=utf-8`, the log id in `X-Tt-Logid` (where it is a valid
        /// header value), and the envelope `{"code":0,"msg":…,"data":{}}` (`msg` where set: a
        /// success read without one is written without one). What it writes,
        /// [`from_http`](Self::from_http) reads back equal.
        ///
        /// ```
        /// use botsession::AilyDeleteSessionResponse;
        ///
        /// let sent = AilyDeleteSessionResponse::new().with_request_id("2024abc");
        /// let wire = sent.render();
        /// let read = AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
        /// assert_eq!(read, Ok(sent));
        /// ```
        pub fn render(&self) -> WireResponse {
            let body = if self.message.as_deref() == Some(SUCCESS) {
                // The documented success body, as a constant.
                SUCCESS_BODY.to_vec()
            } else {
                let message = self.message.as_deref();
                let mut body = Vec::with_capacity(36 + message.map_or(0, str::len));
                let mut envelope = JsonObject::open(&mut body);
                envelope.raw(key!("code"), b"0");
                envelope.optional(key!("msg"), message);
                envelope.raw(key!("data"), b"{}");
                envelope.close();
                body
            };
            let mut wire = WireResponse::new(self.http_status, CONTENT_TYPE, body);
            wire.header_if_safe(LOG_ID, self.request_id.as_deref());
            wire
        }

        /// The HTTP status of the response.
        pub fn http_status(&self) -> u16 {
            self.http_status
        }

        /// The service's `msg`: `Some("success")` for a built response, `None` where the service
        /// sent none.
        pub fn message(&self) -> Option<&str> {
            self.message.as_deref()
        }

        /// The log id: header `X-Tt-Logid`, else `X-Request-Id`, else `error.log_id`.
        pub fn request_id(&self) -> Option<&str> {
            self.request_id.as_deref()
        }
    }
}
