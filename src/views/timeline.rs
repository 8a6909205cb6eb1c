//! The timeline: one lane per actor (or per event kind), events as coloured marks, zoom and pan
//! through `egui_plot`, marks and labels painted through our text layer.

use std::collections::HashMap;

use egui::{Align2, Pos2, Rect, Stroke, Vec2b, pos2, vec2};
use egui_plot::{GridInput, GridMark, Plot, PlotBounds};

use super::bitmap::{Bitmap, DenseLayer};
use super::style::{ACCENT, EVENT_KINDS, event_mark, faded, kind_color, status_fill};
use super::tr::{self, text};
use super::{Action, ViewState};
use crate::i18n::Language;
pub use crate::lanes::{Lane, TimelineModel};
use crate::model::Document;
use crate::selection::Selection;

/// The calendar of the time axis's labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AxisCalendar {
    /// Gregorian dates.
    #[default]
    Gregorian,
    /// Hijri (Umm al-Qura) dates.
    Hijri,
    /// Gregorian above Hijri.
    Both,
}

impl AxisCalendar {
    /// Every choice, in menu order, with the id of its name.
    pub const ALL: [(AxisCalendar, &'static str); 3] = [
        (AxisCalendar::Gregorian, "calendar-gregorian"),
        (AxisCalendar::Hijri, "calendar-hijri"),
        (AxisCalendar::Both, "calendar-both"),
    ];

    /// The axis label of `day` in `language`, one line per calendar (a real date when
    /// `chron.absolute`; relative days are labelled as they are, whatever the calendar).
    pub fn label(
        self,
        chron: &crate::model::Chronology,
        day: i64,
        language: Language,
    ) -> Vec<String> {
        if !chron.absolute {
            return vec![relative_day_label(chron, day, language)];
        }
        let gregorian = || crate::model::gregorian_label(day, language);
        let hijri = || crate::model::hijri_label_in(day, language).unwrap_or_default();
        match self {
            AxisCalendar::Gregorian => vec![gregorian()],
            AxisCalendar::Hijri => vec![hijri()],
            AxisCalendar::Both => vec![gregorian(), hijri()],
        }
    }

    /// Lines of label under the axis.
    pub fn rows(self) -> usize {
        if self == AxisCalendar::Both { 2 } else { 1 }
    }
}

/// A day counted from publication, in `language`: «publication day (Thursday)», «2 days
/// before publication»…
pub fn relative_day_label(
    chron: &crate::model::Chronology,
    day: i64,
    language: Language,
) -> String {
    let locale = crate::i18n::Locale::new(language, crate::i18n::Digits::Western);
    let base = match day {
        0 => locale.t("day-publication"),
        d if d < 0 => locale.f("days-before", &[("n", (-d).into())]),
        d => locale.f("days-after", &[("n", d.into())]),
    };
    let weekday = chron
        .publication_weekday
        .as_deref()
        .and_then(|w| {
            crate::model::WEEKDAYS
                .iter()
                .position(|x| x.eq_ignore_ascii_case(w))
        })
        .map(|w| crate::model::WEEKDAYS[(w as i64 + day).rem_euclid(7) as usize]);
    match weekday {
        Some(w) => locale.f(
            "with-weekday",
            &[
                ("day", base.into()),
                ("weekday", locale.t(&format!("weekday-{w}")).into()),
            ],
        ),
        None => base,
    }
}

/// A day as the views write it in `locale`: its date with the weekday, or how far it is from
/// publication when the article gives no absolute date.
pub fn day_text(chron: &crate::model::Chronology, day: i64, locale: crate::i18n::Locale) -> String {
    let text = if chron.absolute {
        crate::model::gregorian_label(day, locale.language)
    } else {
        relative_day_label(chron, day, locale.language)
    };
    locale.digits.apply(&text)
}

/// The timeline's own state between frames.
#[derive(Clone, Debug)]
pub struct TimelineState {
    /// Lanes per event kind instead of per actor.
    pub by_kind: bool,
    /// Fit all events on the next frame.
    pub fit_request: bool,
    /// Screen position of every mark drawn last frame: (event index, centre).
    pub marks: Vec<(usize, Pos2)>,
    /// Where the plot was last drawn.
    pub frame: Rect,
    /// The aggregated marks of a dense timeline, with the key of the view they were made for.
    pub dense_cache: Option<DenseCache>,
    /// Draw dense marks as shapes rather than as one texture (pictures for export).
    pub vector: bool,
    /// Show this range of the time axis (in days) on the next frame, all lanes in height.
    pub show_x: Option<(f64, f64)>,
    /// The range of the time axis shown last frame (days).
    pub x_window: Option<(f64, f64)>,
    /// The calendar of the axis labels.
    pub calendar: AxisCalendar,
    /// Where the overview strip was drawn last frame, if it was.
    pub overview: Option<Rect>,
    /// What a drag on the overview strip is doing.
    pub brush_drag: Option<BrushDrag>,
    /// The overview strip's bars, with the key of the strip they were made for.
    pub overview_bars: Option<(u64, std::sync::Arc<egui::Mesh>)>,
}

/// A drag on the overview strip.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BrushDrag {
    /// Moving the shown window, grabbed this far (x) from its left edge.
    Move(f64),
    /// Drawing a new window from this x.
    New(f64),
}

