//! Reordering without the DOM: where a dragged row lands, how a lifted row steps, and what the
//! list announces. The list feeds these the rows' positions; the core decides what is allowed.
//!
//! Positions are *slots*: indexes into the true priorities of the rows the admin sees
//! (`ListView::positions`). Unscoped, slot `i` is priority `i + 1`; scoped, the slots skip the
//! priorities of hidden profiles, so a move between two slots is one the core accepts.

/// Where a row dragged from slot `origin` lands when the pointer is at `y`: after every other row
/// whose middle is above the pointer. `middles` are the rows' vertical middles, in slot order.
pub fn drop_slot(middles: &[f64], origin: usize, y: f64) -> usize {
    middles
        .iter()
        .enumerate()
        .filter(|&(slot, &middle)| slot != origin && middle < y)
        .count()
}

/// Where the drop indicator goes: a line above the landing row when moving up, below it when
/// moving down, nowhere when the row would stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indicator {
    Above,
    Below,
}

/// The indicator a row at `slot` shows while a row from `origin` would land at `target`.
pub fn indicator(slot: usize, origin: usize, target: usize) -> Option<Indicator> {
    if slot != target || origin == target {
        None
    } else if target < origin {
        Some(Indicator::Above)
    } else {
        Some(Indicator::Below)
    }
}

/// A profile lifted with the keyboard: it moves between slots, and the list shows it where it
/// would land, until it is dropped or the move is cancelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lift {
    pub id: String,
    pub name: String,
    /// The true priorities of the slots, as they were when the profile was lifted.
    pub positions: Vec<usize>,
    /// The slot it was lifted from.
    pub origin: usize,
    /// The slot it would land in.
    pub slot: usize,
}

/// Where one arrow key press takes a lifted profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// To this slot.
    To(usize),
    /// Already at priority 1: nothing above.
    AtTop,
    /// Past the edge of the admin's positions: the core must be asked (it will refuse, and its
    /// reason is what the admin hears); this is the priority it would have gone to.
    Beyond(usize),
}

/// The keys that move a lifted profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    First,
    Last,
}

impl Lift {
    /// The priority the profile had when lifted.
    pub fn origin_priority(&self) -> Option<usize> {
        self.positions.get(self.origin).copied()
    }

    /// The priority it would land at.
    pub fn priority(&self) -> Option<usize> {
        self.positions.get(self.slot).copied()
    }

    /// Where a key takes it.
    pub fn step(&self, direction: Direction) -> Step {
        let last = self.positions.len().saturating_sub(1);
        match direction {
            Direction::First => Step::To(0),
            Direction::Last => Step::To(last),
            Direction::Up if self.slot > 0 => Step::To(self.slot - 1),
            Direction::Down if self.slot < last => Step::To(self.slot + 1),
            Direction::Up => match self.positions.first() {
                Some(&top) if top > 1 => Step::Beyond(top - 1),
                _ => Step::AtTop,
            },
            Direction::Down => Step::Beyond(self.positions.last().map_or(1, |&p| p + 1)),
        }
    }
}

/// "Picked up Kiosk ESP, priority 3 of 5. …"
pub fn picked_up(name: &str, priority: usize, count: usize) -> String {
    format!(
        "Picked up {name}, priority {priority} of {count}. Use the up and down arrow keys to move it, Space to drop it, Escape to cancel."
    )
}

/// "Kiosk ESP moved to priority 2 of 5"
pub fn moved(name: &str, priority: usize, count: usize) -> String {
    format!("{name} moved to priority {priority} of {count}")
}

/// While a pointer drags: "Kiosk ESP would move to priority 1 of 5", or stay where it is.
pub fn over(name: &str, from: usize, to: usize, count: usize) -> String {
    if from == to {
        format!("{name} would stay at priority {from}")
    } else {
        format!("{name} would move to priority {to} of {count}")
    }
}

/// "Kiosk ESP dropped at priority 2 of 5"
pub fn dropped(name: &str, priority: usize, count: usize) -> String {
    format!("{name} dropped at priority {priority} of {count}")
}

/// "Reorder cancelled; Kiosk ESP is back at priority 3"
pub fn cancelled(name: &str, priority: usize) -> String {
    format!("Reorder cancelled; {name} is back at priority {priority}")
}

/// "Kiosk ESP stays at priority 3: {reason}"
pub fn refused(name: &str, priority: usize, reason: &str) -> String {
    format!("{name} stays at priority {priority}: {reason}")
}

