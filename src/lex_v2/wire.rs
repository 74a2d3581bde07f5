//! The Lex V2 session operations' wire constants beside the restJson1 ones both Lex versions
//! share (`crate::response::rest_json`): PutSession's request header, its response headers, and
//! the bound on what the crate reads.

/// The `Content-Type` of a PutSession request body, as the AWS SDKs send it.
pub(crate) const CONTENT_TYPE: &str = "application/json";
/// PutSession's optional request header: the response's content type (text, or an audio
/// format when audio is asked for).
pub(crate) const RESPONSE_CONTENT_TYPE: &str = "ResponseContentType";
/// PutSession's response header of the messages: base64 of gzip of their JSON list.
#[cfg(feature = "gzip")]
pub(crate) const MESSAGES: &str = "x-amz-lex-messages";
/// PutSession's response header of the session state: base64 of gzip of its JSON.
#[cfg(feature = "gzip")]
pub(crate) const SESSION_STATE: &str = "x-amz-lex-session-state";
/// PutSession's response header of the request attributes: base64 of gzip of their JSON.
#[cfg(feature = "gzip")]
pub(crate) const REQUEST_ATTRIBUTES: &str = "x-amz-lex-request-attributes";
/// PutSession's response header of the session id, as it is.
#[cfg(feature = "gzip")]
pub(crate) const SESSION_ID: &str = "x-amz-lex-session-id";

/// The most bytes of JSON the crate reads for a Lex V2 session value: a PutSession request
/// body, and each of PutSession's response headers once base64 and gzip are undone (1 MiB).
///
/// The model bounds every list but not the strings of a slot, so it sets no size; the largest
/// state it allows with every attribute at its longest (20 contexts of 10 attributes of 1,024
/// characters) is about 800 KB. A body or header past the limit is refused before it is
/// parsed, and a header's inflation stops at the limit, so a 2 KB gzip bomb costs 1 MiB, never
/// gigabytes.
pub const LEX_V2_MAX_JSON_LEN: usize = 1 << 20;
