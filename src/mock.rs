//! [`MockService`]: the operations the crate types, of every API, in memory, pure and
//! deterministic, for test suites and local development.

use alloc::collections::{BTreeMap, BTreeSet, VecDeque};
use alloc::format;
use alloc::string::String;

use crate::{
    AilyAuthorization, AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyServiceError,
    AilySessionId, AuthorizationError, Headers, LexDeleteSessionRequest, LexDeleteSessionResponse,
    LexServiceError, LexV2DeleteSessionRequest, LexV2DeleteSessionResponse, LexV2ServiceError,
    Operation, WireResponse,
};

/// An in-memory stand-in for both services: a set of sessions of each API, and a function from
/// an incoming request to the response the real service would give. No I/O, no clock, no
/// randomness: the same calls give the same answers. It never panics, whatever the input.
///
/// What it answers, in order:
/// 1. a request line that does not route: the rejection in the format of the API whose path it
///    was ([`RouteRejection::render`](crate::RouteRejection::render)); another operation on the
///    same path (get, update or put session) is not modelled and gets the 501 a gateway that
///    does not pass it through gives;
/// 2. Aily: an `Authorization` header that is missing, doubled or not `Bearer <token>`: 99991661
///    ([`AilyServiceError::from_authorization_error`]); any valid token is accepted. Lex
///    requests are not SigV4-checked;
/// 3. a scripted fault, while one is queued for that API: [`fail_next_aily`](Self::fail_next_aily),
///    [`fail_next_lex`](Self::fail_next_lex), [`fail_next_lex_v2`](Self::fail_next_lex_v2);
/// 4. a known session: deleted, and the success response; an unknown one (or one deleted
///    before): [`AilyServiceError::session_not_found`], [`LexServiceError::session_not_found`],
///    [`LexV2ServiceError::session_not_found`].
///
/// Every response on an API's path carries a log id (`X-Tt-Logid`) or request id
/// (`x-amzn-RequestId`) of the form `mock-<n>`, `n` counting the calls from 1; a path under no
/// API gets a plain-text 404.
///
/// ```
/// use botsession::{
///     AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError, AilySessionId, MockService,
/// };
///
/// let mut mock = MockService::new();
/// mock.insert_aily_session(AilySessionId::from_static("session_4dfunz7sp1g8m"));
/// mock.fail_next_aily(1, AilyServiceError::new(AilyErrorKind::RateLimited));
///
/// let path = "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m";
/// let auth = [("Authorization", "Bearer t-g1044qeGEDXTB6NDJOGV4JQX")];
/// let throttled = mock.handle("DELETE", path, &auth);
/// assert_eq!(throttled.status(), 429);
/// let deleted = mock.handle("DELETE", path, &auth);
/// let read = AilyDeleteSessionResponse::from_http(deleted.status(), deleted.headers(), deleted.body());
/// assert_eq!(read?.request_id(), Some("mock-2"));
/// let again = mock.handle("DELETE", path, &auth);
/// assert_eq!(again.status(), 400);
/// # Ok::<(), botsession::ResponseError<AilyServiceError>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct MockService {
    aily: BTreeSet<AilySessionId>,
    lex: BTreeMap<LexDeleteSessionRequest, String>,
    lex_v2: BTreeSet<LexV2DeleteSessionRequest>,
    aily_faults: VecDeque<(usize, AilyServiceError)>,
    lex_faults: VecDeque<(usize, LexServiceError)>,
    lex_v2_faults: VecDeque<(usize, LexV2ServiceError)>,
    calls: u64,
}

