//! The optional integrations: `http` request/response conversions and the `proptest`
//! strategies downstream crates use, the Lex V2 session values' among them: every one drawn
//! renders and reads back equal (JSON, the gzip headers, PutSession's request).

mod common;

#[cfg(feature = "http")]
mod http_feature {
    use botsession::{
        AilyAuthorization, AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyErrorKind,
        AilyHost, AuthorizationError, LexDeleteSessionRequest, LexDeleteSessionResponse,
        LexErrorKind, LexRegion, ResponseError, RouteError,
    };
    use http::{HeaderValue, Method, Request, Response, StatusCode};
    use std::time::Duration;

    use crate::common::fixtures::{aily_request, lex_request};

    const TOKEN: &str = "u-Zq9xW7vK3mP0rT5yB8nL2";

    #[test]
    fn aily_renders_an_http_request_with_a_sensitive_authorization() {
        let auth: AilyAuthorization = format!("bearer {TOKEN}").parse().unwrap();
        let request = aily_request().to_http_request(AilyHost::Lark, &auth);
        assert_eq!(request.method(), Method::DELETE);
        assert_eq!(
            request.uri(),
            "https://open.larksuite.com/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m"
        );
        let value = &request.headers()["Authorization"];
        assert_eq!(value, &format!("Bearer {TOKEN}"));
        assert!(value.is_sensitive());
        assert!(!format!("{request:?}").contains(&TOKEN[2..]));
    }

    #[test]
    fn lex_renders_an_http_request_with_encoded_labels() {
        let request = lex_request();
        let region: LexRegion = "eu-west-1".parse().unwrap();
        let http_request = request.to_http_request(&region);
        assert_eq!(http_request.method(), Method::DELETE);
        assert_eq!(
            http_request.uri(),
            "https://runtime.lex.eu-west-1.amazonaws.com/bot/OrderFlowers/alias/%24LATEST/user/user%3A42/session"
        );
        // The server side reads the same request back.
        assert_eq!(
            LexDeleteSessionRequest::from_http_request(&http_request),
            Ok(request.clone())
        );
        let (parts, ()) = http_request.into_parts();
        assert_eq!(
            LexDeleteSessionRequest::from_http_parts(&parts),
            Ok(request)
        );
    }

    #[test]
    fn route_parses_incoming_http_requests() {
        let incoming = Request::delete("/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m?x=1")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Vec::<u8>::new())
            .unwrap();
        assert_eq!(
            AilyDeleteSessionRequest::from_http_request(&incoming),
            Ok(aily_request())
        );
        let auth = AilyAuthorization::from_request_headers(incoming.headers()).unwrap();
        assert_eq!(auth.expose_token(), TOKEN);

