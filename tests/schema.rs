//! The exported JSON Schemas accept exactly what the crate accepts: every identifier's schema
//! (anchored pattern, lengths) run by the `jsonschema` crate against the crate's own validator
//! on near-valid strings, exhaustive tables and generated ones; the same for the text types
//! (lengths in characters), the session object (timestamps that fit in 64 bits) and the session
//! responses; every value the `proptest` and `arbitrary` features generate, and every body the
//! crate serializes or renders, validates against its schema.
//!
//! The Lex V2 session values (state, messages, interpretations, the session, PutSession's
//! body) the same way, on documents: every node of a documented one replaced by every JSON
//! type and each rule's near misses, every member removed, lists and maps grown past their
//! limits; and generated ones with random edits. Three differences no schema can avoid are
//! tested as such: nesting past `MAX_DEPTH`; an integer written `5.0` (an integer to JSON
//! Schema, not to the crate, which reads the text); and a `null` list entry or map value, which
//! the crate skips, past a list's or map's limit.
#![cfg(feature = "schemars")]

mod common;

#[allow(dead_code)]
#[path = "../examples/schema.rs"]
mod example;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use botsession::{
    AilyBizUserId, AilyChannelContext, AilyCreateSessionRequest, AilyCreateSessionResponse,
    AilyDeleteSessionResponse, AilyErrorKind, AilyGetSessionRequest, AilyGetSessionResponse,
    AilyMetadata, AilyServiceError, AilySession, AilySessionId, AilyUpdateSessionRequest,
    AilyUpdateSessionResponse, FieldViolation, Help, IdKind, LexDeleteSessionResponse,
    LexErrorKind, LexServiceError, LexV2DeleteSessionResponse, LexV2ErrorKind, LexV2ServiceError,
    PermissionViolation, ResponseError,
};
use botsession::{
    LexV2GetSessionResponse, LexV2PutSessionRequest, LexV2SentimentType, LexV2SessionState,
    MAX_DEPTH,
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

/// The start of `value`'s JSON, at most `max` characters, for a failure message.
fn shown(value: &Value, max: usize) -> String {
    value.to_string().chars().take(max).collect()
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
        "AilyBizUserId",
        "AilyChannelContext",
        "AilyCreateSessionRequest",
        "AilyCreateSessionResponse",
        "AilyDeleteSessionRequest",
        "AilyDeleteSessionResponse",
        "AilyGetSessionRequest",
        "AilyGetSessionResponse",
        "AilyMetadata",
        "AilyServiceError",
        "AilySession",
        "AilyUpdateSessionRequest",
        "AilyUpdateSessionResponse",
        "FieldViolation",
        "Help",
        "LexDeleteSessionRequest",
        "LexDeleteSessionResponse",
        "LexServiceError",
        "LexV2DeleteSessionRequest",
        "LexV2DeleteSessionResponse",
        "LexV2ServiceError",
        "PermissionViolation",
        "LexV2GetSessionRequest",
    ];
    for model in lex_v2_models().iter().chain(&lex_v2_scalars()) {
        expected.push(model.name);
    }
    for t in text_types() {
        if t.name.starts_with("LexV2") {
            expected.push(t.name);
        }
    }
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

/// A request's serde form validates both ways, and the schema's properties are its fields. Each
/// field removed, `null`, `"a b"` or 256 characters long, and an extra field: the read schema
/// takes the result exactly when the derived `Deserialize` does; the write schema takes only
/// what it reads, and no `null` or extra field (the serializer writes neither).
#[test]
fn serialized_requests_validate() {
    fn check<T: serde::Serialize + serde::de::DeserializeOwned>(request: &T, name: &str) {
        let value = serde_json::to_value(request).unwrap();
        let (read, write) = (validator(name, false), validator(name, true));
        assert_valid(&read, &value, name);
        assert_valid(&write, &value, name);
        let by_crate = |v: &Value| serde_json::from_value::<T>(v.clone()).is_ok();
        let mut variants = Vec::new();
        let long = "元".repeat(256);
        for key in value.as_object().unwrap().keys() {
            let mut missing = value.clone();
            missing.as_object_mut().unwrap().remove(key);
            variants.push((format!("without {key}"), missing));
            for bad in [json!(null), json!("a b"), json!(long), json!(1)] {
                let mut changed = value.clone();
                changed[key] = bad.clone();
                variants.push((format!("{key} {}", shown(&bad, 20)), changed));
            }
        }
        let mut extra = value.clone();
        extra["extra"] = json!(1);
        variants.push((String::from("an extra field"), extra.clone()));
        for (what, variant) in &variants {
            assert_eq!(
                read.is_valid(variant),
                by_crate(variant),
                "{name} {what}: read schema and crate"
            );
            if write.is_valid(variant) {
                assert!(by_crate(variant), "{name} {what}: written, not read");
            }
            let has_null = variant.as_object().unwrap().values().any(Value::is_null);
            assert!(
                !(has_null && write.is_valid(variant)),
                "{name} {what}: null written"
            );
        }
        // The derived `Deserialize` ignores an unknown field; the serializer never writes one.
        assert!(read.is_valid(&extra) && !write.is_valid(&extra), "{name}");
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
    let get = botsession::LexV2GetSessionRequest::from_route("GET", common::fixtures::LEX_V2_PATH);
    check(&get.unwrap(), "LexV2GetSessionRequest");
    let id = AilySessionId::from_static(common::fixtures::AILY_SESSION);
    check(&AilyGetSessionRequest::new(id), "AilyGetSessionRequest");
    let create = AilyCreateSessionRequest::new()
        .with_biz_user_id(AilyBizUserId::new("ou_5ad573a6411d72b8305fda3a9c15c70e").unwrap())
        .with_channel_context(AilyChannelContext::new("{}").unwrap())
        .with_metadata(AilyMetadata::new("元".repeat(255)).unwrap());
    check(&create, "AilyCreateSessionRequest");
    let update = AilyUpdateSessionRequest::new(id)
        .with_channel_context(AilyChannelContext::new("\"\\\u{0}").unwrap())
        .with_metadata(AilyMetadata::new("").unwrap());
    check(&update, "AilyUpdateSessionRequest");
    // Every field optional but the path parameter.
    for serialize in [false, true] {
        let empty = json!({});
        assert!(validator("AilyCreateSessionRequest", serialize).is_valid(&empty));
        let update = validator("AilyUpdateSessionRequest", serialize);
        assert!(!update.is_valid(&empty));
        assert!(update.is_valid(&json!({ "aily_session_id": common::fixtures::AILY_SESSION })));
    }
    let empty = serde_json::to_value(AilyCreateSessionRequest::new()).unwrap();
    assert_eq!(empty, json!({}));
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
    for session in sessions() {
        check(&serde_json::to_vec(&session).unwrap(), "AilySession");
        for (name, body) in session_bodies(&session) {
            check(&body, name);
        }
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
            "AilyGetSessionResponse",
            &["code", "data", "msg"],
            &["code", "data", "error", "msg"],
        ),
        (
            "AilySession",
            &[
                "channel_context",
                "created_at",
                "created_by",
                "id",
                "metadata",
                "modified_at",
            ],
            &[
                "channel_context",
                "created_at",
                "created_by",
                "id",
                "metadata",
                "modified_at",
            ],
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
    // A session operation's success: the reader requires `data.session`, and the session's id
    // and timestamps, so both directions require them.
    for serialize in [false, true] {
        for name in SESSION_RESPONSES {
            let schema = def(name, serialize);
            assert_eq!(schema["required"], json!(["code", "data"]), "{name}");
            let data = &schema["properties"]["data"];
            assert_eq!(data["required"], json!(["session"]), "{name}");
            assert_eq!(data["type"], "object", "{name}: data is never null");
            let session = &data["properties"]["session"];
            assert_eq!(session["type"], "object", "{name}");
            assert_eq!(
                session,
                def("AilySession", serialize),
                "{name}: the session inline"
            );
        }
        assert_eq!(
            def("AilySession", serialize)["required"],
            json!(["id", "created_at", "modified_at"])
        );
    }
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
// Sessions: the text types, the session object, the session responses
// ---------------------------------------------------------------------------------------------

/// A text type: its name in the document, its fewest and most characters (`usize::MAX`: no
/// bound), and the crate's checks.
struct TextType {
    name: &'static str,
    min: usize,
    max: usize,
    is_valid: fn(&str) -> bool,
    new: fn(&str) -> bool,
    /// Its `Deserialize`, on a JSON string.
    read: fn(&str) -> bool,
}

macro_rules! text_types {
    (@min AilyChannelContext) => { 0 };
    (@min AilyMetadata) => { 0 };
    (@min AilyBizUserId) => { 0 };
    (@min $ty:ident) => { botsession::$ty::MIN_CHARS };
    ($($ty:ident),+) => {
        [$(TextType {
            name: stringify!($ty),
            min: text_types!(@min $ty),
            max: $ty::MAX_CHARS,
            is_valid: $ty::is_valid,
            new: |s| $ty::new(s).is_ok(),
            read: |s| serde_json::from_value::<$ty>(json!(s)).is_ok(),
        }),+]
    };
}

fn text_types() -> [TextType; 13] {
    use botsession::{
        LexV2ActiveContextName, LexV2AttachmentTitle, LexV2AttachmentUrl, LexV2ButtonText,
        LexV2ButtonValue, LexV2NonEmptyString, LexV2ParameterName, LexV2RuntimeHintName,
        LexV2RuntimeHintPhrase, LexV2Text,
    };
    text_types!(
        AilyChannelContext,
        AilyMetadata,
        AilyBizUserId,
        LexV2NonEmptyString,
        LexV2Text,
        LexV2AttachmentTitle,
        LexV2AttachmentUrl,
        LexV2ButtonText,
        LexV2ButtonValue,
        LexV2ActiveContextName,
        LexV2ParameterName,
        LexV2RuntimeHintName,
        LexV2RuntimeHintPhrase
    )
}

/// The length the tables and strategies go around: the most characters, or 300 where there is
/// no most.
fn table_limit(max: usize) -> usize {
    if max == usize::MAX {
        300
    } else {
        max
    }
}

/// Characters either side of some text rule: visible ASCII and its ends (`!`, `~`), space,
/// DEL, multi-byte (`é`, `元`), 4-byte (`😀`), what JSON escapes, NUL, separators.
const TEXT_CHARS: &[char] = &[
    'a',
    '!',
    '~',
    ' ',
    '\u{7f}',
    '\u{80}',
    'é',
    '元',
    '渠',
    '😀',
    '\u{10ffff}',
    '"',
    '\\',
    '\0',
    '\n',
    '\r',
    '\t',
    '\u{1b}',
    '\u{2028}',
    '\u{feff}',
    '\u{301}',
];

/// The boundary table: empty, the docs' values, each character of [`TEXT_CHARS`] and every
/// ASCII byte repeated to one less than, exactly and one more than the limit, and alone at the
/// start, middle and end of an ASCII value of those lengths; mixed widths at the limit.
fn text_table(max: usize) -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        "{}",
        r#"{"channel":"web"}"#,
        "ou_5ad573a6411d72b8305fda3a9c15c70e",
        "ou 1",
        " ou",
        "ou ",
        "ou\n",
        "\n",
        "on_2b1f…",
        // The names' patterns: separators doubled, first, last, mixed, and look-alikes.
        "a__b",
        "a_b",
        "a-b",
        "a_-b",
        "a-_b",
        "a--b",
        "_a",
        "-a",
        "a_",
        "a-",
        "a\n",
        "a b",
        "ａ",
        "١",
        "Order_Pizza-2",
    ]
    .map(String::from)
    .to_vec();
    let mut chars: Vec<char> = TEXT_CHARS.to_vec();
    chars.extend((0..=127u8).map(char::from));
    for c in chars {
        for n in [1, max - 1, max, max + 1] {
            out.push(c.to_string().repeat(n));
            for at in [0, n / 2, n - 1] {
                let mut v = vec!['a'; n];
                v[at] = c;
                out.push(v.into_iter().collect());
            }
        }
    }
    out.push(format!("{}😀", "元".repeat(max - 1)));
    out.push(format!("{}😀", "元".repeat(max)));
    out.push(format!("{}a", "😀".repeat(max - 1)));
    out.sort_unstable();
    out.dedup();
    out
}

/// Generated texts: lengths around the limit or anywhere up to past it, over [`TEXT_CHARS`]
/// weighted to ASCII, or any characters; or names: letters, digits and separators.
fn text_strategy(max: usize) -> BoxedStrategy<String> {
    let c = prop_oneof![
        3 => proptest::char::range('!', '~'),
        3 => select(TEXT_CHARS),
        1 => any::<char>(),
    ];
    let name = prop_oneof![
        6 => select(ALNUM.chars().collect::<Vec<_>>()),
        2 => select(&['_', '-'][..]),
        1 => select(TEXT_CHARS),
    ];
    let lengths = || prop_oneof![2 => max - 2..=max + 2, 1 => 0..=max + 20, 1 => 0..=3usize];
    prop_oneof![
        lengths().prop_flat_map(move |len| vec(c.clone(), len)),
        lengths().prop_flat_map(move |len| vec(name.clone(), len)),
    ]
    .prop_map(String::from_iter)
    .boxed()
}

/// For every text type: the schema accepts a string if and only if the crate does (`new`,
/// `is_valid` and `Deserialize` agree), counted in characters, on the boundary table and on
/// generated strings; both outcomes come up for each, in both contracts.
#[test]
fn text_schemas_accept_exactly_what_the_crate_accepts() {
    for t in text_types() {
        let schema = def(t.name, false);
        assert_eq!(
            schema,
            def(t.name, true),
            "{}: one schema both ways",
            t.name
        );
        assert_eq!(schema["type"], "string", "{}", t.name);
        if t.max == usize::MAX {
            assert!(schema.get("maxLength").is_none(), "{}", t.name);
        } else {
            assert_eq!(schema["maxLength"], t.max, "{}", t.name);
        }
        let min = schema.get("minLength").map_or(0, |m| m.as_u64().unwrap());
        assert_eq!(min, t.min as u64, "{}", t.name);
        let description = schema["description"].as_str().unwrap();
        assert!(description.contains("characters"), "{}", t.name);
        let validator = validator(t.name, false);
        for example in schema["examples"].as_array().unwrap() {
            assert!((t.is_valid)(example.as_str().unwrap()), "{}", t.name);
            assert_valid(&validator, example, t.name);
        }
        // Counted in cells: the runner takes a `Fn`.
        let (accepted, rejected) = (Cell::new(0), Cell::new(0));
        let agree = |s: &str| -> Result<(), String> {
            let by_crate = (t.new)(s);
            assert_eq!((t.is_valid)(s), by_crate, "{}: is_valid and new", t.name);
            assert_eq!((t.read)(s), by_crate, "{}: Deserialize and new", t.name);
            if validator.is_valid(&json!(s)) != by_crate {
                return Err(format!(
                    "{}: {} characters ({:?}…) are {} by the crate, not by the schema",
                    t.name,
                    s.chars().count(),
                    s.chars().take(8).collect::<String>(),
                    if by_crate { "accepted" } else { "rejected" },
                ));
            }
            let count = if by_crate { &accepted } else { &rejected };
            count.set(count.get() + 1);
            Ok(())
        };
        for s in text_table(table_limit(t.max)) {
            agree(&s).unwrap_or_else(|e| panic!("{e}"));
        }
        TestRunner::new(Config {
            cases: common::cases(256),
            failure_persistence: None,
            ..Config::default()
        })
        .run(&text_strategy(table_limit(t.max)), |s| {
            agree(&s).map_err(TestCaseError::fail)
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let (accepted, rejected) = (accepted.get(), rejected.get());
        // A string with no most characters and no pattern is refused only empty.
        let refusable = if t.max == usize::MAX { 10 } else { 50 };
        assert!(
            accepted > 50 && rejected > refusable,
            "{}: {accepted} accepted, {rejected} rejected",
            t.name
        );
        println!("{}: {accepted} accepted, {rejected} rejected", t.name);
    }
    assert_eq!(def("AilyBizUserId", false)["pattern"], "^[!-~]{0,255}$");
    for name in [
        "AilyChannelContext",
        "AilyMetadata",
        "LexV2Text",
        "LexV2NonEmptyString",
    ] {
        assert!(
            def(name, false).get("pattern").is_none(),
            "{name}: any characters"
        );
    }
    assert_eq!(
        def("LexV2ActiveContextName", false)["pattern"],
        "^([A-Za-z0-9]_?)+$"
    );
    assert_eq!(
        def("LexV2RuntimeHintName", false)["pattern"],
        "^([0-9a-zA-Z][_-]?)+$"
    );
}

/// The docs' session, as the service writes it.
fn documented_session() -> Value {
    json!({
        "id": "session_4dfunz7sp1g8m",
        "created_at": "1711975665710",
        "modified_at": "1711975665710",
        "created_by": "1794840334557292",
        "channel_context": "{}",
        "metadata": "{}",
    })
}

/// Timestamps at and past the edges of the crate's rule: `-?[0-9]+` that fits in an `i64`,
/// leading zeros allowed (`str::parse` takes them), as the service writes and far beyond.
fn timestamps() -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        "-",
        "+1",
        "-+1",
        "--1",
        " 1",
        "1 ",
        "1\n",
        "1e3",
        "1.0",
        "1_000",
        "0x1",
        "١٢",
        "１",
        "0",
        "-0",
        "00",
        "-00",
        "1711975665710",
        "0001711975665710",
        "00000000000000000000000000000000000001",
        "-00000000000000000000000000000000000001",
        "99999999999999999999",
        "100000000000000000000000000",
    ]
    .map(String::from)
    .to_vec();
    let edges: [i128; 6] = [
        i64::MIN.into(),
        i64::MAX.into(),
        0,
        10i128.pow(18),
        10i128.pow(19),
        -(10i128.pow(18)),
    ];
    for edge in edges {
        for power in 0..19 {
            for sign in [-1, 1] {
                let v = edge + sign * 10i128.pow(power);
                out.push(v.to_string());
                let digits = v.unsigned_abs().to_string();
                let sign = if v < 0 { "-" } else { "" };
                out.push(format!("{sign}000{digits}"));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Generated timestamps: near the 64-bit edges digit by digit, any `i64` or `i128`, and any
/// signed digit strings (some with leading zeros).
fn timestamp_strategy() -> BoxedStrategy<String> {
    const MAX: &str = "9223372036854775807";
    prop_oneof![
        (
            0..=19usize,
            vec(select(&b"0123456789"[..]), 0..=20),
            any::<bool>(),
            0..3usize
        )
            .prop_map(|(keep, rest, negative, zeros)| {
                let mut s = String::from(if negative { "-" } else { "" });
                s.push_str(&"0".repeat(zeros));
                s.push_str(&MAX[..keep]);
                s.extend(rest.into_iter().take(19 - keep).map(char::from));
                s
            }),
        any::<i64>().prop_map(|v| v.to_string()),
        any::<i128>().prop_map(|v| v.to_string()),
        "[-+]?0{0,3}[0-9]{0,22}",
    ]
    .boxed()
}

/// The session object: the read schema takes an object if and only if the crate's
/// `Deserialize` does, for each timestamp of the table and generated ones in either field, and
/// for each field missing, `null`, of another type or past its rule; the write schema takes
/// only what the crate reads. The timestamps' range is in the pattern, so "fits in 64 bits"
/// is no gap: `9223372036854775808` matches `-?[0-9]+` and is refused by both.
#[test]
fn session_schema_accepts_exactly_what_the_crate_reads() {
    let (read, write) = (
        validator("AilySession", false),
        validator("AilySession", true),
    );
    let by_crate = |v: &Value| serde_json::from_value::<AilySession>(v.clone()).is_ok();
    // Counted in cells: the runner takes a `Fn`.
    let (accepted, rejected) = (Cell::new(0), Cell::new(0));
    let agree = |what: &str, v: &Value| -> Result<(), String> {
        let ok = by_crate(v);
        if read.is_valid(v) != ok {
            return Err(format!(
                "AilySession {what}: {} is {} by the crate, not by the schema",
                shown(v, 200),
                if ok { "accepted" } else { "rejected" }
            ));
        }
        if write.is_valid(v) && !ok {
            return Err(format!(
                "AilySession {what}: {} written, not read",
                shown(v, 200)
            ));
        }
        let count = if ok { &accepted } else { &rejected };
        count.set(count.get() + 1);
        Ok(())
    };
    let with = |key: &str, value: Value| {
        let mut v = documented_session();
        v[key] = value;
        v
    };
    for stamp in timestamps() {
        for key in ["created_at", "modified_at"] {
            agree(&format!("{key} {stamp:?}"), &with(key, json!(stamp)))
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    // The one value a `-?[0-9]+` pattern would take and the crate refuses, spelled out.
    let overflow = with("created_at", json!("9223372036854775808"));
    assert!(!by_crate(&overflow) && !read.is_valid(&overflow));
    let leading = with("created_at", json!("00000000000000000000001"));
    assert!(
        by_crate(&leading) && read.is_valid(&leading),
        "leading zeros"
    );
    TestRunner::new(Config {
        cases: common::cases(512),
        failure_persistence: None,
        ..Config::default()
    })
    .run(&timestamp_strategy(), |stamp| {
        agree(
            &format!("created_at {stamp:?}"),
            &with("created_at", json!(stamp)),
        )
        .map_err(TestCaseError::fail)
    })
    .unwrap_or_else(|e| panic!("{e}"));
    for (what, v) in session_variants() {
        agree(&what, &v).unwrap_or_else(|e| panic!("{e}"));
    }
    let (accepted, rejected) = (accepted.get(), rejected.get());
    assert!(
        accepted > 50 && rejected > 50,
        "{accepted} accepted, {rejected} rejected"
    );
    println!("AilySession: {accepted} accepted, {rejected} rejected");
    // What the crate writes has no `null` and no extra field.
    assert!(!write.is_valid(&with("metadata", json!(null))));
    assert!(!write.is_valid(&with("extra", json!(1))));
    assert!(read.is_valid(&with("extra", json!(1))));
    // An array, by position, as a derived `Deserialize` would read it: neither reads it.
    let array = json!(["session_1", "1", "1"]);
    assert!(!by_crate(&array) && !read.is_valid(&array));
}

/// Sessions with one field changed: each field missing, `null`, of another type or past its
/// rule; longest texts in CJK and 4-byte characters; an extra field.
fn session_variants() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let base = documented_session();
    for key in base.as_object().unwrap().keys() {
        let mut missing = base.clone();
        missing.as_object_mut().unwrap().remove(key);
        out.push((format!("without {key}"), missing));
        for value in [
            json!(null),
            json!(1),
            json!(true),
            json!({}),
            json!(["1"]),
            json!(""),
        ] {
            let mut changed = base.clone();
            changed[key] = value.clone();
            out.push((format!("{key} {value}"), changed));
        }
        for c in ["a", "元", "😀", "\0", " "] {
            for n in [254, 255, 256] {
                let mut changed = base.clone();
                changed[key] = json!(c.repeat(n));
                out.push((format!("{key} {c:?} × {n}"), changed));
            }
        }
    }
    for id in [
        "session_I",
        "session_",
        "session_4dfunz7sp1g8m ",
        "SESSION_1",
        "session_1",
    ] {
        let mut changed = base.clone();
        changed["id"] = json!(id);
        out.push((format!("id {id:?}"), changed));
    }
    let mut extra = base.clone();
    extra["extra"] = json!({"nested": [1]});
    out.push((String::from("an extra field"), extra));
    out.push((String::from("the id alone"), json!({"id": "session_1"})));
    out.push((
        String::from("the required fields alone"),
        json!({"id": "session_1", "created_at": "1", "modified_at": "-1"}),
    ));
    out
}

/// The three session responses, by name.
const SESSION_RESPONSES: [&str; 3] = [
    "AilyCreateSessionResponse",
    "AilyGetSessionResponse",
    "AilyUpdateSessionResponse",
];

/// Whether the response type `name` reads `body` as a success.
fn session_success(name: &str, body: &[u8]) -> bool {
    let headers: &[(&str, &str)] = &[];
    fn ok<T>(read: Result<T, ResponseError<AilyServiceError>>) -> bool {
        read.is_ok()
    }
    match name {
        "AilyCreateSessionResponse" => ok(AilyCreateSessionResponse::from_http(200, headers, body)),
        "AilyGetSessionResponse" => ok(AilyGetSessionResponse::from_http(200, headers, body)),
        "AilyUpdateSessionResponse" => ok(AilyUpdateSessionResponse::from_http(200, headers, body)),
        _ => unreachable!("{name}"),
    }
}

/// For each session response: the read schema takes a body if and only if `from_http` reads
/// it as a success, on the envelope's variants (no `data`, `data` null, empty, an array, no
/// session, a session that is not an object) and on each session variant and timestamp in
/// `data.session`.
#[test]
fn session_response_schemas_take_what_from_http_takes() {
    let envelope =
        |session: Value| json!({"code": 0, "msg": "success", "data": {"session": session}});
    let mut bodies: Vec<(String, Value)> = vec![
        (String::from("documented"), envelope(documented_session())),
        (
            String::from("no data"),
            json!({"code": 0, "msg": "success"}),
        ),
        (String::from("data null"), json!({"code": 0, "data": null})),
        (String::from("data {}"), json!({"code": 0, "data": {}})),
        (String::from("data []"), json!({"code": 0, "data": []})),
        (String::from("data \"\""), json!({"code": 0, "data": ""})),
        (String::from("session null"), envelope(json!(null))),
        (
            String::from("session array"),
            envelope(json!(["session_1", "1", "1"])),
        ),
        (String::from("session string"), envelope(json!("session_1"))),
        (
            String::from("msg null, extras everywhere"),
            json!({"code": 0, "msg": null, "extra": 1, "error": {"log_id": "2024abc", "x": 1},
                   "data": {"session": documented_session(), "more": true}}),
        ),
        (
            String::from("error null"),
            json!({"code": 0, "error": null, "data": {"session": documented_session()}}),
        ),
        (
            String::from("msg 1"),
            json!({"code": 0, "msg": 1, "data": {"session": documented_session()}}),
        ),
        (
            String::from("an error code"),
            json!({"code": 2700001, "msg": "param is invalid",
                   "data": {"session": documented_session()}}),
        ),
    ];
    for (what, session) in session_variants() {
        bodies.push((format!("session {what}"), envelope(session)));
    }
    for stamp in timestamps() {
        let mut session = documented_session();
        session["modified_at"] = json!(stamp);
        bodies.push((format!("modified_at {stamp:?}"), envelope(session)));
    }
    for name in SESSION_RESPONSES {
        let read = validator(name, false);
        let write = validator(name, true);
        let (mut accepted, mut rejected) = (0, 0);
        for (what, body) in &bodies {
            let ok = session_success(name, &serde_json::to_vec(body).unwrap());
            assert_eq!(
                read.is_valid(body),
                ok,
                "{name} {what}: {}",
                shown(body, 200)
            );
            assert!(
                !write.is_valid(body) || ok,
                "{name} {what}: written, not read"
            );
            *if ok { &mut accepted } else { &mut rejected } += 1;
        }
        assert!(
            accepted > 20 && rejected > 20,
            "{name}: {accepted} accepted, {rejected} rejected"
        );
    }
}

/// Sessions the renderers must write validly: the docs' one, the shortest, every optional field
/// at its longest in CJK and 4-byte characters, empty ones, text JSON escapes, the 64-bit edges.
fn sessions() -> Vec<AilySession> {
    let id = AilySessionId::from_static(common::fixtures::AILY_SESSION);
    let documented = AilySession::new(id, 1_711_975_665_710)
        .with_created_by("1794840334557292")
        .with_channel_context(AilyChannelContext::new("{}").unwrap())
        .with_metadata(AilyMetadata::new("{}").unwrap());
    let mut out = vec![
        documented,
        AilySession::new(AilySessionId::from_static("session_1"), 0),
    ];
    for (text, created_at, modified_at) in [
        ("元".repeat(255), i64::MIN, i64::MAX),
        ("😀".repeat(255), i64::MAX, i64::MIN),
        (String::new(), -1, 1),
        (String::from("\"\\\0\n\u{2028}\u{7f}"), 1, -1),
    ] {
        out.push(
            AilySession::new(id, created_at)
                .with_modified_at(modified_at)
                .with_created_by(text.clone())
                .with_channel_context(AilyChannelContext::new(text.clone()).unwrap())
                .with_metadata(AilyMetadata::new(text).unwrap()),
        );
    }
    out
}

/// The bodies of the three session responses for `session`, with and without a log id.
fn session_bodies(session: &AilySession) -> Vec<(&'static str, Vec<u8>)> {
    let body = |wire: botsession::WireResponse| wire.body().to_vec();
    let s = || session.clone();
    vec![
        (
            "AilyCreateSessionResponse",
            body(AilyCreateSessionResponse::new(s()).render()),
        ),
        (
            "AilyGetSessionResponse",
            body(AilyGetSessionResponse::new(s()).render()),
        ),
        (
            "AilyUpdateSessionResponse",
            body(
                AilyUpdateSessionResponse::new(s())
                    .with_request_id("2024abc")
                    .render(),
            ),
        ),
        (
            "AilyCreateSessionResponse",
            body(
                AilyCreateSessionResponse::new(s())
                    .with_request_id("2024abc")
                    .render(),
            ),
        ),
    ]
}

/// The envelope's `code` shows a real value, so that a mock serving the document answers with
/// one: 2700001 (a known code, the docs' "param is invalid") for an error, 0 for a success;
/// each example validates against its own `code` schema, in both contracts.
#[test]
fn envelope_codes_show_a_real_example() {
    assert_eq!(
        AilyErrorKind::from_code(2700001),
        AilyErrorKind::ParamInvalid
    );
    let cases = [
        ("AilyServiceError", json!([2700001])),
        ("AilyDeleteSessionResponse", json!([0])),
        ("AilyCreateSessionResponse", json!([0])),
        ("AilyGetSessionResponse", json!([0])),
        ("AilyUpdateSessionResponse", json!([0])),
    ];
    for serialize in [false, true] {
        for (name, examples) in &cases {
            let code = &def(name, serialize)["properties"]["code"];
            assert_eq!(&code["examples"], examples, "{name}");
            let validator = jsonschema::validator_for(code).unwrap();
            for example in examples.as_array().unwrap() {
                assert_valid(&validator, example, name);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lex V2 session values
// ---------------------------------------------------------------------------------------------

/// A Lex V2 type with a schema, and whether the crate reads a JSON document as one: its
/// `Deserialize`, GetSession's `from_http` for the response, PutSession's `from_request` for
/// the request (whose schema is its body).
struct Model {
    name: &'static str,
    read: fn(&[u8]) -> bool,
}

macro_rules! models {
    ($($ty:ident),+ $(,)?) => {
        vec![$(Model {
            name: stringify!($ty),
            read: |json| serde_json::from_slice::<botsession::$ty>(json).is_ok(),
        }),+]
    };
}

/// PutSession's request with `body` on the fixture's path.
fn put_session(body: &[u8]) -> Result<LexV2PutSessionRequest, botsession::RouteError> {
    let headers = [("Content-Type", "application/json")];
    LexV2PutSessionRequest::from_request("POST", common::fixtures::LEX_V2_PATH, &headers, body)
}

fn lex_v2_models() -> Vec<Model> {
    let mut out = models!(
        LexV2SessionState,
        LexV2DialogAction,
        LexV2ElicitSubSlot,
        LexV2Intent,
        LexV2Slot,
        LexV2SlotValue,
        LexV2ActiveContext,
        LexV2TimeToLive,
        LexV2RuntimeHints,
        LexV2RuntimeHintDetails,
        LexV2RuntimeHintValue,
        LexV2Message,
        LexV2ImageResponseCard,
        LexV2Button,
        LexV2Interpretation,
        LexV2ConfidenceScore,
        LexV2SentimentResponse,
        LexV2SentimentScore,
        LexV2Session,
    );
    out.push(Model {
        name: "LexV2GetSessionResponse",
        read: |json| {
            let headers: &[(&str, &str)] = &[];
            LexV2GetSessionResponse::from_http(200, headers, json).is_ok()
        },
    });
    out.push(Model {
        name: "LexV2PutSessionRequest",
        read: |json| put_session(json).is_ok(),
    });
    out
}

/// The open enums and ranged integers: their name and `Deserialize`.
fn lex_v2_scalars() -> Vec<Model> {
    models!(
        LexV2DialogActionType,
        LexV2StyleType,
        LexV2IntentState,
        LexV2ConfirmationState,
        LexV2SlotShape,
        LexV2MessageContentType,
        LexV2InterpretationSource,
        LexV2SentimentType,
        LexV2ContextSeconds,
        LexV2ContextTurns,
    )
}

/// A document of each Lex V2 type with every member set, as the docs show them (nested two
/// levels, well inside `MAX_DEPTH`).
fn documented_lex_v2(name: &str) -> Value {
    let ttl = json!({"timeToLiveInSeconds": 600, "turnsToLive": 5});
    let context = json!({"name": "order_confirmed", "timeToLive": ttl,
                         "contextAttributes": {"size": "large", "crust": "thin"}});
    let slot_value = json!({"interpretedValue": "large", "originalValue": "lorge",
                            "resolvedValues": ["large", "extra large"]});
    let slot = json!({"value": slot_value, "shape": "Composite",
                      "values": [{"value": slot_value, "shape": "Scalar"}],
                      "subSlots": {"crust": {"value": slot_value}}});
    let intent = json!({"name": "OrderPizza", "slots": {"Size": slot, "Drink": {}},
                        "state": "InProgress", "confirmationState": "None"});
    let sub_slot = json!({"name": "crust", "subSlotToElicit": {"name": "thickness"}});
    let action = json!({"type": "ElicitSlot", "slotToElicit": "Size",
                        "slotElicitationStyle": "SpellByLetter", "subSlotToElicit": sub_slot});
    let hint_value = json!({"phrase": "extra large"});
    let details = json!({"runtimeHintValues": [hint_value, {"phrase": "small"}],
                         "subSlotHints": {"Crust": {"runtimeHintValues": [{"phrase": "thin"}]}}});
    let hints = json!({"slotHints": {"OrderPizza": {"Size": details}}});
    let state = json!({"dialogAction": action, "intent": intent, "activeContexts": [context],
                       "sessionAttributes": {"customer": "42", "note": ""},
                       "originatingRequestId": "req-1", "runtimeHints": hints});
    let button = json!({"text": "Large", "value": "large"});
    let card = json!({"title": "Choose a size", "subtitle": "Any size",
                      "imageUrl": "https://example.com/pizza.png",
                      "buttons": [button, {"text": "Small", "value": "small"}]});
    let message = json!({"contentType": "ImageResponseCard", "content": "Which size?",
                         "imageResponseCard": card});
    let confidence = json!({"score": 0.87});
    let scores = json!({"positive": 0.1, "negative": 0.2, "neutral": 0.6, "mixed": 0.1});
    let sentiment = json!({"sentiment": "NEUTRAL", "sentimentScore": scores});
    let interpretation = json!({"nluConfidence": confidence, "sentimentResponse": sentiment,
                                "intent": intent, "interpretationSource": "Lex"});
    let session = json!({"sessionId": "user:42", "messages": [message],
                         "interpretations": [interpretation], "sessionState": state});
    match name {
        "LexV2SessionState" => state,
        "LexV2DialogAction" => action,
        "LexV2ElicitSubSlot" => sub_slot,
        "LexV2Intent" => intent,
        "LexV2Slot" => slot,
        "LexV2SlotValue" => slot_value,
        "LexV2ActiveContext" => context,
        "LexV2TimeToLive" => ttl,
        "LexV2RuntimeHints" => hints,
        "LexV2RuntimeHintDetails" => details,
        "LexV2RuntimeHintValue" => hint_value,
        "LexV2Message" => message,
        "LexV2ImageResponseCard" => card,
        "LexV2Button" => button,
        "LexV2Interpretation" => interpretation,
        "LexV2ConfidenceScore" => confidence,
        "LexV2SentimentResponse" => sentiment,
        "LexV2SentimentScore" => scores,
        "LexV2Session" | "LexV2GetSessionResponse" => session,
        "LexV2PutSessionRequest" => json!({"sessionState": state, "messages": [message],
                                           "requestAttributes": {"channel": "web"}}),
        _ => unreachable!("{name}"),
    }
}

/// A JSON pointer's step: `~` and `/` escaped.
fn step(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Every node of `value` by JSON pointer (the root first), and every object member as its
/// object's pointer and key.
fn nodes(value: &Value, at: &str, out: &mut Vec<String>, members: &mut Vec<(String, String)>) {
    out.push(String::from(at));
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                members.push((String::from(at), key.clone()));
                nodes(v, &format!("{at}/{}", step(key)), out, members);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                nodes(v, &format!("{at}/{i}"), out, members);
            }
        }
        _ => {}
    }
}

/// What a node is replaced with: every JSON type, and each string, integer, list and map
/// rule's values either side of its bounds (lengths in characters, 4-byte ones included).
fn replacements() -> Vec<Value> {
    let mut out = vec![
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(1),
        json!(1.5),
        json!(4),
        json!(5),
        json!(20),
        json!(21),
        json!(86400),
        json!(86401),
        json!(u64::MAX),
        json!(i64::MIN),
        json!([]),
        json!({}),
        json!(["a"]),
        json!([{}]),
        json!({"a": "b"}),
    ];
    for s in [
        "", "a", "Foo", "None", "a__b", "a_b", "_a", "-a", "a-", "a_", "a-_b", "a\n", "a b", "ａ",
        "١", "😀",
    ] {
        out.push(json!(s));
    }
    for n in [50, 51, 100, 101, 140, 141, 250, 251, 1024, 1025] {
        out.push(json!("a".repeat(n)));
    }
    for n in [250, 251, 1024, 1025] {
        out.push(json!("😀".repeat(n)));
    }
    out
}

/// The keys added to a map: each key rule's near misses.
const KEYS: &[&str] = &["", "a__b", "_a", "-a", "a-b", "a b", "😀"];

/// `doc` with one edit, each: every node replaced by each of `with`; every member removed;
/// an unknown member added to every object; every list grown by copies of its first entry to
/// either side of each limit; every object grown by copies of a value to either side of 10
/// entries, and given each of [`KEYS`] and a 101-character key.
fn edits(doc: &Value, with: &[Value]) -> Vec<(String, Value)> {
    let (mut at, mut members) = (Vec::new(), Vec::new());
    nodes(doc, "", &mut at, &mut members);
    let mut out = Vec::new();
    for ptr in &at {
        for value in with {
            let mut edited = doc.clone();
            *edited.pointer_mut(ptr).unwrap() = value.clone();
            out.push((format!("{ptr} = {}", shown(value, 24)), edited));
        }
        let node = doc.pointer(ptr).unwrap();
        if let Some(first) = node.as_array().and_then(|a| a.first()) {
            for n in [5, 6, 10, 11, 20, 21, 100, 101] {
                let mut edited = doc.clone();
                *edited.pointer_mut(ptr).unwrap() = Value::Array(vec![first.clone(); n]);
                out.push((format!("{ptr} × {n}"), edited));
            }
        }
        if let Some(map) = node.as_object() {
            let mut edited = doc.clone();
            edited.pointer_mut(ptr).unwrap()["extra"] = json!({"any": [1, null]});
            out.push((format!("{ptr} + extra"), edited));
            if let Some(value) = map.values().next() {
                for n in [10, 11] {
                    let mut edited = doc.clone();
                    let grown = edited.pointer_mut(ptr).unwrap();
                    for i in 0..n {
                        grown[format!("k{i}")] = value.clone();
                    }
                    out.push((format!("{ptr} + {n} keys"), edited));
                }
                let long = "k".repeat(101);
                for key in KEYS.iter().copied().chain([long.as_str()]) {
                    let mut edited = doc.clone();
                    edited.pointer_mut(ptr).unwrap()[key] = value.clone();
                    out.push((format!("{ptr} + key {key:?}"), edited));
                }
            }
        }
    }
    for (ptr, key) in &members {
        let mut edited = doc.clone();
        edited
            .pointer_mut(ptr)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key);
        out.push((format!("{ptr} without {key}"), edited));
    }
    out
}

/// Verdicts on Lex V2 documents, counted per type: the read schema takes a document if and
/// only if the crate reads it, and the crate reads whatever the write schema takes.
#[derive(Default)]
struct Verdicts {
    counts: BTreeMap<&'static str, (usize, usize)>,
}

impl Verdicts {
    fn check(&mut self, model: &Model, [read, write]: &[Validator; 2], what: &str, doc: &Value) {
        if let Err(e) = self.agree(model, [read, write], what, doc) {
            panic!("{e}");
        }
    }

    fn agree(
        &mut self,
        model: &Model,
        [read, write]: [&Validator; 2],
        what: &str,
        doc: &Value,
    ) -> Result<(), String> {
        let ok = (model.read)(&serde_json::to_vec(doc).unwrap());
        if read.is_valid(doc) != ok {
            return Err(format!(
                "{} {what}: {} is {} by the crate, not by the schema",
                model.name,
                shown(doc, 300),
                if ok { "accepted" } else { "rejected" }
            ));
        }
        if write.is_valid(doc) && !ok {
            return Err(format!(
                "{} {what}: {} written, not read",
                model.name,
                shown(doc, 300)
            ));
        }
        let count = self.counts.entry(model.name).or_default();
        *if ok { &mut count.0 } else { &mut count.1 } += 1;
        Ok(())
    }
}

/// The read and write validators of `name`.
fn validators(name: &str) -> [Validator; 2] {
    [validator(name, false), validator(name, true)]
}

/// Every Lex V2 value type: its documented document validates both ways and is read; and the
/// read schema takes each of its one-edit variants ([`edits`]: every node replaced by every
/// JSON type and each rule's near misses, every member removed, lists and maps grown past
/// their limits, bad keys) if and only if the crate reads it, and the crate reads whatever the
/// write schema takes. Recursion stays within `MAX_DEPTH` (the one rule no schema can say:
/// see `nesting_past_max_depth_is_a_known_difference`, and the two after it).
#[test]
fn lex_v2_schemas_accept_exactly_what_the_crate_accepts() {
    let with = replacements();
    let mut verdicts = Verdicts::default();
    for model in lex_v2_models() {
        let validators = validators(model.name);
        let doc = documented_lex_v2(model.name);
        assert!(validators[1].is_valid(&doc), "{}: {doc}", model.name);
        verdicts.check(&model, &validators, "documented", &doc);
        for (what, edited) in edits(&doc, &with) {
            verdicts.check(&model, &validators, &what, &edited);
        }
    }
    let mut total = 0;
    for (name, (accepted, rejected)) in &verdicts.counts {
        assert!(
            *accepted > 10 && *rejected > 20,
            "{name}: {accepted} accepted, {rejected} rejected"
        );
        println!("{name}: {accepted} accepted, {rejected} rejected");
        total += accepted + rejected;
    }
    assert_eq!(verdicts.counts.len(), 21);
    println!("Lex V2 values: {total} documents");
}

/// The near misses the model's rules are about, by name, on the documented session state,
/// session and PutSession body: each rejected by the crate and the schema alike, or accepted
/// by both (an enum value the model does not list, `null` for an optional member, an empty
/// list, an unknown member).
#[test]
fn lex_v2_near_misses_are_refused_by_both() {
    let state = documented_lex_v2("LexV2SessionState");
    let set = |ptr: &str, value: Value| {
        let mut doc = state.clone();
        *doc.pointer_mut(ptr).unwrap_or_else(|| panic!("{ptr}")) = value;
        doc
    };
    let without = |ptr: &str, key: &str| {
        let mut doc = state.clone();
        doc.pointer_mut(ptr)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key)
            .unwrap_or_else(|| panic!("{ptr} {key}"));
        doc
    };
    let context = state["activeContexts"][0].clone();
    let attributes = |n: usize| -> Value {
        (0..n)
            .map(|i| (format!("k{i}"), json!("v")))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let message = json!({"contentType": "PlainText", "content": "hi"});
    let mut extra = state.clone();
    extra["intent"]["extra"] = json!([1, {"x": null}]);
    let cases: Vec<(&str, Value, bool)> = vec![
        (
            "an empty intent name",
            set("/intent/name", json!("")),
            false,
        ),
        (
            "an empty slot value",
            set("/intent/slots/Size/value/interpretedValue", json!("")),
            false,
        ),
        (
            "an empty session attribute key",
            set("/sessionAttributes", json!({"": "x"})),
            false,
        ),
        (
            "an empty session attribute value",
            set("/sessionAttributes", json!({"a": ""})),
            true,
        ),
        (
            "1024 characters of attribute",
            set(
                "/activeContexts/0/contextAttributes/size",
                json!("😀".repeat(1024)),
            ),
            true,
        ),
        (
            "1025 characters of attribute",
            set(
                "/activeContexts/0/contextAttributes/size",
                json!("a".repeat(1025)),
            ),
            false,
        ),
        (
            "an empty attribute",
            set("/activeContexts/0/contextAttributes/size", json!("")),
            false,
        ),
        (
            "20 active contexts",
            set("/activeContexts", json!(vec![context.clone(); 20])),
            true,
        ),
        (
            "21 active contexts",
            set("/activeContexts", json!(vec![context.clone(); 21])),
            false,
        ),
        (
            "no active contexts",
            set("/activeContexts", json!([])),
            true,
        ),
        (
            "10 context attributes",
            set("/activeContexts/0/contextAttributes", attributes(10)),
            true,
        ),
        (
            "11 context attributes",
            set("/activeContexts/0/contextAttributes", attributes(11)),
            false,
        ),
        (
            "no context attributes",
            set("/activeContexts/0/contextAttributes", json!({})),
            true,
        ),
        (
            "ttl 4",
            set("/activeContexts/0/timeToLive/timeToLiveInSeconds", json!(4)),
            false,
        ),
        (
            "ttl 5",
            set("/activeContexts/0/timeToLive/timeToLiveInSeconds", json!(5)),
            true,
        ),
        (
            "ttl 86400",
            set(
                "/activeContexts/0/timeToLive/timeToLiveInSeconds",
                json!(86400),
            ),
            true,
        ),
        (
            "ttl 86401",
            set(
                "/activeContexts/0/timeToLive/timeToLiveInSeconds",
                json!(86401),
            ),
            false,
        ),
        (
            "ttl \"600\"",
            set(
                "/activeContexts/0/timeToLive/timeToLiveInSeconds",
                json!("600"),
            ),
            false,
        ),
        (
            "ttl 5.5",
            set(
                "/activeContexts/0/timeToLive/timeToLiveInSeconds",
                json!(5.5),
            ),
            false,
        ),
        (
            "turns 0",
            set("/activeContexts/0/timeToLive/turnsToLive", json!(0)),
            false,
        ),
        (
            "turns 1",
            set("/activeContexts/0/timeToLive/turnsToLive", json!(1)),
            true,
        ),
        (
            "turns 20",
            set("/activeContexts/0/timeToLive/turnsToLive", json!(20)),
            true,
        ),
        (
            "turns 21",
            set("/activeContexts/0/timeToLive/turnsToLive", json!(21)),
            false,
        ),
        (
            "turns -1",
            set("/activeContexts/0/timeToLive/turnsToLive", json!(-1)),
            false,
        ),
        (
            "context name a__b",
            set("/activeContexts/0/name", json!("a__b")),
            false,
        ),
        (
            "context name _a",
            set("/activeContexts/0/name", json!("_a")),
            false,
        ),
        (
            "context name a-b",
            set("/activeContexts/0/name", json!("a-b")),
            false,
        ),
        (
            "context name a_",
            set("/activeContexts/0/name", json!("a_")),
            true,
        ),
        (
            "context name of 100",
            set("/activeContexts/0/name", json!("a".repeat(100))),
            true,
        ),
        (
            "context name of 101",
            set("/activeContexts/0/name", json!("a".repeat(101))),
            false,
        ),
        (
            "context name a\\n",
            set("/activeContexts/0/name", json!("a\n")),
            false,
        ),
        (
            "hint intent -a",
            set("/runtimeHints/slotHints", json!({"-a": {}})),
            false,
        ),
        (
            "hint slot -a",
            set("/runtimeHints/slotHints/OrderPizza", json!({"-a": {}})),
            false,
        ),
        (
            "hint slot a-b_c",
            set("/runtimeHints/slotHints/OrderPizza", json!({"a-b_c": {}})),
            true,
        ),
        (
            "hint slot a--b",
            set("/runtimeHints/slotHints/OrderPizza", json!({"a--b": {}})),
            false,
        ),
        (
            "runtimeHintValues []",
            set(
                "/runtimeHints/slotHints/OrderPizza/Size/runtimeHintValues",
                json!([]),
            ),
            false,
        ),
        (
            "runtimeHintValues × 100",
            set(
                "/runtimeHints/slotHints/OrderPizza/Size/runtimeHintValues",
                json!(vec![json!({"phrase": "a"}); 100]),
            ),
            true,
        ),
        (
            "runtimeHintValues × 101",
            set(
                "/runtimeHints/slotHints/OrderPizza/Size/runtimeHintValues",
                json!(vec![json!({"phrase": "a"}); 101]),
            ),
            false,
        ),
        (
            "a phrase of 141",
            set(
                "/runtimeHints/slotHints/OrderPizza/Size/runtimeHintValues/0/phrase",
                json!("a".repeat(141)),
            ),
            false,
        ),
        (
            "dialog action type Foo",
            set("/dialogAction/type", json!("Foo")),
            true,
        ),
        (
            "dialog action type \"\"",
            set("/dialogAction/type", json!("")),
            true,
        ),
        ("intent state Foo", set("/intent/state", json!("Foo")), true),
        (
            "slot shape Foo",
            set("/intent/slots/Size/shape", json!("Foo")),
            true,
        ),
        (
            "style Foo",
            set("/dialogAction/slotElicitationStyle", json!("Foo")),
            true,
        ),
        (
            "dialog action type 1",
            set("/dialogAction/type", json!(1)),
            false,
        ),
        (
            "dialog action type null",
            set("/dialogAction/type", json!(null)),
            false,
        ),
        ("intent without name", without("/intent", "name"), false),
        (
            "dialogAction without type",
            without("/dialogAction", "type"),
            false,
        ),
        (
            "activeContext without timeToLive",
            without("/activeContexts/0", "timeToLive"),
            false,
        ),
        (
            "activeContext without contextAttributes",
            without("/activeContexts/0", "contextAttributes"),
            false,
        ),
        (
            "activeContext contextAttributes null",
            set("/activeContexts/0/contextAttributes", json!(null)),
            false,
        ),
        (
            "timeToLive without turnsToLive",
            without("/activeContexts/0/timeToLive", "turnsToLive"),
            false,
        ),
        (
            "slot value without interpretedValue",
            without("/intent/slots/Size/value", "interpretedValue"),
            false,
        ),
        (
            "sub-slot without name",
            without("/dialogAction/subSlotToElicit", "name"),
            false,
        ),
        ("intent null", set("/intent", json!(null)), true),
        (
            "intent a string",
            set("/intent", json!("OrderPizza")),
            false,
        ),
        ("slots a list", set("/intent/slots", json!([])), false),
        (
            "session attribute a number",
            set("/sessionAttributes/customer", json!(42)),
            false,
        ),
        ("an unknown member", extra, true),
    ];
    let session = |messages: usize, interpretations: usize| {
        let mut doc = documented_lex_v2("LexV2Session");
        doc["messages"] = json!(vec![message.clone(); messages]);
        doc["interpretations"] = json!(vec![json!({}); interpretations]);
        doc
    };
    let card = |buttons: usize| {
        let button = json!({"text": "Large", "value": "large"});
        json!({"contentType": "ImageResponseCard",
               "imageResponseCard": {"title": "t", "buttons": vec![button; buttons]}})
    };
    let put = |messages: usize| {
        let mut doc = documented_lex_v2("LexV2PutSessionRequest");
        doc["messages"] = json!(vec![message.clone(); messages]);
        doc
    };
    let other: Vec<(&str, &str, Value, bool)> = vec![
        ("LexV2Session", "10 messages", session(10, 5), true),
        ("LexV2Session", "11 messages", session(11, 0), false),
        ("LexV2Session", "6 interpretations", session(0, 6), false),
        (
            "LexV2GetSessionResponse",
            "11 messages",
            session(11, 0),
            false,
        ),
        ("LexV2GetSessionResponse", "nothing", json!({}), true),
        ("LexV2PutSessionRequest", "10 messages", put(10), true),
        ("LexV2PutSessionRequest", "11 messages", put(11), false),
        (
            "LexV2PutSessionRequest",
            "no session state",
            json!({"messages": []}),
            false,
        ),
        (
            "LexV2PutSessionRequest",
            "session state null",
            json!({"sessionState": null}),
            false,
        ),
        (
            "LexV2PutSessionRequest",
            "an empty session state",
            json!({"sessionState": {}}),
            true,
        ),
        ("LexV2Message", "5 buttons", card(5), true),
        ("LexV2Message", "6 buttons", card(6), false),
        (
            "LexV2Message",
            "content type Foo",
            json!({"contentType": "Foo"}),
            true,
        ),
        (
            "LexV2Message",
            "no content type",
            json!({"content": "hi"}),
            false,
        ),
        (
            "LexV2Message",
            "1025 characters",
            json!({"contentType": "PlainText", "content": "a".repeat(1025)}),
            false,
        ),
        (
            "LexV2Button",
            "without value",
            json!({"text": "Large"}),
            false,
        ),
        (
            "LexV2Button",
            "text of 51",
            json!({"text": "a".repeat(51), "value": "v"}),
            false,
        ),
        ("LexV2ConfidenceScore", "score 2", json!({"score": 2}), true),
        (
            "LexV2ConfidenceScore",
            "score \"1\"",
            json!({"score": "1"}),
            false,
        ),
    ];
    let models: BTreeMap<&str, Model> = lex_v2_models().into_iter().map(|m| (m.name, m)).collect();
    let state_model = &models["LexV2SessionState"];
    let state_validators = validators("LexV2SessionState");
    let mut verdicts = Verdicts::default();
    for (what, doc, expected) in &cases {
        let ok = (state_model.read)(&serde_json::to_vec(doc).unwrap());
        assert_eq!(ok, *expected, "LexV2SessionState {what}: the crate");
        verdicts.check(state_model, &state_validators, what, doc);
    }
    for (name, what, doc, expected) in &other {
        let model = &models[name];
        let ok = (model.read)(&serde_json::to_vec(doc).unwrap());
        assert_eq!(ok, *expected, "{name} {what}: the crate");
        verdicts.check(model, &validators(name), what, doc);
    }
}

/// An open enum takes any string, listed or not (the crate keeps an unknown value), and
/// nothing else; a ranged integer exactly its range, written as an integer. Both as the
/// crate's `Deserialize` does.
#[test]
fn lex_v2_enum_and_integer_schemas_accept_exactly_what_the_crate_accepts() {
    let mut values = vec![
        json!(null),
        json!(true),
        json!([]),
        json!({}),
        json!(["Close"]),
        json!(""),
        json!("Foo"),
        json!("close"),
        json!("😀".repeat(300)),
        json!(1.5),
        json!(-0.5),
        json!(u64::MAX),
        json!(i64::MIN),
        json!("5"),
    ];
    for n in [
        -1i64,
        0,
        1,
        4,
        5,
        6,
        19,
        20,
        21,
        600,
        86399,
        86400,
        86401,
        1 << 32,
    ] {
        values.push(json!(n));
    }
    let mut verdicts = Verdicts::default();
    for model in lex_v2_scalars() {
        let validators = validators(model.name);
        let schema = def(model.name, false);
        assert_eq!(
            schema,
            def(model.name, true),
            "{}: one schema both ways",
            model.name
        );
        let mut own = values.clone();
        if let Some(known) = schema.pointer("/anyOf/0/enum") {
            own.extend(known.as_array().unwrap().iter().cloned());
        }
        for value in &own {
            verdicts.check(&model, &validators, &shown(value, 24), value);
        }
    }
    for (name, (accepted, rejected)) in &verdicts.counts {
        assert!(
            *accepted >= 3 && *rejected >= 10,
            "{name}: {accepted} accepted, {rejected} rejected"
        );
        println!("{name}: {accepted} accepted, {rejected} rejected");
    }
    // An unknown value is taken, by both.
    let any = validator("LexV2SentimentType", false);
    assert!(any.is_valid(&json!("VERY_POSITIVE")));
    assert!(serde_json::from_value::<LexV2SentimentType>(json!("VERY_POSITIVE")).is_ok());
}

/// A chain of `n` values of a recursive type, each the next's parent through `member`, the
/// innermost `leaf`.
fn chain(n: usize, leaf: Value, wrap: impl Fn(Value) -> Value) -> Value {
    (1..n).fold(leaf, |inner, _| wrap(inner))
}

/// The first difference, a rule no JSON Schema can say: a recursive value nests at most
/// `MAX_DEPTH` levels.
/// At `MAX_DEPTH` both take it; one level deeper the schema still does and the crate refuses
/// it (`ValueRule::TooDeep`), for each recursive type. The differential tests above stay
/// within the bound.
#[test]
fn nesting_past_max_depth_is_a_known_difference() {
    let slot = |n| {
        chain(
            n,
            json!({"shape": "Scalar"}),
            |inner| json!({"subSlots": {"part": inner}}),
        )
    };
    let list = |n| chain(n, json!({}), |inner| json!({"values": [inner]}));
    let sub = |n| {
        chain(
            n,
            json!({"name": "a"}),
            |inner| json!({"name": "a", "subSlotToElicit": inner}),
        )
    };
    let hints = |n| chain(n, json!({}), |inner| json!({"subSlotHints": {"a": inner}}));
    let cases: [(&str, &dyn Fn(usize) -> Value); 4] = [
        ("LexV2Slot", &slot),
        ("LexV2Slot", &list),
        ("LexV2ElicitSubSlot", &sub),
        ("LexV2RuntimeHintDetails", &hints),
    ];
    let models: BTreeMap<&str, Model> = lex_v2_models().into_iter().map(|m| (m.name, m)).collect();
    for (name, make) in cases {
        let [read, write] = validators(name);
        let crate_reads = |doc: &Value| (models[name].read)(&serde_json::to_vec(doc).unwrap());
        let deepest = make(MAX_DEPTH);
        assert!(
            crate_reads(&deepest) && read.is_valid(&deepest) && write.is_valid(&deepest),
            "{name}"
        );
        let deeper = make(MAX_DEPTH + 1);
        assert!(!crate_reads(&deeper), "{name}: {deeper}");
        assert!(
            read.is_valid(&deeper) && write.is_valid(&deeper),
            "{name}: the known difference"
        );
    }
    // The crate names the rule.
    let deeper = serde_json::to_vec(&slot(MAX_DEPTH + 1)).unwrap();
    let err = LexV2SessionState::from_json(
        &[
            &br#"{"intent":{"name":"i","slots":{"s":"#[..],
            &deeper[..],
            b"}}}",
        ]
        .concat(),
    )
    .unwrap_err();
    assert_eq!(
        err.value_error().map(|e| *e.rule()),
        Some(botsession::ValueRule::TooDeep { max: MAX_DEPTH })
    );
}

/// The second difference: JSON Schema's `integer` is a value (`5.0` and `5e0` are integers to
/// it), and the crate reads the text, where an integer has neither fraction nor exponent (as
/// the service writes it). A ranged integer so written is taken by the schema and refused by
/// the crate; a score, a `number`, is taken by both.
#[test]
fn an_integer_with_a_fraction_is_the_other_known_difference() {
    let models: BTreeMap<&str, Model> = lex_v2_models().into_iter().map(|m| (m.name, m)).collect();
    let ttl = &models["LexV2TimeToLive"];
    let [read, write] = validators("LexV2TimeToLive");
    for (seconds, turns) in [
        ("600.0", "5"),
        ("600", "5.0"),
        ("6e2", "5"),
        ("600", "50e-1"),
    ] {
        let doc = format!(r#"{{"timeToLiveInSeconds":{seconds},"turnsToLive":{turns}}}"#);
        let value: Value = serde_json::from_str(&doc).unwrap();
        assert!(!(ttl.read)(doc.as_bytes()), "{doc}");
        assert!(
            read.is_valid(&value) && write.is_valid(&value),
            "{doc}: the known difference"
        );
    }
    let plain = br#"{"timeToLiveInSeconds":600,"turnsToLive":5}"#;
    assert!((ttl.read)(plain));
    let score = &models["LexV2ConfidenceScore"];
    let score_schema = validator("LexV2ConfidenceScore", false);
    for doc in [
        r#"{"score":1.0}"#,
        r#"{"score":1}"#,
        r#"{"score":1e0}"#,
        r#"{"score":-2.5e-3}"#,
    ] {
        let value: Value = serde_json::from_str(doc).unwrap();
        assert!(
            (score.read)(doc.as_bytes()) && score_schema.is_valid(&value),
            "{doc}"
        );
    }
}

/// The third difference: the crate skips a `null` list entry or map value (as the AWS SDKs
/// read a dense list or map) and counts only the others against a limit, wherever the `null`s
/// stand. The read schema counts a list's other entries with `contains`, which is exact; a
/// map's `maxProperties` counts every entry, `null` ones too, so a map at its limit with a
/// `null` besides is refused by the schema alone. Away from the limits a `null` entry is taken
/// by both.
#[test]
fn null_entries_past_a_limit_are_the_last_known_difference() {
    let models: BTreeMap<&str, Model> = lex_v2_models().into_iter().map(|m| (m.name, m)).collect();
    let crate_reads =
        |name: &str, doc: &Value| (models[name].read)(&serde_json::to_vec(doc).unwrap());
    let state = validator("LexV2SessionState", false);
    let context = documented_lex_v2("LexV2ActiveContext");
    let contexts = |list: Vec<Value>| json!({ "activeContexts": list });
    let mut full = vec![context.clone(); 20];
    // Both: `null`s anywhere below the limit, or before the last entry at it.
    for doc in [
        contexts(vec![json!(null); 25]),
        contexts([vec![json!(null)], full.clone()].concat()),
        contexts(
            [
                vec![context.clone(), json!(null)],
                vec![context.clone(); 18],
            ]
            .concat(),
        ),
    ] {
        assert!(crate_reads("LexV2SessionState", &doc) && state.is_valid(&doc));
    }
    full.push(json!(null));
    let trailing = contexts(full.clone());
    assert!(
        crate_reads("LexV2SessionState", &trailing) && state.is_valid(&trailing),
        "both count 20"
    );
    full.push(context.clone());
    let past = contexts(full);
    assert!(
        !crate_reads("LexV2SessionState", &past) && !state.is_valid(&past),
        "21"
    );
    // Maps: keys in order (`serde_json` sorts them), the `null` first or last.
    let attributes = |null_key: &str| {
        let mut map: serde_json::Map<String, Value> =
            (0..10).map(|i| (format!("k{i}"), json!("v"))).collect();
        map.insert(String::from(null_key), json!(null));
        let mut doc = context.clone();
        doc["contextAttributes"] = Value::Object(map);
        doc
    };
    let read = validator("LexV2ActiveContext", false);
    let first = attributes("a");
    assert!(
        crate_reads("LexV2ActiveContext", &first),
        "null first: 10 entries"
    );
    assert!(!read.is_valid(&first), "the schema counts 11");
    let last = attributes("z");
    assert!(
        crate_reads("LexV2ActiveContext", &last),
        "null last: 10 entries"
    );
    assert!(!read.is_valid(&last), "the schema counts 11");
    let mut few = context.clone();
    few["contextAttributes"]["x"] = json!(null);
    assert!(crate_reads("LexV2ActiveContext", &few) && read.is_valid(&few));
}

/// The Lex V2 schemas say what the model says: each text type's lengths and pattern, the
/// sensitive text not `writeOnly` (GetSession returns it), the open enums' listed values, and
/// each value's required members.
#[test]
fn lex_v2_schemas_carry_the_model() {
    let required = |name: &str| def(name, false)["required"].clone();
    assert_eq!(
        required("LexV2ActiveContext"),
        json!(["name", "timeToLive", "contextAttributes"])
    );
    assert_eq!(
        required("LexV2TimeToLive"),
        json!(["timeToLiveInSeconds", "turnsToLive"])
    );
    assert_eq!(required("LexV2Button"), json!(["text", "value"]));
    assert_eq!(required("LexV2PutSessionRequest"), json!(["sessionState"]));
    assert!(def("LexV2SessionState", false).get("required").is_none());
    let text = def("LexV2Text", false);
    assert!(text.get("writeOnly").is_none());
    assert!(text["description"].as_str().unwrap().contains("sensitive"));
    assert_eq!(
        def("LexV2DialogActionType", false).pointer("/anyOf/0/enum"),
        Some(&json!([
            "Close",
            "ConfirmIntent",
            "Delegate",
            "ElicitIntent",
            "ElicitSlot",
            "None"
        ]))
    );
    let attributes = &def("LexV2ActiveContext", true)["properties"]["contextAttributes"];
    assert_eq!(attributes["maxProperties"], 10);
    assert_eq!(attributes["propertyNames"]["maxLength"], 100);
    assert_eq!(
        attributes["additionalProperties"]["$ref"],
        "#/$defs/LexV2Text"
    );
    // A recursive type refers to its own definition.
    assert_eq!(
        def("LexV2Slot", true)["properties"]["subSlots"]["additionalProperties"]["$ref"],
        "#/$defs/LexV2Slot"
    );
    // An empty list or map is never written; it is read.
    let values = |serialize| {
        def("LexV2RuntimeHintDetails", serialize)["properties"]["runtimeHintValues"].clone()
    };
    assert_eq!(values(true)["minItems"], 1);
    // A `null` entry is skipped when read: `contains` counts the others.
    assert_eq!(values(false)["minContains"], 1);
    assert_eq!(values(false)["maxContains"], 100);
    assert_eq!(
        def("LexV2SessionState", true)["properties"]["activeContexts"]["minItems"],
        1
    );
    assert!(
        def("LexV2SessionState", false)["properties"]["activeContexts"]
            .get("minItems")
            .is_none()
    );
}

// ---------------------------------------------------------------------------------------------
// Generated values
// ---------------------------------------------------------------------------------------------

/// Every value the `proptest` strategies produce validates against its schema, in both
/// contracts.
#[cfg(feature = "proptest")]
#[test]
fn proptest_values_validate() {
    fn check<T>(name: &str, text: fn(&T) -> Value)
    where
        T: proptest::arbitrary::Arbitrary + std::fmt::Debug,
    {
        let validators = [validator(name, false), validator(name, true)];
        let mut runner = TestRunner::new(Config {
            cases: common::cases(256),
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&any::<T>(), |value| {
                let instance = text(&value);
                for validator in &validators {
                    prop_assert!(
                        validator.is_valid(&instance),
                        "{name}: {}",
                        shown(&instance, 300)
                    );
                }
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
    ids!(AilyChannelContext => as_str, AilyMetadata => as_str, AilyBizUserId => as_str);
    check::<AilySession>("AilySession", |s| serde_json::to_value(s).unwrap());
    check::<AilySession>("AilyCreateSessionResponse", |s| {
        serde_json::from_slice(AilyCreateSessionResponse::new(s.clone()).render().body()).unwrap()
    });
    check::<AilySession>("AilyGetSessionResponse", |s| {
        serde_json::from_slice(AilyGetSessionResponse::new(s.clone()).render().body()).unwrap()
    });
    check::<AilySession>("AilyUpdateSessionResponse", |s| {
        serde_json::from_slice(AilyUpdateSessionResponse::new(s.clone()).render().body()).unwrap()
    });
    check::<AilyGetSessionRequest>("AilyGetSessionRequest", |r| {
        serde_json::to_value(r).unwrap()
    });
    check::<AilyCreateSessionRequest>("AilyCreateSessionRequest", |r| {
        serde_json::to_value(r).unwrap()
    });
    check::<AilyUpdateSessionRequest>("AilyUpdateSessionRequest", |r| {
        serde_json::to_value(r).unwrap()
    });
    ids!(
        LexV2NonEmptyString => as_str, LexV2Text => as_str, LexV2AttachmentTitle => as_str,
        LexV2AttachmentUrl => as_str, LexV2ButtonText => as_str, LexV2ButtonValue => as_str,
        LexV2ActiveContextName => as_str, LexV2ParameterName => as_str,
        LexV2RuntimeHintName => as_str, LexV2RuntimeHintPhrase => as_str
    );
    check::<botsession::LexV2GetSessionRequest>("LexV2GetSessionRequest", |r| {
        serde_json::to_value(r).unwrap()
    });
    // The Lex V2 values: `lex_v2_generated_values_and_their_edits_agree`.
}

/// Every Lex V2 value the `proptest` strategies draw validates against its schema both ways
/// and is read by the crate; and each with four random edits (a node replaced by one of
/// [`replacements`], or a member removed) is taken by the read schema if and only if the crate
/// reads it, and read by the crate where the write schema takes it. The strategies nest at
/// most 3 levels, inside `MAX_DEPTH`.
#[cfg(feature = "proptest")]
#[test]
fn lex_v2_generated_values_and_their_edits_agree() {
    use botsession::{
        LexV2ActiveContext, LexV2Button, LexV2ConfidenceScore, LexV2DialogAction,
        LexV2ElicitSubSlot, LexV2ImageResponseCard, LexV2Intent, LexV2Interpretation, LexV2Message,
        LexV2RuntimeHintDetails, LexV2RuntimeHintValue, LexV2RuntimeHints, LexV2SentimentResponse,
        LexV2SentimentScore, LexV2Session, LexV2Slot, LexV2SlotValue, LexV2TimeToLive,
    };
    use std::cell::RefCell;

    let models: BTreeMap<&str, Model> = lex_v2_models().into_iter().map(|m| (m.name, m)).collect();
    let with = replacements();
    let verdicts = RefCell::new(Verdicts::default());
    let run = |name: &'static str, strategy: BoxedStrategy<Value>| {
        let model = &models[name];
        let validators = validators(name);
        TestRunner::new(Config {
            cases: common::cases(48),
            failure_persistence: None,
            ..Config::default()
        })
        .run(&(strategy, any::<u64>()), |(doc, seed)| {
            let mut verdicts = verdicts.borrow_mut();
            prop_assert!(
                validators[1].is_valid(&doc) && (model.read)(&serde_json::to_vec(&doc).unwrap()),
                "{name}: generated {}",
                shown(&doc, 300)
            );
            verdicts
                .agree(model, [&validators[0], &validators[1]], "generated", &doc)
                .map_err(TestCaseError::fail)?;
            let (mut at, mut members) = (Vec::new(), Vec::new());
            nodes(&doc, "", &mut at, &mut members);
            let mut rng = SplitMix(seed);
            for _ in 0..4 {
                let mut edited = doc.clone();
                let what = if rng.below(4) == 0 && !members.is_empty() {
                    let (ptr, key) = &members[rng.below(members.len())];
                    edited
                        .pointer_mut(ptr)
                        .unwrap()
                        .as_object_mut()
                        .unwrap()
                        .remove(key);
                    format!("{ptr} without {key}")
                } else {
                    let ptr = &at[rng.below(at.len())];
                    let value = &with[rng.below(with.len())];
                    *edited.pointer_mut(ptr).unwrap() = value.clone();
                    format!("{ptr} = {}", shown(value, 24))
                };
                verdicts
                    .agree(model, [&validators[0], &validators[1]], &what, &edited)
                    .map_err(TestCaseError::fail)?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    };
    macro_rules! generated {
        ($($ty:ident),+) => {$(
            run(stringify!($ty), any::<$ty>().prop_map(|v| serde_json::to_value(v).unwrap()).boxed());
        )+};
    }
    generated!(
        LexV2SessionState,
        LexV2DialogAction,
        LexV2ElicitSubSlot,
        LexV2Intent,
        LexV2Slot,
        LexV2SlotValue,
        LexV2ActiveContext,
        LexV2TimeToLive,
        LexV2RuntimeHints,
        LexV2RuntimeHintDetails,
        LexV2RuntimeHintValue,
        LexV2Message,
        LexV2ImageResponseCard,
        LexV2Button,
        LexV2Interpretation,
        LexV2ConfidenceScore,
        LexV2SentimentResponse,
        LexV2SentimentScore,
        LexV2Session
    );
    run(
        "LexV2GetSessionResponse",
        any::<LexV2Session>()
            .prop_map(|s| {
                serde_json::from_slice(LexV2GetSessionResponse::new(s).render().body()).unwrap()
            })
            .boxed(),
    );
    run(
        "LexV2PutSessionRequest",
        any::<LexV2PutSessionRequest>()
            .prop_map(|r| serde_json::from_slice(&r.body()).unwrap())
            .boxed(),
    );
    let verdicts = verdicts.into_inner();
    let mut total = 0;
    for (name, (accepted, rejected)) in &verdicts.counts {
        assert!(
            *accepted > 40 && *rejected > 20,
            "{name}: {accepted} accepted, {rejected} rejected"
        );
        println!("{name}: {accepted} accepted, {rejected} rejected");
        total += accepted + rejected;
    }
    assert_eq!(verdicts.counts.len(), 21);
    println!("generated Lex V2 values and edits: {total} documents");
}

/// The text strategies reach the limit, and 4-byte and control characters, often enough to
/// matter: the schemas above are checked where they could differ from the crate.
#[cfg(feature = "proptest")]
#[test]
fn proptest_texts_reach_the_limit() {
    let mut runner = TestRunner::new(Config {
        cases: 512,
        failure_persistence: None,
        ..Config::default()
    });
    let (mut at_limit, mut wide, mut control) = (0, 0, 0);
    for _ in 0..512 {
        let value = any::<AilyMetadata>()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let s = value.as_str();
        at_limit += usize::from(s.chars().count() >= AilyMetadata::MAX_CHARS - 1);
        wide += usize::from(s.chars().any(|c| c.len_utf8() == 4));
        control += usize::from(s.contains('\0'));
    }
    assert!(
        at_limit > 100 && wide > 100 && control > 100,
        "{at_limit} {wide} {control}"
    );
}

/// Every value the `arbitrary` feature builds, from any bytes (none at all included), is
/// valid: `arbitrary()` never fails, the crate's validator takes the value, and so does its
/// schema.
#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_validate() {
    use arbitrary::{Arbitrary, Unstructured};

    fn check<T>(name: &str, text: impl Fn(&T) -> Value) -> usize
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
    ids!(AilyChannelContext => as_str, AilyMetadata => as_str, AilyBizUserId => as_str);
    let written = validator("AilySession", true);
    let bodies: Vec<(&str, [Validator; 2])> = SESSION_RESPONSES
        .iter()
        .map(|&name| (name, [validator(name, false), validator(name, true)]))
        .collect();
    let distinct = check::<AilySession>("AilySession", |s| {
        let value = serde_json::to_value(s).unwrap();
        assert!(written.is_valid(&value), "{}", shown(&value, 300));
        for (name, body) in session_bodies(s) {
            let body: Value = serde_json::from_slice(&body).unwrap();
            let [read, write] = &bodies.iter().find(|(n, _)| *n == name).unwrap().1;
            assert!(
                read.is_valid(&body) && write.is_valid(&body),
                "{name}: {}",
                shown(&body, 300)
            );
        }
        value
    });
    assert!(distinct > 8, "AilySession: {distinct} distinct values");
    check::<AilyGetSessionRequest>("AilyGetSessionRequest", |r| {
        assert_eq!(AilyGetSessionRequest::from_route("GET", &r.path()), Ok(*r));
        serde_json::to_value(r).unwrap()
    });
    check::<AilyCreateSessionRequest>("AilyCreateSessionRequest", |r| {
        let headers: Vec<_> = r.headers().collect();
        let read = AilyCreateSessionRequest::from_request("POST", &r.path(), &headers, &r.body());
        assert_eq!(read.as_ref(), Ok(r));
        serde_json::to_value(r).unwrap()
    });
    check::<AilyUpdateSessionRequest>("AilyUpdateSessionRequest", |r| {
        let headers: Vec<_> = r.headers().collect();
        let read = AilyUpdateSessionRequest::from_request("PUT", &r.path(), &headers, &r.body());
        assert_eq!(read.as_ref(), Ok(r));
        serde_json::to_value(r).unwrap()
    });
    ids!(
        LexV2NonEmptyString => as_str, LexV2Text => as_str, LexV2AttachmentTitle => as_str,
        LexV2AttachmentUrl => as_str, LexV2ButtonText => as_str, LexV2ButtonValue => as_str,
        LexV2ActiveContextName => as_str, LexV2ParameterName => as_str,
        LexV2RuntimeHintName => as_str, LexV2RuntimeHintPhrase => as_str
    );
    check::<botsession::LexV2GetSessionRequest>("LexV2GetSessionRequest", |r| {
        let read = botsession::LexV2GetSessionRequest::from_route("GET", &r.path());
        assert_eq!(read.as_ref(), Ok(r));
        serde_json::to_value(r).unwrap()
    });
    // The Lex V2 values: both ways, read back equal from what they write.
    let [state_write, session_write, put_write] = [
        "LexV2SessionState",
        "LexV2Session",
        "LexV2PutSessionRequest",
    ]
    .map(|n| validator(n, true));
    let distinct = check::<LexV2SessionState>("LexV2SessionState", |s| {
        assert_eq!(LexV2SessionState::from_json(&s.to_json()).as_ref(), Ok(s));
        let value = serde_json::to_value(s).unwrap();
        assert!(state_write.is_valid(&value), "{}", shown(&value, 300));
        value
    });
    assert!(
        distinct > 8,
        "LexV2SessionState: {distinct} distinct values"
    );
    let distinct = check::<botsession::LexV2Session>("LexV2Session", |s| {
        assert_eq!(
            botsession::LexV2Session::from_json(&s.to_json()).as_ref(),
            Ok(s)
        );
        let value = serde_json::to_value(s).unwrap();
        assert!(session_write.is_valid(&value), "{}", shown(&value, 300));
        value
    });
    assert!(distinct > 8, "LexV2Session: {distinct} distinct values");
    let distinct = check::<LexV2PutSessionRequest>("LexV2PutSessionRequest", |r| {
        let headers: Vec<_> = r.headers().collect();
        let read = LexV2PutSessionRequest::from_request("POST", &r.path(), &headers, &r.body());
        assert_eq!(read.as_ref(), Ok(r));
        let value: Value = serde_json::from_slice(&r.body()).unwrap();
        assert!(put_write.is_valid(&value), "{}", shown(&value, 300));
        value
    });
    assert!(
        distinct > 8,
        "LexV2PutSessionRequest: {distinct} distinct values"
    );
}
