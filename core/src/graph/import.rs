//! Graph JSON in, a tenant out: a single ESP object, a list response, or a tenant bundle.
//!
//! The JSON is parsed to `serde_json::Value` first and walked with its path, so every error names
//! where it is and what was expected. Unknown fields and OData annotations are ignored. Either the
//! whole file imports or nothing does: the entry points return the tenant only when every object
//! was read.
//!
//! The quirks handled here (DOMAIN §1.2, §5): `blockDeviceSetupRetryByUser` is inverted; the OOBE
//! toggle is two flags (the first wins, `OOBE_FLAGS_DIFFER` when they disagree); a timeout of `0`
//! or none means 60; an empty or null `customErrorMessage` means the default text; the default
//! profile is the one whose id ends in `_DefaultWindows10EnrollmentCompletionPageConfiguration` or
//! whose priority is 0; hidden settings are dropped (and reported when they held a value).
//! References written by name (IntuneCD) are resolved in `intunecd`.

use super::encoding::{decode, Encoding};
use super::error::ImportError;
use super::json::{graph_type, items, Obj, Path};
use super::kind::{self, ObjectKind};
use super::report::{ImportReport, Layout};
use super::seen::Seen;
use super::{ESP_TYPE, KEY_APPS, KEY_CONFIGURATIONS, KEY_FILTERS, KEY_GROUPS, KEY_SCOPE_TAGS};
use crate::model::{
    fresh_id, App, AppAssignment, AppId, AppKind, AppliedFilter, Assignment, AssignmentFilter,
    Block, BlockSettings, BlockingApps, CustomMessage, CustomProfile, DefaultProfile, FilterId,
    FilterMode, Group, GroupId, Intent, MemberKind, PageSettings, ProfileId, Progress, RunAs,
    ScopeTag, ScopeTagId, SelectedApps, Target, Tenant, DEFAULT_SCOPE_TAG_ID,
    DEFAULT_TIMEOUT_MINUTES, LOCAL_ID_PREFIX, WINDOWS_FILTER_PLATFORM,
};
use serde_json::Value;
use std::collections::BTreeSet;

/// A tenant read from a file, and the report of what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The tenant the file describes.
    pub tenant: Tenant,
    /// What was imported, skipped, resolved and worth a warning.
    pub report: ImportReport,
}

/// Imports a file's bytes (UTF-8 with or without BOM, UTF-16 with BOM).
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_bytes_with(bytes, None)
}

/// Imports a file's bytes, resolving names (IntuneCD) against `known` as well as the file: the
/// result refers to `known`'s objects by their ids, ready for `known.merge(imported)`.
pub fn import_bytes_for(bytes: &[u8], known: &Tenant) -> Result<Imported, ImportError> {
    import_bytes_with(bytes, Some(known))
}

/// Imports JSON text.
pub fn import_str(text: &str) -> Result<Imported, ImportError> {
    import_text(text, Encoding::Utf8, None)
}

/// Imports parsed JSON.
pub fn import_value(value: &Value) -> Result<Imported, ImportError> {
    import_parsed(value, Encoding::Utf8, None)
}

fn import_bytes_with(bytes: &[u8], known: Option<&Tenant>) -> Result<Imported, ImportError> {
    let (text, encoding) = decode(bytes)?;
    import_text(&text, encoding, known)
}

fn import_text(
    text: &str,
    encoding: Encoding,
    known: Option<&Tenant>,
) -> Result<Imported, ImportError> {
    let value: Value = serde_json::from_str(text)?;
    import_parsed(&value, encoding, known)
}

pub(crate) fn import_parsed(
    value: &Value,
    encoding: Encoding,
    known: Option<&Tenant>,
) -> Result<Imported, ImportError> {
    let mut importer = Importer::new(known);
    importer.report.encoding = encoding;
    importer.add_document(value)?;
    Ok(importer.finish())
}

/// The import state: the tenant being built, the report, and the ids already taken. The entry
/// points above drive it over a whole document; tests and tools can feed it single objects.
pub struct Importer<'k> {
    pub(super) known: Option<&'k Tenant>,
    pub(super) tenant: Tenant,
    pub(super) report: ImportReport,
    taken: BTreeSet<String>,
    customs: Vec<(Option<u32>, CustomProfile)>,
    seen: Seen,
}

impl<'k> Importer<'k> {
    /// A fresh import; `known` is a tenant whose objects names may resolve to.
    pub fn new(known: Option<&'k Tenant>) -> Self {
        Importer {
            known,
            tenant: Tenant::default(),
            report: ImportReport::default(),
            taken: BTreeSet::new(),
            customs: Vec::new(),
            seen: Seen::default(),
        }
    }

