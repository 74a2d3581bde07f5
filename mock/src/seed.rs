//! Seed documents: sessions to start with, as JSON, each field read by the crate's own types so
//! that a seed holds only what the services could hold. The same document is `--seed FILE` and
//! the body of `POST /__botsession/sessions`.
//!
//! ```json
//! {
//!   "aily": [{"id": "session_4dfunz7sp1g8m", "channel_context": "{}", "metadata": "{}"}],
//!   "lex": [{"botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "user:42",
//!            "sessionId": "2026-12-01T00:00:00.000Z-mock"}],
//!   "lexV2": [{"botId": "ABCDE12345", "botAliasId": "TSTALIASID", "localeId": "en_US",
//!              "sessionId": "user:42", "sessionState": {"sessionAttributes": {"k": "v"}}}]
//! }
//! ```
//!
//! An Aily entry is a session as the service returns it (`created_at` and `modified_at`
//! default to the mock's clock, `created_by` to none); a Lex entry names the bot, alias and
//! user, and the session id DeleteSession reports; a Lex V2 entry is GetSession's answer
//! (`sessionId`, `sessionState`, `messages`, `interpretations`) with the bot, alias and locale.

use std::fmt;

use botsession::{
    AilySession, LexBotAlias, LexBotName, LexDeleteSessionRequest, LexUserId, LexV2BotAliasId,
    LexV2BotId, LexV2DeleteSessionRequest, LexV2LocaleId, LexV2Session, LexV2SessionId,
    MockService,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The most entries one document seeds, in all.
pub const MAX_ENTRIES: usize = 10_000;

/// Sessions read from a seed document, ready to add to a mock.
#[derive(Clone, Debug, Default)]
pub struct Seed {
    aily: Vec<AilyEntry>,
    lex: Vec<(LexDeleteSessionRequest, String)>,
    lex_v2: Vec<(LexV2DeleteSessionRequest, LexV2Session)>,
}

/// An Aily entry: the session, and whether its timestamps were given.
#[derive(Clone, Debug)]
struct AilyEntry {
    session: AilySession,
    timestamps: bool,
}

/// What is wrong with a seed document: where (`lexV2[1].sessionState.activeContexts[0].name`)
/// and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedError {
    /// The entry and field.
    pub at: String,
    /// What is wrong with it.
    pub problem: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "{}: {}", self.at, self.problem)
        }
    }
}

impl std::error::Error for SeedError {}

fn error(at: impl Into<String>, problem: impl fmt::Display) -> SeedError {
    SeedError {
        at: at.into(),
        problem: problem.to_string(),
    }
}

/// How many sessions of each API a seed added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Aily sessions.
    pub aily: usize,
    /// Lex V1 sessions.
    pub lex: usize,
    /// Lex V2 sessions.
    pub lex_v2: usize,
}

impl Seed {
    /// Reads a seed document.
    ///
    /// # Errors
    ///
    /// The first entry and field that is wrong, and why.
    pub fn from_json(json: &[u8]) -> Result<Seed, SeedError> {
        let value: Value =
            serde_json::from_slice(json).map_err(|e| error("", format!("not JSON: {e}")))?;
        let Value::Object(document) = value else {
            return Err(error(
                "",
                "a seed is a JSON object of aily, lex and lexV2 lists",
            ));
        };
        let mut seed = Seed::default();
        let mut entries = 0;
        for (key, list) in &document {
            if !["aily", "lex", "lexV2"].contains(&key.as_str()) {
                return Err(error(key.as_str(), "unknown API (aily, lex or lexV2)"));
            }
            let Value::Array(list) = list else {
                return Err(error(key.as_str(), "not a list"));
            };
            entries += list.len();
            if entries > MAX_ENTRIES {
                return Err(error(
                    key.as_str(),
                    format!("more than {MAX_ENTRIES} entries in all"),
                ));
            }
            for (i, entry) in list.iter().enumerate() {
                let at = format!("{key}[{i}]");
                let Value::Object(entry) = entry else {
                    return Err(error(at, "not a JSON object"));
                };
                match key.as_str() {
                    "aily" => seed.aily.push(aily(&at, entry)?),
                    "lex" => seed.lex.push(lex(&at, entry)?),
                    _ => seed.lex_v2.push(lex_v2(&at, entry)?),
                }
            }
        }
        Ok(seed)
    }

