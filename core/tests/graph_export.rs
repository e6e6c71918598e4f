#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Graph export: the exact request bodies for one profile, and the bundle with names beside ids.

mod common;

use esp_core::graph::export::{assign_body, bundle, create_body, requests, set_priority_body};
use esp_core::graph::{import_value, Importer};
use esp_core::model::*;
use serde_json::{json, Value};

fn tenant() -> Tenant {
    let mut t = Tenant::default();
    t.groups.push(Group {
        id: GroupId::from("g1"),
        display_name: "Autopilot devices".into(),
        member_kind: Some(MemberKind::Device),
    });
    t.filters.push(AssignmentFilter {
        id: FilterId::from("f1"),
        display_name: "Corporate".into(),
        platform: WINDOWS_FILTER_PLATFORM.into(),
        rule: r#"(device.deviceOwnership -eq "Corporate")"#.into(),
    });
    t.apps.push(App {
        id: AppId::from("a1"),
        display_name: "7-Zip".into(),
        kind: AppKind::Win32Lob(RunAs::System),
        assignments: vec![],
    });
    t.scope_tags.push(ScopeTag {
        id: ScopeTagId::from("t1"),
        display_name: "Paris".into(),
    });
    t.add_profile(CustomProfile::new("existing", "Existing"))
        .unwrap();
    t
}

/// The settings part of a body: every Graph ESP property.
fn settings(pairs: &[(&str, Value)]) -> Value {
    let mut body = json!({
        "@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
        "showInstallationProgress": true,
        "installProgressTimeoutInMinutes": 60,
        "customErrorMessage": "",
        "allowLogCollectionOnInstallFailure": false,
        "trackInstallProgressForAutopilotOnly": false,
        "disableUserStatusTrackingAfterFirstUser": false,
        "installQualityUpdates": true,
        "blockDeviceSetupRetryByUser": false,
        "allowDeviceResetOnInstallFailure": false,
        "allowDeviceUseOnInstallFailure": false,
        "selectedMobileAppIds": [],
        "allowNonBlockingAppInstallation": false,
    });
    for (key, value) in pairs {
        body[*key] = value.clone();
    }
    body
}

fn with_basics(mut body: Value, name: &str, tags: Value) -> Value {
    body["displayName"] = name.into();
    body["description"] = "".into();
    body["roleScopeTagIds"] = tags;
    body
}

type Edit = fn(&mut CustomProfile);

#[test]
fn create_bodies_write_every_setting_and_hidden_ones_off() {
    let cases: [(&str, Edit, Value); 6] = [
        ("new profile", |_| {}, settings(&[])),
        (
            "page hidden",
            |p| p.settings = Progress::Hidden,
            settings(&[
                ("showInstallationProgress", json!(false)),
                ("installQualityUpdates", json!(false)),
                ("blockDeviceSetupRetryByUser", json!(true)),
            ]),
        ),
        (
            "block off",
            |p| {
                let page = p.settings.page_mut().unwrap();
                page.block = Block::No;
                page.message = CustomMessage::Custom("Call IT".into());
                page.set_oobe_only(true);
                page.timeout_minutes = 90;
                page.log_collection = true;
            },
            settings(&[
                ("blockDeviceSetupRetryByUser", json!(true)),
                ("customErrorMessage", json!("Call IT")),
                ("trackInstallProgressForAutopilotOnly", json!(true)),
                ("disableUserStatusTrackingAfterFirstUser", json!(true)),
                ("installProgressTimeoutInMinutes", json!(90)),
                ("allowLogCollectionOnInstallFailure", json!(true)),
            ]),
        ),
        (
            "selected apps",
            |p| {
                let Block::Yes(block) = &mut p.settings.page_mut().unwrap().block else {
                    panic!()
                };
                block.allow_reset = true;
                block.allow_use = true;
                block.apps = BlockingApps::Selected(SelectedApps {
                    ids: vec![AppId::from("a1")],
                    only_fail_selected_in_technician_phase: true,
                });
            },
            settings(&[
                ("allowDeviceResetOnInstallFailure", json!(true)),
                ("allowDeviceUseOnInstallFailure", json!(true)),
                ("selectedMobileAppIds", json!(["a1"])),
                ("allowNonBlockingAppInstallation", json!(true)),
            ]),
        ),
        (
            "technician flag hidden without apps",
            |p| {
                let Block::Yes(block) = &mut p.settings.page_mut().unwrap().block else {
                    panic!()
                };
                block.apps = BlockingApps::Selected(SelectedApps {
                    ids: vec![],
                    only_fail_selected_in_technician_phase: true,
                });
            },
            settings(&[]),
        ),
        (
            "hidden block keeps no apps",
            |p| {
                let mut memory = SettingsMemory::default();
                let page = p.settings.page_mut().unwrap();
                let Block::Yes(block) = &mut page.block else {
                    panic!()
                };
                block.apps = BlockingApps::Selected(SelectedApps {
                    ids: vec![AppId::from("a1")],
                    only_fail_selected_in_technician_phase: true,
                });
                page.set_block(false, &mut memory);
            },
            settings(&[("blockDeviceSetupRetryByUser", json!(true))]),
        ),
    ];
    let tenant = tenant();
    for (what, edit, expected) in cases {
        let mut profile = CustomProfile::new("new", " New profile ");
        edit(&mut profile);
        let expected = with_basics(expected, "New profile", json!(["0"]));
        assert_eq!(create_body(&profile, &tenant), expected, "{what}");
    }
}

