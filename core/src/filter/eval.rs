//! Evaluates a rule against a device's six ESP properties and explains the outcome.
//!
//! The result is the raw match. An assignment in *include* mode lets the device through when
//! `matched` is true, in *exclude* mode when it is false (DOMAIN.md §4); the resolution engine
//! applies the mode, and the deciding clause explains the outcome either way.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::ast::{Comparison, Expr, Operator, Value};
use super::property::{EspProperty, Property};

/// What the preview knows about a device: the six properties ESP filters may use.
///
/// A property that is `None`, empty or only whitespace compares as `$null`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceProperties {
    pub model: Option<String>,
    pub manufacturer: Option<String>,
    pub os_version: Option<String>,
    #[serde(rename = "operatingSystemSKU")]
    pub operating_system_sku: Option<String>,
    pub device_ownership: Option<String>,
    pub enrollment_profile_name: Option<String>,
}

impl DeviceProperties {
    /// The device's value for an ESP property; an empty text box in the UI counts as unset.
    pub fn get(&self, property: EspProperty) -> Option<&str> {
        let value = match property {
            EspProperty::Model => &self.model,
            EspProperty::Manufacturer => &self.manufacturer,
            EspProperty::OsVersion => &self.os_version,
            EspProperty::OperatingSystemSku => &self.operating_system_sku,
            EspProperty::DeviceOwnership => &self.device_ownership,
            EspProperty::EnrollmentProfileName => &self.enrollment_profile_name,
        };
        value.as_deref().filter(|v| !v.trim().is_empty())
    }

    /// The device's value for any property a rule names: properties outside the six (and all
    /// `app.` properties) are unknown to the preview and compare as `$null`.
    pub fn value_of(&self, property: &Property) -> Option<&str> {
        property.esp_property().and_then(|p| self.get(p))
    }
}

/// The outcome of evaluating a rule against a device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// Whether the device matches the rule (before include/exclude mode is applied).
    pub matched: bool,
    /// The comparison that settled the outcome: under `and`, the first false one (or the last if
    /// all are true); under `or`, the first true one (or the last if all are false). `None` only
    /// for a hand-built empty `and` / `or`.
    pub deciding_clause: Option<ClauseExplanation>,
}

/// One comparison, its outcome, and the device value it looked at, for the preview trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClauseExplanation {
    /// The comparison as printed: `device.model -eq "Surface Book 3"`.
    pub clause: String,
    /// The property it reads, canonical: `model` (or `app.appVersion` for an app property).
    pub property: String,
    /// The device's value for it; `None` when unset (it then compared as `$null`).
    pub device_value: Option<String>,
    /// Whether this comparison was true.
    pub matched: bool,
}

