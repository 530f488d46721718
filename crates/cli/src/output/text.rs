//! The `text` format, for a person reading a terminal.

use std::io::{self, Write};

use claimgraph_model::{Analysis, ClaimVoice, QuantityKind, Stance};

use crate::input::InputDocument;
use crate::output::eval::number;

/// Content longer than this is shortened in the middle: a terminal line, not a page.
const MAX_CONTENT_CHARS: usize = 240;

pub fn write(out: &mut dyn Write, doc: &InputDocument, analysis: &Analysis) -> io::Result<()> {
    let text = doc.document.text.as_str();
    let date = doc.document.date.map_or("unknown".to_string(), |d| d.to_string());
    writeln!(out, "== {} (date: {date}, {} sentences)", doc.origin, analysis.sentences.len())?;
    let entity_name = |idx: usize| -> String {
        let Some(entity) = analysis.entities.get(idx) else { return String::new() };
        if !entity.name.is_empty() {
            return entity.name.clone();
        }
        entity
            .mentions
            .first()
            .and_then(|&m| analysis.mentions.get(m))
            .map_or(String::new(), |m| m.span.slice(text).to_string())
    };
    if !analysis.entities.is_empty() {
        writeln!(out, "entities:")?;
        for (idx, entity) in analysis.entities.iter().enumerate() {
            let name = entity_name(idx);
            let mut aliases: Vec<&str> = Vec::new();
            for &mention_idx in &entity.mentions {
                if let Some(mention) = analysis.mentions.get(mention_idx) {
                    let alias = mention.span.slice(text);
                    if alias != name && !aliases.contains(&alias) {
                        aliases.push(alias);
                    }
                }
            }
            write!(out, "  {:<4} {name}", entity.label.as_str())?;
            if !aliases.is_empty() {
                write!(out, "  (also: {})", aliases.join(", "))?;
            }
            writeln!(out, "  ×{}", entity.mentions.len())?;
        }
    }
    if !analysis.claims.is_empty() {
        writeln!(out, "claims:")?;
        let publisher = doc.document.publisher.as_deref().unwrap_or("publisher");
        for claim in &analysis.claims {
            // source ← relay ← publisher
            let mut hops: Vec<String> = claim
                .chain
                .iter()
                .filter_map(|&idx| analysis.attributions.get(idx))
                .map(|attribution| match &attribution.resolution {
                    Some(resolution) => entity_name(resolution.entity),
                    None => attribution
                        .source
                        .map_or("(unnamed source)".to_string(), |s| s.slice(text).to_string()),
                })
                .collect();
            hops.push(publisher.to_string());
            let content: Vec<&str> = claim.content.iter().map(|part| part.slice(text)).collect();
            let content = shorten(&content.join(" … ").replace('\n', " "));
            let denies = if claim.stance == Stance::Denies { " denies" } else { "" };
            write!(out, "  {}{denies} : \"{}\"", hops.join(" ← "), content.trim_matches('"'))?;
            if claim.voice == ClaimVoice::Publisher {
                write!(out, " (own voice)")?;
            }
            let dates: Vec<String> = claim
                .timexes
                .iter()
                .filter_map(|&idx| analysis.timexes.get(idx))
                .map(|t| t.value.clone().unwrap_or_else(|| format!("{}?", t.span.slice(text))))
                .collect();
            if !dates.is_empty() {
                write!(out, " [{}]", dates.join(", "))?;
            }
            let quantities: Vec<String> = claim
                .quantities
                .iter()
                .filter_map(|&idx| analysis.quantities.get(idx))
                .map(|q| {
                    let amount = amount(q.value, q.min, q.max);
                    match &q.unit {
                        Some(unit) => format!("{amount} {unit}"),
                        None => amount,
                    }
                })
                .collect();
            if !quantities.is_empty() {
                write!(out, " [{}]", quantities.join(", "))?;
            }
            let mut places: Vec<&str> = Vec::new();
            for toponym in claim.toponyms.iter().filter_map(|&idx| analysis.toponyms.get(idx)) {
                if !places.contains(&toponym.name.as_str()) {
                    places.push(&toponym.name);
                }
            }
            if !places.is_empty() {
                write!(out, " @{}", places.join(", @"))?;
            }
            let hedges: Vec<&str> = claim.hedges.iter().map(|h| h.slice(text)).collect();
            if !hedges.is_empty() {
                write!(out, " ({})", hedges.join(", "))?;
            }
            if !claim.negations.is_empty() {
                write!(out, " (negated)")?;
            }
            writeln!(out)?;
        }
    }
    if !analysis.timexes.is_empty() {
        writeln!(out, "dates:")?;
        for timex in &analysis.timexes {
            let value = timex.value.as_deref().unwrap_or("(unresolved)");
            let range =
                timex.end_value.as_deref().map(|end| format!(" .. {end}")).unwrap_or_default();
            writeln!(
                out,
                "  {:<30} → {value}{range}  [{}]",
                timex.span.slice(text),
                timex.kind.as_str()
            )?;
        }
    }
    if !analysis.quantities.is_empty() {
        writeln!(out, "quantities:")?;
        for quantity in &analysis.quantities {
            let amount = amount(quantity.value, quantity.min, quantity.max);
            let what = match &quantity.kind {
                QuantityKind::Count => quantity.unit.clone().unwrap_or_default(),
                QuantityKind::Percent => "%".to_string(),
                QuantityKind::Money(currency) => currency.clone(),
                QuantityKind::Ordinal => "(ordinal)".to_string(),
            };
            writeln!(out, "  {:<30} → {amount} {what}", quantity.span.slice(text))?;
        }
    }
    if !analysis.toponyms.is_empty() {
        writeln!(out, "places:")?;
        for toponym in &analysis.toponyms {
            let at = match (toponym.lat, toponym.lon) {
                (Some(lat), Some(lon)) => format!("{lat:.3}, {lon:.3}"),
                _ => "(not in gazetteer)".to_string(),
            };
            writeln!(
                out,
                "  {:<30} → {} ({at}; precision {}; {})",
                toponym.span.slice(text),
                toponym.name,
                toponym.precision.code(),
                toponym.reason
            )?;
        }
    }
    for diagnostic in &analysis.diagnostics {
        writeln!(out, "note: {}", diagnostic.message)?;
    }
    writeln!(out)
}

fn amount(value: Option<f64>, min: Option<f64>, max: Option<f64>) -> String {
    match (value, min, max) {
        (Some(value), _, _) => number(value).to_string(),
        (None, Some(min), Some(max)) => format!("{}..{}", number(min), number(max)),
        (None, Some(min), None) => format!("≥{}", number(min)),
        (None, None, Some(max)) => format!("≤{}", number(max)),
        (None, None, None) => "?".to_string(),
    }
}

fn shorten(content: &str) -> String {
    let n_chars = content.chars().count();
    if n_chars <= MAX_CONTENT_CHARS {
        return content.to_string();
    }
    let head: String = content.chars().take(MAX_CONTENT_CHARS / 2).collect();
    let tail: String = content.chars().skip(n_chars - MAX_CONTENT_CHARS / 2).collect();
    format!("{head} … {tail}")
}
