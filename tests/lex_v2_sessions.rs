//! Lex V2's whole session, GetSession and PutSession beside DeleteSession: every length,
//! pattern, range and list limit of the model's session state and messages (botocore
//! `lexv2-runtime/2020-08-07/service-2.json`) against the documented patterns, at every entry
//! point (constructors, builders, `from_json`, `Deserialize`, the PutSession body, the
//! response headers); requests and responses read back equal to what the crate writes; and the
//! responses classified as DeleteSession's are.
#![cfg(feature = "serde")]

mod common;
#[path = "common/strategies.rs"]
mod strategies;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use botsession::{
    Api, LexV2ActiveContext, LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl,
    LexV2BotAliasId, LexV2BotId, LexV2Button, LexV2ButtonText, LexV2ButtonValue,
    LexV2ConfirmationState, LexV2ContextSeconds, LexV2ContextTurns, LexV2DeleteSessionRequest,
    LexV2DialogAction, LexV2DialogActionType, LexV2ElicitSubSlot, LexV2ErrorKind,
    LexV2GetSessionRequest, LexV2GetSessionResponse, LexV2ImageResponseCard, LexV2Intent,
    LexV2IntentState, LexV2Interpretation, LexV2JsonError, LexV2LocaleId, LexV2Message,
    LexV2MessageContentType, LexV2NonEmptyString, LexV2ParameterName, LexV2PutSessionRequest,
    LexV2RuntimeHintDetails, LexV2RuntimeHintName, LexV2RuntimeHintPhrase, LexV2RuntimeHintValue,
    LexV2RuntimeHints, LexV2ServiceError, LexV2Session, LexV2SessionState, LexV2Slot,
    LexV2SlotShape, LexV2SlotValue, LexV2StyleType, LexV2Text, LexV2TimeToLive, MockService,
    Operation, ResponseError, RouteError, TextError, ValueError, ValueRule, LEX_V2_MAX_JSON_LEN,
    MAX_DEPTH,
};
use common::fixtures::LEX_V2_PATH;
use common::re;
use proptest::prelude::*;
use strategies::config;

const JSON: (&str, &str) = ("Content-Type", "application/json");

fn s(value: &str) -> LexV2NonEmptyString {
    value.parse().expect("a non-empty string")
}

fn text(value: &str) -> LexV2Text {
    value.parse().expect("1 to 1024 characters")
}

fn labels() -> (
    LexV2BotId,
    LexV2BotAliasId,
    LexV2LocaleId,
    botsession::LexV2SessionId,
) {
    (
        LexV2BotId::from_static("ABCDE12345"),
        LexV2BotAliasId::TEST,
        LexV2LocaleId::from_static("en_US"),
        "user:42".parse().expect("a session id"),
    )
}

fn put(state: LexV2SessionState) -> LexV2PutSessionRequest {
    let (bot, alias, locale, session) = labels();
    LexV2PutSessionRequest::new(bot, alias, locale, session, state)
}

fn get() -> LexV2GetSessionRequest {
    let (bot, alias, locale, session) = labels();
    LexV2GetSessionRequest::new(bot, alias, locale, session)
}

fn delete() -> LexV2DeleteSessionRequest {
    let (bot, alias, locale, session) = labels();
    LexV2DeleteSessionRequest::new(bot, alias, locale, session)
}

/// A state with something in every member: an intent with three slots (one a list, one
/// composite), a dialog action eliciting a sub-slot, two active contexts, session attributes,
/// runtime hints.
fn full_state() -> LexV2SessionState {
    let value = |v: &str| LexV2Slot::new().with_value(LexV2SlotValue::new(s(v)));
    let toppings = LexV2Slot::new()
        .with_shape(LexV2SlotShape::List)
        .with_values([value("cheese"), value("olives")])
        .unwrap();
    let address = LexV2Slot::new()
        .with_shape(LexV2SlotShape::Composite)
        .with_sub_slots([
            (s("Street"), value("Main St")),
            (s("City"), value("Zürich")),
        ])
        .unwrap();
    let size = LexV2Slot::new().with_value(
        LexV2SlotValue::new(s("large"))
            .with_original_value(s("big"))
            .with_resolved_values([s("large"), s("extra large")])
            .unwrap(),
    );
    let intent = LexV2Intent::new(s("OrderPizza"))
        .with_slots([
            (s("Size"), size),
            (s("Toppings"), toppings),
            (s("Address"), address),
        ])
        .unwrap()
        .with_state(LexV2IntentState::InProgress)
        .with_confirmation_state(LexV2ConfirmationState::None);
    let context = |name: &str, seconds, turns| {
        LexV2ActiveContext::new(
            name.parse().unwrap(),
            LexV2TimeToLive::new(
                LexV2ContextSeconds::new(seconds).unwrap(),
                LexV2ContextTurns::new(turns).unwrap(),
            ),
        )
    };
    let hints = LexV2RuntimeHints::new()
        .with_slot_hints([(
            "OrderPizza".parse().unwrap(),
            BTreeMap::from([(
                "Size".parse::<LexV2RuntimeHintName>().unwrap(),
                LexV2RuntimeHintDetails::new()
                    .with_runtime_hint_values([LexV2RuntimeHintValue::new(
                        "extra large".parse().unwrap(),
                    )])
                    .unwrap(),
            )]),
        )])
        .unwrap();
    LexV2SessionState::new()
        .with_dialog_action(
            LexV2DialogAction::new(LexV2DialogActionType::ElicitSlot)
                .with_slot_to_elicit(s("Address"))
                .with_slot_elicitation_style(LexV2StyleType::SpellByWord)
                .with_sub_slot_to_elicit(LexV2ElicitSubSlot::new(s("Street"))),
        )
        .with_intent(intent)
        .with_active_contexts([
            context("order", 600, 5)
                .with_context_attributes([("pin".parse().unwrap(), text("1234"))])
                .unwrap(),
            context("delivery_zone", 86_400, 20),
        ])
        .unwrap()
        .with_session_attributes([
            (s("customer"), "42".to_owned()),
            (s("empty"), String::new()),
        ])
        .unwrap()
        .with_originating_request_id(s("req-1"))
        .with_runtime_hints(hints)
}

