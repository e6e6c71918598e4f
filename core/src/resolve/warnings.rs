//! The warnings a resolution raises: DOMAIN §3.5's codes, plus the preview's own for filters it
//! cannot use and scenarios Autopilot does not support.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable warning codes (SCREAMING_SNAKE in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WarningCode {
    /// Tracked apps mix LOB MSI with Win32-family apps: the ESP fails.
    LobWin32Mix,
    /// A tracked Microsoft 365 Apps alongside tracked Win32 apps: it can hang the ESP.
    M365AppsType,
    /// Less than 5 minutes per blocking app (both phases).
    TimeoutTight,
    /// Hybrid join: the page can take timeout + 40 minutes.
    HybridTimeout,
    /// The profile installs quality updates, but not in this scenario.
    QualityUpdatesIgnored,
    /// *Only fail selected blocking apps in technician phase* = Yes in pre-provisioning.
    TechnicianTimeout,
    /// A selected blocking app that this scenario does not track.
    BlockingAppNotTargeted,
    /// A filter on the way reads `model` or `manufacturer`.
    FilterPropertyOs,
    /// The profile's two OOBE flags were imported different.
    OobeFlagsDiffer,
    /// Exclusions decided (or could decide) the outcome: unverified for ESP.
    ExclusionUnverified,
    /// A higher-priority profile is not assigned at all.
    Unassigned,
    /// A filter the preview cannot use (unknown, unreadable, not Windows, or not usable by
    /// ESP): the assignment row is skipped.
    FilterUnresolved,
    /// An app filter reads properties the preview does not know; they compared as `$null`.
    FilterPropertyUnknown,
    /// Self-deploying mode with hybrid join, which Autopilot does not support.
    SelfDeployingHybrid,
}

impl WarningCode {
    /// Every code, for documentation and tests.
    pub const ALL: [WarningCode; 14] = [
        WarningCode::LobWin32Mix,
        WarningCode::M365AppsType,
        WarningCode::TimeoutTight,
        WarningCode::HybridTimeout,
        WarningCode::QualityUpdatesIgnored,
        WarningCode::TechnicianTimeout,
        WarningCode::BlockingAppNotTargeted,
        WarningCode::FilterPropertyOs,
        WarningCode::OobeFlagsDiffer,
        WarningCode::ExclusionUnverified,
        WarningCode::Unassigned,
        WarningCode::FilterUnresolved,
        WarningCode::FilterPropertyUnknown,
        WarningCode::SelfDeployingHybrid,
    ];

    /// The stable key, e.g. `TIMEOUT_TIGHT`.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::LobWin32Mix => "LOB_WIN32_MIX",
            WarningCode::M365AppsType => "M365_APPS_TYPE",
            WarningCode::TimeoutTight => "TIMEOUT_TIGHT",
            WarningCode::HybridTimeout => "HYBRID_TIMEOUT",
            WarningCode::QualityUpdatesIgnored => "QUALITY_UPDATES_IGNORED",
            WarningCode::TechnicianTimeout => "TECHNICIAN_TIMEOUT",
            WarningCode::BlockingAppNotTargeted => "BLOCKING_APP_NOT_TARGETED",
            WarningCode::FilterPropertyOs => "FILTER_PROPERTY_OS",
            WarningCode::OobeFlagsDiffer => "OOBE_FLAGS_DIFFER",
            WarningCode::ExclusionUnverified => "EXCLUSION_UNVERIFIED",
            WarningCode::Unassigned => "UNASSIGNED",
            WarningCode::FilterUnresolved => "FILTER_UNRESOLVED",
            WarningCode::FilterPropertyUnknown => "FILTER_PROPERTY_UNKNOWN",
            WarningCode::SelfDeployingHybrid => "SELF_DEPLOYING_HYBRID",
        }
    }
}

impl fmt::Display for WarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One warning: a stable code and a sentence saying what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// What to do, in words.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// Warnings in the order raised, each once.
#[derive(Debug, Default)]
pub(crate) struct Warnings(pub Vec<Warning>);

impl Warnings {
    pub fn push(&mut self, code: WarningCode, message: impl Into<String>) {
        let warning = Warning {
            code,
            message: message.into(),
        };
        if !self.0.contains(&warning) {
            self.0.push(warning);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keys_are_the_stable_codes() {
        for code in WarningCode::ALL {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, serde_json::Value::from(code.as_str()));
            let back: WarningCode = serde_json::from_value(json).unwrap();
            assert_eq!(back, code);
        }
    }
}
