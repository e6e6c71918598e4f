//! The building blocks the Tenant area's pages share: one list, one editor dialog, one text
//! field, one select. Each takes plain data and signals rather than closures of its own type,
//! so the browser downloads their code once instead of once per page (every distinct view type
//! is compiled separately into the wasm).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::catalog::matches;
use super::modal::Modal;
use crate::erased::{content_key, KeyedRows};

/// One cell of a catalog list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    Text(String),
    /// Monospace text (a rule, an id).
    Code(String),
    /// A label with the Graph name under it.
    Named {
        label: String,
        code: String,
    },
    /// One line per item; `empty` when there is none.
    Lines {
        lines: Vec<String>,
        empty: &'static str,
    },
    /// Text marked good or bad (ESP can use a filter or not).
    Verdict {
        good: bool,
        text: String,
    },
}

/// One row of a catalog list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub id: String,
    /// The row header, and the name in the row's button labels.
    pub name: String,
    pub cells: Vec<Cell>,
    /// What the search looks in, besides the name.
    pub search: Vec<String>,
    /// `None`: Edit and Delete; `Some(text)`: that text instead (a built-in object).
    pub fixed: Option<&'static str>,
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

/// What a catalog list shows and does.
#[derive(Clone, Copy)]
pub struct ListSpec {
    /// The table's accessible name ("Groups").
    pub caption: &'static str,
    pub columns: &'static [&'static str],
    pub search_label: &'static str,
    pub add_label: &'static str,
    pub one: &'static str,
    pub many: &'static str,
}

