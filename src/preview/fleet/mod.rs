//! The fleet: a whole device list (the CLI's CSV) checked at once, as counts per profile, a
//! table of devices, and a CSV of the results.
//!
//! A list of up to [`FLEET_KEEP_LIMIT`] bytes is kept with the workspace and checked again
//! after a reload; a larger one is kept only while the page is open (it would fill the browser's
//! storage), and the page says so.

mod job;
mod tally;

use std::cell::RefCell;
use std::sync::Arc;

use esp_core::fleet::COLUMNS;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use self::job::{Checked, Job, Status};
use super::download::download;
use super::scenarios;
use super::state::{FleetInput, PreviewState, FLEET_KEEP_LIMIT};
use super::words::{self, thousands};
use super::Indexed;
use crate::erased::When;
use crate::state::{NoticeKind, Notices};

thread_local! {
    /// The last checked list, kept while the page is open so leaving the preview and coming
    /// back does not lose a large upload.
    static LAST: RefCell<Option<Arc<Checked>>> = const { RefCell::new(None) };
}

fn remember(checked: Option<Arc<Checked>>) {
    LAST.with(|last| *last.borrow_mut() = checked);
}

fn remembered() -> Option<Arc<Checked>> {
    LAST.with(|last| last.borrow().clone())
}

/// Devices per page of the device table.
const PAGE_SIZE: usize = 50;

#[component]
pub fn Fleet(
    state: RwSignal<PreviewState>,
    index: Memo<Indexed>,
    profile: Memo<Option<String>>,
) -> impl IntoView {
    let job = Job::new();
    let notices = Notices::get();
    let pasted = state.with_untracked(|s| match &s.fleet {
        FleetInput {
            text: Some(text),
            file_name: None,
            ..
        } => text.clone(),
        _ => String::new(),
    });
    let draft = RwSignal::new(pasted);

    // Come back to what was checked before, or check the kept list again.
    match remembered() {
        Some(checked) => job.checked.set(Some(checked)),
        None => {
            let kept = state.with_untracked(|s| s.fleet.clone());
            if let Some(text) = kept.text {
                let source = kept
                    .file_name
                    .unwrap_or_else(|| "the pasted list".to_owned());
                job.check_text(text, source, index.get_untracked().0);
            }
        }
    }
    // A changed tenant changes the answers: check the same devices again.
    Effect::new(move |_| {
        let current = index.get().0;
        let Some(checked) = job.checked.get_untracked() else {
            return;
        };
        if !job.status.get_untracked().running() && checked.index.tenant() != current.tenant() {
            job.recheck(&checked, current);
        }
    });

    let start = move |text: String, file_name: Option<String>| {
        let too_large = text.len() > FLEET_KEEP_LIMIT;
        state.update(|s| {
            s.fleet = FleetInput {
                text: (!too_large).then(|| text.clone()),
                file_name: file_name.clone(),
                too_large,
            }
        });
        let source = file_name.unwrap_or_else(|| "the pasted list".to_owned());
        job.check_text(text, source, index.get_untracked().0);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let name = file.name();
        let promise = file.text();
        // Choosing the same file again must start again.
        input.set_value("");
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(text) => start(text.as_string().unwrap_or_default(), Some(name)),
                Err(_) => notices.show(
                    NoticeKind::Error,
                    format!("The file {name} could not be read. Is it a text file?"),
                ),
            }
        });
    };
    let check_pasted = move |_| {
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            notices.show(
                NoticeKind::Warning,
                "Paste a device list first, or upload a file.",
            );
            return;
        }
        start(text, None);
    };
    let kept_note = move || {
        state.with(|s| {
            s.fleet.too_large.then_some(
                "This list is larger than 100 KB, so it is not kept with your workspace: \
                 upload it again after a reload.",
            )
        })
    };

    view! {
        <section class="fleet" aria-labelledby="fleet-heading">
            <h2 id="fleet-heading">"Fleet"</h2>
            <p class="lead">
                "Check a whole device list at once: which profile each device gets, and how many "
                "devices each profile reaches. Use the CSV of the esp-preview command: one device a "
                "line with the columns "
                <code>{COLUMNS.join(", ")}</code>
                "; group ids separated by semicolons; a header line is optional."
            </p>
            <div class="fleet-input">
                <div class="field">
                    <label class="field-label" for="fleet-file">"Upload a devices CSV"</label>
                    <input
                        id="fleet-file"
                        type="file"
                        accept=".csv,text/csv,text/plain"
                        on:change=on_file
                    />
                </div>
                <div class="field">
                    <label class="field-label" for="fleet-text">"Or paste the CSV"</label>
                    <textarea
                        id="fleet-text"
                        rows="5"
                        spellcheck="false"
                        prop:value=move || draft.get()
                        on:input:target=move |ev| draft.set(ev.target().value())
                    ></textarea>
                </div>
                <div class="button-row">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || job.status.with(Status::running)
                        on:click=check_pasted
                    >
                        "Check these devices"
                    </button>
                </div>
                <p class="hint">
                    "Lists up to 100 KB are kept with your workspace and checked again when you come "
                    "back; larger ones are checked, but must be uploaded again after a reload."
                </p>
                {move || kept_note().map(|note| view! { <p class="note">{note}</p> })}
            </div>
            <ProgressBar job />
            <Results job state profile />
        </section>
    }
}

