//! Lists of reasons a programme's staff choose from (why a promised date moved, why a case
//! was deferred or withdrawn, why a sponsorship broke down), and the labels of every name a profile defines (its
//! assessment checks, which are also the grounds a refusal cites, its pre-departure checks
//! and its reasons), in the languages staff and families read.
//!
//! One type ([`Labels`]) and one reader serve every list, so a check and a slip reason
//! are labelled, checked and looked up the same way. A code is what is stored and
//! compared; a label is only ever shown, so reports and the family status page can say
//! "the visa was not yet issued" in Arabic without the code changing.
use serde::Serialize;
use toml::Spanned;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use crate::refusal::{Refusal, RefusalKind, Vocabulary};
use crate::word_enum;

/// The languages a label may be given in: the staff pages' (English, Dutch, French) and the
/// families' (Arabic and Persian as well). English is required, so there is always a word
/// to fall back to.
pub const LABEL_LANGUAGES: &[&str] = &["en", "nl", "fr", "ar", "fa"];

/// The code every reason list has, so that a reason recorded before the lists existed (or
/// one nobody foresaw) can be stored; it must be explained in words.
pub const OTHER: &str = "other";

/// A name's words in each language of [`LABEL_LANGUAGES`]; English always, the others
/// where the profile gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    nl: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ar: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fa: Option<String>,
}

impl Labels {
    /// The label in `language` (an ISO 639-1 code), or the English one where the profile
    /// gives none in that language or the language is not one of [`LABEL_LANGUAGES`].
    pub fn get(&self, language: &str) -> &str {
        self.given(language).unwrap_or(&self.en)
    }

    /// The label in `language` exactly as the profile gives it, without falling back.
    pub fn given(&self, language: &str) -> Option<&str> {
        match language {
            "en" => Some(self.en.as_str()),
            "nl" => self.nl.as_deref(),
            "fr" => self.fr.as_deref(),
            "ar" => self.ar.as_deref(),
            "fa" => self.fa.as_deref(),
            _ => None,
        }
    }

    /// Reads the `label` table of the entry whose name is `name`, at `key` (e.g.
    /// `reasons.slip[2]`): English required, every label given must say something.
    fn read(
        raw: Option<&Spanned<raw::Labels>>,
        name: &Spanned<String>,
        key: &str,
        cx: &Cx,
    ) -> Result<Labels, PolicyError> {
        let Some(raw) = raw else {
            return Err(cx.at(
                name,
                format!("{key}.label.en"),
                format!(
                    "{:?} has no label: give at least label.en, and label.nl, label.fr, \
                     label.ar and label.fa for the pages in those languages",
                    name.get_ref()
                ),
            ));
        };
        Labels::read_table(raw, &format!("{key}.label"), cx)
    }

    /// Reads a table of texts by language at `key` (`reasons.slip[2].label`,
    /// `family.advice`): English required, every text given must say something.
    pub(super) fn read_table(
        raw: &Spanned<raw::Labels>,
        key: &str,
        cx: &Cx,
    ) -> Result<Labels, PolicyError> {
        let l = raw.get_ref();
        let text = |value: &Option<raw::Word>, lang: &str| -> Result<Option<String>, PolicyError> {
            value
                .as_ref()
                .map(|v| cx.text(v, &format!("{key}.{lang}")))
                .transpose()
        };
        let en = text(&l.en, "en")?.ok_or_else(|| {
            cx.at(
                raw,
                format!("{key}.en"),
                "missing: every label has an English one, the words other languages fall back to"
                    .into(),
            )
        })?;
        Ok(Labels {
            en,
            nl: text(&l.nl, "nl")?,
            fr: text(&l.fr, "fr")?,
            ar: text(&l.ar, "ar")?,
            fa: text(&l.fa, "fa")?,
        })
    }
}

