//! `resettle mission …` and `resettle sponsor …`: selection missions and sponsor groups.
use clap::Subcommand;
use resettle_app::{App, Caller, NewMission, NewSponsorGroup};
use time::Date;

use crate::output::{Format, Rows, print};

/// What to do with missions.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Missions with their outcome, and the count per year.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Plan a mission.
    Add {
        /// Programme code.
        #[arg(long)]
        programme: String,
        /// Unique code, e.g. BE-2027-LB-1.
        #[arg(long)]
        code: String,
        /// Country of asylum to visit (ISO alpha-2).
        #[arg(long)]
        destination: String,
        /// First day (YYYY-MM-DD).
        #[arg(long, value_parser = super::demo::parse_date)]
        starts_on: Date,
        /// Last day.
        #[arg(long, value_parser = super::demo::parse_date)]
        ends_on: Date,
        /// Team members as "name (agency)"; repeat for each.
        #[arg(long)]
        team: Vec<String>,
    },
    /// Record that a mission was completed or cancelled.
    Status {
        /// Mission code.
        code: String,
        /// planned, completed or cancelled.
        #[arg(long)]
        status: resettle_domain::mission::MissionStatus,
    },
}

/// What to do with sponsor groups.
#[derive(Debug, Subcommand)]
pub enum SponsorCommand {
    /// Sponsor groups and the cases they receive.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Add a sponsor group.
    Add {
        /// Programme code.
        #[arg(long)]
        programme: String,
        /// Name of the group.
        #[arg(long)]
        name: String,
        /// Municipality where the family will live.
        #[arg(long)]
        municipality: String,
        /// Contact person.
        #[arg(long)]
        contact: String,
        /// Members who signed the support agreement.
        #[arg(long)]
        members: u32,
        /// Persons the group can house.
        #[arg(long)]
        capacity: u32,
    },
}

async fn open(database: &str) -> anyhow::Result<App> {
    super::open(database).await
}

/// Runs a mission command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let app = open(database).await?;
    match command {
        Command::List { format } => {
            let list = app.missions().await?;
            print(format, &list, || {
                let mut rows = Rows::new(&[
                    "code",
                    "destination",
                    "dates",
                    "status",
                    "cases",
                    "interviewed",
                    "accepted",
                    "refused",
                    "deferred",
                ]);
                for m in &list.missions {
                    rows.push(vec![
                        m.code.clone(),
                        m.destination.clone(),
                        format!("{} – {}", m.starts_on, m.ends_on),
                        m.status.to_string(),
                        m.cases.to_string(),
                        m.interviewed.to_string(),
                        m.accepted.to_string(),
                        m.refused.to_string(),
                        m.deferred.to_string(),
                    ]);
                }
                rows
            })?;
            if format == Format::Table {
                for y in &list.per_year {
                    eprintln!(
                        "{}: {} completed, {} planned, {} cancelled",
                        y.year, y.completed, y.planned, y.cancelled
                    );
                }
            }
        }
        Command::Add {
            programme,
            code,
            destination,
            starts_on,
            ends_on,
            team,
        } => {
            app.plan_mission(
                &Caller::operator(),
                &NewMission {
                    programme,
                    code: code.clone(),
                    destination,
                    starts_on,
                    ends_on,
                    team,
                },
            )
            .await?;
            println!("mission {code} planned");
        }
        Command::Status { code, status } => {
            app.set_mission_status(&Caller::operator(), &code, status)
                .await?;
            println!("mission {code} is {status}");
        }
    }
    Ok(())
}

/// Runs a sponsor command.
pub async fn run_sponsor(database: &str, command: SponsorCommand) -> anyhow::Result<()> {
    let app = open(database).await?;
    match command {
        SponsorCommand::List { format } => {
            let groups = app.sponsor_groups(&Caller::operator()).await?;
            print(format, &groups, || {
                let mut rows = Rows::new(&["name", "municipality", "members", "capacity", "cases"]);
                for g in &groups {
                    rows.push(vec![
                        g.group.name.clone(),
                        g.group.municipality.clone(),
                        g.group.members.to_string(),
                        g.group.capacity_persons.to_string(),
                        g.cases.to_string(),
                    ]);
                }
                rows
            })?;
        }
        SponsorCommand::Add {
            programme,
            name,
            municipality,
            contact,
            members,
            capacity,
        } => {
            app.add_sponsor_group(
                &Caller::operator(),
                &NewSponsorGroup {
                    programme,
                    name: name.clone(),
                    municipality,
                    contact,
                    members,
                    capacity_persons: capacity,
                },
            )
            .await?;
            println!("sponsor group {name} added");
        }
    }
    Ok(())
}
