//! Counts over the whole store.

use claimgraph_store::Stats;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct StatsDto {
    pub documents: usize,
    pub entities: usize,
    pub mentions: usize,
    pub claims: usize,
    pub attributed_claims: usize,
    pub relayed_claims: usize,
    pub publishers: usize,
    pub copies: usize,
    pub corroborated_claims: usize,
    pub conflicts: usize,
}

impl From<Stats> for StatsDto {
    fn from(s: Stats) -> StatsDto {
        StatsDto {
            documents: s.documents,
            entities: s.entities,
            mentions: s.mentions,
            claims: s.claims,
            attributed_claims: s.attributed_claims,
            relayed_claims: s.relayed_claims,
            publishers: s.publishers,
            copies: s.copies,
            corroborated_claims: s.corroborated_claims,
            conflicts: s.conflicts,
        }
    }
}
