//! JSON bodies: the shape guards that run before `serde_json` sees a body, and the wrapper that
//! reads only objects.

use core::fmt;

use super::MalformedResponse;

/// The deepest nesting a response body may have, as `serde_json` allows for values it reads.
pub(crate) const MAX_DEPTH: usize = 128;

/// Why `body` is not a JSON object this crate will read, before `serde_json` sees it: it may not
/// be an array (a derived `Deserialize` would take one, by position), and no value in it, read
/// or ignored, may nest deeper than [`MAX_DEPTH`]. Anything else is left to `serde_json`.
pub(crate) fn object_shape(body: &[u8]) -> Result<(), &'static str> {
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err("body is a JSON array, not an object");
    }
    // Nesting deeper than the limit needs more opening brackets than the limit, and so more
    // bytes: a short body needs no count, and most others are settled by one word-wise count,
    // without the string-aware walk below.
    if body.len() <= MAX_DEPTH || opening_brackets(body) <= MAX_DEPTH {
        return Ok(());
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in body {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err("JSON nested deeper than 128 levels");
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// How many `{` and `[` `body` holds, in strings or not: an upper bound on its depth. Counted
/// in blocks of [`LANES`] bytes with one count per lane (a byte lane-wise compare and add, which
/// the compiler turns into vector instructions), the lanes summed every 255 blocks, before a
/// `u8` count could wrap.
fn opening_brackets(body: &[u8]) -> usize {
    let mut total = 0;
    for chunk in body.chunks(255 * LANES) {
        let mut lanes = [0u8; LANES];
        let mut rest = chunk;
        while let Some((block, tail)) = rest.split_first_chunk::<LANES>() {
            for k in 0..LANES {
                lanes[k] += u8::from((block[k] == b'{') | (block[k] == b'['));
            }
            rest = tail;
        }
        total += lanes.iter().map(|&n| usize::from(n)).sum::<usize>();
        total += rest.iter().filter(|&&b| b == b'{' || b == b'[').count();
    }
    total
}

/// The block size of the bracket count: one SSE2 / NEON register.
const LANES: usize = 16;

/// Parses a body that must be a JSON object of type `T`.
pub(crate) fn parse_object<'a, T: serde::Deserialize<'a>>(
    status: u16,
    body: &'a [u8],
) -> Result<T, MalformedResponse> {
    object_shape(body).map_err(|reason| MalformedResponse::new(status, reason, body))?;
    serde_json::from_slice(body).map_err(|e| MalformedResponse::new(status, e, body))
}

/// Reads a JSON object, and only an object, into `T`: a derived `Deserialize` would also read
/// an array by position (`["x"]` as the first field), which is not what the services send.
pub(crate) struct Object<T>(pub(crate) T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(core::marker::PhantomData<T>);

        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }

        deserializer
            .deserialize_map(Visit(core::marker::PhantomData))
            .map(Object)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block count is the plain count, for every position of a bracket in a block and
    /// every byte value beside it.
    #[test]
    fn every_byte_value_counts_only_as_itself() {
        for b in 0..=255u8 {
            for at in 0..LANES {
                let mut body = [b'{'; LANES];
                body[at] = b;
                let plain = body.iter().filter(|&&b| b == b'{' || b == b'[').count();
                assert_eq!(opening_brackets(&body), plain, "{b:#04x} at {at}");
                let mut body = [0u8; LANES];
                body[at] = b;
                let plain = usize::from(b == b'{' || b == b'[');
                assert_eq!(opening_brackets(&body), plain, "{b:#04x} at {at} in zeros");
            }
        }
    }

    /// A lane counts at most 255 blocks before the lanes are summed: long runs of brackets,
    /// around every multiple of the chunk size, count exactly.
    #[test]
    fn long_runs_do_not_wrap_a_lane() {
        for len in [4079, 4080, 4081, 8160, 8161, 10_000] {
            for fill in [b'{', b'['] {
                let body = alloc::vec![fill; len];
                assert_eq!(opening_brackets(&body), len, "{len} {fill}");
            }
        }
    }

    #[test]
    fn brackets_are_counted_in_blocks_as_one_by_one() {
        for len in 0..100 {
            for at in 0..len {
                for fill in [b'a', b'{', b'['] {
                    let mut body = alloc::vec![fill; len];
                    body[at] = if fill == b'a' { b'[' } else { b'x' };
                    let plain = body.iter().filter(|&&b| b == b'{' || b == b'[').count();
                    assert_eq!(opening_brackets(&body), plain, "{len} {at} {fill}");
                }
            }
        }
    }
}
