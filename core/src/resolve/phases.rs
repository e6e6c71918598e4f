//! Which phase tracks an app, and whether it blocks (DOMAIN §3.1–§3.3).

use super::index::AppFamily;
use super::scenario::{JoinType, Mode};
use super::targeting::AppReach;
use crate::model::{BlockSettings, BlockingApps};
use serde::{Deserialize, Serialize};

/// Where the ESP tracks an app for this scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AppPhase {
    /// *Device setup*: required, targeted at the device, device context.
    DeviceSetup,
    /// *Account setup*: required and targeted at the user, or targeted at the device in user
    /// context (not on hybrid join for Win32, WinGet and AppX types).
    AccountSetup,
    /// Required and targeted here, but the ESP does not track it (see the app's reason).
    NotTracked,
}

/// Why an app that is targeted here is not tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Untracked {
    /// The page is not shown: nothing is tracked.
    PageHidden,
    /// Only user-side targeting (or user context), and this flow has no account setup.
    NoAccountSetup,
    /// Targeted at the device in user context on hybrid join, and of a type hybrid skips.
    HybridUserContext,
}

/// The phase an app is tracked in, given where it is targeted. `None` when nothing targets it.
pub(crate) fn phase(
    reach: AppReach,
    family: AppFamily,
    mode: Mode,
    join_type: JoinType,
    page_shown: bool,
) -> Option<Result<AppPhase, Untracked>> {
    if !reach.any() {
        return None;
    }
    if !page_shown {
        return Some(Err(Untracked::PageHidden));
    }
    if reach.device_context {
        return Some(Ok(AppPhase::DeviceSetup));
    }
    // Only user-driven deployments have account setup (DOMAIN §3.1).
    if !mode.has_user() {
        return Some(Err(Untracked::NoAccountSetup));
    }
    if reach.user {
        return Some(Ok(AppPhase::AccountSetup));
    }
    if join_type == JoinType::Hybrid && family.hybrid_untracked {
        return Some(Err(Untracked::HybridUserContext));
    }
    Some(Ok(AppPhase::AccountSetup))
}

/// Whether a tracked app blocks: with *Block device use* = Yes, every tracked app on All, the
/// tracked apps in the list on Selected (the list is a filter, not an install list).
pub(crate) fn blocks(block: Option<&BlockSettings>, selected: impl FnOnce() -> bool) -> bool {
    match block.map(|b| &b.apps) {
        None => false,
        Some(BlockingApps::All) => true,
        Some(BlockingApps::Selected(_)) => selected(),
    }
}
