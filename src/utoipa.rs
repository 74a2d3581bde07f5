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
//! describes what a service sends).

use alloc::borrow::Cow;
use alloc::vec::Vec;

use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{
    AdditionalProperties, AnyOfBuilder, ArrayBuilder, KnownFormat, ObjectBuilder, Schema,
    SchemaFormat, Type,
};
use utoipa::openapi::{RefOr, Required};
use utoipa::{IntoParams, PartialSchema, ToSchema};

use crate::id::rules::contract_of;
use crate::id::Parse;
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
            fn schemas(_: &mut Vec<(alloc::string::String, RefOr<Schema>)>) {}
        }
    )+};
}

schema::texts!(text_schema);

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
                    object = object.property(field.name, value_schema(&field.value));
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
            fn schemas(_schemas: &mut Vec<(alloc::string::String, RefOr<Schema>)>) {
                $(_schemas.push((<$field as ToSchema>::name().into_owned(), <$field>::schema()));)*
            }
        }

        request_schema!(@params $ty, [$($field),*]);
    };
}

schema::requests!(request_schema);

/// The schema of a body as rendered, nested objects inline.
fn body_schema(body: &Body) -> Schema {
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .title(Some(body.name))
        .description(Some(body.description))
        .additional_properties(Some(AdditionalProperties::FreeForm(false)));
    for field in schema::fields(body, Direction::Write) {
        object = object.property(field.name, value_schema(&field.value));
        if schema::required(field, Direction::Write) {
            object = object.required(field.name);
        }
    }
    Schema::Object(object.build())
}

fn value_schema(value: &Value) -> Schema {
    let integer = || ObjectBuilder::new().schema_type(Type::Integer);
    let object = match value {
        Value::Text => ObjectBuilder::new().schema_type(Type::String),
        Value::Rule(rule) => return text_schema(rule),
        Value::Id(kind) => return id_schema(*kind),
        Value::Zero => integer().enum_values(Some([0])).examples([0]),
        // No `i64` bounds: utoipa 5 stores a bound as an `isize`, which would cut them to
        // nonsense on 32-bit targets; `format: int64` carries the range. The example is a real
        // code: without one, a mock makes up the first integer the schema allows.
        Value::NonZero => {
            let int64 = || integer().format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)));
            return AnyOfBuilder::new()
                .item(int64().maximum(Some(-1)))
                .item(int64().minimum(Some(1)))
                .examples([schema::ERROR_CODE_EXAMPLE])
                .build()
                .into();
        }
        Value::Data => ObjectBuilder::new()
            .schema_type(Type::Object)
            .max_properties(Some(0)),
        Value::Object(inner) => return body_schema(inner),
        Value::Array(inner) => {
            return ArrayBuilder::new()
                .items(RefOr::T(body_schema(inner)))
                .build()
                .into()
        }
    };
    Schema::Object(object.build())
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
            fn schemas(_: &mut Vec<(alloc::string::String, RefOr<Schema>)>) {}
        }
    )+};
}

schema::bodies!(body_schema);
