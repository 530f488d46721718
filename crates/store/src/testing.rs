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
    ClaimQuery, ContentHash, DocumentMeta, HitKind, NewDocument, PutOutcome, SearchQuery,
    SourceKind, Store, StoreError,
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
                analysis.attributions.push(Attribution {
                    source: Some(analysis.mentions[mention].span),
                    cue: None,
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
    let own_voice = &stored.claims[1];
    assert!(own_voice.source.is_none());
    assert_eq!(own_voice.quantities[0].value, Some(40.0));
    assert_eq!(own_voice.quantities[0].text, "40");
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
