#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The sample tenant (Northwind Traders): it imports cleanly, holds exactly what it was designed
//! to hold, every profile is valid with only the warnings it is meant to show, and it survives a
//! round trip through the bundle.

use esp_core::graph::{export, import_str, import_value, Counts, Layout};
use esp_core::model::*;
use esp_core::sample::{self, SAMPLE_TENANT_JSON};
use esp_core::validate::{self, Code, FilterAvailability};
use std::collections::BTreeSet;

fn tenant() -> Tenant {
    sample::tenant().expect("the sample tenant imports")
}

fn profile<'t>(tenant: &'t Tenant, name: &str) -> &'t CustomProfile {
    tenant
        .custom_profiles()
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no profile named {name}"))
}

fn group_id(tenant: &Tenant, name: &str) -> GroupId {
    tenant.group_by_name(name).unwrap().id.clone()
}

fn app_named<'t>(tenant: &'t Tenant, name: &str) -> &'t App {
    tenant.app_by_name(name, None).unwrap()
}

fn app_names(tenant: &Tenant, ids: &[AppId]) -> BTreeSet<String> {
    ids.iter()
        .map(|id| tenant.app(id).unwrap().display_name.clone())
        .collect()
}

/// The tracked apps required for a group (not All users / All devices): what the group adds.
fn required_for_group<'t>(tenant: &'t Tenant, group: &str) -> Vec<&'t App> {
    let target = Target::Group(group_id(tenant, group));
    tenant
        .apps
        .iter()
        .filter(|app| app.kind.is_tracked())
        .filter(|app| app.required_assignments().any(|a| a.target == target))
        .collect()
}

fn page(profile: &CustomProfile) -> &PageSettings {
    profile.settings.page().unwrap()
}

#[test]
fn imports_as_a_bundle_with_nothing_skipped_and_no_warning() {
    let imported = import_str(SAMPLE_TENANT_JSON).unwrap();
    let report = &imported.report;
    assert_eq!(report.layout, Layout::Bundle);
    assert!(report.default_profile_found);
    assert!(!report.intunecd);
    assert_eq!(report.skipped, vec![], "{report}");
    assert_eq!(report.warnings, vec![], "{report}");
    assert_eq!(report.resolved_names, vec![], "{report}");
    assert_eq!(
        report.imported,
        Counts {
            profiles: 7,
            groups: 20,
            apps: 25,
            filters: 8,
            scope_tags: 4,
        }
    );
    assert_eq!(imported.tenant, tenant());
}

#[test]
fn holds_the_designed_profiles_in_priority_order() {
    let tenant = tenant();
    let names: Vec<&str> = tenant.profiles().map(|(_, p)| p.name()).collect();
    assert_eq!(
        names,
        [
            "Kiosk devices",
            "Executives",
            "Lab devices",
            "Hybrid join devices",
            "Corporate laptops",
            "Finance users",
            DefaultProfile::NAME,
        ]
    );
    let default = tenant.default_profile();
    assert!(default.id.as_str().ends_with(DefaultProfile::ID_SUFFIX));
    assert_eq!(default.settings, Progress::Hidden, "as Intune ships it");
    for custom in tenant.custom_profiles() {
        assert!(custom
            .id
            .as_str()
            .ends_with("_Windows10EnrollmentCompletionPageConfiguration"));
        assert!(!custom.description.is_empty(), "{}", custom.name);
    }
}

#[test]
fn holds_twenty_groups_of_users_and_devices() {
    let tenant = tenant();
    let of_kind = |kind| {
        tenant
            .groups
            .iter()
            .filter(|g| g.member_kind == Some(kind))
            .count()
    };
    assert_eq!(tenant.groups.len(), 20);
    assert_eq!(of_kind(MemberKind::Device), 10);
    assert_eq!(of_kind(MemberKind::User), 10);
}

