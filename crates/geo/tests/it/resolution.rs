//! Resolution: the same name goes to different places depending on the document.

use claimgraph_model::PlaceKind;

use crate::{geoparse, km_from, toponym};

#[test]
fn paris_alone_is_the_french_capital() {
    let text = "The delegates met in Paris on Tuesday.";
    let found = geoparse(text);
    assert!(km_from(toponym(text, &found, "Paris"), 48.85, 2.35) < 50.0);
}

#[test]
fn paris_with_a_state_qualifier_is_in_texas() {
    let text =
        "The storm hit Paris, Texas, late on Monday. Paris officials said roads were closed.";
    let found = geoparse(text);
    let first = toponym(text, &found, "Paris");
    assert!(km_from(first, 33.66, -95.55) < 50.0, "{first:?}");
    // One sense per document: the second, unqualified Paris is the same town.
    let second =
        found.iter().filter(|t| t.span.slice(text) == "Paris").nth(1).expect("second Paris");
    assert_eq!(second.geonames_id, first.geonames_id);
}

#[test]
fn paris_in_a_texas_story_without_a_qualifier() {
    let text = "Lamar County deputies in Texas searched near Paris after the flood. \
                Residents of Dallas sent supplies to Paris.";
    let found = geoparse(text);
    assert!(km_from(toponym(text, &found, "Paris"), 33.66, -95.55) < 50.0);
}

#[test]
fn tripoli_follows_the_country_in_the_document() {
    let text = "Clashes broke out in Tripoli, the second city of Lebanon, near Beirut.";
    let found = geoparse(text);
    assert!(km_from(toponym(text, &found, "Tripoli"), 34.43, 35.84) < 50.0);

    let text = "In Libya, militias in Tripoli fought for control of the airport near Misrata.";
    let found = geoparse(text);
    assert!(km_from(toponym(text, &found, "Tripoli"), 32.89, 13.19) < 50.0);
}

#[test]
fn georgia_is_the_country_near_russia_and_the_state_near_atlanta() {
    let text = "Russia and Georgia exchanged accusations; Armenia called for talks.";
    let found = geoparse(text);
    let georgia = toponym(text, &found, "Georgia");
    assert_eq!(georgia.kind, PlaceKind::Country);

    let text = "Voters in Atlanta and Savannah turned out as Georgia counted ballots.";
    let found = geoparse(text);
    let georgia = toponym(text, &found, "Georgia");
    assert_eq!(georgia.kind, PlaceKind::Region, "{georgia:?}");
    assert!(km_from(georgia, 32.75, -83.5) < 161.0);
}

#[test]
fn a_city_qualified_by_its_country() {
    let text = "The factory is in Karaj, Iran, west of the capital.";
    let found = geoparse(text);
    let karaj = toponym(text, &found, "Karaj");
    assert_eq!(karaj.kind, PlaceKind::City);
    assert!(km_from(karaj, 35.83, 50.99) < 30.0);
    assert_eq!(toponym(text, &found, "Iran").kind, PlaceKind::Country);
}

#[test]
fn washington_is_the_capital_unless_the_state_is_meant() {
    let text = "Officials in Washington said the sanctions would stay.";
    let found = geoparse(text);
    assert!(km_from(toponym(text, &found, "Washington"), 38.9, -77.04) < 30.0);
}

#[test]
fn reasons_are_given() {
    let text = "The storm hit Paris, Texas.";
    let found = geoparse(text);
    let paris = toponym(text, &found, "Paris");
    assert!(paris.reason.contains("qualified"), "{}", paris.reason);
}
