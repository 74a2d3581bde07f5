//! Tokens and `Authorization` values from arbitrary bytes: a valid one round-trips through its
//! `expose_*` method; nothing printed ever contains four bytes of the input in a row, beyond
//! the fixed words of the messages themselves and the numbers (lengths, indices) they report.
#![no_main]

use botsession::{AilyAccessToken, AilyAuthorization};
use libfuzzer_sys::fuzz_target;

/// Every fixed word a token's `Debug`, or an error's `Display` and `Debug`, may print.
const VOCABULARY: &str = concat!(
    "AilyAccessToken { kind: Tenant App User Unknown, len: .. } ",
    "AilyAuthorization { scheme: \"Bearer\", ",
    "invalid Aily access token: invalid Aily authorization: ",
    "byte is not in [A-Za-z0-9-._~+/] [A-Za-z0-9-._~+/=] [=] ",
    "length is below the minimum of 1 byte bytes exceeds the maximum of ",
    "does not start with the scheme \"Bearer\" (any case) and exactly one space ",
    "IdError { kind: AilyAccessToken AilyAuthorization, rule: Length Charset Scheme, ",
    "found_len: , index: , character: None, expected: \"\" }",
);

/// Whether `out` shows a 4-byte window of `secret` that is neither a fixed word nor digits.
fn leaks(secret: &str, out: &str) -> bool {
    secret.len() <= 512
        && secret.as_bytes().windows(4).any(|w| {
            !w.iter().all(u8::is_ascii_digit)
                && !VOCABULARY.as_bytes().windows(4).any(|v| v == w)
                && out.as_bytes().windows(4).any(|o| o == w)
        })
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    match s.parse::<AilyAccessToken>() {
        Ok(token) => {
            assert_eq!(token.expose_secret(), &*s);
            assert!(!leaks(&s, &format!("{token:?}")));
        }
        Err(e) => {
            assert!(e.character().is_none());
            assert!(!leaks(&s, &format!("{e} {e:?}")));
        }
    }
    let header = format!("Bearer {s}");
    match header.parse::<AilyAuthorization>() {
        Ok(auth) => {
            assert_eq!(auth.expose_header_value(), header);
            assert!(!leaks(&s, &format!("{auth:?}")));
        }
        Err(e) => assert!(!leaks(&s, &format!("{e} {e:?}"))),
    }
    if let Ok(auth) = s.parse::<AilyAuthorization>() {
        let again = auth.expose_header_value().parse::<AilyAuthorization>();
        assert_eq!(again.as_ref(), Ok(&auth));
    }
});
