//! The model out to Graph: the request bodies an admin sends for one profile, and the tenant
//! bundle (with names beside ids, see the `graph` module docs).
//!
//! Hidden settings are written in their off state: `false`, `""` or `[]`, the timeout as its
//! default 60, and *Block device use* as No, which Graph stores as
//! `blockDeviceSetupRetryByUser: true` (the value Intune's own default profile carries).

use super::{
    ESP_TYPE, KEY_APPS, KEY_APP_NAMES, KEY_CONFIGURATIONS, KEY_FILTERS, KEY_FILTER_NAME,
    KEY_GROUPS, KEY_GROUP_NAME, KEY_SCOPE_TAGS, KEY_SCOPE_TAG_NAMES,
};
use crate::model::{
    App, AppKind, AppliedFilter, BlockingApps, CustomMessage, DefaultProfile, Priority, Profile,
    Progress, RunAs, Target, Tenant, DEFAULT_TIMEOUT_MINUTES,
};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

use crate::resolve::hash::FastHashBuild;

/// Graph's base URL for enrollment configurations (beta, which every ESP tool calls).
pub const CONFIGURATIONS_URL: &str =
    "https://graph.microsoft.com/beta/deviceManagement/deviceEnrollmentConfigurations";

/// One request an admin sends to Graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphRequest {
    /// `POST` or `PATCH`.
    pub method: &'static str,
    /// The URL; `{id}` stands for the id Graph gives a profile it creates.
    pub url: String,
    /// The JSON body.
    pub body: Value,
}

/// The body of `POST …/deviceEnrollmentConfigurations` for a custom profile; for the default
/// profile, which always exists, the body of `PATCH …/deviceEnrollmentConfigurations/{id}`
/// (settings only). No id and no priority: Graph assigns both.
///
/// Every body function takes the tenant, though only `set_priority_body` needs it today, so the
/// UI calls them alike.
pub fn create_body<'a>(profile: impl Into<Profile<'a>>, _tenant: &Tenant) -> Value {
    let profile = profile.into();
    let mut body = settings_body(profile.settings());
    if let Profile::Custom(custom) = profile {
        body.insert("displayName".into(), custom.name.trim().into());
        body.insert("description".into(), custom.description.as_str().into());
        body.insert(
            "roleScopeTagIds".into(),
            json!(custom.effective_scope_tags()),
        );
    }
    Value::Object(body)
}

/// The body of `POST …/deviceEnrollmentConfigurations/{id}/assign` (it replaces every
/// assignment); `None` for the default profile, which cannot be reassigned.
pub fn assign_body<'a>(profile: impl Into<Profile<'a>>, _tenant: &Tenant) -> Option<Value> {
    let Profile::Custom(custom) = profile.into() else {
        return None;
    };
    let assignments: Vec<Value> = custom
        .assignments
        .iter()
        .map(|a| json!({ "target": target(&a.target, a.filter.as_ref(), None) }))
        .collect();
    Some(json!({ "enrollmentConfigurationAssignments": assignments }))
}

/// The body of `POST …/deviceEnrollmentConfigurations/{id}/setPriority`: the profile's position
/// in `tenant` (a new profile: n+1). `None` for the default profile, which cannot be moved.
pub fn set_priority_body<'a>(profile: impl Into<Profile<'a>>, tenant: &Tenant) -> Option<Value> {
    let Profile::Custom(custom) = profile.into() else {
        return None;
    };
    let priority = match tenant.priority_of(&custom.id) {
        Some(Priority::Custom(n)) => n,
        _ => tenant.custom_profiles().len() + 1,
    };
    Some(json!({ "priority": priority }))
}

/// Every request that creates the profile as designed: create, assign, set priority; for the
/// default profile, one PATCH of its settings.
pub fn requests<'a>(profile: impl Into<Profile<'a>>, tenant: &Tenant) -> Vec<GraphRequest> {
    let profile = profile.into();
    if let Profile::Default(default) = profile {
        return vec![GraphRequest {
            method: "PATCH",
            url: format!("{CONFIGURATIONS_URL}/{}", default.id),
            body: create_body(profile, tenant),
        }];
    }
    let mut requests = vec![GraphRequest {
        method: "POST",
        url: CONFIGURATIONS_URL.to_owned(),
        body: create_body(profile, tenant),
    }];
    for (action, body) in [
        ("assign", assign_body(profile, tenant)),
        ("setPriority", set_priority_body(profile, tenant)),
    ] {
        if let Some(body) = body {
            requests.push(GraphRequest {
                method: "POST",
                url: format!("{CONFIGURATIONS_URL}/{{id}}/{action}"),
                body,
            });
        }
    }
    requests
}

