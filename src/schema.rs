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
//!
//! The Lex V2 session values (the session state and everything in it, messages,
//! interpretations, the session GetSession returns and PutSession's body) are [`models`]: each
//! its own definition, its members references to the others' (which is how a recursive type
//! names itself), the strings to the text types', the enums to their [`OpenSet`] and the
//! integers to their [`Range`]. Three rules of the crate no schema can say, each tested as a
//! known difference in `tests/schema.rs`: a recursive value nests at most
//! [`MAX_DEPTH`](crate::MAX_DEPTH) levels; an integer is written without fraction or exponent
//! (`5.0` is an integer to JSON Schema); and a `null` list entry or map value, which the reader
//! skips, still ends a list or map at its limit, in document order.

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
        $m!(
            LexV2GetSessionRequest,
            "Lex V2 runtime GetSession: the path labels of `GET /bots/{botId}/botAliases/\
             {botAliasId}/botLocales/{localeId}/sessions/{sessionId}`",
            [LexV2BotId, LexV2BotAliasId, LexV2LocaleId, LexV2SessionId],
            $crate::schema::NO_FIELDS
        );
    };
}

/// The requests whose schema is their JSON body (one of the [`models`]), with the identifier
/// type of each label of their path template, for utoipa's path parameters:
/// `$m!(Type, [Id, …]);`.
#[cfg(feature = "utoipa")]
macro_rules! body_requests {
    ($m:ident) => {
        $m!(
            LexV2PutSessionRequest,
            [LexV2BotId, LexV2BotAliasId, LexV2LocaleId, LexV2SessionId]
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
            LexV2NonEmptyString = $crate::schema::LEX_V2_NON_EMPTY;
            LexV2Text = $crate::schema::LEX_V2_TEXT;
            LexV2AttachmentTitle = $crate::schema::LEX_V2_ATTACHMENT_TITLE;
            LexV2AttachmentUrl = $crate::schema::LEX_V2_ATTACHMENT_URL;
            LexV2ButtonText = $crate::schema::LEX_V2_BUTTON_TEXT;
            LexV2ButtonValue = $crate::schema::LEX_V2_BUTTON_VALUE;
            LexV2ActiveContextName = $crate::schema::LEX_V2_CONTEXT_NAME;
            LexV2ParameterName = $crate::schema::LEX_V2_PARAMETER_NAME;
            LexV2RuntimeHintName = $crate::schema::LEX_V2_HINT_NAME;
            LexV2RuntimeHintPhrase = $crate::schema::LEX_V2_HINT_PHRASE;
        }
    };
}

/// Every open enum with its [`OpenSet`]: `$m! { Type = SET; … }`, for both features.
macro_rules! open_sets {
    ($m:ident) => {
        $m! {
            LexV2DialogActionType = $crate::schema::LEX_V2_DIALOG_ACTION_TYPE;
            LexV2StyleType = $crate::schema::LEX_V2_STYLE_TYPE;
            LexV2IntentState = $crate::schema::LEX_V2_INTENT_STATE;
            LexV2ConfirmationState = $crate::schema::LEX_V2_CONFIRMATION_STATE;
            LexV2SlotShape = $crate::schema::LEX_V2_SLOT_SHAPE;
            LexV2MessageContentType = $crate::schema::LEX_V2_MESSAGE_CONTENT_TYPE;
            LexV2InterpretationSource = $crate::schema::LEX_V2_INTERPRETATION_SOURCE;
            LexV2SentimentType = $crate::schema::LEX_V2_SENTIMENT_TYPE;
        }
    };
}

/// Every ranged integer with its [`Range`]: `$m! { Type = RANGE; … }`, for both features.
macro_rules! ranges {
    ($m:ident) => {
        $m! {
            LexV2ContextSeconds = $crate::schema::LEX_V2_CONTEXT_SECONDS;
            LexV2ContextTurns = $crate::schema::LEX_V2_CONTEXT_TURNS;
        }
    };
}