    /// Adds the sessions to `mock`, replacing any with the same keys; an Aily session whose
    /// timestamps were not given was created and modified at `now` (milliseconds since the
    /// Unix epoch).
    pub fn apply(&self, mock: &mut MockService, now: i64) -> Counts {
        for entry in &self.aily {
            let session = if entry.timestamps {
                entry.session.clone()
            } else {
                restamp(&entry.session, now)
            };
            mock.put_aily_session(session);
        }
        for (request, session_id) in &self.lex {
            mock.insert_lex_session(request.clone(), session_id.clone());
        }
        for (request, session) in &self.lex_v2 {
            mock.put_lex_v2_session(request.clone(), session.clone());
        }
        Counts {
            aily: self.aily.len(),
            lex: self.lex.len(),
            lex_v2: self.lex_v2.len(),
        }
    }
}

/// `entry`, created and modified at `now`.
fn restamp(entry: &AilySession, now: i64) -> AilySession {
    let mut session = AilySession::new(entry.id(), now);
    if let Some(by) = entry.created_by() {
        session = session.with_created_by(by.to_owned());
    }
    if let Some(context) = entry.channel_context() {
        session = session.with_channel_context(context.clone());
    }
    if let Some(metadata) = entry.metadata() {
        session = session.with_metadata(metadata.clone());
    }
    session
}

/// Reads `entry[key]` as a `T`, or says which field is wrong.
fn field<T: DeserializeOwned>(
    at: &str,
    entry: &Map<String, Value>,
    key: &str,
) -> Result<T, SeedError> {
    let value = entry
        .get(key)
        .ok_or_else(|| error(format!("{at}.{key}"), "missing"))?;
    serde_json::from_value(value.clone()).map_err(|e| error(format!("{at}.{key}"), e))
}

/// Refuses members an entry does not have.
fn known(at: &str, entry: &Map<String, Value>, fields: &[&str]) -> Result<(), SeedError> {
    match entry.keys().find(|key| !fields.contains(&key.as_str())) {
        Some(key) => Err(error(
            format!("{at}.{key}"),
            format!("unknown member (known: {})", fields.join(", ")),
        )),
        None => Ok(()),
    }
}

fn aily(at: &str, entry: &Map<String, Value>) -> Result<AilyEntry, SeedError> {
    const FIELDS: &[&str] = &[
        "id",
        "created_at",
        "modified_at",
        "created_by",
        "channel_context",
        "metadata",
    ];
    known(at, entry, FIELDS)?;
    for (given, missing) in [("created_at", "modified_at"), ("modified_at", "created_at")] {
        if entry.contains_key(given) && !entry.contains_key(missing) {
            return Err(error(
                format!("{at}.{missing}"),
                format!("missing: {given} is given, so give both timestamps (or neither)"),
            ));
        }
    }
    // Both timestamps, or neither.
    let timestamps = entry.contains_key("created_at");
    let mut filled = entry.clone();
    if !timestamps {
        filled.insert("created_at".into(), Value::String("0".into()));
        filled.insert("modified_at".into(), Value::String("0".into()));
    }
    // Each field alone first, for an error that names it; then the session as a whole.
    for key in FIELDS {
        if let Some(value) = filled.get(*key) {
            let mut one = Map::new();
            one.insert((*key).to_owned(), value.clone());
            for required in ["id", "created_at", "modified_at"] {
                if required != *key {
                    let stand_in = if required == "id" { "session_0" } else { "0" };
                    one.insert(required.to_owned(), Value::String(stand_in.into()));
                }
            }
            serde_json::from_value::<AilySession>(Value::Object(one))
                .map_err(|e| error(format!("{at}.{key}"), e))?;
        }
    }
    let session: AilySession =
        serde_json::from_value(Value::Object(filled)).map_err(|e| error(at, e))?;
    Ok(AilyEntry {
        session,
        timestamps,
    })
}

