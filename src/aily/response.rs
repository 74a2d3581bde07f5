//! The Aily delete-session response: the envelope, the headers it is read with, and the one
//! classifier from status, headers and body.

use alloc::string::String;
use alloc::vec::Vec;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::error::{AilyErrorDetail, AilyErrorKind, AilyServiceError};
use super::error::{FieldViolation, Help, PermissionViolation};
use crate::response::wire::{key, JsonObject, WireResponse};
use crate::response::{parse_object, pick_headers, seconds, Object, ResponseError};

/// The log id header the service sets.
pub(crate) const LOG_ID: &str = "X-Tt-Logid";
/// The content type of every Aily response: JSON, as the docs say, with the charset the Go
/// JSON renderers of Feishu's gateway add (its 404 is Go's own `404 page not found`).
pub(crate) const CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// The limit the call hit, sent with code 99991400.
pub(crate) const RATE_LIMIT_LIMIT: &str = "x-ogw-ratelimit-limit";
/// The log id header some gateways set instead, read when [`LOG_ID`] is absent.
pub(crate) const REQUEST_ID: &str = "X-Request-Id";
/// Seconds until the rate limit resets, sent with code 99991400.
pub(crate) const RATE_LIMIT_RESET: &str = "x-ogw-ratelimit-reset";
/// The headers a response is read for, in this order.
const HEADERS: [&str; 4] = [LOG_ID, REQUEST_ID, RATE_LIMIT_RESET, RATE_LIMIT_LIMIT];

/// A successful Aily delete-session response: `code` 0.
///
/// The docs' example body is `{"code": 0, "msg": "success", "data": {}}`. A client reads one
/// with [`from_http`](Self::from_http); a server builds one with [`new`](Self::new) and writes
/// it with [`render`](Self::render).
///
/// ```
/// use botsession::AilyDeleteSessionResponse;
///
/// let body = br#"{"code":0,"msg":"success","data":{}}"#;
/// let ok = AilyDeleteSessionResponse::from_http(200, &[("x-tt-logid", "2024abc")], body)?;
/// assert_eq!(ok.msg(), "success");
/// assert_eq!(ok.log_id(), Some("2024abc"));
/// # Ok::<(), botsession::ResponseError<botsession::AilyServiceError>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AilyDeleteSessionResponse {
    http_status: u16,
    msg: String,
    log_id: Option<String>,
}

/// The envelope every Aily response has; `data` is read and dropped (the operation returns
/// none), unknown fields are ignored.
#[derive(Deserialize)]
struct Envelope {
    code: i64,
    #[serde(default)]
    msg: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    data: Option<IgnoredAny>,
    #[serde(default)]
    error: Option<Object<WireError>>,
}

#[derive(Deserialize, Default)]
struct WireError {
    #[serde(default)]
    log_id: Option<String>,
    #[serde(default)]
    troubleshooter: Option<String>,
    #[serde(default)]
    field_violations: Option<Vec<Object<FieldViolation>>>,
    #[serde(default)]
    permission_violations: Option<Vec<Object<PermissionViolation>>>,
    #[serde(default)]
    helps: Option<Vec<Object<Help>>>,
}

/// The success `msg`.
const SUCCESS: &str = "success";
/// The success body with that `msg`, as the docs give it.
const SUCCESS_BODY: &[u8] = br#"{"code":0,"msg":"success","data":{}}"#;

impl Default for AilyDeleteSessionResponse {
    /// [`AilyDeleteSessionResponse::new`].
    fn default() -> Self {
        Self::new()
    }
}

fn objects<T>(list: Option<Vec<Object<T>>>) -> Vec<T> {
    list.unwrap_or_default().into_iter().map(|o| o.0).collect()
}

impl AilyDeleteSessionResponse {
    /// Classifies a response from its HTTP status, headers (names matched
    /// case-insensitively, first occurrence wins) and body.
    ///
    /// The body decides, whatever the status: Aily sends business errors with 4xx, 5xx and
    /// sometimes 200, so `code` 0 is success and any other code a
    /// [`AilyServiceError`].
    ///
    /// # Errors
    ///
    /// [`ResponseError::Service`] for a non-zero `code`; [`ResponseError::Malformed`] for a
    /// body that is not the envelope: empty, not JSON, truncated, `code` missing or not an
    /// integer that fits in 64 bits, a JSON array instead of an object, or JSON nested
    /// deeper than 128 levels anywhere, read or ignored.
    pub fn from_http<K, V>(
        status: u16,
        headers: &[(K, V)],
        body: &[u8],
    ) -> Result<Self, ResponseError<AilyServiceError>>
    where
        K: AsRef<[u8]>,
        V: AsRef<[u8]>,
    {
        Self::read(status, headers.iter().map(|(k, v)| (k, v)), body)
    }

