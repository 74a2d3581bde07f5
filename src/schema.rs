//! What the `schemars` and `utoipa` features both describe, written once as data: the path
//! parameters of each operation (read from its path template) and the JSON bodies of the
//! responses and service errors, as the renderers write them and the readers read them. The
//! identifiers' rules are in `crate::id::rules` ([`contract_of`](crate::id::rules::contract_of)).
//!
//! The response and error types have no `Serialize` or `Deserialize` of their own: their JSON
//! form is the body that `render` writes and `from_http` reads. A schema describes that body,
//! in either direction: what the crate writes (exact, every field it always writes required,
//! nothing else) or what it reads (every field optional but the envelope's `code`, `null` for
//! an absent field, unknown fields allowed).

/// The path parameters of a path template, in order: `:name` (Aily) or `{name}` (Lex). Each is
/// also the field's name in the request's serde form.
pub(crate) fn labels(template: &'static str) -> impl Iterator<Item = &'static str> + Clone {
    template.split('/').filter_map(|segment| {
        segment
            .strip_prefix(':')
            .or_else(|| segment.strip_prefix('{')?.strip_suffix('}'))
    })
}

/// Every request, the description of its object, and the identifier type of each label of its
/// path template, in order: `$m!(Type, "description", [Id, …]);` for each, so that both
/// features describe the same requests from one list.
macro_rules! requests {
    ($m:ident) => {
        $m!(
            AilyDeleteSessionRequest,
            "Aily delete session: the path parameter of \
             `DELETE /open-apis/aily/v1/sessions/:aily_session_id`",
            [AilySessionId]
        );
        $m!(
            LexDeleteSessionRequest,
            "Lex runtime DeleteSession: the path labels of \
             `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`",
            [LexBotName, LexBotAlias, LexUserId]
        );
        $m!(
            LexV2DeleteSessionRequest,
            "Lex V2 runtime DeleteSession: the path labels of `DELETE /bots/{botId}/botAliases/\
             {botAliasId}/botLocales/{localeId}/sessions/{sessionId}`",
            [LexV2BotId, LexV2BotAliasId, LexV2LocaleId, LexV2SessionId]
        );
    };
}

/// Every response, service error and violation type with the [`Body`] it is:
/// `$m! { Type = BODY; … }`, for both features.
macro_rules! bodies {
    ($m:ident) => {
        $m! {
            AilyDeleteSessionResponse = $crate::schema::AILY_SUCCESS;
            AilyServiceError = $crate::schema::AILY_ERROR;
            LexDeleteSessionResponse = $crate::schema::LEX_SUCCESS;
            LexServiceError = $crate::schema::LEX_ERROR;
            LexV2DeleteSessionResponse = $crate::schema::LEX_V2_SUCCESS;
            LexV2ServiceError = $crate::schema::LEX_V2_ERROR;
            FieldViolation = $crate::schema::FIELD_VIOLATION;
            PermissionViolation = $crate::schema::PERMISSION_VIOLATION;
            Help = $crate::schema::HELP;
        }
    };
}

pub(crate) use {bodies, requests};

/// Which direction a body schema describes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// What `render` writes.
    Write,
    /// What `from_http` reads as this type.
    Read,
}

/// A JSON body, or an object inside one.
pub(crate) struct Body {
    /// The schema's name: the public type's, or the wire object's.
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) fields: &'static [Field],
}

/// One member of a [`Body`].
pub(crate) struct Field {
    pub(crate) name: &'static str,
    pub(crate) value: Value,
    /// Whether the renderer always writes it (required when writing; only the envelope's
    /// `code` is required when reading).
    pub(crate) always: bool,
    /// Whether the renderer ever writes it: a field only read is left out of the written form.
    pub(crate) written: bool,
}

