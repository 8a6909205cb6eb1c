//! The sidecar of an exported picture (`NAME.png.json`): which input, which version of Waqai and
//! which settings made it, so that `waqai export --replay NAME.png.json` makes it again, byte for
//! byte, and a figure in a report can be traced back to its document.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{ExportOptions, Format, View};
use crate::selection::Item;

/// The `sidecar` value of the files this version writes.
pub const SIDECAR_FORMAT: &str = "waqai-export/1";

/// The file a picture was made from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Input {
    /// Absolute path when it was exported.
    pub path: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
}

/// Everything that decides an exported picture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// Always [`SIDECAR_FORMAT`].
    pub sidecar: String,
    /// Version of Waqai that exported it.
    pub waqai_version: String,
    /// The input file, if the document had one.
    pub input: Option<Input>,
    /// The document had edits not saved to `input`: the picture shows more than the file.
    pub unsaved_edits: bool,
    /// `timeline`, `relations`, `article`, `inspector` or `window`.
    pub view: String,
    /// `png` or `svg`.
    pub format: String,
    /// Logical size, points.
    pub width: f32,
    /// Logical size, points.
    pub height: f32,
    /// Pixels per point.
    pub scale: f32,
    /// `light` or `dark`.
    pub theme: String,
    /// Filters: timeline lanes per event kind.
    pub lanes_by_kind: bool,
    /// Filters: places shown in the graph.
    pub show_places: bool,
    /// The selection: `{"event": id}`, `{"entity": id}` or null.
    pub selection: Option<SelectionRef>,
    /// The time axis shown, in days (`[from, to]`), or null for all events.
    pub timeline_window: Option<[f64; 2]>,
    /// Publication date given at export, or null.
    #[serde(default)]
    pub published: Option<String>,
    /// Calendar of the time axis.
    #[serde(default)]
    pub calendar: crate::views::timeline::AxisCalendar,
    /// Language of the labels Waqai writes.
    #[serde(default)]
    pub language: crate::i18n::Language,
    /// Script of actors' names.
    #[serde(default)]
    pub names: crate::i18n::Names,
    /// Digits of the numbers Waqai writes.
    #[serde(default)]
    pub digits: crate::i18n::Digits,
    /// SHA-256 of the picture's bytes, hex.
    pub output_sha256: String,
}

/// A selected item by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SelectionRef {
    /// An event.
    Event(String),
    /// An actor.
    Entity(String),
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::extract::gold::sha256_hex(bytes)
}

/// `picture.png` → `picture.png.json`.
pub fn sidecar_path(picture: &Path) -> PathBuf {
    let mut name = picture.as_os_str().to_owned();
    name.push(".json");
    PathBuf::from(name)
}

impl Sidecar {
    /// The sidecar of a picture made with `opts` from `input` (its path and bytes).
    pub fn new(
        opts: &ExportOptions,
        input: Option<(&Path, &[u8])>,
        unsaved_edits: bool,
        picture: &[u8],
    ) -> Self {
        Self {
            sidecar: SIDECAR_FORMAT.to_owned(),
            waqai_version: env!("CARGO_PKG_VERSION").to_owned(),
            input: input.map(|(p, bytes)| Input {
                path: std::path::absolute(p)
                    .unwrap_or_else(|_| p.to_owned())
                    .display()
                    .to_string(),
                sha256: sha256_hex(bytes),
            }),
            unsaved_edits,
            view: opts.view.name().to_owned(),
            format: match opts.format {
                Format::Png => "png",
                Format::Svg => "svg",
            }
            .to_owned(),
            width: opts.width,
            height: opts.height,
            scale: opts.scale,
            theme: if opts.dark { "dark" } else { "light" }.to_owned(),
            lanes_by_kind: opts.lanes_by_kind,
            show_places: opts.show_places,
            selection: match &opts.selection {
                Item::None => None,
                Item::Event(id) => Some(SelectionRef::Event(id.clone())),
                Item::Entity(id) => Some(SelectionRef::Entity(id.clone())),
            },
            timeline_window: opts.timeline_window.map(|(a, b)| [a, b]),
            published: opts.published.clone(),
            calendar: opts.calendar,
            language: opts.language,
            names: opts.names,
            digits: opts.digits,
            output_sha256: sha256_hex(picture),
        }
    }

