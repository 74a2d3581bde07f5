//! Aily create and update read from an arbitrary request: headers and body as
//! `fuzz_targets/common` splits them (`name:value` header lines up to a NUL, then the body; the
//! two leading bytes choose the operation and whether JSON's `Content-Type` is added). Never a
//! panic; every refusal is a short message on one line; and every request read renders back
//! into a request that reads equal.
#![no_main]

mod common;

use botsession::{AilyCreateSessionRequest, AilyUpdateSessionRequest};
use libfuzzer_sys::fuzz_target;

const JSON: (&[u8], &[u8]) = (b"Content-Type", b"application/json; charset=utf-8");

fn short(text: &str) {
    assert!(text.len() < 256 && !text.chars().any(char::is_control), "{text:?}");
}

fuzz_target!(|data: &[u8]| {
    let Some((choice, mut headers, body)) = common::split_response(data) else {
        return;
    };
    if choice & 1 == 1 {
        headers.push(JSON);
    }
    if choice & 2 == 0 {
        let path = "/open-apis/aily/v1/sessions";
        match AilyCreateSessionRequest::from_request("POST", path, &headers, body) {
            Ok(request) => {
                let headers: Vec<_> = request.headers().collect();
                let again =
                    AilyCreateSessionRequest::from_request("POST", path, &headers, &request.body());
                assert_eq!(again.as_ref(), Ok(&request));
            }
            Err(e) => {
                short(&e.to_string());
                assert!(matches!(e.http_status(), 400 | 413 | 415));
            }
        }
    } else {
        let path = "/open-apis/aily/v1/sessions/session_4dfunz7sp1g8m";
        match AilyUpdateSessionRequest::from_request("PUT", path, &headers, body) {
            Ok(request) => {
                let headers: Vec<_> = request.headers().collect();
                let again =
                    AilyUpdateSessionRequest::from_request("PUT", path, &headers, &request.body());
                assert_eq!(again.as_ref(), Ok(&request));
            }
            Err(e) => {
                short(&e.to_string());
                assert!(matches!(e.http_status(), 400 | 413 | 415));
            }
        }
    }
});