/// Key, drawing and marks of an aggregated dense timeline.
pub type DenseCache = (u64, DenseLayer, std::sync::Arc<Vec<(usize, Pos2)>>);

impl Default for TimelineState {
    fn default() -> Self {
        Self {
            by_kind: false,
            fit_request: true,
            marks: vec![],
            frame: Rect::NOTHING,
            dense_cache: None,
            vector: false,
            show_x: None,
            x_window: None,
            calendar: AxisCalendar::Gregorian,
            overview: None,
            brush_drag: None,
            overview_bars: None,
        }
    }
}

const MARK_R: f32 = 7.0;
const DENSE: usize = 1500;
const LABEL_LIMIT: usize = 40;

/// Shows the timeline; returns a selection when the user clicks a mark or a lane label.
pub fn show(ui: &mut egui::Ui, vs: &ViewState<'_>, st: &mut TimelineState) -> Option<Action> {
    let model = vs.lanes;
    let mut action = None;
    tr::row(ui, |ui| {
        ui.label(tr::t(ui, "lanes"));
        if ui
            .selectable_label(!st.by_kind, tr::t(ui, "lanes-actors"))
            .on_hover_text(tr::t(ui, "lanes-actors-tip"))
            .clicked()
        {
            st.by_kind = false;
        }
        if ui
            .selectable_label(st.by_kind, tr::t(ui, "lanes-kinds"))
            .on_hover_text(tr::t(ui, "lanes-kinds-tip"))
            .clicked()
        {
            st.by_kind = true;
        }
        ui.separator();
        if ui
            .button(tr::t(ui, "fit"))
            .on_hover_text(tr::t(ui, "fit-events-tip"))
            .clicked()
        {
            st.fit_request = true;
        }
        ui.separator();
        for k in EVENT_KINDS {
            if vs.doc.events.iter().any(|e| e.kind == k) {
                let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
                let bg = ui.visuals().extreme_bg_color;
                ui.painter().extend(event_mark(
                    r.center(),
                    4.5,
                    k,
                    Some(kind_color(k)),
                    kind_color(k),
                    bg,
                ));
                ui.label(text(ui, &vs.locale().term("kind", k)));
            }
        }
        if vs.doc.events.iter().any(|e| e.status == "planned") {
            let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().circle_stroke(
                r.center(),
                4.5,
                Stroke::new(1.5, ui.visuals().text_color()),
            );
            ui.label(text(ui, &vs.locale().term("status", "planned")));
        }
    });

    let chron = vs.chron;
    let (x0, x1) = chron.x_range();
    let n_lanes = model.lanes.len().max(1);
    // Leave a gutter on the left for the lane names.
    let gutter = 185.0f64;
    let w = f64::from(ui.available_width()).max(gutter + 100.0);
    let span = (x1 - x0) + 0.1;
    let fit = PlotBounds::from_min_max(
        [
            x0 - 0.05 - span * gutter / (w - gutter),
            -(n_lanes as f64) + 0.4,
        ],
        [x1 + 0.05, 1.45],
    );
    let calendar = st.calendar;
    let plot = Plot::new("timeline")
        .show_axes([true, false])
        .show_grid([true, false])
        .allow_zoom([true, false])
        .allow_double_click_reset(false)
        .auto_bounds(Vec2b::FALSE)
        .show_x(false)
        .show_y(false)
        .x_grid_spacer(day_spacer)
        // The labels are drawn by our text layer (Arabic month names read right to left):
        // the plot only keeps room for them.
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .formatter(|_, _| String::new())
                .min_thickness(AXIS_ROW * calendar.rows() as f32 + 4.0),
        ]);
    st.overview = None;
    if wants_overview(chron, st.x_window) {
        overview_strip(ui, chron, vs.generation, st, (x0, x1));
    }
    let first = !ui.ctx().data(|d| {
        d.get_temp::<bool>(egui::Id::unique("timeline-init"))
            .unwrap_or(false)
    });
    let fit_now = st.fit_request || first;
    st.fit_request = false;
    let show_x = st.show_x.take();
    let resp = plot.show(ui, |pui| {
        if fit_now {
            pui.set_plot_bounds(fit);
        }
        if let Some((a, b)) = show_x {
            pui.set_plot_bounds(PlotBounds::from_min_max(
                [a, fit.min()[1]],
                [b, fit.max()[1]],
            ));
        }
    });
    ui.ctx()
        .data_mut(|d| d.insert_temp(egui::Id::unique("timeline-init"), true));
    super::set_focus_target(ui.ctx(), super::Panel::Timeline, resp.response.id);
    if resp.response.has_focus() {
        // The arrows step through the events (the window's Next/Previous), not the focus.
        ui.memory_mut(|m| {
            let filter = egui::EventFilter {
                horizontal_arrows: true,
                ..Default::default()
            };
            m.set_focus_lock_filter(resp.response.id, filter);
        });
        let stroke = ui.visuals().selection.stroke;
        ui.painter()
            .rect_stroke(resp.response.rect, 2.0, stroke, egui::StrokeKind::Inside);
    }
    resp.response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Figure,
            true,
            vs.locale().f(
                "timeline-description",
                &[
                    ("events", vs.doc.events.len().into()),
                    ("lanes", model.lanes.len().into()),
                ],
            ),
        )
    });
    let t = resp.transform;
    let frame = *t.frame();
    st.frame = frame;
    let painter = ui.painter_at(frame);
    let dark = vs.dark;
    let text_color = ui.visuals().text_color();
    let bounds = t.bounds();
    st.x_window = Some((bounds.min()[0], bounds.max()[0]));
    let (ymin, ymax) = (bounds.min()[1], bounds.max()[1]);

    // Lane bands.
    let lane_y = |l: usize| t.position_from_point_y(-(l as f64));
    let first_lane = (-ymax - 0.5).ceil().max(0.0) as usize;
    let last_lane = ((-ymin + 0.5).floor().max(-1.0) + 1.0) as usize;
    let visible_lanes: Vec<usize> = (first_lane..last_lane.min(model.lanes.len())).collect();
    let lane_h = (t.position_from_point_y(0.0) - t.position_from_point_y(1.0)).abs();
    // When lanes are thinner than a line of text, name only every k-th lane.
    let label_every = (18.0 / lane_h.max(0.01)).ceil().max(1.0) as usize;
    for &l in &visible_lanes {
        if l % 2 == 0 && lane_h >= 4.0 {
            let y = lane_y(l);
            painter.rect_filled(
                Rect::from_min_max(
                    pos2(frame.left(), y - lane_h / 2.0),
                    pos2(frame.right(), y + lane_h / 2.0),
                ),
                0.0,
                ui.visuals().faint_bg_color,
            );
        }
    }

    undated_band_and_publication(ui, &painter, &t, chron, frame, vs.digits, vs.language);
    axis_labels(ui, &t, chron, calendar, vs.language, vs.digits);

    // Marks: culled to the frame through the chronology's x index, aggregated when too dense.
    st.marks.clear();
    let selected_event = match vs.selection {
        Selection::Event(i) => Some(i),
        _ => None,
    };
    let color_of = |i: usize| {
        let c = kind_color(&vs.doc.events[i].kind);
        if vs.related.active && !vs.related.events[i] {
            faded(c, dark)
        } else {
            c
        }
    };
    // The view a dense drawing was made for: when nothing in it changed, the drawing is reused.
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for v in [frame.min.x, frame.min.y, frame.max.x, frame.max.y] {
            v.to_bits().hash(&mut h);
        }
        for v in [
            bounds.min()[0],
            bounds.min()[1],
            bounds.max()[0],
            bounds.max()[1],
        ] {
            v.to_bits().hash(&mut h);
        }
        (vs.generation, vs.selection, dark, st.by_kind, st.vector).hash(&mut h);
        ui.ctx().pixels_per_point().to_bits().hash(&mut h);
        h.finish()
    };
    let cached = st
        .dense_cache
        .as_ref()
        .filter(|c| c.0 == key)
        .map(|c| (c.1.clone(), c.2.clone()));
    if let Some((layer, marks)) = cached {
        st.marks.extend_from_slice(&marks);
        layer.paint(&painter);
    } else {
        let x_lo = t
            .value_from_position(pos2(frame.left() - MARK_R, frame.top()))
            .x;
        let x_hi = t
            .value_from_position(pos2(frame.right() + MARK_R, frame.top()))
            .x;
        let mut drawn: Vec<(usize, Pos2, usize)> = Vec::new();
        for p in chron.in_x_range(x_lo.min(x_hi), x_lo.max(x_hi)) {
            let x = t.position_from_point_x(p.x);
            for &l in &model.event_lanes[p.event] {
                let v = -(l as f64);
                if v < ymin - 0.5 || v > ymax + 0.5 {
                    continue;
                }
                drawn.push((p.event, pos2(x, lane_y(l)), l));
            }
        }
        if drawn.len() > DENSE {
            // Too dense to read one by one: one small square per 3×3-pixel cell, all in one mesh,
            // kept while neither the view nor the selection changes.
            let (layer, marks) = dense_layer(ui, frame, &drawn, &color_of, st.vector);
            let marks = std::sync::Arc::new(marks);
            st.dense_cache = Some((key, layer.clone(), marks.clone()));
            st.marks.extend_from_slice(&marks);
            layer.paint(&painter);
        } else {
            // Shapes are gathered, then either painted or, for many marks in a window (no
            // labels), tessellated once into a mesh kept while the view does not change.
            let mut shapes: Vec<egui::Shape> = Vec::new();
            // Connectors between the lanes of one event.
            let mut span: HashMap<usize, (f32, f32, f32)> = HashMap::new();
            for &(ev, pos, _) in &drawn {
                let s = span.entry(ev).or_insert((pos.x, pos.y, pos.y));
                s.1 = s.1.min(pos.y);
                s.2 = s.2.max(pos.y);
            }
            for (ev, (x, y0, y1)) in &span {
                if y1 > y0 {
                    shapes.push(egui::Shape::line_segment(
                        [pos2(*x, *y0), pos2(*x, *y1)],
                        Stroke::new(1.5, color_of(*ev).gamma_multiply(0.6)),
                    ));
                }
            }
            // A visit's direction, host → guest, on its connector.
            let mut marks_of: HashMap<usize, Vec<(Pos2, usize)>> = HashMap::new();
            for &(ev, pos, lane) in &drawn {
                marks_of.entry(ev).or_default().push((pos, lane));
            }
            for &(ev, guest, lane) in &drawn {
                let Some(host) = host_of_guest_mark(vs, model, &marks_of[&ev], ev, lane) else {
                    continue;
                };
                let dir = if guest.y > host.y { 1.0 } else { -1.0 };
                let tip = pos2(guest.x, guest.y - dir * (MARK_R + 1.0));
                let base = tip.y - dir * 7.0;
                shapes.push(egui::Shape::convex_polygon(
                    vec![tip, pos2(tip.x - 4.5, base), pos2(tip.x + 4.5, base)],
                    color_of(ev),
                    Stroke::NONE,
                ));
            }
            // Dates given to the month or the year: the stretch they may fall in.
            for &(ev, pos, _) in &drawn {
                if let Some((a, b)) = chron.of_event(ev).and_then(|p| p.span) {
                    let (xa, xb) = (t.position_from_point_x(a), t.position_from_point_x(b));
                    shapes.push(egui::Shape::rect_filled(
                        Rect::from_min_max(pos2(xa, pos.y - 4.0), pos2(xb, pos.y + 4.0)),
                        4.0,
                        color_of(ev).gamma_multiply(0.3),
                    ));
                }
            }
            for &(ev, pos, _) in &drawn {
                let e = &vs.doc.events[ev];
                let c = color_of(ev);
                shapes.extend(event_mark(
                    pos,
                    MARK_R,
                    &e.kind,
                    status_fill(&e.status, c),
                    c,
                    ui.visuals().extreme_bg_color,
                ));
                if Some(ev) == selected_event {
                    shapes.push(egui::Shape::circle_stroke(
                        pos,
                        MARK_R + 3.0,
                        Stroke::new(2.5, ACCENT),
                    ));
                }
                st.marks.push((ev, pos));
            }
            if span.len() > LABEL_LIMIT && !st.vector {
                let layer = DenseLayer::Mesh(std::sync::Arc::new(tessellate(ui.ctx(), shapes)));
                st.dense_cache = Some((key, layer.clone(), std::sync::Arc::new(st.marks.clone())));
                layer.paint(&painter);
            } else {
                painter.extend(shapes);
            }
            // Short labels in two header rows above the lanes, when there is room.
            if span.len() <= LABEL_LIMIT {
                let rows = [t.position_from_point_y(1.1), t.position_from_point_y(0.72)];
                let mut taken: Vec<Rect> = Vec::new();
                let font = crate::fonts::ui(11.5);
                let mut events: Vec<_> = span.iter().collect();
                events.sort_by(|a, b| a.1.0.total_cmp(&b.1.0));
                for (ev, (x, y0, _)) in events {
                    let mut label = vs.digits.apply(&short_label(vs.doc, *ev, vs.names));
                    let told = crate::corpus::accounts(&vs.doc.events[*ev]).len();
                    if told > 1 {
                        label = vs.locale().f(
                            "label-with-sources",
                            &[("label", label.into()), ("n", told.into())],
                        );
                    }
                    let (s, lay) = crate::text::label_layout(ui.ctx(), &label, &font, 150.0);
                    let size = vec2(s.natural_width(), lay.height);
                    let Some(rect) = rows
                        .iter()
                        .map(|&y| Align2::CENTER_CENTER.anchor_size(pos2(*x, y), size))
                        .find(|r| !taken.iter().any(|t| t.expand(3.0).intersects(*r)))
                    else {
                        continue;
                    };
                    taken.push(rect);
                    let col = if vs.related.active && !vs.related.events[*ev] {
                        faded(text_color, dark)
                    } else {
                        text_color
                    };
                    painter.line_segment(
                        [pos2(*x, rect.bottom()), pos2(*x, *y0 - MARK_R)],
                        Stroke::new(1.0, color_of(*ev).gamma_multiply(0.35)),
                    );
                    crate::text::paint(&painter, rect.min, &s, &lay, &font, &|_| col);
                }
            }
        }
    }

    // Lane labels, over a backdrop on the left of the plot.
    let font = crate::fonts::ui(12.5);
    for &l in visible_lanes.iter().filter(|l| *l % label_every == 0) {
        let lane = &model.lanes[l];
        let y = lane_y(l);
        let label = lane
            .entity
            .map_or_else(|| lane.label.clone(), |k| vs.name_of(k));
        let (s, lay) = crate::text::label_layout(ui.ctx(), &label, &font, 170.0);
        let rect = Rect::from_min_size(
            pos2(frame.left() + 4.0, y - lay.height / 2.0),
            vec2(s.natural_width(), lay.height),
        );
        painter.rect_filled(
            rect.expand(3.0),
            3.0,
            ui.visuals().extreme_bg_color.gamma_multiply(0.85),
        );
        let related = lane
            .entity
            .is_some_and(|k| vs.related.entities.get(k).copied().unwrap_or(false));
        let col =
            if Some(lane.entity) == Some(selected_entity(vs.selection)) && lane.entity.is_some() {
                ACCENT
            } else if vs.related.active && !related {
                faded(text_color, dark)
            } else {
                text_color
            };
        crate::text::paint(&painter, rect.min, &s, &lay, &font, &|_| col);
        let id = ui.scope_id().with(("lane", l));
        let r = ui.interact(rect, id, egui::Sense::click());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if r.clicked()
            && let Some(k) = lane.entity
        {
            action = Some(Action::Select(Selection::Entity(k)));
        }
        if r.hovered() {
            painter.rect_stroke(
                rect.expand(3.0),
                3.0,
                Stroke::new(1.0, ACCENT.gamma_multiply(0.6)),
                egui::StrokeKind::Outside,
            );
        }
    }

    // Hover and click on marks.
    let pointer = resp.response.hover_pos();
    let nearest = pointer.and_then(|p| nearest_mark(&st.marks, p, MARK_R + 3.0));
    if let Some(ev) = nearest {
        let doc = vs.doc;
        resp.response.clone().on_hover_ui_at_pointer(|ui| {
            event_tooltip(ui, doc, vs.chron, ev);
        });
    }
    if resp.response.clicked()
        && let Some(ev) = nearest.or_else(|| {
            resp.response
                .interact_pointer_pos()
                .and_then(|p| nearest_mark(&st.marks, p, MARK_R + 3.0))
        })
    {
        action = Some(Action::Select(Selection::Event(ev)));
    }
    resp.response.context_menu(|ui| {
        if ui.button(tr::t(ui, "fit-all-events")).clicked() {
            st.fit_request = true;
        }
        if let Some(p) = selected_event.and_then(|ev| vs.chron.of_event(ev))
            && ui.button(tr::t(ui, "show-week")).clicked()
        {
            st.show_x = Some(week_around(p.x.round() as i64));
        }
        if ui.button(tr::t(ui, "export-this-view")).clicked() {
            action = Some(Action::Export(super::Panel::Timeline));
        }
    });
    if resp.response.hovered() && nearest.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    action
}

