//! The OpenAPI document utoipa builds for a small axum-style route table: each session route
//! documented in one line (`params(Request)`), each path parameter with its identifier's
//! anchored pattern and lengths, the same as the JSON Schema export's; the session objects,
//! texts and responses the same as the export's too. The Lex V2 GetSession and PutSession
//! routes: the session and PutSession's body as components whose members refer to the others
//! (recursive ones to themselves), every one of them in the document.
#![cfg(feature = "utoipa")]

mod common;

use botsession::{
    AilyBizUserId, AilyChannelContext, AilyCreateSessionRequest, AilyCreateSessionResponse,
    AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyGetSessionRequest,
    AilyGetSessionResponse, AilyMetadata, AilyServiceError, AilySession, AilyUpdateSessionRequest,
    AilyUpdateSessionResponse, IdKind, LexDeleteSessionRequest, LexDeleteSessionResponse,
    LexServiceError, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse, LexV2ServiceError,
};
use botsession::{LexV2GetSessionRequest, LexV2GetSessionResponse, LexV2PutSessionRequest};
use common::fixtures::lex_v2_request;
use serde_json::{json, Value};
use utoipa::OpenApi;

#[utoipa::path(delete, path = "/open-apis/aily/v1/sessions/{aily_session_id}", params(AilyDeleteSessionRequest),
    responses((status = 200, body = AilyDeleteSessionResponse), (status = 400, body = AilyServiceError)))]
#[allow(dead_code)]
async fn aily_delete_session() {}

#[utoipa::path(get, path = "/open-apis/aily/v1/sessions/{aily_session_id}", params(AilyGetSessionRequest),
    responses((status = 200, body = AilyGetSessionResponse), (status = 400, body = AilyServiceError)))]
#[allow(dead_code)]
async fn aily_get_session() {}

#[utoipa::path(put, path = "/open-apis/aily/v1/sessions/{aily_session_id}", params(AilyUpdateSessionRequest),
    responses((status = 200, body = AilyUpdateSessionResponse), (status = 400, body = AilyServiceError)))]
#[allow(dead_code)]
async fn aily_update_session() {}

#[utoipa::path(post, path = "/open-apis/aily/v1/sessions",
    responses((status = 200, body = AilyCreateSessionResponse), (status = 400, body = AilyServiceError)))]
#[allow(dead_code)]
async fn aily_create_session() {}

#[utoipa::path(delete, path = "/bot/{botName}/alias/{botAlias}/user/{userId}/session", params(LexDeleteSessionRequest),
    responses((status = 200, body = LexDeleteSessionResponse), (status = 404, body = LexServiceError)))]
#[allow(dead_code)]
async fn lex_delete_session() {}

#[utoipa::path(delete, path = "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}",
    params(LexV2DeleteSessionRequest),
    responses((status = 200, body = LexV2DeleteSessionResponse), (status = 404, body = LexV2ServiceError)))]
#[allow(dead_code)]
async fn lex_v2_delete_session() {}

#[utoipa::path(get, path = "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}",
    params(LexV2GetSessionRequest),
    responses((status = 200, body = LexV2GetSessionResponse), (status = 404, body = LexV2ServiceError)))]
#[allow(dead_code)]
async fn lex_v2_get_session() {}

#[utoipa::path(post, path = "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}",
    params(LexV2PutSessionRequest), request_body = LexV2PutSessionRequest,
    responses((status = 200), (status = 404, body = LexV2ServiceError)))]
#[allow(dead_code)]
async fn lex_v2_put_session() {}

#[derive(OpenApi)]
#[openapi(
    paths(
        aily_delete_session,
        aily_get_session,
        aily_update_session,
        aily_create_session,
        lex_delete_session,
        lex_v2_delete_session,
        lex_v2_get_session,
        lex_v2_put_session
    ),
    components(schemas(
        AilyDeleteSessionRequest,
        AilyGetSessionRequest,
        AilyCreateSessionRequest,
        AilyUpdateSessionRequest,
        AilySession,
        AilyChannelContext,
        AilyMetadata,
        AilyBizUserId,
        LexDeleteSessionRequest,
        LexV2DeleteSessionRequest,
        LexV2GetSessionRequest,
        // Map keys only, whose rule is inline in `propertyNames`: no reference brings them in.
        botsession::LexV2ParameterName,
        botsession::LexV2RuntimeHintName
    ))
)]
struct Api;

fn document() -> Value {
    serde_json::to_value(Api::openapi()).unwrap()
}

