//! The saved scenarios: the list to pick from, New, Duplicate, Delete (asked first), and the link
//! that carries the selected scenario to another browser.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::link;
use super::state::PreviewState;
use crate::erased::{KeyedRows, When};
use crate::route;
use crate::state::{NoticeKind, Notices};

/// Selects a scenario and puts it in the address, so a reload or a copied address reopens it.
pub fn show(state: RwSignal<PreviewState>, id: &str, profile: Option<String>) {
    state.update(|s| {
        s.select(id);
    });
    route::replace(&link::saved(id, profile.as_deref()));
}

#[component]
pub fn ScenarioList(state: RwSignal<PreviewState>, profile: Memo<Option<String>>) -> impl IntoView {
    let ids = move || state.with(|s| s.scenarios.iter().map(|x| x.id.clone()).collect::<Vec<_>>());
    let selected = Memo::new(move |_| state.with(|s| s.selected().map(|x| x.id.clone())));
    let confirming = RwSignal::new(false);
    let none_selected = move || selected.with(Option::is_none);

    let focus_name = || {
        request_animation_frame(|| {
            if let Some(input) = document()
                .get_element_by_id("scenario-name")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = input.focus();
            }
        });
    };
    let add = move |_| {
        let mut id = String::new();
        state.update(|s| id = s.add(None, None));
        show(state, &id, profile.get_untracked());
        focus_name();
    };
    let duplicate = move |_| {
        let mut id = None;
        state.update(|s| id = s.duplicate_selected());
        if let Some(id) = id {
            show(state, &id, profile.get_untracked());
            focus_name();
        }
    };
    let delete = move |_| {
        let name = state.with_untracked(|s| s.selected().map(|x| x.name.clone()));
        state.update(PreviewState::delete_selected);
        confirming.set(false);
        if let Some(id) = state.with_untracked(|s| s.selected.clone()) {
            show(state, &id, profile.get_untracked());
        }
        if let Some(name) = name {
            Notices::get().show(NoticeKind::Info, format!("Scenario “{name}” deleted"));
        }
    };

    let confirm_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = confirm_button.get() {
                let _ = button.focus();
            }
        }
    });

    view! {
        <section class="scenario-list" aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">"Scenarios"</h2>
            <When
                when=move || state.with(|s| !s.scenarios.is_empty())
                fallback=|| view! { <p class="muted">"No scenario yet: add one to preview a device."</p> }
            >
                <ul class="scenario-buttons">
                    <KeyedRows
                        each=ids
                        key=String::clone
                        children=move |id| {
                            let for_current = id.clone();
                            let for_name = id.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        aria-current=move || {
                                            selected
                                                .with(|s| s.as_deref() == Some(for_current.as_str()))
                                                .then_some("true")
                                        }
                                        on:click=move |_| {
                                            confirming.set(false);
                                            show(state, &id, profile.get_untracked());
                                        }
                                    >
                                        {move || {
                                            state
                                                .with(|s| s.find(&for_name).map(|x| x.name.clone()))
                                                .filter(|n| !n.trim().is_empty())
                                                .unwrap_or_else(|| "(unnamed scenario)".to_owned())
                                        }}
                                    </button>
                                </li>
                            }
                            .into_any()
                        }
                    />
                </ul>
            </When>
            <div class="button-row">
                <button type="button" on:click=add>"New scenario"</button>
                <button type="button" disabled=none_selected on:click=duplicate>"Duplicate"</button>
                <button type="button" disabled=none_selected on:click=move |_| confirming.set(true)>
                    "Delete"
                </button>
            </div>
            <When when=move || confirming.get() && !none_selected()>
                <div class="confirm" role="group" aria-labelledby="delete-question">
                    <p id="delete-question">
                        {move || {
                            let name = state
                                .with(|s| s.selected().map(|x| x.name.clone()))
                                .unwrap_or_default();
                            format!("Delete the scenario “{name}”? This cannot be undone.")
                        }}
                    </p>
                    <div class="button-row">
                        <button type="button" class="danger" node_ref=confirm_button on:click=delete>
                            "Delete scenario"
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>
                            "Keep it"
                        </button>
                    </div>
                </div>
            </When>
            <When when=move || !none_selected()>
                <ShareLink state />
            </When>
        </section>
    }
}

/// The link that carries the selected scenario whole, with a Copy button.
#[component]
fn ShareLink(state: RwSignal<PreviewState>) -> impl IntoView {
    let url = move || {
        let href = state
            .with(|s| {
                s.selected()
                    .map(|x| link::shared(&x.name, &x.scenario).href())
            })
            .unwrap_or_default();
        let here = window().location().href().unwrap_or_default();
        let base = here.split('#').next().unwrap_or_default();
        format!("{base}{href}")
    };
    let copy = move |_| {
        let text = untrack(url);
        let promise = window().navigator().clipboard().write_text(&text);
        // Read before spawning: the task runs outside the component's context.
        let notices = Notices::get();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => notices.show(NoticeKind::Info, "Link copied"),
                Err(_) => notices.show(
                    NoticeKind::Warning,
                    "The browser did not let ESP Designer copy: select the link and copy it yourself",
                ),
            }
        });
    };
    view! {
        <div class="field share-link">
            <label class="field-label" for="scenario-link">"Link to this scenario"</label>
            <div class="inline-field">
                <input
                    id="scenario-link"
                    type="text"
                    readonly
                    aria-describedby="scenario-link-hint"
                    prop:value=url
                    on:focus:target=move |ev| ev.target().select()
                />
                <button type="button" on:click=copy>"Copy link"</button>
            </div>
            <p class="hint" id="scenario-link-hint">
                "The link carries the whole scenario: opened in another browser with the same "
                "tenant, it shows the same result."
            </p>
        </div>
    }
}
