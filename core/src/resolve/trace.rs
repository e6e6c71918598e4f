//! The trace: for every profile in priority order, whether it matched and why, row by row, in
//! sentences a person reads and in fields the UI can render.

use super::index::{FilterState, IndexedTenant, Row, RowFilter, RowTarget};
use super::result::Via;
use super::scenario::Mode;
use super::targeting::{ExplainingFilters, Gate, RowOutcome};
use crate::filter::ClauseExplanation;
use crate::model::{
    Assignment, FilterId, FilterMode, GroupId, Priority, ProfileId, Target, Tenant,
};
use serde::{Deserialize, Serialize};

/// Why one profile did or did not match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileTrace {
    /// The profile's id.
    pub profile_id: ProfileId,
    /// Its name.
    pub display_name: String,
    /// 1..n or `"default"`.
    pub priority: Priority,
    /// It targets the device or the user in this scenario (the default profile always does).
    pub matched: bool,
    /// How it matched: `device` wins over `user`.
    pub via: Option<Via>,
    /// It is the profile that applies.
    pub chosen: bool,
    /// Why, in sentences.
    pub reason: String,
    /// Each assignment row, in the profile's order.
    pub assignments: Vec<AssignmentTrace>,
}

/// The kind of an assignment target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TargetKind {
    /// *All devices*.
    AllDevices,
    /// *All users*.
    AllUsers,
    /// An included group.
    Group,
    /// An excluded group.
    ExcludedGroup,
}

/// Who a target contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Audience {
    /// The device.
    Device,
    /// The user.
    User,
    /// Both (a group listed for the device and for the user).
    Both,
}

/// What an assignment row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RowResult {
    /// It includes the device or the user.
    Includes,
    /// Its target contains them, but its filter keeps the device out.
    FilteredOut,
    /// Its target contains them, but its filter cannot be used, so the row is skipped.
    FilterUnusable,
    /// An exclusion group containing them.
    Excludes,
    /// Its target holds the user, but this flow has no user.
    NoUser,
    /// Its target contains neither the device nor the user.
    NotReached,
}

/// One assignment row of a profile, as the scenario met it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentTrace {
    /// The target's kind.
    pub target: TargetKind,
    /// The group, for group targets.
    pub group_id: Option<GroupId>,
    /// The group's name, when the tenant knows it.
    pub group_name: Option<String>,
    /// Who the target contains, when it contains someone.
    pub audience: Option<Audience>,
    /// What the row did.
    pub result: RowResult,
    /// The row's filter, when it has one and the row reached someone.
    pub filter: Option<FilterTrace>,
    /// Why, in a sentence.
    pub reason: String,
}

/// A filter as evaluated on a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FilterTrace {
    /// The filter's id.
    pub filter_id: FilterId,
    /// Its name, when the tenant knows it.
    pub display_name: Option<String>,
    /// Include or exclude mode.
    pub mode: FilterMode,
    /// The rule matched the device (`None` when it could not be evaluated).
    pub matched: Option<bool>,
    /// The row lets the device through.
    pub passed: bool,
    /// The clause that decided, as printed (`device.model -eq "Surface Book 3"`).
    pub clause: Option<String>,
    /// The property that clause reads.
    pub property: Option<String>,
    /// The device's value for it (`None`: not set, compared as `$null`).
    pub device_value: Option<String>,
    /// Why the filter could not be used, when it could not.
    pub problem: Option<String>,
}

/// Builds trace entries; borrows what every sentence needs.
pub(crate) struct Tracer<'a> {
    pub index: &'a IndexedTenant,
    pub mode: Mode,
}

