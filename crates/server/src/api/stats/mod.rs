//! `/api/v1/stats`.

pub mod dto;
pub mod handler;