#[test]
fn holds_twenty_five_apps_of_every_windows_type_and_three_others() {
    let tenant = tenant();
    assert_eq!(tenant.apps.len(), 25);
    let count = |kind: AppKind| tenant.apps.iter().filter(|a| a.kind == kind).count();
    for (kind, expected) in [
        (AppKind::Win32Lob(RunAs::System), 8),
        (AppKind::Win32Lob(RunAs::User), 1),
        (AppKind::WinGet(RunAs::System), 2),
        (AppKind::WinGet(RunAs::User), 2),
        (AppKind::Win32Catalog(RunAs::System), 2),
        (AppKind::Win32Catalog(RunAs::User), 1),
        (AppKind::WindowsMobileMsi { per_machine: true }, 1),
        (AppKind::WindowsMobileMsi { per_machine: false }, 1),
        (AppKind::WindowsUniversalAppX, 2),
        (AppKind::OfficeSuite, 1),
        (AppKind::MicrosoftEdge, 1),
        (AppKind::Other("webApp".into()), 1),
        (AppKind::Other("iosStoreApp".into()), 1),
        (AppKind::Other("androidManagedStoreApp".into()), 1),
    ] {
        assert_eq!(count(kind.clone()), expected, "{kind:?}");
    }

    // The LOB store apps show both install contexts, decided per assignment.
    let contexts = |name: &str| -> Vec<InstallContext> {
        let app = app_named(&tenant, name);
        app.required_assignments()
            .map(|a| app.install_context(a).unwrap())
            .collect()
    };
    assert_eq!(
        contexts("Northwind Store Inventory"),
        [InstallContext::Device]
    );
    assert_eq!(contexts("Northwind Expenses"), [InstallContext::User]);

    // Required and available, to groups, All users and All devices.
    let assignments: Vec<&AppAssignment> =
        tenant.apps.iter().flat_map(|a| &a.assignments).collect();
    for intent in [Intent::Required, Intent::Available] {
        assert!(assignments.iter().any(|a| a.intent == intent), "{intent:?}");
    }
    for target in [Target::AllUsers, Target::AllDevices] {
        assert!(assignments.iter().any(|a| a.target == target), "{target:?}");
    }
    assert!(assignments
        .iter()
        .any(|a| matches!(a.target, Target::Group(_))));
}

#[test]
fn holds_three_scope_tags_besides_default() {
    let tenant = tenant();
    let names: Vec<&str> = tenant
        .scope_tags
        .iter()
        .map(|t| t.display_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            DEFAULT_SCOPE_TAG_NAME,
            "Region-Americas",
            "Region-EMEA",
            "Store Operations"
        ]
    );
    let two_tags: Vec<&str> = tenant
        .custom_profiles()
        .iter()
        .filter(|p| p.scope_tags.len() == 2)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(two_tags, ["Executives"]);
}

#[test]
fn every_custom_profile_is_valid_with_only_its_intended_warnings() {
    let tenant = tenant();
    for (name, expected) in [
        ("Kiosk devices", &[][..]),
        ("Executives", &[]),
        ("Lab devices", &[Code::ExclusionUnverified]),
        ("Hybrid join devices", &[Code::TechnicianTimeout]),
        ("Corporate laptops", &[]),
        ("Finance users", &[Code::FilterPropertyOs]),
    ] {
        let findings = validate::profile(profile(&tenant, name), &tenant);
        let errors: Vec<String> = findings
            .iter()
            .filter(|f| f.is_error())
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors, Vec::<String>::new(), "{name}");
        let codes: Vec<Code> = findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, expected, "{name}");
    }
    let default = validate::profile(tenant.default_profile(), &tenant);
    assert_eq!(default, vec![]);
}

#[test]
fn the_profiles_show_off_every_setting() {
    let tenant = tenant();
    let customs = tenant.custom_profiles();
    let pages: Vec<&PageSettings> = customs.iter().map(page).collect();
    let blocks: Vec<&BlockSettings> = customs.iter().filter_map(|p| p.settings.block()).collect();

    // All and Selected blocking apps.
    assert!(blocks.iter().any(|b| b.apps == BlockingApps::All));
    assert!(blocks
        .iter()
        .any(|b| matches!(b.apps, BlockingApps::Selected(_))));
    // Custom message on and off.
    assert!(pages
        .iter()
        .any(|p| matches!(p.message, CustomMessage::Custom(_))));
    assert!(pages.iter().any(|p| p.message == CustomMessage::Default));
    // Every error-screen button: Reset device, Try again, Continue anyway, Collect logs; and a
    // profile that does not block at all.
    assert!(blocks.iter().any(|b| b.allow_reset));
    assert!(blocks.iter().any(|b| b.allow_use));
    assert!(pages.iter().any(|p| p.log_collection));
    assert!(pages.iter().any(|p| p.block == Block::No));
    // Quality updates and OOBE-only on and off.
    for on in [true, false] {
        assert!(pages.iter().any(|p| p.quality_updates == on));
        assert!(pages.iter().any(|p| p.oobe_only == on));
    }
    // An include filter, an exclude filter, an excluded group, All devices, user and device groups.
    let assignments: Vec<&Assignment> = customs.iter().flat_map(|p| &p.assignments).collect();
    for mode in [FilterMode::Include, FilterMode::Exclude] {
        assert!(assignments
            .iter()
            .any(|a| a.filter.as_ref().is_some_and(|f| f.mode == mode)));
    }
    assert!(assignments.iter().any(|a| a.target.is_exclusion()));
    assert!(assignments.iter().any(|a| a.target == Target::AllDevices));
    for kind in [MemberKind::User, MemberKind::Device] {
        assert!(assignments.iter().any(|a| matches!(&a.target,
            Target::Group(id) if tenant.group(id).unwrap().member_kind == Some(kind))));
    }
}

