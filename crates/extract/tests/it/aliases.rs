//! Tests of the aliases stage.
