//! Integration tests of the whole analysis. One binary (links once), one module per concern.

mod bad_input;
mod claims;
mod properties;
mod render;
mod snapshots;

/// Built once: building the stages compiles the rule resources, which is slow in debug.
static PIPELINE: std::sync::LazyLock<claimgraph_pipeline::Pipeline> =
    std::sync::LazyLock::new(claimgraph_pipeline::Pipeline::new);
