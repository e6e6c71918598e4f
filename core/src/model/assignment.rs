//! Assignment targets and the optional filter on each (DOMAIN §1.3), shared by profiles and apps.

use super::ids::{FilterId, GroupId};
use super::tagged::{adjacent, required};
use serde::{Deserialize, Deserializer, Serialize};

/// Who an assignment row targets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "groupId")]
pub enum Target {
    /// *All users* (`allLicensedUsersAssignmentTarget`).
    AllUsers,
    /// *All devices* (`allDevicesAssignmentTarget`).
    AllDevices,
    /// An included Entra group (`groupAssignmentTarget`).
    Group(GroupId),
    /// An excluded Entra group (`exclusionGroupAssignmentTarget`); unverified for ESP.
    ExcludedGroup(GroupId),
}

/// Read by hand from what the derived `Serialize` writes (`super::tagged`, for the wasm's size).
impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        enum Kind {
            AllUsers,
            AllDevices,
            Group,
            ExcludedGroup,
        }
        let (kind, group) = adjacent(deserializer, "Target", &["kind", "groupId"])?;
        Ok(match kind {
            Kind::AllUsers => Target::AllUsers,
            Kind::AllDevices => Target::AllDevices,
            Kind::Group => Target::Group(required(group, "groupId")?),
            Kind::ExcludedGroup => Target::ExcludedGroup(required(group, "groupId")?),
        })
    }
}

impl Target {
    /// The group this target names, if any.
    pub fn group(&self) -> Option<&GroupId> {
        match self {
            Target::Group(id) | Target::ExcludedGroup(id) => Some(id),
            Target::AllUsers | Target::AllDevices => None,
        }
    }

    /// True for the exclusion target.
    pub fn is_exclusion(&self) -> bool {
        matches!(self, Target::ExcludedGroup(_))
    }
}

/// How a filter applies to its assignment row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FilterMode {
    /// Only devices that match the rule get the assignment.
    Include,
    /// Devices that match the rule don't get the assignment.
    Exclude,
}

impl FilterMode {
    /// Graph's `deviceAndAppManagementAssignmentFilterType` value.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterMode::Include => "include",
            FilterMode::Exclude => "exclude",
        }
    }
}

/// A filter chosen on an assignment row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedFilter {
    /// The tenant filter.
    pub id: FilterId,
    /// Include or exclude matching devices.
    pub mode: FilterMode,
}

/// One assignment row of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    /// Who is targeted.
    pub target: Target,
    /// The filter on this row, if any.
    pub filter: Option<AppliedFilter>,
}

impl Assignment {
    /// A row without filter.
    pub fn new(target: Target) -> Self {
        Assignment {
            target,
            filter: None,
        }
    }

    /// A row with a filter.
    pub fn filtered(target: Target, filter: FilterId, mode: FilterMode) -> Self {
        Assignment {
            target,
            filter: Some(AppliedFilter { id: filter, mode }),
        }
    }
}
