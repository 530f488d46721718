//! Tests of the attribution stage.
