//! The sentence splitter: rules over tokens.
//!
//! A sentence ends after `.`, `!`, `?`, `...` or `…` (with any closing quotes, brackets,
//! citation markers "[12]" and footnote numbers that follow) when the next token starts a
//! new sentence, and always before a paragraph break. Abbreviations and initials hold the
//! period back. A line without final punctuation (a headline, a list item) ends at a line
//! break when the next line starts like a sentence. Sentences tile the tokens: every token
//! belongs to exactly one sentence.
//!
//! Every decision looks at a bounded window of tokens around the candidate boundary, so
//! the splitter is linear in the number of tokens whatever the input.

use claimgraph_model::{Sentence, Span, Token, TokenKind};

use crate::abbreviations;
use crate::words::{is_all_caps, is_capitalized, is_quote};

/// How far any rule may look back or ahead from a candidate boundary. Keeps the splitter
/// linear on pathological input such as thousands of closing brackets in a row.
const MAX_LOOK: usize = 12;

/// Splits tokenized text into sentences. Never fails; linear in the number of tokens.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let splitter = Splitter { text, tokens };
    let mut sentences = Vec::new();
    let mut start = 0;
    for idx in 0..tokens.len() {
        let is_last = idx + 1 == tokens.len();
        if is_last || splitter.ends_sentence(start, idx) {
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

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Splitter<'_> {
    /// The text of token `idx`, or "" past the end.
    fn word(&self, idx: usize) -> &str {
        self.tokens.get(idx).map_or("", |t| t.span.slice(self.text))
    }

    fn is_word(&self, idx: usize) -> bool {
        self.tokens.get(idx).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Token `idx` exists and is separated from the previous one by whitespace.
    fn spaced(&self, idx: usize) -> bool {
        self.tokens.get(idx).is_some_and(|t| t.space_before)
    }

    /// Does the sentence that started at token `start` end after token `idx`?
    fn ends_sentence(&self, start: usize, idx: usize) -> bool {
        let next = &self.tokens[idx + 1];
        if next.newlines_before >= 2 {
            return true;
        }
        // Nothing splits two tokens written together: "U.S.A.", "what I mean...see", "”)".
        if !next.space_before {
            return false;
        }
        // A list label alone ("2.", "4.1.", "B.", "iv)") belongs to the item it labels, and
        // so does "Figure 1." to its caption.
        if next.newlines_before == 0 && self.is_label_only(start, idx)
            || idx > 0 && self.word(idx) == "." && self.is_caption_label(start, idx - 1)
        {
            return false;
        }
        let next_word = self.word(idx + 1);
        if is_bullet(next_word) || self.continues_enumeration(start, idx + 1) {
            return true;
        }
        // A citation marker "[12]" or "[citation needed]" closes the sentence before it.
        if next_word == "[" && self.citation_end(idx + 1).is_some() {
            return false;
        }
        if let Some(terminal) = self.terminal_before(idx) {
            return self.next_starts_sentence(start, terminal, idx + 1);
        }
        if self.is_caption_label(start, idx)
            && (is_capitalized(next_word) || next_word == "(" || is_quote(next_word))
        {
            return true;
        }
        if self.is_image_credit(idx + 1)
            || self.is_interrupted_speech(idx)
            || self.is_dateline_edge(start, idx)
        {
            return true;
        }
        self.single_newline_break(idx)
    }

    /// The terminal punctuation that ends the text up to token `idx`, looking back over
    /// closing quotes and brackets, citation markers "[3] [4]" and a footnote number.
    fn terminal_before(&self, idx: usize) -> Option<usize> {
        let mut j = idx;
        // "… a publication fee. 8 Yet some …": a footnote number right after a terminal.
        if self.is_footnote_number(j) {
            j -= 1;
        }
        for _ in 0..MAX_LOOK {
            if self.is_terminal_at(j) {
                return Some(j);
            }
            let word = self.word(j);
            if let Some(open) = (word == "]").then(|| self.citation_start(j)).flatten() {
                j = open.checked_sub(1)?;
                continue;
            }
            if !is_closer(word) {
                return None;
            }
            j = j.checked_sub(1)?;
        }
        None
    }

    /// Is token `j` punctuation that can end a sentence?
    fn is_terminal_at(&self, j: usize) -> bool {
        let word = self.word(j);
        if matches!(word, "!" | "?" | "…" | "‼" | "⁇" | "⁈" | "⁉" | "。" | "！" | "？")
        {
            return true;
        }
        if word == "." {
            // A spaced ellipsis ". . ." marks an omission inside a sentence; a fourth
            // period (". . . .") ends the sentence.
            let mut dots = 1;
            let mut k = j;
            while dots < 5 && k > 0 && self.spaced(k) && self.word(k - 1) == "." {
                dots += 1;
                k -= 1;
            }
            return dots != 3;
        }
        if !word.is_empty() && word.bytes().all(|b| b == b'.') {
            return true;
        }
        // A dotted abbreviation carries its own final period: "U.S.", "a.m.".
        self.is_word(j) && word.ends_with('.')
    }

    /// Given the terminal at `terminal`, does token `next_idx` start a new sentence?
    fn next_starts_sentence(&self, start: usize, terminal: usize, next_idx: usize) -> bool {
        let next = &self.tokens[next_idx];
        let next_word = self.word(next_idx);
        // The footnote number is decided at the number itself: "fee. 8 | Yet".
        if self.is_footnote_number(next_idx) && self.starts_capitalized(next_idx + 1) {
            return false;
        }
        // "“… stairways [...]” (Smith 55)." The parenthesis is a citation of the quote.
        if next_word == "(" && self.is_trailing_parenthetical(next_idx) {
            return false;
        }
        let term = self.word(terminal);
        // “Can Toph come over?” I ask. The attribution continues the sentence.
        if term != "." && next_idx > terminal + 1 && self.is_speech_attribution(next_idx) {
            let closed_by_quote = (terminal + 1..next_idx).any(|k| is_quote(self.word(k)));
            if closed_by_quote {
                return false;
            }
        }
        let starts = self.starts_capitalized(next_idx);
        if let Some(verdict) = self.abbreviation_verdict(start, terminal, next_idx, starts) {
            return verdict;
        }
        starts || next.newlines_before > 0 && !next_word.starts_with(char::is_lowercase)
    }

    /// When the period at `terminal` belongs to an abbreviation or initial, whether the
    /// sentence still ends there; `None` when it is an ordinary period.
    fn abbreviation_verdict(
        &self,
        start: usize,
        terminal: usize,
        next_idx: usize,
        starts: bool,
    ) -> Option<bool> {
        let term = self.word(terminal);
        let abbrev = if term == "." {
            if self.spaced(terminal) || terminal == 0 {
                return None;
            }
            // "N°. 5", the numero sign.
            if matches!(self.word(terminal - 1), "°" | "º")
                && terminal >= 2
                && matches!(self.word(terminal - 2), "N" | "n")
            {
                return Some(false);
            }
            if !self.is_word(terminal - 1) {
                return None;
            }
            self.word(terminal - 1)
        } else if self.is_word(terminal) && term.ends_with('.') {
            term
        } else {
            return None;
        };
        // An abbreviation directly precedes what it abbreviates; after a closing quote or a
        // citation ("“Adam vs.” [17] She …") the period is an ordinary one.
        if (terminal + 1..next_idx).any(|k| is_closer(self.word(k))) {
            return None;
        }
        let key = abbrev.trim_end_matches('.').to_ascii_lowercase();
        let strong = self.is_strong_start(next_idx);
        // "No. 5" but "No. I don't think so."; "Art. 12" but "modern art. It".
        if abbreviations::is_before_number(abbrev) {
            let numbered =
                self.tokens.get(terminal + 1).is_some_and(|t| t.kind == TokenKind::Number);
            return numbered.then_some(false);
        }
        if abbreviations::is_never_final(abbrev) {
            return Some(false);
        }
        let mut chars = abbrev.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            // An initial ("J. R. Smith") or a one-letter abbreviation ("b. 1950", "p. 12")
            // unless a word that typically opens a sentence follows ("you and I. Did").
            // A letter at the end of a hyphenated word ("Hm-m.") is no abbreviation.
            let hyphenated =
                terminal >= 2 && !self.spaced(terminal - 1) && self.word(terminal - 2) == "-";
            if c.is_alphabetic() && !hyphenated {
                return Some(strong);
            }
            return None;
        }
        if key == "a.m" || key == "p.m" {
            // "It is 2:25 a.m. I've been studying" ends; "At 5 a.m. Mr. Smith went" is a
            // fronted time phrase, not a sentence.
            let next_word = self.word(next_idx);
            // "9 a.m. Tuesday", "5 p.m. EST" continue the time expression.
            let new_clause = is_capitalized(next_word)
                && !is_all_caps(next_word)
                && !is_month(next_word)
                && !is_weekday(next_word);
            return Some(new_clause && !self.is_time_phrase(start, terminal));
        }
        if key == "etc" {
            return Some(starts);
        }
        if abbreviations::is_sometimes_final(abbrev) || abbrev.contains('.') {
            return Some(starts && strong);
        }
        None
    }

    /// Does token `idx` begin like a sentence: a capital, a number, an opening quote or
    /// bracket, a list marker, or a lowercase brand name ("eHow", "iPhone")?
    fn starts_capitalized(&self, idx: usize) -> bool {
        let Some(token) = self.tokens.get(idx) else { return false };
        let word = self.word(idx);
        is_capitalized(word)
            || token.kind == TokenKind::Number
            || is_quote(word)
            || matches!(word, "(" | "[")
            || is_list_marker(word)
            || is_camel_case(word)
    }

    /// A capitalized word that commonly opens a sentence, so that "in the U.S. The ..."
    /// splits while "the U.S. Senate" does not.
    fn is_strong_start(&self, idx: usize) -> bool {
        let word = self.word(idx);
        is_common_sentence_start(word) || self.is_image_credit(idx)
    }

    /// A footnote number right after a sentence: "… fee. 8 Yet some …" (1–3 digits).
    fn is_footnote_number(&self, idx: usize) -> bool {
        let word = self.word(idx);
        idx > 0
            && self.tokens[idx].newlines_before == 0
            && self.tokens[idx].space_before
            && (1..=3).contains(&word.len())
            && word.bytes().all(|b| b.is_ascii_digit())
            && self.starts_capitalized(idx + 1)
            && self.spaced(idx + 1)
            && self.word(idx + 1).chars().next().is_some_and(char::is_alphabetic)
            && (self.is_terminal_at(idx - 1) || is_closer(self.word(idx - 1)))
    }

    /// If token `open` is "[" opening a citation marker ("[12]", "[citation needed]",
    /// "[better source needed]"), the index of its "]".
    fn citation_end(&self, open: usize) -> Option<usize> {
        if self.tokens.get(open)?.newlines_before > 0 {
            return None;
        }
        for k in open + 1..(open + 6).min(self.tokens.len()) {
            let word = self.word(k);
            if word == "]" {
                return (k > open + 1).then_some(k);
            }
            let ok = self.tokens[k].newlines_before == 0
                && (self.tokens[k].kind != TokenKind::Punct || matches!(word, "," | "-" | "–"));
            if !ok {
                return None;
            }
        }
        None
    }

    /// If token `close` is "]" closing a citation marker, the index of its "[".
    fn citation_start(&self, close: usize) -> Option<usize> {
        let lowest = close.saturating_sub(5);
        (lowest..close)
            .rev()
            .find(|&k| self.word(k) == "[")
            .filter(|&open| self.citation_end(open) == Some(close))
    }

    /// A parenthesis after a sentence's terminal that is itself closed by punctuation,
    /// so it belongs to the sentence before: "“… [...]” (Smith 55)." or "bar. (2012)."
    fn is_trailing_parenthetical(&self, open: usize) -> bool {
        if self.tokens[open].newlines_before > 0 {
            return false;
        }
        for k in open + 1..(open + MAX_LOOK).min(self.tokens.len()) {
            let word = self.word(k);
            if self.tokens[k].newlines_before > 0 || word == "(" || self.is_terminal_at(k) {
                return false;
            }
            if word == ")" {
                let after = k + 1;
                return !self.spaced(after)
                    && self.tokens.get(after).is_some()
                    && matches!(self.word(after), "." | "," | ";");
            }
        }
        false
    }

    /// "Pete said", "I ask", "Mrs. Claus called": a short capitalized subject, then a
    /// verb of saying, after a quotation that ended with "?" or "!".
    fn is_speech_attribution(&self, idx: usize) -> bool {
        if !is_capitalized(self.word(idx)) {
            return false;
        }
        for k in idx + 1..(idx + 4).min(self.tokens.len()) {
            let word = self.word(k);
            if is_speech_verb(word) {
                return true;
            }
            if !(is_capitalized(word) || word == ".") {
                return false;
            }
        }
        false
    }

    /// The sentence so far is only a list label: "2.", "4.1.", "B.", "iv)", "1.)", "⁃9.".
    fn is_label_only(&self, start: usize, idx: usize) -> bool {
        if idx - start >= 6 || !matches!(self.word(idx), "." | ")") {
            return false;
        }
        let mut has_label = false;
        for k in start..=idx {
            let word = self.word(k);
            let token = &self.tokens[k];
            let is_label = match token.kind {
                TokenKind::Number => word.len() <= 6,
                TokenKind::Word => word.chars().count() == 1 || is_roman_numeral(word),
                TokenKind::Punct => false,
            };
            if is_label {
                has_label = true;
            } else if !(matches!(word, "." | ")" | "(") || is_list_marker(word)) {
                return false;
            }
        }
        has_label
    }

    /// The enumerator at token `idx`: an optional bullet, a number of up to three digits
    /// and its delimiter, as (value, delimiter).
    fn enumerator_at(&self, mut idx: usize) -> Option<(u32, &str)> {
        if is_list_marker(self.word(idx)) && !self.spaced(idx + 1) {
            idx += 1;
        }
        let word = self.word(idx);
        if word.is_empty() || word.len() > 3 || !word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value = word.parse().ok()?;
        let delim = self.word(idx + 1);
        if self.spaced(idx + 1) || !matches!(delim, "." | ")") {
            return None;
        }
        Some((value, delim))
    }

    /// "1) The first item 2) The second item": a sentence that opened with enumerator n
    /// ends before enumerator n + 1 of the same style.
    fn continues_enumeration(&self, start: usize, idx: usize) -> bool {
        let Some((first, delim)) = self.enumerator_at(start) else { return false };
        self.enumerator_at(idx).is_some_and(|(value, d)| value == first + 1 && d == delim)
    }

    /// "Figure 1.3" or "Table 2" opening a paragraph, before the caption text.
    fn is_caption_label(&self, start: usize, idx: usize) -> bool {
        let first = &self.tokens[start];
        (start == 0 || first.newlines_before > 0)
            && idx > start
            && idx - start <= 2
            && self.tokens[idx].kind == TokenKind::Number
            && matches!(self.word(start), "Figure" | "Fig" | "Table" | "Map" | "Chart" | "Plate")
    }

    /// "Image: NASA" after a caption without final punctuation.
    fn is_image_credit(&self, idx: usize) -> bool {
        matches!(self.word(idx), "Image" | "image" | "Photo" | "Credit")
            && self.word(idx + 1) == ":"
            && !self.spaced(idx + 1)
    }

    /// Transcribed speech broken off with a dash before a new start: "where you — You
    /// know, the horse …", "there's -- What?"
    fn is_interrupted_speech(&self, idx: usize) -> bool {
        let word = self.word(idx);
        let dash_start = match word {
            "—" | "–" => idx,
            "-" if idx > 0 && self.word(idx - 1) == "-" && !self.spaced(idx) => idx - 1,
            _ => return false,
        };
        let next_word = self.word(idx + 1);
        if dash_start == 0
            || !self.spaced(dash_start)
            || !self.is_word(dash_start - 1)
            || !is_conversational_start(next_word)
        {
            return false;
        }
        // A restart that repeats the broken-off words is a repair inside one sentence:
        // "You can't — You can't multiply them", "I'm gonna conquer — I'm gonna conquer you".
        let stem = contraction_stem(next_word);
        let repeats = (dash_start.saturating_sub(5)..dash_start)
            .any(|k| contraction_stem(self.word(k)).eq_ignore_ascii_case(stem));
        !repeats
    }

    /// A dateline "Tuesday, January 21, 2014" starting at token `idx`: returns the index
    /// of its year.
    fn dateline_at(&self, idx: usize) -> Option<usize> {
        let year = idx + 5;
        let shaped = is_weekday(self.word(idx))
            && self.word(idx + 1) == ","
            && is_month(self.word(idx + 2))
            && self.tokens.get(idx + 3).is_some_and(|t| t.kind == TokenKind::Number)
            && self.word(idx + 4) == ","
            && self.word(year).len() == 4
            && self.tokens[year].kind == TokenKind::Number;
        shaped.then_some(year)
    }

    /// A headline runs into its dateline on one line ("… sea anemone Tuesday, January 21,
    /// 2014"), and the dateline into the first sentence ("… 2012 Wikinews interviewed").
    fn is_dateline_edge(&self, start: usize, idx: usize) -> bool {
        let before_dateline = self.dateline_at(idx + 1).is_some()
            && self.is_word(idx)
            && !matches!(
                self.word(idx).to_ascii_lowercase().as_str(),
                "on" | "by"
                    | "until"
                    | "till"
                    | "since"
                    | "before"
                    | "after"
                    | "from"
                    | "last"
                    | "next"
                    | "this"
                    | "every"
                    | "of"
                    | "and"
                    | "or"
            );
        let after_dateline = idx >= start + 5
            && self.dateline_at(idx - 5) == Some(idx)
            && (idx - 5 == start || self.tokens[idx - 5].newlines_before > 0)
            && is_capitalized(self.word(idx + 1));
        before_dateline || after_dateline
    }

    /// "At 5 a.m." alone: a short phrase opened by a preposition, not a sentence.
    fn is_time_phrase(&self, start: usize, terminal: usize) -> bool {
        terminal - start <= 4
            && matches!(
                self.word(start).to_ascii_lowercase().as_str(),
                "at" | "by" | "from" | "until" | "till" | "since" | "before" | "after" | "around"
            )
    }

    /// A single line break ends a sentence when the line has no final punctuation and the
    /// next line starts with a capital: headlines, datelines and list items.
    fn single_newline_break(&self, idx: usize) -> bool {
        let next = &self.tokens[idx + 1];
        if next.newlines_before == 0 {
            return false;
        }
        let word = self.word(idx);
        if matches!(word, "," | ";" | ":" | "-" | "(" | "and" | "or" | "of" | "the") {
            return false;
        }
        let next_word = self.word(idx + 1);
        is_capitalized(next_word)
            || is_list_marker(next_word)
            || is_quote(next_word)
            || next.kind == TokenKind::Number
    }
}

fn is_list_marker(word: &str) -> bool {
    matches!(word, "-" | "*" | "•" | "–" | "—" | "·" | "⁃" | "▪" | "◦" | "‣" | "●" | "■")
}

/// Bullets that only ever mark list items, so they start one even mid-line.
fn is_bullet(word: &str) -> bool {
    matches!(word, "•" | "⁃" | "▪" | "◦" | "‣" | "●" | "■")
}

fn is_closer(word: &str) -> bool {
    matches!(word, "\"" | "”" | "’" | "'" | "»" | ")" | "]" | "›" | "''")
}

/// "iPhone", "eHow": lowercase first letter, a capital later.
fn is_camel_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_lowercase) && chars.any(char::is_uppercase)
}

