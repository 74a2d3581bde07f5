//! What the targets share: reading a response (status, headers, body) or a sequence of
//! requests (method, path, headers, body) out of fuzz bytes. Each target uses one of them.
#![allow(dead_code)]

/// Two bytes of status, then `name:value` header lines up to a NUL, then the body.
pub fn split_response(data: &[u8]) -> Option<(u16, Vec<(&[u8], &[u8])>, &[u8])> {
    let [a, b, rest @ ..] = data else {
        return None;
    };
    let (head, body) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (&[][..], rest),
    };
    let headers = head
        .split(|&b| b == b'\n')
        .filter_map(|line| {
            let i = line.iter().position(|&b| b == b':')?;
            Some((&line[..i], &line[i + 1..]))
        })
        .collect();
    Some((u16::from_le_bytes([*a, *b]), headers, body))
}

/// One request: method, path, `name:value` header lines and the body.
pub type FuzzRequest<'a> = (String, String, Vec<(&'a [u8], &'a [u8])>, &'a [u8]);

/// Requests separated by NUL bytes, each a method line, a path line, then `name:value` header
/// lines, and after an empty line (as in HTTP) the body; the method and path are read as lossy
/// UTF-8.
pub fn split_requests(data: &[u8]) -> Vec<FuzzRequest<'_>> {
    data.split(|&b| b == 0)
        .map(|request| {
            let (head, body) = match request.windows(2).position(|w| w == b"\n\n") {
                Some(i) => (&request[..i], &request[i + 2..]),
                None => (request, &[][..]),
            };
            let mut lines = head.split(|&b| b == b'\n');
            let mut text =
                || String::from_utf8_lossy(lines.next().unwrap_or_default()).into_owned();
            let (method, path) = (text(), text());
            let headers = lines
                .filter_map(|line| {
                    let i = line.iter().position(|&b| b == b':')?;
                    Some((&line[..i], &line[i + 1..]))
                })
                .collect();
            (method, path, headers, body)
        })
        .collect()
}
