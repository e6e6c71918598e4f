//! Assignments: included groups, All users, All devices and excluded groups, each included
//! target with an optional filter in include or exclude mode. The filter picker offers the
//! filters ESP can use and lists the others as unavailable with the core's reason.

use esp_core::model::{
    AppliedFilter, Assignment, FilterId, FilterMode, GroupId, MemberKind, Target,
};
use esp_core::validate::{filter_availability, FilterAvailability};
use esp_core::Tenant;
use leptos::prelude::*;

use crate::erased::{key_of, KeyedRows, When};

use super::context::Ctx;
use super::fields::{dom_id, focus_by_id, Choice, FieldMessages};

/// How many search results a group search shows before asking for a narrower search.
const MAX_GROUP_RESULTS: usize = 10;

/// A filter as the picker lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterRow {
    pub id: FilterId,
    pub name: String,
    /// The reason ESP cannot use it, if it cannot.
    pub unavailable: Option<String>,
}

/// The tenant's filters, by name, with what ESP makes of each.
pub fn filter_rows(tenant: &Tenant) -> Vec<FilterRow> {
    let mut rows: Vec<FilterRow> = tenant
        .filters
        .iter()
        .map(|f| FilterRow {
            id: f.id.clone(),
            name: f.display_name.clone(),
            unavailable: match filter_availability(f) {
                FilterAvailability::Usable { .. } => None,
                FilterAvailability::Unavailable { reason, .. } => Some(reason),
            },
        })
        .collect();
    rows.sort_by_cached_key(|row| row.name.to_lowercase());
    rows
}

/// A target's name as the admin center shows it.
pub fn target_name(target: &Target, tenant: &Tenant) -> String {
    match target {
        Target::AllUsers => "All users".to_owned(),
        Target::AllDevices => "All devices".to_owned(),
        Target::Group(id) | Target::ExcludedGroup(id) => tenant
            .group(id)
            .map_or_else(|| id.to_string(), |g| g.display_name.clone()),
    }
}

/// What a target holds: users, devices, or (for a group the tenant does not describe) unknown.
pub fn target_kind(target: &Target, tenant: &Tenant) -> &'static str {
    let kind = match target {
        Target::AllUsers => Some(MemberKind::User),
        Target::AllDevices => Some(MemberKind::Device),
        Target::Group(id) | Target::ExcludedGroup(id) => {
            tenant.group(id).and_then(|g| g.member_kind)
        }
    };
    member_kind_label(kind)
}

fn member_kind_label(kind: Option<MemberKind>) -> &'static str {
    match kind {
        Some(MemberKind::User) => "Users",
        Some(MemberKind::Device) => "Devices",
        None => "Users or devices",
    }
}

/// The rule of a filter as the core reads it (explicit parentheses), or as written if it cannot.
pub fn shown_rule(tenant: &Tenant, id: &FilterId) -> Option<String> {
    let filter = tenant.filter(id)?;
    Some(
        esp_core::filter::parse(&filter.rule)
            .map_or_else(|_| filter.rule.clone(), |rule| rule.to_string()),
    )
}

fn edit_assignments(ctx: Ctx, change: impl FnOnce(&mut Vec<Assignment>)) {
    ctx.update(|d| change(&mut d.profile.assignments));
}

fn add_target(ctx: Ctx, target: Target) {
    edit_assignments(ctx, |rows| {
        let taken = rows.iter().any(|a| {
            a.target == target || (a.target.group().is_some() && a.target.group() == target.group())
        });
        if !taken {
            rows.push(Assignment::new(target));
        }
    });
}

