//! Microsoft Graph (beta) JSON: import from what admins' tools export, export to the request
//! bodies an admin sends and to the tenant bundle (DOMAIN §5).
//!
//! # The tenant bundle
//! One JSON object with five Graph-shaped arrays, any of which may be missing:
//! `deviceEnrollmentConfigurations` (profiles, with `assignments`), `groups` (with an optional
//! `"memberKind": "user" | "device"`), `mobileApps` (with `assignments`), `assignmentFilters` and
//! `roleScopeTags`. Export writes names beside ids so a design can move to another tenant; these
//! keys are ours (or IntuneCD's) and Graph does not know them:
//! - profile: `selectedMobileAppNames` (`[{"name", "type"}]`, IntuneCD's shape, one per id, `null`
//!   for an id the tenant does not know) and `roleScopeTagNames` (one per id);
//! - assignment target: `groupName` (IntuneCD's key) and `deviceAndAppManagementAssignmentFilterName`.
//!
//! The request bodies (`create_body`, `assign_body`, `set_priority_body`) carry none of them;
//! `powershell` wraps them in a script that sends them.
//!
//! # What else import reads
//! Besides a profile, a list response and a bundle, a file may hold catalog objects: a single
//! app, filter, scope tag or group, or a list of them (a Graph list response, a bare list, or a
//! wrapper such as HydrationKit's `{"filters": [...]}`). Each object is read by its kind
//! ([`kind::classify`]): apps, filters, scope tags and groups join the tenant, an assignment on
//! its own is skipped with its reason, anything else is read as an enrollment configuration.

mod encoding;
mod error;
pub mod export;
pub mod import;
mod intunecd;
mod json;
pub mod kind;
pub mod powershell;
mod report;
mod seen;

pub use encoding::{decode, Encoding};
pub use error::ImportError;
pub use import::{import_bytes, import_bytes_for, import_str, import_value, Imported, Importer};
pub use report::{
    Counts, ImportReport, ImportWarning, Layout, RefKind, Resolution, ResolvedName, Skipped,
};

/// The Graph type of an ESP profile, without `#microsoft.graph.`.
pub const ESP_TYPE: &str = "windows10EnrollmentCompletionPageConfiguration";

pub(crate) const KEY_CONFIGURATIONS: &str = "deviceEnrollmentConfigurations";
pub(crate) const KEY_GROUPS: &str = "groups";
pub(crate) const KEY_APPS: &str = "mobileApps";
pub(crate) const KEY_FILTERS: &str = "assignmentFilters";
pub(crate) const KEY_SCOPE_TAGS: &str = "roleScopeTags";
/// The keys of a tenant bundle.
pub const BUNDLE_KEYS: [&str; 5] = [
    KEY_CONFIGURATIONS,
    KEY_GROUPS,
    KEY_APPS,
    KEY_FILTERS,
    KEY_SCOPE_TAGS,
];
pub(crate) const KEY_APP_NAMES: &str = "selectedMobileAppNames";
pub(crate) const KEY_SCOPE_TAG_NAMES: &str = "roleScopeTagNames";
pub(crate) const KEY_GROUP_NAME: &str = "groupName";
pub(crate) const KEY_FILTER_NAME: &str = "deviceAndAppManagementAssignmentFilterName";
/// IntuneCD writes this id for "no filter".
pub(crate) const ZERO_GUID: &str = "00000000-0000-0000-0000-000000000000";

/// How an error names a value it found (`nothing` when missing).
pub(crate) fn describe_value(value: Option<&serde_json::Value>) -> String {
    value.map_or_else(|| "nothing".to_owned(), json::describe)
}
