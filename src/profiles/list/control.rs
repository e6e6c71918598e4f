//! The list's state and actions: every change goes through `Workspace::change` under an undo
//! label and an esp-core operation, and every outcome is said in the list's live region.

use std::collections::BTreeMap;

use esp_core::model::{Priority, ProfileId};
use esp_core::{AdminScope, PriorityError, Tenant};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::impact::ImpactSummary;
use super::reorder::{self, Direction, Lift, Step};
use super::rows::{ListView, Status};
use crate::profiles::routes;
use crate::route;
use crate::state::Workspace;

/// What the live region says; a refusal is shown as a warning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Announcement {
    pub text: String,
    pub refusal: bool,
}

/// A row being dragged by a pointer (mouse, pen or touch).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drag {
    pub id: String,
    pub name: String,
    pub pointer: i32,
    pub positions: Vec<usize>,
    pub origin: usize,
    /// The slot it would land in.
    pub target: usize,
}

/// A deletion that the list offers to undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    pub label: String,
    pub id: String,
    pub name: String,
    pub priority: usize,
}

/// The list's state, `Copy` so that every row holds it.
#[derive(Clone, Copy)]
pub struct ListControl {
    pub workspace: Workspace,
    pub scope: Memo<AdminScope>,
    /// The rows as the tenant has them: what each row says changes only with the tenant.
    pub base: Memo<ListView>,
    /// The rows in the order shown: the tenant's, with a keyboard-lifted profile where it would
    /// land. A step changes the place of two rows and nothing else.
    pub view: Memo<ListView>,
    /// What validation found per profile, worked out again after each change has painted.
    pub statuses: RwSignal<BTreeMap<String, Status>>,
    pub lift: RwSignal<Option<Lift>>,
    /// The lifted profile's id: unlike `lift`, it stays the same through the steps of a move,
    /// so a row that asks whether it is the lifted one is not run again at every step.
    lifted: Memo<Option<String>>,
    pub drag: RwSignal<Option<Drag>>,
    pub announcement: RwSignal<Announcement>,
    pub deleted: RwSignal<Option<Deleted>>,
    /// What the last list change meant for the saved scenarios.
    pub impact: RwSignal<Option<ImpactSummary>>,
    pub highlight: Memo<Option<String>>,
    pub body: NodeRef<html::Tbody>,
    pub undo_delete_button: NodeRef<html::Button>,
    /// Counts the list's changes, so that an impact note worked out after a paint is shown
    /// only if no other change (or an Undo of a delete) came since.
    impact_turn: StoredValue<u64>,
}

impl ListControl {
    pub fn new(
        workspace: Workspace,
        scope: Memo<AdminScope>,
        highlight: Memo<Option<String>>,
    ) -> Self {
        let lift = RwSignal::new(None::<Lift>);
        let base = Memo::new(move |_| {
            scope.with(|scope| workspace.with_tenant(|t| ListView::of(t, scope)))
        });
        // A lifted profile is shown where the core would put it: its order is worked out on a
        // copy of the profiles alone (not the groups and apps), and the rows keep what they say.
        let view = Memo::new(move |_| {
            let order = lift.with(|lift| {
                let lift = lift.as_ref()?;
                scope.with(|scope| workspace.with_tenant(|tenant| moved_order(tenant, scope, lift)))
            });
            match order {
                Some(order) => base.with(|base| base.arranged(&order)),
                None => base.get(),
            }
        });
        // Another View as changes the positions an admin may use: a move in progress ends.
        let drag = RwSignal::new(None::<Drag>);
        Effect::new(move |previous: Option<()>| {
            scope.track();
            if previous.is_some() {
                lift.set(None);
                drag.set(None);
            }
        });
        ListControl {
            workspace,
            scope,
            base,
            view,
            statuses: statuses_after_paint(workspace),
            lift,
            lifted: Memo::new(move |_| lift.with(|lift| lift.as_ref().map(|l| l.id.clone()))),
            drag,
            announcement: RwSignal::new(Announcement::default()),
            deleted: RwSignal::new(None),
            impact: super::LastImpact::get(),
            highlight,
            body: NodeRef::new(),
            undo_delete_button: NodeRef::new(),
            impact_turn: StoredValue::new(0),
        }
    }

