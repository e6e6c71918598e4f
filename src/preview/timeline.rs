//! Time, as a picture and in words: the profile's timeout, the 40 minutes hybrid join adds, and
//! the Windows quality updates that follow the page.

use esp_core::resolve::{Resolution, WarningCode, HYBRID_EXTRA_MINUTES, QUALITY_UPDATE_MINUTES};
use leptos::prelude::*;

use super::words::{self, percent};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Times {
    timeout: u32,
    effective: u32,
    quality_updates: bool,
    quality_ignored: bool,
}

#[component]
pub fn Timeline(resolution: ReadSignal<Option<Resolution>>) -> impl IntoView {
    // A memo: a change that leaves the times as they were (most do) rebuilds nothing here.
    let times = Memo::new(move |_| {
        resolution.with(|r| {
            let r = r.as_ref()?;
            Some(Times {
                timeout: r.timeout_minutes?,
                effective: r.effective_timeout_minutes?,
                quality_updates: r.quality_updates,
                quality_ignored: r
                    .warnings
                    .iter()
                    .any(|w| w.code == WarningCode::QualityUpdatesIgnored),
            })
        })
    });
    view! {
        <section class="timeline" aria-labelledby="time-heading">
            <h3 id="time-heading">"Time"</h3>
            {move || match times.get() {
                None => view! { <p>"No page, so no timeout: the device goes on at once."</p> }.into_any(),
                Some(t) => picture(t).into_any(),
            }}
        </section>
    }
}

fn picture(t: Times) -> impl IntoView {
    let [qu_least, qu_most] = QUALITY_UPDATE_MINUTES;
    let extra = t.effective.saturating_sub(t.timeout);
    let total = (t.effective + if t.quality_updates { qu_most } else { 0 }).max(1);
    let share = |minutes: u32| percent(minutes as usize, total as usize);

    let mut sentence = format!(
        "The page shows an error after {}",
        words::minutes(t.effective)
    );
    if extra > 0 {
        sentence.push_str(&format!(
            ": the profile's {} plus {} for hybrid join",
            words::minutes(t.timeout),
            words::minutes(extra)
        ));
    }
    sentence.push('.');
    if t.quality_updates {
        sentence.push_str(&format!(
            " Then Windows quality updates install for about {qu_least} to {qu_most} minutes, \
             after the page and before the desktop."
        ));
    }
    let effective_text = if extra > 0 {
        format!(
            "{} ({} + {} for hybrid join)",
            words::minutes(t.effective),
            t.timeout,
            HYBRID_EXTRA_MINUTES
        )
    } else {
        format!(
            "{} (no extra time without hybrid join)",
            words::minutes(t.effective)
        )
    };
    let quality_text = if t.quality_updates {
        format!("{qu_least}–{qu_most} minutes after the page (Windows 11, device-targeted profile)")
    } else if t.quality_ignored {
        "Not installed here: see the warning".to_owned()
    } else {
        "Off in this profile".to_owned()
    };

    view! {
        <div class="time-track" role="img" aria-label=sentence.clone()>
            <div class="time-segment time-timeout" style:width=share(t.timeout)>
                <span>{format!("Timeout {}", t.timeout)}</span>
            </div>
            {(extra > 0)
                .then(|| {
                    view! {
                        <div class="time-segment time-hybrid" style:width=share(extra)>
                            <span>{format!("+{extra} hybrid")}</span>
                        </div>
                    }
                })}
            {t
                .quality_updates
                .then(|| {
                    view! {
                        <div class="time-segment time-updates-least" style:width=share(qu_least)>
                            <span>"Updates"</span>
                        </div>
                        <div
                            class="time-segment time-updates-more"
                            style:width=share(qu_most - qu_least)
                        ></div>
                    }
                })}
        </div>
        <div class="time-scale" aria-hidden="true">
            <span>"0"</span>
            <span>{format!("{} min: page ends or errors", t.effective)}</span>
            {t.quality_updates.then(|| view! { <span>{format!("+{qu_least}–{qu_most} min")}</span> })}
        </div>
        <dl class="time-facts">
            <dt>"Timeout"</dt>
            <dd>{words::minutes(t.timeout)}</dd>
            <dt>"Effective timeout"</dt>
            <dd>{effective_text}</dd>
            <dt>"Quality updates"</dt>
            <dd>{quality_text}</dd>
        </dl>
    }
}
