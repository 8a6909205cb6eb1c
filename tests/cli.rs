//! The command line, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn waqai() -> Command {
    Command::new(env!("CARGO_BIN_EXE_waqai"))
}

fn seed_doc() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_53d1f05ff851aa2a.waqai.json")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("waqai-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn published_resolves_a_documents_dates_and_keeps_its_curation() {
    let out = scratch("published").join("not/yet/there");
    let status = waqai()
        .args(["extract"])
        .arg(seed_doc())
        .args(["--published", "2020-11-19", "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let written = out.join("000_53d1f05ff851aa2a.waqai.json");
    let doc = waqai::model::load_document(&written).unwrap();
    let curated = waqai::seed::document();
    assert_eq!(doc.events.len(), curated.events.len());
    for (a, b) in doc.events.iter().zip(&curated.events) {
        assert_eq!(
            (&a.id, &a.summary, &a.participants),
            (&b.id, &b.summary, &b.participants)
        );
    }
    let thursday: Vec<_> = doc
        .events
        .iter()
        .filter(|e| e.when.weekday.as_deref() == Some("thursday"))
        .collect();
    assert_eq!(thursday.len(), 2);
    assert!(
        thursday
            .iter()
            .all(|e| e.when.date.as_deref() == Some("2020-11-19"))
    );
    assert_eq!(doc.article.published.as_deref(), Some("2020-11-19"));
}

#[test]
fn an_output_folder_that_cannot_be_made_is_named() {
    let file = scratch("blocked");
    std::fs::write(&file, "a file where a folder should be").unwrap();
    let out = waqai()
        .args(["extract"])
        .arg(seed_doc())
        .arg("-o")
        .arg(file.join("sub"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not create the folder"), "{err}");
    assert!(err.contains("sub"), "{err}");
    let _ = std::fs::remove_file(&file);
}

#[test]
fn the_extractor_names_an_article_it_cannot_read_and_goes_on() {
    let dir = scratch("batch");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("binary.txt");
    std::fs::write(&bad, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_53d1f05ff851aa2a.txt");
    let out = waqai()
        .arg("extract")
        .arg(&bad)
        .arg(&good)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary.txt"));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn jsonl_streams_stdin_to_stdout_and_says_when_a_line_failed() {
    use std::io::Write as _;
    let run = |input: &str| {
        let mut child = waqai()
            .args(["extract", "--jsonl", "--threads", "2"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (out.status.success(), String::from_utf8(out.stdout).unwrap())
    };
    let line = |id: &str| {
        format!(
            r#"{{"id": "{id}", "text": "التقى وزير الخارجية المصري سامح شكري نظيره الأردني ناصر جودة."}}"#
        )
    };
    let (ok, out) = run(&format!("{}\n{}\n", line("a"), line("b")));
    assert!(ok);
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, [r#""a""#, r#""b""#]);
    let (ok, out) = run(&format!("{}\n{{oops\n{}\n", line("a"), line("c")));
    assert!(!ok, "a failed line makes the exit code say so");
    assert_eq!(out.lines().count(), 3);
    assert!(out.lines().nth(1).unwrap().contains("\"error\""));
}

#[test]
fn a_picture_replays_byte_for_byte_from_its_sidecar() {
    let dir = scratch("replay");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("seed.waqai.json");
    std::fs::copy(seed_doc(), &input).unwrap();
    let first = dir.join("rel.png");
    let status = waqai()
        .args(["export"])
        .arg(&input)
        .args(["--view", "relations", "--scale", "2", "--theme", "dark"])
        .args([
            "--select",
            "e2_meeting_ledrian",
            "--places",
            "--published",
            "2020-11-19",
        ])
        .arg("--out")
        .arg(&first)
        .status()
        .unwrap();
    assert!(status.success());
    let side = waqai::export::sidecar::Sidecar::read(&dir.join("rel.png.json")).unwrap();
    assert_eq!(side.view, "relations");
    assert_eq!(
        side.selection,
        Some(waqai::export::sidecar::SelectionRef::Event(
            "e2_meeting_ledrian".into()
        ))
    );
    assert!(side.show_places && side.theme == "dark" && side.scale == 2.0);
    assert_eq!(side.published.as_deref(), Some("2020-11-19"));
    let png = std::fs::read(&first).unwrap();
    assert_eq!(side.output_sha256, waqai::export::sidecar::sha256_hex(&png));

    let again = dir.join("again.png");
    let out = waqai()
        .args(["export", "--replay"])
        .arg(dir.join("rel.png.json"))
        .arg("--out")
        .arg(&again)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&again).unwrap() == png, "the replay differs");

    // A changed input is refused, and nothing is written.
    let mut text = std::fs::read_to_string(&input).unwrap();
    text.push('\n');
    std::fs::write(&input, text).unwrap();
    let third = dir.join("third.png");
    let out = waqai()
        .args(["export", "--replay"])
        .arg(dir.join("rel.png.json"))
        .arg("--out")
        .arg(&third)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("changed since the export"));
    assert!(!third.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn data_formats_come_out_of_the_command_line() {
    let dir = scratch("data");
    std::fs::create_dir_all(&dir).unwrap();
    for (format, table, file, starts) in [
        ("gexf", "events", "g.gexf", "<?xml"),
        ("graphml", "events", "g.graphml", "<?xml"),
        ("timelinejs", "events", "t.json", "{"),
        ("csv", "actors", "a.csv", "\u{feff}id,name"),
        ("gdelt", "events", "e.tsv", "GlobalEventID\t"),
    ] {
        let out = waqai()
            .args(["export"])
            .arg(seed_doc())
            .args([
                "--format",
                format,
                "--table",
                table,
                "--published",
                "2020-11-19",
            ])
            .arg("--out")
            .arg(dir.join(file))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(
            text.starts_with(starts),
            "{format}: {}",
            &text[..40.min(text.len())]
        );
        assert!(
            !dir.join(format!("{file}.json")).exists(),
            "data has no sidecar"
        );
    }
    // TimelineJS without any date says what to do.
    let out = waqai()
        .args(["export"])
        .arg(seed_doc())
        .args(["--format", "timelinejs", "--out"])
        .arg(dir.join("none.json"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("publication date"));
    let _ = std::fs::remove_dir_all(&dir);
}
