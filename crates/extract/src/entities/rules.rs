//! The recognizer's rules, applied to one document in three steps.
//!
//! 1. Chunks: maximal runs of capitalized tokens, joined across name particles ("bin",
//!    "al-"), initials ("J. R."), hyphens written without spaces, and "of" / "and" / "for"
//!    when an organization or place word asks for them ("Ministry of Roads and Urban
//!    Development"). Gazetteer names are matched first, so that a known name ("Bosnia and
//!    Herzegovina") holds its chunk together.
//! 2. Pieces: each chunk loses its sentence-initial ordinary words ("The", "However") and
//!    is cut at titles ("Iranian President Hassan Rouhani" → "Iranian" | title | "Hassan
//!    Rouhani"); each piece is labeled by the strongest evidence it carries: a whole
//!    gazetteer name, a head word, a title before it, a gazetteer name at its start (a
//!    place before words with no evidence of their own names an organization: "Qatar
//!    Charity"), a given name, a particle, the shape of an acronym.
//! 3. Document: pieces without strong evidence take the label the same name got with
//!    strong evidence elsewhere in the document ("Ortega" after "Daniel Ortega"), then a
//!    context guess, then a default by length. A lone capitalized word that starts a
//!    sentence and never appears capitalized elsewhere is dropped: it is usually an
//!    ordinary word.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use claimgraph_model::{EntityLabel, Mention, MentionSource, Span, Timex, TokenKind};
use claimgraph_text::words::{is_all_caps, is_capitalized, is_quote, push_lower};

use super::lexicon::{self as lx, Lexicon, PhraseKind};
use crate::Input;

/// Lowercase role nouns that make the next capitalized name a person ("president Afewerki",
/// "spokesman Saeed"). Capitalized titles come from the lexicon's `[title]` section.
const ROLE_NOUNS: &[&str] = &[
    "president",
    "minister",
    "general",
    "colonel",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chairman",
    "chairwoman",
    "director",
    "secretary",
    "ambassador",
    "envoy",
    "governor",
    "mayor",
    "senator",
    "judge",
    "sheikh",
    "imam",
    "cleric",
    "ayatollah",
    "king",
    "queen",
    "prince",
    "princess",
    "mr",
    "mrs",
    "ms",
    "dr",
    "professor",
    "comrade",
    "captain",
    "lieutenant",
    "sergeant",
    "chief",
    "deputy",
    "premier",
    "chancellor",
    "emir",
    "sultan",
    "pope",
    "bishop",
    "activist",
    "journalist",
    "reporter",
    "author",
    "writer",
    "lawyer",
    "analyst",
    "researcher",
    "economist",
    "coach",
    "player",
    "singer",
    "actor",
    "founder",
    "ceo",
    "editor",
    "candidate",
    "lawmaker",
    "mp",
    "officer",
    "prosecutor",
    "dissident",
    "cardinal",
    "rabbi",
    "pastor",
    "brother",
    "sister",
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "uncle",
    "aunt",
    "striker",
    "midfielder",
];

/// Speech verbs after a name: the name is most likely a person.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "noted",
    "explained",
    "insisted",
    "claimed",
    "wrote",
    "argued",
    "asked",
    "replied",
    "tweeted",
    "recalled",
    "warned",
    "admitted",
];

/// Nouns after "the" + a surname that make it a person ("the Biden administration").
const PERSON_GROUP_NOUNS: &[&str] = &[
    "administration",
    "government",
    "regime",
    "family",
    "era",
    "camp",
    "cabinet",
    "presidency",
    "dynasty",
    "clan",
    "years",
    "campaign",
];

/// Words before "'s" that belong to the name ("People's Mujahedin", "Workers' Party").
const POSSESSIVE_NAME_WORDS: &[&str] =
    &["people", "women", "children", "workers", "men", "veterans", "martyrs", "farmers"];

