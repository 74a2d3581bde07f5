//! The Aily secrets: the access token and the `Authorization` header value that carries it.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use crate::id::rules::BEARER;
use crate::id::{
    const_constructors, conversions, cow_parse, is_valid_bytes, validate, Fault, Parse,
};
use crate::{IdError, IdKind, IdRule};

/// What an access token's prefix says it is: a hint, never a validation rule.
///
/// Feishu documents tenant tokens as `t-…`, app tokens as `a-…` (or `t-…`), legacy user tokens
/// as `u-…`, and v2 OAuth user tokens as JWT-like `eyJ…`. Other shapes are
/// [`AilyTokenKind::Unknown`], and still valid tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum AilyTokenKind {
    /// `tenant_access_token` (`t-…`); app tokens may look the same.
    Tenant,
    /// `app_access_token` (`a-…`).
    App,
    /// `user_access_token` (`u-…`, or JWT-like `eyJ…` from the v2 OAuth endpoint).
    User,
    /// No documented prefix.
    Unknown,
}

impl AilyTokenKind {
    fn of(token: &str) -> AilyTokenKind {
        let b = token.as_bytes();
        if b.starts_with(b"t-") {
            AilyTokenKind::Tenant
        } else if b.starts_with(b"a-") {
            AilyTokenKind::App
        } else if b.starts_with(b"u-") || b.starts_with(b"eyJ") {
            AilyTokenKind::User
        } else {
            AilyTokenKind::Unknown
        }
    }

    /// The documented name: `"tenant_access_token"`, `"app_access_token"`,
    /// `"user_access_token"`, or `"unknown"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            AilyTokenKind::Tenant => "tenant_access_token",
            AilyTokenKind::App => "app_access_token",
            AilyTokenKind::User => "user_access_token",
            AilyTokenKind::Unknown => "unknown",
        }
    }
}

/// Equality without an early exit, so that comparing a guessed token with a real one does not
/// tell the guesser how many leading bytes were right.
fn secret_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A Feishu access token: 1–8192 bytes of the RFC 6750 `b64token` set.
///
/// `b64token` is `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`: the bytes that
/// can follow `Bearer ` in an `Authorization` header. Nothing else is checked: v2 user tokens are
/// JWT-like and 1–2 KB long (Feishu advises reserving 4 KB), so a prefix or short length rule
/// would reject real tokens. [`kind`](Self::kind) reads the prefix as a hint.
///
/// A secret: `Debug` shows only the kind and length, there is no `Display`, errors never quote
/// any of it, and the raw value comes out only through [`expose_secret`](Self::expose_secret).
/// Equality takes the same time wherever two tokens of one length differ.
///
/// ```
/// use botsession::{AilyAccessToken, AilyTokenKind};
///
/// let token: AilyAccessToken = "u-7f1bcd13fc57d46bac21793a18e560".parse()?;
/// assert_eq!(token.kind(), AilyTokenKind::User);
/// assert_eq!(format!("{token:?}"), "AilyAccessToken { kind: User, len: 32, .. }");
/// assert_eq!(token.expose_secret(), "u-7f1bcd13fc57d46bac21793a18e560");
/// # Ok::<(), botsession::IdError>(())
/// ```
///
/// # Errors
///
/// Parsing fails for an empty or longer than 8192-byte value, a byte outside the set
/// (`"t-abc def"`, `"t-abc,def"`), a value starting with `=`, or a byte other than `=` after
/// the padding (`"t-ab=c"`). The error says which byte, never which character.
#[derive(Clone)]
pub struct AilyAccessToken(Cow<'static, str>);

cow_parse!(AilyAccessToken);

impl AilyAccessToken {
    const_constructors!(
        AilyAccessToken,
        |s| AilyAccessToken(Cow::Borrowed(s)),
        /// Builds the token from a literal, without allocating; validated at compile time when
        /// used in a `const` item (a fixed token for a mock server or a test, say). The panic
        /// message never quotes the literal.
        ///
        /// ```
        /// use botsession::{AilyAccessToken, AilyTokenKind};
        ///
        /// const MOCK: AilyAccessToken = AilyAccessToken::from_static("t-mock-tenant-token");
        /// assert_eq!(MOCK.kind(), AilyTokenKind::Tenant);
        /// ```
        ///
        /// ```compile_fail
        /// use botsession::AilyAccessToken;
        ///
        /// const BAD: AilyAccessToken = AilyAccessToken::from_static("t-mock token");
        /// ```
    );

    /// The token's kind, from its prefix (a hint only).
    pub fn kind(&self) -> AilyTokenKind {
        AilyTokenKind::of(&self.0)
    }

    /// The raw token. Keep it out of logs.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// The raw token as an owned `String`. Keep it out of logs.
    pub fn into_secret_string(self) -> String {
        self.0.into_owned()
    }
}

impl fmt::Debug for AilyAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AilyAccessToken")
            .field("kind", &self.kind())
            .field("len", &self.0.len())
            .finish_non_exhaustive()
    }
}