/// A searchable table with an Add button and Edit and Delete in each row.
#[component]
pub fn CatalogList(
    spec: ListSpec,
    rows: Memo<Vec<Row>>,
    on_add: Callback<()>,
    on_edit: Callback<String>,
    on_delete: Callback<(String, String)>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let query = query.get();
        rows.with(|rows| {
            rows.iter()
                .filter(|row| {
                    let mut fields: Vec<&str> = row.search.iter().map(String::as_str).collect();
                    fields.push(&row.name);
                    matches(&query, &fields)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let row = move |row: Row| {
        let actions = match row.fixed {
            Some(text) => view! { <td class="catalog-actions">{text}</td> }.into_any(),
            None => {
                let (edit_id, delete_id, name) = (row.id.clone(), row.id.clone(), row.name.clone());
                view! {
                    <td class="catalog-actions">
                        <button
                            type="button"
                            aria-label=format!("Edit {}", row.name)
                            on:click=move |_| on_edit.run(edit_id.clone())
                        >
                            "Edit"
                        </button>
                        <button
                            type="button"
                            aria-label=format!("Delete {}", row.name)
                            on:click=move |_| on_delete.run((delete_id.clone(), name.clone()))
                        >
                            "Delete"
                        </button>
                    </td>
                }
                .into_any()
            }
        };
        view! {
            <tr>
                <th scope="row">{row.name.clone()}</th>
                {row.cells.into_iter().map(cell).collect_view()}
                {actions}
            </tr>
        }
    };
    view! {
        <div class="list-tools">
            <label class="search">
                {spec.search_label}
                <input
                    type="search"
                    prop:value=move || query.get()
                    on:input:target=move |event| query.set(event.target().value())
                />
            </label>
            <button type="button" class="primary" on:click=move |_| on_add.run(())>
                {spec.add_label}
            </button>
        </div>
        <p class="list-count">
            {move || count_text(shown.with(Vec::len), rows.with(Vec::len), spec.one, spec.many)}
        </p>
        // A wide table scrolls inside its own box on a phone instead of pushing the page
        // sideways; focusable so that a keyboard can scroll it.
        <div
            class="table-scroll"
            role="region"
            aria-label=spec.caption
            tabindex="0"
            hidden=move || shown.with(Vec::is_empty)
        >
        <table class="catalog">
            <caption class="visually-hidden">{spec.caption}</caption>
            <thead>
                <tr>
                    {spec.columns.iter().map(|column| view! { <th scope="col">{*column}</th> }).collect_view()}
                    <th scope="col">
                        <span class="visually-hidden">"Actions"</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                <KeyedRows each=move || shown.get() key=|row| content_key(&row.id, row) children=move |r| row(r).into_any() />
            </tbody>
        </table>
        </div>
    }
}

fn cell(cell: Cell) -> AnyView {
    match cell {
        Cell::Text(text) => view! { <td>{text}</td> }.into_any(),
        Cell::Code(text) => view! {
            <td>
                <code class="rule">{text}</code>
            </td>
        }
        .into_any(),
        Cell::Named { label, code } => view! {
            <td>
                {label}
                <br />
                <code class="muted">{code}</code>
            </td>
        }
        .into_any(),
        Cell::Lines { lines, empty } if lines.is_empty() => view! {
            <td>
                <span class="muted">{empty}</span>
            </td>
        }
        .into_any(),
        Cell::Lines { lines, .. } => view! {
            <td>
                <ul class="plain">{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </td>
        }
        .into_any(),
        Cell::Verdict { good, text } => {
            view! { <td class=if good { "esp-usable" } else { "esp-unusable" }>{text}</td> }.into_any()
        }
    }
}

/// A modal form with a title, the fields given as children, and Cancel and Save.
#[component]
pub fn EditorDialog(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] title: Signal<String>,
    on_close: Callback<()>,
    on_submit: Callback<()>,
    /// Room for rows of fields side by side.
    #[prop(optional)]
    wide: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        on_submit.run(());
    };
    view! {
        <Modal open on_close labelled_by="editor-title">
            <form class=if wide { "editor editor-wide" } else { "editor" } on:submit=submit novalidate>
                <h2 id="editor-title">{move || title.get()}</h2>
                {children()}
                <div class="dialog-buttons">
                    <button type="button" on:click=move |_| on_close.run(())>
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

/// A labelled text input or text area, with an optional hint and the error the form found.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] hint: &'static str,
    /// More ids for `aria-describedby` (a live reading of the value, say).
    #[prop(optional)]
    described_by: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(into, optional)] hidden: Signal<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = [
        (!hint.is_empty()).then_some(hint_id.as_str()),
        Some(error_id.as_str()),
        (!described_by.is_empty()).then_some(described_by),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let invalid = move || error.with(Option::is_some).then_some("true");
    let input = if multiline {
        view! {
            <textarea
                id=id
                class="rule"
                rows="4"
                spellcheck="false"
                prop:value=move || value.get()
                on:input:target=move |event| on_input.run(event.target().value())
                aria-invalid=invalid
                aria-describedby=described
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                type="text"
                autocomplete="off"
                prop:value=move || value.get()
                on:input:target=move |event| on_input.run(event.target().value())
                aria-invalid=invalid
                aria-describedby=described
            />
        }
        .into_any()
    };
    view! {
        <div class="field" hidden=move || hidden.get()>
            <label for=id>{label}</label>
            {input}
            <p id=hint_id class="tenant-hint" hidden=hint.is_empty()>
                {hint}
            </p>
            <p id=error_id class="tenant-field-error" aria-live="polite" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// One choice of a select: (value, label).
pub type Choice = (String, String);

/// A labelled select over `choices`, showing `value`.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(into)] choices: Signal<Vec<Choice>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(into, optional)] hidden: Signal<bool>,
) -> impl IntoView {
    let options = move || {
        let current = value.get();
        choices
            .get()
            .into_iter()
            .map(|(choice, text)| {
                let selected = choice == current;
                view! {
                    <option value=choice prop:selected=selected>
                        {text}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field" hidden=move || hidden.get()>
            <label for=id.clone()>{label}</label>
            <select id=id on:change:target=move |event| on_change.run(event.target().value())>
                {options}
            </select>
        </div>
    }
}

/// Fixed choices, for selects whose options never change.
pub fn choices(list: &[(&str, &str)]) -> Vec<Choice> {
    list.iter()
        .map(|(value, label)| ((*value).to_owned(), (*label).to_owned()))
        .collect()
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
}
