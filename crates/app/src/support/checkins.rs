//! Recording a wellbeing check-in: by staff for a family in their scope, or by the family
//! itself on its status page, with its consent. A check-in that flags a problem opens a
//! task for the provider; one at a follow-up (12 or 18 months) records each adult's work
//! among the outcomes the placement model is fitted on.
use resettle_domain::audit::AuditAction;
use resettle_domain::support::{
    CheckIn, HealthAccess, Housing, Problem, Respondent, SCHOOL_AGE, Schooling, Work, checkins_due,
    new_problems,
};
use resettle_domain::{Refusal, RefusalKind};
use resettle_storage::NewAuditEntry;
use serde::Deserialize;
use time::Date;

use super::{ENTITY, HEALTH_FIELDS, SupportView};
use crate::access::audit::succeeded;
use crate::cases::case_number;
use crate::family::FamilySession;
use crate::{App, AppError, Caller, Permission};

/// The answers of a check-in, as a form or a client sends them.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct CheckInAnswers {
    /// Which check-in: months after arrival, one of the profile's.
    pub months: u32,
    /// Day answered, not before arrival; default today.
    #[schema(value_type = Option<String>, format = Date)]
    pub answered_on: Option<Date>,
    /// A home of the family's own.
    pub own_home: bool,
    /// A kitchen it does not share.
    pub own_kitchen: bool,
    /// A shower it does not share.
    pub own_shower: bool,
    /// Rooms lived in (1 to 20), kitchen and bathroom not counted.
    pub rooms: u32,
    /// An adult follows a language course.
    pub language_course: bool,
    /// Each child of school age (5 to 17), whether in school.
    #[schema(value_type = Vec<Object>)]
    pub schooling: Vec<Schooling>,
    /// Working-age adults' work or training, and whether it matches their qualifications.
    #[schema(value_type = Vec<Object>)]
    pub work: Vec<Work>,
    /// Access to health care (special-category); leave out if the family prefers not to say.
    #[schema(value_type = Option<Object>)]
    pub health: Option<HealthAccess>,
    /// Family members still abroad (0 to 50).
    pub relatives_abroad: u32,
    /// How the family feels things are going, 1 (very badly) to 5 (very well).
    pub feeling: u8,
}

impl CheckInAnswers {
    fn checkin(&self, by: Respondent, today: Date) -> CheckIn {
        CheckIn {
            months: self.months,
            answered_on: self.answered_on.unwrap_or(today),
            answered_by: by,
            housing: Housing {
                own_home: self.own_home,
                own_kitchen: self.own_kitchen,
                own_shower: self.own_shower,
                rooms: self.rooms,
            },
            language_course: self.language_course,
            schooling: self.schooling.clone(),
            work: self.work.clone(),
            health: self.health,
            relatives_abroad: self.relatives_abroad,
            feeling: self.feeling,
        }
    }
}

/// The check-in a family may answer on its status page, or its supporter record for it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FamilyCheckInForm {
    /// Which check-in (months after arrival).
    pub months: u32,
    /// Every check-in that has fallen due, answered or not, in order: a supporter may
    /// record any of them again (a family's answer gone over together, a correction).
    pub fallen_due: Vec<u32>,
    /// Children of school age: member number and age.
    pub children: Vec<(u32, i32)>,
    /// Working-age adults: member number and age.
    pub adults: Vec<(u32, i32)>,
}

/// A family's own answers, with its consent to record them.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct FamilyCheckIn {
    /// The family agrees that its answers are kept and read by those who support it.
    pub consent: bool,
    /// The answers.
    pub answers: CheckInAnswers,
}

