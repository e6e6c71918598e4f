//! The apps list: each app's Graph type, where it installs, and its assignments (required,
//! available or uninstall, to groups, All users or All devices), with an editor for all three.

use esp_core::catalog::{CatalogError, CatalogKind, CatalogRef};
use esp_core::model::{
    App, AppAssignment, AppId, AppKind, AppliedFilter, FilterId, FilterMode, GroupId, Intent,
    RunAs, Target, Tenant, TRACKED_APP_TYPES,
};
use leptos::prelude::*;

use super::catalog::{delete, used_by};
use super::modal::{ConfirmDialog, Confirmation};
use super::ui::{choices, CatalogList, Cell, EditorDialog, ListSpec, Row, SelectField, TextField};
use crate::erased::KeyedRows;
use crate::state::{NoticeKind, Notices, Workspace};

/// Where an app installs, as the list says it.
pub fn context_label(kind: &AppKind) -> &'static str {
    match kind {
        AppKind::Win32Lob(RunAs::System)
        | AppKind::WinGet(RunAs::System)
        | AppKind::Win32Catalog(RunAs::System) => "Device (installs as System)",
        AppKind::Win32Lob(RunAs::User)
        | AppKind::WinGet(RunAs::User)
        | AppKind::Win32Catalog(RunAs::User) => "User (installs as the user)",
        AppKind::WindowsMobileMsi { per_machine: true } => "Device (per machine)",
        AppKind::WindowsMobileMsi { per_machine: false } => "User (per user)",
        AppKind::WindowsAppX | AppKind::WindowsUniversalAppX => "Set on each assignment",
        AppKind::OfficeSuite | AppKind::MicrosoftEdge => "Device",
        AppKind::Other(_) => "Not tracked by ESP",
    }
}

/// How the list says an intent.
fn intent_label(intent: Intent) -> &'static str {
    match intent {
        Intent::Required => "Required",
        Intent::Available => "Available",
        Intent::Uninstall => "Uninstall",
        Intent::AvailableWithoutEnrollment => "Available without enrollment",
    }
}

/// One assignment in words: "Required: Kiosk devices, filter 'Corporate' (include)".
fn assignment_text(tenant: &Tenant, app: &App, assignment: &AppAssignment) -> String {
    let target = match &assignment.target {
        Target::AllUsers => "All users".to_owned(),
        Target::AllDevices => "All devices".to_owned(),
        Target::Group(id) => group_name(tenant, id),
        Target::ExcludedGroup(id) => format!("excluded {}", group_name(tenant, id)),
    };
    let mut text = format!("{}: {target}", intent_label(assignment.intent));
    if let Some(filter) = &assignment.filter {
        let name = tenant.filter(&filter.id).map_or_else(
            || format!("`{}`", filter.id),
            |f| format!("'{}'", f.display_name),
        );
        text.push_str(&format!(", filter {name} ({})", filter.mode.as_str()));
    }
    if app.kind.context_from_assignment() {
        text.push_str(if assignment.use_device_context {
            ", device context"
        } else {
            ", user context"
        });
    }
    text
}

fn group_name(tenant: &Tenant, id: &GroupId) -> String {
    tenant.group(id).map_or_else(
        || format!("unknown group `{id}`"),
        |g| g.display_name.clone(),
    )
}

const SPEC: ListSpec = ListSpec {
    caption: "Apps",
    columns: &["Name", "Type", "Install context", "Assignments", "Used by"],
    search_label: "Search apps",
    add_label: "Add app",
    one: "app",
    many: "apps",
};

