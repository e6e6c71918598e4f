//! The sample tenant a first-time visitor sees: Northwind Traders, a fictional retailer whose
//! Intune tenant shows what ESP Designer is for before anyone imports their own.
//!
//! The tenant is a hand-written, Graph-shaped tenant bundle (`core/sample/tenant.json`) read by
//! the normal importer, so the sample can never hold what an import could not. It has the default
//! profile as Intune ships it (page not shown) and six custom profiles, in priority order:
//!
//! 1. **Kiosk devices**: self-deploying kiosks, *Selected* blocking apps {Northwind Store
//!    Inventory, Zebra Printer Setup Utilities, Northwind Kiosk Browser} while the kiosk group's
//!    required apps are Northwind Kiosk Browser and Store Signage Player: DOMAIN §3.3's App 1–4
//!    example, where the page waits for the kiosk browser only. Reset allowed, quality updates off,
//!    scope tag *Store Operations*.
//! 2. **Executives**: custom message, every error-screen button, All apps, two scope tags.
//! 3. **Lab devices**: *Block device use* No, and an excluded group (`EXCLUSION_UNVERIFIED`).
//! 4. **Hybrid join devices**: two-hour timeout, *Selected* apps with *Only fail selected
//!    blocking apps in technician phase* (`TECHNICIAN_TIMEOUT`).
//! 5. **Corporate laptops**: All devices with the include filter *Corporate devices*.
//! 6. **Finance users**: user-targeted, custom message, *Selected* apps, and the exclude filter
//!    *Windows 365 Cloud PCs*, which reads `device.model` (`FILTER_PROPERTY_OS`).
//!
//! Two scenarios raise the preview's app warnings: a device in *SG-Finance-Workstations* gets
//! SAP GUI (Win32) and the Northwind Ledger Client (LOB MSI), `LOB_WIN32_MIX`; a member of
//! *Engineering Users* gets Microsoft Visio and Project (`officeSuiteApp`) beside Win32 apps,
//! `M365_APPS_TYPE`. Of the eight filters, six are usable by ESP and two are not (`deviceName`,
//! `operatingSystemVersion -ge`).
//!
//! Five ready scenarios (`core/sample/scenarios.json`, [`scenarios`]) open the preview on these
//! stories: the kiosk (App 1–4), the finance workstation (`LOB_WIN32_MIX`), the engineer
//! (`M365_APPS_TYPE`), a hybrid PC in the pre-provisioning technician flow (timeout + 40), and a
//! finance user on a personal device (reached via the user).

use crate::graph::{import_str, ImportError};
use crate::model::Tenant;
use crate::resolve::Scenario;
use serde::{Deserialize, Serialize};

/// The sample tenant bundle, as shipped in the binary.
pub const SAMPLE_TENANT_JSON: &str = include_str!("../sample/tenant.json");

/// The sample tenant, read through the normal importer. The file is fixed at build time and the
/// tests import it, so an error here means a broken build rather than bad input; it is returned,
/// not unwrapped, because a panic in wasm is a dead page.
pub fn tenant() -> Result<Tenant, ImportError> {
    import_str(SAMPLE_TENANT_JSON).map(|imported| imported.tenant)
}

/// The sample's ready scenarios, as shipped in the binary.
pub const SAMPLE_SCENARIOS_JSON: &str = include_str!("../sample/scenarios.json");

/// A ready scenario of the sample: a stable id, a name and what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SampleScenario {
    /// Stable across versions (`sample-kiosk`), so a link to it keeps working.
    pub id: String,
    /// What the preview lists it as.
    pub name: String,
    /// What it shows, in a sentence or two.
    pub description: String,
    /// The question for the preview, naming the sample's real group ids.
    pub scenario: Scenario,
}

/// The sample's ready scenarios, in the order the preview lists them. Like [`tenant`], the file
/// is fixed at build time and tested, so an error means a broken build; it is returned, not
/// unwrapped.
pub fn scenarios() -> Result<Vec<SampleScenario>, serde_json::Error> {
    serde_json::from_str(SAMPLE_SCENARIOS_JSON)
}
