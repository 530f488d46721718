//! The document view every pattern reads: lowercase words, sentence and paragraph
//! indices, and which top-level quote each token is in, computed once per document.

use claimgraph_model::{Span, TokenKind};
use claimgraph_text::words::push_lower;

use super::quotes::{Quote, find_quotes};
use crate::Input;

/// No quote / no unit.
pub const NONE: u32 = u32::MAX;

/// The lowercase forms of a document's tokens, concatenated: built before the [`Doc`]
/// that borrows one slice of it per token.
#[derive(Debug)]
pub struct Lowered {
    buf: String,
    /// Token i's range in `buf`.
    at: Vec<(u32, u32)>,
}

impl Lowered {
    pub fn new(input: &Input<'_>) -> Lowered {
        let tokens = input.tokens;
        let mut buf = String::with_capacity(input.text.len());
        let mut at = Vec::with_capacity(tokens.len());
        for token in tokens {
            let word = token.span.slice(input.text);
            let start = buf.len() as u32;
            if token.kind == TokenKind::Word && word.len() <= 64 {
                push_lower(&mut buf, word);
            } else if word.len() <= 8 {
                buf.push_str(word);
            }
            at.push((start, buf.len() as u32));
        }
        Lowered { buf, at }
    }
}

#[derive(Debug)]
pub struct Doc<'a> {
    pub input: &'a Input<'a>,
    /// Each token's text and lowercase form, sliced once: the patterns read them many
    /// times per token.
    words: Vec<&'a str>,
    lows: Vec<&'a str>,
    pub quotes: Vec<Quote>,
    /// Index into `quotes` of the quote containing each token (marks included), or NONE.
    pub quote_of: Vec<u32>,
    /// Units: sentences merged so that no quote crosses a unit boundary. Token ranges.
    pub units: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    pub fn new(input: &'a Input<'a>, lowered: &'a Lowered) -> Doc<'a> {
        let tokens = input.tokens;
        let words = tokens.iter().map(|token| token.span.slice(input.text)).collect();
        let lows = lowered
            .at
            .iter()
            .map(|&(start, end)| lowered.buf.get(start as usize..end as usize).unwrap_or(""))
            .collect();
        let quotes = find_quotes(input.text, tokens);
        let mut quote_of = vec![NONE; tokens.len()];
        for (q, quote) in quotes.iter().enumerate() {
            for slot in quote_of.iter_mut().take(quote.end).skip(quote.start) {
                *slot = q as u32;
            }
        }
        // Units: sentence runs merged while a quote crosses the boundary between them.
        let mut units: Vec<(usize, usize)> = Vec::new();
        for sentence in input.sentences {
            let (start, end) = (sentence.token_start, sentence.token_end.min(tokens.len()));
            if start >= end {
                continue;
            }
            let crosses = start > 0
                && quote_of[start] != NONE
                && quote_of[start] == quote_of[start - 1]
                && quotes[quote_of[start] as usize].start < start;
            match units.last_mut() {
                Some(last) if crosses && last.1 == start => last.1 = end,
                _ => units.push((start, end)),
            }
        }
        Doc { input, words, lows, quotes, quote_of, units }
    }

    pub fn len(&self) -> usize {
        self.input.tokens.len()
    }

    /// The lowercase form of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &'a str {
        self.lows.get(i).copied().unwrap_or("")
    }

    /// The text of token `i` as written ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.input.tokens.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_quote_mark(&self, i: usize) -> bool {
        claimgraph_text::words::is_quote(self.word(i))
    }

    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_of.get(i).is_some_and(|&q| q != NONE)
    }

    /// The quote that opens at token `i`, if any.
    pub fn quote_opening_at(&self, i: usize) -> Option<Quote> {
        let q = *self.quote_of.get(i)?;
        let quote = *self.quotes.get(q as usize)?;
        (quote.start == i).then_some(quote)
    }

    /// The quote whose last token is `i`, if any.
    pub fn quote_ending_at(&self, i: usize) -> Option<Quote> {
        let q = *self.quote_of.get(i)?;
        let quote = *self.quotes.get(q as usize)?;
        (quote.end == i + 1).then_some(quote)
    }

    pub fn para_start(&self, i: usize) -> bool {
        i == 0 || self.input.tokens.get(i).is_some_and(|t| t.newlines_before >= 2)
    }

    /// Byte span of tokens `start..end` (end exclusive, non-empty).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let tokens = self.input.tokens;
        let first = tokens.get(start).map_or(0, |t| t.span.start);
        let last = tokens.get(end.saturating_sub(1)).map_or(first, |t| t.span.end);
        Span::new(first, last.max(first))
    }
}
