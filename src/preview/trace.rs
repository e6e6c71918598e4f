//! The trace: every profile in priority order, whether it matched, and why, row by row, with the
//! filter clause that decided and the device's value for it.

use esp_core::model::FilterMode;
use esp_core::resolve::{AssignmentTrace, FilterTrace, ProfileTrace, Resolution, RowResult};
use leptos::prelude::*;

use super::words;

/// The id of the highlighted profile's entry, to scroll to.
pub const TRACE_MARK_ID: &str = "trace-highlighted";

#[component]
pub fn Trace(
    resolution: ReadSignal<Option<Resolution>>,
    profile: Memo<Option<String>>,
) -> impl IntoView {
    // The entries are built once per list of profiles (and their numbers of rows, which only the
    // tenant changes) and highlighted profile; each entry then reads its own part of the
    // resolution through a memo, so a scenario change rewrites only the rows and sentences whose
    // trace changed.
    let ids = Memo::new(move |_| {
        resolution.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.trace
                        .iter()
                        .map(|p| (p.profile_id.as_str().to_owned(), p.assignments.len()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
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
                    ids.get()
                        .into_iter()
                        .map(|(id, rows)| {
                            let highlighted = marked.as_deref() == Some(id.as_str());
                            entry(resolution, id, rows, highlighted)
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

fn entry(
    resolution: ReadSignal<Option<Resolution>>,
    id: String,
    rows: usize,
    highlighted: bool,
) -> impl IntoView {
    // The entry has a memo of its own, which the pieces of its head and its rows read: a change
    // wakes the fifty or so entries, not the several hundred pieces that read them, and only
    // an entry whose trace changed rewrites its pieces (a text that did not change is not
    // rewritten).
    let trace =
        Memo::new(move |_| resolution.with(|r| r.as_ref().and_then(|r| find(r, &id)).cloned()));
    let read = move |field: fn(&ProfileTrace) -> String| {
        move || trace.with(|p| p.as_ref().map(field).unwrap_or_default())
    };
    let state = move || {
        trace.with(|p| {
            let p = p.as_ref();
            (
                p.is_some_and(|p| p.chosen),
                p.is_some_and(|p| p.matched),
                p.and_then(|p| p.via.filter(|_| p.matched)),
            )
        })
    };
    let verdict = move || match state() {
        (true, _, _) => ("Applies", "trace-entry trace-chosen"),
        (false, true, _) => (
            "Matches, but another profile applies",
            "trace-entry trace-matched",
        ),
        _ => ("Does not match", "trace-entry"),
    };
    let verdict_text = move || verdict().0;
    let class = move || {
        let class = verdict().1;
        if highlighted {
            format!("{class} trace-highlighted")
        } else {
            class.to_owned()
        }
    };
    let via = move || {
        state()
            .2
            .map(|via| view! { <span class="via">{words::via(via)}</span> }.into_any())
    };
    let rows = (0..rows)
        .map(|index| {
            let row =
                Memo::new(move |_| trace.with(|p| p.as_ref()?.assignments.get(index).cloned()));
            move || row.get().map(|a| assignment(a).into_any())
        })
        .collect_view();
    view! {
        <li
            class=class
            id=highlighted.then_some(TRACE_MARK_ID)
            aria-current=highlighted.then_some("true")
        >
            <p class="trace-head">
                <span class="badge">{read(|p| words::priority(p.priority))}</span>
                <strong>{read(|p| p.display_name.clone())}</strong>
                <span class="verdict">{verdict_text}</span>
                {via}
                {highlighted.then(|| view! { <span class="mark">"Highlighted"</span> })}
            </p>
            <p class="trace-reason">{read(|p| p.reason.clone())}</p>
            <ul class="trace-rows">{rows}</ul>
        </li>
    }
}

fn find<'a>(r: &'a Resolution, id: &str) -> Option<&'a ProfileTrace> {
    r.trace.iter().find(|p| p.profile_id.as_str() == id)
}

fn assignment(a: AssignmentTrace) -> impl IntoView {
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
