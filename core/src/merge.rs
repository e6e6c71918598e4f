//! Merging an import into the tenant the designer already holds (the UI's other choice is to
//! replace it: `*tenant = imported.tenant`).
//!
//! Every object of the import matches an existing one by id, else by name (case-insensitive,
//! trimmed); a match is updated in place and keeps its id and priority, anything else is added
//! (custom profiles at the bottom, just above the default). References inside the import are
//! rewritten to the ids they matched, so a design from another tenant lands on this tenant's
//! groups, apps, filters and tags. The default profile's settings are taken only when the file
//! had the default profile.

use crate::graph::{Counts, Imported};
use crate::model::{
    same_name, AppId, AppliedFilter, Block, BlockingApps, DefaultProfile, FilterId, GroupId,
    ProfileId, Progress, ScopeTagId, Target, Tenant,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a merge added and updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MergeSummary {
    /// Objects that were new.
    pub added: Counts,
    /// Objects that matched an existing one (by id or name) and replaced it.
    pub updated: Counts,
    /// True when the default profile's settings were replaced.
    pub default_profile_updated: bool,
}

/// Old id → id in the merged tenant.
#[derive(Default)]
struct IdMap {
    groups: BTreeMap<GroupId, GroupId>,
    apps: BTreeMap<AppId, AppId>,
    filters: BTreeMap<FilterId, FilterId>,
    tags: BTreeMap<ScopeTagId, ScopeTagId>,
}

impl IdMap {
    /// Rewrites an assignment row's group and filter.
    fn row(&self, target: &mut Target, filter: &mut Option<AppliedFilter>) {
        if let Target::Group(id) | Target::ExcludedGroup(id) = target {
            renamed(&self.groups, id);
        }
        if let Some(filter) = filter {
            renamed(&self.filters, &mut filter.id);
        }
    }

    /// Rewrites the selected blocking apps.
    fn settings(&self, settings: &mut Progress) {
        if let Some(Block::Yes(block)) = settings.page_mut().map(|page| &mut page.block) {
            if let BlockingApps::Selected(selected) = &mut block.apps {
                selected
                    .ids
                    .iter_mut()
                    .for_each(|id| renamed(&self.apps, id));
            }
        }
    }

    fn tag(&self, tag: &mut ScopeTagId) {
        renamed(&self.tags, tag);
    }
}

fn renamed<K: Ord + Clone>(map: &BTreeMap<K, K>, id: &mut K) {
    if let Some(new) = map.get(id) {
        *id = new.clone();
    }
}

/// Replaces the object matching `item` (same id, else same name) with `item`, keeping the
/// existing id, or appends `item`. Returns (imported id, kept id) on a match.
fn upsert<T, K: Clone + PartialEq>(
    list: &mut Vec<T>,
    mut item: T,
    key: impl Fn(&mut T) -> &mut K,
    name: impl Fn(&T) -> &str,
    (added, updated): (&mut usize, &mut usize),
) -> Option<(K, K)> {
    let id = key(&mut item).clone();
    let found = list
        .iter_mut()
        .position(|e| *key(e) == id)
        .or_else(|| list.iter().position(|e| same_name(name(e), name(&item))));
    match found.and_then(|i| list.get_mut(i)) {
        Some(existing) => {
            let kept = key(existing).clone();
            *key(&mut item) = kept.clone();
            *existing = item;
            *updated += 1;
            Some((id, kept))
        }
        None => {
            list.push(item);
            *added += 1;
            None
        }
    }
}

impl Tenant {
    /// Merges an import: see the module docs.
    pub fn merge(&mut self, imported: Imported) -> MergeSummary {
        let take_default = imported.report.default_profile_found;
        self.merge_tenant(imported.tenant, take_default)
    }

    /// Merges another tenant; its default profile's settings replace ours when `take_default`.
    pub fn merge_tenant(&mut self, mut other: Tenant, take_default: bool) -> MergeSummary {
        let (mut added, mut updated) = (Counts::default(), Counts::default());
        let mut map = IdMap::default();

        for tag in std::mem::take(&mut other.scope_tags) {
            let counts = (&mut added.scope_tags, &mut updated.scope_tags);
            if let Some((old, new)) = upsert(
                &mut self.scope_tags,
                tag,
                |t| &mut t.id,
                |t| t.display_name.as_str(),
                counts,
            ) {
                map.tags.insert(old, new);
            }
        }
        for group in std::mem::take(&mut other.groups) {
            let counts = (&mut added.groups, &mut updated.groups);
            if let Some((old, new)) = upsert(
                &mut self.groups,
                group,
                |g| &mut g.id,
                |g| g.display_name.as_str(),
                counts,
            ) {
                map.groups.insert(old, new);
            }
        }
        for filter in std::mem::take(&mut other.filters) {
            let counts = (&mut added.filters, &mut updated.filters);
            if let Some((old, new)) = upsert(
                &mut self.filters,
                filter,
                |f| &mut f.id,
                |f| f.display_name.as_str(),
                counts,
            ) {
                map.filters.insert(old, new);
            }
        }
        for mut app in std::mem::take(&mut other.apps) {
            for assignment in &mut app.assignments {
                map.row(&mut assignment.target, &mut assignment.filter);
            }
            let counts = (&mut added.apps, &mut updated.apps);
            if let Some((old, new)) = upsert(
                &mut self.apps,
                app,
                |a| &mut a.id,
                |a| a.display_name.as_str(),
                counts,
            ) {
                map.apps.insert(old, new);
            }
        }

        if take_default {
            let mut settings = other.default_profile().settings.clone();
            map.settings(&mut settings);
            let local = DefaultProfile::LOCAL_ID;
            let ours = self.default_profile_mut();
            if ours.id.as_str() == local && other.default_profile().id.as_str() != local {
                ours.id = other.default_profile().id.clone();
            }
            ours.settings = settings;
        }
        for mut profile in std::mem::take(other.custom_mut()) {
            map.settings(&mut profile.settings);
            for assignment in &mut profile.assignments {
                map.row(&mut assignment.target, &mut assignment.filter);
            }
            for tag in &mut profile.scope_tags {
                map.tag(tag);
            }
            if profile.id == self.default_profile().id {
                profile.id = ProfileId::new(self.fresh_id("esp"));
            }
            let counts = (&mut added.profiles, &mut updated.profiles);
            upsert(
                self.custom_mut(),
                profile,
                |p| &mut p.id,
                |p| p.name.as_str(),
                counts,
            );
        }
        MergeSummary {
            added,
            updated,
            default_profile_updated: take_default,
        }
    }
}
