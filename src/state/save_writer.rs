//! Writes autosave's document, keeping the tenant's written part from one save to the next.
//!
//! Most autosaves follow a change of a designer section alone (a wizard keystroke, a preview
//! scenario's mode, a list's UI state), yet writing a large tenant's bundle took ~100 ms of
//! main thread per save. The written tenant is kept with the history's generation of the
//! present it was written from, and is written again only when the history has another present.

use esp_core::history::History;
use esp_core::save::{self, CompactTenant};
use esp_core::Tenant;
use serde_json::Value;

/// The last tenant written, and the generation of the present it was written from.
#[derive(Default)]
pub struct SaveWriter {
    written: Option<(u64, CompactTenant)>,
}

impl SaveWriter {
    /// The compact save of the history's present with these designer sections: the same text
    /// as [`save::save_compact`]. It takes the whole history, not a tenant and a number, so the
    /// generation it checks is always the one of the tenant it writes.
    pub fn compact(&mut self, history: &History<Tenant>, designer: &Value) -> String {
        let generation = history.generation();
        if !matches!(&self.written, Some((made_from, _)) if *made_from == generation) {
            self.written = None;
        }
        let (_, tenant) = self
            .written
            .get_or_insert_with(|| (generation, CompactTenant::new(history.present())));
        save::save_compact_with(tenant, designer, None)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use serde_json::json;

    fn sample() -> Tenant {
        esp_core::sample::tenant().unwrap()
    }

    /// Writes with `writer`, and checks the text is what a save from scratch writes.
    fn write(writer: &mut SaveWriter, history: &History<Tenant>, designer: &Value) -> String {
        let text = writer.compact(history, designer);
        assert_eq!(text, save::save_compact(history.present(), designer, None));
        text
    }

    #[test]
    fn a_section_change_reuses_the_written_tenant() {
        let history = History::new(sample());
        let mut writer = SaveWriter::default();
        write(
            &mut writer,
            &history,
            &json!({"preview": {"mode": "userDriven"}}),
        );
        // The writer writes what it keeps: swapped for another tenant's text under the same
        // generation, that text comes out (only a test can do this).
        let empty = crate::sample::empty_tenant();
        writer.written = Some((history.generation(), CompactTenant::new(&empty)));
        let designer = json!({"preview": {"mode": "selfDeploying"}});
        let text = writer.compact(&history, &designer);
        assert_eq!(text, save::save_compact(&empty, &designer, None));
    }

    #[test]
    fn every_change_of_the_present_writes_the_tenant_again() {
        let designer = json!({"wizard": {"name": "Kiosk"}});
        let mut history = History::new(sample());
        let mut writer = SaveWriter::default();
        let original = write(&mut writer, &history, &designer);

        let no_groups: Result<(), ()> = history.apply("Delete every group", |tenant| {
            tenant.groups.clear();
            Ok(())
        });
        assert!(no_groups.is_ok());
        let changed = write(&mut writer, &history, &designer);
        assert_ne!(changed, original);

        history.undo();
        assert_eq!(write(&mut writer, &history, &designer), original);
        history.redo();
        assert_eq!(write(&mut writer, &history, &designer), changed);
        history.reset(crate::sample::empty_tenant());
        let empty = write(&mut writer, &history, &designer);
        assert_ne!(empty, changed);
        // Another tab's save taken up, holding the very tenant this one started from.
        history.reset(sample());
        assert_eq!(write(&mut writer, &history, &designer), original);
    }

    #[test]
    fn a_writer_never_mistakes_one_history_for_another() {
        let designer = json!({});
        let (first, second) = (
            History::new(sample()),
            History::new(crate::sample::empty_tenant()),
        );
        let mut writer = SaveWriter::default();
        write(&mut writer, &first, &designer);
        write(&mut writer, &second, &designer);
        write(&mut writer, &first, &designer);
    }
}
