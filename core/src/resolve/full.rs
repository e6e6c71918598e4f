//! The full resolution of one scenario: profile, apps, time, screen, warnings and trace.

use super::index::{FilterState, IndexedApp, IndexedTenant, RowFilter, RowTarget};
use super::phases::{self, AppPhase, Untracked};
use super::result::{AppOutcome, PhaseApps, Resolution, ResolvedProfile, TechnicianFlow, Via};
use super::scenario::{JoinType, Mode, Scenario};
use super::screen;
use super::targeting::{fold, ExplainingFilters, Gate, GroupBits, Reach, RowOutcome, Sides};
use super::time::{self, QualityUpdatesBlocked};
use super::trace::{profile_reason, ProfileTrace, Tracer};
use super::warnings::{WarningCode, Warnings};
use crate::model::{App, AppId, InstallContext, Priority, Profile, SelectedApps};
use std::collections::BTreeSet;

/// Minutes the preview allows per blocking app before it calls a timeout tight (DOMAIN §3.5).
const MINUTES_PER_BLOCKING_APP: u64 = 5;

pub(crate) fn resolve(index: &IndexedTenant, scenario: &Scenario) -> Resolution {
    let prepared = index.prepare(scenario);
    let mode = scenario.mode;
    let join_type = scenario.join_type;
    let device_bits = GroupBits::from_groups(index.group_count(), &prepared.device_groups);
    let user_bits = GroupBits::from_groups(index.group_count(), &prepared.user_groups);
    let mut reach = Reach {
        index,
        device: &device_bits,
        user: &user_bits,
        user_active: mode.has_user(),
        filters: ExplainingFilters::new(&scenario.device.properties, index.filters.len()),
    };
    let mut warnings = Warnings::default();
    if mode == Mode::SelfDeploying && join_type == JoinType::Hybrid {
        warnings.push(
            WarningCode::SelfDeployingHybrid,
            "Self-deploying mode supports only Microsoft Entra join, not hybrid join: preview \
             hybrid devices as user-driven or pre-provisioning",
        );
    }

    // Every profile's rows, then the choice: device first, then user, then the default.
    let outcomes: Vec<Vec<RowOutcome>> = index
        .profiles
        .iter()
        .map(|p| p.rows.iter().map(|row| reach.row(row)).collect())
        .collect();
    let sides: Vec<Sides> = outcomes
        .iter()
        .map(|rows| {
            let (mut included, mut excluded) = (Sides::default(), Sides::default());
            for outcome in rows {
                fold(*outcome, &mut included, &mut excluded);
            }
            Sides {
                device: included.device && !excluded.device,
                user: included.user && !excluded.user,
            }
        })
        .collect();
    let custom = index.profiles.len().saturating_sub(1);
    let custom_sides = sides.get(..custom).unwrap_or(&[]);
    let (chosen, via) = match custom_sides.iter().position(|s| s.device) {
        Some(p) => (p, Via::Device),
        None => match custom_sides.iter().position(|s| s.user) {
            Some(p) => (p, Via::User),
            None => (custom, Via::Default),
        },
    };
    // The profiles whose rows decided the outcome: all of them, unless a device-targeted
    // profile won, which makes the lower ones irrelevant.
    let decided = |p: usize| via != Via::Device || p <= chosen;

    let tracer = Tracer { index, mode };
    let tenant = index.tenant();
    let (chosen_priority, chosen_profile) = index.profile_model(chosen).unwrap_or((
        Priority::Default,
        Profile::Default(tenant.default_profile()),
    ));
    let mut trace = Vec::with_capacity(index.profiles.len());
    for (p, ((priority, profile), rows)) in tenant.profiles().zip(&outcomes).enumerate() {
        let Some(indexed) = index.profiles.get(p) else {
            continue;
        };
        let assignments: Vec<_> = profile
            .assignments()
            .iter()
            .zip(&indexed.rows)
            .zip(rows)
            .map(|((assignment, row), outcome)| {
                tracer.row(assignment, row, *outcome, &reach.filters)
            })
            .collect();
        let side = sides.get(p).copied().unwrap_or_default();
        let is_default = profile.is_default();
        let profile_via = if is_default {
            Some(Via::Default)
        } else if side.device {
            Some(Via::Device)
        } else if side.user {
            Some(Via::User)
        } else {
            None
        };
        let is_chosen = p == chosen;
        let reason = if is_default {
            let whom = if mode.has_user() {
                "the device or the user"
            } else {
                "the device"
            };
            if is_chosen {
                format!("No custom profile targets {whom}, so the default profile applies")
            } else {
                format!("Applies only when no custom profile targets {whom}")
            }
        } else {
            let winner = (!is_chosen).then_some((chosen_profile.name(), via));
            profile_reason(mode, &assignments, profile_via, is_chosen, winner)
        };
        if !is_default && decided(p) {
            profile_warnings(
                &mut warnings,
                &tracer,
                index,
                p,
                profile,
                priority,
                rows,
                is_chosen,
            );
        }
        trace.push(ProfileTrace {
            profile_id: profile.id().clone(),
            display_name: profile.name().to_owned(),
            priority,
            matched: is_default || profile_via.is_some(),
            via: profile_via,
            chosen: is_chosen,
            reason,
            assignments,
        });
    }

    // The chosen profile's settings.
    let settings = chosen_profile.settings();
    let page = settings.page();
    let block = settings.block();
    let selected: Option<&SelectedApps> = settings.selected_apps();
    if page.is_some_and(|p| p.oobe_flags_differ) {
        warnings.push(
            WarningCode::OobeFlagsDiffer,
            format!(
                "Profile '{}' was imported with trackInstallProgressForAutopilotOnly and \
                 disableUserStatusTrackingAfterFirstUser set differently; the preview uses the \
                 first: set 'Only show page to devices provisioned by OOBE' to settle it",
                chosen_profile.name()
            ),
        );
    }

    // Apps.
    let page_shown = page.is_some();
    let is_selected = |id: &AppId| selected.is_some_and(|s| s.ids.contains(id));
    let mut device_setup = PhaseApps::default();
    let mut account_setup = PhaseApps::default();
    let mut apps = Vec::new();
    let mut untracked_selected: Vec<(AppId, String)> = Vec::new();
    let mut tracked_families = Vec::new();
    let mut seen: BTreeSet<&AppId> = BTreeSet::new();
    for app in &index.apps {
        let Some(model) = index.app_model(app) else {
            continue;
        };
        let app_reach = reach.app(app);
        let Some(phase) = phases::phase(app_reach, app.family, mode, join_type, page_shown) else {
            continue;
        };
        if !seen.insert(&model.id) {
            continue;
        }
        if page_shown {
            app_filter_warnings(&mut warnings, &tracer, &mut reach, app, model);
        }
        let chosen_selected = is_selected(&model.id);
        let (phase, context, blocking, reason) = match phase {
            Ok(phase) => {
                let blocking = phases::blocks(block, || chosen_selected);
                let target = match phase {
                    AppPhase::DeviceSetup => &mut device_setup,
                    _ => &mut account_setup,
                };
                target.tracked.push(model.id.clone());
                if blocking {
                    target.blocking.push(model.id.clone());
                }
                tracked_families.push((app.family, model.display_name.as_str()));
                // Where it installs: device context in device setup; in account setup user
                // context, except for an app targeted at the user, which installs as its type
                // (or, for AppX, its first required row) says.
                let context = match phase {
                    AppPhase::DeviceSetup => InstallContext::Device,
                    _ if app_reach.user => model
                        .required_assignments()
                        .find_map(|a| model.install_context(a))
                        .unwrap_or(InstallContext::User),
                    _ => InstallContext::User,
                };
                let reason = tracked_reason(
                    phase,
                    app_reach,
                    blocking,
                    block.is_some(),
                    selected.is_some(),
                );
                (phase, Some(context), blocking, reason)
            }
            Err(why) => {
                let reason = untracked_reason(why, mode);
                if chosen_selected {
                    untracked_selected.push((model.id.clone(), reason.clone()));
                }
                (AppPhase::NotTracked, None, false, reason)
            }
        };
        apps.push(AppOutcome {
            id: model.id.clone(),
            display_name: model.display_name.clone(),
            app_type: model.kind.graph_type().to_owned(),
            context,
            phase: Some(phase),
            selected: chosen_selected,
            blocking,
            reason,
        });
    }

    // Selected apps that nothing here targets, and the warning for every selected app the page
    // will not wait for.
    if let (Some(selected), true) = (selected, page_shown) {
        let mut done: BTreeSet<&AppId> = BTreeSet::new();
        for id in &selected.ids {
            if !done.insert(id) {
                continue;
            }
            let tracked = device_setup.tracked.contains(id) || account_setup.tracked.contains(id);
            if tracked {
                continue;
            }
            let model = tenant.app(id);
            let name = model.map_or_else(|| format!("`{id}`"), |a| format!("'{}'", a.display_name));
            let why = match (model, untracked_selected.iter().find(|(u, _)| u == id)) {
                (None, _) => "is not in this tenant".to_owned(),
                (Some(app), _) if !app.kind.is_tracked() => {
                    format!("is a {} app, which the ESP never tracks", app.kind.label())
                }
                (Some(_), Some((_, reason))) => {
                    format!("is not tracked here: {}", lower_first(reason))
                }
                (Some(_), None) => "is not required-assigned to this device or user".to_owned(),
            };
            if !seen.contains(id) {
                apps.push(AppOutcome {
                    id: id.clone(),
                    display_name: model.map_or_else(|| id.to_string(), |a| a.display_name.clone()),
                    app_type: model.map_or_else(String::new, |a| a.kind.graph_type().to_owned()),
                    context: None,
                    phase: None,
                    selected: true,
                    blocking: false,
                    reason: format!("Selected as a blocking app, but it {why}"),
                });
            }
            warnings.push(
                WarningCode::BlockingAppNotTargeted,
                format!(
                    "Blocking app {name} {why}, so the ESP will not wait for it: assign it as \
                     required to the device or the user, or remove it from the list"
                ),
            );
        }
    }
    for list in [&mut device_setup, &mut account_setup] {
        list.tracked.sort();
        list.blocking.sort();
    }
    apps.sort_by(|a, b| a.id.cmp(&b.id));

    // Mixes the ESP cannot handle (DOMAIN §3.5).
    let win32: Vec<&str> = tracked_families
        .iter()
        .filter(|(f, _)| f.win32)
        .map(|(_, n)| *n)
        .collect();
    let msi: Vec<&str> = tracked_families
        .iter()
        .filter(|(f, _)| f.lob_msi)
        .map(|(_, n)| *n)
        .collect();
    let office: Vec<&str> = tracked_families
        .iter()
        .filter(|(f, _)| f.office)
        .map(|(_, n)| *n)
        .collect();
    if !win32.is_empty() && !msi.is_empty() {
        warnings.push(
            WarningCode::LobWin32Mix,
            format!(
                "The ESP tracks line-of-business MSI apps ({}) and Win32 apps ({}): both use the \
                 Windows installer and the ESP fails; package the MSI apps as Win32 apps",
                quote_list(&msi),
                quote_list(&win32)
            ),
        );
    }
    if !win32.is_empty() && !office.is_empty() {
        warnings.push(
            WarningCode::M365AppsType,
            format!(
                "Microsoft 365 Apps ({}) is tracked alongside Win32 apps and can hang the ESP: \
                 deploy Microsoft 365 Apps as a Win32 app",
                quote_list(&office)
            ),
        );
    }

    // Time.
    let timeout = page.map(time::timeout_minutes);
    let effective = timeout.map(|t| time::effective_timeout(t, join_type));
    let blocking_total = device_setup.blocking.len() + account_setup.blocking.len();
    if let (Some(t), Some(e), JoinType::Hybrid) = (timeout, effective, join_type) {
        warnings.push(
            WarningCode::HybridTimeout,
            format!(
                "On hybrid join the page can take the timeout plus {} minutes ({t} + {} = {e}) \
                 while the device record reaches Microsoft Entra ID: plan for {e} minutes",
                time::HYBRID_EXTRA_MINUTES,
                time::HYBRID_EXTRA_MINUTES
            ),
        );
    }
    if let Some(t) = timeout {
        let needed = MINUTES_PER_BLOCKING_APP.saturating_mul(blocking_total as u64);
        if u64::from(t) < needed {
            warnings.push(
                WarningCode::TimeoutTight,
                format!(
                    "A timeout of {t} minutes is tight for {blocking_total} blocking apps: allow at \
                     least {needed} minutes"
                ),
            );
        }
    }
    let technician_flow = (mode == Mode::PreProvisioning && page_shown).then(|| {
        let only_fail_selected = selected.is_some_and(|s| s.only_fail_selected_in_technician_phase);
        let attempted = if block.is_none() || only_fail_selected {
            device_setup.tracked.clone()
        } else {
            device_setup.blocking.clone()
        };
        TechnicianFlow {
            attempted,
            fails_on: device_setup.blocking.clone(),
        }
    });
    if let (Some(flow), Some(s)) = (&technician_flow, selected) {
        if s.only_fail_selected_in_technician_phase && !s.ids.is_empty() {
            warnings.push(
                WarningCode::TechnicianTimeout,
                format!(
                    "'Only fail selected blocking apps in technician phase' is Yes, so the \
                     technician flow installs all {} required device apps, not only the {} \
                     blocking ones: raise the timeout to cover them",
                    flow.attempted.len(),
                    flow.fails_on.len()
                ),
            );
        }
    }
    let quality_updates =
        match page {
            None => false,
            Some(page) => {
                match time::quality_updates(page, via, mode, prepared.windows_11) {
                    Ok(on) => on,
                    Err(blocked) => {
                        let why = match blocked {
                    QualityUpdatesBlocked::UserTargeted => {
                        "it reaches this device through the user, and quality updates need a \
                         device-targeted profile (the device gets them from its highest-priority \
                         device-targeted profile, often the default)"
                            .to_owned()
                    }
                    QualityUpdatesBlocked::TechnicianFlow => {
                        "the pre-provisioning technician flow never installs them".to_owned()
                    }
                    QualityUpdatesBlocked::NotWindows11 => format!(
                        "they need Windows 11, and osVersion `{}` is an earlier build",
                        scenario.device.properties.os_version.as_deref().unwrap_or_default()
                    ),
                    QualityUpdatesBlocked::UnknownOs => {
                        "they need Windows 11, and the device's osVersion does not say which \
                         build it runs"
                            .to_owned()
                    }
                };
                        warnings.push(
                            WarningCode::QualityUpdatesIgnored,
                            format!(
                        "Profile '{}' installs Windows quality updates, but not here: {why}",
                        chosen_profile.name()
                    ),
                        );
                        false
                    }
                }
            }
        };

    Resolution {
        profile: ResolvedProfile {
            id: chosen_profile.id().clone(),
            display_name: chosen_profile.name().to_owned(),
            priority: chosen_priority,
        },
        via,
        page_shown,
        block_device_use: block.is_some(),
        device_setup,
        account_setup: (page_shown && mode.has_user()).then_some(account_setup),
        technician_flow,
        timeout_minutes: timeout,
        effective_timeout_minutes: effective,
        quality_updates,
        screen: page.map(|p| screen::screen(p, mode)),
        apps,
        warnings: warnings.0,
        trace,
    }
}

