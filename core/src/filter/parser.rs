//! Recursive-descent parser: `or → and → primary (parenthesised rule | comparison)`.
//!
//! `and` binds tighter than `or`, the conventional precedence; Intune does not document it
//! (research/intune.md §3.1), which is why the printer always shows the grouping.

use super::ast::{Comparison, Expr, Operator, Value, ValueShape};
use super::error::{quote, shorten, thousands, ParseError};
use super::lexer::{tokenize, Token, TokenKind};
use super::property::{known_device_property, Entity, Property};
use super::{MAX_NESTING, MAX_RULE_CHARS};

const EXPECTED_COMPARISON: &str = "a comparison such as device.model -eq \"Surface Book 3\"";
const HINT_QUOTES: &str = "write values in straight double quotes, like \"Surface Book 3\"";
const HINT_NEGATION: &str = "Intune filters have no -not; negate the operator instead \
     (-ne, -notIn, -notContains, -notStartsWith, -notEndsWith)";
const HINT_NULL_OPERATORS: &str = "$null works only with -eq and -ne";
const HINT_LIST_OPERATORS: &str = "lists go with -in or -notIn";

/// Parses a whole rule.
pub(crate) fn parse_rule(text: &str) -> Result<Expr, ParseError> {
    // Checked before lexing: the limit is Intune's, and it also bounds the work below.
    let length = text.chars().count();
    if length > MAX_RULE_CHARS {
        return Err(ParseError {
            column: MAX_RULE_CHARS + 1,
            width: length - MAX_RULE_CHARS,
            expected: format!("a rule of at most {} characters", thousands(MAX_RULE_CHARS)),
            found: format!("{} characters", thousands(length)),
            hint: Some("shorten the rule or split it into several filters".to_owned()),
        });
    }
    let mut parser = Parser::new(tokenize(text));
    let expr = parser.parse_or()?;
    let end = parser.peek().clone();
    if end.kind != TokenKind::Eof {
        return Err(after_comparison_error(&end, None));
    }
    Ok(expr)
}

