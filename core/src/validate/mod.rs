//! Validation: every finding about one profile in its tenant (DOMAIN §1, §3.5), never a panic.
//!
//! The model can hold a profile under edit, so validation is where a wrong value turns into words:
//! [`profile`] runs every rule and returns errors (which block *Create*) and warnings. The
//! findings come in wizard order, each linked to its step and a stable field key.

mod finding;
mod rules;

pub use finding::{Code, Finding, Severity, WizardStep};

use crate::filter;
use crate::model::{AssignmentFilter, Priority, Profile, ProfileId, Tenant, MAX_TIMEOUT_MINUTES};
use rules::Findings;
use serde::Serialize;

/// Every finding about a profile (custom or default), which may or may not be in `tenant` yet: a
/// new profile is checked as if added at n+1.
pub fn profile<'a>(profile: impl Into<Profile<'a>>, tenant: &Tenant) -> Vec<Finding> {
    let profile = profile.into();
    let mut out = Findings(Vec::new());
    rules::basics(&mut out, profile, tenant);
    rules::settings(&mut out, profile, tenant);
    rules::assignments(&mut out, profile, tenant);
    rules::scope_tags(&mut out, profile, tenant);
    rules::review(&mut out, profile, tenant);
    out.0
}

/// The findings of one profile of a tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileFindings {
    /// The profile's id.
    pub id: ProfileId,
    /// Its name.
    pub name: String,
    /// Its priority.
    pub priority: Priority,
    /// What validation found.
    pub findings: Vec<Finding>,
}

/// The findings of every profile of the tenant, in priority order, the default last.
pub fn tenant(tenant: &Tenant) -> Vec<ProfileFindings> {
    tenant
        .profiles()
        .map(|(priority, p)| ProfileFindings {
            id: p.id().clone(),
            name: p.name().to_owned(),
            priority,
            findings: profile(p, tenant),
        })
        .collect()
}

/// Reads the timeout as the wizard's text box holds it: a whole number from 1 to 1440, spaces
/// around it allowed; anything else is the `TIMEOUT_RANGE` finding.
pub fn parse_timeout(text: &str) -> Result<u32, Finding> {
    let text = text.trim();
    let range = || Finding::new(Code::TimeoutRange, "timeout", rules::TIMEOUT_MESSAGE);
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(range());
    }
    match text.parse::<u32>() {
        Ok(minutes) if (1..=MAX_TIMEOUT_MINUTES).contains(&minutes) => Ok(minutes),
        _ => Err(range()),
    }
}

/// What ESP can make of a filter: what the assignment picker shows beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterAvailability {
    /// ESP assignments can use it; `needs_recent_windows` when the rule reads `model` or
    /// `manufacturer`, which ESP honours only on Windows 11 22H2/23H2 with KB5035942 or later
    /// (`FILTER_PROPERTY_OS`).
    Usable {
        /// The rule reads `model` or `manufacturer`.
        needs_recent_windows: bool,
    },
    /// The picker lists it as unavailable, with the reason (`FILTER_NOT_ESP` or `FILTER_PARSE`).
    Unavailable {
        /// `FilterNotEsp` or `FilterParse`.
        code: Code,
        /// The sentence to show.
        reason: String,
    },
}

/// Whether ESP assignments can use a filter (parses its rule once).
pub fn filter_availability(filter: &AssignmentFilter) -> FilterAvailability {
    let unavailable = |code, reason| FilterAvailability::Unavailable { code, reason };
    if !filter.is_windows() {
        return unavailable(
            Code::FilterNotEsp,
            format!(
                "Filter '{}' is for {} devices; ESP assignments can use only Windows filters",
                filter.display_name,
                platform_label(&filter.platform)
            ),
        );
    }
    match filter::parse(&filter.rule) {
        Err(error) => unavailable(
            Code::FilterParse,
            format!(
                "The rule of filter '{}' cannot be read: {error}",
                filter.display_name
            ),
        ),
        Ok(rule) => match rule.esp_restriction() {
            Some(restriction) => unavailable(Code::FilterNotEsp, restriction.to_string()),
            None => FilterAvailability::Usable {
                needs_recent_windows: rule.uses_os_gated_property(),
            },
        },
    }
}

fn platform_label(platform: &str) -> &str {
    const LABELS: [(&str, &str); 7] = [
        ("android", "Android"),
        ("androidForWork", "Android Enterprise"),
        ("iOS", "iOS/iPadOS"),
        ("iOSMobileApplicationManagement", "iOS/iPadOS app"),
        ("macOS", "macOS"),
        ("androidMobileApplicationManagement", "Android app"),
        ("windowsMobileApplicationManagement", "Windows app"),
    ];
    LABELS
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(platform))
        .map_or(platform, |(_, label)| label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_timeout_accepts_whole_minutes_only() {
        for (text, expected) in [
            ("60", Some(60)),
            (" 1 ", Some(1)),
            ("1440", Some(1440)),
            ("0060", Some(60)),
            ("0", None),
            ("1441", None),
            ("", None),
            ("abc", None),
            ("-5", None),
            ("+5", None),
            ("12.5", None),
            ("99999999999999999999", None),
            ("６０", None),
        ] {
            assert_eq!(parse_timeout(text).ok(), expected, "{text:?}");
        }
        let finding = parse_timeout("abc").unwrap_err();
        assert_eq!(finding.code, Code::TimeoutRange);
        assert_eq!(
            finding.message,
            "Timeout must be a whole number from 1 to 1440 minutes"
        );
    }

    #[test]
    fn steps_round_trip_through_their_keys() {
        for step in WizardStep::ALL {
            assert_eq!(WizardStep::try_from(step.as_str()), Ok(step));
        }
        assert!(WizardStep::try_from("nope").is_err());
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(rules::thousands(0), "0");
        assert_eq!(rules::thousands(999), "999");
        assert_eq!(rules::thousands(1000), "1,000");
        assert_eq!(rules::thousands(1234567), "1,234,567");
    }
}
