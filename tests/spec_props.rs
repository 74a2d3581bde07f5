//! Differential property tests: every hand-written validator against its documented rule,
//! written as an anchored `regex_lite` pattern plus the length bound.
//!
//! Beyond accept/reject, rejected values are checked against a model of the first offending
//! byte: viability of a prefix ("can this still be completed into a valid value?") is itself a
//! regex, so the first byte whose inclusion makes the prefix non-viable is the one the error must
//! name, with the rule, character and message that follow from it.
//!
//! Inputs are near-valid, not just random text: (a) valid-shaped values at and around the
//! length bounds, (b) a valid value with one byte replaced, inserted or deleted, (c) random
//! strings over the alphabet plus its neighbours, (d) arbitrary strings.

mod common;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, IdError, IdKind,
    IdRule, LexBotAlias, LexBotName, LexRegion, LexUserId,
};
use common::{re, spec, Ident, PublicIdent, SplitMix};
use once_cell::sync::Lazy;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{TestCaseError, TestRunner};
use regex_lite::Regex;

// ---------------------------------------------------------------------------------------------
// The documented rules
// ---------------------------------------------------------------------------------------------

/// Prefixes that can still be completed into a match of the rule's pattern (lengths aside).
/// Each language is prefix-closed, which the binary search in [`first_bad`] relies on.
fn aily_viable(prefix: &str) -> Regex {
    let partial: Vec<&str> = (0..prefix.len()).map(|n| &prefix[..n]).collect();
    re(&format!(
        "^(?:{}|{prefix}[0-9a-hjkmnp-z]*)$",
        partial.join("|")
    ))
}

static SESSION_VIABLE: Lazy<Regex> = Lazy::new(|| aily_viable("session_"));
static MESSAGE_VIABLE: Lazy<Regex> = Lazy::new(|| aily_viable("message_"));
static RUN_VIABLE: Lazy<Regex> = Lazy::new(|| aily_viable("run_"));
static USER_VIABLE: Lazy<Regex> = Lazy::new(|| re("^[0-9a-zA-Z._:-]*$"));
static REGION_VIABLE: Lazy<Regex> = Lazy::new(|| re("^[a-z0-9-]*$"));
static NAME_VIABLE: Lazy<Regex> = Lazy::new(|| re("^(?:[A-Za-z]_?)*$"));
/// For the Authorization header this is applied to what follows `Bearer `.
static TOKEN_VIABLE: Lazy<Regex> = Lazy::new(|| re("^(?:[A-Za-z0-9._~+/-]+=*)?$"));

const AILY_CLASS: &str = "[0-9a-hjkmnp-z]";
const USER_CLASS: &str = "[0-9a-zA-Z._:-]";
const REGION_CLASS: &str = "[a-z0-9-]";
const LETTER_CLASS: &str = "[A-Za-z]";
const LETTER_SEP_CLASS: &str = "[A-Za-z_]";
const TOKEN_FIRST_CLASS: &str = "[A-Za-z0-9-._~+/]";
const TOKEN_BODY_CLASS: &str = "[A-Za-z0-9-._~+/=]";
const TOKEN_PAD_CLASS: &str = "[=]";

const AILY_ALPHABET: &str = "0123456789abcdefghjkmnpqrstuvwxyz";
const USER_ALPHABET: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._:-";
const REGION_ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz0123456789-";
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const TOKEN_ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

/// Characters just outside (or just inside) some rule: excluded letters, other case,
/// separators, path and padding bytes, whitespace, controls, non-ASCII.
const NEIGHBOURS: &[char] = &[
    'i', 'l', 'o', 'A', 'Z', 'a', 'z', '0', '9', '_', '-', '/', ' ', 'é', '\0', '$', '=', '.', ':',
    '~', '+', '\u{7f}', '\n', '\t', '%', '"', '\\', '@', ',', 'ß', '€', '😀', '\u{301}',
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    Aily,
    User,
    Region,
    Name,
    Alias,
    Token,
    Authorization,
}