/// `shapes` tessellated once into one mesh, as egui would each frame (anti-aliased edges).
fn tessellate(ctx: &egui::Context, shapes: Vec<egui::Shape>) -> egui::Mesh {
    let options = ctx.tessellation_options(|o| *o);
    let texture_size = ctx.fonts(|f| f.font_image_size());
    let mut tessellator =
        egui::epaint::Tessellator::new(ctx.pixels_per_point(), options, texture_size, vec![]);
    let mut mesh = egui::Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

/// Aggregates dense marks into one small square per 3×3-pixel cell, drawn as one texture (or
/// as one mesh when `vector`), with one clickable mark per cell.
fn dense_layer(
    ui: &egui::Ui,
    frame: Rect,
    drawn: &[(usize, Pos2, usize)],
    color_of: &dyn Fn(usize) -> egui::Color32,
    vector: bool,
) -> (DenseLayer, Vec<(usize, Pos2)>) {
    let cols = (frame.width() / 3.0).ceil() as usize + 2;
    let rows = (frame.height() / 3.0).ceil() as usize + 2;
    let mut cells: Vec<(u32, u32)> = vec![(0, 0); cols * rows];
    for &(ev, pos, _) in drawn {
        let cx = ((pos.x - frame.left()) / 3.0).clamp(0.0, cols as f32 - 1.0) as usize;
        let cy = ((pos.y - frame.top()) / 3.0).clamp(0.0, rows as f32 - 1.0) as usize;
        let c = &mut cells[cy * cols + cx];
        if c.1 == 0 {
            c.0 = ev as u32;
        }
        c.1 += 1;
    }
    let mut marks = Vec::new();
    let mut squares = Vec::new();
    for (i, &(ev, count)) in cells.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let pos = pos2(
            frame.left() + (i % cols) as f32 * 3.0 + 1.5,
            frame.top() + (i / cols) as f32 * 3.0 + 1.5,
        );
        let side = (2.5 + (count as f32).log2()).min(8.0);
        squares.push((pos, side, color_of(ev as usize)));
        marks.push((ev as usize, pos));
    }
    let layer = if vector {
        let mut mesh = egui::Mesh::default();
        for &(pos, side, color) in &squares {
            mesh.add_colored_rect(Rect::from_center_size(pos, vec2(side, side)), color);
        }
        DenseLayer::Mesh(std::sync::Arc::new(mesh))
    } else {
        let ppp = ui.ctx().pixels_per_point();
        let area = frame.expand(8.0);
        let size = area.size() * ppp;
        let mut bitmap = Bitmap::new(size.x.ceil() as usize, size.y.ceil() as usize);
        for &(pos, side, color) in &squares {
            let p = ((pos - area.min) * ppp).to_pos2();
            bitmap.square(p, side * ppp, color);
        }
        let tex = bitmap.into_texture(ui.ctx(), "timeline-dense");
        let shown = Rect::from_min_size(area.min, vec2(size.x.ceil(), size.y.ceil()) / ppp);
        DenseLayer::Texture(tex, shown)
    };
    (layer, marks)
}

