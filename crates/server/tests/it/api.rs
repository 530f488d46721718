//! The JSON API: every route, its errors, the OpenAPI document, and writes with tokens.

use axum::http::{Method, StatusCode};
use claimgraph_server::api::openapi::{OPERATIONS, document};
use serde_json::Value;

use crate::common::{TOKEN, call, document_id, get, ingest_into, router, router_with, store};

#[tokio::test]
async fn stats_count_the_fixture_documents() {
    let reply = get("/api/v1/stats").await;
    assert_eq!(reply.status, StatusCode::OK);
    let stats = reply.json();
    assert_eq!(stats["documents"], 5);
    assert!(stats["claims"].as_u64().unwrap_or(0) >= 5, "{stats}");
}

#[tokio::test]
async fn search_finds_documents_and_claims_and_asks_for_words() {
    let reply = get("/api/v1/search?q=fishing%20boats&limit=10").await;
    assert_eq!(reply.status, StatusCode::OK);
    let hits = reply.json();
    assert!(hits["count"].as_u64().unwrap_or(0) >= 2, "{hits}");
    let kinds: Vec<&str> =
        hits["items"].as_array().into_iter().flatten().filter_map(|h| h["kind"].as_str()).collect();
    assert!(kinds.iter().all(|k| ["document", "claim"].contains(k)));
    let missing = get("/api/v1/search").await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.json()["error"]["code"], "bad_request");
}

