//! What the response targets share: reading a status, headers and a body out of fuzz bytes.

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
