//! `/api/v1/sources`.

pub mod dto;
pub mod handler;
