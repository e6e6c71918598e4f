//! The wizard's draft: the profile under edit and what the wizard remembers about it (settings
//! it hid, the timeout as typed, the steps visited), saved with the workspace so that a reload
//! brings everything back.
//!
//! There is one draft per target: creating a profile and editing profile X each keep their own,
//! so opening one never throws the other away. A draft ends when it is created, saved or
//! cancelled. Everything here is plain data and esp-core calls, so it is tested natively.

use std::collections::BTreeSet;

use esp_core::model::{
    adjacent, required, CustomProfile, DefaultProfile, ProfileId, SettingsMemory,
    DEFAULT_TIMEOUT_MINUTES,
};
use esp_core::validate::{self, Code, Finding, WizardStep};
use esp_core::{Profile, Tenant};
use serde::{Deserialize, Deserializer, Serialize};

/// What a draft is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "id")]
pub enum DraftTarget {
    /// A profile being created.
    New,
    /// The profile with this id being edited.
    Edit(String),
}

/// Read by hand from what the derived `Serialize` writes (`esp_core::model::adjacent`: serde's
/// derive would compile a second, buffered reader into the wasm).
impl<'de> Deserialize<'de> for DraftTarget {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        enum Kind {
            New,
            Edit,
        }
        let (kind, id) = adjacent(deserializer, "DraftTarget", &["kind", "id"])?;
        Ok(match kind {
            Kind::New => DraftTarget::New,
            Kind::Edit => DraftTarget::Edit(required(id, "id")?),
        })
    }
}

impl DraftTarget {
    pub fn from_editing(editing: Option<String>) -> Self {
        editing.map_or(DraftTarget::New, DraftTarget::Edit)
    }
}

/// The drafts of every target, as the workspace saves them (section `wizard`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WizardDrafts {
    drafts: Vec<Draft>,
}

impl WizardDrafts {
    pub fn get(&self, target: &DraftTarget) -> Option<&Draft> {
        self.drafts.iter().find(|d| &d.target == target)
    }

    pub fn get_mut(&mut self, target: &DraftTarget) -> Option<&mut Draft> {
        self.drafts.iter_mut().find(|d| &d.target == target)
    }

    /// Stores a draft, replacing the one of the same target.
    pub fn put(&mut self, draft: Draft) {
        match self.get_mut(&draft.target) {
            Some(slot) => *slot = draft,
            None => self.drafts.push(draft),
        }
    }

    pub fn remove(&mut self, target: &DraftTarget) {
        self.drafts.retain(|d| &d.target != target);
    }

    /// Forgets every draft without changes except `keep`'s: nothing is lost (an unchanged
    /// draft reopens as it was), and the saved workspace does not grow with every profile
    /// merely looked at.
    pub fn forget_unchanged(&mut self, keep: &DraftTarget) {
        self.drafts.retain(|d| &d.target == keep || d.is_dirty());
    }
}

/// Text fields show their findings only once the person has typed in them, left them, or moved
/// past their step: an empty name is not an error the moment the wizard opens.
const TYPED_FIELDS: [&str; 4] = ["name", "description", "timeout", "customMessage"];

/// The draft of one target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub target: DraftTarget,
    /// Editing the default profile: only its settings can change.
    pub is_default: bool,
    /// The profile as edited. For the default profile, its id and settings (the rest is fixed).
    pub profile: CustomProfile,
    /// The profile as the draft started, to tell whether anything changed.
    base: CustomProfile,
    /// What the Settings step hid, to bring it back when shown again.
    pub memory: SettingsMemory,
    /// The timeout as typed, so that `abc` stays visible beside the core's message.
    pub timeout_text: String,
    /// Steps the person has opened (keys of [`WizardStep::as_str`]).
    visited: BTreeSet<String>,
    /// Steps the person has moved away from: their fields show every finding.
    left: BTreeSet<String>,
    /// Text fields the person has typed in or left.
    touched: BTreeSet<String>,
}

/// Why a target has no draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// No profile has the id being edited.
    NotFound(String),
}

/// A draft opened or restored, and what the person should be told about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub draft: Draft,
    pub notice: Option<Restored>,
}

/// How a saved draft came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restored {
    /// Unsaved changes were restored.
    Changes,
    /// Unsaved changes were restored, but the profile changed in the tenant since they began.
    ChangesOverStaleProfile,
}

