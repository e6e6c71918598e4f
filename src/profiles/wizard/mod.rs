//! The profile wizard: Basics, Settings, Assignments, Scope tags, Review + create.

use leptos::prelude::*;

#[component]
pub fn Wizard(editing: Option<String>) -> impl IntoView {
    let heading = if editing.is_some() {
        "Edit profile"
    } else {
        "Create profile"
    };
    view! { <h1>{heading}</h1> }
}
