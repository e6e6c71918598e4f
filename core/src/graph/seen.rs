//! The ids an import has read so far, looked up without scanning every object read before.
//!
//! An import checks each group's id against the groups before it (a duplicate is skipped), and
//! each assignment's `groupId` against every group: scanning the list each time made a bundle of
//! 5,000 groups and 4,000 assignment rows cost tens of millions of string comparisons, about
//! 150 ms of a large tenant's start-up in the browser (perf/HISTORY.md, session 4).

use std::collections::HashSet;

use crate::resolve::hash::FastHashBuild;

/// The ids of a list that an import only appends to, indexed lazily: the items appended since
/// the last lookup are indexed before it answers, so code that pushes to the list needs not
/// know about the index. A hash set with the resolution's fast hasher: a large tenant's ids are
/// GUIDs, which an ordered set compared character by character a dozen times per lookup.
#[derive(Debug, Default)]
pub(crate) struct IdIndex {
    ids: HashSet<String, FastHashBuild>,
    indexed: usize,
}

impl IdIndex {
    /// Whether an item of `items` has the id `id`. `items` must be the same list each time, and
    /// only grow: a shorter list is indexed afresh.
    pub(crate) fn contains<T>(
        &mut self,
        items: &[T],
        id_of: impl Fn(&T) -> &str,
        id: &str,
    ) -> bool {
        if items.len() < self.indexed {
            self.ids.clear();
            self.indexed = 0;
        }
        let mut added = items
            .get(self.indexed..)
            .unwrap_or_default()
            .iter()
            .map(id_of);
        self.indexed = items.len();
        self.add_and_find(&mut added, id)
    }

    /// The part of [`IdIndex::contains`] that does not depend on the item type, compiled once.
    fn add_and_find(&mut self, added: &mut dyn Iterator<Item = &str>, id: &str) -> bool {
        for item in added {
            self.ids.insert(item.to_owned());
        }
        self.ids.contains(id)
    }
}

/// The indexes of one import: the objects read from the file so far, and those of the tenant
/// the file is merged into, if any.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    pub(crate) groups: IdIndex,
    pub(crate) apps: IdIndex,
    pub(crate) filters: IdIndex,
    pub(crate) known_groups: IdIndex,
    pub(crate) known_apps: IdIndex,
    pub(crate) known_filters: IdIndex,
}

#[cfg(test)]
mod tests {
    use super::IdIndex;

    #[test]
    fn finds_items_appended_after_an_earlier_lookup() {
        let mut index = IdIndex::default();
        let mut items = vec!["a".to_owned()];
        assert!(index.contains(&items, String::as_str, "a"));
        assert!(!index.contains(&items, String::as_str, "b"));
        items.push("b".to_owned());
        assert!(index.contains(&items, String::as_str, "b"));
        assert!(!index.contains(&items, String::as_str, "c"));
    }

    #[test]
    fn a_shorter_list_is_indexed_afresh() {
        let mut index = IdIndex::default();
        let items = vec!["a".to_owned(), "b".to_owned()];
        assert!(index.contains(&items, String::as_str, "b"));
        let fewer = vec!["c".to_owned()];
        assert!(!index.contains(&fewer, String::as_str, "b"));
        assert!(index.contains(&fewer, String::as_str, "c"));
    }
}
