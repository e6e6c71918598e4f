//! The Preview area: which profile and which blocking apps a device and its user get, why, and
//! what the screen shows; and the same for a whole device list (the fleet).
//!
//! State: the workspace's `preview` section ([`state::PreviewState`]), created once here. The
//! tenant is indexed once per version (a memo), and the selected scenario is resolved against
//! that index on every change, with no button. Addresses are built in [`link`].

mod details;
mod download;
mod fleet;
mod form;
mod groups;
mod link;
mod phases;
mod result;
mod scenarios;
mod screen;
pub(crate) mod state;
mod timeline;
mod trace;
mod words;

use std::sync::Arc;

use esp_core::resolve::{resolve_indexed, IndexedTenant};
use leptos::prelude::*;

use self::link::Request;
use self::state::PreviewState;
use crate::erased::When;
use crate::route::{self, Area, CurrentRoute};
use crate::state::{NoticeKind, Notices, Workspace};

/// The tenant indexed for resolution; equal only to itself, so the memo changes with the tenant.
#[derive(Clone, Debug)]
pub struct Indexed(pub Arc<IndexedTenant>);

impl PartialEq for Indexed {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let state = workspace.section::<PreviewState>(state::SECTION);
    let route = CurrentRoute::get();

    let index = Memo::new(move |_| Indexed(Arc::new(workspace.with_tenant(IndexedTenant::new))));
    let groups = Memo::new(move |_| workspace.with_tenant(|t| t.groups.clone()));
    let scenario = Memo::new(move |_| state.with(|s| s.selected().map(|x| x.scenario.clone())));
    let resolution = Memo::new(move |_| {
        scenario.with(|s| s.as_ref().map(|s| index.with(|i| resolve_indexed(&i.0, s))))
    });
    let mode = Memo::new(move |_| scenario.with(|s| s.as_ref().map(|s| s.mode)));
    let join = Memo::new(move |_| scenario.with(|s| s.as_ref().map(|s| s.join_type)));
    let profile = Memo::new(move |_| route.with(link::profile));

    // Follow the address: a saved scenario to select, or a shared one to open.
    // The route also changes when the user leaves the area, before this page goes: only a
    // preview address is followed.
    Effect::new(move |_| {
        let Some(request) = route.with(|r| (r.area == Area::Preview).then(|| link::request(r)))
        else {
            return;
        };
        follow(state, request, profile.get_untracked(), notices);
    });

    view! {
        <div class="preview-page">
        <h1>"Preview"</h1>
        <p class="lead">
            "Describe a device and its user to see which profile applies, why, which apps the "
            "Enrollment Status Page waits for, and what the screen shows. Everything updates as you type."
        </p>
        <div class="preview-layout">
            <div class="preview-scenario">
                <scenarios::ScenarioList state profile />
                <When when=move || scenario.with(Option::is_some)>
                    <section class="scenario-editor" aria-labelledby="scenario-heading">
                        <h2 id="scenario-heading">"Device and user"</h2>
                        <form::ScenarioForm state groups mode join />
                    </section>
                </When>
            </div>
            <div class="preview-result">
                <result::ResultPanel resolution mode join profile />
            </div>
        </div>
        <fleet::Fleet state index profile />
        </div>
    }
}

/// Does what the address asks; with no request, puts the selected scenario in the address.
fn follow(
    state: RwSignal<PreviewState>,
    request: Option<Request>,
    profile: Option<String>,
    notices: Notices,
) {
    match request {
        Some(Request::Saved(id)) => {
            let selected = state.with_untracked(|s| s.selected.clone());
            if selected.as_deref() == Some(id.as_str()) {
                return;
            }
            let mut found = false;
            state.update(|s| found = s.select(&id));
            if !found {
                notices.show(
                    NoticeKind::Warning,
                    format!("There is no saved scenario “{id}” in this browser: it may have been deleted."),
                );
                if let Some(current) = selected {
                    route::replace(&link::saved(&current, profile.as_deref()));
                }
            }
        }
        Some(Request::Shared { name, scenario }) => {
            let existing = state.with_untracked(|s| s.find_equal(&scenario).map(|x| x.id.clone()));
            let id = match existing {
                Some(id) => id,
                None => {
                    let mut id = String::new();
                    state.update(|s| id = s.add(Some(name.clone()), Some(scenario)));
                    notices.show(
                        NoticeKind::Info,
                        format!(
                            "The scenario “{name}” from the link is now saved in this browser."
                        ),
                    );
                    id
                }
            };
            scenarios::show(state, &id, profile);
        }
        Some(Request::Unreadable(error)) => {
            notices.show(
                NoticeKind::Error,
                format!(
                    "The scenario in this link cannot be read ({error}); was the link cut short?"
                ),
            );
            if let Some(current) = state.with_untracked(|s| s.selected.clone()) {
                route::replace(&link::saved(&current, profile.as_deref()));
            }
        }
        None => {
            if let Some(current) = state.with_untracked(|s| s.selected.clone()) {
                route::replace(&link::saved(&current, profile.as_deref()));
            }
        }
    }
}
