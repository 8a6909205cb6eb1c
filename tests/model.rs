//! The document model: loading, validation, saving, and the curated seed document.

use std::path::PathBuf;

use waqai::model::{self, Document, Span};

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waqai-model-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn seed() -> Document {
    waqai::seed::document()
}

#[test]
fn seed_is_valid_and_round_trips_with_unknown_fields() {
    let mut doc = seed();
    assert!(model::validate(&doc).is_empty());
    doc.extra.insert("x_reviewer".into(), "analyst".into());
    doc.entities[0]
        .extra
        .insert("x_note".into(), serde_json::json!({"a": [1, 2]}));
    doc.events[0]
        .when
        .extra
        .insert("x_calendar".into(), "hijri".into());
    let path = tmp("rt").join("seed.waqai.json");
    model::save_document(&doc, &path).unwrap();
    let again = waqai::open::open_path(&path).unwrap();
    assert_eq!(again, doc);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("x_reviewer") && text.contains("x_note") && text.contains("x_calendar"));
    // Saving again gives the same bytes.
    model::save_document(&again, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn every_validation_rule_is_reported_in_words() {
    let mut doc = seed();
    doc.format = "waqai/9".into();
    doc.entities[1].id = doc.entities[0].id.clone();
    doc.events[1].id = doc.events[0].id.clone();
    doc.events[2].participants[0].entity = "nobody".into();
    doc.events[2].place = Some("nowhere".into());
    doc.entities[3].part_of = Some("no-parent".into());
    doc.relations[0].target = "ghost".into();
    doc.relations[0].events.push("no-event".into());
    doc.events[3].evidence.push(Span::new(10, 5));
    doc.entities[4].mentions.push(Span::new(99_990, 99_999));
    doc.events[4].when.date = Some("2020-02-30".into());
    doc.article.published = Some("2020-13-01".into());
    doc.events[5].order = 9;
    doc.events[0].order = 2;
    let problems: Vec<String> = model::validate(&doc)
        .into_iter()
        .map(|p| p.message)
        .collect();
    let all = problems.join("\n");
    for needle in [
        "unknown format \"waqai/9\"",
        "two entities have the id",
        "two events have the id",
        "participant \"nobody\", which does not exist",
        "takes place at \"nowhere\"",
        "part of \"no-parent\"",
        "names \"ghost\"",
        "cites event \"no-event\"",
        "starts after it ends",
        "lies outside the text",
        "\"2020-02-30\", which is not a real calendar date",
        "publication date \"2020-13-01\"",
        "share the order 2",
        "skips from",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in:\n{all}");
    }
}

#[test]
fn bad_files_give_clear_errors() {
    let dir = tmp("bad");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.waqai.json", vec![], "empty"),
        (
            "binary.txt",
            vec![0x89, b'P', b'N', b'G', 0, 0, 1],
            "binary",
        ),
        (
            "latin1.waqai.json",
            vec![b'{', 0xE9, b'}'],
            "not valid UTF-8",
        ),
        (
            "broken.waqai.json",
            b"{\n \"format\": \"waqai/1\",\n \"article\": }".to_vec(),
            "line 3",
        ),
        (
            "wrong.waqai.json",
            b"[1, 2]".to_vec(),
            "not a valid Waqai document",
        ),
    ];
    for (name, bytes, needle) in cases {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let e = waqai::open::open_path(&p).unwrap_err().to_string();
        assert!(e.contains(needle) && e.contains(name), "{name}: {e}");
    }
    let big = dir.join("huge.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(model::MAX_FILE_BYTES + 1).unwrap();
    let e = waqai::open::open_path(&big).unwrap_err().to_string();
    assert!(e.contains("over 50 MB"), "{e}");
    let e = waqai::open::open_path(&dir.join("missing.json"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("does not exist"), "{e}");
    assert!(
        waqai::open::open_path(&dir)
            .unwrap_err()
            .to_string()
            .contains("folder")
    );
}

#[test]
fn a_plain_text_article_opens_with_its_title_and_normalised_text() {
    let p = tmp("txt").join("article.txt");
    std::fs::write(&p, "\u{feff}\r\nعنوان الخبر\r\nنص الخبر\rسطر").unwrap();
    let doc = waqai::open::open_path(&p).unwrap();
    assert_eq!(doc.article.title, "عنوان الخبر");
    assert_eq!(doc.article.text, "\nعنوان الخبر\nنص الخبر\nسطر");
    assert!(doc.events.is_empty());
}

#[test]
fn a_failed_save_leaves_the_old_file_and_no_temporary() {
    let dir = tmp("save");
    let target = dir.join("doc.waqai.json");
    std::fs::write(&target, "old").unwrap();
    // A folder standing where the temporary file must go makes the write fail midway.
    let blocker = dir.join(format!(".doc.waqai.json.{}.tmp", std::process::id()));
    std::fs::create_dir_all(&blocker).unwrap();
    assert!(model::save_document(&seed(), &target).is_err());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    std::fs::remove_dir(&blocker).unwrap();
    let e = model::save_document(&seed(), &dir.join("no/such/dir/x.json")).unwrap_err();
    assert!(e.to_string().contains("could not save"));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

fn quotes(doc: &Document, spans: &[Span]) -> Vec<String> {
    spans
        .iter()
        .map(|s| doc.quote(*s).expect("span inside the text"))
        .collect()
}

#[test]
fn seed_mentions_quote_what_they_should() {
    let doc = seed();
    let expect: &[(&str, &[&str])] = &[
        (
            "bashagha",
            &[
                "باشاغا",
                "فتحي باشاغا",
                "وزير الداخلية المفوض",
                "وزير الداخلية",
            ],
        ),
        ("ledrian", &["جان إيف لودريان", "وزير الخارجية الفرنسي"]),
        ("darmanin", &["جيرالد دارمانان", "نظيره الفرنسي"]),
        ("gna", &["حكومة الوفاق"]),
        ("fr_mfa", &["وزارة الخارجية الفرنسية"]),
        (
            "fr_moi",
            &[
                "وزارة الداخلية الفرنسية",
                "وزارتي الداخلية الفرنسية والليبية",
            ],
        ),
        ("fr_police_sf", &["القوات الخاصة للشرطة الفرنسية"]),
        ("delegation", &["الوفد المرافق له"]),
        ("libya", &["ليبيا"]),
        ("france", &["فرنسا", "الجمهورية الفرنسية"]),
        ("paris", &["باريس"]),
        ("fr_mfa_hq", &["مقر وزارة الخارجية الفرنسية"]),
        ("fr_moi_hq", &["مقر وزارة الداخلية الفرنسية"]),
        ("mou_institution", &["إحدى هذه المؤسسات"]),
    ];
    for (id, allowed) in expect {
        let e = doc.entity(id).unwrap();
        assert!(!e.mentions.is_empty(), "{id} has no mention");
        for q in quotes(&doc, &e.mentions) {
            assert!(
                allowed.contains(&q.as_str()),
                "{id}: unexpected mention {q:?}"
            );
        }
    }
    assert_eq!(doc.entity("bashagha").unwrap().mentions.len(), 14);
    assert_eq!(doc.entity("paris").unwrap().mentions.len(), 5);
}

#[test]
fn seed_events_are_in_order_with_their_evidence() {
    let doc = seed();
    let expect: &[(&str, &str, &str, &str)] = &[
        (
            "e1_visit",
            "visit",
            "occurred",
            "ووصل وزير الداخلية بحكومة الوفاق فتحي باشاغا",
        ),
        (
            "e2_meeting_ledrian",
            "meeting",
            "occurred",
            "«باشاغا» يبحث مع وزير الخارجية الفرنسي",
        ),
        (
            "e3_meeting_darmanin",
            "meeting",
            "occurred",
            "في غضون ذلك، التقى وزير الداخلية المفوض",
        ),
        (
            "e4_meeting_biometric",
            "meeting",
            "occurred",
            "وبحث وزير الداخلية فتحي باشاغا والوفد المرافق له",
        ),
        (
            "e5_mou_signing",
            "signing",
            "occurred",
            "وفي ختام الاجتماع وقع وزير الداخلية المفوض مذكرة تفاهم",
        ),
        (
            "e6_planned_meetings",
            "meeting",
            "planned",
            "يلتقي خلالها بالقيادات الأمنية والسياسية بفرنسا",
        ),
    ];
    let order = doc.chronological();
    for (n, (id, kind, status, starts)) in expect.iter().enumerate() {
        let e = &doc.events[order[n]];
        assert_eq!(&e.id, id);
        assert_eq!(e.order, n as i64 + 1);
        assert_eq!((&e.kind[..], &e.status[..]), (*kind, *status));
        let first = doc.quote(e.evidence[0]).unwrap();
        assert!(first.starts_with(starts), "{id}: evidence starts {first:?}");
        for s in &e.evidence {
            let q = doc.quote(*s).unwrap();
            assert!(
                !q.starts_with(' ') && !q.ends_with(' ') && !q.contains('\n'),
                "{id}: {q:?}"
            );
        }
    }
    let thursday: Vec<&str> = doc
        .events
        .iter()
        .filter(|e| e.when.weekday.as_deref() == Some("thursday"))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(thursday, ["e2_meeting_ledrian", "e3_meeting_darmanin"]);
    assert!(
        doc.events
            .iter()
            .filter(|e| e.when.relative_days == Some(0))
            .count()
            == 2
    );
    assert!(doc.article.published.is_none());
    let signing = doc.event("e5_mou_signing").unwrap();
    assert_eq!(signing.cameo.as_deref(), Some("057"));
    assert!(
        signing
            .participants
            .iter()
            .any(|p| p.entity == "mou_institution" && p.role == "signatory")
    );
}

#[test]
fn chronology_gives_a_readable_relative_axis() {
    let doc = seed();
    let c = model::Chronology::of(&doc);
    assert!(!c.absolute);
    assert_eq!(model::day_label(&c, 0), "publication day (Thursday)");
    assert_eq!(
        model::day_label(&c, -1),
        "day before publication (Wednesday)"
    );
    let xs: Vec<f64> = c.placed.iter().map(|p| p.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    // Events the text gives no day for sit in their band after the dated ones.
    let band = c.undated_band.expect("the seed has events without a day");
    for p in &c.placed {
        assert_eq!(p.day_known, p.x < band.0, "{p:?}");
    }
    assert_eq!(c.publication_day, Some(0));
    assert_eq!(c.x_range().1, band.1);
    let mut dated = doc.clone();
    dated.article.published = Some("2020-11-19".into());
    let c = model::Chronology::of(&dated);
    assert!(c.absolute);
    let p = c.of_event(1).unwrap();
    assert_eq!(model::day_label(&c, p.day), "2020-11-19 Thu");
}

#[test]
fn chronology_culls_by_x_even_when_story_order_is_not_date_order() {
    let mut doc = seed();
    doc.article.published = Some("2020-11-19".into());
    // Story order against date order: the last-told event happened first.
    let dates = ["2020-11-20", "2020-11-18", "2020-11-19", "2020-11-17"];
    for (e, d) in doc.events.iter_mut().zip(dates.iter().cycle()) {
        e.when.date = Some((*d).into());
        e.when.relative_days = None;
    }
    let c = model::Chronology::of(&doc);
    assert_eq!(
        c.x_range(),
        (
            c.placed.iter().map(|p| p.day).min().unwrap() as f64 - 0.5,
            c.placed.iter().map(|p| p.day).max().unwrap() as f64 + 0.5
        )
    );
    let (lo, hi) = (
        c.placed[0].x.min(c.placed[1].x),
        c.placed[0].x.max(c.placed[1].x),
    );
    let mut culled: Vec<usize> = c.in_x_range(lo, hi).map(|p| p.event).collect();
    let mut scanned: Vec<usize> = c
        .placed
        .iter()
        .filter(|p| p.x >= lo && p.x <= hi)
        .map(|p| p.event)
        .collect();
    culled.sort();
    scanned.sort();
    assert!(!culled.is_empty());
    assert_eq!(culled, scanned);
    for (i, _) in doc.events.iter().enumerate() {
        assert_eq!(c.of_event(i).unwrap().event, i);
    }
    assert!(c.of_event(doc.events.len()).is_none());
}

#[test]
fn undated_events_go_to_their_own_band_in_article_order() {
    let mut doc = seed();
    doc.article.published = Some("2020-11-19".into());
    for (k, e) in doc.events.iter_mut().enumerate() {
        e.when = Default::default();
        if k % 2 == 0 {
            e.when.date = Some(format!("2020-11-{:02}", 10 + k));
            e.when.precision = "day".into();
        }
    }
    let c = model::Chronology::of(&doc);
    let band = c.undated_band.expect("a band");
    let mut in_band: Vec<&model::Placed> = c.placed.iter().filter(|p| !p.day_known).collect();
    assert_eq!(in_band.len(), doc.events.len() / 2);
    assert!(in_band.iter().all(|p| p.x > band.0 && p.x < band.1));
    assert!(
        c.placed
            .iter()
            .filter(|p| p.day_known)
            .all(|p| p.x < band.0)
    );
    // In article order, left to right.
    in_band.sort_by(|a, b| a.x.total_cmp(&b.x));
    let orders: Vec<i64> = in_band.iter().map(|p| doc.events[p.event].order).collect();
    assert!(orders.windows(2).all(|w| w[0] < w[1]), "{orders:?}");
    // No day labels inside the band; the publication day is on the axis.
    assert!(!c.is_dated_x(band.0 + 0.1) && c.is_dated_x(band.0 - 0.1));
    let published = model::parse_date("2020-11-19").unwrap();
    assert_eq!(c.publication_day, Some(published));
    assert!(c.x_range().0 <= published as f64 - 0.5);
}

#[test]
fn month_and_year_dates_span_their_month_and_year() {
    let mut doc = seed();
    doc.article.published = Some("2020-11-19".into());
    for e in &mut doc.events {
        e.when = Default::default();
        e.when.date = Some("2020-11-19".into());
        e.when.precision = "day".into();
    }
    doc.events[0].when.date = Some("2020-02-01".into());
    doc.events[0].when.precision = "month".into();
    doc.events[1].when.date = Some("2019-01-01".into());
    doc.events[1].when.precision = "year".into();
    let c = model::Chronology::of(&doc);
    let day = |s: &str| model::parse_date(s).unwrap() as f64;
    // February 2020 had 29 days.
    assert_eq!(
        c.of_event(0).unwrap().span,
        Some((day("2020-02-01") - 0.5, day("2020-02-29") + 0.5))
    );
    assert_eq!(
        c.of_event(1).unwrap().span,
        Some((day("2019-01-01") - 0.5, day("2019-12-31") + 0.5))
    );
    assert_eq!(c.of_event(2).unwrap().span, None);
    assert!(c.undated_band.is_none());
    // From the first day of 2019 to the publication day, the empty spring to autumn of 2020
    // drawn narrow.
    let nov19 = model::parse_date("2020-11-19").unwrap();
    assert_eq!(
        c.x_range(),
        (day("2019-01-01") - 0.5, c.x_of_day(nov19) + 0.5)
    );
    assert_eq!(c.breaks.len(), 1);
    assert_eq!(c.breaks[0].from, day("2020-02-29") + 0.5);
}

#[test]
fn long_empty_stretches_are_compressed_and_the_axis_still_reads_true_days() {
    let mut doc = seed();
    doc.article.published = None;
    let dates = ["2020-01-05", "2020-01-08", "2021-06-01", "2021-06-03"];
    for (k, e) in doc.events.iter_mut().enumerate() {
        e.when = Default::default();
        e.when.date = Some(dates[k % dates.len()].into());
        e.when.precision = "day".into();
    }
    let c = model::Chronology::of(&doc);
    let day = |s: &str| model::parse_date(s).unwrap();
    assert_eq!(c.breaks.len(), 1, "{:?}", c.breaks);
    let b = c.breaks[0];
    assert_eq!(b.from, day("2020-01-08") as f64 + 0.5);
    assert_eq!(b.days, (day("2021-06-01") - day("2020-01-08") - 1) as f64);
    // A fiftieth of the dated span (516 days) in whole days, at least three.
    assert_eq!(b.width, (516.0f64 * 0.02).round(), "{b:?}");
    // Days after the break stay on whole axis values: the grid's marks label them.
    let x = c.x_of_day(day("2021-06-03"));
    assert_eq!(x.fract(), 0.0);
    assert_eq!(c.day_of_x(x), Some(day("2021-06-03") as f64));
    // Days either side keep their order and spacing; the days skipped read as nothing.
    let (x1, x2) = (c.x_of_day(day("2021-06-01")), c.x_of_day(day("2021-06-03")));
    assert_eq!(x2 - x1, 2.0);
    assert!(x1 - c.x_of_day(day("2020-01-08")) < 12.0);
    assert_eq!(c.day_of_x(x1), Some(day("2021-06-01") as f64));
    assert_eq!(
        c.day_of_x(c.x_of_day(day("2020-01-05"))),
        Some(day("2020-01-05") as f64)
    );
    assert_eq!(c.day_of_x(b.x + b.width / 2.0), None);
    let (lo, hi) = c.x_range();
    assert!(hi - lo < 20.0, "{lo}..{hi}");
    // Events keep their days; their x follows the compressed axis.
    for p in &c.placed {
        assert_eq!(c.day_of_x(p.x).map(f64::round), Some(p.day as f64));
    }
    // A few weeks between events are no break.
    let mut doc = seed();
    for (k, e) in doc.events.iter_mut().enumerate() {
        e.when.date = Some(format!("2020-{:02}-01", 1 + k % 6));
        e.when.precision = "day".into();
        e.when.relative_days = None;
    }
    assert!(model::Chronology::of(&doc).breaks.is_empty());
}

#[test]
fn a_dated_event_told_relative_to_publication_gives_the_publication_date() {
    let mut doc = seed();
    doc.article.published = None;
    doc.events[0].when.date = Some("2015-08-04".into());
    doc.events[0].when.relative_days = Some(-1);
    let c = model::Chronology::of(&doc);
    assert!(c.absolute);
    assert_eq!(c.publication_day, model::parse_date("2015-08-05"));
}

#[test]
fn the_time_axis_speaks_gregorian_hijri_or_both_in_english_or_arabic() {
    use waqai::i18n::Language::{Arabic, English};
    use waqai::views::timeline::AxisCalendar;
    let mut doc = seed();
    doc.article.published = Some("2020-11-19".into());
    let c = model::Chronology::of(&doc);
    let day = model::parse_date("2020-11-19").unwrap();
    assert_eq!(
        AxisCalendar::Gregorian.label(&c, day, English),
        ["Thu 19 Nov 2020"]
    );
    assert_eq!(
        AxisCalendar::Hijri.label(&c, day, English),
        ["4 Rabi II 1442"]
    );
    assert_eq!(
        AxisCalendar::Both.label(&c, day, English),
        ["Thu 19 Nov 2020", "4 Rabi II 1442"]
    );
    assert_eq!(
        AxisCalendar::Both.label(&c, day, Arabic),
        ["الخميس 19 نوفمبر 2020", "4 ربيع الآخر 1442"]
    );
    // A relative axis has no calendar dates to convert.
    let c = model::Chronology::of(&seed());
    assert_eq!(
        AxisCalendar::Hijri.label(&c, 0, English),
        ["publication day (Thursday)"]
    );
    assert_eq!(
        AxisCalendar::Hijri.label(&c, -3, Arabic),
        ["قبل النشر بـ3 أيام (الاثنين)"]
    );
}
