//! Integration tests of the whole analysis. One binary (links once), one module per concern.

mod bad_input;
mod properties;
mod render;
mod snapshots;
