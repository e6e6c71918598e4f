//! Evaluating rules against a device, and the clause that decided the outcome.

use esp_core::filter::{parse, DeviceProperties};

/// A device from `name=value` pairs, using the JSON property names (so the serde names are
/// exercised too). An empty list is a device that reports nothing.
fn device(pairs: &[(&str, &str)]) -> DeviceProperties {
    let map: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String((*v).to_owned())))
        .collect();
    serde_json::from_value(serde_json::Value::Object(map)).unwrap()
}

/// `expected` is `true: <explanation>` or `false: <explanation>`.
#[track_caller]
fn check(rule: &str, pairs: &[(&str, &str)], expected: &str) {
    let parsed = parse(rule).unwrap_or_else(|e| panic!("`{rule}` should parse: {e}"));
    let evaluation = parsed.evaluate(&device(pairs));
    let explanation = evaluation
        .deciding_clause
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert_eq!(format!("{}: {explanation}", evaluation.matched), expected, "rule: {rule}");
    if let Some(clause) = &evaluation.deciding_clause {
        assert_eq!(clause.matched, evaluation.matched, "the deciding clause has the rule's outcome");
    }
}

const SURFACE: &[(&str, &str)] = &[
    ("model", "Surface Book 3"),
    ("manufacturer", "Microsoft Corporation"),
    ("osVersion", "10.0.22631.3235"),
    ("operatingSystemSKU", "Enterprise"),
    ("deviceOwnership", "Corporate"),
    ("enrollmentProfileName", "Autopilot Prod"),
];
const DELL: &[(&str, &str)] = &[("model", "Latitude 7440"), ("manufacturer", "Dell Inc.")];
const NOTHING: &[(&str, &str)] = &[];

