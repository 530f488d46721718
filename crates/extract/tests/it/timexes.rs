//! Tests of the timexes stage.
