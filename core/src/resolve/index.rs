//! The tenant built once into the form resolution reads fast: group ids interned to numbers,
//! filters parsed and compiled, assignment rows reduced to numbers, and posting lists from each
//! group to the profiles and apps it is included in.
//!
//! Building costs one pass over the tenant; every scenario after that (one preview, or a fleet
//! of 100,000 devices) reuses it.

use super::hash::{FastHash, FastHashBuild};
use super::scenario::{JoinType, Mode, Scenario};
use super::time;
use crate::filter::{self, CompiledRule, DeviceProperties, Rule};
use crate::model::{
    App, AssignmentFilter, FilterMode, InstallContext, Priority, Profile, ProfileId, Target, Tenant,
};
use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;

/// A tenant ready for resolution. Build it once per tenant version with [`IndexedTenant::new`]
/// and pass it to [`resolve_indexed`](super::resolve_indexed), [`Summarizer`](super::Summarizer)
/// or the fleet functions.
#[derive(Debug, Clone)]
pub struct IndexedTenant {
    tenant: Tenant,
    group_ids: GroupIds,
    /// For each interned group the tenant lists, its position in `tenant.groups`.
    group_models: Vec<usize>,
    pub(crate) filters: Vec<IndexedFilter>,
    pub(crate) profiles: Vec<IndexedProfile>,
    pub(crate) apps: Vec<IndexedApp>,
    /// What the fleet needs of each app, packed beside the others for the fast path.
    pub(crate) app_briefs: Vec<AppBrief>,
    /// Words per profile bitset (custom profiles only).
    pub(crate) profile_words: usize,
    /// For each group, the custom profiles with an inclusion row naming it (`profile_words` each).
    pub(crate) profiles_by_group: Vec<u64>,
    /// Custom profiles assigned to All devices, as a bitset.
    pub(crate) profiles_all_devices: Vec<u64>,
    /// Custom profiles assigned to All users, as a bitset.
    pub(crate) profiles_all_users: Vec<u64>,
    /// For each group, the required app rows naming it that are not folded into its bitsets
    /// (CSR: offsets, then data).
    row_offsets: Vec<u32>,
    row_postings: Vec<PostedRow>,
    /// Required app rows with a filter for All devices.
    pub(crate) rows_all_devices: Vec<PostedRow>,
    /// Required app rows with a filter for All users.
    pub(crate) rows_all_users: Vec<PostedRow>,
    /// Words in an app bitset (one bit per indexed app).
    pub(crate) app_words: usize,
    /// For each group, its folded bitsets (a position in `dense_bits`), or [`NOT_DENSE`].
    dense_of_group: Vec<u32>,
    /// Per dense group, three app bitsets of its unfiltered rows: inclusions in device context,
    /// inclusions in user context, exclusions.
    dense_bits: Vec<u64>,
    /// The same three bitsets for the unfiltered All devices rows.
    pub(crate) all_devices_bits: Vec<u64>,
    /// The same for the unfiltered All users rows.
    pub(crate) all_users_bits: Vec<u64>,
    /// The apps hybrid join does not track when targeted at the device in user context.
    pub(crate) hybrid_untracked: Vec<u64>,
}

/// No bitsets for this group.
const NOT_DENSE: u32 = u32::MAX;

/// A group's unfiltered rows fold into bitsets from this many on (or an eighth of the bitset's
/// words, if more): OR-ing three bitsets then costs less than applying the rows one by one.
const DENSE_MIN_ROWS: usize = 4;

fn set_bit(bits: &mut [u64], i: usize) {
    if let Some(word) = bits.get_mut(i / 64) {
        *word |= 1u64 << (i % 64);
    }
}

/// A required app row in a posting list: enough to apply it without visiting the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PostedRow {
    pub app: u32,
    /// An exclusion row (its filter is never applied).
    pub exclusion: bool,
    pub filter: RowFilter,
    pub context: InstallContext,
}

/// A filter as resolution sees it.
#[derive(Debug, Clone)]
pub(crate) struct IndexedFilter {
    /// Position in `tenant.filters`.
    pub model: usize,
    pub state: FilterState,
}

#[derive(Debug, Clone)]
pub(crate) enum FilterState {
    /// A Windows filter whose rule parses. `esp` when ESP profiles may use it; `os_gated` when it
    /// reads `model` or `manufacturer`.
    Readable {
        rule: Box<Rule>,
        compiled: CompiledRule,
        esp: bool,
        os_gated: bool,
        /// Reads a property outside ESP's six, which the preview compares as `$null`.
        reads_unknown: bool,
    },
    /// The rule does not parse: the error, in words.
    Unreadable(String),
    /// Not a Windows filter.
    NotWindows,
}

