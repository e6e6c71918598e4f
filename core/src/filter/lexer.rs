//! Splits a rule into tokens, each with its byte span and 1-based character column.
//!
//! The lexer never fails: text it cannot make sense of becomes a token the parser reports in
//! context, so the first problem in reading order is the one the admin sees.

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    /// A double-quoted string, already unescaped.
    Str(String),
    /// A double-quoted string with no closing quote before the end of the rule.
    UnterminatedStr,
    /// A run of anything else: `device.model`, `-eq`, `and`, `$null`, `10.0.22631`, `==`.
    Word,
    /// A quote character filters do not use (`'`, `“`, `”`, `„`): reported with a hint.
    StrayQuote,
    /// The end of the rule.
    Eof,
}

/// A token and where it sits in the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub kind: TokenKind,
    /// The source text of the token, as the admin wrote it.
    pub text: &'a str,
    /// 1-based column of the first character, counted in characters (not bytes).
    pub column: usize,
    /// Length in characters, for underlining.
    pub width: usize,
}

fn is_delimiter(c: char) -> bool {
    is_space(c) || matches!(c, '(' | ')' | '[' | ']' | ',' | '"') || is_stray_quote(c)
}

/// Whitespace, plus the invisible characters that ride along when a rule is pasted from a web
/// page or a file with a byte-order mark; outside quotes they would otherwise cause errors about
/// text the admin cannot see.
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

fn is_stray_quote(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{201E}'
    )
}

/// Tokenizes `text`; the last token is always [`TokenKind::Eof`].
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    // Columns are counted alongside byte offsets so multibyte characters count once.
    let mut chars = text.char_indices().peekable();
    let mut column = 1;
    while let Some(&(start, c)) = chars.peek() {
        if is_space(c) {
            chars.next();
            column += 1;
            continue;
        }
        let token_column = column;
        let single = match c {
            '(' => Some(TokenKind::LParen),
            ')' => Some(TokenKind::RParen),
            '[' => Some(TokenKind::LBracket),
            ']' => Some(TokenKind::RBracket),
            ',' => Some(TokenKind::Comma),
            c if is_stray_quote(c) => Some(TokenKind::StrayQuote),
            _ => None,
        };
        if let Some(kind) = single {
            chars.next();
            column += 1;
            let end = start + c.len_utf8();
            tokens.push(Token {
                kind,
                text: text.get(start..end).unwrap_or(""),
                column: token_column,
                width: 1,
            });
            continue;
        }
        if c == '"' {
            chars.next();
            column += 1;
            let mut value = String::new();
            let mut closed = false;
            let mut end = text.len();
            while let Some((index, c)) = chars.next() {
                column += 1;
                match c {
                    '"' => {
                        closed = true;
                        end = index + 1;
                        break;
                    }
                    // Only `\"` and `\\` are escapes; any other backslash is literal, so values
                    // such as `C:\Temp` need no doubling.
                    '\\' => match chars.peek() {
                        Some(&(_, next @ ('"' | '\\'))) => {
                            chars.next();
                            column += 1;
                            value.push(next);
                        }
                        _ => value.push('\\'),
                    },
                    c => value.push(c),
                }
            }
            tokens.push(Token {
                kind: if closed {
                    TokenKind::Str(value)
                } else {
                    TokenKind::UnterminatedStr
                },
                text: text.get(start..end).unwrap_or(""),
                column: token_column,
                width: column - token_column,
            });
            continue;
        }
        let mut end = start;
        while let Some(&(index, c)) = chars.peek() {
            if is_delimiter(c) {
                break;
            }
            chars.next();
            column += 1;
            end = index + c.len_utf8();
        }
        tokens.push(Token {
            kind: TokenKind::Word,
            text: text.get(start..end).unwrap_or(""),
            column: token_column,
            width: column - token_column,
        });
    }
    tokens.push(Token {
        kind: TokenKind::Eof,
        text: "",
        column,
        width: 0,
    });
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders tokens as `kind@column+width` so a whole stream fits on one line.
    fn check(input: &str, expected: &str) {
        let rendered: Vec<String> = tokenize(input)
            .iter()
            .map(|t| {
                let kind = match &t.kind {
                    TokenKind::LParen => "(".to_owned(),
                    TokenKind::RParen => ")".to_owned(),
                    TokenKind::LBracket => "[".to_owned(),
                    TokenKind::RBracket => "]".to_owned(),
                    TokenKind::Comma => ",".to_owned(),
                    TokenKind::Str(s) => format!("str({s})"),
                    TokenKind::UnterminatedStr => format!("unterminated({})", t.text),
                    TokenKind::Word => format!("word({})", t.text),
                    TokenKind::StrayQuote => format!("stray({})", t.text),
                    TokenKind::Eof => "eof".to_owned(),
                };
                format!("{kind}@{}+{}", t.column, t.width)
            })
            .collect();
        assert_eq!(rendered.join(" "), expected, "input: {input}");
    }

    #[test]
    fn tokens() {
        check("", "eof@1+0");
        check("   ", "eof@4+0");
        check(
            "(device.model -eq \"x\")",
            "(@1+1 word(device.model)@2+12 word(-eq)@15+3 str(x)@19+3 )@22+1 eof@23+0",
        );
        check("a-eq\"x\"", "word(a-eq)@1+4 str(x)@5+3 eof@8+0");
        check(
            "[\"a\",\"b\"]",
            "[@1+1 str(a)@2+3 ,@5+1 str(b)@6+3 ]@9+1 eof@10+0",
        );
        check("\"a\\\"b\"", "str(a\"b)@1+6 eof@7+0");
        check("\"a\\\\b\"", "str(a\\b)@1+6 eof@7+0");
        check("\"C:\\Temp\"", "str(C:\\Temp)@1+9 eof@10+0");
        check("\"abc", "unterminated(\"abc)@1+4 eof@5+0");
        check("\"abc\\\"", "unterminated(\"abc\\\")@1+6 eof@7+0");
        check("'x'", "stray(')@1+1 word(x)@2+1 stray(')@3+1 eof@4+0");
        check("“x”", "stray(“)@1+1 word(x)@2+1 stray(”)@3+1 eof@4+0");
        check("\"Zürich\" é", "str(Zürich)@1+8 word(é)@10+1 eof@11+0");
        check(
            "10.0.22631 $null",
            "word(10.0.22631)@1+10 word($null)@12+5 eof@17+0",
        );
        check("a\tb\nc", "word(a)@1+1 word(b)@3+1 word(c)@5+1 eof@6+0");
        check(
            "\u{FEFF}a\u{200B}b\u{A0}c",
            "word(a)@2+1 word(b)@4+1 word(c)@6+1 eof@7+0",
        );
        check("\"\u{200B}\"", "str(\u{200B})@1+3 eof@4+0");
    }
}
