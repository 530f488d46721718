//! Server-rendered pages: one file per page with its handler and view, one askama template
//! per page in `templates/`. Templates escape everything they print; the only markup built
//! in Rust is none at all (views hold plain strings and numbers).

mod claim;
mod document;
mod entity;
mod graph;
mod login;
mod map;
mod search;
mod source;
mod timeline;

use askama::Template;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::{ApiError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(search::page))
        .route("/search", get(search::page))
        .route("/documents/{key}", get(document::page))
        .route("/documents/{key}/claims/{claim_id}", get(claim::page))
        .route("/entities/{name}", get(entity::page))
        .route("/sources", get(source::list))
        .route("/sources/{name}", get(source::page))
        .route("/timeline", get(timeline::page))
        .route("/map", get(map::page))
        .route("/graph", get(graph::page))
        .route("/login", get(login::form).post(login::submit))
        .route("/assets/style.css", get(stylesheet))
        .route("/assets/world.svg", get(world))
        .fallback(|uri: axum::http::Uri| async move {
            PageError(ApiError::NoRoute(uri.path().to_string()))
        })
}

/// An error shown as a page.
#[derive(Debug)]
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> PageError {
        PageError(error)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    title: String,
    nav: &'static str,
    status: u16,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, _) = self.0.status_and_code();
        if status.is_server_error() {
            crate::error::log_internal(&self.0);
        }
        let page = ErrorPage {
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            nav: "",
            status: status.as_u16(),
            message: self.0.public_message(),
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => status.into_response(),
        }
    }
}

/// Renders a page, or a 500 page when the template fails (it should not: templates are
/// checked at compile time, only formatting can fail).
pub fn render(page: &impl Template) -> Result<Html<String>, PageError> {
    page.render().map(Html).map_err(|error| PageError(ApiError::Internal(error.to_string())))
}

type PageResult = Result<Html<String>, PageError>;

/// The stylesheet, compiled in: the pages load nothing from elsewhere.
async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        include_str!("../../assets/style.css"),
    )
}

/// The world outline under the map (Natural Earth via world-atlas; scripts/web/).
async fn world() -> impl IntoResponse {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "max-age=86400")],
        include_str!("../../assets/world.svg"),
    )
}