/// One assignment row, reduced to numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row {
    pub target: RowTarget,
    pub filter: RowFilter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowTarget {
    AllDevices,
    AllUsers,
    Include(u32),
    Exclude(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowFilter {
    /// No filter (or an exclusion row, whose filter Intune does not apply).
    None,
    /// A filter to evaluate against the device.
    Evaluate { filter: u32, mode: FilterMode },
    /// A filter resolution cannot use (unknown, unreadable, not Windows, or, on a profile,
    /// not usable by ESP): the row never lets the device through.
    Unusable,
}

/// A profile in resolution order.
#[derive(Debug, Clone)]
pub(crate) struct IndexedProfile {
    /// Aligned with the model's assignments (the default profile: one All devices row).
    pub rows: Vec<Row>,
    /// The *Selected* blocking apps that are tracked apps of the tenant, as app indices, without
    /// repeats; empty unless the profile blocks on Selected.
    pub selected: Vec<u32>,
}

/// An app the ESP can track (other types never matter to resolution).
#[derive(Debug, Clone)]
pub(crate) struct IndexedApp {
    /// Position in `tenant.apps`.
    pub model: usize,
    /// Required rows only, with the install context each gives.
    pub rows: Vec<(Row, InstallContext)>,
    pub family: AppFamily,
    /// A hash of the app id, summed over a blocking set to notice when it changes.
    pub fingerprint: u64,
}

/// An app's type family and fingerprint, for the fast path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AppBrief {
    pub family: AppFamily,
    pub fingerprint: u64,
}

/// What resolution's rules need to know of an app's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AppFamily {
    /// `win32LobApp`, `winGetApp`, `win32CatalogApp`.
    pub win32: bool,
    /// `windowsMobileMSI`.
    pub lob_msi: bool,
    /// `officeSuiteApp`.
    pub office: bool,
    /// Not tracked in account setup on hybrid join when targeted at the device in user context:
    /// the Win32 family and the AppX types (DOMAIN §3.1).
    pub hybrid_untracked: bool,
}

/// A scenario with its group ids interned for one indexed tenant and its properties lowercased.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PreparedScenario {
    pub(crate) mode: Mode,
    pub(crate) join_type: JoinType,
    pub(crate) device_groups: Vec<u32>,
    pub(crate) user_groups: Vec<u32>,
    /// The properties as given: the fleet looks filter answers up by them, and lowercases them
    /// only for a set of properties it has not seen.
    pub(crate) device: DeviceProperties,
    pub(crate) windows_11: Option<bool>,
}

impl IndexedTenant {
    /// Indexes a copy of the tenant.
    pub fn new(tenant: &Tenant) -> Self {
        IndexedTenant::from_tenant(tenant.clone())
    }

