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
            // A success is kept as received, and what it renders reads back with the same
            // fields; the request id only where it is a sendable header value (`render` drops
            // any other).
            let wire = ok.render();
            let read =
                LexV2DeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
                    .expect("a rendered success reads back as one");
            assert_eq!(read.http_status(), ok.http_status());
            assert_eq!(read.bot_id(), ok.bot_id());
            assert_eq!(read.bot_alias_id(), ok.bot_alias_id());
            assert_eq!(read.locale_id(), ok.locale_id());
            assert_eq!(read.session_id(), ok.session_id());
            assert!(read.request_id().is_none() || read.request_id() == ok.request_id());
        }
        Err(e) => {
            let text = e.to_string();
            assert!(text.len() < 256 && !text.contains(['\r', '\n', '\0']));
            assert_eq!(e.http_status(), status);
        }
    }
});
