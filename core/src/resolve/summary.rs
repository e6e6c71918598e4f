//! The fleet's fast path: the profile, how it was reached, the blocking-app count and the
//! effective timeout of a device, without a trace, a warning or a string.
//!
//! It applies the same row rules as the full resolution (`targeting`), and looks only at the
//! profiles and apps that the device's groups, its user's groups, All devices and All users name:
//! the posting lists of [`IndexedTenant`]. A [`Summarizer`] keeps its scratch space between
//! devices, so a fleet allocates nothing per device.

use super::hash::FastHashBuild;
use super::index::{IndexedTenant, PostedRow, PreparedScenario};
use super::phases::{self, AppPhase};
use super::result::Via;
use super::scenario::{JoinType, Scenario};
use super::targeting::{FastFilters, GroupBits, Reach};
use super::time;
use crate::filter::{DeviceProperties, LoweredDevice};
use crate::model::{BlockingApps, InstallContext};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the fleet needs to know of one device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceSummary {
    /// The profile's position in resolution order (custom 1..n at 0..n-1, the default last):
    /// see [`IndexedTenant::profile_at`].
    pub profile: usize,
    /// How it was reached.
    pub via: Via,
    /// Blocking apps, both phases together.
    pub blocking_apps: u32,
    /// The timeout plus 40 minutes on hybrid join; `None` with the page hidden.
    pub effective_timeout_minutes: Option<u32>,
    /// A hash of the blocking app ids: equal sets give equal fingerprints, so impact can tell a
    /// changed set from a changed count.
    pub blocking_fingerprint: u64,
}

/// Summarizes devices against one indexed tenant, reusing its scratch space.
#[derive(Debug, Clone)]
pub struct Summarizer<'a> {
    index: &'a IndexedTenant,
    device: GroupBits,
    user: GroupBits,
    /// Filter answers per distinct set of device properties (fleets repeat models and builds):
    /// the set's number, its lowercased values, and `filter_count` answers each; `overflow`
    /// serves devices once the memo is full.
    memo: HashMap<DeviceProperties, usize, FastHashBuild>,
    lowered: Vec<LoweredDevice>,
    memo_results: Vec<u8>,
    overflow: Vec<u8>,
    overflow_device: LoweredDevice,
    bits: AppBits,
    candidates: Vec<u64>,
    prepared: PreparedScenario,
}

/// How many distinct sets of device properties keep their filter answers: fleets repeat models,
/// makers and builds, so a few thousand sets cover most; at 200 filters this memo stays under
/// about 10 MB, and devices beyond it evaluate their filters afresh.
const MEMO_DEVICES: usize = 16_384;

impl<'a> Summarizer<'a> {
    /// Scratch space sized for this tenant.
    pub fn new(index: &'a IndexedTenant) -> Self {
        Summarizer {
            index,
            device: GroupBits::with_capacity(index.group_count()),
            user: GroupBits::with_capacity(index.group_count()),
            memo: HashMap::default(),
            lowered: Vec::new(),
            memo_results: Vec::new(),
            overflow: vec![0; index.filters.len()],
            overflow_device: LoweredDevice::default(),
            bits: AppBits::new(index.app_words),
            candidates: vec![0; index.profile_words],
            prepared: PreparedScenario::default(),
        }
    }

    /// The summary of one prepared scenario (see [`IndexedTenant::prepare`]).
    pub fn summarize(&mut self, scenario: &PreparedScenario) -> DeviceSummary {
        self.run(scenario, &scenario.device, None)
    }

    /// The summary of a scenario, prepared in the summarizer's own scratch space (nothing is
    /// allocated once it has grown to fit).
    pub fn summarize_scenario(&mut self, scenario: &Scenario) -> DeviceSummary {
        let mut prepared = std::mem::take(&mut self.prepared);
        self.index.prepare_groups(scenario, &mut prepared);
        let summary = self.run(&prepared, &scenario.device.properties, None);
        self.prepared = prepared;
        summary
    }

    /// The summary, and the blocking apps (their ids, sorted).
    pub fn summarize_with_apps(
        &mut self,
        scenario: &PreparedScenario,
    ) -> (DeviceSummary, Vec<crate::model::AppId>) {
        let mut apps = Vec::new();
        let summary = self.run(scenario, &scenario.device, Some(&mut apps));
        let index = self.index;
        let mut ids: Vec<crate::model::AppId> = apps
            .iter()
            .filter_map(|&a| index.apps.get(a as usize))
            .filter_map(|a| index.app_model(a))
            .map(|m| m.id.clone())
            .collect();
        ids.sort();
        (summary, ids)
    }

