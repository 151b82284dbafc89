//! The report to Parliament on a programme's year: pledges against arrivals, who arrived,
//! selection missions, how long decisions and journeys took against the profile's limits,
//! every delay by reason, decisions by group (does selection discriminate?), reunification
//! requests waiting, reception occupancy and the money.
//!
//! Aggregates only: every count a table publishes is suppressed under the profile's
//! small-cell threshold (`crates/domain/src/statistics`), and may be rounded to 5. The
//! report holds codes and numbers; `resettle-reports` puts them into words in the reader's
//! language and into HTML, PDF, XLSX and CSV.
mod counting;
mod delays;
mod learning;
pub(crate) mod people;

use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::{CaseState, Priority};
use resettle_domain::mission::MissionStatus;
use resettle_domain::policy::PolicyProfile;
use resettle_domain::reception::PlaceKind;
use resettle_domain::statistics::nearest_rank;
use resettle_storage::Period;
use serde::Serialize;
use time::{Date, Month};

use crate::{App, AppError, Caller, Permission, PledgeYear};

pub use counting::{Breakdown, CountRow, Dimension};
pub use delays::{DelayGroup, DelayKind, DelayReason, delay_group};
pub use learning::{QuotaAgainstArrivals, QuotaLine};
pub use people::{DecisionRow, DecisionTable};

/// What to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnualRequest {
    /// Programme code; `None` for the database's only programme.
    pub programme: Option<String>,
    /// Calendar year.
    pub year: i32,
    /// Round every published count to the nearest 5 (Eurostat's practice).
    pub round_to_five: bool,
}

/// The programme reported on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedProgramme {
    /// Short code.
    pub code: String,
    /// Display name.
    pub name: String,
    /// The resettlement state, ISO alpha-2.
    pub state_code: String,
    /// The policy profile it runs under.
    pub policy_profile: String,
}

/// The report's figures, language-free: codes and published (suppressed, perhaps rounded)
/// numbers, `None` where a cell is withheld.
#[derive(Debug, Clone, Serialize)]
pub struct AnnualReport {
    /// Whose report.
    pub programme: ReportedProgramme,
    /// The year reported on.
    pub year: i32,
    /// The figures run to this day: the year's last, or today while it is not over.
    pub as_of: Date,
    /// The year is not over: its figures are "so far".
    pub partial: bool,
    /// The day the report was built.
    pub made_on: Date,
    /// Counts from 1 to this number minus one are withheld.
    pub small_cell_threshold: u32,
    /// Counts are rounded to a multiple of this, if to any.
    pub rounded_to: Option<u64>,
    /// Pledges against arrivals, every year of the plan up to the year reported on.
    pub pledges: Vec<PledgeYear>,
    /// Persons who arrived in the year, in all, each counted once.
    pub arrived_persons: Option<u64>,
    /// Families who arrived in the year.
    pub arrived_families: Option<u64>,
    /// Persons who arrived, by nationality, country of asylum, category, age band, sex
    /// and family size.
    pub arrivals: Vec<Breakdown>,
    /// Selection missions that took place or were planned in the year, or are planned
    /// after it.
    pub missions: Vec<MissionLine>,
    /// Submission to decision, acceptance to arrival.
    pub durations: Vec<DurationLine>,
    /// Delays of the year by reason.
    pub delays: Vec<DelayGroup>,
    /// Persons decided on in the year, accepted and refused, by group.
    pub decisions: Vec<DecisionTable>,
    /// Persons refused in the year by the ground cited.
    pub refusal_grounds: Breakdown,
    /// Reunification requests waiting for a decision at the end of the period.
    pub reunification: ReunificationSummary,
    /// Reception places and the persons in them, by kind of place.
    pub reception: Vec<OccupancyLine>,
    /// The day the occupancy was read (occupancy is not kept day by day).
    pub reception_on: Date,
    /// EU funding and allowances following the year's arrivals.
    pub money: MoneySummary,
    /// What the programme learns after arrival: its check-ins' figures per arrival year,
    /// small cells withheld as on the dashboard (the one function gives both).
    pub cohorts: crate::support::ProgrammeCohorts,
    /// The year's quota split over situations and channels against the persons who
    /// arrived (issue 24); `None` when no target is set for the year.
    pub quota: Option<QuotaAgainstArrivals>,
}

