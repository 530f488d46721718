//! Tests of the attribution stage.
//!
//! Every case goes through [`check`], which renders each attribution as one line,
//! `source | cue | content | form | relayed_by`: a missing source or cue is `-`, content
//! parts are joined by ` … `, and `relayed_by` is the index of the relaying attribution
//! or `-`. When the source resolves to an entity, ` => name (reason)` follows. Spans
//! written `[[P:like this]]` (P, O, L, M for person, organization, place, other) are passed as
//! mentions and the brackets removed; mentions with the same text share an entity.

use claimgraph_extract::attributions::RuleAttributions;
use claimgraph_extract::{AttributionExtractor, Input};
use claimgraph_model::{Attribution, Entity, EntityLabel, Mention, MentionSource, Span};
use proptest::prelude::*;

fn analyze(marked: &str) -> (String, Vec<Entity>, Vec<Attribution>) {
    let mut text = String::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").expect("unclosed [[");
        let (tag, name) = after[..close].split_once(':').expect("[[X:name]]");
        let label = match tag {
            "P" => EntityLabel::Person,
            "O" => EntityLabel::Organization,
            "M" => EntityLabel::Misc,
            _ => EntityLabel::Location,
        };
        let start = text.len();
        text.push_str(name);
        let entity = match entities.iter().position(|e| e.name == name) {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    label,
                    name: name.to_string(),
                    mentions: Vec::new(),
                    links: Vec::new(),
                });
                entities.len() - 1
            }
        };
        entities[entity].mentions.push(mentions.len());
        mentions.push(Mention {
            span: Span::new(start, text.len()),
            label,
            source: MentionSource::Gazetteer,
            entity,
        });
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    let attributions = run(&text, &mentions, &entities);
    (text, entities, attributions)
}

fn run(text: &str, mentions: &[Mention], entities: &[Entity]) -> Vec<Attribution> {
    let tokens = claimgraph_text::tokenize(text);
    let sentences = claimgraph_text::split_sentences(text, &tokens);
    let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
    RuleAttributions::new().find(&input, mentions, entities)
}

fn render(text: &str, entities: &[Entity], a: &Attribution) -> String {
    let show = |s: Option<Span>| s.map_or("-".to_string(), |s| s.slice(text).to_string());
    let content: Vec<&str> = a.content.iter().map(|s| s.slice(text)).collect();
    let relay = a.relayed_by.map_or("-".to_string(), |i| i.to_string());
    let mut line = format!(
        "{} | {} | {} | {} | {}",
        show(a.source),
        show(a.cue),
        content.join(" … "),
        a.form.as_str(),
        relay
    );
    if let Some(r) = &a.resolution {
        line.push_str(&format!(" => {} ({})", entities[r.entity].name, r.reason));
    }
    line
}

fn check(marked: &str, expected: &[&str]) {
    let (text, entities, attributions) = analyze(marked);
    let got: Vec<String> = attributions.iter().map(|a| render(&text, &entities, a)).collect();
    let want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want, "\ntext: {text}");
    let starts: Vec<usize> = attributions.iter().map(|a| a.content[0].start).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "not sorted by content start");
}

// ---------------------------------------------------------------- direct quotes

#[test]
fn direct_quote_then_source_and_cue() {
    check(
        "\"The sanctions will bite,\" the spokesman said.",
        &["the spokesman | said | \"The sanctions will bite,\" | direct | -"],
    );
}

#[test]
fn direct_quote_inverted_cue() {
    check(
        "“We will not back down,” said Secretary General Anja Holm.",
        &["Secretary General Anja Holm | said | “We will not back down,” | direct | -"],
    );
}

#[test]
fn direct_quote_after_colon() {
    check(
        "The minister told the assembly: “Our borders are closed.”",
        &["The minister | told | “Our borders are closed.” | direct | -"],
    );
}

#[test]
fn colon_takes_next_paragraph_quote() {
    check(
        "In a speech in Paris, she declared:\n\n\"Freedom is not negotiable. We will stand together.\"",
        &["she | declared: | \"Freedom is not negotiable. We will stand together.\" | direct | -"],
    );
}

#[test]
fn quotation_mark_styles() {
    check(
        "«Nous resterons,» a déclaré le ministre. „Wir bleiben“, sagte er. ‘We stay,’ he said.",
        &["he | said | ‘We stay,’ | direct | -"],
    );
    check(
        "''The deal is dead,'' Mr. Brown said.",
        &["Mr. Brown | said | ''The deal is dead,'' | direct | -"],
    );
    check("„Die Lage ist ernst,“ he said.", &["he | said | „Die Lage ist ernst,“ | direct | -"]);
    check(
        "«The talks have failed,» the envoy said.",
        &["the envoy | said | «The talks have failed,» | direct | -"],
    );
}

#[test]
fn split_quote_is_one_attribution() {
    check(
        "\"We are ready,\" he said, \"and we will win.\"",
        &["he | said | \"We are ready,\" … \"and we will win.\" | direct | -"],
    );
}

#[test]
fn quote_across_paragraphs() {
    check(
        "“The first point is that the camps exist,” said Alireza Jafarzadeh.\n\n\
         “The second point is that they are growing.\n\n\
         “The third point is that nobody acts.”",
        &[
            "Alireza Jafarzadeh | said | “The first point is that the camps exist,” | direct | -",
            "- | - | “The second point is that they are growing.\n\n“The third point is that nobody acts.” | direct | -",
        ],
    );
}

#[test]
fn continuation_quote_keeps_the_speaker() {
    check(
        "\"The board failed,\" [[P:Sinclair]] wrote.\n\n\"It must be replaced.\"",
        &[
            "Sinclair | wrote | \"The board failed,\" | direct | - => Sinclair (mention)",
            "- | - | \"It must be replaced.\" | direct | - => Sinclair (mention)",
        ],
    );
}

#[test]
fn continuation_quote_closing_the_paragraph_joins_the_turn() {
    check(
        "\"The roof leaks,\" said Ana Ortiz. \"We have asked for repairs since March.\"\n\nThe landlord did not reply.",
        &[
            "Ana Ortiz | said | \"The roof leaks,\" … \"We have asked for repairs since March.\" | direct | -",
        ],
    );
    // The narrator goes on in the same paragraph: the quote stands alone.
    check(
        "\"The roof leaks,\" said Ana Ortiz. \"We have asked for repairs.\" The landlord did not reply.",
        &[
            "Ana Ortiz | said | \"The roof leaks,\" | direct | -",
            "- | - | \"We have asked for repairs.\" | direct | -",
        ],
    );
}

#[test]
fn unbalanced_quote_stops_at_the_paragraph() {
    check("\"This is unacceptable, the mayor said.\n\nThe council met on Monday.", &[]);
    check(
        "The mayor said \"this is unacceptable.\n\nThe council met on Monday.",
        &["The mayor | said | \"this is unacceptable. | direct | -"],
    );
}

#[test]
fn scare_quotes_are_not_attributions() {
    check("The so-called \"moderates\" lost the vote on Tuesday.", &[]);
}

// ---------------------------------------------------------------- indirect speech

#[test]
fn said_that() {
    check(
        "The spokesman said that the talks would resume next week.",
        &["The spokesman | said | that the talks would resume next week | indirect | -"],
    );
}

#[test]
fn verb_group_and_adjuncts() {
    check(
        "Officials have said on Tuesday that the border is closed.",
        &["Officials | have said | that the border is closed | indirect | -"],
    );
    check(
        "The ministry said in a statement that five people died.",
        &["The ministry | said | that five people died | indirect | -"],
    );
}

#[test]
fn revealed_reported_warned() {
    check(
        "Alireza Jafarzadeh revealed new information about the training centers.",
        &[
            "Alireza Jafarzadeh | revealed | new information about the training centers | indirect | -",
        ],
    );
    check(
        "The agency reported that exports fell by a third.",
        &["The agency | reported | that exports fell by a third | indirect | -"],
    );
    check(
        "Analysts warned that prices could double.",
        &["Analysts | warned | that prices could double | indirect | -"],
    );
}

#[test]
fn postposed_indirect() {
    check(
        "The directorate has dozens of training camps, reported the MEK, adding that eight are near Tehran.",
        &[
            "the MEK | reported | The directorate has dozens of training camps | indirect | -",
            "the MEK | adding | that eight are near Tehran | indirect | -",
        ],
    );
    check(
        "The economy will recover next year, she said.",
        &["she | said | The economy will recover next year | indirect | -"],
    );
}

#[test]
fn inverted_with_relative_clause() {
    check(
        "The regime is isolated, writes the NCRI, who add that its allies are leaving.",
        &[
            "the NCRI | writes | The regime is isolated | indirect | -",
            "who | add | that its allies are leaving | indirect | -",
        ],
    );
}

#[test]
fn according_to() {
    check(
        "According to the United Nations, more than 2,000 people have fled.",
        &["the United Nations | According to | more than 2,000 people have fled | indirect | -"],
    );
    check(
        "More than 2,000 people have fled, according to local officials.",
        &["local officials | according to | More than 2,000 people have fled | indirect | -"],
    );
}

#[test]
fn told_reporters() {
    check(
        "The general told reporters on Monday that the offensive had begun.",
        &["The general | told | that the offensive had begun | indirect | -"],
    );
    check(
        "She told him the plan had failed.",
        &["She | told | the plan had failed | indirect | -"],
    );
}

#[test]
fn possessive_report_and_findings() {
    check(
        "The commission's report showed that the funds were misused.",
        &["The commission's report | showed | that the funds were misused | indirect | -"],
    );
    check(
        "The MEK's information showed that the camps had moved.",
        &["The MEK's information | showed | that the camps had moved | indirect | -"],
    );
}

#[test]
fn passive_with_and_without_agent() {
    check(
        "It was reported by the state news agency that the minister resigned.",
        &["the state news agency | was reported | that the minister resigned | indirect | -"],
    );
    check("The report was said to be late.", &[]);
}

#[test]
fn beliefs() {
    check(
        "Most economists believe that the recession is over.",
        &["Most economists | believe | that the recession is over | indirect | -"],
    );
    check(
        "He thinks he can win the nomination.",
        &["He | thinks | he can win the nomination | indirect | -"],
    );
    check("They believe in miracles.", &[]);
}