struct Parser<'a> {
    tokens: Vec<Token<'a>>,
    pos: usize,
    /// Returned by `peek` past the end; the lexer always ends with Eof, so this is a fallback.
    eof: Token<'a>,
    /// Open parentheses around the current point, bounded by [`MAX_NESTING`] so a rule of
    /// 3,072 `(` cannot overflow the stack (a dead page in wasm).
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(tokens: Vec<Token<'a>>) -> Self {
        let eof = tokens.last().cloned().unwrap_or(Token {
            kind: TokenKind::Eof,
            text: "",
            column: 1,
            width: 0,
        });
        Parser {
            tokens,
            pos: 0,
            eof,
            depth: 0,
        }
    }

    fn peek(&self) -> &Token<'a> {
        self.tokens.get(self.pos).unwrap_or(&self.eof)
    }

    fn bump(&mut self) -> Token<'a> {
        let token = self.peek().clone();
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
        token
    }

    /// `and` / `or`, with or without a dash, in any case.
    fn at_keyword(&self, keyword: &str) -> bool {
        let token = self.peek();
        token.kind == TokenKind::Word && is_keyword(token.text, keyword)
    }

    fn parse_or(&mut self) -> Result<Expr, ParseError> {
        let first = self.parse_and()?;
        let mut rest = Vec::new();
        while self.at_keyword("or") {
            self.bump();
            rest.push(self.parse_and()?);
        }
        Ok(join(first, rest, Expr::Or))
    }

    fn parse_and(&mut self) -> Result<Expr, ParseError> {
        let first = self.parse_primary()?;
        let mut rest = Vec::new();
        while self.at_keyword("and") {
            self.bump();
            rest.push(self.parse_primary()?);
        }
        Ok(join(first, rest, Expr::And))
    }

    fn parse_primary(&mut self) -> Result<Expr, ParseError> {
        let token = self.peek().clone();
        match token.kind {
            TokenKind::LParen => {
                if self.depth >= MAX_NESTING {
                    return Err(ParseError::at(
                        &token,
                        format!("at most {MAX_NESTING} levels of nested parentheses"),
                        None,
                    ));
                }
                self.bump();
                self.depth += 1;
                let expr = self.parse_or()?;
                let close = self.peek().clone();
                if close.kind != TokenKind::RParen {
                    return Err(after_comparison_error(&close, Some(&token)));
                }
                self.bump();
                self.depth -= 1;
                Ok(expr)
            }
            TokenKind::Word => self.parse_comparison().map(Expr::Comparison),
            _ => Err(ParseError::at(
                &token,
                EXPECTED_COMPARISON,
                stray_quote_hint(&token),
            )),
        }
    }

    fn parse_comparison(&mut self) -> Result<Comparison, ParseError> {
        let property_token = self.bump();
        let property = parse_property(&property_token)?;
        let operator_token = self.peek().clone();
        let operator = match operator_token.kind {
            TokenKind::Word => Operator::from_word(operator_token.text),
            _ => None,
        };
        let Some(operator) = operator else {
            return Err(ParseError::at(
                &operator_token,
                format!(
                    "an operator such as -eq after {}",
                    quote(property_token.text)
                ),
                operator_hint(&operator_token),
            ));
        };
        self.bump();
        let value = self.parse_value(operator, &operator_token)?;
        Ok(Comparison {
            property,
            operator,
            value,
        })
    }

    fn parse_value(
        &mut self,
        operator: Operator,
        operator_token: &Token<'_>,
    ) -> Result<Value, ParseError> {
        let token = self.peek().clone();
        let after = quote(operator_token.text);
        let shape = operator.value_shape();
        let value = match (&token.kind, shape) {
            (TokenKind::Str(s), ValueShape::Scalar | ValueShape::Text) => Value::String(s.clone()),
            (TokenKind::Word, ValueShape::Scalar) if is_null_word(token.text) => Value::Null,
            (TokenKind::Word, ValueShape::Scalar | ValueShape::Version)
                if is_version_word(token.text) =>
            {
                Value::Version(token.text.to_owned())
            }
            (TokenKind::LBracket, ValueShape::List) => return self.parse_list(),
            (TokenKind::UnterminatedStr, ValueShape::Scalar | ValueShape::Text) => {
                return Err(unterminated(&token))
            }
            _ => {
                let expected = match shape {
                    ValueShape::Scalar | ValueShape::Text => {
                        format!("a quoted value such as \"Surface Book 3\" after {after}")
                    }
                    ValueShape::List => {
                        format!(
                            "a list such as [\"Surface Book 3\", \"Surface Book 2\"] after {after}"
                        )
                    }
                    ValueShape::Version => {
                        format!("an unquoted version such as 10.0.22631.3235 after {after}")
                    }
                };
                return Err(ParseError::at(&token, expected, value_hint(&token, shape)));
            }
        };
        self.bump();
        Ok(value)
    }

    /// Parses `["a", "b"]`; the current token is the `[`.
    fn parse_list(&mut self) -> Result<Value, ParseError> {
        let open = self.bump();
        let mut items = Vec::new();
        loop {
            let token = self.peek().clone();
            match &token.kind {
                TokenKind::Str(s) => {
                    items.push(s.clone());
                    self.bump();
                }
                TokenKind::UnterminatedStr => return Err(unterminated(&token)),
                kind => {
                    let hint = match kind {
                        TokenKind::RBracket if items.is_empty() => {
                            Some("a list needs at least one value".to_owned())
                        }
                        TokenKind::RBracket => Some("remove the comma before ]".to_owned()),
                        TokenKind::Word => Some(format!(
                            "put the value in double quotes: \"{}\"",
                            shorten(token.text)
                        )),
                        _ => stray_quote_hint(&token),
                    };
                    return Err(ParseError::at(&token, "a quoted value in the list", hint));
                }
            }
            let next = self.peek().clone();
            match next.kind {
                TokenKind::Comma => {
                    self.bump();
                }
                TokenKind::RBracket => {
                    self.bump();
                    return Ok(Value::List(items));
                }
                _ => {
                    let hint = match next.kind {
                        TokenKind::Str(_) => Some("separate the values with commas".to_owned()),
                        TokenKind::Eof => Some(format!(
                            "the list at column {} is never closed",
                            open.column
                        )),
                        _ => stray_quote_hint(&next),
                    };
                    return Err(ParseError::at(
                        &next,
                        "a comma or a closing ] in the list",
                        hint,
                    ));
                }
            }
        }
    }
}

/// One operand stays itself; several become an `and` / `or` node.
fn join(first: Expr, mut rest: Vec<Expr>, node: fn(Vec<Expr>) -> Expr) -> Expr {
    if rest.is_empty() {
        first
    } else {
        rest.insert(0, first);
        node(rest)
    }
}

fn is_keyword(text: &str, keyword: &str) -> bool {
    text.strip_prefix('-')
        .unwrap_or(text)
        .eq_ignore_ascii_case(keyword)
}

fn is_null_word(text: &str) -> bool {
    text.eq_ignore_ascii_case("$null") || text.eq_ignore_ascii_case("null")
}

