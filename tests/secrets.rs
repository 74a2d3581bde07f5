//! No token leaks through formatting.
//!
//! Every public type that can hold an access token (`AilyAccessToken`, `AilyAuthorization`, the
//! values `from_token`, `From` and `token()` build, and the containers callers put them in) and
//! every error produced from token-bearing input (`IdError` from `FromStr`/`TryFrom`, and the
//! `serde` errors) is formatted with `{:?}`, `{:#?}` and, for errors, `{}`; no substring of the
//! token of 4 bytes or more may appear in the output. Kind hints (`u-`, `eyJ`) are 2–3 bytes, so
//! they may.
//!
//! The tokens below are random-looking so that no 4-byte window of them can occur in the
//! crate's own wording by accident; the property test, whose tokens are arbitrary, compares each
//! output with the output for a token of the same shape and different content instead.

mod common;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt::{Debug, Display};
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyDeleteSessionRequest, AilyTokenKind, IdError, IdKind,
    IdRule,
};
use common::fixtures::aily_request;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, Index};

/// Distinctive tokens of every documented shape: user, tenant, app, JWT-like, padded.
const TOKENS: [&str; 5] = [
    "u-Zq9xW7vK3mP0rT5yB8nL2",
    "t-g7QvR2xJ9kWm4TzP8hN3cY6b",
    "a-Hx4Vq8Rz2Nw6Kt0Jp5Ly9Mc",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJxWz9Q",
    "Qw7Zr3Xk9Vn2Bt6Hy1Jm5Ps8+/_~.-Gd4==",
];

/// The RFC 6750 `b64token` set, without the padding.
const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

/// A deterministic random-looking token of `len` bytes (xorshift), for the long cases: a v2
/// user token is 1–2 KB, the rule allows 8192.
fn long_token(len: usize, mut seed: u64) -> String {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            char::from(B64[(seed % B64.len() as u64) as usize])
        })
        .collect()
}

/// The 4-byte windows of `secret` that occur in `output`.
fn leaked_windows<'a>(secret: &'a str, output: &str) -> Vec<&'a [u8]> {
    let seen: HashSet<&[u8]> = output.as_bytes().windows(4).collect();
    secret
        .as_bytes()
        .windows(4)
        .filter(|w| seen.contains(w))
        .collect()
}

#[track_caller]
fn assert_no_leak(secret: &str, what: &str, output: &str) {
    let leaked = leaked_windows(secret, output);
    assert!(
        leaked.is_empty(),
        "{what}: output {:?} contains {} window(s) of the secret, first {:?}",
        output.chars().take(200).collect::<String>(),
        leaked.len(),
        String::from_utf8_lossy(leaked[0]),
    );
}

/// `{:?}` and `{:#?}`.
fn debug_renderings<T: Debug + ?Sized>(value: &T) -> [String; 2] {
    [format!("{value:?}"), format!("{value:#?}")]
}

/// `{}`, `{:?}` and `{:#?}`.
fn error_renderings<T: Debug + Display + ?Sized>(value: &T) -> [String; 3] {
    [
        format!("{value}"),
        format!("{value:?}"),
        format!("{value:#?}"),
    ]
}

#[track_caller]
fn assert_debug_hides<T: Debug + ?Sized>(secret: &str, what: &str, value: &T) {
    for output in debug_renderings(value) {
        assert_no_leak(secret, what, &output);
    }
}

#[track_caller]
fn assert_error_hides<T: Debug + Display + ?Sized>(secret: &str, what: &str, value: &T) {
    for output in error_renderings(value) {
        assert_no_leak(secret, what, &output);
    }
}

#[test]
fn the_leak_check_catches_a_leak() {
    for token in TOKENS {
        assert!(!leaked_windows(token, &format!("x{token}x")).is_empty());
        assert!(!leaked_windows(token, &format!("..{}..", &token[5..9])).is_empty());
        assert!(leaked_windows(token, &format!("..{}..", &token[5..8])).is_empty());
        assert_eq!(
            leaked_windows(token, &format!("{token:?}")).len(),
            token.len() - 3
        );
    }
}

