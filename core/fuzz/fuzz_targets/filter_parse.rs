//! Fuzzes the assignment-filter parser: no input may panic, and whatever parses must print to
//! text that parses back to the same rule.
#![no_main]

use esp_core::filter::{parse, DeviceProperties, MAX_RULE_CHARS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Rules are text; lossy decoding still lets the fuzzer reach every byte pattern in UTF-8.
    let text = String::from_utf8_lossy(data);
    match parse(&text) {
        Ok(rule) => {
            let printed = rule.to_normalized_string();
            // Printing adds parentheses, so a rule near the limit may print too long to reparse.
            if printed.chars().count() <= MAX_RULE_CHARS {
                assert_eq!(parse(&printed).as_ref(), Ok(&rule), "printed: {printed}");
            }
            let _ = rule.evaluate(&DeviceProperties::default());
            let _ = rule.esp_restrictions();
            let _ = rule.value_warnings();
        }
        Err(error) => {
            assert!(error.column >= 1);
            let _ = error.to_string();
        }
    }
});
