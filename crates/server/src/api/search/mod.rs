//! `/api/v1/search`.

pub mod dto;
pub mod handler;
