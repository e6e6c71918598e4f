//! The Tenant area: the catalog of groups, apps, assignment filters and scope tags that profiles
//! use, and the workspace's files: import, export, the Graph requests of each profile, and
//! starting over.
//!
//! Routes of the area (build them with [`routes`], never by hand):
//! - `#/tenant`: the overview; `#/tenant/groups`, `/apps`, `/filters`, `/scope-tags`: the lists;
//! - `#/tenant/import-export`: import, export, start over, saves kept aside;
//! - `#/tenant/export?profile=<id>`: one profile's Graph request bodies and PowerShell script.
//!
//! The page-wide part, [`FileImport`] (the drop target and the import dialog), is mounted by the
//! shell so that a file can be dropped on any page.

mod apps;
mod browser;
mod catalog;
mod export;
mod file_import;
mod filters;
mod groups;
mod import_export;
mod modal;
mod overview;
mod report;
mod scope_tags;
mod ui;

pub use file_import::{FileImport, ImportDialog};

use leptos::prelude::*;

use crate::route::CurrentRoute;

#[component]
pub fn TenantPage() -> impl IntoView {
    let route = CurrentRoute::get();
    // Re-created only when the page changes, not when its query does.
    let page = Memo::new(move |_| route.with(|r| Page::from_segments(&r.segments)));
    view! {
        <SubNavigation page />
        {move || match page.get() {
            Page::Overview => view! { <overview::Overview /> }.into_any(),
            Page::Groups => view! { <groups::Groups /> }.into_any(),
            Page::Apps => view! { <apps::Apps /> }.into_any(),
            Page::Filters => view! { <filters::Filters /> }.into_any(),
            Page::ScopeTags => view! { <scope_tags::ScopeTags /> }.into_any(),
            Page::ImportExport => view! { <import_export::ImportExport /> }.into_any(),
            Page::Export => view! { <export::ProfileExport /> }.into_any(),
            Page::NotFound => view! { <NotFound /> }.into_any(),
        }}
    }
}

/// The pages of the area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    Overview,
    Groups,
    Apps,
    Filters,
    ScopeTags,
    ImportExport,
    Export,
    NotFound,
}

impl Page {
    /// The pages the sub-navigation lists, in order, with their labels.
    const LISTED: [(Page, &'static str); 6] = [
        (Page::Overview, "Overview"),
        (Page::Groups, "Groups"),
        (Page::Apps, "Apps"),
        (Page::Filters, "Assignment filters"),
        (Page::ScopeTags, "Scope tags"),
        (Page::ImportExport, "Import and export"),
    ];

    fn slug(self) -> Option<&'static str> {
        match self {
            Page::Overview | Page::NotFound => None,
            Page::Groups => Some("groups"),
            Page::Apps => Some("apps"),
            Page::Filters => Some("filters"),
            Page::ScopeTags => Some("scope-tags"),
            Page::ImportExport => Some("import-export"),
            Page::Export => Some("export"),
        }
    }

    fn from_segments(segments: &[String]) -> Page {
        match segments {
            [] => Page::Overview,
            [slug] => [
                Page::Groups,
                Page::Apps,
                Page::Filters,
                Page::ScopeTags,
                Page::ImportExport,
                Page::Export,
            ]
            .into_iter()
            .find(|page| page.slug() == Some(slug.as_str()))
            .unwrap_or(Page::NotFound),
            _ => Page::NotFound,
        }
    }

    fn route(self) -> crate::route::Route {
        let route = crate::route::Route::new(crate::route::Area::Tenant);
        match self.slug() {
            Some(slug) => route.segment(slug),
            None => route,
        }
    }
}

#[component]
fn SubNavigation(page: Memo<Page>) -> impl IntoView {
    view! {
        <nav aria-label="Tenant" class="tenant-nav">
            <ul>
                {Page::LISTED
                    .map(|(link, label)| {
                        view! {
                            <li>
                                <a
                                    href=link.route().href()
                                    aria-current=move || (page.get() == link).then_some("page")
                                >
                                    {label}
                                </a>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"The Tenant area has no page at this address."</p>
        <p>
            <a href=routes::overview().href()>"Go to the tenant overview"</a>
        </p>
    }
}

/// The area's routes.
pub mod routes {
    use super::Page;
    use crate::route::Route;

    pub fn overview() -> Route {
        Page::Overview.route()
    }

    pub fn groups() -> Route {
        Page::Groups.route()
    }

    pub fn apps() -> Route {
        Page::Apps.route()
    }

    pub fn filters() -> Route {
        Page::Filters.route()
    }

    pub fn scope_tags() -> Route {
        Page::ScopeTags.route()
    }

    pub fn import_export() -> Route {
        Page::ImportExport.route()
    }

    /// The Graph requests page, showing the first profile.
    pub fn export() -> Route {
        Page::Export.route()
    }

    /// The Graph requests of one profile (`crate::profiles::routes::export_of` leads here too).
    pub fn export_of(profile_id: &str) -> Route {
        Page::Export.route().param("profile", profile_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_lead_to_their_pages() {
        for (page, _) in Page::LISTED.into_iter().chain([(Page::Export, "")]) {
            let route = crate::route::Route::from_hash(&page.route().href());
            assert_eq!(Page::from_segments(&route.segments), page);
        }
        assert_eq!(Page::from_segments(&["nope".to_owned()]), Page::NotFound);
        let export = crate::route::Route::from_hash(&routes::export_of("a b").href());
        assert_eq!(export.get("profile"), Some("a b"));
        assert_eq!(
            crate::profiles::routes::export_of("x").href(),
            routes::export_of("x").href()
        );
    }
}
