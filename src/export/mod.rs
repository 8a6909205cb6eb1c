//! Offscreen rendering of views to PNG (CPU rasteriser) and SVG, shared by the window and the
//! command line: the same settings give the same bytes.

pub mod data;
pub mod raster;
pub mod sidecar;
pub mod svg;

use std::path::Path;

use crate::model::{Document, LoadError, write_atomic};
use crate::session::Session;
use crate::views::{self, Panel, Panels, Shown, ViewState};

/// A view that can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// The timeline panel.
    Timeline,
    /// The relationship panel.
    Relations,
    /// The article with its highlights.
    Article,
    /// The inspector.
    Inspector,
    /// The whole window.
    Window,
}

impl View {
    /// Every view, in menu order.
    pub const ALL: [View; 5] = [
        View::Timeline,
        View::Relations,
        View::Article,
        View::Inspector,
        View::Window,
    ];

    /// The name users see (and type on the command line).
    pub fn name(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Relations => "relations",
            View::Article => "article",
            View::Inspector => "inspector",
            View::Window => "window",
        }
    }

    /// The panel it shows (`None` for the whole window).
    pub fn panel(self) -> Option<Panel> {
        match self {
            View::Timeline => Some(Panel::Timeline),
            View::Relations => Some(Panel::Relations),
            View::Article => Some(Panel::Article),
            View::Inspector => Some(Panel::Inspector),
            View::Window => None,
        }
    }

    /// The view of a panel.
    pub fn of_panel(panel: Panel) -> Self {
        match panel {
            Panel::Timeline => View::Timeline,
            Panel::Relations => View::Relations,
            Panel::Article => View::Article,
            Panel::Inspector => View::Inspector,
        }
    }

    /// Parses a name from [`View::name`].
    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == s)
    }

    /// Default logical size of the picture.
    pub fn default_size(self) -> (f32, f32) {
        match self {
            View::Timeline => (1600.0, 900.0),
            View::Relations => (1000.0, 800.0),
            View::Article => (800.0, 1100.0),
            View::Inspector => (600.0, 900.0),
            View::Window => (1280.0, 800.0),
        }
    }
}

/// Picture format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// Raster, through the CPU rasteriser.
    Png,
    /// Vector, text as glyph outlines.
    Svg,
}

/// What to export and how.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Which view.
    pub view: View,
    /// PNG or SVG.
    pub format: Format,
    /// Logical width (points).
    pub width: f32,
    /// Logical height (points).
    pub height: f32,
    /// Pixels per point (1, 2, 4 …).
    pub scale: f32,
    /// Dark theme instead of light.
    pub dark: bool,
    /// Timeline lanes per event kind instead of per actor.
    pub lanes_by_kind: bool,
    /// Places as nodes of the relationship graph.
    pub show_places: bool,
    /// What is selected (and so highlighted, with what relates to it).
    pub selection: crate::selection::Item,
    /// The range of the time axis shown (days), when not all events.
    pub timeline_window: Option<(f64, f64)>,
    /// Publication date (`YYYY-MM-DD`) given for the picture, turning relative dates into
    /// calendar dates (as `waqai extract --published` does).
    pub published: Option<String>,
    /// Calendar of the time axis's labels.
    pub calendar: crate::views::timeline::AxisCalendar,
    /// Language of what Waqai writes in the picture (axis labels).
    pub language: crate::i18n::Language,
    /// Script of actors' names.
    pub names: crate::i18n::Names,
    /// Digits of the numbers Waqai writes.
    pub digits: crate::i18n::Digits,
}

impl ExportOptions {
    /// Defaults for `view`: its own size, 1×, light theme, PNG.
    pub fn new(view: View) -> Self {
        let (width, height) = view.default_size();
        Self {
            view,
            format: Format::Png,
            width,
            height,
            scale: 1.0,
            dark: false,
            lanes_by_kind: false,
            show_places: false,
            selection: crate::selection::Item::None,
            timeline_window: None,
            published: None,
            calendar: crate::views::timeline::AxisCalendar::Gregorian,
            language: crate::i18n::Language::English,
            names: crate::i18n::Names::Arabic,
            digits: crate::i18n::Digits::Western,
        }
    }

    /// Pixel size of the picture.
    pub fn pixel_size(&self) -> (u32, u32) {
        (
            (self.width * self.scale).round() as u32,
            (self.height * self.scale).round() as u32,
        )
    }
}

/// One frame of a view drawn offscreen: egui's shapes, tessellated, and its textures.
pub struct Frame {
    /// Tessellated triangles.
    pub primitives: Vec<egui::epaint::ClippedPrimitive>,
    /// Shapes before tessellation (for SVG).
    pub shapes: Vec<egui::epaint::ClippedShape>,
    /// The textures they use.
    pub textures: raster::Textures,
    /// Background colour of the panels.
    pub background: egui::Color32,
    /// Pixels per point.
    pub pixels_per_point: f32,
    /// Logical text painted through our text layer, and where.
    pub texts: Vec<(String, egui::Rect)>,
}

