//! Priority operations on a tenant's custom profiles (DOMAIN §1.4, §1.5, §2): add, move, delete,
//! duplicate, each keeping priorities 1..n contiguous with the default last, and each available to
//! a scoped admin, who sees only the profiles in scope (with their true numbers) and may move a
//! profile only into positions held by profiles in scope.

use crate::model::{
    same_name, CustomProfile, DefaultProfile, Priority, Profile, ProfileId, ScopeTagId, Tenant,
    MAX_CUSTOM_PROFILES,
};
use thiserror::Error;

/// Why a priority operation was refused, in words for the admin.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PriorityError {
    /// Moving the default profile, or moving a profile below it.
    #[error("The default profile always comes last and cannot be moved")]
    DefaultCannotMove,
    /// Deleting the default profile.
    #[error("The default profile cannot be deleted")]
    DefaultCannotDelete,
    /// A position outside 1..n.
    #[error("There is no profile at priority {position}: priorities run from 1 to {count}")]
    NoSuchPosition {
        /// The position asked for.
        position: usize,
        /// How many custom profiles there are.
        count: usize,
    },
    /// An id that names no custom profile.
    #[error("No ESP profile has the id `{0}`")]
    UnknownProfile(ProfileId),
    /// Adding a 51st custom profile.
    #[error(
        "A tenant can hold at most {MAX_CUSTOM_PROFILES} custom ESP profiles; delete one first"
    )]
    Cap,
    /// Adding a profile whose id another profile has.
    #[error("Another ESP profile already has the id `{0}`")]
    DuplicateId(ProfileId),
    /// A scoped admin acting on a profile outside their scope.
    #[error("'{name}' is outside your scope (tags: {tags}), so you cannot change it")]
    ProfileOutOfScope {
        /// The profile's name.
        name: String,
        /// The admin's scope tags, by name.
        tags: String,
    },
    /// A scoped admin moving a profile to a position held by a profile outside their scope.
    #[error("You can only move '{name}' among profiles in your scope (tags: {tags})")]
    PositionOutOfScope {
        /// The profile's name.
        name: String,
        /// The admin's scope tags, by name.
        tags: String,
    },
}

/// The scope tags of the admin at the keyboard; none means the admin sees everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdminScope {
    tags: Vec<ScopeTagId>,
}

impl AdminScope {
    /// An admin without scope tags: sees and reorders everything.
    pub fn everything() -> Self {
        AdminScope::default()
    }

    /// An admin scoped to these tags.
    pub fn tags(tags: impl IntoIterator<Item = ScopeTagId>) -> Self {
        AdminScope {
            tags: tags.into_iter().collect(),
        }
    }

    /// True when the admin has no scope tags.
    pub fn is_unscoped(&self) -> bool {
        self.tags.is_empty()
    }

    /// True when the admin sees this profile: unscoped, or sharing one of its effective tags.
    /// Everyone sees the default profile.
    pub fn sees(&self, profile: Profile<'_>) -> bool {
        match profile {
            Profile::Default(_) => true,
            Profile::Custom(p) => {
                self.is_unscoped()
                    || p.effective_scope_tags()
                        .iter()
                        .any(|tag| self.tags.contains(tag))
            }
        }
    }

