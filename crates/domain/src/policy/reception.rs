//! Where a family lives after arrival until it has a home of its own: a centre then a local
//! reception initiative (Belgium), or straight into a municipality (the Netherlands).
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use super::steps::Steps;
use crate::case::CaseState;
use crate::reception::PlaceKind;

/// The reception model. The two named ones are checked against the steps; a custom one is
/// a name for a model of the profile's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceptionModel {
    /// A reception centre, then local reception, then private housing (Belgium).
    CentreThenLocal,
    /// Placed directly in a municipality with a home ready (the Netherlands since 2011).
    DirectMunicipality,
    /// A model of the profile's own, by its snake_case name.
    Custom(String),
}

impl ReceptionModel {
    /// The word used in the profile and in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            ReceptionModel::CentreThenLocal => "centre_then_local",
            ReceptionModel::DirectMunicipality => "direct_municipality",
            ReceptionModel::Custom(name) => name,
        }
    }
}

impl Serialize for ReceptionModel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// How reception works in the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reception {
    /// The model.
    pub model: ReceptionModel,
    /// Whether a family received by a community sponsor group goes straight to its home,
    /// skipping the centre (Belgium's 2020 pilot).
    pub sponsorship_skips_centre: bool,
    /// The places a family passes through before its own home, in order.
    pub phases: Vec<ReceptionPhase>,
}

/// One stage of reception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReceptionPhase {
    /// Centre, local reception initiative or municipality.
    pub place: PlaceKind,
    /// The usual length of stay, as information (Belgian centres: about six weeks).
    pub typical_days: Option<u32>,
    /// The longest stay allowed (Belgian LOI: six months).
    pub max_days: Option<u32>,
    /// Anything a caseworker should know (which centres, who runs them).
    pub note: String,
}

/// The longest stay a phase may declare, so that a typo cannot pass for a rule.
const MAX_DAYS: u32 = 3_650;

impl Reception {
    /// Reads `[reception]` and checks it agrees with the steps: centre and LOI phases are
    /// the `in_reception` state, so they need it on; direct placement needs it off.
    pub(super) fn read(raw: &raw::Reception, steps: &Steps, cx: &Cx) -> Result<Self, PolicyError> {
        let model = match raw.model.get_ref().as_str() {
            "centre_then_local" => ReceptionModel::CentreThenLocal,
            "direct_municipality" => ReceptionModel::DirectMunicipality,
            _ => ReceptionModel::Custom(cx.name(&raw.model, "reception.model")?),
        };
        let reception_on = steps.is_on(CaseState::InReception);
        let mut phases = Vec::new();
        for (i, p) in raw.phases.iter().enumerate() {
            let key = |field: &str| format!("reception.phases[{i}].{field}");
            let place = cx.word(&p.place, &key("place"), "place", PlaceKind::ALL)?;
            if place != PlaceKind::Municipality && !reception_on {
                return Err(cx.at(
                    &p.place,
                    key("place"),
                    format!(
                        "a {place} phase is the in_reception step, which steps.off switches off"
                    ),
                ));
            }
            let typical_days = p
                .typical_days
                .as_ref()
                .map(|d| cx.count(d, &key("typical_days"), 1, MAX_DAYS))
                .transpose()?;
            let max_days = p
                .max_days
                .as_ref()
                .map(|d| cx.count(d, &key("max_days"), 1, MAX_DAYS))
                .transpose()?;
            if let (Some(t), Some(m), Some(w)) = (typical_days, max_days, &p.typical_days)
                && t > m
            {
                return Err(cx.at(
                    w,
                    key("typical_days"),
                    format!("{t} is more than max_days ({m})"),
                ));
            }
            phases.push(ReceptionPhase {
                place,
                typical_days,
                max_days,
                note: p.note.trim().to_string(),
            });
        }
        match model {
            ReceptionModel::CentreThenLocal if !reception_on => {
                return Err(cx.at(
                    &raw.model,
                    "reception.model",
                    "centre_then_local needs the in_reception step, which steps.off switches off"
                        .into(),
                ));
            }
            ReceptionModel::CentreThenLocal
                if phases.first().is_some_and(|p| p.place != PlaceKind::Centre) =>
            {
                return Err(cx.at(
                    &raw.model,
                    "reception.model",
                    "centre_then_local starts in a centre: make the first phase place = \"centre\""
                        .into(),
                ));
            }
            ReceptionModel::DirectMunicipality if reception_on => {
                return Err(cx.at(
                    &raw.model,
                    "reception.model",
                    "direct_municipality takes families from arrived straight to housed: add in_reception to steps.off".into(),
                ));
            }
            _ => {}
        }
        if raw.sponsorship_skips_centre && !reception_on {
            return Err(PolicyError::key(
                "reception.sponsorship_skips_centre",
                "there is no centre to skip: in_reception is switched off".into(),
            ));
        }
        Ok(Reception {
            model,
            sponsorship_skips_centre: raw.sponsorship_skips_centre,
            phases,
        })
    }
}
