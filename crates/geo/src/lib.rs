//! Here are a document's tokens and entity mentions, give me its places on a map.
//!
//! Toponym recognition and resolution against an embedded gazetteer built from GeoNames
//! (CC BY 4.0; see NOTICE). No network, no files at run time: the gazetteer is compiled
//! into the binary and indexed once per process, the first time a [`Geoparser`] is built.
//!
//! Resolution scores each candidate entry by a population prior, a qualifier right after
//! the name ("Paris, Texas"), the document's other places (their countries and regions,
//! containment, distance), and keeps one sense per name per document. A population-only
//! mode ([`Geoparser::population_only`]) is the baseline the context must beat.

pub mod gazetteer;
mod lexicon;
mod recognize;

use std::sync::{Arc, OnceLock};

use claimgraph_extract::{Input, PlaceResolver};
use claimgraph_model::{Entity, GeoPrecision, Mention, PlaceKind, Toponym};

use gazetteer::{FastMap, FastSet};
pub use gazetteer::{Gazetteer, GazetteerError, Level, Place};
use recognize::{Candidate, within};

/// Cities of at least this population are accepted by name alone; smaller ones need a
/// cue (a locative word, a qualifier, a LOC mention, or the document's other places).
const BARE_CITY_POPULATION: u64 = 15_000;

/// How candidates are chosen among a name's gazetteer entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Population prior plus document context (the default).
    Context,
    /// The most populous entry, nothing else: the baseline.
    PopulationOnly,
}

/// The rule-based geoparser.
#[derive(Debug, Clone)]
pub struct Geoparser {
    gazetteer: Arc<Gazetteer>,
    mode: Mode,
}

static EMBEDDED: OnceLock<Result<Arc<Gazetteer>, GazetteerError>> = OnceLock::new();

impl Default for Geoparser {
    fn default() -> Geoparser {
        Geoparser::new()
    }
}

impl Geoparser {
    /// The geoparser over the embedded gazetteer. Never panics: if the embedded data were
    /// damaged (a build problem caught by the tests), it finds no toponyms.
    pub fn new() -> Geoparser {
        Geoparser::try_new().unwrap_or_else(|_| Geoparser::with_gazetteer(Gazetteer::default()))
    }

    /// The geoparser over the embedded gazetteer, or why it could not be read.
    pub fn try_new() -> Result<Geoparser, GazetteerError> {
        let gaz = EMBEDDED.get_or_init(|| Gazetteer::embedded().map(Arc::new)).clone()?;
        Ok(Geoparser { gazetteer: gaz, mode: Mode::Context })
    }

    pub fn with_gazetteer(gazetteer: Gazetteer) -> Geoparser {
        Geoparser { gazetteer: Arc::new(gazetteer), mode: Mode::Context }
    }

