//! What each row of the profiles list says, derived from the tenant as plain data: the view only
//! lays it out, and these summaries are tested natively.

use esp_core::model::{BlockingApps, FilterMode, Priority, Profile, ScopeTagId, Target};
use esp_core::validate;
use esp_core::{AdminScope, Tenant};
use std::collections::BTreeMap;

/// The rows a (possibly scoped) admin sees, and what the list says around them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ListView {
    /// The visible profiles, in priority order, the default last.
    pub rows: Vec<Row>,
    /// The true priorities of the visible custom profiles: the positions the admin may use. A
    /// row's `slot` indexes this list.
    pub positions: Vec<usize>,
    /// How many custom profiles the tenant holds (scoped or not).
    pub custom_count: usize,
    /// How many custom profiles the scope hides.
    pub hidden: usize,
}

impl ListView {
    /// The view of `tenant` as an admin with `scope` sees it.
    pub fn of(tenant: &Tenant, scope: &AdminScope) -> Self {
        let mut positions = Vec::new();
        let visible = tenant.visible_profiles(scope);
        let names = group_names(tenant, &visible);
        let rows: Vec<Row> = visible
            .into_iter()
            .map(|(priority, profile)| {
                let slot = slot_of(&mut positions, priority);
                Row::of(tenant, &names, priority, profile, slot)
            })
            .collect();
        let custom_count = tenant.custom_profiles().len();
        ListView {
            hidden: custom_count.saturating_sub(positions.len()),
            rows,
            positions,
            custom_count,
        }
    }

    /// The same rows in another order of the same profiles (a lifted profile where it would
    /// land): `order` is the visible profiles' ids with their priorities there.
    pub fn arranged(&self, order: &[(Priority, String)]) -> Self {
        let mut positions = Vec::new();
        let rows = order
            .iter()
            .filter_map(|(priority, id)| {
                let mut row = self.row(id)?.clone();
                row.slot = slot_of(&mut positions, *priority);
                row.priority = *priority;
                Some(row)
            })
            .collect();
        ListView {
            rows,
            positions,
            custom_count: self.custom_count,
            hidden: self.hidden,
        }
    }

    /// The row of a profile.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|row| row.id == id)
    }
}

/// The names of the groups these profiles are assigned to, by id, found in one pass over the
/// tenant's groups: a tenant holds thousands, and looking each assignment's group up by itself
/// would read them all once per assignment whenever the list changes.
fn group_names<'a>(
    tenant: &'a Tenant,
    profiles: &[(Priority, Profile<'_>)],
) -> BTreeMap<&'a str, &'a str> {
    // Filled by inserts, not collected: collecting into a B-tree sorts, and every sort compiles
    // its own copy of the standard sort (ARCHITECTURE.md, Size).
    let mut wanted = std::collections::BTreeSet::new();
    for (_, profile) in profiles {
        for assignment in profile.assignments() {
            if let Some(id) = assignment.target.group() {
                wanted.insert(id.as_str().to_owned());
            }
        }
    }
    let mut names = BTreeMap::new();
    for group in &tenant.groups {
        if wanted.contains(group.id.as_str()) {
            // The first of two groups with one id wins, as `Tenant::group` finds it.
            names
                .entry(group.id.as_str())
                .or_insert(group.display_name.as_str());
        }
    }
    names
}

/// The slot of the next visible profile at `priority`, noting its position.
fn slot_of(positions: &mut Vec<usize>, priority: Priority) -> Option<usize> {
    match priority {
        Priority::Custom(n) => {
            positions.push(n);
            Some(positions.len() - 1)
        }
        Priority::Default => None,
    }
}

/// One profile as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub name: String,
    pub priority: Priority,
    /// Its index among the visible custom profiles; `None` for the default profile, which never
    /// moves.
    pub slot: Option<usize>,
    /// *All*, *N selected* or *None*.
    pub blocking: String,
    /// The timeout in minutes, or that there is no page.
    pub timeout: String,
    pub targets: Vec<TargetCell>,
    pub scope_tags: Vec<String>,
}

/// One assignment as the *Assigned to* column shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetCell {
    /// "All users", "All devices", a group's name, or "Excluded: {group}".
    pub label: String,
    pub excluded: bool,
    /// "Include: {filter}" or "Exclude: {filter}".
    pub filter: Option<String>,
}

