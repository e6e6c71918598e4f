//! The tenant's catalog (groups, apps, assignment filters, scope tags): adding and editing its
//! objects, which profiles and apps use each one, and deleting one with every reference to it.
//!
//! # Decisions where DOMAIN.md is silent
//! - **Names** are required (trimmed) and unique within their kind, case-insensitively: merge and
//!   IntuneCD backups find objects by name, so two objects of one name would be ambiguous.
//! - A **filter** is saved only when its rule parses; its platform stays as imported (new filters
//!   are Windows filters).
//! - The built-in **Default** scope tag (id `"0"`) cannot be renamed or deleted.
//! - **Deleting** removes every reference, as Intune does when the object goes away: assignment
//!   rows naming a deleted group (of profiles and apps), a deleted app from every *Selected*
//!   blocking-app list, a deleted filter from the rows that used it (the rows stay, unfiltered), a
//!   deleted tag from every profile. [`Tenant::usage`] says beforehand what will change, so the UI
//!   can ask first; the workspace's undo brings it all back.

use crate::filter::{self, ParseError};
use crate::model::{
    same_name, App, AppId, AppliedFilter, AssignmentFilter, Block, BlockingApps, FilterId, Group,
    GroupId, ProfileId, Progress, ScopeTag, ScopeTagId, Tenant, DEFAULT_SCOPE_TAG_ID,
};
use thiserror::Error;

/// The four kinds of catalog object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogKind {
    /// Entra groups.
    Group,
    /// Apps.
    App,
    /// Assignment filters.
    Filter,
    /// Role scope tags.
    ScopeTag,
}

impl CatalogKind {
    /// The prefix of the local ids the designer gives objects of this kind (`local-group-1`),
    /// the same as import uses.
    pub fn id_prefix(self) -> &'static str {
        match self {
            CatalogKind::Group => "group",
            CatalogKind::App => "app",
            CatalogKind::Filter => "filter",
            CatalogKind::ScopeTag => "tag",
        }
    }

    /// The word for one object of this kind, as a sentence uses it.
    pub fn noun(self) -> &'static str {
        match self {
            CatalogKind::Group => "group",
            CatalogKind::App => "app",
            CatalogKind::Filter => "filter",
            CatalogKind::ScopeTag => "scope tag",
        }
    }
}

/// One catalog object, by kind and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogRef {
    /// A group.
    Group(GroupId),
    /// An app.
    App(AppId),
    /// A filter.
    Filter(FilterId),
    /// A scope tag.
    ScopeTag(ScopeTagId),
}

impl CatalogRef {
    /// Its kind.
    pub fn kind(&self) -> CatalogKind {
        match self {
            CatalogRef::Group(_) => CatalogKind::Group,
            CatalogRef::App(_) => CatalogKind::App,
            CatalogRef::Filter(_) => CatalogKind::Filter,
            CatalogRef::ScopeTag(_) => CatalogKind::ScopeTag,
        }
    }

    /// Its id as written.
    pub fn id(&self) -> &str {
        match self {
            CatalogRef::Group(id) => id.as_str(),
            CatalogRef::App(id) => id.as_str(),
            CatalogRef::Filter(id) => id.as_str(),
            CatalogRef::ScopeTag(id) => id.as_str(),
        }
    }
}

/// Who uses a catalog object: profiles (the default included) and apps, by id and name, in
/// tenant order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Usage {
    /// Profiles that refer to it, in priority order (the default last).
    pub profiles: Vec<(ProfileId, String)>,
    /// Apps whose assignments refer to it.
    pub apps: Vec<(AppId, String)>,
}

impl Usage {
    /// True when nothing uses it.
    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty() && self.apps.is_empty()
    }
}

/// Why a catalog change was refused, in words for the admin.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogError {
    /// A blank name.
    #[error("Enter a name")]
    NameRequired,
    /// A name another object of the kind has.
    #[error("Another {noun} is already named '{name}'")]
    DuplicateName {
        /// `group`, `app`, …
        noun: &'static str,
        /// The name as typed, trimmed.
        name: String,
    },
    /// An id that names nothing of the kind.
    #[error("No {noun} has the id `{id}`")]
    Unknown {
        /// `group`, `app`, …
        noun: &'static str,
        /// The id.
        id: String,
    },
    /// An id another object of the tenant has.
    #[error("Another object already has the id `{0}`")]
    IdTaken(String),
    /// Renaming or deleting the built-in tag.
    #[error("The built-in Default scope tag cannot be renamed or deleted")]
    BuiltinScopeTag,
    /// A filter rule that does not parse.
    #[error("The rule cannot be read: {0}")]
    Rule(ParseError),
}

