//! The README's key table is generated from the command table, so the two never disagree.
//! After changing a command: `WAQAI_UPDATE_README=1 cargo test --test readme`.

const START: &str = "<!-- commands -->\n";
const END: &str = "<!-- /commands -->";

#[test]
fn readme_key_table_matches_the_commands() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(START)
        .expect("README has the commands start marker")
        + START.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("README has the commands end marker");
    let table = waqai::app::markdown_table();
    if std::env::var_os("WAQAI_UPDATE_README").is_some() {
        let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("README.md writable");
        return;
    }
    assert_eq!(
        &readme[start..end],
        table,
        "the README's key table is stale: WAQAI_UPDATE_README=1 cargo test --test readme"
    );
}
