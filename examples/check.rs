//! The main job: an edge gateway's view of sample traffic. Each line is echoed (tokens
//! redacted), then its verdict: the typed value or the precise rejection; for a request line,
//! the upstream request the gateway would render and the response the service would send; for
//! a response line, the classified response. A line in no input format makes the exit code 1.
//!
//! ```text
//! cargo run --example check              # the built-in sample
//! cargo run --example check -- FILE      # the same line formats, from FILE
//! cargo run --example check -- --help    # the line formats
//! ```
//!
//! Line formats (blank lines and `#` comments are skipped):
//!
//! - `<kind> <value>`: one identifier. Kinds: `aily-session`, `aily-message`, `aily-run`,
//!   `aily-token`, `aily-authorization`, `lex-user`, `lex-bot-name`, `lex-bot-alias`,
//!   `lex-region`, `lex-v2-bot-id`, `lex-v2-bot-alias-id`, `lex-v2-locale`, `lex-v2-session`.
//!   The value is the rest of the line, so an `Authorization` value keeps its space.
//! - `request <METHOD> <path> [<Authorization value>]`: an incoming request line, routed to the
//!   Aily, the Lex V1 or the Lex V2 operation.
//! - `request-json <METHOD> <path> <body>`: an incoming request with a JSON body (Aily create
//!   and update, Lex V2 PutSession), sent with a sample token and `Content-Type:
//!   application/json; charset=utf-8`.
//! - `response <aily|aily-session|lex|lex-v2|lex-v2-session> <status> <headers> <body>`: a
//!   service response (`aily` and `lex-v2` read as delete's, `aily-session` and
//!   `lex-v2-session` as get's, which carry a session); `<headers>` is `-` or `name:value`
//!   pairs joined by `;`, the body is the rest of the line.
//!
//! Secrets are never printed: a token shows only its redacted `Debug`.

use std::fmt::{Debug, Display};
use std::process::ExitCode;
use std::str::FromStr;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyCreateSessionRequest, AilyDeleteSessionRequest,
    AilyDeleteSessionResponse, AilyGetSessionRequest, AilyGetSessionResponse, AilyHost,
    AilyMessageId, AilyRunId, AilySessionId, AilyUpdateSessionRequest, IdError, LexBotAlias,
    LexBotName, LexDeleteSessionRequest, LexDeleteSessionResponse, LexRegion, LexUserId,
    LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse,
    LexV2GetSessionRequest, LexV2GetSessionResponse, LexV2LocaleId, LexV2PutSessionRequest,
    LexV2SessionId, MockClock, MockService, Operation, ResponseError, ServiceError, WireResponse,
};

const SAMPLE: &str = r#"
# Identifiers as they arrive at an edge
aily-session session_4dfunz7sp1g8m
aily-session session_4dfunz7sp1g8m4dfunz7sp1g
aily-session session_4dfunz7sp1g8m4dfunz7sp1gx
aily-session session_4dfunz7sp1g8i
aily-session Session_4dfunz7sp1g8m
aily-session session_
aily-session session_../../admin
aily-message message_4dfunz7sp1g8m
aily-run run_4dfunz7sp1g8m
aily-run run_4dfunz7sp1g8mo
aily-authorization Bearer u-7f1bcd13fc57d46bac21793a18e560
aily-authorization bearer t-g1044qeGEDXTB6NDJOGV4JQX
aily-authorization Bearer  u-7f1bcd13fc57d46bac21793a18e560
aily-authorization Basic dXNlcjpwYXNz
aily-authorization Bearer u-7f1bcd13fc57d46bac2179"3a18e560
aily-token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl
aily-token t-abc=def
lex-user user:42.eu-west-1
lex-user a
lex-user ..
lex-user user 42
lex-user usér
lex-bot-name OrderFlowers
lex-bot-name Order__Flowers
lex-bot-alias $LATEST
lex-bot-alias $latest
lex-bot-alias prod_v2
lex-region eu-west-1
lex-region eu-west-1.attacker.example
lex-v2-bot-id ABCDE12345
lex-v2-bot-id ABCDE1234
lex-v2-bot-id ABCDE-1234
lex-v2-bot-alias-id TSTALIASID
lex-v2-bot-alias-id ../../../x
lex-v2-locale en_US
lex-v2-locale es_419
lex-v2-locale en-US
lex-v2-locale en/US
lex-v2-locale _en_US
lex-v2-locale en__US
lex-v2-session user:42
lex-v2-session ..
lex-v2-session a
lex-v2-session user 42

