//! The Profiles area: the ESP profiles in priority order, and the wizard that creates and edits them.

use leptos::prelude::*;

#[component]
pub fn ProfilesPage() -> impl IntoView {
    view! {
        <h1>"Profiles"</h1>
        <p class="lead">
            "Enrollment Status Page profiles, highest priority first. "
            "A device gets the first profile assigned to it; the default profile always comes last."
        </p>
    }
}