/// Per-token facts computed once per document.
#[derive(Debug, Clone, Copy, Default)]
struct Tok {
    flags: u32,
    /// Byte range of the lowercased text in `Doc::lower`.
    lower: (u32, u32),
    cap: bool,
    caps: bool,
    word: bool,
    /// Inside a temporal expression ("March", "Monday").
    blocked: bool,
    /// First word of a sentence, a line or a quotation.
    initial: bool,
    /// In a headline written all in capitals.
    headline: bool,
    /// End (exclusive) and kind of the longest gazetteer name starting here.
    phrase: Option<(u32, PhraseKind)>,
}

/// A labeled (or not yet labeled) stretch of tokens.
#[derive(Debug, Clone, Copy)]
struct Cand {
    start: usize,
    end: usize,
    label: Option<EntityLabel>,
    source: MentionSource,
    /// Evidence weak enough for the document's stronger evidence to override.
    weak: bool,
}

struct Doc<'a> {
    input: &'a Input<'a>,
    lex: &'a Lexicon,
    toks: Vec<Tok>,
    /// Every token's lowercased text, back to back (one allocation per document).
    lower: &'a str,
    /// Lowercased words seen written in lowercase: a capitalized occurrence at a sentence
    /// start is then likely an ordinary word.
    seen_lower: HashSet<&'a str>,
    /// Lowercased words seen capitalized away from a sentence start.
    seen_cap_inner: HashSet<&'a str>,
    cands: Vec<Cand>,
}

/// Finds the mentions of one document.
pub fn find(lex: &Lexicon, input: &Input<'_>, timexes: &[Timex]) -> Vec<Mention> {
    let (toks, lower) = prepare(lex, input, timexes);
    let mut doc = Doc {
        input,
        lex,
        toks,
        lower: &lower,
        seen_lower: HashSet::new(),
        seen_cap_inner: HashSet::new(),
        cands: Vec::new(),
    };
    doc.mark_positions();
    for sentence in input.sentences {
        let end = sentence.token_end.min(doc.toks.len());
        doc.chunk_sentence(sentence.token_start.min(end), end);
    }
    doc.resolve()
}

/// Lowercases every token into one buffer and looks up its flags.
fn prepare(lex: &Lexicon, input: &Input<'_>, timexes: &[Timex]) -> (Vec<Tok>, String) {
    let mut toks = Vec::with_capacity(input.tokens.len());
    let mut lower = String::with_capacity(input.text.len() + 16);
    let mut timex_idx = 0;
    for token in input.tokens {
        let text = token.span.slice(input.text);
        let start = lower.len();
        push_lower(&mut lower, text);
        while timex_idx < timexes.len() && timexes[timex_idx].span.end <= token.span.start {
            timex_idx += 1;
        }
        let blocked = timexes[timex_idx..]
            .iter()
            .take_while(|t| t.span.start < token.span.end)
            .any(|t| t.span.overlaps(token.span));
        toks.push(Tok {
            flags: lex.flags(&lower[start..]),
            lower: (start as u32, lower.len() as u32),
            cap: is_capitalized(text),
            caps: is_all_caps(text),
            word: token.kind == TokenKind::Word,
            blocked,
            ..Tok::default()
        });
    }
    (toks, lower)
}

impl<'a> Doc<'a> {
    /// Sentence starts, headlines, gazetteer matches and the seen-word sets.
    fn mark_positions(&mut self) {
        let input = self.input;
        for sentence in input.sentences {
            let (s0, s1) = (sentence.token_start, sentence.token_end.min(self.toks.len()));
            let (mut words, mut caps) = (0, 0);
            for tok in self.toks.get(s0..s1).unwrap_or(&[]) {
                if tok.word && tok.lower.1 - tok.lower.0 > 1 {
                    words += 1;
                    caps += usize::from(tok.caps);
                }
            }
            let headline = words >= 3 && caps * 10 >= words * 7;
            let mut expect_initial = true;
            for i in s0..s1 {
                let token = input.tokens[i];
                let text = input.word(i);
                let tok = &mut self.toks[i];
                tok.headline = headline;
                if token.newlines_before > 0 {
                    expect_initial = true;
                }
                if tok.word || token.kind == TokenKind::Number {
                    tok.initial = expect_initial && tok.word;
                    expect_initial = false;
                } else if is_quote(text) || matches!(text, ":" | "—" | "–" | "(" | "•" | "*")
                {
                    expect_initial = true;
                } else if text != "-" {
                    expect_initial = false;
                }
            }
        }
        let lower = self.lower;
        for i in 0..self.toks.len() {
            let tok = self.toks[i];
            if !tok.word {
                continue;
            }
            let key = &lower[tok.lower.0 as usize..tok.lower.1 as usize];
            if !tok.cap {
                self.seen_lower.insert(key);
            } else if !tok.initial && !tok.headline {
                self.seen_cap_inner.insert(key);
            }
            if tok.flags & lx::PHRASE_START != 0 && (tok.cap || tok.headline) {
                self.toks[i].phrase = self.match_phrase(i);
            }
        }
    }

