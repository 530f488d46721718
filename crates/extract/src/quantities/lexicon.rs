//! Word tables of the quantity stage: number words, scales, months, the function words
//! that end a counted noun phrase, and the nouns that mark a number as an identifier.
//!
//! Every look-up takes an ASCII-lowercased word and is a plain `match`, which the compiler
//! turns into length-then-bytes comparisons: no hashing, no allocation.

/// "zero" to "nineteen".
pub(super) fn small(word: &str) -> Option<f64> {
    Some(match word {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

/// "twenty" to "ninety".
pub(super) fn tens(word: &str) -> Option<f64> {
    Some(match word {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Multipliers above a hundred ("thousand", "million").
pub(super) fn big_scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Short scale words written apart from the digits ("$4.5 bn"); "m" alone is left out
/// because it is as often metres.
pub(super) fn abbreviated_scale(word: &str) -> Option<f64> {
    Some(match word {
        "mn" | "mln" => 1e6,
        "bn" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Scale suffixes glued to digits ("3m", "4.5bn", "20k").
pub(super) fn glued_scale(suffix: &str) -> Option<f64> {
    Some(match suffix {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// The plural scale words that make vague amounts ("thousands", "tens of thousands").
pub(super) fn plural_scale(word: &str) -> Option<f64> {
    Some(match word {
        "tens" => 10.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

/// Ordinal words ("third", "twentieth", "hundredth").
pub(super) fn ordinal(word: &str) -> Option<f64> {
    Some(match word {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        _ => return None,
    })
}

/// Words that make the preceding number a fraction when hyphenated ("one-third").
pub(super) fn is_fraction_word(word: &str) -> bool {
    ordinal(word).is_some()
        || matches!(word, "half" | "halves" | "quarter" | "quarters" | "thirds" | "fifths")
        || (word.ends_with("ths") && word.len() > 4)
}

/// Any word that can be part of a number written in words.
pub(super) fn is_number_word(word: &str) -> bool {
    small(word).is_some()
        || tens(word).is_some()
        || big_scale(word).is_some()
        || plural_scale(word).is_some()
        || matches!(word, "hundred" | "dozen" | "dozens" | "several")
}

/// Month names and their abbreviations. Callers check capitalization because "may" and
/// "march" are also ordinary words.
pub(super) fn is_month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Nouns of time: a number counting them is a duration, which belongs to the timexes.
pub(super) fn is_time_unit(word: &str) -> bool {
    matches!(
        word,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "night"
            | "nights"
            | "weekend"
            | "weekends"
            | "fortnight"
            | "fortnights"
            | "millennium"
            | "millennia"
            | "yr"
            | "yrs"
    )
}

/// Words after a number that make it a clock time.
pub(super) fn is_clock_word(word: &str) -> bool {
    matches!(word, "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc" | "o'clock" | "hrs" | "h")
}

/// Nouns before a number that make it a label or an identifier rather than an amount
/// ("kilometer 20", "page 5", "Resolution 2231", "flight 752").
pub(super) fn is_label_noun(word: &str) -> bool {
    matches!(
        word,
        "no" | "nos"
            | "number"
            | "num"
            | "article"
            | "articles"
            | "resolution"
            | "section"
            | "chapter"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "paragraph"
            | "para"
            | "route"
            | "road"
            | "highway"
            | "street"
            | "avenue"
            | "flight"
            | "room"
            | "gate"
            | "kilometer"
            | "kilometre"
            | "km"
            | "mile"
            | "exit"
            | "line"
            | "platform"
            | "bus"
            | "building"
            | "block"
            | "level"
            | "phase"
            | "version"
            | "ext"
            | "tel"
            | "phone"
            | "fax"
            | "code"
            | "id"
            | "verse"
            | "item"
            | "annex"
            | "appendix"
            | "figure"
            | "fig"
            | "table"
            | "volume"
            | "vol"
            | "issue"
            | "episode"
            | "season"
            | "clause"
            | "amendment"
            | "grade"
            | "class"
            | "district"
            | "zone"
            | "sector"
            | "plot"
            | "lot"
            | "apartment"
            | "apt"
            | "suite"
            | "floor"
            | "box"
            | "category"
            | "type"
            | "model"
            | "batch"
            | "case"
            | "docket"
            | "ward"
            | "camp"
            | "unit"
            | "division"
            | "brigade"
            | "battalion"
            | "regiment"
            | "squad"
            | "hall"
            | "terminal"
            | "channel"
            | "rank"
            | "ranked"
            | "step"
            | "score"
            | "aged"
            | "age"
    )
}

/// Function words that end the noun phrase after a number, and the words that may stand
/// capitalized before a number without making it a label ("Over 120,000", "Some 70").
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "it"
            | "his"
            | "her"
            | "hers"
            | "their"
            | "theirs"
            | "our"
            | "my"
            | "your"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "from"
            | "by"
            | "with"
            | "for"
            | "about"
            | "across"
            | "around"
            | "near"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "between"
            | "among"
            | "amongst"
            | "during"
            | "after"
            | "before"
            | "since"
            | "until"
            | "till"
            | "per"
            | "than"
            | "as"
            | "like"
            | "against"
            | "through"
            | "throughout"
            | "within"
            | "without"
            | "toward"
            | "towards"
            | "inside"
            | "outside"
            | "including"
            | "along"
            | "behind"
            | "beyond"
            | "upon"
            | "via"
            | "versus"
            | "vs"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "if"
            | "because"
            | "while"
            | "whereas"
            | "when"
            | "where"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "what"
            | "they"
            | "them"
            | "he"
            | "him"
            | "she"
            | "we"
            | "us"
            | "i"
            | "you"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "have"
            | "has"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "never"
            | "also"
            | "only"
            | "just"
            | "still"
            | "already"
            | "even"
            | "nearly"
            | "almost"
            | "approximately"
            | "roughly"
            | "some"
            | "each"
            | "every"
            | "all"
            | "both"
            | "any"
            | "said"
            | "says"
            | "say"
            | "told"
            | "according"
            | "thus"
            | "always"
            | "perhaps"
            | "sometimes"
            | "besides"
            | "unless"
            | "less"
            | "fewer"
            | "least"
            | "most"
            | "up"
            | "out"
            | "down"
            | "off"
            | "then"
            | "there"
            | "here"
            | "now"
            | "ago"
            | "later"
            | "earlier"
            | "again"
            | "percent"
            | "pct"
            | "cent"
            | "exactly"
            | "estimated"
            | "another"
            | "such"
            | "either"
            | "neither"
            | "whether"
            | "how"
            | "why"
            | "too"
            | "very"
            | "respectively"
            | "apiece"
            | "own"
            | "total"
            | "totaling"
            | "totalling"
            | "altogether"
    )
}

/// Plural nouns that do not end in "s", and units written without one.
pub(super) fn is_irregular_plural(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "personnel"
            | "staff"
            | "aircraft"
            | "cattle"
            | "livestock"
            | "clergy"
            | "youth"
            | "feet"
            | "teeth"
            | "geese"
            | "mice"
            | "sheep"
            | "fish"
            | "deer"
            | "militia"
            | "infantry"
            | "cavalry"
            | "media"
            | "data"
            | "criteria"
            | "alumni"
            | "kin"
            | "km"
            | "kg"
            | "mph"
            | "mw"
            | "gw"
            | "kw"
            | "mwh"
            | "gwh"
            | "ft"
            | "lb"
            | "bpd"
            | "kilo"
            | "head"
    )
}

/// Determiners that may follow the "of" of a partitive ("120,000 of its members").
pub(super) fn is_partitive_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "these" | "those"
    )
}

/// Words before "one" that make it a pronoun or an idiom rather than a count.
pub(super) fn blocks_one(word: &str) -> bool {
    matches!(
        word,
        "no" | "any"
            | "every"
            | "each"
            | "the"
            | "this"
            | "that"
            | "which"
            | "such"
            | "someone"
            | "anyone"
            | "everyone"
            | "last"
            | "little"
            | "big"
            | "new"
            | "old"
    )
}
