//! The Lex V2 session state, `SessionState` in the model (botocore
//! `lexv2-runtime/2020-08-07/service-2.json`), with everything it holds: the dialog action and
//! the sub-slot to elicit, the intent and its slots, active contexts, session attributes and
//! runtime hints. Each type checks every length, pattern, range and list limit of the model on
//! every constructor and on every read; recursive values nest at most
//! [`MAX_DEPTH`](crate::MAX_DEPTH) levels. Every enum is an open set.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::text::{
    LexV2ActiveContextName, LexV2NonEmptyString, LexV2ParameterName, LexV2RuntimeHintName,
    LexV2RuntimeHintPhrase, LexV2Text,
};
use crate::value::read::{
    checked_object, open_enum, read_int, Cx, Height, JsonError, List, Map, Nested, Read, Tallest,
};
use crate::{ValueError, ValueRule};

open_enum! {
    /// What the bot does next: the model's `DialogActionType`.
    LexV2DialogActionType {
        /// `Close`: the intent is done; no answer is expected.
        Close = "Close",
        /// `ConfirmIntent`: the user is asked to confirm the intent.
        ConfirmIntent = "ConfirmIntent",
        /// `Delegate`: the bot decides.
        Delegate = "Delegate",
        /// `ElicitIntent`: the user is asked for an intent.
        ElicitIntent = "ElicitIntent",
        /// `ElicitSlot`: the user is asked for a slot's value.
        ElicitSlot = "ElicitSlot",
        /// `None`: nothing to do.
        None = "None",
    }
}

open_enum! {
    /// How a slot's value is elicited: the model's `StyleType`.
    LexV2StyleType {
        /// `Default`.
        Default = "Default",
        /// `SpellByLetter`.
        SpellByLetter = "SpellByLetter",
        /// `SpellByWord`.
        SpellByWord = "SpellByWord",
    }
}

open_enum! {
    /// Where an intent is: the model's `IntentState`.
    LexV2IntentState {
        /// `Failed`.
        Failed = "Failed",
        /// `Fulfilled`.
        Fulfilled = "Fulfilled",
        /// `InProgress`.
        InProgress = "InProgress",
        /// `ReadyForFulfillment`.
        ReadyForFulfillment = "ReadyForFulfillment",
        /// `Waiting`.
        Waiting = "Waiting",
        /// `FulfillmentInProgress`.
        FulfillmentInProgress = "FulfillmentInProgress",
    }
}

open_enum! {
    /// Whether the user confirmed the intent: the model's `ConfirmationState`.
    LexV2ConfirmationState {
        /// `Confirmed`.
        Confirmed = "Confirmed",
        /// `Denied`.
        Denied = "Denied",
        /// `None`.
        None = "None",
    }
}

open_enum! {
    /// A slot's shape: the model's `Shape`.
    LexV2SlotShape {
        /// `Scalar`: one value.
        Scalar = "Scalar",
        /// `List`: several values, in `values`.
        List = "List",
        /// `Composite`: sub-slots, in `subSlots`.
        Composite = "Composite",
    }
}

checked_object! {
    /// The state of a session: what PutSession sets and GetSession returns. Every member is
    /// optional.
    ///
    /// ```
    /// use botsession::{
    ///     LexV2DialogAction, LexV2DialogActionType, LexV2Intent, LexV2SessionState, LexV2Slot,
    ///     LexV2SlotValue,
    /// };
    ///
    /// let size = LexV2Slot::new().with_value(LexV2SlotValue::new("large".parse()?));
    /// let state = LexV2SessionState::new()
    ///     .with_dialog_action(LexV2DialogAction::new(LexV2DialogActionType::Delegate))
    ///     .with_intent(LexV2Intent::new("OrderPizza".parse()?).with_slots([("Size".parse()?, size)])?)
    ///     .with_session_attributes([("customer".parse()?, String::from("42"))])?;
    /// let json = state.to_json();
    /// assert_eq!(
    ///     json,
    ///     br#"{"dialogAction":{"type":"Delegate"},"intent":{"name":"OrderPizza","slots":{"Size":{"value":{"interpretedValue":"large"}}}},"sessionAttributes":{"customer":"42"}}"#
    /// );
    /// assert_eq!(LexV2SessionState::from_json(&json)?, state);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Eq, Hash, Default)]
    LexV2SessionState {
        required {}
        rest {
            /// `dialogAction`: what the bot does next.
            dialog_action: LexV2DialogAction = "dialogAction", opt with_dialog_action;
            /// `intent`: the intent in progress.
            intent: LexV2Intent = "intent", opt with_intent;
            /// `activeContexts`: at most 20.
            active_contexts: List<LexV2ActiveContext, 0, 20> = "activeContexts",
                many with_active_contexts(LexV2ActiveContext) => [LexV2ActiveContext];
            /// `sessionAttributes`: the application's key-value pairs, kept for the session.
            session_attributes: BTreeMap<LexV2NonEmptyString, String> = "sessionAttributes",
                many with_session_attributes((LexV2NonEmptyString, String)) => BTreeMap<LexV2NonEmptyString, String>;
            /// `originatingRequestId`: the request that set the state.
            originating_request_id: LexV2NonEmptyString = "originatingRequestId", opt with_originating_request_id;
            /// `runtimeHints`: phrases that help recognize slot values.
            runtime_hints: LexV2RuntimeHints = "runtimeHints", opt with_runtime_hints;
        }
    }
}