#[component]
fn ProgressBar(job: Job) -> impl IntoView {
    let text = move || match job.status.get() {
        Status::Reading { line, lines } => Some(format!(
            "Reading the list: line {} of {}",
            thousands(line),
            thousands(lines)
        )),
        Status::Resolving { done, total } => Some(format!(
            "Checking devices: {} of {}",
            thousands(done),
            thousands(total)
        )),
        Status::Exporting { done, total } => Some(format!(
            "Preparing the download: {} of {}",
            thousands(done),
            thousands(total)
        )),
        Status::Idle | Status::Cancelled { .. } => None,
    };
    let values = move || match job.status.get() {
        Status::Reading { line, lines } => (line, lines),
        Status::Resolving { done, total } | Status::Exporting { done, total } => (done, total),
        _ => (0, 1),
    };
    let cancelled = move || match job.status.get() {
        Status::Cancelled { done, total } => Some(format!(
            "Cancelled after {} of {}. The results below, if any, are from before.",
            thousands(done),
            thousands(total)
        )),
        _ => None,
    };
    view! {
        <When when=move || job.status.with(Status::running)>
            <div class="fleet-progress">
                <label for="fleet-progress">{text}</label>
                <progress
                    id="fleet-progress"
                    max=move || values().1.max(1).to_string()
                    value=move || values().0.to_string()
                ></progress>
                <button type="button" on:click=move |_| job.cancel()>
                    "Cancel"
                </button>
            </div>
        </When>
        {move || cancelled().map(|text| view! { <p class="note" role="status">{text}</p> })}
    }
}

#[component]
fn Results(
    job: Job,
    state: RwSignal<PreviewState>,
    profile: Memo<Option<String>>,
) -> impl IntoView {
    let notices = Notices::get();
    let export = move |_| {
        let Some(checked) = job.checked.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(csv) = job.export(checked).await {
                if let Err(problem) = download("fleet-results.csv", "text/csv", &csv) {
                    notices.show(NoticeKind::Error, problem);
                }
            }
        });
    };
    move || {
        job.checked.get().map(|checked| {
            let total = checked.devices.len();
            let errors = checked.errors.clone();
            let millis = checked.millis as u64;
            let mut summary = format!(
                "{} checked from {} in {}.{} s.",
                words::count(total, "device", "devices"),
                checked.source,
                millis / 1000,
                millis % 1000 / 100
            );
            if !errors.is_empty() {
                summary.push_str(&format!(
                    " {} could not be read.",
                    words::count(errors.len(), "line", "lines")
                ));
            }
            let shown_errors = errors.iter().take(20).map(ToString::to_string).collect::<Vec<_>>();
            let more_errors = errors.len().saturating_sub(shown_errors.len());
            view! {
                <p class="fleet-summary" role="status">{summary}</p>
                {(!shown_errors.is_empty())
                    .then(|| {
                        view! {
                            <ul class="fleet-errors" aria-label="Lines that could not be read">
                                {shown_errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                                {(more_errors > 0)
                                    .then(|| view! { <li>{format!("and {} more", thousands(more_errors))}</li> })}
                            </ul>
                        }
                    })}
                <Counts checked=checked.clone() profile />
                <div class="button-row">
                    <button
                        type="button"
                        disabled=move || job.status.with(Status::running)
                        on:click=export
                    >
                        "Download results (CSV)"
                    </button>
                </div>
                <DeviceTable checked state profile />
            }
        })
    }
}

#[component]
fn Counts(checked: Arc<Checked>, profile: Memo<Option<String>>) -> impl IntoView {
    let index = &checked.index;
    let counts = tally::per_profile(&checked.summaries, index.profile_count());
    let total = checked.summaries.len();
    let [device, user, default] = tally::per_via(&checked.summaries);
    let largest = counts.iter().copied().max().unwrap_or(0).max(1);
    let rows = counts
        .iter()
        .enumerate()
        .filter_map(|(position, &count)| {
            let (priority, p) = index.profile_at(position)?;
            let id = p.id().to_string();
            let name = p.name().to_owned();
            let share = words::percent(count, total);
            let width = words::percent(count, largest);
            Some(view! {
                <tr class:highlighted=move || profile.with(|m| m.as_deref() == Some(id.as_str()))>
                    <th scope="row">{name}</th>
                    <td>{words::priority(priority)}</td>
                    <td class="number">{thousands(count)}</td>
                    <td class="bar-cell">
                        <span class="bar-track" aria-hidden="true">
                            <span class="bar" style:width=width></span>
                        </span>
                        <span class="bar-label">{share}</span>
                    </td>
                </tr>
            })
        })
        .collect_view();
    view! {
        <table class="fleet-counts">
            <caption>"Devices per profile"</caption>
            <thead>
                <tr>
                    <th scope="col">"Profile"</th>
                    <th scope="col">"Priority"</th>
                    <th scope="col">"Devices"</th>
                    <th scope="col">"Share"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p>
            {format!(
                "Reached via the device: {}; via the user: {}; the default profile: {}.",
                thousands(device),
                thousands(user),
                thousands(default)
            )}
        </p>
    }
}

