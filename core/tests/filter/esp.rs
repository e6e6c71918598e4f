//! Which rules ESP assignments may use, the OS-gated properties, and value warnings.

use esp_core::filter::{parse, EspRestrictionReason, Operator, DEVICE_OWNERSHIP_VALUES, OPERATING_SYSTEM_SKUS};

/// `expected` is `""` when ESP may use the rule, else the first restriction's sentence.
#[track_caller]
fn check(rule: &str, expected: &str) {
    let parsed = parse(rule).unwrap_or_else(|e| panic!("`{rule}` should parse: {e}"));
    let actual = parsed.esp_restriction().map(|r| r.to_string()).unwrap_or_default();
    assert_eq!(actual, expected, "rule: {rule}");
    assert_eq!(parsed.esp_restrictions().is_empty(), expected.is_empty());
}

#[test]
fn the_six_properties_are_usable() {
    check(r#"device.model -eq "Surface Book 3""#, "");
    check(r#"device.manufacturer -in ["HP", "Hewlett-Packard"]"#, "");
    check(r#"device.osVersion -startsWith "10.0.22""#, "");
    check(r#"device.operatingSystemSKU -notContains "Core""#, "");
    check(r#"device.deviceOwnership -eq "Personal""#, "");
    check(r#"device.deviceOwnership -ne "Corporate""#, "");
    check("device.deviceOwnership -eq $null", "");
    check("device.enrollmentProfileName -ne $null", "");
    check(r#"DEVICE.MODEL -EQ "x" OR (device.OSVERSION -endsWith "1" AND device.enrollmentprofilename -notIn ["a"])"#, "");
}

#[test]
fn other_properties_are_not() {
    check(r#"device.deviceName -startsWith "AVD-""#, "This filter uses device.deviceName, which ESP assignments cannot use");
    check(r#"device.cpuArchitecture -eq "arm64""#, "This filter uses device.cpuArchitecture, which ESP assignments cannot use");
    check(r#"device.deviceCategory -eq "Kiosk""#, "This filter uses device.deviceCategory, which ESP assignments cannot use");
    check(r#"device.deviceTrustType -eq "Azure AD joined""#, "This filter uses device.deviceTrustType, which ESP assignments cannot use");
    check("device.operatingSystemVersion -ge 10.0.22000", "This filter uses device.operatingSystemVersion, which ESP assignments cannot use");
    check(r#"device.DEVICENAME -eq "x""#, "This filter uses device.deviceName, which ESP assignments cannot use");
    check(r#"app.deviceManagementType -eq "Managed""#, "This filter uses app.deviceManagementType, which ESP assignments cannot use");
    check(r#"app.osVersion -eq "17.0""#, "This filter uses app.osVersion, which ESP assignments cannot use");
    // One unusable comparison anywhere is enough, however it is grouped.
    check(r#"(device.model -contains "Virtual Machine") and (device.deviceName -startsWith "AVD-")"#, "This filter uses device.deviceName, which ESP assignments cannot use");
    check(r#"device.model -eq "a" or (device.manufacturer -eq "b" and device.isRooted -eq "True")"#, "This filter uses device.isRooted, which ESP assignments cannot use");
    // Misspellings get a suggestion; real properties never do.
    check(r#"device.modle -eq "x""#, "This filter uses device.modle, which ESP assignments cannot use (did you mean device.model?)");
    check(r#"device.osVer -eq "x""#, "This filter uses device.osVer, which ESP assignments cannot use");
    check(r#"device.manufactuer -eq "x""#, "This filter uses device.manufactuer, which ESP assignments cannot use (did you mean device.manufacturer?)");
    check(r#"device.operatingSystemSKUs -eq "x""#, "This filter uses device.operatingSystemSKUs, which ESP assignments cannot use (did you mean device.operatingSystemSKU?)");
}

#[test]
fn usable_properties_used_the_wrong_way() {
    check(r#"device.deviceOwnership -contains "Corp""#, "This filter compares device.deviceOwnership with -contains, which ESP assignments cannot use: deviceOwnership takes only -eq or -ne");
    check(r#"device.deviceOwnership -in ["Corporate"]"#, "This filter compares device.deviceOwnership with -in, which ESP assignments cannot use: deviceOwnership takes only -eq or -ne");
    check(r#"device.deviceOwnership -startsWith "P""#, "This filter compares device.deviceOwnership with -startsWith, which ESP assignments cannot use: deviceOwnership takes only -eq or -ne");
    check("device.osVersion -gt 10.0.22000", "This filter compares device.osVersion with -gt, which ESP assignments cannot use: -gt, -ge, -lt and -le work only on device.operatingSystemVersion");
    check("device.model -le 1", "This filter compares device.model with -le, which ESP assignments cannot use: -gt, -ge, -lt and -le work only on device.operatingSystemVersion");
    check("device.osVersion -eq 10.0.22631", "This filter compares device.osVersion with an unquoted version, which ESP assignments cannot use: write the value in double quotes");
}

#[test]
fn restriction_fields_and_order() {
    let rule = parse(r#"device.model -eq "x" and device.cpuArchitecture -eq "arm64" and device.deviceName -eq "y" and device.deviceOwnership -in ["Personal"]"#).unwrap();
    let first = rule.esp_restriction().unwrap();
    assert_eq!(first.property, "cpuArchitecture");
    assert_eq!(first.clause, r#"device.cpuArchitecture -eq "arm64""#);
    assert_eq!(first.reason, EspRestrictionReason::Property { suggestion: None });
    let all: Vec<String> = rule.esp_restrictions().into_iter().map(|r| r.property).collect();
    assert_eq!(all, ["cpuArchitecture", "deviceName", "deviceOwnership"]);
    let ownership = rule.esp_restrictions().pop().unwrap();
    assert_eq!(ownership.reason, EspRestrictionReason::OwnershipOperator { operator: Operator::In });
    let app = parse(r#"app.appVersion -eq "1""#).unwrap().esp_restriction().unwrap();
    assert_eq!(app.property, "app.appVersion");
}

#[track_caller]
fn check_os_gated(rule: &str, expected: bool) {
    assert_eq!(parse(rule).unwrap().uses_os_gated_property(), expected, "rule: {rule}");
}

#[test]
fn model_and_manufacturer_are_os_gated() {
    check_os_gated(r#"device.model -eq "x""#, true);
    check_os_gated(r#"device.MANUFACTURER -contains "Dell""#, true);
    check_os_gated(r#"device.osVersion -startsWith "10" or (device.deviceOwnership -eq "Corporate" and device.model -ne $null)"#, true);
    check_os_gated(r#"device.osVersion -startsWith "10""#, false);
    check_os_gated(r#"device.operatingSystemSKU -eq "Enterprise" and device.enrollmentProfileName -ne $null and device.deviceOwnership -eq "Corporate""#, false);
    // app.deviceModel is a managed-app property, not the device's model.
    check_os_gated(r#"app.deviceModel -eq "x""#, false);
    check_os_gated(r#"device.deviceName -eq "model""#, false);
}

/// `expected` lists the warning sentences in rule order.
#[track_caller]
fn check_values(rule: &str, expected: &[&str]) {
    let warnings: Vec<String> = parse(rule).unwrap().value_warnings().iter().map(ToString::to_string).collect();
    assert_eq!(warnings, expected, "rule: {rule}");
}

#[test]
fn undocumented_values_are_warnings() {
    check_values(r#"device.operatingSystemSKU -eq "Enterprise""#, &[]);
    check_values(r#"device.operatingSystemSKU -eq "enterprisen""#, &[]);
    check_values(r#"device.operatingSystemSKU -eq "WCPC""#, &["`WCPC` is not one of the operatingSystemSKU values Intune documents, so no device reports it"]);
    check_values(r#"device.operatingSystemSKU -ne "Home""#, &["`Home` is not one of the operatingSystemSKU values Intune documents, so no device reports it"]);
    check_values(
        r#"device.operatingSystemSKU -in ["Enterprise", "Home", "Pro"]"#,
        &[
            "`Home` is not one of the operatingSystemSKU values Intune documents, so no device reports it",
            "`Pro` is not one of the operatingSystemSKU values Intune documents, so no device reports it",
        ],
    );
    // Partial operators are checked against parts of the documented values.
    check_values(r#"device.operatingSystemSKU -notContains "Core""#, &[]);
    check_values(r#"device.operatingSystemSKU -startsWith "enterp""#, &[]);
    check_values(r#"device.operatingSystemSKU -endsWith "Eval""#, &[]);
    check_values(r#"device.operatingSystemSKU -contains "Home""#, &["No operatingSystemSKU value Intune documents contains `Home`"]);
    check_values(r#"device.operatingSystemSKU -notStartsWith "Windows""#, &["No operatingSystemSKU value Intune documents starts with `Windows`"]);
    check_values(r#"device.operatingSystemSKU -endsWith "Pro""#, &[]); // PPIPro
    check_values(r#"device.operatingSystemSKU -endsWith "Home""#, &["No operatingSystemSKU value Intune documents ends with `Home`"]);
    check_values("device.operatingSystemSKU -eq $null", &[]);
    check_values(r#"device.deviceOwnership -eq "corporate""#, &[]);
    check_values(r#"device.deviceOwnership -ne "Company""#, &["`Company` is not one of the deviceOwnership values Intune documents, so no device reports it (the values are Personal and Corporate)"]);
    // Restricted comparisons are reported as restrictions, not value warnings.
    check_values(r#"device.deviceOwnership -contains "Company""#, &[]);
    // Other properties have free values.
    check_values(r#"device.model -eq "Anything" and device.osVersion -eq "Windows 11""#, &[]);
    check_values(r#"device.operatingSystemSKU -eq "Home" or device.deviceOwnership -eq "Unknown""#, &[
        "`Home` is not one of the operatingSystemSKU values Intune documents, so no device reports it",
        "`Unknown` is not one of the deviceOwnership values Intune documents, so no device reports it (the values are Personal and Corporate)",
    ]);
}

#[test]
fn documented_lists() {
    assert_eq!(OPERATING_SYSTEM_SKUS.len(), 30);
    assert!(OPERATING_SYSTEM_SKUS.contains(&"ServerRdsh"));
    assert!(OPERATING_SYSTEM_SKUS.contains(&"IoTEnterprise"));
    assert_eq!(DEVICE_OWNERSHIP_VALUES, ["Personal", "Corporate"]);
    // Every documented SKU passes the value check.
    for sku in OPERATING_SYSTEM_SKUS {
        check_values(&format!("device.operatingSystemSKU -eq \"{sku}\""), &[]);
    }
}
