//! Claims are listed with the shared [`crate::api::dto::ClaimDto`]; an analyst's verdict
//! is posted as a [`MarkBody`].

use serde::Deserialize;

/// `POST /api/v1/claims/{id}/marks`.
#[derive(Debug, Deserialize)]
pub struct MarkBody {
    /// "confirmed" or "retracted".
    pub status: String,
    /// Why, in the analyst's words.
    pub note: Option<String>,
}