    /// Indexes the tenant, taking it.
    pub fn from_tenant(tenant: Tenant) -> Self {
        let mut group_ids = GroupIds::default();
        let mut intern = |id: &str| -> u32 {
            let next = u32::try_from(group_ids.len()).unwrap_or(u32::MAX);
            *group_ids.entry(id.to_owned()).or_insert(next)
        };
        // The tenant's groups come first, so an interned number below `groups.len()` is a group
        // the tenant knows; `group_models` says where it sits (the first of repeated ids).
        let mut group_models = Vec::with_capacity(tenant.groups.len());
        for (position, group) in tenant.groups.iter().enumerate() {
            if intern(group.id.as_str()) as usize == group_models.len() {
                group_models.push(position);
            }
        }
        let mut target = |t: &Target| match t {
            Target::AllDevices => RowTarget::AllDevices,
            Target::AllUsers => RowTarget::AllUsers,
            Target::Group(g) => RowTarget::Include(intern(g.as_str())),
            Target::ExcludedGroup(g) => RowTarget::Exclude(intern(g.as_str())),
        };

        let filters: Vec<IndexedFilter> = tenant
            .filters
            .iter()
            .enumerate()
            .map(|(model, f)| IndexedFilter {
                model,
                state: filter_state(f),
            })
            .collect();
        let mut filter_by_id: BTreeMap<&str, u32> = BTreeMap::new();
        for (i, f) in tenant.filters.iter().enumerate() {
            if let Ok(i) = u32::try_from(i) {
                // The first of two filters with one id wins, as `Tenant::filter` has it.
                filter_by_id.entry(f.id.as_str()).or_insert(i);
            }
        }
        let filter_ix = |id: &crate::model::FilterId| filter_by_id.get(id.as_str()).copied();
        // A profile row may use only filters ESP can use; an app row any readable Windows filter.
        let row_filter = |assignment_filter: Option<&crate::model::AppliedFilter>,
                          t: RowTarget,
                          for_profile: bool| {
            let Some(applied) = assignment_filter else {
                return RowFilter::None;
            };
            if matches!(t, RowTarget::Exclude(_)) {
                return RowFilter::None;
            }
            let Some(ix) = filter_ix(&applied.id) else {
                return RowFilter::Unusable;
            };
            match filters.get(ix as usize).map(|f| &f.state) {
                Some(FilterState::Readable { esp, .. }) if *esp || !for_profile => {
                    RowFilter::Evaluate {
                        filter: ix,
                        mode: applied.mode,
                    }
                }
                _ => RowFilter::Unusable,
            }
        };

        let mut apps = Vec::new();
        let mut app_by_id: BTreeMap<String, u32> = BTreeMap::new();
        for (model, app) in tenant.apps.iter().enumerate() {
            // Other types are never tracked; of two apps with one id, the first counts, as
            // `Tenant::app` has it.
            if !app.kind.is_tracked() || app_by_id.contains_key(app.id.as_str()) {
                continue;
            }
            let rows = app
                .required_assignments()
                .filter_map(|a| {
                    let context = app.install_context(a)?;
                    let t = target(&a.target);
                    Some((
                        Row {
                            target: t,
                            filter: row_filter(a.filter.as_ref(), t, false),
                        },
                        context,
                    ))
                })
                .collect();
            let ix = u32::try_from(apps.len()).unwrap_or(u32::MAX);
            app_by_id.entry(app.id.as_str().to_owned()).or_insert(ix);
            apps.push(IndexedApp {
                model,
                rows,
                family: family(app),
                fingerprint: fingerprint(app.id.as_str()),
            });
        }

        let profiles: Vec<IndexedProfile> = tenant
            .profiles()
            .map(|(_, profile)| {
                let rows = profile
                    .assignments()
                    .iter()
                    .map(|a| {
                        let t = target(&a.target);
                        Row {
                            target: t,
                            filter: row_filter(a.filter.as_ref(), t, true),
                        }
                    })
                    .collect();
                let mut selected: Vec<u32> = Vec::new();
                for id in profile
                    .settings()
                    .selected_apps()
                    .map_or(&[][..], |s| &s.ids)
                {
                    if let Some(&ix) = app_by_id.get(id.as_str()) {
                        if !selected.contains(&ix) {
                            selected.push(ix);
                        }
                    }
                }
                IndexedProfile { rows, selected }
            })
            .collect();

        let group_count = group_ids.len();
        let custom = profiles.len().saturating_sub(1);
        let profile_words = custom.div_ceil(64).max(1);
        let mut profiles_by_group = vec![0u64; group_count * profile_words];
        let mut profiles_all_devices = vec![0u64; profile_words];
        let mut profiles_all_users = vec![0u64; profile_words];
        for (p, profile) in profiles.iter().enumerate().take(custom) {
            let (word, bit) = (p / 64, 1u64 << (p % 64));
            for row in &profile.rows {
                let slot = match row.target {
                    RowTarget::AllDevices => profiles_all_devices.get_mut(word),
                    RowTarget::AllUsers => profiles_all_users.get_mut(word),
                    RowTarget::Include(g) => {
                        profiles_by_group.get_mut(g as usize * profile_words + word)
                    }
                    RowTarget::Exclude(_) => None,
                };
                if let Some(slot) = slot {
                    *slot |= bit;
                }
            }
        }

        // App rows: those without a filter fold into per-group bitsets when the group holds
        // enough of them; the others (and every row of a small group) stay in posting lists.
        let app_words = apps.len().div_ceil(64);
        let mut by_group: Vec<Vec<PostedRow>> = vec![Vec::new(); group_count];
        let mut rows_all_devices = Vec::new();
        let mut rows_all_users = Vec::new();
        let mut all_devices_bits = vec![0u64; 3 * app_words];
        let mut all_users_bits = vec![0u64; 3 * app_words];
        let mut hybrid_untracked = vec![0u64; app_words];
        for (a, app) in apps.iter().enumerate() {
            if app.family.hybrid_untracked {
                set_bit(&mut hybrid_untracked, a);
            }
            let a32 = u32::try_from(a).unwrap_or(u32::MAX);
            for (row, context) in &app.rows {
                let posted = PostedRow {
                    app: a32,
                    exclusion: matches!(row.target, RowTarget::Exclude(_)),
                    filter: row.filter,
                    context: *context,
                };
                match row.target {
                    // A row whose filter cannot be used never includes anyone.
                    _ if row.filter == RowFilter::Unusable => {}
                    RowTarget::AllDevices | RowTarget::AllUsers
                        if row.filter == RowFilter::None =>
                    {
                        let bits = match row.target {
                            RowTarget::AllDevices => &mut all_devices_bits,
                            _ => &mut all_users_bits,
                        };
                        let part = usize::from(*context == InstallContext::User);
                        set_bit(bits.get_mut(part * app_words..).unwrap_or_default(), a);
                    }
                    RowTarget::AllDevices => rows_all_devices.push(posted),
                    RowTarget::AllUsers => rows_all_users.push(posted),
                    RowTarget::Include(g) | RowTarget::Exclude(g) => {
                        if let Some(list) = by_group.get_mut(g as usize) {
                            list.push(posted);
                        }
                    }
                }
            }
        }
        let dense_rows = DENSE_MIN_ROWS.max(app_words / 8);
        let mut dense_of_group = vec![NOT_DENSE; group_count];
        let mut dense_bits = Vec::new();
        let mut row_offsets = Vec::with_capacity(group_count + 1);
        let mut row_postings = Vec::new();
        row_offsets.push(0);
        for (g, list) in by_group.into_iter().enumerate() {
            let foldable = list.iter().filter(|r| r.filter == RowFilter::None).count();
            if foldable >= dense_rows {
                let start = dense_bits.len();
                dense_bits.resize(start + 3 * app_words, 0);
                let bits = dense_bits.get_mut(start..).unwrap_or_default();
                for row in list.iter().filter(|r| r.filter == RowFilter::None) {
                    let part = match (row.exclusion, row.context) {
                        (true, _) => 2,
                        (false, InstallContext::Device) => 0,
                        (false, InstallContext::User) => 1,
                    };
                    set_bit(
                        bits.get_mut(part * app_words..).unwrap_or_default(),
                        row.app as usize,
                    );
                }
                if let Some(slot) = dense_of_group.get_mut(g) {
                    *slot = u32::try_from(start / (3 * app_words).max(1)).unwrap_or(NOT_DENSE);
                }
                row_postings.extend(list.into_iter().filter(|r| r.filter != RowFilter::None));
            } else {
                row_postings.extend(list);
            }
            row_offsets.push(u32::try_from(row_postings.len()).unwrap_or(u32::MAX));
        }

        let app_briefs = apps
            .iter()
            .map(|a| AppBrief {
                family: a.family,
                fingerprint: a.fingerprint,
            })
            .collect();
        IndexedTenant {
            app_briefs,
            tenant,
            group_ids,
            group_models,
            filters,
            profiles,
            apps,
            profile_words,
            profiles_by_group,
            profiles_all_devices,
            profiles_all_users,
            row_offsets,
            row_postings,
            rows_all_devices,
            rows_all_users,
            app_words,
            dense_of_group,
            dense_bits,
            all_devices_bits,
            all_users_bits,
            hybrid_untracked,
        }
    }