/// Every Lex V2 value type with the [`Body`] it is: `$m! { Type = BODY; … }`, for both
/// features. Unlike [`bodies`], each is its own definition and refers to the others by name
/// ([`Value::Ref`]).
macro_rules! models {
    ($m:ident) => {
        $m! {
            LexV2SessionState = $crate::schema::LEX_V2_SESSION_STATE;
            LexV2DialogAction = $crate::schema::LEX_V2_DIALOG_ACTION;
            LexV2ElicitSubSlot = $crate::schema::LEX_V2_ELICIT_SUB_SLOT;
            LexV2Intent = $crate::schema::LEX_V2_INTENT;
            LexV2Slot = $crate::schema::LEX_V2_SLOT;
            LexV2SlotValue = $crate::schema::LEX_V2_SLOT_VALUE;
            LexV2ActiveContext = $crate::schema::LEX_V2_ACTIVE_CONTEXT;
            LexV2TimeToLive = $crate::schema::LEX_V2_TIME_TO_LIVE;
            LexV2RuntimeHints = $crate::schema::LEX_V2_RUNTIME_HINTS;
            LexV2RuntimeHintDetails = $crate::schema::LEX_V2_RUNTIME_HINT_DETAILS;
            LexV2RuntimeHintValue = $crate::schema::LEX_V2_RUNTIME_HINT_VALUE;
            LexV2Message = $crate::schema::LEX_V2_MESSAGE;
            LexV2ImageResponseCard = $crate::schema::LEX_V2_IMAGE_RESPONSE_CARD;
            LexV2Button = $crate::schema::LEX_V2_BUTTON;
            LexV2Interpretation = $crate::schema::LEX_V2_INTERPRETATION;
            LexV2ConfidenceScore = $crate::schema::LEX_V2_CONFIDENCE_SCORE;
            LexV2SentimentResponse = $crate::schema::LEX_V2_SENTIMENT_RESPONSE;
            LexV2SentimentScore = $crate::schema::LEX_V2_SENTIMENT_SCORE;
            LexV2Session = $crate::schema::LEX_V2_SESSION;
            LexV2GetSessionResponse = $crate::schema::LEX_V2_GET_SESSION_SUCCESS;
            LexV2PutSessionRequest = $crate::schema::LEX_V2_PUT_SESSION_BODY;
        }
    };
}

#[cfg(feature = "utoipa")]
pub(crate) use body_requests;
pub(crate) use {bodies, models, open_sets, ranges, requests, texts};

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
    /// The definition of a type of [`texts`], [`open_sets`], [`ranges`] or [`models`], by its
    /// name: a `$ref` (a test checks every name is listed).
    Ref(&'static str),
    /// A JSON number, read as an `f64`.
    Number,
    /// A list of `min` to `max` entries (`max` none: no bound).
    List {
        item: &'static Value,
        min: usize,
        max: Option<usize>,
    },
    /// An object used as a map: each key a string of the `key` rule, each value a `value`, at
    /// most `max` entries.
    Map {
        key: &'static TextRule,
        value: &'static Value,
        max: Option<usize>,
    },
}

