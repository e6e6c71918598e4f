//! The last line of defence: a panic must never leave a blank page.
//!
//! With `panic = "abort"` the wasm instance is dead once the hook returns, so the message is built
//! with plain DOM calls, not with Leptos, and every step is fallible rather than panicking again.

use web_sys::{Document, Element};

const HEADING: &str = "ESP Designer stopped because of an internal error";
const ADVICE: &str = "Reload the page to continue. If this happens again, \
    please report it with the technical details below.";

/// Routes every panic to the console (for developers) and to a visible alert (for the admin).
pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Nothing more can be done if even the DOM is unreachable; the console has the details.
        let _ = show_message(&info.to_string());
    }));
}

fn show_message(detail: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let panel = element(&document, "section", None)?;
    panel.set_class_name("fatal");
    panel.set_attribute("role", "alert").ok()?;
    panel
        .set_attribute("aria-labelledby", "fatal-heading")
        .ok()?;
    let heading = element(&document, "h2", Some(HEADING))?;
    heading.set_id("fatal-heading");
    let advice = element(&document, "p", Some(ADVICE))?;
    let details = element(&document, "details", None)?;
    let summary = element(&document, "summary", Some("Technical details"))?;
    let pre = element(&document, "pre", Some(detail))?;
    details.append_with_node_2(&summary, &pre).ok()?;
    panel.append_with_node_3(&heading, &advice, &details).ok()?;
    document.body()?.prepend_with_node_1(&panel).ok()
}

fn element(document: &Document, tag: &str, text: Option<&str>) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    element.set_text_content(text);
    Some(element)
}
