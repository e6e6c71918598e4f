//! The Settings step of a profile (DOMAIN §1.2) as nested enums: a setting that its parent hides
//! does not exist in the model while hidden.
//!
//! ```text
//! Progress::Hidden
//! Progress::Shown(PageSettings { timeout, message, log_collection, oobe_only, quality_updates,
//!     block: Block::No
//!          | Block::Yes(BlockSettings { allow_reset, allow_use,
//!                apps: BlockingApps::All
//!                    | BlockingApps::Selected(SelectedApps { ids, only_fail_selected_in_technician_phase }) }) })
//! ```
//!
//! Values a person types stay representable while they are wrong: the timeout is any `u32` and
//! the custom message may be empty; `validate` reports them. Graph's own encoding (the inverted
//! block flag, the two OOBE flags, timeout `0`, the empty message) lives only in `graph`.
//!
//! **Hiding and showing again.** Because a hidden setting has no place in the model, the wizard
//! keeps what it hid in a [`SettingsMemory`] beside its draft and toggles through the `set_*`
//! methods here, which park the hidden subtree in the memory and bring it back when the parent is
//! shown again. The memory is plain serde data, so the UI can save it with its draft; export never
//! sees it, so a hidden setting never leaks into Graph.

use super::ids::AppId;
use serde::{Deserialize, Deserializer, Serialize};

use super::tagged::{adjacent, required};

/// Default of *Show an error when installation takes longer than…* (and what Graph's `0` means).
pub const DEFAULT_TIMEOUT_MINUTES: u32 = 60;
/// Smallest timeout the device accepts (DMClient CSP range 1–1440).
pub const MIN_TIMEOUT_MINUTES: u32 = 1;
/// Largest timeout the device accepts: one day.
pub const MAX_TIMEOUT_MINUTES: u32 = 1440;
/// Graph's limit on `customErrorMessage`, in characters.
pub const MAX_CUSTOM_MESSAGE_CHARS: usize = 10_000;
/// At most this many apps in the *Selected* blocking-app list.
pub const MAX_SELECTED_APPS: usize = 100;
/// What the person at the device reads when no custom message is set.
pub const DEFAULT_ERROR_MESSAGE: &str =
    "Setup could not be completed. Please try again or contact your support person for help.";

/// *Show app and profile configuration progress*: the root of every other setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "show", content = "page")]
pub enum Progress {
    /// No page at all: nothing is tracked or shown.
    Hidden,
    /// The page is shown, with these settings.
    Shown(PageSettings),
}

/// The settings that exist while the page is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageSettings {
    /// Minutes before the error screen; valid from 1 to 1440 (validation says so).
    pub timeout_minutes: u32,
    /// *Show custom message when time limit or error occur* and its text.
    pub message: CustomMessage,
    /// *Turn on log collection and diagnostics page for end users*.
    pub log_collection: bool,
    /// *Only show page to devices provisioned by out-of-box experience (OOBE)*.
    pub oobe_only: bool,
    /// True only when imported from Graph with the two OOBE flags disagreeing
    /// (`OOBE_FLAGS_DIFFER`); [`PageSettings::set_oobe_only`] clears it, and export writes both
    /// flags as `oobe_only`.
    pub oobe_flags_differ: bool,
    /// *Install Windows quality updates (might restart the device)*.
    pub quality_updates: bool,
    /// *Block device use until all apps and profiles are installed*.
    pub block: Block,
}

/// The custom-message toggle and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "text")]
pub enum CustomMessage {
    /// Toggle No: the person sees [`DEFAULT_ERROR_MESSAGE`].
    Default,
    /// Toggle Yes with the text as typed (validation requires it non-blank, ≤ 10,000 characters).
    Custom(String),
}

/// *Block device use until all apps and profiles are installed*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "block", content = "settings")]
pub enum Block {
    /// The person may leave the page at any time; nothing blocks.
    No,
    /// The page blocks, with these settings.
    Yes(BlockSettings),
}

/// The settings that exist while *Block device use* is Yes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlockSettings {
    /// *Allow users to reset device if installation error occurs*.
    pub allow_reset: bool,
    /// *Allow users to use device if installation error occurs*.
    pub allow_use: bool,
    /// *Block device use until these required apps are installed…*: All or Selected.
    pub apps: BlockingApps,
}

/// Which tracked apps block the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "selected")]
pub enum BlockingApps {
    /// Every tracked app blocks (Graph: an empty `selectedMobileAppIds`).
    All,
    /// Only tracked apps in this list block: a filter, not an install list.
    Selected(SelectedApps),
}