    fn say(&self, text: impl Into<String>) {
        self.announcement.set(Announcement {
            text: text.into(),
            refusal: false,
        });
    }

    fn refuse(&self, text: impl Into<String>) {
        self.announcement.set(Announcement {
            text: text.into(),
            refusal: true,
        });
    }

    fn count(&self) -> usize {
        self.base.with_untracked(|view| view.custom_count)
    }

    /// The profile's name and priority, read without subscribing.
    fn profile(&self, id: &str) -> Option<(String, Priority)> {
        let id = ProfileId::from(id);
        untrack(|| {
            self.workspace.with_tenant(|tenant| {
                let priority = tenant.priority_of(&id)?;
                Some((tenant.profile(&id)?.name().to_owned(), priority))
            })
        })
    }

    /// Runs a core operation on the tenant under an undo label and, when it succeeds, works out
    /// its impact on the saved scenarios once the list has painted the change.
    fn apply<R>(
        &self,
        label: String,
        operation: impl FnOnce(&mut Tenant) -> Result<R, PriorityError>,
    ) -> Result<R, PriorityError> {
        let outcome = self.workspace.change(label, operation)?;
        self.impact_after_paint();
        Ok(outcome)
    }

    /// The impact note compares every saved scenario before and after the change (two indexed
    /// tenants, 30–40 ms on a large tenant): it is worked out once the change has painted and
    /// the page is idle, unless another change came first (that one brings its own note). Until
    /// then the previous note stays. Worked out in the next animation frame instead, it held
    /// that frame back and sometimes ran before the change's own frame had ended.
    fn impact_after_paint(&self) {
        let turn = self.impact_turn.get_value().wrapping_add(1);
        self.impact_turn.set_value(turn);
        let (control, revision) = (*self, self.workspace.revision());
        let current = move || {
            control.impact_turn.try_get_value() == Some(turn)
                && control.workspace.revision() == revision
        };
        crate::idle::after_paint(move || {
            if current() {
                leptos::task::spawn_local(async move {
                    let note = crate::chunks::impact_of_last_change(control.workspace).await;
                    // The first note waits for its code to download: a change may come first.
                    if current() {
                        control.impact.try_set(note);
                    }
                });
            }
        });
    }

    /// Forgets an impact note still being worked out.
    fn drop_pending_impact(&self) {
        self.impact_turn
            .update_value(|turn| *turn = turn.wrapping_add(1));
    }

    /// Moves a profile from one true priority to another, as the viewing admin.
    fn move_profile(&self, name: &str, from: usize, to: usize) -> Result<(), String> {
        let scope = self.scope.get_untracked();
        self.apply(reorder::move_label(name, to), |tenant| {
            tenant.move_profile_as(&scope, from, to)
        })
        .map_err(|error| sentence_tail(&error.to_string()))
    }

    /// Why the core refuses a move, without changing anything.
    fn refusal(&self, from: usize, to: usize) -> Option<String> {
        let scope = self.scope.get_untracked();
        untrack(|| {
            self.workspace.with_tenant(|tenant| {
                tenant
                    .clone()
                    .move_profile_as(&scope, from, to)
                    .err()
                    .map(|error| sentence_tail(&error.to_string()))
            })
        })
    }

    // Move up / Move down.

    pub fn move_by_button(&self, id: &str, up: bool) {
        let Some((name, Priority::Custom(from))) = self.profile(id) else {
            return;
        };
        let (positions, slot) = self.positions_of(id);
        let Some(to) = slot.and_then(|slot| reorder::neighbour(&positions, slot, up)) else {
            self.refuse(format!("{name} is already at priority 1"));
            return;
        };
        match self.move_profile(&name, from, to) {
            Ok(()) => self.say(reorder::moved(&name, to, self.count())),
            Err(reason) => self.refuse(reorder::refused(&name, from, &reason)),
        }
        focus_control(self.body, id, if up { "up" } else { "down" });
    }

