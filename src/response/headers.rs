//! Reading the few response headers that matter: picking them by name, and reading a wait.

use super::MAX_RETRY_AFTER_SECS;

/// The values of the headers named in `wanted` (ASCII case-insensitively), trimmed; the first
/// occurrence wins. Values that are blank or not UTF-8 count as absent, so that an empty header
/// never hides a later one or a fallback.
pub(crate) fn pick_headers<'h, const N: usize>(
    headers: impl Iterator<Item = (&'h [u8], &'h [u8])>,
    wanted: [&str; N],
) -> [Option<&'h str>; N] {
    let mut found = [None; N];
    for (name, value) in headers {
        for (slot, want) in found.iter_mut().zip(wanted) {
            if slot.is_none() && name.eq_ignore_ascii_case(want.as_bytes()) {
                *slot = core::str::from_utf8(value)
                    .ok()
                    .map(str::trim)
                    .filter(|v| !v.is_empty());
            }
        }
    }
    found
}

/// A header value as whole seconds, for `Retry-After` and `x-ogw-ratelimit-reset`, capped at
/// [`MAX_RETRY_AFTER_SECS`]; the HTTP-date form of `Retry-After` is not read (`None`).
pub(crate) fn seconds(value: Option<&str>) -> Option<u64> {
    value
        .and_then(|v| v.parse::<u64>().ok())
        .map(|s| s.min(MAX_RETRY_AFTER_SECS))
}