/// A checked JSON document and its writing, for the types a body or header carries whole.
macro_rules! json_document {
    ($ty:ident) => {
        impl $ty {
            /// Reads the JSON document `json`, every rule checked.
            ///
            /// # Errors
            ///
            /// [`LexV2JsonError`](crate::LexV2JsonError): not JSON, or the rule it breaks and
            /// its path.
            pub fn from_json(json: &[u8]) -> Result<Self, crate::LexV2JsonError> {
                crate::value::read::from_json(json).map_err(crate::LexV2JsonError::from)
            }

            /// The JSON document: the model's names, absent and empty members left out. What
            /// it writes, [`from_json`](Self::from_json) reads back equal.
            pub fn to_json(&self) -> alloc::vec::Vec<u8> {
                // Every member is a string, number, list or string-keyed map: writing cannot
                // fail.
                serde_json::to_vec(self).unwrap_or_default()
            }
        }
    };
}
pub(crate) use json_document;

json_document!(LexV2SessionState);

checked_object! {
    /// What the bot does next: the model's `DialogAction`.
    #[derive(Eq, Hash)]
    LexV2DialogAction {
        required {
            /// `type`: the action.
            action_type: LexV2DialogActionType = "type",
        }
        rest {
            /// `slotToElicit`: the slot asked for, with `ElicitSlot`.
            slot_to_elicit: LexV2NonEmptyString = "slotToElicit", opt with_slot_to_elicit;
            /// `slotElicitationStyle`: how it is spelled.
            slot_elicitation_style: LexV2StyleType = "slotElicitationStyle", opt with_slot_elicitation_style;
            /// `subSlotToElicit`: the sub-slot of a composite slot asked for.
            sub_slot_to_elicit: LexV2ElicitSubSlot = "subSlotToElicit", opt with_sub_slot_to_elicit;
        }
    }
}

checked_object! {
    /// A sub-slot to elicit, and the one within it: the model's `ElicitSubSlot`, recursive, at
    /// most [`MAX_DEPTH`](crate::MAX_DEPTH) levels.
    #[derive(Eq, Hash)]
    LexV2ElicitSubSlot {
        required {
            /// `name`: the sub-slot.
            name: LexV2NonEmptyString = "name",
        }
        rest {
            /// `subSlotToElicit`: the sub-slot within it.
            sub_slot_to_elicit: Nested<alloc::boxed::Box<LexV2ElicitSubSlot>> = "subSlotToElicit",
                nest with_sub_slot_to_elicit(LexV2ElicitSubSlot) => LexV2ElicitSubSlot;
        }
    }
}

impl Height for LexV2ElicitSubSlot {
    fn height(&self) -> usize {
        1 + self.sub_slot_to_elicit.tallest()
    }
}

checked_object! {
    /// An intent and its slots: the model's `Intent`.
    #[derive(Eq, Hash)]
    LexV2Intent {
        required {
            /// `name`: the intent.
            name: LexV2NonEmptyString = "name",
        }
        rest {
            /// `slots`: by name.
            slots: BTreeMap<LexV2NonEmptyString, LexV2Slot> = "slots",
                many with_slots((LexV2NonEmptyString, LexV2Slot)) => BTreeMap<LexV2NonEmptyString, LexV2Slot>;
            /// `state`: where the intent is.
            state: LexV2IntentState = "state", opt with_state;
            /// `confirmationState`: whether the user confirmed it.
            confirmation_state: LexV2ConfirmationState = "confirmationState", opt with_confirmation_state;
        }
    }
}

