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

    /// The set's bytes, in order: what the `proptest` strategies draw from.
    #[cfg(feature = "proptest")]
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
        while let Some((block, tail)) = rest.split_first_chunk::<LANES>() {
            ok &= self.contains_block(block);
            rest = tail;
        }
        if !rest.is_empty() {
            if let Some((_, last)) = s.split_last_chunk::<LANES>() {
                ok &= self.contains_block(last);
            }
        }
        ok
    }

    #[inline(always)]
    const fn contains_block(&self, block: &[u8; LANES]) -> bool {
        let mut ok = true;
        let mut k = 0;
        while k < LANES {
            ok &= self.contains_ranges(block[k]);
            k += 1;
        }
        ok
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
    // The common case, a valid value of a rule that is one class after its prefix, is one pass:
    // the prefix compared and the rest checked by range compares in vector-sized blocks (the
    // rest is never empty: every rule's `min_len` exceeds its prefix)...
    let simple = rule.sep.is_none() && rule.pad.is_none();
    let ok = match s.split_at_checked(rule.prefix.len()) {
        Some((head, rest)) => {
            simple && same_bytes(head, rule.prefix.as_bytes()) && rule.body.contains_all(rest)
        }
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

    /// The bytes the `proptest` strategies draw from are the documented alphabets.
    #[cfg(feature = "proptest")]
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

    /// What the fast path of [`check`] assumes of every rule without a separator or padding:
    /// one class after the prefix, and room for at least one byte of it.
    #[test]
    fn simple_rules_are_one_class_after_the_prefix() {
        for kind in KINDS {
            let rule = rule_of(kind);
            assert!(rule.min_len > rule.prefix.len(), "{kind:?}");
            if rule.sep.is_none() && rule.pad.is_none() {
                assert!(rule.first.table == rule.body.table, "{kind:?}");
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