/// "I'm" → "I", "That’s" → "That": the word before an apostrophe.
fn contraction_stem(word: &str) -> &str {
    word.split(['\'', '’']).next().unwrap_or(word)
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

fn is_month(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

fn is_roman_numeral(word: &str) -> bool {
    word.len() <= 5
        && (word.bytes().all(|b| b"IVXLC".contains(&b))
            || word.bytes().all(|b| b"ivxlc".contains(&b)))
}

fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "asked"
            | "asks"
            | "ask"
            | "replied"
            | "replies"
            | "cried"
            | "called"
            | "shouted"
            | "yelled"
            | "whispered"
            | "answered"
            | "added"
            | "continued"
            | "began"
            | "started"
            | "howled"
            | "screamed"
            | "muttered"
            | "murmured"
            | "exclaimed"
            | "insisted"
            | "laughed"
            | "sighed"
            | "snapped"
            | "demanded"
            | "wondered"
            | "repeated"
            | "gasped"
            | "groaned"
            | "mumbled"
            | "stammered"
            | "protested"
            | "pleaded"
            | "begged"
            | "hissed"
            | "roared"
            | "shrieked"
            | "wailed"
            | "sobbed"
    )
}

/// Words that open a new utterance in transcribed speech after a broken-off one.
fn is_conversational_start(word: &str) -> bool {
    matches!(
        word,
        "I'm"
            | "I’m"
            | "I've"
            | "I’ve"
            | "You"
            | "We"
            | "They"
            | "He"
            | "She"
            | "It"
            | "It's"
            | "It’s"
            | "That"
            | "That's"
            | "That’s"
            | "This"
            | "There"
            | "There's"
            | "What"
            | "Why"
            | "How"
            | "Where"
            | "Well"
            | "Yes"
            | "Yeah"
            | "Oh"
            | "Okay"
            | "So"
            | "Do"
            | "Does"
            | "Did"
            | "Can"
            | "Wait"
            | "Let's"
            | "Let’s"
            | "Would"
            | "Although"
            | "First"
    )
}