/// A selection mission as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissionLine {
    /// Code.
    pub code: String,
    /// The country of asylum visited.
    pub destination: String,
    /// First day of interviews.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// planned, completed or cancelled.
    pub status: MissionStatus,
    /// Cases selected for it; withheld when small.
    pub cases: Option<u64>,
}

/// Which interval a duration line measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    /// From UNHCR's submission to the decision (accepted, in part, refused), for the
    /// decisions of the year.
    SubmissionToDecision,
    /// From acceptance to arrival, for the arrivals of the year.
    AcceptanceToArrival,
}

impl Interval {
    /// The interval's code, for messages and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Interval::SubmissionToDecision => "submission_to_decision",
            Interval::AcceptanceToArrival => "acceptance_to_arrival",
        }
    }
}

/// Median and 90th percentile of an interval in days, against the profile's limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DurationLine {
    /// What is measured.
    pub interval: Interval,
    /// Families measured; withheld when small.
    pub families: Option<u64>,
    /// Median in days (nearest rank); withheld with `families`.
    pub median_days: Option<i64>,
    /// 90th percentile in days (nearest rank); withheld with `families`.
    pub p90_days: Option<i64>,
    /// The profile's limit for normal-priority cases, if it sets one.
    pub limit_days: Option<u32>,
    /// Where the limit comes from.
    pub limit_source: Option<String>,
    /// Families over the limit; withheld when small.
    pub over_limit: Option<u64>,
}

/// Reunification requests waiting for a decision, by how long they have waited.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReunificationSummary {
    /// The day counted on.
    pub on: Date,
    /// Requests waiting, by age band (`under_6_months`, `6_to_12_months`, …).
    pub waiting: Breakdown,
    /// Median days waited so far; withheld with a small total.
    pub median_days: Option<i64>,
}

/// The reception places of one kind and the persons in them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OccupancyLine {
    /// `centre`, `loi` or `municipality`; `total` for the sum.
    pub kind: String,
    /// Places of this kind.
    pub places: u64,
    /// Their capacity in persons.
    pub capacity: u64,
    /// Persons in them; withheld when small.
    pub occupied: Option<u64>,
}

/// The money following the year's arrivals, in euro cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoneySummary {
    /// EU funding per resettled person, if the profile names any.
    pub eu_funding_per_person_cents: Option<i64>,
    /// Where that figure comes from.
    pub eu_funding_source: String,
    /// Persons accepted and arrived in the year (as published).
    pub eligible_persons: Option<u64>,
    /// EU funding for them.
    pub eu_funding_cents: Option<i64>,
    /// Allowance per adult and per minor, if the profile pays one.
    pub allowance_per_adult_cents: Option<i64>,
    /// Per minor.
    pub allowance_per_minor_cents: Option<i64>,
    /// What the allowance pays for.
    pub allowance_purpose: String,
    /// Adults (18 and over at arrival) who arrived, as published.
    pub adults: Option<u64>,
    /// Minors who arrived, as published.
    pub minors: Option<u64>,
    /// Allowances due for them at the ordinary rate, from the published counts (the
    /// funding claim gives the exact amount per person, by cohort).
    pub allowances_cents: Option<i64>,
}

/// The days a report on a year covers: the whole year once it is over, up to today while
/// it is not.
#[derive(Debug, Clone, Copy)]
pub(crate) struct YearSpan {
    /// 1 January.
    pub first: Date,
    /// 31 December.
    pub last: Date,
    /// The last day counted: `last`, or today while the year is not over.
    pub as_of: Date,
    /// The day after `as_of` (periods end before it).
    pub until: Date,
}

impl YearSpan {
    /// The span of `year` on `today`; a year not begun is refused naming it.
    pub(crate) fn of(year: i32, today: Date) -> Result<YearSpan, AppError> {
        crate::bounds::within("year", year, &crate::bounds::CALENDAR_YEARS)?;
        // Every year of the bound and the one after it are days of `time`.
        let january = |y| {
            Date::from_calendar_date(y, Month::January, 1).expect("a calendar year has a 1 January")
        };
        let (first, next) = (january(year), january(year + 1));
        // A report covers a year begun.
        if first > today {
            return Err(resettle_domain::Refusal::of(
                "year",
                resettle_domain::RefusalKind::InFuture { day: first, today },
            )
            .into());
        }
        let last = next.previous_day().expect("a year has a last day");
        let as_of = last.min(today);
        let until = as_of.next_day().expect("a day has a next");
        Ok(YearSpan {
            first,
            last,
            as_of,
            until,
        })
    }
}

