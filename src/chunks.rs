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

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::profiles::ImpactSummary;
use crate::state::Workspace;

/// What a part's code builds once it is loaded.
type Build = Box<dyn Fn() -> AnyView>;

/// A part being downloaded.
type Loading = Pin<Box<dyn Future<Output = Result<Build, SplitLoaderError>>>>;

#[wasm_split(wizard, wasm_split_path = ::leptos::wasm_split, fallible)]
fn wizard_code() -> Result<fn(Option<String>) -> AnyView, SplitLoaderError> {
    Ok(|editing| view! { <crate::profiles::Wizard editing /> }.into_any())
}

#[wasm_split(preview, wasm_split_path = ::leptos::wasm_split, fallible)]
fn preview_code() -> Result<fn() -> AnyView, SplitLoaderError> {
    Ok(|| view! { <crate::preview::PreviewPage /> }.into_any())
}

#[wasm_split(tenant, wasm_split_path = ::leptos::wasm_split, fallible)]
fn tenant_code() -> Result<fn() -> AnyView, SplitLoaderError> {
    Ok(|| view! { <crate::tenant::TenantPage /> }.into_any())
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
    Ok(|| view! { <crate::tenant::ImportDialog /> }.into_any())
}

/// The import dialog, which reads and opens the files dropped or picked.
pub fn import_dialog() -> impl IntoView {
    deferred("the file import", || {
        Box::pin(async { Ok(Box::new(import_code().await?) as Build) })
    })
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
    let state = RwSignal::new_local(Part::Loading);
    let fetch = StoredValue::new_local(move || {
        let loading = load();
        leptos::task::spawn_local(async move {
            // The part may have been left before its code arrived: then nobody reads `state`.
            state.try_set(match loading.await {
                Ok(build) => Part::Ready(std::rc::Rc::new(build)),
                Err(_) => Part::Failed,
            });
        });
    });
    fetch.with_value(|fetch| fetch());
    let retry = move |_| {
        state.set(Part::Loading);
        fetch.with_value(|fetch| fetch());
    };
    (move || match state.get() {
        Part::Loading => view! {
            <p class="chunk-loading" role="status">"Loading " {what} "…"</p>
        }
        .into_any(),
        // The part's own reads belong to its own effects, not to this switch.
        Part::Ready(build) => untrack(|| build()),
        Part::Failed => view! {
            <div class="chunk-failed" role="alert">
                <p>
                    "ESP Designer could not download " {what}
                    ". Your work is kept in this browser. Check the connection and try again."
                </p>
                <button type="button" on:click=retry>"Try again"</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

#[derive(Clone)]
enum Part {
    Loading,
    Ready(std::rc::Rc<Build>),
    Failed,
}
