//! One profile's Graph requests: the bodies that create it, assign it and set its priority (for
//! the default profile, the PATCH of its settings), each with a copy button, and a PowerShell
//! script that sends them with `Invoke-MgGraphRequest`. The profiles list links here through
//! `profiles::routes::export_of`.

use std::time::Duration;

use esp_core::graph::export::requests;
use esp_core::graph::powershell::{powershell_script, GRAPH_SCOPE};
use esp_core::model::ProfileId;
use esp_core::validate;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::routes;
use super::ui::SelectField;
use crate::route::CurrentRoute;
use crate::state::Workspace;

/// One request as the page shows it.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    step: usize,
    what: &'static str,
    method: &'static str,
    url: String,
    body: String,
}

/// What the page shows for one profile.
#[derive(Clone, Debug, PartialEq)]
struct Export {
    id: String,
    name: String,
    errors: usize,
    requests: Vec<Shown>,
    script: String,
}

fn title_of(method: &str, url: &str) -> &'static str {
    if method == "PATCH" {
        "Update the default profile's settings"
    } else if url.ends_with("/assign") {
        "Assign it"
    } else if url.ends_with("/setPriority") {
        "Set its priority"
    } else {
        "Create the profile"
    }
}

#[component]
pub fn ProfileExport() -> impl IntoView {
    let workspace = Workspace::get();
    let route = CurrentRoute::get();
    let wanted = Memo::new(move |_| route.with(|r| r.get("profile").map(str::to_owned)));
    let choices = Memo::new(move |_| {
        workspace.with_tenant(|tenant| {
            tenant
                .profiles()
                .map(|(priority, profile)| {
                    (
                        profile.id().to_string(),
                        format!("{priority}. {}", profile.name()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    // The profile asked for, else the first one (the default profile when there is no other).
    let current = Memo::new(move |_| {
        let wanted = wanted.get();
        choices.with(|choices| {
            wanted
                .as_ref()
                .filter(|id| choices.iter().any(|(c, _)| c == *id))
                .cloned()
                .or_else(|| choices.first().map(|(id, _)| id.clone()))
        })
    });
    let unknown = move || {
        wanted
            .get()
            .filter(|id| !id.is_empty() && current.get().as_ref() != Some(id))
    };
    let export = Memo::new(move |_| {
        let id = current.get()?;
        workspace.with_tenant(|tenant| {
            let profile = tenant.profile(&ProfileId::from(id.as_str()))?;
            let requests = requests(profile, tenant)
                .into_iter()
                .enumerate()
                .map(|(n, request)| Shown {
                    step: n + 1,
                    what: title_of(request.method, &request.url),
                    method: request.method,
                    url: request.url,
                    body: format!("{:#}", request.body),
                })
                .collect();
            Some(Export {
                id: id.clone(),
                name: profile.name().to_owned(),
                errors: validate::profile(profile, tenant)
                    .iter()
                    .filter(|finding| finding.is_error())
                    .count(),
                requests,
                script: powershell_script(profile, tenant),
            })
        })
    });
    view! {
        <h1>"Graph requests"</h1>
        <p class="lead">
            "What to send to Microsoft Graph (beta) to create a profile as designed. "
            {format!("The requests need the {GRAPH_SCOPE} permission. ")}
            "Groups, apps and filters are named by their ids: objects created in ESP Designer have "
            "local ids (local-…) that Intune does not know until you replace them."
        </p>
        <SelectField
            id="export-profile"
            label="Profile"
            choices=choices
            value=Signal::derive(move || current.get().unwrap_or_default())
            on_change=Callback::new(move |id: String| crate::route::replace(&routes::export_of(&id)))
        />
        {move || {
            unknown()
                .map(|id| {
                    view! {
                        <p class="warning" role="alert">
                            {format!("No profile has the id `{id}`; showing the first profile instead.")}
                        </p>
                    }
                })
        }}
        {move || export.get().map(|export| view! { <ExportOf export /> })}
    }
}

#[component]
fn ExportOf(export: Export) -> impl IntoView {
    let errors = (export.errors > 0).then(|| {
        let edit = crate::profiles::routes::edit(&export.id, "review").href();
        view! {
            <p class="warning">
                {format!(
                    "'{}' has {} {} that Intune would refuse. ",
                    export.name,
                    export.errors,
                    if export.errors == 1 { "error" } else { "errors" },
                )}
                <a href=edit>"Review it in the wizard"</a>
            </p>
        }
    });
    view! {
        {errors}
        {export
            .requests
            .into_iter()
            .map(|request| {
                let copy_label = format!("Copy the body: {}", request.what);
                view! {
                    <section class="graph-request">
                        <h2>{format!("{}. {}", request.step, request.what)}</h2>
                        <p>
                            <code>{format!("{} {}", request.method, request.url)}</code>
                        </p>
                        // Focusable, so that a keyboard can scroll a long body.
                        <pre tabindex="0" role="region" aria-label=format!("Body: {}", request.what)>
                            <code>{request.body.clone()}</code>
                        </pre>
                        <CopyButton text=request.body label=copy_label />
                    </section>
                }
            })
            .collect_view()}
        <section class="graph-request">
            <h2>"PowerShell"</h2>
            <p>
                "The same requests, sent with Invoke-MgGraphRequest from the "
                "Microsoft.Graph.Authentication module."
            </p>
            <pre tabindex="0" role="region" aria-label="PowerShell script">
                <code>{export.script.clone()}</code>
            </pre>
            <CopyButton text=export.script label="Copy the PowerShell script".to_owned() />
        </section>
    }
}

/// Copies `text`; says "Copied", or how to copy by hand when the browser refuses.
#[component]
fn CopyButton(text: String, label: String) -> impl IntoView {
    let feedback = RwSignal::new(String::new());
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move {
            let said = match browser::copy_text(&text).await {
                Ok(()) => "Copied",
                Err(()) => "Copying is blocked here: select the text and press Ctrl+C",
            };
            feedback.set(said.to_owned());
            set_timeout(move || feedback.set(String::new()), Duration::from_secs(5));
        });
    };
    view! {
        <div class="copy">
            <button type="button" aria-label=label on:click=copy>
                "Copy"
            </button>
            <span class="copy-feedback" aria-live="polite">
                {move || feedback.get()}
            </span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::title_of;

    #[test]
    fn requests_are_titled_by_what_they_do() {
        let url = esp_core::graph::export::CONFIGURATIONS_URL;
        assert_eq!(title_of("POST", url), "Create the profile");
        assert_eq!(
            title_of("POST", &format!("{url}/{{id}}/assign")),
            "Assign it"
        );
        assert_eq!(
            title_of("POST", &format!("{url}/{{id}}/setPriority")),
            "Set its priority"
        );
        assert_eq!(
            title_of("PATCH", url),
            "Update the default profile's settings"
        );
    }
}
