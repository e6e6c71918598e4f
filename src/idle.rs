//! Work put off until after the next paint: when the browser has nothing more urgent to do
//! ([`after_paint`], [`soon_after_paint`]), or at once in tasks of its own, for the start's work
//! after the shell's first frame ([`after_this_frame`], [`in_a_task`]); and tasks posted at a
//! chosen priority ([`post_task`]), for long work that gives the page its turn between slices.

use js_sys::Reflect;
use leptos::prelude::request_animation_frame;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Runs `work` once the frame now being prepared has painted and the page is idle (the browser's
/// `requestIdleCallback`, asked for from the next animation frame). Work that follows a change
/// but does not show in it (a note worked out from two tenants, say) then neither holds that
/// frame back nor runs before its paint ends: a task posted from the animation frame would run
/// before the frame's end whenever the browser schedules the next frame first. Without idle
/// callbacks it runs in a task of its own; a page that never idles (a held key) runs it within
/// [`AT_THE_LATEST_MS`] all the same.
pub fn after_paint(work: impl FnOnce() + 'static) {
    after_paint_boxed(Box::new(work));
}

/// Runs `work` in a task of its own once the frame now being prepared has painted: a task posted
/// from the next animation frame, at the page's normal priority. Unlike [`after_paint`] it does
/// not wait for the page to idle: it suits work the person is waiting to see (the start's
/// workspace and first page, after its shell), which a busy moment must not put off by hundreds
/// of milliseconds.
pub fn after_this_frame(work: impl FnOnce() + 'static) {
    let work: Box<dyn FnOnce()> = Box::new(work);
    request_animation_frame(move || in_a_task_boxed(work));
}

/// Runs `work` in a task of its own (a zero-delay timer): between two parts of a long piece of
/// work, a click or a key press that came during the first part can be handled before the
/// second.
pub fn in_a_task(work: impl FnOnce() + 'static) {
    in_a_task_boxed(Box::new(work));
}

/// The one compiled body of [`after_this_frame`] and [`in_a_task`] (generic, it costs 800 bytes
/// a caller).
fn in_a_task_boxed(work: Box<dyn FnOnce()>) {
    let callback = Closure::once_into_js(work);
    let function: &js_sys::Function = callback.unchecked_ref();
    if leptos::prelude::window()
        .set_timeout_with_callback(function)
        .is_err()
    {
        // No timer (it never happens in a window): the work must still run.
        let _ = function.call0(&JsValue::NULL);
    }
}

/// How long put-off work may wait for an idle moment, in milliseconds.
const AT_THE_LATEST_MS: u32 = 500;

/// The one compiled body of [`after_paint`]: its JavaScript glue is generated once, not once
/// per caller.
fn after_paint_boxed(work: Box<dyn FnOnce()>) {
    request_animation_frame(move || when_idle(&Closure::once_into_js(work)));
}

/// Calls `callback` when the page is idle, within [`AT_THE_LATEST_MS`]; without idle callbacks
/// (Safari), in a task of its own.
fn when_idle(callback: &JsValue) {
    let window = leptos::prelude::window();
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(AT_THE_LATEST_MS);
    if window
        .request_idle_callback_with_options(callback.unchecked_ref(), &options)
        .is_err()
    {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Runs `work` soon after the frame now being prepared has painted, in a background-priority
/// task (the Prioritized Task Scheduling API's `scheduler.postTask`) posted from the next
/// animation frame. Unlike [`after_paint`] it does not wait for an idle period, which a busy
/// page may not get for hundreds of milliseconds: it suits the second half of an answer the
/// person is looking at (a result's details after its outcome). A background task still
/// yields to the tasks already waiting, so the frame's end is seen before the work begins.
/// Where the scheduler is missing (Safari), it is [`after_paint`].
pub fn soon_after_paint(work: impl FnOnce() + 'static) {
    soon_after_paint_boxed(Box::new(work));
}

/// The one compiled body of [`soon_after_paint`].
fn soon_after_paint_boxed(work: Box<dyn FnOnce()>) {
    request_animation_frame(move || {
        let callback = Closure::once_into_js(work);
        if post_task(&callback, Priority::Background).is_none() {
            when_idle(&callback);
        }
    });
}

/// Where [`post_task`] puts a task among the page's others.
#[derive(Clone, Copy)]
pub enum Priority {
    /// After every other waiting task: work the person is not waiting on.
    Background,
    /// In turn with the page's other tasks (timers, messages, a test's scripts), with no delay.
    UserVisible,
}

/// `scheduler.postTask(callback, { priority })`; `None` where there is no scheduler (Safari).
/// Read through `Reflect`: web-sys binds the API only behind an unstable flag.
pub fn post_task(callback: &JsValue, priority: Priority) -> Option<()> {
    let scheduler = Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok()?;
    let post = Reflect::get(&scheduler, &JsValue::from_str("postTask"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let options = js_sys::Object::new();
    let priority = match priority {
        Priority::Background => "background",
        Priority::UserVisible => "user-visible",
    };
    Reflect::set(&options, &"priority".into(), &priority.into()).ok()?;
    post.call2(&scheduler, callback, &options).ok()?;
    Some(())
}
