//! Boundary tables for every identifier exported at the crate root: the shortest and longest
//! valid values, one past each end, every excluded character class, prefix variants and the
//! examples from the API documentation. Every rejection is checked through the `IdError`
//! accessors and its exact message, which the crate treats as public API.

mod common;

use std::fmt;
use std::str::FromStr;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, AilyTokenKind,
    IdError, IdKind, IdRule, LexBotAlias, LexBotName, LexRegion, LexUserId,
};
use common::assert_no_secret_window;

/// What the tables need from each identifier type.
trait Ident: FromStr<Err = IdError> + TryFrom<String, Error = IdError> + fmt::Debug {
    const KIND: IdKind;
    /// The stored value (the raw secret for the secret types).
    fn text(&self) -> &str;
    /// `T::is_valid(s)`.
    fn is_valid_fn(s: &str) -> bool;
}

macro_rules! public_ident {
    ($($ty:ident),*) => {$(
        impl Ident for $ty {
            const KIND: IdKind = IdKind::$ty;
            fn text(&self) -> &str {
                self.as_str()
            }
            fn is_valid_fn(s: &str) -> bool {
                $ty::is_valid(s)
            }
        }
    )*};
}

public_ident!(
    AilySessionId,
    AilyMessageId,
    AilyRunId,
    LexUserId,
    LexBotName,
    LexBotAlias,
    LexRegion
);

impl Ident for AilyAccessToken {
    const KIND: IdKind = IdKind::AilyAccessToken;
    fn text(&self) -> &str {
        self.expose_secret()
    }
    fn is_valid_fn(s: &str) -> bool {
        Self::is_valid(s)
    }
}

impl Ident for AilyAuthorization {
    const KIND: IdKind = IdKind::AilyAuthorization;
    fn text(&self) -> &str {
        self.expose_header_value()
    }
    fn is_valid_fn(s: &str) -> bool {
        Self::is_valid(s)
    }
}

/// Parses `input` through `FromStr` and `TryFrom<String>`, asserts both accept it and store
/// `expected`, and that `is_valid` agrees.
#[track_caller]
fn accept_as<T: Ident>(input: &str, expected: &str) -> T {
    let parsed = match input.parse::<T>() {
        Ok(v) => v,
        Err(e) => panic!("{:?}: expected {input:?} to be valid, got `{e}`", T::KIND),
    };
    assert_eq!(parsed.text(), expected, "{:?}: stored value", T::KIND);
    let owned = T::try_from(input.to_owned()).expect("TryFrom<String> disagrees with FromStr");
    assert_eq!(owned.text(), expected, "{:?}: TryFrom<String>", T::KIND);
    assert!(
        T::is_valid_fn(input),
        "{:?}: is_valid({input:?}) is false",
        T::KIND
    );
    parsed
}

#[track_caller]
fn accept<T: Ident>(input: &str) -> T {
    accept_as::<T>(input, input)
}

#[track_caller]
fn accept_all<T: Ident>(inputs: &[&str]) {
    for input in inputs {
        accept::<T>(input);
    }
}

/// One expected rejection.
struct Bad {
    input: String,
    rule: IdRule,
    index: Option<usize>,
    character: Option<char>,
    message: String,
}

fn length(input: impl Into<String>, message: &str) -> Bad {
    Bad {
        input: input.into(),
        rule: IdRule::Length,
        index: None,
        character: None,
        message: message.to_owned(),
    }
}

fn prefix(input: impl Into<String>, index: usize, character: char, message: &str) -> Bad {
    Bad {
        input: input.into(),
        rule: IdRule::Prefix,
        index: Some(index),
        character: Some(character),
        message: message.to_owned(),
    }
}

fn charset(input: impl Into<String>, index: usize, character: char, message: &str) -> Bad {
    Bad {
        input: input.into(),
        rule: IdRule::Charset,
        index: Some(index),
        character: Some(character),
        message: message.to_owned(),
    }
}

/// A charset error for a secret: the index is given, the character never is.
fn secret_charset(input: impl Into<String>, index: usize, message: &str) -> Bad {
    Bad {
        input: input.into(),
        rule: IdRule::Charset,
        index: Some(index),
        character: None,
        message: message.to_owned(),
    }
}

fn reserved(input: impl Into<String>, message: &str) -> Bad {
    Bad {
        input: input.into(),
        rule: IdRule::Reserved,
        index: None,
        character: None,
        message: message.to_owned(),
    }
}

fn scheme(input: impl Into<String>, message: &str) -> Bad {
    Bad {
        input: input.into(),
        rule: IdRule::Scheme,
        index: None,
        character: None,
        message: message.to_owned(),
    }
}

/// The house rules every message follows: `invalid <name>: <detail>`, the detail not
/// capitalised, no trailing period.
#[track_caller]
fn assert_message_style(kind: IdKind, message: &str) {
    let head = format!("invalid {}: ", kind.name());
    let detail = message
        .strip_prefix(&head)
        .unwrap_or_else(|| panic!("{message:?} does not start with {head:?}"));
    let first = detail.chars().next().expect("empty detail");
    assert!(!first.is_uppercase(), "{message:?}: detail is capitalised");
    assert!(!message.ends_with('.'), "{message:?} ends with a period");
    assert!(!message.contains('\n'), "{message:?} spans lines");
}

/// Asserts every accessor and the exact message of the error `input` gives, and that the
/// other constructors and `is_valid` reject it the same way.
#[track_caller]
fn reject<T: Ident>(bad: &Bad) -> IdError {
    let input = bad.input.as_str();
    let err = match input.parse::<T>() {
        Ok(v) => panic!(
            "{:?}: expected {input:?} to be rejected, got {v:?}",
            T::KIND
        ),
        Err(e) => e,
    };
    assert_eq!(err.kind(), T::KIND, "kind for {input:?}");
    assert_eq!(err.rule(), bad.rule, "rule for {input:?}");
    assert_eq!(err.index(), bad.index, "index for {input:?}");
    assert_eq!(err.character(), bad.character, "character for {input:?}");
    assert_eq!(err.found_len(), input.len(), "found_len for {input:?}");
    assert_eq!(err.to_string(), bad.message, "message for {input:?}");
    assert_message_style(T::KIND, &err.to_string());
    let owned = T::try_from(input.to_owned()).expect_err("TryFrom<String> accepted it");
    assert_eq!(
        owned, err,
        "TryFrom<String> gives another error for {input:?}"
    );
    assert!(
        !T::is_valid_fn(input),
        "{:?}: is_valid({input:?}) is true",
        T::KIND
    );
    err
}

