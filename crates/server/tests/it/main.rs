//! Tests of the server through its router, without a socket (`tower::ServiceExt::oneshot`):
//! every API route, every page (parsed with `scraper`, selected by `data-` attributes),
//! hostile documents, tokens; and a headless browser run when chromium is installed.

mod api;
mod browser;
mod common;
mod hostile;
mod pages;
