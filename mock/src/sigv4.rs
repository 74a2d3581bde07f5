//! AWS Signature Version 4, checked as the Lex runtimes check it (`--aws-credentials`): the
//! `Authorization` header read, the key looked up, the request time held to AWS's 5-minute
//! window, and the signature recomputed over the canonical request, with the path
//! normalised and encoded a second time as AWS does for every service but S3.
//!
//! The steps are AWS's "Create a signed AWS API request" (IAM user guide):
//! 1. the canonical request: method, canonical URI, canonical query, canonical headers, signed
//!    headers, and the hex SHA-256 of the body ([`canonical_request`]);
//! 2. the string to sign: `AWS4-HMAC-SHA256`, the request time, the scope, and the hex
//!    SHA-256 of the canonical request ([`string_to_sign`]);
//! 3. the signing key, HMAC-SHA256 chained over `AWS4` + secret, date, region, service and
//!    `aws4_request`, and the signature, the hex HMAC of the string to sign ([`signature`]).
//!
//! [`sign`] does the same from the client's side, for tests. HMAC-SHA256 and SHA-256 are
//! RustCrypto's `hmac` and `sha2`, which the AWS SDK's own signer (`aws-sigv4`) uses.

use std::fmt;
use std::fmt::Write as _;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The one algorithm the header may name.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// How far the request time may be from the server's, either way: 5 minutes, in milliseconds.
pub const MAX_SKEW_MS: i64 = 5 * 60 * 1000;

/// The credential scope's last part.
const TERMINATOR: &str = "aws4_request";

/// The most names `SignedHeaders` may list (more than a request can have:
/// [`MAX_HEADERS`](crate::http1::MAX_HEADERS)).
const MAX_SIGNED_HEADERS: usize = crate::http1::MAX_HEADERS;

/// The last instant the request-time format can write: 9999-12-31T23:59:59.999Z.
pub const MAX_TIME_MS: i64 = 253_402_300_799_999;

/// An AWS access key: its id, which requests name and the journal records, and its secret,
/// which never leaves this value (its `Debug` shows the id only).
#[derive(Clone, PartialEq, Eq)]
pub struct AwsKey {
    access_key_id: String,
    secret: String,
}

impl AwsKey {
    /// A key of `access_key_id` and `secret`.
    pub fn new(access_key_id: impl Into<String>, secret: impl Into<String>) -> AwsKey {
        AwsKey {
            access_key_id: access_key_id.into(),
            secret: secret.into(),
        }
    }

    /// Reads `AKID:SECRET` (the `--aws-credentials` flag): the id is 16 to 128 characters of
    /// `[A-Z0-9]` (IAM's pattern is `[\w]+`; every key AWS issues is uppercase and digits),
    /// the secret anything non-empty after the first `:`.
    ///
    /// # Errors
    ///
    /// What is wrong, never quoting the secret.
    pub fn from_cli(spec: &str) -> Result<AwsKey, String> {
        let (id, secret) = spec
            .split_once(':')
            .ok_or("expected ACCESS_KEY_ID:SECRET_ACCESS_KEY")?;
        if !is_key_id(id) {
            return Err(format!(
                "the access key id {:?} is not 16 to 128 of [A-Z0-9]",
                crate::journal::cut(id, 128)
            ));
        }
        if secret.is_empty() {
            return Err("the secret access key is empty".to_owned());
        }
        Ok(AwsKey::new(id, secret))
    }

    /// The access key id.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }
}

impl fmt::Debug for AwsKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AwsKey")
            .field("access_key_id", &self.access_key_id)
            .field("secret", &"<redacted>")
            .finish()
    }
}

/// A request as the signature covers it.
#[derive(Clone, Copy, Debug)]
pub struct SignedRequest<'a> {
    /// The method.
    pub method: &'a str,
    /// The request target as sent: path and any query, percent-encoded as the client sent it.
    pub target: &'a str,
    /// The header fields, names as sent.
    pub headers: &'a [(&'a str, &'a [u8])],
    /// The body.
    pub body: &'a [u8],
}