impl PartialEq for AilyAccessToken {
    fn eq(&self, other: &Self) -> bool {
        secret_eq(self.0.as_bytes(), other.0.as_bytes())
    }
}

impl Eq for AilyAccessToken {}

impl core::hash::Hash for AilyAccessToken {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

/// The `Authorization` header value `Bearer <token>`, as the Aily API requires.
///
/// The scheme is matched case-insensitively (RFC 7235) followed by exactly one space, and the
/// rest must be an [`AilyAccessToken`]. The value is kept in canonical form, `Bearer ` and the
/// token, which is what [`expose_header_value`](Self::expose_header_value) returns.
///
/// A secret, like the token: `Debug` redacts it, there is no `Display`, and errors never quote it.
///
/// ```
/// use botsession::{AilyAuthorization, AilyTokenKind};
///
/// let auth: AilyAuthorization = "bearer u-7f1bcd13fc57d46bac21793a18e560".parse()?;
/// assert_eq!(auth.expose_header_value(), "Bearer u-7f1bcd13fc57d46bac21793a18e560");
/// assert_eq!(auth.kind(), AilyTokenKind::User);
/// assert!(!format!("{auth:?}").contains("7f1b"));
/// # Ok::<(), botsession::IdError>(())
/// ```
///
/// # Errors
///
/// Parsing fails for a value without the scheme and its space (`"u-abc"`, `"Basic dTp4"`), with
/// an empty or invalid token (`"Bearer "`, `"Bearer u-a b"`, and `"Bearer  u-abc"`, whose second
/// space is a bad token byte), or longer than `Bearer ` plus 8192 bytes.
///
/// Equality, like the token's, takes the same time wherever two values of one length differ.
#[derive(Clone)]
pub struct AilyAuthorization {
    /// `Bearer <token>`, canonical.
    value: Cow<'static, str>,
}

impl Parse for AilyAuthorization {
    const KIND: IdKind = IdKind::AilyAuthorization;

    fn parse_str(s: &str) -> Result<Self, IdError> {
        Self::check(s)?;
        let mut value = String::with_capacity(s.len());
        value.push_str(BEARER);
        value.push_str(s.get(BEARER.len()..).unwrap_or_default());
        Ok(AilyAuthorization {
            value: Cow::Owned(value),
        })
    }

    fn parse_string(mut s: String) -> Result<Self, IdError> {
        Self::check(&s)?;
        s.replace_range(..BEARER.len(), BEARER);
        Ok(AilyAuthorization {
            value: Cow::Owned(s),
        })
    }
}

impl PartialEq for AilyAuthorization {
    fn eq(&self, other: &Self) -> bool {
        secret_eq(self.value.as_bytes(), other.value.as_bytes())
    }
}

impl Eq for AilyAuthorization {}

impl core::hash::Hash for AilyAuthorization {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state)
    }
}

impl AilyAuthorization {
    fn check(s: &str) -> Result<(), IdError> {
        let (min, max) = IdKind::AilyAuthorization.len_bounds();
        let fail = |fault| Err(IdError::whole(IdKind::AilyAuthorization, fault, s.len()));
        if s.len() < min || s.len() > max {
            return fail(Fault::LENGTH);
        }
        if split_scheme(s.as_bytes(), false).is_none() {
            return fail(Fault::whole(IdRule::Scheme, BEARER.trim_end()));
        }
        let token = s.get(BEARER.len()..).unwrap_or_default();
        validate(IdKind::AilyAccessToken, token)
            .map_err(|e| e.nested(IdKind::AilyAuthorization, BEARER.len(), s.len()))
    }

    /// The header value for a token.
    pub fn from_token(token: &AilyAccessToken) -> Self {
        let mut value = String::with_capacity(BEARER.len() + token.0.len());
        value.push_str(BEARER);
        value.push_str(&token.0);
        AilyAuthorization {
            value: Cow::Owned(value),
        }
    }

    /// Builds the header value from a literal, without allocating; validated at compile time
    /// when used in a `const` item. The literal must spell the scheme `Bearer`, the canonical
    /// form the value is kept in (parsing accepts any case). The panic message never quotes
    /// the literal.
    ///
    /// ```
    /// use botsession::{AilyAuthorization, AilyTokenKind};
    ///
    /// const MOCK: AilyAuthorization = AilyAuthorization::from_static("Bearer u-mock-user-token");
    /// assert_eq!(MOCK.kind(), AilyTokenKind::User);
    /// assert_eq!(MOCK.expose_header_value(), "Bearer u-mock-user-token");
    /// ```
    ///
    /// ```compile_fail
    /// use botsession::AilyAuthorization;
    ///
    /// const BAD: AilyAuthorization = AilyAuthorization::from_static("bearer u-mock-user-token");
    /// ```
    ///
    /// # Panics
    ///
    /// Panics if `s` is not a valid header value or does not spell the scheme `Bearer`; in a
    /// `const` item that is a compile error.
    pub const fn from_static(s: &'static str) -> Self {
        if !is_header(s.as_bytes(), true) {
            panic!("invalid literal for AilyAuthorization");
        }
        AilyAuthorization {
            value: Cow::Borrowed(s),
        }
    }

