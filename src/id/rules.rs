//! Every identifier rule in the crate, as data for the engine: one table each, with the source
//! it comes from. An alphabet is written here once; error messages, the `proptest` strategies and
//! the tests read it from here (a test checks each class's message text against its bytes).

use super::engine::{ByteSet, Reserved, Rule};
use super::IdKind;

/// The Aily id alphabet: digits and lowercase letters except `i`, `l` and `o` (33 symbols).
const AILY_ALPHABET: ByteSet = ByteSet::new("[0-9a-hjkmnp-z]")
    .range(b'0', b'9')
    .range(b'a', b'z')
    .without(b"ilo");

const fn aily_rule(prefix: &'static str, max_symbols: usize) -> Rule {
    Rule {
        prefix,
        ..Rule::class(prefix.len() + 1, prefix.len() + max_symbols, AILY_ALPHABET)
    }
}

/// `session_[0-9a-hjkmnp-z]{1,24}`, 9–32 bytes: the Aily delete-session docs, path parameter
/// `aily_session_id` ("长度不超过 32", example `session_4dfunz7sp1g8m`).
pub(crate) const AILY_SESSION: Rule = aily_rule("session_", 24);
/// `message_[0-9a-hjkmnp-z]{1,24}`, 9–32 bytes: the Aily API family docs.
pub(crate) const AILY_MESSAGE: Rule = aily_rule("message_", 24);
/// `run_[0-9a-hjkmnp-z]{1,28}`, 5–32 bytes: the Aily API family docs.
pub(crate) const AILY_RUN: Rule = aily_rule("run_", 28);

/// `[0-9a-zA-Z._:-]{2,100}`, except the dot-segment `..`: Lex runtime DeleteSession, `userId`
/// ("Minimum length of 2. Maximum length of 100. Pattern: `[0-9a-zA-Z._:-]+`"); `..` matches
/// the pattern but URL stacks collapse it, so no request can carry it.
pub(crate) const LEX_USER: Rule = Rule {
    reserve: &[Reserved {
        literal: "..",
        reason: "\"..\" is a dot-segment, which no URL path can carry",
    }],
    ..Rule::class(
        2,
        100,
        ByteSet::new("[0-9a-zA-Z._:-]")
            .range(b'0', b'9')
            .range(b'a', b'z')
            .range(b'A', b'Z')
            .bytes(b"._:-"),
    )
};

const LETTERS: ByteSet = ByteSet::new("[A-Za-z]").range(b'A', b'Z').range(b'a', b'z');

const fn lex_name_rule(min_len: usize, max_len: usize, accept: &'static [&'static str]) -> Rule {
    Rule {
        // `_` is in the body's table only so that the message names it; the engine reads it as
        // the separator first.
        body: LETTERS.bytes(b"_").named("[A-Za-z_]"),
        sep: Some(b'_'),
        accept,
        ..Rule::class(min_len, max_len, LETTERS)
    }
}

/// `^([A-Za-z]_?)+$`, 2–50 bytes: the Lex model-building API's `PutBot` `name`, the only names
/// a bot can have (the runtime model leaves `botName` unconstrained).
pub(crate) const LEX_BOT_NAME: Rule = lex_name_rule(2, 50, &[]);
/// `^([A-Za-z]_?)+$`, 1–100 bytes, or exactly `$LATEST`: `PutBotAlias` `name`, plus the alias
/// of the draft version (the runtime model leaves `botAlias` unconstrained).
pub(crate) const LEX_BOT_ALIAS: Rule = lex_name_rule(1, 100, &[LATEST]);
/// The alias of a Lex bot's draft version.
pub(crate) const LATEST: &str = "$LATEST";

/// `[a-z0-9-]{1,32}`: an AWS region as it stands in a host name (`eu-west-1`); the crate's own
/// rule, which keeps `runtime.lex.<region>.amazonaws.com` one host name.
pub(crate) const LEX_REGION: Rule = Rule::class(
    1,
    32,
    ByteSet::new("[a-z0-9-]")
        .range(b'a', b'z')
        .range(b'0', b'9')
        .bytes(b"-"),
);

