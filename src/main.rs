//! Command line: start the window on a document or article (the bundled seed by default), or
//! run a headless command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use waqai::app::WaqaiApp;
use waqai::export::{ExportOptions, Format, View};

/// Waqai: the meetings, visits and agreements an Arabic news article reports.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A `.waqai.json` document or an article (`.txt`) to open; the bundled seed when omitted.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Render a view to PNG or SVG without a window or a GPU.
    Export {
        /// The document or article.
        input: PathBuf,
        /// Which view.
        #[arg(long, value_enum, default_value = "timeline")]
        view: ViewArg,
        /// Picture format.
        #[arg(long, value_enum, default_value = "png")]
        format: FormatArg,
        /// Where to write the picture.
        #[arg(long)]
        out: PathBuf,
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
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Folder for one `NAME.waqai.json` per article; JSON Lines on stdout when omitted.
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Publication date (YYYY-MM-DD) to resolve relative dates.
        #[arg(long)]
        published: Option<String>,
    },
    /// Score an extraction against a hand-checked document: entity and event P/R/F1.
    Eval {
        /// The predicted document (or an article, extracted on the fly).
        pred: PathBuf,
        /// The gold document.
        gold: PathBuf,
    },
}

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
            view,
            format,
            out,
            width,
            height,
            scale,
            theme,
        }) => {
            let view = match view {
                ViewArg::Timeline => View::Timeline,
                ViewArg::Relations => View::Relations,
                ViewArg::Article => View::Article,
                ViewArg::Inspector => View::Inspector,
                ViewArg::Window => View::Window,
            };
            let mut opts = ExportOptions::new(view);
            opts.format = match format {
                FormatArg::Png => Format::Png,
                FormatArg::Svg => Format::Svg,
            };
            opts.width = width.unwrap_or(opts.width);
            opts.height = height.unwrap_or(opts.height);
            if !(0.25..=8.0).contains(&scale) || opts.width < 50.0 || opts.height < 50.0 {
                eprintln!("waqai: scale must be within 0.25–8 and the size at least 50×50 points");
                return ExitCode::from(2);
            }
            opts.scale = scale;
            opts.dark = matches!(theme, ThemeArg::Dark);
            let doc = match waqai::model::load_path(&input) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("waqai: could not open {e}");
                    return ExitCode::FAILURE;
                }
            };
            match waqai::export::export_to(&doc, &opts, &out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("waqai: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Extract {
            articles,
            out,
            published,
        }) => extract(&articles, out.as_deref(), published.as_deref()),
        Some(Command::Eval { pred, gold }) => {
            let load =
                |p: &PathBuf| waqai::model::load_path(p).map_err(|e| format!("could not open {e}"));
            match (load(&pred), load(&gold)) {
                (Ok(p), Ok(g)) => {
                    let (e, v) = waqai::extract::eval::evaluate(&p, &g);
                    print!("{}", waqai::extract::eval::report(e, v));
                    ExitCode::SUCCESS
                }
                (Err(e), _) | (_, Err(e)) => {
                    eprintln!("waqai: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        None => match run_gui(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("waqai: {e}");
                ExitCode::FAILURE
            }
        },
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
    let mut failed = 0;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    for a in articles {
        let mut doc = match waqai::model::load_path(a) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("waqai: could not open {e}");
                failed += 1;
                continue;
            }
        };
        if let Some(p) = published {
            doc.article.published = Some(p.to_owned());
            waqai::extract::extract_into(&mut doc);
        }
        match out {
            Some(dir) => {
                let stem = a
                    .file_stem()
                    .map_or("article".into(), |s| s.to_string_lossy().into_owned());
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

fn run_gui(file: Option<PathBuf>) -> eframe::Result<()> {
    let (doc, path, error) = match &file {
        Some(p) => match waqai::model::load_path(p) {
            Ok(d) => (d, Some(p.clone()), None),
            Err(e) => {
                eprintln!("waqai: could not open {e}");
                (waqai::seed::document(), None, Some(e.to_string()))
            }
        },
        None => (waqai::seed::document(), waqai::seed::path(), None),
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
            if let Some(e) = error {
                app.banner = Some(format!("Could not open {e}"));
            }
            Ok(Box::new(app))
        }),
    )
}
