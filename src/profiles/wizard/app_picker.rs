//! The *Selected* blocking-app list: search the tenant's tracked Windows apps by name, tick them,
//! and see what is selected, in the order chosen, with a count against the 100-app limit.

use esp_core::model::{AppId, BlockingApps, SelectedApps, MAX_SELECTED_APPS};
use leptos::prelude::*;

use crate::erased::{key_of, KeyedRows, When};

use super::context::Ctx;
use super::fields::{dom_id, focus_by_id, FieldMessages};

/// The search box's id, where the focus goes when the last selected app is removed.
const SEARCH_ID: &str = "wizard-selected-apps-search";

/// An app as the picker lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct AppRow {
    id: AppId,
    name: String,
    kind: String,
}

/// Changes the Selected list, if the profile blocks on selected apps.
fn edit_selection(ctx: Ctx, change: impl FnOnce(&mut SelectedApps)) {
    ctx.update(|d| {
        let apps = d
            .profile
            .settings
            .page_mut()
            .and_then(|page| match &mut page.block {
                esp_core::model::Block::Yes(block) => Some(&mut block.apps),
                esp_core::model::Block::No => None,
            });
        if let Some(BlockingApps::Selected(selected)) = apps {
            change(selected);
        }
    });
}

#[component]
pub fn AppPicker(ctx: Ctx) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let apps = Memo::new(move |_| {
        ctx.with_tenant(|t| {
            let mut rows: Vec<AppRow> = t
                .apps
                .iter()
                .filter(|a| a.kind.is_tracked())
                .map(|a| AppRow {
                    id: a.id.clone(),
                    name: a.display_name.clone(),
                    kind: a.kind.label().to_owned(),
                })
                .collect();
            rows.sort_by_cached_key(|row| row.name.to_lowercase());
            rows
        })
    });
    let selected = Memo::new(move |_| {
        ctx.with(|d| {
            d.profile
                .settings
                .selected_apps()
                .map(|s| s.ids.clone())
                .unwrap_or_default()
        })
    });
    let matches = Memo::new(move |_| {
        let needle = query.with(|q| q.trim().to_lowercase());
        apps.with(|all| {
            all.iter()
                .filter(|row| needle.is_empty() || row.name.to_lowercase().contains(&needle))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let count_text = move || {
        let n = selected.with(Vec::len);
        let noun = if n == 1 { "app" } else { "apps" };
        format!("{n} {noun} selected ({MAX_SELECTED_APPS} max)")
    };

    let field_id = dom_id("selectedApps");
    let legend_id = format!("{field_id}-label");
    let count_id = format!("{field_id}-count");

    let (legend_for, count_for) = (legend_id.clone(), count_id.clone());
    let select_shown = move |_| {
        let shown: Vec<AppId> = matches.with(|rows| rows.iter().map(|r| r.id.clone()).collect());
        edit_selection(ctx, |s| {
            for id in shown {
                if !s.ids.contains(&id) {
                    s.ids.push(id);
                }
            }
        });
    };
    let clear = move |_| edit_selection(ctx, |s| s.ids.clear());

    view! {
        <fieldset
            class="field app-picker"
            id=field_id
            aria-labelledby=legend_for
            aria-invalid=ctx.invalid("selectedApps")
            aria-describedby=ctx.described_by("selectedApps".to_owned(), Some(count_for))
        >
            <legend id=legend_id>"Selected apps"</legend>
            <p class="count" id=count_id aria-live="polite">{count_text}</p>
            <FieldMessages ctx field="selectedApps" />
            <SelectedList ctx selected apps />
            <When
                when=move || apps.with(|a| !a.is_empty())
                fallback=|| {
                    view! {
                        <p class="hint">
                            "This tenant has no Windows apps that the ESP tracks. Import apps in the Tenant area to select them here."
                        </p>
                    }
                }
            >
                <div class="picker-search">
                    <label for=SEARCH_ID>"Search apps by name"</label>
                    <input
                        type="search"
                        id=SEARCH_ID
                        autocomplete="off"
                        prop:value=move || query.get()
                        on:input:target=move |ev| query.set(ev.target().value())
                    />
                </div>
                <div class="picker-actions">
                    <button type="button" on:click=select_shown disabled=move || matches.with(Vec::is_empty)>
                        {move || format!("Select all {} shown", matches.with(Vec::len))}
                    </button>
                    <button type="button" on:click=clear disabled=move || selected.with(Vec::is_empty)>
                        "Clear selection"
                    </button>
                </div>
                <ul class="app-results" aria-label="Apps">
                    <KeyedRows
                        each=move || matches.get()
                        key=|row| row.id.as_str().to_owned()
                        children=move |row| view! { <AppOption ctx row selected /> }.into_any()
                    />
                </ul>
                <When when=move || matches.with(Vec::is_empty)>
                    <p class="hint">"No tracked app has that name."</p>
                </When>
            </When>
        </fieldset>
    }
    .into_any()
}

/// One app of the search results: ticking it adds it to the list, unticking removes it.
#[component]
fn AppOption(ctx: Ctx, row: AppRow, selected: Memo<Vec<AppId>>) -> impl IntoView {
    let input_id = format!("{}-{}", dom_id("appOption"), sanitize(row.id.as_str()));
    let kind_id = format!("{input_id}-type");
    let id = row.id.clone();
    let checked = move || selected.with(|ids| ids.contains(&id));
    let id = row.id;
    view! {
        <li>
            <input
                type="checkbox"
                id=input_id.clone()
                prop:checked=checked
                aria-describedby=kind_id.clone()
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    let id = id.clone();
                    edit_selection(ctx, |s| {
                        if on {
                            if !s.ids.contains(&id) {
                                s.ids.push(id);
                            }
                        } else {
                            s.ids.retain(|x| x != &id);
                        }
                    });
                }
            />
            <label for=input_id>{row.name}</label>
            <span class="app-type" id=kind_id>{row.kind}</span>
        </li>
    }
    .into_any()
}

/// What is selected, in the order chosen, each with its type and a Remove button. Ids the
/// tenant does not know stay listed (the core reports them) so they can be removed.
#[component]
fn SelectedList(ctx: Ctx, selected: Memo<Vec<AppId>>, apps: Memo<Vec<AppRow>>) -> impl IntoView {
    let rows = move || {
        selected.with(|ids| {
            ids.iter()
                .enumerate()
                .map(|(i, id)| {
                    let known = apps.with(|all| all.iter().find(|a| &a.id == id).cloned());
                    let (name, kind) = match known {
                        Some(row) => (row.name, row.kind),
                        None => ctx.with_tenant(|t| match t.app(id) {
                            Some(app) => (app.display_name.clone(), app.kind.label().to_owned()),
                            None => (id.to_string(), "not in this tenant".to_owned()),
                        }),
                    };
                    (i, id.clone(), name, kind)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <When when=move || selected.with(|s| !s.is_empty())>
            <ol class="selected-apps" aria-label="Selected apps, in the order chosen">
                <KeyedRows
                    each=rows
                    key=|(i, id, name, kind)| key_of(&[&i.to_string(), id.as_str(), name, kind])
                    children=move |(i, id, name, kind)| {
                        let field = format!("selectedApps[{i}]");
                        let row_id = dom_id(&field);
                        let remove = move |_| {
                            let id = id.clone();
                            edit_selection(ctx, |s| {
                                if let Some(at) = s.ids.iter().position(|x| x == &id) {
                                    s.ids.remove(at);
                                }
                            });
                            // The focus goes to the row that took this one's place, or to the search.
                            let next = dom_id(&format!("selectedApps[{i}]"));
                            request_animation_frame(move || {
                                if document().get_element_by_id(&next).is_some() {
                                    focus_by_id(&next);
                                } else {
                                    focus_by_id(SEARCH_ID);
                                }
                            });
                        };
                        view! {
                            <li id=row_id>
                                <span class="app-name">{name.clone()}</span>
                                <span class="app-type">{kind}</span>
                                <button
                                    type="button"
                                    class="link-button"
                                    aria-describedby=ctx.described_by(field.clone(), None)
                                    on:click=remove
                                >
                                    "Remove"
                                    <span class="visually-hidden">{format!(" {name}")}</span>
                                </button>
                                <FieldMessages ctx field=field />
                            </li>
                        }
                        .into_any()
                    }
                />
            </ol>
        </When>
    }
    .into_any()
}

/// An id as a safe fragment of an element id.
fn sanitize(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
