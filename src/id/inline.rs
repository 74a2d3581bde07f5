//! Inline storage for the short identifiers (the Aily ids): at most 32 bytes beside a length,
//! so that they are `Copy` and never allocate.

/// Capacity of [`Inline`]: the longest Aily id is 32 bytes.
const INLINE_CAP: usize = 32;

/// An identifier of at most 32 ASCII bytes, stored without a heap allocation.
#[derive(Clone, Copy)]
pub(crate) struct Inline {
    len: u8,
    buf: [u8; INLINE_CAP],
}

impl Inline {
    /// Copies an already validated value in a `const` context (at most [`INLINE_CAP`] bytes;
    /// longer values are cut, which no rule stored inline allows).
    pub(crate) const fn from_valid_const(s: &str) -> Inline {
        let bytes = s.as_bytes();
        let mut buf = [0u8; INLINE_CAP];
        let mut i = 0;
        while i < bytes.len() && i < INLINE_CAP {
            buf[i] = bytes[i];
            i += 1;
        }
        Inline { len: i as u8, buf }
    }

    /// [`Inline::from_valid_const`] at run time.
    #[inline]
    pub(crate) fn from_valid(s: &str) -> Inline {
        let bytes = s.as_bytes();
        let len = bytes.len().min(INLINE_CAP);
        // The buffer is built as two 16-byte halves in registers and stored whole: no `memcpy`
        // call of variable length, and no partial stores for later full-width loads to trip on.
        let (lo, hi) = match (
            bytes.first_chunk::<16>(),
            bytes.get(..len).and_then(<[u8]>::split_last_chunk::<16>),
        ) {
            (Some(head), Some((_, tail))) => {
                // `tail` holds bytes `len - 16..len`; the high half wants `16..len`, which are
                // its top `len - 16` bytes (none when `len` is 16).
                let shift = 8 * (INLINE_CAP - len) as u32;
                let hi = u128::from_le_bytes(*tail).checked_shr(shift).unwrap_or(0);
                (u128::from_le_bytes(*head), hi)
            }
            _ => {
                let mut head = [0u8; 16];
                let short = &bytes[..len.min(16)];
                head[..short.len()].copy_from_slice(short);
                (u128::from_le_bytes(head), 0)
            }
        };
        let mut buf = [0u8; INLINE_CAP];
        buf[..16].copy_from_slice(&lo.to_le_bytes());
        buf[16..].copy_from_slice(&hi.to_le_bytes());
        Inline {
            len: len as u8,
            buf,
        }
    }

    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        let bytes = self.buf.get(..usize::from(self.len)).unwrap_or_default();
        // Validated values are ASCII, so this never falls back.
        core::str::from_utf8(bytes).unwrap_or_default()
    }
}
