//! The inline Aily ids never touch the heap: parsing (valid or not), copying and deserializing
//! them from borrowed JSON are measured with a counting global allocator.
//!
//! Counts are per thread, so tests running in parallel do not disturb each other.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use botsession::{AilyMessageId, AilyRunId, AilySessionId, LexBotAlias, LexUserId};

struct Counting;

thread_local! {
    // `const` initialiser: no lazy initialisation, so reading it never allocates.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    // `try_with`: during thread teardown the slot may be gone; those allocations are not ours.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every method forwards to `System` unchanged; counting touches only a thread-local
// `Cell` and never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: `ptr` was allocated by `System` (through us) with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` (through us) with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_so_far() -> usize {
    ALLOCATIONS.with(Cell::get)
}

/// Runs `f` and returns its result with the number of heap allocations it made on this thread.
fn count<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = allocations_so_far();
    let result = black_box(f());
    let after = allocations_so_far();
    (result, after - before)
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct Req {
    aily_session_id: AilySessionId,
}

#[cfg(feature = "serde")]
const REQ_JSON: &str = r#"{"aily_session_id":"session_4dfunz7sp1g8m"}"#;
#[cfg(feature = "serde")]
const BARE_JSON: &str = "\"session_4dfunz7sp1g8m\"";

#[test]
fn the_counter_counts() {
    let (s, n) = count(|| String::from(black_box("x")));
    assert_eq!(s, "x");
    assert!(n >= 1, "String::from made {n} allocations");
    let (v, n) = count(|| black_box(Vec::<u64>::with_capacity(16)));
    assert!(v.capacity() >= 16);
    assert!(n >= 1, "Vec::with_capacity made {n} allocations");
    let (mut v, _) = count(|| black_box(Vec::<u8>::with_capacity(1)));
    let (_, n) = count(|| v.extend_from_slice(black_box(&[0u8; 64])));
    assert!(n >= 1, "a growing Vec made {n} reallocations");
    // And the crate's own allocations are seen: a Lex user id owns a String.
    let (id, n) = count(|| black_box("user:42").parse::<LexUserId>());
    assert!(id.is_ok());
    assert!(n >= 1, "parsing a LexUserId made {n} allocations");
    // Nothing at all counts as zero.
    let (_, n) = count(|| black_box(1 + 1));
    assert_eq!(n, 0);
}

#[test]
fn parsing_inline_ids_does_not_allocate() {
    let valid = [
        "session_4dfunz7sp1g8m",
        "session_0",
        "session_zzzzzzzzzzzzzzzzzzzzzzzz",
    ];
    for s in valid {
        let (id, n) = count(|| black_box(s).parse::<AilySessionId>());
        assert_eq!(n, 0, "parsing {s:?}");
        assert_eq!(id.unwrap(), s);
        let (id, n) = count(|| AilySessionId::try_from(black_box(s)));
        assert_eq!(n, 0, "try_from {s:?}");
        assert!(id.is_ok());
    }
    let (id, n) = count(|| black_box("message_4dfunz7sp1g8m").parse::<AilyMessageId>());
    assert_eq!(n, 0);
    assert!(id.is_ok());
    let (id, n) = count(|| black_box("run_4dfunz7sp1g8m").parse::<AilyRunId>());
    assert_eq!(n, 0);
    assert!(id.is_ok());
}

#[test]
fn rejecting_inline_ids_does_not_allocate() {
    let huge = "z".repeat(1 << 20);
    let invalid = [
        "",
        "session_",
        "session_i",
        "Session_1",
        "sessions_1",
        "session_é",
        "session_zzzzzzzzzzzzzzzzzzzzzzzzz",
        huge.as_str(),
    ];
    for s in invalid {
        let (r, n) = count(|| black_box(s).parse::<AilySessionId>());
        assert_eq!(n, 0, "rejecting {s:.40?}");
        assert!(r.is_err());
        let (r, n) = count(|| black_box(s).parse::<AilyMessageId>());
        assert_eq!(n, 0, "rejecting {s:.40?}");
        assert!(r.is_err());
        let (r, n) = count(|| black_box(s).parse::<AilyRunId>());
        assert_eq!(n, 0, "rejecting {s:.40?}");
        assert!(r.is_err());
    }
    // The error itself is inspectable without allocating.
    let err = "session_i".parse::<AilySessionId>().unwrap_err();
    let ((rule, index, character, len), n) =
        count(|| (err.rule(), err.index(), err.character(), err.found_len()));
    assert_eq!(n, 0);
    assert_eq!((index, character, len), (Some(8), Some('i'), 9));
    assert_eq!(rule, botsession::IdRule::Charset);
}

#[test]
fn copying_inline_ids_does_not_allocate() {
    let session: AilySessionId = "session_4dfunz7sp1g8m".parse().unwrap();
    let message: AilyMessageId = "message_4dfunz7sp1g8m".parse().unwrap();
    let run: AilyRunId = "run_4dfunz7sp1g8m".parse().unwrap();
    let ((s, m, r), n) = count(|| {
        let s = black_box(session);
        let m = black_box(message);
        let r = black_box(run);
        #[allow(clippy::clone_on_copy)]
        let copies = [black_box(s.clone()), s, black_box(session)];
        (copies, m, r)
    });
    assert_eq!(n, 0);
    assert!(s.iter().all(|c| *c == session));
    assert_eq!(m, message);
    assert_eq!(r, run);
    let (len, n) = count(|| black_box(session).as_str().len());
    assert_eq!(n, 0);
    assert_eq!(len, 21);
}

#[cfg(feature = "serde")]
#[test]
fn deserializing_inline_ids_does_not_allocate() {
    let (req, n) = count(|| serde_json::from_str::<Req>(black_box(REQ_JSON)));
    assert_eq!(n, 0, "deserializing the request struct");
    assert_eq!(req.unwrap().aily_session_id, "session_4dfunz7sp1g8m");

    let (id, n) = count(|| serde_json::from_str::<AilySessionId>(black_box(BARE_JSON)));
    assert_eq!(n, 0, "deserializing the bare id");
    assert_eq!(id.unwrap(), "session_4dfunz7sp1g8m");

    let (id, n) =
        count(|| serde_json::from_slice::<AilyRunId>(black_box(b"\"run_4dfunz7sp1g8m\"")));
    assert_eq!(n, 0, "deserializing a run id from bytes");
    assert!(id.is_ok());
}

#[test]
fn static_and_const_constructors_do_not_allocate() {
    let (alias, n) = count(|| LexBotAlias::from_static(black_box("$LATEST")));
    assert_eq!(n, 0);
    assert!(alias.is_latest());
    let (latest, n) = count(|| black_box(LexBotAlias::LATEST));
    assert_eq!(n, 0);
    assert_eq!(latest, alias);
    let (ok, n) = count(|| {
        LexUserId::is_valid(black_box("user:42")) && AilySessionId::is_valid(black_box("session_1"))
    });
    assert_eq!(n, 0);
    assert!(ok);
    let (id, n) = count(|| AilySessionId::from_static(black_box("session_4dfunz7sp1g8m")));
    assert_eq!(n, 0);
    assert_eq!(id, "session_4dfunz7sp1g8m");
}
