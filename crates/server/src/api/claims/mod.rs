//! `/api/v1/claims`.

pub mod dto;
pub mod handler;
