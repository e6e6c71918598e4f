//! The assignment filters list: each filter's rule, whether ESP can use it and why not, and an
//! editor that reads the rule as it is typed (errors name the column).

use esp_core::catalog::{CatalogError, CatalogKind, CatalogRef};
use esp_core::filter;
use esp_core::model::{AssignmentFilter, FilterId, WINDOWS_FILTER_PLATFORM};
use esp_core::validate::{filter_availability, FilterAvailability};
use leptos::prelude::*;

use super::catalog::{delete, used_by};
use super::modal::{ConfirmDialog, Confirmation};
use super::ui::{CatalogList, Cell, EditorDialog, ListSpec, Row, TextField};
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

const SPEC: ListSpec = ListSpec {
    caption: "Assignment filters",
    columns: &["Name", "Rule", "Use in ESP", "Used by"],
    search_label: "Search filters",
    add_label: "Add filter",
    one: "filter",
    many: "filters",
};

#[component]
pub fn Filters() -> impl IntoView {
    let workspace = Workspace::get();
    let notices = Notices::get();
    let ask = RwSignal::new(None::<Confirmation>);
    let editing = RwSignal::new(None::<Draft>);
    let rows = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            tenant
                .filters
                .iter()
                .map(|filter| {
                    let (good, text) = esp_use(filter);
                    Row {
                        id: filter.id.to_string(),
                        name: filter.display_name.clone(),
                        search: vec![filter.rule.clone()],
                        cells: vec![
                            Cell::Code(filter.rule.clone()),
                            Cell::Verdict { good, text },
                            Cell::Text(used_by(
                                &tenant.usage(&CatalogRef::Filter(filter.id.clone())),
                            )),
                        ],
                        fixed: None,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let on_edit = Callback::new(move |id: String| {
        let filter =
            workspace.with_tenant(|tenant| tenant.filter(&FilterId::from(id.as_str())).cloned());
        if let Some(filter) = filter {
            editing.set(Some(Draft::of(&filter)));
        }
    });
    let on_delete = Callback::new(move |(id, name): (String, String)| {
        delete(
            workspace,
            notices,
            ask,
            CatalogRef::Filter(FilterId::from(id.as_str())),
            name,
        );
    });
    view! {
        <h1>"Assignment filters"</h1>
        <p class="lead">
            "Filters narrow an assignment to the devices whose properties match a rule. ESP "
            "assignments can use only Windows filters that read model, manufacturer, osVersion, "
            "operatingSystemSKU, deviceOwnership or enrollmentProfileName."
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
    let adding =
        Signal::derive(move || editing.with(|d| d.as_ref().is_some_and(|d| d.editing.is_none())));
    let state =
        Memo::new(move |_| editing.with(|d| d.as_ref().map_or(RuleState::Empty, rule_state)));
    let rule_error = Signal::derive(move || match state.get() {
        RuleState::Error(error) => Some(error),
        _ => None,
    });
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
    });
    let title = Signal::derive(move || {
        if adding.get() {
            "Add filter"
        } else {
            "Edit filter"
        }
        .to_owned()
    });
    let reading = move || match state.get() {
        RuleState::Read {
            normalized,
            usable,
            esp,
            warnings,
        } => {
            let mut lines = vec![format!("Read as: {normalized}")];
            lines.push(format!("Use in ESP: {esp}"));
            lines.extend(warnings);
            (usable, lines)
        }
        _ => (true, Vec::new()),
    };
    view! {
        <EditorDialog open=Signal::derive(move || editing.with(Option::is_some)) title on_close=close on_submit=save>
            <TextField
                id="filter-name"
                label="Name"
                value=read(|d| d.name.clone())
                on_input=write(|d, value| d.name = value)
                error=name_error
            />
            <TextField
                id="filter-rule"
                label="Rule"
                multiline=true
                hint="For example: (device.deviceOwnership -eq \"Corporate\") and (device.model -startsWith \"Surface\")"
                described_by="filter-rule-reading"
                value=read(|d| d.rule.clone())
                on_input=write(|d, value| d.rule = value)
                error=rule_error
            />
            <div id="filter-rule-reading" class="rule-reading">
                {move || {
                    let (usable, lines) = reading();
                    let class = if usable { "esp-usable" } else { "esp-unusable" };
                    lines
                        .into_iter()
                        .enumerate()
                        .map(|(n, line)| view! { <p class=(n == 1).then_some(class)>{line}</p> })
                        .collect_view()
                }}
            </div>
            <TextField
                id="filter-id"
                label="Filter ID (optional)"
                value=read(|d| d.wanted_id.clone())
                on_input=write(|d, value| d.wanted_id = value)
                error=id_error
                hidden=Signal::derive(move || !adding.get())
            />
        </EditorDialog>
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
