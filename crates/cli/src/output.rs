//! The three output formats of `claimgraph extract`.

pub mod eval;
pub mod json;
pub mod text;
