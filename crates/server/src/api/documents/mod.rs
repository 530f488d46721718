//! `/api/v1/documents`.

pub mod dto;
pub mod handler;
