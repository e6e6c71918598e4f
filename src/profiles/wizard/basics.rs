//! Basics: the profile's name and description.

use leptos::prelude::*;

use super::context::Ctx;
use super::fields::{dom_id, FieldMessages};

#[component]
pub fn Basics(ctx: Ctx) -> impl IntoView {
    let name_id = dom_id("name");
    let description_id = dom_id("description");
    view! {
        <div class="field">
            <label for=name_id.clone()>"Name" <span class="required" aria-hidden="true">"*"</span></label>
            <input
                type="text"
                id=name_id
                required
                autocomplete="off"
                prop:value=move || ctx.with(|d| d.profile.name.clone())
                on:input:target=move |ev| {
                    let text = ev.target().value();
                    ctx.update(|d| {
                        d.profile.name = text;
                        d.touch("name");
                    });
                }
                on:blur=move |_| ctx.touch("name")
                aria-invalid=ctx.invalid("name")
                aria-describedby=ctx.described_by("name".to_owned(), None)
            />
            <FieldMessages ctx field="name" />
        </div>
        <div class="field">
            <label for=description_id.clone()>"Description"</label>
            <textarea
                id=description_id
                rows="4"
                prop:value=move || ctx.with(|d| d.profile.description.clone())
                on:input:target=move |ev| {
                    let text = ev.target().value();
                    ctx.update(|d| {
                        d.profile.description = text;
                        d.touch("description");
                    });
                }
                aria-invalid=ctx.invalid("description")
                aria-describedby=ctx.described_by("description".to_owned(), None)
            ></textarea>
            <FieldMessages ctx field="description" />
        </div>
    }
    .into_any()
}
