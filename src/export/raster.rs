//! A small CPU rasteriser for egui's tessellated output: textured, vertex-coloured triangles with
//! premultiplied alpha, blended in gamma space as egui's own renderers do. Deterministic.

use std::collections::HashMap;

use egui::epaint::textures::TexturesDelta;
use egui::epaint::{ClippedPrimitive, ImageData, Primitive, TextureId};
use egui::{Color32, ColorImage};

/// Textures known to the rasteriser (the font atlas and any user images).
#[derive(Default)]
pub struct Textures {
    images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    /// Applies (and consumes) a frame's texture changes.
    pub fn apply(&mut self, delta: &mut TexturesDelta) {
        for (id, d) in delta
            .set
            .iter()
            .flat_map(|(id, ds)| ds.iter().map(move |d| (id, d)))
        {
            let ImageData::Color(img) = &d.image;
            match d.pos {
                None => {
                    self.images.insert(*id, img.as_ref().clone());
                }
                Some([x0, y0]) => {
                    let Some(t) = self.images.get_mut(id) else {
                        continue;
                    };
                    for y in 0..img.size[1] {
                        for x in 0..img.size[0] {
                            let (tx, ty) = (x0 + x, y0 + y);
                            if tx < t.size[0] && ty < t.size[1] {
                                t.pixels[ty * t.size[0] + tx] = img.pixels[y * img.size[0] + x];
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.images.remove(id);
        }
        delta.clear();
    }
}

/// A premultiplied RGBA canvas, 8 bits per channel like a GPU framebuffer.
pub struct Canvas {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Premultiplied colours, row by row.
    pub pixels: Vec<[u8; 4]>,
}

impl Canvas {
    /// A canvas filled with `background`.
    pub fn new(width: usize, height: usize, background: Color32) -> Self {
        Self {
            width,
            height,
            pixels: vec![background.to_array(); width * height],
        }
    }

    /// Draws tessellated primitives whose coordinates are in points, at `pixels_per_point`.
    pub fn draw(&mut self, prims: &[ClippedPrimitive], textures: &Textures, pixels_per_point: f32) {
        for p in prims {
            let Primitive::Mesh(mesh) = &p.primitive else {
                continue;
            };
            let tex = textures.images.get(&mesh.texture_id);
            let clip = p.clip_rect;
            let cx0 = (clip.min.x * pixels_per_point).round().max(0.0) as usize;
            let cy0 = (clip.min.y * pixels_per_point).round().max(0.0) as usize;
            let cx1 = ((clip.max.x * pixels_per_point).round().max(0.0) as usize).min(self.width);
            let cy1 = ((clip.max.y * pixels_per_point).round().max(0.0) as usize).min(self.height);
            if cx0 >= cx1 || cy0 >= cy1 {
                continue;
            }
            for tri in mesh.indices.chunks_exact(3) {
                let v = [
                    &mesh.vertices[tri[0] as usize],
                    &mesh.vertices[tri[1] as usize],
                    &mesh.vertices[tri[2] as usize],
                ];
                self.triangle(v, tex, pixels_per_point, [cx0, cy0, cx1, cy1]);
            }
        }
    }

    fn triangle(
        &mut self,
        v: [&egui::epaint::Vertex; 3],
        tex: Option<&ColorImage>,
        ppp: f32,
        clip: [usize; 4],
    ) {
        let p: [[f32; 2]; 3] = v.map(|v| [v.pos.x * ppp, v.pos.y * ppp]);
        let area = edge(p[0], p[1], p[2]);
        if area.abs() < 1e-8 {
            return;
        }
        // Orient counter-clockwise (positive area) so the span rule is the same for all.
        let (p, v) = if area < 0.0 {
            ([p[0], p[2], p[1]], [v[0], v[2], v[1]])
        } else {
            (p, v)
        };
        let area = area.abs();
        let miny = p
            .iter()
            .map(|q| q[1])
            .fold(f32::MAX, f32::min)
            .floor()
            .max(clip[1] as f32) as usize;
        let maxy = (p
            .iter()
            .map(|q| q[1])
            .fold(f32::MIN, f32::max)
            .ceil()
            .max(0.0) as usize)
            .min(clip[3]);
        if miny >= maxy {
            return;
        }
        let col: [[f32; 4]; 3] = v.map(|v| v.color.to_array().map(|c| c as f32 / 255.0));
        let uv: [[f32; 2]; 3] = v.map(|v| [v.uv.x, v.uv.y]);
        let solid = uv[0] == uv[1] && uv[1] == uv[2] && col[0] == col[1] && col[1] == col[2];
        let solid_src = if solid {
            let t = sample(tex, uv[0]);
            let mut s = [0.0f32; 4];
            for c in 0..4 {
                s[c] = col[0][c] * t[c];
            }
            Some(s)
        } else {
            None
        };
        // Edge k is opposite vertex k: E_k(x, y) = a_k·x + b_k·y + c_k, inside where all ≥ 0.
        let edges = [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])].map(|(a, b)| {
            let ea = -(b[1] - a[1]);
            let eb = b[0] - a[0];
            let ec = -(ea * a[0] + eb * a[1]);
            (ea, eb, ec)
        });
        for y in miny..maxy {
            let py = y as f32 + 0.5;
            // The pixel centres x + 0.5 inside all three half-planes, as one span [lo, hi).
            let (mut lo, mut hi) = (clip[0] as f32, clip[2] as f32);
            let mut empty = false;
            for &(ea, eb, ec) in &edges {
                let r = eb * py + ec;
                if ea > 0.0 {
                    lo = lo.max(-r / ea - 0.5);
                } else if ea < 0.0 {
                    hi = hi.min(-r / ea - 0.5);
                } else if r < 0.0 {
                    empty = true;
                }
            }
            if empty || lo >= hi {
                continue;
            }
            let x0 = lo.ceil().max(clip[0] as f32) as usize;
            let x1 = (hi.ceil().max(0.0) as usize).min(clip[2]);
            let row = y * self.width;
            if let Some(src) = solid_src {
                for d in &mut self.pixels[row + x0..row + x1.max(x0)] {
                    blend(d, src);
                }
                continue;
            }
            for x in x0..x1 {
                let q = [x as f32 + 0.5, py];
                let w0 = edges[0].0 * q[0] + edges[0].1 * q[1] + edges[0].2;
                let w1 = edges[1].0 * q[0] + edges[1].1 * q[1] + edges[1].2;
                let (b0, b1) = (w0 / area, w1 / area);
                let b2 = 1.0 - b0 - b1;
                let t = sample(
                    tex,
                    [
                        b0 * uv[0][0] + b1 * uv[1][0] + b2 * uv[2][0],
                        b0 * uv[0][1] + b1 * uv[1][1] + b2 * uv[2][1],
                    ],
                );
                let mut src = [0.0f32; 4];
                for (c, s) in src.iter_mut().enumerate() {
                    *s = (b0 * col[0][c] + b1 * col[1][c] + b2 * col[2][c]) * t[c];
                }
                blend(&mut self.pixels[row + x], src);
            }
        }
    }

    /// The canvas as 8-bit RGBA (alpha un-premultiplied).
    pub fn to_rgba8(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.pixels.len() * 4);
        for p in &self.pixels {
            if p[3] == 255 || p[3] == 0 {
                out.extend_from_slice(p);
            } else {
                let a = p[3] as f32 / 255.0;
                let un = |c: u8| ((c as f32 / a).round().min(255.0)) as u8;
                out.extend_from_slice(&[un(p[0]), un(p[1]), un(p[2]), p[3]]);
            }
        }
        out
    }
}

/// Premultiplied "over": `dst = src + dst · (1 − src.a)`.
#[inline]
fn blend(d: &mut [u8; 4], src: [f32; 4]) {
    let k = 1.0 - src[3];
    if k <= 0.0 {
        *d = src.map(|c| (c * 255.0 + 0.5) as u8);
        return;
    }
    for c in 0..4 {
        d[c] = ((src[c] * 255.0 + d[c] as f32 * k) + 0.5).min(255.0) as u8;
    }
}

fn edge(a: [f32; 2], b: [f32; 2], p: [f32; 2]) -> f32 {
    (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
}

/// Bilinear sample of a texture at normalised `uv`; white when there is no texture.
fn sample(tex: Option<&ColorImage>, uv: [f32; 2]) -> [f32; 4] {
    let Some(t) = tex else {
        return [1.0; 4];
    };
    let (w, h) = (t.size[0], t.size[1]);
    if w == 0 || h == 0 {
        return [1.0; 4];
    }
    let x = uv[0] * w as f32 - 0.5;
    let y = uv[1] * h as f32 - 0.5;
    let x0 = x.floor();
    let y0 = y.floor();
    let (fx, fy) = (x - x0, y - y0);
    let at = |xi: f32, yi: f32| {
        let xi = (xi.max(0.0) as usize).min(w - 1);
        let yi = (yi.max(0.0) as usize).min(h - 1);
        t.pixels[yi * w + xi].to_array().map(|c| c as f32 / 255.0)
    };
    let (a, b, c, d) = (
        at(x0, y0),
        at(x0 + 1.0, y0),
        at(x0, y0 + 1.0),
        at(x0 + 1.0, y0 + 1.0),
    );
    let mut out = [0.0; 4];
    for i in 0..4 {
        let top = a[i] + (b[i] - a[i]) * fx;
        let bottom = c[i] + (d[i] - c[i]) * fx;
        out[i] = top + (bottom - top) * fy;
    }
    out
}
