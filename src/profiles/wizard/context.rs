//! What every step of the wizard reads and writes: the draft of its target, the findings the
//! core makes of it, the tenant, and moving between steps.

use esp_core::validate::{Finding, Severity, WizardStep};
use esp_core::Tenant;
use leptos::prelude::*;

use super::draft::{Draft, DraftTarget, WizardDrafts};
use super::fields;
use crate::profiles::routes;
use crate::route::{self, Route};
use crate::state::Workspace;

/// The wizard's handle, `Copy` so that every closure can hold it.
#[derive(Clone, Copy)]
pub struct Ctx {
    drafts: RwSignal<WizardDrafts>,
    target: StoredValue<DraftTarget>,
    pub workspace: Workspace,
    /// Every finding about the draft, recomputed on every change of draft or tenant.
    pub findings: Memo<Vec<Finding>>,
    /// The step on screen, from the URL.
    pub step: Memo<WizardStep>,
    /// Editing the default profile (fixed for the wizard's life).
    pub is_default: bool,
    /// Creating rather than editing.
    pub is_new: bool,
}

impl Ctx {
    pub fn new(
        drafts: RwSignal<WizardDrafts>,
        target: DraftTarget,
        workspace: Workspace,
        is_default: bool,
        current_route: Signal<Route>,
    ) -> Ctx {
        let is_new = target == DraftTarget::New;
        let target = StoredValue::new(target);
        let findings = Memo::new(move |_| {
            drafts
                .with(|all| {
                    target.with_value(|t| {
                        all.get(t).map(|d| workspace.with_tenant(|t| d.findings(t)))
                    })
                })
                .unwrap_or_default()
        });
        let step = Memo::new(move |_| {
            current_route.with(|r| super::draft::step_from_query(is_default, is_new, r.get("step")))
        });
        Ctx {
            drafts,
            target,
            workspace,
            findings,
            step,
            is_default,
            is_new,
        }
    }

    // Every access below is a `try_`: a browser event can arrive after the wizard is gone (a
    // focused field blurs as it is removed), and must then do nothing rather than panic.

    /// Reads the draft (reactively). The wizard renders only while its draft exists.
    pub fn with<R: Default>(&self, read: impl FnOnce(&Draft) -> R) -> R {
        self.drafts
            .try_with(|all| {
                self.target
                    .try_with_value(|t| all.get(t).map(read))
                    .flatten()
            })
            .flatten()
            .unwrap_or_default()
    }

    /// Reads the draft without subscribing.
    pub fn with_untracked<R: Default>(&self, read: impl FnOnce(&Draft) -> R) -> R {
        self.drafts
            .try_with_untracked(|all| {
                self.target
                    .try_with_value(|t| all.get(t).map(read))
                    .flatten()
            })
            .flatten()
            .unwrap_or_default()
    }

    /// Changes the draft.
    pub fn update(&self, change: impl FnOnce(&mut Draft)) {
        let Some(target) = self.target.try_get_value() else {
            return;
        };
        self.drafts.try_update(|all| {
            if let Some(draft) = all.get_mut(&target) {
                change(draft);
            }
        });
    }

    /// Marks a text field as touched (on leaving it), without a change when it already is.
    pub fn touch(&self, field: &'static str) {
        if !self.with_untracked(|d| d.is_touched(field)) {
            self.update(|d| d.touch(field));
        }
    }

    /// Ends the draft (created, saved or cancelled).
    pub fn discard(&self) {
        if let Some(target) = self.target.try_get_value() {
            self.drafts.try_update(|all| all.remove(&target));
        }
    }

    /// Reads the tenant (reactively).
    pub fn with_tenant<R>(&self, read: impl FnOnce(&Tenant) -> R) -> R {
        self.workspace.with_tenant(read)
    }

