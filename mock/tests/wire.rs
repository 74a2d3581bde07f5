//! Wire manners, byte for byte on raw TCP: header names in the services' spelling, bodies read
//! whole before the answer (late, chunked, past the limit), keep-alive and `Connection: close`,
//! pipelining, `HEAD` and `OPTIONS`, and every path under an API's prefix answered in its format.

mod common;

use botsession::{
    AilyDeleteSessionResponse, AilyServiceError, LexV2DeleteSessionResponse, LexV2ErrorKind,
    LexV2ServiceError, ResponseError,
};
use botsession_mock::http1::{MAX_BODY_LEN, MAX_HEAD_LEN};
use botsession_mock::{builtin, AILY_SESSION, LEX_V2_SESSION};
use common::{run, Harness, RawAnswer, AUTH};

/// A Lex V2 session path that holds no session.
const V2_MISSING: &str = "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/nobody";

fn v2_error(answer: &RawAnswer) -> LexV2ServiceError {
    let headers: Vec<(&str, &str)> = answer
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    match LexV2DeleteSessionResponse::from_http(answer.status, &headers, &answer.body) {
        Err(ResponseError::Service(e)) => e,
        other => panic!("expected a Lex V2 service error, got {other:?}"),
    }
}

fn aily_error(answer: &RawAnswer) -> AilyServiceError {
    let headers: Vec<(&str, &str)> = answer
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    match AilyDeleteSessionResponse::from_http(answer.status, &headers, &answer.body) {
        Err(ResponseError::Service(e)) => e,
        other => panic!("expected an Aily service error, got {other:?}"),
    }
}

#[test]
fn header_names_go_out_as_the_services_spell_them() {
    run(async {
        let h = Harness::start(builtin()).await;
        let mut raw = h.connect().await;
        let aily = format!("/open-apis/aily/v1/sessions/{}", AILY_SESSION.as_str());
        raw.write(
            format!("GET {aily} HTTP/1.1\r\nHost: x\r\nAuthorization: {AUTH}\r\n\r\n").as_bytes(),
        )
        .await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 200, "{}", answer.head);
        assert_eq!(
            answer.exact("X-Tt-Logid"),
            Some("mock-1"),
            "{}",
            answer.head
        );
        assert!(
            answer.exact("Date").is_some_and(|d| d.ends_with(" GMT")),
            "{}",
            answer.head
        );

        raw.write(format!("DELETE {V2_MISSING} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 404);
        assert_eq!(
            answer.exact("x-amzn-RequestId"),
            Some("mock-2"),
            "{}",
            answer.head
        );
        assert_eq!(
            answer.exact("x-amzn-ErrorType"),
            Some("ResourceNotFoundException"),
            "{}",
            answer.head
        );
        h.stop().await;
    });
}

/// The bug lark-oapi and boto3 met: a body that arrives after its head was answered early and
/// the connection dropped. It is read whole first, and the connection stays usable.
#[test]
fn a_late_body_is_read_before_the_answer_and_the_connection_lives_on() {
    run(async {
        let h = Harness::start(builtin()).await;
        let mut raw = h.connect().await;
        for round in 0..20 {
            raw.write(
                format!("DELETE {V2_MISSING} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n")
                    .as_bytes(),
            )
            .await;
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            raw.write(b"hello").await;
            let answer = raw.answer(false).await;
            assert_eq!(answer.status, 404, "round {round}");
            assert_eq!(answer.header("connection"), None, "round {round}");
        }
        let journal = h.server.journal();
        assert_eq!(journal.len(), 20, "no request lost or split in two");
        h.stop().await;
    });
}

#[test]
fn a_body_past_the_limit_gets_the_apis_413_and_connection_close() {
    run(async {
        let h = Harness::start(builtin()).await;
        let path = LEX_V2_SESSION.path();
        // Declared too large: refused before it is read.
        let mut raw = h.connect().await;
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY_LEN + 1
        );
        raw.write(head.as_bytes()).await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 413, "{}", answer.head);
        assert_eq!(answer.exact("Connection"), Some("close"));
        assert!(answer.exact("x-amzn-RequestId").is_some());
        assert_eq!(v2_error(&answer).kind(), &LexV2ErrorKind::Validation);
        assert!(raw.closed().await, "closed after the 413");

        // Chunked past the limit: refused when it gets there.
        let mut raw = h.connect().await;
        let aily = format!("/open-apis/aily/v1/sessions/{}", AILY_SESSION.as_str());
        raw.write(format!("DELETE {aily} HTTP/1.1\r\nHost: x\r\nAuthorization: {AUTH}\r\nTransfer-Encoding: chunked\r\n\r\n").as_bytes()).await;
        let chunk = vec![b'a'; 64 * 1024];
        let mut sent = 0;
        while sent <= MAX_BODY_LEN {
            raw.write(format!("{:x}\r\n", chunk.len()).as_bytes()).await;
            raw.write(&chunk).await;
            raw.write(b"\r\n").await;
            sent += chunk.len();
        }
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 413, "{}", answer.head);
        assert_eq!(answer.exact("Connection"), Some("close"));
        assert!(answer.exact("X-Tt-Logid").is_some());
        aily_error(&answer);
        // The session was not deleted by a request that was never read whole.
        let mut raw = h.connect().await;
        raw.write(
            format!("GET {aily} HTTP/1.1\r\nHost: x\r\nAuthorization: {AUTH}\r\n\r\n").as_bytes(),
        )
        .await;
        assert_eq!(raw.answer(false).await.status, 200);

        // Exactly the limit is read (and refused by the operation's own JSON rule, not the
        // server's).
        let mut raw = h.connect().await;
        let mut body = br#"{"sessionState":{},"pad":""#.to_vec();
        body.resize(MAX_BODY_LEN - 2, b' ');
        body.extend_from_slice(b"\"}");
        assert_eq!(body.len(), MAX_BODY_LEN);
        raw.write(format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n", body.len()).as_bytes()).await;
        raw.write(&body).await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 200, "{}", answer.head);
        assert_eq!(answer.header("connection"), None);
        h.stop().await;
    });
}

