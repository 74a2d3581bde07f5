//! What the bench suites share.

use std::time::Duration;

use criterion::Criterion;

/// Short runs: the machine has two cores, and the ratios settle well within this.
pub fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
}
