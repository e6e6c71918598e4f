//! Intune assignment-filter rules: parse, print, check for ESP, and evaluate (DOMAIN.md §4).
//!
//! ```
//! use esp_core::filter::{parse, DeviceProperties};
//!
//! let rule = parse(r#"device.model -eq "Surface Book 3" or device.manufacturer -eq "Dell Inc." and device.osVersion -startsWith "10.0.22""#)?;
//! // Intune does not document precedence, so the printed form shows how the rule was read.
//! assert_eq!(
//!     rule.to_string(),
//!     r#"(device.model -eq "Surface Book 3") or ((device.manufacturer -eq "Dell Inc.") and (device.osVersion -startsWith "10.0.22"))"#
//! );
//! assert!(rule.esp_restriction().is_none());
//! assert!(rule.uses_os_gated_property());
//!
//! let device = DeviceProperties { model: Some("Latitude 7440".into()), ..Default::default() };
//! let evaluation = rule.evaluate(&device);
//! assert!(!evaluation.matched);
//! # Ok::<(), esp_core::filter::ParseError>(())
//! ```
//!
//! # The language, and the decisions DOMAIN.md leaves open
//! - A rule is comparisons `device.PROPERTY OPERATOR VALUE` joined by `and` / `or` (or `-and` /
//!   `-or`), with nested parentheses; `and` binds tighter than `or`. Keywords, operators and
//!   properties are case-insensitive; values compare ignoring case.
//! - Values are written in straight double quotes. Inside them `\"` is a quote and `\\` a
//!   backslash; any other backslash is literal, so `"C:\Temp"` needs no doubling. Single and
//!   typographic quotes are errors with a hint, since Intune documents only double quotes.
//! - `$null` / `null` (unquoted, any case) go with `-eq` / `-ne` only; the quoted `"null"` is the
//!   four-letter string. Lists `["a", "b"]` go with `-in` / `-notIn` only and hold at least one
//!   quoted value. `-gt -ge -lt -le` take an unquoted version (`10.0.22631.3235`); `-eq` / `-ne`
//!   accept one too (for `operatingSystemVersion`), comparing numerically.
//! - Any `device.` property parses (an unknown name is kept as written), and so do `app.`
//!   properties of managed-app filters, which real exports contain; ESP can use neither. Other
//!   entities (`user.`), `-match`, `-like`, `-not`, `-any`, `-all` are errors with a hint.
//! - At most [`MAX_RULE_CHARS`] characters, and at most [`MAX_NESTING`] levels of parentheses
//!   (our limit, so a pathological rule cannot exhaust the stack).
//! - Errors name the 1-based column in characters and what was expected; see [`ParseError`].
//! - Evaluation: an unset or blank device property, and any property outside the six, compares as
//!   `$null`. `-ne`, `-notIn` and the `-not…` operators are exact negations, so `$null` matches
//!   them. Version operators compare dotted numbers part by part; a non-version value never
//!   matches them.

mod ast;
mod compiled;
mod error;
mod esp;
mod eval;
mod lexer;
mod parser;
mod print;
mod property;

use std::fmt;
use std::str::FromStr;

pub use ast::{Comparison, Expr, Operator, Value};
pub use compiled::{CompiledRule, LoweredDevice};
pub use error::ParseError;
pub use esp::{EspRestriction, EspRestrictionReason, ValueWarning};
pub use eval::{ClauseExplanation, DeviceProperties, Evaluation};
pub use property::{Entity, EspProperty, Property, DEVICE_OWNERSHIP_VALUES, OPERATING_SYSTEM_SKUS};

/// Intune's limit on the length of a rule, in characters.
pub const MAX_RULE_CHARS: usize = 3072;

/// How deeply parentheses may nest. Intune publishes no limit; this one is ours.
pub const MAX_NESTING: usize = 100;

/// Parses a rule. Never panics, whatever the input.
pub fn parse(text: &str) -> Result<Rule, ParseError> {
    parser::parse_rule(text).map(|expr| Rule { expr })
}

/// A parsed filter rule.
///
/// Two rules are equal when they read the same, whatever the spacing, keyword case, dashes or
/// parentheses around single comparisons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    expr: Expr,
}

impl Rule {
    /// Wraps a hand-built expression (for tests and generated rules).
    pub fn from_expr(expr: Expr) -> Rule {
        Rule { expr }
    }

    /// The syntax tree.
    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// Every comparison, left to right.
    pub fn comparisons(&self) -> Vec<&Comparison> {
        self.expr.comparisons()
    }

    /// Why ESP assignments cannot use this rule, or `None` if they can. The first problem in rule
    /// order; [`Rule::esp_restrictions`] lists them all.
    pub fn esp_restriction(&self) -> Option<EspRestriction> {
        esp::restrictions(&self.expr).into_iter().next()
    }

    /// Every reason ESP assignments cannot use this rule, in rule order.
    pub fn esp_restrictions(&self) -> Vec<EspRestriction> {
        esp::restrictions(&self.expr)
    }

    /// Whether the rule reads `device.model` or `device.manufacturer`, which ESP honours only on
    /// Windows 11 22H2/23H2 with KB5035942 or later (warning `FILTER_PROPERTY_OS`).
    pub fn uses_os_gated_property(&self) -> bool {
        self.comparisons().iter().any(|c| {
            c.property
                .esp_property()
                .is_some_and(EspProperty::is_os_gated)
        })
    }

    /// `operatingSystemSKU` and `deviceOwnership` values outside the documented lists
    /// ([`OPERATING_SYSTEM_SKUS`], [`DEVICE_OWNERSHIP_VALUES`]): warnings, not errors.
    pub fn value_warnings(&self) -> Vec<ValueWarning> {
        esp::value_warnings(&self.expr)
    }

    /// Whether the device matches, and the clause that decided it.
    pub fn evaluate(&self, device: &DeviceProperties) -> Evaluation {
        eval::evaluate(&self.expr, device)
    }

    /// The rule prepared for evaluating many devices quickly ([`CompiledRule::matches`] agrees
    /// with [`Rule::evaluate`] on `matched`, without the explanation).
    pub fn compile(&self) -> CompiledRule {
        CompiledRule::new(&self.expr)
    }

    /// The rule with explicit parentheses and canonical spelling; parses back to an equal rule.
    pub fn to_normalized_string(&self) -> String {
        self.expr.to_string()
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.expr, f)
    }
}

impl FromStr for Rule {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Rule, ParseError> {
        parse(text)
    }
}
