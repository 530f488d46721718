//! GraphML for Gephi, networkx and yEd: who says what about whom, relayed by whom.
//!
//! Nodes are entities, sources that are no entity (a speaker named only as "officials",
//! a publisher) and claims; edges are `says` (speaker to claim), `relays` (each relay, then
//! the publisher, to an attributed claim) and `about` (claim to the entities it is
//! about). Every node has `kind` ("entity", "source", "publisher", "claim") and `name`;
//! every edge has `relation`. A claim node keeps its content, document, date and
//! credibility, so that a graph tool can filter and colour by them. The graph is
//! directed and written in one pass: a source node is written the first time a claim
//! names it.

use std::collections::HashSet;
use std::io::Write;

use claimgraph_store::facts::normalize_name;
use claimgraph_store::{ClaimRecord, SourceRef};

use crate::{ExportError, ExportSummary, Record};

/// (id, for, attr.name, attr.type)
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("kind", "node", "kind", "string"),
    ("name", "node", "name", "string"),
    ("label", "node", "label", "string"),
    ("public", "node", "public", "boolean"),
    ("n_documents", "node", "n_documents", "int"),
    ("content", "node", "content", "string"),
    ("document", "node", "document", "string"),
    ("date", "node", "date", "string"),
    ("credibility", "node", "credibility", "int"),
    ("reliability", "node", "reliability", "string"),
    ("relation", "edge", "relation", "string"),
    ("cue", "edge", "cue", "string"),
    ("position", "edge", "position", "int"),
    ("subject", "edge", "subject", "boolean"),
];

/// Escapes text for XML content and attributes, dropping the control characters XML 1.0
/// cannot carry.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            ch if (ch as u32) < 0x20 || ch == '\u{fffe}' || ch == '\u{ffff}' => {}
            ch => out.push(ch),
        }
    }
    out
}

struct Element<'a> {
    out: &'a mut Vec<u8>,
}

impl Element<'_> {
    fn data(&mut self, key: &str, value: &str) {
        self.out.extend_from_slice(b"      <data key=\"");
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\">");
        self.out.extend_from_slice(escape(value).as_bytes());
        self.out.extend_from_slice(b"</data>\n");
    }
}

fn node(buffer: &mut Vec<u8>, id: &str, fill: impl FnOnce(&mut Element<'_>)) {
    buffer.extend_from_slice(format!("    <node id=\"{}\">\n", escape(id)).as_bytes());
    fill(&mut Element { out: buffer });
    buffer.extend_from_slice(b"    </node>\n");
}

fn edge(buffer: &mut Vec<u8>, from: &str, to: &str, fill: impl FnOnce(&mut Element<'_>)) {
    buffer.extend_from_slice(
        format!("    <edge source=\"{}\" target=\"{}\">\n", escape(from), escape(to)).as_bytes(),
    );
    fill(&mut Element { out: buffer });
    buffer.extend_from_slice(b"    </edge>\n");
}

/// The node of a speaker or relay: its entity when resolved, else a source node by name
/// (written on first use).
fn source_node(buffer: &mut Vec<u8>, seen: &mut HashSet<String>, source: &SourceRef) -> String {
    if let Some(entity) = &source.entity {
        return format!("entity-{}", entity.id);
    }
    let id = format!("source:{}", normalize_name(&source.name));
    if seen.insert(id.clone()) {
        node(buffer, &id, |node| {
            node.data("kind", "source");
            node.data("name", &source.name);
        });
    }
    id
}

fn publisher_node(buffer: &mut Vec<u8>, seen: &mut HashSet<String>, name: &str) -> String {
    let id = format!("publisher:{}", normalize_name(name));
    if seen.insert(id.clone()) {
        node(buffer, &id, |node| {
            node.data("kind", "publisher");
            node.data("name", name);
        });
    }
    id
}

fn claim_edges(buffer: &mut Vec<u8>, seen: &mut HashSet<String>, claim: &ClaimRecord) {
    let claim_id = format!("claim-{}", claim.id);
    node(buffer, &claim_id, |node| {
        node.data("kind", "claim");
        node.data("name", &claim.content);
        node.data("content", &claim.content);
        node.data("document", &claim.document.external_id);
        if let Some(date) = claim.document.date {
            node.data("date", &date.to_string());
        }
        node.data("credibility", &claim.assessment.credibility.to_string());
        if let Some(rating) = &claim.assessment.reliability {
            node.data("reliability", &rating.reliability.letter().to_string());
        }
    });
    let publisher = claim.document.publisher.as_deref().filter(|name| !name.trim().is_empty());
    let speaker = match (&claim.source, publisher) {
        (Some(source), _) => Some(source_node(buffer, seen, source)),
        (None, Some(publisher)) => Some(publisher_node(buffer, seen, publisher)),
        (None, None) => None,
    };
    if let Some(speaker) = speaker {
        edge(buffer, &speaker, &claim_id, |edge| {
            edge.data("relation", "says");
            if let Some(cue) = &claim.cue {
                edge.data("cue", cue);
            }
        });
    }
    if claim.source.is_some() {
        let mut position = 0;
        for relay in &claim.relays {
            position += 1;
            let relay_id = source_node(buffer, seen, relay);
            edge(buffer, &relay_id, &claim_id, |edge| {
                edge.data("relation", "relays");
                edge.data("position", &position.to_string());
            });
        }
        if let Some(publisher) = publisher {
            let publisher_id = publisher_node(buffer, seen, publisher);
            edge(buffer, &publisher_id, &claim_id, |edge| {
                edge.data("relation", "relays");
                edge.data("position", &(position + 1).to_string());
            });
        }
    }
    for (idx, entity) in claim.about.iter().enumerate() {
        edge(buffer, &claim_id, &format!("entity-{}", entity.id), |edge| {
            edge.data("relation", "about");
            edge.data("subject", if idx == 0 && claim.has_subject { "true" } else { "false" });
        });
    }
}

/// Writes `records` as one directed GraphML graph.
pub fn write(
    out: &mut impl Write,
    records: impl Iterator<Item = Result<Record, ExportError>>,
) -> Result<ExportSummary, ExportError> {
    let mut header = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, target, name, kind) in KEYS {
        header.push_str(&format!(
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>\n"
        ));
    }
    header.push_str("  <graph id=\"claimgraph\" edgedefault=\"directed\">\n");
    out.write_all(header.as_bytes())?;
    let mut summary = ExportSummary::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut buffer: Vec<u8> = Vec::with_capacity(1 << 16);
    for record in records {
        buffer.clear();
        match record? {
            Record::Entity(record) => {
                node(&mut buffer, &format!("entity-{}", record.entity.id), |node| {
                    node.data("kind", "entity");
                    node.data("name", &record.entity.name);
                    node.data("label", &record.entity.label);
                    node.data("public", if record.is_public() { "true" } else { "false" });
                    node.data("n_documents", &record.n_documents.to_string());
                });
                summary.n_entities += 1;
            }
            Record::Document(document) => {
                summary.n_documents += 1;
                for claim in &document.claims {
                    claim_edges(&mut buffer, &mut seen, claim);
                    summary.n_claims += 1;
                }
            }
        }
        out.write_all(&buffer)?;
    }
    summary.n_other = seen.len();
    out.write_all(b"  </graph>\n</graphml>\n")?;
    out.flush()?;
    Ok(summary)
}
