//! Aily session responses (create, get and update answer alike) over an arbitrary status,
//! headers and body: never a panic, always a short message that keeps the status, and every
//! success renders back into a response that reads equal.
#![no_main]

mod common;

use botsession::AilyGetSessionResponse;
use libfuzzer_sys::fuzz_target;

/// Visible ASCII and inner spaces, not blank: what a header carries unchanged.
fn header_safe(value: &str) -> bool {
    !value.is_empty()
        && !value.starts_with(' ')
        && !value.ends_with(' ')
        && value.bytes().all(|b| matches!(b, b' '..=b'~'))
}

fuzz_target!(|data: &[u8]| {
    let Some((status, headers, body)) = common::split_response(data) else {
        return;
    };
    match AilyGetSessionResponse::from_http(status, &headers, body) {
        Ok(ok) => {
            assert_eq!(ok.http_status(), status);
            let wire = ok.render();
            let again = AilyGetSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
                .expect("a rendered success reads back");
            assert_eq!(again.session(), ok.session());
            // A log id that is no valid header value is not written (as `render` documents):
            // the rest reads back equal.
            if ok.request_id().is_none_or(header_safe) {
                assert_eq!(again, ok);
            }
        }
        Err(e) => {
            let text = e.to_string();
            assert!(text.len() < 256 && !text.contains(['\r', '\n', '\0']));
            assert_eq!(e.http_status(), status);
        }
    }
});