impl Draft {
    /// A fresh draft: a new profile with the designer's starting settings, or the profile as
    /// the tenant holds it.
    pub fn open(target: &DraftTarget, tenant: &Tenant) -> Result<Draft, OpenError> {
        match target {
            DraftTarget::New => {
                let profile = CustomProfile::new(tenant.fresh_id("esp"), "");
                Ok(Draft::start(
                    target.clone(),
                    false,
                    profile,
                    &[WizardStep::Basics],
                ))
            }
            DraftTarget::Edit(id) => {
                let (is_default, profile) = Draft::base_of(id, tenant)?;
                // Editing opens on Review: every step has been seen.
                let mut draft = Draft::start(target.clone(), is_default, profile, &[]);
                for step in draft.steps() {
                    draft.visited.insert(step.as_str().to_owned());
                    draft.left.insert(step.as_str().to_owned());
                }
                Ok(draft)
            }
        }
    }

    /// Restores the saved draft of `target` if there is one, or opens a fresh one. An untouched
    /// edit draft follows the tenant (the profile may have changed since, by undo or import);
    /// a changed one is kept and the person told.
    pub fn open_or_restore(
        saved: Option<&Draft>,
        target: &DraftTarget,
        tenant: &Tenant,
    ) -> Result<Opened, OpenError> {
        let Some(saved) = saved else {
            return Draft::open(target, tenant).map(|draft| Opened {
                draft,
                notice: None,
            });
        };
        let mut draft = saved.clone();
        match target {
            DraftTarget::New => {
                // Another profile may have taken the new profile's local id meanwhile.
                if tenant.uses_id(draft.profile.id.as_str()) {
                    let id = ProfileId::new(tenant.fresh_id("esp"));
                    draft.profile.id = id.clone();
                    draft.base.id = id;
                }
                let notice = draft.is_dirty().then_some(Restored::Changes);
                Ok(Opened { draft, notice })
            }
            DraftTarget::Edit(id) => {
                let (_, current) = Draft::base_of(id, tenant)?;
                match (draft.is_dirty(), current == draft.base) {
                    (false, false) => Draft::open(target, tenant).map(|draft| Opened {
                        draft,
                        notice: None,
                    }),
                    (false, true) => Ok(Opened {
                        draft,
                        notice: None,
                    }),
                    (true, true) => Ok(Opened {
                        draft,
                        notice: Some(Restored::Changes),
                    }),
                    (true, false) => Ok(Opened {
                        draft,
                        notice: Some(Restored::ChangesOverStaleProfile),
                    }),
                }
            }
        }
    }

    fn start(
        target: DraftTarget,
        is_default: bool,
        profile: CustomProfile,
        visited: &[WizardStep],
    ) -> Draft {
        let timeout_text = timeout_text_of(&profile);
        Draft {
            target,
            is_default,
            base: profile.clone(),
            profile,
            memory: SettingsMemory::default(),
            timeout_text,
            visited: visited.iter().map(|s| s.as_str().to_owned()).collect(),
            left: BTreeSet::new(),
            touched: BTreeSet::new(),
        }
    }

    /// The profile with id `id` as a draft holds it: a custom profile as it is, the default
    /// profile as its id and settings under its fixed name.
    fn base_of(id: &str, tenant: &Tenant) -> Result<(bool, CustomProfile), OpenError> {
        match tenant.profile(&ProfileId::from(id)) {
            Some(Profile::Custom(p)) => Ok((false, p.clone())),
            Some(Profile::Default(p)) => {
                let mut profile = CustomProfile::new(p.id.clone(), DefaultProfile::NAME);
                profile.description = DefaultProfile::DESCRIPTION.to_owned();
                profile.settings = p.settings.clone();
                profile.assignments = Profile::Default(p).assignments().to_vec();
                Ok((true, profile))
            }
            None => Err(OpenError::NotFound(id.to_owned())),
        }
    }

