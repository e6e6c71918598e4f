//! The app's state, provided once by the shell as context and used by every area.
//!
//! - [`Workspace`]: the tenant being designed (with undo history) and the designer's own
//!   sections (wizard draft, preview scenarios, …), saved to the browser after every change.
//! - [`Notices`]: short messages to the user (saved, refused, restored, …).
//! - [`FileInbox`]: a file picked or dropped, on its way to the import flow.

mod inbox;
mod notices;
mod persist;
mod save_writer;
mod workspace;

pub use inbox::FileInbox;
pub use notices::{NoticeKind, Notices, NoticesRegion};
pub use persist::{discard_kept_aside, kept_aside, KeptAside};
pub use workspace::{read_section, SaveState, Workspace};

use leptos::prelude::*;

/// Creates the state; call once, in the shell. The workspace is empty until the shell opens it
/// ([`Workspace::open`]) after its first frame.
pub fn provide() -> (Workspace, Notices) {
    let notices = Notices::new();
    let workspace = Workspace::unopened();
    provide_context(workspace);
    provide_context(notices);
    provide_context(FileInbox::new());
    (workspace, notices)
}
