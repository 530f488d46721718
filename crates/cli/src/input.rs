//! Reading documents from files and standard input, one at a time.
//!
//! A plain file is one document; a JSON Lines file holds one document per line. Errors
//! name the file (and line) and never stop the batch: the reader yields them in order
//! with the documents and goes on.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimgraph_model::Document;
use serde::Deserialize;

use crate::args::InputFormat;

/// A document read from an input, with notes about how it was read.
#[derive(Debug)]
pub struct InputDocument {
    /// Where it came from: a path, `path:line`, or `-`.
    pub origin: String,
    pub document: Document,
    /// Problems worked around while reading (invalid UTF-8 replaced, say).
    pub warnings: Vec<String>,
}

/// An input that could not be read or parsed.
#[derive(Debug)]
pub struct InputError {
    pub origin: String,
    pub message: String,
}

pub type InputItem = Result<InputDocument, InputError>;

/// Settings shared by every input.
#[derive(Debug, Clone)]
pub struct ReadSettings {
    pub input_format: InputFormat,
    /// Treat standard input as JSON Lines when the format is `auto` (the `eval` format).
    pub stdin_is_jsonl: bool,
    pub doc_date: Option<NaiveDate>,
    pub publisher: Option<String>,
}

/// Reads every input in order and hands each document (or error) to `sink`.
/// `sink` returns an error only to stop everything (a closed stdout).
pub fn read_all(
    paths: &[PathBuf],
    settings: &ReadSettings,
    sink: &mut dyn FnMut(InputItem) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let stdin_only = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin_only[..] } else { paths };
    for path in paths {
        let is_stdin = path.as_os_str() == "-";
        let origin = if is_stdin { "-".to_string() } else { path.display().to_string() };
        let jsonl = match settings.input_format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto if is_stdin => settings.stdin_is_jsonl,
            InputFormat::Auto => has_jsonl_extension(path),
        };
        let reader: Box<dyn Read> = if is_stdin {
            Box::new(io::stdin().lock())
        } else {
            match File::open(path) {
                Ok(file) => Box::new(file),
                Err(error) => {
                    sink(Err(InputError { origin, message: format!("cannot open: {error}") }))?;
                    continue;
                }
            }
        };
        if jsonl {
            read_jsonl(reader, &origin, settings, sink)?;
        } else {
            let item = read_plain(reader, &origin, settings);
            sink(item)?;
        }
    }
    Ok(())
}

fn has_jsonl_extension(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson"))
}

fn read_plain(mut reader: Box<dyn Read>, origin: &str, settings: &ReadSettings) -> InputItem {
    let mut bytes = Vec::new();
    if let Err(error) = reader.read_to_end(&mut bytes) {
        return Err(InputError {
            origin: origin.to_string(),
            message: format!("cannot read: {error}"),
        });
    }
    // NUL bytes do not occur in text; a file with them is binary (an image, an archive).
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(InputError {
            origin: origin.to_string(),
            message: "looks like a binary file (contains NUL bytes); not analyzed".to_string(),
        });
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            warnings.push(format!(
                "invalid UTF-8 (first bad byte at offset {valid_up_to}); decoded lossily with U+FFFD"
            ));
            String::from_utf8_lossy(error.as_bytes()).into_owned()
        }
    };
    let id = Path::new(origin).file_stem().and_then(|s| s.to_str()).unwrap_or(origin).to_string();
    Ok(InputDocument {
        origin: origin.to_string(),
        document: Document {
            id,
            text,
            date: settings.doc_date,
            publisher: settings.publisher.clone(),
        },
        warnings,
    })
}

/// One JSON Lines record. Unknown keys (gold annotations) are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default, alias = "date")]
    doc_date: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
}

fn read_jsonl(
    reader: Box<dyn Read>,
    origin: &str,
    settings: &ReadSettings,
    sink: &mut dyn FnMut(InputItem) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line = Vec::new();
    let mut line_number = 0usize;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(error) => {
                let message = format!("cannot read after line {line_number}: {error}");
                return sink(Err(InputError { origin: origin.to_string(), message }));
            }
        }
        line_number += 1;
        let here = format!("{origin}:{line_number}");
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut warnings = Vec::new();
        let record: Record = match serde_json::from_slice(&line) {
            Ok(record) => record,
            Err(error) => {
                let message = if std::str::from_utf8(&line).is_err() {
                    format!("invalid UTF-8 in a JSON line: {error}")
                } else {
                    format!("invalid JSON document: {error}")
                };
                sink(Err(InputError { origin: here, message }))?;
                continue;
            }
        };
        let date = match record.doc_date.as_deref().map(str::trim) {
            None | Some("") => settings.doc_date,
            Some(value) => match parse_doc_date(value) {
                Some(date) => Some(date),
                None => {
                    warnings.push(format!("doc_date {value:?} is not a date; ignored"));
                    settings.doc_date
                }
            },
        };
        let id = match record.id {
            Some(serde_json::Value::String(id)) => id,
            Some(other) => other.to_string(),
            None => format!("{}", line_number),
        };
        let document = Document {
            id,
            text: record.text,
            date,
            publisher: record.publisher.or_else(|| settings.publisher.clone()),
        };
        sink(Ok(InputDocument { origin: here, document, warnings }))?;
    }
}

/// Accepts "2017-02-17" and timestamps that start with a date ("2017-02-17T10:00:00Z").
fn parse_doc_date(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10).unwrap_or(value);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