#[component]
pub fn Assignments(ctx: Ctx) -> impl IntoView {
    let rows = Memo::new(move |_| ctx.with(|d| d.profile.assignments.clone()));
    let has = move |target: Target| rows.with(|r| r.iter().any(|a| a.target == target));
    let indexed = move |excluded: bool| {
        rows.with(|r| {
            r.iter()
                .enumerate()
                .filter(|(_, a)| a.target.is_exclusion() == excluded)
                .map(|(i, a)| (i, a.clone()))
                .collect::<Vec<_>>()
        })
    };
    let filters = Memo::new(move |_| ctx.with_tenant(filter_rows));
    let included_id = dom_id("assignments");

    view! {
        <section class="targets-section" aria-labelledby="wizard-included-heading">
            <h3 id="wizard-included-heading">"Included groups"</h3>
            <div class="target-buttons" id=included_id>
                <button type="button" disabled=move || has(Target::AllUsers) on:click=move |_| add_target(ctx, Target::AllUsers)>
                    "Add all users"
                </button>
                <button type="button" disabled=move || has(Target::AllDevices) on:click=move |_| add_target(ctx, Target::AllDevices)>
                    "Add all devices"
                </button>
            </div>
            <FieldMessages ctx field="assignments" />
            <GroupSearch ctx excluded=false />
            <When
                when=move || !indexed(false).is_empty()
                fallback=|| view! { <p class="hint">"No group, user or device is included yet."</p> }
            >
                <ul class="targets" aria-label="Included">
                    <KeyedRows
                        each=move || indexed(false)
                        key=|(i, a)| key_of(&[&i.to_string(), &format!("{:?}", a.target)])
                        children=move |(i, assignment)| {
                            view! { <IncludedRow ctx index=i target=assignment.target filters /> }.into_any()
                        }
                    />
                </ul>
            </When>
        </section>
        <section class="targets-section" aria-labelledby="wizard-excluded-heading">
            <h3 id="wizard-excluded-heading">"Excluded groups"</h3>
            <p class="hint">
                "Microsoft does not document excluded groups for the Enrollment Status Page. The preview applies Intune's general rule: an exclusion wins only over an inclusion of the same kind (users or devices)."
            </p>
            <GroupSearch ctx excluded=true />
            <When when=move || !indexed(true).is_empty()>
                <ul class="targets" aria-label="Excluded">
                    <KeyedRows
                        each=move || indexed(true)
                        key=|(i, a)| key_of(&[&i.to_string(), &format!("{:?}", a.target)])
                        children=move |(i, assignment)| {
                            view! { <ExcludedRow ctx index=i target=assignment.target /> }.into_any()
                        }
                    />
                </ul>
            </When>
        </section>
    }
    .into_any()
}

/// Search the tenant's groups and add one, to include or to exclude.
#[component]
fn GroupSearch(ctx: Ctx, excluded: bool) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let (label, search_id) = if excluded {
        ("Search groups to exclude", "wizard-exclude-search")
    } else {
        ("Search groups to include", "wizard-include-search")
    };
    let matches = Memo::new(move |_| {
        let needle = query.with(|q| q.trim().to_lowercase());
        let taken: Vec<GroupId> = ctx.with(|d| {
            d.profile
                .assignments
                .iter()
                .filter_map(|a| a.target.group().cloned())
                .collect()
        });
        ctx.with_tenant(|t| {
            let mut found: Vec<(GroupId, String, &'static str)> = t
                .groups
                .iter()
                .filter(|g| !taken.contains(&g.id))
                .filter(|g| needle.is_empty() || g.display_name.to_lowercase().contains(&needle))
                .map(|g| {
                    (
                        g.id.clone(),
                        g.display_name.clone(),
                        member_kind_label(g.member_kind),
                    )
                })
                .collect();
            found.sort_by_cached_key(|(_, name, _)| name.to_lowercase());
            found
        })
    });
    let results_id = format!("{search_id}-results");
    view! {
        <div class="group-search">
            <label for=search_id>{label}</label>
            <input
                type="search"
                id=search_id
                autocomplete="off"
                aria-controls=results_id.clone()
                prop:value=move || query.get()
                on:input:target=move |ev| query.set(ev.target().value())
            />
            <ul class="group-results" id=results_id aria-label=if excluded { "Groups to exclude" } else { "Groups to include" }>
                <KeyedRows
                    each=move || matches.get().into_iter().take(MAX_GROUP_RESULTS).collect()
                    key=|(id, _, _)| id.as_str().to_owned()
                    children=move |(id, name, kind)| {
                        let add = move |_| {
                            let target = if excluded {
                                Target::ExcludedGroup(id.clone())
                            } else {
                                Target::Group(id.clone())
                            };
                            add_target(ctx, target);
                            // The search starts over, ready for the next group.
                            query.set(String::new());
                            request_animation_frame(move || focus_by_id(search_id));
                        };
                        view! {
                            <li>
                                <span class="group-name">{name.clone()}</span>
                                <span class="group-kind">{kind}</span>
                                <button type="button" on:click=add>
                                    {if excluded { "Exclude" } else { "Include" }}
                                    <span class="visually-hidden">{format!(" {name}")}</span>
                                </button>
                            </li>
                        }
                        .into_any()
                    }
                />
            </ul>
            <p class="hint" aria-live="polite">
                {move || {
                    let n = matches.with(Vec::len);
                    let searching = query.with(|q| !q.trim().is_empty());
                    match (n, searching) {
                        (0, true) => "No group matches that name.".to_owned(),
                        (0, false) => "Every group of this tenant is already assigned.".to_owned(),
                        (n, _) if n > MAX_GROUP_RESULTS => {
                            format!("Showing {MAX_GROUP_RESULTS} of {n} groups: type to narrow the list.")
                        }
                        _ => String::new(),
                    }
                }}
            </p>
        </div>
    }
    .into_any()
}

