//! The Lex V2 identifiers: bot id, bot alias id, locale id and session id (their rules are in
//! `crate::id::rules`).

use crate::id::{inline_id, string_id};

inline_id! {
    /// A Lex V2 bot id: exactly 10 of `[0-9a-zA-Z]`.
    ///
    /// The `botId` path label of the V2 runtime
    /// [DeleteSession](https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_DeleteSession.html):
    /// "Fixed length of 10. Pattern: `^[0-9a-zA-Z]+$`". `Copy`, stored inline.
    ///
    /// ```
    /// use botsession::LexV2BotId;
    ///
    /// let id: LexV2BotId = "ABCDE12345".parse()?;
    /// assert_eq!(id, "ABCDE12345");
    /// assert!("ABCDE1234".parse::<LexV2BotId>().is_err());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails for any other length (`"ABCDE1234"`, 11 bytes) or a byte outside the set
    /// (`"ABCDE-1234"`, `"ABCDE 1234"`).
    LexV2BotId
}

inline_id! {
    /// A Lex V2 bot alias id: exactly 10 of `[0-9a-zA-Z]`, such as the built-in test alias
    /// [`LexV2BotAliasId::TEST`] (`TSTALIASID`).
    ///
    /// The runtime model leaves `botAliasId` unconstrained, but the model-building API gives
    /// every alias id this rule ("Fixed length of 10. Pattern:
    /// `^(\bTSTALIASID\b|[0-9a-zA-Z]+)$`"), so no other value names an alias.
    ///
    /// ```
    /// use botsession::LexV2BotAliasId;
    ///
    /// assert_eq!(LexV2BotAliasId::TEST, "TSTALIASID");
    /// assert!("TSTALIASID".parse::<LexV2BotAliasId>()?.is_test());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`LexV2BotId`](crate::LexV2BotId).
    LexV2BotAliasId
}

impl LexV2BotAliasId {
    /// The built-in test alias of every bot, `TSTALIASID`.
    pub const TEST: LexV2BotAliasId = LexV2BotAliasId::from_static(crate::id::rules::TEST_ALIAS_ID);

    /// Whether this is [`LexV2BotAliasId::TEST`].
    pub fn is_test(&self) -> bool {
        self.as_str() == crate::id::rules::TEST_ALIAS_ID
    }
}

inline_id! {
    /// A Lex V2 locale id: 5–6 bytes of `[0-9a-zA-Z_]`, not starting with `_`, no `__`.
    ///
    /// The model says only "at least 1", but a locale must be one of the Lex V2
    /// [supported languages and locales](https://docs.aws.amazon.com/lexv2/latest/dg/how-languages.html),
    /// which are all `ll_CC` or `ll_NNN` (`en_US`, `en_GB`, `es_419`, `ja_JP`, …; the list is
    /// [`LexV2LocaleId::DOCUMENTED`]). The rule takes every locale of that table and no path
    /// separator, `%`, `.`, space or control byte. It does not check that the locale exists:
    /// Lex adds locales.
    ///
    /// ```
    /// use botsession::LexV2LocaleId;
    ///
    /// let locale: LexV2LocaleId = "es_419".parse()?;
    /// assert_eq!(locale.as_str(), "es_419");
    /// assert!("en/US".parse::<LexV2LocaleId>().is_err());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails for a wrong length (`"en"`, `"en_US_x"`), a leading or doubled `_`
    /// (`"_en_US"`, `"en__US"`), or any other byte (`"en-US"`, `"en US"`, `"en/US"`).
    LexV2LocaleId
}

impl LexV2LocaleId {
    /// The locales of the Lex V2 developer guide's "Supported languages and locales" table
    /// (`how-languages`, read 2026-12-01): the 27 of its long-standing list, then the ones the
    /// page has added since (marked `*` there). Each is checked against the rule at compile
    /// time. Lex adds locales, so parsing does not require a value to be listed here.
    pub const DOCUMENTED: &'static [LexV2LocaleId] = &[
        Self::from_static("ar_AE"),
        Self::from_static("ca_ES"),
        Self::from_static("de_AT"),
        Self::from_static("de_DE"),
        Self::from_static("en_AU"),
        Self::from_static("en_GB"),
        Self::from_static("en_IN"),
        Self::from_static("en_US"),
        Self::from_static("en_ZA"),
        Self::from_static("es_419"),
        Self::from_static("es_ES"),
        Self::from_static("es_US"),
        Self::from_static("fi_FI"),
        Self::from_static("fr_CA"),
        Self::from_static("fr_FR"),
        Self::from_static("hi_IN"),
        Self::from_static("it_IT"),
        Self::from_static("ja_JP"),
        Self::from_static("ko_KR"),
        Self::from_static("nl_NL"),
        Self::from_static("no_NO"),
        Self::from_static("pl_PL"),
        Self::from_static("pt_BR"),
        Self::from_static("pt_PT"),
        Self::from_static("sv_SE"),
        Self::from_static("zh_CN"),
        Self::from_static("zh_HK"),
        Self::from_static("af_ZA"),
        Self::from_static("ar_SA"),
        Self::from_static("bg_BG"),
        Self::from_static("cs_CZ"),
        Self::from_static("cy_GB"),
        Self::from_static("da_DK"),
        Self::from_static("de_CH"),
        Self::from_static("en_AB"),
        Self::from_static("en_IE"),
        Self::from_static("en_NZ"),
        Self::from_static("en_WL"),
        Self::from_static("es_MX"),
        Self::from_static("et_ET"),
        Self::from_static("fa_IR"),
        Self::from_static("fr_BE"),
        Self::from_static("he_IL"),
        Self::from_static("hr_HR"),
        Self::from_static("hu_HU"),
        Self::from_static("id_ID"),
        Self::from_static("is_IS"),
        Self::from_static("km_KH"),
        Self::from_static("lt_LT"),
        Self::from_static("lv_LV"),
        Self::from_static("ms_MY"),
        Self::from_static("nl_BE"),
    ];
}

string_id! {
    /// A Lex V2 session id: 2–100 of `[0-9a-zA-Z._:-]`, except exactly `..`.
    ///
    /// The `sessionId` path label of the V2 runtime DeleteSession: "Minimum length of 2.
    /// Maximum length of 100. Pattern: `[0-9a-zA-Z._:-]+`", the rule of the V1 `userId`
    /// ([`LexUserId`](crate::LexUserId)), checked by the same table; `..` is refused for the same
    /// reason (a dot-segment no URL path can carry).
    ///
    /// ```
    /// use botsession::LexV2SessionId;
    ///
    /// let id: LexV2SessionId = "user:42.session-1".parse()?;
    /// assert_eq!(id, "user:42.session-1");
    /// assert!("..".parse::<LexV2SessionId>().is_err());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`LexUserId`](crate::LexUserId).
    LexV2SessionId
}
