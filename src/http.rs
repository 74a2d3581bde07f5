//! The `http` feature: the same operations on the types hyper, axum, reqwest and tower users
//! hold, `http::Request` and `http::Response` (http 1.x).

use http::header::{HeaderName, HeaderValue};
use http::request::Parts;
use http::{Method, Request, Response, StatusCode, Uri};

use crate::{
    AilyAuthorization, AilyCreateSessionRequest, AilyCreateSessionResponse,
    AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyGetSessionRequest,
    AilyGetSessionResponse, AilyHost, AilyServiceError, AilyUpdateSessionRequest,
    AilyUpdateSessionResponse, LexDeleteSessionRequest, LexDeleteSessionResponse, LexRegion,
    LexServiceError, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse, LexV2GetSessionRequest,
    LexV2GetSessionResponse, LexV2PutSessionRequest, LexV2ServiceError, MockService, Operation,
    ResponseError, RouteError, RouteRejection, WireResponse,
};

/// The request target as the request line carries it: the path and the query string, which
/// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN) counts at every entry point.
fn target(uri: &Uri) -> &str {
    uri.path_and_query().map_or(uri.path(), |p| p.as_str())
}

/// `from_http_request` and `from_http_parts` for a request type whose `from_route` fails with
/// `$error`.
macro_rules! from_http_request {
    ($($ty:ident: $error:ident;)*) => {$(
        impl $ty {
            /// Route-parses an incoming `http::Request` by its method and request target (path
            /// and query, as the request line carries it).
            ///
            /// # Errors
            ///
            /// As [`from_route`](Self::from_route).
            pub fn from_http_request<B>(request: &Request<B>) -> Result<Self, $error> {
                Self::from_route(request.method().as_str(), target(request.uri()))
            }

            /// Route-parses incoming request [`Parts`](Parts) by method and request target.
            ///
            /// # Errors
            ///
            /// As [`from_route`](Self::from_route).
            pub fn from_http_parts(parts: &Parts) -> Result<Self, $error> {
                Self::from_route(parts.method.as_str(), target(&parts.uri))
            }
        }
    )*};
}

from_http_request! {
    AilyGetSessionRequest: RouteError;
    AilyDeleteSessionRequest: RouteError;
    LexDeleteSessionRequest: RouteError;
    LexV2DeleteSessionRequest: RouteError;
    LexV2GetSessionRequest: RouteError;
}

/// `from_http_request` and `from_http_parts` for a request type read from its request line,
/// headers and body by `from_request`, failing with `$error`.
macro_rules! from_http_request_with_body {
    ($($ty:ident: $error:ident;)*) => {$(
        impl $ty {
            /// Reads an incoming `http::Request` by its method, request target (path and
            /// query, as the request line carries it), headers and body, as
            /// [`from_request`](Self::from_request) does.
            ///
            /// # Errors
            ///
            /// As [`from_request`](Self::from_request).
            pub fn from_http_request<B: AsRef<[u8]>>(request: &Request<B>) -> Result<Self, $error> {
                Self::from_request(
                    request.method().as_str(),
                    target(request.uri()),
                    request.headers(),
                    request.body().as_ref(),
                )
            }

            /// Reads incoming request [`Parts`](Parts) and the body bytes collected apart, as
            /// hyper gives them.
            ///
            /// # Errors
            ///
            /// As [`from_request`](Self::from_request).
            pub fn from_http_parts(parts: &Parts, body: &[u8]) -> Result<Self, $error> {
                Self::from_request(parts.method.as_str(), target(&parts.uri), &parts.headers, body)
            }
        }
    )*};
}

from_http_request_with_body! {
    AilyCreateSessionRequest: RouteError;
    AilyUpdateSessionRequest: RouteError;
    LexV2PutSessionRequest: RouteError;
    Operation: RouteRejection;
}

/// `from_http_response` and `from_http_parts` for a response type read with `$error`.
macro_rules! from_http_response {
    ($($ty:ident: $error:ident;)*) => {$(
        impl $ty {
            /// Classifies an `http::Response` as [`from_http`](Self::from_http) does.
            ///
            /// # Errors
            ///
            /// As [`from_http`](Self::from_http).
            pub fn from_http_response<B: AsRef<[u8]>>(
                response: &Response<B>,
            ) -> Result<Self, ResponseError<$error>> {
                Self::from_http(
                    response.status().as_u16(),
                    response.headers(),
                    response.body().as_ref(),
                )
            }

            /// Classifies a response from its `http` [`Parts`](http::response::Parts) and the
            /// body bytes collected apart, as hyper gives them.
            ///
            /// # Errors
            ///
            /// As [`from_http`](Self::from_http).
            pub fn from_http_parts(
                parts: &http::response::Parts,
                body: &[u8],
            ) -> Result<Self, ResponseError<$error>> {
                Self::from_http(parts.status.as_u16(), &parts.headers, body)
            }
        }
    )*};
}

