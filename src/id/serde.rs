//! The one `serde` visitor behind every identifier's `Deserialize`: it hands borrowed input to
//! the borrowing constructor (no copy for inline ids) and owned input to the owning one (no copy
//! for string ids), and reports a rejected value with the identifier error's message.

use core::fmt;
use core::marker::PhantomData;

use alloc::string::String;

use super::Parse;

pub(crate) struct IdVisitor<T>(PhantomData<T>);

impl<T: Parse> IdVisitor<T> {
    pub(crate) fn new() -> Self {
        IdVisitor(PhantomData)
    }
}

impl<T: Parse> serde::de::Visitor<'_> for IdVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an identifier string")
    }

    #[inline]
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        T::parse_str(v).map_err(E::custom)
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<T, E> {
        T::parse_string(v).map_err(E::custom)
    }
}
