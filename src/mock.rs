//! [`MockService`]: the operations the crate types, of every API, in memory, pure and
//! deterministic, for test suites and local development.

use alloc::collections::{BTreeMap, VecDeque};
use alloc::format;
use alloc::string::String;

use crate::{
    AilyAuthorization, AilyCreateSessionRequest, AilyCreateSessionResponse,
    AilyDeleteSessionResponse, AilyGetSessionResponse, AilyServiceError, AilySession,
    AilySessionId, AilyUpdateSessionRequest, AilyUpdateSessionResponse, Api, Headers,
    LexDeleteSessionRequest, LexDeleteSessionResponse, LexServiceError, LexV2BotAliasId,
    LexV2BotId, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse, LexV2GetSessionResponse,
    LexV2LocaleId, LexV2NonEmptyString, LexV2PutSessionRequest, LexV2ServiceError, LexV2Session,
    LexV2SessionId, Operation, RouteError, WireResponse,
};

/// An in-memory stand-in for both services: the sessions of each API, and a function from an
/// incoming request to the response the real service would give. No I/O and no randomness:
/// time comes from the [`MockClock`] it is given, and the same calls give the same answers. It
/// never panics, whatever the input.
///
/// What it answers, in order:
/// 1. a request line that does not route: the rejection in the format of the API whose path it
///    was ([`RouteRejection::render`](crate::RouteRejection::render)); another operation on the
///    same paths (Aily's messages and runs, Lex's get and put session) is not modelled and gets
///    the 501 a gateway that does not pass it through gives;
/// 2. Aily: an `Authorization` header that is missing, doubled or not `Bearer <token>`: 99991661
///    ([`AilyServiceError::from_authorization_error`]); any valid token is accepted. Lex
///    requests are not SigV4-checked (the `botsession-mock` server checks tokens it issued,
///    signatures and rate limits in front of the mock, when it is given credentials);
/// 3. Aily create and update: a header or body the operation refuses (after the token, as the
///    service checks it first): the rejection, 2700001 with a field violation naming the field;
/// 4. a scripted fault, while one is queued for that API or that operation (the first queued
///    that applies): [`fail_next_aily`](Self::fail_next_aily),
///    [`fail_next_lex`](Self::fail_next_lex), [`fail_next_lex_v2`](Self::fail_next_lex_v2),
///    [`fail_next_operation`](Self::fail_next_operation);
/// 5. the operation on the mock's sessions:
///    - Aily create: a new session, with an id minted from a counter (`session_1`,
///      `session_2`, … in the id alphabet, skipping any id already held, never reused),
///      `created_by` derived from the token (the same token, the same 16-digit user id; the
///      token itself is never stored), both timestamps from the clock, and the fields sent;
///    - Aily get: the session as stored; update: each field sent replaces the stored one, a
///      field left out is kept, and `modified_at` moves to the clock's time; delete: removed;
///    - Lex and Lex V2 DeleteSession: removed;
///    - a session that is not there (never created, or deleted):
///      [`AilyServiceError::session_not_found`], [`LexServiceError::session_not_found`],
///      [`LexV2ServiceError::session_not_found`].
///
/// Every response on an API's path carries a log id (`X-Tt-Logid`) or request id
/// (`x-amzn-RequestId`) of the form `mock-<n>`, `n` counting the calls from 1; a path under no
/// API gets a plain-text 404.
///
/// ```
/// use botsession::{
///     AilyCreateSessionResponse, AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError,
///     MockClock, MockService,
/// };
///
/// let mut mock = MockService::new().with_clock(MockClock::Fixed(1711975665710));
/// let auth = ("Authorization", "Bearer t-g1044qeGEDXTB6NDJOGV4JQX");
/// let json = ("Content-Type", "application/json; charset=utf-8");
///
/// let path = "/open-apis/aily/v1/sessions";
/// let created = mock.handle("POST", path, &[auth, json], br#"{"metadata":"{}"}"#);
/// let created = AilyCreateSessionResponse::from_http(created.status(), created.headers(), created.body())?;
/// let session = created.session();
/// assert_eq!(session.id(), "session_1");
/// assert_eq!(session.created_at(), 1711975665710);
///
/// mock.fail_next_aily(1, AilyServiceError::new(AilyErrorKind::RateLimited));
/// let path = format!("/open-apis/aily/v1/sessions/{}", session.id());
/// let throttled = mock.handle("DELETE", &path, &[auth], b"");
/// assert_eq!(throttled.status(), 429);
/// let deleted = mock.handle("DELETE", &path, &[auth], b"");
/// let read = AilyDeleteSessionResponse::from_http(deleted.status(), deleted.headers(), deleted.body());
/// assert_eq!(read?.request_id(), Some("mock-3"));
/// let again = mock.handle("DELETE", &path, &[auth], b"");
/// assert_eq!(again.status(), 400);
/// # Ok::<(), botsession::ResponseError<AilyServiceError>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct MockService {
    aily: BTreeMap<AilySessionId, AilySession>,
    /// How many Aily ids have been minted.
    minted: u64,
    clock: MockClock,
    lex: BTreeMap<LexDeleteSessionRequest, String>,
    lex_v2: BTreeMap<LexV2DeleteSessionRequest, LexV2Session>,
    /// The fault script, in the order queued.
    faults: VecDeque<Queued>,
    calls: u64,
}

