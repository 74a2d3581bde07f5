//! The exported JSON Schemas accept exactly what the crate accepts: every identifier's schema
//! (anchored pattern, lengths) run by the `jsonschema` crate against the crate's own validator
//! on near-valid strings, exhaustive tables and generated ones; every value the `proptest` and
//! `arbitrary` features generate, and every body the crate serializes or renders, validates
//! against its schema.
#![cfg(feature = "schemars")]

mod common;

#[allow(dead_code)]
#[path = "../examples/schema.rs"]
mod example;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use botsession::{
    AilyDeleteSessionResponse, AilyErrorKind, AilyServiceError, FieldViolation, Help, IdKind,
    LexDeleteSessionResponse, LexErrorKind, LexServiceError, LexV2DeleteSessionResponse,
    LexV2ErrorKind, LexV2ServiceError, PermissionViolation,
};
// The generated requests are checked only where a generator is on.
#[cfg(any(feature = "proptest", feature = "arbitrary"))]
use botsession::{AilyDeleteSessionRequest, LexDeleteSessionRequest, LexV2DeleteSessionRequest};
use common::fixtures::{aily_request, lex_request, lex_v2_request};
use common::{for_each_ident, ForEachIdent, Ident, SplitMix};
use jsonschema::Validator;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// The exported document
// ---------------------------------------------------------------------------------------------

/// The example's document, in the deserialize (`false`) or serialize (`true`) contract.
fn document(serialize: bool) -> &'static Value {
    static READ: OnceLock<Value> = OnceLock::new();
    static WRITE: OnceLock<Value> = OnceLock::new();
    let cell = if serialize { &WRITE } else { &READ };
    cell.get_or_init(|| example::document(serialize))
}

/// The schema of `name` in the document.
fn def(name: &str, serialize: bool) -> &'static Value {
    document(serialize)
        .pointer(&format!("/$defs/{name}"))
        .unwrap_or_else(|| panic!("no $defs/{name}"))
}

/// A validator for `$defs/name`, with the rest of the document for its references.
fn validator(name: &str, serialize: bool) -> Validator {
    let mut schema = document(serialize).clone();
    schema["$ref"] = json!(format!("#/$defs/{name}"));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[track_caller]
fn assert_valid(validator: &Validator, instance: &Value, what: &str) {
    if let Err(e) = validator.validate(instance) {
        panic!("{what}: {instance} does not validate: {e}");
    }
}

#[test]
fn every_type_is_under_defs() {
    let defs = document(false)["$defs"].as_object().unwrap();
    let names: Vec<&str> = defs.keys().map(String::as_str).collect();
    let mut expected = vec![
        "AilyDeleteSessionRequest",
        "AilyDeleteSessionResponse",
        "AilyServiceError",
        "FieldViolation",
        "Help",
        "LexDeleteSessionRequest",
        "LexDeleteSessionResponse",
        "LexServiceError",
        "LexV2DeleteSessionRequest",
        "LexV2DeleteSessionResponse",
        "LexV2ServiceError",
        "PermissionViolation",
    ];
    struct Names<'a>(&'a mut Vec<&'static str>);
    impl ForEachIdent for Names<'_> {
        fn run<T: Ident>(&mut self) {
            self.0.push(T::NAME);
        }
    }
    for_each_ident(Names(&mut expected));
    expected.sort_unstable();
    assert_eq!(names, expected);
    // The document is itself a valid schema, in both contracts.
    for serialize in [false, true] {
        jsonschema::validator_for(document(serialize)).unwrap();
    }
}

