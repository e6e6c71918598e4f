//! Undo and redo for the designer's document.
//!
//! Every change is applied to a copy of the document and kept only if it succeeds, so a refused
//! change (a move outside the admin's scope, say) leaves the document and the history untouched.
//! Whole-document snapshots are simpler than inverse operations and cheap at the sizes a tenant
//! has (51 profiles); the history is bounded so a long session cannot grow without limit.

use std::sync::atomic::{AtomicU64, Ordering};

/// How many changes can be undone.
pub const DEFAULT_HISTORY_LIMIT: usize = 100;

/// Where every history takes its [`History::generation`]s from: one counter for the whole
/// program, so that no two documents share a number, even in two histories (or in a history and
/// its clone once either changes).
static GENERATIONS: AtomicU64 = AtomicU64::new(0);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, Ordering::Relaxed)
}

/// A document with its past and future, each step labelled with what the user did.
#[derive(Clone, Debug, PartialEq)]
pub struct History<T> {
    present: T,
    past: Vec<Step<T>>,
    future: Vec<Step<T>>,
    limit: usize,
    generation: u64,
}

#[derive(Clone, Debug, PartialEq)]
struct Step<T> {
    document: T,
    label: String,
}

impl<T: Clone> History<T> {
    pub fn new(present: T) -> Self {
        Self::with_limit(present, DEFAULT_HISTORY_LIMIT)
    }

    pub fn with_limit(present: T, limit: usize) -> Self {
        History {
            present,
            past: Vec::new(),
            future: Vec::new(),
            limit: limit.max(1),
            generation: next_generation(),
        }
    }

    pub fn present(&self) -> &T {
        &self.present
    }

    /// Names the present document: a new number whenever the present changes (a change, an
    /// undo, a redo, a reset), never one another document had. Something worked out from the
    /// present (the save's written tenant, say) can be kept with this number and trusted for as
    /// long as the history still gives the same one. The present is only ever replaced by the
    /// methods below, each of which takes a new number.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Applies `change` under `label` ("Move 'Kiosk' to priority 2"). On success the change can
    /// be undone and the redo list is cleared; on error nothing changes and the error is returned.
    pub fn apply<R, E>(
        &mut self,
        label: impl Into<String>,
        change: impl FnOnce(&mut T) -> Result<R, E>,
    ) -> Result<R, E> {
        let mut next = self.present.clone();
        let outcome = change(&mut next)?;
        let previous = std::mem::replace(&mut self.present, next);
        self.generation = next_generation();
        self.past.push(Step {
            document: previous,
            label: label.into(),
        });
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.future.clear();
        Ok(outcome)
    }

    /// Replaces the whole document (a load or an import) and forgets the history: undoing across
    /// a replaced workspace would mix two tenants.
    pub fn reset(&mut self, present: T) {
        self.present = present;
        self.generation = next_generation();
        self.past.clear();
        self.future.clear();
    }