#[test]
fn each_profile_has_its_design() {
    let tenant = tenant();

    let kiosk = page(profile(&tenant, "Kiosk devices"));
    assert!(!kiosk.quality_updates && kiosk.oobe_only);
    let Block::Yes(block) = &kiosk.block else {
        panic!("kiosks block")
    };
    assert!(block.allow_reset && !block.allow_use);

    let executives = page(profile(&tenant, "Executives"));
    assert!(matches!(executives.message, CustomMessage::Custom(_)));
    assert_eq!(
        executives.block,
        Block::Yes(BlockSettings {
            allow_reset: true,
            allow_use: true,
            apps: BlockingApps::All,
        })
    );

    let lab = profile(&tenant, "Lab devices");
    assert_eq!(page(lab).block, Block::No);
    assert_eq!(
        lab.assignments[1].target,
        Target::ExcludedGroup(group_id(&tenant, "SG-Lab-Loaner-Devices"))
    );

    let hybrid = profile(&tenant, "Hybrid join devices");
    assert_eq!(page(hybrid).timeout_minutes, 120);
    let selected = hybrid.settings.selected_apps().unwrap();
    assert!(selected.only_fail_selected_in_technician_phase);

    let corporate = profile(&tenant, "Corporate laptops");
    let filter = corporate.assignments[0].filter.as_ref().unwrap();
    assert_eq!(corporate.assignments[0].target, Target::AllDevices);
    assert_eq!(filter.mode, FilterMode::Include);
    assert_eq!(
        tenant.filter(&filter.id).unwrap().rule,
        r#"(device.deviceOwnership -eq "Corporate")"#
    );

    let finance = profile(&tenant, "Finance users");
    assert_eq!(
        finance.assignments[0].target,
        Target::Group(group_id(&tenant, "Finance Users"))
    );
    assert_eq!(
        finance.assignments[0].filter.as_ref().unwrap().mode,
        FilterMode::Exclude
    );
    assert!(matches!(page(finance).message, CustomMessage::Custom(_)));
    assert_eq!(finance.settings.selected_apps().unwrap().ids.len(), 4);
}

#[test]
fn the_kiosk_profile_is_the_docs_app_1_to_4_example() {
    // Selected {App 1, App 2, App 3}, the kiosk group requires {App 3, App 4}: the page waits
    // for App 3 only, and App 4 installs without being waited for.
    let tenant = tenant();
    let selected = &profile(&tenant, "Kiosk devices")
        .settings
        .selected_apps()
        .unwrap()
        .ids;
    let selected = app_names(&tenant, selected);
    let required: BTreeSet<String> = required_for_group(&tenant, "SG-Autopilot-Kiosk")
        .iter()
        .map(|a| a.display_name.clone())
        .collect();
    let set =
        |names: &[&str]| -> BTreeSet<String> { names.iter().map(|n| n.to_string()).collect() };
    assert_eq!(
        selected,
        set(&[
            "Northwind Store Inventory",
            "Zebra Printer Setup Utilities",
            "Northwind Kiosk Browser"
        ])
    );
    assert_eq!(
        required,
        set(&["Northwind Kiosk Browser", "Store Signage Player"])
    );
    assert_eq!(
        selected.intersection(&required).collect::<Vec<_>>(),
        ["Northwind Kiosk Browser"]
    );
    // Apps 1 and 2 are required elsewhere, so the trace can say where.
    assert!(required_for_group(&tenant, "SG-Warehouse-Scanners")
        .iter()
        .all(|a| selected.contains(&a.display_name)));
}