#[test]
fn mixed_quote() {
    check(
        "The senator said the deal was \"a historic mistake\" and would not survive.",
        &[
            "The senator | said | the deal was \"a historic mistake\" and would not survive | mixed | -",
        ],
    );
}

#[test]
fn appositive_source() {
    check(
        "Mukasey, the former attorney general, said the emails should disqualify her.",
        &[
            "Mukasey, the former attorney general, | said | the emails should disqualify her | indirect | -",
        ],
    );
}

#[test]
fn appositive_of_an_inverted_source() {
    check(
        "“The bridge will open in May,” said Nora Feld, a spokeswoman for the county.",
        &[
            "Nora Feld, a spokeswoman for the county | said | “The bridge will open in May,” | direct | -",
        ],
    );
    // The title stays with the name; an adjunct after the appositive is left out, the
    // comma before it kept.
    check(
        "“We need more buses,” said Mayor Ilse Brandt, the head of the transit board, in a letter.",
        &[
            "Mayor Ilse Brandt, the head of the transit board, | said | “We need more buses,” | direct | -",
        ],
    );
    // An age stays with what follows it, as PolNeAR keeps it.
    check(
        "“It was cold,” said Rob Tiller, 41, of Marlow.",
        &["Rob Tiller, 41, of Marlow | said | “It was cold,” | direct | -"],
    );
    // A bare role after the name, and a role with its possessor or party, belong to
    // the source too.
    check(
        "“The stores will close early,” said Dana Whitt, director of the Lakeside Merchants Guild.",
        &[
            "Dana Whitt, director of the Lakeside Merchants Guild | said | “The stores will close early,” | direct | -",
        ],
    );
    check(
        "“Nobody asked us,” said Omar Keane, then head of the harbor board.",
        &["Omar Keane, then head of the harbor board | said | “Nobody asked us,” | direct | -"],
    );
    check(
        "“We will vote no,” said Senator Ivy Marsh, Democrat of Oregon.",
        &["Senator Ivy Marsh, Democrat of Oregon | said | “We will vote no,” | direct | -"],
    );
    check(
        "“The numbers are wrong,” said Paul Brandt, the governor’s budget director.",
        &[
            "Paul Brandt, the governor’s budget director | said | “The numbers are wrong,” | direct | -",
        ],
    );
    check(
        "“The numbers are wrong,” said Paul Brandt, Lowe’s budget director.",
        &["Paul Brandt, Lowe’s budget director | said | “The numbers are wrong,” | direct | -"],
    );
    // A description before the name keeps the name.
    check(
        "“The fund is empty,” said the board’s treasurer, Ana Ruiz.",
        &["the board’s treasurer, Ana Ruiz | said | “The fund is empty,” | direct | -"],
    );
    // A cue inside a relative clause of the appositive describes the person.
    check(
        "“The race is close,” said Nell Ward, a pollster who advised two governors.",
        &[
            "Nell Ward, a pollster who advised two governors | said | “The race is close,” | direct | -",
        ],
    );
    // A participle or a relative clause set off by a comma after the name stays out.
    check(
        "“The race is close,” said Nell Ward, adding that turnout would decide it.",
        &[
            "Nell Ward | said | “The race is close,” | direct | -",
            "Nell Ward | adding | that turnout would decide it | indirect | -",
        ],
    );
    check(
        "“The race is close,” said Nell Ward, who advised two governors.",
        &["Nell Ward | said | “The race is close,” | direct | -"],
    );
}

#[test]
fn introductory_phrase_is_not_content() {
    check(
        "In his letter to the board, the minister said the school would not be rebuilt.",
        &["the minister | said | the school would not be rebuilt | indirect | -"],
    );
}

// ---------------------------------------------------------------- chains

#[test]
fn chain_of_two_hops() {
    check(
        "The Washington Times reported this MEK intelligence on December 20, saying that it characterized the IRGC as an occupying force.",
        &[
            "The Washington Times | reported | this MEK intelligence on December 20 | indirect | -",
            "The Washington Times | saying | that it characterized the IRGC as an occupying force | indirect | -",
            "it | characterized | the IRGC as an occupying force | indirect | 1",
        ],
    );
    check(
        "The lawyer said that the witness told him the money was gone.",
        &[
            "The lawyer | said | that the witness told him the money was gone | indirect | -",
            "the witness | told | the money was gone | indirect | 0",
        ],
    );
}

#[test]
fn chain_of_three_hops() {
    check(
        "The newspaper reported that officials said the general had claimed that the base was empty.",
        &[
            "The newspaper | reported | that officials said the general had claimed that the base was empty | indirect | -",
            "officials | said | the general had claimed that the base was empty | indirect | 0",
            "the general | had claimed | that the base was empty | indirect | 1",
        ],
    );
}

// ---------------------------------------------------------------- resolution

#[test]
fn pronoun_resolves_to_nearest_person() {
    check(
        "[[P:Maryam Rajavi]] spoke in Paris. She said the regime would fall.",
        &["She | said | the regime would fall | indirect | - => Maryam Rajavi (pronoun)"],
    );
}

#[test]
fn description_resolves_to_organization() {
    check(
        "[[O:Amnesty International]] published its findings. The group said 300 people were executed.",
        &[
            "The group | said | 300 people were executed | indirect | - => Amnesty International (description)",
        ],
    );
}

#[test]
fn role_resolves_to_the_person_with_that_role() {
    check(
        "Foreign ministry spokesman [[P:Bahram Ghasemi]] spoke on Monday. [[P:Ali Larijani]] was absent. The spokesman said talks were over.",
        &["The spokesman | said | talks were over | indirect | - => Bahram Ghasemi (role)"],
    );
}

#[test]
fn descriptions_resolve_only_to_names_of_their_kind() {
    // A newspaper is neither "the ministry" nor "the opposition group"; "the daily" is.
    check(
        "[[O:The Harbor Times]] ran the story on Friday. The ministry said no one had fled.",
        &["The ministry | said | no one had fled | indirect | -"],
    );
    check(
        "[[O:The Harbor Times]] ran the story. According to the opposition group, the camps had closed.",
        &["the opposition group | According to | the camps had closed | indirect | -"],
    );
    check(
        "[[O:The Harbor Times]] covered the case against [[O:Tidewater Shipping]]. The paper's editorial board said the suit was baseless.",
        &[
            "The paper's editorial board | said | the suit was baseless | indirect | - => The Harbor Times (description)",
        ],
    );
    // An organization named without the noun is still the nearest one of its kind.
    check(
        "[[O:The Harbor Times]] covered the arrest by [[O:Interpol]]. The agency said the warrant stood.",
        &["The agency | said | the warrant stood | indirect | - => Interpol (description)"],
    );
}

#[test]
fn possessed_descriptions_and_other_titles_stay_as_written() {
    // "his campaign" belongs to someone: it is not the nearest organization.
    check(
        "[[P:Ann Lowe]] spoke to [[O:Channel Nine]] on Monday. His campaign said the poll was wrong.",
        &["His campaign | said | the poll was wrong | indirect | -"],
    );
    // "a commander" is someone new, not the nearest person, even one whose own words
    // bring the role up.
    check(
        "[[P:Ali Safavi]] spoke in Paris. A commander said the camps were moved.",
        &["A commander | said | the camps were moved | indirect | -"],
    );
    check(
        "[[P:Ali Safavi]] said that a commander told him the camps were moved.",
        &[
            "Ali Safavi | said | that a commander told him the camps were moved | indirect | - => Ali Safavi (mention)",
            "a commander | told | the camps were moved | indirect | 0",
        ],
    );
    // "the spokesman" is not the person introduced as a general.
    check(
        "General [[P:Omar Haddad]] led the raid. The spokesman said the raid had failed.",
        &["The spokesman | said | the raid had failed | indirect | -"],
    );
    // A description is not a title: "billionaire" does not rule a fund manager out.
    check(
        "The billionaire [[P:Ross Kemp]] bought the bonds. The fund manager said the price was fair.",
        &["The fund manager | said | the price was fair | indirect | - => Ross Kemp (role)"],
    );
}

#[test]
fn relative_pronouns_resolve_to_the_name_right_before_them() {
    check(
        "[[P:Ann Lowe]], who runs the clinic, said the wait was long.",
        &["Ann Lowe | said | the wait was long | indirect | - => Ann Lowe (mention)"],
    );
    // Through a description beside the name, and a place after "of".
    check(
        "The meeting ended with [[P:Omar Haddad]], the county treasurer, who warned that costs would rise.",
        &["who | warned | that costs would rise | indirect | - => Omar Haddad (pronoun)"],
    );
    check(
        "Next came Senator [[P:Ruth Dale]] of [[L:Vermont]], who said it went too far.",
        &["who | said | it went too far | indirect | - => Ruth Dale (pronoun)"],
    );
    // Not the nearest name further back: "voters who" are not the candidate.
    check(
        "[[P:Ann Lowe]] won among voters who said the economy mattered most.",
        &["who | said | the economy mattered most | indirect | -"],
    );
    // A verb ends the description: "Cruz said any candidate who" is no appositive.
    check(
        "In an interview on [[O:Channel Nine]], [[P:Ray Cole]] said any candidate who wants to win must debate.",
        &[
            "Ray Cole | said | any candidate who wants to win must debate | indirect | - => Ray Cole (mention)",
            "who | wants | to win must debate | indirect | 0",
        ],
    );
}