    /// The steps this draft offers: all five, or Settings and Review for the default profile.
    pub fn steps(&self) -> &'static [WizardStep] {
        steps_for(self.is_default)
    }

    pub fn has_visited(&self, step: WizardStep) -> bool {
        self.visited.contains(step.as_str())
    }

    /// Moves from one step to another: the one left shows all its findings from now on.
    pub fn go(&mut self, from: WizardStep, to: WizardStep) {
        if from != to {
            self.left.insert(from.as_str().to_owned());
        }
        self.visited.insert(to.as_str().to_owned());
    }

    /// Marks a step as visited (reached through the URL, say).
    pub fn visit(&mut self, step: WizardStep) {
        self.visited.insert(step.as_str().to_owned());
    }

    /// Marks a text field as touched: it shows its findings from now on.
    pub fn touch(&mut self, field: &str) {
        if !self.touched.contains(field) {
            self.touched.insert(field.to_owned());
        }
    }

    pub fn is_touched(&self, field: &str) -> bool {
        self.touched.contains(field)
    }

    /// Takes the timeout as typed; the model holds the minutes when they are valid and 0 (which
    /// the core reports as out of range) when not.
    pub fn set_timeout_text(&mut self, text: String) {
        let minutes = validate::parse_timeout(&text).unwrap_or(0);
        if let Some(page) = self.profile.settings.page_mut() {
            page.timeout_minutes = minutes;
        }
        self.timeout_text = text;
        self.touch("timeout");
    }

    /// True when the draft differs from where it started.
    pub fn is_dirty(&self) -> bool {
        self.profile != self.base || self.timeout_text != timeout_text_of(&self.base)
    }

    /// Every finding about the draft, as if it were in the tenant: a new profile is checked as
    /// the n+1st (duplicate names and the 50-profile cap count), an edited one in its place.
    pub fn findings(&self, tenant: &Tenant) -> Vec<Finding> {
        let mut found = if self.is_default {
            let profile = DefaultProfile {
                id: self.profile.id.clone(),
                settings: self.profile.settings.clone(),
            };
            validate::profile(&profile, tenant)
        } else {
            validate::profile(&self.profile, tenant)
        };
        // The model cannot hold `abc`; the text box can. Say so even if the model looks valid.
        if self.profile.settings.page().is_some() {
            if let Err(finding) = validate::parse_timeout(&self.timeout_text) {
                if !found.iter().any(|f| f.code == Code::TimeoutRange) {
                    found.push(finding);
                    crate::sort::sort_by_key(&mut found, |f| f.step);
                }
            }
        }
        found
    }

    /// Whether the field of a finding shows it now (Review lists every finding regardless).
    pub fn shows(&self, finding: &Finding) -> bool {
        !TYPED_FIELDS.contains(&finding.field.as_str())
            || self.touched.contains(&finding.field)
            || self.left.contains(finding.step.as_str())
    }

    /// The profile to store: the draft with its name trimmed.
    pub fn to_profile(&self) -> CustomProfile {
        let mut profile = self.profile.clone();
        profile.name = profile.name.trim().to_owned();
        profile
    }
}

/// The steps of a draft for the default profile (`true`) or any other.
pub fn steps_for(is_default: bool) -> &'static [WizardStep] {
    const DEFAULT_STEPS: [WizardStep; 2] = [WizardStep::Settings, WizardStep::Review];
    if is_default {
        &DEFAULT_STEPS
    } else {
        &WizardStep::ALL
    }
}

/// The step a wizard opens on: Basics for a new profile, Review for an existing one.
pub fn first_step(is_new: bool) -> WizardStep {
    if is_new {
        WizardStep::Basics
    } else {
        WizardStep::Review
    }
}

/// The step named by a URL's `step` parameter, if the wizard offers it; else the first.
pub fn step_from_query(is_default: bool, is_new: bool, key: Option<&str>) -> WizardStep {
    key.and_then(|key| WizardStep::try_from(key).ok())
        .filter(|step| steps_for(is_default).contains(step))
        .unwrap_or_else(|| first_step(is_new))
}

