//! What the preview is asked about: the deployment mode, the join type, the device and its user.

use crate::filter::DeviceProperties;
use crate::model::GroupId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The Autopilot deployment mode.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// A person signs in during OOBE: device setup, then account setup for that person.
    #[default]
    UserDriven,
    /// No user at all: device setup only, device-targeted profiles only.
    SelfDeploying,
    /// The technician flow of pre-provisioning: device setup only, device-targeted profiles only.
    PreProvisioning,
}

impl Mode {
    /// Every mode, in the order the UI lists them.
    pub const ALL: [Mode; 3] = [Mode::UserDriven, Mode::SelfDeploying, Mode::PreProvisioning];

    /// The JSON and CSV spelling: `userDriven`, `selfDeploying`, `preProvisioning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::UserDriven => "userDriven",
            Mode::SelfDeploying => "selfDeploying",
            Mode::PreProvisioning => "preProvisioning",
        }
    }

    /// How sentences name it: `user-driven`, `self-deploying`, `pre-provisioning`.
    pub fn label(self) -> &'static str {
        match self {
            Mode::UserDriven => "user-driven",
            Mode::SelfDeploying => "self-deploying",
            Mode::PreProvisioning => "pre-provisioning",
        }
    }

    /// Reads the JSON spelling or the label, in any letter case.
    pub fn from_name(name: &str) -> Option<Mode> {
        let name = name.trim();
        Mode::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(name) || m.label().eq_ignore_ascii_case(name))
    }

    /// Only user-driven deployments have a user while the ESP runs (DOMAIN §2, §3.1).
    pub fn has_user(self) -> bool {
        self == Mode::UserDriven
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the device joins.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum JoinType {
    /// Microsoft Entra join.
    #[default]
    Entra,
    /// Microsoft Entra hybrid join: +40 minutes, and some user-context apps are not tracked.
    Hybrid,
}

impl JoinType {
    /// Both join types.
    pub const ALL: [JoinType; 2] = [JoinType::Entra, JoinType::Hybrid];

    /// The JSON and CSV spelling: `entra`, `hybrid`.
    pub fn as_str(self) -> &'static str {
        match self {
            JoinType::Entra => "entra",
            JoinType::Hybrid => "hybrid",
        }
    }

    /// Reads the JSON spelling in any letter case.
    pub fn from_name(name: &str) -> Option<JoinType> {
        let name = name.trim();
        JoinType::ALL
            .into_iter()
            .find(|j| j.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for JoinType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The device: the groups that contain it and the six properties filters read (a missing one
/// compares as `$null`).
///
/// In JSON the properties sit beside `groupIds` (`DeviceJson`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "DeviceJson", into = "DeviceJson")]
pub struct ScenarioDevice {
    /// Entra groups containing the device.
    pub group_ids: Vec<GroupId>,
    /// `model`, `manufacturer`, `osVersion`, `operatingSystemSKU`, `deviceOwnership`,
    /// `enrollmentProfileName`.
    pub properties: DeviceProperties,
}

/// [`ScenarioDevice`] as JSON, one flat object. Spelled out rather than `#[serde(flatten)]`,
/// which buffers the object and compiles a second reader into the wasm (ARCHITECTURE.md "Size").
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DeviceJson {
    #[serde(default)]
    group_ids: Vec<GroupId>,
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    manufacturer: Option<String>,
    #[serde(default)]
    os_version: Option<String>,
    #[serde(default, rename = "operatingSystemSKU")]
    operating_system_sku: Option<String>,
    #[serde(default)]
    device_ownership: Option<String>,
    #[serde(default)]
    enrollment_profile_name: Option<String>,
}

impl From<DeviceJson> for ScenarioDevice {
    fn from(json: DeviceJson) -> Self {
        ScenarioDevice {
            group_ids: json.group_ids,
            properties: DeviceProperties {
                model: json.model,
                manufacturer: json.manufacturer,
                os_version: json.os_version,
                operating_system_sku: json.operating_system_sku,
                device_ownership: json.device_ownership,
                enrollment_profile_name: json.enrollment_profile_name,
            },
        }
    }
}

impl From<ScenarioDevice> for DeviceJson {
    fn from(device: ScenarioDevice) -> Self {
        let p = device.properties;
        DeviceJson {
            group_ids: device.group_ids,
            model: p.model,
            manufacturer: p.manufacturer,
            os_version: p.os_version,
            operating_system_sku: p.operating_system_sku,
            device_ownership: p.device_ownership,
            enrollment_profile_name: p.enrollment_profile_name,
        }
    }
}

/// The person who signs in (user-driven only).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioUser {
    /// Entra groups containing the user.
    #[serde(default)]
    pub group_ids: Vec<GroupId>,
}

/// One question for the preview: which profile and apps does this device get?
///
/// In user-driven mode there is always a user: `user: null` stands for a user in no group, who
/// is still reached by *All users*. The other modes ignore the user (DOMAIN §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// The deployment mode.
    pub mode: Mode,
    /// Entra or hybrid join.
    pub join_type: JoinType,
    /// The device.
    #[serde(default)]
    pub device: ScenarioDevice,
    /// The user's groups, if known.
    #[serde(default)]
    pub user: Option<ScenarioUser>,
}

impl Scenario {
    /// A scenario for a device in no group, with no property known and no user group.
    pub fn new(mode: Mode, join_type: JoinType) -> Self {
        Scenario {
            mode,
            join_type,
            device: ScenarioDevice::default(),
            user: None,
        }
    }

    /// The user's groups (none when the scenario names no user).
    pub fn user_group_ids(&self) -> &[GroupId] {
        self.user.as_ref().map_or(&[], |u| &u.group_ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape() {
        let scenario: Scenario = serde_json::from_str(
            r#"{"mode":"selfDeploying","joinType":"hybrid",
                "device":{"groupIds":["g1"],"model":"Surface","operatingSystemSKU":"Enterprise"},
                "user":{"groupIds":["u1"]}}"#,
        )
        .unwrap();
        assert_eq!(scenario.mode, Mode::SelfDeploying);
        assert_eq!(scenario.join_type, JoinType::Hybrid);
        assert_eq!(scenario.device.group_ids, vec![GroupId::from("g1")]);
        assert_eq!(scenario.device.properties.model.as_deref(), Some("Surface"));
        assert_eq!(
            scenario.device.properties.operating_system_sku.as_deref(),
            Some("Enterprise")
        );
        assert_eq!(scenario.user_group_ids(), &[GroupId::from("u1")]);
        let back: Scenario =
            serde_json::from_value(serde_json::to_value(&scenario).unwrap()).unwrap();
        assert_eq!(back, scenario);
        let bare: Scenario =
            serde_json::from_str(r#"{"mode":"userDriven","joinType":"entra","user":null}"#)
                .unwrap();
        assert_eq!(bare, Scenario::new(Mode::UserDriven, JoinType::Entra));
    }

    #[test]
    fn names() {
        assert_eq!(
            Mode::from_name("PREPROVISIONING"),
            Some(Mode::PreProvisioning)
        );
        assert_eq!(Mode::from_name(" user-driven "), Some(Mode::UserDriven));
        assert_eq!(Mode::from_name("kiosk"), None);
        assert_eq!(JoinType::from_name("Hybrid"), Some(JoinType::Hybrid));
    }
}
