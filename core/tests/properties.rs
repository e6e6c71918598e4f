#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Properties: export then import gives back the same tenant; import, validation and the
//! priority operations never panic, whatever the input.

mod common;

use esp_core::graph::export::bundle;
use esp_core::graph::{import_bytes, import_str, import_value};
use esp_core::model::*;
use esp_core::priority::AdminScope;
use esp_core::validate;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};

/// Display names: letters and spaces only, so a name never equals a generated id (ids carry a
/// digit), which keeps import's name fallbacks out of the round trip.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-z ]{0,12}"
}

/// Free text: anything, including control characters and astral planes.
fn text() -> impl Strategy<Value = String> {
    any::<String>()
}

fn target(groups: usize) -> impl Strategy<Value = Target> {
    let group = (0..groups + 1).prop_map(|i| GroupId::new(format!("g{i}"))); // g{groups} dangles
    prop_oneof![
        Just(Target::AllUsers),
        Just(Target::AllDevices),
        group.clone().prop_map(Target::Group),
        group.prop_map(Target::ExcludedGroup),
    ]
}

fn applied_filter(filters: usize) -> impl Strategy<Value = Option<AppliedFilter>> {
    proptest::option::of(
        (0..filters + 1, any::<bool>()).prop_map(|(i, include)| AppliedFilter {
            id: FilterId::new(format!("f{i}")),
            mode: if include {
                FilterMode::Include
            } else {
                FilterMode::Exclude
            },
        }),
    )
}

fn assignment(groups: usize, filters: usize) -> impl Strategy<Value = Assignment> {
    (target(groups), applied_filter(filters))
        .prop_map(|(target, filter)| Assignment { target, filter })
}

fn settings(apps: usize) -> impl Strategy<Value = Progress> {
    let message = prop_oneof![
        Just(CustomMessage::Default),
        ".+".prop_map(CustomMessage::Custom),
    ];
    let selected = (vec(0..apps + 1, 1..4), any::<bool>()).prop_map(|(ids, technician)| {
        BlockingApps::Selected(SelectedApps {
            ids: ids
                .into_iter()
                .map(|i| AppId::new(format!("a{i}")))
                .collect(),
            only_fail_selected_in_technician_phase: technician,
        })
    });
    let block = prop_oneof![
        Just(Block::No),
        (
            any::<bool>(),
            any::<bool>(),
            prop_oneof![Just(BlockingApps::All), selected]
        )
            .prop_map(|(allow_reset, allow_use, apps)| Block::Yes(BlockSettings {
                allow_reset,
                allow_use,
                apps
            })),
    ];
    // Graph reads a timeout of 0 as "unset", 60 minutes, so 0 cannot survive the trip.
    let page = (
        1..=u32::MAX,
        message,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        block,
    )
        .prop_map(
            |(timeout_minutes, message, log_collection, oobe_only, quality_updates, block)| {
                PageSettings {
                    timeout_minutes,
                    message,
                    log_collection,
                    oobe_only,
                    oobe_flags_differ: false, // export settles a disagreement
                    quality_updates,
                    block,
                }
            },
        );
    prop_oneof![Just(Progress::Hidden), page.prop_map(Progress::Shown)]
}

fn app_kind() -> impl Strategy<Value = AppKind> {
    let run_as = prop_oneof![Just(RunAs::System), Just(RunAs::User)];
    prop_oneof![
        run_as.clone().prop_map(AppKind::Win32Lob),
        run_as.clone().prop_map(AppKind::WinGet),
        run_as.prop_map(AppKind::Win32Catalog),
        any::<bool>().prop_map(|per_machine| AppKind::WindowsMobileMsi { per_machine }),
        Just(AppKind::WindowsAppX),
        Just(AppKind::WindowsUniversalAppX),
        Just(AppKind::OfficeSuite),
        Just(AppKind::MicrosoftEdge),
        select(vec!["macOSLobApp", "iosStoreApp", "webApp", ""])
            .prop_map(|t| AppKind::Other(t.into())),
    ]
}

