//! Colours and shapes shared by every view: one colour per event kind (Okabe–Ito, colour-blind
//! safe), one shape per actor kind, colour by country.

use egui::{Color32, Painter, Pos2, Shape, Stroke, pos2, vec2};

/// Colour of an event kind, used everywhere it appears.
pub fn kind_color(kind: &str) -> Color32 {
    match kind {
        "visit" => Color32::from_rgb(0xE6, 0x9F, 0x00),
        "arrival" => Color32::from_rgb(0x56, 0xB4, 0xE9),
        "meeting" => Color32::from_rgb(0x00, 0x72, 0xB2),
        "signing" | "agreement" => Color32::from_rgb(0x00, 0x9E, 0x73),
        "statement" => Color32::from_rgb(0xCC, 0x79, 0xA7),
        _ => Color32::from_rgb(0x99, 0x99, 0x99),
    }
}

/// The mark of an event of `kind` centred on `c`, about `r` in radius: its shape tells the kind
/// as its colour does (colour is never the only signal) — meeting ●, visit ■, arrival ▼,
/// signing ◆, agreement ▲, statement ⬢, other ●. `fill` `None` draws the outline only
/// (planned events) over `background`.
pub fn event_mark(
    c: Pos2,
    r: f32,
    kind: &str,
    fill: Option<Color32>,
    color: Color32,
    background: Color32,
) -> Vec<Shape> {
    let ring = |n: usize, start: f32, k: f32| -> Vec<Pos2> {
        (0..n)
            .map(|i| {
                let a = start + i as f32 * std::f32::consts::TAU / n as f32;
                pos2(c.x + r * k * a.cos(), c.y + r * k * a.sin())
            })
            .collect()
    };
    let half_pi = std::f32::consts::FRAC_PI_2;
    let outline = match kind {
        "visit" => Some(ring(4, std::f32::consts::FRAC_PI_4, 1.2)),
        "arrival" => Some(ring(3, half_pi, 1.3)),
        "signing" => Some(ring(4, 0.0, 1.3)),
        "agreement" => Some(ring(3, -half_pi, 1.3)),
        "statement" => Some(ring(6, 0.0, 1.1)),
        _ => None,
    };
    let (inside, stroke) = match fill {
        Some(f) => (f, Stroke::NONE),
        None => (background, Stroke::new(2.0, color)),
    };
    match outline {
        Some(points) => vec![Shape::convex_polygon(points, inside, stroke)],
        None if stroke.width > 0.0 => vec![
            Shape::circle_filled(c, r, inside),
            Shape::circle_stroke(c, r - 1.0, stroke),
        ],
        None => vec![Shape::circle_filled(c, r, inside)],
    }
}

/// The kinds of event in legend order.
pub use crate::model::EVENT_KINDS;

/// The selection accent.
pub const ACCENT: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);

/// Colour of an actor by its country (stable for a given code; grey when unknown).
pub fn country_color(country: Option<&str>) -> Color32 {
    const PALETTE: [Color32; 8] = [
        Color32::from_rgb(0x00, 0x72, 0xB2),
        Color32::from_rgb(0xD5, 0x5E, 0x00),
        Color32::from_rgb(0x00, 0x9E, 0x73),
        Color32::from_rgb(0xCC, 0x79, 0xA7),
        Color32::from_rgb(0xE6, 0x9F, 0x00),
        Color32::from_rgb(0x56, 0xB4, 0xE9),
        Color32::from_rgb(0x8C, 0x56, 0x4B),
        Color32::from_rgb(0x6A, 0x3D, 0x9A),
    ];
    match country {
        Some("LY") => PALETTE[2],
        Some("FR") => PALETTE[0],
        Some(c) if !c.is_empty() => {
            let h = c
                .bytes()
                .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
            PALETTE[(h % 8) as usize]
        }
        _ => Color32::from_rgb(0x88, 0x88, 0x88),
    }
}

/// The status look of an event mark.
pub fn status_fill(status: &str, color: Color32) -> Option<Color32> {
    match status {
        "planned" => None,
        "reported" => Some(color.gamma_multiply(0.45)),
        _ => Some(color),
    }
}