/// The typed half of a rule: how to run the crate's validator on it, built from the common
/// [`Ident`] trait by [`Ops::id`] and [`Ops::secret`].
struct Ops {
    /// Parses and returns the stored text (canonical for the Authorization header).
    parse: fn(&str) -> Result<String, IdError>,
    is_valid: fn(&str) -> bool,
    /// Called on valid input: display/serde round trips.
    round_trip: fn(&str) -> Result<(), TestCaseError>,
}

struct Spec {
    kind: IdKind,
    shape: Shape,
    /// The literal prefix that `Prefix` errors name.
    prefix: &'static str,
    viable: &'static Lazy<Regex>,
    /// The characters a valid value uses after its prefix.
    alphabet: &'static str,
    ops: Ops,
}

impl Spec {
    /// The shortest valid length, by the documented rule.
    fn min(&self) -> usize {
        spec::rule(self.kind).min
    }

    /// The longest valid length, by the documented rule.
    fn max(&self) -> usize {
        spec::rule(self.kind).max
    }

    fn secret(&self) -> bool {
        matches!(self.shape, Shape::Token | Shape::Authorization)
    }

    /// Where the part checked against `viable` starts.
    fn body_start(&self) -> usize {
        if self.shape == Shape::Authorization {
            7
        } else {
            0
        }
    }

    /// The documented rule: length bound and anchored regex, plus the two literal exceptions.
    fn documented(&self, s: &str) -> bool {
        spec::documented(self.kind, s)
    }

    /// The error the rule implies: which rule broke and at which byte, or `None` if valid.
    fn model_error(&self, s: &str) -> Option<(IdRule, Option<usize>)> {
        if !(self.min()..=self.max()).contains(&s.len()) {
            return Some((IdRule::Length, None));
        }
        if self.shape == Shape::Alias && s == "$LATEST" {
            return None;
        }
        if self.shape == Shape::Authorization {
            let scheme = s.as_bytes().get(..7).unwrap_or_default();
            if !scheme.eq_ignore_ascii_case(b"Bearer ") {
                return Some((IdRule::Scheme, None));
            }
        }
        if let Some(i) = first_bad(self.viable, s, self.body_start()) {
            let rule = if i < self.prefix.len() {
                IdRule::Prefix
            } else {
                IdRule::Charset
            };
            return Some((rule, Some(i)));
        }
        if self.shape == Shape::User && s == ".." {
            return Some((IdRule::Reserved, None));
        }
        None
    }

    /// The character class a `Charset` error at byte `i` names.
    fn class_at(&self, s: &str, i: usize) -> &'static str {
        let start = self.body_start();
        match self.shape {
            Shape::Aily => AILY_CLASS,
            Shape::User => USER_CLASS,
            Shape::Region => REGION_CLASS,
            Shape::Name | Shape::Alias => {
                if i == 0 || s[..i].ends_with('_') {
                    LETTER_CLASS
                } else {
                    LETTER_SEP_CLASS
                }
            }
            Shape::Token | Shape::Authorization => {
                if i == start {
                    TOKEN_FIRST_CLASS
                } else if s[start..i].contains('=') {
                    TOKEN_PAD_CLASS
                } else {
                    TOKEN_BODY_CLASS
                }
            }
        }
    }
}