fn lex(
    at: &str,
    entry: &Map<String, Value>,
) -> Result<(LexDeleteSessionRequest, String), SeedError> {
    known(at, entry, &["botName", "botAlias", "userId", "sessionId"])?;
    let bot: LexBotName = field(at, entry, "botName")?;
    let alias: LexBotAlias = field(at, entry, "botAlias")?;
    let user: LexUserId = field(at, entry, "userId")?;
    let session_id: String = match entry.get("sessionId") {
        None => format!("{}-mock", user.as_str()),
        Some(_) => field(at, entry, "sessionId")?,
    };
    if session_id.is_empty()
        || session_id.len() > 256
        || !session_id.bytes().all(|b| b.is_ascii_graphic())
    {
        return Err(error(
            format!("{at}.sessionId"),
            "not 1 to 256 visible ASCII characters",
        ));
    }
    Ok((LexDeleteSessionRequest::new(bot, alias, user), session_id))
}

fn lex_v2(
    at: &str,
    entry: &Map<String, Value>,
) -> Result<(LexV2DeleteSessionRequest, LexV2Session), SeedError> {
    known(
        at,
        entry,
        &[
            "botId",
            "botAliasId",
            "localeId",
            "sessionId",
            "sessionState",
            "messages",
            "interpretations",
        ],
    )?;
    let bot: LexV2BotId = field(at, entry, "botId")?;
    let alias: LexV2BotAliasId = field(at, entry, "botAliasId")?;
    let locale: LexV2LocaleId = field(at, entry, "localeId")?;
    let session_id: LexV2SessionId = field(at, entry, "sessionId")?;
    let mut session = entry.clone();
    for key in ["botId", "botAliasId", "localeId"] {
        session.remove(key);
    }
    let json = Value::Object(session).to_string();
    let session = LexV2Session::from_json(json.as_bytes()).map_err(|e| error(at, e))?;
    Ok((
        LexV2DeleteSessionRequest::new(bot, alias, locale, session_id),
        session,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_adds_its_sessions() {
        let json = br#"{
            "aily": [{"id": "session_abc", "metadata": "{}"},
                     {"id": "session_def", "created_at": "5", "modified_at": "6"}],
            "lex": [{"botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "user:42"}],
            "lexV2": [{"botId": "ABCDE12345", "botAliasId": "TSTALIASID", "localeId": "en_US",
                       "sessionId": "user:42", "sessionState": {"sessionAttributes": {"k": "v"}}}]
        }"#;
        let seed = Seed::from_json(json).unwrap();
        let mut mock = MockService::new();
        let counts = seed.apply(&mut mock, 1_700_000_000_000);
        assert_eq!(
            counts,
            Counts {
                aily: 2,
                lex: 1,
                lex_v2: 1
            }
        );
        let abc = mock.aily_session("session_abc".parse().unwrap()).unwrap();
        assert_eq!(abc.created_at(), 1_700_000_000_000, "now");
        assert_eq!(abc.metadata().map(|m| m.as_str()), Some("{}"));
        let def = mock.aily_session("session_def".parse().unwrap()).unwrap();
        assert_eq!((def.created_at(), def.modified_at()), (5, 6));
    }

    #[test]
    fn a_document_holds_at_most_max_entries_in_all() {
        let lex = r#"{"botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "user:42"}"#;
        let aily = r#"{"id": "session_ab"}"#;
        // Counted across the lists: `lex` entries, then one of Aily.
        let document = |lex_entries: usize, aily_entries: usize| {
            format!(
                r#"{{"lex": [{}], "aily": [{}]}}"#,
                vec![lex; lex_entries].join(","),
                vec![aily; aily_entries].join(",")
            )
        };
        let seed = Seed::from_json(document(MAX_ENTRIES - 1, 1).as_bytes()).unwrap();
        assert_eq!(
            seed.apply(&mut MockService::new(), 0),
            Counts {
                aily: 1,
                lex: MAX_ENTRIES - 1,
                lex_v2: 0
            }
        );
        let error = Seed::from_json(document(MAX_ENTRIES, 1).as_bytes()).unwrap_err();
        assert_eq!(
            error.problem,
            format!("more than {MAX_ENTRIES} entries in all")
        );
    }

    #[test]
    fn lex_session_ids_and_aily_timestamps_are_checked() {
        let lex = |session_id: &str| {
            let json = format!(
                r#"{{"lex": [{{"botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "user:42", "sessionId": {session_id:?}}}]}}"#
            );
            Seed::from_json(json.as_bytes())
        };
        assert!(lex(&"s".repeat(256)).is_ok());
        for bad in [String::new(), "s".repeat(257), "a b".into()] {
            assert_eq!(lex(&bad).unwrap_err().at, "lex[0].sessionId", "{bad:?}");
        }
        // Given one timestamp, give both: the other is not made up.
        let one = Seed::from_json(br#"{"aily": [{"id": "session_ab", "created_at": "5"}]}"#);
        assert_eq!(one.unwrap_err().at, "aily[0].modified_at");
        let other = Seed::from_json(br#"{"aily": [{"id": "session_ab", "modified_at": "5"}]}"#);
        assert_eq!(other.unwrap_err().at, "aily[0].created_at");
    }

    #[test]
    fn a_bad_entry_is_named_with_its_field() {
        for (json, at) in [
            (&br#"{"aily": [{"id": "session_ab"}, {"id": "session_ILLEGAL"}]}"#[..], "aily[1].id"),
            (br#"{"aily": [{"id": "session_ab", "metadata": 7}]}"#, "aily[0].metadata"),
            (br#"{"aily": [{"id": "session_ab", "colour": 7}]}"#, "aily[0].colour"),
            (br#"{"lex": [{"botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "u"}]}"#, "lex[0].userId"),
            (br#"{"lex": [{"botAlias": "$LATEST", "userId": "user"}]}"#, "lex[0].botName"),
            (br#"{"lexV2": [{"botId": "short", "botAliasId": "TSTALIASID", "localeId": "en_US", "sessionId": "s1"}]}"#, "lexV2[0].botId"),
            (br#"{"lexV2": [{"botId": "ABCDE12345", "botAliasId": "TSTALIASID", "localeId": "en_US", "sessionId": "s1",
                 "sessionState": {"activeContexts": [{"name": "bad name", "timeToLive": {"timeToLiveInSeconds": 10, "turnsToLive": 2}, "contextAttributes": {}}]}}]}"#,
             "lexV2[0]"),
            (br#"{"lexv2": []}"#, "lexv2"),
            (br#"{"lex": {}}"#, "lex"),
            (br#"{"lex": [1]}"#, "lex[0]"),
        ] {
            let e = Seed::from_json(json).unwrap_err();
            assert_eq!(e.at, at, "{e}");
        }
        let e = Seed::from_json(br#"{"lexV2": [{"botId": "ABCDE12345", "botAliasId": "TSTALIASID", "localeId": "en_US", "sessionId": "s1",
                 "sessionState": {"activeContexts": [{"name": "bad name", "timeToLive": {"timeToLiveInSeconds": 10, "turnsToLive": 2}, "contextAttributes": {}}]}}]}"#).unwrap_err();
        assert!(
            e.problem.contains("sessionState.activeContexts[0].name"),
            "{e}"
        );
        assert!(Seed::from_json(b"[")
            .unwrap_err()
            .problem
            .starts_with("not JSON"));
    }
}