from_http_response! {
    AilyCreateSessionResponse: AilyServiceError;
    AilyGetSessionResponse: AilyServiceError;
    AilyUpdateSessionResponse: AilyServiceError;
    AilyDeleteSessionResponse: AilyServiceError;
    LexDeleteSessionResponse: LexServiceError;
    LexV2DeleteSessionResponse: LexV2ServiceError;
    LexV2GetSessionResponse: LexV2ServiceError;
}

#[cfg(feature = "gzip")]
from_http_response! {
    LexV2PutSessionResponse: LexV2ServiceError;
}

#[cfg(feature = "gzip")]
use crate::LexV2PutSessionResponse;

/// `base`'s scheme, authority and path prefix (without a trailing `/`), as [`url_on`] takes it.
///
/// [`url_on`]: AilyDeleteSessionRequest::url_on
fn base_of(base: &Uri) -> String {
    let mut out = String::new();
    if let (Some(scheme), Some(authority)) = (base.scheme_str(), base.authority()) {
        out.push_str(scheme);
        out.push_str("://");
        out.push_str(authority.as_str());
    }
    out.push_str(base.path().strip_suffix('/').unwrap_or(base.path()));
    out
}

/// A request with `method`, the URL and `body`. The URL is built from validated, encoded
/// labels, so it always parses.
fn request<B>(method: Method, url: &str, body: B) -> Request<B> {
    let mut request = Request::new(body);
    *request.method_mut() = method;
    *request.uri_mut() = url
        .parse()
        .expect("a URL built from validated labels is a valid URI");
    request
}

/// A `DELETE` request with an empty body.
fn delete(url: &str) -> Request<()> {
    request(Method::DELETE, url, ())
}

/// `request` with the `Authorization` header, marked sensitive (so `http` and hyper never
/// print it), and the other `headers`.
fn with_headers<'h, B>(
    mut request: Request<B>,
    auth: &AilyAuthorization,
    headers: impl Iterator<Item = (&'static str, &'h str)>,
) -> Request<B> {
    let map = request.headers_mut();
    // b64token bytes are all visible ASCII, so the value is always a valid header value.
    if let Ok(mut value) = HeaderValue::from_str(auth.expose_header_value()) {
        value.set_sensitive(true);
        map.insert(http::header::AUTHORIZATION, value);
    }
    for (name, value) in headers {
        // The names are the crate's constants, the values visible ASCII by their types' rules.
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::from_str(value)) {
            map.append(name, value);
        }
    }
    request
}

impl AilyGetSessionRequest {
    /// The request as an `http::Request<()>` to `host`: `GET`, the full URL, and the
    /// `Authorization` header marked sensitive.
    pub fn to_http_request(&self, host: AilyHost, auth: &AilyAuthorization) -> Request<()> {
        with_headers(
            request(Method::GET, &self.url(host), ()),
            auth,
            core::iter::empty(),
        )
    }

    /// The same request on any base URI (a mock on loopback, a proxy), as
    /// [`url_on`](Self::url_on).
    pub fn to_http_request_on(&self, base: &Uri, auth: &AilyAuthorization) -> Request<()> {
        let url = self.url_on(&base_of(base));
        with_headers(request(Method::GET, &url, ()), auth, core::iter::empty())
    }
}

impl AilyCreateSessionRequest {
    /// The request as an `http::Request<Vec<u8>>` to `host`: `POST`, the full URL, the
    /// `Authorization` header marked sensitive, `Content-Type`, `X-Aily-BizUserID` where set,
    /// and the JSON body.
    ///
    /// ```
    /// use botsession::{AilyCreateSessionRequest, AilyHost, AilyMetadata};
    ///
    /// let auth = "Bearer t-g1044qeGEDXTB6NDJOGV4JQX".parse()?;
    /// let request = AilyCreateSessionRequest::new()
    ///     .with_metadata(AilyMetadata::new("{}").unwrap())
    ///     .to_http_request(AilyHost::Feishu, &auth);
    /// assert_eq!(request.method(), http::Method::POST);
    /// assert_eq!(request.uri(), "https://open.feishu.cn/open-apis/aily/v1/sessions");
    /// assert_eq!(request.headers()["content-type"], "application/json; charset=utf-8");
    /// assert_eq!(request.body(), br#"{"metadata":"{}"}"#);
    /// assert_eq!(AilyCreateSessionRequest::from_http_request(&request).map(|r| r.body()), Ok(request.body().clone()));
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    pub fn to_http_request(&self, host: AilyHost, auth: &AilyAuthorization) -> Request<Vec<u8>> {
        let request = request(Method::POST, &self.url(host), self.body());
        with_headers(request, auth, self.headers())
    }

