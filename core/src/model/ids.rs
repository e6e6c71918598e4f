//! Opaque identifiers: every tenant object is referred to by a string id that we never interpret.
//!
//! Graph ids are usually GUIDs, but not always (the default profile's id carries a suffix, IntuneCD
//! backups strip ids, templates carry placeholders like `$groupid`). A newtype per kind keeps a
//! group id from being passed where an app id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps any string as an id.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as Graph writes it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }
    };
}

id_type!(
    /// The id of an ESP profile (`deviceEnrollmentConfiguration.id`).
    ProfileId
);
id_type!(
    /// The id of an Entra group.
    GroupId
);
id_type!(
    /// The id of a `mobileApp`.
    AppId
);
id_type!(
    /// The id of an assignment filter (`deviceAndAppManagementAssignmentFilter.id`).
    FilterId
);
id_type!(
    /// The id of a role scope tag (`"0"` is the built-in *Default* tag).
    ScopeTagId
);
