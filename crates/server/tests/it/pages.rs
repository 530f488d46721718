//! Every page, parsed, with what a reader should find on it selected by `data-` attributes.

use axum::http::StatusCode;

use crate::common::{document_id, get, select, store, text_of};

fn assert_page(reply: &crate::common::Reply, page: &str) {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let csp =
        reply.headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe"), "{csp}");
    let html = reply.html();
    assert_eq!(select(&html, &format!("main[data-page=\"{page}\"]")).len(), 1, "page {page}");
    // Nothing from elsewhere, no script at all.
    assert!(select(&html, "script").is_empty());
    for link in select(&html, "link[href], img[src], image[href]") {
        let target = link.value().attr("href").or_else(|| link.value().attr("src")).unwrap_or("");
        assert!(target.starts_with('/'), "external resource {target}");
    }
}

#[tokio::test]
async fn search_page_lists_hits_an_entity_and_filtered_claims() {
    let home = get("/").await;
    assert_page(&home, "search");
    assert_eq!(select(&home.html(), "[data-stats]").len(), 1);

    let reply = get("/search?q=Coastal%20Safety%20Agency").await;
    assert_page(&reply, "search");
    let html = reply.html();
    assert_eq!(select(&html, "[data-section=entity] [data-entity]").len(), 1);
    assert!(!select(&html, "[data-hit]").is_empty());
    assert!(!select(&html, "[data-hit] mark").is_empty(), "matched words marked");

    let filtered = get("/search?place=Valparaiso&since=2023-03-01&until=2023-03-31&by=").await;
    assert_page(&filtered, "search");
    assert!(select(&filtered.html(), "[data-section=claims] [data-claim-id]").len() >= 2);
}

#[tokio::test]
async fn document_page_marks_attributions_and_entities_in_the_text() {
    let id = document_id("harbor-1");
    let reply = get(&format!("/documents/{id}")).await;
    assert_page(&reply, "document");
    let html = reply.html();
    let text: String = select(&html, "[data-section=text]").iter().map(text_of).collect();
    let stored = store().document("harbor-1").expect("doc");
    assert_eq!(text, stored.text, "the text is shown whole and unchanged");
    assert!(!select(&html, "[data-section=text] .source").is_empty(), "sources marked");
    assert!(!select(&html, "[data-section=text] .cue").is_empty(), "cues marked");
    assert!(!select(&html, "[data-section=text] .ent-ORG").is_empty(), "organizations highlighted");
    assert!(!select(&html, "[data-section=text] .place").is_empty(), "places highlighted");
    // Selecting a claim's content leads to its card, which links to its provenance.
    for mark in select(&html, "[data-section=text] a[data-claim]") {
        let claim = mark.value().attr("data-claim").expect("id");
        assert_eq!(mark.value().attr("href"), Some(format!("#c-{claim}").as_str()));
        assert_eq!(
            select(&html, &format!("#c-{claim} [data-claim-link]")).len(),
            1,
            "card for {claim}"
        );
    }
    let publisher = select(&html, "[data-meta=Publisher]");
    assert_eq!(publisher.iter().map(text_of).collect::<String>(), "Harbor Daily");
    assert_eq!(select(&html, "[data-meta=URL] a").len(), 1, "an https URL is a link");
}

