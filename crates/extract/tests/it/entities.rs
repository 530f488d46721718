//! Tests of the entities stage: each test one construction, in sentences written for these
//! tests with names the gazetteers do not hold wherever the construction allows, so that
//! they check the rules rather than the lists.

use claimgraph_extract::entities::RuleEntities;
use claimgraph_extract::timexes::RuleTimexes;
use claimgraph_extract::{EntityRecognizer, Input, TimexRecognizer};
use claimgraph_text::{split_sentences, tokenize};

/// Runs timexes then entities on `text` and compares the mentions, rendered as
/// "LABEL text", with `expected`.
fn check(text: &str, expected: &[&str]) {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
    let timexes = RuleTimexes::new().find(&input, &mut Vec::new());
    let mentions = RuleEntities::new().find(&input, &timexes);
    let got: Vec<String> =
        mentions.iter().map(|m| format!("{} {}", m.label.as_str(), m.span.slice(text))).collect();
    assert_eq!(got, expected, "in {text:?}");
}

#[test]
fn titles_are_left_out_of_person_spans() {
    check(
        "Brigadier General Farhad Qorbani visited the front on Tuesday.",
        &["PER Farhad Qorbani"],
    );
    check("Gen. Tavakol Ramezani denied the report.", &["PER Tavakol Ramezani"]);
    check(
        "Iranian President Hassan Velayati met Prime Minister Narendra Joshi.",
        &["MISC Iranian", "PER Hassan Velayati", "PER Narendra Joshi"],
    );
    check("The agency's Director-General Amadou Keita warned donors.", &["PER Amadou Keita"]);
    check("Mr Obrenko and Dr. Salimova signed the letter.", &["PER Obrenko", "PER Salimova"]);
    check("The deal was approved by president Afwanda.", &["PER Afwanda"]);
    check("Supreme Leader Ali Khadivi spoke in Qom.", &["PER Ali Khadivi", "LOC Qom"]);
}

#[test]
fn apposition_and_speech_make_persons() {
    check("Kavandi, the commander of the unit, was arrested.", &["PER Kavandi"]);
    check("The claim was repeated by Zorbenko, who denied it.", &["PER Zorbenko"]);
    check("“We will not yield,” Marvosh said.", &["PER Marvosh"]);
}

#[test]
fn organizations_by_head_word() {
    check(
        "The Quds Corps and the Ashkan Resistance Council issued statements.",
        &["ORG Quds Corps", "ORG Ashkan Resistance Council"],
    );
    check(
        "The Ministry of Defense and the Ministry of Roads and Urban Development disagreed.",
        &["ORG Ministry of Defense", "ORG Ministry of Roads and Urban Development"],
    );
    check(
        "The National Council of Resistance of Iran held a rally in Berlin.",
        &["ORG National Council of Resistance of Iran", "LOC Berlin"],
    );
    check(
        "A statement from the Ministry of Foreign Affairs followed.",
        &["ORG Ministry of Foreign Affairs"],
    );
    check("The Iranian Foreign Ministry summoned the envoy.", &["ORG Iranian Foreign Ministry"]);
    check("He studied at the University of Tabrivan.", &["ORG University of Tabrivan"]);
    check("The Zentara Organization denied it.", &["ORG Zentara Organization"]);
    check("The Defense Ministry said so.", &["ORG Defense Ministry"]);
}

#[test]
fn known_names_and_acronyms() {
    check(
        "The UN and NATO condemned the attack; Hezbollah did not.",
        &["ORG UN", "ORG NATO", "ORG Hezbollah"],
    );
    check("The PFDRJ ruled for decades.", &["ORG PFDRJ"]);
    check("Us and them, said the WHO.", &["ORG WHO"]);
}

#[test]
fn a_word_in_capitals_before_a_colon_at_a_line_start_is_a_label() {
    check("Net profit rose to 4.1 mln dlrs.\nNOTE: results include a one-time gain.", &[]);
    check("CORRECTION: the vote was on Tuesday.", &[]);
    // A transcript's speaker is a name.
    check(
        "Jake Tapper asked Ann Lowe about it.\nTAPPER: Do you think so?\nLOWE: I do.",
        &["PER Jake Tapper", "PER Ann Lowe", "PER TAPPER", "PER LOWE"],
    );
    // A word heading a row of figures is no name, even one that is also a surname.
    check("Shr 45 cts vs 58 cts\nSales 7.9 mln vs 9.4 mln", &[]);
    // Inside a sentence the same shape is still an acronym.
    check("The report of the PFDRJ: a list of camps.", &["ORG PFDRJ"]);
}

