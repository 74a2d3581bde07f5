//! The one `serde` visitor behind every identifier's `Deserialize`: it hands borrowed input to
//! the borrowing constructor (no copy for inline ids) and owned input to the owning one (no copy
//! for string ids), and reports a rejected value with the identifier error's message.

use core::fmt;
use core::marker::PhantomData;

use alloc::string::String;

use crate::IdError;

pub(crate) struct IdVisitor<T> {
    from_str: fn(&str) -> Result<T, IdError>,
    from_string: fn(String) -> Result<T, IdError>,
    marker: PhantomData<T>,
}

impl<T> IdVisitor<T> {
    pub(crate) fn new(
        from_str: fn(&str) -> Result<T, IdError>,
        from_string: fn(String) -> Result<T, IdError>,
    ) -> Self {
        IdVisitor {
            from_str,
            from_string,
            marker: PhantomData,
        }
    }
}

impl<T> serde::de::Visitor<'_> for IdVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an identifier string")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.from_str)(v).map_err(E::custom)
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<T, E> {
        (self.from_string)(v).map_err(E::custom)
    }
}
