//! Offscreen export of every view: sizes, content, determinism, reference images, SVG.

#[path = "support/synthetic.rs"]
mod synthetic;

use image::RgbaImage;
use waqai::export::{ExportOptions, Format, View, render_bytes, render_rgba};

fn seed() -> waqai::model::Document {
    waqai::seed::document()
}

fn opts(view: View, scale: f32) -> ExportOptions {
    ExportOptions {
        scale,
        ..ExportOptions::new(view)
    }
}

/// Pixels that differ clearly from the background (top-left corner of the view area).
fn ink(img: &RgbaImage, bg: [u8; 4]) -> Vec<(u32, u32)> {
    let mut v = Vec::new();
    for (x, y, p) in img.enumerate_pixels() {
        let d: i32 = (0..3).map(|c| (p[c] as i32 - bg[c] as i32).abs()).sum();
        if d > 120 {
            v.push((x, y));
        }
    }
    v
}

fn has_color(img: &RgbaImage, rgb: [u8; 3], tol: i32) -> bool {
    img.pixels()
        .any(|p| (0..3).all(|c| (p[c] as i32 - rgb[c] as i32).abs() <= tol))
}

#[test]
fn every_view_renders_at_every_scale() {
    let doc = seed();
    for view in View::ALL {
        for scale in [1.0, 2.0] {
            let o = opts(view, scale);
            let img = render_rgba(&doc, &o);
            let (w, h) = o.pixel_size();
            assert_eq!((img.width(), img.height()), (w, h), "{view:?} at {scale}×");
            let bg = img.get_pixel(w - 2, h - 2).0;
            let n = ink(&img, bg).len();
            assert!(
                n > (w * h / 400) as usize,
                "{view:?} at {scale}× looks blank ({n} ink pixels)"
            );
        }
    }
}

#[test]
fn views_carry_their_colours() {
    let doc = seed();
    let timeline = render_rgba(&doc, &opts(View::Timeline, 1.0));
    assert!(
        has_color(&timeline, [0x00, 0x72, 0xB2], 6),
        "meeting blue missing"
    );
    assert!(
        has_color(&timeline, [0xE6, 0x9F, 0x00], 6),
        "visit orange missing"
    );
    assert!(
        has_color(&timeline, [0x00, 0x9E, 0x73], 6),
        "signing green missing"
    );
    let relations = render_rgba(&doc, &opts(View::Relations, 1.0));
    assert!(
        has_color(&relations, [0x00, 0x9E, 0x73], 6),
        "Libya green missing"
    );
    assert!(
        has_color(&relations, [0x00, 0x72, 0xB2], 6),
        "France blue missing"
    );
}

#[test]
fn article_text_is_set_against_the_right_edge() {
    let doc = seed();
    let o = opts(View::Article, 1.0);
    let img = render_rgba(&doc, &o);
    let bg = img.get_pixel(img.width() - 2, img.height() - 2).0;
    // Below the caption: rows of text; each text row's ink ends near the same right edge.
    let mut rights = Vec::new();
    let mut lefts = Vec::new();
    for y in 120..img.height() - 10 {
        let row: Vec<u32> = (0..img.width())
            .filter(|&x| {
                let p = img.get_pixel(x, y).0;
                (0..3)
                    .map(|c| (p[c] as i32 - bg[c] as i32).abs())
                    .sum::<i32>()
                    > 200
            })
            .collect();
        if row.len() > 20 {
            lefts.push(*row.first().unwrap());
            rights.push(*row.last().unwrap());
        }
    }
    assert!(rights.len() > 100, "too little text: {}", rights.len());
    let max_right = *rights.iter().max().unwrap();
    assert!(
        max_right > img.width() - 40,
        "text does not reach the right edge: {max_right}"
    );
    let flush = rights.iter().filter(|&&r| r + 25 >= max_right).count();
    assert!(
        flush * 10 > rights.len() * 6,
        "only {flush} of {} rows end at the right",
        rights.len()
    );
    let ragged_left = lefts.iter().filter(|&&l| l > 60).count();
    assert!(
        ragged_left > lefts.len() / 10,
        "the left edge is not ragged: text is not right-aligned"
    );
}

#[test]
fn exports_are_deterministic() {
    let doc = seed();
    let o = opts(View::Timeline, 1.0);
    assert_eq!(render_bytes(&doc, &o), render_bytes(&doc, &o));
}

/// Compares with a stored reference; `WAQAI_UPDATE_REFERENCES=1 cargo test --test export`
/// rewrites the references after a deliberate change of design.
fn matches_reference(name: &str, img: &RgbaImage) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/reference/{name}.png"));
    if std::env::var_os("WAQAI_UPDATE_REFERENCES").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("reference folder");
        img.save(&path).expect("reference image written");
        return;
    }
    let reference = image::open(&path)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run with WAQAI_UPDATE_REFERENCES=1)",
                path.display()
            )
        })
        .to_rgba8();
    assert_eq!(reference.dimensions(), img.dimensions());
    let diff: u64 = reference
        .as_raw()
        .iter()
        .zip(img.as_raw())
        .map(|(a, b)| (*a as i32 - *b as i32).unsigned_abs() as u64)
        .sum();
    let mean = diff as f64 / img.as_raw().len() as f64;
    println!("{name}: mean difference {mean:.4} from the reference");
    assert!(
        mean < 1.0,
        "{name}: mean difference {mean:.3} from the reference"
    );
}

#[test]
fn views_match_their_reference_images() {
    let doc = seed();
    for view in [
        View::Timeline,
        View::Relations,
        View::Article,
        View::Inspector,
    ] {
        let o = ExportOptions {
            width: 800.0,
            height: 500.0,
            ..opts(view, 1.0)
        };
        matches_reference(view.name(), &render_rgba(&doc, &o));
    }
}

