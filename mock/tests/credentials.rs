//! Credentials as the services check them, over real HTTP: Feishu tokens issued by the token
//! endpoints and expired on the mock's clock, SigV4 on every Lex call, Aily's rate limits, and
//! the hostile tables (malformed `Authorization`, token bodies that are not JSON or too large,
//! a clock stepped backwards), each answered in the service's format and leaving the state as
//! it was. The crate's classifiers read every refusal as what it is.

mod common;

use std::sync::Arc;
use std::time::Duration;

use botsession::{
    AilyDeleteSessionResponse, AilyErrorKind, LexDeleteSessionResponse, LexV2DeleteSessionResponse,
    LexV2GetSessionResponse, ResponseError,
};
use botsession_mock::feishu::{AilyApp, APP_TOKEN_PATH, TENANT_TOKEN_PATH};
use botsession_mock::sigv4::{format_amz_date, sign, AwsKey, SignedRequest};
use botsession_mock::{
    builtin, Checks, Server, AILY_SESSION, CONTROL_PREFIX, LEX_SESSION, LEX_V2_SESSION,
};
use common::{run, Answer, Harness, AUTH, AUTHORIZATION};
use serde_json::{json, Value};

const APP: &str = "cli_a1b2c3d4e5f6a7b8";
const APP_SECRET: &str = "app-secret-0123456789";
const AKID: &str = "AKIAMOCKTEST0000001";
const AWS_SECRET: &str = "aws/secret+key/0123456789";

async fn start(checks: Checks) -> Harness {
    Harness::start_server(Arc::new(Server::new(builtin(), 1000).with_checks(checks))).await
}

fn all_checks() -> Checks {
    Checks {
        aily_apps: vec![AilyApp::new(APP, APP_SECRET)],
        aws_keys: vec![AwsKey::new(AKID, AWS_SECRET)],
        rate_limit: true,
    }
}

fn json_of(answer: &Answer) -> Value {
    serde_json::from_slice(&answer.body).expect("a JSON answer")
}

