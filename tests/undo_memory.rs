//! Undo keeps what edits change, not copies of the document: 200 steps on a document of 10,000
//! events and 2,000 actors stay well under 50 MB.

#[path = "support/counting.rs"]
mod counting;
#[path = "support/synthetic.rs"]
mod synthetic;

#[global_allocator]
static ALLOC: counting::Counting = counting::Counting;

use waqai::model::{Edit, HISTORY_LIMIT, History, apply_edit};

#[test]
fn two_hundred_undo_steps_on_ten_thousand_events_hold_little() {
    // The history as the session keeps it: the document before and after each edit.
    let mut doc = synthetic::synthetic(10_000, 2_000);
    let mut history: History<()> = History::default();
    let before = counting::live();
    let kinds = ["meeting", "visit", "signing", "agreement"];
    for step in 0..HISTORY_LIMIT {
        let n = doc.events.len();
        let ev = doc.events[(step * 7919) % n].id.clone();
        let ent = doc.entities[(step * 104_729) % doc.entities.len()]
            .id
            .clone();
        let edit = match step % 6 {
            0 => Edit::EventSummary(ev, format!("summary {step}")),
            1 => Edit::EventKind(ev, kinds[step % 4].into()),
            2 => Edit::EventDate(ev, Some("2021-03-04".into()), "day".into()),
            3 => Edit::DeleteEvent(ev),
            4 => Edit::EntityName(ent, format!("name {step}")),
            _ => {
                let other = doc.entities[(step * 31) % doc.entities.len()].id.clone();
                if other == ent {
                    Edit::EntityLatin(ent, Some("x".into()))
                } else {
                    Edit::Merge(ent, other)
                }
            }
        };
        let prior = doc.clone();
        apply_edit(&mut doc, &edit).unwrap();
        history.record(&prior, &doc, ());
    }
    let held = counting::live().saturating_sub(before);
    let estimate = history.bytes();
    println!(
        "200 undo steps on 10,000 events: {:.1} MB more live heap, history estimate {:.1} MB",
        held as f64 / 1e6,
        estimate as f64 / 1e6
    );
    assert!(held < 50_000_000, "{held} bytes");
    // Everything can still be undone (edits that changed nothing are no step).
    let steps = history.len();
    assert!(steps > HISTORY_LIMIT * 9 / 10, "{steps}");
    let mut undone = 0;
    while history.undo(&mut doc, ()).is_some() {
        undone += 1;
    }
    assert_eq!(doc, synthetic::synthetic(10_000, 2_000));
    assert_eq!(undone, steps);
}
