//! Where the user is: the app's routes and their URL form.
//!
//! Routes live in the URL's hash (`#/preview`), not its path. GitHub Pages serves only real files,
//! so a path route would need the `404.html` trick on every reload; the hash never reaches the
//! server, so any static host serves `index.html` and a deep link survives a reload. It also
//! spares the page leptos_router's ~44 KB (research/stack.md §1).

/// One place in the app. Parsing and printing are inverses, so the URL and the view never disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Profiles,
    Preview,
    Tenant,
    /// A hash that names no place, kept so the page can say so instead of guessing.
    NotFound,
}

impl Route {
    /// The areas in navigation order.
    pub const AREAS: [Route; 3] = [Route::Profiles, Route::Preview, Route::Tenant];

    /// Reads a location hash (with or without its leading `#`). An empty hash is the landing page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let first = path.split(['/', '?']).next().unwrap_or_default();
        match first {
            "" | "profiles" => Route::Profiles,
            "preview" => Route::Preview,
            "tenant" => Route::Tenant,
            _ => Route::NotFound,
        }
    }

    /// True for hashes that are routes; `#main`-style in-page anchors are not.
    pub fn is_route_hash(hash: &str) -> bool {
        let hash = hash.trim_start_matches('#');
        hash.is_empty() || hash.starts_with('/')
    }

    /// The `href` that leads here.
    pub fn href(self) -> &'static str {
        match self {
            Route::Profiles => "#/profiles",
            Route::Preview => "#/preview",
            Route::Tenant => "#/tenant",
            Route::NotFound => "#/not-found",
        }
    }

    /// The name people see in the navigation and the page heading.
    pub fn label(self) -> &'static str {
        match self {
            Route::Profiles => "Profiles",
            Route::Preview => "Preview",
            Route::Tenant => "Tenant",
            Route::NotFound => "Page not found",
        }
    }

    /// The document title, so browser tabs and history entries say where they lead.
    pub fn title(self) -> String {
        format!("{} · {}", self.label(), esp_core::PRODUCT_NAME)
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn hashes_parse_to_routes() {
        let cases = [
            ("", Route::Profiles),
            ("#", Route::Profiles),
            ("#/", Route::Profiles),
            ("#/profiles", Route::Profiles),
            ("/preview", Route::Preview),
            ("#/preview?scenario=kiosk", Route::Preview),
            ("#/tenant/groups", Route::Tenant),
            ("#/nowhere", Route::NotFound),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::from_hash(hash), expected, "hash {hash:?}");
        }
    }

    #[test]
    fn every_area_href_parses_back_to_itself() {
        for route in Route::AREAS {
            assert_eq!(Route::from_hash(route.href()), route);
        }
    }

    #[test]
    fn in_page_anchors_are_not_routes() {
        assert!(Route::is_route_hash("#/tenant"));
        assert!(Route::is_route_hash(""));
        assert!(!Route::is_route_hash("#main"));
    }
}