    fn low(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.lower[t.lower.0 as usize..t.lower.1 as usize])
    }

    fn text(&self, i: usize) -> &'a str {
        self.input.word(i)
    }

    fn flags(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.flags)
    }

    fn phrase(&self, i: usize) -> Option<(usize, PhraseKind)> {
        self.toks.get(i).and_then(|t| t.phrase).map(|(end, kind)| (end as usize, kind))
    }

    fn no_space_before(&self, i: usize) -> bool {
        self.input.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// The longest gazetteer name starting at token `i`.
    fn match_phrase(&self, i: usize) -> Option<(u32, PhraseKind)> {
        let tok = self.toks[i];
        let short = self.text(i).chars().count() <= 3;
        for phrase in self.lex.phrases(self.low(i)) {
            // Acronym entries need capitals ("US", not "Us"); short words in capitals
            // ("WHO", "AIM") match only acronym entries outside headlines.
            if phrase.acronym && !tok.caps || !phrase.acronym && tok.caps && short && !tok.headline
            {
                continue;
            }
            let end = i + 1 + phrase.rest.len();
            if end > self.toks.len() {
                continue;
            }
            let ok = phrase.rest.iter().enumerate().all(|(k, want)| {
                let j = i + 1 + k;
                let t = self.toks[j];
                let low = self.low(j);
                // The typographic apostrophe ("Moody’s") matches the typewriter one.
                let low = if low == "’s" { "'s" } else { low };
                low == &**want && (!t.word || t.cap || t.headline || is_connector(want))
            });
            if ok {
                return Some((end as u32, phrase.kind));
            }
        }
        None
    }

    /// A capitalized word that may be (part of) a name.
    fn name_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.word && t.cap && !t.blocked && !t.headline && t.flags & lx::NOT_NAME == 0
        }) && !self.currency_prefix(i)
    }

    /// Letters written against a currency sign ("US$", "HK$"): part of a currency.
    fn currency_prefix(&self, i: usize) -> bool {
        self.no_space_before(i + 1) && self.text(i + 1) == "$"
    }

    /// "al-" + capitalized word written without spaces ("al-Assad", "al-Qaeda").
    fn particle_hyphen(&self, i: usize) -> bool {
        self.flags(i) & lx::PARTICLE != 0
            && self.text(i + 1) == "-"
            && self.no_space_before(i + 1)
            && self.no_space_before(i + 2)
            && self.name_word(i + 2)
    }

    fn chunk_sentence(&mut self, s0: usize, s1: usize) {
        if self.toks.get(s0).is_some_and(|t| t.headline) {
            // All-caps headline: casing says nothing, so only gazetteer names count.
            let mut i = s0;
            while i < s1 {
                match self.phrase(i) {
                    Some((end, kind)) if end <= s1 => {
                        self.push(i, end, Some(kind.label()), MentionSource::Gazetteer, true);
                        i = end;
                    }
                    _ => i += 1,
                }
            }
            return;
        }
        let mut i = s0;
        while i < s1 {
            if !(self.name_word(i) || self.particle_hyphen(i)) {
                i += 1;
                continue;
            }
            let mut j = if self.particle_hyphen(i) { i + 3 } else { i + 1 };
            let mut force = self.phrase_end(i);
            while j < s1 {
                if j < force {
                    j += 1;
                    continue;
                }
                match self.extend(i, j, s1) {
                    Some(next) => {
                        for k in j..next {
                            force = force.max(self.phrase_end(k));
                        }
                        j = next;
                    }
                    None => break,
                }
            }
            let j = j.min(s1);
            self.process_chunk(i, j);
            i = j.max(i + 1);
        }
    }

    fn phrase_end(&self, i: usize) -> usize {
        self.phrase(i).map_or(0, |(end, _)| end)
    }

    /// Where the chunk `[start, j)` grows to if the tokens at `j` join it, or `None`.
    fn extend(&self, start: usize, j: usize, s1: usize) -> Option<usize> {
        let within = |k: usize| k < s1;
        if self.name_word(j) {
            return Some(j + 1);
        }
        let text = self.text(j);
        let low = self.low(j);
        // Hyphenated names written without spaces: "Tehran-Karaj", "COVID-19", "F-35".
        if text == "-" && self.no_space_before(j) && self.no_space_before(j + 1) && within(j + 1) {
            let prev_caps = self.toks[j - 1].caps;
            let number_ok = self.input.tokens[j + 1].kind == TokenKind::Number
                && (prev_caps || self.phrase(start).is_some());
            if self.name_word(j + 1) || number_ok {
                return Some(j + 2);
            }
            if self.particle_hyphen(j + 1) {
                return Some(j + 4);
            }
            return None;
        }
        if self.particle_hyphen(j) && within(j + 2) {
            return Some(j + 3);
        }
        if self.flags(j) & lx::PARTICLE != 0 && !self.toks[j].cap && self.name_word(j + 1) {
            return Some(j + 2);
        }
        // Initials and abbreviated titles: "J. R. Smith", "Gen. Soleimani", "St. Louis".
        if text == "." && self.name_word(j + 1) && within(j + 1) {
            let prev = self.text(j - 1);
            let prev_len = prev.chars().count();
            let initial = prev_len == 1 && self.toks[j - 1].cap;
            let abbreviation = prev_len <= 4 && self.toks[j - 1].cap && !self.toks[j - 1].caps;
            if initial || abbreviation {
                return Some(j + 2);
            }
            return None;
        }
        if matches!(low, "'s" | "'" | "’s" | "’")
            && POSSESSIVE_NAME_WORDS.contains(&self.low(j - 1))
            && self.name_word(j + 1)
        {
            return Some(j + 2);
        }
        if matches!(low, "of" | "for" | "and" | "&" | "on") {
            let mut k = j + 1;
            if low != "and" && self.low(k) == "the" {
                k += 1;
            }
            if !within(k) || !self.name_word(k) {
                return None;
            }
            let left_cue = (start..j).any(|x| {
                self.flags(x) & (lx::ORG_HEAD | lx::ORG_START | lx::PLACE_START | lx::MISC_START)
                    != 0
                    || self.flags(x) & (lx::PLACE_HEAD | lx::MISC_HEAD) != 0 && low != "and"
            });
            let mut r = k;
            while r < s1 && self.name_word(r) {
                r += 1;
            }
            let right_head = (k..r).any(|x| self.flags(x) & (lx::ORG_HEAD | lx::PLACE_HEAD) != 0);
            // "Ministry of Defense and Iran": a place after "and" starts a new name.
            // "Moody's and Standard & Poor's": a known organization before "and" ends there.
            if low == "and" && self.phrase(start) == Some((j, PhraseKind::Org)) {
                return None;
            }
            let right_place = low == "and"
                && matches!(self.phrase(k), Some((_, PhraseKind::Country | PhraseKind::City)));
            if (left_cue && !right_place) || (low == "and" && right_head) || low == "&" {
                return Some(k + 1);
            }
        }
        None
    }

    /// Strips ordinary words from the front of a chunk and cuts it at titles.
    fn process_chunk(&mut self, mut i: usize, mut j: usize) {
        while j > i && !self.content(j - 1) {
            j -= 1;
        }
        loop {
            while i < j && !(self.name_word(i) || self.particle_hyphen(i)) {
                i += 1;
            }
            if i < j && self.ordinary_start(i) {
                i += 1;
            } else {
                break;
            }
        }
        if i >= j {
            return;
        }
        let mut person = self.role_before(i);
        let mut seg = i;
        let mut k = i;
        while k < j {
            if self.flags(k) & lx::TITLE == 0 || self.phrase(k).is_some() {
                k += 1;
                continue;
            }
            let mut t = k;
            while t < j
                && (self.flags(t) & lx::TITLE != 0 && self.phrase(t).is_none()
                    || matches!(self.text(t), "." | "-"))
            {
                t += 1;
            }
            // "Foreign Affairs" in "Ministry of Foreign Affairs" is no title: a title run
            // needs a core title ("Minister", not only "Foreign") and must not follow "of".
            let core = (k..t).any(|x| self.flags(x) & (lx::TITLE | lx::TITLE_MOD) == lx::TITLE);
            let after_connector = k > seg && !self.toks[k - 1].cap;
            let rest_has_head =
                (t..j).any(|x| self.flags(x) & (lx::ORG_HEAD | lx::PLACE_HEAD) != 0);
            if t < j && rest_has_head || !core || after_connector {
                k = t;
                continue;
            }
            self.classify(seg, k, person);
            seg = t;
            person = true;
            k = t;
        }
        if seg < j {
            self.classify(seg, j, person);
        }
    }

    /// A capitalized word at the front of a chunk that is an ordinary word: "The",
    /// "However", or a sentence-initial word this document also writes in lowercase.
    fn ordinary_start(&self, i: usize) -> bool {
        let tok = self.toks[i];
        let possessive_name = matches!(self.low(i + 1), "'s" | "'" | "’s" | "’")
            && POSSESSIVE_NAME_WORDS.contains(&self.low(i))
            && self.name_word(i + 2);
        if self.phrase(i).is_some() || tok.caps || possessive_name {
            return false;
        }
        tok.flags & lx::COMMON != 0
            || tok.initial
                && tok.flags & lx::NAME_LIKE == 0
                && self.seen_lower.contains(self.low(i))
    }

    /// Token `i` is the first of the text or of a line.
    fn line_start(&self, i: usize) -> bool {
        let tokens = self.input.tokens;
        let start = tokens.get(i).map_or(0, |t| t.span.start);
        let previous_end = i.checked_sub(1).and_then(|p| tokens.get(p)).map_or(0, |t| t.span.end);
        i == 0 || self.input.text.get(previous_end..start).is_some_and(|gap| gap.contains('\n'))
    }

    /// A role word just before token `i`: "President X", "spokesman X", "Gen. X".
    fn role_before(&self, i: usize) -> bool {
        let mut p = i.wrapping_sub(1);
        if self.text(p) == "." {
            p = p.wrapping_sub(1);
        }
        let Some(tok) = self.toks.get(p) else { return false };
        if tok.cap { tok.flags & lx::TITLE != 0 } else { ROLE_NOUNS.contains(&self.low(p)) }
    }

    fn push(
        &mut self,
        start: usize,
        end: usize,
        label: Option<EntityLabel>,
        source: MentionSource,
        weak: bool,
    ) {
        self.cands.push(Cand { start, end, label, source, weak });
    }

    /// A word or a number: what a name may end with ("COVID-19", "Resolution 2231").
    fn content(&self, i: usize) -> bool {
        self.toks[i].word || self.input.tokens[i].kind == TokenKind::Number
    }

    fn words_in(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&x| self.toks[x].word).count()
    }

    /// Labels one piece of a chunk by the strongest evidence it carries.
    fn classify(&mut self, mut a: usize, mut b: usize, person: bool) {
        while a < b && !self.toks[a].word {
            a += 1;
        }
        while b > a && !self.content(b - 1) {
            b -= 1;
        }
        if a >= b {
            return;
        }
        let n_words = self.words_in(a, b);
        let phrase = self.phrase(a);
        if let Some((end, kind)) = phrase
            && end == b
        {
            if person && kind == PhraseKind::City {
                self.push(a, b, Some(EntityLabel::Person), MentionSource::TitleContext, false);
            } else {
                // A lone city name may still be a surname the document uses.
                let weak = kind == PhraseKind::City && n_words == 1;
                self.push(a, b, Some(kind.label()), MentionSource::Gazetteer, weak);
            }
            return;
        }
        if let Some((label, source)) = self.head_label(a, b) {
            if n_words > 1 {
                self.push(a, b, Some(label), source, false);
            }
            return;
        }
        if person {
            self.push(a, b, Some(EntityLabel::Person), MentionSource::TitleContext, false);
            return;
        }
        if let Some((end, kind)) = phrase {
            let given_city = kind == PhraseKind::City && self.flags(a) & lx::GIVEN != 0;
            if end < b && self.place_named_org(a, end, b, kind) {
                self.push(a, b, Some(EntityLabel::Organization), MentionSource::Gazetteer, false);
                return;
            }
            if end < b && !given_city {
                self.push(a, end, Some(kind.label()), MentionSource::Gazetteer, false);
                self.classify(end, b, false);
                return;
            }
        }
        let first = self.flags(a);
        let last = self.flags(b - 1);
        if n_words >= 2 {
            // A name particle ("al", "bin", "von") marks a person; the Persian ezafe ("e", "i"
            // in "Mujahedin-e-Khalq", "Hezb-i-Islami") joins names of any kind.
            let particle = (a..b).any(|x| {
                self.flags(x) & lx::PARTICLE != 0
                    && !self.toks[x].cap
                    && !matches!(self.low(x), "e" | "i")
            });
            if first & lx::GIVEN != 0 || last & lx::SURNAME != 0 || particle {
                if let Some(x) = self.office_before_name(a, b) {
                    self.push(x, b, Some(EntityLabel::Person), MentionSource::GivenName, false);
                    return;
                }
                self.push(a, b, Some(EntityLabel::Person), MentionSource::GivenName, false);
            } else {
                self.push(a, b, None, MentionSource::Capitalization, true);
            }
            return;
        }
        let tok = self.toks[a];
        let text = self.text(a);
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || self.generic_word(a) {
            return;
        }
        // A word in capitals that opens a line or sentence and ends at a colon is a label
        // ("NOTE: results include ...", "ENERGY:", "CORRECTION:"), not an acronym, unless
        // it is a name, as a transcript's speakers are ("TAPPER: Do you think ..."): a
        // name the lexicons hold or one the document also writes capitalized inside a
        // sentence ("Jake Tapper asked"). Names the gazetteers know ("OPEC:", "JAPAN:")
        // were taken before this point.
        if tok.caps
            && tok.initial
            && self.text(b) == ":"
            && first & (lx::SURNAME | lx::GIVEN) == 0
            && !self.seen_cap_inner.contains(self.low(a))
        {
            return;
        }
        // A word that opens a line and is followed by a figure heads a row of a table
        // ("Sales 7.9 mln vs 9.4 mln", "Net 1.1 mln"), whatever names it spells.
        if self.line_start(a) && self.text(b).starts_with(|c: char| c.is_ascii_digit()) {
            return;
        }
        if tok.caps && (2..=7).contains(&letters) {
            self.push(a, b, Some(EntityLabel::Organization), MentionSource::Capitalization, true);
        } else if first & (lx::SURNAME | lx::GIVEN) != 0 {
            // "the West", "the House", "the Church": a name-list word after "the" is a
            // person only before a noun for his or her government or family ("the Ortega
            // regime"), or when the document names the person in full elsewhere.
            let label = (self.low(a.wrapping_sub(1)) != "the"
                || PERSON_GROUP_NOUNS.contains(&self.low(b)))
            .then_some(EntityLabel::Person);
            self.push(a, b, label, MentionSource::GivenName, true);
        } else if text.ends_with("stan") {
            self.push(a, b, Some(EntityLabel::Location), MentionSource::Capitalization, true);
        } else if ["ians", "ian", "ese", "ists", "ites"].iter().any(|s| text.ends_with(s)) {
            self.push(a, b, Some(EntityLabel::Misc), MentionSource::Capitalization, true);
        } else {
            self.push(a, b, None, MentionSource::Capitalization, true);
        }
    }

    /// A place name followed by capitalized words with no evidence of a person or of a
    /// second name: together they name an organization ("Perth Glory", "Qatar Charity").
    /// After a city, which may be a given name too, any word of the name lists is such
    /// evidence; after a country or region, only a full name ("Nicaragua Daniel Ortega").
    fn place_named_org(&self, a: usize, end: usize, b: usize, kind: PhraseKind) -> bool {
        let mut person = lx::PARTICLE | lx::PHRASE_START | lx::TITLE;
        if kind == PhraseKind::City {
            person |= lx::GIVEN | lx::SURNAME;
        } else if self.flags(end) & lx::GIVEN != 0 && self.words_in(end, b) >= 2 {
            return false;
        }
        matches!(kind, PhraseKind::Country | PhraseKind::City | PhraseKind::Region)
            && self.flags(a) & (lx::GIVEN | lx::SURNAME) == 0
            && (end..b)
                .all(|x| !self.toks[x].word || self.toks[x].cap && self.flags(x) & person == 0)
    }

    /// Where the person's name starts in a piece that ends an office's name ("Chancellor of
    /// the Exchequer Nigel Lawson" → "Nigel Lawson"): after "of" (and "the"), the words
    /// before the first given name are the office's when none of them is a name.
    fn office_before_name(&self, a: usize, b: usize) -> Option<usize> {
        let mut p = a.checked_sub(1)?;
        if self.low(p) == "the" {
            p = p.checked_sub(1)?;
        }
        if self.low(p) != "of" || self.flags(a) & (lx::GIVEN | lx::SURNAME | lx::PARTICLE) != 0 {
            return None;
        }
        let x = (a + 1..b).find(|&x| self.flags(x) & lx::GIVEN != 0)?;
        let office = (a..x).all(|y| self.toks[y].cap && self.flags(y) & lx::NAME_LIKE == 0);
        (office && self.words_in(x, b) >= 2).then_some(x)
    }

    /// A lone capitalized word with no name evidence that is an ordinary word: the
    /// document writes it in lowercase too, it has a suffix of common nouns and adjectives
    /// ("Foreigners", "Presidential"), or it is an acronym's plural ("MPs", "NGOs").
    fn generic_word(&self, i: usize) -> bool {
        let tok = self.toks[i];
        if tok.flags & lx::NAME_LIKE != 0 {
            return false;
        }
        let low = self.low(i);
        if self.seen_lower.contains(low) {
            return true;
        }
        const SUFFIXES: &[&str] = &[
            "ness", "ity", "ities", "tion", "tions", "sion", "sions", "ment", "ments", "ers",
            "ism", "ial", "ive", "ous", "ship", "ance", "ence", "ology", "ary",
        ];
        let text = self.text(i);
        let acronym_plural =
            text.len() > 2 && text.ends_with('s') && is_all_caps(&text[..text.len() - 1]);
        acronym_plural || SUFFIXES.iter().any(|s| low.ends_with(s)) && !tok.caps
    }

    /// The label a head or start word gives the piece `[a, b)`.
    fn head_label(&self, a: usize, b: usize) -> Option<(EntityLabel, MentionSource)> {
        let first = self.flags(a);
        let has_of = (a + 1..b).any(|x| matches!(self.low(x), "of" | "for"));
        if has_of || first & lx::MISC_START != 0 && b - a > 1 {
            if first & lx::ORG_START != 0 {
                return Some((EntityLabel::Organization, MentionSource::OrganizationWord));
            }
            if first & lx::PLACE_START != 0 {
                return Some((EntityLabel::Location, MentionSource::PlaceWord));
            }
            if first & lx::MISC_START != 0 {
                return Some((EntityLabel::Misc, MentionSource::Capitalization));
            }
        }
        for x in (a..b).rev() {
            let f = self.flags(x);
            if !self.toks[x].cap {
                continue;
            }
            if f & lx::ORG_HEAD != 0 {
                return Some((EntityLabel::Organization, MentionSource::OrganizationWord));
            }
            if f & lx::PLACE_HEAD != 0 {
                return Some((EntityLabel::Location, MentionSource::PlaceWord));
            }
            if f & lx::MISC_HEAD != 0 {
                return Some((EntityLabel::Misc, MentionSource::Capitalization));
            }
        }
        None
    }

    /// Lowercased text of a candidate, for document-level look-ups.
    fn key(&self, c: &Cand) -> String {
        let mut key = String::new();
        for x in c.start..c.end {
            if self.toks[x].word {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(self.low(x));
            }
        }
        key
    }

    /// Document consistency, context guesses and defaults; returns the final mentions.
    fn resolve(&mut self) -> Vec<Mention> {
        let mut cands = std::mem::take(&mut self.cands);
        cands.sort_by_key(|c| c.start);
        let mut strong: HashMap<String, EntityLabel> = HashMap::new();
        let mut person_words: HashSet<&str> = HashSet::new();
        for c in cands.iter().filter(|c| !c.weak) {
            let Some(label) = c.label else { continue };
            strong.entry(self.key(c)).or_insert(label);
            if label == EntityLabel::Person && self.words_in(c.start, c.end) >= 2 {
                for x in c.start..c.end {
                    if self.toks[x].cap && self.toks[x].word {
                        person_words.insert(self.low(x));
                    }
                }
            }
        }
        let mut mentions = Vec::with_capacity(cands.len());
        for c in &mut cands {
            if c.weak {
                let key = self.key(c);
                if let Some(&label) = strong.get(&key) {
                    c.label = Some(label);
                    c.source = MentionSource::DocumentConsistency;
                } else if (c.start..c.end)
                    .filter(|&x| self.toks[x].word)
                    .all(|x| person_words.contains(self.low(x)))
                {
                    c.label = Some(EntityLabel::Person);
                    c.source = MentionSource::DocumentConsistency;
                }
            }
            if c.label.is_none() {
                let single = self.words_in(c.start, c.end) == 1;
                c.label = if single
                    && self.toks[c.start].initial
                    && !self.seen_cap_inner.contains(self.low(c.start))
                {
                    // Most likely an ordinary word; only a person cue after it saves it.
                    self.person_after(c.end).then_some(EntityLabel::Person)
                } else {
                    self.guess(c)
                };
            }
            let Some(label) = c.label else { continue };
            let span = Span::new(
                self.input.tokens[c.start].span.start,
                self.input.tokens[c.end - 1].span.end,
            );
            mentions.push(Mention { span, label, source: c.source, entity: 0 });
        }
        mentions
    }

    /// A person cue right after a name: a speech verb ("X said"), "who", or an apposition
    /// with a role ("X, the commander of", "X, a senior cleric").
    fn person_after(&self, end: usize) -> bool {
        let mut next = end;
        if matches!(self.low(next), "'s" | ",") {
            next += 1;
        }
        let next_low = self.low(next);
        if SPEECH_VERBS.contains(&next_low) || next_low == "who" {
            return true;
        }
        self.low(end) == ","
            && matches!(next_low, "the" | "a" | "an" | "its" | "his" | "her" | "their")
            && (next + 1..next + 5).any(|x| ROLE_NOUNS.contains(&self.low(x)))
    }

    /// A label for a capitalized name with no evidence but its context, or `None` when
    /// the context says too little: measured on held-out news, a bare capitalized name
    /// is a person, an organization, a place or no name at all about equally often, and
    /// a guess that is right less than a third of the time costs more than it gains.
    fn guess(&self, c: &Cand) -> Option<EntityLabel> {
        if self.person_after(c.end) {
            return Some(EntityLabel::Person);
        }
        let prev = self.low(c.start.wrapping_sub(1));
        match prev {
            "in" | "near" | "outside" | "across" | "at" | "from" | "towards" | "toward" => {
                Some(EntityLabel::Location)
            }
            "(" => Some(EntityLabel::Organization),
            "”" | "\"" | "said" | "says" | "by" | "." | "," | "mr" | "ms" | "mrs" | "dr" => {
                Some(EntityLabel::Person)
            }
            _ => None,
        }
    }
}

/// Lowercase words a gazetteer name may contain in lowercase ("Bosnia and Herzegovina").
fn is_connector(lower_tok: &str) -> bool {
    matches!(
        lower_tok,
        "of" | "and" | "the" | "de" | "al" | "el" | "del" | "da" | "-" | "'s" | "on"
    )
}
