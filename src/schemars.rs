//! The `schemars` feature: [`JsonSchema`] for every identifier, request, response and error
//! body, so that a service in another language can read the crate's rules.
//!
//! - An identifier is a `string` with its rule as an anchored ECMA-262 `pattern`, its byte
//!   lengths as `minLength`/`maxLength`, the rule's source as the `description` and a
//!   documented value in `examples`; the secret types are `writeOnly` and have no example.
//! - A text type (channel context, metadata, biz user id, the Lex V2 strings) is a `string`
//!   with its `minLength` and `maxLength` in characters, its pattern where it limits the
//!   characters, and an example.
//! - A Lex V2 open enum is `anyOf` its listed values and any string (the crate keeps an
//!   unknown value); a ranged integer an `integer` with `minimum` and `maximum`.
//! - A Lex V2 value (the session state and everything in it, messages, interpretations, the
//!   session, PutSession's body) is an object whose members refer to their types' definitions
//!   (`$ref`, a recursive type to its own); lists have `maxItems`, maps `maxProperties` and
//!   `propertyNames`. Read, a list or map may hold `null`s, which the reader skips (a list's
//!   bounds then count the others, with `contains`). Three rules of the crate no schema can
//!   say: the nesting bound, [`MAX_DEPTH`](crate::MAX_DEPTH); an integer's text (`5.0` is an
//!   integer to JSON Schema, and not to the crate); and a `null` entry near a limit
//!   (`maxProperties` counts a map's `null` values, which the reader skips, and the reader ends
//!   a list or map at its limit even on a `null`).
//! - A request is the object its serde form is, one `$ref` per path parameter and its other
//!   fields inline.
//! - A response or service error is the JSON body `render` writes (the serialize contract) or
//!   `from_http` reads (the deserialize contract, schemars' default); the session object its
//!   serde form, either way.
//!
//! ```
//! use botsession::AilySessionId;
//!
//! let schema = schemars::schema_for!(AilySessionId);
//! assert_eq!(schema.get("pattern").and_then(|p| p.as_str()), Some("^session_[0-9a-hjkmnp-z]{1,24}$"));
//! assert_eq!(schema.get("maxLength").and_then(|n| n.as_u64()), Some(32));
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value as Json};

use crate::id::rules::contract_of;
use crate::schema::{self, Body, Direction, Field, OpenSet, Range, TextRule, Value};
use crate::{
    AilyBizUserId, AilyChannelContext, AilyCreateSessionRequest, AilyCreateSessionResponse,
    AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyGetSessionRequest,
    AilyGetSessionResponse, AilyMetadata, AilyServiceError, AilySession, AilySessionId,
    AilyUpdateSessionRequest, AilyUpdateSessionResponse, FieldViolation, Help, IdKind, LexBotAlias,
    LexBotName, LexDeleteSessionRequest, LexDeleteSessionResponse, LexServiceError, LexUserId,
    LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse,
    LexV2LocaleId, LexV2ServiceError, LexV2SessionId, PermissionViolation,
};
use crate::{
    LexV2ActiveContext, LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl,
    LexV2Button, LexV2ButtonText, LexV2ButtonValue, LexV2ConfidenceScore, LexV2ConfirmationState,
    LexV2ContextSeconds, LexV2ContextTurns, LexV2DialogAction, LexV2DialogActionType,
    LexV2ElicitSubSlot, LexV2GetSessionRequest, LexV2GetSessionResponse, LexV2ImageResponseCard,
    LexV2Intent, LexV2IntentState, LexV2Interpretation, LexV2InterpretationSource, LexV2Message,
    LexV2MessageContentType, LexV2NonEmptyString, LexV2ParameterName, LexV2PutSessionRequest,
    LexV2RuntimeHintDetails, LexV2RuntimeHintName, LexV2RuntimeHintPhrase, LexV2RuntimeHintValue,
    LexV2RuntimeHints, LexV2SentimentResponse, LexV2SentimentScore, LexV2SentimentType,
    LexV2Session, LexV2SessionState, LexV2Slot, LexV2SlotShape, LexV2SlotValue, LexV2StyleType,
    LexV2Text, LexV2TimeToLive,
};

/// The schema of an identifier: what `JsonSchema::json_schema` returns for every one.
pub(crate) fn id_schema(kind: IdKind) -> Schema {
    let contract = contract_of(kind);
    let (min, max) = kind.len_bounds();
    let mut schema = json_schema!({
        "type": "string",
        "pattern": contract.pattern,
        "minLength": min,
        "maxLength": max,
        "description": contract.source,
    });
    if let Some(example) = contract.example {
        schema.insert(String::from("examples"), json!([example]));
    }
    if contract.secret {
        schema.insert(String::from("writeOnly"), Json::Bool(true));
    }
    schema
}

