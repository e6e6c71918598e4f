#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! `esp-preview validate` run as a program: exit codes 0/1/2 and what it prints.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(relative: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures");
    assert!(
        dir.is_dir(),
        "the fixtures are missing: expected {}",
        dir.display()
    );
    dir.join(relative)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_esp-preview"))
        .args(args)
        .output()
        .unwrap();
    (
        status.code().unwrap(),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

fn validate(file: &Path, json: bool) -> (i32, String, String) {
    let file = file.to_str().unwrap();
    if json {
        run(&["validate", "--tenant", file, "--json"])
    } else {
        run(&["validate", "--tenant", file])
    }
}

/// A file in a fresh temporary directory.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("esp-preview-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn a_clean_file_exits_0() {
    let (code, out, err) = validate(
        &fixture("esp/Intune.Docs__windows10EnrollmentCompletionPageConfiguration.json"),
        false,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Imported 1 ESP profile(s)"), "{out}");
    assert!(
        out.contains("Default · All users and all devices — no findings"),
        "{out}"
    );
    assert!(
        out.ends_with("1 profile(s): 0 error(s), 0 warning(s).\n"),
        "{out}"
    );
}

#[test]
fn a_utf16_export_with_warnings_only_exits_0() {
    let (code, out, _) = validate(
        &fixture("esp/IntuneJSONS__DefaultWindows10EnrollmentCompletionPageConfiguration.json"),
        false,
    );
    assert_eq!(code, 0);
    assert!(out.contains("(UTF-16LE with BOM)"), "{out}");
    assert!(
        out.contains("warning OOBE_FLAGS_DIFFER (Settings › oobeOnly)"),
        "{out}"
    );
}

#[test]
fn an_error_exits_1_and_names_it() {
    let (code, out, _) = validate(
        &fixture("esp/EUCToolbox__esp_POST_body_template.json"),
        false,
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("Priority 1 · $DisplayName — 2 finding(s)"),
        "{out}"
    );
    assert!(out.contains("error BLOCKING_APP_UNKNOWN (Settings › selectedApps[0]): App `$O365Id` is not in this tenant"), "{out}");
}

#[test]
fn other_configuration_types_are_reported_as_skipped() {
    let (code, out, _) = validate(
        &fixture("esp/other_types/IntuneJSONS__DefaultLimit.json"),
        false,
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("Skipped 1 item(s): 1 deviceEnrollmentLimitConfiguration."),
        "{out}"
    );
}

#[test]
fn json_output_carries_the_report_and_every_finding() {
    let (code, out, _) = validate(
        &fixture("esp/ce-backup__POC_WIN_D_CO_ESP_AllDevices.json"),
        true,
    );
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["import"]["intunecd"], true);
    assert_eq!(json["import"]["resolvedNames"][0]["resolution"], "created");
    assert_eq!(json["profiles"][0]["priority"], 1);
    assert_eq!(json["profiles"][1]["priority"], "default");
    assert_eq!(json["errors"], 0);
    let codes: Vec<&str> = json["profiles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TECHNICIAN_TIMEOUT"]);
}

#[test]
fn a_bundle_and_a_save_are_read_too() {
    let esp = std::fs::read_to_string(fixture("esp/tfm365__esp_POST_response.json")).unwrap();
    let bundle = format!(
        r#"{{"deviceEnrollmentConfigurations": [{esp}], "groups": [{{"id": "g", "displayName": "G", "memberKind": "device"}}]}}"#
    );
    let path = temp_file("bundle.json", bundle.as_bytes());
    let (code, out, _) = validate(&path, true);
    assert_eq!(code, 1, "three unknown blocking apps");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["import"]["layout"], "bundle");
    assert_eq!(json["errors"], 3);

    let imported = esp_core::graph::import_str(&bundle).unwrap();
    let save = esp_core::save::save(&imported.tenant, &serde_json::json!({}), None);
    let path = temp_file("design.espdesign.json", save.as_bytes());
    let (code, out, _) = validate(&path, true);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["errors"],
        3
    );
}

#[test]
fn unreadable_files_exit_2_with_the_reason_on_stderr() {
    let (code, out, err) = validate(Path::new("/nonexistent/tenant.json"), false);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("esp-preview: cannot import `/nonexistent/tenant.json`: "),
        "{err}"
    );

    let path = temp_file("broken.json", b"{\"deviceEnrollmentConfigurations\": [");
    let (code, _, err) = validate(&path, false);
    assert_eq!(code, 2);
    assert!(err.contains("the file is not valid JSON"), "{err}");

    let path = temp_file("shape.json", br#"{"groups": [{"id": 7}]}"#);
    let (code, _, err) = validate(&path, false);
    assert_eq!(code, 2);
    assert!(
        err.contains("at `$.groups[0].id`: expected a string, found the number 7"),
        "{err}"
    );

    let path = temp_file("latin1.json", b"{\"displayName\": \"caf\xE9\"}");
    let (code, _, err) = validate(&path, false);
    assert_eq!(code, 2);
    assert!(err.contains("is not UTF-8"), "{err}");

    let path = temp_file("newer.json", br#"{"schemaVersion": 42, "tenant": {}}"#);
    let (code, _, err) = validate(&path, false);
    assert_eq!(code, 2);
    assert!(err.contains("newer version"), "{err}");
}

#[test]
fn usage_mistakes_exit_2_and_help_and_version_exit_0() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("esp-preview validate --tenant FILE [--json]"));
    let (code, out, _) = run(&["--version"]);
    assert_eq!(
        (code, out.trim()),
        (0, concat!("esp-preview ", env!("CARGO_PKG_VERSION")))
    );
    for args in [
        &["validate"][..],
        &["validate", "--tenant"],
        &["validate", "--tenant", "x", "--yaml"],
        &["frobnicate"],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(!err.is_empty());
    }
    let (code, _, _) = run(&[
        "validate",
        &format!(
            "--tenant={}",
            fixture("esp/HydrationKit__Windows-ESP-Profile.json").display()
        ),
    ]);
    assert_eq!(code, 0);
}
