//! Command line: start the window on a document or article (the bundled seed by default).

use std::path::PathBuf;

use clap::Parser;
use waqai::app::WaqaiApp;

/// Waqai: the meetings, visits and agreements an Arabic news article reports.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A `.waqai.json` document or an article (`.txt`); the bundled seed when omitted.
    file: Option<PathBuf>,
}

fn main() -> eframe::Result<()> {
    let cli = Cli::parse();
    let (doc, path, error) = match &cli.file {
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
