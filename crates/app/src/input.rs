//! Reading documents from files, directories and standard input, one at a time.
//!
//! A plain file is one document; a JSON Lines file holds one document per line; an HTML
//! page (`.html`, `.htm`, `.xhtml`) is one document, its main text without boilerplate
//! and its metadata from meta tags, JSON-LD or Open Graph; a PDF (`.pdf`) is one document,
//! its text layer (`formats.rs`); a directory is read recursively (hidden entries skipped, files in name order). Errors
//! name the file (and line) and never stop the batch: the reader yields them in order
//! with the documents and goes on. Moved here from the CLI so the CLI's `extract` and
//! `ingest` and the later server read documents the same way.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimgraph_model::Document;
use claimgraph_store::DocumentMeta;
use serde::Deserialize;

/// How to read inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: `.jsonl`/`.ndjson` are JSON Lines, `.html`/`.htm`/`.xhtml` HTML
    /// pages, `.pdf` PDF files, anything else one plain document.
    Auto,
    Text,
    Jsonl,
}

/// A document read from an input, with notes about how it was read.
#[derive(Debug)]
pub struct InputDocument {
    /// Where it came from: a path, `path:line`, or `-`.
    pub origin: String,
    pub document: Document,
    /// Title, URL, author when the input gives them.
    pub meta: DocumentMeta,
    /// Problems worked around while reading (invalid UTF-8 replaced, say).
    pub warnings: Vec<String>,
    /// Input bytes this document took (the file, or the JSON line), for progress.
    pub bytes: u64,
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
    /// Treat standard input as JSON Lines when the format is `auto`.
    pub stdin_is_jsonl: bool,
    pub doc_date: Option<NaiveDate>,
    pub publisher: Option<String>,
}

/// Reads every input in order and hands each document (or error) to `sink`. An empty
/// list reads standard input. `sink` returns an error only to stop everything (a closed
/// stdout, a store that cannot be written).
pub fn read_all<E>(
    paths: &[PathBuf],
    settings: &ReadSettings,
    sink: &mut dyn FnMut(InputItem) -> Result<(), E>,
) -> Result<(), E> {
    let stdin_only = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin_only[..] } else { paths };
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            if let Err(error) = walk(path, &mut files) {
                let origin = path.display().to_string();
                sink(Err(InputError { origin, message: format!("cannot list: {error}") }))?;
            }
            for file in files {
                read_one(&file, settings, sink)?;
            }
        } else {
            read_one(path, settings, sink)?;
        }
    }
    Ok(())
}

/// The files under `dir`, recursively, in name order; hidden entries are skipped.
pub fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir)?.filter_map(|entry| entry.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        let hidden = entry.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if entry.is_dir() {
            walk(&entry, files)?;
        } else {
            files.push(entry);
        }
    }
    Ok(())
}

fn read_one<E>(
    path: &Path,
    settings: &ReadSettings,
    sink: &mut dyn FnMut(InputItem) -> Result<(), E>,
) -> Result<(), E> {
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
                return sink(Err(InputError { origin, message: format!("cannot open: {error}") }));
            }
        }
    };
    if jsonl {
        return read_jsonl(reader, &origin, settings, sink);
    }
    let kind = match settings.input_format {
        InputFormat::Auto if !is_stdin => FileKind::of(path),
        _ => FileKind::Plain,
    };
    match kind {
        FileKind::Plain => sink(read_plain(reader, &origin, settings)),
        FileKind::Html | FileKind::Pdf => sink(read_formatted(reader, &origin, settings, kind)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Plain,
    Html,
    Pdf,
}

impl FileKind {
    fn of(path: &Path) -> FileKind {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("html" | "htm" | "xhtml") => FileKind::Html,
            Some("pdf") => FileKind::Pdf,
            _ => FileKind::Plain,
        }
    }
}

/// An HTML page or a PDF: its text and the metadata it carries. The page's own date and
/// publisher win over the settings' defaults, as a JSON Lines record's do.
fn read_formatted(
    mut reader: Box<dyn Read>,
    origin: &str,
    settings: &ReadSettings,
    kind: FileKind,
) -> InputItem {
    let fail = |message: String| InputError { origin: origin.to_string(), message };
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|error| fail(format!("cannot read: {error}")))?;
    let n_bytes = bytes.len() as u64;
    let mut warnings = Vec::new();
    let extracted = match kind {
        FileKind::Pdf => crate::formats::pdf(&bytes),
        _ => {
            let source = match String::from_utf8(bytes) {
                Ok(source) => source,
                Err(error) => {
                    warnings.push("invalid UTF-8 in the HTML page; decoded lossily".to_string());
                    String::from_utf8_lossy(error.as_bytes()).into_owned()
                }
            };
            crate::formats::html(&source)
        }
    }
    .map_err(fail)?;
    let date = match extracted.date.as_deref() {
        Some(value) => parse_doc_date(value.trim()).or_else(|| {
            warnings.push(format!("date {value:?} is not a date; ignored"));
            settings.doc_date
        }),
        None => settings.doc_date,
    };
    let id = Path::new(origin).file_stem().and_then(|s| s.to_str()).unwrap_or(origin).to_string();
    Ok(InputDocument {
        origin: origin.to_string(),
        document: Document {
            id,
            text: extracted.text,
            date,
            publisher: extracted.publisher.or_else(|| settings.publisher.clone()),
        },
        meta: DocumentMeta {
            origin: origin.to_string(),
            title: extracted.title,
            url: extracted.url,
            author: extracted.author,
        },
        warnings,
        bytes: n_bytes,
    })
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
    let n_bytes = bytes.len() as u64;
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
        meta: DocumentMeta { origin: origin.to_string(), ..DocumentMeta::default() },
        warnings,
        bytes: n_bytes,
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
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

fn read_jsonl<E>(
    reader: Box<dyn Read>,
    origin: &str,
    settings: &ReadSettings,
    sink: &mut dyn FnMut(InputItem) -> Result<(), E>,
) -> Result<(), E> {
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
        let meta = DocumentMeta {
            origin: here.clone(),
            title: record.title,
            url: record.url,
            author: record.author,
        };
        let bytes = line.len() as u64;
        sink(Ok(InputDocument { origin: here, document, meta, warnings, bytes }))?;
    }
}

/// Accepts "2017-02-17" and timestamps that start with a date ("2017-02-17T10:00:00Z").
pub fn parse_doc_date(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10).unwrap_or(value);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
