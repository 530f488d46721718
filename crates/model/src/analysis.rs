//! What analysis produces for one document.

use crate::Span;

/// The complete analysis of one document. Built by `claimgraph-pipeline`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    /// Sentences in text order; together they cover every token exactly once.
    pub sentences: Vec<Sentence>,
    /// Entity mentions in text order, non-overlapping.
    pub mentions: Vec<Mention>,
    /// Document-level entities; each groups one or more mentions.
    pub entities: Vec<Entity>,
    pub timexes: Vec<Timex>,
    pub quantities: Vec<Quantity>,
    /// Reported statements, beliefs and findings, in text order of their content.
    pub attributions: Vec<Attribution>,
    /// Place mentions resolved to coordinates, in text order.
    pub toponyms: Vec<Toponym>,
    /// What is asserted, by whom: one per attribution, plus the publisher's own voice.
    pub claims: Vec<Claim>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What a token is made of. The tokenizer decides; later stages read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, periods of abbreviations ("U.S.") or digits.
    Word,
    /// Digits, possibly with inner separators ("25,000", "4.5", "1,000,000").
    Number,
    /// A single punctuation or symbol character.
    Punct,
}

/// A token of the original text. Whitespace is never a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// True when whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Line breaks in the whitespace before this token (2 or more is a paragraph break).
    pub newlines_before: u16,
}

/// A sentence: its span (trimmed of surrounding whitespace) and its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index of the first token and one past the last in `Analysis::tokens`.
    pub token_start: usize,
    pub token_end: usize,
}

/// Coarse entity labels, as scored by CoNLL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityLabel {
    Person,
    Organization,
    Location,
    /// Nationalities, religious and political groups, events, laws, works.
    Misc,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PER",
            EntityLabel::Organization => "ORG",
            EntityLabel::Location => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// Which mechanism proposed a mention; shown to users as the reason for the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionSource {
    /// A gazetteer entry (country, city, demonym, known organization).
    Gazetteer,
    /// A title or role word before a name ("Brigadier General X").
    TitleContext,
    /// A given name from the name list starts the span.
    GivenName,
    /// An organization head word inside the span ("Council", "Ministry of").
    OrganizationWord,
    /// A place head word ("Province", "River").
    PlaceWord,
    /// Capitalized span with no stronger evidence.
    Capitalization,
    /// Same text as an earlier mention in the document.
    DocumentConsistency,
    /// An acronym or alias defined in the document.
    Alias,
    /// A statistical tagger.
    Tagger,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub label: EntityLabel,
    pub source: MentionSource,
    /// Index into `Analysis::entities`, set by alias grouping.
    pub entity: usize,
}

/// Why two mentions name the same entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AliasReason {
    /// Identical text (after case and punctuation folding).
    SameName,
    /// An acronym in parentheses or after a slash: "Revolutionary Guards (IRGC)".
    AcronymDefinition,
    /// An acronym whose letters spell the initials of the long form, used elsewhere.
    AcronymMatch,
    /// "also known as", "or", "a.k.a."
    ExplicitAlias,
    /// A surname or short form after the full name: "Masjedi" after "Iraj Masjedi".
    ShortForm,
    /// Spelling variants of a transliterated name: "Mujahedin" / "Mujahedeen".
    Transliteration,
}

impl AliasReason {
    pub fn as_str(self) -> &'static str {
        match self {
            AliasReason::SameName => "same-name",
            AliasReason::AcronymDefinition => "acronym-definition",
            AliasReason::AcronymMatch => "acronym-match",
            AliasReason::ExplicitAlias => "explicit-alias",
            AliasReason::ShortForm => "short-form",
            AliasReason::Transliteration => "transliteration",
        }
    }
}

/// A link from one mention to an earlier one that names the same entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasLink {
    /// Index into `Analysis::mentions` of the later mention.
    pub mention: usize,
    /// Index into `Analysis::mentions` of the mention it was linked to.
    pub target: usize,
    pub reason: AliasReason,
}

/// A document-level entity: the mentions that name it and why they were grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub label: EntityLabel,
    /// The longest name used for it in the document.
    pub name: String,
    /// Indices into `Analysis::mentions`, in text order.
    pub mentions: Vec<usize>,
    pub links: Vec<AliasLink>,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// A temporal expression with its TIMEX3 value.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexKind,
    /// TIMEX3 value ("2017-02-14", "1988-SU", "P6Y", "PAST_REF"), or `None` when it
    /// cannot be resolved (a partial date with no document date).
    pub value: Option<String>,
    /// For ranges ("between 1979 and 1981"): the end value, `value` holding the start.
    pub end_value: Option<String>,
    /// How the value was obtained: "absolute", "anchored", "relative", "unresolved".
    pub resolution: &'static str,
}

/// What a quantity counts.
#[derive(Debug, Clone, PartialEq)]
pub enum QuantityKind {
    Count,
    Percent,
    /// ISO 4217 code where known ("USD"), else the symbol or word as written.
    Money(String),
    Ordinal,
}

/// A number written in digits or words, normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Span,
    pub kind: QuantityKind,
    /// Exact value where one is stated.
    pub value: Option<f64>,
    /// Bounds for vague amounts ("dozens" → 24..=99).
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The counted noun ("militias"), when there is one.
    pub unit: Option<String>,
    pub unit_span: Option<Span>,
}