checked_object! {
    /// A slot: its value, shape, and the values (of a list slot) or sub-slots (of a composite
    /// one) within it. The model's `Slot`, recursive, at most [`MAX_DEPTH`](crate::MAX_DEPTH)
    /// levels.
    ///
    /// ```
    /// use botsession::{LexV2Slot, LexV2SlotShape, LexV2SlotValue, ValueRule, MAX_DEPTH};
    ///
    /// let leaf = LexV2Slot::new().with_value(LexV2SlotValue::new("x".parse()?));
    /// let mut slot = leaf.clone();
    /// for _ in 1..MAX_DEPTH {
    ///     slot = LexV2Slot::new()
    ///         .with_shape(LexV2SlotShape::Composite)
    ///         .with_sub_slots([("part".parse()?, slot)])?;
    /// }
    /// let err = LexV2Slot::new().with_sub_slots([("part".parse()?, slot)]).unwrap_err();
    /// assert_eq!(err.rule(), &ValueRule::TooDeep { max: MAX_DEPTH });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Eq, Hash, Default)]
    LexV2Slot {
        required {}
        rest {
            /// `value`: the slot's value.
            value: LexV2SlotValue = "value", opt with_value;
            /// `shape`: scalar, list or composite.
            shape: LexV2SlotShape = "shape", opt with_shape;
            /// `values`: the values of a list slot.
            values: Nested<Vec<LexV2Slot>> = "values", many with_values(LexV2Slot) => [LexV2Slot];
            /// `subSlots`: the sub-slots of a composite slot, by name.
            sub_slots: Nested<BTreeMap<LexV2NonEmptyString, LexV2Slot>> = "subSlots",
                many with_sub_slots((LexV2NonEmptyString, LexV2Slot)) => BTreeMap<LexV2NonEmptyString, LexV2Slot>;
        }
    }
}

impl Height for LexV2Slot {
    fn height(&self) -> usize {
        1 + self.values.tallest().max(self.sub_slots.tallest())
    }
}

checked_object! {
    /// A slot's value: the model's `Value`.
    #[derive(Eq, Hash)]
    LexV2SlotValue {
        required {
            /// `interpretedValue`: the value Lex resolved.
            interpreted_value: LexV2NonEmptyString = "interpretedValue",
        }
        rest {
            /// `originalValue`: what the user said.
            original_value: LexV2NonEmptyString = "originalValue", opt with_original_value;
            /// `resolvedValues`: the values it could resolve to.
            resolved_values: Vec<LexV2NonEmptyString> = "resolvedValues",
                many with_resolved_values(LexV2NonEmptyString) => [LexV2NonEmptyString];
        }
    }
}

checked_object! {
    /// An active context: the model's `ActiveContext`, with its name, how long it lives and at
    /// most 10 attributes, whose values are sensitive.
    #[derive(Eq, Hash)]
    LexV2ActiveContext {
        required {
            /// `name`.
            name: LexV2ActiveContextName = "name",
            /// `timeToLive`.
            time_to_live: LexV2TimeToLive = "timeToLive",
        }
        rest {
            /// `contextAttributes`: at most 10, required by the model (an empty map is written).
            context_attributes: Map<LexV2ParameterName, LexV2Text, 10> = "contextAttributes",
                all with_context_attributes((LexV2ParameterName, LexV2Text)) => BTreeMap<LexV2ParameterName, LexV2Text>;
        }
    }
}

/// Declares an integer newtype with its range.
macro_rules! ranged {
    ($(#[$doc:meta])* $name:ident($int:ty), $min:literal..=$max:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name($int);

        impl $name {
            /// The least value.
            pub const MIN: $int = $min;
            /// The greatest value.
            pub const MAX: $int = $max;

            /// The value, when it is in range.
            ///
            /// # Errors
            ///
            /// [`ValueRule::Range`] outside it.
            pub fn new(value: $int) -> Result<Self, ValueRule> {
                if (Self::MIN..=Self::MAX).contains(&value) {
                    Ok($name(value))
                } else {
                    Err(ValueRule::Range {
                        min: $min,
                        max: $max,
                    })
                }
            }

            /// The value.
            pub fn get(self) -> $int {
                self.0
            }
        }

        impl Read for $name {
            fn read<'de, D: serde::Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
                let value = read_int(de, cx, $min, $max)?;
                // In range, so it fits.
                Ok($name(<$int>::try_from(value).unwrap_or(Self::MIN)))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
                crate::value::read::deserialize(de)
            }
        }
    };
}

