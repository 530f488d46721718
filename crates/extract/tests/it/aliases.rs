//! Tests of the aliases stage: mentions written by hand over short news-like sentences go
//! through `RuleAliases`, and the entities come back as one line each:
//! `LABEL name = mention (reason) = mention (reason: target)`, where each `= ...` is one
//! link (its later mention, its reason, and its earlier mention when that is not the name).
//! Every check also verifies the invariants of the stage's contract.

use claimgraph_extract::aliases::RuleAliases;
use claimgraph_extract::{AliasResolver, Input};
use claimgraph_model::{Entity, EntityLabel, Mention, MentionSource, Span};
use claimgraph_text::{split_sentences, tokenize};
use proptest::prelude::*;

/// Builds mentions from specs "LABEL text" located in order in `text`; "LABEL? text"
/// marks a weak mention (capitalization only).
fn mentions(text: &str, specs: &[&str]) -> Vec<Mention> {
    let mut cursor = 0;
    let mut out = Vec::new();
    for spec in specs {
        let (label, name) = spec.split_once(' ').expect("spec is 'LABEL text'");
        let weak = label.ends_with('?');
        let label = match label.trim_end_matches('?') {
            "PER" => EntityLabel::Person,
            "ORG" => EntityLabel::Organization,
            "LOC" => EntityLabel::Location,
            "MISC" => EntityLabel::Misc,
            other => panic!("unknown label {other}"),
        };
        let start = find_word(text, name, cursor).unwrap_or_else(|| panic!("{name:?} not found"));
        let span = Span::new(start, start + name.len());
        cursor = span.end;
        let source = if weak { MentionSource::Capitalization } else { MentionSource::Gazetteer };
        out.push(Mention { span, label, source, entity: 0 });
    }
    out
}

/// Byte offset of `name` in `text` at or after `from`, as whole words.
fn find_word(text: &str, name: &str, from: usize) -> Option<usize> {
    let mut pos = from;
    while let Some(found) = text.get(pos..)?.find(name) {
        let start = pos + found;
        let end = start + name.len();
        let before = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(start);
        }
        pos = start + name.chars().next()?.len_utf8();
    }
    None
}

fn resolve(text: &str, mut mentions: Vec<Mention>) -> (Vec<Mention>, Vec<Entity>) {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
    let entities = RuleAliases::new().resolve(&input, &mut mentions);
    check_invariants(&mentions, &entities);
    (mentions, entities)
}

fn check_invariants(mentions: &[Mention], entities: &[Entity]) {
    for pair in mentions.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "sorted, non-overlapping: {pair:?}");
    }
    let mut seen = vec![0; mentions.len()];
    for (e, entity) in entities.iter().enumerate() {
        assert!(!entity.mentions.is_empty(), "empty entity {entity:?}");
        assert!(entity.mentions.windows(2).all(|w| w[0] < w[1]), "text order {entity:?}");
        for &m in &entity.mentions {
            seen[m] += 1;
            assert_eq!(mentions[m].entity, e, "Mention::entity of {m}");
        }
        assert_eq!(entity.links.len() + 1, entity.mentions.len(), "spanning links {entity:?}");
        for link in &entity.links {
            assert!(link.target < link.mention, "link points back: {link:?}");
            assert!(
                entity.mentions.contains(&link.mention) && entity.mentions.contains(&link.target)
            );
        }
    }
    assert!(seen.iter().all(|&n| n == 1), "every mention in exactly one entity: {seen:?}");
}

fn render(text: &str, mentions: &[Mention], entities: &[Entity]) -> String {
    let show = |m: usize| mentions[m].span.slice(text).to_string();
    let mut lines = Vec::new();
    for entity in entities {
        let mut line = format!("{} {}", entity.label.as_str(), entity.name);
        for link in &entity.links {
            let target = show(link.target);
            let bare = target.trim_start_matches("the ").trim_start_matches("The ");
            if bare == entity.name {
                line += &format!(" = {} ({})", show(link.mention), link.reason.as_str());
            } else {
                line +=
                    &format!(" = {} ({}: {})", show(link.mention), link.reason.as_str(), target);
            }
        }
        lines.push(line);
    }
    lines.join("\n")
}

