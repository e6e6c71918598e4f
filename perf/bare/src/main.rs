//! The bare Leptos page the app's start-up is compared with (README, Speed): one heading and one
//! button, mounted the way the app mounts its shell, built with the same release profile.

use leptos::prelude::*;

fn main() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    mount_to_body(Counter);
}

#[component]
fn Counter() -> impl IntoView {
    let clicks = RwSignal::new(0u32);
    view! {
        <main>
            <h1>"Bare Leptos page"</h1>
            <button type="button" on:click=move |_| clicks.update(|n| *n += 1)>
                {move || format!("Clicked {} times", clicks.get())}
            </button>
        </main>
    }
}
