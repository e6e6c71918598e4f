//! Showing a part whose code may still be on its way.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// What a part's code builds once it is loaded.
pub(super) type Build = Box<dyn Fn() -> AnyView>;

/// A part being downloaded.
pub(super) type Loading = Pin<Box<dyn Future<Output = Result<Build, SplitLoaderError>>>>;

/// Shows `what` once its code has arrived: a note while it downloads, and a way to try again if
/// it cannot be fetched (the network went away, or the site was updated since the page loaded).
pub(super) fn deferred(what: &'static str, load: impl Fn() -> Loading + 'static) -> AnyView {
    let state = RwSignal::new_local(Shown::Loading);
    let fetch = StoredValue::new_local(move || {
        let loading = load();
        leptos::task::spawn_local(async move {
            // The part may have been left before its code arrived: then nobody reads `state`.
            state.try_set(match loading.await {
                Ok(build) => Shown::Ready(std::rc::Rc::new(build)),
                Err(_) => Shown::Failed,
            });
        });
    });
    fetch.with_value(|fetch| fetch());
    let retry = move |_| {
        state.set(Shown::Loading);
        fetch.with_value(|fetch| fetch());
    };
    (move || match state.get() {
        Shown::Loading => view! {
            <p class="chunk-loading" role="status">"Loading " {what} "…"</p>
        }
        .into_any(),
        // The part's own reads belong to its own effects, not to this switch.
        Shown::Ready(build) => untrack(|| build()),
        Shown::Failed => view! {
            <div class="chunk-failed" role="alert">
                <p>
                    "ESP Designer could not download " {what}
                    ". Your work is kept in this browser. Check the connection and try again, or \
                     reload the page if ESP Designer was updated since you opened it."
                </p>
                <button type="button" on:click=retry>"Try again"</button>
                " "
                <button type="button" on:click=|_| reload()>"Reload the page"</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// Reloads the page: the way to a part of a newer version than the page's (each build's files
/// live in a directory of their own, so an old page cannot fetch a new part). Autosave writes
/// any pending change as the page is left.
fn reload() {
    let _ = window().location().reload();
}

/// What `deferred` shows.
#[derive(Clone)]
enum Shown {
    Loading,
    Ready(std::rc::Rc<Build>),
    Failed,
}
