//! The checked reader: [`Read`], implemented by every type whose `Deserialize` checks a rule,
//! reads a value with a [`Cx`] that carries the fault slot and the recursion level. The first
//! broken rule is recorded in the slot as a typed [`ValueRule`] and the read stops; each
//! enclosing member, key and index adds its step to the path as the error unwinds, so a
//! success costs no path at all.
//!
//! A type's `Deserialize` is [`deserialize`]: the same reader, its fault turned into the
//! deserializer's error with the path in the message. [`from_json`] reads a document and keeps
//! the typed [`ValueError`].
//!
//! Every value is read with `deserialize_any`, so that a value of the wrong JSON type reaches
//! the visitor (which records [`ValueRule::Type`]) instead of failing inside the deserializer
//! with no path: the types read from self-describing formats (JSON, and any format that can
//! say what a value is), as the wire is JSON.

use alloc::collections::btree_map::Entry;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;
use core::fmt;
use core::marker::PhantomData;
use core::ops::Deref;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{Step, ValueError, ValueRule, MAX_DEPTH};
use crate::text::bounded;
use crate::TextError;

/// The first rule a read broke, and the path to it so far (innermost first).
#[derive(Default)]
pub(crate) struct Fault(Cell<Option<(ValueRule, Vec<Step>)>>);

impl Fault {
    fn record(&self, rule: ValueRule) {
        self.0.set(Some((rule, Vec::new())));
    }

    fn step(&self, step: impl FnOnce() -> Step) {
        if let Some((rule, mut steps)) = self.0.take() {
            steps.push(step());
            self.0.set(Some((rule, steps)));
        }
    }

    pub(crate) fn take(&self) -> Option<ValueError> {
        self.0
            .take()
            .map(|(rule, steps)| ValueError::from_steps(rule, &steps))
    }
}

/// What a read carries down: the fault slot, how many recursive values enclose this one, and
/// whether it reads a map's key.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    fault: &'a Fault,
    level: usize,
    key: bool,
}

impl<'a> Cx<'a> {
    pub(crate) fn root(fault: &'a Fault) -> Self {
        Cx {
            fault,
            level: 0,
            key: false,
        }
    }

    /// Records `rule` and returns the error that stops the read.
    pub(crate) fn fail<E: de::Error>(self, rule: ValueRule) -> E {
        let rule = match rule {
            ValueRule::Text(e) if self.key => ValueRule::Key(e),
            rule => rule,
        };
        self.fault.record(rule);
        E::custom(rule)
    }

    /// A text rule's error.
    pub(crate) fn text<E: de::Error>(self, error: TextError) -> E {
        self.fail(ValueRule::Text(error))
    }

    /// The context one recursive level down, or the error when that is past [`MAX_DEPTH`]
    /// (nothing of the value is read).
    pub(crate) fn deeper<E: de::Error>(self) -> Result<Self, E> {
        if self.level + 1 >= MAX_DEPTH {
            return Err(self.fail(ValueRule::TooDeep { max: MAX_DEPTH }));
        }
        Ok(Cx {
            level: self.level + 1,
            ..self
        })
    }

    fn as_key(self) -> Self {
        Cx { key: true, ..self }
    }

    /// Reads the value of the member `name`; its error gets the member's step.
    #[inline]
    pub(crate) fn member<'de, T: Read, A: MapAccess<'de>>(
        self,
        map: &mut A,
        name: &'static str,
    ) -> Result<T, A::Error> {
        map.next_value_seed(Seed::<T>::new(self))
            .inspect_err(|_| self.fault.step(|| Step::Member(name)))
    }

    /// The error for the member `name` given twice.
    pub(crate) fn repeated<E: de::Error>(self, name: &'static str) -> E {
        let e = self.fail(ValueRule::Repeated);
        self.fault.step(|| Step::Member(name));
        e
    }

    /// The error for the required member `name`, absent.
    pub(crate) fn missing<E: de::Error>(self, name: &'static str) -> E {
        let e = self.fail(ValueRule::Missing);
        self.fault.step(|| Step::Member(name));
        e
    }
}

