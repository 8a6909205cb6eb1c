//! Driving the window in UI tests: file dialogs answered from a list, and waiting for its
//! background work.

use std::collections::VecDeque;
use std::path::PathBuf;

use egui_kittest::Harness;
use waqai::app::{FilePicker, WaqaiApp};

/// Answers the file dialogs (open, save, folder) with the given paths, in turn; cancels when
/// none is left.
pub(crate) struct Paths(pub(crate) VecDeque<PathBuf>);

impl Paths {
    /// Answers with `paths`, in turn.
    pub(crate) fn of(paths: impl IntoIterator<Item = PathBuf>) -> Box<Self> {
        Box::new(Self(paths.into_iter().collect()))
    }
}

impl FilePicker for Paths {
    fn open(&mut self) -> Option<PathBuf> {
        self.0.pop_front()
    }
    fn save(&mut self, _name: &str) -> Option<PathBuf> {
        self.0.pop_front()
    }
    fn folder(&mut self) -> Option<PathBuf> {
        self.0.pop_front()
    }
}

/// Runs frames until `busy` says the window is done (a minute at most).
pub(crate) fn wait(h: &mut Harness<'static, WaqaiApp>, busy: impl Fn(&WaqaiApp) -> bool) {
    for _ in 0..6000 {
        if !busy(h.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    panic!("the window is still busy after a minute");
}
