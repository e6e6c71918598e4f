#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Properties of resolution: it never panics on any scenario over any generated tenant, its trace
//! is consistent with its answer, the fleet's fast path agrees with it, and compiled filter rules
//! agree with the explaining evaluator.

use esp_core::filter::{
    parse, Comparison, DeviceProperties, Expr, LoweredDevice, Operator, Property, Rule, Value,
};
use esp_core::fleet::{fleet, impact, FleetDevice};
use esp_core::model::*;
use esp_core::resolve::{
    resolve, resolve_indexed, IndexedTenant, JoinType, Mode, Scenario, ScenarioDevice,
    ScenarioUser, Summarizer, Via,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

const GROUPS: usize = 6;
const APPS: usize = 8;

/// Rules of every kind resolution meets: usable, OS-gated, not for ESP, unreadable.
const RULES: [&str; 8] = [
    r#"(device.model -eq "Surface Book 3")"#,
    r#"(device.manufacturer -startsWith "micro") or (device.osVersion -startsWith "10.0.22")"#,
    r#"(device.operatingSystemSKU -in ["Enterprise", "Education"])"#,
    r#"(device.deviceOwnership -eq "Corporate") and (device.enrollmentProfileName -ne $null)"#,
    r#"(device.enrollmentProfileName -contains "kiosk")"#,
    r#"(device.deviceName -startsWith "AVD-")"#,
    r#"(device.model -match "x")"#,
    r#"(device.operatingSystemVersion -ge 10.0.22000)"#,
];

fn group_id(groups: usize) -> impl Strategy<Value = GroupId> {
    // g{groups} is in no tenant list: a dangling reference.
    (0..=groups).prop_map(|i| GroupId::new(format!("g{i}")))
}

fn target(groups: usize) -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::AllUsers),
        Just(Target::AllDevices),
        group_id(groups).prop_map(Target::Group),
        group_id(groups).prop_map(Target::ExcludedGroup),
    ]
}

fn applied_filter() -> impl Strategy<Value = Option<AppliedFilter>> {
    // f{RULES.len()} is not in the tenant.
    proptest::option::of(
        (0..=RULES.len() + 1, any::<bool>()).prop_map(|(i, include)| AppliedFilter {
            id: FilterId::new(format!("f{i}")),
            mode: if include {
                FilterMode::Include
            } else {
                FilterMode::Exclude
            },
        }),
    )
}

fn settings(apps: usize) -> impl Strategy<Value = Progress> {
    let selected = (vec(0..apps + 2, 1..5), any::<bool>()).prop_map(|(ids, technician)| {
        BlockingApps::Selected(SelectedApps {
            ids: ids
                .into_iter()
                .map(|i| AppId::new(format!("a{i}")))
                .collect(),
            only_fail_selected_in_technician_phase: technician,
        })
    });
    let block = prop_oneof![
        1 => Just(Block::No),
        3 => (any::<bool>(), any::<bool>(), prop_oneof![Just(BlockingApps::All), selected])
            .prop_map(|(allow_reset, allow_use, apps)| Block::Yes(BlockSettings { allow_reset, allow_use, apps })),
    ];
    let page = (
        prop_oneof![Just(0u32), 1..100u32, Just(u32::MAX)],
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        block,
    )
        .prop_map(
            |(timeout_minutes, logs, quality_updates, differ, block)| PageSettings {
                timeout_minutes,
                message: CustomMessage::Default,
                log_collection: logs,
                oobe_only: false,
                oobe_flags_differ: differ,
                quality_updates,
                block,
            },
        );
    prop_oneof![1 => Just(Progress::Hidden), 4 => page.prop_map(Progress::Shown)]
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
        Just(AppKind::Other("macOSLobApp".into())),
    ]
}