// The four enums above are read by hand from what their derived `Serialize` writes
// (`super::tagged`, for the wasm's size): the tag names the variant, the content is its data.

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        enum Show {
            Hidden,
            Shown,
        }
        let (show, page) = adjacent(deserializer, "Progress", &["show", "page"])?;
        Ok(match show {
            Show::Hidden => Progress::Hidden,
            Show::Shown => Progress::Shown(required(page, "page")?),
        })
    }
}

impl<'de> Deserialize<'de> for CustomMessage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        enum Kind {
            Default,
            Custom,
        }
        let (kind, text) = adjacent(deserializer, "CustomMessage", &["kind", "text"])?;
        Ok(match kind {
            Kind::Default => CustomMessage::Default,
            Kind::Custom => CustomMessage::Custom(required(text, "text")?),
        })
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        enum Answer {
            No,
            Yes,
        }
        let (block, settings) = adjacent(deserializer, "Block", &["block", "settings"])?;
        Ok(match block {
            Answer::No => Block::No,
            Answer::Yes => Block::Yes(required(settings, "settings")?),
        })
    }
}

impl<'de> Deserialize<'de> for BlockingApps {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        enum Kind {
            All,
            Selected,
        }
        let (kind, selected) = adjacent(deserializer, "BlockingApps", &["kind", "selected"])?;
        Ok(match kind {
            Kind::All => BlockingApps::All,
            Kind::Selected => BlockingApps::Selected(required(selected, "selected")?),
        })
    }
}

/// The *Selected* blocking-app list (1–100 apps once valid; empty while the person picks).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SelectedApps {
    /// The selected apps, in the order chosen.
    pub ids: Vec<AppId>,
    /// *Only fail selected blocking apps in technician phase* (shown once an app is selected).
    pub only_fail_selected_in_technician_phase: bool,
}

impl Progress {
    /// The settings a profile created in the designer starts with (our choice, DOMAIN §1.2): the
    /// page shown, 60 minutes, default message, quality updates on, blocking on all apps.
    pub fn new_profile() -> Self {
        Progress::Shown(PageSettings::new_profile())
    }

    /// The page settings, when the page is shown.
    pub fn page(&self) -> Option<&PageSettings> {
        match self {
            Progress::Hidden => None,
            Progress::Shown(page) => Some(page),
        }
    }

    /// Mutable page settings, when the page is shown.
    pub fn page_mut(&mut self) -> Option<&mut PageSettings> {
        match self {
            Progress::Hidden => None,
            Progress::Shown(page) => Some(page),
        }
    }

    /// The block settings, when the page is shown and blocks.
    pub fn block(&self) -> Option<&BlockSettings> {
        match self.page()?.block {
            Block::No => None,
            Block::Yes(ref block) => Some(block),
        }
    }

    /// The *Selected* list, when the page is shown, blocks, and blocks on selected apps.
    pub fn selected_apps(&self) -> Option<&SelectedApps> {
        match self.block()?.apps {
            BlockingApps::All => None,
            BlockingApps::Selected(ref selected) => Some(selected),
        }
    }

    /// Shows or hides the page, parking the page settings in `memory` while hidden and bringing
    /// them back (or the new-profile settings) when shown again.
    pub fn set_shown(&mut self, shown: bool, memory: &mut SettingsMemory) {
        match (shown, &*self) {
            (true, Progress::Hidden) => {
                *self =
                    Progress::Shown(memory.page.take().unwrap_or_else(PageSettings::new_profile));
            }
            (false, Progress::Shown(_)) => {
                if let Progress::Shown(page) = std::mem::replace(self, Progress::Hidden) {
                    memory.page = Some(page);
                }
            }
            _ => {}
        }
    }
}

impl PageSettings {
    /// The page settings of a new profile (see [`Progress::new_profile`]).
    pub fn new_profile() -> Self {
        PageSettings {
            timeout_minutes: DEFAULT_TIMEOUT_MINUTES,
            message: CustomMessage::Default,
            log_collection: false,
            oobe_only: false,
            oobe_flags_differ: false,
            quality_updates: true,
            block: Block::Yes(BlockSettings::new_profile()),
        }
    }

    /// The text the person at the device reads on the error screen.
    pub fn effective_message(&self) -> &str {
        match &self.message {
            CustomMessage::Default => DEFAULT_ERROR_MESSAGE,
            CustomMessage::Custom(text) => text,
        }
    }

    /// Sets *Only show page to devices provisioned by OOBE*; both Graph flags will be written
    /// with this value, so an imported disagreement is settled.
    pub fn set_oobe_only(&mut self, value: bool) {
        self.oobe_only = value;
        self.oobe_flags_differ = false;
    }

