//! Importing a file, from any page: the page-wide drop target, and the dialog that shows what a
//! file holds and lets the user replace or merge the workspace, or cancel, before anything
//! changes. The import page's file picker hands its file to the same flow (`FileInbox`).
//!
//! A file is checked for size before it is read (over 20 MB it is refused unread), read whole,
//! then opened by esp-core: a save of this app, or Graph JSON. A file that cannot be opened
//! shows esp-core's message, with the JSON path when there is one, and changes nothing.

use std::convert::Infallible;

use esp_core::merge::MergeSummary;
use esp_core::open::{self, Opened};
use esp_core::Tenant;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value};
use wasm_bindgen::JsCast;

use super::browser;
use super::modal::Modal;
use super::report::ReportView;
use crate::state::{FileInbox, NoticeKind, Notices, Workspace};

/// A file read and opened, waiting for the user's choice.
#[derive(Clone)]
struct Pending {
    name: String,
    bytes: Vec<u8>,
    outcome: Result<Opened, String>,
}

/// The drop target over the whole page, and the import dialog once a file comes; mounted once by
/// the shell. The dialog's code (esp-core's merge, the report) is downloaded with the first file
/// (`crate::chunks`), and stays.
#[component]
pub fn FileImport() -> impl IntoView {
    let inbox = FileInbox::get();
    let dragging = RwSignal::new(0i32);
    listen_for_drops(dragging, inbox);
    let wanted = Memo::new(move |was: Option<&bool>| was == Some(&true) || inbox.has_file());
    view! {
        <div class="drop-overlay" hidden=move || dragging.get() <= 0 aria-hidden="true">
            <p>"Drop the file to import it"</p>
        </div>
        {move || wanted.get().then(crate::chunks::import_dialog)}
    }
}