/// The decision states of the report: a final decision on the family.
const DECIDED: &[CaseState] = &[
    CaseState::Accepted,
    CaseState::AcceptedInPart,
    CaseState::Refused,
];
/// The acceptances an arrival follows.
pub(crate) const ACCEPTED: &[CaseState] = &[CaseState::Accepted, CaseState::AcceptedInPart];

impl App {
    /// Builds the report to Parliament for a year. Planners and auditors; the build is
    /// recorded in the trail (it reads no one's personal data out: aggregates only).
    pub async fn annual_report(
        &self,
        caller: &Caller,
        request: &AnnualRequest,
    ) -> Result<AnnualReport, AppError> {
        let year = request.year;
        self.require(
            caller,
            Permission::BuildReports,
            AuditEntity::AnnualReport,
            &year.to_string(),
        )
        .await?;
        let programme = self
            .reported_programme(request.programme.as_deref())
            .await?;
        let policy = self.policy(&programme.policy_profile).await?;
        let today = self.today();
        let YearSpan {
            first,
            last,
            as_of,
            until,
        } = YearSpan::of(year, today)?;
        let rules = counting::Rules {
            threshold: u64::from(policy.data_protection().small_cell_threshold),
            base: request.round_to_five.then_some(5),
        };
        let code = programme.code.clone();
        let code = code.as_str();
        let period = |states: &'static [CaseState]| Period {
            programme: code,
            states,
            from: first,
            until,
        };

        let arrivals = period(&[CaseState::Arrived]);
        let arrived = self.store.steps_in(&arrivals).await?;
        let acceptances = self.store.earlier_steps(&arrivals, ACCEPTED).await?;
        let travellers = self.travellers(&arrivals, &arrived, &acceptances).await?;

        let decisions = period(DECIDED);
        let decided = self.store.steps_in(&decisions).await?;
        let decided_members = self.store.members_in(&decisions).await?;
        let decided_people = people::decided(&decided, &decided_members);

        let slips = self.store.slipped_promises(code, first, until).await?;
        let called_off = self
            .store
            .steps_in(&period(&[CaseState::PreDeparture, CaseState::Deferred]))
            .await?;

