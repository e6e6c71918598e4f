//! Where the workspace lives between visits: the browser's local storage.
//!
//! A save that cannot be opened (corrupt, or written by a newer version) is never thrown away:
//! it is copied to a key of its own (`esp-designer.kept-aside`, then `…kept-aside.2` and so on,
//! so an older kept-aside save is not overwritten either), the user is told, and the app starts
//! from the sample. The Tenant area's import and export page lists kept-aside saves for download.

use esp_core::save::{self, SaveError};
use esp_core::Tenant;
use serde_json::{Map, Value};
use web_sys::Storage;

use super::notices::NoticeKind;

/// The saved workspace.
pub const WORKSPACE_KEY: &str = "esp-designer.workspace";
/// Where a save that could not be opened is kept (the first one; later ones get `.2`, `.3`, …).
pub const KEPT_ASIDE_KEY: &str = "esp-designer.kept-aside";

/// Something to tell the user about storage; `to_kept_aside` adds a link to where kept-aside
/// saves can be downloaded.
pub struct Told {
    pub kind: NoticeKind,
    pub text: String,
    pub to_kept_aside: bool,
}

impl Told {
    fn new(kind: NoticeKind, text: impl Into<String>) -> Self {
        Told {
            kind,
            text: text.into(),
            to_kept_aside: false,
        }
    }
}

pub struct Restored {
    pub tenant: Tenant,
    pub designer: Map<String, Value>,
    pub notices: Vec<Told>,
    /// The stored document when it was opened: writing it back would change nothing.
    pub stored: Option<String>,
    /// True when nothing was saved yet: a first visit.
    pub first_visit: bool,
    /// True when the browser holds a save it would not hand over: nothing may be written over it.
    pub saving_paused: bool,
}

const NO_STORAGE: &str =
    "This browser does not let ESP Designer save: changes will be lost when the page closes.";

const UNREADABLE: &str = "This browser would not let ESP Designer read the workspace it saved, so \
     ESP Designer started from the sample and does not save over it: reload the page to try again.";

/// What the browser keeps, read and parsed: the first half of the start's opening ([`read`]),
/// which [`restore`] finishes in a later task.
pub enum Saved {
    /// This browser gives the page no storage.
    NoStorage,
    /// Nothing saved yet: a first visit.
    Nothing,
    /// Reading the save failed (the browser's storage threw): what it holds is unknown, so it
    /// must not be written over.
    Unreadable,
    /// The saved document, with its JSON tree or why it has none.
    Found {
        storage: Storage,
        text: String,
        parsed: Result<Value, SaveError>,
    },
}

/// Reads and parses the saved workspace. With a large tenant this is half of the opening's
/// time (reading the storage, then the JSON tree), so it runs in a task of its own and a click
/// waits for half as long.
pub fn read() -> Saved {
    let Some(storage) = storage() else {
        return Saved::NoStorage;
    };
    match storage.get_item(WORKSPACE_KEY) {
        Ok(None) => Saved::Nothing,
        Err(_) => Saved::Unreadable,
        Ok(Some(text)) => {
            let parsed = save::parse(&text);
            Saved::Found {
                storage,
                text,
                parsed,
            }
        }
    }
}

/// Opens what [`read`] found, or the starting workspace when nothing was saved or it cannot be
/// opened (then kept aside, never lost).
pub fn restore(saved: Saved) -> Restored {
    let mut notices = Vec::new();
    let (storage, text, parsed) = match saved {
        Saved::NoStorage => {
            notices.push(Told::new(NoticeKind::Warning, NO_STORAGE));
            return starting(notices, false);
        }
        Saved::Nothing => return starting(notices, true),
        Saved::Unreadable => {
            notices.push(Told::new(NoticeKind::Error, UNREADABLE));
            return Restored {
                saving_paused: true,
                ..starting(notices, false)
            };
        }
        Saved::Found {
            storage,
            text,
            parsed,
        } => (storage, text, parsed),
    };
    match parsed.and_then(open_tree) {
        Ok(Opened {
            tenant,
            designer,
            migrated_from,
        }) => {
            if let Some(version) = migrated_from {
                notices.push(Told::new(
                    NoticeKind::Info,
                    format!("Your workspace was saved by an older version (format {version}) and has been updated."),
                ));
            }
            Restored {
                tenant,
                designer,
                notices,
                stored: migrated_from.is_none().then_some(text),
                first_visit: false,
                saving_paused: false,
            }
        }
        Err(error) => {
            notices.push(keep_aside(&storage, &text, &error));
            starting(notices, false)
        }
    }
}