#[test]
fn create_body_carries_chosen_scope_tags_and_no_names() {
    let mut profile = CustomProfile::new("new", "Tagged");
    profile.scope_tags = vec![ScopeTagId::from("t1")];
    let body = create_body(&profile, &tenant());
    assert_eq!(body["roleScopeTagIds"], json!(["t1"]));
    assert!(
        body.get("roleScopeTagNames").is_none()
            && body.get("id").is_none()
            && body.get("priority").is_none()
    );
}

#[test]
fn the_default_profile_gets_a_settings_only_patch() {
    let tenant = tenant();
    let default = tenant.default_profile();
    let body = create_body(default, &tenant);
    assert!(body.get("displayName").is_none());
    assert_eq!(body["showInstallationProgress"], json!(false));
    assert_eq!(assign_body(default, &tenant), None);
    assert_eq!(set_priority_body(default, &tenant), None);
    let requests = requests(default, &tenant);
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method, "PATCH");
    assert!(requests[0].url.ends_with(
        "/deviceEnrollmentConfigurations/DefaultWindows10EnrollmentCompletionPageConfiguration"
    ));
}

#[test]
fn assign_body_lists_every_target_with_its_filter() {
    let mut profile = CustomProfile::new("new", "Assigned");
    profile.assignments = vec![
        Assignment::filtered(
            Target::Group(GroupId::from("g1")),
            FilterId::from("f1"),
            FilterMode::Include,
        ),
        Assignment::new(Target::AllUsers),
        Assignment::filtered(
            Target::AllDevices,
            FilterId::from("f1"),
            FilterMode::Exclude,
        ),
        Assignment::new(Target::ExcludedGroup(GroupId::from("g2"))),
    ];
    let none = |kind: &str| json!({"@odata.type": kind, "deviceAndAppManagementAssignmentFilterId": null, "deviceAndAppManagementAssignmentFilterType": "none"});
    let mut group = json!({"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "g1",
        "deviceAndAppManagementAssignmentFilterId": "f1", "deviceAndAppManagementAssignmentFilterType": "include"});
    let mut excluded = none("#microsoft.graph.exclusionGroupAssignmentTarget");
    excluded["groupId"] = json!("g2");
    let all_devices = json!({"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget",
        "deviceAndAppManagementAssignmentFilterId": "f1", "deviceAndAppManagementAssignmentFilterType": "exclude"});
    assert_eq!(
        assign_body(&profile, &tenant()).unwrap(),
        json!({"enrollmentConfigurationAssignments": [
            {"target": group.clone()},
            {"target": none("#microsoft.graph.allLicensedUsersAssignmentTarget")},
            {"target": all_devices},
            {"target": excluded},
        ]})
    );
    // The bundle adds the names beside the ids.
    let mut t = tenant();
    t.add_profile(profile).unwrap();
    let exported = bundle(&t);
    let target = &exported["deviceEnrollmentConfigurations"][1]["assignments"][0]["target"];
    group["groupName"] = json!("Autopilot devices");
    group["deviceAndAppManagementAssignmentFilterName"] = json!("Corporate");
    assert_eq!(*target, group);
}

#[test]
fn set_priority_body_is_the_position() {
    let mut t = tenant();
    t.add_profile(CustomProfile::new("second", "Second"))
        .unwrap();
    let second = t.custom_profile(&ProfileId::from("second")).unwrap();
    assert_eq!(set_priority_body(second, &t), Some(json!({"priority": 2})));
    let new = CustomProfile::new("new", "New");
    assert_eq!(set_priority_body(&new, &t), Some(json!({"priority": 3})));
    let calls: Vec<_> = requests(&new, &t)
        .into_iter()
        .map(|r| format!("{} {}", r.method, r.url))
        .collect();
    assert_eq!(calls, [
        "POST https://graph.microsoft.com/beta/deviceManagement/deviceEnrollmentConfigurations",
        "POST https://graph.microsoft.com/beta/deviceManagement/deviceEnrollmentConfigurations/{id}/assign",
        "POST https://graph.microsoft.com/beta/deviceManagement/deviceEnrollmentConfigurations/{id}/setPriority",
    ]);
}

