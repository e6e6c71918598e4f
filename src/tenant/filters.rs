//! The assignment filters list: each filter's rule, whether ESP can use it and why not, and an
//! editor that reads the rule as it is typed (errors name the column).

use esp_core::catalog::{CatalogError, CatalogKind, CatalogRef};
use esp_core::filter;
use esp_core::model::{AssignmentFilter, FilterId, WINDOWS_FILTER_PLATFORM};
use esp_core::validate::{filter_availability, FilterAvailability};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::catalog::{delete, matches, used_by, FieldError, SearchField};
use super::groups::count_text;
use super::modal::{ConfirmDialog, Confirmation, Modal};
use crate::state::{NoticeKind, Notices, Workspace};

/// What the list says about ESP and a filter: usable or not, and why.
pub fn esp_use(filter: &AssignmentFilter) -> (bool, String) {
    match filter_availability(filter) {
        FilterAvailability::Usable {
            needs_recent_windows: false,
        } => (true, "Usable".to_owned()),
        FilterAvailability::Usable {
            needs_recent_windows: true,
        } => (
            true,
            "Usable. It reads the model or manufacturer, which ESP honours only on Windows 11 \
             22H2 or 23H2 with KB5035942 or later."
                .to_owned(),
        ),
        FilterAvailability::Unavailable { reason, .. } => (false, format!("Not usable. {reason}")),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: FilterId,
    name: String,
    rule: String,
    usable: bool,
    esp: String,
    used_by: String,
}

#[component]
pub fn Filters() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let query = RwSignal::new(String::new());
    let ask = RwSignal::new(None::<Confirmation>);
    let editing = RwSignal::new(None::<Draft>);
    let rows = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            tenant
                .filters
                .iter()
                .map(|filter| {
                    let (usable, esp) = esp_use(filter);
                    Row {
                        id: filter.id.clone(),
                        name: filter.display_name.clone(),
                        rule: filter.rule.clone(),
                        usable,
                        esp,
                        used_by: used_by(&tenant.usage(&CatalogRef::Filter(filter.id.clone()))),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        let query = query.get();
        rows.with(|rows| {
            rows.iter()
                .filter(|row| matches(&query, &[&row.name, &row.rule]))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let edit = move |id: FilterId| {
        if let Some(filter) = workspace.with_tenant(|tenant| tenant.filter(&id).cloned()) {
            editing.set(Some(Draft::of(&filter)));
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
                CatalogRef::Filter(id.clone()),
                name.clone(),
            )
        };
        view! {
            <tr>
                <th scope="row">{row.name.clone()}</th>
                <td>
                    <code class="rule">{row.rule.clone()}</code>
                </td>
                <td class=if row.usable { "esp-usable" } else { "esp-unusable" }>{row.esp.clone()}</td>
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
        <h1>"Assignment filters"</h1>
        <p class="lead">
            "Filters narrow an assignment to the devices whose properties match a rule. ESP "
            "assignments can use only Windows filters that read model, manufacturer, osVersion, "
            "operatingSystemSKU, deviceOwnership or enrollmentProfileName."
        </p>
        <div class="list-tools">
            <SearchField query label="Search filters" />
            <button type="button" class="primary" on:click=move |_| editing.set(Some(Draft::new()))>
                "Add filter"
            </button>
        </div>
        <p class="list-count">
            {move || count_text(shown.with(Vec::len), rows.with(Vec::len), "filter", "filters")}
        </p>
        <table class="catalog" hidden=move || shown.with(Vec::is_empty)>
            <caption class="visually-hidden">"Assignment filters"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Rule"</th>
                    <th scope="col">"Use in ESP"</th>
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

#[derive(Clone, Debug, PartialEq)]
struct Draft {
    editing: Option<FilterId>,
    platform: String,
    name: String,
    rule: String,
    wanted_id: String,
}

impl Draft {
    fn new() -> Self {
        Draft {
            editing: None,
            platform: WINDOWS_FILTER_PLATFORM.to_owned(),
            name: String::new(),
            rule: String::new(),
            wanted_id: String::new(),
        }
    }

    fn of(filter: &AssignmentFilter) -> Self {
        Draft {
            editing: Some(filter.id.clone()),
            platform: filter.platform.clone(),
            name: filter.display_name.clone(),
            rule: filter.rule.clone(),
            wanted_id: String::new(),
        }
    }
}

/// What the editor says about the rule as typed: the error, or how it reads and what ESP makes
/// of it.
#[derive(Clone, Debug, PartialEq)]
enum RuleState {
    Empty,
    Error(String),
    Read {
        normalized: String,
        usable: bool,
        esp: String,
        warnings: Vec<String>,
    },
}

fn rule_state(draft: &Draft) -> RuleState {
    if draft.rule.trim().is_empty() {
        return RuleState::Empty;
    }
    match filter::parse(&draft.rule) {
        Err(error) => RuleState::Error(format!("This rule cannot be read: {error}.")),
        Ok(rule) => {
            let (usable, esp) = esp_use(&AssignmentFilter {
                id: FilterId::from("draft"),
                display_name: draft.name.clone(),
                platform: draft.platform.clone(),
                rule: draft.rule.clone(),
            });
            RuleState::Read {
                normalized: rule.to_normalized_string(),
                usable,
                esp,
                warnings: rule
                    .value_warnings()
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            }
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
    let state =
        Memo::new(move |_| editing.with(|d| d.as_ref().map_or(RuleState::Empty, rule_state)));
    let rule_error = Signal::derive(move || match state.get() {
        RuleState::Error(error) => Some(error),
        _ => None,
    });
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
            Some(_) => format!("Edit filter '{name}'"),
            None => format!("Add filter '{name}'"),
        };
        let outcome = workspace.change(label, |tenant| {
            let id = match &draft.editing {
                Some(id) => id.clone(),
                None => FilterId::from(
                    tenant
                        .new_catalog_id(CatalogKind::Filter, &draft.wanted_id)?
                        .as_str(),
                ),
            };
            tenant.save_filter(AssignmentFilter {
                id,
                display_name: draft.name.clone(),
                platform: draft.platform.clone(),
                rule: draft.rule.clone(),
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
                notices.show(NoticeKind::Info, format!("{verb} filter '{name}'."));
                close.run(());
            }
            Err(error @ CatalogError::IdTaken(_)) => id_error.set(Some(error.to_string())),
            // The rule's error is already on screen, under the rule.
            Err(CatalogError::Rule(_)) => {}
            Err(error) => name_error.set(Some(error.to_string())),
        }
    };
    let title = move || {
        if adding() {
            "Add filter"
        } else {
            "Edit filter"
        }
    };
    view! {
        <Modal open=Signal::derive(move || editing.with(Option::is_some)) on_close=close labelled_by="filter-editor-title">
            <form class="editor" on:submit=submit novalidate>
                <h2 id="filter-editor-title">{title}</h2>
                <div class="field">
                    <label for="filter-name">"Name"</label>
                    <input
                        id="filter-name"
                        type="text"
                        autocomplete="off"
                        prop:value=field(|d| d.name.clone())
                        on:input:target=move |event| {
                            let value = event.target().value();
                            update(&|d| d.name = value.clone());
                        }
                        aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                        aria-describedby="filter-name-error"
                    />
                    <FieldError id="filter-name-error" error=name_error />
                </div>
                <div class="field">
                    <label for="filter-rule">"Rule"</label>
                    <textarea
                        id="filter-rule"
                        class="rule"
                        rows="4"
                        spellcheck="false"
                        prop:value=field(|d| d.rule.clone())
                        on:input:target=move |event| {
                            let value = event.target().value();
                            update(&|d| d.rule = value.clone());
                        }
                        aria-invalid=move || rule_error.with(Option::is_some).then_some("true")
                        aria-describedby="filter-rule-hint filter-rule-error filter-rule-reading"
                    ></textarea>
                    <p id="filter-rule-hint" class="hint">
                        "For example: (device.deviceOwnership -eq \"Corporate\") and (device.model -startsWith \"Surface\")"
                    </p>
                    <p id="filter-rule-error" class="field-error" hidden=move || rule_error.with(Option::is_none)>
                        {move || rule_error.get().unwrap_or_default()}
                    </p>
                    <div id="filter-rule-reading" class="rule-reading">
                        {move || match state.get() {
                            RuleState::Read { normalized, usable, esp, warnings } => {
                                view! {
                                    <p>
                                        "Read as: " <code class="rule">{normalized}</code>
                                    </p>
                                    <p class=if usable { "esp-usable" } else { "esp-unusable" }>
                                        "Use in ESP: "
                                        {esp}
                                    </p>
                                    {warnings
                                        .into_iter()
                                        .map(|warning| view! { <p class="warning">{warning}</p> })
                                        .collect_view()}
                                }
                                    .into_any()
                            }
                            _ => ().into_any(),
                        }}
                    </div>
                </div>
                <Show when=adding>
                    <div class="field">
                        <label for="filter-id">"Filter ID (optional)"</label>
                        <input
                            id="filter-id"
                            type="text"
                            autocomplete="off"
                            prop:value=field(|d| d.wanted_id.clone())
                            on:input:target=move |event| {
                                let value = event.target().value();
                                update(&|d| d.wanted_id = value.clone());
                            }
                            aria-invalid=move || id_error.with(Option::is_some).then_some("true")
                            aria-describedby="filter-id-error"
                        />
                        <FieldError id="filter-id-error" error=id_error />
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

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(rule: &str) -> Draft {
        Draft {
            rule: rule.to_owned(),
            ..Draft::new()
        }
    }

    #[test]
    fn the_editor_reads_the_rule_as_typed() {
        assert_eq!(rule_state(&draft("  ")), RuleState::Empty);
        let RuleState::Error(error) = rule_state(&draft("(device.model -match \"x\")")) else {
            panic!("a parse error");
        };
        assert!(error.starts_with("This rule cannot be read: "), "{error}");
        assert!(error.contains("column 15"), "{error}");
        let RuleState::Read {
            normalized, usable, ..
        } = rule_state(&draft("device.deviceName -eq \"x\""))
        else {
            panic!("a rule");
        };
        assert_eq!(normalized, "(device.deviceName -eq \"x\")");
        assert!(!usable);
    }
}
