//! The cue lexicon: verbs and phrases that signal a reported statement, belief or finding,
//! with what each expects around it. Built once into a `HashMap` when the stage is
//! constructed; every look-up is on the lowercase token.
//!
//! Classes differ in what may follow the verb. A speech verb ("said") takes its content
//! directly or after "that"; a telling verb ("told") first takes the addressee; a belief
//! verb ("believes") counts only before a clause, because "I think" inside a quote and
//! "believe in" are not attributions; an attitude verb ("criticized", "urged") takes a
//! noun phrase or an infinitive, and is annotated as an attribution by PARC-style corpora.

use foldhash::{HashMap, HashMapExt};

/// What a cue expects around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Speech and writing: "said", "wrote", "announced", "tweeted".
    Say,
    /// Speech with an addressee first: "told reporters that", "assured him".
    Tell,
    /// Beliefs, knowledge and intentions: "believes", "thinks", "fears".
    Belief,
    /// Findings of documents and data: "showed", "found", "indicates".
    Finding,
    /// Attitudes and speech acts with a noun phrase or infinitive for content:
    /// "criticized", "urged", "vowed", "praised".
    Attitude,
    /// Intentions and stances with a noun phrase or infinitive for content: "wants",
    /// "supports", "opposes", "seeks". PARC-style corpora (PolNeAR) annotate them as
    /// attributed intentions and attitudes.
    Intent,
    /// Appearance and expectation without a named holder: "X seems to …", "X is expected
    /// to …". The attribution has no source, and its content is the whole clause.
    Seem,
}

/// A cue word with its class and whether it is a present participle ("saying"), which
/// takes the subject of the clause it hangs on as its source.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub class: CueClass,
    pub participle: bool,
    /// A past participle or past tense form that may be passive ("was reported by").
    pub past: bool,
}

/// The lexicon: lowercase word form to cue.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashMap<&'static str, Cue>,
}

