//! Here are the tokens and sentences of a document, give me its entities, aliases, dates
//! and quantities.
//!
//! Each stage sits behind a small trait so that a later implementation (the trained
//! entity tagger, say) can replace or join it. Stages are pure: they read the [`Input`]
//! and earlier stages' results and return new values; they do no I/O and never fail.
//! Rule resources (name lists, gazetteers) are compiled into the binary and built once
//! when a stage is constructed.

pub mod aliases;
pub mod attributions;
pub mod claims;
pub mod entities;
pub mod quantities;
pub mod timexes;

use chrono::NaiveDate;
use claimgraph_model::{
    Attribution, Diagnostic, Entity, Mention, Quantity, Sentence, Timex, Token, Toponym,
};

/// What every stage reads: the original text, its tokens and sentences, the document date.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    /// Anchor for relative and partial dates; `None` leaves them unresolved.
    pub doc_date: Option<NaiveDate>,
}

impl<'a> Input<'a> {
    /// The text of token `idx`.
    pub fn word(&self, idx: usize) -> &'a str {
        self.tokens.get(idx).map_or("", |token| token.span.slice(self.text))
    }
}

/// Finds temporal expressions and normalizes them to TIMEX3 values.
pub trait TimexRecognizer: Send + Sync + std::fmt::Debug {
    fn find(&self, input: &Input<'_>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Timex>;
}

/// Finds numbers in digits and words with what they count. `timexes` are the spans already
/// taken by dates ("1981" in "June 1981" is not a quantity).
pub trait QuantityRecognizer: Send + Sync + std::fmt::Debug {
    fn find(&self, input: &Input<'_>, timexes: &[Timex]) -> Vec<Quantity>;
}

/// Finds entity mentions (PER / ORG / LOC / MISC). Returns them sorted by start,
/// non-overlapping, with `Mention::entity` left at 0 (alias grouping sets it).
pub trait EntityRecognizer: Send + Sync + std::fmt::Debug {
    fn find(&self, input: &Input<'_>, timexes: &[Timex]) -> Vec<Mention>;
}

/// Groups mentions into document-level entities through aliases. May add mentions that
/// only an alias reveals (an acronym defined in parentheses and used later), keeping
/// `mentions` sorted and non-overlapping, and sets each `Mention::entity`.
pub trait AliasResolver: Send + Sync + std::fmt::Debug {
    fn resolve(&self, input: &Input<'_>, mentions: &mut Vec<Mention>) -> Vec<Entity>;
}

/// Finds reported statements, beliefs and findings (source, cue, content), resolves each
/// source to a document entity where it can, and links nested attributions into relay
/// chains. Returns them sorted by the start of their content.
pub trait AttributionExtractor: Send + Sync + std::fmt::Debug {
    fn find(
        &self,
        input: &Input<'_>,
        mentions: &[Mention],
        entities: &[Entity],
    ) -> Vec<Attribution>;
}

/// Finds place mentions (names, demonyms, relative locations) and resolves them to
/// coordinates with a gazetteer. Returns them sorted by start, non-overlapping.
pub trait PlaceResolver: Send + Sync + std::fmt::Debug {
    fn find(&self, input: &Input<'_>, mentions: &[Mention], entities: &[Entity]) -> Vec<Toponym>;
}
