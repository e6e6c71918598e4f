//! The result's details (phases, time, the screen, the trace) follow a scenario change once the
//! frame showing its outcome has painted.
//!
//! A change of mode can add or take away a few hundred elements below the fold (account
//! setup's table, the trace's rows): building and laying them out takes longer than a frame
//! on a large tenant. The outcome at the top of the result (the applied profile, the warnings,
//! the sentence a screen reader hears) reads the resolution itself and paints in the frame of
//! the input; the details take up the same resolution in a task of their own right after that
//! frame (`idle::soon_after_paint`; the way `useDeferredValue` works in React). A first result,
//! or a result going away, is taken up at once, so the details never show a frame of emptiness.

use esp_core::resolve::{JoinType, Mode, Resolution};
use leptos::prelude::*;

/// What the details read: the resolution with the mode and join type it was worked out for,
/// taken up together so the details never mix two scenarios.
#[derive(Clone, Copy)]
pub struct Details {
    pub resolution: ReadSignal<Option<Resolution>>,
    pub mode: ReadSignal<Option<Mode>>,
    pub join: ReadSignal<Option<JoinType>>,
}

impl Details {
    /// Copies that follow `resolution`, `mode` and `join` after the next paint.
    pub fn after_paint(
        resolution: Memo<Option<Resolution>>,
        mode: Memo<Option<Mode>>,
        join: Memo<Option<JoinType>>,
    ) -> Self {
        let shown_resolution = RwSignal::new(resolution.get_untracked());
        let shown_mode = RwSignal::new(mode.get_untracked());
        let shown_join = RwSignal::new(join.get_untracked());
        let take_up = move || {
            copy_if_changed(resolution, shown_resolution);
            copy_if_changed(mode, shown_mode);
            copy_if_changed(join, shown_join);
        };
        Effect::new(move |first_run: Option<()>| {
            let (now, before) = (
                resolution.with(Option::is_some),
                shown_resolution.with_untracked(Option::is_some),
            );
            mode.track();
            join.track();
            if first_run.is_none() {
                return;
            }
            if now && before {
                crate::idle::soon_after_paint(move || untrack(take_up));
            } else {
                untrack(take_up);
            }
        });
        Details {
            resolution: shown_resolution.read_only(),
            mode: shown_mode.read_only(),
            join: shown_join.read_only(),
        }
    }
}

/// Sets `shown` to `source`'s value when they differ. Several changes within one frame schedule
/// several copies; the first takes up the latest value and the others find nothing to do. The
/// page may have gone by the time a copy runs: then there is nothing to copy into.
fn copy_if_changed<T>(source: Memo<T>, shown: RwSignal<T>)
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let Some(changed) = source.try_with_untracked(|now| shown.try_with_untracked(|old| old != now))
    else {
        return;
    };
    if changed == Some(true) {
        if let Some(now) = source.try_get_untracked() {
            shown.try_set(now);
        }
    }
}
