//! Settings: the ESP settings with the admin center's labels, each shown only when its parent
//! setting allows it (DOMAIN §1.2). Hiding and showing go through the core's `set_*` methods,
//! which park a hidden value in the draft's memory, so it comes back as it was.

use esp_core::model::{
    Block, BlockSettings, BlockingApps, CustomMessage, PageSettings, SettingsMemory,
    DEFAULT_ERROR_MESSAGE,
};
use leptos::prelude::*;

use crate::erased::When;

use super::app_picker::AppPicker;
use super::context::Ctx;
use super::fields::{dom_id, Choice, FieldMessages, YesNo};

pub const PROGRESS: &str = "Show app and profile configuration progress";
pub const TIMEOUT: &str =
    "Show an error when installation takes longer than specified number of minutes";
pub const CUSTOM_MESSAGE: &str = "Show custom message when time limit or error occur";
pub const MESSAGE_TEXT: &str = "Custom message";
pub const LOG_COLLECTION: &str = "Turn on log collection and diagnostics page for end users";
pub const OOBE_ONLY: &str = "Only show page to devices provisioned by out-of-box experience (OOBE)";
pub const QUALITY_UPDATES: &str = "Install Windows quality updates (might restart the device)";
pub const BLOCK: &str = "Block device use until all apps and profiles are installed";
pub const ALLOW_RESET: &str = "Allow users to reset device if installation error occurs";
pub const ALLOW_USE: &str = "Allow users to use device if installation error occurs";
pub const BLOCKING_APPS: &str = "Block device use until these required apps are installed if they are assigned to the user/device";
pub const TECHNICIAN_PHASE: &str = "Only fail selected blocking apps in technician phase";

/// Changes the page settings, if the page is shown.
fn edit_page(ctx: Ctx, change: impl FnOnce(&mut PageSettings, &mut SettingsMemory)) {
    ctx.update(|d| {
        if let Some(page) = d.profile.settings.page_mut() {
            change(page, &mut d.memory);
        }
    });
}

/// Changes the block settings, if the page is shown and blocks.
fn edit_block(ctx: Ctx, change: impl FnOnce(&mut BlockSettings, &mut SettingsMemory)) {
    edit_page(ctx, |page, memory| {
        if let Block::Yes(block) = &mut page.block {
            change(block, memory);
        }
    });
}

/// A page setting as a signal (false while the page is hidden).
fn page_flag(ctx: Ctx, read: fn(&PageSettings) -> bool) -> Signal<bool> {
    Signal::derive(move || ctx.with(|d| d.profile.settings.page().is_some_and(read)))
}

/// A block setting as a signal (false while hidden).
fn block_flag(ctx: Ctx, read: fn(&BlockSettings) -> bool) -> Signal<bool> {
    Signal::derive(move || ctx.with(|d| d.profile.settings.block().is_some_and(read)))
}

