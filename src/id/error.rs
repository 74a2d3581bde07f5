//! The one error type for every identifier, and the fault the engine reports before it knows
//! which identifier it checked. Nothing here names a rule: the engine's fault says what was
//! expected, in the words of the rule that failed (see `rules.rs`).

use core::fmt;

/// Which identifier a value was meant to be.
///
/// New identifiers may be added in minor releases, hence `#[non_exhaustive]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum IdKind {
    /// [`AilySessionId`](crate::AilySessionId).
    AilySessionId,
    /// [`AilyMessageId`](crate::AilyMessageId).
    AilyMessageId,
    /// [`AilyRunId`](crate::AilyRunId).
    AilyRunId,
    /// [`AilyAccessToken`](crate::AilyAccessToken).
    AilyAccessToken,
    /// [`AilyAuthorization`](crate::AilyAuthorization).
    AilyAuthorization,
    /// [`LexUserId`](crate::LexUserId).
    LexUserId,
    /// [`LexBotName`](crate::LexBotName).
    LexBotName,
    /// [`LexBotAlias`](crate::LexBotAlias).
    LexBotAlias,
    /// [`LexRegion`](crate::LexRegion).
    LexRegion,
    /// [`LexV2BotId`](crate::LexV2BotId).
    LexV2BotId,
    /// [`LexV2BotAliasId`](crate::LexV2BotAliasId).
    LexV2BotAliasId,
    /// [`LexV2LocaleId`](crate::LexV2LocaleId).
    LexV2LocaleId,
    /// [`LexV2SessionId`](crate::LexV2SessionId).
    LexV2SessionId,
}

impl IdKind {
    /// The identifier's name as error messages write it, e.g. `"Aily session id"`.
    pub const fn name(self) -> &'static str {
        match self {
            IdKind::AilySessionId => "Aily session id",
            IdKind::AilyMessageId => "Aily message id",
            IdKind::AilyRunId => "Aily run id",
            IdKind::AilyAccessToken => "Aily access token",
            IdKind::AilyAuthorization => "Aily authorization",
            IdKind::LexUserId => "Lex user id",
            IdKind::LexBotName => "Lex bot name",
            IdKind::LexBotAlias => "Lex bot alias",
            IdKind::LexRegion => "Lex region",
            IdKind::LexV2BotId => "Lex V2 bot id",
            IdKind::LexV2BotAliasId => "Lex V2 bot alias id",
            IdKind::LexV2LocaleId => "Lex V2 locale id",
            IdKind::LexV2SessionId => "Lex V2 session id",
        }
    }

    /// Whether values of this kind are secrets, which no error message may quote.
    pub const fn is_secret(self) -> bool {
        matches!(self, IdKind::AilyAccessToken | IdKind::AilyAuthorization)
    }
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which part of an identifier's rule a value broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum IdRule {
    /// The value is shorter or longer than the rule allows (see [`IdError::found_len`]).
    Length,
    /// The value does not start with the required prefix (`session_`, `message_`, `run_`).
    Prefix,
    /// A byte is outside the set allowed at its position (see [`IdError::index`]).
    Charset,
    /// The value matches the pattern but is a reserved literal: `..` as a Lex user id.
    Reserved,
    /// An `Authorization` value does not start with the `Bearer` scheme and one space.
    Scheme,
}

/// The error for every identifier in this crate: which identifier, which rule, and where.
///
/// The message never quotes the value: at most the one offending character, and for secrets
/// (access tokens, authorization headers) not even that.
///
/// ```
/// use botsession::{AilySessionId, IdKind, IdRule};
///
/// let err = "session_4dfunz7sp1g8i".parse::<AilySessionId>().unwrap_err();
/// assert_eq!(err.kind(), IdKind::AilySessionId);
/// assert_eq!(err.rule(), IdRule::Charset);
/// assert_eq!(err.index(), Some(20));
/// assert_eq!(err.character(), Some('i'));
/// assert_eq!(
///     err.to_string(),
///     "invalid Aily session id: character 'i' at byte 20 is not in [0-9a-hjkmnp-z]"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid {}: {}", .kind.name(), Detail(self))]
pub struct IdError {
    kind: IdKind,
    rule: IdRule,
    found_len: usize,
    index: usize,
    character: Option<char>,
    expected: &'static str,
}

