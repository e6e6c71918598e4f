//! Property tests: printing round-trips, and no input makes the parser panic.

use esp_core::filter::{
    parse, Comparison, DeviceProperties, Entity, Expr, Operator, Property, Rule, Value,
    MAX_RULE_CHARS,
};
use proptest::collection::vec;
use proptest::prelude::*;

/// Known properties in odd letter case (the parser fixes the spelling) and unknown ones.
fn property() -> impl Strategy<Value = Property> {
    let known = prop::sample::select(vec![
        "model",
        "MANUFACTURER",
        "osversion",
        "operatingSystemSku",
        "deviceOwnership",
        "enrollmentProfileName",
        "deviceName",
        "cpuArchitecture",
        "operatingSystemVersion",
    ]);
    prop_oneof![
        4 => known.prop_map(Property::device),
        1 => "x[a-zA-Z0-9_]{0,8}".prop_map(|name| Property::device(&name)),
        1 => "[a-zA-Z][a-zA-Z0-9]{0,8}".prop_map(|name| Property::new(Entity::App, &name)),
    ]
}

/// Strings that stress quoting: quotes, backslashes, keywords, brackets, multibyte characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,12}",
        "[\"\\\\a ()\\[\\],]{0,8}",
        Just("Surface Book 3".to_owned()),
        Just("and or -eq $null".to_owned()),
        Just("東京 🚀 é".to_owned()),
    ]
}

fn version() -> impl Strategy<Value = String> {
    vec("[0-9]{1,5}", 1..5).prop_map(|parts| parts.join("."))
}

/// A comparison whose value fits its operator, as the parser requires.
fn comparison() -> impl Strategy<Value = Comparison> {
    let scalar = prop_oneof![
        3 => text().prop_map(Value::String),
        1 => Just(Value::Null),
        1 => version().prop_map(Value::Version),
    ];
    let value_for = move |operator: Operator| -> BoxedStrategy<Value> {
        match operator {
            Operator::Eq | Operator::Ne => scalar.clone().boxed(),
            Operator::In | Operator::NotIn => vec(text(), 1..4).prop_map(Value::List).boxed(),
            op if op.is_ordering() => version().prop_map(Value::Version).boxed(),
            _ => text().prop_map(Value::String).boxed(),
        }
    };
    (property(), prop::sample::select(Operator::ALL.to_vec())).prop_flat_map(
        move |(property, operator)| {
            value_for(operator).prop_map(move |value| Comparison {
                property: property.clone(),
                operator,
                value,
            })
        },
    )
}

fn expr() -> impl Strategy<Value = Expr> {
    comparison()
        .prop_map(Expr::Comparison)
        .prop_recursive(4, 24, 4, |inner| {
            prop_oneof![
                vec(inner.clone(), 2..4).prop_map(Expr::And),
                vec(inner, 2..4).prop_map(Expr::Or),
            ]
        })
}

/// Fragments of rules, right and wrong, glued together without spaces or with odd ones.
fn filterish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        ",",
        " ",
        "  ",
        "\t",
        "\n",
        "\"",
        "\\",
        "'",
        "“",
        "device.",
        "device.model",
        "device.osVersion",
        "app.appVersion",
        "user.x",
        "-eq",
        "eq",
        "-ne",
        "-in",
        "notIn",
        "-startsWith",
        "-contains",
        "-gt",
        "-le",
        "-match",
        "-not",
        "-any",
        "and",
        "or",
        "-and",
        "-OR",
        "$null",
        "null",
        "10.0.22631",
        "10..0",
        "\"a\"",
        "\"Surface Book 3\"",
        "\"a\\\"b\"",
        "é",
        "東京",
        "🚀",
        "==",
        "&&",
    ]);
    vec(token, 0..40).prop_map(|parts| parts.concat())
}

/// Parses `text` and checks what must hold for any outcome.
fn parse_never_panics(text: &str) -> Result<(), TestCaseError> {
    match parse(text) {
        Ok(rule) => {
            // Whatever parses prints to something that reads back the same.
            let printed = rule.to_normalized_string();
            let again = parse(&printed);
            prop_assert!(
                again.is_ok() || printed.chars().count() > MAX_RULE_CHARS,
                "`{printed}`: {again:?}"
            );
            if let Ok(again) = again {
                prop_assert_eq!(&again, &rule);
            }
            let _ = rule.evaluate(&DeviceProperties::default());
            let _ = rule.esp_restriction();
            let _ = rule.value_warnings();
        }
        Err(e) => {
            prop_assert!(e.column >= 1 && e.column <= text.chars().count().max(MAX_RULE_CHARS) + 1);
            let message = e.to_string();
            prop_assert!(message.starts_with("expected "), "{message}");
            prop_assert!(
                message.contains(&format!("at column {}", e.column)),
                "{message}"
            );
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn printing_then_parsing_gives_the_same_tree(expr in expr()) {
        let rule = Rule::from_expr(expr);
        let printed = rule.to_normalized_string();
        prop_assume!(printed.chars().count() <= MAX_RULE_CHARS);
        let parsed = parse(&printed);
        prop_assert_eq!(parsed.as_ref(), Ok(&rule), "printed: {}", printed);
    }

    #[test]
    fn evaluation_of_a_negated_operator_is_the_opposite(c in comparison(), value in proptest::option::of(text())) {
        let negated = match c.operator {
            Operator::Eq => Operator::Ne,
            Operator::StartsWith => Operator::NotStartsWith,
            Operator::EndsWith => Operator::NotEndsWith,
            Operator::Contains => Operator::NotContains,
            Operator::In => Operator::NotIn,
            _ => return Ok(()),
        };
        let device = DeviceProperties { model: value, ..Default::default() };
        let positive = Comparison { property: Property::device("model"), ..c };
        let negative = Comparison { operator: negated, ..positive.clone() };
        let a = Rule::from_expr(Expr::Comparison(positive)).evaluate(&device);
        let b = Rule::from_expr(Expr::Comparison(negative)).evaluate(&device);
        prop_assert_ne!(a.matched, b.matched);
    }

    #[test]
    fn parser_never_panics_on_arbitrary_text(text in ".{0,200}") {
        parse_never_panics(&text)?;
    }

    #[test]
    fn parser_never_panics_on_any_unicode(text in any::<String>()) {
        parse_never_panics(&text)?;
    }

    #[test]
    fn parser_never_panics_on_filterish_text(text in filterish()) {
        parse_never_panics(&text)?;
    }
}