    /// The tenant and report so far, with custom profiles in the file's priority order.
    pub fn finish(mut self) -> Imported {
        let mut customs = std::mem::take(&mut self.customs);
        let given: Vec<Option<u32>> = customs.iter().map(|(p, _)| *p).collect();
        // Stable sort: profiles without priority keep file order, after those with one.
        customs.sort_by_key(|(priority, _)| priority.unwrap_or(u32::MAX));
        let contiguous = given
            .iter()
            .zip(1u32..)
            .all(|(given, expected)| *given == Some(expected));
        if !contiguous && customs.len() > 1 {
            self.report.warn(
                "PRIORITIES_RENUMBERED",
                Path::root(),
                format!(
                    "the file's custom profiles are not numbered 1 to {} in order; they keep \
                     their relative order and are renumbered 1 to {}",
                    customs.len(),
                    customs.len()
                ),
            );
        }
        let count = customs.len();
        for (_, profile) in customs {
            self.tenant.push_custom(profile);
        }
        self.report.imported.profiles = count + usize::from(self.report.default_profile_found);
        if count > crate::model::MAX_CUSTOM_PROFILES {
            self.report.warn(
                "PROFILE_CAP",
                Path::root(),
                format!("the file has {count} custom profiles; a tenant can hold at most 50"),
            );
        }
        Imported {
            tenant: self.tenant,
            report: self.report,
        }
    }

    /// Reserves every string of what is being read that looks like a local id, so local ids
    /// never collide with one of its ids or references. Only those can: a local id always
    /// starts with [`LOCAL_ID_PREFIX`] (keeping every other string cost a large tenant's
    /// start-up tens of milliseconds).
    fn reserve_ids_in(&mut self, value: &Value) {
        match value {
            Value::String(s) if s.starts_with(LOCAL_ID_PREFIX) => {
                self.taken.insert(s.clone());
            }
            Value::Array(items) => items.iter().for_each(|v| self.reserve_ids_in(v)),
            Value::Object(map) => map.values().for_each(|v| self.reserve_ids_in(v)),
            _ => {}
        }
    }

    /// A local id nobody uses: not in the file, not in the known tenant, not made before.
    pub(super) fn fresh(&mut self, kind: &str) -> String {
        let known = self.known;
        let id = fresh_id(kind, |id| {
            self.taken.contains(id)
                || self.tenant.uses_id(id)
                || known.is_some_and(|k| k.uses_id(id))
        });
        self.taken.insert(id.clone());
        id
    }

    /// Whether a group read so far has this id.
    pub(super) fn has_group(&mut self, id: &str) -> bool {
        self.seen
            .groups
            .contains(&self.tenant.groups, |g| g.id.as_str(), id)
    }

    /// Whether an app read so far has this id.
    pub(super) fn has_app(&mut self, id: &str) -> bool {
        self.seen
            .apps
            .contains(&self.tenant.apps, |a| a.id.as_str(), id)
    }

    /// Whether a filter read so far has this id.
    pub(super) fn has_filter(&mut self, id: &str) -> bool {
        self.seen
            .filters
            .contains(&self.tenant.filters, |f| f.id.as_str(), id)
    }

    /// Whether a group read so far, or one of the known tenant, has this id.
    pub(super) fn knows_group(&mut self, id: &str) -> bool {
        let known = self.known;
        self.has_group(id)
            || known.is_some_and(|k| {
                self.seen
                    .known_groups
                    .contains(&k.groups, |g| g.id.as_str(), id)
            })
    }

    /// Whether an app read so far, or one of the known tenant, has this id.
    pub(super) fn knows_app(&mut self, id: &str) -> bool {
        let known = self.known;
        self.has_app(id)
            || known.is_some_and(|k| {
                self.seen
                    .known_apps
                    .contains(&k.apps, |a| a.id.as_str(), id)
            })
    }

    /// Whether a filter read so far, or one of the known tenant, has this id.
    pub(super) fn knows_filter(&mut self, id: &str) -> bool {
        let known = self.known;
        self.has_filter(id)
            || known.is_some_and(|k| {
                self.seen
                    .known_filters
                    .contains(&k.filters, |f| f.id.as_str(), id)
            })
    }

    /// The tenant read so far (custom profiles are added by [`Importer::finish`]).
    pub fn tenant(&self) -> &Tenant {
        &self.tenant
    }

