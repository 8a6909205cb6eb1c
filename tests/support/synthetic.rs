//! A generated document of any size, for benchmarks and stress tests (deterministic).

use waqai::model::{Article, Document, Entity, Event, FORMAT, Participant, Relation, Span, When};

/// A document with `events` events among `actors` actors over about a year, the seed's text as
/// article, mentions and evidence pointing into it.
pub(crate) fn synthetic(events: usize, actors: usize) -> Document {
    let text = waqai::seed::SEED_TEXT.replace("\r\n", "\n");
    let len = text.chars().count();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let kinds = ["person", "organization", "group", "country", "city", "site"];
    let countries = ["LY", "FR", "EG", "TN", "DZ", "IT", "TR", "US"];
    let names = [
        "وزير الخارجية",
        "وزارة الداخلية",
        "الوفد",
        "رئيس الحكومة",
        "مجلس النواب",
        "السفير",
    ];
    let entities: Vec<Entity> = (0..actors)
        .map(|i| {
            let s = next(len - 20);
            Entity {
                id: format!("a{i}"),
                name: format!("{} {}", names[i % names.len()], i),
                latin: Some(format!("Actor {i}")),
                latin_auto: false,
                kind: kinds[i % 3].to_owned(),
                roles: vec![],
                country: Some(countries[i % countries.len()].to_owned()),
                part_of: None,
                mentions: vec![Span::new(s, s + 6)],
                extra: Default::default(),
            }
            .with_kind(if i % 17 == 0 {
                kinds[3 + i % 3]
            } else {
                kinds[i % 3]
            })
        })
        .collect();
    let ev_kinds = [
        "meeting",
        "visit",
        "signing",
        "statement",
        "arrival",
        "agreement",
        "other",
    ];
    let mut evs = Vec::with_capacity(events);
    let mut relations = Vec::new();
    for i in 0..events {
        let a = next(actors);
        let b = (a + 1 + next(actors.max(2) - 1)) % actors.max(1);
        let day = (i * 365 / events.max(1)) as i64 - 180;
        let s = next(len - 60);
        evs.push(Event {
            id: format!("e{i}"),
            kind: ev_kinds[i % ev_kinds.len()].to_owned(),
            cameo: None,
            summary: format!("Event {i}: {} meets {}", entities[a].name, entities[b].name),
            participants: vec![
                Participant {
                    entity: entities[a].id.clone(),
                    role: "host".into(),
                    extra: Default::default(),
                },
                Participant {
                    entity: entities[b].id.clone(),
                    role: "guest".into(),
                    extra: Default::default(),
                },
            ],
            place: None,
            when: When {
                relative_days: Some(day),
                precision: "day".into(),
                ..Default::default()
            },
            order: i as i64 + 1,
            status: if i % 9 == 0 { "planned" } else { "occurred" }.to_owned(),
            topics: vec![],
            evidence: vec![Span::new(s, s + 50)],
            extra: Default::default(),
        });
        relations.push(Relation {
            source: entities[a].id.clone(),
            target: entities[b].id.clone(),
            kind: "met".into(),
            events: vec![format!("e{i}")],
            evidence: vec![],
            extra: Default::default(),
        });
    }
    Document {
        format: FORMAT.to_owned(),
        article: Article {
            title: format!("Generated: {events} events, {actors} actors"),
            text,
            language: "ar".into(),
            ..Default::default()
        },
        entities,
        events: evs,
        relations,
        extra: Default::default(),
    }
}

/// Sets an entity's kind, builder style.
trait WithKind {
    fn with_kind(self, kind: &str) -> Self;
}

impl WithKind for Entity {
    fn with_kind(mut self, kind: &str) -> Self {
        kind.clone_into(&mut self.kind);
        self
    }
}
