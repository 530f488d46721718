//! Byte offsets to Unicode code point offsets, for the `eval` and `json` formats.

/// Maps byte offsets of one text to code point offsets in O(1) each.
#[derive(Debug)]
pub struct CharOffsets {
    /// `None` for ASCII text, where both offsets agree.
    table: Option<Vec<u32>>,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut n_chars = 0u32;
        for (byte_idx, ch) in text.char_indices() {
            for slot in &mut table[byte_idx..byte_idx + ch.len_utf8()] {
                *slot = n_chars;
            }
            n_chars += 1;
        }
        table[text.len()] = n_chars;
        CharOffsets { table: Some(table) }
    }

    pub fn char_offset(&self, byte_offset: usize) -> usize {
        match &self.table {
            None => byte_offset,
            Some(table) => table.get(byte_offset).copied().unwrap_or(0) as usize,
        }
    }
}
