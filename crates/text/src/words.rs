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

/// Lowercase ASCII-folded key for dictionary look-ups; leaves non-ASCII letters as they are.
pub fn lower(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for ch in word.chars() {
        match ch {
            '’' | '‘' => out.push('\''),
            _ => out.extend(ch.to_lowercase()),
        }
    }
    out
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
}
