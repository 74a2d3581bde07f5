//! `botsession-mock`: the Feishu Aily and Amazon Lex (V1 and V2) session APIs on a local port,
//! answered by [`botsession::MockService`], for tests in any language. The library crate
//! `botsession` has no I/O; this package is its server, and a user of the library builds none
//! of it.
//!
//! - [`serve`] runs a [`Server`] on a listener: HTTP/1.1 with keep-alive, every request body
//!   read whole up to [`http1::MAX_BODY_LEN`] before the answer, header names written in the
//!   services' spelling (`X-Tt-Logid`, `x-amzn-RequestId`), on a multi-thread runtime.
//! - Under [`CONTROL_PREFIX`], a JSON control API: reset, seed sessions ([`seed`]), queue faults
//!   ([`fault`]), read the request journal ([`journal`]), read, set and step the mock's
//!   [`clock`].
//! - In front of the mock, the [`Checks`] it is given: Feishu tokens issued by the token
//!   endpoints and checked on every Aily call ([`feishu`]), SigV4 on every Lex call
//!   ([`sigv4`]), Aily's rate limits ([`rate`]); all on the mock's clock.
//!
//! The binary (`src/main.rs`) adds the command line: `--listen`, `--seed`, `--fault`,
//! `--request-journal`, `--aily-app`, `--aws-credentials`, `--rate-limit`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod clock;
mod control;
pub mod fault;
pub mod feishu;
pub mod http1;
pub mod journal;
pub mod rate;
pub mod seed;
pub mod sigv4;

use std::future::Future;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use botsession::{
    AilyAuthorization, AilyErrorKind, AilyServiceError, AilySessionId, Api, FieldError,
    LexBotAlias, LexBotName, LexDeleteSessionRequest, LexErrorKind, LexServiceError, LexUserId,
    LexV2BotAliasId, LexV2BotId, LexV2DeleteSessionRequest, LexV2ErrorKind, LexV2LocaleId,
    LexV2ServiceError, LexV2SessionId, MockClock, MockRequest, MockService, Operation, RouteError,
    TextError, WireResponse, AILY_MAX_BODY_LEN,
};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::clock::Clock;
use crate::feishu::{fnv1a, AilyApp, TokenEndpoint, Tokens};
use crate::http1::{
    BodyProblem, Connection, ReadError, Request, Response, MAX_BODY_LEN, READ_TIMEOUT,
};
use crate::journal::{Entry, Journal};
use crate::rate::RateLimits;
use crate::sigv4::{AwsKey, SigV4Error, SignedRequest};

/// The path prefix of the control API. No service has a path under it: Aily's are under
/// `/open-apis/`, Lex V1's under `/bot/`, Lex V2's under `/bots/`.
pub const CONTROL_PREFIX: &str = "/__botsession";

/// How many requests the journal keeps by default.
pub const DEFAULT_JOURNAL: usize = 1000;

/// How long the server waits, once told to stop, for requests in flight.
const DRAIN: Duration = Duration::from_secs(5);

/// The Aily session the server starts with, unless told to start from a seed.
pub const AILY_SESSION: AilySessionId = AilySessionId::from_static("session_4dfunz7sp1g8m");

/// The Lex session the server starts with: bot `OrderFlowers`, alias `$LATEST`, user `user:42`.
pub const LEX_SESSION: LexDeleteSessionRequest = LexDeleteSessionRequest::new(
    LexBotName::from_static("OrderFlowers"),
    LexBotAlias::LATEST,
    LexUserId::from_static("user:42"),
);

/// The session id the Lex success response reports for [`LEX_SESSION`].
pub const LEX_SESSION_ID: &str = "2026-12-01T00:00:00.000Z-mock";

/// The Lex V2 session the server starts with: bot `ABCDE12345`, the test alias `TSTALIASID`,
/// locale `en_US`, session `user:42`.
pub const LEX_V2_SESSION: LexV2DeleteSessionRequest = LexV2DeleteSessionRequest::new(
    LexV2BotId::from_static("ABCDE12345"),
    LexV2BotAliasId::TEST,
    LexV2LocaleId::from_static("en_US"),
    LexV2SessionId::from_static("user:42"),
);

