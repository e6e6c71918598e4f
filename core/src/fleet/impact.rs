//! Impact: which devices a change to the tenant moves to another profile, another set of
//! blocking apps or another timeout, and how many devices each profile gets before and after.

use super::{csv_line, minutes_text, priority_text, FleetDevice};
use crate::model::{AppId, Priority, ProfileId};
use crate::resolve::{DeviceSummary, IndexedTenant, Summarizer, Via};
use serde::Serialize;

/// What changed for a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    /// Another profile applies.
    Profile,
    /// Other apps block.
    BlockingApps,
    /// Another effective timeout.
    Timeout,
}

impl Change {
    /// `profile`, `blockingApps`, `timeout`.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Profile => "profile",
            Change::BlockingApps => "blockingApps",
            Change::Timeout => "timeout",
        }
    }
}

/// A device's outcome in one tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceSide {
    /// The profile.
    pub profile_id: ProfileId,
    /// Its name.
    pub profile_name: String,
    /// Its priority.
    pub priority: Priority,
    /// How it was reached.
    pub via: Via,
    /// The blocking apps, sorted.
    pub blocking_apps: Vec<AppId>,
    /// The effective timeout.
    pub effective_timeout_minutes: Option<u32>,
}

/// A device the change affects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceChange {
    /// The device's name.
    pub name: String,
    /// The line of its record.
    pub line: usize,
    /// What changed.
    pub changes: Vec<Change>,
    /// Before the change.
    pub before: DeviceSide,
    /// After it.
    pub after: DeviceSide,
    /// Apps that block after but not before.
    pub blocking_added: Vec<AppId>,
    /// Apps that blocked before but not after.
    pub blocking_removed: Vec<AppId>,
}

/// How many devices a profile gets, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileCount {
    /// The profile.
    pub profile_id: ProfileId,
    /// Its name (after the change, if it still exists).
    pub profile_name: String,
    /// Devices before.
    pub before: usize,
    /// Devices after.
    pub after: usize,
}

/// The impact of a change on a device list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Impact {
    /// Devices compared.
    pub devices: usize,
    /// The devices that change, in list order.
    pub changed: Vec<DeviceChange>,
    /// Every profile of either tenant: the after tenant's in priority order, then those the
    /// change removed.
    pub profiles: Vec<ProfileCount>,
}

/// Compares every device's outcome in the tenant before and after a change.
pub fn impact(before: &IndexedTenant, after: &IndexedTenant, devices: &[FleetDevice]) -> Impact {
    let mut old = Summarizer::new(before);
    let mut new = Summarizer::new(after);
    let mut counts: Vec<ProfileCount> = after
        .tenant()
        .profiles()
        .map(|(_, p)| ProfileCount {
            profile_id: p.id().clone(),
            profile_name: p.name().to_owned(),
            before: 0,
            after: 0,
        })
        .collect();
    let mut changed = Vec::new();
    for device in devices {
        let a = old.summarize_scenario(&device.scenario);
        let b = new.summarize_scenario(&device.scenario);
        let old_id = before
            .profile_id_at(a.profile)
            .cloned()
            .unwrap_or_else(|| ProfileId::from(""));
        let new_id = after
            .profile_id_at(b.profile)
            .cloned()
            .unwrap_or_else(|| ProfileId::from(""));
        count(&mut counts, before, &old_id, a.profile, |c| c.before += 1);
        count(&mut counts, after, &new_id, b.profile, |c| c.after += 1);
        let mut changes = Vec::new();
        if old_id != new_id {
            changes.push(Change::Profile);
        }
        if a.blocking_apps != b.blocking_apps || a.blocking_fingerprint != b.blocking_fingerprint {
            changes.push(Change::BlockingApps);
        }
        if a.effective_timeout_minutes != b.effective_timeout_minutes {
            changes.push(Change::Timeout);
        }
        if changes.is_empty() {
            continue;
        }
        // Only a changed device needs its blocking apps by name.
        let (_, old_apps) = old.summarize_with_apps(&before.prepare(&device.scenario));
        let (_, new_apps) = new.summarize_with_apps(&after.prepare(&device.scenario));
        let blocking_added = new_apps
            .iter()
            .filter(|id| !old_apps.contains(id))
            .cloned()
            .collect();
        let blocking_removed = old_apps
            .iter()
            .filter(|id| !new_apps.contains(id))
            .cloned()
            .collect();
        changed.push(DeviceChange {
            name: device.name.clone(),
            line: device.line,
            changes,
            before: side(before, &a, old_apps),
            after: side(after, &b, new_apps),
            blocking_added,
            blocking_removed,
        });
    }
    Impact {
        devices: devices.len(),
        changed,
        profiles: counts,
    }
}

