//! Picking the groups that contain the device or the user: a searchable list of checkboxes.
//!
//! Membership comes from the scenario (esp-core decides nothing from a group's kind), so every
//! group of the tenant can be picked; groups of the matching kind come first. A picked id the
//! tenant does not know (a scenario from another tenant) stays listed so it can be removed.

use esp_core::model::{Group, GroupId, MemberKind};
use esp_core::resolve::Scenario;
use leptos::prelude::*;

use super::state::PreviewState;
use crate::erased::{content_key, KeyedRows, When};

/// Whose groups a picker edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Device,
    User,
}

impl Side {
    fn kind(self) -> MemberKind {
        match self {
            Side::Device => MemberKind::Device,
            Side::User => MemberKind::User,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Side::Device => "device",
            Side::User => "user",
        }
    }

    fn ids(self, scenario: &Scenario) -> &[GroupId] {
        match self {
            Side::Device => &scenario.device.group_ids,
            Side::User => scenario.user_group_ids(),
        }
    }

    fn ids_mut(self, scenario: &mut Scenario) -> &mut Vec<GroupId> {
        match self {
            Side::Device => &mut scenario.device.group_ids,
            Side::User => &mut scenario.user.get_or_insert_with(Default::default).group_ids,
        }
    }
}

/// Most rows the list shows at once; a search narrows a large tenant down.
const SHOWN: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: GroupId,
    name: String,
    /// The group holds the other kind of member (a user group in the device picker).
    other_kind: Option<MemberKind>,
    known: bool,
}

#[component]
pub fn GroupPicker(
    side: Side,
    legend: &'static str,
    state: RwSignal<PreviewState>,
    groups: Memo<Vec<Group>>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    // The picked ids have a memo of their own, and the rows one that reads them: another change
    // of the scenario (its mode, say) then neither filters and sorts thousands of groups again
    // nor touches the list and its checkboxes.
    let chosen = Memo::new(move |_| {
        state.with(|s| {
            s.selected()
                .map(|x| side.ids(&x.scenario).to_vec())
                .unwrap_or_default()
        })
    });
    let shown_rows = Memo::new(move |_| {
        let needle = query.with(|q| q.trim().to_lowercase());
        chosen.with(|chosen| groups.with(|groups| rows(side, groups, chosen, &needle)))
    });
    let is_chosen = move |id: &GroupId| chosen.with(|chosen| chosen.contains(id));
    let toggle = move |id: GroupId, on: bool| {
        state.update(|s| {
            s.edit_selected(|x| {
                let ids = side.ids_mut(&mut x.scenario);
                ids.retain(|g| g != &id);
                if on {
                    ids.push(id);
                }
            })
        })
    };
    let search_id = format!("{}-group-search", side.slug());
    let summary_id = format!("{}-group-summary", side.slug());
    let summary = move || {
        let names: Vec<String> = chosen.with(|chosen| {
            groups.with(|groups| {
                chosen
                    .iter()
                    .map(|id| {
                        groups.iter().find(|g| &g.id == id).map_or_else(
                            || format!("unknown group {id}"),
                            |g| g.display_name.clone(),
                        )
                    })
                    .collect()
            })
        });
        if names.is_empty() {
            "None selected.".to_owned()
        } else {
            format!("Selected: {}.", names.join(", "))
        }
    };
    let more = move || {
        let total = groups.with(Vec::len);
        let shown = shown_rows.with(Vec::len);
        (shown >= SHOWN && total > shown)
            .then(|| format!("Showing the first {SHOWN} groups: search to find others."))
    };

    view! {
        <fieldset class="group-picker">
            <legend>{legend}</legend>
            <p class="group-summary" id=summary_id.clone()>{summary}</p>
            <label class="field-label" for=search_id.clone()>
                {format!("Search {}", legend.to_lowercase())}
            </label>
            <input
                id=search_id
                type="search"
                autocomplete="off"
                aria-describedby=summary_id
                prop:value=move || query.get()
                on:input:target=move |ev| query.set(ev.target().value())
            />
            <When
                when=move || shown_rows.with(|rows| !rows.is_empty())
                fallback=move || {
                    let empty = groups.with(Vec::is_empty);
                    view! {
                        <p class="muted">
                            {if empty {
                                "This tenant has no groups yet: add them in the Tenant area."
                            } else {
                                "No group matches the search."
                            }}
                        </p>
                    }
                }
            >
                <ul class="group-list">
                    <KeyedRows
                        each=move || shown_rows.get()
                        key=|row| content_key(row.id.as_str(), row)
                        children=move |row| {
                            let id = row.id.clone();
                            let checked_id = row.id.clone();
                            let label = if row.known {
                                row.name.clone()
                            } else {
                                format!("Unknown group {}", row.id)
                            };
                            let kind_note = row
                                .other_kind
                                .map(|k| match k {
                                    MemberKind::User => "user group",
                                    MemberKind::Device => "device group",
                                });
                            view! {
                                <li>
                                    <label>
                                        <input
                                            type="checkbox"
                                            prop:checked=move || is_chosen(&checked_id)
                                            on:change:target=move |ev| {
                                                toggle(id.clone(), ev.target().checked())
                                            }
                                        />
                                        {label}
                                    </label>
                                    {kind_note.map(|note| view! { <span class="muted kind-note">{note}</span> })}
                                </li>
                            }
                            .into_any()
                        }
                    />
                </ul>
            </When>
            {move || more().map(|text| view! { <p class="muted">{text}</p> })}
        </fieldset>
    }
}