/// The undo label of a move ("Move 'Kiosk ESP' to priority 1").
pub fn move_label(name: &str, to: usize) -> String {
    format!("Move '{name}' to priority {to}")
}

/// Where Move up / Move down take a profile at `slot`: the neighbouring slot, or past the edge
/// (the core then says why not). `None` when there is no position at all in that direction
/// (priority 1 going up).
pub fn neighbour(positions: &[usize], slot: usize, up: bool) -> Option<usize> {
    let lift = Lift {
        id: String::new(),
        name: String::new(),
        positions: positions.to_vec(),
        origin: slot,
        slot,
    };
    match lift.step(if up { Direction::Up } else { Direction::Down }) {
        Step::To(to) => positions.get(to).copied(),
        Step::Beyond(priority) => Some(priority),
        Step::AtTop => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dragged_row_lands_after_the_rows_whose_middle_it_passed() {
        let middles = [10.0, 30.0, 50.0, 70.0];
        let cases = [
            // (origin, y, landing slot)
            (2, 5.0, 0),
            (2, 25.0, 1),
            (2, 35.0, 2),
            (2, 55.0, 2),
            (2, 75.0, 3),
            (0, 100.0, 3),
            (3, -50.0, 0),
        ];
        for (origin, y, expected) in cases {
            assert_eq!(
                drop_slot(&middles, origin, y),
                expected,
                "origin {origin}, y {y}"
            );
        }
        assert_eq!(drop_slot(&[], 0, 10.0), 0);
    }

    #[test]
    fn the_indicator_marks_the_landing_row_on_the_side_the_row_comes_in() {
        assert_eq!(indicator(0, 2, 0), Some(Indicator::Above));
        assert_eq!(indicator(3, 1, 3), Some(Indicator::Below));
        assert_eq!(indicator(1, 2, 0), None);
        assert_eq!(indicator(2, 2, 2), None);
    }

    fn lift(positions: &[usize], slot: usize) -> Lift {
        Lift {
            id: "k".into(),
            name: "Kiosk ESP".into(),
            positions: positions.to_vec(),
            origin: slot,
            slot,
        }
    }

    #[test]
    fn arrows_step_between_slots_and_report_the_edges() {
        let unscoped = lift(&[1, 2, 3, 4, 5], 2);
        assert_eq!(unscoped.step(Direction::Up), Step::To(1));
        assert_eq!(unscoped.step(Direction::Down), Step::To(3));
        assert_eq!(unscoped.step(Direction::First), Step::To(0));
        assert_eq!(unscoped.step(Direction::Last), Step::To(4));
        assert_eq!(lift(&[1, 2, 3], 0).step(Direction::Up), Step::AtTop);
        // Below the last profile is the default's place.
        assert_eq!(lift(&[1, 2, 3], 2).step(Direction::Down), Step::Beyond(4));
        // Scoped: positions 3 and 5 only; above 3 is a hidden profile's place.
        let scoped = lift(&[3, 5], 0);
        assert_eq!(scoped.step(Direction::Up), Step::Beyond(2));
        assert_eq!(scoped.step(Direction::Down), Step::To(1));
        assert_eq!(scoped.priority(), Some(3));
    }

    #[test]
    fn move_buttons_go_to_the_neighbouring_position() {
        assert_eq!(neighbour(&[1, 2, 3], 1, true), Some(1));
        assert_eq!(neighbour(&[1, 2, 3], 1, false), Some(3));
        assert_eq!(neighbour(&[1, 2, 3], 0, true), None);
        assert_eq!(neighbour(&[1, 2, 3], 2, false), Some(4));
        assert_eq!(neighbour(&[3, 5], 0, true), Some(2));
        assert_eq!(neighbour(&[3, 5], 1, true), Some(3));
    }

    #[test]
    fn announcements_read_as_sentences() {
        assert_eq!(
            moved("Kiosk ESP", 2, 5),
            "Kiosk ESP moved to priority 2 of 5"
        );
        assert_eq!(
            cancelled("Kiosk ESP", 3),
            "Reorder cancelled; Kiosk ESP is back at priority 3"
        );
        assert!(picked_up("Kiosk ESP", 3, 5).starts_with("Picked up Kiosk ESP, priority 3 of 5."));
        assert_eq!(move_label("Kiosk ESP", 1), "Move 'Kiosk ESP' to priority 1");
        assert_eq!(
            over("Kiosk ESP", 3, 1, 5),
            "Kiosk ESP would move to priority 1 of 5"
        );
        assert_eq!(
            over("Kiosk ESP", 3, 3, 5),
            "Kiosk ESP would stay at priority 3"
        );
    }
}
