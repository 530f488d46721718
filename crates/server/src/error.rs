//! Errors as HTTP: one table from each error to its status and stable code.
//!
//! API clients get `{"error": {"status", "code", "message"}}`; pages render the same
//! error as HTML (`pages::PageError`). Internal errors keep their detail out of the
//! response body (it may name files) and say only that the server failed.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use claimgraph_store::StoreError;
use serde_json::json;

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A malformed parameter or body: the client's to fix.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// No valid token where one is needed.
    #[error("a valid token is required (Authorization: Bearer TOKEN)")]
    Unauthorized,
    /// A route that does not exist.
    #[error("no such route: {0}")]
    NoRoute(String),
    /// The server itself failed (a panicked store task).
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// The table: status and stable machine-readable code for every error.
    pub fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::Store(StoreError::NotFound(_)) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::Store(StoreError::InvalidQuery(_)) => {
                (StatusCode::BAD_REQUEST, "invalid_query")
            }
            ApiError::Store(StoreError::NewerSchema { .. } | StoreError::Open { .. }) => {
                (StatusCode::SERVICE_UNAVAILABLE, "store_unavailable")
            }
            ApiError::Store(_) | ApiError::Internal(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::NoRoute(_) => (StatusCode::NOT_FOUND, "no_route"),
        }
    }

    /// What the client is told: user errors as they are, internal ones without detail.
    pub fn public_message(&self) -> String {
        match self {
            ApiError::Store(error) if error.is_user_error() => error.to_string(),
            ApiError::Store(_) | ApiError::Internal(_) => {
                "the server failed; see its log".to_string()
            }
            other => other.to_string(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if status.is_server_error() {
            log_internal(&self);
        }
        let body = json!({"error": {
            "status": status.as_u16(),
            "code": code,
            "message": self.public_message(),
        }});
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer realm=\"claimgraph\""),
            );
        }
        response
    }
}

/// The server's log is its standard error: the detail hidden from clients goes there.
#[allow(clippy::print_stderr)]
pub(crate) fn log_internal(error: &ApiError) {
    eprintln!("claimgraph serve: {error}");
}
