//! Malformed rules: every error names the column (in characters) and what was expected.

use esp_core::filter::{parse, MAX_NESTING, MAX_RULE_CHARS};

#[track_caller]
fn check(input: &str, expected: &str) {
    let error = match parse(input) {
        Ok(rule) => panic!("`{input}` should not parse, got {rule}"),
        Err(e) => e,
    };
    assert_eq!(error.to_string(), expected, "input: {input}");
    assert!(
        expected.contains(&format!("at column {},", error.column)),
        "the column field ({}) must be the one the message names",
        error.column
    );
    assert!(error.column >= 1 && error.column <= input.chars().count() + 1);
}

#[test]
fn missing_comparison() {
    check("", "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found the end of the rule");
    check("   ", "expected a comparison such as device.model -eq \"Surface Book 3\" at column 4, found the end of the rule");
    check("()", "expected a comparison such as device.model -eq \"Surface Book 3\" at column 2, found `)`");
    check(r#"device.model -eq "x" and"#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 25, found the end of the rule");
    check(r#"device.model -eq "x" and or device.model -eq "y""#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 26, found `or`");
    check(r#"or device.model -eq "y""#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `or`");
    check(r#""Surface" -eq device.model"#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `\"Surface\"`");
    check("$null -eq device.model", "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `$null`");
}

#[test]
fn property_mistakes() {
    check(r#"model -eq "x""#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `model`; write device.model");
    check(r#"(OSVERSION -eq "x")"#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 2, found `OSVERSION`; write device.osVersion");
    check(r#"user.department -eq "x""#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `user.department`; Intune filters compare device properties, written device.<name>");
    check(r#"device.model-eq "x""#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `device.model-eq`; put a space between device.model and -eq");
    check(r#"device. -eq "x""#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `device.`");
    check(r#"device.mo$del -eq "x""#, "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `device.mo$del`");
}

#[test]
fn unsupported_syntax() {
    let negation = "Intune filters have no -not; negate the operator instead (-ne, -notIn, -notContains, -notStartsWith, -notEndsWith)";
    check(r#"-not (device.model -eq "x")"#, &format!("expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `-not`; {negation}"));
    check(r#"not device.model -eq "x""#, &format!("expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `not`; {negation}"));
    check(r#"device.model -eq "a" and -NOT (device.model -eq "x")"#, &format!("expected a comparison such as device.model -eq \"Surface Book 3\" at column 26, found `-NOT`; {negation}"));
    check(r#"!device.model -eq "x""#, &format!("expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `!device.model`; {negation}"));
    check(r#"device.model -not "x""#, &format!("expected an operator such as -eq after `device.model` at column 14, found `-not`; {negation}"));
    check(r#"device.model -match "^Surface""#, "expected an operator such as -eq after `device.model` at column 14, found `-match`; Intune filters have no -match; use -eq, -startsWith, -endsWith, -contains or -in");
    check(r#"device.model -notMatch "x""#, "expected an operator such as -eq after `device.model` at column 14, found `-notMatch`; Intune filters have no -match; use -eq, -startsWith, -endsWith, -contains or -in");
    check(r#"device.model -like "Surface*""#, "expected an operator such as -eq after `device.model` at column 14, found `-like`; Intune filters have no -like; use -startsWith, -endsWith or -contains");
    check(r#"device.model -any "x""#, "expected an operator such as -eq after `device.model` at column 14, found `-any`; -any and -all belong to Entra dynamic groups; to compare with several values use -in [\"a\", \"b\"]");
    check(r#"device.model -all "x""#, "expected an operator such as -eq after `device.model` at column 14, found `-all`; -any and -all belong to Entra dynamic groups; to compare with several values use -in [\"a\", \"b\"]");
}

#[test]
fn operator_mistakes() {
    check("device.model", "expected an operator such as -eq after `device.model` at column 13, found the end of the rule");
    check(r#"(device.model "x")"#, "expected an operator such as -eq after `device.model` at column 15, found `\"x\"`");
    check(r#"device.model == "x""#, "expected an operator such as -eq after `device.model` at column 14, found `==`; write -eq");
    check(r#"device.model = "x""#, "expected an operator such as -eq after `device.model` at column 14, found `=`; write -eq");
    check(r#"device.model != "x""#, "expected an operator such as -eq after `device.model` at column 14, found `!=`; write -ne");
    check("device.operatingSystemVersion >= 10.0", "expected an operator such as -eq after `device.operatingSystemVersion` at column 31, found `>=`; write -ge");
    check(r#"device.model -equals "x""#, "expected an operator such as -eq after `device.model` at column 14, found `-equals`");
    check(r#"DEVICE.Model -EQUAL "x""#, "expected an operator such as -eq after `DEVICE.Model` at column 14, found `-EQUAL`");
    check(r#"device.model 'eq' "x""#, "expected an operator such as -eq after `device.model` at column 14, found `'`; write values in straight double quotes, like \"Surface Book 3\"");
}

#[test]
fn value_mistakes() {
    check("device.model -eq", "expected a quoted value such as \"Surface Book 3\" after `-eq` at column 17, found the end of the rule");
    check("device.model -eq Surface", "expected a quoted value such as \"Surface Book 3\" after `-eq` at column 18, found `Surface`; put the value in double quotes: \"Surface\"");
    check("device.model -eq 'Surface'", "expected a quoted value such as \"Surface Book 3\" after `-eq` at column 18, found `'`; write values in straight double quotes, like \"Surface Book 3\"");
    check("device.model -eq “Surface”", "expected a quoted value such as \"Surface Book 3\" after `-eq` at column 18, found `“`; write values in straight double quotes, like \"Surface Book 3\"");
    check(r#"device.model -eq "Surface"#, "expected a closing \" for the quoted value at column 18, found the end of the rule");
    check(r#"device.model -eq "Surface\""#, "expected a closing \" for the quoted value at column 18, found the end of the rule");
    check(r#"device.model -eq ["a"]"#, "expected a quoted value such as \"Surface Book 3\" after `-eq` at column 18, found `[`; lists go with -in or -notIn");
    check(r#"device.model -contains $null"#, "expected a quoted value such as \"Surface Book 3\" after `-contains` at column 24, found `$null`; $null works only with -eq and -ne");
    check(r#"device.model -startsWith 10.0"#, "expected a quoted value such as \"Surface Book 3\" after `-startsWith` at column 26, found `10.0`; put the value in double quotes: \"10.0\"");
    check(r#"device.model -eq and"#, "expected a quoted value such as \"Surface Book 3\" after `-eq` at column 18, found `and`");
    check(r#"device.model -eq "a" "b""#, "expected and, or or the end of the rule at column 22, found `\"b\"`; a comparison takes one value; use -in [\"a\", \"b\"] for several");
}

#[test]
fn list_mistakes() {
    check(r#"device.model -in "a""#, "expected a list such as [\"Surface Book 3\", \"Surface Book 2\"] after `-in` at column 18, found `\"a\"`; put the value in a list: [\"a\"]");
    check(r#"device.model -notIn $null"#, "expected a list such as [\"Surface Book 3\", \"Surface Book 2\"] after `-notIn` at column 21, found `$null`; $null works only with -eq and -ne");
    check(r#"device.model -in []"#, "expected a quoted value in the list at column 19, found `]`; a list needs at least one value");
    check(r#"device.model -in ["a",]"#, "expected a quoted value in the list at column 23, found `]`; remove the comma before ]");
    check(r#"device.model -in ["a" "b"]"#, "expected a comma or a closing ] in the list at column 23, found `\"b\"`; separate the values with commas");
    check(r#"device.model -in ["a""#, "expected a comma or a closing ] in the list at column 22, found the end of the rule; the list at column 18 is never closed");
    check(r#"device.model -in [a]"#, "expected a quoted value in the list at column 19, found `a`; put the value in double quotes: \"a\"");
    check(r#"device.model -in ["a", "b"#, "expected a closing \" for the quoted value at column 24, found the end of the rule");
    check(r#"device.model -in [["a"]]"#, "expected a quoted value in the list at column 19, found `[`");
}

#[test]
fn version_mistakes() {
    check(r#"device.operatingSystemVersion -gt "10.0.1""#, "expected an unquoted version such as 10.0.22631.3235 after `-gt` at column 35, found `\"10.0.1\"`; write 10.0.1 without quotes");
    check(r#"device.operatingSystemVersion -lt "Windows 11""#, "expected an unquoted version such as 10.0.22631.3235 after `-lt` at column 35, found `\"Windows 11\"`; -gt, -ge, -lt and -le compare versions");
    check("device.operatingSystemVersion -ge $null", "expected an unquoted version such as 10.0.22631.3235 after `-ge` at column 35, found `$null`; $null works only with -eq and -ne");
    check("device.operatingSystemVersion -le 10.0.", "expected an unquoted version such as 10.0.22631.3235 after `-le` at column 35, found `10.0.`");
    check("device.operatingSystemVersion -gt 10..0", "expected an unquoted version such as 10.0.22631.3235 after `-gt` at column 35, found `10..0`");
    check("device.operatingSystemVersion -gt v10", "expected an unquoted version such as 10.0.22631.3235 after `-gt` at column 35, found `v10`");
}

#[test]
fn joining_and_parentheses() {
    check(r#"(device.model -eq "x""#, "expected and, or or a closing parenthesis at column 22, found the end of the rule; the parenthesis at column 1 is never closed");
    check(r#"((device.model -eq "x") or (device.model -eq "y")"#, "expected and, or or a closing parenthesis at column 50, found the end of the rule; the parenthesis at column 1 is never closed");
    check(r#"device.model -eq "x")"#, "expected and, or or the end of the rule at column 21, found `)`; this closing parenthesis has no opening one");
    check(r#"(device.model -eq "x") (device.model -eq "y")"#, "expected and, or or the end of the rule at column 24, found `(`; join comparisons with and or or");
    check(r#"device.model -eq "x" device.model -eq "y""#, "expected and, or or the end of the rule at column 22, found `device.model`; join comparisons with and or or");
    check(r#"device.model -eq "x" && device.model -eq "y""#, "expected and, or or the end of the rule at column 22, found `&&`; write and");
    check(r#"(device.model -eq "x" || device.model -eq "y")"#, "expected and, or or a closing parenthesis at column 23, found `||`; write or");
    check(r#"device.model -eq "x" ]"#, "expected and, or or the end of the rule at column 22, found `]`");
}

#[test]
fn columns_count_characters_not_bytes() {
    check(r#"device.model -eq "Zürich" foo"#, "expected and, or or the end of the rule at column 27, found `foo`");
    check(r#"device.model -eq "東京🚀" -eq"#, "expected and, or or the end of the rule at column 24, found `-eq`");
    check("é", "expected a comparison such as device.model -eq \"Surface Book 3\" at column 1, found `é`");
    check("device.model -eq é", "expected a quoted value such as \"Surface Book 3\" after `-eq` at column 18, found `é`; put the value in double quotes: \"é\"");
}

#[test]
fn long_input_is_shortened_in_messages() {
    let long = "y".repeat(50);
    check(
        &format!("device.model -eq \"x\" {long}"),
        &format!("expected and, or or the end of the rule at column 22, found `{}…`", "y".repeat(29)),
    );
}

#[test]
fn limits() {
    let prefix = r#"device.model -eq ""#;
    let too_long = format!("{prefix}{}\"", "x".repeat(MAX_RULE_CHARS - prefix.len()));
    check(&too_long, "expected a rule of at most 3,072 characters at column 3073, found 3,073 characters; shorten the rule or split it into several filters");
    let huge = "(".repeat(10_000);
    check(&huge, "expected a rule of at most 3,072 characters at column 3073, found 10,000 characters; shorten the rule or split it into several filters");
    let deep = format!("{}device.model -eq \"x\"{}", "(".repeat(MAX_NESTING + 1), ")".repeat(MAX_NESTING + 1));
    check(&deep, "expected at most 100 levels of nested parentheses at column 101, found `(`");
    // The deepest input that fits the length limit still fails cleanly, without a stack overflow.
    check(&"(".repeat(MAX_RULE_CHARS), "expected at most 100 levels of nested parentheses at column 101, found `(`");
}

#[test]
fn error_fields() {
    let e = parse(r#"(device.model == "x")"#).unwrap_err();
    assert_eq!(e.column, 15);
    assert_eq!(e.width, 2);
    assert_eq!(e.expected, "an operator such as -eq after `device.model`");
    assert_eq!(e.found, "`==`");
    assert_eq!(e.hint.as_deref(), Some("write -eq"));
    let end = parse("device.model").unwrap_err();
    assert_eq!((end.column, end.width), (13, 0));
    // It is a std error, so it travels through `?` and `Box<dyn Error>`.
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(boxed.to_string().starts_with("expected an operator"));
}

#[test]
fn hints_quote_long_input_shortened() {
    let long = "z".repeat(40);
    check(
        &format!("device.model -eq {long}"),
        &format!("expected a quoted value such as \"Surface Book 3\" after `-eq` at column 18, found `{0}…`; put the value in double quotes: \"{0}…\"", "z".repeat(29)),
    );
}
