//! The workspace: the tenant under design with its undo history, and the designer's sections.
//!
//! Areas read the tenant through [`Workspace::with_tenant`] and change it only through
//! [`Workspace::change`], which runs an esp-core operation on it under an undo label. Each area
//! keeps its own UI state (a wizard draft, preview scenarios) in a named *section*: plain serde
//! data saved with the tenant, so that a reload brings everything back.

use esp_core::history::History;
use esp_core::Tenant;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{Map, Value};

use super::notices::{NoticeKind, Notices};
use super::persist;

#[derive(Clone, Copy)]
pub struct Workspace {
    history: RwSignal<History<Tenant>>,
    designer: RwSignal<Map<String, Value>>,
}

impl Workspace {
    /// Opens what the browser saved (or the starting tenant) and saves after every change.
    pub(super) fn restore(notices: Notices) -> Self {
        let restored = persist::restore();
        for (kind, text) in &restored.notices {
            notices.show(*kind, text.clone());
        }
        let workspace = Workspace {
            history: RwSignal::new(History::new(restored.tenant)),
            designer: RwSignal::new(restored.designer),
        };
        workspace.save_on_change(notices);
        workspace
    }

    fn save_on_change(self, notices: Notices) {
        // Saving stops after a failure until a save succeeds again, so a full storage is
        // reported once rather than on every keystroke; what was saved before stays.
        let failing = StoredValue::new(false);
        Effect::new(move |first_run: Option<()>| {
            let document = self.history.with(|history| {
                self.designer.with(|designer| {
                    esp_core::save::save(history.present(), &Value::Object(designer.clone()), None)
                })
            });
            // The first run would only write back what was just read.
            if first_run.is_none() {
                return;
            }
            match persist::write(&document) {
                Ok(()) => failing.set_value(false),
                Err(problem) if !failing.get_value() => {
                    failing.set_value(true);
                    notices.show(NoticeKind::Error, problem);
                }
                Err(_) => {}
            }
        });
    }

    /// The workspace of the app, from any component below the shell.
    pub fn get() -> Self {
        expect_context::<Workspace>()
    }

    /// Reads the tenant (reactively: the caller re-runs when it changes).
    pub fn with_tenant<R>(&self, read: impl FnOnce(&Tenant) -> R) -> R {
        self.history.with(|history| read(history.present()))
    }

    /// Changes the tenant with an esp-core operation. A refused operation changes nothing and
    /// its error comes back to the caller, who says why in words.
    pub fn change<R, E>(
        &self,
        label: impl Into<String>,
        operation: impl FnOnce(&mut Tenant) -> Result<R, E>,
    ) -> Result<R, E> {
        let outcome = self.history.write_untracked().apply(label, operation);
        // A refused operation changed nothing: nobody needs to re-render or save.
        if outcome.is_ok() {
            self.history.notify();
        }
        outcome
    }

    /// Replaces the whole tenant (an import, a reset), forgetting the undo history.
    pub fn replace(&self, tenant: Tenant) {
        self.history.update(|history| history.reset(tenant));
    }

    pub fn undo(&self) -> Option<String> {
        let mut label = None;
        self.history.update(|history| label = history.undo());
        label
    }

    pub fn redo(&self) -> Option<String> {
        let mut label = None;
        self.history.update(|history| label = history.redo());
        label
    }

    pub fn undo_label(&self) -> Option<String> {
        self.history
            .with(|history| history.undo_label().map(str::to_owned))
    }

    pub fn redo_label(&self) -> Option<String> {
        self.history
            .with(|history| history.redo_label().map(str::to_owned))
    }

    /// The section `key` of the designer's state as a signal of `T`. A section that is missing,
    /// or that an older or newer build wrote in another shape, starts from `T::default()`.
    /// Call it once per section (at the area's root) and pass the signal down: two calls would
    /// give two signals that overwrite each other.
    pub fn section<T>(&self, key: &'static str) -> RwSignal<T>
    where
        T: Serialize + DeserializeOwned + Default + Clone + Send + Sync + 'static,
    {
        let initial = self
            .designer
            .with_untracked(|designer| designer.get(key).cloned())
            .and_then(|value| serde_json::from_value(value).ok())
            .unwrap_or_default();
        let signal = RwSignal::new(initial);
        let designer = self.designer;
        Effect::new(move |_| {
            let value = signal
                .with(|section| serde_json::to_value(section))
                .unwrap_or(Value::Null);
            designer.update(|sections| {
                sections.insert(key.to_owned(), value);
            });
        });
        signal
    }
}