/// A named thing of the profile with its labels: read from `name` (or `code`) and `label`.
pub(super) fn read_named(
    name: &Spanned<String>,
    label: Option<&Spanned<raw::Labels>>,
    key: &str,
    name_key: &str,
    cx: &Cx,
) -> Result<(String, Labels), PolicyError> {
    let code = cx.name(name, &format!("{key}.{name_key}"))?;
    let labels = Labels::read(label, name, key, cx)?;
    Ok((code, labels))
}

/// The lists of reasons a profile holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonList {
    /// Why a date told to the family moved (a slip, or a departure called off).
    Slip,
    /// Why a decision on a case was put off.
    Deferral,
    /// Why a case was withdrawn before travel.
    Withdrawal,
    /// Why a sponsorship broke down, so that the family went back from the home its
    /// sponsor group found into state reception: counted apart from the other lists, since
    /// it happens after arrival and says what a programme's sponsors need.
    Breakdown,
}
word_enum!(ReasonList, "list", {
    Slip => "slip",
    Deferral => "deferral",
    Withdrawal => "withdrawal",
    Breakdown => "breakdown",
});

/// Every list of names a profile labels: its reason lists, its assessment checks (whose
/// refusal grounds a refusal cites) and its pre-departure checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameList {
    /// One of the reason lists.
    Reason(ReasonList),
    /// `[[assessment.checks]]`: the checks of the assessment, and so the refusal grounds.
    Check,
    /// `[[pre_departure]]`: what must be done before a family travels.
    PreDeparture,
    /// `[[post_arrival]]`: the steps after arrival.
    PostArrival,
}

impl NameList {
    /// The list's word, as pages and exports key it: `slip`, `deferral`, `withdrawal`,
    /// `breakdown`, `check`, `pre_departure`, `post_arrival`.
    pub fn as_str(self) -> &'static str {
        match self {
            NameList::Reason(r) => r.as_str(),
            NameList::Check => "check",
            NameList::PreDeparture => "pre_departure",
            NameList::PostArrival => "post_arrival",
        }
    }

    /// Every list, reasons first.
    pub const ALL: [NameList; 7] = [
        NameList::Reason(ReasonList::Slip),
        NameList::Reason(ReasonList::Deferral),
        NameList::Reason(ReasonList::Withdrawal),
        NameList::Reason(ReasonList::Breakdown),
        NameList::Check,
        NameList::PreDeparture,
        NameList::PostArrival,
    ];
}

/// One reason of a list: the code stored and its labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// A snake_case code (`visa`, `medical_clearance`, `other`).
    pub code: String,
    /// Its words in each language.
    pub label: Labels,
}

/// `[reasons]`: the four lists, each holding [`OTHER`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reasons {
    slip: Vec<Reason>,
    deferral: Vec<Reason>,
    withdrawal: Vec<Reason>,
    breakdown: Vec<Reason>,
}

impl Reasons {
    /// The reasons of `list`, in the profile's order.
    pub fn of(&self, list: ReasonList) -> &[Reason] {
        match list {
            ReasonList::Slip => &self.slip,
            ReasonList::Deferral => &self.deferral,
            ReasonList::Withdrawal => &self.withdrawal,
            ReasonList::Breakdown => &self.breakdown,
        }
    }

    /// Reads `[reasons]`; each list is required, names each code once and holds [`OTHER`].
    pub(super) fn read(raw: Option<&Spanned<raw::Reasons>>, cx: &Cx) -> Result<Self, PolicyError> {
        let Some(raw) = raw else {
            return Err(PolicyError::key(
                "reasons",
                "missing: a profile lists the reasons for a slip, a deferral, a withdrawal and \
                 a sponsorship that broke down ([[reasons.slip]], [[reasons.deferral]], \
                 [[reasons.withdrawal]], [[reasons.breakdown]]), each with the code \"other\""
                    .into(),
            ));
        };
        let r = raw.get_ref();
        Ok(Reasons {
            slip: read_list(ReasonList::Slip, r.slip.as_ref(), raw, cx)?,
            deferral: read_list(ReasonList::Deferral, r.deferral.as_ref(), raw, cx)?,
            withdrawal: read_list(ReasonList::Withdrawal, r.withdrawal.as_ref(), raw, cx)?,
            breakdown: read_list(ReasonList::Breakdown, r.breakdown.as_ref(), raw, cx)?,
        })
    }
}