fn check(text: &str, specs: &[&str], expected: &str) {
    let (mentions, entities) = resolve(text, mentions(text, specs));
    let got = render(text, &mentions, &entities);
    let want: Vec<&str> = expected.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(got, want.join("\n"), "\ntext: {text}");
}

// ---- Acronym definitions -------------------------------------------------------------

#[test]
fn acronyms_in_parentheses_with_a_slash() {
    check(
        "The People's Mojahedin Organization of Iran (PMOI/MEK) held a rally in Paris. \
         Speakers said the PMOI had documented the executions, and MEK supporters marched.",
        &["ORG People's Mojahedin Organization of Iran", "LOC Paris"],
        "ORG People's Mojahedin Organization of Iran = PMOI (acronym-definition) \
           = MEK (acronym-definition) = PMOI (same-name: PMOI) = MEK (same-name: MEK)
         LOC Paris",
    );
}

#[test]
fn slash_with_a_space_inside_parentheses() {
    check(
        "Members of the National Council of Resistance of Iran (NCRI/ CRI) met on Friday.",
        &["ORG National Council of Resistance of Iran"],
        "ORG National Council of Resistance of Iran = NCRI (acronym-definition) \
           = CRI (acronym-definition)",
    );
}

#[test]
fn unspelled_acronym_defines_an_organization() {
    check(
        "Commanders of the Revolutionary Guards (IRGC) denied the report. An IRGC spokesman \
         said the IRGC's navy was not involved.",
        &["ORG Revolutionary Guards"],
        "ORG Revolutionary Guards = IRGC (acronym-definition) = IRGC (same-name: IRGC) \
           = IRGC (same-name: IRGC)",
    );
}

#[test]
fn recognized_acronym_is_linked_not_duplicated() {
    check(
        "The Ministry of Intelligence and Security (MOIS) runs the network. MOIS agents \
         were seen in Vienna.",
        &["ORG Ministry of Intelligence and Security", "MISC MOIS", "MISC MOIS", "LOC Vienna"],
        "ORG Ministry of Intelligence and Security = MOIS (acronym-definition) \
           = MOIS (same-name: MOIS)
         LOC Vienna",
    );
}

#[test]
fn acronym_after_a_bare_slash_must_spell_the_name() {
    check(
        "A statement by the National Council of Resistance of Iran/NCRI was read aloud. \
         Talks on Iran/US relations stalled.",
        &["ORG National Council of Resistance of Iran", "LOC Iran", "LOC US"],
        "ORG National Council of Resistance of Iran = NCRI (acronym-definition)
         LOC Iran
         LOC US",
    );
}

#[test]
fn acronym_first_then_long_form_in_parentheses() {
    check(
        "The IRGC (Islamic Revolutionary Guard Corps) controls much of the economy.",
        &["ORG IRGC", "ORG Islamic Revolutionary Guard Corps"],
        "ORG Islamic Revolutionary Guard Corps = Islamic Revolutionary Guard Corps \
           (acronym-definition: IRGC)",
    );
}

#[test]
fn quoted_acronym_after_the() {
    check(
        "Officials of the Committee for Human Rights (the “CHR”) said the CHR had a list.",
        &["ORG Committee for Human Rights"],
        "ORG Committee for Human Rights = CHR (acronym-definition) = CHR (same-name: CHR)",
    );
}

#[test]
fn acronym_then_also_known_as_inside_one_parenthesis() {
    check(
        "The People's Mojahedin Organization of Iran (PMOI, also known as MEK) denied it; \
         MEK members protested.",
        &["ORG People's Mojahedin Organization of Iran"],
        "ORG People's Mojahedin Organization of Iran = PMOI (acronym-definition) \
           = MEK (explicit-alias: PMOI) = MEK (same-name: MEK)",
    );
}

#[test]
fn no_definition_after_a_person_or_a_dateline() {
    // The capitalized dateline reads as an acronym, so the name comes from "Tehran".
    check(
        "TEHRAN (AFP) - Maryam Rajavi (NCRI) addressed the gathering in Tehran.",
        &["LOC TEHRAN", "PER Maryam Rajavi", "LOC Tehran"],
        "LOC Tehran = Tehran (same-name: TEHRAN)
         PER Maryam Rajavi",
    );
}