#[tokio::test]
async fn a_document_comes_with_text_entities_and_claims_with_provenance() {
    let reply = get("/api/v1/documents/harbor-1").await;
    assert_eq!(reply.status, StatusCode::OK);
    let doc = reply.json();
    assert_eq!(doc["document"]["publisher"], "Harbor Daily");
    assert_eq!(doc["document"]["date"], "2023-03-14");
    let text = doc["text"].as_str().expect("text");
    let claims = doc["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    for claim in claims {
        let (start, end) = (
            claim["span"]["start"].as_u64().expect("start"),
            claim["span"]["end"].as_u64().expect("end"),
        );
        assert!(start <= end && end as usize <= text.len(), "span inside the text");
        assert!(claim["assessment"]["credibility"].as_u64().is_some());
    }
    assert!(
        claims.iter().any(|c| c["source"]["name"].as_str().is_some_and(|s| s.contains("Agency"))),
        "{doc}"
    );

    let id = claims[0]["id"].as_i64().expect("claim id");
    let one = get(&format!("/api/v1/documents/harbor-1/claims/{id}")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json()["id"], id);
    let gone = get("/api/v1/documents/harbor-1/claims/999999").await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn errors_follow_the_table() {
    let missing = get("/api/v1/documents/no-such-document").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"]["code"], "not_found");
    let bad_date = get("/api/v1/claims?since=March").await;
    assert_eq!(bad_date.status, StatusCode::BAD_REQUEST);
    assert!(bad_date.json()["error"]["message"].as_str().unwrap_or("").contains("since"));
    let no_route = get("/api/v1/nothing-here").await;
    assert_eq!(no_route.status, StatusCode::NOT_FOUND);
    assert_eq!(no_route.json()["error"]["code"], "no_route");
    let bad_id = get("/api/v1/documents/harbor-1/claims/not-a-number").await;
    assert_eq!(bad_id.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn entities_claims_sources_and_the_aggregates() {
    let entity = get("/api/v1/entities/Coastal%20Safety%20Agency").await;
    assert_eq!(entity.status, StatusCode::OK, "{}", entity.body);
    let profile = entity.json();
    assert_eq!(profile["entity"]["label"], "ORG");
    assert!(!profile["aliases"].as_array().expect("aliases").is_empty());

    let claims = get("/api/v1/claims?place=Valparaiso&since=2023-03-01&until=2023-12-31").await;
    assert_eq!(claims.status, StatusCode::OK);
    let claims = claims.json();
    assert!(claims["count"].as_u64().unwrap_or(0) >= 2, "{claims}");
    for claim in claims["items"].as_array().expect("items") {
        assert!(
            claim["places"].as_array().expect("places").iter().any(|p| p["name"] == "Valparaíso"
                || p["name"] == "Valparaiso"
                || p["text"] == "Valparaiso"),
            "{claim}"
        );
    }

    let sources = get("/api/v1/sources").await.json();
    let names: Vec<&str> = sources["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(names.contains(&"Harbor Daily"), "{names:?}");

    let timeline = get("/api/v1/timeline").await.json();
    let buckets = timeline["buckets"].as_array().expect("buckets");
    assert!(buckets.iter().any(|b| b["month"] == "2023-03"), "{timeline}");
    let map = get("/api/v1/map").await.json();
    let places = map["places"].as_array().expect("places");
    assert!(
        places.iter().any(|p| p["name"].as_str().is_some_and(|n| n.starts_with("Valpara"))),
        "{map}"
    );
    assert!(places.iter().all(|p| p["lat"].is_number() && p["lon"].is_number()));
    let graph = get("/api/v1/graph").await.json();
    assert!(!graph["edges"].as_array().expect("edges").is_empty(), "{graph}");
}

/// Structural validation of the OpenAPI document (no validator crate offline): the
/// version, every operation with responses, every `$ref` resolving.
#[tokio::test]
async fn the_openapi_document_is_valid_and_served() {
    let reply = get("/api/v1/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK);
    let doc = reply.json();
    assert_eq!(doc, document());
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for reference in refs {
        let pointer = reference.strip_prefix('#').expect("local ref");
        assert!(doc.pointer(pointer).is_some(), "unresolved {reference}");
    }
    for (path, item) in doc["paths"].as_object().expect("paths") {
        assert!(path.starts_with('/'));
        for (method, op) in item.as_object().expect("path item") {
            assert!(["get", "post"].contains(&method.as_str()));
            assert!(op["responses"]["200"].is_object(), "{method} {path}");
            for param in op["parameters"].as_array().expect("parameters") {
                if param["in"] == "path" {
                    assert!(
                        path.contains(&format!("{{{}}}", param["name"].as_str().expect("name")))
                    );
                }
            }
        }
    }
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                if key == "$ref" {
                    out.extend(item.as_str().map(str::to_string));
                } else {
                    collect_refs(item, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_refs(item, out)),
        _ => {}
    }
}

/// Every operation the document lists exists on the router: reads answer 200, writes
/// without a token 401 (never the router's "no route").
#[tokio::test]
async fn openapi_lists_every_route() {
    let doc_id = document_id("harbor-1");
    let claim_id = store().document("harbor-1").expect("doc").claims[0].id;
    for op in OPERATIONS {
        let uri = format!(
            "/api/v1{}",
            op.path
                .replace("{key}", &doc_id.to_string())
                .replace("{claim_id}", &claim_id.to_string())
                .replace("{name}", "Coastal%20Safety%20Agency")
        );
        let uri = if op.path == "/search" { format!("{uri}?q=storm") } else { uri };
        let method = if op.method == "post" { Method::POST } else { Method::GET };
        let reply = call(router(), method, &uri, None, Some("{}").filter(|_| op.write)).await;
        let expected = if op.write { StatusCode::UNAUTHORIZED } else { StatusCode::OK };
        assert_eq!(reply.status, expected, "{} {uri}: {}", op.method, reply.body);
    }
}

#[tokio::test]
async fn writes_need_a_valid_token() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ingest_into(dir.path(), &["reports.jsonl"]);
    let rate = r#"{"source": "Harbor Daily", "grade": "B"}"#;
    for token in [None, Some("wrong-token")] {
        for (uri, body) in [
            ("/api/v1/sources/rating", rate),
            (
                "/api/v1/entities/merge",
                r#"{"into": "Port Workers Union", "from": "Coastal Safety Agency"}"#,
            ),
            ("/api/v1/entities/split", r#"{"entity": "Port Workers Union", "merge_id": 1}"#),
        ] {
            let reply =
                call(router_with(store.clone(), false), Method::POST, uri, token, Some(body)).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{uri} with {token:?}");
            assert_eq!(reply.json()["error"]["code"], "unauthorized");
        }
    }
    let bad = call(
        router_with(store.clone(), false),
        Method::POST,
        "/api/v1/sources/rating",
        Some(TOKEN),
        Some(r#"{"source": "Harbor Daily", "grade": "Q"}"#),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let rated = call(
        router_with(store.clone(), false),
        Method::POST,
        "/api/v1/sources/rating",
        Some(TOKEN),
        Some(rate),
    )
    .await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.body);
    assert_eq!(rated.json()["grade"], "B");
    assert_eq!(rated.json()["by"], "token:token");
    let sources =
        call(router_with(store.clone(), false), Method::GET, "/api/v1/sources", None, None)
            .await
            .json();
    let harbor = sources["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|s| s["name"] == "Harbor Daily")
        .cloned()
        .expect("listed");
    assert_eq!(harbor["rating"]["grade"], "B");

    // Marking a claim: refused without a token, then recorded with who and when, and the
    // verdict sets the claim's credibility.
    let claim_id = store.document("harbor-1").expect("doc").claims[0].id;
    let marks = format!("/api/v1/claims/{claim_id}/marks");
    let confirm = r#"{"status": "confirmed", "note": "checked with the port authority"}"#;
    for token in [None, Some("wrong-token")] {
        let reply =
            call(router_with(store.clone(), false), Method::POST, &marks, token, Some(confirm))
                .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "marks with {token:?}");
    }
    let bad = call(
        router_with(store.clone(), false),
        Method::POST,
        &marks,
        Some(TOKEN),
        Some(r#"{"status": "maybe"}"#),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let marked =
        call(router_with(store.clone(), false), Method::POST, &marks, Some(TOKEN), Some(confirm))
            .await;
    assert_eq!(marked.status, StatusCode::OK, "{}", marked.body);
    assert_eq!(marked.json()["status"], "confirmed");
    assert_eq!(marked.json()["by"], "token:token");
    let claim = call(
        router_with(store.clone(), false),
        Method::GET,
        &format!("/api/v1/claims/{claim_id}"),
        None,
        None,
    )
    .await;
    assert_eq!(claim.status, StatusCode::OK, "{}", claim.body);
    let claim = claim.json();
    assert_eq!(claim["marks"][0]["note"], "checked with the port authority");
    assert_eq!(claim["assessment"]["credibility"], 1);
    let missing = call(
        router_with(store.clone(), false),
        Method::POST,
        &format!("/api/v1/claims/{}/marks", claim_id + 100_000),
        Some(TOKEN),
        Some(confirm),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    let merged = call(
        router_with(store.clone(), false),
        Method::POST,
        "/api/v1/entities/merge",
        Some(TOKEN),
        Some(
            r#"{"into": "Coastal Safety Agency", "from": "Port Workers Union", "reason": "test"}"#,
        ),
    )
    .await;
    assert_eq!(merged.status, StatusCode::OK, "{}", merged.body);
    let merge_id = merged.json()["id"].as_i64().expect("merge id");
    let split = call(
        router_with(store.clone(), false),
        Method::POST,
        "/api/v1/entities/split",
        Some(TOKEN),
        Some(&format!(r#"{{"entity": "Coastal Safety Agency", "merge_id": {merge_id}}}"#)),
    )
    .await;
    assert_eq!(split.status, StatusCode::OK, "{}", split.body);
    let ambiguous = call(
        router_with(store, false),
        Method::POST,
        "/api/v1/entities/split",
        Some(TOKEN),
        Some(r#"{"entity": "X", "merge_id": 1, "merged": "Y"}"#),
    )
    .await;
    assert_eq!(ambiguous.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn reads_need_a_token_when_the_policy_says_so() {
    let closed = router_with(store(), true);
    let denied = call(closed.clone(), Method::GET, "/api/v1/stats", None, None).await;
    assert_eq!(denied.status, StatusCode::UNAUTHORIZED);
    assert!(denied.headers.contains_key("www-authenticate"));
    let page = call(closed.clone(), Method::GET, "/", None, None).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    let allowed = call(closed.clone(), Method::GET, "/api/v1/stats", Some(TOKEN), None).await;
    assert_eq!(allowed.status, StatusCode::OK);
    let login = call(closed, Method::GET, "/login", None, None).await;
    assert_eq!(login.status, StatusCode::OK);
}