#[component]
fn DeviceTable(
    checked: Arc<Checked>,
    state: RwSignal<PreviewState>,
    profile: Memo<Option<String>>,
) -> impl IntoView {
    let filter = RwSignal::new(None::<usize>);
    let page = RwSignal::new(0usize);
    let options = (0..checked.index.profile_count())
        .filter_map(|position| {
            let (_, p) = checked.index.profile_at(position)?;
            let name = p.name().to_owned();
            Some(view! {
                <option value=position.to_string() prop:selected=move || filter.get() == Some(position)>
                    {name}
                </option>
            })
        })
        .collect_view();
    let for_page = checked.clone();
    let shown = move || tally::page(&for_page.summaries, filter.get(), page.get(), PAGE_SIZE);
    let pages = {
        let shown = shown.clone();
        move || shown().1.div_ceil(PAGE_SIZE).max(1)
    };
    let range = {
        let shown = shown.clone();
        move || {
            let (rows, total) = shown();
            match (rows.first(), rows.len()) {
                (None, _) => "No device".to_owned(),
                (Some(_), n) => {
                    let from = page.get() * PAGE_SIZE + 1;
                    format!(
                        "Devices {}–{} of {}",
                        thousands(from),
                        thousands(from + n - 1),
                        thousands(total)
                    )
                }
            }
        }
    };
    let for_rows = checked.clone();
    let rows = move || {
        let c = &for_rows;
        let (positions, _) = shown();
        {
            positions
                .iter()
                .filter_map(|&i| {
                    let device = c.devices.get(i)?;
                    let summary = c.summaries.get(i)?;
                    let (_, p) = c.index.profile_at(summary.profile)?;
                    let name = device.name.clone();
                    let scenario = device.scenario.clone();
                    let profile_name = p.name().to_owned();
                    let timeout = summary
                        .effective_timeout_minutes
                        .map_or_else(|| "No page".to_owned(), words::minutes);
                    let preview = move |_| {
                        let mut id = String::new();
                        let (name, scenario) = (name.clone(), scenario.clone());
                        state.update(|s| id = s.add(Some(name), Some(scenario)));
                        scenarios::show(state, &id, profile.get_untracked());
                        scroll_to_result();
                    };
                    Some(view! {
                        <tr>
                            <th scope="row">{device.name.clone()}</th>
                            <td class="number">{device.line}</td>
                            <td>{profile_name}</td>
                            <td>{words::via(summary.via)}</td>
                            <td class="number">{summary.blocking_apps}</td>
                            <td>{timeout}</td>
                            <td>
                                <button
                                    type="button"
                                    class="link-button"
                                    aria-label=format!("Preview {}", device.name)
                                    on:click=preview
                                >
                                    "Preview"
                                </button>
                            </td>
                        </tr>
                    })
                })
                .collect_view()
        }
    };
    view! {
        <div class="device-table">
            <div class="table-tools">
                <div class="field">
                    <label class="field-label" for="fleet-filter">"Show devices of"</label>
                    <select
                        id="fleet-filter"
                        on:change:target=move |ev| {
                            filter.set(ev.target().value().parse().ok());
                            page.set(0);
                        }
                    >
                        <option value="" prop:selected=move || filter.get().is_none()>
                            "All profiles"
                        </option>
                        {options}
                    </select>
                </div>
                <p class="range" aria-live="polite">{range}</p>
                <div class="button-row">
                    <button
                        type="button"
                        disabled=move || page.get() == 0
                        on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                    >
                        "Previous page"
                    </button>
                    <button
                        type="button"
                        disabled=move || { page.get() + 1 >= pages() }
                        on:click=move |_| page.update(|p| *p += 1)
                    >
                        "Next page"
                    </button>
                </div>
            </div>
            <table class="fleet-devices">
                <caption class="visually-hidden">"Devices and the profile each gets"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Device"</th>
                        <th scope="col">"Line"</th>
                        <th scope="col">"Profile"</th>
                        <th scope="col">"Reached"</th>
                        <th scope="col">"Blocking apps"</th>
                        <th scope="col">"Effective timeout"</th>
                        <th scope="col">
                            <span class="visually-hidden">"Actions"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn scroll_to_result() {
    if let Some(heading) = document().get_element_by_id("result-heading") {
        heading.scroll_into_view();
    }
}
