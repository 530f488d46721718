//! An [`Analysis`] turned into the facts a store keeps, the same for every backend.
//!
//! Analysis speaks in indices into its own vectors; a store keeps texts, spans and names.
//! Doing the conversion here, once, means every backend stores the same facts and a
//! backend only decides how to lay them out. Entity references stay local (indices into
//! `DocumentFacts::entities`) until the backend resolves them to store-wide entities.

use chrono::{Datelike, NaiveDate};
use claimgraph_model::{
    Analysis, ClaimVoice, Document, MentionSource, QuantityKind, Span, Stance, TimexKind,
};

use crate::assess::ClaimEvidence;
use crate::similarity::{self, ClaimToken};
use crate::types::{DateFact, PlaceFact, QuantityFact};

/// Everything a store keeps from one analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentFacts {
    pub n_sentences: usize,
    /// MinHash signature of the text's shingles, for near-duplicate detection.
    pub signature: Vec<u32>,
    pub entities: Vec<EntityFacts>,
    pub claims: Vec<ClaimFacts>,
}

/// One document-level entity.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityFacts {
    pub name: String,
    pub label: &'static str,
    /// Distinct names (by [`normalize_name`]) with the first place each was seen.
    pub names: Vec<NameFact>,
    pub mentions: Vec<(Span, &'static str)>,
}

/// A name of an entity in one document, with the reason it names that entity.
#[derive(Debug, Clone, PartialEq)]
pub struct NameFact {
    pub text: String,
    pub norm: String,
    /// "name" for a mention that was not linked to an earlier one, else the alias reason.
    pub reason: &'static str,
    pub span: Span,
    /// Whether this name may join the entity to same-named entities of other documents.
    /// Short forms ("Masjedi" for "Iraj Masjedi") only mean something inside their
    /// document: across documents they would merge every person sharing a surname.
    pub matchable: bool,
}

/// A source or relay inside one document.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalSource {
    pub name: String,
    /// Index into `DocumentFacts::entities`.
    pub entity: Option<usize>,
    pub span: Option<Span>,
}

/// One claim, entity references local to the document.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimFacts {
    pub span: Span,
    pub content: String,
    pub source: Option<LocalSource>,
    pub form: Option<&'static str>,
    pub cue: Option<String>,
    /// Where the cue is in the text (the first part of a cue in several parts).
    pub cue_span: Option<Span>,
    pub relays: Vec<LocalSource>,
    /// Indices into `DocumentFacts::entities`, distinct, the subject first.
    pub about: Vec<usize>,
    pub has_subject: bool,
    pub dates: Vec<DateFact>,
    pub quantities: Vec<QuantityFact>,
    pub places: Vec<PlaceFact>,
    pub hedges: Vec<String>,
    pub negated: bool,
    pub stance: Stance,
    /// The days the claim is about: the union of its dates, else its document's date.
    pub date_range: Option<(NaiveDate, NaiveDate)>,
    /// The content's words as the same-event comparison sees them (figures, dates and
    /// places masked, entity mentions as entities, function words dropped).
    pub tokens: Vec<ClaimToken>,
    /// The facts a report of the same event must share to agree with this one.
    pub evidence: ClaimEvidence,
}