/// Base forms with their inflections: (present 3sg, past, participle, base).
const SAY: &[[&str; 4]] = &[
    ["says", "said", "saying", "say"],
    ["adds", "added", "adding", "add"],
    ["writes", "wrote", "writing", "write"],
    ["reports", "reported", "reporting", "report"],
    ["announces", "announced", "announcing", "announce"],
    ["states", "stated", "stating", "state"],
    ["declares", "declared", "declaring", "declare"],
    ["explains", "explained", "explaining", "explain"],
    ["notes", "noted", "noting", "note"],
    ["argues", "argued", "arguing", "argue"],
    ["claims", "claimed", "claiming", "claim"],
    ["insists", "insisted", "insisting", "insist"],
    ["tweets", "tweeted", "tweeting", "tweet"],
    ["posts", "posted", "posting", "post"],
    ["suggests", "suggested", "suggesting", "suggest"],
    ["reveals", "revealed", "revealing", "reveal"],
    ["acknowledges", "acknowledged", "acknowledging", "acknowledge"],
    ["admits", "admitted", "admitting", "admit"],
    ["concedes", "conceded", "conceding", "concede"],
    ["confirms", "confirmed", "confirming", "confirm"],
    ["recalls", "recalled", "recalling", "recall"],
    ["replies", "replied", "replying", "reply"],
    ["responds", "responded", "responding", "respond"],
    ["continues", "continued", "continuing", "continue"],
    ["alleges", "alleged", "alleging", "allege"],
    ["asserts", "asserted", "asserting", "assert"],
    ["maintains", "maintained", "maintaining", "maintain"],
    ["contends", "contended", "contending", "contend"],
    ["stresses", "stressed", "stressing", "stress"],
    ["emphasizes", "emphasized", "emphasizing", "emphasize"],
    ["emphasises", "emphasised", "emphasising", "emphasise"],
    ["predicts", "predicted", "predicting", "predict"],
    ["complains", "complained", "complaining", "complain"],
    ["jokes", "joked", "joking", "joke"],
    ["quips", "quipped", "quipping", "quip"],
    ["observes", "observed", "observing", "observe"],
    ["comments", "commented", "commenting", "comment"],
    ["remarks", "remarked", "remarking", "remark"],
    ["mentions", "mentioned", "mentioning", "mention"],
    ["testifies", "testified", "testifying", "testify"],
    ["exclaims", "exclaimed", "exclaiming", "exclaim"],
    ["shouts", "shouted", "shouting", "shout"],
    ["yells", "yelled", "yelling", "yell"],
    ["boasts", "boasted", "boasting", "boast"],
    ["brags", "bragged", "bragging", "brag"],
    ["counters", "countered", "countering", "counter"],
    ["retorts", "retorted", "retorting", "retort"],
    ["concludes", "concluded", "concluding", "conclude"],
    ["estimates", "estimated", "estimating", "estimate"],
    ["speculates", "speculated", "speculating", "speculate"],
    ["wonders", "wondered", "wondering", "wonder"],
    ["writes", "wrote", "writing", "write"],
    ["repeats", "repeated", "repeating", "repeat"],
    ["reiterates", "reiterated", "reiterating", "reiterate"],
    ["agrees", "agreed", "agreeing", "agree"],
    ["disputes", "disputed", "disputing", "dispute"],
    ["denies", "denied", "denying", "deny"],
    ["discloses", "disclosed", "disclosing", "disclose"],
    ["indicates", "indicated", "indicating", "indicate"],
    ["hints", "hinted", "hinting", "hint"],
    ["implies", "implied", "implying", "imply"],
    ["proclaims", "proclaimed", "proclaiming", "proclaim"],
    ["chants", "chanted", "chanting", "chant"],
    ["whispers", "whispered", "whispering", "whisper"],
    ["writes", "wrote", "writing", "write"],
    ["laments", "lamented", "lamenting", "lament"],
    ["touts", "touted", "touting", "tout"],
    ["recounts", "recounted", "recounting", "recount"],
    ["surmises", "surmised", "surmising", "surmise"],
    ["muses", "mused", "musing", "muse"],
    ["opines", "opined", "opining", "opine"],
    ["affirms", "affirmed", "affirming", "affirm"],
    ["reaffirms", "reaffirmed", "reaffirming", "reaffirm"],
    ["cautions", "cautioned", "cautioning", "caution"],
    ["bemoans", "bemoaned", "bemoaning", "bemoan"],
    ["gripes", "griped", "griping", "gripe"],
    ["scoffs", "scoffed", "scoffing", "scoff"],
    ["confesses", "confessed", "confessing", "confess"],
    ["divulges", "divulged", "divulging", "divulge"],
    ["clarifies", "clarified", "clarifying", "clarify"],
    ["theorizes", "theorized", "theorizing", "theorize"],
    ["posits", "posited", "positing", "posit"],
    ["reasons", "reasoned", "reasoning", "reason"],
    ["rebuts", "rebutted", "rebutting", "rebut"],
    ["signals", "signaled", "signaling", "signal"],
    ["signals", "signalled", "signalling", "signal"],
    ["implores", "implored", "imploring", "implore"],
    ["forecasts", "forecasted", "forecasting", "forecast"],
    ["asks", "asked", "asking", "ask"],
    ["characterizes", "characterized", "characterizing", "characterize"],
    ["describes", "described", "describing", "describe"],
    ["calls", "called", "calling", "call"],
    ["reads", "read", "reading", "read"],
    ["rules", "ruled", "ruling", "rule"],
    // Manners of speaking, mostly after a quote ('"…," she interjected').
    ["answers", "answered", "answering", "answer"],
    ["interjects", "interjected", "interjecting", "interject"],
    ["barks", "barked", "barking", "bark"],
    ["snipes", "sniped", "sniping", "snipe"],
    ["grouses", "groused", "grousing", "grouse"],
    ["gushes", "gushed", "gushing", "gush"],
    ["marvels", "marveled", "marveling", "marvel"],
    ["marvels", "marvelled", "marvelling", "marvel"],
    ["fumes", "fumed", "fuming", "fume"],
    ["vents", "vented", "venting", "vent"],
    ["needles", "needled", "needling", "needle"],
    ["elaborates", "elaborated", "elaborating", "elaborate"],
    ["pleads", "pleaded", "pleading", "plead"],
    ["likens", "likened", "likening", "liken"],
    ["remembers", "remembered", "remembering", "remember"],
    ["voices", "voiced", "voicing", "voice"],
];

const TELL: &[[&str; 4]] = &[
    ["tells", "told", "telling", "tell"],
    ["informs", "informed", "informing", "inform"],
    ["assures", "assured", "assuring", "assure"],
    ["reminds", "reminded", "reminding", "remind"],
    ["warns", "warned", "warning", "warn"],
    ["advises", "advised", "advising", "advise"],
    ["urges", "urged", "urging", "urge"],
    ["convinces", "convinced", "convincing", "convince"],
    ["promises", "promised", "promising", "promise"],
    ["accuses", "accused", "accusing", "accuse"],
];

