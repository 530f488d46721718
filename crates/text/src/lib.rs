//! Here is a text, give me its tokens and sentences.
//!
//! Both stages are pure functions over the original text: every span they return is a
//! byte range into it, on character boundaries. Neither fails: any string, however odd,
//! gets tokens and sentences in time linear in its length.

pub mod abbreviations;
pub mod sentences;
pub mod tokens;
pub mod words;

pub use sentences::split_sentences;
pub use tokens::tokenize;
