//! Every non-secret identifier from arbitrary bytes: a valid value round-trips through
//! `to_string`; an invalid one gives a short error that points inside the input.
#![no_main]

use std::fmt::Display;
use std::str::FromStr;

use botsession::{
    AilyMessageId, AilyRunId, AilySessionId, IdError, LexBotAlias, LexBotName, LexRegion,
    LexUserId,
};
use libfuzzer_sys::fuzz_target;

fn check<T>(s: &str)
where
    T: FromStr<Err = IdError> + Display + PartialEq + std::fmt::Debug,
{
    match s.parse::<T>() {
        Ok(value) => {
            let text = value.to_string();
            assert_eq!(text, s);
            assert_eq!(text.parse::<T>().unwrap(), value);
        }
        Err(e) => {
            assert!(e.to_string().len() < 256);
            if let Some(i) = e.index() {
                assert!(s.is_char_boundary(i) && i < s.len());
                assert_eq!(e.character(), s[i..].chars().next());
            }
            assert_eq!(e.found_len(), s.len());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    check::<AilySessionId>(&s);
    check::<AilyMessageId>(&s);
    check::<AilyRunId>(&s);
    check::<LexUserId>(&s);
    check::<LexBotName>(&s);
    check::<LexBotAlias>(&s);
    check::<LexRegion>(&s);
});
