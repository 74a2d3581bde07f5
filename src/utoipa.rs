//! The `utoipa` feature: [`ToSchema`] for every identifier, request, response and error body,
//! with the same patterns, lengths and sources as the `schemars` feature, and [`IntoParams`] for
//! each operation's path parameters, so that an axum service documents a delete-session route
//! in one line:
//!
//! ```
//! use botsession::AilyDeleteSessionRequest;
//!
//! #[utoipa::path(delete, path = "/open-apis/aily/v1/sessions/{aily_session_id}", params(AilyDeleteSessionRequest))]
//! async fn delete_session() {}
//! ```
//!
//! A response or error body is described as the crate renders it (an OpenAPI document
//! describes what a service sends); so is a Lex V2 value, whose members refer to their types'
//! components (a recursive type to its own), and PutSession's request, whose schema is its
//! JSON body and whose path labels are its [`IntoParams`]:
//!
//! ```
//! use botsession::{LexV2PutSessionRequest, LexV2Session};
//!
//! #[utoipa::path(post, path = "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}",
//!     params(LexV2PutSessionRequest), request_body = LexV2PutSessionRequest)]
//! async fn put_session() {}
//! ```

use alloc::borrow::Cow;
use alloc::vec::Vec;

use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{
    AdditionalProperties, AnyOfBuilder, ArrayBuilder, KnownFormat, ObjectBuilder, Schema,
    SchemaFormat, Type,
};
use utoipa::openapi::{Ref, RefOr, Required};
use utoipa::{IntoParams, PartialSchema, ToSchema};

use crate::id::rules::contract_of;
use crate::id::Parse;
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

/// The schemas a component refers to, for [`ToSchema::schemas`].
type Schemas = Vec<(alloc::string::String, RefOr<Schema>)>;

/// The schema of an identifier: what `PartialSchema::schema` returns for every one.
pub(crate) fn id_schema(kind: IdKind) -> Schema {
    let contract = contract_of(kind);
    let (min, max) = kind.len_bounds();
    let mut object = ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(contract.pattern))
        .min_length(Some(min))
        .max_length(Some(max))
        .description(Some(contract.source))
        .examples(contract.example);
    if contract.secret {
        object = object.write_only(Some(true));
    }
    Schema::Object(object.build())
}

/// The schema of a string with a rule: a text type's, and a field's that holds one.
fn text_schema(rule: &TextRule) -> Schema {
    Schema::Object(
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(rule.pattern)
            .min_length(Some(rule.min_chars).filter(|&min| min > 0))
            .max_length(rule.max_chars)
            .description(Some(rule.description))
            .examples([rule.example])
            .build(),
    )
}

/// The text types: their rule.
macro_rules! text_schema {
    ($($ty:ident = $rule:expr;)+) => {$(
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                RefOr::T(text_schema(&$rule))
            }
        }

        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            /// None: a text's schema refers to no other.
            fn schemas(_: &mut Schemas) {}
        }
    )+};
}

schema::texts!(text_schema);

/// The schema of an open enum: a listed value or any other string.
fn open_set_schema(set: &OpenSet) -> Schema {
    let string = || ObjectBuilder::new().schema_type(Type::String);
    AnyOfBuilder::new()
        .description(Some(set.description))
        .item(string().enum_values(Some(set.known.iter().copied())))
        .item(string())
        .examples(set.known.first().copied())
        .build()
        .into()
}

/// The schema of a ranged integer.
fn range_schema(range: &Range) -> Schema {
    Schema::Object(
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(range.min))
            .maximum(Some(range.max))
            .description(Some(range.description))
            .examples([range.example])
            .build(),
    )
}