        let pledges = self
            .pledges(code)
            .await?
            .into_iter()
            .filter(|y| y.year <= year)
            .collect();
        let persons = rules.count(travellers.len() as u64);
        let families = {
            let mut ids: Vec<i64> = arrived.iter().map(|s| s.case_id).collect();
            ids.sort_unstable();
            ids.dedup();
            rules.count(ids.len() as u64)
        };
        let report = AnnualReport {
            arrivals: people::arrival_breakdowns(&travellers, &rules),
            arrived_persons: persons,
            arrived_families: families,
            missions: self.missions_of(code, first, as_of, &rules).await?,
            durations: vec![
                duration(
                    Interval::SubmissionToDecision,
                    decided
                        .iter()
                        .map(|d| (d.at.date() - d.submitted_on).whole_days())
                        .collect(),
                    limit(&policy, &[CaseState::Submitted], DECIDED),
                    &rules,
                ),
                duration(
                    Interval::AcceptanceToArrival,
                    people::acceptance_to_arrival(&arrived, &acceptances),
                    limit(&policy, ACCEPTED, &[CaseState::Arrived]),
                    &rules,
                ),
            ],
            delays: delays::groups(&slips, &called_off, &rules),
            decisions: people::decision_tables(&decided_people, &rules),
            refusal_grounds: people::refusal_grounds(&decided, &decided_members, &rules),
            reunification: self.reunification_waiting(code, as_of, &rules).await?,
            reception: self.occupancy(code, &policy, &rules).await?,
            reception_on: today,
            money: money(&policy, &travellers, &rules),
            cohorts: self.cohort_figures(code).await?,
            quota: self.quota_of(code, year, &rules).await?,
            pledges,
            programme,
            year,
            as_of,
            partial: as_of < last,
            made_on: today,
            small_cell_threshold: policy.data_protection().small_cell_threshold,
            rounded_to: rules.base,
        };
        self.record_ok(
            caller,
            AuditAction::Report,
            AuditEntity::AnnualReport,
            &format!("{code} {year}"),
            "",
            if request.round_to_five {
                "rounded to 5"
            } else {
                ""
            },
        )
        .await?;
        Ok(report)
    }

    /// The persons who arrived in `arrivals`, each once: the members each arrival's
    /// acceptance accepted.
    pub(crate) async fn travellers(
        &self,
        arrivals: &Period<'_>,
        arrived: &[resettle_storage::CaseStep],
        acceptances: &[resettle_storage::CaseStep],
    ) -> Result<Vec<people::Traveller>, AppError> {
        let members = self.store.members_in(arrivals).await?;
        Ok(people::travellers(arrived, acceptances, &members))
    }

    /// The programme asked for, or the only one; several without a choice is refused
    /// naming them.
    pub(crate) async fn reported_programme(
        &self,
        code: Option<&str>,
    ) -> Result<ReportedProgramme, AppError> {
        let rows = self.store.programmes().await?;
        let chosen = match code {
            Some(code) => rows
                .into_iter()
                .find(|p| p.code == code)
                .ok_or_else(|| AppError::NotFound(format!("programme: {code} does not exist")))?,
            None => {
                let codes: Vec<String> = rows.iter().map(|p| p.code.clone()).collect();
                let mut rows = rows.into_iter();
                match (rows.next(), rows.next()) {
                    (Some(only), None) => only,
                    (None, _) => {
                        return Err(AppError::NotFound(
                            "programme: the database holds no programme".into(),
                        ));
                    }
                    _ => {
                        return Err(resettle_domain::Refusal::of(
                            "programme",
                            resettle_domain::RefusalKind::Several { found: codes },
                        )
                        .into());
                    }
                }
            }
        };
        Ok(ReportedProgramme {
            code: chosen.code,
            name: chosen.name,
            state_code: chosen.state_code,
            policy_profile: chosen.policy_profile,
        })
    }

    /// The programme's missions that started in the year up to `as_of`, or are planned to
    /// start in it or later, in order of their first day.
    async fn missions_of(
        &self,
        programme: &str,
        first: Date,
        as_of: Date,
        rules: &counting::Rules,
    ) -> Result<Vec<MissionLine>, AppError> {
        let mut chosen: Vec<_> = self
            .missions()
            .await?
            .missions
            .into_iter()
            .filter(|m| m.programme == programme)
            .filter(|m| {
                m.starts_on >= first && (m.starts_on <= as_of || m.status == MissionStatus::Planned)
            })
            .collect();
        chosen.sort_by(|a, b| a.starts_on.cmp(&b.starts_on).then(a.code.cmp(&b.code)));
        let cases: Vec<u64> = chosen.iter().map(|m| m.cases.max(0) as u64).collect();
        let shown = rules.column(&cases);
        Ok(chosen
            .into_iter()
            .zip(shown.cells)
            .map(|(m, cases)| MissionLine {
                code: m.code,
                destination: m.destination,
                starts_on: m.starts_on,
                ends_on: m.ends_on,
                status: m.status,
                cases,
            })
            .collect())
    }

    /// Reunification requests waiting for a decision on `on`: filed by then and not yet
    /// moved on (a request moved on after `on` was still waiting on it).
    async fn reunification_waiting(
        &self,
        programme: &str,
        on: Date,
        rules: &counting::Rules,
    ) -> Result<ReunificationSummary, AppError> {
        let waited: Vec<i64> = self
            .store
            .reunification_requests_by(programme, on)
            .await?
            .into_iter()
            .filter(|r| r.resolved_on.is_none_or(|d| d > on))
            .map(|r| (on - r.requested_on).whole_days())
            .collect();
        let band = |days: i64| match days {
            ..183 => "under_6_months",
            183..365 => "6_to_12_months",
            365..730 => "1_to_2_years",
            _ => "2_years_and_more",
        };
        let waiting = counting::breakdown(
            Dimension::Waiting,
            [
                "under_6_months",
                "6_to_12_months",
                "1_to_2_years",
                "2_years_and_more",
            ],
            waited.iter().map(|&d| band(d)),
            rules,
        );
        let median_days = rules
            .enough(waited.len() as u64)
            .then(|| nearest_rank(&waited, 0.5))
            .flatten();
        Ok(ReunificationSummary {
            on,
            waiting,
            median_days,
        })
    }

    /// Reception places by kind and the persons in them now, with the total.
    async fn occupancy(
        &self,
        programme: &str,
        policy: &resettle_domain::policy::PolicyProfile,
        rules: &counting::Rules,
    ) -> Result<Vec<OccupancyLine>, AppError> {
        let rule = resettle_domain::reception::OccupancyRule::on(policy.reception(), self.today());
        let places = self.store.reception_occupancy(programme, &rule).await?;
        let mut kinds: Vec<PlaceKind> = places.iter().map(|p| p.kind).collect();
        kinds.sort_by_key(|k| k.as_str());
        kinds.dedup();
        let of_kind = |k: &PlaceKind| places.iter().filter(|p| p.kind == *k).collect::<Vec<_>>();
        let occupied: Vec<u64> = kinds
            .iter()
            .map(|k| {
                of_kind(k)
                    .iter()
                    .map(|p| p.occupied_persons.max(0) as u64)
                    .sum()
            })
            .collect();
        let shown = rules.column(&occupied);
        let mut lines: Vec<OccupancyLine> = kinds
            .iter()
            .zip(shown.cells)
            .map(|(k, occupied)| OccupancyLine {
                kind: k.as_str().to_string(),
                places: of_kind(k).len() as u64,
                capacity: of_kind(k)
                    .iter()
                    .map(|p| p.capacity_persons.max(0) as u64)
                    .sum(),
                occupied,
            })
            .collect();
        lines.push(OccupancyLine {
            kind: "total".into(),
            places: places.len() as u64,
            capacity: places
                .iter()
                .map(|p| p.capacity_persons.max(0) as u64)
                .sum(),
            occupied: shown.total,
        });
        Ok(lines)
    }
}