/// Draws the view offscreen (no window, no GPU), caption included.
pub fn render_frame(doc: &Document, opts: &ExportOptions) -> Frame {
    let ctx = egui::Context::default();
    crate::fonts::install(&ctx);
    ctx.set_theme(if opts.dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.global_style_mut(|s| s.animation_time = 0.0);
    let mut doc = doc.clone();
    if let Some(p) = &opts.published {
        doc.article.published = Some(p.clone());
        crate::model::resolve_relative_dates(&mut doc);
    }
    let doc = &doc;
    let mut session = Session::new(doc.clone(), None);
    session.set_options(crate::session::Options {
        lanes_by_kind: opts.lanes_by_kind,
        show_places: opts.show_places,
    });
    session.select_item(opts.selection.clone());
    let mut panels = Panels::default();
    panels.reset(doc);
    panels.timeline.by_kind = opts.lanes_by_kind;
    panels.timeline.show_x = opts.timeline_window;
    panels.timeline.calendar = opts.calendar;
    // A picture shows the settled graph, not the first frames of its layout.
    panels.relations.settle_now = true;
    // And draws its dense layers as shapes (SVG keeps them as vectors).
    panels.timeline.vector = true;
    let mut textures = raster::Textures::default();
    let mut last = None;
    let mut texts = Vec::new();
    for pass in 0..4 {
        if pass == 3 {
            crate::text::egui_text::start_recording();
        }
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(opts.width, opts.height),
            )),
            ..Default::default()
        };
        if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            v.native_pixels_per_point = Some(opts.scale);
        }
        let mut out = ctx.run_ui(input, |ui| {
            let mut vs = ViewState::of(&session, ui.visuals().dark_mode, opts.language);
            vs.names = opts.names;
            vs.digits = opts.digits;
            draw_view(ui, &vs, &mut panels, opts.view);
        });
        textures.apply(&mut out.textures_delta);
        if pass == 3 {
            texts = crate::text::egui_text::take_recording();
        }
        last = Some(out);
    }
    let out = last.expect("at least one pass");
    let ppp = out.pixels_per_point;
    let shapes = out.shapes.clone();
    let primitives = ctx.tessellate(out.shapes, ppp);
    let background = ctx.global_style().visuals.panel_fill;
    Frame {
        primitives,
        shapes,
        textures,
        background,
        pixels_per_point: ppp,
        texts,
    }
}

/// Draws a view under its caption (title, source, view): the same panels as the window, drawn
/// by the same functions; what the user could do in them is not asked for here.
fn draw_view(ui: &mut egui::Ui, vs: &ViewState<'_>, panels: &mut Panels, view: View) {
    egui::Panel::top("caption").show(ui, |ui| {
        let col = ui.visuals().strong_text_color();
        crate::text::label(
            ui,
            &vs.doc.article.title,
            &crate::fonts::reading_bold(16.0),
            col,
        );
        let src = &vs.doc.article.source;
        let source = src
            .outlet
            .clone()
            .or_else(|| src.url.clone())
            .or_else(|| {
                src.path.as_ref().map(|p| {
                    Path::new(p)
                        .file_name()
                        .map_or(p.clone(), |n| n.to_string_lossy().into_owned())
                })
            })
            .unwrap_or_else(|| "unknown source".to_owned());
        ui.label(egui::RichText::new(format!("{source} · {} · Waqai", view.name())).weak());
    });
    match view.panel() {
        None => {
            views::layout(ui, vs, panels, Shown::default());
        }
        Some(panel) => {
            egui::CentralPanel::default().show(ui, |ui| {
                views::draw(ui, vs, panels, panel);
            });
        }
    }
}

/// Renders the view to an RGBA image.
pub fn render_rgba(doc: &Document, opts: &ExportOptions) -> image::RgbaImage {
    let frame = render_frame(doc, opts);
    let (w, h) = opts.pixel_size();
    let mut canvas = raster::Canvas::new(w as usize, h as usize, frame.background);
    canvas.draw(&frame.primitives, &frame.textures, frame.pixels_per_point);
    image::RgbaImage::from_raw(w, h, canvas.to_rgba8()).expect("canvas size matches")
}

/// Renders the view and encodes it in the chosen format.
pub fn render_bytes(doc: &Document, opts: &ExportOptions) -> Vec<u8> {
    match opts.format {
        Format::Png => {
            let img = render_rgba(doc, opts);
            let mut bytes = Vec::new();
            image::codecs::png::PngEncoder::new_with_quality(
                &mut bytes,
                image::codecs::png::CompressionType::Fast,
                image::codecs::png::FilterType::Adaptive,
            )
            .write_image(
                img.as_raw(),
                img.width(),
                img.height(),
                image::ExtendedColorType::Rgba8,
            )
            .expect("PNG encoding into memory");
            bytes
        }
        Format::Svg => svg::render_svg(doc, opts).into_bytes(),
    }
}

/// Renders and writes atomically; a failed write leaves no partial file.
pub fn export_to(doc: &Document, opts: &ExportOptions, path: &Path) -> Result<(), LoadError> {
    let bytes = render_bytes(doc, opts);
    write_atomic(path, &bytes)
}

use image::ImageEncoder as _;