#[test]
fn the_bundle_writes_names_beside_ids() {
    let mut t = tenant();
    let mut profile = CustomProfile::new("p", "Named");
    profile.scope_tags = vec![ScopeTagId::from("t1"), ScopeTagId::from("gone")];
    let Block::Yes(block) = &mut profile.settings.page_mut().unwrap().block else {
        panic!()
    };
    block.apps = BlockingApps::Selected(SelectedApps {
        ids: vec![AppId::from("a1"), AppId::from("missing")],
        only_fail_selected_in_technician_phase: false,
    });
    t.add_profile(profile).unwrap();
    let exported = bundle(&t);
    let p = &exported["deviceEnrollmentConfigurations"][1];
    assert_eq!(p["id"], "p");
    assert_eq!(p["priority"], 2);
    assert_eq!(p["selectedMobileAppIds"], json!(["a1", "missing"]));
    assert_eq!(
        p["selectedMobileAppNames"],
        json!([{"name": "7-Zip", "type": "#microsoft.graph.win32LobApp"}, null])
    );
    assert_eq!(p["roleScopeTagIds"], json!(["t1", "gone"]));
    assert_eq!(p["roleScopeTagNames"], json!(["Paris", null]));
    let default = &exported["deviceEnrollmentConfigurations"][2];
    assert_eq!(
        (default["priority"].clone(), default["displayName"].clone()),
        (json!(0), json!("All users and all devices"))
    );
    assert_eq!(exported["groups"][0]["memberKind"], "device");
    assert_eq!(
        exported["mobileApps"][0]["installExperience"],
        json!({"runAsAccount": "system"})
    );
}

#[test]
fn a_design_moves_to_another_tenant_by_name() {
    // Tenant A's bundle, carrying only the profile, imported for tenant B whose objects have
    // other ids but the same names.
    let mut a = tenant();
    let mut profile = CustomProfile::new("p", "Moving");
    profile.assignments = vec![Assignment::filtered(
        Target::Group(GroupId::from("g1")),
        FilterId::from("f1"),
        FilterMode::Include,
    )];
    profile.scope_tags = vec![ScopeTagId::from("t1")];
    let Block::Yes(block) = &mut profile.settings.page_mut().unwrap().block else {
        panic!()
    };
    block.apps = BlockingApps::Selected(SelectedApps {
        ids: vec![AppId::from("a1")],
        only_fail_selected_in_technician_phase: false,
    });
    a.add_profile(profile).unwrap();
    let mut only_profile = bundle(&a);
    for key in ["groups", "mobileApps", "assignmentFilters", "roleScopeTags"] {
        only_profile.as_object_mut().unwrap().remove(key);
    }

    let mut b = Tenant::default();
    b.groups.push(Group {
        id: GroupId::from("B-g"),
        display_name: "autopilot DEVICES".into(),
        member_kind: None,
    });
    b.filters.push(AssignmentFilter {
        id: FilterId::from("B-f"),
        display_name: "Corporate".into(),
        platform: WINDOWS_FILTER_PLATFORM.into(),
        rule: "(device.deviceOwnership -eq \"Corporate\")".into(),
    });
    b.apps.push(App {
        id: AppId::from("B-a"),
        display_name: "7-Zip".into(),
        kind: AppKind::Win32Lob(RunAs::User),
        assignments: vec![],
    });
    b.scope_tags.push(ScopeTag {
        id: ScopeTagId::from("B-t"),
        display_name: "Paris".into(),
    });

    let text = only_profile.to_string();
    let imported = esp_core::graph::import_bytes_for(text.as_bytes(), &b).unwrap();
    b.merge(imported);
    let moved = b
        .custom_profiles()
        .iter()
        .find(|p| p.name == "Moving")
        .unwrap();
    assert_eq!(
        moved.assignments,
        [Assignment::filtered(
            Target::Group(GroupId::from("B-g")),
            FilterId::from("B-f"),
            FilterMode::Include
        )]
    );
    assert_eq!(moved.scope_tags, [ScopeTagId::from("B-t")]);
    assert_eq!(
        moved.settings.selected_apps().unwrap().ids,
        [AppId::from("B-a")]
    );
    assert!(esp_core::validate::profile(moved, &b).is_empty());
}

#[test]
fn create_bodies_of_fixtures_import_back_to_the_same_settings() {
    for path in common::json_files("esp") {
        let imported = esp_core::graph::import_bytes(&std::fs::read(&path).unwrap()).unwrap();
        let t = &imported.tenant;
        for (_, profile) in t.profiles() {
            let mut body = create_body(profile, t);
            if profile.is_default() {
                body["priority"] = json!(0);
            }
            let back = import_value(&body).unwrap();
            let again = back
                .tenant
                .profiles()
                .find(|(_, p)| p.is_default() == profile.is_default())
                .unwrap()
                .1;
            let mut expected = profile.settings().clone();
            if let Some(page) = expected.page_mut() {
                page.oobe_flags_differ = false; // export settles it
            }
            assert_eq!(again.settings(), &expected, "{}", common::name(&path));
        }
    }
}

#[test]
fn an_importer_reads_single_objects_too() {
    let mut importer = Importer::new(None);
    importer
        .add_configuration(&common::json("esp/IntuneJSONS__Prod_Win_ESP.json"))
        .unwrap();
    importer
        .add_group(&json!({"id": "g", "displayName": "G", "memberKind": "user"}))
        .unwrap();
    let imported = importer.finish();
    assert_eq!(imported.tenant.custom_profiles().len(), 1);
    assert_eq!(
        imported.tenant.groups[0].member_kind,
        Some(MemberKind::User)
    );
}
