//! Fuzzes Graph import: no bytes may panic it; whatever imports must export to a bundle that
//! imports again, and must resolve a scenario without panicking.
#![no_main]

use esp_core::graph::{export::bundle, import_bytes, import_value};
use esp_core::resolve::{resolve, JoinType, Mode, Scenario};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(imported) = import_bytes(data) else {
        return;
    };
    let exported = bundle(&imported.tenant);
    assert!(
        import_value(&exported).is_ok(),
        "the bundle of an imported tenant does not import: {exported}"
    );
    for mode in Mode::ALL {
        let _ = resolve(&imported.tenant, &Scenario::new(mode, JoinType::Hybrid));
    }
});
