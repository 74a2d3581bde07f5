//! The mock server over real HTTP: [`botsession_mock::serve`] on an ephemeral loopback port, a real HTTP/1 client (hyper-util), URLs from the crate's
//! `url_on`, and every answer classified by the crate's own `from_http`, which must never find
//! it malformed. Each test starts its own server, stops it through its shutdown channel, and
//! is bounded by [`TEST_TIMEOUT`] and a per-request [`REQUEST_TIMEOUT`], so none can hang.

mod common;

use std::time::Duration;

use botsession::{
    AilyChannelContext, AilyCreateSessionRequest, AilyCreateSessionResponse,
    AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyErrorKind, AilyGetSessionRequest,
    AilyGetSessionResponse, AilyMetadata, AilyServiceError, AilySessionId,
    AilyUpdateSessionRequest, AilyUpdateSessionResponse, LexDeleteSessionRequest, LexErrorKind,
    LexServiceError, ResponseError, ServiceError, MAX_PATH_LEN,
};
use botsession_mock as server;
use common::{run, Answer, Harness, Headers, AUTH, AUTHORIZATION};

/// How many times the client sends a request before giving up.
const MAX_ATTEMPTS: u32 = 5;
/// The client sleeps `retry_after() / RETRY_SCALE`: the wait is asserted, not sat through.
const RETRY_SCALE: u32 = 100;
/// The length of the over-long paths sent.
const LONG_PATH_LEN: usize = 5_000;
const _: () = assert!(LONG_PATH_LEN > MAX_PATH_LEN);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The service error an answer was classified as: neither a success nor malformed.
#[track_caller]
fn service_error<T: std::fmt::Debug, E: ServiceError + std::fmt::Debug>(
    what: &str,
    classified: Result<T, ResponseError<E>>,
) -> E {
    match classified {
        Err(ResponseError::Service(e)) => e,
        other => panic!("{what}: expected a service error, got {other:?}"),
    }
}

/// An Aily URL on `base` with `session` as the raw (possibly hostile) path label.
fn aily_url(base: &str, session: &str) -> String {
    let path = AilyDeleteSessionRequest::PATH_TEMPLATE.replace(":aily_session_id", session);
    format!("{base}{path}")
}

