//! Whether an assignment row reaches the device or the user: groups, All devices / All users,
//! filters in include or exclude mode, and same-kind exclusions (DOMAIN §1.3, §2, §4).
//!
//! The one place these rules live: the full resolution (with its trace) and the fleet's fast
//! path both fold [`Reach::row`] over a profile's or an app's rows, so they cannot disagree.

use super::index::{FilterState, IndexedApp, IndexedTenant, Row, RowFilter, RowTarget};
use crate::filter::{DeviceProperties, Evaluation, LoweredDevice};
use crate::model::{FilterMode, InstallContext};

/// A set of interned group ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct GroupBits {
    words: Vec<u64>,
}

impl GroupBits {
    pub fn with_capacity(groups: usize) -> Self {
        GroupBits {
            words: vec![0; groups.div_ceil(64)],
        }
    }

    pub fn from_groups(groups: usize, members: &[u32]) -> Self {
        let mut bits = GroupBits::with_capacity(groups);
        bits.set_all(members, true);
        bits
    }

    pub fn set_all(&mut self, members: &[u32], on: bool) {
        for &g in members {
            if let Some(word) = self.words.get_mut(g as usize / 64) {
                let bit = 1u64 << (g % 64);
                if on {
                    *word |= bit;
                } else {
                    *word &= !bit;
                }
            }
        }
    }

    pub fn contains(&self, g: u32) -> bool {
        self.words
            .get(g as usize / 64)
            .is_some_and(|word| word & (1u64 << (g % 64)) != 0)
    }
}

/// Evaluates filters against the scenario's device: `true` when the rule matches.
pub(crate) trait Filters {
    fn matched(&mut self, index: &IndexedTenant, filter: u32) -> bool;
}

/// The fast evaluator: compiled rules, each evaluated at most once per device, the answers kept
/// in `results` (0: not yet evaluated, 1: no match, 2: match), which the caller may share between
/// devices with the same properties.
pub(crate) struct FastFilters<'a> {
    pub results: &'a mut [u8],
    pub device: &'a LoweredDevice,
}

impl Filters for FastFilters<'_> {
    fn matched(&mut self, index: &IndexedTenant, filter: u32) -> bool {
        let Some(slot) = self.results.get_mut(filter as usize) else {
            return false;
        };
        if *slot != 0 {
            return *slot == 2;
        }
        let matched = match index.filters.get(filter as usize).map(|f| &f.state) {
            Some(FilterState::Readable { compiled, .. }) => compiled.matches(self.device),
            _ => false,
        };
        *slot = if matched { 2 } else { 1 };
        matched
    }
}

/// The explaining evaluator of a single resolution: keeps each filter's evaluation for the trace.
pub(crate) struct ExplainingFilters<'a> {
    pub device: &'a DeviceProperties,
    pub evaluations: Vec<Option<Evaluation>>,
}

impl<'a> ExplainingFilters<'a> {
    pub fn new(device: &'a DeviceProperties, filters: usize) -> Self {
        ExplainingFilters {
            device,
            evaluations: vec![None; filters],
        }
    }

    pub fn evaluation(&self, filter: u32) -> Option<&Evaluation> {
        self.evaluations.get(filter as usize)?.as_ref()
    }
}

impl Filters for ExplainingFilters<'_> {
    fn matched(&mut self, index: &IndexedTenant, filter: u32) -> bool {
        if let Some(Some(done)) = self.evaluations.get(filter as usize) {
            return done.matched;
        }
        let evaluation = match index.filters.get(filter as usize).map(|f| &f.state) {
            Some(FilterState::Readable { rule, .. }) => rule.evaluate(self.device),
            _ => Evaluation {
                matched: false,
                deciding_clause: None,
            },
        };
        let matched = evaluation.matched;
        if let Some(slot) = self.evaluations.get_mut(filter as usize) {
            *slot = Some(evaluation);
        }
        matched
    }
}

/// What a row's filter made of the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gate {
    /// No filter on the row.
    Open,
    /// The filter lets the device through (include mode and matched, exclude mode and not).
    Passed,
    /// The filter keeps the device out.
    Failed,
    /// The filter cannot be used, so the row is skipped.
    Unusable,
}

impl Gate {
    pub fn lets_through(self) -> bool {
        matches!(self, Gate::Open | Gate::Passed)
    }
}