#[test]
fn names_in_an_appositive_or_a_modifier_are_not_the_source() {
    // The source is the person before the comma, not the employer after it.
    check(
        "[[P:Ann Lowe]], a spokeswoman for [[O:Tidewater Shipping]], said the ship had sailed.",
        &[
            "Ann Lowe, a spokeswoman for Tidewater Shipping, | said | the ship had sailed | indirect | - => Ann Lowe (mention)",
        ],
    );
    // Unless the name is the appositive.
    check(
        "A longtime ally, [[P:Ray Cole]], said the vote was close.",
        &[
            "A longtime ally, Ray Cole, | said | the vote was close | indirect | - => Ray Cole (mention)",
        ],
    );
    // A nationality before the source's own noun describes it.
    check(
        "[[O:National Council of Resistance]] met in Paris. The [[M:Iranian]] resistance said the sanctions were welcome.",
        &[
            "The Iranian resistance | said | the sanctions were welcome | indirect | - => National Council of Resistance (description)",
        ],
    );
    check(
        "[[M:French]] officials said the border would stay open.",
        &["French officials | said | the border would stay open | indirect | -"],
    );
    // Nor is the place where the source is, and a description qualified by one names a
    // body that the nearest organization is not.
    check(
        "Local [[M:Kurdish]] officials in [[L:Erbil]] said two villages were hit.",
        &["Local Kurdish officials in Erbil | said | two villages were hit | indirect | -"],
    );
    check(
        "[[O:Interpol]] issued a notice. The [[M:Turkish]] government said the suspect had fled.",
        &["The Turkish government | said | the suspect had fled | indirect | -"],
    );
}

#[test]
fn mention_resolves_directly() {
    check(
        "[[O:The MEK]] said the camps were near [[L:Tehran]].",
        &["The MEK | said | the camps were near Tehran | indirect | - => The MEK (mention)"],
    );
}

// ---------------------------------------------------------------- negatives

#[test]
fn negatives() {
    check("He said nothing.", &[]);
    check("The United States imposed new sanctions.", &[]);
    check("The report was late and the statement was short.", &[]);
    check("She writes about food policy on her blog.", &[]);
}

// ---------------------------------------------------------------- robustness

#[test]
fn many_unbalanced_marks_and_long_quotes() {
    let mut text = String::new();
    for _ in 0..5000 {
        text.push_str("\" he said \u{201c} a “ b ' c ‘ ");
    }
    let _ = run(&text, &[], &[]);
    let long = format!("\"{}\" he said.", "word ".repeat(200_000));
    let got = run(&long, &[], &[]);
    assert_eq!(got.len(), 1);
    let one_quote = format!("“{}", "They said that it was fine, he said. ".repeat(20_000));
    let _ = run(&one_quote, &[], &[]);
}

proptest! {
    #[test]
    fn never_panics(text in "[a-zA-Z ,.:;\"'“”‘’«»„\n]{0,300}") {
        let attributions = run(&text, &[], &[]);
        for a in &attributions {
            prop_assert!(!a.content.is_empty());
            for part in &a.content {
                prop_assert!(text.get(part.start..part.end).is_some());
            }
            if let Some(r) = a.relayed_by {
                prop_assert!(r < attributions.len());
            }
        }
    }
}

// ---------------------------------------------------------------- intentions, stances, appearances

#[test]
fn intention_takes_infinitive_or_noun_phrase() {
    check(
        "The mayor wants to expand the bus network.",
        &["The mayor | wants | to expand the bus network | indirect | -"],
    );
    check(
        "Farmers oppose the new water levy.",
        &["Farmers | oppose | the new water levy | indirect | -"],
    );
    check("She plans to run again.", &["She | plans | to run again | indirect | -"]);
}

#[test]
fn ambiguous_intent_verbs_need_an_infinitive() {
    // "plans" is a noun here, and "pointed" needs its particle.
    check("The plans were approved in May.", &[]);
    check("He pointed the camera at the stage.", &[]);
    check(
        "The analyst pointed out that rates had doubled.",
        &["The analyst | pointed out | that rates had doubled | indirect | -"],
    );
}

#[test]
fn appearance_and_expectation_have_no_source() {
    check(
        "The council seemed to welcome the proposal.",
        &["- | seemed | The council seemed to welcome the proposal | indirect | -"],
    );
    check(
        "The bill is expected to pass next week.",
        &["- | is expected | The bill is expected to pass next week | indirect | -"],
    );
    // Not before an infinitive or a clause: no attribution.
    check("The singer appeared on stage at nine.", &[]);
}

#[test]
fn hope_takes_an_infinitive() {
    check(
        "The union hopes to double its membership.",
        &["The union | hopes | to double its membership | indirect | -"],
    );
}

#[test]
fn time_adjunct_between_subject_and_cue() {
    check(
        "The governor on Monday said that taxes would fall.",
        &["The governor | said | that taxes would fall | indirect | -"],
    );
}

#[test]
fn conjoined_cue_shares_the_clause_subject() {
    check(
        "Lopez left the meeting early but said talks would continue.",
        &["Lopez | said | talks would continue | indirect | -"],
    );
}

#[test]
fn party_parenthesis_stays_with_the_name() {
    check(
        "Sen. Maria Lopez (D-Ore.) said the vote was unfair.",
        &["Sen. Maria Lopez (D-Ore.) | said | the vote was unfair | indirect | -"],
    );
}

#[test]
fn section_labels_are_not_speakers() {
    check("READ MORE: Storm closes schools across the region", &[]);
    check("The Latest: Storm closes schools across the region", &[]);
}

#[test]
fn negated_cue_is_no_attribution() {
    // GGT's convention: "didn't want", "does not mention" report no statement.
    check("The coach didn't want to comment on the trade.", &[]);
    check("The report does not mention that the plant had closed.", &[]);
}

#[test]
fn the_newspaper_resolves_to_a_news_medium_before_a_nearer_ministry() {
    let (text, entities, attributions) = analyze(
        "[[O:The Gulf Times]] reported the raid on Monday. A spokesman for the \
         [[O:Ministry of Interior]] denied it. Later the newspaper said that two officers had \
         been arrested.",
    );
    let last = attributions.last().map(|a| render(&text, &entities, a)).unwrap_or_default();
    assert!(
        last.starts_with("the newspaper | said")
            && last.ends_with("=> The Gulf Times (description)"),
        "{last}"
    );
}

// ---------------------------------------------------------------- third round

#[test]
fn preposed_cue_with_comma_opens_its_quote() {
    check(
        "After the vote, Ms. Lane said, \"We have work to do.\"",
        &["Ms. Lane | said | \"We have work to do.\" | direct | -"],
    );
}

#[test]
fn here_between_subject_and_verb() {
    check(
        "The organizers here said the march would go ahead.",
        &["The organizers | said | the march would go ahead | indirect | -"],
    );
}

#[test]
fn appositives_before_the_cue() {
    check(
        "Appeals Judge Maria Okafor, in her ruling, said the law was unclear.",
        &["Maria Okafor | said | the law was unclear | indirect | -"],
    );
    check(
        "Sen. Tom Reyes (D-Colo.), a member of the panel, said the bill would pass.",
        &[
            "Sen. Tom Reyes (D-Colo.), a member of the panel, | said | the bill would pass | indirect | -",
        ],
    );
    check(
        "Dana Ruiz, 41, of Tacoma, Wash., says she will vote early.",
        &["Dana Ruiz, 41, of Tacoma, Wash., | says | she will vote early | indirect | -"],
    );
    check(
        "Ken Ito, the No. 3 official at the agency, said the audit was complete.",
        &[
            "Ken Ito, the No. 3 official at the agency, | said | the audit was complete | indirect | -",
        ],
    );
    check(
        "The governor -- who faces a recall vote next month -- said she would not resign.",
        &["The governor | said | she would not resign | indirect | -"],
    );
}

#[test]
fn polls_and_counts_frame_a_clause() {
    check(
        "In the latest Gallup survey, 52 percent of adults favor the plan.",
        &["the latest Gallup survey | In | 52 percent of adults favor the plan | indirect | -"],
    );
    check(
        "By one estimate, the repairs will cost $4 billion.",
        &["one estimate | By | the repairs will cost $4 billion | indirect | -"],
    );
    check(
        "The repairs will cost $4 billion, by one estimate.",
        &["one estimate | by | The repairs will cost $4 billion | indirect | -"],
    );
    check(
        "The company lost money in each of the last three years, filings show.",
        &["filings | show | The company lost money in each of the last three years | indirect | -"],
    );
    check(
        "Polls show the race tightening in the final week.",
        &["Polls | show | the race tightening in the final week | indirect | -"],
    );
    check("The show ended early.", &[]);
}

#[test]
fn questions_asked() {
    check(
        "Asked whether he would run again, the mayor smiled.",
        &["- | Asked | whether he would run again | indirect | -"],
    );
    check(
        "When asked about the budget, she changed the subject.",
        &["- | asked about | the budget | indirect | -"],
    );
    check(
        "The senator was asked if the deal would hold.",
        &["- | was asked | if the deal would hold | indirect | -"],
    );
    check(
        "\"Why now?\" the reporter asked the coach.",
        &["the reporter | asked | \"Why now?\" | direct | -"],
    );
}

#[test]
fn told_me_and_pronominal_subjects() {
    check(
        "\"We like the odds,\" she told me.",
        &["she | told | \"We like the odds,\" | direct | -"],
    );
    check(
        "Another said the line had been cut.",
        &["Another | said | the line had been cut | indirect | -"],
    );
    check(
        "Roughly 42% say they trust the courts.",
        &["Roughly 42% | say | they trust the courts | indirect | -"],
    );
}

#[test]
fn verb_groups_of_several_words() {
    check(
        "Even after the ruling, the company continued to say it had done nothing wrong.",
        &["the company | continued to say | it had done nothing wrong | indirect | -"],
    );
    check(
        "The chairman has made clear that no vote will happen this year.",
        &["The chairman | has made clear | that no vote will happen this year | indirect | -"],
    );
    check(
        "Local officials are saying the bridge is safe.",
        &["Local officials | are saying | the bridge is safe | indirect | -"],
    );
    check(
        "He ended the speech by saying that the fight was not over.",
        &["He | saying | that the fight was not over | indirect | -"],
    );
    check(
        "The mayor said the budget was tight but added that no jobs would be cut.",
        &[
            "The mayor | said | the budget was tight | indirect | -",
            "The mayor | added | that no jobs would be cut | indirect | -",
        ],
    );
}