/// The schema of a string with a rule: a text type's, and a field's that holds one.
fn text_schema(rule: &TextRule) -> Json {
    let mut schema = Map::new();
    schema.insert(String::from("type"), json!("string"));
    if let Some(pattern) = rule.pattern {
        schema.insert(String::from("pattern"), json!(pattern));
    }
    if rule.min_chars > 0 {
        schema.insert(String::from("minLength"), json!(rule.min_chars));
    }
    if let Some(max) = rule.max_chars {
        schema.insert(String::from("maxLength"), json!(max));
    }
    schema.insert(String::from("description"), json!(rule.description));
    schema.insert(String::from("examples"), json!([rule.example]));
    Json::Object(schema)
}

/// The text types: their rule, the same both ways.
macro_rules! text_schema {
    ($($ty:ident = $rule:expr;)+) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("botsession::", stringify!($ty)))
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                // `text_schema` always builds an object, which is a schema.
                Schema::try_from(text_schema(&$rule)).unwrap_or_default()
            }
        }
    )+};
}

schema::texts!(text_schema);

/// The schema of an open enum: a listed value or any other string, the same both ways.
fn open_set_schema(set: &OpenSet) -> Json {
    json!({
        "description": set.description,
        "anyOf": [
            { "type": "string", "enum": set.known },
            { "type": "string" },
        ],
        "examples": [set.known.first()],
    })
}

/// The schema of a ranged integer, the same both ways.
fn range_schema(range: &Range) -> Json {
    json!({
        "type": "integer",
        "minimum": range.min,
        "maximum": range.max,
        "description": range.description,
        "examples": [range.example],
    })
}

/// The open enums and ranged integers: their schema, from `$make`.
macro_rules! named_schema {
    ($make:ident: $($ty:ident = $rule:expr;)+) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("botsession::", stringify!($ty)))
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                // Both builders make an object, which is a schema.
                Schema::try_from($make(&$rule)).unwrap_or_default()
            }
        }
    )+};
}

macro_rules! open_set {
    ($($t:tt)+) => { named_schema!(open_set_schema: $($t)+); };
}

macro_rules! range {
    ($($t:tt)+) => { named_schema!(range_schema: $($t)+); };
}

schema::open_sets!(open_set);
schema::ranges!(range);

/// The reference to the definition of the listed type `name` ([`Value::Ref`]), the definition
/// added to the generator's (once: a recursive type's reference to itself is only a
/// reference).
fn reference(generator: &mut SchemaGenerator, name: &str) -> Json {
    macro_rules! find {
        ($($ty:ident = $rule:expr;)+) => {$(
            if name == stringify!($ty) {
                return Json::from(generator.subschema_for::<$ty>());
            }
        )+};
    }
    schema::texts!(find);
    schema::open_sets!(find);
    schema::ranges!(find);
    schema::models!(find);
    // Unreachable: a test checks that every reference names a listed type.
    json!(false)
}

fn direction(generator: &SchemaGenerator) -> Direction {
    if generator.contract().is_serialize() {
        Direction::Write
    } else {
        Direction::Read
    }
}

/// The request objects: one property per path parameter, named as in the path template (which
/// is the serde form's field name), each a reference to its identifier's schema, then the
/// other fields of the serde form, inline.
macro_rules! request_schema {
    ($ty:ident, $description:expr, [$($field:ty),*], $fields:expr) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("botsession::", stringify!($ty)))
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                let refs: Vec<Schema> = alloc::vec![$(generator.subschema_for::<$field>()),*];
                let direction = direction(generator);
                let labels = schema::labels($ty::PATH_TEMPLATE);
                let mut properties: Map<String, Json> = labels
                    .clone()
                    .map(String::from)
                    .zip(refs.into_iter().map(Json::from))
                    .collect();
                let mut required: Vec<&str> = labels.collect();
                let fields: &[Field] = $fields;
                for field in fields {
                    let schema = field_schema(field, direction, generator);
                    properties.insert(String::from(field.name), schema);
                    if schema::required(field, direction) {
                        required.push(field.name);
                    }
                }
                let mut schema = json_schema!({
                    "type": "object",
                    "description": $description,
                    "properties": properties,
                });
                if !required.is_empty() {
                    schema.insert(String::from("required"), json!(required));
                }
                // The serializer writes exactly these fields; the derived `Deserialize` ignores
                // unknown ones.
                if direction == Direction::Write {
                    schema.insert(String::from("additionalProperties"), Json::Bool(false));
                }
                schema
            }
        }
    };
}

schema::requests!(request_schema);

/// The schema of a body in `direction`, nested objects inline and named types by reference.
fn body_schema(body: &Body, direction: Direction, generator: &mut SchemaGenerator) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in schema::fields(body, direction) {
        let schema = field_schema(field, direction, generator);
        properties.insert(String::from(field.name), schema);
        if schema::required(field, direction) {
            required.push(field.name);
        }
    }
    let mut schema = json!({
        "type": "object",
        "title": body.name,
        "description": body.description,
        "properties": properties,
    });
    if let Json::Object(object) = &mut schema {
        if !required.is_empty() {
            object.insert(String::from("required"), json!(required));
        }
        if direction == Direction::Write {
            object.insert(String::from("additionalProperties"), Json::Bool(false));
        }
    }
    schema
}

