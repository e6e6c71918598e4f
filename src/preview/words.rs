//! The words the preview shows for esp-core's answers: names of modes, join types and phases,
//! how a profile was reached, warning titles, and what the page does with each app. Wording only:
//! every decision behind them is esp-core's.

use esp_core::model::{InstallContext, Priority};
use esp_core::resolve::{AppOutcome, AppPhase, JoinType, Mode, Via, WarningCode};

pub fn mode(mode: Mode) -> &'static str {
    match mode {
        Mode::UserDriven => "User-driven",
        Mode::SelfDeploying => "Self-deploying",
        Mode::PreProvisioning => "Pre-provisioning",
    }
}

pub fn join_type(join: JoinType) -> &'static str {
    match join {
        JoinType::Entra => "Microsoft Entra join",
        JoinType::Hybrid => "Microsoft Entra hybrid join",
    }
}

/// Why the form has no user in this mode.
pub fn no_user(mode: Mode) -> &'static str {
    match mode {
        Mode::SelfDeploying => {
            "Self-deploying has no user while the page runs: user groups are ignored, only profiles \
             targeted at the device apply, and there is no account setup."
        }
        _ => {
            "The pre-provisioning technician flow has no user: user groups are ignored, only \
             profiles targeted at the device apply, and there is no account setup."
        }
    }
}

/// `via device`, `via user` or `default`.
pub fn via(via: Via) -> &'static str {
    match via {
        Via::Device => "via device",
        Via::User => "via user",
        Via::Default => "default",
    }
}

/// The sentence that explains how the profile was reached.
pub fn via_sentence(via: Via, mode: Mode) -> &'static str {
    match (via, mode.has_user()) {
        (Via::Device, _) => {
            "It is the highest-priority profile targeted at the device. A profile targeted at \
             the device wins over any profile targeted at the user, whatever their priorities."
        }
        (Via::User, _) => {
            "No profile targets the device, so the highest-priority profile targeted at the \
             user applies."
        }
        (Via::Default, true) => {
            "No custom profile targets the device or the user, so the default profile applies."
        }
        (Via::Default, false) => {
            "No custom profile targets the device, so the default profile applies."
        }
    }
}

/// `Priority 3`, or `Default` for the default profile.
pub fn priority(priority: Priority) -> String {
    match priority {
        Priority::Custom(n) => format!("Priority {n}"),
        Priority::Default => "Default".to_owned(),
    }
}

/// A short title for each warning; the core's message says what is wrong and what to do.
pub fn warning_title(code: WarningCode) -> &'static str {
    match code {
        WarningCode::LobWin32Mix => "LOB MSI and Win32 apps on the same page",
        WarningCode::M365AppsType => "Microsoft 365 Apps beside Win32 apps",
        WarningCode::TimeoutTight => "The timeout is tight for the blocking apps",
        WarningCode::HybridTimeout => "Hybrid join adds 40 minutes",
        WarningCode::QualityUpdatesIgnored => "Quality updates will not install here",
        WarningCode::TechnicianTimeout => "The technician phase installs every required app",
        WarningCode::BlockingAppNotTargeted => "A selected blocking app is not assigned here",
        WarningCode::FilterPropertyOs => "A filter needs a recent Windows 11",
        WarningCode::OobeFlagsDiffer => "The two OOBE settings differ",
        WarningCode::ExclusionUnverified => "Exclusion groups are not documented for ESP",
        WarningCode::Unassigned => "A profile is not assigned",
        WarningCode::FilterUnresolved => "A filter cannot be used",
        WarningCode::FilterPropertyUnknown => "A filter reads properties the preview does not know",
        WarningCode::SelfDeployingHybrid => "Self-deploying does not support hybrid join",
    }
}

pub fn context(context: Option<InstallContext>) -> &'static str {
    match context {
        Some(InstallContext::Device) => "Device",
        Some(InstallContext::User) => "User",
        None => "",
    }
}

/// What the page does with an app, in a few words (the core's reason says why).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppStatus {
    /// The page waits for it.
    Blocks,
    /// Tracked and installed, but the page does not wait for it: assigned but not selected.
    InstallsNotWaitedFor,
    /// Tracked and installed; nothing blocks because *Block device use* is No.
    InstallsNothingBlocks,
    /// In the Selected list, but not required-assigned anywhere this scenario reaches.
    SelectedNotAssigned,
    /// Required here, but not tracked in this flow.
    NotTracked,
}

impl AppStatus {
    pub fn of(app: &AppOutcome, block_device_use: bool) -> AppStatus {
        match (app.phase, app.blocking) {
            (_, true) => AppStatus::Blocks,
            (Some(AppPhase::NotTracked), _) => AppStatus::NotTracked,
            (None, _) => AppStatus::SelectedNotAssigned,
            (Some(_), false) if !block_device_use => AppStatus::InstallsNothingBlocks,
            (Some(_), false) => AppStatus::InstallsNotWaitedFor,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AppStatus::Blocks => "Blocks: the page waits for it",
            AppStatus::InstallsNotWaitedFor => "Installs, not waited for",
            AppStatus::InstallsNothingBlocks => "Installs; nothing blocks",
            AppStatus::SelectedNotAssigned => "Selected but not assigned",
            AppStatus::NotTracked => "Not tracked here",
        }
    }

    /// The CSS modifier of its badge.
    pub fn class(self) -> &'static str {
        match self {
            AppStatus::Blocks => "status status-blocks",
            AppStatus::InstallsNotWaitedFor | AppStatus::InstallsNothingBlocks => {
                "status status-installs"
            }
            AppStatus::SelectedNotAssigned | AppStatus::NotTracked => "status status-idle",
        }
    }
}

/// `1 minute`, `160 minutes`.
pub fn minutes(n: u32) -> String {
    if n == 1 {
        "1 minute".to_owned()
    } else {
        format!("{n} minutes")
    }
}

/// `1 app`, `3 apps` and the like.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// `100000` as `100,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn app(phase: Option<AppPhase>, selected: bool, blocking: bool) -> AppOutcome {
        AppOutcome {
            id: "a".into(),
            display_name: "App".into(),
            app_type: "win32LobApp".into(),
            context: Some(InstallContext::Device),
            phase,
            selected,
            blocking,
            reason: String::new(),
        }
    }

    #[test]
    fn app_statuses_show_the_app_1_to_4_rule() {
        let cases = [
            // App 3: selected and targeted.
            (
                app(Some(AppPhase::DeviceSetup), true, true),
                true,
                AppStatus::Blocks,
            ),
            // App 4: targeted, not selected.
            (
                app(Some(AppPhase::DeviceSetup), false, false),
                true,
                AppStatus::InstallsNotWaitedFor,
            ),
            // Apps 1 and 2: selected, not targeted.
            (app(None, true, false), true, AppStatus::SelectedNotAssigned),
            (
                app(Some(AppPhase::NotTracked), false, false),
                true,
                AppStatus::NotTracked,
            ),
            (
                app(Some(AppPhase::AccountSetup), false, false),
                false,
                AppStatus::InstallsNothingBlocks,
            ),
        ];
        for (outcome, block, expected) in cases {
            assert_eq!(AppStatus::of(&outcome, block), expected, "{outcome:?}");
        }
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(count(1, "app", "apps"), "1 app");
        assert_eq!(count(12_000, "device", "devices"), "12,000 devices");
        assert_eq!(minutes(1), "1 minute");
        assert_eq!(minutes(160), "160 minutes");
    }
}