/// A string's rule: a text type's own schema, and a field's that holds one.
pub(crate) struct TextRule {
    /// The rule and its source.
    pub(crate) description: &'static str,
    /// The fewest characters (0: no `minLength`).
    pub(crate) min_chars: usize,
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
        min_chars: 0,
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
    min_chars: 0,
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
    min_chars: 0,
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

// ---------------------------------------------------------------------------------------------
// Lex V2 session values (botocore `lexv2-runtime/2020-08-07/service-2.json`)
// ---------------------------------------------------------------------------------------------

/// A Lex V2 string: 1 to `max` characters (none: no bound), its pattern where it has one.
const fn lex_v2_text(
    max: Option<usize>,
    pattern: Option<&'static str>,
    example: &'static str,
    description: &'static str,
) -> TextRule {
    TextRule {
        description,
        min_chars: 1,
        max_chars: max,
        pattern,
        example,
    }
}

/// [`LexV2NonEmptyString`](crate::LexV2NonEmptyString)'s rule, and that of the keys it is.
pub(crate) const LEX_V2_NON_EMPTY: TextRule = lex_v2_text(
    None,
    None,
    "OrderPizza",
    "The Lex V2 model's `NonEmptyString`: 1 or more characters (Unicode scalar values, as \
     `minLength` counts them), no other rule; names intents and slots, holds slot values and \
     attribute keys",
);

pub(crate) const LEX_V2_TEXT: TextRule = lex_v2_text(
    Some(crate::LexV2Text::MAX_CHARS),
    None,
    "Which size would you like?",
    "The Lex V2 model's `Text`, a message's content or a context attribute's value: 1-1024 \
     characters (Unicode scalar values, not bytes). The model marks it sensitive: keep it out \
     of logs (the crate's `Debug` shows its length alone). It is not `writeOnly`: GetSession \
     returns it",
);

pub(crate) const LEX_V2_ATTACHMENT_TITLE: TextRule = lex_v2_text(
    Some(crate::LexV2AttachmentTitle::MAX_CHARS),
    None,
    "Choose a size",
    "The Lex V2 model's `AttachmentTitle`, a response card's title or subtitle: 1-250 \
     characters (Unicode scalar values, not bytes)",
);

pub(crate) const LEX_V2_ATTACHMENT_URL: TextRule = lex_v2_text(
    Some(crate::LexV2AttachmentUrl::MAX_CHARS),
    None,
    "https://example.com/pizza.png",
    "The Lex V2 model's `AttachmentUrl`, a response card's image: 1-250 characters (Unicode \
     scalar values, not bytes); the model does not say it must be a URL",
);

pub(crate) const LEX_V2_BUTTON_TEXT: TextRule = lex_v2_text(
    Some(crate::LexV2ButtonText::MAX_CHARS),
    None,
    "Large",
    "The Lex V2 model's `ButtonText`, what a response card's button shows: 1-50 characters \
     (Unicode scalar values, not bytes)",
);

pub(crate) const LEX_V2_BUTTON_VALUE: TextRule = lex_v2_text(
    Some(crate::LexV2ButtonValue::MAX_CHARS),
    None,
    "large",
    "The Lex V2 model's `ButtonValue`, what a response card's button sends: 1-50 characters \
     (Unicode scalar values, not bytes)",
);

pub(crate) const LEX_V2_CONTEXT_NAME: TextRule = lex_v2_text(
    Some(crate::LexV2ActiveContextName::MAX_CHARS),
    // The model's pattern, as the validator reports it (a test checks the two agree).
    Some("^([A-Za-z0-9]_?)+$"),
    "order_confirmed",
    "The Lex V2 model's `ActiveContextName`: 1-100 characters, ASCII letters and digits, each \
     followed by at most one `_`",
);

pub(crate) const LEX_V2_PARAMETER_NAME: TextRule = lex_v2_text(
    Some(crate::LexV2ParameterName::MAX_CHARS),
    None,
    "size",
    "The Lex V2 model's `ParameterName`, a context attribute's name: 1-100 characters (Unicode \
     scalar values, not bytes)",
);

pub(crate) const LEX_V2_HINT_NAME: TextRule = lex_v2_text(
    Some(crate::LexV2RuntimeHintName::MAX_CHARS),
    // The model's pattern, as the validator reports it (a test checks the two agree).
    Some("^([0-9a-zA-Z][_-]?)+$"),
    "PizzaSize",
    "The Lex V2 model's `Name`, an intent's or slot's in runtime hints: 1-100 characters, \
     ASCII letters and digits, each followed by at most one `_` or `-`",
);

pub(crate) const LEX_V2_HINT_PHRASE: TextRule = lex_v2_text(
    Some(crate::LexV2RuntimeHintPhrase::MAX_CHARS),
    None,
    "extra large",
    "The Lex V2 model's `RuntimeHintPhrase`: 1-140 characters (Unicode scalar values, not \
     bytes)",
);

/// An open set of strings: the values the model lists, and any other string, which the crate
/// keeps as received (a value the service adds later never fails a read).
pub(crate) struct OpenSet {
    pub(crate) description: &'static str,
    /// The model's values, in its order (a test checks each is a known variant, and that
    /// there are as many as variants).
    pub(crate) known: &'static [&'static str],
}

pub(crate) const LEX_V2_DIALOG_ACTION_TYPE: OpenSet = OpenSet {
    description: "The Lex V2 model's `DialogActionType`, what the bot does next: one of the \
                  values it lists, or any other string (an open set: kept as received)",
    known: &[
        "Close",
        "ConfirmIntent",
        "Delegate",
        "ElicitIntent",
        "ElicitSlot",
        "None",
    ],
};

pub(crate) const LEX_V2_STYLE_TYPE: OpenSet = OpenSet {
    description: "The Lex V2 model's `StyleType`, how a slot's value is elicited: one of the \
                  values it lists, or any other string (an open set: kept as received)",
    known: &["Default", "SpellByLetter", "SpellByWord"],
};