/// The open enums and ranged integers: their schema, from `$make`.
macro_rules! named_schema {
    ($make:ident: $($ty:ident = $rule:expr;)+) => {$(
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                RefOr::T($make(&$rule))
            }
        }

        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            /// None: its schema refers to no other.
            fn schemas(_: &mut Schemas) {}
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

/// Adds the listed type `name`'s component ([`Value::Ref`]) to `schemas`, then the components
/// it refers to, each once (so that a recursive type's reference to itself ends).
fn add_component(name: &str, schemas: &mut Schemas) {
    if schemas.iter().any(|(known, _)| known == name) {
        return;
    }
    macro_rules! find {
        ($($ty:ident = $rule:expr;)+) => {$(
            if name == stringify!($ty) {
                schemas.push((alloc::string::String::from(name), <$ty as PartialSchema>::schema()));
                <$ty as ToSchema>::schemas(schemas);
                return;
            }
        )+};
    }
    schema::texts!(find);
    schema::open_sets!(find);
    schema::ranges!(find);
    schema::models!(find);
}

/// The names of the types `value` refers to.
fn references(value: &Value, out: &mut Vec<&'static str>) {
    match value {
        Value::Ref(name) => out.push(name),
        Value::List { item, .. } => references(item, out),
        Value::Map { value, .. } => references(value, out),
        Value::Object(body) | Value::Array(body) => {
            for field in body.fields {
                references(&field.value, out);
            }
        }
        _ => {}
    }
}

/// The request objects, and their path parameters: one per label of the path template (the
/// serde form's field name), each its identifier's schema, inline in a parameter and a
/// reference in the object; the object's other fields inline. A request with no path
/// parameter (create session) has no `IntoParams`.
macro_rules! request_schema {
    (@params $ty:ident, []) => {};
    (@params $ty:ident, [$($field:ty),+]) => {
        impl IntoParams for $ty {
            /// One path parameter per label of the path template, in order, each required and
            /// with its identifier's schema inline (pattern, lengths, source).
            fn into_params(
                parameter_in_provider: impl Fn() -> Option<ParameterIn>,
            ) -> Vec<Parameter> {
                let kinds = [$(<$field as Parse>::KIND),+];
                schema::labels($ty::PATH_TEMPLATE)
                    .zip(kinds)
                    .map(|(label, kind)| {
                        ParameterBuilder::new()
                            .name(label)
                            .parameter_in(parameter_in_provider().unwrap_or(ParameterIn::Path))
                            .required(Required::True)
                            .description(Some(contract_of(kind).source))
                            .schema(Some(id_schema(kind)))
                            .build()
                    })
                    .collect()
            }
        }
    };
    ($ty:ident, $description:expr, [$($field:ty),*], $fields:expr) => {
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                let names: Vec<Cow<'static, str>> = alloc::vec![$(<$field as ToSchema>::name()),*];
                let mut object = ObjectBuilder::new()
                    .schema_type(Type::Object)
                    .description(Some($description));
                for (label, name) in schema::labels($ty::PATH_TEMPLATE).zip(names) {
                    object = object
                        .property(label, RefOr::Ref(utoipa::openapi::Ref::from_schema_name(name)))
                        .required(label);
                }
                let fields: &[Field] = $fields;
                for field in fields {
                    object = object.property(field.name, field_schema(field));
                    if schema::required(field, Direction::Write) {
                        object = object.required(field.name);
                    }
                }
                object.into()
            }
        }

        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            /// The schemas of the identifiers the object refers to.
            fn schemas(_schemas: &mut Schemas) {
                $(_schemas.push((<$field as ToSchema>::name().into_owned(), <$field>::schema()));)*
            }
        }

        request_schema!(@params $ty, [$($field),*]);
    };
}

schema::requests!(request_schema);

/// The schema of a body as rendered, nested objects inline and named types by reference.
fn body_schema(body: &Body) -> Schema {
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .title(Some(body.name))
        .description(Some(body.description))
        .additional_properties(Some(AdditionalProperties::FreeForm(false)));
    for field in schema::fields(body, Direction::Write) {
        object = object.property(field.name, field_schema(field));
        if schema::required(field, Direction::Write) {
            object = object.required(field.name);
        }
    }
    Schema::Object(object.build())
}

