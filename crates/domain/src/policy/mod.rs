//! Policy profiles: a country's resettlement policy written as a versioned, human-readable
//! TOML file that the code interprets, so a new country or a new policy period is a new
//! file, not new code.
//!
//! A profile names the channels a programme uses, switches lifecycle steps off (never on:
//! the generic table in `CaseState::next` is the upper bound), lists the assessment checks
//! and so the grounds a refusal may cite, the pre-departure checks, time limits per
//! priority, the reception model, integration support, allowances, the quota and the
//! data-protection settings. `docs/policy.md` documents every key; `policies/` holds the
//! shipped profiles. Parsing is pure: the caller reads the file and passes its text.
mod assessment;
mod channels;
mod data_protection;
mod error;
mod family;
mod fields;
mod identity;
mod integration;
mod money;
mod planning;
mod pre_departure;
mod raw;
mod reasons;
mod reception;
mod reunification;
mod steps;
mod time_limit;

#[cfg(test)]
mod error_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod shipped_tests;

pub use assessment::{Assessment, Check, INTEGRATION_PERSPECTIVE};
pub use channels::ChannelRule;
pub use data_protection::{DEFAULT_RETENTION_YEARS, DEFAULT_SMALL_CELL_THRESHOLD, DataProtection};
pub use error::{Location, PolicyError};
pub use family::FamilyInformation;
pub use identity::{Identity, Version};
pub use integration::{DEFAULT_CHECKIN_MONTHS, DEFAULT_SUPPORT_MONTHS, IntegrationSupport};
pub use money::{Allowance, Money};
pub use planning::{ChannelQuota, Planning, PlanningKind};
pub use pre_departure::PreDepartureCheck;
pub use reasons::{LABEL_LANGUAGES, Labels, NameList, OTHER, Reason, ReasonList, Reasons};
pub use reception::{Reception, ReceptionModel, ReceptionPhase};
pub use reunification::ReunificationLimit;
pub use steps::{SWITCHABLE_STEPS, Steps};
pub use time_limit::{Overdue, OverdueScreen, Stop, TimeLimit};

use serde::Serialize;
use time::Date;

use crate::case::{CaseState, Channel, Priority, TransitionError};
use crate::refusal::Vocabulary;
use crate::{ParseError, RefusalKind};
use fields::Cx;

/// A parsed and checked policy profile. It can only be obtained from
/// [`PolicyProfile::parse`], so every value in it has passed the checks; it serialises to
/// JSON for display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyProfile {
    #[serde(flatten)]
    identity: Identity,
    channels: Vec<ChannelRule>,
    steps: Steps,
    assessment: Assessment,
    pre_departure: Vec<PreDepartureCheck>,
    post_arrival: Vec<PreDepartureCheck>,
    time_limits: Vec<TimeLimit>,
    reception: Reception,
    integration: IntegrationSupport,
    money: Money,
    planning: Option<Planning>,
    data_protection: DataProtection,
    placement_weights: resettle_placement::ScoreWeights,
    placement_fairness: Option<resettle_placement::DistributionPlan>,
    family: Option<FamilyInformation>,
    reunification: Option<ReunificationLimit>,
    reasons: Reasons,
}

impl PolicyProfile {
    /// Reads a profile from the text of a TOML file and checks it. The error says where
    /// (line and column) and which key, so the author can fix the file.
    pub fn parse(text: &str) -> Result<PolicyProfile, PolicyError> {
        let p: raw::Profile = toml::from_str(text).map_err(|e| PolicyError::from_toml(text, &e))?;
        let cx = Cx { text };
        let identity = Identity::read(&p, &cx)?;
        let steps = Steps::read(&p.steps, &cx)?;
        let channels = channels::read(&p.channels, &steps, &cx)?;
        let assessment = Assessment::read(&p.assessment, &cx)?;
        let pre_departure =
            pre_departure::read(&p.pre_departure, "pre_departure", "pre-departure", &cx)?;
        let post_arrival =
            pre_departure::read(&p.post_arrival, "post_arrival", "post-arrival", &cx)?;
        let time_limits = time_limit::read(&p.time_limits, &steps, &channels, &cx)?;
        let reception = Reception::read(&p.reception, &steps, &cx)?;
        let integration =
            IntegrationSupport::read(p.integration.as_ref(), p.support.as_ref(), &steps, &cx)?;
        let money = Money::read(p.money.as_ref(), &cx)?;
        let planning = p
            .planning
            .as_ref()
            .map(|r| Planning::read(r, &channels, &cx))
            .transpose()?;
        let data_protection = DataProtection::read(p.data_protection.as_ref(), &cx)?;
        let family = FamilyInformation::read(p.family.as_ref(), &cx)?;
        let reasons = Reasons::read(p.reasons.as_ref(), &cx)?;
        let reunification = ReunificationLimit::read(p.reunification.as_ref(), &cx)?;
        let placement = p.placement.unwrap_or_default();
        if let Some(plan) = &placement.fairness {
            plan.validate()
                .map_err(|reason| PolicyError::key("placement.fairness.band", reason))?;
        }
        Ok(PolicyProfile {
            identity,
            channels,
            steps,
            assessment,
            pre_departure,
            post_arrival,
            time_limits,
            reception,
            integration,
            money,
            planning,
            data_protection,
            placement_weights: placement.weights,
            placement_fairness: placement.fairness,
            family,
            reunification,
            reasons,
        })
    }

