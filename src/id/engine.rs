//! The one validation engine: every identifier rule in the crate is a [`Rule`] table run by
//! [`check`]. It is a `const fn`, so `from_static` constructors validate at compile time with the
//! same code that validates untrusted input at run time.

use super::error::{Fault, IdRule};
#[cfg(test)]
use super::IdKind;

/// A set of bytes, as a 256-entry lookup table plus the text used for it in error messages.
///
/// Only ASCII bytes are ever members: a non-ASCII byte fails every class, which is why an
/// error index always falls on a character boundary.
#[derive(Clone, Copy)]
pub(crate) struct ByteSet {
    table: [bool; 256],
    /// The same set as at most [`MAX_RUNS`] runs `lo..=lo + span`, for the branch-free scan
    /// (range compares vectorise, table loads do not). Unused slots repeat the first run.
    lo: [u8; MAX_RUNS],
    span: [u8; MAX_RUNS],
    /// How the set is written in error messages, in regex class syntax: `[0-9a-hjkmnp-z]`.
    pub(crate) desc: &'static str,
}

/// The most runs of consecutive bytes a [`ByteSet`] may have; building one with more fails to
/// compile (every set here is a `const`).
const MAX_RUNS: usize = 8;

impl ByteSet {
    pub(crate) const fn new(desc: &'static str) -> Self {
        ByteSet {
            table: [false; 256],
            lo: [0; MAX_RUNS],
            span: [0; MAX_RUNS],
            desc,
        }
    }

    /// The same set, written `desc` in error messages.
    pub(crate) const fn named(mut self, desc: &'static str) -> Self {
        self.desc = desc;
        self
    }

    /// Adds the inclusive range `lo..=hi`.
    pub(crate) const fn range(mut self, lo: u8, hi: u8) -> Self {
        let mut b = lo as usize;
        while b <= hi as usize {
            self.table[b] = true;
            b += 1;
        }
        self.runs()
    }

    /// Adds every byte of `bytes`.
    pub(crate) const fn bytes(mut self, bytes: &[u8]) -> Self {
        let mut i = 0;
        while i < bytes.len() {
            self.table[bytes[i] as usize] = true;
            i += 1;
        }
        self.runs()
    }

    /// Removes every byte of `bytes`.
    pub(crate) const fn without(mut self, bytes: &[u8]) -> Self {
        let mut i = 0;
        while i < bytes.len() {
            self.table[bytes[i] as usize] = false;
            i += 1;
        }
        self.runs()
    }

    /// Recomputes the runs from the table.
    const fn runs(mut self) -> Self {
        let mut n = 0;
        let mut b = 0;
        while b < 256 {
            if self.table[b] && (b == 0 || !self.table[b - 1]) {
                let mut end = b;
                while end + 1 < 256 && self.table[end + 1] {
                    end += 1;
                }
                assert!(n < MAX_RUNS, "byte set has too many runs");
                self.lo[n] = b as u8;
                self.span[n] = (end - b) as u8;
                n += 1;
            }
            b += 1;
        }
        // A run always holds its `lo`, so an empty set has no runs to repeat; no rule needs one.
        assert!(n > 0, "byte set is empty");
        while n < MAX_RUNS {
            self.lo[n] = self.lo[0];
            self.span[n] = self.span[0];
            n += 1;
        }
        self
    }

    /// The set's bytes, in order: what the `proptest` strategies and the `arbitrary` values
    /// draw from.
    #[cfg(any(feature = "proptest", feature = "arbitrary"))]
    pub(crate) fn members(&self) -> alloc::vec::Vec<u8> {
        (0..=u8::MAX).filter(|&b| self.contains(b)).collect()
    }

    #[inline(always)]
    pub(crate) const fn contains(&self, b: u8) -> bool {
        self.table[b as usize]
    }

