//! What a list change means for devices: "3 of 12 scenarios now get Kiosk ESP instead of
//! Executive ESP", from the core's impact function over the tenant's saved preview scenarios and
//! fleet (issue #6, item 3).
//!
//! The boundary is [`impact_of`]: the tenant before and after a change and the saved devices in,
//! a summary out. The devices are the preview's saved scenarios plus the fleet list it keeps
//! ([`saved_devices`]); the core's `fleet::impact` says which of them change. No resolution
//! happens here: which profile a device gets is the core's answer.

use esp_core::fleet::{impact, parse_devices, FleetDevice};
use esp_core::resolve::IndexedTenant;
use esp_core::Tenant;
use serde_json::Value;

use crate::preview::state::PreviewState;

/// How many compared devices moved from one profile to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceMove {
    pub from: String,
    pub to: String,
    /// The profile they get now, for the link to the details.
    pub to_id: String,
    pub count: usize,
}

/// The impact of one change on the saved scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImpactSummary {
    /// Scenarios compared.
    pub compared: usize,
    /// The moves, largest first.
    pub moves: Vec<DeviceMove>,
}

/// One changed device as the core's impact reports it: (profile id and name before, after).
pub struct ChangedDevice<'a> {
    pub before_name: &'a str,
    pub after_id: &'a str,
    pub after_name: &'a str,
}

impl ImpactSummary {
    /// Groups changed devices by the profile they leave and the one they get.
    pub fn from_changes<'a>(
        compared: usize,
        changes: impl IntoIterator<Item = ChangedDevice<'a>>,
    ) -> Self {
        let mut moves: Vec<DeviceMove> = Vec::new();
        for change in changes {
            match moves
                .iter_mut()
                .find(|m| m.from == change.before_name && m.to_id == change.after_id)
            {
                Some(existing) => existing.count += 1,
                None => moves.push(DeviceMove {
                    from: change.before_name.to_owned(),
                    to: change.after_name.to_owned(),
                    to_id: change.after_id.to_owned(),
                    count: 1,
                }),
            }
        }
        // Largest first; equal counts keep the order the devices came in.
        crate::sort::sort_by_key(&mut moves, |m| std::cmp::Reverse(m.count));
        ImpactSummary { compared, moves }
    }

    /// One sentence per move: "3 of 12 scenarios now get Kiosk ESP instead of Executive ESP".
    pub fn sentences(&self) -> Vec<String> {
        if self.moves.is_empty() {
            let noun = if self.compared == 1 {
                "scenario"
            } else {
                "scenarios"
            };
            return vec![format!(
                "No change for the {} saved {noun}: each gets the same profile as before.",
                self.compared
            )];
        }
        self.moves
            .iter()
            .map(|m| {
                let noun = if self.compared == 1 {
                    "scenario"
                } else {
                    "scenarios"
                };
                let verb = if m.count == 1 { "gets" } else { "get" };
                format!(
                    "{} of {} {noun} now {verb} {} instead of {}",
                    m.count, self.compared, m.to, m.from
                )
            })
            .collect()
    }
}

/// The impact of a change from `before` to `after` on the saved scenarios and fleet; `None`
/// while there is nothing to compare (see the module docs).
pub fn impact_of(
    before: &Tenant,
    after: &Tenant,
    devices: &[FleetDevice],
) -> Option<ImpactSummary> {
    if devices.is_empty() {
        return None;
    }
    let result = impact(
        &IndexedTenant::new(before),
        &IndexedTenant::new(after),
        devices,
    );
    let changes = result
        .changed
        .iter()
        .filter(|device| device.before.profile_id != device.after.profile_id)
        .map(|device| ChangedDevice {
            before_name: &device.before.profile_name,
            after_id: device.after.profile_id.as_str(),
            after_name: &device.after.profile_name,
        });
    Some(ImpactSummary::from_changes(result.devices, changes))
}

/// The devices the impact note compares: the preview's saved scenarios (the sample's ready ones
/// when the preview was never opened) and the fleet list it keeps, if any.
pub fn saved_devices(preview_section: Option<Value>) -> Vec<FleetDevice> {
    let state: PreviewState = preview_section
        .and_then(|value| crate::state::read_section(&value))
        .unwrap_or_default();
    let mut devices: Vec<FleetDevice> = state
        .scenarios
        .into_iter()
        .enumerate()
        .map(|(index, saved)| FleetDevice {
            line: index + 1,
            name: saved.name,
            scenario: saved.scenario,
        })
        .collect();
    if let Some(text) = state.fleet.text.as_deref() {
        devices.extend(parse_devices(text).devices);
    }
    devices
}

#[cfg(test)]
mod tests {
    use super::*;
    use esp_core::resolve::resolve;

    #[test]
    fn deleting_the_profile_a_saved_scenario_gets_is_reported_as_a_move() {
        let before = esp_core::sample::tenant().unwrap();
        let devices = saved_devices(None);
        assert!(!devices.is_empty(), "the sample ships ready scenarios");
        let (device, profile) = devices
            .iter()
            .find_map(|device| {
                let profile = resolve(&before, &device.scenario).profile;
                before
                    .custom_profile(&profile.id)
                    .map(|_| (device, profile))
            })
            .expect("a sample scenario gets a custom profile");
        let mut after = before.clone();
        after.delete_profile(&profile.id).unwrap();

        let summary = impact_of(&before, &after, &devices).unwrap();
        assert_eq!(summary.compared, devices.len());
        let moved: usize = summary
            .moves
            .iter()
            .filter(|m| m.from == profile.display_name)
            .map(|m| m.count)
            .sum();
        assert!(
            moved >= 1,
            "{} should move off {}",
            device.name,
            profile.display_name
        );
    }

    #[test]
    fn no_saved_device_means_no_note() {
        let tenant = esp_core::sample::tenant().unwrap();
        assert_eq!(impact_of(&tenant, &tenant, &[]), None);
    }

    fn change<'a>(before: &'a str, after: &'a str) -> ChangedDevice<'a> {
        ChangedDevice {
            before_name: before,
            after_id: after,
            after_name: after,
        }
    }

    #[test]
    fn changed_devices_group_into_sentences() {
        let summary = ImpactSummary::from_changes(
            12,
            [
                change("Executive ESP", "Kiosk ESP"),
                change("Default", "Lab ESP"),
                change("Executive ESP", "Kiosk ESP"),
                change("Executive ESP", "Kiosk ESP"),
            ],
        );
        assert_eq!(
            summary.sentences(),
            vec![
                "3 of 12 scenarios now get Kiosk ESP instead of Executive ESP",
                "1 of 12 scenarios now gets Lab ESP instead of Default",
            ]
        );
    }

    #[test]
    fn no_change_says_so() {
        let summary = ImpactSummary::from_changes(1, []);
        assert_eq!(
            summary.sentences(),
            vec!["No change for the 1 saved scenario: each gets the same profile as before."]
        );
    }
}
