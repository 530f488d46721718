//! Snapshot tests: every report in `examples/` is analyzed and its rendering compared with
//! `tests/snapshots/<name>.snap`. A missing snapshot is written on the first run (and the
//! test fails, so that it gets read); `UPDATE_SNAPSHOTS=1 cargo test` rewrites them all.
//! Read every snapshot diff before accepting it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimgraph_model::Document;
use claimgraph_pipeline::Pipeline;

use crate::render::render;

/// All examples are read as if published on this date, so relative dates resolve.
const EXAMPLES_DATE: (i32, u32, u32) = (2017, 2, 20);

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

#[test]
fn examples_match_their_snapshots() {
    let pipeline = Pipeline::new();
    let (year, month, day) = EXAMPLES_DATE;
    let date = NaiveDate::from_ymd_opt(year, month, day);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("examples/ exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "expected at least 20 example reports, found {}", paths.len());
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("example is UTF-8");
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("example").to_string();
        let document = Document { id: name.clone(), text: text.clone(), date, publisher: None };
        let actual = render(&text, &pipeline.analyze(&document));
        let snapshot_path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots")
            .join(format!("{name}.snap"));
        let expected = std::fs::read_to_string(&snapshot_path).ok();
        if expected.as_deref() != Some(actual.as_str()) {
            if update || expected.is_none() {
                std::fs::write(&snapshot_path, &actual).expect("snapshot written");
            }
            if !update {
                mismatches.push(diff(&name, expected.as_deref().unwrap_or(""), &actual));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 to accept):\n{}",
        mismatches.join("\n")
    );
}

/// A line diff that is enough to read a snapshot change.
fn diff(name: &str, expected: &str, actual: &str) -> String {
    let mut out = format!("--- {name}\n");
    let expected_lines: Vec<&str> = expected.lines().collect();
    let actual_lines: Vec<&str> = actual.lines().collect();
    for line in &expected_lines {
        if !actual_lines.contains(line) {
            out.push_str(&format!("- {line}\n"));
        }
    }
    for line in &actual_lines {
        if !expected_lines.contains(line) {
            out.push_str(&format!("+ {line}\n"));
        }
    }
    out
}