    /// The report so far: what was skipped and why.
    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    /// Reads one `deviceEnrollmentConfiguration` object: an ESP profile is kept, any other type
    /// is skipped and reported.
    pub fn add_configuration(&mut self, value: &Value) -> Result<(), ImportError> {
        self.reserve_ids_in(value);
        self.read_configuration(value, Path::root())
    }

    /// Reads one `mobileApp`; `None` when it is not an app (the reason is in the report).
    pub fn add_app(&mut self, value: &Value) -> Result<Option<AppId>, ImportError> {
        self.reserve_ids_in(value);
        self.read_app(&Obj::new(value, Path::root())?)
    }

    /// Reads one group.
    pub fn add_group(&mut self, value: &Value) -> Result<Option<GroupId>, ImportError> {
        self.reserve_ids_in(value);
        self.read_group(&Obj::new(value, Path::root())?)
    }

    /// Reads one assignment filter; `None` when it is not a Windows filter (reason in the report).
    pub fn add_filter(&mut self, value: &Value) -> Result<Option<FilterId>, ImportError> {
        self.reserve_ids_in(value);
        self.read_filter(&Obj::new(value, Path::root())?)
    }

    /// Reads one role scope tag.
    pub fn add_scope_tag(&mut self, value: &Value) -> Result<Option<ScopeTagId>, ImportError> {
        self.reserve_ids_in(value);
        self.read_scope_tag(&Obj::new(value, Path::root())?)
    }

    /// Reads one profile assignment (any assignment object with a `target`); `None` when its
    /// target is not one ESP uses (the reason is in the report).
    pub fn profile_assignment(&mut self, value: &Value) -> Result<Option<Assignment>, ImportError> {
        self.reserve_ids_in(value);
        self.read_profile_assignment(value, Path::root())
    }

    /// Reads one `mobileAppAssignment` of an app of `kind`; `None` when its intent or target is
    /// not one we read (the reason is in the report).
    pub fn app_assignment(
        &mut self,
        value: &Value,
        kind: &AppKind,
    ) -> Result<Option<AppAssignment>, ImportError> {
        self.reserve_ids_in(value);
        self.read_app_assignment(value, Path::root(), kind)
    }

    /// The object's `id`, or a fresh local one (`local-{prefix}-n`) when it has none; `None`
    /// (reported as skipped) when an earlier object of the same kind has that id.
    fn claim_id(
        &mut self,
        obj: &Obj<'_>,
        (kind, noun): (&str, &str),
        prefix: &str,
        name: Option<&str>,
        taken: impl Fn(&mut Self, &str) -> bool,
    ) -> Result<Option<String>, ImportError> {
        match obj.str("id")? {
            Some(id) if taken(self, id) => {
                let reason = format!("another {noun} in the file has the id `{id}`");
                self.report.skip(&obj.path, kind, name, reason);
                Ok(None)
            }
            Some(id) => Ok(Some(id.to_owned())),
            None => Ok(Some(self.fresh(prefix))),
        }
    }

    /// Reads a whole document: a bundle, a list response, a bare list, or one object.
    pub fn add_document(&mut self, value: &Value) -> Result<(), ImportError> {
        self.reserve_ids_in(value);
        let root = Path::root();
        match value {
            Value::Object(map) if kind::is_bundle(map) => {
                self.report.layout = Layout::Bundle;
                self.add_bundle(&Obj::new(value, root)?)
            }
            Value::Object(map) => match (map.get("value"), kind::wrapped_list(map)) {
                (Some(list @ Value::Array(_)), _) => {
                    self.report.layout = Layout::List;
                    self.add_objects(list, root.key("value"))
                }
                (Some(single @ Value::Object(_)), _) => self.read_object(single, root.key("value")),
                (_, Some((key, list))) => {
                    self.report.layout = Layout::List;
                    self.add_objects(list, root.key(key))
                }
                _ => self.read_object(value, root),
            },
            Value::Array(_) => {
                self.report.layout = Layout::List;
                self.add_objects(value, root)
            }
            other => Err(root.error(
                "an ESP profile, a list of enrollment configurations or a tenant bundle (a JSON object)",
                other,
            )),
        }
    }

    fn add_bundle(&mut self, bundle: &Obj<'_>) -> Result<(), ImportError> {
        // Referenced kinds first, so profiles and apps can resolve names against them.
        for (path, item) in bundle.list(KEY_SCOPE_TAGS)?.unwrap_or_default() {
            self.read_scope_tag(&Obj::new(item, path)?)?;
        }
        for (path, item) in bundle.list(KEY_GROUPS)?.unwrap_or_default() {
            self.read_group(&Obj::new(item, path)?)?;
        }
        for (path, item) in bundle.list(KEY_FILTERS)?.unwrap_or_default() {
            self.read_filter(&Obj::new(item, path)?)?;
        }
        for (path, item) in bundle.list(KEY_APPS)?.unwrap_or_default() {
            self.read_app(&Obj::new(item, path)?)?;
        }
        if let Some(configurations) = bundle.get(KEY_CONFIGURATIONS) {
            self.add_configurations(configurations, bundle.at(KEY_CONFIGURATIONS))?;
        }
        Ok(())
    }

