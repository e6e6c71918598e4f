//! A validation finding: a stable code, its severity, the wizard step and field it belongs to,
//! and a message a person understands.

use serde::{Serialize, Serializer};
use std::fmt;

/// The five steps of the profile wizard (DOMAIN §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WizardStep {
    /// Name and description.
    Basics,
    /// The ESP settings.
    Settings,
    /// Groups, All users, All devices, exclusions, filters.
    Assignments,
    /// Role scope tags.
    ScopeTags,
    /// Review + create.
    Review,
}

impl WizardStep {
    /// Every step, in wizard order.
    pub const ALL: [WizardStep; 5] = [
        WizardStep::Basics,
        WizardStep::Settings,
        WizardStep::Assignments,
        WizardStep::ScopeTags,
        WizardStep::Review,
    ];

    /// Stable key, for URLs and JSON (`basics`, `settings`, `assignments`, `scopeTags`, `review`).
    pub fn as_str(self) -> &'static str {
        match self {
            WizardStep::Basics => "basics",
            WizardStep::Settings => "settings",
            WizardStep::Assignments => "assignments",
            WizardStep::ScopeTags => "scopeTags",
            WizardStep::Review => "review",
        }
    }

    /// The step's title as the admin center shows it.
    pub fn label(self) -> &'static str {
        match self {
            WizardStep::Basics => "Basics",
            WizardStep::Settings => "Settings",
            WizardStep::Assignments => "Assignments",
            WizardStep::ScopeTags => "Scope tags",
            WizardStep::Review => "Review + create",
        }
    }
}

impl TryFrom<&str> for WizardStep {
    type Error = String;

    fn try_from(key: &str) -> Result<Self, Self::Error> {
        WizardStep::ALL
            .into_iter()
            .find(|step| step.as_str() == key)
            .ok_or_else(|| format!("no wizard step is called `{key}`"))
    }
}

impl Serialize for WizardStep {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Whether a finding blocks *Create*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Blocks *Create* until fixed.
    Error,
    /// Worth reading; does not block.
    Warning,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $key:literal, $severity:ident, $step:ident;)*) => {
        /// Stable finding codes (SCREAMING_SNAKE in JSON and in the UI's tests).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, for documentation and tests.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable key, e.g. `NAME_REQUIRED`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $key,)*
                }
            }

            /// Error or warning: fixed per code.
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// The wizard step the code belongs to: fixed per code.
            pub fn step(self) -> WizardStep {
                match self {
                    $(Code::$variant => WizardStep::$step,)*
                }
            }
        }
    };
}

codes! {
    /// The name is empty once trimmed.
    NameRequired = "NAME_REQUIRED", Error, Basics;
    /// The name has more than 1,000 characters.
    NameTooLong = "NAME_TOO_LONG", Error, Basics;
    /// Another ESP profile has the same name (trimmed, case-insensitive).
    NameDuplicate = "NAME_DUPLICATE", Error, Basics;
    /// The description has more than 1,500 characters.
    DescriptionTooLong = "DESCRIPTION_TOO_LONG", Error, Basics;
    /// The timeout is not a whole number from 1 to 1440.
    TimeoutRange = "TIMEOUT_RANGE", Error, Settings;
    /// The custom message is on but blank.
    CustomMessageRequired = "CUSTOM_MESSAGE_REQUIRED", Error, Settings;
    /// The custom message has more than 10,000 characters.
    CustomMessageTooLong = "CUSTOM_MESSAGE_TOO_LONG", Error, Settings;
    /// *Selected* with no app.
    SelectedAppsEmpty = "SELECTED_APPS_EMPTY", Error, Settings;
    /// More than 100 selected apps.
    SelectedAppsTooMany = "SELECTED_APPS_TOO_MANY", Error, Settings;
    /// A selected app is not of a Windows type the ESP tracks.
    BlockingAppType = "BLOCKING_APP_TYPE", Error, Settings;
    /// A selected app is not in the tenant.
    BlockingAppUnknown = "BLOCKING_APP_UNKNOWN", Error, Settings;
    /// The imported profile had the two OOBE flags set differently.
    OobeFlagsDiffer = "OOBE_FLAGS_DIFFER", Warning, Settings;
    /// The timeout allows less than 5 minutes per selected blocking app.
    TimeoutTight = "TIMEOUT_TIGHT", Warning, Settings;
    /// *Only fail selected blocking apps in technician phase* makes the technician phase longer.
    TechnicianTimeout = "TECHNICIAN_TIMEOUT", Warning, Settings;
    /// A filter that ESP cannot use (a property outside ESP's six, or not a Windows filter).
    FilterNotEsp = "FILTER_NOT_ESP", Error, Assignments;
    /// A filter that is not in the tenant.
    FilterUnknown = "FILTER_UNKNOWN", Error, Assignments;
    /// A filter whose rule cannot be read.
    FilterParse = "FILTER_PARSE", Error, Assignments;
    /// A filter using `model` or `manufacturer`, which need a recent Windows 11.
    FilterPropertyOs = "FILTER_PROPERTY_OS", Warning, Assignments;
    /// A group that is not in the tenant.
    GroupUnknown = "GROUP_UNKNOWN", Error, Assignments;
    /// The profile excludes a group: unverified for ESP.
    ExclusionUnverified = "EXCLUSION_UNVERIFIED", Warning, Assignments;
    /// The profile targets nobody, so it never applies.
    Unassigned = "UNASSIGNED", Warning, Assignments;
    /// More than 100 scope tags.
    ScopeTagsTooMany = "SCOPE_TAGS_TOO_MANY", Error, ScopeTags;
    /// A scope tag that is not in the tenant.
    ScopeTagUnknown = "SCOPE_TAG_UNKNOWN", Error, ScopeTags;
    /// The profile would be the 51st custom profile.
    ProfileCap = "PROFILE_CAP", Error, Review;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One thing validation found about a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// Error or warning (from the code).
    pub severity: Severity,
    /// The wizard step to link to (from the code).
    pub step: WizardStep,
    /// Stable field key, e.g. `name`, `timeout`, `selectedApps[3]`, `assignments[2].filter`.
    pub field: String,
    /// What is wrong, in words for the admin.
    pub message: String,
}

impl Finding {
    /// A finding with the severity and step of its code.
    pub fn new(code: Code, field: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            code,
            severity: code.severity(),
            step: code.step(),
            field: field.into(),
            message: message.into(),
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{severity} {} ({} › {}): {}",
            self.code,
            self.step.label(),
            self.field,
            self.message
        )
    }
}
