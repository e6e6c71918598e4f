//! `esp-preview`: the command-line face of esp-core. Results go to stdout (JSON or CSV),
//! problems to stderr; exit 2 means unreadable input or a usage mistake.
//!
//! - `validate --tenant FILE [--json]`: the import report and every profile's findings; exit 0
//!   when no error stands, 1 when one does.
//! - `resolve --tenant FILE --scenario FILE`: which profile and apps a device gets, as JSON.
//! - `fleet --tenant FILE --devices CSV [--against BEFORE [--counts]]`: every device's profile
//!   as CSV, or the devices a change affects.
//! - `filter 'RULE' [--device FILE]`: the rule normalised, whether ESP may use it (exit 0) or
//!   not (exit 1), and how it evaluates; exit 2 when it does not parse.

mod args;
mod filter;
mod fleet;
mod load;
mod resolve;
mod validate;

use std::process::ExitCode;

const USAGE: &str = "\
esp-preview: design checks and previews for Windows Enrollment Status Page profiles

Usage:
  esp-preview validate --tenant FILE [--json]
                           import FILE (an ESP profile, a Graph list response, a tenant
                           bundle or a save) and check every profile; exits 0 when no
                           error stands, 1 when one does, 2 when FILE cannot be read
  esp-preview resolve --tenant FILE --scenario SCENARIO.json
                           which profile a device gets, what its ESP tracks and waits
                           for, and why, as JSON; the scenario is {\"mode\", \"joinType\",
                           \"device\": {\"groupIds\", model, manufacturer, osVersion,
                           operatingSystemSKU, deviceOwnership, enrollmentProfileName},
                           \"user\": {\"groupIds\"} | null}
  esp-preview fleet --tenant FILE --devices DEVICES.csv [--against BEFORE [--counts]]
                           every device's profile, how it was reached, its blocking-app
                           count and effective timeout, as CSV; with --against, only the
                           devices whose profile, blocking apps or timeout differ from
                           BEFORE (the tenant before the change) to FILE, or with
                           --counts the devices per profile before and after.
                           CSV columns: name, deviceGroupIds, userGroupIds, mode,
                           joinType, model, manufacturer, osVersion, operatingSystemSKU,
                           deviceOwnership, enrollmentProfileName (ids separated by ;)
  esp-preview filter 'RULE' [--device DEVICE.json]
                           the rule normalised, whether ESP may use it, and how it
                           evaluates for the device; exits 0 when ESP may use it, 1 when
                           it parses but ESP may not, 2 when it does not parse
  esp-preview --help       show this help
  esp-preview --version    show the version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(run(&args))
}

fn run(args: &[String]) -> u8 {
    let rest = args.get(1..).unwrap_or_default();
    let command = args.first().map(String::as_str);
    let outcome = match command {
        None | Some("--help") | Some("-h") | Some("help") => {
            print!("{USAGE}");
            return 0;
        }
        Some("--version") | Some("-V") => {
            println!("esp-preview {}", env!("CARGO_PKG_VERSION"));
            return 0;
        }
        Some("validate") => validate::run(rest),
        Some("resolve") => resolve::run(rest),
        Some("fleet") => fleet::run(rest),
        Some("filter") => filter::run(rest),
        Some(other) => Err(format!("unknown command `{other}`")),
    };
    match outcome {
        Ok(code) => code,
        Err(message) => {
            match command {
                Some(name @ ("validate" | "resolve" | "fleet" | "filter")) => {
                    eprintln!("esp-preview {name}: {message}\n\n{USAGE}")
                }
                _ => eprintln!("esp-preview: {message}\n\n{USAGE}"),
            }
            2
        }
    }
}