/// A path parameter: its name, the identifier it is, and the pattern its schema must carry.
type Param = (&'static str, IdKind, &'static str);

/// The Aily session id parameter.
const AILY_SESSION_ID: &[Param] = &[(
    "aily_session_id",
    IdKind::AilySessionId,
    "^session_[0-9a-hjkmnp-z]{1,24}$",
)];

/// The Lex V2 session path's parameters.
const LEX_V2_SESSION: &[Param] = &[
    ("botId", IdKind::LexV2BotId, "^[0-9A-Za-z]{10}$"),
    ("botAliasId", IdKind::LexV2BotAliasId, "^[0-9A-Za-z]{10}$"),
    ("localeId", IdKind::LexV2LocaleId, "^(?:[0-9A-Za-z]_?)+$"),
    (
        "sessionId",
        IdKind::LexV2SessionId,
        r"^(?!\.\.$)[0-9A-Za-z._:\-]{2,100}$",
    ),
];

/// The Lex V2 session path.
const LEX_V2_PATH: &str =
    "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}";

/// Each route (method and path) and its path parameters, in order.
const ROUTES: [(&str, &str, &[Param]); 8] = [
    (
        "delete",
        "/open-apis/aily/v1/sessions/{aily_session_id}",
        AILY_SESSION_ID,
    ),
    (
        "get",
        "/open-apis/aily/v1/sessions/{aily_session_id}",
        AILY_SESSION_ID,
    ),
    (
        "put",
        "/open-apis/aily/v1/sessions/{aily_session_id}",
        AILY_SESSION_ID,
    ),
    ("post", "/open-apis/aily/v1/sessions", &[]),
    (
        "delete",
        "/bot/{botName}/alias/{botAlias}/user/{userId}/session",
        &[
            ("botName", IdKind::LexBotName, "^(?:[A-Za-z]_?)+$"),
            (
                "botAlias",
                IdKind::LexBotAlias,
                r"^(?:\$LATEST|(?:[A-Za-z]_?)+)$",
            ),
            (
                "userId",
                IdKind::LexUserId,
                r"^(?!\.\.$)[0-9A-Za-z._:\-]{2,100}$",
            ),
        ],
    ),
    ("delete", LEX_V2_PATH, LEX_V2_SESSION),
    ("get", LEX_V2_PATH, LEX_V2_SESSION),
    ("post", LEX_V2_PATH, LEX_V2_SESSION),
];

#[test]
fn every_path_parameter_carries_its_pattern_and_lengths() {
    let doc = document();
    for (method, path, params) in ROUTES {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path}");
        // utoipa leaves `parameters` out where there are none.
        let none = Vec::new();
        let got = op
            .get("parameters")
            .map_or(&none, |p| p.as_array().unwrap());
        assert_eq!(got.len(), params.len(), "{path}");
        for (param, (name, kind, pattern)) in got.iter().zip(params) {
            let (min, max) = kind.len_bounds();
            assert_eq!(param["name"], *name, "{path}");
            assert_eq!(param["in"], "path", "{path} {name}");
            assert_eq!(param["required"], true, "{path} {name}");
            let schema = &param["schema"];
            assert_eq!(schema["type"], "string", "{path} {name}");
            assert_eq!(schema["pattern"], *pattern, "{path} {name}");
            assert_eq!(schema["minLength"], min, "{path} {name}");
            assert_eq!(schema["maxLength"], max, "{path} {name}");
            assert!(param["description"].as_str().is_some_and(|d| d.len() > 40));
        }
        for status in ["200", "400", "404"] {
            // PutSession's success has no JSON body: its session travels in headers.
            let response = op["responses"]
                .get(status)
                .filter(|r| r.get("content").is_some());
            if let Some(response) = response {
                let schema = &response["content"]["application/json"]["schema"];
                let reference = schema["$ref"].as_str().unwrap_or_default();
                let name = reference.strip_prefix("#/components/schemas/");
                let component = name.map(|n| &doc["components"]["schemas"][n]);
                assert!(
                    component.is_some_and(|c| c["type"] == "object"),
                    "{path} {status}: {schema} names no component"
                );
            }
        }
    }
}

