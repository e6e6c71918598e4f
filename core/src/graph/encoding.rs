//! Bytes to text the way admins' tools write JSON: UTF-8 with or without a byte-order mark, and
//! UTF-16 (IntuneManagement writes UTF-16LE with a BOM). Without a BOM we assume UTF-8.

use super::error::ImportError;
use serde::Serialize;

/// The encoding a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    #[default]
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
}

impl Encoding {
    /// A label for the import report.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE with BOM",
            Encoding::Utf16Be => "UTF-16BE with BOM",
        }
    }
}

/// Decodes a file's bytes.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), ImportError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, 3).map(|text| (text, Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|text| (text, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|text| (text, Encoding::Utf16Be));
    }
    utf8(bytes, 0).map(|text| (text, Encoding::Utf8))
}

fn utf8(bytes: &[u8], offset: usize) -> Result<String, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => Err(ImportError::Encoding(format!(
            "byte {} is not UTF-8; save the file as UTF-8, or as UTF-16 with a byte-order mark",
            error.valid_up_to() + offset
        ))),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ImportError::Encoding(
            "the file starts with a UTF-16 byte-order mark but has an odd number of bytes".into(),
        ));
    }
    let units = bytes
        .chunks_exact(2)
        .filter_map(|pair| <[u8; 2]>::try_from(pair).ok())
        .map(unit);
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, decoded) in char::decode_utf16(units).enumerate() {
        match decoded {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(ImportError::Encoding(format!(
                    "the file starts with a UTF-16 byte-order mark but byte {} is half a character",
                    2 + 2 * i
                )))
            }
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_bom_and_plain_utf8() {
        let cases: [(&[u8], &str, Encoding); 5] = [
            (b"{\"a\":\"\xC3\xA9\"}", "{\"a\":\"é\"}", Encoding::Utf8),
            (b"\xEF\xBB\xBF{}", "{}", Encoding::Utf8Bom),
            (b"\xFF\xFE{\x00}\x00", "{}", Encoding::Utf16Le),
            (b"\xFE\xFF\x00{\x00}", "{}", Encoding::Utf16Be),
            (b"\xFF\xFE\x3D\xD8\x00\xDE", "😀", Encoding::Utf16Le),
        ];
        for (bytes, text, encoding) in cases {
            assert_eq!(decode(bytes).unwrap(), (text.to_owned(), encoding));
        }
    }

    #[test]
    fn refuses_broken_text_with_the_place() {
        let cases: [(&[u8], &str); 3] = [
            (b"{\"a\":\xFF}", "byte 5 is not UTF-8"),
            (b"\xFF\xFE{", "odd number of bytes"),
            (b"\xFF\xFE\x00\xDC", "byte 2 is half a character"),
        ];
        for (bytes, needle) in cases {
            let error = decode(bytes).unwrap_err().to_string();
            assert!(error.contains(needle), "{error}");
        }
    }
}
