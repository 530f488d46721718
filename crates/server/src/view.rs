//! What pages show, computed in Rust so templates only loop and print (and escape).

use claimgraph_store::{ClaimRecord, DocumentSummary, EntityRef};

/// Percent-encodes a path segment or query value (everything but unreserved characters),
/// so that any name, however hostile, stays one segment.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

pub fn entity_href(name: &str) -> String {
    format!("/entities/{}", encode(name))
}

pub fn source_href(name: &str) -> String {
    format!("/sources/{}", encode(name))
}

pub fn document_href(id: i64) -> String {
    format!("/documents/{id}")
}

pub fn claim_href(document_id: i64, claim_id: i64) -> String {
    format!("/documents/{document_id}/claims/{claim_id}")
}

/// A link target only when it is plainly http(s): a `javascript:` or `data:` URL from a
/// document's metadata is shown as text, never made clickable.
pub fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_string())
}

/// A document's name for people: its title, else the caller's id.
pub fn document_title(doc: &DocumentSummary) -> String {
    doc.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| doc.external_id.clone())
}

/// The largest char boundary at or before `index`.
pub fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A link to a name: the entity's page when resolved, else the source page.
#[derive(Debug, Clone)]
pub struct NameLink {
    pub name: String,
    pub href: String,
    pub label: String,
}

impl NameLink {
    pub fn entity(entity: &EntityRef) -> NameLink {
        NameLink {
            name: entity.name.clone(),
            href: entity_href(&entity.name),
            label: entity.label.clone(),
        }
    }
}

/// One claim as a card: who said it, the content, where, and links.
#[derive(Debug, Clone)]
pub struct ClaimView {
    pub id: i64,
    pub href: String,
    pub content: String,
    /// The original source; `None` for the publisher's own voice.
    pub source: Option<NameLink>,
    pub cue: String,
    /// Relays, from the original source outward.
    pub relays: Vec<String>,
    pub publisher: String,
    pub document_title: String,
    pub document_href: String,
    pub date: String,
    pub about: Vec<NameLink>,
    pub credibility: u8,
    pub denies: bool,
    pub hedged: bool,
}

impl ClaimView {
    pub fn of(claim: &ClaimRecord) -> ClaimView {
        ClaimView {
            id: claim.id,
            href: claim_href(claim.document.id, claim.id),
            content: claim.content.clone(),
            source: claim.source.as_ref().map(|source| match &source.entity {
                Some(entity) => NameLink::entity(entity),
                None => NameLink {
                    name: source.name.clone(),
                    href: source_href(&source.name),
                    label: String::new(),
                },
            }),
            cue: claim.cue.clone().unwrap_or_default(),
            relays: claim.relays.iter().map(|r| r.name.clone()).collect(),
            publisher: claim.document.publisher.clone().unwrap_or_default(),
            document_title: document_title(&claim.document),
            document_href: document_href(claim.document.id),
            date: crate::aggregate::claim_month(claim).unwrap_or_default(),
            about: claim.about.iter().map(NameLink::entity).collect(),
            credibility: claim.assessment.credibility,
            denies: claim.negated || claim.stance == claimgraph_model::Stance::Denies,
            hedged: !claim.hedges.is_empty(),
        }
    }

    pub fn list(claims: &[ClaimRecord]) -> Vec<ClaimView> {
        claims.iter().map(ClaimView::of).collect()
    }
}

/// A search snippet split into plain and matched parts (the store marks matches `[..]`).
pub fn snippet_parts(snippet: &str) -> Vec<(String, bool)> {
    let mut parts = Vec::new();
    let mut rest = snippet;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else { break };
        if open > 0 {
            parts.push((rest[..open].to_string(), false));
        }
        parts.push((rest[open + 1..open + close].to_string(), true));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        parts.push((rest.to_string(), false));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_keeps_hostile_names_in_one_segment() {
        assert_eq!(encode("a/b c?<x>"), "a%2Fb%20c%3F%3Cx%3E");
        assert_eq!(safe_url(" javascript:alert(1)"), None);
        assert_eq!(safe_url("https://example.org/a").as_deref(), Some("https://example.org/a"));
        assert_eq!(
            snippet_parts("the [camp] near [Herat"),
            vec![("the ".into(), false), ("camp".into(), true), (" near [Herat".into(), false)]
        );
    }
}
