//! Every command of the window in one table: its label, what it does, its shortcuts and its
//! menu. The key handler, the menus, the help window and the README's table all read it.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Open a document or an article.
    Open,
    /// Save the document.
    Save,
    /// Save the document elsewhere.
    SaveAs,
    /// Export a view as a picture.
    Export,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Find a phrase in the article.
    Find,
    /// Copy the text selected in the article.
    Copy,
    /// Select the next event in chronological order.
    Next,
    /// Select the previous event in chronological order.
    Previous,
    /// Bring the selection's evidence into view in the article.
    ShowInArticle,
    /// Clear the selection.
    ClearSelection,
    /// Fit the timeline and the graph.
    Fit,
    /// List the commands and their keys.
    Help,
}

/// The menu a command sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// File.
    File,
    /// Edit.
    Edit,
    /// View.
    View,
    /// Help.
    Help,
}

const fn key(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, k)
}

const fn ctrl(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, k)
}

const fn ctrl_shift(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), k)
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 15] = [
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Export,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Find,
        Command::Copy,
        Command::Next,
        Command::Previous,
        Command::ShowInArticle,
        Command::ClearSelection,
        Command::Fit,
        Command::Help,
    ];

    /// The menu entry's label.
    pub fn label(self) -> &'static str {
        match self {
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::Export => "Export…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Find => "Find in the article…",
            Command::Copy => "Copy selected text",
            Command::Next => "Next event",
            Command::Previous => "Previous event",
            Command::ShowInArticle => "Show in the article",
            Command::ClearSelection => "Clear the selection",
            Command::Fit => "Fit timeline and graph",
            Command::Help => "Keyboard shortcuts",
        }
    }

    /// What it does, in a line (tooltips, help, README).
    pub fn description(self) -> &'static str {
        match self {
            Command::Open => "open a document (`*.waqai.json`) or an article (`.txt`, `.html`)",
            Command::Save => "save the document (atomically)",
            Command::SaveAs => "save the document under another name",
            Command::Export => {
                "export a view as PNG or SVG (with a sidecar to replay it), or the data as GEXF, GraphML, TimelineJS, CSV or a GDELT-like table"
            }
            Command::Quit => "close the window (asking first about unsaved edits)",
            Command::Undo => "undo the last edit",
            Command::Redo => "redo what was undone",
            Command::Find => {
                "find in the article (hamza forms, ى/ي, ة/ه, tatweel and diacritics ignored); \
                 `Enter` goes to the next hit"
            }
            Command::Copy => {
                "copy the text selected (by dragging) in the article, in logical order"
            }
            Command::Next => "next event in chronological order",
            Command::Previous => "previous event in chronological order",
            Command::ShowInArticle => {
                "bring the selection's evidence (or first mention) into view in the article"
            }
            Command::ClearSelection => "clear the selection",
            Command::Fit => "fit the timeline and the graph",
            Command::Help => "list these commands and their keys",
        }
    }

    /// Its keyboard shortcuts, the first shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: [KeyboardShortcut; 1] = [ctrl(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [ctrl(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [ctrl_shift(Key::S)];
        const EXPORT: [KeyboardShortcut; 1] = [ctrl(Key::E)];
        const QUIT: [KeyboardShortcut; 1] = [ctrl(Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [ctrl(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [ctrl_shift(Key::Z), ctrl(Key::Y)];
        const FIND: [KeyboardShortcut; 1] = [ctrl(Key::F)];
        const COPY: [KeyboardShortcut; 1] = [ctrl(Key::C)];
        const NEXT: [KeyboardShortcut; 2] = [key(Key::ArrowRight), key(Key::K)];
        const PREVIOUS: [KeyboardShortcut; 2] = [key(Key::ArrowLeft), key(Key::J)];
        const SHOW: [KeyboardShortcut; 1] = [key(Key::Enter)];
        const CLEAR: [KeyboardShortcut; 1] = [key(Key::Escape)];
        const FIT: [KeyboardShortcut; 1] = [key(Key::F)];
        const HELP: [KeyboardShortcut; 1] = [key(Key::F1)];
        match self {
            Command::Open => &OPEN,
            Command::Save => &SAVE,
            Command::SaveAs => &SAVE_AS,
            Command::Export => &EXPORT,
            Command::Quit => &QUIT,
            Command::Undo => &UNDO,
            Command::Redo => &REDO,
            Command::Find => &FIND,
            Command::Copy => &COPY,
            Command::Next => &NEXT,
            Command::Previous => &PREVIOUS,
            Command::ShowInArticle => &SHOW,
            Command::ClearSelection => &CLEAR,
            Command::Fit => &FIT,
            Command::Help => &HELP,
        }
    }

    /// The menu it is in.
    pub fn menu(self) -> Menu {
        match self {
            Command::Open | Command::Save | Command::SaveAs | Command::Export | Command::Quit => {
                Menu::File
            }
            Command::Undo | Command::Redo | Command::Find | Command::Copy => Menu::Edit,
            Command::Next
            | Command::Previous
            | Command::ShowInArticle
            | Command::ClearSelection
            | Command::Fit => Menu::View,
            Command::Help => Menu::Help,
        }
    }

    /// Whether its keys act while a text field has the keyboard: the ones with Ctrl, except
    /// undo, redo and copy, which the field does for itself.
    pub fn while_typing(self) -> bool {
        !matches!(self, Command::Undo | Command::Redo | Command::Copy)
            && self.shortcuts().iter().all(|s| s.modifiers.command)
    }

    /// Whether a view reads its keys itself (the article copies its own selection: egui turns
    /// Ctrl+C into a copy event before any shortcut can be consumed).
    pub fn keys_read_by_view(self) -> bool {
        self == Command::Copy
    }

    /// Its shortcuts as the README and the help window write them («Ctrl+Shift+Z / Ctrl+Y»).
    pub fn keys_text(self) -> String {
        self.shortcuts()
            .iter()
            .map(|s| {
                let mut t = String::new();
                if s.modifiers.command || s.modifiers.ctrl {
                    t.push_str("Ctrl+");
                }
                if s.modifiers.shift {
                    t.push_str("Shift+");
                }
                t.push_str(match s.logical_key {
                    Key::ArrowRight => "→",
                    Key::ArrowLeft => "←",
                    Key::Enter => "Enter",
                    Key::Escape => "Esc",
                    k => k.name(),
                });
                t
            })
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// The README's table of commands (between its `commands` markers).
pub fn markdown_table() -> String {
    let mut out = String::from("| key | does |\n|---|---|\n");
    for c in Command::ALL {
        let keys: Vec<String> = c
            .keys_text()
            .split(" / ")
            .map(|k| format!("`{k}`"))
            .collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(", "), c.description()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen = Vec::new();
        for c in Command::ALL {
            for s in c.shortcuts() {
                assert!(!seen.contains(s), "{c:?} reuses {s:?}");
                seen.push(*s);
            }
        }
    }

    #[test]
    fn keys_are_written_as_people_type_them() {
        assert_eq!(Command::Redo.keys_text(), "Ctrl+Shift+Z / Ctrl+Y");
        assert_eq!(Command::Next.keys_text(), "→ / K");
        assert!(Command::Open.while_typing());
        assert!(!Command::Fit.while_typing());
    }
}