/// The x range of the seven days centred on `day`, with room on the left for the lane names.
pub fn week_around(day: i64) -> (f64, f64) {
    let d = day as f64;
    (d - 5.0, d + 3.5)
}

/// Where the host of a meeting or visit is drawn, when `guest_lane` is the lane of its guest;
/// `marks` are the event's marks (position, lane).
fn host_of_guest_mark(
    vs: &ViewState<'_>,
    model: &TimelineModel,
    marks: &[(Pos2, usize)],
    ev: usize,
    guest_lane: usize,
) -> Option<Pos2> {
    let e = &vs.doc.events[ev];
    if !matches!(e.kind.as_str(), "meeting" | "visit") {
        return None;
    }
    let role_of = |lane: usize| {
        let id = &vs.doc.entities[model.lanes[lane].entity?].id;
        e.participants
            .iter()
            .find(|p| &p.entity == id)
            .map(|p| p.role.as_str())
    };
    if role_of(guest_lane)? != "guest" {
        return None;
    }
    marks
        .iter()
        .find(|&&(_, lane)| role_of(lane) == Some("host"))
        .map(|&(pos, _)| pos)
}

/// The "date not stated" band and the publication day's marker, under the marks.
fn undated_band_and_publication(
    ui: &egui::Ui,
    painter: &egui::Painter,
    t: &egui_plot::PlotTransform,
    chron: &crate::model::Chronology,
    frame: Rect,
    digits: crate::i18n::Digits,
    language: Language,
) {
    let weak = ui.visuals().weak_text_color();
    let font = egui::FontId::proportional(11.5);
    if let Some((a, b)) = chron.undated_band {
        let (xa, xb) = (t.position_from_point_x(a), t.position_from_point_x(b));
        let band = Rect::from_x_y_ranges(xa..=xb, frame.y_range()).intersect(frame);
        if band.width() > 0.0 {
            painter.rect_filled(band, 0.0, ui.visuals().extreme_bg_color.gamma_multiply(0.8));
            painter.line_segment(
                [pos2(xa, frame.top()), pos2(xa, frame.bottom())],
                Stroke::new(1.0, weak),
            );
            crate::text::paint_label(
                painter,
                pos2((band.left() + band.right()) / 2.0, frame.bottom() - 4.0),
                Align2::CENTER_BOTTOM,
                &tr::ts(ui, "date-not-stated"),
                &font,
                weak,
                f32::INFINITY,
            );
        }
    }
    for b in &chron.breaks {
        let (xa, xb) = (
            t.position_from_point_x(b.x),
            t.position_from_point_x(b.x + b.width),
        );
        let band = Rect::from_x_y_ranges(xa..=xb, frame.y_range()).intersect(frame);
        if band.width() <= 0.0 {
            continue;
        }
        painter.rect_filled(band, 0.0, ui.visuals().extreme_bg_color.gamma_multiply(0.9));
        // Two zigzag edges: the axis is cut here.
        for x in [xa, xb] {
            let mut points = Vec::new();
            let mut y = frame.top();
            let mut k = 0;
            while y <= frame.bottom() {
                points.push(pos2(x + if k % 2 == 0 { -2.5 } else { 2.5 }, y));
                y += 6.0;
                k += 1;
            }
            painter.add(egui::Shape::line(points, Stroke::new(1.0, weak)));
        }
        crate::text::paint_label(
            painter,
            pos2((xa + xb) / 2.0, frame.top() + 4.0),
            Align2::CENTER_TOP,
            &gap_label(b.days, crate::i18n::Locale::new(language, digits)),
            &font,
            weak,
            f32::INFINITY,
        );
    }
    if let Some(day) = chron.publication_day {
        let x = t.position_from_point_x(chron.x_of_day(day));
        if frame.x_range().contains(x) {
            let accent = ACCENT.gamma_multiply(0.7);
            let mut y = frame.top();
            while y < frame.bottom() {
                painter.line_segment(
                    [pos2(x, y), pos2(x, (y + 4.0).min(frame.bottom()))],
                    Stroke::new(1.0, accent),
                );
                y += 8.0;
            }
            crate::text::paint_label(
                painter,
                pos2(x + 3.0, frame.bottom() - 4.0),
                Align2::LEFT_BOTTOM,
                &tr::ts(ui, "published"),
                &font,
                accent,
                f32::INFINITY,
            );
        }
    }
}

