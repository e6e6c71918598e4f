//! The groups list: Entra groups of users or devices, with search, add, edit and delete.

use esp_core::catalog::{CatalogError, CatalogKind, CatalogRef};
use esp_core::model::{Group, GroupId, MemberKind};
use leptos::prelude::*;

use super::catalog::{delete, used_by};
use super::modal::{ConfirmDialog, Confirmation};
use super::ui::{choices, CatalogList, Cell, EditorDialog, ListSpec, Row, SelectField, TextField};
use crate::state::{NoticeKind, Notices, Workspace};

const SPEC: ListSpec = ListSpec {
    caption: "Groups",
    columns: &["Name", "Members", "Used by"],
    search_label: "Search groups",
    add_label: "Add group",
    one: "group",
    many: "groups",
};

/// How the list and the form name a member kind.
pub fn members_label(kind: Option<MemberKind>) -> &'static str {
    match kind {
        Some(MemberKind::User) => "Users",
        Some(MemberKind::Device) => "Devices",
        None => "Not known",
    }
}

#[component]
pub fn Groups() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let ask = RwSignal::new(None::<Confirmation>);
    let editing = RwSignal::new(None::<Draft>);
    let rows = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            tenant
                .groups
                .iter()
                .map(|group| {
                    let members = members_label(group.member_kind).to_owned();
                    Row {
                        id: group.id.to_string(),
                        name: group.display_name.clone(),
                        search: vec![members.clone()],
                        cells: vec![
                            Cell::Text(members),
                            Cell::Text(used_by(
                                &tenant.usage(&CatalogRef::Group(group.id.clone())),
                            )),
                        ],
                        fixed: None,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let on_edit = Callback::new(move |id: String| {
        let group =
            workspace.with_tenant(|tenant| tenant.group(&GroupId::from(id.as_str())).cloned());
        if let Some(group) = group {
            editing.set(Some(Draft::of(&group)));
        }
    });
    let on_delete = Callback::new(move |(id, name): (String, String)| {
        delete(
            workspace,
            notices,
            ask,
            CatalogRef::Group(GroupId::from(id.as_str())),
            name,
        );
    });
    view! {
        <h1>"Groups"</h1>
        <p class="lead">
            "Entra groups that profiles and apps are assigned to. Whether a group holds users or "
            "devices decides which profile a device gets: device-targeted profiles come first."
        </p>
        <CatalogList
            spec=SPEC
            rows
            on_add=Callback::new(move |()| editing.set(Some(Draft::new())))
            on_edit
            on_delete
        />
        <Editor editing />
        <ConfirmDialog ask />
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
        name_error.set(None);
        id_error.set(None);
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
            Err(error @ CatalogError::IdTaken(_)) => id_error.set(Some(error.to_string())),
            Err(error) => name_error.set(Some(error.to_string())),
        }
    });
    let title = Signal::derive(move || {
        if adding.get() {
            "Add group"
        } else {
            "Edit group"
        }
        .to_owned()
    });
    view! {
        <EditorDialog open=Signal::derive(move || editing.with(Option::is_some)) title on_close=close on_submit=save>
            <TextField
                id="group-name"
                label="Name"
                value=read(|d| d.name.clone())
                on_input=write(|d, value| d.name = value)
                error=name_error
            />
            <SelectField
                id="group-members"
                label="Members"
                choices=choices(&[("user", "Users"), ("device", "Devices"), ("", "Not known")])
                value=read(|d| member_value(d.member_kind).to_owned())
                on_change=write(|d, value| d.member_kind = member_kind(&value))
            />
            <TextField
                id="group-id"
                label="Object ID (optional)"
                hint="The group's id in Entra, so exported assignments name the real group. Leave it empty to get a local id."
                value=read(|d| d.wanted_id.clone())
                on_input=write(|d, value| d.wanted_id = value)
                error=id_error
                hidden=Signal::derive(move || !adding.get())
            />
        </EditorDialog>
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
    fn member_kinds_round_trip_through_the_select() {
        for kind in [Some(MemberKind::User), Some(MemberKind::Device), None] {
            assert_eq!(member_kind(member_value(kind)), kind);
        }
    }
}