impl MockService {
    /// A mock with no sessions and no faults, whose clock is [`MockClock::default`].
    pub fn new() -> Self {
        Self::default()
    }

    /// The same mock, on `clock`.
    #[must_use]
    pub fn with_clock(mut self, clock: MockClock) -> Self {
        self.clock = clock;
        self
    }

    /// Sets the clock: the time of the next timestamp the mock takes.
    pub fn set_clock(&mut self, clock: MockClock) {
        self.clock = clock;
    }

    /// Adds an Aily session created now (by the clock), with no creator and no fields; `false`
    /// if there was one with this id already (kept as it was).
    pub fn insert_aily_session(&mut self, id: AilySessionId) -> bool {
        if self.aily.contains_key(&id) {
            return false;
        }
        let now = self.clock.now();
        self.aily.insert(id, AilySession::new(id, now));
        true
    }

    /// Adds or replaces an Aily session, as it is; the session it replaced, if any.
    pub fn put_aily_session(&mut self, session: AilySession) -> Option<AilySession> {
        self.aily.insert(session.id(), session)
    }

    /// The Aily session, as stored.
    pub fn aily_session(&self, id: AilySessionId) -> Option<&AilySession> {
        self.aily.get(&id)
    }

    /// Adds a Lex session: the bot, alias and user of `request`, with `session_id` as the id the
    /// success response reports; `false` if there was one for them already (now replaced).
    pub fn insert_lex_session(
        &mut self,
        request: LexDeleteSessionRequest,
        session_id: impl Into<String>,
    ) -> bool {
        self.lex.insert(request, session_id.into()).is_none()
    }

    /// Adds a Lex V2 session: the bot, alias, locale and session of `request`, with an empty
    /// state; `false` if it was already there (and is kept as it was).
    pub fn insert_lex_v2_session(&mut self, request: LexV2DeleteSessionRequest) -> bool {
        if self.lex_v2.contains_key(&request) {
            return false;
        }
        let session = new_v2_session(request.session_id());
        self.lex_v2.insert(request, session);
        true
    }

    /// Stores `session` as the Lex V2 session of `request`'s bot, alias, locale and session:
    /// what GetSession then returns. The session that was there, if any.
    pub fn put_lex_v2_session(
        &mut self,
        request: LexV2DeleteSessionRequest,
        session: LexV2Session,
    ) -> Option<LexV2Session> {
        self.lex_v2.insert(request, session)
    }

    /// The Lex V2 session of `request`'s bot, alias, locale and session, as stored.
    pub fn lex_v2_session(&self, request: &LexV2DeleteSessionRequest) -> Option<&LexV2Session> {
        self.lex_v2.get(request)
    }

