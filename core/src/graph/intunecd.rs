//! References by id or by name. IntuneCD backups strip ids and write names in their place
//! (`selectedMobileAppNames`, scope tag names in `roleScopeTagIds`, filter names in
//! `deviceAndAppManagementAssignmentFilterId`, `groupName` in targets); our own bundle writes
//! names *beside* ids so a design can move to another tenant.
//!
//! A reference resolves in this order: its id in the file or the known tenant; the name written
//! beside it; the id read as a name (IntuneCD). What stays unresolved is handled per kind:
//! - a group, a scope tag or an app written by name only is created with a local id (a group or a
//!   tag is nothing but its name; IntuneCD gives an app's type with its name);
//! - a filter is never created, because its rule is unknown: the reference is kept and
//!   validation reports `FILTER_UNKNOWN`;
//! - an id that resolves nowhere is kept as is (validation reports it).

use super::error::ImportError;
use super::import::Importer;
use super::json::{graph_type, Obj};
use super::report::{RefKind, Resolution, ResolvedName};
use super::{KEY_APP_NAMES, KEY_SCOPE_TAG_NAMES};
use crate::model::{
    App, AppId, AppKind, FilterId, Group, GroupId, ScopeTag, ScopeTagId, Tenant,
    DEFAULT_SCOPE_TAG_ID,
};
use serde_json::Value;

/// A blocking app written by name: `{"name", "type"}` (IntuneCD) or a bare string.
pub(super) struct AppName<'a> {
    name: &'a str,
    graph_type: Option<&'a str>,
}

/// The raw `selectedMobileAppIds` and `selectedMobileAppNames` of a profile.
pub(super) struct SelectedRefs<'a> {
    ids: Vec<&'a str>,
    names: Vec<Option<AppName<'a>>>,
}

impl SelectedRefs<'_> {
    /// True when the profile lists any app (*Selected*); false means *All*.
    pub(super) fn any(&self) -> bool {
        !self.ids.is_empty() || self.names.iter().any(Option::is_some)
    }
}