fn app(i: usize, groups: usize) -> impl Strategy<Value = App> {
    let intent = select(vec![Intent::Required, Intent::Required, Intent::Available]);
    let row = (intent, target(groups), applied_filter(), any::<bool>()).prop_map(
        |(intent, target, filter, use_device_context)| AppAssignment {
            intent,
            target,
            filter,
            use_device_context,
        },
    );
    (app_kind(), vec(row, 0..4)).prop_map(move |(kind, mut assignments)| {
        if !kind.context_from_assignment() {
            assignments
                .iter_mut()
                .for_each(|a| a.use_device_context = false);
        }
        App {
            id: AppId::new(format!("a{i}")),
            display_name: format!("App {i}"),
            kind,
            assignments,
        }
    })
}

fn tenant() -> impl Strategy<Value = Tenant> {
    tenant_of(GROUPS, APPS)
}

/// A tenant with this many groups and apps; few groups and many apps give the dense groups the
/// fleet folds into bitsets.
fn tenant_of(groups: usize, apps: usize) -> impl Strategy<Value = Tenant> {
    let profile = (
        settings(apps),
        vec((target(groups), applied_filter()), 0..4),
    );
    (
        vec(profile, 0..6),
        settings(apps),
        (0..apps).map(|i| app(i, groups)).collect::<Vec<_>>(),
        subsequence((0..RULES.len()).collect::<Vec<_>>(), 0..=RULES.len()),
        any::<bool>(),
    )
        .prop_map(move |(profiles, default_settings, apps, filters, ios)| {
            let mut tenant = Tenant::default();
            tenant.default_profile_mut().settings = default_settings;
            for (i, (settings, rows)) in profiles.into_iter().enumerate() {
                let mut p = CustomProfile::new(format!("p{i}"), format!("Profile {i}"));
                p.settings = settings;
                p.assignments = rows
                    .into_iter()
                    .map(|(target, filter)| Assignment { target, filter })
                    .collect();
                tenant.add_profile(p).unwrap();
            }
            for i in 0..groups {
                tenant.groups.push(Group {
                    id: GroupId::new(format!("g{i}")),
                    display_name: format!("Group {i}"),
                    member_kind: None,
                });
            }
            tenant.apps = apps;
            for i in filters {
                tenant.filters.push(AssignmentFilter {
                    id: FilterId::new(format!("f{i}")),
                    display_name: format!("Filter {i}"),
                    platform: WINDOWS_FILTER_PLATFORM.into(),
                    rule: RULES[i].into(),
                });
            }
            // One filter for another platform, under an id rows use.
            tenant.filters.push(AssignmentFilter {
                id: FilterId::new(format!("f{}", RULES.len())),
                display_name: "iOS filter".into(),
                platform: if ios { "iOS" } else { WINDOWS_FILTER_PLATFORM }.into(),
                rule: r#"(device.model -eq "iPad")"#.into(),
            });
            tenant
        })
}

fn maybe(values: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    proptest::option::of(select(values).prop_map(str::to_owned))
}

