//! Checking a device list without freezing the page: the work runs in slices of about 10 ms, and
//! between slices the browser gets the event loop back (clicks, typing, painting the progress).
//!
//! A job stops when it is cancelled or replaced (its generation is no longer current), or when
//! the preview is closed (its signals are gone).

use std::sync::Arc;

use esp_core::fleet::{self, DeviceList, DeviceReader, FleetDevice, RowError};
use esp_core::resolve::{DeviceSummary, IndexedTenant};
use leptos::prelude::*;

/// What the job is doing, for the progress bar.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Reading { line: usize, lines: usize },
    Resolving { done: usize, total: usize },
    Exporting { done: usize, total: usize },
    Cancelled { done: usize, total: usize },
}

impl Status {
    pub fn running(&self) -> bool {
        matches!(
            self,
            Status::Reading { .. } | Status::Resolving { .. } | Status::Exporting { .. }
        )
    }
}

/// A checked device list, with the tenant it was checked against.
#[derive(Debug)]
pub struct Checked {
    pub index: Arc<IndexedTenant>,
    pub devices: Arc<Vec<FleetDevice>>,
    pub errors: Arc<Vec<RowError>>,
    pub summaries: Vec<DeviceSummary>,
    /// Where the list came from, in words (`devices.csv`, `the pasted list`).
    pub source: String,
    /// How long the check took, reading included.
    pub millis: f64,
}

/// The signals a job reports to, and its place in line.
#[derive(Clone, Copy)]
pub struct Job {
    pub status: RwSignal<Status>,
    pub checked: RwSignal<Option<Arc<Checked>>>,
    pub generation: StoredValue<u64>,
}

/// Devices resolved between two looks at the clock.
const STEP: usize = 250;
/// How long one slice may keep the page busy.
const SLICE_MS: f64 = 10.0;

impl Job {
    pub fn new() -> Self {
        Job {
            status: RwSignal::new(Status::Idle),
            checked: RwSignal::new(None),
            generation: StoredValue::new(0),
        }
    }

    /// Starts a new turn, cancelling the running job; returns the new turn's number.
    fn begin(&self) -> u64 {
        let next = self.generation.try_get_value().unwrap_or(0).wrapping_add(1);
        self.generation.try_set_value(next);
        next
    }

    /// Whether a job of this turn may go on.
    fn current(&self, turn: u64) -> bool {
        self.generation.try_get_value() == Some(turn)
    }

    /// Stops the running job, saying how far it got.
    pub fn cancel(&self) {
        self.begin();
        let status = self.status.try_get_untracked().unwrap_or(Status::Idle);
        let cancelled = match status {
            Status::Reading { line, lines } => Status::Cancelled {
                done: line,
                total: lines,
            },
            Status::Resolving { done, total } | Status::Exporting { done, total } => {
                Status::Cancelled { done, total }
            }
            other => other,
        };
        self.status.try_set(cancelled);
    }

    /// Reads a CSV and checks every device against the tenant.
    pub fn check_text(&self, text: String, source: String, index: Arc<IndexedTenant>) {
        let job = *self;
        let turn = self.begin();
        leptos::task::spawn_local(async move {
            let started = now();
            let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
            let mut reader = DeviceReader::new(&text);
            let mut list = DeviceList::default();
            loop {
                let slice = now();
                let mut more = true;
                while more && now() - slice < SLICE_MS {
                    more = reader.read(STEP, &mut list);
                }
                job.status.try_set(Status::Reading {
                    line: reader.line(),
                    lines,
                });
                if !more {
                    break;
                }
                if !job.yield_turn(turn).await {
                    return;
                }
            }
            let DeviceList { devices, errors } = list;
            job.resolve(
                turn,
                Arc::new(devices),
                Arc::new(errors),
                index,
                source,
                started,
            )
            .await;
        });
    }

    /// Checks an already read list again (the tenant changed).
    pub fn recheck(&self, previous: &Checked, index: Arc<IndexedTenant>) {
        let job = *self;
        let turn = self.begin();
        let devices = previous.devices.clone();
        let errors = previous.errors.clone();
        let source = previous.source.clone();
        leptos::task::spawn_local(async move {
            job.resolve(turn, devices, errors, index, source, now())
                .await;
        });
    }

    async fn resolve(
        &self,
        turn: u64,
        devices: Arc<Vec<FleetDevice>>,
        errors: Arc<Vec<RowError>>,
        index: Arc<IndexedTenant>,
        source: String,
        started: f64,
    ) {
        let total = devices.len();
        let mut summaries = Vec::with_capacity(total);
        let mut chunks = devices.chunks(STEP).peekable();
        self.status.try_set(Status::Resolving { done: 0, total });
        while chunks.peek().is_some() {
            let slice = now();
            while now() - slice < SLICE_MS {
                let Some(chunk) = chunks.next() else { break };
                summaries.extend(fleet::summaries(&index, chunk));
            }
            self.status.try_set(Status::Resolving {
                done: summaries.len(),
                total,
            });
            if chunks.peek().is_some() && !self.yield_turn(turn).await {
                return;
            }
        }
        if !self.current(turn) {
            return;
        }
        let checked = Arc::new(Checked {
            index,
            devices,
            errors,
            summaries,
            source,
            millis: now() - started,
        });
        super::remember(Some(checked.clone()));
        self.checked.try_set(Some(checked));
        self.status.try_set(Status::Idle);
    }

    /// The results as CSV (esp-core's format), built in slices; `None` when cancelled.
    pub async fn export(&self, checked: Arc<Checked>) -> Option<String> {
        let turn = self.begin();
        let total = checked.devices.len();
        let mut out = fleet::fleet_csv(&[]);
        let mut done = 0;
        for chunk in checked.devices.chunks(STEP * 4) {
            let csv = fleet::fleet_csv(&fleet::fleet(&checked.index, chunk));
            // Every piece starts with the header, which is written once.
            out.push_str(csv.split_once('\n').map_or("", |(_, rows)| rows));
            done += chunk.len();
            self.status.try_set(Status::Exporting { done, total });
            if !self.yield_turn(turn).await {
                return None;
            }
        }
        self.status.try_set(Status::Idle);
        Some(out)
    }

    /// Gives the browser its event loop back; false when this turn is over.
    async fn yield_turn(&self, turn: u64) -> bool {
        yield_to_browser().await;
        self.current(turn)
    }
}

/// Milliseconds from the page's time origin.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Gives the browser its turn: input, painting and the page's other waiting tasks run, then the
/// job goes on.
///
/// The job's next slice is a task in line with the others (`scheduler.postTask`), not a timer:
/// Chromium holds a timer set from within a timer's callback at least 4 ms from the fifth on, so
/// every 10 ms slice was followed by a 4 ms gap with nothing to do. Nor is it
/// `scheduler.yield()`, whose continuation goes before every task waiting at its priority: over a
/// job of seconds, that starves the page's timers and messages until the end. A zero-delay timer
/// remains where there is no scheduler (Safari).
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if crate::idle::post_task(&resolve, crate::idle::Priority::UserVisible).is_none() {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