/// The median and 90th percentile of `days`, withheld for fewer families than the
/// threshold (a percentile of three families describes three families).
fn duration(
    interval: Interval,
    days: Vec<i64>,
    limit: Option<(u32, String)>,
    rules: &counting::Rules,
) -> DurationLine {
    let n = days.len() as u64;
    let shown = rules.enough(n);
    let over = limit
        .as_ref()
        .map(|(l, _)| days.iter().filter(|&&d| d > i64::from(*l)).count() as u64);
    DurationLine {
        interval,
        families: rules.count(n),
        median_days: shown.then(|| nearest_rank(&days, 0.5)).flatten(),
        p90_days: shown.then(|| nearest_rank(&days, 0.9)).flatten(),
        limit_days: limit.as_ref().map(|(l, _)| *l),
        limit_source: limit.map(|(_, s)| s),
        over_limit: over.and_then(|o| rules.count(o)),
    }
}

/// The profile's limit on normal-priority cases from one of `from` to one of `to`, with
/// its source: the limit most families are held to.
fn limit(policy: &PolicyProfile, from: &[CaseState], to: &[CaseState]) -> Option<(u32, String)> {
    policy
        .time_limits_for(Priority::Normal)
        .iter()
        .find(|l| from.contains(&l.from) && to.contains(&l.to))
        .map(|l| (l.days, l.source.clone()))
}

/// The EU funding and allowances the year's arrivals bring, from the published counts.
fn money(
    policy: &PolicyProfile,
    travellers: &[people::Traveller],
    rules: &counting::Rules,
) -> MoneySummary {
    let m = policy.money();
    let persons = rules.count(travellers.len() as u64);
    let adults_n = travellers.iter().filter(|t| t.adult).count() as u64;
    let adults = rules.count(adults_n);
    let minors = rules.count(travellers.len() as u64 - adults_n);
    let times = |cents: i64, n: Option<u64>| n.map(|n| cents.saturating_mul(n as i64));
    let allowances = m.allowance.as_ref().and_then(|a| {
        Some(times(a.per_adult_cents, adults)?.saturating_add(times(a.per_minor_cents, minors)?))
    });
    MoneySummary {
        eu_funding_per_person_cents: m.eu_funding_per_person_cents,
        eu_funding_source: m.eu_funding_source.clone(),
        eligible_persons: persons,
        eu_funding_cents: m
            .eu_funding_per_person_cents
            .and_then(|c| times(c, persons)),
        allowance_per_adult_cents: m.allowance.as_ref().map(|a| a.per_adult_cents),
        allowance_per_minor_cents: m.allowance.as_ref().map(|a| a.per_minor_cents),
        allowance_purpose: m
            .allowance
            .as_ref()
            .map(|a| a.purpose.clone())
            .unwrap_or_default(),
        adults,
        minors,
        allowances_cents: allowances,
    }
}