    /// Whether the Lex V2 session of `request` exists.
    pub fn has_lex_v2_session(&self, request: &LexV2DeleteSessionRequest) -> bool {
        self.lex_v2.contains_key(request)
    }

    /// Whether the Aily session exists.
    pub fn has_aily_session(&self, id: AilySessionId) -> bool {
        self.aily.contains_key(&id)
    }

    /// Whether a Lex session exists for the bot, alias and user of `request`.
    pub fn has_lex_session(&self, request: &LexDeleteSessionRequest) -> bool {
        self.lex.contains_key(request)
    }

    /// Answers the next `calls` Aily calls of any operation (ones that route and authorize, with
    /// a body the operation reads) with
    /// `error`, after any faults already queued: throttling
    /// (`AilyServiceError::new(AilyErrorKind::RateLimited)`, with its wait headers), an expired
    /// token, a 500.
    pub fn fail_next_aily(&mut self, calls: usize, error: AilyServiceError) {
        self.queue(None, calls, error.into());
    }

    /// Answers the next `calls` Lex DeleteSession calls (ones that route) with `error`, after
    /// any faults already queued: throttling (`LimitExceeded`, with `Retry-After`), 409
    /// `Conflict`, 500 `InternalFailure`.
    pub fn fail_next_lex(&mut self, calls: usize, error: LexServiceError) {
        self.queue(None, calls, error.into());
    }

    /// Answers the next `calls` Lex V2 calls of any operation (ones that route, with a body the
    /// operation reads) with `error`, after any faults already queued: throttling
    /// (`Throttling`, with `Retry-After`), 409 `Conflict`, 500 `InternalServer`.
    pub fn fail_next_lex_v2(&mut self, calls: usize, error: LexV2ServiceError) {
        self.queue(None, calls, error.into());
    }

    /// Answers the next `calls` calls of one operation of the fault's API (`operation` as
    /// [`Api::operations`] names it) with `fault`, after any faults already queued for it; the
    /// API's other operations are answered as before. `false`, and nothing queued, if the API
    /// has no typed operation of that name.
    ///
    /// ```
    /// use botsession::{LexV2ErrorKind, LexV2ServiceError, MockService};
    ///
    /// let mut mock = MockService::new();
    /// let throttled = LexV2ServiceError::new(LexV2ErrorKind::Throttling);
    /// assert!(mock.fail_next_operation("PutSession", 2, throttled.clone()));
    /// assert!(!mock.fail_next_operation("RecognizeText", 1, throttled));
    ///
    /// let path = "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user:42";
    /// assert_eq!(mock.handle("GET", path, &[("a", "b")], b"").status(), 404);
    /// let put = mock.handle("POST", path, &[("Content-Type", "application/json")], br#"{"sessionState":{}}"#);
    /// assert_eq!(put.status(), 429);
    /// ```
    pub fn fail_next_operation(
        &mut self,
        operation: &str,
        calls: usize,
        fault: impl Into<MockFault>,
    ) -> bool {
        let fault = fault.into();
        match fault.api().operations().find(|&name| name == operation) {
            Some(name) => {
                self.queue(Some(name), calls, fault);
                true
            }
            None => false,
        }
    }

    /// Drops every queued fault.
    pub fn clear_faults(&mut self) {
        self.faults.clear();
    }

    /// How many calls the queued faults will still answer, in all.
    pub fn pending_faults(&self) -> usize {
        self.faults.iter().map(|queued| queued.calls).sum()
    }

    fn queue(&mut self, operation: Option<&'static str>, calls: usize, fault: MockFault) {
        if calls > 0 {
            self.faults.push_back(Queued {
                operation,
                calls,
                fault,
            });
        }
    }

    /// The fault for a call of `operation` of `api`, if one is queued for it, counting the call
    /// off it.
    fn next_fault(&mut self, api: Api, operation: &str) -> Option<MockFault> {
        let at = self.faults.iter().position(|queued| {
            queued.fault.api() == api && queued.operation.map_or(true, |name| name == operation)
        })?;
        let queued = self.faults.get_mut(at)?;
        queued.calls -= 1;
        let fault = if queued.calls == 0 {
            self.faults.remove(at)?.fault
        } else {
            queued.fault.clone()
        };
        Some(fault)
    }