# Incoming request lines
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m?trace=1 bearer t-g1044qeGEDXTB6NDJOGV4JQX
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m Basic dXNlcjpwYXNz
request GET /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /open-apis/aily/v1/sessions/session_%2e%2e%2Fadmin Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session
request DELETE /bot/OrderFlowers/alias/$LATEST/user/user:42/session
request DELETE /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42
request DELETE /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42
request DELETE /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/%2e%2e
request DELETE /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en%2FUS/sessions/user%3A42
request DELETE /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/ab%4
request PUT /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42
request POST /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42/text
request DELETE /bot/OrderFlowers/alias/prod/user/%2e%2e/session
request DELETE /bot/OrderFlowers/alias/prod/user/a%2Fb/session
request DELETE /bot/OrderFlowers/alias/prod/user/ab%4/session
request DELETE /bot/OrderFlowers/alias/prod/user/%FF%FE/session
request DELETE /bot/Order-Flowers/alias/prod/user/user42/session
request delete /bot/OrderFlowers/alias/prod/user/user42/session
request DELETE /bot/OrderFlowers/alias/prod/user/user42/session/
request DELETE //bot/OrderFlowers/alias/prod/user/user42/session
request GET /bot/OrderFlowers/alias/prod/user/user42/session/
request POST /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session

