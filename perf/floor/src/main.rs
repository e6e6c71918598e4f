//! The size floor (`.ci/size-floor`, ARCHITECTURE.md "Size"): a bare Leptos page that calls every
//! esp-core entry point the app calls, on text typed into two text areas, and keeps every result
//! alive (`black_box`), so the linker keeps the whole domain: opening and saving, Graph import,
//! export and PowerShell, validation, merge, undo history, the filter language, resolution and
//! the fleet. It has no views beyond the two text areas, so its transfer size is what the page
//! needs before its first view: the framework plus the domain.

use esp_core::resolve::{resolve_indexed, IndexedTenant, Scenario};
use leptos::prelude::*;
use std::hint::black_box;

fn main() {
    mount_to_body(Probe);
}

#[component]
fn Probe() -> impl IntoView {
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let out = RwSignal::new(0usize);
    view! {
        <main>
            <textarea aria-label="Save or Graph JSON" on:input:target=move |ev| first.set(ev.target().value())></textarea>
            <textarea aria-label="Another document" on:input:target=move |ev| second.set(ev.target().value())></textarea>
            <button type="button" on:click=move |_| out.set(work(&first.get(), &second.get()))>"Run"</button>
            <p>{move || out.get().to_string()}</p>
        </main>
    }
}

/// Everything the app asks of esp-core, on runtime text, so that nothing is folded away.
fn work(text: &str, other: &str) -> usize {
    let _ = black_box(esp_core::open::check_size(text.len() as u64));
    let mut n = 0;
    let opened = match esp_core::open::open_bytes(text.as_bytes()) {
        Ok(opened) => opened,
        Err(error) => return error.to_string().len(),
    };
    black_box(opened.report());
    let mut tenant = opened.tenant().clone();
    let saved = esp_core::save::save(&tenant, &serde_json::Value::Null, None);
    n += saved.len();
    let _ = black_box(esp_core::save::load(&saved));
    black_box(esp_core::graph::export::bundle(&tenant));
    black_box(esp_core::validate::tenant(&tenant));
    if let Some(profile) = tenant.custom_profiles().first() {
        black_box(esp_core::validate::profile(profile, &tenant));
        black_box(esp_core::graph::powershell::powershell_script(
            profile, &tenant,
        ));
        black_box(esp_core::graph::export::requests(profile, &tenant));
    }
    let _ = black_box(esp_core::validate::parse_timeout(other));
    let _ = black_box(esp_core::filter::parse(other).map(|rule| rule.esp_restrictions()));
    if let Ok(imported) = esp_core::open::open_bytes_for(other.as_bytes(), &tenant) {
        let before = IndexedTenant::new(&tenant);
        black_box(tenant.merge_tenant(imported.tenant().clone(), true));
        let after = IndexedTenant::new(&tenant);
        let list = esp_core::fleet::parse_devices(other);
        black_box(esp_core::fleet::impact(&before, &after, &list.devices));
        black_box(esp_core::fleet::summaries(&after, &list.devices));
        n += esp_core::fleet::fleet_csv(&esp_core::fleet::fleet(&after, &list.devices)).len();
        black_box(list);
    }
    if let Ok(scenario) = serde_json::from_str::<Scenario>(other) {
        let resolution = resolve_indexed(&IndexedTenant::new(&tenant), &scenario);
        n += resolution.blocking_count();
        black_box(resolution);
        let _ = black_box(serde_json::to_string(&scenario));
    }
    let mut history = esp_core::history::History::new(tenant.clone());
    black_box(history.undo());
    let _ = black_box(tenant.move_profile(0, 1));
    let _ =
        black_box(tenant.duplicate_profile(&esp_core::model::ProfileId::from(other.to_string())));
    let _ = black_box(esp_core::sample::tenant());
    let _ = black_box(esp_core::sample::scenarios());
    black_box(tenant);
    n
}
