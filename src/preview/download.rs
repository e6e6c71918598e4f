//! Saving text as a file: a Blob, an object URL and a click on a link that names the file.

use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `file_name`; the error is a sentence for the user.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let failed = |_| format!("The browser could not prepare {file_name} for download.");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| format!("The browser could not prepare {file_name} for download."))?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download has started by now; the URL is released a little later, to be safe.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    Ok(())
}
