//! PutSession's encoded response headers from arbitrary bytes. The first byte chooses how the
//! rest becomes a header value (as base64 text itself, as the gzip inside the base64, or as the
//! JSON inside the gzip) and which of the three headers carries it. Never a panic; every
//! refusal is short, on one line, and names the header; a session state read writes a header
//! that reads back equal, and a response read renders into one that reads back equal.
#![no_main]

use std::io::Write as _;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use botsession::{LexV2PutSessionResponse, LexV2SessionState, ResponseError};
use libfuzzer_sys::fuzz_target;

const HEADERS: [&str; 3] = [
    "x-amz-lex-session-state",
    "x-amz-lex-messages",
    "x-amz-lex-request-attributes",
];

fn short(text: &str) {
    assert!(
        text.len() < 300 && !text.chars().any(char::is_control),
        "{text:?}"
    );
}

fn gzip(json: &[u8]) -> Vec<u8> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gzip.write_all(json).expect("a Vec");
    gzip.finish().expect("a Vec")
}

fuzz_target!(|data: &[u8]| {
    let [choice, rest @ ..] = data else {
        return;
    };
    let value = match choice % 3 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => STANDARD.encode(rest),
        _ => STANDARD.encode(gzip(rest)),
    };
    match LexV2SessionState::from_header(&value) {
        Ok(state) => {
            let header = state.to_header();
            assert_eq!(LexV2SessionState::from_header(&header).as_ref(), Ok(&state));
        }
        Err(e) => {
            short(&e.to_string());
            assert!(
                e.to_string()
                    .starts_with("header x-amz-lex-session-state: "),
                "{e}"
            );
        }
    }
    let name = HEADERS[usize::from(choice / 3) % HEADERS.len()];
    let headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        (name, value.as_str()),
    ];
    match LexV2PutSessionResponse::from_http(200, &headers, b"") {
        Ok(read) => {
            let wire = read.render();
            let again =
                LexV2PutSessionResponse::from_http(wire.status(), wire.headers(), wire.body())
                    .expect("a rendered response reads back");
            assert_eq!(again, read);
        }
        Err(ResponseError::Malformed(m)) => {
            short(m.reason());
            assert!(
                m.reason().starts_with(&format!("header {name}: ")),
                "{}",
                m.reason()
            );
        }
        Err(e) => panic!("a 200 read as {e}"),
    }
});
