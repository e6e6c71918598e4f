//! The import and export page: pick a file to import, download the workspace or the tenant
//! bundle, start over (from the sample or empty), and download saves that were kept aside.
//!
//! # Which file is "the workspace"
//! *Download workspace* writes the app's save document (`esp_core::save`): the tenant as a Graph
//! bundle plus the designer's sections (wizard draft, preview), so importing it gives the same
//! workspace back, preview included. *Download tenant bundle* writes the bundle alone, for other
//! tools. Import reads both.

use std::convert::Infallible;

use leptos::prelude::*;

use crate::erased::When;

use super::browser;
use super::modal::{ConfirmDialog, Confirmation};
use super::routes;
use crate::state::{self, FileInbox, KeptAside, NoticeKind, Notices, Workspace};

#[component]
pub fn ImportExport() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let inbox = FileInbox::get();
    let ask = RwSignal::new(None::<Confirmation>);

    let pick = move |event: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            inbox.put(file);
        }
        // Picking the same file again must import it again.
        input.set_value("");
    };
    let download_workspace = move |_| {
        let document = workspace.document(&browser::now_iso());
        let name = format!("esp-designer-workspace-{}.json", browser::today());
        if let Err(problem) = browser::download(&name, "application/json", &document) {
            notices.show(NoticeKind::Error, problem);
        }
    };
    let download_bundle = move |_| {
        let bundle = workspace
            .with_tenant(|tenant| format!("{:#}", esp_core::graph::export::bundle(tenant)));
        let name = format!("esp-designer-tenant-{}.json", browser::today());
        if let Err(problem) = browser::download(&name, "application/json", &bundle) {
            notices.show(NoticeKind::Error, problem);
        }
    };
    let start_over = move |sample: bool| {
        let (title, label, done, lines) = if sample {
            (
                "Reset to the sample tenant?",
                "Reset to sample",
                "The workspace holds the sample tenant again. Undo brings yours back.",
                vec![
                    "Your profiles, groups, apps, filters and scope tags are replaced by the sample tenant's.".to_owned(),
                    "You can undo this; export your workspace first to keep a copy.".to_owned(),
                ],
            )
        } else {
            (
                "Start with an empty tenant?",
                "Start empty",
                "The workspace is empty: only the default profile is left. Undo brings the rest back.",
                vec![
                    "Every profile but the default, and every group, app, filter and scope tag, is removed.".to_owned(),
                    "You can undo this; export your workspace first to keep a copy.".to_owned(),
                ],
            )
        };
        ask.set(Some(Confirmation {
            title: title.to_owned(),
            lines,
            confirm: label.to_owned(),
            on_confirm: Callback::new(move |()| {
                let tenant = if sample {
                    crate::sample::starting_tenant()
                } else {
                    Ok(crate::sample::empty_tenant())
                };
                match tenant {
                    Ok(tenant) => {
                        let _ = workspace.change(label, move |present| {
                            *present = tenant;
                            Ok::<(), Infallible>(())
                        });
                        notices.show(NoticeKind::Info, done);
                    }
                    Err(problem) => notices.show(NoticeKind::Error, problem),
                }
            }),
        }));
    };

    view! {
        <h1>"Import and export"</h1>
        <p class="lead">
            "Bring your tenant in from Microsoft Graph JSON, keep a copy of your work, or start over. "
            "Files are read in this browser and never uploaded."
        </p>

        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <p>
                "An ESP profile, a Graph list response (profiles, apps, filters or scope tags), a tenant "
                "bundle, or a workspace downloaded from ESP Designer, up to 20 MB. You see what the "
                "file holds and choose to replace or merge before anything changes. You can also drop "
                "a file anywhere on the page."
            </p>
            <label class="file-picker" for="import-file">
                "Import a file"
            </label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=pick />
        </section>

        <section aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <p>
                "The workspace file holds everything, including the wizard draft and the preview; import "
                "it to get this workspace back. The tenant bundle holds the tenant alone, as Graph JSON "
                "with names beside ids."
            </p>
            <div class="button-row">
                <button type="button" class="primary" on:click=download_workspace>
                    "Download workspace"
                </button>
                <button type="button" on:click=download_bundle>
                    "Download tenant bundle"
                </button>
            </div>
            <p>
                "To create a profile in Intune, open its "
                <a href=routes::export().href()>"Graph requests"</a>
                ": the request bodies and a PowerShell script."
            </p>
        </section>

        <section aria-labelledby="start-over-heading">
            <h2 id="start-over-heading">"Start over"</h2>
            <div class="button-row">
                <button type="button" on:click=move |_| start_over(true)>
                    "Reset to sample"
                </button>
                <button type="button" on:click=move |_| start_over(false)>
                    "Start empty"
                </button>
            </div>
        </section>

        <KeptAsideSaves ask />
        <ConfirmDialog ask />
    }
}

/// Saves that could not be opened at start-up, kept aside: download or delete each.
#[component]
fn KeptAsideSaves(ask: RwSignal<Option<Confirmation>>) -> impl IntoView {
    let notices = Notices::get();
    let saves = RwSignal::new(state::kept_aside());
    let row = move |(n, save): (usize, KeptAside)| {
        let label = format!("Kept-aside save {n}");
        let (text, key) = (save.text.clone(), save.key.clone());
        let download = move |_| {
            let name = format!("esp-designer-kept-aside-{n}.json");
            if let Err(problem) = browser::download(&name, "application/json", &text) {
                notices.show(NoticeKind::Error, problem);
            }
        };
        let discard = {
            let label = label.clone();
            move |_| {
                let key = key.clone();
                ask.set(Some(Confirmation {
                    title: format!("Delete {}?", label.to_lowercase()),
                    lines: vec![
                        "It is removed from this browser for good. Download it first if you may need it."
                            .to_owned(),
                    ],
                    confirm: "Delete".to_owned(),
                    on_confirm: Callback::new(move |()| match state::discard_kept_aside(&key) {
                        Ok(()) => saves.set(state::kept_aside()),
                        Err(problem) => notices.show(NoticeKind::Error, problem),
                    }),
                }));
            }
        };
        let size = format!("{} characters", save.text.chars().count());
        view! {
            <li>
                {label.clone()}
                " ("
                {size}
                ") "
                <button type="button" on:click=download aria-label=format!("Download {}", label.to_lowercase())>
                    "Download"
                </button>
                " "
                <button type="button" on:click=discard aria-label=format!("Delete {}", label.to_lowercase())>
                    "Delete"
                </button>
            </li>
        }
    };
    view! {
        <When when=move || saves.with(|s| !s.is_empty())>
            <section aria-labelledby="kept-aside-heading">
                <h2 id="kept-aside-heading">"Saves kept aside"</h2>
                <p>
                    "These saved workspaces could not be opened (damaged, or written by a newer version "
                    "of ESP Designer). They are kept in this browser so that nothing is lost."
                </p>
                <ul class="plain">
                    {move || (1..).zip(saves.get()).map(row).collect_view()}
                </ul>
            </section>
        </When>
    }
}
