//! esp-core: the ESP Designer domain, pure Rust with no web dependency.
//!
//! The browser app, the `esp-preview` CLI and the tests all go through this crate, so every
//! domain rule (DOMAIN.md) lives here and nowhere else.
//!
//! - [`model`]: the tenant, its profiles (settings as nested enums) and what they refer to.
//! - [`validate`]: every finding about a profile in its tenant.
//! - [`priority`]: add, move, delete, duplicate, also as a scoped admin.
//! - [`filter`]: the assignment-filter language.

pub mod filter;
pub mod graph;
pub mod merge;
pub mod model;
pub mod priority;
pub mod save;
pub mod validate;

pub use model::{
    App, Assignment, CustomProfile, DefaultProfile, Group, Profile, Progress, ScopeTag, Target,
    Tenant,
};
pub use validate::{Finding, Severity, WizardStep};

/// The product name as shown to people, shared by the app and the CLI.
pub const PRODUCT_NAME: &str = "ESP Designer";
