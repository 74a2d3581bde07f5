//! The documented rule of every identifier, written once as an anchored pattern, the length
//! bounds in bytes and the two literal exceptions (`..` is reserved for a Lex user id and a Lex V2 session id, `$LATEST`
//! is a Lex bot alias). It is the oracle the crate's hand-written validators are compared with,
//! in the tests and in the `ids` fuzz target, so it is independent of the crate's own tables.

use std::sync::OnceLock;

use botsession::IdKind;
use regex_lite::Regex;

/// One identifier's documented rule.
pub struct Documented {
    pub kind: IdKind,
    /// Anchored, in `regex_lite` syntax.
    pub pattern: &'static str,
    pub min: usize,
    pub max: usize,
}

#[rustfmt::skip]
pub const RULES: [Documented; 13] = [
    Documented { kind: IdKind::AilySessionId, pattern: "^session_[0-9a-hjkmnp-z]{1,24}$", min: 9, max: 32 },
    Documented { kind: IdKind::AilyMessageId, pattern: "^message_[0-9a-hjkmnp-z]{1,24}$", min: 9, max: 32 },
    Documented { kind: IdKind::AilyRunId, pattern: "^run_[0-9a-hjkmnp-z]{1,28}$", min: 5, max: 32 },
    Documented { kind: IdKind::AilyAccessToken, pattern: "^[A-Za-z0-9._~+/-]+=*$", min: 1, max: 8192 },
    Documented { kind: IdKind::AilyAuthorization, pattern: "^(?i:bearer) [A-Za-z0-9._~+/-]+=*$", min: 8, max: 8199 },
    Documented { kind: IdKind::LexUserId, pattern: "^[0-9a-zA-Z._:-]+$", min: 2, max: 100 },
    Documented { kind: IdKind::LexBotName, pattern: "^([A-Za-z]_?)+$", min: 2, max: 50 },
    Documented { kind: IdKind::LexBotAlias, pattern: "^([A-Za-z]_?)+$", min: 1, max: 100 },
    Documented { kind: IdKind::LexRegion, pattern: "^[a-z0-9-]+$", min: 1, max: 32 },
    Documented { kind: IdKind::LexV2BotId, pattern: "^[0-9a-zA-Z]{10}$", min: 10, max: 10 },
    Documented { kind: IdKind::LexV2BotAliasId, pattern: "^[0-9a-zA-Z]{10}$", min: 10, max: 10 },
    // Not the model's (it has none): the crate's rule, which every locale of the supported-
    // languages table passes (`ll_CC`, `ll_NNN`): a letter or digit first, `_` never doubled.
    Documented { kind: IdKind::LexV2LocaleId, pattern: "^([0-9a-zA-Z]_?)+$", min: 5, max: 6 },
    Documented { kind: IdKind::LexV2SessionId, pattern: "^[0-9a-zA-Z._:-]+$", min: 2, max: 100 },
];

fn position(kind: IdKind) -> usize {
    RULES
        .iter()
        .position(|r| r.kind == kind)
        .unwrap_or_else(|| panic!("no documented rule for {kind:?}"))
}

/// The documented rule of `kind`.
pub fn rule(kind: IdKind) -> &'static Documented {
    &RULES[position(kind)]
}

/// The compiled pattern of `kind` (compiled once per process).
pub fn regex(kind: IdKind) -> &'static Regex {
    static COMPILED: OnceLock<Vec<Regex>> = OnceLock::new();
    let compiled = COMPILED.get_or_init(|| {
        RULES
            .iter()
            .map(|r| Regex::new(r.pattern).unwrap_or_else(|e| panic!("{}: {e}", r.pattern)))
            .collect()
    });
    &compiled[position(kind)]
}

/// Whether `s` is a valid `kind` by the documented rule.
pub fn documented(kind: IdKind, s: &str) -> bool {
    let rule = rule(kind);
    let base = (rule.min..=rule.max).contains(&s.len()) && regex(kind).is_match(s);
    match kind {
        IdKind::LexUserId | IdKind::LexV2SessionId => base && s != "..",
        IdKind::LexBotAlias => base || s == "$LATEST",
        _ => base,
    }
}
