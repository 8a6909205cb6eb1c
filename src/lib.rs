//! Waqai: timeline, relationships and evidence of the events an Arabic news article reports.

pub mod fonts;
pub mod graph;
pub mod model;
pub mod text;
