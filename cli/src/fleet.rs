//! `esp-preview fleet --tenant FILE --devices CSV [--against BEFORE] [--counts]`: every device's
//! profile as CSV, or the devices a change affects.

use crate::args::Args;
use crate::load;
use esp_core::fleet::{fleet, fleet_csv, impact};
use esp_core::model::Tenant;
use esp_core::resolve::IndexedTenant;

pub fn run(args: &[String]) -> Result<u8, String> {
    let args = Args::parse(args, &["tenant", "devices", "against"], &["counts"])?;
    if let Some(extra) = args.positionals().first() {
        return Err(format!("unknown argument `{extra}`"));
    }
    let tenant_file = args.required("tenant", "FILE")?;
    let devices_file = args.required("devices", "CSV")?;
    if args.flag("counts") && args.value("against").is_none() {
        return Err("`--counts` goes with `--against`".into());
    }
    let Some(tenant) = read_tenant(tenant_file) else {
        return Ok(2);
    };
    let devices = match load::devices(devices_file) {
        Ok(devices) => devices,
        Err(reason) => {
            eprintln!("esp-preview: cannot read `{devices_file}`:\n{reason}");
            return Ok(2);
        }
    };
    let after = IndexedTenant::from_tenant(tenant);
    match args.value("against") {
        None => print!("{}", fleet_csv(&fleet(&after, &devices))),
        Some(before_file) => {
            let Some(before) = read_tenant(before_file) else {
                return Ok(2);
            };
            let report = impact(&IndexedTenant::from_tenant(before), &after, &devices);
            if args.flag("counts") {
                print!("{}", report.counts_csv());
            } else {
                print!("{}", report.changes_csv());
            }
        }
    }
    Ok(0)
}

fn read_tenant(file: &str) -> Option<Tenant> {
    match load::tenant(file) {
        Ok((tenant, _)) => Some(tenant),
        Err(reason) => {
            eprintln!("esp-preview: cannot import `{file}`: {reason}");
            None
        }
    }
}
