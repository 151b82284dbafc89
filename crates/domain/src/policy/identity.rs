//! Which profile this is: its name, version, country and the documents it rests on.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use crate::country::CountryCode;

/// The profile's identity. The `name` is what a programme refers to
/// (`Programme::policy_profile`), so it is a lower-case slug; the sources let anyone check
/// each figure against the document it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Identity {
    /// A lower-case slug, e.g. `belgium`, `netherlands-2012`; by convention the file name.
    pub name: String,
    /// Which edition of the policy this is, so a change of policy is a new version rather
    /// than a silent edit.
    pub version: Version,
    /// A one-line title for lists.
    pub title: String,
    /// The resettlement state.
    pub country: CountryCode,
    /// A paragraph on what the programme is.
    pub description: String,
    /// The documents the figures are taken from, one citation each.
    pub sources: Vec<String>,
}

/// A profile version: a plain number or a string such as the date of the policy document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Version {
    /// `version = 3`.
    Number(u32),
    /// `version = "2012-02-07"`.
    Text(String),
}

impl Identity {
    /// Reads and checks the identity keys at the top of the file.
    pub(super) fn read(p: &raw::Profile, cx: &Cx) -> Result<Self, PolicyError> {
        let name = p.name.get_ref();
        let slug = !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !slug {
            return Err(cx.at(
                &p.name,
                "name",
                format!("{name:?} is not a profile name (lower-case letters, digits and -, starting with a letter)"),
            ));
        }
        let version = match p.version.get_ref() {
            raw::Version::Number(n) => match u32::try_from(*n) {
                Ok(n) if n > 0 => Version::Number(n),
                _ => {
                    return Err(cx.at(
                        &p.version,
                        "version",
                        format!("must be a positive number or a string, got {n}"),
                    ));
                }
            },
            raw::Version::Text(s) if !s.trim().is_empty() => Version::Text(s.trim().to_string()),
            raw::Version::Text(_) => {
                return Err(cx.at(&p.version, "version", "must not be empty".into()));
            }
        };
        let country = CountryCode::parse("country", p.country.get_ref())
            .map_err(|e| cx.at(&p.country, "country", e.reason()))?;
        let sources: Vec<String> = p
            .sources
            .get_ref()
            .iter()
            .map(|s| s.trim().to_string())
            .collect();
        if sources.is_empty() || sources.iter().any(String::is_empty) {
            return Err(cx.at(
                &p.sources,
                "sources",
                "list at least one document the figures come from, and no empty entries".into(),
            ));
        }
        Ok(Identity {
            name: name.clone(),
            version,
            title: cx.text(&p.title, "title")?,
            country,
            description: p.description.trim().to_string(),
            sources,
        })
    }
}