pub(crate) const LEX_V2_INTENT_STATE: OpenSet = OpenSet {
    description: "The Lex V2 model's `IntentState`: one of the values it lists, or any other \
                  string (an open set: kept as received)",
    known: &[
        "Failed",
        "Fulfilled",
        "InProgress",
        "ReadyForFulfillment",
        "Waiting",
        "FulfillmentInProgress",
    ],
};

pub(crate) const LEX_V2_CONFIRMATION_STATE: OpenSet = OpenSet {
    description: "The Lex V2 model's `ConfirmationState`: one of the values it lists, or any \
                  other string (an open set: kept as received)",
    known: &["Confirmed", "Denied", "None"],
};

pub(crate) const LEX_V2_SLOT_SHAPE: OpenSet = OpenSet {
    description: "The Lex V2 model's `Shape`, a slot's: one of the values it lists, or any \
                  other string (an open set: kept as received)",
    known: &["Scalar", "List", "Composite"],
};

pub(crate) const LEX_V2_MESSAGE_CONTENT_TYPE: OpenSet = OpenSet {
    description: "The Lex V2 model's `MessageContentType`: one of the values it lists, or any \
                  other string (an open set: kept as received)",
    known: &["CustomPayload", "ImageResponseCard", "PlainText", "SSML"],
};

pub(crate) const LEX_V2_INTERPRETATION_SOURCE: OpenSet = OpenSet {
    description: "The Lex V2 model's `InterpretationSource`: one of the values it lists, or any \
                  other string (an open set: kept as received)",
    known: &["Bedrock", "Lex"],
};

pub(crate) const LEX_V2_SENTIMENT_TYPE: OpenSet = OpenSet {
    description: "The Lex V2 model's `SentimentType`: one of the values it lists, or any other \
                  string (an open set: kept as received)",
    known: &["MIXED", "NEGATIVE", "NEUTRAL", "POSITIVE"],
};

/// An integer from `min` to `max`, written without a fraction or exponent.
pub(crate) struct Range {
    pub(crate) description: &'static str,
    pub(crate) min: i64,
    pub(crate) max: i64,
    /// A value the docs show.
    pub(crate) example: i64,
}

pub(crate) const LEX_V2_CONTEXT_SECONDS: Range = Range {
    description: "The Lex V2 model's `ActiveContextTimeToLiveInSeconds`: how many seconds an \
                  active context lives, an integer from 5 to 86400",
    min: crate::LexV2ContextSeconds::MIN as i64,
    max: crate::LexV2ContextSeconds::MAX as i64,
    example: 600,
};

pub(crate) const LEX_V2_CONTEXT_TURNS: Range = Range {
    description: "The Lex V2 model's `ActiveContextTurnsToLive`: how many turns an active \
                  context lives, an integer from 1 to 20",
    min: crate::LexV2ContextTurns::MIN as i64,
    max: crate::LexV2ContextTurns::MAX as i64,
    example: 5,
};

/// A list of the type `$name`, at most `$max` entries.
macro_rules! list_of {
    ($name:literal, $max:expr) => {
        Value::List {
            item: &Value::Ref($name),
            min: 0,
            max: $max,
        }
    };
}

/// A map from `NonEmptyString` keys to any strings: session and request attributes.
const ATTRIBUTES: Value = Value::Map {
    key: &LEX_V2_NON_EMPTY,
    value: &Value::Text,
    max: None,
};

pub(crate) const LEX_V2_SESSION_STATE: Body = Body {
    name: "LexV2SessionState",
    description: "The Lex V2 model's `SessionState`, what PutSession sets and GetSession \
                  returns: the dialog action, the intent, at most 20 active contexts, session \
                  attributes, the originating request id and runtime hints, each optional",
    fields: &[
        field("dialogAction", Value::Ref("LexV2DialogAction"), false),
        field("intent", Value::Ref("LexV2Intent"), false),
        field(
            "activeContexts",
            list_of!("LexV2ActiveContext", Some(20)),
            false,
        ),
        field("sessionAttributes", ATTRIBUTES, false),
        field(
            "originatingRequestId",
            Value::Ref("LexV2NonEmptyString"),
            false,
        ),
        field("runtimeHints", Value::Ref("LexV2RuntimeHints"), false),
    ],
};