/// A caller's own type holding the secrets, with a derived `Debug`.
#[allow(dead_code)]
#[derive(Debug)]
struct Client {
    base_url: &'static str,
    auth: AilyAuthorization,
    token: Option<AilyAccessToken>,
    history: Vec<AilyAuthorization>,
}

fn check_values(secret: &str) {
    let token: AilyAccessToken = secret.parse().unwrap();
    let auth: AilyAuthorization = format!("Bearer {secret}").parse().unwrap();
    let lower: AilyAuthorization = format!("bearer {secret}").parse().unwrap();
    let owned = AilyAccessToken::try_from(secret.to_owned()).unwrap();
    let from_token = AilyAuthorization::from_token(&token);
    let from_ref = AilyAuthorization::from(&token);
    let back = auth.token();
    assert_eq!(from_token, auth);
    assert_eq!(lower, auth);
    assert_eq!(back, token);

    assert_debug_hides(secret, "token", &token);
    assert_debug_hides(secret, "token from a String", &owned);
    assert_debug_hides(secret, "authorization", &auth);
    assert_debug_hides(secret, "lower-case authorization", &lower);
    assert_debug_hides(secret, "from_token", &from_token);
    assert_debug_hides(secret, "From<&AilyAccessToken>", &from_ref);
    assert_debug_hides(secret, "token()", &back);
    assert_debug_hides(secret, "clone", &auth.clone());
    assert_debug_hides(secret, "Option<token>", &Some(token.clone()));
    assert_debug_hides(secret, "Option<authorization>", &Some(auth.clone()));
    assert_debug_hides(secret, "Vec<token>", &vec![token.clone(), back.clone()]);
    assert_debug_hides(secret, "Vec<authorization>", &vec![auth.clone(); 3]);
    assert_debug_hides(secret, "slice", &[auth.clone(), from_token.clone()][..]);
    assert_debug_hides(secret, "tuple", &(token.clone(), auth.clone()));
    assert_debug_hides(secret, "Result", &Ok::<_, IdError>(token.clone()));
    assert_debug_hides(secret, "Box", &Box::new(auth.clone()));
    assert_debug_hides(secret, "Rc", &Rc::new(token.clone()));
    assert_debug_hides(secret, "Arc<Mutex>", &Arc::new(Mutex::new(auth.clone())));
    assert_debug_hides(secret, "RefCell", &RefCell::new(token.clone()));
    let map: HashMap<AilyAccessToken, AilyAuthorization> =
        [(token.clone(), auth.clone())].into_iter().collect();
    assert_debug_hides(secret, "HashMap", &map);
    let client = Client {
        base_url: "https://open.feishu.cn",
        auth: auth.clone(),
        token: Some(token.clone()),
        history: vec![from_token, lower],
    };
    assert_debug_hides(secret, "caller's struct", &client);
    let request = aily_request();
    assert_debug_hides(secret, "request and authorization", &(request, &auth));

    // The redacted form says what it can: kind and length.
    assert_eq!(
        format!("{token:?}"),
        format!(
            "AilyAccessToken {{ kind: {:?}, len: {}, .. }}",
            token.kind(),
            secret.len()
        )
    );
}

#[test]
fn token_holders_never_print_the_token() {
    for secret in TOKENS {
        check_values(secret);
    }
    check_values(&long_token(2048, 0x9e37_79b9_7f4a_7c15));
    check_values(&long_token(8192, 0x2545_f491_4f6c_dd1d));
}

