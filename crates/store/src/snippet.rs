//! Search snippets made in the client: the stretch of a text around the query's words,
//! with the words marked, as SQLite's FTS5 `snippet()` writes them (`[word]`, and `…`
//! where the text was cut). The PostgreSQL store uses it instead of `ts_headline`,
//! which parses every hit's whole text on the server (7 of 25 ms of a search at 100,000
//! documents).

/// The words of a query as snippets match them: runs of letters and digits, lowercased.
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> =
        word_spans(query).map(|(start, end)| query[start..end].to_lowercase()).collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The run of at most `max_words` words of `text` that holds the most of `words` (see
/// [`query_words`]), centred on them, each of them marked `[word]`, with `…` before
/// and after where the text goes on. A text without any of them gives its first words.
pub fn snippet(text: &str, words: &[String], max_words: usize) -> String {
    let spans: Vec<(usize, usize)> = word_spans(text).collect();
    if spans.is_empty() || max_words == 0 {
        return String::new();
    }
    let matched: Vec<bool> = spans
        .iter()
        .map(|&(start, end)| words.binary_search(&text[start..end].to_lowercase()).is_ok())
        .collect();
    let width = max_words.min(spans.len());
    // The first window with the most matches.
    let mut count = matched[..width].iter().filter(|&&m| m).count();
    let mut best = (count, 0);
    for start in 1..=spans.len() - width {
        count += usize::from(matched[start + width - 1]);
        count -= usize::from(matched[start - 1]);
        if count > best.0 {
            best = (count, start);
        }
    }
    // Centre it on its matches.
    let mut start = best.1;
    let in_window = start..start + width;
    if let (Some(first), Some(last)) =
        (in_window.clone().find(|&i| matched[i]), in_window.clone().rev().find(|&i| matched[i]))
    {
        let slack = width - (last - first + 1);
        start = first.saturating_sub(slack / 2).min(spans.len() - width);
    }
    let end = start + width;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = spans[start].0;
    for i in start..end {
        let (word_start, word_end) = spans[i];
        out.push_str(&text[at..word_start]);
        if matched[i] {
            out.push('[');
            out.push_str(&text[word_start..word_end]);
            out.push(']');
        } else {
            out.push_str(&text[word_start..word_end]);
        }
        at = word_end;
    }
    if end < spans.len() {
        out.push('…');
    } else {
        // The text's last word is in: keep what follows it ("rose.").
        out.push_str(text[at..].trim_end());
    }
    out
}

/// Byte spans of the runs of letters and digits.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_words_and_cuts_around_them() {
        let text = "One two three four five six seven. Oil prices rose in Vienna on Monday, \
                    traders said, after eight nine ten.";
        let words = query_words("oil PRICES");
        assert_eq!(words, ["oil", "prices"]);
        assert_eq!(snippet(text, &words, 6), "…six seven. [Oil] [prices] rose in…");
    }

    #[test]
    fn the_window_with_most_matches_wins() {
        let text = "Oil fell. Then a long pause with many other words here and there. \
                    Oil and more oil was sold.";
        let words = query_words("oil");
        assert_eq!(snippet(text, &words, 5), "…[Oil] and more [oil] was…");
    }

    #[test]
    fn a_text_without_the_words_gives_its_start_and_short_texts_stay_whole() {
        let words = query_words("zebra");
        assert_eq!(snippet("Alpha beta gamma delta.", &words, 2), "Alpha beta…");
        assert_eq!(snippet("Alpha beta.", &words, 5), "Alpha beta.");
        assert_eq!(snippet("", &words, 5), "");
        assert_eq!(snippet("…!?", &words, 5), "");
    }

    #[test]
    fn matches_ignore_case_and_punctuation_and_keep_multibyte_text() {
        let words = query_words("U.S. Ölpreis");
        assert_eq!(words, ["s", "u", "ölpreis"]);
        assert_eq!(
            snippet("Der ÖLPREIS stieg in den U.S. stark.", &words, 8),
            "Der [ÖLPREIS] stieg in den [U].[S]. stark."
        );
    }
}
