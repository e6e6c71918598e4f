//! Why a file could not be imported: the bytes, the JSON, or a value at a JSON path.

use thiserror::Error;

/// Why an import failed. Nothing is imported when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The bytes are not text in an encoding we read.
    #[error("the file is not readable text: {0}")]
    Encoding(String),
    /// The text is not JSON.
    #[error("the file is not valid JSON: {message} (line {line}, column {column})")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// A value has the wrong shape.
    #[error("at `{path}`: expected {expected}, found {found}")]
    Shape {
        /// JSON path, e.g. `$.deviceEnrollmentConfigurations[3].installProgressTimeoutInMinutes`.
        path: String,
        /// What was expected, e.g. `a whole number`.
        expected: String,
        /// What was there, e.g. `a string`.
        found: String,
    },
}

impl ImportError {
    /// The JSON path of a shape error.
    pub fn path(&self) -> Option<&str> {
        match self {
            ImportError::Shape { path, .. } => Some(path),
            _ => None,
        }
    }
}

impl From<serde_json::Error> for ImportError {
    fn from(error: serde_json::Error) -> Self {
        let message = error.to_string();
        // serde_json appends " at line L column C"; we report them apart.
        let message = match message.rfind(" at line ") {
            Some(at) => message.get(..at).unwrap_or(&message).to_owned(),
            None => message,
        };
        ImportError::Json {
            line: error.line(),
            column: error.column(),
            message,
        }
    }
}