/// The rows to show: picked ids the tenant does not know, then the groups matching the search,
/// those of the side's kind first, by name, at most [`SHOWN`].
fn rows(side: Side, groups: &[Group], chosen: &[GroupId], needle: &str) -> Vec<Row> {
    let matches = |text: &str| needle.is_empty() || text.to_lowercase().contains(needle);
    let mut out: Vec<Row> = chosen
        .iter()
        .filter(|id| !groups.iter().any(|g| &g.id == *id))
        .filter(|id| matches(id.as_str()))
        .map(|id| Row {
            id: id.clone(),
            name: id.to_string(),
            other_kind: None,
            known: false,
        })
        .collect();
    let mut known: Vec<&Group> = groups
        .iter()
        .filter(|g| matches(&g.display_name) || matches(g.id.as_str()))
        .collect();
    let rank = |g: &Group| match g.member_kind {
        Some(kind) if kind == side.kind() => 0,
        None => 1,
        Some(_) => 2,
    };
    crate::sort::sort_by(&mut known, |a, b| {
        rank(a).cmp(&rank(b)).then_with(|| {
            a.display_name
                .to_lowercase()
                .cmp(&b.display_name.to_lowercase())
        })
    });
    out.extend(known.into_iter().map(|g| Row {
        id: g.id.clone(),
        name: g.display_name.clone(),
        other_kind: g.member_kind.filter(|k| *k != side.kind()),
        known: true,
    }));
    out.truncate(SHOWN);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn group(id: &str, name: &str, kind: Option<MemberKind>) -> Group {
        Group {
            id: id.into(),
            display_name: name.into(),
            member_kind: kind,
        }
    }

    #[test]
    fn the_sides_kind_comes_first_and_unknown_picks_stay_listed() {
        let groups = [
            group("u", "Alpha users", Some(MemberKind::User)),
            group("d2", "beta devices", Some(MemberKind::Device)),
            group("d1", "Alpha devices", Some(MemberKind::Device)),
            group("x", "Mixed", None),
        ];
        let chosen = [GroupId::from("gone")];
        let names: Vec<String> = rows(Side::Device, &groups, &chosen, "")
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(
            names,
            [
                "gone",
                "Alpha devices",
                "beta devices",
                "Mixed",
                "Alpha users"
            ]
        );
        let user = rows(Side::User, &groups, &[], "alpha");
        assert_eq!(user[0].name, "Alpha users");
        assert_eq!(user[1].other_kind, Some(MemberKind::Device));
        assert_eq!(rows(Side::User, &groups, &[], "zzz"), vec![]);
    }
}
