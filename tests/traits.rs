//! The trait surface of every public type: conversions, `str`-compatible equality, hashing and
//! ordering (what `Borrow<str>` promises), `Display`/`Debug`, auto traits, and for the secrets a
//! `Debug` that does not leak and the absence of the impls that would.

mod common;

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::{Debug, Display};
use std::marker::PhantomData;
use std::str::FromStr;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, AilyTokenKind,
    IdError, IdKind, IdRule, LexBotAlias, LexBotName, LexRegion, LexUserId,
};
use common::{assert_no_secret_window, Ident, PublicIdent};

// ---------------------------------------------------------------------------------------------
// Compile-time assertions
// ---------------------------------------------------------------------------------------------

const fn send_sync_static<T: Send + Sync + 'static>() {}
const fn copy<T: Copy>() {}
const fn error_type<T: Clone + Eq + Debug + Display + std::error::Error + 'static>() {}

const _: () = {
    send_sync_static::<AilySessionId>();
    send_sync_static::<AilyMessageId>();
    send_sync_static::<AilyRunId>();
    send_sync_static::<AilyAccessToken>();
    send_sync_static::<AilyAuthorization>();
    send_sync_static::<AilyTokenKind>();
    send_sync_static::<LexUserId>();
    send_sync_static::<LexBotName>();
    send_sync_static::<LexBotAlias>();
    send_sync_static::<LexRegion>();
    send_sync_static::<IdError>();
    send_sync_static::<IdKind>();
    send_sync_static::<IdRule>();

    copy::<AilySessionId>();
    copy::<AilyMessageId>();
    copy::<AilyRunId>();
    copy::<IdKind>();
    copy::<IdRule>();
    copy::<AilyTokenKind>();

    error_type::<IdError>();
};

/// Whether a type implements a trait, decided at compile time: an inherent associated const
/// exists only when the bound holds, and otherwise the trait's default (`false`) is found.
macro_rules! implements {
    ($ty:ty: $($bound:tt)+) => {{
        #[allow(dead_code)]
        trait Fallback {
            const IMPLS: bool = false;
        }
        impl<T: ?Sized> Fallback for T {}
        struct Probe<T: ?Sized>(PhantomData<T>);
        #[allow(dead_code)]
        impl<T: ?Sized + $($bound)+> Probe<T> {
            const IMPLS: bool = true;
        }
        <Probe<$ty>>::IMPLS
    }};
}

#[test]
fn the_probe_itself_works() {
    assert!(implements!(String: Display));
    assert!(!implements!(Vec<u8>: Display));
    assert!(implements!(AilySessionId: Copy));
    assert!(!implements!(LexUserId: Copy));
}

#[test]
fn secrets_lack_the_impls_that_would_expose_them() {
    assert!(!implements!(AilyAccessToken: Display));
    assert!(!implements!(AilyAuthorization: Display));
    assert!(!implements!(AilyAccessToken: AsRef<str>));
    assert!(!implements!(AilyAuthorization: AsRef<str>));
    assert!(!implements!(AilyAccessToken: Borrow<str>));
    assert!(!implements!(AilyAuthorization: Borrow<str>));
    assert!(!implements!(AilyAccessToken: std::ops::Deref));
    assert!(!implements!(AilyAuthorization: std::ops::Deref));
    assert!(!implements!(AilyAccessToken: PartialEq<str>));
    assert!(!implements!(AilyAuthorization: PartialEq<str>));
    // As `secrecy` does: a derived `Serialize` on a config struct must not write a token
    // (the named `serialize_exposed` helpers are the opt-in).
    #[cfg(feature = "serde")]
    {
        assert!(!implements!(AilyAccessToken: serde::Serialize));
        assert!(!implements!(AilyAuthorization: serde::Serialize));
        assert!(implements!(AilyAccessToken: serde::de::DeserializeOwned));
        assert!(implements!(AilyAuthorization: serde::de::DeserializeOwned));
        assert!(implements!(AilySessionId: serde::Serialize));
    }
}

