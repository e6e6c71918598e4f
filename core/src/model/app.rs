//! Apps (`mobileApp` subtypes) with their assignments, and where each installs (DOMAIN §3.2).
//!
//! Every app is kept, whatever its platform, because a profile or a scenario may still name it;
//! only the Windows types of §3.2 are *tracked* by the ESP and may be blocking apps.

use super::assignment::{AppliedFilter, Target};
use super::ids::AppId;
use serde::{Deserialize, Serialize};

/// Who a Win32, WinGet or catalog app installs as (`installExperience.runAsAccount`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RunAs {
    /// `system`: device context (also when Graph leaves it out).
    System,
    /// `user`: user context.
    User,
}

/// Device or user install context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InstallContext {
    /// Installs for the device (tracked in *Device setup* when targeted at the device).
    Device,
    /// Installs for the user (tracked in *Account setup*).
    User,
}

/// The Graph type of an app, with the install-context data that belongs to that type only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type", content = "detail")]
pub enum AppKind {
    /// `win32LobApp`.
    Win32Lob(RunAs),
    /// `winGetApp` (Microsoft Store, new).
    WinGet(RunAs),
    /// `win32CatalogApp` (Enterprise App Catalog).
    Win32Catalog(RunAs),
    /// `windowsMobileMSI` (LOB MSI). `per_machine` is the app's `useDeviceContext`; Graph leaves
    /// it out on older objects, which we read as per-machine (device context).
    WindowsMobileMsi {
        /// Per-machine install (device context) rather than per-user.
        per_machine: bool,
    },
    /// `windowsAppX` (LOB AppX/MSIX): context is set per assignment.
    WindowsAppX,
    /// `windowsUniversalAppX` (LOB store app): context is set per assignment.
    WindowsUniversalAppX,
    /// `officeSuiteApp` (Microsoft 365 Apps): device context.
    OfficeSuite,
    /// `windowsMicrosoftEdgeApp`: device context.
    MicrosoftEdge,
    /// Any other type (macOS, iOS, web links, store for business…), by its Graph name without
    /// the `#microsoft.graph.` prefix; empty when the object carried no type. Never tracked.
    Other(String),
}

/// The Windows types ESP tracks, by Graph name, in the order the portal lists them.
pub const TRACKED_APP_TYPES: [&str; 8] = [
    "win32LobApp",
    "winGetApp",
    "win32CatalogApp",
    "windowsMobileMSI",
    "windowsAppX",
    "windowsUniversalAppX",
    "officeSuiteApp",
    "windowsMicrosoftEdgeApp",
];

impl AppKind {
    /// Graph's type name, without `#microsoft.graph.`.
    pub fn graph_type(&self) -> &str {
        match self {
            AppKind::Win32Lob(_) => "win32LobApp",
            AppKind::WinGet(_) => "winGetApp",
            AppKind::Win32Catalog(_) => "win32CatalogApp",
            AppKind::WindowsMobileMsi { .. } => "windowsMobileMSI",
            AppKind::WindowsAppX => "windowsAppX",
            AppKind::WindowsUniversalAppX => "windowsUniversalAppX",
            AppKind::OfficeSuite => "officeSuiteApp",
            AppKind::MicrosoftEdge => "windowsMicrosoftEdgeApp",
            AppKind::Other(name) => name,
        }
    }

    /// The kind for a Graph type name (without prefix, any case), with the defaults Graph
    /// implies when the object says no more: Win32 types run as system, MSI per machine.
    pub fn from_graph_type(name: &str) -> Self {
        let is = |t: &str| name.eq_ignore_ascii_case(t);
        if is("win32LobApp") {
            AppKind::Win32Lob(RunAs::System)
        } else if is("winGetApp") {
            AppKind::WinGet(RunAs::System)
        } else if is("win32CatalogApp") {
            AppKind::Win32Catalog(RunAs::System)
        } else if is("windowsMobileMSI") {
            AppKind::WindowsMobileMsi { per_machine: true }
        } else if is("windowsAppX") {
            AppKind::WindowsAppX
        } else if is("windowsUniversalAppX") {
            AppKind::WindowsUniversalAppX
        } else if is("officeSuiteApp") {
            AppKind::OfficeSuite
        } else if is("windowsMicrosoftEdgeApp") {
            AppKind::MicrosoftEdge
        } else {
            AppKind::Other(name.to_owned())
        }
    }

