//! Tests of the export library's pure parts: the Admiralty-to-STIX confidence mapping,
//! TLP levels, pseudonyms and name replacement. End-to-end tests over a real store are
//! in crates/cli/tests/it/export.rs.

use claimgraph_export::redact::{Redactor, pseudonym};
use claimgraph_export::stix::{confidence, credibility_of_confidence, stix_id, tlp_marking};
use claimgraph_export::{Tlp, timestamp};
use claimgraph_store::{EntityRecord, EntityRef};

fn person(id: i64, name: &str, names: &[&str], n_documents: usize) -> EntityRecord {
    EntityRecord {
        entity: EntityRef { id, name: name.to_string(), label: "PER".to_string() },
        names: names.iter().map(|name| name.to_string()).collect(),
        n_mentions: n_documents,
        n_documents,
        first_ingested_at: 0,
        public_mark: None,
    }
}

#[test]
fn admiralty_credibility_maps_to_the_appendix_a_confidence_and_back() {
    let expected =
        [(1, Some(90)), (2, Some(70)), (3, Some(50)), (4, Some(30)), (5, Some(10)), (6, None)];
    for (grade, value) in expected {
        assert_eq!(confidence(grade), value, "credibility {grade}");
        if let Some(value) = value {
            assert_eq!(credibility_of_confidence(u64::from(value)), grade);
        }
    }
    assert_eq!(credibility_of_confidence(100), 1);
    assert_eq!(credibility_of_confidence(0), 5);
}

