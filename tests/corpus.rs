//! A desk of articles in one SQLite file: the 411 real articles (40 development articles as
//! files, 371 as JSON Lines; read from `../shared/corpus`, never copied) imported, an import
//! killed midway leaves a consistent corpus that
//! a second run completes, re-adding unchanged files does nothing, people named in several
//! reports are one actor, and a search ignores hamza spelling. Skips without `../shared`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use waqai::corpus::{Corpus, Filter, import_paths, input_files};

fn real_articles() -> Option<[PathBuf; 2]> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = waqai::extract::gold::find_corpus(root)?;
    Some([corpus.join("dev"), corpus.join("smoke")])
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waqai-corpus-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn an_import_killed_midway_leaves_a_consistent_corpus_that_a_second_run_completes() {
    let Some(sources) = real_articles() else {
        println!("skipped: ../shared/corpus is absent");
        return;
    };
    let dir = scratch("kill");
    let db = dir.join("desk.waqai.db");
    // First run: the command line import, killed once some articles are in.
    let mut child = Command::new(env!("CARGO_BIN_EXE_waqai"))
        .args(["import", "--threads", "1", "--into"])
        .arg(&db)
        .args(&sources)
        .spawn()
        .expect("waqai import starts");
    let mut seen = 0;
    for _ in 0..600 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if !db.exists() {
            continue;
        }
        if let Ok(c) = Corpus::open(&db)
            && let Ok(a) = c.articles()
        {
            seen = a.len();
            if seen >= 5 {
                break;
            }
        }
    }
    child.kill().expect("killed");
    let _ = child.wait();
    assert!(seen >= 5, "the import wrote articles as it went ({seen})");
    let mut corpus = Corpus::open(&db).expect("the corpus opens after the kill");
    corpus.check().expect("consistent after the kill");
    let before = corpus.articles().expect("articles").len();
    assert!(before < 411, "killed before the end ({before} of 411)");
    // Second run: the rest, and the unchanged files skipped.
    let files = input_files(&sources);
    assert_eq!(files.len(), 41, "40 articles and one JSON Lines file");
    let report = import_paths(&mut corpus, &files, 2, &AtomicBool::new(false), &mut |_| {});
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.progress.new + report.progress.unchanged, 411);
    assert!(report.progress.unchanged >= before);
    corpus.check().expect("consistent");
    assert_eq!(corpus.articles().expect("articles").len(), 411);
    // A third run adds nothing.
    let again = import_paths(&mut corpus, &files, 2, &AtomicBool::new(false), &mut |_| {});
    assert_eq!((again.progress.new, again.progress.unchanged), (0, 411));

    // People named in several reports are one actor.
    let shared = corpus.actors(2).expect("actors");
    let people: Vec<&str> = shared
        .iter()
        .filter(|a| a.kind == "person")
        .map(|a| a.name.as_str())
        .collect();
    println!("people in two articles or more: {people:?}");
    assert!(people.len() >= 3, "{people:?}");
    // The stored documents are the extractions.
    let first = &corpus.articles().expect("articles")[0];
    let doc = corpus.document(first.id).expect("its document");
    assert_eq!(doc.events.len() as i64, first.events);

    // A word found whatever its hamza: «الأمير» as «الامير» and as «الأمير».
    let plain = corpus.search("الامير").expect("search");
    let hamza = corpus.search("الأمير").expect("search");
    assert!(!plain.is_empty());
    assert_eq!(plain, hamza);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_that_is_no_corpus_is_refused_and_left_as_it_is() {
    let dir = scratch("foreign");
    let text = dir.join("notes.waqai.db");
    std::fs::write(&text, "not a database at all").expect("written");
    let err = Corpus::open(&text).err().expect("refused");
    assert!(err.contains("not a Waqai corpus"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).expect("still there"),
        "not a database at all"
    );
    // An SQLite file of another program.
    let other = dir.join("other.db");
    {
        let c = rusqlite::Connection::open(&other).expect("sqlite");
        c.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
            .expect("a table");
    }
    let before = std::fs::read(&other).expect("bytes");
    let err = Corpus::open(&other).err().expect("refused");
    assert!(err.contains("another program"), "{err}");
    assert_eq!(std::fs::read(&other).expect("bytes"), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_cancelled_import_says_so_and_writes_nothing_more() {
    let Some(sources) = real_articles() else {
        println!("skipped: ../shared/corpus is absent");
        return;
    };
    let dir = scratch("cancel");
    let mut corpus = Corpus::open(&dir.join("desk.waqai.db")).expect("a new corpus");
    let files = input_files(&sources);
    let report = import_paths(&mut corpus, &files, 2, &AtomicBool::new(true), &mut |_| {});
    assert!(report.cancelled);
    assert_eq!(corpus.articles().expect("articles").len(), 0);
    corpus.check().expect("consistent");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The 40 development articles as one document: it validates, the Saudi–Jordanian visit that
/// four outlets reported is one event with four accounts, and the filters narrow every part.
#[test]
fn a_corpus_composes_into_one_valid_document_with_one_mark_per_happening() {
    let Some([dev, _]) = real_articles() else {
        println!("skipped: ../shared/corpus is absent");
        return;
    };
    let dir = scratch("compose");
    let mut corpus = Corpus::open(&dir.join("desk.waqai.db")).expect("a new corpus");
    let files = input_files(&[dev]);
    let report = import_paths(&mut corpus, &files, 2, &AtomicBool::new(false), &mut |_| {});
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let all = corpus.compose(&Filter::default()).expect("composed");
    assert_eq!(all.articles.len(), 40);
    let problems = waqai::model::validate(&all.doc);
    assert!(
        problems.is_empty(),
        "{:?}",
        &problems[..problems.len().min(5)]
    );
    let told: usize = all.articles.iter().map(|a| a.events).sum();
    assert!(
        all.doc.events.len() < told,
        "nothing gathered: {told} accounts"
    );

    // King Salman, named «سلمان بن عبدالعزيز», «سلمان بن عبدالعزيز آل سعود» and «سلمان بن عبد
    // العزيز آل سعود» by different reports, is one actor.
    let salmans: Vec<&str> = all
        .doc
        .entities
        .iter()
        .filter(|e| e.kind == "person")
        .map(|e| e.name.as_str())
        .filter(|n| {
            waqai::arabic::norm(n)
                .replace("عبد ", "عبد")
                .starts_with("سلمان بن عبدالعزيز")
        })
        .collect();
    assert_eq!(salmans.len(), 1, "{salmans:?}");

    // Mohammed bin Salman's visit to Jordan: one visit, told by several outlets.
    let mbs = all
        .doc
        .entities
        .iter()
        .find(|e| e.latin.as_deref().is_some_and(|l| l.contains("bin Salman")))
        .expect("Mohammed bin Salman is one actor");
    let visits: Vec<_> = all
        .doc
        .events
        .iter()
        .filter(|e| e.kind == "visit" && e.participants.iter().any(|p| p.entity == mbs.id))
        .collect();
    assert_eq!(
        visits.len(),
        1,
        "{:#?}",
        visits.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    let accounts = waqai::corpus::accounts(visits[0]);
    assert!(accounts.len() >= 3, "{accounts:?}");
    let outlets: std::collections::BTreeSet<i64> = accounts.iter().map(|a| a.article).collect();
    assert_eq!(outlets.len(), accounts.len(), "one account per article");
    // Each account's evidence lies in its own article's stretch of the text.
    for a in &accounts {
        let part = all
            .articles
            .iter()
            .find(|p| p.id == a.article)
            .expect("its article");
        assert!(
            a.evidence.iter().all(|s| part.chars.contains(&s.start)),
            "{a:?}"
        );
    }

    // Filtered by that actor: only events he takes part in, and fewer articles.
    let actor = waqai::corpus::actor_of_entity(&mbs.id).expect("a corpus actor id");
    let his = corpus
        .compose(&Filter {
            actor: Some(actor),
            ..Filter::default()
        })
        .expect("composed");
    assert!(!his.doc.events.is_empty() && his.articles.len() < 40);
    assert!(
        his.doc
            .events
            .iter()
            .all(|e| e.participants.iter().any(|p| p.entity == mbs.id))
    );
    assert!(waqai::model::validate(&his.doc).is_empty());
    // By country: every event has a Jordanian participant.
    let jordanian = corpus
        .compose(&Filter {
            country: Some("JO".into()),
            ..Filter::default()
        })
        .expect("composed");
    assert!(!jordanian.doc.events.is_empty());
    for e in &jordanian.doc.events {
        assert!(
            e.participants.iter().any(|p| jordanian
                .doc
                .entity(&p.entity)
                .is_some_and(|x| x.country.as_deref() == Some("JO"))),
            "{}",
            e.id
        );
    }
    // By words, whatever the hamza: «الاردن» finds the articles that write «الأردن».
    let jordan = corpus
        .compose(&Filter {
            query: "الاردن".into(),
            ..Filter::default()
        })
        .expect("composed");
    assert!(jordan.articles.len() >= 4 && jordan.articles.len() < 40);
    assert!(jordan.doc.article.text.contains("الأردن"));
    // Punctuation alone is no filter.
    let marks = corpus
        .compose(&Filter {
            query: "؟ -".into(),
            ..Filter::default()
        })
        .expect("composed");
    assert_eq!(marks.articles.len(), 40);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `waqai export` takes a corpus and a filter: the events of one actor as a table.
#[test]
fn export_takes_a_corpus_and_a_filter() {
    let Some([dev, _]) = real_articles() else {
        println!("skipped: ../shared/corpus is absent");
        return;
    };
    let dir = scratch("export");
    let db = dir.join("desk.waqai.db");
    let waqai = env!("CARGO_BIN_EXE_waqai");
    let ok = Command::new(waqai)
        .args([
            "import",
            &dev.display().to_string(),
            "--into",
            &db.display().to_string(),
        ])
        .output()
        .expect("waqai runs");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let table = |extra: &[&str]| {
        let out = dir.join("events.csv");
        let run = Command::new(waqai)
            .args(["export", &db.display().to_string(), "--format", "csv"])
            .args(["--out", &out.display().to_string()])
            .args(extra)
            .output()
            .expect("waqai runs");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(&out)
            .expect("a table")
            .lines()
            .count()
            - 1
    };
    let all = table(&[]);
    let his = table(&["--actor", "Mohamed bin Salman bin Abdulaziz"]);
    let visits = table(&[
        "--actor",
        "Mohamed bin Salman bin Abdulaziz",
        "--kind",
        "visit",
    ]);
    assert!(
        all > his && his > visits && visits >= 1,
        "{all} {his} {visits}"
    );
    let unknown = Command::new(waqai)
        .args([
            "export",
            &db.display().to_string(),
            "--format",
            "csv",
            "--out",
            "x.csv",
        ])
        .args(["--actor", "nobody at all"])
        .output()
        .expect("waqai runs");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no actor"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A namesake split off in one article becomes an actor of its own there, and moving the
/// mentions back undoes it; an article's date set in the corpus dates its relative events.
#[test]
fn actors_split_and_merge_across_articles_and_dates_resolve() {
    let Some([dev, _]) = real_articles() else {
        println!("skipped: ../shared/corpus is absent");
        return;
    };
    let dir = scratch("split");
    let mut corpus = Corpus::open(&dir.join("desk.waqai.db")).expect("a new corpus");
    let files = input_files(&[dev]);
    import_paths(&mut corpus, &files, 2, &AtomicBool::new(false), &mut |_| {});
    let widest = corpus.actors(3).expect("actors")[0].clone();
    let articles_of = |c: &Corpus, id: i64| {
        c.actors(1)
            .expect("actors")
            .iter()
            .find(|a| a.id == id)
            .map_or(0, |a| a.articles)
    };
    let composed = corpus.compose(&Filter::default()).expect("composed");
    let article = composed
        .articles
        .iter()
        .find(|p| {
            composed.doc.entities.iter().any(|e| {
                e.id == waqai::corpus::entity_id(widest.id)
                    && e.mentions.iter().any(|m| p.chars.contains(&m.start))
            })
        })
        .expect("an article naming it")
        .id;
    let moves = corpus.split_moves(widest.id, &[], article).expect("split");
    assert!(!moves.is_empty());
    let back = corpus.move_mentions(&moves).expect("moved");
    assert_eq!(articles_of(&corpus, widest.id), widest.articles - 1);
    assert_eq!(articles_of(&corpus, moves[0].actor), 1);
    corpus.move_mentions(&back).expect("moved back");
    assert_eq!(articles_of(&corpus, widest.id), widest.articles);

    // «اليوم» in an article dated in the corpus becomes that day.
    let relative = composed
        .doc
        .events
        .iter()
        .find(|e| e.when.relative_days == Some(0) && e.when.date.is_none())
        .expect("an event told as today");
    let start = relative.evidence[0].start;
    let part = composed
        .articles
        .iter()
        .find(|p| p.chars.contains(&start))
        .expect("its article");
    corpus
        .set_published(part.id, Some("2015-08-04"))
        .expect("dated");
    assert!(corpus.set_published(part.id, Some("2015-02-30")).is_err());
    let dated = corpus.compose(&Filter::default()).expect("composed");
    assert!(
        dated
            .doc
            .events
            .iter()
            .any(|e| e.when.date.as_deref() == Some("2015-08-04"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}