/// A Lex URL on `base` with raw (possibly hostile) path labels.
fn lex_url(base: &str, bot: &str, alias: &str, user: &str) -> String {
    let path = LexDeleteSessionRequest::PATH_TEMPLATE
        .replace("{botName}", bot)
        .replace("{botAlias}", alias)
        .replace("{userId}", user);
    format!("{base}{path}")
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/// A whole Aily session through the real server, each answer read by the crate's own
/// `from_http`: create, get, update, get, delete, then get.
#[test]
fn an_aily_session_lives_and_dies() {
    run(async {
        let h = Harness::start(server::builtin()).await;
        let auth = [(AUTHORIZATION, AUTH)];

        // Create, with the biz user header and 255 characters of Chinese metadata.
        let metadata = AilyMetadata::new("元".repeat(255)).expect("255 characters");
        let create = AilyCreateSessionRequest::new()
            .with_channel_context(AilyChannelContext::new("{}").expect("short"))
            .with_metadata(metadata.clone())
            .with_biz_user_id(
                "ou_5ad573a6411d72b8305fda3a9c15c70e"
                    .parse()
                    .expect("ASCII"),
            );
        let mut headers: Vec<(&str, &str)> = create.headers().collect();
        headers.push((AUTHORIZATION, AUTH));
        let answer = h
            .send_body("POST", &create.url_on(&h.base), &headers, create.body())
            .await;
        assert_eq!(answer.status, 200);
        let created =
            AilyCreateSessionResponse::from_http(answer.status, &answer.headers, &answer.body)
                .expect("created");
        let session = created.session().clone();
        assert_eq!(session.metadata(), Some(&metadata));
        assert_eq!(session.created_at(), session.modified_at());
        assert!(session.created_at() > 1_700_000_000_000, "the wall clock");
        assert_ne!(session.id(), server::AILY_SESSION);

        // Get: as created.
        let get = AilyGetSessionRequest::new(session.id());
        let answer = h.send("GET", &get.url_on(&h.base), &auth).await;
        let read = AilyGetSessionResponse::from_http(answer.status, &answer.headers, &answer.body)
            .expect("got");
        assert_eq!(read.session(), &session);

        // Update the channel context only: the metadata is kept, `modified_at` moves on.
        tokio::time::sleep(Duration::from_millis(5)).await;
        let update = AilyUpdateSessionRequest::new(session.id())
            .with_channel_context(AilyChannelContext::new(r#"{"channel":"web"}"#).expect("short"));
        let mut headers: Vec<(&str, &str)> = update.headers().collect();
        headers.push((AUTHORIZATION, AUTH));
        let answer = h
            .send_body("PUT", &update.url_on(&h.base), &headers, update.body())
            .await;
        let updated =
            AilyUpdateSessionResponse::from_http(answer.status, &answer.headers, &answer.body)
                .expect("updated")
                .into_session();
        assert_eq!(
            updated.channel_context().map(AilyChannelContext::as_str),
            Some(r#"{"channel":"web"}"#)
        );
        assert_eq!(updated.metadata(), Some(&metadata));
        assert_eq!(updated.created_at(), session.created_at());
        assert!(updated.modified_at() > session.modified_at());

        // Get: as updated.
        let answer = h.send("GET", &get.url_on(&h.base), &auth).await;
        let read = AilyGetSessionResponse::from_http(answer.status, &answer.headers, &answer.body)
            .expect("got");
        assert_eq!(read.session(), &updated);

        // Delete, then get: the service's answer for a session not there.
        let delete = AilyDeleteSessionRequest::new(session.id());
        let answer = h.send("DELETE", &delete.url_on(&h.base), &auth).await;
        AilyDeleteSessionResponse::from_http(answer.status, &answer.headers, &answer.body)
            .expect("deleted");
        let answer = h.send("GET", &get.url_on(&h.base), &auth).await;
        let e = service_error(
            "get after delete",
            AilyGetSessionResponse::from_http(answer.status, &answer.headers, &answer.body),
        );
        assert_eq!((e.code(), e.http_status()), (2700001, 400));

        // A body the operation refuses: 2700001 naming the field, 256 characters being one
        // too many.
        let long = format!(r#"{{"metadata":"{}"}}"#, "元".repeat(256));
        let headers = [
            (AUTHORIZATION, AUTH),
            ("Content-Type", "application/json; charset=utf-8"),
        ];
        let answer = h
            .send_body("POST", &create.url_on(&h.base), &headers, long.into_bytes())
            .await;
        let e = service_error(
            "a 256-character metadata",
            AilyCreateSessionResponse::from_http(answer.status, &answer.headers, &answer.body),
        );
        assert_eq!((e.code(), e.http_status()), (2700001, 400));
        assert_eq!(e.field_violations()[0].field(), Some("metadata"));
        h.stop().await;
    });
}

/// A Lex V2 client's session: put (the intent and attributes), get (the same state back, field
/// for field), delete, then get: not found. Every answer read by the crate's `from_http`.
#[test]
fn a_lex_v2_session_is_put_read_and_deleted() {
    use botsession::{
        LexV2ActiveContext, LexV2ContextSeconds, LexV2ContextTurns, LexV2DeleteSessionRequest,
        LexV2DeleteSessionResponse, LexV2DialogAction, LexV2DialogActionType, LexV2ErrorKind,
        LexV2GetSessionRequest, LexV2GetSessionResponse, LexV2Intent, LexV2Message,
        LexV2MessageContentType, LexV2PutSessionRequest, LexV2PutSessionResponse,
        LexV2SessionState, LexV2Slot, LexV2SlotValue, LexV2TimeToLive,
    };
    run(async {
        let h = Harness::start(server::builtin()).await;
        let labels = server::LEX_V2_SESSION;
        let (bot, alias, locale) = (labels.bot_id(), labels.bot_alias_id(), labels.locale_id());
        let session = "web:7f3a".parse().expect("a session id");
        let size = LexV2Slot::new().with_value(LexV2SlotValue::new("large".parse().expect("text")));
        let context = LexV2ActiveContext::new(
            "ordering".parse().expect("a context name"),
            LexV2TimeToLive::new(
                LexV2ContextSeconds::new(300).expect("in range"),
                LexV2ContextTurns::new(3).expect("in range"),
            ),
        )
        .with_context_attributes([(
            "pin".parse().expect("a name"),
            "4242".parse().expect("text"),
        )])
        .expect("one attribute");
        let state = LexV2SessionState::new()
            .with_dialog_action(LexV2DialogAction::new(LexV2DialogActionType::Delegate))
            .with_intent(
                LexV2Intent::new("OrderPizza".parse().expect("a name"))
                    .with_slots([("Size".parse().expect("a name"), size)])
                    .expect("one slot"),
            )
            .with_active_contexts([context])
            .expect("one context")
            .with_session_attributes([("customer".parse().expect("a key"), "42".to_owned())])
            .expect("one attribute");
        let message = LexV2Message::new(LexV2MessageContentType::PlainText)
            .with_content("What size?".parse().expect("text"));
        let put = LexV2PutSessionRequest::new(bot, alias, locale, session, state.clone())
            .with_messages([message.clone()])
            .expect("one message")
            .with_request_attributes([("channel".parse().expect("a key"), "web".to_owned())])
            .expect("one attribute");
        let headers: Vec<(&str, &str)> = put.headers().collect();
        let answer = h
            .send_body("POST", &put.url_on(&h.base), &headers, put.body())
            .await;
        assert_eq!(answer.status, 200);
        let put_answer =
            LexV2PutSessionResponse::from_http(answer.status, &answer.headers, &answer.body)
                .expect("put");
        assert_eq!(put_answer.session_state(), Some(&state));
        assert_eq!(put_answer.messages(), std::slice::from_ref(&message));
        assert_eq!(put_answer.request_attributes(), put.request_attributes());
        assert_eq!(put_answer.session_id(), Some(put.session_id()));
        assert!(put_answer.request_id().is_some());

        let get = LexV2GetSessionRequest::new(bot, alias, locale, put.session_id().clone());
        let answer = h.send("GET", &get.url_on(&h.base), &[]).await;
        let got = LexV2GetSessionResponse::from_http(answer.status, &answer.headers, &answer.body)
            .expect("got");
        assert_eq!(
            got.session().session_state(),
            Some(&state),
            "the same state, field for field"
        );
        assert_eq!(got.session().messages(), [message]);
        assert_eq!(
            got.session().session_id().map(|s| s.as_str()),
            Some("web:7f3a")
        );

        let delete = LexV2DeleteSessionRequest::new(bot, alias, locale, put.session_id().clone());
        let answer = h.send("DELETE", &delete.url_on(&h.base), &[]).await;
        LexV2DeleteSessionResponse::from_http(answer.status, &answer.headers, &answer.body)
            .expect("deleted");
        let answer = h.send("GET", &get.url_on(&h.base), &[]).await;
        assert_eq!(answer.status, 404);
        let e = service_error(
            "get after delete",
            LexV2GetSessionResponse::from_http(answer.status, &answer.headers, &answer.body),
        );
        assert_eq!(e.kind(), &LexV2ErrorKind::ResourceNotFound);

        // A body that breaks a rule: the ValidationException names the path.
        let answer = h
            .send_body(
                "POST",
                &put.url_on(&h.base),
                &headers,
                br#"{"sessionState":{"activeContexts":[{"name":"a__b"}]}}"#.to_vec(),
            )
            .await;
        let e = service_error(
            "a context name past its pattern",
            LexV2PutSessionResponse::from_http(answer.status, &answer.headers, &answer.body),
        );
        assert_eq!(
            (e.kind(), e.http_status()),
            (&LexV2ErrorKind::Validation, 400)
        );
        assert!(
            e.message()
                .is_some_and(|m| m.contains("sessionState.activeContexts[0].name")),
            "{:?}",
            e.message()
        );
        h.stop().await;
    });
}

#[test]
fn seeded_sessions_delete_once() {
    run(async {
        let h = Harness::start(server::builtin()).await;
        let aily = AilyDeleteSessionRequest::new(server::AILY_SESSION).url_on(&h.base);
        let lex = server::LEX_SESSION.url_on(&h.base);

        let first = h.send("DELETE", &aily, &[(AUTHORIZATION, AUTH)]).await;
        assert_eq!(first.status, 200);
        let ok = first.aily().expect("the seeded Aily session is deleted");
        assert_eq!(ok.request_id(), Some("mock-1"));

        let again = h.send("DELETE", &aily, &[(AUTHORIZATION, AUTH)]).await;
        assert_eq!(again.status, 400);
        let e = service_error("second Aily delete", again.aily());
        assert_eq!(e.kind(), &AilyErrorKind::ParamInvalid);
        assert_eq!(e.code(), 2700001);
        assert_eq!(e.field_violations()[0].field(), Some("aily_session_id"));

        let first = h.send("DELETE", &lex, &[]).await;
        assert_eq!(first.status, 200);
        let ok = first.lex().expect("the seeded Lex session is deleted");
        assert_eq!(ok.session_id(), Some(server::LEX_SESSION_ID));
        assert_eq!(ok.user_id(), Some(server::LEX_SESSION.user_id().as_str()));
        assert_eq!(ok.request_id(), Some("mock-3"));

        let again = h.send("DELETE", &lex, &[]).await;
        assert_eq!(again.status, 404);
        let e = service_error("second Lex delete", again.lex());
        assert_eq!(e.kind(), &LexErrorKind::NotFound);
        assert_eq!(e.code(), "NotFoundException");

        h.stop().await;
    });
}

#[test]
fn hostile_requests_get_each_services_answer() {
    run(async {
        let h = Harness::start(server::builtin()).await;
        let seeded = server::AILY_SESSION.as_str();
        let aily_url = |session: &str| aily_url(&h.base, session);
        let lex_url = |bot: &str, user: &str| lex_url(&h.base, bot, "prod", user);
        let long_aily = aily_url(&format!("session_{}", "a".repeat(4_964)));
        let long_lex = lex_url("OrderFlowers", &"a".repeat(4_958));
        for long in [&long_aily, &long_lex] {
            assert_eq!(long.len() - h.base.len(), LONG_PATH_LEN);
        }
        let auth = [(AUTHORIZATION, AUTH)];
        let doubled = [(AUTHORIZATION, AUTH), (AUTHORIZATION, AUTH)];

        let dot_segments = aily_url("session_%2e%2e%2Fadmin");
        let trailing_slash = aily_url(&format!("{seeded}/"));
        // (method, URL, headers, status, code)
        let aily: [(&str, String, &Headers<'_>, u16, i64); 8] = [
            ("DELETE", aily_url("session_I"), &auth, 400, 2700001),
            ("DELETE", dot_segments, &auth, 400, 2700001),
            ("DELETE", trailing_slash, &auth, 404, 99991201),
            ("POST", aily_url(seeded), &auth, 405, 99991301),
            ("delete", aily_url(seeded), &auth, 405, 99991301),
            ("DELETE", long_aily, &auth, 414, 2700001),
            ("DELETE", aily_url(seeded), &[], 400, 99991661),
            ("DELETE", aily_url(seeded), &doubled, 400, 99991661),
        ];
        for (method, url, headers, status, code) in aily {
            let answer = h.send(method, &url, headers).await;
            let what = format!("{method} {url:.80}");
            assert_eq!(answer.status, status, "{what}");
            let e = service_error(&what, answer.aily());
            assert_eq!(e.code(), code, "{what}");
            assert_eq!(e.http_status(), status, "{what}");
            assert!(e.request_id().is_some(), "{what}");
            if status == 405 {
                assert_eq!(answer.header("allow"), Some("DELETE, GET, PUT"));
            }
        }

        let (bad, unknown) = ("BadRequestException", "UnknownOperationException");
        let lex: [(&str, String, u16, &str); 7] = [
            ("DELETE", lex_url("OrderFlowers", "%2e%2e"), 400, bad),
            ("DELETE", lex_url("Order-Flowers", "user42"), 400, bad),
            ("DELETE", lex_url("OrderFlowers", "a%2Fb"), 400, bad),
            ("delete", lex_url("OrderFlowers", "user42"), 405, unknown),
            ("GET", lex_url("OrderFlowers", "user42"), 405, unknown),
            ("POST", lex_url("OrderFlowers", "user42"), 501, unknown),
            ("DELETE", long_lex, 414, bad),
        ];
        for (method, url, status, code) in lex {
            let answer = h.send(method, &url, &[]).await;
            let what = format!("{method} {url:.80}");
            assert_eq!(answer.status, status, "{what}");
            let e = service_error(&what, answer.lex());
            assert_eq!(e.code(), code, "{what}");
            assert!(e.request_id().is_some(), "{what}");
            if status == 405 {
                assert_eq!(answer.header("allow"), Some("DELETE, POST"));
            }
        }

        // None of it deleted the seeded sessions.
        let url = AilyDeleteSessionRequest::new(server::AILY_SESSION).url_on(&h.base);
        let answer = h.send("DELETE", &url, &auth).await;
        answer
            .aily()
            .expect("the seeded Aily session is still there");
        let answer = h
            .send("DELETE", &server::LEX_SESSION.url_on(&h.base), &[])
            .await;
        answer.lex().expect("the seeded Lex session is still there");

        h.stop().await;
    });
}

/// Sends `DELETE url` until it succeeds, retrying what the classifier calls retryable after the
/// wait it reads (scaled down), which must be the 1 s the mock's `header` says; returns the
/// attempt that succeeded and the answer.
async fn delete_with_retries<T, E: ServiceError + std::fmt::Debug>(
    h: &Harness,
    url: &str,
    headers: &Headers<'_>,
    classify: fn(&Answer) -> Result<T, ResponseError<E>>,
    header: &str,
) -> (u32, T) {
    for attempt in 1..=MAX_ATTEMPTS {
        let answer = h.send("DELETE", url, headers).await;
        let err = match classify(&answer) {
            Ok(ok) => return (attempt, ok),
            Err(err) => err,
        };
        assert!(
            matches!(err, ResponseError::Service(_)),
            "attempt {attempt}: {err:?}"
        );
        assert!(err.is_retryable(), "attempt {attempt}: {err:?}");
        assert_eq!(answer.status, 429, "attempt {attempt}");
        assert_eq!(answer.header(header), Some("1"), "attempt {attempt}");
        let wait = err.retry_after().expect("a throttled answer says how long");
        assert_eq!(wait, Duration::from_secs(1), "attempt {attempt}");
        tokio::time::sleep(wait / RETRY_SCALE).await;
    }
    panic!("{url}: no success in {MAX_ATTEMPTS} attempts");
}

#[test]
fn client_retries_through_throttling() {
    run(async {
        let mut mock = server::builtin();
        mock.fail_next_aily(2, AilyServiceError::new(AilyErrorKind::RateLimited));
        mock.fail_next_lex(
            2,
            LexServiceError::new(LexErrorKind::LimitExceeded).with_message("slow down"),
        );
        let h = Harness::start(mock).await;

        let url = AilyDeleteSessionRequest::new(server::AILY_SESSION).url_on(&h.base);
        let (attempt, ok) = delete_with_retries(
            &h,
            &url,
            &[(AUTHORIZATION, AUTH)],
            Answer::aily,
            "x-ogw-ratelimit-reset",
        )
        .await;
        assert_eq!(attempt, 3);
        assert_eq!(ok.request_id(), Some("mock-3"));

        let url = server::LEX_SESSION.url_on(&h.base);
        let (attempt, ok) = delete_with_retries(&h, &url, &[], Answer::lex, "Retry-After").await;
        assert_eq!(attempt, 3);
        assert_eq!(ok.session_id(), Some(server::LEX_SESSION_ID));

        // A session that is gone is not retried: the not-found answer is final.
        let other = AilySessionId::from_static("session_2");
        let url = AilyDeleteSessionRequest::new(other).url_on(&h.base);
        let answer = h.send("DELETE", &url, &[(AUTHORIZATION, AUTH)]).await;
        let err = answer.aily().expect_err("no such session");
        assert!(!err.is_retryable());

        h.stop().await;
    });
}
