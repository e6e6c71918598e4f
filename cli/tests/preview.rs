#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! `esp-preview resolve`, `fleet` and `filter` run as a program: exit codes and output shape.
//! The tenants come from the core's scenario suite.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// A file of its own in a temporary directory (tests run in parallel, so no two calls share one).
fn temp_file(name: &str, contents: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "esp-preview-preview-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// The tenant and scenario of a scenario-suite case, written to files.
fn case(name: &str) -> (PathBuf, PathBuf) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/scenarios")
        .join(format!("{name}.json"));
    let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    (
        temp_file(&format!("{name}.tenant.json"), &case["tenant"].to_string()),
        temp_file(
            &format!("{name}.scenario.json"),
            &case["scenario"].to_string(),
        ),
    )
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn resolve_prints_the_result_as_json() {
    let (tenant, scenario) = case("blocking_list_is_a_filter_app_1_to_4");
    let (code, out, err) = run(&[
        "resolve",
        "--tenant",
        s(&tenant),
        "--scenario",
        s(&scenario),
    ]);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["profile"],
        serde_json::json!({"id": "p-kiosk", "displayName": "Kiosks", "priority": 1})
    );
    assert_eq!(json["via"], "device");
    assert_eq!(json["pageShown"], true);
    assert_eq!(json["blockDeviceUse"], true);
    assert_eq!(
        json["deviceSetup"],
        serde_json::json!({"tracked": ["app-3", "app-4"], "blocking": ["app-3"]})
    );
    assert_eq!(
        json["accountSetup"],
        serde_json::json!({"tracked": [], "blocking": []})
    );
    assert_eq!(json["timeoutMinutes"], 60);
    assert_eq!(json["effectiveTimeoutMinutes"], 60);
    assert_eq!(json["qualityUpdates"], false);
    assert_eq!(json["warnings"][0]["code"], "BLOCKING_APP_NOT_TARGETED");
    assert!(json["warnings"][0]["message"].is_string());
    let trace = json["trace"].as_array().unwrap();
    assert_eq!(trace.len(), 2);
    for entry in trace {
        assert!(entry["profileId"].is_string());
        assert!(entry["matched"].is_boolean());
        assert!(entry["reason"].is_string());
    }
}

#[test]
fn resolve_has_no_account_setup_in_self_deploying() {
    let (tenant, scenario) = case("self_deploying_has_no_account_setup");
    let (code, out, _) = run(&[
        "resolve",
        "--tenant",
        s(&tenant),
        "--scenario",
        s(&scenario),
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["accountSetup"], Value::Null);
}

#[test]
fn resolve_exits_2_on_unreadable_input() {
    let (tenant, scenario) = case("device_before_user");
    let (code, out, err) = run(&[
        "resolve",
        "--tenant",
        "/nonexistent.json",
        "--scenario",
        s(&scenario),
    ]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("esp-preview: cannot import `/nonexistent.json`"),
        "{err}"
    );

    let bad = temp_file(
        "bad-scenario.json",
        r#"{"mode": "kiosk", "joinType": "entra"}"#,
    );
    let (code, out, err) = run(&["resolve", "--tenant", s(&tenant), "--scenario", s(&bad)]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("not a scenario: unknown variant `kiosk`"),
        "{err}"
    );

    let (code, _, err) = run(&["resolve", "--tenant", s(&tenant)]);
    assert_eq!(code, 2);
    assert!(err.contains("`--scenario FILE` is required"), "{err}");
}

const DEVICES: &str = "name,deviceGroupIds,userGroupIds,mode,joinType,model\n\
                       kiosk-1,g-kiosk,,userDriven,entra,Surface Book 3\n\
                       \n\
                       \"kiosk, hybrid\",g-kiosk,,userDriven,hybrid,Latitude 7440\n\
                       lonely,,,selfDeploying,,\n";

#[test]
fn fleet_prints_one_row_per_device() {
    let (tenant, _) = case("filter_include_passes");
    let devices = temp_file("devices.csv", DEVICES);
    let (code, out, err) = run(&["fleet", "--tenant", s(&tenant), "--devices", s(&devices)]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "name,profileId,profileName,priority,via,blockingApps,effectiveTimeoutMinutes",
            "kiosk-1,p-kiosk,Kiosks,1,device,0,60",
            "\"kiosk, hybrid\",tenant_DefaultWindows10EnrollmentCompletionPageConfiguration,All users and all devices,default,default,0,",
            "lonely,tenant_DefaultWindows10EnrollmentCompletionPageConfiguration,All users and all devices,default,default,0,",
        ]
    );
}