pub(crate) const LEX_V2_DIALOG_ACTION: Body = Body {
    name: "LexV2DialogAction",
    description: "The Lex V2 model's `DialogAction`, what the bot does next: its type \
                  (required), the slot to elicit, how, and the sub-slot to elicit",
    fields: &[
        needed("type", Value::Ref("LexV2DialogActionType")),
        field("slotToElicit", Value::Ref("LexV2NonEmptyString"), false),
        field("slotElicitationStyle", Value::Ref("LexV2StyleType"), false),
        field("subSlotToElicit", Value::Ref("LexV2ElicitSubSlot"), false),
    ],
};

pub(crate) const LEX_V2_ELICIT_SUB_SLOT: Body = Body {
    name: "LexV2ElicitSubSlot",
    description: "The Lex V2 model's `ElicitSubSlot`, recursive: a sub-slot's name \
                  (required) and the sub-slot within it to elicit",
    fields: &[
        needed("name", Value::Ref("LexV2NonEmptyString")),
        field("subSlotToElicit", Value::Ref("LexV2ElicitSubSlot"), false),
    ],
};

pub(crate) const LEX_V2_INTENT: Body = Body {
    name: "LexV2Intent",
    description: "The Lex V2 model's `Intent`: its name (required), its slots by name, its \
                  state and its confirmation state",
    fields: &[
        needed("name", Value::Ref("LexV2NonEmptyString")),
        field(
            "slots",
            Value::Map {
                key: &LEX_V2_NON_EMPTY,
                value: &Value::Ref("LexV2Slot"),
                max: None,
            },
            false,
        ),
        field("state", Value::Ref("LexV2IntentState"), false),
        field(
            "confirmationState",
            Value::Ref("LexV2ConfirmationState"),
            false,
        ),
    ],
};

pub(crate) const LEX_V2_SLOT: Body = Body {
    name: "LexV2Slot",
    description: "The Lex V2 model's `Slot`, recursive: its value, its shape, the values of a \
                  list slot and the sub-slots of a composite one, by name",
    fields: &[
        field("value", Value::Ref("LexV2SlotValue"), false),
        field("shape", Value::Ref("LexV2SlotShape"), false),
        field("values", list_of!("LexV2Slot", None), false),
        field(
            "subSlots",
            Value::Map {
                key: &LEX_V2_NON_EMPTY,
                value: &Value::Ref("LexV2Slot"),
                max: None,
            },
            false,
        ),
    ],
};

pub(crate) const LEX_V2_SLOT_VALUE: Body = Body {
    name: "LexV2SlotValue",
    description: "The Lex V2 model's `Value`, a slot's: the value Lex resolved (required), \
                  what the user said, and the values it could resolve to",
    fields: &[
        needed("interpretedValue", Value::Ref("LexV2NonEmptyString")),
        field("originalValue", Value::Ref("LexV2NonEmptyString"), false),
        field(
            "resolvedValues",
            list_of!("LexV2NonEmptyString", None),
            false,
        ),
    ],
};

pub(crate) const LEX_V2_ACTIVE_CONTEXT: Body = Body {
    name: "LexV2ActiveContext",
    description: "The Lex V2 model's `ActiveContext`: its name, how long it lives and at most \
                  10 attributes, all three required (the attributes may be `{}`)",
    fields: &[
        needed("name", Value::Ref("LexV2ActiveContextName")),
        needed("timeToLive", Value::Ref("LexV2TimeToLive")),
        needed(
            "contextAttributes",
            Value::Map {
                key: &LEX_V2_PARAMETER_NAME,
                value: &Value::Ref("LexV2Text"),
                max: Some(10),
            },
        ),
    ],
};

pub(crate) const LEX_V2_TIME_TO_LIVE: Body = Body {
    name: "LexV2TimeToLive",
    description: "The Lex V2 model's `ActiveContextTimeToLive`: seconds and turns, both \
                  required",
    fields: &[
        needed("timeToLiveInSeconds", Value::Ref("LexV2ContextSeconds")),
        needed("turnsToLive", Value::Ref("LexV2ContextTurns")),
    ],
};

