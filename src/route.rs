//! Where the user is: the app's routes and their URL form.
//!
//! Routes live in the URL's hash (`#/preview`), not its path. GitHub Pages serves only real files,
//! so a path route would need the `404.html` trick on every reload; the hash never reaches the
//! server, so any static host serves `index.html` and a deep link survives a reload. It also
//! spares the page leptos_router's ~44 KB (research/stack.md §1).
//!
//! A route is an [`Area`] (what the main navigation shows) plus the rest of the hash path as
//! segments and a query; each area reads its own segments (`#/profiles/new?step=settings`), so a
//! feature's sub-routes live beside the feature.

use leptos::prelude::*;

/// The areas of the main navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Profiles,
    Preview,
    Tenant,
    /// A hash that names no area, kept so the page can say so instead of guessing.
    NotFound,
}

impl Area {
    /// The areas in navigation order.
    pub const ALL: [Area; 3] = [Area::Profiles, Area::Preview, Area::Tenant];

    pub fn slug(self) -> &'static str {
        match self {
            Area::Profiles => "profiles",
            Area::Preview => "preview",
            Area::Tenant => "tenant",
            Area::NotFound => "not-found",
        }
    }

    fn from_slug(slug: &str) -> Area {
        match slug {
            "" | "profiles" => Area::Profiles,
            "preview" => Area::Preview,
            "tenant" => Area::Tenant,
            _ => Area::NotFound,
        }
    }

    /// The name people see in the navigation and the page heading.
    pub fn label(self) -> &'static str {
        match self {
            Area::Profiles => "Profiles",
            Area::Preview => "Preview",
            Area::Tenant => "Tenant",
            Area::NotFound => "Page not found",
        }
    }

    /// The `href` of the area's landing page.
    pub fn href(self) -> String {
        Route::new(self).href()
    }
}

/// A place in the app: an area, the segments after it and a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub area: Area,
    pub segments: Vec<String>,
    pub query: Vec<(String, String)>,
}

impl Route {
    pub fn new(area: Area) -> Self {
        Route {
            area,
            segments: Vec::new(),
            query: Vec::new(),
        }
    }

    /// Adds a path segment (`Route::new(Area::Profiles).segment("new")`).
    pub fn segment(mut self, segment: impl Into<String>) -> Self {
        self.segments.push(segment.into());
        self
    }

    /// Adds a query parameter.
    pub fn param(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((key.into(), value.into()));
        self
    }

    /// The first value of a query parameter.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Reads a location hash (with or without its leading `#`). An empty hash is the landing page.
    pub fn from_hash(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let mut parts = path.split('/').filter(|part| !part.is_empty()).map(decode);
        let area = Area::from_slug(parts.next().as_deref().unwrap_or(""));
        let query = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(key), decode(value))
            })
            .collect();
        Route {
            area,
            segments: parts.collect(),
            query,
        }
    }

    /// The `href` that leads here (`#/profiles/new?step=settings`).
    pub fn href(&self) -> String {
        let mut href = format!("#/{}", self.area.slug());
        for segment in &self.segments {
            href.push('/');
            href.push_str(&encode(segment));
        }
        for (index, (key, value)) in self.query.iter().enumerate() {
            href.push(if index == 0 { '?' } else { '&' });
            href.push_str(&encode(key));
            href.push('=');
            href.push_str(&encode(value));
        }
        href
    }

    /// True for hashes that are routes; `#main`-style in-page anchors are not.
    pub fn is_route_hash(hash: &str) -> bool {
        let hash = hash.trim_start_matches('#');
        hash.is_empty() || hash.starts_with('/')
    }

    /// The document title, so browser tabs and history entries say where they lead.
    pub fn title(&self) -> String {
        format!("{} · {}", self.area.label(), esp_core::PRODUCT_NAME)
    }
}

/// The current route, provided by the shell.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

impl CurrentRoute {
    pub fn get() -> Signal<Route> {
        let route = expect_context::<CurrentRoute>().0;
        Signal::derive(move || route.get())
    }
}

/// Goes to a route, adding a browser history entry (so Back returns).
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

/// Replaces the current route without a new history entry (a wizard step change, say).
pub fn replace(route: &Route) {
    let href = route.href();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
    }
    if let Some(current) = use_context::<CurrentRoute>() {
        current.0.set(route.clone());
    }
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reverses [`encode`]; malformed escapes are kept as written, and `+` reads as a space.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = (byte == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (byte, escaped) {
            (_, Some(value)) => {
                out.push(value);
                index += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                index += 1;
            }
            (_, None) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{decode, encode, Area, Route};

    #[test]
    fn hashes_parse_to_areas() {
        let cases = [
            ("", Area::Profiles),
            ("#", Area::Profiles),
            ("#/", Area::Profiles),
            ("#/profiles", Area::Profiles),
            ("/preview", Area::Preview),
            ("#/preview?scenario=kiosk", Area::Preview),
            ("#/tenant/groups", Area::Tenant),
            ("#/nowhere", Area::NotFound),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::from_hash(hash).area, expected, "hash {hash:?}");
        }
    }

    #[test]
    fn segments_and_query_round_trip() {
        let route = Route::new(Area::Profiles)
            .segment("id with/slash")
            .param("step", "scope tags")
            .param("x", "a&b=c ü");
        let parsed = Route::from_hash(&route.href());
        assert_eq!(parsed, route);
        assert_eq!(parsed.get("step"), Some("scope tags"));
        assert_eq!(parsed.get("missing"), None);
    }

    #[test]
    fn every_area_href_parses_back_to_itself() {
        for area in Area::ALL {
            assert_eq!(Route::from_hash(&area.href()).area, area);
        }
    }

    #[test]
    fn in_page_anchors_are_not_routes() {
        assert!(Route::is_route_hash("#/tenant"));
        assert!(Route::is_route_hash(""));
        assert!(!Route::is_route_hash("#main"));
    }

    #[test]
    fn decoding_tolerates_malformed_escapes() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%41"), "%zzA");
        assert_eq!(decode("a+b"), "a b");
        assert_eq!(encode("Kiosk ESP"), "Kiosk%20ESP");
    }
}