    /// The export settings it records.
    pub fn options(&self) -> Result<ExportOptions, String> {
        let view =
            View::parse(&self.view).ok_or_else(|| format!("unknown view {:?}", self.view))?;
        let format = match self.format.as_str() {
            "png" => Format::Png,
            "svg" => Format::Svg,
            f => return Err(format!("unknown picture format {f:?}")),
        };
        Ok(ExportOptions {
            view,
            format,
            width: self.width,
            height: self.height,
            scale: self.scale,
            dark: self.theme == "dark",
            lanes_by_kind: self.lanes_by_kind,
            show_places: self.show_places,
            selection: match &self.selection {
                None => Item::None,
                Some(SelectionRef::Event(id)) => Item::Event(id.clone()),
                Some(SelectionRef::Entity(id)) => Item::Entity(id.clone()),
            },
            timeline_window: self.timeline_window.map(|[a, b]| (a, b)),
            published: self.published.clone(),
            calendar: self.calendar,
            language: self.language,
            names: self.names,
            digits: self.digits,
        })
    }

    /// Reads a sidecar; the error says what is wrong with it.
    pub fn read(path: &Path) -> Result<Self, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let s: Sidecar = serde_json::from_slice(&bytes)
            .map_err(|e| format!("{} is not a Waqai export sidecar: {e}", path.display()))?;
        if s.sidecar != SIDECAR_FORMAT {
            return Err(format!(
                "{}: sidecar format {:?}, this Waqai reads {SIDECAR_FORMAT:?}",
                path.display(),
                s.sidecar
            ));
        }
        Ok(s)
    }

    /// Writes it beside `picture`, atomically.
    pub fn write_beside(&self, picture: &Path) -> Result<(), crate::model::LoadError> {
        let json = serde_json::to_vec_pretty(self).expect("sidecars serialise");
        crate::model::write_atomic(&sidecar_path(picture), &json)
    }

    /// The input to replay from: its recorded path, or a file of the same name beside the
    /// sidecar (a folder moved as a whole); its bytes must hash as recorded.
    pub fn input_for_replay(&self, sidecar: &Path) -> Result<(PathBuf, Vec<u8>), String> {
        if self.unsaved_edits {
            return Err(
                "the picture was exported with edits that were never saved: the file \
                        alone cannot make it again"
                    .to_owned(),
            );
        }
        let input = self
            .input
            .as_ref()
            .ok_or("the picture was exported from a document without a file")?;
        let recorded = PathBuf::from(&input.path);
        let beside = recorded
            .file_name()
            .map(|n| sidecar.parent().unwrap_or(Path::new(".")).join(n));
        let path = std::iter::once(recorded.clone())
            .chain(beside)
            .find(|p| p.is_file())
            .ok_or_else(|| format!("the input {} is gone", recorded.display()))?;
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if sha256_hex(&bytes) != input.sha256 {
            return Err(format!(
                "{} has changed since the export (its SHA-256 differs)",
                path.display()
            ));
        }
        Ok((path, bytes))
    }
}

/// Renders, writes the picture and its sidecar (both atomically); `input` is the file the
/// document was read from and its bytes.
pub fn export_with_sidecar(
    doc: &crate::model::Document,
    opts: &ExportOptions,
    out: &Path,
    input: Option<(&Path, &[u8])>,
    unsaved_edits: bool,
) -> Result<(), crate::model::LoadError> {
    let bytes = super::render_bytes(doc, opts);
    crate::model::write_atomic(out, &bytes)?;
    Sidecar::new(opts, input, unsaved_edits, &bytes).write_beside(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_survive_the_sidecar() {
        let opts = ExportOptions {
            scale: 2.0,
            dark: true,
            lanes_by_kind: true,
            selection: Item::Event("e3".into()),
            timeline_window: Some((-3.5, 4.0)),
            published: Some("2020-11-19".into()),
            calendar: crate::views::timeline::AxisCalendar::Both,
            ..ExportOptions::new(View::Timeline)
        };
        let s = Sidecar::new(&opts, Some((Path::new("a.txt"), b"x")), false, b"png");
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""selection":{"event":"e3"}"#), "{json}");
        let back: Sidecar = serde_json::from_str(&json).unwrap();
        assert_eq!(back.options().unwrap(), opts);
        assert_eq!(
            sidecar_path(Path::new("d/v.png")),
            PathBuf::from("d/v.png.json")
        );
    }
}
