//! Where a family stays after arrival, stage by stage: the stay a step or a move begins,
//! checked against the family's stays, today and the place's room; and recording a move
//! between places (a centre to an LOI) that is no lifecycle step.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::policy::PolicyProfile;
use resettle_domain::reception::stay::{
    check_move, check_move_keeps_state, current, due_to_move_on,
};
use resettle_domain::reception::{Move, OccupancyRule, Stay, StayKind, check_room};
use resettle_domain::{ParseError, RefusalKind};
use resettle_storage::{NewStay, StoredCase};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

use super::case_number;
use crate::access::audit::succeeded;
use crate::{App, AppError, Caller, Permission};

/// Where a step or a move takes a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Destination<'a> {
    /// A reception place of the programme, by code.
    Place(&'a str),
    /// A sponsor group of the programme, by name.
    Sponsor(&'a str),
    /// The family's own home.
    Home,
}

/// A move of a family to another reception place, without a lifecycle step: from a
/// centre to a local reception initiative, or from one LOI to another.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct MoveRequest {
    /// The place's code (a centre or an LOI of the programme; a municipality for a family
    /// housed by a sponsor group in a programme without state reception).
    #[schema(example = "LOI-GENT")]
    pub place: String,
    /// The day of the move, if not today: not in the future, nor before the current stay
    /// began. The current stay ends and the next begins on it.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub on: Option<Date>,
    /// Why; required for a step back (an LOI to a centre).
    #[serde(default)]
    pub reason: String,
    /// Why the family goes to a place without room for it; a move over the place's
    /// capacity is refused without one, and the stay shows it with one.
    #[serde(default)]
    pub over_capacity_reason: Option<String>,
    /// The case's version as last seen.
    pub expected_version: i64,
}

/// A stay as shown: when the family is due to move on from it, under the profile.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StayView {
    /// The stay.
    #[serde(flatten)]
    #[schema(inline)]
    pub stay: Stay,
    /// Days stayed, until today for the current stay.
    pub days: i64,
    /// For the current stay: the day the profile's phase says it ends by (a Belgian LOI:
    /// 183 days; a centre: about 42).
    #[schema(value_type = Option<String>, format = Date)]
    pub due_by: Option<Date>,
    /// The reception place's name (the sponsor group's is its `place`).
    pub place_name: Option<String>,
}

/// A reception place a family may be moved to, as a form offers it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PlaceChoice {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Centre, LOI or municipality.
    pub kind: resettle_domain::reception::PlaceKind,
}

/// Where the family stands after a move.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Moved {
    /// UNHCR case number.
    pub case_number: String,
    /// The case's new version.
    pub version: i64,
    /// Every stay of the family, oldest first.
    pub stays: Vec<StayView>,
}

/// The stays of a case as shown on `today` under `policy`, reception places named from
/// `names` (by code, as read with the case).
pub(crate) fn stay_views(
    stays: &[Stay],
    names: &BTreeMap<String, String>,
    policy: &PolicyProfile,
    today: Date,
) -> Vec<StayView> {
    stays
        .iter()
        .map(|s| StayView {
            days: s.days(today),
            due_by: s
                .is_open()
                .then(|| due_to_move_on(policy.reception(), s))
                .flatten(),
            place_name: s
                .place
                .as_ref()
                .filter(|_| s.kind != StayKind::Sponsor)
                .and_then(|code| names.get(code).cloned()),
            stay: s.clone(),
        })
        .collect()
}

impl App {
    /// The reception places of a programme a family may be moved to (for reception
    /// officers, whose form offers them).
    pub async fn place_choices(
        &self,
        caller: &Caller,
        programme: &str,
    ) -> Result<Vec<PlaceChoice>, AppError> {
        self.require(caller, Permission::Place, AuditEntity::Reception, programme)
            .await?;
        Ok(self
            .store
            .place_names(programme)
            .await?
            .into_iter()
            .map(|(code, name, kind)| PlaceChoice { code, name, kind })
            .collect())
    }

