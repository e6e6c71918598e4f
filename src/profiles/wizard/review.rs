//! Review + create: every step summarised in the admin center's words, every error linked to its
//! step and field, and the warnings that do not block.

use esp_core::model::{Block, BlockingApps, CustomMessage, FilterMode, Progress};
use esp_core::validate::{Finding, Severity, WizardStep};
use esp_core::{CustomProfile, Tenant};
use leptos::ev;
use leptos::prelude::*;

use crate::erased::When;

use super::assignments::{target_kind, target_name};
use super::context::{step_label, Ctx};
use super::fields::dom_id;
use super::scope_tags::tag_choices;
use super::settings as labels;

/// One line of a summary: a label and its value(s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub label: &'static str,
    pub values: Vec<String>,
}

fn line(label: &'static str, value: impl Into<String>) -> Line {
    Line {
        label,
        values: vec![value.into()],
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

/// The settings a person sees in the admin center, in its order: hidden ones are left out.
pub fn settings_summary(settings: &Progress, timeout_text: &str, tenant: &Tenant) -> Vec<Line> {
    let Progress::Shown(page) = settings else {
        return vec![line(labels::PROGRESS, "No")];
    };
    let mut lines = vec![
        line(labels::PROGRESS, "Yes"),
        line(labels::TIMEOUT, format!("{} minutes", timeout_text.trim())),
    ];
    match &page.message {
        CustomMessage::Default => lines.push(line(labels::CUSTOM_MESSAGE, "No")),
        CustomMessage::Custom(text) => {
            lines.push(line(labels::CUSTOM_MESSAGE, "Yes"));
            lines.push(line(labels::MESSAGE_TEXT, text.clone()));
        }
    }
    lines.push(line(labels::LOG_COLLECTION, yes_no(page.log_collection)));
    lines.push(line(labels::OOBE_ONLY, yes_no(page.oobe_only)));
    lines.push(line(labels::QUALITY_UPDATES, yes_no(page.quality_updates)));
    let Block::Yes(block) = &page.block else {
        lines.push(line(labels::BLOCK, "No"));
        return lines;
    };
    lines.push(line(labels::BLOCK, "Yes"));
    lines.push(line(labels::ALLOW_RESET, yes_no(block.allow_reset)));
    lines.push(line(labels::ALLOW_USE, yes_no(block.allow_use)));
    match &block.apps {
        BlockingApps::All => lines.push(line(labels::BLOCKING_APPS, "All")),
        BlockingApps::Selected(selected) => {
            lines.push(line(labels::BLOCKING_APPS, "Selected"));
            let names = selected
                .ids
                .iter()
                .map(|id| {
                    tenant.app(id).map_or_else(
                        || format!("{id} (not in this tenant)"),
                        |a| a.display_name.clone(),
                    )
                })
                .collect();
            lines.push(Line {
                label: "Selected apps",
                values: names,
            });
            if !selected.ids.is_empty() {
                lines.push(line(
                    labels::TECHNICIAN_PHASE,
                    yes_no(selected.only_fail_selected_in_technician_phase),
                ));
            }
        }
    }
    lines
}

/// Included and excluded targets, each with its kind and filter, as the admin center lists them.
pub fn assignments_summary(profile: &CustomProfile, tenant: &Tenant) -> Vec<Line> {
    let describe = |excluded: bool| -> Vec<String> {
        profile
            .assignments
            .iter()
            .filter(|a| a.target.is_exclusion() == excluded)
            .map(|a| {
                let mut text = format!(
                    "{} ({})",
                    target_name(&a.target, tenant),
                    target_kind(&a.target, tenant)
                );
                if let Some(filter) = &a.filter {
                    let name = tenant
                        .filter(&filter.id)
                        .map_or_else(|| filter.id.to_string(), |f| f.display_name.clone());
                    let mode = match filter.mode {
                        FilterMode::Include => "Include",
                        FilterMode::Exclude => "Exclude",
                    };
                    text.push_str(&format!(", filter: {name} ({mode})"));
                }
                text
            })
            .collect()
    };
    let none = |values: Vec<String>| {
        if values.is_empty() {
            vec!["None".to_owned()]
        } else {
            values
        }
    };
    vec![
        Line {
            label: "Included groups",
            values: none(describe(false)),
        },
        Line {
            label: "Excluded groups",
            values: none(describe(true)),
        },
    ]
}

/// The scope tags by name, or *Default* when none is chosen.
pub fn scope_tags_summary(profile: &CustomProfile, tenant: &Tenant) -> Vec<Line> {
    let names: Vec<String> = profile
        .effective_scope_tags()
        .iter()
        .map(|id| {
            tag_choices(tenant)
                .into_iter()
                .find(|(known, _)| known == id)
                .map_or_else(|| format!("{id} (not in this tenant)"), |(_, name)| name)
        })
        .collect();
    vec![Line {
        label: "Scope tags",
        values: names,
    }]
}

#[component]
pub fn Review(ctx: Ctx) -> impl IntoView {
    let errors = Memo::new(move |_| {
        ctx.findings.with(|all| {
            all.iter()
                .filter(|f| f.severity == Severity::Error)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let warnings = Memo::new(move |_| {
        ctx.findings.with(|all| {
            all.iter()
                .filter(|f| f.severity == Severity::Warning)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // The default profile shows its fixed name and assignment too, with no Edit link (its
    // steps are not offered); it carries no scope tags.
    let sections: &'static [WizardStep] = if ctx.is_default {
        &[
            WizardStep::Basics,
            WizardStep::Settings,
            WizardStep::Assignments,
        ]
    } else {
        &[
            WizardStep::Basics,
            WizardStep::Settings,
            WizardStep::Assignments,
            WizardStep::ScopeTags,
        ]
    };
    view! {
        <When when=move || !errors.with(Vec::is_empty)>
            <section class="review-errors" aria-labelledby="wizard-errors-heading" id="wizard-review-errors">
                <h3 id="wizard-errors-heading">
                    {move || {
                        let n = errors.with(Vec::len);
                        let verb = if ctx.is_new { "create" } else { "save" };
                        if n == 1 {
                            format!("1 error to fix before you can {verb} this profile")
                        } else {
                            format!("{n} errors to fix before you can {verb} this profile")
                        }
                    }}
                </h3>
                <ul>
                    {move || errors.get().into_iter().map(|f| view! { <FindingLink ctx finding=f /> }).collect_view()}
                </ul>
            </section>
        </When>
        <When when=move || !warnings.with(Vec::is_empty)>
            <section class="review-warnings" aria-labelledby="wizard-warnings-heading">
                <h3 id="wizard-warnings-heading">"Warnings"</h3>
                <p class="hint">"Warnings do not block; read them before you go on."</p>
                <ul>
                    {move || warnings.get().into_iter().map(|f| view! { <FindingLink ctx finding=f /> }).collect_view()}
                </ul>
            </section>
        </When>
        {sections.iter().map(|step| view! { <Summary ctx step=*step /> }).collect_view()}
    }
    .into_any()
}

/// A finding as a link to its step and field.
#[component]
fn FindingLink(ctx: Ctx, finding: Finding) -> impl IntoView {
    let step = finding.step;
    let text = format!("{}: {}", step_label(step, ctx.is_new), finding.message);
    if step == WizardStep::Review || !ctx.steps().contains(&step) {
        return view! { <li>{text}</li> }.into_any();
    }
    let href = ctx.route_of(step).href();
    let field = dom_id(&finding.field);
    let open = move |event: ev::MouseEvent| {
        event.prevent_default();
        ctx.go(step, Some(field.clone()));
    };
    view! {
        <li>
            <a href=href on:click=open>{text}</a>
        </li>
    }
    .into_any()
}

/// One step's summary with its Edit link.
#[component]
fn Summary(ctx: Ctx, step: WizardStep) -> impl IntoView {
    let editable = ctx.steps().contains(&step);
    let lines = move || {
        ctx.with(|d| {
            ctx.with_tenant(|t| match step {
                WizardStep::Basics => vec![
                    line("Name", d.profile.name.trim()),
                    line(
                        "Description",
                        if d.profile.description.trim().is_empty() {
                            "None".to_owned()
                        } else {
                            d.profile.description.clone()
                        },
                    ),
                ],
                WizardStep::Settings => settings_summary(&d.profile.settings, &d.timeout_text, t),
                WizardStep::Assignments if d.is_default => {
                    vec![line("Included groups", "All devices (Devices)")]
                }
                WizardStep::Assignments => assignments_summary(&d.profile, t),
                WizardStep::ScopeTags => scope_tags_summary(&d.profile, t),
                WizardStep::Review => Vec::new(),
            })
        })
    };
    let heading_id = format!("wizard-summary-{}", step.as_str());
    let label = step.label();
    let edit = editable.then(|| {
        let href = ctx.route_of(step).href();
        let open = move |event: ev::MouseEvent| {
            event.prevent_default();
            ctx.go(step, None);
        };
        view! {
            <a class="edit-link" href=href on:click=open>
                "Edit" <span class="visually-hidden">{format!(" {label}")}</span>
            </a>
        }
    });
    let labelled_by = heading_id.clone();
    view! {
        <section class="summary" aria-labelledby=labelled_by>
            <div class="summary-head">
                <h3 id=heading_id>{label}</h3>
                {edit}
            </div>
            <dl>
                {move || {
                    lines()
                        .into_iter()
                        .map(|l| {
                            let values = if l.values.len() == 1 {
                                l.values.into_iter().next().unwrap_or_default().into_any()
                            } else {
                                view! { <ul>{l.values.into_iter().map(|v| view! { <li>{v}</li> }).collect_view()}</ul> }
                                    .into_any()
                            };
                            view! {
                                <div class="summary-line">
                                    <dt>{l.label}</dt>
                                    <dd>{values}</dd>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </dl>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use esp_core::model::{DefaultProfile, SettingsMemory};

    fn labels_of(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.label).collect()
    }

    #[test]
    fn a_hidden_page_summarises_as_one_line() {
        let tenant = Tenant::new(DefaultProfile::default());
        let lines = settings_summary(&Progress::Hidden, "60", &tenant);
        assert_eq!(lines, [line(labels::PROGRESS, "No")]);
    }

    #[test]
    fn settings_follow_what_is_shown() {
        let tenant = Tenant::new(DefaultProfile::default());
        let mut progress = Progress::new_profile();
        let full = settings_summary(&progress, "60", &tenant);
        assert_eq!(
            labels_of(&full),
            [
                labels::PROGRESS,
                labels::TIMEOUT,
                labels::CUSTOM_MESSAGE,
                labels::LOG_COLLECTION,
                labels::OOBE_ONLY,
                labels::QUALITY_UPDATES,
                labels::BLOCK,
                labels::ALLOW_RESET,
                labels::ALLOW_USE,
                labels::BLOCKING_APPS,
            ]
        );
        let mut memory = SettingsMemory::default();
        if let Some(page) = progress.page_mut() {
            page.set_block(false, &mut memory);
        }
        let lines = settings_summary(&progress, "60", &tenant);
        assert_eq!(lines.last(), Some(&line(labels::BLOCK, "No")));
        assert!(!labels_of(&lines).contains(&labels::ALLOW_RESET));
    }

    #[test]
    fn no_scope_tag_reads_default() {
        let tenant = Tenant::new(DefaultProfile::default());
        let profile = CustomProfile::new("p", "P");
        assert_eq!(scope_tags_summary(&profile, &tenant)[0].values, ["Default"]);
        assert_eq!(assignments_summary(&profile, &tenant)[0].values, ["None"]);
    }
}
