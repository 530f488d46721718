//! The test suite every [`Store`] backend must pass (STYLE.md convention 9).
//!
//! A backend calls [`run_suite`] from its own tests with a function that makes a fresh,
//! empty store (a real database in a temporary directory). The suite checks what callers
//! rely on, not how a backend lays out its data. Analyses are built by hand here, so the
//! suite does not depend on how well the pipeline extracts; [`Fixture`] finds each span
//! by searching the text for the given strings.

// Test code: a failed expectation should panic with its message; the suite names each
// check on stderr so a failure in the shared suite says which check failed.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use chrono::NaiveDate;
use claimgraph_model::{
    AliasLink, AliasReason, Analysis, Attribution, AttributionForm, Claim, ClaimVoice, Document,
    Entity, EntityLabel, GeoPrecision, Mention, MentionSource, PlaceKind, Quantity, QuantityKind,
    Sentence, SourceResolution, Span, Stance, Timex, TimexKind, Toponym,
};

use crate::{
    ClaimQuery, ClaimRecord, ClaimStatus, ContentHash, DocumentMeta, HitKind, MergeRequest,
    NewClaimMark, NewDocument, NewRating, OriginKind, PutOutcome, Reliability, SearchQuery,
    SourceKind, SplitRequest, SplitTarget, Store, StoreError,
};

/// Runs every check on fresh stores made by `make`.
pub fn run_suite(make: impl Fn() -> Box<dyn Store>) {
    type Check = fn(&dyn Store);
    let checks: &[(&str, Check)] = &[
        ("round_trip_keeps_text_metadata_and_provenance", round_trip),
        ("the_same_text_is_stored_once", same_text_once),
        ("contains_reports_stored_texts", contains),
        ("unknown_document_and_entity_are_not_found", not_found),
        ("search_finds_documents_and_claims", search),
        ("entities_join_across_documents_through_names_and_acronyms", entities_join),
        ("short_forms_do_not_join_across_documents", short_forms_stay_local),
        ("claims_filter_by_about_by_dates_and_place", claim_filters),
        ("relayed_claims_credit_the_original_source", relays),
        ("stats_count_what_was_stored", stats),
        ("a_wire_story_and_its_edited_copies_share_one_origin", copies_share_one_origin),
        ("an_earlier_copy_ingested_later_becomes_the_original", earlier_copy_becomes_original),
        (
            "a_relayed_statement_is_credited_to_its_source_and_does_not_corroborate",
            relay_is_not_corroboration,
        ),
        (
            "independent_origins_corroborate_and_conflicting_figures_are_linked",
            corroboration_and_conflict,
        ),
        ("ratings_are_kept_with_who_and_when_and_shown_with_claims", ratings),
        ("merge_then_split_restores_the_entities", merge_then_split),
        ("a_wrong_join_is_split_off_by_document", split_by_documents),
        ("claims_are_marked_confirmed_or_retracted_with_who_and_when", claim_marks),
        ("export_pages_cover_every_record_once_in_id_order", export_pages),
        ("export_pages_of_claims_apply_the_claim_filters", export_page_filters),
        ("public_figure_marks_override_the_default_rule", public_marks),
        ("a_read_repeated_after_a_write_sees_the_write", reads_after_writes),
    ];
    for (name, check) in checks {
        let store = make();
        eprintln!("store suite: {name}");
        check(store.as_ref());
    }
}

