//! What the family status page tells every family of a programme in the programme's own
//! words: what not to do yet (UNHCR Lebanon tells families not to sell belongings, quit
//! work or take children out of school before a confirmed departure date) and whom to
//! contact. Policy, not code: each programme says it its way, in the families' languages,
//! as [`Labels`] (English required, the others where given).
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use super::reasons::Labels;

/// `[family]`: the texts of the family status page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FamilyInformation {
    /// What a family should not do yet, shown until the family has arrived.
    pub advice: Labels,
    /// Whom the family can ask, shown always and printed on the letter with its code.
    pub contact: Labels,
}

impl FamilyInformation {
    /// Reads `[family]`, if the profile has it.
    pub(super) fn read(
        raw: Option<&raw::Family>,
        cx: &Cx,
    ) -> Result<Option<FamilyInformation>, PolicyError> {
        raw.map(|f| {
            Ok(FamilyInformation {
                advice: Labels::read_table(&f.advice, "family.advice", cx)?,
                contact: Labels::read_table(&f.contact, "family.contact", cx)?,
            })
        })
        .transpose()
    }
}
