//! `/api/v1/entities`.

pub mod dto;
pub mod handler;
