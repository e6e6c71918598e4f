//! The profile wizard: Basics, Settings, Assignments, Scope tags, Review + create.
//!
//! The wizard edits a *draft* (`draft.rs`) that the workspace saves with everything else, one per
//! target (the new profile, or each profile being edited), so a reload or a detour to another
//! area loses nothing. Every change re-runs the core's validation on the draft against the
//! tenant; fields show their findings, the step bar flags steps with errors, and Review lists
//! them all and keeps *Create* disabled until none is left. The current step lives in the URL
//! (`?step=settings`).
//!
//! - `context.rs`: the handle every step gets (draft, findings, step, moving between steps).
//! - `fields.rs`: element ids from the core's field keys, field messages, Yes/No groups.
//! - one file per step, and `app_picker.rs` for the Selected blocking apps.

mod app_picker;
mod assignments;
mod basics;
mod context;
mod draft;
mod fields;
mod review;
mod scope_tags;
mod settings;
mod step_bar;

use std::convert::Infallible;

use esp_core::model::ProfileId;
use esp_core::validate::WizardStep;
use esp_core::Profile;
use leptos::html;
use leptos::prelude::*;

use crate::profiles::routes;
use crate::route::{self, CurrentRoute};
use crate::state::{NoticeKind, Notices, Workspace};
use context::{step_label, Ctx, STEP_HEADING_ID};
use draft::{Draft, DraftTarget, OpenError, Opened, Restored, WizardDrafts};

#[component]
pub fn Wizard(editing: Option<String>) -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    // The one place the wizard's section is created (see `Workspace::section`).
    let drafts = workspace.section::<WizardDrafts>("wizard");
    let target = DraftTarget::from_editing(editing);
    let opened = drafts.with_untracked(|all| {
        workspace.with_tenant(|tenant| Draft::open_or_restore(all.get(&target), &target, tenant))
    });
    match opened {
        Err(OpenError::NotFound(id)) => {
            drafts.update(|all| all.remove(&target));
            view! { <NotFound id /> }.into_any()
        }
        Ok(Opened { draft, notice }) => {
            let is_default = draft.is_default;
            drafts.update(|all| {
                all.put(draft);
                all.forget_unchanged(&target);
            });
            match notice {
                Some(Restored::Changes) => notices.show(
                    NoticeKind::Info,
                    "Your unsaved changes to this profile were restored.",
                ),
                Some(Restored::ChangesOverStaleProfile) => notices.show(
                    NoticeKind::Warning,
                    "This profile has changed since you began editing it. Saving replaces it with your version; Cancel keeps the profile as it is now.",
                ),
                None => {}
            }
            let ctx = Ctx::new(drafts, target, workspace, is_default, CurrentRoute::get());
            view! { <WizardPage ctx notices /> }.into_any()
        }
    }
}

#[component]
fn NotFound(id: String) -> impl IntoView {
    view! {
        <h1>"Profile not found"</h1>
        <p>{format!("No ESP profile has the id `{id}`. It may have been deleted, or the tenant replaced by an import.")}</p>
        <p>
            <a href=routes::list().href()>"Go to the profiles"</a>
        </p>
    }
}

#[component]
fn WizardPage(ctx: Ctx, notices: Notices) -> impl IntoView {
    // Where a save leaves its impact note for the list it returns to.
    let last_impact = crate::profiles::list::LastImpact::get();
    let route = CurrentRoute::get();
    // The URL always names the step on screen, so that a reload comes back to it.
    Effect::new(move |_| {
        let step = ctx.step.get();
        let (ours, named) =
            route.with_untracked(|r| (ctx.owns(r), r.get("step") == Some(step.as_str())));
        if !ours {
            return;
        }
        if !named {
            route::replace(&ctx.route_of(step));
        }
        if !ctx.with_untracked(|d| d.has_visited(step)) {
            ctx.update(|d| d.visit(step));
        }
    });

    let (heading, lead) = ctx.with_untracked(|d| heading_and_lead(ctx, d));
    let dialog = NodeRef::<html::Dialog>::new();
    let (previous, next) = (move || ctx.neighbours().0, move || ctx.neighbours().1);
    let has_errors = move || ctx.findings.with(|all| all.iter().any(|f| f.is_error()));
    let cancel = move |_| {
        if ctx.with_untracked(|d| d.is_dirty()) {
            if let Some(dialog) = dialog.get() {
                let _ = dialog.show_modal();
            }
        } else {
            ctx.discard();
            route::navigate(&routes::list());
        }
    };
    let discard = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
        ctx.discard();
        notices.show(NoticeKind::Info, "Changes discarded.");
        route::navigate(&routes::list());
    };
    let keep_editing = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let commit_label = if ctx.is_new { "Create" } else { "Save" };

    view! {
        <div class="wizard">
            <h1>{heading}</h1>
            <p class="lead">{lead}</p>
            <step_bar::StepBar ctx />
            <section class="wizard-step" aria-labelledby=STEP_HEADING_ID>
                <h2 id=STEP_HEADING_ID tabindex="-1">{move || step_label(ctx.step.get(), ctx.is_new)}</h2>
                {move || match ctx.step.get() {
                    WizardStep::Basics => view! { <basics::Basics ctx /> }.into_any(),
                    WizardStep::Settings => view! { <settings::Settings ctx /> }.into_any(),
                    WizardStep::Assignments => view! { <assignments::Assignments ctx /> }.into_any(),
                    WizardStep::ScopeTags => view! { <scope_tags::ScopeTags ctx /> }.into_any(),
                    WizardStep::Review => view! { <review::Review ctx /> }.into_any(),
                }}
            </section>
            <div class="wizard-footer">
                {move || previous().map(|step| view! {
                    <button type="button" on:click=move |_| ctx.go(step, None)>"Previous"</button>
                })}
                {move || match next() {
                    Some(step) => view! {
                        <button type="button" class="primary" on:click=move |_| ctx.go(step, None)>"Next"</button>
                    }
                    .into_any(),
                    None => view! {
                        <button
                            type="button"
                            class="primary"
                            disabled=has_errors
                            on:click=move |_| commit(ctx, notices, last_impact)
                        >
                            {commit_label}
                        </button>
                    }
                    .into_any(),
                }}
                <button type="button" class="link-button cancel" on:click=cancel>"Cancel"</button>
            </div>
            <dialog node_ref=dialog class="confirm" aria-labelledby="wizard-discard-title">
                <h2 id="wizard-discard-title">"Discard changes?"</h2>
                <p>
                    {if ctx.is_new {
                        "The profile you started will not be created, and what you entered is lost."
                    } else {
                        "Your changes to this profile are lost; the profile stays as it is."
                    }}
                </p>
                <div class="confirm-buttons">
                    <button type="button" class="primary" on:click=discard>"Discard changes"</button>
                    <button type="button" autofocus on:click=keep_editing>"Keep editing"</button>
                </div>
            </dialog>
        </div>
    }
}