/// The hints of the slots of one intent, by slot name.
const SLOT_HINTS: Value = Value::Map {
    key: &LEX_V2_HINT_NAME,
    value: &Value::Ref("LexV2RuntimeHintDetails"),
    max: None,
};

pub(crate) const LEX_V2_RUNTIME_HINTS: Body = Body {
    name: "LexV2RuntimeHints",
    description: "The Lex V2 model's `RuntimeHints`: phrases that help recognize slot values, \
                  by intent name and then by slot name",
    fields: &[field(
        "slotHints",
        Value::Map {
            key: &LEX_V2_HINT_NAME,
            value: &SLOT_HINTS,
            max: None,
        },
        false,
    )],
};

pub(crate) const LEX_V2_RUNTIME_HINT_DETAILS: Body = Body {
    name: "LexV2RuntimeHintDetails",
    description: "The Lex V2 model's `RuntimeHintDetails`, recursive: 1 to 100 phrases, and \
                  the hints of the sub-slots by name",
    fields: &[
        field(
            "runtimeHintValues",
            Value::List {
                item: &Value::Ref("LexV2RuntimeHintValue"),
                min: 1,
                max: Some(100),
            },
            false,
        ),
        field("subSlotHints", SLOT_HINTS, false),
    ],
};

pub(crate) const LEX_V2_RUNTIME_HINT_VALUE: Body = Body {
    name: "LexV2RuntimeHintValue",
    description: "The Lex V2 model's `RuntimeHintValue`: one phrase (required)",
    fields: &[needed("phrase", Value::Ref("LexV2RuntimeHintPhrase"))],
};

pub(crate) const LEX_V2_MESSAGE: Body = Body {
    name: "LexV2Message",
    description: "The Lex V2 model's `Message`: its content type (required), its content \
                  (sensitive) and a response card",
    fields: &[
        needed("contentType", Value::Ref("LexV2MessageContentType")),
        field("content", Value::Ref("LexV2Text"), false),
        field(
            "imageResponseCard",
            Value::Ref("LexV2ImageResponseCard"),
            false,
        ),
    ],
};

pub(crate) const LEX_V2_IMAGE_RESPONSE_CARD: Body = Body {
    name: "LexV2ImageResponseCard",
    description: "The Lex V2 model's `ImageResponseCard`: a title (required), a subtitle, an \
                  image URL and at most 5 buttons",
    fields: &[
        needed("title", Value::Ref("LexV2AttachmentTitle")),
        field("subtitle", Value::Ref("LexV2AttachmentTitle"), false),
        field("imageUrl", Value::Ref("LexV2AttachmentUrl"), false),
        field("buttons", list_of!("LexV2Button", Some(5)), false),
    ],
};

pub(crate) const LEX_V2_BUTTON: Body = Body {
    name: "LexV2Button",
    description: "The Lex V2 model's `Button`: what it shows and what it sends, both required",
    fields: &[
        needed("text", Value::Ref("LexV2ButtonText")),
        needed("value", Value::Ref("LexV2ButtonValue")),
    ],
};

pub(crate) const LEX_V2_INTERPRETATION: Body = Body {
    name: "LexV2Interpretation",
    description: "The Lex V2 model's `Interpretation`, one way Lex understood the user: its \
                  confidence, the sentiment, the intent and which model produced it",
    fields: &[
        field("nluConfidence", Value::Ref("LexV2ConfidenceScore"), false),
        field(
            "sentimentResponse",
            Value::Ref("LexV2SentimentResponse"),
            false,
        ),
        field("intent", Value::Ref("LexV2Intent"), false),
        field(
            "interpretationSource",
            Value::Ref("LexV2InterpretationSource"),
            false,
        ),
    ],
};

pub(crate) const LEX_V2_CONFIDENCE_SCORE: Body = Body {
    name: "LexV2ConfidenceScore",
    description: "The Lex V2 model's `ConfidenceScore`: a number, from 0 to 1 in practice (the \
                  model sets no range)",
    fields: &[field("score", Value::Number, false)],
};

pub(crate) const LEX_V2_SENTIMENT_RESPONSE: Body = Body {
    name: "LexV2SentimentResponse",
    description: "The Lex V2 model's `SentimentResponse`: the overall sentiment and the score \
                  of each",
    fields: &[
        field("sentiment", Value::Ref("LexV2SentimentType"), false),
        field("sentimentScore", Value::Ref("LexV2SentimentScore"), false),
    ],
};