/// Height of one row of axis labels.
const AXIS_ROW: f32 = 15.0;

/// The day labels under the plot, through our text layer, at the grid's marks; labels that
/// would overlap the one before are left out.
fn axis_labels(
    ui: &egui::Ui,
    t: &egui_plot::PlotTransform,
    chron: &crate::model::Chronology,
    calendar: AxisCalendar,
    language: Language,
    digits: crate::i18n::Digits,
) {
    let frame = *t.frame();
    let bounds = t.bounds();
    let (lo, hi) = chron.x_range();
    let font = crate::fonts::ui(11.0);
    let color = ui.visuals().text_color().gamma_multiply(0.8);
    let painter = ui.painter();
    let mut right_of_last = f32::NEG_INFINITY;
    let marks = day_spacer(GridInput {
        bounds: (bounds.min()[0], bounds.max()[0]),
        base_step_size: 1.0,
    });
    for m in marks {
        let Some(day) = chron.day_of_x(m.value) else {
            continue;
        };
        if day.fract() != 0.0 || m.value <= lo || m.value >= hi || !chron.is_dated_x(m.value) {
            continue;
        }
        let x = t.position_from_point_x(m.value);
        if !frame.x_range().contains(x) {
            continue;
        }
        let lines: Vec<String> = calendar
            .label(chron, day as i64, language)
            .iter()
            .map(|l| digits.apply(l))
            .collect();
        let laid: Vec<_> = lines
            .iter()
            .map(|l| crate::text::label_layout(ui.ctx(), l, &font, 400.0))
            .collect();
        let width = laid
            .iter()
            .map(|(s, _)| s.natural_width())
            .fold(0.0, f32::max);
        if x - width / 2.0 < right_of_last + 8.0 || x + width / 2.0 > frame.right() {
            continue;
        }
        right_of_last = x + width / 2.0;
        for (row, (s, lay)) in laid.iter().enumerate() {
            let top = frame.bottom() + 3.0 + row as f32 * AXIS_ROW;
            let at = pos2(x - s.natural_width() / 2.0, top);
            crate::text::paint(painter, at, s, lay, &font, &|_| color);
        }
    }
}

