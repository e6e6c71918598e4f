//! The phases of the page and the apps each tracks, with which of them block. The App 1–4 rule
//! shows itself here: an app selected but not assigned is never waited for, and an app assigned
//! but not selected installs without being waited for.

use esp_core::model::{AppId, AppKind};
use esp_core::resolve::{
    AppOutcome, AppPhase, JoinType, Mode, PhaseApps, Resolution, TechnicianFlow,
};
use leptos::prelude::*;

use super::words::{self, AppStatus};

/// What one phase shows: a sentence, or its table of apps.
#[derive(Clone, Debug, PartialEq)]
enum PhaseBody {
    Sentence(&'static str),
    Table { summary: String, rows: Vec<AppRow> },
}

/// One app as a table row or list item shows it.
#[derive(Clone, Debug, PartialEq)]
struct AppRow {
    name: String,
    kind: String,
    context: &'static str,
    status: AppStatus,
    reason: String,
}

/// The technician flow of pre-provisioning: its summary and each app's outcome.
#[derive(Clone, Debug, PartialEq)]
struct Technician {
    summary: String,
    apps: Vec<(String, &'static str)>,
}

const NOT_SHOWN: &str = "Nothing is tracked: the page is not shown.";

/// Each part of the section reads its own memo of what it shows, so a change rebuilds only the
/// parts it changes: switching the mode between user-driven and self-deploying adds or takes
/// away account setup's table, and device setup's table, the larger on most tenants, stays.
#[component]
pub fn Phases(
    resolution: Signal<Option<Resolution>>,
    mode: Signal<Option<Mode>>,
    join: Signal<Option<JoinType>>,
) -> impl IntoView {
    let has_result = Memo::new(move |_| resolution.with(Option::is_some));
    let hybrid = Memo::new(move |_| join.get() == Some(JoinType::Hybrid));
    let device = Memo::new(move |_| {
        resolution.with(|r| {
            let r = r.as_ref()?;
            Some(if r.page_shown {
                phase_body(&r.device_setup, &r.apps, r.block_device_use)
            } else {
                PhaseBody::Sentence(NOT_SHOWN)
            })
        })
    });
    let account = Memo::new(move |_| {
        let mode = mode.get().unwrap_or(Mode::UserDriven);
        resolution.with(|r| {
            let r = r.as_ref()?;
            Some(match &r.account_setup {
                Some(phase) => phase_body(phase, &r.apps, r.block_device_use),
                None => PhaseBody::Sentence(account_missing(mode)),
            })
        })
    });
    let technician = Memo::new(move |_| {
        resolution.with(|r| {
            let r = r.as_ref()?;
            r.technician_flow
                .as_ref()
                .map(|flow| technician_of(flow, &r.apps))
        })
    });
    let listed = move |listed: fn(&AppOutcome, bool) -> bool| {
        Memo::new(move |_| {
            resolution.with(|r| {
                r.as_ref().map_or_else(Vec::new, |r| {
                    r.apps
                        .iter()
                        .filter(|a| listed(a, r.block_device_use))
                        .map(|a| app_row(a, r.block_device_use))
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let not_assigned = listed(|a, block| AppStatus::of(a, block) == AppStatus::SelectedNotAssigned);
    let not_tracked = listed(|a, _| a.phase == Some(AppPhase::NotTracked));
    let preparation = move || {
        if hybrid.get() {
            "TPM attestation, joining the on-premises domain and Microsoft Entra ID, and MDM \
             enrollment. No apps are tracked here."
        } else {
            "TPM attestation, Microsoft Entra join and MDM enrollment. No apps are tracked here."
        }
    };
    move || {
        has_result.get().then(|| {
            view! {
                <section class="phases" aria-labelledby="phases-heading">
                    <h3 id="phases-heading">"Phases"</h3>
                    <div class="phase">
                        <h4>"Device preparation"</h4>
                        <p>{preparation}</p>
                    </div>
                    <div class="phase">
                        <h4>"Device setup"</h4>
                        {move || {
                            device.get().map(|body| {
                                phase_view("device-setup", "Apps tracked in device setup", body)
                            })
                        }}
                    </div>
                    <div class="phase">
                        <h4>"Account setup"</h4>
                        {move || {
                            account.get().map(|body| {
                                phase_view("account-setup", "Apps tracked in account setup", body)
                            })
                        }}
                    </div>
                    {move || technician.get().map(technician_view)}
                    {move || {
                        not_assigned.with(|apps| {
                            (!apps.is_empty()).then(|| {
                                app_list(
                                    "Selected but not assigned",
                                    "In the profile's list of blocking apps, but not \
                                     required-assigned anywhere this scenario reaches: the page \
                                     never waits for them.",
                                    apps,
                                )
                            })
                        })
                    }}
                    {move || {
                        not_tracked.with(|apps| {
                            (!apps.is_empty()).then(|| {
                                app_list(
                                    "Required here but not tracked",
                                    "Assigned as required to this device or user, but the page \
                                     does not track them in this scenario.",
                                    apps,
                                )
                            })
                        })
                    }}
                </section>
            }
        })
    }
}

/// Why account setup has no table in this mode when the resolution has no account setup.
fn account_missing(mode: Mode) -> &'static str {
    match mode {
        Mode::UserDriven => NOT_SHOWN,
        Mode::SelfDeploying => "There is no account setup: self-deploying has no user.",
        Mode::PreProvisioning => {
            "There is no account setup in the technician flow: it comes later, when the user \
             signs in."
        }
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

fn phase_body(phase: &PhaseApps, apps: &[AppOutcome], block: bool) -> PhaseBody {
    if phase.tracked.is_empty() {
        return PhaseBody::Sentence("No app is tracked in this phase.");
    }
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
        .map(|app| app_row(app, block))
        .collect();
    PhaseBody::Table { summary, rows }
}

fn app_row(app: &AppOutcome, block: bool) -> AppRow {
    AppRow {
        name: app.display_name.clone(),
        kind: type_label(app),
        context: words::context(app.context),
        status: AppStatus::of(app, block),
        reason: app.reason.clone(),
    }
}

fn phase_view(id: &'static str, caption: &'static str, body: PhaseBody) -> AnyView {
    let (summary, rows) = match body {
        PhaseBody::Sentence(text) => return view! { <p>{text}</p> }.into_any(),
        PhaseBody::Table { summary, rows } => (summary, rows),
    };
    let rows = rows
        .into_iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.name}</th>
                    <td>{row.kind}</td>
                    <td>{row.context}</td>
                    <td>
                        <span class=row.status.class()>{row.status.label()}</span>
                        <span class="reason">{row.reason}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
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
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

fn app_list(title: &'static str, intro: &'static str, apps: &[AppRow]) -> impl IntoView {
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
                                <strong>{app.name.clone()}</strong>
                                " ("
                                {app.kind.clone()}
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

fn technician_of(flow: &TechnicianFlow, apps: &[AppOutcome]) -> Technician {
    let summary = format!(
        "The technician flow installs {} before the device is resealed; {} of them can fail the \
         deployment.",
        words::count(flow.attempted.len(), "app", "apps"),
        flow.fails_on.len()
    );
    let apps = flow
        .attempted
        .iter()
        .filter_map(|id| find(apps, id))
        .map(|app| {
            let outcome = if flow.fails_on.contains(&app.id) {
                "Attempted; its failure fails the deployment"
            } else {
                "Attempted; its failure does not fail the deployment"
            };
            (app.display_name.clone(), outcome)
        })
        .collect();
    Technician { summary, apps }
}

fn technician_view(technician: Technician) -> impl IntoView {
    let rows = technician
        .apps
        .into_iter()
        .map(|(name, outcome)| {
            view! {
                <li>
                    <strong>{name}</strong>
                    ": "
                    {outcome}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="phase">
            <h4>"Technician flow (pre-provisioning)"</h4>
            <p>{technician.summary}</p>
            <ul class="app-list">{rows}</ul>
        </div>
    }
}