/// Each identifier's schema: a string with an anchored pattern, the rule's byte lengths, the
/// source, and an example that validates (the secrets: `writeOnly`, no example).
#[test]
fn identifier_schemas_carry_the_rule() {
    struct Check;
    impl ForEachIdent for Check {
        fn run<T: Ident>(&mut self) {
            let schema = def(T::NAME, false);
            assert_eq!(
                schema,
                def(T::NAME, true),
                "{}: one schema both ways",
                T::NAME
            );
            let pattern = schema["pattern"].as_str().unwrap();
            assert!(
                pattern.starts_with('^') && pattern.ends_with('$'),
                "{pattern}"
            );
            assert!(pattern.is_ascii(), "{pattern}");
            let (min, max) = T::KIND.len_bounds();
            assert_eq!(schema["type"], "string");
            assert_eq!(schema["minLength"], min);
            assert_eq!(schema["maxLength"], max);
            assert!(schema["description"].as_str().unwrap().len() > 40);
            let secret = matches!(T::KIND, IdKind::AilyAccessToken | IdKind::AilyAuthorization);
            if secret {
                assert_eq!(schema["writeOnly"], true, "{}", T::NAME);
                assert!(schema.get("examples").is_none(), "{}", T::NAME);
            } else {
                assert!(schema.get("writeOnly").is_none(), "{}", T::NAME);
                // Only the ids the docs show a value of have an example.
                let examples = schema
                    .get("examples")
                    .map_or(&[][..], |e| e.as_array().unwrap());
                let documented = !matches!(
                    T::KIND,
                    IdKind::AilyMessageId
                        | IdKind::AilyRunId
                        | IdKind::LexUserId
                        | IdKind::LexV2BotId
                        | IdKind::LexV2SessionId
                );
                assert_eq!(examples.len(), usize::from(documented), "{}", T::NAME);
                let validator = validator(T::NAME, false);
                for example in examples {
                    let text = example.as_str().unwrap();
                    assert!(T::is_valid(text), "{}: example {text:?}", T::NAME);
                    assert_valid(&validator, example, T::NAME);
                }
            }
        }
    }
    for_each_ident(Check);
}

/// The exact pattern of every identifier, as the closing note of the issue lists them.
#[test]
fn patterns_are_the_listed_ones() {
    let listed: BTreeMap<&str, &str> = BTreeMap::from([
        ("AilySessionId", "^session_[0-9a-hjkmnp-z]{1,24}$"),
        ("AilyMessageId", "^message_[0-9a-hjkmnp-z]{1,24}$"),
        ("AilyRunId", "^run_[0-9a-hjkmnp-z]{1,28}$"),
        ("AilyAccessToken", "^[A-Za-z0-9._~+\\/\\-]+=*$"),
        (
            "AilyAuthorization",
            "^[Bb][Ee][Aa][Rr][Ee][Rr] [A-Za-z0-9._~+\\/\\-]+=*$",
        ),
        ("LexUserId", r"^(?!\.\.$)[0-9A-Za-z._:\-]{2,100}$"),
        ("LexBotName", "^(?:[A-Za-z]_?)+$"),
        ("LexBotAlias", r"^(?:\$LATEST|(?:[A-Za-z]_?)+)$"),
        ("LexRegion", "^[a-z0-9\\-]{1,32}$"),
        ("LexV2BotId", "^[0-9A-Za-z]{10}$"),
        ("LexV2BotAliasId", "^[0-9A-Za-z]{10}$"),
        ("LexV2LocaleId", "^(?:[0-9A-Za-z]_?)+$"),
        ("LexV2SessionId", r"^(?!\.\.$)[0-9A-Za-z._:\-]{2,100}$"),
    ]);
    struct Pattern<'a>(&'a BTreeMap<&'static str, &'static str>);
    impl ForEachIdent for Pattern<'_> {
        fn run<T: Ident>(&mut self) {
            assert_eq!(
                def(T::NAME, false)["pattern"],
                self.0[T::NAME],
                "{}",
                T::NAME
            );
        }
    }
    for_each_ident(Pattern(&listed));
}

// ---------------------------------------------------------------------------------------------
// Identifiers: the schema against the validator
// ---------------------------------------------------------------------------------------------

/// How a valid value of a rule is shaped, for the near-valid strategies: written here from the
/// documented rules, independently of the crate's tables.
struct Shape {
    /// The literal start (`session_`), or `Bearer ` in a random case for the header.
    prefix: &'static str,
    scheme: bool,
    alphabet: &'static str,
    /// A separator that follows an alphabet byte, never doubled (`_` in `([A-Za-z]_?)+`).
    sep: Option<char>,
    /// Whether a run of `=` may end the value (b64token).
    pad: bool,
    /// Whole values with a rule of their own: accepted (`$LATEST`) or reserved (`..`).
    literals: &'static [&'static str],
}

