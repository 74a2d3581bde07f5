//! `botsession-mock`: the session APIs of Feishu Aily and Amazon Lex V1 and V2 on a local port.
//! Run with `--help` for the flags, the operations and the control API.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::Arc;

use botsession::{AilyUpdateSessionRequest, AILY_MAX_BODY_LEN, MAX_PATH_LEN};
use botsession_mock::fault::Fault;
use botsession_mock::feishu::AilyApp;
use botsession_mock::http1::MAX_BODY_LEN;
use botsession_mock::seed::Seed;
use botsession_mock::sigv4::AwsKey;
use botsession_mock::{
    builtin, serve, wall_clock, Checks, Server, CONTROL_PREFIX, DEFAULT_JOURNAL, LEX_SESSION,
    LEX_SESSION_ID, LEX_V2_SESSION,
};
use tokio::net::TcpListener;

/// The address to listen on without `--listen`.
const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// The largest seed file read.
const MAX_SEED_FILE: u64 = 64 << 20;

/// What the command line asks for.
#[derive(Debug)]
enum Command {
    Serve(Options),
    Help,
}

#[derive(Debug, Default)]
struct Options {
    listen: Option<String>,
    seeds: Vec<String>,
    faults: Vec<String>,
    journal: Option<usize>,
    checks: Checks,
}

/// Reads the flags: each as `--flag VALUE` or `--flag=VALUE`.
fn parse_args(mut args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {a:?} is not UTF-8"))?;
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = |what: &str| match inline.clone() {
            Some(value) => Ok(value),
            None => args
                .next()
                .ok_or(format!("{flag} needs {what}"))?
                .into_string()
                .map_err(|a| format!("{flag}: {a:?} is not UTF-8")),
        };
        match flag.as_str() {
            "--listen" => options.listen = Some(value("an address, e.g. 127.0.0.1:8080")?),
            "--seed" => options.seeds.push(value("a JSON file")?),
            "--fault" => options
                .faults
                .push(value("a fault, API:OPERATION:ERROR[:CALLS]")?),
            "--aily-app" => options.checks.aily_apps.push(
                AilyApp::from_cli(&value("an app, ID:SECRET")?)
                    .map_err(|e| format!("--aily-app: {e}"))?,
            ),
            "--aws-credentials" => options.checks.aws_keys.push(
                AwsKey::from_cli(&value("a key, ACCESS_KEY_ID:SECRET_ACCESS_KEY")?)
                    .map_err(|e| format!("--aws-credentials: {e}"))?,
            ),
            "--rate-limit" if inline.is_none() => options.checks.rate_limit = true,
            "--request-journal" => {
                let n = value("a number of requests")?;
                let n = n
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n <= 1_000_000)
                    .ok_or(format!(
                        "--request-journal: {n:?} is not a number from 0 to 1000000"
                    ))?;
                options.journal = Some(n);
            }
            _ => return Err(format!("unexpected argument {flag:?}")),
        }
    }
    Ok(Command::Serve(options))
}

/// The mock the options describe: the built-in sessions, or the seed files' instead, and the
/// fault script.
fn start_state(options: &Options) -> Result<botsession::MockService, String> {
    let mut mock = if options.seeds.is_empty() {
        builtin()
    } else {
        Server::empty_mock()
    };
    for path in &options.seeds {
        let json = read_seed(path, MAX_SEED_FILE)?;
        let seed = Seed::from_json(&json).map_err(|e| format!("--seed {path}: {e}"))?;
        seed.apply(&mut mock, wall_clock());
    }
    for spec in &options.faults {
        Fault::from_cli(spec)
            .map_err(|e| format!("--fault {spec}: {e}"))?
            .queue(&mut mock);
    }
    Ok(mock)
}

