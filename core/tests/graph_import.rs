#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Graph import against the real JSON in `shared/fixtures`, one named test per quirk.

mod common;

use esp_core::graph::{
    import_bytes, import_bytes_for, import_str, Encoding, Imported, Importer, Layout, RefKind,
    Resolution,
};
use esp_core::model::*;
use esp_core::validate::{self, Code};
use serde_json::json;

fn import(relative: &str) -> Imported {
    import_bytes(&common::bytes(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The only custom profile of a single-profile import.
fn only_custom(imported: &Imported) -> &CustomProfile {
    let customs = imported.tenant.custom_profiles();
    assert_eq!(customs.len(), 1, "{:#?}", imported.report);
    &customs[0]
}

fn page(progress: &Progress) -> &PageSettings {
    progress.page().expect("the page is shown")
}

fn warnings(imported: &Imported) -> Vec<&str> {
    imported.report.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn every_esp_fixture_imports() {
    for path in common::json_files("esp") {
        let imported = import_bytes(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", common::name(&path)));
        let report = &imported.report;
        assert_eq!(
            report.imported.profiles,
            1,
            "{}: {report}",
            common::name(&path)
        );
        assert!(
            report.skipped.is_empty(),
            "{}: {report}",
            common::name(&path)
        );
        // What was read validates without panicking.
        validate::tenant(&imported.tenant);
    }
}

#[test]
fn other_configuration_types_are_skipped_and_counted() {
    for path in common::json_files("esp/other_types") {
        let imported = import_bytes(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", common::name(&path)));
        let report = &imported.report;
        assert_eq!(report.imported.profiles, 0, "{}", common::name(&path));
        assert!(!report.default_profile_found);
        assert_eq!(report.skipped.len(), 1, "{}: {report}", common::name(&path));
        let skipped = &report.skipped[0];
        assert!(
            skipped.reason.starts_with("not an ESP profile"),
            "{}",
            skipped.reason
        );
        assert_ne!(
            skipped.kind,
            "item",
            "{}: the kind is named",
            common::name(&path)
        );
    }
    let list = import(
        "esp/other_types/tfm365__deviceEnrollmentConfigurations_LIST_filtered_windowsRestore.json",
    );
    assert_eq!(list.report.layout, Layout::List);
    assert_eq!(
        list.report
            .skipped_by_kind()
            .into_iter()
            .collect::<Vec<_>>(),
        [("windowsRestoreDeviceEnrollmentConfiguration", 1)]
    );
    assert_eq!(list.report.skipped[0].path, "$.value[0]");
}

#[test]
fn a_bundle_mixing_types_imports_esp_and_reports_the_rest() {
    let esp = common::json("esp/IntuneJSONS__Prod_Win_ESP.json");
    let limit = common::json("esp/other_types/IntuneJSONS__DefaultLimit.json");
    let default =
        common::json("esp/Intune.Docs__windows10EnrollmentCompletionPageConfiguration.json");
    let bundle = json!({ "deviceEnrollmentConfigurations": [limit, esp, default] });
    let imported = esp_core::graph::import_value(&bundle).unwrap();
    assert_eq!(imported.report.layout, Layout::Bundle);
    assert_eq!(imported.report.imported.profiles, 2);
    assert!(imported.report.default_profile_found);
    assert_eq!(
        imported.report.skipped[0].path,
        "$.deviceEnrollmentConfigurations[0]"
    );
    assert_eq!(only_custom(&imported).name, "Prod_Win_ESP");
}

#[test]
fn utf16_exports_with_full_odata_annotations() {
    let imported = import("esp/IntuneJSONS__Prod_Win_ESP.json");
    assert_eq!(imported.report.encoding, Encoding::Utf16Le);
    let profile = only_custom(&imported);
    assert_eq!(
        profile.id.as_str(),
        "1ad7c1cf-a48d-47ad-96c4-908111e090ec_Windows10EnrollmentCompletionPageConfiguration"
    );
    assert_eq!(profile.name, "Prod_Win_ESP");
    assert!(
        profile.scope_tags.is_empty(),
        "a lone Default tag reads as none chosen"
    );
    assert!(profile.assignments.is_empty());
    assert!(warnings(&imported).is_empty());
}

#[test]
fn utf8_with_bom_imports() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(common::bytes("esp/HydrationKit__Windows-ESP-Profile.json"));
    let imported = import_bytes(&bytes).unwrap();
    assert_eq!(imported.report.encoding, Encoding::Utf8Bom);
    assert_eq!(
        only_custom(&imported).name,
        "Intune Default Enrollment Status Page"
    );
}

#[test]
fn block_device_use_is_stored_inverted() {
    // blockDeviceSetupRetryByUser: false ⇔ Block device use = Yes.
    let prod = import("esp/IntuneJSONS__Prod_Win_ESP.json");
    let Block::Yes(block) = &page(&only_custom(&prod).settings).block else {
        panic!("false means Yes")
    };
    assert!(block.allow_reset && block.allow_use);
    assert_eq!(block.apps, BlockingApps::All);
    // true ⇔ No: the children are hidden.
    let default = import("esp/ce-backup__Default_All_users_and_all_devices.json");
    assert_eq!(
        page(&default.tenant.default_profile().settings).block,
        Block::No
    );
}

#[test]
fn oobe_flags_that_differ_show_the_first_and_warn() {
    let imported =
        import("esp/IntuneJSONS__DefaultWindows10EnrollmentCompletionPageConfiguration.json");
    let settings = &imported.tenant.default_profile().settings;
    // trackInstallProgressForAutopilotOnly false, disableUserStatusTrackingAfterFirstUser true.
    assert!(!page(settings).oobe_only);
    assert!(page(settings).oobe_flags_differ);
    assert_eq!(warnings(&imported), ["OOBE_FLAGS_DIFFER"]);
    let findings = validate::profile(imported.tenant.default_profile(), &imported.tenant);
    assert_eq!(
        findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        [Code::OobeFlagsDiffer]
    );
    // One flag alone decides.
    let one = import_str(r##"{"@odata.type":"#microsoft.graph.windows10EnrollmentCompletionPageConfiguration","showInstallationProgress":true,"disableUserStatusTrackingAfterFirstUser":true}"##).unwrap();
    let page_one = page(&only_custom(&one).settings);
    assert!(page_one.oobe_only && !page_one.oobe_flags_differ);
}

#[test]
fn timeout_zero_or_missing_means_sixty() {
    for (body, minutes) in [
        (r#""installProgressTimeoutInMinutes":0"#, 60),
        (r#""installProgressTimeoutInMinutes":null"#, 60),
        (r#""other":1"#, 60),
        (r#""installProgressTimeoutInMinutes":45"#, 45),
        (r#""installProgressTimeoutInMinutes":5000"#, 5000),
    ] {
        let text = format!(
            r##"{{"@odata.type":"#microsoft.graph.windows10EnrollmentCompletionPageConfiguration","showInstallationProgress":true,{body}}}"##
        );
        let imported = import_str(&text).unwrap();
        assert_eq!(
            page(&only_custom(&imported).settings).timeout_minutes,
            minutes,
            "{body}"
        );
    }
    // A real default profile stores 0 with the page hidden; shown, it reads 60.
    let docs = common::json("esp/Intune.Docs__windows10EnrollmentCompletionPageConfiguration.json");
    assert_eq!(docs["installProgressTimeoutInMinutes"], 0);
    let mut shown = docs.clone();
    shown["showInstallationProgress"] = json!(true);
    let imported = esp_core::graph::import_value(&shown).unwrap();
    assert_eq!(
        page(&imported.tenant.default_profile().settings).timeout_minutes,
        60
    );
}

#[test]
fn empty_or_null_message_means_the_default_text() {
    let null =
        import("esp/IntuneJSONS__DefaultWindows10EnrollmentCompletionPageConfiguration.json");
    let settings = page(&null.tenant.default_profile().settings);
    assert_eq!(settings.message, CustomMessage::Default);
    assert_eq!(settings.effective_message(), DEFAULT_ERROR_MESSAGE);
    let empty = import_str(r##"{"@odata.type":"#microsoft.graph.windows10EnrollmentCompletionPageConfiguration","showInstallationProgress":true,"customErrorMessage":""}"##).unwrap();
    assert_eq!(
        page(&only_custom(&empty).settings).message,
        CustomMessage::Default
    );
    let custom = import("esp/Cookbook__create-esp_POST_body.json");
    assert_eq!(
        page(&only_custom(&custom).settings).message,
        CustomMessage::Custom("Please call IT support on xxx".into())
    );
}

#[test]
fn default_profile_is_recognised_by_id_suffix() {
    let imported = import("esp/Intune.Docs__windows10EnrollmentCompletionPageConfiguration.json");
    assert!(imported.report.default_profile_found);
    assert!(imported.tenant.custom_profiles().is_empty());
    assert_eq!(
        imported.tenant.default_profile().id.as_str(),
        "636b62ee-ef57-4f54-a1f3-0046fafc9c11_DefaultWindows10EnrollmentCompletionPageConfiguration"
    );
    assert_eq!(imported.tenant.default_profile().settings, Progress::Hidden);
}

#[test]
fn default_profile_is_recognised_by_priority_zero() {
    // IntuneCD strips the id; priority 0 remains.
    let imported = import("esp/ModernOperations__All_users_and_all_devices.json");
    assert!(imported.report.default_profile_found);
    assert_eq!(
        imported.tenant.default_profile().id.as_str(),
        DefaultProfile::LOCAL_ID
    );
    assert!(
        warnings(&imported).is_empty(),
        "its All devices assignment is the fixed one"
    );
    // A mock with priority 0, another name and other assignments: read as the default, warned.
    let mock = import("esp/tfm365_MOCK__get_windows_enrollment_status_page_with_assignments.json");
    assert!(mock.report.default_profile_found);
    assert_eq!(warnings(&mock), ["DEFAULT_PROFILE_FIXED"]);
    assert!(mock.tenant.custom_profiles().is_empty());
}

#[test]
fn a_second_default_profile_is_skipped() {
    let a = common::json("esp/Intune.Docs__windows10EnrollmentCompletionPageConfiguration.json");
    let b = common::json("esp/ModernOperations__All_users_and_all_devices.json");
    let imported = esp_core::graph::import_value(&json!({ "value": [a, b] })).unwrap();
    assert_eq!(imported.report.skipped.len(), 1);
    assert!(imported.report.skipped[0]
        .reason
        .contains("second default profile"));
    assert!(imported
        .tenant
        .default_profile()
        .id
        .as_str()
        .starts_with("636b62ee"));
}

#[test]
fn hidden_settings_are_dropped_and_reported() {
    // Page off, yet allowNonBlockingAppInstallation true.
    let imported = import("esp/ce-backup__POC_WIN_U_CO_ESP_FinanceUsers.json");
    assert_eq!(only_custom(&imported).settings, Progress::Hidden);
    assert_eq!(warnings(&imported), ["HIDDEN_SETTINGS_IGNORED"]);
    assert!(imported.report.warnings[0]
        .message
        .starts_with("allowNonBlockingAppInstallation set"));
    // The shipped default profile (hidden, all off, block flag true) is not worth a warning.
    let shipped = import("esp/Intune.Docs__windows10EnrollmentCompletionPageConfiguration.json");
    assert!(warnings(&shipped).is_empty());
}

#[test]
fn selected_apps_and_technician_phase() {
    let imported = import("esp/tfm365__esp_POST_response.json");
    let selected = only_custom(&imported).settings.selected_apps().unwrap();
    assert_eq!(selected.ids.len(), 3);
    assert_eq!(
        selected.ids[0].as_str(),
        "e83d36e1-3ff2-4567-90d9-940919184ad5"
    );
    assert!(selected.only_fail_selected_in_technician_phase);
    // The portal's request said installQualityUpdates: true; the service answered false.
    let request = import("esp/tfm365__esp_portal_POST_request_body.json");
    assert!(page(&only_custom(&request).settings).quality_updates);
    assert!(!page(&only_custom(&imported).settings).quality_updates);
}

#[test]
fn ids_are_opaque_strings() {
    // Templates carry PowerShell placeholders where ids belong.
    let imported = import("esp/EUCToolbox__esp_POST_body_template.json");
    let profile = only_custom(&imported);
    assert_eq!(profile.name, "$DisplayName");
    assert_eq!(
        profile.settings.selected_apps().unwrap().ids,
        [AppId::from("$O365Id")]
    );
    let imported = import("esp/Cookbook__create-esp_POST_body.json");
    assert_eq!(
        only_custom(&imported).id.as_str(),
        "28aa4055-b08d-41bb-b030-8c1adef7fbed"
    );
    // No id at all: a local one.
    let imported = import("esp/HydrationKit__Windows-ESP-Profile.json");
    assert_eq!(only_custom(&imported).id.as_str(), "local-esp-1");
}

#[test]
fn list_responses_keep_priority_order() {
    let imported =
        import("esp/GraphDocs__windows10EnrollmentCompletionPageConfiguration_list_SYNTHETIC.json");
    assert_eq!(imported.report.layout, Layout::List);
    assert_eq!(only_custom(&imported).name, "Display Name value");
    let a = json!({"@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration", "displayName": "third", "priority": 7});
    let b = json!({"@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration", "displayName": "first", "priority": 2});
    let c = json!({"@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration", "displayName": "last"});
    let imported = esp_core::graph::import_value(&json!([a, b, c])).unwrap();
    let names: Vec<_> = imported
        .tenant
        .custom_profiles()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["first", "third", "last"]);
    assert_eq!(warnings(&imported), ["PRIORITIES_RENUMBERED"]);
}

#[test]
fn intunecd_backups_resolve_names() {
    let imported = import("esp/ce-backup__POC_WIN_D_CO_ESP_AllDevices.json");
    let report = &imported.report;
    assert!(report.intunecd);
    let profile = only_custom(&imported);
    // selectedMobileAppNames: no app of that name in the file, so one is created with its type.
    let selected = profile.settings.selected_apps().unwrap();
    let app = imported.tenant.app(&selected.ids[0]).unwrap();
    assert_eq!(
        (app.display_name.as_str(), app.kind.graph_type()),
        ("Company Portal", "winGetApp")
    );
    assert!(report
        .resolved_names
        .iter()
        .any(|r| r.kind == RefKind::App && r.resolution == Resolution::Created));
    // The scope tag written by name, "Default", is the built-in tag: none chosen.
    assert!(profile.scope_tags.is_empty());
    // The zero-GUID filter with type none is no filter.
    assert_eq!(profile.assignments, [Assignment::new(Target::AllDevices)]);

    // Against a tenant that has the app, the name resolves to its id.
    let mut known = Tenant::default();
    known.apps.push(App {
        id: AppId::from("cp-id"),
        display_name: "company portal".into(),
        kind: AppKind::WinGet(RunAs::User),
        assignments: vec![],
    });
    let imported = import_bytes_for(
        &common::bytes("esp/ce-backup__POC_WIN_D_CO_ESP_AllDevices.json"),
        &known,
    )
    .unwrap();
    let selected = only_custom(&imported).settings.selected_apps().unwrap();
    assert_eq!(selected.ids, [AppId::from("cp-id")]);
    assert!(imported.tenant.apps.is_empty(), "nothing created");
}

#[test]
fn intunecd_filter_and_group_names_resolve_against_the_bundle() {
    let filter = common::json("filters/ce-backup__WIN_OS_NotHome.json");
    let by_filter_name = common::json(
        "assignments/ce-backup__enrollmentConfig_allLicensedUsers_filterByName_include.json",
    );
    let by_group_name = common::json(
        "assignments/ModernOperations__FeatureUpdate_group_plus_exclusionGroup_IntuneCD.json",
    );
    let mut assignments = by_filter_name.as_array().unwrap().clone();
    assignments.extend(by_group_name.as_array().unwrap().iter().cloned());
    let bundle = json!({
        "assignmentFilters": [filter],
        "groups": [{"id": "g-ring3", "displayName": "Windows Autopatch - Ring3", "memberKind": "device"}],
        "deviceEnrollmentConfigurations": [{
            "@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
            "displayName": "By name", "priority": 1, "roleScopeTagIds": ["Default"],
            "assignments": assignments
        }]
    });
    let imported = esp_core::graph::import_value(&bundle).unwrap();
    assert!(imported.report.intunecd);
    let tenant = &imported.tenant;
    let profile = only_custom(&imported);
    let filter_id = &tenant.filters[0].id;
    assert_eq!(tenant.filters[0].display_name, "WIN_OS_NotHome");
    assert_eq!(
        profile.assignments[0],
        Assignment::filtered(Target::AllUsers, filter_id.clone(), FilterMode::Include)
    );
    assert_eq!(
        profile.assignments[1].target,
        Target::Group(GroupId::from("g-ring3"))
    );
    let Target::ExcludedGroup(created) = &profile.assignments[2].target else {
        panic!("an exclusion")
    };
    assert_eq!(
        tenant.group(created).unwrap().display_name,
        "Modern Workplace - Windows 11 Pre-Release Test Devices"
    );
    // The file's references validate clean, apart from the unverified exclusion.
    let codes: Vec<_> = validate::profile(profile, tenant)
        .iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, [Code::ExclusionUnverified]);
}

#[test]
fn an_unresolved_filter_name_is_kept_and_reported() {
    let assignments = common::json(
        "assignments/ce-backup__enrollmentConfig_allLicensedUsers_filterByName_include.json",
    );
    let profile = json!({
        "@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
        "displayName": "p", "assignments": assignments
    });
    let imported = esp_core::graph::import_value(&profile).unwrap();
    let resolved = &imported.report.resolved_names[0];
    assert_eq!(
        (resolved.name.as_str(), resolved.resolution),
        ("WIN_OS_NotHome", Resolution::Unresolved)
    );
    let codes: Vec<_> = validate::profile(only_custom(&imported), &imported.tenant)
        .iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, [Code::FilterUnknown]);
}

#[test]
fn malformed_input_names_the_path_and_what_was_expected() {
    let esp =
        r##""@odata.type":"#microsoft.graph.windows10EnrollmentCompletionPageConfiguration""##;
    let cases = [
        (format!(r##"{{{esp},"installProgressTimeoutInMinutes":"60"}}"##),
         r##"at `$.installProgressTimeoutInMinutes`: expected a whole number, found the string "60""##),
        (format!(r##"{{"deviceEnrollmentConfigurations":[{{}},{{}},{{}},{{{esp},"installProgressTimeoutInMinutes":12.5}}]}}"##),
         "at `$.deviceEnrollmentConfigurations[3].installProgressTimeoutInMinutes`: expected a whole number, found the number 12.5"),
        (format!(r##"{{{esp},"showInstallationProgress":"yes"}}"##),
         r##"at `$.showInstallationProgress`: expected true or false, found the string "yes""##),
        (format!(r##"{{{esp},"selectedMobileAppIds":[1]}}"##),
         "at `$.selectedMobileAppIds[0]`: expected a string, found the number 1"),
        (format!(r##"{{"value":[{{{esp},"assignments":[{{"target":{{"@odata.type":"#microsoft.graph.groupAssignmentTarget"}}}}]}}]}}"##),
         "at `$.value[0].assignments[0].target.groupId`: expected a group id (`groupId`) or, in IntuneCD backups, a group name (`groupName`), found null"),
        (format!(r##"{{{esp},"assignments":[{{"target":{{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget","deviceAndAppManagementAssignmentFilterType":"maybe"}}}}]}}"##),
         r##"at `$.assignments[0].target.deviceAndAppManagementAssignmentFilterType`: expected `none`, `include` or `exclude`, found the string "maybe""##),
        (r##"{"groups":{}}"##.into(), "at `$.groups`: expected a list, found an object"),
        (r##"{"groups":[{"id":"g","memberKind":"both"}]}"##.into(),
         r##"at `$.groups[0].memberKind`: expected `user` or `device`, found the string "both""##),
        (r##"{"mobileApps":["x"]}"##.into(), r##"at `$.mobileApps[0]`: expected an object, found the string "x""##),
        (r##"{"assignmentFilters":[{"displayName":"f"}]}"##.into(),
         "at `$.assignmentFilters[0].rule`: expected the filter's rule (a string), found null"),
        (r##"{"mobileApps":[{"@odata.type":"#microsoft.graph.win32LobApp","installExperience":{"runAsAccount":"admin"}}]}"##.into(),
         r##"at `$.mobileApps[0].installExperience.runAsAccount`: expected `system` or `user`, found the string "admin""##),
        ("42".into(), "at `$`: expected an ESP profile, a list of enrollment configurations or a tenant bundle (a JSON object), found the number 42"),
        ("{\"a\": }".into(), "the file is not valid JSON: expected value (line 1, column 7)"),
        ("".into(), "the file is not valid JSON: EOF while parsing a value (line 1, column 0)"),
    ];
    for (input, expected) in cases {
        let error = import_str(&input).unwrap_err();
        assert_eq!(error.to_string(), expected, "{input}");
    }
}

#[test]
fn every_app_fixture_parses_or_is_refused_with_a_reason() {
    let mut parsed = 0;
    for path in common::json_files("apps") {
        for object in common::objects(&common::json_at(&path)) {
            let mut importer = Importer::new(None);
            match importer
                .add_app(&object)
                .unwrap_or_else(|e| panic!("{}: {e}", common::name(&path)))
            {
                Some(_) => parsed += 1,
                None => {
                    let reason = &importer.report().skipped[0].reason;
                    assert!(
                        reason.starts_with("not an app"),
                        "{}: {reason}",
                        common::name(&path)
                    );
                }
            }
        }
    }
    assert!(parsed >= 40, "{parsed} apps");
}

/// INSTALL_CONTEXT.tsv lists every app fixture object with its type and context fields; each
/// parses to that type with the context DOMAIN §3.2 gives it.
#[test]
fn apps_land_on_the_install_context_of_install_context_tsv() {
    let tsv = std::fs::read_to_string(common::fixtures().join("apps/INSTALL_CONTEXT.tsv")).unwrap();
    let mut checked = 0;
    for line in tsv.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (file, index, odata, fields) = (columns[0], columns[1], columns[2], columns[4]);
        let path = common::fixtures().join(file);
        if !path.exists() {
            continue; // the index also lists apps whose files were not kept
        }
        let object =
            common::objects(&common::json_at(&path))[index.parse::<usize>().unwrap()].clone();
        let mut importer = Importer::new(None);
        let Some(id) = importer.add_app(&object).unwrap() else {
            assert_eq!(odata, "(missing @odata.type)", "{file}#{index} refused");
            continue;
        };
        let app = importer.tenant().app(&id).unwrap().clone();
        if let Some(name) = odata.strip_prefix("#microsoft.graph.") {
            assert_eq!(app.kind.graph_type(), name, "{file}#{index}");
        } else {
            assert_eq!(
                app.kind.graph_type(),
                "winGetApp",
                "{file}#{index}: a trimmed Store app"
            );
        }
        let assignment = AppAssignment {
            intent: Intent::Required,
            target: Target::AllDevices,
            filter: None,
            use_device_context: false,
        };
        let context = app.install_context(&assignment);
        let expected = if fields.contains(r#""runAsAccount":"user""#)
            || fields.contains("=> MSI USER context")
        {
            Some(InstallContext::User)
        } else if app.kind.is_tracked() && !app.kind.context_from_assignment() {
            Some(InstallContext::Device)
        } else if app.kind.context_from_assignment() {
            Some(InstallContext::User) // no useDeviceContext on the assignment
        } else {
            None
        };
        assert_eq!(context, expected, "{file}#{index} {fields}");
        checked += 1;
    }
    assert!(checked >= 35, "{checked} rows checked");
}

#[test]
fn app_quirks() {
    // Trimmed Store export: no @odata.type, "Assignments" with a capital A, useDeviceContext on
    // a non-AppX assignment (ignored).
    let mut importer = Importer::new(None);
    let id = importer
        .add_app(&common::json("apps/aaronparker__Windows_Terminal.json"))
        .unwrap()
        .unwrap();
    let app = importer.tenant().app(&id).unwrap();
    assert_eq!(app.kind, AppKind::WinGet(RunAs::System));
    assert_eq!(app.assignments.len(), 3);
    assert_eq!(app.required_assignments().count(), 1);
    assert_eq!(
        app.assignments[0].target,
        Target::Group(GroupId::from("596d8c2b-2d0f-4141-b2a3-9af99fff5b3a"))
    );
    // Graph docs example wrapped in {"value": {...}} with unprefixed nested types.
    let object = common::objects(&common::json(
        "apps/GraphDocs__windowsUniversalAppX_get_SYNTHETIC.json",
    ))[0]
        .clone();
    let id = importer.add_app(&object).unwrap().unwrap();
    assert_eq!(
        importer.tenant().app(&id).unwrap().kind,
        AppKind::WindowsUniversalAppX
    );
    // macOS apps are kept but not tracked.
    let apps = common::objects(&common::json("apps/Alya_appsBuiltIn__appsBuiltIn.json"));
    let id = importer.add_app(&apps[6]).unwrap().unwrap();
    let mac = importer.tenant().app(&id).unwrap();
    assert_eq!(mac.kind, AppKind::Other("macOSOfficeSuiteApp".into()));
    assert!(!mac.kind.is_tracked());
    // AppX context comes from the assignment's settings.
    let appx = json!({
        "@odata.type": "#microsoft.graph.windowsAppX", "id": "x", "displayName": "X",
        "assignments": [{"intent": "required", "target": {"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"},
                         "settings": {"@odata.type": "#microsoft.graph.windowsAppXAppAssignmentSettings", "useDeviceContext": true}}]
    });
    let id = importer.add_app(&appx).unwrap().unwrap();
    let app = importer.tenant().app(&id).unwrap();
    assert_eq!(
        app.install_context(&app.assignments[0]),
        Some(InstallContext::Device)
    );
}

#[test]
fn every_filter_fixture_parses_or_is_refused_for_its_platform() {
    let (mut windows, mut refused) = (0, 0);
    for path in common::json_files("filters") {
        for object in common::objects(&common::json_at(&path)) {
            let mut importer = Importer::new(None);
            match importer
                .add_filter(&object)
                .unwrap_or_else(|e| panic!("{}: {e}", common::name(&path)))
            {
                Some(id) => {
                    windows += 1;
                    let filter = importer.tenant().filter(&id).unwrap();
                    assert!(filter.is_windows());
                    esp_core::filter::parse(&filter.rule)
                        .unwrap_or_else(|e| panic!("{}: {e}", filter.rule));
                }
                None => {
                    refused += 1;
                    let reason = &importer.report().skipped[0].reason;
                    assert!(reason.contains("ESP uses only Windows"), "{reason}");
                }
            }
        }
    }
    assert_eq!(refused, 10, "Android, iOS, macOS and app filters");
    assert!(windows >= 50, "{windows}");
}

#[test]
fn filters_unavailable_for_esp_say_why() {
    let check = |relative: &str, index: usize, expected: Option<&str>| {
        let object = common::objects(&common::json(relative))[index].clone();
        let mut importer = Importer::new(None);
        let id = importer.add_filter(&object).unwrap().unwrap();
        let filter = importer.tenant().filter(&id).unwrap();
        let reason = match validate::filter_availability(filter) {
            validate::FilterAvailability::Unavailable { reason, .. } => Some(reason),
            validate::FilterAvailability::Usable { .. } => None,
        };
        assert_eq!(reason.as_deref(), expected, "{relative}");
    };
    check(
        "filters/ce-backup__WIN_CO_ARM.json",
        0,
        Some("This filter uses device.cpuArchitecture, which ESP assignments cannot use"),
    );
    check(
        "filters/HydrationKit__Windows-VM-Filters.json",
        1,
        Some("This filter uses device.deviceName, which ESP assignments cannot use"),
    );
    check("filters/ce-backup__WIN_CO_AP.json", 0, None);
    check("filters/IntuneJSONS__Win10_SKU_Professional.json", 0, None);
}

#[test]
fn every_scope_tag_fixture_parses() {
    for path in common::json_files("scopetags") {
        for object in common::objects(&common::json_at(&path)) {
            let mut importer = Importer::new(None);
            let id = importer.add_scope_tag(&object).unwrap().unwrap();
            assert!(importer
                .tenant()
                .scope_tag_name(&id)
                .is_some_and(|n| !n.is_empty()));
        }
    }
}

#[test]
fn every_assignment_fixture_parses_or_is_refused_with_a_reason() {
    let mut refused = Vec::new();
    for path in common::json_files("assignments") {
        for object in common::objects(&common::json_at(&path)) {
            let mut importer = Importer::new(None);
            let file = common::name(&path);
            match importer
                .profile_assignment(&object)
                .unwrap_or_else(|e| panic!("{file}: {e}"))
            {
                Some(_) => {}
                None => refused.push((file.clone(), importer.report().skipped[0].reason.clone())),
            }
            if object
                .get("intent")
                .and_then(|i| i.as_str())
                .and_then(Intent::from_graph)
                .is_some()
            {
                let parsed = importer
                    .app_assignment(&object, &AppKind::Win32Lob(RunAs::System))
                    .unwrap();
                assert!(parsed.is_some(), "{file}");
            }
        }
    }
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(refused[0].0.starts_with("GraphDocs"));
    assert!(
        refused[0]
            .1
            .contains("microsoft.graph.deviceAndAppManagementAssignmentTarget"),
        "{}",
        refused[0].1
    );
}

#[test]
fn assignment_shapes_land_on_the_right_fields() {
    let check = |relative: &str, index: usize, expected: Assignment| {
        let object = common::objects(&common::json(relative))[index].clone();
        let parsed = Importer::new(None)
            .profile_assignment(&object)
            .unwrap()
            .unwrap();
        assert_eq!(parsed, expected, "{relative}#{index}");
    };
    check(
        "assignments/IntuneJSONS__SettingsCatalog_allDevices_filter_include.json",
        0,
        Assignment::filtered(
            Target::AllDevices,
            FilterId::from("094e7902-080f-4e35-9f80-a8302090f30c"),
            FilterMode::Include,
        ),
    );
    check(
        "assignments/IntuneJSONS__SettingsCatalog_group_nofilter.json",
        0,
        Assignment::new(Target::Group(GroupId::from(
            "01d2f840-15d4-4be3-beb3-d05e486233da",
        ))),
    );
    check(
        "assignments/OIB__WUfB_Ring3_allDevices_plus_exclusionGroup.json",
        0,
        Assignment::new(Target::ExcludedGroup(GroupId::from(
            "9d7c61b3-b2b9-450f-a496-42b24464d25f",
        ))),
    );
    check(
        "assignments/Cookbook__esp_assign_body.json",
        0,
        Assignment::new(Target::Group(GroupId::from("$groupid"))),
    );
    check(
        "assignments/ce-backup__esp_allDevices_zeroGuidFilter_none.json",
        0,
        Assignment::new(Target::AllDevices),
    );
    check(
        "assignments/IntuneJSONS__Compliance_allLicensedUsers_filter_include.json",
        0,
        Assignment::filtered(
            Target::AllUsers,
            FilterId::from("76352d30-b3f0-4d38-861a-858231a626e8"),
            FilterMode::Include,
        ),
    );
}

#[test]
fn a_second_object_with_the_same_id_is_skipped() {
    let esp = |name: &str| json!({"@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration", "id": "same", "displayName": name});
    let bundle = json!({
        "groups": [{"id": "g", "displayName": "A"}, {"id": "g", "displayName": "B"}],
        "roleScopeTags": [{"displayName": "Default"}, {"id": "t", "displayName": "T"}, {"id": "t", "displayName": "T2"}],
        "deviceEnrollmentConfigurations": [esp("first"), esp("second")],
    });
    let imported = esp_core::graph::import_value(&bundle).unwrap();
    assert_eq!(imported.tenant.groups.len(), 1);
    assert_eq!(imported.tenant.groups[0].display_name, "A");
    assert_eq!(only_custom(&imported).name, "first");
    assert_eq!(
        imported.tenant.scope_tags[0].id.as_str(),
        "0",
        "IntuneCD's id-less Default tag"
    );
    let reasons: Vec<_> = imported
        .report
        .skipped
        .iter()
        .map(|s| (s.path.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "$.roleScopeTags[2]",
                "another scope tag in the file has the id `t`"
            ),
            ("$.groups[1]", "another group in the file has the id `g`"),
            (
                "$.deviceEnrollmentConfigurations[1]",
                "another ESP profile in the file has the id `same`"
            ),
        ]
    );
}
