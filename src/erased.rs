//! `<When>` and `<KeyedRows>`: Leptos' `<Show>` and `<For>` with their generic code compiled once
//! for the whole app instead of once per use.
//!
//! Why (issue #9, ARCHITECTURE.md "Size"): `<For>` is generic over the item, the key, the row view
//! and three closures, so each use compiled its own keyed-diff, mount and effect code (about 8 KB
//! of wasm a list); `<Show>` compiled a memo, a render closure and a children wrapper per use. Here
//! the generic part is a thin adapter at the call site, and the list or condition machinery behind
//! it has one concrete type: rows are keyed by a `String` and built by a boxed closure that returns
//! an `AnyView`, and the condition is a `Signal<bool>`.
//!
//! Both behave like the originals: a row keeps its DOM, state and reactive owner while its key
//! stays, and `<When>` re-creates its children only when the condition flips.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use leptos::prelude::*;

/// Shows `children` while `when` is true, else `fallback` (nothing by default), like `<Show>`.
#[component]
pub fn When(
    when: impl Fn() -> bool + Send + Sync + 'static,
    children: ChildrenFn,
    #[prop(optional, into)] fallback: ViewFn,
) -> impl IntoView {
    shown(Signal::derive(when), children, fallback)
}

/// The one compiled body of every `<When>`: the condition is memoised so a change of what it
/// reads that leaves it true does not rebuild the children.
fn shown(when: Signal<bool>, children: ChildrenFn, fallback: ViewFn) -> AnyView {
    let when = Memo::new(move |_| when.get());
    (move || {
        if when.get() {
            children()
        } else {
            fallback.run()
        }
    })
    .into_any()
}

/// One item of a keyed list, erased: its key and how to build its view.
struct Row {
    key: String,
    build: Box<dyn FnOnce() -> AnyView + Send>,
}

/// A keyed list like `<For>`: `each` gives the items, `key` names each one (unique in the list,
/// stable while it is the same item), `children` builds an item's view once, when its key first
/// appears.
#[component]
pub fn KeyedRows<T, E, K, C>(each: E, key: K, children: C) -> impl IntoView
where
    T: Send + 'static,
    E: Fn() -> Vec<T> + Send + 'static,
    K: Fn(&T) -> String + Send + 'static,
    C: Fn(T) -> AnyView + Send + Sync + 'static,
{
    let children = Arc::new(children);
    keyed_rows(Box::new(move || {
        each()
            .into_iter()
            .map(|item| {
                let children = Arc::clone(&children);
                Row {
                    key: key(&item),
                    build: Box::new(move || children(item)),
                }
            })
            .collect()
    }))
}

/// The one compiled `<For>` behind every `<KeyedRows>`.
fn keyed_rows(each: Box<dyn Fn() -> Vec<Row> + Send>) -> AnyView {
    view! {
        <For
            each=move || each()
            key=|row: &Row| row.key.clone()
            children=|row: Row| (row.build)()
        />
    }
    .into_any()
}

/// A `<KeyedRows>` key for a row that must be built again whenever anything it shows changes:
/// its id and a hash of the whole row, so an unchanged row keeps its DOM (and the focus in it).
pub fn content_key(id: &str, row: &impl Hash) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    row.hash(&mut hasher);
    format!("{id}#{:016x}", hasher.finish())
}

/// A `<KeyedRows>` key made of several parts, each prefixed with its length so that no two
/// different lists of parts give the same key (names may contain any character).
pub fn key_of(parts: &[&str]) -> String {
    let mut key = String::new();
    for part in parts {
        key.push_str(&part.len().to_string());
        key.push(':');
        key.push_str(part);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::{content_key, key_of};

    #[test]
    fn a_content_key_changes_with_what_the_row_shows_and_only_then() {
        let row = ("g1", "Kiosks", true);
        assert_eq!(
            content_key("g1", &row),
            content_key("g1", &("g1", "Kiosks", true))
        );
        assert_ne!(
            content_key("g1", &row),
            content_key("g1", &("g1", "Kiosk", true))
        );
        assert_ne!(content_key("g1", &row), content_key("g2", &row));
    }

    #[test]
    fn keys_of_different_parts_differ_even_when_the_parts_join_alike() {
        assert_ne!(key_of(&["a:b", "c"]), key_of(&["a", "b:c"]));
        assert_ne!(key_of(&["1", "2:x"]), key_of(&["1:2", "x"]));
        assert_ne!(key_of(&["", "ab"]), key_of(&["ab", ""]));
        assert_eq!(key_of(&["3", "g-1"]), key_of(&["3", "g-1"]));
    }
}