    fn positions_of(&self, id: &str) -> (Vec<usize>, Option<usize>) {
        self.view.with_untracked(|view| {
            (
                view.positions.clone(),
                view.row(id).and_then(|row| row.slot),
            )
        })
    }

    // Keyboard reorder: lift, step, drop or cancel.

    pub fn is_lifted(&self, id: &str) -> bool {
        self.lifted.with(|lifted| lifted.as_deref() == Some(id))
    }

    /// The lifted profile's id, if one is lifted.
    pub fn lifted_id(&self) -> Option<String> {
        self.lifted.get_untracked()
    }

    /// A key pressed on a profile's handle: Space or Enter lifts and drops, arrows, Home and End
    /// move the lifted profile, Escape puts it back, Tab leaves it where it was.
    pub fn handle_key(&self, id: &str, event: &web_sys::KeyboardEvent) {
        let key = event.key();
        if self.lifted_id().as_deref() != Some(id) {
            if key == " " || key == "Enter" {
                event.prevent_default();
                self.lift(id);
            }
            return;
        }
        let direction = match key.as_str() {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "Home" => Some(Direction::First),
            "End" => Some(Direction::Last),
            _ => None,
        };
        if let Some(direction) = direction {
            event.prevent_default();
            self.step(direction);
        } else if key == " " || key == "Enter" {
            event.prevent_default();
            self.drop_lifted();
        } else if key == "Escape" {
            event.prevent_default();
            event.stop_propagation();
            self.cancel_lift(true);
        } else if key == "Tab" {
            // Leaving the handle puts the profile back; focus goes where Tab takes it.
            self.cancel_lift(false);
        } else if is_shortcut(event) {
            // A shortcut such as Undo acts on the list as it is: put the profile back first.
            self.cancel_lift(true);
        }
    }

    pub fn lift(&self, id: &str) {
        let Some((name, Priority::Custom(priority))) = self.profile(id) else {
            return;
        };
        let (positions, Some(slot)) = self.positions_of(id) else {
            return;
        };
        self.drag.set(None);
        self.lift.set(Some(Lift {
            id: id.to_owned(),
            name: name.clone(),
            positions,
            origin: slot,
            slot,
        }));
        self.say(reorder::picked_up(&name, priority, self.count()));
    }

    pub fn step(&self, direction: Direction) {
        let Some(lift) = self.lift.get_untracked() else {
            return;
        };
        let (Some(here), Some(from)) = (lift.priority(), lift.origin_priority()) else {
            return;
        };
        match lift.step(direction) {
            Step::To(slot) if slot == lift.slot => {
                self.say(reorder::moved(&lift.name, here, self.count()));
            }
            Step::To(slot) => {
                self.lift.update(|l| {
                    if let Some(l) = l {
                        l.slot = slot;
                    }
                });
                let to = lift.positions.get(slot).copied().unwrap_or(here);
                self.say(reorder::moved(&lift.name, to, self.count()));
            }
            Step::AtTop => self.refuse(format!("{} is already at priority 1", lift.name)),
            Step::Beyond(to) => {
                let reason = self
                    .refusal(from, to)
                    .unwrap_or_else(|| "no position there is yours to use".to_owned());
                self.refuse(reorder::refused(&lift.name, here, &reason));
            }
        }
        focus_control(self.body, &lift.id, "handle");
    }

    pub fn drop_lifted(&self) {
        let Some(lift) = self.lift.get_untracked() else {
            return;
        };
        let (Some(from), Some(to)) = (lift.origin_priority(), lift.priority()) else {
            self.lift.set(None);
            return;
        };
        // The tenant may have changed under the lifted row (an undo, say): then nothing moves.
        let still_there = self.profile(&lift.id).map(|(_, p)| p) == Some(Priority::Custom(from));
        let outcome = if !still_there {
            Err("the list changed while it was lifted".to_owned())
        } else if from == to {
            Ok(())
        } else {
            self.move_profile(&lift.name, from, to)
        };
        self.lift.set(None);
        match outcome {
            Ok(()) => self.say(reorder::dropped(&lift.name, to, self.count())),
            Err(reason) => self.refuse(reorder::refused(&lift.name, from, &reason)),
        }
        focus_control(self.body, &lift.id, "handle");
    }

