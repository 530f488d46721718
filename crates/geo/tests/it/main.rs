//! Integration tests of the geoparser.
