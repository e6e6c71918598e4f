//! Scope tags: pick from the tenant's role scope tags; with none chosen, the profile carries
//! *Default*.

use esp_core::model::{ScopeTagId, DEFAULT_SCOPE_TAG_ID, DEFAULT_SCOPE_TAG_NAME};
use esp_core::Tenant;
use leptos::prelude::*;

use crate::erased::{key_of, KeyedRows};

use super::context::Ctx;
use super::fields::{dom_id, FieldMessages};

/// The tags a profile can carry: *Default* first, then the tenant's others by name.
pub fn tag_choices(tenant: &Tenant) -> Vec<(ScopeTagId, String)> {
    let mut others: Vec<(ScopeTagId, String)> = tenant
        .scope_tags
        .iter()
        .filter(|t| t.id.as_str() != DEFAULT_SCOPE_TAG_ID)
        .map(|t| (t.id.clone(), t.display_name.clone()))
        .collect();
    others.sort_by_cached_key(|(_, name)| name.to_lowercase());
    let default = (
        ScopeTagId::from(DEFAULT_SCOPE_TAG_ID),
        tenant
            .scope_tag_name(&ScopeTagId::from(DEFAULT_SCOPE_TAG_ID))
            .unwrap_or(DEFAULT_SCOPE_TAG_NAME)
            .to_owned(),
    );
    std::iter::once(default).chain(others).collect()
}

#[component]
pub fn ScopeTags(ctx: Ctx) -> impl IntoView {
    let choices = Memo::new(move |_| ctx.with_tenant(tag_choices));
    let chosen = Memo::new(move |_| ctx.with(|d| d.profile.scope_tags.clone()));
    // Chosen ids the tenant does not know (an import): listed so they can be removed.
    let unknown = move || {
        chosen.with(|ids| {
            ids.iter()
                .enumerate()
                .filter(|(_, id)| choices.with(|c| !c.iter().any(|(known, _)| known == *id)))
                .map(|(i, id)| (i, id.clone()))
                .collect::<Vec<_>>()
        })
    };
    let field_id = dom_id("scopeTags");
    let note_id = format!("{field_id}-note");
    let described_by = ctx.described_by("scopeTags".to_owned(), Some(note_id.clone()));
    view! {
        <fieldset
            class="field scope-tags"
            id=field_id
            aria-labelledby="wizard-scope-tags-label"
            aria-invalid=ctx.invalid("scopeTags")
            aria-describedby=described_by
        >
            <legend id="wizard-scope-tags-label">"Scope tags"</legend>
            <p class="hint" id=note_id aria-live="polite">
                {move || {
                    if chosen.with(Vec::is_empty) {
                        "No scope tag is chosen, so the profile gets Default.".to_owned()
                    } else {
                        let n = chosen.with(Vec::len);
                        format!("{n} scope {} chosen.", if n == 1 { "tag" } else { "tags" })
                    }
                }}
            </p>
            <ul class="tag-choices">
                <KeyedRows
                    each=move || choices.get()
                    key=|(id, name)| key_of(&[id.as_str(), name])
                    children=move |(id, name)| {
                        let input_id = format!("wizard-scope-tag-{}", id.as_str().replace(|c: char| !c.is_ascii_alphanumeric(), "_"));
                        let checked_id = id.clone();
                        view! {
                            <li>
                                <input
                                    type="checkbox"
                                    id=input_id.clone()
                                    prop:checked=move || chosen.with(|c| c.contains(&checked_id))
                                    on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        let id = id.clone();
                                        ctx.update(|d| {
                                            let tags = &mut d.profile.scope_tags;
                                            if on && !tags.contains(&id) {
                                                tags.push(id);
                                            } else if !on {
                                                tags.retain(|t| t != &id);
                                            }
                                        });
                                    }
                                />
                                <label for=input_id>{name}</label>
                            </li>
                        }
                        .into_any()
                    }
                />
            </ul>
            <KeyedRows
                each=unknown
                key=|(i, id)| key_of(&[&i.to_string(), id.as_str()])
                children=move |(i, id)| {
                    let field = format!("scopeTags[{i}]");
                    let remove_id = id.clone();
                    let row_id = dom_id(&field);
                    view! {
                        <div class="unknown-tag" id=row_id>
                            <span>{format!("Scope tag `{id}`")}</span>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    let id = remove_id.clone();
                                    ctx.update(|d| d.profile.scope_tags.retain(|t| t != &id));
                                }
                            >
                                "Remove"
                                <span class="visually-hidden">{format!(" scope tag {id}")}</span>
                            </button>
                            <FieldMessages ctx field=field />
                        </div>
                    }
                    .into_any()
                }
            />
            <FieldMessages ctx field="scopeTags" />
        </fieldset>
    }
    .into_any()
}
