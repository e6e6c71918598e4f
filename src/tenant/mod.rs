//! The Tenant area: the catalog of groups, apps, assignment filters and scope tags that profiles use.

use leptos::prelude::*;

#[component]
pub fn TenantPage() -> impl IntoView {
    view! {
        <h1>"Tenant"</h1>
        <p class="lead">
            "The groups, apps, assignment filters and scope tags that your profiles refer to. "
            "Everything stays in this browser."
        </p>
    }
}