/// Reads one `[[reasons.<list>]]` array.
fn read_list(
    list: ReasonList,
    raw: Option<&Spanned<Vec<raw::Reason>>>,
    table: &Spanned<raw::Reasons>,
    cx: &Cx,
) -> Result<Vec<Reason>, PolicyError> {
    let key = format!("reasons.{list}");
    let Some(raw) = raw else {
        return Err(cx.at(
            table,
            key,
            format!("missing: list the {list} reasons, the code \"other\" among them"),
        ));
    };
    let mut reasons: Vec<Reason> = Vec::new();
    for (i, r) in raw.get_ref().iter().enumerate() {
        let at = format!("{key}[{i}]");
        let (code, label) = read_named(&r.code, r.label.as_ref(), &at, "code", cx)?;
        if reasons.iter().any(|k| k.code == code) {
            return Err(cx.at(
                &r.code,
                format!("{at}.code"),
                format!("the {list} reason {code:?} is listed twice"),
            ));
        }
        reasons.push(Reason { code, label });
    }
    if !reasons.iter().any(|r| r.code == OTHER) {
        return Err(cx.at(
            raw,
            key,
            format!(
                "list the code \"other\" too: a {list} reason nobody foresaw, or recorded before \
                 the lists existed, is stored as other with the officer's words"
            ),
        ));
    }
    Ok(reasons)
}

/// Refuses a reason code that is not in `allowed` (the codes of `list`), naming the field
/// `reason_code` and the codes allowed; and none given.
pub(super) fn check_code(
    list: ReasonList,
    allowed: &[Reason],
    code: Option<&str>,
) -> Result<String, Refusal> {
    let codes = allowed.iter().map(|r| r.code.clone());
    let of = Vocabulary::Named(NameList::Reason(list));
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Err(Refusal::of(
            "reason_code",
            RefusalKind::NoneChosen {
                allowed: codes.collect(),
                of,
            },
        ));
    };
    if allowed.iter().any(|r| r.code == code) {
        Ok(code.to_string())
    } else {
        Err(Refusal::not_in_list("reason_code", code, codes, of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels {
        Labels {
            en: "visa not yet issued".into(),
            nl: Some("visum nog niet afgegeven".into()),
            fr: None,
            ar: None,
            fa: None,
        }
    }

    #[test]
    fn a_label_falls_back_to_english() {
        let l = labels();
        assert_eq!(l.get("nl"), "visum nog niet afgegeven");
        assert_eq!(l.get("fr"), "visa not yet issued");
        assert_eq!(l.get("tlh"), "visa not yet issued");
        assert_eq!(l.given("fr"), None);
    }

    #[test]
    fn a_code_outside_the_list_is_refused_naming_the_codes_allowed() {
        let allowed = [Reason {
            code: "visa".into(),
            label: labels(),
        }];
        let e = check_code(ReasonList::Slip, &allowed, Some("weather")).unwrap_err();
        assert_eq!(e.field, "reason_code");
        assert_eq!(
            e.kind,
            RefusalKind::NotInList {
                given: "weather".into(),
                allowed: vec!["visa".into()],
                of: Vocabulary::Named(NameList::Reason(ReasonList::Slip))
            }
        );
        let e = check_code(ReasonList::Slip, &allowed, Some(" ")).unwrap_err();
        assert_eq!(e.kind.as_str(), "none_chosen");
        assert!(e.reason().contains("allowed: visa"), "{e}");
        assert_eq!(
            check_code(ReasonList::Slip, &allowed, Some(" visa")),
            Ok("visa".into())
        );
    }
}