    /// Name, version, title, country, description and sources.
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// The profile's name, which programmes refer to.
    pub fn name(&self) -> &str {
        &self.identity.name
    }

    /// The channels the programme uses.
    pub fn channels(&self) -> &[ChannelRule] {
        &self.channels
    }

    /// Whether a case of `priority` may be decided through `channel`.
    pub fn channel_allows(&self, channel: Channel, priority: Priority) -> bool {
        channels::allows(&self.channels, channel, priority)
    }

    /// The lifecycle steps switched off.
    pub fn steps(&self) -> &Steps {
        &self.steps
    }

    /// Checks one step of a case against the generic lifecycle and this profile; the error
    /// lists the steps this programme allows instead.
    pub fn allows(&self, from: CaseState, to: CaseState) -> Result<(), TransitionError> {
        self.steps.allows(from, to)
    }

    /// The states that may follow `from` under this profile.
    pub fn next(&self, from: CaseState) -> Vec<CaseState> {
        self.steps.next(from)
    }

    /// The deciding authority and the checks it performs.
    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// The grounds a refusal may cite, in check order; `integration_perspective` is among
    /// them only when the profile has that check.
    pub fn refusal_grounds(&self) -> Vec<&str> {
        self.assessment.refusal_grounds()
    }

    /// The list a move to `to` must cite its grounds from, where the profile has one for
    /// that step: a refusal cites the grounds of the assessment's checks.
    pub fn grounds_for(&self, to: CaseState) -> Option<Vec<&str>> {
        (to == CaseState::Refused).then(|| self.refusal_grounds())
    }

    /// Refuses a move to a step with a list of grounds ([`Self::grounds_for`]) that cites
    /// none, or cites one the list does not have; any other step takes no grounds.
    pub fn check_grounds(&self, to: CaseState, grounds: &[String]) -> Result<(), ParseError> {
        let Some(allowed) = self.grounds_for(to) else {
            return Ok(());
        };
        let of = Vocabulary::Named(NameList::Check);
        if grounds.is_empty() {
            return Err(ParseError::of(
                "grounds",
                RefusalKind::NoneChosen {
                    allowed: allowed.iter().map(|g| g.to_string()).collect(),
                    of,
                },
            ));
        }
        match grounds.iter().find(|g| !allowed.contains(&g.as_str())) {
            Some(g) => Err(ParseError::not_in_list("grounds", g, allowed, of)),
            None => Ok(()),
        }
    }

    /// The reason lists: why a date moved, a decision was put off, a case withdrawn.
    pub fn reasons(&self) -> &Reasons {
        &self.reasons
    }

    /// Checks the reason code a step or a promise names against `list`, and the words
    /// that go with it: the code must be one of the list's (the error, on `reason_code`,
    /// lists those allowed), and the code [`OTHER`] says nothing by itself, so it needs
    /// the officer's words in `text`. Returns the code, trimmed.
    pub fn check_reason_code(
        &self,
        list: ReasonList,
        code: Option<&str>,
        text: &str,
    ) -> Result<String, ParseError> {
        let code = reasons::check_code(list, self.reasons.of(list), code)?;
        if code == OTHER && text.trim().is_empty() {
            return Err(ParseError::of(
                "reason",
                RefusalKind::OtherWithoutWords { list },
            ));
        }
        Ok(code)
    }

    /// Every name of `list` with its labels, in the profile's order.
    pub fn labelled(&self, list: NameList) -> Vec<(&str, &Labels)> {
        match list {
            NameList::Reason(r) => self
                .reasons
                .of(r)
                .iter()
                .map(|r| (r.code.as_str(), &r.label))
                .collect(),
            NameList::Check => self
                .assessment
                .checks
                .iter()
                .map(|c| (c.name.as_str(), &c.label))
                .collect(),
            NameList::PreDeparture => self
                .pre_departure
                .iter()
                .map(|c| (c.name.as_str(), &c.label))
                .collect(),
            NameList::PostArrival => self
                .post_arrival
                .iter()
                .map(|c| (c.name.as_str(), &c.label))
                .collect(),
        }
    }

