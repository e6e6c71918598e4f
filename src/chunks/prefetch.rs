//! Downloading a part before it is opened, on the user's intent.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{preload_preview, preload_tenant, preload_wizard};
use crate::route::{Area, Route};

/// Starts downloading a part's code when the user shows the intent to open it: the pointer over
/// a link to it, or focus on one (any link of the page, the main navigation and the list's
/// *Create profile* and profile names among them). The part is then usually there by the click.
/// Only intent: a first visit that opens nothing downloads nothing more. A failed download is not
/// reported here; opening the part reports it and tries again.
pub fn prefetch_on_intent() {
    let on_intent = |event: web_sys::Event| {
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|link| link.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(link) = link {
            prefetch(&Route::from_hash(&link.hash()));
        }
    };
    let pointer = window_event_listener_untyped("pointerover", on_intent);
    let focus = window_event_listener_untyped("focusin", on_intent);
    on_cleanup(move || {
        pointer.remove();
        focus.remove();
    });
}

/// Downloads the code of the part a route shows, if it is not there yet.
fn prefetch(route: &Route) {
    let area = route.area;
    if !matches!(area, Area::Preview | Area::Tenant) && !crate::profiles::shows_wizard(route) {
        return;
    }
    leptos::task::spawn_local(async move {
        let _ = match area {
            Area::Preview => preload_preview().await,
            Area::Tenant => preload_tenant().await,
            // Of the Profiles area's routes, only the wizard's get this far.
            Area::Profiles | Area::NotFound => preload_wizard().await,
        };
    });
}