    /// Puts a lifted profile back; `refocus` keeps focus on its handle (not when Tab is moving
    /// focus away).
    pub fn cancel_lift(&self, refocus: bool) {
        let Some(lift) = self.lift.get_untracked() else {
            return;
        };
        self.lift.set(None);
        if let Some(from) = lift.origin_priority() {
            self.say(reorder::cancelled(&lift.name, from));
        }
        if refocus {
            focus_control(self.body, &lift.id, "handle");
        }
    }

    // Pointer drag: one code path for mouse, pen and touch.

    pub fn drag_start(&self, id: &str, event: &web_sys::PointerEvent) {
        let mouse_button = event.pointer_type() == "mouse" && event.button() != 0;
        if mouse_button || !event.is_primary() || self.lift.with_untracked(Option::is_some) {
            return;
        }
        let Some((name, Priority::Custom(_))) = self.profile(id) else {
            return;
        };
        let (positions, Some(slot)) = self.positions_of(id) else {
            return;
        };
        // No text selection, no scrolling, no compatibility mouse events: this is a drag.
        event.prevent_default();
        if let Some(handle) = event
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        {
            // Capture sends every later event of this pointer to the handle, wherever it goes.
            let _ = handle.set_pointer_capture(event.pointer_id());
            if let Ok(handle) = handle.dyn_into::<web_sys::HtmlElement>() {
                let _ = handle.focus();
            }
        }
        self.drag.set(Some(Drag {
            id: id.to_owned(),
            name,
            pointer: event.pointer_id(),
            positions,
            origin: slot,
            target: slot,
        }));
    }

    pub fn drag_move(&self, event: &web_sys::PointerEvent) {
        let Some(origin) = self.drag.with_untracked(|drag| {
            drag.as_ref()
                .filter(|d| d.pointer == event.pointer_id())
                .map(|d| d.origin)
        }) else {
            return;
        };
        let y = f64::from(event.client_y());
        let target = reorder::drop_slot(&row_middles(self.body), origin, y);
        if self.drag.with_untracked(|d| d.as_ref().map(|d| d.target)) != Some(target) {
            self.drag.update(|drag| {
                if let Some(drag) = drag {
                    drag.target = target;
                }
            });
            let landing = self.drag.with_untracked(|drag| {
                drag.as_ref().and_then(|d| {
                    let from = d.positions.get(d.origin)?;
                    let to = d.positions.get(d.target)?;
                    Some(reorder::over(&d.name, *from, *to, self.count()))
                })
            });
            if let Some(text) = landing {
                self.say(text);
            }
        }
        scroll_near_edges(y);
    }

    pub fn drag_end(&self, event: &web_sys::PointerEvent) {
        let matches = self.drag.with_untracked(|drag| {
            drag.as_ref()
                .is_some_and(|d| d.pointer == event.pointer_id())
        });
        if !matches {
            return;
        }
        let Some(drag) = self.drag.get_untracked() else {
            return;
        };
        self.drag.set(None);
        let (Some(&from), Some(&to)) = (
            drag.positions.get(drag.origin),
            drag.positions.get(drag.target),
        ) else {
            return;
        };
        if from == to {
            return;
        }
        match self.move_profile(&drag.name, from, to) {
            Ok(()) => self.say(reorder::moved(&drag.name, to, self.count())),
            Err(reason) => self.refuse(reorder::refused(&drag.name, from, &reason)),
        }
        focus_control(self.body, &drag.id, "handle");
    }

    /// Escape during a drag, or the browser taking the pointer away (a scroll, a call).
    pub fn cancel_drag(&self, announce: bool) {
        let Some(drag) = self.drag.get_untracked() else {
            return;
        };
        self.drag.set(None);
        if let (true, Some(&from)) = (announce, drag.positions.get(drag.origin)) {
            self.say(reorder::cancelled(&drag.name, from));
        }
    }

