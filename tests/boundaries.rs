//! Boundary tables for every identifier exported at the crate root: the shortest and longest
//! valid values, one past each end, every excluded character class, prefix variants and the
//! examples from the API documentation. Every rejection is checked through the `IdError`
//! accessors and its exact message, which the crate treats as public API.

mod common;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, AilyTokenKind,
    IdError, IdKind, IdRule, LexBotAlias, LexBotName, LexRegion, LexUserId, LexV2BotAliasId,
    LexV2BotId, LexV2LocaleId, LexV2SessionId,
};
use common::{assert_no_secret_window, for_each_ident, spec, ForEachIdent, Ident};

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
        T::is_valid(input),
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
        !T::is_valid(input),
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

/// The three Aily ids share one grammar, `<prefix>[0-9a-hjkmnp-z]{1,n}`, and one table of
/// rejections: (identifier name, prefix, most symbols after it).
const AILY_IDS: [(&str, &str, usize); 3] = [
    ("Aily session id", "session_", 24),
    ("Aily message id", "message_", 24),
    ("Aily run id", "run_", 28),
];

/// Symbols after the prefix that break the alphabet: (what follows the prefix, offset of the
/// first bad character in it).
#[rustfmt::skip]
const AILY_BAD_SYMBOLS: &[(&str, usize)] = &[
    ("i", 0),
    ("1i", 1),
    ("4dfunz7sp1g8i", 12),
    ("l", 0),
    ("1l", 1),
    ("o", 0),
    ("4dfunz7sp1g8M", 12),
    ("A", 0),
    ("Z", 0),
    ("B", 0),
    ("a_b", 1),
    ("a_", 1),
    ("_", 0),
    ("a/b", 1),
    ("1/", 1),
    ("/", 0),
    ("1 ", 1),
    (" ", 0),
    (" 1", 0),
    ("é", 0),
    ("1\0", 1),
    ("\0", 0),
    ("1\u{1}", 1),
    ("1\n", 1),
    ("\t", 0),
    ("\u{7f}", 0),
    ("-", 0),
    // Only the first offending character is reported.
    ("zzAi", 2),
];

