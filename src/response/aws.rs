//! How the AWS SDKs classify an error by its code and status: the lists a retry loop needs,
//! each with its source. Both Lex versions read them through their service errors.

/// Throttling codes, retried whatever the HTTP status: aws-sdk-rust
/// (`aws-runtime/src/retries/classifiers.rs`, `THROTTLING_ERRORS`); aws-sdk-js-v3's
/// `THROTTLING_ERROR_CODES` agrees.
pub(crate) const THROTTLING_CODES: [&str; 14] = [
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Transient codes, retried whatever the HTTP status: aws-sdk-rust `TRANSIENT_ERRORS`.
pub(crate) const TRANSIENT_CODES: [&str; 2] = ["RequestTimeout", "RequestTimeoutException"];

/// Transient statuses, retried whatever the code: aws-sdk-rust
/// `TRANSIENT_ERROR_STATUS_CODES`. Not 429 (aws-sdk-rust knows throttling by the code alone) and
/// not 409.
pub(crate) const TRANSIENT_STATUSES: [u16; 4] = [500, 502, 503, 504];

/// The throttling status, which says "retry later" where no code does: aws-sdk-js-v3
/// `isThrottlingError` (`$metadata.httpStatusCode === 429`), and Aily's rate limits.
pub(crate) const THROTTLING_STATUS: u16 = 429;

/// Clock-skew codes: the request's signature time is off; correct the clock and sign again.
/// aws-sdk-js-v3 `CLOCK_SKEW_ERROR_CODES` (the .NET and Java SDKs agree; the newest js-v3 also
/// lists `AccessDeniedException`, which Lex V2 uses for a missing permission, so it is left out).
pub(crate) const CLOCK_SKEW_CODES: [&str; 6] = [
    "AuthFailure",
    "InvalidSignatureException",
    "RequestExpired",
    "RequestInTheFuture",
    "RequestTimeTooSkewed",
    "SignatureDoesNotMatch",
];

/// Expired-credential codes: refresh the credentials, then sign again. aws-sdk-go
/// (`aws/request/retryer.go`, `credsExpiredCodes`; aws-sdk-js v2 has the same three). The
/// newer SDKs keep no such list.
pub(crate) const EXPIRED_CREDENTIAL_CODES: [&str; 3] =
    ["ExpiredToken", "ExpiredTokenException", "RequestExpired"];

/// Whether `code` is a throttling code.
pub(crate) fn is_throttling(code: &str) -> bool {
    THROTTLING_CODES.contains(&code)
}

/// Whether the SDKs retry an error with this code and status.
pub(crate) fn is_retryable(code: &str, status: u16) -> bool {
    is_throttling(code) || TRANSIENT_CODES.contains(&code) || TRANSIENT_STATUSES.contains(&status)
}

/// Invalid-credential codes: the access key is not one AWS knows (a key deleted or rotated, a
/// session token missing from temporary credentials). Sending again with the same credentials
/// cannot succeed; fresh ones may. AWS's common errors: `InvalidClientTokenId` (403, "The
/// X.509 certificate or AWS access key ID provided does not exist in our records."), and the
/// restJson1 services' `UnrecognizedClientException` (403, "The security token included in
/// the request is invalid.", as Lex, Polly and Lambda answer it). No SDK lists them for a
/// refresh; the crate does, as its `needs_credentials_refresh` is about invalid credentials
/// as well as expired ones.
pub(crate) const INVALID_CREDENTIAL_CODES: [&str; 2] =
    ["UnrecognizedClientException", "InvalidClientTokenId"];

/// Whether `code` asks for fresh credentials: expired or invalid ones.
pub(crate) fn needs_credentials_refresh(code: &str) -> bool {
    EXPIRED_CREDENTIAL_CODES.contains(&code) || INVALID_CREDENTIAL_CODES.contains(&code)
}

/// Whether `code` says the request's clock is off.
pub(crate) fn is_clock_skew(code: &str) -> bool {
    CLOCK_SKEW_CODES.contains(&code)
}
