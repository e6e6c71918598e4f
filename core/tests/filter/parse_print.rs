//! Parsing then printing: the normalised form shows grouping and canonical spelling.

use esp_core::filter::{parse, MAX_NESTING, MAX_RULE_CHARS};

#[track_caller]
fn check(input: &str, expected: &str) {
    let rule = match parse(input) {
        Ok(rule) => rule,
        Err(e) => panic!("`{input}` should parse, got: {e}"),
    };
    assert_eq!(rule.to_normalized_string(), expected, "input: {input}");
    assert_eq!(rule.to_string(), expected, "Display differs from to_normalized_string");
    // The printed form must read back as the same rule, and print identically.
    let again = parse(expected).unwrap_or_else(|e| panic!("printed `{expected}` does not parse: {e}"));
    assert_eq!(again, rule, "printed form reads differently: {expected}");
}

#[test]
fn comparisons_and_canonical_spelling() {
    check(r#"(device.model -eq "Surface Book 3")"#, r#"(device.model -eq "Surface Book 3")"#);
    check(r#"device.model -eq "Surface Book 3""#, r#"(device.model -eq "Surface Book 3")"#);
    check(r#"DEVICE.MODEL -EQ "Surface Book 3""#, r#"(device.model -eq "Surface Book 3")"#);
    check(r#"Device.Manufacturer -Eq "Dell Inc.""#, r#"(device.manufacturer -eq "Dell Inc.")"#);
    check(r#"device.osversion -startswith "10.0.22""#, r#"(device.osVersion -startsWith "10.0.22")"#);
    check(r#"device.OPERATINGSYSTEMSKU -eq "Enterprise""#, r#"(device.operatingSystemSKU -eq "Enterprise")"#);
    check(r#"device.deviceownership -eq "Corporate""#, r#"(device.deviceOwnership -eq "Corporate")"#);
    check(r#"device.ENROLLMENTPROFILENAME -eq "AP""#, r#"(device.enrollmentProfileName -eq "AP")"#);
    check(r#"device.DEVICENAME -startsWith "AVD-""#, r#"(device.deviceName -startsWith "AVD-")"#);
    check(r#"device.cpuarchitecture -eq "arm64""#, r#"(device.cpuArchitecture -eq "arm64")"#);
    check(r#"device.somethingNew -eq "x""#, r#"(device.somethingNew -eq "x")"#);
    check(r#"app.DeviceManagementType -eq "Managed""#, r#"(app.deviceManagementType -eq "Managed")"#);
    check(r#"device.model -eq """#, r#"(device.model -eq "")"#);
}

#[test]
fn every_operator_with_and_without_dash() {
    check(r#"device.model -eq "a""#, r#"(device.model -eq "a")"#);
    check(r#"device.model eq "a""#, r#"(device.model -eq "a")"#);
    check(r#"device.model -ne "a""#, r#"(device.model -ne "a")"#);
    check(r#"device.model NE "a""#, r#"(device.model -ne "a")"#);
    check(r#"device.model -startsWith "a""#, r#"(device.model -startsWith "a")"#);
    check(r#"device.model startswith "a""#, r#"(device.model -startsWith "a")"#);
    check(r#"device.model -notStartsWith "a""#, r#"(device.model -notStartsWith "a")"#);
    check(r#"device.model NOTSTARTSWITH "a""#, r#"(device.model -notStartsWith "a")"#);
    check(r#"device.model -endsWith "a""#, r#"(device.model -endsWith "a")"#);
    check(r#"device.model endswith "a""#, r#"(device.model -endsWith "a")"#);
    check(r#"device.model -notEndsWith "a""#, r#"(device.model -notEndsWith "a")"#);
    check(r#"device.model notendswith "a""#, r#"(device.model -notEndsWith "a")"#);
    check(r#"device.model -contains "a""#, r#"(device.model -contains "a")"#);
    check(r#"device.model Contains "a""#, r#"(device.model -contains "a")"#);
    check(r#"device.model -notContains "a""#, r#"(device.model -notContains "a")"#);
    check(r#"device.model notcontains "a""#, r#"(device.model -notContains "a")"#);
    check(r#"device.model -in ["a","b"]"#, r#"(device.model -in ["a", "b"])"#);
    check(r#"device.model IN [ "a" , "b" ]"#, r#"(device.model -in ["a", "b"])"#);
    check(r#"device.model -notIn ["a"]"#, r#"(device.model -notIn ["a"])"#);
    check(r#"device.model notin ["a"]"#, r#"(device.model -notIn ["a"])"#);
    check("device.operatingSystemVersion -gt 10.0.22631.3235", "(device.operatingSystemVersion -gt 10.0.22631.3235)");
    check("device.operatingSystemVersion GT 10.0.22631.3235", "(device.operatingSystemVersion -gt 10.0.22631.3235)");
    check("device.operatingSystemVersion -ge 10.0.22000", "(device.operatingSystemVersion -ge 10.0.22000)");
    check("device.operatingSystemVersion -lt 10", "(device.operatingSystemVersion -lt 10)");
    check("device.operatingSystemVersion le 10.0.1", "(device.operatingSystemVersion -le 10.0.1)");
    check("device.operatingSystemVersion -eq 10.0.22000.1000", "(device.operatingSystemVersion -eq 10.0.22000.1000)");
}

#[test]
fn null_values() {
    check("device.enrollmentProfileName -ne $null", "(device.enrollmentProfileName -ne $null)");
    check("device.enrollmentProfileName -eq $NULL", "(device.enrollmentProfileName -eq $null)");
    check("device.enrollmentProfileName -eq null", "(device.enrollmentProfileName -eq $null)");
    check("device.enrollmentProfileName -ne Null", "(device.enrollmentProfileName -ne $null)");
    // Quoted, it is the four-letter string (as in a real export).
    check(r#"device.enrollmentProfileName -ne "null""#, r#"(device.enrollmentProfileName -ne "null")"#);
}

#[test]
fn precedence_and_grouping() {
    let a = r#"device.model -eq "A""#;
    let b = r#"device.manufacturer -eq "B""#;
    let c = r#"device.osVersion -startsWith "C""#;
    let (pa, pb, pc) = (format!("({a})"), format!("({b})"), format!("({c})"));
    check(&format!("{a} or {b} and {c}"), &format!("{pa} or ({pb} and {pc})"));
    check(&format!("{a} and {b} or {c}"), &format!("({pa} and {pb}) or {pc}"));
    check(&format!("({a} or {b}) and {c}"), &format!("({pa} or {pb}) and {pc}"));
    check(&format!("{a} and ({b} or {c})"), &format!("{pa} and ({pb} or {pc})"));
    check(&format!("{a} -and {b} -or {c}"), &format!("({pa} and {pb}) or {pc}"));
    check(&format!("{a} AND {b} Or {c}"), &format!("({pa} and {pb}) or {pc}"));
    check(&format!("{a} or {b} or {c}"), &format!("{pa} or {pb} or {pc}"));
    check(&format!("{a} and {b} and {c}"), &format!("{pa} and {pb} and {pc}"));
    // Groups the admin wrote stay visible, even where they change nothing.
    check(&format!("({a} or {b}) or {c}"), &format!("({pa} or {pb}) or {pc}"));
    check(&format!("(({a}))"), &pa);
    check(&format!("((({a}) and ({b})))"), &format!("{pa} and {pb}"));
    check(&format!("{a} or ({b} and ({c} or {a}))"), &format!("{pa} or ({pb} and ({pc} or {pa}))"));
    // The example from the Intune blog on boolean algebra: and groups first.
    check(
        r#"(device.model -startsWith "Precision 3541") or (device.model -startsWith "Latitude") and (device.enrollmentProfileName -eq "Autopilot Prod Profile") or (device.enrollmentProfileName -eq "Autopilot Lab Profile")"#,
        r#"(device.model -startsWith "Precision 3541") or ((device.model -startsWith "Latitude") and (device.enrollmentProfileName -eq "Autopilot Prod Profile")) or (device.enrollmentProfileName -eq "Autopilot Lab Profile")"#,
    );
}

#[test]
fn spacing_quoting_and_unicode() {
    check(r#"(device.model -eq "x")and(device.manufacturer -eq"y")"#, r#"(device.model -eq "x") and (device.manufacturer -eq "y")"#);
    check("\t(device.model\n-eq\r\n\"x\")  ", r#"(device.model -eq "x")"#);
    check(r#"device.model -eq "a\"b""#, r#"(device.model -eq "a\"b")"#);
    check(r#"device.model -eq "C:\Temp""#, r#"(device.model -eq "C:\Temp")"#);
    check(r#"device.model -eq "a\\""#, r#"(device.model -eq "a\\")"#);
    check(r#"device.model -eq "a\\b""#, r#"(device.model -eq "a\b")"#);
    check(r#"device.model -eq "Zürich 東京 🚀""#, r#"(device.model -eq "Zürich 東京 🚀")"#);
    check(r#"device.model -eq "it's (a) [test], and or""#, r#"(device.model -eq "it's (a) [test], and or")"#);
    check(r#"device.model -in ["a\"", "b,c", "]"]"#, r#"(device.model -in ["a\"", "b,c", "]"])"#);
}

#[test]
fn limits() {
    // Exactly the limit parses; one more character does not (see errors.rs).
    let prefix = r#"device.model -eq ""#;
    let filler = "x".repeat(MAX_RULE_CHARS - prefix.len() - 1);
    let rule = format!("{prefix}{filler}\"");
    assert_eq!(rule.chars().count(), MAX_RULE_CHARS);
    assert!(parse(&rule).is_ok());
    // Characters, not bytes: 3,000 two-byte characters fit.
    let wide = format!("{prefix}{}\"", "é".repeat(MAX_RULE_CHARS - prefix.len() - 1));
    assert!(wide.len() > MAX_RULE_CHARS);
    assert!(parse(&wide).is_ok());
    let nested = format!("{}device.model -eq \"x\"{}", "(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
    check(&nested, r#"(device.model -eq "x")"#);
}

#[test]
fn equal_rules_compare_equal() {
    let a = parse(r#"(device.model -eq "x") AND (device.manufacturer eq "y")"#).unwrap();
    let b = parse(r#"device.MODEL -eq "x" -and device.manufacturer -EQ "y""#).unwrap();
    assert_eq!(a, b);
    let c = parse(r#"device.model -eq "X" and device.manufacturer -eq "y""#).unwrap();
    assert_ne!(a, c, "values keep the case the admin wrote");
    let from_str: esp_core::filter::Rule = r#"device.model -eq "x""#.parse().unwrap();
    assert_eq!(from_str.comparisons().len(), 1);
}

#[test]
fn invisible_characters_from_pasting_are_spaces() {
    check("\u{FEFF}(device.model -eq \"x\")", r#"(device.model -eq "x")"#);
    check("device.model\u{200B} -eq\u{A0}\"x\"", r#"(device.model -eq "x")"#);
    // Inside quotes they are part of the value.
    check("device.model -eq \"x\u{200B}\"", "(device.model -eq \"x\u{200B}\")");
}