/// The Lex V2 id alphabet: ASCII letters and digits.
const ALPHANUMERIC: ByteSet = ByteSet::new("[0-9a-zA-Z]")
    .range(b'0', b'9')
    .range(b'a', b'z')
    .range(b'A', b'Z');

/// Exactly 10 of `[0-9a-zA-Z]`: Lex V2 runtime DeleteSession, `botId` ("Fixed length of 10.
/// Pattern: `^[0-9a-zA-Z]+$`").
pub(crate) const LEX_V2_BOT_ID: Rule = Rule::class(10, 10, ALPHANUMERIC);
/// Exactly 10 of `[0-9a-zA-Z]`: the Lex V2 model-building API's `botAliasId` ("Fixed length of
/// 10. Pattern: `^(\bTSTALIASID\b|[0-9a-zA-Z]+)$`"; the runtime model states none, and no
/// alias can have another id). The built-in test alias `TSTALIASID` is one of them.
pub(crate) const LEX_V2_BOT_ALIAS_ID: Rule = LEX_V2_BOT_ID;
/// The built-in test alias of every Lex V2 bot.
pub(crate) const TEST_ALIAS_ID: &str = "TSTALIASID";
/// 5–6 bytes of `[0-9a-zA-Z_]`, not starting with `_`, no `__`: the crate's rule for a Lex V2
/// `localeId`. The model says only "at least 1", but a locale must be one of the Lex V2
/// "Supported languages and locales" table (developer guide, `how-languages`), which are all
/// `ll_CC` or `ll_NNN` (`en_US`, `es_419`, `ja_JP`); the rule takes every one of them and no
/// path separator, `%`, `.`, space or control byte.
pub(crate) const LEX_V2_LOCALE: Rule = Rule {
    // `_` is in the body's table only so that the message names it; the engine reads it as the
    // separator first.
    body: ALPHANUMERIC.bytes(b"_").named("[0-9a-zA-Z_]"),
    sep: Some(b'_'),
    ..Rule::class(5, 6, ALPHANUMERIC)
};

/// RFC 6750 `b64token`: `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`,
/// 1–8192 bytes: the bytes that can follow `Bearer ` (Aily: `Authorization: Bearer
/// access_token`; v2 user tokens are JWT-like and 1–2 KB, and Feishu advises reserving 4 KB).
pub(crate) const AILY_TOKEN: Rule = {
    const B64TOKEN: ByteSet = ByteSet::new("[A-Za-z0-9-._~+/]")
        .range(b'A', b'Z')
        .range(b'a', b'z')
        .range(b'0', b'9')
        .bytes(b"-._~+/");
    Rule {
        body: B64TOKEN.bytes(b"=").named("[A-Za-z0-9-._~+/=]"),
        pad: Some(ByteSet::new("[=]").bytes(b"=")),
        ..Rule::class(1, 8192, B64TOKEN)
    }
};

/// The `Authorization` scheme and its single space, as rendered (RFC 6750 section 2.1); matched
/// in any case (RFC 7235) by `AilyAuthorization`.
pub(crate) const BEARER: &str = "Bearer ";

/// `Bearer <token>`, 8–8199 bytes: only its lengths are used by the engine; `AilyAuthorization`
/// matches the scheme ([`BEARER`]) and checks the rest as an [`AILY_TOKEN`].
pub(crate) const AILY_AUTHORIZATION: Rule = Rule {
    min_len: BEARER.len() + AILY_TOKEN.min_len,
    max_len: BEARER.len() + AILY_TOKEN.max_len,
    ..AILY_TOKEN
};

