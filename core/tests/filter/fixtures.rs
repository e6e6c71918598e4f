//! Every `rule` in the real Graph filter objects under `shared/fixtures/filters/` must parse.

use std::path::PathBuf;

use esp_core::filter::parse;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/filters")
}

/// IntuneManagement exports are UTF-16LE with a BOM; the others UTF-8, some with a BOM.
fn decode(bytes: &[u8]) -> String {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).unwrap(),
        _ => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

fn collect_rules(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("rule", serde_json::Value::String(rule)) => out.push(rule.clone()),
                    _ => collect_rules(item, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| collect_rules(item, out)),
        _ => {}
    }
}

/// `(file name, rule)` for every rule in the fixtures, or `None` if the folder is absent.
fn fixture_rules() -> Option<Vec<(String, String)>> {
    let dir = fixtures_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no filter fixtures at {}", dir.display());
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut rules = Vec::new();
    for file in files {
        let text = decode(&std::fs::read(&file).unwrap());
        let json: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut found = Vec::new();
        collect_rules(&json, &mut found);
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        rules.extend(found.into_iter().map(|rule| (name.clone(), rule)));
    }
    Some(rules)
}

#[test]
fn every_fixture_rule_parses_and_round_trips() {
    let Some(rules) = fixture_rules() else { return };
    assert!(
        rules.len() >= 60,
        "expected the ~65 fixture rules, found {}",
        rules.len()
    );
    let mut failures = Vec::new();
    for (file, text) in &rules {
        match parse(text) {
            Ok(rule) => {
                let printed = rule.to_normalized_string();
                assert_eq!(
                    parse(&printed).as_ref(),
                    Ok(&rule),
                    "{file}: `{printed}` reads differently"
                );
            }
            Err(e) => failures.push(format!("{file}: `{text}`: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "fixture rules that do not parse:\n{}",
        failures.join("\n")
    );
}

#[test]
fn fixture_rules_classify_for_esp() {
    let Some(rules) = fixture_rules() else { return };
    let restricted: Vec<(String, String)> = rules
        .iter()
        .filter_map(|(file, text)| {
            let restriction = parse(text).ok()?.esp_restriction()?;
            Some((file.clone(), restriction.to_string()))
        })
        .collect();
    let has =
        |file: &str, sentence: &str| restricted.iter().any(|(f, s)| f == file && s == sentence);
    assert!(has(
        "ce-backup__WIN_CO_ARM.json",
        "This filter uses device.cpuArchitecture, which ESP assignments cannot use"
    ));
    assert!(has(
        "HydrationKit__Windows-VM-Filters.json",
        "This filter uses device.deviceName, which ESP assignments cannot use"
    ));
    // A managed-app filter (iOS MAM) from a tenant export: it parses, and ESP cannot use it.
    assert!(has(
        "IntuneJSONS__de.json",
        "This filter uses app.deviceManagementType, which ESP assignments cannot use"
    ));
    // Everything else in the fixtures uses ESP's six properties.
    assert_eq!(
        restricted.len(),
        3,
        "unexpected restrictions: {restricted:#?}"
    );
    let gated = rules
        .iter()
        .filter(|(_, t)| parse(t).unwrap().uses_os_gated_property())
        .count();
    assert!(
        gated > 10,
        "many fixture rules use model or manufacturer, found {gated}"
    );
    // The Windows 365 Link SKU is real but not in DOMAIN's list: a warning, not an error.
    let link = rules
        .iter()
        .find(|(f, _)| f == "ce-backup__CPC_CO_Link.json")
        .unwrap();
    let warnings = parse(&link.1).unwrap().value_warnings();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].value, "WCPC");
}
