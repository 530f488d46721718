//! Reading documents: the reader lives in `claimgraph-app` (shared with ingest and the
//! server); this module maps the command line's input format onto it.

use std::path::PathBuf;

pub use claimgraph_app::input::{InputDocument, InputItem, ReadSettings};

use crate::args::InputFormat;

impl From<InputFormat> for claimgraph_app::input::InputFormat {
    fn from(format: InputFormat) -> claimgraph_app::input::InputFormat {
        match format {
            InputFormat::Auto => claimgraph_app::input::InputFormat::Auto,
            InputFormat::Text => claimgraph_app::input::InputFormat::Text,
            InputFormat::Jsonl => claimgraph_app::input::InputFormat::Jsonl,
        }
    }
}

/// Reads every input in order and hands each document (or error) to `sink`; see
/// `claimgraph_app::input::read_all`.
pub fn read_all(
    paths: &[PathBuf],
    settings: &ReadSettings,
    sink: &mut dyn FnMut(InputItem) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    claimgraph_app::input::read_all(paths, settings, sink)
}