ranged! {
    /// How many seconds an active context lives: 5 to 86,400, the model's
    /// `ActiveContextTimeToLiveInSeconds`.
    ///
    /// ```
    /// use botsession::{LexV2ContextSeconds, ValueRule};
    ///
    /// assert_eq!(LexV2ContextSeconds::new(86_400)?.get(), 86_400);
    /// assert_eq!(LexV2ContextSeconds::new(4), Err(ValueRule::Range { min: 5, max: 86_400 }));
    /// # Ok::<(), ValueRule>(())
    /// ```
    LexV2ContextSeconds(u32), 5..=86400
}

ranged! {
    /// How many turns an active context lives: 1 to 20, the model's
    /// `ActiveContextTurnsToLive`.
    LexV2ContextTurns(u8), 1..=20
}

checked_object! {
    /// How long an active context lives: the model's `ActiveContextTimeToLive`, both required.
    #[derive(Eq, Hash, Copy)]
    LexV2TimeToLive {
        required {
            /// `timeToLiveInSeconds`.
            time_to_live_in_seconds: LexV2ContextSeconds = "timeToLiveInSeconds",
            /// `turnsToLive`.
            turns_to_live: LexV2ContextTurns = "turnsToLive",
        }
        rest {}
    }
}

checked_object! {
    /// Runtime hints: phrases that help recognize slot values, by intent and slot. The model's
    /// `RuntimeHints`.
    #[derive(Eq, Hash, Default)]
    LexV2RuntimeHints {
        required {}
        rest {
            /// `slotHints`: by intent name, then by slot name.
            slot_hints: BTreeMap<LexV2RuntimeHintName, BTreeMap<LexV2RuntimeHintName, LexV2RuntimeHintDetails>> = "slotHints",
                many with_slot_hints((LexV2RuntimeHintName, BTreeMap<LexV2RuntimeHintName, LexV2RuntimeHintDetails>))
                => BTreeMap<LexV2RuntimeHintName, BTreeMap<LexV2RuntimeHintName, LexV2RuntimeHintDetails>>;
        }
    }
}

checked_object! {
    /// The hints for one slot: 1 to 100 phrases, and hints for its sub-slots. The model's
    /// `RuntimeHintDetails`, recursive, at most [`MAX_DEPTH`](crate::MAX_DEPTH) levels.
    #[derive(Eq, Hash, Default)]
    LexV2RuntimeHintDetails {
        required {}
        rest {
            /// `runtimeHintValues`: 1 to 100 (none: absent).
            runtime_hint_values: List<LexV2RuntimeHintValue, 1, 100> = "runtimeHintValues",
                many with_runtime_hint_values(LexV2RuntimeHintValue) => [LexV2RuntimeHintValue];
            /// `subSlotHints`: by sub-slot name.
            sub_slot_hints: Nested<BTreeMap<LexV2RuntimeHintName, LexV2RuntimeHintDetails>> = "subSlotHints",
                many with_sub_slot_hints((LexV2RuntimeHintName, LexV2RuntimeHintDetails))
                => BTreeMap<LexV2RuntimeHintName, LexV2RuntimeHintDetails>;
        }
    }
}

impl Height for LexV2RuntimeHintDetails {
    fn height(&self) -> usize {
        1 + self.sub_slot_hints.tallest()
    }
}

checked_object! {
    /// One phrase of a runtime hint: the model's `RuntimeHintValue`.
    #[derive(Eq, Hash)]
    LexV2RuntimeHintValue {
        required {
            /// `phrase`: 1 to 140 characters.
            phrase: LexV2RuntimeHintPhrase = "phrase",
        }
        rest {}
    }
}

/// Why a JSON document is not a valid Lex V2 value: not JSON, or a rule it breaks.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LexV2JsonError {
    /// Not JSON: a syntax error, the document ends early, or something follows it. The
    /// position is serde_json's, from 1.
    #[error("not JSON: syntax error at line {line}, column {column}")]
    Syntax {
        /// The line.
        line: usize,
        /// The column.
        column: usize,
    },
    /// JSON that breaks a rule, at a path.
    #[error("{0}")]
    Value(ValueError),
}

impl LexV2JsonError {
    /// The rule broken and its path, for [`LexV2JsonError::Value`].
    pub fn value_error(&self) -> Option<&ValueError> {
        match self {
            LexV2JsonError::Value(e) => Some(e),
            LexV2JsonError::Syntax { .. } => None,
        }
    }
}

impl From<JsonError> for LexV2JsonError {
    fn from(e: JsonError) -> Self {
        match e {
            JsonError::Syntax(e) => LexV2JsonError::Syntax {
                line: e.line(),
                column: e.column(),
            },
            JsonError::Value(e) => LexV2JsonError::Value(e),
        }
    }
}
