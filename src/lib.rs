//! Validated identifiers, requests, responses and errors for the session operations of three
//! chat-bot APIs, for the code at a system's edge: gateways, webhooks, mock servers and SDK
//! wrappers.
//!
//! - **Feishu Aily**: the whole session, create `POST https://open.feishu.cn/open-apis/aily/v1/sessions`,
//!   and get, update and delete (`GET`, `PUT`, `DELETE`) on
//!   `…/open-apis/aily/v1/sessions/:aily_session_id`
//!   ([docs](https://open.feishu.cn/document/aily-v1/aily_session/delete)).
//! - **Amazon Lex runtime (V1)**: `DELETE /bot/{botName}/alias/{botAlias}/user/{userId}/session`
//!   ([docs](https://docs.aws.amazon.com/lex/latest/dg/API_runtime_DeleteSession.html)).
//! - **Amazon Lex V2 runtime**: the whole session, GetSession, PutSession and DeleteSession
//!   (`GET`, `POST`, `DELETE`) on
//!   `/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`
//!   ([docs](https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_PutSession.html)),
//!   with the session state typed and every rule of the model checked.
//!   Lex V1 reached end of support on 2025-09-15; see the README's V1 → V2 table.
//!
//! The crate does no I/O. Each identifier is a newtype that cannot hold an invalid value: every
//! constructor, conversion and `Deserialize` runs the one validator for its rule, and a rejected
//! value gives an [`IdError`] that says which identifier, which rule, and where, without quoting
//! the value. Access tokens are secrets: no `Display`, a redacting `Debug`, and explicit
//! `expose_*` methods.
//!
//! ```
//! use botsession::{AilyAuthorization, AilySessionId, IdRule, LexUserId};
//!
//! let session: AilySessionId = "session_4dfunz7sp1g8m".parse()?;
//! assert_eq!(session.as_str(), "session_4dfunz7sp1g8m");
//!
//! let err = "user 42".parse::<LexUserId>().unwrap_err();
//! assert_eq!(err.rule(), IdRule::Charset);
//! assert_eq!(
//!     err.to_string(),
//!     "invalid Lex user id: character ' ' at byte 4 is not in [0-9a-zA-Z._:-]"
//! );
//!
//! let auth: AilyAuthorization = "Bearer t-g1044qeGEDXTB6NDJOGV4JQX".parse()?;
//! assert!(!format!("{auth:?}").contains("g1044"));
//! # Ok::<(), botsession::IdError>(())
//! ```
//!
//! # Identifiers
//!
//! | type | rule | bytes |
//! |---|---|---|
//! | [`AilySessionId`] | `session_[0-9a-hjkmnp-z]{1,24}` | 9–32 |
//! | [`AilyMessageId`] | `message_[0-9a-hjkmnp-z]{1,24}` | 9–32 |
//! | [`AilyRunId`] | `run_[0-9a-hjkmnp-z]{1,28}` | 5–32 |
//! | [`AilyAccessToken`] | RFC 6750 `b64token` | 1–8192 |
//! | [`AilyAuthorization`] | `Bearer ` (scheme in any case) + token | 8–8199 |
//! | [`LexUserId`] | `[0-9a-zA-Z._:-]+`, not `..` | 2–100 |
//! | [`LexBotName`] | `^([A-Za-z]_?)+$` | 2–50 |
//! | [`LexBotAlias`] | `^([A-Za-z]_?)+$` or `$LATEST` | 1–100 |
//! | [`LexRegion`] | `[a-z0-9-]+` | 1–32 |
//! | [`LexV2BotId`] | `[0-9a-zA-Z]`, exactly 10 | 10–10 |
//! | [`LexV2BotAliasId`] | `[0-9a-zA-Z]`, exactly 10 | 10–10 |
//! | [`LexV2LocaleId`] | `[0-9a-zA-Z_]`, not starting with `_`, no `__` | 5–6 |
//! | [`LexV2SessionId`] | `[0-9a-zA-Z._:-]+`, not `..` | 2–100 |
//!
//! # Operations
//!
//! [`AilyDeleteSessionRequest`], [`AilyGetSessionRequest`], [`LexDeleteSessionRequest`],
//! [`LexV2GetSessionRequest`] and [`LexV2DeleteSessionRequest`] are built from validated
//! identifiers, so building one cannot
//! fail. Each renders its exact path and URL, and parses back from an incoming request line with
//! `from_route`, failing with a [`RouteError`] that names the label and the rule, with the HTTP
//! status to answer. With the `serde` feature, Aily's create and update
//! (`AilyCreateSessionRequest`, `AilyUpdateSessionRequest`) are built from the free-text fields
//! ([`AilyChannelContext`], [`AilyMetadata`], [`AilyBizUserId`]: lengths in characters), render
//! their headers and JSON body too, and read a whole incoming request back with
//! `from_request`, whose `RouteError` names the header or body field at fault; Lex V2's
//! PutSession (`LexV2PutSessionRequest`) carries a typed session state (`LexV2SessionState`),
//! whose every value is checked, a broken rule being a `ValueError` with its JSON path:
//!
//! ```
//! use botsession::{LexBotAlias, LexBotName, LexDeleteSessionRequest, RouteError};
//!
//! let request = LexDeleteSessionRequest::new(
//!     LexBotName::from_static("OrderFlowers"),
//!     LexBotAlias::LATEST,
//!     "user:42".parse()?,
//! );
//! let path = request.path();
//! assert_eq!(path, "/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session");
//! assert_eq!(LexDeleteSessionRequest::from_route("DELETE", &path), Ok(request));
//!
//! let err = LexDeleteSessionRequest::from_route("GET", &path).unwrap_err();
//! assert_eq!(err, RouteError::MethodNotAllowed { allowed: "DELETE, POST" });
//! assert_eq!(err.http_status(), 405);
//! # Ok::<(), botsession::IdError>(())
//! ```
//!
//! With the `serde` feature, `AilyDeleteSessionResponse::from_http`,
//! `LexDeleteSessionResponse::from_http` and `LexV2DeleteSessionResponse::from_http` classify
//! whatever a client receives (status, [`Headers`] as the caller holds them, body) into the
//! typed success or a `ResponseError`: the service's error, with open sets of codes that never
//! fail on a new one, or a malformed response. The three service errors speak one vocabulary,
//! the `ServiceError` trait (code, message, request id, status, whether to retry, for Lex as
//! the AWS SDKs decide it, how long to wait, throttling, credentials, clock skew).
//!
#![cfg_attr(feature = "serde", doc = "```")]
#![cfg_attr(not(feature = "serde"), doc = "```ignore")]
//! use std::time::Duration;
//!
//! use botsession::{AilyDeleteSessionResponse, AilyErrorKind, ResponseError};
//!
//! let headers = [("X-Tt-Logid", "2024abc"), ("x-ogw-ratelimit-reset", "2")];
//! let body = br#"{"code":99991400,"msg":"request trigger frequency limit"}"#;
//! let err = AilyDeleteSessionResponse::from_http(429, &headers, body).unwrap_err();
//! let ResponseError::Service(e) = &err else { panic!("{err}") };
//! assert_eq!(e.kind(), &AilyErrorKind::RateLimited);
//! assert_eq!(e.request_id(), Some("2024abc"));
//! assert!(err.is_retryable());
//! assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));
//!
//! let ok = AilyDeleteSessionResponse::from_http(200, &headers, br#"{"code":0,"msg":"success","data":{}}"#);
//! assert!(ok.is_ok());
//! ```
//!
//! # The server side
//!
//! [`Operation::from_request`] reads a request of any API (request line, headers, body) into the
//! typed request of its operation ([`Operation::from_route`]: the request line alone), or gives
//! a [`RouteRejection`] that knows whose path it was; with the `serde` feature its `render`
//! writes the answer in that API's own format, with the request id set by `with_request_id`.
//! Operations the crate does not type on the same paths (Aily's messages and runs, Lex V1's get
//! and put session, Lex V2's recognize and conversation operations) are [`RouteError::OtherOperation`], for a gateway to pass through. Responses and
//! service errors are built as values (`AilyServiceError::new(kind)`,
//! `LexServiceError::session_not_found()`, `LexDeleteSessionResponse::new(&request,
//! session_id)`) and rendered exactly as the service sends them into a `WireResponse` (status,
//! headers, body), which the crate's own `from_http` reads back equal. `MockService` answers
//! whole requests as every service would, keeps every API's sessions on the clock it is given,
//! and has a fault script for testing clients, for any operation of an API or for one
//! (`MockService::fail_next_operation`). A server shared between threads reads each request
//! with `MockRequest::read`, which needs no access to the mock, and holds its lock only for
//! `MockService::answer`: the package `botsession-mock` in the repository's `mock/` is that
//! server.
//!
//! # Adding an operation
//!
//! Everything an operation owns is one file in its API's folder; everything it shares is named
//! there, not copied. In this order:
//!
//! 1. `src/<api>/<operation>.rs` (`src/aily/get_session.rs` is the model of an operation whose
//!    request is its request line, `src/aily/update_session.rs` of one with headers and a
//!    body): the request (validated fields, `METHOD`, `PATH_TEMPLATE`, `new`, the path through
//!    `WritePath`, `from_route` or `from_request` through the router, and `from_parts`, which
//!    builds it from the labels, headers and body the router hands over), and the success
//!    response (Aily: read with the API's envelope reader, `session_response!` for one that
//!    carries a session; Lex: `rest_json_response!`). What every request of the API shares is
//!    declared once (Aily: `request.rs`). Its ids, codes and wire constants come from the
//!    API's `ids.rs`, `codes.rs` or `error.rs`, and `wire.rs`.
//! 2. `src/<api>/mod.rs`: its `mod` and `pub use` lines (the crate root re-exports what each
//!    API's module exports).
//! 3. `src/route/table.rs`: one row in `operations!` (its `Operation` variant), and its method
//!    on its path in the API's path table (a new path is a new `Resource`), in place of the
//!    `Other("…")` entry that named it before.
//! 4. `MockService`: the operation's behaviour on the mock's state, one match arm.
//! 5. The integrations where they list every request: `src/schema.rs` (and so the `schemars`
//!    and `utoipa` features), `src/proptest.rs`, `src/arbitrary.rs`, and `src/http.rs`'s
//!    `from_http_request!` and `from_http_response!` rows.
//!
//! # Features
//!
//! - `std` (default): `std::error::Error` for the errors. Without it the crate is `#![no_std]`
//!   and needs only `alloc`; the errors then implement `core::error::Error`.
//! - `serde` (default): `Serialize` and `Deserialize` for every identifier and request;
//!   deserializing runs the same validator, and inline ids deserialize without allocating. The
//!   secret types only deserialize: writing one takes the named opt-in
//!   `#[serde(serialize_with = "AilyAccessToken::serialize_exposed")]`. Also the JSON response
//!   parsers, through `serde_json`.
//! - `http`: conversions from and to `http` 1.x requests and responses.
//! - `proptest`: `Arbitrary` for every identifier and request.
//! - `arbitrary`: `arbitrary::Arbitrary` for every identifier and request, for downstream
//!   cargo-fuzz targets: any input, however short, gives a valid value.
//! - `schemars`: `JsonSchema` (schemars 1.x) for every identifier, request, response and
//!   error body. An identifier's schema is its rule: an anchored ECMA-262 `pattern` (a
//!   lookahead refuses `..`, an alternation takes `$LATEST`), its byte lengths, its source and,
//!   where the docs show a value, that value as its example; the secret types are `writeOnly`.
//!   A body's schema follows the generator's contract: what `render` writes, or what
//!   `from_http` reads. Turns on `serde`.
//! - `utoipa`: `ToSchema` (utoipa 5.x) for the same types, from the same patterns, and
//!   `IntoParams` for each request's path parameters:
//!   `#[utoipa::path(delete, path = "…", params(LexDeleteSessionRequest))]`. Turns on `serde`
//!   and `std`.
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(rust_2018_idioms, unreachable_pub)]