    // Delete (with Undo), duplicate.

    pub fn delete(&self, id: &str) {
        let Some((name, Priority::Custom(priority))) = self.profile(id) else {
            return;
        };
        let label = format!("Delete '{name}'");
        let scope = self.scope.get_untracked();
        let outcome = self.apply(label.clone(), |tenant| {
            tenant.delete_profile_as(&scope, &ProfileId::from(id))
        });
        match outcome {
            Ok(_) => {
                self.deleted.set(Some(Deleted {
                    label,
                    id: id.to_owned(),
                    name: name.clone(),
                    priority,
                }));
                self.say(format!(
                    "Deleted {name}. Undo puts it back at priority {priority}."
                ));
                let button = self.undo_delete_button;
                request_animation_frame(move || {
                    if let Some(button) = button.get_untracked() {
                        let _ = button.focus();
                    }
                });
            }
            Err(error) => self.refuse(format!(
                "{name} was not deleted: {}",
                sentence_tail(&error.to_string())
            )),
        }
    }

    /// True while the deletion is still the change that Undo would undo.
    pub fn can_undo_delete(&self) -> bool {
        let label = self
            .deleted
            .with(|deleted| deleted.as_ref().map(|d| d.label.clone()));
        label.is_some() && label == self.workspace.undo_label()
    }

    pub fn undo_delete(&self) {
        let Some(deleted) = self.deleted.get_untracked() else {
            return;
        };
        if self.workspace.undo_label() != Some(deleted.label.clone()) {
            return;
        }
        self.workspace.undo();
        self.deleted.set(None);
        self.drop_pending_impact();
        self.impact.set(None);
        self.say(format!(
            "Restored {} at priority {}",
            deleted.name, deleted.priority
        ));
        focus_control(self.body, &deleted.id, "handle");
    }

    pub fn duplicate(&self, id: &str) {
        let Some((name, _)) = self.profile(id) else {
            return;
        };
        let scope = self.scope.get_untracked();
        let outcome = self.apply(format!("Duplicate '{name}'"), |tenant| {
            tenant.duplicate_profile_as(&scope, &ProfileId::from(id))
        });
        match outcome {
            Ok(copy) => {
                let copy_name = self
                    .profile(copy.as_str())
                    .map(|(name, _)| name)
                    .unwrap_or_default();
                let count = self.count();
                self.say(format!(
                    "Duplicated {name} as {copy_name}, priority {count} of {count}"
                ));
                route::replace(&routes::list_highlighting(copy.as_str()));
            }
            Err(error) => self.refuse(format!(
                "{name} was not duplicated: {}",
                sentence_tail(&error.to_string())
            )),
        }
    }
}

/// The profiles' statuses: validating every profile (the core's `validate::tenant`, a few
/// milliseconds on a large tenant) is put off until a change has painted, so a drop or a delete
/// shows its new order first; the Status column follows once the page is idle. A reorder
/// leaves every status as it was.
fn statuses_after_paint(workspace: Workspace) -> RwSignal<BTreeMap<String, Status>> {
    let statuses = RwSignal::new(untrack(|| workspace.with_tenant(super::rows::statuses)));
    Effect::new(move |first_run: Option<()>| {
        workspace.with_tenant(|_| ());
        if first_run.is_some() {
            crate::idle::after_paint(move || {
                let now = untrack(|| workspace.with_tenant(super::rows::statuses));
                if statuses.try_with_untracked(|old| *old != now) == Some(true) {
                    statuses.try_set(now);
                }
            });
        }
    });
    statuses
}