    /// A name a person understands, e.g. "Win32 app".
    pub fn label(&self) -> &str {
        match self {
            AppKind::Win32Lob(_) => "Win32 app",
            AppKind::WinGet(_) => "Microsoft Store app (new)",
            AppKind::Win32Catalog(_) => "Enterprise App Catalog app",
            AppKind::WindowsMobileMsi { .. } => "line-of-business MSI app",
            AppKind::WindowsAppX => "line-of-business AppX app",
            AppKind::WindowsUniversalAppX => "line-of-business store app",
            AppKind::OfficeSuite => "Microsoft 365 Apps",
            AppKind::MicrosoftEdge => "Microsoft Edge",
            AppKind::Other(name) if name.is_empty() => "app of unknown type",
            AppKind::Other(name) => name,
        }
    }

    /// True for the Windows types the ESP tracks and accepts as blocking apps.
    pub fn is_tracked(&self) -> bool {
        !matches!(self, AppKind::Other(_))
    }

    /// True for the Win32-installer family (`win32LobApp`, `winGetApp`, `win32CatalogApp`).
    pub fn is_win32_family(&self) -> bool {
        matches!(
            self,
            AppKind::Win32Lob(_) | AppKind::WinGet(_) | AppKind::Win32Catalog(_)
        )
    }

    /// True for the AppX types whose context comes from the assignment.
    pub fn context_from_assignment(&self) -> bool {
        matches!(self, AppKind::WindowsAppX | AppKind::WindowsUniversalAppX)
    }
}

/// What an app assignment asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Intent {
    /// Installed automatically: the only intent the ESP counts.
    Required,
    /// Offered in the Company Portal.
    Available,
    /// Removed.
    Uninstall,
    /// Offered without enrollment.
    AvailableWithoutEnrollment,
}

impl Intent {
    /// Graph's `intent` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Required => "required",
            Intent::Available => "available",
            Intent::Uninstall => "uninstall",
            Intent::AvailableWithoutEnrollment => "availableWithoutEnrollment",
        }
    }

    /// Reads Graph's `intent` value (case-insensitive).
    pub fn from_graph(value: &str) -> Option<Self> {
        [
            Intent::Required,
            Intent::Available,
            Intent::Uninstall,
            Intent::AvailableWithoutEnrollment,
        ]
        .into_iter()
        .find(|intent| intent.as_str().eq_ignore_ascii_case(value))
    }
}

/// One assignment of an app.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppAssignment {
    /// Required, available, uninstall…
    pub intent: Intent,
    /// Who is targeted.
    pub target: Target,
    /// The filter on this row, if any.
    pub filter: Option<AppliedFilter>,
    /// `settings.useDeviceContext`; only read and written for the AppX types, whose install
    /// context it decides (always `false` for other types).
    pub use_device_context: bool,
}

/// A `mobileApp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct App {
    /// Graph id (opaque).
    pub id: AppId,
    /// `displayName`.
    pub display_name: String,
    /// Graph type and its install-context data.
    pub kind: AppKind,
    /// The app's assignments.
    pub assignments: Vec<AppAssignment>,
}

impl App {
    /// Where this app installs for the given assignment of it (DOMAIN §3.2), or `None` for
    /// types the ESP never tracks.
    pub fn install_context(&self, assignment: &AppAssignment) -> Option<InstallContext> {
        let device = |yes: bool| {
            if yes {
                InstallContext::Device
            } else {
                InstallContext::User
            }
        };
        match &self.kind {
            AppKind::Win32Lob(run_as) | AppKind::WinGet(run_as) | AppKind::Win32Catalog(run_as) => {
                Some(device(*run_as == RunAs::System))
            }
            AppKind::WindowsAppX | AppKind::WindowsUniversalAppX => {
                Some(device(assignment.use_device_context))
            }
            AppKind::WindowsMobileMsi { per_machine } => Some(device(*per_machine)),
            AppKind::OfficeSuite | AppKind::MicrosoftEdge => Some(InstallContext::Device),
            AppKind::Other(_) => None,
        }
    }

    /// The required assignments, the only ones the ESP counts.
    pub fn required_assignments(&self) -> impl Iterator<Item = &AppAssignment> {
        self.assignments
            .iter()
            .filter(|assignment| assignment.intent == Intent::Required)
    }
}
