//! Aily session responses (create, get and update answer alike) over an arbitrary status,
//! headers and body: never a panic, always a short message that keeps the status, and every
//! success renders back into a response that reads equal.
#![no_main]

mod common;

use botsession::AilyGetSessionResponse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((status, headers, body)) = common::split_response(data) else {
        return;
    };
    match AilyGetSessionResponse::from_http(status, &headers, body) {
        Ok(ok) => {
            assert_eq!(ok.http_status(), status);
            let wire = ok.render();
            let again = AilyGetSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
            assert_eq!(again.as_ref(), Ok(&ok));
        }
        Err(e) => {
            let text = e.to_string();
            assert!(text.len() < 256 && !text.contains(['\r', '\n', '\0']));
            assert_eq!(e.http_status(), status);
        }
    }
});