async fn control(h: &Harness, method: &str, route: &str, body: Value) -> Value {
    let body = if body.is_null() {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    let url = format!("{}{CONTROL_PREFIX}{route}", h.base);
    let answer = h.send_body(method, &url, &[], body).await;
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    json_of(&answer)
}

async fn post_token(h: &Harness, path: &str, body: &str) -> Answer {
    let url = format!("{}{path}", h.base);
    h.send_body("POST", &url, &[], body.as_bytes().to_vec())
        .await
}

async fn tenant_token(h: &Harness) -> String {
    let body = json!({"app_id": APP, "app_secret": APP_SECRET}).to_string();
    let answer = post_token(h, TENANT_TOKEN_PATH, &body).await;
    assert_eq!(answer.status, 200);
    let value = json_of(&answer);
    assert_eq!(value["code"], 0, "{value}");
    value["tenant_access_token"]
        .as_str()
        .expect("a token")
        .to_owned()
}

async fn aily_get(h: &Harness, token: &str) -> Answer {
    let url = format!(
        "{}/open-apis/aily/v1/sessions/{}",
        h.base,
        AILY_SESSION.as_str()
    );
    let bearer = format!("Bearer {token}");
    h.send("GET", &url, &[(AUTHORIZATION, &bearer)]).await
}

/// A Lex request signed with `key` at the mock's clock moved by `skew_ms`.
async fn signed(
    h: &Harness,
    method: &str,
    path: &str,
    body: &[u8],
    key: &AwsKey,
    skew_ms: i64,
) -> Answer {
    let host = h.addr.to_string();
    let amz_date = format_amz_date(h.server.now() + skew_ms);
    let mut headers: Vec<(&str, &str)> = vec![("Host", &host), ("X-Amz-Date", &amz_date)];
    let mut names = vec!["host", "x-amz-date"];
    if !body.is_empty() {
        headers.insert(0, ("Content-Type", "application/json"));
        names.insert(0, "content-type");
    }
    let pairs: Vec<(&str, &[u8])> = headers.iter().map(|(n, v)| (*n, v.as_bytes())).collect();
    let request = SignedRequest {
        method,
        target: path,
        headers: &pairs,
        body,
    };
    let authorization = sign(&request, key, &amz_date, "us-east-1", "lex", &names);
    headers.push(("Authorization", &authorization));
    let url = format!("{}{path}", h.base);
    h.send_body(method, &url, &headers, body.to_vec()).await
}

fn key() -> AwsKey {
    AwsKey::new(AKID, AWS_SECRET)
}

fn lex_error(answer: &Answer) -> (u16, String, String) {
    let code = answer
        .header("x-amzn-ErrorType")
        .unwrap_or_default()
        .to_owned();
    let message = json_of(answer)["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (answer.status, code, message)
}

#[test]
fn feishu_tokens_are_issued_checked_and_expire_on_the_mock_clock() {
    run(async {
        let h = start(all_checks()).await;
        // Any well-formed token the mock did not issue: 99991663, HTTP 400.
        let refused = aily_get(&h, "t-g1044qeGEDXTB6NDJOGV4JQX").await;
        assert_eq!(refused.status, 400);
        let err =
            AilyDeleteSessionResponse::from_http(400, &[("a", "b")], &refused.body).unwrap_err();
        let ResponseError::Service(e) = &err else {
            panic!("{err}")
        };
        assert_eq!(*e.kind(), AilyErrorKind::TenantTokenInvalid);
        assert!(err.needs_credentials_refresh());
        // No Authorization at all is still the mock's 99991661.
        let url = format!(
            "{}/open-apis/aily/v1/sessions/{}",
            h.base,
            AILY_SESSION.as_str()
        );
        let missing = h.send("GET", &url, &[]).await;
        assert_eq!(json_of(&missing)["code"], 99991661);

        let token = tenant_token(&h).await;
        assert!(token.starts_with("t-"));
        assert_eq!(aily_get(&h, &token).await.status, 200);
        // The app endpoint gives the same token while it has 30 minutes left.
        let body = json!({"app_id": APP, "app_secret": APP_SECRET}).to_string();
        let app = json_of(&post_token(&h, APP_TOKEN_PATH, &body).await);
        assert_eq!(app["app_access_token"], token.as_str());
        assert_eq!(app["tenant_access_token"], token.as_str());

        // Two hours on the mock's clock: the token has expired.
        control(&h, "POST", "/clock", json!({"step": 7_200_000})).await;
        let expired = aily_get(&h, &token).await;
        assert_eq!(
            (expired.status, json_of(&expired)["code"].clone()),
            (400, json!(99991663))
        );
        let fresh = tenant_token(&h).await;
        assert_ne!(fresh, token);
        assert_eq!(aily_get(&h, &fresh).await.status, 200);

        // The clock stepped back three hours: before the fresh token was issued. It stays
        // valid to its own end, and the expired one does not come back to life early.
        control(&h, "POST", "/clock", json!({"step": -10_800_000})).await;
        assert_eq!(aily_get(&h, &fresh).await.status, 200);
        assert_eq!(
            tenant_token(&h).await,
            fresh,
            "still the newest, with hours left"
        );

        // The journal names the app, never a secret or a token.
        let journal = control(&h, "GET", "/journal", Value::Null).await;
        let text = journal.to_string();
        for secret in [
            APP_SECRET,
            token.as_str(),
            fresh.as_str(),
            "g1044qeGEDXTB6NDJOGV4JQX",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        let requests = journal["requests"].as_array().expect("requests");
        let fetched: Vec<&Value> = requests
            .iter()
            .filter(|r| r["operation"] == "TenantAccessToken")
            .collect();
        assert_eq!(fetched.len(), 3);
        assert!(fetched
            .iter()
            .all(|r| r["credential"] == APP && r["status"] == 200));
        let gets: Vec<&Value> = requests
            .iter()
            .filter(|r| r["operation"] == "GetSession")
            .collect();
        let credentials: Vec<&Value> = gets.iter().map(|r| &r["credential"]).collect();
        assert_eq!(
            credentials,
            [
                &Value::Null,
                &Value::Null,
                &json!(APP),
                &Value::Null,
                &json!(APP),
                &json!(APP)
            ]
        );

        // A reset forgets the tokens: the fresh one is refused again.
        control(&h, "POST", "/reset", Value::Null).await;
        assert_eq!(aily_get(&h, &fresh).await.status, 400);
        h.stop().await;
    });
}

#[test]
fn token_endpoints_refuse_what_feishu_refuses_and_keep_their_state() {
    run(async {
        let h = start(all_checks()).await;
        let token = tenant_token(&h).await;
        let invalid = json!({"code": 10003, "data": {}, "msg": "invalid param"});
        for (body, want) in [
            (
                json!({"app_id": APP, "app_secret": "wrong"}).to_string(),
                json!({"code": 10014, "msg": "app secret invalid"}),
            ),
            (
                json!({"app_id": "cli_unknown", "app_secret": APP_SECRET}).to_string(),
                invalid.clone(),
            ),
            ("not json".to_owned(), invalid.clone()),
            ("".to_owned(), invalid.clone()),
            (json!({"app_id": APP}).to_string(), invalid.clone()),
            (
                format!(
                    "{{\"app_id\":\"{APP}\",\"app_secret\":\"{}\"",
                    "x".repeat(1000)
                ),
                invalid.clone(),
            ),
        ] {
            let answer = post_token(&h, TENANT_TOKEN_PATH, &body).await;
            assert_eq!(answer.status, 200, "{body:.60}");
            assert_eq!(json_of(&answer), want, "{body:.60}");
            assert!(answer
                .header("X-Tt-Logid")
                .is_some_and(|id| id.starts_with("mock-")));
        }
        // Up to the largest Aily body, read; past it, Aily's 413, in its format.
        let at_limit = format!("{APP:<width$}", width = botsession::AILY_MAX_BODY_LEN);
        let read = post_token(&h, TENANT_TOKEN_PATH, &at_limit).await;
        assert_eq!((read.status, json_of(&read)), (200, invalid.clone()));
        let huge = format!("{at_limit} ");
        let too_large = post_token(&h, TENANT_TOKEN_PATH, &huge).await;
        assert_eq!(too_large.status, 413);
        assert_eq!(json_of(&too_large)["code"], 2700001);
        // A GET is not a token request: the mock's answer for a path it does not serve.
        let get = h
            .send("GET", &format!("{}{TENANT_TOKEN_PATH}", h.base), &[])
            .await;
        assert_eq!(get.status, 404);
        // The token issued before is still the one given, and still works.
        assert_eq!(tenant_token(&h).await, token);
        assert_eq!(aily_get(&h, &token).await.status, 200);
        let journal = control(&h, "GET", "/journal", Value::Null).await;
        let credentials: Vec<&Value> = journal["requests"]
            .as_array()
            .expect("requests")
            .iter()
            .filter(|r| r["operation"] == "TenantAccessToken")
            .map(|r| &r["credential"])
            .collect();
        // Only the calls that got a token name the app.
        assert_eq!(credentials.iter().filter(|c| **c == APP).count(), 2);
        assert!(!journal.to_string().contains("wrong"));
        h.stop().await;
    });
}

#[test]
fn without_apps_any_token_is_taken_and_no_token_endpoint_is_served() {
    run(async {
        let h = start(Checks::default()).await;
        assert_eq!(aily_get(&h, "t-anything").await.status, 200);
        let body = json!({"app_id": APP, "app_secret": APP_SECRET}).to_string();
        let answer = post_token(&h, TENANT_TOKEN_PATH, &body).await;
        assert_eq!(answer.status, 404);
        assert_ne!(json_of(&answer)["code"], 0);
        h.stop().await;
    });
}

#[test]
fn aily_rate_limits_hold_on_the_mock_clock() {
    run(async {
        let h = start(Checks {
            rate_limit: true,
            ..Checks::default()
        })
        .await;
        // Stopped a quarter second into a second, so 51 calls land in it.
        let now = h.server.now();
        let at = now - now.rem_euclid(1000) + 250;
        control(&h, "POST", "/clock", json!({"set": at})).await;
        for i in 0..50 {
            assert_eq!(aily_get(&h, "t-one").await.status, 200, "call {i}");
        }
        let limited = aily_get(&h, "t-one").await;
        assert_eq!(limited.status, 429);
        assert_eq!(limited.header("x-ogw-ratelimit-limit"), Some("50"));
        assert_eq!(limited.header("x-ogw-ratelimit-reset"), Some("1"));
        let headers: Vec<(String, String)> = limited
            .headers
            .iter()
            .map(|(n, v)| (n.clone(), String::from_utf8_lossy(v).into_owned()))
            .collect();
        let err = AilyDeleteSessionResponse::from_http(429, &headers, &limited.body).unwrap_err();
        assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
        assert!(err.is_throttling());
        // Another token (without apps, each token counts for itself), and another operation.
        assert_eq!(aily_get(&h, "t-two").await.status, 200);
        let url = format!("{}/open-apis/aily/v1/sessions/session_zz", h.base);
        let delete = h
            .send("DELETE", &url, &[(AUTHORIZATION, "Bearer t-one")])
            .await;
        assert_eq!(delete.status, 400, "not found, not limited");
        // The next second is free.
        control(&h, "POST", "/clock", json!({"step": 750})).await;
        assert_eq!(aily_get(&h, "t-one").await.status, 200);
        // Back a minute: its windows start again, and the state answers as before.
        control(&h, "POST", "/clock", json!({"step": -60_000})).await;
        assert_eq!(aily_get(&h, "t-one").await.status, 200);
        h.stop().await;
    });
}

#[test]
fn signed_lex_calls_succeed_with_colons_in_their_ids() {
    run(async {
        let h = start(all_checks()).await;
        let v2 = LEX_V2_SESSION.path();
        let put = signed(&h, "POST", &v2, br#"{"sessionState":{}}"#, &key(), 0).await;
        assert_eq!(put.status, 200, "{}", String::from_utf8_lossy(&put.body));
        let got = signed(&h, "GET", &v2, b"", &key(), 0).await;
        assert!(LexV2GetSessionResponse::from_http(got.status, &[("a", "b")], &got.body).is_ok());
        assert!(v2.contains("%3A"), "{v2}");
        let deleted = signed(&h, "DELETE", &v2, b"", &key(), 0).await;
        assert_eq!(deleted.status, 200);
        let v1 = signed(&h, "DELETE", &LEX_SESSION.path(), b"", &key(), 0).await;
        assert_eq!(v1.status, 200, "{}", String::from_utf8_lossy(&v1.body));
        // Within the window, either way.
        let skewed = signed(&h, "GET", &v2, b"", &key(), 299_000).await;
        assert_eq!(skewed.status, 404);
        let journal = control(&h, "GET", "/journal", Value::Null).await;
        let requests = journal["requests"].as_array().expect("requests");
        assert!(
            requests.iter().all(|r| r["credential"] == AKID),
            "{journal}"
        );
        assert!(!journal.to_string().contains(AWS_SECRET));
        h.stop().await;
    });
}

#[test]
fn lex_refusals_are_aws_answers_the_crate_classifies() {
    run(async {
        let h = start(all_checks()).await;
        let v2 = LEX_V2_SESSION.path();

        let wrong = signed(&h, "GET", &v2, b"", &AwsKey::new(AKID, "wrong"), 0).await;
        let (status, code, message) = lex_error(&wrong);
        assert_eq!((status, code.as_str()), (403, "InvalidSignatureException"));
        assert!(message.starts_with("The request signature we calculated does not match"));

        let unknown = signed(
            &h,
            "GET",
            &v2,
            b"",
            &AwsKey::new("AKIAUNKNOWN000000001", "s"),
            0,
        )
        .await;
        assert_eq!(lex_error(&unknown).1, "UnrecognizedClientException");
        let err =
            LexV2DeleteSessionResponse::from_http(403, &header_pairs(&unknown), &unknown.body)
                .unwrap_err();
        assert!(
            err.needs_credentials_refresh() && !err.is_retryable(),
            "{err}"
        );

        let late = signed(&h, "DELETE", &v2, b"", &key(), -600_000).await;
        let (status, code, message) = lex_error(&late);
        assert_eq!((status, code.as_str()), (403, "InvalidSignatureException"));
        assert!(message.starts_with("Signature expired: "), "{message}");
        assert!(message.ends_with(" - 5 min.)"), "{message}");
        let err = LexV2DeleteSessionResponse::from_http(403, &header_pairs(&late), &late.body)
            .unwrap_err();
        assert!(err.is_clock_skew(), "{err}");

        let early = signed(&h, "DELETE", &LEX_SESSION.path(), b"", &key(), 600_000).await;
        let (_, code, message) = lex_error(&early);
        assert_eq!(code, "InvalidSignatureException");
        assert!(
            message.starts_with("Signature not yet current: "),
            "{message}"
        );
        let err = LexDeleteSessionResponse::from_http(403, &header_pairs(&early), &early.body)
            .unwrap_err();
        assert!(err.is_clock_skew(), "{err}");

        // The mock's clock stepped 10 minutes: a request signed now is now late.
        control(&h, "POST", "/clock", json!({"step": 600_000})).await;
        let stepped = signed(&h, "GET", &v2, b"", &key(), -600_000).await;
        assert!(lex_error(&stepped).2.starts_with("Signature expired: "));

        // Nothing refused touched a session: both are still there.
        control(&h, "POST", "/clock", json!({"step": -600_000})).await;
        let v2_delete = signed(&h, "DELETE", &v2, b"", &key(), 0).await;
        assert_eq!(v2_delete.status, 200);
        let v1_delete = signed(&h, "DELETE", &LEX_SESSION.path(), b"", &key(), 0).await;
        assert_eq!(v1_delete.status, 200);
        let journal = control(&h, "GET", "/journal", Value::Null).await;
        let refused: Vec<&Value> = journal["requests"]
            .as_array()
            .expect("requests")
            .iter()
            .filter(|r| r["status"] == 403)
            .collect();
        assert_eq!(refused.len(), 5);
        assert_eq!(refused[1]["credential"], "AKIAUNKNOWN000000001");
        h.stop().await;
    });
}

fn header_pairs(answer: &Answer) -> Vec<(String, String)> {
    answer
        .headers
        .iter()
        .map(|(n, v)| (n.clone(), String::from_utf8_lossy(v).into_owned()))
        .collect()
}

#[test]
fn malformed_authorization_headers_get_precise_refusals() {
    run(async {
        let h = start(all_checks()).await;
        let url = format!("{}{}", h.base, LEX_V2_SESSION.path());
        let host = h.addr.to_string();
        let date = format_amz_date(h.server.now());
        let day = &date[..8];
        let scope = format!("{day}/us-east-1/lex/aws4_request");
        let sig = "0".repeat(64);
        let long = "A".repeat(10_000);
        let cases: Vec<(String, &str, &str)> = vec![
            ("AWS4-HMAC-SHA256".into(), "IncompleteSignatureException", "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders=host;x-amz-date"), "IncompleteSignatureException", "Authorization header requires 'Signature' parameter."),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, Credential={AKID}/{scope}, SignedHeaders=host, Signature={sig}"), "IncompleteSignatureException", "Authorization header has a component more than once."),
            (format!("AWS4-HMAC-SHA1 Credential={AKID}/{scope}, SignedHeaders=host, Signature={sig}"), "IncompleteSignatureException", "Authorization header requires the algorithm 'AWS4-HMAC-SHA256'."),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{day}/us-east-1/lex, SignedHeaders=host, Signature={sig}"), "IncompleteSignatureException", "Credential must have exactly 5"),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope} SignedHeaders=host, Signature={sig}"), "IncompleteSignatureException", "Authorization header requires 'SignedHeaders' parameter."),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, Region=us-east-1, SignedHeaders=host, Signature={sig}"), "IncompleteSignatureException", "Authorization header has a component other than"),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders, Signature={sig}"), "IncompleteSignatureException", "Authorization header requires each component to be Key=Value"),
            (format!("AWS4-HMAC-SHA256 Credential={long}/{scope}, SignedHeaders=host, Signature={sig}"), "UnrecognizedClientException", "The security token included in the request is invalid."),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders=host;x-amz-date, Signature={long}"), "InvalidSignatureException", "The request signature we calculated does not match"),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders={}, Signature={sig}", "a;".repeat(5000)), "IncompleteSignatureException", "SignedHeaders lists more headers"),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders=host;;x-amz-date, Signature={sig}"), "IncompleteSignatureException", "SignedHeaders has an empty header name."),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/20000101/us-east-1/lex/aws4_request, SignedHeaders=host;x-amz-date, Signature={sig}"), "InvalidSignatureException", "Date in Credential scope does not match"),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{day}/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature={sig}"), "InvalidSignatureException", "Credential should be scoped to correct service: 'lex'."),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{day}/US EAST/lex/aws4_request, SignedHeaders=host;x-amz-date, Signature={sig}"), "InvalidSignatureException", "Credential should be scoped to a valid region."),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{day}/us-east-1/lex/aws5_request, SignedHeaders=host;x-amz-date, Signature={sig}"), "InvalidSignatureException", "Credential should be scoped with a valid terminator"),
            (format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders=x-amz-date, Signature={sig}"), "InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader'"),
        ];
        for (authorization, code, says) in &cases {
            let headers = [
                ("Host", host.as_str()),
                ("X-Amz-Date", date.as_str()),
                ("Authorization", authorization.as_str()),
            ];
            let answer = h.send("GET", &url, &headers).await;
            let (status, got, message) = lex_error(&answer);
            assert_eq!(
                (status, got.as_str()),
                (403, *code),
                "{authorization:.80}: {message}"
            );
            assert!(message.starts_with(says), "{authorization:.80}: {message}");
            assert!(
                answer.body.len() < 512,
                "bounded: {} bytes",
                answer.body.len()
            );
            assert!(!message.contains(&sig) && !message.contains("AAAAAAAAAA"));
        }
        // No Authorization; two; no date; a date that is not one.
        let auth = format!("AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders=host;x-amz-date, Signature={sig}");
        for (headers, code, says) in [
            (vec![("Host", host.as_str())], "MissingAuthenticationTokenException", "Missing Authentication Token"),
            (vec![("Host", host.as_str()), ("Authorization", auth.as_str()), ("Authorization", auth.as_str())], "IncompleteSignatureException", "Authorization header is given more than once."),
            (vec![("Host", host.as_str()), ("Authorization", auth.as_str())], "IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."),
            (vec![("Host", host.as_str()), ("X-Amz-Date", "20261340T000000Z"), ("Authorization", auth.as_str())], "IncompleteSignatureException", "X-Amz-Date must be in the ISO-8601 basic format"),
        ] {
            let answer = h.send("GET", &url, &headers).await;
            let (status, got, message) = lex_error(&answer);
            assert_eq!((status, got.as_str(), message.as_str()).1, code, "{message}");
            assert_eq!(status, 403);
            assert!(message.starts_with(says), "{message}");
        }
        // The session is untouched, and each refusal journalled once with its key, if any.
        let deleted = signed(&h, "DELETE", &LEX_V2_SESSION.path(), b"", &key(), 0).await;
        assert_eq!(deleted.status, 200);
        let journal = control(&h, "GET", "/journal", Value::Null).await;
        let requests = journal["requests"].as_array().expect("requests");
        assert_eq!(requests.len(), cases.len() + 5);
        assert_eq!(requests[8]["credential"], Value::Null, "10 KB is no key id");
        assert_eq!(requests[0]["credential"], Value::Null);
        assert_eq!(requests[1]["credential"], AKID);
        h.stop().await;
    });
}