#[test]
fn votes_and_topics() {
    check(
        "Most delegates voted for the amendment.",
        &["Most delegates | voted for | the amendment | indirect | -"],
    );
    check(
        "The candidate talked about rising rents.",
        &["The candidate | talked about | rising rents | indirect | -"],
    );
    check("The band will vote soon.", &[]);
}

#[test]
fn headlines_and_colons() {
    check(
        "Okafor: The Court Must Hear This Case\n\nThe judge spoke on Monday.",
        &["Okafor | : | The Court Must Hear This Case | indirect | -"],
    );
    check("MARKETS: Stocks fell sharply on Tuesday in Tokyo.", &[]);
    check(
        "Storm Will Hit Coast By Friday, Forecasters Say.\n\nThe storm is large.",
        &["Forecasters | Say | Storm Will Hit Coast By Friday | indirect | -"],
    );
    check(
        "The plan did not impress economist Rita Blum: \"It adds nothing new.\"",
        &["Rita Blum | : | \"It adds nothing new.\" | direct | -"],
    );
}

#[test]
fn an_inverted_cue_needs_the_end_of_its_clause() {
    // 'called the plan "reckless"' and "said he already knew" are preposed.
    check(
        "Ana Ruiz, a former judge, called the plan “reckless.”",
        &["Ana Ruiz, a former judge, | called | the plan “reckless.” | mixed | -"],
    );
    check(
        "Dana Cole, a nurse from Ohio who cares for him, said he already knew about the risk.",
        &[
            "Dana Cole, a nurse from Ohio who cares for him, | said | he already knew about the risk | indirect | -",
        ],
    );
    check("The report was late, said he.", &["he | said | The report was late | indirect | -"]);
}

#[test]
fn reportedly_reports_the_whole_clause() {
    check(
        "The company has reportedly hired a new auditor.",
        &["- | reportedly | The company has reportedly hired a new auditor | indirect | -"],
    );
}

#[test]
fn seeming_takes_a_predicate_and_a_time_adjunct() {
    check(
        "The team seemed equally unperturbed.",
        &["- | seemed | The team seemed equally unperturbed | indirect | -"],
    );
    check(
        "The campaign appeared paralyzed by the news.",
        &["- | appeared | The campaign appeared paralyzed by the news | indirect | -"],
    );
    check(
        "The mayor on Tuesday seemed to concede the point.",
        &["- | seemed | The mayor on Tuesday seemed to concede the point | indirect | -"],
    );
    check("The senator appeared on television on Sunday.", &[]);
}

// ---------------------------------------------------------------- fourth round (issue 3)

#[test]
fn description_then_name_before_the_cue() {
    check(
        "A company spokeswoman, Lena Park, said the plant would reopen.",
        &["A company spokeswoman, Lena Park, | said | the plant would reopen | indirect | -"],
    );
    check(
        "Meanwhile, the group's lawyer, Omar Diaz, said the appeal was filed.",
        &["the group's lawyer, Omar Diaz, | said | the appeal was filed | indirect | -"],
    );
    // A description that does not open its clause is an adjunct, not the source.
    check(
        "In the interview with reporters, Diaz said the appeal was filed.",
        &["Diaz | said | the appeal was filed | indirect | -"],
    );
}

#[test]
fn appositive_of_the_subject_is_not_an_inverted_cue() {
    check(
        "Ann Lowe, the chairman of the county party, said Reyes continued to lose ground.",
        &[
            "Ann Lowe, the chairman of the county party, | said | Reyes continued to lose ground | indirect | -",
        ],
    );
    // The inverted cue still stands after a clause.
    check("The vote was close, said Reyes.", &["Reyes | said | The vote was close | indirect | -"]);
    // A name with a relative clause in its appositive, then a cue and a clause: no
    // inverted source is read into the clause ("said Reyes continued").
    check(
        "Ann Lowe, director of the museum, which opened in May, said Reyes continued to overspend.",
        &["director of the museum | said | Reyes continued to overspend | indirect | -"],
    );
    check(
        "Lowe, the mayor, has no plan, said Reyes on Tuesday.",
        &["Reyes | said | Lowe, the mayor, has no plan | indirect | -"],
    );
}

#[test]
fn quantifier_of_a_pronoun_is_a_source() {
    check(
        "Most of them said they would stay.",
        &["Most of them | said | they would stay | indirect | -"],
    );
    check("Several of us said nothing.", &[]);
}

#[test]
fn manner_adverbs_join_the_cue() {
    check(
        "Reyes openly admitted that the pick was political.",
        &["Reyes | openly admitted | that the pick was political | indirect | -"],
    );
    check(
        "The senator has repeatedly said the bill is dead.",
        &["The senator | has repeatedly said | the bill is dead | indirect | -"],
    );
    check(
        "Reyes later told reporters that the pick was political.",
        &["Reyes | later told | that the pick was political | indirect | -"],
    );
    // Connectives stand between the subject and the verb but stay out of the cue.
    check(
        "Carter however said he would welcome the talks.",
        &["Carter | said | he would welcome the talks | indirect | -"],
    );
    // "-ly" nouns and adjectives are no adverbs: "The weekly" stays the source.
    check(
        "The weekly reported that sales fell.",
        &["The weekly | reported | that sales fell | indirect | -"],
    );
}

#[test]
fn more_speech_and_attitude_verbs() {
    check(
        "The mayor lamented that the budget was too small.",
        &["The mayor | lamented | that the budget was too small | indirect | -"],
    );
    check(
        "Reyes touted her record on jobs.",
        &["Reyes | touted | her record on jobs | indirect | -"],
    );
    check(
        "The senator derided the proposal as a gimmick.",
        &["The senator | derided | the proposal as a gimmick | indirect | -"],
    );
    check(
        "Ortiz was referring to the new tariffs.",
        &["Ortiz | was referring to | the new tariffs | indirect | -"],
    );
    check(
        "Ortiz referred to the governor as a friend.",
        &["Ortiz | referred to | the governor as a friend | indirect | -"],
    );
}

#[test]
fn nouns_and_other_senses_of_new_verbs_are_no_cues() {
    check("The offer expired and the signal was weak.", &[]);
    check("The rail line reopened for some reason.", &[]);
    check("He offered a job to the candidate.", &[]);
}

#[test]
fn transcript_speakers_in_capitals() {
    check(
        "The debate turned to Pence and his record.\n\nPENCE: Well, look, we will cut taxes for everyone.",
        &["PENCE | : | Well, look, we will cut taxes for everyone | indirect | -"],
    );
    // A label in capitals that is no name written elsewhere is no speaker.
    check("ENERGY: U.S. crude oil fell 41 cents to $52.21 per barrel.", &[]);
    check("Q: Have you talked to her about the court?", &[]);
}

#[test]
fn released_poll_frames_its_clause() {
    check(
        "In a Gallup poll released Monday, 50 percent of respondents chose Reyes.",
        &[
            "a Gallup poll released Monday | In | 50 percent of respondents chose Reyes | indirect | -",
        ],
    );
}

#[test]
fn abbreviated_titles_stay_like_honorifics() {
    check(
        "Sen. Tom Reyes said the bill would pass.",
        &["Sen. Tom Reyes | said | the bill would pass | indirect | -"],
    );
    check(
        "Wisconsin Gov. Ann Lowe said the bill would pass.",
        &["Wisconsin Gov. Ann Lowe | said | the bill would pass | indirect | -"],
    );
    // Titles written out are still cut, as GGT annotates.
    check(
        "Health Minister Ann Lowe said the bill would pass.",
        &["Ann Lowe | said | the bill would pass | indirect | -"],
    );
    // A one-word title that opens the phrase is a form of address, like "Sen.".
    check(
        "President Ann Lowe said the bill would pass.",
        &["President Ann Lowe | said | the bill would pass | indirect | -"],
    );
    check(
        "Professor Tom Reyes said the data were incomplete.",
        &["Professor Tom Reyes | said | the data were incomplete | indirect | -"],
    );
    check(
        "Former President Ann Lowe said the bill would pass.",
        &["Former President Ann Lowe | said | the bill would pass | indirect | -"],
    );
}

#[test]
fn shares_of_a_poll_are_sources() {
    check(
        "One in five say they would not vote.",
        &["One in five | say | they would not vote | indirect | -"],
    );
    check(
        "Reyes leads the poll, with 22 percent saying they would back him.",
        &["22 percent | saying | they would back him | indirect | -"],
    );
    // A participle after an ordinary noun has no source.
    check("The crowd kept singing and saying goodbye to the band.", &[]);
}

#[test]
fn prepositional_adjuncts_are_no_content() {
    check("The spokesman responded on Twitter.", &[]);
    check(
        "Reyes wrote in her 1990 memoir that she had been named the best student.",
        &["Reyes | wrote | that she had been named the best student | indirect | -"],
    );
    // Infinitives stay content.
    check("Reyes plans to run again.", &["Reyes | plans | to run again | indirect | -"]);
}

#[test]
fn a_name_given_is_no_calling() {
    check("She now runs a program called Safe Streets.", &[]);
    check("The firm withdrew research app called Screen Meter.", &[]);
    check(
        "The president called Reyes “a disgrace.”",
        &["The president | called | Reyes “a disgrace.” | mixed | -"],
    );
    check(
        "Reyes called the plan “a disgrace.”",
        &["Reyes | called | the plan “a disgrace.” | mixed | -"],
    );
}

#[test]
fn seeing_as_is_a_judgement() {
    check(
        "Most voters see Reyes as the stronger candidate.",
        &["Most voters | see | Reyes as the stronger candidate | indirect | -"],
    );
    check("We will see you at the rally.", &[]);
    check("The view from the hill was clear as glass.", &[]);
}

#[test]
fn adjuncts_before_a_quote_are_no_content() {
    check(
        "The senator told CNN on Sunday, “I stand by everything I said.”",
        &["The senator | told | “I stand by everything I said.” | direct | -"],
    );
}

#[test]
fn initials_stay_in_names() {
    check(
        "“We will appeal,” said Lena K. Marsh, a lawyer for the family.",
        &["Lena K. Marsh, a lawyer for the family | said | “We will appeal,” | direct | -"],
    );
    check(
        "Tomas R. Ibarra, a spokesman for the port, said the ships would wait.",
        &[
            "Tomas R. Ibarra, a spokesman for the port, | said | the ships would wait | indirect | -",
        ],
    );
}