/// An opened save document.
pub struct Opened {
    pub tenant: Tenant,
    /// The designer's sections.
    pub designer: Map<String, Value>,
    /// The version it was migrated from, when older.
    pub migrated_from: Option<u32>,
}

/// Opens a save document (another tab's, say) in one go: the start's two halves, [`read`]'s
/// parse and [`restore`]'s [`open_tree`], rather than `save::load`, so each is in the download
/// once.
pub fn open(text: &str) -> Result<Opened, SaveError> {
    save::parse(text).and_then(open_tree)
}

/// Opens a parsed save document, migrating it when older.
fn open_tree(document: Value) -> Result<Opened, SaveError> {
    let loaded = save::load_value(document, save::MIGRATIONS)?;
    let designer = match loaded.designer {
        Value::Object(sections) => sections,
        _ => Map::new(),
    };
    Ok(Opened {
        tenant: loaded.tenant,
        designer,
        migrated_from: loaded.migrated_from,
    })
}

fn keep_aside(storage: &Storage, text: &str, error: &SaveError) -> Told {
    let why = match error {
        SaveError::Newer { .. } => {
            format!("it was written by a newer version of ESP Designer ({error})")
        }
        _ => format!("it is damaged ({error})"),
    };
    let key = free_kept_aside_key(storage, text);
    match storage.set_item(&key, text) {
        Ok(()) => Told {
            kind: NoticeKind::Warning,
            text: format!("Your saved workspace could not be opened: {why}. It has been kept aside in this browser, and ESP Designer started from the sample."),
            to_kept_aside: true,
        },
        Err(_) => Told::new(
            NoticeKind::Error,
            format!("Your saved workspace could not be opened: {why}. There was no room to keep it aside, so it is left where it was and will be replaced by your next change."),
        ),
    }
}

/// The first kept-aside key that is free or already holds this very text.
fn free_kept_aside_key(storage: &Storage, text: &str) -> String {
    (1u32..)
        .map(kept_aside_key)
        .find(|key| match storage.get_item(key) {
            Ok(Some(existing)) => existing == text,
            _ => true,
        })
        .unwrap_or_else(|| KEPT_ASIDE_KEY.to_owned())
}

fn kept_aside_key(n: u32) -> String {
    if n == 1 {
        KEPT_ASIDE_KEY.to_owned()
    } else {
        format!("{KEPT_ASIDE_KEY}.{n}")
    }
}

fn starting(mut notices: Vec<Told>, first_visit: bool) -> Restored {
    let (tenant, notices) = match crate::sample::starting_tenant() {
        Ok(tenant) => (tenant, notices),
        Err(problem) => {
            notices.push(Told::new(NoticeKind::Error, problem));
            (crate::sample::empty_tenant(), notices)
        }
    };
    Restored {
        tenant,
        designer: Map::new(),
        notices,
        stored: None,
        first_visit,
        saving_paused: false,
    }
}

/// Saves the workspace document; the error is a sentence for the user.
pub fn write(document: &str) -> Result<(), String> {
    let storage = storage().ok_or_else(|| NO_STORAGE.to_owned())?;
    storage.set_item(WORKSPACE_KEY, document).map_err(|_| {
        "The browser's storage for ESP Designer is full, so your latest change is not saved. \
         Everything saved before it is kept. Export your workspace to keep a copy."
            .to_owned()
    })
}

/// A save that could not be opened, kept aside under `key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptAside {
    pub key: String,
    pub text: String,
}

/// Every kept-aside save, oldest first.
pub fn kept_aside() -> Vec<KeptAside> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    (1u32..)
        .map(kept_aside_key)
        .map_while(|key| match storage.get_item(&key) {
            Ok(Some(text)) => Some(KeptAside { key, text }),
            _ => None,
        })
        .collect()
}

/// Deletes a kept-aside save; later ones move down, so the keys stay `kept-aside`, `.2`, …
pub fn discard_kept_aside(key: &str) -> Result<(), String> {
    let storage = storage().ok_or_else(|| NO_STORAGE.to_owned())?;
    let saves = kept_aside();
    let Some(index) = saves.iter().position(|save| save.key == key) else {
        return Ok(());
    };
    let refused = |_| "The browser's storage refused the change.".to_owned();
    for pair in saves.get(index..).unwrap_or_default().windows(2) {
        if let [this, next] = pair {
            storage.set_item(&this.key, &next.text).map_err(refused)?;
        }
    }
    if let Some(last) = saves.last() {
        storage.remove_item(&last.key).map_err(refused)?;
    }
    Ok(())
}

/// The local storage, if this browser offers it (it may be disabled or blocked).
pub fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