impl App {
    /// Records a check-in for a family in the caller's scope (support providers, reception
    /// officers, municipalities, sponsor groups); refused, naming the field, when it
    /// cannot exist ([`CheckIn::check`]). Nothing is written on refusal. Returns the
    /// family's support as the caller sees it.
    pub async fn record_checkin(
        &self,
        caller: &Caller,
        number: &str,
        answers: &CheckInAnswers,
    ) -> Result<SupportView, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::RecordCheckIns, ENTITY)
            .await?;
        let checkin = answers.checkin(Respondent::Staff, self.today());
        self.write_checkin(caller, &stored, &checkin).await?;
        self.support(caller, number).await
    }

    /// Records the family's own answers to a check-in from its status page. Refused
    /// without its consent, and (as any check-in) when it cannot exist; nothing is
    /// written on refusal. The trail names the family (`family:CASE`).
    pub async fn family_checkin(
        &self,
        family: &FamilySession,
        req: &FamilyCheckIn,
    ) -> Result<(), AppError> {
        if !req.consent {
            // The answers are kept only with the family's consent.
            return Err(resettle_domain::Refusal::of(
                "consent",
                resettle_domain::RefusalKind::Missing,
            )
            .into());
        }
        let number = case_number(family.case_number())?;
        let stored = self
            .store
            .case(&number)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("case {number} does not exist")))?;
        let checkin = req.answers.checkin(Respondent::Family, self.today());
        self.write_checkin(family.caller(), &stored, &checkin).await
    }

    /// The check-in a family may answer now on its status page: the earliest of the
    /// profile's months that has fallen due and is not answered, with its children of
    /// school age and its working-age adults (by number and age, no names); `None`
    /// before support started or when none is due.
    pub async fn family_checkin_form(
        &self,
        family: &FamilySession,
    ) -> Result<Option<FamilyCheckInForm>, AppError> {
        let number = case_number(family.case_number())?;
        match self.store.case(&number).await? {
            Some(stored) => self.checkin_form_of(&stored, false).await,
            None => Ok(None),
        }
    }

    /// The same form for a supporter recording a family's check-in: the family in the
    /// caller's scope (others are not found), for those who may record check-ins; once
    /// every check-in due is answered, the latest of them, to record again.
    pub async fn checkin_form(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<Option<FamilyCheckInForm>, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::RecordCheckIns, ENTITY)
            .await?;
        self.checkin_form_of(&stored, true).await
    }

    /// The check-in due for a stored family and whom it asks about (see
    /// [`App::family_checkin_form`]); `again` takes the latest answered one when none is
    /// left to answer.
    async fn checkin_form_of(
        &self,
        stored: &resettle_storage::StoredCase,
        again: bool,
    ) -> Result<Option<FamilyCheckInForm>, AppError> {
        let (Some(arrived), Some(_)) = (stored.file.arrived_on(), stored.file.support.as_ref())
        else {
            return Ok(None);
        };
        let policy = self.policy(&stored.policy_profile).await?;
        let answered: Vec<u32> = self
            .store
            .support_records(&stored.file.case.case_number, false)
            .await?
            .checkins
            .iter()
            .map(|c| c.checkin.months)
            .collect();
        let today = self.today();
        let fallen_due: Vec<u32> = checkins_due(arrived, policy.checkin_months(), &[], today)
            .iter()
            .map(|d| d.months)
            .collect();
        let open = checkins_due(arrived, policy.checkin_months(), &answered, today)
            .first()
            .map(|d| d.months);
        let Some(months) = open.or_else(|| fallen_due.last().copied().filter(|_| again)) else {
            return Ok(None);
        };
        let travelled = stored.file.travelling();
        let members = stored
            .file
            .case
            .members
            .iter()
            .filter(|m| travelled.contains(&m.member_no));
        Ok(Some(FamilyCheckInForm {
            months,
            fallen_due,
            children: members
                .clone()
                .filter(|m| SCHOOL_AGE.contains(&m.age_on(today)))
                .map(|m| (m.member_no, m.age_on(today)))
                .collect(),
            adults: members
                .filter(|m| m.is_working_age(today))
                .map(|m| (m.member_no, m.age_on(today)))
                .collect(),
        }))
    }

    /// Checks and writes a check-in with the tasks its new problems open and the
    /// follow-up outcomes it gives, audited in the same transaction.
    pub(super) async fn write_checkin(
        &self,
        caller: &Caller,
        stored: &resettle_storage::StoredCase,
        checkin: &CheckIn,
    ) -> Result<(), AppError> {
        let number = stored.file.case.case_number.clone();
        if stored.file.support.is_none() {
            return Err(Refusal::of("plan", RefusalKind::Missing).into());
        }
        let policy = self.policy(&stored.policy_profile).await?;
        checkin.check(&stored.file, policy.checkin_months(), self.today())?;
        let open: Vec<_> = self
            .store
            .support_records(&number, false)
            .await?
            .tasks
            .into_iter()
            .filter(|t| t.closed.is_none())
            .map(|t| t.problem)
            .collect();
        let problems = new_problems(checkin, &open);
        let outcomes = checkin.follow_ups(&stored.file, self.today());
        let audit = checkin_audit(caller, number.as_str(), checkin, &problems);
        self.store
            .record_checkin(
                &number,
                checkin,
                &caller.username,
                &problems,
                &outcomes,
                &[audit],
            )
            .await?;
        self.forget_cohort_figures();
        Ok(())
    }
}

/// The audit entry of a check-in written: naming the health answers when it holds them,
/// and the tasks its problems opened.
pub(super) fn checkin_audit(
    caller: &Caller,
    number: &str,
    checkin: &CheckIn,
    problems: &[Problem],
) -> NewAuditEntry {
    let fields = if checkin.health.is_some() {
        HEALTH_FIELDS
    } else {
        ""
    };
    let mut detail = format!("check-in at {} months", checkin.months);
    if !problems.is_empty() {
        let kinds: Vec<&str> = problems.iter().map(|p| p.kind.as_str()).collect();
        detail += &format!("; tasks opened: {}", kinds.join(", "));
    }
    succeeded(caller, AuditAction::Write, ENTITY, number, fields, &detail)
}