        let post = Request::post("/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m")
            .body(())
            .unwrap();
        assert_eq!(
            AilyDeleteSessionRequest::from_http_request(&post),
            Err(RouteError::MethodNotAllowed {
                allowed: "DELETE, GET, PUT"
            })
        );
        let (parts, ()) = post.into_parts();
        assert!(AilyDeleteSessionRequest::from_http_parts(&parts).is_err());
        assert_eq!(
            AilyAuthorization::from_request_headers(&parts.headers),
            Err(AuthorizationError::Missing)
        );
        // Get session on the same path is another operation, not a 405.
        let get = Request::get("/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m")
            .body(())
            .unwrap();
        assert_eq!(
            AilyDeleteSessionRequest::from_http_request(&get),
            Err(RouteError::OtherOperation {
                operation: "GetSession"
            })
        );
    }

    #[test]
    fn two_authorization_headers_are_an_error_not_the_first() {
        let mut headers = http::HeaderMap::new();
        headers.append("authorization", HeaderValue::from_static("Bearer t-1"));
        headers.append("Authorization", HeaderValue::from_static("Bearer t-1"));
        assert_eq!(
            AilyAuthorization::from_request_headers(&headers),
            Err(AuthorizationError::Duplicated)
        );
    }

    #[test]
    fn authorization_header_with_non_ascii_bytes_is_rejected_without_echo() {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            "authorization",
            HeaderValue::from_bytes(b"Bearer u-Zq9x\xffW7vK").unwrap(),
        );
        let Err(AuthorizationError::Invalid(err)) =
            AilyAuthorization::from_request_headers(&headers)
        else {
            panic!("accepted")
        };
        assert_eq!(err.index(), Some(13));
        assert!(!err.to_string().contains("Zq9x"));
    }

    #[test]
    fn classifies_http_responses_like_from_http() {
        let ok = Response::builder()
            .status(StatusCode::OK)
            .header("X-Tt-Logid", "2024abc")
            .body(br#"{"code":0,"msg":"success","data":{}}"#.to_vec())
            .unwrap();
        let parsed = AilyDeleteSessionResponse::from_http_response(&ok).unwrap();
        assert_eq!(parsed.request_id(), Some("2024abc"));

        let limited = Response::builder()
            .status(429)
            .header("x-ogw-ratelimit-reset", "4")
            .header("x-request-id", "req-1")
            .body(r#"{"code":99991400,"msg":"too many"}"#)
            .unwrap();
        let err = AilyDeleteSessionResponse::from_http_response(&limited).unwrap_err();
        let ResponseError::Service(e) = &err else {
            panic!("{err}")
        };
        assert_eq!(e.kind(), &AilyErrorKind::RateLimited);
        assert_eq!(e.request_id(), Some("req-1"));
        assert_eq!(err.retry_after(), Some(Duration::from_secs(4)));

        let conflict = Response::builder()
            .status(409)
            .header(
                "x-amzn-ErrorType",
                "ConflictException:http://internal.amazon.com/coral/",
            )
            .header("x-amzn-RequestId", "r-9")
            .body(br#"{"message":"busy"}"#)
            .unwrap();
        let err = LexDeleteSessionResponse::from_http_response(&conflict).unwrap_err();
        let ResponseError::Service(e) = &err else {
            panic!("{err}")
        };
        assert_eq!(e.kind(), &LexErrorKind::Conflict);
        assert_eq!(e.request_id(), Some("r-9"));
        assert_eq!(e.message(), Some("busy"));
    }
}

#[cfg(feature = "proptest")]
mod proptest_feature {
    use botsession::{
        AilyAccessToken, AilyAuthorization, AilyDeleteSessionRequest, AilyMessageId, AilyRunId,
        AilySessionId, LexBotAlias, LexBotName, LexDeleteSessionRequest, LexRegion, LexUserId,
    };
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::common::cases(256)))]

        #[test]
        fn strategies_yield_values_that_reparse(
            session in any::<AilySessionId>(),
            message in any::<AilyMessageId>(),
            run in any::<AilyRunId>(),
            user in any::<LexUserId>(),
            name in any::<LexBotName>(),
            alias in any::<LexBotAlias>(),
            region in any::<LexRegion>(),
            token in any::<AilyAccessToken>(),
            auth in any::<AilyAuthorization>(),
        ) {
            prop_assert_eq!(session.as_str().parse::<AilySessionId>(), Ok(session));
            prop_assert_eq!(message.as_str().parse::<AilyMessageId>(), Ok(message));
            prop_assert_eq!(run.as_str().parse::<AilyRunId>(), Ok(run));
            prop_assert_eq!(user.as_str().parse::<LexUserId>(), Ok(user.clone()));
            prop_assert_eq!(name.as_str().parse::<LexBotName>(), Ok(name.clone()));
            prop_assert_eq!(alias.as_str().parse::<LexBotAlias>(), Ok(alias.clone()));
            prop_assert_eq!(region.as_str().parse::<LexRegion>(), Ok(region.clone()));
            prop_assert_eq!(token.expose_secret().parse::<AilyAccessToken>(), Ok(token));
            prop_assert_eq!(auth.expose_header_value().parse::<AilyAuthorization>(), Ok(auth));
        }

        #[test]
        fn request_strategies_route_back(
            aily in any::<AilyDeleteSessionRequest>(),
            lex in any::<LexDeleteSessionRequest>(),
        ) {
            prop_assert_eq!(AilyDeleteSessionRequest::from_route("DELETE", &aily.path()), Ok(aily));
            prop_assert_eq!(
                LexDeleteSessionRequest::from_route("DELETE", &lex.path()),
                Ok(lex.clone())
            );
        }
    }

    /// Every Lex V2 text drawn reads back, through its constructor and as JSON.
    #[test]
    fn lex_v2_text_strategies_reparse() {
        use botsession::{
            LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl, LexV2ButtonText,
            LexV2ButtonValue, LexV2NonEmptyString, LexV2ParameterName, LexV2RuntimeHintName,
            LexV2RuntimeHintPhrase, LexV2Text,
        };
        use proptest::test_runner::TestRunner;

        fn reparse<T>()
        where
            T: Arbitrary + AsRef<str> + std::str::FromStr + PartialEq + std::fmt::Debug,
            <T as std::str::FromStr>::Err: std::fmt::Debug,
        {
            let mut runner = TestRunner::new(ProptestConfig::with_cases(crate::common::cases(128)));
            runner
                .run(&any::<T>(), |value| {
                    let text = value.as_ref().to_owned();
                    prop_assert!(!text.is_empty());
                    prop_assert_eq!(text.parse::<T>().unwrap(), value);
                    Ok(())
                })
                .unwrap();
        }
        reparse::<LexV2NonEmptyString>();
        reparse::<LexV2Text>();
        reparse::<LexV2AttachmentTitle>();
        reparse::<LexV2AttachmentUrl>();
        reparse::<LexV2ButtonText>();
        reparse::<LexV2ButtonValue>();
        reparse::<LexV2ActiveContextName>();
        reparse::<LexV2ParameterName>();
        reparse::<LexV2RuntimeHintName>();
        reparse::<LexV2RuntimeHintPhrase>();
    }

    /// The strategies reach both ends of every length range, not just the middle.
    #[test]
    fn strategies_cover_the_length_bounds() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;

        let mut runner = TestRunner::deterministic();
        let mut lens = std::collections::BTreeSet::new();
        let mut latest = false;
        for _ in 0..4000 {
            let id = any::<AilySessionId>()
                .new_tree(&mut runner)
                .unwrap()
                .current();
            lens.insert(id.as_str().len());
            let alias = any::<LexBotAlias>()
                .new_tree(&mut runner)
                .unwrap()
                .current();
            latest |= alias.is_latest();
        }
        assert!(lens.contains(&9) && lens.contains(&32), "{lens:?}");
        assert!(latest);
    }

    #[cfg(feature = "serde")]
    mod lex_v2 {
        use botsession::{
            LexV2GetSessionRequest, LexV2PutSessionRequest, LexV2Session, LexV2SessionState,
        };
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(crate::common::cases(128)))]

            /// Every session state, session and request the strategies draw renders and reads
            /// back equal: the JSON document, the gzip header, the request line with its
            /// headers and body.
            #[test]
            fn lex_v2_values_render_and_read_back(
                state in any::<LexV2SessionState>(),
                session in any::<LexV2Session>(),
                put in any::<LexV2PutSessionRequest>(),
                get in any::<LexV2GetSessionRequest>(),
            ) {
                prop_assert_eq!(LexV2SessionState::from_json(&state.to_json()), Ok(state.clone()));
                #[cfg(feature = "gzip")]
                prop_assert_eq!(LexV2SessionState::from_header(&state.to_header()), Ok(state));
                prop_assert_eq!(LexV2Session::from_json(&session.to_json()), Ok(session));
                let headers: Vec<_> = put.headers().collect();
                prop_assert_eq!(
                    LexV2PutSessionRequest::from_request("POST", &put.path(), &headers, &put.body()),
                    Ok(put.clone())
                );
                prop_assert_eq!(LexV2GetSessionRequest::from_route("GET", &get.path()), Ok(get));
            }

            /// PutSession's response for every request drawn renders and reads back equal,
            /// its state, messages and attributes in gzip headers.
            #[cfg(feature = "gzip")]
            #[test]
            fn lex_v2_put_session_responses_read_back(put in any::<LexV2PutSessionRequest>()) {
                let sent = botsession::LexV2PutSessionResponse::for_request(&put);
                let wire = sent.render();
                let read = botsession::LexV2PutSessionResponse::from_http(
                    wire.status(),
                    wire.headers(),
                    wire.body(),
                );
                prop_assert_eq!(read.ok(), Some(sent));
            }
        }

        /// The strategies reach the model's limits and its open sets' unknown values: 20 active
        /// contexts, 10 attributes, 1,024 characters, 10 messages, 100 hint phrases, nested
        /// values, enum values the model does not list.
        #[test]
        fn lex_v2_strategies_reach_the_limits() {
            use proptest::strategy::ValueTree;
            use proptest::test_runner::TestRunner;

            let mut runner = TestRunner::deterministic();
            let (mut contexts, mut attributes, mut text, mut unknown) =
                (false, false, false, false);
            let (mut messages, mut phrases, mut nested) = (false, false, false);
            for _ in 0..400 {
                let session = any::<LexV2Session>()
                    .new_tree(&mut runner)
                    .unwrap()
                    .current();
                messages |= session.messages().len() == 10;
                let state = any::<LexV2SessionState>()
                    .new_tree(&mut runner)
                    .unwrap()
                    .current();
                contexts |= state.active_contexts().len() == 20;
                for context in state.active_contexts() {
                    attributes |= context.context_attributes().len() == 10;
                    text |= context
                        .context_attributes()
                        .values()
                        .any(|v| v.as_str().chars().count() == 1024);
                }
                unknown |= state
                    .dialog_action()
                    .is_some_and(|a| !a.action_type().is_known());
                let slots = state
                    .intent()
                    .map(|i| i.slots().values().collect::<Vec<_>>());
                nested |= slots
                    .unwrap_or_default()
                    .iter()
                    .any(|s| s.sub_slots().values().any(|s| !s.sub_slots().is_empty()));
                let hints = state
                    .runtime_hints()
                    .map(|h| h.slot_hints().values().collect::<Vec<_>>());
                phrases |= hints
                    .unwrap_or_default()
                    .iter()
                    .any(|slots| slots.values().any(|d| d.runtime_hint_values().len() == 100));
            }
            assert!(
                contexts && attributes && text && unknown,
                "{contexts} {attributes} {text} {unknown}"
            );
            assert!(
                messages && phrases && nested,
                "{messages} {phrases} {nested}"
            );
        }
    }
}