/// Why a request's signature is refused, each with the code, status and message AWS answers
/// it with (restJson1, `x-amzn-ErrorType`); see [`code`](Self::code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SigV4Error {
    /// No `Authorization` header.
    Missing,
    /// The header cannot be read as a SigV4 authorization: what is missing or wrong.
    Incomplete(String),
    /// The access key id is not one the server knows.
    UnknownKey,
    /// The credential scope is wrong for this request: what is wrong.
    Scope(String),
    /// The request time is more than 5 minutes before the server's.
    Expired {
        /// The request time, as signed.
        signed: String,
        /// The server's time.
        now: String,
        /// The earliest time accepted.
        earliest: String,
    },
    /// The request time is more than 5 minutes after the server's.
    NotYetCurrent {
        /// The request time, as signed.
        signed: String,
        /// The server's time.
        now: String,
        /// The latest time accepted.
        latest: String,
    },
    /// The signature is not the one the key gives.
    Mismatch,
}

impl SigV4Error {
    /// The error code AWS answers with.
    pub fn code(&self) -> &'static str {
        match self {
            SigV4Error::Missing => "MissingAuthenticationTokenException",
            SigV4Error::Incomplete(_) => "IncompleteSignatureException",
            SigV4Error::UnknownKey => "UnrecognizedClientException",
            SigV4Error::Scope(_)
            | SigV4Error::Expired { .. }
            | SigV4Error::NotYetCurrent { .. }
            | SigV4Error::Mismatch => "InvalidSignatureException",
        }
    }

    /// The HTTP status AWS answers with: 403, for every one of them (the restJson1 front
    /// ends answer `IncompleteSignatureException` with 403 too, where the query protocol's
    /// answer it with 400).
    pub fn http_status(&self) -> u16 {
        403
    }

    /// The message AWS answers with (never a secret, a signature or the header itself).
    pub fn message(&self) -> String {
        match self {
            SigV4Error::Missing => "Missing Authentication Token".to_owned(),
            SigV4Error::Incomplete(why) | SigV4Error::Scope(why) => why.clone(),
            SigV4Error::UnknownKey => "The security token included in the request is invalid.".to_owned(),
            SigV4Error::Expired { signed, now, earliest } => {
                format!("Signature expired: {signed} is now earlier than {earliest} ({now} - 5 min.)")
            }
            SigV4Error::NotYetCurrent { signed, now, latest } => {
                format!("Signature not yet current: {signed} is still later than {latest} ({now} + 5 min.)")
            }
            SigV4Error::Mismatch => "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.".to_owned(),
        }
    }
}

impl fmt::Display for SigV4Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl std::error::Error for SigV4Error {}

/// The parts of an `Authorization: AWS4-HMAC-SHA256 …` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authorization<'a> {
    /// The access key id.
    pub access_key_id: &'a str,
    /// The scope's date, `YYYYMMDD`.
    pub date: &'a str,
    /// The scope's region.
    pub region: &'a str,
    /// The scope's service.
    pub service: &'a str,
    /// The scope's terminator (`aws4_request` when right).
    pub terminator: &'a str,
    /// The signed header names, as listed.
    pub signed_headers: Vec<&'a str>,
    /// The signature, as sent.
    pub signature: &'a str,
}

