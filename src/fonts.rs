//! The bundled fonts (embedded in the binary) and the font families built from them.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontId};

const NASKH: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf");
const NASKH_BOLD: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf");
const SANS_ARABIC: &[u8] = include_bytes!("../fonts/NotoSansArabic-Regular.ttf");
const SANS: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");

/// Family name of the reading font (Naskh, with Noto Sans for Latin and punctuation).
pub const READING: &str = "naskh";
/// Family name of the bold reading font.
pub const READING_BOLD: &str = "naskh-bold";

/// The reading font at `size` points.
pub fn reading(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(READING.into()))
}

/// The bold reading font at `size` points.
pub fn reading_bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(READING_BOLD.into()))
}

/// The UI font (Noto Sans, with Noto Sans Arabic) at `size` points.
pub fn ui(size: f32) -> FontId {
    FontId::new(size, FontFamily::Proportional)
}

/// Font definitions using only the bundled fonts (plus egui's own Ubuntu-Light and icon font,
/// for arrows and symbols Noto Sans lacks).
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    for (name, bytes) in [
        ("NotoNaskhArabic-Regular", NASKH),
        ("NotoNaskhArabic-Bold", NASKH_BOLD),
        ("NotoSansArabic-Regular", SANS_ARABIC),
        ("NotoSans-Regular", SANS),
    ] {
        defs.font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let chain = |names: &[&str]| -> Vec<String> {
        names
            .iter()
            .chain(&["egui-icons"])
            .map(|s| (*s).to_owned())
            .collect()
    };
    defs.families.insert(
        FontFamily::Proportional,
        chain(&["NotoSans-Regular", "NotoSansArabic-Regular", "Ubuntu-Light"]),
    );
    defs.families.insert(
        FontFamily::Monospace,
        chain(&["Hack", "NotoSans-Regular", "NotoSansArabic-Regular"]),
    );
    defs.families.insert(
        FontFamily::Name(READING.into()),
        chain(&[
            "NotoNaskhArabic-Regular",
            "NotoSans-Regular",
            "Ubuntu-Light",
        ]),
    );
    defs.families.insert(
        FontFamily::Name(READING_BOLD.into()),
        chain(&["NotoNaskhArabic-Bold", "NotoSans-Regular", "Ubuntu-Light"]),
    );
    defs
}

/// Installs the bundled fonts in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
