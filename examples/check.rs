//! The main job: an edge gateway's view of sample traffic. For each line it prints the typed
//! value or the precise rejection, the upstream request it would render, and the classified
//! service response.
//!
//! ```text
//! cargo run --example check              # the built-in sample
//! cargo run --example check -- FILE      # the same line formats, from FILE
//! ```
//!
//! Line formats (blank lines and `#` comments are skipped):
//!
//! - `<kind> <value>`: one identifier. Kinds: `aily-session`, `aily-message`, `aily-run`,
//!   `aily-token`, `aily-authorization`, `lex-user`, `lex-bot-name`, `lex-bot-alias`,
//!   `lex-region`. The value is the rest of the line, so an `Authorization` value keeps its space.
//! - `request <METHOD> <path> [<Authorization value>]`: an incoming request line, routed to the
//!   Aily or the Lex operation.
//! - `response <aily|lex> <status> <headers> <body>`: a service response; `<headers>` is `-` or
//!   `name:value` pairs joined by `;`, the body is the rest of the line.
//!
//! Secrets are never printed: a token shows only its redacted `Debug`.

use std::fmt::{Debug, Display};
use std::process::ExitCode;
use std::str::FromStr;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyDeleteSessionRequest, AilyDeleteSessionResponse,
    AilyHost, AilyMessageId, AilyRunId, AilySessionId, IdError, LexBotAlias, LexBotName,
    LexDeleteSessionRequest, LexDeleteSessionResponse, LexRegion, LexUserId, ResponseError,
    RouteError, ServiceError,
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

# Incoming request lines
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m?trace=1 bearer t-g1044qeGEDXTB6NDJOGV4JQX
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m
request DELETE /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m Basic dXNlcjpwYXNz
request GET /open-apis/aily/v1/sessions/session_4dfunz7sp1g8m Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /open-apis/aily/v1/sessions/session_%2e%2e%2Fadmin Bearer u-7f1bcd13fc57d46bac21793a18e560
request DELETE /bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session
request DELETE /bot/OrderFlowers/alias/$LATEST/user/user:42/session
request DELETE /bot/OrderFlowers/alias/prod/user/%2e%2e/session
request DELETE /bot/OrderFlowers/alias/prod/user/a%2Fb/session
request DELETE /bot/OrderFlowers/alias/prod/user/ab%4/session
request DELETE /bot/OrderFlowers/alias/prod/user/%FF%FE/session
request DELETE /bot/Order-Flowers/alias/prod/user/user42/session
request delete /bot/OrderFlowers/alias/prod/user/user42/session
request DELETE /bot/OrderFlowers/alias/prod/user/user42/session/
request DELETE //bot/OrderFlowers/alias/prod/user/user42/session

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
response lex 200 x-amzn-RequestId:5f1e2d3c {"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-11-23T07:00:00.000Z-abc","userId":"user:42"}
response lex 200 -
response lex 409 x-amzn-ErrorType:ConflictException:http://internal.amazon.com/coral/com.amazon.coral.service/;x-amzn-RequestId:r-2 {"message":"Two clients are using the same bot and user"}
response lex 429 x-amzn-ErrorType:LimitExceededException;Retry-After:3 {"message":"Exceeded a limit"}
response lex 404 - {"__type":"com.amazonaws.lex#NotFoundException","Message":"bot not found"}
response lex 500 - {"code":"InternalFailureException","errorMessage":"retry"}
response lex 418 x-amzn-ErrorType:TeapotException {"message":"short and stout"}
response lex 503 - <html>Service Unavailable</html>
response lex 200 - {"userId":"bad user"}
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
        _ => return None,
    })
}

