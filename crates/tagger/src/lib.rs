//! A statistical entity tagger trained by the project, and the recognizer built on it.
//!
//! The tagger is an averaged structured perceptron over BIO tags ([`perceptron`]) with
//! features chosen to carry to names and domains the training data never showed
//! ([`features`]): word shape, affixes, casing and position, context words, the rule
//! recognizer's gazetteer hits and lexicon flags, word clusters learned from unlabeled
//! news, document-level casing, and the rule recognizer's own decisions (stacking). The
//! model file ([`model`]) records its training data, their hashes and the feature set;
//! the default model is compiled into the binary from `crates/tagger/model/`.
//!
//! [`TaggerEntities`] runs the rules, then the tagger on top of them, then makes labels
//! consistent across the document ([`combine`]).

pub mod combine;
pub mod data;
pub mod features;
pub mod model;
pub mod perceptron;
pub mod train;

use std::path::{Path, PathBuf};

use claimgraph_extract::entities::RuleEntities;
use claimgraph_extract::{EntityRecognizer, Input};
use claimgraph_model::{Mention, Timex};

pub use data::TrainData;
pub use features::{Clusters, FEATURE_SET};
pub use model::{Meta, Model, Tagged};
pub use train::{TrainConfig, Unlabeled, train};

/// The shipped model, compiled in.
const DEFAULT_MODEL: &[u8] = include_bytes!("../model/entities.cgt");
/// Where the shipped model lives in the repository (named in errors).
pub const DEFAULT_MODEL_PATH: &str = "crates/tagger/model/entities.cgt";
/// The shipped word clusters (`scripts/tagger/clusters.py`), the default for training.
pub const DEFAULT_CLUSTERS: &str = include_str!("../data/clusters.tsv");

/// Why a model or training data could not be used. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: not a claimgraph tagger model (wrong magic bytes)", path.display())]
    NotAModel { path: PathBuf },
    #[error("{}: model format version {found}, this build reads version {expected}", path.display())]
    Version { path: PathBuf, found: u32, expected: u32 },
    #[error("{}: truncated model file ({detail})", path.display())]
    Truncated { path: PathBuf, detail: String },
    #[error("{}: corrupted model file ({detail})", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("{file}:{line}: {detail}")]
    Data { file: String, line: usize, detail: String },
    #[error("word clusters: {0}")]
    Clusters(String),
    #[error("no training sentences in the given data")]
    NoData,
}

/// The shipped model.
pub fn default_model() -> Result<Model, Error> {
    Model::from_bytes(DEFAULT_MODEL, Path::new(DEFAULT_MODEL_PATH))
}

/// The default entity recognizer: the rules, the shipped tagger stacked on them, and
/// document-level consistency.
pub fn default_recognizer() -> Result<Box<dyn EntityRecognizer>, Error> {
    Ok(Box::new(TaggerEntities::new(default_model()?)))
}

/// Rules, then the tagger over the rules' decisions, then document consistency.
#[derive(Debug)]
pub struct TaggerEntities {
    model: Model,
    rules: RuleEntities,
    pub policy: combine::Policy,
}

impl TaggerEntities {
    pub fn new(model: Model) -> TaggerEntities {
        TaggerEntities { model, rules: RuleEntities::new(), policy: combine::Policy::default() }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }
}

impl EntityRecognizer for TaggerEntities {
    fn find(&self, input: &Input<'_>, timexes: &[Timex]) -> Vec<Mention> {
        let rules = self.rules.find(input, timexes);
        let tagged = self.model.tag(self.rules.lexicon(), input, timexes, &rules);
        combine::combine(input, self.rules.lexicon(), &self.policy, &rules, &tagged)
    }
}
