//! What resolution answers: the profile and how it was reached, the apps of each phase, time,
//! the screen, warnings and the trace. Plain serde data (camelCase) that the UI renders directly.

use super::phases::AppPhase;
use super::screen::Screen;
use super::trace::ProfileTrace;
use super::warnings::Warning;
use crate::model::{AppId, InstallContext, Priority, ProfileId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How the profile was reached (DOMAIN §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Via {
    /// The highest-priority custom profile targeted at the device.
    Device,
    /// No custom profile targets the device; the highest-priority one targeted at the user.
    User,
    /// Neither: the default profile.
    Default,
}

impl Via {
    /// `device`, `user` or `default`.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Device => "device",
            Via::User => "user",
            Via::Default => "default",
        }
    }
}

impl fmt::Display for Via {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The profile that applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResolvedProfile {
    /// Its id.
    pub id: ProfileId,
    /// Its name (the default profile's fixed name).
    pub display_name: String,
    /// 1..n, or `"default"`.
    pub priority: Priority,
}

/// The apps of one phase, as sorted app ids.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseApps {
    /// Required apps the phase installs and shows.
    pub tracked: Vec<AppId>,
    /// The tracked apps the page waits for (tracked ∩ Selected, or all tracked on All, or none
    /// with *Block device use* = No). The others still install but are not waited for.
    pub blocking: Vec<AppId>,
}

/// The pre-provisioning technician flow (DOMAIN §3.3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TechnicianFlow {
    /// The apps the technician flow installs.
    pub attempted: Vec<AppId>,
    /// The apps whose failure fails the deployment.
    pub fails_on: Vec<AppId>,
}

/// One app the scenario reaches (or that the profile selects), and what the ESP makes of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppOutcome {
    /// The app id.
    pub id: AppId,
    /// Its name, or the id when the tenant does not know the app.
    pub display_name: String,
    /// Graph type without prefix (`win32LobApp`); empty when unknown.
    pub app_type: String,
    /// Where it installs when it is tracked.
    pub context: Option<InstallContext>,
    /// The phase that tracks it; `None` when nothing targets it (a selected app only).
    pub phase: Option<AppPhase>,
    /// In the profile's Selected list.
    pub selected: bool,
    /// The page waits for it.
    pub blocking: bool,
    /// Why, in a sentence.
    pub reason: String,
}

/// Everything the preview says about one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    /// The profile that applies.
    pub profile: ResolvedProfile,
    /// How it was reached.
    pub via: Via,
    /// *Show app and profile configuration progress*.
    pub page_shown: bool,
    /// *Block device use until all apps and profiles are installed*.
    pub block_device_use: bool,
    /// Device setup (empty when the page is hidden).
    pub device_setup: PhaseApps,
    /// Account setup, or `None` where there is none (self-deploying, the technician flow, or
    /// no page).
    pub account_setup: Option<PhaseApps>,
    /// In pre-provisioning with the page shown: what the technician flow attempts.
    pub technician_flow: Option<TechnicianFlow>,
    /// The profile's timeout; `None` with the page hidden.
    pub timeout_minutes: Option<u32>,
    /// The timeout plus 40 minutes on hybrid join.
    pub effective_timeout_minutes: Option<u32>,
    /// Windows quality updates install after the ESP.
    pub quality_updates: bool,
    /// What the person at the device sees; `None` with the page hidden.
    pub screen: Option<Screen>,
    /// Every app the scenario reaches or the profile selects, by id.
    pub apps: Vec<AppOutcome>,
    /// Problems worth the admin's attention (DOMAIN §3.5 and the preview's own).
    pub warnings: Vec<super::warnings::Warning>,
    /// Every profile in priority order, and why it did or did not match.
    pub trace: Vec<ProfileTrace>,
}

impl Resolution {
    /// The codes of the warnings, in order.
    pub fn warning_codes(&self) -> Vec<super::warnings::WarningCode> {
        self.warnings.iter().map(|w: &Warning| w.code).collect()
    }

    /// How many apps block, both phases together.
    pub fn blocking_count(&self) -> usize {
        self.device_setup.blocking.len()
            + self.account_setup.as_ref().map_or(0, |a| a.blocking.len())
    }
}
