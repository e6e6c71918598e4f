//! Walking parsed JSON with its path, so every shape error names where it is
//! (`$.deviceEnrollmentConfigurations[3].installProgressTimeoutInMinutes`) and what was expected.

use super::error::ImportError;
use serde_json::{Map, Value};
use std::fmt;

/// A JSON path from the document root, `$`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Path(String);

impl Path {
    pub(crate) fn root() -> Self {
        Path("$".to_owned())
    }

    /// The path of a member: `.key`, or `["@odata.type"]` for keys that are not identifiers.
    pub(crate) fn key(&self, key: &str) -> Self {
        let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if plain {
            Path(format!("{}.{key}", self.0))
        } else {
            Path(format!("{}[{}]", self.0, Value::from(key)))
        }
    }

    /// The path of a list item: `[i]`.
    pub(crate) fn index(&self, i: usize) -> Self {
        Path(format!("{}[{i}]", self.0))
    }

    /// An error at this path.
    pub(crate) fn error(&self, expected: &str, found: &Value) -> ImportError {
        ImportError::Shape {
            path: self.0.clone(),
            expected: expected.to_owned(),
            found: describe(found),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How an error names what it found.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => "a string".into(),
        Value::String(s) => format!("the string {}", Value::from(s.as_str())),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A JSON object and where it is.
#[derive(Clone)]
pub(crate) struct Obj<'a> {
    pub(crate) map: &'a Map<String, Value>,
    pub(crate) path: Path,
}

impl<'a> Obj<'a> {
    /// The value at `path`, which must be an object.
    pub(crate) fn new(value: &'a Value, path: Path) -> Result<Self, ImportError> {
        match value {
            Value::Object(map) => Ok(Obj { map, path }),
            other => Err(path.error("an object", other)),
        }
    }

    /// A member, `None` when missing or null.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A member whose key matches ignoring case (exports write `Assignments`,
    /// `PackageIdentifier`), `None` when missing or null; returns the key as written.
    pub(crate) fn get_ignore_case(&self, key: &str) -> Option<(&'a str, &'a Value)> {
        self.map
            .get_key_value(key)
            .or_else(|| self.map.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)))
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.as_str(), v))
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub(crate) fn at(&self, key: &str) -> Path {
        self.path.key(key)
    }

    pub(crate) fn str(&self, key: &str) -> Result<Option<&'a str>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.at(key).error("a string", other)),
        }
    }

    pub(crate) fn bool(&self, key: &str) -> Result<Option<bool>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.at(key).error("true or false", other)),
        }
    }

    /// A whole number from 0 to `u32::MAX` (`60` and `60.0` both count).
    pub(crate) fn whole(&self, key: &str) -> Result<Option<u32>, ImportError> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        let whole = match value {
            Value::Number(n) => n.as_u64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX))
                    .map(|f| f as u64)
            }),
            _ => None,
        };
        match whole.and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Ok(Some(n)),
            None => Err(self.at(key).error("a whole number", value)),
        }
    }

    /// A member that must be an object.
    pub(crate) fn obj(&self, key: &str) -> Result<Option<Obj<'a>>, ImportError> {
        self.get(key).map(|v| Obj::new(v, self.at(key))).transpose()
    }

    /// A member that must be a list: its items with their paths.
    pub(crate) fn list(&self, key: &str) -> Result<Option<Vec<(Path, &'a Value)>>, ImportError> {
        self.get(key).map(|v| items(v, self.at(key))).transpose()
    }

    /// A member that must be a list of strings.
    pub(crate) fn strings(&self, key: &str) -> Result<Option<Vec<&'a str>>, ImportError> {
        let Some(items) = self.list(key)? else {
            return Ok(None);
        };
        items
            .into_iter()
            .map(|(path, value)| match value {
                Value::String(s) => Ok(s.as_str()),
                other => Err(path.error("a string", other)),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }
}

impl<'a> Obj<'a> {
    /// A member that must be a list of strings or nulls (names written beside ids).
    pub(crate) fn optional_strings(&self, key: &str) -> Result<Vec<Option<&'a str>>, ImportError> {
        self.list(key)?
            .unwrap_or_default()
            .into_iter()
            .map(|(path, value)| match value {
                Value::Null => Ok(None),
                Value::String(s) => Ok(Some(s.as_str())),
                other => Err(path.error("a string or null", other)),
            })
            .collect()
    }
}

/// The items of a list with their paths.
pub(crate) fn items(value: &Value, path: Path) -> Result<Vec<(Path, &Value)>, ImportError> {
    match value {
        Value::Array(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, item)| (path.index(i), item))
            .collect()),
        other => Err(path.error("a list", other)),
    }
}

/// Graph type names compare without the `#microsoft.graph.` prefix (written with or without
/// `#`, in any case) and ignoring case.
pub(crate) fn graph_type(odata_type: &str) -> &str {
    let name = odata_type.strip_prefix('#').unwrap_or(odata_type);
    match name.get(..16) {
        Some(prefix) if prefix.eq_ignore_ascii_case("microsoft.graph.") => {
            name.get(16..).unwrap_or(name)
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_read_like_jsonpath() {
        let path = Path::root().key("value").index(3).key("@odata.type");
        assert_eq!(path.to_string(), r#"$.value[3]["@odata.type"]"#);
    }

    #[test]
    fn shape_errors_say_what_was_expected_and_found() {
        let value = json!({"t": "60", "b": 1, "n": -5, "f": 1.5, "ok": 60.0});
        let obj = Obj::new(&value, Path::root()).unwrap();
        assert_eq!(
            obj.whole("t").unwrap_err().to_string(),
            r#"at `$.t`: expected a whole number, found the string "60""#
        );
        assert_eq!(
            obj.bool("b").unwrap_err().to_string(),
            "at `$.b`: expected true or false, found the number 1"
        );
        assert!(obj.whole("n").is_err() && obj.whole("f").is_err());
        assert_eq!(obj.whole("ok").unwrap(), Some(60));
        assert_eq!(obj.whole("missing").unwrap(), None);
    }

    #[test]
    fn graph_types_lose_their_prefix() {
        for (written, name) in [
            ("#microsoft.graph.winGetApp", "winGetApp"),
            ("microsoft.graph.winGetApp", "winGetApp"),
            ("#Microsoft.Graph.mimeContent", "mimeContent"),
            ("winGetApp", "winGetApp"),
            ("#é", "é"),
        ] {
            assert_eq!(graph_type(written), name);
        }
    }
}
