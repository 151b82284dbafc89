//! The error every parser and rule in the domain returns: the field, the value and the
//! reason.
use std::borrow::Cow;
use std::fmt;

/// A value refused at the edge, or by a rule. It names the field and says why, so a CLI user
/// or an API client can correct the input without reading code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The field that was refused, as the user named it (`case_number`, `priority`, or
    /// `members[2].date_of_birth` for one element of a list).
    pub field: Cow<'static, str>,
    /// Why it was refused, with the offending value quoted.
    pub reason: String,
}

impl ParseError {
    /// A refusal of `field` for `reason`.
    pub fn new(field: impl Into<Cow<'static, str>>, reason: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl ParseError {
    /// The same refusal about a field of one element of a list, e.g. `reason` of
    /// `events[3]` becomes `events[3].reason`.
    pub fn within(self, element: impl fmt::Display) -> Self {
        Self {
            field: format!("{element}.{}", self.field).into(),
            reason: self.reason,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

impl std::error::Error for ParseError {}

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
                    other => Err($crate::ParseError::new(
                        $field,
                        format!(
                            "unknown value {other:?}; expected one of: {}",
                            [$($word),+].join(", ")
                        ),
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
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
