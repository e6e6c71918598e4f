//! The profiles list: priorities, reordering (pointer, touch, keyboard, buttons), delete with
//! Undo, duplicate, and the scoped-admin view (DOMAIN §1.4, §1.5, §2).
//!
//! - `rows`: what each row says, as plain data.
//! - `reorder`: drag geometry, keyboard steps and announcements, without the DOM.
//! - `control`: the list's state and actions over `Workspace::change`.
//! - `row`: one row with its handle and actions.
//! - `scope_view`: *View as*, saved in the workspace's `list` section.
//! - `impact`: what the last change means for the saved scenarios (waits for the core's impact).

mod control;
mod impact;
mod reorder;
mod row;
mod rows;
mod scope_view;

use esp_core::model::MAX_CUSTOM_PROFILES;
use leptos::ev;
use leptos::prelude::*;

use control::ListControl;
pub use impact::ImpactSummary;
use impact::{impact_of, saved_devices};
use row::ProfileRow;
use scope_view::{ListState, ViewAs};

use super::routes;
use crate::erased::KeyedRows;
use crate::route::CurrentRoute;
use crate::state::Workspace;

/// The impact note of the area's last change, shared by the list and the wizard (provided by
/// the Profiles area): a profile saved in the wizard returns to a list that says what the save
/// means for the saved scenarios, as a reorder or a delete in the list does.
#[derive(Clone, Copy)]
pub struct LastImpact(pub RwSignal<Option<ImpactSummary>>);

impl LastImpact {
    /// The area's note, or one of the list's own outside the area.
    pub fn get() -> RwSignal<Option<ImpactSummary>> {
        use_context::<LastImpact>().map_or_else(|| RwSignal::new(None), |last| last.0)
    }
}

/// What the workspace's last change (the one Undo would undo) means for the saved scenarios,
/// read from the undo history without copying the tenant.
pub fn impact_of_last_change(workspace: Workspace) -> Option<ImpactSummary> {
    let devices = saved_devices(workspace.peek_section("preview"));
    workspace
        .with_last_change(|before, after| impact_of(before, after, &devices))
        .flatten()
}