#[test]
fn acronym_spelled_after_a_person_is_a_definition() {
    check(
        "Crown Prince Mohammed bin Salman (MBS) met envoys; MBS later left for Riyadh.",
        &["PER Mohammed bin Salman", "LOC Riyadh"],
        "PER Mohammed bin Salman = MBS (acronym-definition) = MBS (same-name: MBS)
         LOC Riyadh",
    );
}

#[test]
fn parenthesis_with_other_words_is_not_a_definition() {
    check(
        "The Supreme Leader's Office (ABC said otherwise) issued a decree.",
        &["ORG Supreme Leader's Office"],
        "ORG Supreme Leader's Office",
    );
}

// ---- Acronym matches -----------------------------------------------------------------

#[test]
fn acronym_matching_a_long_form_elsewhere() {
    check(
        "The Islamic Revolutionary Guard Corps expanded its militias. Analysts say the IRGC \
         now runs fourteen camps.",
        &["ORG Islamic Revolutionary Guard Corps", "MISC IRGC"],
        "ORG Islamic Revolutionary Guard Corps = IRGC (acronym-match)",
    );
}

#[test]
fn unrecognized_acronym_matching_a_long_form_is_added() {
    check(
        "Inspectors of the International Atomic Energy Agency arrived on Monday. \
         The IAEA report is due in June.",
        &["ORG International Atomic Energy Agency"],
        "ORG International Atomic Energy Agency = IAEA (acronym-match)",
    );
}

#[test]
fn acronym_match_across_different_long_forms_of_one_group() {
    check(
        "The Revolutionary Guards (IRGC) are also called the Islamic Revolutionary Guard \
         Corps in official texts.",
        &["ORG Revolutionary Guards", "ORG Islamic Revolutionary Guard Corps"],
        "ORG Islamic Revolutionary Guard Corps = IRGC (acronym-definition: Revolutionary Guards) \
           = Islamic Revolutionary Guard Corps (acronym-match: IRGC)",
    );
}

#[test]
fn acronym_not_matching_stays_apart() {
    check(
        "The United States and the UN disagreed. The UN envoy left.",
        &["LOC United States", "ORG UN", "ORG UN"],
        "LOC United States
         ORG UN = UN (same-name)",
    );
}

#[test]
fn dotted_and_plain_acronyms_match_the_long_form() {
    check(
        "The United States imposed sanctions. U.S. officials said US forces stayed.",
        &["LOC United States", "LOC U.S.", "LOC US"],
        "LOC United States = U.S. (acronym-match) = US (same-name: U.S.)",
    );
}

#[test]
fn loose_match_for_a_recognized_acronym() {
    check(
        "A spokesman for Central Command said CENTCOM had tracked the drones.",
        &["ORG Central Command", "ORG CENTCOM"],
        "ORG Central Command = CENTCOM (acronym-match)",
    );
}

#[test]
fn shouted_headline_words_are_not_acronyms() {
    check(
        "IRAN WARNS RIVALS. The Iran Warns Rivals Society was not involved.",
        &["ORG Iran Warns Rivals Society"],
        "ORG Iran Warns Rivals Society",
    );
}

// ---- Explicit aliases ------------------------------------------------------------------

#[test]
fn also_known_as_in_parentheses_adds_the_alias() {
    check(
        "He had joined the Freedom Movement (also known as the Liberation Movement), \
         founded in 1961.",
        &["ORG Freedom Movement"],
        "ORG Liberation Movement = Liberation Movement (explicit-alias: Freedom Movement)",
    );
}

#[test]
fn also_known_as_with_a_recognized_alias() {
    check(
        "Abu Bakr al-Baghdadi, also known as Ibrahim al-Badri, was killed in Idlib.",
        &["PER Abu Bakr al-Baghdadi", "PER Ibrahim al-Badri", "LOC Idlib"],
        "PER Abu Bakr al-Baghdadi = Ibrahim al-Badri (explicit-alias)
         LOC Idlib",
    );
}

#[test]
fn aka_and_quoted_alias() {
    check(
        "The cleric Ahmad Jannati, a.k.a. \"Ayatollah Jannati\", chairs the council.",
        &["PER Ahmad Jannati", "PER Ayatollah Jannati"],
        "PER Ayatollah Jannati = Ayatollah Jannati (explicit-alias: Ahmad Jannati)",
    );
}