/// Dotted decimal numbers: `10`, `10.0.22631.3235`. No empty parts, no signs.
pub(crate) fn is_version_word(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

fn is_negation_word(text: &str) -> bool {
    text.starts_with('!') || is_keyword(text, "not")
}

/// Reads `device.model` (or `app.appVersion`); anything else is reported as a missing comparison.
fn parse_property(token: &Token<'_>) -> Result<Property, ParseError> {
    let text = token.text;
    let fail = |hint: Option<String>| Err(ParseError::at(token, EXPECTED_COMPARISON, hint));
    if is_negation_word(text) {
        return fail(Some(HINT_NEGATION.to_owned()));
    }
    let Some((entity_text, name)) = text.split_once('.') else {
        let hint = known_device_property(text).map(|name| format!("write device.{name}"));
        return fail(hint);
    };
    let Some(entity) = Entity::from_word(entity_text) else {
        return fail(Some(
            "Intune filters compare device properties, written device.<name>".to_owned(),
        ));
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        // `device.model-eq`: the admin left out the space before the operator.
        let hint = name
            .split_once('-')
            .filter(|(name, operator)| !name.is_empty() && Operator::from_word(operator).is_some())
            .map(|(name, operator)| {
                format!(
                    "put a space between {}.{} and -{operator}",
                    entity.as_str(),
                    shorten(name)
                )
            });
        return fail(hint);
    }
    Ok(Property::new(entity, name))
}

fn operator_hint(token: &Token<'_>) -> Option<String> {
    if token.kind != TokenKind::Word {
        return stray_quote_hint(token);
    }
    let text = token.text;
    let bare = text.strip_prefix('-').unwrap_or(text).to_ascii_lowercase();
    let hint = match bare.as_str() {
        "match" | "notmatch" | "cmatch" | "imatch" => {
            "Intune filters have no -match; use -eq, -startsWith, -endsWith, -contains or -in"
        }
        "like" | "notlike" => "Intune filters have no -like; use -startsWith, -endsWith or -contains",
        "not" => HINT_NEGATION,
        "any" | "all" => {
            "-any and -all belong to Entra dynamic groups; to compare with several values use -in [\"a\", \"b\"]"
        }
        "=" | "==" => "write -eq",
        "!=" | "<>" => "write -ne",
        ">" => "write -gt",
        ">=" => "write -ge",
        "<" => "write -lt",
        "<=" => "write -le",
        _ => return None,
    };
    Some(hint.to_owned())
}

fn value_hint(token: &Token<'_>, shape: ValueShape) -> Option<String> {
    match (&token.kind, shape) {
        (TokenKind::Word, ValueShape::Text | ValueShape::List | ValueShape::Version)
            if is_null_word(token.text) =>
        {
            Some(HINT_NULL_OPERATORS.to_owned())
        }
        (TokenKind::LBracket, ValueShape::Scalar | ValueShape::Text) => {
            Some(HINT_LIST_OPERATORS.to_owned())
        }
        (TokenKind::Str(_), ValueShape::List) => Some(format!(
            "put the value in a list: [{}]",
            shorten(token.text)
        )),
        (TokenKind::Str(s), ValueShape::Version) if is_version_word(s) => {
            Some(format!("write {} without quotes", shorten(s)))
        }
        (TokenKind::Str(_), ValueShape::Version) => {
            Some("-gt, -ge, -lt and -le compare versions".to_owned())
        }
        (TokenKind::Word, ValueShape::Scalar | ValueShape::Text)
            if !is_keyword(token.text, "and") && !is_keyword(token.text, "or") =>
        {
            Some(format!(
                "put the value in double quotes: \"{}\"",
                shorten(token.text)
            ))
        }
        _ => stray_quote_hint(token),
    }
}

fn stray_quote_hint(token: &Token<'_>) -> Option<String> {
    (token.kind == TokenKind::StrayQuote).then(|| HINT_QUOTES.to_owned())
}

fn unterminated(token: &Token<'_>) -> ParseError {
    ParseError {
        column: token.column,
        width: token.width,
        expected: "a closing \" for the quoted value".to_owned(),
        found: "the end of the rule".to_owned(),
        hint: None,
    }
}

/// After a complete comparison only `and`, `or`, a `)` (inside parentheses) or the end may follow.
fn after_comparison_error(token: &Token<'_>, open: Option<&Token<'_>>) -> ParseError {
    let expected = if open.is_some() {
        "and, or or a closing parenthesis"
    } else {
        "and, or or the end of the rule"
    };
    let hint = match (&token.kind, open) {
        (TokenKind::RParen, None) => Some("this closing parenthesis has no opening one".to_owned()),
        (TokenKind::Eof, Some(open)) => Some(format!(
            "the parenthesis at column {} is never closed",
            open.column
        )),
        (TokenKind::Word, _) if token.text == "&&" => Some("write and".to_owned()),
        (TokenKind::Word, _) if token.text == "||" => Some("write or".to_owned()),
        // Another comparison starts here: the admin left out the `and` / `or`.
        (TokenKind::Word, _) if token.text.contains('.') => {
            Some("join comparisons with and or or".to_owned())
        }
        (TokenKind::LParen, _) => Some("join comparisons with and or or".to_owned()),
        (TokenKind::Str(_), _) => {
            Some("a comparison takes one value; use -in [\"a\", \"b\"] for several".to_owned())
        }
        _ => stray_quote_hint(token),
    };
    ParseError::at(token, expected, hint)
}
