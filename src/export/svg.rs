//! SVG export: egui's shapes as vector elements, text as glyph outlines (shaped again with
//! harfrust from the bundled fonts, so the Arabic survives in any viewer without fonts), the
//! logical text kept in `aria-label` so the file stays searchable.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use egui::epaint::{ClippedShape, Shape, TextShape};
use egui::{Color32, FontFamily, Rect};
use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::raw::TableProvider as _;

use super::{ExportOptions, render_frame};
use crate::model::Document;

/// Renders the view as an SVG document.
pub fn render_svg(doc: &Document, opts: &ExportOptions) -> String {
    let frame = render_frame(doc, opts);
    let (pw, ph) = opts.pixel_size();
    let mut w = SvgWriter::new();
    let title = xml(&format!("{} — {}", doc.article.title, opts.view.name()));
    let _ = write!(
        w.out,
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{pw}" height="{ph}" "#,
            r#"viewBox="0 0 {} {}"><title>{title}</title>"#
        ),
        opts.width,
        opts.height,
        pw = pw,
        ph = ph,
        title = title
    );
    let _ = write!(
        w.out,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        color(frame.background)
    );
    for ClippedShape {
        clip_rect, shape, ..
    } in &frame.shapes
    {
        let id = w.clip(*clip_rect);
        let _ = write!(w.out, r#"<g clip-path="url(#c{id})">"#);
        w.shape(shape);
        w.out.push_str("</g>");
    }
    for (text, r) in &frame.texts {
        let _ = write!(
            w.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" aria-label="{}"/>"#,
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            xml(text)
        );
    }
    w.out.push_str("<defs>");
    let clips = std::mem::take(&mut w.clips);
    for (i, r) in clips.iter().enumerate() {
        let _ = write!(
            w.out,
            r#"<clipPath id="c{i}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            r.min.x,
            r.min.y,
            r.width().max(0.0),
            r.height().max(0.0)
        );
    }
    w.out.push_str("</defs></svg>\n");
    w.out
}

struct Face {
    bytes: Arc<egui::FontData>,
}

struct SvgWriter {
    out: String,
    clips: Vec<Rect>,
    families: HashMap<FontFamily, Vec<Face>>,
}