fn tenant() -> impl Strategy<Value = Tenant> {
    (0usize..4, 0usize..4, 0usize..4, 0usize..3)
        .prop_flat_map(|(groups, apps, filters, tags)| {
            let group_list = vec(
                (
                    name(),
                    proptest::option::of(prop_oneof![
                        Just(MemberKind::User),
                        Just(MemberKind::Device)
                    ]),
                ),
                groups,
            );
            let app_list = vec(
                (name(), app_kind()).prop_flat_map(move |(name, kind)| {
                    let appx = kind.context_from_assignment();
                    let intent = select(vec![
                        Intent::Required,
                        Intent::Available,
                        Intent::Uninstall,
                        Intent::AvailableWithoutEnrollment,
                    ]);
                    let rows = vec(
                        (
                            intent,
                            target(groups),
                            applied_filter(filters),
                            any::<bool>(),
                        ),
                        0..3,
                    )
                    .prop_map(move |rows| {
                        rows.into_iter()
                            .map(|(intent, target, filter, context)| AppAssignment {
                                intent,
                                target,
                                filter,
                                use_device_context: appx && context,
                            })
                            .collect::<Vec<_>>()
                    });
                    (Just(name), Just(kind), rows)
                }),
                apps,
            );
            let filter_list = vec((name(), text()), filters);
            let tag_list = vec(name(), tags);
            let tag_ids = {
                let mut ids: Vec<String> = (0..tags).map(|i| format!("t{i}")).collect();
                ids.push("0".into());
                ids.push("t9-gone".into());
                ids
            };
            let profile = (
                text(),
                text(),
                settings(apps),
                vec(assignment(groups, filters), 0..4),
                proptest::sample::subsequence(tag_ids, 0..3),
            );
            let profiles = vec(profile, 0..5);
            let default_id = select(vec![
                DefaultProfile::LOCAL_ID,
                "tid_DefaultWindows10EnrollmentCompletionPageConfiguration",
            ]);
            (
                group_list,
                app_list,
                filter_list,
                tag_list,
                profiles,
                default_id,
                settings(apps),
            )
        })
        .prop_map(
            |(groups, apps, filters, tags, profiles, default_id, default_settings)| {
                let mut tenant = Tenant::new(DefaultProfile {
                    id: ProfileId::from(default_id),
                    settings: default_settings,
                });
                tenant.groups = groups
                    .into_iter()
                    .enumerate()
                    .map(|(i, (display_name, member_kind))| Group {
                        id: GroupId::new(format!("g{i}")),
                        display_name,
                        member_kind,
                    })
                    .collect();
                tenant.apps = apps
                    .into_iter()
                    .enumerate()
                    .map(|(i, (display_name, kind, assignments))| App {
                        id: AppId::new(format!("a{i}")),
                        display_name,
                        kind,
                        assignments,
                    })
                    .collect();
                tenant.filters = filters
                    .into_iter()
                    .enumerate()
                    .map(|(i, (display_name, rule))| AssignmentFilter {
                        id: FilterId::new(format!("f{i}")),
                        display_name,
                        platform: WINDOWS_FILTER_PLATFORM.into(),
                        rule,
                    })
                    .collect();
                tenant.scope_tags = tags
                    .into_iter()
                    .enumerate()
                    .map(|(i, display_name)| ScopeTag {
                        id: ScopeTagId::new(format!("t{i}")),
                        display_name,
                    })
                    .collect();
                for (i, (name, description, settings, assignments, scope_tags)) in
                    profiles.into_iter().enumerate()
                {
                    // A lone Default tag is "none chosen" (Intune adds it), so the model holds it as none.
                    let scope_tags: Vec<ScopeTagId> = if scope_tags == ["0"] {
                        vec![]
                    } else {
                        scope_tags.into_iter().map(ScopeTagId::from).collect()
                    };
                    tenant
                        .add_profile(CustomProfile {
                            id: ProfileId::new(format!("p{i}")),
                            name,
                            description,
                            settings,
                            assignments,
                            scope_tags,
                        })
                        .unwrap();
                }
                tenant
            },
        )
}

