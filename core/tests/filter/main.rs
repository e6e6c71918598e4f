//! Feature tests for the assignment-filter language (DOMAIN.md §4): one module per feature,
//! each with a `check` helper and many one-line cases.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

// The case tables stay one case per line, as in rust-analyzer's tests; rustfmt would wrap them.
#[rustfmt::skip]
mod errors;
#[rustfmt::skip]
mod esp;
#[rustfmt::skip]
mod evaluate;
#[rustfmt::skip]
mod parse_print;

mod fixtures;
mod properties;
