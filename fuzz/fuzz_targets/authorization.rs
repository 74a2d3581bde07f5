//! Tokens and `Authorization` values from arbitrary bytes: a valid one round-trips through its
//! `expose_*` method, and nothing printed depends on the token's content.
//!
//! The oracle: every ASCII letter and digit after the first three characters (which carry the
//! documented kind hint) is replaced by the next one of its class. That keeps validity, the
//! failing rule, the index and the length, so `Debug` of the value and `Display`/`Debug` of the
//! error must come out byte-for-byte the same. Any output that quoted the token would differ.
#![no_main]

use botsession::{AilyAccessToken, AilyAuthorization};
use libfuzzer_sys::fuzz_target;

fn rotate(s: &str) -> String {
    s.char_indices()
        .map(|(i, c)| match c {
            _ if i < 3 => c,
            'z' => 'a',
            'Z' => 'A',
            '9' => '0',
            'a'..='y' | 'A'..='Y' | '0'..='8' => char::from(c as u8 + 1),
            _ => c,
        })
        .collect()
}

/// What anyone can see of a parse: the value's `Debug`, or the error's `Display` and `Debug`.
fn shown<T: std::fmt::Debug>(result: &Result<T, botsession::IdError>) -> String {
    match result {
        Ok(value) => format!("ok {value:?}"),
        Err(e) => {
            assert!(e.character().is_none());
            format!("err {e} {e:?}")
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let other = rotate(&s);

    let token = s.parse::<AilyAccessToken>();
    if let Ok(token) = &token {
        assert_eq!(token.expose_secret(), &*s);
    }
    assert_eq!(shown(&token), shown(&other.parse::<AilyAccessToken>()));

    let header = format!("Bearer {s}");
    let auth = header.parse::<AilyAuthorization>();
    if let Ok(auth) = &auth {
        assert_eq!(auth.expose_header_value(), header);
        let again = auth.expose_header_value().parse::<AilyAuthorization>();
        assert_eq!(again.as_ref(), Ok(auth));
    }
    let other_header = format!("Bearer {other}");
    assert_eq!(shown(&auth), shown(&other_header.parse::<AilyAuthorization>()));
});
