//! Origins, corroboration, conflicts, ratings, entity merge and split, and HTML and PDF
//! input, end to end through the `claimgraph` binary on real store files. Every text
//! here was written for these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-assess-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .env_remove("CLAIMGRAPH_DB")
        .env("USER", "tester")
        .stdin(Stdio::null())
        .output()
        .expect("claimgraph runs")
}

fn ok_json(args: &[&str]) -> Value {
    let output = claimgraph(args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!("{args:?}: not JSON ({error}): {}", String::from_utf8_lossy(&output.stdout))
    })
}

fn path(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

const WIRE: &str = "The regional council said 40 people died in the flood in Arden on Monday. \
    Rescue teams worked through the night along the river, and the main bridge was closed to \
    traffic until further notice. Aid groups warned that food and clean water were running \
    short in the lower town and that two clinics had stopped taking new patients.";

/// A wire story, two lightly edited copies, a statement by the mayor, the same statement
/// relayed by a paper, and a later report with a different figure.
fn corpus(dir: &Path) -> PathBuf {
    let copy_1 = format!("From our correspondents: {}", WIRE.replace("Aid groups", "Aid agencies"));
    let copy_2 = WIRE.replace("until further notice", "on Tuesday");
    let records = [
        serde_json::json!({"id": "wire", "date": "2021-05-04", "publisher": "Northern Wire", "text": WIRE}),
        serde_json::json!({"id": "copy-1", "date": "2021-05-04", "publisher": "Valley Times", "text": copy_1}),
        serde_json::json!({"id": "copy-2", "date": "2021-05-05", "publisher": "Coast Herald", "text": copy_2}),
        serde_json::json!({"id": "brandt", "date": "2021-05-04", "publisher": "Northern Wire",
            "text": "Mayor Elena Brandt said the flood destroyed 120 homes in Arden. She asked residents to stay away from the river."}),
        serde_json::json!({"id": "relay", "date": "2021-05-05", "publisher": "Coast Herald",
            "text": "The Valley Times reported that Mayor Elena Brandt said the flood destroyed 120 homes in Arden. Volunteers collected blankets at the station."}),
        serde_json::json!({"id": "other", "date": "2021-05-06", "publisher": "Mountain Post",
            "text": "The flood destroyed 150 homes in Arden, according to figures seen by the Mountain Post. The army sent two helicopters."}),
    ];
    let input = dir.join("reports.jsonl");
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(&input, lines).expect("write");
    let db = dir.join("store.db");
    let output = claimgraph(&["ingest", "--db", path(&db), path(&input)]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    db
}

fn claims(db: &Path, filter: &[&str]) -> Vec<Value> {
    let mut args = vec!["claims", "--json", "--db", path(db)];
    args.extend_from_slice(filter);
    ok_json(&args)["claims"].as_array().expect("claims").clone()
}

#[test]
fn a_wire_story_and_two_edited_copies_count_as_one_origin() {
    let dir = scratch("copies");
    let db = corpus(&dir);
    let wire = ok_json(&["doc", "wire", "--json", "--db", path(&db)]);
    let copies: Vec<&str> = wire["copies"]
        .as_array()
        .expect("copies")
        .iter()
        .map(|c| c["document"]["id"].as_str().expect("id"))
        .collect();
    assert_eq!(copies, ["copy-1", "copy-2"]);
    let copy = ok_json(&["doc", "copy-2", "--json", "--db", path(&db)]);
    assert_eq!(copy["copy_of"]["document"]["id"], "wire");
    assert!(copy["copy_of"]["similarity"].as_f64().expect("similarity") >= 0.5);
    let mut n_story_claims = 0;
    for claim in claims(&db, &[]) {
        let document = claim["document"]["id"].as_str().expect("id");
        if !["wire", "copy-1", "copy-2"].contains(&document) {
            continue;
        }
        let assessment = &claim["assessment"];
        assert_eq!(assessment["independent_origins"], 1, "copies add no origin: {claim}");
        if claim["content"].as_str().expect("content").contains("40 people died") {
            n_story_claims += 1;
            let reports = assessment["origins"][0]["reports"].as_array().expect("reports");
            assert_eq!(reports.len(), 3, "one claim, reported three times: {claim}");
            assert_eq!(assessment["credibility"], 6, "copies do not confirm: {claim}");
        }
    }
    assert_eq!(n_story_claims, 3);
    assert_eq!(ok_json(&["stats", "--json", "--db", path(&db)])["copies"], 2);
}

#[test]
fn a_relayed_statement_is_credited_to_its_source_and_does_not_corroborate() {
    let dir = scratch("relay");
    let db = corpus(&dir);
    let by_mayor = claims(&db, &["--by", "Elena Brandt"]);
    assert_eq!(by_mayor.len(), 2, "{by_mayor:?}");
    for claim in &by_mayor {
        assert_eq!(claim["source"]["name"], "Elena Brandt");
        let assessment = &claim["assessment"];
        assert_eq!(assessment["independent_origins"], 1, "{assessment}");
        let origin = &assessment["origins"][0];
        assert_eq!(origin["name"], "Elena Brandt");
        assert_eq!(origin["kind"], "source");
        let relayed: Vec<&Value> = origin["reports"]
            .as_array()
            .expect("reports")
            .iter()
            .filter(|r| r["relayed_by"][0] == "Valley Times")
            .collect();
        assert_eq!(relayed.len(), 1, "{origin}");
    }
    // The relaying paper is not a source of the statement.
    assert!(
        claims(&db, &["--by", "Valley Times"])
            .iter()
            .all(|c| c["content"] != "the flood destroyed 120 homes in Arden")
    );
}

#[test]
fn conflicting_figures_for_the_same_event_are_linked() {
    let dir = scratch("conflict");
    let db = corpus(&dir);
    let mayor = &claims(&db, &["--by", "Elena Brandt"])[0];
    let conflicts = mayor["assessment"]["conflicts"].as_array().expect("conflicts");
    assert_eq!(conflicts.len(), 1, "{mayor}");
    assert_eq!(conflicts[0]["document"], "other");
    assert_eq!(conflicts[0]["differences"][0]["kind"], "figures");
    assert_eq!(conflicts[0]["differences"][0]["detail"], "120 vs 150");
    assert_eq!(mayor["assessment"]["conflicting_origins"], 1);
    assert_eq!(mayor["assessment"]["credibility"], 4, "one origin against one: doubtful");
    let text = claimgraph(&["claims", "--about", "Arden", "--db", path(&db)]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("figures 120 vs 150"), "{text}");
}

#[test]
fn a_rating_is_kept_with_who_and_when_and_shown_with_claims() {
    let dir = scratch("rate");
    let db = corpus(&dir);
    let rating = ok_json(&["rate", "Elena Brandt", "b", "--json", "--db", path(&db)]);
    assert_eq!(rating["reliability"], "B");
    assert_eq!(rating["by"], "tester", "$USER by default");
    assert!(rating["at"].as_str().is_some());
    let rating =
        ok_json(&["rate", "Mountain Post", "D", "--by", "alice", "--json", "--db", path(&db)]);
    assert_eq!(rating["by"], "alice");
    let mayor = &claims(&db, &["--by", "Elena Brandt"])[0];
    assert_eq!(mayor["assessment"]["reliability"]["reliability"], "B");
    let text = claimgraph(&["claims", "--by", "Elena Brandt", "--db", path(&db)]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("[B4]"), "reliability letter and credibility digit: {text}");
    let entity = ok_json(&["entity", "Elena Brandt", "--json", "--db", path(&db)]);
    assert_eq!(entity["claims_by"][0]["assessment"]["reliability"]["reliability"], "B");
    let unknown = claimgraph(&["rate", "Nobody Atall", "A", "--db", path(&db)]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Nobody Atall"));
    let bad = claimgraph(&["rate", "Elena Brandt", "G", "--db", path(&db)]);
    assert!(!bad.status.success(), "only A-F");
}

#[test]
fn a_claim_is_marked_confirmed_or_retracted_with_who_and_why() {
    let dir = scratch("mark");
    let db = corpus(&dir);
    let mayor = &claims(&db, &["--by", "Elena Brandt"])[0];
    let id = mayor["id"].as_i64().expect("claim id").to_string();
    let before = ok_json(&["claim", &id, "--json", "--db", path(&db)]);
    assert_eq!(before["content"], mayor["content"]);
    assert_eq!(before["marks"].as_array().map(Vec::len), Some(0));
    let cue = before["cue_span"].as_array().expect("a cue span");
    assert!(cue[0].as_u64() < cue[1].as_u64(), "{cue:?}");
    let mark = ok_json(&[
        "mark",
        &id,
        "retracted",
        "--note",
        "the mayor corrected the figure",
        "--json",
        "--db",
        path(&db),
    ]);
    assert_eq!(mark["status"], "retracted");
    assert_eq!(mark["by"], "tester", "$USER by default");
    let after = ok_json(&["claim", &id, "--json", "--db", path(&db)]);
    assert_eq!(after["marks"][0]["note"], "the mayor corrected the figure");
    assert_eq!(after["assessment"]["credibility"], 5);
    let text = claimgraph(&["claim", &id, "--db", path(&db)]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("retracted by tester"));
    let bad = claimgraph(&["mark", &id, "maybe", "--db", path(&db)]);
    assert!(!bad.status.success(), "only confirmed or retracted");
    let missing = claimgraph(&["mark", "999999", "confirmed", "--db", path(&db)]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("999999"));
}

#[test]
fn merge_then_split_restores_the_entities() {
    let dir = scratch("merge");
    let db = corpus(&dir);
    let before_mayor = ok_json(&["entity", "Elena Brandt", "--json", "--db", path(&db)]);
    let before_paper = ok_json(&["entity", "Valley Times", "--json", "--db", path(&db)]);
    let merge = ok_json(&[
        "entity",
        "merge",
        "Elena Brandt",
        "Valley Times",
        "--reason",
        "test",
        "--json",
        "--db",
        path(&db),
    ]);
    assert_eq!(merge["documents"][0], "relay");
    let merged = ok_json(&["entity", "Valley Times", "--json", "--db", path(&db)]);
    assert_eq!(merged["entity"]["id"], before_mayor["entity"]["id"]);
    assert_eq!(merged["merges"][0]["by"], "tester");
    let split =
        ok_json(&["entity", "split", "Elena Brandt", "Valley Times", "--json", "--db", path(&db)]);
    assert_eq!(split["undid_merge"], merge["merge"]);
    let after_mayor = ok_json(&["entity", "Elena Brandt", "--json", "--db", path(&db)]);
    let after_paper = ok_json(&["entity", "Valley Times", "--json", "--db", path(&db)]);
    for key in ["entity", "aliases", "occurrences", "claims_by", "claims_about", "mentions"] {
        assert_eq!(after_mayor[key], before_mayor[key], "{key}");
        assert_eq!(after_paper[key], before_paper[key], "{key}");
    }
    assert_eq!(after_mayor["merges"][0]["undone"], true);
}

/// A one-page PDF whose text layer says `text` (Helvetica, one line).
fn pdf_with_text(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (idx, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", idx + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn html_and_pdf_files_are_read_and_bad_ones_fail_alone() {
    let dir = scratch("formats");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    let page = r#"<!doctype html><html><head><title>Flood in Arden</title>
        <meta property="og:site_name" content="Valley Times">
        <meta name="author" content="Ana Reyes">
        <meta property="article:published_time" content="2021-05-04T08:00:00Z">
        <link rel="canonical" href="https://valley.example/flood"></head>
        <body><nav>Home | Sport | Most read: celebrity gossip</nav>
        <article><h1>Flood in Arden</h1>
        <p>The regional council said 40 people died in the flood in Arden on Monday, and
        rescue teams worked through the night along the river.</p>
        <p>Aid groups warned that food and clean water were running short in the lower town.</p>
        </article><footer>Subscribe to our newsletter.</footer></body></html>"#;
    std::fs::write(corpus.join("flood.html"), page).expect("write");
    std::fs::write(corpus.join("empty-page.html"), "<html><body><div></div></body></html>")
        .expect("write");
    std::fs::write(
        corpus.join("scan.pdf"),
        b"%PDF-1.4\n% a scanned page with no text layer\n%%EOF\n",
    )
    .expect("write");
    std::fs::write(
        corpus.join("statement.pdf"),
        pdf_with_text("Mayor Elena Brandt said the flood destroyed 120 homes in Arden."),
    )
    .expect("write");
    let db = dir.join("store.db");
    let output = claimgraph(&["ingest", "--json", "--db", path(&db), path(&corpus)]);
    assert_eq!(output.status.code(), Some(1), "failed inputs give exit code 1");
    let summary: Value = serde_json::from_slice(&output.stdout).expect("json");
    let failed: Vec<&str> = summary["failed"]
        .as_array()
        .expect("failed")
        .iter()
        .map(|f| f["origin"].as_str().expect("origin"))
        .collect();
    assert_eq!(failed.len(), 2, "{summary}");
    assert!(failed.iter().any(|o| o.ends_with("empty-page.html")), "{failed:?}");
    assert!(failed.iter().any(|o| o.ends_with("scan.pdf")), "{failed:?}");
    assert_eq!(summary["documents_new"], 2, "{summary}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("scan.pdf: error:"), "{stderr}");

    let html = ok_json(&["doc", "flood", "--json", "--db", path(&db)]);
    let document = &html["document"];
    assert_eq!(document["publisher"], "Valley Times");
    assert_eq!(document["author"], "Ana Reyes");
    assert_eq!(document["url"], "https://valley.example/flood");
    assert_eq!(document["date"], "2021-05-04");
    assert_eq!(document["title"], "Flood in Arden");
    let text = html["text"].as_str().expect("text");
    assert!(
        text.contains("40 people died")
            && !text.contains("celebrity")
            && !text.contains("newsletter"),
        "{text}"
    );
    let pdf = ok_json(&["doc", "statement", "--json", "--db", path(&db)]);
    assert!(pdf["text"].as_str().expect("text").contains("destroyed 120 homes"), "{pdf}");
}
