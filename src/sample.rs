//! What a first visit starts from.

use esp_core::model::DefaultProfile;
use esp_core::Tenant;

/// The tenant a new workspace starts with.
pub fn starting_tenant() -> Tenant {
    Tenant::new(DefaultProfile::default())
}