#[track_caller]
fn reject_all<T: Ident>(table: &[Bad]) {
    for bad in table {
        reject::<T>(bad);
    }
}

/// A 1 MiB value of valid-looking bytes is rejected by its length with a short message.
#[track_caller]
fn reject_huge<T: Ident>(head: &str) {
    let mut input = String::from(head);
    input.push_str(&"a".repeat((1 << 20) - head.len()));
    assert_eq!(input.len(), 1 << 20);
    let err = input.parse::<T>().expect_err("1 MiB value accepted");
    let (_, max) = T::KIND.len_bounds();
    assert_eq!(err.rule(), IdRule::Length);
    assert_eq!(err.found_len(), 1 << 20);
    assert_eq!(err.index(), None);
    assert_eq!(err.character(), None);
    let message = err.to_string();
    assert_eq!(
        message,
        format!(
            "invalid {}: length 1048576 exceeds the maximum of {max} bytes",
            T::KIND.name()
        )
    );
    assert!(
        message.len() < 100,
        "{message:?} is {} bytes",
        message.len()
    );
}

fn repeat(s: &str, n: usize) -> String {
    s.repeat(n)
}

// ---------------------------------------------------------------------------------------------
// Aily session, message and run ids
// ---------------------------------------------------------------------------------------------

#[test]
fn aily_session_id_valid() {
    accept_all::<AilySessionId>(&[
        "session_4dfunz7sp1g8m",
        "session_0",
        "session_z",
        "session_0123456789abcdefgh",
        "session_jkmnpqrstuvwxyz",
    ]);
    // Longest: 24 symbols, 32 bytes.
    let longest = format!("session_{}", repeat("z", 24));
    assert_eq!(longest.len(), 32);
    accept::<AilySessionId>(&longest);
    assert_eq!("session_0".len(), 9);
}

