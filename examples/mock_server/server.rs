//! The mock server itself, apart from the command line: the built-in sessions and [`serve`],
//! which puts one [`MockService`] behind an axum listener. `tests/mock_server.rs` includes this
//! file by path and drives it with a real HTTP client.

use std::future::Future;
use std::io;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;
use botsession::{
    AilySessionId, LexBotAlias, LexBotName, LexDeleteSessionRequest, LexUserId, LexV2BotAliasId,
    LexV2BotId, LexV2DeleteSessionRequest, LexV2LocaleId, LexV2SessionId, MockClock, MockService,
    WireResponse,
};
use tokio::net::TcpListener;

/// The Aily session the mock starts with.
pub const AILY_SESSION: AilySessionId = AilySessionId::from_static("session_4dfunz7sp1g8m");

/// The Lex session the mock starts with: bot `OrderFlowers`, alias `$LATEST`, user `user:42`.
pub const LEX_SESSION: LexDeleteSessionRequest = LexDeleteSessionRequest::new(
    LexBotName::from_static("OrderFlowers"),
    LexBotAlias::LATEST,
    LexUserId::from_static("user:42"),
);

/// The session id the Lex success response reports for [`LEX_SESSION`].
pub const LEX_SESSION_ID: &str = "2026-12-01T00:00:00.000Z-mock";

/// The Lex V2 session the mock starts with: bot `ABCDE12345`, the test alias `TSTALIASID`,
/// locale `en_US`, session `user:42`.
pub const LEX_V2_SESSION: LexV2DeleteSessionRequest = LexV2DeleteSessionRequest::new(
    LexV2BotId::from_static("ABCDE12345"),
    LexV2BotAliasId::TEST,
    LexV2LocaleId::from_static("en_US"),
    LexV2SessionId::from_static("user:42"),
);

/// The most body bytes the server reads of a request: past it, the mock is handed one byte
/// more than this, which every operation with a body refuses as too large.
pub const MAX_BODY_READ: usize = 1 << 20;

/// The wall clock, in milliseconds since the Unix epoch (0 before it).
fn wall_clock() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// A mock on the wall clock holding the built-in sessions, [`AILY_SESSION`], [`LEX_SESSION`]
/// and [`LEX_V2_SESSION`], and no faults.
pub fn seeded() -> MockService {
    let mut mock = MockService::new().with_clock(MockClock::Function(wall_clock));
    mock.insert_aily_session(AILY_SESSION);
    mock.insert_lex_session(LEX_SESSION, LEX_SESSION_ID);
    mock.insert_lex_v2_session(LEX_V2_SESSION);
    mock
}

/// Answers every request `listener` accepts from `mock` (any method, any path: one fallback
/// handler, so axum's router never answers on its own) until `shutdown` completes, then lets
/// the requests in flight finish.
///
/// # Errors
///
/// The listener's I/O error, if accepting fails for good.
pub async fn serve(
    listener: TcpListener,
    mock: MockService,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let app = Router::new()
        .fallback(answer)
        .with_state(Arc::new(Mutex::new(mock)));
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// One request through the mock: the method, the request target as the client sent it (no
/// normalisation: `%2e%2e` and `//` reach the router as they are), every header and the body
/// (read whole first, up to [`MAX_BODY_READ`]).
async fn answer(State(mock): State<Arc<Mutex<MockService>>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, MAX_BODY_READ).await {
        Ok(body) => body.to_vec(),
        Err(_) => vec![b' '; MAX_BODY_READ + 1],
    };
    let uri = &parts.uri;
    let target = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
    // As pairs: without the `http` feature the crate does not know `HeaderMap`.
    let headers: Vec<(&str, &[u8])> = parts
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_bytes()))
        .collect();
    // `handle` never panics, so a poisoned lock still guards a consistent mock.
    let wire = mock.lock().unwrap_or_else(PoisonError::into_inner).handle(
        parts.method.as_str(),
        target,
        &headers,
        &body,
    );
    into_response(wire)
}

/// The rendered response as an axum response: the same status, headers and body.
fn into_response(wire: WireResponse) -> Response {
    let (status, headers, body) = wire.into_parts();
    let mut response = Response::new(Body::from(body));
    // Every status the crate renders is valid; anything else would be a 500, not a panic.
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in headers {
        // The names are the crate's constants and the values checked visible ASCII, so none
        // is dropped here; `from_bytes` lowercases `X-Tt-Logid` as HTTP/1 allows.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value.as_str()),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}