impl Tenant {
    /// Who uses the object (see [`Usage`]).
    pub fn usage(&self, object: &CatalogRef) -> Usage {
        let profiles = self
            .profiles()
            .filter(|(_, profile)| match object {
                CatalogRef::Group(id) => profile
                    .assignments()
                    .iter()
                    .any(|a| a.target.group() == Some(id)),
                CatalogRef::Filter(id) => profile
                    .assignments()
                    .iter()
                    .any(|a| uses_filter(a.filter.as_ref(), id)),
                CatalogRef::App(id) => selected_apps(profile.settings()).contains(id),
                CatalogRef::ScopeTag(id) => profile.scope_tags().contains(id),
            })
            .map(|(_, profile)| (profile.id().clone(), profile.name().to_owned()))
            .collect();
        let apps = self
            .apps
            .iter()
            .filter(|app| {
                app.assignments.iter().any(|a| match object {
                    CatalogRef::Group(id) => a.target.group() == Some(id),
                    CatalogRef::Filter(id) => uses_filter(a.filter.as_ref(), id),
                    CatalogRef::App(_) | CatalogRef::ScopeTag(_) => false,
                })
            })
            .map(|app| (app.id.clone(), app.display_name.clone()))
            .collect();
        Usage { profiles, apps }
    }

