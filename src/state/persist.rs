//! Where the workspace lives between visits: the browser's local storage.
//!
//! A save that cannot be opened (corrupt, or written by a newer version) is never thrown away:
//! it is copied to a key of its own and the user is told, and the app starts from the sample.

use esp_core::save::{self, SaveError};
use esp_core::Tenant;
use serde_json::{Map, Value};
use web_sys::Storage;

use super::notices::NoticeKind;

/// The saved workspace.
pub const WORKSPACE_KEY: &str = "esp-designer.workspace";
/// Where a save that could not be opened is kept.
pub const KEPT_ASIDE_KEY: &str = "esp-designer.kept-aside";

pub struct Restored {
    pub tenant: Tenant,
    pub designer: Map<String, Value>,
    pub notices: Vec<(NoticeKind, String)>,
}

/// Opens the saved workspace, or the starting one when there is none or it cannot be opened.
pub fn restore() -> Restored {
    let mut notices = Vec::new();
    let Some(storage) = storage() else {
        notices.push((
            NoticeKind::Warning,
            "This browser does not let ESP Designer save: changes will be lost when the page closes."
                .to_owned(),
        ));
        return starting(notices);
    };
    let Ok(Some(text)) = storage.get_item(WORKSPACE_KEY) else {
        return starting(notices);
    };
    match save::load(&text) {
        Ok(loaded) => {
            if let Some(version) = loaded.migrated_from {
                notices.push((
                    NoticeKind::Info,
                    format!("Your workspace was saved by an older version (format {version}) and has been updated."),
                ));
            }
            let designer = match loaded.designer {
                Value::Object(sections) => sections,
                _ => Map::new(),
            };
            Restored {
                tenant: loaded.tenant,
                designer,
                notices,
            }
        }
        Err(error) => {
            notices.push(keep_aside(&storage, &text, &error));
            starting(notices)
        }
    }
}

fn keep_aside(storage: &Storage, text: &str, error: &SaveError) -> (NoticeKind, String) {
    let why = match error {
        SaveError::Newer { .. } => {
            format!("it was written by a newer version of ESP Designer ({error})")
        }
        _ => format!("it is damaged ({error})"),
    };
    match storage.set_item(KEPT_ASIDE_KEY, text) {
        Ok(()) => (
            NoticeKind::Warning,
            format!("Your saved workspace could not be opened: {why}. It has been kept aside in this browser, and ESP Designer started from the sample."),
        ),
        Err(_) => (
            NoticeKind::Error,
            format!("Your saved workspace could not be opened: {why}. There was no room to keep it aside, so it is left where it was and will be replaced by your next change."),
        ),
    }
}

fn starting(notices: Vec<(NoticeKind, String)>) -> Restored {
    Restored {
        tenant: crate::sample::starting_tenant(),
        designer: Map::new(),
        notices,
    }
}

/// Saves the workspace document; the error is a sentence for the user.
pub fn write(document: &str) -> Result<(), String> {
    let storage = storage().ok_or_else(|| {
        "This browser does not let ESP Designer save: changes will be lost when the page closes."
            .to_owned()
    })?;
    storage.set_item(WORKSPACE_KEY, document).map_err(|_| {
        "The browser's storage for ESP Designer is full, so your latest change is not saved. \
         Everything saved before it is kept. Export your workspace to keep a copy."
            .to_owned()
    })
}

/// The local storage, if this browser offers it (it may be disabled or blocked).
fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