/// The component schemas are the JSON Schema export's, field for field (utoipa writes the
/// same keywords from the same data).
#[cfg(feature = "schemars")]
#[test]
fn component_schemas_match_the_json_schema_export() {
    let doc = document();
    let components = doc["components"]["schemas"].as_object().unwrap();
    let generator = schemars::generate::SchemaSettings::draft2020_12().for_serialize();
    let mut generator = generator.into_generator();
    macro_rules! same {
        ($($ty:ident),+) => {$({
            generator.subschema_for::<botsession::$ty>();
            let exported = &generator.definitions()[stringify!($ty)];
            let openapi = &components[stringify!($ty)];
            for key in ["type", "pattern", "minLength", "maxLength", "description", "writeOnly", "examples"] {
                assert_eq!(openapi.get(key), exported.get(key), "{} {key}", stringify!($ty));
            }
        })+};
    }
    same!(
        AilySessionId,
        AilyChannelContext,
        AilyMetadata,
        AilyBizUserId,
        LexV2NonEmptyString,
        LexV2Text,
        LexV2AttachmentTitle,
        LexV2AttachmentUrl,
        LexV2ButtonText,
        LexV2ButtonValue,
        LexV2ActiveContextName,
        LexV2ParameterName,
        LexV2RuntimeHintName,
        LexV2RuntimeHintPhrase,
        LexBotName,
        LexBotAlias,
        LexUserId,
        LexV2BotId,
        LexV2BotAliasId,
        LexV2LocaleId,
        LexV2SessionId
    );
    // Bodies: the rendered form, as the schemars serialize contract has it.
    macro_rules! same_body {
        ($($ty:ident),+) => {$({
            generator.subschema_for::<$ty>();
            let exported = generator.definitions()[stringify!($ty)].clone();
            let openapi = serde_json::to_value(<$ty as utoipa::PartialSchema>::schema()).unwrap();
            assert_eq!(normalize(openapi), normalize(exported), "{}", stringify!($ty));
        })+};
    }
    same_body!(
        AilyDeleteSessionResponse,
        AilyCreateSessionResponse,
        AilyGetSessionResponse,
        AilyUpdateSessionResponse,
        AilySession,
        AilyServiceError,
        LexDeleteSessionResponse,
        LexServiceError,
        LexV2DeleteSessionResponse,
        LexV2ServiceError
    );
    // The Lex V2 values, enums and integers: whole, from the document (each a component the
    // routes bring in through their references).
    use botsession::*;
    macro_rules! same_component {
        ($($ty:ident),+) => {$({
            generator.subschema_for::<$ty>();
            let exported = generator.definitions()[stringify!($ty)].clone();
            let openapi = components
                .get(stringify!($ty))
                .unwrap_or_else(|| panic!("no component {}", stringify!($ty)))
                .clone();
            assert_eq!(normalize(openapi), normalize(exported), "{}", stringify!($ty));
        })+};
    }
    same_component!(
        LexV2SessionState,
        LexV2DialogAction,
        LexV2ElicitSubSlot,
        LexV2Intent,
        LexV2Slot,
        LexV2SlotValue,
        LexV2ActiveContext,
        LexV2TimeToLive,
        LexV2RuntimeHints,
        LexV2RuntimeHintDetails,
        LexV2RuntimeHintValue,
        LexV2Message,
        LexV2ImageResponseCard,
        LexV2Button,
        LexV2Interpretation,
        LexV2ConfidenceScore,
        LexV2SentimentResponse,
        LexV2SentimentScore,
        LexV2GetSessionResponse,
        LexV2PutSessionRequest,
        LexV2DialogActionType,
        LexV2StyleType,
        LexV2IntentState,
        LexV2ConfirmationState,
        LexV2SlotShape,
        LexV2MessageContentType,
        LexV2InterpretationSource,
        LexV2SentimentType,
        LexV2ContextSeconds,
        LexV2ContextTurns,
        LexV2Text
    );
}

/// A schema with the keys utoipa always writes for an object and schemars does not dropped, and
/// its references in JSON Schema's form (`#/$defs/…`, not `#/components/schemas/…`).
#[cfg(feature = "schemars")]
fn normalize(mut value: Value) -> Value {
    match &mut value {
        Value::Object(map) => {
            if map.get("required") == Some(&json!([])) {
                map.remove("required");
            }
            if let Some(Value::String(reference)) = map.get_mut("$ref") {
                if let Some(name) = reference.strip_prefix("#/components/schemas/") {
                    *reference = format!("#/$defs/{name}");
                }
            }
            for v in map.values_mut() {
                *v = normalize(v.take());
            }
        }
        Value::Array(items) => {
            for v in items {
                *v = normalize(v.take());
            }
        }
        _ => {}
    }
    value
}

