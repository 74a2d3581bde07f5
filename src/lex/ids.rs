//! The Lex V1 identifiers: user id, bot name, bot alias, and the region of the endpoint (their
//! rules are in `crate::id::rules`).

use crate::id::string_id;

string_id! {
    /// A Lex user id: 2–100 of `[0-9a-zA-Z._:-]`, except exactly `..`.
    ///
    /// The `userId` path label of
    /// [DeleteSession](https://docs.aws.amazon.com/lex/latest/dg/API_runtime_DeleteSession.html):
    /// "Minimum length of 2. Maximum length of 100. Pattern: `[0-9a-zA-Z._:-]+`". The value `..`
    /// matches that pattern but is a dot-segment: URL stacks collapse it and SigV4 normalises it,
    /// so a request carrying it can never reach its session; it is rejected here.
    ///
    /// ```
    /// use botsession::{IdRule, LexUserId};
    ///
    /// let id: LexUserId = "user:42.eu-west-1".parse()?;
    /// assert_eq!(id, "user:42.eu-west-1");
    /// assert_eq!("..".parse::<LexUserId>().unwrap_err().rule(), IdRule::Reserved);
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails for a wrong length (`"a"`, 101 bytes), a byte outside the set
    /// (`"user 42"`, `"user/42"`, `"usér"`), or the dot-segment `".."`.
    LexUserId
}

string_id! {
    /// A Lex bot name: 2–50 bytes matching `^([A-Za-z]_?)+$`.
    ///
    /// The runtime model leaves `botName` unconstrained, but bots can only be created with names
    /// matching this rule (Lex model-building API, `PutBot`), so no other value names a bot.
    ///
    /// ```
    /// use botsession::LexBotName;
    ///
    /// let name: LexBotName = "Order_Flowers".parse()?;
    /// assert_eq!(name.as_str(), "Order_Flowers");
    /// assert!("Order__Flowers".parse::<LexBotName>().is_err());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails for a wrong length (`"a"`, 51 bytes), a first byte that is not a letter
    /// (`"_Bot"`, `"1Bot"`), a doubled underscore (`"Bot__A"`), or any other byte (`"Bot-A"`).
    LexBotName
}

string_id! {
    /// A Lex bot alias: exactly `$LATEST`, or 1–100 bytes matching `^([A-Za-z]_?)+$`.
    ///
    /// The runtime model leaves `botAlias` unconstrained, but aliases can only be created with
    /// names matching this rule (`PutBotAlias`), and `$LATEST` addresses the bot's draft version.
    ///
    /// ```
    /// use botsession::LexBotAlias;
    ///
    /// assert_eq!(LexBotAlias::LATEST, "$LATEST");
    /// let alias: LexBotAlias = "prod".parse()?;
    /// assert!(!alias.is_latest());
    /// assert!("$latest".parse::<LexBotAlias>().is_err());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails for a wrong length (`""`, 101 bytes), a first byte that is not a letter
    /// (`"_prod"`, `"$latest"`), a doubled underscore (`"a__b"`), or any other byte (`"pro-d"`).
    LexBotAlias
}

impl LexBotAlias {
    /// The special alias `$LATEST`, the bot's unpublished draft.
    pub const LATEST: LexBotAlias = LexBotAlias::from_static(crate::id::rules::LATEST);

    /// Whether this is [`LexBotAlias::LATEST`].
    pub fn is_latest(&self) -> bool {
        self.as_str() == crate::id::rules::LATEST
    }
}

string_id! {
    /// An AWS region for the Lex runtime endpoint `runtime.lex.<region>.amazonaws.com`:
    /// 1–32 of `[a-z0-9-]`.
    ///
    /// The rule keeps the URL's authority intact: nothing that could end the host, start a path,
    /// a port or user info, or smuggle in another domain can get into the URL. It does not check
    /// that the region exists (`-` passes).
    ///
    /// ```
    /// use botsession::LexRegion;
    ///
    /// let region: LexRegion = "eu-west-1".parse()?;
    /// assert_eq!(region.endpoint(), "https://runtime.lex.eu-west-1.amazonaws.com");
    /// assert!("eu-west-1.evil.com/".parse::<LexRegion>().is_err());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails for an empty or longer than 32-byte value, or any byte outside the set
    /// (`"EU-WEST-1"`, `"us-east-1.example.com"`, `"us-east-1:443"`).
    LexRegion
}

impl LexRegion {
    /// The runtime endpoint for the region: `https://runtime.lex.<region>.amazonaws.com`, or
    /// `….amazonaws.com.cn` for the China regions (`cn-…`), as the AWS SDKs resolve it.
    pub fn endpoint(&self) -> alloc::string::String {
        self.endpoint_of("runtime.lex")
    }

    /// The Lex V2 runtime endpoint for the region: `https://runtime-v2-lex.<region>.amazonaws.com`,
    /// or `….amazonaws.com.cn` for the China regions (`cn-…`).
    ///
    /// ```
    /// use botsession::LexRegion;
    ///
    /// assert_eq!(
    ///     LexRegion::from_static("cn-north-1").v2_endpoint(),
    ///     "https://runtime-v2-lex.cn-north-1.amazonaws.com.cn"
    /// );
    /// ```
    pub fn v2_endpoint(&self) -> alloc::string::String {
        self.endpoint_of("runtime-v2-lex")
    }

    fn endpoint_of(&self, service: &str) -> alloc::string::String {
        let suffix = if self.as_str().starts_with("cn-") {
            "amazonaws.com.cn"
        } else {
            "amazonaws.com"
        };
        alloc::format!("https://{service}.{}.{suffix}", self.as_str())
    }
}