#[test]
fn svg_parses_and_matches_the_png() {
    let doc = seed();
    for view in [View::Timeline, View::Relations] {
        let o = ExportOptions {
            width: 800.0,
            height: 500.0,
            ..opts(view, 1.0)
        };
        let png = render_rgba(&doc, &o);
        let svg = String::from_utf8(render_bytes(
            &doc,
            &ExportOptions {
                format: Format::Svg,
                ..o.clone()
            },
        ))
        .unwrap();
        assert!(
            svg.contains("<title>") && svg.contains("aria-label=\"جان إيف لودريان\""),
            "logical text kept"
        );
        let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
            .expect("SVG parses");
        let mut pix = resvg::tiny_skia::Pixmap::new(png.width(), png.height()).unwrap();
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::default(),
            &mut pix.as_mut(),
        );
        let diff: u64 = pix
            .data()
            .chunks_exact(4)
            .zip(png.as_raw().chunks_exact(4))
            .map(|(a, b)| {
                (0..3)
                    .map(|c| (a[c] as i32 - b[c] as i32).unsigned_abs() as u64)
                    .sum::<u64>()
            })
            .sum();
        let mean = diff as f64 / (png.width() * png.height() * 3) as f64;
        assert!(
            mean < 6.0,
            "{view:?}: SVG differs from PNG by {mean:.2} on average"
        );
    }
}

#[test]
fn a_failed_export_says_why_and_leaves_nothing_behind() {
    let dir = std::env::temp_dir().join(format!("waqai-export-fail-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("missing-folder").join("t.png");
    let e = waqai::export::export_to(&seed(), &opts(View::Inspector, 1.0), &bad).unwrap_err();
    assert!(e.to_string().contains("could not save"), "{e}");
    assert!(!bad.exists());
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written in {dir:?}"
    );
}

#[test]
fn dark_theme_exports_are_dark_and_keep_their_colours() {
    let o = ExportOptions {
        dark: true,
        ..opts(View::Timeline, 1.0)
    };
    let img = render_rgba(&seed(), &o);
    let bg = img.get_pixel(img.width() - 2, img.height() - 2).0;
    assert!(
        bg[0] < 80 && bg[1] < 80 && bg[2] < 80,
        "background {bg:?} is not dark"
    );
    assert!(
        has_color(&img, [0x00, 0x72, 0xB2], 6),
        "meeting blue missing"
    );
    let light = render_rgba(&seed(), &opts(View::Timeline, 1.0));
    assert_ne!(img.as_raw(), light.as_raw());
}

#[test]
fn a_picture_of_a_dense_document_is_drawn_as_shapes() {
    // The window draws thousands of marks and edges into one texture; a picture must not, or
    // its SVG would hold a bitmap and its PNG a resampled one.
    let doc = synthetic::synthetic(3_000, 600);
    for view in [View::Timeline, View::Relations] {
        let frame = waqai::export::render_frame(&doc, &opts(view, 1.0));
        for p in &frame.primitives {
            if let egui::epaint::Primitive::Mesh(m) = &p.primitive {
                assert_eq!(
                    m.texture_id,
                    egui::TextureId::default(),
                    "{view:?}: a mesh with a texture other than the fonts'"
                );
            }
        }
    }
}

#[test]
fn pictures_name_actors_in_arabic_latin_or_both() {
    let svg_with = |names: waqai::i18n::Names| {
        let o = ExportOptions {
            format: Format::Svg,
            names,
            ..opts(View::Relations, 1.0)
        };
        String::from_utf8(render_bytes(&seed(), &o)).expect("UTF-8 SVG")
    };
    let arabic = svg_with(waqai::i18n::Names::Arabic);
    let latin = svg_with(waqai::i18n::Names::Latin);
    let both = svg_with(waqai::i18n::Names::Both);
    assert!(arabic.contains("جيرالد دارمانان") && !arabic.contains("Gérald Darmanin"));
    assert!(latin.contains("Gérald Darmanin") && !latin.contains("جيرالد دارمانان"));
    // Long names are elided at their logical end to fit under the node.
    assert!(both.contains("جيرالد دارمانان (G"), "{both}");
}

#[test]
fn numbers_waqai_writes_take_the_chosen_digits_and_the_article_keeps_its_own() {
    let svg_with = |view: View, digits: waqai::i18n::Digits| {
        let mut doc = seed();
        doc.article.published = Some("2020-11-19".into());
        // A line with digits at the article's end (the spans before it stay where they are).
        doc.article.text.push_str("\nفي 19 نوفمبر 2020");
        let o = ExportOptions {
            format: Format::Svg,
            digits,
            language: waqai::i18n::Language::Arabic,
            ..opts(view, 1.0)
        };
        String::from_utf8(render_bytes(&doc, &o)).expect("UTF-8 SVG")
    };
    let western = svg_with(View::Timeline, waqai::i18n::Digits::Western);
    let arabic = svg_with(View::Timeline, waqai::i18n::Digits::ArabicIndic);
    assert!(western.contains("الخميس 19 نوفمبر 2020"), "{western}");
    assert!(arabic.contains("الخميس ١٩ نوفمبر ٢٠٢٠"), "{arabic}");
    // The article is shown as written, whatever the setting.
    let article = svg_with(View::Article, waqai::i18n::Digits::ArabicIndic);
    assert!(article.contains("2020") && !article.contains("٢٠٢٠"));
    assert_eq!(
        svg_with(View::Article, waqai::i18n::Digits::Western),
        svg_with(View::Article, waqai::i18n::Digits::ArabicIndic)
    );
}