/// A type read with its rules checked.
pub(crate) trait Read: Sized {
    /// Reads one value from `de`.
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error>;
}

/// [`Read`] as a serde seed.
pub(crate) struct Seed<'a, T>(Cx<'a>, PhantomData<fn() -> T>);

impl<'a, T> Seed<'a, T> {
    pub(crate) fn new(cx: Cx<'a>) -> Self {
        Seed(cx, PhantomData)
    }
}

impl<'de, T: Read> DeserializeSeed<'de> for Seed<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<T, D::Error> {
        T::read(de, self.0)
    }
}

/// A checked type's `Deserialize`: its fault, path and rule, becomes the deserializer's error
/// message.
pub(crate) fn deserialize<'de, T: Read, D: Deserializer<'de>>(de: D) -> Result<T, D::Error> {
    let fault = Fault::default();
    T::read(de, Cx::root(&fault)).map_err(|e| match fault.take() {
        Some(error) => de::Error::custom(error),
        None => e,
    })
}

/// Why a JSON document is not a valid value.
pub(crate) enum JsonError {
    /// Not JSON, or JSON ends early, or something after the value.
    Syntax(serde_json::Error),
    /// JSON that breaks a rule of the value.
    Value(ValueError),
}

/// Reads one JSON document into `T`, every rule checked.
pub(crate) fn from_json<T: Read>(json: &[u8]) -> Result<T, JsonError> {
    let fault = Fault::default();
    let mut de = serde_json::Deserializer::from_slice(json);
    let read = T::read(&mut de, Cx::root(&fault)).and_then(|v| de.end().map(|()| v));
    read.map_err(|e| match fault.take() {
        Some(error) => JsonError::Value(error),
        None => JsonError::Syntax(e),
    })
}

/// Overrides the visits of a value of the wrong JSON type: each records `Type { expected }`.
/// The visitor has a `cx` field.
macro_rules! wrong_types {
    ($expected:literal, $($visit:ident($($arg:ty)?)),*) => {
        $(
            fn $visit<E: serde::de::Error>(self $(, _: $arg)?) -> Result<Self::Value, E> {
                Err(self.cx.fail($crate::ValueRule::Type { expected: $expected }))
            }
        )*
    };
    (scalars $expected:literal) => {
        $crate::value::read::wrong_types!($expected, visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64), visit_unit());
    };
    (str $expected:literal) => {
        $crate::value::read::wrong_types!($expected, visit_str(&str));
    };
    (seq $expected:literal) => {
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(self.cx.fail($crate::ValueRule::Type { expected: $expected }))
        }
    };
    (map $expected:literal) => {
        fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(self.cx.fail($crate::ValueRule::Type { expected: $expected }))
        }
    };
}
pub(crate) use wrong_types;

/// A string checked by `check` and made a `T` by `make` (from the borrowed text, so that a
/// value that keeps no text, a known enum value, allocates nothing).
pub(crate) fn read_text<'de, D, T, C, M>(
    de: D,
    cx: Cx<'_>,
    check: C,
    make: M,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    C: FnOnce(&str) -> Result<(), TextError>,
    M: FnOnce(&str) -> T,
{
    struct Text<'a, C, M> {
        cx: Cx<'a>,
        check: C,
        make: M,
    }

    impl<'de, T, C, M> Visitor<'de> for Text<'_, C, M>
    where
        C: FnOnce(&str) -> Result<(), TextError>,
        M: FnOnce(&str) -> T,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
            let cx = self.cx;
            (self.check)(s).map_err(|e| cx.text(e))?;
            Ok((self.make)(s))
        }

        wrong_types!(scalars "a string");
        wrong_types!(seq "a string");
        wrong_types!(map "a string");
    }

    de.deserialize_any(Text { cx, check, make })
}

impl Read for String {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        read_text(de, cx, |_| Ok(()), |s: &str| String::from(s))
    }
}

