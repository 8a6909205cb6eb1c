//! Stage times of a piece of work, such as opening a file, so that a user with a slow file can
//! report where the time went (`waqai --timings FILE`).

use std::fmt;
use std::time::{Duration, Instant};

/// Named stages and how long each took, in the order they ran.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timings {
    stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Runs `f`, recording how long it took as `stage`.
    pub fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.record(stage, start.elapsed());
        out
    }

    /// Records that `stage` took `took`.
    pub fn record(&mut self, stage: &'static str, took: Duration) {
        self.stages.push((stage, took));
    }

    /// Appends the stages of `other`.
    pub fn extend(&mut self, other: &Timings) {
        self.stages.extend_from_slice(&other.stages);
    }

    /// The stages, in order.
    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }

    /// The time of `stage`, if it ran.
    pub fn get(&self, stage: &str) -> Option<Duration> {
        self.stages.iter().find(|s| s.0 == stage).map(|s| s.1)
    }

    /// The sum of all stages.
    pub fn total(&self) -> Duration {
        self.stages.iter().map(|s| s.1).sum()
    }
}

impl fmt::Display for Timings {
    /// `read 0.10 ms, parse 15.02 ms, …, total 30.41 ms`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, took) in &self.stages {
            write!(f, "{name} {:.2} ms, ", took.as_secs_f64() * 1e3)?;
        }
        write!(f, "total {:.2} ms", self.total().as_secs_f64() * 1e3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_keep_their_order_and_add_up() {
        let mut t = Timings::default();
        let v = t.time("parse", || 2 + 2);
        assert_eq!(v, 4);
        t.record("frame", Duration::from_millis(3));
        assert_eq!(t.stages()[0].0, "parse");
        assert_eq!(t.get("frame"), Some(Duration::from_millis(3)));
        assert!(t.total() >= Duration::from_millis(3));
        let s = t.to_string();
        assert!(s.starts_with("parse ") && s.contains("frame 3.00 ms") && s.contains("total"));
    }
}
