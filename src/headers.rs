//! [`Headers`]: the header lists every entry point takes, whatever the caller holds.

use alloc::vec::Vec;

/// A list of headers as users hold one: a slice, array or `Vec` of `(name, value)` pairs of
/// anything that is bytes (`&str`, `String`, `&[u8]`, a rendered response's `HeaderText`), and
/// with the `http` feature an `http::HeaderMap`. Every entry point that reads headers takes any
/// of them by reference, under one name:
///
#[cfg_attr(feature = "serde", doc = "```")]
#[cfg_attr(not(feature = "serde"), doc = "```ignore")]
/// use botsession::AilyDeleteSessionResponse;
///
/// let body = br#"{"code":0,"msg":"success","data":{}}"#;
/// let pairs = [("X-Tt-Logid", "2024abc")];
/// assert!(AilyDeleteSessionResponse::from_http(200, &pairs, body).is_ok());
/// let owned = vec![(String::from("X-Tt-Logid"), String::from("2024abc"))];
/// assert!(AilyDeleteSessionResponse::from_http(200, &owned, body).is_ok());
/// ```
///
/// Names are matched ASCII case-insensitively. Sealed: the crate reads headers only through
/// these types.
pub trait Headers: sealed::Sealed {
    /// The pairs, in order, as bytes.
    #[doc(hidden)]
    fn pairs(&self) -> impl Iterator<Item = (&[u8], &[u8])>;
}

mod sealed {
    #[allow(unreachable_pub)] // public in a private module: nameable only inside the crate
    pub trait Sealed {}
}

impl<K: AsRef<[u8]>, V: AsRef<[u8]>> sealed::Sealed for [(K, V)] {}
impl<K: AsRef<[u8]>, V: AsRef<[u8]>> Headers for [(K, V)] {
    fn pairs(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))
    }
}

impl<K: AsRef<[u8]>, V: AsRef<[u8]>, const N: usize> sealed::Sealed for [(K, V); N] {}
impl<K: AsRef<[u8]>, V: AsRef<[u8]>, const N: usize> Headers for [(K, V); N] {
    fn pairs(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.as_slice().pairs()
    }
}

impl<K: AsRef<[u8]>, V: AsRef<[u8]>> sealed::Sealed for Vec<(K, V)> {}
impl<K: AsRef<[u8]>, V: AsRef<[u8]>> Headers for Vec<(K, V)> {
    fn pairs(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.as_slice().pairs()
    }
}

impl<H: Headers + ?Sized> sealed::Sealed for &H {}
impl<H: Headers + ?Sized> Headers for &H {
    fn pairs(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        (**self).pairs()
    }
}

#[cfg(feature = "http")]
impl sealed::Sealed for http::HeaderMap {}
#[cfg(feature = "http")]
impl Headers for http::HeaderMap {
    fn pairs(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.iter()
            .map(|(k, v)| (k.as_str().as_bytes(), v.as_bytes()))
    }
}