/// Arbitrary JSON whose keys come from Graph's vocabulary, so it reaches deep into import.
fn graph_json() -> impl Strategy<Value = Value> {
    let keys = select(vec![
        "@odata.type",
        "id",
        "displayName",
        "priority",
        "value",
        "assignments",
        "Assignments",
        "target",
        "groupId",
        "groupName",
        "intent",
        "settings",
        "useDeviceContext",
        "installExperience",
        "runAsAccount",
        "showInstallationProgress",
        "blockDeviceSetupRetryByUser",
        "installProgressTimeoutInMinutes",
        "customErrorMessage",
        "selectedMobileAppIds",
        "selectedMobileAppNames",
        "name",
        "type",
        "roleScopeTagIds",
        "roleScopeTagNames",
        "deviceAndAppManagementAssignmentFilterId",
        "deviceAndAppManagementAssignmentFilterType",
        "deviceAndAppManagementAssignmentFilterName",
        "deviceEnrollmentConfigurations",
        "groups",
        "mobileApps",
        "assignmentFilters",
        "roleScopeTags",
        "memberKind",
        "platform",
        "rule",
        "trackInstallProgressForAutopilotOnly",
        "packageIdentifier",
        "disableUserStatusTrackingAfterFirstUser",
        "allowNonBlockingAppInstallation",
        "deviceEnrollmentConfigurationType",
    ]);
    let strings = select(vec![
        "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
        "#microsoft.graph.groupAssignmentTarget",
        "#microsoft.graph.exclusionGroupAssignmentTarget",
        "#microsoft.graph.allDevicesAssignmentTarget",
        "#microsoft.graph.allLicensedUsersAssignmentTarget",
        "#microsoft.graph.win32LobApp",
        "#microsoft.graph.windowsAppX",
        "#microsoft.graph.windowsMobileMSI",
        "include",
        "exclude",
        "none",
        "required",
        "user",
        "device",
        "system",
        "windows10AndLater",
        "iOS",
        "Default",
        "0",
        "x_DefaultWindows10EnrollmentCompletionPageConfiguration",
        "",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        strings.prop_map(Value::from),
        ".{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((keys.clone(), inner), 0..8).prop_map(|pairs| {
                Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_back_the_same_tenant(tenant in tenant()) {
        let exported = bundle(&tenant);
        let imported = import_value(&exported).unwrap();
        prop_assert_eq!(&imported.tenant, &tenant);
        // Through text and UTF-16 too.
        let text = exported.to_string();
        prop_assert_eq!(&import_str(&text).unwrap().tenant, &tenant);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        prop_assert_eq!(&import_bytes(&utf16).unwrap().tenant, &tenant);
    }

    #[test]
    fn save_then_load_gives_back_the_same_tenant(tenant in tenant()) {
        let text = esp_core::save::save(&tenant, &json!({"k": 1}), None);
        prop_assert_eq!(&esp_core::save::load(&text).unwrap().tenant, &tenant);
        // The browser's compact save is the same document.
        let compact = esp_core::save::save_compact(&tenant, &json!({"k": 1}), None);
        prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&compact).unwrap(), serde_json::from_str::<serde_json::Value>(&text).unwrap());
        prop_assert_eq!(esp_core::save::load(&compact).unwrap().tenant, tenant);
    }

    #[test]
    fn a_save_around_the_written_tenant_is_the_compact_save(
        tenant in tenant(),
        designer in graph_json(),
        saved_at in proptest::option::of(text()),
    ) {
        let written = esp_core::save::CompactTenant::new(&tenant);
        let text = esp_core::save::save_compact_with(&written, &designer, saved_at.as_deref());
        prop_assert_eq!(&text, &esp_core::save::save_compact(&tenant, &designer, saved_at.as_deref()));
        let loaded = esp_core::save::load(&text).unwrap();
        prop_assert_eq!(loaded.tenant, tenant);
        prop_assert_eq!(loaded.saved_at, saved_at);
    }

    #[test]
    fn merging_a_tenant_into_an_empty_one_gives_it_back(tenant in tenant()) {
        let mut empty = Tenant::new(DefaultProfile { id: tenant.default_profile().id.clone(), settings: Progress::Hidden });
        empty.merge_tenant(tenant.clone(), true);
        // Same-named objects of one kind collapse into one, so compare where names are unique.
        let unique = |names: Vec<String>| {
            let mut lower: Vec<String> = names.iter().map(|n| n.trim().to_lowercase()).collect();
            lower.sort();
            lower.windows(2).all(|w| w[0] != w[1])
        };
        let all_unique = unique(tenant.groups.iter().map(|g| g.display_name.clone()).collect())
            && unique(tenant.apps.iter().map(|a| a.display_name.clone()).collect())
            && unique(tenant.filters.iter().map(|f| f.display_name.clone()).collect())
            && unique(tenant.scope_tags.iter().map(|t| t.display_name.clone()).collect())
            && unique(tenant.custom_profiles().iter().map(|p| p.name.clone()).collect());
        if all_unique {
            prop_assert_eq!(empty, tenant);
        }
    }

    #[test]
    fn validation_never_panics(tenant in tenant()) {
        for (_, profile) in tenant.profiles() {
            for finding in validate::profile(profile, &tenant) {
                prop_assert!(!finding.message.is_empty());
            }
        }
    }

    #[test]
    fn priority_operations_keep_one_to_n(tenant in tenant(), ops in vec((0usize..8, 0usize..8, 0usize..4), 0..12)) {
        let mut tenant = tenant;
        let scope = AdminScope::tags([ScopeTagId::from("t0")]);
        for (from, to, op) in ops {
            let id = tenant.custom_profiles().get(from.saturating_sub(1)).map(|p| p.id.clone());
            let _ = match (op, id) {
                (0, _) => tenant.move_profile(from, to).map(|_| ()),
                (1, _) => tenant.move_profile_as(&scope, from, to).map(|_| ()),
                (2, Some(id)) => tenant.duplicate_profile(&id).map(|_| ()),
                (3, Some(id)) => tenant.delete_profile_as(&scope, &id).map(|_| ()),
                _ => Ok(()),
            };
            let ranks: Vec<String> = tenant.profiles().map(|(p, _)| p.to_string()).collect();
            let expected: Vec<String> = (1..=tenant.custom_profiles().len()).map(|n| n.to_string()).chain(["Default".to_owned()]).collect();
            prop_assert_eq!(ranks, expected);
        }
    }

    #[test]
    fn import_never_panics_on_graph_like_json(value in graph_json()) {
        if let Ok(imported) = import_value(&value) {
            validate::tenant(&imported.tenant);
            let _ = bundle(&imported.tenant);
        }
        let wrapped = json!({"deviceEnrollmentConfigurations": [value.clone()], "mobileApps": [value.clone()], "groups": [value]});
        if let Ok(imported) = import_value(&wrapped) {
            validate::tenant(&imported.tenant);
        }
    }

    #[test]
    fn import_never_panics_on_any_text(text in any::<String>()) {
        let _ = import_str(&text);
        let _ = esp_core::save::load(&text);
    }

    #[test]
    fn import_never_panics_on_any_bytes(bytes in vec(any::<u8>(), 0..64)) {
        let _ = import_bytes(&bytes);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(&bytes);
        let _ = import_bytes(&utf16);
    }

    #[test]
    fn timeout_text_never_panics(text in any::<String>()) {
        if let Ok(minutes) = validate::parse_timeout(&text) {
            prop_assert!((1..=1440).contains(&minutes));
        }
    }
}

/// Every fixture with one value replaced by a wrong type still imports or fails cleanly.
#[test]
fn fixtures_with_wrong_values_fail_cleanly() {
    let replacements = [
        json!(null),
        json!("x"),
        json!(-1),
        json!(1.5),
        json!([]),
        json!({}),
        json!(true),
    ];
    for path in common::json_files("esp") {
        let original = common::json_at(&path);
        let Value::Object(map) = &original else {
            continue;
        };
        for key in map.keys() {
            for replacement in &replacements {
                let mut broken = original.clone();
                broken[key.as_str()] = replacement.clone();
                if let Err(error) = import_value(&broken) {
                    let message = error.to_string();
                    assert!(
                        message.starts_with("at `$"),
                        "{}: {message}",
                        common::name(&path)
                    );
                }
            }
        }
    }
}
