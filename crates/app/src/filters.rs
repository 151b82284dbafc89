//! Reading the query parameters of list filters, shared by every list that filters.
use serde::{Deserialize, Deserializer};

/// A filter left blank, as a form's "any" choice sends it (`state=`), is no filter; any
/// other value is read as the field's type.
pub(crate) fn blank_is_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    match Option::<std::borrow::Cow<'de, str>>::deserialize(d)? {
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => T::deserialize(serde::de::value::StrDeserializer::<D::Error>::new(&s)).map(Some),
        None => Ok(None),
    }
}
