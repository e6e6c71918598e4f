//! Assignment filters as the tenant holds them: the rule is kept as text; the parsed rule is
//! derived on demand by `crate::filter`.

use super::ids::FilterId;
use serde::{Deserialize, Serialize};

/// Graph's `platform` value for Windows filters, the only ones ESP can use.
pub const WINDOWS_FILTER_PLATFORM: &str = "windows10AndLater";

/// A `deviceAndAppManagementAssignmentFilter`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentFilter {
    /// Graph id (opaque).
    pub id: FilterId,
    /// `displayName`.
    pub display_name: String,
    /// `platform`, e.g. `windows10AndLater`.
    pub platform: String,
    /// The rule as written, e.g. `(device.model -eq "Surface Book 3")`.
    pub rule: String,
}

impl AssignmentFilter {
    /// True when the filter targets Windows devices.
    pub fn is_windows(&self) -> bool {
        self.platform.eq_ignore_ascii_case(WINDOWS_FILTER_PLATFORM)
    }
}
