//! The scope tags list: role scope tags that limit which admins see a profile. The built-in
//! *Default* tag is always there and cannot change.

use esp_core::catalog::{CatalogError, CatalogKind, CatalogRef};
use esp_core::model::{ScopeTag, ScopeTagId, DEFAULT_SCOPE_TAG_ID, DEFAULT_SCOPE_TAG_NAME};
use leptos::prelude::*;

use super::catalog::{delete, used_by};
use super::modal::{ConfirmDialog, Confirmation};
use super::ui::{CatalogList, Cell, EditorDialog, ListSpec, Row, TextField};
use crate::state::{NoticeKind, Notices, Workspace};

const SPEC: ListSpec = ListSpec {
    caption: "Scope tags",
    columns: &["Name", "ID", "Used by"],
    search_label: "Search scope tags",
    add_label: "Add scope tag",
    one: "scope tag",
    many: "scope tags",
};

#[component]
pub fn ScopeTags() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let ask = RwSignal::new(None::<Confirmation>);
    let editing = RwSignal::new(None::<Draft>);
    let rows = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            let builtin = ScopeTag::builtin_default();
            let listed = tenant
                .scope_tags
                .iter()
                .any(|tag| tag.id.as_str() == DEFAULT_SCOPE_TAG_ID);
            (!listed)
                .then_some(&builtin)
                .into_iter()
                .chain(tenant.scope_tags.iter())
                .map(|tag| {
                    let is_builtin = tag.id.as_str() == DEFAULT_SCOPE_TAG_ID;
                    let used = if is_builtin {
                        "Profiles with no other tag".to_owned()
                    } else {
                        used_by(&tenant.usage(&CatalogRef::ScopeTag(tag.id.clone())))
                    };
                    Row {
                        id: tag.id.to_string(),
                        name: if is_builtin {
                            DEFAULT_SCOPE_TAG_NAME.to_owned()
                        } else {
                            tag.display_name.clone()
                        },
                        search: vec![tag.id.to_string()],
                        cells: vec![Cell::Code(tag.id.to_string()), Cell::Text(used)],
                        fixed: is_builtin.then_some("Built-in"),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let on_edit = Callback::new(move |id: String| {
        let tag = workspace.with_tenant(|tenant| {
            tenant
                .scope_tags
                .iter()
                .find(|tag| tag.id.as_str() == id)
                .cloned()
        });
        if let Some(tag) = tag {
            editing.set(Some(Draft {
                editing: Some(tag.id),
                name: tag.display_name,
                wanted_id: String::new(),
            }));
        }
    });
    let on_delete = Callback::new(move |(id, name): (String, String)| {
        delete(
            workspace,
            notices,
            ask,
            CatalogRef::ScopeTag(ScopeTagId::from(id.as_str())),
            name,
        );
    });
    view! {
        <h1>"Scope tags"</h1>
        <p class="lead">
            "Role scope tags limit which admins see a profile and reorder it. A profile with no tag "
            "carries the built-in Default tag."
        </p>
        <CatalogList
            spec=SPEC
            rows
            on_add=Callback::new(move |()| editing.set(Some(Draft::default())))
            on_edit
            on_delete
        />
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
    let adding =
        Signal::derive(move || editing.with(|d| d.as_ref().is_some_and(|d| d.editing.is_none())));
    let read = move |get: fn(&Draft) -> String| {
        Signal::derive(move || editing.with(|d| d.as_ref().map(get).unwrap_or_default()))
    };
    let write = move |set: fn(&mut Draft, String)| {
        Callback::new(move |value: String| {
            editing.update(|d| {
                if let Some(d) = d {
                    set(d, value);
                }
            });
        })
    };
    let close = Callback::new(move |()| {
        editing.set(None);
        name_error.set(None);
        id_error.set(None);
    });
    let save = Callback::new(move |()| {
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
    });
    let title = Signal::derive(move || {
        if adding.get() {
            "Add scope tag"
        } else {
            "Edit scope tag"
        }
        .to_owned()
    });
    view! {
        <EditorDialog open=Signal::derive(move || editing.with(Option::is_some)) title on_close=close on_submit=save>
            <TextField
                id="tag-name"
                label="Name"
                value=read(|d| d.name.clone())
                on_input=write(|d, value| d.name = value)
                error=name_error
            />
            <TextField
                id="tag-id"
                label="Scope tag ID (optional)"
                value=read(|d| d.wanted_id.clone())
                on_input=write(|d, value| d.wanted_id = value)
                error=id_error
                hidden=Signal::derive(move || !adding.get())
            />
        </EditorDialog>
    }
}
