//! End to end in a real browser: Debian's chromium, headless, drives the pages over a
//! store ingested from the fixture reports and the bundled examples, checks what a reader
//! sees in the rendered DOM, and takes screenshots (a laptop and a phone width).
//!
//! Each page load also checks that the page logged nothing to the console (a script
//! error or a Content-Security-Policy violation would), that no request it made left
//! loopback (chromium's network log, with every other host unresolvable), and that it is
//! usable by keyboard (a skip link to the main content; everything clickable is a link).
//!
//! Skips, saying so, when chromium is not installed (`.ci/run` installs it). Screenshots
//! go to a temporary folder, or to `docs/screenshots/` when `CLAIMGRAPH_SCREENSHOTS=1`
//! (how the committed ones were made), so a test run leaves the work tree clean.

#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use claimgraph_server::{Access, AppState, TokenSet};

use crate::common::{fixture, ingest_into};

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM").map(PathBuf::from) {
        return path.exists().then_some(path);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Runs headless chromium with a fresh profile; `mode` is `--dump-dom` or
/// `--screenshot=FILE`. Returns standard output (the DOM for `--dump-dom`), after checking
/// the console and the network log.
fn run_chromium(binary: &Path, profile: &Path, mode: &str, size: &str, url: &str) -> String {
    let net_log = profile.join("net-log.json");
    let output = Command::new(binary)
        .args([
            "--enable-logging=stderr",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            &format!("--log-net-log={}", net_log.display()),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--window-size={size}"),
            mode,
            url,
        ])
        .output()
        .expect("chromium runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "chromium failed on {url}: {stderr}");
    let console: Vec<&str> = stderr.lines().filter(|line| line.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "{url} wrote to the console: {console:#?}");
    let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
    let requests = page_requests(&net_log);
    // Every page loads its stylesheet: a log without it was not read right.
    assert!(
        requests.iter().any(|(request, _)| request.ends_with("/assets/style.css")),
        "{url}: the network log shows none of the page's own requests"
    );
    for (request, initiator) in requests {
        assert!(
            request.starts_with(&origin),
            "{url} made a request off loopback: {request} (from {initiator})"
        );
    }
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The requests a page made (URL, initiator) from chromium's network log: those whose
/// initiator is an origin, which leaves out the browser's own background requests.
fn page_requests(net_log: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(net_log).expect("chromium wrote its network log");
    let log: serde_json::Value = serde_json::from_str(&text).expect("network log is JSON");
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].as_i64();
    log["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|event| event["type"].as_i64() == start_job)
        .filter_map(|event| {
            let url = event["params"]["url"].as_str()?;
            let initiator = event["params"]["initiator"].as_str()?;
            initiator.starts_with("http").then(|| (url.to_string(), initiator.to_string()))
        })
        .collect()
}

/// What a keyboard needs: a skip link to the main content, and every mark a reader clicks
/// (claims in a text, graph nodes, map places, timeline bars) inside a link.
fn assert_keyboard_usable(name: &str, dom: &str) {
    assert!(
        dom.contains("class=\"skip\" href=\"#main\"") && dom.contains("id=\"main\""),
        "{name}: no skip link to the main content"
    );
    for attribute in ["data-claim=", "data-node=", "data-place=", "data-bar="] {
        for (at, _) in dom.match_indices(attribute) {
            let before = &dom[..at];
            let opened = before.rfind("<a ").unwrap_or(0);
            let closed = before.rfind("</a>").unwrap_or(0);
            assert!(
                opened > closed && before[opened..].contains("href="),
                "{name}: a {attribute} mark outside a link cannot be reached by keyboard"
            );
        }
    }
}

#[test]
fn pages_render_in_headless_chromium() {
    let Some(binary) = chromium() else {
        eprintln!("skipped: chromium is not installed (apt-get install chromium; .ci/run does)");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let reports = fixture("reports.jsonl");
    let store = ingest_into(
        dir.path(),
        &[reports.to_str().expect("path"), examples.to_str().expect("path")],
    );
    let doc_id = store.document("harbor-1").expect("fixture").summary.id;
    let wire = store.document("wire-2").expect("fixture");
    let relayed =
        wire.claims.iter().find(|c| !c.relays.is_empty()).map_or(wire.claims[0].id, |c| c.id);

    // A real socket on loopback, served from its own thread and runtime.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    let address = listener.local_addr().expect("address");
    let state = AppState::new(
        Arc::clone(&store),
        Access { tokens: TokenSet::default(), reads_need_token: false },
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            claimgraph_server::serve(listener, state, async {
                let _ = stopped.await;
            })
            .await
            .expect("serve");
        });
    });

    let shots = if std::env::var_os("CLAIMGRAPH_SCREENSHOTS").is_some_and(|v| v == "1") {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots")
    } else {
        dir.path().join("screenshots")
    };
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let base = format!("http://{address}");
    let pages: Vec<(&str, String, &str)> = vec![
        ("search", format!("{base}/search?q=fishing+boats"), "Documents and claims"),
        ("document", format!("{base}/documents/{doc_id}"), "Harbor Daily"),
        ("claim", format!("{base}/documents/{}/claims/{relayed}", wire.summary.id), "Provenance"),
        ("entity", format!("{base}/entities/Coastal%20Safety%20Agency"), "Names and aliases"),
        ("source", format!("{base}/sources/Coastal%20Safety%20Agency"), "What it said"),
        ("sources", format!("{base}/sources"), "Reliability"),
        ("timeline", format!("{base}/timeline"), "2023-03"),
        ("map", format!("{base}/map"), "Valpara"),
        ("graph", format!("{base}/graph"), "Coastal Safety Agency"),
    ];
    for (name, url, expected) in &pages {
        let profile = tempfile::tempdir().expect("profile");
        let dom = run_chromium(&binary, profile.path(), "--dump-dom", "1280,900", url);
        assert!(dom.contains(expected), "{name}: the rendered page lacks {expected:?}");
        assert!(!dom.contains("data-error="), "{name}: an error page");
        assert_keyboard_usable(name, &dom);
        let file = shots.join(format!("{name}.png"));
        run_chromium(
            &binary,
            profile.path(),
            &format!("--screenshot={}", file.display()),
            "1280,900",
            url,
        );
        assert!(
            std::fs::metadata(&file).map(|m| m.len() > 10_000).unwrap_or(false),
            "{name}: screenshot"
        );
    }
    // A phone: the document page must fit a narrow screen.
    let profile = tempfile::tempdir().expect("profile");
    let file = shots.join("document-phone.png");
    run_chromium(
        &binary,
        profile.path(),
        &format!("--screenshot={}", file.display()),
        "390,844",
        &pages[1].1,
    );
    assert!(file.exists());
    eprintln!("screenshots in {}", shots.display());
    let _ = stop.send(());
    server.join().expect("server thread");
}
