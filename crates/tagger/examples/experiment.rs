//! Train-and-predict loop for tuning the tagger: trains on `--train` files (or loads
//! `--model`), optionally saves the model (`--out`), and writes eval-format predictions
//! for each `--predict GOLD.jsonl` to `PREFIX.<name>.jsonl` (`--prefix`, default
//! `/tmp/tagger`), to be scored with `../shared/peers/score.py`. `--rules` predicts with
//! the rules alone, for comparison.

#![allow(clippy::print_stderr)]

use std::io::Write;
use std::path::{Path, PathBuf};

use claimgraph_extract::aliases::RuleAliases;
use claimgraph_extract::entities::RuleEntities;
use claimgraph_extract::timexes::RuleTimexes;
use claimgraph_extract::{AliasResolver, EntityRecognizer, Input, TimexRecognizer};
use claimgraph_tagger::{Model, TaggerEntities, TrainConfig, TrainData};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut train_files = Vec::new();
    let mut predict = Vec::new();
    let (mut model_path, mut out, mut prefix) = (None, None, String::from("/tmp/tagger"));
    let mut rules_only = false;
    let mut config = TrainConfig::default();
    let mut policy = claimgraph_tagger::combine::Policy::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--train" => train_files.push(PathBuf::from(args.next().unwrap_or_default())),
            "--predict" => predict.push(PathBuf::from(args.next().unwrap_or_default())),
            "--model" => model_path = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from),
            "--prefix" => prefix = args.next().unwrap_or_default(),
            "--epochs" => config.epochs = args.next().unwrap_or_default().parse()?,
            "--min-count" => config.min_count = args.next().unwrap_or_default().parse()?,
            "--rules" => rules_only = true,
            "--add" => policy.add = args.next().unwrap_or_default().parse()?,
            "--relabel" => policy.relabel = args.next().unwrap_or_default().parse()?,
            "--drop" => policy.drop = args.next().unwrap_or_default().parse()?,
            "--no-consistency" => policy.consistency = false,
            "--unlabeled" => {
                config.unlabeled = match args.next().unwrap_or_default().as_str() {
                    "none" => claimgraph_tagger::Unlabeled::None,
                    "all" => claimgraph_tagger::Unlabeled::All,
                    _ => claimgraph_tagger::Unlabeled::Misc,
                }
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let recognizer: Box<dyn EntityRecognizer> = if rules_only {
        Box::new(RuleEntities::new())
    } else {
        let model = match model_path {
            Some(path) => {
                let started = std::time::Instant::now();
                let model = Model::load(&path)?;
                eprintln!("loaded in {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
                model
            }
            None => {
                let data: Vec<TrainData> =
                    train_files.iter().map(|p| TrainData::load(p)).collect::<Result<_, _>>()?;
                let started = std::time::Instant::now();
                let model = claimgraph_tagger::train(&config, &data)?;
                eprintln!(
                    "trained in {:.1}s: {} features, {} sentences",
                    started.elapsed().as_secs_f64(),
                    model.n_features(),
                    model.meta.n_sentences
                );
                model
            }
        };
        if let Some(out) = &out {
            model.save(out)?;
            eprintln!("saved {} ({} bytes)", out.display(), std::fs::metadata(out)?.len());
        }
        let mut tagger = TaggerEntities::new(model);
        tagger.policy = policy;
        Box::new(tagger)
    };
    for gold in &predict {
        let name = Path::new(gold).file_name().and_then(|n| n.to_str()).unwrap_or("x");
        let name = name.split('.').next().unwrap_or(name);
        let path = format!("{prefix}.{name}.jsonl");
        let data = TrainData::load(gold)?;
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        let started = std::time::Instant::now();
        let mut n_bytes = 0;
        for doc in &data.docs {
            let text = doc.text.as_str();
            n_bytes += text.len();
            let tokens = claimgraph_text::tokenize(text);
            let sentences = claimgraph_text::split_sentences(text, &tokens);
            let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
            let timexes = RuleTimexes::new().find(&input, &mut Vec::new());
            let mut mentions = recognizer.find(&input, &timexes);
            // As in the pipeline: aliases may add mentions (acronyms defined in the text).
            RuleAliases::new().resolve(&input, &mut mentions);
            let cp = |b: usize| text[..b].chars().count();
            let entities: Vec<serde_json::Value> = mentions
                .iter()
                .map(|m| {
                    serde_json::json!({"start": cp(m.span.start), "end": cp(m.span.end),
                        "label": m.label.as_str()})
                })
                .collect();
            writeln!(file, "{}", serde_json::json!({"id": doc.id, "entities": entities}))?;
        }
        let secs = started.elapsed().as_secs_f64();
        eprintln!("{path}: {:.2} MB/s (with tokens, timexes)", n_bytes as f64 / secs / 1e6);
    }
    Ok(())
}
