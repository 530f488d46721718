//! Renders an analysis as readable text for snapshots: one line per fact.

use std::fmt::Write;

use claimgraph_model::{Analysis, QuantityKind};

pub fn render(text: &str, analysis: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## sentences");
    for sentence in &analysis.sentences {
        let _ = writeln!(out, "- {}", sentence.span.slice(text).replace('\n', "⏎"));
    }
    let _ = writeln!(out, "## entities");
    for entity in &analysis.entities {
        let names: Vec<String> = entity
            .mentions
            .iter()
            .filter_map(|&idx| analysis.mentions.get(idx))
            .map(|m| format!("{}@{}", m.span.slice(text), m.span.start))
            .collect();
        let _ =
            writeln!(out, "- {} {:?}: {}", entity.label.as_str(), entity.name, names.join(" | "));
        for link in &entity.links {
            let (Some(from), Some(to)) =
                (analysis.mentions.get(link.mention), analysis.mentions.get(link.target))
            else {
                continue;
            };
            let _ = writeln!(
                out,
                "    {} -> {} ({})",
                from.span.slice(text),
                to.span.slice(text),
                link.reason.as_str()
            );
        }
    }
    let _ = writeln!(out, "## timexes");
    for timex in &analysis.timexes {
        let value = timex.value.as_deref().unwrap_or("-");
        let end = timex.end_value.as_deref().map(|e| format!("..{e}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "- {} → {value}{end} [{} {}]",
            timex.span.slice(text),
            timex.kind.as_str(),
            timex.resolution
        );
    }
    let _ = writeln!(out, "## quantities");
    for quantity in &analysis.quantities {
        let amount = match (quantity.value, quantity.min, quantity.max) {
            (Some(value), _, _) => format!("{value}"),
            (None, min, max) => format!("{:?}..{:?}", min, max),
        };
        let kind = match &quantity.kind {
            QuantityKind::Count => "count".to_string(),
            QuantityKind::Percent => "percent".to_string(),
            QuantityKind::Money(currency) => format!("money {currency}"),
            QuantityKind::Ordinal => "ordinal".to_string(),
        };
        let _ = writeln!(
            out,
            "- {} → {amount} {} [{kind}]",
            quantity.span.slice(text),
            quantity.unit.as_deref().unwrap_or("-")
        );
    }
    if !analysis.diagnostics.is_empty() {
        let _ = writeln!(out, "## diagnostics");
        for diagnostic in &analysis.diagnostics {
            let _ = writeln!(out, "- {:?}: {}", diagnostic.kind, diagnostic.message);
        }
    }
    out
}