/// Events on the axis above which the overview strip is always shown.
const OVERVIEW_EVENTS: usize = 40;
/// Height of the overview strip.
const OVERVIEW_HEIGHT: f32 = 28.0;

/// Whether the overview strip is shown: many events, or a view narrower than the whole axis.
fn wants_overview(chron: &crate::model::Chronology, window: Option<(f64, f64)>) -> bool {
    let (x0, x1) = chron.x_range();
    chron.placed.len() > OVERVIEW_EVENTS
        || window.is_some_and(|(a, b)| b - a < 0.9 * (x1 - x0) && chron.placed.len() > 1)
}

/// The overview strip above the timeline: how many events fall on each stretch of the whole
/// axis, and the window shown below as a brush. Drag across it to show that stretch, drag the
/// brush to move it, click to centre the view there, double-click to fit everything.
fn overview_strip(
    ui: &mut egui::Ui,
    chron: &crate::model::Chronology,
    generation: u64,
    st: &mut TimelineState,
    (x0, x1): (f64, f64),
) {
    let (rect, resp) = ui.allocate_exact_size(
        vec2(ui.available_width(), OVERVIEW_HEIGHT),
        egui::Sense::click_and_drag(),
    );
    // Looked up before: `widget_info` runs its closure inside egui's lock.
    let description = tr::ts(ui, "overview-description");
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, description.clone()));
    st.overview = Some(rect);
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let span = (x1 - x0).max(1e-9);
    let to_screen = |x: f64| rect.left() + ((x - x0) / span) as f32 * rect.width();
    let to_x = |px: f32| x0 + f64::from((px - rect.left()) / rect.width().max(1.0)) * span;
    // One bar per two pixels, its height by the square root of its count.
    let bar = visuals.weak_text_color();
    // The bars change only with the document, the strip's place and the theme: one cached mesh.
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (generation, bar).hash(&mut h);
        for v in [rect.min.x, rect.min.y, rect.max.x, rect.max.y] {
            v.to_bits().hash(&mut h);
        }
        h.finish()
    };
    if st.overview_bars.as_ref().is_none_or(|c| c.0 != key) {
        let bins = ((rect.width() / 2.0).floor() as usize).max(1);
        let mut counts = vec![0u32; bins];
        for p in &chron.placed {
            let b = (((p.x - x0) / span) * bins as f64).floor();
            counts[(b.max(0.0) as usize).min(bins - 1)] += 1;
        }
        let most = counts.iter().copied().max().unwrap_or(1).max(1) as f32;
        let inner = rect.shrink2(vec2(0.0, 3.0));
        let mut mesh = egui::Mesh::default();
        for (b, &n) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            let h = (n as f32 / most).sqrt() * inner.height();
            let x = rect.left() + b as f32 * rect.width() / bins as f32;
            mesh.add_colored_rect(
                Rect::from_min_max(pos2(x, inner.bottom() - h), pos2(x + 1.5, inner.bottom())),
                bar,
            );
        }
        st.overview_bars = Some((key, std::sync::Arc::new(mesh)));
    }
    if let Some((_, mesh)) = &st.overview_bars {
        painter.add(egui::Shape::Mesh(mesh.clone()));
    }
    for b in &chron.breaks {
        let (xa, xb) = (to_screen(b.x), to_screen(b.x + b.width));
        painter.rect_filled(
            Rect::from_x_y_ranges(xa..=xb.max(xa + 2.0), rect.y_range()),
            0.0,
            visuals.faint_bg_color,
        );
    }
    let window = st.x_window.unwrap_or((x0, x1));
    let brush = Rect::from_x_y_ranges(
        to_screen(window.0).max(rect.left())..=to_screen(window.1).min(rect.right()),
        rect.y_range(),
    );
    // Outside the window shown below, the strip is dimmed.
    let dim = visuals.extreme_bg_color.gamma_multiply(0.6);
    for side in [
        Rect::from_x_y_ranges(rect.left()..=brush.left(), rect.y_range()),
        Rect::from_x_y_ranges(brush.right()..=rect.right(), rect.y_range()),
    ] {
        if side.width() > 0.0 {
            painter.rect_filled(side, 0.0, dim);
        }
    }
    painter.rect_stroke(
        brush,
        2.0,
        Stroke::new(1.5, ACCENT),
        egui::StrokeKind::Inside,
    );
    let width = window.1 - window.0;
    if resp.drag_started()
        && let Some(p) = resp.interact_pointer_pos()
    {
        // A window that covers the whole strip is not grabbed: the drag draws a new one.
        let grab = brush.contains(p) && brush.width() < 0.9 * rect.width();
        st.brush_drag = Some(if grab {
            BrushDrag::Move(to_x(p.x) - window.0)
        } else {
            BrushDrag::New(to_x(p.x))
        });
    }
    if resp.dragged()
        && let (Some(p), Some(drag)) = (resp.interact_pointer_pos(), st.brush_drag)
    {
        let at = to_x(p.x.clamp(rect.left(), rect.right()));
        st.show_x = Some(match drag {
            BrushDrag::Move(grab) => (at - grab, at - grab + width),
            BrushDrag::New(anchor) => (anchor.min(at), anchor.max(at).max(anchor.min(at) + 0.5)),
        });
    }
    if resp.drag_stopped() {
        st.brush_drag = None;
    }
    if resp.double_clicked() {
        st.fit_request = true;
    } else if resp.clicked()
        && let Some(p) = resp.interact_pointer_pos()
    {
        let at = to_x(p.x);
        st.show_x = Some((at - width / 2.0, at + width / 2.0));
    }
    resp.on_hover_text(tr::t(ui, "overview-tip"));
}

