//! The profiles list: priorities, reordering, the scoped-admin view.

use leptos::prelude::*;

#[component]
pub fn ProfileList() -> impl IntoView {
    view! {
        <h1>"Profiles"</h1>
        <p class="lead">
            "Enrollment Status Page profiles, highest priority first. "
            "A device gets the first profile assigned to it; the default profile always comes last."
        </p>
    }
}
