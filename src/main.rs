//! Command line: start the window on a document or article (the bundled seed by default), or
//! run a headless command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use waqai::app::WaqaiApp;
use waqai::export::data::{DataFormat, Table};
use waqai::export::sidecar::Sidecar;
use waqai::export::{self, ExportOptions, Format, View};
use waqai::selection::Item;
use waqai::views::timeline::AxisCalendar;

/// Waqai: the meetings, visits and agreements an Arabic news article reports.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A `.waqai.json` document or an article (`.txt`) to open; the bundled seed when omitted.
    file: Option<PathBuf>,
    /// Print on stderr how long each stage of opening a file took (reading, parsing or
    /// extracting, the models, the first frame), for FILE and every file opened later; the same
    /// as `WAQAI_TIMINGS=1`.
    #[arg(long)]
    timings: bool,
}

/// The part of a corpus an export shows.
#[derive(clap::Args)]
struct CorpusPart {
    /// Corpus: only articles holding these words (hamza, ى/ي, ة/ه, diacritics ignored).
    #[arg(long)]
    query: Option<String>,
    /// Corpus: only events of this actor (a name, a Latin form or `actorN`).
    #[arg(long)]
    actor: Option<String>,
    /// Corpus: only events of this kind (visit, meeting, …).
    #[arg(long)]
    kind: Option<String>,
    /// Corpus: only events with a participant of this country (ISO code, e.g. JO).
    #[arg(long)]
    country: Option<String>,
    /// Corpus: only articles of this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Corpus: only events on or after this day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Corpus: only events on or before this day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Render a view to PNG or SVG without a window or a GPU (with a `.json` sidecar that
    /// replays it), or write the data as GEXF, GraphML, TimelineJS JSON, CSV or a GDELT-like TSV.
    Export {
        /// The document or article, or a corpus (`*.waqai.db`, filtered by the options below).
        #[arg(required_unless_present = "replay")]
        input: Option<PathBuf>,
        /// Which part of a corpus.
        #[command(flatten)]
        part: Box<CorpusPart>,
        /// Which view (pictures).
        #[arg(long, value_enum, default_value = "timeline")]
        view: ViewArg,
        /// Picture or data format.
        #[arg(long, value_enum, default_value = "png")]
        format: FormatArg,
        /// Which table, for `--format csv`.
        #[arg(long, value_enum, default_value = "events")]
        table: TableArg,
        /// Where to write (for `--replay`: default, the picture beside the sidecar).
        #[arg(long, required_unless_present = "replay")]
        out: Option<PathBuf>,
        /// Make a picture again from its sidecar (`NAME.png.json`), byte for byte.
        #[arg(long, conflicts_with = "input")]
        replay: Option<PathBuf>,
        /// Timeline lanes per event kind instead of per actor.
        #[arg(long)]
        lanes_by_kind: bool,
        /// Places (cities, countries, sites) as nodes of the graph.
        #[arg(long)]
        places: bool,
        /// Select an event or an actor by id: it and what relates to it stand out.
        #[arg(long)]
        select: Option<String>,
        /// Publication date (YYYY-MM-DD): relative dates («today», weekdays) become calendar
        /// dates, as TimelineJS and the tables need.
        #[arg(long)]
        published: Option<String>,
        /// Calendar of the time axis.
        #[arg(long, value_enum, default_value = "gregorian")]
        calendar: CalendarArg,
        /// Language of the labels Waqai writes (axis dates).
        #[arg(long, value_enum, default_value = "en")]
        language: LanguageArg,
        /// Script of actors' names in pictures.
        #[arg(long, value_enum, default_value = "arabic")]
        names: NamesArg,
        /// Digits of the numbers Waqai writes in pictures.
        #[arg(long, value_enum, default_value = "western")]
        digits: DigitsArg,
        /// Logical width in points (default: the view's own).
        #[arg(long)]
        width: Option<f32>,
        /// Logical height in points (default: the view's own).
        #[arg(long)]
        height: Option<f32>,
        /// Pixels per point.
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Colour theme of the picture.
        #[arg(long, value_enum, default_value = "light")]
        theme: ThemeArg,
    },
    /// Extract events, actors and relations from articles (.txt, .html, any encoding).
    Extract {
        /// The articles.
        #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
        articles: Vec<PathBuf>,
        /// Read articles as JSON Lines on standard input (`{"id", "text", "published", "url",
        /// "outlet", …}`) and write one document a line to standard output, in input order;
        /// a line that fails gives `{"id", "line", "error"}` and the stream goes on.
        #[arg(long, conflicts_with_all = ["out", "published"])]
        jsonl: bool,
        /// Worker threads for `--jsonl` (default: all cores).
        #[arg(long, requires = "jsonl")]
        threads: Option<usize>,
        /// Folder for one `NAME.waqai.json` per article; JSON Lines on stdout when omitted.
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Publication date (YYYY-MM-DD) to resolve relative dates.
        #[arg(long)]
        published: Option<String>,
    },
    /// Import articles (files or folders: .txt, .html, .json documents) into a corpus file,
    /// extracting on all cores; unchanged files are skipped; progress on stderr.
    Import {
        /// Files and folders to import.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The corpus file (`*.waqai.db`), created when it does not exist.
        #[arg(long)]
        into: PathBuf,
        /// Extraction threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Search a corpus: the articles holding every word of QUERY (hamza, ى/ي, ة/ه and
    /// diacritics ignored), one `id<TAB>title` line each.
    Search {
        /// The corpus file.
        corpus: PathBuf,
        /// Words to find.
        query: String,
    },
    /// Score extractions against hand-checked documents by the rules of annotation.md:
    /// entity and event P/R/F1 per article and their mean.
    Eval {
        /// A predicted document or article (extracted on the fly), or a folder of them.
        pred: PathBuf,
        /// A gold document, or a folder of them; predictions are paired with gold by their text.
        gold: PathBuf,
        /// Folder of the shared corpus, for gold documents that store a hash instead of text
        /// (default: `WAQAI_CORPUS`, else `shared/corpus` beside a folder above the gold).
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Also list what was missed and what was predicted wrongly, article by article.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Retrain the name tagger on the ANERcorp train split (nine sentences in ten; every tenth
    /// is held back and scored) and write the model.
    TrainTagger {
        /// The ANERcorp CAMeL Lab train split (CoNLL).
        #[arg(long, default_value_t = format!("{DATASETS}/anercorp/ANERCorp_CamelLab_train.txt"))]
        data: String,
        /// Also train on WikiFANE Gold (CoNLL, clitics split off): measured, it made the
        /// model four times larger and no better on news, so it is off by default.
        #[arg(long, default_value = "")]
        wikifane: String,
        /// Where to write the model.
        #[arg(long, default_value = "assets/tagger.bin")]
        out: PathBuf,
        /// Passes over the data.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Also write the held-back tenth as `word gold predicted` lines, to study the errors.
        #[arg(long)]
        dump: Option<PathBuf>,
    },
}

/// Where the open datasets live by default (`shared/datasets` beside the project).
const DATASETS: &str = "../shared/datasets";

#[derive(Clone, Copy, ValueEnum)]
enum ViewArg {
    Timeline,
    Relations,
    Article,
    Inspector,
    Window,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Png,
    Svg,
    /// GEXF 1.3 graph (Gephi).
    Gexf,
    /// GraphML graph.
    Graphml,
    /// TimelineJS JSON.
    Timelinejs,
    /// CSV table (see --table), UTF-8 with a BOM.
    Csv,
    /// GDELT-like event table, tab-separated, one row per dyad per event.
    Gdelt,
}

#[derive(Clone, Copy, ValueEnum)]
enum CalendarArg {
    Gregorian,
    Hijri,
    Both,
}

#[derive(Clone, Copy, ValueEnum)]
enum DigitsArg {
    /// 0123456789.
    Western,
    /// ٠١٢٣٤٥٦٧٨٩.
    Arabic,
}

#[derive(Clone, Copy, ValueEnum)]
enum NamesArg {
    /// As the article writes them.
    Arabic,
    /// Latin forms.
    Latin,
    /// Both.
    Both,
}

#[derive(Clone, Copy, ValueEnum)]
enum LanguageArg {
    /// English.
    En,
    /// Arabic.
    Ar,
}

#[derive(Clone, Copy, ValueEnum)]
enum TableArg {
    Events,
    Actors,
    Relations,
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export {
            input,
            part,
            view,
            format,
            table,
            out,
            replay,
            lanes_by_kind,
            places,
            select,
            published,
            calendar,
            language,
            names,
            digits,
            width,
            height,
            scale,
            theme,
        }) => {
            if let Some(sidecar) = replay {
                return replay_export(&sidecar, out.as_deref());
            }
            let (Some(input), Some(out)) = (input, out) else {
                unreachable!("clap requires both without --replay");
            };
            // Absolute, as the sidecar records it: a replay then opens the very same path.
            let input = std::path::absolute(&input).unwrap_or(input);
            let data = match format {
                FormatArg::Png | FormatArg::Svg => None,
                FormatArg::Gexf => Some(DataFormat::Gexf),
                FormatArg::Graphml => Some(DataFormat::Graphml),
                FormatArg::Timelinejs => Some(DataFormat::TimelineJs),
                FormatArg::Csv => Some(DataFormat::Csv(match table {
                    TableArg::Events => Table::Events,
                    TableArg::Actors => Table::Actors,
                    TableArg::Relations => Table::Relations,
                })),
                FormatArg::Gdelt => Some(DataFormat::Gdelt),
            };
            let view = match view {
                ViewArg::Timeline => View::Timeline,
                ViewArg::Relations => View::Relations,
                ViewArg::Article => View::Article,
                ViewArg::Inspector => View::Inspector,
                ViewArg::Window => View::Window,
            };
            let mut opts = ExportOptions::new(view);
            opts.format = match format {
                FormatArg::Svg => Format::Svg,
                _ => Format::Png,
            };
            opts.width = width.unwrap_or(opts.width);
            opts.height = height.unwrap_or(opts.height);
            if !(0.25..=8.0).contains(&scale) || opts.width < 50.0 || opts.height < 50.0 {
                eprintln!("waqai: scale must be within 0.25–8 and the size at least 50×50 points");
                return ExitCode::from(2);
            }
            opts.scale = scale;
            opts.dark = matches!(theme, ThemeArg::Dark);
            opts.lanes_by_kind = lanes_by_kind;
            opts.show_places = places;
            if let Some(p) = &published
                && waqai::model::parse_date(p).is_none()
            {
                eprintln!("waqai: --published {p} is not a date (YYYY-MM-DD)");
                return ExitCode::from(2);
            }
            opts.published = published.clone();
            opts.calendar = match calendar {
                CalendarArg::Gregorian => AxisCalendar::Gregorian,
                CalendarArg::Hijri => AxisCalendar::Hijri,
                CalendarArg::Both => AxisCalendar::Both,
            };
            opts.digits = match digits {
                DigitsArg::Western => waqai::i18n::Digits::Western,
                DigitsArg::Arabic => waqai::i18n::Digits::ArabicIndic,
            };
            opts.names = match names {
                NamesArg::Arabic => waqai::i18n::Names::Arabic,
                NamesArg::Latin => waqai::i18n::Names::Latin,
                NamesArg::Both => waqai::i18n::Names::Both,
            };
            opts.language = match language {
                LanguageArg::En => waqai::i18n::Language::English,
                LanguageArg::Ar => waqai::i18n::Language::Arabic,
            };
            let is_corpus = waqai::corpus::is_corpus_path(&input);
            let opened = if is_corpus {
                let CorpusPart {
                    query,
                    actor,
                    kind,
                    country,
                    outlet,
                    from,
                    to,
                } = *part;
                let filter = waqai::corpus::Filter {
                    query: query.unwrap_or_default(),
                    actor: None,
                    kind,
                    country,
                    outlet,
                    from,
                    to,
                };
                corpus_document(&input, filter, actor.as_deref())
            } else {
                waqai::open::open_path(&input).map_err(|e| format!("could not open {e}"))
            };
            let mut doc = match opened {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("waqai: {e}");
                    return ExitCode::FAILURE;
                }
            };
            if let (Some(p), Some(_)) = (&published, data) {
                doc.article.published = Some(p.clone());
                waqai::model::resolve_relative_dates(&mut doc);
            }
            if let Some(id) = select {
                opts.selection = if doc.event_index(&id).is_some() {
                    Item::Event(id)
                } else if doc.entity_index(&id).is_some() {
                    Item::Entity(id)
                } else {
                    eprintln!("waqai: --select {id}: no event or actor has this id");
                    return ExitCode::from(2);
                };
            }
            let written = match data {
                Some(f) => export::data::export_data_to(&doc, f, places, None, &out),
                // A corpus changes as articles come in: its pictures have no replay sidecar.
                None if is_corpus => export::export_to(&doc, &opts, &out),
                None => match std::fs::read(&input) {
                    Ok(bytes) => export::sidecar::export_with_sidecar(
                        &doc,
                        &opts,
                        &out,
                        Some((&input, &bytes)),
                        false,
                    ),
                    Err(e) => Err(waqai::model::load_error(&input, e.to_string())),
                },
            };
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("waqai: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Import {
            paths,
            into,
            threads,
        }) => import(&paths, &into, threads),
        Some(Command::Search { corpus, query }) => search(&corpus, &query),
        Some(Command::Extract {
            jsonl: true,
            threads,
            ..
        }) => extract_jsonl(threads),
        Some(Command::Extract {
            articles,
            out,
            published,
            ..
        }) => extract(&articles, out.as_deref(), published.as_deref()),
        Some(Command::Eval {
            pred,
            gold,
            corpus,
            verbose,
        }) => match eval(&pred, &gold, corpus, verbose) {
            Ok(report) => {
                print!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("waqai: {e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::TrainTagger {
            data,
            wikifane,
            out,
            epochs,
            dump,
        }) => match train_tagger(&data, &wikifane, &out, epochs, dump.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("waqai: {e}");
                ExitCode::FAILURE
            }
        },
        None => match run_gui(cli.file, cli.timings) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("waqai: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

/// `waqai export --replay SIDECAR`: the picture made again from the same input and settings.
fn replay_export(sidecar: &std::path::Path, out: Option<&std::path::Path>) -> ExitCode {
    let replayed = (|| -> Result<PathBuf, String> {
        let side = Sidecar::read(sidecar)?;
        let opts = side.options()?;
        let (input, bytes) = side.input_for_replay(sidecar)?;
        let doc = waqai::open::open_path(&input).map_err(|e| format!("could not open {e}"))?;
        let out = match out {
            Some(o) => o.to_owned(),
            None => sidecar.with_extension(""),
        };
        export::sidecar::export_with_sidecar(&doc, &opts, &out, Some((&input, &bytes)), false)
            .map_err(|e| e.to_string())?;
        if side.waqai_version != env!("CARGO_PKG_VERSION") {
            eprintln!(
                "waqai: exported by Waqai {}, replayed by {}: the picture may differ",
                side.waqai_version,
                env!("CARGO_PKG_VERSION")
            );
        }
        Ok(out)
    })();
    match replayed {
        Ok(out) => {
            eprintln!("waqai: wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("waqai: cannot replay {}: {e}", sidecar.display());
            ExitCode::FAILURE
        }
    }
}

/// `waqai extract`: one document per article, or JSON Lines on stdout; a bad article is reported
/// and skipped, the others still go through.
fn extract(
    articles: &[PathBuf],
    out: Option<&std::path::Path>,
    published: Option<&str>,
) -> ExitCode {
    use std::io::Write as _;
    if let Some(p) = published
        && waqai::model::parse_date(p).is_none()
    {
        eprintln!("waqai: --published {p} is not a date (YYYY-MM-DD)");
        return ExitCode::from(2);
    }
    if let Some(dir) = out
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("waqai: could not create the folder {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut failed = 0;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    for a in articles {
        // A bug in the rules must not stop the batch: the article is named and skipped.
        let mut doc = match waqai::open::open_path_guarded(a) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("waqai: could not open {e}");
                failed += 1;
                continue;
            }
        };
        if let Some(p) = published {
            if waqai::model::is_document_path(a) {
                // A document keeps what it holds (curated events, summaries): only its
                // relative dates are resolved with the publication date.
                let set = waqai::model::Edit::SetPublished(Some(p.to_owned()));
                if let Err(e) = waqai::model::apply_edit(&mut doc, &set) {
                    eprintln!("waqai: {}: {e}", a.display());
                    failed += 1;
                    continue;
                }
            } else {
                doc.article.published = Some(p.to_owned());
                waqai::extract::extract_into(&mut doc);
            }
        }
        match out {
            Some(dir) => {
                let stem = a.file_stem().map_or("article".into(), |s| {
                    let s = s.to_string_lossy();
                    s.strip_suffix(".waqai").unwrap_or(&s).to_owned()
                });
                let target = dir.join(format!("{stem}.waqai.json"));
                if let Err(e) = waqai::model::save_document(&doc, &target) {
                    eprintln!("waqai: {e}");
                    failed += 1;
                }
            }
            None => {
                let line = serde_json::to_string(&doc).expect("documents serialise");
                if writeln!(lock, "{line}").is_err() {
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `waqai extract --jsonl`: standard input to standard output, every core at work.
fn extract_jsonl(threads: Option<usize>) -> ExitCode {
    let opts = waqai::stream::Options::with_threads(threads);
    let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match waqai::stream::run(stdin, stdout, opts) {
        Ok(s) if s.failed == 0 => ExitCode::SUCCESS,
        Ok(s) => {
            eprintln!("waqai: {} of {} lines failed", s.failed, s.lines);
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("waqai: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The files of a folder (sorted), or the path itself when it is a file.
fn files_of(path: &std::path::Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x != "py"))
        .collect();
    out.sort();
    Ok(out)
}

/// `waqai eval`: pairs predictions with gold documents by the sha256 of their text and scores
/// each pair; the report has a line per article and the means.
fn eval(
    pred: &std::path::Path,
    gold: &std::path::Path,
    corpus: Option<PathBuf>,
    verbose: bool,
) -> Result<String, String> {
    use waqai::extract::{eval, gold as g};
    let corpus = corpus.or_else(|| g::find_corpus(gold));
    let mut golds = Vec::new();
    for p in files_of(gold)? {
        golds.push((p.clone(), g::load_gold(&p, corpus.as_deref())?));
    }
    let mut preds = std::collections::HashMap::new();
    for p in files_of(pred)? {
        let doc = waqai::open::open_path(&p).map_err(|e| format!("could not open {e}"))?;
        preds.insert(g::sha256_hex(doc.article.text.as_bytes()), doc);
    }
    let mut out = String::new();
    let mut all = Vec::new();
    for (path, gd) in &golds {
        let key = g::sha256_hex(gd.article.text.as_bytes());
        let Some(pd) = preds.get(&key) else {
            return Err(format!("no prediction has the text of {}", path.display()));
        };
        let e = eval::evaluate(pd, gd);
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        out.push_str(&eval::line(&name, &e));
        out.push('\n');
        if verbose {
            for err in &e.errors {
                out.push_str(&format!("    {err}\n"));
            }
        }
        all.push(e);
    }
    out.push_str(&eval::report(&eval::summarize(&all)));
    Ok(out)
}

/// `waqai train-tagger`: trains on nine sentences in ten, scores the tenth held back, writes
/// the model atomically; then, for the record, scores a model trained without the last tenth
/// on that block.
fn train_tagger(
    data: &str,
    wikifane: &str,
    out: &std::path::Path,
    epochs: usize,
    dump: Option<&std::path::Path>,
) -> Result<(), String> {
    use waqai::extract::tagger::{Model, train};
    let text = std::fs::read_to_string(data).map_err(|e| format!("{data}: {e}"))?;
    let all = train::read_conll(&text);
    let extra = if wikifane.is_empty() {
        vec![]
    } else {
        let text = std::fs::read_to_string(wikifane).map_err(|e| format!("{wikifane}: {e}"))?;
        train::join_clitics(train::read_conll(&text))
    };
    let lx = waqai::extract::lexicon();
    let opts = train::Options {
        epochs,
        ..Default::default()
    };
    let fit_and_score = |fit: Vec<train::Sentence>, held: &[train::Sentence], label: &str| {
        let mut fit = fit;
        fit.extend(extra.iter().cloned());
        eprintln!(
            "{label}: training on {} sentences, {} held back",
            fit.len(),
            held.len()
        );
        let model = train::train(&fit, lx, opts, |e| eprintln!("epoch {e}/{epochs}"));
        let bytes = model.to_bytes();
        let model = Model::from_bytes(&bytes)?;
        let s = train::evaluate(&model, held, lx, &["PERS", "LOC", "ORG"]);
        for (c, tp, fp, fn_) in &s.classes {
            println!(
                "{label}: {c:<5} F1 {:.3}  (tp {tp} fp {fp} fn {fn_})",
                s.f1_of(c)
            );
        }
        println!("{label}: micro F1 {:.3}", s.micro_f1());
        Ok::<_, String>((model, bytes))
    };
    let (fit, held) = train::split_held_back(&all);
    let (model, bytes) = fit_and_score(fit, &held, "every tenth sentence held back")?;
    println!(
        "model: {} features, {:.1} MB",
        model.weights.len(),
        bytes.len() as f64 / 1e6
    );
    if let Some(path) = dump {
        let text = train::dump(&model, &held, lx);
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    waqai::model::write_atomic(out, &bytes).map_err(|e| e.to_string())?;
    let (fit, held) = train::split_block(&all);
    fit_and_score(fit, &held, "last tenth held back as a block")?;
    Ok(())
}

fn run_gui(file: Option<PathBuf>, timings: bool) -> eframe::Result<()> {
    // A file named on the command line opens the way File → Open does: an article is decoded
    // and extracted in the background (the window shows progress; a failure is a banner), a
    // document is read at once.
    let (doc, path) = match &file {
        Some(_) => (waqai::model::document_from_text(""), None),
        None => (waqai::seed::document(), waqai::seed::path()),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_title("Waqai"),
        ..Default::default()
    };
    eframe::run_native(
        "Waqai",
        options,
        Box::new(move |cc| {
            let mut app = WaqaiApp::new(doc, path).with_creation_context(cc);
            if timings {
                app.report_timings(true);
            }
            if let Some(f) = &file {
                app.open_path(f);
            }
            Ok(Box::new(app))
        }),
    )
}

/// `waqai import`: files into a corpus, with a progress line on stderr.
fn import(paths: &[PathBuf], into: &Path, threads: Option<usize>) -> ExitCode {
    let mut corpus = match waqai::corpus::Corpus::open(into) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("waqai: {e}");
            return ExitCode::from(2);
        }
    };
    let files = waqai::corpus::input_files(paths);
    let threads = threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut shown = std::time::Instant::now();
    let report = waqai::corpus::import_paths(&mut corpus, &files, threads, &cancel, &mut |p| {
        // A line at most ten times a second, and the last one.
        if p.done < p.total && shown.elapsed() < std::time::Duration::from_millis(100) {
            return;
        }
        shown = std::time::Instant::now();
        eprint!(
            "\r{}/{} files · {} new · {} unchanged · {} failed · {:.1} files/s",
            p.done,
            p.total,
            p.new,
            p.unchanged,
            p.failed,
            p.rate()
        );
    });
    eprintln!();
    for (path, why) in &report.failures {
        eprintln!("waqai: {}: {why}", path.display());
    }
    let p = report.progress;
    eprintln!(
        "{} new, {} unchanged, {} failed in {:.1} s → {}",
        p.new,
        p.unchanged,
        p.failed,
        p.seconds,
        into.display()
    );
    if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `waqai search`: matching articles of a corpus.
fn search(corpus: &Path, query: &str) -> ExitCode {
    if !corpus.exists() {
        eprintln!("waqai: {} does not exist", corpus.display());
        return ExitCode::from(2);
    }
    let found = waqai::corpus::Corpus::open(corpus).and_then(|c| c.search(query));
    match found {
        Ok(rows) => {
            for r in rows {
                println!("{}\t{}", r.id, r.title);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("waqai: {e}");
            ExitCode::from(2)
        }
    }
}

/// The part of the corpus at `path` that `filter` (and the actor named `actor`) lets through,
/// as one document.
fn corpus_document(
    path: &std::path::Path,
    mut filter: waqai::corpus::Filter,
    actor: Option<&str>,
) -> Result<waqai::model::Document, String> {
    if !path.is_file() {
        return Err(format!("{}: no such corpus", path.display()));
    }
    for (name, day) in [("--from", &filter.from), ("--to", &filter.to)] {
        if let Some(d) = day
            && waqai::model::parse_date(d).is_none()
        {
            return Err(format!("{name} {d} is not a date (YYYY-MM-DD)"));
        }
    }
    let corpus = waqai::corpus::Corpus::open(path)?;
    if let Some(name) = actor {
        filter.actor = Some(
            corpus
                .find_actor(name)?
                .ok_or_else(|| format!("--actor {name}: no actor of the corpus has this name"))?,
        );
    }
    Ok(corpus.compose(&filter)?.doc)
}