/// How long a compressed stretch is, in words: days, months or years.
pub fn gap_label(days: f64, locale: crate::i18n::Locale) -> String {
    let (n, id) = if days >= 730.0 {
        ((days / 365.25).round(), "gap-years")
    } else if days >= 60.0 {
        ((days / 30.44).round(), "gap-months")
    } else {
        (days.round(), "gap-days")
    };
    locale.f(id, &[("n", (n as i64).into())])
}

fn selected_entity(sel: Selection) -> Option<usize> {
    match sel {
        Selection::Entity(k) => Some(k),
        _ => None,
    }
}

fn nearest_mark(marks: &[(usize, Pos2)], p: Pos2, max: f32) -> Option<usize> {
    marks
        .iter()
        .map(|(ev, pos)| (*ev, pos.distance(p)))
        .filter(|(_, d)| *d <= max)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(ev, _)| ev)
}

/// The short label of an event on the timeline: its kind and its other participants.
pub fn short_label(doc: &Document, ev: usize, names: crate::i18n::Names) -> String {
    let e = &doc.events[ev];
    let mut shown: Vec<String> = e
        .participants
        .iter()
        .filter(|p| p.role != "guest" && p.role != "delegation" || e.participants.len() == 1)
        .filter_map(|p| doc.entity(&p.entity))
        .map(|x| names.show(&x.name, x.latin.as_deref()))
        .take(2)
        .collect();
    if shown.is_empty() {
        shown = e
            .participants
            .iter()
            .filter_map(|p| doc.entity(&p.entity))
            .map(|x| names.show(&x.name, x.latin.as_deref()))
            .take(1)
            .collect();
    }
    let comma = if names == crate::i18n::Names::Latin {
        ", "
    } else {
        "، "
    };
    format!("{}. {}", e.order, shown.join(comma))
}