#[test]
fn places_from_gazetteers_and_head_words() {
    check(
        "Protests spread from Tehran to Isfahan and Mashhad in Iran.",
        &["LOC Tehran", "LOC Isfahan", "LOC Mashhad", "LOC Iran"],
    );
    check(
        "Floods hit Sistan and Baluchestan Province and the Zorvan River.",
        &["LOC Sistan and Baluchestan Province", "LOC Zorvan River"],
    );
    check(
        "Ships crossed the Gulf of Oman near Mount Darvand.",
        &["LOC Gulf of Oman", "LOC Mount Darvand"],
    );
    check("The United States and Saudi Arabia agreed.", &["LOC United States", "LOC Saudi Arabia"]);
    check("The U.S. and the UK objected.", &["LOC U.S.", "LOC UK"]);
    check("Talks in Bosnia and Herzegovina resumed.", &["LOC Bosnia and Herzegovina"]);
    check("They fled to Kervanistan last year.", &["LOC Kervanistan"]);
}

#[test]
fn nationalities_and_groups_are_misc() {
    check(
        "Iranian and Syrian officials met Houthis and Kurds.",
        &["MISC Iranian", "MISC Syrian", "MISC Houthis", "MISC Kurds"],
    );
    check("Costa Ricans and Chinese tourists came.", &["MISC Costa Ricans", "MISC Chinese"]);
    check("Shiite and Sunni clerics spoke.", &["MISC Shiite", "MISC Sunni"]);
}

#[test]
fn events_and_laws_are_misc() {
    check(
        "The Covid-19 pandemic began after World War II ended long before.",
        &["MISC Covid-19", "MISC World War II"],
    );
    check(
        "Operation Desert Hammer followed the Zarvan Accord and the Battle of Kharrun.",
        &["MISC Operation Desert Hammer", "MISC Zarvan Accord", "MISC Battle of Kharrun"],
    );
}

#[test]
fn given_names_make_unknown_names_persons() {
    check(
        "Maryam Tavassoli and Qassem Borujerdi were detained.",
        &["PER Maryam Tavassoli", "PER Qassem Borujerdi"],
    );
    check("John Kowalczyk wrote to Alireza Nabavi.", &["PER John Kowalczyk", "PER Alireza Nabavi"]);
    check("Xi Jinlong met Abdullah bin Faisal.", &["PER Xi Jinlong", "PER Abdullah bin Faisal"]);
    check("They spoke to Bashar al-Zoubi.", &["PER Bashar al-Zoubi"]);
    check("A letter to J. R. Hollis was sent.", &["PER J. R. Hollis"]);
}

#[test]
fn sentence_initial_words_are_not_names() {
    check("However, the talks failed.", &[]);
    check("The report was published. Yesterday it was withdrawn.", &[]);
    check("Officials said nothing. Later officials denied it.", &[]);
    check("In Tabriz, the police arrived.", &["LOC Tabriz"]);
    check("Foreigners were told to leave.", &[]);
}

#[test]
fn possessives_and_hyphens() {
    check("Iran's Revolutionary Guard Corps grew.", &["LOC Iran", "ORG Revolutionary Guard Corps"]);
    check(
        "The People's Mujahedin Organization of Iran responded.",
        &["ORG People's Mujahedin Organization of Iran"],
    );
    check("The Tehran-Karaj road was closed.", &["LOC Tehran", "LOC Karaj"]);
    check("Ahmad Zarvin-Kolahi ended the talks.", &["PER Ahmad Zarvin-Kolahi"]);
    check("Iran-backed militias attacked.", &["LOC Iran"]);
}

#[test]
fn all_caps_headlines_use_only_gazetteers() {
    check(
        "IRAN ACCUSES SAUDI ARABIA OF PLOT\n\nThe ministry said more.",
        &["LOC IRAN", "LOC SAUDI ARABIA"],
    );
}

