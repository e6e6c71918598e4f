//! The stylesheets only the split parts use (`style/wizard.css`, `preview.css`, `tenant.css`):
//! index.html inlines `main.css` and `profiles.css`, and a part's constructor adds the sheets its
//! views need before building them. The sheets' text is referenced from the split functions only,
//! so it lands in the parts' modules (a sheet several parts use, in a module they share), not in
//! the main one.

/// A stylesheet that only split parts use, added to the page by the first part that needs it.
pub(super) struct Sheet {
    /// The `data-stylesheet` of its `<style>` element, one of `CASCADE`.
    name: &'static str,
    css: &'static str,
}

/// The split parts' sheets in cascade order, as index.html inlined them before the split (after
/// `main.css` and `profiles.css`). Whatever order the parts load in, the sheets keep this one.
const CASCADE: [&str; 3] = ["wizard", "preview", "tenant"];

// Which sheets a part needs follows from its views' classes: the wizard's dialogs and fields use
// rules of the preview's (`.confirm`) and the Tenant area's (`.field`, `.link-button`, `main h2`)
// sheets; the Preview uses the Tenant area's (`.field`, `.button-row`, `.warning`, `main h2`); the
// Tenant area uses the preview's (`.button-row`, `.warning`). The import dialog needs the Tenant
// area's only (`dialog.modal`, the report's tables).
pub(super) static WIZARD_CSS: Sheet = Sheet {
    name: "wizard",
    css: include_str!("../../style/wizard.css"),
};
pub(super) static PREVIEW_CSS: Sheet = Sheet {
    name: "preview",
    css: include_str!("../../style/preview.css"),
};
pub(super) static TENANT_CSS: Sheet = Sheet {
    name: "tenant",
    css: include_str!("../../style/tenant.css"),
};

/// Adds each sheet to `<head>` as `<style data-stylesheet="name">`, unless it is there already,
/// placed before the first added sheet that comes later in `CASCADE`, so that the cascade is the
/// one of a page with every sheet. Without a document (natively) there is nothing to style.
pub(super) fn add_sheets(sheets: &[&Sheet]) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(head) = document.query_selector("head").ok().flatten() else {
        return;
    };
    let added = |name: &str| {
        head.query_selector(&format!("style[data-stylesheet=\"{name}\"]"))
            .ok()
            .flatten()
    };
    for sheet in sheets {
        if added(sheet.name).is_some() {
            continue;
        }
        let Ok(style) = document.create_element("style") else {
            return;
        };
        let _ = style.set_attribute("data-stylesheet", sheet.name);
        style.set_text_content(Some(sheet.css));
        let rank = CASCADE.iter().position(|name| *name == sheet.name);
        let next = CASCADE
            .iter()
            .skip(rank.map_or(CASCADE.len(), |rank| rank + 1))
            .find_map(|later| added(later));
        let _ = head.insert_before(&style, next.as_ref().map(|next| next.as_ref()));
    }
}
