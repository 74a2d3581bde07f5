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
        let mut buf = [0u8; INLINE_CAP];
        buf[..len].copy_from_slice(&bytes[..len]);
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