/// The byte index of the first character of `s[start..]` whose inclusion makes the prefix
/// non-viable, or `None` if all of it is viable.
fn first_bad(viable: &Regex, s: &str, start: usize) -> Option<usize> {
    let rest = &s[start..];
    if viable.is_match(rest) {
        return None;
    }
    let chars: Vec<(usize, usize)> = rest
        .char_indices()
        .map(|(i, c)| (i, i + c.len_utf8()))
        .collect();
    // The empty prefix is viable and `rest` is not, so `chars` is not empty. Viability is
    // prefix-closed: find the shortest non-viable prefix by bisection.
    let (mut lo, mut hi) = (0, chars.len() - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if viable.is_match(&rest[..chars[mid].1]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Some(start + chars[lo].0)
}

// ---------------------------------------------------------------------------------------------
// The typed side
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
trait MaybeSerde: serde::Serialize + serde::de::DeserializeOwned {}
#[cfg(feature = "serde")]
impl<T: serde::Serialize + serde::de::DeserializeOwned> MaybeSerde for T {}
#[cfg(not(feature = "serde"))]
trait MaybeSerde {}
#[cfg(not(feature = "serde"))]
impl<T> MaybeSerde for T {}

/// What the secret types have of serde: `Deserialize` only.
#[cfg(feature = "serde")]
trait MaybeDeserialize: serde::de::DeserializeOwned {}
#[cfg(feature = "serde")]
impl<T: serde::de::DeserializeOwned> MaybeDeserialize for T {}
#[cfg(not(feature = "serde"))]
trait MaybeDeserialize {}
#[cfg(not(feature = "serde"))]
impl<T> MaybeDeserialize for T {}

/// A secret deserializes back equal from the JSON string of its exposed text.
#[cfg(feature = "serde")]
fn serde_read_back<T>(value: &T, text: &str) -> Result<(), TestCaseError>
where
    T: MaybeDeserialize + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(text).unwrap();
    let back: T = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, value);
    Ok(())
}

#[cfg(not(feature = "serde"))]
fn serde_read_back<T>(_: &T, _: &str) -> Result<(), TestCaseError> {
    Ok(())
}

/// JSON round trip: serializes to the plain string `canonical`, and deserializes back equal
/// from borrowed and owned input.
#[cfg(feature = "serde")]
fn serde_round_trip<T>(value: &T, canonical: &str) -> Result<(), TestCaseError>
where
    T: MaybeSerde + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&json, &serde_json::to_string(canonical).unwrap());
    let back: T = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, value);
    let owned: T = serde_json::from_value(serde_json::Value::String(canonical.to_owned()))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&owned, value);
    Ok(())
}

#[cfg(not(feature = "serde"))]
fn serde_round_trip<T>(_: &T, _: &str) -> Result<(), TestCaseError> {
    Ok(())
}

fn parse_text<T: Ident>(s: &str) -> Result<String, IdError> {
    s.parse::<T>().map(|v| v.text().to_owned())
}

/// parse → to_string → parse is the identity, and so is the JSON round trip.
fn round_trip_id<T>(s: &str) -> Result<(), TestCaseError>
where
    T: PublicIdent + MaybeSerde,
{
    let a: T = s.parse()?;
    let shown = a.to_string();
    prop_assert_eq!(shown.as_str(), s);
    let b: T = shown.parse()?;
    prop_assert_eq!(&a, &b);
    prop_assert_eq!(b.text(), s);
    serde_round_trip(&a, s)
}

/// parse → expose → parse is the identity (secrets have no `Display`, and no `Serialize`).
fn round_trip_secret<T>(s: &str) -> Result<(), TestCaseError>
where
    T: Ident + MaybeDeserialize,
{
    let a: T = s.parse()?;
    let b: T = a.text().parse()?;
    prop_assert_eq!(&a, &b);
    prop_assert_eq!(a.text(), b.text());
    serde_read_back(&a, a.text())
}

impl Ops {
    const fn id<T: PublicIdent + MaybeSerde>() -> Ops {
        Ops {
            parse: parse_text::<T>,
            is_valid: T::is_valid,
            round_trip: round_trip_id::<T>,
        }
    }

    const fn secret<T: Ident + MaybeDeserialize>() -> Ops {
        Ops {
            parse: parse_text::<T>,
            is_valid: T::is_valid,
            round_trip: round_trip_secret::<T>,
        }
    }
}

static SESSION: Spec = Spec {
    kind: IdKind::AilySessionId,
    shape: Shape::Aily,
    prefix: "session_",
    viable: &SESSION_VIABLE,
    alphabet: AILY_ALPHABET,
    ops: Ops::id::<AilySessionId>(),
};

