//! The apps list: each app's Graph type, where it installs, and its assignments (required,
//! available or uninstall, to groups, All users or All devices), with an editor for all three.

use esp_core::catalog::{CatalogError, CatalogKind, CatalogRef};
use esp_core::model::{
    App, AppAssignment, AppId, AppKind, AppliedFilter, FilterId, FilterMode, GroupId, Intent,
    RunAs, Target, Tenant, TRACKED_APP_TYPES,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::catalog::{delete, matches, used_by, FieldError, SearchField};
use super::groups::count_text;
use super::modal::{ConfirmDialog, Confirmation, Modal};
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

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: AppId,
    name: String,
    kind_label: String,
    graph_type: String,
    context: &'static str,
    assignments: Vec<String>,
    used_by: String,
}

#[component]
pub fn Apps() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let query = RwSignal::new(String::new());
    let ask = RwSignal::new(None::<Confirmation>);
    let editing = RwSignal::new(None::<Draft>);
    let rows = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            tenant
                .apps
                .iter()
                .map(|app| Row {
                    id: app.id.clone(),
                    name: app.display_name.clone(),
                    kind_label: app.kind.label().to_owned(),
                    graph_type: app.kind.graph_type().to_owned(),
                    context: context_label(&app.kind),
                    assignments: app
                        .assignments
                        .iter()
                        .map(|a| assignment_text(tenant, app, a))
                        .collect(),
                    used_by: used_by(&tenant.usage(&CatalogRef::App(app.id.clone()))),
                })
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        let query = query.get();
        rows.with(|rows| {
            rows.iter()
                .filter(|row| matches(&query, &[&row.name, &row.kind_label, &row.graph_type]))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let edit = move |id: AppId| {
        if let Some(app) = workspace.with_tenant(|tenant| tenant.app(&id).cloned()) {
            editing.set(Some(Draft::of(&app)));
        }
    };
    let row = move |row: Row| {
        let (id, name) = (row.id.clone(), row.name.clone());
        let edit_id = row.id.clone();
        let delete_row = move |_| {
            delete(
                workspace,
                notices,
                ask,
                CatalogRef::App(id.clone()),
                name.clone(),
            )
        };
        let assignments = if row.assignments.is_empty() {
            view! { <span class="muted">"None"</span> }.into_any()
        } else {
            view! {
                <ul class="plain">
                    {row.assignments.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <tr>
                <th scope="row">{row.name.clone()}</th>
                <td>
                    {row.kind_label.clone()}
                    <br />
                    <code class="muted">{row.graph_type.clone()}</code>
                </td>
                <td>{row.context}</td>
                <td>{assignments}</td>
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
        <h1>"Apps"</h1>
        <p class="lead">
            "Apps and their assignments. The ESP tracks required Windows apps only, in device setup "
            "or account setup depending on where they install; \"Used by\" counts the profiles that "
            "list an app among their blocking apps."
        </p>
        <div class="list-tools">
            <SearchField query label="Search apps" />
            <button type="button" class="primary" on:click=move |_| editing.set(Some(Draft::new()))>
                "Add app"
            </button>
        </div>
        <p class="list-count">
            {move || count_text(shown.with(Vec::len), rows.with(Vec::len), "app", "apps")}
        </p>
        <table class="catalog" hidden=move || shown.with(Vec::is_empty)>
            <caption class="visually-hidden">"Apps"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Type"</th>
                    <th scope="col">"Install context"</th>
                    <th scope="col">"Assignments"</th>
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
    let kind = Memo::new(move |_| editing.with(|d| d.as_ref().map(Draft::kind)));
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
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
    };
    let type_options = move || {
        let current =
            editing.with(|d| d.as_ref().map(|d| d.graph_type.clone()).unwrap_or_default());
        let mut types: Vec<String> = TRACKED_APP_TYPES.iter().map(|t| (*t).to_owned()).collect();
        if !types.iter().any(|t| t == &current) {
            types.push(current.clone());
        }
        types
            .into_iter()
            .map(|graph_type| {
                let label = match AppKind::from_graph_type(&graph_type) {
                    AppKind::Other(name) if name.is_empty() => "Unknown type".to_owned(),
                    AppKind::Other(name) => format!("{name} (not tracked by ESP)"),
                    known => format!("{} ({graph_type})", known.label()),
                };
                let selected = graph_type == current;
                view! {
                    <option value=graph_type prop:selected=selected>
                        {label}
                    </option>
                }
            })
            .collect_view()
    };
    let context_field = move || match kind.get() {
        Some(
            AppKind::Win32Lob(run_as) | AppKind::WinGet(run_as) | AppKind::Win32Catalog(run_as),
        ) => view! {
            <div class="field">
                <label for="app-context">"Install behavior"</label>
                <select
                    id="app-context"
                    on:change:target=move |event| {
                        let user = event.target().value() == "user";
                        update(&|d| d.run_as_user = user);
                    }
                >
                    <option value="system" prop:selected=run_as == RunAs::System>
                        "System (device context)"
                    </option>
                    <option value="user" prop:selected=run_as == RunAs::User>
                        "User (user context)"
                    </option>
                </select>
            </div>
        }
        .into_any(),
        Some(AppKind::WindowsMobileMsi { per_machine }) => view! {
            <div class="field">
                <label for="app-context">"Install context"</label>
                <select
                    id="app-context"
                    on:change:target=move |event| {
                        let user = event.target().value() == "user";
                        update(&|d| d.per_user = user);
                    }
                >
                    <option value="device" prop:selected=per_machine>
                        "Device (per machine)"
                    </option>
                    <option value="user" prop:selected=!per_machine>
                        "User (per user)"
                    </option>
                </select>
            </div>
        }
        .into_any(),
        Some(other) => view! {
            <p class="hint">"Install context: " {context_label(&other)} "."</p>
        }
        .into_any(),
        None => ().into_any(),
    };
    let add_assignment = move |_| {
        update(&|d| {
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
        });
    };
    let keys = move || {
        editing.with(|d| {
            d.as_ref()
                .map(|d| d.assignments.iter().map(|a| a.key).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let title = move || if adding() { "Add app" } else { "Edit app" };
    view! {
        <Modal open=Signal::derive(move || editing.with(Option::is_some)) on_close=close labelled_by="app-editor-title">
            <form class="editor editor-wide" on:submit=submit novalidate>
                <h2 id="app-editor-title">{title}</h2>
                <div class="field">
                    <label for="app-name">"Name"</label>
                    <input
                        id="app-name"
                        type="text"
                        autocomplete="off"
                        prop:value=field(|d| d.name.clone())
                        on:input:target=move |event| {
                            let value = event.target().value();
                            update(&|d| d.name = value.clone());
                        }
                        aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                        aria-describedby="app-name-error"
                    />
                    <FieldError id="app-name-error" error=name_error />
                </div>
                <div class="field">
                    <label for="app-type">"App type"</label>
                    <select
                        id="app-type"
                        on:change:target=move |event| {
                            let value = event.target().value();
                            update(&|d| d.graph_type = value.clone());
                        }
                    >
                        {type_options}
                    </select>
                </div>
                {context_field}
                <fieldset class="assignments">
                    <legend>"Assignments"</legend>
                    <p class="hint" hidden=move || !keys().is_empty()>
                        "No assignments: the app installs nowhere."
                    </p>
                    <For
                        each=keys
                        key=|key| *key
                        children=move |key| view! { <AssignmentRow editing key kind /> }
                    />
                    <button type="button" on:click=add_assignment>
                        "Add assignment"
                    </button>
                </fieldset>
                <Show when=adding>
                    <div class="field">
                        <label for="app-id">"App ID (optional)"</label>
                        <input
                            id="app-id"
                            type="text"
                            autocomplete="off"
                            prop:value=field(|d| d.wanted_id.clone())
                            on:input:target=move |event| {
                                let value = event.target().value();
                                update(&|d| d.wanted_id = value.clone());
                            }
                            aria-invalid=move || id_error.with(Option::is_some).then_some("true")
                            aria-describedby="app-id-error"
                        />
                        <FieldError id="app-id-error" error=id_error />
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

/// One assignment of the app form: intent, target, filter and, for AppX types, the context.
#[component]
fn AssignmentRow(
    editing: RwSignal<Option<Draft>>,
    key: u32,
    kind: Memo<Option<AppKind>>,
) -> impl IntoView {
    let workspace = Workspace::get();
    let read = move |get: fn(&AssignmentDraft) -> String| {
        move || {
            editing.with(|d| {
                d.as_ref()
                    .and_then(|d| d.assignments.iter().find(|a| a.key == key))
                    .map(get)
                    .unwrap_or_default()
            })
        }
    };
    let update = move |change: &dyn Fn(&mut AssignmentDraft)| {
        editing.update(|d| {
            if let Some(a) = d
                .as_mut()
                .and_then(|d| d.assignments.iter_mut().find(|a| a.key == key))
            {
                change(a);
            }
        });
    };
    let remove = move |_| {
        editing.update(|d| {
            if let Some(d) = d {
                d.assignments.retain(|a| a.key != key);
            }
        });
    };
    let intent = read(|a| a.intent.as_str().to_owned());
    let target = read(|a| a.target.clone());
    let filter = read(|a| a.filter.clone());
    let mode = read(|a| a.filter_mode.as_str().to_owned());
    let device_context = move || read(|a| a.device_context.to_string())() == "true";
    let id = |field: &str| format!("assignment-{key}-{field}");
    let target_options = move || {
        let current = target();
        let (groups, known) = workspace.with_tenant(|tenant| {
            let groups: Vec<(String, String)> = tenant
                .groups
                .iter()
                .map(|g| (g.id.to_string(), g.display_name.clone()))
                .collect();
            let known = current == "all-users"
                || current == "all-devices"
                || groups.iter().any(|(id, _)| {
                    current == format!("group:{id}") || current == format!("exclude:{id}")
                });
            (groups, known)
        });
        let option = |value: String, label: String, current: &str| {
            let selected = value == current;
            view! {
                <option value=value prop:selected=selected>
                    {label}
                </option>
            }
        };
        view! {
            {option("all-users".into(), "All users".into(), &current)}
            {option("all-devices".into(), "All devices".into(), &current)}
            {(!known)
                .then(|| option(current.clone(), format!("Unknown group ({current})"), &current))}
            <optgroup label="Include group">
                {groups
                    .iter()
                    .map(|(id, name)| option(format!("group:{id}"), name.clone(), &current))
                    .collect_view()}
            </optgroup>
            <optgroup label="Exclude group">
                {groups
                    .iter()
                    .map(|(id, name)| option(format!("exclude:{id}"), format!("Exclude {name}"), &current))
                    .collect_view()}
            </optgroup>
        }
    };
    let filter_options = move || {
        let current = filter();
        let filters: Vec<(String, String)> = workspace.with_tenant(|tenant| {
            tenant
                .filters
                .iter()
                .map(|f| (f.id.to_string(), f.display_name.clone()))
                .collect()
        });
        let unknown = !current.is_empty() && !filters.iter().any(|(id, _)| id == &current);
        view! {
            <option value="" prop:selected=current.is_empty()>
                "None"
            </option>
            {unknown
                .then(|| {
                    view! {
                        <option value=current.clone() prop:selected=true>
                            {format!("Unknown filter ({current})")}
                        </option>
                    }
                })}
            {filters
                .into_iter()
                .map(|(id, name)| {
                    let selected = id == current;
                    view! {
                        <option value=id prop:selected=selected>
                            {name}
                        </option>
                    }
                })
                .collect_view()}
        }
    };
    view! {
        <div class="assignment-row" role="group" aria-label=move || format!("Assignment {}", key + 1)>
            <div class="field">
                <label for=id("intent")>"Assignment type"</label>
                <select
                    id=id("intent")
                    on:change:target=move |event| {
                        let value = Intent::from_graph(&event.target().value()).unwrap_or(Intent::Required);
                        update(&|a| a.intent = value);
                    }
                >
                    {[Intent::Required, Intent::Available, Intent::Uninstall]
                        .map(|choice| {
                            view! {
                                <option value=choice.as_str() prop:selected=move || intent() == choice.as_str()>
                                    {intent_label(choice)}
                                </option>
                            }
                        })}
                </select>
            </div>
            <div class="field">
                <label for=id("target")>"Assigned to"</label>
                <select
                    id=id("target")
                    on:change:target=move |event| {
                        let value = event.target().value();
                        update(&|a| a.target = value.clone());
                    }
                >
                    {target_options}
                </select>
            </div>
            <div class="field">
                <label for=id("filter")>"Filter"</label>
                <select
                    id=id("filter")
                    on:change:target=move |event| {
                        let value = event.target().value();
                        update(&|a| a.filter = value.clone());
                    }
                >
                    {filter_options}
                </select>
            </div>
            <div class="field" hidden=move || filter().is_empty()>
                <label for=id("mode")>"Filter mode"</label>
                <select
                    id=id("mode")
                    on:change:target=move |event| {
                        let exclude = event.target().value() == "exclude";
                        update(&|a| {
                            a.filter_mode = if exclude { FilterMode::Exclude } else { FilterMode::Include };
                        });
                    }
                >
                    <option value="include" prop:selected=move || mode() == "include">
                        "Include filtered devices"
                    </option>
                    <option value="exclude" prop:selected=move || mode() == "exclude">
                        "Exclude filtered devices"
                    </option>
                </select>
            </div>
            <div
                class="field checkbox"
                hidden=move || !kind.with(|k| k.as_ref().is_some_and(AppKind::context_from_assignment))
            >
                <input
                    id=id("context")
                    type="checkbox"
                    prop:checked=device_context
                    on:change:target=move |event| {
                        let checked = event.target().checked();
                        update(&|a| a.device_context = checked);
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