#[test]
fn finance_workstations_mix_a_lob_msi_with_win32() {
    let tenant = tenant();
    let required = required_for_group(&tenant, "SG-Finance-Workstations");
    assert!(required
        .iter()
        .any(|a| matches!(a.kind, AppKind::WindowsMobileMsi { .. })));
    assert!(required.iter().any(|a| a.kind.is_win32_family()));
    // Nowhere else is a LOB MSI required, so only this scenario raises LOB_WIN32_MIX.
    let msi_required = tenant
        .apps
        .iter()
        .filter(|a| matches!(a.kind, AppKind::WindowsMobileMsi { .. }))
        .filter(|a| a.required_assignments().next().is_some())
        .count();
    assert_eq!(msi_required, 1);
}

#[test]
fn engineering_users_get_microsoft_365_apps_beside_win32() {
    let tenant = tenant();
    let required = required_for_group(&tenant, "Engineering Users");
    assert!(required.iter().any(|a| a.kind == AppKind::OfficeSuite));
    assert!(required.iter().any(|a| a.kind.is_win32_family()));
    let office_targets: Vec<&Target> = tenant
        .apps
        .iter()
        .filter(|a| a.kind == AppKind::OfficeSuite)
        .flat_map(|a| a.required_assignments().map(|r| &r.target))
        .collect();
    assert_eq!(
        office_targets,
        [&Target::Group(group_id(&tenant, "Engineering Users"))],
        "only this scenario raises M365_APPS_TYPE"
    );
}

#[test]
fn filters_parse_and_six_of_eight_are_usable_by_esp() {
    let tenant = tenant();
    assert_eq!(tenant.filters.len(), 8);
    let mut usable = 0;
    let mut unusable = Vec::new();
    for filter in &tenant.filters {
        assert!(filter.is_windows(), "{}", filter.display_name);
        esp_core::filter::parse(&filter.rule)
            .unwrap_or_else(|e| panic!("{}: {e}", filter.display_name));
        match validate::filter_availability(filter) {
            FilterAvailability::Usable { .. } => usable += 1,
            FilterAvailability::Unavailable { code, .. } => {
                assert_eq!(code, Code::FilterNotEsp, "{}", filter.display_name);
                unusable.push(filter.display_name.as_str());
            }
        }
    }
    assert_eq!(usable, 6);
    assert_eq!(unusable, ["Lab PCs by name", "Windows 11 24H2 or later"]);
}

#[test]
fn every_reference_resolves_and_ids_look_like_graph_ids() {
    let tenant = tenant();
    let guid_like = |id: &str| {
        let parts: Vec<usize> = id.split('-').map(str::len).collect();
        parts == [8, 4, 4, 4, 12] && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
    };
    for group in &tenant.groups {
        assert!(guid_like(group.id.as_str()), "{}", group.id);
    }
    for app in &tenant.apps {
        assert!(guid_like(app.id.as_str()), "{}", app.id);
        for assignment in &app.assignments {
            if let Some(group) = assignment.target.group() {
                assert!(
                    tenant.group(group).is_some(),
                    "{}: {group}",
                    app.display_name
                );
            }
            if let Some(filter) = &assignment.filter {
                assert!(tenant.filter(&filter.id).is_some(), "{}", app.display_name);
            }
        }
    }
    for filter in &tenant.filters {
        assert!(guid_like(filter.id.as_str()), "{}", filter.id);
    }
    for custom in tenant.custom_profiles() {
        let guid = custom.id.as_str().split('_').next().unwrap();
        assert!(guid_like(guid), "{}", custom.id);
    }
}

#[test]
fn the_bundle_round_trips_to_the_same_tenant() {
    let tenant = tenant();
    let exported = export::bundle(&tenant);
    let again = import_value(&exported).unwrap();
    assert_eq!(again.report.skipped, vec![]);
    assert_eq!(again.report.warnings, vec![]);
    assert_eq!(again.tenant, tenant);
}

#[test]
fn the_sample_file_is_pretty_printed() {
    // The file is maintained by hand in Graph's key order: two-space indents, one value a line.
    assert!(SAMPLE_TENANT_JSON.ends_with("}\n"));
    for (i, line) in SAMPLE_TENANT_JSON.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        assert!(indent % 2 == 0 && !line.contains('\t'), "line {}", i + 1);
        assert_eq!(line, line.trim_end(), "line {}", i + 1);
    }
}