impl<'a> Authorization<'a> {
    /// Reads the header value: the algorithm, then `Credential`, `SignedHeaders` and
    /// `Signature`, each once, separated by commas (spaces around them allowed).
    ///
    /// # Errors
    ///
    /// [`SigV4Error::Incomplete`], saying which part is missing, doubled or malformed.
    pub fn parse(value: &'a str) -> Result<Authorization<'a>, SigV4Error> {
        let incomplete = |why: &str| Err(SigV4Error::Incomplete(why.to_owned()));
        let (algorithm, rest) = value.split_once(' ').unwrap_or((value, ""));
        if algorithm != ALGORITHM {
            return incomplete("Authorization header requires the algorithm 'AWS4-HMAC-SHA256'.");
        }
        let (mut credential, mut signed, mut signature) = (None, None, None);
        for part in rest.split(',') {
            let part = part.trim_matches(' ');
            if part.is_empty() {
                continue;
            }
            let Some((key, value)) = part.split_once('=') else {
                return incomplete(
                    "Authorization header requires each component to be Key=Value, separated by commas.",
                );
            };
            let slot = match key {
                "Credential" => &mut credential,
                "SignedHeaders" => &mut signed,
                "Signature" => &mut signature,
                _ => {
                    return incomplete(
                        "Authorization header has a component other than Credential, SignedHeaders and Signature.",
                    )
                }
            };
            if slot.replace(value).is_some() {
                return incomplete("Authorization header has a component more than once.");
            }
        }
        let mut missing = String::new();
        for (name, part) in [
            ("Credential", credential),
            ("Signature", signature),
            ("SignedHeaders", signed),
        ] {
            if part.is_none() {
                let _ = write!(
                    missing,
                    "{}Authorization header requires '{name}' parameter.",
                    if missing.is_empty() { "" } else { " " }
                );
            }
        }
        let (Some(credential), Some(signed), Some(signature)) = (credential, signed, signature)
        else {
            return Err(SigV4Error::Incomplete(missing));
        };
        let scope: Vec<&str> = credential.splitn(6, '/').collect();
        let &[access_key_id, date, region, service, terminator] = scope.as_slice() else {
            return incomplete(
                "Credential must have exactly 5 slash-separated components: ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request.",
            );
        };
        if access_key_id.is_empty() {
            return incomplete("Credential requires an access key id.");
        }
        let signed_headers: Vec<&str> = signed.split(';').collect();
        if signed_headers.len() > MAX_SIGNED_HEADERS {
            return incomplete("SignedHeaders lists more headers than a request can have.");
        }
        if signed_headers.iter().any(|name| name.is_empty()) {
            return incomplete("SignedHeaders has an empty header name.");
        }
        Ok(Authorization {
            access_key_id,
            date,
            region,
            service,
            terminator,
            signed_headers,
            signature,
        })
    }
}

/// Checks a request's signature against `keys` at the server time `now_ms`, for `service`:
/// the key it was signed with, or why it is refused. The checks run in AWS's order: the header
/// read, the key known, the request time present, the scope right for the request, the time
/// within [`MAX_SKEW_MS`], then the signature.
///
/// # Errors
///
/// The [`SigV4Error`] AWS answers.
pub fn verify<'k>(
    request: &SignedRequest<'_>,
    keys: &'k [AwsKey],
    now_ms: i64,
    service: &str,
) -> Result<&'k AwsKey, SigV4Error> {
    let value = single_header(request.headers, "authorization")
        .map_err(|()| {
            SigV4Error::Incomplete("Authorization header is given more than once.".to_owned())
        })?
        .ok_or(SigV4Error::Missing)?;
    let value = std::str::from_utf8(value)
        .map_err(|_| SigV4Error::Incomplete("Authorization header is not UTF-8.".to_owned()))?;
    let auth = Authorization::parse(value)?;
    let key = keys
        .iter()
        .find(|key| key.access_key_id == auth.access_key_id)
        .ok_or(SigV4Error::UnknownKey)?;
    let amz_date = single_header(request.headers, "x-amz-date")
        .ok()
        .flatten()
        .and_then(|v| std::str::from_utf8(v).ok());
    let Some(amz_date) = amz_date else {
        return Err(SigV4Error::Incomplete(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
                .to_owned(),
        ));
    };
    let signed_ms = parse_amz_date(amz_date).ok_or_else(|| {
        SigV4Error::Incomplete(
            "X-Amz-Date must be in the ISO-8601 basic format YYYYMMDD'T'HHMMSS'Z'.".to_owned(),
        )
    })?;
    check_scope(&auth, amz_date, service)?;
    check_skew(signed_ms, now_ms)?;
    if !auth.signed_headers.contains(&"host") {
        return Err(SigV4Error::Scope(
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.".to_owned(),
        ));
    }
    if !payload_matches(request) {
        return Err(SigV4Error::Mismatch);
    }
    let creq = canonical_request(request, &auth.signed_headers, true);
    let scope = format!(
        "{}/{}/{}/{TERMINATOR}",
        auth.date, auth.region, auth.service
    );
    let sts = string_to_sign(amz_date, &scope, &creq);
    let mac = final_mac(&key.secret, auth.date, auth.region, auth.service, &sts);
    let sent = decode_hex(auth.signature).ok_or(SigV4Error::Mismatch)?;
    mac.verify_slice(&sent).map_err(|_| SigV4Error::Mismatch)?;
    Ok(key)
}

