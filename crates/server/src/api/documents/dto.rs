//! A stored document with its text, entities, claims and copies.

use claimgraph_store::{CopyLink, StoredDocument};
use serde::Serialize;

use crate::api::dto::{ClaimDto, DocumentRefDto, EntityDto, SpanDto};

#[derive(Debug, Serialize)]
pub struct DocumentEntityDto {
    pub entity: EntityDto,
    pub n_mentions: usize,
}

/// One mention of an entity in the text.
#[derive(Debug, Serialize)]
pub struct MentionDto {
    pub entity_id: i64,
    pub label: String,
    pub span: SpanDto,
}

#[derive(Debug, Serialize)]
pub struct CopyDto {
    pub document: DocumentRefDto,
    pub similarity: f64,
    pub matched_document_id: Option<i64>,
}

impl From<&CopyLink> for CopyDto {
    fn from(link: &CopyLink) -> CopyDto {
        CopyDto {
            document: DocumentRefDto::from(&link.document),
            similarity: link.similarity,
            matched_document_id: link.matched_document_id,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct DocumentDto {
    pub document: DocumentRefDto,
    pub text: String,
    pub n_sentences: usize,
    pub entities: Vec<DocumentEntityDto>,
    pub mentions: Vec<MentionDto>,
    pub claims: Vec<ClaimDto>,
    pub copy_of: Option<CopyDto>,
    pub copies: Vec<CopyDto>,
}

impl From<&StoredDocument> for DocumentDto {
    fn from(doc: &StoredDocument) -> DocumentDto {
        DocumentDto {
            document: DocumentRefDto::from(&doc.summary),
            text: doc.text.clone(),
            n_sentences: doc.n_sentences,
            entities: doc
                .entities
                .iter()
                .map(|(entity, n)| DocumentEntityDto { entity: entity.into(), n_mentions: *n })
                .collect(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| MentionDto {
                    entity_id: m.entity.id,
                    label: m.entity.label.clone(),
                    span: m.span.into(),
                })
                .collect(),
            claims: doc.claims.iter().map(ClaimDto::from).collect(),
            copy_of: doc.copy_of.as_ref().map(CopyDto::from),
            copies: doc.copies.iter().map(CopyDto::from).collect(),
        }
    }
}
