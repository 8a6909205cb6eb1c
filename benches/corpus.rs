//! A desk of 10,000 articles: opening it in the window to the end of its first frame (the
//! corpus named, its filter bar, the composition started on its own thread), to the frame that
//! shows it all composed, a full-text search, and the memory the open window holds. The corpus is made once (kept in
//! Cargo's target folder) from the 411 real articles of `../shared/corpus`, each added 25 times
//! with its own text and publication day over two years; skipped without `../shared`.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use criterion::{Criterion, criterion_group, criterion_main};
use waqai::app::WaqaiApp;
use waqai::corpus::{Corpus, Filter};

const COPIES: usize = 25;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    }
}

/// The 10,000-article corpus, made on first use.
fn corpus_10k() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = waqai::extract::gold::find_corpus(root)?;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("bench-desk-10k.waqai.db");
    if Corpus::open(&path).ok()?.articles().ok()?.len() >= 411 * COPIES {
        return Some(path);
    }
    let _ = std::fs::remove_file(&path);
    let seed_path = dir.join("bench-desk-411.waqai.db");
    let _ = std::fs::remove_file(&seed_path);
    let mut seed = Corpus::open(&seed_path).ok()?;
    let files = waqai::corpus::input_files(&[shared.join("dev"), shared.join("smoke")]);
    waqai::corpus::import_paths(&mut seed, &files, 2, &AtomicBool::new(false), &mut |_| {});
    let docs: Vec<_> = seed
        .articles()
        .ok()?
        .iter()
        .filter_map(|a| seed.document(a.id).ok())
        .collect();
    let mut corpus = Corpus::open(&path).ok()?;
    let start = waqai::model::parse_date("2015-01-01")?;
    for copy in 0..COPIES {
        for (k, doc) in docs.iter().enumerate() {
            let mut d = doc.clone();
            d.article.text.push_str(&format!("\n\n({copy}-{k})"));
            let day = start + ((copy * docs.len() + k) * 730 / (COPIES * docs.len())) as i64;
            let (y, m, dd) = waqai::model::civil(day);
            d.article.published = Some(format!("{y:04}-{m:02}-{dd:02}"));
            waqai::model::resolve_relative_dates(&mut d);
            let sha = format!("{copy}-{k}");
            corpus.add(&d, None, &sha).ok()?;
        }
    }
    Some(path)
}

/// Resident memory now and at its peak, in MB (Linux).
fn memory_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Frames until the composition is shown, then one more.
fn full_view(ctx: &egui::Context, app: &mut WaqaiApp) {
    loop {
        let composing = app.is_composing();
        let out = ctx.run_ui(input(), |ui| app.show(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        if !composing {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

fn corpus_bench(c: &mut Criterion) {
    let Some(path) = corpus_10k() else {
        println!("skipped: ../shared/corpus is absent");
        return;
    };
    let ctx = egui::Context::default();
    waqai::fonts::install(&ctx);
    let mut warm = WaqaiApp::new(waqai::seed::document(), None);
    for _ in 0..2 {
        let out = ctx.run_ui(input(), |ui| warm.show(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    // One opening first, for the memory it holds.
    let (before, _) = memory_mb();
    let mut app = WaqaiApp::new(waqai::model::Document::default(), None);
    assert!(app.open_corpus(&path));
    full_view(&ctx, &mut app);
    let (rss, peak) = memory_mb();
    println!(
        "corpus of {} articles, {} events shown: resident {rss:.0} MB (before {before:.0} MB), \
         peak {peak:.0} MB",
        app.desk().map_or(0, |d| d.articles.len()),
        app.session.doc().events.len()
    );
    drop(app);

    let mut g = c.benchmark_group("corpus/10k");
    g.sample_size(10);
    g.bench_function("open to first frame", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let start = std::time::Instant::now();
                let mut app = WaqaiApp::new(waqai::model::Document::default(), None);
                app.open_corpus(&path);
                let out = ctx.run_ui(input(), |ui| app.show(ui));
                let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
                total += start.elapsed();
                // Not timed: the composition finishes before the next opening.
                full_view(&ctx, &mut app);
            }
            total
        })
    });
    g.bench_function("open to full view", |b| {
        b.iter(|| {
            let mut app = WaqaiApp::new(waqai::model::Document::default(), None);
            app.open_corpus(&path);
            full_view(&ctx, &mut app);
        })
    });
    let corpus = Corpus::open(&path).expect("the corpus opens");
    g.bench_function("compose", |b| {
        b.iter(|| corpus.compose(&Filter::default()).expect("composes"))
    });
    g.bench_function("search", |b| {
        b.iter(|| corpus.search("الاردن").expect("searches"))
    });
    g.finish();
}

criterion_group!(benches, corpus_bench);
criterion_main!(benches);
