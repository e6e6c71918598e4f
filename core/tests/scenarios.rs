#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The scenario suite: one JSON file per rule of DOMAIN §2–§4 in `tests/scenarios/`, each
//! `{ "description", "tenant": <bundle>, "scenario": {…}, "expect": {…} }`.
//!
//! `expect` is partial: only the fields it names are compared. Objects compare key by key,
//! arrays element by element (same length), `{"$contains": "text"}` matches a string holding
//! the text, and `warningCodes` (added to the result here) is the sorted list of warning codes.
//! Every case is also run through the fleet's fast path, which must agree on the profile, how
//! it was reached, the blocking-app count and the effective timeout.

use esp_core::graph::import_value;
use esp_core::resolve::{resolve, IndexedTenant, Scenario, Summarizer, WarningCode};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Compares `expected` with `actual` at `path`, pushing one line per difference.
fn compare(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::String(a)) if e.len() == 1 && e.contains_key("$contains") => {
            let needle = e["$contains"].as_str().unwrap_or_default();
            if !a.contains(needle) {
                out.push(format!(
                    "{path}: expected a text containing {needle:?}\n    actual: {a:?}"
                ));
            }
        }
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                match a.get(key) {
                    Some(actual) => compare(value, actual, &format!("{path}.{key}"), out),
                    None => out.push(format!("{path}.{key}: missing from the result")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!(
                    "{path}: expected {} items, found {}\n    expected: {}\n    actual:   {}",
                    e.len(),
                    a.len(),
                    serde_json::to_string(expected).unwrap(),
                    serde_json::to_string(actual).unwrap()
                ));
                return;
            }
            for (i, (e, a)) in e.iter().zip(a).enumerate() {
                compare(e, a, &format!("{path}[{i}]"), out);
            }
        }
        (e, a) if e == a => {}
        (e, a) => out.push(format!(
            "{path}:\n    expected: {}\n    actual:   {}",
            serde_json::to_string(e).unwrap(),
            serde_json::to_string(a).unwrap()
        )),
    }
}

#[test]
fn every_scenario_file_resolves_as_expected() {
    let files = cases();
    assert!(files.len() >= 40, "only {} scenario files", files.len());
    let mut failures = Vec::new();
    let mut codes_expected: BTreeSet<String> = BTreeSet::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        assert!(
            case["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{name}: no description"
        );
        let tenant = import_value(&case["tenant"])
            .unwrap_or_else(|e| panic!("{name}: the tenant does not import: {e}"))
            .tenant;
        let scenario: Scenario = serde_json::from_value(case["scenario"].clone())
            .unwrap_or_else(|e| panic!("{name}: bad scenario: {e}"));
        let result = resolve(&tenant, &scenario);
        let mut actual = serde_json::to_value(&result).unwrap();
        let codes: BTreeSet<&str> = result.warnings.iter().map(|w| w.code.as_str()).collect();
        actual["warningCodes"] = codes.iter().copied().collect::<Vec<_>>().into();
        let mut expect = case["expect"].clone();
        if let Some(list) = expect.get_mut("warningCodes").and_then(Value::as_array_mut) {
            list.sort_by_key(|v| v.as_str().unwrap_or_default().to_owned());
            codes_expected.extend(list.iter().filter_map(|v| v.as_str().map(str::to_owned)));
        }
        let mut diffs = Vec::new();
        compare(&expect, &actual, "expect", &mut diffs);

        let index = IndexedTenant::new(&tenant);
        let summary = Summarizer::new(&index).summarize(&index.prepare(&scenario));
        let fast = (
            index.profile_id_at(summary.profile).cloned(),
            summary.via,
            summary.blocking_apps as usize,
            summary.effective_timeout_minutes,
        );
        let full = (
            Some(result.profile.id.clone()),
            result.via,
            result.blocking_count(),
            result.effective_timeout_minutes,
        );
        if fast != full {
            diffs.push(format!("fast path disagrees: {fast:?} vs full {full:?}"));
        }
        if !diffs.is_empty() {
            failures.push(format!(
                "{name} ({}):\n  {}\n  full result: {}",
                case["description"].as_str().unwrap_or_default(),
                diffs.join("\n  "),
                serde_json::to_string_pretty(&actual).unwrap()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenario files failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
    let missing: Vec<&str> = WarningCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !codes_expected.contains(*c))
        .collect();
    assert!(missing.is_empty(), "no scenario expects {missing:?}");
}