/// Reads the files the inbox receives and shows what each holds, until the user replaces or
/// merges the workspace, or cancels.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let inbox = FileInbox::get();
    let pending = RwSignal::new(None::<Pending>);
    let reading = RwSignal::new(None::<String>);

    Effect::new(move |_| {
        if let Some(file) = inbox.take() {
            start(file, pending, reading);
        }
    });

    let close = Callback::new(move |()| pending.set(None));
    let title = move || {
        pending.with(|p| {
            p.as_ref()
                .map(|p| format!("Import {}", p.name))
                .unwrap_or_default()
        })
    };
    let replace = move |_| {
        let Some(file) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        match file.outcome {
            Ok(Opened::Save(loaded)) => {
                let designer = match loaded.designer {
                    Value::Object(sections) => sections,
                    _ => Map::new(),
                };
                workspace.replace_everything(loaded.tenant, designer);
                notices.show(
                    NoticeKind::Info,
                    format!("Opened the workspace saved in {}.", file.name),
                );
            }
            Ok(Opened::Graph(imported)) => {
                replace_tenant(workspace, &file.name, imported.tenant);
                notices.show(
                    NoticeKind::Info,
                    format!("Imported {}: it replaced the workspace's tenant. Undo brings the previous one back.", file.name),
                );
            }
            Err(_) => {}
        }
    };
    let merge = move |_| {
        let Some(file) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        let outcome = workspace.change(format!("Import {} (merge)", file.name), |tenant| {
            open::open_bytes_for(&file.bytes, tenant).map(|opened| match opened {
                Opened::Graph(imported) => tenant.merge(imported),
                Opened::Save(loaded) => tenant.merge_tenant(loaded.tenant, true),
            })
        });
        match outcome {
            Ok(summary) => notices.show(
                NoticeKind::Info,
                format!(
                    "Merged {}: {}. Undo takes it back.",
                    file.name,
                    merge_text(&summary)
                ),
            ),
            Err(error) => notices.show(
                NoticeKind::Error,
                format!("{} could not be merged: {error}.", file.name),
            ),
        }
    };
    let body = move || {
        pending.get().map(|file| match file.outcome {
            Err(message) => view! {
                <div role="alert" class="import-error">
                    <p>{format!("This file cannot be imported: {message}.")}</p>
                </div>
                <p>"Nothing was changed."</p>
                <div class="dialog-buttons">
                    <button type="button" class="primary" on:click=move |_| close.run(())>
                        "Close"
                    </button>
                </div>
            }
            .into_any(),
            Ok(opened) => {
                let is_save = matches!(opened, Opened::Save(_));
                let about = match &opened {
                    Opened::Save(loaded) => format!(
                        "This is an ESP Designer workspace{}. Replace brings back everything in it, \
                         including the wizard draft and the preview, and cannot be undone. Merge adds \
                         its tenant to yours and keeps your drafts.",
                        loaded
                            .saved_at
                            .as_deref()
                            .map(|at| format!(" saved at {at}"))
                            .unwrap_or_default()
                    ),
                    Opened::Graph(_) => "Replace swaps the workspace's tenant for the file's. Merge \
                         adds the file's objects to yours, updating those with the same id or name. \
                         Either can be undone."
                        .to_owned(),
                };
                view! {
                    <ReportView report=opened.report().clone() />
                    <p>{about}</p>
                    <div class="dialog-buttons">
                        <button type="button" on:click=move |_| close.run(())>
                            "Cancel"
                        </button>
                        <button type="button" on:click=merge>
                            "Merge into workspace"
                        </button>
                        <button type="button" class="primary" on:click=replace>
                            {if is_save { "Replace everything" } else { "Replace workspace" }}
                        </button>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <p class="reading" role="status" hidden=move || reading.with(Option::is_none)>
            {move || reading.get().map(|name| format!("Reading {name}…")).unwrap_or_default()}
        </p>
        <Modal open=Signal::derive(move || pending.with(Option::is_some)) on_close=close labelled_by="import-title">
            <div class="import-dialog">
                <h2 id="import-title" tabindex="-1" autofocus>
                    {title}
                </h2>
                {body}
            </div>
        </Modal>
    }
}

/// Replaces the tenant as one undoable change; the designer's sections stay.
fn replace_tenant(workspace: Workspace, name: &str, tenant: Tenant) {
    let _ = workspace.change(format!("Import {name} (replace)"), move |present| {
        *present = tenant;
        Ok::<(), Infallible>(())
    });
}

/// "added 2 groups and 1 app; updated 1 profile".
pub fn merge_text(summary: &MergeSummary) -> String {
    fn counts(c: &esp_core::graph::Counts) -> Vec<String> {
        [
            (c.profiles, "profile", "profiles"),
            (c.groups, "group", "groups"),
            (c.apps, "app", "apps"),
            (c.filters, "filter", "filters"),
            (c.scope_tags, "scope tag", "scope tags"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect()
    }
    let mut parts = Vec::new();
    let added = counts(&summary.added);
    if !added.is_empty() {
        parts.push(format!("added {}", added.join(", ")));
    }
    let updated = counts(&summary.updated);
    if !updated.is_empty() {
        parts.push(format!("updated {}", updated.join(", ")));
    }
    if summary.default_profile_updated {
        parts.push("took the default profile's settings".to_owned());
    }
    if parts.is_empty() {
        "nothing to add".to_owned()
    } else {
        parts.join("; ")
    }
}

/// Checks the size, reads the file and opens it; the result waits in `pending`.
fn start(
    file: web_sys::File,
    pending: RwSignal<Option<Pending>>,
    reading: RwSignal<Option<String>>,
) {
    let name = file.name();
    // A File's size is a whole number of bytes in a double; the cast saturates.
    let size = file.size().max(0.0) as u64;
    if let Err(error) = open::check_size(size) {
        pending.set(Some(Pending {
            name,
            bytes: Vec::new(),
            outcome: Err(error.to_string()),
        }));
        return;
    }
    reading.set(Some(name.clone()));
    spawn_local(async move {
        let (bytes, outcome) = match browser::read_bytes(&file).await {
            Ok(bytes) => {
                let outcome = open::open_bytes(&bytes).map_err(|e| e.to_string());
                (bytes, outcome)
            }
            Err(problem) => (Vec::new(), Err(problem)),
        };
        reading.set(None);
        pending.set(Some(Pending {
            name,
            bytes,
            outcome,
        }));
    });
}

/// Files dragged over the page show the overlay; a dropped file goes to the inbox. Drags that
/// carry no file (reordering profiles, say) are left alone.
fn listen_for_drops(dragging: RwSignal<i32>, inbox: FileInbox) {
    let carries_files = |event: &web_sys::DragEvent| {
        event.data_transfer().is_some_and(|data| {
            data.types()
                .iter()
                .any(|kind| kind.as_string().as_deref() == Some("Files"))
        })
    };
    let as_drag = |event: web_sys::Event| event.dyn_into::<web_sys::DragEvent>().ok();
    let enter = window_event_listener_untyped("dragenter", move |event| {
        if let Some(event) = as_drag(event).filter(|e| carries_files(e)) {
            event.prevent_default();
            dragging.update(|n| *n += 1);
        }
    });
    let over = window_event_listener_untyped("dragover", move |event| {
        if let Some(event) = as_drag(event).filter(|e| carries_files(e)) {
            // Without this the browser would open the file instead of letting the page have it.
            event.prevent_default();
            if let Some(data) = event.data_transfer() {
                data.set_drop_effect("copy");
            }
        }
    });
    let leave = window_event_listener_untyped("dragleave", move |event| {
        if as_drag(event).is_some_and(|e| carries_files(&e)) {
            dragging.update(|n| *n = (*n - 1).max(0));
        }
    });
    let drop = window_event_listener_untyped("drop", move |event| {
        let Some(event) = as_drag(event).filter(|e| carries_files(e)) else {
            return;
        };
        event.prevent_default();
        dragging.set(0);
        if let Some(file) = event
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0))
        {
            inbox.put(file);
        }
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use esp_core::graph::Counts;

    #[test]
    fn merge_summaries_read_as_sentences() {
        let mut summary = MergeSummary::default();
        assert_eq!(merge_text(&summary), "nothing to add");
        summary.added = Counts {
            groups: 2,
            apps: 1,
            ..Counts::default()
        };
        summary.updated.profiles = 1;
        summary.default_profile_updated = true;
        assert_eq!(
            merge_text(&summary),
            "added 2 groups, 1 app; updated 1 profile; took the default profile's settings"
        );
    }
}
