//! The shell: header, main navigation and the area that the route selects.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::preview::PreviewPage;
use crate::profiles::ProfilesPage;
use crate::route::Route;
use crate::tenant::TenantPage;

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::from_hash(&location_hash().unwrap_or_default()));
    let listener = window_event_listener(ev::hashchange, move |_| {
        let hash = location_hash().unwrap_or_default();
        if Route::is_route_hash(&hash) {
            route.set(Route::from_hash(&hash));
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |_| document().set_title(&route.get().title()));

    let content = NodeRef::<html::Main>::new();
    // The skip link focuses the content itself: an `href="#content"` would look like a route.
    let skip_to_content = move |event: ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = content.get() {
            let _ = main.focus();
        }
    };

    view! {
        <a class="skip-link" href="#content" on:click=skip_to_content>
            "Skip to content"
        </a>
        <header class="app-header">
            <p class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                {esp_core::PRODUCT_NAME}
            </p>
            <nav aria-label="Main">
                <ul>
                    {Route::AREAS
                        .map(|area| {
                            view! {
                                <li>
                                    <a
                                        href=area.href()
                                        aria-current=move || (route.get() == area).then_some("page")
                                    >
                                        {area.label()}
                                    </a>
                                </li>
                            }
                        })}
                </ul>
            </nav>
        </header>
        <main id="content" tabindex="-1" node_ref=content>
            {move || match route.get() {
                Route::Profiles => view! { <ProfilesPage /> }.into_any(),
                Route::Preview => view! { <PreviewPage /> }.into_any(),
                Route::Tenant => view! { <TenantPage /> }.into_any(),
                Route::NotFound => view! { <NotFoundPage /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn NotFoundPage() -> impl IntoView {
    view! {
        <h1>{Route::NotFound.label()}</h1>
        <p>"There is nothing at this address. It may come from an older version of ESP Designer."</p>
        <p>
            <a href=Route::Profiles.href()>"Go to the profiles"</a>
        </p>
    }
}
