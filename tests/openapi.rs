//! The OpenAPI document utoipa builds for a small axum-style route table: each delete-session
//! route documented in one line (`params(Request)`), each path parameter with its identifier's
//! anchored pattern and lengths, the same as the JSON Schema export's.
#![cfg(feature = "utoipa")]

mod common;

use botsession::{
    AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyServiceError, IdKind,
    LexDeleteSessionRequest, LexDeleteSessionResponse, LexServiceError, LexV2DeleteSessionRequest,
    LexV2DeleteSessionResponse, LexV2ServiceError,
};
use common::fixtures::lex_v2_request;
use serde_json::{json, Value};
use utoipa::OpenApi;

#[utoipa::path(delete, path = "/open-apis/aily/v1/sessions/{aily_session_id}", params(AilyDeleteSessionRequest),
    responses((status = 200, body = AilyDeleteSessionResponse), (status = 400, body = AilyServiceError)))]
#[allow(dead_code)]
async fn aily_delete_session() {}

#[utoipa::path(delete, path = "/bot/{botName}/alias/{botAlias}/user/{userId}/session", params(LexDeleteSessionRequest),
    responses((status = 200, body = LexDeleteSessionResponse), (status = 404, body = LexServiceError)))]
#[allow(dead_code)]
async fn lex_delete_session() {}

#[utoipa::path(delete, path = "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}",
    params(LexV2DeleteSessionRequest),
    responses((status = 200, body = LexV2DeleteSessionResponse), (status = 404, body = LexV2ServiceError)))]
#[allow(dead_code)]
async fn lex_v2_delete_session() {}

#[derive(OpenApi)]
#[openapi(
    paths(aily_delete_session, lex_delete_session, lex_v2_delete_session),
    components(schemas(
        AilyDeleteSessionRequest,
        LexDeleteSessionRequest,
        LexV2DeleteSessionRequest
    ))
)]
struct Api;

fn document() -> Value {
    serde_json::to_value(Api::openapi()).unwrap()
}

/// A path parameter: its name, the identifier it is, and the pattern its schema must carry.
type Param = (&'static str, IdKind, &'static str);

/// Each route's path parameters, in order.
const ROUTES: [(&str, &[Param]); 3] = [
    (
        "/open-apis/aily/v1/sessions/{aily_session_id}",
        &[(
            "aily_session_id",
            IdKind::AilySessionId,
            "^session_[0-9a-hjkmnp-z]{1,24}$",
        )],
    ),
    (
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
    (
        "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}",
        &[
            ("botId", IdKind::LexV2BotId, "^[0-9A-Za-z]{10}$"),
            ("botAliasId", IdKind::LexV2BotAliasId, "^[0-9A-Za-z]{10}$"),
            ("localeId", IdKind::LexV2LocaleId, "^(?:[0-9A-Za-z]_?)+$"),
            (
                "sessionId",
                IdKind::LexV2SessionId,
                r"^(?!\.\.$)[0-9A-Za-z._:\-]{2,100}$",
            ),
        ],
    ),
];

#[test]
fn every_path_parameter_carries_its_pattern_and_lengths() {
    let doc = document();
    for (path, params) in ROUTES {
        let op = &doc["paths"][path]["delete"];
        let got = op["parameters"]
            .as_array()
            .unwrap_or_else(|| panic!("{path}: {op}"));
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
            if let Some(response) = op["responses"].get(status) {
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
        AilyServiceError,
        LexDeleteSessionResponse,
        LexServiceError,
        LexV2DeleteSessionResponse,
        LexV2ServiceError
    );
}

/// A schema with the keys utoipa always writes for an object and schemars does not dropped.
#[cfg(feature = "schemars")]
fn normalize(mut value: Value) -> Value {
    match &mut value {
        Value::Object(map) => {
            if map.get("required") == Some(&json!([])) {
                map.remove("required");
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
