//! Aily's documented rate limits (`--rate-limit`): 50 calls a second and 1,000 a minute, per
//! app and per operation (the session operations' docs: "1000 次/分钟、50 次/秒"), counted in
//! fixed windows on the mock's clock, so that a test that stops the clock gets the same answers
//! every run. A call past either limit is answered 429, code 99991400, with
//! `x-ogw-ratelimit-limit` (the limit it hit) and `x-ogw-ratelimit-reset` (the seconds until
//! that window frees, rounded up); it does not count.

use std::collections::HashMap;

/// The calls allowed per app and operation in one second.
pub const PER_SECOND: u64 = 50;

/// The calls allowed per app and operation in one minute.
pub const PER_MINUTE: u64 = 1000;

/// The most (credential, operation) windows kept: past it, windows from earlier minutes are
/// dropped, then all of them (a client inventing a token per call cannot grow the table).
const MAX_KEYS: usize = 10_000;

/// The limit a call hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limited {
    /// The limit (`x-ogw-ratelimit-limit`).
    pub limit: u64,
    /// Seconds until the window frees (`x-ogw-ratelimit-reset`), at least 1.
    pub reset_secs: u64,
}

/// The windows of every app and operation.
#[derive(Clone, Debug, Default)]
pub struct RateLimits {
    windows: HashMap<(String, &'static str), Windows>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Windows {
    /// The second (ms / 1000) and the calls counted in it.
    second: i64,
    in_second: u64,
    /// The minute (ms / 60000) and the calls counted in it.
    minute: i64,
    in_minute: u64,
}

impl RateLimits {
    /// Counts a call of `operation` by `credential` at `now` (ms), or says which limit it is
    /// past (and does not count it). A window other than the current one, earlier or later
    /// (the clock stepped back), starts again from zero.
    ///
    /// # Errors
    ///
    /// The limit hit, with the seconds until its window frees.
    pub fn take(
        &mut self,
        credential: &str,
        operation: &'static str,
        now: i64,
    ) -> Result<(), Limited> {
        let (second, minute) = (now.div_euclid(1000), now.div_euclid(60_000));
        if self.windows.len() >= MAX_KEYS {
            self.windows.retain(|_, w| w.minute == minute);
            if self.windows.len() >= MAX_KEYS {
                self.windows.clear();
            }
        }
        let w = self
            .windows
            .entry((credential.to_owned(), operation))
            .or_default();
        if w.second != second {
            (w.second, w.in_second) = (second, 0);
        }
        if w.minute != minute {
            (w.minute, w.in_minute) = (minute, 0);
        }
        let secs_until = |end_ms: i64| {
            // Rounded up: the window is free once that many seconds have passed.
            u64::try_from((end_ms - now + 999) / 1000)
                .unwrap_or(1)
                .max(1)
        };
        if w.in_minute >= PER_MINUTE {
            return Err(Limited {
                limit: PER_MINUTE,
                reset_secs: secs_until((minute + 1) * 60_000),
            });
        }
        if w.in_second >= PER_SECOND {
            // Less than a second is left of it: rounded up, 1.
            return Err(Limited {
                limit: PER_SECOND,
                reset_secs: 1,
            });
        }
        w.in_second += 1;
        w.in_minute += 1;
        Ok(())
    }

    /// How many windows are kept.
    pub fn len(&self) -> usize {
        self.windows.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.windows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minute's start, plus 0.25 s.
    const T: i64 = 1_764_720_000_000 + 250;

    #[test]
    fn the_51st_call_in_a_second_waits_for_the_next_second() {
        let mut limits = RateLimits::default();
        for _ in 0..50 {
            assert_eq!(limits.take("cli_a", "DeleteSession", T), Ok(()));
        }
        let limited = Limited {
            limit: 50,
            reset_secs: 1,
        };
        assert_eq!(limits.take("cli_a", "DeleteSession", T + 749), Err(limited));
        // Per operation, and per app.
        assert_eq!(limits.take("cli_a", "GetSession", T), Ok(()));
        assert_eq!(limits.take("cli_b", "DeleteSession", T), Ok(()));
        // The next second is free.
        assert_eq!(limits.take("cli_a", "DeleteSession", T + 750), Ok(()));
    }

    #[test]
    fn the_1001st_call_in_a_minute_waits_for_the_next_minute() {
        let mut limits = RateLimits::default();
        for i in 0..1000 {
            // 20 calls a second: under the per-second limit.
            assert_eq!(
                limits.take("cli_a", "CreateSession", T + i * 50),
                Ok(()),
                "{i}"
            );
        }
        let at = T + 50_000;
        assert_eq!(
            limits.take("cli_a", "CreateSession", at),
            Err(Limited {
                limit: 1000,
                reset_secs: 10
            })
        );
        // Rounded up: 9.001 s left is 10 s.
        assert_eq!(
            limits
                .take("cli_a", "CreateSession", T + 50_749)
                .map_err(|l| l.reset_secs),
            Err(10)
        );
        assert_eq!(
            limits
                .take("cli_a", "CreateSession", T + 50_750)
                .map_err(|l| l.reset_secs),
            Err(9)
        );
        assert_eq!(limits.take("cli_a", "CreateSession", T + 59_750), Ok(()));
    }

    #[test]
    fn a_clock_stepped_back_starts_the_windows_again() {
        let mut limits = RateLimits::default();
        for _ in 0..50 {
            limits.take("cli_a", "DeleteSession", T).unwrap();
        }
        assert!(limits.take("cli_a", "DeleteSession", T).is_err());
        assert_eq!(limits.take("cli_a", "DeleteSession", T - 60_000), Ok(()));
        // And forward again to the second it left: that window starts again too.
        assert_eq!(limits.take("cli_a", "DeleteSession", T), Ok(()));
        assert_eq!(limits.len(), 1);
    }

    #[test]
    fn the_table_stays_bounded() {
        let mut limits = RateLimits::default();
        assert!(limits.is_empty());
        for i in 0..MAX_KEYS - 1 {
            limits
                .take(&i.to_string(), "DeleteSession", T - 60_000)
                .unwrap();
        }
        limits.take("current", "DeleteSession", T).unwrap();
        assert_eq!(limits.len(), MAX_KEYS);
        // Full: the earlier minute's windows go, this minute's stay.
        limits.take("new", "DeleteSession", T).unwrap();
        assert_eq!(limits.len(), 2);
        let mut limits = RateLimits::default();
        for i in 0..MAX_KEYS {
            limits.take(&i.to_string(), "DeleteSession", T).unwrap();
        }
        assert_eq!(limits.len(), MAX_KEYS);
        // All in this minute: all go.
        limits.take("newer", "DeleteSession", T).unwrap();
        assert_eq!(limits.len(), 1);
        assert!(!limits.is_empty());
    }
}
