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
use tokio::sync::Semaphore;

pub use auth::{Access, TokenSet};
pub use error::ApiError;

/// What every handler sees: the store and who may do what.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub access: Arc<Access>,
    /// Turns to call the store, one per core, handed out first come, first served.
    store_turns: Arc<Semaphore>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, access: Access) -> AppState {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        AppState { store, access: Arc::new(access), store_turns: Arc::new(Semaphore::new(cores)) }
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
///
/// At most one call per core runs at a time; the others wait their turn in arrival order
/// (tokio's semaphore is fair). Store calls are mostly CPU work, so more at once would
/// only share the cores, and the store's own locks are not fair: under load some
/// requests waited many turns while later ones went ahead, which made the slowest
/// responses several times slower than the typical one.
pub(crate) async fn with_store<T, F>(state: &AppState, call: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
{
    let turn = Arc::clone(&state.store_turns)
        .acquire_owned()
        .await
        .map_err(|error| ApiError::Internal(format!("store closed: {error}")))?;
    let store = Arc::clone(&state.store);
    tokio::task::spawn_blocking(move || {
        let result = call(store.as_ref());
        drop(turn);
        result
    })
    .await
    .map_err(|error| ApiError::Internal(format!("store task failed: {error}")))?
    .map_err(ApiError::Store)
}