/// An included target with its filter.
#[component]
fn IncludedRow(
    ctx: Ctx,
    index: usize,
    target: Target,
    filters: Memo<Vec<FilterRow>>,
) -> impl IntoView {
    let name = ctx.with_tenant(|t| target_name(&target, t));
    let kind = ctx.with_tenant(|t| target_kind(&target, t));
    let row_field = format!("assignments[{index}]");
    let filter_field = format!("{row_field}.filter");
    let group_field = format!("{row_field}.group");
    let select_id = dom_id(&filter_field);
    let applied = Memo::new(move |_| {
        ctx.with(|d| {
            d.profile
                .assignments
                .get(index)
                .and_then(|a| a.filter.clone())
        })
    });
    let set_filter = move |value: String| {
        ctx.update(|d| {
            if let Some(row) = d.profile.assignments.get_mut(index) {
                row.filter = if value.is_empty() {
                    None
                } else {
                    let mode = row.filter.as_ref().map_or(FilterMode::Include, |f| f.mode);
                    Some(AppliedFilter {
                        id: FilterId::new(value),
                        mode,
                    })
                };
            }
        });
    };
    let set_mode = Callback::new(move |exclude: bool| {
        let mode = if exclude {
            FilterMode::Exclude
        } else {
            FilterMode::Include
        };
        ctx.update(|d| {
            if let Some(filter) = d
                .profile
                .assignments
                .get_mut(index)
                .and_then(|a| a.filter.as_mut())
            {
                filter.mode = mode;
            }
        });
    });
    let remove = move |_| {
        ctx.update(|d| {
            if index < d.profile.assignments.len() {
                d.profile.assignments.remove(index);
            }
        });
        request_animation_frame(|| focus_by_id("wizard-include-search"));
    };
    let rule = move || {
        applied
            .get()
            .and_then(|f| ctx.with_tenant(|t| shown_rule(t, &f.id)))
    };
    let unknown_filter = move || {
        applied
            .get()
            .filter(|f| filters.with(|all| !all.iter().any(|row| row.id == f.id)))
    };
    let options = move || {
        let current = applied.get().map(|f| f.id);
        let (usable, unavailable): (Vec<FilterRow>, Vec<FilterRow>) = filters
            .get()
            .into_iter()
            .partition(|row| row.unavailable.is_none());
        let option = move |row: FilterRow, current: Option<FilterId>| {
            let selected = current.as_ref() == Some(&row.id);
            match row.unavailable {
                None => view! {
                    <option value=row.id.to_string() prop:selected=selected>{row.name}</option>
                }
                .into_any(),
                Some(reason) => view! {
                    <option value=row.id.to_string() disabled prop:selected=selected>
                        {format!("{}: {reason}", row.name)}
                    </option>
                }
                .into_any(),
            }
        };
        let usable_view = usable
            .into_iter()
            .map(|row| option(row, current.clone()))
            .collect_view();
        let unavailable_view = (!unavailable.is_empty()).then(|| {
            let items = unavailable
                .into_iter()
                .map(|row| option(row, current.clone()))
                .collect_view();
            view! { <optgroup label="Unavailable for ESP">{items}</optgroup> }
        });
        view! {
            <option value="" prop:selected=current.is_none()>"None"</option>
            <optgroup label="Filters ESP can use">{usable_view}</optgroup>
            {unavailable_view}
        }
    };
    let mode_label = format!("Filter mode for {name}");
    let row_id = dom_id(&row_field);
    let group_id = dom_id(&group_field);
    let mode_field = format!("{row_field}.filterMode");
    view! {
        <li class="target" id=row_id>
            <div class="target-head">
                <span class="target-name" id=group_id>{name.clone()}</span>
                <span class="target-kind">{kind}</span>
                <button type="button" class="link-button" on:click=remove>
                    "Remove"
                    <span class="visually-hidden">{format!(" {name}")}</span>
                </button>
            </div>
            <FieldMessages ctx field=group_field.clone() />
            <FieldMessages ctx field=row_field.clone() />
            <div class="target-filter">
                <label for=select_id.clone()>
                    "Filter"
                    <span class="visually-hidden">{format!(" for {name}")}</span>
                </label>
                <select
                    id=select_id
                    aria-invalid=ctx.invalid(filter_field.clone())
                    aria-describedby=ctx.described_by(filter_field.clone(), None)
                    on:change:target=move |ev| set_filter(ev.target().value())
                >
                    {move || unknown_filter().map(|f| view! {
                        <option value=f.id.to_string() disabled prop:selected=true>
                            {format!("Unknown filter `{}`", f.id)}
                        </option>
                    })}
                    {options}
                </select>
                <When when=move || applied.with(Option::is_some)>
                    <Choice
                        ctx
                        label=mode_label.clone()
                        field=mode_field.clone()
                        options=[("Include", false), ("Exclude", true)]
                        value=Signal::derive(move || applied.get().is_some_and(|f| f.mode == FilterMode::Exclude))
                        on_change=set_mode
                    />
                </When>
            </div>
            {move || rule().map(|rule| view! {
                <p class="filter-rule">"Rule: " <code>{rule}</code></p>
            })}
            <FieldMessages ctx field=filter_field.clone() />
        </li>
    }
    .into_any()
}

/// An excluded group.
#[component]
fn ExcludedRow(ctx: Ctx, index: usize, target: Target) -> impl IntoView {
    let name = ctx.with_tenant(|t| target_name(&target, t));
    let kind = ctx.with_tenant(|t| target_kind(&target, t));
    let row_field = format!("assignments[{index}]");
    let group_field = format!("{row_field}.group");
    let remove = move |_| {
        ctx.update(|d| {
            if index < d.profile.assignments.len() {
                d.profile.assignments.remove(index);
            }
        });
        request_animation_frame(|| focus_by_id("wizard-exclude-search"));
    };
    let row_id = dom_id(&row_field);
    let group_id = dom_id(&group_field);
    view! {
        <li class="target" id=row_id>
            <div class="target-head">
                <span class="target-name" id=group_id>{name.clone()}</span>
                <span class="target-kind">{kind}</span>
                <button type="button" class="link-button" on:click=remove>
                    "Remove"
                    <span class="visually-hidden">{format!(" {name}")}</span>
                </button>
            </div>
            <FieldMessages ctx field=group_field />
            <FieldMessages ctx field=row_field />
        </li>
    }
    .into_any()
}
