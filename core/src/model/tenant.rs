//! The tenant: the default profile, the custom profiles in priority order, and the objects they
//! refer to (groups, apps, filters, scope tags).
//!
//! Custom profiles are private: their position *is* their priority (index 0 = priority 1), so the
//! numbers are 1..n without gaps by construction, and only `priority` (add, move, delete,
//! duplicate) can change the order. The default profile always ranks last.

use super::app::App;
use super::assignment_filter::AssignmentFilter;
use super::group::Group;
use super::ids::{AppId, FilterId, GroupId, ProfileId, ScopeTagId};
use super::profile::{CustomProfile, DefaultProfile, Profile};
use super::scope_tag::{ScopeTag, DEFAULT_SCOPE_TAG_ID, DEFAULT_SCOPE_TAG_NAME};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a profile ranks: custom profiles 1..n (1 is the highest), the default always last.
/// Serializes as the number for custom profiles and `"default"` for the default profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Priority {
    /// A custom profile's priority, from 1.
    Custom(usize),
    /// The default profile (Graph priority 0, yet last).
    Default,
}

impl Priority {
    /// The number Graph stores: n for custom profiles, 0 for the default.
    pub fn graph_value(self) -> usize {
        match self {
            Priority::Custom(n) => n,
            Priority::Default => 0,
        }
    }
}

impl Serialize for Priority {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Priority::Custom(n) => serializer.serialize_u64(*n as u64),
            Priority::Default => serializer.serialize_str("default"),
        }
    }
}

/// Reads what `Serialize` writes: a number from 1, or `"default"` (Graph's `0` too), so results
/// that name a priority can cross a worker boundary as JSON.
impl<'de> Deserialize<'de> for Priority {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor rather than `#[serde(untagged)]`, which buffers the value and compiles a
        // second reader into the wasm (ARCHITECTURE.md "Size").
        struct PriorityVisitor;
        impl serde::de::Visitor<'_> for PriorityVisitor {
            type Value = Priority;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a priority: a number or `default`")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Priority, E> {
                match n {
                    0 => Ok(Priority::Default),
                    n => usize::try_from(n).map(Priority::Custom).map_err(E::custom),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Priority, E> {
                u64::try_from(n)
                    .map_err(|_| E::custom(format!("a priority is not negative, not `{n}`")))
                    .and_then(|n| self.visit_u64(n))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Priority, E> {
                if text.eq_ignore_ascii_case("default") {
                    Ok(Priority::Default)
                } else {
                    Err(E::custom(format!(
                        "a priority is a number or `default`, not `{text}`"
                    )))
                }
            }
        }
        deserializer.deserialize_any(PriorityVisitor)
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Priority::Custom(n) => write!(f, "{n}"),
            Priority::Default => f.write_str("Default"),
        }
    }
}

/// Everything the designer knows about one Intune tenant.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tenant {
    default_profile: DefaultProfile,
    custom: Vec<CustomProfile>,
    /// Entra groups.
    pub groups: Vec<Group>,
    /// Apps of every platform (only Windows types are tracked).
    pub apps: Vec<App>,
    /// Assignment filters.
    pub filters: Vec<AssignmentFilter>,
    /// Role scope tags (the built-in *Default*, id `"0"`, is known even when not listed).
    pub scope_tags: Vec<ScopeTag>,
}

impl Tenant {
    /// An empty tenant with this default profile.
    pub fn new(default_profile: DefaultProfile) -> Self {
        Tenant {
            default_profile,
            ..Tenant::default()
        }
    }

    /// The default profile.
    pub fn default_profile(&self) -> &DefaultProfile {
        &self.default_profile
    }

    /// The default profile, to edit its settings (its id is the only other field).
    pub fn default_profile_mut(&mut self) -> &mut DefaultProfile {
        &mut self.default_profile
    }

    /// The custom profiles, highest priority (1) first.
    pub fn custom_profiles(&self) -> &[CustomProfile] {
        &self.custom
    }

    /// A custom profile by id.
    pub fn custom_profile(&self, id: &ProfileId) -> Option<&CustomProfile> {
        self.custom.iter().find(|p| &p.id == id)
    }

    /// A custom profile by id, to edit it in place (its priority stays).
    pub fn custom_profile_mut(&mut self, id: &ProfileId) -> Option<&mut CustomProfile> {
        self.custom.iter_mut().find(|p| &p.id == id)
    }

