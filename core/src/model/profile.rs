//! ESP profiles: the default profile is its own type with nothing but settings, so it cannot be
//! renamed, reassigned or given scope tags; custom profiles carry every wizard step.

use super::assignment::{Assignment, Target};
use super::ids::{ProfileId, ScopeTagId};
use super::scope_tag::DEFAULT_SCOPE_TAG_ID;
use super::settings::Progress;
use serde::{Deserialize, Serialize};

/// Longest profile name, in characters (Basics).
pub const MAX_NAME_CHARS: usize = 1_000;
/// Longest description, in characters (Basics).
pub const MAX_DESCRIPTION_CHARS: usize = 1_500;
/// Most custom profiles a tenant may hold (plus the default: 51 in all).
pub const MAX_CUSTOM_PROFILES: usize = 50;

/// A custom ESP profile, possibly under edit: the name may be empty, the timeout out of range;
/// `validate` says what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomProfile {
    /// Graph id, or a local id (`local-esp-…`) until created in Intune.
    pub id: ProfileId,
    /// Basics: name, as typed (validation trims).
    pub name: String,
    /// Basics: description.
    pub description: String,
    /// Settings.
    pub settings: Progress,
    /// Assignments, in the order the admin added them.
    pub assignments: Vec<Assignment>,
    /// Scope tags as chosen; empty means none chosen, which Intune stores as *Default* (`"0"`).
    pub scope_tags: Vec<ScopeTagId>,
}

impl CustomProfile {
    /// A new profile with the designer's starting settings, no assignment and no scope tag.
    pub fn new(id: impl Into<ProfileId>, name: impl Into<String>) -> Self {
        CustomProfile {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            settings: Progress::new_profile(),
            assignments: Vec::new(),
            scope_tags: Vec::new(),
        }
    }

    /// The scope tags Intune sees: the chosen ones, or *Default* when none is chosen.
    pub fn effective_scope_tags(&self) -> Vec<ScopeTagId> {
        if self.scope_tags.is_empty() {
            vec![ScopeTagId::from(DEFAULT_SCOPE_TAG_ID)]
        } else {
            self.scope_tags.clone()
        }
    }
}

/// The tenant's default profile ("All users and all devices"): only its settings can change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DefaultProfile {
    /// Graph id (`{tenantId}_DefaultWindows10EnrollmentCompletionPageConfiguration`), or
    /// [`DefaultProfile::LOCAL_ID`] when the designer has not seen the real one.
    pub id: ProfileId,
    /// Settings.
    pub settings: Progress,
}

/// The assignment the default profile always has.
static DEFAULT_ASSIGNMENTS: [Assignment; 1] = [Assignment {
    target: Target::AllDevices,
    filter: None,
}];

impl DefaultProfile {
    /// Its fixed name.
    pub const NAME: &'static str = "All users and all devices";
    /// Its fixed description.
    pub const DESCRIPTION: &'static str = "This is the default enrollment status screen configuration applied with the lowest priority to all users and all devices regardless of group membership.";
    /// Id used before the real tenant's default profile is known.
    pub const LOCAL_ID: &'static str = "DefaultWindows10EnrollmentCompletionPageConfiguration";
    /// Graph's id suffix of the default profile.
    pub const ID_SUFFIX: &'static str = "_DefaultWindows10EnrollmentCompletionPageConfiguration";

    /// The default profile as Intune ships it: page hidden.
    pub fn shipped(id: impl Into<ProfileId>) -> Self {
        DefaultProfile {
            id: id.into(),
            settings: Progress::Hidden,
        }
    }
}

impl Default for DefaultProfile {
    fn default() -> Self {
        DefaultProfile::shipped(DefaultProfile::LOCAL_ID)
    }
}

/// A profile of either kind, borrowed: what validation, export and the preview read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile<'a> {
    /// The default profile.
    Default(&'a DefaultProfile),
    /// A custom profile.
    Custom(&'a CustomProfile),
}

impl<'a> From<&'a DefaultProfile> for Profile<'a> {
    fn from(profile: &'a DefaultProfile) -> Self {
        Profile::Default(profile)
    }
}

impl<'a> From<&'a CustomProfile> for Profile<'a> {
    fn from(profile: &'a CustomProfile) -> Self {
        Profile::Custom(profile)
    }
}

impl<'a> Profile<'a> {
    /// Its id.
    pub fn id(self) -> &'a ProfileId {
        match self {
            Profile::Default(p) => &p.id,
            Profile::Custom(p) => &p.id,
        }
    }

    /// Its name (fixed for the default profile).
    pub fn name(self) -> &'a str {
        match self {
            Profile::Default(_) => DefaultProfile::NAME,
            Profile::Custom(p) => &p.name,
        }
    }

    /// Its description (fixed for the default profile).
    pub fn description(self) -> &'a str {
        match self {
            Profile::Default(_) => DefaultProfile::DESCRIPTION,
            Profile::Custom(p) => &p.description,
        }
    }

    /// Its settings.
    pub fn settings(self) -> &'a Progress {
        match self {
            Profile::Default(p) => &p.settings,
            Profile::Custom(p) => &p.settings,
        }
    }

    /// Its assignments (the default profile: All devices).
    pub fn assignments(self) -> &'a [Assignment] {
        match self {
            Profile::Default(_) => &DEFAULT_ASSIGNMENTS,
            Profile::Custom(p) => &p.assignments,
        }
    }

    /// Its chosen scope tags (none for the default profile).
    pub fn scope_tags(self) -> &'a [ScopeTagId] {
        match self {
            Profile::Default(_) => &[],
            Profile::Custom(p) => &p.scope_tags,
        }
    }

    /// True for the default profile.
    pub fn is_default(self) -> bool {
        matches!(self, Profile::Default(_))
    }
}