    /// The summary of a prepared scenario whose device has these properties (the prepared copy,
    /// or the scenario's own when only its groups were prepared).
    fn run(
        &mut self,
        scenario: &PreparedScenario,
        device: &DeviceProperties,
        mut blocking_out: Option<&mut Vec<u32>>,
    ) -> DeviceSummary {
        let index = self.index;
        let user_active = scenario.mode.has_user();
        self.device.set_all(&scenario.device_groups, true);
        if user_active {
            self.user.set_all(&scenario.user_groups, true);
        }
        let filter_count = index.filters.len();
        let known = match self.memo.get(device) {
            Some(&known) => Some(known),
            None if filter_count > 0 && self.lowered.len() < MEMO_DEVICES => {
                let known = self.lowered.len();
                self.lowered.push(LoweredDevice::new(device));
                self.memo_results.resize((known + 1) * filter_count, 0);
                self.memo.insert(device.clone(), known);
                Some(known)
            }
            None => None,
        };
        let found = known.and_then(|k| {
            let start = k * filter_count;
            let results = self.memo_results.get_mut(start..start + filter_count)?;
            Some((results, self.lowered.get(k)?))
        });
        let (results, lowered): (&mut [u8], &LoweredDevice) = match found {
            Some(found) => found,
            None => {
                self.overflow.fill(0);
                self.overflow_device.set(device);
                (&mut self.overflow, &self.overflow_device)
            }
        };
        let mut reach = Reach {
            index,
            device: &self.device,
            user: &self.user,
            user_active,
            filters: FastFilters {
                results,
                device: lowered,
            },
        };

        // The profile: the first candidate that targets the device, then the user.
        let custom = index.profiles.len().saturating_sub(1);
        let candidates = &mut self.candidates;
        let mut chosen = None;
        candidates.copy_from_slice(&index.profiles_all_devices);
        for &g in &scenario.device_groups {
            or_into(candidates, index.profiles_in_group(g));
        }
        for p in ones(candidates) {
            if index
                .profiles
                .get(p)
                .is_some_and(|profile| reach.profile(&profile.rows).device)
            {
                chosen = Some((p, Via::Device));
                break;
            }
        }
        if chosen.is_none() && user_active {
            candidates.copy_from_slice(&index.profiles_all_users);
            for &g in &scenario.user_groups {
                or_into(candidates, index.profiles_in_group(g));
            }
            for p in ones(candidates) {
                if index
                    .profiles
                    .get(p)
                    .is_some_and(|profile| reach.profile(&profile.rows).user)
                {
                    chosen = Some((p, Via::User));
                    break;
                }
            }
        }
        let (profile, via) = chosen.unwrap_or((custom, Via::Default));

        // Its settings, and the apps it blocks on.
        let settings = index.profile_model(profile).map(|(_, p)| p.settings());
        let page = settings.and_then(|s| s.page());
        let block = settings.and_then(|s| s.block());
        let mut blocking_apps = 0u32;
        let mut blocking_fingerprint = 0u64;
        let mut count = |app: u32, reach: &mut Reach<'_, FastFilters<'_>>| {
            let (Some(indexed), Some(brief)) = (
                index.apps.get(app as usize),
                index.app_briefs.get(app as usize),
            ) else {
                return;
            };
            let phase = phases::phase(
                reach.app(indexed),
                brief.family,
                scenario.mode,
                scenario.join_type,
                true,
            );
            if matches!(
                phase,
                Some(Ok(AppPhase::DeviceSetup | AppPhase::AccountSetup))
            ) {
                blocking_apps += 1;
                blocking_fingerprint = blocking_fingerprint.wrapping_add(brief.fingerprint);
                if let Some(out) = blocking_out.as_deref_mut() {
                    out.push(app);
                }
            }
        };
        match block.map(|b| &b.apps) {
            // No page or no blocking: nothing blocks, so no app needs looking at.
            None => {}
            Some(BlockingApps::Selected(_)) => {
                if let Some(p) = index.profiles.get(profile) {
                    for &app in &p.selected {
                        count(app, &mut reach);
                    }
                }
            }
            Some(BlockingApps::All) => {
                // Every app row that names this device or user, as bitsets: the groups' folded
                // bitsets OR-ed in, the other rows applied one by one from the posting lists.
                let bits = &mut self.bits;
                bits.clear();
                bits.add_device(&index.all_devices_bits);
                for row in &index.rows_all_devices {
                    bits.apply(row, false, &mut reach);
                }
                for &g in &scenario.device_groups {
                    if let Some(dense) = index.dense_bits(g) {
                        bits.add_device(dense);
                    }
                    for row in index.rows_in_group(g) {
                        bits.apply(row, false, &mut reach);
                    }
                }
                if user_active {
                    bits.add_user(&index.all_users_bits);
                    for row in &index.rows_all_users {
                        bits.apply(row, true, &mut reach);
                    }
                    for &g in &scenario.user_groups {
                        if let Some(dense) = index.dense_bits(g) {
                            bits.add_user(dense);
                        }
                        for row in index.rows_in_group(g) {
                            bits.apply(row, true, &mut reach);
                        }
                    }
                }
                // `phases::phase` in bit form: device setup takes device-context targeting;
                // account setup (user-driven only) the user's apps and device-targeted
                // user-context apps (not, on hybrid join, the types hybrid skips), less device
                // setup's.
                let hybrid = scenario.join_type == JoinType::Hybrid;
                let words = bits
                    .device_context
                    .iter()
                    .zip(&bits.device_user_context)
                    .zip(&bits.device_excluded)
                    .zip(bits.user.iter().zip(&bits.user_excluded))
                    .zip(&index.hybrid_untracked);
                for (w, ((((&dc, &duc), &dx), (&u, &ux)), &skip)) in words.enumerate() {
                    let device_setup = dc & !dx;
                    let account_setup = if user_active {
                        let user_context = duc & !dx & if hybrid { !skip } else { !0 };
                        ((u & !ux) | user_context) & !device_setup
                    } else {
                        0
                    };
                    let mut tracked = device_setup | account_setup;
                    blocking_apps += tracked.count_ones();
                    while tracked != 0 {
                        let app = w * 64 + tracked.trailing_zeros() as usize;
                        tracked &= tracked - 1;
                        if let Some(brief) = index.app_briefs.get(app) {
                            blocking_fingerprint =
                                blocking_fingerprint.wrapping_add(brief.fingerprint);
                        }
                        if let Some(out) = blocking_out.as_deref_mut() {
                            out.push(u32::try_from(app).unwrap_or(u32::MAX));
                        }
                    }
                }
            }
        }

        self.device.set_all(&scenario.device_groups, false);
        if user_active {
            self.user.set_all(&scenario.user_groups, false);
        }
        DeviceSummary {
            profile,
            via,
            blocking_apps,
            effective_timeout_minutes: page
                .map(|p| time::effective_timeout(time::timeout_minutes(p), scenario.join_type)),
            blocking_fingerprint,
        }
    }
}