    /// Whether every byte of `s` is in the set, without a branch per byte. From [`LANES`] bytes
    /// on, it checks whole blocks, the last one overlapping its neighbour instead of a scalar
    /// tail: fixed-size loops of range compares, which the compiler turns into vector
    /// instructions. Shorter input goes through the table.
    #[inline(always)]
    const fn contains_all(&self, s: &[u8]) -> bool {
        let mut ok = true;
        let mut rest = s;
        if s.len() < LANES {
            while let Some((&b, tail)) = rest.split_first() {
                ok &= self.contains(b);
                rest = tail;
            }
            return ok;
        }
        // One verdict per lane, folded once at the end: each block is then one vector load and
        // lane-wise compares (a fold per block lets the compiler vectorise across blocks
        // instead, gathering byte `k` of sixteen blocks one load at a time).
        let mut lanes = [true; LANES];
        while let Some((block, tail)) = rest.split_first_chunk::<LANES>() {
            self.contains_block(block, &mut lanes);
            rest = tail;
        }
        if !rest.is_empty() {
            if let Some((_, last)) = s.split_last_chunk::<LANES>() {
                self.contains_block(last, &mut lanes);
            }
        }
        let mut k = 0;
        while k < LANES {
            ok &= lanes[k];
            k += 1;
        }
        ok
    }

    /// Clears the lane of every byte of `block` outside the set.
    #[inline(always)]
    const fn contains_block(&self, block: &[u8; LANES], lanes: &mut [bool; LANES]) {
        let mut k = 0;
        while k < LANES {
            lanes[k] &= self.contains_ranges(block[k]);
            k += 1;
        }
    }

    /// [`ByteSet::contains`] without a branch or a load that depends on `b`.
    #[inline(always)]
    const fn contains_ranges(&self, b: u8) -> bool {
        let mut hit = false;
        let mut k = 0;
        while k < MAX_RUNS {
            hit |= b.wrapping_sub(self.lo[k]) <= self.span[k];
            k += 1;
        }
        hit
    }
}

/// The block size of the vectorised scan: one SSE2 / NEON register.
const LANES: usize = 16;

/// One identifier rule, written as data.
///
/// The grammar it can express is `prefix first (body | sep first)* pad*`, with whole-value
/// exceptions on either side: `accept` lists literals valid whatever the grammar says (`$LATEST`),
/// `reserve` lists literals invalid whatever it says (`..`). Lengths count bytes of the whole
/// value, prefix included.
#[derive(Clone, Copy)]
pub(crate) struct Rule {
    pub(crate) min_len: usize,
    pub(crate) max_len: usize,
    pub(crate) prefix: &'static str,
    /// The class of the first byte after the prefix, and of the byte after each `sep`.
    pub(crate) first: ByteSet,
    /// The class of every other byte.
    pub(crate) body: ByteSet,
    /// A separator that may not be doubled nor start the value (`_` in `([A-Za-z]_?)+`).
    pub(crate) sep: Option<u8>,
    /// A one-byte padding set that, once seen, is the only class allowed up to the end (`[=]`
    /// in b64token).
    pub(crate) pad: Option<ByteSet>,
    /// Literals valid whatever the grammar says.
    pub(crate) accept: &'static [&'static str],
    /// Literals invalid whatever the grammar says, each with the reason an error gives.
    pub(crate) reserve: &'static [Reserved],
}

/// A literal a [`Rule`] rejects although its grammar matches it, and why.
#[derive(Clone, Copy)]
pub(crate) struct Reserved {
    pub(crate) literal: &'static str,
    /// The whole of the error's detail, e.g. `".." is a dot-segment, which no URL path can carry`.
    pub(crate) reason: &'static str,
}

impl Rule {
    /// `set{min_len,max_len}`: every byte from one class, nothing else to it. The other rules
    /// start from this one and change what they need. A rule without `sep` or `pad` keeps
    /// `first` equal to `body`: the fast path of [`check`] reads only `body`.
    pub(crate) const fn class(min_len: usize, max_len: usize, set: ByteSet) -> Rule {
        Rule {
            min_len,
            max_len,
            prefix: "",
            first: set,
            body: set,
            sep: None,
            pad: None,
            accept: &[],
            reserve: &[],
        }
    }
}

