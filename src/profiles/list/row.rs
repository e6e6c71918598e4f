//! One row of the profiles list: its drag handle (pointer and keyboard), its columns and its
//! actions. The row follows its profile by id, so its DOM node (and focus) survives a reorder.

use esp_core::model::Priority;
use leptos::ev;
use leptos::prelude::*;

use super::control::ListControl;
use super::reorder::{self, Indicator};
use super::rows::{Row, TargetCell};
use crate::profiles::routes;

#[component]
pub fn ProfileRow(id: String, control: ListControl) -> impl IntoView {
    // What the row says follows the tenant; where it stands follows every step of a lifted
    // profile. Two memos, so that a step updates only the rows whose place changed.
    let row = {
        let id = id.clone();
        Memo::new(move |_| control.base.with(|view| view.row(&id).cloned()))
    };
    let place = {
        let id = id.clone();
        Memo::new(move |_| {
            control
                .view
                .with(|view| view.row(&id).map(|row| (row.priority, row.slot)))
        })
    };
    let status = {
        let id = id.clone();
        Memo::new(move |_| {
            control
                .statuses
                .with(|statuses| statuses.get(&id).cloned().unwrap_or_default())
        })
    };
    let read = move |field: fn(&Row) -> String| {
        move || row.with(|row| row.as_ref().map(field).unwrap_or_default())
    };
    let name = read(|row| row.name.clone());
    // The default profile stays the default: its row never gains a handle or a Delete.
    let is_default =
        row.with_untracked(|row| row.as_ref().map(|row| row.priority) == Some(Priority::Default));
    let slot = move || place.with(|place| place.and_then(|(_, slot)| slot));
    let priority = move || place.with(|place| place.map(|(priority, _)| priority));

    let class = {
        let id = id.clone();
        move || {
            let mut class = String::from("profile-row");
            if is_default {
                class.push_str(" default-row");
            }
            if control.is_lifted(&id) {
                class.push_str(" lifted");
            }
            control.drag.with(|drag| {
                if let (Some(drag), Some(slot)) = (drag.as_ref(), slot()) {
                    if drag.id == id {
                        class.push_str(" dragging");
                    }
                    match reorder::indicator(slot, drag.origin, drag.target) {
                        Some(Indicator::Above) => class.push_str(" drop-above"),
                        Some(Indicator::Below) => class.push_str(" drop-below"),
                        None => {}
                    }
                }
            });
            if control
                .highlight
                .with(|h| h.as_deref() == Some(id.as_str()))
            {
                class.push_str(" highlighted");
            }
            class
        }
    };

    let priority_cell = if is_default {
        view! { <td class="priority">"Default"</td> }.into_any()
    } else {
        view! {
            <td class="priority">
                <Handle id=id.clone() control name />
                <span class="priority-number">
                    {move || priority().map(|p| p.to_string()).unwrap_or_default()}
                </span>
                <MoveButtons id=id.clone() control name priority />
            </td>
        }
        .into_any()
    };

    let row_id = id.clone();
    let status_id = id.clone();
    let badge_id = id.clone();
    view! {
        <tr class=class data-profile-id=row_id data-slot=move || slot().map(|s| s.to_string())>
            {priority_cell}
            <th scope="row" class="profile-name">{name}</th>
            <td>{read(|row| row.blocking.clone())}</td>
            <td>{read(|row| row.timeout.clone())}</td>
            <td>
                {move || {
                    let targets = row.with(|row| row.as_ref().map(|r| r.targets.clone()).unwrap_or_default());
                    assigned(targets)
                }}
            </td>
            <td>{move || row.with(|row| row.as_ref().map(|r| r.scope_tags.join(", ")).unwrap_or_default())}</td>
            <td>
                <StatusCell id=status_id status />
                {move || {
                        control
                            .highlight
                            .with(|h| h.as_deref() == Some(badge_id.as_str()))
                            .then(|| view! { <span class="badge badge-saved">"Just saved"</span> })
                }}
            </td>
            <td>
                <Actions id control name is_default />
            </td>
        </tr>
    }
}

