//! The parts of the app a first visit does not need, downloaded when first opened.
//!
//! The release build splits the wasm at the functions below (`.ci/build-wasm`, wasm-split): code
//! reachable only through one of them moves to its own file, fetched the first time the part is
//! shown. A first visit downloads the shell and the profile list; the wizard, the preview and the
//! Tenant area follow when opened, then stay loaded. ARCHITECTURE.md "Size" says why.
//!
//! Each split function hands back a constructor instead of a view: the constructor runs later in
//! the caller's reactive owner, so the part's contexts (workspace, notices, route) resolve as if
//! it had been there from the start. Natively (tests, clippy) the functions are plain calls.
//!
//! The stylesheets only these parts use travel with them too: index.html inlines `main.css` and
//! `profiles.css`, and a part's constructor adds the sheets its views need (`add_sheets`) before
//! building them. The sheets' text is referenced from the split functions only, so it lands in the
//! parts' modules (a sheet several parts use, in a module they share), not in the main one.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::JsCast;

use crate::profiles::ImpactSummary;
use crate::route::{Area, Route};
use crate::state::Workspace;

/// What a part's code builds once it is loaded.
type Build = Box<dyn Fn() -> AnyView>;

/// A part being downloaded.
type Loading = Pin<Box<dyn Future<Output = Result<Build, SplitLoaderError>>>>;

/// A stylesheet that only split parts use, added to the page by the first part that needs it.
struct Sheet {
    /// The `data-stylesheet` of its `<style>` element, one of `CASCADE`.
    name: &'static str,
    css: &'static str,
}

/// The split parts' sheets in cascade order, as index.html inlined them before the split (after
/// `main.css` and `profiles.css`). Whatever order the parts load in, the sheets keep this one.
const CASCADE: [&str; 3] = ["wizard", "preview", "tenant"];

// Which sheets a part needs follows from its views' classes: the wizard's dialogs and fields use
// rules of the preview's (`.confirm`) and the Tenant area's (`.field`, `.link-button`, `main h2`)
// sheets; the Preview uses the Tenant area's (`.field`, `.button-row`, `.warning`, `main h2`); the
// Tenant area uses the preview's (`.button-row`, `.warning`). The import dialog needs the Tenant
// area's only (`dialog.modal`, the report's tables).
static WIZARD_CSS: Sheet = Sheet {
    name: "wizard",
    css: include_str!("../style/wizard.css"),
};
static PREVIEW_CSS: Sheet = Sheet {
    name: "preview",
    css: include_str!("../style/preview.css"),
};
static TENANT_CSS: Sheet = Sheet {
    name: "tenant",
    css: include_str!("../style/tenant.css"),
};

#[wasm_split(wizard, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_wizard))]
fn wizard_code() -> Result<fn(Option<String>) -> AnyView, SplitLoaderError> {
    Ok(|editing| {
        add_sheets(&[&WIZARD_CSS, &PREVIEW_CSS, &TENANT_CSS]);
        view! { <crate::profiles::Wizard editing /> }.into_any()
    })
}

#[wasm_split(preview, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_preview))]
fn preview_code() -> Result<fn() -> AnyView, SplitLoaderError> {
    Ok(|| {
        add_sheets(&[&PREVIEW_CSS, &TENANT_CSS]);
        view! { <crate::preview::PreviewPage /> }.into_any()
    })
}

#[wasm_split(tenant, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_tenant))]
fn tenant_code() -> Result<fn() -> AnyView, SplitLoaderError> {
    Ok(|| {
        add_sheets(&[&PREVIEW_CSS, &TENANT_CSS]);
        view! { <crate::tenant::TenantPage /> }.into_any()
    })
}

/// Adds each sheet to `<head>` as `<style data-stylesheet="name">`, unless it is there already,
/// placed before the first added sheet that comes later in `CASCADE`, so that the cascade is the
/// one of a page with every sheet. Without a document (natively) there is nothing to style.
fn add_sheets(sheets: &[&Sheet]) {
    let Some(head) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector("head").ok().flatten())
    else {
        return;
    };
    let added = |name: &str| {
        head.query_selector(&format!("style[data-stylesheet=\"{name}\"]"))
            .ok()
            .flatten()
    };
    for sheet in sheets {
        if added(sheet.name).is_some() {
            continue;
        }
        let Ok(style) = head.owner_document().map_or(Err(()), |document| {
            document.create_element("style").map_err(|_| ())
        }) else {
            return;
        };
        let _ = style.set_attribute("data-stylesheet", sheet.name);
        style.set_text_content(Some(sheet.css));
        let rank = CASCADE.iter().position(|name| *name == sheet.name);
        let next = CASCADE
            .iter()
            .skip(rank.map_or(CASCADE.len(), |rank| rank + 1))
            .find_map(|later| added(later));
        let _ = head.insert_before(&style, next.as_ref().map(|next| next.as_ref()));
    }
}

#[wasm_split(impact, wasm_split_path = ::leptos::wasm_split, fallible)]
fn impact_code() -> Result<fn(Workspace) -> Option<ImpactSummary>, SplitLoaderError> {
    Ok(crate::profiles::impact_of_last_change)
}

