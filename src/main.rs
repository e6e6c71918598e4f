//! The wasm entry point: everything lives in the library so it can be tested natively.
fn main() {
    esp_designer::start();
}
