//! The vocabulary of claimgraph: plain data types shared by every crate.
//!
//! Every [`Span`] is a byte range into the original document text. Types here carry no
//! behaviour beyond small accessors and do not derive `Serialize`: the wire formats live
//! at the edges (the CLI's `json` and `eval` output) and are versioned separately.

mod analysis;
mod span;

pub use analysis::{
    AliasLink, AliasReason, Analysis, Attribution, AttributionForm, Claim, ClaimVoice, Diagnostic,
    DiagnosticKind, Entity, EntityLabel, GeoPrecision, Mention, MentionSource, PlaceKind, Quantity,
    QuantityKind, Sentence, SourceResolution, Stance, Timex, TimexKind, Token, TokenKind, Toponym,
};
pub use span::Span;

/// A document as analysis sees it: text plus the little metadata that changes the result.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Caller's identifier (file name, JSONL `id`); not interpreted.
    pub id: String,
    /// The original text. All spans point into it.
    pub text: String,
    /// Publication date, the anchor for relative dates ("yesterday", "last month").
    pub date: Option<chrono::NaiveDate>,
    /// Publisher name, the source of statements that carry no attribution.
    pub publisher: Option<String>,
}