impl Tracer<'_> {
    fn tenant(&self) -> &Tenant {
        self.index.tenant()
    }

    /// `'Kiosks'`, or `` `g-1` `` when the tenant does not know the group.
    fn group_label(&self, id: &GroupId) -> String {
        match self.index.group_model(id) {
            Some(group) => format!("'{}'", group.display_name),
            None => format!("`{id}`"),
        }
    }

    /// One row of a profile's trace.
    pub fn row(
        &self,
        assignment: &Assignment,
        row: &Row,
        outcome: RowOutcome,
        filters: &ExplainingFilters<'_>,
    ) -> AssignmentTrace {
        let (target, group_id) = match &assignment.target {
            Target::AllDevices => (TargetKind::AllDevices, None),
            Target::AllUsers => (TargetKind::AllUsers, None),
            Target::Group(g) => (TargetKind::Group, Some(g.clone())),
            Target::ExcludedGroup(g) => (TargetKind::ExcludedGroup, Some(g.clone())),
        };
        let group_name = group_id
            .as_ref()
            .and_then(|g| self.index.group_model(g))
            .map(|g| g.display_name.clone());
        let audience = |device: bool, user: bool| match (device, user) {
            (true, true) => Some(Audience::Both),
            (true, false) => Some(Audience::Device),
            (false, true) => Some(Audience::User),
            (false, false) => None,
        };
        let who = |device: bool, user: bool| match (device, user) {
            (true, true) => "the device and the user",
            (false, true) => "the user",
            _ => "the device",
        };
        let subject = match &assignment.target {
            Target::AllDevices => "Assigned to All devices".to_owned(),
            Target::AllUsers => "Assigned to All users".to_owned(),
            Target::Group(g) => format!("Included group {}", self.group_label(g)),
            Target::ExcludedGroup(g) => format!("Excluded group {}", self.group_label(g)),
        };
        let (audience, result, filter, reason) = match outcome {
            RowOutcome::NotReached => {
                let (contains, reaches) = if self.mode.has_user() {
                    (
                        "contains neither the device nor the user",
                        "reaches neither the device nor the user",
                    )
                } else {
                    ("does not contain the device", "does not reach the device")
                };
                let reason = match &assignment.target {
                    Target::Group(_) | Target::ExcludedGroup(_) => {
                        format!("{subject} {contains}")
                    }
                    _ => format!("{subject}, which {reaches}"),
                };
                (None, RowResult::NotReached, None, reason)
            }
            RowOutcome::NoUser => {
                let reason = match &assignment.target {
                    Target::AllUsers => {
                        format!("Targeted at users; {} has no user", self.mode.label())
                    }
                    _ => format!(
                        "{subject} contains the user, but {} has no user",
                        self.mode.label()
                    ),
                };
                (Some(Audience::User), RowResult::NoUser, None, reason)
            }
            RowOutcome::Excludes { device, user } => {
                let kind = match (device, user) {
                    (true, true) => "device and user",
                    (false, true) => "user",
                    _ => "device",
                };
                let name = assignment
                    .target
                    .group()
                    .map(|g| self.group_label(g))
                    .unwrap_or_default();
                (
                    audience(device, user),
                    RowResult::Excludes,
                    None,
                    format!("Excluded by {kind} group {name}"),
                )
            }
            RowOutcome::Includes { device, user, gate } => {
                let contains = match &assignment.target {
                    Target::AllDevices | Target::AllUsers => subject.clone(),
                    _ => format!("{subject} contains {}", who(device, user)),
                };
                let filter = self.filter(assignment, row, gate, filters);
                let result = match gate {
                    Gate::Open | Gate::Passed => RowResult::Includes,
                    Gate::Failed => RowResult::FilteredOut,
                    Gate::Unusable => RowResult::FilterUnusable,
                };
                let reason = match (&filter, gate) {
                    (None, _) => contains,
                    (Some(f), Gate::Open | Gate::Passed) => {
                        format!("{contains}; {}", filter_sentence(f))
                    }
                    (Some(f), _) => format!("{contains}, but {}", filter_sentence(f)),
                };
                (audience(device, user), result, filter, reason)
            }
        };
        AssignmentTrace {
            target,
            group_id,
            group_name,
            audience,
            result,
            filter,
            reason,
        }
    }

    fn filter(
        &self,
        assignment: &Assignment,
        row: &Row,
        gate: Gate,
        filters: &ExplainingFilters<'_>,
    ) -> Option<FilterTrace> {
        let applied = assignment.filter.as_ref()?;
        if matches!(row.target, RowTarget::Exclude(_)) {
            return None;
        }
        let model = self.tenant().filter(&applied.id);
        let mut trace = FilterTrace {
            filter_id: applied.id.clone(),
            display_name: model.map(|f| f.display_name.clone()),
            mode: applied.mode,
            matched: None,
            passed: gate.lets_through(),
            clause: None,
            property: None,
            device_value: None,
            problem: None,
        };
        match row.filter {
            RowFilter::Evaluate { filter, .. } => {
                if let Some(evaluation) = filters.evaluation(filter) {
                    trace.matched = Some(evaluation.matched);
                    if let Some(ClauseExplanation {
                        clause,
                        property,
                        device_value,
                        ..
                    }) = &evaluation.deciding_clause
                    {
                        trace.clause = Some(clause.clone());
                        trace.property = Some(property.clone());
                        trace.device_value = device_value.clone();
                    }
                }
            }
            RowFilter::Unusable => {
                trace.problem = Some(self.filter_problem(&applied.id, true));
            }
            RowFilter::None => {}
        }
        Some(trace)
    }

    /// Why a filter cannot be used on a profile (`for_profile`) or an app row, in words.
    pub fn filter_problem(&self, id: &FilterId, for_profile: bool) -> String {
        let Some(position) = self.tenant().filters.iter().position(|f| &f.id == id) else {
            return format!("filter `{id}` is not in this tenant");
        };
        let name = self
            .tenant()
            .filters
            .get(position)
            .map(|f| f.display_name.as_str())
            .unwrap_or_default();
        let state = self
            .index
            .filters
            .iter()
            .find(|f| f.model == position)
            .map(|f| &f.state);
        match state {
            Some(FilterState::NotWindows) => {
                format!("filter '{name}' is not a Windows filter")
            }
            Some(FilterState::Unreadable(error)) => {
                format!("the rule of filter '{name}' cannot be read: {error}")
            }
            Some(FilterState::Readable { rule, .. }) if for_profile => {
                match rule.esp_restriction() {
                    Some(restriction) => {
                        format!("ESP cannot use filter '{name}': {restriction}")
                    }
                    None => format!("filter '{name}' cannot be used"),
                }
            }
            _ => format!("filter '{name}' cannot be used"),
        }
    }
}