#[test]
fn chunked_and_pipelined_requests_are_answered_in_order() {
    run(async {
        let h = Harness::start(builtin()).await;
        let mut raw = h.connect().await;
        let path = LEX_V2_SESSION.path();
        let body = br#"{"sessionState":{"sessionAttributes":{"k":"v"}}}"#;
        let (first, rest) = body.split_at(10);
        let mut pipelined = format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").into_bytes();
        for part in [first, rest] {
            pipelined.extend_from_slice(format!("{:x};ext=1\r\n", part.len()).as_bytes());
            pipelined.extend_from_slice(part);
            pipelined.extend_from_slice(b"\r\n");
        }
        pipelined.extend_from_slice(b"0\r\nTrailer: t\r\n\r\n");
        pipelined.extend_from_slice(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes());
        pipelined
            .extend_from_slice(format!("DELETE {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes());
        pipelined.extend_from_slice(
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        raw.write(&pipelined).await;
        let statuses = [200, 200, 200, 404];
        for (i, status) in statuses.into_iter().enumerate() {
            let answer = raw.answer(false).await;
            assert_eq!(answer.status, status, "answer {i}: {}", answer.head);
            assert_eq!(
                answer.exact("x-amzn-RequestId"),
                Some(format!("mock-{}", i + 1).as_str())
            );
        }
        assert!(raw.closed().await, "closed as asked");
        h.stop().await;
    });
}

#[test]
fn head_and_options_get_what_the_services_give() {
    run(async {
        let h = Harness::start(builtin()).await;
        let mut raw = h.connect().await;
        let path = LEX_V2_SESSION.path();
        raw.write(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await;
        let get = raw.answer(false).await;
        raw.write(format!("HEAD {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await;
        let head = raw.answer(true).await;
        assert_eq!(head.status, get.status);
        assert_eq!(
            head.header("content-length"),
            Some(get.body.len().to_string().as_str())
        );
        assert_eq!(head.header("content-type"), get.header("content-type"));
        // No body followed the HEAD answer: the next answer parses.
        raw.write(format!("OPTIONS {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await;
        let options = raw.answer(false).await;
        assert_eq!(options.status, 405, "{}", options.head);
        assert_eq!(options.exact("Allow"), Some("DELETE, GET, POST"));
        assert!(options.exact("x-amzn-RequestId").is_some());
        h.stop().await;
    });
}

#[test]
fn every_path_under_an_apis_prefix_answers_in_its_format() {
    run(async {
        let h = Harness::start(builtin()).await;
        let mut raw = h.connect().await;
        for (path, id_header) in [
            ("/open-apis/nothing/here", "X-Tt-Logid"),
            ("/open-apis/", "X-Tt-Logid"),
            ("/bot/x", "x-amzn-RequestId"),
            ("/bots/", "x-amzn-RequestId"),
        ] {
            raw.write(
                format!("GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: {AUTH}\r\n\r\n")
                    .as_bytes(),
            )
            .await;
            let answer = raw.answer(false).await;
            assert_eq!(answer.status, 404, "{path}: {}", answer.head);
            assert!(answer.exact(id_header).is_some(), "{path}: {}", answer.head);
            assert!(
                answer
                    .header("content-type")
                    .is_some_and(|t| t.contains("json")),
                "{path}"
            );
        }
        raw.write(b"GET /elsewhere HTTP/1.1\r\nHost: x\r\n\r\n")
            .await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 404);
        assert!(answer
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/plain")));
        h.stop().await;
    });
}

#[test]
fn broken_framing_is_refused_in_the_apis_format_and_closed() {
    run(async {
        let h = Harness::start(builtin()).await;
        for framing in [
            "Content-Length: 12a",
            "Content-Length: 3\r\nContent-Length: 4",
            "Transfer-Encoding: gzip",
            "Transfer-Encoding: chunked\r\nContent-Length: 3",
        ] {
            let mut raw = h.connect().await;
            raw.write(
                format!("DELETE {V2_MISSING} HTTP/1.1\r\nHost: x\r\n{framing}\r\n\r\n").as_bytes(),
            )
            .await;
            let answer = raw.answer(false).await;
            assert_eq!(answer.status, 400, "{framing}: {}", answer.head);
            assert_eq!(answer.exact("Connection"), Some("close"), "{framing}");
            assert_eq!(
                v2_error(&answer).kind(),
                &LexV2ErrorKind::Validation,
                "{framing}"
            );
            assert!(raw.closed().await, "{framing}");
        }
        // A broken chunk.
        let mut raw = h.connect().await;
        raw.write(format!("DELETE {V2_MISSING} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").as_bytes()).await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 400, "{}", answer.head);
        assert_eq!(answer.exact("Connection"), Some("close"));

        // A head that is not HTTP, or too large: plain text, closed.
        let mut raw = h.connect().await;
        raw.write(b"\x16\x03\x01 not http\r\n\r\n").await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 400);
        assert!(raw.closed().await);
        let mut raw = h.connect().await;
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD_LEN));
        raw.write(huge.as_bytes()).await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 431);
        h.stop().await;
    });
}

#[test]
fn expect_continue_and_http_1_0_are_honoured() {
    run(async {
        let h = Harness::start(builtin()).await;
        let mut raw = h.connect().await;
        let path = LEX_V2_SESSION.path();
        let body = br#"{"sessionState":{}}"#;
        raw.write(format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: {}\r\n\r\n", body.len()).as_bytes()).await;
        let go_on = raw.answer(false).await;
        assert_eq!(go_on.status, 100);
        raw.write(body).await;
        assert_eq!(raw.answer(false).await.status, 200);

        let mut old = h.connect().await;
        old.write(format!("DELETE {V2_MISSING} HTTP/1.0\r\n\r\n").as_bytes())
            .await;
        let answer = old.answer(false).await;
        assert_eq!(answer.status, 404);
        assert_eq!(answer.exact("Connection"), Some("close"));
        assert!(old.closed().await);
        let mut kept = h.connect().await;
        kept.write(
            format!("DELETE {V2_MISSING} HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").as_bytes(),
        )
        .await;
        let answer = kept.answer(false).await;
        assert_eq!(answer.exact("Connection"), Some("keep-alive"));
        kept.write(format!("DELETE {V2_MISSING} HTTP/1.0\r\n\r\n").as_bytes())
            .await;
        assert_eq!(kept.answer(false).await.status, 404);
        h.stop().await;
    });
}

/// A stop closes idle keep-alive connections at once: it does not wait for them (nor for the
/// read timeout), and a connection mid-request still gets its answer.
#[test]
fn a_stop_closes_idle_connections_at_once() {
    run(async {
        let h = Harness::start(builtin()).await;
        let mut idle = h.connect().await;
        idle.write(format!("DELETE {V2_MISSING} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await;
        assert_eq!(idle.answer(false).await.status, 404);
        let started = std::time::Instant::now();
        h.stop().await;
        let took = started.elapsed();
        assert!(
            took < std::time::Duration::from_secs(2),
            "the stop took {took:?}"
        );
        assert!(idle.closed().await, "the idle connection was closed");
    });
}

/// A body of exactly `MAX_BODY_LEN` bytes of JSON that PutSession takes.
fn put_body_of_the_limit() -> Vec<u8> {
    let mut body = br#"{"sessionState":{},"pad":""#.to_vec();
    body.resize(MAX_BODY_LEN - 2, b' ');
    body.extend_from_slice(b"\"}");
    body
}

/// `body` in chunks of `size`, then the last chunk, `trailers` and the empty line.
fn chunked(body: &[u8], size: usize, trailers: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n");
    for trailer in trailers {
        out.extend_from_slice(trailer.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out
}

/// The chunked limits, to the byte: a body of exactly the limit is read (the last chunk with
/// nothing after it but the end), and trailers up to a head's worth are read, one byte more
/// refused.
#[test]
fn chunked_bodies_and_trailers_are_read_to_their_limits() {
    run(async {
        let h = Harness::start(builtin()).await;
        let path = LEX_V2_SESSION.path();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        );
        let mut raw = h.connect().await;
        raw.write(head.as_bytes()).await;
        raw.write(&chunked(&put_body_of_the_limit(), 64 * 1024, &[]))
            .await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 200, "{}", answer.head);

        // Sixteen trailer lines of 4,000 bytes and one of `last`: each counts its CRLF.
        let trailers = |last: usize| {
            let mut lines = vec![format!("X-T: {}", "a".repeat(3995)); 16];
            lines.push(format!("X-L: {}", "b".repeat(last - 5)));
            assert_eq!(
                lines.iter().map(|l| l.len() + 2).sum::<usize>(),
                16 * 4002 + last + 2
            );
            lines
        };
        let exact = MAX_HEAD_LEN - 16 * 4002 - 2;
        let body = br#"{"sessionState":{}}"#;
        for (last, status) in [(exact, 200), (exact + 1, 400)] {
            let mut raw = h.connect().await;
            raw.write(head.as_bytes()).await;
            raw.write(&chunked(body, 7, &trailers(last))).await;
            let answer = raw.answer(false).await;
            assert_eq!(
                answer.status, status,
                "trailers ending in {last} bytes: {}",
                answer.head
            );
        }
        h.stop().await;
    });
}

/// A chunk-size line is read up to 4 KiB, however it arrives: one of exactly 4,096 bytes,
/// its CRLF sent later, is read; a longer one is refused.
#[test]
fn chunk_lines_are_read_up_to_4_kib_however_they_arrive() {
    run(async {
        let h = Harness::start(builtin()).await;
        let head = format!(
            "DELETE {V2_MISSING} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        );
        let line = format!("1;{}", "e".repeat(4094));
        assert_eq!(line.len(), 4096);
        let mut raw = h.connect().await;
        raw.write(head.as_bytes()).await;
        // A size line in two writes, then one of exactly 4 KiB waiting for its CRLF.
        raw.write(b"1").await;
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        raw.write(b"\r\nx\r\n").await;
        raw.write(line.as_bytes()).await;
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        raw.write(b"\r\ny\r\n0\r\n\r\n").await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 404, "{}", answer.head);
        assert_eq!(answer.header("connection"), None);

        let mut raw = h.connect().await;
        raw.write(head.as_bytes()).await;
        raw.write(format!("1;{}", "e".repeat(5000)).as_bytes())
            .await;
        let answer = raw.answer(false).await;
        assert_eq!(answer.status, 400, "{}", answer.head);
        assert_eq!(answer.exact("Connection"), Some("close"));
        h.stop().await;
    });
}

/// Only the `Connection` header closes: `close` in another header's value does not.
#[test]
fn only_the_connection_header_asks_to_close() {
    run(async {
        let h = Harness::start(builtin()).await;
        let mut raw = h.connect().await;
        for _ in 0..2 {
            raw.write(format!("DELETE {V2_MISSING} HTTP/1.1\r\nHost: x\r\nX-Note: close\r\nConnection: keep-alive, upgrade\r\n\r\n").as_bytes()).await;
            let answer = raw.answer(false).await;
            assert_eq!(answer.status, 404);
            assert_eq!(answer.header("connection"), None, "{}", answer.head);
        }
        raw.write(
            format!(
                "DELETE {V2_MISSING} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, CLOSE\r\n\r\n"
            )
            .as_bytes(),
        )
        .await;
        assert_eq!(raw.answer(false).await.exact("Connection"), Some("close"));
        assert!(raw.closed().await);
        h.stop().await;
    });
}
