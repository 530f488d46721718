//! Hostile documents: markup in the text, title, author and publisher, `javascript:` URLs,
//! and a 1 MB single-line document. Everything must come out escaped, and big pages must
//! still render (no timing asserts: a quadratic renderer would show as a hung test).

use axum::http::StatusCode;

use crate::common::{call, get, ingest_into, router_with, select, store};

#[tokio::test]
async fn markup_in_a_document_is_shown_as_text() {
    let id = store().document("hostile-5").expect("hostile doc").summary.id;
    for uri in [
        format!("/documents/{id}"),
        "/search?q=spokesman".to_string(),
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
        "/sources".to_string(),
        "/timeline".to_string(),
        "/graph".to_string(),
    ] {
        let reply = get(&uri).await;
        assert!(reply.status == StatusCode::OK, "{uri}: {}", reply.status);
        let html = reply.html();
        assert!(select(&html, "script").is_empty(), "{uri}: a script element got through");
        assert!(
            select(&html, "main img, main b, [onerror]").is_empty(),
            "{uri}: markup got through"
        );
        for a in select(&html, "a[href]") {
            let href = a.value().attr("href").unwrap_or("").to_ascii_lowercase();
            assert!(!href.trim_start().starts_with("javascript:"), "{uri}: {href}");
        }
    }
    let page = get(&format!("/documents/{id}")).await;
    let html = page.html();
    let title: String = select(&html, "h1").iter().flat_map(|h| h.text()).collect();
    assert_eq!(title, "<script>alert('title')</script>", "shown as text");
    let url: String = select(&html, "[data-meta=URL]").iter().flat_map(|d| d.text()).collect();
    assert_eq!(url, "javascript:alert('url')");
    assert!(select(&html, "[data-meta=URL] a").is_empty(), "a javascript: URL is not a link");
    assert!(!page.body.contains("<script") && !page.body.contains("<img"));
}

#[tokio::test]
async fn a_one_megabyte_single_line_document_renders_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut line = String::with_capacity(1 << 20);
    while line.len() < 1 << 20 {
        line.push_str(
            "The <i>Coastal Safety Agency</i> said 40 boats were damaged near Valparaiso & more; ",
        );
    }
    let record = serde_json::json!({"id": "big", "doc_date": "2023-03-20", "publisher": "Big <Wire>", "text": line});
    let path = dir.path().join("big.jsonl");
    std::fs::write(&path, format!("{record}\n")).expect("write");
    let store = ingest_into(dir.path(), &[path.to_str().expect("utf-8 path")]);
    let reply = call(
        router_with(store.clone(), false),
        axum::http::Method::GET,
        "/documents/big",
        None,
        None,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.len() > 1 << 20);
    let html = reply.html();
    assert!(select(&html, "main i").is_empty(), "the text's tags are not markup");
    let text: String = select(&html, "[data-section=text]").iter().flat_map(|t| t.text()).collect();
    assert_eq!(text, line);
    let api = call(
        router_with(store, false),
        axum::http::Method::GET,
        "/api/v1/documents/big",
        None,
        None,
    )
    .await;
    assert_eq!(api.status, StatusCode::OK);
}
