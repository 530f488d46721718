//! Temporal expressions: recognition and TIMEX3 normalization against the document date.
//!
//! Three steps, each in its own module: every token is classified once by a lookup on its
//! lowercase form (`lexicon`); a hand-written grammar reads the classes of each sentence
//! left to right and takes the longest expression at each token (`recognize`); the
//! expression's meaning is then turned into a TIMEX3 value, using the document date for
//! relative and partial dates (`normalize`, `calendar`). Without a document date those
//! stay unresolved, with a diagnostic, rather than guessed.

mod calendar;
mod lexicon;
mod normalize;
mod recognize;

use claimgraph_model::{Diagnostic, DiagnosticKind, Span, Timex};

use crate::{Input, TimexRecognizer};
use lexicon::{Kw, Lex};
use normalize::{Anchor, Val};
use recognize::{Context, Hit, Matcher};

/// The rule-based recognizer and normalizer.
#[derive(Debug, Default)]
pub struct RuleTimexes {}

impl RuleTimexes {
    pub fn new() -> RuleTimexes {
        RuleTimexes {}
    }
}

impl TimexRecognizer for RuleTimexes {
    fn find(&self, input: &Input<'_>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Timex> {
        let toks: Vec<lexicon::Tok> =
            input.tokens.iter().map(|t| lexicon::classify(t, input.text)).collect();
        let mut ctx = Context::default();
        let mut timexes = Vec::new();
        let whole = [(0, toks.len())];
        let ranges: Vec<(usize, usize)> = if input.sentences.is_empty() {
            whole.to_vec()
        } else {
            input
                .sentences
                .iter()
                .map(|s| (s.token_start.min(toks.len()), s.token_end.min(toks.len())))
                .collect()
        };
        for (begin, end) in ranges {
            let mut matcher =
                Matcher { toks: &toks, begin, end, will_at: None, weak_future: false, ctx };
            let mut i = begin;
            while i < end {
                match toks[i].lex {
                    Lex::Kw(Kw::Will) => matcher.will_at = Some(i),
                    Lex::Kw(Kw::Would) => matcher.weak_future = true,
                    _ => {}
                }
                let Some(hit) = matcher.match_at(i) else {
                    i += 1;
                    continue;
                };
                // The quarter a document reports on is what "a year earlier" compares to;
                // shifted quarters ("the year-ago quarter") do not change it.
                match hit.val {
                    Val::Anch(anchor @ Anchor::QuarterOfYear { years: 0, .. }, _) => {
                        matcher.ctx.quarter = Some(anchor)
                    }
                    Val::Anch(anchor @ Anchor::Quarter(-1..=0), _) => {
                        matcher.ctx.quarter = Some(anchor)
                    }
                    _ => {}
                }
                i = hit.end.max(i + 1);
                timexes.push(self.to_timex(input, hit, diagnostics));
            }
            ctx = matcher.ctx;
        }
        timexes
    }
}

impl RuleTimexes {
    fn to_timex(&self, input: &Input<'_>, hit: Hit, diagnostics: &mut Vec<Diagnostic>) -> Timex {
        let tokens = input.tokens;
        let start = tokens[hit.start].span.start + hit.trim_start;
        let span = Span::new(start.min(tokens[hit.end - 1].span.end), tokens[hit.end - 1].span.end);
        let (value, end_value, resolution) = match hit.val {
            Val::Range(first, second) => {
                let (value, r1) = resolve(&first, input);
                let (end_value, r2) = resolve(&second, input);
                let resolution = if r1 == "unresolved" || r2 == "unresolved" {
                    "unresolved"
                } else if r1 == "absolute" {
                    r2
                } else {
                    r1
                };
                (value, end_value, resolution)
            }
            val => {
                let (value, resolution) = resolve(&val, input);
                (value, None, resolution)
            }
        };
        if resolution == "unresolved" {
            diagnostics.push(Diagnostic {
                kind: DiagnosticKind::UnresolvedDate,
                span: Some(span),
                message: format!("\"{}\" needs a document date", span.slice(input.text)),
            });
        }
        Timex { span, kind: hit.kind, value, end_value, resolution }
    }
}

/// The value of one side of an expression and how it was obtained.
fn resolve(val: &Val, input: &Input<'_>) -> (Option<String>, &'static str) {
    match val {
        Val::Abs(value) => (Some(value.clone()), "absolute"),
        Val::Ref(value) => (Some((*value).to_string()), "relative"),
        Val::Anch(anchor, suffix) => match input.doc_date {
            Some(doc) => {
                let how = if anchor.is_partial() { "anchored" } else { "relative" };
                match anchor.resolve(doc, *suffix) {
                    Some(value) => (Some(value), how),
                    None => (None, "unresolved"),
                }
            }
            None => (None, "unresolved"),
        },
        Val::Range(first, _) => resolve(first, input),
    }
}
