//! ESP Designer, the browser app: renders esp-core's state and dispatches the user's actions to it.
//!
//! The app holds no domain rule (ARCHITECTURE.md); what a profile is, how it validates and which
//! one a device gets are all answered by `esp_core`.

mod app;
mod chunks;
mod erased;
mod fatal;
mod idle;
mod preview;
mod profiles;
mod route;
mod sample;
mod sort;
mod state;
mod tenant;

use leptos::prelude::*;

/// Boots the app: installs the panic screen, clears the loading note and mounts the shell.
pub fn start() {
    fatal::install_panic_screen();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    mount_to_body(app::App);
}

/// Panics on purpose, so the end-to-end suite can prove that a panic shows a message instead of
/// a blank page. Reachable only through `window.wasmBindings`, never from the UI.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = selfTestPanic)]
#[allow(clippy::panic)]
pub fn self_test_panic() {
    panic!("self-test panic requested by the test suite");
}