/// What a [`Field`] holds.
pub(crate) enum Value {
    /// A string (`null` too, when read).
    Text,
    /// The envelope's `code` of a success: the integer 0.
    Zero,
    /// The envelope's `code` of an error: any other integer that fits in 64 bits.
    NonZero,
    /// Aily's `data`: written `{}`, read as anything.
    Data,
    /// An object (`null` too, when read).
    Object(&'static Body),
    /// An array of objects (`null` too, when read).
    Array(&'static Body),
}

const fn field(name: &'static str, value: Value, always: bool) -> Field {
    Field {
        name,
        value,
        always,
        written: true,
    }
}

/// A field the reader takes and the renderer never writes.
const fn read_only(name: &'static str) -> Field {
    Field {
        name,
        value: Value::Text,
        always: false,
        written: false,
    }
}

pub(crate) const FIELD_VIOLATION: Body = Body {
    name: "FieldViolation",
    description: "One entry of the Aily error envelope's `error.field_violations`: which \
                  request field was wrong",
    fields: &[
        field("field", Value::Text, false),
        field("value", Value::Text, false),
        field("description", Value::Text, false),
    ],
};

pub(crate) const PERMISSION_VIOLATION: Body = Body {
    name: "PermissionViolation",
    description: "One entry of the Aily error envelope's `error.permission_violations`: which \
                  scope or permission is missing",
    fields: &[
        field("type", Value::Text, false),
        field("subject", Value::Text, false),
        field("description", Value::Text, false),
    ],
};

pub(crate) const HELP: Body = Body {
    name: "Help",
    description: "One entry of the Aily error envelope's `error.helps`: a link to documentation",
    fields: &[
        field("url", Value::Text, false),
        field("description", Value::Text, false),
    ],
};

/// The Aily envelope's `error` object.
const AILY_ERROR_DETAIL: Body = Body {
    name: "AilyErrorDetail",
    description: "The Aily error envelope's `error` object",
    fields: &[
        field("log_id", Value::Text, false),
        field("troubleshooter", Value::Text, false),
        field("field_violations", Value::Array(&FIELD_VIOLATION), false),
        field(
            "permission_violations",
            Value::Array(&PERMISSION_VIOLATION),
            false,
        ),
        field("helps", Value::Array(&HELP), false),
    ],
};

pub(crate) const AILY_SUCCESS: Body = Body {
    name: "AilyDeleteSessionResponse",
    description: "The Aily delete-session success body: the envelope with `code` 0, as the \
                  docs give it (`{\"code\":0,\"msg\":\"success\",\"data\":{}}`)",
    fields: &[
        field("code", Value::Zero, true),
        // Written where set: every built value has one, a response read without one has none.
        field("msg", Value::Text, false),
        field("data", Value::Data, true),
        // Read for its `log_id`; a success is rendered without it.
        Field {
            written: false,
            ..field("error", Value::Object(&AILY_ERROR_DETAIL), false)
        },
    ],
};

pub(crate) const AILY_ERROR: Body = Body {
    name: "AilyServiceError",
    description: "An Aily error body: the envelope with a non-zero `code`, its `msg`, and the \
                  optional `error` object (log id, troubleshooter, violations, helps)",
    fields: &[
        field("code", Value::NonZero, true),
        // Written where set: every built value has one, a response read without one has none.
        field("msg", Value::Text, false),
        Field {
            written: false,
            ..field("data", Value::Data, false)
        },
        field("error", Value::Object(&AILY_ERROR_DETAIL), false),
    ],
};

pub(crate) const LEX_SUCCESS: Body = Body {
    name: "LexDeleteSessionResponse",
    description: "The Lex runtime DeleteSession success body (HTTP 2xx): every field optional \
                  in the service model, and kept as received",
    fields: &[
        field("botAlias", Value::Text, false),
        field("botName", Value::Text, false),
        field("sessionId", Value::Text, false),
        field("userId", Value::Text, false),
    ],
};

pub(crate) const LEX_V2_SUCCESS: Body = Body {
    name: "LexV2DeleteSessionResponse",
    description: "The Lex V2 runtime DeleteSession success body (HTTP 2xx): every field \
                  optional in the service model, and kept as received",
    fields: &[
        field("botId", Value::Text, false),
        field("botAliasId", Value::Text, false),
        field("localeId", Value::Text, false),
        field("sessionId", Value::Text, false),
    ],
};

/// The fields of a restJson1 error body: the renderer writes `message`, and `code` only when the
/// code cannot travel in the `x-amzn-ErrorType` header; the reader also takes `__type`,
/// `Message` and `errorMessage`.
const REST_JSON_ERROR_FIELDS: &[Field] = &[
    field("code", Value::Text, false),
    field("message", Value::Text, false),
    read_only("__type"),
    read_only("Message"),
    read_only("errorMessage"),
];

pub(crate) const LEX_ERROR: Body = Body {
    name: "LexServiceError",
    description: "A Lex error body (restJson1): `{\"message\":…}`, the error code in the \
                  `x-amzn-ErrorType` header",
    fields: REST_JSON_ERROR_FIELDS,
};

pub(crate) const LEX_V2_ERROR: Body = Body {
    name: "LexV2ServiceError",
    description: "A Lex V2 error body (restJson1): `{\"message\":…}`, the error code in the \
                  `x-amzn-ErrorType` header",
    fields: REST_JSON_ERROR_FIELDS,
};

/// The fields of `body` a schema in `direction` lists.
pub(crate) fn fields(body: &Body, direction: Direction) -> impl Iterator<Item = &Field> {
    body.fields
        .iter()
        .filter(move |f| f.written || direction == Direction::Read)
}

/// Whether a schema in `direction` requires the field.
pub(crate) fn required(field: &Field, direction: Direction) -> bool {
    match direction {
        Direction::Write => field.always,
        Direction::Read => matches!(field.value, Value::Zero | Value::NonZero),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_from_both_template_styles() {
        let aily: alloc::vec::Vec<_> =
            labels(crate::AilyDeleteSessionRequest::PATH_TEMPLATE).collect();
        assert_eq!(aily, ["aily_session_id"]);
        let v2: alloc::vec::Vec<_> =
            labels(crate::LexV2DeleteSessionRequest::PATH_TEMPLATE).collect();
        assert_eq!(v2, ["botId", "botAliasId", "localeId", "sessionId"]);
    }
}
