//! Whether an ESP assignment may use a rule, and warnings about values no device reports.

use std::fmt;

use super::ast::{Comparison, Expr, Operator, Value};
use super::property::{
    suggest_esp_property, EspProperty, DEVICE_OWNERSHIP_VALUES, OPERATING_SYSTEM_SKUS,
};

/// Why ESP assignments cannot use a rule. `Display` gives the sentence the picker shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EspRestriction {
    /// The property at fault, canonical: `deviceName` (or `app.appVersion` for an app property).
    pub property: String,
    /// The comparison at fault, as printed.
    pub clause: String,
    pub reason: EspRestrictionReason,
}

/// What exactly ESP cannot use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EspRestrictionReason {
    /// The property is not one of ESP's six; `suggestion` names the ESP property it most likely
    /// misspells (`modle` → `model`).
    Property { suggestion: Option<EspProperty> },
    /// `deviceOwnership` compared with something other than `-eq` / `-ne`.
    OwnershipOperator { operator: Operator },
    /// `-gt`, `-ge`, `-lt` or `-le` on an ESP property: they exist only for
    /// `operatingSystemVersion`, which ESP cannot use.
    OrderingOperator { operator: Operator },
    /// An unquoted version compared with an ESP property, whose values are strings.
    UnquotedVersion,
}

impl fmt::Display for EspRestriction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let property = qualified(&self.property);
        match &self.reason {
            EspRestrictionReason::Property { suggestion } => {
                write!(
                    f,
                    "This filter uses {property}, which ESP assignments cannot use"
                )?;
                if let Some(suggestion) = suggestion {
                    write!(f, " (did you mean device.{suggestion}?)")?;
                }
                Ok(())
            }
            EspRestrictionReason::OwnershipOperator { operator } => write!(
                f,
                "This filter compares {property} with {operator}, which ESP assignments cannot \
                 use: deviceOwnership takes only -eq or -ne"
            ),
            EspRestrictionReason::OrderingOperator { operator } => write!(
                f,
                "This filter compares {property} with {operator}, which ESP assignments cannot \
                 use: -gt, -ge, -lt and -le work only on device.operatingSystemVersion"
            ),
            EspRestrictionReason::UnquotedVersion => write!(
                f,
                "This filter compares {property} with an unquoted version, which ESP assignments \
                 cannot use: write the value in double quotes"
            ),
        }
    }
}

/// `deviceName` → `device.deviceName`; `app.appVersion` stays as it is.
fn qualified(short_name: &str) -> String {
    if short_name.contains('.') {
        short_name.to_owned()
    } else {
        format!("device.{short_name}")
    }
}

/// Every reason, in rule order, that ESP assignments cannot use the rule.
pub(crate) fn restrictions(expr: &Expr) -> Vec<EspRestriction> {
    expr.comparisons()
        .into_iter()
        .filter_map(|c| restriction(c).map(|reason| (c, reason)))
        .map(|(c, reason)| EspRestriction {
            property: c.property.short_name(),
            clause: c.to_string(),
            reason,
        })
        .collect()
}

fn restriction(c: &Comparison) -> Option<EspRestrictionReason> {
    let Some(esp) = c.property.esp_property() else {
        let suggestion = if c.property.is_known() {
            None
        } else {
            suggest_esp_property(&c.property.name)
        };
        return Some(EspRestrictionReason::Property { suggestion });
    };
    if c.operator.is_ordering() {
        return Some(EspRestrictionReason::OrderingOperator {
            operator: c.operator,
        });
    }
    if esp == EspProperty::DeviceOwnership && !matches!(c.operator, Operator::Eq | Operator::Ne) {
        return Some(EspRestrictionReason::OwnershipOperator {
            operator: c.operator,
        });
    }
    if matches!(c.value, Value::Version(_)) {
        return Some(EspRestrictionReason::UnquotedVersion);
    }
    None
}

/// A value that Intune accepts but no device reports, so the comparison can never be true (or,
/// negated, never false). A warning, not an error: the rule still saves in Intune.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueWarning {
    /// `operatingSystemSKU` or `deviceOwnership`.
    pub property: String,
    /// The value as the admin wrote it.
    pub value: String,
    pub operator: Operator,
    /// The comparison, as printed.
    pub clause: String,
}

impl fmt::Display for ValueWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known = known_values(&self.property).unwrap_or(&[]);
        match fragment_test(self.operator) {
            None => write!(
                f,
                "`{}` is not one of the {} values Intune documents, so no device reports it",
                self.value, self.property
            )?,
            Some((verb, _)) => write!(
                f,
                "No {} value Intune documents {verb} `{}`",
                self.property, self.value
            )?,
        }
        if known.len() <= 3 {
            write!(f, " (the values are {})", known.join(" and "))?;
        }
        Ok(())
    }
}

fn known_values(property: &str) -> Option<&'static [&'static str]> {
    match EspProperty::from_name(property)? {
        EspProperty::OperatingSystemSku => Some(OPERATING_SYSTEM_SKUS),
        EspProperty::DeviceOwnership => Some(DEVICE_OWNERSHIP_VALUES),
        _ => None,
    }
}

/// For the operators that test part of a value: the verb for messages, and the test itself.
type FragmentTest = fn(&str, &str) -> bool;
fn fragment_test(operator: Operator) -> Option<(&'static str, FragmentTest)> {
    match operator {
        Operator::StartsWith | Operator::NotStartsWith => {
            Some(("starts with", |v, f| v.starts_with(f)))
        }
        Operator::EndsWith | Operator::NotEndsWith => Some(("ends with", |v, f| v.ends_with(f))),
        Operator::Contains | Operator::NotContains => Some(("contains", |v, f| v.contains(f))),
        _ => None,
    }
}

/// Values in `operatingSystemSKU` and `deviceOwnership` comparisons outside the documented lists.
pub(crate) fn value_warnings(expr: &Expr) -> Vec<ValueWarning> {
    let mut warnings = Vec::new();
    for c in expr.comparisons() {
        let Some(esp) = c.property.esp_property() else {
            continue;
        };
        let Some(known) = known_values(esp.name()) else {
            continue;
        };
        // A restricted comparison is reported as such; its values are beside the point.
        if restriction(c).is_some() {
            continue;
        }
        let values: Vec<&String> = match &c.value {
            Value::String(s) => vec![s],
            Value::List(items) => items.iter().collect(),
            Value::Null | Value::Version(_) => Vec::new(),
        };
        for value in values {
            let lowered = value.to_lowercase();
            let documented = match fragment_test(c.operator) {
                Some((_, test)) => known.iter().any(|k| test(&k.to_lowercase(), &lowered)),
                None => known.iter().any(|k| k.to_lowercase() == lowered),
            };
            if !documented {
                warnings.push(ValueWarning {
                    property: esp.name().to_owned(),
                    value: value.clone(),
                    operator: c.operator,
                    clause: c.to_string(),
                });
            }
        }
    }
    warnings
}