/// What the gateway answers an incoming request line with: the typed request and the upstream
/// request it renders, or the status and reason of the rejection.
fn route(method: &str, path: &str, auth: Option<&str>) -> Result<String, String> {
    let reject = |e: RouteError| format!("{} {e}", e.http_status());
    match AilyDeleteSessionRequest::from_route(method, path) {
        Ok(request) => {
            let auth: AilyAuthorization = auth
                .ok_or("401 missing Authorization header")?
                .parse()
                .map_err(|e: IdError| format!("401 {e}"))?;
            // The header is rendered only through the explicitly named call; what is printed
            // is its redacted `Debug`.
            let (header, _value) = request.expose_authorization_header(&auth);
            Ok(format!(
                "{request:?}\n{:>34} {} {}\n{:>34} {header}: {auth:?}",
                "upstream",
                AilyDeleteSessionRequest::METHOD,
                request.url(AilyHost::Feishu),
                "",
            ))
        }
        Err(RouteError::NotFound) => {
            let request = LexDeleteSessionRequest::from_route(method, path).map_err(reject)?;
            let region = LexRegion::from_static("us-east-1");
            Ok(format!(
                "{request:?}\n{:>34} {} {}",
                "upstream",
                LexDeleteSessionRequest::METHOD,
                request.url(&region),
            ))
        }
        Err(e) => Err(reject(e)),
    }
}

/// The error, whether to retry, and how long to wait.
fn describe<E: ServiceError + Display>(err: &ResponseError<E>, extra: String) -> String {
    let mut out = format!("{err}\n{:>34} retryable: {}", "", err.is_retryable());
    if let Some(wait) = err.retry_after() {
        out.push_str(&format!(", retry after {} s", wait.as_secs()));
    }
    out + &extra
}

/// Classifies a service response line: `<aily|lex> <status> <headers> <body>`.
fn response(rest: &str) -> Result<String, String> {
    let mut parts = rest.splitn(4, ' ');
    let mut next = || parts.next().unwrap_or("");
    let (api, status, headers, body) = (next(), next(), next(), next());
    let status: u16 = status
        .parse()
        .map_err(|_| format!("bad status {status:?}"))?;
    let headers: Vec<(&str, &str)> = headers
        .split(';')
        .filter_map(|h| h.split_once(':'))
        .collect();
    let body = body.as_bytes();
    match api {
        "aily" => match AilyDeleteSessionResponse::from_http(status, &headers, body) {
            Ok(ok) => Ok(format!(
                "deleted ({:?}, log id {:?})",
                ok.msg(),
                ok.log_id()
            )),
            Err(err) => {
                let extra = match &err {
                    ResponseError::Service(e) => format!(
                        ", refresh token: {}, kind {:?}, log id {:?}, missing scopes {:?}",
                        e.needs_token_refresh(),
                        e.kind(),
                        e.log_id(),
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
        "lex" => match LexDeleteSessionResponse::from_http(status, &headers, body) {
            Ok(ok) => Ok(format!(
                "deleted (session {:?}, user {:?}, request id {:?})",
                ok.session_id(),
                ok.user_id().map(LexUserId::as_str),
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
        other => Err(format!("unknown API {other:?}")),
    }
}

fn check_line(line: &str) -> Result<String, String> {
    let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
    match kind {
        "request" => {
            let mut parts = rest.splitn(3, ' ');
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            route(method, path, parts.next())
        }
        "response" => response(rest),
        _ => check_id(kind, rest).unwrap_or_else(|| Err(format!("unknown kind {kind:?}"))),
    }
}

/// Runs every line of `input`; returns (accepted, rejected).
fn run(input: &str) -> (usize, usize) {
    let (mut accepted, mut rejected) = (0, 0);
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let kind = line.split(' ').next().unwrap_or("");
        let (verdict, text) = match check_line(line) {
            Ok(v) => {
                accepted += 1;
                ("ok    ", v)
            }
            Err(e) => {
                rejected += 1;
                ("reject", e)
            }
        };
        println!("{:>4}  {verdict}  {kind:<19} {text}", n + 1);
    }
    (accepted, rejected)
}

fn main() -> ExitCode {
    let input = match std::env::args_os().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.to_string_lossy());
                return ExitCode::from(2);
            }
        },
        None => SAMPLE.to_owned(),
    };
    let (accepted, rejected) = run(&input);
    println!("{accepted} accepted, {rejected} rejected");
    ExitCode::SUCCESS
}
