//! A picture of the Enrollment Status Page as the person at the device sees it: its sections
//! while it runs, and the error screen with exactly the buttons the profile enables. The buttons
//! are real but inert: this is a preview, not the page.

use esp_core::resolve::{ErrorScreen, Resolution, Screen, Section};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Shown {
    profile: String,
    screen: Option<Screen>,
    block: bool,
    /// The apps the page counts in device setup and account setup.
    device_apps: usize,
    account_apps: usize,
}

#[component]
pub fn EspScreen(resolution: ReadSignal<Option<Resolution>>) -> impl IntoView {
    let error_view = RwSignal::new(false);
    // A memo: a change that leaves the screen as it was rebuilds nothing here.
    let shown = Memo::new(move |_| {
        resolution.with(|r| {
            r.as_ref().map(|r| {
                let count = |phase: &esp_core::resolve::PhaseApps| {
                    if r.block_device_use {
                        phase.blocking.len()
                    } else {
                        phase.tracked.len()
                    }
                };
                Shown {
                    profile: r.profile.display_name.clone(),
                    screen: r.screen.clone(),
                    block: r.block_device_use,
                    device_apps: count(&r.device_setup),
                    account_apps: r.account_setup.as_ref().map_or(0, count),
                }
            })
        })
    });
    let body = move || {
        let s = shown.get()?;
        let Some(screen) = s.screen.clone() else {
            return Some(
                view! {
                    <p class="note">
                        {format!(
                            "Nothing: “{}” has “Show app and profile configuration progress” set to \
                             No, so no Enrollment Status Page appears and the device goes straight on.",
                            s.profile,
                        )}
                    </p>
                }
                .into_any(),
            );
        };
        let leave_note = screen.can_leave.then(|| {
            view! {
                <p class="note">
                    "“Block device use until all apps and profiles are installed” is No: the \
                     person may leave the page at any time, and no error screen holds them."
                </p>
            }
        });
        Some(
            view! {
                <fieldset class="view-switch">
                    <legend>"Show the page"</legend>
                    <label class="choice">
                        <input
                            type="radio"
                            name="esp-view"
                            prop:checked=move || !error_view.get()
                            on:change=move |_| error_view.set(false)
                        />
                        "While it runs"
                    </label>
                    <label class="choice">
                        <input
                            type="radio"
                            name="esp-view"
                            prop:checked=move || error_view.get()
                            on:change=move |_| error_view.set(true)
                        />
                        "After an error or the time limit"
                    </label>
                </fieldset>
                {leave_note}
                {move || picture(&s, &screen, error_view.get())}
            }
            .into_any(),
        )
    };
    view! {
        <section class="esp-preview" aria-labelledby="screen-heading">
            <h3 id="screen-heading">"What the person at the device sees"</h3>
            {body}
        </section>
    }
}

fn section_name(section: Section) -> &'static str {
    match section {
        Section::DevicePreparation => "Device preparation",
        Section::DeviceSetup => "Device setup",
        Section::AccountSetup => "Account setup",
    }
}

fn picture(s: &Shown, screen: &Screen, error: bool) -> impl IntoView {
    // The error shows on the first section with apps to wait for, else on device setup.
    let failing = if s.device_apps == 0 && s.account_apps > 0 {
        Section::AccountSetup
    } else {
        Section::DeviceSetup
    };
    let rows = screen
        .sections
        .iter()
        .map(|&section| {
            let apps = match section {
                Section::DevicePreparation => None,
                Section::DeviceSetup => Some(s.device_apps),
                Section::AccountSetup => Some(s.account_apps),
            };
            let (state, class) = match (section, error) {
                (Section::DevicePreparation, _) => ("Complete", "esp-state esp-complete"),
                (Section::DeviceSetup, false) => ("In progress", "esp-state esp-progress"),
                (Section::AccountSetup, false) => ("Identifying", "esp-state esp-waiting"),
                (_, true) if section == failing => ("Error", "esp-state esp-error"),
                (Section::DeviceSetup, true) => ("Complete", "esp-state esp-complete"),
                (Section::AccountSetup, true) => ("Not started", "esp-state esp-waiting"),
            };
            let detail = apps.map(|n| match n {
                0 => "Apps (none to wait for)".to_owned(),
                n => format!("Apps (0 of {n} installed)"),
            });
            view! {
                <li class="esp-section">
                    <span class="esp-section-name">{section_name(section)}</span>
                    <span class=class>{state}</span>
                    {detail.map(|d| view! { <span class="esp-detail">{d}</span> })}
                </li>
            }
        })
        .collect_view();
    let title = if error {
        "Something went wrong"
    } else {
        "Setting up your device for work"
    };
    view! {
        <figure class="esp-frame">
            <div class="esp-screen">
                <p class="esp-title">{title}</p>
                {(!error)
                    .then(|| {
                        view! {
                            <p class="esp-subtitle">
                                "This could take a while. Stay on this screen to make sure your device is ready to use."
                            </p>
                        }
                    })}
                <ul class="esp-sections">{rows}</ul>
                {error.then(|| error_part(&screen.error, s.block))}
            </div>
            <figcaption>
                {if error {
                    "A preview of the error screen: its buttons are shown exactly as the profile enables them, and do nothing here."
                } else {
                    "A preview of the page while it runs."
                }}
            </figcaption>
        </figure>
    }
}

fn error_part(e: &ErrorScreen, block: bool) -> impl IntoView {
    let buttons: Vec<&'static str> = [
        (e.reset_device, "Reset device"),
        (e.try_again, "Try again"),
        (e.continue_anyway, "Continue anyway"),
        (e.collect_logs, "Collect logs"),
    ]
    .into_iter()
    .filter_map(|(on, label)| on.then_some(label))
    .collect();
    let origin = if e.custom_message {
        "The profile's custom message."
    } else {
        "The default message: the profile has no custom message."
    };
    let none = buttons.is_empty().then(|| {
        view! { <p class="esp-detail">"No button: the profile enables none."</p> }
    });
    view! {
        <div class="esp-error-box">
            <p class="esp-message">{e.message.clone()}</p>
            <p class="visually-hidden">{origin}</p>
            <div class="esp-buttons" role="group" aria-label="Buttons on the error screen">
                {buttons
                    .into_iter()
                    .map(|label| {
                        view! {
                            <button type="button" disabled aria-roledescription="preview of a button">
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {none}
            {(!block)
                .then(|| {
                    view! { <p class="esp-detail">"The person may also simply leave the page."</p> }
                })}
        </div>
    }
}