impl Row {
    fn of(
        tenant: &Tenant,
        names: &BTreeMap<&str, &str>,
        priority: Priority,
        profile: Profile<'_>,
        slot: Option<usize>,
    ) -> Self {
        let settings = profile.settings();
        let blocking = match settings.block().map(|block| &block.apps) {
            None => "None".to_owned(),
            Some(BlockingApps::All) => "All".to_owned(),
            Some(BlockingApps::Selected(selected)) => format!("{} selected", selected.ids.len()),
        };
        let timeout = match settings.page() {
            Some(page) => format!("{} min", page.timeout_minutes),
            None => "No page".to_owned(),
        };
        let scope_tags = match profile {
            Profile::Default(_) => vec!["All admins".to_owned()],
            Profile::Custom(custom) => custom
                .effective_scope_tags()
                .iter()
                .map(|id| tag_name(tenant, id))
                .collect(),
        };
        Row {
            id: profile.id().as_str().to_owned(),
            name: profile.name().to_owned(),
            priority,
            slot,
            blocking,
            timeout,
            targets: profile
                .assignments()
                .iter()
                .map(|assignment| TargetCell::of(tenant, names, &assignment.target, assignment))
                .collect(),
            scope_tags,
        }
    }
}

impl TargetCell {
    fn of(
        tenant: &Tenant,
        names: &BTreeMap<&str, &str>,
        target: &Target,
        assignment: &esp_core::Assignment,
    ) -> Self {
        let group_name = |id: &esp_core::model::GroupId| {
            names
                .get(id.as_str())
                .map(|name| (*name).to_owned())
                .unwrap_or_else(|| format!("Unknown group ({id})"))
        };
        let label = match target {
            Target::AllUsers => "All users".to_owned(),
            Target::AllDevices => "All devices".to_owned(),
            Target::Group(id) => group_name(id),
            Target::ExcludedGroup(id) => format!("Excluded: {}", group_name(id)),
        };
        let filter = assignment.filter.as_ref().map(|applied| {
            let name = tenant
                .filter(&applied.id)
                .map(|filter| filter.display_name.clone())
                .unwrap_or_else(|| format!("unknown filter ({})", applied.id));
            match applied.mode {
                FilterMode::Include => format!("Include: {name}"),
                FilterMode::Exclude => format!("Exclude: {name}"),
            }
        });
        TargetCell {
            label,
            excluded: target.is_exclusion(),
            filter,
        }
    }
}

fn tag_name(tenant: &Tenant, id: &ScopeTagId) -> String {
    tenant
        .scope_tag_name(id)
        .map_or_else(|| format!("Unknown tag ({id})"), str::to_owned)
}

/// The *Status* column of one profile: what validation found.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Status {
    pub errors: usize,
    pub warnings: usize,
    /// Every finding's message, for the cell's tooltip.
    pub messages: Vec<String>,
}

impl Status {
    /// "2 errors, 1 warning", "1 warning" or "OK".
    pub fn label(&self) -> String {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        match (self.errors, self.warnings) {
            (0, 0) => "OK".to_owned(),
            (0, w) => plural(w, "warning"),
            (e, 0) => plural(e, "error"),
            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
        }
    }
}

/// The status of every profile of the tenant, by id (validation is the core's).
pub fn statuses(tenant: &Tenant) -> BTreeMap<String, Status> {
    validate::tenant(tenant)
        .into_iter()
        .map(|found| {
            let errors = found.findings.iter().filter(|f| f.is_error()).count();
            let status = Status {
                errors,
                warnings: found.findings.len() - errors,
                messages: found.findings.iter().map(|f| f.message.clone()).collect(),
            };
            (found.id.as_str().to_owned(), status)
        })
        .collect()
}

