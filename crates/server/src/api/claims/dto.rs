//! Claims are listed with the shared [`crate::api::dto::ClaimDto`].
