//! The shell: header, main navigation and the area that the route selects.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::chunks;
use crate::profiles::ProfilesPage;
use crate::route::{Area, CurrentRoute, Route};
use crate::state::{self, NoticeKind, Notices, NoticesRegion, SaveState, Workspace};

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::from_hash(&location_hash().unwrap_or_default()));
    provide_context(CurrentRoute(route));
    // The page below changes only when the area does: moving within an area keeps its state.
    let area = Memo::new(move |_| route.with(|r| r.area));
    let listener = window_event_listener(ev::hashchange, move |_| {
        let hash = location_hash().unwrap_or_default();
        if Route::is_route_hash(&hash) {
            route.set(Route::from_hash(&hash));
        }
    });
    on_cleanup(move || listener.remove());

    let (workspace, notices) = state::provide();
    // The shell's first frame holds what a first look needs: the brand, the main navigation
    // and the notices' regions. What nothing uses before the workspace is open (Undo and Redo,
    // their shortcuts, the drop target, prefetching the parts, the page's title) is added in
    // the task after that frame, which then reads and parses the save: the first frame's start
    // calls a fifth fewer functions, each compiled by the browser on its first call
    // (perf/HISTORY.md, session 11). The workspace is opened in the next task, and the area's
    // page is built in the one after: a click on the header waits for one of them at most, not
    // for the whole start (a large tenant's save takes about 100 ms to read and parse and as
    // long to open, and its list longer to build). Only the start waits: later moves between
    // areas build the page at once.
    let shell_finished = RwSignal::new(false);
    let page_shown = RwSignal::new(false);
    let owner = Owner::current();
    // The shell's effects and listeners, and the workspace's, belong to the shell's owner, as
    // if made in it.
    let in_shell = move |work: Box<dyn FnOnce()>| match &owner {
        Some(owner) => owner.with(work),
        None => work(),
    };
    crate::idle::after_this_frame(move || {
        in_shell(Box::new(move || {
            finish_shell(route, workspace, notices);
            shell_finished.set(true);
        }));
        let saved = Workspace::read_saved();
        crate::idle::in_a_task(move || {
            in_shell(Box::new(move || workspace.open(saved, notices)));
            crate::idle::in_a_task(move || page_shown.set(true));
        });
    });

    let content = NodeRef::<html::Main>::new();
    // The skip link focuses the content itself: an `href="#content"` would look like a route.
    let skip_to_content = move |event: ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = content.get() {
            let _ = main.focus();
        }
    };

    view! {
        <a class="skip-link" href="#content" on:click=skip_to_content>
            "Skip to content"
        </a>
        <header class="app-header">
            <p class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                {esp_core::PRODUCT_NAME}
            </p>
            <nav aria-label="Main">
                <ul>
                    {Area::ALL
                        .map(|link| {
                            view! {
                                <li>
                                    <a
                                        href=link.href()
                                        aria-current=move || (route.with(|r| r.area) == link).then_some("page")
                                    >
                                        {link.label()}
                                    </a>
                                </li>
                            }
                        })}
                </ul>
            </nav>
            {move || shell_finished.get().then(|| view! { <HistoryButtons workspace notices /> }.into_any())}
        </header>
        <NoticesRegion notices />
        {move || shell_finished.get().then(|| view! { <crate::tenant::FileImport /> }.into_any())}
        <main id="content" tabindex="-1" node_ref=content>
            {move || {
                if !page_shown.get() {
                    // Shown only if the start takes long enough to notice (style/main.css).
                    return view! { <p class="page-loading" role="status">"Loading…"</p> }
                        .into_any();
                }
                match area.get() {
                    Area::Profiles => view! { <ProfilesPage /> }.into_any(),
                    Area::Preview => chunks::preview().into_any(),
                    Area::Tenant => chunks::tenant().into_any(),
                    Area::NotFound => view! { <NotFoundPage /> }.into_any(),
                }
            }}
        </main>
    }
}

/// The shell's listeners and effects that nothing needs before the workspace is open.
fn finish_shell(route: RwSignal<Route>, workspace: Workspace, notices: Notices) {
    Effect::new(move |_| document().set_title(&route.get().title()));
    let undo_keys = window_event_listener(ev::keydown, move |event| {
        if let Some(redo) = undo_shortcut(&event) {
            event.prevent_default();
            step_history(workspace, notices, redo);
        }
    });
    on_cleanup(move || undo_keys.remove());
    chunks::prefetch_on_intent();
}

#[component]
fn NotFoundPage() -> impl IntoView {
    view! {
        <h1>{Area::NotFound.label()}</h1>
        <p>"There is nothing at this address. It may come from an older version of ESP Designer."</p>
        <p>
            <a href=Area::Profiles.href()>"Go to the profiles"</a>
        </p>
    }
}

/// Undo and Redo, named after the change they would undo or redo.
#[component]
fn HistoryButtons(workspace: Workspace, notices: Notices) -> impl IntoView {
    let undo_title = move || {
        workspace
            .undo_label()
            .map(|label| format!("Undo: {label} (Ctrl+Z)"))
    };
    let redo_title = move || {
        workspace
            .redo_label()
            .map(|label| format!("Redo: {label} (Ctrl+Shift+Z)"))
    };
    // Not a live region: announcing "Saving…" after every keystroke would drown what the
    // user types; a failure is announced by the alert notice instead.
    let save_text = move || match workspace.save_state() {
        SaveState::Saved => "Saved in this browser",
        SaveState::Saving => "Saving…",
        SaveState::Failed => "Not saved",
    };
    view! {
        <div class="history-buttons">
            <p class="save-state">{save_text}</p>
            <button
                type="button"
                disabled=move || workspace.undo_label().is_none()
                title=undo_title
                on:click=move |_| step_history(workspace, notices, false)
            >
                "Undo"
            </button>
            <button
                type="button"
                disabled=move || workspace.redo_label().is_none()
                title=redo_title
                on:click=move |_| step_history(workspace, notices, true)
            >
                "Redo"
            </button>
        </div>
    }
}

fn step_history(workspace: Workspace, notices: Notices, redo: bool) {
    let done = if redo {
        workspace.redo()
    } else {
        workspace.undo()
    };
    match (done, redo) {
        (Some(label), false) => notices.show(NoticeKind::Info, format!("Undone: {label}")),
        (Some(label), true) => notices.show(NoticeKind::Info, format!("Redone: {label}")),
        (None, _) => {}
    }
}

/// Ctrl+Z (undo) and Ctrl+Shift+Z or Ctrl+Y (redo), as `Some(is_redo)`. Text fields keep their
/// own undo: the shortcut is theirs while they have focus.
fn undo_shortcut(event: &ev::KeyboardEvent) -> Option<bool> {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() || in_text_field(event) {
        return None;
    }
    match event.key().to_ascii_lowercase().as_str() {
        "z" => Some(event.shift_key()),
        "y" if !event.shift_key() => Some(true),
        _ => None,
    }
}

fn in_text_field(event: &ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    tag == "textarea"
        || element.has_attribute("contenteditable")
        || (tag == "input"
            && !matches!(
                element.get_attribute("type").unwrap_or_default().as_str(),
                "checkbox" | "radio" | "button" | "submit"
            ))
}