extern crate alloc;

mod aily;
#[cfg(feature = "arbitrary")]
mod arbitrary;
mod headers;
#[cfg(feature = "http")]
mod http;
mod id;
mod lex;
mod lex_v2;
#[cfg(feature = "serde")]
mod mock;
#[cfg(feature = "proptest")]
mod proptest;
#[cfg(feature = "serde")]
mod response;
mod route;
#[cfg(any(feature = "schemars", feature = "utoipa"))]
mod schema;
#[cfg(feature = "schemars")]
mod schemars;
mod text;
#[cfg(feature = "utoipa")]
mod utoipa;
#[cfg(feature = "serde")]
mod value;

// Each API's `mod.rs` curates what it exports, so an operation added in its folder needs no
// line here.
pub use aily::*;
pub use headers::Headers;
pub use id::{IdError, IdKind, IdRule};
pub use lex::*;
pub use lex_v2::*;
#[cfg(feature = "serde")]
pub use mock::{MockClock, MockFault, MockRequest, MockService};
#[cfg(feature = "serde")]
pub use response::{
    ErrorCode, HeaderText, MalformedResponse, ResponseError, ServiceError, WireResponse,
    MAX_RETRY_AFTER_SECS,
};
pub use route::{Api, BodyError, FieldError, Operation, RouteError, RouteRejection, MAX_PATH_LEN};
pub use text::TextError;
#[cfg(feature = "serde")]
pub use text::EXCERPT_LEN;
#[cfg(feature = "serde")]
pub use value::{ValueError, ValueRule, MAX_DEPTH};

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