#[test]
fn list_of_aliases_before_the_name() {
    check(
        "Better known as ISIS, or Islamic State / Daesh, the Islamic State of Iraq and \
         Syria seized Mosul in 2014.",
        &["ORG Islamic State", "ORG Daesh", "ORG Islamic State of Iraq and Syria", "LOC Mosul"],
        "ORG Islamic State of Iraq and Syria = Islamic State (explicit-alias: ISIS) \
           = Daesh (explicit-alias: ISIS) \
           = Islamic State of Iraq and Syria (explicit-alias: ISIS)
         LOC Mosul",
    );
}

#[test]
fn known_as_does_not_run_on_into_the_next_name() {
    check(
        "The unit, known as Saberin, trained in Syria, Hamid Karimi said.",
        &["ORG Saberin", "LOC Syria", "PER Hamid Karimi"],
        "ORG Saberin
         LOC Syria
         PER Hamid Karimi",
    );
}

#[test]
fn known_as_in_mid_sentence_without_a_name_before() {
    check(
        "In what is known as the Tehran Declaration, Iran agreed to suspend enrichment.",
        &["MISC Tehran Declaration", "LOC Iran"],
        "MISC Tehran Declaration
         LOC Iran",
    );
}

#[test]
fn appositive_or() {
    check(
        "The Assembly of Experts, or Majlis-e Khobregan, meets twice a year.",
        &["ORG Assembly of Experts", "ORG Majlis-e Khobregan"],
        "ORG Assembly of Experts = Majlis-e Khobregan (explicit-alias)",
    );
}

#[test]
fn or_in_parentheses_with_an_acronym() {
    check(
        "The Basij Resistance Force (or BRF) recruits teenagers. BRF units patrol at night.",
        &["ORG Basij Resistance Force"],
        "ORG Basij Resistance Force = BRF (explicit-alias) = BRF (same-name: BRF)",
    );
}

#[test]
fn or_in_a_list_is_not_an_alias() {
    check(
        "Militias operate in Syria, Iraq, or Lebanon, and Hamas, or Hezbollah, may respond.",
        &["LOC Syria", "LOC Iraq", "LOC Lebanon", "ORG Hamas", "ORG Hezbollah"],
        "LOC Syria
         LOC Iraq
         LOC Lebanon
         ORG Hamas
         ORG Hezbollah",
    );
}

#[test]
fn or_between_places_is_not_an_alias() {
    check(
        "Flights to Baghdad, or Basra, were cancelled.",
        &["LOC Baghdad", "LOC Basra"],
        "LOC Baghdad
         LOC Basra",
    );
}

// ---- Same name -------------------------------------------------------------------------

#[test]
fn same_name_folds_case_quotes_articles_and_possessives() {
    check(
        "The People’s Mojahedin Organization of Iran denied it. People's Mojahedin \
         Organization of Iran's members left. The REVOLUTIONARY GUARDS and the \
         Revolutionary Guards were blamed.",
        &[
            "ORG People’s Mojahedin Organization of Iran",
            "ORG People's Mojahedin Organization of Iran's",
            "ORG REVOLUTIONARY GUARDS",
            "ORG the Revolutionary Guards",
        ],
        "ORG People’s Mojahedin Organization of Iran \
           = People's Mojahedin Organization of Iran's (same-name)
         ORG REVOLUTIONARY GUARDS = the Revolutionary Guards (same-name)",
    );
}

#[test]
fn same_name_folds_diacritics() {
    check(
        "Société Générale said on Monday that Societe Generale would appeal.",
        &["ORG Société Générale", "ORG Societe Generale"],
        "ORG Société Générale = Societe Generale (same-name)",
    );
}

#[test]
fn same_name_needs_equal_labels_or_equal_texts() {
    // Equal texts merge whatever the labels (a tie keeps the first label).
    check(
        "Jordan said Jordan would reopen the border; Hamas and HAMAS were mentioned.",
        &["PER Jordan", "LOC Jordan", "ORG Hamas", "PER HAMAS"],
        "PER Jordan = Jordan (same-name)
         ORG Hamas
         PER HAMAS",
    );
}

