//! esp-core: the ESP Designer domain, pure Rust with no web dependency.
//!
//! The browser app, the `esp-preview` CLI and the tests all go through this crate, so every
//! domain rule (DOMAIN.md) lives here and nowhere else.
//!
//! - [`model`]: the tenant, its profiles (settings as nested enums) and what they refer to.
//! - [`validate`]: every finding about a profile in its tenant; `parse_timeout`; which filters
//!   ESP can use.
//! - [`priority`]: add, move, delete, duplicate, also as a scoped admin.
//! - [`graph`]: import from Graph JSON (any encoding, IntuneCD backups), export of request bodies
//!   and of the tenant bundle.
//! - [`merge`]: merging an import into the tenant the designer holds.
//! - [`catalog`]: adding, editing and deleting groups, apps, filters and scope tags, and who
//!   uses each one.
//! - [`open`]: opening any file the app imports (a save of its own or Graph JSON), with the
//!   20 MB limit.
//! - [`save`]: the versioned save format.
//! - [`filter`]: the assignment-filter language.
//! - [`history`]: undo and redo over whole-document snapshots.
//! - [`resolve`](mod@resolve): which profile a device gets and what its ESP waits for, with a trace.
//! - [`fleet`]: many devices at once (a CSV device list), and the impact of a change on them.
//! - [`sample`]: the sample tenant a first visit opens.
//!
//! # Decisions where DOMAIN.md is silent
//! - **New profiles** start with the page shown, 60 minutes, the default message, log collection
//!   and OOBE-only off, quality updates on, *Block device use* Yes without reset or use on error,
//!   and All apps.
//! - **Hidden settings** have no place in the model; the wizard parks them in a
//!   [`model::SettingsMemory`]. Export writes them off: `false`, `""`, `[]`, the timeout as 60,
//!   and *Block device use* as No (`blockDeviceSetupRetryByUser: true`, as Intune's own default
//!   profile carries it).
//! - **Scope tags**: an empty list means none chosen and is exported as `["0"]`; a lone `"0"` is
//!   imported as none chosen. For scope checks an untagged profile carries *Default*; every admin
//!   sees the default profile; a profile a scoped admin adds with no tag gets the admin's tags.
//! - **LOB MSI install context** follows the app's `useDeviceContext` (`false` = user, missing =
//!   device), as INSTALL_CONTEXT.tsv and Microsoft's docs (per-user MSI in account setup) have it;
//!   DOMAIN §3.2 calls `windowsMobileMSI` device context without exception.
//! - **References that resolve nowhere** (group, app, filter, scope tag) are errors
//!   (`*_UNKNOWN`): Intune would refuse them. `UNASSIGNED` also fires when only exclusions are
//!   left. `PROFILE_CAP` is a Review error on the 51st profile and beyond. A non-Windows filter
//!   is `FILTER_NOT_ESP`.
//! - **Import** keeps every custom profile of a file (beyond 50 too), in priority order,
//!   renumbered 1..n; gives objects without ids local ids (`local-esp-1`, …); skips duplicates
//!   of an id, a second default profile, non-Windows filters and objects that are not apps, each
//!   with its reason; reads a typeless app with a package identifier as `winGetApp`. IntuneCD
//!   names create the group, scope tag or app they name when nothing matches; a filter name
//!   never creates a filter (its rule is unknown), so it stays an unknown reference.
//! - **Catalog objects** (groups, apps, filters, scope tags) have required names unique within
//!   their kind; deleting one removes every reference to it (see [`catalog`]).
//! - Graph's timeout `0` means 60, so a model timeout of 0 (invalid anyway) reads back as 60.
//! - **Resolution** and **the fleet** list their own decisions in [`resolve`](mod@resolve) (group membership
//!   from the scenario, the user of user-driven mode, filters it cannot use, the technician
//!   flow, which warnings fire where) and [`fleet`] (the CSV device list).

pub mod catalog;
pub mod filter;
pub mod fleet;
pub mod graph;
pub mod history;
pub mod merge;
pub mod model;
pub mod open;
pub mod priority;
pub mod resolve;
pub mod sample;
pub mod save;
pub mod validate;

pub use graph::{import_bytes, ImportError, ImportReport, Imported};
pub use model::{
    App, Assignment, CustomProfile, DefaultProfile, Group, Priority, Profile, Progress, ScopeTag,
    Target, Tenant,
};
pub use priority::{AdminScope, PriorityError};
pub use resolve::{resolve, IndexedTenant, Resolution, Scenario};
pub use validate::{Code, Finding, Severity, WizardStep};

/// The product name as shown to people, shared by the app and the CLI.
pub const PRODUCT_NAME: &str = "ESP Designer";
