#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Validation rules, one line per case: every code once as an error or warning and once passing.

use esp_core::model::*;
use esp_core::validate::{self, Code, Finding, Severity, WizardStep};
use std::collections::BTreeSet;

fn app(id: &str, kind: AppKind) -> App {
    App {
        id: AppId::from(id),
        display_name: format!("App {id}"),
        kind,
        assignments: vec![],
    }
}

fn filter(id: &str, platform: &str, rule: &str) -> AssignmentFilter {
    AssignmentFilter {
        id: FilterId::from(id),
        display_name: format!("Filter {id}"),
        platform: platform.into(),
        rule: rule.into(),
    }
}

/// The tenant every case runs in: one existing profile "Kiosk", two groups, apps, filters, a tag.
fn tenant() -> Tenant {
    let mut t = Tenant::default();
    t.add_profile(CustomProfile::new("kiosk", "Kiosk")).unwrap();
    for (id, kind) in [
        ("g-users", MemberKind::User),
        ("g-devices", MemberKind::Device),
    ] {
        t.groups.push(Group {
            id: GroupId::from(id),
            display_name: id.into(),
            member_kind: Some(kind),
        });
    }
    t.apps.push(app("win32", AppKind::Win32Lob(RunAs::System)));
    t.apps
        .push(app("mac", AppKind::Other("macOSLobApp".into())));
    let w = WINDOWS_FILTER_PLATFORM;
    t.filters.push(filter(
        "sku",
        w,
        r#"(device.operatingSystemSKU -eq "Enterprise")"#,
    ));
    t.filters
        .push(filter("model", w, r#"(device.model -eq "Surface Book 3")"#));
    t.filters.push(filter(
        "name",
        w,
        r#"(device.deviceName -startsWith "AVD-")"#,
    ));
    t.filters
        .push(filter("broken", w, r#"(device.model -match "x")"#));
    t.filters.push(filter(
        "ios",
        "iOS",
        r#"(device.deviceOwnership -eq "Personal")"#,
    ));
    t.scope_tags.push(ScopeTag {
        id: ScopeTagId::from("t1"),
        display_name: "Paris".into(),
    });
    t
}

/// A valid new profile: default settings, assigned to a device group.
fn base() -> CustomProfile {
    let mut p = CustomProfile::new("new", "New profile");
    p.assignments
        .push(Assignment::new(Target::Group(GroupId::from("g-devices"))));
    p
}

fn page(p: &mut CustomProfile) -> &mut PageSettings {
    p.settings.page_mut().unwrap()
}

fn selected(p: &mut CustomProfile, ids: &[&str], technician: bool) {
    let Block::Yes(block) = &mut page(p).block else {
        panic!("base blocks")
    };
    block.apps = BlockingApps::Selected(SelectedApps {
        ids: ids.iter().map(|id| AppId::from(*id)).collect(),
        only_fail_selected_in_technician_phase: technician,
    });
}

fn filtered(p: &mut CustomProfile, id: &str) {
    p.assignments[0].filter = Some(AppliedFilter {
        id: FilterId::from(id),
        mode: FilterMode::Include,
    });
}

fn codes(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

type Edit = fn(&mut CustomProfile);

/// (what, edit of the base profile, the codes validation must give, in order)
const CASES: &[(&str, Edit, &[&str])] = &[
    ("valid base", |_| {}, &[]),
    ("blank name", |p| p.name = "   ".into(), &["NAME_REQUIRED"]),
    (
        "1,001 chars",
        |p| p.name = "x".repeat(1001),
        &["NAME_TOO_LONG"],
    ),
    ("1,000 two-byte chars", |p| p.name = "é".repeat(1000), &[]),
    (
        "same name, other case",
        |p| p.name = " kIOSK ".into(),
        &["NAME_DUPLICATE"],
    ),
    (
        "default's name",
        |p| p.name = "All users and all devices".into(),
        &["NAME_DUPLICATE"],
    ),
    ("similar name", |p| p.name = "Kiosk 2".into(), &[]),
    (
        "long description",
        |p| p.description = "d".repeat(1501),
        &["DESCRIPTION_TOO_LONG"],
    ),
    ("1,500 chars", |p| p.description = "é".repeat(1500), &[]),
    (
        "timeout 0",
        |p| page(p).timeout_minutes = 0,
        &["TIMEOUT_RANGE"],
    ),
    (
        "timeout 1441",
        |p| page(p).timeout_minutes = 1441,
        &["TIMEOUT_RANGE"],
    ),
    ("timeout 1", |p| page(p).timeout_minutes = 1, &[]),
    ("timeout 1440", |p| page(p).timeout_minutes = 1440, &[]),
    (
        "blank message",
        |p| page(p).message = CustomMessage::Custom(" \n".into()),
        &["CUSTOM_MESSAGE_REQUIRED"],
    ),
    (
        "message",
        |p| page(p).message = CustomMessage::Custom("Call IT".into()),
        &[],
    ),
    (
        "long message",
        |p| page(p).message = CustomMessage::Custom("m".repeat(10_001)),
        &["CUSTOM_MESSAGE_TOO_LONG"],
    ),
    (
        "10,000 chars",
        |p| page(p).message = CustomMessage::Custom("é".repeat(10_000)),
        &[],
    ),
    (
        "nothing selected",
        |p| selected(p, &[], false),
        &["SELECTED_APPS_EMPTY"],
    ),
    ("one selected", |p| selected(p, &["win32"], false), &[]),
    (
        "101 selected",
        |p| {
            selected(p, &["win32"; 101], false);
            page(p).timeout_minutes = 600
        },
        &["SELECTED_APPS_TOO_MANY"],
    ),
    (
        "100 selected",
        |p| {
            selected(p, &["win32"; 100], false);
            page(p).timeout_minutes = 600
        },
        &[],
    ),
    (
        "macOS app",
        |p| selected(p, &["mac"], false),
        &["BLOCKING_APP_TYPE"],
    ),
    (
        "unknown app",
        |p| selected(p, &["nope"], false),
        &["BLOCKING_APP_UNKNOWN"],
    ),
    (
        "3 apps in 14 min",
        |p| {
            selected(p, &["win32"; 3], false);
            page(p).timeout_minutes = 14
        },
        &["TIMEOUT_TIGHT"],
    ),
    (
        "3 apps in 15 min",
        |p| {
            selected(p, &["win32"; 3], false);
            page(p).timeout_minutes = 15
        },
        &[],
    ),
    (
        "technician phase",
        |p| selected(p, &["win32"], true),
        &["TECHNICIAN_TIMEOUT"],
    ),
    (
        "technician, no app",
        |p| selected(p, &[], true),
        &["SELECTED_APPS_EMPTY"],
    ),
    (
        "OOBE flags differ",
        |p| page(p).oobe_flags_differ = true,
        &["OOBE_FLAGS_DIFFER"],
    ),
    (
        "page hidden hides all",
        |p| p.settings = Progress::Hidden,
        &[],
    ),
    (
        "block off hides apps",
        |p| {
            selected(p, &["nope"], true);
            page(p).block = Block::No
        },
        &[],
    ),
    (
        "deviceName filter",
        |p| filtered(p, "name"),
        &["FILTER_NOT_ESP"],
    ),
    ("iOS filter", |p| filtered(p, "ios"), &["FILTER_NOT_ESP"]),
    ("SKU filter", |p| filtered(p, "sku"), &[]),
    (
        "unknown filter",
        |p| filtered(p, "nope"),
        &["FILTER_UNKNOWN"],
    ),
    (
        "broken filter",
        |p| filtered(p, "broken"),
        &["FILTER_PARSE"],
    ),
    (
        "model filter",
        |p| filtered(p, "model"),
        &["FILTER_PROPERTY_OS"],
    ),
    (
        "unknown group",
        |p| p.assignments[0].target = Target::Group(GroupId::from("nope")),
        &["GROUP_UNKNOWN"],
    ),
    (
        "all users",
        |p| p.assignments[0].target = Target::AllUsers,
        &[],
    ),
    (
        "exclusion",
        |p| {
            p.assignments
                .push(Assignment::new(Target::ExcludedGroup(GroupId::from(
                    "g-users",
                ))))
        },
        &["EXCLUSION_UNVERIFIED"],
    ),
    ("no assignment", |p| p.assignments.clear(), &["UNASSIGNED"]),
    (
        "only an exclusion",
        |p| p.assignments[0].target = Target::ExcludedGroup(GroupId::from("g-devices")),
        &["EXCLUSION_UNVERIFIED", "UNASSIGNED"],
    ),
    (
        "101 tags",
        |p| p.scope_tags = vec![ScopeTagId::from("t1"); 101],
        &["SCOPE_TAGS_TOO_MANY"],
    ),
    (
        "100 tags",
        |p| p.scope_tags = vec![ScopeTagId::from("t1"); 100],
        &[],
    ),
    (
        "unknown tag",
        |p| p.scope_tags = vec![ScopeTagId::from("nope")],
        &["SCOPE_TAG_UNKNOWN"],
    ),
    (
        "built-in Default tag",
        |p| p.scope_tags = vec![ScopeTagId::from("0")],
        &[],
    ),
];

#[test]
fn every_rule_fails_and_passes() {
    let tenant = tenant();
    let mut seen = BTreeSet::new();
    for (what, edit, expected) in CASES {
        let mut profile = base();
        edit(&mut profile);
        let findings = validate::profile(&profile, &tenant);
        assert_eq!(codes(&findings), *expected, "{what}: {findings:#?}");
        seen.extend(findings.iter().map(|f| f.code));
    }
    seen.insert(Code::ProfileCap); // see the_51st_profile_is_refused_on_review
    let missing: Vec<_> = Code::ALL.iter().filter(|c| !seen.contains(c)).collect();
    assert!(
        missing.is_empty(),
        "codes without a failing case: {missing:?}"
    );
}

#[test]
fn findings_carry_the_words_step_and_field() {
    let tenant = tenant();
    let check = |edit: Edit, step: WizardStep, field: &str, message: &str| {
        let mut profile = base();
        edit(&mut profile);
        let findings = validate::profile(&profile, &tenant);
        let finding = findings.first().expect("a finding");
        assert_eq!(
            (
                finding.step,
                finding.field.as_str(),
                finding.message.as_str()
            ),
            (step, field, message)
        );
    };
    check(
        |p| p.name.clear(),
        WizardStep::Basics,
        "name",
        "Name is required",
    );
    check(
        |p| p.name = "kiosk".into(),
        WizardStep::Basics,
        "name",
        "Another ESP profile is already named 'Kiosk'",
    );
    check(
        |p| page(p).timeout_minutes = 0,
        WizardStep::Settings,
        "timeout",
        "Timeout must be a whole number from 1 to 1440 minutes",
    );
    check(
        |p| selected(p, &[], false),
        WizardStep::Settings,
        "selectedApps",
        "Choose at least one app, or choose All",
    );
    check(
        |p| {
            selected(p, &["win32"; 101], false);
            page(p).timeout_minutes = 600
        },
        WizardStep::Settings,
        "selectedApps",
        "A profile can block on at most 100 apps; 101 are selected",
    );
    check(|p| selected(p, &["win32", "mac"], false), WizardStep::Settings, "selectedApps[1]", "'App mac' is a macOSLobApp app; only the Windows app types the ESP tracks can block the page");
    check(
        |p| filtered(p, "name"),
        WizardStep::Assignments,
        "assignments[0].filter",
        "This filter uses device.deviceName, which ESP assignments cannot use",
    );
    check(|p| filtered(p, "ios"), WizardStep::Assignments, "assignments[0].filter", "Filter 'Filter ios' is for iOS/iPadOS devices; ESP assignments can use only Windows filters");
    check(
        |p| p.scope_tags = vec![ScopeTagId::from("x")],
        WizardStep::ScopeTags,
        "scopeTags[0]",
        "Scope tag `x` is not in this tenant: add it, or remove it",
    );

    let mut profile = base();
    filtered(&mut profile, "broken");
    let finding = &validate::profile(&profile, &tenant)[0];
    assert!(
        finding
            .message
            .starts_with("The rule of filter 'Filter broken' cannot be read: expected"),
        "{}",
        finding.message
    );
    assert!(finding.message.contains("column"), "{}", finding.message);
}

#[test]
fn warnings_do_not_block() {
    let tenant = tenant();
    let mut profile = base();
    profile.assignments.clear();
    selected(&mut profile, &["win32"], true);
    let findings = validate::profile(&profile, &tenant);
    assert!(!findings.is_empty());
    assert!(findings
        .iter()
        .all(|f| f.severity == Severity::Warning && !f.is_error()));
}

#[test]
fn the_51st_profile_is_refused_on_review() {
    let mut tenant = tenant();
    for n in 1..50 {
        let mut p = base();
        p.id = ProfileId::new(format!("p{n}"));
        p.name = format!("Profile {n}");
        tenant.add_profile(p).unwrap();
    }
    let findings = validate::profile(&base(), &tenant);
    assert_eq!(codes(&findings), ["PROFILE_CAP"]);
    assert_eq!(findings[0].step, WizardStep::Review);
    assert_eq!(
        findings[0].message,
        "A tenant can hold at most 50 custom ESP profiles; this would be number 51"
    );
    // The fiftieth, already in the tenant, is fine.
    let last = tenant.custom_profiles()[49].clone();
    assert!(validate::profile(&last, &tenant).is_empty());
}

#[test]
fn a_profile_is_not_its_own_duplicate() {
    let tenant = tenant();
    let kiosk = tenant.custom_profile(&ProfileId::from("kiosk")).unwrap();
    assert_eq!(codes(&validate::profile(kiosk, &tenant)), ["UNASSIGNED"]);
}

#[test]
fn the_default_profile_is_checked_on_its_settings_only() {
    let mut tenant = tenant();
    assert!(validate::profile(tenant.default_profile(), &tenant).is_empty());
    tenant.default_profile_mut().settings = Progress::new_profile();
    tenant
        .default_profile_mut()
        .settings
        .page_mut()
        .unwrap()
        .timeout_minutes = 0;
    let findings = validate::profile(tenant.default_profile(), &tenant);
    assert_eq!(codes(&findings), ["TIMEOUT_RANGE"]);
}

#[test]
fn a_tenant_is_validated_profile_by_profile_in_priority_order() {
    let tenant = tenant();
    let all = validate::tenant(&tenant);
    let summary: Vec<_> = all
        .iter()
        .map(|p| (p.priority.to_string(), p.name.as_str(), codes(&p.findings)))
        .collect();
    assert_eq!(
        summary,
        [
            ("1".to_owned(), "Kiosk", vec!["UNASSIGNED"]),
            ("Default".to_owned(), "All users and all devices", vec![]),
        ]
    );
}

#[test]
fn findings_serialize_with_stable_keys() {
    let mut profile = base();
    profile.name.clear();
    let json = serde_json::to_value(&validate::profile(&profile, &tenant())[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "code": "NAME_REQUIRED",
            "severity": "error",
            "step": "basics",
            "field": "name",
            "message": "Name is required"
        })
    );
}