impl IdError {
    pub(crate) fn new(kind: IdKind, fault: Fault, input: &str) -> Self {
        let character = if kind.is_secret() {
            None
        } else {
            match fault.rule {
                IdRule::Prefix | IdRule::Charset => input
                    .get(fault.index..)
                    .and_then(|rest| rest.chars().next()),
                _ => None,
            }
        };
        IdError {
            kind,
            rule: fault.rule,
            found_len: input.len(),
            index: fault.index,
            character,
            expected: fault.expected,
        }
    }

    /// The same error for a value of `found_len` bytes: the raw length of an input that was
    /// decoded before validation.
    pub(crate) fn with_found_len(self, found_len: usize) -> Self {
        IdError { found_len, ..self }
    }

    /// An error about the value as a whole (`Length`, `Scheme`): no index, no character. Also
    /// for a value never materialised, such as a label whose decoded length is known before
    /// decoding.
    pub(crate) fn whole(kind: IdKind, fault: Fault, found_len: usize) -> Self {
        IdError {
            kind,
            rule: fault.rule,
            found_len,
            index: 0,
            character: None,
            expected: fault.expected,
        }
    }

    /// The same error, seen from a value that holds this one at byte `offset` under another kind
    /// (the token inside an `Authorization` header).
    pub(crate) fn nested(self, kind: IdKind, offset: usize, outer_len: usize) -> Self {
        IdError {
            kind,
            found_len: outer_len,
            index: self.index + offset,
            ..self
        }
    }

    /// Which identifier the value was meant to be.
    pub fn kind(&self) -> IdKind {
        self.kind
    }

    /// Which part of the rule the value broke.
    pub fn rule(&self) -> IdRule {
        self.rule
    }

    /// The byte index of the offending byte, for [`IdRule::Prefix`] and [`IdRule::Charset`].
    pub fn index(&self) -> Option<usize> {
        match self.rule {
            IdRule::Prefix | IdRule::Charset => Some(self.index),
            _ => None,
        }
    }

    /// The offending character, for [`IdRule::Prefix`] and [`IdRule::Charset`]; always `None`
    /// for secrets.
    pub fn character(&self) -> Option<char> {
        self.character
    }

    /// The length in bytes of the rejected value.
    pub fn found_len(&self) -> usize {
        self.found_len
    }
}

/// Where and why a value broke its rule, as the engine reports it; [`IdError::new`] adds which
/// identifier it was and the character found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    pub(crate) rule: IdRule,
    /// Byte index of the offending byte (`Prefix`, `Charset`); 0 otherwise.
    pub(crate) index: usize,
    /// What was expected, from the rule: the class for `Charset` (`[0-9a-hjkmnp-z]`), the
    /// prefix for `Prefix`, the reason for `Reserved`, the scheme for `Scheme`; empty for
    /// `Length`.
    pub(crate) expected: &'static str,
}

impl Fault {
    /// The value is too short or too long.
    pub(crate) const LENGTH: Fault = Fault::whole(IdRule::Length, "");

    /// A fault about the value as a whole (`Length`, and `Reserved` or `Scheme` with their
    /// reason): no index.
    pub(crate) const fn whole(rule: IdRule, expected: &'static str) -> Fault {
        Fault {
            rule,
            index: 0,
            expected,
        }
    }
}

struct Detail<'a>(&'a IdError);

/// `1 byte`, `9 bytes`.
struct Bytes(usize);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 byte"),
            n => write!(f, "{n} bytes"),
        }
    }
}

impl fmt::Display for Detail<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        let (min, max) = e.kind.len_bounds();
        match e.rule {
            IdRule::Length if e.found_len < min => write!(
                f,
                "length {} is below the minimum of {}",
                e.found_len,
                Bytes(min)
            ),
            IdRule::Length => write!(
                f,
                "length {} exceeds the maximum of {}",
                e.found_len,
                Bytes(max)
            ),
            IdRule::Prefix => match e.character {
                Some(c) => write!(
                    f,
                    "character {:?} at byte {} does not match the prefix {:?}",
                    c, e.index, e.expected
                ),
                None => write!(
                    f,
                    "byte {} does not match the prefix {:?}",
                    e.index, e.expected
                ),
            },
            IdRule::Charset => match e.character {
                Some(c) => write!(
                    f,
                    "character {:?} at byte {} is not in {}",
                    c, e.index, e.expected
                ),
                None => write!(f, "byte {} is not in {}", e.index, e.expected),
            },
            // The rule's own reason, e.g. `".." is a dot-segment, which no URL path can carry`.
            IdRule::Reserved => f.write_str(e.expected),
            IdRule::Scheme => write!(
                f,
                "does not start with the scheme {:?} (any case) and exactly one space",
                e.expected
            ),
        }
    }
}
