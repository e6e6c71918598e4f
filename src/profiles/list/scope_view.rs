//! "View as": the list as an admin scoped to some role scope tags sees it (DOMAIN §1.4).

use esp_core::model::ScopeTagId;
use esp_core::AdminScope;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::rows::scope_tag_choices;
use crate::erased::{key_of, KeyedRows};
use crate::state::Workspace;

/// The list's saved state (the `list` section of the workspace).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListState {
    /// The scope tag ids the list is viewed as; none is an admin without scope tags.
    pub view_as: Vec<String>,
}

impl ListState {
    /// The admin the list is viewed as.
    pub fn scope(&self) -> AdminScope {
        if self.view_as.is_empty() {
            AdminScope::everything()
        } else {
            AdminScope::tags(self.view_as.iter().map(|id| ScopeTagId::from(id.as_str())))
        }
    }

    fn toggle(&mut self, id: &str, on: bool) {
        self.view_as.retain(|tag| tag != id);
        if on {
            self.view_as.push(id.to_owned());
        }
    }
}

/// Checkboxes: *All (no scope)*, then one per scope tag of the tenant.
#[component]
pub fn ViewAs(state: RwSignal<ListState>) -> impl IntoView {
    let workspace = Workspace::get();
    let choices = Memo::new(move |_| workspace.with_tenant(scope_tag_choices));
    let unscoped = move || state.with(|s| s.view_as.is_empty());
    view! {
        <fieldset class="view-as">
            <legend>"View as"</legend>
            <label>
                <input
                    type="checkbox"
                    prop:checked=unscoped
                    on:change:target=move |ev| {
                        if ev.target().checked() {
                            state.update(|s| s.view_as.clear());
                        } else {
                            // Nothing chosen is the unscoped admin: the box stays ticked until a tag is.
                            ev.target().set_checked(true);
                        }
                    }
                />
                "All (no scope)"
            </label>
            <KeyedRows
                each=move || choices.get()
                key=|(id, name)| key_of(&[id, name])
                children=move |(id, name)| {
                    let checked = {
                        let id = id.clone();
                        move || state.with(|s| s.view_as.contains(&id))
                    };
                    view! {
                        <label>
                            <input
                                type="checkbox"
                                prop:checked=checked
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    state.update(|s| s.toggle(&id, on));
                                }
                            />
                            {name}
                        </label>
                    }
                    .into_any()
                }
            />
            <p class="view-as-hint">
                {move || {
                    if unscoped() {
                        "An admin without scope tags sees and reorders every profile.".to_owned()
                    } else {
                        "Only profiles carrying one of these tags are shown, at their true priorities; they can move only among their own positions."
                            .to_owned()
                    }
                }}
            </p>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::ListState;

    #[test]
    fn no_tag_is_the_unscoped_admin() {
        let mut state = ListState::default();
        assert!(state.scope().is_unscoped());
        state.toggle("2", true);
        state.toggle("1", true);
        state.toggle("2", false);
        assert_eq!(state.view_as, vec!["1"]);
        assert!(!state.scope().is_unscoped());
    }

    #[test]
    fn the_saved_state_reads_back_and_tolerates_missing_fields() {
        let state: ListState = serde_json::from_str(r#"{"viewAs":["3"]}"#).unwrap_or_default();
        assert_eq!(state.view_as, vec!["3"]);
        let empty: ListState = serde_json::from_str("{}").unwrap_or_default();
        assert_eq!(empty, ListState::default());
    }
}
