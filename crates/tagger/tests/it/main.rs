//! One integration-test binary for the tagger: training learns a tiny corpus, models
//! round-trip through their file format, damaged files give errors that name the file,
//! and the shipped model loads. The corpora are written here, by hand.

use std::path::{Path, PathBuf};

use claimgraph_extract::timexes::RuleTimexes;
use claimgraph_extract::{EntityRecognizer, Input, TimexRecognizer};
use claimgraph_tagger::{Error, Model, Tagged, TaggerEntities, TrainConfig, TrainData, Unlabeled};

/// A made-up corpus: names the rule lexicons do not all know, in news-like sentences.
const TINY: &str = r#"{"id": "t1", "text": "Zorvan Keltish met Amira Dostal in Velkaria on Monday.", "entities": [{"start": 0, "end": 14, "label": "PER"}, {"start": 19, "end": 31, "label": "PER"}, {"start": 35, "end": 43, "label": "LOC"}]}
{"id": "t2", "text": "The Quorvex Alliance said Zorvan Keltish would visit Velkaria.", "entities": [{"start": 4, "end": 20, "label": "ORG"}, {"start": 26, "end": 40, "label": "PER"}, {"start": 53, "end": 61, "label": "LOC"}]}
{"id": "t3", "text": "Amira Dostal leads the Quorvex Alliance, which is based in Velkaria.", "entities": [{"start": 0, "end": 12, "label": "PER"}, {"start": 23, "end": 39, "label": "ORG"}, {"start": 59, "end": 67, "label": "LOC"}]}
{"id": "t4", "text": "Officials in Velkaria praised the Quorvex Alliance.", "entities": [{"start": 13, "end": 21, "label": "LOC"}, {"start": 34, "end": 50, "label": "ORG"}]}
"#;

fn tiny_config() -> TrainConfig {
    TrainConfig {
        epochs: 8,
        min_count: 1,
        threads: 1,
        unlabeled: Unlabeled::None,
        ..TrainConfig::default()
    }
}

fn tiny_model() -> Model {
    let data = TrainData::parse("tiny.jsonl", TINY.as_bytes()).expect("tiny corpus parses");
    claimgraph_tagger::train(&tiny_config(), &[data]).expect("training succeeds")
}

/// `(text, label)` of every mention the recognizer finds in `text`.
fn tag(recognizer: &dyn EntityRecognizer, text: &str) -> Vec<(String, &'static str)> {
    let tokens = claimgraph_text::tokenize(text);
    let sentences = claimgraph_text::split_sentences(text, &tokens);
    let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
    let timexes = RuleTimexes::new().find(&input, &mut Vec::new());
    recognizer
        .find(&input, &timexes)
        .iter()
        .map(|m| (m.span.slice(text).to_string(), m.label.as_str()))
        .collect()
}

fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-tagger-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn training_on_a_tiny_corpus_learns_it() {
    let data = TrainData::parse("tiny.jsonl", TINY.as_bytes()).expect("parses");
    let model =
        claimgraph_tagger::train(&tiny_config(), std::slice::from_ref(&data)).expect("trains");
    let mut tagger = TaggerEntities::new(model);
    // The tagger alone decides, so that the test measures what it learned.
    tagger.policy.add = f32::NEG_INFINITY;
    tagger.policy.relabel = f32::NEG_INFINITY;
    tagger.policy.drop = f32::NEG_INFINITY;
    for doc in &data.docs {
        let got = tag(&tagger, &doc.text);
        let want: Vec<(String, &str)> = doc
            .entities
            .iter()
            .map(|&(s, e, label)| (doc.text[s..e].to_string(), label.as_str()))
            .collect();
        assert_eq!(got, want, "tags of {:?}", doc.text);
    }
}

#[test]
fn training_is_reproducible_and_records_its_data() {
    let a = tiny_model();
    let b = tiny_model();
    let (mut ma, mut mb) = (a.meta.clone(), b.meta.clone());
    ma.train_seconds = 0.0;
    mb.train_seconds = 0.0;
    assert_eq!(ma, mb);
    assert_eq!(a.meta.data.len(), 1);
    assert_eq!(a.meta.data[0].file, "tiny.jsonl");
    assert_eq!(a.meta.data[0].entities, 11);
    assert_eq!(a.meta.feature_set, claimgraph_tagger::FEATURE_SET);
    let (mut a, mut b) = (a, b);
    a.meta.train_seconds = 0.0;
    b.meta.train_seconds = 0.0;
    assert_eq!(a.to_bytes(), b.to_bytes(), "same data and seed, same model file");
}

