//! The Aily ids: session, message and run ids, stored inline (their rules are in
//! `crate::id::rules`).

use crate::id::inline_id;

inline_id! {
    /// An Aily session id: `session_` then 1–24 of `[0-9a-hjkmnp-z]`, so 9–32 bytes.
    ///
    /// The `:aily_session_id` path parameter of
    /// [delete session](https://open.feishu.cn/document/aily-v1/aily_session/delete), which
    /// documents the pattern `session_[0-9a-hjkmnp-z]{1,24}` and a length of at most 32. The
    /// alphabet is digits and lowercase letters without `i`, `l` and `o`.
    ///
    /// Stored inline: `Copy`, and parsing or deserializing one never allocates.
    ///
    /// ```
    /// use botsession::AilySessionId;
    ///
    /// let id: AilySessionId = "session_4dfunz7sp1g8m".parse()?;
    /// assert_eq!(id, "session_4dfunz7sp1g8m");
    ///
    /// let err = "session_4dfunz7sp1g8M".parse::<AilySessionId>().unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid Aily session id: character 'M' at byte 20 is not in [0-9a-hjkmnp-z]"
    /// );
    ///
    /// const EXAMPLE: AilySessionId = AilySessionId::from_static("session_4dfunz7sp1g8m");
    /// assert_eq!(EXAMPLE, id);
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// An invalid literal in a `const` item does not compile:
    ///
    /// ```compile_fail
    /// const BAD: botsession::AilySessionId = botsession::AilySessionId::from_static("session_i");
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails with an [`IdError`](crate::IdError) for a value of the wrong length
    /// (`"session_"`, 33 bytes), without the prefix (`"Session_1"`, `"sessions_1"`), or with a
    /// byte outside the alphabet (`"session_i"`, `"session_A"`, `"session_a_b"`).
    AilySessionId
}

inline_id! {
    /// An Aily message id: `message_` then 1–24 of `[0-9a-hjkmnp-z]`, so 9–32 bytes.
    ///
    /// Documented beside the session id in the
    /// [Aily API family](https://open.feishu.cn/document/aily-v1/aily_session/delete) as
    /// `message_[0-9a-hjkmnp-z]{1,24}`, at most 32. Stored inline and `Copy`.
    ///
    /// ```
    /// use botsession::AilyMessageId;
    ///
    /// let id: AilyMessageId = "message_4dfunz7sp1g8m".parse()?;
    /// assert_eq!(id.as_str(), "message_4dfunz7sp1g8m");
    /// assert!("session_4dfunz7sp1g8m".parse::<AilyMessageId>().is_err());
    /// # Ok::<(), botsession::IdError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails for a wrong length (`"message_"`), prefix (`"Message_1"`) or byte
    /// (`"message_o"`).
    AilyMessageId
}

inline_id! {
    /// An Aily run id: `run_` then 1–28 of `[0-9a-hjkmnp-z]`, so 5–32 bytes.
    ///
    /// Documented beside the session id in the
    /// [Aily API family](https://open.feishu.cn/document/aily-v1/aily_session/delete) as
    /// `run_[0-9a-hjkmnp-z]{1,28}`, 5–32 bytes. Stored inline and `Copy`.
    ///
    /// ```
    /// use botsession::AilyRunId;
    ///
    /// let id = AilyRunId::from_static("run_4dfunz7sp1g8m");
    /// assert_eq!(id.to_string(), "run_4dfunz7sp1g8m");
    /// assert!("run_".parse::<AilyRunId>().is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// Parsing fails for a wrong length (`"run_"`, 33 bytes), prefix (`"rum_1"`) or byte
    /// (`"run_l"`).
    AilyRunId
}
