//! Many devices at once: a device list (CSV), the profile each gets, and the impact of a change
//! to the tenant (a reorder, an edit) on them.
//!
//! Both run on the resolution fast path ([`Summarizer`]) against a tenant indexed once, so
//! 100,000 devices take a fraction of a second (see `core/benches/resolve.rs`).
//!
//! # Decisions where DOMAIN.md is silent
//! - **The device list** is CSV with an optional header (a first field `name`), quoted fields,
//!   blank lines skipped; a missing join type is `entra`; a device needs a name and a mode. Bad
//!   records are reported by line ([`RowError`]) and the good ones still read.
//! - **Impact** compares devices by their place in the list; a device changes when its profile
//!   (by id), its set of blocking apps or its effective timeout differs. How it was reached may
//!   change too and is reported, but alone is not a change. Counts cover every profile of either
//!   tenant, those the change removed last.

mod csv;
mod impact;

pub use self::csv::{
    csv_line, parse_devices, DeviceList, DeviceReader, FleetDevice, RowError, COLUMNS,
};
pub use impact::{impact, Change, DeviceChange, DeviceSide, Impact, ProfileCount};

use crate::model::{Priority, ProfileId};
use crate::resolve::{DeviceSummary, IndexedTenant, Summarizer, Via};
use serde::Serialize;

/// One device's outcome in a fleet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetRow {
    /// The device's name.
    pub name: String,
    /// The profile it gets.
    pub profile_id: ProfileId,
    /// That profile's name.
    pub profile_name: String,
    /// That profile's priority.
    pub priority: Priority,
    /// How it was reached.
    pub via: Via,
    /// Blocking apps, both phases.
    pub blocking_apps: u32,
    /// Timeout plus 40 minutes on hybrid join; `None` with the page hidden.
    pub effective_timeout_minutes: Option<u32>,
}

/// Every device's summary, in order.
pub fn summaries(index: &IndexedTenant, devices: &[FleetDevice]) -> Vec<DeviceSummary> {
    let mut summarizer = Summarizer::new(index);
    devices
        .iter()
        .map(|d| summarizer.summarize_scenario(&d.scenario))
        .collect()
}

/// Every device's outcome, in order.
pub fn fleet(index: &IndexedTenant, devices: &[FleetDevice]) -> Vec<FleetRow> {
    devices
        .iter()
        .zip(summaries(index, devices))
        .map(|(device, summary)| {
            let (priority, profile) = index
                .profile_at(summary.profile)
                .map(|(priority, p)| (priority, Some(p)))
                .unwrap_or((Priority::Default, None));
            FleetRow {
                name: device.name.clone(),
                profile_id: profile.map_or_else(|| ProfileId::from(""), |p| p.id().clone()),
                profile_name: profile.map_or_else(String::new, |p| p.name().to_owned()),
                priority,
                via: summary.via,
                blocking_apps: summary.blocking_apps,
                effective_timeout_minutes: summary.effective_timeout_minutes,
            }
        })
        .collect()
}

/// The fleet as CSV, with a header.
pub fn fleet_csv(rows: &[FleetRow]) -> String {
    let mut out = csv_line(&[
        "name",
        "profileId",
        "profileName",
        "priority",
        "via",
        "blockingApps",
        "effectiveTimeoutMinutes",
    ]);
    for row in rows {
        out.push_str(&csv_line(&[
            row.name.clone(),
            row.profile_id.to_string(),
            row.profile_name.clone(),
            priority_text(row.priority),
            row.via.to_string(),
            row.blocking_apps.to_string(),
            minutes_text(row.effective_timeout_minutes),
        ]));
    }
    out
}

/// `3` or `default`, as JSON writes priorities.
pub(crate) fn priority_text(priority: Priority) -> String {
    match priority {
        Priority::Custom(n) => n.to_string(),
        Priority::Default => "default".to_owned(),
    }
}

/// Minutes, or empty with the page hidden.
pub(crate) fn minutes_text(minutes: Option<u32>) -> String {
    minutes.map_or_else(String::new, |m| m.to_string())
}
