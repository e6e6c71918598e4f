//! Role scope tags (DOMAIN §1.4): they limit which admins see and reorder a profile.

use super::ids::ScopeTagId;
use serde::{Deserialize, Serialize};

/// The built-in *Default* tag's id, present in every tenant.
pub const DEFAULT_SCOPE_TAG_ID: &str = "0";
/// The built-in *Default* tag's name.
pub const DEFAULT_SCOPE_TAG_NAME: &str = "Default";
/// At most this many scope tags on one object.
pub const MAX_SCOPE_TAGS: usize = 100;

/// A role scope tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScopeTag {
    /// Graph id (`"0"` is *Default*).
    pub id: ScopeTagId,
    /// `displayName`.
    pub display_name: String,
}

impl ScopeTag {
    /// The built-in *Default* tag.
    pub fn builtin_default() -> Self {
        ScopeTag {
            id: ScopeTagId::from(DEFAULT_SCOPE_TAG_ID),
            display_name: DEFAULT_SCOPE_TAG_NAME.to_owned(),
        }
    }
}
