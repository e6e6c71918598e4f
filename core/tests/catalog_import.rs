#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Every fixture file imported whole, as a person drops it on the app: catalog files (apps,
//! filters, scope tags) land in the catalog, assignments on their own are skipped with a reason,
//! and the counts follow from the file's own content.

mod common;

use esp_core::graph::{import_bytes, Layout};
use serde_json::Value;

/// The objects of a file as import sees them: the items of a list, of `{"value": [...]}`, of a
/// one-list wrapper, or the file itself.
fn objects(value: &Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items.clone(),
        Value::Object(map) => match map.get("value") {
            Some(Value::Array(items)) => items.clone(),
            Some(object @ Value::Object(_)) => vec![object.clone()],
            _ if map.len() == 1 && !map.contains_key("id") => match map.values().next() {
                Some(Value::Array(items)) => items.clone(),
                _ => vec![value.clone()],
            },
            _ => vec![value.clone()],
        },
        _ => panic!("not an object or list"),
    }
}

#[test]
fn app_files_import_their_apps() {
    for path in common::json_files("apps") {
        let file = common::name(&path);
        let objects = objects(&common::json_at(&path));
        let apps = objects
            .iter()
            .filter(|o| o.get("@odata.type").is_some() || o.get("displayName").is_some())
            .count();
        let report = import_bytes(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .report;
        assert_eq!(report.imported.apps, apps, "{file}: {report}");
        assert_eq!(
            report.skipped.len(),
            objects.len() - apps,
            "{file}: {report}"
        );
        assert_eq!(report.imported.profiles, 0, "{file}");
    }
}

#[test]
fn filter_files_import_their_windows_filters() {
    for path in common::json_files("filters") {
        let file = common::name(&path);
        let objects = objects(&common::json_at(&path));
        let windows = objects
            .iter()
            .filter(|o| o["platform"] == "windows10AndLater")
            .count();
        let imported =
            import_bytes(&std::fs::read(&path).unwrap()).unwrap_or_else(|e| panic!("{file}: {e}"));
        let report = &imported.report;
        assert_eq!(report.imported.filters, windows, "{file}: {report}");
        assert_eq!(
            report.skipped.len(),
            objects.len() - windows,
            "{file}: {report}"
        );
        assert_ne!(report.layout, Layout::Bundle, "{file}");
        assert_eq!(imported.tenant.scope_tags.len(), 0, "{file}");
    }
}

#[test]
fn scope_tag_files_import_their_tags() {
    for path in common::json_files("scopetags") {
        let file = common::name(&path);
        let objects = objects(&common::json_at(&path));
        let report = import_bytes(&std::fs::read(&path).unwrap()).unwrap().report;
        assert_eq!(
            report.imported.scope_tags,
            objects.len(),
            "{file}: {report}"
        );
        assert!(report.skipped.is_empty(), "{file}: {report}");
    }
}

#[test]
fn assignments_on_their_own_are_skipped_with_a_reason() {
    for path in common::json_files("assignments") {
        let file = common::name(&path);
        let objects = objects(&common::json_at(&path));
        let report = import_bytes(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .report;
        assert_eq!(report.skipped.len(), objects.len(), "{file}: {report}");
        for skipped in &report.skipped {
            assert!(
                skipped.reason.starts_with("an assignment on its own"),
                "{file}: {}",
                skipped.reason
            );
        }
        let c = report.imported;
        assert_eq!(
            c.profiles + c.apps + c.filters + c.groups + c.scope_tags,
            0,
            "{file}"
        );
    }
}