/// What one row does for this scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowOutcome {
    /// The target contains the device and/or the user; the gate says whether it includes them.
    Includes {
        device: bool,
        user: bool,
        gate: Gate,
    },
    /// An exclusion group containing the device and/or the user.
    Excludes { device: bool, user: bool },
    /// The target holds the user, but this flow has no user.
    NoUser,
    /// The target contains neither.
    NotReached,
}

/// Which side a profile or an app reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Sides {
    pub device: bool,
    pub user: bool,
}

/// Where a required app is targeted for this scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct AppReach {
    /// Targeted at the device by a row that installs in device context.
    pub device_context: bool,
    /// Targeted at the device by a row that installs in user context.
    pub device_user_context: bool,
    /// Targeted at the user.
    pub user: bool,
}

impl AppReach {
    pub fn any(self) -> bool {
        self.device_context || self.device_user_context || self.user
    }
}

/// The scenario as targeting sees it.
pub(crate) struct Reach<'a, F> {
    pub index: &'a IndexedTenant,
    pub device: &'a GroupBits,
    pub user: &'a GroupBits,
    /// The flow has a user (user-driven); otherwise user targets reach nobody.
    pub user_active: bool,
    pub filters: F,
}

impl<F: Filters> Reach<'_, F> {
    /// What the row does, evaluating its filter only when its target contains someone.
    pub fn row(&mut self, row: &Row) -> RowOutcome {
        let (device, user_member) = match row.target {
            RowTarget::AllDevices => (true, false),
            RowTarget::AllUsers => (false, true),
            RowTarget::Include(g) | RowTarget::Exclude(g) => {
                (self.device.contains(g), self.user.contains(g))
            }
        };
        let user = user_member && self.user_active;
        if !device && !user {
            return if user_member {
                RowOutcome::NoUser
            } else {
                RowOutcome::NotReached
            };
        }
        if matches!(row.target, RowTarget::Exclude(_)) {
            return RowOutcome::Excludes { device, user };
        }
        let gate = self.gate(row.filter);
        RowOutcome::Includes { device, user, gate }
    }

    pub fn gate(&mut self, filter: RowFilter) -> Gate {
        match filter {
            RowFilter::None => Gate::Open,
            RowFilter::Unusable => Gate::Unusable,
            RowFilter::Evaluate { filter, mode } => {
                let matched = self.filters.matched(self.index, filter);
                if matched == (mode == FilterMode::Include) {
                    Gate::Passed
                } else {
                    Gate::Failed
                }
            }
        }
    }

    /// Whether a profile's rows target the device and/or the user: an inclusion that lets them
    /// through, and no exclusion of the same kind (DOMAIN §1.3).
    pub fn profile(&mut self, rows: &[Row]) -> Sides {
        let mut included = Sides::default();
        let mut excluded = Sides::default();
        for row in rows {
            fold(self.row(row), &mut included, &mut excluded);
        }
        Sides {
            device: included.device && !excluded.device,
            user: included.user && !excluded.user,
        }
    }

    /// Where a tracked app's required rows target it.
    pub fn app(&mut self, app: &IndexedApp) -> AppReach {
        let mut device_context = false;
        let mut device_user_context = false;
        let mut user = false;
        let mut excluded = Sides::default();
        for (row, context) in &app.rows {
            match self.row(row) {
                RowOutcome::Includes {
                    device: d,
                    user: u,
                    gate,
                } if gate.lets_through() => {
                    if d {
                        match context {
                            InstallContext::Device => device_context = true,
                            InstallContext::User => device_user_context = true,
                        }
                    }
                    user |= u;
                }
                RowOutcome::Excludes { device: d, user: u } => {
                    excluded.device |= d;
                    excluded.user |= u;
                }
                _ => {}
            }
        }
        AppReach {
            device_context: device_context && !excluded.device,
            device_user_context: device_user_context && !excluded.device,
            user: user && !excluded.user,
        }
    }
}

/// Adds a row outcome to what a profile includes and excludes.
pub(crate) fn fold(outcome: RowOutcome, included: &mut Sides, excluded: &mut Sides) {
    match outcome {
        RowOutcome::Includes { device, user, gate } if gate.lets_through() => {
            included.device |= device;
            included.user |= user;
        }
        RowOutcome::Excludes { device, user } => {
            excluded.device |= device;
            excluded.user |= user;
        }
        _ => {}
    }
}
