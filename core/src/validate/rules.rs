//! The rules of DOMAIN §1 and §3.5 that apply to one profile in its tenant, one function per
//! wizard step.

use super::finding::{Code, Finding};
use super::FilterAvailability;
use crate::model::{
    same_name, AssignmentFilter, CustomMessage, PageSettings, Profile, Tenant,
    MAX_CUSTOM_MESSAGE_CHARS, MAX_CUSTOM_PROFILES, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS,
    MAX_SCOPE_TAGS, MAX_SELECTED_APPS, MAX_TIMEOUT_MINUTES, MIN_TIMEOUT_MINUTES,
};

/// The timeout message, shared by the settings rule and `parse_timeout`.
pub(crate) const TIMEOUT_MESSAGE: &str = "Timeout must be a whole number from 1 to 1440 minutes";

/// Minutes per blocking app below which the timeout counts as tight (DOMAIN §3.5).
const MINUTES_PER_BLOCKING_APP: u64 = 5;

pub(crate) struct Findings(pub(crate) Vec<Finding>);

impl Findings {
    fn push(&mut self, code: Code, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Finding::new(code, field, message));
    }
}

/// Basics: name and description.
pub(crate) fn basics(out: &mut Findings, profile: Profile<'_>, tenant: &Tenant) {
    let Profile::Custom(custom) = profile else {
        return;
    };
    let name = custom.name.trim();
    let name_chars = name.chars().count();
    if name.is_empty() {
        out.push(Code::NameRequired, "name", "Name is required");
    } else if name_chars > MAX_NAME_CHARS {
        out.push(
            Code::NameTooLong,
            "name",
            format!(
                "Name must be at most {} characters; it has {}",
                thousands(MAX_NAME_CHARS),
                thousands(name_chars)
            ),
        );
    }
    if !name.is_empty() {
        let twin = tenant
            .profiles()
            .map(|(_, other)| other)
            .find(|other| other.id() != &custom.id && same_name(other.name(), name));
        if let Some(other) = twin {
            out.push(
                Code::NameDuplicate,
                "name",
                format!(
                    "Another ESP profile is already named '{}'",
                    other.name().trim()
                ),
            );
        }
    }
    let description_chars = custom.description.chars().count();
    if description_chars > MAX_DESCRIPTION_CHARS {
        out.push(
            Code::DescriptionTooLong,
            "description",
            format!(
                "Description must be at most {} characters; it has {}",
                thousands(MAX_DESCRIPTION_CHARS),
                thousands(description_chars)
            ),
        );
    }
}

/// Settings: timeout, message, blocking apps, and the warnings about them.
pub(crate) fn settings(out: &mut Findings, profile: Profile<'_>, tenant: &Tenant) {
    let Some(page) = profile.settings().page() else {
        return;
    };
    let timeout_ok = (MIN_TIMEOUT_MINUTES..=MAX_TIMEOUT_MINUTES).contains(&page.timeout_minutes);
    if !timeout_ok {
        out.push(Code::TimeoutRange, "timeout", TIMEOUT_MESSAGE);
    }
    custom_message(out, page);
    if page.oobe_flags_differ {
        out.push(
            Code::OobeFlagsDiffer,
            "oobeOnly",
            "The imported profile set trackInstallProgressForAutopilotOnly and \
             disableUserStatusTrackingAfterFirstUser differently; the designer shows the first \
             and will write both with the same value",
        );
    }
    let Some(selected) = profile.settings().selected_apps() else {
        return;
    };
    let count = selected.ids.len();
    if count == 0 {
        out.push(
            Code::SelectedAppsEmpty,
            "selectedApps",
            "Choose at least one app, or choose All",
        );
    } else if count > MAX_SELECTED_APPS {
        out.push(
            Code::SelectedAppsTooMany,
            "selectedApps",
            format!(
                "A profile can block on at most {MAX_SELECTED_APPS} apps; {count} are selected"
            ),
        );
    }
    for (i, id) in selected.ids.iter().enumerate() {
        let field = format!("selectedApps[{i}]");
        match tenant.app(id) {
            None => out.push(
                Code::BlockingAppUnknown,
                field,
                format!("App `{id}` is not in this tenant: import it, or remove it from the list"),
            ),
            Some(app) if !app.kind.is_tracked() => out.push(
                Code::BlockingAppType,
                field,
                format!(
                    "'{}' is a {} app; only the Windows app types the ESP tracks can block the page",
                    app.display_name,
                    app.kind.label()
                ),
            ),
            Some(_) => {}
        }
    }
    let needed = MINUTES_PER_BLOCKING_APP.saturating_mul(count as u64);
    if timeout_ok && u64::from(page.timeout_minutes) < needed {
        out.push(
            Code::TimeoutTight,
            "timeout",
            format!(
                "A timeout of {} minutes is tight for {count} blocking apps: allow at least {needed} minutes",
                page.timeout_minutes
            ),
        );
    }
    if count > 0 && selected.only_fail_selected_in_technician_phase {
        out.push(
            Code::TechnicianTimeout,
            "technicianPhase",
            "In the technician phase every required app installs, not only the selected ones: \
             raise the timeout to match",
        );
    }
}