/// The access key id a request's `Authorization` header names, if it has one that looks like
/// an access key id (16 to 128 of `[A-Z0-9]`), whether or not the request is signed right:
/// what the journal records of a refused request.
pub fn claimed_key_id<'h>(headers: &[(&str, &'h [u8])]) -> Option<&'h str> {
    let value = single_header(headers, "authorization").ok()??;
    let value = std::str::from_utf8(value).ok()?;
    let (_, rest) = value.split_once("Credential=")?;
    let id = rest.split('/').next()?;
    is_key_id(id).then_some(id)
}

/// Whether `id` is an access key id as the flag takes them: 16 to 128 of `[A-Z0-9]`.
fn is_key_id(id: &str) -> bool {
    (16..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The scope checks AWS makes before the signature: the date is the request time's, the
/// service is this one, the terminator is `aws4_request`, the region looks like one.
fn check_scope(auth: &Authorization<'_>, amz_date: &str, service: &str) -> Result<(), SigV4Error> {
    let day = amz_date.get(..8).unwrap_or(amz_date);
    if auth.date != day {
        return Err(SigV4Error::Scope(format!(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{}' != '{day}', from '{amz_date}'.",
            crate::journal::cut(auth.date, 16)
        )));
    }
    let region_ok = (1..=32).contains(&auth.region.len())
        && auth
            .region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !region_ok {
        return Err(SigV4Error::Scope(
            "Credential should be scoped to a valid region.".to_owned(),
        ));
    }
    if auth.service != service {
        return Err(SigV4Error::Scope(format!(
            "Credential should be scoped to correct service: '{service}'."
        )));
    }
    if auth.terminator != TERMINATOR {
        return Err(SigV4Error::Scope(format!(
            "Credential should be scoped with a valid terminator: '{TERMINATOR}'."
        )));
    }
    Ok(())
}

/// The 5-minute window around the server time.
fn check_skew(signed_ms: i64, now_ms: i64) -> Result<(), SigV4Error> {
    let earliest = now_ms.saturating_sub(MAX_SKEW_MS);
    let latest = now_ms.saturating_add(MAX_SKEW_MS);
    if signed_ms < earliest {
        return Err(SigV4Error::Expired {
            signed: format_amz_date(signed_ms),
            now: format_amz_date(now_ms),
            earliest: format_amz_date(earliest),
        });
    }
    if signed_ms > latest {
        return Err(SigV4Error::NotYetCurrent {
            signed: format_amz_date(signed_ms),
            now: format_amz_date(now_ms),
            latest: format_amz_date(latest),
        });
    }
    Ok(())
}

/// The value of the one header named `name` (lowercase): `Ok(None)` if absent, `Err` if given
/// more than once.
fn single_header<'h>(headers: &[(&str, &'h [u8])], name: &str) -> Result<Option<&'h [u8]>, ()> {
    let mut found = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v);
    let first = found.next();
    match found.next() {
        Some(_) => Err(()),
        None => Ok(first),
    }
}

