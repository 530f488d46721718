//! Runs the geoparser alone over an eval JSONL file (stdin) and prints toponym predictions
//! in the eval format (stdout), for scoring against gold with `score.py --tasks toponyms`.
//!
//! `--baseline` resolves each name to its most populous entry (the floor the context
//! resolver must clear); `--entities` feeds the rule entity recognizer's mentions in, as
//! the pipeline does. Prints the gazetteer load time and the geoparsing time to stderr.

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

use claimgraph_extract::entities::RuleEntities;
use claimgraph_extract::{EntityRecognizer, Input, PlaceResolver};
use claimgraph_geo::Geoparser;
use serde_json::{Value, json};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let baseline = args.iter().any(|a| a == "--baseline");
    let use_entities = args.iter().any(|a| a == "--entities");
    let t0 = Instant::now();
    let mut geo = Geoparser::try_new().unwrap();
    eprintln!("gazetteer: {} places loaded in {:?}", geo.gazetteer().len(), t0.elapsed());
    if baseline {
        geo = geo.population_only();
    }
    let entities = RuleEntities::new();
    let mut geo_time = Duration::ZERO;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let doc: Value = serde_json::from_str(&line.unwrap()).unwrap();
        let text = doc["text"].as_str().unwrap_or_default();
        let tokens = claimgraph_text::tokenize(text);
        let sentences = claimgraph_text::split_sentences(text, &tokens);
        let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
        let mentions = if use_entities { entities.find(&input, &[]) } else { Vec::new() };
        let t = Instant::now();
        let toponyms = geo.find(&input, &mentions, &[]);
        geo_time += t.elapsed();
        let chars = |byte: usize| text[..byte].chars().count();
        let tops: Vec<Value> = toponyms
            .iter()
            .map(|t| {
                json!({"start": chars(t.span.start), "end": chars(t.span.end), "name": t.name,
                       "lat": t.lat, "lon": t.lon, "geonames_id": t.geonames_id,
                       "precision": t.precision.code(), "reason": t.reason})
            })
            .collect();
        writeln!(out, "{}", json!({"id": doc["id"], "toponyms": tops})).unwrap();
    }
    eprintln!("geoparsing: {geo_time:?}");
}