    /// Takes the next request id (`mock-<n>`), for an answer made in front of the mock: a
    /// gateway's refusal of a request's credentials, or a token endpoint's answer. The calls
    /// the mock answers itself go on counting after it.
    ///
    /// ```
    /// use botsession::{AilyErrorKind, AilyServiceError, MockService};
    ///
    /// let mut mock = MockService::new();
    /// let id = mock.next_request_id();
    /// let refused = AilyServiceError::new(AilyErrorKind::TenantTokenInvalid).with_request_id(id);
    /// assert_eq!(refused.render().header("X-Tt-Logid"), Some("mock-1"));
    /// let next = mock.handle("GET", "/open-apis/aily/v1/sessions/session_1", &[("a", "b")], b"");
    /// assert_eq!(next.header("X-Tt-Logid"), Some("mock-2"));
    /// ```
    pub fn next_request_id(&mut self) -> String {
        self.calls += 1;
        format!("mock-{}", self.calls)
    }

    /// The answer to a request refused before it reached the service: `error` (a body larger
    /// than a server reads, say) in the format of the API whose path `path` is, with the next
    /// request id; a path under no API gets a plain-text answer. The mock's sessions are not
    /// touched.
    ///
    /// ```
    /// use botsession::{MockService, RouteError};
    ///
    /// let mut mock = MockService::new();
    /// let too_large = RouteError::BodyTooLarge { len: 2 << 20, max: 1 << 20 };
    /// let path = "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user:42";
    /// let answer = mock.reject(path, too_large);
    /// assert_eq!(answer.status(), 413);
    /// assert_eq!(answer.header("x-amzn-RequestId"), Some("mock-1"));
    /// ```
    pub fn reject(&mut self, path: &str, error: RouteError) -> WireResponse {
        let id = self.next_request_id();
        crate::RouteRejection::new(Api::of_path(path), error)
            .with_request_id(id)
            .render()
    }

    /// The response to a request: its `method`, `path` (with any query string), headers (any
    /// [`Headers`]: pairs or, with the `http` feature, an `http::HeaderMap`) and body (empty for
    /// none; read only by the operations that have one). The same as
    /// `mock.answer(MockRequest::read(method, path, headers, body))`.
    pub fn handle<H: Headers + ?Sized>(
        &mut self,
        method: &str,
        path: &str,
        headers: &H,
        body: &[u8],
    ) -> WireResponse {
        self.answer(MockRequest::read(method, path, headers, body))
    }

    /// The response to a request already read: the mock's sessions and fault script decide
    /// it, and it takes the next request id. A server shared between threads reads each
    /// request with [`MockRequest::read`] first, which needs no access to the mock, and holds
    /// its lock only for this.
    pub fn answer(&mut self, request: MockRequest) -> WireResponse {
        let id = self.next_request_id();
        let (request, auth) = match request.read {
            Read::Rejected(rejection) => return rejection.with_request_id(id).render(),
            Read::Refused(error) => return error.with_request_id(id).render(),
            Read::Routed(request, auth) => (request, auth),
        };
        if let Some(fault) = self.next_fault(request.api(), request.name()) {
            return fault.render(id);
        }
        match request {
            Operation::AilyCreateSession(request) => {
                let created_by = auth.as_ref().map(created_by).unwrap_or_default();
                self.aily_create(&request, created_by)
                    .with_request_id(id)
                    .render()
            }
            Operation::AilyGetSession(request) => match self.aily.get(&request.session_id()) {
                Some(session) => AilyGetSessionResponse::new(session.clone())
                    .with_request_id(id)
                    .render(),
                None => not_found(id),
            },
            Operation::AilyUpdateSession(request) => match self.aily_update(&request) {
                Some(session) => AilyUpdateSessionResponse::new(session)
                    .with_request_id(id)
                    .render(),
                None => not_found(id),
            },
            Operation::AilyDeleteSession(request) => {
                match self.aily.remove(&request.session_id()) {
                    Some(_) => AilyDeleteSessionResponse::new()
                        .with_request_id(id)
                        .render(),
                    None => not_found(id),
                }
            }
            Operation::LexDeleteSession(request) => self.lex(request, id),
            Operation::LexV2DeleteSession(request) => self.lex_v2(request, id),
            Operation::LexV2GetSession(request) => {
                let key = v2_key(
                    request.bot_id(),
                    request.bot_alias_id(),
                    request.locale_id(),
                    request.session_id(),
                );
                match self.lex_v2.get(&key) {
                    Some(session) => LexV2GetSessionResponse::new(session.clone())
                        .with_request_id(id)
                        .render(),
                    None => LexV2ServiceError::session_not_found()
                        .with_request_id(id)
                        .render(),
                }
            }
            Operation::LexV2PutSession(request) => self.lex_v2_put(&request, id),
        }
    }

