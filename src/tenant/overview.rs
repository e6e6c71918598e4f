//! The Tenant area's landing page: what the catalog holds, with a way into each list.

use leptos::prelude::*;

use crate::erased::When;

use super::routes;
use crate::state::Workspace;

#[component]
pub fn Overview() -> impl IntoView {
    let workspace = Workspace::get();
    let counts = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            [
                (
                    tenant.custom_profiles().len() + 1,
                    "ESP profile",
                    "ESP profiles",
                    crate::profiles::routes::list(),
                ),
                (tenant.groups.len(), "group", "groups", routes::groups()),
                (tenant.apps.len(), "app", "apps", routes::apps()),
                (
                    tenant.filters.len(),
                    "assignment filter",
                    "assignment filters",
                    routes::filters(),
                ),
                (
                    tenant.scope_tags.len(),
                    "scope tag",
                    "scope tags",
                    routes::scope_tags(),
                ),
            ]
            .map(|(n, one, many, route)| {
                (
                    format!("{n} {}", if n == 1 { one } else { many }),
                    route.href(),
                )
            })
        })
    });
    view! {
        <h1>"Tenant"</h1>
        <p class="lead">
            "The groups, apps, assignment filters and scope tags that your profiles refer to. "
            "Everything stays in this browser and is saved as you go."
        </p>
        <When when=move || workspace.is_first_visit()>
            <p class="sample-note">
                "You are looking at a sample tenant, so that every part of ESP Designer has something "
                "to show. Import your own tenant, or start empty, on the "
                <a href=routes::import_export().href()>"Import and export"</a>
                " page."
            </p>
        </When>
        <ul class="tenant-counts" aria-label="What the tenant holds">
            {move || {
                counts
                    .get()
                    .into_iter()
                    .map(|(text, href)| {
                        view! {
                            <li>
                                <a href=href>{text}</a>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
