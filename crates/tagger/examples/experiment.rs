//! Train-and-predict loop for tuning the tagger: trains on `--train` files (or loads
//! `--model`), optionally saves the model (`--out`), and writes eval-format predictions
//! for each `--predict GOLD.jsonl` to `PREFIX.<name>.jsonl` (`--prefix`, default
//! `/tmp/tagger`), to be scored with `../shared/peers/score.py`. `--rules` predicts with
//! the rules alone, for comparison. `--speed FILE.jsonl` measures the tagger's own cost
//! on the documents of FILE (e.g. `../shared/corpus/news.reuters21578.jsonl`): the CPU
//! time of rules + tagger minus that of the rules alone, over the same prepared inputs.

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
    let mut speed = Vec::new();
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
            "--speed" => speed.push(PathBuf::from(args.next().unwrap_or_default())),
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
                    "trained in {:.1}s: {} features, {} segments",
                    started.elapsed().as_secs_f64(),
                    model.n_features(),
                    model.meta.n_segments
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
    for file in &speed {
        measure_speed(recognizer.as_ref(), file)?;
    }
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

/// Prints the throughput of the rules alone and of `recognizer` over the documents of
/// `file`, tokens, sentences and timexes prepared beforehand, in CPU time of this thread.
fn measure_speed(
    recognizer: &dyn EntityRecognizer,
    file: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let data = TrainData::load(file)?;
    let prepared: Vec<_> = data
        .docs
        .iter()
        .map(|doc| {
            let text = doc.text.as_str();
            let tokens = claimgraph_text::tokenize(text);
            let sentences = claimgraph_text::split_sentences(text, &tokens);
            let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
            let timexes = RuleTimexes::new().find(&input, &mut Vec::new());
            (text, tokens, sentences, timexes)
        })
        .collect();
    let n_bytes: usize = prepared.iter().map(|p| p.0.len()).sum();
    let rules = RuleEntities::new();
    let run = |r: &dyn EntityRecognizer| -> f64 {
        let started = thread_cpu_seconds();
        let mut n = 0;
        for (text, tokens, sentences, timexes) in &prepared {
            let input = Input { text, tokens, sentences, doc_date: None };
            n += r.find(&input, timexes).len();
        }
        std::hint::black_box(n);
        thread_cpu_seconds() - started
    };
    // Warm up, then take the best of three of each.
    run(&rules);
    run(recognizer);
    let best = |r: &dyn EntityRecognizer| (0..3).map(|_| run(r)).fold(f64::INFINITY, f64::min);
    let (t_rules, t_all) = (best(&rules), best(recognizer));
    let mb = n_bytes as f64 / 1e6;
    eprintln!(
        "{}: {mb:.1} MB; rules {:.1} MB/s, rules + tagger {:.1} MB/s, tagger's own work {:.1} MB/s",
        file.display(),
        mb / t_rules,
        mb / t_all,
        mb / (t_all - t_rules).max(1e-9)
    );
    Ok(())
}

/// CPU time of this thread (Linux scheduler statistics), unaffected by other processes
/// holding the cores.
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}
