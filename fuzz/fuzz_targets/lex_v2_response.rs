//! Lex V2 response classification over an arbitrary status, headers and body: never a panic,
//! always a short message that keeps the status.
#![no_main]

mod common;

use botsession::LexV2DeleteSessionResponse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((status, headers, body)) = common::split_response(data) else {
        return;
    };
    match LexV2DeleteSessionResponse::from_http(status, &headers, body) {
        Ok(ok) => {
            assert_eq!(ok.http_status(), status);
            // A success is kept as received, and what it renders reads back equal.
            let wire = ok.render();
            assert_eq!(
                LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body()),
                Ok(ok)
            );
        }
        Err(e) => {
            let text = e.to_string();
            assert!(text.len() < 256 && !text.contains(['\r', '\n', '\0']));
            assert_eq!(e.http_status(), status);
        }
    }
});