static MESSAGE: Spec = Spec {
    kind: IdKind::AilyMessageId,
    shape: Shape::Aily,
    prefix: "message_",
    viable: &MESSAGE_VIABLE,
    alphabet: AILY_ALPHABET,
    ops: Ops::id::<AilyMessageId>(),
};

static RUN: Spec = Spec {
    kind: IdKind::AilyRunId,
    shape: Shape::Aily,
    prefix: "run_",
    viable: &RUN_VIABLE,
    alphabet: AILY_ALPHABET,
    ops: Ops::id::<AilyRunId>(),
};

static USER: Spec = Spec {
    kind: IdKind::LexUserId,
    shape: Shape::User,
    prefix: "",
    viable: &USER_VIABLE,
    alphabet: USER_ALPHABET,
    ops: Ops::id::<LexUserId>(),
};

static BOT_NAME: Spec = Spec {
    kind: IdKind::LexBotName,
    shape: Shape::Name,
    prefix: "",
    viable: &NAME_VIABLE,
    alphabet: LETTERS,
    ops: Ops::id::<LexBotName>(),
};

static BOT_ALIAS: Spec = Spec {
    kind: IdKind::LexBotAlias,
    shape: Shape::Alias,
    prefix: "",
    viable: &NAME_VIABLE,
    alphabet: LETTERS,
    ops: Ops::id::<LexBotAlias>(),
};

static REGION: Spec = Spec {
    kind: IdKind::LexRegion,
    shape: Shape::Region,
    prefix: "",
    viable: &REGION_VIABLE,
    alphabet: REGION_ALPHABET,
    ops: Ops::id::<LexRegion>(),
};

static TOKEN: Spec = Spec {
    kind: IdKind::AilyAccessToken,
    shape: Shape::Token,
    prefix: "",
    viable: &TOKEN_VIABLE,
    alphabet: TOKEN_ALPHABET,
    ops: Ops::secret::<AilyAccessToken>(),
};

static AUTHORIZATION: Spec = Spec {
    kind: IdKind::AilyAuthorization,
    shape: Shape::Authorization,
    prefix: "",
    viable: &TOKEN_VIABLE,
    alphabet: TOKEN_ALPHABET,
    ops: Ops::secret::<AilyAuthorization>(),
};

static ALL: [&Spec; 9] = [
    &SESSION,
    &MESSAGE,
    &RUN,
    &USER,
    &BOT_NAME,
    &BOT_ALIAS,
    &REGION,
    &TOKEN,
    &AUTHORIZATION,
];

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

/// A short rendering of a possibly long input for failure messages.
fn show(s: &str) -> String {
    if s.len() <= 80 {
        format!("{s:?}")
    } else {
        let cut = (0..=80).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        format!("{:?}… ({} bytes)", &s[..cut], s.len())
    }
}

fn check(spec: &Spec, s: &str) -> Result<(), TestCaseError> {
    let documented = spec.documented(s);
    let model = spec.model_error(s);
    prop_assert_eq!(
        model.is_none(),
        documented,
        "test model disagrees with the documented rule for {}",
        show(s)
    );
    let parsed = (spec.ops.parse)(s);
    prop_assert_eq!(
        parsed.is_ok(),
        documented,
        "{:?} validator disagrees with the documented rule for {}: {:?}",
        spec.kind,
        show(s),
        parsed.as_ref().err().map(ToString::to_string)
    );
    prop_assert_eq!(
        (spec.ops.is_valid)(s),
        documented,
        "is_valid for {}",
        show(s)
    );
    match parsed {
        Ok(text) => {
            let canonical = if spec.shape == Shape::Authorization {
                format!("Bearer {}", &s[7..])
            } else {
                s.to_owned()
            };
            prop_assert_eq!(text, canonical);
            (spec.ops.round_trip)(s)
        }
        Err(e) => check_error(spec, s, &e, model.unwrap_or((IdRule::Length, None))),
    }
}