    /// Creates a session: the next free minted id, the clock's time, the fields sent.
    fn aily_create(
        &mut self,
        request: &AilyCreateSessionRequest,
        created_by: String,
    ) -> AilyCreateSessionResponse {
        let id = loop {
            self.minted = self.minted.saturating_add(1);
            let id = minted_id(self.minted);
            if !self.aily.contains_key(&id) {
                break id;
            }
        };
        let now = self.clock.now();
        let mut session = AilySession::new(id, now).with_created_by(created_by);
        if let Some(channel_context) = request.channel_context() {
            session = session.with_channel_context(channel_context.clone());
        }
        if let Some(metadata) = request.metadata() {
            session = session.with_metadata(metadata.clone());
        }
        self.aily.insert(id, session.clone());
        AilyCreateSessionResponse::new(session)
    }

    /// Updates a session, if it is there: the session as updated.
    fn aily_update(&mut self, request: &AilyUpdateSessionRequest) -> Option<AilySession> {
        let now = self.clock.now();
        let stored = self.aily.get_mut(&request.session_id())?;
        *stored = stored
            .clone()
            .updated(request.channel_context(), request.metadata(), now);
        Some(stored.clone())
    }

    fn lex(&mut self, request: LexDeleteSessionRequest, id: String) -> WireResponse {
        match self.lex.remove(&request) {
            Some(session_id) => LexDeleteSessionResponse::new(&request, session_id)
                .with_request_id(id)
                .render(),
            None => LexServiceError::session_not_found()
                .with_request_id(id)
                .render(),
        }
    }

    /// PutSession: the session created, or its state replaced (its messages those sent, no
    /// interpretations), answered as the service does, with the session in its headers.
    fn lex_v2_put(&mut self, request: &LexV2PutSessionRequest, id: String) -> WireResponse {
        let key = v2_key(
            request.bot_id(),
            request.bot_alias_id(),
            request.locale_id(),
            request.session_id(),
        );
        let session = new_v2_session(request.session_id())
            .with_session_state(request.session_state().clone())
            .with_messages(request.messages().iter().cloned());
        // At most 10 messages came in, and at most 10 are kept.
        let session = session.unwrap_or_else(|_| new_v2_session(request.session_id()));
        self.lex_v2.insert(key, session);
        put_answer(request, id)
    }

    fn lex_v2(&mut self, request: LexV2DeleteSessionRequest, id: String) -> WireResponse {
        if self.lex_v2.remove(&request).is_some() {
            return LexV2DeleteSessionResponse::new(&request)
                .with_request_id(id)
                .render();
        }
        LexV2ServiceError::session_not_found()
            .with_request_id(id)
            .render()
    }
}

/// A request as [`MockService`] reads it before it looks at its sessions: routed, its headers
/// and body read, and for Aily its token checked (the service reads a request's token before
/// its headers and body). Reading needs no access to the mock, so a server can read requests
/// on every thread at once and [`answer`](MockService::answer) them one at a time.
///
/// ```
/// use botsession::{MockRequest, MockService};
///
/// let path = "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/s-1";
/// let read = MockRequest::read("DELETE", path, &[("Host", "x")], b"");
/// let mut mock = MockService::new();
/// assert_eq!(mock.answer(read).status(), 404);
/// ```
#[derive(Clone, Debug)]
pub struct MockRequest {
    read: Read,
}