pub(crate) const LEX_V2_SENTIMENT_SCORE: Body = Body {
    name: "LexV2SentimentScore",
    description: "The Lex V2 model's `SentimentScore`: a number for each sentiment",
    fields: &[
        field("positive", Value::Number, false),
        field("negative", Value::Number, false),
        field("neutral", Value::Number, false),
        field("mixed", Value::Number, false),
    ],
};

/// The members of GetSession's success body, the session.
const LEX_V2_SESSION_FIELDS: &[Field] = &[
    field("sessionId", Value::Ref("LexV2NonEmptyString"), false),
    field("messages", list_of!("LexV2Message", Some(10)), false),
    field(
        "interpretations",
        list_of!("LexV2Interpretation", Some(5)),
        false,
    ),
    field("sessionState", Value::Ref("LexV2SessionState"), false),
];

pub(crate) const LEX_V2_SESSION: Body = Body {
    name: "LexV2Session",
    description: "A Lex V2 session as GetSession returns it (the model's `GetSessionResponse` \
                  body): its id, at most 10 messages, at most 5 interpretations and the state, \
                  each optional",
    fields: LEX_V2_SESSION_FIELDS,
};

pub(crate) const LEX_V2_GET_SESSION_SUCCESS: Body = Body {
    name: "LexV2GetSessionResponse",
    description: "The Lex V2 runtime GetSession success body (HTTP 2xx): the session, as \
                  `LexV2Session` (an empty body reads as a session with nothing in it)",
    fields: LEX_V2_SESSION_FIELDS,
};

