//! Aily get session, `GET /open-apis/aily/v1/sessions/:aily_session_id`: the request (built,
//! rendered, routed back from a request line) and the success response.

use super::wire;

super::request::session_request! {
    /// Aily get session: `GET /open-apis/aily/v1/sessions/:aily_session_id`.
    ///
    /// Built from an [`AilySessionId`](crate::AilySessionId), so building one cannot fail;
    /// rendered into the exact method, path and URL; parsed back from a request line by
    /// [`from_route`](Self::from_route) (`HEAD` too, as `GET`). It has no body.
    ///
    /// ```
    /// use botsession::{AilyGetSessionRequest, AilySessionId};
    ///
    /// let request = AilyGetSessionRequest::new(AilySessionId::from_static("session_4dfunz7sp1g8m"));
    /// assert_eq!(AilyGetSessionRequest::METHOD, "GET");
    /// assert_eq!(AilyGetSessionRequest::REQUIRED_SCOPE, "aily:session:read");
    /// assert_eq!(request.path(), "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m");
    /// assert_eq!(AilyGetSessionRequest::from_route("GET", &request.path()), Ok(request));
    /// ```
    AilyGetSessionRequest, "GET", "read",
    errors "As [`AilyDeleteSessionRequest::from_route`](crate::AilyDeleteSessionRequest::from_route), with [`RouteError::OtherOperation`](crate::RouteError::OtherOperation) for `DELETE` and `PUT`."
}

super::request::aily_request!(
    AilyGetSessionRequest,
    scope wire::READ_SCOPE,
    "read session information"
);

#[cfg(feature = "serde")]
crate::aily::session::session_response! {
    /// A successful Aily get-session response: `code` 0 and the session in `data.session`.
    ///
    /// A client reads one with [`from_http`](Self::from_http); a server builds one with
    /// [`new`](Self::new) and writes it with [`render`](Self::render).
    ///
    /// ```
    /// use botsession::AilyGetSessionResponse;
    ///
    /// let body = br#"{"code":0,"msg":"success","data":{"session":{"id":"session_4dfunz7sp1g8m",
    ///     "created_at":"1711975665710","modified_at":"1711975665710",
    ///     "created_by":"1794840334557292","channel_context":"{}","metadata":"{}"}}}"#;
    /// let ok = AilyGetSessionResponse::from_http(200, &[("X-Tt-Logid", "2024abc")], body)?;
    /// assert_eq!(ok.session().id(), "session_4dfunz7sp1g8m");
    /// assert_eq!(ok.session().created_at(), 1711975665710);
    /// assert_eq!(ok.session().created_by(), Some("1794840334557292"));
    /// assert_eq!(ok.request_id(), Some("2024abc"));
    ///
    /// let wire = ok.render();
    /// assert_eq!(AilyGetSessionResponse::from_http(wire.status(), wire.headers(), wire.body()), Ok(ok));
    /// # Ok::<(), botsession::ResponseError<botsession::AilyServiceError>>(())
    /// ```
    AilyGetSessionResponse
}
