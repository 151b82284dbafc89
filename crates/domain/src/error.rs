//! The error every parser and rule in the domain returns: the field, the value and the
//! reason.
/// The refusal every parser and rule returns, by the name the parsers were first written
/// with: a [`crate::Refusal`].
pub type ParseError = crate::refusal::Refusal;

/// A word of a fixed list as a person typed it in a form field or on a command line,
/// refused on `field` as that edge names it: as missing when blank, as not in the list
/// otherwise.
pub fn typed_word<T: std::str::FromStr<Err = crate::Refusal>>(
    field: impl Into<std::borrow::Cow<'static, str>>,
    typed: &str,
) -> Result<T, crate::Refusal> {
    let field = field.into();
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(crate::Refusal::of(field, crate::RefusalKind::Missing));
    }
    typed
        .parse()
        .map_err(|e: crate::Refusal| crate::Refusal { field, ..e })
}

/// Implements `as_str`, `FromStr`, `Display` and `ALL` for a field-less enum whose variants
/// are stored and exchanged as fixed snake_case words, so each such enum has one spelling
/// table and one error message shape.
#[macro_export]
macro_rules! word_enum {
    ($ty:ident, $field:literal, { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The word used in storage, JSON and the CLI.
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $word),+ }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::ParseError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($word => Ok($ty::$variant),)+
                    other => Err($crate::Refusal::not_in_list(
                        $field,
                        other,
                        [$($word),+],
                        $crate::refusal::Vocabulary::Word($field),
                    )),
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                // The reason only: the deserialiser's path names the field.
                s.parse()
                    .map_err(|e: $crate::Refusal| serde::de::Error::custom(e.kind))
            }
        }

        /// In the API's description: a string, one of the words.
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $ty {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($word),+]))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $ty {}
    };
}
