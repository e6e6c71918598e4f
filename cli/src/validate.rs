//! `esp-preview validate --tenant FILE [--json]`: the import report and every profile's findings.

use crate::args::Args;
use crate::load;
use esp_core::graph::ImportReport;
use esp_core::validate::{self, ProfileFindings, Severity};

pub fn run(args: &[String]) -> Result<u8, String> {
    let args = Args::parse(args, &["tenant"], &["json"])?;
    if let Some(extra) = args.positionals().first() {
        return Err(format!("unknown argument `{extra}`"));
    }
    let file = args.required("tenant", "FILE")?;
    let (tenant, report) = match load::tenant(file) {
        Ok(loaded) => loaded,
        Err(reason) => {
            eprintln!("esp-preview: cannot import `{file}`: {reason}");
            return Ok(2);
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
    if args.flag("json") {
        let output = serde_json::json!({
            "file": file,
            "import": report,
            "profiles": profiles,
            "errors": errors,
            "warnings": warnings,
        });
        println!("{output:#}");
    } else {
        print!("{}", text(file, &report, &profiles, errors, warnings));
    }
    Ok(u8::from(errors > 0))
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