/// ``device.model -eq "Surface Book 3"` was false because model is `Latitude 7440` ``.
impl fmt::Display for ClauseExplanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` was {} because {} ",
            self.clause, self.matched, self.property
        )?;
        match &self.device_value {
            Some(value) => write!(f, "is `{value}`"),
            None => f.write_str("is not set"),
        }
    }
}

/// Evaluates left to right with short-circuiting, so the clause that settles the outcome is the
/// one reported.
pub(crate) fn evaluate(expr: &Expr, device: &DeviceProperties) -> Evaluation {
    match expr {
        Expr::Comparison(c) => {
            let device_value = device.value_of(&c.property);
            let matched = compare(c.operator, device_value, &c.value);
            Evaluation {
                matched,
                deciding_clause: Some(explain(c, device_value, matched)),
            }
        }
        Expr::And(items) => evaluate_chain(items, device, false),
        Expr::Or(items) => evaluate_chain(items, device, true),
    }
}

/// `and` stops at the first false operand, `or` at the first true one (`stop_on`).
fn evaluate_chain(items: &[Expr], device: &DeviceProperties, stop_on: bool) -> Evaluation {
    let mut last = Evaluation {
        // The identity of each operator: an empty `and` is true, an empty `or` false.
        matched: !stop_on,
        deciding_clause: None,
    };
    for item in items {
        last = evaluate(item, device);
        if last.matched == stop_on {
            break;
        }
    }
    last
}

fn explain(c: &Comparison, device_value: Option<&str>, matched: bool) -> ClauseExplanation {
    ClauseExplanation {
        clause: c.to_string(),
        property: c.property.short_name(),
        device_value: device_value.map(str::to_owned),
        matched,
    }
}

/// Compares a device value (`None` = `$null`) with a rule value.
///
/// Every negated operator is exactly the negation of its positive twin, so a device with no
/// model matches `-notContains "Cloud PC"`. Values compare ignoring case.
pub(crate) fn compare(operator: Operator, device: Option<&str>, value: &Value) -> bool {
    let positive = match operator {
        Operator::Eq | Operator::Ne | Operator::In | Operator::NotIn => {
            any_candidate(value, |candidate| equals(device, candidate, value))
        }
        Operator::StartsWith | Operator::NotStartsWith => any_candidate(value, |candidate| {
            text_test(device, candidate, |d, c| d.starts_with(c))
        }),
        Operator::EndsWith | Operator::NotEndsWith => any_candidate(value, |candidate| {
            text_test(device, candidate, |d, c| d.ends_with(c))
        }),
        Operator::Contains | Operator::NotContains => any_candidate(value, |candidate| {
            text_test(device, candidate, |d, c| d.contains(c))
        }),
        Operator::Gt | Operator::Ge | Operator::Lt | Operator::Le => {
            any_candidate(value, |candidate| {
                let ordering = match (device, candidate) {
                    (Some(d), Some(c)) => compare_versions(d, c),
                    _ => None,
                };
                ordering.is_some_and(|ordering| match operator {
                    Operator::Gt => ordering == Ordering::Greater,
                    Operator::Ge => ordering != Ordering::Less,
                    Operator::Lt => ordering == Ordering::Less,
                    _ => ordering != Ordering::Greater,
                })
            })
        }
    };
    positive != operator.is_negated()
}

/// True when `test` holds for any value the rule offers: the list items, or the single value.
fn any_candidate(value: &Value, mut test: impl FnMut(Option<&str>) -> bool) -> bool {
    match value {
        Value::String(s) | Value::Version(s) => test(Some(s)),
        Value::Null => test(None),
        Value::List(items) => items.iter().any(|item| test(Some(item))),
    }
}

fn equals(device: Option<&str>, candidate: Option<&str>, value: &Value) -> bool {
    match (device, candidate) {
        (None, None) => true,
        (Some(d), Some(c)) => {
            // An unquoted version compares numerically, so `10.0` equals `10.0.0`.
            let as_versions = matches!(value, Value::Version(_))
                .then(|| compare_versions(d, c))
                .flatten();
            match as_versions {
                Some(ordering) => ordering == Ordering::Equal,
                None => d.to_lowercase() == c.to_lowercase(),
            }
        }
        _ => false,
    }
}

/// A string test on lowercased values; `$null` on either side never matches.
fn text_test(
    device: Option<&str>,
    candidate: Option<&str>,
    test: impl Fn(&str, &str) -> bool,
) -> bool {
    match (device, candidate) {
        (Some(d), Some(c)) => test(&d.to_lowercase(), &c.to_lowercase()),
        _ => false,
    }
}

/// Compares dotted numeric versions part by part (`10.0.22631.3235` > `10.0.22000`); missing
/// parts count as 0. `None` if either side is not a version, so the comparison is false.
///
/// Parts are compared as digit strings (length, then digits, after dropping leading zeros), so a
/// part longer than any integer type cannot overflow.
pub(crate) fn compare_versions(a: &str, b: &str) -> Option<Ordering> {
    let parse = |text: &str| -> Option<Vec<String>> {
        text.trim()
            .split('.')
            .map(|part| {
                (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| part.trim_start_matches('0').to_owned())
            })
            .collect()
    };
    let a = parse(a)?;
    let b = parse(b)?;
    let zero = String::new();
    for i in 0..a.len().max(b.len()) {
        let x = a.get(i).unwrap_or(&zero);
        let y = b.get(i).unwrap_or(&zero);
        let ordering = x.len().cmp(&y.len()).then_with(|| x.cmp(y));
        if ordering != Ordering::Equal {
            return Some(ordering);
        }
    }
    Some(Ordering::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_versions(a: &str, b: &str, expected: Option<Ordering>) {
        assert_eq!(compare_versions(a, b), expected, "{a} vs {b}");
    }

    #[test]
    fn versions() {
        check_versions("10.0.22631.3235", "10.0.22631.3235", Some(Ordering::Equal));
        check_versions("10.0.22631.3235", "10.0.22000", Some(Ordering::Greater));
        check_versions("10.0.9", "10.0.10", Some(Ordering::Less));
        check_versions("10.0", "10.0.0.0", Some(Ordering::Equal));
        check_versions("010.00", "10", Some(Ordering::Equal));
        check_versions(
            "99999999999999999999999.1",
            "99999999999999999999998.9",
            Some(Ordering::Greater),
        );
        check_versions("10.0.abc", "10.0", None);
        check_versions("", "10", None);
        check_versions("10..0", "10", None);
    }

    #[test]
    fn device_properties_json_names() {
        let device = DeviceProperties {
            model: Some("m".into()),
            manufacturer: Some("f".into()),
            os_version: Some("10.0".into()),
            operating_system_sku: Some("Enterprise".into()),
            device_ownership: Some("Corporate".into()),
            enrollment_profile_name: Some("AP".into()),
        };
        let json = serde_json::to_value(&device).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "model": "m",
                "manufacturer": "f",
                "osVersion": "10.0",
                "operatingSystemSKU": "Enterprise",
                "deviceOwnership": "Corporate",
                "enrollmentProfileName": "AP"
            })
        );
        let back: DeviceProperties = serde_json::from_value(json).unwrap();
        assert_eq!(back, device);
        let empty: DeviceProperties = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, DeviceProperties::default());
    }
}