#[test]
fn a_place_after_of_is_no_name() {
    check(
        "Health Minister Ann Lowe of Vermont said the bill would pass.",
        &["Ann Lowe | said | the bill would pass | indirect | -"],
    );
    check(
        "Former Secretary of State Ann Lowe said the bill would pass.",
        &["Ann Lowe | said | the bill would pass | indirect | -"],
    );
    // Not a title: the whole name stays.
    check(
        "The University of Vermont said the bill would pass.",
        &["The University of Vermont | said | the bill would pass | indirect | -"],
    );
    check(
        "A spokesman for Mayor Ann Lowe said the bill would pass.",
        &["A spokesman for Mayor Ann Lowe | said | the bill would pass | indirect | -"],
    );
}

#[test]
fn conjoined_and_quantified_subjects() {
    check(
        "Reyes and Lowe said the bill would pass.",
        &["Reyes and Lowe | said | the bill would pass | indirect | -"],
    );
    check(
        "She and her aides said the bill would pass.",
        &["She and her aides | said | the bill would pass | indirect | -"],
    );
    check(
        "All the senators said the bill would pass.",
        &["All the senators | said | the bill would pass | indirect | -"],
    );
    check(
        "Nearly half said the bill would pass.",
        &["Nearly half | said | the bill would pass | indirect | -"],
    );
    check(
        "More than half of the voters said the bill would pass.",
        &["More than half of the voters | said | the bill would pass | indirect | -"],
    );
    // The first conjunct must open the clause: an object before "and" stays out.
    check(
        "The mayor met Reyes and Lowe said the bill would pass.",
        &["Lowe | said | the bill would pass | indirect | -"],
    );
}

#[test]
fn participles_take_the_subject_without_its_verb() {
    check(
        "Reyes went after Lowe on Tuesday, calling her plan a disgrace.",
        &["Reyes | calling | her plan a disgrace | indirect | -"],
    );
    check(
        "Lawyers for Reyes appeared in court, saying the files were private.",
        &["Lawyers for Reyes | saying | the files were private | indirect | -"],
    );
    // A participle before the head noun stays in the subject.
    check(
        "The newly elected mayor spoke briefly, saying the files were private.",
        &["The newly elected mayor | saying | the files were private | indirect | -"],
    );
}

#[test]
fn participle_adjuncts_are_not_appositives() {
    check(
        "Appeals Judge Ann Lowe, writing for the majority, said the law was void.",
        &["Ann Lowe | said | the law was void | indirect | -"],
    );
    check(
        "Ann Lowe, a judge in Ohio, said the law was void.",
        &["Ann Lowe, a judge in Ohio, | said | the law was void | indirect | -"],
    );
}

#[test]
fn opening_adjuncts_before_a_participles_subject() {
    check(
        "On Tuesday, Reyes went further, endorsing eight candidates.",
        &["Reyes | endorsing | eight candidates | indirect | -"],
    );
}

#[test]
fn capitalized_words_in_ly_are_names() {
    check(
        "Kelly Jolly said the bill would pass.",
        &["Kelly Jolly | said | the bill would pass | indirect | -"],
    );
    check("Finally, the bill passed.", &[]);
}

#[test]
fn amounts_and_states_are_no_statements() {
    check("The index added 0.4 per cent to 7,108.", &[]);
    check("Shares in the bank declined 3 percent on Monday.", &[]);
    check("After a neighbour called 911, the man was arrested.", &[]);
    check("The driver was found dead in his car.", &[]);
    check("Eleven cats found in a freezer were taken away.", &[]);
    // A statement after the same verbs still counts.
    check(
        "Reyes added that 40 people had been hurt.",
        &["Reyes | added | that 40 people had been hurt | indirect | -"],
    );
    check(
        "The study found that 40 people had been hurt.",
        &["The study | found | that 40 people had been hurt | indirect | -"],
    );
}

#[test]
fn link_lines_are_no_statements() {
    check("The council met on Monday.\n\nREAD MORE: Reyes says the bill will pass\n\nIt did.", &[]);
    check("The council met on Monday.\n\nWATCH: Lowe says the vote was rigged\n\nIt was not.", &[]);
    // A speaker label is no link.
    check(
        "The council met on Monday.\n\nREYES: The bill will pass, and I will vote for it.\n\nReyes sat down.",
        &["REYES | : | The bill will pass, and I will vote for it | indirect | -"],
    );
}

#[test]
fn post_modifiers_of_sources() {
    check(
        "Sources familiar with the talks said the deal was close.",
        &["Sources familiar with the talks | said | the deal was close | indirect | -"],
    );
    check(
        "Some in the party said the deal was close.",
        &["Some in the party | said | the deal was close | indirect | -"],
    );
    check(
        "One veteran of the county road projects said the deal was close.",
        &["One veteran of the county road projects | said | the deal was close | indirect | -"],
    );
    check(
        "The sergeant-at-arms said the deal was close.",
        &["The sergeant-at-arms | said | the deal was close | indirect | -"],
    );
    // "with" after another adjective is no link.
    check(
        "Angry with the council, residents said the deal was close.",
        &["residents | said | the deal was close | indirect | -"],
    );
}

#[test]
fn stances_inside_reported_content_are_part_of_it() {
    check(
        "Lowe said she wanted a change in the council.",
        &["Lowe | said | she wanted a change in the council | indirect | -"],
    );
    check(
        "Lowe said they believed the fund was empty.",
        &["Lowe | said | they believed the fund was empty | indirect | -"],
    );
    // A named holder is a source of its own, relayed by the speaker: the chain keeps who
    // found or believes it.
    check(
        "Lowe said the study found that rents had doubled.",
        &[
            "Lowe | said | the study found that rents had doubled | indirect | -",
            "the study | found | that rents had doubled | indirect | 0",
        ],
    );
    check(
        "The paper said that the engineer believed that 200 workers had left.",
        &[
            "The paper | said | that the engineer believed that 200 workers had left | indirect | -",
            "the engineer | believed | that 200 workers had left | indirect | 0",
        ],
    );
    // Outside reported content they stand.
    check(
        "Lowe wants a change in the council.",
        &["Lowe | wants | a change in the council | indirect | -"],
    );
    // Speech inside reported content is a relay.
    check(
        "Lowe said Reyes told her the vote was rigged.",
        &[
            "Lowe | said | Reyes told her the vote was rigged | indirect | -",
            "Reyes | told | the vote was rigged | indirect | 0",
        ],
    );
}

#[test]
fn long_appositives_of_a_clause_opening_name() {
    check(
        "Will Lowe, a nurse based in Dayton, Ohio, and a steward at the union, said the cold breaks parts.",
        &[
            "Will Lowe, a nurse based in Dayton, Ohio, and a steward at the union, | said | the cold breaks parts | indirect | -",
        ],
    );
    check(
        "Reyes's aunt, Ann Lowe-Baker, said the family was waiting.",
        &["Reyes's aunt, Ann Lowe-Baker, | said | the family was waiting | indirect | -"],
    );
    check(
        "Lowe, who has two children in the school, says about 550 students attend it.",
        &["Lowe | says | about 550 students attend it | indirect | -"],
    );
    // A clause that goes on after the relative clause is no appositive.
    check(
        "The plan, which was drafted in May, will fail, said Reyes.",
        &["Reyes | said | The plan, which was drafted in May, will fail | indirect | -"],
    );
    check(
        "The plan, a draft from May, will fail, said Reyes.",
        &["Reyes | said | The plan, a draft from May, will fail | indirect | -"],
    );
}

#[test]
fn inverted_cues_after_a_closing_quote() {
    check(
        "“I write comics myself,” notes Reyes, who moved here in 2004.",
        &["Reyes | notes | “I write comics myself,” | direct | -"],
    );
    check(
        "“That is one genre only,” points out the shop owner.",
        &["the shop owner | points out | “That is one genre only,” | direct | -"],
    );
    check(
        "“I never put it together,” he remarks.",
        &["he | remarks | “I never put it together,” | direct | -"],
    );
    check("The remarks were made on Monday.", &[]);
}

#[test]
fn examples_of_a_group_and_clauses_after_the_cue() {
    check(
        "Several mayors, including Reyes, said the plan should wait.",
        &["Several mayors, including Reyes, | said | the plan should wait | indirect | -"],
    );
    check(
        "\"Absolutely,\" she said when asked if that was still her view.",
        &[
            "she | said | \"Absolutely,\" | direct | -",
            "- | asked | if that was still her view | indirect | -",
        ],
    );
}

#[test]
fn that_said_is_a_connective() {
    check(
        "That said, voters say the plan will fail.",
        &["voters | say | the plan will fail | indirect | -"],
    );
    check(
        "The plan was bold. That being said, officials said it would fail.",
        &["officials | said | it would fail | indirect | -"],
    );
}

#[test]
fn states_after_a_name_is_mostly_a_noun() {
    check("The campaign bought time in four Super Tuesday states before the vote.", &[]);
    check(
        "\"The board failed,\" Reyes states.",
        &["Reyes | states | \"The board failed,\" | direct | -"],
    );
    check(
        "The Constitution states that the president must be 35.",
        &["The Constitution | states | that the president must be 35 | indirect | -"],
    );
}

#[test]
fn photo_captions_are_no_statements() {
    check(
        "Lowe said she looked for the co-worker. (Ann Reyes/CBC)\n\nOfficials said the crisis grew.",
        &["Officials | said | the crisis grew | indirect | -"],
    );
    // A parenthesis with a slash inside the sentence is no credit.
    check(
        "Lowe said she looked for the co-worker (and his boss/supervisor) to share the blame.",
        &[
            "Lowe | said | she looked for the co-worker (and his boss/supervisor) to share the blame | indirect | -",
        ],
    );
    // A credit on a line of its own credits the story, not the paragraph before it.
    check(
        "\"We will win,\" Reyes said.\n\n(h/t The Hill.)",
        &["Reyes | said | \"We will win,\" | direct | -"],
    );
}