    /// The stay a family begins at `to` on `on`, with `reason`: refused when the move
    /// cannot be ([`check_move`]), names a place the programme does not have (`field`
    /// names the input), is to a kind of stay `allowed` refuses (the step or move says
    /// which it leads to), or takes a place over its capacity without an
    /// `over_capacity_reason` ([`check_room`]: the place's current stays, and the families
    /// placement reserved it for, other than this one).
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn begin_stay_at(
        &self,
        stored: &StoredCase,
        policy: &PolicyProfile,
        to: Destination<'_>,
        field: &'static str,
        on: Date,
        reason: &str,
        over_capacity_reason: Option<&str>,
        allowed: &(dyn Fn(StayKind) -> Result<(), ParseError> + Sync),
    ) -> Result<NewStay, AppError> {
        let named = |e: ParseError| -> AppError {
            if e.field == "place" {
                ParseError {
                    field: field.into(),
                    ..e
                }
                .into()
            } else {
                e.into()
            }
        };
        let today = self.today();
        let file = &stored.file;
        let persons = file.travelling().len() as u32;
        let (kind, place, over) = match to {
            Destination::Home => {
                allowed(StayKind::Home).map_err(named)?;
                (StayKind::Home, None, None)
            }
            Destination::Sponsor(name) => {
                allowed(StayKind::Sponsor).map_err(named)?;
                (StayKind::Sponsor, Some(name.to_string()), None)
            }
            Destination::Place(code) => {
                let rule = OccupancyRule::on(policy.reception(), today);
                let number = file.case.case_number.as_str();
                let load = self
                    .store
                    .place_load(&stored.programme, code, number, &rule)
                    .await?
                    .ok_or_else(|| {
                        ParseError::of(
                            field,
                            RefusalKind::NotDefined {
                                given: code.to_string(),
                            },
                        )
                    })?;
                allowed(StayKind::from(load.kind)).map_err(named)?;
                let over = check_room(
                    code,
                    load.capacity_persons,
                    load.occupied_persons + load.reserved_persons,
                    persons,
                    over_capacity_reason,
                )?;
                (StayKind::from(load.kind), Some(load.code), over)
            }
        };
        let next = Move {
            kind,
            place,
            on,
            reason: reason.trim().to_string(),
        };
        check_move(&file.stays, &next, file.arrived_on(), today).map_err(named)?;
        Ok(NewStay {
            next,
            persons,
            over_capacity_reason: over,
        })
    }

    /// Moves a family to another reception place without a lifecycle step (reception
    /// officers): the current stay ends and the next begins on the day of the move. The
    /// move keeps the case's state ([`check_move_keeps_state`]), is checked like any stay
    /// ([`App::begin_stay_at`]), and is refused as stale when the case changed since
    /// `expected_version`; a refused move changes nothing. Recorded in the audit trail
    /// with the move.
    pub async fn move_family(
        &self,
        caller: &Caller,
        number: &str,
        req: &MoveRequest,
    ) -> Result<Moved, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::Place, AuditEntity::Stay)
            .await?;
        if stored.version != req.expected_version {
            return Err(AppError::Conflict(format!(
                "case {number} is at version {}, not {}: it was changed since you loaded it; \
                 reload and retry",
                stored.version, req.expected_version
            )));
        }
        let policy = self.policy(&stored.policy_profile).await?;
        let code = req.place.trim();
        // Say which reception place the family moves to.
        if code.is_empty() {
            return Err(ParseError::of("place", RefusalKind::Missing).into());
        }
        let stay = self
            .begin_stay_at(
                &stored,
                &policy,
                Destination::Place(code),
                "place",
                req.on.unwrap_or_else(|| self.today()),
                &req.reason,
                req.over_capacity_reason.as_deref(),
                &|kind| check_move_keeps_state(current(&stored.file.stays), kind),
            )
            .await?;
        let from = current(&stored.file.stays)
            .and_then(|s| s.place.clone())
            .unwrap_or_default();
        let over = stay
            .over_capacity_reason
            .as_deref()
            .map(|r| format!(", over capacity: {r}"))
            .unwrap_or_default();
        let detail = format!(
            "moved from {from} to {} on {}{over}",
            stay.next.place.as_deref().unwrap_or_default(),
            stay.next.on
        );
        let audit = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Case,
            number,
            "",
            &detail,
        );
        let version = self
            .store
            .move_family(&case_number(number)?, req.expected_version, &stay, &[audit])
            .await?;
        let after = self
            .store
            .case(&case_number(number)?)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("case {number} does not exist")))?;
        let stays = stay_views(&after.file.stays, &after.place_names, &policy, self.today());
        Ok(Moved {
            case_number: after.file.case.case_number.to_string(),
            version,
            stays,
        })
    }
}