const BELIEF: &[[&str; 4]] = &[
    ["believes", "believed", "believing", "believe"],
    ["thinks", "thought", "thinking", "think"],
    ["feels", "felt", "feeling", "feel"],
    ["fears", "feared", "fearing", "fear"],
    ["hopes", "hoped", "hoping", "hope"],
    ["expects", "expected", "expecting", "expect"],
    ["knows", "knew", "knowing", "know"],
    ["doubts", "doubted", "doubting", "doubt"],
    ["suspects", "suspected", "suspecting", "suspect"],
    ["worries", "worried", "worrying", "worry"],
    ["assumes", "assumed", "assuming", "assume"],
    ["understands", "understood", "understanding", "understand"],
    ["realizes", "realized", "realizing", "realize"],
    ["learns", "learned", "learning", "learn"],
    ["hears", "heard", "hearing", "hear"],
    ["sees", "saw", "seeing", "see"],
    ["acknowledges", "acknowledged", "acknowledging", "acknowledge"],
];

const FINDING: &[[&str; 4]] = &[
    ["shows", "showed", "showing", "show"],
    ["finds", "found", "finding", "find"],
    ["reveals", "revealed", "revealing", "reveal"],
    ["indicates", "indicated", "indicating", "indicate"],
    ["suggests", "suggested", "suggesting", "suggest"],
    ["demonstrates", "demonstrated", "demonstrating", "demonstrate"],
    ["confirms", "confirmed", "confirming", "confirm"],
    ["concludes", "concluded", "concluding", "conclude"],
    ["determines", "determined", "determining", "determine"],
    ["establishes", "established", "establishing", "establish"],
];

const ATTITUDE: &[[&str; 4]] = &[
    ["criticizes", "criticized", "criticizing", "criticize"],
    ["criticises", "criticised", "criticising", "criticise"],
    ["praises", "praised", "praising", "praise"],
    ["defends", "defended", "defending", "defend"],
    ["rejects", "rejected", "rejecting", "reject"],
    ["denounces", "denounced", "denouncing", "denounce"],
    ["condemns", "condemned", "condemning", "condemn"],
    ["blasts", "blasted", "blasting", "blast"],
    ["slams", "slammed", "slamming", "slam"],
    ["vows", "vowed", "vowing", "vow"],
    ["pledges", "pledged", "pledging", "pledge"],
    ["declines", "declined", "declining", "decline"],
    ["refuses", "refused", "refusing", "refuse"],
    ["endorses", "endorsed", "endorsing", "endorse"],
    ["dismisses", "dismissed", "dismissing", "dismiss"],
    ["questions", "questioned", "questioning", "question"],
    ["cites", "cited", "citing", "cite"],
    ["proposes", "proposed", "proposing", "propose"],
    ["threatens", "threatened", "threatening", "threaten"],
    ["demands", "demanded", "demanding", "demand"],
    ["welcomes", "welcomed", "welcoming", "welcome"],
    ["applauds", "applauded", "applauding", "applaud"],
    ["mocks", "mocked", "mocking", "mock"],
    ["lambastes", "lambasted", "lambasting", "lambaste"],
    ["decries", "decried", "decrying", "decry"],
    ["recommends", "recommended", "recommending", "recommend"],
    ["hails", "hailed", "hailing", "hail"],
    ["lauds", "lauded", "lauding", "laud"],
    ["ridicules", "ridiculed", "ridiculing", "ridicule"],
    ["derides", "derided", "deriding", "deride"],
    ["disparages", "disparaged", "disparaging", "disparage"],
    ["assails", "assailed", "assailing", "assail"],
    ["rebukes", "rebuked", "rebuking", "rebuke"],
    ["chides", "chided", "chiding", "chide"],
    ["scolds", "scolded", "scolding", "scold"],
    ["berates", "berated", "berating", "berate"],
    ["excoriates", "excoriated", "excoriating", "excoriate"],
    ["castigates", "castigated", "castigating", "castigate"],
    ["disavows", "disavowed", "disavowing", "disavow"],
    ["repudiates", "repudiated", "repudiating", "repudiate"],
    ["advocates", "advocated", "advocating", "advocate"],
    ["champions", "championed", "championing", "champion"],
    ["embraces", "embraced", "embracing", "embrace"],
    // Round 8: acts of speech and stance that PolNeAR annotates at 50-100% of their uses
    // (base and third-person forms that are mostly nouns are removed below).
    ["highlights", "highlighted", "highlighting", "highlight"],
    ["encourages", "encouraged", "encouraging", "encourage"],
    ["references", "referenced", "referencing", "reference"],
    ["quotes", "quoted", "quoting", "quote"],
    ["emails", "emailed", "emailing", "email"],
    ["portrays", "portrayed", "portraying", "portray"],
    ["challenges", "challenged", "challenging", "challenge"],
    ["invokes", "invoked", "invoking", "invoke"],
    ["downplays", "downplayed", "downplaying", "downplay"],
    ["retweets", "retweeted", "retweeting", "retweet"],
    ["labels", "labeled", "labeling", "label"],
    ["labels", "labelled", "labelling", "label"],
    ["dubs", "dubbed", "dubbing", "dub"],
    ["insults", "insulted", "insulting", "insult"],
    ["lists", "listed", "listing", "list"],
    ["requests", "requested", "requesting", "request"],
    ["projects", "projected", "projecting", "project"],
];

