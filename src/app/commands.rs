//! Every command of the window in one table: its label, what it does, its shortcuts and its
//! menu. The key handler, the menus, the help window and the README's table all read it.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Locale;

/// A command of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Open a document or an article.
    Open,
    /// Make a new corpus (a desk of articles).
    NewCorpus,
    /// Add articles to the open corpus.
    AddArticles,
    /// Add a folder of articles to the open corpus.
    OpenFolder,
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
    /// Give the keyboard to the next panel.
    NextPanel,
    /// Give the keyboard to the previous panel.
    PreviousPanel,
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
    pub const ALL: [Command; 20] = [
        Command::Open,
        Command::NewCorpus,
        Command::AddArticles,
        Command::OpenFolder,
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
        Command::NextPanel,
        Command::PreviousPanel,
        Command::Help,
    ];

    /// The id of its name in the translation files (`cmd-open`…); its description is
    /// `{id}-tip`.
    pub fn id(self) -> &'static str {
        match self {
            Command::Open => "cmd-open",
            Command::NewCorpus => "cmd-new-corpus",
            Command::AddArticles => "cmd-add-articles",
            Command::OpenFolder => "cmd-open-folder",
            Command::Save => "cmd-save",
            Command::SaveAs => "cmd-save-as",
            Command::Export => "cmd-export",
            Command::Quit => "cmd-quit",
            Command::Undo => "cmd-undo",
            Command::Redo => "cmd-redo",
            Command::Find => "cmd-find",
            Command::Copy => "cmd-copy",
            Command::Next => "cmd-next",
            Command::Previous => "cmd-previous",
            Command::ShowInArticle => "cmd-show-in-article",
            Command::ClearSelection => "cmd-clear-selection",
            Command::Fit => "cmd-fit",
            Command::NextPanel => "cmd-next-panel",
            Command::PreviousPanel => "cmd-previous-panel",
            Command::Help => "cmd-help",
        }
    }

    /// The menu entry's label.
    pub fn label(self, locale: Locale) -> String {
        locale.t(self.id())
    }

    /// What it does, in a line (tooltips, help, README).
    pub fn description(self, locale: Locale) -> String {
        locale.t(&format!("{}-tip", self.id()))
    }

    /// Its keyboard shortcuts, the first shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: [KeyboardShortcut; 1] = [ctrl(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [ctrl(Key::S)];
        const NEW_CORPUS: [KeyboardShortcut; 1] = [ctrl(Key::N)];
        const ADD_ARTICLES: [KeyboardShortcut; 1] = [ctrl_shift(Key::O)];
        const OPEN_FOLDER: [KeyboardShortcut; 1] = [ctrl_shift(Key::F)];
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
        const NEXT_PANEL: [KeyboardShortcut; 1] = [key(Key::F6)];
        const PREVIOUS_PANEL: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::SHIFT, Key::F6)];
        match self {
            Command::Open => &OPEN,
            Command::NewCorpus => &NEW_CORPUS,
            Command::AddArticles => &ADD_ARTICLES,
            Command::OpenFolder => &OPEN_FOLDER,
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
            Command::NextPanel => &NEXT_PANEL,
            Command::PreviousPanel => &PREVIOUS_PANEL,
            Command::Help => &HELP,
        }
    }

    /// The menu it is in.
    pub fn menu(self) -> Menu {
        match self {
            Command::Open
            | Command::NewCorpus
            | Command::AddArticles
            | Command::OpenFolder
            | Command::Save
            | Command::SaveAs
            | Command::Export
            | Command::Quit => Menu::File,
            Command::Undo | Command::Redo | Command::Find | Command::Copy => Menu::Edit,
            Command::Next
            | Command::Previous
            | Command::ShowInArticle
            | Command::ClearSelection
            | Command::Fit
            | Command::NextPanel
            | Command::PreviousPanel => Menu::View,
            Command::Help => Menu::Help,
        }
    }

    /// Whether its keys act while a widget has the keyboard: the ones with Ctrl (except
    /// undo, redo and copy, which a field does for itself) and F6, which moves between panels.
    pub fn while_typing(self) -> bool {
        !matches!(self, Command::Undo | Command::Redo | Command::Copy)
            && self.shortcuts().iter().all(|s| s.modifiers.command)
            || matches!(self, Command::NextPanel | Command::PreviousPanel)
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

/// The README's table of commands (between its `commands` markers), in English.
pub fn markdown_table() -> String {
    let english = Locale::default();
    let mut out = String::from("| key | does |\n|---|---|\n");
    for c in Command::ALL {
        let keys: Vec<String> = c
            .keys_text()
            .split(" / ")
            .map(|k| format!("`{k}`"))
            .collect();
        out.push_str(&format!(
            "| {} | {} |\n",
            keys.join(", "),
            c.description(english)
        ));
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
