//! Reading serde's "adjacently tagged" enums (`{"kind": "custom", "text": "…"}`) without serde's
//! buffering.
//!
//! Why: the derived `Deserialize` of `#[serde(tag = …, content = …)]` must accept the content
//! before the tag, so it can buffer the content in serde's private `Content` tree and read it
//! again from there, which compiles the content type's deserializer a second time. In the browser
//! that was about 8 KB of wasm per enum (issue #9, ARCHITECTURE.md "Size"). [`adjacent`] reads the
//! same JSON in one pass: the tag and the content are two fields of a map, in any order, and the
//! enum's `Deserialize` turns the pair into a variant. `Serialize` stays derived: writing needs no
//! buffering, and the written form is what this reads.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

/// The tag and the content of an adjacently tagged value; the content is `None` when the field is
/// absent or `null` (a unit variant writes no content).
pub fn adjacent<'de, D, Tag, Content>(
    deserializer: D,
    name: &'static str,
    fields: &'static [&'static str; 2],
) -> Result<(Tag, Option<Content>), D::Error>
where
    D: Deserializer<'de>,
    Tag: Deserialize<'de>,
    Content: Deserialize<'de>,
{
    deserializer.deserialize_struct(
        name,
        fields,
        PairVisitor {
            fields,
            marker: PhantomData,
        },
    )
}

/// The content a variant needs, or serde's usual "missing field" error naming it.
pub fn required<T, E: de::Error>(content: Option<T>, field: &'static str) -> Result<T, E> {
    content.ok_or_else(|| E::missing_field(field))
}

struct PairVisitor<Tag, Content> {
    fields: &'static [&'static str; 2],
    marker: PhantomData<(Tag, Content)>,
}

impl<'de, Tag, Content> Visitor<'de> for PairVisitor<Tag, Content>
where
    Tag: Deserialize<'de>,
    Content: Deserialize<'de>,
{
    type Value = (Tag, Option<Content>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [tag, content] = self.fields;
        write!(f, "an object with `{tag}` and, for some kinds, `{content}`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let [tag_field, content_field] = *self.fields;
        let mut tag = None;
        let mut content = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == tag_field {
                if tag.is_some() {
                    return Err(de::Error::duplicate_field(tag_field));
                }
                tag = Some(map.next_value::<Tag>()?);
            } else if key == content_field {
                if content.is_some() {
                    return Err(de::Error::duplicate_field(content_field));
                }
                content = Some(map.next_value::<Option<Content>>()?);
            } else {
                // Like the derive: a field this version does not know is ignored.
                map.next_value::<IgnoredAny>()?;
            }
        }
        let tag = tag.ok_or_else(|| de::Error::missing_field(tag_field))?;
        Ok((tag, content.flatten()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::model::{Block, BlockSettings, BlockingApps, CustomMessage, GroupId, Target};

    fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_what_serialize_writes_in_either_order() {
        let block = Block::Yes(BlockSettings {
            allow_reset: true,
            allow_use: false,
            apps: BlockingApps::All,
        });
        let written = serde_json::to_string(&block).unwrap();
        assert_eq!(read::<Block>(&written).unwrap(), block);
        let content_first = r#"{"settings":{"allowReset":true,"allowUse":false,"apps":{"kind":"all"}},"block":"yes"}"#;
        assert_eq!(read::<Block>(content_first).unwrap(), block);
    }

    #[test]
    fn a_unit_variant_needs_no_content_and_accepts_null() {
        assert_eq!(read::<Block>(r#"{"block":"no"}"#).unwrap(), Block::No);
        assert_eq!(
            read::<Block>(r#"{"block":"no","settings":null}"#).unwrap(),
            Block::No
        );
        assert_eq!(
            read::<Target>(r#"{"kind":"allUsers"}"#).unwrap(),
            Target::AllUsers
        );
    }

    #[test]
    fn a_variant_with_data_names_its_missing_field() {
        let error = read::<CustomMessage>(r#"{"kind":"custom"}"#).unwrap_err();
        assert!(error.contains("missing field `text`"), "{error}");
        let error = read::<Target>(r#"{"kind":"group","groupId":null}"#).unwrap_err();
        assert!(error.contains("missing field `groupId`"), "{error}");
    }

    #[test]
    fn the_tag_is_required_and_checked() {
        let error = read::<Block>(r#"{"settings":null}"#).unwrap_err();
        assert!(error.contains("missing field `block`"), "{error}");
        let error = read::<Block>(r#"{"block":"maybe"}"#).unwrap_err();
        assert!(error.contains("unknown variant `maybe`"), "{error}");
        let error = read::<Block>(r#"{"block":"no","block":"yes"}"#).unwrap_err();
        assert!(error.contains("duplicate field `block`"), "{error}");
        let error = read::<Block>(r#"["no"]"#).unwrap_err();
        assert!(error.contains("invalid type"), "{error}");
    }

    #[test]
    fn unknown_fields_are_ignored_and_escaped_keys_read() {
        let target = read::<Target>(r#"{"note":[1,{"x":2}],"kind":"group","group\u0049d":"g1"}"#);
        assert_eq!(target.unwrap(), Target::Group(GroupId::new("g1")));
    }
}