/// Tooltip contents for an event.
pub fn event_tooltip(
    ui: &mut egui::Ui,
    doc: &Document,
    chron: &crate::model::Chronology,
    ev: usize,
) {
    let e = &doc.events[ev];
    let font = crate::fonts::ui(13.0);
    let col = ui.visuals().text_color();
    ui.set_max_width(360.0);
    crate::text::label(ui, &e.summary, &font, col);
    let when = chron
        .of_event(ev)
        .map(|p| {
            let day = day_text(chron, p.day, tr::locale(ui.ctx()));
            if p.day_known {
                day
            } else {
                tr::tsf(ui, "day-not-stated-near", &[("day", day.into())])
            }
        })
        .unwrap_or_default();
    let locale = tr::locale(ui.ctx());
    let line = format!(
        "{} · {} · {}",
        locale.term("kind", &e.kind),
        locale.term("status", &e.status),
        when
    );
    crate::text::label(ui, &line, &font, col);
    for p in &e.participants {
        if let Some(ent) = doc.entity(&p.entity) {
            let line = format!("{} — {}", locale.term("role", &p.role), ent.name);
            crate::text::label(ui, &line, &font, col);
        }
    }
}

/// Grid marks at whole days (fewer when zoomed out).
fn day_spacer(input: GridInput) -> Vec<GridMark> {
    let (a, b) = input.bounds;
    let span = (b - a).max(1.0);
    let step = [
        1.0, 2.0, 7.0, 14.0, 30.0, 60.0, 90.0, 180.0, 365.0, 730.0, 1825.0,
    ]
    .into_iter()
    .find(|s| span / s <= 12.0)
    .unwrap_or(3650.0);
    let mut out = Vec::new();
    let mut v = (a / step).floor() * step;
    while v <= b && out.len() < 200 {
        out.push(GridMark {
            value: v,
            step_size: step,
        });
        v += step;
    }
    out
}