const AILY: &str = "0123456789abcdefghjkmnpqrstuvwxyz";
const USER: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._:-";
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALNUM: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const REGION: &str = "abcdefghijklmnopqrstuvwxyz0123456789-";
const TOKEN: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

fn shape(kind: IdKind) -> Shape {
    let plain = |prefix, alphabet| Shape {
        prefix,
        scheme: false,
        alphabet,
        sep: None,
        pad: false,
        literals: &[],
    };
    match kind {
        IdKind::AilySessionId => plain("session_", AILY),
        IdKind::AilyMessageId => plain("message_", AILY),
        IdKind::AilyRunId => plain("run_", AILY),
        IdKind::AilyAccessToken => Shape {
            pad: true,
            ..plain("", TOKEN)
        },
        IdKind::AilyAuthorization => Shape {
            scheme: true,
            pad: true,
            ..plain("Bearer ", TOKEN)
        },
        IdKind::LexUserId | IdKind::LexV2SessionId => Shape {
            literals: &["..", "...", ".", ".-", "-.", "..."],
            ..plain("", USER)
        },
        IdKind::LexBotName => Shape {
            sep: Some('_'),
            ..plain("", LETTERS)
        },
        IdKind::LexBotAlias => Shape {
            sep: Some('_'),
            literals: &[
                "$LATEST",
                "$latest",
                "$Latest",
                "$LATEST ",
                " $LATEST",
                "$LATES",
                "$LATESTT",
                "$$LATEST",
                "LATEST",
                "$LATEST_",
                "$LATEST\n",
                "＄LATEST",
            ],
            ..plain("", LETTERS)
        },
        IdKind::LexRegion => plain("", REGION),
        IdKind::LexV2BotId => plain("", ALNUM),
        IdKind::LexV2BotAliasId => Shape {
            literals: &["TSTALIASID", "tstaliasid", "TSTALIASI", "TSTALIASIDX"],
            ..plain("", ALNUM)
        },
        IdKind::LexV2LocaleId => Shape {
            sep: Some('_'),
            literals: &[
                "en_US", "es_419", "_en_US", "en__US", "en_US_", "en-US", "en_U_",
            ],
            ..plain("", ALNUM)
        },
        _ => panic!("no shape for {kind:?}"),
    }
}

/// Characters just outside (or just inside) some rule: excluded letters, other case,
/// separators, path and padding bytes, whitespace, controls, non-ASCII (which a schema's
/// `maxLength` counts as one where the crate counts its bytes).
const NEIGHBOURS: &[char] = &[
    'i', 'l', 'o', 'A', 'Z', 'a', 'z', '0', '9', '_', '-', '/', ' ', 'é', '\0', '$', '=', '.', ':',
    '~', '+', '\u{7f}', '\n', '\r', '\t', '%', '"', '\\', '@', ',', 'ß', '€', '😀', '\u{301}',
    '\u{2028}', 'K', 'ſ', '٣', '\u{ff10}',
];

/// Every character the mutating and random strategies draw from.
fn pool(shape: &Shape) -> Vec<char> {
    let mut chars: Vec<char> = shape.alphabet.chars().collect();
    chars.extend(NEIGHBOURS);
    chars.extend(shape.prefix.chars());
    chars.extend(shape.literals.iter().flat_map(|l| l.chars()));
    if shape.scheme {
        chars.extend("BEARbear".chars());
    }
    chars.sort_unstable();
    chars.dedup();
    chars
}

/// A value shaped like a valid one, `len` bytes long (valid whenever `len` is in bounds).
fn build(shape: &Shape, len: usize, seed: u64) -> String {
    let mut rng = SplitMix(seed);
    if !shape.literals.is_empty() && rng.below(8) == 0 {
        return shape.literals[rng.below(shape.literals.len())].to_owned();
    }
    let mut out: String = shape
        .prefix
        .chars()
        .map(|c| match shape.scheme && rng.next() & 1 == 0 {
            true => c.to_ascii_lowercase(),
            false => c,
        })
        .take(len)
        .collect();
    let body = len.saturating_sub(out.len());
    let pad = if shape.pad && body > 1 && rng.below(3) == 0 {
        1 + rng.below(body.min(4) - 1)
    } else {
        0
    };
    while out.len() < len - pad {
        match shape.sep {
            Some(sep)
                if out.len() > shape.prefix.len() && !out.ends_with(sep) && rng.below(3) == 0 =>
            {
                out.push(sep)
            }
            _ => out.push(rng.pick(shape.alphabet)),
        }
    }
    out.extend(std::iter::repeat('=').take(pad));
    out
}

