//! The scope tags list: role scope tags that limit which admins see a profile. The built-in
//! *Default* tag is always there and cannot change.

use esp_core::catalog::{CatalogError, CatalogKind, CatalogRef};
use esp_core::model::{ScopeTag, ScopeTagId, DEFAULT_SCOPE_TAG_ID, DEFAULT_SCOPE_TAG_NAME};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::catalog::{delete, matches, used_by, FieldError, SearchField};
use super::groups::count_text;
use super::modal::{ConfirmDialog, Confirmation, Modal};
use crate::state::{NoticeKind, Notices, Workspace};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: ScopeTagId,
    name: String,
    builtin: bool,
    used_by: String,
}

#[component]
pub fn ScopeTags() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let query = RwSignal::new(String::new());
    let ask = RwSignal::new(None::<Confirmation>);
    let editing = RwSignal::new(None::<Draft>);
    let rows = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            let builtin = ScopeTag::builtin_default();
            let listed = tenant
                .scope_tags
                .iter()
                .any(|tag| tag.id.as_str() == DEFAULT_SCOPE_TAG_ID);
            let tags = (!listed)
                .then_some(&builtin)
                .into_iter()
                .chain(tenant.scope_tags.iter());
            tags.map(|tag| {
                let builtin = tag.id.as_str() == DEFAULT_SCOPE_TAG_ID;
                Row {
                    id: tag.id.clone(),
                    name: if builtin {
                        DEFAULT_SCOPE_TAG_NAME.to_owned()
                    } else {
                        tag.display_name.clone()
                    },
                    builtin,
                    used_by: if builtin {
                        "Profiles with no other tag".to_owned()
                    } else {
                        used_by(&tenant.usage(&CatalogRef::ScopeTag(tag.id.clone())))
                    },
                }
            })
            .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        let query = query.get();
        rows.with(|rows| {
            rows.iter()
                .filter(|row| matches(&query, &[&row.name, row.id.as_str()]))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let edit = move |id: ScopeTagId| {
        let tag = workspace
            .with_tenant(|tenant| tenant.scope_tags.iter().find(|tag| tag.id == id).cloned());
        if let Some(tag) = tag {
            editing.set(Some(Draft {
                editing: Some(tag.id),
                name: tag.display_name,
                wanted_id: String::new(),
            }));
        }
    };
    let row = move |row: Row| {
        let actions = if row.builtin {
            view! { <td class="row-actions">"Built-in"</td> }.into_any()
        } else {
            let (id, name) = (row.id.clone(), row.name.clone());
            let edit_id = row.id.clone();
            let delete_row = move |_| {
                delete(
                    workspace,
                    notices,
                    ask,
                    CatalogRef::ScopeTag(id.clone()),
                    name.clone(),
                )
            };
            view! {
                <td class="row-actions">
                    <button type="button" aria-label=format!("Edit {}", row.name) on:click=move |_| edit(edit_id.clone())>
                        "Edit"
                    </button>
                    <button type="button" aria-label=format!("Delete {}", row.name) on:click=delete_row>
                        "Delete"
                    </button>
                </td>
            }
            .into_any()
        };
        view! {
            <tr>
                <th scope="row">{row.name.clone()}</th>
                <td>
                    <code>{row.id.to_string()}</code>
                </td>
                <td>{row.used_by.clone()}</td>
                {actions}
            </tr>
        }
    };
    view! {
        <h1>"Scope tags"</h1>
        <p class="lead">
            "Role scope tags limit which admins see a profile and reorder it. A profile with no tag "
            "carries the built-in Default tag."
        </p>
        <div class="list-tools">
            <SearchField query label="Search scope tags" />
            <button type="button" class="primary" on:click=move |_| editing.set(Some(Draft::default()))>
                "Add scope tag"
            </button>
        </div>
        <p class="list-count">
            {move || count_text(shown.with(Vec::len), rows.with(Vec::len), "scope tag", "scope tags")}
        </p>
        <table class="catalog" hidden=move || shown.with(Vec::is_empty)>
            <caption class="visually-hidden">"Scope tags"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"ID"</th>
                    <th scope="col">"Used by"</th>
                    <th scope="col">
                        <span class="visually-hidden">"Actions"</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                <For each=move || shown.get() key=|row| row.clone() children=row />
            </tbody>
        </table>
        <Editor editing />
        <ConfirmDialog ask />
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
struct Draft {
    editing: Option<ScopeTagId>,
    name: String,
    wanted_id: String,
}

#[component]
fn Editor(editing: RwSignal<Option<Draft>>) -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let name_error = RwSignal::new(None::<String>);
    let id_error = RwSignal::new(None::<String>);
    let adding = move || editing.with(|d| d.as_ref().is_some_and(|d| d.editing.is_none()));
    let close = Callback::new(move |()| {
        editing.set(None);
        name_error.set(None);
        id_error.set(None);
    });
    let update = move |change: &dyn Fn(&mut Draft)| {
        editing.update(|draft| {
            if let Some(draft) = draft {
                change(draft);
            }
        });
    };
    let field = move |read: fn(&Draft) -> String| {
        move || editing.with(|d| d.as_ref().map(read).unwrap_or_default())
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let Some(draft) = editing.get_untracked() else {
            return;
        };
        let name = draft.name.trim().to_owned();
        let label = match &draft.editing {
            Some(_) => format!("Rename scope tag '{name}'"),
            None => format!("Add scope tag '{name}'"),
        };
        let outcome = workspace.change(label, |tenant| {
            let id = match &draft.editing {
                Some(id) => id.clone(),
                None => ScopeTagId::from(
                    tenant
                        .new_catalog_id(CatalogKind::ScopeTag, &draft.wanted_id)?
                        .as_str(),
                ),
            };
            tenant.save_scope_tag(ScopeTag {
                id,
                display_name: draft.name.clone(),
            })
        });
        name_error.set(None);
        id_error.set(None);
        match outcome {
            Ok(()) => {
                let verb = if draft.editing.is_some() {
                    "Saved"
                } else {
                    "Added"
                };
                notices.show(NoticeKind::Info, format!("{verb} scope tag '{name}'."));
                close.run(());
            }
            Err(error @ CatalogError::IdTaken(_)) => id_error.set(Some(error.to_string())),
            Err(error) => name_error.set(Some(error.to_string())),
        }
    };
    let title = move || {
        if adding() {
            "Add scope tag"
        } else {
            "Edit scope tag"
        }
    };
    view! {
        <Modal open=Signal::derive(move || editing.with(Option::is_some)) on_close=close labelled_by="tag-editor-title">
            <form class="editor" on:submit=submit novalidate>
                <h2 id="tag-editor-title">{title}</h2>
                <div class="field">
                    <label for="tag-name">"Name"</label>
                    <input
                        id="tag-name"
                        type="text"
                        autocomplete="off"
                        prop:value=field(|d| d.name.clone())
                        on:input:target=move |event| {
                            let value = event.target().value();
                            update(&|d| d.name = value.clone());
                        }
                        aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                        aria-describedby="tag-name-error"
                    />
                    <FieldError id="tag-name-error" error=name_error />
                </div>
                <Show when=adding>
                    <div class="field">
                        <label for="tag-id">"Scope tag ID (optional)"</label>
                        <input
                            id="tag-id"
                            type="text"
                            autocomplete="off"
                            prop:value=field(|d| d.wanted_id.clone())
                            on:input:target=move |event| {
                                let value = event.target().value();
                                update(&|d| d.wanted_id = value.clone());
                            }
                            aria-invalid=move || id_error.with(Option::is_some).then_some("true")
                            aria-describedby="tag-id-error"
                        />
                        <FieldError id="tag-id-error" error=id_error />
                    </div>
                </Show>
                <div class="dialog-buttons">
                    <button type="button" on:click=move |_| close.run(())>
                        "Cancel"
                    </button>
                    <button type="submit" class="primary">
                        "Save"
                    </button>
                </div>
            </form>
        </Modal>
    }
}
