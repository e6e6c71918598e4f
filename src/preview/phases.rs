//! The phases of the page and the apps each tracks, with which of them block. The App 1–4 rule
//! shows itself here: an app selected but not assigned is never waited for, and an app assigned
//! but not selected installs without being waited for.

use esp_core::model::{AppId, AppKind};
use esp_core::resolve::{
    AppOutcome, AppPhase, JoinType, Mode, PhaseApps, Resolution, TechnicianFlow,
};
use leptos::prelude::*;

use super::words::{self, AppStatus};
use crate::erased::{key_of, KeyedRows, When};

/// A phase table as it shows: its summary line and its rows, each keyed by everything it shows.
#[derive(Clone, Debug, PartialEq)]
struct PhaseLines {
    summary: String,
    rows: Vec<(String, AppLine)>,
}

/// One row of a phase table.
#[derive(Clone, Debug, PartialEq)]
struct AppLine {
    name: String,
    kind: String,
    context: &'static str,
    status: &'static str,
    class: &'static str,
    reason: String,
}

impl PhaseLines {
    fn of(phase: &PhaseApps, apps: &[AppOutcome], block: bool) -> Self {
        let summary = format!(
            "{} tracked; {} {}.",
            words::count(phase.tracked.len(), "app", "apps"),
            phase.blocking.len(),
            if phase.blocking.len() == 1 {
                "blocks"
            } else {
                "block"
            }
        );
        let rows = phase
            .tracked
            .iter()
            .filter_map(|app_id| find(apps, app_id))
            .map(|app| {
                let status = AppStatus::of(app, block);
                let line = AppLine {
                    name: app.display_name.clone(),
                    kind: type_label(app),
                    context: words::context(app.context),
                    status: status.label(),
                    class: status.class(),
                    reason: app.reason.clone(),
                };
                // Keyed by everything the row shows: a row whose text changes is built again.
                let key = key_of(&[
                    app.id.as_str(),
                    &line.name,
                    &line.kind,
                    line.context,
                    line.status,
                    &line.reason,
                ]);
                (key, line)
            })
            .collect();
        PhaseLines { summary, rows }
    }
}

/// The phases section keeps its DOM across scenario changes: each phase table is a keyed list of
/// rows (a row is rebuilt only when what it shows changes) and a table is built or removed only
/// when its phase appears or goes. Rebuilding the section as a whole took most of a scenario
/// change's frame (issue #9).
#[component]
pub fn Phases(
    resolution: Memo<Option<Resolution>>,
    mode: Memo<Option<Mode>>,
    join: Memo<Option<JoinType>>,
) -> impl IntoView {
    let preparation = move || {
        if join.get() == Some(JoinType::Hybrid) {
            "TPM attestation, joining the on-premises domain and Microsoft Entra ID, and MDM \
             enrollment. No apps are tracked here."
        } else {
            "TPM attestation, Microsoft Entra join and MDM enrollment. No apps are tracked here."
        }
    };
    let lists = move || {
        resolution.with(|r| {
            r.as_ref().map(|r| {
                let block = r.block_device_use;
                let not_assigned: Vec<AppOutcome> = r
                    .apps
                    .iter()
                    .filter(|a| AppStatus::of(a, block) == AppStatus::SelectedNotAssigned)
                    .cloned()
                    .collect();
                let not_tracked: Vec<AppOutcome> = r
                    .apps
                    .iter()
                    .filter(|a| a.phase == Some(AppPhase::NotTracked))
                    .cloned()
                    .collect();
                view! {
                    {r.technician_flow.as_ref().map(|flow| technician(flow, &r.apps))}
                    {(!not_assigned.is_empty())
                        .then(|| {
                            app_list(
                                "Selected but not assigned",
                                "In the profile's list of blocking apps, but not required-assigned \
                                 anywhere this scenario reaches: the page never waits for them.",
                                &not_assigned,
                            )
                        })}
                    {(!not_tracked.is_empty())
                        .then(|| {
                            app_list(
                                "Required here but not tracked",
                                "Assigned as required to this device or user, but the page does not \
                                 track them in this scenario.",
                                &not_tracked,
                            )
                        })}
                }
            })
        })
    };
    view! {
        <section class="phases" aria-labelledby="phases-heading">
            <h3 id="phases-heading">"Phases"</h3>
            <div class="phase">
                <h4>"Device preparation"</h4>
                <p>{preparation}</p>
            </div>
            <div class="phase">
                <h4>"Device setup"</h4>
                {phase_body(resolution, mode, &DEVICE_SETUP)}
            </div>
            <div class="phase">
                <h4>"Account setup"</h4>
                {phase_body(resolution, mode, &ACCOUNT_SETUP)}
            </div>
            {lists}
        </section>
    }
}

fn find<'a>(apps: &'a [AppOutcome], id: &AppId) -> Option<&'a AppOutcome> {
    apps.iter().find(|a| &a.id == id)
}

fn type_label(app: &AppOutcome) -> String {
    if app.app_type.is_empty() {
        "Unknown type".to_owned()
    } else {
        AppKind::from_graph_type(&app.app_type).label().to_owned()
    }
}

