//! The text layer on egui: shaping with egui's fonts, a cache, painting and labels.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Painter, Pos2, Rect, Vec2, pos2};

use super::layout::{Align, Box2, Layout, Shaped, layout};
use super::shape::{Measured, Shaper, logical_extents_rtl, rtl_script};

/// Shapes with the fonts of an egui context.
pub struct EguiShaper<'a, 'f> {
    fonts: &'a mut egui::epaint::FontsView<'f>,
    font: FontId,
    faces: Arc<HashMap<char, u32>>,
}

impl<'a, 'f> EguiShaper<'a, 'f> {
    /// A shaper for one font; `faces` maps each char to the first font of the family that has it.
    pub fn new(
        fonts: &'a mut egui::epaint::FontsView<'f>,
        font: FontId,
        faces: Arc<HashMap<char, u32>>,
    ) -> Self {
        Self { fonts, font, faces }
    }
}

/// Which font of `family` draws each char (index in the family's chain).
pub fn face_map(
    fonts: &mut egui::epaint::FontsView<'_>,
    family: &FontFamily,
) -> HashMap<char, u32> {
    let mut names: Vec<String> = Vec::new();
    let mut out = HashMap::new();
    for (c, list) in fonts.characters(family) {
        if let Some(first) = list.first() {
            let idx = match names.iter().position(|n| n == first) {
                Some(i) => i,
                None => {
                    names.push(first.clone());
                    names.len() - 1
                }
            };
            out.insert(*c, idx as u32);
        }
    }
    out
}

impl Shaper for EguiShaper<'_, '_> {
    fn face(&mut self, c: char) -> u32 {
        self.faces.get(&c).copied().unwrap_or(u32::MAX)
    }

    fn measure(&mut self, text: &str) -> Measured {
        let galley = self
            .fonts
            .layout_job(atom_job(text, &self.font, Color32::WHITE));
        let glyphs: Vec<(f32, f32)> = galley
            .rows
            .iter()
            .flat_map(|r| {
                r.glyphs
                    .iter()
                    .map(|g| (g.pos.x, g.pos.x + g.advance_width))
            })
            .collect();
        let extents = if text.chars().any(rtl_script) {
            logical_extents_rtl(text, &glyphs)
        } else {
            glyphs
        };
        Measured {
            width: galley.intrinsic_size().x,
            extents,
        }
    }

    fn line_height(&mut self) -> f32 {
        self.fonts.row_height(&self.font)
    }
}

/// The egui job that draws one atom.
pub fn atom_job(text: &str, font: &FontId, color: Color32) -> LayoutJob {
    let mut job =
        LayoutJob::single_section(text.to_owned(), TextFormat::simple(font.clone(), color));
    job.wrap.max_width = f32::INFINITY;
    job.break_on_newline = false;
    job
}

/// Shaped texts and layouts kept between frames. Like egui's `FrameCache`, each entry carries
/// the pass that last used it, and what no pass used for [`KEEP_PASSES`] is dropped: resizing a
/// panel through a thousand widths leaves the layouts of the last width only.
#[derive(Default)]
pub struct TextCache {
    faces: HashMap<FontFamily, Arc<HashMap<char, u32>>>,
    shaped: HashMap<u64, (u64, Arc<Shaped>)>,
    layouts: HashMap<u64, (u64, Arc<Layout>)>,
    pass: u64,
}

/// How many passes an entry survives without being used.
pub const KEEP_PASSES: u64 = 2;

impl TextCache {
    /// Starts pass `pass`: entries unused for [`KEEP_PASSES`] passes go.
    fn at_pass(&mut self, pass: u64) {
        if pass == self.pass {
            return;
        }
        self.pass = pass;
        let keep = |last: u64| last + KEEP_PASSES >= pass;
        self.shaped.retain(|_, (last, _)| keep(*last));
        self.layouts.retain(|_, (last, _)| keep(*last));
    }
}

/// How many shaped texts and layouts the cache holds now.
pub fn cache_sizes(ctx: &egui::Context) -> (usize, usize) {
    let cache = cache(ctx);
    let c = cache.lock().expect("text cache lock");
    (c.shaped.len(), c.layouts.len())
}