impl Read for f64 {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        struct Number<'a> {
            cx: Cx<'a>,
        }

        impl<'de> Visitor<'de> for Number<'_> {
            type Value = f64;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
                Ok(v)
            }

            #[allow(clippy::cast_precision_loss)]
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
                Ok(v as f64)
            }

            #[allow(clippy::cast_precision_loss)]
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
                Ok(v as f64)
            }

            wrong_types!("a number", visit_bool(bool), visit_unit());
            wrong_types!(str "a number");
            wrong_types!(seq "a number");
            wrong_types!(map "a number");
        }

        de.deserialize_any(Number { cx })
    }
}

/// An integer from `min` to `max`.
pub(crate) fn read_int<'de, D: Deserializer<'de>>(
    de: D,
    cx: Cx<'_>,
    min: i64,
    max: i64,
) -> Result<i64, D::Error> {
    struct Int<'a> {
        cx: Cx<'a>,
        min: i64,
        max: i64,
    }

    impl Int<'_> {
        fn range<E: de::Error>(&self) -> E {
            self.cx.fail(ValueRule::Range {
                min: self.min,
                max: self.max,
            })
        }
    }

    impl<'de> Visitor<'de> for Int<'_> {
        type Value = i64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an integer")
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
            if (self.min..=self.max).contains(&v) {
                Ok(v)
            } else {
                Err(self.range())
            }
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
            match i64::try_from(v) {
                Ok(v) => self.visit_i64(v),
                Err(_) => Err(self.range()),
            }
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<i64, E> {
            Err(self.range())
        }

        wrong_types!("an integer", visit_bool(bool), visit_unit());
        wrong_types!(str "an integer");
        wrong_types!(seq "an integer");
        wrong_types!(map "an integer");
    }

    de.deserialize_any(Int { cx, min, max })
}

/// `null` is absent.
impl<T: Read> Read for Option<T> {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        struct Opt<'a, T>(Cx<'a>, PhantomData<fn() -> T>);

        impl<'de, T: Read> Visitor<'de> for Opt<'_, T> {
            type Value = Option<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
                T::read(de, self.0).map(Some)
            }
        }

        de.deserialize_option(Opt(cx, PhantomData))
    }
}

/// A list: its entries read one by one, stopping at entry `max` (the `max + 1`-th), so that a
/// list that is too long is not read to its end.
fn read_list<'de, D: Deserializer<'de>, T: Read>(
    de: D,
    cx: Cx<'_>,
    min: usize,
    max: usize,
) -> Result<Vec<T>, D::Error> {
    struct List<'a, T> {
        cx: Cx<'a>,
        min: usize,
        max: usize,
        item: PhantomData<fn() -> T>,
    }

    impl<'de, T: Read> Visitor<'de> for List<'_, T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let cx = self.cx;
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(16));
            // The entry's place in the JSON list, `null`s counted, for the path.
            let mut position = 0;
            loop {
                if items.len() == self.max {
                    // Past the limit, only a `null` (no entry) may follow.
                    match seq.next_element::<Option<IgnoredAny>>()? {
                        Some(Some(_)) => return Err(cx.fail(ValueRule::TooMany { max: self.max })),
                        // Nothing past the limit is named by its place.
                        Some(None) => continue,
                        None => break,
                    }
                }
                let index = position;
                position += 1;
                match seq
                    .next_element_seed(Seed::<Option<T>>::new(cx))
                    .inspect_err(|_| cx.fault.step(|| Step::Index(index)))?
                {
                    Some(Some(item)) => items.push(item),
                    // A `null` entry is no entry, as the AWS SDKs read a dense list.
                    Some(None) => {}
                    None => break,
                }
            }
            if items.len() < self.min {
                return Err(cx.fail(ValueRule::TooFew { min: self.min }));
            }
            Ok(items)
        }

        wrong_types!(scalars "a list");
        wrong_types!(str "a list");
        wrong_types!(map "a list");
    }

    de.deserialize_any(List {
        cx,
        min,
        max,
        item: PhantomData,
    })
}

