//! What a Graph object in a file is, so that a list of apps or filters lands in the catalog
//! instead of being skipped as "not an ESP profile", and a filter that carries its own
//! `roleScopeTags` list is not mistaken for a tenant bundle.
//!
//! Admins export the catalog with many tools, and not every tool keeps `@odata.type`: IntuneCD
//! drops it from filters, trimmed Store exports drop it from apps. So the type wins when there
//! is one, and otherwise the object's shape decides:
//!
//! | kind | typed (`#microsoft.graph.…`, any case) | untyped: has |
//! |---|---|---|
//! | enrollment configuration | contains `enrollment`, ends in `configuration` | `deviceEnrollmentConfigurationType` or `showInstallationProgress` |
//! | assignment filter | ends in `assignmentfilter` | a string `rule` |
//! | role scope tag | `roleScopeTag` | `isBuiltIn` |
//! | group | `group` | `groupTypes`, `securityEnabled`, `membershipRule` or `memberKind` |
//! | assignment | ends in `assignment` | an object `target` |
//! | app (`mobileApp` subtypes) | ends in `app`, `appx`, `msi` or `xap` | `packageIdentifier` (any case) or `installExperience` |
//!
//! Anything else is [`ObjectKind::Unknown`], which import reads like a configuration: an ESP
//! profile if it looks like one, else skipped with its type as the reason.

use super::json::graph_type;
use super::BUNDLE_KEYS;
use serde_json::{Map, Value};

/// What kind of Graph object a JSON object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    /// A `deviceEnrollmentConfiguration` (an ESP profile or another type).
    Configuration,
    /// A `mobileApp`.
    App,
    /// A `deviceAndAppManagementAssignmentFilter`.
    Filter,
    /// A `roleScopeTag`.
    ScopeTag,
    /// An Entra `group`.
    Group,
    /// An assignment on its own (of a profile, an app, a policy).
    Assignment,
    /// None of the above.
    Unknown,
}

/// Classifies one JSON object (see the module docs).
pub fn classify(map: &Map<String, Value>) -> ObjectKind {
    match map.get("@odata.type").and_then(Value::as_str) {
        Some(odata) => classify_type(&graph_type(odata).to_ascii_lowercase()),
        None => classify_shape(map),
    }
}

fn classify_type(name: &str) -> ObjectKind {
    if name.contains("enrollment") && name.ends_with("configuration") {
        ObjectKind::Configuration
    } else if name.ends_with("assignmentfilter") {
        ObjectKind::Filter
    } else if name == "rolescopetag" {
        ObjectKind::ScopeTag
    } else if name == "group" {
        ObjectKind::Group
    } else if name.ends_with("assignment") {
        ObjectKind::Assignment
    } else if ["app", "appx", "msi", "xap"]
        .iter()
        .any(|end| name.ends_with(end))
    {
        ObjectKind::App
    } else {
        ObjectKind::Unknown
    }
}

fn classify_shape(map: &Map<String, Value>) -> ObjectKind {
    let has = |key: &str| map.contains_key(key);
    let has_ignore_case = |key: &str| map.keys().any(|k| k.eq_ignore_ascii_case(key));
    if has("deviceEnrollmentConfigurationType") || has("showInstallationProgress") {
        ObjectKind::Configuration
    } else if map.get("rule").is_some_and(Value::is_string) {
        ObjectKind::Filter
    } else if has("isBuiltIn") {
        ObjectKind::ScopeTag
    } else if [
        "groupTypes",
        "securityEnabled",
        "membershipRule",
        "memberKind",
    ]
    .iter()
    .any(|key| has(key))
    {
        ObjectKind::Group
    } else if has_ignore_case("packageIdentifier") || has("installExperience") {
        ObjectKind::App
    } else if map.get("target").is_some_and(Value::is_object) && !has("displayName") {
        ObjectKind::Assignment
    } else {
        ObjectKind::Unknown
    }
}

/// True when an object is a tenant bundle: it has a bundle key and is not itself a Graph object
/// (a filter carries `roleScopeTags`, a bundle key, as a list of tag ids).
pub(crate) fn is_bundle(map: &Map<String, Value>) -> bool {
    BUNDLE_KEYS.iter().any(|key| map.contains_key(*key))
        && !map.contains_key("@odata.type")
        && !map.contains_key("displayName")
}