    /// The baseline: same recognition, each name resolved to its most populous entry.
    pub fn population_only(mut self) -> Geoparser {
        self.mode = Mode::PopulationOnly;
        self
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

impl PlaceResolver for Geoparser {
    fn find(&self, input: &Input<'_>, mentions: &[Mention], _entities: &[Entity]) -> Vec<Toponym> {
        let gaz = &*self.gazetteer;
        if gaz.is_empty() {
            return Vec::new();
        }
        let cands = recognize::candidates(gaz, input, mentions);
        let choice = resolve(gaz, &cands, self.mode);
        let mut out = Vec::with_capacity(cands.len());
        let regions = DocumentRegions::new(gaz, &cands);
        let kept: Vec<bool> = cands
            .iter()
            .enumerate()
            .map(|(idx, c)| keep(gaz, &regions, c, choice[idx].as_ref().map(|x| x.0), input.text))
            .collect();
        // Names accepted somewhere in the document, for one sense per document.
        let kept_keys: FastSet<&str> =
            cands.iter().zip(&kept).filter(|(_, k)| **k).map(|(c, _)| c.key.as_str()).collect();
        for (idx, c) in cands.iter().enumerate() {
            let (place, reason) = choice[idx].clone().unzip();
            // One sense per document: a name accepted once is accepted everywhere, unless
            // this mention is part of a longer name or a person's.
            let elsewhere = place.is_some()
                && (!c.in_name || c.modifier)
                && !c.person_like
                && !c.not_place
                && kept_keys.contains(c.key.as_str());
            if !kept[idx] && !elsewhere {
                continue;
            }
            let mut t = Toponym {
                span: c.span,
                name: c.span.slice(input.text).to_string(),
                kind: PlaceKind::City,
                geonames_id: None,
                lat: None,
                lon: None,
                precision: c.precision,
                qualifier: c.qualifier,
                reason: reason.unwrap_or_else(|| "recognized, not in gazetteer".to_string()),
            };
            if let Some(p) = place {
                let pl = gaz.place(p);
                t.name = pl.name.clone();
                t.kind = pl.kind;
                t.geonames_id = pl.geonames_id;
                t.lat = Some(pl.lat);
                t.lon = Some(pl.lon);
                // A road between two places: the point between them.
                if let Some(other) = c.road_partner
                    && let Some((q, _)) = &choice[other]
                {
                    let o = gaz.place(*q);
                    t.lat = Some((pl.lat + o.lat) / 2.0);
                    t.lon = Some((pl.lon + o.lon) / 2.0);
                    t.precision = t.precision.max(GeoPrecision::Near);
                }
            } else if let Some(head) = c.head {
                t.kind = match head {
                    lexicon::PlaceHead::Region => PlaceKind::Region,
                    lexicon::PlaceHead::City => PlaceKind::City,
                    _ => PlaceKind::Other,
                };
            }
            out.push(t);
        }
        out
    }
}

/// Whether a candidate is reported, once its entry is chosen.
fn keep(
    gaz: &Gazetteer,
    regions: &DocumentRegions<'_>,
    c: &Candidate,
    place: Option<u32>,
    text: &str,
) -> bool {
    // A person's name ("Paris Hilton"); countries and regions inside a mention labelled
    // PER are more often the entity stage's mistake than a person.
    if c.not_place {
        return false;
    }
    // A town before an institution's head word ("Dublin City Council") is a modifier, not
    // part of a longer name.
    let in_name = c.in_name && !c.modifier;
    let coarse_alone = !in_name && place.is_some_and(|p| gaz.place(p).level < Level::County);
    if c.person_like && !c.loc_mention && !coarse_alone {
        return false;
    }
    let Some(p) = place else {
        // Not in the gazetteer: only what a pattern or the entity stage calls a place.
        return c.place_pattern || c.loc_mention;
    };
    let strong =
        c.place_pattern || c.is_qualifier || c.qualified_by.is_some() || c.road_partner.is_some();
    if c.demonym || strong {
        return true;
    }
    let pl = gaz.place(p);
    let single_word = c.tok_end - c.tok_start == 1;
    // Common words and given names: only with a cue stronger than "in" ("in August").
    if lexicon::AMBIGUOUS_WORDS.contains(&c.key.as_str()) && !c.loc_mention {
        return false;
    }
    // Acronyms ("FAO", "ACT") name towns only by accident.
    let written = c.span.slice(text);
    if single_word
        && pl.level >= Level::County
        && claimgraph_text::words::is_all_caps(written)
        && !written.contains('.')
    {
        return false;
    }
    match pl.level {
        Level::Continent | Level::Area | Level::Country | Level::Region => true,
        Level::County => !in_name || !single_word,
        Level::City => {
            if in_name && !c.loc_mention {
                return false;
            }
            let context = c.locative || c.loc_mention || regions.contains(gaz.place(p));
            // A town known by an alternate name only ("Hamas" for Hamm) needs a cue.
            let alternate = p & gazetteer::ALTERNATE != 0;
            let bare = if alternate { 100_000 } else { BARE_CITY_POPULATION };
            if pl.population >= bare && !c.sentence_initial {
                return true;
            }
            context
                && (!c.sentence_initial || !single_word || c.locative || pl.population >= 15_000)
        }
    }
}

/// The regions and counties that the document names unambiguously, to tell whether a
/// city lies in one of them ("Gainesville" in a text that mentions Florida). Built once per
/// document so that each look-up is a hash probe, not a scan of every candidate.
struct DocumentRegions<'g> {
    regions: FastSet<(&'g str, &'g str)>,
    counties: FastSet<(&'g str, &'g str, &'g str)>,
}

impl<'g> DocumentRegions<'g> {
    fn new(gaz: &'g Gazetteer, cands: &[Candidate]) -> DocumentRegions<'g> {
        let mut regions = FastSet::default();
        let mut counties = FastSet::default();
        for c in cands.iter().filter(|c| c.places.len() == 1) {
            let q = gaz.place(c.places[0]);
            match q.level {
                Level::Region => {
                    regions.insert((&*q.country, &*q.admin1));
                }
                Level::County => {
                    counties.insert((&*q.country, &*q.admin1, &*q.admin2));
                }
                _ => {}
            }
        }
        DocumentRegions { regions, counties }
    }

    /// Same test as `within(place, region or county)` for any named region or county.
    fn contains(&self, place: &Place) -> bool {
        if place.country.is_empty() {
            return false;
        }
        (place.level > Level::Region && self.regions.contains(&(&*place.country, &*place.admin1)))
            || (place.level > Level::County
                && self.counties.contains(&(&*place.country, &*place.admin1, &*place.admin2)))
    }
}

/// Confident places that serve as context for the others.
const MAX_ANCHORS: usize = 64;

/// Picks an entry for every candidate with gazetteer entries, with the reason.
fn resolve(gaz: &Gazetteer, cands: &[Candidate], mode: Mode) -> Vec<Option<(u32, String)>> {
    let mut choice: Vec<Option<(u32, String)>> = vec![None; cands.len()];
    if mode == Mode::PopulationOnly {
        for (idx, c) in cands.iter().enumerate() {
            if let Some(&p) = c.places.iter().max_by_key(|&&p| population(gaz.place(p))) {
                choice[idx] = Some((p, "population prior".to_string()));
            }
        }
        return choice;
    }
    // Pass 1: prior and qualifiers, per name (one sense per document).
    let mut keys: FastMap<&str, Vec<usize>> = FastMap::default();
    for (idx, c) in cands.iter().enumerate() {
        if !c.places.is_empty() {
            keys.entry(c.key.as_str()).or_default().push(idx);
        }
    }
    let mut first: FastMap<&str, (u32, f64)> = FastMap::default();
    for (key, idxs) in &keys {
        let places = &cands[idxs[0]].places;
        let mut scored: Vec<(u32, f64)> = places
            .iter()
            .map(|&p| (p, prior(gaz, places, p) + qualifier_bonus(gaz, cands, idxs, p)))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        let margin = if scored.len() > 1 { scored[0].1 - scored[1].1 } else { f64::INFINITY };
        first.insert(key, (scored[0].0, margin));
    }
    // Anchors: confident first-pass choices, the context for the second pass.
    // At most MAX_ANCHORS, the earliest in the document: context is about the document's
    // main places, and the cap keeps resolution linear in documents with thousands of names.
    let mut anchors: Vec<(usize, &str, u32)> = first
        .iter()
        .filter(|(_, (_, m))| *m >= 1.0)
        .map(|(k, (p, _))| (keys[k][0], *k, *p))
        .collect();
    anchors.sort_unstable();
    anchors.truncate(MAX_ANCHORS);
    let anchors: Vec<(&str, u32)> = anchors.into_iter().map(|(_, k, p)| (k, p)).collect();
    // Pass 2: add document context.
    let mut sense: FastMap<&str, (u32, String)> = FastMap::default();
    for (key, idxs) in &keys {
        let places = &cands[idxs[0]].places;
        if places.len() == 1 {
            sense.insert(key, (places[0], "only entry".to_string()));
            continue;
        }
        let mut best: Option<(u32, f64, &'static str)> = None;
        for &p in places {
            let q = qualifier_bonus(gaz, cands, idxs, p);
            let (ctx, why) = context_bonus(gaz, &anchors, key, p);
            let score = prior(gaz, places, p) + q + ctx;
            let why = if q > 0.0 { "qualified by the next name" } else { why };
            if best.is_none_or(|(_, s, _)| score > s) {
                best = Some((p, score, why));
            }
        }
        if let Some((p, _, why)) = best {
            sense.insert(key, (p, why.to_string()));
        }
    }
    for (idx, c) in cands.iter().enumerate() {
        if let Some((p, why)) = sense.get(c.key.as_str()) {
            let why = if c.demonym { format!("demonym; {why}") } else { why.clone() };
            choice[idx] = Some((*p, why));
        }
    }
    choice
}

/// Population as the baseline sees it; seas and macro-regions count as very large.
fn population(p: &Place) -> u64 {
    if p.level == Level::Area { 100_000_000 } else { p.population }
}

/// Log population plus a bonus for coarser levels: a bare "Georgia" or "Mexico" in news
/// names the country or state more often than a town of the same name.
fn prior(gaz: &Gazetteer, others: &[u32], p: u32) -> f64 {
    let pl = gaz.place(p);
    let base = (population(pl).max(1) as f64).ln();
    // A city that shares its name with the region around it ("Aleppo", "Tripoli") is
    // what a bare mention means: the region is named "X Province" when it is meant.
    let namesake = pl.level == Level::City
        && others.iter().any(|&o| {
            let r = gaz.place(o);
            r.level == Level::Region && r.country == pl.country && r.admin1 == pl.admin1
        });
    base + if namesake { 2.5 } else { 0.0 }
        + match pl.level {
            Level::Continent | Level::Area => 3.0,
            Level::Country => 3.0,
            Level::Region => 1.0,
            Level::County => -1.0,
            Level::City => 0.0,
        }
        + capital_bonus(pl)
}

/// Washington is the capital far more often than the state in news.
fn capital_bonus(pl: &Place) -> f64 {
    if pl.geonames_id == Some(4_140_963) { 4.0 } else { 0.0 }
}

/// A qualifier right after any mention of the name: "Paris, Texas".
fn qualifier_bonus(gaz: &Gazetteer, cands: &[Candidate], idxs: &[usize], p: u32) -> f64 {
    for &i in idxs {
        if let Some(q) = cands[i].qualified_by
            && cands[q].places.iter().any(|&o| within(gaz, gaz.place(p), gaz.place(o)))
        {
            return 20.0;
        }
    }
    0.0
}

/// Evidence from the document's other confident places.
fn context_bonus(
    gaz: &Gazetteer,
    anchors: &[(&str, u32)],
    key: &str,
    p: u32,
) -> (f64, &'static str) {
    let pl = gaz.place(p);
    let mut bonus = 0.0;
    let mut why = "population prior";
    let mut same_country = false;
    let mut same_region = false;
    let mut contains = 0;
    let mut neighbours = 0;
    let mut nearest = f64::INFINITY;
    for &(k, a) in anchors {
        if k == key {
            continue;
        }
        let ap = gaz.place(a);
        if !pl.country.is_empty() && ap.country == pl.country {
            same_country = true;
            if !pl.admin1.is_empty() && ap.admin1 == pl.admin1 && pl.level >= Level::Region {
                same_region = true;
            }
        }
        if within(gaz, ap, pl) {
            contains += 1;
        }
        if pl.level == Level::Country
            && (pl.is_neighbour_of(&ap.country) || ap.is_neighbour_of(&pl.country))
        {
            neighbours += 1;
        }
        if ap.level >= Level::Region {
            nearest = nearest.min(distance_km(pl.lat, pl.lon, ap.lat, ap.lon));
        }
    }
    if same_country && pl.level > Level::Country {
        bonus += 4.5;
        why = "in a country the document mentions";
    }
    if neighbours > 0 {
        bonus += 1.5 * f64::from(neighbours.min(2));
        why = "neighbours countries the document mentions";
    }
    if same_region && pl.level > Level::Region {
        bonus += 4.0;
        why = "in a region the document mentions";
    }
    if contains > 0 && pl.level <= Level::Region {
        bonus += 1.5 * f64::from(contains.min(3));
        why = "contains places the document mentions";
    }
    if nearest.is_finite() {
        let near = 2.0 * (-nearest / 500.0).exp();
        if near > 0.5 && bonus == 0.0 {
            why = "near places the document mentions";
        }
        bonus += near;
    }
    (bonus, why)
}

/// Great-circle distance.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}