    /// Reads the objects of a list response (or a bare list), each by its kind.
    fn add_objects(&mut self, list: &Value, path: Path) -> Result<(), ImportError> {
        for (path, item) in items(list, path)? {
            self.read_object(item, path)?;
        }
        Ok(())
    }

    /// Reads one object of a list or a single-object file by its kind (`kind::classify`): apps,
    /// filters, scope tags and groups join the catalog, assignments on their own are skipped,
    /// and the rest is read as an enrollment configuration.
    fn read_object(&mut self, value: &Value, path: Path) -> Result<(), ImportError> {
        let obj = Obj::new(value, path)?;
        match kind::classify(obj.map) {
            ObjectKind::App => self.read_app(&obj).map(drop),
            ObjectKind::Filter => self.read_filter(&obj).map(drop),
            ObjectKind::ScopeTag => self.read_scope_tag(&obj).map(drop),
            ObjectKind::Group => self.read_group(&obj).map(drop),
            ObjectKind::Assignment => {
                let label = obj.str("@odata.type")?.map_or("assignment", graph_type);
                self.report.skip(
                    &obj.path,
                    label,
                    None,
                    "an assignment on its own: import the profile or app it belongs to, with its \
                     `assignments`"
                        .into(),
                );
                Ok(())
            }
            ObjectKind::Unknown if !obj.has("@odata.type") && !obj.has("displayName") => {
                self.report.skip(
                    &obj.path,
                    "item",
                    None,
                    "not an Intune object: it has no `@odata.type` or `displayName`, and is not \
                     shaped like a profile, app, filter, scope tag or group"
                        .into(),
                );
                Ok(())
            }
            ObjectKind::Configuration | ObjectKind::Unknown => {
                self.read_configuration(value, obj.path)
            }
        }
    }

    fn add_configurations(&mut self, list: &Value, path: Path) -> Result<(), ImportError> {
        for (path, item) in items(list, path)? {
            self.read_configuration(item, path)?;
        }
        Ok(())
    }

    /// Reads one `deviceEnrollmentConfiguration`: an ESP profile is imported, any other type is
    /// skipped and reported.
    fn read_configuration(&mut self, value: &Value, path: Path) -> Result<(), ImportError> {
        let obj = Obj::new(value, path)?;
        let odata = obj.str("@odata.type")?;
        let kind = obj.str("deviceEnrollmentConfigurationType")?;
        let is_esp = match (odata, kind) {
            (Some(t), _) => graph_type(t).eq_ignore_ascii_case(ESP_TYPE),
            (None, Some(k)) => k
                .to_ascii_lowercase()
                .ends_with(&ESP_TYPE.to_ascii_lowercase()),
            (None, None) => obj.has("showInstallationProgress"),
        };
        if is_esp {
            return self.esp_profile(&obj);
        }
        let label = odata.map(graph_type).or(kind).unwrap_or("item");
        self.report.skip(
            &obj.path,
            label,
            obj.str("displayName")?,
            format!("not an ESP profile (`{label}`)"),
        );
        Ok(())
    }

    fn esp_profile(&mut self, obj: &Obj<'_>) -> Result<(), ImportError> {
        let id = obj.str("id")?;
        let priority = obj.whole("priority")?;
        let name = obj.str("displayName")?;
        let is_default = id.is_some_and(|id| {
            id.to_ascii_lowercase()
                .ends_with(&DefaultProfile::ID_SUFFIX.to_ascii_lowercase())
        }) || priority == Some(0)
            || obj
                .str("deviceEnrollmentConfigurationType")?
                .is_some_and(|k| {
                    k.eq_ignore_ascii_case("defaultWindows10EnrollmentCompletionPageConfiguration")
                });
        // Refuse a duplicate before reading further, so a skipped profile leaves no trace.
        if is_default && self.report.default_profile_found {
            let reason = "a second default profile; the first one in the file is kept";
            self.report.skip(&obj.path, ESP_TYPE, name, reason.into());
            return Ok(());
        }
        let taken = |me: &mut Self, id: &str| {
            me.tenant.profile(&ProfileId::from(id)).is_some()
                || me.customs.iter().any(|(_, p)| p.id.as_str() == id)
        };
        let custom_id = if is_default {
            None
        } else {
            let claimed = self.claim_id(obj, (ESP_TYPE, "ESP profile"), "esp", name, taken)?;
            let Some(id) = claimed else {
                return Ok(());
            };
            Some(id)
        };
        let settings = self.settings(obj)?;
        let assignments = self.profile_assignments(obj)?;
        let Some(id) = custom_id else {
            return self.default_profile(obj, id, name, settings, &assignments);
        };
        let scope_tags = self.profile_scope_tags(obj, obj.str("id")?.is_none())?;
        self.customs.push((
            priority,
            CustomProfile {
                id: ProfileId::from(id),
                name: name.unwrap_or_default().to_owned(),
                description: obj.str("description")?.unwrap_or_default().to_owned(),
                settings,
                assignments,
                scope_tags,
            },
        ));
        Ok(())
    }

