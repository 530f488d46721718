//! Currencies: symbols before the digits ("$", "€", "US$"), ISO codes ("USD 5"), and words
//! after the number ("20 million dollars", "1.2 billion Iranian rials").
//!
//! Returns ISO 4217 codes where the currency is unambiguous enough for news; a currency
//! with no sensible default ("dinar", "franc") is returned as its singular word.

/// A one-character currency symbol before the digits.
pub(super) fn symbol(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₺" => "TRY",
        "₪" => "ILS",
        "₩" => "KRW",
        "﷼" => "IRR",
        _ => return None,
    })
}

/// The letters glued before "$" that name which dollar ("US$", "A$", "HK$").
pub(super) fn dollar_prefix(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "US" | "U.S." => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" | "CAN" => "CAD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" | "SG" => "SGD",
        "NT" => "TWD",
        _ => return None,
    })
}

/// ISO 4217 codes as written in news, before or after the amount ("USD 5 million").
pub(super) fn iso_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "IRR" => "IRR",
        "JPY" => "JPY",
        "CNY" => "CNY",
        "RMB" => "CNY",
        "RUB" => "RUB",
        "INR" => "INR",
        "SAR" => "SAR",
        "AED" => "AED",
        "TRY" => "TRY",
        "ILS" => "ILS",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "IQD" => "IQD",
        "SYP" => "SYP",
        "LBP" => "LBP",
        "KRW" => "KRW",
        "QAR" => "QAR",
        "KWD" => "KWD",
        "EGP" => "EGP",
        "PKR" => "PKR",
        _ => return None,
    })
}

/// The currency a lowercase word after a number names, as a base word for
/// [`default_code`] and [`adjective_code`]. "pound" needs "sterling" or an adjective,
/// since it is also a weight.
pub(super) fn word(lower: &str) -> Option<&'static str> {
    Some(match lower {
        // "dlrs" and "cts" are the wire-service spellings.
        "dollar" | "dollars" | "dlr" | "dlrs" => "dollar",
        "cents" | "cts" => "cent",
        "euro" | "euros" => "euro",
        "pound" | "pounds" => "pound",
        "sterling" => "sterling",
        "rial" | "rials" => "rial",
        "riyal" | "riyals" => "riyal",
        "toman" | "tomans" => "toman",
        "yen" => "yen",
        "yuan" | "renminbi" => "yuan",
        "rupee" | "rupees" => "rupee",
        "rouble" | "roubles" | "ruble" | "rubles" => "ruble",
        "lira" | "liras" | "lire" => "lira",
        "shekel" | "shekels" => "shekel",
        "dirham" | "dirhams" => "dirham",
        "dinar" | "dinars" => "dinar",
        "franc" | "francs" => "franc",
        "peso" | "pesos" => "peso",
        _ => return None,
    })
}

/// The code of a currency word with no adjective before it.
pub(super) fn default_code(base: &'static str) -> &'static str {
    match base {
        "dollar" | "cent" => "USD",
        "euro" => "EUR",
        "pound" | "sterling" => "GBP",
        "rial" => "IRR",
        "riyal" => "SAR",
        "yen" => "JPY",
        "yuan" => "CNY",
        "rupee" => "INR",
        "ruble" => "RUB",
        "lira" => "TRY",
        "shekel" => "ILS",
        "dirham" => "AED",
        // No default worth guessing: the toman is not an ISO currency, and dinars, francs
        // and pesos belong to too many countries.
        other => other,
    }
}

/// What one of the currency's units is worth in the currency of its code (cents are
/// hundredths of a dollar).
pub(super) fn factor(base: &str) -> f64 {
    if base == "cent" { 0.01 } else { 1.0 }
}

/// The code of a currency word after a nationality adjective ("Canadian dollars").
pub(super) fn adjective_code(adjective: &str, base: &str) -> Option<&'static str> {
    Some(match (adjective, base) {
        ("us" | "u.s." | "american", "dollar") => "USD",
        ("canadian", "dollar") => "CAD",
        ("australian", "dollar") => "AUD",
        ("singapore", "dollar") => "SGD",
        ("iranian", "rial") => "IRR",
        ("saudi", "riyal") => "SAR",
        ("qatari", "riyal") => "QAR",
        ("omani", "rial") => "OMR",
        ("iraqi", "dinar") => "IQD",
        ("kuwaiti", "dinar") => "KWD",
        ("jordanian", "dinar") => "JOD",
        ("bahraini", "dinar") => "BHD",
        ("libyan", "dinar") => "LYD",
        ("swiss", "franc") => "CHF",
        ("british", "pound") => "GBP",
        ("syrian", "pound") => "SYP",
        ("lebanese", "pound") => "LBP",
        ("egyptian", "pound") => "EGP",
        ("turkish", "lira") => "TRY",
        ("indian", "rupee") => "INR",
        ("pakistani", "rupee") => "PKR",
        ("chinese", "yuan") => "CNY",
        ("japanese", "yen") => "JPY",
        ("russian", "ruble") => "RUB",
        ("israeli", "shekel") => "ILS",
        ("emirati" | "uae", "dirham") => "AED",
        ("moroccan", "dirham") => "MAD",
        ("mexican", "peso") => "MXN",
        ("iranian", "toman") => "toman",
        _ => return None,
    })
}
