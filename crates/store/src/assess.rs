//! Comparing reports of the same event, and the Admiralty grades derived from that.
//!
//! Two claims about the same subject and event (see `similarity::same_event`) either
//! agree on the facts both state (figures, days, places, polarity) and are the same claim
//! reported twice, or differ on one of them and conflict. How many independent origins
//! report a claim and how many contradict it give its information credibility, 1–6; the
//! rule is [`credibility`], explained in docs/ASSESSMENT.md. Source reliability (A–F) is
//! a person's judgement, stored as given (`Store::rate_source`), never derived here: the
//! two grades are kept apart on purpose, as the Admiralty system asks.

use chrono::NaiveDate;

/// The facts of a claim that a report of the same event must share to agree with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimEvidence {
    /// Figures as (kind, low, high): a count of 40 is ("count", 40, 40); "40 to 50" is a
    /// range. Ordinals are not figures.
    pub figures: Vec<(String, f64, f64)>,
    /// The days the claim's own dates cover (never its document's date: a claim without a
    /// date does not contradict one with a date).
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Places, by gazetteer id when resolved, else by normalized name.
    pub places: Vec<String>,
    /// The claim denies or negates what it reports.
    pub negative: bool,
}

/// A way two reports of the same event differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// "figures", "dates", "places" or "polarity".
    pub kind: &'static str,
    /// What differs, for people: "40 vs 52".
    pub detail: String,
}

fn format_range(low: f64, high: f64) -> String {
    let one = |value: f64| {
        if value.fract() == 0.0 && value.abs() < 1e15 {
            format!("{}", value as i64)
        } else {
            format!("{value}")
        }
    };
    if low == high { one(low) } else { format!("{}–{}", one(low), one(high)) }
}

impl ClaimEvidence {
    /// How `self` and `other` differ on the facts both state; empty when they agree.
    pub fn differences(&self, other: &ClaimEvidence) -> Vec<Difference> {
        let mut out = Vec::new();
        // Figures: for each kind both state, some figure of one must fall within some
        // figure of the other (a claim may give several: "40 vehicles and 3 tanks").
        let mut kinds: Vec<&str> = self.figures.iter().map(|(kind, ..)| kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            let ours: Vec<_> = self.figures.iter().filter(|f| f.0 == kind).collect();
            let theirs: Vec<_> = other.figures.iter().filter(|f| f.0 == kind).collect();
            if theirs.is_empty() {
                continue;
            }
            let overlap = ours.iter().any(|a| theirs.iter().any(|b| a.1 <= b.2 && b.1 <= a.2));
            if !overlap {
                let show = |figures: &[&(String, f64, f64)]| {
                    figures.iter().map(|f| format_range(f.1, f.2)).collect::<Vec<_>>().join(", ")
                };
                out.push(Difference {
                    kind: "figures",
                    detail: format!("{} vs {}", show(&ours), show(&theirs)),
                });
            }
        }
        if let (Some(a), Some(b)) = (self.days, other.days)
            && (a.1 < b.0 || b.1 < a.0)
        {
            let show = |(start, end): (NaiveDate, NaiveDate)| {
                if start == end { start.to_string() } else { format!("{start}/{end}") }
            };
            out.push(Difference { kind: "dates", detail: format!("{} vs {}", show(a), show(b)) });
        }
        if !self.places.is_empty()
            && !other.places.is_empty()
            && !self.places.iter().any(|p| other.places.contains(p))
        {
            out.push(Difference {
                kind: "places",
                detail: format!("{} vs {}", self.places.join(", "), other.places.join(", ")),
            });
        }
        if self.negative != other.negative {
            let say = |negative: bool| if negative { "denies" } else { "asserts" };
            out.push(Difference {
                kind: "polarity",
                detail: format!("{} vs {}", say(self.negative), say(other.negative)),
            });
        }
        out
    }

    /// Figures as stored: `kind low high` joined by `;`.
    pub fn figures_text(&self) -> String {
        self.figures
            .iter()
            .map(|(kind, low, high)| format!("{kind} {low} {high}"))
            .collect::<Vec<_>>()
            .join(";")
    }

    pub fn parse_figures(text: &str) -> Vec<(String, f64, f64)> {
        text.split(';')
            .filter_map(|item| {
                let mut parts = item.rsplitn(3, ' ');
                let high = parts.next()?.parse().ok()?;
                let low = parts.next()?.parse().ok()?;
                Some((parts.next()?.to_string(), low, high))
            })
            .collect()
    }
}