/// The whole tenant as a bundle (see the `graph` module docs): what import reads back to an
/// equal tenant.
pub fn bundle(tenant: &Tenant) -> Value {
    let names = Names::of(tenant);
    let profiles: Vec<Value> = tenant
        .profiles()
        .map(|(priority, p)| bundle_profile(p, priority, tenant, &names))
        .collect();
    let groups: Vec<Value> = tenant
        .groups
        .iter()
        .map(|g| {
            let mut group = json!({
                "@odata.type": "#microsoft.graph.group",
                "id": g.id,
                "displayName": g.display_name,
            });
            if let (Some(kind), Some(map)) = (g.member_kind, group.as_object_mut()) {
                map.insert("memberKind".into(), kind.as_str().into());
            }
            group
        })
        .collect();
    let apps: Vec<Value> = tenant.apps.iter().map(|a| bundle_app(a, &names)).collect();
    let filters: Vec<Value> = tenant
        .filters
        .iter()
        .map(|f| {
            json!({
                "@odata.type": "#microsoft.graph.deviceAndAppManagementAssignmentFilter",
                "id": f.id,
                "displayName": f.display_name,
                "platform": f.platform,
                "rule": f.rule,
            })
        })
        .collect();
    let tags: Vec<Value> = tenant
        .scope_tags
        .iter()
        .map(|t| {
            json!({
                "@odata.type": "#microsoft.graph.roleScopeTag",
                "id": t.id,
                "displayName": t.display_name,
            })
        })
        .collect();
    let mut bundle = Map::new();
    bundle.insert(KEY_CONFIGURATIONS.into(), profiles.into());
    bundle.insert(KEY_GROUPS.into(), groups.into());
    bundle.insert(KEY_APPS.into(), apps.into());
    bundle.insert(KEY_FILTERS.into(), filters.into());
    bundle.insert(KEY_SCOPE_TAGS.into(), tags.into());
    Value::Object(bundle)
}

/// The names a bundle writes beside ids, found by id in one lookup each. Scanning the tenant per
/// assignment made a bundle of 5,000 groups and 2,000 apps cost 120 ms natively, and the
/// browser's autosave builds one after every change. Hashed with the resolution's fast hasher,
/// as every lookup table of the core: ids need no resistance to crafted keys.
struct Names<'t> {
    groups: HashMap<&'t str, &'t str, FastHashBuild>,
    filters: HashMap<&'t str, &'t str, FastHashBuild>,
    apps: HashMap<&'t str, &'t App, FastHashBuild>,
}

impl<'t> Names<'t> {
    fn of(tenant: &'t Tenant) -> Self {
        // Reversed so that, as with `Tenant::group`, the first of two equal ids wins.
        Names {
            groups: (tenant.groups.iter().rev())
                .map(|g| (g.id.as_str(), g.display_name.as_str()))
                .collect(),
            filters: (tenant.filters.iter().rev())
                .map(|f| (f.id.as_str(), f.display_name.as_str()))
                .collect(),
            apps: tenant
                .apps
                .iter()
                .rev()
                .map(|a| (a.id.as_str(), a))
                .collect(),
        }
    }
}

fn bundle_profile(
    profile: Profile<'_>,
    priority: Priority,
    tenant: &Tenant,
    names: &Names<'_>,
) -> Value {
    let mut body = match create_body(profile, tenant) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    body.insert("id".into(), profile.id().as_str().into());
    body.insert("priority".into(), priority.graph_value().into());
    let assignments: Vec<Value> = profile
        .assignments()
        .iter()
        .map(|a| json!({ "target": target(&a.target, a.filter.as_ref(), Some(names)) }))
        .collect();
    body.insert("assignments".into(), assignments.into());
    match profile {
        Profile::Default(_) => {
            body.insert("displayName".into(), DefaultProfile::NAME.into());
            body.insert("description".into(), DefaultProfile::DESCRIPTION.into());
            body.insert("roleScopeTagIds".into(), json!([]));
        }
        Profile::Custom(custom) => {
            // The bundle keeps the name as typed; only the request body trims it.
            body.insert("displayName".into(), custom.name.as_str().into());
            let tag_names: Vec<Value> = custom
                .effective_scope_tags()
                .iter()
                .map(|id| tenant.scope_tag_name(id).map_or(Value::Null, Value::from))
                .collect();
            body.insert(KEY_SCOPE_TAG_NAMES.into(), tag_names.into());
        }
    }
    if let Some(selected) = profile.settings().selected_apps() {
        let names: Vec<Value> = selected
            .ids
            .iter()
            .map(|id| match names.apps.get(id.as_str()) {
                Some(app) => {
                    json!({ "name": app.display_name, "type": odata_type(app.kind.graph_type()) })
                }
                None => Value::Null,
            })
            .collect();
        body.insert(KEY_APP_NAMES.into(), names.into());
    }
    Value::Object(body)
}

