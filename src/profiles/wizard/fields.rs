//! The pieces every step builds its fields from: element ids derived from the core's field keys,
//! the messages shown beside a field, and the Yes/No radio group.

use esp_core::validate::{Finding, Severity};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::Ctx;

/// The element id of a finding's field key: `assignments[2].filter` → `wizard-assignments-2-filter`.
/// Review's links focus this element, and its messages are linked to it.
pub fn dom_id(field: &str) -> String {
    let mut id = String::from("wizard-");
    for c in field.chars() {
        match c {
            'A'..='Z' => {
                id.push('-');
                id.push(c.to_ascii_lowercase());
            }
            '[' | '.' => id.push('-'),
            ']' => {}
            c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => id.push(c),
            _ => id.push('_'),
        }
    }
    id
}

/// The id of the element holding a field's messages (its `aria-describedby`).
pub fn messages_id(field: &str) -> String {
    format!("{}-messages", dom_id(field))
}

/// Focuses an element by id. A container (a radio group, a list row) passes the focus to its
/// checked radio or first control, or takes it itself when it has none.
pub fn focus_by_id(id: &str) {
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    let target = if matches!(
        tag.as_str(),
        "input" | "textarea" | "select" | "button" | "a" | "h2"
    ) {
        Some(element)
    } else {
        element
            .query_selector("input:checked, input, textarea, select, button")
            .ok()
            .flatten()
            .or_else(|| {
                let _ = element.set_attribute("tabindex", "-1");
                Some(element)
            })
    };
    if let Some(html) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = html.focus();
    }
}

/// The errors and warnings a field shows now, linked to its control by id.
#[component]
pub fn FieldMessages(ctx: Ctx, #[prop(into)] field: String) -> impl IntoView {
    let id = messages_id(&field);
    let shown = move || ctx.shown_at(&field);
    move || {
        let findings = shown();
        (!findings.is_empty()).then(|| {
            view! {
                <div class="field-messages" id=id.clone()>
                    {findings.into_iter().map(message).collect_view()}
                </div>
            }
        })
    }
}

fn message(finding: Finding) -> impl IntoView {
    let (class, prefix) = match finding.severity {
        Severity::Error => ("field-error", "Error: "),
        Severity::Warning => ("field-warning", "Warning: "),
    };
    view! {
        <p class=class>
            <span class="visually-hidden">{prefix}</span>
            {finding.message}
        </p>
    }
}

/// A Yes/No setting as a radio group whose name is the admin center's label.
#[component]
pub fn YesNo(
    ctx: Ctx,
    /// The label, exactly as the admin center shows it.
    label: &'static str,
    /// The core's field key, when findings can attach here; otherwise a name for the ids.
    #[prop(into)]
    field: String,
    #[prop(into)] value: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    view! { <Choice ctx label field options=[("Yes", true), ("No", false)] value on_change /> }
}

/// Two mutually exclusive options as a radio group (Yes/No, All/Selected, Include/Exclude).
#[component]
pub fn Choice(
    ctx: Ctx,
    #[prop(into)] label: String,
    #[prop(into)] field: String,
    /// The two options' labels and values (one-way choices are two-valued: a `bool` keeps this
    /// component from being compiled once per value type).
    options: [(&'static str, bool); 2],
    #[prop(into)] value: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let id = dom_id(&field);
    let legend_id = format!("{id}-label");
    let labelled_by = legend_id.clone();
    let (invalid, described_by) = (
        ctx.invalid(field.clone()),
        ctx.described_by(field.clone(), None),
    );
    let radios = options
        .into_iter()
        .map(|(text, option)| {
            let radio_id = format!("{id}-{}", text.to_ascii_lowercase());
            view! {
                <span class="choice-option">
                    <input
                        type="radio"
                        id=radio_id.clone()
                        name=id.clone()
                        prop:checked=move || value.get() == option
                        on:change=move |_| on_change.run(option)
                    />
                    <label for=radio_id>{text}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="field choice"
            id=id.clone()
            role="radiogroup"
            aria-labelledby=labelled_by
            aria-invalid=invalid
            aria-describedby=described_by
        >
            <legend id=legend_id>{label}</legend>
            <div class="choice-options">{radios}</div>
            <FieldMessages ctx field=field />
        </fieldset>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::{dom_id, messages_id};

    #[test]
    fn field_keys_become_element_ids() {
        for (field, id) in [
            ("name", "wizard-name"),
            ("customMessage", "wizard-custom-message"),
            ("selectedApps[3]", "wizard-selected-apps-3"),
            ("assignments[2].filter", "wizard-assignments-2-filter"),
            ("scopeTags", "wizard-scope-tags"),
            ("odd key!", "wizard-odd_key_"),
        ] {
            assert_eq!(dom_id(field), id, "{field}");
        }
        assert_eq!(messages_id("timeout"), "wizard-timeout-messages");
    }
}