const INTENT: &[[&str; 4]] = &[
    ["wants", "wanted", "wanting", "want"],
    ["supports", "supported", "supporting", "support"],
    ["opposes", "opposed", "opposing", "oppose"],
    ["seeks", "sought", "seeking", "seek"],
    ["intends", "intended", "intending", "intend"],
    ["prefers", "preferred", "preferring", "prefer"],
    ["favors", "favored", "favoring", "favor"],
    ["favours", "favoured", "favouring", "favour"],
    ["backs", "backed", "backing", "back"],
    ["plans", "planned", "planning", "plan"],
    ["aims", "aimed", "aiming", "aim"],
    ["blames", "blamed", "blaming", "blame"],
    ["attacks", "attacked", "attacking", "attack"],
    ["thanks", "thanked", "thanking", "thank"],
    ["echoes", "echoed", "echoing", "echo"],
    ["expresses", "expressed", "expressing", "express"],
    ["discusses", "discussed", "discussing", "discuss"],
    ["accepts", "accepted", "accepting", "accept"],
    ["regards", "regarded", "regarding", "regard"],
    ["considers", "considered", "considering", "consider"],
    ["views", "viewed", "viewing", "view"],
    ["points", "pointed", "pointing", "point"],
    ["votes", "voted", "voting", "vote"],
    ["talks", "talked", "talking", "talk"],
    ["speaks", "spoke", "speaking", "speak"],
    ["refers", "referred", "referring", "refer"],
    ["rails", "railed", "railing", "rail"],
    ["pushes", "pushed", "pushing", "push"],
    ["presses", "pressed", "pressing", "press"],
    ["sounds", "sounded", "sounding", "sound"],
    ["lashes", "lashed", "lashing", "lash"],
    ["weighs", "weighed", "weighing", "weigh"],
];

const SEEM: &[[&str; 4]] =
    &[["seems", "seemed", "seeming", "seem"], ["appears", "appeared", "appearing", "appear"]];

/// Intent verbs that are also common nouns, adverbs or other senses ("the plan", "came
/// back", "the attack", "thanks to"): they count only before "to" or a clause opener.
pub fn needs_infinitive(w: &str) -> bool {
    matches!(
        w,
        "plans"
            | "planned"
            | "planning"
            | "plan"
            | "aims"
            | "aimed"
            | "aiming"
            | "aim"
            | "intended"
            | "hoping"
            | "seeking"
    )
}

