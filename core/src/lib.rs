//! esp-core: the ESP Designer domain, pure Rust with no web dependency.
//!
//! The browser app, the `esp-preview` CLI and the tests all go through this crate, so every
//! domain rule (DOMAIN.md) lives here and nowhere else.

pub mod model;
pub mod priority;

pub use model::{
    App, Assignment, CustomProfile, DefaultProfile, Group, Profile, Progress, ScopeTag, Target,
    Tenant,
};

/// The product name as shown to people, shared by the app and the CLI.
pub const PRODUCT_NAME: &str = "ESP Designer";
pub mod filter;