fn properties() -> impl Strategy<Value = DeviceProperties> {
    (
        maybe(&[
            "Surface Book 3",
            "SURFACE BOOK 3",
            "Latitude 7440",
            "",
            "iPad",
        ]),
        maybe(&["Microsoft Corporation", "Dell Inc.", " "]),
        maybe(&["10.0.22631.4460", "10.0.19045.3803", "10.0", "x.y.z"]),
        maybe(&["Enterprise", "education", "Professional"]),
        maybe(&["Corporate", "Personal", "unknown"]),
        maybe(&["Kiosk profile", "AP-kiosk", ""]),
    )
        .prop_map(
            |(model, manufacturer, os_version, sku, ownership, profile)| DeviceProperties {
                model,
                manufacturer,
                os_version,
                operating_system_sku: sku,
                device_ownership: ownership,
                enrollment_profile_name: profile,
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    scenario_of(GROUPS)
}

fn scenario_of(groups: usize) -> impl Strategy<Value = Scenario> {
    let groups = move || vec(group_id(groups), 0..4);
    (
        select(Mode::ALL.to_vec()),
        select(JoinType::ALL.to_vec()),
        groups(),
        proptest::option::of(groups()),
        properties(),
    )
        .prop_map(
            |(mode, join_type, device_groups, user, properties)| Scenario {
                mode,
                join_type,
                device: ScenarioDevice {
                    group_ids: device_groups,
                    properties,
                },
                user: user.map(|group_ids| ScenarioUser { group_ids }),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn resolve_never_panics_and_agrees_with_the_fast_path(
        tenant in tenant(),
        scenarios in vec(scenario(), 1..6),
    ) {
        let index = IndexedTenant::new(&tenant);
        let mut summarizer = Summarizer::new(&index);
        for scenario in &scenarios {
            let result = resolve_indexed(&index, scenario);

            // The trace covers every profile, once, and names the answer.
            prop_assert_eq!(result.trace.len(), tenant.custom_profiles().len() + 1);
            let chosen: Vec<_> = result.trace.iter().filter(|t| t.chosen).collect();
            prop_assert_eq!(chosen.len(), 1);
            prop_assert_eq!(&chosen[0].profile_id, &result.profile.id);
            prop_assert_eq!(chosen[0].via, Some(result.via));
            // Device wins over user; nothing above the answer matched on the side that won.
            let position = result.trace.iter().position(|t| t.chosen).unwrap();
            for t in &result.trace[..position] {
                prop_assert!(t.via != Some(result.via) && t.via != Some(Via::Device), "{t:?}");
                if result.via == Via::Default {
                    prop_assert!(t.via.is_none(), "{t:?}");
                }
            }
            if result.via == Via::User {
                prop_assert!(scenario.mode.has_user());
            }
            // Blocking apps are tracked, phases are disjoint, a hidden page tracks nothing.
            let account = result.account_setup.clone().unwrap_or_default();
            for id in &result.device_setup.blocking {
                prop_assert!(result.device_setup.tracked.contains(id));
            }
            for id in &account.blocking {
                prop_assert!(account.tracked.contains(id));
                prop_assert!(!result.device_setup.tracked.contains(id));
            }
            if !result.page_shown {
                prop_assert!(result.device_setup.tracked.is_empty() && result.account_setup.is_none());
                prop_assert!(result.screen.is_none() && result.timeout_minutes.is_none());
            }
            if result.quality_updates {
                prop_assert!(result.via != Via::User && scenario.mode != Mode::PreProvisioning);
            }
            // The JSON form reads back.
            let json = serde_json::to_string(&result).unwrap();
            let back: esp_core::resolve::Resolution = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &result);

            // The fast path agrees.
            let summary = summarizer.summarize(&index.prepare(scenario));
            prop_assert_eq!(index.profile_id_at(summary.profile), Some(&result.profile.id));
            prop_assert_eq!(summary.via, result.via);
            prop_assert_eq!(summary.blocking_apps as usize, result.blocking_count());
            prop_assert_eq!(summary.effective_timeout_minutes, result.effective_timeout_minutes);
            let (again, apps) = summarizer.summarize_with_apps(&index.prepare(scenario));
            prop_assert_eq!(again, summary);
            let mut blocking: Vec<AppId> = result.device_setup.blocking.clone();
            blocking.extend(account.blocking.clone());
            blocking.sort();
            prop_assert_eq!(apps, blocking);
        }
        // The one-shot form gives the same answer.
        prop_assert_eq!(resolve(&tenant, &scenarios[0]), resolve_indexed(&index, &scenarios[0]));
    }

    #[test]
    fn impact_of_no_change_is_empty_and_fleet_matches_resolve(
        tenant in tenant(),
        scenarios in vec(scenario(), 0..8),
    ) {
        let devices: Vec<FleetDevice> = scenarios
            .into_iter()
            .enumerate()
            .map(|(i, scenario)| FleetDevice { line: i + 1, name: format!("pc{i}"), scenario })
            .collect();
        let index = IndexedTenant::new(&tenant);
        let report = impact(&index, &index, &devices);
        prop_assert!(report.changed.is_empty());
        prop_assert_eq!(report.profiles.iter().map(|c| c.before).sum::<usize>(), devices.len());
        for c in &report.profiles {
            prop_assert_eq!(c.before, c.after);
        }
        for (row, device) in fleet(&index, &devices).iter().zip(&devices) {
            let full = resolve_indexed(&index, &device.scenario);
            prop_assert_eq!(&row.profile_id, &full.profile.id);
            prop_assert_eq!(row.blocking_apps as usize, full.blocking_count());
        }
    }

    #[test]
    fn impact_sees_every_change(
        before in tenant(),
        after in tenant(),
        scenarios in vec(scenario(), 1..8),
    ) {
        let devices: Vec<FleetDevice> = scenarios
            .into_iter()
            .enumerate()
            .map(|(i, scenario)| FleetDevice { line: i + 1, name: format!("pc{i}"), scenario })
            .collect();
        let (old, new) = (IndexedTenant::new(&before), IndexedTenant::new(&after));
        let report = impact(&old, &new, &devices);
        for device in &devices {
            let a = resolve_indexed(&old, &device.scenario);
            let b = resolve_indexed(&new, &device.scenario);
            let mut a_apps = a.device_setup.blocking.clone();
            a_apps.extend(a.account_setup.clone().unwrap_or_default().blocking);
            a_apps.sort();
            let mut b_apps = b.device_setup.blocking.clone();
            b_apps.extend(b.account_setup.clone().unwrap_or_default().blocking);
            b_apps.sort();
            let differs = a.profile.id != b.profile.id
                || a_apps != b_apps
                || a.effective_timeout_minutes != b.effective_timeout_minutes;
            let listed = report.changed.iter().find(|c| c.name == device.name);
            prop_assert_eq!(differs, listed.is_some(), "{}", device.name);
            if let Some(change) = listed {
                prop_assert_eq!(&change.before.blocking_apps, &a_apps);
                prop_assert_eq!(&change.after.blocking_apps, &b_apps);
            }
        }
    }
}

proptest! {
    // Tenants of 70 apps over two groups: slower cases, fewer of them.
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn the_fast_path_agrees_on_dense_groups(
        tenant in tenant_of(2, 70),
        scenarios in vec(scenario_of(2), 1..6),
    ) {
        let index = IndexedTenant::new(&tenant);
        let mut summarizer = Summarizer::new(&index);
        for scenario in &scenarios {
            let result = resolve_indexed(&index, scenario);
            let (summary, apps) = summarizer.summarize_with_apps(&index.prepare(scenario));
            prop_assert_eq!(index.profile_id_at(summary.profile), Some(&result.profile.id));
            prop_assert_eq!(summary.via, result.via);
            let mut blocking = result.device_setup.blocking.clone();
            blocking.extend(result.account_setup.clone().unwrap_or_default().blocking);
            blocking.sort();
            prop_assert_eq!(apps, blocking);
            prop_assert_eq!(summary.effective_timeout_minutes, result.effective_timeout_minutes);
        }
    }
}

// ----- compiled filter rules -----

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "Surface",
            "surface book 3",
            "SURFACE BOOK 3",
            "10.0.22",
            "10.0.22631.4460",
            "",
            "Ä",
            "ä",
            "İ",
            "ß",
            "SS",
            "Corporate",
            "enterprise",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Zİıß. 0-9]{0,6}",
    ]
}

