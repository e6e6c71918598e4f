#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Priority operations: add, move, delete, duplicate, and what a scoped admin may do.

use esp_core::model::{CustomProfile, DefaultProfile, ProfileId, ScopeTagId, Tenant};
use esp_core::priority::{AdminScope, PriorityError};

/// A tenant whose custom profiles are named by the letters of `spec`, in priority order; an
/// upper-case letter carries scope tag `t1`, a lower-case one tag `t2`.
fn tenant(spec: &str) -> Tenant {
    let mut tenant = Tenant::new(DefaultProfile::shipped(
        "tenant_DefaultWindows10EnrollmentCompletionPageConfiguration",
    ));
    for letter in spec.chars() {
        let mut profile = CustomProfile::new(letter.to_string(), letter.to_string());
        let tag = if letter.is_uppercase() { "t1" } else { "t2" };
        profile.scope_tags = vec![ScopeTagId::from(tag)];
        tenant.add_profile(profile).unwrap();
    }
    tenant
}

/// The custom profiles' names in priority order.
fn order(tenant: &Tenant) -> String {
    tenant
        .custom_profiles()
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

fn t1() -> AdminScope {
    AdminScope::tags([ScopeTagId::from("t1")])
}

#[test]
fn add_gives_the_next_priority_just_above_the_default() {
    let mut t = tenant("AB");
    assert_eq!(t.add_profile(CustomProfile::new("C", "C")).unwrap(), 3);
    assert_eq!(order(&t), "ABC");
    let ranks: Vec<String> = t.profiles().map(|(p, _)| p.to_string()).collect();
    assert_eq!(ranks, ["1", "2", "3", "Default"]);
}

#[test]
fn add_refuses_the_51st_profile_and_duplicate_ids() {
    let mut t = Tenant::default();
    for n in 0..50 {
        t.add_profile(CustomProfile::new(format!("p{n}"), format!("P{n}")))
            .unwrap();
    }
    assert_eq!(
        t.add_profile(CustomProfile::new("x", "X")),
        Err(PriorityError::Cap)
    );
    let mut t = tenant("A");
    assert_eq!(
        t.add_profile(CustomProfile::new("A", "other")),
        Err(PriorityError::DuplicateId(ProfileId::from("A")))
    );
}

#[test]
fn add_as_scoped_admin_gives_the_admins_tags() {
    let mut t = tenant("");
    t.add_profile_as(&t1(), CustomProfile::new("n", "N"))
        .unwrap();
    assert_eq!(t.custom_profiles()[0].scope_tags, [ScopeTagId::from("t1")]);
}

#[test]
fn moves_keep_one_to_n() {
    // (profiles, from, to, expected order)
    let cases = [
        ("ABCD", 1, 4, "BCDA"),
        ("ABCD", 4, 1, "DABC"),
        ("ABCD", 2, 3, "ACBD"),
        ("ABCD", 3, 2, "ACBD"),
        ("ABCD", 2, 2, "ABCD"),
        ("A", 1, 1, "A"),
    ];
    for (spec, from, to, expected) in cases {
        let mut t = tenant(spec);
        t.move_profile(from, to).unwrap();
        assert_eq!(order(&t), expected, "{spec}: {from} → {to}");
    }
}

#[test]
fn moves_that_are_refused() {
    let cases = [
        ("ABC", 4, 1, PriorityError::DefaultCannotMove),
        ("ABC", 1, 4, PriorityError::DefaultCannotMove),
        (
            "ABC",
            0,
            1,
            PriorityError::NoSuchPosition {
                position: 0,
                count: 3,
            },
        ),
        (
            "ABC",
            1,
            9,
            PriorityError::NoSuchPosition {
                position: 9,
                count: 3,
            },
        ),
        ("", 1, 1, PriorityError::DefaultCannotMove),
    ];
    for (spec, from, to, error) in cases {
        let mut t = tenant(spec);
        assert_eq!(
            t.move_profile(from, to),
            Err(error),
            "{spec}: {from} → {to}"
        );
        assert_eq!(order(&t), spec, "a refused move changes nothing");
    }
    assert_eq!(
        PriorityError::DefaultCannotMove.to_string(),
        "The default profile always comes last and cannot be moved"
    );
}

#[test]
fn delete_closes_the_gap_and_never_takes_the_default() {
    let mut t = tenant("ABC");
    assert_eq!(t.delete_profile(&ProfileId::from("B")).unwrap().name, "B");
    assert_eq!(order(&t), "AC");
    assert_eq!(
        t.priority_of(&ProfileId::from("C")).unwrap().to_string(),
        "2"
    );
    let default_id = t.default_profile().id.clone();
    assert_eq!(
        t.delete_profile(&default_id),
        Err(PriorityError::DefaultCannotDelete)
    );
    assert_eq!(
        t.delete_profile(&ProfileId::from("Z")),
        Err(PriorityError::UnknownProfile(ProfileId::from("Z")))
    );
}

#[test]
fn duplicate_appends_a_copy_with_a_unique_name() {
    let mut t = tenant("AB");
    let first = t.duplicate_profile(&ProfileId::from("A")).unwrap();
    let second = t.duplicate_profile(&ProfileId::from("A")).unwrap();
    let third = t.duplicate_profile(&first).unwrap();
    assert_eq!(order(&t), "ABCopy of ACopy of A (2)Copy of Copy of A");
    assert_ne!(first, second);
    assert_eq!(t.priority_of(&third).unwrap().to_string(), "5");
    assert_eq!(
        t.custom_profile(&first).unwrap().scope_tags,
        [ScopeTagId::from("t1")]
    );

    let default_id = t.default_profile().id.clone();
    let copy = t.duplicate_profile(&default_id).unwrap();
    let copy = t.custom_profile(&copy).unwrap();
    assert_eq!(copy.name, "Copy of All users and all devices");
    assert_eq!(copy.settings, t.default_profile().settings);
}

#[test]
fn a_scoped_admin_sees_only_profiles_in_scope_with_true_priorities() {
    let t = tenant("AbCd");
    let seen: Vec<String> = t
        .visible_profiles(&t1())
        .into_iter()
        .map(|(rank, p)| format!("{rank}:{}", p.name()))
        .collect();
    assert_eq!(seen, ["1:A", "3:C", "Default:All users and all devices"]);
    assert_eq!(t.visible_profiles(&AdminScope::everything()).len(), 5);
}

#[test]
fn untagged_profiles_carry_the_default_tag_for_scope() {
    let mut t = Tenant::default();
    t.add_profile(CustomProfile::new("u", "untagged")).unwrap();
    assert_eq!(
        t.visible_profiles(&t1()).len(),
        1,
        "only the default profile"
    );
    let default_tag = AdminScope::tags([ScopeTagId::from("0")]);
    assert_eq!(t.visible_profiles(&default_tag).len(), 2);
}

#[test]
fn a_scoped_admin_moves_only_among_positions_in_scope() {
    // (profiles, from, to, expected order): t1 holds the upper-case letters.
    let cases = [
        ("AbCdE", 1, 5, "CbEdA"),
        ("AbCdE", 5, 1, "EbAdC"),
        ("AbCdE", 3, 1, "CbAdE"),
        ("AbCdE", 1, 3, "CbAdE"),
    ];
    for (spec, from, to, expected) in cases {
        let mut t = tenant(spec);
        t.move_profile_as(&t1(), from, to).unwrap();
        assert_eq!(order(&t), expected, "{spec}: {from} → {to}");
    }
}

#[test]
fn a_scoped_admin_is_refused_outside_scope() {
    let mut t = tenant("AbCd");
    t.scope_tags.push(esp_core::model::ScopeTag {
        id: ScopeTagId::from("t1"),
        display_name: "Paris".into(),
    });
    let refused = t.move_profile_as(&t1(), 1, 2).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "You can only move 'A' among profiles in your scope (tags: Paris)"
    );
    let refused = t.move_profile_as(&t1(), 2, 1).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "'b' is outside your scope (tags: Paris), so you cannot change it"
    );
    assert!(matches!(
        t.delete_profile_as(&t1(), &ProfileId::from("b")),
        Err(PriorityError::ProfileOutOfScope { .. })
    ));
    assert!(matches!(
        t.duplicate_profile_as(&t1(), &ProfileId::from("d")),
        Err(PriorityError::ProfileOutOfScope { .. })
    ));
    assert_eq!(
        t.move_profile_as(&t1(), 5, 1),
        Err(PriorityError::DefaultCannotMove)
    );
    assert_eq!(order(&t), "AbCd");
    t.delete_profile_as(&t1(), &ProfileId::from("C")).unwrap();
    assert_eq!(order(&t), "Abd");
}

#[test]
fn can_add_profile_answers_before_the_51st_is_tried() {
    let mut t = Tenant::default();
    for n in 0..49 {
        t.add_profile(CustomProfile::new(format!("p{n}"), format!("P{n}")))
            .unwrap();
    }
    assert_eq!(t.can_add_profile(), Ok(()));
    t.add_profile(CustomProfile::new("last", "Last")).unwrap();
    assert_eq!(t.can_add_profile(), Err(PriorityError::Cap));
    assert_eq!(
        t.duplicate_profile(&ProfileId::from("p1")),
        Err(PriorityError::Cap)
    );
    t.delete_profile(&ProfileId::from("p1")).unwrap();
    assert_eq!(t.can_add_profile(), Ok(()));
}