    /// Checks a name for an object of `kind`: required, and unique in the kind except for the
    /// object with id `except` (the one being edited). Returns the trimmed name.
    pub fn check_catalog_name<'n>(
        &self,
        kind: CatalogKind,
        name: &'n str,
        except: Option<&str>,
    ) -> Result<&'n str, CatalogError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CatalogError::NameRequired);
        }
        let others: Vec<(&str, &str)> = match kind {
            CatalogKind::Group => self
                .groups
                .iter()
                .map(|g| (g.id.as_str(), g.display_name.as_str()))
                .collect(),
            CatalogKind::App => self
                .apps
                .iter()
                .map(|a| (a.id.as_str(), a.display_name.as_str()))
                .collect(),
            CatalogKind::Filter => self
                .filters
                .iter()
                .map(|f| (f.id.as_str(), f.display_name.as_str()))
                .collect(),
            CatalogKind::ScopeTag => self
                .scope_tags
                .iter()
                .map(|t| (t.id.as_str(), t.display_name.as_str()))
                .chain(std::iter::once((
                    DEFAULT_SCOPE_TAG_ID,
                    crate::model::DEFAULT_SCOPE_TAG_NAME,
                )))
                .collect(),
        };
        let taken = others
            .iter()
            .any(|(id, other)| Some(*id) != except && same_name(other, name));
        if taken {
            return Err(CatalogError::DuplicateName {
                noun: kind.noun(),
                name: name.to_owned(),
            });
        }
        Ok(name)
    }

    /// The id for a new object of `kind`: `wanted` (trimmed) when given, which no object of the
    /// tenant may have, else a fresh local id.
    pub fn new_catalog_id(&self, kind: CatalogKind, wanted: &str) -> Result<String, CatalogError> {
        let wanted = wanted.trim();
        if wanted.is_empty() {
            Ok(self.fresh_id(kind.id_prefix()))
        } else if self.uses_id(wanted) || wanted == DEFAULT_SCOPE_TAG_ID {
            Err(CatalogError::IdTaken(wanted.to_owned()))
        } else {
            Ok(wanted.to_owned())
        }
    }

    /// Adds a group, or replaces the one with its id; the name is checked and trimmed.
    pub fn save_group(&mut self, mut group: Group) -> Result<(), CatalogError> {
        group.display_name = self
            .check_catalog_name(
                CatalogKind::Group,
                &group.display_name,
                Some(group.id.as_str()),
            )?
            .to_owned();
        upsert(&mut self.groups, group, |g| &g.id);
        Ok(())
    }

    /// Adds an app, or replaces the one with its id; the name is checked and trimmed.
    pub fn save_app(&mut self, mut app: App) -> Result<(), CatalogError> {
        app.display_name = self
            .check_catalog_name(CatalogKind::App, &app.display_name, Some(app.id.as_str()))?
            .to_owned();
        upsert(&mut self.apps, app, |a| &a.id);
        Ok(())
    }

    /// Adds a filter, or replaces the one with its id; the name is checked and the rule must
    /// parse.
    pub fn save_filter(&mut self, mut filter: AssignmentFilter) -> Result<(), CatalogError> {
        filter.display_name = self
            .check_catalog_name(
                CatalogKind::Filter,
                &filter.display_name,
                Some(filter.id.as_str()),
            )?
            .to_owned();
        filter::parse(&filter.rule).map_err(CatalogError::Rule)?;
        upsert(&mut self.filters, filter, |f| &f.id);
        Ok(())
    }

    /// Adds a scope tag, or renames the one with its id (never the built-in *Default*).
    pub fn save_scope_tag(&mut self, mut tag: ScopeTag) -> Result<(), CatalogError> {
        if tag.id.as_str() == DEFAULT_SCOPE_TAG_ID {
            return Err(CatalogError::BuiltinScopeTag);
        }
        tag.display_name = self
            .check_catalog_name(
                CatalogKind::ScopeTag,
                &tag.display_name,
                Some(tag.id.as_str()),
            )?
            .to_owned();
        upsert(&mut self.scope_tags, tag, |t| &t.id);
        Ok(())
    }

    /// Deletes a catalog object and every reference to it (see the module docs); returns who
    /// used it, as [`Tenant::usage`] said before.
    pub fn delete_catalog_object(&mut self, object: &CatalogRef) -> Result<Usage, CatalogError> {
        let unknown = || CatalogError::Unknown {
            noun: object.kind().noun(),
            id: object.id().to_owned(),
        };
        let usage = self.usage(object);
        match object {
            CatalogRef::Group(id) => {
                let before = self.groups.len();
                self.groups.retain(|g| &g.id != id);
                if self.groups.len() == before {
                    return Err(unknown());
                }
                for profile in self.custom_mut() {
                    profile.assignments.retain(|a| a.target.group() != Some(id));
                }
                for app in &mut self.apps {
                    app.assignments.retain(|a| a.target.group() != Some(id));
                }
            }
            CatalogRef::App(id) => {
                let before = self.apps.len();
                self.apps.retain(|a| &a.id != id);
                if self.apps.len() == before {
                    return Err(unknown());
                }
                unselect(&mut self.default_profile_mut().settings, id);
                for profile in self.custom_mut() {
                    unselect(&mut profile.settings, id);
                }
            }
            CatalogRef::Filter(id) => {
                let before = self.filters.len();
                self.filters.retain(|f| &f.id != id);
                if self.filters.len() == before {
                    return Err(unknown());
                }
                let clear = |filter: &mut Option<AppliedFilter>| {
                    if uses_filter(filter.as_ref(), id) {
                        *filter = None;
                    }
                };
                for profile in self.custom_mut() {
                    profile
                        .assignments
                        .iter_mut()
                        .for_each(|a| clear(&mut a.filter));
                }
                for app in &mut self.apps {
                    app.assignments
                        .iter_mut()
                        .for_each(|a| clear(&mut a.filter));
                }
            }
            CatalogRef::ScopeTag(id) => {
                if id.as_str() == DEFAULT_SCOPE_TAG_ID {
                    return Err(CatalogError::BuiltinScopeTag);
                }
                let before = self.scope_tags.len();
                self.scope_tags.retain(|t| &t.id != id);
                if self.scope_tags.len() == before {
                    return Err(unknown());
                }
                for profile in self.custom_mut() {
                    profile.scope_tags.retain(|t| t != id);
                }
            }
        }
        Ok(usage)
    }
}

fn uses_filter(filter: Option<&AppliedFilter>, id: &FilterId) -> bool {
    filter.is_some_and(|f| &f.id == id)
}

fn selected_apps(settings: &Progress) -> &[AppId] {
    settings
        .selected_apps()
        .map_or(&[], |selected| selected.ids.as_slice())
}