/// A map: keys read as `K` (a key's rule broken is [`ValueRule::Key`]), a key given twice is
/// [`ValueRule::Repeated`], and entry `max + 1` stops the read.
fn read_map<'de, D: Deserializer<'de>, K: Read + Ord + AsRef<str>, V: Read>(
    de: D,
    cx: Cx<'_>,
    max: usize,
) -> Result<BTreeMap<K, V>, D::Error> {
    struct Map<'a, K, V> {
        cx: Cx<'a>,
        max: usize,
        entry: PhantomData<fn() -> (K, V)>,
    }

    impl<'de, K: Read + Ord + AsRef<str>, V: Read> Visitor<'de> for Map<'_, K, V> {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let cx = self.cx;
            let mut entries = BTreeMap::new();
            // The keys given `null`: no entry, but given, so a second one is still repeated.
            let mut nulls: Vec<K> = Vec::new();
            while let Some(key) = map.next_key_seed(Seed::<K>::new(cx.as_key()))? {
                let value = map
                    .next_value_seed(Seed::<Option<V>>::new(cx))
                    .inspect_err(|_| cx.fault.step(|| key_step(&key)))?;
                if nulls.contains(&key) {
                    let e = cx.fail(ValueRule::Repeated);
                    cx.fault.step(|| key_step(&key));
                    return Err(e);
                }
                match entries.entry(key) {
                    Entry::Occupied(entry) => {
                        let e = cx.fail(ValueRule::Repeated);
                        cx.fault.step(|| key_step(entry.key()));
                        return Err(e);
                    }
                    // A `null` value is no entry, as the AWS SDKs read a map that is not
                    // sparse (the service sends `"Size": null` for a slot not filled yet).
                    Entry::Vacant(entry) => match value {
                        Some(value) => {
                            entry.insert(value);
                        }
                        None => nulls.push(entry.into_key()),
                    },
                }
                // Counted once the value is read: a `null` is no entry.
                if entries.len() > self.max {
                    return Err(cx.fail(ValueRule::TooMany { max: self.max }));
                }
            }
            Ok(entries)
        }

        wrong_types!(scalars "an object");
        wrong_types!(str "an object");
        wrong_types!(seq "an object");
    }

    de.deserialize_any(Map {
        cx,
        max,
        entry: PhantomData,
    })
}

/// A key as a path step: at most 64 bytes, control characters, `"` and `\` escaped.
fn key_step<K: AsRef<str>>(key: &K) -> Step {
    let key = key.as_ref();
    // `"` and `\` escaped, so that a key cannot end its own step and fake another.
    let key = if key.contains(['"', '\\']) {
        // Only what can be shown is escaped: a long key costs no more than a short one.
        let shown: String = key.chars().take(65).collect();
        bounded(&shown.replace('\\', "\\\\").replace('"', "\\\""), 64)
    } else {
        bounded(key, 64)
    };
    Step::Key(key)
}

impl<T: Read> Read for Vec<T> {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        read_list(de, cx, 0, usize::MAX)
    }
}

impl<K: Read + Ord + AsRef<str>, V: Read> Read for BTreeMap<K, V> {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        read_map(de, cx, usize::MAX)
    }
}

/// A list of `MIN` to `MAX` entries (when present: an empty one is no list, and is not
/// written). What a public type shows of it is the slice.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct List<T, const MIN: usize, const MAX: usize>(Vec<T>);

impl<T, const MIN: usize, const MAX: usize> Default for List<T, MIN, MAX> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<T: fmt::Debug, const MIN: usize, const MAX: usize> fmt::Debug for List<T, MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T, const MIN: usize, const MAX: usize> Deref for List<T, MIN, MAX> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T, const MIN: usize, const MAX: usize> List<T, MIN, MAX> {
    /// The list of `items`, which may be empty (the list absent).
    fn collect(items: impl IntoIterator<Item = T>) -> Result<Self, ValueRule> {
        let mut list = Vec::new();
        for item in items {
            if list.len() == MAX {
                return Err(ValueRule::TooMany { max: MAX });
            }
            list.push(item);
        }
        if !list.is_empty() && list.len() < MIN {
            return Err(ValueRule::TooFew { min: MIN });
        }
        Ok(List(list))
    }
}

impl<T: serde::Serialize, const MIN: usize, const MAX: usize> serde::Serialize
    for List<T, MIN, MAX>
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<T: Read, const MIN: usize, const MAX: usize> Read for List<T, MIN, MAX> {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        read_list(de, cx, MIN, MAX).map(List)
    }
}