#[test]
fn no_unvalidated_constructors() {
    // `From<String>` / `From<&str>` would bypass the validator.
    assert!(!implements!(AilySessionId: From<String>));
    assert!(!implements!(AilySessionId: From<&'static str>));
    assert!(!implements!(AilyMessageId: From<String>));
    assert!(!implements!(AilyRunId: From<String>));
    assert!(!implements!(LexUserId: From<String>));
    assert!(!implements!(LexUserId: From<&'static str>));
    assert!(!implements!(LexBotName: From<String>));
    assert!(!implements!(LexBotAlias: From<String>));
    assert!(!implements!(LexRegion: From<String>));
    assert!(!implements!(AilyAccessToken: From<String>));
    assert!(!implements!(AilyAuthorization: From<String>));
    assert!(!implements!(LexUserId: std::ops::DerefMut));
    assert!(!implements!(AilyAccessToken: Default));
    assert!(!implements!(AilySessionId: Default));
}

// ---------------------------------------------------------------------------------------------
// Non-secret identifiers
// ---------------------------------------------------------------------------------------------

/// Checks every conversion and comparison trait of `T` on `samples` (valid values, at least
/// two, pairwise distinct) and `invalid` (one rejected value).
#[track_caller]
fn check_id<T>(samples: &[&'static str], invalid: &str)
where
    T: PublicIdent,
{
    assert!(samples.len() >= 2);
    let mut parsed = Vec::new();
    for &s in samples {
        let a: T = s.parse().unwrap();
        let b = T::from_str(s).unwrap();
        let c = T::try_from(s).unwrap();
        let d = T::try_from(String::from(s)).unwrap();
        assert!(a == b && b == c && c == d, "{s}: conversions disagree");

        assert_eq!(a.text(), s);
        assert_eq!(a.as_ref(), s);
        let borrowed: &str = a.borrow();
        assert_eq!(borrowed, s);
        assert_eq!(a.to_string(), s, "Display is the value");
        assert_eq!(format!("{a}"), s);
        assert_eq!(format!("{a:?}"), format!("{}({s:?})", T::NAME));
        assert_eq!(format!("{a:?}"), format!("{}(\"{s}\")", T::NAME));

        // PartialEq in both directions, with `str` and `&str`.
        assert!(a.eq_str(s));
        assert!(!a.eq_str(invalid));
        assert!(a.clone() == a);

        assert_eq!(a.clone().into_string(), s);
        assert_eq!(d.into_string(), String::from(s));
        parsed.push(a);
    }
    // Distinct values compare unequal, with the other types too.
    for (i, a) in parsed.iter().enumerate() {
        for (j, b) in parsed.iter().enumerate() {
            assert_eq!(a == b, i == j);
            assert_eq!(a.eq_str(samples[j]), i == j);
            assert_eq!(b.eq_str(samples[i]), i == j);
            // Ord agrees with `str`'s.
            assert_eq!(
                a.cmp(b),
                samples[i].cmp(samples[j]),
                "{} vs {}",
                samples[i],
                samples[j]
            );
            assert_eq!(a.partial_cmp(b), Some(samples[i].cmp(samples[j])));
        }
    }
    let mut sorted = parsed.clone();
    sorted.sort();
    let mut sorted_str: Vec<&str> = samples.to_vec();
    sorted_str.sort();
    assert_eq!(
        sorted.iter().map(Ident::text).collect::<Vec<_>>(),
        sorted_str
    );

    // `Borrow<str>`: collections keyed by `T` find elements by `&str`, which holds only if
    // `Hash`, `Eq` and `Ord` agree with `str`'s.
    let hash: HashSet<T> = parsed.iter().cloned().collect();
    let btree: BTreeSet<T> = parsed.iter().cloned().collect();
    let hash_map: HashMap<T, usize> = parsed.iter().cloned().zip(0..).collect();
    let btree_map: BTreeMap<T, usize> = parsed.iter().cloned().zip(0..).collect();
    assert_eq!(hash.len(), samples.len());
    for (i, &s) in samples.iter().enumerate() {
        assert!(hash.contains(s), "HashSet misses {s}");
        assert!(btree.contains(s), "BTreeSet misses {s}");
        assert_eq!(hash.get(s).map(Ident::text), Some(s));
        assert_eq!(btree.get(s).map(Ident::text), Some(s));
        assert_eq!(hash_map.get(s), Some(&i));
        assert_eq!(btree_map.get(s), Some(&i));
    }
    assert!(!hash.contains(invalid));
    assert!(!btree.contains(invalid));
    assert!(!hash.contains(""));

    // Every conversion rejects the invalid value with the same error.
    let e1 = invalid.parse::<T>().unwrap_err();
    let e2 = T::try_from(invalid).unwrap_err();
    let e3 = T::try_from(String::from(invalid)).unwrap_err();
    assert_eq!(e1, e2);
    assert_eq!(e2, e3);
    assert_eq!(e1.kind(), T::KIND);
}

#[test]
fn aily_session_id_traits() {
    check_id::<AilySessionId>(
        &[
            "session_4dfunz7sp1g8m",
            "session_0",
            "session_z",
            "session_zzzzzzzzzzzzzzzzzzzzzzzz",
            "session_10",
            "session_1",
        ],
        "session_i",
    );
}

#[test]
fn aily_message_id_traits() {
    check_id::<AilyMessageId>(
        &[
            "message_4dfunz7sp1g8m",
            "message_0",
            "message_a",
            "message_9",
        ],
        "message_",
    );
}

#[test]
fn aily_run_id_traits() {
    check_id::<AilyRunId>(&["run_4dfunz7sp1g8m", "run_0", "run_zz", "run_z"], "run_o");
}

#[test]
fn lex_user_id_traits() {
    check_id::<LexUserId>(
        &[
            "user:42.eu-west-1",
            "ab",
            "AB",
            "Ab",
            "...",
            "__",
            "a-b",
            "a:b",
        ],
        "..",
    );
}

#[test]
fn lex_bot_name_traits() {
    check_id::<LexBotName>(&["Order_Flowers", "ab", "AB", "a_", "Zz", "a_b"], "a__b");
}

#[test]
fn lex_bot_alias_traits() {
    check_id::<LexBotAlias>(&["$LATEST", "prod", "a", "A", "LATEST", "a_"], "$latest");
}

#[test]
fn lex_region_traits() {
    check_id::<LexRegion>(
        &["eu-west-1", "us-east-1", "a", "0", "-", "ap-south-1"],
        "EU-WEST-1",
    );
}

#[test]
fn inline_ids_are_copy() {
    let a: AilySessionId = "session_4dfunz7sp1g8m".parse().unwrap();
    let b = a;
    assert_eq!(a, b); // `a` is still usable: it was copied, not moved.
    let m: AilyMessageId = "message_1".parse().unwrap();
    let n = m;
    assert_eq!(m, n);
    let r: AilyRunId = "run_1".parse().unwrap();
    let q = r;
    assert_eq!(r, q);
    assert!(std::mem::size_of::<AilySessionId>() <= 40);
}

#[test]
fn id_error_traits() {
    let e: IdError = "session_i".parse::<AilySessionId>().unwrap_err();
    let clone = e.clone();
    assert_eq!(e, clone);
    let other = "session_l".parse::<AilySessionId>().unwrap_err();
    assert_ne!(e, other);
    // A `std::error::Error` with no source, usable as a trait object.
    let dynamic: &(dyn std::error::Error + Send + Sync + 'static) = &e;
    assert!(dynamic.source().is_none());
    assert_eq!(dynamic.to_string(), e.to_string());
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e.clone());
    assert_eq!(boxed.to_string(), e.to_string());
    // `Debug` is derived and shows the structured fields, not the value.
    let debug = format!("{e:?}");
    assert!(debug.contains("AilySessionId"), "{debug}");
    assert!(debug.contains("Charset"), "{debug}");
    // Errors hash consistently with equality.
    let set: HashSet<IdError> = [e.clone(), clone, other].into_iter().collect();
    assert_eq!(set.len(), 2);
}

#[test]
fn kinds_and_rules_are_plain_enums() {
    assert_eq!(IdKind::LexUserId, IdKind::LexUserId);
    assert_ne!(IdRule::Length, IdRule::Prefix);
    assert_eq!(format!("{:?}", IdRule::Reserved), "Reserved");
    assert_eq!(format!("{:?}", IdKind::AilyRunId), "AilyRunId");
    assert_eq!(format!("{:?}", AilyTokenKind::Tenant), "Tenant");
    let rules: BTreeSet<IdRule> = [
        IdRule::Scheme,
        IdRule::Length,
        IdRule::Charset,
        IdRule::Prefix,
        IdRule::Reserved,
    ]
    .into_iter()
    .collect();
    assert_eq!(rules.len(), 5);
}

// ---------------------------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------------------------

const TOKENS: &[&str] = &[
    "u-7f1bcd13fc57d46bac21793a18e560",
    "t-g1044qeGEDXTB6NDJOGV4JQX",
    "a-9Qz8Wx7Vy6",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "qwe~+/==",
    "0000",
];

#[test]
fn access_token_debug_is_redacted() {
    for &t in TOKENS {
        let token: AilyAccessToken = t.parse().unwrap();
        let debug = format!("{token:?}");
        assert_no_secret_window(&debug, t);
        assert_no_secret_window(&format!("{token:#?}"), t);
        assert!(debug.starts_with("AilyAccessToken"), "{debug}");
        assert!(debug.contains(&format!("len: {}", t.len())), "{debug}");
        // Inside a containing struct's derived Debug too.
        assert_no_secret_window(&format!("{:?}", Some(vec![token.clone()])), t);
    }
    let token: AilyAccessToken = TOKENS[0].parse().unwrap();
    assert_eq!(
        format!("{token:?}"),
        "AilyAccessToken { kind: User, len: 32, .. }"
    );
}

#[test]
fn access_token_long_debug_is_redacted() {
    let t: String = (0..4096)
        .map(|i| char::from(b"ABCDEFGHJKMNPQRSTUVWXYZabcdefghijk0123456789-._~+/"[i * 7 % 50]))
        .collect();
    let token: AilyAccessToken = t.parse().unwrap();
    assert_no_secret_window(&format!("{token:?}"), &t);
}

#[test]
fn authorization_debug_is_redacted() {
    for &t in TOKENS {
        for scheme in ["Bearer", "bearer", "BEARER"] {
            let auth: AilyAuthorization = format!("{scheme} {t}").parse().unwrap();
            let debug = format!("{auth:?}");
            assert_no_secret_window(&debug, t);
            assert_no_secret_window(&format!("{auth:#?}"), t);
            assert!(debug.starts_with("AilyAuthorization"), "{debug}");
            assert_no_secret_window(&format!("{:?}", auth.token()), t);
        }
    }
}

#[test]
fn access_token_equality_and_clone() {
    let a: AilyAccessToken = TOKENS[0].parse().unwrap();
    let b = AilyAccessToken::try_from(String::from(TOKENS[0])).unwrap();
    let c = AilyAccessToken::try_from(TOKENS[0]).unwrap();
    assert_eq!(a, b);
    assert_eq!(b, c);
    let clone = a.clone();
    assert_eq!(clone, a);
    assert_eq!(clone.expose_secret(), TOKENS[0]);
    assert_eq!(clone.kind(), a.kind());
    // Same length, one byte different (first, middle, last): unequal.
    for pos in [0, 16, 31] {
        let mut bytes = TOKENS[0].as_bytes().to_vec();
        bytes[pos] = if bytes[pos] == b'x' { b'y' } else { b'x' };
        let other: AilyAccessToken = String::from_utf8(bytes).unwrap().parse().unwrap();
        assert_ne!(a, other, "differs at {pos}");
    }
    // A prefix of the token is not equal to it.
    let prefix: AilyAccessToken = TOKENS[0][..31].parse().unwrap();
    assert_ne!(a, prefix);
    assert_ne!(prefix, a);
    let set: HashSet<AilyAccessToken> = TOKENS.iter().map(|t| t.parse().unwrap()).collect();
    assert_eq!(set.len(), TOKENS.len());
    assert!(set.contains(&a));
    assert_eq!(a.clone().into_secret_string(), TOKENS[0]);
}

#[test]
fn authorization_equality_and_clone() {
    let a: AilyAuthorization = format!("Bearer {}", TOKENS[1]).parse().unwrap();
    let b: AilyAuthorization = format!("bearer {}", TOKENS[1]).parse().unwrap();
    let c = AilyAuthorization::try_from(format!("BEARER {}", TOKENS[1])).unwrap();
    assert_eq!(a, b);
    assert_eq!(a, c);
    let clone = a.clone();
    assert_eq!(clone, a);
    assert_eq!(clone.expose_header_value(), a.expose_header_value());
    let other: AilyAuthorization = format!("Bearer {}", TOKENS[2]).parse().unwrap();
    assert_ne!(a, other);
    let token: AilyAccessToken = TOKENS[1].parse().unwrap();
    assert_eq!(AilyAuthorization::from_token(&token), a);
    assert_eq!(a.token(), token);
    let set: HashSet<AilyAuthorization> = [a.clone(), b, c, other].into_iter().collect();
    assert_eq!(set.len(), 2);
}

#[test]
fn secret_conversions_agree() {
    for &t in TOKENS {
        let a = AilyAccessToken::from_str(t).unwrap();
        let b = AilyAccessToken::try_from(t).unwrap();
        let c = AilyAccessToken::try_from(t.to_owned()).unwrap();
        assert!(a == b && b == c);
        let header = format!("Bearer {t}");
        let x = AilyAuthorization::from_str(&header).unwrap();
        let y = AilyAuthorization::try_from(header.as_str()).unwrap();
        let z = AilyAuthorization::try_from(header.clone()).unwrap();
        assert!(x == y && y == z);
        assert_eq!(x.expose_header_value(), header);
    }
    let e1 = AilyAccessToken::from_str("a b").unwrap_err();
    let e2 = AilyAccessToken::try_from("a b").unwrap_err();
    let e3 = AilyAccessToken::try_from(String::from("a b")).unwrap_err();
    assert!(e1 == e2 && e2 == e3);
}

/// Equality of secrets folds the differences of all bytes: values of one length that differ in
/// several bytes whose differences cancel out under xor (`ab`/`ba`, `abc`/`bca`) are unequal,
/// however the fold combines them.
#[test]
fn secret_equality_sees_every_differing_byte() {
    let pairs = [
        ("t-ab", "t-ba"),
        ("t-abc", "t-bca"),
        (
            "u-7f1bcd13fc57d46bac21793a18e560",
            "u-f71bcd13fc57d46bac21793a18e506",
        ),
        ("a-Hx4Vq8Rz", "a-xH4Vq8zR"),
    ];
    for (a, b) in pairs {
        assert_eq!(a.len(), b.len());
        let (ta, tb): (AilyAccessToken, AilyAccessToken) = (a.parse().unwrap(), b.parse().unwrap());
        assert_ne!(ta, tb, "{a} vs {b}");
        assert_ne!(tb, ta, "{b} vs {a}");
        assert_eq!(ta, a.parse::<AilyAccessToken>().unwrap(), "{a}");
        assert_eq!(tb, b.parse::<AilyAccessToken>().unwrap(), "{b}");
        let (ha, hb): (AilyAuthorization, AilyAuthorization) = (
            format!("Bearer {a}").parse().unwrap(),
            format!("Bearer {b}").parse().unwrap(),
        );
        assert_ne!(ha, hb, "{a} vs {b}");
        assert_ne!(hb, ha, "{b} vs {a}");
        assert_eq!(
            ha,
            format!("bearer {a}").parse::<AilyAuthorization>().unwrap(),
            "{a}"
        );
        assert_eq!(
            hb,
            format!("BEARER {b}").parse::<AilyAuthorization>().unwrap(),
            "{b}"
        );
    }
}

/// The secret types hash by value: equal values (the `Authorization` scheme in any case) hash
/// alike, and values that differ in one byte hash apart, so a map keyed by them stays a map.
#[test]
fn secrets_hash_by_value() {
    fn hash_of<T: std::hash::Hash>(value: &T) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(value)
    }
    let token = |s: &str| s.parse::<AilyAccessToken>().unwrap();
    let auth = |s: &str| s.parse::<AilyAuthorization>().unwrap();
    assert_eq!(hash_of(&token("t-abc")), hash_of(&token("t-abc")));
    assert_ne!(hash_of(&token("t-abc")), hash_of(&token("t-abd")));
    assert_eq!(
        hash_of(&auth("Bearer t-abc")),
        hash_of(&auth("bEARER t-abc"))
    );
    assert_ne!(
        hash_of(&auth("Bearer t-abc")),
        hash_of(&auth("Bearer t-abd"))
    );
}

// ---------------------------------------------------------------------------------------------
// Aily's session family: the text types, the session, the requests and responses, the errors
// ---------------------------------------------------------------------------------------------

const fn value_type<T: Clone + Eq + std::hash::Hash + Debug + Send + Sync + 'static>() {}
#[rustfmt::skip]
const fn text_type<
    T: Clone + Eq + Ord + std::hash::Hash + Debug + Display + Default + AsRef<str>
        + FromStr<Err = botsession::TextError> + Send + Sync + 'static,
>() {}

const _: () = {
    text_type::<botsession::AilyChannelContext>();
    text_type::<botsession::AilyMetadata>();
    text_type::<botsession::AilyBizUserId>();
    value_type::<botsession::AilySession>();
    value_type::<botsession::AilyGetSessionRequest>();
    copy::<botsession::AilyGetSessionRequest>();
    error_type::<botsession::TextError>();
    error_type::<botsession::FieldError>();
    error_type::<botsession::BodyError>();
    copy::<botsession::TextError>();
    copy::<botsession::FieldError>();
    copy::<botsession::BodyError>();
};

#[cfg(feature = "serde")]
const _: () = {
    value_type::<botsession::AilyCreateSessionRequest>();
    value_type::<botsession::AilyUpdateSessionRequest>();
    send_sync_static::<botsession::AilyCreateSessionResponse>();
    send_sync_static::<botsession::AilyGetSessionResponse>();
    send_sync_static::<botsession::AilyUpdateSessionResponse>();
    send_sync_static::<botsession::MockClock>();
};

/// The text types convert only through their rule: no `From<String>` or `From<&str>`, and
/// `TryFrom` gives the rule's error.
#[test]
fn text_types_have_no_unvalidated_constructors() {
    assert!(!implements!(botsession::AilyMetadata: From<String>));
    assert!(!implements!(botsession::AilyMetadata: From<&'static str>));
    assert!(!implements!(botsession::AilyBizUserId: From<String>));
    assert!(!implements!(botsession::AilyChannelContext: From<String>));
    assert!(implements!(botsession::AilyMetadata: TryFrom<String>));
    let long = "元".repeat(256);
    assert_eq!(
        botsession::AilyMetadata::try_from(long.as_str()),
        Err(botsession::TextError::TooLong {
            max: 255,
            chars: 256
        })
    );
    let ok = botsession::AilyMetadata::try_from("{}".to_owned()).unwrap();
    assert_eq!(ok.to_string(), "{}");
    assert_eq!(String::from(ok.clone()), "{}");
    assert_eq!(ok.clone().into_string(), "{}");
    assert_eq!(ok, "{}");
    assert_eq!(ok.as_ref(), "{}");
    assert_eq!(botsession::AilyMetadata::default().as_str(), "");
    assert_eq!(botsession::AilyMetadata::MAX_CHARS, 255);
}
