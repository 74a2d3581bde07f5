//! Values nested in a JSON document, read with every rule checked: [`ValueError`] says which
//! rule failed and at which path (`sessionState.intent.slots["Size"].value`), and `read.rs` is
//! the reader that finds it: one `Read` trait that every checked type implements, carrying a
//! fault slot and the recursion level down through the document, so that the first broken
//! rule stops the read and names its place.

use alloc::string::String;
use core::fmt::{self, Write as _};

use crate::TextError;

pub(crate) mod read;

/// The most levels a recursive value nests: a slot with its sub-slots and values, a sub-slot
/// to elicit, a runtime hint with its sub-slot hints. The value itself is the first level, so a
/// slot whose sub-slot has sub-slots is three. Lex composite slots nest one level of sub-slots;
/// the bound leaves room and keeps a read of any input to a few dozen stack frames.
pub const MAX_DEPTH: usize = 8;

/// Why a value breaks a rule of its type, and where in the document: the path from the
/// document's top (JSON names, `[i]` for a list's entry, `["key"]` for a map's) and the
/// rule. The message never quotes a value: at most a length, a position, a bound, and the
/// key of a map entry (cut to 64 bytes, control characters escaped).
///
/// ```
/// use botsession::{LexV2SessionState, TextError, ValueRule};
///
/// let body = br#"{"intent":{"name":"OrderPizza","slots":{"Size":{"value":{"interpretedValue":""}}}}}"#;
/// let err = LexV2SessionState::from_json(body).unwrap_err().value_error().unwrap().clone();
/// assert_eq!(err.path(), r#"intent.slots["Size"].value.interpretedValue"#);
/// assert_eq!(err.rule(), &ValueRule::Text(TextError::TooShort { min: 1, chars: 0 }));
/// assert_eq!(
///     err.to_string(),
///     r#"intent.slots["Size"].value.interpretedValue: 0 characters, fewer than the 1 required"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ValueError {
    path: String,
    field: &'static str,
    rule: ValueRule,
}

/// Which rule a value breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ValueRule {
    /// A required member is absent (or `null`).
    #[error("required, but missing")]
    Missing,
    /// A member, or a map's key, is given more than once: which one counts is ambiguous, so
    /// none does (keys compared after unescaping).
    #[error("given more than once")]
    Repeated,
    /// A JSON value of the wrong type.
    #[error("not {expected}")]
    Type {
        /// What the member holds: `"a string"`, `"an object"`, `"an integer"`.
        expected: &'static str,
    },
    /// A string breaks its text rule (its length in characters or its pattern).
    #[error("{0}")]
    Text(TextError),
    /// A map's key breaks its text rule (the path names the map).
    #[error("a key: {0}")]
    Key(TextError),
    /// An integer outside its range, or not an integer.
    #[error("not an integer from {min} to {max}")]
    Range {
        /// The least value.
        min: i64,
        /// The greatest value.
        max: i64,
    },
    /// A list or map with more entries than the model allows.
    #[error("more than {max} entries")]
    TooMany {
        /// The most entries.
        max: usize,
    },
    /// A list with fewer entries than the model allows (when it is present at all).
    #[error("fewer than {min} entries")]
    TooFew {
        /// The fewest entries.
        min: usize,
    },
    /// A recursive value nested deeper than [`MAX_DEPTH`] levels: nothing below is read.
    #[error("nested more than {max} levels deep")]
    TooDeep {
        /// [`MAX_DEPTH`].
        max: usize,
    },
}

/// One step of a [`ValueError`]'s path, innermost first while the error unwinds.
#[derive(Clone, Debug)]
pub(crate) enum Step {
    /// A member of an object, by its JSON name.
    Member(&'static str),
    /// An entry of a map, by its key (already cut and escaped).
    Key(String),
    /// An entry of a list, from 0.
    Index(usize),
}

impl ValueError {
    /// The error for the value itself (an empty path).
    pub(crate) fn new(rule: ValueRule) -> Self {
        ValueError {
            path: String::new(),
            field: "",
            rule,
        }
    }

    /// The error `rule` at the member `name`.
    pub(crate) fn at(name: &'static str, rule: ValueRule) -> Self {
        ValueError {
            path: String::from(name),
            field: name,
            rule,
        }
    }

    /// The error at the path `steps`, innermost first.
    pub(crate) fn from_steps(rule: ValueRule, steps: &[Step]) -> Self {
        let mut path = String::new();
        for step in steps.iter().rev() {
            match step {
                Step::Member(name) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                }
                Step::Key(key) => {
                    path.push_str("[\"");
                    path.push_str(key);
                    path.push_str("\"]");
                }
                Step::Index(i) => {
                    let _ = write!(path, "[{i}]");
                }
            }
        }
        let field = match steps.last() {
            Some(Step::Member(name)) => name,
            _ => "",
        };
        ValueError { path, field, rule }
    }

    /// Where the value is: JSON member names joined by `.`, `[i]` for a list's entry and
    /// `["key"]` for a map's; empty for the value itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The rule it breaks.
    pub fn rule(&self) -> &ValueRule {
        &self.rule
    }

    /// The outermost member the path names, where it starts with one.
    pub(crate) fn field(&self) -> Option<&'static str> {
        Some(self.field).filter(|f| !f.is_empty())
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.rule)
        } else {
            write!(f, "{}: {}", self.path, self.rule)
        }
    }
}

impl core::error::Error for ValueError {}

impl From<ValueRule> for ValueError {
    fn from(rule: ValueRule) -> Self {
        ValueError::new(rule)
    }
}

impl From<TextError> for ValueError {
    fn from(error: TextError) -> Self {
        ValueError::new(ValueRule::Text(error))
    }
}
