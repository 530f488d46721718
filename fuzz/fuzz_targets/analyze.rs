//! Fuzzes the whole analysis: any bytes, decoded lossily as the CLI does, must analyze
//! without panicking, and every span must lie on character boundaries of the text.

#![no_main]

use std::sync::OnceLock;

use claimgraph_model::Document;
use claimgraph_pipeline::Pipeline;
use libfuzzer_sys::fuzz_target;

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let pipeline = PIPELINE.get_or_init(Pipeline::new);
    let text = String::from_utf8_lossy(data).into_owned();
    // The first byte picks whether a document date is known, to reach both date paths.
    let date = if data.first().is_some_and(|b| b & 1 == 1) {
        chrono::NaiveDate::from_ymd_opt(2017, 2, 20)
    } else {
        None
    };
    let document = Document { id: "fuzz".to_string(), text, date, publisher: None };
    let analysis = pipeline.analyze(&document);
    let text = document.text.as_str();
    let ok = |span: claimgraph_model::Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    assert!(analysis.tokens.iter().all(|t| ok(t.span)));
    assert!(analysis.sentences.iter().all(|s| ok(s.span)));
    assert!(analysis.mentions.iter().all(|m| ok(m.span)));
    assert!(analysis.timexes.iter().all(|t| ok(t.span)));
    assert!(analysis.quantities.iter().all(|q| ok(q.span)));
});