fn key(parts: impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

fn cache(ctx: &egui::Context) -> Arc<Mutex<TextCache>> {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_insert_with(egui::Id::unique("waqai-text-cache"), || {
            Arc::new(Mutex::new(TextCache::default()))
        })
        .clone()
    })
}

/// How a text is set.
#[derive(Clone, Debug, PartialEq)]
pub struct TextStyle {
    /// Font and size.
    pub font: FontId,
    /// `Some(true)`: RTL paragraphs, `Some(false)`: LTR, `None`: from the first strong char.
    pub base: Option<bool>,
    /// Line alignment.
    pub align: Align,
    /// Line height as a multiple of the font's row height.
    pub line_spacing: f32,
}

impl TextStyle {
    /// Automatic direction and alignment, single spacing.
    pub fn new(font: FontId) -> Self {
        Self {
            font,
            base: None,
            align: Align::Auto,
            line_spacing: 1.0,
        }
    }
}

/// Shapes `text` (cached per text, font, direction and scale).
pub fn shaped(ctx: &egui::Context, text: &str, style: &TextStyle) -> Arc<Shaped> {
    let ppp = ctx.pixels_per_point();
    let k = key((text, &style.font, style.base, ppp.to_bits()));
    let cache = cache(ctx);
    let mut c = cache.lock().expect("text cache lock");
    let pass = ctx.cumulative_pass_nr();
    c.at_pass(pass);
    if let Some((last, s)) = c.shaped.get_mut(&k) {
        *last = pass;
        return s.clone();
    }
    let family = style.font.family.clone();
    let faces = match c.faces.get(&family) {
        Some(f) => f.clone(),
        None => {
            let f = Arc::new(ctx.fonts_mut(|fonts| face_map(fonts, &family)));
            c.faces.insert(family, f.clone());
            f
        }
    };
    let s = Arc::new(ctx.fonts_mut(|fonts| {
        let mut shaper = EguiShaper::new(fonts, style.font.clone(), faces);
        Shaped::new(&mut shaper, text, style.base)
    }));
    c.shaped.insert(k, (pass, s.clone()));
    s
}

/// Shapes and lays out `text` at `width` (both cached).
pub fn laid_out(
    ctx: &egui::Context,
    text: &str,
    style: &TextStyle,
    width: f32,
) -> (Arc<Shaped>, Arc<Layout>) {
    let s = shaped(ctx, text, style);
    let k = key((
        text,
        &style.font,
        style.base,
        ctx.pixels_per_point().to_bits(),
        width.to_bits(),
        style.align,
        style.line_spacing.to_bits(),
    ));
    let cache = cache(ctx);
    let mut c = cache.lock().expect("text cache lock");
    let pass = ctx.cumulative_pass_nr();
    c.at_pass(pass);
    if let Some((last, l)) = c.layouts.get_mut(&k) {
        *last = pass;
        return (s, l.clone());
    }
    let l = Arc::new(layout(&s, width, style.align, style.line_spacing));
    c.layouts.insert(k, (pass, l.clone()));
    (s, l)
}

/// Converts a layout box to a screen rect at `origin`.
pub fn to_rect(origin: Pos2, b: &Box2) -> Rect {
    Rect::from_min_max(
        pos2(origin.x + b.x0, origin.y + b.y0),
        pos2(origin.x + b.x1, origin.y + b.y1),
    )
}

thread_local! {
    static RECORDER: RefCell<Option<Vec<(String, Rect)>>> = const { RefCell::new(None) };
}

/// Starts recording the logical text of everything painted through this layer on this thread
/// (the SVG export keeps it searchable).
pub fn start_recording() {
    RECORDER.with(|r| *r.borrow_mut() = Some(Vec::new()));
}

/// Stops recording and returns what was painted: logical text and where.
pub fn take_recording() -> Vec<(String, Rect)> {
    RECORDER.with(|r| r.borrow_mut().take().unwrap_or_default())
}