#[test]
fn aily_session_id_rejected() {
    reject_all::<AilySessionId>(&[
        length(
            "",
            "invalid Aily session id: length 0 is below the minimum of 9 bytes",
        ),
        length(
            "session_",
            "invalid Aily session id: length 8 is below the minimum of 9 bytes",
        ),
        // The length is checked before the prefix.
        length(
            "Session_",
            "invalid Aily session id: length 8 is below the minimum of 9 bytes",
        ),
        length(
            format!("session_{}", repeat("z", 25)),
            "invalid Aily session id: length 33 exceeds the maximum of 32 bytes",
        ),
        length(
            format!("session_{}", repeat("i", 25)),
            "invalid Aily session id: length 33 exceeds the maximum of 32 bytes",
        ),
        prefix(
            "Session_1",
            0,
            'S',
            "invalid Aily session id: character 'S' at byte 0 does not match the prefix \"session_\"",
        ),
        prefix(
            "session-1",
            7,
            '-',
            "invalid Aily session id: character '-' at byte 7 does not match the prefix \"session_\"",
        ),
        prefix(
            "sessions_1",
            7,
            's',
            "invalid Aily session id: character 's' at byte 7 does not match the prefix \"session_\"",
        ),
        prefix(
            "SESSION_1",
            0,
            'S',
            "invalid Aily session id: character 'S' at byte 0 does not match the prefix \"session_\"",
        ),
        prefix(
            " session_1",
            0,
            ' ',
            "invalid Aily session id: character ' ' at byte 0 does not match the prefix \"session_\"",
        ),
        prefix(
            "message_1",
            0,
            'm',
            "invalid Aily session id: character 'm' at byte 0 does not match the prefix \"session_\"",
        ),
        prefix(
            "sessioné1",
            7,
            'é',
            "invalid Aily session id: character 'é' at byte 7 does not match the prefix \"session_\"",
        ),
        charset(
            "session_i",
            8,
            'i',
            "invalid Aily session id: character 'i' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_1i",
            9,
            'i',
            "invalid Aily session id: character 'i' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_4dfunz7sp1g8i",
            20,
            'i',
            "invalid Aily session id: character 'i' at byte 20 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_l",
            8,
            'l',
            "invalid Aily session id: character 'l' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_o",
            8,
            'o',
            "invalid Aily session id: character 'o' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_4dfunz7sp1g8M",
            20,
            'M',
            "invalid Aily session id: character 'M' at byte 20 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_A",
            8,
            'A',
            "invalid Aily session id: character 'A' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_a_b",
            9,
            '_',
            "invalid Aily session id: character '_' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session__",
            8,
            '_',
            "invalid Aily session id: character '_' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_a/b",
            9,
            '/',
            "invalid Aily session id: character '/' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_1 ",
            9,
            ' ',
            "invalid Aily session id: character ' ' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_é",
            8,
            'é',
            "invalid Aily session id: character 'é' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_1\0",
            9,
            '\0',
            "invalid Aily session id: character '\\0' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_1\u{1}",
            9,
            '\u{1}',
            "invalid Aily session id: character '\\u{1}' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_1\n",
            9,
            '\n',
            "invalid Aily session id: character '\\n' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "session_-",
            8,
            '-',
            "invalid Aily session id: character '-' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        // Only the first offending character is reported.
        charset(
            "session_zzAi",
            10,
            'A',
            "invalid Aily session id: character 'A' at byte 10 is not in [0-9a-hjkmnp-z]",
        ),
    ]);
    reject_huge::<AilySessionId>("session_");
}

#[test]
fn aily_alphabet_is_exactly_33_symbols() {
    let mut members = String::new();
    for b in 0u8..=127 {
        let c = char::from(b);
        let input = format!("session_{c}");
        if AilySessionId::is_valid(&input) {
            members.push(c);
            assert!(AilyMessageId::is_valid(&format!("message_{c}")));
            assert!(AilyRunId::is_valid(&format!("run_{c}")));
        } else {
            let err = reject::<AilySessionId>(&charset(
                input.clone(),
                8,
                c,
                &format!(
                    "invalid Aily session id: character {c:?} at byte 8 is not in [0-9a-hjkmnp-z]"
                ),
            ));
            assert_eq!(err.rule(), IdRule::Charset);
        }
    }
    assert_eq!(members, "0123456789abcdefghjkmnpqrstuvwxyz");
    assert_eq!(members.len(), 33);
}

#[test]
fn aily_message_id_valid() {
    accept_all::<AilyMessageId>(&[
        "message_4dfunz7sp1g8m",
        "message_0",
        "message_0123456789abcdefgh",
        "message_jkmnpqrstuvwxyz",
    ]);
    let longest = format!("message_{}", repeat("9", 24));
    assert_eq!(longest.len(), 32);
    accept::<AilyMessageId>(&longest);
}

#[test]
fn aily_message_id_rejected() {
    reject_all::<AilyMessageId>(&[
        length(
            "message_",
            "invalid Aily message id: length 8 is below the minimum of 9 bytes",
        ),
        length(
            format!("message_{}", repeat("9", 25)),
            "invalid Aily message id: length 33 exceeds the maximum of 32 bytes",
        ),
        prefix(
            "Message_1",
            0,
            'M',
            "invalid Aily message id: character 'M' at byte 0 does not match the prefix \"message_\"",
        ),
        prefix(
            "message-1",
            7,
            '-',
            "invalid Aily message id: character '-' at byte 7 does not match the prefix \"message_\"",
        ),
        prefix(
            "messages_1",
            7,
            's',
            "invalid Aily message id: character 's' at byte 7 does not match the prefix \"message_\"",
        ),
        prefix(
            "session_4dfunz7sp1g8m",
            0,
            's',
            "invalid Aily message id: character 's' at byte 0 does not match the prefix \"message_\"",
        ),
        charset(
            "message_o",
            8,
            'o',
            "invalid Aily message id: character 'o' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_1i",
            9,
            'i',
            "invalid Aily message id: character 'i' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_1l",
            9,
            'l',
            "invalid Aily message id: character 'l' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_Z",
            8,
            'Z',
            "invalid Aily message id: character 'Z' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_a_",
            9,
            '_',
            "invalid Aily message id: character '_' at byte 9 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_/",
            8,
            '/',
            "invalid Aily message id: character '/' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_ ",
            8,
            ' ',
            "invalid Aily message id: character ' ' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_é",
            8,
            'é',
            "invalid Aily message id: character 'é' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_\0",
            8,
            '\0',
            "invalid Aily message id: character '\\0' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "message_\u{7f}",
            8,
            '\u{7f}',
            "invalid Aily message id: character '\\u{7f}' at byte 8 is not in [0-9a-hjkmnp-z]",
        ),
    ]);
    reject_huge::<AilyMessageId>("message_");
}

#[test]
fn aily_run_id_valid() {
    accept_all::<AilyRunId>(&[
        "run_4dfunz7sp1g8m",
        "run_0",
        "run_0123456789abcdefghjkmnpqrs",
    ]);
    let longest = format!("run_{}", repeat("a", 28));
    assert_eq!(longest.len(), 32);
    accept::<AilyRunId>(&longest);
}

#[test]
fn aily_run_id_rejected() {
    reject_all::<AilyRunId>(&[
        length(
            "run_",
            "invalid Aily run id: length 4 is below the minimum of 5 bytes",
        ),
        length(
            "r",
            "invalid Aily run id: length 1 is below the minimum of 5 bytes",
        ),
        length(
            format!("run_{}", repeat("a", 29)),
            "invalid Aily run id: length 33 exceeds the maximum of 32 bytes",
        ),
        prefix(
            "Run_1",
            0,
            'R',
            "invalid Aily run id: character 'R' at byte 0 does not match the prefix \"run_\"",
        ),
        prefix(
            "run-1",
            3,
            '-',
            "invalid Aily run id: character '-' at byte 3 does not match the prefix \"run_\"",
        ),
        prefix(
            "runs_1",
            3,
            's',
            "invalid Aily run id: character 's' at byte 3 does not match the prefix \"run_\"",
        ),
        prefix(
            "rum_1",
            2,
            'm',
            "invalid Aily run id: character 'm' at byte 2 does not match the prefix \"run_\"",
        ),
        charset(
            "run_l",
            4,
            'l',
            "invalid Aily run id: character 'l' at byte 4 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run_1i",
            5,
            'i',
            "invalid Aily run id: character 'i' at byte 5 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run_o",
            4,
            'o',
            "invalid Aily run id: character 'o' at byte 4 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run_B",
            4,
            'B',
            "invalid Aily run id: character 'B' at byte 4 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run__",
            4,
            '_',
            "invalid Aily run id: character '_' at byte 4 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run_1/",
            5,
            '/',
            "invalid Aily run id: character '/' at byte 5 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run_ 1",
            4,
            ' ',
            "invalid Aily run id: character ' ' at byte 4 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run_é",
            4,
            'é',
            "invalid Aily run id: character 'é' at byte 4 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run_\0",
            4,
            '\0',
            "invalid Aily run id: character '\\0' at byte 4 is not in [0-9a-hjkmnp-z]",
        ),
        charset(
            "run_\t",
            4,
            '\t',
            "invalid Aily run id: character '\\t' at byte 4 is not in [0-9a-hjkmnp-z]",
        ),
    ]);
    reject_huge::<AilyRunId>("run_");
}

// ---------------------------------------------------------------------------------------------
// Lex identifiers
// ---------------------------------------------------------------------------------------------

#[test]
fn lex_user_id_valid() {
    accept_all::<LexUserId>(&[
        "ab",
        "user:42.eu-west-1",
        "0123456789",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        "._:-",
        "...",
        ".a",
        "a.",
        "--",
        "::",
        "__",
        "6f1c2d4e-9b8a-4c3d-8e7f-0a1b2c3d",
    ]);
    accept::<LexUserId>(&repeat("u", 100));
    accept::<LexUserId>(&repeat(".", 100));
}

#[test]
fn lex_user_id_rejected() {
    const SET: &str = "[0-9a-zA-Z._:-]";
    let at = |input: &str, index: usize, c: char| {
        charset(
            input,
            index,
            c,
            &format!("invalid Lex user id: character {c:?} at byte {index} is not in {SET}"),
        )
    };
    reject_all::<LexUserId>(&[
        length(
            "",
            "invalid Lex user id: length 0 is below the minimum of 2 bytes",
        ),
        length(
            "a",
            "invalid Lex user id: length 1 is below the minimum of 2 bytes",
        ),
        length(
            ".",
            "invalid Lex user id: length 1 is below the minimum of 2 bytes",
        ),
        length(
            repeat("u", 101),
            "invalid Lex user id: length 101 exceeds the maximum of 100 bytes",
        ),
        // Length is in bytes: 50 two-byte characters fit, 51 do not.
        length(
            format!("{}a", repeat("é", 50)),
            "invalid Lex user id: length 101 exceeds the maximum of 100 bytes",
        ),
        reserved(
            "..",
            "invalid Lex user id: \"..\" is a dot-segment, which no URL path can carry",
        ),
        charset(
            "user 42",
            4,
            ' ',
            "invalid Lex user id: character ' ' at byte 4 is not in [0-9a-zA-Z._:-]",
        ),
        at("user/42", 4, '/'),
        at("usér", 2, 'é'),
        at("é", 0, 'é'),
        at(&repeat("é", 50), 0, 'é'),
        at("a\0", 1, '\0'),
        at("a\u{1}", 1, '\u{1}'),
        at("a\r", 1, '\r'),
        at("a$", 1, '$'),
        at("a~", 1, '~'),
        at("a@b", 1, '@'),
        at("a+b", 1, '+'),
        at("a=b", 1, '='),
        at("a%2e", 1, '%'),
        at(" ..", 0, ' '),
        at("../", 2, '/'),
        at("ab\u{2028}", 2, '\u{2028}'),
    ]);
    reject_huge::<LexUserId>("");
}

#[test]
fn lex_bot_name_valid() {
    accept_all::<LexBotName>(&[
        "ab",
        "a_",
        "a_b",
        "ZZ",
        "Order_Flowers",
        "OrderFlowers",
        "A_b_C_",
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    ]);
    accept::<LexBotName>(&repeat("a", 50));
    accept::<LexBotName>(&repeat("a_", 25));
}

#[test]
fn lex_bot_name_rejected() {
    let first = |input: &str, index: usize, c: char| {
        charset(
            input,
            index,
            c,
            &format!("invalid Lex bot name: character {c:?} at byte {index} is not in [A-Za-z]"),
        )
    };
    let body = |input: &str, index: usize, c: char| {
        charset(
            input,
            index,
            c,
            &format!("invalid Lex bot name: character {c:?} at byte {index} is not in [A-Za-z_]"),
        )
    };
    reject_all::<LexBotName>(&[
        length(
            "",
            "invalid Lex bot name: length 0 is below the minimum of 2 bytes",
        ),
        length(
            "a",
            "invalid Lex bot name: length 1 is below the minimum of 2 bytes",
        ),
        length(
            "_",
            "invalid Lex bot name: length 1 is below the minimum of 2 bytes",
        ),
        length(
            repeat("a", 51),
            "invalid Lex bot name: length 51 exceeds the maximum of 50 bytes",
        ),
        charset(
            "a__b",
            2,
            '_',
            "invalid Lex bot name: character '_' at byte 2 is not in [A-Za-z]",
        ),
        charset(
            "_a",
            0,
            '_',
            "invalid Lex bot name: character '_' at byte 0 is not in [A-Za-z]",
        ),
        first("__", 0, '_'),
        first("1Bot", 0, '1'),
        first("$LATEST", 0, '$'),
        first(" a", 0, ' '),
        first("éa", 0, 'é'),
        first("a_1", 2, '1'),
        first("a_é", 2, 'é'),
        first("a_ b", 2, ' '),
        body("Bot-A", 3, '-'),
        body("Bot1", 3, '1'),
        body("a b", 1, ' '),
        body("a/b", 1, '/'),
        body("aé", 1, 'é'),
        body("a\0", 1, '\0'),
        body("a\u{1b}", 1, '\u{1b}'),
        body("a.", 1, '.'),
        body("a:b", 1, ':'),
    ]);
    reject_huge::<LexBotName>("");
}

#[test]
fn lex_bot_alias_valid() {
    accept_all::<LexBotAlias>(&["$LATEST", "a", "Z", "a_", "prod", "Prod_EU", "LATEST"]);
    accept::<LexBotAlias>(&repeat("a", 100));
    accept::<LexBotAlias>(&repeat("a_", 50));
}

#[test]
fn lex_bot_alias_rejected() {
    let first = |input: &str, index: usize, c: char| {
        charset(
            input,
            index,
            c,
            &format!("invalid Lex bot alias: character {c:?} at byte {index} is not in [A-Za-z]"),
        )
    };
    let body = |input: &str, index: usize, c: char| {
        charset(
            input,
            index,
            c,
            &format!("invalid Lex bot alias: character {c:?} at byte {index} is not in [A-Za-z_]"),
        )
    };
    reject_all::<LexBotAlias>(&[
        length(
            "",
            "invalid Lex bot alias: length 0 is below the minimum of 1 byte",
        ),
        length(
            repeat("a", 101),
            "invalid Lex bot alias: length 101 exceeds the maximum of 100 bytes",
        ),
        charset(
            "$latest",
            0,
            '$',
            "invalid Lex bot alias: character '$' at byte 0 is not in [A-Za-z]",
        ),
        first("$Latest", 0, '$'),
        first("$LATES", 0, '$'),
        first("$LATEST ", 0, '$'),
        first(" $LATEST", 0, ' '),
        body("LE$AT", 2, '$'),
        first("_prod", 0, '_'),
        first("_", 0, '_'),
        first(".", 0, '.'),
        first("..", 0, '.'),
        first("a__b", 2, '_'),
        first("a_1", 2, '1'),
        body("pro-d", 3, '-'),
        body("a b", 1, ' '),
        body("a/b", 1, '/'),
        body("aé", 1, 'é'),
        body("a\0", 1, '\0'),
        body("a\u{7}", 1, '\u{7}'),
        body("LATEST$", 6, '$'),
    ]);
    reject_huge::<LexBotAlias>("");
}

#[test]
fn lex_bot_alias_latest() {
    assert_eq!(LexBotAlias::LATEST, "$LATEST");
    assert_eq!(LexBotAlias::LATEST.as_str(), "$LATEST");
    assert!(LexBotAlias::LATEST.is_latest());
    assert!(accept::<LexBotAlias>("$LATEST").is_latest());
    assert_eq!(accept::<LexBotAlias>("$LATEST"), LexBotAlias::LATEST);
    for not_latest in ["LATEST", "latest", "prod", "a"] {
        assert!(
            !accept::<LexBotAlias>(not_latest).is_latest(),
            "{not_latest}"
        );
    }
    assert!(!LexBotAlias::is_valid("$latest"));
    assert!(LexBotAlias::is_valid("$LATEST"));
    // `$LATEST` is an alias, never a bot name.
    assert!(!LexBotName::is_valid("$LATEST"));
}

#[test]
fn lex_region_valid() {
    accept_all::<LexRegion>(&[
        "eu-west-1",
        "us-east-1",
        "ap-southeast-2",
        "a",
        "0",
        "cn-north-1",
    ]);
    accept::<LexRegion>(&repeat("z", 32));
    let region = accept::<LexRegion>("eu-west-1");
    assert_eq!(
        region.endpoint(),
        "https://runtime.lex.eu-west-1.amazonaws.com"
    );
}

#[test]
fn lex_region_rejected() {
    let at = |input: &str, index: usize, c: char| {
        charset(
            input,
            index,
            c,
            &format!("invalid Lex region: character {c:?} at byte {index} is not in [a-z0-9-]"),
        )
    };
    reject_all::<LexRegion>(&[
        length(
            "",
            "invalid Lex region: length 0 is below the minimum of 1 byte",
        ),
        length(
            repeat("z", 33),
            "invalid Lex region: length 33 exceeds the maximum of 32 bytes",
        ),
        charset(
            "EU-WEST-1",
            0,
            'E',
            "invalid Lex region: character 'E' at byte 0 is not in [a-z0-9-]",
        ),
        // Nothing that could end the host name, start a port or a path, or add a domain.
        at("us-east-1.example.com", 9, '.'),
        at("us-east-1:443", 9, ':'),
        at("us-east-1/", 9, '/'),
        at("us-east-1@evil", 9, '@'),
        at("us-east-1?", 9, '?'),
        at("us-east-1#", 9, '#'),
        at("us east", 2, ' '),
        at("us_east", 2, '_'),
        at("é", 0, 'é'),
        at("a\0", 1, '\0'),
        at("a\n", 1, '\n'),
    ]);
    reject_huge::<LexRegion>("");
}

// ---------------------------------------------------------------------------------------------
// Access tokens and the Authorization header
// ---------------------------------------------------------------------------------------------

const SEED_TOKEN: &str = "u-7f1bcd13fc57d46bac21793a18e560";
const SEED_HEADER: &str = "Bearer u-7f1bcd13fc57d46bac21793a18e560";

const TOKEN_FIRST: &str = "[A-Za-z0-9-._~+/]";
const TOKEN_BODY: &str = "[A-Za-z0-9-._~+/=]";

#[test]
fn aily_access_token_valid() {
    accept_all::<AilyAccessToken>(&[
        SEED_TOKEN,
        "t-g1044qeGEDXTB6NDJOGV4JQX",
        "a-abc",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl",
        "a",
        "~",
        "-._~+/",
        "abc==",
        "a=",
        "ABCXYZabcxyz0189",
    ]);
    accept::<AilyAccessToken>(&repeat("a", 8192));
    accept::<AilyAccessToken>(&format!("a{}", repeat("=", 8191)));
}

/// A token rejection, checked as a secret: no character, and no window of the token in the
/// message or in the error's `Debug`.
#[track_caller]
fn reject_secret<T: Ident>(bad: &Bad, secret: &str) {
    let err = reject::<T>(bad);
    assert_eq!(err.character(), None);
    assert_no_secret_window(&err.to_string(), secret);
    assert_no_secret_window(&format!("{err:?}"), secret);
}

#[test]
fn aily_access_token_rejected() {
    let first_msg =
        |i: usize| format!("invalid Aily access token: byte {i} is not in {TOKEN_FIRST}");
    let body_msg = |i: usize| format!("invalid Aily access token: byte {i} is not in {TOKEN_BODY}");
    let pad_msg = |i: usize| format!("invalid Aily access token: byte {i} is not in [=]");
    let table = [
        length(
            "",
            "invalid Aily access token: length 0 is below the minimum of 1 byte",
        ),
        length(
            repeat("q", 8193),
            "invalid Aily access token: length 8193 exceeds the maximum of 8192 bytes",
        ),
        secret_charset("=abc", 0, &first_msg(0)),
        secret_charset("=", 0, &first_msg(0)),
        secret_charset("abc=d", 4, &pad_msg(4)),
        secret_charset("qwer==tyu", 6, &pad_msg(6)),
        secret_charset("qwer= ", 5, &pad_msg(5)),
        secret_charset("t-qwer tyui", 6, &body_msg(6)),
        secret_charset("t-qwer,tyui", 6, &body_msg(6)),
        secret_charset("t-qwerétyui", 6, &body_msg(6)),
        secret_charset("t-qwer\0tyui", 6, &body_msg(6)),
        secret_charset("t-qwer\u{1}tyui", 6, &body_msg(6)),
        secret_charset("t-qwer%tyui", 6, &body_msg(6)),
        secret_charset("t-qwer\"tyui", 6, &body_msg(6)),
        secret_charset(" qwertyui", 0, &first_msg(0)),
        secret_charset("éqwertyui", 0, &first_msg(0)),
        secret_charset("\0qwertyui", 0, &first_msg(0)),
        secret_charset("qwertyui\n", 8, &body_msg(8)),
    ];
    for bad in &table {
        reject_secret::<AilyAccessToken>(bad, &bad.input);
    }
    reject_huge::<AilyAccessToken>("");
}

#[test]
fn aily_authorization_valid() {
    accept_as::<AilyAuthorization>(SEED_HEADER, SEED_HEADER);
    accept_as::<AilyAuthorization>("Bearer a", "Bearer a");
    accept_as::<AilyAuthorization>("Bearer abc==", "Bearer abc==");
    let longest = format!("Bearer {}", repeat("a", 8192));
    assert_eq!(longest.len(), 8199);
    accept_as::<AilyAuthorization>(&longest, &longest);
    // The scheme is matched in any case and rendered canonically.
    for scheme in ["bearer", "BEARER", "bEaReR", "Bearer", "BeArEr"] {
        let input = format!("{scheme} {SEED_TOKEN}");
        let auth = accept_as::<AilyAuthorization>(&input, SEED_HEADER);
        assert_eq!(auth.expose_header_value(), SEED_HEADER);
        assert_eq!(auth.expose_token(), SEED_TOKEN);
    }
}

#[test]
fn aily_authorization_canonicalises_scheme() {
    for (input, header, token) in [
        ("bearer x", "Bearer x", "x"),
        ("BEARER x", "Bearer x", "x"),
        ("Bearer x", "Bearer x", "x"),
        ("bEARER t-abc==", "Bearer t-abc==", "t-abc=="),
    ] {
        let parsed: AilyAuthorization = input.parse().unwrap();
        assert_eq!(parsed.expose_header_value(), header);
        assert_eq!(parsed.expose_token(), token);
        let owned = AilyAuthorization::try_from(input.to_owned()).unwrap();
        assert_eq!(owned.expose_header_value(), header);
        assert_eq!(owned, parsed);
        let from_token = AilyAuthorization::from_token(&token.parse().unwrap());
        assert_eq!(from_token.expose_header_value(), header);
        assert_eq!(from_token, parsed);
        let via_from = AilyAuthorization::from(&token.parse::<AilyAccessToken>().unwrap());
        assert_eq!(via_from, parsed);
        assert_eq!(parsed.token().expose_secret(), token);
    }
    // Different schemes' case compare equal once parsed, because the value is canonical.
    assert_eq!(
        "bearer x".parse::<AilyAuthorization>().unwrap(),
        "BEARER x".parse::<AilyAuthorization>().unwrap()
    );
    assert_ne!(
        "Bearer x".parse::<AilyAuthorization>().unwrap(),
        "Bearer X".parse::<AilyAuthorization>().unwrap()
    );
}

#[test]
fn aily_authorization_rejected() {
    const SCHEME: &str = "invalid Aily authorization: does not start with the scheme \"Bearer\" \
                          (any case) and exactly one space";
    let first_msg =
        |i: usize| format!("invalid Aily authorization: byte {i} is not in {TOKEN_FIRST}");
    let body_msg =
        |i: usize| format!("invalid Aily authorization: byte {i} is not in {TOKEN_BODY}");
    let pad_msg = |i: usize| format!("invalid Aily authorization: byte {i} is not in [=]");
    // (case, the secret part that must not leak)
    let table = [
        (
            length(
                "",
                "invalid Aily authorization: length 0 is below the minimum of 8 bytes",
            ),
            "",
        ),
        (
            length(
                "Bearer ",
                "invalid Aily authorization: length 7 is below the minimum of 8 bytes",
            ),
            "",
        ),
        (
            length(
                format!("Bearer {}", repeat("q", 8193)),
                "invalid Aily authorization: length 8200 exceeds the maximum of 8199 bytes",
            ),
            "",
        ),
        (scheme(SEED_TOKEN, SCHEME), SEED_TOKEN),
        (scheme("Basic dTp4cXdlcnR5", SCHEME), "dTp4cXdlcnR5"),
        (scheme("Bearer\tqwertyui", SCHEME), "qwertyui"),
        (scheme("Bearerqwertyui", SCHEME), "qwertyui"),
        (scheme("Bearer=qwertyui", SCHEME), "qwertyui"),
        (scheme(" Bearer qwertyui", SCHEME), "qwertyui"),
        (scheme("Bearér qwertyui", SCHEME), "qwertyui"),
        (scheme("Token qwertyui", SCHEME), "qwertyui"),
        (scheme("Bearer\u{a0}qwertyui", SCHEME), "qwertyui"),
        // The scheme and one space are there; what follows is not a token.
        (
            secret_charset("Bearer  qwertyui", 7, &first_msg(7)),
            "qwertyui",
        ),
        (
            secret_charset("Bearer =qwertyui", 7, &first_msg(7)),
            "qwertyui",
        ),
        (
            secret_charset("Bearer qwer=tyui", 12, &pad_msg(12)),
            "qwer=tyui",
        ),
        (secret_charset("Bearer abc=d", 11, &pad_msg(11)), "abc=d"),
        (
            secret_charset("Bearer u-qwer tyui", 13, &body_msg(13)),
            "u-qwer tyui",
        ),
        (
            secret_charset("Bearer u-qwerétyui", 13, &body_msg(13)),
            "u-qwerétyui",
        ),
        (
            secret_charset("Bearer u-qwer\0tyui", 13, &body_msg(13)),
            "u-qwer\0tyui",
        ),
        (
            secret_charset("Bearer u-qwer\u{1}", 13, &body_msg(13)),
            "u-qwer\u{1}",
        ),
        (
            secret_charset("Bearer u-qwertyui ", 17, &body_msg(17)),
            "u-qwertyui",
        ),
    ];
    for (bad, secret) in &table {
        reject_secret::<AilyAuthorization>(bad, secret);
    }
    reject_huge::<AilyAuthorization>("Bearer ");
}

#[test]
fn aily_token_kind() {
    for (token, kind, name) in [
        (
            "t-g1044qeGEDXTB6NDJOGV4JQX",
            AilyTokenKind::Tenant,
            "tenant_access_token",
        ),
        ("t-", AilyTokenKind::Tenant, "tenant_access_token"),
        ("a-abc", AilyTokenKind::App, "app_access_token"),
        (SEED_TOKEN, AilyTokenKind::User, "user_access_token"),
        (
            "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
            AilyTokenKind::User,
            "user_access_token",
        ),
        ("eyJ", AilyTokenKind::User, "user_access_token"),
        ("T-abc", AilyTokenKind::Unknown, "unknown"),
        ("U-abc", AilyTokenKind::Unknown, "unknown"),
        ("eyj", AilyTokenKind::Unknown, "unknown"),
        ("ey", AilyTokenKind::Unknown, "unknown"),
        ("t", AilyTokenKind::Unknown, "unknown"),
        ("tabc", AilyTokenKind::Unknown, "unknown"),
        ("x-abc", AilyTokenKind::Unknown, "unknown"),
        ("abc==", AilyTokenKind::Unknown, "unknown"),
    ] {
        let parsed: AilyAccessToken = token.parse().unwrap();
        assert_eq!(parsed.kind(), kind, "{token}");
        assert_eq!(parsed.kind().as_str(), name, "{token}");
        let auth: AilyAuthorization = format!("bearer {token}").parse().unwrap();
        assert_eq!(auth.kind(), kind, "{token}");
    }
}

#[test]
fn seed_examples() {
    let session = accept::<AilySessionId>("session_4dfunz7sp1g8m");
    assert_eq!(session.as_str().len(), 21);
    let token = accept::<AilyAccessToken>(SEED_TOKEN);
    assert_eq!(token.kind(), AilyTokenKind::User);
    let auth = accept_as::<AilyAuthorization>(SEED_HEADER, SEED_HEADER);
    assert_eq!(auth.expose_token(), SEED_TOKEN);
    assert_eq!(auth.token(), token);
    assert_eq!(AilyAuthorization::from_token(&token), auth);
}

// ---------------------------------------------------------------------------------------------
// `from_static`, `is_valid`, `IdKind`
// ---------------------------------------------------------------------------------------------

const SESSION: AilySessionId = AilySessionId::from_static("session_4dfunz7sp1g8m");
const MESSAGE: AilyMessageId = AilyMessageId::from_static("message_4dfunz7sp1g8m");
const RUN: AilyRunId = AilyRunId::from_static("run_4dfunz7sp1g8m");
const USER: LexUserId = LexUserId::from_static("user:42.eu-west-1");
const BOT: LexBotName = LexBotName::from_static("Order_Flowers");
const ALIAS: LexBotAlias = LexBotAlias::from_static("prod");
const REGION: LexRegion = LexRegion::from_static("eu-west-1");
const SESSION_OK: bool = AilySessionId::is_valid("session_0");
const SESSION_BAD: bool = AilySessionId::is_valid("session_i");

#[test]
fn from_static_in_const_items() {
    assert_eq!(SESSION, "session_4dfunz7sp1g8m");
    assert_eq!(SESSION, accept::<AilySessionId>("session_4dfunz7sp1g8m"));
    assert_eq!(MESSAGE.as_str(), "message_4dfunz7sp1g8m");
    assert_eq!(RUN.as_str(), "run_4dfunz7sp1g8m");
    assert_eq!(USER.as_str(), "user:42.eu-west-1");
    assert_eq!(BOT.as_str(), "Order_Flowers");
    assert_eq!(ALIAS.as_str(), "prod");
    assert_eq!(REGION.as_str(), "eu-west-1");
    const { assert!(SESSION_OK) };
    const { assert!(!SESSION_BAD) };
}

#[test]
fn from_static_at_run_time() {
    let s: &'static str = "session_4dfunz7sp1g8m";
    assert_eq!(AilySessionId::from_static(s), SESSION);
    let s: &'static str = "$LATEST";
    assert_eq!(LexBotAlias::from_static(s), LexBotAlias::LATEST);
    let s: &'static str = "a_";
    assert_eq!(LexBotName::from_static(s).as_str(), "a_");
    let s: &'static str = "...";
    assert_eq!(LexUserId::from_static(s).as_str(), "...");
    let s: &'static str = "run_0";
    assert_eq!(AilyRunId::from_static(s).as_str(), "run_0");
    let s: &'static str = "message_0";
    assert_eq!(AilyMessageId::from_static(s).as_str(), "message_0");
}

const TOKEN: AilyAccessToken = AilyAccessToken::from_static("t-g1044ghJFNCAY7LDLSCQ4AHZCBBPBJK");
const AUTHORIZATION: AilyAuthorization =
    AilyAuthorization::from_static("Bearer u-7f1bcd13fc57d46bac21793a18e560");
const TOKEN_OK: bool = AilyAccessToken::is_valid("abc==");
const TOKEN_BAD: bool = AilyAccessToken::is_valid("abc=d");
const AUTHORIZATION_ANY_CASE: bool = AilyAuthorization::is_valid("bEaReR u-7f1b");

#[test]
fn secret_from_static_in_const_items() {
    assert_eq!(TOKEN.kind(), AilyTokenKind::Tenant);
    assert_eq!(TOKEN.expose_secret(), "t-g1044ghJFNCAY7LDLSCQ4AHZCBBPBJK");
    assert_eq!(
        TOKEN,
        accept::<AilyAccessToken>("t-g1044ghJFNCAY7LDLSCQ4AHZCBBPBJK")
    );
    assert_eq!(AUTHORIZATION.kind(), AilyTokenKind::User);
    assert_eq!(
        AUTHORIZATION,
        "bearer u-7f1bcd13fc57d46bac21793a18e560"
            .parse::<AilyAuthorization>()
            .unwrap()
    );
    assert_eq!(
        AUTHORIZATION.token().expose_secret(),
        "u-7f1bcd13fc57d46bac21793a18e560"
    );
    const { assert!(TOKEN_OK) };
    const { assert!(!TOKEN_BAD) };
    const { assert!(AUTHORIZATION_ANY_CASE) };
    assert_no_secret_window(&format!("{TOKEN:?}"), TOKEN.expose_secret());
    assert_no_secret_window(&format!("{AUTHORIZATION:?}"), AUTHORIZATION.expose_token());
}

/// The secret types' `from_static` panics without quoting the literal, and the authorization
/// literal must spell the canonical scheme.
#[test]
fn secret_from_static_panics_without_the_secret() {
    for (literal, kind) in [
        ("t-secret token", "AilyAccessToken"),
        ("", "AilyAccessToken"),
        ("Bearer t-secret token", "AilyAuthorization"),
        ("bearer t-secrettoken", "AilyAuthorization"),
        ("BEARER t-secrettoken", "AilyAuthorization"),
        ("Bearer ", "AilyAuthorization"),
        ("Bearer", "AilyAuthorization"),
    ] {
        let literal: &'static str = std::hint::black_box(literal);
        let panic = std::panic::catch_unwind(|| {
            if kind == "AilyAccessToken" {
                drop(AilyAccessToken::from_static(literal));
            } else {
                drop(AilyAuthorization::from_static(literal));
            }
        })
        .expect_err(literal);
        let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
        assert_eq!(
            message,
            format!("invalid literal for {kind}"),
            "{literal:?}"
        );
        assert!(!message.contains("secret"));
    }
    let literal: &'static str = std::hint::black_box("Bearer t-secrettoken");
    assert_eq!(
        AilyAuthorization::from_static(literal).expose_header_value(),
        literal
    );
}

#[test]
#[should_panic(expected = "invalid literal for AilySessionId")]
fn from_static_panics_on_bad_session_id() {
    let s: &'static str = std::hint::black_box("session_i");
    let _ = AilySessionId::from_static(s);
}

#[test]
#[should_panic(expected = "invalid literal for AilyMessageId")]
fn from_static_panics_on_bad_message_id() {
    let s: &'static str = std::hint::black_box("message_");
    let _ = AilyMessageId::from_static(s);
}

#[test]
#[should_panic(expected = "invalid literal for AilyRunId")]
fn from_static_panics_on_bad_run_id() {
    let s: &'static str = std::hint::black_box("Run_1");
    let _ = AilyRunId::from_static(s);
}

#[test]
#[should_panic(expected = "invalid literal for LexUserId")]
fn from_static_panics_on_dot_segment_user_id() {
    let s: &'static str = std::hint::black_box("..");
    let _ = LexUserId::from_static(s);
}

#[test]
#[should_panic(expected = "invalid literal for LexBotName")]
fn from_static_panics_on_bad_bot_name() {
    let s: &'static str = std::hint::black_box("a__b");
    let _ = LexBotName::from_static(s);
}

#[test]
#[should_panic(expected = "invalid literal for LexBotAlias")]
fn from_static_panics_on_bad_bot_alias() {
    let s: &'static str = std::hint::black_box("$latest");
    let _ = LexBotAlias::from_static(s);
}

#[test]
#[should_panic(expected = "invalid literal for LexRegion")]
fn from_static_panics_on_bad_region() {
    let s: &'static str = std::hint::black_box("eu-west-1.evil.com");
    let _ = LexRegion::from_static(s);
}

#[test]
fn is_valid_matches_parsing() {
    let inputs = [
        "",
        ".",
        "..",
        "...",
        "a",
        "ab",
        "a_",
        "_a",
        "a__b",
        "$LATEST",
        "$latest",
        "session_0",
        "session_i",
        "message_0",
        "run_0",
        "run_",
        "Session_1",
        "user 42",
        "é",
        "\0",
    ];
    // (type, `is_valid`, whether parsing succeeds)
    type Check = (&'static str, fn(&str) -> bool, fn(&str) -> bool);
    let checks: [Check; 7] = [
        ("AilySessionId", AilySessionId::is_valid, |s| {
            s.parse::<AilySessionId>().is_ok()
        }),
        ("AilyMessageId", AilyMessageId::is_valid, |s| {
            s.parse::<AilyMessageId>().is_ok()
        }),
        ("AilyRunId", AilyRunId::is_valid, |s| {
            s.parse::<AilyRunId>().is_ok()
        }),
        ("LexUserId", LexUserId::is_valid, |s| {
            s.parse::<LexUserId>().is_ok()
        }),
        ("LexBotName", LexBotName::is_valid, |s| {
            s.parse::<LexBotName>().is_ok()
        }),
        ("LexBotAlias", LexBotAlias::is_valid, |s| {
            s.parse::<LexBotAlias>().is_ok()
        }),
        ("LexRegion", LexRegion::is_valid, |s| {
            s.parse::<LexRegion>().is_ok()
        }),
    ];
    for s in inputs {
        for (name, is_valid, parses) in checks {
            assert_eq!(is_valid(s), parses(s), "{name} {s:?}");
        }
    }
    assert!(LexUserId::is_valid("..."));
    assert!(!LexUserId::is_valid(".."));
    assert!(!LexUserId::is_valid("."));
    assert!(LexBotName::is_valid("a_"));
    assert!(!LexBotName::is_valid("a"));
    assert!(LexBotAlias::is_valid("a"));
}

#[test]
fn id_kind_metadata() {
    for (kind, name, bounds, secret) in [
        (IdKind::AilySessionId, "Aily session id", (9, 32), false),
        (IdKind::AilyMessageId, "Aily message id", (9, 32), false),
        (IdKind::AilyRunId, "Aily run id", (5, 32), false),
        (
            IdKind::AilyAccessToken,
            "Aily access token",
            (1, 8192),
            true,
        ),
        (
            IdKind::AilyAuthorization,
            "Aily authorization",
            (8, 8199),
            true,
        ),
        (IdKind::LexUserId, "Lex user id", (2, 100), false),
        (IdKind::LexBotName, "Lex bot name", (2, 50), false),
        (IdKind::LexBotAlias, "Lex bot alias", (1, 100), false),
        (IdKind::LexRegion, "Lex region", (1, 32), false),
    ] {
        assert_eq!(kind.name(), name);
        assert_eq!(kind.to_string(), name);
        assert_eq!(kind.len_bounds(), bounds, "{name}");
        assert_eq!(kind.is_secret(), secret, "{name}");
    }
}