    /// The tenant it was built from.
    pub fn tenant(&self) -> &Tenant {
        &self.tenant
    }

    /// How many profiles, the default included.
    pub fn profile_count(&self) -> usize {
        self.profiles.len()
    }

    /// A profile by its position in resolution order (custom 1..n, then the default), as
    /// [`DeviceSummary::profile`](super::DeviceSummary::profile) names it.
    pub fn profile_at(&self, position: usize) -> Option<(Priority, Profile<'_>)> {
        self.profile_model(position)
    }

    /// The id of the profile at a position in resolution order.
    pub fn profile_id_at(&self, position: usize) -> Option<&ProfileId> {
        self.profile_at(position).map(|(_, p)| p.id())
    }

    /// Interns the scenario's group ids (ids the tenant never mentions can match nothing and are
    /// dropped) and lowercases the device's properties.
    pub fn prepare(&self, scenario: &Scenario) -> PreparedScenario {
        let mut prepared = PreparedScenario::default();
        self.prepare_into(scenario, &mut prepared);
        prepared
    }

    /// [`IndexedTenant::prepare`] into an existing prepared scenario, reusing its memory.
    pub fn prepare_into(&self, scenario: &Scenario, prepared: &mut PreparedScenario) {
        self.prepare_groups(scenario, prepared);
        prepared.device.clone_from(&scenario.device.properties);
    }

