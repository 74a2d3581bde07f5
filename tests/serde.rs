//! `Serialize`/`Deserialize` for every identifier: a plain JSON string each way, every
//! deserialization path running the validator, and rejections carrying the identifier error's
//! message (but never a secret).
#![cfg(feature = "serde")]

mod common;

use std::fmt::Debug;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, LexBotAlias,
    LexBotName, LexRegion, LexUserId,
};
use common::{assert_no_secret_window, Ident};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Serializes a value parsed from `input` and deserializes it back through every path:
/// `from_str` (borrowed), `from_slice`, `from_reader` (buffered), `from_value` (owned `String`)
/// and `&Value`.
#[track_caller]
fn round_trip<T>(input: &str, canonical: &str)
where
    T: Serialize + DeserializeOwned + Ident,
{
    let value: T = input.parse().unwrap();
    assert_eq!(value.text(), canonical);
    let json = serde_json::to_string(&value).unwrap();
    assert_eq!(
        json,
        serde_json::to_string(canonical).unwrap(),
        "plain JSON string"
    );
    assert_eq!(
        serde_json::to_value(&value).unwrap(),
        Value::String(canonical.into())
    );

    let borrowed: T = serde_json::from_str(&json).unwrap();
    assert_eq!(borrowed, value);
    let sliced: T = serde_json::from_slice(json.as_bytes()).unwrap();
    assert_eq!(sliced, value);
    let read: T = serde_json::from_reader(json.as_bytes()).unwrap();
    assert_eq!(read, value);
    let owned: T = serde_json::from_value(Value::String(input.to_owned())).unwrap();
    assert_eq!(owned, value);
    let by_ref = T::deserialize(&Value::String(input.to_owned())).unwrap();
    assert_eq!(by_ref, value);
    // The non-canonical input deserializes to the same canonical value.
    let from_input: T = serde_json::from_str(&serde_json::to_string(input).unwrap()).unwrap();
    assert_eq!(from_input, value);
}

/// Deserializes `input` through the borrowed and owned paths, asserts both fail with a message
/// that contains the identifier error's, and returns the messages.
#[track_caller]
fn rejects<T>(input: &str) -> Vec<String>
where
    T: DeserializeOwned + Ident,
{
    let id_message = input.parse::<T>().unwrap_err().to_string();
    let json = serde_json::to_string(input).unwrap();
    let messages = vec![
        serde_json::from_str::<T>(&json).unwrap_err().to_string(),
        serde_json::from_slice::<T>(json.as_bytes())
            .unwrap_err()
            .to_string(),
        serde_json::from_reader::<_, T>(json.as_bytes())
            .unwrap_err()
            .to_string(),
        serde_json::from_value::<T>(Value::String(input.to_owned()))
            .unwrap_err()
            .to_string(),
        T::deserialize(&Value::String(input.to_owned()))
            .unwrap_err()
            .to_string(),
    ];
    for message in &messages {
        assert!(
            message.contains(&id_message),
            "{message:?} lacks {id_message:?}"
        );
    }
    messages
}

#[test]
fn aily_ids_round_trip() {
    for s in [
        "session_4dfunz7sp1g8m",
        "session_0",
        "session_zzzzzzzzzzzzzzzzzzzzzzzz",
    ] {
        round_trip::<AilySessionId>(s, s);
    }
    round_trip::<AilyMessageId>("message_4dfunz7sp1g8m", "message_4dfunz7sp1g8m");
    round_trip::<AilyRunId>("run_4dfunz7sp1g8m", "run_4dfunz7sp1g8m");
    round_trip::<AilyRunId>(
        "run_zzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        "run_zzzzzzzzzzzzzzzzzzzzzzzzzzzz",
    );
}

#[test]
fn lex_ids_round_trip() {
    for s in ["user:42.eu-west-1", "ab", "...", "a-b_c:d.e"] {
        round_trip::<LexUserId>(s, s);
    }
    round_trip::<LexUserId>(&"u".repeat(100), &"u".repeat(100));
    for s in ["Order_Flowers", "ab", "a_"] {
        round_trip::<LexBotName>(s, s);
    }
    for s in ["$LATEST", "prod", "a", "a_b_"] {
        round_trip::<LexBotAlias>(s, s);
    }
    for s in ["eu-west-1", "us-east-1", "a"] {
        round_trip::<LexRegion>(s, s);
    }
    let latest: LexBotAlias = serde_json::from_str("\"$LATEST\"").unwrap();
    assert!(latest.is_latest());
    assert_eq!(
        serde_json::to_string(&LexBotAlias::LATEST).unwrap(),
        "\"$LATEST\""
    );
}

/// A secret written through its named opt-in, the one way to serialize it.
#[derive(Serialize)]
struct Exposed<'a> {
    #[serde(serialize_with = "AilyAccessToken::serialize_exposed")]
    token: &'a AilyAccessToken,
    #[serde(serialize_with = "AilyAuthorization::serialize_exposed")]
    authorization: &'a AilyAuthorization,
}