    /// The same request on any base URI (a mock on loopback, a proxy), as
    /// [`url_on`](Self::url_on).
    pub fn to_http_request_on(&self, base: &Uri, auth: &AilyAuthorization) -> Request<Vec<u8>> {
        let request = request(Method::POST, &self.url_on(&base_of(base)), self.body());
        with_headers(request, auth, self.headers())
    }
}

impl AilyUpdateSessionRequest {
    /// The request as an `http::Request<Vec<u8>>` to `host`: `PUT`, the full URL, the
    /// `Authorization` header marked sensitive, `Content-Type` and the JSON body.
    pub fn to_http_request(&self, host: AilyHost, auth: &AilyAuthorization) -> Request<Vec<u8>> {
        let request = request(Method::PUT, &self.url(host), self.body());
        with_headers(request, auth, self.headers())
    }

    /// The same request on any base URI (a mock on loopback, a proxy), as
    /// [`url_on`](Self::url_on).
    pub fn to_http_request_on(&self, base: &Uri, auth: &AilyAuthorization) -> Request<Vec<u8>> {
        let request = request(Method::PUT, &self.url_on(&base_of(base)), self.body());
        with_headers(request, auth, self.headers())
    }
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
        with_headers(delete(&self.url(host)), auth, core::iter::empty())
    }

    /// The same request on any base URI (a mock on loopback, a proxy): its scheme, authority
    /// and path prefix, as [`url_on`](Self::url_on).
    ///
    /// ```
    /// use botsession::{AilyDeleteSessionRequest, AilySessionId};
    ///
    /// let auth = "Bearer t-g1044qeGEDXTB6NDJOGV4JQX".parse()?;
    /// let base: http::Uri = "http://127.0.0.1:8080".parse().unwrap();
    /// let request = AilyDeleteSessionRequest::new(AilySessionId::from_static("session_4dfunz7sp1g8m"))
    ///     .to_http_request_on(&base, &auth);
    /// assert_eq!(request.uri(), "http://127.0.0.1:8080/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m");
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    pub fn to_http_request_on(&self, base: &Uri, auth: &AilyAuthorization) -> Request<()> {
        with_headers(
            delete(&self.url_on(&base_of(base))),
            auth,
            core::iter::empty(),
        )
    }
}

impl LexDeleteSessionRequest {
    /// The request as an `http::Request<()>` to the region's runtime endpoint: `DELETE` and
    /// the full URL with percent-encoded labels. Signing (SigV4) is the caller's.
    pub fn to_http_request(&self, region: &LexRegion) -> Request<()> {
        delete(&self.url(region))
    }

    /// The same request on any base URI (a mock on loopback, LocalStack, a VPC or FIPS
    /// endpoint): its scheme, authority and path prefix, as [`url_on`](Self::url_on).
    pub fn to_http_request_on(&self, base: &Uri) -> Request<()> {
        delete(&self.url_on(&base_of(base)))
    }
}

impl LexV2DeleteSessionRequest {
    /// The request as an `http::Request<()>` to the region's V2 runtime endpoint: `DELETE` and
    /// the full URL with percent-encoded labels. Signing (SigV4, service name `lex`) is the
    /// caller's.
    pub fn to_http_request(&self, region: &LexRegion) -> Request<()> {
        delete(&self.url(region))
    }

    /// The same request on any base URI, as [`url_on`](Self::url_on).
    pub fn to_http_request_on(&self, base: &Uri) -> Request<()> {
        delete(&self.url_on(&base_of(base)))
    }
}

impl LexV2GetSessionRequest {
    /// The request as an `http::Request<()>` to the region's V2 runtime endpoint: `GET` and
    /// the full URL with percent-encoded labels. Signing (SigV4, service name `lex`) is the
    /// caller's.
    pub fn to_http_request(&self, region: &LexRegion) -> Request<()> {
        request(Method::GET, &self.url(region), ())
    }