    /// The findings a field shows now, errors first.
    pub fn shown_at(&self, field: &str) -> Vec<Finding> {
        let mut shown: Vec<Finding> = self
            .findings
            .try_with(|all| all.iter().filter(|f| f.field == field).cloned().collect())
            .unwrap_or_default();
        if shown.is_empty() {
            return shown;
        }
        shown.retain(|f| self.with(|d| d.shows(f)));
        crate::sort::sort_by_key(&mut shown, |f| f.severity);
        shown
    }

    /// True when a field shows an error now.
    pub fn field_has_error(&self, field: &str) -> bool {
        self.shown_at(field)
            .iter()
            .any(|f| f.severity == Severity::Error)
    }

    /// `aria-invalid` of a field's control.
    pub fn invalid(&self, field: impl Into<String>) -> impl Fn() -> Option<&'static str> + Clone {
        let ctx = *self;
        let field = field.into();
        move || ctx.field_has_error(&field).then_some("true")
    }

    /// `aria-describedby` of a field's control: its messages, when it shows any, after
    /// `also` (a hint that is always there).
    pub fn described_by(
        &self,
        field: String,
        also: Option<String>,
    ) -> impl Fn() -> Option<String> + Clone {
        let ctx = *self;
        move || {
            let messages = (!ctx.shown_at(&field).is_empty()).then(|| fields::messages_id(&field));
            match (also.clone(), messages) {
                (Some(a), Some(m)) => Some(format!("{a} {m}")),
                (a, m) => a.or(m),
            }
        }
    }

    /// True when a step shows an error (the step bar marks it).
    pub fn step_has_error(&self, step: WizardStep) -> bool {
        self.findings
            .try_with(|all| {
                all.iter().any(|f| {
                    f.step == step && f.severity == Severity::Error && self.with(|d| d.shows(f))
                })
            })
            .unwrap_or_default()
    }

    /// The route of a step of this wizard.
    pub fn route_of(&self, step: WizardStep) -> Route {
        match self.target.try_get_value() {
            Some(DraftTarget::Edit(id)) => routes::edit(&id, step.as_str()),
            _ => routes::create(step.as_str()),
        }
    }

    /// Goes to a step and puts the keyboard focus on `focus` (an element id), or on the step's
    /// heading, so that keyboard and screen-reader users start reading the new step.
    pub fn go(&self, to: WizardStep, focus: Option<String>) {
        let Some(from) = self.step.try_get_untracked() else {
            return;
        };
        self.update(|d| d.go(from, to));
        route::replace(&self.route_of(to));
        request_animation_frame(move || {
            let id = focus.unwrap_or_else(|| STEP_HEADING_ID.to_owned());
            fields::focus_by_id(&id);
        });
    }

    /// True when a route leads to this wizard (not to the list, or another target's wizard):
    /// while the page changes, the old wizard still sees the new route and must leave it alone.
    pub fn owns(&self, route: &Route) -> bool {
        let Some(target) = self.target.try_get_value() else {
            return false;
        };
        route.area == crate::route::Area::Profiles
            && match (&target, route.segments.as_slice()) {
                (DraftTarget::New, [segment]) => segment == "new",
                (DraftTarget::Edit(id), [segment]) => segment == id,
                _ => false,
            }
    }

    /// The steps this wizard offers.
    pub fn steps(&self) -> &'static [WizardStep] {
        super::draft::steps_for(self.is_default)
    }

    /// The step before and after the current one.
    pub fn neighbours(&self) -> (Option<WizardStep>, Option<WizardStep>) {
        let steps = self.steps();
        let current = self.step.get();
        let index = steps.iter().position(|s| *s == current);
        (
            index
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| steps.get(i))
                .copied(),
            index.and_then(|i| steps.get(i + 1)).copied(),
        )
    }
}

/// The id of each step's heading, which takes the focus when the step opens.
pub const STEP_HEADING_ID: &str = "wizard-step-heading";

/// The label of a step; the last says *save* when editing, as the admin center does.
pub fn step_label(step: WizardStep, is_new: bool) -> &'static str {
    match (step, is_new) {
        (WizardStep::Review, false) => "Review + save",
        (step, _) => step.label(),
    }
}