    fn default_profile(
        &mut self,
        obj: &Obj<'_>,
        id: Option<&str>,
        name: Option<&str>,
        settings: Progress,
        assignments: &[Assignment],
    ) -> Result<(), ImportError> {
        self.report.default_profile_found = true;
        let fixed = [Assignment::new(Target::AllDevices)];
        let renamed = name.is_some_and(|n| n != DefaultProfile::NAME);
        if renamed || (!assignments.is_empty() && assignments != fixed) {
            self.report.warn(
                "DEFAULT_PROFILE_FIXED",
                &obj.path,
                format!(
                    "'{}' is read as the default profile (priority 0 or a default id); its name \
                     and assignments are fixed (All users and all devices, All devices), so \
                     those in the file are not kept",
                    name.unwrap_or(DefaultProfile::NAME)
                ),
            );
        }
        let id = match id {
            Some(id) => id.to_owned(),
            None => DefaultProfile::LOCAL_ID.to_owned(),
        };
        *self.tenant.default_profile_mut() = DefaultProfile {
            id: ProfileId::from(id),
            settings,
        };
        Ok(())
    }

    /// The settings tree from Graph's flat properties (DOMAIN §1.2).
    fn settings(&mut self, obj: &Obj<'_>) -> Result<Progress, ImportError> {
        let flag = |key: &str| obj.bool(key).map(|b| b.unwrap_or(false));
        let show = flag("showInstallationProgress")?;
        let block_flag = obj.bool("blockDeviceSetupRetryByUser")?;
        let block_yes = block_flag != Some(true); // inverted: false (Graph's default) ⇔ Yes
        let reset = flag("allowDeviceResetOnInstallFailure")?;
        let use_on_error = flag("allowDeviceUseOnInstallFailure")?;
        let log_collection = flag("allowLogCollectionOnInstallFailure")?;
        let technician = flag("allowNonBlockingAppInstallation")?;
        let quality_updates = flag("installQualityUpdates")?;
        let autopilot_only = obj.bool("trackInstallProgressForAutopilotOnly")?;
        let first_user_only = obj.bool("disableUserStatusTrackingAfterFirstUser")?;
        let message = obj.str("customErrorMessage")?.unwrap_or_default();
        let timeout = match obj.whole("installProgressTimeoutInMinutes")? {
            None | Some(0) => DEFAULT_TIMEOUT_MINUTES,
            Some(minutes) => minutes,
        };
        let refs = self.selected_refs(obj)?;
        let apps_listed = refs.any();

        // Hidden settings keep no effect; say so when one held a value.
        let mut hidden: Vec<&str> = Vec::new();
        let mut hide = |held: bool, key: &'static str| {
            if held {
                hidden.push(key);
            }
        };
        if !show {
            hide(block_flag == Some(false), "blockDeviceSetupRetryByUser");
            hide(!message.is_empty(), "customErrorMessage");
            hide(log_collection, "allowLogCollectionOnInstallFailure");
            hide(quality_updates, "installQualityUpdates");
            hide(
                autopilot_only == Some(true),
                "trackInstallProgressForAutopilotOnly",
            );
            hide(
                first_user_only == Some(true),
                "disableUserStatusTrackingAfterFirstUser",
            );
        }
        if !show || !block_yes {
            hide(reset, "allowDeviceResetOnInstallFailure");
            hide(use_on_error, "allowDeviceUseOnInstallFailure");
            hide(apps_listed, "selectedMobileAppIds");
        }
        if !show || !block_yes || !apps_listed {
            hide(technician, "allowNonBlockingAppInstallation");
        }
        if !hidden.is_empty() {
            self.report.warn(
                "HIDDEN_SETTINGS_IGNORED",
                &obj.path,
                format!(
                    "{} set, but a setting above hides {}, so {} no effect and {} not kept",
                    hidden.join(", "),
                    if hidden.len() == 1 { "it" } else { "them" },
                    if hidden.len() == 1 {
                        "it has"
                    } else {
                        "they have"
                    },
                    if hidden.len() == 1 { "is" } else { "are" },
                ),
            );
        }
        if !show {
            return Ok(Progress::Hidden);
        }

