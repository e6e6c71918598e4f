//! The parts of the app a first visit does not need, downloaded when first opened.
//!
//! The release build splits the wasm at the functions below (`.ci/build-wasm`, wasm-split): code
//! reachable only through one of them moves to its own file, fetched the first time the part is
//! shown. A first visit downloads the shell and the profile list; the wizard, the Preview and
//! Tenant areas, the file import dialog and the impact note's resolution follow when needed, then
//! stay loaded. ARCHITECTURE.md "Size" says why.
//!
//! Each split function hands back a constructor instead of a view: the constructor runs later in
//! the caller's reactive owner, so the part's contexts (workspace, notices, route) resolve as if
//! it had been there from the start. Natively (tests, clippy) the functions are plain calls.
//!
//! The stylesheets only these parts use travel with them too (`sheets`), a part is shown by
//! `deferred` (a note while it downloads, an alert if it cannot be), and `prefetch` starts a
//! download when the user points at a link to a part.

mod deferred;
mod prefetch;
mod sheets;

use std::future::Future;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::profiles::ImpactSummary;
use crate::state::Workspace;
use deferred::{deferred, Build};
pub use prefetch::prefetch_on_intent;
use sheets::{add_sheets, PREVIEW_CSS, TENANT_CSS, WIZARD_CSS};

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
pub fn import_dialog() -> AnyView {
    part("the file import", import_code)
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
pub fn preview() -> AnyView {
    part("the Preview", preview_code)
}

/// The Tenant area.
pub fn tenant() -> AnyView {
    part("the Tenant area", tenant_code)
}

/// A part whose view takes no argument, shown by `deferred` once `code` has loaded.
fn part<F>(what: &'static str, code: fn() -> F) -> AnyView
where
    F: Future<Output = Result<fn() -> AnyView, SplitLoaderError>> + 'static,
{
    deferred(what, move || {
        Box::pin(async move { Ok(Box::new(code().await?) as Build) })
    })
}
