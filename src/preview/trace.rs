//! The trace: every profile in priority order, whether it matched, and why, row by row, with the
//! filter clause that decided and the device's value for it.

use esp_core::model::FilterMode;
use esp_core::resolve::{AssignmentTrace, FilterTrace, ProfileTrace, Resolution, RowResult};
use leptos::prelude::*;

use super::words;

/// The id of the highlighted profile's entry, to scroll to.
pub const TRACE_MARK_ID: &str = "trace-highlighted";

#[component]
pub fn Trace(resolution: Memo<Option<Resolution>>, profile: Memo<Option<String>>) -> impl IntoView {
    let trace =
        move || resolution.with(|r| r.as_ref().map(|r| r.trace.clone()).unwrap_or_default());
    let missing = move || {
        let wanted = profile.get()?;
        let known = resolution.with(|r| {
            r.as_ref()
                .is_some_and(|r| r.trace.iter().any(|p| p.profile_id.as_str() == wanted))
        });
        (!known).then(|| {
            view! {
                <p class="note">
                    {format!("The profile to highlight (`{wanted}`) is not in this tenant.")}
                </p>
            }
        })
    };
    view! {
        <section class="trace" aria-labelledby="trace-heading">
            <h3 id="trace-heading">"Why: every profile in priority order"</h3>
            {missing}
            <ol class="trace-list">
                {move || {
                    let marked = profile.get();
                    trace()
                        .into_iter()
                        .map(|p| {
                            let highlighted = marked.as_deref() == Some(p.profile_id.as_str());
                            entry(p, highlighted)
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

fn entry(p: ProfileTrace, highlighted: bool) -> impl IntoView {
    let (verdict, class) = match (p.chosen, p.matched) {
        (true, _) => ("Applies", "trace-entry trace-chosen"),
        (false, true) => (
            "Matches, but another profile applies",
            "trace-entry trace-matched",
        ),
        (false, false) => ("Does not match", "trace-entry"),
    };
    let class = if highlighted {
        format!("{class} trace-highlighted")
    } else {
        class.to_owned()
    };
    let via = p.via.filter(|_| p.matched).map(|v| {
        view! { <span class="via">{words::via(v)}</span> }
    });
    view! {
        <li
            class=class
            id=highlighted.then_some(TRACE_MARK_ID)
            aria-current=highlighted.then_some("true")
        >
            <p class="trace-head">
                <span class="badge">{words::priority(p.priority)}</span>
                <strong>{p.display_name.clone()}</strong>
                <span class="verdict">{verdict}</span>
                {via}
                {highlighted.then(|| view! { <span class="mark">"Highlighted"</span> })}
            </p>
            <p class="trace-reason">{p.reason.clone()}</p>
            <ul class="trace-rows">
                {p.assignments.into_iter().map(row).collect_view()}
            </ul>
        </li>
    }
}

fn row(a: AssignmentTrace) -> impl IntoView {
    let (result, class) = match a.result {
        RowResult::Includes => ("Includes", "row-result row-includes"),
        RowResult::FilteredOut => ("Filtered out", "row-result row-out"),
        RowResult::FilterUnusable => ("Skipped: filter unusable", "row-result row-out"),
        RowResult::Excludes => ("Excludes", "row-result row-out"),
        RowResult::NoUser => ("No user in this flow", "row-result"),
        RowResult::NotReached => ("Not reached", "row-result"),
    };
    view! {
        <li>
            <span class=class>{result}</span>
            " "
            {a.reason.clone()}
            {a.filter.map(filter)}
        </li>
    }
}

fn filter(f: FilterTrace) -> impl IntoView {
    let name = f
        .display_name
        .clone()
        .map_or_else(|| format!("`{}`", f.filter_id), |n| format!("'{n}'"));
    let mode = match f.mode {
        FilterMode::Include => "include mode",
        FilterMode::Exclude => "exclude mode",
    };
    let outcome = match (&f.problem, f.matched) {
        (Some(problem), _) => format!("It cannot be used ({problem}), so the row is skipped."),
        (None, Some(matched)) => format!(
            "The rule {}, so the device is {}.",
            if matched { "matched" } else { "did not match" },
            if f.passed { "let through" } else { "kept out" }
        ),
        (None, None) => format!(
            "The device is {}.",
            if f.passed { "let through" } else { "kept out" }
        ),
    };
    let clause = f.clause.clone().map(|clause| {
        let value = f.device_value.clone().map_or_else(
            || "not set (compared as $null)".to_owned(),
            |v| format!("`{v}`"),
        );
        let property = f.property.clone().unwrap_or_default();
        view! {
            <span class="filter-clause">
                "Deciding clause: "
                <code>{clause}</code>
                {format!("; the device's {property}: {value}.")}
            </span>
        }
    });
    view! {
        <div class="filter-trace">
            <span>{format!("Filter {name}, {mode}.")}</span>
            " "
            {clause}
            " "
            <span>{outcome}</span>
        </div>
    }
}
