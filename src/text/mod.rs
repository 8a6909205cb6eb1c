//! Our bidi-aware text layer: every string that may hold Arabic is shown through it.
//!
//! egui shapes runs (harfrust joins the letters) but knows no bidi. Here a paragraph is split
//! into *atoms* of one bidi level and one font ([`shape`]), lines are broken in logical order
//! and reordered per line ([`layout()`]), and each atom is drawn as its own egui galley
//! ([`egui_text`]).

pub mod edit;
pub mod egui_text;
pub mod field;
pub mod layout;
pub mod shape;

pub use edit::EditBuffer;
pub use egui_text::{
    TextStyle, cache_sizes, label, label_layout, laid_out, paint, paint_label, paragraph, shaped,
    to_rect,
};
pub use field::{FieldOptions, FieldOutput, text_field};
pub use layout::{Align, Box2, Layout, Line, Shaped, layout};
pub use shape::{Atom, Measured, Shaper, logical_extents_rtl, mirror, rtl_script};