#[test]
fn written_texts_read_and_as_x_put_it() {
    check(
        "“Come to Louisiana,” the editorial read.",
        &["the editorial | read | “Come to Louisiana,” | direct | -"],
    );
    check(
        "“There are invertebrates with more spine,” reads an editorial in the Register.",
        &["an editorial | reads | “There are invertebrates with more spine,” | direct | -"],
    );
    check("I read the book last year.", &[]);
    check("She is reading the report now.", &[]);
    check(
        "As Lowe put it: \"This person will not be confirmed.\"",
        &["Lowe | put it | \"This person will not be confirmed.\" | direct | -"],
    );
    check(
        "As the chief executive put it in his memo, “Imagine a world of giants.”",
        &["the chief executive | put it | “Imagine a world of giants.” | direct | -"],
    );
    check("Put it on the table.", &[]);
}

#[test]
fn the_issuer_of_a_statement_speaks() {
    check(
        "Her campaign issued a statement saying the claims were false.",
        &["Her campaign | issued a statement saying | the claims were false | indirect | -"],
    );
    check(
        "The senator has put out a statement saying the claims were false.",
        &["The senator | has put out a statement saying | the claims were false | indirect | -"],
    );
    // Without an issuing verb the statement itself is the source.
    check(
        "Reyes read the text of a statement saying the claims were false.",
        &["the text of a statement | saying | the claims were false | indirect | -"],
    );
}

#[test]
fn calls_with_an_object_pronoun_and_a_second_participle() {
    check(
        "Reyes's office calls him a liar.",
        &["Reyes's office | calls | him a liar | indirect | -"],
    );
    check("The office calls are recorded.", &[]);
    check(
        "Lowe pushed back, saying he is honest and calling him “a pioneer.”",
        &[
            "Lowe | saying | he is honest and calling him “a pioneer.” | mixed | -",
            "Lowe | calling | him “a pioneer.” | mixed | -",
        ],
    );
}

#[test]
fn call_before_an_object_pronoun() {
    check(
        "Reyes and Lowe call them “lone wolves.”",
        &["Reyes and Lowe | call | them “lone wolves.” | mixed | -"],
    );
    check("I will call him tomorrow.", &[]);
    check("We made the call at noon.", &[]);
}

#[test]
fn a_quote_closed_by_a_comma_frames_its_cue_whatever_follows() {
    check(
        "“We will win this state,” Reyes said 20 minutes into the rally.",
        &["Reyes | said | “We will win this state,” | direct | -"],
    );
    check(
        "“The costs are too high,” Park said about the stadium.",
        &["Park | said | “The costs are too high,” | direct | -"],
    );
    check("“The plan works,” echoes Lowe.", &["Lowe | echoes | “The plan works,” | direct | -"]);
    // An opening mark written for the closing one still closes the quote.
    check("“It was a mistake,“ said Reyes.", &["Reyes | said | “It was a mistake,“ | direct | -"]);
}

#[test]
fn subordinate_clauses_passives_and_absolute_participles() {
    check(
        "Though Reyes said the plan was sound, she believed the timing was wrong.",
        &[
            "Reyes | said | the plan was sound | indirect | -",
            "she | believed | the timing was wrong | indirect | -",
        ],
    );
    check(
        "Lowe was quoted as saying that the talks had stalled.",
        &["Lowe | saying | that the talks had stalled | indirect | -"],
    );
    check(
        "Turnout rose, with Reyes calling for a recount.",
        &["Reyes | calling for | a recount | indirect | -"],
    );
    check(
        "Park is calling for a new vote.",
        &["Park | is calling for | a new vote | indirect | -"],
    );
    check(
        "Asked on Sunday whether she would run, Lowe smiled.",
        &["- | Asked | whether she would run | indirect | -"],
    );
}

#[test]
fn bare_verbs_quantifier_subjects_and_other_senses() {
    check(
        "Union leaders hope that the strike ends soon.",
        &["Union leaders | hope | that the strike ends soon | indirect | -"],
    );
    check(
        "Most believe that the economy has improved.",
        &["Most | believe | that the economy has improved | indirect | -"],
    );
    check("The team maintained a lead all season.", &[]);
    check("We have high hopes and the hope that it lasts.", &[]);
}

#[test]
fn according_to_inside_its_clause_and_a_speaker_before_a_colon() {
    check(
        "Some of those concerns, according to security experts, include a link to the army.",
        &[
            "security experts | according to | Some of those concerns, according to security experts, include a link to the army | indirect | -",
        ],
    );
    check(
        "Martell, the doctor on the shore, is more blunt: \"With this monitoring, they will find things.\"",
        &["Martell | : | \"With this monitoring, they will find things.\" | direct | -"],
    );
    check("Wait, it gets better: \"By law, the president sets the number.\"", &[]);
}

#[test]
fn a_closed_quote_of_its_own_is_someones_words() {
    check(
        "The shop is the only one in town.\n\n“If you want comics, you can go elsewhere.”",
        &["- | - | “If you want comics, you can go elsewhere.” | direct | -"],
    );
}

#[test]
fn opening_adjuncts_and_show_titles_are_no_content() {
    check(
        "In a letter to the board, Reyes asked the members to delay the vote.",
        &["Reyes | asked | the members to delay the vote | indirect | -"],
    );
    check(
        "Though she had rarely spoken about it, Lowe said the plan was a mistake.",
        &["Lowe | said | the plan was a mistake | indirect | -"],
    );
    check(
        "On Sunday on the network’s “Morning Report,” Senator Park said the talks had failed.",
        &["Senator Park | said | the talks had failed | indirect | -"],
    );
    // A clause before the comma stays the content.
    check(
        "In the end it did not matter, Reyes said.",
        &["Reyes | said | In the end it did not matter | indirect | -"],
    );
}

#[test]
fn places_and_years_after_the_subject() {
    check(
        "A study in 2017 concluded that the line would cost more.",
        &["A study in 2017 | concluded | that the line would cost more | indirect | -"],
    );
    check(
        "Trump in 2015 said the wall would be built.",
        &["Trump | said | the wall would be built | indirect | -"],
    );
    check(
        "The delegates in the hall said the vote was rigged.",
        &["The delegates in the hall | said | the vote was rigged | indirect | -"],
    );
}

#[test]
fn other_senses_of_cue_verbs_and_negation() {
    check("The firm no longer wants to run the mill.", &[]);
    check(
        "Two mills have announced plans to close in April.",
        &["Two mills | have announced | plans to close in April | indirect | -"],
    );
    check("The council added a clause to the bill.", &[]);
    check(
        "Lowe added the plan was flawed.",
        &["Lowe | added | the plan was flawed | indirect | -"],
    );
    check("It was a remark that Reyes found troubling.", &[]);
    check(
        "After General Motors announced it would close the plant, workers marched.",
        &["General Motors | announced | it would close the plant | indirect | -"],
    );
}

#[test]
fn shares_compounds_and_bare_infinitives() {
    check(
        "Twenty-four percent said the race was close.",
        &["Twenty-four percent | said | the race was close | indirect | -"],
    );
    check(
        "Nine in 10 voters said the race was close.",
        &["Nine in 10 voters | said | the race was close | indirect | -"],
    );
    check(
        "Those who helped found the club said it was needed.",
        &["the club | said | it was needed | indirect | -"],
    );
    check("Having said that, the mayor left.", &[]);
    check("I cannot say that it works.", &[]);
    check(
        "“It is a mess,” Lowe said of the plan.",
        &["Lowe | said | “It is a mess,” | direct | -"],
    );
}

#[test]
fn nouns_and_other_senses_after_a_subject() {
    check("Park won the county, adding to his lead.", &[]);
    check("Online sales continued to be a bright spot.", &[]);
    check("He unveiled his new plan to rebuild the port.", &[]);
    check("She joined a movement called the People's Party.", &[]);
    check(
        "Party leaders plan to meet in June.",
        &["Party leaders | plan | to meet in June | indirect | -"],
    );
}

#[test]
fn an_object_after_a_cue_is_no_inverted_speaker() {
    check(
        "Officials in the province, the region north of the capital, announced new rules on Monday.",
        &[],
    );
    check(
        "Prices rose sharply, said officials.",
        &["officials | said | Prices rose sharply | indirect | -"],
    );
    check(
        "“The market will recover,” said oil executive Tom Reyes.",
        &["oil executive Tom Reyes | said | “The market will recover,” | direct | -"],
    );
}

#[test]
fn appositives_of_company_open_the_subject() {
    check(
        "Ms. Reyes, along with two law professors, wrote that the cases were weak.",
        &[
            "Ms. Reyes, along with two law professors, | wrote | that the cases were weak | indirect | -",
        ],
    );
}

#[test]
fn a_clause_before_a_comma_is_no_appositive() {
    check(
        "Somehow, the council will find the money, adds Ortega.",
        &["Ortega | adds | Somehow, the council will find the money | indirect | -"],
    );
    check(
        "Tom Reyes, a mechanic who has worked here for years, said the plant would close.",
        &[
            "Tom Reyes, a mechanic who has worked here for years, | said | the plant would close | indirect | -",
        ],
    );
}

#[test]
fn objects_found_known_and_cited() {
    check("He found her keys and was looking for her when the police came.", &[]);
    check("Home cooks will know Reyes as the authority on bread.", &[]);
    check(
        "An expert cited in the report warned that prices would rise.",
        &["An expert cited in the report | warned | that prices would rise | indirect | -"],
    );
    check(
        "The Liberals would likely prefer that the tax start low.",
        &["The Liberals | would likely prefer | that the tax start low | indirect | -"],
    );
}

#[test]
fn participles_before_a_noun_or_with_an_agent() {
    check("Park leads Lowe by 120 pledged delegates.", &[]);
    check("Rebel groups backed by the army have no choice.", &[]);
}

#[test]
fn according_to_after_a_clause_with_a_cue_reports_all_of_it() {
    check(
        "Most voters say they prefer lower taxes, according to a new poll.",
        &[
            "a new poll | according to | Most voters say they prefer lower taxes | indirect | -",
            "Most voters | say | they prefer lower taxes | indirect | 0",
        ],
    );
}

