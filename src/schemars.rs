//! The `schemars` feature: [`JsonSchema`] for every identifier, request, response and error
//! body, so that a service in another language can read the crate's rules.
//!
//! - An identifier is a `string` with its rule as an anchored ECMA-262 `pattern`, its byte
//!   lengths as `minLength`/`maxLength`, the rule's source as the `description` and a
//!   documented value in `examples`; the secret types are `writeOnly` and have no example.
//! - A request is the object its serde form is, one `$ref` per path parameter.
//! - A response or service error is the JSON body `render` writes (the serialize contract) or
//!   `from_http` reads (the deserialize contract, schemars' default).
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
use crate::schema::{self, Body, Direction, Value};
use crate::{
    AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyServiceError, AilySessionId,
    FieldViolation, Help, IdKind, LexBotAlias, LexBotName, LexDeleteSessionRequest,
    LexDeleteSessionResponse, LexServiceError, LexUserId, LexV2BotAliasId, LexV2BotId,
    LexV2DeleteSessionRequest, LexV2DeleteSessionResponse, LexV2LocaleId, LexV2ServiceError,
    LexV2SessionId, PermissionViolation,
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

fn direction(generator: &SchemaGenerator) -> Direction {
    if generator.contract().is_serialize() {
        Direction::Write
    } else {
        Direction::Read
    }
}

/// The request objects: one property per path parameter, named as in the path template (which
/// is the serde form's field name), each a reference to its identifier's schema.
macro_rules! request_schema {
    ($ty:ident, $description:expr, [$($field:ty),+]) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("botsession::", stringify!($ty)))
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                let refs = [$(generator.subschema_for::<$field>()),+];
                let labels = schema::labels($ty::PATH_TEMPLATE);
                let properties: Map<String, Json> = labels
                    .clone()
                    .map(String::from)
                    .zip(refs.into_iter().map(Json::from))
                    .collect();
                let required: Vec<&str> = labels.collect();
                let mut schema = json_schema!({
                    "type": "object",
                    "description": $description,
                    "properties": properties,
                    "required": required,
                });
                // The serializer writes exactly these fields; the derived `Deserialize` ignores
                // unknown ones.
                if direction(generator) == Direction::Write {
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
        properties.insert(
            String::from(field.name),
            value_schema(&field.value, direction),
        );
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

fn value_schema(value: &Value, direction: Direction) -> Json {
    let nullable = |kind: &str| match direction {
        Direction::Write => json!(kind),
        Direction::Read => json!([kind, "null"]),
    };
    match value {
        Value::Text => json!({ "type": nullable("string") }),
        Value::Zero => json!({ "type": "integer", "enum": [0] }),
        // The 64-bit range as `format: int64` (OpenAPI's format, and what utoipa can write on
        // every target), not as bounds.
        Value::NonZero => json!({
            "anyOf": [
                { "type": "integer", "format": "int64", "maximum": -1 },
                { "type": "integer", "format": "int64", "minimum": 1 },
            ]
        }),
        Value::Data => match direction {
            Direction::Write => json!({ "type": "object", "maxProperties": 0 }),
            Direction::Read => json!(true),
        },
        Value::Object(inner) => {
            let mut schema = body_schema(inner, direction);
            if let (Direction::Read, Json::Object(object)) = (direction, &mut schema) {
                object.insert(String::from("type"), nullable("object"));
            }
            schema
        }
        Value::Array(inner) => json!({
            "type": nullable("array"),
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