    fn describe(&self, tenant: &Tenant) -> String {
        self.tags
            .iter()
            .map(|id| tenant.scope_tag_name(id).unwrap_or(id.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Tenant {
    /// The profiles a scoped admin sees, with their true priorities, the default last.
    pub fn visible_profiles(&self, scope: &AdminScope) -> Vec<(Priority, Profile<'_>)> {
        self.profiles().filter(|(_, p)| scope.sees(*p)).collect()
    }

    /// Adds a custom profile just above the default; returns its priority (n+1).
    pub fn add_profile(&mut self, profile: CustomProfile) -> Result<usize, PriorityError> {
        self.add_profile_as(&AdminScope::everything(), profile)
    }

    /// Adds a profile as a scoped admin: a profile with no tag chosen gets all the admin's tags,
    /// as Intune does for objects a scoped admin creates.
    pub fn add_profile_as(
        &mut self,
        scope: &AdminScope,
        mut profile: CustomProfile,
    ) -> Result<usize, PriorityError> {
        if self.custom_profiles().len() >= MAX_CUSTOM_PROFILES {
            return Err(PriorityError::Cap);
        }
        if self.profile(&profile.id).is_some() {
            return Err(PriorityError::DuplicateId(profile.id));
        }
        if profile.scope_tags.is_empty() {
            profile.scope_tags = scope.tags.clone();
        }
        self.push_custom(profile);
        Ok(self.custom_profiles().len())
    }

    /// Moves the profile at priority `from` to priority `to`; the ones between shift by one.
    pub fn move_profile(&mut self, from: usize, to: usize) -> Result<(), PriorityError> {
        self.move_profile_as(&AdminScope::everything(), from, to)
    }

    /// Moves as a scoped admin: the profile at `from` must be in scope, and `to` must be a
    /// position held by a profile in scope; profiles outside the scope keep their positions.
    pub fn move_profile_as(
        &mut self,
        scope: &AdminScope,
        from: usize,
        to: usize,
    ) -> Result<(), PriorityError> {
        let count = self.custom_profiles().len();
        for position in [from, to] {
            if position == count + 1 {
                return Err(PriorityError::DefaultCannotMove);
            }
            if position == 0 || position > count {
                return Err(PriorityError::NoSuchPosition { position, count });
            }
        }
        // Positions (0-based) held by profiles the admin sees: the admin permutes only these.
        let held: Vec<usize> = self
            .custom_profiles()
            .iter()
            .enumerate()
            .filter(|(_, p)| scope.sees(Profile::Custom(p)))
            .map(|(i, _)| i)
            .collect();
        let name = |tenant: &Tenant| {
            tenant
                .custom_profiles()
                .get(from - 1)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        };
        let (Some(slot_from), Some(slot_to)) = (
            held.iter().position(|&i| i == from - 1),
            held.iter().position(|&i| i == to - 1),
        ) else {
            let (name, tags) = (name(self), scope.describe(self));
            return Err(if held.contains(&(from - 1)) {
                PriorityError::PositionOutOfScope { name, tags }
            } else {
                PriorityError::ProfileOutOfScope { name, tags }
            });
        };
        let custom = self.custom_mut();
        let mut mine: Vec<CustomProfile> = Vec::with_capacity(held.len());
        for &i in held.iter().rev() {
            mine.push(custom.remove(i));
        }
        mine.reverse();
        let moved = mine.remove(slot_from);
        mine.insert(slot_to, moved);
        for (&i, profile) in held.iter().zip(mine) {
            custom.insert(i, profile);
        }
        Ok(())
    }

    /// Deletes a custom profile; the ones below move up by one.
    pub fn delete_profile(&mut self, id: &ProfileId) -> Result<CustomProfile, PriorityError> {
        self.delete_profile_as(&AdminScope::everything(), id)
    }

    /// Deletes as a scoped admin: the profile must be in scope.
    pub fn delete_profile_as(
        &mut self,
        scope: &AdminScope,
        id: &ProfileId,
    ) -> Result<CustomProfile, PriorityError> {
        let index = self.custom_index_in_scope(scope, id)?;
        Ok(self.custom_mut().remove(index))
    }

    /// Duplicates a profile (the default too) as "Copy of …" with a unique name, a fresh local
    /// id and priority n+1; returns the new id.
    pub fn duplicate_profile(&mut self, id: &ProfileId) -> Result<ProfileId, PriorityError> {
        self.duplicate_profile_as(&AdminScope::everything(), id)
    }

    /// Duplicates as a scoped admin: the original must be in scope; the copy keeps its tags.
    pub fn duplicate_profile_as(
        &mut self,
        scope: &AdminScope,
        id: &ProfileId,
    ) -> Result<ProfileId, PriorityError> {
        if self.custom_profiles().len() >= MAX_CUSTOM_PROFILES {
            return Err(PriorityError::Cap);
        }
        let original = match self.profile(id) {
            Some(Profile::Default(p)) => {
                let mut copy = CustomProfile::new(id.clone(), DefaultProfile::NAME);
                copy.description = Profile::Default(p).description().to_owned();
                copy.settings = p.settings.clone();
                copy.assignments = Profile::Default(p).assignments().to_vec();
                copy
            }
            Some(Profile::Custom(_)) => {
                let index = self.custom_index_in_scope(scope, id)?;
                self.custom_profiles()
                    .get(index)
                    .cloned()
                    .ok_or_else(|| PriorityError::UnknownProfile(id.clone()))?
            }
            None => return Err(PriorityError::UnknownProfile(id.clone())),
        };
        let mut copy = original;
        copy.id = ProfileId::new(self.fresh_id("esp"));
        copy.name = self.copy_name(&copy.name);
        let new_id = copy.id.clone();
        self.push_custom(copy);
        Ok(new_id)
    }

    /// Replaces a custom profile with an edited version of itself (same id), keeping its
    /// priority; returns that priority. The default profile is not a custom profile: its
    /// settings change through [`Tenant::default_profile_mut`].
    pub fn replace_profile(&mut self, profile: CustomProfile) -> Result<usize, PriorityError> {
        let index = self
            .custom_profiles()
            .iter()
            .position(|p| p.id == profile.id)
            .ok_or_else(|| PriorityError::UnknownProfile(profile.id.clone()))?;
        let slot = self
            .custom_mut()
            .get_mut(index)
            .ok_or_else(|| PriorityError::UnknownProfile(profile.id.clone()))?;
        *slot = profile;
        Ok(index + 1)
    }

    /// "Copy of {name}", or "Copy of {name} (2)", (3)… until no profile has that name.
    fn copy_name(&self, name: &str) -> String {
        let base = format!("Copy of {}", name.trim());
        let taken = |candidate: &str| self.profiles().any(|(_, p)| same_name(p.name(), candidate));
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n: u64| format!("{base} ({n})"))
            .find(|candidate| !taken(candidate))
            .unwrap_or(base)
    }

    fn custom_index_in_scope(
        &self,
        scope: &AdminScope,
        id: &ProfileId,
    ) -> Result<usize, PriorityError> {
        if &self.default_profile().id == id {
            return Err(PriorityError::DefaultCannotDelete);
        }
        let index = self
            .custom_profiles()
            .iter()
            .position(|p| &p.id == id)
            .ok_or_else(|| PriorityError::UnknownProfile(id.clone()))?;
        match self.custom_profiles().get(index) {
            Some(p) if scope.sees(Profile::Custom(p)) => Ok(index),
            Some(p) => Err(PriorityError::ProfileOutOfScope {
                name: p.name.clone(),
                tags: scope.describe(self),
            }),
            None => Err(PriorityError::UnknownProfile(id.clone())),
        }
    }
}

impl Tenant {
    /// Whether one more custom profile fits (DOMAIN §1: at most 50), for a Create button that
    /// says why it is disabled before the admin fills in a wizard that could not be saved.
    pub fn can_add_profile(&self) -> Result<(), PriorityError> {
        if self.custom_profiles().len() >= MAX_CUSTOM_PROFILES {
            Err(PriorityError::Cap)
        } else {
            Ok(())
        }
    }
}
