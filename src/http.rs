//! The `http` feature: the same operations on the types hyper, axum, reqwest and tower users
//! hold, `http::Request` and `http::Response` (http 1.x).

use http::header::{HeaderName, HeaderValue};
use http::request::Parts;
use http::{HeaderMap, Method, Request, Response};

use crate::{
    AilyAuthorization, AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyHost,
    AilyServiceError, LexDeleteSessionRequest, LexDeleteSessionResponse, LexRegion,
    LexServiceError, ResponseError, RouteError,
};

/// A `DELETE` request with an empty body. The URL is built from validated, encoded labels, so
/// it always parses.
fn delete(url: &str) -> Request<()> {
    let mut request = Request::new(());
    *request.method_mut() = Method::DELETE;
    *request.uri_mut() = url
        .parse()
        .expect("a URL built from validated labels is a valid URI");
    request
}

impl AilyDeleteSessionRequest {
    /// The request as an `http::Request<()>` to `host`: `DELETE`, the full URL, and the
    /// `Authorization` header marked sensitive (so `http` and hyper never print it).
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionRequest, AilyHost, AilySessionId};
    ///
    /// let auth = "Bearer t-g1044qeGEDXTB6NDJOGV4JQX".parse()?;
    /// let request = AilyDeleteSessionRequest::new(AilySessionId::from_static("session_4dfunz7sp1g8m"))
    ///     .to_http_request(AilyHost::Feishu, &auth);
    /// assert_eq!(request.method(), http::Method::DELETE);
    /// assert_eq!(request.uri(), "https://open.feishu.cn/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m");
    /// assert!(request.headers()["authorization"].is_sensitive());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    pub fn to_http_request(&self, host: AilyHost, auth: &AilyAuthorization) -> Request<()> {
        let mut request = delete(&self.url(host));
        let (name, value) = self.expose_authorization_header(auth);
        // b64token bytes are all visible ASCII, so the value is always a valid header value.
        if let (Ok(name), Ok(mut value)) =
            (HeaderName::try_from(name), HeaderValue::from_str(value))
        {
            value.set_sensitive(true);
            request.headers_mut().insert(name, value);
        }
        request
    }

    /// Route-parses an incoming `http::Request` by its method and path.
    ///
    /// # Errors
    ///
    /// As [`from_route`](Self::from_route).
    pub fn from_http_request<B>(request: &Request<B>) -> Result<Self, RouteError> {
        Self::from_route(request.method().as_str(), request.uri().path())
    }

    /// Route-parses incoming request [`Parts`](Parts) by method and path.
    ///
    /// # Errors
    ///
    /// As [`from_route`](Self::from_route).
    pub fn from_http_parts(parts: &Parts) -> Result<Self, RouteError> {
        Self::from_route(parts.method.as_str(), parts.uri.path())
    }
}

impl AilyAuthorization {
    /// The `Authorization` header of an incoming request: `None` when absent, else the parsed
    /// value (the first one, if sent twice).
    ///
    /// # Errors
    ///
    /// As the [`FromStr`](core::str::FromStr) impl; a value that is not visible ASCII is a
    /// charset error.
    pub fn from_http_headers(headers: &HeaderMap) -> Option<Result<Self, crate::IdError>> {
        let value = headers.get(AilyDeleteSessionRequest::AUTHORIZATION)?;
        Some(match core::str::from_utf8(value.as_bytes()) {
            Ok(text) => text.parse(),
            // Not UTF-8: the validator reports the first bad byte (the lossy text is the same up
            // to it), without quoting it; length and length errors are the raw bytes'.
            Err(_) => {
                let raw_len = value.as_bytes().len();
                String::from_utf8_lossy(value.as_bytes())
                    .parse::<Self>()
                    .map_err(|e| e.with_found_len(raw_len))
            }
        })
    }
}

impl LexDeleteSessionRequest {
    /// The request as an `http::Request<()>` to the region's runtime endpoint: `DELETE` and
    /// the full URL with percent-encoded labels. Signing (SigV4) is the caller's.
    pub fn to_http_request(&self, region: &LexRegion) -> Request<()> {
        delete(&self.url(region))
    }

    /// Route-parses an incoming `http::Request` by its method and path.
    ///
    /// # Errors
    ///
    /// As [`from_route`](Self::from_route).
    pub fn from_http_request<B>(request: &Request<B>) -> Result<Self, RouteError> {
        Self::from_route(request.method().as_str(), request.uri().path())
    }

    /// Route-parses incoming request [`Parts`](Parts) by method and path.
    ///
    /// # Errors
    ///
    /// As [`from_route`](Self::from_route).
    pub fn from_http_parts(parts: &Parts) -> Result<Self, RouteError> {
        Self::from_route(parts.method.as_str(), parts.uri.path())
    }
}

impl AilyDeleteSessionResponse {
    /// Classifies an `http::Response` as [`from_http`](Self::from_http) does.
    ///
    /// # Errors
    ///
    /// As [`from_http`](Self::from_http).
    pub fn from_http_response<B: AsRef<[u8]>>(
        response: &Response<B>,
    ) -> Result<Self, ResponseError<AilyServiceError>> {
        Self::read(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }
}

impl LexDeleteSessionResponse {
    /// Classifies an `http::Response` as [`from_http`](Self::from_http) does.
    ///
    /// # Errors
    ///
    /// As [`from_http`](Self::from_http).
    pub fn from_http_response<B: AsRef<[u8]>>(
        response: &Response<B>,
    ) -> Result<Self, ResponseError<LexServiceError>> {
        Self::read(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }
}
