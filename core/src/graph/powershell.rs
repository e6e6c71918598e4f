//! A ready PowerShell script that sends a profile's Graph requests with `Invoke-MgGraphRequest`
//! (Microsoft.Graph.Authentication): create, assign, set priority; for the default profile, one
//! PATCH of its settings.
//!
//! The script must stay inert whatever the profile holds, since names are user text:
//! - bodies sit in single-quoted here-strings (`@'` … `'@`), which PowerShell never expands;
//!   such a string ends only at a line starting with `'@`, and a JSON line never does (JSON
//!   escapes line breaks inside strings; the Unicode line separators are escaped here too);
//! - the profile's name appears only in a comment, with every line break and control character
//!   turned into a space, so it cannot start a line of code;
//! - the one id in code (the default profile's, in its PATCH URL) is a single-quoted string with
//!   `'` doubled.

use super::export::{requests, CONFIGURATIONS_URL};
use crate::model::{Profile, Tenant};
use serde_json::Value;
use std::fmt::Write as _;

/// The permission the requests need (delegated or application).
pub const GRAPH_SCOPE: &str = "DeviceManagementServiceConfig.ReadWrite.All";

/// The script for one profile (see the module docs).
pub fn powershell_script<'a>(profile: impl Into<Profile<'a>>, tenant: &Tenant) -> String {
    let profile = profile.into();
    let mut script = String::new();
    let name = comment_safe(profile.name());
    let what = if profile.is_default() {
        format!("# Updates the settings of the default ESP profile '{name}' in Intune.")
    } else {
        format!("# Creates the ESP profile '{name}' in Intune, assigns it and sets its priority.")
    };
    let _ = writeln!(script, "{what}");
    let _ = writeln!(
        script,
        "# Needs the Microsoft.Graph.Authentication module (Install-Module Microsoft.Graph.Authentication)."
    );
    let _ = writeln!(script, "Connect-MgGraph -Scopes '{GRAPH_SCOPE}'");
    let _ = writeln!(script, "$uri = '{CONFIGURATIONS_URL}'");
    for request in requests(profile, tenant) {
        let (variable, uri, result) = match (request.method, request.url.rsplit_once("/{id}/")) {
            ("PATCH", _) => (
                "$settingsBody",
                format!(
                    "(\"$uri/\" + '{}')",
                    profile.id().as_str().replace('\'', "''")
                ),
                "",
            ),
            (_, Some((_, action))) => (
                if action == "assign" {
                    "$assignBody"
                } else {
                    "$priorityBody"
                },
                format!("\"$uri/$($espProfile.id)/{action}\""),
                "",
            ),
            (_, None) => ("$createBody", "$uri".to_owned(), "$espProfile = "),
        };
        let _ = writeln!(script);
        let _ = writeln!(script, "{variable} = @'");
        let _ = writeln!(script, "{}", json_safe(&request.body));
        let _ = writeln!(script, "'@");
        let _ = writeln!(
            script,
            "{result}Invoke-MgGraphRequest -Method {} -Uri {uri} -Body {variable} -ContentType 'application/json'",
            request.method
        );
    }
    script
}

/// Pretty JSON with U+0085, U+2028 and U+2029 escaped, so no line of it can end a here-string.
fn json_safe(body: &Value) -> String {
    format!("{body:#}")
        .replace('\u{85}', "\\u0085")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The text with line breaks and control characters as spaces, for a one-line comment.
fn comment_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::graph::export::{assign_body, create_body, set_priority_body};
    use crate::model::{Assignment, CustomProfile, DefaultProfile, Target};

    fn tenant() -> Tenant {
        let mut tenant = Tenant::new(DefaultProfile::shipped(
            "t_DefaultWindows10EnrollmentCompletionPageConfiguration",
        ));
        let mut first = CustomProfile::new("p1", "First");
        first.assignments.push(Assignment::new(Target::AllDevices));
        tenant.add_profile(first).unwrap();
        tenant
            .add_profile(CustomProfile::new(
                "p2",
                "Line\nRemove-Item C:\\ -Recurse\r\u{2028}'@",
            ))
            .unwrap();
        tenant
    }

    /// The here-strings of a script: (variable, body) in order.
    fn here_strings(script: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut lines = script.lines();
        while let Some(line) = lines.next() {
            if let Some(variable) = line.strip_suffix(" = @'") {
                let body: Vec<&str> = lines
                    .by_ref()
                    .take_while(|l| !l.starts_with("'@"))
                    .collect();
                out.push((variable.to_owned(), body.join("\n")));
            }
        }
        out
    }

    #[test]
    fn a_custom_profile_creates_assigns_and_sets_priority() {
        let tenant = tenant();
        let profile = &tenant.custom_profiles()[0];
        let script = powershell_script(profile, &tenant);
        let bodies = here_strings(&script);
        let variables: Vec<&str> = bodies.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(variables, ["$createBody", "$assignBody", "$priorityBody"]);
        let parsed: Vec<Value> = bodies
            .iter()
            .map(|(_, b)| serde_json::from_str(b).unwrap())
            .collect();
        assert_eq!(parsed[0], create_body(profile, &tenant));
        assert_eq!(parsed[1], assign_body(profile, &tenant).unwrap());
        assert_eq!(parsed[2], set_priority_body(profile, &tenant).unwrap());
        assert!(script.contains(
            "$espProfile = Invoke-MgGraphRequest -Method POST -Uri $uri -Body $createBody"
        ));
        assert!(script.contains("-Uri \"$uri/$($espProfile.id)/assign\" -Body $assignBody"));
        assert!(script.contains("-Uri \"$uri/$($espProfile.id)/setPriority\" -Body $priorityBody"));
        assert!(script.contains(&format!("Connect-MgGraph -Scopes '{GRAPH_SCOPE}'")));
    }

    #[test]
    fn the_default_profile_is_patched_by_its_id() {
        let tenant = tenant();
        let script = powershell_script(tenant.default_profile(), &tenant);
        let bodies = here_strings(&script);
        assert_eq!(bodies.len(), 1);
        assert_eq!(bodies[0].0, "$settingsBody");
        assert!(script.contains(
            "Invoke-MgGraphRequest -Method PATCH -Uri (\"$uri/\" + 't_DefaultWindows10EnrollmentCompletionPageConfiguration') -Body $settingsBody"
        ));
    }

    #[test]
    fn names_cannot_escape_the_comment_or_the_here_string() {
        let tenant = tenant();
        let profile = &tenant.custom_profiles()[1];
        let script = powershell_script(profile, &tenant);
        // Every line is a comment, a known command, a here-string line or blank.
        let code: Vec<&str> = script
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(
            code.iter()
                .all(|l| !l.contains("Remove-Item") || l.starts_with(' ')),
            "{script}"
        );
        assert!(script
            .lines()
            .next()
            .unwrap()
            .contains("'Line Remove-Item C:\\ -Recurse  '@'"));
        let bodies = here_strings(&script);
        assert_eq!(bodies.len(), 3, "{script}");
        let create: Value = serde_json::from_str(&bodies[0].1).unwrap();
        assert_eq!(create["displayName"], profile.name.trim());
        assert!(!script.contains('\u{2028}'));
    }
}