/// Capitalized words that commonly open a sentence.
fn is_common_sentence_start(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "In"
            | "On"
            | "At"
            | "As"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "Because"
            | "Although"
            | "Though"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "Your"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Which"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Each"
            | "Every"
            | "According"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Furthermore"
            | "Thus"
            | "Therefore"
            | "Then"
            | "Now"
            | "Yet"
            | "Still"
            | "Also"
            | "For"
            | "To"
            | "With"
            | "Did"
            | "Do"
            | "Does"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Can"
            | "Could"
            | "Will"
            | "Would"
            | "Should"
            | "Let"
            | "Yes"
            | "No"
            | "Not"
            | "Oh"
            | "Well"
            | "I'm"
            | "I’m"
            | "I've"
            | "I’ve"
            | "It's"
            | "It’s"
            | "That's"
            | "That’s"
            | "Let's"
            | "Let’s"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens).iter().map(|s| s.span.slice(text)).collect()
    }

    fn check(text: &str, expected: &[&str]) {
        assert_eq!(split(text), expected, "sentences of {text:?}");
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
        check(
            "Dr. Ann Lee arrived on Jan. 5 with Prof. Ito.",
            &["Dr. Ann Lee arrived on Jan. 5 with Prof. Ito."],
        );
        check(
            "They hired Smith & Co. last year. It went well.",
            &["They hired Smith & Co. last year.", "It went well."],
        );
        check(
            "We sold it to Acme Inc. They paid late.",
            &["We sold it to Acme Inc.", "They paid late."],
        );
        check(
            "Rooms cost less in the E.U. What about rent?",
            &["Rooms cost less in the E.U.", "What about rent?"],
        );
        check("She ran the U.N. Security Council.", &["She ran the U.N. Security Council."]);
    }

    #[test]
    fn one_letter_abbreviations_and_the_pronoun_i() {
        check(
            "Both of us went, my brother and I. Did anyone notice?",
            &["Both of us went, my brother and I.", "Did anyone notice?"],
        );
        check("I met Henry V. Lawson in town.", &["I met Henry V. Lawson in town."]);
        check("Her son (b. March 2001) lives abroad.", &["Her son (b. March 2001) lives abroad."]);
        check(
            "See the review (Lee, 2004, p. 31) for details.",
            &["See the review (Lee, 2004, p. 31) for details."],
        );
        check(
            "Use a sieve (e.g. The Fine Mesh brand) to drain it.",
            &["Use a sieve (e.g. The Fine Mesh brand) to drain it."],
        );
    }

    #[test]
    fn no_as_a_word_and_as_an_abbreviation() {
        check("Is it broken? No. It works fine.", &["Is it broken?", "No.", "It works fine."]);
        check("He wore shirt No. 7 all season.", &["He wore shirt No. 7 all season."]);
    }

    #[test]
    fn times_of_day() {
        check("We left at 9 p.m. The bus was late.", &["We left at 9 p.m.", "The bus was late."]);
        check(
            "By 6 a.m. Mrs. Tran had opened the shop.",
            &["By 6 a.m. Mrs. Tran had opened the shop."],
        );
        check(
            "The store opens at 8 a.m. on weekdays.",
            &["The store opens at 8 a.m. on weekdays."],
        );
    }

    #[test]
    fn numbers_and_decimals() {
        check(
            "It costs $12.50 now. Prices rose 3.5 percent.",
            &["It costs $12.50 now.", "Prices rose 3.5 percent."],
        );
        check(
            "Call box N°. 4417.200 today. It is open.",
            &["Call box N°. 4417.200 today.", "It is open."],
        );
    }

    #[test]
    fn ellipses() {
        check("Well... maybe later.", &["Well... maybe later."]);
        check(
            "He paused . . . and then it was over . . . . Nobody spoke.",
            &["He paused . . . and then it was over . . . .", "Nobody spoke."],
        );
        check("I mean . . . I cannot say.", &["I mean . . . I cannot say."]);
        check("It stopped… Then it rained.", &["It stopped…", "Then it rained."]);
    }

    #[test]
    fn quotes_and_paragraphs() {
        check("“We will act.” He left.", &["“We will act.”", "He left."]);
        check("“Why?” he asked.", &["“Why?” he asked."]);
        check("“Are you coming?” Maria asked.", &["“Are you coming?” Maria asked."]);
        check("\"Stop!\" I shouted at them.", &["\"Stop!\" I shouted at them."]);
        check("He said, 'Good.' she nodded.", &["He said, 'Good.' she nodded."]);
        check("Headline here\n\nBody text", &["Headline here", "Body text"]);
        check("no final punctuation", &["no final punctuation"]);
        check(
            "She wrote “the end is near [...]” (Park 12). Then she left.",
            &["She wrote “the end is near [...]” (Park 12).", "Then she left."],
        );
        check(
            "She spoke (she rarely did so.) at the meeting.",
            &["She spoke (she rarely did so.) at the meeting."],
        );
        check("Wait?! Who is it??", &["Wait?!", "Who is it??"]);
    }

    #[test]
    fn citations_and_footnotes() {
        check(
            "The bridge opened in 1932. [4] It carries trains.",
            &["The bridge opened in 1932. [4]", "It carries trains."],
        );
        check(
            "She was born in Ohio. [2] [5] [citation needed] Later she moved.",
            &["She was born in Ohio. [2] [5] [citation needed]", "Later she moved."],
        );
        check("It rose sharply.\" [7] Prices fell.", &["It rose sharply.\" [7]", "Prices fell."]);
        check(
            "Rates were high. 3 Some banks failed.",
            &["Rates were high. 3", "Some banks failed."],
        );
    }

    #[test]
    fn headings_and_lists() {
        check("Title line\nFirst sentence here.", &["Title line", "First sentence here."]);
        check("2. Methods\n\nWe measured it.", &["2. Methods", "We measured it."]);
        check(
            "4.1. Limits of the study\n\nFew took part.",
            &["4.1. Limits of the study", "Few took part."],
        );
        check("1.) Buy milk. 2.) Buy eggs.", &["1.) Buy milk.", "2.) Buy eggs."]);
        check("1) Buy milk 2) Buy eggs", &["1) Buy milk", "2) Buy eggs"]);
        check("1. Buy milk 2. Buy eggs", &["1. Buy milk", "2. Buy eggs"]);
        check("• Buy milk • Buy eggs", &["• Buy milk", "• Buy eggs"]);
        check("B. Tokyo\n\nC. Osaka", &["B. Tokyo", "C. Osaka"]);
        check("Figure 3.2 The river in flood.", &["Figure 3.2", "The river in flood."]);
        check("Figure 3. The river in flood.", &["Figure 3. The river in flood."]);
        check("Crowds at the parade Image: Jo Ray.", &["Crowds at the parade", "Image: Jo Ray."]);
    }

    #[test]
    fn interrupted_speech() {
        check("So we could — Yeah, fine.", &["So we could —", "Yeah, fine."]);
        check("I tried -- What was that?", &["I tried --", "What was that?"]);
        check("Paris — The city of light.", &["Paris — The city of light."]);
    }

    #[test]
    fn lowercase_brand_names_start_sentences() {
        check("I used it daily. eBay was next.", &["I used it daily.", "eBay was next."]);
        check("It was 5 p.m. on the dot.", &["It was 5 p.m. on the dot."]);
        check("I got a C. I'm so mad.", &["I got a C.", "I'm so mad."]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", ".", "...", "]]]]", "[[[[", "( ) .", "1.", "“", "— —", "N°.", "a. b. c."]
        {
            let tokens = tokenize(text);
            let sentences = split_sentences(text, &tokens);
            assert_eq!(
                sentences.iter().map(|s| s.token_end - s.token_start).sum::<usize>(),
                tokens.len()
            );
        }
    }

    proptest! {
        #[test]
        fn sentences_tile_tokens(text in "(?s).{0,200}") {
            check_tiling(&text);
        }

        #[test]
        fn sentences_tile_tokens_on_punctuation_heavy_text(
            text in "[a-zA-Z0-9 .!?\"“”'’()\\[\\]\n°—-]{0,200}"
        ) {
            check_tiling(&text);
        }
    }

    fn check_tiling(text: &str) {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let mut next = 0;
        for s in &sentences {
            assert_eq!(s.token_start, next);
            assert!(s.token_end > s.token_start);
            assert_eq!(s.span.start, tokens[s.token_start].span.start);
            assert_eq!(s.span.end, tokens[s.token_end - 1].span.end);
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            next = s.token_end;
        }
        assert_eq!(next, tokens.len());
    }
}