/// What the workspace's last change means for the saved scenarios. The resolution engine it runs
/// is the preview's, so it is downloaded with the first note instead of with the page. A note that
/// cannot be downloaded is left out: it adds to a change, which has been made either way.
pub async fn impact_of_last_change(workspace: Workspace) -> Option<ImpactSummary> {
    let impact_of_last_change = impact_code().await.ok()?;
    impact_of_last_change(workspace)
}

#[wasm_split(import, wasm_split_path = ::leptos::wasm_split, fallible)]
fn import_code() -> Result<fn() -> AnyView, SplitLoaderError> {
    Ok(|| {
        add_sheets(&[&TENANT_CSS]);
        view! { <crate::tenant::ImportDialog /> }.into_any()
    })
}

/// The import dialog, which reads and opens the files dropped or picked.
pub fn import_dialog() -> impl IntoView {
    deferred("the file import", || {
        Box::pin(async { Ok(Box::new(import_code().await?) as Build) })
    })
}

/// Starts downloading a part's code when the user shows the intent to open it: the pointer over
/// a link to it, or focus on one (any link of the page, the main navigation and the list's
/// *Create profile* and profile names among them). The part is then usually there by the click.
/// Only intent: a first visit that opens nothing downloads nothing more. A failed download is not
/// reported here; opening the part reports it and tries again.
pub fn prefetch_on_intent() {
    let on_intent = |event: web_sys::Event| {
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|link| link.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(link) = link {
            prefetch(&Route::from_hash(&link.hash()));
        }
    };
    let pointer = window_event_listener_untyped("pointerover", on_intent);
    let focus = window_event_listener_untyped("focusin", on_intent);
    on_cleanup(move || {
        pointer.remove();
        focus.remove();
    });
}

/// Downloads the code of the part a route shows, if it is not there yet.
fn prefetch(route: &Route) {
    let wizard = route.area == Area::Profiles && !route.segments.is_empty();
    let area = route.area;
    if !wizard && !matches!(area, Area::Preview | Area::Tenant) {
        return;
    }
    leptos::task::spawn_local(async move {
        let _ = match area {
            Area::Preview => preload_preview().await,
            Area::Tenant => preload_tenant().await,
            _ => preload_wizard().await,
        };
    });
}

/// The wizard creating a profile (`editing` = `None`) or editing one.
pub fn wizard(editing: Option<String>) -> impl IntoView {
    deferred("the profile wizard", move || {
        let editing = editing.clone();
        Box::pin(async move {
            let build = wizard_code().await?;
            Ok(Box::new(move || build(editing.clone())) as Build)
        })
    })
}

/// The Preview area.
pub fn preview() -> impl IntoView {
    deferred("the Preview", || {
        Box::pin(async { Ok(Box::new(preview_code().await?) as Build) })
    })
}

/// The Tenant area.
pub fn tenant() -> impl IntoView {
    deferred("the Tenant area", || {
        Box::pin(async { Ok(Box::new(tenant_code().await?) as Build) })
    })
}

/// Shows `what` once its code has arrived: a note while it downloads, and a way to try again if
/// it cannot be fetched (the network went away, or the site was updated since the page loaded).
fn deferred(what: &'static str, load: impl Fn() -> Loading + 'static) -> AnyView {
    let state = RwSignal::new_local(Shown::Loading);
    let fetch = StoredValue::new_local(move || {
        let loading = load();
        leptos::task::spawn_local(async move {
            // The part may have been left before its code arrived: then nobody reads `state`.
            state.try_set(match loading.await {
                Ok(build) => Shown::Ready(std::rc::Rc::new(build)),
                Err(_) => Shown::Failed,
            });
        });
    });
    fetch.with_value(|fetch| fetch());
    let retry = move |_| {
        state.set(Shown::Loading);
        fetch.with_value(|fetch| fetch());
    };
    (move || match state.get() {
        Shown::Loading => view! {
            <p class="chunk-loading" role="status">"Loading " {what} "…"</p>
        }
        .into_any(),
        // The part's own reads belong to its own effects, not to this switch.
        Shown::Ready(build) => untrack(|| build()),
        Shown::Failed => view! {
            <div class="chunk-failed" role="alert">
                <p>
                    "ESP Designer could not download " {what}
                    ". Your work is kept in this browser. Check the connection and try again, or \
                     reload the page if ESP Designer was updated since you opened it."
                </p>
                <button type="button" on:click=retry>"Try again"</button>
                " "
                <button type="button" on:click=|_| reload()>"Reload the page"</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// Reloads the page: the way to a part of a newer version than the page's (each build's files
/// live in a directory of their own, so an old page cannot fetch a new part). Autosave writes
/// any pending change as the page is left.
fn reload() {
    let _ = window().location().reload();
}

/// What `deferred` shows.
#[derive(Clone)]
enum Shown {
    Loading,
    Ready(std::rc::Rc<Build>),
    Failed,
}
