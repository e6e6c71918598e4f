#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The sample's five ready scenarios: they name the sample's real groups, and each tells the
//! story it is listed for (App 1–4, LOB MSI + Win32, Microsoft 365 Apps, hybrid pre-provisioning,
//! a profile reached via the user).

use esp_core::model::{Priority, Tenant};
use esp_core::resolve::{
    resolve, AppPhase, JoinType, Mode, Resolution, RowResult, Via, WarningCode,
    HYBRID_EXTRA_MINUTES,
};
use esp_core::sample::{self, SampleScenario};
use std::collections::BTreeSet;

fn tenant() -> Tenant {
    sample::tenant().unwrap()
}

fn scenario(id: &str) -> SampleScenario {
    sample::scenarios()
        .unwrap()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no sample scenario {id}"))
}

fn resolved(id: &str) -> Resolution {
    resolve(&tenant(), &scenario(id).scenario)
}

fn names(result: &Resolution, ids: &[esp_core::model::AppId]) -> BTreeSet<String> {
    ids.iter()
        .map(|id| {
            result
                .apps
                .iter()
                .find(|a| &a.id == id)
                .unwrap()
                .display_name
                .clone()
        })
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

fn codes(result: &Resolution) -> BTreeSet<WarningCode> {
    result.warning_codes().into_iter().collect()
}

#[test]
fn five_scenarios_with_unique_ids_and_names_naming_only_real_groups() {
    let tenant = tenant();
    let scenarios = sample::scenarios().unwrap();
    assert_eq!(scenarios.len(), 5);
    let ids: BTreeSet<&str> = scenarios.iter().map(|s| s.id.as_str()).collect();
    let names: BTreeSet<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(ids.len(), 5);
    assert_eq!(names.len(), 5);
    for s in &scenarios {
        assert!(!s.description.is_empty(), "{}", s.id);
        let groups = s
            .scenario
            .device
            .group_ids
            .iter()
            .chain(s.scenario.user_group_ids());
        for group in groups {
            assert!(tenant.group(group).is_some(), "{}: {group}", s.id);
        }
    }
}

#[test]
fn the_kiosk_waits_for_app_3_only_and_installs_app_4_without_waiting() {
    let result = resolved("sample-kiosk");
    assert_eq!(result.profile.display_name, "Kiosk devices");
    assert_eq!(result.via, Via::Device);
    assert_eq!(
        names(&result, &result.device_setup.blocking),
        set(&["Northwind Kiosk Browser"])
    );
    let signage = result
        .apps
        .iter()
        .find(|a| a.display_name == "Store Signage Player")
        .unwrap();
    assert_eq!(signage.phase, Some(AppPhase::DeviceSetup));
    assert!(!signage.selected && !signage.blocking);
    let not_assigned: BTreeSet<String> = result
        .apps
        .iter()
        .filter(|a| a.selected && a.phase.is_none())
        .map(|a| a.display_name.clone())
        .collect();
    assert_eq!(
        not_assigned,
        set(&["Northwind Store Inventory", "Zebra Printer Setup Utilities"])
    );
    assert_eq!(result.account_setup, None, "self-deploying has no user");
    // The trace speaks plain English for groups that do not hold the device.
    let executives = &result.trace[1];
    assert_eq!(executives.assignments[0].result, RowResult::NotReached);
    assert_eq!(
        executives.assignments[0].reason,
        "Included group 'SG-Executive-Devices' does not contain the device"
    );
}

#[test]
fn the_finance_workstation_mixes_a_lob_msi_with_win32() {
    let result = resolved("sample-finance-workstation");
    assert_eq!(result.profile.display_name, "Corporate laptops");
    assert_eq!(result.via, Via::Device);
    assert_eq!(codes(&result), BTreeSet::from([WarningCode::LobWin32Mix]));
}

#[test]
fn the_engineer_gets_microsoft_365_apps_beside_win32() {
    let result = resolved("sample-engineer");
    assert_eq!(result.profile.display_name, "Corporate laptops");
    assert_eq!(codes(&result), BTreeSet::from([WarningCode::M365AppsType]));
    assert!(result.quality_updates, "Windows 11, device-targeted");
}

#[test]
fn the_hybrid_pc_runs_the_technician_flow_with_forty_extra_minutes() {
    let s = scenario("sample-hybrid-pre-provisioned").scenario;
    assert_eq!(
        (s.mode, s.join_type),
        (Mode::PreProvisioning, JoinType::Hybrid)
    );
    let result = resolved("sample-hybrid-pre-provisioned");
    assert_eq!(result.profile.display_name, "Hybrid join devices");
    assert_eq!(result.profile.priority, Priority::Custom(4));
    assert_eq!(
        result.effective_timeout_minutes,
        result.timeout_minutes.map(|t| t + HYBRID_EXTRA_MINUTES)
    );
    let flow = result.technician_flow.as_ref().unwrap();
    assert!(flow.attempted.len() > flow.fails_on.len());
    assert!(!result.quality_updates);
    assert_eq!(
        codes(&result),
        BTreeSet::from([
            WarningCode::HybridTimeout,
            WarningCode::TechnicianTimeout,
            WarningCode::QualityUpdatesIgnored
        ])
    );
}

#[test]
fn the_finance_user_on_a_personal_device_is_reached_via_the_user() {
    let result = resolved("sample-finance-personal");
    assert_eq!(result.profile.display_name, "Finance users");
    assert_eq!(result.via, Via::User);
    let screen = result.screen.as_ref().unwrap();
    assert!(screen.error.custom_message);
    assert!(screen.error.continue_anyway && !screen.error.reset_device);
    assert!(codes(&result).contains(&WarningCode::QualityUpdatesIgnored));
}