    /// Whether `s` is a valid header value (scheme in any case, one space, a valid token),
    /// without building one; usable in `const` items.
    pub const fn is_valid(s: &str) -> bool {
        is_header(s.as_bytes(), false)
    }

    /// The token's kind, from its prefix (a hint only).
    pub fn kind(&self) -> AilyTokenKind {
        AilyTokenKind::of(self.expose_token())
    }

    /// The token inside the header.
    pub fn token(&self) -> AilyAccessToken {
        AilyAccessToken(Cow::Owned(String::from(self.expose_token())))
    }

    /// The raw token, without the scheme. Keep it out of logs.
    pub fn expose_token(&self) -> &str {
        self.value.get(BEARER.len()..).unwrap_or_default()
    }

    /// The header value to send: `Bearer <token>`. Keep it out of logs.
    pub fn expose_header_value(&self) -> &str {
        &self.value
    }
}

impl fmt::Debug for AilyAuthorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AilyAuthorization")
            .field("scheme", &"Bearer")
            .field("kind", &self.kind())
            .field("len", &self.expose_token().len())
            .finish_non_exhaustive()
    }
}

impl From<&AilyAccessToken> for AilyAuthorization {
    fn from(token: &AilyAccessToken) -> Self {
        AilyAuthorization::from_token(token)
    }
}

/// The bytes after the scheme and its space, if `s` starts with them: spelled exactly `Bearer `
/// when `exact`, in any case otherwise.
const fn split_scheme(s: &[u8], exact: bool) -> Option<&[u8]> {
    let Some((scheme, token)) = s.split_first_chunk::<{ BEARER.len() }>() else {
        return None;
    };
    let mut i = 0;
    while i < BEARER.len() {
        let want = BEARER.as_bytes()[i];
        if scheme[i] != want && (exact || !scheme[i].eq_ignore_ascii_case(&want)) {
            return None;
        }
        i += 1;
    }
    Some(token)
}

const fn is_token(s: &[u8]) -> bool {
    is_valid_bytes(IdKind::AilyAccessToken, s)
}

/// Whether `s` is the scheme (see [`split_scheme`]) and a valid token.
const fn is_header(s: &[u8], exact: bool) -> bool {
    matches!(split_scheme(s, exact), Some(token) if is_token(token))
}

// The same conversions as the public identifiers, with none of the impls that would show the
// value: no `Display`, and no `Serialize` (the convention of the `secrecy` crate: a derived
// `Serialize` on a config struct must not put a token in a log line). Writing one takes the named
// opt-in below.
conversions!(AilyAccessToken);
conversions!(AilyAuthorization);

#[cfg(feature = "serde")]
impl AilyAccessToken {
    /// Serializes the raw token: the explicit opt-in, for a field that must carry the secret
    /// (`#[serde(serialize_with = "AilyAccessToken::serialize_exposed")]`). The type has no
    /// `Serialize` of its own, so a derived `Serialize` that forgets this does not compile.
    ///
    /// ```
    /// use botsession::AilyAccessToken;
    ///
    /// #[derive(serde::Serialize)]
    /// struct Upstream {
    ///     #[serde(serialize_with = "AilyAccessToken::serialize_exposed")]
    ///     token: AilyAccessToken,
    /// }
    ///
    /// let config = Upstream { token: "t-g1044qeGEDXTB6NDJOGV4JQX".parse()? };
    /// assert_eq!(serde_json::to_string(&config)?, r#"{"token":"t-g1044qeGEDXTB6NDJOGV4JQX"}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// ```compile_fail
    /// #[derive(serde::Serialize)]
    /// struct Config {
    ///     token: botsession::AilyAccessToken, // no `Serialize`: a token stays out of logs
    /// }
    /// ```
    ///
    /// # Errors
    ///
    /// The serializer's.
    pub fn serialize_exposed<S: serde::Serializer>(
        token: &AilyAccessToken,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(token.expose_secret())
    }
}

#[cfg(feature = "serde")]
impl AilyAuthorization {
    /// Serializes the raw header value (`Bearer <token>`): the explicit opt-in, as
    /// [`AilyAccessToken::serialize_exposed`] (`#[serde(serialize_with =
    /// "AilyAuthorization::serialize_exposed")]`). The type has no `Serialize` of its own.
    ///
    /// # Errors
    ///
    /// The serializer's.
    pub fn serialize_exposed<S: serde::Serializer>(
        authorization: &AilyAuthorization,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(authorization.expose_header_value())
    }
}