#[test]
fn majority_label_wins() {
    check(
        "Hezbollah fired rockets. Hezbollah denied it. Hezbollah said so.",
        &["MISC Hezbollah", "ORG Hezbollah", "ORG Hezbollah"],
        "ORG Hezbollah = Hezbollah (same-name) = Hezbollah (same-name)",
    );
}

// ---- Short forms -----------------------------------------------------------------------

#[test]
fn surname_after_the_full_name() {
    check(
        "Iraj Masjedi, Iran's ambassador to Iraq, spoke in Baghdad. Masjedi said the \
         militias would stay, and Mr. Masjedi repeated it.",
        &[
            "PER Iraj Masjedi",
            "LOC Iran",
            "LOC Iraq",
            "LOC Baghdad",
            "PER Masjedi",
            "PER Mr. Masjedi",
        ],
        "PER Iraj Masjedi = Masjedi (short-form) = Mr. Masjedi (short-form)
         LOC Iran
         LOC Iraq
         LOC Baghdad",
    );
}

#[test]
fn surname_goes_to_the_closest_preceding_full_name() {
    check(
        "John Smith met Mary Smith in London. Smith said the talks went well.",
        &["PER John Smith", "PER Mary Smith", "LOC London", "PER Smith"],
        "PER John Smith
         PER Mary Smith = Smith (short-form)
         LOC London",
    );
}

#[test]
fn two_people_with_one_surname_stay_apart() {
    check(
        "Massoud Rajavi founded the council. Rajavi fled in 1981. Years later Maryam \
         Rajavi took over, and Rajavi now leads it.",
        &["PER Massoud Rajavi", "PER Rajavi", "PER Maryam Rajavi", "PER Rajavi"],
        "PER Massoud Rajavi = Rajavi (short-form)
         PER Maryam Rajavi = Rajavi (short-form)",
    );
}

#[test]
fn surname_before_the_only_full_name() {
    check(
        "Masjedi declined to comment. Later, Iraj Masjedi issued a statement.",
        &["PER Masjedi", "PER Iraj Masjedi"],
        "PER Iraj Masjedi = Iraj Masjedi (short-form: Masjedi)",
    );
}

#[test]
fn surname_with_weak_label_joins_but_place_does_not() {
    check(
        "Michael Jordan visited Jordan, and Jordan's fans cheered. Hosseini and Ali Hosseini \
         met.",
        &[
            "PER Michael Jordan",
            "LOC Jordan",
            "MISC? Jordan's",
            "MISC? Hosseini",
            "PER Ali Hosseini",
        ],
        "PER Michael Jordan = Jordan's (short-form)
         LOC Jordan
         PER Ali Hosseini = Ali Hosseini (short-form: Hosseini)",
    );
}

#[test]
fn longer_tail_of_a_titled_name() {
    check(
        "Brigadier General Qassem Soleimani was killed in January. Qassem Soleimani had \
         led the force; General Soleimani was buried in Kerman.",
        &[
            "PER Brigadier General Qassem Soleimani",
            "PER Qassem Soleimani",
            "PER General Soleimani",
            "LOC Kerman",
        ],
        "PER Brigadier General Qassem Soleimani = Qassem Soleimani (short-form) \
           = General Soleimani (short-form: Qassem Soleimani)
         LOC Kerman",
    );
}

#[test]
fn organizations_get_no_surname_links() {
    check(
        "The Supreme National Security Council met. The National Security Council in \
         Washington did not.",
        &[
            "ORG Supreme National Security Council",
            "ORG National Security Council",
            "LOC Washington",
        ],
        "ORG Supreme National Security Council
         ORG National Security Council
         LOC Washington",
    );
}

// ---- Transliteration -------------------------------------------------------------------

#[test]
fn transliteration_variants() {
    check(
        "Supporters of Mujahedin-e-Khalq / Mujahedeen-e-Khalq rallied; Mojahedin-e Khalq \
         leaders spoke. Hezbollah and Hizbullah are one group.",
        &[
            "ORG Mujahedin-e-Khalq",
            "ORG Mujahedeen-e-Khalq",
            "ORG Mojahedin-e Khalq",
            "ORG Hezbollah",
            "ORG Hizbullah",
        ],
        "ORG Mujahedeen-e-Khalq = Mujahedeen-e-Khalq (transliteration: Mujahedin-e-Khalq) \
           = Mojahedin-e Khalq (transliteration: Mujahedin-e-Khalq)
         ORG Hezbollah = Hizbullah (transliteration)",
    );
}

