//! The server side of a request line: from a method and a request target to the typed request
//! of whichever operation the service serves there, or a [`RouteRejection`] that says what is
//! wrong, whose path it was, and (with the `serde` feature) answers in that API's format.
//!
//! - `table.rs`: every operation the crate types and every path it routes, one row each;
//! - `body.rs`: the headers and body an operation reads beside its labels, and the checks of a
//!   JSON body;
//! - `error.rs`: [`RouteError`] and the one table of the statuses it is answered with;
//! - `rejection.rs`: [`RouteRejection`] and its rendering in each API's format;
//! - `label.rs`: the label codec both directions share, and [`MAX_PATH_LEN`].

pub(crate) mod body;
mod error;
pub(crate) mod label;
mod rejection;
mod table;

pub(crate) use body::Incoming;
pub use error::{BodyError, FieldError, RouteError};
pub use label::MAX_PATH_LEN;
pub use rejection::RouteRejection;
pub use table::Operation;
pub(crate) use table::Routed;

use crate::id::Parse;
use crate::Headers;

/// The API a path belongs to, which decides the format of its answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Api {
    /// Feishu Aily, under `/open-apis/`.
    Aily,
    /// Amazon Lex runtime V1, under `/bot/`.
    Lex,
    /// Amazon Lex V2 runtime, under `/bots/`.
    LexV2,
}

impl Api {
    /// The names of the operations of this API that the crate types (and so [`Operation`] has
    /// a variant for), as the service's docs spell them: `["CreateSession", "GetSession",
    /// "UpdateSession", "DeleteSession"]` for Aily with the `serde` feature.
    ///
    /// ```
    /// use botsession::Api;
    ///
    /// assert_eq!(Api::Lex.operations().collect::<Vec<_>>(), ["DeleteSession"]);
    /// assert!(Api::LexV2.operations().any(|name| name == "GetSession"));
    /// assert!(!Api::LexV2.operations().any(|name| name == "RecognizeText"));
    /// ```
    pub fn operations(self) -> impl Iterator<Item = &'static str> + Clone {
        table::TYPED
            .iter()
            .filter(move |(api, _)| *api == self)
            .map(|&(_, name)| name)
    }

    /// The API whose paths start like `path`: `/open-apis/` is Aily's, `/bot/` Lex V1's,
    /// `/bots/` Lex V2's.
    pub fn of_path(path: &str) -> Option<Api> {
        if path.starts_with("/open-apis/") {
            Some(Api::Aily)
        } else if path.starts_with("/bot/") {
            Some(Api::Lex)
        } else if path.starts_with("/bots/") {
            Some(Api::LexV2)
        } else {
            None
        }
    }
}

/// The labels a path template captured, in order, each with its name in the template.
pub(crate) struct Labels<'a> {
    found: [(&'static str, &'a str); MAX_LABELS],
    len: usize,
    next: usize,
}

/// The most labels a template has (Lex V2: four).
const MAX_LABELS: usize = 4;

impl<'a> Labels<'a> {
    /// The next label, percent-decoded and validated as a `T`.
    pub(crate) fn next<T: Parse>(&mut self) -> Result<T, RouteError> {
        let captured = self.found.get(..self.len).unwrap_or_default();
        let &(name, raw) = captured.get(self.next).ok_or(RouteError::NotFound)?;
        self.next += 1;
        label::label(raw, name)
    }

    /// The labels of `path` where it matches `template`: the same segments, a `{label}`
    /// (AWS) standing for any segment, an empty one included (which then fails its
    /// identifier's length rule), and a `:label` (Feishu) for a non-empty one.
    ///
    /// One pass over both: each literal run of the template compared at once, a label taking
    /// the path up to its next `/`. Splitting both into segments first, the plain way, cost
    /// 5,170 instructions per Lex V1 `from_route` and 5,578 per Lex V2 one; this costs 3,625
    /// and 3,676 (`bash benches/count.sh from_route`; the hand-written routes before the router
    /// were 3,436 and 3,479).
    fn capture(template: &'static str, path: &'a str) -> Option<Self> {
        let mut labels = Labels {
            found: [("", ""); MAX_LABELS],
            len: 0,
            next: 0,
        };
        let (t, p) = (template.as_bytes(), path.as_bytes());
        let (mut i, mut j) = (0, 0);
        loop {
            let aws = match t.get(i) {
                None => return (j == p.len()).then_some(labels),
                Some(b'{') => true,
                Some(b':') => false,
                Some(_) => {
                    // A literal run, up to the next label, compared at once.
                    let run = t
                        .get(i..)?
                        .iter()
                        .position(|&b| b == b'{' || b == b':')
                        .unwrap_or(t.len() - i);
                    if p.get(j..j + run)? != t.get(i..i + run)? {
                        return None;
                    }
                    i += run;
                    j += run;
                    continue;
                }
            };
            // The label's name ends at `}` (AWS) or at the template's next `/` (Feishu).
            let name_end = t
                .get(i + 1..)?
                .iter()
                .position(|&b| if aws { b == b'}' } else { b == b'/' })
                .map_or(t.len(), |k| i + 1 + k);
            let name = template.get(i + 1..name_end)?;
            i = name_end + usize::from(aws);
            let segment_end = p
                .get(j..)?
                .iter()
                .position(|&b| b == b'/')
                .map_or(p.len(), |k| j + k);
            let segment = path.get(j..segment_end)?;
            if !aws && segment.is_empty() {
                return None;
            }
            *labels.found.get_mut(labels.len)? = (name, segment);
            labels.len += 1;
            j = segment_end;
        }
    }
}

