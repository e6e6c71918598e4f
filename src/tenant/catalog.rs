//! What the four catalog lists share: search, "used by", and deleting with a question first
//! when profiles use the object.

use esp_core::catalog::{CatalogKind, CatalogRef, Usage};
use leptos::prelude::*;

use super::modal::Confirmation;
use crate::state::{NoticeKind, Notices, Workspace};

/// True when every word of the query appears in one of the fields, ignoring case.
pub fn matches(query: &str, fields: &[&str]) -> bool {
    let fields: Vec<String> = fields.iter().map(|f| f.to_lowercase()).collect();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|word| fields.iter().any(|field| field.contains(word)))
}

/// "2 profiles", "1 profile and 3 apps", or "Not used".
pub fn used_by(usage: &Usage) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (usage.profiles.len(), usage.apps.len()) {
        (0, 0) => "Not used".to_owned(),
        (p, 0) => count(p, "profile", "profiles"),
        (0, a) => count(a, "app", "apps"),
        (p, a) => format!(
            "{} and {}",
            count(p, "profile", "profiles"),
            count(a, "app", "apps")
        ),
    }
}

/// Deletes a catalog object: at once when nothing uses it, else after a question that names
/// the profiles (and apps) that use it and what happens to them. Undo brings it back either way.
pub fn delete(
    workspace: Workspace,
    notices: Notices,
    ask: RwSignal<Option<Confirmation>>,
    object: CatalogRef,
    name: String,
) {
    let noun = object.kind().noun();
    let usage = workspace.with_tenant(|tenant| tenant.usage(&object));
    let label = format!("Delete {noun} '{name}'");
    let run = {
        let (object, name, label) = (object.clone(), name.clone(), label.clone());
        move || match workspace.change(label.clone(), |tenant| {
            tenant.delete_catalog_object(&object)
        }) {
            Ok(_) => notices.show(
                NoticeKind::Info,
                format!("Deleted {noun} '{name}'. Undo brings it back."),
            ),
            Err(error) => notices.show(NoticeKind::Error, error.to_string()),
        }
    };
    if usage.is_empty() {
        run();
        return;
    }
    fn names<T>(list: &[(T, String)]) -> String {
        list.iter()
            .map(|(_, name)| format!("'{name}'"))
            .collect::<Vec<_>>()
            .join(", ")
    }
    let mut lines = vec![format!(
        "It is used by {}: {}.",
        if usage.profiles.len() == 1 {
            "this profile"
        } else {
            "these profiles"
        },
        names(&usage.profiles)
    )];
    if usage.profiles.is_empty() {
        lines.clear();
    }
    if !usage.apps.is_empty() {
        lines.push(format!(
            "The assignments of {} use it too: {}.",
            if usage.apps.len() == 1 {
                "this app"
            } else {
                "these apps"
            },
            names(&usage.apps)
        ));
    }
    lines.push(
        match object.kind() {
            CatalogKind::Group => "Their assignments to this group are removed.",
            CatalogKind::App => "It is removed from their lists of blocking apps.",
            CatalogKind::Filter => {
                "Their assignments stay, without this filter: they then apply to every device they target."
            }
            CatalogKind::ScopeTag => "The tag is removed from them.",
        }
        .to_owned(),
    );
    lines.push("You can undo this.".to_owned());
    ask.set(Some(Confirmation {
        title: format!("Delete {noun} '{name}'?"),
        lines,
        confirm: "Delete".to_owned(),
        on_confirm: Callback::new(move |()| run()),
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use esp_core::model::{AppId, ProfileId};

    #[test]
    fn search_needs_every_word_in_some_field() {
        assert!(matches("", &["Kiosks"]));
        assert!(matches("kio", &["Kiosks", "device"]));
        assert!(matches("kiosk DEVICE", &["Kiosks", "device"]));
        assert!(!matches("kiosk user", &["Kiosks", "device"]));
        assert!(matches("<script>", &["<script>alert(1)</script>"]));
    }

    #[test]
    fn used_by_counts_profiles_and_apps() {
        let profile = |n: &str| (ProfileId::from(n), n.to_owned());
        let app = |n: &str| (AppId::from(n), n.to_owned());
        let usage = |profiles: Vec<_>, apps: Vec<_>| Usage { profiles, apps };
        assert_eq!(used_by(&usage(vec![], vec![])), "Not used");
        assert_eq!(used_by(&usage(vec![profile("a")], vec![])), "1 profile");
        assert_eq!(
            used_by(&usage(vec![profile("a"), profile("b")], vec![app("x")])),
            "2 profiles and 1 app"
        );
        assert_eq!(used_by(&usage(vec![], vec![app("x"), app("y")])), "2 apps");
    }
}
