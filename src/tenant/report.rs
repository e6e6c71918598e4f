//! An import report as the user reads it before choosing: what the file holds, what was skipped
//! and why, names that were resolved, and warnings.

use esp_core::graph::{ImportReport, Layout, RefKind, Resolution};
use leptos::prelude::*;

/// How the file was laid out, in words.
fn layout_text(report: &ImportReport) -> String {
    let layout = match report.layout {
        Layout::Single => "a single object",
        Layout::List => "a list of objects",
        Layout::Bundle => "a tenant bundle",
    };
    let intunecd = if report.intunecd {
        ", an IntuneCD backup"
    } else {
        ""
    };
    format!(
        "The file is {layout} ({}{intunecd}).",
        report.encoding.label()
    )
}

/// The rows of the summary table: what was imported of each kind, and what was skipped.
pub fn summary_rows(report: &ImportReport) -> [(&'static str, usize); 6] {
    let c = report.imported;
    [
        ("ESP profiles", c.profiles),
        ("Groups", c.groups),
        ("Apps", c.apps),
        ("Assignment filters", c.filters),
        ("Scope tags", c.scope_tags),
        ("Skipped", report.skipped.len()),
    ]
}

#[component]
pub fn ReportView(report: ImportReport) -> impl IntoView {
    let skipped = report.skipped.clone();
    let warnings = report.warnings.clone();
    let names = report.resolved_names.clone();
    view! {
        <p>{layout_text(&report)}</p>
        <table class="report-summary">
            <caption>"Import summary"</caption>
            <tbody>
                {summary_rows(&report)
                    .map(|(what, n)| {
                        view! {
                            <tr>
                                <th scope="row">{what}</th>
                                <td>{n}</td>
                            </tr>
                        }
                    })}
            </tbody>
        </table>
        {(!report.default_profile_found && report.imported.profiles > 0)
            .then(|| {
                view! {
                    <p class="tenant-hint">
                        "The file has no default profile: Replace uses the default profile as Intune "
                        "ships it (page not shown); Merge keeps yours."
                    </p>
                }
            })}
        {(!skipped.is_empty())
            .then(|| {
                view! {
                    <table class="report-details">
                        <caption>"Skipped"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"What"</th>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Where"</th>
                                <th scope="col">"Why"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {skipped
                                .into_iter()
                                .map(|item| {
                                    view! {
                                        <tr>
                                            <td>{item.kind}</td>
                                            <td>{item.name.unwrap_or_default()}</td>
                                            <td>
                                                <code>{item.path}</code>
                                            </td>
                                            <td>{item.reason}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
            })}
        {(!names.is_empty())
            .then(|| {
                view! {
                    <h3>"Names resolved"</h3>
                    <ul class="plain">
                        {names
                            .into_iter()
                            .map(|name| {
                                let how = match name.resolution {
                                    Resolution::Matched => format!("matched `{}`", name.id),
                                    Resolution::Created => format!("created as `{}`", name.id),
                                    Resolution::Unresolved => "not found".to_owned(),
                                };
                                let kind = match name.kind {
                                    RefKind::App => "App",
                                    RefKind::Group => "Group",
                                    RefKind::Filter => "Filter",
                                    RefKind::ScopeTag => "Scope tag",
                                };
                                view! { <li>{format!("{kind} '{}': {how}", name.name)}</li> }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
        {(!warnings.is_empty())
            .then(|| {
                view! {
                    <h3>"Warnings"</h3>
                    <ul class="plain">
                        {warnings
                            .into_iter()
                            .map(|warning| {
                                view! {
                                    <li>
                                        <code>{warning.code}</code>
                                        " "
                                        {warning.message}
                                        " ("
                                        <code>{warning.path}</code>
                                        ")"
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_every_kind_and_the_skipped() {
        let imported = esp_core::graph::import_str(
            r##"{"value": [
                {"@odata.type": "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration", "id": "p", "displayName": "P", "priority": 1},
                {"@odata.type": "#microsoft.graph.deviceEnrollmentLimitConfiguration", "id": "l"},
                {"@odata.type": "#microsoft.graph.win32LobApp", "id": "a", "displayName": "A"}
            ]}"##,
        )
        .unwrap();
        let rows = summary_rows(&imported.report);
        assert_eq!(rows[0], ("ESP profiles", 1));
        assert_eq!(rows[2], ("Apps", 1));
        assert_eq!(rows[5], ("Skipped", 1));
        assert_eq!(
            layout_text(&imported.report),
            "The file is a list of objects (UTF-8)."
        );
    }
}