/// The profiles the admin sees, in the order the core gives them with a lifted profile where it
/// would land; `None` when it has not moved. The core moves it on a copy of the profiles alone:
/// copying the whole tenant (thousands of groups and apps) for every arrow key would hold the
/// frame back.
fn moved_order(
    tenant: &Tenant,
    scope: &AdminScope,
    lift: &Lift,
) -> Option<Vec<(Priority, String)>> {
    let (from, to) = (lift.origin_priority()?, lift.priority()?);
    if from == to {
        return None;
    }
    let mut profiles = Tenant::new(tenant.default_profile().clone());
    for profile in tenant.custom_profiles() {
        profiles.add_profile(profile.clone()).ok()?;
    }
    profiles.move_profile_as(scope, from, to).ok()?;
    Some(
        profiles
            .visible_profiles(scope)
            .into_iter()
            .map(|(priority, profile)| (priority, profile.id().as_str().to_owned()))
            .collect(),
    )
}

/// A core message made to follow a colon: "The default profile…" → "the default profile…".
pub fn sentence_tail(reason: &str) -> String {
    let mut chars = reason.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second))
            if first.is_uppercase() && (second.is_lowercase() || second == ' ') =>
        {
            first.to_lowercase().chain(reason.chars().skip(1)).collect()
        }
        _ => reason.to_owned(),
    }
}

/// The vertical middles of the movable rows, in slot order.
fn row_middles(body: NodeRef<html::Tbody>) -> Vec<f64> {
    let Some(body) = body.get_untracked() else {
        return Vec::new();
    };
    let rows = body.children();
    (0..rows.length())
        .filter_map(|index| rows.item(index))
        .filter(|row| row.has_attribute("data-slot"))
        .map(|row| {
            let rect = row.get_bounding_client_rect();
            rect.top() + rect.height() / 2.0
        })
        .collect()
}

/// Scrolls while a dragged row is held near the top or bottom of the window, so a long list can
/// be reordered end to end.
fn scroll_near_edges(y: f64) {
    const EDGE: f64 = 48.0;
    let window = window();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if y < EDGE {
        window.scroll_by_with_x_and_y(0.0, -16.0);
    } else if height > 0.0 && y > height - EDGE {
        window.scroll_by_with_x_and_y(0.0, 16.0);
    }
}

/// A Ctrl or Cmd shortcut (Ctrl+Z, say), not the modifier key alone.
pub fn is_shortcut(event: &web_sys::KeyboardEvent) -> bool {
    (event.ctrl_key() || event.meta_key())
        && !matches!(event.key().as_str(), "Control" | "Meta" | "Shift" | "Alt")
}

/// Focuses a control of a profile's row once the list has re-rendered: the same control when it
/// is still enabled (Move up at the top is not), else the row's handle.
pub fn focus_control(body: NodeRef<html::Tbody>, id: &str, control: &'static str) {
    let id = id.to_owned();
    request_animation_frame(move || {
        let Some(body) = body.get_untracked() else {
            return;
        };
        let rows = body.children();
        let Some(row) = (0..rows.length())
            .filter_map(|index| rows.item(index))
            .find(|row| row.get_attribute("data-profile-id").as_deref() == Some(id.as_str()))
        else {
            return;
        };
        let find = |name: &str| {
            row.query_selector(&format!("[data-control=\"{name}\"]"))
                .ok()
                .flatten()
        };
        let target = find(control)
            .filter(|element| !element.has_attribute("disabled"))
            .or_else(|| find("handle"));
        if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            // Focusing it again would only force a layout in the middle of the frame.
            let focused = document().active_element();
            if !focused
                .is_some_and(|f| f.is_same_node(Some(AsRef::<web_sys::Node>::as_ref(&element))))
            {
                let _ = element.focus();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::sentence_tail;

    #[test]
    fn core_reasons_continue_a_sentence() {
        assert_eq!(
            sentence_tail("The default profile always comes last and cannot be moved"),
            "the default profile always comes last and cannot be moved"
        );
        assert_eq!(
            sentence_tail("You can only move 'K' among profiles in your scope (tags: Kiosk)"),
            "you can only move 'K' among profiles in your scope (tags: Kiosk)"
        );
        assert_eq!(
            sentence_tail("'K' is outside your scope"),
            "'K' is outside your scope"
        );
        assert_eq!(sentence_tail("ESP profiles"), "ESP profiles");
        assert_eq!(sentence_tail("A tenant can hold"), "a tenant can hold");
        assert_eq!(sentence_tail(""), "");
    }
}
