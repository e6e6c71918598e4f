//! Opening any file the app imports: one of its own saves, or Microsoft Graph JSON.
//!
//! A save (it has `schemaVersion`) brings the designer's state with the tenant, so exporting a
//! workspace and importing the file gives the same workspace back; anything else is read by
//! [`crate::graph`]. The bytes are decoded and parsed once.

use crate::graph::{self, ImportError, Imported};
use crate::model::Tenant;
use crate::save::{self, Loaded, SaveError};
use serde_json::Value;
use thiserror::Error;

/// The largest file the app opens, in bytes (20 MB): a tenant bundle of 51 profiles and a few
/// thousand apps is far smaller, and a browser tab should not parse arbitrarily large JSON.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// What a file turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// A save of this app: tenant, designer state and the tenant's import report.
    Save(Loaded),
    /// Graph JSON (a profile, a list, a bundle…) and its import report.
    Graph(Imported),
}

impl Opened {
    /// The tenant the file holds.
    pub fn tenant(&self) -> &Tenant {
        match self {
            Opened::Save(loaded) => &loaded.tenant,
            Opened::Graph(imported) => &imported.tenant,
        }
    }

    /// The import report of the tenant.
    pub fn report(&self) -> &graph::ImportReport {
        match self {
            Opened::Save(loaded) => &loaded.report,
            Opened::Graph(imported) => &imported.report,
        }
    }
}

/// Why a file could not be opened. Nothing is imported when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OpenError {
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("the file is {} MB; ESP Designer opens files of up to {} MB", megabytes(*.0), megabytes(MAX_FILE_BYTES))]
    TooLarge(u64),
    /// Graph JSON that does not import.
    #[error("{0}")]
    Import(ImportError),
    /// A save that does not open.
    #[error("{0}")]
    Save(SaveError),
}

/// A size in megabytes with one decimal, rounded down (`21 MiB + 1 byte` → `"21.0"`).
fn megabytes(bytes: u64) -> String {
    // Whole tenths of a megabyte, rounded down; exact for any file a browser can hold.
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Checks a file's size before it is read.
pub fn check_size(bytes: u64) -> Result<(), OpenError> {
    if bytes > MAX_FILE_BYTES {
        Err(OpenError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// Opens a file's bytes: a save of this app, or Graph JSON read on its own.
pub fn open_bytes(bytes: &[u8]) -> Result<Opened, OpenError> {
    open_with(bytes, None)
}

/// Opens a file's bytes, resolving Graph names (IntuneCD) against `known` too, ready for
/// `known.merge(...)`; a save is opened on its own either way.
pub fn open_bytes_for(bytes: &[u8], known: &Tenant) -> Result<Opened, OpenError> {
    open_with(bytes, Some(known))
}

fn open_with(bytes: &[u8], known: Option<&Tenant>) -> Result<Opened, OpenError> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    let (text, encoding) = graph::decode(bytes).map_err(OpenError::Import)?;
    let value: Value =
        serde_json::from_str(&text).map_err(|e| OpenError::Import(ImportError::from(e)))?;
    if save::is_save(&value) {
        return save::load_value(value, save::MIGRATIONS)
            .map(Opened::Save)
            .map_err(OpenError::Save);
    }
    graph::import::import_parsed(&value, encoding, known)
        .map(Opened::Graph)
        .map_err(OpenError::Import)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::{CustomProfile, DefaultProfile};
    use serde_json::json;

    fn sample() -> Tenant {
        let mut tenant = Tenant::new(DefaultProfile::default());
        tenant
            .add_profile(CustomProfile::new("p1", "Kiosk"))
            .unwrap();
        tenant
    }

    #[test]
    fn a_save_opens_with_its_designer_state() {
        let designer = json!({"preview": {"scenario": 3}});
        let text = save::save(&sample(), &designer, Some("2026-11-22T10:00:00Z"));
        let Opened::Save(loaded) = open_bytes(text.as_bytes()).unwrap() else {
            panic!("a save")
        };
        assert_eq!(loaded.tenant, sample());
        assert_eq!(loaded.designer, designer);
    }

    #[test]
    fn graph_json_opens_as_an_import() {
        let bundle = graph::export::bundle(&sample()).to_string();
        let opened = open_bytes(bundle.as_bytes()).unwrap();
        assert!(matches!(opened, Opened::Graph(_)));
        assert_eq!(opened.tenant(), &sample());
        assert_eq!(opened.report().imported.profiles, 2);
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let cases: [(&[u8], &str); 4] = [
            (b"{", "the file is not valid JSON: EOF while parsing an object (line 1, column 1)"),
            (b"42", "at `$`: expected an ESP profile, a list of enrollment configurations or a tenant bundle (a JSON object), found the number 42"),
            (br#"{"schemaVersion": 99, "tenant": {}}"#, "this save is from a newer version of ESP Designer (schema 99; this version reads up to 1); it is kept unchanged"),
            (br#"{"schemaVersion": 1, "tenant": {"groups": 3}}"#, "the tenant in this save cannot be read: at `$.groups`: expected a list, found the number 3"),
        ];
        for (bytes, expected) in cases {
            let error = open_bytes(bytes).unwrap_err();
            assert_eq!(
                error.to_string(),
                expected,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn files_over_twenty_megabytes_are_refused_before_reading() {
        assert!(check_size(MAX_FILE_BYTES).is_ok());
        let error = check_size(21 * 1024 * 1024).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the file is 21.0 MB; ESP Designer opens files of up to 20.0 MB"
        );
        assert_eq!(megabytes(1024 * 1024 * 3 / 2), "1.5");
    }
}