/// The canonical request of step 1, over the headers named in `signed_headers` (as listed),
/// with the path normalized (`normalize`: what AWS does for every service but S3, and what
/// [`verify`] does) or as sent:
///
/// ```text
/// METHOD
/// canonical URI: the path (if normalized: dot segments and empty segments removed), then
///   percent-encoded (every byte but A-Z a-z 0-9 - _ . ~ and /), so a path sent encoded is
///   encoded twice
/// canonical query: each name and value decoded then encoded, sorted by name then value
/// name:value per signed header, lowercase name, value trimmed with inner runs of spaces
///   made one, the values of a repeated header joined by commas
/// (an empty line)
/// the signed header names joined by ;
/// the payload hash: the x-amz-content-sha256 header if sent (its value signed as it is, and
///   for it to verify it must be UNSIGNED-PAYLOAD or the hex SHA-256 of the body), else the
///   hex SHA-256 of the body
/// ```
pub fn canonical_request(
    request: &SignedRequest<'_>,
    signed_headers: &[&str],
    normalize: bool,
) -> Vec<u8> {
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((request.target, ""));
    let mut out = Vec::with_capacity(256 + request.target.len());
    out.extend_from_slice(request.method.as_bytes());
    out.push(b'\n');
    if normalize {
        encode_into(&mut out, normalize_path(path).as_bytes(), true);
    } else {
        encode_into(&mut out, path.as_bytes(), true);
    }
    out.push(b'\n');
    out.extend_from_slice(canonical_query(query).as_bytes());
    out.push(b'\n');
    for name in signed_headers {
        out.extend_from_slice(name.as_bytes());
        out.push(b':');
        let mut first = true;
        for (_, value) in request
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            if !first {
                out.push(b',');
            }
            first = false;
            canonical_value_into(&mut out, value);
        }
        out.push(b'\n');
    }
    out.push(b'\n');
    out.extend_from_slice(signed_headers.join(";").as_bytes());
    out.push(b'\n');
    match single_header(request.headers, "x-amz-content-sha256") {
        Ok(Some(sent)) => out.extend_from_slice(sent.trim_ascii()),
        _ => out.extend_from_slice(hex(&Sha256::digest(request.body)).as_bytes()),
    }
    out
}

/// Whether the payload hash a request was signed with stands for its body: no
/// `x-amz-content-sha256` (the hash is computed), `UNSIGNED-PAYLOAD`, or the body's hash.
fn payload_matches(request: &SignedRequest<'_>) -> bool {
    match single_header(request.headers, "x-amz-content-sha256") {
        Ok(None) => true,
        Ok(Some(sent)) => {
            let sent = sent.trim_ascii();
            sent == b"UNSIGNED-PAYLOAD" || sent == hex(&Sha256::digest(request.body)).as_bytes()
        }
        Err(()) => false,
    }
}

/// The string to sign of step 2.
pub fn string_to_sign(amz_date: &str, scope: &str, canonical_request: &[u8]) -> String {
    format!(
        "{ALGORITHM}\n{amz_date}\n{scope}\n{}",
        hex(&Sha256::digest(canonical_request))
    )
}

/// The signature of step 3: lowercase hex.
pub fn signature(secret: &str, date: &str, region: &str, service: &str, sts: &str) -> String {
    hex(&final_mac(secret, date, region, service, sts)
        .finalize()
        .into_bytes())
}

/// The `Authorization` value a client sends for `request`, signed with `key` at `amz_date`
/// (`YYYYMMDDTHHMMSSZ`, which the request's `X-Amz-Date` must carry) for `region` and
/// `service`, over `signed_headers` (lowercase, sorted, `host` among them).
pub fn sign(
    request: &SignedRequest<'_>,
    key: &AwsKey,
    amz_date: &str,
    region: &str,
    service: &str,
    signed_headers: &[&str],
) -> String {
    let date = amz_date.get(..8).unwrap_or(amz_date);
    let scope = format!("{date}/{region}/{service}/{TERMINATOR}");
    let creq = canonical_request(request, signed_headers, true);
    let sts = string_to_sign(amz_date, &scope, &creq);
    format!(
        "{ALGORITHM} Credential={}/{scope}, SignedHeaders={}, Signature={}",
        key.access_key_id,
        signed_headers.join(";"),
        signature(&key.secret, date, region, service, &sts)
    )
}

type HmacSha256 = Hmac<Sha256>;

/// HMAC-SHA256 of `data` under `key`.
fn hmac(key: &[u8], data: &[u8]) -> HmacSha256 {
    // HMAC takes a key of any length: `new_from_slice` never fails for it, and the fallback
    // (a zero key) is never taken.
    let mut mac = <HmacSha256 as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| <HmacSha256 as hmac::digest::KeyInit>::new(&Default::default()));
    mac.update(data);
    mac
}

/// The HMAC of the string to sign under the signing key, not yet finalized.
fn final_mac(secret: &str, date: &str, region: &str, service: &str, sts: &str) -> HmacSha256 {
    let mut key = format!("AWS4{secret}").into_bytes();
    for part in [date, region, service, TERMINATOR] {
        key = hmac(&key, part.as_bytes()).finalize().into_bytes().to_vec();
    }
    hmac(&key, sts.as_bytes())
}

