//! End-to-end tests of the `claimgraph` binary: real files, real processes.

mod assess;
mod export;
mod extract;
mod ingest;
mod quality;