#[test]
fn transliteration_of_a_person_name() {
    check(
        "Ruhollah Khomeini returned in 1979; Rouhollah Khomeyni then ruled for a decade.",
        &["PER Ruhollah Khomeini", "PER Rouhollah Khomeyni"],
        "PER Rouhollah Khomeyni = Rouhollah Khomeyni (transliteration: Ruhollah Khomeini)",
    );
}

#[test]
fn short_or_different_names_are_not_variants() {
    check(
        "Iran and Iraq signed; Hassan Rouhani and Hossein Rouhani attended; Karimi and \
         Karami did not.",
        &[
            "LOC Iran",
            "LOC Iraq",
            "PER Hassan Rouhani",
            "PER Hossein Rouhani",
            "PER Karimi",
            "PER Karami",
        ],
        "LOC Iran
         LOC Iraq
         PER Hassan Rouhani
         PER Hossein Rouhani
         PER Karimi
         PER Karami",
    );
}

#[test]
fn variants_with_different_labels_stay_apart() {
    check(
        "Kurdistan is mountainous; the Kordestan party disagrees.",
        &["LOC Kurdistan", "ORG Kordestan"],
        "LOC Kurdistan
         ORG Kordestan",
    );
}

// ---- Whole-document behaviour ----------------------------------------------------------

#[test]
fn entity_name_is_the_longest_non_acronym_name() {
    check(
        "The IRGC said on Sunday that the Islamic Revolutionary Guard Corps had fired. \
         The Guard Corps denied nothing.",
        &["ORG IRGC", "ORG Islamic Revolutionary Guard Corps"],
        "ORG Islamic Revolutionary Guard Corps = Islamic Revolutionary Guard Corps \
           (acronym-match: IRGC)",
    );
}

#[test]
fn added_mentions_carry_the_label_of_their_long_form() {
    let text = "The Quds Force (QF) trains militias. QF officers were seen in Aleppo.";
    let given = mentions(text, &["MISC Quds Force", "LOC Aleppo"]);
    let (got, entities) = resolve(text, given);
    assert_eq!(got.len(), 4);
    assert_eq!(got[1].span.slice(text), "QF");
    assert_eq!(got[1].label, EntityLabel::Misc);
    assert_eq!(got[1].source, MentionSource::Alias);
    assert_eq!(got[2].label, EntityLabel::Misc);
    assert_eq!(entities.len(), 2);
}

#[test]
fn empty_and_mentionless_documents() {
    let (got, entities) = resolve("", Vec::new());
    assert!(got.is_empty() && entities.is_empty());
    let (got, entities) = resolve("No names (XYZ) here at all / ABC.", Vec::new());
    assert!(got.is_empty() && entities.is_empty());
}

#[test]
fn odd_spans_do_not_panic() {
    let text = "Iran (IRGC) – “ÉÉ” / Ω (AB)";
    let odd = vec![
        Mention {
            span: Span::new(0, 4),
            label: EntityLabel::Location,
            source: MentionSource::Gazetteer,
            entity: 7,
        },
        Mention {
            span: Span::new(5, 5),
            label: EntityLabel::Organization,
            source: MentionSource::Tagger,
            entity: 0,
        },
        Mention {
            span: Span::new(10, 12),
            label: EntityLabel::Misc,
            source: MentionSource::Tagger,
            entity: 0,
        },
        Mention {
            span: Span::new(500, 600),
            label: EntityLabel::Person,
            source: MentionSource::Tagger,
            entity: 0,
        },
    ];
    let (got, entities) = resolve(text, odd);
    assert_eq!(entities.iter().map(|e| e.mentions.len()).sum::<usize>(), got.len());
}