/// The rule of each identifier.
#[inline(always)]
pub(crate) const fn rule_of(kind: IdKind) -> &'static Rule {
    match kind {
        IdKind::AilySessionId => &AILY_SESSION,
        IdKind::AilyMessageId => &AILY_MESSAGE,
        IdKind::AilyRunId => &AILY_RUN,
        IdKind::AilyAccessToken => &AILY_TOKEN,
        IdKind::AilyAuthorization => &AILY_AUTHORIZATION,
        IdKind::LexUserId => &LEX_USER,
        IdKind::LexBotName => &LEX_BOT_NAME,
        IdKind::LexBotAlias => &LEX_BOT_ALIAS,
        IdKind::LexRegion => &LEX_REGION,
        IdKind::LexV2BotId => &LEX_V2_BOT_ID,
        IdKind::LexV2BotAliasId => &LEX_V2_BOT_ALIAS_ID,
        IdKind::LexV2LocaleId => &LEX_V2_LOCALE,
        // V1 `userId`'s rule: the V2 model gives `sessionId` the same one.
        IdKind::LexV2SessionId => &LEX_USER,
    }
}

impl IdKind {
    /// The shortest and longest valid value, in bytes.
    pub const fn len_bounds(self) -> (usize, usize) {
        let rule = rule_of(self);
        (rule.min_len, rule.max_len)
    }
}

/// What a JSON Schema or an OpenAPI document says of a rule (the `schemars` and `utoipa`
/// features): the rule as an anchored ECMA-262 `pattern`, which together with the rule's byte
/// lengths accepts exactly what the engine accepts (`tests/schema.rs` proves it, differentially
/// against the validators), the source the rule comes from, and the documented example, where
/// there is one.
#[cfg(any(feature = "schemars", feature = "utoipa"))]
pub(crate) struct Contract {
    /// Anchored (`^…$`); ASCII only, so a schema's `minLength`/`maxLength` (which count code
    /// points) count the rule's bytes for every string the pattern admits.
    pub(crate) pattern: &'static str,
    /// The rule and its source, as the rule's documentation above gives them.
    pub(crate) source: &'static str,
    /// A value the documentation shows: the seed's session id, the Lex developer guide's
    /// `OrderFlowers` bot, `$LATEST`, `TSTALIASID`, a locale and a region from the AWS tables.
    /// `None` where the docs show no value (a made-up one would read as documented), and for a
    /// secret.
    pub(crate) example: Option<&'static str>,
    /// A secret (a token, a header value that carries one): deserialized only, never shown.
    pub(crate) secret: bool,
}

