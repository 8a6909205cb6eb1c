//! Any bytes through decoding and extraction: never a panic, and what comes out validates.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = waqai::extract::document_from_bytes(data, None) {
        let problems = waqai::model::validate(&doc);
        assert!(problems.is_empty(), "{problems:?}");
    }
});