/// The scope tags an admin can choose to view the list as: the tenant's, with the built-in
/// *Default* first even when the tenant does not list it. `(id, name)` pairs.
pub fn scope_tag_choices(tenant: &Tenant) -> Vec<(String, String)> {
    let default = esp_core::model::ScopeTag::builtin_default();
    let mut choices = vec![(default.id.as_str().to_owned(), default.display_name.clone())];
    for tag in &tenant.scope_tags {
        if tag.id != default.id {
            choices.push((tag.id.as_str().to_owned(), tag.display_name.clone()));
        }
    }
    choices
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use esp_core::model::{
        AppId, Assignment, AssignmentFilter, Block, BlockingApps, CustomProfile, DefaultProfile,
        FilterId, Group, GroupId, Progress, ScopeTag, SelectedApps,
    };

    fn tenant() -> Tenant {
        let mut tenant = Tenant::new(DefaultProfile::default());
        tenant.groups.push(Group {
            id: GroupId::from("g1"),
            display_name: "Kiosk Devices".into(),
            member_kind: None,
        });
        tenant.filters.push(AssignmentFilter {
            id: FilterId::from("f1"),
            display_name: "Surface devices".into(),
            platform: "windows10AndLater".into(),
            rule: "(device.model -startsWith \"Surface\")".into(),
        });
        tenant.scope_tags.push(ScopeTag {
            id: ScopeTagId::from("2"),
            display_name: "Kiosk".into(),
        });
        let mut kiosk = CustomProfile::new("kiosk", "Kiosk ESP");
        kiosk.scope_tags = vec![ScopeTagId::from("2")];
        kiosk.assignments = vec![
            Assignment::filtered(
                Target::Group(GroupId::from("g1")),
                FilterId::from("f1"),
                FilterMode::Include,
            ),
            Assignment::new(Target::ExcludedGroup(GroupId::from("gone"))),
        ];
        if let Progress::Shown(page) = &mut kiosk.settings {
            page.timeout_minutes = 30;
            if let Block::Yes(block) = &mut page.block {
                block.apps = BlockingApps::Selected(SelectedApps {
                    ids: vec![AppId::from("a1"), AppId::from("a2")],
                    only_fail_selected_in_technician_phase: false,
                });
            }
        }
        tenant.add_profile(kiosk).unwrap();
        let mut users = CustomProfile::new("users", "All users ESP");
        users.assignments = vec![Assignment::new(Target::AllUsers)];
        tenant.add_profile(users).unwrap();
        tenant
    }

    #[test]
    fn rows_summarise_each_column() {
        let view = ListView::of(&tenant(), &AdminScope::everything());
        let kiosk = view.row("kiosk").unwrap();
        assert_eq!(kiosk.priority.to_string(), "1");
        assert_eq!(kiosk.blocking, "2 selected");
        assert_eq!(kiosk.timeout, "30 min");
        assert_eq!(kiosk.scope_tags, vec!["Kiosk"]);
        assert_eq!(kiosk.targets[0].label, "Kiosk Devices");
        assert_eq!(
            kiosk.targets[0].filter.as_deref(),
            Some("Include: Surface devices")
        );
        assert_eq!(kiosk.targets[1].label, "Excluded: Unknown group (gone)");
        assert!(kiosk.targets[1].excluded);
        let users = view.row("users").unwrap();
        assert_eq!(users.blocking, "All");
        assert_eq!(users.scope_tags, vec!["Default"]);
        assert_eq!(users.targets[0].label, "All users");
        let default = view.rows.last().unwrap();
        assert_eq!(default.priority.to_string(), "Default");
        assert_eq!(default.slot, None);
        assert_eq!(default.blocking, "None");
        assert_eq!(default.timeout, "No page");
        assert_eq!(default.targets[0].label, "All devices");
    }

    #[test]
    fn a_scoped_view_keeps_true_priorities_and_counts_what_it_hides() {
        let scope = AdminScope::tags([ScopeTagId::from("0")]);
        let view = ListView::of(&tenant(), &scope);
        let ids: Vec<&str> = view.rows.iter().map(|row| row.id.as_str()).collect();
        assert_eq!(ids, ["users", DefaultProfile::LOCAL_ID]);
        assert_eq!(view.rows[0].priority, Priority::Custom(2));
        assert_eq!(view.rows[0].slot, Some(0));
        assert_eq!(view.positions, vec![2]);
        assert_eq!((view.custom_count, view.hidden), (2, 1));
    }

    #[test]
    fn rows_arranged_in_a_moved_order_are_the_moved_tenants_rows() {
        let mut tenant = tenant();
        let mut third = CustomProfile::new("third", "Third ESP");
        third.scope_tags = vec![ScopeTagId::from("2")];
        tenant.add_profile(third).unwrap();
        let scope = AdminScope::tags([ScopeTagId::from("2")]);
        let view = ListView::of(&tenant, &scope);
        let mut moved = tenant.clone();
        moved.move_profile_as(&scope, 3, 1).unwrap();
        let order: Vec<(Priority, String)> = moved
            .visible_profiles(&scope)
            .into_iter()
            .map(|(priority, p)| (priority, p.id().as_str().to_owned()))
            .collect();
        assert_eq!(view.arranged(&order), ListView::of(&moved, &scope));
    }

    #[test]
    fn status_labels_count_errors_and_warnings() {
        let status = |errors, warnings| Status {
            errors,
            warnings,
            messages: Vec::new(),
        };
        assert_eq!(status(0, 0).label(), "OK");
        assert_eq!(status(0, 1).label(), "1 warning");
        assert_eq!(status(2, 0).label(), "2 errors");
        assert_eq!(status(1, 3).label(), "1 error, 3 warnings");
        let found = statuses(&tenant());
        // Kiosk: an unknown excluded group (error), the exclusion and the model filter (warnings).
        assert!(found["kiosk"].errors >= 1, "{:?}", found["kiosk"]);
        assert!(found.contains_key(DefaultProfile::LOCAL_ID));
    }

    #[test]
    fn scope_tag_choices_start_with_default() {
        let choices = scope_tag_choices(&tenant());
        assert_eq!(
            choices,
            vec![
                ("0".to_owned(), "Default".to_owned()),
                ("2".to_owned(), "Kiosk".to_owned())
            ]
        );
    }
}