/// Which apps the rows of the current device target, one bitset per way (one bit per app).
#[derive(Debug, Clone)]
struct AppBits {
    device_context: Vec<u64>,
    device_user_context: Vec<u64>,
    device_excluded: Vec<u64>,
    user: Vec<u64>,
    user_excluded: Vec<u64>,
}

impl AppBits {
    fn new(words: usize) -> Self {
        AppBits {
            device_context: vec![0; words],
            device_user_context: vec![0; words],
            device_excluded: vec![0; words],
            user: vec![0; words],
            user_excluded: vec![0; words],
        }
    }

    fn clear(&mut self) {
        for bits in [
            &mut self.device_context,
            &mut self.device_user_context,
            &mut self.device_excluded,
            &mut self.user,
            &mut self.user_excluded,
        ] {
            bits.fill(0);
        }
    }

    /// Adds a group's folded bitsets (device context, user context, exclusions) on the
    /// device's side.
    fn add_device(&mut self, folded: &[u64]) {
        let words = self.device_context.len();
        let (context, rest) = folded.split_at(words.min(folded.len()));
        let (user_context, excluded) = rest.split_at(words.min(rest.len()));
        or_into(&mut self.device_context, context);
        or_into(&mut self.device_user_context, user_context);
        or_into(&mut self.device_excluded, excluded);
    }

    /// Adds a group's folded bitsets on the user's side, where the context does not matter.
    fn add_user(&mut self, folded: &[u64]) {
        let words = self.user.len();
        let (context, rest) = folded.split_at(words.min(folded.len()));
        let (user_context, excluded) = rest.split_at(words.min(rest.len()));
        or_into(&mut self.user, context);
        or_into(&mut self.user, user_context);
        or_into(&mut self.user_excluded, excluded);
    }

    /// Applies one required app row that names the device (or, `user`, the user).
    #[inline]
    fn apply(&mut self, row: &PostedRow, user: bool, reach: &mut Reach<'_, FastFilters<'_>>) {
        let bits = match (row.exclusion, user) {
            (true, false) => &mut self.device_excluded,
            (true, true) => &mut self.user_excluded,
            (false, _) if !reach.gate(row.filter).lets_through() => return,
            (false, true) => &mut self.user,
            (false, false) => match row.context {
                InstallContext::Device => &mut self.device_context,
                InstallContext::User => &mut self.device_user_context,
            },
        };
        if let Some(word) = bits.get_mut(row.app as usize / 64) {
            *word |= 1u64 << (row.app % 64);
        }
    }
}

fn or_into(into: &mut [u64], from: &[u64]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a |= b;
    }
}

/// The positions of the set bits, lowest first.
fn ones(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(w, &word)| {
        let mut rest = word;
        std::iter::from_fn(move || {
            if rest == 0 {
                return None;
            }
            let bit = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            Some(w * 64 + bit)
        })
    })
}
