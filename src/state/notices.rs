//! Short messages to the user, announced to screen readers: a polite status for news, an alert
//! for what went wrong.

use leptos::prelude::*;

use crate::erased::KeyedRows;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened as asked ("Profile created").
    Info,
    /// Something needs attention but nothing was lost.
    Warning,
    /// Something the user asked for did not happen.
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Notice {
    id: u64,
    kind: NoticeKind,
    text: String,
    /// Where the user can act on the notice: (link text, href).
    link: Option<(String, String)>,
}

/// The list of notices on screen; `Copy`, so any component can hold it.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u64>,
}

impl Notices {
    pub(super) fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    /// The notices of the app, from any component below the shell.
    pub fn get() -> Self {
        use_context::<Notices>().unwrap_or_else(Notices::new)
    }

    pub fn show(&self, kind: NoticeKind, text: impl Into<String>) {
        self.push(kind, text.into(), None);
    }

    /// A notice with a link to where the user can act on it ("Download it").
    pub fn show_with_link(
        &self,
        kind: NoticeKind,
        text: impl Into<String>,
        link_text: impl Into<String>,
        href: impl Into<String>,
    ) {
        self.push(kind, text.into(), Some((link_text.into(), href.into())));
    }

    fn push(&self, kind: NoticeKind, text: String, link: Option<(String, String)>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.list.update(|list| {
            // The same message twice in a row says nothing new.
            list.retain(|notice| notice.text != text);
            list.push(Notice {
                id,
                kind,
                text,
                link,
            });
        });
    }

    fn dismiss(&self, id: u64) {
        self.list
            .update(|list| list.retain(|notice| notice.id != id));
    }

    fn of_kind(&self, errors: bool) -> Vec<Notice> {
        self.list.with(|list| {
            list.iter()
                .filter(|notice| (notice.kind == NoticeKind::Error) == errors)
                .cloned()
                .collect()
        })
    }
}

/// Renders the notices: errors in an alert region, the rest in a polite status region. Both
/// regions always exist, so that screen readers pick up what is added to them.
#[component]
pub fn NoticesRegion(notices: Notices) -> impl IntoView {
    let row = move |notice: Notice| {
        let class = match notice.kind {
            NoticeKind::Info => "notice notice-info",
            NoticeKind::Warning => "notice notice-warning",
            NoticeKind::Error => "notice notice-error",
        };
        view! {
            <div class=class>
                <p>
                    {notice.text}
                    {notice
                        .link
                        .map(|(text, href)| {
                            view! {
                                " "
                                <a href=href>{text}</a>
                            }
                        })}
                </p>
                <button type="button" class="link-button" on:click=move |_| notices.dismiss(notice.id)>
                    "Dismiss"
                </button>
            </div>
        }
    };
    view! {
        <div class="notices">
            <div role="alert" aria-label="Errors">
                <KeyedRows each=move || notices.of_kind(true) key=|notice| notice.id.to_string() children=move |n| row(n).into_any() />
            </div>
            <div role="status" aria-label="Messages">
                <KeyedRows each=move || notices.of_kind(false) key=|notice| notice.id.to_string() children=move |n| row(n).into_any() />
            </div>
        </div>
    }
}