    /// Steps back; returns the label of the change undone, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let step = self.past.pop()?;
        let newer = std::mem::replace(&mut self.present, step.document);
        self.generation = next_generation();
        self.future.push(Step {
            document: newer,
            label: step.label.clone(),
        });
        Some(step.label)
    }

    /// Steps forward again; returns the label of the change redone.
    pub fn redo(&mut self) -> Option<String> {
        let step = self.future.pop()?;
        let older = std::mem::replace(&mut self.present, step.document);
        self.generation = next_generation();
        self.past.push(Step {
            document: older,
            label: step.label.clone(),
        });
        Some(step.label)
    }

    /// The document as it was before the last change, while that change can be undone: with
    /// [`History::present`], what the change did (an impact note reads both without copying).
    pub fn previous(&self) -> Option<&T> {
        self.past.last().map(|step| &step.document)
    }

    /// What Undo would undo, for the button's name ("Undo Delete 'Kiosk'").
    pub fn undo_label(&self) -> Option<&str> {
        self.past.last().map(|step| step.label.as_str())
    }

    /// What Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.future.last().map(|step| step.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::History;

    fn push(history: &mut History<Vec<u32>>, value: u32) {
        history
            .apply(format!("add {value}"), |v| {
                v.push(value);
                Ok::<_, ()>(())
            })
            .unwrap();
    }

    #[test]
    fn undo_and_redo_walk_the_changes_in_order() {
        let mut history = History::new(vec![]);
        push(&mut history, 1);
        push(&mut history, 2);
        assert_eq!(history.undo_label(), Some("add 2"));
        assert_eq!(history.undo().as_deref(), Some("add 2"));
        assert_eq!(history.present(), &vec![1]);
        assert_eq!(history.redo().as_deref(), Some("add 2"));
        assert_eq!(history.present(), &vec![1, 2]);
        assert_eq!(history.redo(), None);
        history.undo();
        history.undo();
        assert_eq!(history.present(), &Vec::<u32>::new());
        assert_eq!(history.undo(), None);
    }

    #[test]
    fn previous_is_the_document_before_the_change_undo_would_undo() {
        let mut history = History::new(vec![]);
        assert_eq!(history.previous(), None);
        push(&mut history, 1);
        push(&mut history, 2);
        assert_eq!(history.previous(), Some(&vec![1]));
        history.undo();
        assert_eq!(history.previous(), Some(&vec![]));
        history.redo();
        assert_eq!(history.previous(), Some(&vec![1]));
    }

    #[test]
    fn a_refused_change_leaves_document_and_history_untouched() {
        let mut history = History::new(vec![1]);
        let refused: Result<(), &str> = history.apply("break", |v| {
            v.clear();
            Err("not allowed")
        });
        assert_eq!(refused, Err("not allowed"));
        assert_eq!(history.present(), &vec![1]);
        assert_eq!(history.undo_label(), None);
    }

    #[test]
    fn a_new_change_clears_what_could_be_redone() {
        let mut history = History::new(vec![]);
        push(&mut history, 1);
        history.undo();
        push(&mut history, 2);
        assert_eq!(history.redo_label(), None);
        assert_eq!(history.present(), &vec![2]);
    }

    #[test]
    fn the_history_is_bounded() {
        let mut history = History::with_limit(vec![], 3);
        for value in 0..10 {
            push(&mut history, value);
        }
        let mut undone = 0;
        while history.undo().is_some() {
            undone += 1;
        }
        assert_eq!(undone, 3);
        assert_eq!(history.present(), &(0..7).collect::<Vec<_>>());
    }

    #[test]
    fn the_generation_changes_with_the_present_and_only_with_it() {
        let mut history = History::new(vec![]);
        let mut seen = vec![history.generation()];
        let mut expect_new = |history: &History<Vec<u32>>| {
            assert!(
                !seen.contains(&history.generation()),
                "a number given twice"
            );
            seen.push(history.generation());
        };
        push(&mut history, 1);
        expect_new(&history);
        push(&mut history, 2);
        expect_new(&history);
        history.undo();
        expect_new(&history);
        history.redo();
        expect_new(&history);
        history.reset(vec![1, 2]);
        expect_new(&history);
        // Nothing to undo or redo, or a refused change: the present and its number stay.
        let same = history.generation();
        assert_eq!(history.undo(), None);
        assert_eq!(history.redo(), None);
        let refused: Result<(), ()> = history.apply("refused", |v| {
            v.clear();
            Err(())
        });
        assert!(refused.is_err());
        assert_eq!(history.generation(), same);
    }

    #[test]
    fn no_two_histories_share_a_generation() {
        let mut first = History::new(vec![1]);
        let mut copy = first.clone();
        assert_eq!(
            copy.generation(),
            first.generation(),
            "a clone has the same present"
        );
        push(&mut first, 2);
        push(&mut copy, 3);
        assert_ne!(first.generation(), copy.generation());
        let other = History::new(vec![1]);
        assert_ne!(other.generation(), first.generation());
        assert_ne!(other.generation(), copy.generation());
    }

    #[test]
    fn reset_forgets_the_history() {
        let mut history = History::new(vec![]);
        push(&mut history, 1);
        history.reset(vec![9]);
        assert_eq!(history.undo(), None);
        assert_eq!(history.present(), &vec![9]);
    }
}
