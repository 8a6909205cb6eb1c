//! The window as a screen reader sees it (the AccessKit tree egui builds): every node a user
//! can click or focus has a name.

use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use waqai::app::WaqaiApp;
use waqai::selection::Selection;

fn unnamed_interactive_nodes(h: &Harness<'static, WaqaiApp>) -> Vec<String> {
    let mut out = Vec::new();
    for node in h.root().children_recursive() {
        let ak = node.accesskit_node();
        let data = ak.data();
        let interactive = data.supports_action(egui::accesskit::Action::Click)
            || data.supports_action(egui::accesskit::Action::Focus);
        let named = [ak.label(), ak.value(), ak.description()]
            .into_iter()
            .flatten()
            .any(|s| !s.trim().is_empty());
        // egui's own scroll bars say what they are by their role alone.
        let scroll_bar = ak.role() == egui::accesskit::Role::ScrollBar;
        if interactive && !named && !scroll_bar {
            out.push(format!("{:?} at {:?}", ak.role(), ak.bounding_box()));
        }
    }
    out
}

#[test]
fn every_interactive_node_has_a_name() {
    let app = WaqaiApp::new(waqai::seed::document(), None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(4);
    let mut bad = unnamed_interactive_nodes(&h);
    // With an event and then an actor selected, the inspector shows its forms.
    h.state_mut().select(Selection::Event(0));
    h.run_steps(3);
    bad.extend(unnamed_interactive_nodes(&h));
    h.state_mut().select(Selection::Entity(0));
    h.run_steps(3);
    bad.extend(unnamed_interactive_nodes(&h));
    bad.dedup();
    assert!(
        bad.is_empty(),
        "interactive nodes without a name:\n{}",
        bad.join("\n")
    );
}