/// What the service does with a method on a path.
#[derive(Clone, Copy)]
pub(crate) enum Handler {
    /// An operation the crate types: its name, and how its labels become the request.
    Typed(&'static str, TypedParse),
    /// An operation the service serves that the crate does not type: its name.
    Other(&'static str),
}

/// One path of an API and the operations the service serves on it.
pub(crate) struct Resource {
    /// The path, as the docs write it.
    pub(crate) template: &'static str,
    /// Every method of `methods`, sorted, as the `Allow` header of a 405 lists them; empty for
    /// a path with no typed operation, where another method is no route (404), not a 405.
    /// `HEAD`, answered as `GET`, is not listed: the services' docs list the methods of their
    /// operations, and `GET` in the list implies it (RFC 9110, section 9.3.2).
    pub(crate) allow: &'static str,
    /// The operations, by method.
    pub(crate) methods: &'static [(&'static str, Handler)],
}

impl Resource {
    /// What the service does with `method` here: `HEAD` as `GET`.
    fn handler(&self, method: &str) -> Option<Handler> {
        let find = |wanted: &str| {
            self.methods
                .iter()
                .find(|(m, _)| *m == wanted)
                .map(|&(_, handler)| handler)
        };
        find(method).or_else(|| find("GET").filter(|_| method == "HEAD"))
    }
}

/// The operation `method` and `path` (no query string) name among `api`'s paths: the path picks
/// the resource, then the method its operation; the labels are not decoded yet. An operation the
/// crate does not type is [`RouteError::OtherOperation`].
fn resolve<'p>(
    api: Api,
    method: &str,
    path: &'p str,
) -> Result<(&'static str, TypedParse, Labels<'p>), RouteError> {
    for resource in table::resources(api) {
        let Some(labels) = Labels::capture(resource.template, path) else {
            continue;
        };
        return match resource.handler(method) {
            Some(Handler::Typed(name, parse)) => Ok((name, parse, labels)),
            Some(Handler::Other(operation)) => Err(RouteError::OtherOperation { operation }),
            None if resource.allow.is_empty() => Err(RouteError::NotFound),
            None => Err(RouteError::MethodNotAllowed {
                allowed: resource.allow,
            }),
        };
    }
    Err(RouteError::NotFound)
}

/// How a typed operation's labels, headers and body become its request.
type TypedParse = for<'a> fn(Labels<'a>, &Incoming<'a>) -> Result<Operation, RouteError>;

/// Checks a request target's length and drops its query string.
fn checked_path(target: &str) -> Result<&str, RouteError> {
    if target.len() > MAX_PATH_LEN {
        return Err(RouteError::PathTooLong { len: target.len() });
    }
    Ok(label::without_query(target))
}

/// One operation's `from_route`: the request line routed among its API's paths, another
/// operation there being [`RouteError::OtherOperation`].
///
/// Another operation is told apart by its name before its labels are decoded, so that it is
/// never a bad label of this one.
pub(crate) fn route_to<T: Routed>(
    method: &str,
    target: &str,
    incoming: &Incoming<'_>,
) -> Result<T, RouteError> {
    let (name, _, labels) = resolve(T::API, method, checked_path(target)?)?;
    if name != T::NAME {
        return Err(RouteError::OtherOperation { operation: name });
    }
    T::from_parts(labels, incoming)
}

