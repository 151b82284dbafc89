//! `resettle support …` and `resettle checkin …`: a family's integration support, the
//! support work list and the cohort figures, and recording a wellbeing check-in.
use anyhow::Context;
use clap::Subcommand;
use resettle_app::Caller;
use resettle_app::support::{CheckInAnswers, CloseTask, NewContact, NewSupportPlan, SupportView};
use resettle_domain::support::{ContactKind, ProviderKind};
use time::Date;

use super::open;
use crate::output::{Format, Rows, print};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// A family's plan, goals, contacts, check-ins (with the health answers: the CLI acts
    /// with every role, audited) and tasks.
    Show {
        /// UNHCR case number.
        number: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Set a family's support plan (the length is the profile's) with the goals a new
    /// plan starts with.
    Plan {
        /// UNHCR case number.
        number: String,
        /// The organisation that gives the support.
        #[arg(long)]
        provider: String,
        /// ngo, municipality or sponsor_group.
        #[arg(long, default_value = "ngo")]
        kind: String,
        /// First day (YYYY-MM-DD), not before arrival; default today.
        #[arg(long)]
        starts_on: Option<String>,
    },
    /// Log a contact with the family.
    Contact {
        /// UNHCR case number.
        number: String,
        /// visit, office, call or message.
        #[arg(long, default_value = "visit")]
        kind: String,
        /// What it was about (no health details).
        #[arg(long)]
        note: String,
        /// Day of the contact (YYYY-MM-DD); default today.
        #[arg(long)]
        on: Option<String>,
    },
    /// Close an open task of the family.
    CloseTask {
        /// UNHCR case number.
        number: String,
        /// The task's id (see `support show`).
        task: i64,
        /// What was done.
        #[arg(long)]
        note: String,
    },
    /// Overdue check-ins and open tasks of every family in support.
    WorkList {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// A programme's cohort figures per arrival year, small cells withheld.
    Cohorts {
        /// The programme's code.
        programme: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// `resettle checkin`: record a wellbeing check-in from a JSON file of answers (the
/// API's `CheckInAnswers`; `-` reads standard input).
#[derive(Debug, clap::Args)]
pub struct CheckInArgs {
    /// UNHCR case number.
    number: String,
    /// The answers, as JSON (see the API's CheckInAnswers), or `-` for standard input.
    #[arg(long)]
    answers: String,
}

fn date(field: &str, s: Option<String>) -> anyhow::Result<Option<Date>> {
    s.map(|s| {
        Date::parse(
            &s,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .with_context(|| format!("{field}: {s:?} is not a date (YYYY-MM-DD)"))
    })
    .transpose()
}

fn print_view(view: &SupportView) {
    if let Some(plan) = &view.plan {
        println!(
            "{}: supported by {} ({}) from {} to {}",
            view.case_number,
            plan.provider,
            plan.provider_kind,
            plan.starts_on,
            plan.ends_on()
        );
    } else {
        println!("{}: no support plan", view.case_number);
    }
    for (i, g) in view.goals.iter().enumerate() {
        let member = g
            .member_no
            .map(|m| format!(" (member {m})"))
            .unwrap_or_default();
        let reached = g
            .reached_on
            .map(|d| format!("reached {d}"))
            .unwrap_or_else(|| "open".into());
        println!(
            "  goal {}: {}{member} by {}: {reached}",
            i + 1,
            g.kind,
            g.target_on
        );
    }
    for c in &view.checkins {
        println!(
            "  check-in at {} months, {} by {}: feeling {}/5",
            c.months, c.answered_on, c.answered_by, c.feeling
        );
    }
    for d in &view.due {
        let late = if d.overdue { ", overdue" } else { "" };
        println!("  check-in at {} months due {}{late}", d.months, d.due_on);
    }
    for t in &view.tasks {
        let state = match (t.closed_on, &t.closed_note) {
            (Some(d), Some(note)) if !note.is_empty() => format!("closed {d}: {note}"),
            (Some(d), _) => format!("closed {d}"),
            _ => "open".into(),
        };
        println!(
            "  task {}: {} (from the {}-month check-in, {}): {state}",
            t.id, t.kind, t.from_months, t.opened_on
        );
    }
}

pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let app = open(database).await?;
    let op = Caller::operator();
    match command {
        Command::Show { number, format } => {
            let view = app.support(&op, &number).await?;
            match format {
                Format::Table => print_view(&view),
                other => print(other, &view, || Rows::new(&[]))?,
            }
        }
        Command::Plan {
            number,
            provider,
            kind,
            starts_on,
        } => {
            let req = NewSupportPlan {
                provider,
                provider_kind: kind.parse::<ProviderKind>()?,
                starts_on: date("starts_on", starts_on)?,
            };
            print_view(&app.set_support_plan(&op, &number, &req).await?);
        }
        Command::Contact {
            number,
            kind,
            note,
            on,
        } => {
            let req = NewContact {
                on: date("on", on)?,
                kind: kind.parse::<ContactKind>()?,
                note,
            };
            print_view(&app.log_support_contact(&op, &number, &req).await?);
        }
        Command::CloseTask { number, task, note } => {
            let req = CloseTask { note };
            print_view(&app.close_support_task(&op, &number, task, &req).await?);
        }
        Command::WorkList { format } => {
            let list = app.support_work_list(&op).await?;
            print(format, &list, || {
                let mut rows = Rows::new(&["case", "what", "since"]);
                for o in &list.overdue {
                    rows.push(vec![
                        o.case_number.clone(),
                        format!("{}-month check-in overdue", o.months),
                        o.due_on.to_string(),
                    ]);
                }
                for t in &list.tasks {
                    rows.push(vec![
                        t.case_number.clone(),
                        t.kind.clone(),
                        t.opened_on.to_string(),
                    ]);
                }
                rows
            })?;
        }
        Command::Cohorts { programme, format } => {
            let figures = app.cohort_figures(&programme).await?;
            let below = format!("<{}", figures.small_cell_threshold);
            print(format, &figures, || {
                let mut rows = Rows::new(&[
                    "arrived",
                    "own housing by 6",
                    "language course",
                    "children in school",
                    "work 12",
                    "match 12",
                    "work 18",
                    "match 18",
                    "relative abroad",
                ]);
                for c in &figures.cohorts {
                    let cell = |s: resettle_domain::statistics::cohorts::Share| match (s.yes, s.of)
                    {
                        (Some(y), Some(o)) => format!("{y}/{o}"),
                        _ => below.clone(),
                    };
                    rows.push(vec![
                        c.arrival_year.to_string(),
                        cell(c.own_housing_by_month_6),
                        cell(c.language_course),
                        cell(c.children_in_school),
                        cell(c.employed_12),
                        cell(c.qualification_match_12),
                        cell(c.employed_18),
                        cell(c.qualification_match_18),
                        cell(c.reunification_pending),
                    ]);
                }
                rows
            })?;
        }
    }
    Ok(())
}

pub async fn run_checkin(database: &str, args: CheckInArgs) -> anyhow::Result<()> {
    let text = if args.answers == "-" {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(&args.answers)
            .with_context(|| format!("answers: cannot read {}", args.answers))?
    };
    let answers: CheckInAnswers =
        serde_json::from_str(&text).context("answers: not the JSON of a check-in")?;
    let app = open(database).await?;
    let view = app
        .record_checkin(&Caller::operator(), &args.number, &answers)
        .await?;
    print_view(&view);
    Ok(())
}
