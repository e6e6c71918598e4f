//! The device list as CSV: reading it (quotes, blank lines, an optional header, bad rows named
//! by line) and writing CSV back.
//!
//! One device per record: `name, deviceGroupIds, userGroupIds, mode, joinType, model,
//! manufacturer, osVersion, operatingSystemSKU, deviceOwnership, enrollmentProfileName`; group
//! ids are separated by `;`. Trailing columns may be left out (properties then compare as
//! `$null`). A first record whose first field is `name` is a header, and then the columns may come
//! in any order and any may be left out but `name` and `mode`.

use crate::model::GroupId;
use crate::resolve::{JoinType, Mode, Scenario, ScenarioDevice, ScenarioUser};

/// One device of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FleetDevice {
    /// The line its record starts on (1-based).
    pub line: usize,
    /// Its name, as written.
    pub name: String,
    /// What to resolve.
    pub scenario: Scenario,
}

/// A record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RowError {
    /// The line the record starts on (1-based).
    pub line: usize,
    /// What is wrong, in words.
    pub message: String,
}

/// The devices read, and the records that could not be.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceList {
    /// The devices, in file order.
    pub devices: Vec<FleetDevice>,
    /// Bad records, in file order.
    pub errors: Vec<RowError>,
}

/// The columns, in the order a file without header has them.
pub const COLUMNS: [&str; 11] = [
    "name",
    "deviceGroupIds",
    "userGroupIds",
    "mode",
    "joinType",
    "model",
    "manufacturer",
    "osVersion",
    "operatingSystemSKU",
    "deviceOwnership",
    "enrollmentProfileName",
];

/// Reads a device list. Never panics: every problem is a [`RowError`] naming its line.
pub fn parse_devices(text: &str) -> DeviceList {
    let mut list = DeviceList::default();
    let mut reader = DeviceReader::new(text);
    while reader.read(usize::MAX, &mut list) {}
    list
}

/// Reads a device list a piece at a time, so that a caller can do something else between pieces
/// (let a browser answer clicks, move a progress bar). [`parse_devices`] is this, in one go.
pub struct DeviceReader<'t> {
    records: std::iter::Peekable<Box<dyn Iterator<Item = Record> + 't>>,
    /// Maps each field position to a column of `COLUMNS`; a header replaces it.
    layout: Vec<Option<usize>>,
    header_done: bool,
    /// The line the next record starts on.
    line: usize,
}

type Record = Result<(usize, Vec<String>), RowError>;

impl<'t> DeviceReader<'t> {
    /// A reader at the start of the text (a byte-order mark is skipped).
    pub fn new(text: &'t str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let records: Box<dyn Iterator<Item = Record> + 't> = Box::new(records(text));
        DeviceReader {
            records: records.peekable(),
            layout: (0..COLUMNS.len()).map(Some).collect(),
            header_done: false,
            line: 1,
        }
    }

    /// Reads up to `max_records` more records (a header not counted) into `list`; true while
    /// records remain.
    pub fn read(&mut self, max_records: usize, list: &mut DeviceList) -> bool {
        if !self.header_done {
            self.header_done = true;
            if let Some(Ok((line, fields))) = self.records.peek() {
                if fields
                    .first()
                    .is_some_and(|f| f.trim().eq_ignore_ascii_case("name"))
                {
                    let line = *line;
                    match header(fields) {
                        Ok(columns) => self.layout = columns,
                        Err(message) => list.errors.push(RowError { line, message }),
                    }
                    self.records.next();
                }
            }
        }
        for _ in 0..max_records {
            let Some(record) = self.records.next() else {
                return false;
            };
            let outcome = record.and_then(|(line, fields)| {
                self.line = line;
                device(line, &fields, &self.layout)
            });
            match outcome {
                Ok(device) => list.devices.push(device),
                Err(error) => {
                    self.line = error.line;
                    list.errors.push(error);
                }
            }
        }
        self.records.peek().is_some()
    }

    /// The line of the last record read (1 before any), for progress.
    pub fn line(&self) -> usize {
        self.line
    }
}

fn header(fields: &[String]) -> Result<Vec<Option<usize>>, String> {
    let mut layout = Vec::with_capacity(fields.len());
    for field in fields {
        let name = field.trim();
        let column = COLUMNS
            .iter()
            .position(|c| c.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                format!(
                    "unknown column `{name}` in the header; the columns are {}",
                    COLUMNS.join(", ")
                )
            })?;
        if layout.contains(&Some(column)) {
            return Err(format!("column `{name}` appears twice in the header"));
        }
        layout.push(Some(column));
    }
    if !layout.contains(&Some(3)) {
        return Err("the header has no `mode` column".to_owned());
    }
    Ok(layout)
}

