//! The document view every pattern reads: lowercase words, sentence and paragraph
//! indices, and which top-level quote each token is in, computed once per document.

use claimgraph_model::{Span, TokenKind};

use super::quotes::{Quote, find_quotes};
use crate::Input;

/// No quote / no unit.
pub const NONE: u32 = u32::MAX;

#[derive(Debug)]
pub struct Doc<'a> {
    pub input: &'a Input<'a>,
    /// Lowercase forms of all tokens, concatenated; `lower_at[i]` is token i's range.
    lower_buf: String,
    lower_at: Vec<(u32, u32)>,
    pub quotes: Vec<Quote>,
    /// Index into `quotes` of the quote containing each token (marks included), or NONE.
    pub quote_of: Vec<u32>,
    /// Units: sentences merged so that no quote crosses a unit boundary. Token ranges.
    pub units: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    pub fn new(input: &'a Input<'a>) -> Doc<'a> {
        let tokens = input.tokens;
        let mut lower_buf = String::with_capacity(input.text.len());
        let mut lower_at = Vec::with_capacity(tokens.len());
        for token in tokens {
            let word = token.span.slice(input.text);
            let start = lower_buf.len() as u32;
            if token.kind == TokenKind::Word && word.len() <= 64 {
                for ch in word.chars() {
                    match ch {
                        '’' | '‘' => lower_buf.push('\''),
                        _ if ch.is_ascii() => lower_buf.push(ch.to_ascii_lowercase()),
                        _ => lower_buf.extend(ch.to_lowercase()),
                    }
                }
            } else if word.len() <= 8 {
                lower_buf.push_str(word);
            }
            lower_at.push((start, lower_buf.len() as u32));
        }
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
        Doc { input, lower_buf, lower_at, quotes, quote_of, units }
    }

    pub fn len(&self) -> usize {
        self.input.tokens.len()
    }

    /// The lowercase form of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.lower_at
            .get(i)
            .and_then(|&(s, e)| self.lower_buf.get(s as usize..e as usize))
            .unwrap_or("")
    }

    /// The text of token `i` as written.
    pub fn word(&self, i: usize) -> &'a str {
        self.input.word(i)
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