    /// The same request on any base URI, as [`url_on`](Self::url_on).
    pub fn to_http_request_on(&self, base: &Uri) -> Request<()> {
        request(Method::GET, &self.url_on(&base_of(base)), ())
    }
}

impl LexV2PutSessionRequest {
    /// The request as an `http::Request<Vec<u8>>` to the region's V2 runtime endpoint: `POST`,
    /// the full URL, `Content-Type: application/json`, `ResponseContentType` where set, and
    /// the JSON body. Signing (SigV4, service name `lex`) is the caller's.
    ///
    /// ```
    /// use botsession::{
    ///     LexRegion, LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2PutSessionRequest,
    ///     LexV2SessionState,
    /// };
    ///
    /// let request = LexV2PutSessionRequest::new(
    ///     LexV2BotId::from_static("ABCDE12345"),
    ///     LexV2BotAliasId::TEST,
    ///     LexV2LocaleId::from_static("en_US"),
    ///     "user:42".parse()?,
    ///     LexV2SessionState::new(),
    /// );
    /// let http = request.to_http_request(&"us-east-1".parse()?);
    /// assert_eq!(http.method(), http::Method::POST);
    /// assert_eq!(http.headers()["content-type"], "application/json");
    /// assert_eq!(http.body(), br#"{"sessionState":{}}"#);
    /// assert_eq!(LexV2PutSessionRequest::from_http_request(&http), Ok(request));
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    pub fn to_http_request(&self, region: &LexRegion) -> Request<Vec<u8>> {
        put_request(self, &self.url(region))
    }

    /// The same request on any base URI, as [`url_on`](Self::url_on).
    pub fn to_http_request_on(&self, base: &Uri) -> Request<Vec<u8>> {
        put_request(self, &self.url_on(&base_of(base)))
    }
}

/// PutSession's `http::Request` to `url`: its headers and body.
fn put_request(put: &LexV2PutSessionRequest, url: &str) -> Request<Vec<u8>> {
    let mut request = request(Method::POST, url, put.body());
    let map = request.headers_mut();
    for (name, value) in put.headers() {
        // The names are the crate's constants; a value a header cannot carry was left out.
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::from_str(value)) {
            map.append(name, value);
        }
    }
    request
}

impl From<WireResponse> for Response<Vec<u8>> {
    /// The same status, headers and body as an `http::Response`.
    fn from(wire: WireResponse) -> Self {
        let (status, headers, body) = wire.into_parts();
        let mut response = Response::new(body);
        // Every status this crate writes is a valid one (100-999); a caller's own out-of-range
        // one becomes a 500 rather than a panic.
        *response.status_mut() =
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let map = response.headers_mut();
        map.reserve(headers.len());
        for (name, value) in headers {
            // The names are the crate's constants and the values are checked visible ASCII.
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::try_from(value.as_str()),
            ) {
                map.append(name, value);
            }
        }
        response
    }
}

impl WireResponse {
    /// The response as an `http::Response<Vec<u8>>`.
    ///
    /// ```
    /// use botsession::AilyDeleteSessionResponse;
    ///
    /// let response = AilyDeleteSessionResponse::new().render().into_http_response();
    /// assert_eq!(response.status(), 200);
    /// assert_eq!(response.headers()["content-type"], "application/json; charset=utf-8");
    /// ```
    pub fn into_http_response(self) -> Response<Vec<u8>> {
        self.into()
    }
}

impl MockService {
    /// [`handle`](Self::handle) for an `http::Request`: its method, path, headers and body.
    ///
    /// ```
    /// use botsession::{AilySessionId, MockService};
    ///
    /// let mut mock = MockService::new();
    /// mock.insert_aily_session(AilySessionId::from_static("session_4dfunz7sp1g8m"));
    /// let request = http::Request::delete("/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m")
    ///     .header("Authorization", "Bearer t-g1044qeGEDXTB6NDJOGV4JQX")
    ///     .body(Vec::new())
    ///     .unwrap();
    /// assert_eq!(mock.handle_http_request(&request).status(), 200);
    /// ```
    pub fn handle_http_request<B: AsRef<[u8]>>(
        &mut self,
        request: &Request<B>,
    ) -> Response<Vec<u8>> {
        self.handle(
            request.method().as_str(),
            target(request.uri()),
            request.headers(),
            request.body().as_ref(),
        )
        .into()
    }
}