fn color(c: Color32) -> String {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    if a == 255 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("rgba({r},{g},{b},{:.3})", a as f32 / 255.0)
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl SvgWriter {
    fn new() -> Self {
        let defs = crate::fonts::definitions();
        let families = defs
            .families
            .iter()
            .map(|(fam, names)| {
                let faces = names
                    .iter()
                    .filter_map(|n| defs.font_data.get(n))
                    .map(|d| Face { bytes: d.clone() })
                    .collect();
                (fam.clone(), faces)
            })
            .collect();
        Self {
            out: String::new(),
            clips: Vec::new(),
            families,
        }
    }

    fn clip(&mut self, r: Rect) -> usize {
        match self.clips.iter().position(|c| *c == r) {
            Some(i) => i,
            None => {
                self.clips.push(r);
                self.clips.len() - 1
            }
        }
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Vec(v) => v.iter().for_each(|s| self.shape(s)),
            Shape::Circle(c) => {
                let _ = write!(
                    self.out,
                    r#"<circle cx="{}" cy="{}" r="{}" fill="{}"{}/>"#,
                    c.center.x,
                    c.center.y,
                    c.radius,
                    fill(c.fill),
                    stroke(c.stroke.width, c.stroke.color)
                );
            }
            Shape::Ellipse(e) => {
                let _ = write!(
                    self.out,
                    r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}" fill="{}"{}/>"#,
                    e.center.x,
                    e.center.y,
                    e.radius.x,
                    e.radius.y,
                    fill(e.fill),
                    stroke(e.stroke.width, e.stroke.color)
                );
            }
            Shape::LineSegment { points, stroke: s } => {
                let _ = write!(
                    self.out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
                    points[0].x,
                    points[0].y,
                    points[1].x,
                    points[1].y,
                    stroke(s.width, s.color)
                );
            }
            Shape::Path(p) => {
                if p.points.is_empty() {
                    return;
                }
                let pts: Vec<String> = p
                    .points
                    .iter()
                    .map(|q| format!("{},{}", q.x, q.y))
                    .collect();
                let tag = if p.closed { "polygon" } else { "polyline" };
                let sc = match p.stroke.color {
                    egui::epaint::ColorMode::Solid(c) => c,
                    _ => Color32::GRAY,
                };
                let _ = write!(
                    self.out,
                    r#"<{tag} points="{}" fill="{}"{}/>"#,
                    pts.join(" "),
                    if p.closed {
                        fill(p.fill)
                    } else {
                        "none".to_owned()
                    },
                    stroke(p.stroke.width, sc)
                );
            }
            Shape::Rect(r) => {
                let rad = r.corner_radius.average();
                let _ = write!(
                    self.out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{rad}" fill="{}"{}/>"#,
                    r.rect.min.x,
                    r.rect.min.y,
                    r.rect.width().max(0.0),
                    r.rect.height().max(0.0),
                    fill(r.fill),
                    stroke(r.stroke.width, r.stroke.color)
                );
            }
            Shape::Mesh(m) => {
                for t in m.indices.chunks_exact(3) {
                    let v = [0, 1, 2].map(|k| &m.vertices[t[k] as usize]);
                    let _ = write!(
                        self.out,
                        r#"<polygon points="{},{} {},{} {},{}" fill="{}"/>"#,
                        v[0].pos.x,
                        v[0].pos.y,
                        v[1].pos.x,
                        v[1].pos.y,
                        v[2].pos.x,
                        v[2].pos.y,
                        color(v[0].color)
                    );
                }
            }
            Shape::Text(t) => self.text(t),
            _ => {}
        }
    }

    fn text(&mut self, t: &TextShape) {
        let galley = &t.galley;
        let Some(section) = galley.job.sections.first() else {
            return;
        };
        let font = section.format.font_id.clone();
        let mut c = t.override_text_color.unwrap_or(section.format.color);
        if c == Color32::PLACEHOLDER {
            c = t.fallback_color;
        }
        let c = c.gamma_multiply(t.opacity_factor);
        let single = galley.rows.len() == 1;
        let _ = write!(
            self.out,
            r#"<g fill="{}" aria-label="{}">"#,
            color(c),
            xml(&galley.job.text)
        );
        for row in &galley.rows {
            let Some(first) = row.glyphs.first() else {
                continue;
            };
            let text: String = if single {
                galley.job.text.clone()
            } else {
                row.glyphs.iter().map(|g| g.chr).collect()
            };
            let x = t.pos.x + row.pos.x + first.pos.x;
            let y = t.pos.y + row.pos.y + first.pos.y;
            self.shaped_text(&text, &font, x, y);
        }
        self.out.push_str("</g>");
    }

    fn shaped_text(&mut self, text: &str, font: &egui::FontId, mut x: f32, y: f32) {
        let Some(faces) = self.families.get(&font.family) else {
            return;
        };
        // Split into runs of the first face that has each char, as egui does.
        let refs: Vec<skrifa::FontRef<'_>> = faces
            .iter()
            .filter_map(|f| {
                skrifa::FontRef::from_index(f.bytes.font.as_ref().as_ref(), f.bytes.index).ok()
            })
            .collect();
        let face_of = |c: char| {
            refs.iter()
                .position(|r| r.charmap().map(c).is_some())
                .unwrap_or(0)
        };
        let mut runs: Vec<(usize, String)> = Vec::new();
        for ch in text.chars() {
            let f = if ch.is_whitespace() || is_mark(ch) {
                runs.last().map_or_else(|| face_of(ch), |r| r.0)
            } else {
                face_of(ch)
            };
            match runs.last_mut() {
                Some((lf, s)) if *lf == f => s.push(ch),
                _ => runs.push((f, ch.to_string())),
            }
        }
        let mut paths = String::new();
        for (f, run) in runs {
            let Some(fref) = refs.get(f) else { continue };
            let upem = fref.head().map(|h| h.units_per_em()).unwrap_or(1000) as f32;
            let scale = font.size / upem;
            let data = harfrust::ShaperData::new(fref);
            let shaper = data.shaper(fref).build();
            let mut buf = harfrust::UnicodeBuffer::new();
            buf.push_str(&run);
            buf.guess_segment_properties();
            let glyphs = shaper.shape(buf, harfrust::ShapeOptions::new());
            let outlines = fref.outline_glyphs();
            for (info, pos) in glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()) {
                let gx = x + pos.x_offset as f32 * scale;
                let gy = y - pos.y_offset as f32 * scale;
                if let Some(g) = outlines.get(skrifa::GlyphId::new(info.glyph_id)) {
                    let mut pen = Pen {
                        out: &mut paths,
                        x: gx,
                        y: gy,
                    };
                    let settings =
                        DrawSettings::unhinted(Size::new(font.size), LocationRef::default());
                    let _ = g.draw(settings, &mut pen);
                }
                x += pos.x_advance as f32 * scale;
            }
        }
        if !paths.is_empty() {
            let _ = write!(self.out, r#"<path d="{paths}"/>"#);
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x065F | 0x0670 | 0x0300..=0x036F)
}

fn fill(c: Color32) -> String {
    if c.a() == 0 {
        "none".to_owned()
    } else {
        color(c)
    }
}

fn stroke(width: f32, c: Color32) -> String {
    if width <= 0.0 || c.a() == 0 {
        String::new()
    } else {
        format!(r#" stroke="{}" stroke-width="{width}""#, color(c))
    }
}

struct Pen<'a> {
    out: &'a mut String,
    x: f32,
    y: f32,
}

impl OutlinePen for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.out, "M{:.2} {:.2}", self.x + x, self.y - y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.out, "L{:.2} {:.2}", self.x + x, self.y - y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        let _ = write!(
            self.out,
            "Q{:.2} {:.2} {:.2} {:.2}",
            self.x + cx0,
            self.y - cy0,
            self.x + x,
            self.y - y
        );
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let _ = write!(
            self.out,
            "C{:.2} {:.2} {:.2} {:.2} {:.2} {:.2}",
            self.x + cx0,
            self.y - cy0,
            self.x + cx1,
            self.y - cy1,
            self.x + x,
            self.y - y
        );
    }
    fn close(&mut self) {
        self.out.push('Z');
    }
}