fn device(
    line: usize,
    fields: &[String],
    layout: &[Option<usize>],
) -> Result<FleetDevice, RowError> {
    let error = |message: String| RowError { line, message };
    if fields.len() > layout.len() {
        return Err(error(format!(
            "{} fields, but there are only {} columns",
            fields.len(),
            layout.len()
        )));
    }
    let mut cells: [&str; COLUMNS.len()] = [""; COLUMNS.len()];
    for (field, column) in fields.iter().zip(layout) {
        if let Some(cell) = column.and_then(|c| cells.get_mut(c)) {
            *cell = field.trim();
        }
    }
    let [name, device_groups, user_groups, mode, join_type, model, manufacturer, os_version, sku, ownership, enrollment_profile] =
        cells;
    if name.is_empty() {
        return Err(error("the device has no name".to_owned()));
    }
    let mode = match Mode::from_name(mode) {
        Some(mode) => mode,
        None if mode.is_empty() => {
            return Err(error(format!(
                "device `{name}` has no mode; write userDriven, selfDeploying or preProvisioning"
            )))
        }
        None => {
            return Err(error(format!(
            "device `{name}` has mode `{mode}`; write userDriven, selfDeploying or preProvisioning"
        )))
        }
    };
    let join_type = match JoinType::from_name(join_type) {
        Some(join) => join,
        None if join_type.is_empty() => JoinType::Entra,
        None => {
            return Err(error(format!(
                "device `{name}` has join type `{join_type}`; write entra or hybrid"
            )))
        }
    };
    let ids = |cell: &str| -> Vec<GroupId> {
        cell.split(';')
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(GroupId::from)
            .collect()
    };
    let property = |cell: &str| (!cell.is_empty()).then(|| cell.to_owned());
    let user_group_ids = ids(user_groups);
    Ok(FleetDevice {
        line,
        name: name.to_owned(),
        scenario: Scenario {
            mode,
            join_type,
            device: ScenarioDevice {
                group_ids: ids(device_groups),
                properties: crate::filter::DeviceProperties {
                    model: property(model),
                    manufacturer: property(manufacturer),
                    os_version: property(os_version),
                    operating_system_sku: property(sku),
                    device_ownership: property(ownership),
                    enrollment_profile_name: property(enrollment_profile),
                },
            },
            user: (!user_group_ids.is_empty()).then_some(ScenarioUser {
                group_ids: user_group_ids,
            }),
        },
    })
}

/// The records of a CSV text with the line each starts on; blank lines are skipped. A quoted
/// field may hold commas, doubled quotes and line breaks.
fn records(text: &str) -> impl Iterator<Item = Result<(usize, Vec<String>), RowError>> + '_ {
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    std::iter::from_fn(move || loop {
        chars.peek()?;
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted_field = false;
        let mut problem: Option<String> = None;
        // Reads one record, up to and including its line break.
        loop {
            match chars.next() {
                None => break,
                Some('\n') => {
                    line += 1;
                    break;
                }
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    break;
                }
                Some(',') => {
                    fields.push(std::mem::take(&mut field));
                    quoted_field = false;
                }
                Some('"') if field.trim().is_empty() && !quoted_field => {
                    field.clear();
                    quoted_field = true;
                    let mut closed = false;
                    while let Some(c) = chars.next() {
                        match c {
                            '"' if chars.peek() == Some(&'"') => {
                                chars.next();
                                field.push('"');
                            }
                            '"' => {
                                closed = true;
                                break;
                            }
                            '\n' => {
                                line += 1;
                                field.push('\n');
                            }
                            c => field.push(c),
                        }
                    }
                    if !closed {
                        problem.get_or_insert_with(|| {
                            "a quoted field is never closed: add the closing `\"`".to_owned()
                        });
                    }
                }
                Some(c) if quoted_field => {
                    if !c.is_whitespace() {
                        problem.get_or_insert_with(|| {
                            format!("unexpected `{c}` after a closing quote; double a quote inside a quoted field (`\"\"`)")
                        });
                    }
                }
                Some(c) => field.push(c),
            }
        }
        fields.push(field);
        if let Some(message) = problem {
            return Some(Err(RowError {
                line: start,
                message,
            }));
        }
        let blank = fields.len() == 1 && fields.iter().all(|f| f.trim().is_empty());
        if !blank {
            return Some(Ok((start, fields)));
        }
    })
}