fn unselect(settings: &mut Progress, id: &AppId) {
    if let Some(Block::Yes(block)) = settings.page_mut().map(|page| &mut page.block) {
        if let BlockingApps::Selected(selected) = &mut block.apps {
            selected.ids.retain(|app| app != id);
        }
    }
}

/// Replaces the item with the same key, or appends it.
fn upsert<T, K: PartialEq>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> &K) {
    match list.iter_mut().find(|existing| key(existing) == key(&item)) {
        Some(existing) => *existing = item,
        None => list.push(item),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::model::{
        AppAssignment, AppKind, Assignment, BlockSettings, CustomProfile, DefaultProfile,
        FilterMode, Intent, PageSettings, RunAs, SelectedApps, Target, WINDOWS_FILTER_PLATFORM,
    };

    fn tenant() -> Tenant {
        let mut tenant = Tenant::new(DefaultProfile::default());
        tenant.groups.push(Group {
            id: GroupId::from("g1"),
            display_name: "Kiosks".into(),
            member_kind: None,
        });
        tenant.filters.push(AssignmentFilter {
            id: FilterId::from("f1"),
            display_name: "Corporate".into(),
            platform: WINDOWS_FILTER_PLATFORM.into(),
            rule: r#"(device.deviceOwnership -eq "Corporate")"#.into(),
        });
        tenant.scope_tags.push(ScopeTag {
            id: ScopeTagId::from("t1"),
            display_name: "Stores".into(),
        });
        tenant.apps.push(App {
            id: AppId::from("a1"),
            display_name: "Browser".into(),
            kind: AppKind::Win32Lob(RunAs::System),
            assignments: vec![AppAssignment {
                intent: Intent::Required,
                target: Target::Group(GroupId::from("g1")),
                filter: Some(AppliedFilter {
                    id: FilterId::from("f1"),
                    mode: FilterMode::Include,
                }),
                use_device_context: false,
            }],
        });
        let mut kiosk = CustomProfile::new("p1", "Kiosk");
        kiosk.assignments = vec![
            Assignment::filtered(
                Target::Group(GroupId::from("g1")),
                FilterId::from("f1"),
                FilterMode::Include,
            ),
            Assignment::new(Target::AllUsers),
        ];
        kiosk.scope_tags = vec![ScopeTagId::from("t1")];
        let mut page = PageSettings::new_profile();
        page.block = Block::Yes(BlockSettings {
            allow_reset: false,
            allow_use: false,
            apps: BlockingApps::Selected(SelectedApps {
                ids: vec![AppId::from("a1"), AppId::from("a2")],
                only_fail_selected_in_technician_phase: false,
            }),
        });
        kiosk.settings = Progress::Shown(page);
        tenant.add_profile(kiosk).unwrap();
        tenant
            .add_profile(CustomProfile::new("p2", "Other"))
            .unwrap();
        tenant
    }

    fn profile_names(usage: &Usage) -> Vec<&str> {
        usage.profiles.iter().map(|(_, n)| n.as_str()).collect()
    }

    #[test]
    fn usage_names_the_profiles_and_apps_that_refer_to_an_object() {
        let tenant = tenant();
        let group = tenant.usage(&CatalogRef::Group(GroupId::from("g1")));
        assert_eq!(profile_names(&group), ["Kiosk"]);
        assert_eq!(group.apps.len(), 1);
        let filter = tenant.usage(&CatalogRef::Filter(FilterId::from("f1")));
        assert_eq!(profile_names(&filter), ["Kiosk"]);
        assert_eq!(filter.apps[0].1, "Browser");
        let app = tenant.usage(&CatalogRef::App(AppId::from("a1")));
        assert_eq!(profile_names(&app), ["Kiosk"]);
        assert!(app.apps.is_empty());
        let tag = tenant.usage(&CatalogRef::ScopeTag(ScopeTagId::from("t1")));
        assert_eq!(profile_names(&tag), ["Kiosk"]);
        assert!(tenant
            .usage(&CatalogRef::Group(GroupId::from("nobody")))
            .is_empty());
    }

    #[test]
    fn deleting_removes_every_reference() {
        let mut t = tenant();
        t.delete_catalog_object(&CatalogRef::Group(GroupId::from("g1")))
            .unwrap();
        assert!(t.groups.is_empty());
        assert_eq!(
            t.custom_profiles()[0].assignments,
            [Assignment::new(Target::AllUsers)]
        );
        assert!(t.apps[0].assignments.is_empty());

        let mut t = tenant();
        t.delete_catalog_object(&CatalogRef::Filter(FilterId::from("f1")))
            .unwrap();
        assert_eq!(t.custom_profiles()[0].assignments[0].filter, None);
        assert_eq!(t.apps[0].assignments[0].filter, None);

        let mut t = tenant();
        let usage = t
            .delete_catalog_object(&CatalogRef::App(AppId::from("a1")))
            .unwrap();
        assert_eq!(profile_names(&usage), ["Kiosk"]);
        let selected = t.custom_profiles()[0].settings.selected_apps().unwrap();
        assert_eq!(selected.ids, [AppId::from("a2")]);

        let mut t = tenant();
        t.delete_catalog_object(&CatalogRef::ScopeTag(ScopeTagId::from("t1")))
            .unwrap();
        assert!(t.custom_profiles()[0].scope_tags.is_empty());
        assert!(t.scope_tags.is_empty());
    }

    #[test]
    fn deleting_what_is_not_there_or_the_builtin_tag_is_refused() {
        let mut t = tenant();
        let before = t.clone();
        assert_eq!(
            t.delete_catalog_object(&CatalogRef::Group(GroupId::from("zz")))
                .unwrap_err()
                .to_string(),
            "No group has the id `zz`"
        );
        assert_eq!(
            t.delete_catalog_object(&CatalogRef::ScopeTag(ScopeTagId::from("0"))),
            Err(CatalogError::BuiltinScopeTag)
        );
        assert_eq!(t, before);
    }

    #[test]
    fn names_are_required_trimmed_and_unique_in_their_kind() {
        let mut t = tenant();
        let group = |id: &str, name: &str| Group {
            id: GroupId::from(id),
            display_name: name.into(),
            member_kind: None,
        };
        assert_eq!(
            t.save_group(group("g2", "  ")),
            Err(CatalogError::NameRequired)
        );
        assert_eq!(
            t.save_group(group("g2", " kiosks "))
                .unwrap_err()
                .to_string(),
            "Another group is already named 'kiosks'"
        );
        // The object being edited keeps its own name; a filter may share a group's name.
        t.save_group(group("g1", " Kiosk devices ")).unwrap();
        assert_eq!(t.groups[0].display_name, "Kiosk devices");
        t.save_group(group("g2", "Corporate")).unwrap();
        assert_eq!(t.groups.len(), 2);
        assert_eq!(
            t.save_scope_tag(ScopeTag {
                id: ScopeTagId::from("t2"),
                display_name: "default".into()
            })
            .unwrap_err()
            .to_string(),
            "Another scope tag is already named 'default'"
        );
        assert_eq!(
            t.save_scope_tag(ScopeTag {
                id: ScopeTagId::from("0"),
                display_name: "Renamed".into()
            }),
            Err(CatalogError::BuiltinScopeTag)
        );
    }

    #[test]
    fn new_ids_are_given_or_fresh_and_never_taken() {
        let t = tenant();
        assert_eq!(
            t.new_catalog_id(CatalogKind::Group, " "),
            Ok("local-group-1".into())
        );
        assert_eq!(
            t.new_catalog_id(CatalogKind::ScopeTag, ""),
            Ok("local-tag-1".into())
        );
        assert_eq!(
            t.new_catalog_id(CatalogKind::App, " 7f3a "),
            Ok("7f3a".into())
        );
        for taken in ["g1", "p1", "a1", "0"] {
            assert_eq!(
                t.new_catalog_id(CatalogKind::Group, taken),
                Err(CatalogError::IdTaken(taken.into()))
            );
        }
    }

    #[test]
    fn a_filter_is_saved_only_when_its_rule_parses() {
        let mut t = tenant();
        let filter = |rule: &str| AssignmentFilter {
            id: FilterId::from("f2"),
            display_name: "Surface".into(),
            platform: WINDOWS_FILTER_PLATFORM.into(),
            rule: rule.into(),
        };
        let error = t
            .save_filter(filter("(device.model -match \"x\")"))
            .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("The rule cannot be read: expected"),
            "{error}"
        );
        t.save_filter(filter(r#"(device.model -eq "Surface")"#))
            .unwrap();
        assert_eq!(t.filters.len(), 2);
    }
}