        let oobe_flags_differ =
            matches!((autopilot_only, first_user_only), (Some(a), Some(b)) if a != b);
        if oobe_flags_differ {
            self.report.warn(
                "OOBE_FLAGS_DIFFER",
                &obj.path,
                "trackInstallProgressForAutopilotOnly and disableUserStatusTrackingAfterFirstUser \
                 differ; *Only show page to devices provisioned by OOBE* shows the first, and \
                 export writes both with it"
                    .into(),
            );
        }
        let apps = if block_yes && apps_listed {
            Some(self.resolve_selected(refs))
        } else {
            None
        };
        let block = if block_yes {
            Block::Yes(BlockSettings {
                allow_reset: reset,
                allow_use: use_on_error,
                apps: match apps {
                    None => BlockingApps::All,
                    Some(ids) => BlockingApps::Selected(SelectedApps {
                        ids,
                        only_fail_selected_in_technician_phase: technician,
                    }),
                },
            })
        } else {
            Block::No
        };
        Ok(Progress::Shown(PageSettings {
            timeout_minutes: timeout,
            message: if message.is_empty() {
                CustomMessage::Default
            } else {
                CustomMessage::Custom(message.to_owned())
            },
            log_collection,
            oobe_only: autopilot_only.or(first_user_only).unwrap_or(false),
            oobe_flags_differ,
            quality_updates,
            block,
        }))
    }

    fn profile_assignments(&mut self, obj: &Obj<'_>) -> Result<Vec<Assignment>, ImportError> {
        let mut assignments = Vec::new();
        for (path, item) in obj.list("assignments")?.unwrap_or_default() {
            if let Some(assignment) = self.read_profile_assignment(item, path)? {
                assignments.push(assignment);
            }
        }
        Ok(assignments)
    }

    /// Reads one `enrollmentConfigurationAssignment` (or any assignment with a target); `None`
    /// when its target is not one ESP uses (the reason is in the report).
    pub(super) fn read_profile_assignment(
        &mut self,
        value: &Value,
        path: Path,
    ) -> Result<Option<Assignment>, ImportError> {
        let obj = Obj::new(value, path)?;
        let Some(target) = obj.obj("target")? else {
            return Err(obj.at("target").error(
                "an assignment target",
                obj.map.get("target").unwrap_or(&Value::Null),
            ));
        };
        Ok(self
            .target(&target)?
            .map(|(target, filter)| Assignment { target, filter }))
    }

    /// Reads one `mobileAppAssignment` of an app of `kind`; `None` when its intent or target is
    /// not one we read (the reason is in the report).
    fn read_app_assignment(
        &mut self,
        value: &Value,
        path: Path,
        kind: &AppKind,
    ) -> Result<Option<AppAssignment>, ImportError> {
        let obj = Obj::new(value, path)?;
        let intent_text = obj.str("intent")?.unwrap_or_default();
        let Some(intent) = Intent::from_graph(intent_text) else {
            self.report.skip(
                &obj.path,
                "assignment",
                None,
                format!("the intent `{intent_text}` is not required, available, uninstall or availableWithoutEnrollment"),
            );
            return Ok(None);
        };
        let Some(assignment) = self.read_profile_assignment(value, obj.path.clone())? else {
            return Ok(None);
        };
        let use_device_context = match obj.obj("settings")? {
            Some(settings) if kind.context_from_assignment() => {
                settings.bool("useDeviceContext")?.unwrap_or(false)
            }
            _ => false,
        };
        Ok(Some(AppAssignment {
            intent,
            target: assignment.target,
            filter: assignment.filter,
            use_device_context,
        }))
    }

    fn target(
        &mut self,
        target: &Obj<'_>,
    ) -> Result<Option<(Target, Option<AppliedFilter>)>, ImportError> {
        let odata = target.str("@odata.type")?.unwrap_or_default();
        let kind = graph_type(odata);
        let is = |name: &str| kind.eq_ignore_ascii_case(name);
        let target_value = if is("allDevicesAssignmentTarget") {
            Target::AllDevices
        } else if is("allLicensedUsersAssignmentTarget") {
            Target::AllUsers
        } else if is("groupAssignmentTarget") {
            Target::Group(self.target_group(target)?)
        } else if is("exclusionGroupAssignmentTarget") {
            Target::ExcludedGroup(self.target_group(target)?)
        } else {
            self.report.skip(
                &target.path,
                "assignment",
                None,
                format!(
                    "the target `{odata}` is not a group, All users, All devices or an excluded group"
                ),
            );
            return Ok(None);
        };
        Ok(Some((target_value, self.target_filter(target)?)))
    }

    fn target_group(&mut self, target: &Obj<'_>) -> Result<GroupId, ImportError> {
        let id = target.str("groupId")?;
        let name = target.str(super::KEY_GROUP_NAME)?;
        match (id, name) {
            (Some(id), name) => Ok(self.resolve_group_id(id, name)),
            (None, Some(name)) => Ok(self.resolve_group_name(name)),
            (None, None) => Err(target.at("groupId").error(
                "a group id (`groupId`) or, in IntuneCD backups, a group name (`groupName`)",
                &Value::Null,
            )),
        }
    }

    fn target_filter(&mut self, target: &Obj<'_>) -> Result<Option<AppliedFilter>, ImportError> {
        const KEY: &str = "deviceAndAppManagementAssignmentFilterType";
        let mode = match target.str(KEY)? {
            None => return Ok(None),
            Some(mode) if mode.eq_ignore_ascii_case("none") => return Ok(None),
            Some(mode) if mode.eq_ignore_ascii_case("include") => FilterMode::Include,
            Some(mode) if mode.eq_ignore_ascii_case("exclude") => FilterMode::Exclude,
            Some(_) => {
                let found = target.get(KEY).unwrap_or(&Value::Null);
                return Err(target
                    .at(KEY)
                    .error("`none`, `include` or `exclude`", found));
            }
        };
        let id = target
            .str("deviceAndAppManagementAssignmentFilterId")?
            .filter(|id| !id.trim().is_empty() && *id != super::ZERO_GUID);
        let name = target.str(super::KEY_FILTER_NAME)?;
        if id.is_none() && name.is_none() {
            self.report.warn(
                "FILTER_MISSING",
                &target.path,
                format!("the filter mode is `{}` but no filter is named; the assignment is kept without filter", mode.as_str()),
            );
            return Ok(None);
        }
        Ok(Some(AppliedFilter {
            id: self.resolve_filter(id, name),
            mode,
        }))
    }

    /// Reads one `mobileApp`; `None` when the object is not an app (reason in the report).
    fn read_app(&mut self, obj: &Obj<'_>) -> Result<Option<AppId>, ImportError> {
        let name = obj.str("displayName")?;
        let package = obj.get_ignore_case("packageIdentifier");
        let kind = match obj.str("@odata.type")? {
            Some(odata) => self.app_kind(obj, graph_type(odata))?,
            // Trimmed exports of Microsoft Store (new) apps drop the type but keep the package.
            None if package.is_some() => AppKind::WinGet(self.run_as(obj)?),
            None if name.is_some() => AppKind::Other(String::new()),
            None => {
                self.report.skip(
                    &obj.path,
                    "app",
                    None,
                    "not an app: it has neither `@odata.type` nor `displayName`".into(),
                );
                return Ok(None);
            }
        };
        let taken = |me: &mut Self, id: &str| me.has_app(id);
        let Some(id) = self.claim_id(obj, ("app", "app"), "app", name, taken)? else {
            return Ok(None);
        };
        let mut assignments = Vec::new();
        if let Some((key, list)) = obj.get_ignore_case("assignments") {
            for (path, item) in items(list, obj.at(key))? {
                if let Some(assignment) = self.read_app_assignment(item, path, &kind)? {
                    assignments.push(assignment);
                }
            }
        }
        let id = AppId::from(id);
        self.tenant.apps.push(App {
            id: id.clone(),
            display_name: name.unwrap_or_default().to_owned(),
            kind,
            assignments,
        });
        self.report.imported.apps += 1;
        Ok(Some(id))
    }

    fn app_kind(&mut self, obj: &Obj<'_>, name: &str) -> Result<AppKind, ImportError> {
        let is = |t: &str| name.eq_ignore_ascii_case(t);
        Ok(if is("win32LobApp") {
            AppKind::Win32Lob(self.run_as(obj)?)
        } else if is("winGetApp") {
            AppKind::WinGet(self.run_as(obj)?)
        } else if is("win32CatalogApp") {
            AppKind::Win32Catalog(self.run_as(obj)?)
        } else if is("windowsMobileMSI") {
            AppKind::WindowsMobileMsi {
                per_machine: obj.bool("useDeviceContext")?.unwrap_or(true),
            }
        } else {
            AppKind::from_graph_type(name)
        })
    }

    /// `installExperience.runAsAccount`: `system` (or missing) is device context, `user` user.
    fn run_as(&mut self, obj: &Obj<'_>) -> Result<RunAs, ImportError> {
        let Some(experience) = obj.obj("installExperience")? else {
            return Ok(RunAs::System);
        };
        match experience.str("runAsAccount")? {
            None => Ok(RunAs::System),
            Some(a) if a.eq_ignore_ascii_case("system") => Ok(RunAs::System),
            Some(a) if a.eq_ignore_ascii_case("user") => Ok(RunAs::User),
            Some(_) => Err(experience.at("runAsAccount").error(
                "`system` or `user`",
                experience.get("runAsAccount").unwrap_or(&Value::Null),
            )),
        }
    }

    /// Reads one group (`memberKind` is the bundle's own `user` / `device`).
    fn read_group(&mut self, obj: &Obj<'_>) -> Result<Option<GroupId>, ImportError> {
        let name = obj.str("displayName")?;
        let member_kind = match obj.str("memberKind")? {
            None => None,
            Some(k) if k.eq_ignore_ascii_case("user") => Some(MemberKind::User),
            Some(k) if k.eq_ignore_ascii_case("device") => Some(MemberKind::Device),
            Some(_) => {
                let found = obj.get("memberKind").unwrap_or(&Value::Null);
                return Err(obj.at("memberKind").error("`user` or `device`", found));
            }
        };
        let taken = |me: &mut Self, id: &str| me.has_group(id);
        let Some(id) = self.claim_id(obj, ("group", "group"), "group", name, taken)? else {
            return Ok(None);
        };
        let id = GroupId::from(id);
        self.tenant.groups.push(Group {
            id: id.clone(),
            display_name: name.unwrap_or_default().to_owned(),
            member_kind,
        });
        self.report.imported.groups += 1;
        Ok(Some(id))
    }

    /// Reads one assignment filter; `None` when it is not a Windows filter (reason in the report).
    fn read_filter(&mut self, obj: &Obj<'_>) -> Result<Option<FilterId>, ImportError> {
        let name = obj.str("displayName")?;
        let platform = obj.str("platform")?.unwrap_or(WINDOWS_FILTER_PLATFORM);
        let Some(rule) = obj.str("rule")? else {
            return Err(obj.at("rule").error(
                "the filter's rule (a string)",
                obj.map.get("rule").unwrap_or(&Value::Null),
            ));
        };
        if !platform.eq_ignore_ascii_case(WINDOWS_FILTER_PLATFORM) {
            self.report.skip(
                &obj.path,
                "filter",
                name,
                format!("a filter for `{platform}` devices; ESP uses only Windows (`{WINDOWS_FILTER_PLATFORM}`) filters"),
            );
            return Ok(None);
        }
        let taken = |me: &mut Self, id: &str| me.has_filter(id);
        let Some(id) = self.claim_id(obj, ("filter", "filter"), "filter", name, taken)? else {
            return Ok(None);
        };
        let id = FilterId::from(id);
        self.tenant.filters.push(AssignmentFilter {
            id: id.clone(),
            display_name: name.unwrap_or_default().to_owned(),
            platform: platform.to_owned(),
            rule: rule.to_owned(),
        });
        self.report.imported.filters += 1;
        Ok(Some(id))
    }

    /// Reads one role scope tag.
    fn read_scope_tag(&mut self, obj: &Obj<'_>) -> Result<Option<ScopeTagId>, ImportError> {
        let name = obj.str("displayName")?;
        // IntuneCD writes the built-in tag without id, by its name.
        let builtin = obj.str("id")?.is_none()
            && name
                .is_some_and(|n| crate::model::same_name(n, crate::model::DEFAULT_SCOPE_TAG_NAME));
        let taken =
            |me: &mut Self, id: &str| me.tenant.scope_tags.iter().any(|t| t.id.as_str() == id);
        let id = if builtin {
            DEFAULT_SCOPE_TAG_ID.to_owned()
        } else {
            let claimed = self.claim_id(obj, ("scope tag", "scope tag"), "tag", name, taken)?;
            let Some(id) = claimed else {
                return Ok(None);
            };
            id
        };
        let id = ScopeTagId::from(id);
        self.tenant.scope_tags.push(ScopeTag {
            id: id.clone(),
            display_name: name.unwrap_or_default().to_owned(),
        });
        self.report.imported.scope_tags += 1;
        Ok(Some(id))
    }
}