    /// Any profile by id.
    pub fn profile(&self, id: &ProfileId) -> Option<Profile<'_>> {
        if &self.default_profile.id == id {
            Some(Profile::Default(&self.default_profile))
        } else {
            self.custom_profile(id).map(Profile::Custom)
        }
    }

    /// Every profile in the order Intune considers them: priority 1..n, then the default.
    pub fn profiles(&self) -> impl Iterator<Item = (Priority, Profile<'_>)> {
        self.custom
            .iter()
            .enumerate()
            .map(|(i, p)| (Priority::Custom(i + 1), Profile::Custom(p)))
            .chain(std::iter::once((
                Priority::Default,
                Profile::Default(&self.default_profile),
            )))
    }

    /// A profile's priority, if it is in this tenant.
    pub fn priority_of(&self, id: &ProfileId) -> Option<Priority> {
        if &self.default_profile.id == id {
            return Some(Priority::Default);
        }
        self.custom
            .iter()
            .position(|p| &p.id == id)
            .map(|i| Priority::Custom(i + 1))
    }

    /// A group by id.
    pub fn group(&self, id: &GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| &g.id == id)
    }

    /// An app by id.
    pub fn app(&self, id: &AppId) -> Option<&App> {
        self.apps.iter().find(|a| &a.id == id)
    }

    /// A filter by id.
    pub fn filter(&self, id: &FilterId) -> Option<&AssignmentFilter> {
        self.filters.iter().find(|f| &f.id == id)
    }

    /// A scope tag's name by id; the built-in *Default* is always known.
    pub fn scope_tag_name(&self, id: &ScopeTagId) -> Option<&str> {
        match self.scope_tags.iter().find(|t| &t.id == id) {
            Some(tag) => Some(&tag.display_name),
            None if id.as_str() == DEFAULT_SCOPE_TAG_ID => Some(DEFAULT_SCOPE_TAG_NAME),
            None => None,
        }
    }

    /// A group by display name (case-insensitive, first match).
    pub fn group_by_name(&self, name: &str) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| same_name(&g.display_name, name))
    }

    /// A filter by display name (case-insensitive, first match).
    pub fn filter_by_name(&self, name: &str) -> Option<&AssignmentFilter> {
        self.filters
            .iter()
            .find(|f| same_name(&f.display_name, name))
    }

    /// An app by display name (case-insensitive), preferring one of the given Graph type.
    pub fn app_by_name(&self, name: &str, graph_type: Option<&str>) -> Option<&App> {
        let mut named = self
            .apps
            .iter()
            .filter(|a| same_name(&a.display_name, name));
        let first = named.clone().next();
        match graph_type {
            Some(t) => named
                .find(|a| a.kind.graph_type().eq_ignore_ascii_case(t))
                .or(first),
            None => first,
        }
    }

    /// A scope tag id by display name (case-insensitive); *Default* is always known.
    pub fn scope_tag_by_name(&self, name: &str) -> Option<ScopeTagId> {
        match self
            .scope_tags
            .iter()
            .find(|t| same_name(&t.display_name, name))
        {
            Some(tag) => Some(tag.id.clone()),
            None if same_name(name, DEFAULT_SCOPE_TAG_NAME) => {
                Some(ScopeTagId::from(DEFAULT_SCOPE_TAG_ID))
            }
            None => None,
        }
    }

    /// True when any object of the tenant already uses this id.
    pub fn uses_id(&self, id: &str) -> bool {
        self.default_profile.id.as_str() == id
            || self.custom.iter().any(|p| p.id.as_str() == id)
            || self.groups.iter().any(|g| g.id.as_str() == id)
            || self.apps.iter().any(|a| a.id.as_str() == id)
            || self.filters.iter().any(|f| f.id.as_str() == id)
            || self.scope_tags.iter().any(|t| t.id.as_str() == id)
    }

    /// A local id (`local-{kind}-{n}`) that no object of this tenant uses yet, for objects the
    /// designer creates before Intune gives them a real id.
    pub fn fresh_id(&self, kind: &str) -> String {
        fresh_id(kind, |id| self.uses_id(id))
    }

    /// Appends a custom profile below the others without the 50-profile cap: import keeps every
    /// profile of a file and lets validation report `PROFILE_CAP`.
    pub(crate) fn push_custom(&mut self, profile: CustomProfile) {
        self.custom.push(profile);
    }

    /// The custom profiles, for the priority operations and merge, which keep them contiguous.
    pub(crate) fn custom_mut(&mut self) -> &mut Vec<CustomProfile> {
        &mut self.custom
    }
}

/// How every local id starts (`local-group-3`): an imported string without it can never collide
/// with one.
pub(crate) const LOCAL_ID_PREFIX: &str = "local-";

/// `local-{kind}-{n}` for the smallest n ≥ 1 that `taken` refuses.
pub(crate) fn fresh_id(kind: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n: u64| format!("{LOCAL_ID_PREFIX}{kind}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// Names compare as Intune compares them: trimmed, case-insensitive.
pub fn same_name(a: &str, b: &str) -> bool {
    fn lower(s: &str) -> impl Iterator<Item = char> + '_ {
        s.trim().chars().flat_map(char::to_lowercase)
    }
    lower(a).eq(lower(b))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod priority_json_tests {
    use super::Priority;

    fn read(json: &str) -> Result<Priority, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_what_it_writes_and_graphs_zero() {
        for priority in [Priority::Custom(1), Priority::Custom(50), Priority::Default] {
            let written = serde_json::to_string(&priority).unwrap();
            assert_eq!(read(&written).unwrap(), priority);
        }
        assert_eq!(read("0").unwrap(), Priority::Default);
        assert_eq!(read("\"Default\"").unwrap(), Priority::Default);
    }

    #[test]
    fn says_what_is_wrong() {
        assert!(read("\"first\"").unwrap_err().contains("not `first`"));
        assert!(read("-3").unwrap_err().contains("not negative"));
        assert!(read("true").unwrap_err().contains("a number or `default`"));
    }
}