#[test]
fn kind_hints_survive_redaction() {
    let kinds = [
        AilyTokenKind::User,
        AilyTokenKind::Tenant,
        AilyTokenKind::App,
        AilyTokenKind::User,
        AilyTokenKind::Unknown,
    ];
    for (secret, kind) in TOKENS.into_iter().zip(kinds) {
        let token: AilyAccessToken = secret.parse().unwrap();
        assert_eq!(token.kind(), kind, "{secret}");
        assert!(format!("{token:?}").contains(&format!("kind: {kind:?}")));
    }
}

/// The explicit paths still give the raw values.
#[test]
fn expose_paths_return_the_raw_value() {
    let request = aily_request();
    for secret in TOKENS {
        let bearer = format!("Bearer {secret}");
        let token: AilyAccessToken = secret.parse().unwrap();
        let auth: AilyAuthorization = format!("bEaReR {secret}").parse().unwrap();
        assert_eq!(
            request.expose_authorization_header(&auth),
            ("Authorization", bearer.as_str())
        );
        assert_eq!(
            request.expose_authorization_header(&AilyAuthorization::from_token(&token)),
            (AilyDeleteSessionRequest::AUTHORIZATION, bearer.as_str())
        );
        assert_eq!(auth.expose_header_value(), bearer);
        assert_eq!(auth.expose_token(), secret);
        assert_eq!(auth.token().expose_secret(), secret);
        assert_eq!(token.expose_secret(), secret);
        assert_eq!(token.clone().into_secret_string(), secret);
        #[cfg(feature = "serde")]
        {
            // No `Serialize`: the named opt-in is the one way to write the secret.
            let mut out = Vec::new();
            AilyAccessToken::serialize_exposed(&token, &mut serde_json::Serializer::new(&mut out))
                .unwrap();
            assert_eq!(out, format!("{secret:?}").into_bytes());
            out.clear();
            AilyAuthorization::serialize_exposed(&auth, &mut serde_json::Serializer::new(&mut out))
                .unwrap();
            assert_eq!(out, format!("{bearer:?}").into_bytes());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Errors from token-bearing input
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Token,
    Authorization,
}

struct Bad {
    what: String,
    target: Target,
    input: String,
    rule: IdRule,
}

/// Invalid tokens and headers built around `secret`: a bad byte first, in the middle and last,
/// too long, bad schemes, bad padding, header injection.
#[rustfmt::skip]
fn bad_inputs(secret: &str) -> Vec<Bad> {
    use IdRule::{Charset, Length, Scheme};
    use Target::{Authorization, Token};
    let mid = secret.len() / 2;
    let spaced = format!("{} {}", &secret[..mid], &secret[mid + 1..]);
    let too_long = secret.repeat(8192 / secret.len() + 1);
    let mib = secret.repeat((1 << 20) / secret.len() + 1);
    let bad = |what: &str, target, input: String, rule| Bad {
        what: what.to_owned(),
        target,
        input,
        rule,
    };
    vec![
        bad("space first", Token, format!(" {secret}"), Charset),
        bad("padding first", Token, format!("={secret}"), Charset),
        bad("space in the middle", Token, spaced.clone(), Charset),
        bad("comma last", Token, format!("{secret},"), Charset),
        bad("non-ASCII last", Token, format!("{secret}é"), Charset),
        bad("NUL last", Token, format!("{secret}\0"), Charset),
        bad("byte after padding", Token, format!("{secret}=x"), Charset),
        bad("CRLF injection", Token, format!("{secret}\r\nX-Evil: 1"), Charset),
        bad("one past 8192", Token, too_long[..8193].to_owned(), Length),
        bad("1 MiB", Token, mib.clone(), Length),
        bad("scheme not stripped", Token, format!("Bearer {secret}"), Charset),
        bad("Basic", Authorization, format!("Basic {secret}"), Scheme),
        bad("no scheme", Authorization, secret.to_owned(), Scheme),
        bad("Token scheme", Authorization, format!("Token {secret}"), Scheme),
        bad("colon for the space", Authorization, format!("Bearer:{secret}"), Scheme),
        bad("tab for the space", Authorization, format!("Bearer\t{secret}"), Scheme),
        bad("no space after the scheme", Authorization, format!("bearer{secret}"), Scheme),
        bad("two spaces", Authorization, format!("Bearer  {secret}"), Charset),
        bad("space in the middle", Authorization, format!("Bearer {spaced}"), Charset),
        bad("trailing junk", Authorization, format!("Bearer {secret} junk"), Charset),
        bad("non-ASCII last", Authorization, format!("bearer {secret}é"), Charset),
        bad("byte after padding", Authorization, format!("Bearer {secret}=x"), Charset),
        bad("CRLF injection", Authorization, format!("Bearer {secret}\r\nX-Evil: 1"), Charset),
        bad("one past the limit", Authorization, format!("Bearer {}", &too_long[..8193]), Length),
        bad("1 MiB", Authorization, format!("Bearer {mib}"), Length),
    ]
}

fn parse(target: Target, input: &str) -> Result<(), IdError> {
    match target {
        Target::Token => input.parse::<AilyAccessToken>().map(drop),
        Target::Authorization => input.parse::<AilyAuthorization>().map(drop),
    }
}

#[test]
fn parse_errors_never_quote_the_token() {
    for secret in TOKENS {
        for bad in bad_inputs(secret) {
            let what = format!("{secret}: {:?} {}", bad.target, bad.what);
            let err = parse(bad.target, &bad.input).expect_err(&what);
            let owned = match bad.target {
                Target::Token => AilyAccessToken::try_from(bad.input.clone()).map(drop),
                Target::Authorization => AilyAuthorization::try_from(bad.input.clone()).map(drop),
            };
            assert_eq!(owned.as_ref().err(), Some(&err), "{what}: TryFrom<String>");
            assert_eq!(err.rule(), bad.rule, "{what}: {err}");
            assert_eq!(err.character(), None, "{what}: a secret's character");
            let kind = match bad.target {
                Target::Token => IdKind::AilyAccessToken,
                Target::Authorization => IdKind::AilyAuthorization,
            };
            assert_eq!(err.kind(), kind, "{what}");
            assert_error_hides(secret, &what, &err);
            assert_error_hides(
                secret,
                &what,
                &(Box::new(err.clone()) as Box<dyn std::error::Error>),
            );
            assert_debug_hides(secret, &what, &Err::<AilyAccessToken, _>(err));
        }
    }
}

#[cfg(feature = "serde")]
mod serde_errors {
    use super::*;
    use serde::de::IntoDeserializer;
    use serde::Deserialize;

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    struct Creds {
        token: AilyAccessToken,
        #[serde(default)]
        auth: Option<AilyAuthorization>,
        #[serde(default)]
        extra: Vec<AilyAccessToken>,
    }

    /// `{}`, `{:?}` and `{:#?}` of an error, joined.
    fn render<E: Debug + Display>(err: E) -> String {
        error_renderings(&err).join("\n")
    }

    /// Every way `serde` can reject `input` as `T`, rendered.
    fn serde_failures<T>(input: &str, what: &str) -> Vec<String>
    where
        T: serde::de::DeserializeOwned + std::hash::Hash + Eq + Debug,
    {
        let json = serde_json::to_string(input).unwrap();
        let attempts = [
            (
                "from_str",
                serde_json::from_str::<T>(&json).err().map(render),
            ),
            (
                "from_slice",
                serde_json::from_slice::<T>(json.as_bytes())
                    .err()
                    .map(render),
            ),
            (
                "from_reader",
                serde_json::from_reader::<_, T>(json.as_bytes())
                    .err()
                    .map(render),
            ),
            (
                "from_value",
                serde_json::from_value::<T>(serde_json::Value::String(input.to_owned()))
                    .err()
                    .map(render),
            ),
            (
                "serde's StrDeserializer",
                T::deserialize(
                    IntoDeserializer::<serde::de::value::Error>::into_deserializer(input),
                )
                .err()
                .map(render),
            ),
            (
                "in a Vec",
                serde_json::from_str::<Vec<T>>(&format!("[{json}]"))
                    .err()
                    .map(render),
            ),
            (
                "as a map key",
                serde_json::from_str::<HashMap<T, u8>>(&format!("{{{json}:1}}"))
                    .err()
                    .map(render),
            ),
        ];
        attempts
            .into_iter()
            .map(|(how, err)| err.unwrap_or_else(|| panic!("{what}: {how} accepted")))
            .collect()
    }

    #[test]
    fn serde_errors_never_quote_the_token() {
        for secret in TOKENS {
            for bad in bad_inputs(secret) {
                let what = format!("{secret}: {:?} {}", bad.target, bad.what);
                let outputs = match bad.target {
                    Target::Token => serde_failures::<AilyAccessToken>(&bad.input, &what),
                    Target::Authorization => serde_failures::<AilyAuthorization>(&bad.input, &what),
                };
                for output in outputs {
                    assert_no_leak(secret, &what, &output);
                }
                // Inside a caller's struct, next to valid secrets.
                let json = serde_json::to_string(&bad.input).unwrap();
                let body = match bad.target {
                    Target::Token => format!(r#"{{"token":{json}}}"#),
                    Target::Authorization => format!(r#"{{"token":{:?},"auth":{json}}}"#, secret),
                };
                let err = serde_json::from_str::<Creds>(&body).expect_err(&what);
                assert_error_hides(secret, &what, &err);
            }
        }
    }

    #[test]
    fn deserialized_secrets_stay_redacted() {
        for secret in TOKENS {
            let body =
                format!(r#"{{"token":{secret:?},"auth":"Bearer {secret}","extra":[{secret:?}]}}"#);
            let creds: Creds = serde_json::from_str(&body).unwrap();
            assert_debug_hides(secret, "deserialized struct", &creds);
            let value: serde_json::Value = serde_json::from_str(&body).unwrap();
            let creds: Creds = serde_json::from_value(value).unwrap();
            assert_debug_hides(secret, "from_value struct", &creds);
            // A wrong type next to the token names the type, not the token.
            let body = format!(r#"{{"token":{secret:?},"auth":"Bearer {secret}","extra":7}}"#);
            let err = serde_json::from_str::<Creds>(&body).unwrap_err();
            assert_error_hides(secret, "wrong type beside a token", &err);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Property: arbitrary tokens, possibly with one bad byte
// ---------------------------------------------------------------------------------------------

/// Bytes and characters that break a token wherever they stand (`=` only before a non-`=`).
const INJECT: &[char] = &[
    ' ', '\0', '\r', '\n', '\t', ',', '"', '\\', ':', '@', '%', ';', '\u{7f}', 'é', '€', '😀',
    '\u{202e}', '=',
];

const PREFIXES: &[&str] = &["", "t-", "u-", "a-", "eyJ"];

const SCHEMES: &[&str] = &[
    "Bearer ", "bearer ", "BEARER ", "Bearer  ", "Basic ", "", "Bearer\t",
];

fn arbitrary_token() -> impl Strategy<Value = String> {
    (
        select(PREFIXES),
        vec(select(B64), 4..200),
        0..3usize,
        option::of((any::<Index>(), select(INJECT))),
    )
        .prop_map(|(prefix, body, padding, inject)| {
            let mut token = String::from(prefix);
            token.extend(body.iter().map(|&b| char::from(b)));
            token.push_str(&"=".repeat(padding));
            if let Some((at, c)) = inject {
                // Every byte so far is ASCII, so any index is a character boundary.
                token.insert(at.index(token.len() + 1), c);
            }
            token
        })
}

/// The same shape with other content: past the first three characters (which carry the kind
/// hint) letters rotate by 13 and digits by 5; every other character stays. Validity, the first
/// bad byte, the length and the kind are unchanged, so an output that depends only on those is
/// identical for both.
fn same_shape(token: &str) -> String {
    token
        .chars()
        .enumerate()
        .map(|(i, c)| match c {
            _ if i < 3 => c,
            'a'..='z' => char::from(b'a' + (c as u8 - b'a' + 13) % 26),
            'A'..='Z' => char::from(b'A' + (c as u8 - b'A' + 13) % 26),
            '0'..='9' => char::from(b'0' + (c as u8 - b'0' + 5) % 10),
            _ => c,
        })
        .collect()
}

/// Everything the crate prints for `input` parsed as `target`: the value's `Debug` (and its
/// containers') on success, the error's `Display` and `Debug` on failure, and with `serde` the
/// deserialization error.
fn renderings(target: Target, input: &str) -> Vec<String> {
    fn ok_or_err<T: Debug>(result: Result<T, IdError>) -> Vec<String> {
        match result {
            Ok(value) => {
                let mut out = debug_renderings(&value).to_vec();
                out.extend(debug_renderings(&Some(&value)));
                out.extend(debug_renderings(&vec![&value]));
                out
            }
            Err(err) => error_renderings(&err).to_vec(),
        }
    }
    let mut out = match target {
        Target::Token => {
            let parsed = input.parse::<AilyAccessToken>();
            let mut out = match &parsed {
                Ok(token) => debug_renderings(&AilyAuthorization::from_token(token)).to_vec(),
                Err(_) => Vec::new(),
            };
            out.extend(ok_or_err(parsed));
            out
        }
        Target::Authorization => {
            let parsed = input.parse::<AilyAuthorization>();
            let mut out = match &parsed {
                Ok(auth) => debug_renderings(&auth.token()).to_vec(),
                Err(_) => Vec::new(),
            };
            out.extend(ok_or_err(parsed));
            out
        }
    };
    out.extend(serde_renderings(target, input));
    out
}

/// The deserialization error for `input` as `target`, if any, rendered.
#[cfg(feature = "serde")]
fn serde_renderings(target: Target, input: &str) -> Vec<String> {
    let json = serde_json::to_string(input).unwrap();
    let err = match target {
        Target::Token => serde_json::from_str::<AilyAccessToken>(&json).err(),
        Target::Authorization => serde_json::from_str::<AilyAuthorization>(&json).err(),
    };
    err.map_or_else(Vec::new, |err| error_renderings(&err).to_vec())
}

#[cfg(not(feature = "serde"))]
fn serde_renderings(_: Target, _: &str) -> Vec<String> {
    Vec::new()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(512)))]

    #[test]
    fn arbitrary_tokens_never_leak(token in arbitrary_token(), scheme in select(SCHEMES)) {
        let other = same_shape(&token);
        let cases = [
            (Target::Token, token.clone(), other.clone()),
            (Target::Authorization, format!("{scheme}{token}"), format!("{scheme}{other}")),
        ];
        for (target, input, reference) in cases {
            let outputs = renderings(target, &input);
            let expected = renderings(target, &reference);
            prop_assert_eq!(outputs.len(), expected.len());
            for (output, expected) in outputs.iter().zip(&expected) {
                // A window also in the other token's output is the crate's own wording.
                let leaked: Vec<_> = leaked_windows(&token, output)
                    .into_iter()
                    .filter(|w| !expected.as_bytes().windows(4).any(|x| x == *w))
                    .collect();
                prop_assert!(
                    leaked.is_empty(),
                    "{:?} {:?}: {:?} leaks {:?}",
                    target,
                    input,
                    output,
                    leaked.iter().map(|w| String::from_utf8_lossy(w)).collect::<Vec<_>>()
                );
                // Stronger: the output depends on the shape only, not on the content.
                prop_assert_eq!(output, expected);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Feature surfaces that carry a token
// ---------------------------------------------------------------------------------------------

/// `to_http_request` puts the token in an `http::Request`; its header must be marked sensitive,
/// which `http` prints as `Sensitive`. Reading the header back must not quote it either.
#[cfg(feature = "http")]
#[test]
fn http_requests_and_headers_hide_the_token() {
    use botsession::AilyHost;
    use http::header::{HeaderMap, HeaderValue, AUTHORIZATION};

    let request = aily_request();
    for secret in TOKENS {
        let auth: AilyAuthorization = format!("Bearer {secret}").parse().unwrap();
        for host in [AilyHost::Feishu, AilyHost::Lark] {
            let http_request = request.to_http_request(host, &auth);
            let value = &http_request.headers()[AUTHORIZATION];
            assert!(value.is_sensitive(), "{secret}");
            assert_eq!(value.as_bytes(), format!("Bearer {secret}").as_bytes());
            assert_debug_hides(secret, "http::Request", &http_request);
            assert_debug_hides(secret, "HeaderMap", http_request.headers());
            assert_debug_hides(secret, "HeaderValue", value);
            let (parts, ()) = http_request.into_parts();
            assert_debug_hides(secret, "request Parts", &parts);
            let read = AilyAuthorization::from_request_headers(&parts.headers);
            assert_eq!(read.as_ref().ok(), Some(&auth));
            assert_debug_hides(secret, "from_http_headers", &read);
        }
        for bad in bad_inputs(secret) {
            if bad.target != Target::Authorization {
                continue;
            }
            // Values `http` refuses (CR, LF, NUL) never reach the crate from a real request.
            let Ok(value) = HeaderValue::from_bytes(bad.input.as_bytes()) else {
                continue;
            };
            let mut headers = HeaderMap::new();
            headers.insert(AUTHORIZATION, value);
            let what = format!("{secret}: header {}", bad.what);
            let err = match AilyAuthorization::from_request_headers(&headers) {
                Err(botsession::AuthorizationError::Invalid(err)) => err,
                other => panic!("{what}: {other:?}"),
            };
            assert_eq!(err.character(), None, "{what}");
            assert_error_hides(secret, &what, &err);
            // And through the answer a server gives: never the token.
            let rejection = botsession::AuthorizationError::Invalid(err);
            assert_error_hides(secret, &what, &rejection);
            #[cfg(feature = "serde")]
            {
                let answer = botsession::AilyServiceError::from_authorization_error(&rejection);
                let wire = answer.render();
                let body = String::from_utf8_lossy(wire.body()).into_owned();
                assert_no_leak(secret, &what, &body);
                assert_debug_hides(secret, "answer", &wire);
            }
        }
    }
}

#[cfg(feature = "proptest")]
proptest! {
    /// The `proptest` feature's strategies produce secrets too; proptest prints a failing case
    /// with `Debug`, which must stay redacted.
    #[test]
    fn arbitrary_secrets_print_redacted(
        token in any::<AilyAccessToken>(),
        auth in any::<AilyAuthorization>(),
    ) {
        for (secret, output, reference) in [
            (
                token.expose_secret(),
                format!("{token:?} {token:#?}"),
                {
                    let other: AilyAccessToken = same_shape(token.expose_secret()).parse().unwrap();
                    format!("{other:?} {other:#?}")
                },
            ),
            (
                auth.expose_token(),
                format!("{auth:?} {auth:#?}"),
                {
                    let other: AilyAuthorization =
                        format!("Bearer {}", same_shape(auth.expose_token())).parse().unwrap();
                    format!("{other:?} {other:#?}")
                },
            ),
        ] {
            let leaked: Vec<_> = leaked_windows(secret, &output)
                .into_iter()
                .filter(|w| !reference.as_bytes().windows(4).any(|x| x == *w))
                .collect();
            prop_assert!(leaked.is_empty(), "{:?} leaks {:?}", output, leaked);
            prop_assert_eq!(&output, &reference);
        }
    }
}