/// A phase that holds a table of apps: where its apps are in a resolution (`None` when the
/// scenario has no such phase) and what the page says then.
struct PhaseOf {
    id: &'static str,
    caption: &'static str,
    apps: fn(&Resolution) -> Option<&PhaseApps>,
    missing: fn(Mode) -> &'static str,
}

const DEVICE_SETUP: PhaseOf = PhaseOf {
    id: "device-setup",
    caption: "Apps tracked in device setup",
    apps: |r| r.page_shown.then_some(&r.device_setup),
    missing: |_| "Nothing is tracked: the page is not shown.",
};

const ACCOUNT_SETUP: PhaseOf = PhaseOf {
    id: "account-setup",
    caption: "Apps tracked in account setup",
    apps: |r| r.account_setup.as_ref(),
    missing: |mode| match mode {
        Mode::UserDriven => "Nothing is tracked: the page is not shown.",
        Mode::SelfDeploying => "There is no account setup: self-deploying has no user.",
        Mode::PreProvisioning => {
            "There is no account setup in the technician flow: it comes later, when the user \
             signs in."
        }
    },
};

/// A phase's table, or why it has none. While the phase is absent (a self-deploying device has
/// no account setup) its table stays in the page, hidden, with the rows it last showed: a
/// scenario change that brings the phase back then updates the rows that differ instead of
/// building some 300 elements again.
fn phase_body(
    resolution: Memo<Option<Resolution>>,
    mode: Memo<Option<Mode>>,
    phase: &PhaseOf,
) -> impl IntoView {
    let PhaseOf {
        id,
        caption,
        apps,
        missing,
    } = *phase;
    let lines = Memo::new(move |previous: Option<&Option<PhaseLines>>| {
        resolution
            .with(|r| {
                let r = r.as_ref()?;
                Some(PhaseLines::of(apps(r)?, &r.apps, r.block_device_use))
            })
            .or_else(|| previous.cloned().flatten())
    });
    let absent = move || resolution.with(|r| r.as_ref().and_then(apps).is_none());
    view! {
        <When when=absent>
            <p>{move || missing(mode.get().unwrap_or(Mode::UserDriven))}</p>
        </When>
        <div hidden=absent>{phase_table(id, caption, lines)}</div>
    }
}

fn phase_table(
    id: &'static str,
    caption: &'static str,
    lines: Memo<Option<PhaseLines>>,
) -> impl IntoView {
    let tracked = move || lines.with(|l| l.as_ref().is_some_and(|l| !l.rows.is_empty()));
    let summary = move || lines.with(|l| l.as_ref().map(|l| l.summary.clone()));
    let rows = move || lines.with(|l| l.as_ref().map(|l| l.rows.clone()).unwrap_or_default());
    view! {
        <When when=tracked fallback=|| view! { <p>"No app is tracked in this phase."</p> }>
            <p>{summary}</p>
            <table class="app-table" id=id>
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"App"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Context"</th>
                        <th scope="col">"On the page"</th>
                    </tr>
                </thead>
                <tbody>
                    <KeyedRows
                        each=rows
                        key=|(key, _): &(String, AppLine)| key.clone()
                        children=|(_, line): (String, AppLine)| app_row(line).into_any()
                    />
                </tbody>
            </table>
        </When>
    }
}

fn app_row(line: AppLine) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{line.name}</th>
            <td>{line.kind}</td>
            <td>{line.context}</td>
            <td>
                <span class=line.class>{line.status}</span>
                <span class="reason">{line.reason}</span>
            </td>
        </tr>
    }
}

fn app_list(title: &'static str, intro: &'static str, apps: &[AppOutcome]) -> impl IntoView {
    view! {
        <div class="phase">
            <h4>{title}</h4>
            <p>{intro}</p>
            <ul class="app-list">
                {apps
                    .iter()
                    .map(|app| {
                        view! {
                            <li>
                                <strong>{app.display_name.clone()}</strong>
                                " ("
                                {type_label(app)}
                                "): "
                                {app.reason.clone()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

fn technician(flow: &TechnicianFlow, apps: &[AppOutcome]) -> impl IntoView {
    let rows = flow
        .attempted
        .iter()
        .filter_map(|id| find(apps, id))
        .map(|app| {
            let fails = flow.fails_on.contains(&app.id);
            let outcome = if fails {
                "Attempted; its failure fails the deployment"
            } else {
                "Attempted; its failure does not fail the deployment"
            };
            view! {
                <li>
                    <strong>{app.display_name.clone()}</strong>
                    ": "
                    {outcome}
                </li>
            }
        })
        .collect_view();
    let summary = format!(
        "The technician flow installs {} before the device is resealed; {} of them can fail the \
         deployment.",
        words::count(flow.attempted.len(), "app", "apps"),
        flow.fails_on.len()
    );
    view! {
        <div class="phase">
            <h4>"Technician flow (pre-provisioning)"</h4>
            <p>{summary}</p>
            <ul class="app-list">{rows}</ul>
        </div>
    }
}
