//! The sentence splitter: rules over tokens.
//!
//! A sentence ends after `.`, `!`, `?`, `...` or `…` (with any closing quotes and brackets
//! that follow) when the next token starts a new sentence, and always before a paragraph
//! break. Abbreviations and initials hold the period back. Sentences tile the tokens:
//! every token belongs to exactly one sentence.

use claimgraph_model::{Sentence, Span, Token, TokenKind};

use crate::abbreviations;
use crate::words::{is_capitalized, is_quote};

/// Splits tokenized text into sentences. Never fails; linear in the number of tokens.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for idx in 0..tokens.len() {
        let is_last = idx + 1 == tokens.len();
        if is_last || ends_sentence(text, tokens, idx) {
            sentences.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[idx].span.end),
                token_start: start,
                token_end: idx + 1,
            });
            start = idx + 1;
        }
    }
    sentences
}

/// Does a sentence end after token `idx` (and before token `idx + 1`)?
fn ends_sentence(text: &str, tokens: &[Token], idx: usize) -> bool {
    let Some(next) = tokens.get(idx + 1) else { return true };
    if next.newlines_before >= 2 {
        return true;
    }
    let word = tokens[idx].span.slice(text);
    // Closing quotes and brackets belong to the sentence they close.
    if is_closer(word) {
        let mut back = idx;
        while back > 0 && is_closer(tokens[back].span.slice(text)) {
            back -= 1;
        }
        if !is_terminal(tokens[back].span.slice(text)) {
            return single_newline_break(text, tokens, idx);
        }
        return next_starts_sentence(text, tokens, idx + 1, back);
    }
    if is_closer(next.span.slice(text)) && !next.space_before {
        return false;
    }
    if is_terminal(word) || (word.ends_with('.') && tokens[idx].kind == TokenKind::Word) {
        return next_starts_sentence(text, tokens, idx + 1, idx);
    }
    single_newline_break(text, tokens, idx)
}

/// A single line break ends a sentence when the line has no final punctuation and the
/// next line starts with a capital: headlines, datelines and list items.
fn single_newline_break(text: &str, tokens: &[Token], idx: usize) -> bool {
    let next = &tokens[idx + 1];
    if next.newlines_before == 0 {
        return false;
    }
    let word = tokens[idx].span.slice(text);
    if matches!(word, "," | ";" | ":" | "-" | "(" | "and" | "or" | "of" | "the") {
        return false;
    }
    let next_word = next.span.slice(text);
    is_capitalized(next_word)
        || is_list_marker(next_word)
        || is_quote(next_word)
        || next.kind == TokenKind::Number
}

fn is_list_marker(word: &str) -> bool {
    matches!(word, "-" | "*" | "•" | "–" | "—" | "·")
}

/// Is token `next_idx` the start of a new sentence, given the terminal at `terminal_idx`?
fn next_starts_sentence(
    text: &str,
    tokens: &[Token],
    next_idx: usize,
    terminal_idx: usize,
) -> bool {
    let next = &tokens[next_idx];
    if !next.space_before {
        return false;
    }
    let terminal = tokens[terminal_idx].span.slice(text);
    let next_word = next.span.slice(text);
    let starts_upper = is_capitalized(next_word)
        || next.kind == TokenKind::Number
        || is_quote(next_word)
        || matches!(next_word, "(" | "[")
        || is_list_marker(next_word);
    if terminal == "." || terminal.ends_with('.') && tokens[terminal_idx].kind == TokenKind::Word {
        let before = if terminal == "." {
            terminal_idx.checked_sub(1).map(|i| (tokens[i].span.slice(text), tokens[i]))
        } else {
            Some((terminal, tokens[terminal_idx]))
        };
        if let Some((before_word, before_token)) = before {
            let attached = terminal != "." || !tokens[terminal_idx].space_before;
            if attached && before_token.kind == TokenKind::Word {
                if abbreviations::is_never_final(before_word) {
                    return false;
                }
                // An initial: "J. R. Smith".
                let mut chars = before_word.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    if c.is_uppercase() {
                        return false;
                    }
                }
                if abbreviations::is_sometimes_final(before_word) || before_word.contains('.') {
                    return starts_upper && is_common_sentence_start(next_word);
                }
            }
        }
    }
    starts_upper || next.newlines_before > 0 && !next_word.starts_with(char::is_lowercase)
}

fn is_terminal(word: &str) -> bool {
    matches!(word, "!" | "?" | "…" | "‼" | "⁇" | "。")
        || (!word.is_empty() && word.bytes().all(|b| b == b'.'))
}

fn is_closer(word: &str) -> bool {
    matches!(word, "\"" | "”" | "’" | "'" | "»" | ")" | "]" | "›")
}

/// Words that commonly open a sentence, so that "in the U.S. The ..." splits while
/// "the U.S. Senate" does not.
fn is_common_sentence_start(word: &str) -> bool {
    const STARTS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "But",
        "And",
        "In",
        "On",
        "At",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "My",
        "What",
        "Why",
        "How",
        "Who",
        "Some",
        "Many",
        "Most",
        "According",
        "However",
        "Meanwhile",
        "Yet",
        "So",
        "Still",
        "Also",
    ];
    STARTS.contains(&word) || word.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn check(text: &str, expected: &[&str]) {
        let tokens = tokenize(text);
        let got: Vec<&str> =
            split_sentences(text, &tokens).iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(got, expected, "sentences of {text:?}");
    }

    #[test]
    fn abbreviations_and_initials() {
        check(
            "Mr. Smith met Gen. J. R. Jones in the U.S. Senate. He left.",
            &["Mr. Smith met Gen. J. R. Jones in the U.S. Senate.", "He left."],
        );
        check(
            "He lives in the U.S. The rest is history.",
            &["He lives in the U.S.", "The rest is history."],
        );
    }

    #[test]
    fn quotes_and_paragraphs() {
        check("“We will act.” He left.", &["“We will act.”", "He left."]);
        check("“Why?” he asked.", &["“Why?” he asked."]);
        check("Headline here\n\nBody text", &["Headline here", "Body text"]);
        check("no final punctuation", &["no final punctuation"]);
    }
}