/// Lowercase hex.
fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The 32 bytes of a 64-digit lowercase hex signature.
fn decode_hex(hex: &str) -> Option<[u8; 32]> {
    let digits = hex.as_bytes();
    if digits.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let digit = |d: u8| match d {
            b'0'..=b'9' => Some(d - b'0'),
            b'a'..=b'f' => Some(d - b'a' + 10),
            _ => None,
        };
        *byte = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

/// The path with `.` and `..` segments resolved and empty segments dropped (RFC 3986 5.2.4,
/// and AWS's rule for repeated slashes), keeping a trailing slash: `/` for nothing left.
fn normalize_path(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            segment => segments.push(segment),
        }
    }
    let mut out = String::with_capacity(path.len() + 1);
    out.push('/');
    out.push_str(&segments.join("/"));
    if path.ends_with('/') && !segments.is_empty() {
        out.push('/');
    }
    out
}

/// Percent-encodes `bytes` onto `out`: every byte but the unreserved ones (and `/`, if
/// `keep_slash`), uppercase hex.
fn encode_into(out: &mut Vec<u8>, bytes: &[u8], keep_slash: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in bytes {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'.' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(b);
        } else {
            out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        }
    }
}

/// Percent-decodes `s` (a `%` not followed by two hex digits is kept as it is).
fn decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                // Two hex digits: at most 0xff.
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(u8::MAX));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// The canonical query string: each `name=value` pair decoded and encoded again, sorted by
/// name, then value; a pair without `=` has an empty value.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (mut n, mut v) = (Vec::new(), Vec::new());
            encode_into(&mut n, &decode(name), false);
            encode_into(&mut v, &decode(value), false);
            (n, v)
        })
        .collect();
    pairs.sort();
    let mut out = Vec::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        out.extend_from_slice(name);
        out.push(b'=');
        out.extend_from_slice(value);
    }
    // Only ASCII was written.
    String::from_utf8(out).unwrap_or_default()
}

/// A header value as signed: trimmed, each run of spaces and tabs one space.
fn canonical_value_into(out: &mut Vec<u8>, value: &[u8]) {
    let mut space = false;
    for &b in value.trim_ascii() {
        if b == b' ' || b == b'\t' {
            space = true;
        } else {
            if space {
                out.push(b' ');
            }
            space = false;
            out.push(b);
        }
    }
}

/// Milliseconds since the Unix epoch of a `YYYYMMDDTHHMMSSZ` time, if it is one (a real date,
/// 00–23 hours, 00–59 minutes, 00–60 seconds).
pub fn parse_amz_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = s.get(range)?;
        digits
            .bytes()
            .all(|d| d.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (year, month, day) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hour, minute, second) = (num(9..11)?, num(11..13)?, num(13..15)?);
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000)
}

