#![allow(dead_code)]
//! Shared by the integration tests: where the fixtures are, and reading them.

use std::path::{Path, PathBuf};

/// `shared/fixtures`, which sits beside the repository root.
pub fn fixtures() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures");
    assert!(
        dir.is_dir(),
        "the fixtures are missing: expected {} (the `shared` folder beside the repository root)",
        dir.display()
    );
    dir
}

/// The `.json` files of a fixture folder, sorted, not recursing.
pub fn json_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join(folder))
        .unwrap_or_else(|e| panic!("cannot list fixtures/{folder}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {folder}");
    files
}

/// A fixture's bytes.
pub fn bytes(relative: &str) -> Vec<u8> {
    let path = fixtures().join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A fixture decoded and parsed.
pub fn json(relative: &str) -> serde_json::Value {
    json_at(&fixtures().join(relative))
}

pub fn json_at(path: &Path) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap();
    let (text, _) = esp_core::graph::decode(&bytes).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The objects of a fixture file: the file itself, the items of a list, of `{"value": [...]}`,
/// of `{"filters": [...]}` or `{"enrollmentConfigurationAssignments": [...]}`, or the object
/// in `{"value": {...}}`.
pub fn objects(value: &serde_json::Value) -> Vec<serde_json::Value> {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.clone(),
        Value::Object(map) => {
            for key in ["value", "filters", "enrollmentConfigurationAssignments"] {
                match map.get(key) {
                    Some(Value::Array(items)) => return items.clone(),
                    Some(object @ Value::Object(_)) => return vec![object.clone()],
                    _ => {}
                }
            }
            vec![value.clone()]
        }
        other => panic!("not an object or list: {other}"),
    }
}

/// A file's name, for messages.
pub fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}
