//! The `Authorization` header of an incoming Aily request: exactly one, and valid.

use alloc::string::String;

use super::wire::AUTHORIZATION;
use super::AilyAuthorization;
use crate::{Headers, IdError};

/// Why an incoming request's `Authorization` header does not authorize it.
///
/// Never quotes the header: [`IdError`] names at most one offending character, and for the
/// secret types not even that.
///
/// ```
/// use botsession::{AilyAuthorization, AuthorizationError};
///
/// let headers = [("authorization", "Bearer t-1"), ("Authorization", "Bearer t-2")];
/// let err = AilyAuthorization::from_request_headers(&headers).unwrap_err();
/// assert_eq!(err, AuthorizationError::Duplicated);
/// assert_eq!(err.to_string(), "more than one Authorization header");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuthorizationError {
    /// No `Authorization` header.
    #[error("no Authorization header")]
    Missing,
    /// More than one `Authorization` header: which one counts is ambiguous, so none does.
    #[error("more than one Authorization header")]
    Duplicated,
    /// The header is not `Bearer <token>` with a valid token.
    #[error("Authorization header: {0}")]
    Invalid(IdError),
}

impl AilyAuthorization {
    /// The `Authorization` header of an incoming request, from its headers (any [`Headers`]:
    /// pairs or, with the `http` feature, an `http::HeaderMap`; names matched ASCII
    /// case-insensitively): exactly one, and valid.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::Missing`] when there is none, [`AuthorizationError::Duplicated`]
    /// when there are two or more (even if equal), and [`AuthorizationError::Invalid`] when the
    /// one header is not a valid `Bearer` value (`Basic …`, `Bearer`, a token with a space or a
    /// byte that is not visible ASCII).
    pub fn from_request_headers<H: Headers + ?Sized>(
        headers: &H,
    ) -> Result<Self, AuthorizationError> {
        let name = AUTHORIZATION.as_bytes();
        let mut values = headers
            .pairs()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v);
        let value = values.next().ok_or(AuthorizationError::Missing)?;
        if values.next().is_some() {
            return Err(AuthorizationError::Duplicated);
        }
        Self::from_header_bytes(value).map_err(AuthorizationError::Invalid)
    }

    /// A header value as raw bytes: the validator reports the first bad byte of one that is not
    /// UTF-8 (the lossy text is the same up to it) without quoting it; lengths are the raw
    /// bytes'.
    pub(crate) fn from_header_bytes(value: &[u8]) -> Result<Self, IdError> {
        match core::str::from_utf8(value) {
            Ok(text) => text.parse(),
            Err(_) => String::from_utf8_lossy(value)
                .parse::<Self>()
                .map_err(|e| e.with_found_len(value.len())),
        }
    }
}