#[component]
pub fn Settings(ctx: Ctx) -> impl IntoView {
    let shown = Signal::derive(move || ctx.with(|d| d.profile.settings.page().is_some()));
    let custom = page_flag(ctx, |p| matches!(p.message, CustomMessage::Custom(_)));
    let blocks = page_flag(ctx, |p| matches!(p.block, Block::Yes(_)));
    let selected = block_flag(ctx, |b| matches!(b.apps, BlockingApps::Selected(_)));
    let has_selection = Signal::derive(move || {
        ctx.with(|d| {
            d.profile
                .settings
                .selected_apps()
                .is_some_and(|s| !s.ids.is_empty())
        })
    });

    view! {
        <YesNo
            ctx
            label=PROGRESS
            field="progress"
            value=shown
            on_change=Callback::new(move |on| {
                ctx.update(|d| d.profile.settings.set_shown(on, &mut d.memory))
            })
        />
        <When when=move || shown.get()>
            <div class="nested">
                <TimeoutField ctx />
                <YesNo
                    ctx
                    label=CUSTOM_MESSAGE
                    field="customMessageToggle"
                    value=custom
                    on_change=Callback::new(move |on| {
                        edit_page(ctx, |page, memory| page.set_custom_message(on, memory))
                    })
                />
                <When
                    when=move || custom.get()
                    fallback=|| {
                        view! {
                            <p class="hint default-message">
                                "People see the default message: " <q>{DEFAULT_ERROR_MESSAGE}</q>
                            </p>
                        }
                    }
                >
                    <MessageField ctx />
                </When>
                <YesNo
                    ctx
                    label=LOG_COLLECTION
                    field="logCollection"
                    value=page_flag(ctx, |p| p.log_collection)
                    on_change=Callback::new(move |on| edit_page(ctx, |page, _| page.log_collection = on))
                />
                <YesNo
                    ctx
                    label=OOBE_ONLY
                    field="oobeOnly"
                    value=page_flag(ctx, |p| p.oobe_only)
                    on_change=Callback::new(move |on| edit_page(ctx, |page, _| page.set_oobe_only(on)))
                />
                <YesNo
                    ctx
                    label=QUALITY_UPDATES
                    field="qualityUpdates"
                    value=page_flag(ctx, |p| p.quality_updates)
                    on_change=Callback::new(move |on| edit_page(ctx, |page, _| page.quality_updates = on))
                />
                <YesNo
                    ctx
                    label=BLOCK
                    field="block"
                    value=blocks
                    on_change=Callback::new(move |on| edit_page(ctx, |page, memory| page.set_block(on, memory)))
                />
                <When when=move || blocks.get()>
                    <div class="nested">
                        <YesNo
                            ctx
                            label=ALLOW_RESET
                            field="allowReset"
                            value=block_flag(ctx, |b| b.allow_reset)
                            on_change=Callback::new(move |on| edit_block(ctx, |block, _| block.allow_reset = on))
                        />
                        <YesNo
                            ctx
                            label=ALLOW_USE
                            field="allowUse"
                            value=block_flag(ctx, |b| b.allow_use)
                            on_change=Callback::new(move |on| edit_block(ctx, |block, _| block.allow_use = on))
                        />
                        <Choice
                            ctx
                            label=BLOCKING_APPS
                            field="blockingApps"
                            options=[("All", false), ("Selected", true)]
                            value=selected
                            on_change=Callback::new(move |on| {
                                edit_block(ctx, |block, memory| block.set_selected(on, memory))
                            })
                        />
                        <When when=move || selected.get()>
                            <AppPicker ctx />
                        </When>
                        <When when=move || has_selection.get()>
                            <YesNo
                                ctx
                                label=TECHNICIAN_PHASE
                                field="technicianPhase"
                                value=Signal::derive(move || {
                                    ctx.with(|d| {
                                        d.profile
                                            .settings
                                            .selected_apps()
                                            .is_some_and(|s| s.only_fail_selected_in_technician_phase)
                                    })
                                })
                                on_change=Callback::new(move |on| {
                                    edit_block(ctx, |block, _| {
                                        if let BlockingApps::Selected(selected) = &mut block.apps {
                                            selected.only_fail_selected_in_technician_phase = on;
                                        }
                                    })
                                })
                            />
                        </When>
                    </div>
                </When>
            </div>
        </When>
    }
    .into_any()
}

/// The timeout as a text box that keeps whatever is typed, so the core can say what is wrong.
#[component]
fn TimeoutField(ctx: Ctx) -> impl IntoView {
    let id = dom_id("timeout");
    let unit = format!("{id}-unit");
    view! {
        <div class="field">
            <label for=id.clone()>{TIMEOUT}</label>
            <div class="with-unit">
                <input
                    type="text"
                    inputmode="numeric"
                    id=id
                    class="short"
                    autocomplete="off"
                    prop:value=move || ctx.with(|d| d.timeout_text.clone())
                    on:input:target=move |ev| {
                        let text = ev.target().value();
                        ctx.update(|d| d.set_timeout_text(text));
                    }
                    on:blur=move |_| ctx.touch("timeout")
                    aria-invalid=ctx.invalid("timeout")
                    aria-describedby=ctx.described_by("timeout".to_owned(), Some(unit.clone()))
                />
                <span id=unit>"minutes"</span>
            </div>
            <FieldMessages ctx field="timeout" />
        </div>
    }
    .into_any()
}

/// The custom message text, shown while its toggle is Yes.
#[component]
fn MessageField(ctx: Ctx) -> impl IntoView {
    let id = dom_id("customMessage");
    view! {
        <div class="field">
            <label for=id.clone()>{MESSAGE_TEXT}</label>
            <textarea
                id=id
                rows="4"
                prop:value=move || {
                    ctx.with(|d| match d.profile.settings.page().map(|p| &p.message) {
                        Some(CustomMessage::Custom(text)) => text.clone(),
                        _ => String::new(),
                    })
                }
                on:input:target=move |ev| {
                    let text = ev.target().value();
                    ctx.update(|d| {
                        if let Some(page) = d.profile.settings.page_mut() {
                            page.message = CustomMessage::Custom(text);
                        }
                        d.touch("customMessage");
                    });
                }
                on:blur=move |_| ctx.touch("customMessage")
                aria-invalid=ctx.invalid("customMessage")
                aria-describedby=ctx.described_by("customMessage".to_owned(), None)
            ></textarea>
            <FieldMessages ctx field="customMessage" />
        </div>
    }
    .into_any()
}
