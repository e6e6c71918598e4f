//! The workspace: the tenant under design with its undo history, and the designer's sections.
//!
//! Areas read the tenant through [`Workspace::with_tenant`] and change it only through
//! [`Workspace::change`], which runs an esp-core operation on it under an undo label. Each area
//! keeps its own UI state (a wizard draft, preview scenarios) in a named *section*: plain serde
//! data saved with the tenant, so that a reload brings everything back.

use std::time::Duration;

use esp_core::history::History;
use esp_core::Tenant;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{Map, Value};

use super::notices::{NoticeKind, Notices};
use super::persist::{self, Told};
use super::save_writer::SaveWriter;

/// Shows a storage notice, linking to the kept-aside saves when it is about one.
fn tell(notices: Notices, told: Told) {
    if told.to_kept_aside {
        notices.show_with_link(
            told.kind,
            told.text,
            "Download it",
            crate::tenant::routes::import_export().href(),
        );
    } else {
        notices.show(told.kind, told.text);
    }
}

/// How long autosave waits for the next change: a burst of keystrokes is written once, after
/// it, instead of once per key (a large tenant's save takes 30–100 ms even when the tenant's
/// text is reused, which would hold every keystroke's paint back). Leaving the page writes at
/// once.
const SAVE_DELAY: Duration = Duration::from_millis(250);

/// Whether what the page shows is in the browser's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is saved (or nothing has changed since the page opened).
    Saved,
    /// A change waits for its save.
    Saving,
    /// The last save failed (a full storage), or another tab's save stops this one saving.
    Failed,
}

#[derive(Clone, Copy)]
pub struct Workspace {
    history: RwSignal<History<Tenant>>,
    designer: RwSignal<Map<String, Value>>,
    /// Bumped when the designer's sections are replaced as a whole (an imported save, another
    /// tab's change), so that live sections read them again.
    designer_epoch: RwSignal<u64>,
    /// The document last read from or written to storage: writing it again would change
    /// nothing, and would wake other tabs for nothing.
    stored: StoredValue<Option<String>>,
    /// Keeps the tenant's part of the stored document while the tenant is unchanged, so a save
    /// after a change of the designer's sections alone does not write the tenant again.
    save_writer: StoredValue<SaveWriter>,
    /// Set when another tab saved what this one cannot open, or when the browser would not hand
    /// over the save at the start: this tab then stops saving, so it does not overwrite it.
    saving_paused: RwSignal<bool>,
    save_state: RwSignal<SaveState>,
    /// The save waiting for [`SAVE_DELAY`], if any.
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// Saving failed last time: a full storage is reported once rather than on every
    /// keystroke; what was saved before stays.
    save_failing: StoredValue<bool>,
    /// True when this visit found nothing saved and started from the sample (set by `open`).
    first_visit: StoredValue<bool>,
}

impl Workspace {
    /// A workspace with nothing in it yet: the shell is drawn around it in the start's first
    /// frame while [`Workspace::open`] waits for the next task. It saves nothing until opened,
    /// so what the browser keeps cannot be overwritten by this empty one.
    pub(super) fn unopened() -> Self {
        Workspace {
            history: RwSignal::new(History::new(Tenant::default())),
            designer: RwSignal::new(Map::new()),
            designer_epoch: RwSignal::new(0),
            stored: StoredValue::new(None),
            save_writer: StoredValue::new(SaveWriter::default()),
            saving_paused: RwSignal::new(false),
            save_state: RwSignal::new(SaveState::Saved),
            save_timer: StoredValue::new(None),
            save_failing: StoredValue::new(false),
            first_visit: StoredValue::new(false),
        }
    }

    /// Reads and parses what the browser saved: the first half of the start's opening, in a
    /// task before [`Workspace::open`]'s.
    pub fn read_saved() -> persist::Saved {
        persist::read()
    }

    /// Opens what [`Workspace::read_saved`] found (or the starting tenant) and saves after every
    /// change from then on. Called once, under the shell's owner, before any area is drawn.
    pub fn open(self, saved: persist::Saved, notices: Notices) {
        let restored = persist::restore(saved);
        for told in restored.notices {
            tell(notices, told);
        }
        self.replace_everything(restored.tenant, restored.designer);
        self.stored.set_value(restored.stored);
        self.first_visit.set_value(restored.first_visit);
        self.saving_paused.set(restored.saving_paused);
        self.save_on_change(notices);
        self.follow_other_tabs(notices);
    }