/// The schema of a field as rendered: its value's, with at least one entry where the renderer
/// leaves an empty list or map out.
fn field_schema(field: &Field) -> RefOr<Schema> {
    let mut schema = value_schema(&field.value);
    if let Some((_, min)) = schema::written_min(field, Direction::Write) {
        match &mut schema {
            RefOr::T(Schema::Array(array)) => array.min_items = Some(min),
            RefOr::T(Schema::Object(object)) => object.min_properties = Some(min),
            _ => {}
        }
    }
    schema
}

fn value_schema(value: &Value) -> RefOr<Schema> {
    let integer = || ObjectBuilder::new().schema_type(Type::Integer);
    let object = match value {
        Value::Text => ObjectBuilder::new().schema_type(Type::String),
        Value::Rule(rule) => return RefOr::T(text_schema(rule)),
        Value::Id(kind) => return RefOr::T(id_schema(*kind)),
        Value::Zero => integer().enum_values(Some([0])).examples([0]),
        // No `i64` bounds: utoipa 5 stores a bound as an `isize`, which would cut them to
        // nonsense on 32-bit targets; `format: int64` carries the range. The example is a real
        // code: without one, a mock makes up the first integer the schema allows.
        Value::NonZero => {
            let int64 = || integer().format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)));
            return RefOr::T(
                AnyOfBuilder::new()
                    .item(int64().maximum(Some(-1)))
                    .item(int64().minimum(Some(1)))
                    .examples([schema::ERROR_CODE_EXAMPLE])
                    .build()
                    .into(),
            );
        }
        Value::Data => ObjectBuilder::new()
            .schema_type(Type::Object)
            .max_properties(Some(0)),
        Value::Object(inner) => return RefOr::T(body_schema(inner)),
        Value::Array(inner) => {
            return RefOr::T(
                ArrayBuilder::new()
                    .items(RefOr::T(body_schema(inner)))
                    .build()
                    .into(),
            )
        }
        Value::Ref(name) => return RefOr::Ref(Ref::from_schema_name(*name)),
        Value::Number => ObjectBuilder::new()
            .schema_type(Type::Number)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Double))),
        Value::List { item, min, max } => {
            return RefOr::T(
                ArrayBuilder::new()
                    .items(value_schema(item))
                    .min_items(Some(*min).filter(|&min| min > 0))
                    .max_items(*max)
                    .build()
                    .into(),
            )
        }
        Value::Map { key, value, max } => ObjectBuilder::new()
            .schema_type(Type::Object)
            .property_names(Some(text_schema(key)))
            .additional_properties(Some(AdditionalProperties::RefOr(value_schema(value))))
            .max_properties(*max),
    };
    RefOr::T(Schema::Object(object.build()))
}

/// The response, error and violation types: their body as rendered.
macro_rules! body_schema {
    ($($ty:ident = $body:expr;)+) => {$(
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                RefOr::T(body_schema(&$body))
            }
        }

        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            /// None: the body's nested objects are inline.
            fn schemas(_: &mut Schemas) {}
        }
    )+};
}

schema::bodies!(body_schema);

/// The Lex V2 values: their body as rendered, and the components it refers to.
macro_rules! model_schema {
    ($($ty:ident = $body:expr;)+) => {$(
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                RefOr::T(body_schema(&$body))
            }
        }

        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }

            /// The components of the types its members refer to, and theirs, each once.
            fn schemas(schemas: &mut Schemas) {
                let mut names = Vec::new();
                for field in $body.fields {
                    references(&field.value, &mut names);
                }
                for name in names {
                    add_component(name, schemas);
                }
            }
        }
    )+};
}

schema::models!(model_schema);

/// The requests whose schema is their body: their path parameters.
macro_rules! body_request_params {
    ($ty:ident, [$($field:ty),+]) => {
        request_schema!(@params $ty, [$($field),+]);
    };
}

schema::body_requests!(body_request_params);
