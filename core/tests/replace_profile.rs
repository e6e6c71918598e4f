#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Saving an edited profile: it replaces the original where it stands, so its priority stays.

use esp_core::model::{CustomProfile, DefaultProfile, ProfileId, Progress, Tenant};
use esp_core::priority::PriorityError;

fn tenant(names: &[&str]) -> Tenant {
    let mut tenant = Tenant::new(DefaultProfile::default());
    for name in names {
        tenant
            .add_profile(CustomProfile::new(name.to_lowercase(), *name))
            .unwrap();
    }
    tenant
}

#[test]
fn replacing_keeps_the_priority_and_takes_every_change() {
    let mut t = tenant(&["A", "B", "C"]);
    let mut edited = t.custom_profile(&ProfileId::from("b")).unwrap().clone();
    edited.name = "B renamed".into();
    edited.description = "now hidden".into();
    edited.settings = Progress::Hidden;
    assert_eq!(t.replace_profile(edited.clone()), Ok(2));
    let names: Vec<&str> = t
        .custom_profiles()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["A", "B renamed", "C"]);
    assert_eq!(t.custom_profile(&ProfileId::from("b")), Some(&edited));
}

#[test]
fn replacing_refuses_unknown_ids_and_the_default_profile() {
    let mut t = tenant(&["A"]);
    let before = t.clone();
    assert_eq!(
        t.replace_profile(CustomProfile::new("zzz", "Z")),
        Err(PriorityError::UnknownProfile(ProfileId::from("zzz")))
    );
    assert_eq!(
        t.replace_profile(CustomProfile::new(DefaultProfile::LOCAL_ID, "Default")),
        Err(PriorityError::UnknownProfile(ProfileId::from(
            DefaultProfile::LOCAL_ID
        )))
    );
    assert_eq!(t, before);
}
