//! The claimgraph HTTP server: a versioned JSON API under `/api/v1` and server-rendered
//! pages over a [`Store`], with no JavaScript and nothing fetched from elsewhere.
//!
//! [`app`] builds the whole [`Router`] without binding a socket, so tests drive it with
//! tower's `oneshot`; [`serve`] runs it on a listener the caller bound. The store is a
//! synchronous trait object: every call goes through `spawn_blocking` ([`with_store`]) so
//! a slow query never stalls the async workers.
//!
//! Access ([`auth`]): reads are open unless [`Access::reads_need_token`]; writes always
//! need a token. Every response carries a strict Content-Security-Policy ([`security`]).

mod aggregate;
pub mod api;
pub mod auth;
mod error;
mod pages;
mod security;
mod view;

use std::sync::Arc;

use axum::Router;
use claimgraph_store::{Store, StoreError};

pub use auth::{Access, TokenSet};
pub use error::ApiError;

/// What every handler sees: the store and who may do what.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub access: Arc<Access>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, access: Access) -> AppState {
        AppState { store, access: Arc::new(access) }
    }
}

/// The whole application: API, pages, assets, and the security headers on all of them.
pub fn app(state: AppState) -> Router {
    Router::new()
        .nest("/api/v1", api::routes())
        .merge(pages::routes())
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::require_read))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state)
}

/// Serves `app(state)` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await
}

/// Runs a store call on the blocking pool: the `Store` trait is synchronous and may do
/// disk I/O, which must not block the async workers.
pub(crate) async fn with_store<T, F>(state: &AppState, call: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
{
    let store = Arc::clone(&state.store);
    tokio::task::spawn_blocking(move || call(store.as_ref()))
        .await
        .map_err(|error| ApiError::Internal(format!("store task failed: {error}")))?
        .map_err(ApiError::Store)
}