/// The request object schemas name their fields as serde does, each a reference to the
/// identifier's component.
#[test]
fn request_components_reference_the_identifiers() {
    let doc = document();
    let schema = &doc["components"]["schemas"]["LexV2DeleteSessionRequest"];
    assert_eq!(
        schema["required"],
        json!(["botId", "botAliasId", "localeId", "sessionId"])
    );
    assert_eq!(
        schema["properties"]["localeId"]["$ref"],
        "#/components/schemas/LexV2LocaleId"
    );
    let request = lex_v2_request();
    let fields: Vec<String> = serde_json::to_value(&request)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut properties: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    properties.sort();
    let mut sorted = fields.clone();
    sorted.sort();
    assert_eq!(properties, sorted);
    assert!(doc["components"]["schemas"]["LexV2LocaleId"]["pattern"].is_string());
}

/// The session requests: get and update take the session id as their one path parameter; update
/// and create describe their other fields inline, each optional, with its rule (the lengths in
/// characters, the biz user id's pattern).
#[test]
fn session_request_components_describe_their_fields() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    for name in ["AilyGetSessionRequest", "AilyUpdateSessionRequest"] {
        assert_eq!(
            schemas[name]["required"],
            json!(["aily_session_id"]),
            "{name}"
        );
        assert_eq!(
            schemas[name]["properties"]["aily_session_id"]["$ref"],
            "#/components/schemas/AilySessionId",
            "{name}"
        );
    }
    let update = &schemas["AilyUpdateSessionRequest"]["properties"];
    let create = &schemas["AilyCreateSessionRequest"];
    assert!(create.get("required").is_none(), "{create}");
    for properties in [update, &create["properties"]] {
        for field in ["channel_context", "metadata"] {
            assert_eq!(properties[field]["type"], "string", "{field}");
            assert_eq!(properties[field]["maxLength"], 255, "{field}");
        }
    }
    let user = &create["properties"]["biz_user_id"];
    assert_eq!(user["pattern"], "^[!-~]{0,255}$");
    assert_eq!(
        user["examples"],
        json!(["ou_5ad573a6411d72b8305fda3a9c15c70e"])
    );
    assert_eq!(schemas["AilyBizUserId"], *user);
    let session = &schemas["AilySession"];
    assert_eq!(
        session["required"],
        json!(["id", "created_at", "modified_at"])
    );
    assert_eq!(session["additionalProperties"], false);
    assert_eq!(session["properties"]["created_at"]["type"], "string");
}

/// The envelope's `code` shows a real value in the OpenAPI document as well: a mock (Prism)
/// answers an error with 2700001, not a made-up -9007199254740991, and a success with 0.
#[test]
fn envelope_codes_show_a_real_example() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    let code = |name: &str| schemas[name]["properties"]["code"]["examples"].clone();
    assert_eq!(code("AilyServiceError"), json!([2700001]));
    for name in [
        "AilyDeleteSessionResponse",
        "AilyCreateSessionResponse",
        "AilyGetSessionResponse",
        "AilyUpdateSessionResponse",
    ] {
        assert_eq!(code(name), json!([0]), "{name}");
    }
}

/// Every reference in the document names a component: the Lex V2 values bring in every type
/// they refer to, their own included (recursion ends).
#[test]
fn every_reference_resolves() {
    fn refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    out.push(r);
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let doc = document();
    let mut found = Vec::new();
    refs(&doc, &mut found);
    let components = doc["components"]["schemas"].as_object().unwrap();
    for reference in &found {
        let name = reference.strip_prefix("#/components/schemas/").unwrap();
        assert!(components.contains_key(name), "{reference}");
    }
    assert!(found.contains(&"#/components/schemas/LexV2Slot"));
    // The session state's components, and PutSession's body as the request body.
    for name in [
        "LexV2SessionState",
        "LexV2RuntimeHintDetails",
        "LexV2ContextSeconds",
        "LexV2SentimentType",
    ] {
        assert!(components.contains_key(name), "{name}");
    }
    let put =
        &doc["paths"][LEX_V2_PATH]["post"]["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(put["$ref"], "#/components/schemas/LexV2PutSessionRequest");
    let get = &doc["paths"][LEX_V2_PATH]["get"]["responses"]["200"]["content"]["application/json"]
        ["schema"];
    assert_eq!(get["$ref"], "#/components/schemas/LexV2GetSessionResponse");
}
