//! A store ingested from the fixture reports (written for these tests), and helpers to
//! call the router.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use claimgraph_app::ingest::{IngestConfig, Quiet, ingest};
use claimgraph_app::input::{InputFormat, ReadSettings};
use claimgraph_pipeline::Pipeline;
use claimgraph_server::{Access, AppState, TokenSet, app};
use claimgraph_store::Store;
use claimgraph_store_sqlite::SqliteStore;
use tower::ServiceExt;

pub const TOKEN: &str = "0123456789abcdef0123456789abcdef";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

/// A new store in `dir` holding the given fixture files.
pub fn ingest_into(dir: &Path, files: &[&str]) -> Arc<dyn Store> {
    let store = SqliteStore::open(&dir.join("test.db")).expect("store opens");
    let settings = ReadSettings {
        input_format: InputFormat::Auto,
        stdin_is_jsonl: false,
        doc_date: None,
        publisher: None,
    };
    let paths: Vec<PathBuf> = files.iter().map(|f| fixture(f)).collect();
    let summary = ingest(&store, pipeline(), &paths, &IngestConfig::new(settings), &mut Quiet)
        .expect("ingest");
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    Arc::new(store)
}

/// The shared read-only store of the fixture reports (and the hostile document).
pub fn store() -> Arc<dyn Store> {
    static STORE: OnceLock<(tempfile::TempDir, Arc<dyn Store>)> = OnceLock::new();
    let (_, store) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = ingest_into(dir.path(), &["reports.jsonl", "hostile.jsonl"]);
        (dir, store)
    });
    Arc::clone(store)
}

pub fn router_with(store: Arc<dyn Store>, reads_need_token: bool) -> Router {
    let access = Access { tokens: TokenSet::from_tokens([TOKEN]), reads_need_token };
    app(AppState::new(store, access))
}

pub fn router() -> Router {
    router_with(store(), false)
}

#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }
}

pub async fn call(
    router: Router,
    method: Method,
    uri: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Reply {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    if body.is_some() {
        request = request.header("content-type", "application/json");
    }
    let request = request.body(Body::from(body.unwrap_or_default().to_string())).expect("request");
    let response = router.oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
    Reply { status, headers, body: String::from_utf8(bytes.to_vec()).expect("UTF-8 body") }
}

pub async fn get(uri: &str) -> Reply {
    call(router(), Method::GET, uri, None, None).await
}

/// Elements matching a CSS selector.
pub fn select<'a>(html: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e}"));
    html.select(&selector).collect()
}

pub fn text_of(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

/// The store id of the fixture document with the caller's id `external`.
pub fn document_id(external: &str) -> i64 {
    store().document(external).expect("fixture document").summary.id
}