const fn eq_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `a` and `b`, two slices of one length, hold the same bytes: compared without a branch
/// per byte, for the fast path (where a `false` only sends the value to the exact walk).
#[inline(always)]
const fn same_bytes(mut a: &[u8], mut b: &[u8]) -> bool {
    let mut diff = 0u8;
    while let (Some((x, a_rest)), Some((y, b_rest))) = (a.split_first(), b.split_first()) {
        diff |= *x ^ *y;
        a = a_rest;
        b = b_rest;
    }
    diff == 0
}

const fn listed(list: &[&str], s: &[u8]) -> bool {
    let mut i = 0;
    while i < list.len() {
        if eq_bytes(list[i].as_bytes(), s) {
            return true;
        }
        i += 1;
    }
    false
}

/// The reserved literal `s` is, if it is one.
const fn reserved(list: &[Reserved], s: &[u8]) -> Option<&'static str> {
    let mut i = 0;
    while i < list.len() {
        if eq_bytes(list[i].literal.as_bytes(), s) {
            return Some(list[i].reason);
        }
        i += 1;
    }
    None
}

const fn charset(index: usize, set: &ByteSet) -> Fault {
    Fault {
        rule: IdRule::Charset,
        index,
        expected: set.desc,
    }
}

/// Checks `s` against `rule`.
///
/// The length is checked first, so an oversized input is rejected without reading it; then the
/// prefix; then one left-to-right pass over the rest, stopping at the first bad byte.
#[inline(always)]
pub(crate) const fn check(rule: &Rule, s: &[u8]) -> Result<(), Fault> {
    if s.len() < rule.min_len || s.len() > rule.max_len {
        return Err(Fault::LENGTH);
    }
    if !rule.accept.is_empty() && listed(rule.accept, s) {
        return Ok(());
    }
    // The common case, a valid value, is one pass: the prefix compared and the rest checked by
    // range compares in vector-sized blocks (the rest is never empty: every rule's `min_len`
    // exceeds its prefix)...
    let ok = match s.split_at_checked(rule.prefix.len()) {
        Some((head, rest)) => same_bytes(head, rule.prefix.as_bytes()) && accepts(rule, rest),
        None => false,
    };
    if !ok {
        // ...and anything else takes the exact walk that finds the first offending byte.
        if let Err(fault) = walk(rule, s) {
            return Err(fault);
        }
    }
    if let Some(reason) = reserved(rule.reserve, s) {
        return Err(Fault::whole(IdRule::Reserved, reason));
    }
    Ok(())
}

/// Whether `rest`, the value after its prefix, is in the rule's grammar, in block scans with no
/// branch per byte. A `false` is only a "maybe not": [`walk`] decides and says where. Each form
/// relies on what a test checks of the tables (`fast_paths_assume_what_the_tables_hold`):
/// - one class: every byte in `body` (which is `first`);
/// - a separator (`([A-Za-z]_?)+`): every byte in `body` (which is `first` and the separator),
///   not starting with the separator, and no separator doubled;
/// - padding (`b64token`, `[…]+=*`): the padding run trimmed from the end, what is left is not
///   empty and every byte of it in `first` (which is `body` without the padding).
///
/// Against the plain walk alone, in instructions per call (`bash benches/count.sh trick_`):
/// the separator form 152 vs 580 (a 50-byte `LexBotName`) and 302 vs 1,165 (a 100-byte
/// `LexBotAlias`), nothing to speak of for a 6-byte locale (83 vs 94); the padding form 143 vs
/// 667 (a 43-byte token with `==`) and 15,923 vs 122,902 (8 KiB).
#[inline(always)]
const fn accepts(rule: &Rule, rest: &[u8]) -> bool {
    match (rule.sep, &rule.pad) {
        (None, None) => rule.body.contains_all(rest),
        (Some(sep), None) => {
            rule.body.contains_all(rest)
                && !matches!(rest.first(), Some(&b) if b == sep)
                && !doubled(rest, sep)
        }
        (None, Some(pad)) => {
            let mut head = rest;
            while let Some((&last, init)) = head.split_last() {
                if !pad.contains(last) {
                    break;
                }
                head = init;
            }
            !head.is_empty() && rule.first.contains_all(head)
        }
        (Some(_), Some(_)) => false,
    }
}

