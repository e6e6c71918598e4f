#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Merging an import into a tenant, and the versioned save format.

mod common;

use esp_core::graph::{import_bytes, import_value};
use esp_core::model::*;
use esp_core::save::{self, Migration, SaveError, SCHEMA_VERSION};
use serde_json::{json, Value};

fn esp(name: &str, extra: Value) -> Value {
    let mut profile = json!({
        "@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
        "displayName": name,
        "showInstallationProgress": true,
    });
    for (key, value) in extra.as_object().unwrap() {
        profile[key] = value.clone();
    }
    profile
}

fn names(tenant: &Tenant) -> Vec<&str> {
    tenant
        .custom_profiles()
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

#[test]
fn merge_matches_by_id_then_name_and_appends_the_rest() {
    let mut tenant = Tenant::default();
    for (id, name) in [("p1", "Kiosk"), ("p2", "Finance"), ("p3", "Labs")] {
        tenant.add_profile(CustomProfile::new(id, name)).unwrap();
    }
    tenant.groups.push(Group {
        id: GroupId::from("ours"),
        display_name: "Sales".into(),
        member_kind: Some(MemberKind::User),
    });
    let file = json!({
        "groups": [{"id": "theirs", "displayName": "sales"}],
        "deviceEnrollmentConfigurations": [
            esp("Finance renamed", json!({"id": "p2", "priority": 1, "installProgressTimeoutInMinutes": 30})),
            esp("kiosk", json!({"id": "other-id", "priority": 2,
                "assignments": [{"target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "theirs"}}]})),
            esp("New one", json!({"priority": 3})),
        ]
    });
    let summary = tenant.merge(import_value(&file).unwrap());
    assert_eq!(
        names(&tenant),
        ["kiosk", "Finance renamed", "Labs", "New one"],
        "matches keep their priority"
    );
    assert_eq!((summary.updated.profiles, summary.added.profiles), (2, 1));
    assert_eq!((summary.updated.groups, summary.added.groups), (1, 0));
    assert!(
        !summary.default_profile_updated,
        "the file had no default profile"
    );
    let kiosk = &tenant.custom_profiles()[0];
    assert_eq!(kiosk.id.as_str(), "p1", "a name match keeps our id");
    assert_eq!(
        kiosk.assignments[0].target,
        Target::Group(GroupId::from("ours")),
        "references follow the match"
    );
    assert_eq!(tenant.groups.len(), 1);
    assert_eq!(
        tenant.custom_profiles()[1]
            .settings
            .page()
            .unwrap()
            .timeout_minutes,
        30
    );
}

#[test]
fn merge_takes_the_default_profile_only_when_the_file_has_it() {
    let mut tenant = Tenant::default();
    let summary = tenant.merge(
        import_bytes(&common::bytes(
            "esp/OIB__DefaultWindows10EnrollmentCompletionPageConfiguration.json",
        ))
        .unwrap(),
    );
    assert!(summary.default_profile_updated);
    assert!(
        tenant.default_profile().id.as_str().starts_with("8384f4bf"),
        "the real id replaces the local one"
    );
    assert_eq!(
        tenant
            .default_profile()
            .settings
            .page()
            .unwrap()
            .timeout_minutes,
        30
    );
    let replace = import_bytes(&common::bytes("esp/IntuneJSONS__Prod_Win_ESP.json")).unwrap();
    tenant.merge(replace.clone());
    assert_eq!(
        tenant
            .default_profile()
            .settings
            .page()
            .unwrap()
            .timeout_minutes,
        30,
        "kept"
    );
    // Replacing instead of merging is the UI's other choice.
    tenant = replace.tenant;
    assert_eq!(names(&tenant), ["Prod_Win_ESP"]);
}

#[test]
fn saves_open_again_with_their_metadata() {
    let imported = import_bytes(&common::bytes("esp/tfm365__esp_POST_response.json")).unwrap();
    let designer = json!({"drafts": [{"step": "settings"}], "scenarios": []});
    let text = save::save(&imported.tenant, &designer, Some("2026-11-22T10:00:00Z"));
    let loaded = save::load(&text).unwrap();
    assert_eq!(loaded.tenant, imported.tenant);
    assert_eq!(loaded.designer, designer);
    assert_eq!(loaded.saved_at.as_deref(), Some("2026-11-22T10:00:00Z"));
    assert_eq!(loaded.migrated_from, None);
    let document: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(document["schemaVersion"], SCHEMA_VERSION);
    assert!(save::is_save(&document));
    // UTF-16 saves open too.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(save::load_bytes(&utf16).unwrap().tenant, imported.tenant);
}

#[test]
fn the_browsers_compact_save_is_the_same_document_without_whitespace() {
    let imported = import_bytes(&common::bytes("esp/tfm365__esp_POST_response.json")).unwrap();
    let designer = json!({"scenarios": [{"name": "Kiosk \"A\"\n"}]});
    let at = Some("2026-11-22T10:00:00Z");
    let pretty = save::save(&imported.tenant, &designer, at);
    let compact = save::save_compact(&imported.tenant, &designer, at);
    assert!(!compact.contains('\n'), "no line breaks outside strings");
    assert!(
        compact.len() * 4 < pretty.len() * 3,
        "{} vs {} bytes",
        compact.len(),
        pretty.len()
    );
    let (pretty, compact) = (save::load(&pretty).unwrap(), save::load(&compact).unwrap());
    assert_eq!(compact, pretty);
    assert_eq!(compact.designer, designer);
}

#[test]
fn a_save_written_around_a_written_tenant_is_the_same_text() {
    let imported = import_bytes(&common::bytes("esp/tfm365__esp_POST_response.json")).unwrap();
    let tenant = save::CompactTenant::new(&imported.tenant);
    let designers = [
        Value::Null,
        json!({}),
        json!({"preview": {"scenarios": [{"name": "Kiosk \"A\"\n", "mode": "selfDeploying"}]}, "wizard": {"draft": null}}),
    ];
    for designer in &designers {
        for at in [
            None,
            Some("2026-11-22T10:00:00Z"),
            Some("\"quoted\"\u{1F600}\n"),
        ] {
            let expected = save::save_compact(&imported.tenant, designer, at);
            assert_eq!(save::save_compact_with(&tenant, designer, at), expected);
        }
    }
    // And it opens: the tenant, the designer and the time come back.
    let text = save::save_compact_with(&tenant, &designers[2], Some("now"));
    let loaded = save::load(&text).unwrap();
    assert_eq!(loaded.tenant, imported.tenant);
    assert_eq!(loaded.designer, designers[2]);
    assert_eq!(loaded.saved_at.as_deref(), Some("now"));
}

#[test]
fn older_saves_migrate_through_every_step() {
    // A pretend history: v1 kept scenarios at the top level, v2 moved them into `designer`,
    // v3 renamed `drafts` to `wizardDrafts`.
    fn v1_to_v2(mut doc: Value) -> Result<Value, String> {
        let scenarios = doc
            .as_object_mut()
            .unwrap()
            .remove("scenarios")
            .unwrap_or(json!([]));
        doc["designer"] = json!({"scenarios": scenarios, "drafts": []});
        Ok(doc)
    }
    fn v2_to_v3(mut doc: Value) -> Result<Value, String> {
        let drafts = doc["designer"]
            .as_object_mut()
            .ok_or("no designer")?
            .remove("drafts");
        doc["designer"]["wizardDrafts"] = drafts.unwrap_or(json!([]));
        Ok(doc)
    }
    let chain: &[Migration] = &[v1_to_v2, v2_to_v3];
    let v1 = json!({"schemaVersion": 1, "tenant": {}, "scenarios": ["hybrid"]});
    let loaded = save::load_value(v1, chain).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert_eq!(
        loaded.designer,
        json!({"scenarios": ["hybrid"], "wizardDrafts": []})
    );
    let v2 =
        json!({"schemaVersion": 2, "tenant": {}, "designer": {"drafts": [1], "scenarios": []}});
    assert_eq!(
        save::load_value(v2, chain).unwrap().designer["wizardDrafts"],
        json!([1])
    );
    let broken = json!({"schemaVersion": 2, "tenant": {}, "designer": 5});
    assert_eq!(
        save::load_value(broken, chain).unwrap_err(),
        SaveError::Migration {
            from: 2,
            reason: "no designer".into()
        }
    );
}

#[test]
fn newer_and_foreign_files_are_refused_with_distinct_errors() {
    let newer = save::load(r#"{"schemaVersion": 99, "tenant": {}}"#).unwrap_err();
    assert_eq!(
        newer,
        SaveError::Newer {
            found: 99,
            supported: SCHEMA_VERSION
        }
    );
    assert!(newer.to_string().contains("newer version of ESP Designer"));
    assert_eq!(
        save::load(r#"{"deviceEnrollmentConfigurations": []}"#).unwrap_err(),
        SaveError::NotASave
    );
    assert!(matches!(
        save::load(r#"{"schemaVersion": 0}"#),
        Err(SaveError::Unreadable(_))
    ));
    assert!(matches!(save::load("{"), Err(SaveError::Unreadable(_))));
    let bad_tenant = save::load(r#"{"schemaVersion": 1, "tenant": {"groups": 3}}"#).unwrap_err();
    assert_eq!(bad_tenant.to_string(), "the tenant in this save cannot be read: at `$.groups`: expected a list, found the number 3");
}
