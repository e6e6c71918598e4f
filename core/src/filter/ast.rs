//! The syntax tree of a filter rule: comparisons joined by `and` / `or`.
//!
//! The tree keeps no source positions, so two rules that differ only in spacing, letter case of
//! keywords or redundant parentheses around a single comparison compare equal.

use std::fmt;

use super::property::Property;

/// A rule expression.
///
/// `And` and `Or` hold two or more operands: a chain `a or b or c` is one `Or` of three, while
/// parentheses the admin wrote, as in `(a or b) or c`, stay a nested node, so printing shows the
/// grouping the admin chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Comparison(Comparison),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

impl Expr {
    /// Every comparison in the expression, left to right.
    pub fn comparisons(&self) -> Vec<&Comparison> {
        let mut out = Vec::new();
        self.collect_comparisons(&mut out);
        out
    }

    fn collect_comparisons<'a>(&'a self, out: &mut Vec<&'a Comparison>) {
        match self {
            Expr::Comparison(c) => out.push(c),
            Expr::And(items) | Expr::Or(items) => {
                for item in items {
                    item.collect_comparisons(out);
                }
            }
        }
    }
}

/// One `device.PROPERTY OPERATOR VALUE` comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub property: Property,
    pub operator: Operator,
    pub value: Value,
}

/// What a comparison compares the property with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A double-quoted string, unescaped (`"a\"b"` holds `a"b`).
    String(String),
    /// A `["a", "b"]` list, for `-in` / `-notIn`.
    List(Vec<String>),
    /// `$null` or `null`, for `-eq` / `-ne`.
    Null,
    /// An unquoted version such as `10.0.22631.3235`, kept as written.
    Version(String),
}

/// The comparison operators Intune filters know (DOMAIN.md §4; Graph `assignmentFilterOperator`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    Eq,
    Ne,
    StartsWith,
    NotStartsWith,
    EndsWith,
    NotEndsWith,
    Contains,
    NotContains,
    In,
    NotIn,
    Gt,
    Ge,
    Lt,
    Le,
}

/// The kind of value an operator takes, which the parser enforces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueShape {
    /// A quoted string, `$null`, or an unquoted version (`-eq`, `-ne`).
    Scalar,
    /// A quoted string only (`-startsWith`, `-contains`, …).
    Text,
    /// A `[…]` list of quoted strings (`-in`, `-notIn`).
    List,
    /// An unquoted version (`-gt`, `-ge`, `-lt`, `-le`).
    Version,
}

impl Operator {
    /// Every operator, in the order of the Graph enum.
    pub const ALL: [Operator; 14] = [
        Operator::Eq,
        Operator::Ne,
        Operator::StartsWith,
        Operator::NotStartsWith,
        Operator::Contains,
        Operator::NotContains,
        Operator::In,
        Operator::NotIn,
        Operator::EndsWith,
        Operator::NotEndsWith,
        Operator::Gt,
        Operator::Ge,
        Operator::Lt,
        Operator::Le,
    ];

    /// The canonical spelling, with the dash: `-startsWith`.
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Eq => "-eq",
            Operator::Ne => "-ne",
            Operator::StartsWith => "-startsWith",
            Operator::NotStartsWith => "-notStartsWith",
            Operator::EndsWith => "-endsWith",
            Operator::NotEndsWith => "-notEndsWith",
            Operator::Contains => "-contains",
            Operator::NotContains => "-notContains",
            Operator::In => "-in",
            Operator::NotIn => "-notIn",
            Operator::Gt => "-gt",
            Operator::Ge => "-ge",
            Operator::Lt => "-lt",
            Operator::Le => "-le",
        }
    }

    /// Reads an operator with or without its dash, in any letter case.
    pub fn from_word(word: &str) -> Option<Operator> {
        let bare = word.strip_prefix('-').unwrap_or(word);
        Operator::ALL.into_iter().find(|op| {
            op.as_str()
                .strip_prefix('-')
                .is_some_and(|name| name.eq_ignore_ascii_case(bare))
        })
    }

    /// `-gt`, `-ge`, `-lt`, `-le`: version ordering, meaningful only for `operatingSystemVersion`.
    pub fn is_ordering(self) -> bool {
        matches!(
            self,
            Operator::Gt | Operator::Ge | Operator::Lt | Operator::Le
        )
    }

    /// The `-not…` / `-ne` operators, which are exactly the negation of their positive twin.
    pub fn is_negated(self) -> bool {
        matches!(
            self,
            Operator::Ne
                | Operator::NotStartsWith
                | Operator::NotEndsWith
                | Operator::NotContains
                | Operator::NotIn
        )
    }

    pub(crate) fn value_shape(self) -> ValueShape {
        match self {
            Operator::Eq | Operator::Ne => ValueShape::Scalar,
            Operator::StartsWith
            | Operator::NotStartsWith
            | Operator::EndsWith
            | Operator::NotEndsWith
            | Operator::Contains
            | Operator::NotContains => ValueShape::Text,
            Operator::In | Operator::NotIn => ValueShape::List,
            Operator::Gt | Operator::Ge | Operator::Lt | Operator::Le => ValueShape::Version,
        }
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
