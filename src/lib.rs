//! Waqai: timeline, relationships and evidence of the events an Arabic news article reports.

pub mod app;
pub mod arabic;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod fonts;
pub mod graph;
pub mod hash;
pub mod i18n;
pub mod lanes;
pub mod model;
pub mod open;
pub mod romanize;
pub mod search;
pub mod seed;
pub mod selection;
pub mod session;
pub mod stream;
pub mod text;
pub mod timings;
pub mod views;