#[test]
fn tlp_levels_parse_and_use_the_official_marking_definitions() {
    assert_eq!(Tlp::parse("amber+strict"), Some(Tlp::AmberStrict));
    assert_eq!(Tlp::parse("TLP:RED"), Some(Tlp::Red));
    assert_eq!(Tlp::parse("white"), None, "TLP 2.0 has no white");
    let marking = tlp_marking(Tlp::Clear);
    assert_eq!(marking["id"], "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    assert_eq!(marking["name"], "TLP:CLEAR");
    let amber = tlp_marking(Tlp::AmberStrict);
    assert_eq!(amber["name"], "TLP:AMBER+STRICT");
    assert_eq!(
        amber["extensions"]["extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"]["tlp_2_0"],
        "amber+strict"
    );
}

#[test]
fn ids_and_timestamps_are_stable() {
    assert_eq!(stix_id("note", "k"), stix_id("note", "k"));
    assert_ne!(stix_id("note", "k"), stix_id("note", "l"));
    assert!(stix_id("report", "k").starts_with("report--"));
    assert_eq!(timestamp(1_700_000_000), "2023-11-14T22:13:20.000Z");
}

#[test]
fn private_names_become_pseudonyms_as_whole_words_only() {
    let mut redactor = Redactor::new();
    redactor.add(&person(1, "Jane Roe", &["Jane Roe", "Roe"], 1));
    redactor.add(&person(2, "John Public", &["John Public"], 5));
    let redactor = redactor.finish();
    assert_eq!(redactor.n_private(), 1, "a person in five documents is public by default");
    let alias = pseudonym("Jane Roe");
    assert!(alias.starts_with("Person-") && alias.len() == "Person-".len() + 6, "{alias}");
    assert_eq!(alias, pseudonym("jane  roe"), "from the normalized name");
    let text = "Jane Roe met John Public. ROE said Roe's team left Roeville.";
    assert_eq!(
        redactor.text(text),
        format!("{alias} met John Public. {alias} said {alias}'s team left Roeville.")
    );
}

#[test]
fn a_mark_overrides_the_default_rule() {
    let mut marked_private = person(1, "John Public", &[], 9);
    marked_private.public_mark = Some(false);
    let mut marked_public = person(2, "Jane Roe", &[], 1);
    marked_public.public_mark = Some(true);
    assert!(!marked_private.is_public());
    assert!(marked_public.is_public());
}

/// A claim with every kind of fact, and non-ASCII text before its spans.
fn full_claim() -> claimgraph_store::ClaimRecord {
    use claimgraph_model::{Span, Stance};
    use claimgraph_store::{
        Assessment, ClaimConflict, ClaimOrigin, ClaimRecord, DateFact, Difference, DocumentSummary,
        OriginKind, PlaceFact, QuantityFact, Reliability, Report, SourceRating, SourceRef,
    };
    let entity = EntityRef { id: 7, name: "Jane Roe".to_string(), label: "PER".to_string() };
    ClaimRecord {
        id: 3,
        document: DocumentSummary {
            id: 1,
            hash: "ab".repeat(32),
            external_id: "doc-1".to_string(),
            origin: "doc-1.txt".to_string(),
            title: None,
            url: None,
            author: None,
            publisher: Some("Example Wire".to_string()),
            date: None,
            extractor_version: "test".to_string(),
            ingested_at: 1_700_000_000,
        },
        span: Span::new(12, 40),
        content: "forty vehicles \"left\" Mosul".to_string(),
        source: Some(SourceRef {
            name: "Jane Roe".to_string(),
            entity: Some(entity.clone()),
            span: Some(Span::new(3, 11)),
        }),
        form: Some("indirect".to_string()),
        cue: Some("said".to_string()),
        cue_span: Some(Span::new(12, 16)),
        relays: vec![SourceRef { name: "the Post".to_string(), entity: None, span: None }],
        about: vec![entity.clone()],
        has_subject: true,
        dates: vec![DateFact {
            text: "2017".to_string(),
            value: Some("2017".to_string()),
            end_value: None,
            span: Span::new(20, 24),
        }],
        quantities: vec![QuantityFact {
            text: "forty".to_string(),
            kind: "count".to_string(),
            value: Some(40.0),
            min: None,
            max: Some(45.5),
            unit: Some("vehicles".to_string()),
            span: Span::new(12, 17),
        }],
        places: vec![PlaceFact {
            text: "Mosul".to_string(),
            name: "Mosul".to_string(),
            geonames_id: Some(99072),
            lat: Some(36.335),
            lon: Some(43.119),
            precision: 1,
            span: Span::new(35, 40),
        }],
        hedges: vec!["reportedly".to_string()],
        negated: false,
        stance: Stance::Denies,
        assessment: Assessment {
            cluster: 3,
            origins: vec![ClaimOrigin {
                kind: OriginKind::Source,
                name: "Jane Roe".to_string(),
                entity: Some(entity),
                reports: vec![Report {
                    claim_id: 3,
                    document_id: 1,
                    document_external_id: "doc-1".to_string(),
                    relayed_by: vec!["the Post".to_string()],
                    copy_of: Some((2, "doc-0".to_string())),
                }],
                why: "said by Jane Roe".to_string(),
            }],
            conflicts: vec![ClaimConflict {
                claim_id: 9,
                document_external_id: "doc-2".to_string(),
                content: "52 vehicles".to_string(),
                origin: "Example Post".to_string(),
                differences: vec![Difference { kind: "figures", detail: "40 vs 52".to_string() }],
            }],
            n_against: 1,
            reliability: Some(SourceRating {
                name: "Jane Roe".to_string(),
                reliability: Reliability::parse("B").unwrap_or_else(|| panic!("B is a grade")),
                by: "analyst".to_string(),
                at: 1_700_000_100,
            }),
            credibility: 4,
            credibility_reason: "contradicted".to_string(),
        },
        marks: vec![claimgraph_store::ClaimMark {
            id: 1,
            claim_id: 3,
            status: claimgraph_store::ClaimStatus::Retracted,
            by: "analyst".to_string(),
            at: 1_700_000_200,
            note: Some("the paper corrected it".to_string()),
        }],
    }
}

#[test]
fn the_streaming_claim_serializer_writes_the_same_json_as_the_value_one() {
    let claim = full_claim();
    let text = "Né Jane Roe said forty vehicles \"left\" Mosul in 2017.";
    let offsets = claimgraph_export::CharOffsets::new(text);
    let reference = claimgraph_export::wire::claim_json(&claim, &offsets);
    let fast = claimgraph_export::wire::ClaimWire { claim: &claim, offsets: &offsets };
    let fast_text = serde_json::to_string(&fast).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(fast_text, reference.to_string(), "the same bytes, keys in the same order");
    assert_eq!(reference["span"]["char_start"], 11, "code point offsets after a non-ASCII letter");
}
