//! The session APIs on a local port, answered by [`botsession::MockService`]: a stand-in to
//! point a client at instead of Feishu or AWS. Aily's whole session family (create, get,
//! update, delete), and Lex V1 and V2 DeleteSession.
//!
//! ```text
//! cargo run --example mock_server -- --listen 127.0.0.1:8080
//! ```
//!
//! It prints `listening on http://ADDR` (the bound address, so port 0 works) once it accepts
//! connections, and stops on Ctrl-C. Run with `--help` for the operations and the built-in
//! sessions; each session can be deleted once, after which the service's not-found answer comes
//! back. Any `Bearer` token that
//! is a valid `AilyAuthorization` is accepted; Lex requests are not signature-checked.

mod server;

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use botsession::{
    AilyDeleteSessionRequest, AilyUpdateSessionRequest, AILY_MAX_BODY_LEN, MAX_PATH_LEN,
};
use tokio::net::TcpListener;

/// The address to listen on without `--listen`.
const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// What the command line asks for.
enum Command {
    Serve { listen: String },
    Help,
}

/// Reads `--listen ADDR` (or `--listen=ADDR`) and `--help`.
fn parse_args(mut args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut listen = None;
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {a:?} is not UTF-8"))?;
        let value = match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => args
                .next()
                .ok_or("--listen needs an address, e.g. 127.0.0.1:8080")?
                .into_string()
                .map_err(|a| format!("address {a:?} is not UTF-8"))?,
            _ => match arg.strip_prefix("--listen=") {
                Some(value) => value.to_owned(),
                None => return Err(format!("unexpected argument {arg:?}")),
            },
        };
        listen = Some(value);
    }
    Ok(Command::Serve {
        listen: listen.unwrap_or_else(|| DEFAULT_LISTEN.to_owned()),
    })
}

/// The `--help` text, with the built-in sessions as the mock holds them.
fn usage() -> String {
    let aily = AilyDeleteSessionRequest::new(server::AILY_SESSION);
    format!(
        "\
Serves the session APIs of Aily (create, get, update and delete session) and Lex V1 and
Lex V2 (DeleteSession) from an in-memory mock (botsession::MockService), on the wall clock.

usage: mock_server [--listen ADDR]

  --listen ADDR   address to listen on (default {DEFAULT_LISTEN}; port 0 picks a free one)
  -h, --help      this text

Aily (every request with the header Authorization: Bearer <any valid token>; create and
update with Content-Type: application/json; charset=utf-8 and a JSON body of at most
{max_body} bytes, {{channel_context, metadata}}, each optional, at most 255
characters):
  POST   /open-apis/aily/v1/sessions                   create: a new id, session_1, session_2, ...
  GET    {aily_template}   get
  PUT    {aily_template}   update: a field sent replaces, a field left out is kept
  DELETE {aily_template}   delete

Built-in sessions, each deletable once:
  GET, PUT, DELETE {aily}   (Aily)
  DELETE {lex}   (session id {lex_id})
  DELETE {lex_v2}

Every other request gets the answer the service would give, in its format: for a session
not there (or deleted) Aily 400 code 2700001, Lex 404 NotFoundException and Lex V2 404
ResourceNotFoundException; 400 for a bad label, header, body or field (Aily: 2700001 with
a field violation naming it), 415 for another Content-Type, 413 for a larger body, 404 for
an unknown path, 405 (with Allow) for a method the service does not serve on the path, 501
for the operations it does serve there that the mock does not model (Aily's messages and
runs, Lex's get and put session), 414 for a request target (path and query) over
{max_path} bytes, and for Aily 400 code 99991661 without exactly one valid Authorization
header. Every answer on an API's path carries a log id (X-Tt-Logid) or
request id (x-amzn-RequestId), mock-<n>; any other path gets a plain-text 404.
",
        aily = aily.path(),
        aily_template = AilyUpdateSessionRequest::PATH_TEMPLATE,
        max_body = AILY_MAX_BODY_LEN,
        lex = server::LEX_SESSION.path(),
        lex_id = server::LEX_SESSION_ID,
        lex_v2 = server::LEX_V2_SESSION.path(),
        max_path = MAX_PATH_LEN,
    )
}

/// Waits for Ctrl-C; if it cannot be watched for, waits for ever (the default handler still
/// ends the process).
async fn ctrl_c() {
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("cannot watch for Ctrl-C: {e}");
        std::future::pending::<()>().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let listen = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Serve { listen }) => listen,
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
    if let Err(e) = writeln!(stdout, "listening on http://{addr}").and_then(|()| stdout.flush()) {
        eprintln!("cannot write to stdout: {e}");
        return ExitCode::FAILURE;
    }
    drop(stdout);
    match server::serve(listener, server::seeded(), ctrl_c()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server failed: {e}");
            ExitCode::FAILURE
        }
    }
}
