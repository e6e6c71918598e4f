//! The preview's addresses (build them here, never by hand):
//! - `#/preview?scenario=<id>`: a scenario saved in this browser, selected.
//! - `#/preview?shared=<scenario JSON>&name=<name>`: a scenario carried whole in the link, so it
//!   opens in another browser; opening it saves it there (or selects the same saved question).
//! - `?profile=<id>` beside either: a profile to mark in the trace (the profile list links here).

use esp_core::resolve::Scenario;

use crate::route::{Area, Route};

/// What a preview address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Select the saved scenario with this id.
    Saved(String),
    /// Open a scenario carried in the link.
    Shared { name: String, scenario: Scenario },
    /// A shared scenario that cannot be read, with why.
    Unreadable(String),
}

const SCENARIO: &str = "scenario";
const SHARED: &str = "shared";
const NAME: &str = "name";
const PROFILE: &str = "profile";

/// The address of a saved scenario, keeping a profile mark if there is one.
pub fn saved(id: &str, profile: Option<&str>) -> Route {
    let route = Route::new(Area::Preview).param(SCENARIO, id);
    match profile {
        Some(profile) => route.param(PROFILE, profile),
        None => route,
    }
}

/// The address that carries a scenario whole.
pub fn shared(name: &str, scenario: &Scenario) -> Route {
    let json = serde_json::to_string(scenario).unwrap_or_default();
    Route::new(Area::Preview)
        .param(SHARED, json)
        .param(NAME, name)
}

/// What the address asks for, if anything; a shared scenario wins over a saved one.
pub fn request(route: &Route) -> Option<Request> {
    if let Some(json) = route.get(SHARED) {
        return Some(match serde_json::from_str::<Scenario>(json) {
            Ok(scenario) => Request::Shared {
                name: route
                    .get(NAME)
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .unwrap_or("Shared scenario")
                    .to_owned(),
                scenario,
            },
            Err(error) => Request::Unreadable(error.to_string()),
        });
    }
    route.get(SCENARIO).map(|id| Request::Saved(id.to_owned()))
}

/// The profile to mark, if the address names one.
pub fn profile(route: &Route) -> Option<String> {
    route
        .get(PROFILE)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use esp_core::resolve::{JoinType, Mode};

    #[test]
    fn a_shared_scenario_survives_the_trip_through_a_link() {
        let mut scenario = Scenario::new(Mode::PreProvisioning, JoinType::Hybrid);
        scenario.device.group_ids = vec!["g 1&2".into()];
        scenario.device.properties.model = Some("Surface \"Pro\" 9?".into());
        let href = shared("Kiosk & co", &scenario).href();
        let back = Route::from_hash(&href);
        assert_eq!(back.area, Area::Preview);
        assert_eq!(
            request(&back),
            Some(Request::Shared {
                name: "Kiosk & co".into(),
                scenario
            })
        );
    }

    #[test]
    fn saved_scenarios_and_profile_marks_are_read_back() {
        let route = Route::from_hash(&saved("sample-kiosk", Some("p-1")).href());
        assert_eq!(request(&route), Some(Request::Saved("sample-kiosk".into())));
        assert_eq!(profile(&route).as_deref(), Some("p-1"));
        let plain = Route::from_hash("#/preview");
        assert_eq!(request(&plain), None);
        assert_eq!(profile(&plain), None);
    }

    #[test]
    fn a_damaged_shared_scenario_is_reported_not_guessed() {
        let route = Route::from_hash("#/preview?shared=%7B%22mode%22%3A");
        assert!(matches!(request(&route), Some(Request::Unreadable(_))));
        let unnamed = Route::new(Area::Preview)
            .param(SHARED, r#"{"mode":"selfDeploying","joinType":"entra"}"#);
        assert!(matches!(
            request(&unnamed),
            Some(Request::Shared { name, .. }) if name == "Shared scenario"
        ));
    }
}
