//! The macros that give both Lex versions their error kinds, their service error and their
//! operations' success responses from one definition: restJson1 is the same shape in V1 and V2,
//! only the documented codes and the body fields differ.

/// Declares an error-kind enum from one table of `variant = code, status, description`, with
/// an `Unknown(String)` catch-all that keeps any other (sanitized) code.
macro_rules! rest_json_kinds {
    (
        $(#[$meta:meta])*
        $kind:ident {
            $($(#[$doc:meta])* $variant:ident = $code:literal, $status:literal, $desc:literal;)*
        }
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("Kinds compare and hash by [`code`](", stringify!($kind), "::code), so `Unknown` of a")]
        /// documented code equals its variant; `from_code` never builds the former.
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub enum $kind {
            $($(#[$doc])* $variant,)*
            /// A code not listed here, kept as sent (sanitized); empty when the response had
            /// none but a message.
            Unknown(alloc::string::String),
        }

        impl $kind {
            /// Every documented kind.
            pub const KNOWN: &'static [$kind] = &[$($kind::$variant),*];

            /// The kind for an error code, sanitized first as the AWS SDKs do (the first of
            /// several comma-separated values; `ConflictException:http://…` is `Conflict`);
            /// never fails.
            pub fn from_code(code: &str) -> $kind {
                $kind::from_sanitized($crate::response::rest_json::sanitize_code(code))
            }

            /// The kind for a code already sanitized.
            pub(crate) fn from_sanitized(code: &str) -> $kind {
                match code {
                    $($code => $kind::$variant,)*
                    _ => $kind::Unknown(alloc::string::String::from(code)),
                }
            }

            /// The error code, e.g. `"ConflictException"`.
            pub fn code(&self) -> &str {
                match self {
                    $($kind::$variant => $code,)*
                    $kind::Unknown(code) => code,
                }
            }

            /// The code of a documented kind, as a constant.
            pub(crate) const fn static_code(&self) -> Option<&'static str> {
                match self {
                    $($kind::$variant => Some($code),)*
                    $kind::Unknown(_) => None,
                }
            }

            /// The HTTP status the docs give for the error; `None` for an unknown code.
            pub const fn documented_status(&self) -> Option<u16> {
                match self {
                    $($kind::$variant => Some($status),)*
                    $kind::Unknown(_) => None,
                }
            }

            /// The HTTP status the service sends the error with: the documented one, 400 for an
            /// unknown code. `new` answers with it.
            pub const fn http_status(&self) -> u16 {
                match self.documented_status() {
                    Some(status) => status,
                    None => 400,
                }
            }

            /// What the docs say the error means.
            pub const fn description(&self) -> &'static str {
                match self {
                    $($kind::$variant => $desc,)*
                    $kind::Unknown(_) => "unknown error code",
                }
            }

            /// Whether the AWS SDKs retry the error whatever its status: a throttling or
            /// transient code, or the model's server fault (its one documented 500). Another
            /// documented 5xx, Lex V2's `BadGatewayException` (502), is not a fault in the
            /// model: it is retried by its status, as the SDKs retry every 502.
            pub fn is_retryable(&self) -> bool {
                $crate::response::aws::is_retryable(self.code(), 0)
                    || matches!(self.documented_status(), Some(500))
            }

            /// Whether the code is a throttling code, as the AWS SDKs list them.
            pub fn is_throttling(&self) -> bool {
                $crate::response::aws::is_throttling(self.code())
            }

            /// Whether the code asks for fresh credentials: expired (`ExpiredToken`, …) or
            /// invalid (`UnrecognizedClientException`, `InvalidClientTokenId`).
            pub fn needs_credentials_refresh(&self) -> bool {
                $crate::response::aws::needs_credentials_refresh(self.code())
            }
        }

        impl PartialEq for $kind {
            fn eq(&self, other: &Self) -> bool {
                self.code() == other.code()
            }
        }

        impl Eq for $kind {}

        impl core::hash::Hash for $kind {
            fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
                self.code().hash(state)
            }
        }
    };
}
pub(crate) use rest_json_kinds;

/// Declares a restJson1 service error type for `$kind`: the error a client reads and a server
/// writes, with the AWS SDKs' retry classification. `$throttled` is the kind whose errors carry
/// a `Retry-After` of one second by default, `$invalid` the API's parameter error (what a bad
/// label or an overlong path is answered with); `$api` names the API in messages.
macro_rules! rest_json_service_error {
    ($(#[$meta:meta])* $ty:ident, $kind:ident, $throttled:ident, $invalid:ident, $api:literal) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $ty {
            kind: $kind,
            message: Option<alloc::string::String>,
            request_id: Option<alloc::string::String>,
            http_status: u16,
            /// Milliseconds.
            retry_after: Option<u64>,
        }

        impl $ty {
            /// The error as the service sends it for `kind`: the kind's
            #[doc = concat!("[`http_status`](", stringify!($kind), "::http_status), no message, and for")]
            #[doc = concat!("[`", stringify!($kind), "::", stringify!($throttled), "`] a `Retry-After` of 1 second. The")]
            /// `with_*` methods change any part: [`with_message`](Self::with_message) sets the
            /// body's `message`, which the services always send.
            pub fn new(kind: $kind) -> Self {
                let retry_after = matches!(kind, $kind::$throttled).then_some(1000);
                let status = kind.http_status();
                Self::from_wire(kind, None, None, status, retry_after)
            }

            /// The error the service answers a request line with that does not route: the
            /// status of [`RouteError::http_status`]($crate::RouteError::http_status),
            /// `UnknownOperationException` for no route, a wrong method and another operation,
            #[doc = concat!("[`", stringify!($kind), "::", stringify!($invalid), "`] for a bad label or an overlong path,")]
            /// and the route error's text as its message (see the table on
            /// [`RouteRejection`]($crate::RouteRejection)). A 405 also needs the `Allow` header,
            /// which [`RouteRejection::render`]($crate::RouteRejection::render) adds.
            pub fn from_route_error(error: &$crate::RouteError) -> Self {
                use $crate::RouteError;
                let kind = match error {
                    RouteError::NotFound
                    | RouteError::MethodNotAllowed { .. }
                    | RouteError::OtherOperation { .. } => {
                        $kind::from_sanitized($crate::response::rest_json::UNKNOWN_OPERATION)
                    }
                    _ => $kind::$invalid,
                };
                Self::new(kind)
                    .with_message(alloc::string::ToString::to_string(error))
                    .with_http_status(error.http_status())
            }

            /// The same, with the body's `message`.
            #[must_use]
            pub fn with_message(mut self, message: impl Into<alloc::string::String>) -> Self {
                self.message = Some(message.into());
                self
            }

            /// The same, with a request id where there is one.
            pub(crate) fn with_optional_request_id(self, request_id: Option<&str>) -> Self {
                match request_id {
                    Some(id) => self.with_request_id(id),
                    None => self,
                }
            }

            pub(crate) fn from_wire(
                kind: $kind,
                message: Option<alloc::string::String>,
                request_id: Option<alloc::string::String>,
                http_status: u16,
                retry_after_millis: Option<u64>,
            ) -> Self {
                $ty {
                    kind,
                    message,
                    request_id,
                    http_status,
                    retry_after: retry_after_millis,
                }
            }

            /// The same, with a request id (sent in `x-amzn-RequestId`).
            #[must_use]
            pub fn with_request_id(mut self, request_id: impl Into<alloc::string::String>) -> Self {
                self.request_id = Some(request_id.into());
                self
            }

            /// The same, sent with another HTTP status.
            #[must_use]
            pub fn with_http_status(mut self, status: u16) -> Self {
                self.http_status = status;
                self
            }

            /// The same, with a `Retry-After` of `secs` seconds (capped at
            /// [`MAX_RETRY_AFTER_SECS`](crate::MAX_RETRY_AFTER_SECS) as a reader caps it), or none.
            #[must_use]
            pub fn with_retry_after_secs(self, secs: Option<u64>) -> Self {
                self.with_retry_after_millis(secs.map(|s| s.saturating_mul(1000)))
            }

            /// The same, with a wait of `millis` milliseconds (capped as
            /// [`with_retry_after_secs`](Self::with_retry_after_secs)), or none: sent as
            /// `Retry-After` when it is whole seconds, else as `x-amz-retry-after`.
            #[must_use]
            pub fn with_retry_after_millis(mut self, millis: Option<u64>) -> Self {
                self.retry_after = millis.map($crate::response::rest_json::cap_millis);
                self
            }

            /// Writes the error as the service sends it, restJson1: the status, `Content-Type:
            /// application/json`, `x-amzn-ErrorType` with the code, `x-amzn-RequestId`, the wait
            /// where set, and the body `{"message":…}`. What it writes, the crate's own
            /// `from_http` reads back equal: a code that cannot travel in a header goes in the
            /// body's `code`, and one with a `#` gets a leading `#`, so that the SDKs'
            /// sanitizing gives it back unchanged.
            pub fn render(&self) -> $crate::response::wire::WireResponse {
                $crate::response::rest_json::render_error(
                    self.http_status,
                    self.kind.code(),
                    self.kind.static_code(),
                    self.message.as_deref(),
                    self.request_id.as_deref(),
                    self.retry_after,
                )
            }

            /// What the code means.
            pub fn kind(&self) -> &$kind {
                &self.kind
            }
            /// The sanitized error code, e.g. `"ConflictException"`; empty when the response
            /// had a message but no code.
            pub fn code(&self) -> &str {
                self.kind.code()
            }
            /// The message: body `message`, `Message` or `errorMessage`.
            pub fn message(&self) -> Option<&str> {
                self.message.as_deref()
            }
            /// The `x-amzn-RequestId` header.
            pub fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }
            /// The HTTP status of the response (which may disagree with the documented one).
            pub fn http_status(&self) -> u16 {
                self.http_status
            }
            /// Whether the same call may succeed later, as the AWS SDKs decide it: a throttling
            /// code (`ThrottlingException`, `LimitExceededException`, …) or a transient one
            /// (`RequestTimeout`, `RequestTimeoutException`) whatever the status, a documented
            /// server fault, or status 500, 502, 503 or 504. Not 409 Conflict.
            pub fn is_retryable(&self) -> bool {
                self.kind.is_retryable()
                    || $crate::response::aws::is_retryable(self.code(), self.http_status)
            }
            /// Whether the code is a throttling code: back off before retrying.
            pub fn is_throttling(&self) -> bool {
                self.kind.is_throttling()
            }
            /// Whether the credentials have expired (`ExpiredToken`, `ExpiredTokenException`,
            /// `RequestExpired`): refresh them, then sign and send again.
            pub fn needs_credentials_refresh(&self) -> bool {
                self.kind.needs_credentials_refresh()
            }
            /// Whether the signature's clock is off (`RequestTimeTooSkewed`,
            /// `InvalidSignatureException`, `SignatureDoesNotMatch`, …): correct the clock
            /// offset, then sign and send again.
            pub fn is_clock_skew(&self) -> bool {
                $crate::response::aws::is_clock_skew(self.code())
            }
            /// How long to wait: `x-amz-retry-after` (milliseconds) where the service sent it,
            /// else `Retry-After` (seconds), capped at
            /// [`MAX_RETRY_AFTER_SECS`](crate::MAX_RETRY_AFTER_SECS).
            pub fn retry_after(&self) -> Option<core::time::Duration> {
                self.retry_after.map(core::time::Duration::from_millis)
            }
        }

        impl $crate::response::sealed::Sealed for $ty {}

        impl $crate::ServiceError for $ty {
            fn code(&self) -> $crate::ErrorCode<'_> {
                $crate::ErrorCode::Name(self.code())
            }
            fn message(&self) -> Option<&str> {
                self.message()
            }
            fn request_id(&self) -> Option<&str> {
                self.request_id()
            }
            fn http_status(&self) -> u16 {
                self.http_status
            }
            fn is_retryable(&self) -> bool {
                $ty::is_retryable(self)
            }
            fn retry_after(&self) -> Option<core::time::Duration> {
                $ty::retry_after(self)
            }
            fn is_throttling(&self) -> bool {
                $ty::is_throttling(self)
            }
            fn needs_credentials_refresh(&self) -> bool {
                $ty::needs_credentials_refresh(self)
            }
            fn is_clock_skew(&self) -> bool {
                $ty::is_clock_skew(self)
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.code() {
                    "" => write!(f, concat!($api, " error without a code, HTTP {}"), self.http_status)?,
                    code => write!(
                        f,
                        concat!($api, " {}, HTTP {}"),
                        $crate::text::bounded(code, $crate::response::rest_json::MAX_CODE_LEN),
                        self.http_status
                    )?,
                }
                match &self.message {
                    Some(m) => write!(f, ": {}", $crate::text::bounded(m, $crate::text::EXCERPT_LEN)),
                    None => Ok(()),
                }
            }
        }

        impl core::error::Error for $ty {}
    };
}
pub(crate) use rest_json_service_error;

