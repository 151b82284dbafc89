//! What the family status page tells every family of a programme in the programme's own
//! words: what not to do yet (UNHCR Lebanon tells families not to sell belongings, quit
//! work or take children out of school before a confirmed departure date) and whom to
//! contact. Policy, not code: each programme says it its way, in the families' languages.
use std::collections::BTreeMap;

use serde::Serialize;
use toml::Spanned;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;

/// The language every text must have: the one a page falls back to for a language the
/// profile's author did not write.
pub const FALLBACK_LANGUAGE: &str = "en";

/// One text in several languages, by ISO 639-1 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Translated(BTreeMap<String, String>);

impl Translated {
    /// The text in `language`, or in English where the profile has none in it.
    pub fn get(&self, language: &str) -> &str {
        self.0
            .get(language)
            .or_else(|| self.0.get(FALLBACK_LANGUAGE))
            .map_or("", String::as_str)
    }

    /// Whether the profile has the text in `language` itself.
    pub fn has(&self, language: &str) -> bool {
        self.0.contains_key(language)
    }

    /// The languages the text is written in.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Reads a table of `code = "text"`: every code two lower-case letters, every text
    /// non-blank, English present.
    fn read(
        value: &Spanned<BTreeMap<String, String>>,
        key: &str,
        cx: &Cx,
    ) -> Result<Translated, PolicyError> {
        let texts = value.get_ref();
        for (code, text) in texts {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(cx.at(
                    value,
                    key,
                    format!("{code:?} is not an ISO 639-1 language code (two lower-case letters)"),
                ));
            }
            if text.trim().is_empty() {
                return Err(cx.at(value, format!("{key}.{code}"), "is blank".into()));
            }
        }
        if !texts.contains_key(FALLBACK_LANGUAGE) {
            return Err(cx.at(
                value,
                key,
                format!(
                    "needs the text in English ({FALLBACK_LANGUAGE} = \"…\"), shown where a \
                     language is missing"
                ),
            ));
        }
        Ok(Translated(
            texts
                .iter()
                .map(|(k, v)| (k.clone(), v.trim().to_string()))
                .collect(),
        ))
    }
}

/// `[family]`: the texts of the family status page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FamilyInformation {
    /// What a family should not do yet, shown until the family has travelled.
    pub advice: Translated,
    /// Whom the family can ask, shown always.
    pub contact: Translated,
}

impl FamilyInformation {
    /// Reads `[family]`, if the profile has it.
    pub(super) fn read(
        raw: Option<&raw::Family>,
        cx: &Cx,
    ) -> Result<Option<FamilyInformation>, PolicyError> {
        raw.map(|f| {
            Ok(FamilyInformation {
                advice: Translated::read(&f.advice, "family.advice", cx)?,
                contact: Translated::read(&f.contact, "family.contact", cx)?,
            })
        })
        .transpose()
    }
}