/// The *Assigned to* cell: one line per assignment, its filter as a badge.
fn assigned(targets: Vec<TargetCell>) -> impl IntoView {
    if targets.is_empty() {
        return view! { <span class="muted">"Not assigned"</span> }.into_any();
    }
    view! {
        <ul class="targets">
            {targets
                .into_iter()
                .map(|target| {
                    view! {
                        <li class:excluded=target.excluded>
                            {target.label}
                            {target.filter.map(|filter| view! { <span class="badge badge-filter">{filter}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn StatusCell(id: String, status: Memo<super::rows::Status>) -> impl IntoView {
    let label = move || status.with(|s| s.label());
    let title = move || status.with(|s| s.messages.join("\n"));
    let class = move || {
        status.with(|s| match (s.errors, s.warnings) {
            (0, 0) => "status status-ok",
            (0, _) => "status status-warning",
            _ => "status status-error",
        })
    };
    let href = routes::edit(&id, "review").href();
    move || {
        if status.with(|s| s.errors + s.warnings == 0) {
            view! { <span class=class>{label}</span> }.into_any()
        } else {
            view! { <a class=class href=href.clone() title=title>{label}</a> }.into_any()
        }
    }
}

/// The drag handle: pointer drag (mouse, pen, touch) and keyboard reorder.
#[component]
fn Handle<N>(id: String, control: ListControl, name: N) -> impl IntoView
where
    N: Fn() -> String + Copy + Send + Sync + 'static,
{
    let lifted = {
        let id = id.clone();
        move || control.is_lifted(&id)
    };
    let on_keydown = {
        let id = id.clone();
        move |event: ev::KeyboardEvent| control.handle_key(&id, &event)
    };
    let start = {
        let id = id.clone();
        move |event: ev::PointerEvent| control.drag_start(&id, &event)
    };
    view! {
        <span
            role="button"
            tabindex="0"
            class="drag-handle"
            data-control="handle"
            aria-roledescription="sortable"
            aria-describedby="reorder-help"
            aria-label=move || format!("Reorder {}", name())
            aria-pressed=move || if lifted() { "true" } else { "false" }
            on:keydown=on_keydown
            on:pointerdown=start
            on:pointermove=move |event: ev::PointerEvent| control.drag_move(&event)
            on:pointerup=move |event: ev::PointerEvent| control.drag_end(&event)
            on:pointercancel=move |_| control.cancel_drag(true)
            on:lostpointercapture=move |_| control.cancel_drag(false)
        ></span>
    }
}

/// Edit, Preview, Export, Duplicate, Delete.
#[component]
fn Actions<N>(id: String, control: ListControl, name: N, is_default: bool) -> impl IntoView
where
    N: Fn() -> String + Copy + Send + Sync + 'static,
{
    let edit = routes::edit(&id, "review").href();
    let preview = routes::preview_of(&id).href();
    let export = routes::export_of(&id).href();
    let duplicate = {
        let id = id.clone();
        move |_| control.duplicate(&id)
    };
    let delete = (!is_default).then(|| {
        let delete = {
            let id = id.clone();
            move |_| control.delete(&id)
        };
        view! {
            <button type="button" aria-label=move || format!("Delete {}", name()) on:click=delete>
                "Delete"
            </button>
        }
    });
    view! {
        <div class="row-actions">
            <span class="row-links">
                <a href=edit aria-label=move || format!("Edit {}", name())>"Edit"</a>
                <a href=preview aria-label=move || format!("Preview {}", name())>"Preview"</a>
                <a href=export aria-label=move || format!("Export {}", name())>"Export"</a>
            </span>
            <span class="row-buttons">
                <button type="button" aria-label=move || format!("Duplicate {}", name()) on:click=duplicate>
                    "Duplicate"
                </button>
                {delete}
            </span>
        </div>
    }
}

/// Move up / Move down: reordering by single clicks, without dragging (WCAG 2.5.7). The arrows
/// are drawn by CSS, so the Priority cell's text stays the number.
#[component]
fn MoveButtons<N, P>(id: String, control: ListControl, name: N, priority: P) -> impl IntoView
where
    N: Fn() -> String + Copy + Send + Sync + 'static,
    P: Fn() -> Option<Priority> + Copy + Send + Sync + 'static,
{
    let up = {
        let id = id.clone();
        move |_| control.move_by_button(&id, true)
    };
    let down = move |_| control.move_by_button(&id, false);
    // Up is impossible only at priority 1; down only just above the default. Elsewhere the core
    // decides, and a scoped admin hears why it refuses.
    let at_top = move || priority() == Some(Priority::Custom(1));
    let at_bottom = move || {
        priority()
            == Some(Priority::Custom(
                control.base.with(|view| view.custom_count),
            ))
    };
    view! {
        <span class="move-buttons">
            <button
                type="button"
                class="move move-up"
                data-control="up"
                aria-label=move || format!("Move {} up", name())
                title="Move up"
                disabled=at_top
                on:click=up
            ></button>
            <button
                type="button"
                class="move move-down"
                data-control="down"
                aria-label=move || format!("Move {} down", name())
                title="Move down"
                disabled=at_bottom
                on:click=down
            ></button>
        </span>
    }
}