/// The [`Contract`] of each identifier.
#[cfg(any(feature = "schemars", feature = "utoipa"))]
pub(crate) const fn contract_of(kind: IdKind) -> &'static Contract {
    const fn public(
        pattern: &'static str,
        source: &'static str,
        example: Option<&'static str>,
    ) -> Contract {
        Contract {
            pattern,
            source,
            example,
            secret: false,
        }
    }
    const TOKEN: &str = "^[A-Za-z0-9._~+\\/\\-]+=*$";
    const USER: &str = "^(?!\\.\\.$)[0-9A-Za-z._:\\-]{2,100}$";
    const NAME: &str = "^(?:[A-Za-z]_?)+$";
    const V2_ID: &str = "^[0-9A-Za-z]{10}$";
    const AILY_SESSION_C: Contract = public(
        "^session_[0-9a-hjkmnp-z]{1,24}$",
        "`session_` then 1-24 of `[0-9a-hjkmnp-z]` (digits and lowercase letters without i, l \
         and o), 9-32 bytes: the Aily delete-session docs, path parameter `aily_session_id` \
         (https://open.feishu.cn/document/aily-v1/aily_session/delete)",
        Some("session_4dfunz7sp1g8m"),
    );
    const AILY_MESSAGE_C: Contract = public(
        "^message_[0-9a-hjkmnp-z]{1,24}$",
        "`message_` then 1-24 of `[0-9a-hjkmnp-z]`, 9-32 bytes: the Aily API family docs \
         (https://open.feishu.cn/document/aily-v1/aily_session/delete)",
        // The docs show no value of this id.
        None,
    );
    const AILY_RUN_C: Contract = public(
        "^run_[0-9a-hjkmnp-z]{1,28}$",
        "`run_` then 1-28 of `[0-9a-hjkmnp-z]`, 5-32 bytes: the Aily API family docs \
         (https://open.feishu.cn/document/aily-v1/aily_session/delete)",
        // The docs show no value of this id.
        None,
    );
    const AILY_TOKEN_C: Contract = Contract {
        pattern: TOKEN,
        source: "RFC 6750 `b64token`, `1*( ALPHA / DIGIT / \"-\" / \".\" / \"_\" / \"~\" / \
                 \"+\" / \"/\" ) *\"=\"`, 1-8192 bytes: the bytes that can follow `Bearer ` \
                 (Aily: `Authorization: Bearer access_token`). A secret",
        example: None,
        secret: true,
    };
    const AILY_AUTHORIZATION_C: Contract = Contract {
        pattern: "^[Bb][Ee][Aa][Rr][Ee][Rr] [A-Za-z0-9._~+\\/\\-]+=*$",
        source: "`Bearer ` (the scheme in any case, RFC 7235; one space) and an RFC 6750 \
                 `b64token`, 8-8199 bytes: the Aily `Authorization` header. A secret",
        example: None,
        secret: true,
    };
    const LEX_USER_C: Contract = public(
        USER,
        "2-100 of `[0-9a-zA-Z._:-]`, except the dot-segment `..`: Lex runtime DeleteSession \
         `userId` (\"Minimum length of 2. Maximum length of 100. Pattern: [0-9a-zA-Z._:-]+\", \
         https://docs.aws.amazon.com/lex/latest/dg/API_runtime_DeleteSession.html); `..` matches \
         that pattern but no URL path can carry it",
        // The docs show no value of this id.
        None,
    );
    const LEX_BOT_NAME_C: Contract = public(
        NAME,
        "`^([A-Za-z]_?)+$`, 2-50 bytes: the Lex model-building API's `PutBot` `name`, the only \
         names a bot can have (the runtime model leaves `botName` unconstrained)",
        Some("OrderFlowers"),
    );
    const LEX_BOT_ALIAS_C: Contract = public(
        "^(?:\\$LATEST|(?:[A-Za-z]_?)+)$",
        "`^([A-Za-z]_?)+$`, 1-100 bytes, or exactly `$LATEST` (the draft version): the Lex \
         model-building API's `PutBotAlias` `name` (the runtime model leaves `botAlias` \
         unconstrained)",
        Some("$LATEST"),
    );
    const LEX_REGION_C: Contract = public(
        "^[a-z0-9\\-]{1,32}$",
        "1-32 of `[a-z0-9-]`: an AWS region as it stands in a host name; the crate's own rule, \
         which keeps `runtime.lex.<region>.amazonaws.com` one host name",
        Some("eu-west-1"),
    );
    const LEX_V2_BOT_C: Contract = public(
        V2_ID,
        "Exactly 10 of `[0-9a-zA-Z]`: Lex V2 runtime DeleteSession `botId` (\"Fixed length of \
         10. Pattern: ^[0-9a-zA-Z]+$\", \
         https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_DeleteSession.html)",
        // The docs show no value of this id.
        None,
    );
    const LEX_V2_ALIAS_C: Contract = public(
        V2_ID,
        "Exactly 10 of `[0-9a-zA-Z]`: the Lex V2 model-building API's `botAliasId` (\"Fixed \
         length of 10. Pattern: ^(\\bTSTALIASID\\b|[0-9a-zA-Z]+)$\"; the runtime model states \
         none); the built-in test alias `TSTALIASID` is one of them",
        Some("TSTALIASID"),
    );
    const LEX_V2_LOCALE_C: Contract = public(
        "^(?:[0-9A-Za-z]_?)+$",
        "5-6 of `[0-9a-zA-Z_]`, not starting with `_`, no `__`: the crate's rule for a Lex V2 \
         `localeId`, which takes every locale of the Lex V2 \"Supported languages and locales\" \
         table (`ll_CC`, `ll_NNN`: `en_US`, `es_419`) and no path separator",
        Some("en_US"),
    );
    const LEX_V2_SESSION_C: Contract = public(
        USER,
        "2-100 of `[0-9a-zA-Z._:-]`, except the dot-segment `..`: Lex V2 runtime DeleteSession \
         `sessionId` (\"Minimum length of 2. Maximum length of 100. Pattern: [0-9a-zA-Z._:-]+\", \
         https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_DeleteSession.html)",
        // The docs show no value of this id.
        None,
    );
    match kind {
        IdKind::AilySessionId => &AILY_SESSION_C,
        IdKind::AilyMessageId => &AILY_MESSAGE_C,
        IdKind::AilyRunId => &AILY_RUN_C,
        IdKind::AilyAccessToken => &AILY_TOKEN_C,
        IdKind::AilyAuthorization => &AILY_AUTHORIZATION_C,
        IdKind::LexUserId => &LEX_USER_C,
        IdKind::LexBotName => &LEX_BOT_NAME_C,
        IdKind::LexBotAlias => &LEX_BOT_ALIAS_C,
        IdKind::LexRegion => &LEX_REGION_C,
        IdKind::LexV2BotId => &LEX_V2_BOT_C,
        IdKind::LexV2BotAliasId => &LEX_V2_ALIAS_C,
        IdKind::LexV2LocaleId => &LEX_V2_LOCALE_C,
        IdKind::LexV2SessionId => &LEX_V2_SESSION_C,
    }
}

