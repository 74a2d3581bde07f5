//! Aily response classification over an arbitrary status, headers and body: never a panic,
//! always a short message that keeps the status.
#![no_main]

mod common;

use botsession::AilyDeleteSessionResponse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((status, headers, body)) = common::split_response(data) else {
        return;
    };
    match AilyDeleteSessionResponse::from_http(status, &headers, body) {
        Ok(ok) => assert_eq!(ok.http_status(), status),
        Err(e) => {
            let text = e.to_string();
            assert!(text.len() < 256 && !text.contains(['\r', '\n', '\0']));
            assert_eq!(e.http_status(), status);
        }
    }
});