fn check_error(
    spec: &Spec,
    s: &str,
    e: &IdError,
    (rule, index): (IdRule, Option<usize>),
) -> Result<(), TestCaseError> {
    let input = show(s);
    prop_assert_eq!(e.kind(), spec.kind, "kind for {}", input);
    prop_assert_eq!(e.found_len(), s.len(), "found_len for {}", input);
    prop_assert_eq!(e.rule(), rule, "rule for {}", input);
    prop_assert_eq!(e.index(), index, "index for {}", input);

    let detail = match (e.rule(), e.index()) {
        (IdRule::Length, _) if s.len() < spec.min() => format!(
            "length {} is below the minimum of {} byte{}",
            s.len(),
            spec.min(),
            if spec.min() == 1 { "" } else { "s" }
        ),
        (IdRule::Length, _) => format!(
            "length {} exceeds the maximum of {} bytes",
            s.len(),
            spec.max()
        ),
        (IdRule::Reserved, _) => "\"..\" is a dot-segment, which no URL path can carry".into(),
        (IdRule::Scheme, _) => {
            "does not start with the scheme \"Bearer\" (any case) and exactly one space".into()
        }
        (IdRule::Prefix | IdRule::Charset, Some(i)) => {
            prop_assert!(i < s.len(), "index {} outside {}", i, input);
            prop_assert!(
                s.is_char_boundary(i),
                "index {} inside a character of {}",
                i,
                input
            );
            let c = s[i..].chars().next().unwrap();
            if spec.secret() {
                prop_assert_eq!(e.character(), None, "a secret's character for {}", input);
            } else {
                prop_assert_eq!(e.character(), Some(c), "character for {}", input);
            }
            let at = if spec.secret() {
                format!("byte {i}")
            } else {
                format!("character {c:?} at byte {i}")
            };
            if e.rule() == IdRule::Prefix {
                format!("{at} does not match the prefix {:?}", spec.prefix)
            } else {
                format!("{at} is not in {}", spec.class_at(s, i))
            }
        }
        (other, index) => {
            return Err(TestCaseError::fail(format!(
                "unexpected {other:?} with index {index:?} for {input}"
            )))
        }
    };
    if e.index().is_none() {
        prop_assert_eq!(
            e.character(),
            None,
            "character without an index for {}",
            input
        );
    }
    prop_assert_eq!(
        e.to_string(),
        format!("invalid {}: {detail}", spec.kind.name()),
        "message for {}",
        input
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// `Bearer ` with each letter of the scheme in a random case.
fn random_case_bearer(rng: &mut SplitMix) -> String {
    "Bearer "
        .chars()
        .map(|c| {
            if rng.next() & 1 == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The fixed start a valid value of the rule has: its prefix, or a scheme.
fn lead_in(spec: &Spec, rng: &mut SplitMix) -> String {
    match spec.shape {
        Shape::Authorization => random_case_bearer(rng),
        _ => spec.prefix.to_owned(),
    }
}

/// A value shaped like a valid one, `len` bytes long (valid whenever `len` is in bounds).
fn build_valid(spec: &Spec, len: usize, seed: u64) -> String {
    let mut rng = SplitMix(seed);
    let mut out = String::with_capacity(len);
    match spec.shape {
        // Dots only: the one way to reach the reserved `..` (and `...`, which is valid).
        Shape::User if rng.below(16) == 0 => out.push_str(&".".repeat(len)),
        Shape::Aily | Shape::User | Shape::Region => {
            out.push_str(&spec.prefix[..spec.prefix.len().min(len)]);
            while out.len() < len {
                out.push(rng.pick(spec.alphabet));
            }
        }
        Shape::Alias if rng.below(8) == 0 => out.push_str("$LATEST"),
        Shape::Name | Shape::Alias => {
            while out.len() < len {
                let after_letter = out.ends_with(|c: char| c.is_ascii_alphabetic());
                if after_letter && rng.below(3) == 0 {
                    out.push('_');
                } else {
                    out.push(rng.pick(LETTERS));
                }
            }
        }
        Shape::Token | Shape::Authorization => {
            let head = lead_in(spec, &mut rng);
            out.push_str(&head[..head.len().min(len)]);
            let body = len.saturating_sub(out.len());
            let pad = if body > 1 && rng.below(3) == 0 {
                1 + rng.below(body.min(8) - 1)
            } else {
                0
            };
            for _ in 0..body - pad {
                out.push(rng.pick(spec.alphabet));
            }
            out.push_str(&"=".repeat(pad));
        }
    }
    out
}

/// Every character the mutating and random strategies draw from.
fn pool(spec: &Spec) -> Vec<char> {
    let mut chars: Vec<char> = spec.alphabet.chars().collect();
    chars.extend(NEIGHBOURS);
    chars.extend(spec.prefix.chars());
    if spec.shape == Shape::Authorization {
        chars.extend("BEARbear".chars());
    }
    chars.sort_unstable();
    chars.dedup();
    chars
}

/// (a) Valid-shaped values at min-1, min, max and max+1 bytes, and sometimes in between.
fn boundary(spec: &'static Spec) -> impl Strategy<Value = String> {
    let edges = vec![spec.min() - 1, spec.min(), spec.max(), spec.max() + 1];
    (
        prop_oneof![3 => select(edges), 1 => spec.min()..=spec.max()],
        any::<u64>(),
    )
        .prop_map(move |(len, seed)| build_valid(spec, len, seed))
}

/// (b) A valid value with one character replaced, inserted or deleted.
fn mutated(spec: &'static Spec) -> impl Strategy<Value = String> {
    (
        spec.min()..=spec.max(),
        any::<u64>(),
        0..3u8,
        any::<Index>(),
        select(pool(spec)),
    )
        .prop_map(move |(len, seed, op, at, c)| {
            let mut chars: Vec<char> = build_valid(spec, len, seed).chars().collect();
            match op {
                0 => {
                    let i = at.index(chars.len());
                    chars[i] = c;
                }
                1 => chars.insert(at.index(chars.len() + 1), c),
                _ => {
                    chars.remove(at.index(chars.len()));
                }
            }
            chars.into_iter().collect()
        })
}

/// (c) Random strings over the alphabet and its neighbours, up to max+2 characters, half of
/// them after the rule's prefix or scheme.
fn random(spec: &'static Spec) -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        any::<u64>(),
        vec(select(pool(spec)), 0..=spec.max() + 2),
    )
        .prop_map(move |(lead, seed, body)| {
            let mut out = if lead {
                lead_in(spec, &mut SplitMix(seed))
            } else {
                String::new()
            };
            let room = (spec.max() + 2).saturating_sub(out.chars().count());
            out.extend(body.into_iter().take(room));
            out
        })
}

/// (d) Arbitrary strings, alone or after the rule's prefix or scheme.
fn arbitrary(spec: &'static Spec) -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "(?s).*",
        (any::<u64>(), "(?s).{0,40}")
            .prop_map(move |(seed, rest)| lead_in(spec, &mut SplitMix(seed)) + &rest),
    ]
}

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(common::cases(512))
}

macro_rules! properties {
    ($($module:ident => $spec:ident),* $(,)?) => {$(
        mod $module {
            use super::*;

            proptest! {
                #![proptest_config(config())]

                #[test]
                fn boundary_lengths(s in boundary(&$spec)) {
                    check(&$spec, &s)?;
                }

                #[test]
                fn one_mutation(s in mutated(&$spec)) {
                    check(&$spec, &s)?;
                }

                #[test]
                fn random_near_alphabet(s in random(&$spec)) {
                    check(&$spec, &s)?;
                }

                #[test]
                fn arbitrary_strings(s in arbitrary(&$spec)) {
                    check(&$spec, &s)?;
                }
            }
        }
    )*};
}

properties!(
    aily_session_id => SESSION,
    aily_message_id => MESSAGE,
    aily_run_id => RUN,
    lex_user_id => USER,
    lex_bot_name => BOT_NAME,
    lex_bot_alias => BOT_ALIAS,
    lex_region => REGION,
    aily_access_token => TOKEN,
    aily_authorization => AUTHORIZATION,
);

// ---------------------------------------------------------------------------------------------
// Guards against a vacuous suite
// ---------------------------------------------------------------------------------------------

/// The oracle itself says what the seeds and notes say.
#[test]
fn oracle_matches_the_documented_examples() {
    let cases: &[(&Spec, &str, bool)] = &[
        (&SESSION, "session_4dfunz7sp1g8m", true),
        (&SESSION, "session_", false),
        (&SESSION, "session_i", false),
        (&MESSAGE, "message_0", true),
        (&RUN, "run_0", true),
        (&RUN, "run_", false),
        (&USER, "..", false),
        (&USER, "...", true),
        (&USER, ".", false),
        (&BOT_NAME, "a_", true),
        (&BOT_NAME, "a__b", false),
        (&BOT_NAME, "_a", false),
        (&BOT_ALIAS, "$LATEST", true),
        (&BOT_ALIAS, "$latest", false),
        (&BOT_ALIAS, "a", true),
        (&REGION, "eu-west-1", true),
        (&REGION, "eu-west-1.evil.com", false),
        (&TOKEN, "u-7f1bcd13fc57d46bac21793a18e560", true),
        (&TOKEN, "abc==", true),
        (&TOKEN, "abc=d", false),
        (&TOKEN, "=abc", false),
        (
            &AUTHORIZATION,
            "Bearer u-7f1bcd13fc57d46bac21793a18e560",
            true,
        ),
        (&AUTHORIZATION, "bEaReR x", true),
        (&AUTHORIZATION, "Bearer  x", false),
        (&AUTHORIZATION, "Bearer ", false),
    ];
    for &(spec, s, valid) in cases {
        assert_eq!(spec.documented(s), valid, "{:?} {s:?}", spec.kind);
        check(spec, s).unwrap_or_else(|e| panic!("{:?} {s:?}: {e}", spec.kind));
    }
    assert_eq!(
        SESSION.model_error("sessions_1"),
        Some((IdRule::Prefix, Some(7)))
    );
    assert_eq!(
        AUTHORIZATION.model_error("Bearer abc=d"),
        Some((IdRule::Charset, Some(11)))
    );
    assert_eq!(USER.model_error(".."), Some((IdRule::Reserved, None)));
}

/// The near-valid strategies produce plenty of both valid and invalid values, so the
/// properties compare both sides of every rule.
#[test]
fn strategies_produce_both_outcomes() {
    let mut runner = TestRunner::deterministic();
    for spec in ALL {
        let strategies = [
            ("boundary", boundary(spec).boxed()),
            ("mutated", mutated(spec).boxed()),
        ];
        for (name, strategy) in strategies {
            let n = 400;
            let valid = (0..n)
                .filter(|_| {
                    let s = strategy.new_tree(&mut runner).unwrap().current();
                    spec.documented(&s)
                })
                .count();
            assert!(
                valid >= n / 10 && valid <= n - n / 10,
                "{:?} {name}: {valid} of {n} valid",
                spec.kind
            );
        }
    }
}

/// Every rule the crate can report is reached by the strategies for some identifier.
#[test]
fn strategies_reach_every_rule() {
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for spec in ALL {
        let strategy = prop_oneof![mutated(spec), boundary(spec), random(spec)].boxed();
        for _ in 0..2000 {
            let s = strategy.new_tree(&mut runner).unwrap().current();
            if let Some((rule, _)) = spec.model_error(&s) {
                seen.insert(format!("{rule:?}"));
            }
        }
    }
    let expected = ["Charset", "Length", "Prefix", "Reserved", "Scheme"];
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), expected);
}
