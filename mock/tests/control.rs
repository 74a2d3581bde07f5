//! The control API under `/__botsession`, over real HTTP: JSON in and out, reset, seeding,
//! faults for one operation, the journal (never a token), and a 400 that says what was wrong
//! with every bad control request. Then the binary itself: `--help`, `--seed` errors that name
//! the entry and field, `--fault` and `--request-journal` on a running process.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use botsession_mock::{builtin, CONTROL_PREFIX, LEX_V2_SESSION};
use common::{run, Answer, Harness, AUTH, AUTHORIZATION};
use serde_json::{json, Value};

fn json_of(answer: &Answer) -> Value {
    assert_eq!(answer.header("content-type"), Some("application/json"));
    serde_json::from_slice(&answer.body).expect("a JSON answer")
}

async fn control(h: &Harness, method: &str, route: &str, body: Value) -> (u16, Value) {
    let url = format!("{}{CONTROL_PREFIX}{route}", h.base);
    let body = if body.is_null() {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    let answer = h.send_body(method, &url, &[], body).await;
    (answer.status, json_of(&answer))
}

#[test]
fn seeds_faults_journal_and_reset_over_http() {
    run(async {
        let h = Harness::start(builtin()).await;
        let v2 = format!(
            "{}/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/seeded-1",
            h.base
        );

        let (status, routes) = control(&h, "GET", "", Value::Null).await;
        assert_eq!(status, 200);
        assert_eq!(routes["routes"].as_array().map(Vec::len), Some(6));

        // Seeding: the session is there afterwards, with its state.
        let seed = json!({"lexV2": [{"botId": "ABCDE12345", "botAliasId": "TSTALIASID", "localeId": "en_US",
            "sessionId": "seeded-1", "sessionState": {"sessionAttributes": {"tier": "gold"}}}]});
        let (status, seeded) = control(&h, "POST", "/sessions", seed).await;
        assert_eq!(
            (status, &seeded),
            (200, &json!({"seeded": {"aily": 0, "lex": 0, "lexV2": 1}}))
        );
        let got = h.send("GET", &v2, &[]).await;
        assert_eq!(got.status, 200);
        let body: Value = serde_json::from_slice(&got.body).unwrap();
        assert_eq!(body["sessionState"]["sessionAttributes"]["tier"], "gold");

        // A fault for one operation: the others are answered as before.
        let fault = json!({"api": "lexV2", "operation": "GetSession", "error": "ThrottlingException",
            "calls": 2, "retryAfterSeconds": 1});
        let (status, queued) = control(&h, "POST", "/faults", fault).await;
        assert_eq!(
            (status, &queued),
            (200, &json!({"queued": 1, "pendingCalls": 2}))
        );
        let throttled = h.send("GET", &v2, &[]).await;
        assert_eq!(throttled.status, 429);
        assert_eq!(
            throttled.header("x-amzn-ErrorType"),
            Some("ThrottlingException")
        );
        assert_eq!(
            control(&h, "GET", "/faults", Value::Null).await.1,
            json!({"pendingCalls": 1})
        );
        let (status, _) = control(&h, "DELETE", "/faults", Value::Null).await;
        assert_eq!(status, 200);
        assert_eq!(
            h.send("GET", &v2, &[]).await.status,
            200,
            "the cleared fault is gone"
        );

        // The journal: service requests only, never a token.
        let aily = format!("{}/open-apis/aily/v1/sessions/session_2?secret=1", h.base);
        assert_eq!(
            h.send("GET", &aily, &[(AUTHORIZATION, AUTH)]).await.status,
            400
        );
        let (status, journal) = control(&h, "GET", "/journal", Value::Null).await;
        assert_eq!(status, 200);
        let requests = journal["requests"].as_array().expect("a list");
        assert_eq!(requests.len(), 4, "{journal}");
        assert_eq!(
            requests[1],
            json!({"method": "GET", "path": "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/seeded-1",
            "api": "lexV2", "operation": "GetSession", "status": 429, "requestId": "mock-2",
            "credential": null})
        );
        assert_eq!(requests[3]["path"], "/open-apis/aily/v1/sessions/session_2");
        let text = journal.to_string();
        assert!(
            !text.contains("g1044qeGEDXTB6NDJOGV4JQX") && !text.contains("secret"),
            "{text}"
        );

        // Reset: the starting sessions, ids from mock-1, the journal empty.
        let (status, reset) = control(&h, "POST", "/reset", Value::Null).await;
        assert_eq!((status, reset), (200, json!({"reset": true})));
        assert_eq!(
            h.send("GET", &v2, &[]).await.status,
            404,
            "the seeded session is gone"
        );
        let builtin = h
            .send("GET", &format!("{}{}", h.base, LEX_V2_SESSION.path()), &[])
            .await;
        assert_eq!(builtin.status, 200);
        assert_eq!(builtin.header("x-amzn-RequestId"), Some("mock-2"));
        let (_, journal) = control(&h, "GET", "/journal", Value::Null).await;
        assert_eq!(journal["requests"].as_array().map(Vec::len), Some(2));
        let (status, _) = control(&h, "DELETE", "/journal", Value::Null).await;
        assert_eq!(status, 200);
        assert_eq!(
            control(&h, "GET", "/journal", Value::Null).await.1["requests"],
            json!([])
        );
        h.stop().await;
    });
}

#[test]
fn every_bad_control_request_says_what_was_wrong() {
    run(async {
        let h = Harness::start(builtin()).await;
        let cases: [(&str, &str, &[u8], u16, &str); 8] = [
            ("POST", "/faults", b"not json", 400, "not JSON"),
            (
                "POST",
                "/faults",
                br#"{"api": "lexV2", "error": "X", "operation": "Nope"}"#,
                400,
                "operation: \"Nope\"",
            ),
            (
                "POST",
                "/faults",
                br#"[{"api": "lex", "error": "X"}, {"api": "aily", "error": "X"}]"#,
                400,
                "[1].error: Aily codes are numbers",
            ),
            (
                "POST",
                "/sessions",
                br#"{"lex": [{"botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "u"}]}"#,
                400,
                "lex[0].userId",
            ),
            ("POST", "/sessions", b"[]", 400, "a seed is a JSON object"),
            ("GET", "/reset", b"", 405, "GET is not served"),
            ("GET", "/nothing", b"", 404, "no control route"),
            ("PUT", "/journal", b"", 405, "Allow: DELETE, GET"),
        ];
        for (method, route, body, status, says) in cases {
            let url = format!("{}{CONTROL_PREFIX}{route}", h.base);
            let answer = h.send_body(method, &url, &[], body.to_vec()).await;
            assert_eq!(answer.status, status, "{method} {route}");
            let error = json_of(&answer)["error"]
                .as_str()
                .expect("an error")
                .to_owned();
            assert!(error.contains(says), "{method} {route}: {error}");
        }
        // Nothing of it reached the mock.
        let (_, journal) = control(&h, "GET", "/journal", Value::Null).await;
        assert_eq!(journal["requests"], json!([]));
        h.stop().await;
    });
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_botsession-mock"))
}

#[test]
fn the_binary_documents_every_flag_and_refuses_a_bad_seed_by_entry_and_field() {
    let help = binary().arg("--help").output().expect("the binary runs");
    assert!(help.status.success());
    let help = String::from_utf8(help.stdout).unwrap();
    for flag in ["--listen", "--seed", "--fault", "--request-journal"] {
        assert!(help.contains(flag), "{flag}");
    }

    let dir = std::env::temp_dir().join(format!("botsession-mock-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        br#"{"aily": [{"id": "session_ab"}, {"id": "session_ab", "metadata": 5}]}"#,
    )
    .unwrap();
    let out = binary()
        .arg("--seed")
        .arg(&bad)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("aily[1].metadata"), "{stderr}");

    let out = binary()
        .args(["--fault", "lexV2:*:X:none"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--fault lexV2:*:X:none: calls"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The binary, started as a user starts it: a seed, a fault, a journal of one; stopped by
/// the test, which kills only the process it started.
#[test]
fn the_binary_serves_its_seed_and_fault_script() {
    let dir = std::env::temp_dir().join(format!("botsession-mock-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = dir.join("seed.json");
    std::fs::write(&seed, br#"{"lex": [{"botName": "OrderFlowers", "botAlias": "prod", "userId": "user-7", "sessionId": "s-7"}]}"#).unwrap();
    let mut child = binary()
        .args([
            "--listen",
            "127.0.0.1:0",
            "--fault",
            "lex:DeleteSession:ConflictException",
            "--request-journal",
            "1",
            "--seed",
        ])
        .arg(&seed)
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .expect("the address line")
        .to_owned();
    let result = std::panic::catch_unwind(|| {
        run(async {
            let client = reqwest_free::Client::new(&base);
            let path = "/bot/OrderFlowers/alias/prod/user/user-7/session";
            assert_eq!(
                client.status("DELETE", path).await,
                409,
                "the scripted fault"
            );
            assert_eq!(
                client.status("DELETE", path).await,
                200,
                "the seeded session"
            );
            assert_eq!(client.status("DELETE", path).await, 404);
            let journal = client
                .body("GET", &format!("{CONTROL_PREFIX}/journal"))
                .await;
            let journal: Value = serde_json::from_slice(&journal).unwrap();
            assert_eq!(journal["capacity"], 1);
            assert_eq!(journal["dropped"], 2);
        });
    });
    let _ = child.kill();
    let _ = child.wait();
    std::fs::remove_dir_all(&dir).unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

/// A client for a server the test did not start in-process: raw HTTP/1 over TCP.
mod reqwest_free {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    pub struct Client {
        addr: String,
    }

    impl Client {
        pub fn new(base: &str) -> Client {
            Client {
                addr: base.trim_start_matches("http://").to_owned(),
            }
        }

        async fn exchange(&self, method: &str, path: &str) -> Vec<u8> {
            let mut stream = TcpStream::connect(&self.addr).await.expect("a connection");
            let request =
                format!("{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            stream.write_all(request.as_bytes()).await.unwrap();
            let mut answer = Vec::new();
            stream.read_to_end(&mut answer).await.unwrap();
            answer
        }

        pub async fn status(&self, method: &str, path: &str) -> u16 {
            let answer = self.exchange(method, path).await;
            std::str::from_utf8(&answer[9..12])
                .unwrap()
                .parse()
                .unwrap()
        }

        pub async fn body(&self, method: &str, path: &str) -> Vec<u8> {
            let answer = self.exchange(method, path).await;
            let at = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
            answer[at + 4..].to_vec()
        }
    }
}