#[component]
pub fn Apps() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let ask = RwSignal::new(None::<Confirmation>);
    let editing = RwSignal::new(None::<Draft>);
    let rows = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            tenant
                .apps
                .iter()
                .map(|app| {
                    let label = app.kind.label().to_owned();
                    let graph_type = app.kind.graph_type().to_owned();
                    Row {
                        id: app.id.to_string(),
                        name: app.display_name.clone(),
                        search: vec![label.clone(), graph_type.clone()],
                        cells: vec![
                            Cell::Named {
                                label,
                                code: graph_type,
                            },
                            Cell::Text(context_label(&app.kind).to_owned()),
                            Cell::Lines {
                                lines: app
                                    .assignments
                                    .iter()
                                    .map(|a| assignment_text(tenant, app, a))
                                    .collect(),
                                empty: "None",
                            },
                            Cell::Text(used_by(&tenant.usage(&CatalogRef::App(app.id.clone())))),
                        ],
                        fixed: None,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let on_edit = Callback::new(move |id: String| {
        if let Some(app) =
            workspace.with_tenant(|tenant| tenant.app(&AppId::from(id.as_str())).cloned())
        {
            editing.set(Some(Draft::of(&app)));
        }
    });
    let on_delete = Callback::new(move |(id, name): (String, String)| {
        delete(
            workspace,
            notices,
            ask,
            CatalogRef::App(AppId::from(id.as_str())),
            name,
        );
    });
    view! {
        <h1>"Apps"</h1>
        <p class="lead">
            "Apps and their assignments. The ESP tracks required Windows apps only, in device setup "
            "or account setup depending on where they install; \"Used by\" counts the profiles that "
            "list an app among their blocking apps."
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

/// One assignment row of the form.
#[derive(Clone, Debug, PartialEq)]
struct AssignmentDraft {
    /// Stable within one form, for the keyed list.
    key: u32,
    intent: Intent,
    /// `all-users`, `all-devices`, `group:<id>` or `exclude:<id>`.
    target: String,
    /// A filter id, or empty for none.
    filter: String,
    filter_mode: FilterMode,
    device_context: bool,
}

fn target_value(target: &Target) -> String {
    match target {
        Target::AllUsers => "all-users".to_owned(),
        Target::AllDevices => "all-devices".to_owned(),
        Target::Group(id) => format!("group:{id}"),
        Target::ExcludedGroup(id) => format!("exclude:{id}"),
    }
}

fn target_of(value: &str) -> Target {
    match value.split_once(':') {
        Some(("group", id)) => Target::Group(GroupId::from(id)),
        Some(("exclude", id)) => Target::ExcludedGroup(GroupId::from(id)),
        _ if value == "all-users" => Target::AllUsers,
        _ => Target::AllDevices,
    }
}

impl AssignmentDraft {
    fn of(key: u32, assignment: &AppAssignment) -> Self {
        AssignmentDraft {
            key,
            intent: assignment.intent,
            target: target_value(&assignment.target),
            filter: assignment
                .filter
                .as_ref()
                .map(|f| f.id.to_string())
                .unwrap_or_default(),
            filter_mode: assignment
                .filter
                .as_ref()
                .map_or(FilterMode::Include, |f| f.mode),
            device_context: assignment.use_device_context,
        }
    }

    fn assignment(&self, kind: &AppKind) -> AppAssignment {
        AppAssignment {
            intent: self.intent,
            target: target_of(&self.target),
            filter: (!self.filter.is_empty()).then(|| AppliedFilter {
                id: FilterId::from(self.filter.as_str()),
                mode: self.filter_mode,
            }),
            use_device_context: kind.context_from_assignment() && self.device_context,
        }
    }
}

/// What the form holds while the user types.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    editing: Option<AppId>,
    name: String,
    graph_type: String,
    run_as_user: bool,
    per_user: bool,
    assignments: Vec<AssignmentDraft>,
    next_key: u32,
    wanted_id: String,
}

impl Draft {
    fn new() -> Self {
        Draft {
            editing: None,
            name: String::new(),
            graph_type: "win32LobApp".to_owned(),
            run_as_user: false,
            per_user: false,
            assignments: Vec::new(),
            next_key: 0,
            wanted_id: String::new(),
        }
    }

    fn of(app: &App) -> Self {
        let assignments: Vec<AssignmentDraft> = (0u32..)
            .zip(&app.assignments)
            .map(|(key, a)| AssignmentDraft::of(key, a))
            .collect();
        Draft {
            editing: Some(app.id.clone()),
            name: app.display_name.clone(),
            graph_type: app.kind.graph_type().to_owned(),
            run_as_user: matches!(
                app.kind,
                AppKind::Win32Lob(RunAs::User)
                    | AppKind::WinGet(RunAs::User)
                    | AppKind::Win32Catalog(RunAs::User)
            ),
            per_user: matches!(app.kind, AppKind::WindowsMobileMsi { per_machine: false }),
            next_key: u32::try_from(assignments.len()).unwrap_or(u32::MAX),
            assignments,
            wanted_id: String::new(),
        }
    }

    /// The app kind the form describes.
    fn kind(&self) -> AppKind {
        let run_as = if self.run_as_user {
            RunAs::User
        } else {
            RunAs::System
        };
        match AppKind::from_graph_type(&self.graph_type) {
            AppKind::Win32Lob(_) => AppKind::Win32Lob(run_as),
            AppKind::WinGet(_) => AppKind::WinGet(run_as),
            AppKind::Win32Catalog(_) => AppKind::Win32Catalog(run_as),
            AppKind::WindowsMobileMsi { .. } => AppKind::WindowsMobileMsi {
                per_machine: !self.per_user,
            },
            other => other,
        }
    }

    fn app(&self, id: AppId) -> App {
        let kind = self.kind();
        App {
            id,
            display_name: self.name.clone(),
            assignments: self
                .assignments
                .iter()
                .map(|a| a.assignment(&kind))
                .collect(),
            kind,
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
    let kind = Memo::new(move |_| editing.with(|d| d.as_ref().map(Draft::kind)));
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
            Some(_) => format!("Edit app '{name}'"),
            None => format!("Add app '{name}'"),
        };
        let outcome = workspace.change(label, |tenant| {
            let id = match &draft.editing {
                Some(id) => id.clone(),
                None => AppId::from(
                    tenant
                        .new_catalog_id(CatalogKind::App, &draft.wanted_id)?
                        .as_str(),
                ),
            };
            tenant.save_app(draft.app(id))
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
                notices.show(NoticeKind::Info, format!("{verb} app '{name}'."));
                close.run(());
            }
            Err(error @ CatalogError::IdTaken(_)) => id_error.set(Some(error.to_string())),
            Err(error) => name_error.set(Some(error.to_string())),
        }
    });
    let type_choices = Signal::derive(move || {
        let current =
            editing.with(|d| d.as_ref().map(|d| d.graph_type.clone()).unwrap_or_default());
        let mut types: Vec<String> = TRACKED_APP_TYPES.iter().map(|t| (*t).to_owned()).collect();
        if !types.contains(&current) {
            types.push(current);
        }
        types
            .into_iter()
            .map(|graph_type| {
                let label = match AppKind::from_graph_type(&graph_type) {
                    AppKind::Other(name) if name.is_empty() => "Unknown type".to_owned(),
                    AppKind::Other(name) => format!("{name} (not tracked by ESP)"),
                    known => format!("{} ({graph_type})", known.label()),
                };
                (graph_type, label)
            })
            .collect::<Vec<_>>()
    });
    // Where the app installs: chosen for Win32 types and LOB MSI, else said.
    let context = Signal::derive(move || match kind.get() {
        Some(AppKind::Win32Lob(_) | AppKind::WinGet(_) | AppKind::Win32Catalog(_)) => {
            ContextChoice::RunAs
        }
        Some(AppKind::WindowsMobileMsi { .. }) => ContextChoice::Msi,
        Some(other) => ContextChoice::Fixed(context_label(&other)),
        None => ContextChoice::Fixed(""),
    });
    let keys = move || {
        editing.with(|d| {
            d.as_ref()
                .map(|d| d.assignments.iter().map(|a| a.key).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let add_assignment = move |_| {
        editing.update(|d| {
            if let Some(d) = d {
                let key = d.next_key;
                d.next_key = d.next_key.saturating_add(1);
                d.assignments.push(AssignmentDraft {
                    key,
                    intent: Intent::Required,
                    target: "all-devices".to_owned(),
                    filter: String::new(),
                    filter_mode: FilterMode::Include,
                    device_context: false,
                });
            }
        });
    };
    let title =
        Signal::derive(move || if adding.get() { "Add app" } else { "Edit app" }.to_owned());
    view! {
        <EditorDialog
            open=Signal::derive(move || editing.with(Option::is_some))
            title
            on_close=close
            on_submit=save
            wide=true
        >
            <TextField
                id="app-name"
                label="Name"
                value=read(|d| d.name.clone())
                on_input=write(|d, value| d.name = value)
                error=name_error
            />
            <SelectField
                id="app-type"
                label="App type"
                choices=type_choices
                value=read(|d| d.graph_type.clone())
                on_change=write(|d, value| d.graph_type = value)
            />
            <SelectField
                id="app-run-as"
                label="Install behavior"
                choices=choices(&[("system", "System (device context)"), ("user", "User (user context)")])
                value=read(|d| if d.run_as_user { "user" } else { "system" }.to_owned())
                on_change=write(|d, value| d.run_as_user = value == "user")
                hidden=Signal::derive(move || context.get() != ContextChoice::RunAs)
            />
            <SelectField
                id="app-msi-context"
                label="Install context"
                choices=choices(&[("device", "Device (per machine)"), ("user", "User (per user)")])
                value=read(|d| if d.per_user { "user" } else { "device" }.to_owned())
                on_change=write(|d, value| d.per_user = value == "user")
                hidden=Signal::derive(move || context.get() != ContextChoice::Msi)
            />
            {move || match context.get() {
                ContextChoice::Fixed(text) if !text.is_empty() => {
                    Some(view! { <p class="tenant-hint">{format!("Install context: {text}.")}</p> })
                }
                _ => None,
            }}
            <fieldset class="assignments">
                <legend>"Assignments"</legend>
                <p class="tenant-hint" hidden=move || !keys().is_empty()>
                    "No assignments: the app installs nowhere."
                </p>
                <KeyedRows
                    each=keys
                    key=|key| key.to_string()
                    children=move |key| view! { <AssignmentRow editing key kind /> }.into_any()
                />
                <button type="button" on:click=add_assignment>
                    "Add assignment"
                </button>
            </fieldset>
            <TextField
                id="app-id"
                label="App ID (optional)"
                value=read(|d| d.wanted_id.clone())
                on_input=write(|d, value| d.wanted_id = value)
                error=id_error
                hidden=Signal::derive(move || !adding.get())
            />
        </EditorDialog>
    }
}

/// Which install-context control the form shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ContextChoice {
    RunAs,
    Msi,
    Fixed(&'static str),
}

/// One assignment of the app form: intent, target, filter and, for AppX types, the context.
#[component]
fn AssignmentRow(
    editing: RwSignal<Option<Draft>>,
    key: u32,
    kind: Memo<Option<AppKind>>,
) -> impl IntoView {
    let workspace = Workspace::get();
    let read = move |get: fn(&AssignmentDraft) -> String| {
        Signal::derive(move || {
            editing.with(|d| {
                d.as_ref()
                    .and_then(|d| d.assignments.iter().find(|a| a.key == key))
                    .map(get)
                    .unwrap_or_default()
            })
        })
    };
    let write = move |set: fn(&mut AssignmentDraft, String)| {
        Callback::new(move |value: String| {
            editing.update(|d| {
                if let Some(a) = d
                    .as_mut()
                    .and_then(|d| d.assignments.iter_mut().find(|a| a.key == key))
                {
                    set(a, value);
                }
            });
        })
    };
    let remove = move |_| {
        editing.update(|d| {
            if let Some(d) = d {
                d.assignments.retain(|a| a.key != key);
            }
        });
    };
    let filter = read(|a| a.filter.clone());
    let device_context = read(|a| a.device_context.to_string());
    let set_device_context = write(|a, value| a.device_context = value == "true");
    let target_choices = Signal::derive(move || {
        let current = read(|a| a.target.clone()).get();
        workspace.with_tenant(|tenant| {
            let mut list = choices(&[("all-users", "All users"), ("all-devices", "All devices")]);
            let groups = |prefix: &str, word: &str| {
                tenant
                    .groups
                    .iter()
                    .map(|g| {
                        (
                            format!("{prefix}:{}", g.id),
                            format!("{word}{}", g.display_name),
                        )
                    })
                    .collect::<Vec<_>>()
            };
            list.extend(groups("group", ""));
            list.extend(groups("exclude", "Exclude "));
            if !list.iter().any(|(value, _)| value == &current) {
                list.push((current.clone(), format!("Unknown group ({current})")));
            }
            list
        })
    });
    let filter_choices = Signal::derive(move || {
        let current = filter.get();
        workspace.with_tenant(|tenant| {
            let mut list = choices(&[("", "None")]);
            list.extend(
                tenant
                    .filters
                    .iter()
                    .map(|f| (f.id.to_string(), f.display_name.clone())),
            );
            if !list.iter().any(|(value, _)| value == &current) {
                list.push((current.clone(), format!("Unknown filter ({current})")));
            }
            list
        })
    });
    let id = |field: &str| format!("assignment-{key}-{field}");
    view! {
        <div class="assignment-row" role="group" aria-label=format!("Assignment {}", key + 1)>
            <SelectField
                id=id("intent")
                label="Assignment type"
                choices=choices(&[("required", "Required"), ("available", "Available"), ("uninstall", "Uninstall")])
                value=read(|a| a.intent.as_str().to_owned())
                on_change=write(|a, value| a.intent = Intent::from_graph(&value).unwrap_or(Intent::Required))
            />
            <SelectField
                id=id("target")
                label="Assigned to"
                choices=target_choices
                value=read(|a| a.target.clone())
                on_change=write(|a, value| a.target = value)
            />
            <SelectField
                id=id("filter")
                label="Filter"
                choices=filter_choices
                value=filter
                on_change=write(|a, value| a.filter = value)
            />
            <SelectField
                id=id("mode")
                label="Filter mode"
                choices=choices(&[("include", "Include filtered devices"), ("exclude", "Exclude filtered devices")])
                value=read(|a| a.filter_mode.as_str().to_owned())
                on_change=write(|a, value| {
                    a.filter_mode = if value == "exclude" { FilterMode::Exclude } else { FilterMode::Include };
                })
                hidden=Signal::derive(move || filter.with(String::is_empty))
            />
            <div
                class="field checkbox"
                hidden=move || !kind.with(|k| k.as_ref().is_some_and(AppKind::context_from_assignment))
            >
                <input
                    id=id("context")
                    type="checkbox"
                    prop:checked=move || device_context.get() == "true"
                    on:change:target=move |event| {
                        set_device_context.run(event.target().checked().to_string());
                    }
                />
                <label for=id("context")>"Install in device context"</label>
            </div>
            <button type="button" class="link-button" on:click=remove>
                {format!("Remove assignment {}", key + 1)}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_round_trip_through_the_select() {
        for target in [
            Target::AllUsers,
            Target::AllDevices,
            Target::Group(GroupId::from("g:1")),
            Target::ExcludedGroup(GroupId::from("g2")),
        ] {
            assert_eq!(target_of(&target_value(&target)), target);
        }
    }

    #[test]
    fn the_form_keeps_the_install_context_of_each_type() {
        let mut draft = Draft::new();
        draft.run_as_user = true;
        assert_eq!(draft.kind(), AppKind::Win32Lob(RunAs::User));
        draft.graph_type = "windowsMobileMSI".into();
        draft.per_user = true;
        assert_eq!(
            draft.kind(),
            AppKind::WindowsMobileMsi { per_machine: false }
        );
        draft.graph_type = "macOSLobApp".into();
        assert_eq!(draft.kind(), AppKind::Other("macOSLobApp".into()));
        for kind in [
            AppKind::WinGet(RunAs::User),
            AppKind::WindowsMobileMsi { per_machine: true },
            AppKind::WindowsAppX,
            AppKind::Other("iosStoreApp".into()),
        ] {
            let app = App {
                id: AppId::from("a"),
                display_name: "A".into(),
                kind: kind.clone(),
                assignments: Vec::new(),
            };
            assert_eq!(Draft::of(&app).kind(), kind);
        }
    }

    #[test]
    fn device_context_is_kept_only_for_appx_types() {
        let row = AssignmentDraft {
            key: 0,
            intent: Intent::Required,
            target: "all-devices".into(),
            filter: String::new(),
            filter_mode: FilterMode::Include,
            device_context: true,
        };
        assert!(row.assignment(&AppKind::WindowsAppX).use_device_context);
        assert!(
            !row.assignment(&AppKind::Win32Lob(RunAs::System))
                .use_device_context
        );
    }
}
