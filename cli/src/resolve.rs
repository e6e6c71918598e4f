//! `esp-preview resolve --tenant FILE --scenario FILE`: the full resolution as JSON.

use crate::args::Args;
use crate::load;
use esp_core::resolve::resolve;

pub fn run(args: &[String]) -> Result<u8, String> {
    let args = Args::parse(args, &["tenant", "scenario"], &[])?;
    if let Some(extra) = args.positionals().first() {
        return Err(format!("unknown argument `{extra}`"));
    }
    let tenant_file = args.required("tenant", "FILE")?;
    let scenario_file = args.required("scenario", "FILE")?;
    let tenant = match load::tenant(tenant_file) {
        Ok((tenant, _)) => tenant,
        Err(reason) => {
            eprintln!("esp-preview: cannot import `{tenant_file}`: {reason}");
            return Ok(2);
        }
    };
    let scenario = match load::scenario(scenario_file) {
        Ok(scenario) => scenario,
        Err(reason) => {
            eprintln!("esp-preview: cannot read `{scenario_file}`: {reason}");
            return Ok(2);
        }
    };
    let result = resolve(&tenant, &scenario);
    match serde_json::to_string_pretty(&result) {
        Ok(json) => {
            println!("{json}");
            Ok(0)
        }
        Err(error) => {
            eprintln!("esp-preview: cannot write the result: {error}");
            Ok(2)
        }
    }
}