#[test]
fn the_clock_is_read_set_stepped_and_refuses_what_it_cannot_read() {
    run(async {
        let h = start(Checks::default()).await;
        let clock = control(&h, "GET", "/clock", Value::Null).await;
        assert_eq!(clock["running"], true);
        let set = control(&h, "POST", "/clock", json!({"set": 1_711_975_665_710_i64})).await;
        assert_eq!(
            set,
            json!({"now": 1_711_975_665_710_i64, "amzDate": "20240401T124745Z", "running": false, "offsetMs": set["offsetMs"].clone()})
        );
        // The sessions' timestamps follow it.
        let url = format!("{}/open-apis/aily/v1/sessions", h.base);
        let json_type = ("Content-Type", "application/json; charset=utf-8");
        let created = h
            .send_body(
                "POST",
                &url,
                &[(AUTHORIZATION, AUTH), json_type],
                b"{}".to_vec(),
            )
            .await;
        assert_eq!(
            json_of(&created)["data"]["session"]["created_at"],
            "1711975665710"
        );
        let stepped = control(&h, "POST", "/clock", json!({"step": -1000})).await;
        assert_eq!(stepped["now"], 1_711_975_664_710_i64);
        for body in [
            json!({"step": -1_711_975_664_711_i64}),
            json!({"set": -1}),
            json!({"nope": 1}),
        ] {
            let answer = h
                .send_body(
                    "POST",
                    &format!("{}{CONTROL_PREFIX}/clock", h.base),
                    &[],
                    body.to_string().into_bytes(),
                )
                .await;
            assert_eq!(answer.status, 400, "{body}");
            assert!(json_of(&answer)["error"].is_string());
        }
        assert_eq!(
            control(&h, "GET", "/clock", Value::Null).await["now"],
            1_711_975_664_710_i64
        );
        let running = control(&h, "POST", "/clock", json!({"run": true})).await;
        assert_eq!(running["running"], true);
        control(&h, "POST", "/reset", Value::Null).await;
        let reset = control(&h, "GET", "/clock", Value::Null).await;
        assert_eq!(reset["running"], true);
        assert!(
            reset["offsetMs"].as_i64().is_some_and(|o| o.abs() < 1000),
            "{reset}"
        );
        h.stop().await;
    });
}