/// Reads a secret back from the JSON string of `input` through the borrowed and owned paths.
#[track_caller]
fn read_secret<T: DeserializeOwned + Ident>(input: &str) -> T {
    let json = serde_json::to_string(input).unwrap();
    let borrowed: T = serde_json::from_str(&json).unwrap();
    let owned: T = serde_json::from_value(Value::String(input.to_owned())).unwrap();
    assert_eq!(borrowed, owned);
    borrowed
}

#[test]
fn secrets_round_trip_through_their_named_opt_in() {
    for t in [
        "u-7f1bcd13fc57d46bac21793a18e560",
        "t-g1044qeGEDXTB6NDJOGV4JQX",
        "abc==",
        "a/b+c~d",
        &"x".repeat(8192),
    ] {
        let token: AilyAccessToken = read_secret(t);
        let header = format!("Bearer {t}");
        // Written in canonical form whatever the scheme's case was.
        for input in [header.clone(), format!("bearer {t}"), format!("BEARER {t}")] {
            let authorization: AilyAuthorization = read_secret(&input);
            let written = serde_json::to_value(Exposed {
                token: &token,
                authorization: &authorization,
            })
            .unwrap();
            assert_eq!(written, json!({"token": t, "authorization": header}));
            let again: AilyAuthorization =
                serde_json::from_value(written["authorization"].clone()).unwrap();
            assert_eq!(again, authorization);
        }
    }
}

#[test]
fn invalid_values_report_the_id_error() {
    let messages = rejects::<AilySessionId>("session_i");
    for m in &messages {
        assert!(
            m.contains(
                "invalid Aily session id: character 'i' at byte 8 is not in [0-9a-hjkmnp-z]"
            ),
            "{m}"
        );
    }
    // serde_json adds the position for text input.
    assert!(
        messages[0].ends_with("at line 1 column 11"),
        "{}",
        messages[0]
    );

    rejects::<AilySessionId>("session_");
    rejects::<AilySessionId>("Session_1");
    rejects::<AilySessionId>(&format!("session_{}", "z".repeat(25)));
    rejects::<AilyMessageId>("message_o");
    rejects::<AilyMessageId>("session_1");
    rejects::<AilyRunId>("run_");
    rejects::<AilyRunId>("run_l");
    let dot = rejects::<LexUserId>("..");
    assert!(
        dot[0].contains("invalid Lex user id: \"..\" is a dot-segment"),
        "{}",
        dot[0]
    );
    rejects::<LexUserId>("user 42");
    rejects::<LexUserId>("a");
    rejects::<LexBotName>("a__b");
    rejects::<LexBotName>("_a");
    rejects::<LexBotAlias>("$latest");
    rejects::<LexBotAlias>("");
    rejects::<LexRegion>("us-east-1.example.com");
    rejects::<LexRegion>("EU-WEST-1");
}

