//! The mock's clock: the wall clock moved by an offset, or stopped at a time. Token expiry,
//! rate-limit windows, SigV4's skew window and the sessions' timestamps all read it, so a
//! test that steps it sees all of them move together.

use serde_json::{json, Value};

use crate::sigv4::{format_amz_date, MAX_TIME_MS};

/// The mock's clock (milliseconds since the Unix epoch, from 1970 to the end of 9999).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    /// Added to the wall clock while running.
    offset_ms: i64,
    /// The time it is stopped at, if stopped.
    stopped: Option<i64>,
}

/// A clock change the control API was asked for and could not make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    /// The time it would have been.
    pub ms: i128,
}

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the clock would read {} ms; it reads from 0 (1970-01-01) to {MAX_TIME_MS} (9999-12-31T23:59:59.999Z)",
            self.ms
        )
    }
}

impl Clock {
    /// The time, with the wall clock at `wall` ms.
    pub fn now(&self, wall: i64) -> i64 {
        match self.stopped {
            Some(at) => at,
            None => wall.saturating_add(self.offset_ms).clamp(0, MAX_TIME_MS),
        }
    }

    /// Whether it is running (moving with the wall clock).
    pub fn is_running(&self) -> bool {
        self.stopped.is_none()
    }

    /// Sets it to `at`: stopped there, or running on from there if `run`.
    ///
    /// # Errors
    ///
    /// A time outside the range, leaving the clock as it was.
    pub fn set(&mut self, at: i64, run: bool, wall: i64) -> Result<(), OutOfRange> {
        check(i128::from(at))?;
        *self = if run {
            Clock {
                offset_ms: at - wall,
                stopped: None,
            }
        } else {
            Clock {
                offset_ms: self.offset_ms,
                stopped: Some(at),
            }
        };
        Ok(())
    }

    /// Moves it by `by` ms (backwards if negative), stopped or running.
    ///
    /// # Errors
    ///
    /// A time outside the range, leaving the clock as it was.
    pub fn step(&mut self, by: i64, wall: i64) -> Result<(), OutOfRange> {
        let to = check(i128::from(self.now(wall)) + i128::from(by))?;
        match &mut self.stopped {
            Some(at) => *at = to,
            None => self.offset_ms = to - wall,
        }
        Ok(())
    }

    /// Starts it again from the time it is stopped at (running already: unchanged).
    pub fn run(&mut self, wall: i64) {
        if let Some(at) = self.stopped.take() {
            self.offset_ms = at - wall;
        }
    }

    /// As the control API writes it: `{"now", "amzDate", "running", "offsetMs"}`.
    pub fn to_json(&self, wall: i64) -> Value {
        let now = self.now(wall);
        json!({
            "now": now,
            "amzDate": format_amz_date(now),
            "running": self.is_running(),
            "offsetMs": now - wall,
        })
    }
}

fn check(ms: i128) -> Result<i64, OutOfRange> {
    match i64::try_from(ms) {
        Ok(ms) if (0..=MAX_TIME_MS).contains(&ms) => Ok(ms),
        _ => Err(OutOfRange { ms }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WALL: i64 = 1_764_720_000_000;

    #[test]
    fn runs_with_the_wall_clock_until_stopped() {
        let mut clock = Clock::default();
        assert_eq!(clock.now(WALL), WALL);
        clock.step(600_000, WALL).unwrap();
        assert_eq!(clock.now(WALL + 1), WALL + 600_001);
        clock.set(5_000, false, WALL).unwrap();
        assert_eq!((clock.now(WALL + 9), clock.is_running()), (5_000, false));
        clock.step(-1_000, WALL).unwrap();
        assert_eq!(clock.now(WALL), 4_000);
        clock.run(WALL);
        assert_eq!(clock.now(WALL + 10), 4_010);
        clock.run(WALL);
        assert_eq!(clock.now(WALL + 10), 4_010);
        clock.set(7_000, true, WALL).unwrap();
        assert_eq!(clock.now(WALL + 3), 7_003);
        assert_eq!(clock.to_json(WALL)["offsetMs"], 7_000 - WALL);
        assert_eq!(clock.to_json(WALL)["running"], true);
    }

    #[test]
    fn refuses_a_time_it_cannot_read_and_stays_as_it_was() {
        let mut clock = Clock::default();
        clock.set(1_000, false, WALL).unwrap();
        assert_eq!(clock.step(-1_001, WALL), Err(OutOfRange { ms: -1 }));
        assert_eq!(
            clock.step(i64::MAX, WALL).map_err(|e| e.ms),
            Err(i128::from(i64::MAX) + 1000)
        );
        assert_eq!(clock.set(-1, false, WALL).map_err(|e| e.ms), Err(-1));
        assert!(clock.set(MAX_TIME_MS + 1, true, WALL).is_err());
        assert_eq!(clock.now(WALL), 1_000);
        clock.set(MAX_TIME_MS, false, WALL).unwrap();
        assert_eq!(clock.to_json(WALL)["amzDate"], "99991231T235959Z");
        assert!(OutOfRange { ms: -1 }
            .to_string()
            .contains("from 0 (1970-01-01)"));
    }
}
