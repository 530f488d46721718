//! The tokenizer: words, numbers and single punctuation marks, whitespace dropped.
//!
//! Rules, in order of precedence:
//! - a run of letters and digits is one token; inner apostrophes stay inside ("O'Brien",
//!   "don't") except the possessive "'s", which becomes its own token ("Iran", "'s");
//! - single letters joined by periods are one token with the final period ("U.S.",
//!   "a.m.", "e.g."), so that sentence splitting and entity spans see one unit;
//! - digits with inner `,` or `.` followed by a digit stay one number ("25,000", "4.5");
//! - a run of periods is one token ("..."); any other non-space character is a token.
//!
//! Hyphens are separate tokens; `Token::space_before` tells later stages whether a
//! hyphenated compound ("half-a-million", "Tehran-Karaj") was written without spaces.

use claimgraph_model::{Span, Token, TokenKind};

/// Splits `text` into tokens. Never fails; linear in the length of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    let mut space_before = false;
    let mut newlines_before: u16 = 0;
    while pos < text.len() {
        let Some(ch) = text[pos..].chars().next() else { break };
        if ch.is_whitespace() {
            if ch == '\n' || ch == '\u{2029}' || ch == '\u{85}' {
                newlines_before = newlines_before.saturating_add(1);
            }
            space_before = true;
            pos += ch.len_utf8();
            continue;
        }
        let start = pos;
        let (end, kind) = if ch.is_alphanumeric() {
            scan_word(text, start)
        } else if ch == '.' {
            let mut end = start;
            while end < bytes.len() && bytes[end] == b'.' {
                end += 1;
            }
            (end, TokenKind::Punct)
        } else if (ch == '\'' || ch == '’') && is_possessive_s(text, start + ch.len_utf8()) {
            (start + ch.len_utf8() + 1, TokenKind::Word)
        } else {
            (start + ch.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token { span: Span::new(start, end), kind, space_before, newlines_before });
        space_before = false;
        newlines_before = 0;
        pos = end;
    }
    tokens
}

/// True when `text[pos..]` is "s" followed by a non-alphanumeric or the end.
fn is_possessive_s(text: &str, pos: usize) -> bool {
    let rest = &text.as_bytes()[pos.min(text.len())..];
    matches!(rest.first(), Some(b's' | b'S'))
        && !rest.get(1).is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
}

fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    if let Some(end) = scan_dotted_abbreviation(text, start) {
        return (end, TokenKind::Word);
    }
    let bytes = text.as_bytes();
    let mut end = start;
    let mut all_digits = true;
    while let Some(ch) = text[end..].chars().next() {
        if ch.is_alphanumeric() {
            all_digits &= ch.is_ascii_digit();
            end += ch.len_utf8();
            continue;
        }
        // Inner separators of numbers: "25,000", "4.5".
        if (ch == ',' || ch == '.')
            && all_digits
            && end > start
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
        {
            end += 1;
            continue;
        }
        // Inner apostrophes: "O'Brien", "don't", but not the possessive "'s".
        if (ch == '\'' || ch == '’') && !all_digits {
            let after = end + ch.len_utf8();
            let next_is_letter = text[after..].chars().next().is_some_and(char::is_alphabetic);
            if next_is_letter && !is_possessive_s(text, after) {
                end = after;
                continue;
            }
        }
        break;
    }
    let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
    (end, kind)
}

/// "U.S.", "U.S.A.", "e.g.", "a.m.": single letters each followed by a period, at least
/// two of them. Returns the end including the final period.
fn scan_dotted_abbreviation(text: &str, start: usize) -> Option<usize> {
    let mut pos = start;
    let mut n_letters = 0;
    loop {
        let ch = text[pos..].chars().next()?;
        if !ch.is_alphabetic() {
            break;
        }
        let after_letter = pos + ch.len_utf8();
        if text.as_bytes().get(after_letter) != Some(&b'.') {
            break;
        }
        // The letter must stand alone: the char after the period is not a letter
        // continuing a word, except the next single letter of the abbreviation.
        n_letters += 1;
        pos = after_letter + 1;
        let next = text[pos..].chars().next();
        let next_next = next.and_then(|c| text[pos + c.len_utf8()..].chars().next());
        match (next, next_next) {
            (Some(c), Some('.')) if c.is_alphabetic() => continue,
            _ => break,
        }
    }
    // Reject when the letter run was longer than one letter ("Mr." is not dotted).
    (n_letters >= 2).then_some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &str) {
        let got: Vec<&str> = tokenize(text).iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(got.join(" | "), expected, "tokens of {text:?}");
    }

    #[test]
    fn words_numbers_and_punctuation() {
        check("Iran's IRGC runs 14 camps.", "Iran | 's | IRGC | runs | 14 | camps | .");
        check("25,000 militias and 4.5%", "25,000 | militias | and | 4.5 | %");
        check("the U.S. and U.K. said", "the | U.S. | and | U.K. | said");
        check("Mr. O'Brien don't", "Mr | . | O'Brien | don't");
        check("half-a-million", "half | - | a | - | million");
        check("wait... what", "wait | ... | what");
        check("in1971 the 1980s", "in1971 | the | 1980s");
        check("“Quoted,” he said", "“ | Quoted | , | ” | he | said");
        check("Gen. J. R. Smith", "Gen | . | J | . | R | . | Smith");
        check("", "");
    }

    #[test]
    fn spacing_and_newlines() {
        let text = "A\n\nB-C";
        let tokens = tokenize(text);
        assert_eq!(tokens[1].newlines_before, 2);
        assert!(tokens[1].space_before);
        assert!(!tokens[2].space_before);
        assert_eq!(tokens[2].kind, TokenKind::Punct);
    }
}
