//! `/documents/{key}`: the text with each attribution marked (source, cue, content) and
//! entities, places, dates and figures highlighted by type; metadata; the claims, each
//! with its provenance, reached by selecting its content in the text.
//!
//! Marks may overlap (a relayed claim's content holds another attribution), so the text is
//! cut at every mark boundary into flat segments, each carrying all the marks over it:
//! no nesting, hence never malformed HTML, and linear in the text plus the marks.

use askama::Template;
use axum::extract::{Path, State};
use claimgraph_store::StoredDocument;

use super::{PageResult, render};
use crate::view::{ClaimView, NameLink, document_title, floor_boundary, safe_url};
use crate::{AppState, with_store};

/// What a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Content,
    Source,
    Cue,
    Entity,
    Place,
    Date,
    Quantity,
}

#[derive(Debug, Clone)]
struct Mark {
    start: usize,
    end: usize,
    kind: Kind,
    claim: Option<i64>,
    /// The entity type ("PER", "ORG", ...), for sources and entity names.
    label: Option<String>,
}

/// A run of text and the marks over it.
#[derive(Debug)]
pub struct Segment {
    text: String,
    /// The innermost claim whose content covers it: the segment links to that claim.
    claim: Option<i64>,
    /// CSS classes, from a fixed vocabulary.
    classes: String,
}

impl Segment {
    fn is_plain(&self) -> bool {
        self.claim.is_none() && self.classes.is_empty()
    }
}

/// For a document without stored mentions, entity names are looked up in the text for
/// this many entities (the most mentioned).
const MAX_NAMED_ENTITIES: usize = 100;

fn marks(doc: &StoredDocument) -> Vec<Mark> {
    let text = &doc.text;
    let mut marks = Vec::new();
    let mut push = |start: usize, end: usize, kind, claim, label: Option<String>| {
        let (start, end) = (floor_boundary(text, start), floor_boundary(text, end));
        if start < end {
            marks.push(Mark { start, end, kind, claim, label });
        }
    };
    for claim in &doc.claims {
        push(claim.span.start, claim.span.end, Kind::Content, Some(claim.id), None);
        if let Some(source) = &claim.source
            && let Some(span) = source.span
        {
            let label = source.entity.as_ref().map(|e| e.label.clone());
            push(span.start, span.end, Kind::Source, Some(claim.id), label);
            // The cue's span, or for claims stored before spans were kept, its words
            // between the source and the content (either order).
            if let Some(cue) = claim.cue_span {
                push(cue.start, cue.end, Kind::Cue, Some(claim.id), None);
            } else if let Some(cue) = claim.cue.as_deref().filter(|c| !c.is_empty()) {
                let (from, to) = if span.end <= claim.span.start {
                    (span.end, claim.span.start)
                } else {
                    (claim.span.end, span.start)
                };
                let (from, to) = (floor_boundary(text, from), floor_boundary(text, to));
                if from < to
                    && let Some(at) = text[from..to].find(cue)
                {
                    push(from + at, from + at + cue.len(), Kind::Cue, Some(claim.id), None);
                }
            }
        }
        for place in &claim.places {
            push(place.span.start, place.span.end, Kind::Place, None, Some("LOC".into()));
        }
        for date in &claim.dates {
            push(date.span.start, date.span.end, Kind::Date, None, None);
        }
        for quantity in &claim.quantities {
            push(quantity.span.start, quantity.span.end, Kind::Quantity, None, None);
        }
    }
    for mention in &doc.mentions {
        let label = Some(mention.entity.label.clone());
        push(mention.span.start, mention.span.end, Kind::Entity, None, label);
    }
    if !doc.mentions.is_empty() {
        return marks;
    }
    // Without stored mentions: whole-word, case-sensitive occurrences of each name.
    let mut entities: Vec<_> = doc.entities.iter().collect();
    entities.sort_by_key(|entity| std::cmp::Reverse(entity.1));
    for (entity, _) in entities.into_iter().take(MAX_NAMED_ENTITIES) {
        if entity.name.trim().is_empty() {
            continue;
        }
        for (at, name) in text.match_indices(entity.name.as_str()) {
            let end = at + name.len();
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            push(at, end, Kind::Entity, None, Some(entity.label.clone()));
        }
    }
    marks
}