/// The value error of reading `json` as a session state.
#[track_caller]
fn state_error(json: &str) -> ValueError {
    match LexV2SessionState::from_json(json.as_bytes()) {
        Err(LexV2JsonError::Value(e)) => e,
        other => panic!("{json}: expected a value error, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The strings, against the model's patterns
// ---------------------------------------------------------------------------------------------

/// The model's rule of each string type, as a pattern over characters.
fn oracle(kind: &str) -> &'static regex_lite::Regex {
    static RULES: OnceLock<BTreeMap<&'static str, regex_lite::Regex>> = OnceLock::new();
    &RULES.get_or_init(|| {
        BTreeMap::from([
            ("NonEmptyString", re(r"(?s)^.+$")),
            ("Text", re(r"(?s)^.{1,1024}$")),
            ("AttachmentTitle", re(r"(?s)^.{1,250}$")),
            ("AttachmentUrl", re(r"(?s)^.{1,250}$")),
            ("ButtonText", re(r"(?s)^.{1,50}$")),
            ("ButtonValue", re(r"(?s)^.{1,50}$")),
            ("ParameterName", re(r"(?s)^.{1,100}$")),
            ("RuntimeHintPhrase", re(r"(?s)^.{1,140}$")),
            // The pattern and the length, both.
            ("ActiveContextName", re(r"^([A-Za-z0-9]_?)+$")),
            ("Name", re(r"^([0-9a-zA-Z][_-]?)+$")),
        ])
    })[kind]
}

fn valid(kind: &str, value: &str) -> bool {
    let within = |max: usize| value.chars().count() <= max;
    oracle(kind).is_match(value)
        && match kind {
            "ActiveContextName" | "Name" => within(100),
            _ => true,
        }
}

/// Every string type's validator, by the model's name.
fn checks(kind: &str, value: &str) -> bool {
    match kind {
        "NonEmptyString" => LexV2NonEmptyString::is_valid(value),
        "Text" => LexV2Text::is_valid(value),
        "AttachmentTitle" => LexV2AttachmentTitle::is_valid(value),
        "AttachmentUrl" => LexV2AttachmentUrl::is_valid(value),
        "ButtonText" => LexV2ButtonText::is_valid(value),
        "ButtonValue" => LexV2ButtonValue::is_valid(value),
        "ParameterName" => LexV2ParameterName::is_valid(value),
        "RuntimeHintPhrase" => LexV2RuntimeHintPhrase::is_valid(value),
        "ActiveContextName" => LexV2ActiveContextName::is_valid(value),
        "Name" => LexV2RuntimeHintName::is_valid(value),
        other => panic!("no type for {other}"),
    }
}

const KINDS: [&str; 10] = [
    "NonEmptyString",
    "Text",
    "AttachmentTitle",
    "AttachmentUrl",
    "ButtonText",
    "ButtonValue",
    "ParameterName",
    "RuntimeHintPhrase",
    "ActiveContextName",
    "Name",
];

/// Strings near every bound: a run of one character (ASCII, two-, three- or four-byte) of a
/// length around a limit, or a mix of pattern characters and separators.
fn strings() -> impl Strategy<Value = String> {
    let lengths = prop_oneof![
        0usize..4,
        48usize..53,
        98usize..103,
        138usize..143,
        248usize..253,
        1022usize..1027
    ];
    let runs = (
        lengths,
        prop::sample::select(vec!['a', 'Z', '7', 'é', '字', '🍕', ' ']),
    )
        .prop_map(|(n, c)| std::iter::repeat(c).take(n).collect::<String>());
    let mixed = prop::collection::vec(
        prop::sample::select(vec!['a', 'B', '0', '_', '-', '.', ' ', 'é', '\n']),
        0..12,
    )
    .prop_map(|cs| cs.into_iter().collect::<String>());
    prop_oneof![runs, mixed]
}

proptest! {
    #![proptest_config(config(256))]

    /// Each validator accepts exactly what the model's pattern and length accept, and the
    /// constructor, `FromStr` and `Deserialize` agree with it.
    #[test]
    fn every_string_type_is_its_model_rule(value in strings()) {
        for kind in KINDS {
            let want = valid(kind, &value);
            prop_assert_eq!(checks(kind, &value), want, "{} {:?}", kind, value);
        }
        let json = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(
            serde_json::from_str::<LexV2Text>(&json).is_ok(),
            valid("Text", &value)
        );
        prop_assert_eq!(
            serde_json::from_str::<LexV2ActiveContextName>(&json).is_ok(),
            valid("ActiveContextName", &value)
        );
    }
}

#[test]
fn a_string_error_says_which_rule_and_where() {
    assert_eq!(
        LexV2NonEmptyString::new(""),
        Err(TextError::TooShort { min: 1, chars: 0 })
    );
    assert_eq!(
        LexV2Text::new("字".repeat(1025)),
        Err(TextError::TooLong {
            max: 1024,
            chars: 1025
        })
    );
    assert!(LexV2Text::new("字".repeat(1024)).is_ok());
    assert_eq!(
        LexV2ActiveContextName::new("a__b"),
        Err(TextError::Pattern {
            index: 2,
            pattern: "^([A-Za-z0-9]_?)+$"
        })
    );
    assert_eq!(
        LexV2ActiveContextName::new("_a"),
        Err(TextError::Pattern {
            index: 0,
            pattern: "^([A-Za-z0-9]_?)+$"
        })
    );
    assert_eq!(
        LexV2ActiveContextName::new("a-b"),
        Err(TextError::Pattern {
            index: 1,
            pattern: "^([A-Za-z0-9]_?)+$"
        })
    );
    assert!(LexV2ActiveContextName::is_valid("a_"));
    assert_eq!(
        LexV2RuntimeHintName::new("a--b"),
        Err(TextError::Pattern {
            index: 2,
            pattern: "^([0-9a-zA-Z][_-]?)+$"
        })
    );
    assert!(LexV2RuntimeHintName::is_valid("a-_".get(..2).unwrap()));
    assert_eq!(
        LexV2RuntimeHintName::new("a".repeat(101)),
        Err(TextError::TooLong {
            max: 100,
            chars: 101
        })
    );
    // The length is checked before the pattern; neither message quotes the value.
    let err = LexV2ActiveContextName::new("_".repeat(101)).unwrap_err();
    assert_eq!(err.to_string(), "101 characters, more than the 100 allowed");
    assert_eq!(
        LexV2ActiveContextName::new("a b").unwrap_err().to_string(),
        "the character at byte 1 breaks the pattern ^([A-Za-z0-9]_?)+$"
    );
    assert_eq!(LexV2ButtonText::MAX_CHARS, 50);
    assert_eq!(LexV2AttachmentTitle::MIN_CHARS, 1);
}

#[test]
fn sensitive_text_is_never_shown() {
    let secret = "pin 4242 for alice";
    let message = LexV2Message::new(LexV2MessageContentType::PlainText).with_content(text(secret));
    let context = LexV2ActiveContext::new(
        "order".parse().unwrap(),
        LexV2TimeToLive::new(
            LexV2ContextSeconds::new(5).unwrap(),
            LexV2ContextTurns::new(1).unwrap(),
        ),
    )
    .with_context_attributes([("pin".parse().unwrap(), text(secret))])
    .unwrap();
    let state = LexV2SessionState::new()
        .with_active_contexts([context])
        .unwrap();
    let request = put(state.clone()).with_messages([message.clone()]).unwrap();
    for shown in [
        format!("{message:?}"),
        format!("{state:?}"),
        format!("{request:?}"),
        format!("{:?}", text(secret)),
    ] {
        common::assert_no_secret_window(&shown, secret);
    }
    // The wire carries it, as it must.
    assert!(String::from_utf8(request.body()).unwrap().contains(secret));
}

// ---------------------------------------------------------------------------------------------
// The numbers and the lists
// ---------------------------------------------------------------------------------------------

#[test]
fn time_to_live_is_in_its_ranges_everywhere() {
    for (seconds, ok) in [(4, false), (5, true), (86_400, true), (86_401, false)] {
        assert_eq!(LexV2ContextSeconds::new(seconds).is_ok(), ok, "{seconds}");
    }
    for (turns, ok) in [(0, false), (1, true), (20, true), (21, false)] {
        assert_eq!(LexV2ContextTurns::new(turns).is_ok(), ok, "{turns}");
    }
    let ttl = |seconds: &str, turns: &str| {
        format!(
            r#"{{"activeContexts":[{{"name":"a","timeToLive":{{"timeToLiveInSeconds":{seconds},"turnsToLive":{turns}}},"contextAttributes":{{}}}}]}}"#
        )
    };
    assert!(LexV2SessionState::from_json(ttl("5", "1").as_bytes()).is_ok());
    assert!(LexV2SessionState::from_json(ttl("86400", "20").as_bytes()).is_ok());
    for (seconds, turns, path, rule) in [
        (
            "4",
            "1",
            "timeToLiveInSeconds",
            ValueRule::Range {
                min: 5,
                max: 86_400,
            },
        ),
        (
            "86401",
            "1",
            "timeToLiveInSeconds",
            ValueRule::Range {
                min: 5,
                max: 86_400,
            },
        ),
        (
            "-1",
            "1",
            "timeToLiveInSeconds",
            ValueRule::Range {
                min: 5,
                max: 86_400,
            },
        ),
        (
            "5.5",
            "1",
            "timeToLiveInSeconds",
            ValueRule::Range {
                min: 5,
                max: 86_400,
            },
        ),
        (
            "18446744073709551616",
            "1",
            "timeToLiveInSeconds",
            ValueRule::Range {
                min: 5,
                max: 86_400,
            },
        ),
        (
            "\"10\"",
            "1",
            "timeToLiveInSeconds",
            ValueRule::Type {
                expected: "an integer",
            },
        ),
        (
            "5",
            "0",
            "turnsToLive",
            ValueRule::Range { min: 1, max: 20 },
        ),
        (
            "5",
            "21",
            "turnsToLive",
            ValueRule::Range { min: 1, max: 20 },
        ),
    ] {
        let err = state_error(&ttl(seconds, turns));
        assert_eq!(
            err.path(),
            format!("activeContexts[0].timeToLive.{path}"),
            "{seconds} {turns}"
        );
        assert_eq!(err.rule(), &rule, "{seconds} {turns}");
    }
}

/// `n` copies of `item`, as a JSON list.
fn list(item: &str, n: usize) -> String {
    format!("[{}]", vec![item; n].join(","))
}

/// `n` entries of `value` keyed `k0`, `k1`, …, as a JSON object.
fn object(value: &str, n: usize) -> String {
    let entries: Vec<String> = (0..n).map(|i| format!(r#""k{i}":{value}"#)).collect();
    format!("{{{}}}", entries.join(","))
}

#[test]
fn every_list_and_map_limit_of_the_model() {
    const CONTEXT: &str = r#"{"name":"a","timeToLive":{"timeToLiveInSeconds":5,"turnsToLive":1},"contextAttributes":{}}"#;
    const MESSAGE: &str = r#"{"contentType":"PlainText","content":"hi"}"#;
    const BUTTON: &str = r#"{"text":"t","value":"v"}"#;
    const HINT: &str = r#"{"phrase":"p"}"#;
    let contexts = |n| format!(r#"{{"activeContexts":{}}}"#, list(CONTEXT, n));
    let attributes = |n| {
        format!(
            r#"{{"activeContexts":[{{"name":"a","timeToLive":{{"timeToLiveInSeconds":5,"turnsToLive":1}},"contextAttributes":{}}}]}}"#,
            object(r#""v""#, n)
        )
    };
    let hints = |n| {
        format!(
            r#"{{"runtimeHints":{{"slotHints":{{"I":{{"S":{{"runtimeHintValues":{}}}}}}}}}}}"#,
            list(HINT, n)
        )
    };
    for (json, at_limit) in [
        (contexts(20), true),
        (attributes(10), true),
        (hints(100), true),
        (hints(1), true),
    ] {
        assert_eq!(
            LexV2SessionState::from_json(json.as_bytes()).is_ok(),
            at_limit,
            "{json}"
        );
    }
    let cases: [(String, &str, ValueRule); 4] = [
        (
            contexts(21),
            "activeContexts",
            ValueRule::TooMany { max: 20 },
        ),
        (
            attributes(11),
            "activeContexts[0].contextAttributes",
            ValueRule::TooMany { max: 10 },
        ),
        (
            hints(101),
            r#"runtimeHints.slotHints["I"]["S"].runtimeHintValues"#,
            ValueRule::TooMany { max: 100 },
        ),
        (
            hints(0),
            r#"runtimeHints.slotHints["I"]["S"].runtimeHintValues"#,
            ValueRule::TooFew { min: 1 },
        ),
    ];
    for (json, path, rule) in cases {
        let err = state_error(&json);
        assert_eq!((err.path(), err.rule()), (path, &rule), "{json}");
    }
    // The session GetSession returns: at most 10 messages and 5 interpretations.
    let session = |messages: usize, interpretations: usize| {
        format!(
            r#"{{"messages":{},"interpretations":{}}}"#,
            list(MESSAGE, messages),
            list(r#"{"nluConfidence":{"score":0.5}}"#, interpretations)
        )
    };
    assert!(LexV2Session::from_json(session(10, 5).as_bytes()).is_ok());
    for (json, path, rule) in [
        (session(11, 0), "messages", ValueRule::TooMany { max: 10 }),
        (
            session(0, 6),
            "interpretations",
            ValueRule::TooMany { max: 5 },
        ),
    ] {
        let err = LexV2Session::from_json(json.as_bytes()).unwrap_err();
        let err = err.value_error().unwrap();
        assert_eq!((err.path(), err.rule()), (path, &rule));
    }
    // A card's buttons: at most 5.
    let card = |n| {
        format!(
            r#"{{"messages":[{{"contentType":"ImageResponseCard","imageResponseCard":{{"title":"t","buttons":{}}}}}]}}"#,
            list(BUTTON, n)
        )
    };
    assert!(LexV2Session::from_json(card(5).as_bytes()).is_ok());
    let err = LexV2Session::from_json(card(6).as_bytes()).unwrap_err();
    let err = err.value_error().unwrap();
    assert_eq!(err.path(), "messages[0].imageResponseCard.buttons");
    assert_eq!(err.rule(), &ValueRule::TooMany { max: 5 });
}

#[test]
fn what_is_absent_or_empty_is_not_written_and_debug_shows_the_rest() {
    let intent = LexV2Intent::new(s("I")).with_slots([]).unwrap();
    let state = LexV2SessionState::new()
        .with_intent(intent)
        .with_active_contexts([])
        .unwrap()
        .with_session_attributes([])
        .unwrap();
    assert_eq!(state.to_json(), br#"{"intent":{"name":"I"}}"#);
    assert_eq!(LexV2SessionState::new().to_json(), b"{}");
    let value = LexV2SlotValue::new(s("large"))
        .with_resolved_values([s("large"), s("big")])
        .unwrap();
    assert_eq!(value.resolved_values(), [s("large"), s("big")]);
    let full = full_state();
    assert_eq!(full.active_contexts().len(), 2);
    assert_eq!(full.active_contexts()[0].context_attributes().len(), 1);
    let address = &full.intent().unwrap().slots()[&s("Address")];
    assert_eq!(address.sub_slots().len(), 2);
    assert_eq!(
        full.intent().unwrap().slots()[&s("Toppings")]
            .values()
            .len(),
        2
    );
    // Debug shows every entry of every list and map (but no sensitive text).
    let shown = format!("{full:?}");
    for part in [
        "delivery_zone",
        "ParameterName(\"pin\")",
        "Street",
        "olives",
        "extra large",
    ] {
        assert!(shown.contains(part), "{part}: {shown}");
    }
    assert!(!shown.contains("1234"), "{shown}");
}

#[test]
fn the_builders_hold_the_same_limits() {
    let message = LexV2Message::new(LexV2MessageContentType::PlainText);
    assert!(put(LexV2SessionState::new())
        .with_messages(vec![message.clone(); 10])
        .is_ok());
    let err = put(LexV2SessionState::new())
        .with_messages(vec![message.clone(); 11])
        .unwrap_err();
    assert_eq!(
        (err.path(), err.rule()),
        ("messages", &ValueRule::TooMany { max: 10 })
    );
    let button = LexV2Button::new("t".parse().unwrap(), "v".parse().unwrap());
    let err = LexV2ImageResponseCard::new("t".parse().unwrap())
        .with_buttons(vec![button; 6])
        .unwrap_err();
    assert_eq!(
        (err.path(), err.rule()),
        ("buttons", &ValueRule::TooMany { max: 5 })
    );
    let err = LexV2Session::new()
        .with_interpretations(vec![LexV2Interpretation::new(); 6])
        .unwrap_err();
    assert_eq!(err.rule(), &ValueRule::TooMany { max: 5 });
    let context = LexV2ActiveContext::new(
        "a".parse().unwrap(),
        LexV2TimeToLive::new(
            LexV2ContextSeconds::new(5).unwrap(),
            LexV2ContextTurns::new(1).unwrap(),
        ),
    );
    let err = LexV2SessionState::new()
        .with_active_contexts(vec![context.clone(); 21])
        .unwrap_err();
    assert_eq!(err.rule(), &ValueRule::TooMany { max: 20 });
    let attributes = |n| (0..n).map(|i| (format!("k{i}").parse().unwrap(), text("v")));
    let ten = context
        .clone()
        .with_context_attributes(attributes(10))
        .unwrap();
    assert_eq!(ten.context_attributes().len(), 10);
    let err = context
        .clone()
        .with_context_attributes(attributes(11))
        .unwrap_err();
    assert_eq!(
        (err.path(), err.rule()),
        ("contextAttributes", &ValueRule::TooMany { max: 10 })
    );
    let err = context
        .with_context_attributes([
            ("k".parse().unwrap(), text("a")),
            ("k".parse().unwrap(), text("b")),
        ])
        .unwrap_err();
    assert_eq!(err.rule(), &ValueRule::Repeated);
    let err = LexV2RuntimeHintDetails::new()
        .with_runtime_hint_values(vec![LexV2RuntimeHintValue::new("p".parse().unwrap()); 101])
        .unwrap_err();
    assert_eq!(err.rule(), &ValueRule::TooMany { max: 100 });
    // No values is no list: absent, and not written.
    let none = LexV2RuntimeHintDetails::new()
        .with_runtime_hint_values([])
        .unwrap();
    assert!(none.runtime_hint_values().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Recursion
// ---------------------------------------------------------------------------------------------

/// A slot `levels` deep through `subSlots`, as JSON.
fn deep_slot(levels: usize) -> String {
    let mut slot = r#"{"value":{"interpretedValue":"x"}}"#.to_owned();
    for _ in 1..levels {
        slot = format!(r#"{{"subSlots":{{"s":{slot}}}}}"#);
    }
    slot
}

#[test]
fn recursion_is_bounded_by_max_depth() {
    assert_eq!(MAX_DEPTH, 8);
    let state = |slot: String| format!(r#"{{"intent":{{"name":"I","slots":{{"top":{slot}}}}}}}"#);
    assert!(LexV2SessionState::from_json(state(deep_slot(MAX_DEPTH)).as_bytes()).is_ok());
    let err = state_error(&state(deep_slot(MAX_DEPTH + 1)));
    assert_eq!(err.rule(), &ValueRule::TooDeep { max: 8 });
    let path = format!(
        r#"intent.slots["top"]{}.subSlots"#,
        r#".subSlots["s"]"#.repeat(MAX_DEPTH - 1)
    );
    assert_eq!(err.path(), path);
    // 10,000 levels: refused at level 9, without reading (or recursing into) the rest.
    let err = state_error(&state(deep_slot(10_000)));
    assert_eq!(err.rule(), &ValueRule::TooDeep { max: 8 });
    // A list slot's values and a sub-slot to elicit, the same.
    let mut values = r#"{"value":{"interpretedValue":"x"}}"#.to_owned();
    for _ in 1..=MAX_DEPTH {
        values = format!(r#"{{"values":[{values}]}}"#);
    }
    let err = state_error(&state(values));
    assert_eq!(err.rule(), &ValueRule::TooDeep { max: 8 });
    let mut elicit = r#"{"name":"x"}"#.to_owned();
    for _ in 1..=MAX_DEPTH {
        elicit = format!(r#"{{"name":"x","subSlotToElicit":{elicit}}}"#);
    }
    let err = state_error(&format!(
        r#"{{"dialogAction":{{"type":"ElicitSlot","subSlotToElicit":{elicit}}}}}"#
    ));
    assert_eq!(err.rule(), &ValueRule::TooDeep { max: 8 });
    assert!(err
        .path()
        .starts_with("dialogAction.subSlotToElicit.subSlotToElicit"));
    // And building one: the ninth level is refused.
    let mut elicit = LexV2ElicitSubSlot::new(s("x"));
    for _ in 1..MAX_DEPTH {
        elicit = LexV2ElicitSubSlot::new(s("x"))
            .with_sub_slot_to_elicit(elicit)
            .unwrap();
    }
    let err = LexV2ElicitSubSlot::new(s("x"))
        .with_sub_slot_to_elicit(elicit.clone())
        .unwrap_err();
    assert_eq!(
        (err.path(), err.rule()),
        ("subSlotToElicit", &ValueRule::TooDeep { max: 8 })
    );
    // A slot, through its sub-slots or its values, and a runtime hint: eight levels build,
    // a ninth does not, and what builds reads back.
    let leaf = || LexV2Slot::new().with_value(LexV2SlotValue::new(s("x")));
    let (mut by_sub_slots, mut by_values) = (leaf(), leaf());
    let mut hint = LexV2RuntimeHintDetails::new();
    for level in 1..MAX_DEPTH {
        by_sub_slots = LexV2Slot::new()
            .with_sub_slots([(s("s"), by_sub_slots)])
            .unwrap();
        // Mixed: the values of a slot whose sibling is a leaf count the deeper one.
        by_values = LexV2Slot::new().with_values([leaf(), by_values]).unwrap();
        hint = LexV2RuntimeHintDetails::new()
            .with_sub_slot_hints([("h".parse().unwrap(), hint)])
            .unwrap();
        let state = LexV2SessionState::new().with_intent(
            LexV2Intent::new(s("I"))
                .with_slots([(s("a"), by_sub_slots.clone()), (s("b"), by_values.clone())])
                .unwrap(),
        );
        assert_eq!(
            LexV2SessionState::from_json(&state.to_json()),
            Ok(state),
            "{level}"
        );
    }
    let too_deep = ValueRule::TooDeep { max: 8 };
    let err = LexV2Slot::new()
        .with_sub_slots([(s("s"), by_sub_slots.clone())])
        .unwrap_err();
    assert_eq!((err.path(), err.rule()), ("subSlots", &too_deep));
    let err = LexV2Slot::new()
        .with_values([by_values.clone()])
        .unwrap_err();
    assert_eq!((err.path(), err.rule()), ("values", &too_deep));
    let err = LexV2Slot::new()
        .with_sub_slots([(s("s"), by_values.clone())])
        .unwrap_err();
    assert_eq!(
        err.rule(),
        &too_deep,
        "a slot's height is its deepest branch, of either kind"
    );
    let err = LexV2RuntimeHintDetails::new()
        .with_sub_slot_hints([("h".parse().unwrap(), hint.clone())])
        .unwrap_err();
    assert_eq!((err.path(), err.rule()), ("subSlotHints", &too_deep));
    // One level less builds on either.
    assert!(LexV2Slot::new().with_sub_slots([(s("s"), leaf())]).is_ok());
    // The dialog action is not a level: it holds the deepest chain there is.
    let action =
        LexV2DialogAction::new(LexV2DialogActionType::ElicitSlot).with_sub_slot_to_elicit(elicit);
    let json = LexV2SessionState::new()
        .with_dialog_action(action.clone())
        .to_json();
    assert_eq!(
        LexV2SessionState::from_json(&json).unwrap().dialog_action(),
        Some(&action)
    );
}

// ---------------------------------------------------------------------------------------------
// Members: required, repeated, of the wrong type, unknown; open enums
// ---------------------------------------------------------------------------------------------

#[test]
fn a_required_member_absent_is_missing_with_its_path() {
    for (json, path) in [
        (r#"{"intent":{}}"#, "intent.name"),
        (r#"{"intent":{"name":null}}"#, "intent.name"),
        (r#"{"dialogAction":{}}"#, "dialogAction.type"),
        (
            r#"{"dialogAction":{"type":"ElicitSlot","subSlotToElicit":{}}}"#,
            "dialogAction.subSlotToElicit.name",
        ),
        (
            r#"{"intent":{"name":"I","slots":{"S":{"value":{}}}}}"#,
            r#"intent.slots["S"].value.interpretedValue"#,
        ),
        (
            r#"{"activeContexts":[{"name":"a","contextAttributes":{}}]}"#,
            "activeContexts[0].timeToLive",
        ),
        (
            r#"{"activeContexts":[{"name":"a","timeToLive":{"timeToLiveInSeconds":5,"turnsToLive":1}}]}"#,
            "activeContexts[0].contextAttributes",
        ),
        (
            r#"{"activeContexts":[{"timeToLive":{"timeToLiveInSeconds":5,"turnsToLive":1},"contextAttributes":{}}]}"#,
            "activeContexts[0].name",
        ),
        (
            r#"{"activeContexts":[{"name":"a","timeToLive":{"turnsToLive":1},"contextAttributes":{}}]}"#,
            "activeContexts[0].timeToLive.timeToLiveInSeconds",
        ),
        (
            r#"{"runtimeHints":{"slotHints":{"I":{"S":{"runtimeHintValues":[{}]}}}}}"#,
            r#"runtimeHints.slotHints["I"]["S"].runtimeHintValues[0].phrase"#,
        ),
    ] {
        let err = state_error(json);
        assert_eq!(
            (err.path(), err.rule()),
            (path, &ValueRule::Missing),
            "{json}"
        );
    }
    for (json, path) in [
        (
            r#"{"messages":[{"content":"hi"}]}"#,
            "messages[0].contentType",
        ),
        (
            r#"{"messages":[{"contentType":"ImageResponseCard","imageResponseCard":{}}]}"#,
            "messages[0].imageResponseCard.title",
        ),
        (
            r#"{"messages":[{"contentType":"ImageResponseCard","imageResponseCard":{"title":"t","buttons":[{"text":"t"}]}}]}"#,
            "messages[0].imageResponseCard.buttons[0].value",
        ),
    ] {
        let err = LexV2Session::from_json(json.as_bytes()).unwrap_err();
        let err = err.value_error().unwrap();
        assert_eq!(
            (err.path(), err.rule()),
            (path, &ValueRule::Missing),
            "{json}"
        );
    }
}

#[test]
fn members_given_twice_wrong_types_and_unknown_members() {
    for (json, path, rule) in [
        (
            r#"{"intent":{"name":"A","name":"B"}}"#,
            "intent.name",
            ValueRule::Repeated,
        ),
        (
            r#"{"intent":{"name":"A"},"intent":{"name":"A"}}"#,
            "intent",
            ValueRule::Repeated,
        ),
        (
            r#"{"sessionAttributes":{"k":"1","k":"2"}}"#,
            r#"sessionAttributes["k"]"#,
            ValueRule::Repeated,
        ),
        (
            r#"{"intent":"OrderPizza"}"#,
            "intent",
            ValueRule::Type {
                expected: "an object",
            },
        ),
        (
            r#"{"intent":{"name":7}}"#,
            "intent.name",
            ValueRule::Type {
                expected: "a string",
            },
        ),
        (
            r#"{"activeContexts":{}}"#,
            "activeContexts",
            ValueRule::Type { expected: "a list" },
        ),
        (
            r#"{"sessionAttributes":[]}"#,
            "sessionAttributes",
            ValueRule::Type {
                expected: "an object",
            },
        ),
        (
            r#"{"sessionAttributes":{"k":1}}"#,
            r#"sessionAttributes["k"]"#,
            ValueRule::Type {
                expected: "a string",
            },
        ),
        (
            r#"{"sessionAttributes":{"":"v"}}"#,
            "sessionAttributes",
            ValueRule::Key(TextError::TooShort { min: 1, chars: 0 }),
        ),
        (
            r#"{"intent":{"name":""}}"#,
            "intent.name",
            ValueRule::Text(TextError::TooShort { min: 1, chars: 0 }),
        ),
        (
            r#"{"originatingRequestId":""}"#,
            "originatingRequestId",
            ValueRule::Text(TextError::TooShort { min: 1, chars: 0 }),
        ),
    ] {
        let err = state_error(json);
        assert_eq!((err.path(), err.rule()), (path, &rule), "{json}");
    }
    // Unknown members are skipped, nested or not; `null` is absent.
    let state = LexV2SessionState::from_json(
        br#"{"future":{"deep":[1,{"x":null}]},"intent":{"name":"I","extra":true,"state":null},"dialogAction":null}"#,
    )
    .unwrap();
    assert_eq!(
        state,
        LexV2SessionState::new().with_intent(LexV2Intent::new(s("I")))
    );
    // Not JSON, or something after it.
    for json in ["", "{", r#"{"intent":}"#, "{} {}"] {
        assert!(
            matches!(
                LexV2SessionState::from_json(json.as_bytes()),
                Err(LexV2JsonError::Syntax { .. })
            ),
            "{json:?}"
        );
    }
}

#[test]
fn a_key_in_a_path_is_quoted_and_cannot_fake_a_step() {
    let err = state_error(r#"{"intent":{"name":"I","slots":{"a\"][\"b":{"value":{}}}}}"#);
    assert_eq!(
        err.path(),
        r#"intent.slots["a\"][\"b"].value.interpretedValue"#
    );
    let err = state_error(r#"{"sessionAttributes":{"back\\slash":1}}"#);
    assert_eq!(err.path(), r#"sessionAttributes["back\\slash"]"#);
    // A long key is cut: the path stays short, whatever the key.
    let long = "\"".repeat(10_000);
    let err = state_error(&format!(r#"{{"sessionAttributes":{{"{long}":1}}}}"#));
    assert!(err.path().len() < 100, "{}", err.path().len());
    // Null entries keep their place in a list's path; a key twice is repeated, null or not.
    let err = state_error(
        r#"{"intent":{"name":"I","slots":{"S":{"value":{"interpretedValue":"x","resolvedValues":[null,"a",1]}}}}}"#,
    );
    assert_eq!(err.path(), r#"intent.slots["S"].value.resolvedValues[2]"#);
    for attributes in [
        r#"{"k":"v","k":null}"#,
        r#"{"k":null,"k":"v"}"#,
        r#"{"k":null,"k":null}"#,
    ] {
        let err = state_error(&format!(r#"{{"sessionAttributes":{attributes}}}"#));
        assert_eq!(
            (err.path(), err.rule()),
            (r#"sessionAttributes["k"]"#, &ValueRule::Repeated)
        );
    }
    // Only entries count against a limit, wherever the nulls stand.
    let attributes = |null_key: &str| {
        let mut entries: Vec<String> = (0..10).map(|i| format!(r#""k{i}":"v""#)).collect();
        entries.push(format!(r#""{null_key}":null"#));
        format!(
            r#"{{"activeContexts":[{{"name":"a","timeToLive":{{"timeToLiveInSeconds":5,"turnsToLive":1}},"contextAttributes":{{{}}}}}]}}"#,
            entries.join(",")
        )
    };
    for null_key in ["a", "z"] {
        let state = LexV2SessionState::from_json(attributes(null_key).as_bytes()).unwrap();
        assert_eq!(state.active_contexts()[0].context_attributes().len(), 10);
    }
    let message = r#"{"contentType":"PlainText"}"#;
    let session = format!(
        r#"{{"messages":[{}]}}"#,
        [vec![message; 10], vec!["null"]].concat().join(",")
    );
    assert_eq!(
        LexV2Session::from_json(session.as_bytes())
            .unwrap()
            .messages()
            .len(),
        10
    );
    let session = format!(
        r#"{{"messages":[{}]}}"#,
        [vec![message; 10], vec!["null", message]]
            .concat()
            .join(",")
    );
    let err = LexV2Session::from_json(session.as_bytes()).unwrap_err();
    assert_eq!(
        err.value_error().map(ValueError::rule),
        Some(&ValueRule::TooMany { max: 10 })
    );
    // A null slot is no slot: the service's way of saying "not filled yet".
    let state =
        LexV2SessionState::from_json(br#"{"intent":{"name":"I","slots":{"Size":null}}}"#).unwrap();
    assert!(state.intent().unwrap().slots().is_empty());
}

#[test]
fn every_enum_is_an_open_set() {
    let json = br#"{"dialogAction":{"type":"ElicitSomethingNew","slotElicitationStyle":"Whisper"},"intent":{"name":"I","state":"Paused","confirmationState":"Maybe","slots":{"S":{"shape":"Graph"}}}}"#;
    let state = LexV2SessionState::from_json(json).unwrap();
    let action = state.dialog_action().unwrap();
    assert_eq!(
        action.action_type(),
        &LexV2DialogActionType::Unknown("ElicitSomethingNew".into())
    );
    assert!(!action.action_type().is_known());
    assert_eq!(
        action.slot_elicitation_style().map(|s| s.as_str()),
        Some("Whisper")
    );
    assert_eq!(
        state.intent().unwrap().state(),
        Some(&LexV2IntentState::from("Paused"))
    );
    // Written back as received (in the model's order), and read back equal.
    let written = String::from_utf8(state.to_json()).unwrap();
    for value in [
        "\"ElicitSomethingNew\"",
        "\"Whisper\"",
        "\"Paused\"",
        "\"Maybe\"",
        "\"Graph\"",
    ] {
        assert!(written.contains(value), "{written}");
    }
    assert_eq!(
        LexV2SessionState::from_json(written.as_bytes()),
        Ok(state.clone())
    );
    // A listed value is its variant, never `Unknown`.
    assert_eq!(
        LexV2DialogActionType::from("Close"),
        LexV2DialogActionType::Close
    );
    assert_eq!(
        LexV2MessageContentType::from("SSML"),
        LexV2MessageContentType::Ssml
    );
    assert_eq!(LexV2SlotShape::Composite.to_string(), "Composite");
    let message = LexV2Session::from_json(br#"{"messages":[{"contentType":"Hologram"}]}"#).unwrap();
    assert_eq!(message.messages()[0].content_type().as_str(), "Hologram");
}

// ---------------------------------------------------------------------------------------------
// What the crate writes, it reads back equal
// ---------------------------------------------------------------------------------------------

#[test]
fn a_full_state_reads_back_equal_as_json_header_and_body() {
    let state = full_state();
    let json = state.to_json();
    assert_eq!(LexV2SessionState::from_json(&json), Ok(state.clone()));
    assert_eq!(
        serde_json::from_slice::<LexV2SessionState>(&json).unwrap(),
        state
    );
    assert_eq!(serde_json::to_vec(&state).unwrap(), json);
    assert!(json.starts_with(br#"{"dialogAction":{"type":"ElicitSlot","slotToElicit":"Address","slotElicitationStyle":"SpellByWord","subSlotToElicit":{"name":"Street"}},"intent":{"name":"OrderPizza","slots":{"Address":{"shape":"Composite","subSlots":{"City""#));
    // An active context's attributes are required: written even when empty.
    assert!(String::from_utf8(json.clone()).unwrap().contains(r#""name":"delivery_zone","timeToLive":{"timeToLiveInSeconds":86400,"turnsToLive":20},"contextAttributes":{}"#));
    #[cfg(feature = "gzip")]
    assert_eq!(
        LexV2SessionState::from_header(&state.to_header()),
        Ok(state.clone())
    );
    let request = put(state.clone())
        .with_messages([LexV2Message::new(LexV2MessageContentType::Ssml)
            .with_content(text("<speak>hi</speak>"))])
        .unwrap()
        .with_request_attributes([(s("channel"), "web".to_owned())])
        .unwrap()
        .with_response_content_type(s("text/plain; charset=utf-8"));
    let headers: Vec<_> = request.headers().collect();
    assert_eq!(
        headers,
        [
            ("Content-Type", "application/json"),
            ("ResponseContentType", "text/plain; charset=utf-8")
        ]
    );
    let read =
        LexV2PutSessionRequest::from_request("POST", &request.path(), &headers, &request.body());
    assert_eq!(read, Ok(request.clone()));
    assert_eq!(
        Operation::from_request("POST", &request.path(), &headers, &request.body()),
        Ok(Operation::LexV2PutSession(request.clone()))
    );
    assert_eq!(
        Operation::LexV2PutSession(request.clone()).name(),
        "PutSession"
    );
    assert_eq!(Operation::LexV2PutSession(request).api(), Api::LexV2);
}

// ---------------------------------------------------------------------------------------------
// Routing and reading the incoming request
// ---------------------------------------------------------------------------------------------

#[test]
fn the_router_types_all_three_operations() {
    assert_eq!(
        Operation::from_route("GET", LEX_V2_PATH),
        Ok(Operation::LexV2GetSession(get()))
    );
    assert_eq!(
        Operation::from_route("HEAD", LEX_V2_PATH),
        Ok(Operation::LexV2GetSession(get()))
    );
    assert_eq!(
        Operation::from_route("DELETE", LEX_V2_PATH),
        Ok(Operation::LexV2DeleteSession(delete()))
    );
    assert_eq!(
        LexV2GetSessionRequest::from_route("GET", LEX_V2_PATH),
        Ok(get())
    );
    assert_eq!(get().path(), LEX_V2_PATH);
    assert_eq!(put(LexV2SessionState::new()).path(), LEX_V2_PATH);
    assert_eq!(
        LexV2GetSessionRequest::from_route("DELETE", LEX_V2_PATH),
        Err(RouteError::OtherOperation {
            operation: "DeleteSession"
        })
    );
    assert_eq!(
        LexV2GetSessionRequest::from_route("POST", LEX_V2_PATH),
        Err(RouteError::OtherOperation {
            operation: "PutSession"
        })
    );
    assert!(matches!(
        LexV2GetSessionRequest::from_route("GET", &LEX_V2_PATH.replace("user%3A42", "%2e%2e")),
        Err(RouteError::Label {
            label: "sessionId",
            ..
        })
    ));
    // What stays another operation: the three under a session.
    for (path, operation) in [
        ("text", "RecognizeText"),
        ("utterance", "RecognizeUtterance"),
        ("conversation", "StartConversation"),
    ] {
        let err = Operation::from_route("POST", &format!("{LEX_V2_PATH}/{path}")).unwrap_err();
        assert_eq!(err.error(), &RouteError::OtherOperation { operation });
    }
    assert_eq!(
        Operation::from_route("PUT", LEX_V2_PATH)
            .unwrap_err()
            .error(),
        &RouteError::MethodNotAllowed {
            allowed: "DELETE, GET, POST"
        }
    );
}

#[test]
fn a_put_session_request_is_read_strictly() {
    let body = br#"{"sessionState":{}}"#;
    let read = |headers: &[(&str, &str)], body: &[u8]| {
        LexV2PutSessionRequest::from_request("POST", LEX_V2_PATH, headers, body)
    };
    assert_eq!(read(&[JSON], body), Ok(put(LexV2SessionState::new())));
    assert_eq!(
        read(&[("content-type", "application/json; charset=utf-8")], body),
        Ok(put(LexV2SessionState::new()))
    );
    for headers in [
        &[][..],
        &[("Content-Type", "text/plain")][..],
        &[JSON, JSON][..],
    ] {
        let err = read(headers, body).unwrap_err();
        assert_eq!(
            err,
            RouteError::ContentType {
                expected: "application/json"
            }
        );
        assert_eq!(err.http_status(), 415);
    }
    assert_eq!(
        read(&[JSON, ("ResponseContentType", "")], body),
        Err(RouteError::Header {
            name: "ResponseContentType",
            error: botsession::FieldError::Text(TextError::TooShort { min: 1, chars: 0 })
        })
    );
    assert_eq!(
        read(
            &[
                JSON,
                ("ResponseContentType", "audio/pcm"),
                ("responsecontenttype", "audio/pcm")
            ],
            body
        ),
        Err(RouteError::Header {
            name: "ResponseContentType",
            error: botsession::FieldError::Repeated
        })
    );
    assert_eq!(
        read(&[JSON, ("ResponseContentType", "audio/pcm")], body)
            .unwrap()
            .response_content_type(),
        Some(&s("audio/pcm"))
    );
    // Only what a header carries back: visible ASCII and inner spaces.
    for (value, index) in [("text/\u{7f}", 5), ("a\tb", 1)] {
        assert_eq!(
            read(&[JSON, ("ResponseContentType", value)], body),
            Err(RouteError::Header {
                name: "ResponseContentType",
                error: botsession::FieldError::Text(TextError::Character { index })
            }),
            "{value:?}"
        );
    }
    // The state is required; the first broken rule is named with its path.
    let err = read(&[JSON], b"{}").unwrap_err();
    assert_eq!(
        err.value_error().map(|e| (e.path(), *e.rule())),
        Some(("sessionState", ValueRule::Missing))
    );
    assert_eq!(err.field(), Some("sessionState"));
    assert_eq!(err.http_status(), 400);
    assert_eq!(
        err.to_string(),
        "request body: sessionState: required, but missing"
    );
    let err = read(
        &[JSON],
        br#"{"sessionState":{"activeContexts":[{"name":"a__b"}]}}"#,
    )
    .unwrap_err();
    let value = err.value_error().unwrap();
    assert_eq!(value.path(), "sessionState.activeContexts[0].name");
    assert_eq!(
        value.rule(),
        &ValueRule::Text(TextError::Pattern {
            index: 2,
            pattern: "^([A-Za-z0-9]_?)+$"
        })
    );
    let messages = format!(
        r#"{{"sessionState":{{}},"messages":{}}}"#,
        list(r#"{"contentType":"PlainText"}"#, 11)
    );
    let err = read(&[JSON], messages.as_bytes()).unwrap_err();
    assert_eq!(
        err.value_error().map(|e| (e.path(), *e.rule())),
        Some(("messages", ValueRule::TooMany { max: 10 }))
    );
    // Not a JSON object, and too large: before anything is parsed.
    assert_eq!(
        read(&[JSON], b""),
        Err(RouteError::Body(botsession::BodyError::Empty))
    );
    assert_eq!(
        read(&[JSON], b"[]"),
        Err(RouteError::Body(botsession::BodyError::NotObject))
    );
    assert_eq!(
        read(&[JSON], br#"{"sessionState":{"#),
        Err(RouteError::Body(botsession::BodyError::Truncated))
    );
    let big = vec![b' '; LEX_V2_MAX_JSON_LEN + 1];
    assert_eq!(
        read(&[JSON], &big),
        Err(RouteError::BodyTooLarge {
            len: LEX_V2_MAX_JSON_LEN + 1,
            max: LEX_V2_MAX_JSON_LEN
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Responses: classified as DeleteSession's are
// ---------------------------------------------------------------------------------------------

fn error_of<T: std::fmt::Debug>(
    read: Result<T, ResponseError<LexV2ServiceError>>,
) -> ResponseError<LexV2ServiceError> {
    read.expect_err("an error response")
}

#[test]
fn get_session_responses_are_classified_as_delete_sessions() {
    let body = br#"{"message":"m"}"#;
    for (status, code, kind, retryable) in [
        (
            400,
            "ValidationException",
            LexV2ErrorKind::Validation,
            false,
        ),
        (
            403,
            "AccessDeniedException",
            LexV2ErrorKind::AccessDenied,
            false,
        ),
        (
            404,
            "ResourceNotFoundException",
            LexV2ErrorKind::ResourceNotFound,
            false,
        ),
        (429, "ThrottlingException", LexV2ErrorKind::Throttling, true),
        (
            500,
            "InternalServerException",
            LexV2ErrorKind::InternalServer,
            true,
        ),
        (409, "ConflictException", LexV2ErrorKind::Conflict, false),
        (
            424,
            "DependencyFailedException",
            LexV2ErrorKind::DependencyFailed,
            false,
        ),
        (502, "BadGatewayException", LexV2ErrorKind::BadGateway, true),
    ] {
        let headers = [
            ("x-amzn-ErrorType", code),
            ("x-amzn-RequestId", "r-1"),
            ("x-amz-retry-after", "250"),
        ];
        let get = error_of(LexV2GetSessionResponse::from_http(status, &headers, body));
        let delete = error_of(botsession::LexV2DeleteSessionResponse::from_http(
            status, &headers, body,
        ));
        assert_eq!(get, delete, "{code}");
        assert_eq!(get.service_error().map(|e| e.kind()), Some(&kind));
        assert_eq!(get.is_retryable(), retryable, "{code}");
        assert_eq!(
            get.retry_after(),
            Some(std::time::Duration::from_millis(250))
        );
        #[cfg(feature = "gzip")]
        assert_eq!(
            error_of(botsession::LexV2PutSessionResponse::from_http(
                status, &headers, body
            )),
            delete
        );
    }
    // A success: an empty body is a session with nothing in it.
    let ok = LexV2GetSessionResponse::from_http(200, &[("x-amzn-RequestId", "r-2")], b"").unwrap();
    assert_eq!(ok.session(), &LexV2Session::new());
    assert_eq!(ok.request_id(), Some("r-2"));
    // A 2xx that breaks a rule is malformed, its reason the path and rule, never the value.
    let err = error_of(LexV2GetSessionResponse::from_http(
        200,
        &[("x-amzn-RequestId", "r-3")],
        br#"{"sessionState":{"intent":{"name":"","slots":{}}}}"#,
    ));
    let ResponseError::Malformed(m) = &err else {
        panic!("{err:?}")
    };
    assert!(
        m.reason().contains("sessionState.intent.name"),
        "{}",
        m.reason()
    );
    assert!(!err.is_retryable());
}

#[test]
fn a_score_is_any_json_number() {
    let score = |json: &str| {
        let doc = format!(
            r#"{{"interpretations":[{{"nluConfidence":{{"score":{json}}},"sentimentResponse":{{"sentimentScore":{{"mixed":{json}}}}}}}]}}"#
        );
        let session = LexV2Session::from_json(doc.as_bytes()).unwrap();
        let interpretation = &session.interpretations()[0];
        let mixed = interpretation
            .sentiment_response()
            .and_then(|s| s.sentiment_score())
            .and_then(|s| s.mixed().copied());
        assert_eq!(
            interpretation
                .nlu_confidence()
                .and_then(|c| c.score().copied()),
            mixed
        );
        mixed
    };
    for (json, value) in [
        ("0.87", 0.87),
        ("2", 2.0),
        ("-3", -3.0),
        ("1e2", 100.0),
        ("18446744073709551615", 18_446_744_073_709_551_615.0),
    ] {
        assert_eq!(score(json), Some(value), "{json}");
    }
    let err =
        LexV2Session::from_json(br#"{"interpretations":[{"nluConfidence":{"score":"high"}}]}"#)
            .unwrap_err();
    let err = err.value_error().unwrap();
    assert_eq!(
        (err.path(), err.rule()),
        (
            "interpretations[0].nluConfidence.score",
            &ValueRule::Type {
                expected: "a number"
            }
        )
    );
}

#[test]
fn get_session_writes_what_it_reads() {
    let session = LexV2Session::new()
        .with_session_id(s("user:42"))
        .with_session_state(full_state())
        .with_messages([
            LexV2Message::new(LexV2MessageContentType::PlainText).with_content(text("Hi"))
        ])
        .unwrap()
        .with_interpretations([LexV2Interpretation::new()
            .with_intent(LexV2Intent::new(s("OrderPizza")))
            .with_nlu_confidence(botsession::LexV2ConfidenceScore::new().with_score(0.87))])
        .unwrap();
    let sent = LexV2GetSessionResponse::new(session.clone()).with_request_id("r-1");
    assert_eq!(sent.http_status(), 200);
    assert_eq!(sent.clone().into_session(), session);
    let wire = sent.render();
    assert_eq!(wire.status(), 200);
    let accepted = LexV2GetSessionResponse::from_http(203, wire.headers(), wire.body()).unwrap();
    assert_eq!(
        (accepted.http_status(), accepted.session()),
        (203, &session)
    );
    assert_eq!(wire.header("Content-Type"), Some("application/json"));
    assert_eq!(wire.header("x-amzn-RequestId"), Some("r-1"));
    assert_eq!(
        LexV2GetSessionResponse::from_http(wire.status(), wire.headers(), wire.body()),
        Ok(sent)
    );
    assert_eq!(LexV2Session::from_json(&session.to_json()), Ok(session));
}

#[cfg(feature = "gzip")]
mod put_session_response {
    use super::*;
    use botsession::{LexV2HeaderError, LexV2PutSessionResponse};

    #[test]
    fn writes_its_session_in_headers_and_reads_it_back() {
        let request = put(full_state())
            .with_messages([
                LexV2Message::new(LexV2MessageContentType::PlainText).with_content(text("Hi"))
            ])
            .unwrap()
            .with_request_attributes([(s("channel"), "web".to_owned())])
            .unwrap();
        let sent = LexV2PutSessionResponse::for_request(&request).with_request_id("r-1");
        let wire = sent.render();
        assert_eq!(wire.status(), 200);
        assert_eq!(
            wire.header("Content-Type"),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(wire.header("x-amz-lex-session-id"), Some("user:42"));
        assert!(wire.body().is_empty());
        for name in [
            "x-amz-lex-session-state",
            "x-amz-lex-messages",
            "x-amz-lex-request-attributes",
        ] {
            let value = wire.header(name).unwrap();
            // base64 of gzip: the magic bytes 1f 8b 08.
            assert!(value.starts_with("H4sI"), "{name}: {value}");
        }
        let read =
            LexV2PutSessionResponse::from_http(wire.status(), wire.headers(), wire.body()).unwrap();
        assert_eq!(read, sent);
        assert_eq!(read.session_state(), Some(request.session_state()));
        assert_eq!(read.messages(), request.messages());
        assert_eq!(read.request_attributes(), request.request_attributes());
        assert_eq!(read.content_type(), Some("text/plain; charset=utf-8"));
        assert_eq!(read.session_id(), Some(request.session_id()));
        assert_eq!((read.request_id(), read.http_status()), (Some("r-1"), 200));
        assert!(read.audio_stream().is_empty());
        // With audio asked for, the content type is the one asked for, and the payload is kept.
        let audio = LexV2PutSessionResponse::for_request(
            &request.clone().with_response_content_type(s("audio/pcm")),
        )
        .with_audio_stream(vec![1, 2, 3]);
        let wire = audio.render();
        assert_eq!(wire.header("Content-Type"), Some("audio/pcm"));
        let read = LexV2PutSessionResponse::from_http(201, wire.headers(), wire.body()).unwrap();
        assert_eq!(
            (read.audio_stream(), read.http_status()),
            (&[1, 2, 3][..], 201)
        );
        assert_eq!(read.content_type(), Some("audio/pcm"));
        assert_eq!(
            LexV2PutSessionResponse::from_http(200, wire.headers(), wire.body()),
            Ok(audio)
        );
        // Built by hand: the state and id it was given, and whatever else is set.
        let built = LexV2PutSessionResponse::new("web:1".parse().unwrap(), full_state())
            .with_messages([LexV2Message::new(LexV2MessageContentType::PlainText)])
            .unwrap()
            .with_request_attributes([(s("k"), "v".to_owned())])
            .unwrap()
            .with_content_type("audio/mpeg");
        assert_eq!(built.messages().len(), 1);
        assert_eq!(built.request_attributes().len(), 1);
        assert_eq!(built.content_type(), Some("audio/mpeg"));
        assert_eq!(built.session_state(), Some(&full_state()));
        let err = LexV2PutSessionResponse::new("web:1".parse().unwrap(), full_state())
            .with_messages(vec![
                LexV2Message::new(LexV2MessageContentType::PlainText);
                11
            ])
            .unwrap_err();
        assert_eq!(
            (err.path(), err.rule()),
            ("x-amz-lex-messages", &ValueRule::TooMany { max: 10 })
        );
        let err = LexV2PutSessionResponse::new("web:1".parse().unwrap(), full_state())
            .with_request_attributes([(s("k"), "v".to_owned()), (s("k"), "w".to_owned())])
            .unwrap_err();
        assert_eq!(err.rule(), &ValueRule::Repeated);
    }

    #[test]
    fn a_bad_header_is_a_malformed_success_naming_it() {
        let state = LexV2SessionState::new().to_header();
        for (name, value, want) in [
            (
                "x-amz-lex-session-state",
                "not base64!".to_owned(),
                LexV2HeaderError::Base64 {
                    header: "x-amz-lex-session-state",
                },
            ),
            (
                "x-amz-lex-session-state",
                state[..state.len() - 8].to_owned() + "AAAAAAA=",
                LexV2HeaderError::Gzip {
                    header: "x-amz-lex-session-state",
                },
            ),
            (
                "x-amz-lex-messages",
                "aGVsbG8=".to_owned(),
                LexV2HeaderError::Gzip {
                    header: "x-amz-lex-messages",
                },
            ),
        ] {
            let headers = [(name, value.as_str())];
            let err = LexV2PutSessionResponse::from_http(200, &headers, b"").unwrap_err();
            let ResponseError::Malformed(m) = &err else {
                panic!("{err:?}")
            };
            assert_eq!(m.reason(), want.to_string(), "{name}");
        }
        let err = LexV2PutSessionResponse::from_http(200, &[("x-amz-lex-session-id", "a")], b"")
            .unwrap_err();
        let ResponseError::Malformed(m) = &err else {
            panic!("{err:?}")
        };
        assert!(
            m.reason().starts_with("header x-amz-lex-session-id: "),
            "{}",
            m.reason()
        );
        // JSON inside that breaks a rule names the header and the path.
        let err =
            LexV2SessionState::from_header(&botsession_header(br#"{"intent":{}}"#)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "header x-amz-lex-session-state: intent.name: required, but missing"
        );
    }

    /// A header carrying `json`: gzip, then base64, with the crates the crate uses.
    fn botsession_header(json: &[u8]) -> String {
        use std::io::Write;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gzip.write_all(json).unwrap();
        base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            gzip.finish().unwrap(),
        )
    }

    #[test]
    fn a_gzip_bomb_inflates_no_further_than_the_limit() {
        let bomb = botsession_header(&vec![b' '; 8 * LEX_V2_MAX_JSON_LEN]);
        assert!(bomb.len() < 16 * 1024, "{}", bomb.len());
        assert_eq!(
            LexV2SessionState::from_header(&bomb),
            Err(LexV2HeaderError::TooLarge {
                header: "x-amz-lex-session-state",
                max: LEX_V2_MAX_JSON_LEN
            })
        );
        // Exactly the limit inflates, and is then read (as JSON: spaces and an object).
        let mut json = vec![b' '; LEX_V2_MAX_JSON_LEN - 2];
        json.extend_from_slice(b"{}");
        assert_eq!(
            LexV2SessionState::from_header(&botsession_header(&json)),
            Ok(LexV2SessionState::new())
        );
        // A header longer than any gzip of the limit is refused before it is decoded.
        let long = "A".repeat(2 * LEX_V2_MAX_JSON_LEN);
        assert_eq!(
            LexV2SessionState::from_header(&long),
            Err(LexV2HeaderError::TooLarge {
                header: "x-amz-lex-session-state",
                max: LEX_V2_MAX_JSON_LEN
            })
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The mock: put, get, delete, get
// ---------------------------------------------------------------------------------------------

#[test]
fn the_mock_is_seeded_with_whole_sessions() {
    let mut mock = MockService::new();
    let session = LexV2Session::new()
        .with_session_id(s("user:42"))
        .with_session_state(full_state());
    assert_eq!(mock.put_lex_v2_session(delete(), session.clone()), None);
    assert_eq!(mock.lex_v2_session(&delete()), Some(&session));
    let answer = mock.handle("GET", &get().path(), &[("x", "y")], b"");
    let got = LexV2GetSessionResponse::from_http(answer.status(), answer.headers(), answer.body())
        .unwrap();
    assert_eq!(got.session(), &session);
    // Put again: the one it replaces comes back; inserting keeps what is there.
    assert_eq!(
        mock.put_lex_v2_session(delete(), LexV2Session::new()),
        Some(session)
    );
    assert!(!mock.insert_lex_v2_session(delete()));
    assert_eq!(mock.lex_v2_session(&delete()), Some(&LexV2Session::new()));
    let mut fresh = MockService::new();
    assert!(fresh.insert_lex_v2_session(delete()));
    assert_eq!(
        fresh
            .lex_v2_session(&delete())
            .and_then(LexV2Session::session_id),
        Some(&s("user:42"))
    );
}

#[test]
fn the_mock_keeps_what_was_put_until_it_is_deleted() {
    let mut mock = MockService::new();
    let state = full_state();
    let request = put(state.clone())
        .with_messages([
            LexV2Message::new(LexV2MessageContentType::PlainText).with_content(text("Hi"))
        ])
        .unwrap();
    let headers: Vec<_> = request.headers().collect();
    let answer = mock.handle("POST", &request.path(), &headers, &request.body());
    #[cfg(feature = "gzip")]
    {
        let read = botsession::LexV2PutSessionResponse::from_http(
            answer.status(),
            answer.headers(),
            answer.body(),
        )
        .unwrap();
        assert_eq!(read.session_state(), Some(&state));
        assert_eq!(read.session_id().map(|id| id.as_str()), Some("user:42"));
    }
    #[cfg(not(feature = "gzip"))]
    assert_eq!(answer.status(), 501);
    let answer = mock.handle("GET", &get().path(), &[("x", "y")], b"");
    let got = LexV2GetSessionResponse::from_http(answer.status(), answer.headers(), answer.body())
        .unwrap();
    assert_eq!(got.session().session_state(), Some(&state));
    assert_eq!(got.session().messages(), request.messages());
    assert_eq!(got.session().session_id(), Some(&s("user:42")));
    assert_eq!(mock.lex_v2_session(&delete()), Some(got.session()));
    // Put again: the state is replaced.
    let replaced = LexV2SessionState::new().with_intent(LexV2Intent::new(s("Cancel")));
    let again = put(replaced.clone());
    let answer = mock.handle("POST", &again.path(), &[JSON], &again.body());
    assert!(answer.status() == 200 || answer.status() == 501);
    assert_eq!(
        mock.lex_v2_session(&delete())
            .and_then(|s| s.session_state()),
        Some(&replaced)
    );
    // Delete, then get: not found.
    let answer = mock.handle("DELETE", &delete().path(), &[("x", "y")], b"");
    assert_eq!(answer.status(), 200);
    let answer = mock.handle("GET", &get().path(), &[("x", "y")], b"");
    let err = LexV2GetSessionResponse::from_http(answer.status(), answer.headers(), answer.body())
        .unwrap_err();
    assert_eq!(
        err.service_error().map(|e| e.kind()),
        Some(&LexV2ErrorKind::ResourceNotFound)
    );
    assert_eq!(err.http_status(), 404);
    // A rule broken in the body: a ValidationException naming the path.
    let answer = mock.handle(
        "POST",
        &again.path(),
        &[JSON],
        br#"{"sessionState":{"intent":{}}}"#,
    );
    assert_eq!(answer.status(), 400);
    assert_eq!(
        answer.header("x-amzn-ErrorType"),
        Some("ValidationException")
    );
    let body = String::from_utf8(answer.body().to_vec()).unwrap();
    assert!(
        body.contains("sessionState.intent.name: required, but missing"),
        "{body}"
    );
    // The fault script covers every operation.
    mock.fail_next_lex_v2(
        3,
        LexV2ServiceError::new(LexV2ErrorKind::Throttling).with_message("slow"),
    );
    for (method, body) in [
        ("GET", Vec::new()),
        ("POST", again.body()),
        ("DELETE", Vec::new()),
    ] {
        let answer = mock.handle(method, &get().path(), &[JSON], &body);
        assert_eq!(answer.status(), 429, "{method}");
    }
    assert!(!mock.has_lex_v2_session(&delete()));
}
