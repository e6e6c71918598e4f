//! The Profiles area: the ESP profiles in priority order (`list/`), and the wizard that creates
//! and edits them (`wizard/`).
//!
//! Routes of the area (build them with [`routes`], never by hand):
//! - `#/profiles`: the list; `?highlight=<id>` marks a profile just created or saved.
//! - `#/profiles/new?step=<step>`: the wizard creating a profile.
//! - `#/profiles/<id>?step=<step>`: the wizard editing a profile (it opens on Review).

mod list;
mod wizard;

pub(crate) use list::{impact_of_last_change, ImpactSummary};
pub(crate) use wizard::Wizard;

use leptos::prelude::*;

use crate::route::{Area, CurrentRoute, Route};

#[component]
pub fn ProfilesPage() -> impl IntoView {
    provide_context(list::LastImpact(RwSignal::new(None)));
    let route = CurrentRoute::get();
    // Which page of the area: re-created only when that changes, not on every step or query.
    let page = Memo::new(move |_| route.with(Page::of));
    move || match page.get() {
        Page::List => view! { <list::ProfileList /> }.into_any(),
        Page::Create => crate::chunks::wizard(None).into_any(),
        Page::Edit(id) => crate::chunks::wizard(Some(id)).into_any(),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Page {
    List,
    Create,
    Edit(String),
}

impl Page {
    /// The page of the area a route of it shows.
    fn of(route: &Route) -> Page {
        match route.segments.as_slice() {
            [] => Page::List,
            [new] if new == "new" => Page::Create,
            [id, ..] => Page::Edit(id.clone()),
        }
    }
}

/// Whether a route shows the wizard (creating or editing a profile).
pub(crate) fn shows_wizard(route: &Route) -> bool {
    route.area == Area::Profiles && Page::of(route) != Page::List
}

/// The area's routes.
pub mod routes {
    use crate::route::{Area, Route};

    pub fn list() -> Route {
        Route::new(Area::Profiles)
    }

    /// The list with one profile marked (just created or saved).
    pub fn list_highlighting(profile_id: &str) -> Route {
        list().param("highlight", profile_id)
    }

    /// The wizard creating a profile, at a step (`basics`, `settings`, …).
    pub fn create(step: &str) -> Route {
        Route::new(Area::Profiles)
            .segment("new")
            .param("step", step)
    }

    /// The wizard editing a profile, at a step.
    pub fn edit(profile_id: &str, step: &str) -> Route {
        Route::new(Area::Profiles)
            .segment(profile_id)
            .param("step", step)
    }

    /// The preview with a profile highlighted.
    pub fn preview_of(profile_id: &str) -> Route {
        Route::new(Area::Preview).param("profile", profile_id)
    }

    /// The Graph request bodies of one profile, in the Tenant area's export page.
    pub fn export_of(profile_id: &str) -> Route {
        Route::new(Area::Tenant)
            .segment("export")
            .param("profile", profile_id)
    }
}