#[test]
fn quoted_as_saying_after_the_quote() {
    check(
        "“The debt is far too high,” he was quoted as saying in the release.",
        &["he | saying | “The debt is far too high,” | direct | -"],
    );
}

#[test]
fn bare_promises_and_blame_after_a_plural_subject() {
    check(
        "Farmers vow to block the road until the tax is dropped.",
        &["Farmers | vow | to block the road until the tax is dropped | indirect | -"],
    );
    check("Local unions blast the plan.", &["Local unions | blast | the plan | indirect | -"]);
    // Nouns: "the vow", "a blast".
    check("The vow to block the road was kept.", &[]);
}

#[test]
fn expectation_in_a_relative_clause() {
    check(
        "Voters back the levy, which is expected to pass easily.",
        &["- | is expected | which is expected to pass easily | indirect | -"],
    );
}

#[test]
fn participle_source_after_an_opening_adjunct() {
    check(
        "But a week later, Reyes backed down, telling the council that the fees would stay.",
        &["Reyes | telling | that the fees would stay | indirect | -"],
    );
    check(
        "Once in office, Ms. Lowe trimmed the budget, announcing a new auditor.",
        &["Ms. Lowe | announcing | a new auditor | indirect | -"],
    );
    // A determined subject ends at its verb.
    check(
        "Last spring, the board halted the hiring, citing a shortfall in the pension fund.",
        &["the board | citing | a shortfall in the pension fund | indirect | -"],
    );
}

#[test]
fn noun_cues_with_a_possessive_source() {
    check(
        "Mayor Lowe's claim that the bridge is safe was false, the engineers said.",
        &[
            "the engineers | said | Mayor Lowe's claim that the bridge is safe was false | indirect | -",
            "Mayor Lowe's | claim | that the bridge is safe was false | indirect | 0",
        ],
    );
    check(
        "Voters remember her promise to cut the fares.",
        &["her | promise | to cut the fares | indirect | -"],
    );
    // No possessor: no source to give.
    check("The claim that the bridge is safe was false.", &[]);
}

#[test]
fn acts_of_speech_and_stance_with_an_object() {
    check(
        "The senator highlighted the cost of the new bridge.",
        &["The senator | highlighted | the cost of the new bridge | indirect | -"],
    );
    check(
        "In his speech, Reyes invoked the memory of the flood.",
        &["Reyes | invoked | the memory of the flood | indirect | -"],
    );
    check(
        "The campaign requested a recount in two counties.",
        &["The campaign | requested | a recount in two counties | indirect | -"],
    );
    // The noun forms are no cues.
    check("The order came late, and the highlights were short.", &[]);
}

#[test]
fn stances_in_the_progressive() {
    check(
        "Dana Weeks, the head of the county party, is supporting Reyes in the runoff.",
        &[
            "Dana Weeks, the head of the county party, | is supporting | Reyes in the runoff | indirect | -",
        ],
    );
    check(
        "The union is demanding a new contract.",
        &["The union | is demanding | a new contract | indirect | -"],
    );
}

#[test]
fn a_determined_subject_before_a_second_verb_phrase() {
    check(
        "The new mayor met the workers on Monday and said the plant would stay open.",
        &["The new mayor | said | the plant would stay open | indirect | -"],
    );
}

#[test]
fn pushing_and_pressing_for_something() {
    check(
        "The union has pushed for a shorter week.",
        &["The union | has pushed for | a shorter week | indirect | -"],
    );
    // Without its particle the verb is no cue.
    check("The company will push the price up.", &[]);
}

#[test]
fn possessive_criticism_and_attacks() {
    check(
        "Voters remember his harsh attacks on the mayor.",
        &["his | harsh attacks on | the mayor | indirect | -"],
    );
    check(
        "But Senator Lowe's criticism of the budget was mild.",
        &["Senator Lowe's | criticism of | the budget was mild | indirect | -"],
    );
}

#[test]
fn a_state_after_its_town_inside_an_appositive() {
    check(
        "Nadia Brent, 58, a retired teacher in Keene, N.H., said the plan was fine.",
        &[
            "Nadia Brent, 58, a retired teacher in Keene, N.H., | said | the plan was fine | indirect | -",
        ],
    );
    check(
        "The mayor of Denver, Colo., said the plan was fine.",
        &["The mayor of Denver, Colo., | said | the plan was fine | indirect | -"],
    );
}

#[test]
fn rulings_and_voiced_stances() {
    check(
        "The judge ruled that the ballots must be counted again.",
        &["The judge | ruled | that the ballots must be counted again | indirect | -"],
    );
    check(
        "The coach voiced concern about the schedule.",
        &["The coach | voiced | concern about the schedule | indirect | -"],
    );
    check("The council ruled out a new tax.", &[]);
}

#[test]
fn an_auxiliary_after_the_conjunction_of_a_second_verb_phrase() {
    check(
        "Reyes met the workers and has also said the plant will stay open.",
        &["Reyes | has also said | the plant will stay open | indirect | -"],
    );
}

#[test]
fn a_relative_clause_set_off_by_commas_ends_before_the_main_verb() {
    check(
        "The mayor, who has long opposed the tax, will vote today.",
        &["who | has long opposed | the tax | indirect | -"],
    );
}

#[test]
fn the_subject_of_a_second_verb_phrase_after_an_opening_adjunct() {
    check(
        "At the town hall, Lowe greeted the volunteers and said the judge was biased.",
        &["Lowe | said | the judge was biased | indirect | -"],
    );
    check(
        "After the vote, the new mayor met the workers and said the plant would stay open.",
        &["the new mayor | said | the plant would stay open | indirect | -"],
    );
}

#[test]
fn quotes_signed_with_a_dash_and_a_name() {
    check(
        "Readers wrote to us.\n\n“The buses are always late.” ― Ana Ruiz\n“We need more of them.” ― Tom J. Hale",
        &[
            "Readers | wrote | to us | indirect | -",
            "Ana Ruiz | ― | “The buses are always late.” | direct | -",
            "Tom J. Hale | ― | “We need more of them.” | direct | -",
        ],
    );
    check(
        "“We need more of them.” ― Tom Hale.\n\nMore letters tomorrow.",
        &["Tom Hale | ― | “We need more of them.” | direct | -"],
    );
    // A dash that goes on with the sentence signs nothing.
    check("“Enough,” — Lowe paused — “is enough.”", &[]);
}

#[test]
fn a_list_of_names_opening_the_clause_speaks_together() {
    check(
        "Ann Lowe, Tom Reyes and Kim Ode said the plan was fine.",
        &["Ann Lowe, Tom Reyes and Kim Ode | said | the plan was fine | indirect | -"],
    );
    check(
        "Lowe, Reyes, and Kim said the plan was fine.",
        &["Lowe, Reyes, and Kim | said | the plan was fine | indirect | -"],
    );
    // An opening adjunct is no name of the list.
    check(
        "Meanwhile, Lowe and Reyes said the plan was fine.",
        &["Lowe and Reyes | said | the plan was fine | indirect | -"],
    );
}

#[test]
fn states_of_mind_after_be_with_their_clause() {
    check(
        "Local farmers are confident that the rain will come.",
        &["Local farmers | are confident | that the rain will come | indirect | -"],
    );
    check(
        "The mayor has long been concerned that the bridge is unsafe.",
        &["The mayor | has long been concerned | that the bridge is unsafe | indirect | -"],
    );
    // Without a clause, no attribution.
    check("He is sure of it.", &[]);
}

#[test]
fn offering_words_is_a_speech_act() {
    check(
        "Reyes offered some advice to the new council.",
        &["Reyes | offered | some advice to the new council | indirect | -"],
    );
    check("The bank offered a new loan to farmers.", &[]);
}

#[test]
fn manners_of_speaking_after_a_quote() {
    check("“Not now,” she interjected.", &["she | interjected | “Not now,” | direct | -"]);
    check("“Next spring,” he answered.", &["he | answered | “Next spring,” | direct | -"]);
    // A plea in court is no statement.
    check("The driver pleaded guilty to the charge.", &[]);
}

#[test]
fn any_cue_closing_the_clause_after_a_quote_is_postposed() {
    check(
        "“It was never a fair fight,” he points out.",
        &["he | points out | “It was never a fair fight,” | direct | -"],
    );
}

#[test]
fn likening_and_remembering() {
    check(
        "The senator likened the new tax to a fine.",
        &["The senator | likened | the new tax to a fine | indirect | -"],
    );
}

#[test]
fn phrasal_verbs_with_their_preposition() {
    check(
        "The senator lashed out at the press.",
        &["The senator | lashed out at | the press | indirect | -"],
    );
    check(
        "Reyes weighed in on the debate.",
        &["Reyes | weighed in on | the debate | indirect | -"],
    );
    // Without the particle, no speech.
    check("The crate weighed ten pounds.", &[]);
}

#[test]
fn a_pronoun_with_a_cue_of_its_own_ends_the_content() {
    check(
        "Mayor Ann Lowe said the budget was balanced, and she accused the council of hiding the debt.",
        &[
            "Ann Lowe | said | the budget was balanced | indirect | -",
            "she | accused | the council of hiding the debt | indirect | -",
        ],
    );
    // A pronoun whose verb reports nothing stays in the content.
    check(
        "Lowe said the road would open in May and she would cut the ribbon.",
        &["Lowe | said | the road would open in May and she would cut the ribbon | indirect | -"],
    );
}

#[test]
fn the_object_of_accusing_urging_and_promising_is_content() {
    check(
        "Lowe has repeatedly accused the board of wasting money on consultants.",
        &[
            "Lowe | has repeatedly accused | the board of wasting money on consultants | indirect | -",
        ],
    );
    check(
        "Reyes urged voters to reject the levy.",
        &["Reyes | urged | voters to reject the levy | indirect | -"],
    );
    // "told" still leaves its addressee out.
    check(
        "Reyes told reporters that the levy would fail.",
        &["Reyes | told | that the levy would fail | indirect | -"],
    );
}

