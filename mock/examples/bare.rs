//! The baseline of the load bench (`benches/load.sh`): a bare axum server that answers every
//! request, whatever its method and path, with one fixed status and body, on the same runtime
//! as `botsession-mock` (tokio multi-thread, a worker per core) and with the same socket setup
//! (`TCP_NODELAY`). What the mock costs beyond it is the mock: its HTTP/1 code and the service.
//!
//! ```text
//! cargo run --release -p botsession-mock --example bare -- \
//!     --listen 127.0.0.1:0 --status 404 --body-len 120 [--content-type application/json]
//! ```
//!
//! Prints `listening on http://ADDR` once it accepts connections, like the mock.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::serve::ListenerExt;
use axum::Router;
use tokio::net::TcpListener;

/// What the command line asks for.
struct Options {
    listen: String,
    status: StatusCode,
    body_len: usize,
    content_type: HeaderValue,
}

/// Reads the flags, each as `--flag VALUE` or `--flag=VALUE`.
fn parse_args(mut args: impl Iterator<Item = OsString>) -> Result<Options, String> {
    let mut options = Options {
        listen: "127.0.0.1:0".to_owned(),
        status: StatusCode::OK,
        body_len: 0,
        content_type: HeaderValue::from_static("application/json"),
    };
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {a:?} is not UTF-8"))?;
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        let value = match inline {
            Some(value) => value,
            None => args
                .next()
                .and_then(|v| v.into_string().ok())
                .ok_or(format!("{flag} needs a value"))?,
        };
        let bad = |what: &str| format!("{flag}: {value:?} is not {what}");
        match flag.as_str() {
            "--listen" => options.listen = value,
            "--status" => {
                options.status = value
                    .parse::<u16>()
                    .ok()
                    .and_then(|n| StatusCode::from_u16(n).ok())
                    .ok_or_else(|| bad("a status code"))?;
            }
            "--body-len" => options.body_len = value.parse().map_err(|_| bad("a length"))?,
            "--content-type" => {
                options.content_type =
                    HeaderValue::from_str(&value).map_err(|_| bad("a header value"))?;
            }
            _ => return Err(format!("unexpected argument {flag:?}")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("{e}\nusage: bare [--listen ADDR] [--status N] [--body-len N] [--content-type TYPE]");
            return ExitCode::from(2);
        }
    };
    // The runtime `botsession-mock` runs on: a worker thread per core.
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
    runtime.block_on(serve(options))
}

async fn serve(options: Options) -> ExitCode {
    let Options {
        listen,
        status,
        body_len,
        content_type,
    } = options;
    let body = Bytes::from(vec![b'x'; body_len]);
    // The body is read whole before the answer, as the mock reads every body: an unread body
    // would also cost hyper its keep-alive.
    let app = Router::new().fallback(move |_request_body: Bytes| {
        let answer = (status, [(CONTENT_TYPE, content_type.clone())], body.clone());
        async move { answer }
    });
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
    // The mock sets TCP_NODELAY on every connection; so does the baseline.
    let listener = listener.tap_io(|stream| {
        let _ = stream.set_nodelay(true);
    });
    let mut stdout = io::stdout().lock();
    if let Err(e) = writeln!(stdout, "listening on http://{addr}").and_then(|()| stdout.flush()) {
        eprintln!("cannot write to stdout: {e}");
        return ExitCode::FAILURE;
    }
    drop(stdout);
    match axum::serve(listener, app).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server failed: {e}");
            ExitCode::FAILURE
        }
    }
}
