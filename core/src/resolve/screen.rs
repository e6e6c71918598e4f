//! The screen the person at the device sees (DOMAIN §3.6): its sections, and the error screen.

use super::scenario::Mode;
use crate::model::PageSettings;
use crate::model::{Block, CustomMessage};
use serde::{Deserialize, Serialize};

/// A section of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Section {
    /// TPM attestation, Entra join, MDM enrollment.
    DevicePreparation,
    /// Device-targeted policies and apps.
    DeviceSetup,
    /// User-targeted policies and apps (user-driven only).
    AccountSetup,
}

/// The page as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Screen {
    /// The sections, top to bottom.
    pub sections: Vec<Section>,
    /// *Block device use* = No: the person may leave the page at any time, and no error screen
    /// holds them.
    pub can_leave: bool,
    /// What appears when the effective timeout passes or an item fails.
    pub error: ErrorScreen,
}

/// The error screen: the message and only the buttons the profile enables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorScreen {
    /// The custom message, or the default text.
    pub message: String,
    /// The message is the admin's own.
    pub custom_message: bool,
    /// **Reset device** (`allowDeviceResetOnInstallFailure`).
    pub reset_device: bool,
    /// **Try again** (*Block device use* = Yes).
    pub try_again: bool,
    /// **Continue anyway** (`allowDeviceUseOnInstallFailure`).
    pub continue_anyway: bool,
    /// **Collect logs** (`allowLogCollectionOnInstallFailure`).
    pub collect_logs: bool,
}

/// The screen of a shown page in this mode.
pub(crate) fn screen(page: &PageSettings, mode: Mode) -> Screen {
    let mut sections = vec![Section::DevicePreparation, Section::DeviceSetup];
    if mode.has_user() {
        sections.push(Section::AccountSetup);
    }
    let block = match &page.block {
        Block::No => None,
        Block::Yes(block) => Some(block),
    };
    Screen {
        sections,
        can_leave: block.is_none(),
        error: ErrorScreen {
            message: page.effective_message().to_owned(),
            custom_message: matches!(page.message, CustomMessage::Custom(_)),
            reset_device: block.is_some_and(|b| b.allow_reset),
            try_again: block.is_some(),
            continue_anyway: block.is_some_and(|b| b.allow_use),
            collect_logs: page.log_collection,
        },
    }
}