#[component]
pub fn ProfileList() -> impl IntoView {
    let workspace = Workspace::get();
    let state = workspace.section::<ListState>("list");
    let scope = Memo::new(move |_| state.with(ListState::scope));
    let route = CurrentRoute::get();
    let highlight = Memo::new(move |_| route.with(|r| r.get("highlight").map(str::to_owned)));
    let control = ListControl::new(workspace, scope, highlight);

    // Escape cancels a pointer drag wherever focus is. A row that just moved gets its focus
    // back only a frame later (moving a focused element blurs it): a key pressed in between
    // (a held arrow key repeats every 30 ms) reaches the page, so it is the lifted handle's.
    // A shortcut such as Undo puts a lifted profile back first wherever focus is.
    let escape = window_event_listener(ev::keydown, move |event| {
        if event.key() == "Escape" && control.drag.with_untracked(Option::is_some) {
            event.prevent_default();
            control.cancel_drag(true);
        } else if let Some(id) = control.lifted_id() {
            if focus_fell_to_body(&event) {
                control.handle_key(&id, &event);
            } else if control::is_shortcut(&event) {
                control.cancel_lift(true);
            }
        }
    });
    on_cleanup(move || escape.remove());

    // A profile just saved or duplicated is brought into view.
    Effect::new(move |_| {
        if let Some(id) = highlight.get() {
            scroll_to_row(control, id);
        }
    });

    let ids = move || {
        control.view.with(|view| {
            view.rows
                .iter()
                .map(|row| row.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let announcement_class = move || {
        // The Undo bar shows what was deleted; the announcement then only speaks it.
        if control.can_undo_delete() {
            return "list-announcer covered";
        }
        control.announcement.with(|a| {
            if a.refusal {
                "list-announcer refusal"
            } else {
                "list-announcer"
            }
        })
    };

    view! {
        <h1>"Profiles"</h1>
        <p class="lead">
            "Enrollment Status Page profiles, highest priority first. "
            "A device gets the first profile assigned to it; the default profile always comes last."
        </p>
        <Toolbar control />
        <ViewAs state />
        <DeletedBar control />
        <p role="status" aria-label="List updates" aria-atomic="true" class=announcement_class>
            {move || control.announcement.with(|a| a.text.clone())}
        </p>
        <div class="table-scroll">
            <table class="profiles-table" aria-label="ESP profiles" aria-describedby="reorder-help">
                <thead>
                    <tr>
                        <th scope="col">"Priority"</th>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Blocking apps"</th>
                        <th scope="col">"Timeout"</th>
                        <th scope="col">"Assigned to"</th>
                        <th scope="col">"Scope tags"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody node_ref=control.body>
                    <KeyedRows each=ids key=String::clone children=move |id| view! { <ProfileRow id control /> }.into_any() />
                </tbody>
            </table>
        </div>
        // Below the rows, not above: the note comes a moment after a change (it is worked out
        // once the change is painted), and above the table it would move every row down under
        // a pointer about to click again.
        <ImpactNote control />
        <p id="reorder-help" class="hint">
            "To reorder, drag a row by its handle, or use the Move up and Move down arrows. With the keyboard: focus a handle, "
            "press Space to pick the profile up, the arrow keys to move it, Space to drop it, Escape to cancel. "
            "The default profile always comes last."
        </p>
    }
}

/// Create, and the profile count against the tenant's limit.
#[component]
fn Toolbar(control: ListControl) -> impl IntoView {
    let count = move || control.base.with(|view| view.custom_count);
    let full = Memo::new(move |_| {
        control
            .workspace
            .with_tenant(|tenant| tenant.can_add_profile().err().map(|e| e.to_string()))
    });
    let hidden = move || control.base.with(|view| view.hidden);
    let create = move || {
        if let Some(reason) = full.get() {
            view! {
                <button type="button" class="primary" disabled aria-describedby="create-blocked">
                    "Create profile"
                </button>
                <span id="create-blocked" class="muted">{reason}</span>
            }
            .into_any()
        } else {
            view! {
                <a class="button-link primary" href=routes::create("basics").href()>
                    "Create profile"
                </a>
            }
            .into_any()
        }
    };
    view! {
        <div class="list-toolbar">
            {create}
            <p class="profile-count">
                {move || format!("{} of {MAX_CUSTOM_PROFILES} custom profiles", count())}
                {move || {
                    (hidden() > 0)
                        .then(|| {
                            let n = hidden();
                            let noun = if n == 1 { "profile is" } else { "profiles are" };
                            format!(" · {n} {noun} outside this scope and hidden")
                        })
                }}
            </p>
        </div>
    }
}

/// After a delete: what was deleted and an Undo, for as long as Undo would undo it.
#[component]
fn DeletedBar(control: ListControl) -> impl IntoView {
    let text = move || {
        control.deleted.with(|deleted| {
            deleted
                .as_ref()
                .map(|d| format!("Deleted {} (priority {}).", d.name, d.priority))
                .unwrap_or_default()
        })
    };
    let undo_name = move || {
        control.deleted.with(|deleted| {
            deleted
                .as_ref()
                .map(|d| format!("Undo deleting {}", d.name))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="undo-bar" hidden=move || !control.can_undo_delete()>
            <p>{text}</p>
            <button
                type="button"
                class="primary"
                node_ref=control.undo_delete_button
                aria-label=undo_name
                on:click=move |_| control.undo_delete()
            >
                "Undo"
            </button>
            <button type="button" class="link-button" on:click=move |_| control.deleted.set(None)>
                "Dismiss"
            </button>
        </div>
    }
}

/// "3 of 12 scenarios now get Kiosk ESP instead of Executive ESP", with a link to the details.
#[component]
fn ImpactNote(control: ListControl) -> impl IntoView {
    move || {
        control.impact.get().map(|impact| {
            let details = impact
                .moves
                .first()
                .map(|m| routes::preview_of(&m.to_id).href());
            view! {
                <section class="impact" aria-label="Impact of the last change">
                    {impact
                        .sentences()
                        .into_iter()
                        .map(|sentence| view! { <p>{sentence}</p> })
                        .collect_view()}
                    {details.map(|href| view! { <a href=href>"See the details in Preview"</a> })}
                </section>
            }
        })
    }
}

fn scroll_to_row(control: ListControl, id: String) {
    request_animation_frame(move || {
        let Some(body) = control.body.get_untracked() else {
            return;
        };
        let rows = body.children();
        let row = (0..rows.length())
            .filter_map(|index| rows.item(index))
            .find(|row| row.get_attribute("data-profile-id").as_deref() == Some(id.as_str()));
        if let Some(row) = row {
            let rect = row.get_bounding_client_rect();
            let height = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            if rect.top() < 0.0 || rect.bottom() > height {
                row.scroll_into_view_with_bool(false);
            }
        }
    });
}

/// True when a key event's target is the page's body: nothing has focus.
fn focus_fell_to_body(event: &ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|element| element.tag_name().eq_ignore_ascii_case("body"))
}
