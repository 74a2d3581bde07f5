//! The AWS restJson1 wire every Lex runtime shares, for both directions: the header names, the
//! error code as the AWS SDKs sanitize it, reading a response and writing one.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;

use super::wire::{is_header_safe, key, JsonObject, WireResponse};
use super::{parse_object, MalformedResponse};
use crate::text::cut;

/// The error code header, e.g. `ConflictException:http://internal.amazon.com/…`.
pub(crate) const ERROR_TYPE: &str = "x-amzn-ErrorType";
/// The request id header.
pub(crate) const REQUEST_ID: &str = "x-amzn-RequestId";
/// The wait in seconds, on throttling.
pub(crate) const RETRY_AFTER: &str = "Retry-After";
/// The wait in milliseconds, read before [`RETRY_AFTER`] (aws-sdk-rust reads only this one).
pub(crate) const AMZ_RETRY_AFTER: &str = "x-amz-retry-after";
/// The content type of every response.
pub(crate) const CONTENT_TYPE: &str = "application/json";
/// The code AWS services answer a request that names no operation with.
pub(crate) const UNKNOWN_OPERATION: &str = "UnknownOperationException";
/// The headers a response is read for, in this order.
pub(crate) const HEADERS: [&str; 4] = [ERROR_TYPE, REQUEST_ID, AMZ_RETRY_AFTER, RETRY_AFTER];

/// The wait a response asks for, in milliseconds: `x-amz-retry-after` (milliseconds) first,
/// then `Retry-After` (seconds), capped at [`MAX_RETRY_AFTER_SECS`](crate::MAX_RETRY_AFTER_SECS).
pub(crate) fn retry_after_millis(amz: Option<&str>, seconds: Option<&str>) -> Option<u64> {
    amz.and_then(|v| v.parse::<u64>().ok())
        .map(cap_millis)
        .or_else(|| super::seconds(seconds).map(|s| s * 1000))
}

/// A wait in milliseconds, capped as a reader caps it.
pub(crate) fn cap_millis(millis: u64) -> u64 {
    millis.min(super::MAX_RETRY_AFTER_SECS * 1000)
}

/// The longest error code kept; a longer one is cut (it is server data, and hostile input).
pub(crate) const MAX_CODE_LEN: usize = 128;

/// The error code as the AWS SDKs read it (aws-sdk-js-v3 `sanitizeErrorCode`): the first of
/// several comma-separated values (API Gateway adds one; smithy PR 1934), everything from the
/// first `:` cut (`ConflictException:http://internal.amazon.com/...`), then everything up to and
/// including the first `#` (`aws.protocoltests#FooError`), trimmed, and cut to
/// [`MAX_CODE_LEN`]. The cut is trimmed again, so that sanitizing a sanitized code gives it back
/// (a rendered error reads back equal).
pub(crate) fn sanitize_code(raw: &str) -> &str {
    // The first value's part before its first `:` ends at the first `,` or `:`, whichever comes
    // first: one scan. Both are ASCII, so the cut falls on a character boundary.
    let end = raw.bytes().position(|b| b == b',' || b == b':');
    let code = raw.get(..end.unwrap_or(raw.len())).unwrap_or_default();
    let start = code.bytes().position(|b| b == b'#').map_or(0, |i| i + 1);
    let code = code.get(start..).unwrap_or_default().trim();
    cut(code, MAX_CODE_LEN).trim_end()
}

/// The fields an error body may carry; every one optional.
#[derive(Deserialize, Default)]
struct WireError {
    #[serde(default)]
    code: Option<String>,
    #[serde(default, rename = "__type")]
    type_: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default, rename = "Message")]
    message_upper: Option<String>,
    #[serde(default, rename = "errorMessage")]
    error_message: Option<String>,
}

/// What an error response says: its sanitized code and its message.
pub(crate) struct ErrorBody<'h> {
    /// Borrowed from the header, owned when it comes from the body.
    pub(crate) code: Cow<'h, str>,
    /// Body `message`, else `Message`, else `errorMessage`.
    pub(crate) message: Option<String>,
}

/// Reads an error response (a status outside 2xx): the code from the `x-amzn-ErrorType` header
/// (`error_type`), else the body's `code`, else its `__type`, the first that is not empty once
/// sanitized; an empty code when none has one but the body is a JSON object with a message. A
/// body that is not JSON still leaves the header's code.
///
/// # Errors
///
/// A [`MalformedResponse`] when no source yields a code.
pub(crate) fn read_error<'h>(
    status: u16,
    error_type: Option<&'h str>,
    body: &[u8],
) -> Result<ErrorBody<'h>, MalformedResponse> {
    let wire = parse_object::<WireError>(status, body);
    let body_error = wire.as_ref().err().map(|e| String::from(e.reason()));
    let wire = wire.unwrap_or_default();
    // An empty code must not hide the next source.
    let code = match error_type.map(sanitize_code).filter(|c| !c.is_empty()) {
        Some(code) => Some(Cow::Borrowed(code)),
        None => [wire.code.as_deref(), wire.type_.as_deref()]
            .into_iter()
            .flatten()
            .map(sanitize_code)
            .find(|code| !code.is_empty())
            .map(|code| Cow::Owned(String::from(code))),
    };
    let message = wire.message.or(wire.message_upper).or(wire.error_message);
    // A JSON object with a message but no code is still the service's error (the SDKs keep it:
    // smithy-rs as an unhandled error with its message, aws-sdk-go-v2 as `UnknownError`).
    let code = match (code, &message) {
        // (A message means the body parsed: a body that did not is read as no fields.)
        (None, Some(_)) => Some(Cow::Borrowed("")),
        (code, _) => code,
    };
    let Some(code) = code else {
        let reason = match body_error {
            Some(e) => alloc::format!("error response with no error code: {e}"),
            None => String::from("error response with no error code"),
        };
        return Err(MalformedResponse::new(status, reason, body));
    };
    Ok(ErrorBody { code, message })
}