/// Declares a restJson1 success response of `$error`'s API whose body is an object of optional
/// strings: the type a client reads with `from_http` and a server writes with `render`, the
/// body kept as received. Each field is `name: "wireName"`, in the model's order; the
/// operation's file adds `new`.
macro_rules! rest_json_response {
    (
        $(#[$meta:meta])*
        $ty:ident, $error:ident, $kind:ident {
            $($(#[$doc:meta])* $field:ident: $wire:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $ty {
            body: Body,
            request_id: Option<alloc::string::String>,
            http_status: u16,
        }

        /// The success body on the wire; private, so that the public type has no
        /// `Deserialize` that bypasses `from_http`.
        #[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize, Default)]
        struct Body {
            $(
                #[serde(default, rename = $wire)]
                $field: Option<alloc::string::String>,
            )*
        }

        impl $ty {
            /// Classifies a response from its HTTP status, headers (any
            /// [`Headers`]($crate::Headers): pairs or, with the `http` feature, an
            /// `http::HeaderMap`; names matched case-insensitively, first occurrence wins) and
            /// body.
            ///
            /// A 2xx status is success; an empty 2xx body means every field absent, as the AWS
            /// SDKs read it. Anything else is an error: its code from the `x-amzn-ErrorType`
            /// header (the first of several comma-separated values), else the body's `code`,
            /// else its `__type`, sanitized as the SDKs do; with none of them but a `message`,
            /// an error of an unknown kind with an empty code. The wait is `x-amz-retry-after`
            /// (milliseconds), else `Retry-After` (seconds).
            ///
            /// # Errors
            ///
            /// [`ResponseError::Service`]($crate::ResponseError::Service) for an error response
            /// with a code (known or not) or a message;
            /// [`ResponseError::Malformed`]($crate::ResponseError::Malformed) for a 2xx body that
            /// is not the documented JSON object (a field of the wrong type), or an error
            /// response with neither a code nor a message.
            pub fn from_http<H: $crate::Headers + ?Sized>(
                status: u16,
                headers: &H,
                body: &[u8],
            ) -> Result<Self, $crate::ResponseError<$error>> {
                let (body, request_id) = $crate::response::rest_json::read_response(
                    status,
                    headers,
                    body,
                    |e| {
                        $error::from_wire(
                            $kind::from_sanitized(&e.code),
                            e.message,
                            e.request_id,
                            e.status,
                            e.retry_after_millis,
                        )
                    },
                )?;
                Ok($ty {
                    body,
                    request_id,
                    http_status: status,
                })
            }

            /// The response with `body`, HTTP 200 and no request id.
            fn ok(body: Body) -> Self {
                $ty {
                    body,
                    request_id: None,
                    http_status: 200,
                }
            }

            /// The same, with a request id (sent in `x-amzn-RequestId`).
            #[must_use]
            pub fn with_request_id(
                mut self,
                request_id: impl Into<alloc::string::String>,
            ) -> Self {
                self.request_id = Some(request_id.into());
                self
            }

            /// Writes the response as the service sends it: the status, `Content-Type:
            /// application/json`, `x-amzn-RequestId` (where it is a valid header value), and
            /// the body with the fields that are set, in the model's order. What it writes,
            /// [`from_http`](Self::from_http) reads back equal.
            pub fn render(&self) -> $crate::WireResponse {
                $crate::response::rest_json::render_success(
                    self.http_status,
                    self.request_id.as_deref(),
                    [$(($crate::response::wire::key!($wire), self.body.$field.as_deref()),)*],
                )
            }

            $(
                $(#[$doc])*
                pub fn $field(&self) -> Option<&str> {
                    self.body.$field.as_deref()
                }
            )*

            /// The `x-amzn-RequestId` header.
            pub fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }

            /// The HTTP status of the response.
            pub fn http_status(&self) -> u16 {
                self.http_status
            }
        }
    };
}
pub(crate) use rest_json_response;
