//! Recognition: what is a place mention, what is not, and relative locations.

use claimgraph_model::{GeoPrecision, PlaceKind};

use crate::{geoparse, km_from, toponym};

#[test]
fn demonyms_resolve_to_their_country() {
    let text = "Iranian officials met American and Syrian envoys in the Syrian city of Aleppo.";
    let found = geoparse(text);
    let iranian = toponym(text, &found, "Iranian");
    assert_eq!((iranian.name.as_str(), iranian.kind), ("Iran", PlaceKind::Country));
    assert_eq!(toponym(text, &found, "American").name, "United States");
    assert_eq!(toponym(text, &found, "Syrian").name, "Syria");
    assert!(km_from(toponym(text, &found, "Aleppo"), 36.2, 37.16) < 30.0);
}

#[test]
fn an_unknown_town_after_a_place_noun_stays_without_coordinates() {
    let text = "Gunmen attacked the town of Qaryat Zubaydeen overnight.";
    let found = geoparse(text);
    let town = toponym(text, &found, "Qaryat Zubaydeen");
    assert_eq!((town.lat, town.lon, town.geonames_id), (None, None, None));
}

#[test]
fn multi_word_names_match_whole() {
    let text = "Flights from Rio de Janeiro and New York landed in Bosnia and Herzegovina.";
    let found = geoparse(text);
    let spans: Vec<&str> = found.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(spans, ["Rio de Janeiro", "New York", "Bosnia and Herzegovina"]);
}

#[test]
fn common_words_and_person_names_are_not_places() {
    let text = "In May, Reading the report, Nice people said Bill Clinton met Barack Obama. \
                Later Obama spoke.";
    let found = geoparse(text);
    let spans: Vec<&str> = found.iter().map(|t| t.span.slice(text)).collect();
    assert!(spans.is_empty(), "{spans:?}");
}

#[test]
fn relative_location_near_and_distance() {
    let text = "The convoy was hit 20 km north of Tehran and later near Karaj.";
    let found = geoparse(text);
    let tehran = toponym(text, &found, "Tehran");
    assert_eq!(tehran.precision, GeoPrecision::Near);
    let q = tehran.qualifier.expect("qualifier");
    assert_eq!(q.slice(text), "20 km north of");
    let karaj = toponym(text, &found, "Karaj");
    assert_eq!(karaj.precision, GeoPrecision::Near);
    assert_eq!(karaj.qualifier.map(|q| q.slice(text)), Some("near"));
}

#[test]
fn in_and_around_is_a_region() {
    let text = "Shelling continued in and around Aleppo.";
    let found = geoparse(text);
    let aleppo = toponym(text, &found, "Aleppo");
    assert_eq!(aleppo.precision, GeoPrecision::Region);
    assert_eq!(aleppo.qualifier.map(|q| q.slice(text)), Some("in and around"));
}

#[test]
fn plain_mentions_are_exact() {
    let text = "Protests spread to Tehran.";
    let found = geoparse(text);
    let tehran = toponym(text, &found, "Tehran");
    assert_eq!((tehran.precision, tehran.qualifier), (GeoPrecision::Exact, None));
}

#[test]
fn a_highway_between_two_cities_is_placed_between_them() {
    let text = "The bus crashed near kilometer 20 of the Tehran-Karaj highway.";
    let found = geoparse(text);
    let tehran = toponym(text, &found, "Tehran");
    let karaj = toponym(text, &found, "Karaj");
    assert_eq!(tehran.lat, karaj.lat);
    // The midpoint: about 17 km from each end.
    assert!(km_from(tehran, 35.69, 51.42) < 30.0 && km_from(tehran, 35.83, 50.99) < 30.0);
    assert_eq!(tehran.precision, GeoPrecision::Near);
    let q = tehran.qualifier.expect("qualifier").slice(text);
    assert_eq!(q, "near kilometer 20 of the Tehran-Karaj highway");
}

#[test]
fn us_state_abbreviations_after_a_town() {
    let text = "He grew up in London, Ky., and moved to Paris, Tenn.";
    let found = geoparse(text);
    let london = toponym(text, &found, "London");
    assert!(km_from(london, 37.13, -84.08) < 50.0, "{london:?}");
    assert_eq!(toponym(text, &found, "Ky.").name, "Kentucky");
    assert!(km_from(toponym(text, &found, "Paris"), 36.3, -88.33) < 50.0);
}