impl MockService {
    /// A mock with no sessions and no faults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an Aily session; `false` if it was already there.
    pub fn insert_aily_session(&mut self, id: AilySessionId) -> bool {
        self.aily.insert(id)
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

    /// Adds a Lex V2 session: the bot, alias, locale and session of `request`; `false` if it was
    /// already there.
    pub fn insert_lex_v2_session(&mut self, request: LexV2DeleteSessionRequest) -> bool {
        self.lex_v2.insert(request)
    }

    /// Whether the Lex V2 session of `request` exists.
    pub fn has_lex_v2_session(&self, request: &LexV2DeleteSessionRequest) -> bool {
        self.lex_v2.contains(request)
    }

    /// Whether the Aily session exists.
    pub fn has_aily_session(&self, id: AilySessionId) -> bool {
        self.aily.contains(&id)
    }

    /// Whether a Lex session exists for the bot, alias and user of `request`.
    pub fn has_lex_session(&self, request: &LexDeleteSessionRequest) -> bool {
        self.lex.contains_key(request)
    }

    /// Answers the next `calls` Aily delete-session calls (ones that route and authorize) with
    /// `error`, after any faults already queued: throttling
    /// (`AilyServiceError::new(AilyErrorKind::RateLimited)`, with its wait headers), an expired
    /// token, a 500.
    pub fn fail_next_aily(&mut self, calls: usize, error: AilyServiceError) {
        if calls > 0 {
            self.aily_faults.push_back((calls, error));
        }
    }

    /// Answers the next `calls` Lex DeleteSession calls (ones that route) with `error`, after
    /// any faults already queued: throttling (`LimitExceeded`, with `Retry-After`), 409
    /// `Conflict`, 500 `InternalFailure`.
    pub fn fail_next_lex(&mut self, calls: usize, error: LexServiceError) {
        if calls > 0 {
            self.lex_faults.push_back((calls, error));
        }
    }

    /// Answers the next `calls` Lex V2 DeleteSession calls (ones that route) with `error`, after
    /// any faults already queued: throttling (`Throttling`, with `Retry-After`), 409 `Conflict`,
    /// 500 `InternalServer`.
    pub fn fail_next_lex_v2(&mut self, calls: usize, error: LexV2ServiceError) {
        if calls > 0 {
            self.lex_v2_faults.push_back((calls, error));
        }
    }

    /// The response to a request: its `method`, `path` (with any query string) and headers
    /// (any [`Headers`]: pairs or, with the `http` feature, an `http::HeaderMap`).
    pub fn handle<H: Headers + ?Sized>(
        &mut self,
        method: &str,
        path: &str,
        headers: &H,
    ) -> WireResponse {
        self.calls += 1;
        let id = format!("mock-{}", self.calls);
        let request = match Operation::from_route(method, path) {
            Ok(request) => request,
            Err(rejection) => return rejection.with_request_id(id).render(),
        };
        match request {
            Operation::AilyDeleteSession(request) => {
                let authorization = AilyAuthorization::from_request_headers(headers);
                self.aily(request, authorization, id).render()
            }
            Operation::LexDeleteSession(request) => self.lex(request, id),
            Operation::LexV2DeleteSession(request) => self.lex_v2(request, id),
        }
    }

    fn aily(
        &mut self,
        request: AilyDeleteSessionRequest,
        authorization: Result<AilyAuthorization, AuthorizationError>,
        id: String,
    ) -> Aily {
        if let Err(e) = authorization {
            return Aily::Error(AilyServiceError::from_authorization_error(&e).with_request_id(id));
        }
        if let Some(fault) = next_fault(&mut self.aily_faults) {
            return Aily::Error(fault.with_request_id(id));
        }
        if self.aily.remove(&request.session_id()) {
            return Aily::Ok(AilyDeleteSessionResponse::new().with_request_id(id));
        }
        Aily::Error(AilyServiceError::session_not_found().with_request_id(id))
    }

    fn lex(&mut self, request: LexDeleteSessionRequest, id: String) -> WireResponse {
        if let Some(fault) = next_fault(&mut self.lex_faults) {
            return fault.with_request_id(id).render();
        }
        match self.lex.remove(&request) {
            Some(session_id) => LexDeleteSessionResponse::new(&request, session_id)
                .with_request_id(id)
                .render(),
            None => LexServiceError::session_not_found()
                .with_request_id(id)
                .render(),
        }
    }

    fn lex_v2(&mut self, request: LexV2DeleteSessionRequest, id: String) -> WireResponse {
        if let Some(fault) = next_fault(&mut self.lex_v2_faults) {
            return fault.with_request_id(id).render();
        }
        if self.lex_v2.remove(&request) {
            return LexV2DeleteSessionResponse::new(&request)
                .with_request_id(id)
                .render();
        }
        LexV2ServiceError::session_not_found()
            .with_request_id(id)
            .render()
    }
}

/// An Aily answer before rendering.
enum Aily {
    Ok(AilyDeleteSessionResponse),
    Error(AilyServiceError),
}

impl Aily {
    fn render(&self) -> WireResponse {
        match self {
            Aily::Ok(ok) => ok.render(),
            Aily::Error(e) => e.render(),
        }
    }
}

/// The fault at the front of `queue`, counting one call off it.
fn next_fault<E: Clone>(queue: &mut VecDeque<(usize, E)>) -> Option<E> {
    let (left, error) = queue.front_mut()?;
    let error = error.clone();
    *left = left.saturating_sub(1);
    if *left == 0 {
        queue.pop_front();
    }
    Some(error)
}
