//! Modal dialogs on the browser's own `<dialog>`: it traps focus, closes on Escape and gives
//! focus back to what opened it, which a hand-made overlay would have to imitate.

use leptos::html;
use leptos::prelude::*;

use crate::erased::When;

/// A modal dialog, open while `open` is true. `on_close` runs when it closes by itself (Escape)
/// as well as when `open` turns false; the content is built afresh each time it opens.
#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    on_close: Callback<()>,
    /// The id of the heading that names the dialog.
    labelled_by: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else {
            return;
        };
        match (open.get(), element.open()) {
            (true, false) => {
                let _ = element.show_modal();
            }
            (false, true) => element.close(),
            _ => {}
        }
    });
    view! {
        <dialog
            class="modal"
            node_ref=dialog
            aria-labelledby=labelled_by
            on:close=move |_| {
                // The close event arrives a task after the dialog closed: when the dialog has
                // been opened again meanwhile (a second file picked at once), it is stale and
                // must not close the new content.
                if !dialog.get_untracked().is_some_and(|d| d.open()) {
                    on_close.run(());
                }
            }
        >
            <When when=move || open.get()>{children()}</When>
        </dialog>
    }
}

/// A question the user must answer before something happens.
#[derive(Clone)]
pub struct Confirmation {
    /// The dialog's heading, a question ("Delete group 'Kiosks'?").
    pub title: String,
    /// Paragraphs saying what will happen.
    pub lines: Vec<String>,
    /// The button that goes ahead ("Delete").
    pub confirm: String,
    /// What going ahead does.
    pub on_confirm: Callback<()>,
}

/// Shows the confirmation in `ask` while there is one; Cancel (focused first, the safe choice),
/// Escape and the confirm button all close it.
#[component]
pub fn ConfirmDialog(ask: RwSignal<Option<Confirmation>>) -> impl IntoView {
    let close = Callback::new(move |()| ask.set(None));
    view! {
        <Modal open=Signal::derive(move || ask.with(Option::is_some)) on_close=close labelled_by="confirm-title">
            {move || {
                ask.get()
                    .map(|question| {
                        let on_confirm = question.on_confirm;
                        view! {
                            <h2 id="confirm-title">{question.title}</h2>
                            {question.lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                            <div class="dialog-buttons">
                                <button type="button" autofocus on:click=move |_| ask.set(None)>
                                    "Cancel"
                                </button>
                                <button
                                    type="button"
                                    class="primary"
                                    on:click=move |_| {
                                        ask.set(None);
                                        on_confirm.run(());
                                    }
                                >
                                    {question.confirm}
                                </button>
                            </div>
                        }
                    })
            }}
        </Modal>
    }
}