impl<'k> Importer<'k> {
    /// Reads the blocking-app references without resolving them.
    pub(super) fn selected_refs<'a>(&self, obj: &Obj<'a>) -> Result<SelectedRefs<'a>, ImportError> {
        let ids = obj.strings("selectedMobileAppIds")?.unwrap_or_default();
        let mut names = Vec::new();
        for (path, item) in obj.list(KEY_APP_NAMES)?.unwrap_or_default() {
            names.push(match item {
                Value::Null => None,
                Value::String(name) => Some(AppName {
                    name,
                    graph_type: None,
                }),
                Value::Object(_) => {
                    let entry = Obj::new(item, path)?;
                    let graph_type = entry.str("type")?;
                    entry.str("name")?.map(|name| AppName { name, graph_type })
                }
                other => return Err(path.error("an app name or `{\"name\", \"type\"}`", other)),
            });
        }
        Ok(SelectedRefs { ids, names })
    }

    /// Resolves the blocking apps: ids first, then the names beside them; names without ids
    /// (IntuneCD) resolve by name and type, or become apps with local ids.
    pub(super) fn resolve_selected(&mut self, refs: SelectedRefs<'_>) -> Vec<AppId> {
        let mut resolved = Vec::new();
        if refs.ids.is_empty() {
            for name in refs.names.into_iter().flatten() {
                self.report.intunecd = true;
                resolved.push(self.app_by_name_or_create(&name));
            }
            return resolved;
        }
        let mut names = refs.names.into_iter();
        for id in refs.ids {
            let name = names.next().flatten();
            let id = AppId::from(id);
            if self.knows_app(id.as_str()) {
                resolved.push(id);
                continue;
            }
            let by_name = name.as_ref().and_then(|n| {
                self.find_map(|t| t.app_by_name(n.name, n.graph_type).map(|a| a.id.clone()))
            });
            match (by_name, name) {
                (Some(found), Some(name)) => {
                    self.note(RefKind::App, name.name, found.as_str(), Resolution::Matched);
                    resolved.push(found);
                }
                _ => resolved.push(id),
            }
        }
        resolved
    }

    fn app_by_name_or_create(&mut self, name: &AppName<'_>) -> AppId {
        if let Some(id) = self.find_map(|t| {
            t.app_by_name(name.name, name.graph_type)
                .map(|a| a.id.clone())
        }) {
            self.note(RefKind::App, name.name, id.as_str(), Resolution::Matched);
            return id;
        }
        let id = AppId::from(self.fresh("app"));
        self.tenant.apps.push(App {
            id: id.clone(),
            display_name: name.name.to_owned(),
            kind: AppKind::from_graph_type(graph_type(name.graph_type.unwrap_or_default())),
            assignments: Vec::new(),
        });
        self.report.imported.apps += 1;
        self.note(RefKind::App, name.name, id.as_str(), Resolution::Created);
        id
    }

    /// Resolves a target's `groupId`: the id when known, else the `groupName` beside it when
    /// that is known, else the id as written.
    pub(super) fn resolve_group_id(&mut self, id: &str, name: Option<&str>) -> GroupId {
        let id = GroupId::from(id);
        if self.knows_group(id.as_str()) {
            return id;
        }
        name.and_then(|n| self.group_named(n)).unwrap_or(id)
    }

    /// Resolves an IntuneCD `groupName` without id, creating the group when unknown.
    pub(super) fn resolve_group_name(&mut self, name: &str) -> GroupId {
        self.report.intunecd = true;
        if let Some(found) = self.group_named(name) {
            return found;
        }
        let id = GroupId::from(self.fresh("group"));
        self.tenant.groups.push(Group {
            id: id.clone(),
            display_name: name.to_owned(),
            member_kind: None,
        });
        self.report.imported.groups += 1;
        self.note(RefKind::Group, name, id.as_str(), Resolution::Created);
        id
    }

    fn group_named(&mut self, name: &str) -> Option<GroupId> {
        let found = self.find_map(|t| t.group_by_name(name).map(|g| g.id.clone()))?;
        self.note(RefKind::Group, name, found.as_str(), Resolution::Matched);
        Some(found)
    }

    /// Resolves a target's filter: its id, else the name beside it, else the id read as a name
    /// (IntuneCD). Unresolved, the reference is kept.
    pub(super) fn resolve_filter(&mut self, id: Option<&str>, name: Option<&str>) -> FilterId {
        if let Some(id) = id {
            let filter = FilterId::from(id);
            if self.knows_filter(filter.as_str()) {
                return filter;
            }
        }
        for (candidate, intunecd) in [(name, false), (id, true)] {
            let Some(candidate) = candidate else { continue };
            if let Some(found) =
                self.find_map(|t| t.filter_by_name(candidate).map(|f| f.id.clone()))
            {
                self.report.intunecd |= intunecd;
                self.note(
                    RefKind::Filter,
                    candidate,
                    found.as_str(),
                    Resolution::Matched,
                );
                return found;
            }
        }
        let kept = id.or(name).unwrap_or_default();
        self.note(
            RefKind::Filter,
            name.unwrap_or(kept),
            kept,
            Resolution::Unresolved,
        );
        FilterId::from(kept)
    }

    /// Resolves `roleScopeTagIds` (ids, or names in IntuneCD backups, with our
    /// `roleScopeTagNames` beside them). A lone *Default* becomes "none chosen", which Intune
    /// stores as *Default* again.
    pub(super) fn profile_scope_tags(
        &mut self,
        obj: &Obj<'_>,
        created_by_name: bool,
    ) -> Result<Vec<ScopeTagId>, ImportError> {
        let written = obj.strings("roleScopeTagIds")?.unwrap_or_default();
        let names = obj.optional_strings(KEY_SCOPE_TAG_NAMES)?;
        let mut tags = Vec::new();
        for (i, written) in written.into_iter().enumerate() {
            let id = ScopeTagId::from(written);
            let known = id.as_str() == DEFAULT_SCOPE_TAG_ID
                || self.find(|t| t.scope_tags.iter().any(|tag| tag.id == id));
            let resolved = if known {
                id
            } else if let Some(found) = names
                .get(i)
                .copied()
                .flatten()
                .and_then(|n| self.tag_named(n, false))
            {
                found
            } else if let Some(found) = self.tag_named(written, true) {
                found
            } else if created_by_name {
                self.report.intunecd = true;
                let id = ScopeTagId::from(self.fresh("tag"));
                self.tenant.scope_tags.push(ScopeTag {
                    id: id.clone(),
                    display_name: written.to_owned(),
                });
                self.report.imported.scope_tags += 1;
                self.note(RefKind::ScopeTag, written, id.as_str(), Resolution::Created);
                id
            } else {
                id
            };
            tags.push(resolved);
        }
        if tags.len() == 1 && tags.iter().all(|t| t.as_str() == DEFAULT_SCOPE_TAG_ID) {
            tags.clear();
        }
        Ok(tags)
    }

    fn tag_named(&mut self, name: &str, intunecd: bool) -> Option<ScopeTagId> {
        let found = self.find_map(|t| t.scope_tag_by_name(name))?;
        self.report.intunecd |= intunecd;
        self.note(RefKind::ScopeTag, name, found.as_str(), Resolution::Matched);
        Some(found)
    }

    /// True when the file's objects or the known tenant's satisfy `test`.
    fn find(&self, test: impl Fn(&Tenant) -> bool) -> bool {
        test(&self.tenant) || self.known.is_some_and(test)
    }

    fn find_map<T>(&self, get: impl Fn(&Tenant) -> Option<T>) -> Option<T> {
        get(&self.tenant).or_else(|| self.known.and_then(get))
    }

    fn note(&mut self, kind: RefKind, name: &str, id: &str, resolution: Resolution) {
        self.report.resolved_names.push(ResolvedName {
            kind,
            name: name.to_owned(),
            id: id.to_owned(),
            resolution,
        });
    }
}