/// Paints a laid-out text with its top-left at `origin`;
/// lines outside `painter`'s clip are skipped.
/// `color_of` may colour each atom by its first char (e.g. to fade what is not selected).
pub fn paint(
    painter: &Painter,
    origin: Pos2,
    shaped: &Shaped,
    layout: &Layout,
    font: &FontId,
    color_of: &dyn Fn(usize) -> Color32,
) {
    let clip = painter.clip_rect();
    RECORDER.with(|r| {
        if let Some(v) = r.borrow_mut().as_mut() {
            let rect = Rect::from_min_size(origin, Vec2::new(layout.width, layout.height));
            if rect.intersects(clip) {
                v.push((shaped.text.clone(), rect.intersect(clip)));
            }
        }
    });
    let extra =
        (layout.lines.get(1).map_or(layout.line_height, |l| l.y) - layout.line_height) / 2.0;
    for line in &layout.lines {
        let top = origin.y + line.y;
        if top > clip.max.y || top + layout.line_height + 2.0 * extra < clip.min.y {
            continue;
        }
        for pa in &line.atoms {
            let atom = &shaped.paragraphs[pa.para].atoms[pa.atom];
            if atom.space {
                continue;
            }
            let color = color_of(atom.chars.start);
            let galley = painter.layout_job(atom_job(&atom.display, font, color));
            painter.galley(pos2(origin.x + pa.x, top + extra), galley, color);
        }
    }
}

/// Where a label is anchored relative to the given point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor(pub egui::Align2);

/// Shapes a one-line label, elided at its logical end to fit `max_width`.
pub fn label_layout(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    max_width: f32,
) -> (Arc<Shaped>, Arc<Layout>) {
    let style = TextStyle::new(font.clone());
    let one_line: String = text.split('\n').next().unwrap_or_default().to_owned();
    let s = shaped(ctx, &one_line, &style);
    if s.natural_width() <= max_width || one_line.is_empty() {
        return laid_out(ctx, &one_line, &style, f32::INFINITY);
    }
    let chars: Vec<char> = one_line.chars().collect();
    // Keep the paragraph direction of the full text even when the prefix
    // loses its first strong char.
    let style = TextStyle {
        base: Some(s.paragraphs.first().is_some_and(|p| p.rtl)),
        ..style
    };
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let cand: String = chars[..mid]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_owned()
            + "…";
        if shaped(ctx, &cand, &style).natural_width() <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let cand: String = chars[..lo].iter().collect::<String>().trim_end().to_owned() + "…";
    laid_out(ctx, &cand, &style, f32::INFINITY)
}

/// Paints a one-line label (bidi-correct, elided at the logical end) anchored at `pos`;
/// returns the rect it covers.
pub fn paint_label(
    painter: &Painter,
    pos: Pos2,
    anchor: egui::Align2,
    text: &str,
    font: &FontId,
    color: Color32,
    max_width: f32,
) -> Rect {
    let (s, l) = label_layout(painter.ctx(), text, font, max_width);
    let size = Vec2::new(s.natural_width(), l.height);
    let rect = anchor.anchor_size(pos, size);
    paint(painter, rect.min, &s, &l, font, &|_| color);
    rect
}

/// A one-line label as a widget: it allocates its size and shows the full text on hover when
/// elided.
pub fn label(ui: &mut egui::Ui, text: &str, font: &FontId, color: Color32) -> egui::Response {
    let max = ui.available_width().max(10.0);
    let (s, l) = label_layout(ui.ctx(), text, font, max);
    let size = Vec2::new(s.natural_width().min(max), l.height);
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text));
    if ui.is_rect_visible(rect) {
        paint(ui.painter(), rect.min, &s, &l, font, &|_| color);
    }
    if s.text != text {
        resp.on_hover_ui(|ui| {
            paragraph(ui, text, &TextStyle::new(font.clone()), color);
        })
    } else {
        resp
    }
}

/// A wrapped paragraph as a widget, using the full available width.
pub fn paragraph(
    ui: &mut egui::Ui,
    text: &str,
    style: &TextStyle,
    color: Color32,
) -> egui::Response {
    let width = ui.available_width().max(20.0);
    let (s, l) = laid_out(ui.ctx(), text, style, width);
    let (rect, resp) = ui.allocate_exact_size(Vec2::new(width, l.height), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        paint(ui.painter(), rect.min, &s, &l, &style.font, &|_| color);
    }
    resp
}

