//! What a first visit starts from: the sample tenant of esp-core, so the product explains itself.

use esp_core::model::DefaultProfile;
use esp_core::Tenant;

/// The tenant a new workspace starts with. The sample ships inside the app and is tested in
/// esp-core, so the empty fallback only guards against a broken build, never a user's data.
pub fn starting_tenant() -> Tenant {
    esp_core::sample::tenant().unwrap_or_else(|_| Tenant::new(DefaultProfile::default()))
}
