//! Small questions about a token's text that every stage asks.

/// First character is uppercase ("Tehran", "IRGC", "McCain").
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Every letter is uppercase and there are at least two letters ("IRGC", "U.S.").
pub fn is_all_caps(word: &str) -> bool {
    let mut n_letters = 0;
    for ch in word.chars() {
        if ch.is_alphabetic() {
            if !ch.is_uppercase() {
                return false;
            }
            n_letters += 1;
        }
    }
    n_letters >= 2
}

/// Lowercase key for dictionary look-ups: curly apostrophes become `'`, letters are
/// lowercased (non-ASCII ones by Unicode's mapping, not stripped of their accents).
pub fn lower(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_lower(&mut out, word);
    out
}

/// [`lower`] of `word` appended to `out`, for stages that lowercase every token of a
/// document into one buffer. An ASCII word, most of news text, is lowercased byte by
/// byte without Unicode's case mapping.
pub fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for ch in word.chars() {
        match ch {
            '’' | '‘' => out.push('\''),
            _ => out.extend(ch.to_lowercase()),
        }
    }
}

/// True for opening or closing quotation marks of any style.
pub fn is_quote(word: &str) -> bool {
    matches!(
        word,
        "\"" | "'" | "“" | "”" | "‘" | "’" | "«" | "»" | "„" | "‚" | "‹" | "›" | "``" | "''"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing() {
        assert!(is_capitalized("Tehran"));
        assert!(!is_capitalized("tehran"));
        assert!(is_all_caps("IRGC"));
        assert!(is_all_caps("U.S."));
        assert!(!is_all_caps("I"));
        assert!(!is_all_caps("Iran"));
        assert_eq!(lower("People’s"), "people's");
    }

    #[test]
    fn push_lower_appends_ascii_and_unicode_words_alike() {
        let mut buf = String::from("x|");
        push_lower(&mut buf, "IRGC");
        push_lower(&mut buf, "ÉLYSÉE");
        push_lower(&mut buf, "Don’t");
        assert_eq!(buf, "x|irgcélyséedon't");
        assert_eq!(lower("Straße"), "straße");
    }
}