/// The page heading and the line under it.
fn heading_and_lead(ctx: Ctx, draft: &Draft) -> (String, String) {
    if ctx.is_new {
        return (
            "Create profile".to_owned(),
            "Windows 10 and later · Enrollment Status Page".to_owned(),
        );
    }
    let id = draft.profile.id.clone();
    ctx.workspace.with_tenant(|t| match (t.profile(&id), t.priority_of(&id)) {
        (Some(Profile::Default(_)), _) => (
            "Edit default profile".to_owned(),
            format!(
                "{}: it applies to every device no other profile reaches, so only its settings can change.",
                esp_core::model::DefaultProfile::NAME
            ),
        ),
        (Some(profile), Some(priority)) => (
            format!("Edit profile: {}", profile.name().trim()),
            format!("Enrollment Status Page profile, priority {priority}. Saving keeps its priority."),
        ),
        _ => ("Edit profile".to_owned(), String::new()),
    })
}

/// Creates or saves the profile through the core, then returns to the list with it highlighted.
fn commit(
    ctx: Ctx,
    notices: Notices,
    last_impact: RwSignal<Option<crate::profiles::list::ImpactSummary>>,
) {
    let Some(draft) = ctx.with_untracked(|d| Some(d.clone())) else {
        return;
    };
    if ctx
        .findings
        .with_untracked(|all| all.iter().any(|f| f.is_error()))
    {
        return;
    }
    let workspace = ctx.workspace;
    let outcome: Result<(ProfileId, String), String> = match &draft.target {
        DraftTarget::New => {
            let mut profile = draft.to_profile();
            let name = profile.name.clone();
            workspace
                .change(format!("Create profile '{name}'"), move |t| {
                    // A local id taken since the draft began (an import) gives way to a fresh one.
                    if t.uses_id(profile.id.as_str()) {
                        profile.id = ProfileId::new(t.fresh_id("esp"));
                    }
                    let id = profile.id.clone();
                    t.add_profile(profile).map(|priority| (id, priority))
                })
                .map(|(id, priority)| {
                    (
                        id,
                        format!("Profile '{name}' created with priority {priority}."),
                    )
                })
                .map_err(|e| format!("The profile was not created: {e}"))
        }
        DraftTarget::Edit(_) if draft.is_default => {
            let settings = draft.profile.settings.clone();
            let id = draft.profile.id.clone();
            workspace
                .change("Edit the default profile's settings", move |t| {
                    t.default_profile_mut().settings = settings;
                    Ok::<(), Infallible>(())
                })
                .map(|()| (id, "Default profile saved.".to_owned()))
                .map_err(|e| match e {})
        }
        DraftTarget::Edit(_) => {
            let profile = draft.to_profile();
            let (id, name) = (profile.id.clone(), profile.name.clone());
            workspace
                .change(format!("Edit profile '{name}'"), move |t| {
                    t.replace_profile(profile)
                })
                .map(|priority| {
                    (
                        id,
                        format!("Profile '{name}' saved; it keeps priority {priority}."),
                    )
                })
                .map_err(|e| format!("The profile was not saved: {e}"))
        }
    };
    match outcome {
        Ok((id, message)) => {
            ctx.discard();
            // The impact note the list shows after the save: the tenant before the save is the
            // undo history's.
            leptos::task::spawn_local(async move {
                last_impact.try_set(crate::chunks::impact_of_last_change(workspace).await);
            });
            notices.show(NoticeKind::Info, message);
            route::navigate(&routes::list_highlighting(id.as_str()));
        }
        Err(message) => notices.show(NoticeKind::Error, message),
    }
}
