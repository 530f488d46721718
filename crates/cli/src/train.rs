//! `claimgraph train entities`: train the statistical entity tagger on gold JSONL files.
//!
//! Training is reproducible: the same files, seed and settings give the same model file
//! byte for byte (apart from the recorded training time), and the model records the file
//! names, their FNV-1a hashes, the feature set and the settings.

use std::path::PathBuf;

use anyhow::Context;
use claimgraph_tagger::{TrainConfig, TrainData, Unlabeled};

use crate::Outcome;

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// What to train (only `entities` today).
    #[arg(value_parser = ["entities"])]
    pub what: String,
    /// Gold files in the eval format (JSON Lines with `text` and `entities`).
    #[arg(long = "data", required = true, num_args = 1..)]
    pub data: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 5)]
    pub epochs: usize,
    /// Seed of the sentence shuffles.
    #[arg(long, default_value_t = 20_240_611)]
    pub seed: u64,
    /// Drop features seen fewer times than this.
    #[arg(long, default_value_t = 2)]
    pub min_count: u32,
    /// Word clusters (TSV from scripts/tagger/clusters.py); default: the shipped ones.
    #[arg(long)]
    pub clusters: Option<PathBuf>,
    /// Gold-O tokens inside a rule mention are left unlabeled: `misc` (rule MISC only),
    /// `all`, or `none`.
    #[arg(long, default_value = "all", value_parser = ["none", "misc", "all"])]
    pub unlabeled: String,
    /// Worker threads for feature extraction (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

pub fn run(args: TrainArgs) -> anyhow::Result<Outcome> {
    let mut config = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        min_count: args.min_count,
        unlabeled: match args.unlabeled.as_str() {
            "none" => Unlabeled::None,
            "misc" => Unlabeled::Misc,
            _ => Unlabeled::All,
        },
        ..TrainConfig::default()
    };
    if let Some(threads) = args.threads {
        config.threads = threads.max(1);
    }
    if let Some(path) = &args.clusters {
        config.clusters = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read clusters {}", path.display()))?;
    }
    let data: Vec<TrainData> =
        args.data.iter().map(|path| TrainData::load(path)).collect::<Result<_, _>>()?;
    let model = claimgraph_tagger::train(&config, &data)?;
    model.save(&args.out)?;
    let size = std::fs::metadata(&args.out).map_or(0, |m| m.len());
    eprintln!(
        "claimgraph: trained on {} candidate segments ({} tokens) in {:.1}s: {} features, {} written ({:.1} MB)",
        model.meta.n_segments,
        model.meta.n_tokens,
        model.meta.train_seconds,
        model.n_features(),
        args.out.display(),
        size as f64 / 1e6
    );
    Ok(Outcome::default())
}