/// A map of at most `MAX` entries. What a public type shows of it is the `BTreeMap`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Map<K, V, const MAX: usize>(BTreeMap<K, V>);

impl<K, V, const MAX: usize> Default for Map<K, V, MAX> {
    fn default() -> Self {
        Map(BTreeMap::new())
    }
}

impl<K: fmt::Debug, V: fmt::Debug, const MAX: usize> fmt::Debug for Map<K, V, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<K, V, const MAX: usize> Deref for Map<K, V, MAX> {
    type Target = BTreeMap<K, V>;

    fn deref(&self) -> &BTreeMap<K, V> {
        &self.0
    }
}

impl<K: Ord, V, const MAX: usize> Map<K, V, MAX> {
    /// The map of `entries`: at most `MAX`, no key twice.
    fn collect(entries: impl IntoIterator<Item = (K, V)>) -> Result<Self, ValueRule> {
        let map = collect_map(entries)?;
        if map.len() > MAX {
            return Err(ValueRule::TooMany { max: MAX });
        }
        Ok(Map(map))
    }
}

/// The map of `entries`, no key twice.
pub(crate) fn collect_map<K: Ord, V>(
    entries: impl IntoIterator<Item = (K, V)>,
) -> Result<BTreeMap<K, V>, ValueRule> {
    let mut map = BTreeMap::new();
    for (key, value) in entries {
        if map.insert(key, value).is_some() {
            return Err(ValueRule::Repeated);
        }
    }
    Ok(map)
}

impl<K: serde::Serialize, V: serde::Serialize, const MAX: usize> serde::Serialize
    for Map<K, V, MAX>
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<K: Read + Ord + AsRef<str>, V: Read, const MAX: usize> Read for Map<K, V, MAX> {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        read_map(de, cx, MAX).map(Map)
    }
}

/// Whether a member is left out when written: an absent option, an empty list or map.
pub(crate) trait Skip {
    fn skip(&self) -> bool;
}

impl<T> Skip for Option<T> {
    fn skip(&self) -> bool {
        self.is_none()
    }
}

impl<T> Skip for Vec<T> {
    fn skip(&self) -> bool {
        self.is_empty()
    }
}

impl<K, V> Skip for BTreeMap<K, V> {
    fn skip(&self) -> bool {
        self.is_empty()
    }
}

impl<T, const MIN: usize, const MAX: usize> Skip for List<T, MIN, MAX> {
    fn skip(&self) -> bool {
        self.0.is_empty()
    }
}

/// `skip_serializing_if` for every member that may be left out.
pub(crate) fn skip<T: Skip>(value: &T) -> bool {
    value.skip()
}