    /// Everything of `prepare_into` but the device's properties, which the fleet reads from the
    /// scenario itself.
    pub(crate) fn prepare_groups(&self, scenario: &Scenario, prepared: &mut PreparedScenario) {
        let intern = |ids: &[crate::model::GroupId], out: &mut Vec<u32>| {
            out.clear();
            out.extend(
                ids.iter()
                    .filter_map(|id| self.group_ids.get(id.as_str()).copied()),
            );
            out.sort_unstable();
            out.dedup();
        };
        prepared.mode = scenario.mode;
        prepared.join_type = scenario.join_type;
        intern(&scenario.device.group_ids, &mut prepared.device_groups);
        intern(scenario.user_group_ids(), &mut prepared.user_groups);
        prepared.windows_11 = time::is_windows_11(scenario.device.properties.os_version.as_deref());
    }

    /// How many distinct group ids the tenant mentions.
    pub(crate) fn group_count(&self) -> usize {
        self.group_ids.len()
    }

    /// The group's folded bitsets (3 × `app_words`), if it has them.
    pub(crate) fn dense_bits(&self, group: u32) -> Option<&[u64]> {
        let dense = *self.dense_of_group.get(group as usize)?;
        if dense == NOT_DENSE {
            return None;
        }
        let size = 3 * self.app_words;
        let start = dense as usize * size;
        self.dense_bits.get(start..start + size)
    }

    /// The required app rows naming the group that are not folded into its bitsets.
    pub(crate) fn rows_in_group(&self, group: u32) -> &[PostedRow] {
        let g = group as usize;
        let start = self.row_offsets.get(g).copied().unwrap_or(0) as usize;
        let end = self.row_offsets.get(g + 1).copied().unwrap_or(0) as usize;
        self.row_postings.get(start..end).unwrap_or(&[])
    }

    /// The profile bitset of a group.
    pub(crate) fn profiles_in_group(&self, group: u32) -> &[u64] {
        let start = group as usize * self.profile_words;
        self.profiles_by_group
            .get(start..start + self.profile_words)
            .unwrap_or(&[])
    }

    /// The profile model at a position in resolution order, with its priority.
    pub(crate) fn profile_model(&self, position: usize) -> Option<(Priority, Profile<'_>)> {
        let custom = self.tenant.custom_profiles();
        match custom.get(position) {
            Some(p) => Some((Priority::Custom(position + 1), Profile::Custom(p))),
            None if position == custom.len() => Some((
                Priority::Default,
                Profile::Default(self.tenant.default_profile()),
            )),
            None => None,
        }
    }

    /// A group of the tenant by id, without a scan.
    pub(crate) fn group_model(&self, id: &crate::model::GroupId) -> Option<&crate::model::Group> {
        let interned = *self.group_ids.get(id.as_str())?;
        let position = *self.group_models.get(interned as usize)?;
        self.tenant.groups.get(position)
    }

    /// The model of an indexed app.
    pub(crate) fn app_model(&self, app: &IndexedApp) -> Option<&App> {
        self.tenant.apps.get(app.model)
    }

    /// The model of an indexed filter.
    pub(crate) fn filter_model(&self, filter: u32) -> Option<&AssignmentFilter> {
        let f = self.filters.get(filter as usize)?;
        self.tenant.filters.get(f.model)
    }
}

/// Group ids to numbers. A hash map, because a fleet looks up several ids per device; its order
/// is never read, so hashing cannot make results differ.
type GroupIds = HashMap<String, u32, FastHashBuild>;

fn filter_state(filter: &AssignmentFilter) -> FilterState {
    if !filter.is_windows() {
        return FilterState::NotWindows;
    }
    match filter::parse(&filter.rule) {
        Err(error) => FilterState::Unreadable(error.to_string()),
        Ok(rule) => FilterState::Readable {
            compiled: rule.compile(),
            esp: rule.esp_restriction().is_none(),
            os_gated: rule.uses_os_gated_property(),
            reads_unknown: rule
                .comparisons()
                .iter()
                .any(|c| c.property.esp_property().is_none()),
            rule: Box::new(rule),
        },
    }
}

fn family(app: &App) -> AppFamily {
    use crate::model::AppKind;
    AppFamily {
        win32: app.kind.is_win32_family(),
        lob_msi: matches!(app.kind, AppKind::WindowsMobileMsi { .. }),
        office: matches!(app.kind, AppKind::OfficeSuite),
        hybrid_untracked: app.kind.is_win32_family() || app.kind.context_from_assignment(),
    }
}

/// The id's hash with the length mixed in, then a final avalanche so that sums of fingerprints
/// rarely collide.
fn fingerprint(id: &str) -> u64 {
    let mut hasher = FastHash::default();
    hasher.write(id.as_bytes());
    hasher.write_usize(id.len());
    let mut hash = hasher.finish();
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^ (hash >> 33)
}
