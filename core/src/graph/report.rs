//! What an import did: what it read, what it skipped and why, the names it resolved, and the
//! warnings the admin should read before trusting the result.

use super::encoding::Encoding;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// How the file was laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Layout {
    /// One configuration object (a profile, or another configuration type).
    #[default]
    Single,
    /// A Graph list response `{"value": […]}` or a bare list.
    List,
    /// A tenant bundle.
    Bundle,
}

/// How many objects of each kind were imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// ESP profiles, the default included when the file had it.
    pub profiles: usize,
    /// Groups (including those created from IntuneCD names).
    pub groups: usize,
    /// Apps (including those created from IntuneCD names).
    pub apps: usize,
    /// Assignment filters.
    pub filters: usize,
    /// Scope tags (including those created from IntuneCD names).
    pub scope_tags: usize,
}

/// Something in the file that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    /// Where it is.
    pub path: String,
    /// What it is: a Graph type (`deviceEnrollmentLimitConfiguration`), or `assignment`, `app`…
    pub kind: String,
    /// Its display name, when it had one.
    pub name: Option<String>,
    /// Why it was skipped.
    pub reason: String,
}

/// A warning about something that was imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportWarning {
    /// Stable code, e.g. `OOBE_FLAGS_DIFFER`.
    pub code: &'static str,
    /// Where it is.
    pub path: String,
    /// What it means.
    pub message: String,
}

/// What kind of object a reference points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RefKind {
    /// An app.
    App,
    /// A group.
    Group,
    /// An assignment filter.
    Filter,
    /// A scope tag.
    ScopeTag,
}

impl RefKind {
    fn label(self) -> &'static str {
        match self {
            RefKind::App => "app",
            RefKind::Group => "group",
            RefKind::Filter => "filter",
            RefKind::ScopeTag => "scope tag",
        }
    }
}

/// How a reference written by name was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Resolution {
    /// An object of that name was found.
    Matched,
    /// No object had that name, so one was created with a local id.
    Created,
    /// No object had that name or id; the reference is kept and validation reports it.
    Unresolved,
}

/// A reference written by name (IntuneCD backups, or names beside ids that did not resolve).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResolvedName {
    /// App, group, filter or scope tag.
    pub kind: RefKind,
    /// The name as written.
    pub name: String,
    /// The id it resolved to (the kept reference when unresolved).
    pub id: String,
    /// Matched, created, or unresolved.
    pub resolution: Resolution,
}

/// The report of one import.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// How the file was laid out.
    pub layout: Layout,
    /// True when the file reads like an IntuneCD backup (references by name instead of id).
    pub intunecd: bool,
    /// True when the file held the default profile (else the tenant has the shipped default).
    pub default_profile_found: bool,
    /// What was imported.
    pub imported: Counts,
    /// What was not, and why.
    pub skipped: Vec<Skipped>,
    /// Warnings about what was imported.
    pub warnings: Vec<ImportWarning>,
    /// References written by name, and what they resolved to.
    pub resolved_names: Vec<ResolvedName>,
}

impl ImportReport {
    /// How many items were skipped, by kind.
    pub fn skipped_by_kind(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for skipped in &self.skipped {
            *counts.entry(skipped.kind.as_str()).or_insert(0) += 1;
        }
        counts
    }

    pub(crate) fn warn(&mut self, code: &'static str, path: impl fmt::Display, message: String) {
        self.warnings.push(ImportWarning {
            code,
            path: path.to_string(),
            message,
        });
    }

    pub(crate) fn skip(
        &mut self,
        path: impl fmt::Display,
        kind: &str,
        name: Option<&str>,
        reason: String,
    ) {
        self.skipped.push(Skipped {
            path: path.to_string(),
            kind: kind.to_owned(),
            name: name.map(str::to_owned),
            reason,
        });
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let layout = match self.layout {
            Layout::Single => "a single object",
            Layout::List => "a list of enrollment configurations",
            Layout::Bundle => "a tenant bundle",
        };
        let source = if self.intunecd {
            ", IntuneCD backup"
        } else {
            ""
        };
        writeln!(f, "Read {layout} ({}{source}).", self.encoding.label())?;
        let c = &self.imported;
        writeln!(
            f,
            "Imported {} ESP profile(s), {} group(s), {} app(s), {} filter(s), {} scope tag(s).",
            c.profiles, c.groups, c.apps, c.filters, c.scope_tags
        )?;
        if !self.default_profile_found {
            writeln!(
                f,
                "The file has no default profile: using the default as Intune ships it (page not shown)."
            )?;
        }
        if !self.skipped.is_empty() {
            let by_kind: Vec<String> = self
                .skipped_by_kind()
                .into_iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect();
            writeln!(
                f,
                "Skipped {} item(s): {}.",
                self.skipped.len(),
                by_kind.join(", ")
            )?;
            for s in &self.skipped {
                let name = s
                    .name
                    .as_deref()
                    .map(|n| format!(" '{n}'"))
                    .unwrap_or_default();
                writeln!(f, "  - {}{name} at {}: {}", s.kind, s.path, s.reason)?;
            }
        }
        for r in &self.resolved_names {
            let how = match r.resolution {
                Resolution::Matched => format!("matched `{}`", r.id),
                Resolution::Created => format!("created as `{}`", r.id),
                Resolution::Unresolved => "not found".to_owned(),
            };
            writeln!(f, "  {} '{}' (by name): {how}", r.kind.label(), r.name)?;
        }
        for w in &self.warnings {
            writeln!(f, "warning {} at {}: {}", w.code, w.path, w.message)?;
        }
        Ok(())
    }
}
