//! What the server suites share: a server on an ephemeral loopback port with a real HTTP/1
//! client (hyper-util) or a raw TCP stream, every wait bounded, and a stop that checks the server
//! ended cleanly. Each suite uses part of it.
#![allow(dead_code)]

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{Method, Request};
use botsession::{
    AilyDeleteSessionRequest, AilyDeleteSessionResponse, AilyServiceError,
    LexDeleteSessionResponse, LexServiceError, MockService, ResponseError,
};
use botsession_mock::{serve, Server};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const TEST_TIMEOUT: Duration = Duration::from_secs(60);
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
pub const AUTH: &str = "Bearer t-g1044qeGEDXTB6NDJOGV4JQX";
pub const AUTHORIZATION: &str = AilyDeleteSessionRequest::AUTHORIZATION;

/// Runs `body` on a fresh multi-thread runtime (the server's flavour, on every core), failing
/// if it takes over [`TEST_TIMEOUT`].
pub fn run(body: impl Future<Output = ()>) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        tokio::time::timeout(TEST_TIMEOUT, body)
            .await
            .expect("the test finished in time");
    });
}

/// Request headers, name and value; a name may repeat.
pub type Headers<'a> = [(&'a str, &'a str)];

/// A running mock server and a client for it.
pub struct Harness {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The bound address.
    pub addr: SocketAddr,
    /// The server, for its journal and its mock.
    pub server: Arc<Server>,
    client: Client<HttpConnector, Full<Bytes>>,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

/// One answer, as the client received it.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Bytes,
}

impl Harness {
    /// Serves `mock` on 127.0.0.1 with an ephemeral port, journalling 100,000 requests.
    pub async fn start(mock: MockService) -> Self {
        Self::start_server(Arc::new(Server::new(mock, 100_000))).await
    }

    /// Serves `server` on 127.0.0.1 with an ephemeral port.
    pub async fn start_server(server: Arc<Server>) -> Self {
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .expect("a loopback port");
        let addr = listener.local_addr().expect("the bound address");
        let (shutdown, stop) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(listener, Arc::clone(&server), async {
            // A dropped sender stops the server too.
            let _ = stop.await;
        }));
        Harness {
            base: format!("http://{addr}"),
            addr,
            server,
            client: Client::builder(TokioExecutor::new()).build_http(),
            shutdown,
            task,
        }
    }

    /// Sends `method` to `url` with `headers` (repeated names are sent repeatedly) and no body.
    pub async fn send(&self, method: &str, url: &str, headers: &Headers<'_>) -> Answer {
        self.send_body(method, url, headers, Vec::new()).await
    }

    /// Sends `method` to `url` with `headers` and `body`.
    pub async fn send_body(
        &self,
        method: &str,
        url: &str,
        headers: &Headers<'_>,
        body: Vec<u8>,
    ) -> Answer {
        let method = Method::from_bytes(method.as_bytes()).expect("a method token");
        let mut request = Request::builder().method(method).uri(url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::from(body)))
            .expect("a valid request");
        let exchange = async {
            let response = self.client.request(request).await.expect("a response");
            let (parts, body) = response.into_parts();
            let body = body.collect().await.expect("the whole body").to_bytes();
            let headers = parts
                .headers
                .iter()
                .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
                .collect();
            Answer {
                status: parts.status.as_u16(),
                headers,
                body,
            }
        };
        tokio::time::timeout(REQUEST_TIMEOUT, exchange)
            .await
            .unwrap_or_else(|_| panic!("no answer to {url} within {REQUEST_TIMEOUT:?}"))
    }

    /// A raw TCP connection to the server.
    pub async fn connect(&self) -> Raw {
        let stream = TcpStream::connect(self.addr).await.expect("a connection");
        Raw {
            stream,
            buf: Vec::new(),
        }
    }

    /// Stops the server gracefully and checks that it returned without error.
    pub async fn stop(self) {
        drop(self.client);
        let _ = self.shutdown.send(());
        tokio::time::timeout(REQUEST_TIMEOUT, self.task)
            .await
            .expect("the server stopped in time")
            .expect("the server task did not panic")
            .expect("the server stopped cleanly");
    }
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| std::str::from_utf8(v).ok())
    }

    pub fn aily(&self) -> Result<AilyDeleteSessionResponse, ResponseError<AilyServiceError>> {
        AilyDeleteSessionResponse::from_http(self.status, &self.headers, &self.body)
    }

    pub fn lex(&self) -> Result<LexDeleteSessionResponse, ResponseError<LexServiceError>> {
        LexDeleteSessionResponse::from_http(self.status, &self.headers, &self.body)
    }
}

/// A raw HTTP/1 connection: bytes written as given, answers read as the server framed them,
/// header names as they came over the wire.
pub struct Raw {
    stream: TcpStream,
    buf: Vec<u8>,
}

/// An answer read off a raw connection.
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    /// The head as sent: the status line and every header line.
    pub head: String,
    /// Header lines as sent, name and value.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawAnswer {
    /// The value of the header named exactly `name` (case-sensitive, as sent).
    pub fn exact(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of the header `name`, in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Raw {
    /// Writes `bytes`.
    pub async fn write(&mut self, bytes: &[u8]) {
        tokio::time::timeout(REQUEST_TIMEOUT, self.stream.write_all(bytes))
            .await
            .expect("written in time")
            .expect("written");
    }

    /// Reads one answer; `head_only` for an answer to `HEAD` (no body, whatever its length).
    pub async fn answer(&mut self, head_only: bool) -> RawAnswer {
        tokio::time::timeout(REQUEST_TIMEOUT, self.read_answer(head_only))
            .await
            .expect("an answer in time")
    }

    async fn read_answer(&mut self, head_only: bool) -> RawAnswer {
        let end = loop {
            if let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break end;
            }
            self.fill().await;
        };
        let head = String::from_utf8(self.buf[..end].to_vec()).expect("an ASCII head");
        self.buf.drain(..end + 4);
        let mut lines = head.split("\r\n");
        let status_line = lines.next().expect("a status line");
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let headers: Vec<(String, String)> = lines
            .map(|line| {
                let (name, value) = line.split_once(':').expect("name: value");
                (name.to_owned(), value.trim().to_owned())
            })
            .collect();
        let len: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map_or(0, |(_, v)| v.parse().expect("a length"));
        let len = if head_only || status == 100 { 0 } else { len };
        while self.buf.len() < len {
            self.fill().await;
        }
        let body = self.buf.drain(..len).collect();
        RawAnswer {
            status,
            head,
            headers,
            body,
        }
    }

    async fn fill(&mut self) {
        let mut chunk = [0u8; 16 * 1024];
        let n = self.stream.read(&mut chunk).await.expect("read");
        assert!(n > 0, "the server closed before the answer was whole");
        self.buf.extend_from_slice(&chunk[..n]);
    }

    /// Whether the server closes the connection within a second, sending nothing more.
    pub async fn closed(&mut self) -> bool {
        let mut chunk = [0u8; 1024];
        let read = async {
            match self.stream.read(&mut chunk).await {
                Ok(0) | Err(_) => true,
                Ok(_) => false,
            }
        };
        self.buf.is_empty()
            && tokio::time::timeout(Duration::from_secs(1), read)
                .await
                .unwrap_or(false)
    }
}
