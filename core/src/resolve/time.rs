//! Time: the timeout the device gets, the hybrid +40 minutes, and whether Windows quality updates
//! install (DOMAIN §3.4).

use super::result::Via;
use super::scenario::{JoinType, Mode};
use crate::model::{PageSettings, DEFAULT_TIMEOUT_MINUTES};

/// Hybrid join gives the on-premises connector this many extra minutes (DOMAIN §3.4).
pub const HYBRID_EXTRA_MINUTES: u32 = 40;

/// Windows quality updates take about this many minutes, after the page (DOMAIN §3.4): the least
/// and the most.
pub const QUALITY_UPDATE_MINUTES: [u32; 2] = [20, 40];

/// The first Windows 11 build.
pub const WINDOWS_11_FIRST_BUILD: u32 = 22_000;

/// Whether `osVersion` (`10.0.22631.4460`) is Windows 11: its third part, the build, is at least
/// 22000. `None` when the version is missing or its build is not a number.
pub fn is_windows_11(os_version: Option<&str>) -> Option<bool> {
    let build = os_version?.trim().split('.').nth(2)?;
    let digits = build.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A build too long for u32 is certainly past 22000.
    Some(
        digits
            .parse::<u32>()
            .map_or(true, |b| b >= WINDOWS_11_FIRST_BUILD),
    )
}

/// The minutes the profile gives: Graph's `0` means unset, which is 60 (as import reads it).
pub(crate) fn timeout_minutes(page: &PageSettings) -> u32 {
    match page.timeout_minutes {
        0 => DEFAULT_TIMEOUT_MINUTES,
        minutes => minutes,
    }
}

/// The timeout plus 40 minutes on hybrid join.
pub(crate) fn effective_timeout(minutes: u32, join_type: JoinType) -> u32 {
    match join_type {
        JoinType::Entra => minutes,
        JoinType::Hybrid => minutes.saturating_add(HYBRID_EXTRA_MINUTES),
    }
}

/// Why a profile's *Install Windows quality updates* does not take effect, if it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QualityUpdatesBlocked {
    UserTargeted,
    TechnicianFlow,
    NotWindows11,
    UnknownOs,
}

/// Whether quality updates install after the ESP (page shown, setting on): only on Windows 11,
/// from a device-targeted profile (the default counts), never in the technician flow.
pub(crate) fn quality_updates(
    page: &PageSettings,
    via: Via,
    mode: Mode,
    windows_11: Option<bool>,
) -> Result<bool, QualityUpdatesBlocked> {
    if !page.quality_updates {
        return Ok(false);
    }
    if via == Via::User {
        return Err(QualityUpdatesBlocked::UserTargeted);
    }
    if mode == Mode::PreProvisioning {
        return Err(QualityUpdatesBlocked::TechnicianFlow);
    }
    match windows_11 {
        Some(true) => Ok(true),
        Some(false) => Err(QualityUpdatesBlocked::NotWindows11),
        None => Err(QualityUpdatesBlocked::UnknownOs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_11_is_build_22000_and_later() {
        for (version, expected) in [
            (Some("10.0.22631.4460"), Some(true)),
            (Some("10.0.22000"), Some(true)),
            (Some("10.0.19045.3803"), Some(false)),
            (Some(" 10.0.21999 "), Some(false)),
            (Some("10.0.99999999999999"), Some(true)),
            (Some("10.0"), None),
            (Some("10.0.x"), None),
            (Some("10.0..1"), None),
            (Some(""), None),
            (None, None),
        ] {
            assert_eq!(is_windows_11(version), expected, "{version:?}");
        }
    }

    #[test]
    fn hybrid_adds_forty_minutes() {
        assert_eq!(effective_timeout(60, JoinType::Entra), 60);
        assert_eq!(effective_timeout(30, JoinType::Hybrid), 70);
        assert_eq!(effective_timeout(u32::MAX, JoinType::Hybrid), u32::MAX);
    }
}