/// (a) Valid-shaped values at min-1, min, max and max+1 bytes, and in between.
fn boundary(kind: IdKind) -> BoxedStrategy<String> {
    let (min, max) = kind.len_bounds();
    let edges = vec![min.saturating_sub(1), min, max, max + 1];
    (
        prop_oneof![3 => select(edges), 1 => min..=max],
        any::<u64>(),
    )
        .prop_map(move |(len, seed)| build(&shape(kind), len, seed))
        .boxed()
}

/// (b) A valid-shaped value with one character replaced, inserted or deleted.
fn mutated(kind: IdKind) -> BoxedStrategy<String> {
    let (min, max) = kind.len_bounds();
    (
        min..=max.min(300),
        any::<u64>(),
        0..3u8,
        any::<Index>(),
        select(pool(&shape(kind))),
    )
        .prop_map(move |(len, seed, op, at, c)| {
            let mut chars: Vec<char> = build(&shape(kind), len, seed).chars().collect();
            match op {
                0 if !chars.is_empty() => {
                    let i = at.index(chars.len());
                    chars[i] = c;
                }
                1 => chars.insert(at.index(chars.len() + 1), c),
                _ if !chars.is_empty() => {
                    chars.remove(at.index(chars.len()));
                }
                _ => chars.push(c),
            }
            chars.into_iter().collect()
        })
        .boxed()
}

/// (c) Random strings over the alphabet and its neighbours, half of them after the prefix.
fn random(kind: IdKind) -> BoxedStrategy<String> {
    let (_, max) = kind.len_bounds();
    let longest = (max + 2).min(120);
    (
        any::<bool>(),
        any::<u64>(),
        vec(select(pool(&shape(kind))), 0..=longest),
    )
        .prop_map(move |(lead, seed, body)| {
            let mut out = if lead {
                build(&shape(kind), shape(kind).prefix.len(), seed)
            } else {
                String::new()
            };
            out.extend(body);
            out
        })
        .boxed()
}

/// (d) Arbitrary strings, alone or after the rule's prefix.
fn arbitrary(kind: IdKind) -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        "(?s).{0,40}".prop_map(move |rest| format!("{}{rest}", shape(kind).prefix)),
    ]
    .boxed()
}

