//! One integration-test binary for the extract crate (one binary links faster than one per
//! file). Each module tests one stage through its own `check` helper.

mod aliases;
mod attributions;
mod entities;
mod quantities;
mod timexes;