fn version() -> impl Strategy<Value = String> {
    vec("[0-9]{1,3}", 1..4).prop_map(|parts| parts.join("."))
}

fn comparison() -> impl Strategy<Value = Comparison> {
    let property = select(vec![
        "model",
        "manufacturer",
        "osVersion",
        "operatingSystemSKU",
        "deviceOwnership",
        "enrollmentProfileName",
        "deviceName",
    ])
    .prop_map(Property::device);
    (property, select(Operator::ALL.to_vec())).prop_flat_map(|(property, operator)| {
        let value: BoxedStrategy<Value> = match operator {
            Operator::Eq | Operator::Ne => prop_oneof![
                3 => text().prop_map(Value::String),
                1 => Just(Value::Null),
                1 => version().prop_map(Value::Version),
            ]
            .boxed(),
            Operator::In | Operator::NotIn => vec(text(), 1..3).prop_map(Value::List).boxed(),
            op if op.is_ordering() => version().prop_map(Value::Version).boxed(),
            _ => text().prop_map(Value::String).boxed(),
        };
        value.prop_map(move |value| Comparison {
            property: property.clone(),
            operator,
            value,
        })
    })
}

fn expr() -> impl Strategy<Value = Expr> {
    comparison()
        .prop_map(Expr::Comparison)
        .prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..3).prop_map(Expr::And),
                vec(inner, 0..3).prop_map(Expr::Or),
            ]
        })
}