fn segments(text: &str, mut marks: Vec<Mark>) -> Vec<Segment> {
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    marks.sort_by_key(|m| m.start);
    let mut next = 0;
    let mut active: Vec<Mark> = Vec::new();
    let mut out = Vec::with_capacity(cuts.len());
    for window in cuts.windows(2) {
        let (start, end) = (window[0], window[1]);
        active.retain(|m| m.end > start);
        while next < marks.len() && marks[next].start <= start {
            if marks[next].end > start {
                active.push(marks[next].clone());
            }
            next += 1;
        }
        let claim = active
            .iter()
            .filter(|m| m.kind == Kind::Content)
            .min_by_key(|m| m.end - m.start)
            .and_then(|m| m.claim);
        let mut classes: Vec<String> = Vec::new();
        for mark in &active {
            let class = match mark.kind {
                Kind::Content => "content".to_string(),
                Kind::Source => "source".to_string(),
                Kind::Cue => "cue".to_string(),
                Kind::Place => "ent ent-LOC place".to_string(),
                Kind::Date => "date".to_string(),
                Kind::Quantity => "quantity".to_string(),
                Kind::Entity => String::new(),
            };
            if !class.is_empty() {
                classes.push(class);
            }
            if matches!(mark.kind, Kind::Entity | Kind::Source)
                && let Some(label) = &mark.label
                && label.bytes().all(|b| b.is_ascii_alphabetic())
            {
                classes.push(format!("ent ent-{label}"));
            }
        }
        classes.sort();
        classes.dedup();
        out.push(Segment { text: text[start..end].to_string(), claim, classes: classes.join(" ") });
    }
    out
}

#[derive(Debug)]
struct MetaRow {
    name: &'static str,
    value: String,
    href: Option<String>,
}

#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage {
    title: String,
    nav: &'static str,
    id: i64,
    meta: Vec<MetaRow>,
    segments: Vec<Segment>,
    entities: Vec<(NameLink, usize)>,
    claims: Vec<ClaimView>,
    copy_of: Option<(String, String)>,
    copies: Vec<(String, String)>,
}

pub async fn page(State(state): State<AppState>, Path(key): Path<String>) -> PageResult {
    let doc = with_store(&state, move |store| store.document(&key)).await?;
    let summary = &doc.summary;
    let mut meta = Vec::new();
    let mut row = |name, value: Option<String>, href: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            meta.push(MetaRow { name, value, href });
        }
    };
    row("Title", summary.title.clone(), None);
    row("Author", summary.author.clone(), None);
    row(
        "Publisher",
        summary.publisher.clone(),
        summary.publisher.as_deref().map(crate::view::source_href),
    );
    row("Date", summary.date.map(|d| d.to_string()), None);
    row("URL", summary.url.clone(), summary.url.as_deref().and_then(safe_url));
    row("Id", Some(summary.external_id.clone()), None);
    row("Read from", Some(summary.origin.clone()), None);
    row("Content hash", Some(summary.hash.clone()), None);
    row("Sentences", Some(doc.n_sentences.to_string()), None);
    row("Extractor", Some(summary.extractor_version.clone()), None);
    row(
        "Ingested",
        chrono::DateTime::from_timestamp(summary.ingested_at, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
        None,
    );
    let link = |l: &claimgraph_store::CopyLink| {
        (document_title(&l.document), crate::view::document_href(l.document.id))
    };
    let segments = segments(&doc.text, marks(&doc));
    render(&DocumentPage {
        title: document_title(summary),
        nav: "",
        id: summary.id,
        meta,
        segments,
        entities: doc.entities.iter().map(|(e, n)| (NameLink::entity(e), *n)).collect(),
        claims: ClaimView::list(&doc.claims),
        copy_of: doc.copy_of.as_ref().map(link),
        copies: doc.copies.iter().map(link).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, kind: Kind, claim: Option<i64>) -> Mark {
        Mark { start, end, kind, claim, label: None }
    }

    #[test]
    fn overlapping_marks_become_flat_segments_linked_to_the_innermost_claim() {
        let text = "A said B said C.";
        let marks = vec![
            mark(7, 15, Kind::Content, Some(1)),
            mark(14, 15, Kind::Content, Some(2)),
            mark(0, 1, Kind::Source, Some(1)),
        ];
        let segments = segments(text, marks);
        let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, text);
        let c = segments.iter().find(|s| s.text == "C").expect("segment");
        assert_eq!(c.claim, Some(2));
        assert!(segments[0].classes.contains("source"));
        assert!(segments.iter().any(Segment::is_plain));
    }
}
