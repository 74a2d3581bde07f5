//! The optional integrations: `http` request/response conversions and the `proptest`
//! strategies downstream crates use.

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
}
