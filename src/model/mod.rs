//! The document: types, loading, validation, saving and chronology. No GUI code.

mod calendar;
mod chronology;
mod edit;
mod extra;
mod history;
mod io;
mod types;
mod validate;

pub use calendar::{
    HIJRI_MONTHS, HIJRI_MONTHS_AR, MONTHS, MONTHS_AR, WEEKDAYS_AR, gregorian_label, hijri,
    hijri_label, hijri_label_in,
};
pub use chronology::{
    Chronology, Placed, WEEKDAYS, civil, day_label, parse_date, resolve_relative_dates,
};
pub use edit::{ENTITY_KINDS, EVENT_KINDS, Edit, PRECISIONS, ROLES, STATUSES, apply as apply_edit};
pub use history::{Diff, HISTORY_LIMIT, History};
pub use io::{
    LoadError, MAX_FILE_BYTES, decode_text, document_from_text, is_document_path, load_document,
    load_error, normalize_text, parse_document, read_file, save_document, to_json, write_atomic,
};
pub use types::*;
pub use validate::{Problem, validate};