fn timeout_text_of(profile: &CustomProfile) -> String {
    profile
        .settings
        .page()
        .map_or(DEFAULT_TIMEOUT_MINUTES, |page| page.timeout_minutes)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use esp_core::model::{Block, BlockingApps, Progress, MAX_CUSTOM_PROFILES};

    fn tenant_with(names: &[&str]) -> Tenant {
        let mut tenant = Tenant::new(DefaultProfile::default());
        for (i, name) in names.iter().enumerate() {
            tenant
                .add_profile(CustomProfile::new(format!("p{i}"), *name))
                .unwrap();
        }
        tenant
    }

    fn codes(draft: &Draft, tenant: &Tenant) -> Vec<&'static str> {
        draft
            .findings(tenant)
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.code.as_str())
            .collect()
    }

    #[test]
    fn a_new_draft_starts_on_basics_with_a_fresh_id_and_only_basics_visited() {
        let tenant = tenant_with(&["Kiosk"]);
        let draft = Draft::open(&DraftTarget::New, &tenant).unwrap();
        assert_eq!(
            first_step(draft.target == DraftTarget::New),
            WizardStep::Basics
        );
        assert!(!tenant.uses_id(draft.profile.id.as_str()));
        assert!(draft.has_visited(WizardStep::Basics));
        assert!(!draft.has_visited(WizardStep::Settings));
        assert_eq!(draft.timeout_text, "60");
        assert!(!draft.is_dirty());
    }

    #[test]
    fn a_new_profile_is_validated_as_if_added() {
        let tenant = tenant_with(&["Kiosk"]);
        let mut draft = Draft::open(&DraftTarget::New, &tenant).unwrap();
        assert_eq!(codes(&draft, &tenant), ["NAME_REQUIRED"]);
        draft.profile.name = " kiosk ".into();
        assert_eq!(codes(&draft, &tenant), ["NAME_DUPLICATE"]);
        let names: Vec<String> = (0..MAX_CUSTOM_PROFILES).map(|n| format!("P{n}")).collect();
        let full = tenant_with(&names.iter().map(String::as_str).collect::<Vec<_>>());
        draft.profile.name = "New".into();
        assert_eq!(codes(&draft, &full), ["PROFILE_CAP"]);
    }

    #[test]
    fn an_edited_profile_keeps_its_own_name_and_opens_on_review() {
        let tenant = tenant_with(&["Kiosk", "Lab"]);
        let draft = Draft::open(&DraftTarget::Edit("p1".into()), &tenant).unwrap();
        assert_eq!(
            first_step(draft.target == DraftTarget::New),
            WizardStep::Review
        );
        assert_eq!(draft.profile.name, "Lab");
        assert!(codes(&draft, &tenant).is_empty());
        assert!(WizardStep::ALL.iter().all(|s| draft.has_visited(*s)));
        assert_eq!(
            Draft::open(&DraftTarget::Edit("nope".into()), &tenant),
            Err(OpenError::NotFound("nope".into()))
        );
    }

    #[test]
    fn the_default_profile_offers_settings_and_review_only() {
        let tenant = tenant_with(&[]);
        let draft =
            Draft::open(&DraftTarget::Edit(DefaultProfile::LOCAL_ID.into()), &tenant).unwrap();
        assert!(draft.is_default);
        assert_eq!(draft.steps(), [WizardStep::Settings, WizardStep::Review]);
        assert_eq!(
            step_from_query(true, false, Some("basics")),
            WizardStep::Review
        );
        assert_eq!(
            step_from_query(true, false, Some("settings")),
            WizardStep::Settings
        );
        assert!(codes(&draft, &tenant).is_empty());
    }

    #[test]
    fn the_timeout_text_stays_as_typed_and_the_core_judges_it() {
        let tenant = tenant_with(&[]);
        let mut draft = Draft::open(&DraftTarget::New, &tenant).unwrap();
        draft.profile.name = "X".into();
        for (text, valid) in [
            ("abc", false),
            ("0", false),
            ("1441", false),
            ("", false),
            ("90", true),
        ] {
            draft.set_timeout_text(text.into());
            assert_eq!(draft.timeout_text, text);
            let timeout_errors = draft
                .findings(&tenant)
                .into_iter()
                .filter(|f| f.code == Code::TimeoutRange && f.field == "timeout")
                .count();
            assert_eq!(timeout_errors, usize::from(!valid), "{text:?}");
        }
        assert_eq!(draft.profile.settings.page().unwrap().timeout_minutes, 90);
        // Hidden with the page, the timeout is nobody's business.
        draft.set_timeout_text("abc".into());
        let mut memory = SettingsMemory::default();
        draft.profile.settings.set_shown(false, &mut memory);
        assert!(codes(&draft, &tenant).is_empty());
    }

    #[test]
    fn text_fields_show_findings_once_touched_or_their_step_left() {
        let tenant = tenant_with(&[]);
        let mut draft = Draft::open(&DraftTarget::New, &tenant).unwrap();
        let name_required = &draft.findings(&tenant)[0];
        assert!(!draft.shows(name_required));
        draft.touch("name");
        assert!(draft.shows(name_required));

        let mut draft = Draft::open(&DraftTarget::New, &tenant).unwrap();
        draft.go(WizardStep::Basics, WizardStep::Settings);
        assert!(draft.shows(name_required));
        assert!(draft.has_visited(WizardStep::Settings));
    }

    #[test]
    fn choices_show_their_findings_at_once() {
        let tenant = tenant_with(&[]);
        let mut draft = Draft::open(&DraftTarget::New, &tenant).unwrap();
        let mut memory = SettingsMemory::default();
        let Progress::Shown(page) = &mut draft.profile.settings else {
            panic!("new profiles show the page")
        };
        let Block::Yes(block) = &mut page.block else {
            panic!("new profiles block")
        };
        block.set_selected(true, &mut memory);
        assert!(matches!(block.apps, BlockingApps::Selected(_)));
        let empty = draft
            .findings(&tenant)
            .into_iter()
            .find(|f| f.code == Code::SelectedAppsEmpty)
            .unwrap();
        assert!(draft.shows(&empty));
    }

    #[test]
    fn restoring_keeps_changes_and_follows_an_untouched_profile() {
        let mut tenant = tenant_with(&["Kiosk"]);
        let target = DraftTarget::Edit("p0".into());
        let untouched = Draft::open(&target, &tenant).unwrap();
        let mut changed = untouched.clone();
        changed.profile.description = "mine".into();

        let opened = Draft::open_or_restore(Some(&changed), &target, &tenant).unwrap();
        assert_eq!(opened.notice, Some(Restored::Changes));
        assert_eq!(opened.draft.profile.description, "mine");

        // The profile changes in the tenant (an undo, an import).
        let mut renamed = tenant.custom_profiles()[0].clone();
        renamed.name = "Kiosk 2".into();
        tenant.replace_profile(renamed).unwrap();
        let opened = Draft::open_or_restore(Some(&untouched), &target, &tenant).unwrap();
        assert_eq!(
            (opened.notice, opened.draft.profile.name.as_str()),
            (None, "Kiosk 2")
        );
        let opened = Draft::open_or_restore(Some(&changed), &target, &tenant).unwrap();
        assert_eq!(opened.notice, Some(Restored::ChangesOverStaleProfile));
        assert_eq!(opened.draft.profile.name, "Kiosk");
    }

    #[test]
    fn a_restored_new_draft_gets_a_new_id_if_its_own_was_taken() {
        let mut tenant = tenant_with(&[]);
        let draft = Draft::open(&DraftTarget::New, &tenant).unwrap();
        tenant
            .add_profile(CustomProfile::new(draft.profile.id.clone(), "Other"))
            .unwrap();
        let opened = Draft::open_or_restore(Some(&draft), &DraftTarget::New, &tenant).unwrap();
        assert_ne!(opened.draft.profile.id, draft.profile.id);
        assert!(!opened.draft.is_dirty());
    }

    #[test]
    fn drafts_are_kept_per_target_and_survive_serialisation() {
        let tenant = tenant_with(&["Kiosk"]);
        let mut drafts = WizardDrafts::default();
        let mut new = Draft::open(&DraftTarget::New, &tenant).unwrap();
        new.profile.name = "Finance".into();
        drafts.put(new.clone());
        drafts.put(Draft::open(&DraftTarget::Edit("p0".into()), &tenant).unwrap());
        let json = serde_json::to_value(&drafts).unwrap();
        let back: WizardDrafts = serde_json::from_value(json).unwrap();
        assert_eq!(back, drafts);
        assert_eq!(back.get(&DraftTarget::New), Some(&new));
        drafts.remove(&DraftTarget::New);
        assert!(drafts.get(&DraftTarget::New).is_none());
        assert!(drafts.get(&DraftTarget::Edit("p0".into())).is_some());
    }

    #[test]
    fn unchanged_drafts_are_forgotten_but_changed_ones_and_the_open_one_kept() {
        let tenant = tenant_with(&["A", "B", "C"]);
        let mut drafts = WizardDrafts::default();
        let open = |id: &str| Draft::open(&DraftTarget::Edit(id.into()), &tenant).unwrap();
        let mut changed = open("p1");
        changed.profile.description = "edited".into();
        drafts.put(open("p0"));
        drafts.put(changed);
        drafts.put(open("p2"));
        drafts.forget_unchanged(&DraftTarget::Edit("p2".into()));
        let kept: Vec<&DraftTarget> = drafts.drafts.iter().map(|d| &d.target).collect();
        assert_eq!(
            kept,
            [
                &DraftTarget::Edit("p1".into()),
                &DraftTarget::Edit("p2".into())
            ]
        );
    }

    #[test]
    fn the_stored_profile_has_a_trimmed_name() {
        let tenant = tenant_with(&[]);
        let mut draft = Draft::open(&DraftTarget::New, &tenant).unwrap();
        draft.profile.name = "  Kiosk  ".into();
        assert_eq!(draft.to_profile().name, "Kiosk");
    }
}