impl Operation {
    /// Reads an incoming request of any API: its request line as
    /// [`from_route`](Self::from_route) routes it, then, for an operation whose request has
    /// headers and a body (Aily create and update session), those: `headers` (any
    /// [`Headers`]) and `body` (the bytes as received; the operation's limit is checked before
    /// anything is parsed). Get and delete read neither.
    ///
    #[cfg_attr(feature = "serde", doc = "```")]
    #[cfg_attr(not(feature = "serde"), doc = "```ignore")]
    /// use botsession::{Operation, RouteError};
    ///
    /// let headers = [("Content-Type", "application/json; charset=utf-8")];
    /// let path = "/open-apis/aily/v1/sessions";
    /// let created = Operation::from_request("POST", path, &headers, br#"{"metadata":"{}"}"#)?;
    /// let Operation::AilyCreateSession(request) = created else { unreachable!() };
    /// assert_eq!(request.metadata().map(|m| m.as_str()), Some("{}"));
    ///
    /// let err = Operation::from_request("POST", path, &headers, br#"{"metadata":1}"#).unwrap_err();
    /// assert_eq!(err.error().field(), Some("metadata"));
    /// assert_eq!(err.to_string(), "request body field metadata: not a string");
    /// # Ok::<(), botsession::RouteRejection>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`from_route`](Self::from_route), and for create and update as
    /// `AilyCreateSessionRequest::from_request`.
    pub fn from_request<H: Headers + ?Sized>(
        method: &str,
        target: &str,
        headers: &H,
        body: &[u8],
    ) -> Result<Self, RouteRejection> {
        let lookup = body::Lookup(headers);
        Self::route(method, target, &Incoming::new(&lookup, body))
    }

    /// Routes a request line of any API: `method` (case-sensitive) and `target`, the path as
    /// the request line carries it (percent-encoded, any query string ignored but counted in
    /// [`MAX_PATH_LEN`]). The length is checked once, then the path's prefix picks the API,
    /// whose operations' own `from_route` rules apply.
    ///
    /// ```
    /// use botsession::{Api, Operation, RouteError};
    ///
    /// let routed = Operation::from_route("DELETE", "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m")?;
    /// assert_eq!(routed.api(), Api::Aily);
    /// assert_eq!(routed.name(), "DeleteSession");
    ///
    /// let err = Operation::from_route("POST", "/bot/Order/alias/prod/user/ab/session").unwrap_err();
    /// assert_eq!(err.api(), Some(Api::Lex));
    /// assert_eq!(err.error(), &RouteError::OtherOperation { operation: "PutSession" });
    /// # Ok::<(), botsession::RouteRejection>(())
    /// ```
    ///
    /// The request line alone is the whole request of every get and delete. It is not of Aily
    /// create and update, which are read with [`from_request`](Self::from_request): routed
    /// here, with no headers and no body, they are refused for their missing `Content-Type`.
    ///
    /// # Errors
    ///
    /// A [`RouteRejection`] with the API whose path it was (`None` for a path under no API's
    /// prefix) and the [`RouteError`]: as [`AilyDeleteSessionRequest::from_route`],
    /// [`LexDeleteSessionRequest::from_route`] and [`LexV2DeleteSessionRequest::from_route`],
    /// and [`RouteError::NotFound`] for any other path.
    ///
    /// [`AilyDeleteSessionRequest::from_route`]: crate::AilyDeleteSessionRequest::from_route
    /// [`LexDeleteSessionRequest::from_route`]: crate::LexDeleteSessionRequest::from_route
    /// [`LexV2DeleteSessionRequest::from_route`]: crate::LexV2DeleteSessionRequest::from_route
    pub fn from_route(method: &str, target: &str) -> Result<Self, RouteRejection> {
        Self::route(method, target, &Incoming::none())
    }

    /// The API of a request line and the name of the operation it names, typed or not, from
    /// its method and path alone (its labels are not decoded, nothing else is read): what a
    /// gateway logs. The name is `None` where the path or the method names no operation, or
    /// the target is longer than [`MAX_PATH_LEN`].
    ///
    /// ```
    /// use botsession::{Api, Operation};
    ///
    /// let path = "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/s1";
    /// assert_eq!(Operation::identify("POST", path), (Some(Api::LexV2), Some("PutSession")));
    /// let text = format!("{path}/text");
    /// assert_eq!(Operation::identify("POST", &text), (Some(Api::LexV2), Some("RecognizeText")));
    /// assert_eq!(Operation::identify("PATCH", path), (Some(Api::LexV2), None));
    /// assert_eq!(Operation::identify("GET", "/favicon.ico"), (None, None));
    /// ```
    pub fn identify(method: &str, target: &str) -> (Option<Api>, Option<&'static str>) {
        let api = Api::of_path(target);
        let name = api.and_then(|api| {
            let path = checked_path(target).ok()?;
            match resolve(api, method, path) {
                Ok((name, _, _)) => Some(name),
                Err(RouteError::OtherOperation { operation }) => Some(operation),
                Err(_) => None,
            }
        });
        (api, name)
    }

    fn route(method: &str, target: &str, incoming: &Incoming<'_>) -> Result<Self, RouteRejection> {
        let api = Api::of_path(target);
        let routed = checked_path(target).and_then(|path| match api {
            Some(api) => {
                resolve(api, method, path).and_then(|(_, parse, labels)| parse(labels, incoming))
            }
            None => Err(RouteError::NotFound),
        });
        routed.map_err(|error| RouteRejection::new(api, error))
    }
}
