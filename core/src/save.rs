//! The app's save format: the tenant bundle, the designer's own metadata and a schema version.
//!
//! ```json
//! { "schemaVersion": 1, "savedAt": "2026-11-22T10:00:00Z",
//!   "tenant": { "deviceEnrollmentConfigurations": [...], "groups": [...], ... },
//!   "designer": { ...drafts, scenarios: whatever the UI keeps... } }
//! ```
//!
//! The tenant travels as the Graph-shaped bundle (`graph::export::bundle`), so a save is also a
//! file other tools can read. `designer` is opaque to the core. Loading an older save runs it
//! through [`MIGRATIONS`], one function per version step; a save from a newer version is refused
//! with [`SaveError::Newer`] so the UI can keep it aside instead of losing what it does not know.

use crate::graph::{self, Encoding, ImportError, ImportReport};
use crate::model::Tenant;
use serde_json::{json, Map, Value};
use thiserror::Error;

/// The version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One migration step: a save document of version n in, version n+1 out.
pub type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`; its length is `SCHEMA_VERSION - 1`.
/// Version 1 is the first, so there is nothing to migrate yet.
pub const MIGRATIONS: &[Migration] = &[];

/// Why a save could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    /// The bytes or the JSON are broken.
    #[error("the save cannot be read: {0}")]
    Unreadable(ImportError),
    /// Not a save of this app.
    #[error(
        "this is not an {} save: it has no `schemaVersion`",
        crate::PRODUCT_NAME
    )]
    NotASave,
    /// A save from a newer version of the app.
    #[error("this save is from a newer version of {} (schema {found}; this version reads up to {supported}); it is kept unchanged", crate::PRODUCT_NAME)]
    Newer {
        /// The save's version.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
    /// A migration step failed.
    #[error("this save (schema {from}) could not be brought up to date: {reason}")]
    Migration {
        /// The version the failing step starts from.
        from: u32,
        /// What went wrong.
        reason: String,
    },
    /// The tenant inside the save does not import.
    #[error("the tenant in this save cannot be read: {0}")]
    Tenant(ImportError),
}

/// An opened save.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The tenant.
    pub tenant: Tenant,
    /// The designer's metadata, as saved (`null` when there was none).
    pub designer: Value,
    /// When it was saved, as the UI wrote it.
    pub saved_at: Option<String>,
    /// The version the save was written in, when older than [`SCHEMA_VERSION`].
    pub migrated_from: Option<u32>,
    /// The import report of the tenant (normally clean).
    pub report: ImportReport,
}

/// Writes a save as a file for people and other tools (pretty JSON). `saved_at` is the UI's
/// clock: the core has none.
pub fn save(tenant: &Tenant, designer: &Value, saved_at: Option<&str>) -> String {
    format!("{:#}", document(tenant, designer, saved_at))
}

/// Writes the same save without whitespace, for the browser's own storage: a large tenant's
/// save is about a quarter smaller, so it is quicker to write, to hand to the page and to
/// parse at start-up, and more of it fits in the browser's quota. [`load`] reads either.
pub fn save_compact(tenant: &Tenant, designer: &Value, saved_at: Option<&str>) -> String {
    document(tenant, designer, saved_at).to_string()
}

/// A tenant's part of the compact save, written once and then reused by
/// [`save_compact_with`] for as long as the tenant stays the same: the browser's autosave
/// writes the whole document again after a change of the designer's sections alone (a wizard
/// keystroke, a preview scenario), and building and printing a large tenant's bundle is most of
/// a save's cost. Only [`CompactTenant::new`] makes one, so the text is always a tenant's bundle
/// as [`save_compact`] would print it. Which tenant it was made from is the caller's to track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompactTenant(String);

impl CompactTenant {
    /// Builds and prints the tenant's bundle (the costly part of a save).
    pub fn new(tenant: &Tenant) -> Self {
        CompactTenant(graph::export::bundle(tenant).to_string())
    }
}

/// Writes the compact save of the tenant `tenant` was made from: the same text, byte for byte,
/// as [`save_compact`] with that tenant, without building or printing the tenant again.
pub fn save_compact_with(
    tenant: &CompactTenant,
    designer: &Value,
    saved_at: Option<&str>,
) -> String {
    let designer = designer.to_string();
    let mut text = String::with_capacity(tenant.0.len() + designer.len() + 128);
    text.push('{');
    // The frame's own order, as `document` prints it, so the two cannot disagree.
    for (n, (key, value)) in frame(saved_at).iter().enumerate() {
        if n > 0 {
            text.push(',');
        }
        text.push_str(&Value::from(key.as_str()).to_string());
        text.push(':');
        match key.as_str() {
            TENANT => text.push_str(&tenant.0),
            DESIGNER => text.push_str(&designer),
            _ => text.push_str(&value.to_string()),
        }
    }
    text.push('}');
    text
}

const TENANT: &str = "tenant";
const DESIGNER: &str = "designer";

/// The save document's keys with `tenant` and `designer` left `null`, for [`document`] to fill
/// in and [`save_compact_with`] to print around a written tenant. Both take the keys' order from
/// this map: serde_json sorts them, unless a crate turns on its `preserve_order` feature (none
/// does today), which keeps them in the order they are inserted here.
fn frame(saved_at: Option<&str>) -> Map<String, Value> {
    let mut frame = Map::new();
    frame.insert("schemaVersion".into(), SCHEMA_VERSION.into());
    frame.insert(TENANT.into(), Value::Null);
    frame.insert(DESIGNER.into(), Value::Null);
    if let Some(at) = saved_at {
        frame.insert("savedAt".into(), at.into());
    }
    frame
}

fn document(tenant: &Tenant, designer: &Value, saved_at: Option<&str>) -> Value {
    let mut document = frame(saved_at);
    // Inserting under a key already there keeps its place, in either order of the map.
    document.insert(TENANT.into(), graph::export::bundle(tenant));
    document.insert(DESIGNER.into(), designer.clone());
    Value::Object(document)
}

/// Opens a save's bytes (any encoding import reads).
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, SaveError> {
    let (text, _) = graph::decode(bytes).map_err(SaveError::Unreadable)?;
    load(&text)
}

/// Opens a save, migrating it when older: [`parse`], then [`load_value`].
pub fn load(text: &str) -> Result<Loaded, SaveError> {
    load_value(parse(text)?, MIGRATIONS)
}

/// A save's JSON tree, the first half of [`load`]. The browser parses at start-up in a task of
/// its own and opens the tree in the next, since a large tenant's save takes about as long to
/// parse as to import.
pub fn parse(text: &str) -> Result<Value, SaveError> {
    serde_json::from_str(text).map_err(|e| SaveError::Unreadable(e.into()))
}

/// True when parsed JSON looks like a save (it has `schemaVersion`), rather than Graph JSON.
pub fn is_save(document: &Value) -> bool {
    document.get("schemaVersion").is_some()
}

/// Opens a parsed save with a given migration chain (the current version is `chain.len() + 1`).
pub fn load_value(document: Value, chain: &[Migration]) -> Result<Loaded, SaveError> {
    let (mut document, from) = migrate(document, chain)?;
    // Read in place: a copy of a large tenant's JSON tree (and dropping it) cost as much as a
    // third of the import.
    let empty = json!({});
    let tenant = document.get("tenant").unwrap_or(&empty);
    let imported =
        graph::import::import_parsed(tenant, Encoding::Utf8, None).map_err(SaveError::Tenant)?;
    let saved_at = document
        .get("savedAt")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let designer = document
        .get_mut("designer")
        .map(Value::take)
        .unwrap_or(Value::Null);
    let current = current_version(chain);
    Ok(Loaded {
        tenant: imported.tenant,
        designer,
        saved_at,
        migrated_from: (from < current).then_some(from),
        report: imported.report,
    })
}

fn current_version(chain: &[Migration]) -> u32 {
    u32::try_from(chain.len()).map_or(u32::MAX, |n| n.saturating_add(1))
}

/// Brings a save document up to the chain's current version; returns it and its original
/// version.
pub fn migrate(mut document: Value, chain: &[Migration]) -> Result<(Value, u32), SaveError> {
    let current = current_version(chain);
    let from = match document.get("schemaVersion").map(Value::as_u64) {
        None => return Err(SaveError::NotASave),
        Some(Some(v)) if v >= 1 => u32::try_from(v).unwrap_or(u32::MAX),
        Some(_) => {
            return Err(SaveError::Unreadable(ImportError::Shape {
                path: "$.schemaVersion".into(),
                expected: "a whole number from 1".into(),
                found: crate::graph::describe_value(document.get("schemaVersion")),
            }))
        }
    };
    if from > current {
        return Err(SaveError::Newer {
            found: from,
            supported: current,
        });
    }
    for version in from..current {
        let step = usize::try_from(version - 1)
            .ok()
            .and_then(|i| chain.get(i))
            .ok_or_else(|| SaveError::Migration {
                from: version,
                reason: "no migration step is defined".into(),
            })?;
        document = step(document).map_err(|reason| SaveError::Migration {
            from: version,
            reason,
        })?;
        if let Some(map) = document.as_object_mut() {
            map.insert("schemaVersion".into(), (version + 1).into());
        }
    }
    Ok((document, from))
}