/// Whether `sep` appears twice in a row in `s`: every pair of neighbours compared, in blocks.
#[inline(always)]
const fn doubled(s: &[u8], sep: u8) -> bool {
    let (Some((_, mut right)), Some((_, mut left))) = (s.split_first(), s.split_last()) else {
        return false;
    };
    let mut twice = false;
    while let (Some((a, a_rest)), Some((b, b_rest))) = (
        left.split_first_chunk::<LANES>(),
        right.split_first_chunk::<LANES>(),
    ) {
        let mut k = 0;
        while k < LANES {
            twice |= (a[k] == sep) & (b[k] == sep);
            k += 1;
        }
        left = a_rest;
        right = b_rest;
    }
    while let (Some((a, a_rest)), Some((b, b_rest))) = (left.split_first(), right.split_first()) {
        twice |= (*a == sep) & (*b == sep);
        left = a_rest;
        right = b_rest;
    }
    twice
}

/// The prefix, then the state machine for `first (body | sep first)* pad*`.
const fn walk(rule: &Rule, s: &[u8]) -> Result<(), Fault> {
    let prefix = rule.prefix.as_bytes();
    let mut i = 0;
    while i < prefix.len() {
        // `min_len` exceeds the prefix length for every rule, so `i < s.len()` always holds;
        // the check keeps the engine total even for a rule written wrong.
        if i >= s.len() || s[i] != prefix[i] {
            return Err(Fault {
                rule: IdRule::Prefix,
                index: i,
                expected: rule.prefix,
            });
        }
        i += 1;
    }
    if i >= s.len() {
        return Err(Fault::LENGTH);
    }
    let mut need_first = true;
    let mut padding = false;
    while i < s.len() {
        let b = s[i];
        if padding {
            if let Some(pad) = &rule.pad {
                if !pad.contains(b) {
                    return Err(charset(i, pad));
                }
            }
        } else if need_first {
            if !rule.first.contains(b) {
                return Err(charset(i, &rule.first));
            }
            need_first = false;
        } else if matches!(&rule.pad, Some(pad) if pad.contains(b)) {
            padding = true;
        } else if matches!(rule.sep, Some(p) if p == b) {
            need_first = true;
        } else if !rule.body.contains(b) {
            return Err(charset(i, &rule.body));
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::rules::{rule_of, KINDS};

    fn sets(rule: &Rule) -> impl Iterator<Item = ByteSet> {
        [Some(rule.first), Some(rule.body), rule.pad]
            .into_iter()
            .flatten()
    }

    /// The runs the vectorised scan compares against hold exactly the table's bytes: all 256
    /// bytes, one at a time and as whole blocks at every position of the overlapping last block.
    #[test]
    fn every_set_scans_as_its_table_says() {
        for kind in KINDS {
            for set in sets(rule_of(kind)) {
                let member = (0..=255u8).find(|&b| set.contains(b)).expect("empty set");
                for b in 0..=255u8 {
                    let want = set.contains(b);
                    assert_eq!(
                        set.contains_ranges(b),
                        want,
                        "{kind:?} {}: {b:#04x}",
                        set.desc
                    );
                    for len in [LANES, LANES + 1, 2 * LANES - 1, 2 * LANES, 100] {
                        for at in [0, LANES / 2, LANES - 1, len - LANES, len - 1] {
                            let mut s = [member; 100];
                            s[at] = b;
                            let got = set.contains_all(&s[..len]);
                            assert_eq!(
                                got, want,
                                "{kind:?} {}: {b:#04x} at {at} of {len}",
                                set.desc
                            );
                        }
                    }
                    assert_eq!(set.contains_all(&[b]), want, "{kind:?}: short input");
                }
            }
        }
    }

    /// The fast path and the byte-by-byte walk agree on every rule, for values with one
    /// foreign byte at each position, from 1 byte past the prefix to 40 bytes long.
    #[test]
    fn fast_path_and_walk_agree() {
        for kind in KINDS {
            let rule = rule_of(kind);
            let first = (0..=255u8)
                .find(|&b| rule.first.contains(b))
                .expect("empty set");
            for len in rule.prefix.len() + 1..=40.min(rule.max_len) {
                let mut valid = [first; 40];
                valid[..rule.prefix.len()].copy_from_slice(rule.prefix.as_bytes());
                for at in 0..len {
                    for b in [
                        0u8, b'`', b'.', b'/', b' ', b'=', b'_', b'$', 0x7f, 0x80, 0xff,
                    ] {
                        let mut s = valid;
                        s[at] = b;
                        let s = &s[..len];
                        let in_len = (rule.min_len..=rule.max_len).contains(&len);
                        let by_walk = listed(rule.accept, s)
                            || (walk(rule, s).is_ok() && reserved(rule.reserve, s).is_none());
                        assert_eq!(
                            check(rule, s).is_ok(),
                            in_len && by_walk,
                            "{kind:?}: {b:#04x} at {at} of {len}"
                        );
                    }
                }
            }
        }
    }

    /// Sets may hold any byte, up to 0xFF, although the rules use only ASCII: the run scan
    /// stops at the end of the table.
    #[test]
    fn a_run_may_end_at_the_last_byte() {
        let set = ByteSet::new("[\\x80-\\xff]").range(0x80, 0xff);
        for b in 0..=255u8 {
            assert_eq!(set.contains_ranges(b), b >= 0x80, "{b:#04x}");
        }
    }

    /// The bytes the `proptest` strategies and `arbitrary` values draw from are the documented
    /// alphabets.
    #[cfg(any(feature = "proptest", feature = "arbitrary"))]
    #[test]
    fn members_are_the_documented_alphabets() {
        let members = |kind| rule_of(kind).body.members();
        assert_eq!(
            members(IdKind::AilySessionId),
            b"0123456789abcdefghjkmnpqrstuvwxyz"
        );
        assert_eq!(
            members(IdKind::LexRegion),
            b"-0123456789abcdefghijklmnopqrstuvwxyz"
        );
        assert_eq!(
            rule_of(IdKind::LexBotName).first.members(),
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        );
    }

    /// What the fast paths of [`check`] ([`accepts`]) assume of the tables: room for at least
    /// one byte after the prefix; one class where there is no separator or padding; `body` is
    /// `first` and the separator where there is one; `first` is `body` without the padding
    /// where there is padding, and the padding is one byte that `first` lacks; never both.
    #[test]
    fn fast_paths_assume_what_the_tables_hold() {
        for kind in KINDS {
            let rule = rule_of(kind);
            assert!(rule.min_len > rule.prefix.len(), "{kind:?}");
            let with = |set: &ByteSet, extra: Option<u8>| {
                let mut table = set.table;
                if let Some(b) = extra {
                    table[usize::from(b)] = true;
                }
                table
            };
            match (rule.sep, rule.pad) {
                (None, None) => assert!(rule.first.table == rule.body.table, "{kind:?}"),
                (Some(sep), None) => {
                    assert!(!rule.first.contains(sep), "{kind:?}");
                    assert!(with(&rule.first, Some(sep)) == rule.body.table, "{kind:?}");
                }
                (None, Some(pad)) => {
                    let pads: alloc::vec::Vec<u8> =
                        (0..=255u8).filter(|&b| pad.contains(b)).collect();
                    assert_eq!(pads.len(), 1, "{kind:?}");
                    assert!(!rule.first.contains(pads[0]), "{kind:?}");
                    assert!(
                        with(&rule.first, Some(pads[0])) == rule.body.table,
                        "{kind:?}"
                    );
                }
                (Some(_), Some(_)) => panic!("{kind:?}: separator and padding"),
            }
        }
    }

    /// The exact answer: the length, the listed literals, the walk and the reserved literals.
    fn by_walk(rule: &Rule, s: &[u8]) -> bool {
        (rule.min_len..=rule.max_len).contains(&s.len())
            && (listed(rule.accept, s)
                || (walk(rule, s).is_ok() && reserved(rule.reserve, s).is_none()))
    }

    /// Near-valid values of a rule: its prefix (sometimes), then bytes drawn mostly from its
    /// classes, its separator and padding, with a few foreign ones, around its length bounds.
    fn near_valid(kind: IdKind) -> impl proptest::strategy::Strategy<Value = alloc::vec::Vec<u8>> {
        use proptest::prelude::*;
        let rule = rule_of(kind);
        let mut alphabet: alloc::vec::Vec<u8> = (0..=255u8)
            .filter(|&b| rule.body.contains(b) || rule.first.contains(b))
            .collect();
        alphabet.extend(rule.sep);
        alphabet.extend((0..=255u8).filter(|&b| rule.pad.is_some_and(|p| p.contains(b))));
        let byte = prop_oneof![
            12 => proptest::sample::select(alphabet),
            1 => any::<u8>(),
        ];
        let max = (rule.max_len + 2).min(300);
        (any::<bool>(), proptest::collection::vec(byte, 0..=max)).prop_map(
            move |(prefixed, body)| {
                let mut s = if prefixed {
                    rule.prefix.as_bytes().to_vec()
                } else {
                    alloc::vec![]
                };
                s.extend(body);
                s
            },
        )
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// The fast paths never accept what the walk refuses, nor refuse what it accepts.
        #[test]
        fn fast_paths_agree_with_the_walk_on_near_valid_values(
            (kind, s) in proptest::sample::select(KINDS.to_vec())
                .prop_flat_map(|kind| (proptest::strategy::Just(kind), near_valid(kind)))
        ) {
            let rule = rule_of(kind);
            proptest::prop_assert_eq!(check(rule, &s).is_ok(), by_walk(rule, &s), "{:?}", kind);
        }
    }

    /// Every pair of neighbours, inside a block and across blocks, is compared.
    #[test]
    fn a_doubled_separator_is_found_anywhere() {
        for len in 0..=3 * LANES + 1 {
            let mut s = alloc::vec![b'a'; len];
            assert!(!doubled(&s, b'_'), "{len}");
            for at in 0..len {
                s[at] = b'_';
                assert!(!doubled(&s, b'_'), "single at {at} of {len}");
                if at + 1 < len {
                    s[at + 1] = b'_';
                    assert!(doubled(&s, b'_'), "double at {at} of {len}");
                    s[at + 1] = b'a';
                }
                s[at] = b'a';
            }
        }
    }

    /// A prefix is compared byte for byte: bytes that share no bits with it are not it.
    #[test]
    fn prefix_is_compared_exactly() {
        for kind in [
            IdKind::AilySessionId,
            IdKind::AilyMessageId,
            IdKind::AilyRunId,
        ] {
            let rule = rule_of(kind);
            let mut s = [b'2'; 32];
            s[..rule.prefix.len()].fill(0);
            assert_eq!(
                check(rule, &s),
                Err(Fault {
                    rule: IdRule::Prefix,
                    index: 0,
                    expected: rule.prefix
                }),
                "{kind:?}"
            );
        }
    }
}
