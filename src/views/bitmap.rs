//! Dense layers (thousands of marks on the timeline, thousands of edges in the graph) drawn
//! into a bitmap shown as one texture: a frame then costs one quad, not a mesh of every mark.
//! Pictures for export draw the same layers as shapes instead, so that SVG stays vector.

use egui::{Color32, ColorImage, Pos2, Rect, TextureHandle, TextureOptions};

/// Premultiplied RGBA pixels, transparent to start with.
pub struct Bitmap {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
}

impl Bitmap {
    /// A transparent bitmap of `width × height` pixels.
    pub fn new(width: usize, height: usize) -> Self {
        Self {
            width,
            height,
            pixels: vec![Color32::TRANSPARENT; width * height],
        }
    }

    /// Paints `color` over the pixel at `(x, y)` with `coverage` (0–1), in integers: this runs
    /// millions of times for a crowded graph.
    fn blend(&mut self, x: i64, y: i64, color: Color32, coverage: f32) {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 {
            return;
        }
        let k = y as usize * self.width + x as usize;
        let cov = (coverage.clamp(0.0, 1.0) * 255.0 + 0.5) as u32;
        let src = color.to_array().map(|c| div255(u32::from(c) * cov));
        let keep = 255 - src[3];
        let dst = self.pixels[k].to_array();
        let mix = |i: usize| (src[i] + div255(u32::from(dst[i]) * keep)).min(255) as u8;
        self.pixels[k] = Color32::from_rgba_premultiplied(mix(0), mix(1), mix(2), mix(3));
    }

    /// Fills the square of side `side` centred on `c` (pixel units).
    pub fn square(&mut self, c: Pos2, side: f32, color: Color32) {
        let h = side / 2.0;
        let (x0, x1) = ((c.x - h).round() as i64, (c.x + h).round() as i64);
        let (y0, y1) = ((c.y - h).round() as i64, (c.y + h).round() as i64);
        for y in y0..y1.max(y0 + 1) {
            for x in x0..x1.max(x0 + 1) {
                self.blend(x, y, color, 1.0);
            }
        }
    }

    /// An anti-aliased line one pixel wide from `a` to `b` (Xiaolin Wu's algorithm).
    pub fn line(&mut self, a: Pos2, b: Pos2, color: Color32) {
        let steep = (b.y - a.y).abs() > (b.x - a.x).abs();
        let (mut a, mut b) = if steep {
            (Pos2::new(a.y, a.x), Pos2::new(b.y, b.x))
        } else {
            (a, b)
        };
        if a.x > b.x {
            std::mem::swap(&mut a, &mut b);
        }
        let dx = b.x - a.x;
        let gradient = if dx.abs() < 1e-6 {
            1.0
        } else {
            (b.y - a.y) / dx
        };
        // Lines far outside the bitmap cost nothing: clip the walk to its columns.
        let limit = if steep { self.height } else { self.width } as f32;
        let start = a.x.round().max(0.0);
        let end = b.x.round().min(limit);
        let mut y = a.y + gradient * (start - a.x);
        let mut x = start;
        while x <= end {
            let (yi, f) = (y.floor(), y - y.floor());
            let (px, py) = (x as i64, yi as i64);
            if steep {
                self.blend(py, px, color, 1.0 - f);
                self.blend(py + 1, px, color, f);
            } else {
                self.blend(px, py, color, 1.0 - f);
                self.blend(px, py + 1, color, f);
            }
            y += gradient;
            x += 1.0;
        }
    }

    /// Uploads it as a texture (pixels drawn one to one: no smoothing).
    pub fn into_texture(self, ctx: &egui::Context, name: &str) -> TextureHandle {
        let image = ColorImage::new([self.width, self.height], self.pixels);
        ctx.load_texture(name, image, TextureOptions::NEAREST)
    }
}

/// `v / 255`, rounded, for `v ≤ 255 × 255`.
fn div255(v: u32) -> u32 {
    let v = v + 128;
    (v + (v >> 8)) >> 8
}

/// How a dense layer is drawn: one texture in the window, a mesh in pictures.
#[derive(Clone)]
pub enum DenseLayer {
    /// Shapes, for pictures (SVG keeps them as vectors).
    Mesh(std::sync::Arc<egui::Mesh>),
    /// A bitmap covering this rectangle.
    Texture(egui::TextureHandle, Rect),
}

impl std::fmt::Debug for DenseLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DenseLayer::Mesh(m) => write!(f, "Mesh({} vertices)", m.vertices.len()),
            DenseLayer::Texture(t, r) => write!(f, "Texture({:?}, {r:?})", t.id()),
        }
    }
}

impl DenseLayer {
    /// Draws it.
    pub fn paint(&self, painter: &egui::Painter) {
        match self {
            DenseLayer::Mesh(m) => {
                painter.add(egui::Shape::Mesh(m.clone()));
            }
            DenseLayer::Texture(t, r) => {
                let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
                painter.image(t.id(), *r, uv, Color32::WHITE);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_squares_land_where_they_are_drawn() {
        let mut b = Bitmap::new(10, 10);
        b.square(Pos2::new(2.5, 2.5), 3.0, Color32::RED);
        assert_eq!(b.pixels[2 * 10 + 2], Color32::RED);
        assert_eq!(b.pixels[8 * 10 + 8], Color32::TRANSPARENT);
        b.line(Pos2::new(0.0, 9.0), Pos2::new(9.0, 9.0), Color32::WHITE);
        assert_eq!(b.pixels[9 * 10 + 5], Color32::WHITE);
        // Steep, and drawn from its far end: every row gets ink.
        b.line(Pos2::new(7.0, 9.0), Pos2::new(7.0, 0.0), Color32::BLUE);
        assert!((0..10).all(|y| b.pixels[y * 10 + 7].a() > 0));
        // Far outside: nothing, and no panic.
        b.line(Pos2::new(-1e6, -5.0), Pos2::new(1e6, -5.0), Color32::BLUE);
    }

    #[test]
    fn integer_blending_rounds_like_division() {
        for v in (0..=255 * 255).step_by(7) {
            assert_eq!(div255(v), (v + 127) / 255, "{v}");
        }
        let mut b = Bitmap::new(1, 1);
        b.blend(0, 0, Color32::from_rgba_premultiplied(100, 0, 0, 128), 1.0);
        b.blend(0, 0, Color32::from_rgba_premultiplied(0, 100, 0, 128), 0.5);
        let p = b.pixels[0];
        assert_eq!((p.r(), p.g(), p.a()), (75, 50, 160));
    }
}
