//! The scenario form: its name, the deployment mode, the join type, the device and the user.
//! Every change is saved in the preview's section and the result follows at once.

use esp_core::filter::{
    DeviceProperties, EspProperty, DEVICE_OWNERSHIP_VALUES, OPERATING_SYSTEM_SKUS,
};
use esp_core::model::Group;
use esp_core::resolve::{is_windows_11, JoinType, Mode};
use leptos::prelude::*;

use super::groups::{GroupPicker, Side};
use super::state::{PreviewState, SavedScenario};
use super::words;

#[component]
pub fn ScenarioForm(
    state: RwSignal<PreviewState>,
    groups: Memo<Vec<Group>>,
    mode: Memo<Option<Mode>>,
    join: Memo<Option<JoinType>>,
) -> impl IntoView {
    let read = move |get: fn(&SavedScenario) -> String| {
        move || state.with(|s| s.selected().map(get).unwrap_or_default())
    };
    let edit = move |change: Box<dyn FnOnce(&mut SavedScenario)>| {
        state.update(|s| s.edit_selected(change));
    };
    let has_user = move || mode.get().is_none_or(Mode::has_user);

    view! {
        <form class="scenario-form" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label class="field-label" for="scenario-name">"Scenario name"</label>
                <input
                    id="scenario-name"
                    type="text"
                    autocomplete="off"
                    prop:value=read(|x| x.name.clone())
                    on:input:target=move |ev| {
                        let name = ev.target().value();
                        edit(Box::new(move |x| x.name = name));
                    }
                />
            </div>
            <div class="field">
                <label class="field-label" for="scenario-description">"Description"</label>
                <textarea
                    id="scenario-description"
                    rows="2"
                    prop:value=read(|x| x.description.clone())
                    on:input:target=move |ev| {
                        let text = ev.target().value();
                        edit(Box::new(move |x| x.description = text));
                    }
                ></textarea>
            </div>
            <fieldset class="choice-row">
                <legend>"Deployment mode"</legend>
                {Mode::ALL
                    .map(|m| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="deployment-mode"
                                    prop:checked=move || mode.get() == Some(m)
                                    on:change=move |_| edit(Box::new(move |x| x.scenario.mode = m))
                                />
                                {words::mode(m)}
                            </label>
                        }
                    })}
            </fieldset>
            <fieldset class="choice-row">
                <legend>"Join type"</legend>
                {JoinType::ALL
                    .map(|j| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="join-type"
                                    prop:checked=move || join.get() == Some(j)
                                    on:change=move |_| {
                                        edit(Box::new(move |x| x.scenario.join_type = j))
                                    }
                                />
                                {words::join_type(j)}
                            </label>
                        }
                    })}
            </fieldset>
            <fieldset class="scenario-part">
                <legend>"Device"</legend>
                <GroupPicker side=Side::Device legend="Device groups" state groups />
                <div class="property-grid">
                    <PropertyInput state property=EspProperty::Model label="Model" />
                    <PropertyInput state property=EspProperty::Manufacturer label="Manufacturer" />
                    <PropertyInput state property=EspProperty::OsVersion label="OS version" />
                    <PropertyChoice
                        state
                        property=EspProperty::OperatingSystemSku
                        label="Operating system SKU"
                        values=OPERATING_SYSTEM_SKUS
                    />
                    <PropertyChoice
                        state
                        property=EspProperty::DeviceOwnership
                        label="Ownership"
                        values=DEVICE_OWNERSHIP_VALUES
                    />
                    <PropertyInput
                        state
                        property=EspProperty::EnrollmentProfileName
                        label="Autopilot profile name"
                    />
                </div>
            </fieldset>
            <fieldset class="scenario-part">
                <legend>"User"</legend>
                // Hidden rather than removed while the mode has no user: switching the mode back
                // and forth then costs no rebuilt list, and the picker keeps its search.
                <div hidden=move || !has_user()>
                    <GroupPicker side=Side::User legend="User groups" state groups />
                </div>
                {move || {
                    (!has_user())
                        .then(|| {
                            view! {
                                <p class="note">
                                    {words::no_user(mode.get().unwrap_or(Mode::SelfDeploying))}
                                </p>
                            }
                                .into_any()
                        })
                }}
            </fieldset>
        </form>
    }
}

fn slot(properties: &mut DeviceProperties, property: EspProperty) -> &mut Option<String> {
    match property {
        EspProperty::Model => &mut properties.model,
        EspProperty::Manufacturer => &mut properties.manufacturer,
        EspProperty::OsVersion => &mut properties.os_version,
        EspProperty::OperatingSystemSku => &mut properties.operating_system_sku,
        EspProperty::DeviceOwnership => &mut properties.device_ownership,
        EspProperty::EnrollmentProfileName => &mut properties.enrollment_profile_name,
    }
}

fn value_of(state: &PreviewState, property: EspProperty) -> String {
    state
        .selected()
        .and_then(|x| x.scenario.device.properties.get(property))
        .unwrap_or_default()
        .to_owned()
}

fn set(state: RwSignal<PreviewState>, property: EspProperty, value: String) {
    state.update(|s| {
        s.edit_selected(|x| {
            *slot(&mut x.scenario.device.properties, property) =
                (!value.trim().is_empty()).then_some(value);
        })
    });
}

/// How filters name the property, and for the OS version what the core makes of it.
fn hint(state: RwSignal<PreviewState>, property: EspProperty) -> impl Fn() -> String {
    move || {
        let base = format!("Filters read it as device.{}.", property.name());
        if property != EspProperty::OsVersion {
            return base;
        }
        let version = state.with(|s| value_of(s, property));
        let windows = match is_windows_11(Some(&version)) {
            _ if version.trim().is_empty() => "Not set: quality updates cannot be judged.",
            Some(true) => "Windows 11.",
            Some(false) => "Windows 10.",
            None => "Not a version like 10.0.22631.4460: the Windows release is unknown.",
        };
        format!("{base} {windows}")
    }
}

#[component]
fn PropertyInput(
    state: RwSignal<PreviewState>,
    property: EspProperty,
    label: &'static str,
) -> impl IntoView {
    let id = format!("device-{}", property.name());
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                aria-describedby=hint_id.clone()
                prop:value=move || state.with(|s| value_of(s, property))
                on:input:target=move |ev| set(state, property, ev.target().value())
            />
            <p class="hint" id=hint_id>{hint(state, property)}</p>
        </div>
    }
}

#[component]
fn PropertyChoice(
    state: RwSignal<PreviewState>,
    property: EspProperty,
    label: &'static str,
    values: &'static [&'static str],
) -> impl IntoView {
    let id = format!("device-{}", property.name());
    let hint_id = format!("{id}-hint");
    let current = move || state.with(|s| value_of(s, property));
    // A value outside the list (typed into a shared link, say) stays choosable.
    let extra = move || {
        let value = current();
        (!value.is_empty() && !values.contains(&value.as_str())).then(|| {
            view! {
                <option value=value.clone() prop:selected=true>
                    {value.clone()}
                </option>
            }
        })
    };
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            <select
                id=id
                aria-describedby=hint_id.clone()
                on:change:target=move |ev| set(state, property, ev.target().value())
            >
                <option value="" prop:selected=move || current().is_empty()>
                    "Not set"
                </option>
                {extra}
                {values
                    .iter()
                    .map(|v| {
                        let v = *v;
                        view! {
                            <option value=v prop:selected=move || current() == v>
                                {v}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="hint" id=hint_id>{hint(state, property)}</p>
        </div>
    }
}