/// Warnings about a custom profile whose rows decided the outcome.
#[allow(clippy::too_many_arguments)]
fn profile_warnings(
    warnings: &mut Warnings,
    tracer: &Tracer<'_>,
    index: &IndexedTenant,
    position: usize,
    profile: Profile<'_>,
    priority: Priority,
    outcomes: &[RowOutcome],
    chosen: bool,
) {
    let name = profile.name();
    let assignments = profile.assignments();
    if !assignments.iter().any(|a| !a.target.is_exclusion()) {
        warnings.push(
            WarningCode::Unassigned,
            format!(
                "Profile '{name}' (priority {priority}) is not assigned to any group, All users or \
                 All devices, so it never applies: assign it or delete it"
            ),
        );
    }
    let excluded = outcomes
        .iter()
        .any(|o| matches!(o, RowOutcome::Excludes { .. }));
    if excluded || (chosen && assignments.iter().any(|a| a.target.is_exclusion())) {
        warnings.push(
            WarningCode::ExclusionUnverified,
            format!(
                "Profile '{name}' excludes groups; Microsoft does not document exclusions on ESP \
                 profiles, and the preview applies the general Intune rule: check the result in \
                 a test tenant"
            ),
        );
    }
    let Some(indexed) = index.profiles.get(position) else {
        return;
    };
    for ((assignment, row), outcome) in assignments.iter().zip(&indexed.rows).zip(outcomes) {
        let RowOutcome::Includes { gate, .. } = outcome else {
            continue;
        };
        let Some(applied) = &assignment.filter else {
            continue;
        };
        match (gate, row.filter) {
            (Gate::Unusable, _) => warnings.push(
                WarningCode::FilterUnresolved,
                format!(
                    "On profile '{name}', {}, so the preview skips that assignment: fix the \
                     filter or remove it from the assignment",
                    tracer.filter_problem(&applied.id, true)
                ),
            ),
            (_, RowFilter::Evaluate { filter, .. }) => {
                let gated = matches!(
                    index.filters.get(filter as usize).map(|f| &f.state),
                    Some(FilterState::Readable { os_gated: true, .. })
                );
                if gated {
                    let filter_name = index
                        .filter_model(filter)
                        .map_or("", |f| f.display_name.as_str());
                    warnings.push(
                        WarningCode::FilterPropertyOs,
                        format!(
                            "Filter '{filter_name}' uses device.model or device.manufacturer, \
                             which ESP honours only on Windows 11 22H2 or 23H2 with KB5035942 or \
                             later: make sure the device runs one"
                        ),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Warnings about the filters on an app's rows that reach this scenario.
fn app_filter_warnings(
    warnings: &mut Warnings,
    tracer: &Tracer<'_>,
    reach: &mut Reach<'_, ExplainingFilters<'_>>,
    app: &IndexedApp,
    model: &App,
) {
    for ((row, _), assignment) in app.rows.iter().zip(model.required_assignments()) {
        if matches!(row.target, RowTarget::Exclude(_)) {
            continue;
        }
        let RowOutcome::Includes { gate, .. } = reach.row(row) else {
            continue;
        };
        let Some(applied) = &assignment.filter else {
            continue;
        };
        match (gate, row.filter) {
            (Gate::Unusable, _) => warnings.push(
                WarningCode::FilterUnresolved,
                format!(
                    "On app '{}', {}, so the preview skips that assignment: fix the filter or \
                     remove it from the assignment",
                    model.display_name,
                    tracer.filter_problem(&applied.id, false)
                ),
            ),
            (_, RowFilter::Evaluate { filter, .. }) => {
                let unknown = matches!(
                    reach.index.filters.get(filter as usize).map(|f| &f.state),
                    Some(FilterState::Readable {
                        reads_unknown: true,
                        ..
                    })
                );
                if unknown {
                    let filter_name = reach
                        .index
                        .filter_model(filter)
                        .map_or("", |f| f.display_name.as_str());
                    warnings.push(
                        WarningCode::FilterPropertyUnknown,
                        format!(
                            "Filter '{filter_name}' on app '{}' reads device properties the \
                             preview does not know, so they compared as $null: check the result \
                             on a real device",
                            model.display_name
                        ),
                    );
                }
            }
            _ => {}
        }
    }
}

fn tracked_reason(
    phase: AppPhase,
    reach: super::targeting::AppReach,
    blocking: bool,
    blocks: bool,
    selected_list: bool,
) -> String {
    let phase_text = match phase {
        AppPhase::DeviceSetup => {
            "Tracked in device setup: required, targeted at the device, installs in device context"
        }
        _ if reach.user => "Tracked in account setup: required and targeted at the user",
        _ => "Tracked in account setup: required, targeted at the device, installs in user context",
    };
    let wait = match (blocks, selected_list, blocking) {
        (false, _, _) => "the page does not block, so nothing is waited for",
        (true, false, _) => "the page waits for it (all tracked apps block)",
        (true, true, true) => "the page waits for it (it is in the Selected list)",
        (true, true, false) => {
            "it installs, but the page does not wait for it (it is not in the Selected list)"
        }
    };
    format!("{phase_text}; {wait}")
}

fn untracked_reason(why: Untracked, mode: Mode) -> String {
    match why {
        Untracked::PageHidden => {
            "Targeted here, but the page is hidden, so nothing is tracked".into()
        }
        Untracked::NoAccountSetup => format!(
            "Targeted here only at the user or in user context, and {} has no account setup, so \
             the ESP does not track it",
            mode.label()
        ),
        Untracked::HybridUserContext => "Targeted at the device in user context: on hybrid join \
             the ESP does not track Win32, WinGet and AppX apps like this"
            .into(),
    }
}

/// `'A', 'B'`.
fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Targeted here…` → `targeted here…`, for a sentence used inside another.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
