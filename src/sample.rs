//! What a first visit starts from: the sample tenant of esp-core, so the product explains itself.

use esp_core::model::DefaultProfile;
use esp_core::Tenant;

/// The tenant a new workspace starts with (and "Reset to sample" brings back). The sample ships
/// inside the app and is tested in esp-core, so the error, a sentence for the user, can only
/// come from a broken build.
pub fn starting_tenant() -> Result<Tenant, String> {
    esp_core::sample::tenant()
        .map_err(|error| format!("The sample tenant could not be opened: {error}"))
}

/// A tenant with nothing but the default profile as Intune ships it ("Start empty").
pub fn empty_tenant() -> Tenant {
    Tenant::new(DefaultProfile::default())
}