/// The bytes of a seed file of at most `max` bytes.
fn read_seed(path: &str, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("--seed {path}: {e}"))?;
    let mut json = Vec::new();
    // One byte past the limit tells a file at the limit from a longer one.
    file.take(max + 1)
        .read_to_end(&mut json)
        .map_err(|e| format!("--seed {path}: {e}"))?;
    if json.len() as u64 > max {
        return Err(format!("--seed {path}: larger than {max} bytes"));
    }
    Ok(json)
}

/// The `--help` text.
fn usage() -> String {
    format!(
        "\
botsession-mock: the session APIs of Feishu Aily (create, get, update, delete) and Amazon Lex
V1 (DeleteSession) and V2 (GetSession, PutSession, DeleteSession), from an in-memory mock
(botsession::MockService) on the wall clock.

usage: botsession-mock [--listen ADDR] [--seed FILE]... [--fault SPEC]... [--request-journal N]
                       [--aily-app ID:SECRET]... [--aws-credentials AKID:SECRET]... [--rate-limit]

  --listen ADDR          address to listen on (default {DEFAULT_LISTEN}; port 0 picks a free
                         one). Prints `listening on http://ADDR` once it accepts connections.
  --seed FILE            start from the sessions of a JSON seed file instead of the built-in
                         ones (repeatable). A bad file is refused with the entry and field:
                         {{\"aily\": [{{\"id\": \"session_…\", \"metadata\": \"{{}}\"}}],
                          \"lex\": [{{\"botName\": …, \"botAlias\": …, \"userId\": …, \"sessionId\": …}}],
                          \"lexV2\": [{{\"botId\": …, \"botAliasId\": …, \"localeId\": …, \"sessionId\": …,
                                     \"sessionState\": {{…}}, \"messages\": […]}}]}}
  --fault SPEC           queue a fault, API:OPERATION:ERROR[:CALLS] (repeatable): API is aily,
                         lex or lexV2; OPERATION one of its operations, or * for any; ERROR an
                         Aily code (99991400) or a Lex exception (ThrottlingException); CALLS
                         how many calls it answers (default 1). Faults apply, in the order
                         queued, to calls that route (and for Aily, carry a valid token).
  --request-journal N    keep the last N requests for the control API (default {DEFAULT_JOURNAL}; 0: none)
  --aily-app ID:SECRET   a Feishu app (repeatable). With any, the token endpoints
                           POST {tenant}
                           POST {app}
                         issue `t-` tokens for the right id and secret (code 0, \"expire\": 7200;
                         a wrong secret 10014, an unknown app or a bad body 10003; HTTP 200), and
                         every Aily call needs a token issued and unexpired on the mock's clock,
                         else 99991663 (HTTP 400).
  --aws-credentials AKID:SECRET
                         an AWS key (repeatable). With any, every Lex and Lex V2 call must be
                         SigV4-signed by one for service `lex` (path normalized and encoded
                         twice; X-Amz-Date within 5 minutes of the mock's clock), else 403
                         InvalidSignatureException (wrong signature, scope or time),
                         UnrecognizedClientException (unknown key), IncompleteSignatureException
                         (unreadable Authorization) or MissingAuthenticationTokenException.
  --rate-limit           Aily's limits, 50 calls a second and 1000 a minute per app (per token
                         without --aily-app) and operation, on the mock's clock: past one, 429
                         code 99991400 with x-ogw-ratelimit-limit and x-ogw-ratelimit-reset.
  -h, --help             this text

Built-in sessions (without --seed), each deletable once:
  Aily   {aily}
  Lex    {lex} (reports session id {lex_id})
  Lex V2 {lex_v2}

Without --aily-app, Aily takes any valid `Authorization: Bearer <token>`; create and update take
`Content-Type: application/json; charset=utf-8` and a body of at most {aily_body} bytes
({aily_template} for get, update and delete).
Without --aws-credentials, Lex requests are not signature-checked.
Every request body is read whole, up to {max_body} bytes: past that, the API's 413, and the
connection is closed. Every answer on an API's path (/open-apis/, /bot/, /bots/) is in its
format, with its log id (X-Tt-Logid) or request id (x-amzn-RequestId), mock-<n>; the request
target is at most {max_path} bytes (else 414). Any other path gets a plain-text 404.

Control API (JSON in and out; a bad request gets 400 with {{\"error\": …}}):
  GET    {CONTROL_PREFIX}            the routes
  POST   {CONTROL_PREFIX}/reset      back to the starting sessions and faults; journal emptied
  POST   {CONTROL_PREFIX}/sessions   add the sessions of a seed document (the --seed format)
  POST   {CONTROL_PREFIX}/faults     queue a fault or a list: {{\"api\": \"lexV2\", \"operation\":
                                     \"DeleteSession\", \"error\": \"ThrottlingException\", \"calls\": 2,
                                     \"status\"?, \"message\"?, \"retryAfterSeconds\"?}}
  GET    {CONTROL_PREFIX}/faults     {{\"pendingCalls\": n}}
  DELETE {CONTROL_PREFIX}/faults     drop every queued fault
  GET    {CONTROL_PREFIX}/journal    the last requests: method, path (no query), api, operation,
                                     status, requestId, credential; never a header or a body
  DELETE {CONTROL_PREFIX}/journal    empty it
  GET    {CONTROL_PREFIX}/clock      the mock's clock: {{\"now\": ms, \"amzDate\", \"running\", \"offsetMs\"}}
  POST   {CONTROL_PREFIX}/clock      {{\"set\": ms}} (stopped there; with \"run\": true, running on),
                                     {{\"step\": ms}} (back if negative), or {{\"run\": true}}
The journal's entries also name the credential used (app id or access key id, never a secret),
and a reset also restarts the clock from the wall clock and forgets tokens and counted calls.
",
        aily = AilyUpdateSessionRequest::new(botsession_mock::AILY_SESSION).path(),
        aily_template = AilyUpdateSessionRequest::PATH_TEMPLATE,
        aily_body = AILY_MAX_BODY_LEN,
        lex = LEX_SESSION.path(),
        lex_id = LEX_SESSION_ID,
        lex_v2 = LEX_V2_SESSION.path(),
        max_body = MAX_BODY_LEN,
        max_path = MAX_PATH_LEN,
        tenant = botsession_mock::feishu::TENANT_TOKEN_PATH,
        app = botsession_mock::feishu::APP_TOKEN_PATH,
    )
}

/// Waits for Ctrl-C (or SIGTERM); if neither can be watched for, waits for ever (the default
/// handlers still end the process).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("cannot watch for Ctrl-C: {e}");
        std::future::pending::<()>().await;
    }
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Serve(options)) => options,
        Ok(Command::Help) => {
            // Nothing to do if stdout is closed.
            let _ = io::stdout().write_all(usage().as_bytes());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{e}\nrun with --help for usage");
            return ExitCode::from(2);
        }
    };
    let mock = match start_state(&options) {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let journal = options.journal.unwrap_or(DEFAULT_JOURNAL);
    let server = Arc::new(Server::new(mock, journal).with_checks(options.checks));
    let listen = options.listen.unwrap_or_else(|| DEFAULT_LISTEN.to_owned());
    runtime.block_on(async move {
        let listener = match TcpListener::bind(&listen).await {
            Ok(listener) => listener,
            Err(e) => {
                eprintln!("cannot listen on {listen}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let addr = match listener.local_addr() {
            Ok(addr) => addr,
            Err(e) => {
                eprintln!("cannot read the bound address: {e}");
                return ExitCode::FAILURE;
            }
        };
        // A script waits for this line: it is written whole and flushed, or the server does not run.
        let mut stdout = io::stdout().lock();
        if let Err(e) = writeln!(stdout, "listening on http://{addr}").and_then(|()| stdout.flush())
        {
            eprintln!("cannot write to stdout: {e}");
            return ExitCode::FAILURE;
        }
        drop(stdout);
        match serve(listener, server, stop_signal()).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("server failed: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(OsString::from))
    }

    #[test]
    fn flags_take_their_value_both_ways() {
        let Ok(Command::Serve(options)) = args(&[
            "--listen=127.0.0.1:0",
            "--seed",
            "a.json",
            "--seed=b.json",
            "--fault",
            "lex:*:ConflictException",
            "--request-journal=5",
            "--aily-app",
            "cli_a:secret",
            "--aily-app=cli_b:s:2",
            "--aws-credentials",
            "AKIAIOSFODNN7EXAMPLE:wJalr",
            "--rate-limit",
        ]) else {
            panic!("parsed")
        };
        assert_eq!(options.listen.as_deref(), Some("127.0.0.1:0"));
        assert_eq!(options.seeds, ["a.json", "b.json"]);
        assert_eq!(options.faults, ["lex:*:ConflictException"]);
        assert_eq!(options.journal, Some(5));
        let apps: Vec<&str> = options.checks.aily_apps.iter().map(AilyApp::id).collect();
        assert_eq!(apps, ["cli_a", "cli_b"]);
        assert_eq!(
            options.checks.aws_keys,
            [AwsKey::new("AKIAIOSFODNN7EXAMPLE", "wJalr")]
        );
        assert!(options.checks.rate_limit);
        let Ok(Command::Serve(plain)) = args(&[]) else {
            panic!("parsed")
        };
        assert!(!plain.checks.rate_limit);
        assert!(matches!(args(&["--help"]), Ok(Command::Help)));
    }

    #[test]
    fn bad_flags_say_which() {
        for (argv, says) in [
            (&["--listen"][..], "--listen needs an address"),
            (&["--colour"], "unexpected argument \"--colour\""),
            (&["--request-journal", "-1"], "--request-journal: \"-1\""),
            (&["listen=x"], "unexpected argument \"listen=x\""),
            (
                &["--rate-limit=yes"],
                "unexpected argument \"--rate-limit\"",
            ),
            (
                &["--aily-app", "cli_a"],
                "--aily-app: expected APP_ID:APP_SECRET",
            ),
            (&["--aily-app"], "--aily-app needs an app"),
            (
                &["--aws-credentials", "akid:s"],
                "--aws-credentials: the access key id \"akid\"",
            ),
            (
                &["--aws-credentials=AKIAIOSFODNN7EXAMPLE:"],
                "the secret access key is empty",
            ),
        ] {
            let error = args(argv).unwrap_err();
            assert!(error.contains(says), "{argv:?}: {error}");
        }
        let bad_fault = Options {
            faults: vec!["lexV2:Nope:X".into()],
            ..Options::default()
        };
        let error = start_state(&bad_fault).unwrap_err();
        assert!(
            error.starts_with("--fault lexV2:Nope:X: operation"),
            "{error}"
        );
    }

    #[test]
    fn a_seed_file_is_read_up_to_its_limit() {
        let path =
            std::env::temp_dir().join(format!("botsession-mock-limit-{}", std::process::id()));
        std::fs::write(&path, b"{\"lex\": []}").unwrap();
        let path_str = path.to_str().unwrap();
        assert_eq!(read_seed(path_str, 11).unwrap(), b"{\"lex\": []}");
        let error = read_seed(path_str, 10).unwrap_err();
        assert!(error.ends_with("larger than 10 bytes"), "{error}");
        std::fs::remove_file(&path).unwrap();
        let missing = read_seed(path_str, 12).unwrap_err();
        assert!(
            missing.starts_with(&format!("--seed {path_str}: ")),
            "{missing}"
        );
    }

    #[test]
    fn help_names_every_flag_and_route() {
        let help = usage();
        for flag in [
            "--listen",
            "--seed",
            "--fault",
            "--request-journal",
            "--aily-app",
            "--aws-credentials",
            "--rate-limit",
            "--help",
        ] {
            assert!(help.contains(flag), "{flag}");
        }
        for route in ["/reset", "/sessions", "/faults", "/journal", "/clock"] {
            assert!(
                help.contains(&format!("{CONTROL_PREFIX}{route}")),
                "{route}"
            );
        }
    }
}