/// The list inside a wrapper object such as `{"filters": [...]}` (HydrationKit) or an assign
/// body `{"enrollmentConfigurationAssignments": [...]}`: an object with no type, id or name
/// whose only member is a list of objects. Returns the key and the list.
pub(crate) fn wrapped_list(map: &Map<String, Value>) -> Option<(&str, &Value)> {
    if ["@odata.type", "id", "displayName"]
        .iter()
        .any(|key| map.contains_key(*key))
        || map.len() != 1
    {
        return None;
    }
    let (key, list) = map.iter().next()?;
    let Value::Array(items) = list else {
        return None;
    };
    (!items.is_empty() && items.iter().all(Value::is_object)).then_some((key.as_str(), list))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kind(value: Value) -> ObjectKind {
        match value {
            Value::Object(map) => classify(&map),
            _ => panic!("an object"),
        }
    }

    #[test]
    fn typed_objects_follow_their_type() {
        let cases = [
            (
                "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
                ObjectKind::Configuration,
            ),
            (
                "#microsoft.graph.deviceEnrollmentLimitConfiguration",
                ObjectKind::Configuration,
            ),
            (
                "#microsoft.graph.windowsRestoreDeviceEnrollmentConfiguration",
                ObjectKind::Configuration,
            ),
            ("#microsoft.graph.win32LobApp", ObjectKind::App),
            ("#microsoft.graph.windowsMobileMSI", ObjectKind::App),
            ("#microsoft.graph.windowsUniversalAppX", ObjectKind::App),
            ("#microsoft.graph.windowsPhoneXAP", ObjectKind::App),
            ("#microsoft.graph.macOSOfficeSuiteApp", ObjectKind::App),
            (
                "#microsoft.graph.deviceAndAppManagementAssignmentFilter",
                ObjectKind::Filter,
            ),
            ("#microsoft.graph.roleScopeTag", ObjectKind::ScopeTag),
            ("#microsoft.graph.group", ObjectKind::Group),
            (
                "#microsoft.graph.mobileAppAssignment",
                ObjectKind::Assignment,
            ),
            (
                "#microsoft.graph.enrollmentConfigurationAssignment",
                ObjectKind::Assignment,
            ),
            ("#microsoft.graph.deviceConfiguration", ObjectKind::Unknown),
            ("windowsAppX", ObjectKind::App),
        ];
        for (odata, expected) in cases {
            assert_eq!(kind(json!({ "@odata.type": odata })), expected, "{odata}");
        }
    }

    #[test]
    fn untyped_objects_follow_their_shape() {
        let cases = [
            (
                json!({"showInstallationProgress": true}),
                ObjectKind::Configuration,
            ),
            (
                json!({"displayName": "WIN_CO", "platform": "windows10AndLater", "rule": "(device.model -eq \"x\")", "roleScopeTags": ["Default"]}),
                ObjectKind::Filter,
            ),
            (
                json!({"displayName": "Tag", "isBuiltIn": false}),
                ObjectKind::ScopeTag,
            ),
            (
                json!({"displayName": "G", "securityEnabled": true}),
                ObjectKind::Group,
            ),
            (
                json!({"displayName": "Notepad", "PackageIdentifier": "9MSMLRH6LZF3"}),
                ObjectKind::App,
            ),
            (
                json!({"target": {"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"}}),
                ObjectKind::Assignment,
            ),
            (json!({"Comment1": "a note"}), ObjectKind::Unknown),
        ];
        for (value, expected) in cases {
            assert_eq!(kind(value.clone()), expected, "{value}");
        }
    }

    #[test]
    fn a_filter_with_scope_tags_is_not_a_bundle() {
        let filter = json!({"displayName": "WIN_CO", "rule": "x", "roleScopeTags": ["Default"]});
        let bundle = json!({"roleScopeTags": [{"id": "1", "displayName": "Tag"}]});
        let as_map = |v: &Value| v.as_object().cloned().unwrap();
        assert!(!is_bundle(&as_map(&filter)));
        assert!(is_bundle(&as_map(&bundle)));
    }

    #[test]
    fn wrappers_hold_one_list_of_objects() {
        let as_map = |v: Value| v.as_object().cloned().unwrap();
        let wrapper = as_map(json!({"filters": [{"rule": "x"}]}));
        assert_eq!(wrapped_list(&wrapper).map(|(k, _)| k), Some("filters"));
        for not_a_wrapper in [
            json!({"filters": []}),
            json!({"filters": ["a"]}),
            json!({"filters": [{}], "other": 1}),
            json!({"id": "x", "filters": [{}]}),
        ] {
            assert!(
                wrapped_list(&as_map(not_a_wrapper.clone())).is_none(),
                "{not_a_wrapper}"
            );
        }
    }
}