/// Extracts the facts of one analyzed document.
pub fn document_facts(document: &Document, analysis: &Analysis) -> DocumentFacts {
    let text = document.text.as_str();
    let entities = analysis
        .entities
        .iter()
        .map(|entity| {
            let mut names: Vec<NameFact> = Vec::new();
            let mut mentions = Vec::new();
            for &mention_idx in &entity.mentions {
                let Some(mention) = analysis.mentions.get(mention_idx) else { continue };
                mentions.push((mention.span, mention_source_str(mention.source)));
                let reason = entity
                    .links
                    .iter()
                    .find(|link| link.mention == mention_idx)
                    .map_or("name", |link| link.reason.as_str());
                let mention_text = mention.span.slice(text).trim();
                let norm = normalize_name(mention_text);
                if norm.is_empty() || names.iter().any(|name| name.norm == norm) {
                    continue;
                }
                names.push(NameFact {
                    text: mention_text.to_string(),
                    norm,
                    reason,
                    span: mention.span,
                    matchable: reason != "short-form",
                });
            }
            let name = if entity.name.trim().is_empty() {
                names.first().map_or_else(String::new, |name| name.text.clone())
            } else {
                entity.name.trim().to_string()
            };
            EntityFacts { name, label: entity.label.as_str(), names, mentions }
        })
        .collect();
    let local_source = |attribution_idx: usize| -> Option<LocalSource> {
        let attribution = analysis.attributions.get(attribution_idx)?;
        let entity = attribution.resolution.as_ref().map(|resolution| resolution.entity);
        let name = match entity.and_then(|idx| analysis.entities.get(idx)) {
            Some(entity) if !entity.name.trim().is_empty() => entity.name.trim().to_string(),
            _ => attribution
                .source
                .map_or_else(|| "(unnamed source)".to_string(), |s| s.slice(text).to_string()),
        };
        Some(LocalSource { name, entity, span: attribution.source })
    };
    let claims = analysis
        .claims
        .iter()
        .filter_map(|claim| {
            let first = claim.content.first()?;
            let span = claim.content.iter().fold(*first, |acc, part| acc.cover(*part));
            let content = claim
                .content
                .iter()
                .map(|part| part.slice(text).trim())
                .collect::<Vec<_>>()
                .join(" … ");
            let (source, form, cue_span) = match claim.voice {
                ClaimVoice::Attributed(idx) => {
                    let attribution = analysis.attributions.get(idx);
                    (
                        local_source(idx),
                        attribution.map(|a| a.form.as_str()),
                        attribution.and_then(|a| a.cue),
                    )
                }
                ClaimVoice::Publisher => (None, None, None),
            };
            let cue = cue_span.map(|cue| cue.slice(text).to_string());
            let relays = claim.chain.iter().skip(1).filter_map(|&idx| local_source(idx)).collect();
            let mut about: Vec<usize> = Vec::new();
            for &mention_idx in &claim.mentions {
                if let Some(mention) = analysis.mentions.get(mention_idx)
                    && !about.contains(&mention.entity)
                    && mention.entity < analysis.entities.len()
                {
                    about.push(mention.entity);
                }
            }
            let dates: Vec<DateFact> = claim
                .timexes
                .iter()
                .filter_map(|&idx| analysis.timexes.get(idx))
                .map(|timex| DateFact {
                    text: timex.span.slice(text).to_string(),
                    value: timex.value.clone(),
                    end_value: timex.end_value.clone(),
                    span: timex.span,
                })
                .collect();
            let mut date_range: Option<(NaiveDate, NaiveDate)> = None;
            for timex in claim.timexes.iter().filter_map(|&idx| analysis.timexes.get(idx)) {
                if timex.kind != TimexKind::Date {
                    continue;
                }
                let start = timex.value.as_deref().and_then(timex_range);
                let end = timex.end_value.as_deref().and_then(timex_range).or(start);
                if let (Some(start), Some(end)) = (start, end) {
                    date_range = Some(match date_range {
                        Some((lo, hi)) => (lo.min(start.0), hi.max(end.1)),
                        None => (start.0, end.1),
                    });
                }
            }
            let own_days = date_range;
            let date_range = date_range.or(document.date.map(|date| (date, date)));
            let quantities: Vec<QuantityFact> = claim
                .quantities
                .iter()
                .filter_map(|&idx| analysis.quantities.get(idx))
                .map(|quantity| QuantityFact {
                    text: quantity.span.slice(text).to_string(),
                    kind: match &quantity.kind {
                        QuantityKind::Count => "count".to_string(),
                        QuantityKind::Percent => "percent".to_string(),
                        QuantityKind::Ordinal => "ordinal".to_string(),
                        QuantityKind::Money(currency) => format!("money:{currency}"),
                    },
                    value: quantity.value,
                    min: quantity.min,
                    max: quantity.max,
                    unit: quantity.unit.clone(),
                    span: quantity.span,
                })
                .collect();
            let places: Vec<PlaceFact> = claim
                .toponyms
                .iter()
                .filter_map(|&idx| analysis.toponyms.get(idx))
                .map(|toponym| PlaceFact {
                    text: toponym.span.slice(text).to_string(),
                    name: toponym.name.clone(),
                    geonames_id: toponym.geonames_id,
                    lat: toponym.lat,
                    lon: toponym.lon,
                    precision: toponym.precision.code(),
                    span: toponym.span,
                })
                .collect();
            let tokens = claim_tokens(text, analysis, claim);
            let evidence = ClaimEvidence {
                figures: quantities
                    .iter()
                    .filter(|q: &&QuantityFact| q.kind != "ordinal")
                    .filter_map(|q| {
                        let low = q.min.or(q.value)?;
                        let high = q.max.or(q.value).unwrap_or(low);
                        Some((q.kind.clone(), low.min(high), high.max(low)))
                    })
                    .collect(),
                days: own_days,
                places: places
                    .iter()
                    .map(|p: &PlaceFact| {
                        p.geonames_id.map_or_else(|| normalize_name(&p.name), |id| id.to_string())
                    })
                    .collect(),
                negative: !claim.negations.is_empty() || claim.stance == Stance::Denies,
            };
            Some(ClaimFacts {
                span,
                content,
                source,
                form,
                cue,
                cue_span,
                relays,
                has_subject: claim.has_subject && !about.is_empty(),
                about,
                dates,
                quantities,
                places,
                hedges: claim.hedges.iter().map(|h| h.slice(text).to_string()).collect(),
                negated: !claim.negations.is_empty(),
                stance: claim.stance,
                date_range,
                tokens,
                evidence,
            })
        })
        .collect();
    DocumentFacts {
        n_sentences: analysis.sentences.len(),
        signature: similarity::document_signature(text),
        entities,
        claims,
    }
}

