//! `claimgraph export` and `claimgraph import stix`, end to end on a store ingested from
//! the bundled example reports: STIX bundles pass the OASIS validator (through
//! ../shared/peers/stix_validate.sh), GraphML reads back in networkx, CSV parses back,
//! exports are reproducible, redaction leaves no private name, and a bundle imported
//! into a fresh store exports the same bundle. The validator and networkx are Python
//! tools; a test that needs one says so and skips that part when it is missing.

// Test code: a failed expectation panics with its message (JSON shapes are checked by
// indexing and unwrapping); skipped parts are said on stderr.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .env_remove("CLAIMGRAPH_DB")
        .stdin(Stdio::null())
        .output()
        .expect("claimgraph runs")
}

fn run_ok(args: &[&str]) -> Output {
    let output = claimgraph(args);
    assert!(
        output.status.success(),
        "claimgraph {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn path(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A store holding the example reports.
fn example_store(dir: &Path) -> PathBuf {
    let db = dir.join("examples.db");
    let mut examples: Vec<PathBuf> = std::fs::read_dir(repo_root().join("examples"))
        .expect("examples folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 10, "the bundled examples are there");
    let mut args = vec!["ingest", "--db", path(&db)];
    args.extend(examples.iter().map(|example| path(example)));
    run_ok(&args);
    db
}

fn export(db: &Path, format: &str, out: &Path, extra: &[&str]) {
    let mut args = vec!["export", "--db", path(db), "--format", format, "-o", path(out)];
    args.extend_from_slice(extra);
    run_ok(&args);
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn jsonl(path: &Path) -> Vec<Value> {
    read(path).lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

/// The Python with the peers' tools: `$PEERS_VENV`, else the peers' own venv, else
/// python3 on the PATH.
fn python() -> PathBuf {
    let shared_venv = repo_root().join("../shared/peers/.venv");
    let venv = std::env::var_os("PEERS_VENV").map(PathBuf::from).unwrap_or(shared_venv);
    let in_venv = venv.join("bin/python");
    if in_venv.exists() { in_venv } else { PathBuf::from("python3") }
}

/// Runs the shared STIX validator on `bundle`; `None` when it is not installed.
fn stix_validate(bundle: &Path) -> Option<Output> {
    let script = repo_root().join("../shared/peers/stix_validate.sh");
    if !script.exists() {
        return None;
    }
    let output = Command::new("bash")
        .arg(&script)
        .arg(bundle)
        .stdin(Stdio::null())
        .output()
        .expect("bash runs");
    // 69: the validator is not installed (`bash ../shared/peers/setup.sh` installs it).
    (output.status.code() != Some(69)).then_some(output)
}

/// What any bundle we write must satisfy, checked here without the validator.
fn check_bundle(bundle: &Value, tlp: Option<&str>) {
    assert_eq!(bundle["type"], "bundle");
    let objects = bundle["objects"].as_array().expect("objects");
    let mut ids = HashSet::new();
    for object in objects {
        let id = object["id"].as_str().expect("an id");
        assert!(ids.insert(id.to_string()), "duplicate id {id}");
    }
    let marking = objects.iter().find(|o| o["type"] == "marking-definition");
    match tlp {
        Some(level) => {
            let marking = marking.expect("the TLP marking definition is in the bundle");
            let extension = &marking["extensions"]["extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"];
            assert_eq!(extension["tlp_2_0"], level);
        }
        None => assert!(marking.is_none()),
    }
    for object in objects {
        if object["type"] == "marking-definition" {
            continue;
        }
        assert_eq!(object["spec_version"], "2.1", "{object}");
        let marked = object["object_marking_refs"].as_array().map(Vec::len);
        assert_eq!(marked, tlp.map(|_| 1), "every object carries the marking: {object}");
        for (key, value) in object.as_object().expect("an object") {
            let refs: Vec<&str> = if key.ends_with("_ref") {
                value.as_str().into_iter().collect()
            } else if key.ends_with("_refs") {
                value.as_array().expect("a list").iter().filter_map(Value::as_str).collect()
            } else {
                continue;
            };
            for target in refs {
                assert!(
                    ids.contains(target),
                    "{key} of {} names {target}, not in the bundle",
                    object["id"]
                );
            }
        }
        if object["type"] == "note" {
            let claim = &object["extensions"]
                .as_object()
                .expect("extensions")
                .values()
                .next()
                .expect("ours")["claim"];
            let credibility = claim["assessment"]["credibility"].as_u64().expect("a grade");
            // STIX 2.1 Appendix A, Admiralty Credibility.
            let expected = match credibility {
                1 => Some(90),
                2 => Some(70),
                3 => Some(50),
                4 => Some(30),
                5 => Some(10),
                _ => None,
            };
            assert_eq!(object["confidence"].as_u64(), expected, "{object}");
            assert_eq!(object["content"], claim["content"]);
        }
    }
}

#[test]
fn stix_exports_of_the_examples_are_valid_bundles() {
    let dir = scratch("stix");
    let db = example_store(&dir);
    let cases: &[(&str, &[&str], Option<&str>)] = &[
        ("plain", &[], None),
        ("clear", &["--tlp", "clear"], Some("clear")),
        ("green", &["--tlp", "green"], Some("green")),
        ("amber", &["--tlp", "amber"], Some("amber")),
        ("amber-strict", &["--tlp", "amber+strict"], Some("amber+strict")),
        ("red", &["--tlp", "red", "--redact-private"], Some("red")),
        ("about", &["--about", "Tehran"], None),
        ("since", &["--since", "1970-01-01", "--until", "2000-12-31"], None),
    ];
    let mut n_validated = 0;
    for (name, extra, tlp) in cases {
        let out = dir.join(format!("{name}.json"));
        export(&db, "stix", &out, extra);
        let bundle: Value = serde_json::from_str(&read(&out)).expect("one JSON bundle");
        check_bundle(&bundle, *tlp);
        let n_notes =
            bundle["objects"].as_array().unwrap().iter().filter(|o| o["type"] == "note").count();
        assert!(n_notes > 0, "{name}: claims are exported");
        if let Some(output) = stix_validate(&out) {
            assert!(
                output.status.success(),
                "{name}: the validator rejects the bundle:\n{}\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            n_validated += 1;
        }
    }
    if n_validated == 0 {
        eprintln!("skipped: stix2-validator is not installed (bash ../shared/peers/setup.sh)");
    }
}

#[test]
fn the_extension_payloads_follow_the_schema_in_the_repository() {
    let dir = scratch("schema");
    let db = example_store(&dir);
    let out = dir.join("bundle.json");
    export(&db, "stix", &out, &["--tlp", "clear"]);
    let script = "import sys, json, jsonschema\n\
                  schema = json.load(open(sys.argv[1]))\n\
                  validator = jsonschema.Draft202012Validator(schema)\n\
                  bundle = json.load(open(sys.argv[2]))\n\
                  ext = next(o['id'] for o in bundle['objects'] if o['type'] == 'extension-definition')\n\
                  n = 0\n\
                  for o in bundle['objects']:\n\
                  \x20   payload = o.get('extensions', {}).get(ext)\n\
                  \x20   if payload is not None:\n\
                  \x20       validator.validate(payload)\n\
                  \x20       n += 1\n\
                  print(n)\n";
    let schema = repo_root().join("schemas/claimgraph-extension.json");
    let output = Command::new(python()).args(["-c", script, path(&schema), path(&out)]).output();
    let Ok(output) = output else {
        eprintln!("skipped: no python3 to check the extension schema");
        return;
    };
    if String::from_utf8_lossy(&output.stderr).contains("No module named 'jsonschema'") {
        eprintln!("skipped: jsonschema is not installed (it comes with stix2-validator)");
        return;
    }
    assert!(output.status.success(), "schema: {}", String::from_utf8_lossy(&output.stderr));
    let n_checked: usize = String::from_utf8_lossy(&output.stdout).trim().parse().expect("a count");
    assert!(n_checked > 100, "notes, reports and identities carry the extension: {n_checked}");
}

#[test]
fn exports_are_reproducible_byte_for_byte() {
    let dir = scratch("repro");
    let db = example_store(&dir);
    for format in ["stix", "jsonl", "graphml"] {
        let first = dir.join(format!("first.{format}"));
        let second = dir.join(format!("second.{format}"));
        export(&db, format, &first, &["--tlp", "green"]);
        export(&db, format, &second, &["--tlp", "green"]);
        assert_eq!(read(&first), read(&second), "{format}");
    }
}

/// A claim's span covers its content: the whole of it, or for content in parts ('"A," she
/// said. "B."', joined by " … ") each part in order, the first at the start of the span
/// and the last at its end.
fn assert_covers(covered: &str, content: &str) {
    let parts: Vec<&str> = content.split(" … ").collect();
    if parts.len() == 1 {
        assert_eq!(covered, content);
        return;
    }
    assert!(covered.starts_with(parts[0]), "{covered:?} does not start with {:?}", parts[0]);
    assert!(covered.ends_with(parts[parts.len() - 1]), "{covered:?} does not end its content");
    let mut rest = covered;
    for part in parts {
        let at = rest.find(part).unwrap_or_else(|| panic!("{part:?} is not in {covered:?}"));
        rest = &rest[at + part.len()..];
    }
}

#[test]
fn jsonl_has_every_entity_document_and_claim_once() {
    let dir = scratch("jsonl");
    let db = example_store(&dir);
    let out = dir.join("all.jsonl");
    export(&db, "jsonl", &out, &[]);
    let lines = jsonl(&out);
    let stats: Value =
        serde_json::from_slice(&run_ok(&["stats", "--json", "--db", path(&db)]).stdout).unwrap();
    let count = |record: &str| lines.iter().filter(|l| l["record"] == record).count() as u64;
    assert_eq!(count("document"), stats["documents"].as_u64().unwrap());
    assert_eq!(count("claim"), stats["claims"].as_u64().unwrap());
    assert_eq!(count("entity"), stats["entities"].as_u64().unwrap());
    for line in &lines {
        assert_eq!(line["format"], "claimgraph.export");
        assert_eq!(line["format_version"], 1);
    }
    // Every claim follows its document, and its span points into that document's text.
    let mut text = String::new();
    for line in &lines {
        match line["record"].as_str().unwrap() {
            "document" => text = line["text"].as_str().unwrap().to_string(),
            "claim" => {
                let span = &line["span"];
                let (start, end) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                let content = line["content"].as_str().unwrap();
                assert_covers(&text[start..end], content);
                let chars: String = text
                    .chars()
                    .skip(span["char_start"].as_u64().unwrap() as usize)
                    .take(
                        (span["char_end"].as_u64().unwrap() - span["char_start"].as_u64().unwrap())
                            as usize,
                    )
                    .collect();
                assert_covers(&chars, content);
            }
            _ => {}
        }
    }
    // Filters select claims and the documents holding them.
    let about = dir.join("about.jsonl");
    export(&db, "jsonl", &about, &["--about", "Tehran"]);
    let lines = jsonl(&about);
    let claims: Vec<&Value> = lines.iter().filter(|l| l["record"] == "claim").collect();
    assert!(!claims.is_empty());
    for claim in &claims {
        let about: Vec<&str> = claim["about"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        assert!(about.contains(&"Tehran"), "{about:?}");
    }
    let documents: HashSet<&str> = lines
        .iter()
        .filter(|l| l["record"] == "document")
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    let holding: HashSet<&str> =
        claims.iter().map(|c| c["document"]["id"].as_str().unwrap()).collect();
    assert_eq!(documents, holding);
}

#[test]
fn csv_parses_back_with_a_row_per_claim_and_entity() {
    let dir = scratch("csv");
    let db = example_store(&dir);
    let reference = dir.join("all.jsonl");
    export(&db, "jsonl", &reference, &[]);
    let lines = jsonl(&reference);
    let out = dir.join("claims.csv");
    export(&db, "csv", &out, &[]);
    let mut reader = csv::Reader::from_path(&out).expect("claims CSV");
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.expect("a row")).collect();
    let claims: HashMap<&str, &Value> = lines
        .iter()
        .filter(|l| l["record"] == "claim")
        .map(|c| (c["key"].as_str().unwrap(), c))
        .collect();
    assert_eq!(rows.len(), claims.len());
    for row in &rows {
        let claim = claims[&row[column("key")]];
        assert_eq!(&row[column("content")], claim["content"].as_str().unwrap());
        assert_eq!(&row[column("document")], claim["document"]["id"].as_str().unwrap());
        assert_eq!(row[column("credibility")], claim["assessment"]["credibility"].to_string());
        let source = claim["source"]["name"].as_str().unwrap_or("");
        assert_eq!(&row[column("source")], source);
    }
    let mut entities =
        csv::Reader::from_path(dir.join("claims.entities.csv")).expect("entities CSV");
    let entity_rows: Vec<csv::StringRecord> =
        entities.records().map(|row| row.expect("a row")).collect();
    let n_entities = entity_rows.len();
    assert_eq!(n_entities, lines.iter().filter(|l| l["record"] == "entity").count());
}

#[test]
fn graphml_reads_back_in_networkx() {
    let dir = scratch("graphml");
    let db = example_store(&dir);
    let out = dir.join("graph.graphml");
    export(&db, "graphml", &out, &[]);
    let script = "import sys, collections, networkx as nx\n\
                  g = nx.read_graphml(sys.argv[1])\n\
                  kinds = collections.Counter(d['kind'] for _, d in g.nodes(data=True))\n\
                  relations = collections.Counter(d['relation'] for *_, d in g.edges(data=True))\n\
                  print(g.is_directed(), kinds['entity'], kinds['claim'], relations['says'], relations['about'], relations['relays'])\n";
    let output = Command::new(python()).args(["-c", script, path(&out)]).output();
    let Ok(output) = output else {
        eprintln!("skipped: no python3 to read the GraphML with networkx");
        return;
    };
    if String::from_utf8_lossy(&output.stderr).contains("No module named 'networkx'") {
        eprintln!("skipped: networkx is not installed (pip install networkx)");
        return;
    }
    assert!(output.status.success(), "networkx: {}", String::from_utf8_lossy(&output.stderr));
    let printed = String::from_utf8_lossy(&output.stdout);
    let fields: Vec<&str> = printed.split_whitespace().collect();
    let lines = jsonl(&{
        let reference = dir.join("all.jsonl");
        export(&db, "jsonl", &reference, &[]);
        reference
    });
    let n = |record: &str| lines.iter().filter(|l| l["record"] == record).count().to_string();
    assert_eq!(fields[0], "True");
    assert_eq!(fields[1], n("entity"));
    assert_eq!(fields[2], n("claim"));
    let n_about: usize = lines
        .iter()
        .filter(|l| l["record"] == "claim")
        .map(|c| c["about"].as_array().unwrap().len())
        .sum();
    assert_eq!(fields[4], n_about.to_string());
    assert!(fields[3].parse::<usize>().unwrap() > 0, "says edges: {printed}");
    assert!(fields[5].parse::<usize>().unwrap() > 0, "relays edges: {printed}");
}

/// Where `name` occurs in `text` as a whole word.
fn has_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn redacted_exports_name_no_private_person() {
    let dir = scratch("redact");
    let db = example_store(&dir);
    let reference = dir.join("all.jsonl");
    export(&db, "jsonl", &reference, &[]);
    let people: Vec<Value> = jsonl(&reference)
        .into_iter()
        .filter(|l| l["record"] == "entity" && l["label"] == "PER")
        .collect();
    // Mark one person a public figure: their name must stay.
    let public = people.iter().find(|p| p["public"] == false).expect("a private person")["name"]
        .as_str()
        .unwrap()
        .to_string();
    run_ok(&["entity", "public", &public, "--db", path(&db)]);
    export(&db, "jsonl", &reference, &[]);
    let private: Vec<String> = jsonl(&reference)
        .into_iter()
        .filter(|l| l["record"] == "entity" && l["label"] == "PER" && l["public"] == false)
        .flat_map(|l| {
            l["names"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|name| name.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
        .collect();
    assert!(private.len() >= 5, "the examples name private persons: {private:?}");
    let outputs = [
        ("stix", "red.json"),
        ("jsonl", "red.jsonl"),
        ("graphml", "red.graphml"),
        ("csv", "red.csv"),
    ];
    for (format, file) in outputs {
        export(&db, format, &dir.join(file), &["--redact-private"]);
    }
    for file in ["red.json", "red.jsonl", "red.graphml", "red.csv", "red.entities.csv"] {
        let text = read(&dir.join(file));
        for name in &private {
            assert!(!has_word(&text, name), "{file} names the private person {name:?}");
        }
        assert!(text.contains("Person-"), "{file} has pseudonyms");
        if file != "red.csv" {
            assert!(has_word(&text, &public), "{file} keeps the public figure {public:?}");
        }
    }
    // Pseudonyms are stable: the same in a second export.
    export(&db, "jsonl", &dir.join("again.jsonl"), &["--redact-private"]);
    assert_eq!(read(&dir.join("red.jsonl")), read(&dir.join("again.jsonl")));
}

#[test]
fn a_bundle_imported_into_a_fresh_store_exports_the_same_bundle() {
    let dir = scratch("roundtrip");
    let db = example_store(&dir);
    // A rating and a public-figure mark must survive too.
    let first = dir.join("first.jsonl");
    export(&db, "jsonl", &first, &[]);
    let person = jsonl(&first)
        .into_iter()
        .find(|l| l["record"] == "entity" && l["label"] == "PER")
        .expect("a person")["name"]
        .as_str()
        .unwrap()
        .to_string();
    run_ok(&["entity", "public", &person, "--db", path(&db)]);
    run_ok(&["rate", &person, "B", "--by", "analyst", "--db", path(&db)]);
    let claim_id =
        jsonl(&first).iter().find(|l| l["record"] == "claim").expect("a claim")["store_id"]
            .as_i64()
            .unwrap()
            .to_string();
    run_ok(&[
        "mark",
        &claim_id,
        "retracted",
        "--by",
        "analyst",
        "--note",
        "corrected",
        "--db",
        path(&db),
    ]);
    let bundle = dir.join("first.json");
    export(&db, "stix", &bundle, &["--tlp", "amber"]);
    let fresh = dir.join("fresh.db");
    let output = run_ok(&["import", "stix", path(&bundle), "--db", path(&fresh)]);
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(!report.contains("not found again"), "{report}");
    let again = dir.join("again.json");
    export(&fresh, "stix", &again, &["--tlp", "amber"]);
    assert_eq!(read(&bundle), read(&again), "export, import, export gives the same bundle");
    let bundle_json: Value = serde_json::from_str(&read(&again)).unwrap();
    let rated = bundle_json["objects"].as_array().unwrap().iter().any(|o| {
        o["type"] == "note"
            && o["extensions"]
                .as_object()
                .unwrap()
                .values()
                .any(|e| e["claim"]["assessment"]["reliability"]["reliability"] == "B")
    });
    assert!(rated, "the rating came through");
    let marked = bundle_json["objects"].as_array().unwrap().iter().any(|o| {
        o["type"] == "note"
            && o["extensions"].as_object().unwrap().values().any(|e| {
                e["claim"]["marks"][0]["status"] == "retracted"
                    && e["claim"]["assessment"]["credibility"] == 5
            })
    });
    assert!(marked, "the analyst's verdict came through");
    // Importing the same bundle again stores nothing twice.
    let output = run_ok(&["import", "stix", path(&bundle), "--db", path(&fresh)]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("0 document(s) stored"));
}

#[test]
fn a_foreign_bundle_imports_its_reports_and_says_what_it_skipped() {
    let dir = scratch("foreign");
    let bundle = dir.join("opencti.json");
    std::fs::write(
        &bundle,
        r#"{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
  {"type": "identity", "spec_version": "2.1", "id": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
   "created": "2024-03-06T00:00:00.000Z", "modified": "2024-03-06T00:00:00.000Z",
   "name": "Example Wire", "identity_class": "organization"},
  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
   "created": "2024-03-06T00:00:00.000Z", "modified": "2024-03-06T00:00:00.000Z",
   "pattern": "[ipv4-addr:value = '198.51.100.1']", "pattern_type": "stix", "valid_from": "2024-03-06T00:00:00Z"},
  {"type": "note", "spec_version": "2.1", "id": "note--0c7b5b88-8ff7-4a4d-aa9b-feb398cd0061",
   "created": "2024-03-06T00:00:00.000Z", "modified": "2024-03-06T00:00:00.000Z",
   "content": "The health ministry said cholera cases in Malawi had fallen by half since January.",
   "object_refs": ["report--84e4d88f-44ea-4bcb-bbf7-a9f6d0dc56a5"]},
  {"type": "report", "spec_version": "2.1", "id": "report--84e4d88f-44ea-4bcb-bbf7-a9f6d0dc56a5",
   "created": "2024-03-06T00:00:00.000Z", "modified": "2024-03-06T00:00:00.000Z",
   "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
   "name": "Cholera cases fall in Malawi", "published": "2024-03-06T00:00:00Z",
   "object_refs": ["identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"]}
]}"#,
    )
    .unwrap();
    let db = dir.join("foreign.db");
    let output = run_ok(&["import", "stix", path(&bundle), "--db", path(&db)]);
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(report.contains("1 document(s) stored"), "{report}");
    assert!(report.contains("skipped (not stored): 1 identity, 1 indicator"), "{report}");
    let doc = run_ok(&[
        "doc",
        "report--84e4d88f-44ea-4bcb-bbf7-a9f6d0dc56a5",
        "--json",
        "--text",
        "--db",
        path(&db),
    ]);
    let doc: Value = serde_json::from_slice(&doc.stdout).expect("doc JSON");
    let text = serde_json::to_string(&doc).unwrap();
    assert!(text.contains("cholera cases in Malawi"), "the note's content is in the text: {text}");
    assert!(text.contains("Example Wire"), "the creator is the publisher: {text}");
    assert!(text.contains("2024-03-06"), "the published day is the date: {text}");
}

#[test]
fn a_malformed_bundle_is_refused_naming_the_file_and_the_problem() {
    let dir = scratch("malformed");
    let db = dir.join("x.db");
    let cases = [
        ("not-json.json", "{\"type\": \"bundle\", ", "not JSON"),
        ("not-bundle.json", "{\"type\": \"report\"}", "not a STIX bundle"),
        ("no-id.json", "{\"type\": \"bundle\", \"objects\": [{\"type\": \"report\"}]}", "object 0"),
        (
            "no-name.json",
            r#"{"type": "bundle", "objects": [{"type": "report", "id": "report--84e4d88f-44ea-4bcb-bbf7-a9f6d0dc56a5"}]}"#,
            "a report needs a \"name\"",
        ),
    ];
    for (file, content, problem) in cases {
        let bundle = dir.join(file);
        std::fs::write(&bundle, content).unwrap();
        let output = claimgraph(&["import", "stix", path(&bundle), "--db", path(&db)]);
        assert!(!output.status.success(), "{file} is refused");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(file), "{file}: the message names the file: {stderr}");
        assert!(stderr.contains(problem), "{file}: the message says {problem:?}: {stderr}");
    }
}