/// Something odd about the input that analysis worked around.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub span: Option<Span>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagnosticKind {
    /// Input bytes were not valid UTF-8 and were replaced.
    InvalidUtf8,
    /// A date could not be fully resolved.
    UnresolvedDate,
    /// A limit was reached (very long token, deep nesting) and analysis was cut short.
    LimitReached,
    /// Anything else worth a note.
    Note,
}

/// How an attribution's content is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttributionForm {
    /// A direct quotation: the content is inside quotation marks.
    Direct,
    /// Reported (indirect) speech, belief or finding: "X said that ...", "according to X".
    Indirect,
    /// A paraphrase containing a quoted fragment.
    Mixed,
}

impl AttributionForm {
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionForm::Direct => "direct",
            AttributionForm::Indirect => "indirect",
            AttributionForm::Mixed => "mixed",
        }
    }
}

/// How a source span was tied to a document entity.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceResolution {
    /// Index into `Analysis::entities`.
    pub entity: usize,
    /// Why: "mention" (the source is a mention of it), "pronoun" ("he" → nearest fitting
    /// person), "description" ("the group" → nearest organization), "role" ("the
    /// spokesman" → the person given that role).
    pub reason: &'static str,
    /// The mention that served as the antecedent, for pronouns and descriptions.
    pub antecedent: Option<usize>,
}

/// A reported statement: PARC-style source, cue and content, plus its place in a chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Who: the source's noun phrase as written ("Secretary General Jens Stoltenberg",
    /// "he", "the MEK"); `None` when the text names no source.
    pub source: Option<Span>,
    /// The verb or phrase that signals the attribution ("said", "according to").
    pub cue: Option<Span>,
    /// What is attributed; several parts for a split quote ('"A," he said, "B"').
    pub content: Vec<Span>,
    pub form: AttributionForm,
    /// The entity the source resolves to, with the reason.
    pub resolution: Option<SourceResolution>,
    /// Index (into `Analysis::attributions`) of the attribution that relays this one:
    /// in "W reported that X said that ...", X's attribution is relayed by W's.
    pub relayed_by: Option<usize>,
}

impl Attribution {
    /// The span covering every content part.
    pub fn content_span(&self) -> Option<Span> {
        let first = self.content.first()?;
        Some(self.content.iter().fold(*first, |acc, part| acc.cover(*part)))
    }
}

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Continent,
    Country,
    /// A first-level administrative division (province, state).
    Region,
    City,
    /// Anything else a gazetteer knows (a river, a base, a highway).
    Other,
}

/// How precisely a toponym's coordinates locate what the text means (ACLED-like codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GeoPrecision {
    /// 1: the place itself ("in Tehran").
    Exact,
    /// 2: near it ("near Tehran", "20 km from Tehran", "north of Tehran").
    Near,
    /// 3: the region around it ("in and around Aleppo", "the Tehran area").
    Region,
}

impl GeoPrecision {
    pub fn code(self) -> u8 {
        match self {
            GeoPrecision::Exact => 1,
            GeoPrecision::Near => 2,
            GeoPrecision::Region => 3,
        }
    }
}

/// A place mention resolved (or not) to a gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Toponym {
    /// The place name as written ("Tehran", "Iranian" for a demonym).
    pub span: Span,
    /// The gazetteer's name for the place ("Tehran", "Iran").
    pub name: String,
    pub kind: PlaceKind,
    pub geonames_id: Option<u64>,
    /// Coordinates of the place, or of the point the text describes (a point between two
    /// cities for "the Tehran-Karaj highway"); `None` when unresolved.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: GeoPrecision,
    /// The relative-location phrase around the name ("near kilometer 20 of"), if any.
    pub qualifier: Option<Span>,
    /// Why this entry was chosen ("population prior", "country mentioned in document",
    /// "one sense per document"), for users and debugging.
    pub reason: String,
}

/// Whose voice a claim is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimVoice {
    /// An attribution in the text: an index into `Analysis::attributions`.
    Attributed(usize),
    /// No attribution: the publisher (or author) asserts it in its own voice.
    Publisher,
}

/// The stance of the source toward the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stance {
    /// The source asserts the content.
    Asserts,
    /// The source denies or rejects it ("denied that", "dismissed the report").
    Denies,
}

/// What an attribution asserts, about which entities, when, where and how much.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub voice: ClaimVoice,
    /// The asserted text (an attribution's content parts, or a sentence).
    pub content: Vec<Span>,
    /// The relay chain as attribution indices, from the original source (this claim's
    /// attribution) outward to the outermost relay; empty for the publisher's voice.
    pub chain: Vec<usize>,
    /// Entity mentions inside the content (indices into `Analysis::mentions`), the
    /// subject first where one is found.
    pub mentions: Vec<usize>,
    /// Index into `mentions` order: true when `mentions[0]` is the grammatical subject.
    pub has_subject: bool,
    /// Indices into `Analysis::timexes`, `quantities` and `toponyms` inside the content.
    pub timexes: Vec<usize>,
    pub quantities: Vec<usize>,
    pub toponyms: Vec<usize>,
    /// Hedge words in the content or cue ("alleged", "reportedly", "may", "believed to").
    pub hedges: Vec<Span>,
    pub stance: Stance,
    /// A negation inside the content ("did not", "never", "no").
    pub negations: Vec<Span>,
}