#[test]
fn fleet_against_prints_only_the_devices_that_change() {
    // Before: Kiosks without a filter, App 3 blocking. After: Kiosks only for Surface Book 3.
    let (before, _) = case("blocking_list_is_a_filter_app_1_to_4");
    let (after, _) = case("filter_include_passes");
    let devices = temp_file("devices-against.csv", DEVICES);
    let (code, out, err) = run(&[
        "fleet",
        "--tenant",
        s(&after),
        "--devices",
        s(&devices),
        "--against",
        s(&before),
    ]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("name,changes,profileBefore,profileAfter,"));
    assert!(
        lines[1]
            .starts_with("kiosk-1,blockingApps,p-kiosk,p-kiosk,1,1,device,device,1,0,,app-3,60,60"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("\"kiosk, hybrid\",profile;blockingApps;timeout,p-kiosk,tenant_"),
        "{out}"
    );
    assert!(lines[2].ends_with(",100,"), "{out}");

    let (code, out, _) = run(&[
        "fleet",
        "--tenant",
        s(&after),
        "--devices",
        s(&devices),
        "--against",
        s(&before),
        "--counts",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "profileId,profileName,before,after,change",
            "p-kiosk,Kiosks,2,1,-1",
            "tenant_DefaultWindows10EnrollmentCompletionPageConfiguration,All users and all devices,1,2,+1",
        ]
    );
}

#[test]
fn fleet_exits_2_on_bad_rows_naming_each_line() {
    let (tenant, _) = case("filter_include_passes");
    let devices = temp_file(
        "bad.csv",
        "pc1,,,userDriven\npc2,,,kiosk\n\"open,,,userDriven\n",
    );
    let (code, out, err) = run(&["fleet", "--tenant", s(&tenant), "--devices", s(&devices)]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("line 2: device `pc2` has mode `kiosk`"),
        "{err}"
    );
    assert!(
        err.contains("line 3: a quoted field is never closed"),
        "{err}"
    );
    let (code, _, _) = run(&[
        "fleet",
        "--tenant",
        s(&tenant),
        "--devices",
        "/nonexistent.csv",
    ]);
    assert_eq!(code, 2);
    let (code, _, err) = run(&[
        "fleet",
        "--tenant",
        s(&tenant),
        "--devices",
        s(&devices),
        "--counts",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("`--counts` goes with `--against`"), "{err}");
}

#[test]
fn filter_exit_codes_say_whether_esp_may_use_the_rule() {
    let (code, out, err) = run(&[
        "filter",
        r#"device.model -eq "Surface Book 3" or device.manufacturer -eq "Dell Inc." and device.osVersion -startsWith "10.0.22""#,
    ]);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["rule"],
        r#"(device.model -eq "Surface Book 3") or ((device.manufacturer -eq "Dell Inc.") and (device.osVersion -startsWith "10.0.22"))"#
    );
    assert_eq!(json["espUsable"], true);
    assert_eq!(json["needsRecentWindows"], true);
    assert_eq!(json["evaluation"], Value::Null);

    let (code, out, err) = run(&["filter", r#"(device.deviceName -startsWith "AVD-")"#]);
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["espUsable"], false);
    assert_eq!(
        json["restrictions"][0],
        "This filter uses device.deviceName, which ESP assignments cannot use"
    );
    assert!(err.contains("ESP cannot use this rule"), "{err}");

    let (code, out, err) = run(&["filter", r#"(device.model == "x")"#]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains(
            "expected an operator such as -eq after `device.model` at column 15, found `==`"
        ),
        "{err}"
    );
    assert!(err.contains("\n                ^^"), "{err}");
}

#[test]
fn filter_evaluates_for_a_device() {
    let device = temp_file(
        "device.json",
        r#"{"model": "surface book 3", "osVersion": "10.0.22631.4460"}"#,
    );
    let (code, out, _) = run(&[
        "filter",
        r#"(device.model -eq "Surface Book 3")"#,
        "--device",
        s(&device),
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["evaluation"]["matched"], true);
    assert_eq!(json["evaluation"]["property"], "model");
    assert_eq!(json["evaluation"]["deviceValue"], "surface book 3");

    // A scenario file works as the device too.
    let (_, scenario) = case("filter_include_fails");
    let (code, out, _) = run(&[
        "filter",
        r#"(device.model -eq "Surface Book 3")"#,
        "--device",
        s(&scenario),
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["evaluation"]["matched"], false);
    assert_eq!(json["evaluation"]["deviceValue"], "Latitude 7440");

    let (code, _, err) = run(&[
        "filter",
        "(device.model -eq \"x\")",
        "--device",
        "/nonexistent.json",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read `/nonexistent.json`"), "{err}");
    let (code, _, _) = run(&["filter"]);
    assert_eq!(code, 2);
}
