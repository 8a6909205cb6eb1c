//! A layout settling on a thread of its own, so that the window never waits for it: the window
//! takes the latest positions each frame.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::{Graph, LayoutRun};

/// How often the worker hands over positions while it settles.
const PUBLISH_EVERY: std::time::Duration = std::time::Duration::from_millis(30);

/// How long the worker waits before its first step: about a frame.
const START_AFTER: std::time::Duration = std::time::Duration::from_millis(20);

/// What the worker and the window share.
#[derive(Default)]
struct Shared {
    /// Positions not yet taken by the window, and the progress they stand for.
    latest: Mutex<Option<(Vec<[f32; 2]>, f32)>>,
    done: AtomicBool,
    cancel: AtomicBool,
}

/// A [`LayoutRun`] finishing on a background thread; dropping the worker stops it.
pub struct LayoutWorker {
    shared: Arc<Shared>,
    progress: f32,
}

impl std::fmt::Debug for LayoutWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayoutWorker")
            .field("progress", &self.progress)
            .field("done", &self.shared.done.load(Ordering::Relaxed))
            .finish()
    }
}

impl LayoutWorker {
    /// Starts finishing `run` for `graph` on a new thread; `wake` is called whenever new
    /// positions are ready (a window asks for a frame).
    pub fn spawn(graph: &Graph, mut run: LayoutRun, wake: impl Fn() + Send + 'static) -> Self {
        // A large graph's run carries its own copy of what it needs.
        let graph = if run.needs_graph() {
            graph.clone()
        } else {
            Graph::default()
        };
        let shared = Arc::new(Shared::default());
        let theirs = Arc::clone(&shared);
        let started = std::thread::Builder::new()
            .name("waqai-layout".into())
            .spawn(move || {
                // However the thread ends (a panic in a step too), the layout counts as done.
                let _done = DoneOnDrop(Arc::clone(&theirs));
                // The window's first frame has the machine to itself; the layout starts after.
                std::thread::sleep(START_AFTER);
                let mut last = std::time::Instant::now();
                loop {
                    if theirs.cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    let done = run.step(&graph);
                    if done || last.elapsed() >= PUBLISH_EVERY {
                        if let Ok(mut slot) = theirs.latest.lock() {
                            *slot = Some((run.pos.clone(), run.progress()));
                        }
                        last = std::time::Instant::now();
                        if done {
                            theirs.done.store(true, Ordering::Release);
                        }
                        wake();
                    }
                    if done {
                        return;
                    }
                }
            });
        if started.is_err() {
            // No thread to be had: the positions stay where they are.
            shared.done.store(true, Ordering::Release);
        }
        Self {
            shared,
            progress: 0.0,
        }
    }

    /// Positions computed since the last call, if any.
    pub fn take(&mut self) -> Option<Vec<[f32; 2]>> {
        let (pos, progress) = self.shared.latest.lock().ok()?.take()?;
        self.progress = progress;
        Some(pos)
    }

    /// Whether the layout is finished (its last positions may still be waiting in [`Self::take`]).
    pub fn is_done(&self) -> bool {
        self.shared.done.load(Ordering::Acquire)
    }

    /// Share of the layout done when the positions last taken were computed, from 0 to 1.
    pub fn progress(&self) -> f32 {
        self.progress
    }
}

/// Marks the layout done when dropped.
struct DoneOnDrop(Arc<Shared>);

impl Drop for DoneOnDrop {
    fn drop(&mut self) {
        self.0.done.store(true, Ordering::Release);
    }
}

impl Drop for LayoutWorker {
    fn drop(&mut self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, STRESS_LIMIT};

    #[test]
    fn the_worker_ends_where_the_same_run_ends_in_one_thread() {
        let n = STRESS_LIMIT + 20;
        let g = Graph {
            nodes: (0..n).collect(),
            edges: (1..n)
                .map(|i| Edge {
                    a: i / 2,
                    b: i,
                    kinds: vec![],
                    events: vec![],
                    relations: vec![],
                })
                .collect(),
            betweenness: vec![],
        };
        let run = LayoutRun::new(&g);
        let mut worker = LayoutWorker::spawn(&g, run, || {});
        let mut last = None;
        while !worker.is_done() {
            if let Some(p) = worker.take() {
                last = Some(p);
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        if let Some(p) = worker.take() {
            last = Some(p);
        }
        assert_eq!(worker.progress(), 1.0);
        assert_eq!(last, Some(crate::graph::force_layout(&g)));
    }
}
