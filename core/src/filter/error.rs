//! The error a malformed rule produces: where, what was expected, what was found, and a hint.

use super::lexer::{Token, TokenKind};

/// Why a rule could not be read.
///
/// Displays as one lowercase sentence with the admin's input in backticks, e.g.
/// ``expected an operator such as -eq after `device.model` at column 14, found `==`; write -eq``.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "expected {expected} at column {column}, found {found}{}",
    .hint.as_deref().map(|hint| format!("; {hint}")).unwrap_or_default()
)]
pub struct ParseError {
    /// 1-based column of the problem, counted in characters (a `é` counts once).
    pub column: usize,
    /// How many characters the problem covers, for underlining; 0 at the end of the rule.
    pub width: usize,
    /// What the rule needed at that point, in the admin's words: ``an operator such as -eq after `device.model` ``.
    pub expected: String,
    /// What was there instead: `` `==` `` or `the end of the rule`.
    pub found: String,
    /// A suggestion for the common mistakes we recognise (`-match`, `-not`, single quotes, …).
    pub hint: Option<String>,
}

/// Longest piece of the admin's input quoted back in an error, in characters.
const MAX_QUOTED_CHARS: usize = 30;

impl ParseError {
    pub(crate) fn at(token: &Token<'_>, expected: impl Into<String>, hint: Option<String>) -> Self {
        ParseError {
            column: token.column,
            width: token.width,
            expected: expected.into(),
            found: describe(token),
            hint,
        }
    }
}

/// How an error names a token: its text in backticks, shortened if long.
pub(crate) fn describe(token: &Token<'_>) -> String {
    match token.kind {
        TokenKind::Eof => "the end of the rule".to_owned(),
        _ => quote(token.text),
    }
}

/// The admin's text in backticks, cut to [`MAX_QUOTED_CHARS`] with an ellipsis.
pub(crate) fn quote(text: &str) -> String {
    format!("`{}`", shorten(text))
}

/// The admin's text cut to [`MAX_QUOTED_CHARS`] with an ellipsis, so a pasted paragraph does
/// not flood the message.
pub(crate) fn shorten(text: &str) -> String {
    if text.chars().count() > MAX_QUOTED_CHARS {
        let head: String = text.chars().take(MAX_QUOTED_CHARS - 1).collect();
        format!("{head}…")
    } else {
        text.to_owned()
    }
}

/// `3072` → `3,072`: error messages show counts the way the admin center does.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(3072), "3,072");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn long_input_is_shortened() {
        assert_eq!(quote("abc"), "`abc`");
        let long = "é".repeat(40);
        assert_eq!(quote(&long), format!("`{}…`", "é".repeat(29)));
    }
}
