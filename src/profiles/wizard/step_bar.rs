//! The step bar: the wizard's steps in order, the current one marked, visited ones reachable,
//! and steps with errors flagged.

use esp_core::validate::WizardStep;
use leptos::ev;
use leptos::prelude::*;

use super::context::{step_label, Ctx};

#[component]
pub fn StepBar(ctx: Ctx) -> impl IntoView {
    let items = ctx
        .steps()
        .iter()
        .enumerate()
        .map(|(i, step)| view! { <StepItem ctx step=*step number=i + 1 /> })
        .collect_view();
    view! {
        <nav class="step-bar" aria-label="Wizard steps">
            <ol>{items}</ol>
        </nav>
    }
    .into_any()
}

#[component]
fn StepItem(ctx: Ctx, step: WizardStep, number: usize) -> impl IntoView {
    let label = step_label(step, ctx.is_new);
    let current = move || ctx.step.get() == step;
    let visited = move || ctx.with(|d| d.has_visited(step));
    let has_error = move || ctx.step_has_error(step);
    let class = move || {
        let mut class = String::from("step");
        if current() {
            class.push_str(" current");
        }
        if visited() {
            class.push_str(" visited");
        }
        if has_error() {
            class.push_str(" has-error");
        }
        class
    };
    let content = move || {
        view! {
            <span class="step-number" aria-hidden="true">
                {move || if has_error() { "!".to_owned() } else { number.to_string() }}
            </span>
            <span class="step-label">{label}</span>
            {move || has_error().then(|| view! { <span class="visually-hidden">", has errors"</span> })}
        }
    };
    let open = move |event: ev::MouseEvent| {
        event.prevent_default();
        if !current() {
            ctx.go(step, None);
        }
    };
    view! {
        <li class=class>
            {move || {
                if visited() || current() {
                    view! {
                        <a
                            href=ctx.route_of(step).href()
                            aria-current=move || current().then_some("step")
                            on:click=open
                        >
                            {content()}
                        </a>
                    }
                    .into_any()
                } else {
                    view! { <span class="step-link" aria-disabled="true">{content()}</span> }.into_any()
                }
            }}
        </li>
    }
    .into_any()
}
