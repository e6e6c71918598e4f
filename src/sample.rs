//! What a first visit starts from: the sample tenant, so the product explains itself.

use esp_core::model::DefaultProfile;
use esp_core::Tenant;

/// The tenant a new workspace starts with (and "Reset to sample" brings back). The error is a
/// sentence for the user; it can only come from a broken build.
pub fn starting_tenant() -> Result<Tenant, String> {
    Ok(empty_tenant())
}

/// A tenant with nothing but the default profile as Intune ships it ("Start empty").
pub fn empty_tenant() -> Tenant {
    Tenant::new(DefaultProfile::default())
}
