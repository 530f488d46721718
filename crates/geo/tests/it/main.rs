//! Integration tests of the geoparser: one binary, a module per concern.

mod gazetteer;
mod recognition;
mod resolution;

use claimgraph_extract::{Input, PlaceResolver};
use claimgraph_geo::Geoparser;
use claimgraph_model::Toponym;

/// Geoparses `text` with no entity mentions, as when the entity stage finds none.
pub fn geoparse(text: &str) -> Vec<Toponym> {
    let tokens = claimgraph_text::tokenize(text);
    let sentences = claimgraph_text::split_sentences(text, &tokens);
    let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
    Geoparser::new().find(&input, &[], &[])
}

/// The toponym written as `written`, the first one if there are several.
pub fn toponym<'a>(text: &str, found: &'a [Toponym], written: &str) -> &'a Toponym {
    found
        .iter()
        .find(|t| t.span.slice(text) == written)
        .unwrap_or_else(|| panic!("no toponym {written:?} in {found:#?}"))
}

/// Great-circle distance in km between a toponym's point and (lat, lon).
pub fn km_from(t: &Toponym, lat: f64, lon: f64) -> f64 {
    let (Some(a), Some(b)) = (t.lat, t.lon) else { panic!("{t:?} has no coordinates") };
    claimgraph_geo::distance_km(a, b, lat, lon)
}