/// The tokens of a claim's content for the same-event comparison: each word of the
/// content is a figure, date or place when inside one of the claim's quantities, dates or
/// places, an entity when inside a mention, dropped when a function word, else itself.
fn claim_tokens(
    text: &str,
    analysis: &Analysis,
    claim: &claimgraph_model::Claim,
) -> Vec<ClaimToken> {
    let spans = |indices: &[usize], get: &dyn Fn(usize) -> Option<Span>| -> Vec<Span> {
        indices.iter().filter_map(|&idx| get(idx)).collect()
    };
    let places = spans(&claim.toponyms, &|i| analysis.toponyms.get(i).map(|t| t.span));
    let dates = spans(&claim.timexes, &|i| analysis.timexes.get(i).map(|t| t.span));
    let figures = spans(&claim.quantities, &|i| analysis.quantities.get(i).map(|q| q.span));
    let mentions: Vec<(Span, usize)> = claim
        .mentions
        .iter()
        .filter_map(|&i| analysis.mentions.get(i).map(|m| (m.span, m.entity)))
        .collect();
    let overlaps = |span: Span, word: Span| span.start < word.end && word.start < span.end;
    let mut tokens = Vec::new();
    for part in &claim.content {
        let Some(slice) = text.get(part.start..part.end) else { continue };
        let mut at = 0;
        for word in slice.split(|ch: char| !ch.is_alphanumeric()) {
            let start = part.start + at;
            at += word.len() + slice[at + word.len()..].chars().next().map_or(0, char::len_utf8);
            if word.is_empty() {
                continue;
            }
            let span = Span::new(start, start + word.len());
            let token = if places.iter().any(|&p| overlaps(p, span)) {
                ClaimToken::Place
            } else if dates.iter().any(|&d| overlaps(d, span)) {
                ClaimToken::Date
            } else if figures.iter().any(|&f| overlaps(f, span)) {
                ClaimToken::Figure
            } else if let Some(&(_, entity)) = mentions.iter().find(|(m, _)| overlaps(*m, span)) {
                ClaimToken::Entity(entity)
            } else if similarity::is_stopword(word) {
                continue;
            } else if word.chars().all(|ch| ch.is_ascii_digit()) {
                ClaimToken::Figure
            } else {
                ClaimToken::Word(similarity::word_hash(word))
            };
            tokens.push(token);
        }
    }
    tokens
}

