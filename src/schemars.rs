//! The `schemars` feature: [`JsonSchema`] for every identifier, request, response and error
//! body, so that a service in another language can read the crate's rules.
//!
//! - An identifier is a `string` with its rule as an anchored ECMA-262 `pattern`, its byte
//!   lengths as `minLength`/`maxLength`, the rule's source as the `description` and a
//!   documented value in `examples`; the secret types are `writeOnly` and have no example.
//! - A text type (channel context, metadata, biz user id) is a `string` with its `maxLength`
//!   in characters, its pattern where it limits the characters, and an example.
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
use crate::schema::{self, Body, Direction, Field, TextRule, Value};
use crate::{
    AilyBizUserId, AilyChannelContext, AilyCreateSessionRequest, AilyCreateSessionResponse,
    AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyGetSessionRequest,
    AilyGetSessionResponse, AilyMetadata, AilyServiceError, AilySession, AilySessionId,
    AilyUpdateSessionRequest, AilyUpdateSessionResponse, FieldViolation, Help, IdKind, LexBotAlias,
    LexBotName, LexDeleteSessionRequest, LexDeleteSessionResponse, LexServiceError, LexUserId,
    LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse,
    LexV2LocaleId, LexV2ServiceError, LexV2SessionId, PermissionViolation,
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
                    properties.insert(String::from(field.name), field_schema(field, direction));
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

/// The schema of a body in `direction`, nested objects inline.
fn body_schema(body: &Body, direction: Direction) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in schema::fields(body, direction) {
        properties.insert(String::from(field.name), field_schema(field, direction));
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
/// reader takes `null` for it.
fn field_schema(field: &Field, direction: Direction) -> Json {
    let mut schema = value_schema(&field.value, direction);
    if schema::nullable(field, direction) {
        if let Json::Object(object) = &mut schema {
            if let Some(kind) = object.get_mut("type") {
                *kind = json!([kind.take(), "null"]);
            }
        }
    }
    schema
}

fn value_schema(value: &Value, direction: Direction) -> Json {
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
        Value::Object(inner) => body_schema(inner, direction),
        Value::Array(inner) => json!({
            "type": "array",
            "items": body_schema(inner, direction),
        }),
    }
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
                let body = body_schema(&$body, direction(generator));
                // `body_schema` always builds an object, which is a schema.
                Schema::try_from(body).unwrap_or_default()
            }
        }
    )+};
}

schema::bodies!(body_schema);
