//! The domain model: a tenant, its ESP profiles and the objects they refer to.
//!
//! The model holds a profile *under edit* (an empty name, a timeout of 0, an empty Selected list
//! are all representable) and lets `validate` report what is wrong; what it cannot hold are the
//! states Intune cannot have: a hidden setting with a value, a renamed or reassigned default
//! profile, a gap in priorities.

mod app;
mod assignment;
mod assignment_filter;
mod group;
mod ids;
mod profile;
mod scope_tag;
mod settings;
mod tagged;
mod tenant;

pub use app::{App, AppAssignment, AppKind, InstallContext, Intent, RunAs, TRACKED_APP_TYPES};
pub use assignment::{AppliedFilter, Assignment, FilterMode, Target};
pub use assignment_filter::{AssignmentFilter, WINDOWS_FILTER_PLATFORM};
pub use group::{Group, MemberKind};
pub use ids::{AppId, FilterId, GroupId, ProfileId, ScopeTagId};
pub use profile::{
    CustomProfile, DefaultProfile, Profile, MAX_CUSTOM_PROFILES, MAX_DESCRIPTION_CHARS,
    MAX_NAME_CHARS,
};
pub use scope_tag::{ScopeTag, DEFAULT_SCOPE_TAG_ID, DEFAULT_SCOPE_TAG_NAME, MAX_SCOPE_TAGS};
pub use settings::{
    Block, BlockSettings, BlockingApps, CustomMessage, PageSettings, Progress, SelectedApps,
    SettingsMemory, DEFAULT_ERROR_MESSAGE, DEFAULT_TIMEOUT_MINUTES, MAX_CUSTOM_MESSAGE_CHARS,
    MAX_SELECTED_APPS, MAX_TIMEOUT_MINUTES, MIN_TIMEOUT_MINUTES,
};
pub use tagged::{adjacent, required};
pub(crate) use tenant::{fresh_id, LOCAL_ID_PREFIX};
pub use tenant::{same_name, Priority, Tenant};
