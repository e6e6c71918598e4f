//! Writes a rule back in normalised form, with every grouping in explicit parentheses.
//!
//! Intune does not document whether `and` binds tighter than `or`, so the designer shows the
//! admin how their rule was read: each comparison in parentheses as the Intune rule builder
//! writes it, each `and` inside an `or` (and any group the admin wrote) in another pair, operators
//! and properties in canonical spelling. The output parses back to the same tree.

use std::fmt::{self, Write as _};

use super::ast::{Comparison, Expr, Value};

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Comparison(c) => write!(f, "({c})"),
            Expr::And(items) => write_joined(f, items, "and"),
            Expr::Or(items) => write_joined(f, items, "or"),
        }
    }
}

fn write_joined(f: &mut fmt::Formatter<'_>, items: &[Expr], keyword: &str) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            write!(f, " {keyword} ")?;
        }
        match item {
            // A comparison already carries its own parentheses.
            Expr::Comparison(_) => write!(f, "{item}")?,
            // A one-operand node (possible only in hand-built trees) needs none either.
            Expr::And(inner) | Expr::Or(inner) if inner.len() < 2 => write!(f, "{item}")?,
            Expr::And(_) | Expr::Or(_) => write!(f, "({item})")?,
        }
    }
    Ok(())
}

/// The comparison without surrounding parentheses: `device.model -eq "Surface Book 3"`.
impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.property, self.operator, self.value)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::String(s) => write_quoted(f, s),
            Value::List(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write_quoted(f, item)?;
                }
                f.write_char(']')
            }
            Value::Null => f.write_str("$null"),
            Value::Version(v) => f.write_str(v),
        }
    }
}

/// Quotes a value so the lexer reads it back unchanged: `"` becomes `\"`, and a backslash is
/// doubled only where it would otherwise start an escape (before `"` or `\`, or at the end),
/// so `C:\Temp` stays readable.
fn write_quoted(f: &mut fmt::Formatter<'_>, value: &str) -> fmt::Result {
    f.write_char('"')?;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' if matches!(chars.peek(), None | Some('"' | '\\')) => f.write_str("\\\\")?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}