/// `filter 'Surface only' (include) passed: device.model -eq "Surface Book 3" matched model
/// `Surface Book 3``.
fn filter_sentence(f: &FilterTrace) -> String {
    let name = match &f.display_name {
        Some(name) => format!("'{name}'"),
        None => format!("`{}`", f.filter_id),
    };
    let head = format!("filter {name} ({})", f.mode.as_str());
    if let Some(problem) = &f.problem {
        return format!("{head} is skipped: {problem}");
    }
    let verdict = if f.passed { "passed" } else { "did not pass" };
    match (&f.clause, &f.property, f.matched) {
        (Some(clause), Some(property), Some(_)) => {
            let clause_matched = f.matched.unwrap_or(false);
            let verb = if clause_matched {
                "matched"
            } else {
                "did not match"
            };
            let value = match &f.device_value {
                Some(value) => format!("{property} `{value}`"),
                None => format!("{property} (not set)"),
            };
            format!("{head} {verdict}: {clause} {verb} {value}")
        }
        _ => format!("{head} {verdict}"),
    }
}

/// The sentence for a whole profile, from its rows.
pub(crate) fn profile_reason(
    mode: Mode,
    rows: &[AssignmentTrace],
    via: Option<Via>,
    chosen: bool,
    winner: Option<(&str, Via)>,
) -> String {
    if rows.is_empty() {
        return "Not assigned to any group, All users or All devices, so it never applies".into();
    }
    if !rows.iter().any(|r| r.target != TargetKind::ExcludedGroup) {
        return "Assigned only to excluded groups, so it never applies".into();
    }
    let including = |side: Audience| {
        rows.iter().find(|r| {
            r.result == RowResult::Includes
                && (r.audience == Some(side) || r.audience == Some(Audience::Both))
        })
    };
    let matched_row = match via {
        Some(Via::Device) => including(Audience::Device),
        Some(Via::User) => including(Audience::User),
        _ => None,
    };
    if let Some(row) = matched_row {
        let mut reason = row.reason.clone();
        let device_excluded = rows.iter().any(|r| {
            r.result == RowResult::Excludes
                && matches!(r.audience, Some(Audience::Device | Audience::Both))
        });
        if via == Some(Via::User) && device_excluded {
            reason.push_str("; an excluded device group does not remove an inclusion of the user");
        }
        if !chosen {
            if let Some((name, winner_via)) = winner {
                let why = if via == Some(Via::User) && winner_via == Via::Device {
                    "a profile targeted at the device wins over profiles targeted at the user"
                } else {
                    "it ranks higher"
                };
                reason = format!("{reason}; '{name}' applies instead: {why}");
            }
        }
        return reason;
    }
    // Not matched: the rows that reached someone and why they did not include them.
    let parts: Vec<&str> = rows
        .iter()
        .filter(|r| r.result != RowResult::NotReached && r.result != RowResult::Includes)
        .map(|r| r.reason.as_str())
        .collect();
    if parts.is_empty() {
        return if mode.has_user() {
            "No assignment reaches the device or the user".into()
        } else {
            "No assignment reaches the device".into()
        };
    }
    let mut reason = parts.join("; ");
    // An inclusion that let them through was cancelled by an exclusion of the same kind.
    if rows.iter().any(|r| r.result == RowResult::Includes) {
        reason.push_str(" (an exclusion wins over an inclusion of the same kind)");
    }
    reason
}
