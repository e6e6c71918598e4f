//! The preview's saved state: named scenarios, the one selected, and the fleet list when it is
//! small enough to keep.
//!
//! It lives in the workspace's `preview` section (saved with the tenant, outside the undo history:
//! a scenario is a question about the tenant, not a change to it). A workspace without that
//! section starts from the sample's ready scenarios.

use esp_core::resolve::{JoinType, Mode, Scenario, ScenarioUser};
use serde::{Deserialize, Serialize};

/// The workspace section key.
pub const SECTION: &str = "preview";

/// The most CSV text kept with the workspace. Local storage holds about 5 MB for the whole
/// workspace, so a larger list is read, checked and shown, but must be uploaded again after a
/// reload.
pub const FLEET_KEEP_LIMIT: usize = 100_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewState {
    pub scenarios: Vec<SavedScenario>,
    /// The id of the selected scenario.
    #[serde(default)]
    pub selected: Option<String>,
    #[serde(default)]
    pub fleet: FleetInput,
}

/// A named scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedScenario {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub scenario: Scenario,
}

/// The device list of the fleet check, as far as it is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetInput {
    /// The CSV, when it is at most [`FLEET_KEEP_LIMIT`] bytes.
    #[serde(default)]
    pub text: Option<String>,
    /// Where it came from: a file name, or `None` when pasted.
    #[serde(default)]
    pub file_name: Option<String>,
    /// True when a list was checked but was too large to keep.
    #[serde(default)]
    pub too_large: bool,
}

impl Default for PreviewState {
    /// The sample's ready scenarios, the first selected.
    fn default() -> Self {
        let scenarios: Vec<SavedScenario> = esp_core::sample::scenarios()
            .unwrap_or_default()
            .into_iter()
            .map(|s| SavedScenario {
                id: s.id,
                name: s.name,
                description: s.description,
                scenario: s.scenario,
            })
            .collect();
        PreviewState {
            selected: scenarios.first().map(|s| s.id.clone()),
            scenarios,
            fleet: FleetInput::default(),
        }
    }
}

impl PreviewState {
    pub fn find(&self, id: &str) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn selected(&self) -> Option<&SavedScenario> {
        self.selected.as_deref().and_then(|id| self.find(id))
    }

    /// Changes the selected scenario, if there is one.
    pub fn edit_selected(&mut self, edit: impl FnOnce(&mut SavedScenario)) {
        let id = self.selected.clone();
        if let Some(scenario) = self
            .scenarios
            .iter_mut()
            .find(|s| Some(&s.id) == id.as_ref())
        {
            edit(scenario);
        }
    }

    /// Selects a scenario by id; false when there is none with that id.
    pub fn select(&mut self, id: &str) -> bool {
        let found = self.find(id).is_some();
        if found {
            self.selected = Some(id.to_owned());
        }
        found
    }

    /// Adds a scenario (a blank user-driven one when `scenario` is `None`), selects it and
    /// returns its id.
    pub fn add(&mut self, name: Option<String>, scenario: Option<Scenario>) -> String {
        let id = self.fresh_id();
        let name = name.unwrap_or_else(|| self.fresh_blank_name());
        let scenario = scenario.unwrap_or_else(blank_scenario);
        self.scenarios.push(SavedScenario {
            id: id.clone(),
            name,
            description: String::new(),
            scenario,
        });
        self.selected = Some(id.clone());
        id
    }

    /// Copies the selected scenario under a new name, selects the copy and returns its id.
    pub fn duplicate_selected(&mut self) -> Option<String> {
        let original = self.selected()?.clone();
        let id = self.fresh_id();
        let name = self.fresh_name(&format!("Copy of {}", original.name));
        let position = self
            .scenarios
            .iter()
            .position(|s| s.id == original.id)
            .map_or(self.scenarios.len(), |p| p + 1);
        self.scenarios.insert(
            position,
            SavedScenario {
                id: id.clone(),
                name,
                ..original
            },
        );
        self.selected = Some(id.clone());
        Some(id)
    }