/// Dims a colour for things unrelated to the selection (they fade, they do not disappear).
pub fn faded(color: Color32, dark: bool) -> Color32 {
    let bg = if dark {
        Color32::from_gray(30)
    } else {
        Color32::from_gray(250)
    };
    lerp(color, bg, 0.72)
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgba_unmultiplied(
        m(a.r(), b.r()),
        m(a.g(), b.g()),
        m(a.b(), b.b()),
        a.a().max(b.a()),
    )
}

/// Paints the symbol of an actor kind: person ●, organisation ■, group ◆, country ⬟, place ▲.
pub fn actor_shape(painter: &Painter, c: Pos2, r: f32, kind: &str, fill: Color32, stroke: Stroke) {
    let poly = |pts: Vec<Pos2>| Shape::convex_polygon(pts, fill, stroke);
    let shape = match kind {
        "person" => Shape::circle_filled(c, r, fill),
        "organization" => Shape::rect_filled(
            egui::Rect::from_center_size(c, vec2(1.7 * r, 1.7 * r)),
            1.0,
            fill,
        ),
        "group" => poly(vec![
            pos2(c.x, c.y - r * 1.2),
            pos2(c.x + r * 1.2, c.y),
            pos2(c.x, c.y + r * 1.2),
            pos2(c.x - r * 1.2, c.y),
        ]),
        "country" => poly(
            (0..5)
                .map(|k| {
                    let a = -std::f32::consts::FRAC_PI_2 + k as f32 * std::f32::consts::TAU / 5.0;
                    pos2(c.x + r * 1.15 * a.cos(), c.y + r * 1.15 * a.sin())
                })
                .collect(),
        ),
        _ => poly(vec![
            pos2(c.x, c.y - r * 1.2),
            pos2(c.x + r * 1.1, c.y + r * 0.8),
            pos2(c.x - r * 1.1, c.y + r * 0.8),
        ]),
    };
    painter.add(shape);
    if stroke.width > 0.0 && matches!(kind, "person" | "organization") {
        match kind {
            "person" => painter.circle_stroke(c, r, stroke),
            _ => painter.rect_stroke(
                egui::Rect::from_center_size(c, vec2(1.7 * r, 1.7 * r)),
                1.0,
                stroke,
                egui::StrokeKind::Middle,
            ),
        };
    }
}

/// Human-readable name of an actor kind.
pub fn actor_kind_label(kind: &str) -> &str {
    match kind {
        "person" => "person",
        "organization" => "organisation",
        "group" => "group",
        "country" => "country",
        "city" => "city",
        "site" => "site",
        other => other,
    }
}

#[cfg(test)]
mod mark_tests {
    use super::*;

    /// What a mark looks like apart from its colour: its kind of shape and its corners.
    fn outline(kind: &str) -> (bool, usize) {
        let shapes = event_mark(
            pos2(0.0, 0.0),
            7.0,
            kind,
            Some(Color32::RED),
            Color32::RED,
            Color32::WHITE,
        );
        match &shapes[0] {
            Shape::Circle(_) => (true, 0),
            Shape::Path(p) => (false, p.points.len()),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn kinds_that_share_a_colour_differ_in_shape() {
        let kinds = [
            "meeting",
            "visit",
            "arrival",
            "signing",
            "agreement",
            "statement",
        ];
        let looks: Vec<(bool, usize, f32)> = kinds
            .iter()
            .map(|k| {
                let (round, corners) = outline(k);
                // Same corner count apart: where the first corner points.
                let first = match &event_mark(
                    pos2(0.0, 0.0),
                    7.0,
                    k,
                    Some(Color32::RED),
                    Color32::RED,
                    Color32::WHITE,
                )[0]
                {
                    Shape::Path(p) => p.points[0].y.round(),
                    _ => 0.0,
                };
                (round, corners, first)
            })
            .collect();
        for i in 0..looks.len() {
            for j in i + 1..looks.len() {
                assert_ne!(looks[i], looks[j], "{} and {}", kinds[i], kinds[j]);
            }
        }
        assert_eq!(kind_color("signing"), kind_color("agreement"));
    }
}