/// The particles a verb needs to be a cue, if it needs one: "voted for", "pointed out".
pub fn particles(w: &str) -> Option<&'static [&'static str]> {
    match w {
        "points" | "pointed" | "pointing" | "point" => Some(&["to", "out"]),
        "votes" | "voted" | "voting" | "vote" => Some(&["for", "against"]),
        "talks" | "talked" | "talking" | "talk" => Some(&["about"]),
        "speaks" | "spoke" | "speaking" | "speak" => Some(&["about", "of", "out"]),
        "lashes" | "lashed" | "lashing" | "lash" => Some(&["out"]),
        "weighs" | "weighed" | "weighing" | "weigh" => Some(&["in"]),
        "refers" | "referred" | "referring" | "refer" => Some(&["to"]),
        "rails" | "railed" | "railing" | "rail" => Some(&["against", "at"]),
        "pushes" | "pushed" | "pushing" | "push" => Some(&["for"]),
        "presses" | "pressed" | "pressing" | "press" => Some(&["for"]),
        "sounds" | "sounded" | "sounding" | "sound" => Some(&["off"]),
        _ => None,
    }
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut words = HashMap::new();
        // Later tables do not override earlier ones: a verb keeps its strongest class.
        for (table, class) in [
            (SAY, CueClass::Say),
            (TELL, CueClass::Tell),
            (FINDING, CueClass::Finding),
            (BELIEF, CueClass::Belief),
            (ATTITUDE, CueClass::Attitude),
            (INTENT, CueClass::Intent),
            (SEEM, CueClass::Seem),
        ] {
            for forms in table {
                let [third, past, participle, base] = *forms;
                for (word, is_participle, is_past) in [
                    (third, false, false),
                    (past, false, true),
                    (participle, true, false),
                    (base, false, false),
                ] {
                    words.entry(word).or_insert(Cue {
                        class,
                        participle: is_participle,
                        past: is_past,
                    });
                }
            }
        }
        // Forms that are mostly nouns or another sense of the word ("the report", "a
        // warning", "in the hope"); the patterns around the other forms stay strict.
        for word in [
            "state",
            "report",
            "post",
            "comment",
            "remark",
            "question",
            "stress",
            "counter",
            "note",
            "call",
            "claim",
            "estimate",
            "hint",
            "joke",
            "finding",
            "feeling",
            "understanding",
            "learning",
            "thinking",
            "hearing",
            "seeing",
            "warning",
            "posting",
            "writing",
            "reply",
            "shout",
            "blast",
            "pledge",
            "decline",
            "demand",
            "promise",
            "vow",
            "praise",
            "fear",
            "hope",
            "worry",
            "doubt",
            "dispute",
            "chant",
            "whisper",
            "yell",
            "boast",
            "quip",
            "welcome",
            "mock",
            "observe",
            "counters",
            "establish",
            "determine",
            "determined",
            "established",
            "learned",
            "find",
            "see",
            "hear",
            "learn",
            "feel",
            "knowing",
            "continue",
            "continuing",
            "recalling",
            "concern",
            "suspect",
            "post",
            "posts",
            "stating",
            "refuse",
            "decline",
            "cite",
            "declining",
            "questioning",
            "estimating",
            "tweet",
            "comments",
            "questions",
            "call",
            "post",
            "cite",
            "answer",
            // Intent verbs whose other forms are mostly nouns or other senses.
            "back",
            "backing",
            "attack",
            "attacks",
            "thanks",
            "thank",
            "echo",
            "express",
            "views",
            "view",
            "regarding",
            "considering",
            "regard",
            "aim",
            "support",
            "favor",
            "favour",
            "appearing",
            "seeming",
            "intending",
            "wanting",
            // Forms of the fourth round that are mostly nouns or other senses ("the
            // signal", "the rail line", "for some reason", "a champion").
            "signal",
            "signals",
            "rail",
            "rails",
            "railing",
            "reason",
            "reasons",
            "reasoning",
            "champion",
            "champions",
            "caution",
            "forecast",
            "forecasts",
            "recount",
            "muse",
            "hail",
            "advocate",
            "advocates",
            "embrace",
            "ridicule",
            "rebuke",
            "gripe",
            // Round 8 forms that are mostly nouns or adjectives ("the highlights", "an
            // encouraging sign", "a challenging year", "in order to").
            "highlight",
            "highlights",
            "encouraging",
            "encourage",
            "encourages",
            "reference",
            "references",
            "quote",
            "quotes",
            "email",
            "emails",
            "emailing",
            "challenge",
            "challenges",
            "challenging",
            "retweet",
            "retweets",
            "label",
            "labels",
            "dub",
            "insult",
            "insults",
            "insulting",
            "list",
            "lists",
            "listing",
            "request",
            "requests",
            "project",
            "projects",
            "projecting",
            "rule",
            "rules",
            // "Voters remember her promise": memory, mostly no report in the base form.
            "remember",
            "answers",
            "bark",
            "barks",
            "barking",
            "snipe",
            "grouse",
            "gush",
            "marvel",
            "marvels",
            "fumes",
            "fume",
            "vent",
            "vents",
            "needle",
            "needles",
            "elaborate",
            "pleading",
            "ruling",
            "voice",
            "voices",
            "push",
            "press",
            "sound",
            "sounds",
            // Perception verbs: "heard" and "understands" are rarely reports in news.
            "heard",
            "hears",
            "understands",
            "consider",
        ] {
            words.remove(word);
        }
        Lexicon { words }
    }

    pub fn get(&self, lower: &str) -> Option<Cue> {
        self.words.get(lower).copied()
    }
}
