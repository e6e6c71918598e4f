//! Reading the files the commands take: a tenant (Graph JSON or a save), a scenario, a device, a
//! device list. Every failure is a sentence for stderr.

use esp_core::filter::DeviceProperties;
use esp_core::fleet::{parse_devices, FleetDevice};
use esp_core::graph::{self, ImportReport};
use esp_core::model::Tenant;
use esp_core::resolve::Scenario;

/// A file's text, whatever its encoding (UTF-8, or UTF-16 with a byte-order mark).
fn text(file: &str) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let (text, _) = graph::decode(&bytes).map_err(|e| e.to_string())?;
    Ok(text)
}

/// Reads a save or any Graph JSON import accepts.
pub fn tenant(file: &str) -> Result<(Tenant, ImportReport), String> {
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

/// A scenario file: `{"mode", "joinType", "device": {…}, "user": {…} | null}`.
pub fn scenario(file: &str) -> Result<Scenario, String> {
    serde_json::from_str(&text(file)?).map_err(|e| format!("not a scenario: {e}"))
}

/// A device: its six properties, or a scenario whose `device` holds them.
pub fn device(file: &str) -> Result<DeviceProperties, String> {
    let value: serde_json::Value =
        serde_json::from_str(&text(file)?).map_err(|e| format!("not JSON: {e}"))?;
    let device = match value.get("device") {
        Some(inner) if value.get("mode").is_some() => inner.clone(),
        _ => value,
    };
    serde_json::from_value(device).map_err(|e| format!("not a device: {e}"))
}

/// A device list; every bad record is one line of the error.
pub fn devices(file: &str) -> Result<Vec<FleetDevice>, String> {
    let list = parse_devices(&text(file)?);
    if list.errors.is_empty() {
        return Ok(list.devices);
    }
    Err(list
        .errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n"))
}