    /// [`from_http`](Self::from_http) on any header pairs: the one entry point, which the `http`
    /// feature calls too.
    pub(crate) fn read<'h, K, V>(
        status: u16,
        headers: impl IntoIterator<Item = (&'h K, &'h V)>,
        body: &[u8],
    ) -> Result<Self, ResponseError<AilyServiceError>>
    where
        K: AsRef<[u8]> + ?Sized + 'h,
        V: AsRef<[u8]> + ?Sized + 'h,
    {
        let [tt_logid, request_id, reset, limit] = pick_headers(headers, HEADERS);
        let log_id = tt_logid.or(request_id);
        let envelope: Envelope = parse_object(status, body)
            .map_err(|m| ResponseError::Malformed(m.with_retry_after(seconds(reset))))?;
        let header_log_id = log_id.map(String::from);
        let msg = envelope.msg.unwrap_or_default();
        if envelope.code == 0 {
            let log_id = header_log_id.or(envelope.error.and_then(|e| e.0.log_id));
            return Ok(AilyDeleteSessionResponse {
                http_status: status,
                msg,
                log_id,
            });
        }
        let error = envelope.error.map(|e| e.0).unwrap_or_default();
        Err(ResponseError::Service(AilyServiceError::from_wire(
            AilyErrorKind::from_code(envelope.code),
            status,
            seconds(reset),
            AilyErrorDetail {
                rate_limit: limit.and_then(|l| l.parse().ok()),
                msg,
                log_id: header_log_id.or(error.log_id),
                troubleshooter: error.troubleshooter,
                field_violations: objects(error.field_violations),
                permission_violations: objects(error.permission_violations),
                helps: objects(error.helps),
            },
        )))
    }

    /// The success the service sends: HTTP 200, `msg` `"success"`, no log id.
    pub fn new() -> Self {
        AilyDeleteSessionResponse {
            http_status: 200,
            msg: String::from(SUCCESS),
            log_id: None,
        }
    }

    /// The same, with a log id (sent in `X-Tt-Logid`).
    #[must_use]
    pub fn with_log_id(mut self, log_id: impl Into<String>) -> Self {
        self.log_id = Some(log_id.into());
        self
    }

    /// Writes the response as the service sends it: the status, `Content-Type:
    /// application/json; charset=utf-8`, the log id in `X-Tt-Logid` (where it is a valid header
    /// value), and the envelope `{"code":0,"msg":…,"data":{}}`. What it writes,
    /// [`from_http`](Self::from_http) reads back equal.
    ///
    /// ```
    /// use botsession::AilyDeleteSessionResponse;
    ///
    /// let sent = AilyDeleteSessionResponse::new().with_log_id("2024abc");
    /// let wire = sent.render();
    /// let read = AilyDeleteSessionResponse::from_http(wire.status(), wire.headers(), wire.body());
    /// assert_eq!(read, Ok(sent));
    /// ```
    pub fn render(&self) -> WireResponse {
        let body = if self.msg == SUCCESS {
            // The documented success body, as a constant.
            SUCCESS_BODY.to_vec()
        } else {
            let mut body = Vec::with_capacity(36 + self.msg.len());
            let mut envelope = JsonObject::open(&mut body);
            envelope.raw(key!("code"), b"0");
            envelope.string(key!("msg"), &self.msg);
            envelope.raw(key!("data"), b"{}");
            envelope.close();
            body
        };
        let mut wire = WireResponse::new(self.http_status, CONTENT_TYPE, body);
        wire.header_if_safe(LOG_ID, self.log_id.as_deref());
        wire
    }

    /// The HTTP status of the response.
    pub fn http_status(&self) -> u16 {
        self.http_status
    }

    /// The service's `msg` (`"success"`).
    pub fn msg(&self) -> &str {
        &self.msg
    }

    /// The log id: header `X-Tt-Logid`, else `X-Request-Id`, else `error.log_id`.
    pub fn log_id(&self) -> Option<&str> {
        self.log_id.as_deref()
    }
}
