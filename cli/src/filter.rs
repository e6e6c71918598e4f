//! `esp-preview filter 'RULE' [--device FILE]`: the rule normalised, whether ESP may use it, and
//! how it evaluates for a device. Exit 0: ESP may use it; 1: it parses but ESP may not; 2: it
//! does not parse.

use crate::args::Args;
use crate::load;
use esp_core::filter::{parse, ParseError};
use serde_json::json;

pub fn run(args: &[String]) -> Result<u8, String> {
    let args = Args::parse(args, &["device"], &[])?;
    let rule_text = match args.positionals() {
        [rule] => rule,
        [] => return Err("give the rule to check, in quotes".into()),
        [_, extra, ..] => return Err(format!("unknown argument `{extra}`; quote the rule")),
    };
    let device = match args.value("device") {
        None => None,
        Some(file) => match load::device(file) {
            Ok(device) => Some(device),
            Err(reason) => {
                eprintln!("esp-preview: cannot read `{file}`: {reason}");
                return Ok(2);
            }
        },
    };
    let rule = match parse(rule_text) {
        Ok(rule) => rule,
        Err(error) => {
            eprintln!("{}", parse_error(rule_text, &error));
            return Ok(2);
        }
    };
    let restrictions: Vec<String> = rule
        .esp_restrictions()
        .iter()
        .map(ToString::to_string)
        .collect();
    let evaluation = device.as_ref().map(|device| {
        let evaluation = rule.evaluate(device);
        let clause = evaluation.deciding_clause;
        json!({
            "matched": evaluation.matched,
            "clause": clause.as_ref().map(|c| c.clause.clone()),
            "property": clause.as_ref().map(|c| c.property.clone()),
            "deviceValue": clause.as_ref().and_then(|c| c.device_value.clone()),
            "explanation": clause.as_ref().map(ToString::to_string),
        })
    });
    let output = json!({
        "rule": rule.to_normalized_string(),
        "espUsable": restrictions.is_empty(),
        "restrictions": restrictions,
        "needsRecentWindows": rule.uses_os_gated_property(),
        "valueWarnings": rule.value_warnings().iter().map(ToString::to_string).collect::<Vec<_>>(),
        "evaluation": evaluation,
    });
    println!("{output:#}");
    if let Some(first) = restrictions.first() {
        eprintln!("esp-preview: ESP cannot use this rule: {first}");
        return Ok(1);
    }
    Ok(0)
}

/// The error, with the rule and a caret under the column.
fn parse_error(rule: &str, error: &ParseError) -> String {
    let line: String = rule
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let caret = format!(
        "{}{}",
        " ".repeat(error.column.saturating_sub(1)),
        "^".repeat(error.width.max(1))
    );
    format!("esp-preview: the rule does not parse: {error}\n  {line}\n  {caret}")
}