#[derive(Clone, Debug)]
enum Read {
    /// Refused by the router: its rejection.
    Rejected(crate::RouteRejection),
    /// An Aily request without exactly one valid token.
    Refused(AilyServiceError),
    /// A typed operation, with Aily's token.
    Routed(Operation, Option<AilyAuthorization>),
}

impl MockRequest {
    /// Reads a request: its `method`, `path` (with any query string), headers and body, as
    /// [`MockService::handle`] takes them.
    pub fn read<H: Headers + ?Sized>(method: &str, path: &str, headers: &H, body: &[u8]) -> Self {
        let read = match Operation::from_request(method, path, headers, body) {
            Err(rejection) => {
                // The service reads a request's token before its headers and body.
                let token_first =
                    rejection.api() == Some(Api::Aily) && reads_after_token(rejection.error());
                match token_first.then(|| AilyAuthorization::from_request_headers(headers)) {
                    Some(Err(e)) => Read::Refused(AilyServiceError::from_authorization_error(&e)),
                    _ => Read::Rejected(rejection),
                }
            }
            Ok(request) if request.api() == Api::Aily => {
                // Aily's token, read once: checked here, and its user is a new session's
                // creator.
                match AilyAuthorization::from_request_headers(headers) {
                    Ok(auth) => Read::Routed(request, Some(auth)),
                    Err(e) => Read::Refused(AilyServiceError::from_authorization_error(&e)),
                }
            }
            Ok(request) => Read::Routed(request, None),
        };
        MockRequest { read }
    }
}

/// PutSession's success: the session in its headers.
#[cfg(feature = "gzip")]
fn put_answer(request: &LexV2PutSessionRequest, id: String) -> WireResponse {
    crate::LexV2PutSessionResponse::for_request(request)
        .with_request_id(id)
        .render()
}

#[cfg(not(feature = "gzip"))]
use self::unserved_put as put_answer;

/// Without `gzip` the session's headers cannot be written: the mock answers as for an
/// operation it does not serve (its state is stored all the same).
#[cfg(not(feature = "gzip"))]
fn unserved_put(_: &LexV2PutSessionRequest, id: String) -> WireResponse {
    crate::RouteRejection::new(
        Some(Api::LexV2),
        RouteError::OtherOperation {
            operation: "PutSession",
        },
    )
    .with_request_id(id)
    .render()
}

/// The key the mock keeps a Lex V2 session under: its four labels.
fn v2_key(
    bot_id: LexV2BotId,
    bot_alias_id: LexV2BotAliasId,
    locale_id: LexV2LocaleId,
    session_id: &LexV2SessionId,
) -> LexV2DeleteSessionRequest {
    LexV2DeleteSessionRequest::new(bot_id, bot_alias_id, locale_id, session_id.clone())
}

/// A Lex V2 session with nothing in it but its id.
fn new_v2_session(session_id: &LexV2SessionId) -> LexV2Session {
    let session = LexV2Session::new();
    // A session id has 2 to 100 characters: never empty.
    match LexV2NonEmptyString::new(session_id.as_str()) {
        Ok(id) => session.with_session_id(id),
        Err(_) => session,
    }
}

/// Where the service would have read the token first: a header or body of a request whose
/// line routed.
fn reads_after_token(error: &RouteError) -> bool {
    matches!(
        error,
        RouteError::ContentType { .. }
            | RouteError::Header { .. }
            | RouteError::BodyTooLarge { .. }
            | RouteError::Body(_)
            | RouteError::Field { .. }
    )
}

/// The answer for an Aily session that is not there.
fn not_found(id: String) -> WireResponse {
    AilyServiceError::session_not_found()
        .with_request_id(id)
        .render()
}