#[test]
fn toponyms_are_sorted_and_do_not_overlap() {
    let text = "From Tehran to Karaj, Iran, and on to Iraq, Syria and Lebanon.";
    let found = geoparse(text);
    for pair in found.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{pair:?}");
    }
}

#[test]
fn odd_text_does_not_panic() {
    for text in ["", " ", "—", "Paris,", ", Texas", "of the town of", "US-", "-Karaj highway"] {
        let _ = geoparse(text);
    }
}

#[test]
fn a_currency_prefix_is_not_a_place() {
    let text = "Donors pledged US$5 million and $US 3 million more to Kenya.";
    let found = geoparse(text);
    let spans: Vec<&str> = found.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(spans, ["Kenya"]);
}

#[test]
fn a_capitalized_word_opening_a_sentence_does_not_make_a_town_a_surname() {
    let text = "Overall Edmonton received a good grade. One Edmonton resident called in. \
                The report put Edmonton near the bottom.";
    let found = geoparse(text);
    let n = found.iter().filter(|t| t.span.slice(text) == "Edmonton").count();
    assert_eq!(n, 3, "{found:#?}");
    assert!(km_from(toponym(text, &found, "Edmonton"), 53.55, -113.47) < 30.0);
}

#[test]
fn a_town_before_an_institution_is_a_place() {
    let text = "The Toronto Police said on Monday that the Winnipeg Fire Department knew.";
    let found = geoparse(text);
    assert!(km_from(toponym(text, &found, "Toronto"), 43.7, -79.4) < 30.0);
    assert!(km_from(toponym(text, &found, "Winnipeg"), 49.9, -97.1) < 30.0);
}

#[test]
fn a_name_before_a_school_or_a_surname_stays_a_name() {
    let text = "Parents at Kennedy Elementary School met Tyler Perry in the gym.";
    let found = geoparse(text);
    let spans: Vec<&str> = found.iter().map(|t| t.span.slice(text)).collect();
    assert!(spans.is_empty(), "{spans:?}");
}

#[test]
fn datelines_in_capitals_are_places() {
    let text = "CHARLESTON, W.Va. -- Officials said the NATO plan was new.\n\n\
                TORRINGTON — The council met.";
    let found = geoparse(text);
    assert_eq!(toponym(text, &found, "W.Va.").name, "West Virginia");
    assert!(km_from(toponym(text, &found, "CHARLESTON"), 38.35, -81.63) < 30.0);
    toponym(text, &found, "TORRINGTON");
    assert!(found.iter().all(|t| t.span.slice(text) != "NATO"));
}

#[test]
fn state_abbreviations_alone() {
    let text = "Rep. Ann Lee, D-S.C., said the S.C. Highway Patrol and police in W. Va. \
                agreed. He attended Mass. Then he left.";
    let found = geoparse(text);
    let spans: Vec<&str> = found.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(spans, ["S.C.", "S.C.", "W. Va."], "{found:#?}");
    assert_eq!(toponym(text, &found, "W. Va.").name, "West Virginia");
}

#[test]
fn demonyms_in_species_disease_and_ethnic_names_are_not_places() {
    let text = "African swine fever and Egyptian fruit bats worried Native Americans \
                as much as Japanese encephalitis did.";
    let found = geoparse(text);
    let spans: Vec<&str> = found.iter().map(|t| t.span.slice(text)).collect();
    assert!(spans.is_empty(), "{spans:?}");
}

#[test]
fn an_article_opening_the_sentence_is_not_part_of_a_county() {
    let text = "A Dallas County jury convicted him.";
    let found = geoparse(text);
    let spans: Vec<&str> = found.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(spans, ["Dallas County"]);
}

#[test]
fn names_with_french_and_arabic_connectors_match_whole() {
    let text = "Aid reached Port-au-Prince from Dar es Salaam.";
    let found = geoparse(text);
    let spans: Vec<&str> = found.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(spans, ["Port-au-Prince", "Dar es Salaam"]);
}