    fn save_on_change(self, notices: Notices) {
        Effect::new(move |first_run: Option<()>| {
            // Tracks every change without building the document: that waits for the save.
            self.history.track();
            self.designer.track();
            // The first run would only write back what was just read.
            if first_run.is_some() {
                self.save_soon(notices);
            }
        });
        let leaving = window_event_listener(leptos::ev::pagehide, move |_| self.save_now(notices));
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            self.save_now(notices)
        });
        on_cleanup(move || {
            leaving.remove();
            hidden.remove();
        });
    }

    /// Saves after [`SAVE_DELAY`] unless another change comes first.
    fn save_soon(self, notices: Notices) {
        self.cancel_save();
        self.save_state.set(SaveState::Saving);
        match set_timeout_with_handle(move || self.save_now(notices), SAVE_DELAY) {
            Ok(handle) => self.save_timer.set_value(Some(handle)),
            Err(_) => self.save_now(notices),
        }
    }

    fn cancel_save(self) {
        if let Some(handle) = self.save_timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Writes the waiting save, if there is one.
    fn save_now(self, notices: Notices) {
        self.cancel_save();
        if self.save_state.get_untracked() != SaveState::Saving {
            return;
        }
        if self.saving_paused.get_untracked() {
            self.save_state.set(SaveState::Failed);
            return;
        }
        let document = untrack(|| self.stored_document());
        if self
            .stored
            .with_value(|stored| stored.as_deref() == Some(&document))
        {
            self.save_state.set(SaveState::Saved);
            return;
        }
        match persist::write(&document) {
            Ok(()) => {
                self.save_failing.set_value(false);
                self.stored.set_value(Some(document));
                self.save_state.set(SaveState::Saved);
            }
            Err(problem) => {
                self.save_state.set(SaveState::Failed);
                if !self.save_failing.get_value() {
                    self.save_failing.set_value(true);
                    notices.show_with_link(
                        NoticeKind::Error,
                        problem,
                        "Export it",
                        crate::tenant::routes::import_export().href(),
                    );
                }
            }
        }
    }

    /// Whether what the page shows is saved (reactive).
    pub fn save_state(&self) -> SaveState {
        self.save_state.get()
    }

    /// Another tab's save is taken up here at once (the `storage` event fires in every other
    /// tab of the origin), so two tabs never overwrite each other's work unseen: this tab shows
    /// the latest workspace and says so. A save this tab cannot open pauses its saving.
    fn follow_other_tabs(self, notices: Notices) {
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() != Some(persist::WORKSPACE_KEY) {
                return;
            }
            let Some(text) = event.new_value() else {
                return;
            };
            if self
                .stored
                .with_value(|stored| stored.as_deref() == Some(&text))
            {
                return;
            }
            match persist::open(&text) {
                Ok(opened) => {
                    // The other tab's version wins: a change of this one still waiting for
                    // its save would overwrite it.
                    self.cancel_save();
                    self.stored.set_value(Some(text));
                    self.saving_paused.set(false);
                    self.replace_everything(opened.tenant, opened.designer);
                    notices.show(
                        NoticeKind::Info,
                        "This workspace was changed in another tab; this tab now shows that version. Undo starts afresh.",
                    );
                }
                Err(error) => {
                    self.saving_paused.set(true);
                    notices.show(
                        NoticeKind::Error,
                        format!("Another tab saved a workspace that this tab cannot open ({error}). This tab no longer saves, so it does not overwrite it: reload the page."),
                    );
                }
            }
        });
        on_cleanup(move || listener.remove());
    }

    /// The save document of the workspace (tenant and designer sections) as a file to download,
    /// with the time to write in it. Reactive.
    pub fn document(&self, saved_at: &str) -> String {
        self.history.with(|history| {
            self.designer.with(|designer| {
                esp_core::save::save(
                    history.present(),
                    &Value::Object(designer.clone()),
                    Some(saved_at),
                )
            })
        })
    }

    /// The same document without whitespace, as this browser's storage keeps it. Reactive.
    fn stored_document(&self) -> String {
        self.history.with(|history| {
            let designer = self
                .designer
                .with(|designer| Value::Object(designer.clone()));
            self.save_writer
                .try_update_value(|writer| writer.compact(history, &designer))
                // Only once the page's state is gone: a writer of its own writes it all.
                .unwrap_or_else(|| SaveWriter::default().compact(history, &designer))
        })
    }

    /// True when this visit found nothing saved and started from the sample.
    pub fn is_first_visit(&self) -> bool {
        self.first_visit.get_value()
    }

    /// Replaces the tenant and every designer section (an imported save, another tab's
    /// change), forgetting the undo history; live sections read their new state.
    pub fn replace_everything(&self, tenant: Tenant, designer: Map<String, Value>) {
        self.history.update(|history| history.reset(tenant));
        self.designer.set(designer);
        self.designer_epoch.update(|epoch| *epoch += 1);
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

    /// A number that changes whenever the tenant does: the history's generation (not reactive).
    pub fn revision(&self) -> u64 {
        self.history.with_untracked(History::generation)
    }

    /// Reads the tenant before and after the last change that Undo would undo, without
    /// subscribing; `None` when there is none.
    pub fn with_last_change<R>(&self, read: impl FnOnce(&Tenant, &Tenant) -> R) -> Option<R> {
        self.history.with_untracked(|history| {
            history
                .previous()
                .map(|before| read(before, history.present()))
        })
    }

    pub fn undo_label(&self) -> Option<String> {
        self.history
            .with(|history| history.undo_label().map(str::to_owned))
    }

    pub fn redo_label(&self) -> Option<String> {
        self.history
            .with(|history| history.redo_label().map(str::to_owned))
    }

    /// What another area keeps in its section, read once and not followed: for an area that
    /// needs a look at another's saved data (the list's impact note reads the preview's
    /// scenarios) without owning its signal.
    pub fn peek_section(&self, key: &str) -> Option<Value> {
        self.designer
            .with_untracked(|designer| designer.get(key).cloned())
    }

    /// The section `key` of the designer's state as a signal of `T`. A section that is missing,
    /// or that an older or newer build wrote in another shape, starts from `T::default()`.
    /// Call it once per section (at the area's root) and pass the signal down: two calls would
    /// give two signals that overwrite each other.
    pub fn section<T>(&self, key: &'static str) -> RwSignal<T>
    where
        T: Serialize + DeserializeOwned + Default + Clone + Send + Sync + 'static,
    {
        let designer = self.designer;
        let read = move || {
            designer
                .with_untracked(|designer| designer.get(key).map(read_section))
                .flatten()
                .unwrap_or_default()
        };
        let signal = RwSignal::new(read());
        let epoch = self.designer_epoch;
        // When the sections are replaced as a whole, this one starts again from what they hold.
        Effect::new(move |previous: Option<u64>| {
            let now = epoch.get();
            if previous.is_some_and(|previous| previous != now) {
                signal.set(read());
            }
            now
        });
        // The first run only subscribes: the section holds what was just read (or the default
        // of one the designer lacks), and writing it back would count as a change: every
        // area's first render would re-save the whole workspace (3 MB with a large tenant, in
        // the first second after start-up). A saved section this build cannot read stays as it
        // is until the area changes it.
        Effect::new(move |first_run: Option<()>| {
            if first_run.is_none() {
                signal.track();
                return;
            }
            let value = signal.with(write_section);
            designer.update(|sections| {
                sections.insert(key.to_owned(), value);
            });
        });
        signal
    }
}

/// Reads a section through its JSON text. `serde_json::from_value` would compile each section
/// type's deserializer (and those of the esp-core types inside it, already compiled for the save
/// file's text) a second time, for `Value` (ARCHITECTURE.md, Size).
pub fn read_section<T: DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_str(&value.to_string()).ok()
}

/// Writes a section through its JSON text, for the reason of [`read_section`].
fn write_section<T: Serialize>(section: &T) -> Value {
    serde_json::to_string(section)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}