#[test]
fn equality() {
    check(r#"device.model -eq "Surface Book 3""#, SURFACE, "true: `device.model -eq \"Surface Book 3\"` was true because model is `Surface Book 3`");
    check(r#"device.model -eq "Surface Book 3""#, DELL, "false: `device.model -eq \"Surface Book 3\"` was false because model is `Latitude 7440`");
    check(r#"device.model -eq "SURFACE book 3""#, SURFACE, "true: `device.model -eq \"SURFACE book 3\"` was true because model is `Surface Book 3`");
    check(r#"device.model -ne "Surface Book 3""#, DELL, "true: `device.model -ne \"Surface Book 3\"` was true because model is `Latitude 7440`");
    check(r#"device.model -ne "surface BOOK 3""#, SURFACE, "false: `device.model -ne \"surface BOOK 3\"` was false because model is `Surface Book 3`");
    check(r#"device.manufacturer -eq "Dell""#, DELL, "false: `device.manufacturer -eq \"Dell\"` was false because manufacturer is `Dell Inc.`");
    check(r#"device.model -eq "Zürich""#, &[("model", "ZÜRICH")], "true: `device.model -eq \"Zürich\"` was true because model is `ZÜRICH`");
}

#[test]
fn null_and_missing_properties() {
    check("device.enrollmentProfileName -ne $null", SURFACE, "true: `device.enrollmentProfileName -ne $null` was true because enrollmentProfileName is `Autopilot Prod`");
    check("device.enrollmentProfileName -ne $null", DELL, "false: `device.enrollmentProfileName -ne $null` was false because enrollmentProfileName is not set");
    check("device.enrollmentProfileName -eq $null", DELL, "true: `device.enrollmentProfileName -eq $null` was true because enrollmentProfileName is not set");
    check("device.enrollmentProfileName -eq $null", SURFACE, "false: `device.enrollmentProfileName -eq $null` was false because enrollmentProfileName is `Autopilot Prod`");
    // A blank value (an empty text box in the UI) is unset.
    check("device.enrollmentProfileName -eq $null", &[("enrollmentProfileName", "  ")], "true: `device.enrollmentProfileName -eq $null` was true because enrollmentProfileName is not set");
    // The quoted string "null" is just text.
    check(r#"device.enrollmentProfileName -ne "null""#, NOTHING, "true: `device.enrollmentProfileName -ne \"null\"` was true because enrollmentProfileName is not set");
    check(r#"device.model -eq "x""#, NOTHING, "false: `device.model -eq \"x\"` was false because model is not set");
    check(r#"device.model -ne "x""#, NOTHING, "true: `device.model -ne \"x\"` was true because model is not set");
    // Negated operators are exact negations, so an unset value matches them.
    check(r#"device.model -startsWith "x""#, NOTHING, "false: `device.model -startsWith \"x\"` was false because model is not set");
    check(r#"device.model -notStartsWith "x""#, NOTHING, "true: `device.model -notStartsWith \"x\"` was true because model is not set");
    check(r#"device.model -endsWith "x""#, NOTHING, "false: `device.model -endsWith \"x\"` was false because model is not set");
    check(r#"device.model -notEndsWith "x""#, NOTHING, "true: `device.model -notEndsWith \"x\"` was true because model is not set");
    check(r#"device.model -contains "x""#, NOTHING, "false: `device.model -contains \"x\"` was false because model is not set");
    check(r#"device.model -notContains "Cloud PC""#, NOTHING, "true: `device.model -notContains \"Cloud PC\"` was true because model is not set");
    check(r#"device.model -in ["x"]"#, NOTHING, "false: `device.model -in [\"x\"]` was false because model is not set");
    check(r#"device.model -notIn ["x"]"#, NOTHING, "true: `device.model -notIn [\"x\"]` was true because model is not set");
    check("device.osVersion -gt 10.0", NOTHING, "false: `device.osVersion -gt 10.0` was false because osVersion is not set");
}

#[test]
fn properties_outside_the_six_compare_as_null() {
    check(r#"device.deviceName -startsWith "AVD-""#, SURFACE, "false: `device.deviceName -startsWith \"AVD-\"` was false because deviceName is not set");
    check(r#"device.deviceName -ne "x""#, SURFACE, "true: `device.deviceName -ne \"x\"` was true because deviceName is not set");
    check("device.operatingSystemVersion -ge 10.0.22000", SURFACE, "false: `device.operatingSystemVersion -ge 10.0.22000` was false because operatingSystemVersion is not set");
    check(r#"app.osVersion -eq "10.0.22631.3235""#, SURFACE, "false: `app.osVersion -eq \"10.0.22631.3235\"` was false because app.osVersion is not set");
}

#[test]
fn string_operators() {
    check(r#"device.osVersion -startsWith "10.0.22""#, SURFACE, "true: `device.osVersion -startsWith \"10.0.22\"` was true because osVersion is `10.0.22631.3235`");
    check(r#"device.osVersion -startsWith "10.0.26100""#, SURFACE, "false: `device.osVersion -startsWith \"10.0.26100\"` was false because osVersion is `10.0.22631.3235`");
    check(r#"device.osVersion -notStartsWith "10.0.2""#, SURFACE, "false: `device.osVersion -notStartsWith \"10.0.2\"` was false because osVersion is `10.0.22631.3235`");
    check(r#"device.model -startsWith "surface""#, SURFACE, "true: `device.model -startsWith \"surface\"` was true because model is `Surface Book 3`");
    check(r#"device.model -endsWith "BOOK 3""#, SURFACE, "true: `device.model -endsWith \"BOOK 3\"` was true because model is `Surface Book 3`");
    check(r#"device.model -notEndsWith "book 3""#, SURFACE, "false: `device.model -notEndsWith \"book 3\"` was false because model is `Surface Book 3`");
    check(r#"device.model -notEndsWith "Book 2""#, SURFACE, "true: `device.model -notEndsWith \"Book 2\"` was true because model is `Surface Book 3`");
    check(r#"device.model -contains "virtual machine""#, &[("model", "Virtual Machine")], "true: `device.model -contains \"virtual machine\"` was true because model is `Virtual Machine`");
    check(r#"device.model -contains "Book""#, DELL, "false: `device.model -contains \"Book\"` was false because model is `Latitude 7440`");
    check(r#"device.model -notContains "Cloud PC""#, &[("model", "Cloud PC Enterprise")], "false: `device.model -notContains \"Cloud PC\"` was false because model is `Cloud PC Enterprise`");
    check(r#"device.model -notContains "Cloud PC""#, DELL, "true: `device.model -notContains \"Cloud PC\"` was true because model is `Latitude 7440`");
    check(r#"device.model -contains """#, DELL, "true: `device.model -contains \"\"` was true because model is `Latitude 7440`");
}

#[test]
fn lists() {
    check(r#"device.operatingSystemSKU -in ["Education","Enterprise"]"#, SURFACE, "true: `device.operatingSystemSKU -in [\"Education\", \"Enterprise\"]` was true because operatingSystemSKU is `Enterprise`");
    check(r#"device.operatingSystemSKU -in ["education","ENTERPRISE"]"#, SURFACE, "true: `device.operatingSystemSKU -in [\"education\", \"ENTERPRISE\"]` was true because operatingSystemSKU is `Enterprise`");
    check(r#"device.operatingSystemSKU -in ["Core","Professional"]"#, SURFACE, "false: `device.operatingSystemSKU -in [\"Core\", \"Professional\"]` was false because operatingSystemSKU is `Enterprise`");
    check(r#"device.operatingSystemSKU -notIn ["Core","Professional"]"#, SURFACE, "true: `device.operatingSystemSKU -notIn [\"Core\", \"Professional\"]` was true because operatingSystemSKU is `Enterprise`");
    check(r#"device.operatingSystemSKU -notIn ["Enterprise"]"#, SURFACE, "false: `device.operatingSystemSKU -notIn [\"Enterprise\"]` was false because operatingSystemSKU is `Enterprise`");
    // -in is whole-value equality, not a substring test.
    check(r#"device.operatingSystemSKU -in ["Enterprise"]"#, &[("operatingSystemSKU", "EnterpriseN")], "false: `device.operatingSystemSKU -in [\"Enterprise\"]` was false because operatingSystemSKU is `EnterpriseN`");
}

#[test]
fn versions() {
    let os = &[("osVersion", "10.0.22631.3235")];
    check("device.osVersion -gt 10.0.22000", os, "true: `device.osVersion -gt 10.0.22000` was true because osVersion is `10.0.22631.3235`");
    check("device.osVersion -gt 10.0.22631.3235", os, "false: `device.osVersion -gt 10.0.22631.3235` was false because osVersion is `10.0.22631.3235`");
    check("device.osVersion -ge 10.0.22631.3235", os, "true: `device.osVersion -ge 10.0.22631.3235` was true because osVersion is `10.0.22631.3235`");
    check("device.osVersion -lt 10.0.26100", os, "true: `device.osVersion -lt 10.0.26100` was true because osVersion is `10.0.22631.3235`");
    check("device.osVersion -lt 10.0.9999", os, "false: `device.osVersion -lt 10.0.9999` was false because osVersion is `10.0.22631.3235`");
    check("device.osVersion -le 10.0.22631.3235", os, "true: `device.osVersion -le 10.0.22631.3235` was true because osVersion is `10.0.22631.3235`");
    check("device.osVersion -le 10.0.22631.3234", os, "false: `device.osVersion -le 10.0.22631.3234` was false because osVersion is `10.0.22631.3235`");
    // Numeric, not textual: 10.0.9 is below 10.0.10.
    check("device.osVersion -lt 10.0.10", &[("osVersion", "10.0.9")], "true: `device.osVersion -lt 10.0.10` was true because osVersion is `10.0.9`");
    // Unquoted versions compare numerically with -eq too; quoted ones as text.
    check("device.osVersion -eq 10.0.22631", &[("osVersion", "10.0.22631.0")], "true: `device.osVersion -eq 10.0.22631` was true because osVersion is `10.0.22631.0`");
    check(r#"device.osVersion -eq "10.0.22631""#, &[("osVersion", "10.0.22631.0")], "false: `device.osVersion -eq \"10.0.22631\"` was false because osVersion is `10.0.22631.0`");
    // A device value that is not a version never satisfies an ordering.
    check("device.osVersion -gt 1", &[("osVersion", "Windows 11")], "false: `device.osVersion -gt 1` was false because osVersion is `Windows 11`");
    check("device.osVersion -le 99", &[("osVersion", "Windows 11")], "false: `device.osVersion -le 99` was false because osVersion is `Windows 11`");
}

#[test]
fn and_or_decide_by_short_circuit() {
    let model = r#"device.model -eq "Surface Book 3""#;
    let maker = r#"device.manufacturer -eq "Dell Inc.""#;
    let owner = r#"device.deviceOwnership -eq "Corporate""#;
    // and: the first false operand decides; if all are true, the last one.
    check(&format!("{model} and {maker}"), SURFACE, "false: `device.manufacturer -eq \"Dell Inc.\"` was false because manufacturer is `Microsoft Corporation`");
    check(&format!("{model} and {owner}"), SURFACE, "true: `device.deviceOwnership -eq \"Corporate\"` was true because deviceOwnership is `Corporate`");
    check(&format!("{maker} and {model}"), SURFACE, "false: `device.manufacturer -eq \"Dell Inc.\"` was false because manufacturer is `Microsoft Corporation`");
    // or: the first true operand decides; if all are false, the last one.
    check(&format!("{maker} or {model}"), SURFACE, "true: `device.model -eq \"Surface Book 3\"` was true because model is `Surface Book 3`");
    check(&format!("{model} or {maker}"), DELL, "true: `device.manufacturer -eq \"Dell Inc.\"` was true because manufacturer is `Dell Inc.`");
    check(&format!("{model} or {owner}"), DELL, "false: `device.deviceOwnership -eq \"Corporate\"` was false because deviceOwnership is not set");
    // Precedence: `model or maker and owner` is `model or (maker and owner)`.
    check(&format!("{model} or {maker} and {owner}"), DELL, "false: `device.deviceOwnership -eq \"Corporate\"` was false because deviceOwnership is not set");
    check(&format!("{model} or {maker} and {owner}"), SURFACE, "true: `device.model -eq \"Surface Book 3\"` was true because model is `Surface Book 3`");
    // With parentheses the other way round, the Surface fails on manufacturer.
    check(&format!("({model} or {maker}) and {owner}"), DELL, "false: `device.deviceOwnership -eq \"Corporate\"` was false because deviceOwnership is not set");
    check(&format!("({maker} or {model}) and ({owner} and {maker})"), SURFACE, "false: `device.manufacturer -eq \"Dell Inc.\"` was false because manufacturer is `Microsoft Corporation`");
    check(&format!("({maker} or {owner}) and ({owner} or {maker})"), SURFACE, "true: `device.deviceOwnership -eq \"Corporate\"` was true because deviceOwnership is `Corporate`");
}

#[test]
fn real_rules() {
    let corporate_w11 = r#"(device.deviceOwnership -eq "Corporate") and (device.osVersion -startsWith "10.0.2")"#;
    check(corporate_w11, SURFACE, "true: `device.osVersion -startsWith \"10.0.2\"` was true because osVersion is `10.0.22631.3235`");
    check(corporate_w11, &[("deviceOwnership", "corporate"), ("osVersion", "10.0.19045.1")], "false: `device.osVersion -startsWith \"10.0.2\"` was false because osVersion is `10.0.19045.1`");
    let autopilot = r#"(device.enrollmentProfileName -ne $null) and (device.deviceOwnership -eq "Corporate") and (device.model -notContains "Cloud PC")"#;
    check(autopilot, SURFACE, "true: `device.model -notContains \"Cloud PC\"` was true because model is `Surface Book 3`");
    check(autopilot, DELL, "false: `device.enrollmentProfileName -ne $null` was false because enrollmentProfileName is not set");
}

#[test]
fn explanation_fields() {
    let rule = parse(r#"device.model -eq "Surface Book 3""#).unwrap();
    let evaluation = rule.evaluate(&device(DELL));
    let clause = evaluation.deciding_clause.unwrap();
    assert!(!evaluation.matched);
    assert_eq!(clause.clause, r#"device.model -eq "Surface Book 3""#);
    assert_eq!(clause.property, "model");
    assert_eq!(clause.device_value.as_deref(), Some("Latitude 7440"));
    assert!(!clause.matched);
}
