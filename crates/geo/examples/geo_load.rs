//! Times parsing the embedded gazetteer (the cost of the first `Geoparser::new()`).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

fn main() {
    let data = include_bytes!("../data/gazetteer.tsv");
    for _ in 0..5 {
        let t = Instant::now();
        let g = claimgraph_geo::Gazetteer::parse(data, "embedded").unwrap();
        println!("{} places in {:?}", g.len(), t.elapsed());
    }
}
