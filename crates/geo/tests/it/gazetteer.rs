//! The embedded gazetteer loads, answers look-ups, and damaged data fails with a clear error.

use claimgraph_geo::{Gazetteer, Geoparser, Level};

#[test]
fn embedded_gazetteer_loads_with_every_level() {
    let geo = Geoparser::try_new().expect("embedded gazetteer parses");
    let gaz = geo.gazetteer();
    assert!(gaz.len() > 40_000, "only {} places", gaz.len());
    let levels = |name: &str| gaz.find(name).iter().map(|p| p.level).collect::<Vec<_>>();
    assert!(levels("Africa").contains(&Level::Continent));
    assert!(levels("Iran").contains(&Level::Country));
    assert!(levels("Kentucky").contains(&Level::Region));
    assert!(levels("Laurel County").contains(&Level::County));
    assert!(levels("Karaj").contains(&Level::City));
}

#[test]
fn lookup_by_alternate_name_and_case_and_periods() {
    let geo = Geoparser::new();
    let gaz = geo.gazetteer();
    for name in ["U.S.", "US", "United States of America", "united states"] {
        assert!(
            gaz.find(name).iter().any(|p| p.geonames_id == Some(6_252_001)),
            "{name} does not find the United States"
        );
    }
    // An alternate spelling of a large city.
    assert!(gaz.find("Peking").iter().any(|p| p.name == "Beijing"));
}

#[test]
fn country_points_are_geonames_points() {
    let geo = Geoparser::new();
    let us = geo.gazetteer().find("United States");
    let us = us.iter().find(|p| p.level == Level::Country).expect("United States");
    assert!((us.lat - 39.76).abs() < 0.01 && (us.lon + 98.5).abs() < 0.01);
}

const HEADER: &str = "#claimgraph-geo gazetteer\t1\t1\n";

#[test]
fn a_minimal_file_parses() {
    let data = format!("{HEADER}P\t1\t35.0\t51.0\t100\tIR\t26\t\tTestville\tTestburg\t\t\n");
    let gaz = Gazetteer::parse(data.as_bytes(), "test.tsv").expect("parses");
    assert_eq!(gaz.len(), 1);
    assert_eq!(gaz.find("Testburg")[0].name, "Testville");
}

#[test]
fn a_wrong_header_names_the_file() {
    let err = Gazetteer::parse(b"name\tlat\n", "broken.tsv").expect_err("no header");
    assert_eq!(err.line, 1);
    assert!(err.to_string().contains("broken.tsv"), "{err}");
}

#[test]
fn a_newer_format_version_is_refused() {
    let err = Gazetteer::parse(b"#claimgraph-geo gazetteer\t99\t0\n", "new.tsv").expect_err("v99");
    assert!(err.to_string().contains("version 99"), "{err}");
}

#[test]
fn a_damaged_row_names_the_file_and_line() {
    let data = format!("{HEADER}P\t1\tnorth\t51.0\t100\tIR\t26\t\tTestville\t\t\t\n");
    let err = Gazetteer::parse(data.as_bytes(), "damaged.tsv").expect_err("bad latitude");
    assert_eq!(err.line, 2);
    let message = err.to_string();
    assert!(message.contains("damaged.tsv") && message.contains("latitude"), "{message}");
}

#[test]
fn a_row_with_missing_fields_is_refused() {
    let data = format!("{HEADER}P\t1\t35.0\n");
    let err = Gazetteer::parse(data.as_bytes(), "short.tsv").expect_err("missing fields");
    assert!(err.message.contains("12 tab-separated fields"), "{err}");
}

#[test]
fn a_truncated_file_is_refused() {
    let data =
        "#claimgraph-geo gazetteer\t1\t5\nP\t1\t35.0\t51.0\t100\tIR\t26\t\tTestville\t\t\t\n";
    let err = Gazetteer::parse(data.as_bytes(), "cut.tsv").expect_err("truncated");
    assert!(err.message.contains("truncated"), "{err}");
}

#[test]
fn invalid_utf8_is_refused() {
    let err = Gazetteer::parse(&[0xff, 0xfe, 0x00], "binary.tsv").expect_err("not UTF-8");
    assert!(err.message.contains("UTF-8"), "{err}");
}

#[test]
fn an_empty_gazetteer_finds_nothing_and_does_not_panic() {
    use claimgraph_extract::{Input, PlaceResolver};
    let geo = Geoparser::with_gazetteer(Gazetteer::default());
    let text = "Fighting continued in Aleppo.";
    let tokens = claimgraph_text::tokenize(text);
    let sentences = claimgraph_text::split_sentences(text, &tokens);
    let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
    assert!(geo.find(&input, &[], &[]).is_empty());
}

#[test]
fn names_without_diacritics_parts_of_continents_and_long_country_names() {
    let geo = Geoparser::new();
    let gaz = geo.gazetteer();
    // GeoNames writes "Tamil Nādu"; English text does not.
    assert!(gaz.find("Tamil Nadu").iter().any(|p| p.level == Level::Region));
    for name in ["West Africa", "Northern Europe", "Eastern Mediterranean", "Soviet Union"] {
        assert!(gaz.find(name).iter().any(|p| p.level == Level::Area), "{name}");
    }
    let drc = gaz.find("Democratic Republic of Congo");
    assert!(drc.iter().any(|p| p.country.as_ref() == "CD" && p.level == Level::Country));
}
