//! Route parsing from an arbitrary request line `<method> <path>`: a parsed request renders a
//! path that parses back to itself; an error's message stays short.
#![no_main]

use botsession::{AilyDeleteSessionRequest, LexDeleteSessionRequest, LexV2DeleteSessionRequest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    let (method, path) = line.split_once(' ').unwrap_or(("DELETE", &line));
    match AilyDeleteSessionRequest::from_route(method, path) {
        Ok(request) => {
            assert_eq!(
                AilyDeleteSessionRequest::from_route("DELETE", &request.path()),
                Ok(request)
            );
        }
        Err(e) => assert!(e.to_string().len() < 256),
    }
    match LexDeleteSessionRequest::from_route(method, path) {
        Ok(request) => {
            let rendered = request.path();
            assert!(rendered
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%/".contains(&b)));
            assert_eq!(
                LexDeleteSessionRequest::from_route("DELETE", &rendered),
                Ok(request)
            );
        }
        Err(e) => assert!(e.to_string().len() < 256),
    }
    match LexV2DeleteSessionRequest::from_route(method, path) {
        Ok(request) => {
            let rendered = request.path();
            assert!(rendered
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%/".contains(&b)));
            assert_eq!(
                LexV2DeleteSessionRequest::from_route("DELETE", &rendered),
                Ok(request)
            );
        }
        Err(e) => assert!(e.to_string().len() < 256),
    }
});
