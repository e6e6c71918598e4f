//! The phases of the page and the apps each tracks, with which of them block. The App 1–4 rule
//! shows itself here: an app selected but not assigned is never waited for, and an app assigned
//! but not selected installs without being waited for.

use esp_core::model::{AppId, AppKind};
use esp_core::resolve::{
    AppOutcome, AppPhase, JoinType, Mode, PhaseApps, Resolution, TechnicianFlow,
};
use leptos::prelude::*;

use super::words::{self, AppStatus};

/// What the phases section shows, taken out of the resolution.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    page_shown: bool,
    block: bool,
    hybrid: bool,
    device: PhaseApps,
    account: Option<PhaseApps>,
    technician: Option<TechnicianFlow>,
    apps: Vec<AppOutcome>,
}

#[component]
pub fn Phases(
    resolution: ReadSignal<Option<Resolution>>,
    mode: ReadSignal<Option<Mode>>,
    join: ReadSignal<Option<JoinType>>,
) -> impl IntoView {
    let shown = move || {
        resolution.with(|r| {
            r.as_ref().map(|r| Shown {
                page_shown: r.page_shown,
                block: r.block_device_use,
                hybrid: join.get() == Some(JoinType::Hybrid),
                device: r.device_setup.clone(),
                account: r.account_setup.clone(),
                technician: r.technician_flow.clone(),
                apps: r.apps.clone(),
            })
        })
    };
    move || {
        shown().map(|s| {
            let mode = mode.get().unwrap_or(Mode::UserDriven);
            let preparation = if s.hybrid {
                "TPM attestation, joining the on-premises domain and Microsoft Entra ID, and MDM \
                 enrollment. No apps are tracked here."
            } else {
                "TPM attestation, Microsoft Entra join and MDM enrollment. No apps are tracked here."
            };
            let account_missing = match mode {
                Mode::UserDriven => "Nothing is tracked: the page is not shown.",
                Mode::SelfDeploying => "There is no account setup: self-deploying has no user.",
                Mode::PreProvisioning => {
                    "There is no account setup in the technician flow: it comes later, when the \
                     user signs in."
                }
            };
            let device_body = if s.page_shown {
                phase_table("device-setup", "Apps tracked in device setup", &s.device, &s.apps, s.block)
                    .into_any()
            } else {
                view! { <p>"Nothing is tracked: the page is not shown."</p> }.into_any()
            };
            let account_body = match &s.account {
                Some(apps) => {
                    phase_table("account-setup", "Apps tracked in account setup", apps, &s.apps, s.block)
                        .into_any()
                }
                None => view! { <p>{account_missing}</p> }.into_any(),
            };
            let not_assigned: Vec<AppOutcome> = s
                .apps
                .iter()
                .filter(|a| AppStatus::of(a, s.block) == AppStatus::SelectedNotAssigned)
                .cloned()
                .collect();
            let not_tracked: Vec<AppOutcome> = s
                .apps
                .iter()
                .filter(|a| a.phase == Some(AppPhase::NotTracked))
                .cloned()
                .collect();
            view! {
                <section class="phases" aria-labelledby="phases-heading">
                    <h3 id="phases-heading">"Phases"</h3>
                    <div class="phase">
                        <h4>"Device preparation"</h4>
                        <p>{preparation}</p>
                    </div>
                    <div class="phase">
                        <h4>"Device setup"</h4>
                        {device_body}
                    </div>
                    <div class="phase">
                        <h4>"Account setup"</h4>
                        {account_body}
                    </div>
                    {s.technician.map(|flow| technician(&flow, &s.apps))}
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
                </section>
            }
        })
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

fn phase_table(
    id: &'static str,
    caption: &'static str,
    phase: &PhaseApps,
    apps: &[AppOutcome],
    block: bool,
) -> impl IntoView {
    if phase.tracked.is_empty() {
        return view! { <p>"No app is tracked in this phase."</p> }.into_any();
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

fn app_row(app: &AppOutcome, block: bool) -> impl IntoView {
    let status = AppStatus::of(app, block);
    view! {
        <tr>
            <th scope="row">{app.display_name.clone()}</th>
            <td>{type_label(app)}</td>
            <td>{words::context(app.context)}</td>
            <td>
                <span class=status.class()>{status.label()}</span>
                <span class="reason">{app.reason.clone()}</span>
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