/// Writes an error response as a restJson1 service sends it: `x-amzn-ErrorType: <code>`,
/// `x-amzn-RequestId`, the wait (`retry_after`, in milliseconds: `Retry-After` in whole seconds,
/// else `x-amz-retry-after`), and the body `{"message":…}`.
///
/// The code is written so that [`sanitize_code`] gives it back: with a leading `#` when it holds
/// one (the sanitizer drops everything up to the first), and in the body's `code` field when it
/// cannot travel in the header (not visible ASCII, or a `,`, which separates values there).
pub(crate) fn render_error(
    status: u16,
    code: &str,
    static_code: Option<&'static str>,
    message: Option<&str>,
    request_id: Option<&str>,
    retry_after: Option<u64>,
) -> WireResponse {
    // A documented code is a constant that needs neither check.
    let (hash, in_header) = match static_code {
        Some(_) => ("", true),
        None => (
            if code.contains('#') { "#" } else { "" },
            is_header_safe(code) && !code.contains(','),
        ),
    };
    let with_hash = || -> Cow<'static, str> {
        match static_code {
            Some(code) => Cow::Borrowed(code),
            _ => {
                let mut value = String::with_capacity(hash.len() + code.len());
                value.push_str(hash);
                value.push_str(code);
                Cow::Owned(value)
            }
        }
    };
    let mut body = Vec::with_capacity(16 + message.map_or(0, str::len));
    let mut object = JsonObject::open(&mut body);
    if !in_header && !code.is_empty() {
        object.string(key!("code"), &with_hash());
    }
    object.optional(key!("message"), message);
    object.close();
    let mut wire = WireResponse::new(status, CONTENT_TYPE, body);
    if in_header {
        wire.owned_header(ERROR_TYPE, with_hash());
    }
    wire.header_if_safe(REQUEST_ID, request_id);
    match retry_after {
        Some(millis) if millis % 1000 == 0 => wire.number_header(RETRY_AFTER, millis / 1000),
        Some(millis) => wire.number_header(AMZ_RETRY_AFTER, millis),
        None => {}
    }
    wire
}

/// An error response as read, before it becomes a version's service error.
pub(crate) struct ReadError<'h> {
    pub(crate) code: Cow<'h, str>,
    pub(crate) message: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) status: u16,
    pub(crate) retry_after_millis: Option<u64>,
}

/// Classifies a restJson1 response of either Lex version: a 2xx is a success, its body read
/// into `T` (an empty body is every field absent, as the AWS SDKs read it), with the request
/// id; anything else is an error (see [`read_error`]), made a service error by `error`.
pub(crate) fn read_response<'h, 'b, T, E, H>(
    status: u16,
    headers: &'h H,
    body: &'b [u8],
    error: impl FnOnce(ReadError<'h>) -> E,
) -> Result<(T, Option<String>), super::ResponseError<E>>
where
    T: Deserialize<'b> + Default,
    H: crate::Headers + ?Sized,
{
    let (request_id, wait) = read_status(status, headers, body, error)?;
    let ok = if body.iter().all(u8::is_ascii_whitespace) {
        T::default()
    } else {
        parse_object::<T>(status, body)
            .map_err(|m| super::ResponseError::Malformed(m.with_retry_after_millis(wait)))?
    };
    Ok((ok, request_id))
}

/// Classifies a restJson1 response by its status: a 2xx is a success, with its request id and
/// the wait its headers ask for (the body is the caller's to read); anything else is an error
/// (see [`read_error`]), made a service error by `error`.
pub(crate) fn read_status<'h, E, H>(
    status: u16,
    headers: &'h H,
    body: &[u8],
    error: impl FnOnce(ReadError<'h>) -> E,
) -> Result<(Option<String>, Option<u64>), super::ResponseError<E>>
where
    H: crate::Headers + ?Sized,
{
    use super::ResponseError;
    let [error_type, request_id, amz_wait, wait] = super::pick_headers(headers.pairs(), HEADERS);
    let wait = retry_after_millis(amz_wait, wait);
    let request_id = request_id.map(String::from);
    if (200..300).contains(&status) {
        return Ok((request_id, wait));
    }
    let body = read_error(status, error_type, body)
        .map_err(|m| ResponseError::Malformed(m.with_retry_after_millis(wait)))?;
    Err(ResponseError::Service(error(ReadError {
        code: body.code,
        message: body.message,
        request_id,
        status,
        retry_after_millis: wait,
    })))
}

/// Writes a success response: the status, `Content-Type`, `x-amzn-RequestId` (where it is a
/// valid header value), and a body object of the `fields` that are set, in order.
pub(crate) fn render_success<const N: usize>(
    status: u16,
    request_id: Option<&str>,
    fields: [(&[u8], Option<&str>); N],
) -> WireResponse {
    let len: usize = fields
        .iter()
        .map(|(k, v)| k.len() + v.map_or(0, str::len) + 3)
        .sum();
    let mut body = Vec::with_capacity(len + 2);
    let mut object = JsonObject::open(&mut body);
    for (key, value) in fields {
        object.optional(key, value);
    }
    object.close();
    let mut wire = WireResponse::new(status, CONTENT_TYPE, body);
    wire.header_if_safe(REQUEST_ID, request_id);
    wire
}
