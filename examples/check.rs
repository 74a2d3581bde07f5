//! The main job: validate a sample of edge traffic and print each verdict.
//!
//! ```text
//! cargo run --example check              # the built-in sample
//! cargo run --example check -- FILE      # lines of `<kind> <value>` from FILE
//! ```
//!
//! Kinds: `aily-session`, `aily-message`, `aily-run`, `aily-token`, `aily-authorization`,
//! `lex-user`, `lex-bot-name`, `lex-bot-alias`. The value is the rest of the line after one
//! space, so an `Authorization` header keeps its own space. Blank lines and `#` comments are
//! skipped. Secrets are never printed: a token's verdict shows only its redacted `Debug`.

use std::fmt::Debug;
use std::process::ExitCode;
use std::str::FromStr;

use botsession::{
    AilyAccessToken, AilyAuthorization, AilyMessageId, AilyRunId, AilySessionId, IdError,
    LexBotAlias, LexBotName, LexUserId,
};

const SAMPLE: &str = "\
# Feishu Aily path parameters
aily-session session_4dfunz7sp1g8m
aily-session session_4dfunz7sp1g8m4dfunz7sp1g
aily-session session_4dfunz7sp1g8m4dfunz7sp1gx
aily-session session_4dfunz7sp1g8i
aily-session Session_4dfunz7sp1g8m
aily-session session_
aily-session session_../../admin
aily-message message_4dfunz7sp1g8m
aily-run run_4dfunz7sp1g8m
aily-run run_4dfunz7sp1g8mo
# Authorization headers (never echoed)
aily-authorization Bearer u-7f1bcd13fc57d46bac21793a18e560
aily-authorization bearer t-g1044qeGEDXTB6NDJOGV4JQX
aily-authorization Bearer  u-7f1bcd13fc57d46bac21793a18e560
aily-authorization Basic dXNlcjpwYXNz
aily-authorization Bearer u-7f1bcd13fc57d46bac2179\"3a18e560
aily-token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl
aily-token t-abc=def
# Amazon Lex path labels
lex-user user:42.eu-west-1
lex-user a
lex-user ..
lex-user user 42
lex-user usér
lex-bot-name OrderFlowers
lex-bot-name Order__Flowers
lex-bot-alias $LATEST
lex-bot-alias $latest
lex-bot-alias prod_v2
";

/// Parses `value` as `T` and renders the verdict: `Debug` of the value (redacted for secrets,
/// which is why this never uses `Display`), or the error message.
fn verdict<T: FromStr<Err = IdError> + Debug>(value: &str) -> Result<String, String> {
    value
        .parse::<T>()
        .map(|v| format!("{v:?}"))
        .map_err(|e| e.to_string())
}

fn check(kind: &str, value: &str) -> Result<String, String> {
    match kind {
        "aily-session" => verdict::<AilySessionId>(value),
        "aily-message" => verdict::<AilyMessageId>(value),
        "aily-run" => verdict::<AilyRunId>(value),
        "aily-token" => verdict::<AilyAccessToken>(value),
        "aily-authorization" => verdict::<AilyAuthorization>(value),
        "lex-user" => verdict::<LexUserId>(value),
        "lex-bot-name" => verdict::<LexBotName>(value),
        "lex-bot-alias" => verdict::<LexBotAlias>(value),
        _ => Err(format!("unknown kind {kind:?}")),
    }
}

/// Runs every line of `input`; returns (accepted, rejected).
fn run(input: &str) -> (usize, usize) {
    let (mut accepted, mut rejected) = (0, 0);
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (kind, value) = line.split_once(' ').unwrap_or((line, ""));
        match check(kind, value) {
            Ok(v) => {
                accepted += 1;
                println!("line {:>3}  ok      {kind:<19} {v}", n + 1);
            }
            Err(e) => {
                rejected += 1;
                println!("line {:>3}  reject  {kind:<19} {e}", n + 1);
            }
        }
    }
    (accepted, rejected)
}

fn main() -> ExitCode {
    let input = match std::env::args_os().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.to_string_lossy());
                return ExitCode::from(2);
            }
        },
        None => SAMPLE.to_owned(),
    };
    let (accepted, rejected) = run(&input);
    println!("{accepted} accepted, {rejected} rejected");
    ExitCode::SUCCESS
}