fn custom_message(out: &mut Findings, page: &PageSettings) {
    let CustomMessage::Custom(text) = &page.message else {
        return;
    };
    let chars = text.chars().count();
    if text.trim().is_empty() {
        out.push(
            Code::CustomMessageRequired,
            "customMessage",
            "Enter the custom message, or turn the custom message off",
        );
    } else if chars > MAX_CUSTOM_MESSAGE_CHARS {
        out.push(
            Code::CustomMessageTooLong,
            "customMessage",
            format!(
                "The custom message must be at most {} characters; it has {}",
                thousands(MAX_CUSTOM_MESSAGE_CHARS),
                thousands(chars)
            ),
        );
    }
}

/// Assignments: groups and filters must exist, filters must suit ESP; exclusions and an empty
/// list are worth a warning.
pub(crate) fn assignments(out: &mut Findings, profile: Profile<'_>, tenant: &Tenant) {
    let Profile::Custom(custom) = profile else {
        return;
    };
    for (i, assignment) in custom.assignments.iter().enumerate() {
        if let Some(group) = assignment.target.group() {
            if tenant.group(group).is_none() {
                out.push(
                    Code::GroupUnknown,
                    format!("assignments[{i}].group"),
                    format!(
                        "Group `{group}` is not in this tenant: add it, or remove this assignment"
                    ),
                );
            }
        }
        let Some(applied) = &assignment.filter else {
            continue;
        };
        let field = format!("assignments[{i}].filter");
        match tenant.filter(&applied.id) {
            None => out.push(
                Code::FilterUnknown,
                field,
                format!("Filter `{}` is not in this tenant: import it, or remove it from this assignment", applied.id),
            ),
            Some(filter) => filter_rule(out, field, filter),
        }
    }
    if let Some(i) = custom
        .assignments
        .iter()
        .position(|a| a.target.is_exclusion())
    {
        out.push(
            Code::ExclusionUnverified,
            format!("assignments[{i}]"),
            "Microsoft does not document excluded groups on ESP profiles; the preview applies the \
             general Intune rule, so check the result in a test tenant",
        );
    }
    if !custom.assignments.iter().any(|a| !a.target.is_exclusion()) {
        out.push(
            Code::Unassigned,
            "assignments",
            "This profile is not assigned to any group, All users or All devices, so it never applies",
        );
    }
}

/// What ESP makes of a filter's rule (`FILTER_PARSE`, `FILTER_NOT_ESP`, `FILTER_PROPERTY_OS`).
fn filter_rule(out: &mut Findings, field: String, filter: &AssignmentFilter) {
    match super::filter_availability(filter) {
        FilterAvailability::Unavailable { code, reason } => out.push(code, field, reason),
        FilterAvailability::Usable {
            needs_recent_windows: true,
        } => out.push(
            Code::FilterPropertyOs,
            field,
            format!(
                "Filter '{}' uses device.model or device.manufacturer, which ESP honours only on \
                 Windows 11 22H2 or 23H2 with KB5035942 or later",
                filter.display_name
            ),
        ),
        FilterAvailability::Usable { .. } => {}
    }
}

/// Scope tags: at most 100, each known.
pub(crate) fn scope_tags(out: &mut Findings, profile: Profile<'_>, tenant: &Tenant) {
    let tags = profile.scope_tags();
    if tags.len() > MAX_SCOPE_TAGS {
        out.push(
            Code::ScopeTagsTooMany,
            "scopeTags",
            format!(
                "A profile can carry at most {MAX_SCOPE_TAGS} scope tags; {} are chosen",
                tags.len()
            ),
        );
    }
    for (i, tag) in tags.iter().enumerate() {
        if tenant.scope_tag_name(tag).is_none() {
            out.push(
                Code::ScopeTagUnknown,
                format!("scopeTags[{i}]"),
                format!("Scope tag `{tag}` is not in this tenant: add it, or remove it"),
            );
        }
    }
}

/// Review: the tenant holds at most 50 custom profiles; a profile beyond them cannot be created.
pub(crate) fn review(out: &mut Findings, profile: Profile<'_>, tenant: &Tenant) {
    let Profile::Custom(custom) = profile else {
        return;
    };
    let customs = tenant.custom_profiles();
    let position = customs
        .iter()
        .position(|p| p.id == custom.id)
        .unwrap_or(customs.len());
    if position >= MAX_CUSTOM_PROFILES {
        out.push(
            Code::ProfileCap,
            "profile",
            format!(
                "A tenant can hold at most {MAX_CUSTOM_PROFILES} custom ESP profiles; this would be number {}",
                position + 1
            ),
        );
    }
}

/// `1234567` → `1,234,567`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