fn bundle_app(app: &App, names: &Names<'_>) -> Value {
    let mut body = Map::new();
    let graph_type = app.kind.graph_type();
    if !graph_type.is_empty() {
        body.insert("@odata.type".into(), odata_type(graph_type).into());
    }
    body.insert("id".into(), app.id.as_str().into());
    body.insert("displayName".into(), app.display_name.as_str().into());
    match &app.kind {
        AppKind::Win32Lob(run_as) | AppKind::WinGet(run_as) | AppKind::Win32Catalog(run_as) => {
            let account = match run_as {
                RunAs::System => "system",
                RunAs::User => "user",
            };
            body.insert(
                "installExperience".into(),
                json!({ "runAsAccount": account }),
            );
        }
        AppKind::WindowsMobileMsi { per_machine } => {
            body.insert("useDeviceContext".into(), (*per_machine).into());
        }
        _ => {}
    }
    let assignments: Vec<Value> = app
        .assignments
        .iter()
        .map(|a| {
            let mut assignment = json!({
                "@odata.type": "#microsoft.graph.mobileAppAssignment",
                "intent": a.intent.as_str(),
                "target": target(&a.target, a.filter.as_ref(), Some(names)),
            });
            if let (true, Some(map)) = (
                app.kind.context_from_assignment(),
                assignment.as_object_mut(),
            ) {
                map.insert(
                    "settings".into(),
                    json!({ "useDeviceContext": a.use_device_context }),
                );
            }
            assignment
        })
        .collect();
    body.insert("assignments".into(), assignments.into());
    Value::Object(body)
}

/// Graph's flat settings properties for a settings tree, hidden ones in their off state.
fn settings_body(settings: &Progress) -> Map<String, Value> {
    let page = settings.page();
    let block = settings.block();
    let selected = settings.selected_apps().filter(|s| !s.ids.is_empty());
    let flag = |value: Option<bool>| Value::Bool(value.unwrap_or(false));
    let mut body = Map::new();
    body.insert("@odata.type".into(), odata_type(ESP_TYPE).into());
    body.insert("showInstallationProgress".into(), page.is_some().into());
    body.insert(
        "installProgressTimeoutInMinutes".into(),
        page.map_or(DEFAULT_TIMEOUT_MINUTES, |p| p.timeout_minutes)
            .into(),
    );
    let message = match page.map(|p| &p.message) {
        Some(CustomMessage::Custom(text)) => text.as_str(),
        _ => "",
    };
    body.insert("customErrorMessage".into(), message.into());
    body.insert(
        "allowLogCollectionOnInstallFailure".into(),
        flag(page.map(|p| p.log_collection)),
    );
    for key in [
        "trackInstallProgressForAutopilotOnly",
        "disableUserStatusTrackingAfterFirstUser",
    ] {
        body.insert(key.into(), flag(page.map(|p| p.oobe_only)));
    }
    body.insert(
        "installQualityUpdates".into(),
        flag(page.map(|p| p.quality_updates)),
    );
    // Inverted: Block device use = Yes is `false`.
    body.insert(
        "blockDeviceSetupRetryByUser".into(),
        Value::Bool(block.is_none()),
    );
    body.insert(
        "allowDeviceResetOnInstallFailure".into(),
        flag(block.map(|b| b.allow_reset)),
    );
    body.insert(
        "allowDeviceUseOnInstallFailure".into(),
        flag(block.map(|b| b.allow_use)),
    );
    let ids: Vec<Value> = match block.map(|b| &b.apps) {
        Some(BlockingApps::Selected(s)) => s.ids.iter().map(|id| id.as_str().into()).collect(),
        _ => Vec::new(),
    };
    body.insert("selectedMobileAppIds".into(), ids.into());
    body.insert(
        "allowNonBlockingAppInstallation".into(),
        flag(selected.map(|s| s.only_fail_selected_in_technician_phase)),
    );
    body
}

/// A target as Graph writes it; with a tenant, the group and filter names beside their ids.
fn target(target: &Target, filter: Option<&AppliedFilter>, names: Option<&Names<'_>>) -> Value {
    let (kind, group) = match target {
        Target::AllUsers => ("allLicensedUsersAssignmentTarget", None),
        Target::AllDevices => ("allDevicesAssignmentTarget", None),
        Target::Group(id) => ("groupAssignmentTarget", Some(id)),
        Target::ExcludedGroup(id) => ("exclusionGroupAssignmentTarget", Some(id)),
    };
    let mut body = Map::new();
    body.insert("@odata.type".into(), odata_type(kind).into());
    if let Some(group) = group {
        body.insert("groupId".into(), group.as_str().into());
        if let Some(name) = names.and_then(|n| n.groups.get(group.as_str())) {
            body.insert(KEY_GROUP_NAME.into(), (*name).into());
        }
    }
    match filter {
        None => {
            body.insert(
                "deviceAndAppManagementAssignmentFilterId".into(),
                Value::Null,
            );
            body.insert(
                "deviceAndAppManagementAssignmentFilterType".into(),
                "none".into(),
            );
        }
        Some(filter) => {
            body.insert(
                "deviceAndAppManagementAssignmentFilterId".into(),
                filter.id.as_str().into(),
            );
            body.insert(
                "deviceAndAppManagementAssignmentFilterType".into(),
                filter.mode.as_str().into(),
            );
            if let Some(name) = names.and_then(|n| n.filters.get(filter.id.as_str())) {
                body.insert(KEY_FILTER_NAME.into(), (*name).into());
            }
        }
    }
    Value::Object(body)
}

fn odata_type(name: &str) -> String {
    format!("#microsoft.graph.{name}")
}