    /// Deletes the selected scenario and selects its neighbour.
    pub fn delete_selected(&mut self) {
        let Some(position) = self
            .scenarios
            .iter()
            .position(|s| Some(&s.id) == self.selected.as_ref())
        else {
            return;
        };
        self.scenarios.remove(position);
        let next = self
            .scenarios
            .get(position)
            .or_else(|| position.checked_sub(1).and_then(|p| self.scenarios.get(p)));
        self.selected = next.map(|s| s.id.clone());
    }

    /// The saved scenario asking exactly this question, if any.
    pub fn find_equal(&self, scenario: &Scenario) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| &s.scenario == scenario)
    }

    /// `scenario-1`, `scenario-2`, …: the first not taken.
    fn fresh_id(&self) -> String {
        (1..)
            .map(|n| format!("scenario-{n}"))
            .find(|id| self.find(id).is_none())
            .unwrap_or_default()
    }

    /// `base`, or `base (2)`, `base (3)`, … when taken.
    fn fresh_name(&self, base: &str) -> String {
        if !self.name_taken(base) {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|name| !self.name_taken(name))
            .unwrap_or_default()
    }

    /// `Scenario 1`, `Scenario 2`, …: the first not taken.
    fn fresh_blank_name(&self) -> String {
        (1..)
            .map(|n| format!("Scenario {n}"))
            .find(|name| !self.name_taken(name))
            .unwrap_or_default()
    }

    fn name_taken(&self, name: &str) -> bool {
        self.scenarios.iter().any(|s| s.name == name)
    }
}

/// A user-driven Entra join of a device in no group, by a user in no group.
pub fn blank_scenario() -> Scenario {
    Scenario {
        user: Some(ScenarioUser::default()),
        ..Scenario::new(Mode::UserDriven, JoinType::Entra)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn names(state: &PreviewState) -> Vec<&str> {
        state.scenarios.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn starts_from_the_five_sample_scenarios_with_the_first_selected() {
        let state = PreviewState::default();
        assert_eq!(state.scenarios.len(), 5);
        assert_eq!(state.selected.as_deref(), Some("sample-kiosk"));
        assert_eq!(state.selected().unwrap().name, "Store kiosk (App 1–4)");
    }

    #[test]
    fn add_duplicate_and_delete_keep_a_sensible_selection() {
        let mut state = PreviewState {
            scenarios: Vec::new(),
            selected: None,
            fleet: FleetInput::default(),
        };
        let first = state.add(None, None);
        let second = state.add(None, None);
        assert_eq!(
            (first.as_str(), second.as_str()),
            ("scenario-1", "scenario-2")
        );
        assert_eq!(names(&state), ["Scenario 1", "Scenario 2"]);
        assert!(state.select(&first));
        assert!(!state.select("nope"));
        let copy = state.duplicate_selected().unwrap();
        assert_eq!(
            names(&state),
            ["Scenario 1", "Copy of Scenario 1", "Scenario 2"]
        );
        assert_eq!(state.selected.as_deref(), Some(copy.as_str()));
        state.select(&first);
        state.duplicate_selected();
        assert_eq!(state.scenarios[1].name, "Copy of Scenario 1 (2)");
        // Deleting selects the next one, or the previous at the end.
        state.select(&first);
        state.delete_selected();
        assert_eq!(state.selected().unwrap().name, "Copy of Scenario 1 (2)");
        state.select(&second);
        state.delete_selected();
        assert_eq!(state.selected().unwrap().name, "Copy of Scenario 1");
        while state.selected.is_some() {
            state.delete_selected();
        }
        assert!(state.scenarios.is_empty());
    }

    #[test]
    fn edits_reach_only_the_selected_scenario() {
        let mut state = PreviewState::default();
        state.edit_selected(|s| s.name = "Renamed".into());
        assert_eq!(state.scenarios[0].name, "Renamed");
        assert_ne!(state.scenarios[1].name, "Renamed");
    }

    #[test]
    fn a_section_written_in_another_shape_reads_as_the_default() {
        let broken = serde_json::json!({"scenarios": "not a list"});
        let state: PreviewState = serde_json::from_value(broken).unwrap_or_default();
        assert_eq!(state, PreviewState::default());
        let round: PreviewState =
            serde_json::from_value(serde_json::to_value(&state).unwrap()).unwrap();
        assert_eq!(round, state);
    }
}