/// The exhaustive table of a rule: the empty string, the literals, and every character of the
/// pool and every ASCII byte at the first, a middle and the last position of a shortest and a
/// longest valid-shaped value, and either length just out of range.
fn table(kind: IdKind) -> Vec<String> {
    let shape = shape(kind);
    let (min, max) = kind.len_bounds();
    let mut chars = pool(&shape);
    chars.extend((0..=127u8).map(char::from));
    chars.sort_unstable();
    chars.dedup();
    let mut out = vec![String::new()];
    out.extend(shape.literals.iter().map(|l| l.to_string()));
    for (seed, len) in [(1, min), (2, max), (3, min + 1), (4, (min + max) / 2)] {
        // A seed that gives a shaped value, not a literal.
        let base = (seed..)
            .map(|s| build(&shape, len, s))
            .find(|s| s.len() == len)
            .unwrap();
        out.push(base.clone());
        let at: Vec<usize> = vec![0, shape.prefix.len().min(len - 1), len / 2, len - 1];
        for &i in &at {
            for &c in &chars {
                let mut s: Vec<char> = base.chars().collect();
                s[i] = c;
                out.push(s.iter().collect());
            }
        }
        for &c in &chars {
            out.push(format!("{base}{c}"));
        }
    }
    for len in [min.saturating_sub(1), max + 1] {
        out.extend((0..4).map(|seed| build(&shape, len, seed)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[derive(Default, Debug)]
struct Counts {
    table: usize,
    generated: usize,
    accepted: usize,
    rejected: usize,
}

fn differential<T: Ident>(cases: u32) -> Counts {
    let validator = validator(T::NAME, false);
    let mut counts = Counts::default();
    let agree = |s: &str, counts: &mut Counts| -> Result<(), String> {
        let by_crate = s.parse::<T>().is_ok();
        let by_schema = validator.is_valid(&json!(s));
        if by_crate != by_schema {
            return Err(format!(
                "{}: {s:?} is {} by the crate and {} by the schema",
                T::NAME,
                if by_crate { "accepted" } else { "rejected" },
                if by_schema { "accepted" } else { "rejected" },
            ));
        }
        assert_eq!(
            T::is_valid(s),
            by_crate,
            "{}: is_valid and parse on {s:?}",
            T::NAME
        );
        if by_crate {
            counts.accepted += 1;
        } else {
            counts.rejected += 1;
        }
        Ok(())
    };
    for s in table(T::KIND) {
        agree(&s, &mut counts).unwrap_or_else(|e| panic!("{e}"));
        counts.table += 1;
    }
    let counts = std::cell::RefCell::new(counts);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    for strategy in [
        boundary(T::KIND),
        mutated(T::KIND),
        random(T::KIND),
        arbitrary(T::KIND),
    ] {
        TestRunner::new(config.clone())
            .run(&strategy, |s| {
                let mut counts = counts.borrow_mut();
                counts.generated += 1;
                agree(&s, &mut counts).map_err(TestCaseError::fail)
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    counts.into_inner()
}

/// For every identifier: the schema accepts a string if and only if the crate does, on the
/// exhaustive table and on `4 × cases` generated strings (boundary lengths, one mutation,
/// random over the alphabet and its neighbours, arbitrary). Prints the counts; both outcomes
/// must come up for every identifier.
#[test]
fn schema_accepts_exactly_what_the_crate_accepts() {
    struct Run(Vec<(&'static str, Counts)>);
    impl ForEachIdent for Run {
        fn run<T: Ident>(&mut self) {
            let counts = differential::<T>(common::cases(256));
            assert!(
                counts.accepted > 50 && counts.rejected > 50,
                "{}: {counts:?}",
                T::NAME
            );
            self.0.push((T::NAME, counts));
        }
    }
    let run = for_each_ident(Run(Vec::new()));
    for (name, c) in &run.0 {
        println!(
            "{name}: {} cases ({} table, {} generated): {} accepted, {} rejected",
            c.table + c.generated,
            c.table,
            c.generated,
            c.accepted,
            c.rejected
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Bodies: what the crate serializes and renders
// ---------------------------------------------------------------------------------------------

/// A request's serde form validates both ways; the schema's properties are its fields, and an
/// invalid field or a missing one fails.
#[test]
fn serialized_requests_validate() {
    fn check<T: serde::Serialize>(request: &T, name: &str) {
        let value = serde_json::to_value(request).unwrap();
        for serialize in [false, true] {
            let validator = validator(name, serialize);
            assert_valid(&validator, &value, name);
            let object = value.as_object().unwrap();
            for key in object.keys() {
                let mut missing = value.clone();
                missing.as_object_mut().unwrap().remove(key);
                assert!(!validator.is_valid(&missing), "{name} without {key}");
                let mut bad = value.clone();
                bad[key] = json!("a b");
                assert!(!validator.is_valid(&bad), "{name} with {key} \"a b\"");
            }
            let mut extra = value.clone();
            extra["extra"] = json!(1);
            // The derived `Deserialize` ignores an unknown field; the serializer never writes one.
            assert_eq!(
                validator.is_valid(&extra),
                !serialize,
                "{name} with an extra field"
            );
        }
        let properties: Vec<&String> = def(name, false)["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        let fields: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(properties, fields, "{name}");
    }
    check(&aily_request(), "AilyDeleteSessionRequest");
    check(&lex_request(), "LexDeleteSessionRequest");
    check(&lex_v2_request(), "LexV2DeleteSessionRequest");
}

/// Every body the crate renders validates against its type's schema in both contracts: what
/// the crate writes, it reads.
#[test]
fn rendered_bodies_validate() {
    fn check(body: &[u8], name: &str) {
        let value: Value = serde_json::from_slice(body).unwrap();
        for serialize in [false, true] {
            assert_valid(&validator(name, serialize), &value, name);
        }
    }
    check(
        AilyDeleteSessionResponse::new().render().body(),
        "AilyDeleteSessionResponse",
    );
    check(
        AilyDeleteSessionResponse::new()
            .with_request_id("2024abc")
            .render()
            .body(),
        "AilyDeleteSessionResponse",
    );
    // `Other(0)` renders the success code: the success's schema takes it (in the read contract,
    // where the success reads `error` for its log id), the error's does not (README).
    let zero: Value = serde_json::from_slice(
        AilyServiceError::new(AilyErrorKind::Unknown(0))
            .render()
            .body(),
    )
    .unwrap();
    assert_valid(
        &validator("AilyDeleteSessionResponse", false),
        &zero,
        "Other(0) as a success",
    );
    assert!(!validator("AilyServiceError", true).is_valid(&zero));
    let mut kinds = AilyErrorKind::KNOWN.to_vec();
    kinds.extend([
        AilyErrorKind::Unknown(-1),
        AilyErrorKind::Unknown(i64::MAX),
        AilyErrorKind::Unknown(i64::MIN),
    ]);
    for kind in kinds {
        check(
            AilyServiceError::new(kind).render().body(),
            "AilyServiceError",
        );
        let full = AilyServiceError::new(kind)
            .with_message("é \"quoted\"\n")
            .with_request_id("2024abc")
            .with_troubleshooter("https://open.feishu.cn/search?log_id=2024abc")
            .with_field_violation(
                FieldViolation::new()
                    .with_field("aily_session_id")
                    .with_value("x"),
            )
            .with_field_violation(FieldViolation::new())
            .with_permission_violation(
                PermissionViolation::new()
                    .with_kind("action_scope_required")
                    .with_subject("aily:session:write")
                    .with_description("d"),
            )
            .with_help(
                Help::new()
                    .with_url("https://open.feishu.cn")
                    .with_description("d"),
            );
        check(full.render().body(), "AilyServiceError");
    }
    check(
        LexDeleteSessionResponse::new(&lex_request(), "2024-abc")
            .render()
            .body(),
        "LexDeleteSessionResponse",
    );
    check(
        LexV2DeleteSessionResponse::new(&lex_v2_request())
            .render()
            .body(),
        "LexV2DeleteSessionResponse",
    );
    for kind in LexErrorKind::KNOWN {
        check(
            LexServiceError::new(kind.clone())
                .with_message("no such bot")
                .render()
                .body(),
            "LexServiceError",
        );
    }
    for code in ["Weird,Code", "é", "aws#Thing", ""] {
        let kind = LexErrorKind::from_code(code);
        check(
            LexServiceError::new(kind).with_message("m").render().body(),
            "LexServiceError",
        );
    }
    for kind in LexV2ErrorKind::KNOWN {
        check(
            LexV2ServiceError::new(kind.clone())
                .with_message("no such session")
                .render()
                .body(),
            "LexV2ServiceError",
        );
    }
}

/// Each body lists, written, exactly what its renderer can write, and, read, what its reader
/// takes as well.
#[test]
fn body_schemas_list_what_is_written_and_read() {
    let listed = |name: &str, serialize: bool| -> Vec<String> {
        def(name, serialize)["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "AilyDeleteSessionResponse",
            &["code", "data", "msg"],
            &["code", "data", "error", "msg"],
        ),
        (
            "AilyServiceError",
            &["code", "error", "msg"],
            &["code", "data", "error", "msg"],
        ),
        (
            "LexServiceError",
            &["code", "message"],
            &["Message", "__type", "code", "errorMessage", "message"],
        ),
        (
            "LexDeleteSessionResponse",
            &["botAlias", "botName", "sessionId", "userId"],
            &["botAlias", "botName", "sessionId", "userId"],
        ),
    ];
    for (name, written, read) in cases {
        let mut w = listed(name, true);
        w.sort();
        let mut r = listed(name, false);
        r.sort();
        assert_eq!(w, *written, "{name} written");
        assert_eq!(r, *read, "{name} read");
    }
    // `msg` is written where set: a response read without one is written without one.
    assert_eq!(def("AilyServiceError", true)["required"], json!(["code"]));
    assert_eq!(def("AilyServiceError", false)["required"], json!(["code"]));
    assert_eq!(def("AilyServiceError", true)["additionalProperties"], false);
    assert!(def("AilyServiceError", false)
        .get("additionalProperties")
        .is_none());
}

/// The success and error envelopes of Aily partition the bodies the reader takes: `code` 0 is
/// the success's, any other integer the error's; and the read schemas take what the docs show.
#[test]
fn read_schemas_take_the_documented_bodies() {
    let success = validator("AilyDeleteSessionResponse", false);
    let error = validator("AilyServiceError", false);
    let bodies: &[(&str, bool)] = &[
        (r#"{"code":0,"msg":"success","data":{}}"#, true),
        (r#"{"code":0}"#, true),
        (r#"{"code":0,"msg":null,"data":[1],"extra":true}"#, true),
        (r#"{"code":0,"error":{"log_id":"2024abc"}}"#, true),
        (
            r#"{"code":2700001,"msg":"param is invalid","error":{"log_id":"2024abc"}}"#,
            false,
        ),
        (
            r#"{"code":99991400,"msg":"request trigger frequency limit"}"#,
            false,
        ),
        (r#"{"code":-1}"#, false),
    ];
    for (body, is_success) in bodies {
        let value: Value = serde_json::from_str(body).unwrap();
        let read =
            AilyDeleteSessionResponse::from_http(200, &[] as &[(&str, &str)], body.as_bytes());
        assert_eq!(read.is_ok(), *is_success, "{body}");
        assert_eq!(
            success.is_valid(&value),
            *is_success,
            "success schema on {body}"
        );
        assert_eq!(
            error.is_valid(&value),
            !is_success,
            "error schema on {body}"
        );
    }
    for body in [
        r#"{"msg":"success"}"#,
        r#"{"code":"0"}"#,
        r#"[0]"#,
        r#"{"code":0,"msg":1}"#,
    ] {
        let value: Value = serde_json::from_str(body).unwrap();
        assert!(
            AilyDeleteSessionResponse::from_http(200, &[] as &[(&str, &str)], body.as_bytes())
                .is_err()
        );
        assert!(
            !success.is_valid(&value) && !error.is_valid(&value),
            "{body}"
        );
    }
    let lex = validator("LexDeleteSessionResponse", false);
    let doc = json!({"botAlias":"$LATEST","botName":"OrderFlowers","sessionId":"2024-abc","userId":"user:42"});
    assert_valid(&lex, &doc, "Lex success");
    assert!(!lex.is_valid(&json!({"botName": 1})));
    let lex_error = validator("LexServiceError", false);
    for body in [
        json!({"message":"slow down"}),
        json!({"__type":"x#NotFoundException","Message":"m"}),
        json!({"code":"c","errorMessage":null}),
    ] {
        assert_valid(&lex_error, &body, "Lex error");
    }
}

// ---------------------------------------------------------------------------------------------
// Generated values
// ---------------------------------------------------------------------------------------------

/// Every value the `proptest` strategies produce validates against its schema.
#[cfg(feature = "proptest")]
#[test]
fn proptest_values_validate() {
    fn check<T>(name: &str, text: fn(&T) -> Value)
    where
        T: proptest::arbitrary::Arbitrary + std::fmt::Debug,
    {
        let validator = validator(name, false);
        let mut runner = TestRunner::new(Config {
            cases: common::cases(256),
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&any::<T>(), |value| {
                let instance = text(&value);
                prop_assert!(validator.is_valid(&instance), "{name}: {instance}");
                Ok(())
            })
            .unwrap();
    }
    macro_rules! ids {
        ($($ty:ident => $text:ident),+) => {$(
            check::<botsession::$ty>(stringify!($ty), |v| json!(v.$text()));
        )+};
    }
    ids!(
        AilySessionId => as_str, AilyMessageId => as_str, AilyRunId => as_str,
        AilyAccessToken => expose_secret, AilyAuthorization => expose_header_value,
        LexUserId => as_str, LexBotName => as_str, LexBotAlias => as_str, LexRegion => as_str,
        LexV2BotId => as_str, LexV2BotAliasId => as_str, LexV2LocaleId => as_str,
        LexV2SessionId => as_str
    );
    check::<AilyDeleteSessionRequest>("AilyDeleteSessionRequest", |r| {
        serde_json::to_value(r).unwrap()
    });
    check::<LexDeleteSessionRequest>("LexDeleteSessionRequest", |r| {
        serde_json::to_value(r).unwrap()
    });
    check::<LexV2DeleteSessionRequest>("LexV2DeleteSessionRequest", |r| {
        serde_json::to_value(r).unwrap()
    });
    check::<LexDeleteSessionRequest>("LexDeleteSessionResponse", |r| {
        serde_json::from_slice(LexDeleteSessionResponse::new(r, "s").render().body()).unwrap()
    });
    check::<LexV2DeleteSessionRequest>("LexV2DeleteSessionResponse", |r| {
        serde_json::from_slice(LexV2DeleteSessionResponse::new(r).render().body()).unwrap()
    });
}

/// Every value the `arbitrary` feature builds, from any bytes (none at all included), is
/// valid: `arbitrary()` never fails, the crate's validator takes the value, and so does its
/// schema.
#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_validate() {
    use arbitrary::{Arbitrary, Unstructured};

    fn check<T>(name: &str, text: fn(&T) -> Value) -> usize
    where
        T: for<'a> Arbitrary<'a> + std::fmt::Debug,
    {
        let validator = validator(name, false);
        let mut rng = SplitMix(0x5eed);
        let mut seen = std::collections::BTreeSet::new();
        let runs = common::cases(512) as usize;
        for run in 0..runs {
            let len = [0, 1, 2, 3, 8, 64, 512, 9000][run % 8];
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let value = T::arbitrary(&mut Unstructured::new(&bytes))
                .unwrap_or_else(|e| panic!("{name} from {len} bytes: {e}"));
            let instance = text(&value);
            assert!(validator.is_valid(&instance), "{name}: {instance}");
            seen.insert(instance.to_string());
        }
        seen.len()
    }
    macro_rules! ids {
        ($($ty:ident => $text:ident),+) => {$({
            fn text(v: &botsession::$ty) -> Value {
                assert!(botsession::$ty::is_valid(v.$text()));
                json!(v.$text())
            }
            let distinct = check::<botsession::$ty>(stringify!($ty), text);
            assert!(distinct > 8, "{}: {distinct} distinct values", stringify!($ty));
        })+};
    }
    ids!(
        AilySessionId => as_str, AilyMessageId => as_str, AilyRunId => as_str,
        AilyAccessToken => expose_secret, AilyAuthorization => expose_header_value,
        LexUserId => as_str, LexBotName => as_str, LexBotAlias => as_str, LexRegion => as_str,
        LexV2BotId => as_str, LexV2BotAliasId => as_str, LexV2LocaleId => as_str,
        LexV2SessionId => as_str
    );
    check::<AilyDeleteSessionRequest>("AilyDeleteSessionRequest", |r| {
        assert_eq!(
            AilyDeleteSessionRequest::from_route("DELETE", &r.path()),
            Ok(*r)
        );
        serde_json::to_value(r).unwrap()
    });
    check::<LexDeleteSessionRequest>("LexDeleteSessionRequest", |r| {
        assert_eq!(
            LexDeleteSessionRequest::from_route("DELETE", &r.path()).as_ref(),
            Ok(r)
        );
        serde_json::to_value(r).unwrap()
    });
    check::<LexV2DeleteSessionRequest>("LexV2DeleteSessionRequest", |r| {
        assert_eq!(
            LexV2DeleteSessionRequest::from_route("DELETE", &r.path()).as_ref(),
            Ok(r)
        );
        serde_json::to_value(r).unwrap()
    });
}