#[test]
fn a_saved_model_round_trips() {
    let model = tiny_model();
    let path = temp_path("roundtrip.cgt");
    model.save(&path).expect("saves");
    let loaded = Model::load(&path).expect("loads");
    assert_eq!(loaded.meta, model.meta);
    assert_eq!(loaded.n_features(), model.n_features());
    assert_eq!(loaded.to_bytes(), model.to_bytes(), "load then save gives the same bytes");
    let text = "Zorvan Keltish and the Quorvex Alliance went to Velkaria.";
    assert_eq!(tag(&TaggerEntities::new(loaded), text), tag(&TaggerEntities::new(model), text));
}

fn load_error(bytes: &[u8], name: &str) -> Error {
    let path = temp_path(name);
    std::fs::write(&path, bytes).expect("writes");
    let error = Model::load(&path).expect_err("a damaged model must not load");
    let message = error.to_string();
    assert!(message.contains(name), "error {message:?} names the file {name}");
    error
}

#[test]
fn damaged_model_files_give_errors_naming_the_file() {
    let bytes = tiny_model().to_bytes();
    // Every truncation, at a spread of lengths, is an error (never a panic).
    let step = (bytes.len() / 97).max(1);
    for len in (0..bytes.len()).step_by(step) {
        let error = load_error(&bytes[..len], "truncated.cgt");
        assert!(
            matches!(error, Error::Truncated { .. } | Error::NotAModel { .. }),
            "truncated to {len}: {error}"
        );
    }
    // Any flipped byte in the payload is caught by the checksum.
    for pos in (40..bytes.len()).step_by(step) {
        let mut damaged = bytes.clone();
        damaged[pos] ^= 0x5a;
        let error = load_error(&damaged, "corrupt.cgt");
        assert!(matches!(error, Error::Corrupt { .. }), "flipped byte {pos}: {error}");
    }
    let mut future = bytes.clone();
    future[8] = 99;
    assert!(matches!(load_error(&future, "future.cgt"), Error::Version { found: 99, .. }));
    assert!(matches!(load_error(b"hello world", "text.cgt"), Error::NotAModel { .. }));
    let missing = Path::new("/nonexistent/claimgraph/model.cgt");
    let error = Model::load(missing).expect_err("missing file");
    assert!(error.to_string().contains("/nonexistent/claimgraph/model.cgt"), "{error}");
}

#[test]
fn bad_training_data_names_the_file_and_line() {
    let error = TrainData::parse("bad.jsonl", b"{\"text\": \"ok\"}\n{not json\n").expect_err("bad");
    assert!(error.to_string().starts_with("bad.jsonl:2:"), "{error}");
    let outside = br#"{"text": "short", "entities": [{"start": 0, "end": 50, "label": "PER"}]}"#;
    let error = TrainData::parse("outside.jsonl", outside).expect_err("outside");
    assert!(error.to_string().starts_with("outside.jsonl:1:"), "{error}");
}

#[test]
fn the_default_model_loads_and_tags() {
    let recognizer = claimgraph_tagger::default_recognizer().expect("the shipped model loads");
    let got = tag(
        recognizer.as_ref(),
        "Iranian President Hassan Rouhani met officials of the United Nations in Tehran.",
    );
    assert!(got.contains(&("Hassan Rouhani".into(), "PER")), "{got:?}");
    assert!(got.contains(&("Tehran".into(), "LOC")), "{got:?}");
}

#[test]
fn tagger_names_that_are_only_a_role_or_a_word_fragment_are_not_added() {
    use claimgraph_model::{EntityLabel, Mention, MentionSource, Span};
    use claimgraph_tagger::combine::{Policy, combine};
    use claimgraph_tagger::model::Scored;

    let text = "The Prime Minister visited the Co-op, paid US$5 and met Zorvan Keltish.";
    let tokens = claimgraph_text::tokenize(text);
    let sentences = claimgraph_text::split_sentences(text, &tokens);
    let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
    let found = |name: &str, label| {
        let start = text.find(name).expect("in text");
        let span = Span::new(start, start + name.len());
        let mention = Mention { span, label, source: MentionSource::Tagger, entity: 0 };
        Scored { mention, name: 5.0, label: 5.0 }
    };
    let tagged = Tagged {
        mentions: vec![
            found("Prime Minister", EntityLabel::Person),
            found("Co", EntityLabel::Location),
            found("US", EntityLabel::Location),
            found("Zorvan Keltish", EntityLabel::Person),
        ],
        ..Tagged::default()
    };
    let rules = claimgraph_extract::entities::RuleEntities::new();
    let got = combine(&input, rules.lexicon(), &Policy::default(), &[], &tagged);
    let got: Vec<&str> = got.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(got, ["Zorvan Keltish"]);
}
