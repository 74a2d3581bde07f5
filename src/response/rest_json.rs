//! The AWS restJson1 error pieces every Lex runtime shares: the headers a response is read for,
//! the error code as the AWS SDKs sanitize it, and the body fields of an error.

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
/// The content type of every response.
pub(crate) const CONTENT_TYPE: &str = "application/json";
/// The headers a response is read for, in this order.
pub(crate) const HEADERS: [&str; 3] = [ERROR_TYPE, REQUEST_ID, RETRY_AFTER];

/// The longest error code kept; a longer one is cut (it is server data, and hostile input).
pub(crate) const MAX_CODE_LEN: usize = 128;

/// The error code as the AWS SDKs read it: everything from the first `:` cut
/// (`ConflictException:http://internal.amazon.com/...`), then everything up to and including the
/// first `#` (`aws.protocoltests#FooError`), trimmed, and cut to [`MAX_CODE_LEN`]. The cut is
/// trimmed again, so that sanitizing a sanitized code gives it back (a rendered error reads back
/// equal).
pub(crate) fn sanitize_code(raw: &str) -> String {
    let code = raw.split(':').next().unwrap_or_default();
    let code = code.split_once('#').map_or(code, |(_, name)| name).trim();
    String::from(cut(code, MAX_CODE_LEN).trim_end())
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
pub(crate) struct ErrorBody {
    pub(crate) code: String,
    /// Body `message`, else `Message`, else `errorMessage`.
    pub(crate) message: Option<String>,
}

/// Reads an error response (a status outside 2xx): the code from the `x-amzn-ErrorType` header
/// (`error_type`), else the body's `code`, else its `__type`, the first that is not empty once
/// sanitized. A body that is not JSON still leaves the header's code.
///
/// # Errors
///
/// A [`MalformedResponse`] when no source yields a code.
pub(crate) fn read_error(
    status: u16,
    error_type: Option<&str>,
    body: &[u8],
) -> Result<ErrorBody, MalformedResponse> {
    let wire = parse_object::<WireError>(status, body);
    let body_error = wire.as_ref().err().map(|e| String::from(e.reason()));
    let wire = wire.unwrap_or_default();
    // An empty code must not hide the next source.
    let code = [error_type, wire.code.as_deref(), wire.type_.as_deref()]
        .into_iter()
        .flatten()
        .map(sanitize_code)
        .find(|code| !code.is_empty());
    let Some(code) = code else {
        let reason = match body_error {
            Some(e) => alloc::format!("error response with no error code: {e}"),
            None => String::from("error response with no error code"),
        };
        return Err(MalformedResponse::new(status, reason, body));
    };
    Ok(ErrorBody {
        code,
        message: wire.message.or(wire.message_upper).or(wire.error_message),
    })
}

/// Writes an error response as a restJson1 service sends it: `x-amzn-ErrorType: <code>`,
/// `x-amzn-RequestId`, `Retry-After`, and the body `{"message":…}`.
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
    if let Some(secs) = retry_after {
        wire.number_header(RETRY_AFTER, secs);
    }
    wire
}