    /// The label of `code` in `list` in `language` (an ISO 639-1 code), falling back to
    /// English where the profile gives none in that language; `None` for a code the list
    /// does not have. Pages, letters and the family status page show reasons and checks
    /// through this, so the words live in the profile beside the codes they explain.
    pub fn label(&self, list: NameList, code: &str, language: &str) -> Option<&str> {
        self.labelled(list)
            .into_iter()
            .find(|(c, _)| *c == code)
            .map(|(_, l)| l.get(language))
    }

    /// Whether this policy weighs integration prospects.
    pub fn has_integration_check(&self) -> bool {
        self.assessment.has_integration_check()
    }

    /// What must be done before departure, in order.
    pub fn pre_departure_checks(&self) -> &[PreDepartureCheck] {
        &self.pre_departure
    }

    /// The steps after arrival (Belgium: the asylum registration, the refugee status and
    /// its certificate), in order; each is recorded with its day once done.
    pub fn post_arrival_checks(&self) -> &[PreDepartureCheck] {
        &self.post_arrival
    }

    /// Refuses a pre-departure check this profile does not define, listing those it does.
    pub fn check_pre_departure(&self, name: &str) -> Result<(), ParseError> {
        if self.pre_departure.iter().any(|c| c.name == name) {
            return Ok(());
        }
        Err(ParseError::not_in_list(
            "checks",
            name,
            self.pre_departure.iter().map(|c| &c.name),
            Vocabulary::Named(NameList::PreDeparture),
        ))
    }

    /// Every time limit, ordered by priority.
    pub fn time_limits(&self) -> &[TimeLimit] {
        &self.time_limits
    }

    /// The time limits that apply to cases of `priority`.
    pub fn time_limits_for(&self, priority: Priority) -> &[TimeLimit] {
        time_limit::for_priority(&self.time_limits, priority)
    }

    /// The limits a case of `priority` has overrun, given the states it entered with their
    /// dates (oldest first) and today's date. Pure: the caller supplies `today`.
    pub fn overdue(
        &self,
        priority: Priority,
        history: &[(CaseState, Date)],
        today: Date,
    ) -> Vec<Overdue> {
        time_limit::overdue(self.time_limits_for(priority), &self.steps, history, today)
    }

    /// What a case must be, today, to be running late on one of the profile's limits
    /// ([`OverdueScreen`]): lets a database pick and decide the cases running late
    /// without reading their histories.
    pub fn overdue_screens(&self, today: Date) -> Vec<OverdueScreen> {
        time_limit::screens(&self.time_limits, &self.steps, today)
    }

    /// How families are received after arrival.
    pub fn reception(&self) -> &Reception {
        &self.reception
    }

    /// The reception model: centre then local, direct municipality, or a custom one.
    pub fn reception_model(&self) -> &ReceptionModel {
        &self.reception.model
    }

    /// Integration support after housing.
    pub fn integration(&self) -> &IntegrationSupport {
        &self.integration
    }

    /// The time limit for a decision on a reunification request, if the profile sets one.
    pub fn reunification_limit(&self) -> Option<&ReunificationLimit> {
        self.reunification.as_ref()
    }

    /// Months of integration support a family receives.
    pub fn support_months(&self) -> u32 {
        self.integration.support_months
    }

    /// The months after arrival at which a family's wellbeing check-ins fall due
    /// (`[support] checkin_months`), ascending.
    pub fn checkin_months(&self) -> &[u32] {
        &self.integration.checkin_months
    }

    /// Allowances and EU funding.
    pub fn money(&self) -> &Money {
        &self.money
    }

    /// The allowance for a family of `adults` and `minors`, in euro cents; `first_cohort`
    /// selects the first-cohort allowance when the profile has one.
    pub fn allowance_cents(&self, adults: u32, minors: u32, first_cohort: bool) -> i64 {
        self.money.allowance_cents(adults, minors, first_cohort)
    }

    /// The quota, when the profile sets one.
    pub fn planning(&self) -> Option<&Planning> {
        self.planning.as_ref()
    }

    /// The weights of the default placement score model (`[placement.weights]`), and how
    /// members' chances combine into a family's score.
    pub fn placement_weights(&self) -> &resettle_placement::ScoreWeights {
        &self.placement_weights
    }

    /// The distribution plan proposals must follow (`[placement.fairness]`), if any.
    pub fn placement_fairness(&self) -> Option<&resettle_placement::DistributionPlan> {
        self.placement_fairness.as_ref()
    }

    /// What the family status page tells the programme's families (`[family]`): what not
    /// to do yet and whom to contact, in their languages; `None` when the profile says
    /// nothing, and the page then shows neither.
    pub fn family(&self) -> Option<&FamilyInformation> {
        self.family.as_ref()
    }

    /// Retention and small-count publication settings.
    pub fn data_protection(&self) -> DataProtection {
        self.data_protection
    }
}
