//! Pairing quotation marks into top-level quotes, in one left-to-right pass.
//!
//! Double marks of every style open and close quotes: “…”, „…“, «…», ``…'' and straight
//! "…", where a straight mark closes when a quote is open and opens otherwise. A quote
//! that is still open at a paragraph break continues when the next paragraph starts with
//! an opening mark (the convention for quotes that run over several paragraphs) and is
//! cut at the break otherwise, so that a missing closing mark never swallows the rest of
//! the document. Marks inside an open quote nest one level (“… ‘…’ …”) and never close
//! it, but for an opening mark written for the closing one (“…,“ said X): glued to what
//! comes before it and not to a word after it, it closes. Single marks ‘…’ make a
//! top-level quote only when no double quote is open and the closing mark is found in the
//! same paragraph: a lone ’ is more often an apostrophe.
//!
//! The pass keeps a constant amount of state besides the output, so it is linear in the
//! number of tokens whatever the marks look like.

use claimgraph_model::Token;

/// A top-level quote: tokens `start..end`, from the opening mark to the closing mark
/// included (or to the last token before the break that cut it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// False when the quote was cut at a paragraph break or at the end of the text.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// „ opens a quote that “ closes.
    LowOpen,
    /// " opens or closes depending on the state.
    Straight,
    SingleOpen,
    SingleClose,
    /// ' opens or closes depending on the neighbours.
    SingleStraight,
}

fn mark(word: &str) -> Option<Mark> {
    Some(match word {
        "“" | "«" | "``" => Mark::Open,
        "”" | "»" | "''" => Mark::Close,
        "„" => Mark::LowOpen,
        "\"" => Mark::Straight,
        "‘" | "‹" | "‚" => Mark::SingleOpen,
        "’" | "›" => Mark::SingleClose,
        "'" => Mark::SingleStraight,
        _ => return None,
    })
}

/// Finds the top-level quotes of a text, in text order, non-overlapping.
pub fn find_quotes(text: &str, tokens: &[Token]) -> Vec<Quote> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.span.slice(text));
    let para_start = |i: usize| i == 0 || tokens.get(i).is_some_and(|t| t.newlines_before >= 2);
    let glued_after = |i: usize| tokens.get(i + 1).is_some_and(|t| !t.space_before);
    let mut quotes = Vec::new();
    // The open double quote: its start, whether „ opened it, and the nesting depth of
    // inner marks.
    let mut open: Option<(usize, bool)> = None;
    let mut depth = 0u32;
    // A candidate single-mark quote, only while no double quote is open.
    let mut single: Option<usize> = None;
    let mut next = 0;
    while next < tokens.len() {
        let i = next;
        // Two glued straight single marks are one double mark ('' as in ''text'').
        let doubled = word(i) == "'" && word(i + 1) == "'" && glued_after(i);
        let width = if doubled { 2 } else { 1 };
        next = i + width;
        if para_start(i) && i > 0 {
            single = None;
            if let Some((start, low)) = open {
                let reopens =
                    matches!(mark(word(i)), Some(Mark::Open | Mark::Straight | Mark::LowOpen));
                if reopens {
                    // The quote runs on into this paragraph; the mark reopens it.
                    depth = 0;
                    open = Some((start, low));
                    continue;
                }
                quotes.push(Quote { start, end: i, closed: false });
                open = None;
                depth = 0;
            }
        }
        let kind = if doubled { Some(Mark::Straight) } else { mark(word(i)) };
        let Some(kind) = kind else { continue };
        match (open, kind) {
            (None, Mark::Open | Mark::LowOpen) => {
                open = Some((i, kind == Mark::LowOpen));
                single = None;
            }
            (None, Mark::Straight) => {
                // A straight mark glued to the previous word and not to the next one
                // looks like a stray closing mark: skip it rather than open a quote that
                // would run to the end of the paragraph.
                let stray = !tokens[i].space_before && i > 0 && !glued_after(i + width - 1);
                if !stray && i + width < tokens.len() {
                    open = Some((i, false));
                    single = None;
                }
            }
            (None, Mark::Close) => {}
            (None, Mark::SingleOpen | Mark::SingleStraight) => {
                let opens = (tokens[i].space_before || para_start(i) || i == 0) && glued_after(i);
                if opens && single.is_none() {
                    single = Some(i);
                } else if kind == Mark::SingleStraight
                    && let Some(start) = single.take()
                {
                    quotes.push(Quote { start, end: i + 1, closed: true });
                }
            }
            (None, Mark::SingleClose) => {
                if let Some(start) = single {
                    // A closing mark followed by a letter is an apostrophe ("rock ’n’ roll").
                    let next_is_word = glued_after(i)
                        && word(i + 1).chars().next().is_some_and(char::is_alphanumeric);
                    if !next_is_word {
                        quotes.push(Quote { start, end: i + 1, closed: true });
                        single = None;
                    }
                }
            }
            (Some((start, low)), Mark::Open) if low && word(i) == "“" => {
                if depth == 0 {
                    quotes.push(Quote { start, end: i + 1, closed: true });
                    open = None;
                } else {
                    depth -= 1;
                }
            }
            // “…,“ with an opening mark for the closing one: glued to the word or comma
            // before it and not to a word after it, it closes.
            (Some((start, _)), Mark::Open)
                if depth == 0
                    && !tokens[i].space_before
                    && !(glued_after(i)
                        && word(i + 1).chars().next().is_some_and(char::is_alphanumeric)) =>
            {
                quotes.push(Quote { start, end: i + 1, closed: true });
                open = None;
            }
            (Some(_), Mark::Open | Mark::LowOpen) => depth = depth.saturating_add(1),
            (Some((start, _)), Mark::Close | Mark::Straight) => {
                if depth > 0 {
                    depth -= 1;
                } else {
                    quotes.push(Quote { start, end: i + width, closed: true });
                    open = None;
                }
            }
            (Some(_), _) => {}
        }
    }
    if let Some((start, _)) = open {
        quotes.push(Quote { start, end: tokens.len(), closed: false });
    }
    quotes
}
