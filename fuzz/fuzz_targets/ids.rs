//! Every identifier, the secrets included, from arbitrary bytes, against its documented rule
//! (`tests/common/spec.rs`: an anchored regex, the length bounds, `..` reserved for a Lex user
//! id and `$LATEST` accepted as a Lex bot alias). Parsing, `TryFrom<String>` and `is_valid` must
//! all agree with the rule. A valid value round-trips through its text (and `to_string` for the
//! non-secret ones); an invalid one gives a short error that points inside the input.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use botsession::IdKind;
use common::{for_each_ident, spec, ForEachIdent, Ident, PublicIdent};
use libfuzzer_sys::fuzz_target;

struct Check<'a>(&'a str);

impl ForEachIdent for Check<'_> {
    fn run<T: Ident>(&mut self) {
        let s = self.0;
        let documented = spec::documented(T::KIND, s);
        let parsed = s.parse::<T>();
        assert_eq!(parsed.is_ok(), documented, "{} {s:?}: {parsed:?}", T::NAME);
        assert_eq!(T::is_valid(s), documented, "{}::is_valid({s:?})", T::NAME);
        assert_eq!(
            T::try_from(s.to_owned()),
            parsed,
            "{} TryFrom<String>",
            T::NAME
        );
        match parsed {
            Ok(value) => {
                // The Authorization header is stored with its scheme spelled `Bearer`.
                let text = match T::KIND {
                    IdKind::AilyAuthorization => format!("Bearer {}", &s[7..]),
                    _ => s.to_owned(),
                };
                assert_eq!(value.text(), text);
                assert_eq!(value.text().parse::<T>().unwrap(), value);
            }
            Err(e) => {
                assert_eq!(e.kind(), T::KIND);
                assert!(e.to_string().len() < 256);
                if let Some(i) = e.index() {
                    assert!(s.is_char_boundary(i) && i < s.len());
                    let shown = if T::KIND.is_secret() {
                        None
                    } else {
                        s[i..].chars().next()
                    };
                    assert_eq!(e.character(), shown);
                }
                assert_eq!(e.found_len(), s.len());
            }
        }
    }

    fn run_public<T: PublicIdent>(&mut self) {
        self.run::<T>();
        if let Ok(value) = self.0.parse::<T>() {
            assert_eq!(value.to_string(), self.0);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    for_each_ident(Check(&s));
});