/// Declares a checked JSON object type: the struct (private fields, in the model's order:
/// required first), `new` from its required members, a getter for every member and a builder
/// for every other, `Serialize` (the model's JSON names, absent and empty members left out)
/// and `Read` and `Deserialize` (unknown members ignored, `null` absent, a member twice
/// [`ValueRule::Repeated`], a required one absent [`ValueRule::Missing`]).
///
/// Members: `required` ones are `name: Type = "json"`; the `rest` are `name: Type = "json",
/// opt with_name` (an `Option<Type>`), or `name: Type = "json", many with_name(Item) => View`
/// (a list or map, empty when absent, shown as `&View`, built from `Item`s), or the same with
/// `all` for one the model requires, which is always written.
macro_rules! checked_object {
    (
        $(#[$meta:meta])*
        $ty:ident {
            required {
                $($(#[$rdoc:meta])* $rf:ident: $rty:ty = $rwire:literal,)*
            }
            rest {
                $($(#[$doc:meta])* $f:ident: $fty:ty = $wire:literal, $kind:ident $with:ident $(($item:ty) => $view:ty)?;)*
            }
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        #[non_exhaustive]
        pub struct $ty {
            $(
                #[serde(rename = $rwire)]
                $rf: $rty,
            )*
            $(
                #[serde(rename = $wire, skip_serializing_if = "crate::value::read::skip")]
                $f: $crate::value::read::checked_object!(@ty $kind, $fty),
            )*
        }

        impl $ty {
            /// The value from its required members; every other is absent.
            #[allow(clippy::new_without_default)]
            pub fn new($($rf: $rty),*) -> Self {
                $ty {
                    $($rf,)*
                    $($f: Default::default(),)*
                }
            }

            $(
                $(#[$rdoc])*
                pub fn $rf(&self) -> &$rty {
                    &self.$rf
                }
            )*

            $(
                $crate::value::read::checked_object!(
                    @get $kind, [$(#[$doc])*] $f, $with, $fty, $wire $(, $item, $view)?
                );
            )*
        }

        impl $crate::value::read::Read for $ty {
            fn read<'de, D: serde::Deserializer<'de>>(
                de: D,
                cx: $crate::value::read::Cx<'_>,
            ) -> Result<Self, D::Error> {
                struct Object<'a> {
                    cx: $crate::value::read::Cx<'a>,
                }

                /// The member a key names, or one the type ignores.
                #[allow(non_camel_case_types)]
                enum Member {
                    $($rf,)*
                    $($f,)*
                    Other,
                }

                /// Reads a key as the member it names (borrowed where the JSON has no escapes).
                struct Members;

                impl<'de> serde::de::DeserializeSeed<'de> for Members {
                    type Value = Member;

                    fn deserialize<D: serde::Deserializer<'de>>(
                        self,
                        de: D,
                    ) -> Result<Member, D::Error> {
                        de.deserialize_identifier(self)
                    }
                }

                impl<'de> serde::de::Visitor<'de> for Members {
                    type Value = Member;

                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str("a member name")
                    }

                    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Member, E> {
                        Ok(match key {
                            $($rwire => Member::$rf,)*
                            $($wire => Member::$f,)*
                            _ => Member::Other,
                        })
                    }
                }

                impl<'de> serde::de::Visitor<'de> for Object<'_> {
                    type Value = $ty;

                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str("an object")
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$ty, A::Error> {
                        let cx = self.cx;
                        $(let mut $rf: Option<Option<$rty>> = None;)*
                        $(let mut $f: Option<Option<$fty>> = None;)*
                        while let Some(member) = map.next_key_seed(Members)? {
                            match member {
                                $(Member::$rf => {
                                    if $rf.is_some() {
                                        return Err(cx.repeated($rwire));
                                    }
                                    $rf = Some(cx.member(&mut map, $rwire)?);
                                })*
                                $(Member::$f => {
                                    if $f.is_some() {
                                        return Err(cx.repeated($wire));
                                    }
                                    $f = Some(cx.member(&mut map, $wire)?);
                                })*
                                Member::Other => {
                                    map.next_value::<serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok($ty {
                            $($rf: match $rf.flatten() {
                                Some(value) => value,
                                None => return Err(cx.missing($rwire)),
                            },)*
                            $($f: $crate::value::read::checked_object!(@finish $kind, cx, $f, $wire),)*
                        })
                    }

                    $crate::value::read::wrong_types!(scalars "an object");
                    $crate::value::read::wrong_types!(str "an object");
                    $crate::value::read::wrong_types!(seq "an object");
                }

                de.deserialize_any(Object { cx })
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
                $crate::value::read::deserialize(de)
            }
        }
    };

    (@ty opt, $t:ty) => { Option<$t> };
    (@ty nest, $t:ty) => { Option<$t> };
    (@ty many, $t:ty) => { $t };
    (@ty all, $t:ty) => { $crate::value::read::Always<$t> };
    (@finish opt, $cx:ident, $f:ident, $wire:literal) => { $f.flatten() };
    (@finish nest, $cx:ident, $f:ident, $wire:literal) => { $f.flatten() };
    (@finish many, $cx:ident, $f:ident, $wire:literal) => { $f.flatten().unwrap_or_default() };
    (@finish all, $cx:ident, $f:ident, $wire:literal) => {
        match $f.flatten() {
            Some(value) => $crate::value::read::Always(value),
            None => return Err($cx.missing($wire)),
        }
    };
    (@get opt, [$(#[$doc:meta])*] $f:ident, $with:ident, $fty:ty, $wire:literal) => {
        $(#[$doc])*
        pub fn $f(&self) -> Option<&$fty> {
            self.$f.as_ref()
        }

        #[doc = concat!("The same, with `", $wire, "`.")]
        #[must_use]
        pub fn $with(mut self, value: $fty) -> Self {
            self.$f = Some(value);
            self
        }
    };
    (@get nest, [$(#[$doc:meta])*] $f:ident, $with:ident, $fty:ty, $wire:literal, $item:ty, $view:ty) => {
        $(#[$doc])*
        pub fn $f(&self) -> Option<&$view> {
            self.$f.as_ref().map(|nested| &***nested)
        }

        #[doc = concat!("The same, with `", $wire, "`.")]
        ///
        /// # Errors
        ///
        #[doc = concat!("A [`ValueError`](crate::ValueError) at `", $wire, "`,")]
        /// [`ValueRule::TooDeep`](crate::ValueRule::TooDeep), when this value would nest more
        /// than [`MAX_DEPTH`](crate::MAX_DEPTH) levels.
        pub fn $with(mut self, value: $item) -> Result<Self, $crate::ValueError> {
            self.$f = Some(
                $crate::value::read::Nested::one(value)
                    .map_err(|rule| $crate::ValueError::at($wire, rule))?,
            );
            Ok(self)
        }
    };
    (@get $kind:ident, [$(#[$doc:meta])*] $f:ident, $with:ident, $fty:ty, $wire:literal, $item:ty, $view:ty) => {
        $(#[$doc])*
        pub fn $f(&self) -> &$view {
            &self.$f
        }

        #[doc = concat!("The same, with `", $wire, "` made of `items` (none: absent).")]
        ///
        /// # Errors
        ///
        #[doc = concat!("A [`ValueError`](crate::ValueError) at `", $wire, "`: more entries than the model allows")]
        /// ([`ValueRule::TooMany`](crate::ValueRule::TooMany)), fewer
        /// ([`TooFew`](crate::ValueRule::TooFew)), or a key given twice
        /// ([`Repeated`](crate::ValueRule::Repeated)).
        pub fn $with(
            mut self,
            items: impl IntoIterator<Item = $item>,
        ) -> Result<Self, $crate::ValueError> {
            let value = <$fty as $crate::value::read::Collect>::collect(items)
                .map_err(|rule| $crate::ValueError::at($wire, rule))?;
            self.$f = value.into();
            Ok(self)
        }
    };
}
pub(crate) use checked_object;

/// A member the model requires that is a list or map: written even when empty.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Always<T>(pub(crate) T);

impl<T: fmt::Debug> fmt::Debug for Always<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> Deref for Always<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<T> for Always<T> {
    fn from(value: T) -> Self {
        Always(value)
    }
}

impl<T> Skip for Always<T> {
    fn skip(&self) -> bool {
        false
    }
}

impl<T: serde::Serialize> serde::Serialize for Always<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// A recursive member: read one level down (see [`Cx::deeper`]), and built only from values
/// that leave room for the level.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Nested<T>(T);

impl<T: fmt::Debug> fmt::Debug for Nested<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> Deref for Nested<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Height> Nested<alloc::boxed::Box<T>> {
    /// One nested value.
    pub(crate) fn one(value: T) -> Result<Self, ValueRule> {
        if value.height() >= MAX_DEPTH {
            return Err(ValueRule::TooDeep { max: MAX_DEPTH });
        }
        Ok(Nested(alloc::boxed::Box::new(value)))
    }
}

impl<T: Skip> Skip for Nested<T> {
    fn skip(&self) -> bool {
        self.0.skip()
    }
}

impl<T: serde::Serialize> serde::Serialize for Nested<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<T: Read> Read for Nested<T> {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        T::read(de, cx.deeper()?).map(Nested)
    }
}

impl<T: Read> Read for alloc::boxed::Box<T> {
    fn read<'de, D: Deserializer<'de>>(de: D, cx: Cx<'_>) -> Result<Self, D::Error> {
        T::read(de, cx).map(alloc::boxed::Box::new)
    }
}

impl<T: Collect + Tallest> Collect for Nested<T> {
    type Item = T::Item;
    fn collect(items: impl IntoIterator<Item = T::Item>) -> Result<Self, ValueRule> {
        let inner = T::collect(items)?;
        if inner.tallest() >= MAX_DEPTH {
            return Err(ValueRule::TooDeep { max: MAX_DEPTH });
        }
        Ok(Nested(inner))
    }
}

/// How many levels a recursive value has: 1, and its tallest nested value's.
pub(crate) trait Height {
    fn height(&self) -> usize;
}

impl<T: Height> Height for alloc::boxed::Box<T> {
    fn height(&self) -> usize {
        (**self).height()
    }
}

/// The height of the tallest value of a collection (0 for none).
pub(crate) trait Tallest {
    fn tallest(&self) -> usize;
}

impl<T: Height> Tallest for Vec<T> {
    fn tallest(&self) -> usize {
        self.iter().map(Height::height).max().unwrap_or(0)
    }
}

impl<K, V: Height> Tallest for BTreeMap<K, V> {
    fn tallest(&self) -> usize {
        self.values().map(Height::height).max().unwrap_or(0)
    }
}

impl<T: Tallest> Tallest for Nested<T> {
    fn tallest(&self) -> usize {
        self.0.tallest()
    }
}

impl<T: Height> Tallest for Option<Nested<alloc::boxed::Box<T>>> {
    fn tallest(&self) -> usize {
        self.as_ref().map_or(0, |nested| nested.0.height())
    }
}

/// Declares an open set of strings: an enum of the values the model lists, in its order, and
/// `Unknown` keeping any other as received, so a value the service adds later never fails a
/// read. Read from and written as the string.
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $wire:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
            /// A value the model did not list when this crate was written, kept as received.
            /// [`From<&str>`](#impl-From%3C%26str%3E-for-$name) makes a listed value its variant, never this.
            Unknown(alloc::string::String),
        }

        impl $name {
            /// The value as the wire carries it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown(value) => value,
                }
            }

            /// Whether the model lists it.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }

        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => $name::$variant,)*
                    other => $name::Unknown(alloc::string::String::from(other)),
                }
            }
        }

        impl From<alloc::string::String> for $name {
            fn from(value: alloc::string::String) -> Self {
                match value.as_str() {
                    $($wire => $name::$variant,)*
                    _ => $name::Unknown(value),
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl $crate::value::read::Read for $name {
            fn read<'de, D: serde::Deserializer<'de>>(
                de: D,
                cx: $crate::value::read::Cx<'_>,
            ) -> Result<Self, D::Error> {
                $crate::value::read::read_text(de, cx, |_| Ok(()), |s: &str| $name::from(s))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
                $crate::value::read::deserialize(de)
            }
        }
    };
}
pub(crate) use open_enum;

/// A list or map built from its entries, with its bounds checked.
pub(crate) trait Collect: Sized {
    type Item;
    fn collect(items: impl IntoIterator<Item = Self::Item>) -> Result<Self, ValueRule>;
}

impl<T, const MIN: usize, const MAX: usize> Collect for List<T, MIN, MAX> {
    type Item = T;
    fn collect(items: impl IntoIterator<Item = T>) -> Result<Self, ValueRule> {
        List::collect(items)
    }
}

impl<K: Ord, V, const MAX: usize> Collect for Map<K, V, MAX> {
    type Item = (K, V);
    fn collect(items: impl IntoIterator<Item = (K, V)>) -> Result<Self, ValueRule> {
        Map::collect(items)
    }
}

impl<K: Ord, V> Collect for BTreeMap<K, V> {
    type Item = (K, V);
    fn collect(items: impl IntoIterator<Item = (K, V)>) -> Result<Self, ValueRule> {
        collect_map(items)
    }
}

impl<T> Collect for Vec<T> {
    type Item = T;
    fn collect(items: impl IntoIterator<Item = T>) -> Result<Self, ValueRule> {
        Ok(items.into_iter().collect())
    }
}
