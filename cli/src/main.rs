//! `esp-preview`: the command-line face of esp-core.
//!
//! `esp-preview validate --tenant FILE [--json]` imports FILE (anything import reads: one ESP
//! profile, a Graph list, a tenant bundle, or an ESP Designer save), prints the import report and
//! every profile's findings, and exits 0 when no error stands, 1 when one does, 2 when the file
//! cannot be read or imported (the reason on stderr).

use esp_core::graph::{self, ImportReport};
use esp_core::model::Tenant;
use esp_core::validate::{self, ProfileFindings, Severity};
use std::process::ExitCode;

const USAGE: &str = "\
esp-preview: design checks and previews for Windows Enrollment Status Page profiles

Usage:
  esp-preview validate --tenant FILE [--json]
                           import FILE (an ESP profile, a Graph list response, a tenant
                           bundle or a save) and check every profile; exits 0 when no
                           error stands, 1 when one does, 2 when FILE cannot be read
  esp-preview --help       show this help
  esp-preview --version    show the version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(run(&args))
}

fn run(args: &[String]) -> u8 {
    match args.first().map(String::as_str) {
        None | Some("--help") | Some("-h") | Some("help") => {
            print!("{USAGE}");
            0
        }
        Some("--version") | Some("-V") => {
            println!("esp-preview {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("validate") => match ValidateArgs::parse(args.get(1..).unwrap_or_default()) {
            Ok(options) => validate_command(&options),
            Err(message) => {
                eprintln!("esp-preview validate: {message}\n\n{USAGE}");
                2
            }
        },
        Some(other) => {
            eprintln!("esp-preview: unknown command `{other}`\n\n{USAGE}");
            2
        }
    }
}

struct ValidateArgs {
    tenant: String,
    json: bool,
}

impl ValidateArgs {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut tenant = None;
        let mut json = false;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--json" => json = true,
                "--tenant" => match args.next() {
                    Some(file) => tenant = Some(file.clone()),
                    None => return Err("`--tenant` needs a file".into()),
                },
                other => match other.strip_prefix("--tenant=") {
                    Some(file) => tenant = Some(file.to_owned()),
                    None => return Err(format!("unknown argument `{other}`")),
                },
            }
        }
        let tenant = tenant.ok_or("`--tenant FILE` is required")?;
        Ok(ValidateArgs { tenant, json })
    }
}

fn validate_command(options: &ValidateArgs) -> u8 {
    let (tenant, report) = match load(&options.tenant) {
        Ok(loaded) => loaded,
        Err(reason) => {
            eprintln!("esp-preview: cannot import `{}`: {reason}", options.tenant);
            return 2;
        }
    };
    let profiles = validate::tenant(&tenant);
    let count = |severity: Severity| {
        profiles
            .iter()
            .flat_map(|p| &p.findings)
            .filter(|f| f.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if options.json {
        let output = serde_json::json!({
            "file": options.tenant,
            "import": report,
            "profiles": profiles,
            "errors": errors,
            "warnings": warnings,
        });
        println!("{output:#}");
    } else {
        print!(
            "{}",
            text(&options.tenant, &report, &profiles, errors, warnings)
        );
    }
    u8::from(errors > 0)
}

/// Reads a save or any Graph JSON import accepts.
fn load(file: &str) -> Result<(Tenant, ImportReport), String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let (text, encoding) = graph::decode(&bytes).map_err(|e| e.to_string())?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| graph::ImportError::from(e).to_string())?;
    let (tenant, mut report) = if esp_core::save::is_save(&value) {
        let loaded = esp_core::save::load_value(value, esp_core::save::MIGRATIONS)
            .map_err(|e| e.to_string())?;
        (loaded.tenant, loaded.report)
    } else {
        let imported = graph::import_value(&value).map_err(|e| e.to_string())?;
        (imported.tenant, imported.report)
    };
    report.encoding = encoding;
    Ok((tenant, report))
}

fn text(
    file: &str,
    report: &ImportReport,
    profiles: &[ProfileFindings],
    errors: usize,
    warnings: usize,
) -> String {
    let mut out = format!("{file}\n{report}\n");
    for profile in profiles {
        let rank = match profile.priority {
            esp_core::model::Priority::Custom(n) => format!("Priority {n}"),
            esp_core::model::Priority::Default => "Default".to_owned(),
        };
        let summary = match profile.findings.len() {
            0 => "no findings".to_owned(),
            n => format!("{n} finding(s)"),
        };
        out.push_str(&format!("{rank} · {} — {summary}\n", profile.name));
        for finding in &profile.findings {
            out.push_str(&format!("  {finding}\n"));
        }
    }
    out.push_str(&format!(
        "\n{} profile(s): {errors} error(s), {warnings} warning(s).\n",
        profiles.len()
    ));
    out
}