#[tokio::test]
async fn claim_page_draws_the_provenance_path() {
    let doc = store().document("wire-2").expect("doc");
    let relayed =
        doc.claims.iter().find(|c| !c.relays.is_empty()).expect("a relayed claim in wire-2");
    let reply = get(&format!("/documents/{}/claims/{}", doc.summary.id, relayed.id)).await;
    assert_page(&reply, "claim");
    let html = reply.html();
    let steps: Vec<String> = select(&html, "[data-section=provenance] [data-step]")
        .iter()
        .map(|s| s.value().attr("data-step").unwrap_or("").to_string())
        .collect();
    assert_eq!(steps.first().map(String::as_str), Some("publisher"));
    assert_eq!(steps.last().map(String::as_str), Some("source"));
    assert!(steps.iter().any(|s| s == "relay"), "{steps:?}");
    assert_eq!(select(&html, "[data-carrier=this] mark").len(), 1);
    assert_eq!(select(&html, "[data-credibility]").len(), 1);
    assert_eq!(select(&html, "[data-reliability]").len(), 1);
    let missing = get(&format!("/documents/{}/claims/999999", doc.summary.id)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(select(&missing.html(), "[data-error=\"404\"]").len(), 1);
}

#[tokio::test]
async fn entity_page_shows_names_with_evidence_and_claims() {
    let reply = get("/entities/Coastal%20Safety%20Agency").await;
    assert_page(&reply, "entity");
    let html = reply.html();
    assert!(!select(&html, "[data-section=aliases] [data-alias]").is_empty());
    assert!(
        !select(&html, "[data-section=statements] [data-claim-id]").is_empty(),
        "claims it makes"
    );
    assert!(
        !select(&html, "[data-section=claims-about] [data-claim-id]").is_empty(),
        "claims about it"
    );
    assert!(!select(&html, "[data-section=co-occurring] [data-entity]").is_empty());
    assert_eq!(get("/entities/Nobody%20At%20All").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn source_pages_list_sources_and_what_one_said() {
    let list = get("/sources").await;
    assert_page(&list, "sources");
    assert!(!select(&list.html(), "[data-source=\"Harbor Daily\"]").is_empty());
    let one = get("/sources/Coastal%20Safety%20Agency").await;
    assert_page(&one, "source");
    let html = one.html();
    assert_eq!(select(&html, "[data-rating]").len(), 1);
    assert!(!select(&html, "[data-section=claims] [data-claim-id]").is_empty());
}

#[tokio::test]
async fn timeline_map_and_graph_pages_draw_without_script() {
    let timeline = get("/timeline").await;
    assert_page(&timeline, "timeline");
    assert!(!select(&timeline.html(), "svg [data-bar=\"2023-03\"]").is_empty());
    let filtered = get("/timeline?about=Coastal%20Safety%20Agency").await;
    assert_page(&filtered, "timeline");

    let map = get("/map").await;
    assert_page(&map, "map");
    let html = map.html();
    assert!(
        select(&html, "svg circle[data-place]")
            .iter()
            .any(|c| c.value().attr("data-place").is_some_and(|p| p.starts_with("Valpara")))
    );
    // Points use the outline's projection: x = lon + 180, y = 90 − lat.
    let places = get("/api/v1/map").await.json();
    for place in places["places"].as_array().expect("places") {
        let name = place["name"].as_str().expect("name");
        let circle = select(&html, "svg circle[data-place]")
            .into_iter()
            .find(|c| c.value().attr("data-place") == Some(name))
            .expect("a point per place");
        let x: f64 = circle.value().attr("cx").and_then(|v| v.parse().ok()).expect("cx");
        let y: f64 = circle.value().attr("cy").and_then(|v| v.parse().ok()).expect("cy");
        let (lat, lon) = (place["lat"].as_f64().expect("lat"), place["lon"].as_f64().expect("lon"));
        assert!((x - (lon + 180.0)).abs() < 0.01 && (y - (90.0 - lat)).abs() < 0.01, "{name}");
    }
    let world = get("/assets/world.svg").await;
    assert_eq!(world.status, StatusCode::OK);
    assert!(world.body.starts_with("<svg") && world.body.len() > 50_000);

    let graph = get("/graph").await;
    assert_page(&graph, "graph");
    let html = graph.html();
    assert!(!select(&html, "svg [data-node]").is_empty());
    assert!(!select(&html, "[data-section=edges] [data-edge]").is_empty());
}

#[tokio::test]
async fn unknown_pages_are_404_pages() {
    let reply = get("/no/such/page").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(select(&reply.html(), "[data-error=\"404\"]").len(), 1);
    let css = get("/assets/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(
        css.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/css"))
    );
}