#[test]
fn document_consistency_carries_labels() {
    check(
        "Daniel Okonjo arrived on Monday. Later, Okonjo said the visit went well.",
        &["PER Daniel Okonjo", "PER Okonjo"],
    );
    check("Senator Kalvani spoke first. Kalvani then left.", &["PER Kalvani", "PER Kalvani"]);
}

#[test]
fn dates_and_ordinary_capitals_are_skipped() {
    check("On Monday, March 3, nothing happened.", &[]);
    check("I told him so.", &[]);
}

#[test]
fn empty_and_odd_input() {
    check("", &[]);
    check("...", &[]);
    check("- - -", &[]);
    check("A", &[]);
}

/// The embedded resources load and are used (their load time is measured by the bench,
/// not here: tests check behaviour, not speed).
#[test]
fn embedded_resources_load() {
    check("Officials met in Mombasa and Chiang Mai.", &["LOC Mombasa", "LOC Chiang Mai"]);
}

#[test]
fn newspaper_names_are_organizations() {
    check(
        "The Valparaiso Courier reported the damage, and the Evening Standard repeated it.",
        &["ORG Valparaiso Courier", "ORG Evening Standard"],
    );
}

#[test]
fn a_place_before_unmarked_capitalized_words_names_an_organization() {
    check("Shares of Qatar Zandrofix fell sharply.", &["ORG Qatar Zandrofix"]);
    check("He signed for Perth Velmora Rovers in May.", &["ORG Perth Velmora Rovers"]);
    check("Analysts expect the Federal Reserve to act.", &["ORG Federal Reserve"]);
    // A full name after a country is a person, and a place before a head word keeps its
    // own rule.
    check(
        "Reports from Nicaragua Daniel Velmont denied were printed.",
        &["LOC Nicaragua", "PER Daniel Velmont"],
    );
    check("The Tabriz Province council met.", &["LOC Tabriz Province"]);
}

#[test]
fn compound_demonyms_come_from_compound_place_names() {
    check(
        "Central African troops met West African envoys.",
        &["MISC Central African", "MISC West African"],
    );
    check("Papua New Guineans voted.", &["MISC Papua New Guineans"]);
    check("African envoys toured Central Africa.", &["MISC African", "LOC Central Africa"]);
}

#[test]
fn possessive_company_names_keep_their_s() {
    check(
        "Ratings from Moody’s and Standard & Poor's were cut.",
        &["ORG Moody’s", "ORG Standard & Poor's"],
    );
    check("Iran's economy and Iran’s exports shrank.", &["LOC Iran", "LOC Iran"]);
    check(
        "The People’s Velmoran Army and the Workers’ Zandro Party marched.",
        &["ORG People’s Velmoran Army", "ORG Workers’ Zandro Party"],
    );
}

#[test]
fn letters_against_a_currency_sign_are_no_name() {
    check("A loan of US$ 40 million came from the US.", &["LOC US"]);
    check("It cost HK$5 in Hong Kong.", &["LOC Hong Kong"]);
}

#[test]
fn office_words_before_a_name_are_not_the_name() {
    check("The Chancellor of the Exchequer Nigel Parsons spoke.", &["PER Nigel Parsons"]);
    check("The Leader of the Opposition Helen Parsons objected.", &["PER Helen Parsons"]);
    // A name-list word first is the person's own.
    check("A speech of Marta Nigel Parsons followed.", &["PER Marta Nigel Parsons"]);
    check("A cousin of Nigel Velmont spoke.", &["PER Nigel Velmont"]);
}

#[test]
fn a_name_list_word_after_the_is_a_person_only_before_a_family_or_government_noun() {
    check("Talks between the West and the House stalled.", &[]);
    check("The Miller family and the Miller government disagreed.", &["PER Miller", "PER Miller"]);
    check("Anna West arrived, and the West wing was closed.", &["PER Anna West", "PER West"]);
}

#[test]
fn schools_churches_and_companies_by_head_word() {
    check(
        "She taught at Nakoru Community School and prayed at Velmont Church.",
        &["ORG Nakoru Community School", "ORG Velmont Church"],
    );
    check(
        "Bravik Textiles Limited listed on the Zandor Stock Exchange.",
        &["ORG Bravik Textiles Limited", "ORG Zandor Stock Exchange"],
    );
    check("The Church said nothing.", &[]);
}