/// Forgets every shaped text and layout (benchmarks; a change of fonts).
pub fn clear_cache(ctx: &egui::Context) {
    let cache = cache(ctx);
    let mut c = cache.lock().expect("text cache lock");
    c.shaped.clear();
    c.layouts.clear();
}

/// A selectable line of text (for lists, combo boxes and menus) drawn through this layer.
pub fn selectable(ui: &mut egui::Ui, selected: bool, text: &str) -> egui::Response {
    let font = crate::fonts::ui(13.0);
    let max = ui.available_width().max(40.0);
    let (s, l) = label_layout(ui.ctx(), text, &font, max - 8.0);
    let size = Vec2::new(
        (s.natural_width() + 8.0).max(ui.available_width().min(220.0)),
        l.height + 4.0,
    );
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::click());
    resp.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::accesskit::Role::Button,
            ui.is_enabled(),
            selected,
            text,
        )
    });
    let resp = resp.on_hover_text(text);
    let v = ui.style().interact_selectable(&resp, selected);
    if selected || resp.hovered() {
        ui.painter().rect_filled(rect, 2.0, v.weak_bg_fill);
    }
    paint(
        ui.painter(),
        rect.min + Vec2::new(4.0, 2.0),
        &s,
        &l,
        &font,
        &|_| v.text_color(),
    );
    resp
}

/// `text` as one egui galley laid out by this layer (words in bidi order, RTL paragraphs
/// aligned right), wrapped at `max_width`: for egui's own widgets (buttons, menus, check boxes,
/// tooltips), which take a galley as their text. The glyphs keep egui's placeholder colour, so
/// each widget colours them as it colours its own text. The galley's text stays the logical
/// one (what a screen reader reads).
pub fn galley(ctx: &egui::Context, text: &str, font: &FontId, max_width: f32) -> Arc<egui::Galley> {
    let style = TextStyle::new(font.clone());
    let natural = shaped(ctx, text, &style).natural_width();
    let width = natural.min(max_width.max(10.0)).ceil();
    let (s, l) = laid_out(ctx, text, &style, width);
    let extra = (l.lines.get(1).map_or(l.line_height, |x| x.y) - l.line_height) / 2.0;
    let mut pieces = Vec::new();
    ctx.fonts_mut(|fonts| {
        for line in &l.lines {
            for pa in &line.atoms {
                let atom = &s.paragraphs[pa.para].atoms[pa.atom];
                if atom.space {
                    continue;
                }
                let g = fonts.layout_job(atom_job(&atom.display, font, Color32::PLACEHOLDER));
                pieces.push((Vec2::new(pa.x, line.y + extra), g));
            }
        }
    });
    let job = Arc::new(LayoutJob::single_section(
        text.to_owned(),
        TextFormat::simple(font.clone(), Color32::PLACEHOLDER),
    ));
    let galleys: Vec<Arc<egui::Galley>> = pieces.iter().map(|(_, g)| g.clone()).collect();
    let mut merged = egui::Galley::concat(job, &galleys, ctx.pixels_per_point());
    // `concat` stacks the atoms; place each where the layout puts it.
    let mut rows = merged.rows.iter_mut();
    let mut bounds = Rect::NOTHING;
    for (offset, g) in &pieces {
        for (original, row) in g.rows.iter().zip(rows.by_ref()) {
            row.pos = original.pos + *offset;
            bounds |= original.visuals.mesh_bounds.translate(row.pos.to_vec2());
        }
    }
    merged.rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(width, l.height.max(l.line_height)));
    merged.mesh_bounds = bounds;
    Arc::new(merged)
}

/// `text` as the text of an egui widget: egui's own when it holds no right-to-left script,
/// else a [`galley`] of this layer (egui has no bidi).
pub fn widget_text(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    max_width: f32,
) -> egui::WidgetText {
    if text.chars().any(rtl_script) {
        egui::WidgetText::Galley(galley(ctx, text, font, max_width))
    } else {
        egui::WidgetText::from(text)
    }
}
