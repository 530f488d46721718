//! `claimgraph extract`: formats, inputs, and bad input that must not stop a batch.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimgraph runs");
    // The process may exit before reading its input (a usage error): a broken pipe here
    // is not a failure of the test.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("claimgraph exits")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn eval_format_uses_code_point_offsets() {
    let input =
        r#"{"id": "d1", "text": "Über den Fluss. Zürich liegt dort.", "doc_date": "2017-02-17"}"#;
    let output = run(&["extract", "--format", "eval"], input.as_bytes());
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let line: serde_json::Value =
        serde_json::from_str(stdout(&output).trim()).expect("one JSON line");
    assert_eq!(line["id"], "d1");
    // "Über den Fluss." is 15 code points (16 bytes).
    assert_eq!(line["sentences"][0], serde_json::json!([0, 15]));
    assert_eq!(line["sentences"][1], serde_json::json!([16, 34]));
    for key in ["entities", "timexes", "quantities", "clusters"] {
        assert!(line[key].is_array(), "eval output has {key}");
    }
}

#[test]
fn json_format_is_versioned_with_both_offsets() {
    let output =
        run(&["extract", "--format", "json", "--doc-date", "2017-02-20"], "Ça va. Oui.".as_bytes());
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc: serde_json::Value = serde_json::from_str(stdout(&output).trim()).expect("JSON");
    assert_eq!(doc["format"], "claimgraph.extract");
    assert_eq!(doc["format_version"], 1);
    assert_eq!(doc["doc_date"], "2017-02-20");
    let second = &doc["sentences"][1];
    assert_eq!(second["start"], 8);
    assert_eq!(second["char_start"], 7);
    assert_eq!(second["text"], "Oui.");
}

#[test]
fn a_missing_file_is_named_and_the_batch_goes_on() {
    let dir = scratch("missing");
    let good = dir.join("good.txt");
    std::fs::write(&good, "The council met. It adjourned.").expect("write");
    let missing = dir.join("does-not-exist.txt");
    let output = run(
        &[
            "extract",
            "--format",
            "json",
            missing.to_str().expect("utf8"),
            good.to_str().expect("utf8"),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1), "non-zero exit when an input failed");
    assert!(
        stderr(&output).contains("does-not-exist.txt"),
        "stderr names the file: {}",
        stderr(&output)
    );
    assert_eq!(stdout(&output).lines().count(), 1, "the good file is still analyzed");
}

#[test]
fn binary_files_are_refused_with_a_clear_error() {
    let dir = scratch("binary");
    let binary = dir.join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").expect("write");
    let output = run(&["extract", binary.to_str().expect("utf8")], b"");
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("image.png") && message.contains("binary"), "stderr: {message}");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = scratch("utf8");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 owners met in Z\xfcrich. They agreed.").expect("write");
    let output = run(&["extract", "--format", "json", latin1.to_str().expect("utf8")], b"");
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    assert!(stderr(&output).contains("invalid UTF-8"), "stderr: {}", stderr(&output));
    let doc: serde_json::Value = serde_json::from_str(stdout(&output).trim()).expect("JSON");
    assert_eq!(doc["sentences"].as_array().map(Vec::len), Some(2));
    assert!(doc["diagnostics"].to_string().contains("invalid UTF-8"));
}

#[test]
fn an_empty_file_gives_an_empty_analysis() {
    let dir = scratch("empty");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let output = run(&["extract", "--format", "json", empty.to_str().expect("utf8")], b"");
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc: serde_json::Value = serde_json::from_str(stdout(&output).trim()).expect("JSON");
    assert_eq!(doc["sentences"], serde_json::json!([]));
}

#[test]
fn a_bad_json_line_is_reported_by_line_and_the_rest_goes_on() {
    let input =
        "{\"id\": \"a\", \"text\": \"One.\"}\n{not json}\n{\"id\": \"c\", \"text\": \"Three.\"}\n";
    let output = run(&["extract", "--format", "eval"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("-:2"), "stderr names the line: {}", stderr(&output));
    let ids: Vec<String> = stdout(&output)
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).expect("JSON")["id"].to_string()
        })
        .collect();
    assert_eq!(ids, ["\"a\"", "\"c\""]);
}

#[test]
fn text_format_reads_standard_input() {
    let output = run(&["extract"], "The Council met on Monday. It adjourned.".as_bytes());
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    assert!(stdout(&output).contains("2 sentences"), "stdout: {}", stdout(&output));
}

#[test]
fn a_bad_doc_date_flag_is_a_usage_error() {
    let output = run(&["extract", "--doc-date", "20-02-2017"], b"text");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("YYYY-MM-DD"));
}

#[test]
fn text_format_shows_claims_with_their_source_and_publisher() {
    let text = "The ministry said that 14 camps were closed on Monday. The talks ended in Geneva.";
    let output = run(
        &["extract", "--doc-date", "2017-02-20", "--publisher", "Example News"],
        text.as_bytes(),
    );
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let shown = stdout(&output);
    assert!(shown.contains("claims:"), "stdout: {shown}");
    assert!(
        shown.contains("The ministry ← Example News : \"14 camps were closed on Monday\""),
        "stdout: {shown}"
    );
    assert!(shown.contains("[2017-02-20]") && shown.contains("[14 camps]"), "stdout: {shown}");
    assert!(
        shown.contains("Example News : \"The talks ended in Geneva.\" (own voice)"),
        "stdout: {shown}"
    );
}

#[test]
fn json_format_carries_attributions_claims_and_places() {
    let text = "Officials in Tehran said the base near Karaj was expanded.";
    let output = run(&["extract", "--format", "json", "--doc-date", "2017-02-20"], text.as_bytes());
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc: serde_json::Value = serde_json::from_str(stdout(&output).trim()).expect("JSON");
    let attribution = &doc["attributions"][0];
    assert_eq!(attribution["cue"]["text"], "said");
    assert_eq!(attribution["form"], "indirect");
    assert_eq!(doc["claims"][0]["voice"]["attribution"], 0);
    let places: Vec<&str> = doc["toponyms"]
        .as_array()
        .expect("toponyms")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert!(places.contains(&"Tehran") && places.contains(&"Karaj"), "places: {places:?}");
    let karaj = doc["toponyms"]
        .as_array()
        .expect("toponyms")
        .iter()
        .find(|t| t["name"] == "Karaj")
        .expect("Karaj");
    assert_eq!(karaj["precision"], 2, "near Karaj is precision 2");
}
