//! Serde types of the Waqai document format, version 1 (`shared/docs/data-format.md`).
//!
//! Every struct keeps the fields it does not know in `extra`, so that a save writes them back.

use serde::{Deserialize, Serialize};

pub use super::extra::Extra;

/// The `format` value this program reads and writes.
pub const FORMAT: &str = "waqai/1";

/// A half-open range of Unicode scalar values (chars) into `article.text`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First char of the range.
    pub start: usize,
    /// One past the last char of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (chars).
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Whether `offset` (a char index) lies inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Number of chars covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no char.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One article and everything extracted from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`FORMAT`] for documents this program understands.
    pub format: String,
    /// The article itself.
    pub article: Article,
    /// People, organisations, groups, states and places.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// What took place.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Edges of the relationship panel.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Unknown fields, kept on save.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The article text and its metadata.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The headline.
    #[serde(default)]
    pub title: String,
    /// The whole text, title included; all spans index into it.
    pub text: String,
    /// BCP 47 language tag.
    #[serde(default)]
    pub language: String,
    /// Publication date `YYYY-MM-DD`, when known.
    #[serde(default)]
    pub published: Option<String>,
    /// Where the article came from.
    #[serde(default)]
    pub source: Source,
    /// Unknown fields, kept on save.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where an article came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// File path it was read from.
    #[serde(default)]
    pub path: Option<String>,
    /// Web address.
    #[serde(default)]
    pub url: Option<String>,
    /// Publishing outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Unknown fields, kept on save.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Someone or something the events involve.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Unique in the document.
    pub id: String,
    /// Canonical Arabic name as the article writes it.
    pub name: String,
    /// Latin-script name, when known.
    #[serde(default)]
    pub latin: Option<String>,
    /// Whether `latin` was made by rule (romanisation) rather than taken from a name list or
    /// given by a person; an edit of the Latin name clears it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub latin_auto: bool,
    /// `person`, `organization`, `group`, `country`, `city` or `site`.
    pub kind: String,
    /// Titles and offices as written.
    #[serde(default)]
    pub roles: Vec<String>,
    /// ISO 3166-1 alpha-2 code of the state it belongs to.
    #[serde(default)]
    pub country: Option<String>,
    /// Id of the entity it belongs to.
    #[serde(default)]
    pub part_of: Option<String>,
    /// Every place the text refers to it.
    #[serde(default)]
    pub mentions: Vec<Span>,
    /// Unknown fields, kept on save.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Something that took place (or is announced).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Unique in the document.
    pub id: String,
    /// `visit`, `arrival`, `meeting`, `signing`, `agreement`, `statement` or `other`.
    pub kind: String,
    /// CAMEO event code, where one fits.
    #[serde(default)]
    pub cameo: Option<String>,
    /// One line saying what happened.
    #[serde(default)]
    pub summary: String,
    /// Who took part, and how.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Entity id of where it happened.
    #[serde(default)]
    pub place: Option<String>,
    /// When it happened.
    #[serde(default)]
    pub when: When,
    /// 1-based position in the chronology of the document.
    pub order: i64,
    /// `occurred`, `planned` or `reported`.
    #[serde(default = "default_status")]
    pub status: String,
    /// What was discussed or agreed, in the article's words.
    #[serde(default)]
    pub topics: Vec<String>,
    /// The sentences that state the event.
    #[serde(default)]
    pub evidence: Vec<Span>,
    /// Unknown fields, kept on save.
    #[serde(flatten)]
    pub extra: Extra,
}

fn default_status() -> String {
    "occurred".to_owned()
}

/// One participant of an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Entity id.
    pub entity: String,
    /// `host`, `guest`, `signatory`, `delegation`, `subject` or `participant`.
    pub role: String,
    /// Unknown fields, kept on save.
    #[serde(flatten)]
    pub extra: Extra,
}

/// When an event took place, as far as the text says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct When {
    /// `YYYY-MM-DD`, when it can be resolved.
    #[serde(default)]
    pub date: Option<String>,
    /// `day`, `month`, `year` or `unknown`.
    #[serde(default = "unknown")]
    pub precision: String,
    /// The time words as written.
    #[serde(default)]
    pub expression: Option<String>,
    /// `monday` … `sunday`, when the text names one.
    #[serde(default)]
    pub weekday: Option<String>,
    /// Days from publication, when the text says so.
    #[serde(default)]
    pub relative_days: Option<i64>,
    /// Unknown fields, kept on save.
    #[serde(flatten)]
    pub extra: Extra,
}

fn unknown() -> String {
    "unknown".to_owned()
}

impl Default for When {
    fn default() -> Self {
        Self {
            date: None,
            precision: unknown(),
            expression: None,
            weekday: None,
            relative_days: None,
            extra: Extra::new(),
        }
    }
}

/// An edge of the relationship panel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Entity id at the start of the edge.
    pub source: String,
    /// Entity id at the end of the edge.
    pub target: String,
    /// `met`, `counterpart`, `member_of`, `leads`, `signed_with`, `invited`,
    /// `cooperates_with` or `located_in`.
    pub kind: String,
    /// Ids of the events that support it.
    #[serde(default)]
    pub events: Vec<String>,
    /// Where the text states it.
    #[serde(default)]
    pub evidence: Vec<Span>,
    /// Unknown fields, kept on save.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Document {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Index in `entities` of the entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// Index in `events` of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// Indices of the events in chronological order (`order`, then position in the file).
    pub fn chronological(&self) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.events.len()).collect();
        idx.sort_by_key(|&i| (self.events[i].order, i));
        idx
    }

    /// The text covered by `span`, or `None` when it lies outside the text.
    pub fn quote(&self, span: Span) -> Option<String> {
        if span.start > span.end {
            return None;
        }
        let s: String = self
            .article
            .text
            .chars()
            .skip(span.start)
            .take(span.len())
            .collect();
        (s.chars().count() == span.len()).then_some(s)
    }
}