/// An Admiralty source reliability grade, given by a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

impl Reliability {
    pub fn parse(text: &str) -> Option<Reliability> {
        match text.trim().to_ascii_uppercase().as_str() {
            "A" => Some(Reliability::A),
            "B" => Some(Reliability::B),
            "C" => Some(Reliability::C),
            "D" => Some(Reliability::D),
            "E" => Some(Reliability::E),
            "F" => Some(Reliability::F),
            _ => None,
        }
    }

    pub fn letter(self) -> char {
        match self {
            Reliability::A => 'A',
            Reliability::B => 'B',
            Reliability::C => 'C',
            Reliability::D => 'D',
            Reliability::E => 'E',
            Reliability::F => 'F',
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

/// The Admiralty information credibility of a claim (1 confirmed … 6 cannot be judged)
/// from `n_origins`, the independent origins reporting it, and `n_against`, the
/// independent origins of reports of the same event that conflict with it. Returns the
/// grade and the reason in words. docs/ASSESSMENT.md states the same rule.
pub fn credibility(n_origins: usize, n_against: usize) -> (u8, String) {
    match (n_origins, n_against) {
        (0, _) => (6, "no report to judge".to_string()),
        (1, 0) => (6, "one origin, nothing to compare it with: truth cannot be judged".to_string()),
        (1, 1) => (4, "one origin, contradicted by one other: doubtful".to_string()),
        (1, against) => {
            (5, format!("one origin, contradicted by {against} independent origins: improbable"))
        }
        (n, 0) => (1, format!("confirmed by {n} independent origins, none contradicting")),
        (n, against) if against < n => {
            (2, format!("{n} independent origins, contradicted by {against}: probably true"))
        }
        (n, against) => {
            (3, format!("{n} independent origins, contradicted by {against}: possibly true"))
        }
    }
}

/// Lets an analyst's latest verdict on a claim override the grade worked out from its
/// reports: confirmed is 1, retracted is 5, with who said so and when in the reason.
pub fn apply_marks(assessment: &mut crate::Assessment, marks: &[crate::ClaimMark]) {
    let Some(mark) = marks.last() else { return };
    let day = chrono::DateTime::from_timestamp(mark.at, 0)
        .map_or_else(String::new, |t| format!(" on {}", t.date_naive()));
    let note = mark.note.as_deref().map_or_else(String::new, |n| format!(" ({n})"));
    let (grade, verdict) = match mark.status {
        crate::ClaimStatus::Confirmed => (1, "confirmed"),
        crate::ClaimStatus::Retracted => (5, "retracted"),
    };
    assessment.credibility = grade;
    assessment.credibility_reason = format!(
        "{verdict} by {}{day}{note}; from its reports alone: {}",
        mark.by, assessment.credibility_reason
    );
}

/// What each credibility grade means.
pub fn credibility_meaning(grade: u8) -> &'static str {
    match grade {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "truth cannot be judged",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(value: f64) -> ClaimEvidence {
        ClaimEvidence { figures: vec![("count".into(), value, value)], ..ClaimEvidence::default() }
    }

    #[test]
    fn figures_conflict_only_when_no_range_overlaps() {
        assert!(figures(40.0).differences(&figures(40.0)).is_empty());
        let diff = figures(40.0).differences(&figures(52.0));
        assert_eq!(diff[0].kind, "figures");
        assert_eq!(diff[0].detail, "40 vs 52");
        let range = ClaimEvidence {
            figures: vec![("count".into(), 30.0, 50.0)],
            ..ClaimEvidence::default()
        };
        assert!(range.differences(&figures(40.0)).is_empty());
        assert!(figures(40.0).differences(&ClaimEvidence::default()).is_empty(), "silence agrees");
        let text = range.figures_text();
        assert_eq!(ClaimEvidence::parse_figures(&text), range.figures);
    }

    #[test]
    fn credibility_follows_origins_and_contradictions() {
        assert_eq!(credibility(1, 0).0, 6);
        assert_eq!(credibility(2, 0).0, 1);
        assert_eq!(credibility(3, 1).0, 2);
        assert_eq!(credibility(2, 2).0, 3);
        assert_eq!(credibility(1, 1).0, 4);
        assert_eq!(credibility(1, 3).0, 5);
        assert_eq!(Reliability::parse(" b"), Some(Reliability::B));
        assert_eq!(Reliability::parse("G"), None);
    }
}
