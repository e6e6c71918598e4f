//! What a list change means for devices: "3 of 12 scenarios now get Kiosk ESP instead of
//! Executive ESP", from the core's impact function over the tenant's saved preview scenarios and
//! fleet (issue #6, item 3).
//!
//! The boundary is [`impact_of`]: the tenant before and after a change in, a summary out. The
//! core's `fleet::impact(before, after, devices)` (branch `core-resolve`) and the preview area's
//! saved scenarios have not reached main yet, so `impact_of` has nothing to compare and answers
//! `None`, and the list shows nothing. Once they land, it indexes both tenants, runs the impact
//! over the saved devices and feeds each changed device's (before, after) profile to
//! [`ImpactSummary::from_changes`]; the UI around it is already in place. No resolution happens
//! here: which profile a device gets is the core's answer.

use esp_core::Tenant;

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
// Used by `impact_of` once the core's impact function is in main; tested already.
#[cfg_attr(not(test), allow(dead_code))]
pub struct ChangedDevice<'a> {
    pub before_name: &'a str,
    pub after_id: &'a str,
    pub after_name: &'a str,
}

impl ImpactSummary {
    /// Groups changed devices by the profile they leave and the one they get.
    #[cfg_attr(not(test), allow(dead_code))]
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
        moves.sort_by_key(|m| std::cmp::Reverse(m.count));
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
pub fn impact_of(_before: &Tenant, _after: &Tenant) -> Option<ImpactSummary> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
