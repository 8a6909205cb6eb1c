//! The interface's words in the window: the locale is kept in egui's memory (each window, each
//! offscreen export and each test harness has its own), and messages become widget texts drawn
//! through our bidi layer when they are Arabic.

use crate::i18n::{Arg, Locale};

fn key() -> egui::Id {
    egui::Id::unique("waqai-locale")
}

/// The locale the window writes in (English with Western digits until one is set).
pub fn locale(ctx: &egui::Context) -> Locale {
    ctx.data(|d| d.get_temp(key())).unwrap_or_default()
}

/// Sets the locale the window writes in.
pub fn set_locale(ctx: &egui::Context, locale: Locale) {
    ctx.data_mut(|d| d.insert_temp(key(), locale));
}

/// The message `id` as a string.
pub fn ts(ui: &egui::Ui, id: &str) -> String {
    locale(ui.ctx()).t(id)
}

/// The message `id` with arguments, as a string.
pub fn tsf(ui: &egui::Ui, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    locale(ui.ctx()).f(id, args)
}

/// The message `id` as a widget's text.
pub fn t(ui: &egui::Ui, id: &str) -> egui::WidgetText {
    text(ui, &ts(ui, id))
}

/// The message `id` with arguments, as a widget's text.
pub fn tf(ui: &egui::Ui, id: &str, args: &[(&str, Arg<'_>)]) -> egui::WidgetText {
    text(ui, &tsf(ui, id, args))
}

/// Any string as a widget's text, through our bidi layer when it holds Arabic; long texts
/// (tooltips) wrap at egui's tooltip width.
pub fn text(ui: &egui::Ui, s: &str) -> egui::WidgetText {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = ui.style().spacing.tooltip_width;
    crate::text::egui_text::widget_text(ui.ctx(), s, &font, width)
}

/// The message `id` as a window's title.
pub fn title(ctx: &egui::Context, id: &str) -> egui::WidgetText {
    let font = egui::TextStyle::Heading.resolve(&ctx.global_style());
    crate::text::egui_text::widget_text(ctx, &locale(ctx).t(id), &font, f32::INFINITY)
}

/// A coloured one-line label (a warning, an error) through our bidi layer.
pub fn colored(ui: &mut egui::Ui, color: egui::Color32, s: &str) -> egui::Response {
    crate::text::label(ui, s, &crate::fonts::ui(13.0), color)
}

/// Whether the interface reads right to left.
pub fn rtl(ui: &egui::Ui) -> bool {
    locale(ui.ctx()).rtl()
}

/// A row of widgets laid in the reading direction of the interface.
pub fn row<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if rtl(ui) {
        // As `ui.horizontal`, mirrored: one row high, growing as its widgets need.
        let size = egui::vec2(
            ui.available_size_before_wrap().x,
            ui.spacing().interact_size.y,
        );
        let layout = egui::Layout::right_to_left(egui::Align::Center);
        ui.allocate_ui_with_layout(size, layout, add).inner
    } else {
        ui.horizontal(add).inner
    }
}

/// A row that wraps, laid in the reading direction of the interface.
pub fn wrapped_row<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if rtl(ui) {
        let size = egui::vec2(
            ui.available_size_before_wrap().x,
            ui.spacing().interact_size.y,
        );
        let layout = egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true);
        ui.allocate_ui_with_layout(size, layout, add).inner
    } else {
        ui.horizontal_wrapped(add).inner
    }
}

/// A column whose widgets start at the reading side of the interface (the right in Arabic).
pub fn column<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if rtl(ui) {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), add)
            .inner
    } else {
        add(ui)
    }
}

/// The contents of a menu, their text at the reading side (the right in Arabic).
pub fn menu<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if rtl(ui) {
        let layout = egui::Layout::top_down_justified(egui::Align::Max);
        ui.with_layout(layout, add).inner
    } else {
        add(ui)
    }
}

/// Names the resize handle of the panel `salt` shown in `parent` in the interface's language
/// (egui names it in English).
pub fn name_resize_handle(parent: &egui::Ui, salt: &str) {
    let id = parent.scope_id().with(salt).with("__resize");
    let name = ts(parent, "resize-panel");
    parent
        .ctx()
        .accesskit_node_builder(id, |node| node.set_label(name));
}
