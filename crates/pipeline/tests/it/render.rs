//! Renders an analysis as readable text for snapshots: one line per fact.

use std::fmt::Write;

use claimgraph_model::{Analysis, ClaimVoice, QuantityKind};

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
    let _ = writeln!(out, "## attributions");
    for (idx, attribution) in analysis.attributions.iter().enumerate() {
        let source = attribution.source.map_or("-", |s| s.slice(text));
        let cue = attribution.cue.map_or("-", |s| s.slice(text));
        let content: Vec<String> =
            attribution.content.iter().map(|part| part.slice(text).replace('\n', "⏎")).collect();
        let resolved = attribution.resolution.as_ref().map_or(String::new(), |r| {
            let name = analysis.entities.get(r.entity).map_or("?", |e| e.name.as_str());
            format!(" => {name} ({})", r.reason)
        });
        let relay = attribution.relayed_by.map_or(String::new(), |r| format!(" relayed by #{r}"));
        let _ = writeln!(
            out,
            "- #{idx} {source}{resolved} | {cue} | {} | {}{relay}",
            content.join(" … "),
            attribution.form.as_str()
        );
    }
    let _ = writeln!(out, "## toponyms");
    for toponym in &analysis.toponyms {
        let at = match (toponym.lat, toponym.lon) {
            (Some(lat), Some(lon)) => format!("{lat:.2},{lon:.2}"),
            _ => "-".to_string(),
        };
        let _ = writeln!(
            out,
            "- {} → {} {at} p{} ({})",
            toponym.span.slice(text),
            toponym.name,
            toponym.precision.code(),
            toponym.reason
        );
    }
    let _ = writeln!(out, "## claims");
    for claim in &analysis.claims {
        let voice = match claim.voice {
            ClaimVoice::Attributed(idx) => format!("#{idx}"),
            ClaimVoice::Publisher => "publisher".to_string(),
        };
        let chain: Vec<String> = claim.chain.iter().map(|c| format!("#{c}")).collect();
        let about: Vec<&str> = claim
            .mentions
            .iter()
            .filter_map(|&m| analysis.mentions.get(m))
            .map(|m| m.span.slice(text))
            .collect();
        let hedges: Vec<&str> = claim.hedges.iter().map(|h| h.slice(text)).collect();
        let _ = writeln!(
            out,
            "- {voice} chain [{}] {:?} about [{}]{} dates {} quantities {} places {} hedges [{}] negations {}",
            chain.join(" "),
            claim.stance,
            about.join(", "),
            if claim.has_subject { " (subject first)" } else { "" },
            claim.timexes.len(),
            claim.quantities.len(),
            claim.toponyms.len(),
            hedges.join(", "),
            claim.negations.len()
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
