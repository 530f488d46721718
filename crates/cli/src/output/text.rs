//! The `text` format, for a person reading a terminal.

use std::io::{self, Write};

use claimgraph_model::{Analysis, QuantityKind};

use crate::input::InputDocument;
use crate::output::eval::number;

pub fn write(out: &mut dyn Write, doc: &InputDocument, analysis: &Analysis) -> io::Result<()> {
    let text = doc.document.text.as_str();
    let date = doc.document.date.map_or("unknown".to_string(), |d| d.to_string());
    writeln!(out, "== {} (date: {date}, {} sentences)", doc.origin, analysis.sentences.len())?;
    if !analysis.entities.is_empty() {
        writeln!(out, "entities:")?;
        for entity in &analysis.entities {
            let mut names: Vec<&str> = Vec::new();
            for &idx in &entity.mentions {
                if let Some(mention) = analysis.mentions.get(idx) {
                    let name = mention.span.slice(text);
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
            let name = if entity.name.is_empty() {
                names.first().copied().unwrap_or("")
            } else {
                &entity.name
            };
            let aliases: Vec<&str> = names.iter().copied().filter(|n| *n != name).collect();
            write!(out, "  {:<4} {name}", entity.label.as_str())?;
            if !aliases.is_empty() {
                write!(out, "  (also: {})", aliases.join(", "))?;
            }
            writeln!(out, "  ×{}", entity.mentions.len())?;
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
            let amount = match (quantity.value, quantity.min, quantity.max) {
                (Some(value), _, _) => number(value).to_string(),
                (None, Some(min), Some(max)) => format!("{}..{}", number(min), number(max)),
                (None, Some(min), None) => format!("≥{}", number(min)),
                (None, None, Some(max)) => format!("≤{}", number(max)),
                (None, None, None) => "?".to_string(),
            };
            let what = match &quantity.kind {
                QuantityKind::Count => quantity.unit.clone().unwrap_or_default(),
                QuantityKind::Percent => "%".to_string(),
                QuantityKind::Money(currency) => currency.clone(),
                QuantityKind::Ordinal => "(ordinal)".to_string(),
            };
            writeln!(out, "  {:<30} → {amount} {what}", quantity.span.slice(text))?;
        }
    }
    for diagnostic in &analysis.diagnostics {
        writeln!(out, "note: {}", diagnostic.message)?;
    }
    writeln!(out)
}