/// A mock on the wall clock holding the built-in sessions, [`AILY_SESSION`], [`LEX_SESSION`]
/// and [`LEX_V2_SESSION`], and no faults.
pub fn builtin() -> MockService {
    let mut mock = Server::empty_mock();
    mock.insert_aily_session(AILY_SESSION);
    mock.insert_lex_session(LEX_SESSION, LEX_SESSION_ID);
    mock.insert_lex_v2_session(LEX_V2_SESSION);
    mock
}

/// The wall clock, in milliseconds since the Unix epoch (0 before it).
pub fn wall_clock() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// What the server checks of each request's credentials, in front of the mock: nothing by
/// default (any well-formed Bearer token, any Lex request signed or not).
#[derive(Clone, Debug, Default)]
pub struct Checks {
    /// With any: the token endpoints issue these apps' tokens ([`feishu`]), and every Aily
    /// call must carry one, unexpired on the mock's clock, or is answered 99991663.
    pub aily_apps: Vec<AilyApp>,
    /// With any: every Lex and Lex V2 call must be SigV4-signed by one of these keys for the
    /// service `lex` ([`sigv4`]), or is answered as AWS answers it.
    pub aws_keys: Vec<AwsKey>,
    /// Aily's rate limits, per app (or per token, without apps) and operation ([`rate`]).
    pub rate_limit: bool,
}

/// The mock behind the server: the [`MockService`] it answers from, the state a reset returns
/// to, the journal, the clock, and the tokens and rate-limit windows of its [`Checks`]. One
/// lock, held for the length of one answer: calls are answered one at a time, in the order they
/// take it, so concurrent calls see each other whole.
pub struct Server {
    state: Mutex<State>,
    checks: Checks,
}

struct State {
    mock: MockService,
    start: MockService,
    journal: Journal,
    clock: Clock,
    tokens: Tokens,
    rates: RateLimits,
}

impl State {
    /// The time now on the mock's clock, which the mock's timestamps then take.
    fn tick(&mut self) -> i64 {
        let now = self.clock.now(wall_clock());
        self.mock.set_clock(MockClock::Fixed(now));
        now
    }
}

impl Server {
    /// A server answering from `start` (its sessions and its fault script), journalling the
    /// last `journal` requests, checking no credentials; [`reset`](Self::reset) returns it to
    /// `start`. Its clock is the wall clock until set or stepped, and replaces `start`'s.
    pub fn new(start: MockService, journal: usize) -> Server {
        Server {
            state: Mutex::new(State {
                mock: start.clone(),
                start,
                journal: Journal::new(journal),
                clock: Clock::default(),
                tokens: Tokens::default(),
                rates: RateLimits::default(),
            }),
            checks: Checks::default(),
        }
    }

    /// The same server, checking `checks`.
    #[must_use]
    pub fn with_checks(mut self, checks: Checks) -> Server {
        self.checks = checks;
        self
    }

    /// The time on the mock's clock (ms since the Unix epoch).
    pub fn now(&self) -> i64 {
        self.lock().clock.now(wall_clock())
    }

    /// Runs `f` on the mock's clock, under the lock, with the wall clock's time.
    pub fn with_clock<T>(&self, f: impl FnOnce(&mut Clock, i64) -> T) -> T {
        f(&mut self.lock().clock, wall_clock())
    }

