//! Lex response classification over an arbitrary status, headers and body: never a panic,
//! always a short message.
#![no_main]

use botsession::LexDeleteSessionResponse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Two bytes of status, then `name:value` header lines up to a NUL, then the body.
    let (status, rest) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]), rest),
        _ => return,
    };
    let (head, body) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (&[][..], rest),
    };
    let headers: Vec<(&[u8], &[u8])> = head
        .split(|&b| b == b'\n')
        .filter_map(|line| {
            let i = line.iter().position(|&b| b == b':')?;
            Some((&line[..i], &line[i + 1..]))
        })
        .collect();
    match LexDeleteSessionResponse::from_http(status, &headers, body) {
        Ok(ok) => assert_eq!(ok.http_status(), status),
        Err(e) => {
            assert!(e.to_string().len() < 256);
            assert_eq!(e.http_status(), status);
        }
    }
});
