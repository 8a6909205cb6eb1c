//! One module per panel. Each draws from the shared [`ViewState`] and returns what the user did
//! ([`Action`]); the window and the exporter both draw through [`draw`] and [`layout`].

pub mod article;
pub mod articles;
pub mod bitmap;
pub mod editor;
pub mod inspector;
pub mod relations;
pub mod style;
pub mod timeline;
pub mod tr;

use std::ops::Range;

use crate::graph::Graph;
use crate::lanes::TimelineModel;
use crate::model::{Chronology, Document, Problem};
use crate::selection::{Related, Selection};
use crate::session::Session;

/// A panel of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Panel {
    /// Events on the time axis.
    Timeline,
    /// Who met whom.
    Relations,
    /// The article with its highlights.
    Article,
    /// Details of the selection.
    Inspector,
}

impl Panel {
    /// Every panel.
    pub const ALL: [Panel; 4] = [
        Panel::Timeline,
        Panel::Relations,
        Panel::Article,
        Panel::Inspector,
    ];

    /// The id of the panel's title in the translation files.
    pub fn title_id(self) -> &'static str {
        match self {
            Panel::Timeline => "panel-timeline",
            Panel::Relations => "panel-relations",
            Panel::Article => "panel-article",
            Panel::Inspector => "panel-inspector",
        }
    }
}

/// What every view reads for one frame.
pub struct ViewState<'a> {
    /// The open document.
    pub doc: &'a Document,
    /// Its time axis.
    pub chron: &'a Chronology,
    /// Its relationship graph.
    pub graph: &'a Graph,
    /// The timeline's lanes.
    pub lanes: &'a TimelineModel,
    /// The selection.
    pub selection: Selection,
    /// What the selection relates to.
    pub related: &'a Related,
    /// The document's validation problems.
    pub problems: &'a [Problem],
    /// Dark theme in use.
    pub dark: bool,
    /// Changes whenever the document changes (for caches).
    pub generation: u64,
    /// The interface language (what Waqai writes itself: axis labels, dates).
    pub language: crate::i18n::Language,
    /// Script of actors' names in the timeline's lanes and the graph.
    pub names: crate::i18n::Names,
    /// Digits of the numbers Waqai writes.
    pub digits: crate::i18n::Digits,
    /// The stretch of the text the article panel shows (chars, then bytes): one article of a
    /// corpus; `None` for the whole text.
    pub article_range: Option<(Range<usize>, Range<usize>)>,
    /// The articles of a corpus (empty for one article).
    pub articles: &'a [crate::corpus::ArticlePart],
}

impl<'a> ViewState<'a> {
    /// The name of entity `k` in the chosen script.
    pub fn name_of(&self, k: usize) -> String {
        let e = &self.doc.entities[k];
        self.names.show(&e.name, e.latin.as_deref())
    }

    /// The language and digits the views write in.
    pub fn locale(&self) -> crate::i18n::Locale {
        crate::i18n::Locale::new(self.language, self.digits)
    }

    /// The view state of a session.
    pub fn of(session: &'a Session, dark: bool, language: crate::i18n::Language) -> Self {
        Self {
            doc: session.doc(),
            chron: session.chronology(),
            graph: session.graph(),
            lanes: session.lanes(),
            selection: session.selection(),
            related: session.related(),
            problems: session.problems(),
            dark,
            generation: session.generation(),
            language,
            names: crate::i18n::Names::Arabic,
            digits: crate::i18n::Digits::Western,
            article_range: None,
            articles: &[],
        }
    }
}

/// The panels' own state between frames (zoom, scroll, graph positions, fields being typed).
#[derive(Default)]
pub struct Panels {
    /// Timeline.
    pub timeline: timeline::TimelineState,
    /// Relationship graph.
    pub relations: relations::RelationsState,
    /// Article.
    pub article: article::ArticleState,
    /// The publication-date field of the inspector.
    pub published: String,
    /// The article list of a corpus.
    pub articles: articles::ArticlesState,
}

impl Panels {
    /// Fresh panel states for another document.
    pub fn reset(&mut self, doc: &Document) {
        let (by_kind, calendar) = (self.timeline.by_kind, self.timeline.calendar);
        *self = Self::default();
        self.timeline.by_kind = by_kind;
        self.timeline.calendar = calendar;
        self.published = doc.article.published.clone().unwrap_or_default();
    }

    /// Fits the timeline and the graph to what they show.
    pub fn fit(&mut self) {
        self.timeline.fit_request = true;
        self.relations.fit_request = true;
        self.relations.auto_fit = true;
    }
}

/// Marks `id` as the widget that takes the keyboard when the user moves to `panel` (F6).
pub fn set_focus_target(ctx: &egui::Context, panel: Panel, id: egui::Id) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(("panel-focus", panel)), id));
}

/// The widget that takes the keyboard in `panel`, when the panel was shown.
pub fn focus_target(ctx: &egui::Context, panel: Panel) -> Option<egui::Id> {
    ctx.data(|d| d.get_temp(egui::Id::unique(("panel-focus", panel))))
}