    /// A mock on the wall clock with no sessions and no faults: what a server starts from
    /// before any seed.
    pub fn empty_mock() -> MockService {
        MockService::new().with_clock(MockClock::Function(wall_clock))
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // `MockService::handle` never panics, so a poisoned lock still guards a whole state.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Returns to the starting state: its sessions and faults, the request ids counting from 1
    /// again, the journal empty, the clock the wall clock, no token issued and no call counted.
    pub fn reset(&self) {
        let mut state = self.lock();
        state.mock = state.start.clone();
        state.journal.clear();
        state.clock = Clock::default();
        state.tokens = Tokens::default();
        state.rates = RateLimits::default();
    }

    /// Runs `f` on the mock, under the lock.
    pub fn with_mock<T>(&self, f: impl FnOnce(&mut MockService) -> T) -> T {
        f(&mut self.lock().mock)
    }

    /// The journal as the control API writes it.
    pub fn journal_json(&self) -> serde_json::Value {
        self.lock().journal.to_json()
    }

    /// Empties the journal.
    pub fn clear_journal(&self) {
        self.lock().journal.clear();
    }

    /// The journalled requests, oldest first.
    pub fn journal(&self) -> Vec<Entry> {
        self.lock().journal.entries().cloned().collect()
    }

    /// The answer to a request read whole: the control API's, a token endpoint's, a refusal of
    /// its credentials, or the mock's.
    pub fn answer(&self, request: &Request) -> Response {
        if is_control(request.path()) {
            return control::answer(self, request);
        }
        let headers = request.header_pairs();
        let route = Operation::identify(&request.method, &request.target);
        let entry = Entry::routed(&request.method, &request.target, route);
        match route.0 {
            Some(Api::Aily) => self.aily(request, &headers, route.1, entry),
            Some(api @ (Api::Lex | Api::LexV2)) if !self.checks.aws_keys.is_empty() => {
                self.signed(api, request, &headers, entry)
            }
            _ => self.mock(request, &headers, entry),
        }
    }

    /// The mock's answer. Read (routed, parsed, the token read) on this thread; answered under
    /// the lock.
    fn mock(&self, request: &Request, headers: &[(&str, &[u8])], entry: Entry) -> Response {
        let read = MockRequest::read(&request.method, &request.target, headers, &request.body);
        let mut state = self.lock();
        state.tick();
        let wire = state.mock.answer(read);
        Self::journalled(state, entry, wire)
    }

    /// An Aily request: a token endpoint's, or the mock's once the token (if the server
    /// issues tokens) and the rate limits (if enforced, for every operation the router names)
    /// let it through. A request without a well-formed `Authorization`, or on a path that names
    /// no operation, goes to the mock, which answers 99991661 or its 404.
    fn aily(
        &self,
        request: &Request,
        headers: &[(&str, &[u8])],
        operation: Option<&'static str>,
        entry: Entry,
    ) -> Response {
        let checks = &self.checks;
        if !checks.aily_apps.is_empty() && request.method == "POST" {
            if let Some(endpoint) = TokenEndpoint::of_path(request.path()) {
                return self.token(endpoint, request, entry);
            }
        }
        if checks.aily_apps.is_empty() && !checks.rate_limit {
            return self.mock(request, headers, entry);
        }
        let auth = AilyAuthorization::from_request_headers(headers);
        let (Ok(auth), Some(operation)) = (auth, operation) else {
            return self.mock(request, headers, entry);
        };
        let read = MockRequest::read(&request.method, &request.target, headers, &request.body);
        let mut state = self.lock();
        let now = state.tick();
        let token = auth.token();
        let token = token.expose_secret();
        let (key, app) = if checks.aily_apps.is_empty() {
            (format!("token:{:016x}", fnv1a(token.as_bytes())), None)
        } else {
            match state
                .tokens
                .check(token, now)
                .and_then(|i| checks.aily_apps.get(i))
            {
                Some(app) => (app.id().to_owned(), Some(app.id())),
                None => {
                    let refused = AilyServiceError::new(AilyErrorKind::TenantTokenInvalid);
                    return Self::refused(state, entry, |id| refused.with_request_id(id).render());
                }
            }
        };
        let entry = entry.with_credential(app);
        if checks.rate_limit {
            if let Err(limited) = state.rates.take(&key, operation, now) {
                let refused = AilyServiceError::new(AilyErrorKind::RateLimited)
                    .with_rate_limit(Some(limited.limit), Some(limited.reset_secs));
                return Self::refused(state, entry, |id| refused.with_request_id(id).render());
            }
        }
        let wire = state.mock.answer(read);
        Self::journalled(state, entry, wire)
    }

    /// A token endpoint's answer (HTTP 200 whatever the outcome, as Feishu's), journalled with
    /// the app it issued a token to.
    fn token(&self, endpoint: TokenEndpoint, request: &Request, entry: Entry) -> Response {
        let entry = entry.with_operation(match endpoint {
            TokenEndpoint::Tenant => "TenantAccessToken",
            TokenEndpoint::App => "AppAccessToken",
        });
        let mut state = self.lock();
        if request.body.len() > AILY_MAX_BODY_LEN {
            let too_large = RouteError::BodyTooLarge {
                len: request.body.len(),
                max: AILY_MAX_BODY_LEN,
            };
            let wire = state.mock.reject(request.path(), too_large);
            return Self::journalled(state, entry, wire);
        }
        let now = state.tick();
        let answer = state
            .tokens
            .answer(endpoint, &request.body, &self.checks.aily_apps, now);
        let id = state.mock.next_request_id();
        let entry = entry.with_credential(answer.app.as_deref());
        state.journal.push(entry.answered(200, Some(&id)));
        drop(state);
        Response {
            status: 200,
            headers: vec![
                ("Content-Type", "application/json; charset=utf-8".to_owned()),
                ("X-Tt-Logid", id),
            ],
            body: answer.body.to_string().into_bytes(),
        }
    }

    /// A Lex request, its signature checked first: the mock's answer, or AWS's refusal.
    fn signed(
        &self,
        api: Api,
        request: &Request,
        headers: &[(&str, &[u8])],
        entry: Entry,
    ) -> Response {
        let signed = SignedRequest {
            method: &request.method,
            target: &request.target,
            headers,
            body: &request.body,
        };
        let now = self.now();
        match sigv4::verify(&signed, &self.checks.aws_keys, now, "lex") {
            Ok(key) => {
                let entry = entry.with_credential(Some(key.access_key_id()));
                self.mock(request, headers, entry)
            }
            Err(e) => {
                let entry = entry.with_credential(sigv4::claimed_key_id(headers));
                let state = self.lock();
                Self::refused(state, entry, |id| sigv4_refusal(api, &e, id))
            }
        }
    }

    /// A refusal made in front of the mock, with the mock's next request id.
    fn refused(
        mut state: MutexGuard<'_, State>,
        entry: Entry,
        render: impl FnOnce(String) -> WireResponse,
    ) -> Response {
        let id = state.mock.next_request_id();
        Self::journalled(state, entry, render(id))
    }

    /// The answer to a request whose body could not be read: `problem` in the format of the
    /// API whose path it is.
    pub fn reject(&self, request: &Request, problem: BodyProblem) -> Response {
        let error = match problem {
            BodyProblem::TooLarge(len) => RouteError::BodyTooLarge {
                len,
                max: MAX_BODY_LEN,
            },
            BodyProblem::ContentLength => RouteError::Header {
                name: "Content-Length",
                error: FieldError::Text(TextError::Pattern {
                    index: 0,
                    pattern: "1*DIGIT, one value",
                }),
            },
            BodyProblem::TransferEncoding => RouteError::Header {
                name: "Transfer-Encoding",
                error: FieldError::Text(TextError::Pattern {
                    index: 0,
                    pattern: "chunked, without Content-Length",
                }),
            },
            BodyProblem::Chunked | BodyProblem::Truncated => {
                RouteError::Body(botsession::BodyError::Truncated)
            }
        };
        if is_control(request.path()) {
            return control::error(400, &format!("the request body could not be read: {error}"));
        }
        let entry = Entry::new(&request.method, &request.target);
        let mut state = self.lock();
        let wire = state.mock.reject(request.path(), error);
        Self::journalled(state, entry, wire)
    }

    /// `wire` as a response, journalled as `entry` under the lock it was made under.
    fn journalled(
        mut state: MutexGuard<'_, State>,
        entry: Entry,
        wire: botsession::WireResponse,
    ) -> Response {
        let (status, headers, body) = wire.into_parts();
        let request_id = headers
            .iter()
            .find(|(name, _)| ID_HEADERS.iter().any(|id| id.eq_ignore_ascii_case(name)))
            .map(|(_, value)| value.as_str());
        state.journal.push(entry.answered(status, request_id));
        drop(state);
        Response {
            status,
            headers: headers
                .into_iter()
                .map(|(name, value)| (name, value.into_string()))
                .collect(),
            body,
        }
    }
}

/// AWS's answer to a request whose signature it refuses, in the API's restJson1 format: the
/// code in `x-amzn-ErrorType`, the status, the message.
fn sigv4_refusal(api: Api, e: &SigV4Error, id: String) -> WireResponse {
    match api {
        Api::Lex => LexServiceError::new(LexErrorKind::from_code(e.code()))
            .with_http_status(e.http_status())
            .with_message(e.message())
            .with_request_id(id)
            .render(),
        _ => LexV2ServiceError::new(LexV2ErrorKind::from_code(e.code()))
            .with_http_status(e.http_status())
            .with_message(e.message())
            .with_request_id(id)
            .render(),
    }
}

/// The headers an answer's request id or log id is in.
const ID_HEADERS: &[&str] = &["X-Tt-Logid", "x-amzn-RequestId"];

/// Whether `path` is the control API's.
fn is_control(path: &str) -> bool {
    path.strip_prefix(CONTROL_PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Answers every connection `listener` accepts from `server`, on the runtime it is called on
/// (all cores on a multi-thread runtime), until `shutdown` completes; then stops accepting,
/// closes idle connections and lets the requests in flight finish (for at most 5 s).
///
/// # Errors
///
/// The listener's I/O error, if accepting fails for good (not for one connection).
pub async fn serve(
    listener: TcpListener,
    server: Arc<Server>,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let (stop, stopped) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(stream, Arc::clone(&server), stopped.clone()));
                }
                Err(e) if per_connection(&e) => {
                    // Out of file descriptors, or a connection gone before it was accepted:
                    // wait a moment rather than spin.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                Err(e) => return Err(e),
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let _ = stop.send(true);
    let _ = tokio::time::timeout(DRAIN, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    Ok(())
}

/// Whether an accept error is about one connection (or a passing shortage), not the listener.
fn per_connection(e: &io::Error) -> bool {
    use io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | Interrupted | WouldBlock | TimedOut
    ) || matches!(e.raw_os_error(), Some(23 | 24 | 12 | 105))
}

/// One connection: requests answered in order until the client closes, asks to close, a
/// request cannot be read whole, or the server stops.
async fn connection(stream: TcpStream, server: Arc<Server>, mut stopped: watch::Receiver<bool>) {
    let mut conn = Connection::new(stream);
    loop {
        if !conn.has_buffered() {
            // Idle between requests: the next one, or the end.
            tokio::select! {
                ready = conn.readable() => if ready.is_err() { return },
                _ = stopped.changed() => return,
                () = tokio::time::sleep(READ_TIMEOUT) => return,
            }
        }
        match conn.read_request().await {
            Ok(request) => {
                let response = server.answer(&request);
                let keep_alive = request.keep_alive && !*stopped.borrow();
                let written = conn
                    .write(&request.method, &response, keep_alive, request.http10)
                    .await;
                if written.is_err() || !keep_alive {
                    return;
                }
            }
            Err(ReadError::Closed | ReadError::Io(_)) => return,
            Err(ReadError::Malformed(why)) => {
                let response = plain(400, why);
                let _ = conn.write("GET", &response, false, false).await;
                return conn.linger().await;
            }
            Err(ReadError::HeadTooLarge) => {
                let response = plain(431, "the request head is too large");
                let _ = conn.write("GET", &response, false, false).await;
                return conn.linger().await;
            }
            Err(ReadError::Body { request, problem }) => {
                let response = server.reject(&request, problem);
                let _ = conn
                    .write(&request.method, &response, false, request.http10)
                    .await;
                return conn.linger().await;
            }
        }
    }
}

/// A plain-text answer, for a request too broken to belong to any API.
fn plain(status: u16, text: &str) -> Response {
    Response {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
        body: format!("{text}\n").into_bytes(),
    }
}