/// The Aily user id the mock gives the holder of the request's token: 16 decimal digits from
/// a 64-bit FNV-1a hash of it (the token is not kept, and not recoverable from the id).
fn created_by(auth: &AilyAuthorization) -> String {
    let token = auth.token();
    let hash = token
        .expose_secret()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{}", 1_000_000_000_000_000 + hash % 9_000_000_000_000_000)
}

/// The `n`th minted session id: `session_` and `n` in the id alphabet, most significant
/// symbol first (`session_1`, …, `session_z`, `session_10`, …). A `u64` needs at most 13
/// symbols, within the 24 the rule allows.
fn minted_id(n: u64) -> AilySessionId {
    const ALPHABET: &[u8; 33] = b"0123456789abcdefghjkmnpqrstuvwxyz";
    let mut symbols = [0u8; 13];
    let (mut n, mut start) = (n, symbols.len());
    loop {
        start -= 1;
        symbols[start] = ALPHABET[(n % 33) as usize];
        n /= 33;
        if n == 0 || start == 0 {
            break;
        }
    }
    let mut id = String::from("session_");
    id.extend(symbols[start..].iter().map(|&b| char::from(b)));
    // Every symbol is in the alphabet and there are 1 to 13 of them: always a valid id.
    id.parse()
        .unwrap_or(AilySessionId::from_static("session_0"))
}

/// Where the mock's timestamps come from (milliseconds since the Unix epoch).
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum MockClock {
    /// Always this time: every timestamp the same.
    Fixed(i64),
    /// This time, then `step` milliseconds later for each timestamp taken after it.
    Stepping {
        /// The next timestamp.
        next: i64,
        /// How far each timestamp moves the clock.
        step: i64,
    },
    /// The time a function gives: the wall clock, in a server (the library has no clock of its
    /// own: `|| SystemTime::now()…` in the caller's code).
    Function(fn() -> i64),
}

impl Default for MockClock {
    /// `Fixed` at the docs' example time, `1711975665710` (2024-04-01T12:47:45.710Z).
    fn default() -> Self {
        MockClock::Fixed(1_711_975_665_710)
    }
}

impl MockClock {
    /// The time of the next timestamp, moving a stepping clock on.
    fn now(&mut self) -> i64 {
        match self {
            MockClock::Fixed(now) => *now,
            MockClock::Stepping { next, step } => {
                let now = *next;
                *next = next.saturating_add(*step);
                now
            }
            MockClock::Function(now) => now(),
        }
    }
}

/// A scripted answer: a service error of one API, which [`MockService::fail_next_operation`]
/// queues (and the per-API `fail_next_*` methods, for any of the API's operations).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MockFault {
    /// An Aily error.
    Aily(AilyServiceError),
    /// A Lex V1 error.
    Lex(LexServiceError),
    /// A Lex V2 error.
    LexV2(LexV2ServiceError),
}

impl MockFault {
    /// The API whose calls it answers.
    pub fn api(&self) -> Api {
        match self {
            MockFault::Aily(_) => Api::Aily,
            MockFault::Lex(_) => Api::Lex,
            MockFault::LexV2(_) => Api::LexV2,
        }
    }

    /// The error as the service sends it, with the request id `id`.
    fn render(self, id: String) -> WireResponse {
        match self {
            MockFault::Aily(error) => error.with_request_id(id).render(),
            MockFault::Lex(error) => error.with_request_id(id).render(),
            MockFault::LexV2(error) => error.with_request_id(id).render(),
        }
    }
}

impl From<AilyServiceError> for MockFault {
    fn from(error: AilyServiceError) -> Self {
        MockFault::Aily(error)
    }
}

impl From<LexServiceError> for MockFault {
    fn from(error: LexServiceError) -> Self {
        MockFault::Lex(error)
    }
}

impl From<LexV2ServiceError> for MockFault {
    fn from(error: LexV2ServiceError) -> Self {
        MockFault::LexV2(error)
    }
}

/// A fault in the script: what it answers, for which operation (any of its API's, if `None`),
/// and for how many more calls (at least one).
#[derive(Clone, Debug)]
struct Queued {
    operation: Option<&'static str>,
    calls: usize,
    fault: MockFault,
}
