//! The server under concurrent traffic, on a multi-thread runtime: of many deletes of one
//! session exactly one succeeds, and under mixed create, put, get and delete traffic no request
//! is lost, no session is created twice, and none comes back after its delete. The journal is
//! the witness: every request is in it once, with the status its client saw, and replaying it
//! in order against a one-bit-per-session model gives every status it holds.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use botsession::{AilyCreateSessionResponse, LexV2DeleteSessionRequest, LexV2SessionId};
use botsession_mock::{builtin, LEX_V2_SESSION};
use common::{run, Answer, Harness, AUTH, AUTHORIZATION};

/// The Lex V2 session path of `session`, on the built-in bot, alias and locale.
fn v2_path(session: &str) -> String {
    LexV2DeleteSessionRequest::new(
        LEX_V2_SESSION.bot_id(),
        LEX_V2_SESSION.bot_alias_id(),
        LEX_V2_SESSION.locale_id(),
        session
            .parse::<LexV2SessionId>()
            .expect("a valid session id"),
    )
    .path()
}

fn request_id(answer: &Answer) -> String {
    answer
        .header("x-amzn-RequestId")
        .or_else(|| answer.header("X-Tt-Logid"))
        .expect("every answer has an id")
        .to_owned()
}

#[test]
fn of_concurrent_deletes_of_one_session_exactly_one_succeeds() {
    run(async {
        let h = Arc::new(Harness::start(builtin()).await);
        let url = format!("{}{}", h.base, LEX_V2_SESSION.path());
        let deletes: Vec<_> = (0..64)
            .map(|_| {
                let (h, url) = (Arc::clone(&h), url.clone());
                tokio::spawn(async move { h.send("DELETE", &url, &[]).await.status })
            })
            .collect();
        let mut statuses = Vec::new();
        for delete in deletes {
            statuses.push(delete.await.expect("the client task"));
        }
        assert_eq!(
            statuses.iter().filter(|&&s| s == 200).count(),
            1,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|&&s| s == 404).count(),
            63,
            "{statuses:?}"
        );
        let Ok(h) = Arc::try_unwrap(h) else {
            panic!("every client task ended")
        };
        h.stop().await;
    });
}

/// A small deterministic generator (a 64-bit LCG), so that a failure replays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn mixed_concurrent_traffic_loses_nothing_and_resurrects_nothing() {
    const WORKERS: u64 = 16;
    const CALLS: u64 = 40;
    const SESSIONS: &[&str] = &["user:42", "s-1", "s-2", "s-3"];
    run(async {
        let h = Arc::new(Harness::start(builtin()).await);
        let workers: Vec<_> = (0..WORKERS)
            .map(|worker| {
                let h = Arc::clone(&h);
                tokio::spawn(async move {
                    let mut rng = Lcg(worker + 1);
                    let mut seen = Vec::new();
                    let mut created = Vec::new();
                    for _ in 0..CALLS {
                        let url = format!("{}{}", h.base, v2_path(SESSIONS[rng.below(4) as usize]));
                        let answer = match rng.below(4) {
                            0 => {
                                let body = br#"{"sessionState":{"sessionAttributes":{"k":"v"}}}"#;
                                let json = [("Content-Type", "application/json")];
                                h.send_body("POST", &url, &json, body.to_vec()).await
                            }
                            1 => h.send("GET", &url, &[]).await,
                            2 => h.send("DELETE", &url, &[]).await,
                            _ => {
                                let create = format!("{}/open-apis/aily/v1/sessions", h.base);
                                let headers = [
                                    (AUTHORIZATION, AUTH),
                                    ("Content-Type", "application/json; charset=utf-8"),
                                ];
                                let answer =
                                    h.send_body("POST", &create, &headers, b"{}".to_vec()).await;
                                let read = AilyCreateSessionResponse::from_http(
                                    answer.status,
                                    &answer.headers,
                                    &answer.body,
                                );
                                created.push(read.expect("a created session").session().id());
                                answer
                            }
                        };
                        seen.push((request_id(&answer), answer.status));
                    }
                    (seen, created)
                })
            })
            .collect();
        let mut seen = BTreeMap::new();
        let mut created = Vec::new();
        for worker in workers {
            let (answers, ids) = worker.await.expect("the client task");
            for (id, status) in answers {
                assert!(
                    seen.insert(id.clone(), status).is_none(),
                    "request id {id} given twice"
                );
            }
            created.extend(ids);
        }
        let sent = (WORKERS * CALLS) as usize;
        assert_eq!(seen.len(), sent);
        let distinct: BTreeSet<_> = created.iter().collect();
        assert_eq!(
            distinct.len(),
            created.len(),
            "no Aily session created twice"
        );

        // The journal holds every request once, with the status its client saw.
        let journal = h.server.journal();
        assert_eq!(journal.len(), sent, "no request lost");
        let mut exists: BTreeMap<String, bool> = SESSIONS
            .iter()
            .map(|s| (v2_path(s), *s == "user:42"))
            .collect();
        for (at, entry) in journal.iter().enumerate() {
            let id = entry.request_id.as_deref().expect("journalled with its id");
            assert_eq!(seen.get(id), Some(&entry.status), "journal[{at}] {id}");
            if entry.api != Some("lexV2") {
                assert_eq!(
                    (entry.operation, entry.status),
                    (Some("CreateSession"), 200)
                );
                continue;
            }
            // Replayed in the order the server answered: the one-bit model agrees.
            let there = exists.get_mut(&entry.path).expect("a known session");
            let expected = match entry.operation {
                Some("PutSession") => {
                    *there = true;
                    200
                }
                Some("GetSession") if *there => 200,
                Some("DeleteSession") if *there => {
                    *there = false;
                    200
                }
                _ => 404,
            };
            assert_eq!(entry.status, expected, "journal[{at}]: {entry:?}");
        }
        let Ok(h) = Arc::try_unwrap(h) else {
            panic!("every client task ended")
        };
        h.stop().await;
    });
}