#[test]
fn thousands_of_mentions_stay_fast() {
    // Distinct names from consonants with no letter doubled, so that neither the same-name
    // keys nor the transliteration skeletons of two names agree.
    const LETTERS: &[u8] = b"bdfgklmnprstvx";
    let codes: Vec<String> = (0..LETTERS.len().pow(4))
        .map(|mut i| {
            (0..4)
                .map(|_| {
                    let letter = LETTERS[i % LETTERS.len()] as char;
                    i /= LETTERS.len();
                    letter
                })
                .collect::<String>()
        })
        .filter(|c| c.as_bytes().windows(2).all(|w| w[0] != w[1]))
        .take(3000)
        .collect();
    assert_eq!(codes.len(), 3000);
    let mut text = String::new();
    let mut specs = Vec::new();
    for c in &codes {
        text += &format!("Ali Karimi{c} met Hassan Smith{c} of the Council of Guardians N{c}. ");
        text +=
            &format!("Smith{c} said the National Council of Resistance of Iran (NCRI) agreed. ");
        specs.push(format!("PER Ali Karimi{c}"));
        specs.push(format!("PER Hassan Smith{c}"));
        specs.push(format!("ORG Council of Guardians N{c}"));
        specs.push(format!("PER Smith{c}"));
        specs.push("ORG National Council of Resistance of Iran".to_string());
    }
    let spec_refs: Vec<&str> = specs.iter().map(String::as_str).collect();
    let given = mentions(&text, &spec_refs);
    // Large enough that quadratic grouping would not finish within the test run.
    let (got, entities) = resolve(&text, given);
    // 15,000 given and 3,000 added acronyms; 3,000 people with a surname link, 3,000 other
    // people, 3,000 councils and one council of resistance.
    assert_eq!(got.len(), 18000);
    assert_eq!(entities.len(), 9001);
}

// ---- Properties --------------------------------------------------------------------------

/// Pieces of alias-heavy text: names, acronyms, triggers and punctuation in any order.
const PIECES: &[&str] = &[
    "Iran",
    "IRGC",
    "PMOI",
    "MEK",
    "U.S.",
    "People's",
    "People’s",
    "Mojahedin",
    "Mujahedeen",
    "Organization",
    "of",
    "the",
    "The",
    "Revolutionary",
    "Guard",
    "Corps",
    "Masjedi",
    "Iraj",
    "Smith",
    "(",
    ")",
    "/",
    ",",
    ".",
    "also",
    "known",
    "as",
    "Also",
    "or",
    "a.k.a.",
    "“",
    "”",
    "-",
    "e",
    "Khalq",
    "Société",
    "'s",
    "Mr.",
    "General",
    "AB",
    "Ω",
    "said",
    "\n\n",
];

fn mentions_from_capitals(text: &str, seed: usize) -> Vec<Mention> {
    let labels = [EntityLabel::Person, EntityLabel::Organization, EntityLabel::Location];
    let sources = [MentionSource::Gazetteer, MentionSource::Capitalization];
    let tokens = tokenize(text);
    let mut out: Vec<Mention> = Vec::new();
    let mut run: Option<Span> = None;
    for (i, token) in tokens.iter().enumerate() {
        let word = token.span.slice(text);
        if word.chars().next().is_some_and(char::is_uppercase) {
            run = Some(run.map_or(token.span, |r| r.cover(token.span)));
            continue;
        }
        if let Some(span) = run.take() {
            let k = seed.wrapping_add(i);
            out.push(Mention {
                span,
                label: labels[k % labels.len()],
                source: sources[k % sources.len()],
                entity: 0,
            });
        }
    }
    if let Some(span) = run {
        out.push(Mention {
            span,
            label: EntityLabel::Organization,
            source: MentionSource::Tagger,
            entity: 0,
        });
    }
    out
}

proptest! {
    #[test]
    fn any_text_keeps_the_contract(
        picks in proptest::collection::vec(0..PIECES.len(), 0..60),
        seed in 0usize..1000,
    ) {
        let text = picks.iter().map(|&p| PIECES[p]).collect::<Vec<_>>().join(" ");
        let given = mentions_from_capitals(&text, seed);
        let n_given = given.len();
        let (got, _entities) = resolve(&text, given);
        prop_assert!(got.len() >= n_given);
    }
}

#[test]
fn known_as_after_a_parenthetical_acronym() {
    check(
        "The Popular Front of Arvand (PFA/JFA), also known as the Jebhe-e-Arvand, met in Ahvaz.",
        &["ORG Popular Front of Arvand", "LOC Ahvaz"],
        "ORG Popular Front of Arvand = PFA (acronym-definition) = JFA (acronym-definition) \
           = Jebhe-e-Arvand (explicit-alias)
         LOC Ahvaz",
    );
}