pub(crate) const LEX_V2_PUT_SESSION_BODY: Body = Body {
    name: "LexV2PutSessionRequest",
    description: "The JSON body of Lex V2 runtime PutSession, `POST /bots/{botId}/botAliases/\
                  {botAliasId}/botLocales/{localeId}/sessions/{sessionId}` (sent as \
                  `application/json`, at most 1 MiB): the session state (required), at most 10 \
                  messages and the request attributes. The path labels are the request's path \
                  parameters",
    fields: &[
        needed("sessionState", Value::Ref("LexV2SessionState")),
        field("messages", list_of!("LexV2Message", Some(10)), false),
        field("requestAttributes", ATTRIBUTES, false),
    ],
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

/// The least entries of a list or map field in `direction`, and the keyword that says it: the
/// renderer leaves an empty one out unless it always writes the field, so what it writes has
/// at least one (`minItems`, `minProperties`); the reader takes an empty one.
pub(crate) fn written_min(field: &Field, direction: Direction) -> Option<(&'static str, usize)> {
    if direction == Direction::Read || field.always {
        return None;
    }
    match field.value {
        Value::List { min, .. } => Some(("minItems", min.max(1))),
        Value::Map { .. } => Some(("minProperties", 1)),
        _ => None,
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

    /// Each Lex V2 pattern is the one the type's validator reports.
    #[test]
    fn the_lex_v2_patterns_are_the_validators() {
        let reported = |error| match error {
            Err(crate::TextError::Pattern { pattern, .. }) => Some(pattern),
            _ => None,
        };
        assert_eq!(
            LEX_V2_CONTEXT_NAME.pattern,
            reported(crate::LexV2ActiveContextName::new("_").map(drop))
        );
        assert_eq!(
            LEX_V2_HINT_NAME.pattern,
            reported(crate::LexV2RuntimeHintName::new("-").map(drop))
        );
    }

    /// Each open set lists exactly the enum's known values: each is its variant, and the
    /// exhaustive match fails to compile when the enum gains one the set lacks.
    #[test]
    fn the_open_sets_list_every_known_value() {
        use crate::{
            LexV2ConfirmationState as Confirmation, LexV2DialogActionType as Action,
            LexV2IntentState as IntentState, LexV2InterpretationSource as Source,
            LexV2MessageContentType as Content, LexV2SentimentType as Sentiment,
            LexV2SlotShape as Shape, LexV2StyleType as Style,
        };

        fn check<T: From<&'static str>>(
            set: &OpenSet,
            variants: usize,
            known: fn(&T) -> bool,
            text: fn(&T) -> &str,
        ) {
            assert_eq!(set.known.len(), variants, "{}", set.description);
            for &value in set.known {
                let parsed = T::from(value);
                assert!(known(&parsed) && text(&parsed) == value, "{value}");
            }
        }
        // The count of each enum's known variants: the `match` lists them all.
        macro_rules! count {
            ($ty:ident: $($variant:ident),+) => {{
                let count = |v: &$ty| match v {
                    $($ty::$variant => 0,)+
                    $ty::Unknown(_) => 1,
                };
                let _ = count;
                [$(stringify!($variant)),+].len()
            }};
        }
        check::<Action>(
            &LEX_V2_DIALOG_ACTION_TYPE,
            count!(Action: Close, ConfirmIntent, Delegate, ElicitIntent, ElicitSlot, None),
            Action::is_known,
            Action::as_str,
        );
        check::<Style>(
            &LEX_V2_STYLE_TYPE,
            count!(Style: Default, SpellByLetter, SpellByWord),
            Style::is_known,
            Style::as_str,
        );
        check::<IntentState>(
            &LEX_V2_INTENT_STATE,
            count!(IntentState: Failed, Fulfilled, InProgress, ReadyForFulfillment, Waiting,
                FulfillmentInProgress),
            IntentState::is_known,
            IntentState::as_str,
        );
        check::<Confirmation>(
            &LEX_V2_CONFIRMATION_STATE,
            count!(Confirmation: Confirmed, Denied, None),
            Confirmation::is_known,
            Confirmation::as_str,
        );
        check::<Shape>(
            &LEX_V2_SLOT_SHAPE,
            count!(Shape: Scalar, List, Composite),
            Shape::is_known,
            Shape::as_str,
        );
        check::<Content>(
            &LEX_V2_MESSAGE_CONTENT_TYPE,
            count!(Content: CustomPayload, ImageResponseCard, PlainText, Ssml),
            Content::is_known,
            Content::as_str,
        );
        check::<Source>(
            &LEX_V2_INTERPRETATION_SOURCE,
            count!(Source: Bedrock, Lex),
            Source::is_known,
            Source::as_str,
        );
        check::<Sentiment>(
            &LEX_V2_SENTIMENT_TYPE,
            count!(Sentiment: Mixed, Negative, Neutral, Positive),
            Sentiment::is_known,
            Sentiment::as_str,
        );
    }

    /// Every [`Value::Ref`] of every body names a listed type, so both features find it.
    #[test]
    fn every_reference_names_a_listed_type() {
        let mut listed: alloc::vec::Vec<&str> = alloc::vec::Vec::new();
        macro_rules! names {
            ($($ty:ident = $rule:expr;)+) => { $(listed.push(stringify!($ty));)+ };
        }
        texts!(names);
        open_sets!(names);
        ranges!(names);
        models!(names);
        fn check(value: &Value, listed: &[&str]) -> usize {
            match value {
                Value::Ref(name) => {
                    assert!(listed.contains(name), "{name}");
                    1
                }
                Value::List { item, .. } => check(item, listed),
                Value::Map { value, .. } => check(value, listed),
                _ => 0,
            }
        }
        let mut bodies: alloc::vec::Vec<(&str, &Body)> = alloc::vec::Vec::new();
        macro_rules! models_list {
            ($($ty:ident = $body:expr;)+) => { $(bodies.push((stringify!($ty), &$body));)+ };
        }
        models!(models_list);
        let mut refs = 0;
        for (name, body) in bodies {
            // The title is the type's name.
            assert_eq!(body.name, name);
            refs += body
                .fields
                .iter()
                .map(|f| check(&f.value, &listed))
                .sum::<usize>();
        }
        assert!(refs > 40, "{refs}");
    }

    /// PutSession's description gives the crate's bound on a body.
    #[test]
    fn the_put_session_bound_is_the_crates() {
        assert_eq!(crate::LEX_V2_MAX_JSON_LEN, 1 << 20);
        assert!(LEX_V2_PUT_SESSION_BODY
            .description
            .contains("at most 1 MiB"));
    }

    /// The biz user id's pattern bounds the length as its type does.
    #[test]
    fn the_biz_user_id_pattern_has_the_type_length() {
        let pattern = alloc::format!("^[!-~]{{0,{}}}$", crate::AilyBizUserId::MAX_CHARS);
        assert_eq!(BIZ_USER_ID.pattern, Some(pattern.as_str()));
    }
}
