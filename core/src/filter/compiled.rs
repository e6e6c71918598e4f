//! Rules compiled for evaluating many devices: values lowercased once, nothing allocated per device.
//!
//! [`Rule::evaluate`](super::Rule::evaluate) explains its answer and lowercases both sides of
//! every comparison it makes, which is right for one preview and too slow for a fleet of 100,000
//! devices. A [`CompiledRule`] gives the same `matched` (a property test holds the two together)
//! from a rule whose values were lowercased when it was compiled and a device whose properties
//! were lowercased once ([`LoweredDevice`]).

use std::cmp::Ordering;

use super::ast::{Expr, Operator, Value};
use super::eval::{compare_versions, DeviceProperties};
use super::property::EspProperty;

/// A rule ready for fast evaluation. Built by [`Rule::compile`](super::Rule::compile).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledRule {
    node: Node,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Comparison(Comparison),
    And(Vec<Node>),
    Or(Vec<Node>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Comparison {
    /// Where the ESP property read sits in [`LoweredDevice`], or `None` for any other
    /// property, which compares as `$null`.
    slot: Option<usize>,
    operator: Operator,
    /// The rule's value with its strings lowercased.
    value: Value,
}

/// A device's six ESP properties, lowercased, with blank ones unset: what a [`CompiledRule`]
/// reads. The values share one buffer, which [`LoweredDevice::set`] reuses from device to device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct LoweredDevice {
    text: String,
    spans: [Option<(usize, usize)>; 6],
}

impl LoweredDevice {
    /// Lowercases the device's properties once, for any number of rules.
    pub fn new(device: &DeviceProperties) -> Self {
        let mut lowered = LoweredDevice::default();
        lowered.set(device);
        lowered
    }

    /// Replaces the values with another device's, keeping the buffer.
    pub fn set(&mut self, device: &DeviceProperties) {
        self.text.clear();
        for (span, property) in self.spans.iter_mut().zip(EspProperty::ALL) {
            *span = device.get(property).map(|value| {
                let start = self.text.len();
                // ASCII lowercasing is the same as Unicode lowercasing on ASCII text, and cheaper.
                if value.is_ascii() {
                    self.text.push_str(value);
                    if let Some(added) = self.text.get_mut(start..) {
                        added.make_ascii_lowercase();
                    }
                } else {
                    self.text.push_str(&value.to_lowercase());
                }
                (start, self.text.len())
            });
        }
    }

    fn get(&self, slot: Option<usize>) -> Option<&str> {
        let (start, end) = (*self.spans.get(slot?)?)?;
        self.text.get(start..end)
    }
}

impl CompiledRule {
    pub(crate) fn new(expr: &Expr) -> Self {
        CompiledRule {
            node: compile(expr),
        }
    }

    /// Whether the device matches the rule: the same answer as `Rule::evaluate(..).matched`.
    pub fn matches(&self, device: &LoweredDevice) -> bool {
        matches_node(&self.node, device)
    }
}

fn compile(expr: &Expr) -> Node {
    match expr {
        Expr::Comparison(c) => Node::Comparison(Comparison {
            slot: c
                .property
                .esp_property()
                .and_then(|p| EspProperty::ALL.iter().position(|q| *q == p)),
            operator: c.operator,
            value: match &c.value {
                Value::String(s) => Value::String(s.to_lowercase()),
                Value::List(items) => Value::List(items.iter().map(|s| s.to_lowercase()).collect()),
                Value::Null => Value::Null,
                Value::Version(v) => Value::Version(v.to_lowercase()),
            },
        }),
        Expr::And(items) => Node::And(items.iter().map(compile).collect()),
        Expr::Or(items) => Node::Or(items.iter().map(compile).collect()),
    }
}

fn matches_node(node: &Node, device: &LoweredDevice) -> bool {
    match node {
        Node::Comparison(c) => compare(c, device.get(c.slot)),
        // An empty `and` is true and an empty `or` false, as in `eval`.
        Node::And(items) => items.iter().all(|item| matches_node(item, device)),
        Node::Or(items) => items.iter().any(|item| matches_node(item, device)),
    }
}

/// `eval::compare` on values that are already lowercase.
fn compare(c: &Comparison, device: Option<&str>) -> bool {
    let versions = matches!(c.value, Value::Version(_));
    let positive = match c.operator {
        Operator::Eq | Operator::Ne | Operator::In | Operator::NotIn => {
            any_candidate(&c.value, |candidate| match (device, candidate) {
                (None, None) => true,
                (Some(d), Some(v)) => match versions.then(|| compare_versions(d, v)).flatten() {
                    Some(ordering) => ordering == Ordering::Equal,
                    None => d == v,
                },
                _ => false,
            })
        }
        Operator::StartsWith | Operator::NotStartsWith => {
            any_candidate(&c.value, |v| text_test(device, v, |d, c| d.starts_with(c)))
        }
        Operator::EndsWith | Operator::NotEndsWith => {
            any_candidate(&c.value, |v| text_test(device, v, |d, c| d.ends_with(c)))
        }
        Operator::Contains | Operator::NotContains => {
            any_candidate(&c.value, |v| text_test(device, v, |d, c| d.contains(c)))
        }
        Operator::Gt | Operator::Ge | Operator::Lt | Operator::Le => {
            any_candidate(&c.value, |candidate| {
                let ordering = match (device, candidate) {
                    (Some(d), Some(v)) => compare_versions(d, v),
                    _ => None,
                };
                ordering.is_some_and(|ordering| match c.operator {
                    Operator::Gt => ordering == Ordering::Greater,
                    Operator::Ge => ordering != Ordering::Less,
                    Operator::Lt => ordering == Ordering::Less,
                    _ => ordering != Ordering::Greater,
                })
            })
        }
    };
    positive != c.operator.is_negated()
}

fn any_candidate(value: &Value, mut test: impl FnMut(Option<&str>) -> bool) -> bool {
    match value {
        Value::String(s) | Value::Version(s) => test(Some(s)),
        Value::Null => test(None),
        Value::List(items) => items.iter().any(|item| test(Some(item))),
    }
}

fn text_test(device: Option<&str>, candidate: Option<&str>, test: fn(&str, &str) -> bool) -> bool {
    match (device, candidate) {
        (Some(d), Some(c)) => test(d, c),
        _ => false,
    }
}