/// A hand-made document and analysis: entities by their names in the text, claims by
/// source, content and what they mention.
#[derive(Debug, Default)]
pub struct Fixture {
    pub id: String,
    pub text: String,
    pub date: Option<NaiveDate>,
    pub publisher: Option<String>,
    pub title: Option<String>,
    /// Label and names; the first name is the full one, later ones are aliases with the
    /// reason they were linked.
    pub entities: Vec<(EntityLabel, Vec<(&'static str, AliasReason)>)>,
    pub claims: Vec<FixtureClaim>,
}

#[derive(Debug, Default)]
pub struct FixtureClaim {
    /// Entity index of the original source; `None` for the publisher's own voice.
    pub source: Option<usize>,
    /// Entity index of a relay ("W reported that X said ...").
    pub relay: Option<usize>,
    pub content: &'static str,
    /// A date inside the content and its TIMEX3 value.
    pub date: Option<(&'static str, &'static str)>,
    /// A place inside the content and its gazetteer name.
    pub place: Option<(&'static str, &'static str)>,
    /// A count inside the content.
    pub quantity: Option<(&'static str, f64)>,
    /// The cue of the original source's attribution, found after the source's mention.
    pub cue: Option<&'static str>,
}

fn find(text: &str, needle: &str, from: usize) -> Span {
    let start = text[from..].find(needle).map(|at| at + from).unwrap_or_else(|| {
        panic!("fixture: {needle:?} not in text after byte {from}");
    });
    Span::new(start, start + needle.len())
}

impl Fixture {
    pub fn new(id: &str, text: &str) -> Fixture {
        Fixture { id: id.to_string(), text: text.to_string(), ..Fixture::default() }
    }

    pub fn build(&self) -> NewDocument {
        let text = self.text.as_str();
        let mut analysis = Analysis {
            sentences: vec![Sentence {
                span: Span::new(0, text.len()),
                token_start: 0,
                token_end: 0,
            }],
            ..Analysis::default()
        };
        // A name listed twice is the next occurrence of that text.
        let mut next_from: std::collections::HashMap<&str, usize> = Default::default();
        for (entity_idx, (label, names)) in self.entities.iter().enumerate() {
            let mut mention_ids = Vec::new();
            let mut links = Vec::new();
            for (name_idx, (name, reason)) in names.iter().enumerate() {
                let mention_idx = analysis.mentions.len();
                let span = find(text, name, next_from.get(name).copied().unwrap_or(0));
                next_from.insert(name, span.end);
                analysis.mentions.push(Mention {
                    span,
                    label: *label,
                    source: MentionSource::Capitalization,
                    entity: entity_idx,
                });
                if name_idx > 0 {
                    links.push(AliasLink {
                        mention: mention_idx,
                        target: mention_ids[0],
                        reason: *reason,
                    });
                }
                mention_ids.push(mention_idx);
            }
            analysis.entities.push(Entity {
                label: *label,
                name: names[0].0.to_string(),
                mentions: mention_ids,
                links,
            });
        }
        for claim in &self.claims {
            let content = find(text, claim.content, 0);
            let mut chain = Vec::new();
            let attribute = |analysis: &mut Analysis, entity: usize| {
                let mention = analysis.entities[entity].mentions[0];
                let source = analysis.mentions[mention].span;
                let cue = match (claim.cue, claim.source) {
                    (Some(cue), Some(original)) if original == entity => {
                        Some(find(text, cue, source.end))
                    }
                    _ => None,
                };
                analysis.attributions.push(Attribution {
                    source: Some(source),
                    cue,
                    content: vec![content],
                    form: AttributionForm::Indirect,
                    resolution: Some(SourceResolution {
                        entity,
                        reason: "mention",
                        antecedent: None,
                    }),
                    relayed_by: None,
                });
                analysis.attributions.len() - 1
            };
            let voice = match claim.source {
                Some(entity) => {
                    let own = attribute(&mut analysis, entity);
                    chain.push(own);
                    if let Some(relay) = claim.relay {
                        let relay_idx = attribute(&mut analysis, relay);
                        analysis.attributions[own].relayed_by = Some(relay_idx);
                        chain.push(relay_idx);
                    }
                    ClaimVoice::Attributed(own)
                }
                None => ClaimVoice::Publisher,
            };
            let mentions: Vec<usize> = (0..analysis.mentions.len())
                .filter(|&m| content.contains(analysis.mentions[m].span))
                .collect();
            let mut timexes = Vec::new();
            if let Some((date_text, value)) = claim.date {
                analysis.timexes.push(Timex {
                    span: find(text, date_text, content.start),
                    kind: TimexKind::Date,
                    value: Some(value.to_string()),
                    end_value: None,
                    resolution: "absolute",
                });
                timexes.push(analysis.timexes.len() - 1);
            }
            let mut toponyms = Vec::new();
            if let Some((place_text, name)) = claim.place {
                analysis.toponyms.push(Toponym {
                    span: find(text, place_text, content.start),
                    name: name.to_string(),
                    kind: PlaceKind::City,
                    geonames_id: Some(1),
                    lat: Some(1.0),
                    lon: Some(2.0),
                    precision: GeoPrecision::Exact,
                    qualifier: None,
                    reason: "fixture".to_string(),
                });
                toponyms.push(analysis.toponyms.len() - 1);
            }
            let mut quantities = Vec::new();
            if let Some((quantity_text, value)) = claim.quantity {
                analysis.quantities.push(Quantity {
                    span: find(text, quantity_text, content.start),
                    kind: QuantityKind::Count,
                    value: Some(value),
                    min: None,
                    max: None,
                    unit: None,
                    unit_span: None,
                });
                quantities.push(analysis.quantities.len() - 1);
            }
            analysis.claims.push(Claim {
                voice,
                content: vec![content],
                chain,
                has_subject: !mentions.is_empty(),
                mentions,
                timexes,
                quantities,
                toponyms,
                hedges: Vec::new(),
                stance: Stance::Asserts,
                negations: Vec::new(),
            });
        }
        NewDocument {
            document: Document {
                id: self.id.clone(),
                text: self.text.clone(),
                date: self.date,
                publisher: self.publisher.clone(),
            },
            meta: DocumentMeta {
                origin: format!("{}.txt", self.id),
                title: self.title.clone(),
                url: None,
                author: None,
            },
            analysis,
            extractor_version: "suite 1".to_string(),
            ingested_at: 1_700_000_000,
        }
    }
}

fn date(value: &str) -> NaiveDate {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").unwrap()
}

use AliasReason::{AcronymDefinition, SameName, ShortForm};
use EntityLabel::{Location, Organization, Person};

/// Doc "a": a ministry says the Guard Corps moved troops; the publisher reports a count.
fn ministry_report() -> Fixture {
    let mut fixture = Fixture::new(
        "a",
        "The Ministry of Defence said the Islamic Revolutionary Guard Corps (IRGC) moved \
         troops to Basra on 3 March 2017. The IRGC lost 40 vehicles in Mosul.",
    );
    fixture.date = Some(date("2017-03-05"));
    fixture.publisher = Some("Example Wire".to_string());
    fixture.title = Some("Troops moved".to_string());
    fixture.entities = vec![
        (Organization, vec![("Ministry of Defence", SameName)]),
        (
            Organization,
            vec![
                ("Islamic Revolutionary Guard Corps", SameName),
                ("IRGC", AcronymDefinition),
                ("IRGC", SameName),
            ],
        ),
        (Location, vec![("Basra", SameName)]),
    ];
    fixture.claims = vec![
        FixtureClaim {
            source: Some(0),
            content: "the Islamic Revolutionary Guard Corps (IRGC) moved troops to Basra on 3 March 2017",
            cue: Some("said"),
            date: Some(("3 March 2017", "2017-03-03")),
            place: Some(("Basra", "Basra")),
            ..FixtureClaim::default()
        },
        FixtureClaim {
            source: None,
            content: "The IRGC lost 40 vehicles in Mosul.",
            quantity: Some(("40", 40.0)),
            place: Some(("Mosul", "Mosul")),
            ..FixtureClaim::default()
        },
    ];
    fixture
}

/// Doc "b", a later one: a newspaper relays what an official said about the IRGC.
fn relayed_report() -> Fixture {
    let mut fixture = Fixture::new(
        "b",
        "The Daily Example reported that Colonel Jane Roe said the IRGC withdrew in 2018. \
         Roe declined further comment.",
    );
    fixture.date = Some(date("2018-06-01"));
    fixture.publisher = Some("Example Post".to_string());
    fixture.entities = vec![
        (Organization, vec![("Daily Example", SameName)]),
        (Person, vec![("Jane Roe", SameName), ("Roe", ShortForm)]),
        (Organization, vec![("IRGC", SameName)]),
    ];
    fixture.claims = vec![FixtureClaim {
        source: Some(1),
        relay: Some(0),
        content: "the IRGC withdrew in 2018",
        date: Some(("2018", "2018")),
        ..FixtureClaim::default()
    }];
    fixture
}

fn put_one(store: &dyn Store, fixture: &Fixture) -> PutOutcome {
    let outcomes = store.put_batch(&[fixture.build()]).unwrap();
    assert_eq!(outcomes.len(), 1);
    outcomes[0]
}

fn round_trip(store: &dyn Store) {
    let fixture = ministry_report();
    let PutOutcome::Stored { id, n_claims, .. } = put_one(store, &fixture) else {
        panic!("a new document is stored");
    };
    assert_eq!(n_claims, 2);
    for key in
        [id.to_string(), "a".to_string(), ContentHash::of(&fixture.text).as_str()[..12].to_string()]
    {
        let stored = store.document(&key).unwrap();
        assert_eq!(stored.summary.id, id, "document found by {key:?}");
    }
    let stored = store.document("a").unwrap();
    assert_eq!(stored.text, fixture.text);
    assert_eq!(stored.n_sentences, 1);
    let summary = &stored.summary;
    assert_eq!(summary.hash, ContentHash::of(&fixture.text).as_str());
    assert_eq!(summary.title.as_deref(), Some("Troops moved"));
    assert_eq!(summary.publisher.as_deref(), Some("Example Wire"));
    assert_eq!(summary.date, Some(date("2017-03-05")));
    assert_eq!(summary.origin, "a.txt");
    assert_eq!(summary.extractor_version, "suite 1");
    assert_eq!(summary.ingested_at, 1_700_000_000);
    assert_eq!(stored.entities.len(), 3);
    assert_eq!(stored.claims.len(), 2);
    for claim in &stored.claims {
        assert_eq!(claim.span.slice(&stored.text), claim.content, "spans point into the text");
        assert_eq!(claim.document.id, id);
    }
    let attributed = &stored.claims[0];
    let source = attributed.source.as_ref().unwrap();
    assert_eq!(source.name, "Ministry of Defence");
    assert_eq!(source.span.unwrap().slice(&stored.text), "Ministry of Defence");
    assert_eq!(attributed.dates[0].value.as_deref(), Some("2017-03-03"));
    assert_eq!(attributed.places[0].name, "Basra");
    let names: Vec<&str> = attributed.about.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Islamic Revolutionary Guard Corps"), "about: {names:?}");
    assert_eq!(attributed.cue.as_deref(), Some("said"));
    assert_eq!(attributed.cue_span.unwrap().slice(&stored.text), "said");
    let own_voice = &stored.claims[1];
    assert!(own_voice.source.is_none());
    assert!(own_voice.cue_span.is_none());
    assert_eq!(own_voice.quantities[0].value, Some(40.0));
    assert_eq!(own_voice.quantities[0].text, "40");
    // Every mention, in text order, with its entity.
    let mentions: Vec<(&str, &str)> = stored
        .mentions
        .iter()
        .map(|m| (m.span.slice(&stored.text), m.entity.name.as_str()))
        .collect();
    assert_eq!(
        mentions,
        [
            ("Ministry of Defence", "Ministry of Defence"),
            ("Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guard Corps"),
            ("IRGC", "Islamic Revolutionary Guard Corps"),
            ("Basra", "Basra"),
            ("IRGC", "Islamic Revolutionary Guard Corps"),
        ]
    );
    // A claim by its id is the same record as in its document.
    assert_eq!(store.claim(attributed.id).unwrap(), *attributed);
    assert!(matches!(store.claim(attributed.id + 1000), Err(StoreError::NotFound(_))));
}

fn claim_marks(store: &dyn Store) {
    put_one(store, &ministry_report());
    let claim = claim_in(store, "a");
    assert!(claim.marks.is_empty());
    assert_eq!(claim.assessment.credibility, 6, "one origin: cannot be judged");
    let confirmed = store
        .mark_claim(&NewClaimMark {
            claim_id: claim.id,
            status: ClaimStatus::Confirmed,
            by: "analyst one".into(),
            at: 1_700_000_100,
            note: Some("matches satellite images".into()),
        })
        .unwrap();
    assert_eq!(confirmed.status, ClaimStatus::Confirmed);
    let after = store.claim(claim.id).unwrap();
    assert_eq!(after.marks, vec![confirmed.clone()]);
    assert_eq!(after.assessment.credibility, 1);
    assert!(after.assessment.credibility_reason.contains("analyst one"));
    // The latest verdict stands; the history stays.
    let retracted = store
        .mark_claim(&NewClaimMark {
            claim_id: claim.id,
            status: ClaimStatus::Retracted,
            by: "analyst two".into(),
            at: 1_700_000_200,
            note: None,
        })
        .unwrap();
    let after = store.claim(claim.id).unwrap();
    assert_eq!(after.marks, vec![confirmed, retracted]);
    assert_eq!(after.assessment.credibility, 5);
    // Listings carry the same verdicts; the other claim has none.
    let listed = store.claims(&ClaimQuery::default()).unwrap();
    let same = listed.iter().find(|c| c.id == claim.id).unwrap();
    assert_eq!(same.assessment.credibility, 5);
    assert!(listed.iter().filter(|c| c.id != claim.id).all(|c| c.marks.is_empty()));
    let missing = store.mark_claim(&NewClaimMark {
        claim_id: claim.id + 1000,
        status: ClaimStatus::Confirmed,
        by: "analyst one".into(),
        at: 1_700_000_300,
        note: None,
    });
    assert!(matches!(missing, Err(StoreError::NotFound(_))), "{missing:?}");
}

fn same_text_once(store: &dyn Store) {
    let first = ministry_report().build();
    let mut copy = ministry_report().build();
    copy.document.id = "a-copy".to_string();
    let outcomes = store.put_batch(&[first.clone(), copy.clone()]).unwrap();
    let PutOutcome::Stored { id, .. } = outcomes[0] else { panic!("first is stored") };
    assert_eq!(outcomes[1], PutOutcome::Duplicate { id }, "a duplicate inside one batch");
    let again = store.put_batch(&[copy, relayed_report().build()]).unwrap();
    assert_eq!(again[0], PutOutcome::Duplicate { id }, "a duplicate in a later batch");
    assert!(matches!(again[1], PutOutcome::Stored { .. }));
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 2);
    assert_eq!(stats.claims, 3, "a duplicate adds no claims");
}

fn contains(store: &dyn Store) {
    let stored = ministry_report();
    put_one(store, &stored);
    let hashes = [ContentHash::of(&stored.text), ContentHash::of("never stored")];
    assert_eq!(store.contains(&hashes).unwrap(), vec![true, false]);
    assert_eq!(store.contains(&[]).unwrap(), Vec::<bool>::new());
}

fn not_found(store: &dyn Store) {
    put_one(store, &ministry_report());
    for key in ["zz-no-such-document", "999999", ""] {
        let error = store.document(key).unwrap_err();
        assert!(matches!(error, StoreError::NotFound(_)), "{key:?}: {error}");
        assert!(error.is_user_error());
    }
    let error = store.entity("Nobody Atall").unwrap_err();
    assert!(matches!(error, StoreError::NotFound(_)), "{error}");
}

fn search(store: &dyn Store) {
    put_one(store, &ministry_report());
    put_one(store, &relayed_report());
    let hits = store.search(&SearchQuery { text: "vehicles".to_string(), limit: 10 }).unwrap();
    assert!(
        hits.iter().any(|hit| hit.kind == HitKind::Document && hit.document.external_id == "a"),
        "document hit: {hits:?}"
    );
    assert!(
        hits.iter().any(|hit| hit.kind == HitKind::Claim && hit.claim_id.is_some()),
        "claim hit: {hits:?}"
    );
    assert!(hits.iter().all(|hit| hit.document.external_id == "a"));
    let hits = store.search(&SearchQuery { text: "withdrew IRGC".to_string(), limit: 10 }).unwrap();
    assert!(hits.iter().all(|hit| hit.document.external_id == "b") && !hits.is_empty());
    let hits = store.search(&SearchQuery { text: "submarine".to_string(), limit: 10 }).unwrap();
    assert!(hits.is_empty());
    // Punctuation that a search syntax might choke on is searched as words.
    for odd in ["\"IRGC", "IRGC)", "U.S. (troops", "a AND", "-", "*"] {
        let result = store.search(&SearchQuery { text: odd.to_string(), limit: 10 });
        assert!(result.is_ok(), "{odd:?}: {result:?}");
    }
    let hits = store.search(&SearchQuery { text: "(IRGC)".to_string(), limit: 1 }).unwrap();
    assert_eq!(hits.len(), 1, "limit holds");
}

fn entities_join(store: &dyn Store) {
    put_one(store, &ministry_report());
    put_one(store, &relayed_report());
    let by_acronym = store.entity("irgc").unwrap();
    let by_name = store.entity("Islamic Revolutionary Guard Corps").unwrap();
    assert_eq!(by_acronym.entity, by_name.entity, "one entity across both documents");
    assert_eq!(by_name.entity.name, "Islamic Revolutionary Guard Corps");
    assert_eq!(by_name.entity.label, "ORG");
    assert_eq!(by_name.occurrences.len(), 2);
    let joined = by_name.occurrences.iter().find(|o| o.document_external_id == "b").unwrap();
    let (via, via_document) = joined.matched_by.clone().expect("the join is explained");
    assert_eq!(via, "irgc");
    assert_eq!(store.document(&via_document.to_string()).unwrap().summary.external_id, "a");
    assert!(by_name.aliases.iter().any(|a| a.alias == "IRGC" && a.reason == "acronym-definition"));
    assert_eq!(by_name.first_seen, Some(date("2017-03-05")));
    assert_eq!(by_name.last_seen, Some(date("2018-06-01")));
    assert_eq!(by_name.claims_about.len(), 3, "about it in both documents");
    let ministry = store.entity("ministry of defence").unwrap();
    assert_eq!(ministry.claims_by.len(), 1);
    assert!(ministry.claims_about.is_empty());
}

fn short_forms_stay_local(store: &dyn Store) {
    put_one(store, &relayed_report());
    let mut other = Fixture::new("c", "Roe won the cycling race.");
    other.entities = vec![(Person, vec![("Roe", SameName)])];
    put_one(store, &other);
    let jane = store.entity("Jane Roe").unwrap();
    assert_eq!(jane.occurrences.len(), 1, "a surname alone does not join: {jane:?}");
    assert!(jane.aliases.iter().any(|a| a.alias == "Roe" && a.reason == "short-form"));
}

fn claim_filters(store: &dyn Store) {
    put_one(store, &ministry_report());
    put_one(store, &relayed_report());
    let count = |query: ClaimQuery| store.claims(&query).unwrap().len();
    assert_eq!(count(ClaimQuery::default()), 3);
    assert_eq!(count(ClaimQuery { about: Some("IRGC".into()), ..ClaimQuery::default() }), 3);
    assert_eq!(count(ClaimQuery { about: Some("Basra".into()), ..ClaimQuery::default() }), 1);
    assert_eq!(count(ClaimQuery { by: Some("Jane Roe".into()), ..ClaimQuery::default() }), 1);
    assert_eq!(count(ClaimQuery { by: Some("Example Wire".into()), ..ClaimQuery::default() }), 1);
    assert_eq!(count(ClaimQuery { by: Some("nobody".into()), ..ClaimQuery::default() }), 0);
    let since = |d: &str| ClaimQuery { since: Some(date(d)), ..ClaimQuery::default() };
    assert_eq!(count(since("2018-01-01")), 1, "the 2018 claim");
    assert_eq!(count(since("2017-03-04")), 2, "the 2018 claim and the undated one (doc date)");
    let until = ClaimQuery { until: Some(date("2017-03-03")), ..ClaimQuery::default() };
    assert_eq!(count(until), 1);
    let window = ClaimQuery {
        since: Some(date("2018-03-01")),
        until: Some(date("2018-03-31")),
        ..ClaimQuery::default()
    };
    assert_eq!(count(window), 1, "the year 2018 overlaps March 2018");
    assert_eq!(count(ClaimQuery { place: Some("mosul".into()), ..ClaimQuery::default() }), 1);
    assert_eq!(
        count(ClaimQuery {
            about: Some("IRGC".into()),
            place: Some("Basra".into()),
            ..ClaimQuery::default()
        }),
        1
    );
    assert_eq!(count(ClaimQuery { limit: Some(2), ..ClaimQuery::default() }), 2);
}

fn relays(store: &dyn Store) {
    put_one(store, &relayed_report());
    let claims = store.claims(&ClaimQuery::default()).unwrap();
    assert_eq!(claims.len(), 1);
    let claim = &claims[0];
    assert_eq!(claim.source.as_ref().unwrap().name, "Jane Roe");
    let relays: Vec<&str> = claim.relays.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(relays, ["Daily Example"]);
    assert_eq!(claim.document.publisher.as_deref(), Some("Example Post"));
    let by_relay = ClaimQuery { by: Some("Daily Example".into()), ..ClaimQuery::default() };
    assert!(store.claims(&by_relay).unwrap().is_empty(), "a relay is not the source");
    let sources = store.sources().unwrap();
    let find = |name: &str| sources.iter().find(|s| s.name == name).unwrap();
    assert_eq!((find("Jane Roe").n_claims, find("Jane Roe").n_relayed), (1, 0));
    assert_eq!((find("Daily Example").n_claims, find("Daily Example").n_relayed), (0, 1));
    assert_eq!(find("Jane Roe").kind, SourceKind::Speaker);
    assert_eq!(find("Example Post").kind, SourceKind::Publisher);
    assert_eq!(find("Example Post").n_documents, 1);
}

fn stats(store: &dyn Store) {
    assert_eq!(store.stats().unwrap(), crate::Stats::default(), "a new store is empty");
    put_one(store, &ministry_report());
    put_one(store, &relayed_report());
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 2);
    // Ministry, IRGC, Basra, Daily Example, Jane Roe: the IRGC of "b" joined "a"'s.
    assert_eq!(stats.entities, 5);
    assert_eq!(stats.mentions, 9);
    assert_eq!(stats.claims, 3);
    assert_eq!(stats.attributed_claims, 2);
    assert_eq!(stats.relayed_claims, 1);
    assert_eq!(stats.publishers, 2);
}

/// A wire story in the publisher's own voice, and lightly edited copies of it.
const WIRE_STORY: &str = "MOSUL, March 5 (Example Wire) - The IRGC lost 40 vehicles in Mosul. \
    Fighting went on through the night in the western districts of the city, and the main \
    bridge over the river was closed to traffic until further notice. Aid groups warned that \
    food and fuel were running short and that several clinics had stopped taking new patients \
    because of the shelling.";

fn wire_fixture(id: &str, text: &str, day: &str, publisher: &str) -> Fixture {
    let mut fixture = Fixture::new(id, text);
    fixture.date = Some(date(day));
    fixture.publisher = Some(publisher.to_string());
    fixture.entities =
        vec![(Organization, vec![("IRGC", SameName)]), (Location, vec![("Mosul", SameName)])];
    fixture.claims = vec![FixtureClaim {
        source: None,
        content: "The IRGC lost 40 vehicles in Mosul.",
        quantity: Some(("40", 40.0)),
        place: Some(("Mosul", "Mosul")),
        ..FixtureClaim::default()
    }];
    fixture
}

fn wire() -> Fixture {
    wire_fixture("wire", WIRE_STORY, "2017-03-05", "Example Wire")
}

fn first_copy() -> Fixture {
    let text = WIRE_STORY
        .replace("MOSUL, March 5 (Example Wire) - ", "From our correspondents: ")
        .replace("Aid groups warned", "Aid agencies warned");
    wire_fixture("copy-1", &text, "2017-03-05", "Daily Example")
}

fn second_copy() -> Fixture {
    let text = WIRE_STORY
        .replace("until further notice", "on Sunday")
        .replace(" because of the shelling", "");
    wire_fixture("copy-2", &text, "2017-03-06", "Example Post")
}

fn claim_in(store: &dyn Store, document: &str) -> ClaimRecord {
    let stored = store.document(document).unwrap();
    stored.claims.into_iter().next().unwrap_or_else(|| panic!("{document} has a claim"))
}

fn copies_share_one_origin(store: &dyn Store) {
    put_one(store, &wire());
    put_one(store, &relayed_report());
    // Both copies in one batch: the second is matched against the first in the same
    // transaction as well as against the stored story.
    store.put_batch(&[first_copy().build(), second_copy().build()]).unwrap();
    let original = store.document("wire").unwrap();
    assert!(original.copy_of.is_none());
    let copies: Vec<&str> =
        original.copies.iter().map(|c| c.document.external_id.as_str()).collect();
    assert_eq!(copies, ["copy-1", "copy-2"]);
    for copy in ["copy-1", "copy-2"] {
        let link = store.document(copy).unwrap().copy_of.expect("a copy");
        assert_eq!(link.document.external_id, "wire");
        assert!(link.similarity >= 0.5, "{copy}: {}", link.similarity);
    }
    assert!(store.document("b").unwrap().copy_of.is_none(), "another story is not a copy");
    assert_eq!(store.stats().unwrap().copies, 2);
    // The story's claim, reported three times, has one origin: the wire's publisher.
    let claim = claim_in(store, "copy-2");
    let assessment = &claim.assessment;
    assert_eq!(assessment.origins.len(), 1, "{assessment:?}");
    let origin = &assessment.origins[0];
    assert_eq!((origin.kind, origin.name.as_str()), (OriginKind::Publisher, "Example Wire"));
    assert_eq!(origin.reports.len(), 3);
    let in_copy = origin.reports.iter().find(|r| r.document_external_id == "copy-2").unwrap();
    assert_eq!(in_copy.copy_of.as_ref().map(|(_, id)| id.as_str()), Some("wire"));
    assert_eq!(assessment.credibility, 6, "copies do not confirm: {assessment:?}");
    assert!(assessment.conflicts.is_empty());
    assert_eq!(store.stats().unwrap().corroborated_claims, 0);
}

fn earlier_copy_becomes_original(store: &dyn Store) {
    // The later copies arrive first; the wire story, dated earlier, arrives last.
    put_one(store, &second_copy());
    put_one(store, &first_copy());
    assert_eq!(
        store.document("copy-2").unwrap().copy_of.unwrap().document.external_id,
        "copy-1",
        "same-day tie: the earlier date wins"
    );
    let mut wire = wire();
    wire.date = Some(date("2017-03-04"));
    put_one(store, &wire);
    for copy in ["copy-1", "copy-2"] {
        let link = store.document(copy).unwrap().copy_of.expect("a copy");
        assert_eq!(link.document.external_id, "wire", "{copy}");
    }
    assert_eq!(store.document("wire").unwrap().copies.len(), 2);
    let claim = claim_in(store, "copy-1");
    assert_eq!(claim.assessment.origins.len(), 1);
    assert_eq!(claim.assessment.origins[0].name, "Example Wire");
}

/// "W reported that Colonel Jane Roe said ...": the claim is Roe's; W relays it.
fn roe_statement(id: &str, text: &str, publisher: &str, relay: bool) -> Fixture {
    let mut fixture = Fixture::new(id, text);
    fixture.date = Some(date("2018-06-01"));
    fixture.publisher = Some(publisher.to_string());
    let mut entities = Vec::new();
    if relay {
        entities.push((Organization, vec![("Daily Example", SameName)]));
    }
    entities.push((Person, vec![("Jane Roe", SameName)]));
    entities.push((Organization, vec![("IRGC", SameName)]));
    entities.push((Location, vec![("Basra", SameName)]));
    fixture.entities = entities;
    fixture.claims = vec![FixtureClaim {
        source: Some(usize::from(relay)),
        relay: relay.then_some(0),
        content: "the IRGC withdrew 300 troops from Basra",
        quantity: Some(("300", 300.0)),
        place: Some(("Basra", "Basra")),
        ..FixtureClaim::default()
    }];
    fixture
}

fn own_voice(
    id: &str,
    text: &'static str,
    publisher: &str,
    content: &'static str,
    figure: (&'static str, f64),
) -> Fixture {
    let mut fixture = Fixture::new(id, text);
    fixture.date = Some(date("2018-06-02"));
    fixture.publisher = Some(publisher.to_string());
    fixture.entities =
        vec![(Organization, vec![("IRGC", SameName)]), (Location, vec![("Basra", SameName)])];
    fixture.claims = vec![FixtureClaim {
        source: None,
        content,
        quantity: Some(figure),
        place: Some(("Basra", "Basra")),
        ..FixtureClaim::default()
    }];
    fixture
}

fn relay_is_not_corroboration(store: &dyn Store) {
    put_one(
        store,
        &roe_statement(
            "said",
            "Colonel Jane Roe said the IRGC withdrew 300 troops from Basra.",
            "Example Wire",
            false,
        ),
    );
    put_one(
        store,
        &roe_statement(
            "relayed",
            "The Daily Example reported that Colonel Jane Roe said the IRGC withdrew 300 troops from Basra, a city it has held for years.",
            "Example Post",
            true,
        ),
    );
    let claim = claim_in(store, "relayed");
    assert_eq!(claim.source.as_ref().unwrap().name, "Jane Roe", "credited to the original source");
    let assessment = &claim.assessment;
    assert_eq!(assessment.origins.len(), 1, "a relay does not corroborate: {assessment:?}");
    let origin = &assessment.origins[0];
    assert_eq!((origin.kind, origin.name.as_str()), (OriginKind::Source, "Jane Roe"));
    assert_eq!(origin.reports.len(), 2);
    let relayed = origin.reports.iter().find(|r| r.document_external_id == "relayed").unwrap();
    assert_eq!(relayed.relayed_by, ["Daily Example"]);
    assert!(origin.why.contains("Jane Roe"));
    assert_eq!(assessment.credibility, 6);
}

fn corroboration_and_conflict(store: &dyn Store) {
    put_one(
        store,
        &roe_statement(
            "said",
            "Colonel Jane Roe said the IRGC withdrew 300 troops from Basra.",
            "Example Wire",
            false,
        ),
    );
    put_one(
        store,
        &own_voice(
            "post",
            "The IRGC withdrew 300 troops from Basra overnight.",
            "Example Post",
            "The IRGC withdrew 300 troops from Basra overnight.",
            ("300", 300.0),
        ),
    );
    let claim = claim_in(store, "said");
    assert_eq!(claim.assessment.origins.len(), 2, "{:?}", claim.assessment);
    assert_eq!(claim.assessment.credibility, 1, "confirmed by two independent origins");
    assert_eq!(store.stats().unwrap().corroborated_claims, 1);
    put_one(
        store,
        &own_voice(
            "ledger",
            "The IRGC withdrew 500 troops from Basra overnight.",
            "Example Ledger",
            "The IRGC withdrew 500 troops from Basra overnight.",
            ("500", 500.0),
        ),
    );
    let outlier = claim_in(store, "ledger");
    let assessment = &outlier.assessment;
    assert_eq!(assessment.origins.len(), 1);
    assert_ne!(
        assessment.cluster, claim.assessment.cluster,
        "a different figure is not the same claim"
    );
    assert_eq!(assessment.conflicts.len(), 1, "{assessment:?}");
    let conflict = &assessment.conflicts[0];
    assert_eq!(conflict.differences[0].kind, "figures");
    assert_eq!(conflict.differences[0].detail, "500 vs 300");
    assert_eq!(assessment.n_against, 2);
    assert_eq!(assessment.credibility, 5, "contradicted by two origins: improbable");
    let claim = claim_in(store, "said");
    assert_eq!(claim.assessment.conflicts.len(), 1);
    assert_eq!(claim.assessment.conflicts[0].differences[0].detail, "300 vs 500");
    assert_eq!(claim.assessment.credibility, 2, "two for, one against: probably true");
    assert_eq!(store.stats().unwrap().conflicts, 1);
}

fn ratings(store: &dyn Store) {
    put_one(store, &relayed_report());
    put_one(store, &ministry_report());
    let rate = |source: &str, reliability, by: &str, at| {
        store.rate_source(&NewRating {
            source: source.to_string(),
            reliability,
            by: by.to_string(),
            at,
        })
    };
    let rating = rate("Jane Roe", Reliability::B, "analyst", 1_700_000_100).unwrap();
    assert_eq!(rating.reliability, Reliability::B);
    let error = rate("Nobody Atall", Reliability::A, "analyst", 1).unwrap_err();
    assert!(matches!(error, StoreError::NotFound(_)), "{error}");
    rate("example wire", Reliability::C, "editor", 1_700_000_200).unwrap();
    let by_roe = ClaimQuery { by: Some("Jane Roe".into()), ..ClaimQuery::default() };
    let claim = &store.claims(&by_roe).unwrap()[0];
    let reliability = claim.assessment.reliability.as_ref().expect("rated");
    assert_eq!((reliability.reliability, reliability.by.as_str()), (Reliability::B, "analyst"));
    assert_eq!(reliability.at, 1_700_000_100);
    assert_eq!(claim.assessment.credibility, 6);
    let own = ClaimQuery { by: Some("Example Wire".into()), ..ClaimQuery::default() };
    let claim = &store.claims(&own).unwrap()[0];
    assert_eq!(claim.assessment.reliability.as_ref().unwrap().reliability, Reliability::C);
    // The latest grade applies.
    rate("Jane Roe", Reliability::D, "analyst", 1_700_000_300).unwrap();
    let claim = &store.claims(&by_roe).unwrap()[0];
    assert_eq!(claim.assessment.reliability.as_ref().unwrap().reliability, Reliability::D);
    let sources = store.sources().unwrap();
    let roe = sources.iter().find(|s| s.name == "Jane Roe").unwrap();
    assert_eq!(roe.rating.as_ref().unwrap().reliability, Reliability::D);
    let wire = sources.iter().find(|s| s.name == "Example Wire").unwrap();
    assert_eq!(wire.rating.as_ref().unwrap().reliability, Reliability::C);
}

fn merge_then_split(store: &dyn Store) {
    put_one(store, &ministry_report());
    put_one(store, &relayed_report());
    let before_ministry = store.entity("Ministry of Defence").unwrap();
    let before_daily = store.entity("Daily Example").unwrap();
    let before_claims = store.claims(&ClaimQuery::default()).unwrap();
    let merge = store
        .merge_entities(&MergeRequest {
            into: "Ministry of Defence".to_string(),
            from: "Daily Example".to_string(),
            by: "analyst".to_string(),
            at: 1_700_000_500,
            reason: Some("test".to_string()),
        })
        .unwrap();
    assert_eq!(merge.into.id, before_ministry.entity.id);
    assert_eq!(merge.merged.id, before_daily.entity.id);
    assert_eq!(merge.documents, ["b"]);
    let merged = store.entity("Daily Example").unwrap();
    assert_eq!(merged.entity.id, before_ministry.entity.id, "one entity now");
    assert_eq!(merged.occurrences.len(), 2);
    assert_eq!(merged.merges.len(), 1);
    assert_eq!(merged.merges[0].by, "analyst");
    let relays =
        store.claims(&ClaimQuery { by: Some("Jane Roe".into()), ..ClaimQuery::default() }).unwrap();
    assert_eq!(relays[0].relays[0].entity.as_ref().unwrap().id, before_ministry.entity.id);
    let same = MergeRequest {
        into: "Ministry of Defence".to_string(),
        from: "Daily Example".to_string(),
        by: "analyst".to_string(),
        at: 1,
        reason: None,
    };
    assert!(matches!(store.merge_entities(&same), Err(StoreError::InvalidQuery(_))));

    let split = store
        .split_entity(&SplitRequest {
            entity: "Ministry of Defence".to_string(),
            target: SplitTarget::Merged("Daily Example".to_string()),
            by: "analyst".to_string(),
            at: 1_700_000_600,
        })
        .unwrap();
    assert_eq!(split.undid_merge, Some(merge.id));
    assert_eq!(split.split_off.id, before_daily.entity.id);
    let after_ministry = store.entity("Ministry of Defence").unwrap();
    let after_daily = store.entity("Daily Example").unwrap();
    for (before, after) in [(&before_ministry, &after_ministry), (&before_daily, &after_daily)] {
        assert_eq!(after.entity, before.entity);
        assert_eq!(after.aliases, before.aliases);
        assert_eq!(after.occurrences, before.occurrences);
        assert_eq!(after.claims_by, before.claims_by);
        assert_eq!(after.claims_about, before.claims_about);
    }
    assert_eq!(after_ministry.merges[0].undone_at, Some(1_700_000_600));
    assert_eq!(store.claims(&ClaimQuery::default()).unwrap(), before_claims, "claims restored");
    let again = SplitRequest {
        entity: "Ministry of Defence".to_string(),
        target: SplitTarget::Merged("Daily Example".to_string()),
        by: "analyst".to_string(),
        at: 1,
    };
    assert!(matches!(store.split_entity(&again), Err(StoreError::NotFound(_))));
}

fn split_by_documents(store: &dyn Store) {
    put_one(store, &ministry_report());
    put_one(store, &relayed_report());
    let joined = store.entity("IRGC").unwrap();
    assert_eq!(joined.occurrences.len(), 2);
    let split = store
        .split_entity(&SplitRequest {
            entity: "IRGC".to_string(),
            target: SplitTarget::Documents(vec!["b".to_string()]),
            by: "analyst".to_string(),
            at: 1_700_000_700,
        })
        .unwrap();
    assert_eq!(split.documents, ["b"]);
    assert_ne!(split.split_off.id, joined.entity.id);
    let kept = store.entity("Islamic Revolutionary Guard Corps").unwrap();
    assert_eq!(kept.occurrences.len(), 1);
    assert_eq!(kept.occurrences[0].document_external_id, "a");
    let about_b = store.document("b").unwrap().claims[0].about.clone();
    assert!(about_b.iter().any(|e| e.id == split.split_off.id), "{about_b:?}");
    // Merging it back joins them again.
    store
        .merge_entities(&MergeRequest {
            into: format!("#{}", joined.entity.id),
            from: format!("#{}", split.split_off.id),
            by: "analyst".to_string(),
            at: 1_700_000_800,
            reason: None,
        })
        .unwrap();
    let rejoined = store.entity("Islamic Revolutionary Guard Corps").unwrap();
    assert_eq!(rejoined.occurrences, joined.occurrences);
    assert_eq!(rejoined.claims_about, joined.claims_about);
}

/// Reads every page of `page(after)` (the id of each record given by `id`).
fn all_pages<T>(
    mut page: impl FnMut(i64) -> Result<Vec<T>, StoreError>,
    id: impl Fn(&T) -> i64,
) -> Vec<T> {
    let mut all: Vec<T> = Vec::new();
    let mut after = 0;
    loop {
        let records = page(after).unwrap();
        let Some(last) = records.last() else { return all };
        after = id(last);
        all.extend(records);
    }
}

fn export_pages(store: &dyn Store) {
    put_one(store, &ministry_report());
    put_one(store, &relayed_report());
    let documents = all_pages(|after| store.documents_after(after, 1), |d| d.summary.id);
    let ids: Vec<&str> = documents.iter().map(|d| d.summary.external_id.as_str()).collect();
    assert_eq!(ids, ["a", "b"], "documents in ingest order, once each");
    assert_eq!(documents[0].text, ministry_report().text);
    assert_eq!(documents[0].summary, store.document("a").unwrap().summary);
    assert!(store.documents_after(documents[1].summary.id, 10).unwrap().is_empty());

    let entities = all_pages(|after| store.entities_after(after, 2), |e| e.entity.id);
    let mut ids: Vec<i64> = entities.iter().map(|e| e.entity.id).collect();
    assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "entities in id order: {ids:?}");
    ids.dedup();
    assert_eq!(ids.len(), entities.len());
    let irgc = entities.iter().find(|e| e.entity.name == "Islamic Revolutionary Guard Corps");
    let irgc = irgc.expect("the IRGC is exported");
    assert_eq!(irgc.n_documents, 2, "joined across documents: {irgc:?}");
    assert!(irgc.names.contains(&"IRGC".to_string()), "names: {:?}", irgc.names);
    assert_eq!(irgc.first_ingested_at, 1_700_000_000);
    let roe = entities.iter().find(|e| e.entity.name == "Jane Roe").expect("Jane Roe");
    assert_eq!(roe.names, ["Jane Roe", "Roe"]);
    assert_eq!(roe.public_mark, None);

    let expected = store.claims(&ClaimQuery::default()).unwrap();
    let mut paged =
        all_pages(|after| store.claims_after(&ClaimQuery::default(), after, 1), |c| c.id);
    assert!(paged.windows(2).all(|pair| pair[0].id < pair[1].id), "claims in id order");
    paged.sort_by_key(|claim| (claim.document.id, claim.span.start, claim.id));
    assert_eq!(paged, expected, "pages hold the same claims as a listing, all their facts");
}

fn export_page_filters(store: &dyn Store) {
    put_one(store, &ministry_report());
    put_one(store, &relayed_report());
    let queries = [
        ClaimQuery { about: Some("IRGC".to_string()), ..ClaimQuery::default() },
        ClaimQuery { by: Some("Roe".to_string()), ..ClaimQuery::default() },
        ClaimQuery { since: Some(date("2018-01-01")), ..ClaimQuery::default() },
        ClaimQuery { until: Some(date("2017-12-31")), ..ClaimQuery::default() },
        ClaimQuery { place: Some("basra".to_string()), ..ClaimQuery::default() },
    ];
    for query in queries {
        let expected: Vec<i64> = store.claims(&query).unwrap().iter().map(|c| c.id).collect();
        assert!(!expected.is_empty(), "{query:?} matches something");
        let mut paged: Vec<i64> = all_pages(|after| store.claims_after(&query, after, 2), |c| c.id)
            .iter()
            .map(|c| c.id)
            .collect();
        paged.sort_unstable();
        let mut sorted = expected.clone();
        sorted.sort_unstable();
        assert_eq!(paged, sorted, "{query:?}");
    }
}

fn public_marks(store: &dyn Store) {
    put_one(store, &relayed_report());
    let roe = |store: &dyn Store| {
        let entities = store.entities_after(0, 100).unwrap();
        entities.into_iter().find(|e| e.entity.name == "Jane Roe").unwrap()
    };
    assert!(!roe(store).is_public(), "a person named in one document is private by default");
    let marked = store.mark_public("Roe", Some(true)).unwrap();
    assert_eq!(marked.name, "Jane Roe", "marked by any of her names");
    assert_eq!(roe(store).public_mark, Some(true));
    assert!(roe(store).is_public());
    store.mark_public("Jane Roe", Some(false)).unwrap();
    assert_eq!(roe(store).public_mark, Some(false));
    store.mark_public("jane roe", None).unwrap();
    assert_eq!(roe(store).public_mark, None, "the mark is removed");
    let error = store.mark_public("Nobody Atall", Some(true)).unwrap_err();
    assert!(matches!(error, StoreError::NotFound(_)), "{error}");
    let daily = store.entities_after(0, 100).unwrap();
    let daily = daily.iter().find(|e| e.entity.name == "Daily Example").unwrap();
    assert!(daily.is_public(), "organizations are never private");
}

/// Backends may keep what they read until the store changes (SQLite does, per read
/// connection): the same search, profile and listing asked again after each kind of
/// write must show that write.
fn reads_after_writes(store: &dyn Store) {
    put_one(store, &ministry_report());
    let irgc = SearchQuery { text: "IRGC".to_string(), limit: 10 };
    let documents_found = |store: &dyn Store| {
        let mut found: Vec<String> = store
            .search(&irgc)
            .unwrap()
            .into_iter()
            .filter(|hit| hit.kind == HitKind::Document)
            .map(|hit| hit.document.external_id)
            .collect();
        found.sort();
        found
    };
    let profile = |store: &dyn Store| store.entity("IRGC").unwrap();
    // Asked twice each, so that a second answer could come from what the first kept.
    for _ in 0..2 {
        assert_eq!(documents_found(store), ["a"]);
        assert_eq!(profile(store).n_documents, 1);
    }
    put_one(store, &relayed_report());
    assert_eq!(documents_found(store), ["a", "b"], "a new document is found");
    let after = profile(store);
    assert_eq!(after.n_documents, 2, "a new document counts in the profile");
    assert!(after.claims_about.iter().any(|claim| claim.document.external_id == "b"));
    // A grade given to a source shows on the claims listed in a profile.
    let roe = |store: &dyn Store| {
        let profile = store.entity("Jane Roe").unwrap();
        profile.claims_by[0].assessment.reliability.as_ref().map(|r| r.reliability)
    };
    assert_eq!(roe(store), None);
    assert_eq!(roe(store), None);
    store
        .rate_source(&NewRating {
            source: "Jane Roe".to_string(),
            reliability: Reliability::B,
            by: "analyst".to_string(),
            at: 1_700_000_100,
        })
        .unwrap();
    assert_eq!(roe(store), Some(Reliability::B), "a new grade shows at once");
    // A verdict on a claim shows in the profile's listing.
    let claim_id = store.entity("Jane Roe").unwrap().claims_by[0].id;
    store
        .mark_claim(&NewClaimMark {
            claim_id,
            status: ClaimStatus::Retracted,
            by: "analyst".to_string(),
            at: 1_700_000_200,
            note: None,
        })
        .unwrap();
    let profile = store.entity("Jane Roe").unwrap();
    assert_eq!(profile.claims_by[0].assessment.credibility, 5, "retracted: {profile:?}");
}
