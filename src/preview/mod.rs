//! The Preview area: which profile and which blocking apps a given device and user get, and why.

use leptos::prelude::*;

#[component]
pub fn PreviewPage() -> impl IntoView {
    view! {
        <h1>"Preview"</h1>
        <p class="lead">
            "Describe a device and its user to see which profile applies, why, "
            "which apps the Enrollment Status Page waits for, and what the screen shows."
        </p>
    }
}