fn device_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![text(), version()])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn compiled_rules_agree_with_evaluate(
        expr in expr(),
        values in (device_text(), device_text(), device_text(), device_text(), device_text(), device_text()),
    ) {
        let device = DeviceProperties {
            model: values.0,
            manufacturer: values.1,
            os_version: values.2,
            operating_system_sku: values.3,
            device_ownership: values.4,
            enrollment_profile_name: values.5,
        };
        let rule = Rule::from_expr(expr);
        let lowered = LoweredDevice::new(&device);
        prop_assert_eq!(rule.compile().matches(&lowered), rule.evaluate(&device).matched, "{}", rule);
    }
}

#[test]
fn compiled_fixture_rules_agree_with_evaluate() {
    let device = DeviceProperties {
        model: Some("Virtual Machine".into()),
        manufacturer: Some("Microsoft Corporation".into()),
        os_version: Some("10.0.22631.4460".into()),
        operating_system_sku: Some("Enterprise".into()),
        device_ownership: Some("Corporate".into()),
        enrollment_profile_name: Some("Autopilot Default".into()),
    };
    for rule in RULES {
        if let Ok(rule) = parse(rule) {
            assert_eq!(
                rule.compile().matches(&LoweredDevice::new(&device)),
                rule.evaluate(&device).matched,
                "{rule}"
            );
        }
    }
}

#[test]
fn the_fast_path_stays_right_once_its_filter_memo_is_full() {
    let mut tenant = Tenant::default();
    tenant.filters.push(AssignmentFilter {
        id: FilterId::new("f-kiosk"),
        display_name: "Kiosk profiles".into(),
        platform: WINDOWS_FILTER_PLATFORM.into(),
        rule: r#"(device.enrollmentProfileName -endsWith "kiosk")"#.into(),
    });
    let mut kiosk = CustomProfile::new("p-kiosk", "Kiosks");
    kiosk.assignments.push(Assignment::filtered(
        Target::AllDevices,
        FilterId::new("f-kiosk"),
        FilterMode::Include,
    ));
    tenant.add_profile(kiosk).unwrap();
    let index = IndexedTenant::new(&tenant);
    let mut summarizer = Summarizer::new(&index);
    // Every device has properties of its own, so the memo fills and then overflows.
    for i in 0..20_000 {
        let mut scenario = Scenario::new(Mode::SelfDeploying, JoinType::Entra);
        let suffix = if i % 3 == 0 { "kiosk" } else { "desk" };
        scenario.device.properties.enrollment_profile_name = Some(format!("AP-{i}-{suffix}"));
        let summary = summarizer.summarize_scenario(&scenario);
        let expected = if i % 3 == 0 {
            Via::Device
        } else {
            Via::Default
        };
        assert_eq!(summary.via, expected, "device {i}");
    }
}
