//! Files the user hands to the app, by picking or dropping them, on their way to the import
//! flow. The picker (on the Tenant area's import page) and the page-wide drop target sit in
//! different parts of the page; both put the file here, and the one import flow takes it.

use leptos::prelude::*;

/// The file waiting to be opened, if any.
#[derive(Clone, Copy)]
pub struct FileInbox(RwSignal<Option<web_sys::File>, LocalStorage>);

impl FileInbox {
    pub(super) fn new() -> Self {
        FileInbox(RwSignal::new_local(None))
    }

    /// The inbox of the app, from any component below the shell.
    pub fn get() -> Self {
        use_context::<FileInbox>().unwrap_or_else(FileInbox::new)
    }

    /// Hands a file to the import flow.
    pub fn put(&self, file: web_sys::File) {
        self.0.set(Some(file));
    }

    /// Whether a file waits (reactive).
    pub fn has_file(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// Takes the waiting file, if any (reactive: the caller re-runs when a file arrives).
    pub fn take(&self) -> Option<web_sys::File> {
        let file = self.0.get()?;
        self.0.set(None);
        Some(file)
    }
}