fn count(
    counts: &mut Vec<ProfileCount>,
    index: &IndexedTenant,
    id: &ProfileId,
    position: usize,
    bump: impl FnOnce(&mut ProfileCount),
) {
    if let Some(existing) = counts.iter_mut().find(|c| &c.profile_id == id) {
        bump(existing);
        return;
    }
    let mut entry = ProfileCount {
        profile_id: id.clone(),
        profile_name: index
            .profile_at(position)
            .map_or_else(String::new, |(_, p)| p.name().to_owned()),
        before: 0,
        after: 0,
    };
    bump(&mut entry);
    counts.push(entry);
}

fn side(index: &IndexedTenant, summary: &DeviceSummary, blocking_apps: Vec<AppId>) -> DeviceSide {
    let (priority, profile) = index
        .profile_at(summary.profile)
        .map(|(priority, p)| (priority, Some(p)))
        .unwrap_or((Priority::Default, None));
    DeviceSide {
        profile_id: profile.map_or_else(|| ProfileId::from(""), |p| p.id().clone()),
        profile_name: profile.map_or_else(String::new, |p| p.name().to_owned()),
        priority,
        via: summary.via,
        blocking_apps,
        effective_timeout_minutes: summary.effective_timeout_minutes,
    }
}

impl Impact {
    /// The changed devices as CSV, with a header; app ids within a cell are separated by `;`.
    pub fn changes_csv(&self) -> String {
        let mut out = csv_line(&[
            "name",
            "changes",
            "profileBefore",
            "profileAfter",
            "priorityBefore",
            "priorityAfter",
            "viaBefore",
            "viaAfter",
            "blockingAppsBefore",
            "blockingAppsAfter",
            "blockingAdded",
            "blockingRemoved",
            "effectiveTimeoutBefore",
            "effectiveTimeoutAfter",
        ]);
        let ids = |ids: &[AppId]| ids.iter().map(AppId::as_str).collect::<Vec<_>>().join(";");
        for d in &self.changed {
            out.push_str(&csv_line(&[
                d.name.clone(),
                d.changes
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                d.before.profile_id.to_string(),
                d.after.profile_id.to_string(),
                priority_text(d.before.priority),
                priority_text(d.after.priority),
                d.before.via.to_string(),
                d.after.via.to_string(),
                d.before.blocking_apps.len().to_string(),
                d.after.blocking_apps.len().to_string(),
                ids(&d.blocking_added),
                ids(&d.blocking_removed),
                minutes_text(d.before.effective_timeout_minutes),
                minutes_text(d.after.effective_timeout_minutes),
            ]));
        }
        out
    }

    /// Devices per profile as CSV, with a header.
    pub fn counts_csv(&self) -> String {
        let mut out = csv_line(&["profileId", "profileName", "before", "after", "change"]);
        for c in &self.profiles {
            let change = c.after as i64 - c.before as i64;
            out.push_str(&csv_line(&[
                c.profile_id.to_string(),
                c.profile_name.clone(),
                c.before.to_string(),
                c.after.to_string(),
                format!("{change:+}"),
            ]));
        }
        out
    }
}