/// `YYYYMMDDTHHMMSSZ` of a time in milliseconds since the Unix epoch (clamped to years 0 to
/// 9999).
pub fn format_amz_date(ms: i64) -> String {
    let secs = ms.clamp(-62_167_219_200_000, MAX_TIME_MS).div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (the inverse of [`days_from_civil`]); the HTTP
/// `Date` header's too ([`http_date`](crate::http1::http_date)).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_times_read_and_write_back_at_the_edges() {
        for (text, ms) in [
            ("19700101T000000Z", 0),
            ("20150830T123600Z", 1_440_938_160_000),
            ("20240229T235959Z", 1_709_251_199_000),
            ("20000301T000000Z", 951_868_800_000),
            // The last day of a 400-year era, and a day past the first century of one.
            ("20000229T120000Z", 951_825_600_000),
            ("21000301T000000Z", 4_107_542_400_000),
            ("24000229T000000Z", 13_574_563_200_000),
            ("99991231T235959Z", MAX_TIME_MS - 999),
        ] {
            assert_eq!(parse_amz_date(text), Some(ms), "{text}");
            assert_eq!(format_amz_date(ms), text);
        }
        assert_eq!(format_amz_date(1_440_938_160_999), "20150830T123600Z");
        assert_eq!(parse_amz_date("20161231T235960Z"), Some(1_483_228_800_000));
        for bad in [
            "20150830T123600",
            "20150830 123600Z",
            "2015083OT123600Z",
            "20151330T123600Z",
            "20150230T123600Z",
            "20230229T000000Z",
            "21000229T000000Z",
            "20150831T240000Z",
            "20150831T236000Z",
            "20150831T235961Z",
            "20150800T000000Z",
            "+0150830T123600Z",
            "20150830T1236001Z",
            "",
        ] {
            assert_eq!(parse_amz_date(bad), None, "{bad}");
        }
        assert_eq!(parse_amz_date("20000229T000000Z"), Some(951_782_400_000));
        assert_eq!(parse_amz_date("20150430T000000Z").map(|_| ()), Some(()));
        assert_eq!(parse_amz_date("20150431T000000Z"), None);
    }

    #[test]
    fn paths_normalize_and_encode_as_aws_signs_them() {
        for (path, want) in [
            ("/", "/"),
            ("", "/"),
            ("//a//b/", "/a/b/"),
            ("/a/./b/../c", "/a/c"),
            ("/../..", "/"),
            ("/a/b/..", "/a"),
        ] {
            assert_eq!(normalize_path(path), want, "{path}");
        }
        let mut out = Vec::new();
        encode_into(&mut out, "/a b/%3A~_.-Zz09/é".as_bytes(), true);
        assert_eq!(out, b"/a%20b/%253A~_.-Zz09/%C3%A9");
        out.clear();
        encode_into(&mut out, b"a/b", false);
        assert_eq!(out, b"a%2Fb");
        assert_eq!(decode("a%3a%3Ab%2%zz%"), b"a::b%2%zz%");
        assert_eq!(canonical_query("b=2&a=%7e&a=1&&c"), "a=1&a=~&b=2&c=");
        let mut value = Vec::new();
        canonical_value_into(&mut value, b" \t a \t  b  c \t");
        assert_eq!(value, b"a b c");
    }

    #[test]
    fn signatures_decode_only_as_64_lowercase_hex_digits() {
        let digits = "0123456789abcdef".repeat(4);
        let bytes = decode_hex(&digits).unwrap();
        assert_eq!((bytes[0], bytes[7], bytes[31]), (0x01, 0xef, 0xef));
        assert_eq!(hex(&bytes), digits);
        for bad in [
            &digits[..62],
            &digits.to_uppercase(),
            &format!("{}g", &digits[..63]),
            "",
        ] {
            assert_eq!(decode_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn keys_read_from_the_flag_never_show_their_secret() {
        let key = AwsKey::from_cli("AKIAIOSFODNN7EXAMPLE:wJalr/Xut:n").unwrap();
        assert_eq!(key, AwsKey::new("AKIAIOSFODNN7EXAMPLE", "wJalr/Xut:n"));
        assert_eq!(key.access_key_id(), "AKIAIOSFODNN7EXAMPLE");
        assert_eq!(
            format!("{key:?}"),
            r#"AwsKey { access_key_id: "AKIAIOSFODNN7EXAMPLE", secret: "<redacted>" }"#
        );
        assert!(AwsKey::from_cli(&format!("{}:s", "A".repeat(128))).is_ok());
        for bad in [
            "AKIAIOSFODNN7EXAMPLE",
            "AKIAIOSFODNN7EXAMPLE:",
            "AKIAIOSFODNN7EX:s",
            "akiaiosfodnn7example:s",
            &format!("{}:s", "A".repeat(129)),
        ] {
            assert!(AwsKey::from_cli(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_claimed_key_is_read_only_where_it_looks_like_one() {
        let header = |v: &'static str| vec![("Authorization", v.as_bytes())];
        let full = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20150830/x/lex/aws4_request";
        assert_eq!(claimed_key_id(&header(full)), Some("AKIAIOSFODNN7EXAMPLE"));
        assert_eq!(claimed_key_id(&header("Bearer t-1")), None);
        assert_eq!(
            claimed_key_id(&header("AWS4-HMAC-SHA256 Credential=secret/x")),
            None
        );
        assert_eq!(claimed_key_id(&[]), None);
        let twice = [
            ("Authorization", full.as_bytes()),
            ("authorization", full.as_bytes()),
        ];
        assert_eq!(claimed_key_id(&twice), None);
    }

    #[test]
    fn a_sent_payload_hash_must_stand_for_the_body() {
        let empty = hex(&Sha256::digest(b""));
        let with = |value: &'static str| {
            let headers = [("x-amz-content-sha256", value.as_bytes())];
            payload_matches(&SignedRequest {
                method: "GET",
                target: "/",
                headers: &headers,
                body: b"",
            })
        };
        assert!(with("UNSIGNED-PAYLOAD"));
        assert!(with(Box::leak(empty.into_boxed_str())));
        assert!(!with("e3b0"));
        let twice = [
            ("x-amz-content-sha256", &b"UNSIGNED-PAYLOAD"[..]),
            ("X-Amz-Content-Sha256", &b"UNSIGNED-PAYLOAD"[..]),
        ];
        assert!(!payload_matches(&SignedRequest {
            method: "GET",
            target: "/",
            headers: &twice,
            body: b""
        }));
        assert!(payload_matches(&SignedRequest {
            method: "GET",
            target: "/",
            headers: &[],
            body: b"x"
        }));
    }

    #[test]
    fn signed_headers_list_at_most_as_many_names_as_a_request_has() {
        let header = |n: usize| {
            let names = vec!["h"; n].join(";");
            format!("AWS4-HMAC-SHA256 Credential=A/d/r/s/aws4_request, SignedHeaders={names}, Signature=x")
        };
        let at_most = header(MAX_SIGNED_HEADERS);
        assert_eq!(
            Authorization::parse(&at_most).map(|a| a.signed_headers.len()),
            Ok(MAX_SIGNED_HEADERS)
        );
        let more = header(MAX_SIGNED_HEADERS + 1);
        assert!(matches!(
            Authorization::parse(&more),
            Err(SigV4Error::Incomplete(_))
        ));
    }

    #[test]
    fn an_unsigned_payload_is_signed_as_its_header_says() {
        let headers = [("X-Amz-Content-Sha256", &b" UNSIGNED-PAYLOAD "[..])];
        let request = SignedRequest {
            method: "POST",
            target: "/",
            headers: &headers,
            body: b"x",
        };
        let creq = canonical_request(&request, &["x-amz-content-sha256"], true);
        assert!(
            creq.ends_with(b"\nUNSIGNED-PAYLOAD"),
            "{}",
            String::from_utf8_lossy(&creq)
        );
        let plain = SignedRequest {
            headers: &[],
            ..request
        };
        let creq = canonical_request(&plain, &[], true);
        assert!(creq.ends_with(hex(&Sha256::digest(b"x")).as_bytes()));
    }

    #[test]
    fn errors_carry_aws_codes_and_statuses() {
        let skew = SigV4Error::Expired {
            signed: "a".into(),
            now: "c".into(),
            earliest: "b".into(),
        };
        assert_eq!(
            skew.message(),
            "Signature expired: a is now earlier than b (c - 5 min.)"
        );
        let future = SigV4Error::NotYetCurrent {
            signed: "a".into(),
            now: "c".into(),
            latest: "b".into(),
        };
        assert_eq!(
            future.message(),
            "Signature not yet current: a is still later than b (c + 5 min.)"
        );
        for (e, code) in [
            (SigV4Error::Missing, "MissingAuthenticationTokenException"),
            (
                SigV4Error::Incomplete("x".into()),
                "IncompleteSignatureException",
            ),
            (SigV4Error::UnknownKey, "UnrecognizedClientException"),
            (SigV4Error::Scope("x".into()), "InvalidSignatureException"),
            (skew, "InvalidSignatureException"),
            (future, "InvalidSignatureException"),
            (SigV4Error::Mismatch, "InvalidSignatureException"),
        ] {
            assert_eq!((e.code(), e.http_status()), (code, 403));
            assert_eq!(e.to_string(), format!("{code}: {}", e.message()));
        }
        assert_eq!(check_skew(0, MAX_SKEW_MS), Ok(()));
        assert_eq!(check_skew(2 * MAX_SKEW_MS, MAX_SKEW_MS), Ok(()));
        assert!(check_skew(-1, MAX_SKEW_MS).is_err());
        assert!(check_skew(2 * MAX_SKEW_MS + 1, MAX_SKEW_MS).is_err());
    }
}