    /// Turns the custom-message toggle on or off, keeping the text in `memory` while off.
    pub fn set_custom_message(&mut self, on: bool, memory: &mut SettingsMemory) {
        match (on, &self.message) {
            (true, CustomMessage::Default) => {
                self.message = CustomMessage::Custom(memory.message.take().unwrap_or_default());
            }
            (false, CustomMessage::Custom(_)) => {
                if let CustomMessage::Custom(text) =
                    std::mem::replace(&mut self.message, CustomMessage::Default)
                {
                    memory.message = Some(text);
                }
            }
            _ => {}
        }
    }

    /// Turns *Block device use* on or off, keeping the block settings in `memory` while off.
    pub fn set_block(&mut self, block: bool, memory: &mut SettingsMemory) {
        match (block, &self.block) {
            (true, Block::No) => {
                self.block = Block::Yes(
                    memory
                        .block
                        .take()
                        .unwrap_or_else(BlockSettings::new_profile),
                );
            }
            (false, Block::Yes(_)) => {
                if let Block::Yes(settings) = std::mem::replace(&mut self.block, Block::No) {
                    memory.block = Some(settings);
                }
            }
            _ => {}
        }
    }
}

impl BlockSettings {
    /// Block settings of a new profile: no reset, no use on error, all apps block.
    pub fn new_profile() -> Self {
        BlockSettings {
            allow_reset: false,
            allow_use: false,
            apps: BlockingApps::All,
        }
    }

    /// Switches between All and Selected, keeping the selection in `memory` while on All.
    pub fn set_selected(&mut self, selected: bool, memory: &mut SettingsMemory) {
        match (selected, &self.apps) {
            (true, BlockingApps::All) => {
                self.apps = BlockingApps::Selected(memory.selected.take().unwrap_or_default());
            }
            (false, BlockingApps::Selected(_)) => {
                if let BlockingApps::Selected(apps) =
                    std::mem::replace(&mut self.apps, BlockingApps::All)
                {
                    memory.selected = Some(apps);
                }
            }
            _ => {}
        }
    }
}

/// What the wizard hid, so that showing a setting again brings its value back. One memory per
/// draft; it never reaches Graph.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsMemory {
    /// The page settings while the page is hidden.
    pub page: Option<PageSettings>,
    /// The custom message text while the toggle is off.
    pub message: Option<String>,
    /// The block settings while *Block device use* is No.
    pub block: Option<BlockSettings>,
    /// The selected apps while the choice is All.
    pub selected: Option<SelectedApps>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hiding_and_showing_each_level_brings_values_back() {
        let mut memory = SettingsMemory::default();
        let mut progress = Progress::new_profile();
        let page = progress.page_mut().unwrap();
        page.timeout_minutes = 90;
        page.set_custom_message(true, &mut memory);
        page.message = CustomMessage::Custom("Call IT".into());
        let Block::Yes(block) = &mut page.block else {
            panic!("new profiles block")
        };
        block.set_selected(true, &mut memory);
        let BlockingApps::Selected(selected) = &mut block.apps else {
            panic!("just selected")
        };
        selected.ids.push(AppId::from("app-1"));
        let before = progress.clone();

        // Innermost first: All/Selected, block, message, then the page itself.
        let page = progress.page_mut().unwrap();
        let Block::Yes(block) = &mut page.block else {
            panic!()
        };
        block.set_selected(false, &mut memory);
        assert_eq!(block.apps, BlockingApps::All);
        block.set_selected(true, &mut memory);
        page.set_block(false, &mut memory);
        assert_eq!(page.block, Block::No);
        page.set_block(true, &mut memory);
        page.set_custom_message(false, &mut memory);
        assert_eq!(page.effective_message(), DEFAULT_ERROR_MESSAGE);
        page.set_custom_message(true, &mut memory);
        progress.set_shown(false, &mut memory);
        assert_eq!(progress, Progress::Hidden);
        progress.set_shown(true, &mut memory);

        assert_eq!(progress, before);
        assert_eq!(memory, SettingsMemory::default());
    }

    #[test]
    fn showing_without_memory_gives_new_profile_settings() {
        let mut progress = Progress::Hidden;
        progress.set_shown(true, &mut SettingsMemory::default());
        assert_eq!(progress, Progress::new_profile());
    }

    #[test]
    fn setting_oobe_only_settles_an_imported_disagreement() {
        let mut page = PageSettings::new_profile();
        page.oobe_flags_differ = true;
        page.set_oobe_only(true);
        assert!(page.oobe_only && !page.oobe_flags_differ);
    }
}
