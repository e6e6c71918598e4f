//! The result of the selected scenario, recomputed on every change: the applied profile and how
//! it was reached, the warnings, the phases, time, the screen and the trace.
//!
//! The outcome at the top (the applied profile, the warnings, what a screen reader hears) reads
//! the resolution itself; the details below it follow once that has painted (`details`).
//!
//! The trace, the largest part, reads its pieces of the resolution entry by entry and row by
//! row, so a change rewrites only what changed (a scenario change should paint within one frame,
//! issue #9); the time and the screen are rebuilt when what they show changes, the phases with
//! every resolution.

use esp_core::resolve::{JoinType, Mode, Resolution, Via};
use leptos::prelude::*;

use super::details::Details;
use super::phases::Phases;
use super::screen::EspScreen;
use super::timeline::Timeline;
use super::trace::{Trace, TRACE_MARK_ID};
use super::words;
use crate::erased::When;
use crate::profiles::routes;

#[component]
pub fn ResultPanel(
    resolution: Memo<Option<Resolution>>,
    mode: Memo<Option<Mode>>,
    join: Memo<Option<JoinType>>,
    profile: Memo<Option<String>>,
) -> impl IntoView {
    let has_result = move || resolution.with(Option::is_some);
    let details = Details::after_paint(resolution, mode, join);
    view! {
        <section class="result" aria-labelledby="result-heading">
            <h2 id="result-heading">"Result"</h2>
            <When
                when=has_result
                fallback=|| view! { <p class="muted">"Select or add a scenario to see its result."</p> }
            >
                <p class="visually-hidden" role="status" aria-label="Result summary">
                    {move || resolution.with(|r| r.as_ref().map(announcement))}
                </p>
                <Applied resolution mode />
                <Highlight resolution profile />
                <Warnings resolution />
                <Phases resolution=details.resolution mode=details.mode join=details.join />
                <Timeline resolution=details.resolution />
                <EspScreen resolution=details.resolution />
                <Trace resolution=details.resolution profile />
            </When>
        </section>
    }
}

/// What a screen reader hears after a change: the outcome in one sentence.
fn announcement(r: &Resolution) -> String {
    let mut text = format!("{} applies, {}.", r.profile.display_name, words::via(r.via));
    if !r.page_shown {
        text.push_str(" The page is not shown.");
    } else {
        text.push_str(&format!(
            " {} block.",
            words::count(r.blocking_count(), "app", "apps")
        ));
    }
    if !r.warnings.is_empty() {
        text.push_str(&format!(
            " {}.",
            words::count(r.warnings.len(), "warning", "warnings")
        ));
    }
    text
}

#[component]
fn Applied(resolution: Memo<Option<Resolution>>, mode: Memo<Option<Mode>>) -> impl IntoView {
    let head = move || {
        resolution.with(|r| {
            r.as_ref().map(|r| {
                (
                    r.profile.clone(),
                    r.via,
                    r.page_shown,
                    r.block_device_use,
                    r.blocking_count(),
                )
            })
        })
    };
    move || {
        head().map(|(profile, via, shown, block, blocking)| {
            let href = routes::edit(profile.id.as_str(), "review").href();
            let sentence = words::via_sentence(via, mode.get().unwrap_or(Mode::UserDriven));
            let via_class = match via {
                Via::Device => "via via-device",
                Via::User => "via via-user",
                Via::Default => "via via-default",
            };
            let page = if !shown {
                "The page is not shown: this profile has “Show app and profile configuration \
                 progress” set to No, so nothing is tracked and nothing blocks."
                    .to_owned()
            } else if !block {
                "The page shows progress, but nothing blocks: “Block device use until all apps \
                 and profiles are installed” is No, so the person can leave it at any time."
                    .to_owned()
            } else {
                format!(
                    "The page blocks the device until {} installed.",
                    match blocking {
                        0 => "the policies are".to_owned(),
                        1 => "1 app is".to_owned(),
                        n => format!("{n} apps are"),
                    }
                )
            };
            view! {
                <section class="applied" aria-labelledby="applied-heading">
                    <h3 id="applied-heading">"Applied profile"</h3>
                    <p class="applied-name">
                        <a href=href>{profile.display_name.clone()}</a>
                        <span class="badge">{words::priority(profile.priority)}</span>
                        <span class=via_class>{words::via(via)}</span>
                    </p>
                    <p>{sentence}</p>
                    <p>{page}</p>
                </section>
            }
        })
    }
}

/// The profile the address asks to highlight: whether it applies here, and a way to its entry.
#[component]
fn Highlight(resolution: Memo<Option<Resolution>>, profile: Memo<Option<String>>) -> impl IntoView {
    move || {
        let wanted = profile.get()?;
        let (name, chosen) = resolution.with(|r| {
            let entry = r
                .as_ref()?
                .trace
                .iter()
                .find(|p| p.profile_id.as_str() == wanted)?;
            Some((entry.display_name.clone(), entry.chosen))
        })?;
        let text = if chosen {
            format!("“{name}”, highlighted, is the profile that applies here.")
        } else {
            format!("“{name}”, highlighted, does not apply here: the trace below says why.")
        };
        let show = move |_| {
            if let Some(entry) = document().get_element_by_id(TRACE_MARK_ID) {
                entry.scroll_into_view();
            }
        };
        Some(view! {
            <p class="note highlight-note">
                {text}
                " "
                <button type="button" class="link-button" on:click=show>
                    "Show it in the trace"
                </button>
            </p>
        })
    }
}

#[component]
fn Warnings(resolution: Memo<Option<Resolution>>) -> impl IntoView {
    let count = move || resolution.with(|r| r.as_ref().map_or(0, |r| r.warnings.len()));
    view! {
        <section class="warnings" aria-labelledby="warnings-heading">
            <h3 id="warnings-heading">
                {move || match count() {
                    0 => "Warnings: none".to_owned(),
                    n => format!("Warnings ({n})"),
                }}
            </h3>
            <When when=move || count() != 0>
                <ul class="warning-list">
                    {move || {
                        resolution
                            .with(|r| r.as_ref().map(|r| r.warnings.clone()).unwrap_or_default())
                            .into_iter()
                            .map(|w| {
                                view! {
                                    <li class="warning">
                                        <p class="warning-title">
                                            <strong>{words::warning_title(w.code)}</strong>
                                            <code class="code">{w.code.as_str()}</code>
                                        </p>
                                        <p>{w.message}</p>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </When>
        </section>
    }
}