/// Every identifier kind, for tests that go through every rule.
#[cfg(test)]
pub(crate) const KINDS: [IdKind; 13] = [
    IdKind::AilySessionId,
    IdKind::AilyMessageId,
    IdKind::AilyRunId,
    IdKind::AilyAccessToken,
    IdKind::AilyAuthorization,
    IdKind::LexUserId,
    IdKind::LexBotName,
    IdKind::LexBotAlias,
    IdKind::LexRegion,
    IdKind::LexV2BotId,
    IdKind::LexV2BotAliasId,
    IdKind::LexV2LocaleId,
    IdKind::LexV2SessionId,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a message shows for a class names exactly the class's bytes: `desc` read as a
    /// regex class must match each of the 256 bytes if and only if the table holds it.
    #[test]
    fn every_class_description_matches_its_bytes() {
        for kind in KINDS {
            let rule = rule_of(kind);
            let sets = [Some(rule.first), Some(rule.body), rule.pad];
            for set in sets.into_iter().flatten() {
                let pattern = escape_literal_dashes(set.desc);
                let class = regex_lite::Regex::new(&alloc::format!("^{pattern}$"))
                    .unwrap_or_else(|e| panic!("{kind:?}: {}: {e}", set.desc));
                for b in 0..=255u8 {
                    let text = [b];
                    let in_desc = core::str::from_utf8(&text).is_ok_and(|s| class.is_match(s));
                    assert_eq!(
                        in_desc,
                        set.contains(b),
                        "{kind:?}: {} and its table disagree on byte {b:#04x}",
                        set.desc
                    );
                }
            }
        }
    }

    /// The class in regex-lite syntax: `a-b` stays a range, any other `-` is escaped
    /// (`[A-Za-z0-9-._~+/]` → `[A-Za-z0-9\-._~+/]`).
    fn escape_literal_dashes(desc: &str) -> alloc::string::String {
        let inner: alloc::vec::Vec<char> = desc
            .strip_prefix('[')
            .and_then(|d| d.strip_suffix(']'))
            .unwrap_or_else(|| panic!("{desc} is not a class"))
            .chars()
            .collect();
        let mut out = alloc::string::String::from("[");
        let mut i = 0;
        while i < inner.len() {
            if inner.get(i + 1) == Some(&'-') && i + 2 < inner.len() {
                out.extend([inner[i], '-', inner[i + 2]]);
                i += 3;
            } else {
                if inner[i] == '-' {
                    out.push('\\');
                }
                out.push(inner[i]);
                i += 1;
            }
        }
        out.push(']');
        out
    }

    #[test]
    fn lengths_are_the_documented_ones() {
        let bounds: alloc::vec::Vec<(usize, usize)> =
            KINDS.iter().map(|k| k.len_bounds()).collect();
        assert_eq!(
            bounds,
            [
                (9, 32),
                (9, 32),
                (5, 32),
                (1, 8192),
                (8, 8199),
                (2, 100),
                (2, 50),
                (1, 100),
                (1, 32),
                (10, 10),
                (10, 10),
                (5, 6),
                (2, 100)
            ]
        );
    }
}
