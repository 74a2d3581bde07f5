//! What every Aily request shares: its documented limits, scope, tokens and app types, its URL
//! on a host or any base, and its `Authorization` header; and for create and update, the body
//! fields. Declared once, for each request type by a macro.

/// The constants and methods every Aily request has: `aily_request!(Type, scope SCOPE, "what
/// the scope allows")`. The type implements `WritePath` for its path.
macro_rules! aily_request {
    ($ty:ident, scope $scope:expr, $allows:literal) => {
        impl $ty {
            /// The documented rate limit per second (50 requests).
            pub const RATE_LIMIT_PER_SECOND: u32 = $crate::aily::wire::RATE_LIMIT_PER_SECOND;
            /// The documented rate limit per minute (1000 requests).
            pub const RATE_LIMIT_PER_MINUTE: u32 = $crate::aily::wire::RATE_LIMIT_PER_MINUTE;
            #[doc = concat!("The permission the app needs: \"", $allows, "\".")]
            pub const REQUIRED_SCOPE: &'static str = $scope;
            /// The access tokens the operation accepts: `tenant_access_token` or
            /// `user_access_token`.
            pub const TOKEN_KINDS: &'static [$crate::AilyTokenKind] =
                &[$crate::AilyTokenKind::Tenant, $crate::AilyTokenKind::User];
            /// The app types that may call it: custom (self-built) apps only.
            pub const APP_TYPES: &'static [&'static str] = &["custom"];
            /// The `Authorization` header's name.
            pub const AUTHORIZATION: &'static str = $crate::aily::wire::AUTHORIZATION;

            /// The full URL on `host`.
            pub fn url(&self, host: $crate::AilyHost) -> alloc::string::String {
                self.url_on(host.base_url())
            }

            /// The full URL on any base: a mock on loopback, a proxy, a private endpoint.
            /// `base` is a scheme and host with an optional path prefix; a trailing `/` is
            /// dropped.
            pub fn url_on(&self, base: &str) -> alloc::string::String {
                $crate::route::label::WritePath::url_on(self, base)
            }

            /// The `Authorization: Bearer <token>` header, with the raw token: the name says so
            /// because the value is a secret.
            pub fn expose_authorization_header<'a>(
                &self,
                auth: &'a $crate::AilyAuthorization,
            ) -> (&'static str, &'a str) {
                (Self::AUTHORIZATION, auth.expose_header_value())
            }
        }
    };
}

/// The body fields of create and update (`body_fields!(Type)`: the type has `channel_context`
/// and `metadata` fields): built, read and written.
#[cfg(feature = "serde")]
macro_rules! body_fields {
    ($ty:ident) => {
        impl $ty {
            /// The content type of the body, which the operation requires.
            pub const CONTENT_TYPE: &'static str = $crate::aily::wire::CONTENT_TYPE;
            /// The most bytes of a body `from_request` reads.
            pub const MAX_BODY_LEN: usize = $crate::aily::wire::AILY_MAX_BODY_LEN;

            /// The same, with a channel context.
            #[must_use]
            pub fn with_channel_context(
                mut self,
                channel_context: $crate::AilyChannelContext,
            ) -> Self {
                self.channel_context = Some(channel_context);
                self
            }

            /// The same, with metadata.
            #[must_use]
            pub fn with_metadata(mut self, metadata: $crate::AilyMetadata) -> Self {
                self.metadata = Some(metadata);
                self
            }

            /// The channel context the request sends, where it sends one.
            pub fn channel_context(&self) -> Option<&$crate::AilyChannelContext> {
                self.channel_context.as_ref()
            }

            /// The metadata the request sends, where it sends them.
            pub fn metadata(&self) -> Option<&$crate::AilyMetadata> {
                self.metadata.as_ref()
            }

            /// The JSON body: the fields set, `{}` for none.
            pub fn body(&self) -> alloc::vec::Vec<u8> {
                $crate::aily::session::write_body(
                    self.channel_context.as_ref(),
                    self.metadata.as_ref(),
                )
            }
        }
    };
}

/// A request whose whole is its request line on a session's path, `GET` or `DELETE …/sessions/
/// :aily_session_id`: `session_request!(#[doc] Type, "METHOD", "what to do", errors "…")`
/// declares the type, its constructor, path and route, as [`aily_request!`] its URL and
/// limits.
macro_rules! session_request {
    ($(#[$doc:meta])* $ty:ident, $method:literal, $what:literal, errors $errors:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub struct $ty {
            #[cfg_attr(feature = "serde", serde(rename = "aily_session_id"))]
            session_id: $crate::AilySessionId,
        }

        impl $ty {
            /// The HTTP method.
            pub const METHOD: &'static str = $method;
            /// The path template, as the docs write it.
            pub const PATH_TEMPLATE: &'static str = "/open-apis/aily/v1/sessions/:aily_session_id";

            /// The request for a session.
            pub const fn new(session_id: $crate::AilySessionId) -> Self {
                $ty { session_id }
            }

            #[doc = concat!("The session to ", $what, ".")]
            pub const fn session_id(&self) -> $crate::AilySessionId {
                self.session_id
            }

            /// The request path: `/open-apis/aily/v1/sessions/<id>` (the id alphabet needs no
            /// encoding).
            pub fn path(&self) -> alloc::string::String {
                $crate::route::label::WritePath::path(self)
            }

            /// Parses a request line: `method` (case-sensitive; `HEAD` is read as `GET`) and
            /// `path` (percent-encoded, any query string ignored but counted in
            /// [`MAX_PATH_LEN`](crate::MAX_PATH_LEN)).
            ///
            /// # Errors
            ///
            #[doc = $errors]
            pub fn from_route(method: &str, path: &str) -> Result<Self, $crate::RouteError> {
                $crate::route::route_to(method, path, &$crate::route::Incoming::none())
            }

            /// The request from the labels of its path template (it reads no header and no
            /// body).
            pub(crate) fn from_parts(
                mut labels: $crate::route::Labels<'_>,
                _: &$crate::route::Incoming<'_>,
            ) -> Result<Self, $crate::RouteError> {
                Ok(Self::new(labels.next()?))
            }
        }

        impl $crate::route::label::WritePath for $ty {
            fn write_path(&self, out: &mut alloc::string::String) {
                $crate::aily::wire::write_session_path(out, self.session_id);
            }
        }

        impl From<$crate::AilySessionId> for $ty {
            fn from(session_id: $crate::AilySessionId) -> Self {
                Self::new(session_id)
            }
        }
    };
}

#[cfg(feature = "serde")]
pub(crate) use body_fields;
pub(crate) use {aily_request, session_request};