/// The key names are matched by: lowercase letters and digits, words separated by one
/// space, a leading "the" dropped ("The Pentagon" = "Pentagon", "U.S." = "us").
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(ch.to_lowercase());
        } else if ch.is_whitespace() || ch == '-' {
            pending_space = true;
        }
        // Other punctuation (periods of "U.S.", apostrophes) joins the letters around it.
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// The days a TIMEX3 date value covers: "2017-02-14", "2017-02", "2017", "2017-W07",
/// "2017-Q1", "2017-SU" (seasons, northern hemisphere), "198" (a decade), "19" (a
/// century). Values that are not calendar dates ("PAST_REF", durations) give `None`.
pub fn timex_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let year_of = |digits: &str| -> Option<i32> {
        (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())?
    };
    let year_span = |first: i32, last: i32| {
        Some((NaiveDate::from_ymd_opt(first, 1, 1)?, NaiveDate::from_ymd_opt(last, 12, 31)?))
    };
    let month_end = |year: i32, month: u32| -> Option<NaiveDate> {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        next.pred_opt()
    };
    // Drop a time part: "2017-02-14T10:00".
    let value = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [decade] if decade.len() == 3 && decade.bytes().all(|b| b.is_ascii_digit()) => {
            let first: i32 = decade.parse().ok()?;
            year_span(first * 10, first * 10 + 9)
        }
        [century] if century.len() == 2 && century.bytes().all(|b| b.is_ascii_digit()) => {
            let first: i32 = century.parse().ok()?;
            year_span(first * 100, first * 100 + 99)
        }
        [year] => {
            let year = year_of(year)?;
            year_span(year, year)
        }
        [year, part] => {
            let year = year_of(year)?;
            let (first_month, last_month) = match *part {
                "Q1" => (1, 3),
                "Q2" => (4, 6),
                "Q3" => (7, 9),
                "Q4" => (10, 12),
                "H1" => (1, 6),
                "H2" => (7, 12),
                "SP" => (3, 5),
                "SU" => (6, 8),
                "FA" | "AU" => (9, 11),
                "WI" => (12, 12),
                week if week.starts_with('W') => {
                    let week: u32 = week[1..].parse().ok()?;
                    let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
                    return Some((monday, monday + chrono::Days::new(6)));
                }
                month => {
                    let month: u32 = month.parse().ok()?;
                    (month, month)
                }
            };
            Some((NaiveDate::from_ymd_opt(year, first_month, 1)?, month_end(year, last_month)?))
        }
        [year, month, day] => {
            let date =
                NaiveDate::from_ymd_opt(year_of(year)?, month.parse().ok()?, day.parse().ok()?)?;
            Some((date, date))
        }
        _ => None,
    }
    .filter(|(start, end)| start <= end && start.year() > 0)
}

fn mention_source_str(source: MentionSource) -> &'static str {
    match source {
        MentionSource::Gazetteer => "gazetteer",
        MentionSource::TitleContext => "title-context",
        MentionSource::GivenName => "given-name",
        MentionSource::OrganizationWord => "organization-word",
        MentionSource::PlaceWord => "place-word",
        MentionSource::Capitalization => "capitalization",
        MentionSource::DocumentConsistency => "document-consistency",
        MentionSource::Alias => "alias",
        MentionSource::Tagger => "tagger",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(value: &str) -> Option<(String, String)> {
        timex_range(value).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    #[test]
    fn timex_values_become_day_ranges() {
        let r = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(range("2017-02-14"), r("2017-02-14", "2017-02-14"));
        assert_eq!(range("2016-02"), r("2016-02-01", "2016-02-29"));
        assert_eq!(range("2004"), r("2004-01-01", "2004-12-31"));
        assert_eq!(range("2017-Q2"), r("2017-04-01", "2017-06-30"));
        assert_eq!(range("1988-SU"), r("1988-06-01", "1988-08-31"));
        assert_eq!(range("198"), r("1980-01-01", "1989-12-31"));
        assert_eq!(range("2017-W07"), r("2017-02-13", "2017-02-19"));
        assert_eq!(range("PAST_REF"), None);
        assert_eq!(range("P6Y"), None);
        assert_eq!(range("2017-13"), None);
    }

    #[test]
    fn names_normalize_case_punctuation_and_the() {
        assert_eq!(normalize_name("The  Pentagon"), "pentagon");
        assert_eq!(normalize_name("U.S."), "us");
        assert_eq!(normalize_name("Al-Qaeda"), "al qaeda");
        assert_eq!(normalize_name("IRGC"), "irgc");
        assert_eq!(normalize_name("Théâtre"), "théâtre");
    }
}
