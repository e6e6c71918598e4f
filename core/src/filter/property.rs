//! The properties a filter rule can name, their canonical spelling, and the values Intune documents.

use std::fmt;

/// The `operatingSystemSKU` values Intune documents (DOMAIN.md §4), in the documented order.
///
/// The admin center does not show SKU names, so the UI offers this list, and
/// [`Rule::value_warnings`](super::Rule::value_warnings) flags any other value: Intune accepts it,
/// but no device reports it.
pub const OPERATING_SYSTEM_SKUS: &[&str] = &[
    "BusinessN",
    "CloudEdition",
    "CloudEditionN",
    "Core",
    "CoreCountrySpecific",
    "CoreN",
    "CoreSingleLanguage",
    "Education",
    "EducationN",
    "Enterprise",
    "EnterpriseEval",
    "EnterpriseG",
    "EnterpriseGN",
    "EnterpriseN",
    "EnterpriseNEval",
    "EnterpriseS",
    "EnterpriseSEval",
    "EnterpriseSN",
    "Holographic",
    "IoTUAP",
    "IoTUAPCommercial",
    "IoTEnterprise",
    "PPIPro",
    "Professional",
    "ProfessionalEducation",
    "ProfessionalEducationN",
    "ProfessionalWorkstation",
    "ProfessionalN",
    "ProfessionalSingleLanguage",
    "ServerRdsh",
];

/// The `deviceOwnership` values ESP filters compare against (DOMAIN.md §4).
pub const DEVICE_OWNERSHIP_VALUES: &[&str] = &["Personal", "Corporate"];

/// Device properties Intune documents for filter rules, in their canonical spelling.
///
/// Only six of them are usable for ESP ([`EspProperty`]); the rest are listed so that a rule
/// written `device.DEVICENAME` prints back as `device.deviceName`.
const KNOWN_DEVICE_PROPERTIES: &[&str] = &[
    "cpuArchitecture",
    "deviceCategory",
    "deviceName",
    "deviceOwnership",
    "deviceTrustType",
    "enrollmentProfileName",
    "isRooted",
    "manufacturer",
    "model",
    "operatingSystemSKU",
    "operatingSystemVersion",
    "osVersion",
];

/// App properties of managed-app filters (`app.…`). ESP never uses them, but real exports
/// contain such rules, so they parse and print canonically.
const KNOWN_APP_PROPERTIES: &[&str] = &[
    "appVersion",
    "deviceManagementType",
    "deviceManufacturer",
    "deviceModel",
    "osVersion",
];

/// What a property belongs to: `device.` for managed-device filters, `app.` for managed-app ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entity {
    Device,
    App,
}

impl Entity {
    /// The prefix as written in a rule, without the dot.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Device => "device",
            Entity::App => "app",
        }
    }

    /// Reads `device` or `app` in any letter case.
    pub(crate) fn from_word(word: &str) -> Option<Entity> {
        if word.eq_ignore_ascii_case("device") {
            Some(Entity::Device)
        } else if word.eq_ignore_ascii_case("app") {
            Some(Entity::App)
        } else {
            None
        }
    }
}

/// A property as a rule names it, e.g. `device.model`.
///
/// Known names are stored in their canonical spelling (`deviceName`, whatever case the admin
/// typed); unknown names are kept as written, because we cannot know their true spelling.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Property {
    pub entity: Entity,
    pub name: String,
}

impl Property {
    /// Builds a property from what the admin wrote after the entity prefix, fixing the spelling of
    /// known names.
    pub fn new(entity: Entity, name: &str) -> Property {
        let known = match entity {
            Entity::Device => KNOWN_DEVICE_PROPERTIES,
            Entity::App => KNOWN_APP_PROPERTIES,
        };
        let canonical = known
            .iter()
            .find(|known| known.eq_ignore_ascii_case(name))
            .map_or_else(|| name.to_owned(), |known| (*known).to_owned());
        Property {
            entity,
            name: canonical,
        }
    }

    /// A `device.` property: the common case.
    pub fn device(name: &str) -> Property {
        Property::new(Entity::Device, name)
    }

    /// The ESP property this is, if it is one of the six ESP may use.
    pub fn esp_property(&self) -> Option<EspProperty> {
        match self.entity {
            Entity::Device => EspProperty::from_name(&self.name),
            Entity::App => None,
        }
    }

