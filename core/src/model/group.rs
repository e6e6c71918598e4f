//! Entra groups, as far as the designer needs them: a name and, when known, what they hold.

use super::ids::GroupId;
use serde::{Deserialize, Serialize};

/// Whether a group holds users or devices, which decides the kind of its assignments (DOMAIN §1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MemberKind {
    /// A group of users.
    User,
    /// A group of devices.
    Device,
}

impl MemberKind {
    /// The bundle's `memberKind` value.
    pub fn as_str(self) -> &'static str {
        match self {
            MemberKind::User => "user",
            MemberKind::Device => "device",
        }
    }
}

/// An Entra group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// Graph id (opaque).
    pub id: GroupId,
    /// `displayName`.
    pub display_name: String,
    /// Users or devices, when the designer knows (Graph does not say; the bundle's `memberKind`).
    pub member_kind: Option<MemberKind>,
}