#[test]
fn escaped_json_strings_are_unescaped_then_validated() {
    let id: AilySessionId = serde_json::from_str(r#""session_4dfunz7sp1g8\u006d""#).unwrap();
    assert_eq!(id, "session_4dfunz7sp1g8m");
    let id: AilySessionId = serde_json::from_str(r#""\u0073ession_4dfunz7sp1g8m""#).unwrap();
    assert_eq!(id, "session_4dfunz7sp1g8m");
    let alias: LexBotAlias = serde_json::from_str(r#""\u0024LATEST""#).unwrap();
    assert!(alias.is_latest());
    let user: LexUserId = serde_json::from_str(r#""user\u003a42""#).unwrap();
    assert_eq!(user, "user:42");
    let token: AilyAccessToken = serde_json::from_str(r#""t-abc\/def""#).unwrap();
    assert_eq!(token.expose_secret(), "t-abc/def");

    // An escape that decodes to a forbidden character is caught after decoding.
    let err = serde_json::from_str::<AilySessionId>(r#""session_\u0069""#).unwrap_err();
    assert!(
        err.to_string()
            .contains("invalid Aily session id: character 'i' at byte 8 is not in [0-9a-hjkmnp-z]"),
        "{err}"
    );
    let err = serde_json::from_str::<AilySessionId>(r#""session_\u0000""#).unwrap_err();
    assert!(
        err.to_string().contains("character '\\0' at byte 8"),
        "{err}"
    );
    let err = serde_json::from_str::<LexUserId>(r#""user\n42""#).unwrap_err();
    assert!(
        err.to_string().contains("character '\\n' at byte 4"),
        "{err}"
    );
    let err = serde_json::from_str::<LexUserId>(r#""\u002e\u002e""#).unwrap_err();
    assert!(err.to_string().contains("dot-segment"), "{err}");
    let err = serde_json::from_str::<LexUserId>(r#""us\u00e9r""#).unwrap_err();
    assert!(err.to_string().contains("character 'é' at byte 2"), "{err}");
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct Req {
    aily_session_id: AilySessionId,
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct LexPath {
    bot_name: LexBotName,
    bot_alias: LexBotAlias,
    user_id: LexUserId,
    session: Option<AilySessionId>,
}

#[test]
fn request_structs() {
    let req: Req = serde_json::from_str(r#"{"aily_session_id":"session_4dfunz7sp1g8m"}"#).unwrap();
    assert_eq!(req.aily_session_id, "session_4dfunz7sp1g8m");
    assert_eq!(
        serde_json::to_string(&req).unwrap(),
        r#"{"aily_session_id":"session_4dfunz7sp1g8m"}"#
    );
    let req: Req = serde_json::from_value(json!({"aily_session_id": "session_0"})).unwrap();
    assert_eq!(req.aily_session_id, "session_0");

    let err =
        serde_json::from_str::<Req>(r#"{"aily_session_id":"session_4dfunz7sp1g8i"}"#).unwrap_err();
    assert!(
        err.to_string().contains(
            "invalid Aily session id: character 'i' at byte 20 is not in [0-9a-hjkmnp-z]"
        ),
        "{err}"
    );
    let err = serde_json::from_str::<Req>(r#"{"aily_session_id":42}"#).unwrap_err();
    assert!(
        err.to_string().contains("expected an identifier string"),
        "{err}"
    );
    let err = serde_json::from_str::<Req>("{}").unwrap_err();
    assert!(
        err.to_string().contains("missing field `aily_session_id`"),
        "{err}"
    );

    let path: LexPath = serde_json::from_str(
        r#"{"botName":"Order_Flowers","botAlias":"$LATEST","userId":"user:42","session":null}"#,
    )
    .unwrap();
    assert_eq!(path.bot_name, "Order_Flowers");
    assert!(path.bot_alias.is_latest());
    assert_eq!(path.user_id, "user:42");
    assert_eq!(path.session, None);
    let again: LexPath = serde_json::from_str(&serde_json::to_string(&path).unwrap()).unwrap();
    assert_eq!(again, path);
    let err = serde_json::from_value::<LexPath>(json!({
        "botName": "Order_Flowers", "botAlias": "prod", "userId": "..", "session": null
    }))
    .unwrap_err();
    assert!(err.to_string().contains("invalid Lex user id"), "{err}");
}

#[test]
fn non_string_json_is_rejected() {
    for json in ["42", "null", "true", "[]", "{}", r#"["session_1"]"#] {
        let err = serde_json::from_str::<AilySessionId>(json).unwrap_err();
        assert!(
            err.to_string().contains("expected an identifier string"),
            "{json}: {err}"
        );
        let err = serde_json::from_str::<LexUserId>(json).unwrap_err();
        assert!(
            err.to_string().contains("expected an identifier string"),
            "{json}: {err}"
        );
        assert!(serde_json::from_str::<AilyAccessToken>(json).is_err());
    }
}

#[derive(Deserialize)]
struct WithToken {
    #[allow(dead_code)]
    token: AilyAccessToken,
}

#[derive(Deserialize)]
struct WithHeader {
    #[allow(dead_code)]
    authorization: AilyAuthorization,
}

#[test]
fn token_errors_do_not_contain_the_token() {
    for secret in [
        "t-qwer tyuiop",
        "u-7f1bcd13fc57d46bac21793a18e560=x",
        "=u7f1bcd13fc57d46bac",
        "u-7f1bcd13fc57d46bac21793a18e56é",
    ] {
        for message in rejects::<AilyAccessToken>(secret) {
            assert_no_secret_window(&message, secret);
        }
        let err = serde_json::from_value::<WithToken>(json!({ "token": secret }))
            .err()
            .unwrap();
        assert_no_secret_window(&err.to_string(), secret);
        let err = serde_json::from_str::<WithToken>(&json!({ "token": secret }).to_string())
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("invalid Aily access token"),
            "{err}"
        );
        assert_no_secret_window(&err.to_string(), secret);

        let header = format!("Bearer {secret}");
        for message in rejects::<AilyAuthorization>(&header) {
            assert_no_secret_window(&message, secret);
        }
        let err =
            serde_json::from_str::<WithHeader>(&json!({ "authorization": header }).to_string())
                .err()
                .unwrap();
        assert!(
            err.to_string().contains("invalid Aily authorization"),
            "{err}"
        );
        assert_no_secret_window(&err.to_string(), secret);
    }
    // A value without the scheme: the whole value is the secret.
    let secret = "u-7f1bcd13fc57d46bac21793a18e560";
    for message in rejects::<AilyAuthorization>(secret) {
        assert_no_secret_window(&message, secret);
    }
}