#[test]
fn a_second_report_of_the_subject_ends_the_content() {
    // A negated report shares the subject.
    check(
        "Lowe said the plan would pass but did not say when.",
        &["Lowe | said | the plan would pass | indirect | -"],
    );
    // A clause opened by "when" whose pronoun tells something is an attribution of its own.
    check(
        "Lowe was defending the plan at a rally when she told the crowd that taxes would fall.",
        &[
            "Lowe | was defending | the plan at a rally | indirect | -",
            "she | told | that taxes would fall | indirect | -",
        ],
    );
    // A "when" clause without a cue stays in the content.
    check(
        "Lowe said the bridge closed when the river rose.",
        &["Lowe | said | the bridge closed when the river rose | indirect | -"],
    );
}

#[test]
fn roles_in_a_race_and_on_a_staff_stay_with_the_name() {
    check(
        "Republican nominee Ann Lowe said the race was close.",
        &["Republican nominee Ann Lowe | said | the race was close | indirect | -"],
    );
    check(
        "Lowe campaign manager Tom Reyes said the race was close.",
        &["Lowe campaign manager Tom Reyes | said | the race was close | indirect | -"],
    );
    // A role before a pair of names is no verb before its object.
    check(
        "Republican hopefuls Ann Lowe and Tom Reyes say the tax is unfair.",
        &["Republican hopefuls Ann Lowe and Tom Reyes | say | the tax is unfair | indirect | -"],
    );
    // Titles of office are still cut.
    check(
        "Health Minister Alan Ferris said the clinic would open.",
        &["Alan Ferris | said | the clinic would open | indirect | -"],
    );
}

#[test]
fn a_participle_keeps_its_time_word_in_the_source() {
    check(
        "A report published Tuesday said the river was rising.",
        &["A report published Tuesday | said | the river was rising | indirect | -"],
    );
    // A time adjunct after a name stays out of the source.
    check(
        "Lowe on Tuesday said the river was rising.",
        &["Lowe | said | the river was rising | indirect | -"],
    );
}

#[test]
fn an_expressed_feeling_closes_the_cue() {
    check(
        "Reyes expressed his confidence that the bill would pass.",
        &["Reyes | expressed his confidence | that the bill would pass | indirect | -"],
    );
    // Other objects of "expressed" are content.
    check(
        "The mayor expressed support for the plan.",
        &["The mayor | expressed | support for the plan | indirect | -"],
    );
}

#[test]
fn a_preposition_after_a_warning_or_a_request_closes_the_cue() {
    check("Lowe warned of higher taxes.", &["Lowe | warned of | higher taxes | indirect | -"]);
    check("Reyes asked for a recount.", &["Reyes | asked for | a recount | indirect | -"]);
    // Before a clause the verb stands alone.
    check(
        "Reyes warned that taxes would rise.",
        &["Reyes | warned | that taxes would rise | indirect | -"],
    );
}

#[test]
fn a_manner_adverb_closing_the_sentence_joins_the_cue() {
    check(
        "“Great plan,” Lowe said sarcastically.",
        &["Lowe | said sarcastically | “Great plan,” | direct | -"],
    );
    // An adverb of time is no manner.
    check("“Great plan,” Lowe said recently.", &["Lowe | said | “Great plan,” | direct | -"]);
}

#[test]
fn a_quoted_fragment_standing_alone_is_no_statement() {
    // A title or a slogan in quotes, with no cue near and no final punctuation.
    check("The council met on Monday.\n\n“Safe streets for all”\n\nThe vote was close.", &[]);
    check("The council met on Monday.\n\n\"See also:\"\n\nThe vote was close.", &[]);
    // A sentence in quotes is someone's words, even with no speaker named.
    check(
        "The council met on Monday.\n\n“Streets will be safe.”\n\nThe vote was close.",
        &["- | - | “Streets will be safe.” | direct | -"],
    );
}

#[test]
fn plans_after_a_possessor_a_past_or_a_gerund_is_the_noun() {
    check("Lowe made plans to build a new bridge.", &[]);
    check("Reyes unveiled her own plans to cut taxes.", &[]);
    check("The council is scaling back plans to widen the road.", &[]);
    // The verb, with its subject before it.
    check(
        "The council plans to widen the road.",
        &["The council | plans | to widen the road | indirect | -"],
    );
}

#[test]
fn called_after_an_indefinite_noun_gives_a_name() {
    check("Reyes joined a group called Safe Streets in May.", &[]);
    check("The clinic prescribed a drug called zolvatrine.", &[]);
    // With a determined subject, or an object pronoun after it, the verb judges.
    check(
        "A spokesman for the mayor called it a mistake.",
        &["A spokesman for the mayor | called | it a mistake | indirect | -"],
    );
}

#[test]
fn an_age_compound_after_an_inverted_cue_stays_whole() {
    check(
        "“We will win,” said the 46-year-old.",
        &["the 46-year-old | said | “We will win,” | direct | -"],
    );
    // A time word after a space still ends the source.
    check(
        "“We will win,” said the mayor Tuesday.",
        &["the mayor | said | “We will win,” | direct | -"],
    );
}

#[test]
fn participle_after_a_temporal_conjunction_takes_the_clause_subject() {
    check(
        "After saying the levee would hold, the engineer left the town hall early.",
        &["the engineer | saying | the levee would hold | indirect | -"],
    );
    check(
        "The senator was jeered at the fair while telling farmers that prices would rise.",
        &["The senator | telling | that prices would rise | indirect | -"],
    );
}

// ---------------------------------------------------------------- round 13

#[test]
fn transcript_lines_are_attributions_of_their_labels() {
    // Labels of one or two words; a turn runs on over a paragraph without a label, and
    // a stance inside a line ("I think") is part of it.
    check(
        "Dana Whitt asked the governor about the roads.\n\n\
         DANA WHITT: Will the bridge open this year?\n\n\
         LOWE: I think it will open in May.\n\n\
         The crews are ready.\n\n\
         WHITT: And the tolls?\n\n\
         LOWE: No tolls at all.",
        &[
            "Dana Whitt | asked | the governor about the roads | indirect | -",
            "DANA WHITT | : | Will the bridge open this year? | indirect | -",
            "LOWE | : | I think it will open in May.\n\nThe crews are ready. | indirect | -",
            "WHITT | : | And the tolls? | indirect | -",
            "LOWE | : | No tolls at all. | indirect | -",
        ],
    );
}

#[test]
fn quoted_transcript_run_gives_each_line_its_speaker() {
    // Each paragraph reopens the quote; the run is no single quote without a speaker.
    check(
        "Ana Reyes spoke with Luis Ortiz, and the talk went as follows:\n\n\
         \"REYES: Do you back the levy?\n\n\
         \"ORTIZ: We back it, and so does the board.\n\n\
         \"REYES: Even after the vote?\n\n\
         \"ORTIZ: Even then.\"",
        &[
            "REYES | : | Do you back the levy? | direct | -",
            "ORTIZ | : | We back it, and so does the board. | direct | -",
            "REYES | : | Even after the vote? | direct | -",
            "ORTIZ | : | Even then. | direct | -",
        ],
    );
}

#[test]
fn section_labels_in_capitals_make_no_transcript() {
    // Labels that recur, but name nobody written elsewhere; labels of sections; and the
    // one-letter labels of a question-and-answer piece.
    check(
        "Oil and bond prices moved.\n\nENERGY: Oil fell two percent on the news.\n\n\
         BONDS: Yields rose.\n\nENERGY: Gasoline rose a cent.",
        &[],
    );
    check(
        "Rick Dalton met Mayor Lowe.\n\nDALTON: Is the road open?\n\n\
         LOWE: It is, until the storm.\n\nUPDATE: The road closed at six.\n\n\
         UPDATE: It reopened at nine.",
        &[
            "DALTON | : | Is the road open | indirect | -",
            "LOWE | : | It is, until the storm | indirect | -",
        ],
    );
    check("Q: Will the road open?\n\nA: It will open soon.\n\nQ: When?\n\nA: In May.", &[]);
}

#[test]
fn second_predicate_with_a_cue_ends_an_object_content() {
    check(
        "The mayor called the plan a disgrace and threatened to tax the plant.",
        &[
            "The mayor | called | the plan a disgrace | indirect | -",
            "The mayor | threatened | to tax the plant | indirect | -",
        ],
    );
    check(
        "Ortiz praised the coach but has questioned the new stadium.",
        &[
            "Ortiz | praised | the coach | indirect | -",
            "Ortiz | has questioned | the new stadium | indirect | -",
        ],
    );
    // A clause of its own goes on: its subject, not the speaker, does the second thing.
    check(
        "The nurse said she was tired of the delays and wanted a new director.",
        &[
            "The nurse | said | she was tired of the delays and wanted a new director | indirect | -",
            "The nurse | wanted | a new director | indirect | -",
        ],
    );
    // A verb after "and" that is no cue, or a passive, is no second predicate.
    check(
        "The board praised the plan and was criticized by the union.",
        &["The board | praised | the plan and was criticized by the union | indirect | -"],
    );
}

#[test]
fn yes_or_no_after_a_speech_cue_is_the_content() {
    check(
        "Most of the tenants said yes, but the landlord said no.",
        &[
            "Most of the tenants | said | yes | indirect | -",
            "the landlord | said | no | indirect | -",
        ],
    );
    // "no" opening a noun phrase or "no to" goes on.
    check(
        "The clerk said no ballots were lost.",
        &["The clerk | said | no ballots were lost | indirect | -"],
    );
    check(
        "The council said no to the tower.",
        &["The council | said | no to the tower | indirect | -"],
    );
}

#[test]
fn statement_nouns_after_an_article_take_their_clause() {
    check(
        "Voters bristled at the suggestion that the count was rigged.",
        &["- | the suggestion | that the count was rigged | indirect | -"],
    );
    check(
        "The memo was an admission that the dam had failed.",
        &["- | an admission | that the dam had failed | indirect | -"],
    );
    // Nouns that name no statement as often as one, and no clause after the noun.
    check("The idea that taxes will fall is popular.", &[]);
    check("The belief in miracles is old.", &[]);
    check("The suggestion box that hung by the door is gone.", &[]);
}
