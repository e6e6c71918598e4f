//! Resolution: which profile a device gets, what its ESP tracks and waits for, and why
//! (DOMAIN §2, §3).
//!
//! ```
//! use esp_core::resolve::{resolve, JoinType, Mode, Scenario, Via};
//! use esp_core::model::Tenant;
//!
//! let tenant = Tenant::default();
//! let result = resolve(&tenant, &Scenario::new(Mode::UserDriven, JoinType::Entra));
//! assert_eq!(result.via, Via::Default);
//! assert!(!result.page_shown); // the default profile ships with the page hidden
//! ```
//!
//! - [`resolve`] answers one [`Scenario`] with a full [`Resolution`]: profile, phases, time,
//!   screen, warnings and a trace of every profile. It never fails: what it cannot use becomes a
//!   warning.
//! - [`IndexedTenant`] is the tenant built once for many scenarios; [`resolve_indexed`] and the
//!   fleet's [`Summarizer`] (profile, via, blocking count, effective timeout, no strings) read it.
//!
//! # Decisions where DOMAIN.md is silent
//! - **Group membership comes from the scenario**: a group in the device's list contains the
//!   device, one in the user's list contains the user; a group's `memberKind` is not consulted.
//!   A group in both lists reaches both.
//! - **The user**: only user-driven mode has one. There `user: null` stands for a user in no
//!   group, still reached by *All users*; self-deploying and pre-provisioning ignore the user's
//!   groups, and the trace says so.
//! - **Filters resolution cannot use** (unknown id, rule that does not parse, not a Windows
//!   filter, or on a profile a rule ESP may not use) make their row reach nobody, whatever the
//!   mode: the preview never claims an assignment it cannot evaluate (`FILTER_UNRESOLVED`). An
//!   app filter may read properties outside ESP's six; they compare as `$null`
//!   (`FILTER_PROPERTY_UNKNOWN`). A filter on an exclusion row is ignored, as Intune allows none.
//! - **App exclusions** follow the profile rule: a required exclusion row removes the same kind
//!   (device or user) of required inclusion.
//! - **Pre-provisioning** is the technician flow: device-targeted profiles, device setup only,
//!   no quality updates. It attempts every tracked device app when *Only fail selected…* is Yes
//!   or when the page does not block (nothing then fails it), and only the blocking apps
//!   otherwise. `TECHNICIAN_TIMEOUT` is raised in pre-provisioning only.
//! - **Page hidden**: no screen, no timeout (`null`), nothing tracked, no account setup.
//! - **Block device use = No**: the screen still names the error message and *Collect logs*, but
//!   `canLeave` is true and no other button shows.
//! - **Timeout 0** (Graph's "unset") counts as 60 minutes.
//! - **Windows 11** is unknown when `osVersion` is missing or has no numeric build: quality
//!   updates then do not install, with `QUALITY_UPDATES_IGNORED` saying why.
//! - **Warnings only where they decide something**: `UNASSIGNED`, `EXCLUSION_UNVERIFIED`,
//!   `FILTER_PROPERTY_OS` and `FILTER_UNRESOLVED` concern profiles ranked at or above the one that
//!   applies (every profile when it was reached via the user or is the default).
//!   `BLOCKING_APP_NOT_TARGETED` covers every Selected app the page will not wait for here, with
//!   the reason (not assigned, not in the tenant, a type the ESP never tracks, or not tracked in
//!   this flow). `QUALITY_UPDATES_IGNORED` cannot fire for a hidden page: the model keeps no
//!   setting under a hidden page. `SELF_DEPLOYING_HYBRID` flags a combination Autopilot does not
//!   support.
//! - **Lists** of app ids are sorted; `apps` lists every app the scenario reaches, and every
//!   Selected app, by id.

mod full;
pub(crate) mod hash;
mod index;
mod phases;
mod result;
mod scenario;
mod screen;
mod summary;
mod targeting;
mod time;
mod trace;
mod warnings;

pub use index::{IndexedTenant, PreparedScenario};
pub use phases::AppPhase;
pub use result::{AppOutcome, PhaseApps, Resolution, ResolvedProfile, TechnicianFlow, Via};
pub use scenario::{JoinType, Mode, Scenario, ScenarioDevice, ScenarioUser};
pub use screen::{ErrorScreen, Screen, Section};
pub use summary::{DeviceSummary, Summarizer};
pub use time::{
    is_windows_11, HYBRID_EXTRA_MINUTES, QUALITY_UPDATE_MINUTES, WINDOWS_11_FIRST_BUILD,
};
pub use trace::{AssignmentTrace, Audience, FilterTrace, ProfileTrace, RowResult, TargetKind};
pub use warnings::{Warning, WarningCode};

use crate::model::Tenant;

/// Resolves one scenario against a tenant (indexing it first; to resolve many scenarios, build an
/// [`IndexedTenant`] once and call [`resolve_indexed`]).
pub fn resolve(tenant: &Tenant, scenario: &Scenario) -> Resolution {
    resolve_indexed(&IndexedTenant::new(tenant), scenario)
}

/// Resolves one scenario against an indexed tenant.
pub fn resolve_indexed(index: &IndexedTenant, scenario: &Scenario) -> Resolution {
    full::resolve(index, scenario)
}