/// Every rejection of the Aily id named `name` with prefix `lead`, messages derived from them.
fn aily_rejections(name: &str, lead: &str, max_symbols: usize) -> Vec<Bad> {
    let (min, max) = (lead.len() + 1, lead.len() + max_symbols);
    let short = |input: String| {
        let message = format!(
            "invalid {name}: length {} is below the minimum of {min} bytes",
            input.len()
        );
        length(input, &message)
    };
    let long = |symbol: &str| {
        let input = format!("{lead}{}", symbol.repeat(max_symbols + 1));
        let message = format!(
            "invalid {name}: length {} exceeds the maximum of {max} bytes",
            input.len()
        );
        length(input, &message)
    };
    let not_prefix = |input: String, index: usize| {
        let c = input[index..].chars().next().unwrap();
        let message = format!(
            "invalid {name}: character {c:?} at byte {index} does not match the prefix {lead:?}"
        );
        prefix(input, index, c, &message)
    };
    let mut capitalised = lead.to_owned();
    capitalised[..1].make_ascii_uppercase();
    let stem = &lead[..lead.len() - 1];
    let mut table = vec![
        short(String::new()),
        short(lead[..1].to_owned()),
        short(lead.to_owned()),
        // The length is checked before the prefix.
        short(capitalised.clone()),
        long("z"),
        long("9"),
        long("a"),
        long("i"),
        not_prefix(format!("{capitalised}1"), 0),
        not_prefix(format!("{}1", lead.to_uppercase()), 0),
        not_prefix(format!(" {lead}1"), 0),
        not_prefix(format!("{}m{}1", &lead[..2], &lead[3..]), 2),
        not_prefix(format!("{stem}-1"), stem.len()),
        not_prefix(format!("{stem}s_1"), stem.len()),
        not_prefix(format!("{stem}é1"), stem.len()),
    ];
    // NUL bytes in place of the prefix, before a short and a long (block-scanned) valid body.
    for symbols in [1, 16, max_symbols] {
        let input = format!("{}{}", "\0".repeat(lead.len()), "4".repeat(symbols));
        table.push(not_prefix(input, 0));
    }
    // Another Aily id's value.
    for (_, other, _) in AILY_IDS.into_iter().filter(|&(_, other, _)| other != lead) {
        let input = format!("{other}4dfunz7sp1g8m");
        let index = lead
            .bytes()
            .zip(other.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        table.push(not_prefix(input, index));
    }
    for &(symbols, at) in AILY_BAD_SYMBOLS {
        let input = format!("{lead}{symbols}");
        let index = lead.len() + at;
        let c = input[index..].chars().next().unwrap();
        let message =
            format!("invalid {name}: character {c:?} at byte {index} is not in [0-9a-hjkmnp-z]");
        table.push(charset(input, index, c, &message));
    }
    table
}

#[test]
fn aily_ids_rejected() {
    fn check<T: Ident>((name, lead, max_symbols): (&str, &str, usize)) {
        assert_eq!(T::KIND.name(), name);
        reject_all::<T>(&aily_rejections(name, lead, max_symbols));
        reject_huge::<T>(lead);
    }
    check::<AilySessionId>(AILY_IDS[0]);
    check::<AilyMessageId>(AILY_IDS[1]);
    check::<AilyRunId>(AILY_IDS[2]);
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
// One byte off in a long value
// ---------------------------------------------------------------------------------------------

/// Non-ASCII characters of every UTF-8 length; no rule admits any of them.
const NON_ASCII: [char; 5] = ['\u{80}', 'é', 'ÿ', '€', '😀'];

/// Where `byte_off` puts the wrong byte in a body of `n` bytes: everywhere in short bodies,
/// else in the first block, either side of a block edge, the middle, the last (overlapping)
/// block and the last byte.
fn positions(n: usize) -> Vec<usize> {
    if n <= 32 {
        return (0..n).collect();
    }
    let mut at = vec![
        0,
        1,
        15,
        16,
        17,
        n / 2,
        n - 17,
        n - 16,
        n - 15,
        n - 2,
        n - 1,
    ];
    at.sort_unstable();
    at.dedup();
    at
}

/// `input` must fail on its alphabet at byte `index`, in every constructor, with the character
/// named unless the identifier is a secret.
#[track_caller]
fn reject_charset_at<T: Ident>(input: &str, index: usize) {
    let err = input
        .parse::<T>()
        .expect_err(&format!("{} accepted {input:?}", T::NAME));
    let shown = format!("{input:?} ({} bytes)", input.len());
    assert_eq!(err.kind(), T::KIND, "{shown}");
    assert_eq!(err.rule(), IdRule::Charset, "{shown}");
    assert_eq!(err.index(), Some(index), "{shown}");
    assert_eq!(err.found_len(), input.len(), "{shown}");
    let c = input[index..].chars().next().unwrap();
    let at = if T::KIND.is_secret() {
        assert_eq!(err.character(), None, "{shown}");
        format!("byte {index}")
    } else {
        assert_eq!(err.character(), Some(c), "{shown}");
        format!("character {c:?} at byte {index}")
    };
    let message = err.to_string();
    let head = format!("invalid {}: {at} is not in [", T::KIND.name());
    assert!(
        message.starts_with(&head) && message.ends_with(']'),
        "{message:?} for {shown}"
    );
    assert_eq!(T::try_from(input.to_owned()).expect_err(&shown), err);
    assert!(!T::is_valid(input), "is_valid({shown})");
}

/// Valid values of `T` with bodies (what follows `lead`, a prefix or scheme) of 16, 17, 31 and
/// 32 bytes and the longest up to 100, each with one byte replaced at several positions by every
/// ASCII byte and several non-ASCII characters. A byte outside the rule's alphabet must be
/// rejected at its index (a changed prefix byte as `Prefix`, a changed scheme byte as
/// `Scheme`); one inside it must leave parsing in agreement with the spec. From 16 bytes on the
/// engine checks the body in 16-byte blocks, so this is what pins that scan down.
fn byte_off<T: Ident>(lead: &str, fill: &str) {
    let max_body = spec::rule(T::KIND).max - lead.len();
    let first = &fill[..1];
    let in_alphabet: Vec<bool> = (0..=0x7f)
        .map(|b| spec::documented(T::KIND, &format!("{lead}{first}{}", char::from(b))))
        .collect();
    let mut lengths: Vec<usize> = [16, 17, 31, 32, max_body.min(100)]
        .into_iter()
        .filter(|&n| n <= max_body)
        .collect();
    lengths.dedup();
    for n in lengths {
        let body: String = fill.chars().cycle().take(n).collect();
        let valid = format!("{lead}{body}");
        accept::<T>(&valid);
        let with = |i: usize, c: char| {
            let mut s = valid.clone();
            s.replace_range(i..i + c.len_utf8(), c.encode_utf8(&mut [0; 4]));
            s
        };
        for p in positions(n) {
            let i = lead.len() + p;
            for b in (0..=0x7f).filter(|&b| b != valid.as_bytes()[i]) {
                let input = with(i, char::from(b));
                if in_alphabet[usize::from(b)] {
                    let documented = spec::documented(T::KIND, &input);
                    assert_eq!(input.parse::<T>().is_ok(), documented, "{input:?}");
                    assert_eq!(T::is_valid(&input), documented, "{input:?}");
                } else {
                    reject_charset_at::<T>(&input, i);
                }
            }
            for c in NON_ASCII {
                let i = i.min(valid.len() - c.len_utf8());
                reject_charset_at::<T>(&with(i, c), i);
            }
        }
        for (i, expected) in lead.bytes().enumerate() {
            for b in (0..=0x7f).filter(|&b| b != expected) {
                let input = with(i, char::from(b));
                let scheme = T::KIND == IdKind::AilyAuthorization;
                if scheme && b.eq_ignore_ascii_case(&expected) {
                    accept_as::<T>(&input, &valid);
                    continue;
                }
                let err = input.parse::<T>().expect_err(&input);
                let (rule, index, c) = if scheme {
                    (IdRule::Scheme, None, None)
                } else {
                    (IdRule::Prefix, Some(i), Some(char::from(b)))
                };
                assert_eq!(err.rule(), rule, "{input:?}");
                assert_eq!(err.index(), index, "{input:?}");
                assert_eq!(err.character(), c, "{input:?}");
                assert!(!T::is_valid(&input), "{input:?}");
            }
        }
    }
}

#[test]
fn one_byte_off_in_long_values() {
    const AILY: &str = "0123456789abcdefghjkmnpqrstuvwxyz";
    const TOKEN: &str = "t-g1044qeGEDXTB6NDJOGV4JQX._~+/7";
    byte_off::<AilySessionId>("session_", AILY);
    byte_off::<AilyMessageId>("message_", AILY);
    byte_off::<AilyRunId>("run_", AILY);
    byte_off::<AilyAccessToken>("", TOKEN);
    byte_off::<AilyAuthorization>("Bearer ", TOKEN);
    byte_off::<LexUserId>("", "user:42.eu-west-1_AZ");
    byte_off::<LexBotName>("", "Order_Flowers_");
    byte_off::<LexBotAlias>("", "Prod_EU_");
    byte_off::<LexRegion>("", "eu-west-1");
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
        let message = panic_message(|| {
            if kind == "AilyAccessToken" {
                drop(AilyAccessToken::from_static(literal));
            } else {
                drop(AilyAuthorization::from_static(literal));
            }
        });
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

/// The message `f` panics with (`f` must panic).
#[track_caller]
fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let payload = std::panic::catch_unwind(f).expect_err("did not panic");
    let message = payload.downcast_ref::<&str>().copied();
    message.expect("the panic payload is not a &str").to_owned()
}

/// One test per row: `from_static` on a bad literal panics with exactly
/// `invalid literal for <Type>`. (`#[should_panic(expected = ...)]` takes only a literal, not
/// `concat!`, so each row would have to spell the type twice; the test checks it instead.)
macro_rules! from_static_panics {
    ($($name:ident: $ty:ident = $literal:literal;)*) => {$(
        #[test]
        fn $name() {
            let s: &'static str = std::hint::black_box($literal);
            assert_eq!(
                panic_message(|| {
                    let _ = $ty::from_static(s);
                }),
                concat!("invalid literal for ", stringify!($ty))
            );
        }
    )*};
}

from_static_panics! {
    from_static_panics_on_bad_session_id: AilySessionId = "session_i";
    from_static_panics_on_bad_message_id: AilyMessageId = "message_";
    from_static_panics_on_bad_run_id: AilyRunId = "Run_1";
    from_static_panics_on_dot_segment_user_id: LexUserId = "..";
    from_static_panics_on_bad_bot_name: LexBotName = "a__b";
    from_static_panics_on_bad_bot_alias: LexBotAlias = "$latest";
    from_static_panics_on_bad_region: LexRegion = "eu-west-1.evil.com";
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
    struct Agrees<'a>(&'a [&'a str]);
    impl ForEachIdent for Agrees<'_> {
        fn run<T: Ident>(&mut self) {
            for s in self.0 {
                assert_eq!(T::is_valid(s), s.parse::<T>().is_ok(), "{} {s:?}", T::NAME);
            }
        }
    }
    for_each_ident(Agrees(&inputs));
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

// ---------------------------------------------------------------------------------------------
// Lex V2 ids
// ---------------------------------------------------------------------------------------------

/// The rejections a V2 bot id and a bot alias id share (the same rule), in `T`'s words.
fn lex_v2_ten_alphanumerics_rejected<T: Ident>() {
    let name = T::KIND.name();
    let at = |input: &str, index: usize, c: char| {
        charset(
            input,
            index,
            c,
            &format!("invalid {name}: character {c:?} at byte {index} is not in [0-9a-zA-Z]"),
        )
    };
    let short = |input: &str| {
        length(
            input,
            &format!(
                "invalid {name}: length {} is below the minimum of 10 bytes",
                input.len()
            ),
        )
    };
    let long = |input: &str| {
        length(
            input,
            &format!(
                "invalid {name}: length {} exceeds the maximum of 10 bytes",
                input.len()
            ),
        )
    };
    reject_all::<T>(&[
        short(""),
        short("A"),
        short("ABCDE1234"),
        long("ABCDE123456"),
        long("TSTALIASID "),
        // Length is in bytes: five two-byte characters are 10 bytes, and fail on their alphabet.
        at("ééééé", 0, 'é'),
        at("ABCDE-1234", 5, '-'),
        at("ABCDE_1234", 5, '_'),
        at("ABCDE.1234", 5, '.'),
        at("ABCDE:1234", 5, ':'),
        at("ABCDE 1234", 5, ' '),
        at("ABCDE/1234", 5, '/'),
        at("ABCDE%1234", 5, '%'),
        at(" ABCDE1234", 0, ' '),
        at("ABCDE1234\0", 9, '\0'),
        at("$LATEST123", 0, '$'),
    ]);
    reject_huge::<T>("");
}

#[test]
fn lex_v2_bot_id_and_alias_id_valid() {
    let valid = [
        "ABCDE12345",
        "0123456789",
        "abcdefghij",
        "ZZZZZZZZZZ",
        "TSTALIASID",
    ];
    accept_all::<LexV2BotId>(&valid);
    accept_all::<LexV2BotAliasId>(&valid);
    assert_eq!(LexV2BotAliasId::TEST.as_str(), "TSTALIASID");
    assert_eq!(
        accept::<LexV2BotAliasId>("TSTALIASID"),
        LexV2BotAliasId::TEST
    );
}

#[test]
fn lex_v2_bot_id_and_alias_id_rejected() {
    lex_v2_ten_alphanumerics_rejected::<LexV2BotId>();
    lex_v2_ten_alphanumerics_rejected::<LexV2BotAliasId>();
}

/// The Lex V2 developer guide's "Supported languages and locales" table, written out here
/// (`how-languages`: the long-standing 27, then the rows the newer page adds, as far as they
/// could be read; see /work/notes/issue9-research.md).
const SUPPORTED_LOCALES: [&str; 52] = [
    "ar_AE", "ca_ES", "de_AT", "de_DE", "en_AU", "en_GB", "en_IN", "en_US", "en_ZA", "es_419",
    "es_ES", "es_US", "fi_FI", "fr_CA", "fr_FR", "hi_IN", "it_IT", "ja_JP", "ko_KR", "nl_NL",
    "no_NO", "pl_PL", "pt_BR", "pt_PT", "sv_SE", "zh_CN", "zh_HK", "af_ZA", "ar_SA", "bg_BG",
    "cs_CZ", "cy_GB", "da_DK", "de_CH", "en_AB", "en_IE", "en_NZ", "en_WL", "es_MX", "et_ET",
    "fa_IR", "fr_BE", "he_IL", "hr_HR", "hu_HU", "id_ID", "is_IS", "km_KH", "lt_LT", "lv_LV",
    "ms_MY", "nl_BE",
];

#[test]
fn lex_v2_every_supported_locale_parses() {
    for locale in SUPPORTED_LOCALES {
        accept::<LexV2LocaleId>(locale);
        assert!(spec::documented(IdKind::LexV2LocaleId, locale), "{locale}");
    }
    // The crate's list is this table, in the same order.
    let documented: Vec<&str> = LexV2LocaleId::DOCUMENTED
        .iter()
        .map(LexV2LocaleId::as_str)
        .collect();
    assert_eq!(documented, SUPPORTED_LOCALES);
    // Locales Lex may add pass too: the rule is the shape, not the list.
    accept_all::<LexV2LocaleId>(&["tr_TR", "zh_TW", "en_001", "EN_US", "enUS1", "e_n_U"]);
}

#[test]
fn lex_v2_locale_id_rejected() {
    const NAME: &str = "invalid Lex V2 locale id";
    let at = |input: &str, index: usize, c: char, set: &str| {
        charset(
            input,
            index,
            c,
            &format!("{NAME}: character {c:?} at byte {index} is not in {set}"),
        )
    };
    let body = |input: &str, index: usize, c: char| at(input, index, c, "[0-9a-zA-Z_]");
    reject_all::<LexV2LocaleId>(&[
        length(
            "",
            &format!("{NAME}: length 0 is below the minimum of 5 bytes"),
        ),
        length(
            "en",
            &format!("{NAME}: length 2 is below the minimum of 5 bytes"),
        ),
        length(
            "en_U",
            &format!("{NAME}: length 4 is below the minimum of 5 bytes"),
        ),
        length(
            "en_US_x",
            &format!("{NAME}: length 7 exceeds the maximum of 6 bytes"),
        ),
        length(
            "..",
            &format!("{NAME}: length 2 is below the minimum of 5 bytes"),
        ),
        at("_enUS", 0, '_', "[0-9a-zA-Z]"),
        at("en__US", 3, '_', "[0-9a-zA-Z]"),
        body("en-US", 2, '-'),
        body("en US", 2, ' '),
        body("en/US", 2, '/'),
        body("en\\US", 2, '\\'),
        body("en%US", 2, '%'),
        body("en.US", 2, '.'),
        body("en?US", 2, '?'),
        body("en#US", 2, '#'),
        body("en:US", 2, ':'),
        body("en_U\0", 4, '\0'),
        body("en_U\n", 4, '\n'),
        body("en_Ué", 4, 'é'),
    ]);
    reject_huge::<LexV2LocaleId>("");
}

/// No path separator, space, `%`, `.`, `?`, `#` or control byte passes anywhere in a locale,
/// a bot id or a bot alias id; none but `.` in a session id (its own character).
#[test]
fn lex_v2_no_path_or_control_byte_passes_anywhere() {
    let hostile: Vec<char> = ['/', '\\', ' ', '%', '.', '?', '#']
        .into_iter()
        .chain((0u8..0x20).chain([0x7f]).map(char::from))
        .collect();
    fn every_position<T: Ident>(valid: &str, hostile: &[char]) -> usize {
        let mut checked = 0;
        for i in 0..valid.len() {
            for &c in hostile {
                let mut input = valid.to_owned();
                input.replace_range(i..=i, c.encode_utf8(&mut [0; 4]));
                reject_charset_at::<T>(&input, i);
                checked += 1;
            }
        }
        checked
    }
    let mut checked = 0;
    for locale in ["en_US", "es_419"] {
        checked += every_position::<LexV2LocaleId>(locale, &hostile);
    }
    checked += every_position::<LexV2BotId>("ABCDE12345", &hostile);
    checked += every_position::<LexV2BotAliasId>("TSTALIASID", &hostile);
    let not_dot: Vec<char> = hostile.iter().copied().filter(|&c| c != '.').collect();
    checked += every_position::<LexV2SessionId>("user-42", &not_dot);
    assert_eq!(checked, (5 + 6 + 10 + 10) * 40 + 7 * 39);
}

/// A V2 session id has V1's user id rule: the same answer for every input of the user-id
/// tables, in the session id's own words.
#[test]
fn lex_v2_session_id_is_the_user_id_rule() {
    let inputs = [
        "ab",
        "user:42.eu-west-1",
        "._:-",
        "...",
        "..",
        ".",
        "",
        "a",
        "user 42",
        "user/42",
        "usér",
        "a\0",
        "a%2e",
        "a~",
        "6f1c2d4e-9b8a-4c3d-8e7f-0a1b2c3d",
    ];
    let long = [repeat("u", 100), repeat("u", 101), repeat(".", 100)];
    for input in inputs
        .iter()
        .copied()
        .chain(long.iter().map(String::as_str))
    {
        let v1 = input.parse::<LexUserId>().map(|v| v.as_str().to_owned());
        let v2 = input
            .parse::<LexV2SessionId>()
            .map(|v| v.as_str().to_owned());
        match (v1, v2) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => {
                assert_eq!(
                    (a.rule(), a.index(), a.character(), a.found_len()),
                    (b.rule(), b.index(), b.character(), b.found_len()),
                    "{input:?}"
                );
                assert_eq!(
                    b.to_string(),
                    a.to_string().replace("Lex user id", "Lex V2 session id")
                );
            }
            (a, b) => panic!("{input:?}: V1 {a:?}, V2 {b:?}"),
        }
    }
}
