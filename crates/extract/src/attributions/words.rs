//! Closed word classes the patterns test, as `match`es on lowercase words.

/// Personal and relative pronouns that can be the source of an attribution.
pub fn is_source_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we" | "you" | "it" | "who" | "which")
}

/// Determiners and possessives that open a noun phrase.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "some"
            | "many"
            | "several"
            | "both"
            | "each"
            | "every"
            | "another"
            | "most"
            | "all"
            | "few"
            | "other"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "more"
            | "no"
            | "any"
    )
}

/// Auxiliaries and adverbs that join the cue verb group ("has said", "also said").
/// Negation does not join: GGT leaves negated cues ("did not say", "doesn't want")
/// unannotated, and a negated intention is no attributed one.
pub fn is_cue_auxiliary(w: &str) -> bool {
    matches!(w, "has" | "have" | "had" | "also" | "will" | "would" | "'s" | "'ve" | "'d")
}

/// Forms of "be" before a past participle: the passive ("was reported by").
pub fn is_be(w: &str) -> bool {
    matches!(w, "is" | "was" | "are" | "were" | "be" | "been" | "being" | "'s" | "'re")
}

/// Titles whose abbreviation ends with a period that is part of a name ("Mr. Smith").
pub fn is_title_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "prof"
            | "st"
            | "jr"
            | "sr"
            | "maj"
            | "adm"
            | "cmdr"
            | "rev"
            | "hon"
            | "pres"
            | "supt"
            | "insp"
            | "cpl"
            | "pte"
            | "no"
    )
}

/// The days a report names by word: weekdays, "today", "yesterday", "tonight".
pub fn is_day_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
    )
}

/// Time words that may stand between a cue and its content ("said Tuesday that").
pub fn is_time_word(w: &str) -> bool {
    is_day_word(w)
        || matches!(
            w,
            "earlier"
                | "later"
                | "recently"
                | "previously"
                | "last"
                | "this"
                | "next"
                | "week"
                | "month"
                | "year"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "weekend"
                | "on"
                | "in"
                | "at"
                | "during"
                | "again"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "then"
                | "now"
                | "once"
                | "also"
                | "separately"
                | "further"
                | "often"
                | "frequently"
                | "already"
                | "even"
                | "ago"
                | "days"
                | "weeks"
                | "months"
                | "years"
        )
}

/// Finite auxiliaries and modals: one of them after a subject makes a clause ("the
/// council will pay"), where a phrase without one is an appositive or an adjunct.
pub fn is_finite_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "must"
            | "might"
            | "do"
            | "does"
            | "did"
    )
}

/// Words that end a noun phrase when walking back from a cue: verbs, conjunctions,
/// prepositions and adverbs that never sit inside a subject.
pub fn is_np_stop(w: &str) -> bool {
    is_finite_auxiliary(w)
        || is_day_word(w)
        || matches!(
            w,
            "be" | "been"
                | "being"
                | "am"
                | "may"
                | "shall"
                | "not"
                | "and"
                | "or"
                | "but"
                | "nor"
                | "if"
                | "when"
                | "while"
                | "because"
                | "as"
                | "than"
                | "then"
                | "so"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "with"
                | "from"
                | "into"
                | "onto"
                | "over"
                | "after"
                | "before"
                | "about"
                | "against"
                | "during"
                | "since"
                | "until"
                | "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "what"
                | "where"
                | "why"
                | "how"
                | "also"
                | "just"
                | "only"
                | "even"
                | "still"
                | "yet"
                | "now"
                | "here"
                | "there"
                | "very"
                | "too"
                | "however"
                | "though"
                | "although"
                | "said"
                | "says"
                | "say"
                | "told"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "him"
                | "them"
                | "me"
                | "us"
                | "whether"
                | "where's"
                | "not'"
                | "under"
                | "through"
                | "across"
                | "without"
                | "within"
                | "between"
                | "among"
                | "like"
                | "unlike"
                | "despite"
                | "per"
                | "via"
                | "once"
                | "ago"
                | "earlier"
                | "later"
                | "recently"
                | "out"
                | "up"
                | "off"
                | "all"
                | "both"
                | "never"
                | "ever"
                | "always"
                | "already"
                | "again"
                | "repeatedly"
                | "reportedly"
                | "publicly"
                | "privately"
                | "previously"
                | "initially"
                | "originally"
                | "subsequently"
                | "finally"
                | "further"
                | "first"
                | "once'"
                | "n't"
        )
}

/// Prepositions that continue a noun phrase backwards over its complement ("spokesman
/// for the ministry", "head of the agency").
pub fn is_np_preposition(w: &str) -> bool {
    matches!(w, "of" | "for" | "at" | "from")
}

/// Content that is no content: "He said nothing", "she said so".
pub fn is_empty_content(w: &str) -> bool {
    matches!(
        w,
        "nothing"
            | "anything"
            | "something"
            | "so"
            | "little"
            | "much"
            | "otherwise"
            | "more"
            | "it"
            | "this"
            | "that"
            | "yes"
            | "no"
            | "goodbye"
            | "hello"
            | "thanks"
            | "sorry"
    )
}