/// One CSV line (with its line break) from fields, quoting those that need it.
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        let needs_quotes = field.contains([',', '"', '\n', '\r'])
            || field.starts_with(char::is_whitespace)
            || field.ends_with(char::is_whitespace);
        if needs_quotes {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quotes_blank_lines_and_a_header() {
        let text = "name,mode,deviceGroupIds,model\r\n\
                    \n\
                    \"Kiosk, lobby\",selfDeploying,g1; g2 ,\"Surface \"\"Pro\"\"\"\n\
                    \"multi\nline\",userDriven,,\n";
        let list = parse_devices(text);
        assert_eq!(list.errors, vec![]);
        assert_eq!(list.devices.len(), 2);
        let kiosk = &list.devices[0];
        assert_eq!(kiosk.line, 3);
        assert_eq!(kiosk.name, "Kiosk, lobby");
        assert_eq!(kiosk.scenario.mode, Mode::SelfDeploying);
        assert_eq!(kiosk.scenario.join_type, JoinType::Entra);
        assert_eq!(
            kiosk.scenario.device.group_ids,
            vec![GroupId::from("g1"), GroupId::from("g2")]
        );
        assert_eq!(
            kiosk.scenario.device.properties.model.as_deref(),
            Some("Surface \"Pro\"")
        );
        assert_eq!(list.devices[1].name, "multi\nline");
        assert_eq!(list.devices[1].line, 4);
    }

    #[test]
    fn without_header_columns_are_positional() {
        let list = parse_devices(
            "pc1,g1,u1;u2,userDriven,hybrid,m,Dell,10.0.22631.1,Enterprise,Corporate,AP\n",
        );
        assert_eq!(list.errors, vec![]);
        let s = &list.devices[0].scenario;
        assert_eq!(s.join_type, JoinType::Hybrid);
        assert_eq!(s.user_group_ids().len(), 2);
        assert_eq!(
            s.device.properties.enrollment_profile_name.as_deref(),
            Some("AP")
        );
    }

    #[test]
    fn bad_rows_name_their_line() {
        let text = "pc1,,,userDriven\npc2,,,kiosk\n,,,userDriven\n\"open,,,userDriven\n";
        let list = parse_devices(text);
        assert_eq!(list.devices.len(), 1);
        let lines: Vec<usize> = list.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        assert_eq!(
            list.errors[0].to_string(),
            "line 2: device `pc2` has mode `kiosk`; write userDriven, selfDeploying or preProvisioning"
        );
        let list = parse_devices("pc1,,,userDriven,entra,a,b,c,d,e,f,extra\n\"x\"y,,,userDriven\n");
        assert_eq!(list.errors.len(), 2);
        let list = parse_devices("name,colour\n");
        assert_eq!(list.errors.len(), 1);
        assert!(list.errors[0].message.contains("unknown column `colour`"));
    }

    #[test]
    fn writes_quotes_where_needed() {
        assert_eq!(
            csv_line(&["a", "b,c", "d\"e", " f"]),
            "a,\"b,c\",\"d\"\"e\",\" f\"\n"
        );
    }

    #[test]
    fn reading_in_pieces_gives_what_one_go_gives() {
        let text = "name,mode,deviceGroupIds\n\
                    a,userDriven,g1\n\
                    b,kiosk,\n\
                    \"c\nd\",selfDeploying,g2\n\
                    e,preProvisioning,\n";
        let whole = parse_devices(text);
        assert_eq!(whole.devices.len(), 3);
        assert_eq!(whole.errors.len(), 1);
        for piece in 1..=4 {
            let mut reader = DeviceReader::new(text);
            let mut list = DeviceList::default();
            let mut reads = 1;
            while reader.read(piece, &mut list) {
                reads += 1;
            }
            assert_eq!(list, whole, "pieces of {piece}");
            assert_eq!(reads, 4_usize.div_ceil(piece), "pieces of {piece}");
            assert_eq!(reader.line(), 6);
        }
        let mut empty = DeviceReader::new("");
        assert!(!empty.read(10, &mut DeviceList::default()));
    }
}
