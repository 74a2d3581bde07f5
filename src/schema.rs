//! What the `schemars` and `utoipa` features both describe, written once as data: the path
//! parameters of each operation (read from its path template) and the JSON bodies of the
//! responses and service errors, as the renderers write them and the readers read them. The
//! identifiers' rules are in `crate::id::rules` ([`contract_of`](crate::id::rules::contract_of)).
//!
//! The response and error types have no `Serialize` or `Deserialize` of their own: their JSON
//! form is the body that `render` writes and `from_http` reads. A schema describes that body,
//! in either direction: what the crate writes (exact, every field it always writes required,
//! nothing else) or what it reads (only the fields the reader requires required, `null` for
//! an absent optional field, unknown fields allowed). The session object and the create and
//! update requests are described the same way, from their serde forms.

/// The path parameters of a path template, in order: `:name` (Aily) or `{name}` (Lex). Each is
/// also the field's name in the request's serde form.
pub(crate) fn labels(template: &'static str) -> impl Iterator<Item = &'static str> + Clone {
    template.split('/').filter_map(|segment| {
        segment
            .strip_prefix(':')
            .or_else(|| segment.strip_prefix('{')?.strip_suffix('}'))
    })
}

/// Every request, the description of its object, the identifier type of each label of its
/// path template, in order, and the other fields of its serde form:
/// `$m!(Type, "description", [Id, …], FIELDS);` for each, so that both features describe the
/// same requests from one list.
macro_rules! requests {
    ($m:ident) => {
        $m!(
            AilyDeleteSessionRequest,
            "Aily delete session: the path parameter of \
             `DELETE /open-apis/aily/v1/sessions/:aily_session_id`",
            [AilySessionId],
            $crate::schema::NO_FIELDS
        );
        $m!(
            AilyGetSessionRequest,
            "Aily get session: the path parameter of \
             `GET /open-apis/aily/v1/sessions/:aily_session_id`",
            [AilySessionId],
            $crate::schema::NO_FIELDS
        );
        $m!(
            AilyCreateSessionRequest,
            "Aily create session, `POST /open-apis/aily/v1/sessions`: the `X-Aily-BizUserID` \
             header as `biz_user_id`, and the body's `channel_context` and `metadata`, each \
             optional",
            [],
            $crate::schema::AILY_CREATE_FIELDS
        );
        $m!(
            AilyUpdateSessionRequest,
            "Aily update session: the path parameter of \
             `PUT /open-apis/aily/v1/sessions/:aily_session_id`, and the body's \
             `channel_context` and `metadata`, each optional",
            [AilySessionId],
            $crate::schema::AILY_UPDATE_FIELDS
        );
        $m!(
            LexDeleteSessionRequest,
            "Lex runtime DeleteSession: the path labels of \
             `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`",
            [LexBotName, LexBotAlias, LexUserId],
            $crate::schema::NO_FIELDS
        );
        $m!(
            LexV2DeleteSessionRequest,
            "Lex V2 runtime DeleteSession: the path labels of `DELETE /bots/{botId}/botAliases/\
             {botAliasId}/botLocales/{localeId}/sessions/{sessionId}`",
            [LexV2BotId, LexV2BotAliasId, LexV2LocaleId, LexV2SessionId],
            $crate::schema::NO_FIELDS
        );
    };
}

/// Every response, service error and violation type, and the session object, with the
/// [`Body`] it is: `$m! { Type = BODY; … }`, for both features.
macro_rules! bodies {
    ($m:ident) => {
        $m! {
            AilyDeleteSessionResponse = $crate::schema::AILY_SUCCESS;
            AilyCreateSessionResponse = $crate::schema::AILY_CREATE_SUCCESS;
            AilyGetSessionResponse = $crate::schema::AILY_GET_SUCCESS;
            AilyUpdateSessionResponse = $crate::schema::AILY_UPDATE_SUCCESS;
            AilySession = $crate::schema::AILY_SESSION;
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

/// Every text type with its [`TextRule`]: `$m! { Type = RULE; … }`, for both features.
macro_rules! texts {
    ($m:ident) => {
        $m! {
            AilyChannelContext = $crate::schema::CHANNEL_CONTEXT;
            AilyMetadata = $crate::schema::METADATA;
            AilyBizUserId = $crate::schema::BIZ_USER_ID;
        }
    };
}

pub(crate) use {bodies, requests, texts};

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
    /// Whether the renderer always writes it (required when writing).
    pub(crate) always: bool,
    /// Whether the renderer ever writes it: a field only read is left out of the written form.
    pub(crate) written: bool,
    /// Whether the reader requires it (required when reading, and never `null`); a field it
    /// does not require it also takes as `null`, which reads as absent.
    pub(crate) needed: bool,
}

/// What a [`Field`] holds (`null` too, when read and not [`needed`](Field::needed)).
pub(crate) enum Value {
    /// A string.
    Text,
    /// A string with a rule of its own: a bounded text, a timestamp.
    Rule(&'static TextRule),
    /// An identifier, its schema inline.
    Id(crate::IdKind),
    /// The envelope's `code` of a success: the integer 0.
    Zero,
    /// The envelope's `code` of an error: any other integer that fits in 64 bits.
    NonZero,
    /// Delete session's `data`: written `{}`, read as anything.
    Data,
    /// An object.
    Object(&'static Body),
    /// An array of objects.
    Array(&'static Body),
}

/// A string's rule: a text type's own schema, and a field's that holds one.
pub(crate) struct TextRule {
    /// The rule and its source.
    pub(crate) description: &'static str,
    /// The most characters, where the rule bounds them. JSON Schema's `maxLength` counts
    /// characters (code points, RFC 8259's), which is exactly how the crate counts them
    /// (`chars()`, Unicode scalar values: a JSON string holds no lone surrogate).
    pub(crate) max_chars: Option<usize>,
    /// Anchored ECMA-262, where the rule limits which characters.
    pub(crate) pattern: Option<&'static str>,
    /// A value the docs show.
    pub(crate) example: &'static str,
}

/// A field the renderer writes, always or where set, and the reader does not require.
const fn field(name: &'static str, value: Value, always: bool) -> Field {
    Field {
        name,
        value,
        always,
        written: true,
        needed: false,
    }
}

/// A field the renderer always writes and the reader requires.
const fn needed(name: &'static str, value: Value) -> Field {
    Field {
        name,
        value,
        always: true,
        written: true,
        needed: true,
    }
}

/// A field the reader takes and the renderer never writes.
const fn read_only(name: &'static str) -> Field {
    Field {
        name,
        value: Value::Text,
        always: false,
        written: false,
        needed: false,
    }
}

/// The text of `channel_context` and `metadata`: any characters, at most `max` of them.
const fn opaque(max: usize, description: &'static str) -> TextRule {
    TextRule {
        description,
        max_chars: Some(max),
        pattern: None,
        example: "{}",
    }
}

pub(crate) const CHANNEL_CONTEXT: TextRule = opaque(
    crate::AilyChannelContext::MAX_CHARS,
    "The `channel_context` of an Aily session: opaque text of 0-255 characters (Unicode \
     scalar values, as `maxLength` counts them, not bytes; 字符 in the docs), kept as sent and \
     never parsed",
);

pub(crate) const METADATA: TextRule = opaque(
    crate::AilyMetadata::MAX_CHARS,
    "The `metadata` of an Aily session: opaque text of 0-255 characters (Unicode scalar \
     values, as `maxLength` counts them, not bytes; 字符 in the docs), kept as sent and never \
     parsed",
);

pub(crate) const BIZ_USER_ID: TextRule = TextRule {
    description: "The `X-Aily-BizUserID` header of Aily create session: the caller's own id for \
                  its user, 0-255 characters of visible ASCII (`!` to `~`, no spaces), what a \
                  header carries the same way everywhere",
    max_chars: Some(crate::AilyBizUserId::MAX_CHARS),
    // The length is in the pattern as well as in `maxLength` (a test checks the two agree).
    pattern: Some("^[!-~]{0,255}$"),
    example: "ou_5ad573a6411d72b8305fda3a9c15c70e",
};

/// A session's timestamp: `-?[0-9]+` (the crate's rule, `millis::parse`) whose value fits in an
/// `i64`, leading zeros allowed, as `str::parse` allows them. The range is in the pattern: at
/// most 18 significant digits always fit, and 19 fit up to `9223372036854775807` (`…808`
/// negative), spelled out digit by digit. No `maxLength`: leading zeros make a valid value of
/// any length.
pub(crate) const MILLIS: TextRule = TextRule {
    description: "A millisecond timestamp (since the Unix epoch) as the service writes it: a \
                  JSON string of a decimal integer, `-?[0-9]+`, whose value fits in 64 bits \
                  (-9223372036854775808 to 9223372036854775807; the pattern spells out the \
                  range)",
    max_chars: None,
    pattern: Some(concat!(
        "^(?:-?0*(?:[0-9]{1,18}",
        "|[0-8][0-9]{18}",
        "|9[01][0-9]{17}",
        "|92[01][0-9]{16}",
        "|922[0-2][0-9]{15}",
        "|9223[0-2][0-9]{14}",
        "|92233[0-6][0-9]{13}",
        "|922337[01][0-9]{12}",
        "|92233720[0-2][0-9]{10}",
        "|922337203[0-5][0-9]{9}",
        "|9223372036[0-7][0-9]{8}",
        "|92233720368[0-4][0-9]{7}",
        "|922337203685[0-3][0-9]{6}",
        "|9223372036854[0-6][0-9]{5}",
        "|92233720368547[0-6][0-9]{4}",
        "|922337203685477[0-4][0-9]{3}",
        "|9223372036854775[0-7][0-9]{2}",
        "|922337203685477580[0-7])",
        "|-0*9223372036854775808)$",
    )),
    example: "1711975665710",
};

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
        needed("code", Value::Zero),
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

/// An Aily session, the serde form of [`AilySession`](crate::AilySession).
pub(crate) const AILY_SESSION: Body = Body {
    name: "AilySession",
    description: "An Aily session, the `data.session` of create, get and update session: its \
                  id, when it was created and last modified (milliseconds, as strings), the \
                  Aily user id of its creator, and its channel context and metadata",
    fields: &[
        needed("id", Value::Id(crate::IdKind::AilySessionId)),
        needed("created_at", Value::Rule(&MILLIS)),
        needed("modified_at", Value::Rule(&MILLIS)),
        field("created_by", Value::Text, false),
        field("channel_context", Value::Rule(&CHANNEL_CONTEXT), false),
        field("metadata", Value::Rule(&METADATA), false),
    ],
};

/// The `data` of a success that answers with a session.
const AILY_SESSION_DATA: Body = Body {
    name: "AilySessionData",
    description: "The `data` of an Aily session operation's success: the session",
    fields: &[needed("session", Value::Object(&AILY_SESSION))],
};

/// The success envelope of create, get and update: as delete's, with the session in `data`,
/// which the reader requires.
const AILY_SESSION_SUCCESS: &[Field] = &[
    needed("code", Value::Zero),
    // Written where set: every built value has one, a response read without one has none.
    field("msg", Value::Text, false),
    needed("data", Value::Object(&AILY_SESSION_DATA)),
    // Read for its `log_id`; a success is rendered without it.
    Field {
        written: false,
        ..field("error", Value::Object(&AILY_ERROR_DETAIL), false)
    },
];

pub(crate) const AILY_CREATE_SUCCESS: Body = Body {
    name: "AilyCreateSessionResponse",
    description: "The Aily create-session success body: the envelope with `code` 0 and the new \
                  session in `data.session`",
    fields: AILY_SESSION_SUCCESS,
};

pub(crate) const AILY_GET_SUCCESS: Body = Body {
    name: "AilyGetSessionResponse",
    description: "The Aily get-session success body: the envelope with `code` 0 and the \
                  session in `data.session`",
    fields: AILY_SESSION_SUCCESS,
};

pub(crate) const AILY_UPDATE_SUCCESS: Body = Body {
    name: "AilyUpdateSessionResponse",
    description: "The Aily update-session success body: the envelope with `code` 0 and the \
                  session as updated in `data.session`",
    fields: AILY_SESSION_SUCCESS,
};

/// The fields of a request's serde form besides its path parameters: none.
pub(crate) const NO_FIELDS: &[Field] = &[];

/// Update session's body fields: each optional (`null` read as absent).
pub(crate) const AILY_UPDATE_FIELDS: &[Field] = &[
    field("channel_context", Value::Rule(&CHANNEL_CONTEXT), false),
    field("metadata", Value::Rule(&METADATA), false),
];

/// Create session's: the `X-Aily-BizUserID` header, then the body fields.
pub(crate) const AILY_CREATE_FIELDS: &[Field] = &[
    field("biz_user_id", Value::Rule(&BIZ_USER_ID), false),
    field("channel_context", Value::Rule(&CHANNEL_CONTEXT), false),
    field("metadata", Value::Rule(&METADATA), false),
];

pub(crate) const AILY_ERROR: Body = Body {
    name: "AilyServiceError",
    description: "An Aily error body: the envelope with a non-zero `code`, its `msg`, and the \
                  optional `error` object (log id, troubleshooter, violations, helps)",
    fields: &[
        needed("code", Value::NonZero),
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
        Direction::Read => field.needed,
    }
}

/// Whether a schema in `direction` takes `null` for the field: the reader reads it as absent
/// wherever it does not require the field; the renderer never writes one. (utoipa describes
/// the written form only.)
#[cfg(feature = "schemars")]
pub(crate) fn nullable(field: &Field, direction: Direction) -> bool {
    direction == Direction::Read && !field.needed
}

/// The example of the envelope's `code` of an error: 2700001, "param is invalid", the
/// delete-session docs' own code. An OpenAPI mock shows it, instead of an integer it makes up.
pub(crate) const ERROR_CODE_EXAMPLE: i64 = crate::AilyErrorKind::ParamInvalid.code();

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
        assert_eq!(
            labels(crate::AilyCreateSessionRequest::PATH_TEMPLATE).count(),
            0
        );
    }

    /// The biz user id's pattern bounds the length as its type does.
    #[test]
    fn the_biz_user_id_pattern_has_the_type_length() {
        let pattern = alloc::format!("^[!-~]{{0,{}}}$", crate::AilyBizUserId::MAX_CHARS);
        assert_eq!(BIZ_USER_ID.pattern, Some(pattern.as_str()));
    }
}
