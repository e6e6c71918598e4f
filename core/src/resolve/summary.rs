//! The fleet's fast path: the profile, how it was reached, the blocking-app count and the
//! effective timeout of a device, without a trace, a warning or a string.
//!
//! It applies the same row rules as the full resolution (`targeting`), and looks only at the
//! profiles and apps that the device's groups, its user's groups, All devices and All users name:
//! the posting lists of [`IndexedTenant`]. A [`Summarizer`] keeps its scratch space between
//! devices, so a fleet allocates nothing per device.

use super::index::{IndexedTenant, PreparedScenario};
use super::phases::{self, AppPhase};
use super::result::Via;
use super::targeting::{CachedFilters, FastFilters, GroupBits, Reach};
use super::time;
use crate::model::BlockingApps;
use serde::{Deserialize, Serialize};

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
    filters: CachedFilters,
    app_stamps: Vec<u32>,
    app_generation: u32,
    candidates: Vec<u64>,
}

impl<'a> Summarizer<'a> {
    /// Scratch space sized for this tenant.
    pub fn new(index: &'a IndexedTenant) -> Self {
        Summarizer {
            index,
            device: GroupBits::with_capacity(index.group_count()),
            user: GroupBits::with_capacity(index.group_count()),
            filters: CachedFilters::new(index.filters.len()),
            app_stamps: vec![0; index.apps.len()],
            app_generation: 0,
            candidates: vec![0; index.profile_words],
        }
    }

    /// The summary of one prepared scenario (see [`IndexedTenant::prepare`]).
    pub fn summarize(&mut self, scenario: &PreparedScenario) -> DeviceSummary {
        self.run(scenario, None)
    }

    /// The summary, and the blocking apps (their ids, sorted).
    pub fn summarize_with_apps(
        &mut self,
        scenario: &PreparedScenario,
    ) -> (DeviceSummary, Vec<crate::model::AppId>) {
        let mut apps = Vec::new();
        let summary = self.run(scenario, Some(&mut apps));
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

    fn run(
        &mut self,
        scenario: &PreparedScenario,
        mut blocking_out: Option<&mut Vec<u32>>,
    ) -> DeviceSummary {
        let index = self.index;
        let user_active = scenario.mode.has_user();
        self.device.set_all(&scenario.device_groups, true);
        if user_active {
            self.user.set_all(&scenario.user_groups, true);
        }
        self.filters.next_device();
        self.app_generation = self.app_generation.wrapping_add(1);
        if self.app_generation == 0 {
            self.app_stamps.iter_mut().for_each(|s| *s = 0);
            self.app_generation = 1;
        }
        let generation = self.app_generation;
        let mut reach = Reach {
            index,
            device: &self.device,
            user: &self.user,
            user_active,
            filters: FastFilters {
                cache: &mut self.filters,
                device: &scenario.device,
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
            let Some(indexed) = index.apps.get(app as usize) else {
                return;
            };
            let phase = phases::phase(
                reach.app(indexed),
                indexed.family,
                scenario.mode,
                scenario.join_type,
                true,
            );
            if matches!(
                phase,
                Some(Ok(AppPhase::DeviceSetup | AppPhase::AccountSetup))
            ) {
                blocking_apps += 1;
                blocking_fingerprint = blocking_fingerprint.wrapping_add(indexed.fingerprint);
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
                let stamps = &mut self.app_stamps;
                let mut visit = |app: u32, reach: &mut Reach<'_, FastFilters<'_>>| {
                    if let Some(stamp) = stamps.get_mut(app as usize) {
                        if *stamp != generation {
                            *stamp = generation;
                            count(app, reach);
                        }
                    }
                };
                for &app in &index.apps_all_devices {
                    visit(app, &mut reach);
                }
                for &g in &scenario.device_groups {
                    for &app in index.apps_in_group(g) {
                        visit(app, &mut reach);
                    }
                }
                if user_active {
                    for &app in &index.apps_all_users {
                        visit(app, &mut reach);
                    }
                    for &g in &scenario.user_groups {
                        for &app in index.apps_in_group(g) {
                            visit(app, &mut reach);
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