/// Which panels [`layout`] shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The timeline across the top.
    pub timeline: bool,
    /// The relationship graph on the left.
    pub relations: bool,
    /// The article on the right.
    pub article: bool,
}

impl Default for Shown {
    fn default() -> Self {
        Self {
            timeline: true,
            relations: true,
            article: true,
        }
    }
}

/// What the user did in a view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select this (or clear with `Selection::None`).
    Select(Selection),
    /// Scroll the article to this char.
    ShowInArticle(usize),
    /// Open the export dialog for this panel.
    Export(Panel),
    /// Turn the article panel to article `k` of a corpus.
    ShowArticle(usize),
    /// Change the document (undoable).
    Edit(crate::model::Edit),
}

/// Draws one panel's contents.
pub fn draw(
    ui: &mut egui::Ui,
    vs: &ViewState<'_>,
    panels: &mut Panels,
    panel: Panel,
) -> Vec<Action> {
    tr::set_locale(ui.ctx(), vs.locale());
    let action = match panel {
        Panel::Timeline => timeline::show(ui, vs, &mut panels.timeline),
        Panel::Relations => relations::show(ui, vs, &mut panels.relations),
        Panel::Article => article::show(ui, vs, &mut panels.article),
        Panel::Inspector => inspector::show(ui, vs, &mut panels.published),
    };
    action.into_iter().collect()
}

/// The four panels as the window lays them out: the timeline across the top, the graph on the
/// left, the article on the right (where an Arabic reader's eye starts), the inspector between.
pub fn layout(
    ui: &mut egui::Ui,
    vs: &ViewState<'_>,
    panels: &mut Panels,
    shown: Shown,
) -> Vec<Action> {
    tr::set_locale(ui.ctx(), vs.locale());
    let mut actions = Vec::new();
    let total_h = ui.available_height();
    let total_w = ui.available_width();
    if shown.timeline {
        egui::Panel::top("timeline")
            .resizable(true)
            .default_size(total_h * 0.42)
            .size_range(120.0..=total_h * 0.8)
            .show(ui, |ui| {
                actions.extend(draw(ui, vs, panels, Panel::Timeline));
            });
    }
    if shown.article {
        egui::Panel::right("article")
            .resizable(true)
            .default_size(total_w * 0.38)
            .size_range(200.0..=total_w * 0.7)
            .show(ui, |ui| {
                tr::row(ui, |ui| header(ui, Panel::Article, &mut actions));
                actions.extend(draw(ui, vs, panels, Panel::Article));
            });
    }
    if !vs.articles.is_empty() {
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(total_w * 0.18)
            .size_range(140.0..=total_w * 0.4)
            .show(ui, |ui| {
                actions.extend(articles::show(ui, vs, &mut panels.articles));
            });
    }
    if shown.relations {
        egui::Panel::left("relations")
            .resizable(true)
            .default_size(total_w * 0.33)
            .size_range(160.0..=total_w * 0.6)
            .show(ui, |ui| {
                tr::row(ui, |ui| {
                    header(ui, Panel::Relations, &mut actions);
                    if ui
                        .small_button(tr::t(ui, "fit"))
                        .on_hover_text(tr::t(ui, "fit-graph-tip"))
                        .clicked()
                    {
                        panels.relations.fit_request = true;
                    }
                    ui.separator();
                    if ui
                        .toggle_value(
                            &mut panels.relations.size_by_centrality,
                            tr::t(ui, "graph-size"),
                        )
                        .on_hover_text(tr::t(ui, "graph-size-tip"))
                        .changed()
                    {
                        panels.relations.fit_request = true;
                    }
                    ui.separator();
                    let ego = &mut panels.relations.ego;
                    for (steps, name) in
                        [(0, "graph-all"), (1, "graph-1-step"), (2, "graph-2-steps")]
                    {
                        if ui
                            .selectable_label(*ego == steps, tr::t(ui, name))
                            .on_hover_text(tr::t(ui, "graph-steps-tip"))
                            .clicked()
                        {
                            *ego = steps;
                        }
                    }
                });
                actions.extend(draw(ui, vs, panels, Panel::Relations));
            });
    }
    for salt in ["timeline", "article", "relations", "articles"] {
        tr::name_resize_handle(ui, salt);
    }
    egui::CentralPanel::default().show(ui, |ui| {
        tr::row(ui, |ui| header(ui, Panel::Inspector, &mut actions));
        actions.extend(draw(ui, vs, panels, Panel::Inspector));
    });
    actions
}

/// A panel's title; right-click offers to export the panel.
fn header(ui: &mut egui::Ui, panel: Panel, actions: &mut Vec<Action>) {
    let title = tr::ts(ui, panel.title_id());
    let font = crate::fonts::ui(14.0);
    let color = ui.visuals().strong_text_color();
    let r = crate::text::label(ui, &title, &font, color).interact(egui::Sense::click());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title.clone()));
    r.on_hover_text(tr::t(ui, "export-view-tip"))
        .context_menu(|ui| {
            if ui.button(tr::t(ui, "export-this-view")).clicked() {
                actions.push(Action::Export(panel));
            }
        });
}