    /// Whether Intune documents this property (used to decide whether to suggest a spelling).
    pub fn is_known(&self) -> bool {
        let known = match self.entity {
            Entity::Device => KNOWN_DEVICE_PROPERTIES,
            Entity::App => KNOWN_APP_PROPERTIES,
        };
        known.contains(&self.name.as_str())
    }

    /// How explanations name the property: `model` for a device property, `app.appVersion` for an
    /// app one (so it cannot be mistaken for the device property of the same name).
    pub fn short_name(&self) -> String {
        match self.entity {
            Entity::Device => self.name.clone(),
            Entity::App => format!("app.{}", self.name),
        }
    }
}

impl fmt::Display for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.entity.as_str(), self.name)
    }
}

/// The six device properties an ESP assignment filter may use (DOMAIN.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EspProperty {
    Model,
    Manufacturer,
    OsVersion,
    OperatingSystemSku,
    DeviceOwnership,
    EnrollmentProfileName,
}

impl EspProperty {
    /// All six, in the order DOMAIN.md lists them.
    pub const ALL: [EspProperty; 6] = [
        EspProperty::Model,
        EspProperty::Manufacturer,
        EspProperty::OsVersion,
        EspProperty::OperatingSystemSku,
        EspProperty::DeviceOwnership,
        EspProperty::EnrollmentProfileName,
    ];

    /// The canonical name as written after `device.`.
    pub fn name(self) -> &'static str {
        match self {
            EspProperty::Model => "model",
            EspProperty::Manufacturer => "manufacturer",
            EspProperty::OsVersion => "osVersion",
            EspProperty::OperatingSystemSku => "operatingSystemSKU",
            EspProperty::DeviceOwnership => "deviceOwnership",
            EspProperty::EnrollmentProfileName => "enrollmentProfileName",
        }
    }

    /// Reads a property name in any letter case.
    pub fn from_name(name: &str) -> Option<EspProperty> {
        EspProperty::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }

    /// `model` and `manufacturer` work for ESP only on recent Windows builds (`FILTER_PROPERTY_OS`).
    pub fn is_os_gated(self) -> bool {
        matches!(self, EspProperty::Model | EspProperty::Manufacturer)
    }
}

impl fmt::Display for EspProperty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The ESP property a misspelt name most likely meant, for "did you mean" hints.
///
/// Only close misspellings count (edit distance of at most 2, ignoring case), so that a real
/// property such as `deviceName` is never "corrected" into something else.
pub(crate) fn suggest_esp_property(name: &str) -> Option<EspProperty> {
    let lowered = name.to_lowercase();
    EspProperty::ALL
        .into_iter()
        .map(|p| (p, edit_distance(&lowered, &p.name().to_lowercase())))
        .filter(|(_, distance)| *distance <= 2)
        .min_by_key(|(_, distance)| *distance)
        .map(|(p, _)| p)
}

/// Any documented device property whose name matches `word` ignoring case, for hints when the
/// admin forgot the `device.` prefix.
pub(crate) fn known_device_property(word: &str) -> Option<&'static str> {
    KNOWN_DEVICE_PROPERTIES
        .iter()
        .copied()
        .find(|known| known.eq_ignore_ascii_case(word))
}

/// Levenshtein distance over chars, with a single rolling row (no indexing, so no panics).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution =
                previous.get(j).copied().unwrap_or(usize::MAX) + usize::from(ca != *cb);
            let deletion = previous
                .get(j + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let insertion = current
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("model", "model"), 0);
        assert_eq!(edit_distance("modle", "model"), 2);
        assert_eq!(edit_distance("mode", "model"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
    }

    #[test]
    fn suggestions_only_for_close_misspellings() {
        assert_eq!(suggest_esp_property("modle"), Some(EspProperty::Model));
        assert_eq!(
            suggest_esp_property("osversion"),
            Some(EspProperty::OsVersion)
        );
        assert_eq!(
            suggest_esp_property("manufacturor"),
            Some(EspProperty::Manufacturer)
        );
        assert_eq!(suggest_esp_property("deviceName"), None);
        assert_eq!(suggest_esp_property("cpuArchitecture"), None);
    }

    #[test]
    fn sku_list_matches_domain() {
        assert_eq!(OPERATING_SYSTEM_SKUS.len(), 30);
    }
}
