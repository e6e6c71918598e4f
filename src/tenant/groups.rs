//! The groups list: Entra groups of users or devices, with search, add, edit and delete.

use esp_core::catalog::{CatalogError, CatalogKind, CatalogRef};
use esp_core::model::{Group, GroupId, MemberKind};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::catalog::{delete, matches, used_by, FieldError, SearchField};
use super::modal::{ConfirmDialog, Confirmation, Modal};
use crate::state::{NoticeKind, Notices, Workspace};

/// How the list and the form name a member kind.
pub fn members_label(kind: Option<MemberKind>) -> &'static str {
    match kind {
        Some(MemberKind::User) => "Users",
        Some(MemberKind::Device) => "Devices",
        None => "Not known",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: GroupId,
    name: String,
    members: &'static str,
    used_by: String,
}

#[component]
pub fn Groups() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let query = RwSignal::new(String::new());
    let ask = RwSignal::new(None::<Confirmation>);
    let editing = RwSignal::new(None::<Draft>);
    let rows = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            tenant
                .groups
                .iter()
                .map(|group| Row {
                    id: group.id.clone(),
                    name: group.display_name.clone(),
                    members: members_label(group.member_kind),
                    used_by: used_by(&tenant.usage(&CatalogRef::Group(group.id.clone()))),
                })
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        let query = query.get();
        rows.with(|rows| {
            rows.iter()
                .filter(|row| matches(&query, &[&row.name, row.members]))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let edit = move |id: GroupId| {
        let group = workspace.with_tenant(|tenant| tenant.group(&id).cloned());
        if let Some(group) = group {
            editing.set(Some(Draft::of(&group)));
        }
    };
    let row = move |row: Row| {
        let (id, name) = (row.id.clone(), row.name.clone());
        let delete_row = move |_| {
            delete(
                workspace,
                notices,
                ask,
                CatalogRef::Group(id.clone()),
                name.clone(),
            )
        };
        let edit_id = row.id.clone();
        view! {
            <tr>
                <th scope="row">{row.name.clone()}</th>
                <td>{row.members}</td>
                <td>{row.used_by.clone()}</td>
                <td class="row-actions">
                    <button type="button" aria-label=format!("Edit {}", row.name) on:click=move |_| edit(edit_id.clone())>
                        "Edit"
                    </button>
                    <button type="button" aria-label=format!("Delete {}", row.name) on:click=delete_row>
                        "Delete"
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <h1>"Groups"</h1>
        <p class="lead">
            "Entra groups that profiles and apps are assigned to. Whether a group holds users or "
            "devices decides which profile a device gets: device-targeted profiles come first."
        </p>
        <div class="list-tools">
            <SearchField query label="Search groups" />
            <button type="button" class="primary" on:click=move |_| editing.set(Some(Draft::new()))>
                "Add group"
            </button>
        </div>
        <p class="list-count">
            {move || count_text(shown.with(Vec::len), rows.with(Vec::len), "group", "groups")}
        </p>
        <table class="catalog" hidden=move || shown.with(Vec::is_empty)>
            <caption class="visually-hidden">"Groups"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Members"</th>
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

/// "3 groups", "2 of 20 groups", "No groups yet".
pub fn count_text(shown: usize, all: usize, one: &str, many: &str) -> String {
    let noun = |n: usize| if n == 1 { one } else { many };
    match (shown, all) {
        (_, 0) => format!("No {many} yet."),
        (0, _) => format!("No {many} match the search."),
        (shown, all) if shown == all => format!("{all} {}", noun(all)),
        (shown, all) => format!("{shown} of {all} {}", noun(all)),
    }
}

/// What the form holds while the user types.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    /// The group being edited; `None` while adding.
    editing: Option<GroupId>,
    name: String,
    member_kind: Option<MemberKind>,
    /// The id asked for when adding (empty: a local id).
    wanted_id: String,
}

impl Draft {
    fn new() -> Self {
        Draft {
            editing: None,
            name: String::new(),
            member_kind: Some(MemberKind::Device),
            wanted_id: String::new(),
        }
    }

    fn of(group: &Group) -> Self {
        Draft {
            editing: Some(group.id.clone()),
            name: group.display_name.clone(),
            member_kind: group.member_kind,
            wanted_id: String::new(),
        }
    }
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
            Some(_) => format!("Edit group '{name}'"),
            None => format!("Add group '{name}'"),
        };
        let outcome = workspace.change(label, |tenant| {
            let id = match &draft.editing {
                Some(id) => id.clone(),
                None => GroupId::from(
                    tenant
                        .new_catalog_id(CatalogKind::Group, &draft.wanted_id)?
                        .as_str(),
                ),
            };
            tenant.save_group(Group {
                id,
                display_name: draft.name.clone(),
                member_kind: draft.member_kind,
            })
        });
        match outcome {
            Ok(()) => {
                let verb = if draft.editing.is_some() {
                    "Saved"
                } else {
                    "Added"
                };
                notices.show(NoticeKind::Info, format!("{verb} group '{name}'."));
                close.run(());
            }
            Err(error @ CatalogError::IdTaken(_)) => {
                name_error.set(None);
                id_error.set(Some(error.to_string()));
            }
            Err(error) => {
                id_error.set(None);
                name_error.set(Some(error.to_string()));
            }
        }
    };
    let title = move || if adding() { "Add group" } else { "Edit group" };
    view! {
        <Modal open=Signal::derive(move || editing.with(Option::is_some)) on_close=close labelled_by="group-editor-title">
            <form class="editor" on:submit=submit novalidate>
                <h2 id="group-editor-title">{title}</h2>
                <div class="field">
                    <label for="group-name">"Name"</label>
                    <input
                        id="group-name"
                        type="text"
                        autocomplete="off"
                        prop:value=field(|d| d.name.clone())
                        on:input:target=move |event| {
                            let value = event.target().value();
                            update(&|d| d.name = value.clone());
                        }
                        aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                        aria-describedby="group-name-error"
                    />
                    <FieldError id="group-name-error" error=name_error />
                </div>
                <div class="field">
                    <label for="group-members">"Members"</label>
                    <select
                        id="group-members"
                        on:change:target=move |event| {
                            let kind = member_kind(&event.target().value());
                            update(&|d| d.member_kind = kind);
                        }
                    >
                        {[Some(MemberKind::User), Some(MemberKind::Device), None]
                            .map(|kind| {
                                let selected = move || {
                                    editing.with(|d| d.as_ref().is_some_and(|d| d.member_kind == kind))
                                };
                                view! {
                                    <option value=member_value(kind) prop:selected=selected>
                                        {members_label(kind)}
                                    </option>
                                }
                            })}
                    </select>
                </div>
                <Show when=adding>
                    <div class="field">
                        <label for="group-id">"Object ID (optional)"</label>
                        <input
                            id="group-id"
                            type="text"
                            autocomplete="off"
                            prop:value=field(|d| d.wanted_id.clone())
                            on:input:target=move |event| {
                                let value = event.target().value();
                                update(&|d| d.wanted_id = value.clone());
                            }
                            aria-invalid=move || id_error.with(Option::is_some).then_some("true")
                            aria-describedby="group-id-hint group-id-error"
                        />
                        <p id="group-id-hint" class="hint">
                            "The group's id in Entra, so exported assignments name the real group. "
                            "Leave it empty to get a local id."
                        </p>
                        <FieldError id="group-id-error" error=id_error />
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

fn member_value(kind: Option<MemberKind>) -> &'static str {
    kind.map_or("", MemberKind::as_str)
}

fn member_kind(value: &str) -> Option<MemberKind> {
    match value {
        "user" => Some(MemberKind::User),
        "device" => Some(MemberKind::Device),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_sentences() {
        assert_eq!(count_text(0, 0, "group", "groups"), "No groups yet.");
        assert_eq!(
            count_text(0, 5, "group", "groups"),
            "No groups match the search."
        );
        assert_eq!(count_text(1, 1, "group", "groups"), "1 group");
        assert_eq!(count_text(2, 20, "group", "groups"), "2 of 20 groups");
    }

    #[test]
    fn member_kinds_round_trip_through_the_select() {
        for kind in [Some(MemberKind::User), Some(MemberKind::Device), None] {
            assert_eq!(member_kind(member_value(kind)), kind);
        }
    }
}