/// The schema of a field in `direction`: its value's, with `null` beside its type where the
/// reader takes `null` for it (`anyOf` the value and `null` where it has no `type`), and at
/// least one entry where the renderer leaves an empty list or map out.
fn field_schema(field: &Field, direction: Direction, generator: &mut SchemaGenerator) -> Json {
    let mut schema = value_schema(&field.value, direction, generator);
    if let Some((keyword, min)) = schema::written_min(field, direction) {
        if let Json::Object(object) = &mut schema {
            object.insert(String::from(keyword), json!(min));
        }
    }
    if schema::nullable(field, direction) {
        schema = or_null(schema);
    }
    schema
}

fn value_schema(value: &Value, direction: Direction, generator: &mut SchemaGenerator) -> Json {
    match value {
        Value::Text => json!({ "type": "string" }),
        Value::Rule(rule) => text_schema(rule),
        Value::Id(kind) => Json::from(id_schema(*kind)),
        Value::Zero => json!({ "type": "integer", "enum": [0], "examples": [0] }),
        // The 64-bit range as `format: int64` (OpenAPI's format, and what utoipa can write on
        // every target), not as bounds. The example is a real code: without one, a mock makes
        // up the first integer the schema allows (-9007199254740991).
        Value::NonZero => json!({
            "anyOf": [
                { "type": "integer", "format": "int64", "maximum": -1 },
                { "type": "integer", "format": "int64", "minimum": 1 },
            ],
            "examples": [schema::ERROR_CODE_EXAMPLE],
        }),
        Value::Data => match direction {
            Direction::Write => json!({ "type": "object", "maxProperties": 0 }),
            Direction::Read => json!(true),
        },
        Value::Object(inner) => body_schema(inner, direction, generator),
        Value::Array(inner) => json!({
            "type": "array",
            "items": body_schema(inner, direction, generator),
        }),
        Value::Ref(name) => reference(generator, name),
        Value::Number => json!({ "type": "number", "format": "double" }),
        Value::List { item, min, max } => {
            let mut schema = Map::new();
            schema.insert(String::from("type"), json!("array"));
            let item = value_schema(item, direction, generator);
            match direction {
                Direction::Write => {
                    schema.insert(String::from("items"), item);
                    if *min > 0 {
                        schema.insert(String::from("minItems"), json!(min));
                    }
                    if let Some(max) = max {
                        schema.insert(String::from("maxItems"), json!(max));
                    }
                }
                // The reader skips a `null` entry, as the AWS SDKs read a dense list, and
                // bounds the entries that are not `null`: `contains` counts them.
                Direction::Read => {
                    schema.insert(String::from("items"), or_null(item));
                    if *min > 0 || max.is_some() {
                        schema.insert(
                            String::from("contains"),
                            json!({ "not": { "type": "null" } }),
                        );
                        schema.insert(String::from("minContains"), json!(min));
                    }
                    if let Some(max) = max {
                        schema.insert(String::from("maxContains"), json!(max));
                    }
                }
            }
            Json::Object(schema)
        }
        Value::Map { key, value, max } => {
            let mut schema = Map::new();
            schema.insert(String::from("type"), json!("object"));
            schema.insert(String::from("propertyNames"), text_schema(key));
            let mut value = value_schema(value, direction, generator);
            // The reader skips a `null` value, as the AWS SDKs read a map that is not sparse.
            // `maxProperties` counts those too, which the reader does not (where they come
            // before the last entry it keeps): a difference no schema can avoid.
            if direction == Direction::Read {
                value = or_null(value);
            }
            schema.insert(String::from("additionalProperties"), value);
            if let Some(max) = max {
                schema.insert(String::from("maxProperties"), json!(max));
            }
            Json::Object(schema)
        }
    }
}

/// `schema`, or `null`: beside its `type`, or `anyOf` the two where it has none.
fn or_null(mut schema: Json) -> Json {
    if let Json::Object(object) = &mut schema {
        if let Some(kind) = object.get_mut("type") {
            *kind = json!([kind.take(), "null"]);
            return schema;
        }
    }
    json!({ "anyOf": [schema, { "type": "null" }] })
}

/// The response, error and violation types: their body in the generator's direction.
macro_rules! body_schema {
    ($($ty:ident = $body:expr;)+) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("botsession::", stringify!($ty)))
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                let body = body_schema(&$body, direction(generator), generator);
                // `body_schema` always builds an object, which is a schema.
                Schema::try_from(body).unwrap_or_default()
            }
        }
    )+};
}

schema::bodies!(body_schema);
schema::models!(body_schema);
