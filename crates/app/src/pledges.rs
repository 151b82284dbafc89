//! Pledges against arrivals: reading, recording and exporting them.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::programme::Pledge;
use resettle_domain::refusal::Vocabulary;
use resettle_domain::{Refusal, RefusalKind};

use crate::access::audit::succeeded;
use crate::bounds::{CALENDAR_YEARS, PERSONS, within, within_opt};
use crate::export_csv::SafeCsv;
use crate::{App, AppError, Caller, Permission, PledgeYear, ProgrammeSummary};

impl App {
    /// A programme's pledges per year with the persons who arrived and the gap; a year not
    /// over by the application's today is marked partial, and one not begun ahead.
    pub async fn pledges(&self, programme: &str) -> Result<Vec<PledgeYear>, AppError> {
        let this_year = self.today().year();
        Ok(self
            .store
            .pledges(programme)
            .await?
            .into_iter()
            .map(|r| PledgeYear {
                year: r.year,
                pledged: r.pledged,
                arrived: r.arrived(),
                gap: r.pledged - r.arrived(),
                partial: r.year >= this_year,
                ahead: r.year > this_year,
                source: r.source,
                arrived_before_resettle: r.arrived_before_resettle,
            })
            .collect())
    }

    /// Every programme with its pledges by year against arrivals, for the planner who
    /// records them (the pledge page). The figures are the public dashboard's; the page
    /// that lists them is the one that changes them, so it is the planner's alone.
    pub async fn pledge_book(&self, caller: &Caller) -> Result<Vec<ProgrammeSummary>, AppError> {
        self.require(caller, Permission::PlanQuotas, AuditEntity::Pledge, "")
            .await?;
        let mut programmes = Vec::new();
        for p in self.store.programmes().await? {
            programmes.push(self.summary(p).await?);
        }
        Ok(programmes)
    }

    /// Records or corrects the pledge of a year. A source is required: a pledge without one
    /// cannot be held to account.
    pub async fn set_pledge(
        &self,
        caller: &Caller,
        programme: &str,
        pledge: &Pledge,
    ) -> Result<(), AppError> {
        self.require(
            caller,
            Permission::PlanQuotas,
            AuditEntity::Pledge,
            programme,
        )
        .await?;
        if pledge.source.trim().is_empty() {
            // Say where the pledge is published (a decision, a press release, …).
            return Err(Refusal::of("source", RefusalKind::Missing).into());
        }
        within("year", pledge.year, &CALENDAR_YEARS)?;
        within("pledged", u64::from(pledge.pledged), &PERSONS)?;
        within_opt(
            "arrived_before_resettle",
            pledge.arrived_before_resettle.map(u64::from),
            &PERSONS,
        )?;
        let detail = format!("{}: {}", pledge.year, pledge.pledged);
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Pledge,
            programme,
            "",
            &detail,
        );
        self.store.set_pledge(programme, pledge, &[entry]).await?;
        Ok(())
    }

    /// The pledges as CSV (`year,pledged,arrived,gap,source`), for spreadsheets and for the
    /// NGOs who hold the programme to account.
    pub async fn pledges_csv(&self, programme: &str) -> Result<String, AppError> {
        let years = self.pledges(programme).await?;
        if years.is_empty() && !self.programme_exists(programme).await? {
            return Err(AppError::NotFound(format!(
                "programme {programme} does not exist"
            )));
        }
        let mut csv = SafeCsv::new(&["year", "pledged", "arrived", "gap", "source"])?;
        for y in &years {
            csv.row(&[
                y.year.to_string(),
                y.pledged.to_string(),
                y.arrived.to_string(),
                y.gap.to_string(),
                y.source.clone(),
            ])?;
        }
        csv.finish()
    }

    /// Records the published pledges of a state (`data/arrivals.csv`) for a programme,
    /// with their published arrivals. Years without a pledge for the year alone are
    /// skipped and returned, so nobody mistakes a missing figure for a zero.
    pub async fn load_published_pledges(
        &self,
        caller: &Caller,
        programme: &str,
        state: &str,
    ) -> Result<(usize, Vec<crate::reference::PublishedYear>), AppError> {
        self.require(
            caller,
            Permission::PlanQuotas,
            AuditEntity::Pledge,
            programme,
        )
        .await?;
        if !self.programme_exists(programme).await? {
            return Err(AppError::NotFound(format!(
                "programme {programme} does not exist"
            )));
        }
        let published = crate::reference::published_years()?;
        let years: Vec<_> = published
            .iter()
            .filter(|y| y.state.eq_ignore_ascii_case(state))
            .cloned()
            .collect();
        if years.is_empty() {
            let shipped: std::collections::BTreeSet<&str> =
                published.iter().map(|y| y.state.as_str()).collect();
            return Err(Refusal::not_in_list("state", state, shipped, Vocabulary::Plain).into());
        }
        let (with_pledge, skipped): (Vec<_>, Vec<_>) =
            years.into_iter().partition(|y| y.pledged.is_some());
        for y in &with_pledge {
            let pledge = Pledge {
                year: y.year,
                pledged: y.pledged.expect("partitioned on a pledge"),
                arrived_before_resettle: y.arrived,
                source: y.source.clone(),
            };
            self.set_pledge(caller, programme, &pledge).await?;
        }
        Ok((with_pledge.len(), skipped))
    }

    /// Whether a programme with this code exists.
    pub async fn programme_exists(&self, programme: &str) -> Result<bool, AppError> {
        Ok(self
            .store
            .programmes()
            .await?
            .iter()
            .any(|p| p.code == programme))
    }
}