# An Aily session's whole life (a JSON body goes with a sample token and Content-Type JSON)
request-json POST /open-apis/aily/v1/sessions {"channel_context":"{}","metadata":"{}"}
request GET /open-apis/aily/v1/sessions/session_1 Bearer u-7f1bcd13fc57d46bac21793a18e560
request-json PUT /open-apis/aily/v1/sessions/session_1 {"metadata":"{\"lang\":\"zh\",\"note\":\"会话\"}"}
request HEAD /open-apis/aily/v1/sessions/session_1 Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /open-apis/aily/v1/sessions/session_1 Bearer u-7f1bcd13fc57d46bac21793a18e560
request GET /open-apis/aily/v1/sessions/session_1 Bearer u-7f1bcd13fc57d46bac21793a18e560
request-json PUT /open-apis/aily/v1/sessions/session_1 {}
request-json POST /open-apis/aily/v1/sessions {"metadata":1}
request-json POST /open-apis/aily/v1/sessions {"metadata":"a","metadata":"b"}
request-json POST /open-apis/aily/v1/sessions ["metadata"]
request-json POST /open-apis/aily/v1/sessions {"metadata":"{}"
request POST /open-apis/aily/v1/sessions Bearer u-7f1bcd13fc57d46bac21793a18e560
request GET /open-apis/aily/v1/sessions Bearer u-7f1bcd13fc57d46bac21793a18e560
request GET /open-apis/aily/v1/sessions/session_1/messages Bearer u-7f1bcd13fc57d46bac21793a18e560

# A Lex V2 session's whole life: put (the state as JSON; an unfilled slot is null), get,
# delete, get; then bodies the service refuses, each named by its path
request-json POST /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/web%3A7f3a {"sessionState":{"dialogAction":{"type":"ElicitSlot","slotToElicit":"Size"},"intent":{"name":"OrderPizza","slots":{"Size":null,"Crust":{"value":{"originalValue":"thin","interpretedValue":"Thin"}}},"state":"InProgress"},"sessionAttributes":{"customer":"42"}},"messages":[{"contentType":"PlainText","content":"What size?"}]}
request GET /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/web%3A7f3a
request DELETE /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/web%3A7f3a
request GET /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/web%3A7f3a
request-json POST /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/web%3A7f3a {"messages":[]}
request-json POST /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/web%3A7f3a {"sessionState":{"activeContexts":[{"name":"order__id","timeToLive":{"timeToLiveInSeconds":600,"turnsToLive":5},"contextAttributes":{}}]}}
request-json POST /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/web%3A7f3a {"sessionState":{"activeContexts":[{"name":"order","timeToLive":{"timeToLiveInSeconds":86401,"turnsToLive":5},"contextAttributes":{}}]}}
request-json POST /bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/web%3A7f3a {"sessionState":{"intent":{"name":"OrderPizza","name":"Cancel"}}}

# Service responses
response aily 200 X-Tt-Logid:20241123abc {"code":0,"msg":"success","data":{}}
response aily 400 X-Tt-Logid:20241123def {"code":2700001,"msg":"param is invalid","error":{"log_id":"20241123def","field_violations":[{"field":"aily_session_id","description":"invalid"}]}}
response aily 429 x-ogw-ratelimit-limit:50;x-ogw-ratelimit-reset:2 {"code":99991400,"msg":"request trigger frequency limit"}
response aily 200 - {"code":99991663,"msg":"Invalid access token for authorization."}
response aily 403 - {"code":99991672,"msg":"Access denied.","error":{"permission_violations":[{"type":"action_scope_required","subject":"aily:session:write"}]}}
response aily 500 - {"code":1500,"msg":"internal error"}
response aily 200 - {"code":424242,"msg":"a code from the future","extra":true}
response aily 502 - <html>Bad Gateway</html>
response aily 200 - {"code":0,"msg":"success"
response aily-session 200 X-Tt-Logid:20241123abc {"code":0,"msg":"success","data":{"session":{"id":"session_4dfunz7sp1g8m","created_at":"1711975665710","modified_at":"1711975665710","created_by":"1794840334557292","channel_context":"{}","metadata":"{}"}}}
response aily-session 200 - {"code":0,"msg":"success","data":{"session":{"id":"session_4dfunz7sp1g8m","created_at":"9223372036854775808","modified_at":"1711975665710"}}}
response aily-session 200 - {"code":0,"msg":"success","data":{}}
response aily-session 400 - {"code":2700001,"msg":"param is invalid","data":{}}
response lex 200 x-amzn-RequestId:5f1e2d3c {"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-11-23T07:00:00.000Z-abc","userId":"user:42"}
response lex 200 -
response lex 409 x-amzn-ErrorType:ConflictException:http://internal.amazon.com/coral/com.amazon.coral.service/;x-amzn-RequestId:r-2 {"message":"Two clients are using the same bot and user"}
response lex 429 x-amzn-ErrorType:LimitExceededException;Retry-After:3 {"message":"Exceeded a limit"}
response lex 404 - {"__type":"com.amazonaws.lex#NotFoundException","Message":"bot not found"}
response lex 500 - {"code":"InternalFailureException","errorMessage":"retry"}
response lex 418 x-amzn-ErrorType:TeapotException {"message":"short and stout"}
response lex 503 - <html>Service Unavailable</html>
response lex 200 - {"userId":"bad user"}
response lex-v2 200 x-amzn-RequestId:5f1e2d3c {"botId":"ABCDE12345","botAliasId":"TSTALIASID","localeId":"en_US","sessionId":"user:42"}
response lex-v2 429 x-amzn-ErrorType:ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.service/;x-amzn-RequestId:r-3;x-amz-retry-after:1500 {"message":"Rate exceeded"}
response lex-v2 404 x-amzn-ErrorType:ResourceNotFoundException,ValidationException {"message":"no such session"}
response lex-v2 400 x-amzn-RequestId:r-4 {"message":"1 validation error detected"}
response lex-v2 409 - {"__type":"com.amazonaws.lexruntimev2#ConflictException","message":"in progress"}
response lex-v2 200 - {"botId":"a b","sessionId":".."}
response lex-v2-session 200 x-amzn-RequestId:r-5 {"sessionId":"user:42","messages":[{"contentType":"PlainText","content":"What size?"}],"interpretations":[{"nluConfidence":{"score":0.92},"intent":{"name":"OrderPizza"},"interpretationSource":"Lex"}],"sessionState":{"intent":{"name":"OrderPizza","state":"InProgress","confirmationState":"None"}}}
response lex-v2-session 200 - {"sessionState":{"dialogAction":{"type":"Hover"},"intent":{"name":""}}}
response lex-v2-session 404 x-amzn-ErrorType:ResourceNotFoundException {"message":"no such session"}
"#;

/// Parses `value` as `T` and renders the verdict: `Debug` of the value (redacted for secrets,
/// which is why this never uses `Display`), or the error message.
fn verdict<T: FromStr<Err = IdError> + Debug>(value: &str) -> Result<String, String> {
    value
        .parse::<T>()
        .map(|v| format!("{v:?}"))
        .map_err(|e| e.to_string())
}

fn check_id(kind: &str, value: &str) -> Option<Result<String, String>> {
    Some(match kind {
        "aily-session" => verdict::<AilySessionId>(value),
        "aily-message" => verdict::<AilyMessageId>(value),
        "aily-run" => verdict::<AilyRunId>(value),
        "aily-token" => verdict::<AilyAccessToken>(value),
        "aily-authorization" => verdict::<AilyAuthorization>(value),
        "lex-user" => verdict::<LexUserId>(value),
        "lex-bot-name" => verdict::<LexBotName>(value),
        "lex-bot-alias" => verdict::<LexBotAlias>(value),
        "lex-region" => verdict::<LexRegion>(value),
        "lex-v2-bot-id" => verdict::<LexV2BotId>(value),
        "lex-v2-bot-alias-id" => verdict::<LexV2BotAliasId>(value),
        "lex-v2-locale" => verdict::<LexV2LocaleId>(value),
        "lex-v2-session" => verdict::<LexV2SessionId>(value),
        _ => return None,
    })
}

/// The token a `request-json` line is sent with.
const SAMPLE_AUTHORIZATION: &str = "Bearer t-g1044qeGEDXTB6NDJOGV4JQX";

/// The gateway's mock of the services, with the sessions the sample deletes, on a clock that
/// starts at the docs' example time and moves one second per timestamp.
fn sample_services() -> MockService {
    let mut services = MockService::new().with_clock(MockClock::Stepping {
        next: 1_711_975_665_710,
        step: 1_000,
    });
    services.insert_aily_session(AilySessionId::from_static("session_4dfunz7sp1g8m"));
    services.insert_lex_session(
        LexDeleteSessionRequest::new(
            LexBotName::from_static("OrderFlowers"),
            LexBotAlias::LATEST,
            LexUserId::from_static("user:42"),
        ),
        "2026-12-01T00:00:00.000Z-sample",
    );
    services.insert_lex_v2_session(LexV2DeleteSessionRequest::new(
        LexV2BotId::from_static("ABCDE12345"),
        LexV2BotAliasId::TEST,
        LexV2LocaleId::from_static("en_US"),
        LexV2SessionId::from_static("user:42"),
    ));
    services
}

/// What the gateway makes of an incoming request line: the typed request and the upstream
/// request it renders, or the rejection; then, either way, the response the service would send
/// (from the mock).
fn route(
    services: &mut MockService,
    method: &str,
    path: &str,
    auth: Option<&str>,
    body: Option<&str>,
) -> Result<String, String> {
    let mut headers: Vec<(&str, &str)> = auth.map(|a| ("Authorization", a)).into_iter().collect();
    if body.is_some() {
        headers.push(("Content-Type", AilyCreateSessionRequest::CONTENT_TYPE));
    }
    let body = body.unwrap_or_default().as_bytes();
    let wire = services.handle(method, path, &headers, body);
    let answer = show_answer(&wire);
    // The upstream request of an Aily operation: its method, URL, the `Authorization` header
    // (rendered only through the explicitly named call; what is printed is its redacted
    // `Debug`), and its other headers and body.
    let aily = |method: &str, url: String, other: Vec<(&str, &str)>, body: Option<Vec<u8>>| {
        let auth = AilyAuthorization::from_request_headers(&headers)
            .map_err(|e| format!("{} {e}", wire.status()))?;
        let mut text = format!(
            "{:>8} {method} {url}\n{:>8} Authorization: {auth:?}",
            "upstream", ""
        );
        for (name, value) in other {
            text.push_str(&format!("\n{:>8} {name}: {value}", ""));
        }
        if let Some(body) = body {
            text.push_str(&format!("\n{:>8} {}", "", String::from_utf8_lossy(&body)));
        }
        Ok::<String, String>(text)
    };
    let verdict = match Operation::from_request(method, path, &headers, body) {
        Ok(Operation::AilyDeleteSession(request)) => {
            let url = request.url(AilyHost::Feishu);
            aily(AilyDeleteSessionRequest::METHOD, url, Vec::new(), None)
                .map(|up| format!("{request:?}\n{up}"))
        }
        Ok(Operation::AilyGetSession(request)) => {
            let url = request.url(AilyHost::Feishu);
            aily(AilyGetSessionRequest::METHOD, url, Vec::new(), None)
                .map(|up| format!("{request:?}\n{up}"))
        }
        Ok(Operation::AilyCreateSession(request)) => {
            let url = request.url(AilyHost::Feishu);
            let other = request.headers().collect();
            aily(
                AilyCreateSessionRequest::METHOD,
                url,
                other,
                Some(request.body()),
            )
            .map(|up| format!("{request:?}\n{up}"))
        }
        Ok(Operation::AilyUpdateSession(request)) => {
            let url = request.url(AilyHost::Feishu);
            let other = request.headers().collect();
            aily(
                AilyUpdateSessionRequest::METHOD,
                url,
                other,
                Some(request.body()),
            )
            .map(|up| format!("{request:?}\n{up}"))
        }
        Ok(Operation::LexDeleteSession(request)) => Ok(format!(
            "{request:?}\n{:>8} {} {}",
            "upstream",
            LexDeleteSessionRequest::METHOD,
            request.url(&LexRegion::from_static("us-east-1")),
        )),
        Ok(Operation::LexV2DeleteSession(request)) => Ok(format!(
            "{request:?}\n{:>8} {} {}",
            "upstream",
            LexV2DeleteSessionRequest::METHOD,
            request.url(&LexRegion::from_static("us-east-1")),
        )),
        Ok(Operation::LexV2GetSession(request)) => Ok(format!(
            "{request:?}\n{:>8} {} {}",
            "upstream",
            LexV2GetSessionRequest::METHOD,
            request.url(&LexRegion::from_static("us-east-1")),
        )),
        Ok(Operation::LexV2PutSession(request)) => {
            let mut text = format!(
                "{request:?}\n{:>8} {} {}",
                "upstream",
                LexV2PutSessionRequest::METHOD,
                request.url(&LexRegion::from_static("us-east-1")),
            );
            for (name, value) in request.headers() {
                text.push_str(&format!("\n{:>8} {name}: {value}", ""));
            }
            // The body carries the messages' text, which the model marks sensitive: its
            // length is shown, not the text.
            text.push_str(&format!(
                "\n{:>8} ({} bytes of JSON)",
                "",
                request.body().len()
            ));
            Ok(text)
        }
        Ok(other) => Ok(format!("{other:?}")),
        Err(rejection) => Err(format!("{} {rejection}", rejection.http_status())),
    };
    match verdict {
        Ok(text) => Ok(format!("{text}\n{answer}")),
        Err(text) => Err(format!("{text}\n{answer}")),
    }
}

/// A response as the service sends it: status, headers, and the body (bounded) on one line.
fn show_answer(wire: &WireResponse) -> String {
    let headers: Vec<String> = wire
        .headers()
        .iter()
        .map(|(name, value)| format!("{name}: {value}"))
        .collect();
    let body = String::from_utf8_lossy(wire.body());
    let body: String = body.chars().take(240).collect();
    format!(
        "{:>8} {} {}\n{:>8} {body}",
        "answer",
        wire.status(),
        headers.join(", "),
        ""
    )
}

/// The error, whether to retry, and how long to wait.
fn describe<E: ServiceError + Display>(err: &ResponseError<E>, extra: String) -> String {
    let mut out = format!("{err}\nretryable: {}", err.is_retryable());
    if let Some(wait) = err.retry_after() {
        out.push_str(&format!(", retry after {wait:?}"));
    }
    out + &extra
}

/// Classifies a service response line: `<aily|lex|lex-v2> <status> <headers> <body>`; `None` for a
/// line not in that format.
fn response(rest: &str) -> Option<Result<String, String>> {
    let mut parts = rest.splitn(4, ' ');
    let mut next = || parts.next().unwrap_or("");
    let (api, status, headers, body) = (next(), next(), next(), next());
    let status: u16 = status.parse().ok().filter(|s| (100..=999).contains(s))?;
    if !matches!(
        api,
        "aily" | "aily-session" | "lex" | "lex-v2" | "lex-v2-session"
    ) || headers.is_empty()
    {
        return None;
    }
    let headers: Vec<(&str, &str)> = headers
        .split(';')
        .filter_map(|h| h.split_once(':'))
        .collect();
    let body = body.as_bytes();
    Some(match api {
        "aily" => match AilyDeleteSessionResponse::from_http(status, &headers, body) {
            Ok(ok) => Ok(format!(
                "deleted ({:?}, log id {:?})",
                ok.message(),
                ok.request_id()
            )),
            Err(err) => {
                let extra = match &err {
                    ResponseError::Service(e) => format!(
                        ", refresh token: {}, kind {:?}, log id {:?}, missing scopes {:?}",
                        e.needs_credentials_refresh(),
                        e.kind(),
                        e.request_id(),
                        e.permission_violations()
                            .iter()
                            .filter_map(|v| v.subject())
                            .collect::<Vec<_>>(),
                    ),
                    _ => String::new(),
                };
                Err(describe(&err, extra))
            }
        },
        "aily-session" => match AilyGetSessionResponse::from_http(status, &headers, body) {
            Ok(ok) => Ok(format!(
                "session {:?} (log id {:?})",
                ok.session(),
                ok.request_id()
            )),
            Err(err) => Err(describe(&err, String::new())),
        },
        "lex-v2-session" => match LexV2GetSessionResponse::from_http(status, &headers, body) {
            // Message content is sensitive: its `Debug` shows the length alone.
            Ok(ok) => Ok(format!(
                "session {:?}, request id {:?}",
                ok.session(),
                ok.request_id()
            )),
            Err(err) => Err(describe(&err, String::new())),
        },
        "lex-v2" => match LexV2DeleteSessionResponse::from_http(status, &headers, body) {
            // Kept as received: a 2xx deleted the session, whatever the fields say.
            Ok(ok) => Ok(format!(
                "deleted (bot {:?}, alias {:?}, locale {:?}, session {:?}, request id {:?})",
                ok.bot_id(),
                ok.bot_alias_id(),
                ok.locale_id(),
                ok.session_id(),
                ok.request_id()
            )),
            Err(err) => {
                let extra = match &err {
                    ResponseError::Service(e) => format!(
                        ", throttling: {}, kind {:?}, code {:?}, request id {:?}",
                        e.is_throttling(),
                        e.kind(),
                        e.code(),
                        e.request_id()
                    ),
                    _ => String::new(),
                };
                Err(describe(&err, extra))
            }
        },
        _ => match LexDeleteSessionResponse::from_http(status, &headers, body) {
            Ok(ok) => Ok(format!(
                "deleted (session {:?}, user {:?}, request id {:?})",
                ok.session_id(),
                ok.user_id(),
                ok.request_id()
            )),
            Err(err) => {
                let extra = match &err {
                    ResponseError::Service(e) => {
                        format!(", kind {:?}, request id {:?}", e.kind(), e.request_id())
                    }
                    _ => String::new(),
                };
                Err(describe(&err, extra))
            }
        },
    })
}

/// How a line went: a value accepted, a value rejected (the expected outcome for hostile
/// input), or a line that is not in any input format.
enum Outcome {
    Accepted(String),
    Rejected(String),
    NotAFormat(String),
}

fn check_line(services: &mut MockService, line: &str) -> Outcome {
    let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
    let result =
        match kind {
            "request" => {
                let mut parts = rest.splitn(3, ' ');
                let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                if method.is_empty() || path.is_empty() {
                    return Outcome::NotAFormat(
                        "expected `request <METHOD> <path> [<Authorization>]`".into(),
                    );
                }
                route(services, method, path, parts.next(), None)
            }
            "request-json" => {
                let mut parts = rest.splitn(3, ' ');
                let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let Some(body) = parts.next() else {
                    return Outcome::NotAFormat(
                        "expected `request-json <METHOD> <path> <body>`".into(),
                    );
                };
                route(
                    services,
                    method,
                    path,
                    Some(SAMPLE_AUTHORIZATION),
                    Some(body),
                )
            }
            "response" => match response(rest) {
                Some(result) => result,
                None => return Outcome::NotAFormat(
                    "expected `response <aily|aily-session|lex|lex-v2|lex-v2-session> <status> <headers> <body>`"
                        .into(),
                ),
            },
            _ => match check_id(kind, rest) {
                Some(result) => result,
                None => return Outcome::NotAFormat(format!("unknown kind {kind:?} (see --help)")),
            },
        };
    match result {
        Ok(text) => Outcome::Accepted(text),
        Err(text) => Outcome::Rejected(text),
    }
}

/// The line as it is echoed: a token or `Authorization` value replaced by its length, so that
/// the output can be shared.
fn redact(line: &str) -> String {
    let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
    match kind {
        "aily-token" | "aily-authorization" => format!("{kind} <secret, {} bytes>", rest.len()),
        "request" => match rest.splitn(3, ' ').nth(2) {
            Some(auth) => format!(
                "{kind} {} <Authorization, {} bytes>",
                &rest[..rest.len() - auth.len() - 1],
                auth.len()
            ),
            None => line.to_owned(),
        },
        _ => line.to_owned(),
    }
}

/// Indents every line after the first of a verdict under the verdict column.
fn indent(text: &str) -> String {
    text.replace('\n', &format!("\n{:14}", ""))
}

/// Runs every line of `input`; returns (accepted, rejected, not in a format).
fn run(input: &str) -> (usize, usize, usize) {
    let mut services = sample_services();
    let (mut accepted, mut rejected, mut unreadable) = (0, 0, 0);
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        println!("{:>4}  > {}", n + 1, redact(line));
        let (verdict, text) = match check_line(&mut services, line) {
            Outcome::Accepted(v) => {
                accepted += 1;
                ("ok", v)
            }
            Outcome::Rejected(e) => {
                rejected += 1;
                ("reject", e)
            }
            Outcome::NotAFormat(e) => {
                unreadable += 1;
                ("FORMAT", e)
            }
        };
        println!("{:>4}  {verdict:<6}  {}", "", indent(&text));
    }
    (accepted, rejected, unreadable)
}

const HELP: &str = "\
check: an edge gateway's view of sample traffic

usage: cargo run --example check [-- FILE]

Reads FILE (default: a built-in sample), one input per line; blank lines and `#` comments are
skipped. Each line is echoed (tokens replaced by their length), then its verdict: `ok`, `reject`
(the expected outcome for hostile input), or `FORMAT` for a line in none of the formats below,
which makes the exit code 1.

Line formats:
  <kind> <value>
      one identifier; kinds: aily-session, aily-message, aily-run, aily-token,
      aily-authorization, lex-user, lex-bot-name, lex-bot-alias, lex-region,
      lex-v2-bot-id, lex-v2-bot-alias-id, lex-v2-locale, lex-v2-session.
      The value is the rest of the line.
  request <METHOD> <path> [<Authorization value>]
      an incoming request line of any API (Aily, Lex V1, Lex V2), routed, and answered by a
      mock of the services (status, headers and body as the service would send them).
  request-json <METHOD> <path> <body>
      an incoming Aily request with a JSON body (create, update session), sent with a
      sample token and Content-Type: application/json; charset=utf-8, read and answered
      the same way.
  response <aily|aily-session|lex|lex-v2|lex-v2-session> <status> <headers> <body>
      a service response, classified (aily as delete session's, aily-session as get
      session's); <headers> is `-` or `name:value` pairs joined by `;`, the body is the rest
      of the line.
";

fn main() -> ExitCode {
    let input = match std::env::args_os().nth(1) {
        Some(arg) if arg == "--help" || arg == "-h" => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.to_string_lossy());
                return ExitCode::from(2);
            }
        },
        None => SAMPLE.to_owned(),
    };
    let (accepted, rejected, unreadable) = run(&input);
    println!("{accepted} accepted, {rejected} rejected, {unreadable} not in an input format");
    if unreadable > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
